# team: the team generic netlink family (teamd and teamnl from
# libteam-utils): port list, options get/set, change notifications.
cap_start
run modprobe team
run ip link add tp0 type dummy
run ip link add tp1 type dummy
runsh "teamd -d -t team0 -c '{\"runner\": {\"name\": \"activebackup\"}, \"ports\": {\"tp0\": {}, \"tp1\": {}}}'"
run sleep 2
bg teamnl-monitor.txt teamnl team0 monitor all
sleep 0.3
run teamnl team0 ports
truth teamnl-ports.txt teamnl team0 ports
run teamnl team0 options
truth teamnl-options.txt teamnl team0 options
run teamnl team0 getoption mode
run teamnl team0 getoption activeport
run teamnl team0 setoption mcast_rejoin_count 3
run teamnl team0 setoption notify_peers_interval 100
run teamnl team0 getoption mcast_rejoin_count
run teamnl team0 activeport
run teamdctl team0 state
truth teamdctl-state.json teamdctl team0 state dump
run ip link set tp1 down
run sleep 1
run teamdctl team0 port remove tp1
run teamnl team0 ports
run sleep 0.5
bg_stop teamnl-monitor.txt
run teamd -k -t team0
run sleep 1
run ip link del tp0
run ip link del tp1
