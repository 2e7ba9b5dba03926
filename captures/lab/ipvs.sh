# ipvs: the IPVS generic netlink family (ipvsadm): services, real servers,
# timeouts, the sync daemon, zeroing and clearing.
cap_start
run modprobe ip_vs
run ip link add vs0 type dummy
run ip link set vs0 up
run ip addr add 192.0.2.1/24 dev vs0
run ip addr add 2001:db8::1/64 dev vs0 nodad
run ipvsadm -A -t 192.0.2.10:80 -s rr
run ipvsadm -a -t 192.0.2.10:80 -r 192.0.2.21:8080 -m -w 3
run ipvsadm -a -t 192.0.2.10:80 -r 192.0.2.22:8080 -m -w 1 -x 100 -y 10
run ipvsadm -A -u 192.0.2.10:53 -s wlc -p 300
run ipvsadm -a -u 192.0.2.10:53 -r 192.0.2.23 -g
run ipvsadm -A -t [2001:db8::10]:443 -s sh -b sh-port
run ipvsadm -a -t [2001:db8::10]:443 -r [2001:db8::21]:443 -i
run ipvsadm -A -f 42 -s lc
run ipvsadm -a -f 42 -r 192.0.2.24 -g
run ipvsadm -E -t 192.0.2.10:80 -s wrr
run ipvsadm -e -t 192.0.2.10:80 -r 192.0.2.21:8080 -m -w 5
run ipvsadm -L -n
truth ipvsadm-Ln.txt ipvsadm -L -n
truth ipvsadm-save.txt ipvsadm -S -n
run ipvsadm -L -n --stats
run ipvsadm -L -n --rate
run ipvsadm -L -n -t 192.0.2.10:80
run ipvsadm --set 900 120 300
run ipvsadm -L --timeout
truth timeout.txt ipvsadm -L --timeout
run ipvsadm --start-daemon master --mcast-interface vs0 --syncid 7
run ipvsadm -L --daemon
truth daemon.txt ipvsadm -L --daemon
run ipvsadm --stop-daemon master
run ipvsadm -Z
run ipvsadm -d -t 192.0.2.10:80 -r 192.0.2.22:8080
run ipvsadm -D -u 192.0.2.10:53
run ipvsadm -D -t 192.0.2.99:80
run ipvsadm -C
run ipvsadm -L -n
run ip link del vs0
