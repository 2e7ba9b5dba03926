#!/usr/bin/env python3
"""measure.py - time nldump, tshark and the raw floor on one capture.

Each command runs RUNS times with its output sent to /dev/null; the median
CPU time (user + system, as GNU time reads it for the program itself: on a
machine shared with other work it moves much less than the wall time) and
the peak RSS (GNU time's maximum resident set size) are reported, with
messages per second and the ratios nldump/tshark and nldump/floor per mode.
"""
import argparse
import os
import statistics
import subprocess
import tempfile


def run_once(argv):
    """CPU seconds (user + system) and peak RSS in KiB, as GNU time reads
    them for the program itself (a forked child's own rusage would include
    this Python's pages from before the exec)."""
    with tempfile.NamedTemporaryFile("r") as rss:
        with open(os.devnull, "wb") as null:
            r = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", "-o", rss.name] + argv,
                               stdout=null, stderr=subprocess.DEVNULL)
        if r.returncode != 0:
            raise SystemExit(f"failed: {' '.join(argv)} (exit {r.returncode})")
        user, sys_, kb = rss.read().split()[-3:]
        return float(user) + float(sys_), int(kb)


def measure(argv, runs):
    times, rss = [], []
    for _ in range(runs):
        dt, kb = run_once(argv)
        times.append(dt)
        rss.append(kb)
    return statistics.median(times), max(rss)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--file", required=True)
    ap.add_argument("--small", help="a ~10k-message file for the RSS comparison")
    ap.add_argument("--messages", type=int, required=True)
    ap.add_argument("--nldump", required=True)
    ap.add_argument("--floor", required=True)
    ap.add_argument("--tshark", default="tshark")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--tshark-runs", type=int, default=1)
    ap.add_argument("--no-tshark", action="store_true")
    a = ap.parse_args()

    f, n = a.file, a.messages
    floor_t, floor_rss = measure([a.floor, f], a.runs)
    modes = [
        ("one-line", [a.nldump, "-r", f], [a.tshark, "-r", f]),
        ("-v", [a.nldump, "-v", "-r", f], [a.tshark, "-V", "-r", f]),
        ("--json", [a.nldump, "--json", "-r", f], [a.tshark, "-T", "json", "-r", f]),
        ("-q (count)", [a.nldump, "-q", "-r", f], None),
    ]
    print(f"file: {f}  messages: {n}  runs: {a.runs} (tshark: {a.tshark_runs}), median CPU time (user + system)")
    print(f"{'mode':<12} {'nldump msg/s':>14} {'tshark msg/s':>14} {'x tshark':>9} "
          f"{'floor time':>11} {'x floor':>8} {'nldump RSS':>11} {'tshark RSS':>11}")
    for name, nl, ts in modes:
        t, rss = measure(nl, a.runs)
        if ts and not a.no_tshark:
            tt, trss = measure(ts, a.tshark_runs)
            tcol = f"{n / tt:14,.0f}"
            xcol = f"{tt / t:9.1f}"
            trcol = f"{trss / 1024:9.1f}MB"
        else:
            tcol, xcol, trcol = f"{'-':>14}", f"{'-':>9}", f"{'-':>11}"
        print(f"{name:<12} {n / t:14,.0f} {tcol} {xcol} {floor_t:10.3f}s "
              f"{t / floor_t:8.2f} {rss / 1024:9.1f}MB {trcol}")
    print(f"{'floor':<12} {n / floor_t:14,.0f} {'':>14} {'':>9} {floor_t:10.3f}s "
          f"{1.0:8.2f} {floor_rss / 1024:9.1f}MB")
    if a.small:
        _, small_rss = measure([a.nldump, "--json", "-r", a.small], 1)
        _, big_rss = measure([a.nldump, "--json", "-r", f], 1)
        print(f"peak RSS --json: small file {small_rss / 1024:.1f}MB, big file "
              f"{big_rss / 1024:.1f}MB (ratio {big_rss / small_rss:.2f}, target <= 1.5)")


if __name__ == "__main__":
    main()
