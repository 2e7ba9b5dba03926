#!/usr/bin/env python3
"""check_captures.py - nldump over every real capture.

Usage: check_captures.py [--all-covered] NLDUMP CAPTURES_DIR [NAME...]

For each CAPTURES_DIR/*.pcap (or the NAMEs given), in the default, -v, -x
and --json modes: exit 0, no stderr, no "malformed" marker anywhere; one
line per message by default, one head line per message in -v and -x; every
JSON line parses; and the number of messages equals both an independent
count (this script walks the pcap records and nlmsghdrs itself) and the
count in README.upstream.md's table.  Also: `nldump ... | head -1` ends
quietly.

The families nldump covers by the kernel ABI (rtnetlink, netfilter with
all its subsystems, xfrm, sock_diag, fib_lookup, nlctrl, the Open vSwitch
families; COVERED below), in every capture: no unknown attribute (an
`unknown_N` key), no undecoded payload (`payload`/`unparsed` keys) and no
structure or nested set shown as hex (a hex string where the ABI defines
members: any hex string of 8 bytes or more, except at the opaque members
of OPAQUE_HEX) in JSON, and a named message in the one-line summary (never
the numeric fallback `type N`/`cmd N`) without a hex or payload dump.
usersock's payload and a ULOG packet's are exempt: nothing defines them.  These, with the
truth-file checks (check_rtnl_truth.py, check_ovs_flows.py,
check_genl_*.py), stand for the whole-capture golden files the project had
before; small per-feature goldens are in golden.list (captures/cut/).

--all-covered: every message of every family counts as covered (the lab
captures of captures/lab/, recorded for families decoded from their specs).
The frame/message table is README.upstream.md in CAPTURES_DIR, else its
README.md.
"""
import json
import os
import re
import struct
import subprocess
import sys

import nltest
from nltest import check, run

ARGS = sys.argv[1:]
ALL_COVERED = ARGS[:1] == ['--all-covered']
if ALL_COVERED:
    ARGS = ARGS[1:]
NLDUMP, CAPDIR = ARGS[:2]
ONLY = ARGS[2:]
ENV = nltest.ENV
nltest.setup('check_captures', NLDUMP)

LINKTYPE_HDRLEN = {253: 16, 113: 16, 276: 20}

# protocols, and generic netlink families, decoded completely by the ABI
COVERED_PROTOS = {'route', 'netfilter', 'xfrm', 'sock_diag', 'fib_lookup'}
# (wireguard: decoded from its built-in YNL spec, every message and attribute)
COVERED_FAMILIES = ('nlctrl', 'ovs_', 'wireguard')
# members whose bytes the ABI leaves opaque, shown as hex on purpose (the
# last key of the path): nftables register data and set keys (nft_data
# values, masks), the user data nft keeps in the kernel (libnftnl's TLVs,
# never read by the kernel), an ESN replay bitmap, keys and BPF map values
OPAQUE_HEX = {'value', 'userdata', 'bmp', 'key', 'map_value'}
HEX_STR = re.compile(r'^[0-9a-f]{16,}$')
# the protocols checked for hex too (issue 13's); rtnetlink and the OVS
# families still show some structures as hex (rtab/ctab, link_xstats, ct
# labels)
HEX_CHECKED = {'netfilter', 'xfrm', 'sock_diag', 'fib_lookup'}


def covered(m):
    """The family a JSON message (or the request an ERROR/ACK echoes) is of,
    when it is a covered one; else None."""
    if ALL_COVERED:
        g = m.get('genl') or (m.get('error') or {}).get('request', {}).get('genl') or {}
        return g.get('family') or m.get('proto') or '?'
    if m.get('proto') in COVERED_PROTOS:
        return m['proto']
    g = m.get('genl') or (m.get('error') or {}).get('request', {}).get('genl') or {}
    fam = g.get('family') or ''
    if fam.startswith(COVERED_FAMILIES):
        return fam
    return None


def undecoded(o, path='', out=None, hexes=False):
    """Paths of unknown attributes, undecoded payloads and hex where
    members are defined in a JSON message."""
    if out is None:
        out = []
    if isinstance(o, dict):
        for k, v in o.items():
            if k.startswith('unknown_') or k in ('payload', 'unparsed'):
                out.append(path + '.' + k)
            elif hexes and isinstance(v, str) and k not in OPAQUE_HEX and HEX_STR.match(v):
                out.append(path + '.' + k + ' (hex)')
            undecoded(v, path + '.' + k, out, hexes)
    elif isinstance(o, list):
        for i, v in enumerate(o):
            undecoded(v, f'{path}[{i}]', out, hexes)
    return out


# the one-line head: TIME DIR PROTO [FAMILY] NAME; a name the tables do not
# know is written "type N" (protocols) or "cmd N" (genl families)
NUMERIC_NAME = re.compile(r'^\S+ [<>?] \S+ (?:\S+ )?(?:type|cmd) \d+\b')
DUMP_WORD = re.compile(r'\b(?:hex|payload|unparsed)\b')
NFT_EXPRS = re.compile(r'\[ [^][]* \]')


def count_pcap(path):
    """(frames, messages) counted from the file itself, independently of nldump."""
    with open(path, 'rb') as f:
        data = f.read()
    e = nltest.pcap_order(data, path)
    linktype = struct.unpack_from(e + 'I', data, 20)[0]
    hl = LINKTYPE_HDRLEN[linktype]
    off, frames, msgs = 24, 0, 0
    while off + 16 <= len(data):
        _, _, caplen, _ = struct.unpack_from(e + 'IIII', data, off)
        pkt = data[off + 16: off + 16 + caplen]
        off += 16 + caplen
        frames += 1
        p, n = hl, len(pkt)
        while p + 16 <= n:
            mlen = struct.unpack_from('<I', pkt, p)[0]
            if not any(pkt[p:]):
                break		# zero padding to the end of the frame
            msgs += 1
            if mlen < 16:
                break
            p += (mlen + 3) & ~3
    return frames, msgs


def readme_counts():
    """{capture name: (frames, messages)} from the table in README.upstream.md
    (else README.md)."""
    out = {}
    path = os.path.join(CAPDIR, 'README.upstream.md')
    if not os.path.exists(path):
        path = os.path.join(CAPDIR, 'README.md')
    with open(path, encoding='utf-8') as f:
        for line in f:
            m = re.match(r'\|\s*([\w.-]+)\.pcap\s*\|([^|]*)\|\s*(\d+)\s*\|\s*(\d+)\s*\|\s*(\d+)\s*\|', line)
            if m:
                out[m.group(1)] = (int(m.group(3)), int(m.group(5)))
    return out


# Messages that are malformed by the kernel ABI, shown so on purpose:
# ovs.pcap frames 3075/3076: ovs-dpctl 3.1 sends its "drop" action as
# attribute 25 with a u32 0; in the kernel ABI 25 is OVS_ACTION_ATTR_PSAMPLE
# (nested attributes), and the 6.1 kernel refused it (EINVAL, frame 3076
# echoes the request).
EXPECTED_MALFORMED = {'ovs': {3075, 3076}}
# Messages a spec cannot describe, shown undecoded on purpose (--all-covered
# captures): none (captures/lab/dropmon.pcap frames 5/6, NET_DM summary
# alerts, a struct net_dm_alert_msg with its drop points, are decoded by a
# hook, dissectors/ynl_netdm.c).
EXPECTED_UNDECODED = {}

table = readme_counts()
names = ONLY or sorted(f[:-5] for f in os.listdir(CAPDIR) if f.endswith('.pcap'))
nltest.need(names, f'no captures in {CAPDIR}')
n_covered = 0
for name in names:
    path = os.path.join(CAPDIR, name + '.pcap')
    frames, msgs = count_pcap(path)
    check(name in table, f'{name}: not in README.upstream.md table')
    if name in table:
        check(table[name] == (frames, msgs),
              f'{name}: README says {table[name]} (frames, messages), the file has {(frames, msgs)}')

    outputs = {}
    for mode in ([], ['-v'], ['-x'], ['--json']):
        rc, out, err = run(['-r', path] + mode)
        what = f'{name} {" ".join(mode) or "(default)"}'
        check(rc == 0, f'{what}: exit {rc}')
        check(err == '', f'{what}: stderr: {err[:500]!r}')
        want = EXPECTED_MALFORMED.get(name, set())
        if mode == ['--json']:
            got = {json.loads(l)['frame'] for l in out.splitlines() if '"malformed"' in l}
            check(got == want, f'{what}: malformed frames {sorted(got)}, expected {sorted(want)}')
        else:
            heads = [l for l in out.splitlines() if 'malformed' in l and l[:1].isdigit()]
            check(len(heads) == len(want), f'{what}: {len(heads)} malformed messages, '
                  f'expected {len(want)}: ' + (heads[0][:300] if heads else ''))
        L = out.splitlines()
        outputs[' '.join(mode)] = L
        if mode == []:
            check(len(L) == msgs, f'{what}: {len(L)} lines, {msgs} messages')
        if mode in (['-v'], ['-x']):
            heads = sum(1 for l in L if l[:1].isdigit())
            check(heads == msgs, f'{what}: {heads} message heads, {msgs} messages')
        if mode == ['--json']:
            bad = 0
            for l in L:
                try:
                    o = json.loads(l)
                    if not isinstance(o, dict) or 'frame' not in o:
                        bad += 1
                except ValueError:
                    bad += 1
            check(bad == 0, f'{what}: {bad} lines are not JSON message objects')
            check(len(L) == msgs, f'{what}: {len(L)} JSON messages, {msgs} counted in the file')

    # covered families: everything decoded, in JSON and in the summary (the
    # one-line output has one line per message, in the JSON's order)
    one, js = outputs[''], outputs['--json']
    unk, numeric, dumps = [], [], []
    for i, l in enumerate(js):
        try:
            m = json.loads(l)
        except ValueError:
            continue
        fam = covered(m)
        if fam is None:
            continue
        n_covered += 1
        u = undecoded(m, hexes=m.get('proto') in HEX_CHECKED)
        if m.get('frame') in EXPECTED_UNDECODED.get(name, set()):
            check(u != [], f'{name} frame {m.get("frame")}: now decoded; '
                  'update EXPECTED_UNDECODED')
            continue
        if u:
            unk.append(f'frame {m.get("frame")} {fam}: {", ".join(u[:5])}')
        if i < len(one) and NUMERIC_NAME.search(one[i]):
            numeric.append(one[i][:200])
        # an nft rule nldump cannot render is its expression list, by design
        # ("[ payload load 2b @ network header + 20 => reg 1 ]")
        if i < len(one) and DUMP_WORD.search(NFT_EXPRS.sub('', one[i])):
            dumps.append(one[i][:200])
    check(not unk, f'{name} --json: {len(unk)} covered messages with an unknown attribute '
          f'or undecoded payload: {unk[:5]}')
    check(not numeric, f'{name}: {len(numeric)} covered summaries without a message name: '
          f'{numeric[:3]}')
    check(not dumps, f'{name}: {len(dumps)} covered summaries with a hex dump: {dumps[:3]}')

    rc, out, err = run(['-q', '-r', path])
    check(rc == 0 and out.strip() == f'{frames} frames, {msgs} messages', f'{name} -q: {out.strip()!r}')

    # | head -1: the reader goes away; nldump must end quietly
    p = subprocess.Popen([NLDUMP, '-r', path], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    first = p.stdout.readline()
    p.stdout.close()
    err = p.stderr.read().decode('utf-8', 'replace')
    rc = p.wait(timeout=120)
    check(first != b'', f'{name} | head -1: no first line')
    check(rc == 0 and err == '', f'{name} | head -1: exit {rc}, stderr {err[:300]!r}')

if not ONLY:
    check(n_covered > 0, 'no message of a covered family in any capture')
nltest.done()
