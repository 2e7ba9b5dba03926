#!/bin/bash
# live_rotate.sh NLDUMP - -w rotation on a live capture (--monitor in a
# fresh network namespace): -C with -W keeps a ring of files, each one
# readable on its own with its family map; -G with -W stops after COUNT
# files; SIGUSR1 prints the running totals and the run goes on; --stats
# counts the kernel's drops.  Exit 77 (skip) without root or namespaces.
set -u
NLD=${1:?usage: live_rotate.sh NLDUMP}
NLD=$(readlink -f "$NLD")

if [ "$(id -u)" != 0 ]; then echo "SKIP: needs root (network namespaces)"; exit 77; fi
if ! unshare -n true 2>/dev/null; then echo "SKIP: cannot create a network namespace"; exit 77; fi
if ! command -v ip > /dev/null; then echo "SKIP: no ip (iproute2)"; exit 77; fi

W=$(mktemp -d /tmp/nldump-rot.XXXXXX)
trap 'rm -rf "$W"' EXIT
LIVE_LIB="$(cd "$(dirname "$0")" && pwd)/live_lib.sh"
export NLD W LIVE_LIB

unshare -n bash -s <<'INNER'
set -u
. "$LIVE_LIB"
# traffic: N rounds of 250 addresses added, then flushed (one ip process)
traffic() {
    local j i
    for j in $(seq 1 "$1"); do
        for i in $(seq 1 250); do echo "addr add 10.$j.0.$i/32 dev lo"; done
        echo "addr flush dev lo label lo"
    done > "$W/batch"
    ip -batch "$W/batch"
}
ip link set lo up

# --- 1. -C 1 -W 3: a ring of three files of about 1 MB -------------------
"$NLD" -q --monitor -w "$W/ring" -C 1 -W 3 --stats > "$W/r.out" 2> "$W/r.err" &
P=$!
wait_for "$W/r.err" monitoring || fail "the capture did not start: $(cat "$W/r.err")"
traffic 20
kill -USR1 $P
wait_for "$W/r.err" "messages so far" && ok "SIGUSR1: running totals" \
    || fail "SIGUSR1 said nothing: $(cat "$W/r.err")"
kill -0 $P 2>/dev/null && ok "SIGUSR1: the capture goes on" || fail "SIGUSR1 ended the run"
stop $P
[ "$RC" = 0 ] || fail "exit status $RC: $(cat "$W/r.err")"
n=$(ls "$W" | grep -c '^ring')
[ "$n" = 3 ] && ok "three files in the ring" || fail "$n files: $(ls "$W")"
for f in ring0 ring1 ring2; do
    [ -s "$W/$f" ] || { fail "$f missing"; continue; }
    size=$(stat -c %s "$W/$f")
    [ "$size" -le 1100000 ] || fail "$f: $size bytes, over -C 1 by more than a frame"
    "$NLD" -q -r "$W/$f" > "$W/$f.txt" 2>&1 || fail "$f does not read back: $(cat "$W/$f.txt")"
    head -c 64 "$W/$f" | grep -aq "nldump genl family map" || fail "$f: no family map"
done
grep -q 'files, the last' "$W/r.err" && ok "the end says the files" || fail "$(cat "$W/r.err")"
grep -Eq '^dropped +[0-9]+$' "$W/r.out" && ok "--stats: drops" || fail "no drops: $(cat "$W/r.out")"

# --- 2. -G 1 -W 2: two files, then the run ends by itself ----------------
"$NLD" -q --monitor -w "$W/g-%s" -G 1 -W 2 > "$W/g.out" 2> "$W/g.err" &
P=$!
wait_for "$W/g.err" monitoring || fail "the -G capture did not start"
for i in $(seq 1 40); do
    ip addr add "10.99.0.$i/32" dev lo; sleep 0.1
    kill -0 $P 2>/dev/null || break
done
if kill -0 $P 2>/dev/null; then stop $P; fail "-G 1 -W 2 still running after 4 s"; else wait $P; RC=$?; fi
[ "$RC" = 0 ] || fail "-G -W: exit status $RC: $(cat "$W/g.err")"
n=$(ls "$W" | grep -c '^g-')
[ "$n" = 2 ] && ok "-G 1 -W 2: two files" || fail "-G 1 -W 2: $n files: $(ls "$W")"

echo "live_rotate: $fails failed"
[ "$fails" = 0 ]
INNER
