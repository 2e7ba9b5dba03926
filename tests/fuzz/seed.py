#!/usr/bin/env python3
"""seed.py - a seed corpus for fuzz_frame from capture frames.

Usage: seed.py OUTDIR [--max N] PCAP...

Every distinct frame (up to N per capture, default 400, preferring distinct
(protocol, nlmsg_type, size class) shapes) becomes one file: two selector
bytes (see fuzz_frame.c) then the frame. Output modes rotate over the seeds;
some frames are also re-wrapped as LINUX_SLL2.
"""
import hashlib
import os
import struct
import sys


def frames(path):
    with open(path, 'rb') as f:
        data = f.read()
    magic = data[:4]
    e = '<' if magic in (b'\xd4\xc3\xb2\xa1', b'\x4d\x3c\xb2\xa1') else '>'
    if magic not in (b'\xd4\xc3\xb2\xa1', b'\x4d\x3c\xb2\xa1', b'\xa1\xb2\xc3\xd4', b'\xa1\xb2\x3c\x4d'):
        return 0, []
    linktype = struct.unpack_from(e + 'I', data, 20)[0]
    off, out = 24, []
    while off + 16 <= len(data):
        caplen = struct.unpack_from(e + 'I', data, off + 8)[0]
        out.append(data[off + 16: off + 16 + caplen])
        off += 16 + caplen
    return linktype, out


def shape(pkt):
    proto = pkt[14:16] if len(pkt) >= 16 else b''
    typ = pkt[20:22] if len(pkt) >= 22 else b''
    return (proto, typ, min(len(pkt) // 256, 8))


def to_sll2(pkt):
    """NETLINK/SLL cooked header (16 bytes) -> SLL2 (20 bytes)."""
    pkttype, hatype, alen = struct.unpack_from('>HHH', pkt, 0)
    proto = struct.unpack_from('>H', pkt, 14)[0]
    return struct.pack('>HHIHBB8s', proto, 0, 1, hatype, pkttype & 0xff, alen & 0xff, pkt[6:14]) + pkt[16:]


def main():
    args = sys.argv[1:]
    if not args:
        raise SystemExit(__doc__)
    outdir = args.pop(0)
    limit = 400
    if args and args[0] == '--max':
        args.pop(0)
        limit = int(args.pop(0))
    os.makedirs(outdir, exist_ok=True)
    n = 0
    for path in args:
        linktype, pkts = frames(path)
        lt_bits = {253: 0, 113: 1, 276: 2}.get(linktype)
        if lt_bits is None:
            continue
        seen, shapes, picked = set(), set(), []
        for p in pkts:
            h = hashlib.sha1(p).digest()
            if h in seen:
                continue
            seen.add(h)
            s = shape(p)
            if s not in shapes:
                shapes.add(s)
                picked.append(p)
        for p in pkts:		# fill up with other distinct frames
            if len(picked) >= limit:
                break
            if p not in picked and len(picked) < limit:
                picked.append(p)
        for i, p in enumerate(picked[:limit]):
            mode = i % 4
            # bit 7 (every other seed): decoded again, with a field sink
            sel = lt_bits | (mode << 2) | (0x40 if i % 3 == 0 else 0) | (0x80 if i % 2 else 0)
            blobs = [bytes([sel, 0]) + p]
            if lt_bits == 0 and i % 10 == 0 and len(p) >= 16:
                blobs.append(bytes([2 | (mode << 2), 0]) + to_sll2(p))
            for b in blobs:
                name = hashlib.sha1(b).hexdigest()
                with open(os.path.join(outdir, name), 'wb') as f:
                    f.write(b)
                n += 1
    print(f'seed: {n} inputs in {outdir}')


if __name__ == '__main__':
    main()
