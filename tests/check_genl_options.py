#!/usr/bin/env python3
"""Family resolution options end to end: -G, --genl-map (NAME=ID, NAME ID,
ID NAME and `genl ctrl list` files), the pre-pass and --no-prepass / -r -,
DELFAMILY and id re-use, and the nlctrl summary and policy dump decoding.

usage: check_genl_options.py NLDUMP SOURCE_ROOT

Inputs are the real wireguard capture (its frames re-ordered or filtered,
never changed) and a small pcap built here from nlctrl messages laid out
as include/uapi/linux/genetlink.h says.
"""
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile

import nltest
from nltest import attr, first_type, frame, read_pcap, write_pcap

expect = nltest.check


def nldump(*args, stdin=None, rc=0):
    code, out, err = nltest.run(args, stdin=stdin if stdin is not None else subprocess.DEVNULL)
    expect(code == rc, "nldump %s: exit %d, want %d (%s)"
           % (" ".join(args), code, rc, err.strip()))
    return out


def jlines(out):
    return [json.loads(l) for l in out.splitlines()]


# ---- building nlctrl messages ----

def u16(t, v): return attr(t, struct.pack("<H", v))
def u32(t, v): return attr(t, struct.pack("<I", v))
def s(t, v): return attr(t, v.encode() + b"\0")


def nlmsg(typ, flags, seq, pid, payload):
    return nltest.nlmsg(typ, flags, seq, payload, pid)


def genl(cmd, ver, attrs):
    return struct.pack("<BBH", cmd, ver, 0) + attrs


def newfamily(fid, name, cmd=1):
    return genl(cmd, 2, s(2, name) + u16(1, fid) + u32(3, 1) + u32(4, 0) + u32(5, 3)
                + attr(7, attr(1, u32(2, 0x40) + s(1, "events"))))


def synthetic_pcap(path):
    hdr = struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 262144, 253)
    fam_msg = nlmsg(0x30, 0, 0, 0, genl(1, 1, u32(1, 7)))
    N = 0x8000  # NLA_F_NESTED, as the kernel's nla_nest_start sets it
    policy = attr(8 | N, attr(0 | N, attr(1 | N, u32(1, 3)) + attr(2 | N, u32(1, 12) + u32(7, 15))))
    op_policy = attr(9 | N, attr(3 | N, u32(1, 0) + u32(2, 1)))
    msgs = [
        fam_msg,                                              # 1: before any NEWFAMILY
        nlmsg(0x10, 0, 0, 0, newfamily(0x30, "fam_a")),       # 2: notification
        fam_msg,                                              # 3: fam_a
        nlmsg(0x10, 0, 0, 0, newfamily(0x30, "fam_a", 2)),    # 4: DELFAMILY
        fam_msg,                                              # 5: unresolved
        nlmsg(0x10, 0, 0, 0, newfamily(0x30, "fam_b")),       # 6: id re-used
        fam_msg,                                              # 7: fam_b
        nlmsg(0x10, 0x301, 5, 0, genl(10, 1, s(2, "fam_b"))),  # 8: GETPOLICY dump
        nlmsg(0x10, 2, 5, 77, genl(10, 1, u16(1, 0x30) + policy)),     # 9
        nlmsg(0x10, 2, 5, 77, genl(10, 1, u16(1, 0x30) + op_policy)),  # 10
        nlmsg(0x10, 5, 6, 0, genl(3, 1, s(2, "fam_b"))),      # 11: GETFAMILY by name
    ]
    write_pcap(path, hdr, [frame(m, 1000 + i) for i, m in enumerate(msgs)])


def fam_lines(out):
    """summary lines of family messages (not DONE, ACK or ERROR)"""
    return [l for l in out.splitlines()
            if not any(w in l for w in (" DONE ", " ACK ", " ERROR "))]


def fam_of(m):
    return m["genl"]["family"] if "genl" in m else "-"


def main():
    nltest.setup("check_genl_options", sys.argv[1])
    root = sys.argv[2]
    wg_pcap = os.path.join(root, "captures/wireguard.pcap")
    wg_truth = os.path.join(root, "captures/wireguard.truth/genl-families.txt")
    tmp = TMP

    # the wireguard family id of that capture, from its own NEWFAMILY
    ids = {m["attrs"]["family_name"]: m["attrs"]["family_id"]
           for m in jlines(nldump("--json", "-r", wg_pcap))
           if fam_of(m) == "nlctrl" and m["genl"]["cmd"] == "NEWFAMILY"}
    expect("wireguard" in ids, "wireguard.pcap teaches the wireguard id")
    wg = ids.get("wireguard", 0)
    hexid = "genl 0x%x " % wg

    # 1. only the wireguard family's frames: nothing teaches the id
    hdr, recs = read_pcap(wg_pcap)
    only = [r for r in recs if first_type(r) == (16, wg)]
    expect(len(only) > 10, "wireguard frames found (%d)" % len(only))
    only_pcap = os.path.join(tmp, "wg-only.pcap")
    write_pcap(only_pcap, hdr, only)

    out = nldump("-t", "-r", only_pcap)
    expect(out and all(hexid in l for l in fam_lines(out)),
           "without a map every wireguard message prints as '%s'" % hexid.strip())
    js = [m for m in jlines(nldump("--json", "-r", only_pcap)) if "genl" in m]
    expect(js and all(m["genl"]["family"] is None and m["genl"]["id"] == wg for m in js),
           'without a map JSON says {"id": %d, "family": null}' % wg)

    out = nldump("-t", "-G", "wireguard=%d" % wg, "-r", only_pcap)
    expect(out and all("genl wireguard " in l for l in fam_lines(out)),
           "-G wireguard=%d resolves every message" % wg)
    out = nldump("-t", "-G", "wireguard=0x%x" % wg, "-r", only_pcap)
    expect(out and all("genl wireguard " in l for l in fam_lines(out)),
           "-G wireguard=0x%x (hex) resolves every message" % wg)
    js = [m for m in jlines(nldump("--json", "-G", "wireguard=%d" % wg, "-r", only_pcap))
          if "genl" in m]
    expect(js and all(m["genl"]["family"] == "wireguard" for m in js), "-G: JSON family")

    for label, text in (("NAME=ID", "# map\nwireguard=0x%x\n" % wg),
                        ("NAME ID", "wireguard %d\n" % wg),
                        ("ID NAME", "0x%x wireguard\n" % wg)):
        mp = os.path.join(tmp, "map.txt")
        with open(mp, "w") as f:
            f.write(text)
        out = nldump("-t", "--genl-map", mp, "-r", only_pcap)
        expect(out and all("genl wireguard " in l for l in fam_lines(out)),
               "--genl-map %s file resolves every message" % label)
    out = nldump("-t", "--genl-map", wg_truth, "-r", only_pcap)
    expect(out and all("genl wireguard " in l for l in fam_lines(out)),
           "--genl-map with `genl ctrl list` output resolves every message")

    # bad specs and files
    nldump("-G", "wireguard", "-r", only_pcap, rc=2)
    nldump("-G", "wireguard=70000", "-r", only_pcap, rc=2)
    bad = os.path.join(tmp, "bad.txt")
    with open(bad, "w") as f:
        f.write("this is not a map\n")
    nldump("--genl-map", bad, "-r", only_pcap, rc=2)
    nldump("--genl-map", os.path.join(tmp, "missing.txt"), "-r", only_pcap, rc=2)

    # 2. user entries override what the capture says
    out = nldump("-t", "-G", "mywg=%d" % wg, "-r", wg_pcap)
    expect("genl mywg " in out and hexid not in out and "genl wireguard " not in out,
           "-G overrides the capture's NEWFAMILY")
    # ... while the capture's nlctrl reply itself still says wireguard
    expect(" wireguard id 0x%x" % wg in out, "the NEWFAMILY summary keeps the wire name")

    # 3. a family message before its NEWFAMILY: the pre-pass resolves it
    first = next(i for i, r in enumerate(recs) if first_type(r) == (16, wg))
    late_pcap = os.path.join(tmp, "wg-late.pcap")
    write_pcap(late_pcap, hdr, [recs[first]] + recs)
    lines = nldump("-t", "-r", late_pcap).splitlines()
    expect("genl wireguard " in lines[0], "with the pre-pass the first message resolves")
    lines = nldump("-t", "--no-prepass", "-r", late_pcap).splitlines()
    expect(hexid in lines[0], "--no-prepass: the first message stays unresolved")
    expect(hexid not in "\n".join(lines[1:]), "--no-prepass: later messages resolve")
    with open(late_pcap, "rb") as f:
        lines = nldump("-t", "-r", "-", stdin=f).splitlines()
    expect(hexid in lines[0], "-r - (no pre-pass): the first message stays unresolved")
    expect(hexid not in "\n".join(lines[1:]), "-r -: later messages resolve")

    # 4. DELFAMILY and id re-use, nlctrl summaries and policy dumps
    syn = os.path.join(tmp, "nlctrl.pcap")
    synthetic_pcap(syn)
    fams = [fam_of(m) for m in jlines(nldump("--json", "-r", syn))]
    expect(fams[0::2][:4] == ["fam_a", "fam_a", None, "fam_b"],
           "pre-pass, DELFAMILY, re-use: %s" % fams[0::2][:4])
    fams = [fam_of(m) for m in jlines(nldump("--json", "--no-prepass", "-r", syn))]
    expect(fams[0::2][:4] == [None, "fam_a", None, "fam_b"],
           "--no-prepass, DELFAMILY, re-use: %s" % fams[0::2][:4])
    lines = nldump("-t", "-r", syn).splitlines()
    expect(lines[1] == "< genl nlctrl NEWFAMILY seq 0 fam_a id 0x30 v1 hdrsize 0 "
           "maxattr 3 groups events", "NEWFAMILY summary: " + lines[1])
    expect(lines[3] == "< genl nlctrl DELFAMILY seq 0 fam_a id 0x30 v1 hdrsize 0 "
           "maxattr 3 groups events", "DELFAMILY summary: " + lines[3])
    expect(lines[4].startswith("< genl 0x30 cmd 1 seq 0"), "after DELFAMILY: " + lines[4])
    expect(lines[7] == "> genl nlctrl GETPOLICY seq 5 [REQ,DUMP] name fam_b",
           "GETPOLICY request: " + lines[7])
    expect(lines[8] == "< genl nlctrl GETPOLICY seq 5 pid 77 [MULTI] id 0x30 policy 0 attr 1 u16"
           " reply to #8 +1000.00 ms",
           "policy reply: " + lines[8])
    expect(lines[9] == "< genl nlctrl GETPOLICY seq 5 pid 77 [MULTI] id 0x30 op 3 do 0 dump 1"
           " reply to #8 +2000.00 ms",
           "op policy reply: " + lines[9])
    expect(lines[10] == "> genl nlctrl GETFAMILY seq 6 [REQ,ACK] name fam_b",
           "GETFAMILY request: " + lines[10])
    js = jlines(nldump("--json", "-r", syn))
    expect(js[8]["attrs"].get("policy") == [
        {"index": 0, "attrs": [{"index": 1, "type": "u16"},
                               {"index": 2, "type": "nul_string", "max_length": 15}]}],
        "policy JSON: %s" % js[8]["attrs"].get("policy"))
    expect(js[9]["attrs"].get("op_policy") == [{"index": 3, "do": 0, "dump": 1}],
           "op_policy JSON: %s" % js[9]["attrs"].get("op_policy"))
    expect(js[1]["attrs"].get("mcast_groups") == [{"index": 1, "id": 64, "name": "events"}],
           "mcast_groups JSON: %s" % js[1]["attrs"].get("mcast_groups"))
    tree = nldump("-t", "-v", "-c", "9", "-r", syn)
    # an entry is a set of attributes: one per line, as every set in -v
    expect("    policy:\n      [0]:\n        attrs:\n          [1]:\n"
           "            type: u16 (3)\n"
           "          [2]:\n            type: nul_string (12)\n            max_length: 15\n"
           in tree, "policy in -v: an entry's attributes one per line")

    return 0


if __name__ == "__main__":
    KEEP = os.environ.get("NLDUMP_KEEP_TMP")
    TMP = tempfile.mkdtemp(prefix="nldump-genl-")
    try:
        if main():
            expect(False, "stopped early")
    finally:
        if not KEEP:
            shutil.rmtree(TMP, ignore_errors=True)
        else:
            print("kept " + TMP)
    nltest.done()
