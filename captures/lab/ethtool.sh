# ethtool: the ethtool generic netlink family, set requests and their
# notifications (the devlink scenario has the show requests). A netdevsim
# port implements ring, channel, coalesce, pause and FEC settings; veth
# implements features and channels. `ethtool --monitor` listens throughout.
cap_start
bg ethtool-monitor.txt ethtool --monitor
sleep 0.3
D=
if have_mod netdevsim; then
    run modprobe netdevsim
    runsh 'echo "10 1" > /sys/bus/netdevsim/new_device'
    run sleep 1
    D=$(ls /sys/bus/netdevsim/devices/netdevsim10/net/ 2>/dev/null | head -1)
    note "netdevsim10 port: $D"
fi
run ip link add et0 type veth peer name et1
run ip link set et0 up
run ip link set et1 up

note "--- rings, channels, coalesce, pause on the netdevsim port"
if [ -n "$D" ]; then
    run ethtool -g "$D"
    run ethtool -G "$D" rx 512 tx 256
    truth ring.txt ethtool -g "$D"
    truth ring.json ethtool --json -g "$D"
    run ethtool -l "$D"
    run ethtool -L "$D" combined 1
    run ethtool -c "$D"
    run ethtool -C "$D" rx-usecs 40 tx-usecs 60
    truth coalesce.json ethtool --json -c "$D"
    run ethtool -a "$D"
    run ethtool -A "$D" rx on tx off
    truth pause.json ethtool --json -a "$D"
    run ethtool --show-fec "$D"
    run ethtool --set-fec "$D" encoding rs
    truth fec.txt ethtool --show-fec "$D"
    run ethtool --show-eee "$D"
    run ethtool "$D"
fi

note "--- features, channels, link settings on veth"
run ethtool -k et0
run ethtool -K et0 gro off tx-checksum-ip-generic off
truth features.json ethtool --json -k et0
run ethtool -l et0
run ethtool -L et0 rx 1 tx 1
truth channels.txt ethtool -l et0
run ethtool et0
run ethtool -s et0 speed 1000 duplex full autoneg off
run ethtool --show-priv-flags et0
run ethtool -S et0 --all-groups
run ethtool --show-tunnels et0
run ethtool --show-module et0
run ethtool -K et0 gro on
run ethtool -G et0 rx 9999
sleep 0.5
bg_stop ethtool-monitor.txt
run ip link del et0
