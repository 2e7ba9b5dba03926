#!/usr/bin/env python3
"""check_ovsflow.py - OVS flow lifecycles (issue 15 item 3) against a
matching of its own.

  check_ovsflow.py NLDUMP SRCROOT

For captures/ovs_vswitchd.pcap, captures/mixed.pcap and captures/ovs.pcap, `--json -z
ovs-flows` is read and the upcalls are linked again here from the decoded
JSON alone, field by field (nldump compares the key attributes byte by
byte):

  flow NEW   the most recent upcall (ovs_packet MISS or ACTION, to user) of
             its datapath not linked yet whose attrs.key matches the flow's
             attrs.key under attrs.mask: every member of the flow key that
             the mask has and does not zero must be in the upcall's key
             and equal under the mask (no mask: exact); must carry
             ovs.upcall_frame, and no "ovs" when none fits
  EXECUTE    the most recent upcall not executed yet with the same packet
             bytes; ovs.upcall_frame, and ovs.flow_frame the NEW linked to it

In ovs_vswitchd.pcap and mixed.pcap every MISS is linked to a flow install.  The report
(ovs-upcalls, ovs-flows) must agree with counts made from the JSON: the
upcalls, installs and executes and how many are linked; per UFID the
statistics reads (GET replies), the SETs, the deleting frame and the DEL
reply's final counters.

A crafted capture (made here) checks the bounds and the rules the samples
do not reach: 303 upcalls (the oldest 47 pushed out unlinked, counted),
a copy of a frame (not an upcall), a flow NEW whose upcall was pushed out
(no link), two upcalls of one key (the most recent linked, ambiguous), an
EXECUTE of a known packet.
"""
import ipaddress
import json
import os
import struct
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import nltest  # noqa: E402

FRAG = {"no": 0, "first": 1, "later": 2}
failures = 0


def check(ok, what):
    global failures
    if not ok:
        failures += 1
        print("FAIL:", what)
    return ok


def as_int(v):
    """A decoded value as a number of its bits, when it is one."""
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, int):
        return v
    if isinstance(v, str):
        if v in FRAG:
            return FRAG[v]
        try:
            return int(ipaddress.ip_address(v))
        except ValueError:
            pass
        h = v.replace(":", "")
        if h and len(h) % 2 == 0 and all(c in "0123456789abcdef" for c in h.lower()):
            return int(h, 16)
    return None


def is_zero(m):
    if isinstance(m, dict):
        return all(is_zero(x) for x in m.values())
    if isinstance(m, list):
        return not m
    return as_int(m) == 0


def masked(v, m):
    """v under mask m (None: exact), in a form to compare."""
    if m is None:
        return v
    if isinstance(m, list):		# flags: the names the mask keeps
        return sorted(set(v) & set(m)) if isinstance(v, list) else v
    if isinstance(m, dict):
        return {k: masked(v.get(k), mk) for k, mk in m.items()
                if not is_zero(mk)} if isinstance(v, dict) else v
    a, b = as_int(v), as_int(m)
    return a & b if a is not None and b is not None else v


def key_match(up, fk, mask):
    for k, fv in fk.items():
        m = None
        if mask is not None:
            if k not in mask:
                continue		# wildcarded
            m = mask[k]
            if is_zero(m):
                continue
        if k not in up:
            return False
        if k == "encap" and isinstance(fv, dict):
            if not key_match(up[k], fv, m):
                return False
            continue
        if masked(up[k], m) != masked(fv, m):
            return False
    return True


def nldump(nl, pcap):
    out = subprocess.run([nl, "-r", pcap, "--json", "-z", "ovs-flows"], capture_output=True,
                         text=True, check=True, env=dict(os.environ, TZ="UTC", LC_ALL="C"))
    lines = [json.loads(x) for x in out.stdout.splitlines()]
    return lines[:-1], lines[-1]["stats"]


def fam(m):
    g = m.get("genl") or {}
    return g.get("family"), g.get("cmd")


def dp(m):
    return (m.get("ovs_header") or {}).get("dp_ifindex")


def stats_of(m):
    s = (m.get("attrs") or {}).get("stats") or {}
    return s.get("n_packets", 0), s.get("n_bytes", 0)


def check_capture(nl, pcap, all_miss_linked):
    name = os.path.basename(pcap)
    msgs, rep = nldump(nl, pcap)
    ups = []			# [frame, dp, key, packet hex, flow frame, flowed, executed]
    n = {"upcalls": 0, "installs": 0, "installs_linked": 0, "executes": 0,
         "executes_linked": 0}
    per_ufid = {}
    for m in msgs:
        if "copy_of" in m:
            continue
        f, cmd = fam(m)
        a = m.get("attrs") or {}
        to_k = m.get("dir") == "to_kernel"
        if f == "ovs_packet" and not to_k and cmd in ("MISS", "ACTION"):
            n["upcalls"] += 1
            ups.append([m["frame"], dp(m), a.get("key"), (a.get("packet") or {}).get("hex"),
                        0, False, False])
            check("ovs" not in m, f"{name} #{m['frame']}: an upcall has no \"ovs\"")
        elif f == "ovs_flow" and to_k and cmd == "NEW":
            n["installs"] += 1
            want = None
            for u in reversed(ups):
                if u[5] or u[1] != dp(m) or u[2] is None or "key" not in a:
                    continue
                if key_match(u[2], a["key"], a.get("mask")):
                    want = u
                    break
            got = (m.get("ovs") or {}).get("upcall_frame")
            if want:
                want[4], want[5] = m["frame"], True
                n["installs_linked"] += 1
            check(got == (want[0] if want else None),
                  f"{name} #{m['frame']} flow NEW: upcall {got}, expected "
                  f"{want[0] if want else None}")
        elif f == "ovs_packet" and to_k and cmd == "EXECUTE":
            n["executes"] += 1
            hexp = (a.get("packet") or {}).get("hex")
            want = next((u for u in reversed(ups) if not u[6] and u[1] == dp(m)
                         and hexp is not None and u[3] == hexp), None)
            o = m.get("ovs") or {}
            if want:
                want[6] = True
                n["executes_linked"] += 1
                check(o.get("upcall_frame") == want[0] and
                      o.get("flow_frame") == (want[4] or None),
                      f"{name} #{m['frame']} EXECUTE: {o}, expected upcall {want[0]} "
                      f"flow {want[4]}")
            else:
                check(not o, f"{name} #{m['frame']} EXECUTE: {o}, expected none")
        if f == "ovs_flow" and "ufid" in a:
            u = per_ufid.setdefault(a["ufid"], {"reads": 0, "sets": 0, "del": 0,
                                                "final": None})
            if cmd == "GET" and not to_k:
                u["reads"] += 1
            if cmd == "SET" and to_k:
                u["sets"] += 1
            if cmd == "DEL" and to_k:
                u["del"] = m["frame"]
            if cmd == "DEL" and not to_k:
                u["final"] = stats_of(m)
    if all_miss_linked:
        check(ups and all(u[5] for u in ups), f"{name}: every upcall linked to its flow")
    up = rep.get("ovs-upcalls", {})
    for k, v in n.items():
        check(up.get(k) == v, f"{name}: report {k} {up.get(k)}, counted {v}")
    check(up.get("upcalls_linked") == sum(1 for u in ups if u[5]),
          f"{name}: report upcalls_linked")
    # per UFID: the rows of one UFID together (a UFID installed again is
    # a new row)
    rows = {}
    for r in rep.get("ovs-flows", []):
        if r["flow"].startswith("ufid:"):
            rows.setdefault(r["flow"][5:], []).append(r)
    for ufid, want in per_ufid.items():
        rs = rows.get(ufid, [])
        if not check(rs, f"{name}: ufid {ufid} in the report"):
            continue
        check(sum(r["reads"] for r in rs) == want["reads"], f"{name}: ufid {ufid} reads")
        check(sum(r["sets"] for r in rs) == want["sets"], f"{name}: ufid {ufid} sets")
        if want["del"]:
            check(rs[-1]["deleted_frame"] == want["del"], f"{name}: ufid {ufid} deleted")
        if want["final"]:
            check((rs[-1]["final_packets"], rs[-1]["final_bytes"]) == want["final"],
                  f"{name}: ufid {ufid} final counters")
    return n


FLOW, PKT = 0x22, 0x23


def genl(typ, flags, seq, cmd, attrs):
    return nltest.nlmsg(typ, flags, seq, struct.pack("<BBHI", cmd, 1, 0, 1) + attrs)


def ukey(port):
    return nltest.attr(3, struct.pack("<I", port)) + nltest.attr(6, struct.pack(">H", 0x800))


def crafted(nl, tmp):
    recs, t = [], 1
    def add(msg):
        nonlocal t
        recs.append(nltest.frame(msg, t))
        t += 1
    for i in range(301):	# frames 1..301: in_port i, packet i
        add(genl(PKT, 0, 0, 1, nltest.attr(1, b"pkt%05d" % i) + nltest.attr(2, ukey(i))))
    recs.append(recs[-1])	# 302: a copy of 301
    t += 1
    add(genl(PKT, 0, 0, 1, nltest.attr(1, b"dupA") + nltest.attr(2, ukey(500))))	# 303
    add(genl(PKT, 0, 0, 1, nltest.attr(1, b"dupB") + nltest.attr(2, ukey(500))))	# 304
    mask = nltest.attr(3, b"\xff" * 4)
    add(genl(FLOW, 0x401, 1, 1, nltest.attr(1, ukey(0)) + nltest.attr(7, mask)))	# 305
    add(genl(FLOW, 0x401, 2, 1, nltest.attr(1, ukey(300)) + nltest.attr(7, mask)))	# 306
    add(genl(PKT, 1, 3, 3, nltest.attr(1, b"pkt00300") + nltest.attr(2, ukey(300))))	# 307
    add(genl(FLOW, 0x401, 4, 1, nltest.attr(1, ukey(500)) + nltest.attr(7, mask)))	# 308
    path = os.path.join(tmp, "ovsflow_crafted.pcap")
    hdr = struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 253)
    nltest.write_pcap(path, hdr, recs)
    out = subprocess.run([nl, "-G", "ovs_flow=%d" % FLOW, "-G", "ovs_packet=%d" % PKT, "-r", path,
                          "--json", "-z", "ovs-flows"], capture_output=True, text=True,
                         env=dict(os.environ, TZ="UTC", LC_ALL="C"))
    if not check(out.returncode == 0, f"crafted: exit 0 ({out.stderr.strip()})"):
        return
    lines = [json.loads(x) for x in out.stdout.splitlines()]
    by = {(m["frame"], m["index"]): m.get("ovs") for m in lines[:-1]}
    up = lines[-1]["stats"]["ovs-upcalls"]
    check(up["upcalls"] == 303, f"crafted: 303 upcalls, not the copy ({up['upcalls']})")
    check(up["upcalls_unlinked_evicted"] == 47, f"crafted: 47 evicted ({up})")
    check(by.get((305, 0)) is None, f"crafted: the evicted upcall not linked {by.get((305, 0))}")
    check(by.get((306, 0)) == {"upcall_frame": 301}, f"crafted: NEW linked {by.get((306, 0))}")
    check(by.get((307, 0)) == {"upcall_frame": 301, "flow_frame": 306},
          f"crafted: EXECUTE linked {by.get((307, 0))}")
    check(by.get((308, 0)) == {"upcall_frame": 304, "ambiguous": True},
          f"crafted: two upcalls of one key {by.get((308, 0))}")
    check(up["ambiguous"] == 1 and up["installs_linked"] == 2, f"crafted: report {up}")


def main():
    nl, src = sys.argv[1], sys.argv[2]
    a = check_capture(nl, os.path.join(src, "captures", "ovs_vswitchd.pcap"), True)
    check(a["installs_linked"] >= 16, "ovs_vswitchd.pcap: the 16 MISS upcalls linked")
    b = check_capture(nl, os.path.join(src, "captures", "mixed.pcap"), True)
    check(b["installs_linked"] > 0, "mixed.pcap: upcalls linked")
    check_capture(nl, os.path.join(src, "captures", "ovs.pcap"), False)
    with tempfile.TemporaryDirectory() as tmp:
        crafted(nl, tmp)
    print("check_ovsflow:", "FAIL" if failures else "ok", f"({failures} failures)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
