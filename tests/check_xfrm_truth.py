#!/usr/bin/env python3
"""check_xfrm_truth.py - nldump's NETLINK_XFRM decoding against `ip xfrm`.

Usage: check_xfrm_truth.py NLDUMP CAPTURES_DIR

For CAPTURES_DIR/xfrm.pcap and its truth files:
  ip-xfrm-state.txt   every SA listed is found among the decoded NEWSA
                      messages from the kernel (--json -x) with the same src,
                      dst, proto, spi, reqid, mode, algorithms (name, key in
                      hex, key/ICV/truncation lengths in bits) and selector
                      (addresses, prefix lengths, upper protocol, ports);
  ip-xfrm-policy.txt  every policy listed is found among the decoded
                      NEWPOLICY messages from the kernel with the same
                      selector, dir, priority and templates (src, dst, proto,
                      reqid, mode);
  ip-xfrm-policy-getdefault.txt  the last GETDEFAULT reply says the same;
and without -x no key is shown ("<N bytes>").  An entry of a truth file
that matches no message is a failure, so is a truth file with no entry.
"""
import json
import os
import re
import sys

import nltest
from nltest import check

NLDUMP, CAPDIR = sys.argv[1:3]
nltest.setup('check_xfrm_truth', NLDUMP)
PCAP = os.path.join(CAPDIR, 'xfrm.pcap')
TRUTH = os.path.join(CAPDIR, 'xfrm.truth')

# ip xfrm's protocol names where they differ from nldump's (nldump's
# xfrm_id names; a number stays a number)
XPROTO = {'esp': 'esp', 'ah': 'ah', 'comp': 'comp', 'route2': 'route2', 'hao': 'hao'}


def decode(args):
    rc, out, err = nltest.run(['--json', '-r', PCAP] + args)
    check(rc == 0 and not err, f'xfrm.pcap --json {args}: exit {rc}: {err[:300]}')
    return [json.loads(line) for line in out.splitlines()]


def from_kernel(msgs, typ):
    return [m for m in msgs if m.get('proto') == 'xfrm' and m.get('dir') == 'to_user'
            and m['nlmsg']['type'] == typ]


def parse_sel(words, out):
    """src A/n dst B/n [proto P] [sport N] [dport N] [type N] [code N] [dev D]"""
    i = 0
    while i < len(words) - 1:
        k, v = words[i], words[i + 1]
        if k in ('src', 'dst'):
            a, _, n = v.partition('/')
            out[k] = (a, int(n) if n else None)
        elif k in ('proto', 'sport', 'dport', 'type', 'code', 'dev'):
            out[k] = v
        i += 2
    return out


def parse_states(text):
    states = []
    for block in re.split(r'\n(?=src )', text.strip()):
        lines = [ln.strip() for ln in block.split('\n')]
        head = lines[0].split()
        st = {'src': head[1], 'dst': head[3], 'algs': {}, 'sel': {}}
        w = lines[1].split()
        st['proto'], st['spi'] = w[1], int(w[3], 16)
        st['reqid'], st['mode'] = int(w[5]), w[7]
        for ln in lines[2:]:
            w = ln.split()
            if w[0] in ('auth-trunc', 'aead'):
                st['algs'][w[0]] = (w[1], w[2][2:], int(w[3]))
            elif w[0] in ('enc', 'auth'):
                st['algs'][w[0]] = (w[1], w[2][2:], None)
            elif w[0] == 'comp':
                st['algs'][w[0]] = (w[1], None, None)
            elif w[0] == 'sel':
                parse_sel(w[1:], st['sel'])
        states.append(st)
    return states


ALG_ATTR = {'auth-trunc': ('alg_auth_trunc', 'trunc_len'), 'aead': ('alg_aead', 'icv_len'),
            'enc': ('alg_crypt', None), 'auth': ('alg_auth', None), 'comp': ('alg_comp', None)}


def sel_matches(sel, want):
    """the decoded selector against ip xfrm's words"""
    if 'src' in want and (sel['saddr'], sel['prefixlen_s']) != want['src']:
        return False
    if 'dst' in want and (sel['daddr'], sel['prefixlen_d']) != want['dst']:
        return False
    if str(sel['proto'] or '') != want.get('proto', ''):
        return False
    icmp = sel['proto'] in ('icmp', 'ipv6-icmp')
    for k, field, mask in (('sport', 'sport', 'sport_mask'), ('dport', 'dport', 'dport_mask'),
                           ('type', 'sport', 'sport_mask'), ('code', 'dport', 'dport_mask')):
        if (k in ('type', 'code')) != icmp:
            continue
        got = str(sel[field]) if sel[mask] else None
        if got != want.get(k):
            return False
    return True


def sa_matches(m, st):
    info, attrs = m['usersa_info'], m.get('attrs', {})
    if (info['saddr'], info['id']['daddr']) != (st['src'], st['dst']):
        return False
    if str(info['id']['proto']) != XPROTO.get(st['proto'], st['proto']):
        return False
    if (info['id']['spi'], info['reqid'], info['mode']) != (st['spi'], st['reqid'], st['mode']):
        return False
    for kind, (name, key, bits) in st['algs'].items():
        attr, lenkey = ALG_ATTR[kind]
        a = attrs.get(attr)
        if not a or a['name'] != name:
            return False
        if key is not None and (a.get('key') != key or a['key_len'] != len(key) * 4):
            return False
        if bits is not None and a[lenkey] != bits:
            return False
    return sel_matches(info['sel'], st['sel'])


def parse_policies(text):
    pols = []
    for block in re.split(r'\n(?=src )', text.strip()):
        lines = [ln.strip() for ln in block.split('\n')]
        p = {'sel': parse_sel(lines[0].split(), {}), 'tmpls': []}
        w = lines[1].split()
        kv = dict(zip(w[0::2], w[1::2]))
        p['dir'], p['priority'] = kv['dir'], int(kv['priority'])
        p['action'] = kv.get('action', 'allow')
        for i, ln in enumerate(lines):
            if ln.startswith('tmpl '):
                t = ln.split()
                u = lines[i + 1].split()
                p['tmpls'].append((t[2], t[4], u[1], int(u[3]), u[5]))
        pols.append(p)
    return pols


def pol_matches(m, p):
    info = m['userpolicy_info']
    if (info['dir'], info['priority'], info['action']) != (p['dir'], p['priority'], p['action']):
        return False
    if not sel_matches(info['sel'], p['sel']):
        return False
    tmpls = [(t['saddr'], t['id']['daddr'], str(t['id']['proto']), t['reqid'], t['mode'])
             for t in m.get('attrs', {}).get('tmpl', [])]
    return tmpls == p['tmpls']


def compare(msgs, typ, truth, parse, matches, name):
    """every entry of the truth file is matched by a decoded message"""
    got = nltest.need(from_kernel(msgs, typ), f'no {typ} from the kernel')
    with open(os.path.join(TRUTH, truth)) as f:
        entries = nltest.need(parse(f.read()), f'no entry in {truth}')
    for e in entries:
        check(any(matches(m, e) for m in got), f'{name(e)}: no decoded {typ} agrees')


def main():
    msgs = decode(['-x'])
    compare(msgs, 'NEWSA', 'ip-xfrm-state.txt', parse_states, sa_matches,
            lambda st: f'SA src {st["src"]} dst {st["dst"]} spi {st["spi"]:#x}')
    compare(msgs, 'NEWPOLICY', 'ip-xfrm-policy.txt', parse_policies, pol_matches,
            lambda p: f'policy {p["sel"]} dir {p["dir"]}')

    # the last GETDEFAULT reply before the truth was written: the one
    # `ip xfrm policy getdefault > ...` made (the last in the capture)
    with open(os.path.join(TRUTH, 'ip-xfrm-policy-getdefault.txt')) as f:
        want = dict(re.findall(r'^\s*(in|fwd|out):\s*(\w+)', f.read(), re.M))
    check(len(want) == 3, f'getdefault truth: {want}')
    defs = [m['userpolicy_default'] for m in from_kernel(msgs, 'GETDEFAULT')]
    check(defs and defs[-1] == want, f'last GETDEFAULT reply {defs[-1:]} != {want}')

    # without -x: no key in the output, its length instead
    plain = from_kernel(decode([]), 'NEWSA')
    keys = [a.get('key') for m in plain for k, a in m.get('attrs', {}).items()
            if k.startswith('alg_') and isinstance(a, dict) and 'key' in a]
    nltest.need(keys, 'no algorithm key without -x')
    check(all(re.fullmatch(r'<\d+ bytes>', k) for k in keys),
          f'keys shown without -x: {[k for k in keys if not k.startswith("<")][:3]}')
    nltest.done()


main()
