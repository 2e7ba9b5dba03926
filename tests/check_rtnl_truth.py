#!/usr/bin/env python3
"""Compare nldump's decoding of rtnetlink dumps with the tools' own view.

For every capture NAME.pcap with NAME.truth/ files written by
`ip -j link/addr/route` (ip-link.json, ip-addr.json, ip-route.json,
ip6-route.json, final-ip-link.json, final-ip-route.json, ip-link-*.json),
find the dump that produced the file and compare:
  links:  ifindex, ifname, mtu, operstate, ether address, kind (with -d)
  addrs:  per interface the set of (family, address, prefixlen)
  routes: the set of (type, dst, table, dev, gateway(s))
  qdiscs: kind, handle, dev, parent and some options (tc-qdisc.json)
(`ip -j route` prints an MPLS encap's labels under "dst", overwriting the
destination: such routes are compared by their labels.)
The dump is the first GET request of the right type sent after the command
started, by the times in scenario.log (calibrated on the first frame); with
no scenario.log, the last dump in the capture.

Also checks that no rtnetlink message in any capture has an unknown
attribute (unknown_N keys) or a malformed marker.

usage: check_rtnl_truth.py NLDUMP CAPTURE_DIR [NAME...]
Exit 0 when everything agrees, 1 otherwise; a truth file of a known kind
that is not compared (no rtnetlink message in its capture) and a run that
compares no truth file at all are failures, not passes.
"""
import json
import os
import re
import sys
from datetime import datetime

import nltest
from nltest import check

RT = {"link": ("GETLINK", "NEWLINK"), "addr": ("GETADDR", "NEWADDR"),
      "route": ("GETROUTE", "NEWROUTE"), "qdisc": ("GETQDISC", "NEWQDISC")}
TABLES = {253: "default", 254: "main", 255: "local"}


def decode(pcap):
    rc, out, err = nltest.run(["--json", "-r", pcap])
    check(rc == 0, f"{pcap} --json: exit {rc}: {err[:300]}")
    msgs = []
    for line in out.splitlines():
        m = json.loads(line)
        t = m.get("time", "")
        m["_t"] = datetime.strptime(t[:26], "%Y-%m-%dT%H:%M:%S.%f").timestamp() if t else 0
        msgs.append(m)
    return msgs


def route_msgs(msgs):
    return [m for m in msgs if m.get("proto") == "route"]


def exchanges(msgs, kind):
    """[(time, [reply...])] for every GET request of this kind."""
    get, new = RT[kind]
    res = []
    for i, m in enumerate(msgs):
        h = m.get("nlmsg", {})
        if h.get("type") != get or "request" not in h.get("flag_names", []):
            continue
        dump = "root" in h["flag_names"]
        seq, replies = h["seq"], []
        for r in msgs[i + 1:]:
            rh = r.get("nlmsg", {})
            if rh.get("seq") != seq or r.get("dir") != "to_user":
                continue
            if rh.get("type") == new:
                replies.append(r)
                if not dump:
                    break
            elif rh.get("type") in ("DONE", "ERROR"):
                break
        res.append((m["_t"], replies))
    return res


def cmd_times(truthdir):
    """{truth file: scenario-relative start time} and the time of the first command."""
    path = os.path.join(truthdir, "scenario.log")
    times, first, started = {}, None, False
    if not os.path.exists(path):
        return times, None
    for line in open(path, errors="replace"):
        m = re.match(r"\[\s*([\d.]+)\]\s+(.*)", line)
        if not m:
            continue
        t, text = float(m.group(1)), m.group(2)
        if text.startswith("capture started"):
            started = True
        elif started and text.startswith("+ ") and first is None:
            first = t
        f = re.search(r">\s*truth/(\S+)", text)
        if f and text.startswith("+ "):
            times[f.group(1)] = t
    return times, first


def pick(exch, t_first_frame, tcmd, tfirst):
    if not exch:
        return None
    if tcmd is None or tfirst is None:
        return exch[-1][1]
    t0 = t_first_frame - tfirst
    for t, replies in exch:
        if t - t0 >= tcmd - 0.06:
            return replies
    return None


def fmt_dst(a, rt):
    dlen = rt.get("dst_len", 0)
    dst = a.get("dst")
    if dst is None:
        return "default" if dlen == 0 else None
    full = 32 if rt.get("family") == "inet" else 128
    return dst if dlen == full else "%s/%d" % (dst, dlen)


def tname(v):
    if isinstance(v, str):
        return v
    return TABLES.get(v, str(v))


def check_links(truth, replies, detailed):
    errs = []
    got = {r["ifinfomsg"]["index"]: r for r in replies}
    for t in truth:
        r = got.get(t["ifindex"])
        if not r:
            errs.append("link %s (%d) missing from the dump" % (t["ifname"], t["ifindex"]))
            continue
        a = r.get("attrs", {})
        pairs = [("ifname", t["ifname"], a.get("ifname")),
                 ("mtu", t.get("mtu"), a.get("mtu")),
                 ("operstate", t.get("operstate"), a.get("operstate"))]
        if t.get("link_type") == "ether" and "address" in t:
            pairs.append(("address", t["address"], a.get("address")))
        if detailed and "linkinfo" in t:
            pairs.append(("kind", t["linkinfo"].get("info_kind"),
                          a.get("linkinfo", {}).get("kind")))
        for what, want, have in pairs:
            if want is not None and want != have:
                errs.append("link %d %s: truth %r, decoded %r" % (t["ifindex"], what, want, have))
    if len(got) != len(truth):
        errs.append("links: truth has %d, dump has %d" % (len(truth), len(got)))
    return errs


def check_addrs(truth, replies):
    errs = []
    got = {}
    for r in replies:
        h, a = r["ifaddrmsg"], r.get("attrs", {})
        addr = a.get("local", a.get("address"))
        got.setdefault(h["index"], set()).add((h["family"], addr, h["prefixlen"]))
    for t in truth:
        want = {(ai["family"], ai["local"], ai["prefixlen"]) for ai in t.get("addr_info", [])}
        have = got.get(t["ifindex"], set())
        if want != have:
            errs.append("addresses of %s: truth %s, decoded %s" %
                        (t["ifname"], sorted(want), sorted(have)))
    return errs


def tc_handle(h):
    """tc prints a zero qdisc handle as 0:, nldump as none."""
    return "0:" if h == "none" else h


# tc -j option name -> (our name, conversion)
QDISC_OPTS = {
    "fq_codel": {"limit": "limit", "flows": "flows", "quantum": "quantum",
                 "target": "target", "interval": "interval", "ecn": "ecn",
                 "memory_limit": "memory_limit", "drop_batch": "drop_batch_size"},
    "htb": {"r2q": "init.rate2quantum", "direct_qlen": "direct_qlen"},
    "sfq": {"limit": "limit", "quantum": "quantum", "divisor": "divisor",
            "perturb": "perturb_period", "depth": "depth"},
}


def dig(o, path):
    for p in path.split("."):
        if not isinstance(o, dict) or p not in o:
            return None
        o = o[p]
    return o


def check_qdiscs(truth, replies, names):
    errs = []
    got = {}
    for r in replies:
        h = r["tcmsg"]
        got[(names.get(h["ifindex"]), tc_handle(h["handle"]), h["parent"])] = r
    for t in truth:
        parent = "root" if t.get("root") else t.get("parent")
        r = got.get((t["dev"], t["handle"], parent))
        if not r:
            errs.append("qdisc %s %s on %s missing from the dump" % (t["kind"], t["handle"], t["dev"]))
            continue
        h, a = r["tcmsg"], r.get("attrs", {})
        if a.get("kind") != t["kind"]:
            errs.append("qdisc %s %s: kind %r, decoded %r" % (t["dev"], t["handle"], t["kind"], a.get("kind")))
        if parent != h["parent"] and not (parent == "root" and h["parent"] == "root"):
            errs.append("qdisc %s %s: parent %r, decoded %r" % (t["dev"], t["handle"], parent, h["parent"]))
        for tk, ours in QDISC_OPTS.get(t["kind"], {}).items():
            want = t.get("options", {}).get(tk)
            have = dig(a.get("options", {}), ours)
            if isinstance(want, bool) and have is not None:
                have = bool(have)
            if want is not None and want != have:
                errs.append("qdisc %s %s option %s: truth %r, decoded %r" %
                            (t["dev"], t["handle"], tk, want, have))
    if len(got) != len(truth):
        errs.append("qdiscs: truth has %d, dump has %d" % (len(truth), len(got)))
    return errs


def route_key(rt, a, names):
    gws = []
    if "gateway" in a:
        gws.append(a["gateway"])
    for nh in a.get("multipath", []) or []:
        na = nh.get("attrs", {})
        gws.append((na.get("gateway"), names.get(nh.get("ifindex"))))
    table = a.get("table", rt.get("table"))
    dst = fmt_dst(a, rt)
    if a.get("encap_type") == "mpls":
        # ip -j prints the label stack under "dst" too, and the last one wins
        dst = "mpls:" + "/".join(str(l["label"]) for l in a.get("encap", {}).get("dst", []))
    return (rt.get("type"), dst, tname(table),
            names.get(a.get("oif")), tuple(sorted(map(str, gws))))


def truth_route_key(t):
    gws = []
    if "gateway" in t:
        gws.append(t["gateway"])
    for nh in t.get("nexthops", []):
        gws.append((nh.get("gateway"), nh.get("dev")))
    dst = t["dst"]
    if t.get("encap") == "mpls":
        dst = "mpls:" + dst
    return (t.get("type", "unicast"), dst, t.get("table", "main"), t.get("dev"),
            tuple(sorted(map(str, gws))))


def check_routes(truth, replies, names):
    have = sorted(route_key(r["rtmsg"], r.get("attrs", {}), names) for r in replies)
    want = sorted(truth_route_key(t) for t in truth)
    errs = []
    for k in want:
        if k not in have:
            errs.append("route in truth, not decoded: %s" % (k,))
    for k in have:
        if k not in want:
            errs.append("route decoded, not in truth: %s" % (k,))
    return errs


def names_at(msgs, t):
    """ifindex -> name from the link messages seen up to time t."""
    names = {}
    for m in msgs:
        if m["_t"] > t:
            break
        if m.get("nlmsg", {}).get("type") == "NEWLINK" and m.get("dir") == "to_user":
            a = m.get("attrs", {})
            if "ifname" in a:
                names[m["ifinfomsg"]["index"]] = a["ifname"]
    return names


def walk_unknown(o, path, out):
    if isinstance(o, dict):
        for k, v in o.items():
            if k.startswith("unknown_"):
                out.append(path + "." + k)
            walk_unknown(v, path + "." + k, out)
    elif isinstance(o, list):
        for v in o:
            walk_unknown(v, path, out)


def check_capture(capdir, name):
    pcap = os.path.join(capdir, name + ".pcap")
    truthdir = os.path.join(capdir, name + ".truth")
    allmsgs = decode(pcap)
    msgs = route_msgs(allmsgs)
    fails, checked = [], 0
    for m in msgs:
        unk = []
        walk_unknown(m, "", unk)
        if unk or m.get("malformed"):
            fails.append("frame %s %s: unknown %s malformed %s" %
                         (m.get("frame"), m.get("nlmsg", {}).get("type"), unk, m.get("malformed")))
    times, tfirst = cmd_times(truthdir)
    files = sorted(os.listdir(truthdir)) if os.path.isdir(truthdir) else []
    for f in files:
        kind = None
        if re.match(r"(final-)?ip-link(-[a-z0-9]+)?\.json$", f) and "stats" not in f:
            kind = "link"
        elif f == "ip-addr.json":
            kind = "addr"
        elif re.match(r"(final-)?ip6?-route\.json$", f):
            kind = "route"
        elif f == "tc-qdisc.json":
            kind = "qdisc"
        if not kind:
            continue
        if not msgs:
            fails.append("%s: truth file %s, but no rtnetlink message to compare" % (name, f))
            continue
        truth = json.load(open(os.path.join(truthdir, f)))
        replies = pick(exchanges(msgs, kind), allmsgs[0]["_t"], times.get(f), tfirst)
        if replies is None:
            fails.append("%s: no %s exchange found for %s" % (name, RT[kind][0], f))
            continue
        checked += 1
        when = replies[0]["_t"] if replies else msgs[-1]["_t"]
        if kind == "link":
            detailed = "-d" in open(os.path.join(truthdir, "scenario.log")).read().split(f)[0].splitlines()[-1] \
                if os.path.exists(os.path.join(truthdir, "scenario.log")) else False
            errs = check_links(truth, replies, detailed)
        elif kind == "addr":
            errs = check_addrs(truth, replies)
        elif kind == "qdisc":
            errs = check_qdiscs(truth, replies, names_at(msgs, when))
        else:
            errs = check_routes(truth, replies, names_at(msgs, when))
        status = "ok" if not errs else "FAIL"
        print("%s/%s: %d entries, %d decoded: %s" % (name, f, len(truth), len(replies), status))
        fails += ["%s/%s: %s" % (name, f, e) for e in errs]
    print("%s: %d rtnetlink messages, %d truth files compared" % (name, len(msgs), checked))
    return fails, checked


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    nltest.setup("check_rtnl_truth", sys.argv[1])
    capdir = sys.argv[2]
    names = sys.argv[3:] or sorted(f[:-5] for f in os.listdir(capdir) if f.endswith(".pcap"))
    fails, checked = [], 0
    for n in names:
        f, c = check_capture(capdir, n)
        fails += f
        checked += c
    for f in fails:
        check(False, f)
    check(checked > 0, "no truth file compared in %s" % capdir)
    nltest.done()


if __name__ == "__main__":
    main()
