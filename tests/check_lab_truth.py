#!/usr/bin/env python3
"""check_lab_truth.py - decoded values of the lab captures against the tools' own output.

Usage: check_lab_truth.py NLDUMP CAPTURES_LAB_DIR

captures/lab/*.truth hold what ipvsadm, ethtool, teamnl, batctl, ip mptcp
and the netdev client printed while the capture ran; this compares the
values nldump decodes (--json) with them: IPVS services and real servers
with their addresses (ipvsadm -S), ethtool ring, pause and FEC settings, team ports and the
team mode option, NET_DM drop points (dropwatch), batman-adv local translation table clients, netdev
devices and queues, mptcp endpoints; and from the sample capture
captures/misc_genl.pcap: mptcp endpoints, fou ports, l2tp tunnels.
"""
import json
import os
import re
import sys

import nltest
from nltest import check, run

NLDUMP, LAB = sys.argv[1:3]
nltest.setup('check_lab_truth', NLDUMP)


def msgs(name):
    rc, out, err = run(['--json', '-r', os.path.join(LAB, name + '.pcap')])
    check(rc == 0 and err == '', f'{name}: exit {rc}, stderr {err[:200]!r}')
    return [json.loads(l) for l in out.splitlines()]


def of(ms, family, cmd, way='to_user'):
    return [m for m in ms if (m.get('genl') or {}).get('family') == family
            and m['genl'].get('cmd') == cmd and m.get('dir') == way]


def each(v):
    """A repeated attribute is an array of its values (docs/json.md)."""
    return v if isinstance(v, list) else [v]


def truth(name, f):
    with open(os.path.join(LAB, name + '.truth', f), encoding='utf-8') as fh:
        return fh.read()


# IPVS: every service and real server a dump reply shows is one ipvsadm -S
# lists, its address read by its family (192.0.2.10, [2001:db8::10])
PROTO = {'-t': 6, '-u': 17}
ms = msgs('ipvs')
svcs, dests = set(), set()


def hostport(s):
    h, p = s.rsplit(':', 1)
    return h.strip('[]'), int(p)


for line in truth('ipvs', 'ipvsadm-save.txt').splitlines():
    w = line.split()
    if w[0] == '-A' and w[1] in PROTO:
        svcs.add((PROTO[w[1]], *hostport(w[2]), w[w.index('-s') + 1]))
    if w[0] == '-a':
        fwd = {'-m': 'masq', '-g': 'droute', '-i': 'tunnel'}[w[5]]
        dests.add((*hostport(w[4]), fwd, int(w[w.index('-w') + 1])))
got = [m['attrs']['service'] for m in of(ms, 'IPVS', 'new-service')]
check(len(got) >= 2, f'ipvs: {len(got)} service replies')
for s in got:
    if 'fwmark' in s:
        continue
    key = (s['protocol'], s['addr'], s['port'], s['sched-name'])
    check(key in svcs, f'ipvs: service {key} not in ipvsadm -S {sorted(svcs)}')
got = [m['attrs']['dest'] for m in of(ms, 'IPVS', 'new-dest')]
check(len(got) >= 2, f'ipvs: {len(got)} real server replies')
for d in got:
    key = (d['addr'], d['port'], d['fwd-method'], d['weight'])
    check(key in dests, f'ipvs: real server {key} not in ipvsadm -S {sorted(dests)}')
check(sum(1 for d in got if ':' not in d['addr']) >= 2, 'ipvs: no IPv4 real server')
v6 = [m['attrs']['service'] for m in of(ms, 'IPVS', 'new-service')]
v6 = [s for s in v6 if s.get('af') == 10]
check(v6 and v6[0]['addr'] == '2001:db8::10', f'ipvs: IPv6 service address {v6[:1]}')
t = re.search(r'Timeout \(tcp tcpfin udp\): (\d+) (\d+) (\d+)', truth('ipvs', 'timeout.txt'))
got = [m['attrs'] for m in of(ms, 'IPVS', 'set-config')]
check(got, 'ipvs: no set-config reply')
for a in got:
    check((a['timeout-tcp'], a['timeout-tcp-fin'], a['timeout-udp']) == tuple(map(int, t.groups())),
          f'ipvs: timeouts {a} vs ipvsadm -L --timeout {t.groups()}')
t = dict(re.findall(r'(\w+)=([\w.]+)', truth('ipvs', 'daemon.txt')))
got = [m['attrs']['daemon'] for m in of(ms, 'IPVS', 'new-daemon')]
check(got, 'ipvs: no new-daemon reply')
for d in got:
    check((d['mcast-ifn'], d['sync-id'], d['sync-maxlen'], d['mcast-group'], d['mcast-port'], d['mcast-ttl'])
          == (t['mcast'], int(t['syncid']), int(t['maxlen']), t['group'], int(t['port']), int(t['ttl'])),
          f'ipvs: sync daemon {d} vs ipvsadm -L --daemon {t}')

# ethtool: the notifications after -G / -A / --set-fec carry what ethtool shows
ms = msgs('ethtool')
ring = truth('ethtool', 'ring.txt').split('Current hardware settings:')[1]
want = {k: int(re.search(r'^%s:\s+(\d+)' % k, ring, re.M).group(1)) for k in ('RX', 'TX')}
ntf = of(ms, 'ethtool', 'rings-ntf')
check(len(ntf) == 1, f'ethtool: {len(ntf)} rings-ntf')
for n in ntf:
    check((n['attrs']['rx'], n['attrs']['tx']) == (want['RX'], want['TX']),
          f'ethtool: rings-ntf {n["attrs"]} vs ethtool -g {want}')
    check(n['attrs']['header']['dev-name'] == 'eth0', 'ethtool: rings-ntf device')
# (pause.json is ethtool 6.1's `--json -a`, which says true for all three
# while the kernel's reply, in the capture, holds autoneg 0, rx 1, tx 0: an
# ethtool bug; the check is against the command, `ethtool -A eth0 rx on tx off`)
check('ethtool -A eth0 rx on tx off' in open(os.path.join(LAB, 'ethtool.cmds')).read(),
      'ethtool: the -A command')
ntf = of(ms, 'ethtool', 'pause-ntf')
check(len(ntf) == 1, f'ethtool: {len(ntf)} pause-ntf')
for n in ntf:
    a = n['attrs']
    check((a['rx'], a['tx']) == (1, 0), f'ethtool: pause-ntf {a} after -A rx on tx off')
fec = truth('ethtool', 'fec.txt')
ntf = of(ms, 'ethtool', 'fec-ntf')
check(len(ntf) == 1 and 'Active FEC encoding: RS' in fec, 'ethtool: fec-ntf and ethtool --show-fec')
for n in ntf:
    check(n['attrs']['active'] == 50, f'ethtool: FEC active {n["attrs"]["active"]}, '
          'want 50 (ETHTOOL_LINK_MODE_FEC_RS_BIT)')

# team: ports and the mode option
ms = msgs('team')
want = {int(l.split(':')[0]) for l in truth('team', 'teamnl-ports.txt').splitlines() if l.strip()}
got = set()
for m in of(ms, 'team', 'port-list-get'):
    # (an empty list before teamd added its ports)
    for p in each(m['attrs']['list-port'].get('port', [])):
        got.add(p['ifindex'])
check(got and got <= want, f'team: ports {sorted(got)} vs teamnl ports {sorted(want)}')
mode = re.search(r'^ mode (\S+)', truth('team', 'teamnl-options.txt'), re.M).group(1)
modes = []
for m in of(ms, 'team', 'options-get'):
    for o in each(m['attrs']['list-option'].get('option', [])):
        if o.get('name') == 'mode':
            modes.append(bytes.fromhex(o['data']).rstrip(b'\0').decode())
check(mode in modes, f'team: mode option {modes} vs teamnl options {mode}')

# batman-adv: local translation table clients
ms = msgs('batadv')
want = {l.split()[0] for l in truth('batadv', 'batctl-tl.txt').splitlines()
        if re.match(r'[0-9a-f]{2}(:[0-9a-f]{2}){5} ', l)}
got = {m['attrs']['tt-address'] for m in of(ms, 'batadv', 'get-transtable-local')}
check(got and got <= want, f'batadv: local clients {sorted(got)} vs batctl tl {sorted(want)}')

# NET_DM: the summary alerts' drop points are the ones dropwatch printed
# ("1 drops at __udp4_lib_rcv+9a2 (0xffffffff818bcae2)")
ms = msgs('dropmon')
want = {(int(n), int(pc, 16)) for n, pc in
        re.findall(r'^(\d+) drops at \S+ \((0x[0-9a-f]+)\)', truth('dropmon', 'dropwatch.txt'), re.M)}
got = [p for m in of(ms, 'NET_DM', 'alert') for p in m['attrs']['alert-msg']['points']]
check(got and want, f'dropmon: drop points {got}, dropwatch {want}')
for p in got:
    check((p['count'], p['pc']) in want, f'dropmon: drop point {p} not in dropwatch {want}')

# netdev (6.12): devices and queues of the dumps; mptcp endpoints
ms = msgs('netdev612')
tr = truth('netdev612', 'netdev-dump.txt')
# (the 6.12 kernel sends netdev dump replies without NLM_F_MULTI: the dump
# is known by its request's sequence number; xdp-features as the bit count)
want = {int.from_bytes(bytes.fromhex(i), 'little'): bin(int.from_bytes(bytes.fromhex(x), 'little')).count('1')
        for i, x in re.findall(r"^dev-get \{1: \['([0-9a-f]{8})'\], 3: \['([0-9a-f]{16})'\]", tr, re.M)}
dump = {m['nlmsg']['seq'] for m in of(ms, 'netdev', 'dev-get', 'to_kernel') if m['nlmsg']['flags'] & 0x300}
got = {m['attrs']['ifindex']: len(m['attrs']['xdp-features'])
       for m in of(ms, 'netdev', 'dev-get') if m['nlmsg']['seq'] in dump}
check(got and got == want, f'netdev: dev-get dump (ifindex: xdp features) {got} vs {want}')
wantq = set()
for a, b, c in re.findall(r"^queue-get \{1: \['(\w+)'\], 2: \['(\w+)'\], 3: \['(\w+)'\]", tr, re.M):
    wantq.add(tuple(int.from_bytes(bytes.fromhex(x), 'little') for x in (a, b, c)))
gotq = {(m['attrs']['id'], m['attrs']['ifindex'], {'rx': 0, 'tx': 1}[m['attrs']['type']])
        for m in of(ms, 'netdev', 'queue-get')}
check(gotq and gotq <= wantq, f'netdev: queues {sorted(gotq)} vs {sorted(wantq)}')


def endpoints(ms, name):
    """ip mptcp endpoint show (NAME.truth/mptcp-endpoints.txt) against the
    replies to the last get-addr dump: address, id and flags."""
    flagw = ('signal', 'subflow', 'backup', 'fullmesh', 'implicit', 'laminar')
    want = set()
    for l in truth(name, 'mptcp-endpoints.txt').splitlines():
        w = l.split()
        want.add((w[0], int(w[2]), tuple(sorted(x for x in w[3:] if x in flagw))))
    # (each `ip` process numbers its requests alike: the last dump is the
    # last request of its kind and the replies after it with its number)
    last = [m for m in of(ms, 'mptcp_pm', 'get-addr', 'to_kernel') if m['nlmsg']['flags'] & 0x300][-1]
    got = set()
    for m in of(ms, 'mptcp_pm', 'get-addr'):
        if m['frame'] > last['frame'] and m['nlmsg']['seq'] == last['nlmsg']['seq']:
            a = m['attrs']['addr']
            got.add((a.get('addr4') or a.get('addr6'), a['id'], tuple(sorted(a['flags']))))
    check(got == want, f'{name}: mptcp endpoints {sorted(got)} vs ip mptcp endpoint show {sorted(want)}')


endpoints(ms, 'netdev612')

# the sample capture misc_genl (captures/): mptcp endpoints, fou ports,
# l2tp tunnels and sessions, against its truth files
LAB = os.path.join(LAB, '..')
ms = msgs('misc_genl')
endpoints(ms, 'misc_genl')
want = set()
for l in truth('misc_genl', 'fou-show.txt').splitlines():
    w = l.split()
    want.add((int(w[1]), 'gue' if 'gue' in w else 'direct',
              int(w[w.index('ipproto') + 1]) if 'ipproto' in w else 0, 10 if '-6' in w else 2))
got = {(a['port'], a['type'], a['ipproto'], a['af']) for a in (m['attrs'] for m in of(ms, 'fou', 'get'))}
check(got == want, f'fou: {sorted(got)} vs ip fou show {sorted(want)}')
want = set()
for t, enc, peer in re.findall(r'^Tunnel (\d+), encap (\w+)\n.*\n  Peer tunnel (\d+)',
                               truth('misc_genl', 'l2tp-tunnels.txt'), re.M):
    want.add((int(t), int(peer), enc.lower()))
got = {(a['conn-id'], a['peer-conn-id'], a['encap-type'])
       for a in (m['attrs'] for m in of(ms, 'l2tp', 'tunnel-get'))}
check(got == want, f'l2tp: tunnels {sorted(got)} vs ip l2tp show tunnel {sorted(want)}')

nltest.done()
