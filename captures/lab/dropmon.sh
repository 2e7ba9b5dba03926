# dropmon: the NET_DM (drop monitor) generic netlink family through
# dropwatch, and psample through tc's sample action with a listener.
cap_start
run modprobe drop_monitor
run ip link add dm0 type dummy
run ip link set dm0 up
run ip addr add 192.0.2.1/24 dev dm0
runsh '(echo "set alertlimit 5"; echo "show"; echo "start"; sleep 3; echo "stop"; echo "exit") | dropwatch -l kas > /tmp/dw.txt 2>&1 & sleep 1; for i in 1 2 3 4 5; do ping -c1 -W1 192.0.2.99 >/dev/null 2>&1; python3 -c "import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.sendto(b\"x\", (\"127.0.0.1\", 9))"; done; wait; cat /tmp/dw.txt'
runsh "cp /tmp/dw.txt $T/dropwatch.txt"
run genl ctrl get name NET_DM
run genl ctrl get name psample
