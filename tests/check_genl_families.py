#!/usr/bin/env python3
"""Compare the generic netlink families nldump decodes from a capture's
nlctrl NEWFAMILY replies with `genl ctrl list` output taken right after it.

usage: check_genl_families.py [--subset] NLDUMP PCAP GENL_CTRL_LIST

The family list is built from every NEWFAMILY that is not a request: the
GETFAMILY dump at the start lists the families registered then, and the
GETFAMILY-by-name replies add the families the kernel autoloaded on demand
(nl80211, ovs_*, wireguard, l2tp, macsec, NET_DM in genl_ctrl.pcap).  For an
id seen more than once the last reply counts (a family re-registered under
the same id).  Both lists must be equal: same ids, names and versions.
The details of each family must agree too: header size, maxattr, the
command ids of CTRL_ATTR_OPS and the multicast groups (id, name).

With --subset, every family the capture shows must be in the list with the
same name and version (for captures whose tools asked only for the families
they use).
"""
import json
import re
import sys

import nltest
from nltest import check


def from_capture(pcap, details):
    rc, out, err = nltest.run(["--json", "-r", pcap])
    check(rc == 0, "%s --json: exit %d: %s" % (pcap, rc, err[:300]))
    fams = {}
    names_by_id = {}
    for line in out.splitlines():
        m = json.loads(line)
        g = m.get("genl")
        if not g or g.get("family") != "nlctrl" or g.get("cmd") != "NEWFAMILY":
            continue
        if m["nlmsg"]["flags"] & 1:      # NLM_F_REQUEST: not a reply
            continue
        a = m.get("attrs", {})
        if "family_id" not in a or "family_name" not in a:
            raise SystemExit("frame %s: NEWFAMILY without id or name" % m["frame"])
        fid = a["family_id"]
        names_by_id.setdefault(fid, set()).add(a["family_name"])
        fams[fid] = (a["family_name"], a.get("version"))
        details[fid] = (a.get("hdrsize"), a.get("maxattr"),
                        [op.get("id") for op in a.get("ops", [])],
                        sorted((g.get("id"), g.get("name")) for g in a.get("mcast_groups", [])))
    for fid, names in names_by_id.items():
        if len(names) > 1:
            print("note: id 0x%x named %s in the capture" % (fid, sorted(names)))
    return fams


def from_ctrl_list(path, details):
    """`genl ctrl list`: a "Name:" line, an "ID: .. Version: .. header size:
    .. max attribs: .." line, then "commands supported:" with "#N:  ID-0xC"
    lines and "multicast groups:" with "#N:  ID-0xG  name: NAME" lines."""
    fams = {}
    name = None
    cur = None
    section = None
    with open(path) as f:
        for line in f:
            m = re.match(r"^Name:\s+(\S+)", line)
            if m:
                name, cur, section = m.group(1), None, None
                continue
            m = re.match(r"^\s+ID:\s+(0x[0-9a-fA-F]+)\s+Version:\s+(0x[0-9a-fA-F]+)"
                         r"\s+header size:\s+(\d+)\s+max attribs:\s+(\d+)", line)
            if m and name is not None:
                cur = int(m.group(1), 16)
                fams[cur] = (name, int(m.group(2), 16))
                details[cur] = (int(m.group(3)), int(m.group(4)), [], [])
                name = None
                continue
            if cur is None:
                continue
            if "commands supported:" in line:
                section = "ops"
            elif "multicast groups:" in line:
                section = "groups"
            m = re.match(r"^\s+#\d+:\s+ID-(0x[0-9a-fA-F]+)(?:\s+name:\s+(\S+))?", line)
            if m and section == "ops":
                details[cur][2].append(int(m.group(1), 16))
            elif m and section == "groups":
                details[cur][3].append((int(m.group(1), 16), m.group(2)))
    for d in details.values():
        d[3].sort()
    return fams


def show(fams):
    return "\n".join("  0x%02x %-14s v%s" % (i, n, v) for i, (n, v) in sorted(fams.items()))


def main():
    args = sys.argv[1:]
    subset = bool(args) and args[0] == "--subset"
    if subset:
        args = args[1:]
    if len(args) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    nldump, pcap, truth = args
    nltest.setup("check_genl_families", nldump)
    got_d, want_d = {}, {}
    got = from_capture(pcap, got_d)
    want = from_ctrl_list(truth, want_d)
    print("capture: %d families, %s: %d families" % (len(got), truth, len(want)))
    if not check(want, "no families read from %s" % truth):
        nltest.done()
    if subset and not check(got, "no NEWFAMILY reply decoded from %s" % pcap):
        nltest.done()
    bad = 0
    for fid in sorted(set(got) if subset else set(got) | set(want)):
        g, w = got.get(fid), want.get(fid)
        if not check(g == w, "id 0x%x: capture %s, genl ctrl list %s" % (fid, g, w)):
            bad += 1
        elif not check(got_d.get(fid) == want_d.get(fid),
                       "id 0x%x %s: capture (hdrsize, maxattr, ops, groups) %s,\n"
                       "  genl ctrl list %s" % (fid, g[0], got_d.get(fid), want_d.get(fid))):
            bad += 1
    if bad:
        print("capture:\n" + show(got))
    else:
        print(("contained:\n" if subset else "equal:\n") + show(got))
    nltest.done()


if __name__ == "__main__":
    main()
