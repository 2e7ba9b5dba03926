#!/usr/bin/env python3
"""check_state.py - --state against the tools' own view of the same moment.

The truth files of captures/rtnl.truth were written by `ip -j` while the
capture ran (scenario.log says when).  For each, the dump ip made is found
in the capture (check_rtnl_truth's pairing: the first GET of that kind
sent after the command started), and `nldump --state --json --at-frame N`
at its DONE frame must give the same objects: every object ip listed is in
the table, whole (not "partial"), and every member both write is equal
(lists compared as sets); no object of that table is there that ip did not
list.  final-ip-link.json and final-ip-route.json are compared with the
state at the end of the capture (no --at-frame).  The members that differ
on purpose are listed in SKIP with the reason.

ovs.pcap: the ports of `ovs-dpctl show` (dpctl-show.txt) and the number of
flows it says against --state's vports and flows at the end.
genl_ctrl.pcap: the families of `genl ctrl list` (genl-ctrl-list.txt) by
name and id against --state's genl_families.

usage: check_state.py NLDUMP CAPTURE_DIR
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_rtnl_truth as rt  # noqa: E402
import nltest  # noqa: E402
from nltest import check  # noqa: E402

# members both write that differ on purpose
SKIP = {
    # ip -d: details nldump's state does not write (linkinfo's data, the
    # -d members); kept out of the comparison
    "links": {"linkinfo", "promiscuity", "allmulti", "min_mtu", "max_mtu", "num_tx_queues",
              "num_rx_queues", "gso_max_size", "gso_max_segs", "tso_max_size",
              "tso_max_segs", "gro_max_size", "gso_ipv4_max_size", "gro_ipv4_max_size",
              "inet6_addr_gen_mode", "parentbus", "parentdev", "addr_info"},
    "addresses": set(),
    "routes": set(),
}

TABLES = {"links": ("GETLINK", "NEWLINK", "link"), "addresses": ("GETADDR", "NEWADDR", "addr"),
          "routes": ("GETROUTE", "NEWROUTE", "route")}


def state(pcap, frame=None):
    args = ["--state", "--json", "-r", pcap]
    if frame:
        args += ["--at-frame", str(frame)]
    rc, out, err = nltest.run(args)
    check(rc == 0, f"{' '.join(args)}: exit {rc}: {err[:300]}")
    try:
        return json.loads(out)
    except ValueError:
        check(False, f"{' '.join(args)}: not one JSON object: {out[:200]!r}")
        return {}


def same(a, b):
    if isinstance(a, list) and isinstance(b, list):
        return sorted(map(json.dumps, a)) == sorted(map(json.dumps, b))
    return a == b


def compare(what, truth, ours, keyf, skip, exact_set=True):
    """Match by keyf; members both have must agree; returns (compared, errors)."""
    errs, n = [], 0
    mine = {}
    for o in ours:
        mine.setdefault(keyf(o), o)
    seen = set()
    for t in truth:
        k = keyf(t)
        o = mine.get(k)
        if o is None:
            errs.append(f"{what}: {k} (ip lists it) not in --state")
            continue
        seen.add(k)
        n += 1
        if o.get("partial"):
            errs.append(f"{what}: {k} marked partial although its dump ended")
        for m in sorted(set(t) & set(o) - skip):
            if not same(t[m], o[m]):
                errs.append(f"{what}: {k} {m}: ip {t[m]!r}, --state {o[m]!r}")
    if exact_set:
        for k in mine:
            if k not in seen:
                errs.append(f"{what}: {k} in --state, not listed by ip")
    return n, errs


def link_key(o):
    return o.get("ifindex")


def route_key(o):
    return (o.get("type", "unicast"), o.get("dst"), o.get("table", "main"), o.get("dev"),
            o.get("metric"))


def is_v6_route(o):
    return any(":" in str(o.get(k, "")) for k in ("dst", "gateway", "prefsrc"))


def addr_rows(objs):
    """ip -j addr entries -> one row per address (ifindex and addr_info)."""
    rows = []
    for link in objs:
        for ai in link.get("addr_info", []):
            r = dict(ai)
            r["ifindex"] = link["ifindex"]
            rows.append(r)
    return rows


def addr_key(o):
    return (o["ifindex"], o.get("family"), o.get("local"), o.get("prefixlen"))


def done_frame(msgs, replies):
    """The frame of the DONE that ends the dump of these replies (or of
    the last reply when the answer was not a dump)."""
    last = replies[-1]
    seq = last["nlmsg"]["seq"]
    for m in msgs:
        if m["frame"] < last["frame"]:
            continue
        h = m.get("nlmsg", {})
        if h.get("type") == "DONE" and h.get("seq") == seq:
            return m["frame"]
    return last["frame"]


def check_rtnl(capdir):
    pcap = os.path.join(capdir, "rtnl.pcap")
    tdir = os.path.join(capdir, "rtnl.truth")
    msgs = rt.route_msgs(rt.decode(pcap))
    times, tfirst = rt.cmd_times(tdir)
    t0 = msgs[0]["_t"] if msgs else 0
    total = 0
    # mid-capture files: the state at the end of the dump ip made
    plan = [("ip-link.json", "links"), ("ip-addr.json", "addresses"),
            ("ip-route.json", "routes"), ("ip6-route.json", "routes")]
    for fname, table in plan:
        path = os.path.join(tdir, fname)
        if not os.path.exists(path):
            continue
        truth = json.load(open(path))
        get, new, kind = TABLES[table]
        replies = rt.pick(rt.exchanges(msgs, kind), t0, times.get(fname), tfirst)
        if not check(replies, f"{fname}: no dump found in the capture"):
            continue
        frame = done_frame(msgs, replies)
        st = state(pcap, frame)
        ours = st.get(table, [])
        if table == "links":
            n, errs = compare(fname, truth, ours, link_key, SKIP["links"])
        elif table == "addresses":
            n, errs = compare(fname, addr_rows(truth), addr_rows(ours), addr_key,
                              SKIP["addresses"])
        else:
            if fname.startswith("ip6"):  # ip -6: IPv6 only ("table all" alone: both)
                ours = [o for o in ours if is_v6_route(o)]
            truth = [t for t in truth if "encap" not in t]  # MPLS labels under dst
            n, errs = compare(fname, truth, ours, route_key, SKIP["routes"], exact_set=False)
        for e in errs:
            check(False, e)
        check(n > 0, f"{fname}: nothing compared")
        total += n
        print(f"{fname}: {n} objects compared at frame {frame}, {len(errs)} differ")
    # the end of the capture
    st = state(pcap)
    for fname, table, keyf in (("final-ip-link.json", "links", link_key),
                               ("final-ip-route.json", "routes", route_key)):
        path = os.path.join(tdir, fname)
        if not os.path.exists(path):
            continue
        truth = json.load(open(path))
        n, errs = compare(fname, truth, st.get(table, []), keyf, SKIP[table])
        for e in errs:
            check(False, e)
        check(n > 0, f"{fname}: nothing compared")
        total += n
        print(f"{fname}: {n} objects compared at the end, {len(errs)} differ")
    return total


def check_ovs(capdir):
    """ovs-dpctl show -s and dump-flows -m, written one after the other:
    the state at the start of the second (--at TIME)."""
    pcap = os.path.join(capdir, "ovs.pcap")
    tdir = os.path.join(capdir, "ovs.truth")
    path = os.path.join(tdir, "dpctl-show.txt")
    if not os.path.exists(path) or not os.path.exists(pcap):
        return 0
    times, tfirst = rt.cmd_times(tdir)
    msgs = rt.decode(pcap)
    tflows = times.get("dpctl-dump-flows.txt")
    if not check(msgs and tflows is not None and tfirst is not None,
                 "ovs: no frames or no time of dump-flows in scenario.log"):
        return 0
    at = msgs[0]["_t"] + tflows - tfirst
    rc, out, err = nltest.run(["--state", "--json", "--at", "%.6f" % at, "-r", pcap])
    check(rc == 0, f"ovs --state --at: exit {rc}: {err[:300]}")
    st = json.loads(out) if rc == 0 else {}
    show = open(path).read()
    ports = {int(n): name for n, name in re.findall(r"\n\s+port (\d+): (\S+)", show)}
    ours = {v.get("port_no"): v.get("name") for v in st.get("ovs_vports", [])}
    for no, name in ports.items():
        check(ours.get(no) == name, f"ovs port {no}: ovs-dpctl {name!r}, --state {ours.get(no)!r}")
    check(set(ours) == set(ports), f"ovs ports: ovs-dpctl {sorted(ports)}, --state {sorted(ours)}")
    m = re.match(r"system@(\S+):", show)
    dps = [d.get("name") for d in st.get("ovs_datapaths", [])]
    check(m and dps == [m.group(1)], f"ovs datapaths: ovs-dpctl {m and m.group(1)!r}, --state {dps}")
    flows = re.search(r"flows: (\d+)", show)
    nflows = len(st.get("ovs_flows", []))
    check(flows and int(flows.group(1)) == nflows,
          f"ovs flows: ovs-dpctl show {flows and flows.group(1)}, --state {nflows}")
    # dump-flows -m: every flow's actions and in_port as ovs-dpctl wrote them
    lines = [ln.strip() for ln in open(os.path.join(tdir, "dpctl-dump-flows.txt")) if ln.strip()]
    ourtext = [f.get("flow", "") for f in st.get("ovs_flows", [])]
    for ln in lines:
        want = ln.split("actions:")[-1]
        addrs = re.findall(r"(?:src|dst)=([0-9a-f.:]+)", ln.split(", packets")[0])
        have = [t for t in ourtext if all(a in t for a in addrs)]
        check(have, f"ovs flow {ln[:120]}: not in --state")
    print(f"ovs: {len(ports)} ports, {nflows} flows compared")
    return len(ports) + nflows


def check_genl(capdir):
    pcap = os.path.join(capdir, "genl_ctrl.pcap")
    path = os.path.join(capdir, "genl_ctrl.truth", "genl-ctrl-list.txt")
    if not os.path.exists(path) or not os.path.exists(pcap):
        return 0
    fams = dict(re.findall(r"Name: (\S+)\s*\n\s*ID: (0x[0-9a-f]+)", open(path).read()))
    st = state(pcap)
    ours = {f.get("family_name"): f.get("family_id") for f in st.get("genl_families", [])}
    for name, fid in fams.items():
        check(ours.get(name) == int(fid, 16),
              f"genl family {name}: genl {fid}, --state {ours.get(name)!r}")
    print(f"genl: {len(fams)} families compared")
    return len(fams)


def check_usage(capdir):
    """The options' rules: one-line usage errors, exit status 2."""
    pcap = os.path.join(capdir, "cut", "state_rtnl.pcap")
    bad = [(["--at-frame", "3"], "go with --state"),
           (["--state", "-v"], "does not go with -v"),
           (["--state", "-q"], "does not go with -q"),
           (["--state", "--at-frame", "0"], "bad frame number"),
           (["--state", "--at-frame", "1.5"], "bad frame number"),
           (["--state", "--at", "12"], "bad time"),
           (["--state", "--at", "25:00:00"], "bad time"),
           (["--state", "--at", "1.5", "--at-frame", "2"], "one point"),
           (["--state-diff", "7", "4"], "B comes before A"),
           (["--state-diff", "7"], "needs two points")]
    for args, text in bad:
        rc, out, err = nltest.run(args + ["-r", pcap])
        check(rc == 2 and out == "" and err.count("\n") == 1 and text in err and
              err.endswith("; see nldump --help\n"),
              f"{args}: expected a usage error with {text!r}, got {rc} {out[:80]!r} {err!r}")
    # an empty point: before the first frame nothing is known
    rc, out, err = nltest.run(["--state", "--json", "--at", "00:00:00", "-r", pcap])
    st = json.loads(out) if rc == 0 else {}
    check(rc == 0 and st.get("links") == [] and st.get("frame") == 0,
          f"--at before the first frame: {rc} {out[:120]!r}")
    return len(bad)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    nltest.setup("check_state", sys.argv[1])
    capdir = sys.argv[2]
    n = check_rtnl(capdir) + check_ovs(capdir) + check_genl(capdir) + check_usage(capdir)
    check(n > 0, "nothing compared")
    nltest.done()


if __name__ == "__main__":
    main()
