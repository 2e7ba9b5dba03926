#!/usr/bin/env python3
"""Across captures: no generic netlink message whose family id the capture
itself teaches (a NEWFAMILY reply for that id) may print unresolved.

usage: check_genl_resolved.py NLDUMP PCAP|DIR...   (DIR: its *.pcap)

For each capture, the ids taught are read from the JSON output (NEWFAMILY
replies: attrs.family_id).  Then
  * JSON: every message with "genl".id among them has a family name, and
    every message's family is either null or a name the capture taught
    for that id (or nlctrl for 0x10): never a guess;
  * text: no summary line shows "genl 0xID" for a taught id (also inside
    an ACK/ERROR's "(genl 0xID ...)").
"""
import json
import re
import sys

import nltest


def run(*args):
    rc, out, err = nltest.run(args)
    nltest.check(rc == 0, "nldump %s: exit %d: %s" % (" ".join(args), rc, err[:300]))
    return out


def check(pcap):
    msgs = [json.loads(l) for l in run("--json", "-r", pcap).splitlines()]
    taught = {0x10: {"nlctrl"}}
    for m in msgs:
        g = m.get("genl")
        if (g and g.get("family") == "nlctrl" and g.get("cmd") == "NEWFAMILY"
                and not m["nlmsg"]["flags"] & 1):
            a = m.get("attrs", {})
            if "family_id" in a and "family_name" in a:
                taught.setdefault(a["family_id"], set()).add(a["family_name"])
    bad = []
    ngenl = 0
    for m in msgs:
        g = m.get("genl")
        if not g:
            continue
        ngenl += 1
        fid, fam = g.get("id"), g.get("family")
        if fid in taught and fam is None:
            bad.append("frame %s: id 0x%x unresolved in JSON" % (m["frame"], fid))
        elif fam is not None and fam not in taught.get(fid, ()):
            bad.append("frame %s: id 0x%x named %r, the capture never says so"
                       % (m["frame"], fid, fam))
    text = run("-t", "-r", pcap)
    for no, line in enumerate(text.splitlines(), 1):
        for h in re.findall(r"genl 0x([0-9a-f]+)", line):
            if int(h, 16) in taught:
                bad.append("line %d: %s" % (no, line))
    print("%s: %d genl messages, %d ids taught, %d problems"
          % (pcap, ngenl, len(taught), len(bad)))
    for b in bad[:10]:
        print("  " + b)
    return nltest.check(not bad, "%s: %d genl messages print an id the capture taught"
                        % (pcap, len(bad)))


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    nltest.setup("check_genl_resolved", sys.argv[1])
    for pcap in nltest.pcaps(sys.argv[2:]):
        check(pcap)
    nltest.done()


if __name__ == "__main__":
    main()
