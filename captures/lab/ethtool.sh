# ethtool: the ethtool generic netlink family, get and set requests, their
# notifications, and the string sets that name the bits of compact bitsets
# (ethtool asks for them first). A netdevsim port implements ring, channel,
# coalesce, pause and FEC settings; veth implements features, channels,
# link settings and timestamping info. `ethtool --monitor` listens
# throughout. Truth: the tools' own output (--json where ethtool 6.1 has it).
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
    run ethtool -G "$D" rx 512 tx 256
    truth ring.txt ethtool -g "$D"
    run ethtool -L "$D" combined 1
    truth channels-nsim.txt ethtool -l "$D"
    run ethtool -C "$D" rx-usecs 40 tx-usecs 60
    truth coalesce.txt ethtool -c "$D"
    run ethtool -A "$D" rx on tx off
    truth pause.json ethtool --json -a "$D"
    run ethtool --set-fec "$D" encoding rs
    truth fec.txt ethtool --show-fec "$D"
    truth features-nsim.json ethtool --json -k "$D"
fi

note "--- features, channels, link settings, timestamping on veth"
truth features-before.json ethtool --json -k et0
run ethtool -K et0 gro off tx-checksum-ip-generic off
truth features.json ethtool --json -k et0
run ethtool -L et0 rx 1 tx 1
truth channels.txt ethtool -l et0
truth et0.txt ethtool et0
truth tsinfo.txt ethtool -T et0
run ethtool -s et0 speed 1000 duplex full autoneg off
run ethtool -s et0 advertise 0x20
run ethtool --show-priv-flags et0
run ethtool -S et0 --all-groups
run ethtool -K et0 gro on
run ethtool -G et0 rx 9999
sleep 0.5
bg_stop ethtool-monitor.txt
run ip link del et0
