#!/usr/bin/env python3
"""check_stats.py NLDUMP SRCROOT - the --stats tables against counts made
here from the --json output, on every capture of captures/ (and cut/, lab/).

For each capture: `--json --stats` gives the messages and, as its last
line, {"stats": ...}; every table of that report is computed again from
the message objects (protocols, generic netlink families, the route and
genl message types, errors, copies, notifications by group, port ids) and
compared.  The text report of `-q --stats` (headers only, a message
decoded once per new name) must hold the same rows as the JSON report,
and a hostile capture of many port ids keeps its table bounded.
"""
import collections
import glob
import json
import os
import re
import struct
import sys

import nltest
from nltest import check, run

TOP_PORTS = 10


def messages(objs):
    """The message objects the stats count: a whole nlmsghdr."""
    return [o for o in objs if 'nlmsg' in o and o['nlmsg']['len'] >= 16]


def type_name(o):
    t = o['nlmsg']['type']
    if t == 'ERROR':
        return 'ACK' if o.get('error', {}).get('code', 1) == 0 else 'ERROR'
    if 'genl' in o:
        g = o['genl']
        return g['cmd'] if isinstance(g['cmd'], str) else 'cmd %d' % g['cmd_id']
    return t if isinstance(t, str) else 'type %d' % t


def rows(report, key, cols):
    return [tuple(r[c] for c in cols) for r in report.get(key, [])]


def check_capture(path):
    name = os.path.relpath(path)
    rc, out, err = run(['--json', '--stats', '-r', path])
    if not check(rc == 0, f'{name}: --json --stats exit 0'):
        return
    lines = out.splitlines()
    rep = json.loads(lines[-1]) if lines else {}
    check('stats' in rep, f'{name}: the last line is the stats object')
    rep = rep.get('stats', {})
    objs = [json.loads(l) for l in lines[:-1]]
    check(all('stats' not in o for o in objs), f'{name}: one stats object only')
    msgs = messages(objs)

    tot = rep.get('totals', {})
    check(tot.get('messages') == len(msgs), f'{name}: totals.messages {tot.get("messages")} '
          f'!= {len(msgs)}')
    check(tot.get('frames') == len({o['frame'] for o in objs}), f'{name}: totals.frames')
    check(tot.get('bytes') == sum(o['nlmsg']['len'] for o in msgs), f'{name}: totals.bytes')

    # protocols
    want = collections.Counter()
    wbytes = collections.Counter()
    for o in msgs:
        want[o['proto_id']] += 1
        wbytes[o['proto_id']] += o['nlmsg']['len']
    got = {r['proto_id']: (r['messages'], r['bytes']) for r in rep.get('proto', [])}
    check(got == {k: (want[k], wbytes[k]) for k in want}, f'{name}: proto table {got}')

    # generic netlink families, by id
    fam = collections.defaultdict(lambda: [0, 0, None])
    for o in msgs:
        if o['proto_id'] == 16 and 'genl' in o:
            f = fam[o['genl']['id']]
            f[0] += 1
            f[1] += o['nlmsg']['len']
            f[2] = o['genl'].get('family')
    got = {r['id']: (r['messages'], r['bytes'], r['family']) for r in rep.get('genl', [])}
    check(got == {k: tuple(v) for k, v in fam.items()}, f'{name}: genl table')

    # message types of route and genl
    ty = collections.Counter()
    for o in msgs:
        if o['proto_id'] in (0, 16):
            fam_name = o['genl'].get('family') if 'genl' in o else None
            ty[(o['proto'], fam_name, type_name(o))] += 1
    got = {(r['proto'], r['family'], r['type']): r['messages'] for r in rep.get('types', [])
           if r['proto'] in ('route', 'genl')}
    check(got == dict(ty), f'{name}: types table: {set(got.items()) ^ set(ty.items())}')
    check(sum(r['messages'] for r in rep.get('types', [])) == len(msgs),
          f'{name}: types add up to the messages')

    # errors by protocol, name and code
    er = collections.Counter()
    for o in msgs:
        e = o.get('error')
        if e and e.get('code'):
            er[(o['proto'], e.get('name'), e['code'])] += 1
    got = collections.Counter()
    for r in rep.get('errors', []):
        got[(r['proto'], r['error'], r['code'])] += r['count']
    check(got == er, f'{name}: errors table')
    # and the request they echo, for rtnetlink
    rq = collections.Counter()
    for o in msgs:
        e = o.get('error')
        if e and e.get('code') and o['proto_id'] == 0 and 'request' in e:
            rq[(e['request']['nlmsg']['type'], e['code'])] += 1
    got = collections.Counter({(r['request'], r['code']): r['count']
                               for r in rep.get('errors', []) if r['proto'] == 'route'})
    check(got == rq, f'{name}: errors by rtnetlink request')

    # copies
    cp = sum(1 for o in msgs if 'copy_of' in o)
    check(tot.get('copy_messages') == cp, f'{name}: copy messages {tot.get("copy_messages")} '
          f'!= {cp}')
    check(sum(r['copies'] for r in rep.get('copies', [])) == cp, f'{name}: copies table')

    # notifications by group
    gr = collections.Counter()
    for o in msgs:
        n = o['nlmsg']
        if (o['dir'] == 'to_user' and not n['flags'] & 1 and not n['seq'] and not n['pid']
                and n['type'] != 'ERROR'):
            gr[(o['proto'], o.get('group', {}).get('id'))] += 1
    got = {(r['proto'], r['group_id']): r['messages'] for r in rep.get('groups', [])}
    check(got == dict(gr), f'{name}: groups table')
    check(tot.get('notifications') == sum(gr.values()), f'{name}: notifications')

    # the busiest port ids, then the others
    po = collections.defaultdict(lambda: [0, 0, 0])
    for o in msgs:
        p = po[(o['proto'], o['nlmsg']['pid'])]
        p[0 if o['dir'] == 'to_kernel' else 1] += 1
        p[2] += o['nlmsg']['len']
    protos = {o['proto']: o['proto_id'] for o in msgs}
    order = sorted(po.items(), key=lambda kv: (-(kv[1][0] + kv[1][1]), protos[kv[0][0]],
                                                kv[0][1]))
    want = [(k[0], k[1], v[0], v[1], v[2]) for k, v in order[:TOP_PORTS]]
    if len(order) > TOP_PORTS:
        rest = [sum(v[i] for _, v in order[TOP_PORTS:]) for i in range(3)]
        want.append(('others', None, rest[0], rest[1], rest[2]))
    got = rows(rep, 'ports', ('proto', 'pid', 'to_kernel', 'to_user', 'bytes'))
    check(got == want, f'{name}: ports table {got[:3]} != {want[:3]}')

    check_txn(name, objs, msgs, rep)
    check_text(path, name, rep)


NLM_F_REQUEST, NLM_F_MULTI, NLM_F_ACK, NLM_F_ECHO, NLM_F_DUMP_INTR = 1, 2, 4, 8, 0x10
CTRL_TYPES = ('NOOP', 'ERROR', 'DONE', 'OVERRUN')


def is_request(o):
    n = o['nlmsg']
    t = n['type']
    return (o['dir'] == 'to_kernel' and 'copy_of' not in o and n['flags'] & NLM_F_REQUEST
            and t not in CTRL_TYPES and not (isinstance(t, int) and t < 16))


def request_name(o):
    """The name of a route or genl request's latency row, else None."""
    if o['proto'] == 'route' and isinstance(o['nlmsg']['type'], str):
        return 'route ' + o['nlmsg']['type']
    g = o.get('genl')
    if o['proto'] == 'genl' and g and g.get('family') and isinstance(g.get('cmd'), str):
        return 'genl %s %s' % (g['family'], g['cmd'])
    return None


def check_txn(name, objs, msgs, rep):
    """The transaction reports against the txn members of the messages."""
    tx, lat, una = rep.get('txn', {}), rep.get('latency', []), rep.get('unanswered', [])
    reqs = {(o['frame'], o['index']): o for o in msgs if is_request(o)}
    answers = [o for o in objs if 'txn' in o]
    refs = collections.defaultdict(list)
    for o in answers:
        if 'request_frame' in o['txn']:
            refs[(o['txn']['request_frame'], o['txn']['request_index'])].append(o)
    check(tx.get('answers') == len(answers), f'{name}: txn.answers {tx.get("answers")} '
          f'!= {len(answers)}')
    check(tx.get('unmatched') == sum(1 for o in answers if 'request' in o['txn']),
          f'{name}: txn.unmatched')
    check(tx.get('ambiguous') == sum(1 for o in answers if o['txn'].get('ambiguous')),
          f'{name}: txn.ambiguous')
    check(tx.get('answered') == len(refs), f'{name}: txn.answered {tx.get("answered")} '
          f'!= {len(refs)} requests referenced')
    check(set(refs) <= set(reqs), f'{name}: answers reference requests')
    check(tx.get('requests', 0) + tx.get('notified', 0) == len(reqs),
          f'{name}: txn.requests + notified != {len(reqs)} requests')

    # latency: a request's figure is taken when it is answered for good
    # (an ACK or ERROR; a reply or DONE when it asked for no ACK)
    def closed(k):
        ack = reqs[k]['nlmsg']['flags'] & NLM_F_ACK
        return any(a['nlmsg']['type'] == 'ERROR' or
                   (not ack and (a['nlmsg']['type'] == 'DONE' or
                                 not a['nlmsg']['flags'] & NLM_F_MULTI)) for a in refs[k])
    done = [k for k in refs if k in reqs and closed(k)]
    by_name = collections.Counter(request_name(reqs[k]) for k in done)
    by_name.pop(None, None)
    got = {r['request']: r['count'] for r in lat
           if r['request'].startswith(('route ', 'genl '))}
    if not any(r['request'] == 'others' for r in lat):	# all types kept (256)
        check(got == dict(by_name),
              f'{name}: latency counts {set(got.items()) ^ set(by_name.items())}')
    check(sum(r['count'] for r in lat) == len(done),
          f'{name}: latency counts add up to {len(done)} requests answered')
    check(all(r['p50_us'] <= r['p90_us'] <= r['p99_us'] <= r['max_us'] for r in lat
              if r['request'] != 'others'), f'{name}: latency percentiles in order')

    # unanswered: requests no answer references, the first 64 listed
    never = [k for k in sorted(reqs) if k not in refs]
    listed = [(r['frame'], r['index']) for r in una]
    check(set(listed) <= set(never), f'{name}: unanswered lists a request answered: '
          f'{set(listed) - set(never)}')
    check(listed == sorted(listed), f'{name}: unanswered oldest first')
    if tx.get('evicted') == 0 and tx.get('unanswered', 0) <= 64:
        check(len(listed) == tx.get('unanswered'), f'{name}: txn.unanswered '
              f'{tx.get("unanswered")} != {len(listed)} listed')
        waiting = [k for k in never if reqs[k]['nlmsg']['flags'] & (NLM_F_ACK | NLM_F_ECHO)
                   or reqs[k]['nlmsg']['flags'] & 0x300 == 0x300]
        missing = set(waiting) - set(listed)
        check(len(missing) <= tx.get('notified', 0), f'{name}: requests waiting for an '
              f'answer not listed as unanswered: {sorted(missing)[:5]}')

    # dumps: closed by their DONE
    dones = [o for o in msgs if o['nlmsg']['type'] == 'DONE' and o['dir'] == 'to_user'
             and 'copy_of' not in o]
    dm = rep.get('dumps', {})
    check(dm.get('done') == len(dones), f'{name}: dumps.done {dm.get("done")} != {len(dones)}')
    intr = sum(1 for o in dones if o.get('dump', {}).get('interrupted')
               or o['nlmsg']['flags'] & NLM_F_DUMP_INTR)
    check(dm.get('interrupted') == intr, f'{name}: dumps.interrupted')


def text_tables(out):
    """The sections of a text report: name -> rows (lists of cells)."""
    secs, cur = {}, None
    for line in out.splitlines():
        m = re.match(r'^== (\w+): .* ==$', line)
        if m:
            cur = secs.setdefault(m.group(1), [])
        elif cur is not None and line:
            cur.append(re.split(r'\s{2,}', line.strip()))
    return secs


def cell(v):
    return '-' if v is None else str(v)


# reports -q --stats (the headers alone) cannot make: OVS flow lifecycles
# need the messages' attributes (-z ovs-flows alone decodes them)
HEADERS_ONLY_LEAVE_OUT = ('ovs-flows', 'ovs-upcalls')


def check_text(path, name, rep):
    rc, out, err = run(['-q', '--stats', '-r', path])
    if not check(rc == 0, f'{name}: -q --stats exit 0'):
        return
    secs = text_tables(out)
    for key, val in rep.items():
        if key in HEADERS_ONLY_LEAVE_OUT:
            check(key not in secs, f'{name}: -q --stats has no {key}')
            continue
        if key not in secs:
            check(False, f'{name}: text report has no {key}')
            continue
        if isinstance(val, dict):
            got = {r[0]: r[1] for r in secs[key]}
            want = {k: cell(v) for k, v in val.items() if k not in
                    ('malformed', 'truncated', 'unknown_attributes')}
            check(all(got.get(k) == v for k, v in want.items()),
                  f'{name}: text {key} {got} != {want}')
            continue
        want = [[cell(v) for v in r.values()] for r in val]
        check(secs[key][1:] == want, f'{name}: text {key} rows differ from JSON: '
              f'{secs[key][1:3]} vs {want[:2]}')


def check_bounded(tmp):
    """Port ids past the bound: counted, in "others", no growth."""
    recs = []
    n = 20000
    for i in range(n):
        msg = struct.pack('<IHHII', 16, 3, 2, 1, 1000 + i)	# DONE to port 1000+i
        recs.append(nltest.frame(msg, i))
    path = os.path.join(tmp, 'ports.pcap')
    with open(path, 'wb') as f:
        f.write(nltest.pcap_bytes(nltest.PCAP_HDR, recs))
    rc, out, err = run(['--json', '-z', 'ports', '-z', 'totals', '-r', path])
    rep = json.loads(out.splitlines()[-1])['stats'] if rc == 0 else {}
    ports = rep.get('ports', [])
    check(len(ports) == TOP_PORTS + 1 and ports[-1]['proto'] == 'others'
          and sum(p['to_user'] for p in ports) == n,
          f'many port ids: top {TOP_PORTS} and the others add up to {n}')


def main():
    nltest.setup('check_stats', sys.argv[1])
    root = sys.argv[2]
    caps = sorted(glob.glob(os.path.join(root, 'captures', '*.pcap')) +
                  glob.glob(os.path.join(root, 'captures', '*', '*.pcap')))
    for path in nltest.need(caps, 'captures'):
        check_capture(path)
    tmp = os.environ.get('TMPDIR', '/tmp')
    d = os.path.join(tmp, 'check_stats.%d' % os.getpid())
    os.makedirs(d, exist_ok=True)
    check_bounded(d)
    rc, out, err = run(['-z', 'nosuch', '-r', caps[0]])
    check(rc == 2 and 'unknown report' in err and out == '', f'-z nosuch: usage error {err!r}')
    nltest.done()


main()
