#!/usr/bin/env python3
"""mkbig.py - build a large netlink capture for the benchmark.

Usage: mkbig.py IN.pcap OUT.pcap --messages N

Repeats IN's records (classic pcap) until at least N netlink messages are
written, shifting each repetition's timestamps past the previous one so time
keeps increasing.  Every repetition carries the capture's own nlctrl
exchanges, so the generic netlink family map stays valid throughout.
With --messages smaller than one repetition, the output stops after the
frame that reaches N.
"""
import argparse
import struct
import sys


def read_pcap(path):
    with open(path, "rb") as f:
        data = f.read()
    magic = struct.unpack_from("<I", data, 0)[0]
    if magic not in (0xA1B2C3D4, 0xA1B23C4D):
        sys.exit(f"{path}: not a little-endian classic pcap")
    nano = magic == 0xA1B23C4D
    hdr = data[:24]
    recs = []
    off = 24
    while off + 16 <= len(data):
        sec, frac, incl, orig = struct.unpack_from("<IIII", data, off)
        body = data[off + 16: off + 16 + incl]
        if len(body) < incl:
            break
        recs.append((sec, frac, orig, body))
        off += 16 + incl
    return hdr, nano, recs


def count_msgs(body):
    """nlmsghdrs in one frame (after the 16-byte cooked header)."""
    p, n = 16, 0
    while p + 16 <= len(body):
        ln = struct.unpack_from("<I", body, p)[0]
        if ln < 16:
            break
        n += 1
        p += (ln + 3) & ~3
    return n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("inp")
    ap.add_argument("out")
    ap.add_argument("--messages", type=int, required=True)
    a = ap.parse_args()
    hdr, nano, recs = read_pcap(a.inp)
    if not recs:
        sys.exit("no records")
    per = [count_msgs(r[3]) for r in recs]
    unit = 1_000_000_000 if nano else 1_000_000
    first = recs[0][0] * unit + recs[0][1]
    last = recs[-1][0] * unit + recs[-1][1]
    span = last - first + unit  # one second between repetitions
    total = frames = rep = 0
    with open(a.out, "wb") as f:
        f.write(hdr)
        while total < a.messages:
            shift = rep * span
            for (sec, frac, orig, body), m in zip(recs, per):
                t = sec * unit + frac + shift
                f.write(struct.pack("<IIII", t // unit, t % unit, len(body), orig))
                f.write(body)
                total += m
                frames += 1
                if total >= a.messages and rep == 0 and a.messages < sum(per):
                    break
            rep += 1
    print(f"{a.out}: {frames} frames, {total} messages, {rep} repetitions")


if __name__ == "__main__":
    main()
