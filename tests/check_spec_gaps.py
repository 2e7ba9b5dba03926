#!/usr/bin/env python3
"""check_spec_gaps.py - the spec engine's corner cases (issue 12).

Usage: check_spec_gaps.py NLDUMP MKPCAP SRCROOT WORKDIR

  * A family whose name has a space (tests/specs/nldgaps.yaml, "802.15.4
    MAC" as the kernel's IEEE 802.15.4 family is named) is learned from an
    nlctrl NEWFAMILY and decoded by its spec (captures/src/spec_gaps.hex);
    specs/embed.py builds it in under that name.
  * Strings: one without its NUL, one with text after its NUL, one longer
    than its max-len are marked; an unterminated-ok string and NULs padding
    a buffer are not.
  * Signed big-endian integers (s16, s32, s64, sint) show signed.
  * A binary sub-type array whose length is not a multiple of its element:
    the elements shown, the leftover marked where it starts.
  * Hand tables always win: a spec for ovs_meter (given with --spec, or
    found by specs/embed.py) changes neither its decoding nor its fields.
"""
import json
import os
import subprocess
import sys

import nltest
from nltest import check, run

NLDUMP, MKPCAP, SRC, WORK = sys.argv[1:5]
nltest.setup('check_spec_gaps', NLDUMP)
os.makedirs(WORK, exist_ok=True)

SPEC = os.path.join(SRC, 'tests', 'specs', 'nldgaps.yaml')
PCAP = os.path.join(WORK, 'spec_gaps.pcap')
subprocess.run([sys.executable, MKPCAP, os.path.join(SRC, 'captures', 'src', 'spec_gaps.hex'),
                PCAP], check=True)

rc, out, err = run(['--json', '--spec', SPEC, '-r', PCAP])
check(rc == 0 and not err, f'exit 0, nothing on stderr ({rc} {err!r})')
msgs = [json.loads(l) for l in out.splitlines()]
check(len(msgs) == 4, f'4 messages, got {len(msgs)}')
if len(msgs) == 4:
    good, bad, pad = msgs[1], msgs[2], msgs[3]
    check(good['genl']['family'] == '802.15.4 MAC' and good['genl']['cmd'] == 'get',
          f'a name with a space, learned and matched: {good["genl"]}')
    a = good.get('attrs', {})
    check(a.get('name') == 'ok' and a.get('short') == 'abcd' and a.get('loose') == 'xy',
          f'strings: {a}')
    check((a.get('s16be'), a.get('s32be'), a.get('s64be'), a.get('sbe')) == (-2, -3, -4, -5),
          f'signed big-endian integers: {a}')
    check(a.get('words') == [1, 2], f'binary sub-type u32: {a.get("words")}')
    check('malformed' not in good, f'good values: nothing marked ({good.get("malformed")})')
    reasons = [(m['offset'], m['reason']) for m in bad.get('malformed', [])]
    want = [(24, 'string not NUL-terminated'), (35, "2 bytes after the string's NUL"),
            (44, 'string of 8 bytes, at most 5'),
            (64, '2 bytes left over after elements of 4 bytes')]
    check(reasons == want, f'the broken values marked where they are: {reasons}')
    check(bad.get('attrs', {}).get('words') == [1, 2], 'leftover: the whole elements shown')
    check('malformed' not in pad and pad['attrs'].get('name') == 'pad',
          f'NULs padding a string: not marked ({pad})')

# -G takes a name with a space too; a map file round-trips it
# (the capture without its NEWFAMILY)
src = open(os.path.join(SRC, 'captures', 'src', 'spec_gaps.hex')).read()
NOCTRL = os.path.join(WORK, 'spec_gaps_noctrl.pcap')
with open(NOCTRL + '.hex', 'w') as f:
    f.write(src.replace('nlmon:16 nlmsg:0x10:', '# nlmon:16 nlmsg:0x10:').replace(
        '  nla:2{ 3830322e31352e34204d414300 } }', '# '))
subprocess.run([sys.executable, MKPCAP, NOCTRL + '.hex', NOCTRL], check=True)
rc, out, err = run(['--spec', SPEC, '-G', '802.15.4 MAC=0x31', '-r', NOCTRL])
check(rc == 0 and out.count('genl 802.15.4 MAC get') == 3, f'-G "802.15.4 MAC=0x31":\n{out}{err}')
for form in ('0x31 802.15.4%20MAC\n', 'Name: 802.15.4 MAC\n\tID: 0x31  Version: 0x1  '
             'header size: 0  max attribs: 8\n'):
    MAP = os.path.join(WORK, 'gaps.map')
    with open(MAP, 'w') as f:
        f.write(form)
    rc, out, err = run(['--spec', SPEC, '--genl-map', MAP, '-r', NOCTRL])
    check(rc == 0 and out.count('genl 802.15.4 MAC get') == 3,
          f'--genl-map {form!r}:\n{out}{err}')

# ---- embed.py: a name with a space built in; a hand family left out ----
meter = os.path.join(WORK, 'ovs_meter.yaml')
with open(meter, 'w') as f:
    f.write('name: ovs_meter\nprotocol: genetlink\nattribute-sets:\n  - name: meter\n'
            '    attributes:\n      - {name: fake-id, type: u32}\n'
            'operations:\n  list:\n    - {name: fake-get, value: 3, attribute-set: meter,'
            ' do: {request: {attributes: [fake-id]}}}\n')
gen = os.path.join(WORK, 'spec_texts.c')
p = subprocess.run([sys.executable, os.path.join(SRC, 'specs', 'embed.py'), gen, SRC, SPEC, meter],
                   capture_output=True, text=True)
rows = open(gen).read() if p.returncode == 0 else ''
check(p.returncode == 0 and '{ "802.15.4 MAC", ' in rows,
      f'embed.py: "802.15.4 MAC" built in ({p.returncode} {p.stderr!r})')
check('"ovs_meter"' not in rows, 'embed.py: a spec for ovs_meter (hand tables) left out')

# ---- hand tables win over a user spec ----
ovs = os.path.join(SRC, 'captures', 'ovs.pcap')
for mode in ([], ['-v']):
    rc, plain, _ = run(mode + ['-r', ovs])
    rc2, withspec, err = run(mode + ['--spec', meter, '-r', ovs])
    check(rc2 == 0 and withspec == plain and 'ovs_meter' in plain,
          f'--spec ovs_meter {mode}: the hand tables decode it ({err!r})')
rc, out, err = run(['--spec', meter, '--list-fields', 'ovs_meter'])
check(rc == 0 and 'fake' not in out and 'attrs.bands' in out,
      f'--list-fields ovs_meter: the hand tables\' fields only:\n{out}')

nltest.done()
