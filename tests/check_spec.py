#!/usr/bin/env python3
"""check_spec.py - families decoded from YNL specs given with --spec.

Usage: check_spec.py NLDUMP MKPCAP SRCROOT WORKDIR [--update]

  * An invented family (tests/specs/nldtest.yaml: a fixed header, a nest
    repeated, an enum, flags, a bitfield32, a struct binary, a C array, an
    indexed array, a sub-message choosing a fixed header or attributes by
    its selector, a uuid, a notification) decodes a crafted capture
    (captures/src/spec_nldtest.hex) as tests/expected/spec_nldtest.txt and
    spec_nldtest.v.txt say (--update rewrites them), every JSON line
    parses, --list-fields lists its paths, and without --spec the same
    capture shows commands by number.
  * Broken specs: each gives exactly one line on standard error,
    "nldump: FILE:LINE: what", naming the file and the line at fault, the
    exit status 1, and an output equal to the run without that spec.  A
    directory with a good and a broken spec loads the good one.
  * A user spec replaces the built-in one of its family (a renamed
    attribute of wireguard shows under its new name).
"""
import json
import os
import subprocess
import sys

import nltest
from nltest import check, run

NLDUMP, MKPCAP, SRC, WORK = sys.argv[1:5]
UPDATE = '--update' in sys.argv[5:]
nltest.setup('check_spec', NLDUMP)
os.makedirs(WORK, exist_ok=True)

SPEC = os.path.join(SRC, 'tests', 'specs', 'nldtest.yaml')
PCAP = os.path.join(WORK, 'spec_nldtest.pcap')
subprocess.run([sys.executable, MKPCAP, os.path.join(SRC, 'captures', 'src', 'spec_nldtest.hex'),
                PCAP], check=True)
BASE = ['-G', 'nldtest=0x30', '-r', PCAP]


def golden(name, args):
    rc, out, err = run(args)
    check(rc == 0 and not err, f'{name}: exit 0, nothing on stderr ({rc}, {err!r})')
    path = os.path.join(SRC, 'tests', 'expected', name)
    if UPDATE:
        with open(path, 'w') as f:
            f.write(out)
        return out
    want = open(path).read() if os.path.exists(path) else None
    check(out == want, f'{name}: output differs from tests/expected/{name}:\n{out}')
    return out


# ---- the invented family ----
golden('spec_nldtest.txt', ['--spec', SPEC] + BASE)
golden('spec_nldtest.v.txt', ['-v', '--spec', SPEC] + BASE)
rc, out, err = run(['--json', '--spec', SPEC] + BASE)
msgs = [json.loads(l) for l in out.splitlines()]
check(len(msgs) == 4, f'json: 4 messages, got {len(msgs)}')
if len(msgs) == 4:
    a = msgs[1]['attrs']
    check(msgs[1]['genl']['cmd'] == 'get', 'json: the reply is "get"')
    check(msgs[1]['hdr'] == {'ifindex': 3, 'kind': 'blue'}, 'json: fixed header, enum member')
    check(a.get('opts') == ['fast', 'loud'], 'json: flags')
    check([i['id'] for i in a.get('item', [])] == [7, 8], 'json: a repeated nest is a list')
    check(a.get('pair') == {'a': 1, 'b': 515, 'mac': '02:00:00:00:00:01'},
          'json: struct binary, big-endian member, mac hint')
    check(a.get('ports') == [80, 443] and a.get('list') == [10, 20],
          'json: binary sub-type and indexed-array of u32')
    check(a.get('data') == {'shade': 9, 'up': True}, 'json: sub-message by a string selector')
    check(a.get('uuid') == '00112233-4455-6677-8899-aabbccddeeff', 'json: uuid hint')
    check('unknown_99' in a, 'json: an attribute the spec lacks stays unknown_99')
    check(msgs[2]['genl']['cmd'] == 'changed', 'json: a notification by its operation')
    check(msgs[3]['attrs'].get('data', {}).get('pair', {}).get('b') == 6,
          'json: the sub-message format with a fixed header')
rc, out, err = run(['--spec', SPEC, '--list-fields', 'nldtest'])
paths = {l.split('\t')[0] for l in out.splitlines()}
check(rc == 0 and {'hdr.kind', 'attrs.item.label', 'attrs.data.shade', 'attrs.data.pair.mac',
                   'attrs.bits.value'} <= paths, f'--list-fields nldtest: {rc} {sorted(paths)}')
rc, plain, err = run(BASE)
check(rc == 0 and plain.count(' cmd ') == 4, f'without --spec: commands by number:\n{plain}')

# ---- broken specs ----
GOOD = open(SPEC).read()
CASES = [
    # (name, text, line at fault, words of the message)
    ('yaml', 'name: x\nattribute-sets:\n  - name: [a\n', 4, 'YAML'),
    ('type', GOOD.replace('{name: shade, type: u8}', '{name: shade, type: u9}'), None, "unknown type 'u9'"),
    ('nest', GOOD.replace('nested-attributes: item,', 'nested-attributes: nosuch,'), None,
     "'nosuch' is not an attribute set"),
    ('subset', GOOD.replace('subset-of: item', 'subset-of: nosuch'), None, "subset-of 'nosuch'"),
    ('enum', GOOD.replace('{name: color, type: u8, enum: kind}', '{name: color, type: u8, enum: nope}'),
     None, "enum 'nope'"),
    ('value', GOOD.replace('value: 20}', 'value: 70000}'), None, 'value 70000'),
    ('alias', GOOD.replace('entries: [none, red, blue]', 'entries: *nowhere'), None, 'alias'),
    ('noname', GOOD.replace('name: nldtest\n', 'version: 1\n'), None, 'no family name'),
    ('deep', 'name: deep\nx: ' + '[' * 40 + ']' * 40 + '\n', 2, 'deeper'),
    ('selfstruct', GOOD.replace('{name: pad, type: pad, len: 3}', '{name: me, type: binary, struct: hdr}'),
     None, 'contains itself'),
]
for name, text, line, words in CASES:
    path = os.path.join(WORK, f'broken_{name}.yaml')
    with open(path, 'w') as f:
        f.write(text)
    if line is None:	# the line of the text changed
        line = next(i for i, (g, t) in enumerate(zip(GOOD.split('\n'), text.split('\n')), 1) if g != t) \
            if text != GOOD else 0
    rc, out, err = run(['--spec', path] + BASE)
    lines = err.splitlines()
    check(rc == 1, f'broken {name}: exit status 1, got {rc}')
    check(len(lines) == 1 and lines[0].startswith(f'nldump: {path}:{line}: ') and words in lines[0],
          f'broken {name}: one line "nldump: {path}:{line}: ...{words}...", got {err!r}')
    check(out == plain, f'broken {name}: the output is the one without the spec')

# a directory: the good spec loads, the broken one is said
d = os.path.join(WORK, 'dir')
os.makedirs(d, exist_ok=True)
with open(os.path.join(d, 'a_broken.yaml'), 'w') as f:
    f.write(GOOD.replace('{name: shade, type: u8}', '{name: shade, type: u9}'))
with open(os.path.join(d, 'b_good.yaml'), 'w') as f:
    f.write(GOOD)
with open(os.path.join(d, 'notes.txt'), 'w') as f:
    f.write('not a spec\n')
rc, out, err = run(['--spec', d] + BASE)
check(rc == 1 and len(err.splitlines()) == 1 and 'a_broken.yaml:' in err,
      f'directory: one error, for the broken file ({rc} {err!r})')
check(' get ' in out and ' changed ' in out, 'directory: the good spec decodes')

# an overlay: a new attribute needs its value; a good one adds a name
ov = os.path.join(WORK, 'ov_bad.yaml')
with open(ov, 'w') as f:
    f.write('name: nldtest\noverlay: true\nattribute-sets:\n  - name: main\n    attributes:\n'
            '      - {name: extra, type: u32}\n')
rc, out, err = run(['--spec', SPEC, '--spec', ov] + BASE)
check(rc == 1 and err.startswith(f'nldump: {ov}:6: ') and 'needs a value' in err,
      f'overlay without a value: {rc} {err!r}')
ov = os.path.join(WORK, 'ov_good.yaml')
with open(ov, 'w') as f:
    f.write('name: nldtest\noverlay: true\nattribute-sets:\n  - name: main\n    attributes:\n'
            '      - {name: extra, type: string, value: 99}\n')
rc, out, err = run(['-v', '--spec', SPEC, '--spec', ov] + BASE)
check(rc == 0 and 'extra: "zz"' in out and 'unknown_99' not in out,
      f'overlay: attribute 99 named extra ({rc} {err!r})')

# ---- a user spec replaces the built-in one ----
wg = open(os.path.join(SRC, 'specs', 'ynl', 'wireguard.yaml')).read()
mine = os.path.join(WORK, 'wireguard_mine.yaml')
with open(mine, 'w') as f:
    f.write(wg.replace('name: listen-port', 'name: my-listen-port'))
cap = os.path.join(SRC, 'captures', 'wireguard.pcap')
rc, out, err = run(['-v', '-r', cap])
check(rc == 0 and 'listen-port:' in out and 'my-listen-port' not in out,
      'wireguard: the built-in spec names listen-port')
rc, out, err = run(['-v', '--spec', mine, '-r', cap])
check(rc == 0 and 'my-listen-port:' in out, 'wireguard: the user spec replaces the built-in one')

nltest.done()
