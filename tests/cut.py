#!/usr/bin/env python3
"""cut.py - copy chosen frames of a classic pcap file into a new one.

Usage: cut.py IN.pcap OUT.pcap FRAMES

FRAMES is a comma-separated list of frame numbers (1-based, as nldump
numbers them) and ranges N-M, e.g. "1-12,40,97-99".  The global header is
copied as it is (byte order, link type, snap length); the chosen records
are copied byte for byte, in file order.  A frame number past the end of
the file is an error.  Used to make captures/cut/*.pcap from the real
captures (see captures/cut/README.md).
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import nltest  # noqa: E402


def parse_frames(spec):
    want = set()
    for part in spec.split(','):
        part = part.strip()
        if not part:
            continue
        a, _, b = part.partition('-')
        lo, hi = int(a), int(b or a)
        if lo < 1 or hi < lo:
            raise SystemExit(f'cut.py: bad frame range {part!r}')
        want.update(range(lo, hi + 1))
    if not want:
        raise SystemExit('cut.py: no frames chosen')
    return want


def cut(data, want):
    e = nltest.pcap_order(data, 'cut.py')
    out = [data[:24]]
    off, n = 24, 0
    while off + 16 <= len(data):
        caplen = struct.unpack_from(e + 'I', data, off + 8)[0]
        end = off + 16 + caplen
        if end > len(data):
            raise SystemExit(f'cut.py: frame {n + 1} is cut short in the input')
        n += 1
        if n in want:
            out.append(data[off:end])
        off = end
    missing = sorted(f for f in want if f > n)
    if missing:
        raise SystemExit(f'cut.py: the input has {n} frames; asked for {missing[:5]}')
    return b''.join(out)


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__.strip().splitlines()[2])
    src, dst, spec = sys.argv[1:4]
    with open(src, 'rb') as f:
        data = f.read()
    res = cut(data, parse_frames(spec))
    with open(dst, 'wb') as f:
        f.write(res)


if __name__ == '__main__':
    main()
