# nldump_live: nldump's live modes on a kernel that has nlmon (lab VM).
# Run on the host, from the top of a checkout:
#   tests/lab/run-live.sh OUTDIR [NLDUMP]      (default NLDUMP: build/nldump)
# run-live.sh hands this scenario to the lab's make-captures with the
# binary's absolute path in NLDUMP (the guest sees the host's root file
# system, so the nldump built in any checkout runs unchanged, but the lab
# starts scenarios with an empty environment and no arguments).
# Results: OUTDIR/nldump_live.truth/nld-*.
NLD=${NLDUMP:-${1:-}}
[ -n "$NLD" ] || skip "no nldump binary given: run this scenario with tests/lab/run-live.sh"
[ -x "$NLD" ] || skip "no nldump binary at $NLD"

# wait_listen ERRFILE: until nldump says it is capturing (bounded)
wait_listen() {
    local i
    for i in $(seq 1 100); do
        grep -q -e 'listening on' -e 'monitoring' "$1" 2>/dev/null && break
        sleep 0.1
    done
    sleep 0.3
}
# stop_nld PID TAG: SIGINT, bounded wait, record the exit status
stop_nld() {
    local i
    kill -INT "$1" 2>/dev/null
    for i in $(seq 1 50); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$1" 2>/dev/null
    wait "$1"
    echo "exit=$?" >> "$T/nld-$2.err"
}

cap_start    # tcpdump on nlmon0: the reference capture of this scenario

# 1. -i nlmon0 (text, -v) next to tcpdump, while rtnetlink and nlctrl talk
note "nldump -i nlmon0"
"$NLD" -i nlmon0 > "$T/nld-i.txt" 2> "$T/nld-i.err" &
P=$!
wait_listen "$T/nld-i.err"
run ip link add d0 type dummy
run ip addr add 10.9.9.1/24 dev d0
run ip link set d0 up
run genl ctrl list
run ip link del d0
sleep 0.5
stop_nld $P i

# 2. -i nlmon0 -j -c 5: stops by itself after 5 frames
note "nldump -i nlmon0 -j -c 5"
"$NLD" -i nlmon0 -j -c 5 > "$T/nld-c5.json" 2> "$T/nld-c5.err" &
P=$!
wait_listen "$T/nld-c5.err"
run ip link show
run genl ctrl list
for i in $(seq 1 50); do kill -0 $P 2>/dev/null || break; sleep 0.1; done
stop_nld $P c5

# 3. --nlmon -w: a temporary interface, the pcapng file with the family map
note "nldump --nlmon -w"
"$NLD" --nlmon -j -w /tmp/nld-nlmon.pcapng > "$T/nld-nlmon.json" 2> "$T/nld-nlmon.err" &
P=$!
wait_listen "$T/nld-nlmon.err"
ip -br link show > "$T/nld-links-during.txt"
run genl ctrl list
run ip link show
run ip -j addr show
run devlink dev show
run ethtool lo
run modprobe wireguard
run ip link add wg0 type wireguard
run wg show wg0
run ip link del wg0
sleep 0.5
stop_nld $P nlmon
cp /tmp/nld-nlmon.pcapng "$OUT/nld-nlmon.pcapng"
ip -br link show > "$T/nld-links-after.txt"

# 4. --nlmon -Z nobody -q -w, stopped with SIGTERM: the interface still goes
note "nldump --nlmon -Z nobody -q -w (SIGTERM)"
"$NLD" --nlmon -Z nobody -q -w /tmp/nld-z.pcapng > "$T/nld-z.out" 2> "$T/nld-z.err" &
P=$!
wait_listen "$T/nld-z.err"
ip -br link show > "$T/nld-z-links-during.txt"
run ip link add d1 type dummy
run ip link del d1
sleep 0.3
kill -TERM $P; wait $P; echo "exit=$?" >> "$T/nld-z.err"
sleep 0.5
ip -br link show > "$T/nld-z-links-after.txt"
ls -l /tmp/nld-z.pcapng >> "$T/nld-z.err" 2>&1
cp /tmp/nld-z.pcapng "$OUT/nld-z.pcapng"

# 5. errors: a missing interface, an interface that is not nlmon
"$NLD" -i nosuch0 > /dev/null 2> "$T/nld-err-missing.txt"; echo "exit=$?" >> "$T/nld-err-missing.txt"
"$NLD" -i lo > /dev/null 2> "$T/nld-err-lo.txt"; echo "exit=$?" >> "$T/nld-err-lo.txt"

# 6. --monitor on this kernel, with a module that registers a family
note "nldump --monitor"
"$NLD" --monitor -j -w /tmp/nld-mon.pcapng > "$T/nld-mon.json" 2> "$T/nld-mon.err" &
P=$!
wait_listen "$T/nld-mon.err"
run modprobe openvswitch
run ip link add d2 type dummy
run ethtool -K d2 tx off          # ETHTOOL_MSG_FEATURES_NTF on ethtool/monitor
# families registered after the start: their groups are joined when nlctrl
# announces them (ovs_datapath's NEW notification must show)
run ovs-dpctl add-dp nldp0
run ovs-dpctl del-dp nldp0
run ip link del d2
sleep 0.5
stop_nld $P mon
cp /tmp/nld-mon.pcapng "$OUT/nld-mon.pcapng"
