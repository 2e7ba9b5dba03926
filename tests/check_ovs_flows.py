#!/usr/bin/env python3
"""check_ovs_flows.py - compare nldump's ODP flow text with ovs-dpctl's.

For each OVS capture, the non-verbose `ovs-dpctl dump-flows` blocks in the
truth's scenario.log are the reference: every flow line there must appear,
character for character, among the ODP renderings (JSON field "odp") that
nldump gives the kernel's ovs_flow replies in the capture.  Statistics
(packets, bytes, used, flags) and the ufid are set aside: `used` is the
kernel's monotonic clock in the capture and relative time in ovs-dpctl.
The `dump-flows -m` truth files (port names, every mask shown) are turned
into the non-verbose form first (zero-masked fields and attributes dropped,
ports numbered from the truth's `dpctl show`) and checked the same way.

Also checks that no OVS message in any capture has an unknown attribute
(unknown_N keys) or a "malformed" array, except the known ones listed in
EXPECTED_MALFORMED (requests the kernel itself refused).

Nothing compared is a failure: the captures named in VERBOSE_TRUTH must
have their truth files, and at least one dump-flows line must be compared.

usage: check_ovs_flows.py NLDUMP CAPTURES_DIR
"""
import json
import os
import re
import sys

import nltest
from nltest import check

# (capture, frame): messages that are malformed by the kernel ABI.
# ovs.pcap frames 3075/3076: ovs-dpctl 3.1 sends its "drop" action as
# attribute 25 with a u32 0; in the kernel ABI 25 is OVS_ACTION_ATTR_PSAMPLE
# (nested), and the 6.1 kernel answered EINVAL.
EXPECTED_MALFORMED = {("ovs.pcap", 3075), ("ovs.pcap", 3076)}

STATS = re.compile(r", packets:\d+, bytes:\d+, used:[^,]*(, flags:[^,]*)?")
UFID = re.compile(r"^ufid:[0-9a-f-]+, ")


def norm(line):
    line = UFID.sub("", line.strip())
    return STATS.sub("", line)


def truth_lines(scenario):
    """Flow lines printed by non-verbose `ovs-dpctl dump-flows` (no --names, no -m)."""
    out = []
    take = False
    with open(scenario, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("["):
                cmd = line.split("+ ", 1)[-1].strip()
                take = (cmd.startswith("ovs-dpctl dump-flows")
                        and "--names" not in cmd and " -m" not in cmd)
                continue
            if take and "actions:" in line:
                out.append(line.rstrip("\n"))
    return out


def split_top(s):
    """Split s at commas outside parentheses/braces."""
    out, depth, cur = [], 0, ""
    for ch in s:
        if ch in "({":
            depth += 1
        elif ch in ")}":
            depth -= 1
        if ch == "," and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    if cur:
        out.append(cur)
    return out


ZERO_MASK = re.compile(r"/(0|0x0+|0\.0\.0\.0|::|00:00:00:00:00:00)$")
CT_STATE = ["new", "est", "rel", "rpl", "inv", "trk", "snat", "dnat"]


def plain_attr(a):
    """One key attribute of `dump-flows -m` as the non-verbose form, or None."""
    m = re.match(r"^([a-z0-9_]+)\((.*)\)$", a)
    if not m:
        return a
    name, args = m.groups()
    if name.startswith("key"):
        return a
    if ZERO_MASK.search(args) and "=" not in args:
        return None                     # recirc_id(0/0), ct_label(0/0), ...
    if name == "ct_state" and "/" in args:
        v, k = (int(x, 16) for x in args.split("/"))
        return "ct_state(" + "".join(("+" if v & (1 << i) else "-") + CT_STATE[i]
                                     for i in range(8) if k & (1 << i)) + ")"
    if name == "encap":
        inner = [plain_attr(x) for x in split_top(args)]
        return "encap(" + ",".join(x for x in inner if x) + ")"
    if name in ("tunnel", "tcp_flags") or "=" not in args:
        return a
    fields = [f for f in split_top(args) if not ZERO_MASK.search(f)]
    if not fields:
        return "eth()" if name == "eth" else None
    return name + "(" + ",".join(fields) + ")"


def plain_from_verbose(line, ports):
    """`ovs-dpctl dump-flows -m` (names) -> the non-verbose line (numbers)."""
    line = UFID.sub("", line.strip()).replace(", dp:ovs", "")
    keys, rest = line.split(", packets:", 1)
    out = []
    for a in split_top(keys):
        p = plain_attr(a)
        if p:
            out.append(p)
    acts = rest.split("actions:", 1)[1]
    for name, num in sorted(ports.items(), key=lambda kv: -len(kv[0])):
        out = [re.sub(r"^in_port\(%s\)$" % re.escape(name), "in_port(%s)" % num, x) for x in out]
        acts = re.sub(r"(?<=[(,:])%s(?=[,)]|$)" % re.escape(name), num, acts)
    acts = re.sub(r"^%s(?=[,)]|$)" % "|".join(map(re.escape, ports)) if ports else "^$",
                  lambda mo: ports[mo.group(0)], acts)
    return ",".join(out) + ", actions:" + acts


def port_map(show):
    ports = {}
    if os.path.exists(show):
        with open(show, encoding="utf-8") as f:
            for line in f:
                m = re.match(r"\s+port (\d+): (\S+)", line)
                if m:
                    ports[m.group(2)] = m.group(1)
    return ports


# truth files written by `ovs-dpctl dump-flows -m` / `dpctl/dump-flows -m`,
# with the `dpctl show` that names their ports
VERBOSE_TRUTH = {
    "ovs.pcap": ("dpctl-dump-flows.txt", "dpctl-show.txt"),
    "ovs_vswitchd.pcap": ("vswitchd-dump-flows.txt", "vswitchd-dpctl-show.txt"),
    "mixed.pcap": ("ovs-dump-flows.txt", "ovs-dpctl-show.txt"),
}


def messages(pcap):
    rc, out, err = nltest.run(["-r", pcap, "--json"])
    check(rc == 0, f"{pcap} --json: exit {rc}: {err[:300]}")
    for line in out.splitlines():
        yield json.loads(line)


def has_unknown(o):
    if isinstance(o, dict):
        for k, v in o.items():
            if k.startswith("unknown_") or has_unknown(v):
                return True
    elif isinstance(o, list):
        return any(has_unknown(v) for v in o)
    return False


def is_ovs(m):
    g = m.get("genl") or m.get("error", {}).get("request", {}).get("genl") or {}
    fam = g.get("family") or ""
    return fam.startswith("ovs_")


def main():
    nltest.setup("check_ovs_flows", sys.argv[1])
    capdir = sys.argv[2]
    total = matched = 0
    for cap in sorted(os.listdir(capdir)):
        if not cap.endswith(".pcap"):
            continue
        pcap = os.path.join(capdir, cap)
        odps = set()
        installs = []
        n_ovs = 0
        for m in messages(pcap):
            if not is_ovs(m):
                continue
            n_ovs += 1
            bad = "malformed" in m or "malformed" in m.get("error", {}).get("request", {})
            check(not bad or (cap, m.get("frame")) in EXPECTED_MALFORMED,
                  f"{cap} frame {m.get('frame')}: malformed: {m.get('malformed')}")
            check(not has_unknown(m), f"{cap} frame {m.get('frame')}: unknown attribute")
            g = m.get("genl") or {}
            if g.get("family") == "ovs_flow" and "odp" in m:
                if "request" not in m["nlmsg"].get("flag_names", []):
                    odps.add(norm(m["odp"]))
                elif g.get("cmd") in ("NEW", "SET"):
                    installs.append(norm(m["odp"]))
        scen = os.path.join(capdir, cap[:-5] + ".truth", "scenario.log")
        if not os.path.exists(scen):
            check(cap not in VERBOSE_TRUTH, f"{cap}: no truth file {scen}")
            continue
        lines = truth_lines(scen)
        vt = VERBOSE_TRUTH.get(cap)
        if vt and check(os.path.exists(os.path.join(capdir, cap[:-5] + ".truth", vt[0])),
                        f"{cap}: no truth file {vt[0]}"):
            tdir = os.path.join(capdir, cap[:-5] + ".truth")
            ports = port_map(os.path.join(tdir, vt[1]))
            with open(os.path.join(tdir, vt[0]), encoding="utf-8") as f:
                for line in f:
                    if "actions:" in line:
                        lines.append(plain_from_verbose(line, ports))
        for t in lines:
            total += 1
            if check(norm(t) in odps, f"{cap}: no match for\n  ovs-dpctl: {norm(t)}"):
                matched += 1
                continue
            key = norm(t).split(", actions:")[0]
            near = [o for o in odps if o.split(", actions:")[0][:40] == key[:40]]
            for o in near[:2]:
                print(f"  nldump:    {o}")
        if lines or n_ovs:
            print(f"{cap}: {n_ovs} OVS messages, {len(lines)} dump-flows lines")
        # informational: an install request is the flow as the tool sent it;
        # the kernel's dump may differ (attribute order, added ipv6_exthdrs,
        # normalised masks, later mod-flow), so this does not fail
        tset = set(norm(t) for t in lines)
        if installs:
            same = sum(1 for i in installs if i in tset)
            print(f"{cap}: {same}/{len(installs)} flow install requests render "
                  "exactly as a dump-flows line")
    print(f"ODP: {matched}/{total} ovs-dpctl dump-flows lines matched exactly")
    check(total > 0, f"no ovs-dpctl dump-flows line found in {capdir}: nothing compared")
    nltest.done()


if __name__ == "__main__":
    main()
