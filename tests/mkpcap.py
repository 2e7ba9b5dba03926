#!/usr/bin/env python3
"""mkpcap.py - write a pcap or pcapng file from a small text source.

Usage: mkpcap.py SOURCE.hex OUTPUT

Source format (see captures/src/*.hex):

  # comment to end of line (anywhere)
  pcap linktype=253                 first line: pcap | pcap-be | pcapng, then
                                    options: linktype=N snaplen=N cut=N
                                    (cut=N: drop the last N bytes of the file)
  len=60 ts=1.5  00 01 02 ...       one frame per line: optional len=N (the
                                    declared length, >= captured) and ts=SEC.USEC
                                    (or tsraw=SEC:USEC, the two 32-bit fields
                                    as they are, e.g. -1:1500000), then data tokens
  \\                                a line ending in backslash continues

Data tokens:
  0a0b 0c                           hex bytes, any grouping
  le16:N le32:N le64:N be16:N be32:N   integers (N decimal or 0x..)
  zeros:N                           N zero bytes
  random:N:SEED                     N pseudo-random bytes (fixed per SEED)
  "text"                            ASCII bytes (no escapes; no spaces inside)
  nlmon:PROTO                       16-byte NETLINK/SLL cooked header:
                                    pkttype 4, ARPHRD 824, proto PROTO
  sll:PKTTYPE:HATYPE:PROTO          16-byte LINUX_SLL header
  sll2:PROTO:HATYPE:PKTTYPE         20-byte LINUX_SLL2 header

Groups whose length is counted for you (little-endian; they nest):
  nlmsg:TYPE:FLAGS:SEQ:PID{ ... }   a 16-byte nlmsghdr, nlmsg_len = 16 + body
  nla:TYPE{ ... }                   a 4-byte attribute header, nla_len = 4 +
                                    body, then zeros up to a multiple of 4
  ("{" ends the opening token; "}" is a token of its own)
"""
import random
import struct
import sys


def parse_int(s):
    return int(s, 0)


def data_tokens(tokens, where):
    out = bytearray()
    groups = []     # open nla{ / nlmsg{ groups: (kind, args, start offset)
    for t in tokens:
        if t.endswith('{') and ':' in t:
            kind, _, rest = t[:-1].partition(':')
            args = [parse_int(a) for a in rest.split(':')]
            if (kind, len(args)) not in (('nla', 1), ('nlmsg', 4)):
                raise SystemExit(f'{where}: unknown group {t!r}')
            groups.append((kind, args, len(out)))
        elif t == '}':
            if not groups:
                raise SystemExit(f'{where}: "}}" without a group')
            kind, args, start = groups.pop()
            body = bytes(out[start:])
            if kind == 'nla':
                head = struct.pack('<HH', 4 + len(body), args[0])
                body += bytes(-len(body) % 4)
            else:
                head = struct.pack('<IHHII', 16 + len(body), args[0], args[1], args[2], args[3])
            out[start:] = head + body
        elif t.startswith('"') and t.endswith('"') and len(t) >= 2:
            out += t[1:-1].encode('ascii')
        elif ':' in t:
            kind, _, rest = t.partition(':')
            args = rest.split(':')
            if kind in ('le16', 'le32', 'le64', 'be16', 'be32', 'be64'):
                fmt = ('<' if kind[:2] == 'le' else '>') + {'16': 'H', '32': 'I', '64': 'Q'}[kind[2:]]
                v = parse_int(args[0])
                bits = int(kind[2:])
                out += struct.pack(fmt, v & ((1 << bits) - 1))
            elif kind == 'zeros':
                out += bytes(parse_int(args[0]))
            elif kind == 'random':
                r = random.Random(parse_int(args[1]))
                out += bytes(r.getrandbits(8) for _ in range(parse_int(args[0])))
            elif kind == 'nlmon':
                out += struct.pack('>HHH8sH', 4, 824, 0, bytes(8), parse_int(args[0]))
            elif kind == 'sll':
                out += struct.pack('>HHH8sH', parse_int(args[0]), parse_int(args[1]), 0,
                                   bytes(8), parse_int(args[2]))
            elif kind == 'sll2':
                out += struct.pack('>HHIHBB8s', parse_int(args[0]), 0, 1, parse_int(args[1]),
                                   parse_int(args[2]), 0, bytes(8))
            else:
                raise SystemExit(f'{where}: unknown token {t!r}')
        else:
            if len(t) % 2:
                raise SystemExit(f'{where}: odd number of hex digits in {t!r}')
            try:
                out += bytes.fromhex(t)
            except ValueError:
                raise SystemExit(f'{where}: bad hex {t!r}')
    if groups:
        raise SystemExit(f'{where}: {len(groups)} group(s) not closed')
    return bytes(out)


def read_source(path):
    lines = []
    cont = ''
    with open(path, encoding='utf-8') as f:
        for no, raw in enumerate(f, 1):
            line = raw.split('#', 1)[0].rstrip()
            if line.endswith('\\'):
                cont += line[:-1] + ' '
                continue
            line = (cont + line).strip()
            cont = ''
            if line:
                lines.append((no, line))
    if not lines:
        raise SystemExit(f'{path}: empty')
    head = lines[0][1].split()
    fmt = head[0]
    if fmt not in ('pcap', 'pcap-be', 'pcapng'):
        raise SystemExit(f'{path}:{lines[0][0]}: first line must start with pcap, pcap-be or pcapng')
    opts = {'linktype': 253, 'snaplen': 262144, 'cut': 0}
    for o in head[1:]:
        k, _, v = o.partition('=')
        if k not in opts:
            raise SystemExit(f'{path}: unknown option {k}')
        opts[k] = parse_int(v)
    frames = []
    for i, (no, line) in enumerate(lines[1:]):
        toks = line.split()
        flen = None
        ts = (1000000000 + i, 0)
        while toks and '=' in toks[0] and not toks[0].startswith('"'):
            k, _, v = toks.pop(0).partition('=')
            if k == 'len':
                flen = parse_int(v)
            elif k == 'ts':
                s, _, us = v.partition('.')
                ts = (int(s), int((us + '000000')[:6]) if us else 0)
            elif k == 'tsraw':
                # the record's two time fields as given (pcap only): any
                # 32-bit values, negative ones as two's complement
                s, _, us = v.partition(':')
                ts = (parse_int(s) & 0xffffffff, parse_int(us) & 0xffffffff)
            else:
                raise SystemExit(f'{path}:{no}: unknown frame option {k}')
        data = data_tokens(toks, f'{path}:{no}')
        if flen is None:
            flen = len(data)
        if flen < len(data):
            raise SystemExit(f'{path}:{no}: len={flen} is less than the {len(data)} bytes given')
        frames.append((ts, data, flen))
    return fmt, opts, frames


def write_pcap(fmt, opts, frames):
    e = '>' if fmt == 'pcap-be' else '<'
    out = bytearray(struct.pack(e + 'IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, opts['snaplen'],
                                opts['linktype']))
    for (s, us), data, flen in frames:
        out += struct.pack(e + 'IIII', s, us, len(data), flen) + data
    return bytes(out)


def pad4(b):
    return b + bytes(-len(b) % 4)


def block(btype, body):
    total = 12 + len(body)
    return struct.pack('<II', btype, total) + body + struct.pack('<I', total)


def write_pcapng(opts, frames):
    shb = block(0x0A0D0D0A, struct.pack('<IHHq', 0x1A2B3C4D, 1, 0, -1))
    idb = block(1, struct.pack('<HHI', opts['linktype'], 0, opts['snaplen']))
    out = bytearray(shb + idb)
    for (s, us), data, flen in frames:
        t = s * 1000000 + us
        body = struct.pack('<IIIII', 0, t >> 32, t & 0xffffffff, len(data), flen) + pad4(data)
        out += block(6, body)
    return bytes(out)


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    fmt, opts, frames = read_source(sys.argv[1])
    blob = write_pcapng(opts, frames) if fmt == 'pcapng' else write_pcap(fmt, opts, frames)
    if opts['cut']:
        blob = blob[:-opts['cut']]
    with open(sys.argv[2], 'wb') as f:
        f.write(blob)


if __name__ == '__main__':
    main()
