#!/bin/bash
# live_monitor.sh NLDUMP - nldump's live modes on this machine, in a fresh
# network namespace (no nlmon needed): --monitor in JSON and text while
# links, a bridge, an address and a route come and go; -w read back with -r;
# SIGINT (complete file, summary); --monitor GROUPS; -c; the error for a
# missing interface; -Z with -w; --dedup printing while it runs and ending
# when its reader does; -s.  Exit 77 (skip) where a namespace cannot be made.
set -u
NLD=${1:?usage: live_monitor.sh NLDUMP}
NLD=$(readlink -f "$NLD")
PY=$(command -v python3) || { echo "SKIP: no python3"; exit 77; }

if [ "$(id -u)" != 0 ]; then echo "SKIP: needs root (network namespaces)"; exit 77; fi
if ! unshare -n true 2>/dev/null; then echo "SKIP: cannot create a network namespace"; exit 77; fi
if ! command -v ip > /dev/null; then echo "SKIP: no ip (iproute2)"; exit 77; fi

W=$(mktemp -d /tmp/nldump-live.XXXXXX)
trap 'rm -rf "$W"' EXIT
LIVE_LIB="$(cd "$(dirname "$0")" && pwd)/live_lib.sh"
export NLD W PY LIVE_LIB

# Everything below runs in a new network namespace.
unshare -n bash -s <<'INNER'
set -u
. "$LIVE_LIB"

ip link set lo up

# --- 1. --monitor, JSON and text, with -w -------------------------------
"$NLD" --monitor -j -w "$W/a.pcapng" > "$W/a.json" 2> "$W/a.err" &
A=$!
"$NLD" --monitor -t -w "$W/b.pcapng" > "$W/b.txt" 2> "$W/b.err" &
B=$!
"$NLD" --monitor route/link -j > "$W/c.json" 2> "$W/c.err" &
C=$!
wait_for "$W/a.err" monitoring || fail "monitor A did not start: $(cat "$W/a.err")"
wait_for "$W/b.err" monitoring || fail "monitor B did not start: $(cat "$W/b.err")"
wait_for "$W/c.err" monitoring || fail "monitor C did not start: $(cat "$W/c.err")"

ip link add nlt0 type veth peer name nlt1
ip link add nltbr0 type bridge
ip link set nlt1 master nltbr0
ip link set nlt0 up
ip addr add 192.0.2.1/24 dev nlt0
ip route add 198.51.100.0/24 via 192.0.2.2 dev nlt0
ip route del 198.51.100.0/24
ip addr del 192.0.2.1/24 dev nlt0
ip link del nltbr0
ip link del nlt0
sleep 0.5

stop $A; rcA=$RC; stop $B; rcB=$RC; stop $C; rcC=$RC
[ "$rcA" = 0 ] && [ "$rcB" = 0 ] && [ "$rcC" = 0 ] && ok "SIGINT: exit 0" \
    || fail "SIGINT exit status: A=$rcA B=$rcB C=$rcC"
grep -q "datagrams received, 0 overruns" "$W/a.err" && ok "summary on stderr" \
    || fail "no summary in: $(cat "$W/a.err")"
grep -q "frames written to" "$W/a.err" || fail "no 'frames written' line: $(cat "$W/a.err")"

# the events, by numeric rtnetlink type (names or not, JSON keeps the number)
"$PY" - "$W/a.json" <<'PY' || fails=$((fails + 1))
import json, sys
want = {16: "NEWLINK", 17: "DELLINK", 20: "NEWADDR", 21: "DELADDR",
        24: "NEWROUTE", 25: "DELROUTE"}
seen, frames, bad = {}, set(), 0
for line in open(sys.argv[1]):
    o = json.loads(line)
    frames.add(o["frame"])
    if o.get("dir") != "to_user" or o.get("dir_inferred") is not False:
        bad += 1
    if o.get("proto") == "route":
        t = o["nlmsg"]["type"]
        # a number until the rtnetlink dissector names it, then a name
        t = t if isinstance(t, int) else {n: k for k, n in want.items()}.get(t, t)
        seen[t] = seen.get(t, 0) + 1
missing = [n for t, n in want.items() if t not in seen]
if missing or bad or not frames:
    print("FAIL: JSON: missing", missing, "bad dir", bad, "frames", len(frames), "types", seen)
    sys.exit(1)
# veth pair + bridge: at least 3 NEWLINK and 3 DELLINK
if seen[16] < 3 or seen[17] < 3:
    print("FAIL: JSON: expected >= 3 NEWLINK and DELLINK, got", seen)
    sys.exit(1)
print("ok: JSON has NEWLINK/DELLINK/NEWADDR/DELADDR/NEWROUTE/DELROUTE in", len(frames), "frames")
PY

# text: one line per message, all '< route' or '< genl', the same count
n_txt=$(grep -c . "$W/b.txt")
n_route=$(grep -c '^< route' "$W/b.txt")
[ "$n_route" -ge 10 ] && ok "text: $n_route route lines" || fail "text: $n_route route lines: $(head -5 "$W/b.txt")"
grep -vq -e '^< route' -e '^< genl' -e '^	' "$W/b.txt" && fail "text: unexpected lines: $(grep -v -e '^< route' -e '^< genl' "$W/b.txt" | head -3)"

# every notification says which multicast group it came to
"$PY" - "$W/a.json" <<'PY' || fails=$((fails + 1))
import json, sys
msgs = [json.loads(l) for l in open(sys.argv[1])]
bad = [m for m in msgs if not (m.get("group") or {}).get("name")]
links = [m for m in msgs if m["proto"] == "route" and m["nlmsg"]["type"] in (16, 17, "NEWLINK", "DELLINK")]
if bad or not links or any(m["group"]["name"] != "link" for m in links):
    print(f"  FAIL: groups: {len(bad)} without a named group, link groups "
          f"{sorted({m['group']['name'] for m in links})}")
    sys.exit(1)
print(f"  ok: every message names its group ({len(msgs)}), links in 'link'")
PY
grep -q ' (group link)$' "$W/b.txt" && ok "text: (group link)" || fail "text: no (group link)"

# -w reads back the same (JSON apart from time, text with -t identical;
# the multicast group is not in the file: the cooked header has no field)
"$NLD" -r "$W/a.pcapng" -j > "$W/a.back.json" 2> "$W/a.back.err" || fail "-r a.pcapng: $(cat "$W/a.back.err")"
[ -s "$W/a.back.err" ] && fail "-r a.pcapng wrote to stderr: $(cat "$W/a.back.err")"
if diff <(sed 's/"time":"[^"]*"//; s/"group":{[^}]*},//' "$W/a.json") <(sed 's/"time":"[^"]*"//' "$W/a.back.json") > "$W/a.diff"; then
    ok "-w/-r: JSON read back identical ($(wc -l < "$W/a.json") messages)"
else
    fail "-w/-r: JSON differs: $(head -5 "$W/a.diff")"
fi
"$NLD" -r "$W/b.pcapng" -t > "$W/b.back.txt" 2>&1 || fail "-r b.pcapng"
cmp -s <(sed 's/ (group [^)]*)$//' "$W/b.txt") "$W/b.back.txt" && ok "-w/-r: text read back identical" \
    || fail "-w/-r: text differs: $(diff "$W/b.txt" "$W/b.back.txt" | head -5)"
nw=$(sed -n 's/.*: \([0-9]*\) frames written to.*/\1/p' "$W/a.err")
nj=$("$PY" -c 'import json,sys; print(len({json.loads(l)["frame"] for l in open(sys.argv[1])}))' "$W/a.json")
[ -n "$nw" ] && [ "$nw" = "$nj" ] && ok "frames written ($nw) = frames decoded" \
    || fail "frames written '$nw' != frames decoded '$nj'"
# the generic netlink family map is in the section header
grep -aq "nldump genl family map v1" "$W/a.pcapng" && grep -aq " nlctrl " "$W/a.pcapng" \
    && ok "family map stored in the pcapng file" || fail "no family map in the pcapng file"

# --monitor route/link: link messages only
"$PY" - "$W/c.json" <<'PY' || fails=$((fails + 1))
import json, sys
types = [json.loads(l)["nlmsg"]["type"] for l in open(sys.argv[1])]
if not types or any(t not in (16, 17, "NEWLINK", "DELLINK") for t in types):
    print("FAIL: --monitor route/link saw", types[:20])
    sys.exit(1)
print("ok: --monitor route/link:", len(types), "link messages only")
PY

# --- 2. -c stops by itself ------------------------------------------------
"$NLD" --monitor route -c 2 -j > "$W/d.json" 2> "$W/d.err" &
D=$!
wait_for "$W/d.err" monitoring || fail "monitor D did not start"
ip link add nlt2 type veth peer name nlt3
ip link del nlt2
for i in $(seq 1 100); do kill -0 $D 2>/dev/null || break; sleep 0.1; done
if kill -0 $D 2>/dev/null; then
    fail "-c 2: still running"; kill -KILL $D
fi
wait $D; rc=$?
[ "$rc" = 0 ] && [ "$(wc -l < "$W/d.json")" -ge 2 ] && \
    [ "$("$PY" -c 'import json,sys; print(len({json.loads(l)["frame"] for l in open(sys.argv[1])}))' "$W/d.json")" = 2 ] \
    && ok "-c 2: two frames, exit 0" || fail "-c 2: rc=$rc, $(wc -l < "$W/d.json") lines"

# --- 3. errors --------------------------------------------------------------
"$NLD" -i nosuch0 > /dev/null 2> "$W/e.err"; rc=$?
if [ "$rc" = 1 ] && [ "$(wc -l < "$W/e.err")" = 1 ] && grep -q "nosuch0" "$W/e.err" &&
   grep -q "ip link add nlmon0 type nlmon" "$W/e.err"; then
    ok "missing interface: $(cat "$W/e.err")"
else
    fail "missing interface: rc=$rc: $(cat "$W/e.err")"
fi
"$NLD" -i lo > /dev/null 2> "$W/f.err"; rc=$?
[ "$rc" = 1 ] && grep -q "not an nlmon interface" "$W/f.err" && ok "lo: $(cat "$W/f.err")" \
    || fail "-i lo: rc=$rc: $(cat "$W/f.err")"
"$NLD" --monitor route/nosuchgroup > /dev/null 2> "$W/g.err"; rc=$?
[ "$rc" != 0 ] && grep -q "unknown rtnetlink group" "$W/g.err" && ok "bad group refused" \
    || fail "bad group: rc=$rc: $(cat "$W/g.err")"

# --- 4. overrun: a tiny buffer, the reader stopped while 40 links come -----
"$NLD" --monitor route -q -B 1 > "$W/h.out" 2> "$W/h.err" &
H=$!
wait_for "$W/h.err" monitoring || fail "monitor H did not start"
kill -STOP $H
for i in $(seq 1 40); do ip link add nlo$i type veth peer name nlp$i; done
kill -CONT $H
sleep 0.5
for i in $(seq 1 40); do ip link del nlo$i; done
stop $H
[ "$RC" = 0 ] && grep -q "overrun (ENOBUFS)" "$W/h.err" &&
    grep -Eq "datagrams received, [1-9][0-9]* overruns" "$W/h.err" && grep -q "frames, .* messages" "$W/h.out" \
    && ok "overrun reported and counted, monitor went on: $(tail -1 "$W/h.err")" \
    || fail "overrun: rc=$RC: $(cat "$W/h.err")"

# --- 5. -Z: privileges dropped once the sockets are open, then the -w file
# is made as the user (as tcpdump does): where the user may write it is
# theirs, where only root may write it is refused
if id nobody > /dev/null 2>&1; then
    chmod 711 "$W"
    mkdir -m 1777 "$W/pub"
    "$NLD" --monitor route -v -x -Z nobody -w "$W/pub/z.pcapng" > "$W/z.txt" 2> "$W/z.err" &
    Z=$!
    wait_for "$W/z.err" monitoring || fail "monitor Z did not start: $(cat "$W/z.err")"
    uid=$(awk '/^Uid:/ {print $2 "/" $3}' /proc/$Z/status)
    ip link add nlz0 type veth peer name nlz1
    ip link del nlz0
    sleep 0.5
    stop $Z
    nobody=$(id -u nobody)
    owner=$(stat -c %u "$W/pub/z.pcapng" 2>/dev/null)
    [ "$uid" = "$nobody/$nobody" ] && [ "$RC" = 0 ] && [ -s "$W/pub/z.pcapng" ] &&
        grep -q '^	0x0000: ' "$W/z.txt" && grep -q 'frames written' "$W/z.err" \
        && ok "-Z nobody (uid $uid), -v -x output, file written" \
        || fail "-Z: uid=$uid rc=$RC: $(cat "$W/z.err")"
    [ "$owner" = "$nobody" ] && ok "-Z nobody: the -w file belongs to nobody" \
        || fail "-Z nobody: the -w file belongs to uid '$owner', not $nobody"
    # $W itself (mode 711, root's) is not writable by nobody
    timeout -s INT 10 "$NLD" --monitor route -Z nobody -w "$W/zz.pcapng" > /dev/null 2> "$W/zz.err"; rc=$?
    [ "$rc" = 1 ] && [ ! -e "$W/zz.pcapng" ] && grep -q "zz.pcapng: Permission denied" "$W/zz.err" \
        && ok "-Z nobody -w in root's directory refused: $(tail -1 "$W/zz.err")" \
        || fail "-Z nobody -w in root's directory: rc=$rc, file $(ls -l "$W/zz.pcapng" 2>&1): $(cat "$W/zz.err")"
fi

# --- 6. --dedup live: a frame held to count its copies is printed once the
# input goes quiet, without waiting for the next frame or the end ----------
"$NLD" --monitor route --dedup -t > "$W/dd.txt" 2> "$W/dd.err" &
DD=$!
wait_for "$W/dd.err" monitoring || fail "monitor DD did not start: $(cat "$W/dd.err")"
ip link add nld0 type veth peer name nld1
wait_for "$W/dd.txt" "NEWLINK" && ok "--dedup: NEWLINK on the output while running" \
    || fail "--dedup: nothing on the output while running: '$(head -3 "$W/dd.txt")'"
ip link del nld0
stop $DD
[ "$RC" = 0 ] && grep -q "DELLINK" "$W/dd.txt" && ok "--dedup: SIGINT, exit 0, DELLINK printed" \
    || fail "--dedup: rc=$RC: $(tail -3 "$W/dd.txt")"

# --dedup | head -1: head exits after one line, nldump at its next write
( sh -c 'echo $$ > "$1/hd.pid"; exec "$2" --monitor route --dedup -t 2> "$1/hd.err"' sh "$W" "$NLD"
  echo $? > "$W/hd.rc" ) | head -1 > "$W/hd.txt" &
wait_for "$W/hd.err" monitoring || fail "monitor HD did not start: $(cat "$W/hd.err")"
for i in $(seq 1 50); do
    [ -e "$W/hd.rc" ] && break
    ip link add nlh0 type veth peer name nlh1; ip link del nlh0; sleep 0.2
done
if [ -e "$W/hd.rc" ]; then
    [ "$(cat "$W/hd.rc")" = 0 ] && [ "$(wc -l < "$W/hd.txt")" = 1 ] \
        && ok "--dedup | head -1: one line, nldump ended by itself, exit 0" \
        || fail "--dedup | head -1: exit $(cat "$W/hd.rc"), $(wc -l < "$W/hd.txt") lines"
else
    fail "--dedup | head -1: nldump still running after head exited ($(wc -l < "$W/hd.txt") lines)"
    kill -KILL "$(cat "$W/hd.pid")" 2>/dev/null
fi
wait

# --- 7. -s: the screen and the -w file show the same bytes ----------------
"$NLD" --monitor route -s 48 -j -w "$W/s.pcapng" > "$W/s.json" 2> "$W/s.err" &
S=$!
wait_for "$W/s.err" monitoring || fail "monitor S did not start: $(cat "$W/s.err")"
ip link add nls0 type veth peer name nls1
ip link del nls0
sleep 0.5
stop $S
"$NLD" -r "$W/s.pcapng" -j > "$W/s.back.json" 2>&1 || fail "-r s.pcapng: $(cat "$W/s.back.json")"
grep -q '"truncated"' "$W/s.json" && diff <(sed 's/"time":"[^"]*"//; s/"group":{[^}]*},//' "$W/s.json") \
    <(sed 's/"time":"[^"]*"//' "$W/s.back.json") > /dev/null \
    && ok "-s 48: cut messages, the same on the screen and in the file ($(wc -l < "$W/s.json") messages)" \
    || fail "-s 48: screen and file differ or nothing cut: $(head -c 300 "$W/s.json")"
"$NLD" --monitor -s 16 -w "$W/s16.pcapng" > /dev/null 2> "$W/s16.err"; rc=$?
[ "$rc" = 2 ] && [ ! -e "$W/s16.pcapng" ] && grep -q "bad snap length" "$W/s16.err" \
    && ok "-s 16 refused: $(cat "$W/s16.err")" || fail "-s 16: rc=$rc: $(cat "$W/s16.err")"

echo "$fails failure(s)"
[ "$fails" = 0 ]
INNER
