#!/usr/bin/env python3
"""check_inputs.py - nldump on crafted and broken inputs.

Usage: check_inputs.py NLDUMP MKPCAP SRCDIR WORKDIR

Builds every SRCDIR/*.hex with MKPCAP into WORKDIR, then checks what nldump
does with each (and with missing, unreadable and non-pcap files): exit
codes, one-line errors on stderr, markers, and that nothing crashes or
trips a sanitizer in any output mode.
"""
import json
import os
import subprocess
import sys

import nltest
from nltest import check

NLDUMP, MKPCAP, SRCDIR, WORK = sys.argv[1:5]
nltest.setup('check_inputs', NLDUMP)


def run(args, stdin=None):
    # never a crash, never a sanitizer report, whatever the input (nltest.run)
    return nltest.run(args, stdin=stdin, timeout=120)


def lines(s):
    return s.splitlines()


os.makedirs(WORK, exist_ok=True)
pcaps = {}
for name in sorted(os.listdir(SRCDIR)):
    if name.endswith('.hex'):
        base = name[:-4]
        out = os.path.join(WORK, base + '.pcap')
        subprocess.run([sys.executable, MKPCAP, os.path.join(SRCDIR, name), out], check=True)
        pcaps[base] = out

MODES = [[], ['-v'], ['-x'], ['-v', '-x'], ['--json'], ['--json', '-x'], ['-q'], ['-n', '-v'],
         ['-ttttt'], ['-tt', '--dedup'], ['--stats'], ['--no-prepass', '-v']]

# every input, every mode: no crash, no sanitizer, exit 0 or 1, JSON parses
for base, path in pcaps.items():
    for m in MODES:
        rc, out, err = run(['-r', path] + m)
        check(rc in (0, 1), f'{base} {m}: exit {rc}')
        if '--json' in m and rc == 0:
            for i, l in enumerate(lines(out)):
                try:
                    json.loads(l)
                except ValueError as e:
                    check(False, f'{base} {m}: line {i + 1} is not JSON: {e}')
        if m == ['-v'] or m == []:
            check(not any(ord(ch) < 32 and ch != '\n' for ch in out),
                  f'{base} {m}: raw control characters in text output')

# a clean capture, pcap and pcapng alike
rc, good, err = run(['-r', pcaps['good']])
check(rc == 0 and err == '', f'good: exit {rc}, stderr {err!r}')
check(len(lines(good)) == 5, f'good: {len(lines(good))} lines, expected 5')
check('malformed' not in good and 'truncated' not in good, 'good: markers in clean output')
check(lines(good)[0].split(' ', 1)[1].startswith('> genl'), 'good: first message is a request')
rc, ng, err = run(['-r', pcaps['good_ng']])
check(rc == 0 and ng == good, f'good_ng: pcapng output differs from pcap:\n{ng}')
rc, js, err = run(['--json', '-r', pcaps['good']])
check(rc == 0 and len(lines(js)) == 5, 'good --json: 5 lines')

# standard input
with open(pcaps['good'], 'rb') as f:
    rc, out, err = run(['-r', '-'], stdin=f)
check(rc == 0 and out == good, f'-r - (stdin): exit {rc}, output differs:\n{out}{err}')
with open(pcaps['good_ng'], 'rb') as f:
    rc, out, err = run(['-r', '-'], stdin=f)
check(rc == 0 and out == good, f'-r - (stdin, pcapng): exit {rc}')
with open(pcaps['cut_tail'], 'rb') as f:
    rc, out, err = run(['-r', '-'], stdin=f)
check(rc != 0 and len(lines(out)) == 2, f'-r - (stdin, cut file): exit {rc}, {len(lines(out))} lines')

# a file cut in the middle of a record: what comes before, then one error line
rc, out, err = run(['-r', pcaps['cut_tail']])
check(rc != 0, f'cut_tail: exit {rc}, expected non-zero')
check(lines(out) == lines(good)[:2], f'cut_tail: expected the first two messages, got:\n{out}')
check(len(lines(err)) == 1 and 'truncated' in err and 'cut_tail' in err,
      f'cut_tail: expected one error line naming the file and the problem, got {err!r}')
rc, out, err = run(['--json', '-r', pcaps['cut_tail']])
check(rc != 0 and len(lines(out)) == 2, f'cut_tail --json: exit {rc}, {len(lines(out))} lines')

# frames with caplen < len: truncated markers, not malformed; exit 0
rc, out, err = run(['-r', pcaps['caplen_short']])
L = lines(out)
check(rc == 0, f'caplen_short: exit {rc}')
for i in (0, 1, 2, 4, 5, 6):  # 6: the capture ends inside the cooked header
    check(i < len(L) and 'truncated' in L[i] and 'malformed' not in L[i],
          f'caplen_short: line {i + 1} should be truncated, not malformed: {L[i] if i < len(L) else None!r}')
check(len(L) > 3 and 'DONE' in L[3] and '[truncated' not in L[3],
      'caplen_short: the first message of frame 4 is whole')

# malformed payloads: markers, exit 0
rc, out, err = run(['-r', pcaps['malformed']])
L = lines(out)
check(rc == 0, f'malformed: exit {rc}')
for i in (0, 1, 2, 4, 6, 7, 8, 10):
    check(i < len(L) and 'malformed' in L[i], f'malformed: line {i + 1} has no marker: {L[i] if i < len(L) else None!r}')
check(len(L) > 9 and 'padding 12 bytes' in L[9] and 'malformed' not in L[9],
      'malformed: zero padding is not malformed')
check(len(L) > 5 and 'malformed' not in L[5], 'malformed: the message before junk is fine')

# random payloads: anything but a crash (checked in run()), exit 0
rc, out, err = run(['-r', pcaps['random_payload']])
check(rc == 0 and len(lines(out)) >= 10, f'random_payload: exit {rc}, {len(lines(out))} lines')

# cooked headers: SLL and SLL2 with ARPHRD_NETLINK, one Ethernet frame each
for base in ('sll', 'sll2'):
    rc, out, err = run(['-r', pcaps[base]])
    L = lines(out)
    check(rc == 0, f'{base}: exit {rc}')
    check(len(L) >= 4, f'{base}: {len(L)} lines')
    if len(L) >= 4:
        check('> genl' in L[0] and 'nlctrl' in L[0], f'{base}: frame 1 to kernel: {L[0]!r}')
        check('< genl' in L[1] and 'DONE' in L[1], f'{base}: frame 2 to user: {L[1]!r}')
        check('not a netlink frame' in L[2], f'{base}: frame 3 (Ethernet) flagged: {L[2]!r}')
        check('< route' in L[3] and 'DONE' in L[3], f'{base}: frame 4: {L[3]!r}')
    rc, out, err = run(['--json', '-r', pcaps[base]])
    J = [json.loads(l) for l in lines(out)]
    check(len(J) >= 2 and J[0].get('dir') == 'to_kernel' and J[0].get('dir_inferred') is False,
          f'{base}: direction from the packet type')
    check(len(J) >= 2 and J[1].get('dir') == 'to_user' and J[1].get('dir_inferred') is False,
          f'{base}: direction from the packet type (to user)')

# big-endian capture
rc, out, err = run(['-r', pcaps['bigendian']])
L = lines(out)
check(rc == 0 and len(L) == 4, f'bigendian: exit {rc}, {len(L)} lines')
check(len(L) == 4 and '> genl' in L[0] and 'big-endian' in L[0] and 'malformed' not in out,
      f'bigendian: {out!r}')
# the interface name is learned with the index read in the capture's order
check(len(L) == 4 and 'eth9' in L[3] and 'if7' not in L[3], f'bigendian: learned name: {out!r}')

# the summary of packets carried by ovs_packet upcalls (RFC 4861, 826, 793)
rc, out, err = run(['-r', pcaps['ovs_pkt']])
L = lines(out)
check(rc == 0 and len(L) == 5 and 'malformed' not in out and 'truncated' not in out,
      f'ovs_pkt: exit {rc}, {len(L)} lines:\n{out}')
if len(L) == 5:
    check('neighbor solicitation, who has fe80::9c44:f3ff:feb2:2030, length 32' in L[1],
          f'ovs_pkt: NS target after the reserved word: {L[1]!r}')
    check('neighbor advertisement, tgt is fd70::3, length 32' in L[2],
          f'ovs_pkt: NA target after the flags word: {L[2]!r}')
    check('ARP, Request who-has 192.0.2.2 tell 192.0.2.1, length 46' in L[3],
          f'ovs_pkt: ARP length without the Ethernet header: {L[3]!r}')
    check('Flags [SEW], seq 100, length 0' in L[4], f'ovs_pkt: TCP flag letters: {L[4]!r}')
rc, out, err = run(['--json', '-r', pcaps['ovs_pkt']])
J = [json.loads(l) for l in lines(out)]
check(len(J) == 5 and J[1].get('attrs', {}).get('packet', {}).get('summary', '').endswith(
      'who has fe80::9c44:f3ff:feb2:2030, length 32'), 'ovs_pkt --json: packet.summary')

# bridge FDB entries: NDA_DST an IP address by its length (AF_BRIDGE)
rc, out, err = run(['-r', pcaps['rtnl_fdb']])
L = lines(out)
check(rc == 0 and len(L) == 3, f'rtnl_fdb: exit {rc}, {len(L)} lines')
if len(L) == 3:
    check(L[0].endswith(' NEWNEIGH seq 0 00:00:00:00:00:00 dev if5 dst 239.1.1.10 port 4789 '
                        'vni 42 via if2 PERMANENT'), f'rtnl_fdb: vxlan default entry: {L[0]!r}')
    check(' dst 2001:db8::1 vlan 10 master if3 ' in L[1] and 'malformed' not in L[1],
          f'rtnl_fdb: IPv6 remote, vlan: {L[1]!r}')
    check('malformed' in L[2] and 'address of 6 bytes' in L[2], f'rtnl_fdb: 6-byte dst: {L[2]!r}')
rc, out, err = run(['-v', '-r', pcaps['rtnl_fdb']])
check('    dst: 239.1.1.10\n    port: 4789\n    vni: 42\n    ifindex: 2\n' in out
      and 'dst: 2001:db8::1' in out,
      f'rtnl_fdb -v:\n{out}')
rc, out, err = run(['--json', '-r', pcaps['rtnl_fdb']])
J = [json.loads(l) for l in lines(out)]
check(len(J) == 3, f'rtnl_fdb --json: {len(J)} objects')
if len(J) == 3:
    a0, a1 = J[0].get('attrs', {}), J[1].get('attrs', {})
    check(a0.get('dst') == '239.1.1.10' and a0.get('port') == 4789 and a0.get('vni') == 42
          and a0.get('ifindex') == 2 and 'malformed' not in J[0], f'rtnl_fdb --json: {a0}')
    check(a1.get('dst') == '2001:db8::1' and a1.get('vlan') == 10 and a1.get('master') == 3
          and a1.get('flags_ext') == ['ext_validated']
          and a1.get('fdb_ext_attrs') == {'activity_notify': ['notify', 'inactive']},
          f'rtnl_fdb --json: {a1}')
    check(J[2].get('attrs', {}).get('dst') == 'ef01010a0102' and len(J[2].get('malformed', [])) == 1,
          f'rtnl_fdb --json: 6-byte dst {J[2]}')

# declared summaries (issue 11 item 2): values from the walk of the
# message's own attributes, first occurrence, nested parts by their parent
rc, out, err = run(['-r', pcaps['rtnl_summaries']])
L = [l.split(' ', 1)[1] if ' ' in l else l for l in lines(out)]
want = [
    '< route NEWROUTE seq 1 10.1.0.0/24 encap mpls 100 table main proto static'
    ' nexthop via 10.0.0.1 dev if2 nexthop dev if3',
    '< route NEWLINK seq 2 5: v0 <UP,BROADCAST,RUNNING,MULTICAST> kind veth link/ether',
    '< route NEWNEXTHOP seq 3 id 7 blackhole proto static',
    '> route GETRULE seq 4 [REQ,DUMP]',
]
check(rc == 0 and L == want, f'rtnl_summaries: {L}')

# requests decoded with the kernel's request policy, not the reply's
rc, out, err = run(['-v', '-r', pcaps['rtnl_requests']])
check(rc == 0 and 'malformed' not in out and 'unknown' not in out,
      f'rtnl_requests -v: exit {rc}, markers:\n{out}')
check('get_filters:\n      link_offload_xstats: 0x1 [cpu_hit]\n' in out and 'link_64' not in out,
      f'rtnl_requests -v: GETSTATS filters by name:\n{out}')
rc, out, err = run(['--json', '-r', pcaps['rtnl_requests']])
J = [json.loads(l) for l in lines(out)]
check(len(J) == 5 and not any('malformed' in j for j in J), f'rtnl_requests --json: {len(J)} objects')
if len(J) == 5:
    filters = {'get_filters': {'link_offload_xstats': ['cpu_hit']}}
    check(J[0].get('attrs') == filters, f'GETSTATS request: {J[0].get("attrs")}')
    check(J[1].get('attrs') == {'set_offload_xstats_l3_stats': 1}, f'SETSTATS request: {J[1].get("attrs")}')
    check(J[2].get('error', {}).get('request', {}).get('attrs') == filters,
          f'GETSTATS echoed in an ERROR: {J[2].get("error")}')
    check(J[3].get('attrs', {}).get('set_entry_attrs') ==
          {'source': '192.0.2.5', 'dst': '198.51.100.1', 'vni': 100, 'state_mask': ['permanent']},
          f'NEWMDB request: MDBE_ATTR_*: {J[3].get("attrs")}')
    info = J[4].get('attrs', {}).get('mdb', {}).get('entry', {}).get('info', {})
    check(info.get('attrs') == {'timer': 0, 'source': '192.0.2.5', 'group_mode': 'include'},
          f'NEWMDB from the kernel: MDBA_MDB_EATTR_*: {info}')

# empty capture: nothing, exit 0
rc, out, err = run(['-r', pcaps['empty']])
check(rc == 0 and out == '' and err == '', f'empty: exit {rc}, {out!r} {err!r}')
rc, out, err = run(['-q', '-r', pcaps['empty']])
check(rc == 0 and out.strip() == '0 frames, 0 messages', f'empty -q: {out!r}')

# wrong link type: one clear line, non-zero exit, no output
rc, out, err = run(['-r', pcaps['ethernet']])
check(rc != 0 and out == '', f'ethernet: exit {rc}, stdout {out!r}')
check(len(lines(err)) == 1 and 'link type 1' in err and 'not netlink' in err,
      f'ethernet: error line {err!r}')

# missing, unreadable, not-a-capture files
missing = os.path.join(WORK, 'no-such-file.pcap')
rc, out, err = run(['-r', missing])
check(rc != 0 and len(lines(err)) == 1 and 'no-such-file.pcap' in err, f'missing file: exit {rc}, {err!r}')
rc, out, err = run(['-r', WORK])
check(rc != 0 and len(lines(err)) == 1, f'directory: exit {rc}, {err!r}')
junk = os.path.join(WORK, 'junk.pcap')
with open(junk, 'wb') as f:
    f.write(b'this is not a capture file at all\n' * 4)
rc, out, err = run(['-r', junk])
check(rc != 0 and len(lines(err)) == 1 and out == '', f'junk file: exit {rc}, {err!r}')
short = os.path.join(WORK, 'short.pcap')
with open(pcaps['good'], 'rb') as f:
    head = f.read(10)
with open(short, 'wb') as f:
    f.write(head)
rc, out, err = run(['-r', short])
check(rc != 0 and len(lines(err)) == 1, f'file shorter than a pcap header: exit {rc}, {err!r}')
with open(junk, 'rb') as f:
    rc, out, err = run(['-r', '-'], stdin=f)
check(rc != 0 and len(lines(err)) == 1, f'junk on stdin: exit {rc}, {err!r}')

# strings that would act on a terminal (C1 CSI/OSC, bidi controls, DEL) are
# escaped in JSON as \uXXXX and in text as \xNN; in JSON a wire backslash
# reads as two after decoding, so "\xff" (text) and the byte FF differ
rc, out, err = run(['--json', '-r', pcaps['strings']])
names = [json.loads(l).get('attrs', {}).get('family_name') for l in lines(out)]
check(rc == 0 and names == ['a\x9b31mb', 'x\x9d0;t\x07',
                            'L\u202eR\u2066I\u200f\u061c\u2028',
                            'a\\\\xffb', 'a\\xffb', 'd\x7fe\u00e9'],
      f'strings --json: decoded names {names!r}')
raw = nltest.run(['--json', '-r', pcaps['strings']], text=False)[1]
bad = [u for u in raw.decode('utf-8', 'replace')
       if ord(u) < 0x20 and u != '\n' or 0x7f <= ord(u) <= 0x9f or
       u in '\u061c\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e'
            '\u2066\u2067\u2068\u2069']
check(not bad and '\u00e9'.encode() in raw,
      f'strings --json: raw terminal controls in the JSON text {bad!r}')
for m in ([], ['-v']):
    rc, out, err = run(m + ['-r', pcaps['strings']])
    check(rc == 0 and all(' ' <= ch < '\x7f' or ch in '\n\t' for ch in out),
          f'strings {m}: text output is not plain printable ASCII:\n{out}')
rc, out, err = run(['-t', '-r', pcaps['strings']])
check([l.split(' name ', 1)[-1] for l in lines(out)] ==
      ['a\\xc2\\x9b31mb', 'x\\xc2\\x9d0;t\\x07',
       'L\\xe2\\x80\\xaeR\\xe2\\x81\\xa6I\\xe2\\x80\\x8f\\xd8\\x9c\\xe2\\x80\\xa8',
       'a\\\\xffb', 'a\\xffb', 'd\\x7fe\\xc3\\xa9'],
      f'strings text: {out!r}')

# time stamps: microseconds of a second or more carry into the seconds,
# times before 1970 print with a minus sign and their magnitude, the same
# instant in every format (TZ=UTC) and in JSON
TIMES = {
    '': ['01:46:41.000000', '01:46:42.500000', '01:46:43.250000', '23:59:59.500000',
         '00:00:02.000000'],
    '-tt': ['1000000001.000000', '1000000002.500000', '1000000003.250000', '-0.500000',
            '2.000000'],
    '-ttt': ['0.000000', '1.500000', '0.750000', '-1000000003.750000', '2.500000'],
    '-tttt': ['2001-09-09 01:46:41.000000', '2001-09-09 01:46:42.500000',
              '2001-09-09 01:46:43.250000', '1969-12-31 23:59:59.500000',
              '1970-01-01 00:00:02.000000'],
    '-ttttt': ['0.000000', '1.500000', '2.250000', '-1000000001.500000', '-999999999.000000'],
}
for t, want in TIMES.items():
    rc, out, err = run(([t] if t else []) + ['-r', pcaps['times']])
    got = [l.split(' < ', 1)[0] for l in lines(out)]
    check(rc == 0 and got == want, f'times {t or "(default)"}: {got}, expected {want}')
rc, out, err = run(['--json', '-r', pcaps['times']])
got = [json.loads(l).get('time') for l in lines(out)]
want = ['2001-09-09T01:46:41.000000Z', '2001-09-09T01:46:42.500000Z',
        '2001-09-09T01:46:43.250000Z', '1969-12-31T23:59:59.500000Z',
        '1970-01-01T00:00:02.000000Z']
check(rc == 0 and got == want, f'times --json: {got}, expected {want}')
# views.hex (issue 10): in -v a structure is folded onto one line whatever
# its values hold (rtmsg with short values, then with eight flag names), an
# attribute set is open even with two scalars, and the nlmsghdr flags are
# spelled as in the summary; -n writes the genl command and the request an
# ERROR answers in numbers.
VIEWS_V = """\
< route NEWROUTE seq 1 192.0.2.0/24 table main proto static
  nlmsg: len 44 type NEWROUTE (24) flags 0x0 [] seq 1 pid 0
  rtmsg: family inet (2) dst_len 24 src_len 0 tos 0x0 table main (254) protocol static (4) scope global (0) type unicast (1) flags 0x0 []
  attrs:
    dst: 192.0.2.0
    table: main (254)
< route NEWROUTE seq 2 local 2001:db8::1/128 table local proto kernel
  nlmsg: len 56 type NEWROUTE (24) flags 0x0 [] seq 2 pid 0
  rtmsg: family inet6 (10) dst_len 128 src_len 0 tos 0x0 table local (255) protocol kernel (2) scope global (0) type local (2) flags 0xff00 [notify,cloned,equalize,prefix,lookup_table,fib_match,rt_offload,rt_trap]
  attrs:
    dst: 2001:db8::1
    table: local (255)
> genl nlctrl GETFAMILY seq 3 [REQ,DUMP]
  nlmsg: len 20 type 16 flags 0x301 [REQ,DUMP] seq 3 pid 0
  genl: family nlctrl id 16 cmd GETFAMILY (3) cmd_id 3 version 1
< genl ERROR ENOENT (No such file or directory) seq 4 pid 99 (nlctrl GETFAMILY) (request not seen)
  nlmsg: len 40 type ERROR (2) flags 0x0 [] seq 4 pid 99
  error:
    code: -2
    name: ENOENT
    text: No such file or directory
    request:
      nlmsg: len 20 type 16 flags 0x5 [REQ,ACK] seq 4 pid 0
      genl: family nlctrl id 16 cmd GETFAMILY (3) cmd_id 3 version 1
  txn: request -
"""
VIEWS_N = """\
< proto 0 type 24 seq 1 192.0.2.0/24 table 254 proto 4
< proto 0 type 24 seq 2 type 2 2001:db8::1/128 table 255 proto 2
> proto 16 genl 0x10 cmd 3 seq 3 [0x301]
< proto 16 ERROR -2 seq 4 pid 99 (genl 0x10 cmd 3) (request not seen)
"""
rc, out, err = run(['-t', '-v', '-r', pcaps['views']])
check(rc == 0 and out == VIEWS_V, f'views -v: exit {rc}, got:\n{out}')
rc, out, err = run(['-t', '-n', '-r', pcaps['views']])
check(rc == 0 and out == VIEWS_N, f'views -n: exit {rc}, got:\n{out}')
rc, js, err = run(['--json', '-r', pcaps['views']])
rc, jsn, err = run(['--json', '-n', '-r', pcaps['views']])
check(js and js == jsn, 'views: --json changes with -n')

# usage errors
rc, out, err = run([])
check(rc == 2 and 'no input' in err, f'no -r: exit {rc}')
rc, out, err = run(['-c', '0', '-r', pcaps['good']])
check(rc == 2, f'-c 0: exit {rc}')
rc, out, err = run(['-c', '2', '-r', pcaps['good']])
check(rc == 0 and lines(out) == lines(good)[:2], f'-c 2: {out!r}')

nltest.done()
