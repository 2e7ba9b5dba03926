# batadv: the batman-adv generic netlink family (batctl 2023.0): mesh
# interface, hard interfaces, settings get/set, originator/neighbor/
# translation tables, events.
cap_start
run modprobe batman-adv
run ip link add bv0 type veth peer name bv1
run ip link set bv0 up
run ip link set bv1 up
bg batctl-event.txt batctl event -t
sleep 0.3
run ip link add bat0 type batadv
run batctl meshif bat0 if add bv0
run ip link set bat0 up
run batctl meshif bat0 if
truth batctl-if.txt batctl meshif bat0 if
run batctl meshif bat0 routing_algo
run batctl ra
run batctl meshif bat0 orig_interval 2000
run batctl meshif bat0 orig_interval
run batctl meshif bat0 gw_mode server 10mbit/2mbit
run batctl meshif bat0 gw_mode
run batctl meshif bat0 ap_isolation 1
run batctl meshif bat0 ap_isolation
run batctl meshif bat0 bridge_loop_avoidance 0
run batctl meshif bat0 fragmentation
run batctl meshif bat0 hop_penalty 20
run batctl meshif bat0 multicast_forceflood 1
run batctl hardif bv0 hop_penalty 5
run batctl hardif bv0 hop_penalty
truth batctl-settings.txt batctl meshif bat0 orig_interval
run batctl meshif bat0 originators
run batctl meshif bat0 neighbors
run batctl meshif bat0 translocal
truth batctl-tl.txt batctl meshif bat0 translocal
run batctl meshif bat0 transglobal
run batctl meshif bat0 gateways
run batctl meshif bat0 mcast_flags
run batctl meshif bat0 claimtable
run batctl meshif bat0 interface del bv0
sleep 0.5
bg_stop batctl-event.txt
run ip link del bat0
run ip link del bv0
