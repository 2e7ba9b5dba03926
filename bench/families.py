#!/usr/bin/env python3
"""families.py - a spec-driven family against a hand-table one.

Usage: families.py --nldump NLDUMP --spec-first SPEC_FIRST --dir DIR
                   [--messages N] [--runs N]

For each family of FAMILIES, the frames of its sample capture
(captures/NAME.pcap) that hold only that family's messages are cut out
(tests/cut.py; generic netlink ids given with -G, as the nlctrl frames are
left out) and repeated to at least N messages (bench/mkbig.py).  nldump
decodes each file in one-line, -v and --json; the median CPU time of RUNS
runs gives messages per CPU second and netlink megabytes per CPU second
(the families' messages differ in size: nl80211's wiphy dumps are
kilobytes, an OVS flow a few hundred bytes; bytes per second is the fairer
comparison).  Then the cost of a spec family's first use (bench/
spec_first.c): built in (pre-parsed), and from the YAML texts.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from measure import run_once  # noqa: E402
from mkbig import count_msgs, read_pcap  # noqa: E402

# (name, capture, engine, a message's test) - the first two spec-driven
FAMILIES = [
    ("devlink", "devlink", "spec", lambda m: m.get("genl", {}).get("family") == "devlink"),
    ("nl80211", "nl80211", "spec", lambda m: m.get("genl", {}).get("family") == "nl80211"),
    ("ovs", "ovs", "hand", lambda m: m.get("genl", {}).get("family", "").startswith("ovs_")),
    ("rtnl", "rtnl", "hand", lambda m: m.get("proto") == "route"),
]
FIRST_USE = ["nl80211", "devlink", "ethtool", "wireguard", "netdev"]
MODES = [("one-line", []), ("-v", ["-v"]), ("--json", ["--json"])]


def cut_family(nldump, name, cap, test, out):
    """The frames of cap holding only test's messages, into out; returns
    the -G options their generic netlink ids need."""
    r = subprocess.run([nldump, "--json", "-r", cap], capture_output=True, text=True,
                       check=True)
    frames, bad, ids = set(), set(), {}
    for line in r.stdout.splitlines():
        m = json.loads(line)
        if test(m):
            frames.add(m["frame"])
            g = m.get("genl")
            if g and "id" in g:
                ids[g["family"]] = g["id"]
        else:
            bad.add(m["frame"])
    keep = sorted(frames - bad)
    if not keep:
        sys.exit(f"families.py: no frame of {cap} holds only {name}")
    subprocess.run([sys.executable, os.path.join(TOP, "tests", "cut.py"), cap, out,
                    ",".join(map(str, keep))], check=True, stdout=subprocess.DEVNULL)
    return [a for fam, i in sorted(ids.items()) for a in ("-G", f"{fam}={i}")]


def netlink_bytes(path):
    """Messages and their bytes in a classic pcap (frames less their
    16-byte cooked header)."""
    _, _, recs = read_pcap(path)
    return (sum(count_msgs(body) for _, _, _, body in recs),
            sum(max(len(body) - 16, 0) for _, _, _, body in recs))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--nldump", required=True)
    ap.add_argument("--spec-first", required=True)
    ap.add_argument("--dir", required=True)
    ap.add_argument("--messages", type=int, default=200000)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()

    print(f"families: the sample captures' frames of one family, repeated to at least "
          f"{a.messages} messages; median CPU time of {a.runs} runs")
    print(f"{'family':<9} {'tables':<6} {'messages':>9} {'avg B':>6}"
          + "".join(f" {m + ' msg/s':>16} {'MB/s':>6}" for m, _ in MODES))
    for name, capname, engine, test in FAMILIES:
        cap = os.path.join(TOP, "captures", capname + ".pcap")
        small = os.path.join(a.dir, f"fam-{name}.pcap")
        big = os.path.join(a.dir, f"fam-{name}-{a.messages}.pcap")
        gopts = cut_family(a.nldump, name, cap, test, small)
        if not os.path.exists(big):
            subprocess.run([sys.executable, os.path.join(HERE, "mkbig.py"), small, big,
                            "--messages", str(a.messages)], check=True,
                           stdout=subprocess.DEVNULL)
        n, nbytes = netlink_bytes(big)
        row = f"{name:<9} {engine:<6} {n:>9} {nbytes / n:6.0f}"
        for _, opts in MODES:
            t = statistics.median(run_once([a.nldump] + gopts + opts + ["-r", big])[0]
                                  for _ in range(a.runs))
            row += f" {n / t:16,.0f} {nbytes / t / 1e6:6.1f}"
        print(row, flush=True)
    print()
    print("first use of a spec family (bench/spec_first.c: CPU time of building its "
          "dissector, 21 runs)")
    sys.stdout.flush()
    subprocess.run([a.spec_first, TOP, "21"] + FIRST_USE, check=True)


if __name__ == "__main__":
    main()
