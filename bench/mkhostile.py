#!/usr/bin/env python3
"""mkhostile.py - crafted captures that make a careless table quadratic, and
the CPU time nldump takes on them as they double.

  mkhostile.py groups N OUT.pcap    N multicast groups of one generic netlink
                                    family, 2000 per nlctrl NEWMCAST_GRP
                                    notification (ids 1..N, names gN)
  mkhostile.py ifindex N OUT.pcap   N RTM_NEWLINK messages, 100 per frame,
                                    interface indexes k << 16 for N/10
                                    interfaces (k = 1..N/10, at most 65535),
                                    each seen 10 times, names ifK
  mkhostile.py measure --nldump NLDUMP [--dir DIR] [--runs R]
                                    both kinds at n and 2n; prints user+sys
                                    CPU seconds (best of R runs of nldump --stats, one-line output discarded)
                                    and the ratio: about 2 is linear, about 4
                                    quadratic

Layouts as include/uapi/linux/genetlink.h and rtnetlink.h / if_link.h say:
CTRL_CMD_NEWMCAST_GRP = 7, CTRL_ATTR_FAMILY_ID = 1, CTRL_ATTR_FAMILY_NAME = 2,
CTRL_ATTR_MCAST_GROUPS = 7 (nested: GRP_NAME = 1, GRP_ID = 2); RTM_NEWLINK =
16, struct ifinfomsg (16 bytes), IFLA_IFNAME = 3.
"""
import argparse
import os
import resource
import struct
import subprocess
import sys

PCAP_HDR = struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 262144, 253)


def attr(t, payload):
    a = struct.pack("<HH", 4 + len(payload), t) + payload
    return a + b"\0" * (-len(a) % 4)


def nlmsg(typ, flags, seq, payload):
    return struct.pack("<IHHII", 16 + len(payload), typ, flags, seq, 0) + payload


def record(proto, payload, t):
    data = struct.pack(">HHH8sH", 4, 824, 0, b"\0" * 8, proto) + payload
    return struct.pack("<IIII", t, 0, len(data), len(data)) + data


def groups(n, out):
    fid, per = 0x20, 2000
    with open(out, "wb") as f:
        f.write(PCAP_HDR)
        for start in range(0, n, per):
            grps = b"".join(
                attr(i + 1, attr(2, struct.pack("<I", g + 1)) + attr(1, b"g%d\0" % g))
                for i, g in enumerate(range(start, min(n, start + per))))
            body = struct.pack("<BBH", 7, 2, 0) + attr(2, b"hostile\0") \
                + attr(1, struct.pack("<H", fid)) + attr(7 | 0x8000, grps)
            f.write(record(16, nlmsg(0x10, 0, 0, body), 1000 + start // per))


def ifindex(n, out):
    per, distinct = 100, max(1, min(65535, n // 10))
    with open(out, "wb") as f:
        f.write(PCAP_HDR)
        for start in range(0, n, per):
            msgs = b""
            for i in range(start, min(n, start + per)):
                k = i % distinct + 1
                ifi = struct.pack("<BBHIII", 0, 0, 1, k << 16, 0x1043, 0)
                msgs += nlmsg(16, 0, 0, ifi + attr(3, b"if%d\0" % k))
            f.write(record(0, msgs, 1000 + start // per))


def cpu(argv, runs):
    """best user+sys CPU seconds of runs of argv (output discarded)"""
    best = None
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        with open(os.devnull, "wb") as null:
            r = subprocess.run(argv, stdout=null, stderr=null)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if r.returncode != 0:
            sys.exit("failed: %s (exit %d)" % (" ".join(argv), r.returncode))
        t = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best = t if best is None else min(best, t)
    return best


def measure(args):
    os.makedirs(args.dir, exist_ok=True)
    rows = [("multicast groups", groups, 131072), ("ifindex k<<16", ifindex, 327670)]
    print("hostile inputs: nldump --stats (one-line), user+sys CPU (best of %d) as the input doubles" % args.runs)
    print("%-18s %10s %8s %8s %10s %8s %8s %6s" % ("input", "n", "MB", "CPU s",
                                                    "2n", "MB", "CPU s", "ratio"))
    for name, make, n in rows:
        res = []
        for k in (n, 2 * n):
            path = os.path.join(args.dir, "hostile-%s-%d.pcap" % (make.__name__, k))
            if not os.path.exists(path):
                make(k, path + ".tmp")
                os.rename(path + ".tmp", path)
            res.append((k, os.path.getsize(path) / 1e6,
                        cpu([args.nldump, "--stats", "-r", path], args.runs)))
        ratio = res[1][2] / res[0][2] if res[0][2] > 0 else float("nan")
        print("%-18s %10d %8.1f %8.2f %10d %8.1f %8.2f %6.2f" % (
            name, res[0][0], res[0][1], res[0][2], res[1][0], res[1][1], res[1][2], ratio))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    for c in ("groups", "ifindex"):
        p = sub.add_parser(c)
        p.add_argument("n", type=int)
        p.add_argument("out")
    p = sub.add_parser("measure")
    p.add_argument("--nldump", required=True)
    p.add_argument("--dir", default="/tmp/nldump-bench")
    p.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    if a.cmd == "groups":
        groups(a.n, a.out)
    elif a.cmd == "ifindex":
        ifindex(a.n, a.out)
    else:
        measure(a)


if __name__ == "__main__":
    main()
