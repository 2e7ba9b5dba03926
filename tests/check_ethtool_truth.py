#!/usr/bin/env python3
"""check_ethtool_truth.py - ethtool values nldump decodes against ethtool's own output.

Usage: check_ethtool_truth.py NLDUMP SRCROOT

captures/lab/ethtool.pcap was made by captures/lab/ethtool.sh, which
saved what ethtool printed in captures/lab/ethtool.truth/ (ethtool 6.1:
--json only for -k and -a).  Checked, from nldump --json of the capture:

* features by name: every feature `ethtool --json -k` lists is, in the
  features-get reply before it, active / fixed / requested as ethtool says
  (active: in the active bitset; fixed: not in hw, or in nochange;
  requested: in wanted), the names coming from the string set reply the
  capture holds; for et0 before and after `-K gro off
  tx-checksum-ip-generic off`, and for the netdevsim port;
* the features-set summary names the changes the way -K does;
* link settings (`ethtool et0`): speed, duplex, auto-negotiation, no link
  modes reported; a compact link modes bitset in a request, named from the
  built-in table (advertise 0x20 is 1000baseT/Full);
* rings (-g), channels (-l, netdevsim and veth), coalesce (-c), pause
  (the -A command: ethtool 6.1's --json -a is wrong), FEC (--show-fec),
  timestamping capabilities (-T) by name;
* the built-in bit name tables of dissectors/ynl_ethtool_bits.c against
  the string sets of the capture's kernel (every index both name agrees).
"""
import json
import os
import re
import sys

import nltest
from nltest import check, run

NLDUMP, ROOT = sys.argv[1:3]
nltest.setup('check_ethtool_truth', NLDUMP)
LAB = os.path.join(ROOT, 'captures', 'lab')

rc, out, err = run(['--json', '-r', os.path.join(LAB, 'ethtool.pcap')])
check(rc == 0 and err == '', f'exit {rc}, stderr {err[:200]!r}')
ms = [json.loads(l) for l in out.splitlines()]
rc, out, err = run(['-r', os.path.join(LAB, 'ethtool.pcap')])
lines = out.splitlines()


def truth(f):
    with open(os.path.join(LAB, 'ethtool.truth', f), encoding='utf-8') as fh:
        return fh.read()


def replies(cmd, dev):
    return [m for m in ms if (m.get('genl') or {}).get('family') == 'ethtool'
            and m['genl'].get('cmd') == cmd and m.get('dir') == 'to_user'
            and m['attrs'].get('header', {}).get('dev-name') == dev]


def last(cmd, dev):
    r = replies(cmd, dev)
    check(r, f'no {cmd} reply for {dev}')
    return r[-1]['attrs'] if r else {}


def each(v):
    """A repeated attribute is an array of its values (docs/json.md)."""
    return v if isinstance(v, list) else [v]


def bits(bitset):
    return set(bitset.get('bits', []))


# ---- features: `ethtool --json -k` against the features-get replies ----
# ethtool's own names for some kernel features (its legacy -k names)
LEGACY = {
    'rx-checksumming': 'rx-checksum', 'generic-segmentation-offload': 'tx-generic-segmentation',
    'generic-receive-offload': 'rx-gro', 'large-receive-offload': 'rx-lro',
    'rx-vlan-offload': 'rx-vlan-hw-parse', 'tx-vlan-offload': 'tx-vlan-hw-insert',
    'ntuple-filters': 'rx-ntuple-filter', 'receive-hashing': 'rx-hashing',
    'udp-fragmentation-offload': 'tx-udp-fragmentation',
}


def check_features(truth_file, reply, dev):
    want = json.loads(truth(truth_file))[0]
    check(want['ifname'] == dev, f'{truth_file}: ifname {want["ifname"]}')
    active, hw, wanted = bits(reply['active']), bits(reply['hw']), bits(reply['wanted'])
    nochange = bits(reply.get('nochange', {}))
    known = set(reply['hw'].get('mask', [])) | active
    n = 0
    for name, v in want.items():
        if not isinstance(v, dict) or v.get('fixed') is None:
            continue	# ifname, and ethtool's groups of features
        k = LEGACY.get(name, name)
        if not check(k in known, f'{truth_file}: feature {name} not named in the capture'):
            continue
        got = {'active': k in active, 'fixed': k not in hw or k in nochange,
               'requested': k in wanted}
        check(got == v, f'{truth_file}: {name}: decoded {got}, ethtool {v}')
        n += 1
    check(n >= 40, f'{truth_file}: only {n} features compared')


def get_before(cmd, dev, frame):
    r = [m for m in replies(cmd, dev) if m['frame'] < frame]
    check(r, f'no {cmd} reply for {dev} before frame {frame}')
    return r[-1]['attrs'] if r else {}


sets = [m for m in replies('features-set', 'et0')]
check(len(sets) >= 1, 'no features-set reply for et0')
first_set = sets[0]['frame'] if sets else 0
check_features('features-before.json', get_before('features-get', 'et0', first_set), 'et0')
check_features('features.json', [m for m in replies('features-get', 'et0')
                                  if m['frame'] > first_set][0]['attrs'], 'et0')
check_features('features-nsim.json', last('features-get', 'eth0'), 'eth0')

# -K gro off tx-checksum-ip-generic off: the request and its changes in words
req = [l for l in lines if '> genl ethtool features-set' in l]
check(req and req[0].endswith(' et0 rx-gro off tx-checksum-ip-generic off'),
      f'features-set request summary: {req[:1]}')
rep = [l for l in lines if '< genl ethtool features-set' in l]
check(rep and ' et0 changed tx-checksum-ip-generic off ' in rep[0],
      f'features-set reply summary: {rep[:1]}')
after = [m for m in replies('features-get', 'et0') if m['frame'] > first_set][0]['attrs']
check(not {'rx-gro', 'tx-checksum-ip-generic'} & bits(after['active']),
      'rx-gro / tx-checksum-ip-generic still active after -K ... off')

# ---- link settings: `ethtool et0` ----
et0 = truth('et0.txt')
lm = last('linkmodes-get', 'et0')
speed = int(re.search(r'Speed: (\d+)Mb/s', et0).group(1))
check(lm.get('speed') == speed, f'linkmodes speed {lm.get("speed")} vs {speed}')
duplex = re.search(r'Duplex: (\w+)', et0).group(1)
check(lm.get('duplex') == {'Half': 0, 'Full': 1}[duplex], f'duplex {lm.get("duplex")} vs {duplex}')
an = re.search(r'Auto-negotiation: (\w+)', et0).group(1)
check(lm.get('autoneg') == {'off': 0, 'on': 1}[an], f'autoneg {lm.get("autoneg")} vs {an}')
check('Supported link modes:   Not reported' in et0 and not bits(lm['ours'])
      and not lm['ours'].get('mask'), f'link modes: {lm.get("ours")}')
adv = [m['attrs']['ours'] for m in ms if (m.get('genl') or {}).get('cmd') == 'linkmodes-set'
       and m['dir'] == 'to_kernel' and 'ours' in m['attrs']]
check(len(adv) == 1 and adv[0].get('bits') == ['1000baseT/Full']
      and adv[0].get('value-words') == [0x20], f'advertise 0x20: {adv}')
check(any(l.endswith('linkmodes-set seq 2 [REQ,ACK] et0 advertise 1000baseT/Full')
          for l in lines), 'linkmodes-set summary: advertise 1000baseT/Full')

# ---- rings, channels, coalesce ----
cur = truth('ring.txt').split('Current hardware settings:')
pre = {k: int(v) for k, v in re.findall(r'^(RX|TX|RX Mini|RX Jumbo):\s+(\d+)', cur[0], re.M)}
now = {k: int(v) for k, v in re.findall(r'^(RX|TX|RX Mini|RX Jumbo):\s+(\d+)', cur[1], re.M)}
r = last('rings-get', 'eth0')
check((r['rx'], r['tx'], r['rx-mini'], r['rx-jumbo']) ==
      (now['RX'], now['TX'], now['RX Mini'], now['RX Jumbo']), f'rings {r} vs ethtool -g {now}')
check((r['rx-max'], r['tx-max'], r['rx-mini-max'], r['rx-jumbo-max']) ==
      (pre['RX'], pre['TX'], pre['RX Mini'], pre['RX Jumbo']), f'ring maximums {r} vs {pre}')


def channels(txt):
    out = []
    for part in truth(txt).split('Current hardware settings:'):
        out.append({k.lower(): int(v) for k, v in
                    re.findall(r'^(RX|TX|Other|Combined):\s+(\d+)', part, re.M)})
    return out


for txt, dev in (('channels-nsim.txt', 'eth0'), ('channels.txt', 'et0')):
    pre, now = channels(txt)
    c = last('channels-get', dev)
    got = {k: c[k + '-count'] for k in ('rx', 'tx', 'other', 'combined') if k + '-count' in c}
    check(got == now, f'{txt}: channels {got} vs ethtool -l {now}')
    got = {k: c[k + '-max'] for k in ('rx', 'tx', 'other', 'combined') if k + '-max' in c}
    check(got == pre, f'{txt}: channel maximums {got} vs ethtool -l {pre}')

co = truth('coalesce.txt')
c = last('coalesce-get', 'eth0')
for key, attr in (('rx-usecs', 'rx-usecs'), ('rx-frames', 'rx-max-frames'),
                  ('tx-usecs', 'tx-usecs'), ('tx-frames', 'tx-max-frames'),
                  ('rx-usecs-irq', 'rx-usecs-irq'), ('tx-usecs-irq', 'tx-usecs-irq'),
                  ('pkt-rate-low', 'pkt-rate-low'), ('pkt-rate-high', 'pkt-rate-high')):
    v = int(re.search(r'^%s: (\d+)' % key, co, re.M).group(1))
    check(c.get(attr) == v, f'coalesce {attr} {c.get(attr)} vs ethtool -c {key}: {v}')
a = re.search(r'Adaptive RX: (\w+)\s+TX: (\w+)', co).groups()
check((c['use-adaptive-rx'], c['use-adaptive-tx']) == tuple(int(x == 'on') for x in a),
      f'adaptive {c["use-adaptive-rx"]}/{c["use-adaptive-tx"]} vs {a}')

# ---- pause (ethtool 6.1's --json -a says true for all three: the check
# is against the command), FEC, timestamping ----
check('ethtool -A eth0 rx on tx off' in truth('../ethtool.cmds'), 'the -A command')
p = last('pause-get', 'eth0')
check((p['rx'], p['tx']) == (1, 0), f'pause {p} after -A rx on tx off')
fec = truth('fec.txt')
f = last('fec-get', 'eth0')
conf = re.search(r'Configured FEC encodings: (.*)', fec).group(1).split()
check(sorted(bits(f['modes'])) == sorted(conf), f'FEC modes {f["modes"]} vs {conf}')
check(f['active'] == 50 and 'Active FEC encoding: RS' in fec,
      f'FEC active {f["active"]} (50: the RS link mode bit)')
ts = truth('tsinfo.txt').split('Capabilities:')[1].split('PTP')[0].split()
t = last('tsinfo-get', 'et0')
check(sorted(bits(t['timestamping'])) == sorted(ts), f'timestamping {t} vs ethtool -T {ts}')

# ---- the built-in tables against the kernel's string sets ----
src = open(os.path.join(ROOT, 'dissectors', 'ynl_ethtool_bits.c'), encoding='utf-8').read()
tables = {m.group(1): re.findall(r'"([^"]*)"', m.group(2)) for m in
          re.finditer(r'static const char \*const (\w+)\[\] = \{(.*?)\};', src, re.S)}
ids = {}
SS = {'ETH_SS_LINK_MODES': 9, 'ETH_SS_MSG_CLASSES': 10, 'ETH_SS_WOL_MODES': 11,
      'ETH_SS_SOF_TIMESTAMPING': 12, 'ETH_SS_TS_TX_TYPES': 13, 'ETH_SS_TS_RX_FILTERS': 14,
      'ETH_SS_UDP_TUNNEL_TYPES': 15, 'ETH_SS_STATS_STD': 16}
for m in re.finditer(r'ET_TABLE\((ETH_SS_\w+), (\w+)\)', src):
    ids[SS[m.group(1)]] = tables[m.group(2)]
check(len(ids) == len(SS), f'built-in tables found: {sorted(ids)}')
learned = {}
for m in ms:
    if (m.get('genl') or {}).get('cmd') != 'strset-get' or m['dir'] != 'to_user':
        continue
    if 'header' in m['attrs']:
        continue	# a device's own sets
    for s in each(m['attrs']['stringsets'].get('stringset', [])):
        strs = s.get('strings', {}).get('string', [])
        learned[s['id']] = {x['index']: x['value'] for x in each(strs)}
for sid, names in sorted(ids.items()):
    got = learned.get(sid)
    if not check(got, f'string set {sid}: not in the capture'):
        continue
    both = [i for i in got if i < len(names)]
    check(len(both) >= min(len(names), len(got)),
          f'string set {sid}: {len(got)} strings, table {len(names)}')
    bad = [(i, got[i], names[i]) for i in both if got[i] != names[i]]
    check(not bad, f'string set {sid}: kernel vs table {bad[:5]}')
check(len(learned.get(9, {})) >= 90, 'the link mode string set of 6.1')

nltest.done()
