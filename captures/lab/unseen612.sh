# unseen612: rtnetlink and generic netlink users the other captures lack,
# on Linux 6.12: tunnel and virtual link kinds (geneve, ipip, sit, gretap,
# ip6gre, erspan, vti, xfrm, ifb, macsec, bareudp, hsr, nlmon, wireguard),
# resilient nexthop groups and fdb nexthops, fou, l2tp, macsec, seg6 and
# tcp_metrics generic netlink, tc qdiscs (cake, tbf, prio, red, ets, fq, hfsc,
# drr, pie, codel, mqprio, cbs, skbprio) and filters/actions (flower, u32,
# basic, fw, route, matchall with pedit, vlan, tunnel_key, police, skbedit,
# csum, nat, ct, connmark, mpls, sample), bridge mdb and vlan options.
# Run with NL_LAB_KERNEL=linux-image-6.12...
cap_start
bg ip-monitor.txt ip -t monitor all
sleep 0.5

note "--- links of kinds the samples lack"
run ip link add u0 type dummy
run ip link set u0 up
run ip addr add 192.0.2.1/24 dev u0
run ip addr add 2001:db8::1/64 dev u0 nodad
run ip link add gnv0 type geneve id 77 remote 192.0.2.2 ttl 32 tos 0x10 dstport 6081
run ip link add gnv1 type geneve external
run ip link add ipip1 type ipip remote 192.0.2.2 local 192.0.2.1 ttl 64 dev u0
run ip link add sit1 type sit remote 192.0.2.2 local 192.0.2.1 ttl 64 mode ip6ip
run ip link add gretap1 type gretap remote 192.0.2.2 local 192.0.2.1 key 55 csum
run ip link add ip6gre1 type ip6gre remote 2001:db8::2 local 2001:db8::1 hoplimit 33 flowlabel 0x123
run ip link add erspan1 type erspan seq key 10 local 192.0.2.1 remote 192.0.2.2 erspan_ver 2 erspan_dir egress erspan_hwid 7
run ip link add vti1 type vti local 192.0.2.1 remote 192.0.2.5 ikey 5 okey 6
run ip link add xfrm1 type xfrm dev u0 if_id 9
run ip link add ifb0 type ifb
run ip link add link u0 macsec0 type macsec port 11 encrypt on cipher gcm-aes-128
run ip link add bareudp0 type bareudp dstport 6635 ethertype mpls_uc
run ip link add nlmon9 type nlmon
run ip link add wg9 type wireguard
run ip link add hv0 type veth peer name hv1
run ip link add hv2 type veth peer name hv3
run ip link add hsr0 type hsr slave1 hv0 slave2 hv2 supervision 45 version 1
run ip link add link u0 name ipvt0 type ipvtap mode l2 bridge
run ip link add bnd1 type bond mode 802.3ad lacp_rate fast xmit_hash_policy layer3+4 ad_select bandwidth
run ip link add bv0 type veth peer name bv1
run ip link set bv0 master bnd1
run ip link add brx type bridge vlan_filtering 1 mcast_snooping 1 mcast_querier 1 vlan_stats_enabled 1 mcast_igmp_version 3 mcast_mld_version 2
run ip link add bp0 type veth peer name bp1
run ip link set bp0 master brx
run ip link set brx up
run ip link set bp0 up
run ip link set bp1 up
run ip -d link show
run ip -d -s -s link show dev brx
run ip link xstats type bond
run ip stats show group afstats
run ip stats show group offload subgroup l3_stats dev u0

note "--- generic netlink users: fou, l2tp, macsec, seg6, tcp_metrics"
run modprobe fou
run ip fou add port 5555 ipproto 4
run ip fou add port 5556 gue
run ip fou show
run modprobe l2tp_eth
run modprobe l2tp_ip
run ip l2tp add tunnel tunnel_id 3000 peer_tunnel_id 4000 encap udp local 192.0.2.1 remote 192.0.2.2 udp_sport 5000 udp_dport 6000
run ip l2tp add session tunnel_id 3000 session_id 1000 peer_session_id 2000
run ip l2tp show tunnel
run ip l2tp show session
run ip macsec add macsec0 tx sa 0 pn 1 on key 01 81818181818181818181818181818181
run ip macsec add macsec0 rx port 1234 address c6:19:52:8f:e6:a0
run ip macsec add macsec0 rx port 1234 address c6:19:52:8f:e6:a0 sa 0 pn 1 on key 00 82828282828282828282828282828282
run ip macsec show
run ip sr tunsrc set 2001:db8::1
run ip sr tunsrc show
run ip sr hmac show
run ip tcp_metrics show
run ip netconf show dev u0
run ip token set ::1/64 dev u0
run ip token list

note "--- nexthops: resilient groups, fdb nexthops"
run ip nexthop add id 21 via 192.0.2.2 dev u0
run ip nexthop add id 22 via 192.0.2.3 dev u0
run ip nexthop add id 30 group 21/22 type resilient buckets 8 idle_timer 60 unbalanced_timer 120
run ip nexthop add id 41 via 192.0.2.7 fdb
run ip nexthop add id 42 group 41 fdb
run ip nexthop show
run ip nexthop bucket show id 30
run ip nexthop bucket get id 30 index 2
run ip route add 198.51.100.0/24 nhid 30
run ip -6 route add 2001:db8:77::/64 encap ip6 dst 2001:db8::99 hoplimit 5 dev u0
run ip route add 203.0.113.0/24 encap ip id 9 dst 192.0.2.9 ttl 7 dev gnv1
run ip -6 route add 2001:db8:78::/64 encap seg6local action End.DX6 nh6 2001:db8::2 dev u0
run ip route show
run ip -6 route show
run ip rule add from 192.0.2.0/24 sport 1000-2000 uidrange 100-200 table 55 priority 500 l3mdev
run ip rule add not to 10.0.0.0/8 suppress_prefixlength 0 tos 0x10 table main priority 501
run ip rule show

note "--- tc qdiscs"
run ip link add q0 type dummy
run ip link set q0 up
run tc qdisc add dev q0 root handle 1: prio bands 4 priomap 0 1 2 3 0 1 2 3 0 1 2 3 0 1 2 3
run tc qdisc add dev q0 parent 1:1 handle 10: cake bandwidth 100mbit besteffort nat ack-filter
run tc qdisc add dev q0 parent 1:2 handle 20: tbf rate 1mbit burst 32kb latency 50ms
run tc qdisc add dev q0 parent 1:3 handle 30: red limit 400000 min 30000 max 90000 avpkt 1000 burst 55 ecn adaptive bandwidth 10mbit
run tc qdisc add dev q0 parent 1:4 handle 40: ets bands 3 strict 1 quanta 1500 3000
run tc qdisc add dev q0 parent 40:2 handle 42: pie limit 500 target 20ms
run tc qdisc add dev q0 parent 40:3 handle 43: codel limit 300 target 4ms interval 40ms ecn
run ip link add q1 type dummy
run tc qdisc add dev q1 root handle 1: hfsc default 10
run tc class add dev q1 parent 1: classid 1:10 hfsc sc rate 1mbit ul rate 2mbit
run tc class add dev q1 parent 1: classid 1:20 hfsc rt m1 2mbit d 10ms m2 1mbit
run tc qdisc add dev q1 parent 1:20 handle 20: fq limit 1000 flow_limit 50 quantum 3028 maxrate 10mbit
run ip link add q2 type dummy
run tc qdisc add dev q2 root handle 1: drr
run tc class add dev q2 parent 1: classid 1:1 drr quantum 1500
run tc qdisc add dev q2 parent 1:1 handle 11: skbprio limit 100
run ip link add q3 numtxqueues 4 numrxqueues 4 type dummy
run tc qdisc add dev q3 root handle 100: mqprio num_tc 2 map 0 0 0 0 1 1 1 1 queues 2@0 2@2 hw 0
run tc qdisc add dev q3 parent 100:1 cbs idleslope 98688 sendslope -901312 hicredit 153 locredit -1389 offload 0
run tc -s -d qdisc show
run tc -s -d class show dev q1
run tc qdisc change dev q0 parent 1:2 handle 20: tbf rate 2mbit burst 32kb latency 50ms

note "--- tc filters and actions"
run tc qdisc add dev bp1 ingress
run tc qdisc add dev bp1 clsact
run tc qdisc add dev ifb0 clsact
run tc filter add dev q0 parent 1: protocol ip prio 1 u32 match ip src 10.0.0.0/8 match ip tos 0x10 0xff action pedit ex munge ip ttl set 9 pipe action csum ip4h pipe action police rate 1mbit burst 10k conform-exceed drop/ok
run tc filter add dev q0 parent 1: protocol ip prio 2 basic match 'meta(priority eq 5)' classid 1:2
run tc filter add dev q0 parent 1: protocol ip prio 3 handle 7 fw classid 1:3
run tc filter add dev q0 parent 1: protocol ip prio 4 route to 5 classid 1:4
run tc filter add dev q0 parent 1: protocol ip prio 5 flow hash keys src,dst divisor 4
run tc filter add dev ifb0 ingress protocol 802.1q prio 1 flower vlan_id 100 vlan_prio 2 vlan_ethtype ipv4 src_ip 192.0.2.0/24 ip_proto udp dst_port 4789 action vlan pop pipe action skbedit mark 5 priority 1:2
run tc filter add dev ifb0 ingress protocol ip prio 2 flower ct_state +trk+est action ct commit zone 3 mark 7 pipe action connmark zone 3
run tc filter add dev ifb0 ingress protocol ip prio 3 flower ip_flags nofrag ip_tos 0x10/0xff ip_ttl 64 dst_mac 02:00:00:00:00:aa/ff:ff:ff:00:00:00 action tunnel_key set src_ip 192.0.2.1 dst_ip 192.0.2.2 id 42 dst_port 6081 tos 0x20 ttl 9 nocsum geneve_opts 0102:80:00880022 action mirred egress redirect dev gnv1
run tc filter add dev ifb0 egress protocol ip prio 4 matchall action nat egress 192.0.2.1 198.51.100.1 pipe action sample rate 100 group 5 trunc 64
run tc filter add dev ifb0 egress protocol all prio 5 matchall action mpls push protocol mpls_uc label 123 tc 3 ttl 9 pipe action gact drop random determ ok 10
run tc filter add dev bp1 ingress protocol ip prio 6 flower enc_key_id 42 enc_dst_ip 192.0.2.2 enc_dst_port 6081 skip_hw action tunnel_key unset pipe action vlan push id 5 protocol 802.1ad priority 3
run tc filter add dev bp1 ingress protocol ip prio 7 flower ip_proto icmp type 8 code 0 action skbmod set dmac 02:00:00:00:00:bb pipe action simple sdata hello
run tc -s -d filter show dev q0
run tc -s -d filter show dev ifb0 ingress
run tc -s -d filter show dev ifb0 egress
run tc -s -d filter show dev bp1 ingress
run tc -s actions list action police
run tc -s actions list action pedit
run tc actions add action police rate 2mbit burst 20k index 77
run tc actions get action police index 77
run tc actions del action police index 77
run tc chain add dev ifb0 ingress chain 5
run tc chain show dev ifb0 ingress

note "--- bridge: mdb, vlan options, link options"
run bridge vlan add dev bp0 vid 10-12
run bridge vlan set dev bp0 vid 10 state learning
run bridge vlan global set dev brx vid 10 mcast_snooping 1 mcast_querier 1
run bridge -d vlan show
run bridge vlan global show
run bridge mdb add dev brx port bp0 grp 239.1.1.1 permanent vid 10
run bridge mdb add dev brx port bp0 grp ff0e::1 temp
run bridge mdb add dev brx port bp0 grp 239.1.1.2 src 192.0.2.55 permanent
run bridge -d mdb show
run bridge link set dev bp0 neigh_suppress on isolated on mcast_flood off vlan_tunnel off
run bridge -d link show
run bridge fdb add 02:00:00:00:cc:01 dev bp0 master static vlan 11
run bridge -s fdb show br brx

note "--- errors"
run ip nexthop add id 30 group 21/22 type resilient buckets 3
run tc qdisc add dev q0 root cake
run ip fou add port 5555 ipproto 4
run ip l2tp add tunnel tunnel_id 3000 peer_tunnel_id 4000 encap udp local 192.0.2.1 remote 192.0.2.2 udp_sport 5000 udp_dport 6000

note "--- ground truth"
truth ip-link.json ip -d -j link show
truth ip-nexthop.json ip -j -d nexthop show
truth ip-nexthop-bucket.txt ip nexthop bucket show id 30
truth ip-route.json ip -d -j route show table all
truth ip6-route.json ip -d -j -6 route show table all
truth ip-rule.json ip -j rule show
truth tc-qdisc.json tc -j -s -d qdisc show
truth tc-class-q1.json tc -j -s -d class show dev q1
truth tc-filter-q0.txt tc -d filter show dev q0
truth tc-filter-ifb0-ingress.txt tc -d filter show dev ifb0 ingress
truth tc-filter-ifb0-egress.txt tc -d filter show dev ifb0 egress
truth tc-filter-bp1-ingress.txt tc -d filter show dev bp1 ingress
truth bridge-mdb.json bridge -d -j mdb show
truth bridge-vlan.json bridge -d -j vlan show
truth ip-fou.txt ip fou show
truth ip-l2tp.txt ip l2tp show tunnel
truth ip-macsec.txt ip macsec show

note "--- teardown"
run ip l2tp del session tunnel_id 3000 session_id 1000
run ip l2tp del tunnel tunnel_id 3000
run ip fou del port 5555
run ip fou del port 5556
run ip nexthop flush
for dev in q0 q1 q2 q3 ifb0 macsec0 hsr0 hv1 hv3 ipvt0 gnv0 gnv1 ipip1 sit1 gretap1 ip6gre1 erspan1 vti1 xfrm1 bareudp0 nlmon9 wg9 bv1 bnd1 bp1 brx u0; do
    run ip link del "$dev"
done
bg_stop ip-monitor.txt
