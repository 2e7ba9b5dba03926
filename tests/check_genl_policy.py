#!/usr/bin/env python3
"""check_genl_policy.py - a family with neither hand tables nor a spec,
typed from the policy dump (CTRL_CMD_GETPOLICY) the capture holds.

Usage: check_genl_policy.py NLDUMP MKPCAP SRCROOT WORKDIR

captures/src/genl_policy.hex: an invented family "nldpol" learned from an
nlctrl NEWFAMILY, its policy dump (two policies, one record per message as
the kernel sends them), then a message of it.  Its attributes are named
attr_N and decoded by their kind: integers, strings, a nest typed by the
nested policy, a flag, signed, variable-width, binary, a nested array, a
bitfield32; an attribute the dump lacks stays unknown_N.  Without the
dump the same message is hex.
"""
import json
import os
import subprocess
import sys

import nltest
from nltest import check, run

NLDUMP, MKPCAP, SRC, WORK = sys.argv[1:5]
nltest.setup('check_genl_policy', NLDUMP)
os.makedirs(WORK, exist_ok=True)

HEX = os.path.join(SRC, 'captures', 'src', 'genl_policy.hex')
PCAP = os.path.join(WORK, 'genl_policy.pcap')
subprocess.run([sys.executable, MKPCAP, HEX, PCAP], check=True)

for prepass in ([], ['--no-prepass']):
    rc, out, err = run(['--json'] + prepass + ['-r', PCAP])
    check(rc == 0 and not err, f'{prepass}: exit 0, nothing on stderr ({rc} {err!r})')
    msgs = [json.loads(l) for l in out.splitlines()]
    last = msgs[-1] if msgs else {}
    a = last.get('attrs', {})
    check(last.get('genl', {}).get('family') == 'nldpol', f'{prepass}: the family by name')
    want = {'attr_1': 7, 'attr_2': 'eth0', 'attr_3': {'attr_1': 5, 'attr_2': 'in'},
            'attr_4': True, 'attr_5': -2, 'attr_6': 4294967296, 'attr_7': '0102'}
    for k, v in want.items():
        check(a.get(k) == v, f'{prepass}: {k} is {v!r}, got {a.get(k)!r}')
    check(isinstance(a.get('attr_8'), list) and len(a['attr_8']) == 2
          and a['attr_8'][0].get('attr_1') == 9 and a['attr_8'][1].get('attr_2') == 'x',
          f'{prepass}: a nested array typed by policy 1: {a.get("attr_8")}')
    check(isinstance(a.get('attr_9'), dict), f'{prepass}: bitfield32: {a.get("attr_9")}')
    check('unknown_12' in a and 'payload' not in last, f'{prepass}: attribute 12 unknown: {a}')
    check('malformed' not in last, f'{prepass}: nothing marked: {last.get("malformed")}')

# without the dump: hex, as before
src = open(HEX).read()
bare = os.path.join(WORK, 'genl_policy_bare.hex')
with open(bare, 'w') as f:
    f.write('\n'.join(l for l in src.split('\n') if 'nlmsg:0x10:0x2:' not in l))
subprocess.run([sys.executable, MKPCAP, bare, PCAP + '.bare'], check=True)
rc, out, err = run(['--json', '-r', PCAP + '.bare'])
last = json.loads(out.splitlines()[-1]) if out else {}
check(rc == 0 and 'payload' in last and 'attrs' not in last,
      f'without a policy dump: the payload in hex ({last})')

nltest.done()
