# A lab scenario (run with ../shared/lab/make-captures OUTDIR captures/src/lab_proto13.sh;
# kernel 6.1.0-57-amd64): captures/cut/sctp_tipc_nflog.pcap was cut from its
# capture (frames 1,2,15,16,66-74).
# proto13: sock_diag of SCTP (sctp_info), TIPC, UDP/raw/unix with -i/-e,
# vsock and xdp dumps; nflog packets (tcpdump on nflog:1 configures the
# group, nft logs pings to it); conntrack expectation dump.
run modprobe sctp
run modprobe tipc
run modprobe nfnetlink_log
run ip link set lo up
runsh "python3 -c 'import socket,time
s=socket.socket(socket.AF_INET,socket.SOCK_STREAM,socket.IPPROTO_SCTP)
s.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1)
s.bind((\"127.0.0.1\",9999)); s.listen(5)
c=socket.socket(socket.AF_INET,socket.SOCK_STREAM,socket.IPPROTO_SCTP)
c.connect((\"127.0.0.1\",9999)); a,_=s.accept(); c.send(b\"hi\")
t=socket.socket(socket.AF_TIPC,socket.SOCK_RDM); t.bind((socket.TIPC_ADDR_NAMESEQ,1000,1,1))
open(\"/tmp/socks.ready\",\"w\").close(); time.sleep(60)' >/dev/null 2>&1 &"
for i in $(seq 1 50); do [ -f /tmp/socks.ready ] && break; sleep 0.2; done
cap_start
run ss --sctp -ai
run ss --sctp -ain
run ss --tipc -a
run ss -uai
run ss -wai
run ss -xai
run ss --vsock -a
run ss --xdp -a
run ss -tei
run nft add table ip lg
run nft add chain ip lg c '{ type filter hook output priority 0; }'
run nft add rule ip lg c icmp type echo-request log group 1 prefix '"lab "'
bg nflog.txt tcpdump -i nflog:1 -n -c 2
sleep 2
run ping -c 2 -W 1 127.0.0.1
sleep 1
bg_stop nflog.txt
run conntrack -L expect
truth ss-sctp.txt ss --sctp -ai
truth ss-tipc.txt ss --tipc -a
lab_end
