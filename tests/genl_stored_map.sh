#!/bin/bash
# genl_stored_map.sh NLDUMP - the generic netlink family map nldump -w stores
# in a pcapng section header: -r uses it (with --no-prepass too), the
# capture's own nlctrl messages and -G win over it, and a file without it
# (or with another tool's comment) decodes by id as before.
set -u
NLD=${1:?usage: genl_stored_map.sh NLDUMP}
PY=$(command -v python3) || { echo "SKIP: no python3"; exit 77; }
W=$(mktemp -d /tmp/nldump-map.XXXXXX)
trap 'rm -rf "$W"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }

# Files: stored.pcapng (map: 0x14 = storedfam), plain.pcapng (a foreign
# comment), learned.pcapng (map 0x14 = storedfam, then an nlctrl NEWFAMILY
# 0x14 = capfam in the capture before the message).
"$PY" - "$W" <<'PY'
import struct, sys
d = sys.argv[1]
def pad(b): return b + b"\0" * (-len(b) % 4)
def opt(code, val): return struct.pack("<HH", code, len(val)) + pad(val)
def block(t, body): n = 12 + len(body); return struct.pack("<II", t, n) + body + struct.pack("<I", n)
def shb(comment):
    o = (opt(1, comment) if comment else b"") + opt(4, b"test") + opt(0, b"")
    return block(0x0A0D0D0A, struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1) + o)
def idb(): return block(1, struct.pack("<HHI", 253, 0, 262144) + opt(9, b"\x09") + opt(0, b""))
def epb(ts, data):
    return block(6, struct.pack("<IIIII", 0, ts >> 32, ts & 0xffffffff, len(data), len(data)) + pad(data))
def cooked(proto, payload, pkttype=6):
    return struct.pack(">HHH8sH", pkttype, 824, 0, b"", proto) + payload
def nlmsg(t, flags, body): return struct.pack("<IHHII", 16 + len(body), t, flags, 1, 0) + body
def nla(t, v): return pad(struct.pack("<HH", 4 + len(v), t) + v)
msg = cooked(16, nlmsg(0x14, 0, bytes([1, 1, 0, 0])))
newfam = cooked(16, nlmsg(0x10, 0, bytes([1, 2, 0, 0]) + nla(1, struct.pack("<H", 0x14)) + nla(2, b"capfam\0")))
m = b"nldump genl family map v1\n0x10 nlctrl version:0 maxattr:0\n0x14 storedfam version:1 maxattr:3 hdrsize:0 9=events\n"
t = 1700000000 * 10**9
open(d + "/stored.pcapng", "wb").write(shb(m) + idb() + epb(t, msg))
open(d + "/plain.pcapng", "wb").write(shb(b"made by another tool") + idb() + epb(t, msg))
open(d + "/learned.pcapng", "wb").write(shb(m) + idb() + epb(t, newfam) + epb(t + 1000, msg))
PY

out=$("$NLD" -r "$W/stored.pcapng" -t 2>&1)
[ "$out" = "< genl storedfam cmd 1 seq 1" ] && ok "stored map: $out" || fail "stored map: '$out'"
out=$("$NLD" -r "$W/stored.pcapng" -t --no-prepass 2>&1)
[ "$out" = "< genl storedfam cmd 1 seq 1" ] && ok "stored map, --no-prepass" || fail "stored map, --no-prepass: '$out'"
out=$("$NLD" -r "$W/stored.pcapng" -t -G userfam=0x14 2>&1)
[ "$out" = "< genl userfam cmd 1 seq 1" ] && ok "-G wins over the stored map" || fail "-G: '$out'"
out=$("$NLD" -r "$W/learned.pcapng" -t --no-prepass 2>&1 | tail -1)
[ "$out" = "< genl capfam cmd 1 seq 1" ] && ok "the capture's nlctrl wins over the stored map" \
    || fail "capture over stored: '$out'"
out=$("$NLD" -r "$W/plain.pcapng" -t --no-prepass 2>&1)
[ "$out" = "< genl 0x14 cmd 1 seq 1" ] && ok "no map: bare id ($out)" || fail "no map: '$out'"
out=$("$NLD" -r - -t < "$W/stored.pcapng" 2>"$W/err")
[ "$out" = "< genl 0x14 cmd 1 seq 1" ] && ok "standard input decodes (a pipe is not searched for a map)" || fail "stdin: '$out'"
err=$(cat "$W/err")
[ "$err" = "nldump: genl family id 0x14 unknown: give -G or --genl-map" ] &&
    ok "standard input: the unknown id said once on stderr" || fail "stdin stderr: '$err'"
js=$("$NLD" -r "$W/stored.pcapng" -j 2>&1)
case $js in *'"family":"storedfam"'*) ok "JSON family from the stored map";; *) fail "JSON: $js";; esac

echo "$fails failure(s)"
[ "$fails" = 0 ]
