#!/usr/bin/env python3
"""check_field_extract.py NLDUMP SRCDIR - -T fields -e and --json -e.

(a) For every bundled capture (captures/*.pcap, captures/cut/*.pcap), the
    paths of PATHS through `-T fields -e ...` give one line per object of
    `--json -tt`, and each column is what this script extracts from that
    object: every value at the path (a list level is walked through; a
    flag word's list of names is one value), joined by ',', a string
    without its JSON quotes (escapes kept), a flag word's names joined by
    '|', a number as JSON writes it, null and absent empty.  `--json -e`
    gives, per object, the same values nested as in the whole JSON (one
    value, or the list of them when the path repeats).
(a') Every leaf path of the --json output (lists walked through) the same
    way: each path in the smallest capture that has it (one -T fields run
    per 64 paths), every object; the paths whose values the walk does not
    publish yet are listed in GAPS with the reason (a listed path that
    agrees fails too: take it off the list).
(b) Each -E option on one capture: header, separator (/t /s ',' and one
    character), quote (d s n), occurrence (f l a), aggregator.
(c) The usage errors: an unknown path names close ones, a nest is refused,
    -e without -T fields or --json, -T fields without -e, a bad -E.
jq is not used: the extraction is this file's own.
"""
import glob
import json
import os
import sys

import nltest
from nltest import check

NLDUMP, SRC = sys.argv[1:3]
nltest.setup('check_field_extract', NLDUMP)

# paths across protocols: the core's, rtnetlink, generic netlink (nlctrl,
# devlink, OVS, nl80211, wireguard), netfilter, sock_diag, xfrm, errors
PATHS = [
    'frame', 'index', 'time', 'time_epoch', 'dir', 'dir_inferred', 'proto', 'proto_id',
    'copy_of',
    'nlmsg.len', 'nlmsg.type', 'nlmsg.flags', 'nlmsg.flag_names', 'nlmsg.seq', 'nlmsg.pid',
    'genl.family', 'genl.id', 'genl.cmd', 'genl.cmd_id', 'genl.version',
    'error.code', 'error.name', 'error.request.nlmsg.type', 'error.ext_ack.msg',
    'status', 'dump_messages',
    'ifinfomsg.index', 'ifinfomsg.flags', 'attrs.ifname', 'attrs.mtu', 'attrs.address',
    'attrs.linkinfo.kind', 'attrs.operstate',
    'ifaddrmsg.prefixlen', 'attrs.local', 'rtmsg.dst_len', 'attrs.dst', 'attrs.gateway',
    'attrs.oif', 'tcmsg.ifindex', 'attrs.kind',
    'attrs.family_name', 'attrs.family_id', 'attrs.mcast_groups.name',
    'attrs.bus-name', 'attrs.dev-name',
    'ovs_header.dp_ifindex', 'attrs.key.in_port', 'attrs.actions.output',
    'attrs.wiphy', 'attrs.wiphy-name',
    'attrs.listen-port', 'attrs.peers.persistent-keepalive-interval',
    'nfgenmsg.res_id', 'attrs.table', 'attrs.chain',
    'inet_diag_msg.state', 'inet_diag_msg.id.sport',
    'usersa_info.id.proto', 'usersa_info.saddr',
]
PATHS += ['odp', 'rule', 'attrs.upcall_pid', 'attrs.name', 'attrs.ifindex',
          'inet_diag_msg.id.src', 'attrs.peers.public-key', 'tcmsg.handle',
          'unix_diag_msg.cookie', 'attrs.af_spec.inet.conf.forwarding']

# (a') leaf paths (error.request. taken off) whose values -T fields does
# not give: prefixes, each with why
GAPS = {
    # none left: a callback writes its values with nl_put_* (fieldev_put.c),
    # which publishes each as the field the JSON shows
}


def kinds():
    """path -> kinds --list-fields gives it (a flag word's names are one value)"""
    rc, out, _ = nltest.run(['--list-fields'])
    check(rc == 0, '--list-fields: exit 0')
    k = {}
    for line in out.splitlines():
        f = line.split('\t')
        k.setdefault(f[0], set()).update(f[1].split('|'))
    return k


KINDS = kinds()


def bare(path):
    """path without the echoed request's prefix (the registry's name)"""
    return path.removeprefix('error.request.')


def is_flags(path):
    return bool(KINDS.get(bare(path), set()) & {'flags', 'names', 'list of names'})


def leaves(v, path, out):
    """every leaf path of a JSON value (a flag word's names are a leaf)"""
    if isinstance(v, dict):
        for k, x in v.items():
            leaves(x, f'{path}.{k}' if path else k, out)
    elif isinstance(v, list) and not (v and is_flags(path) and
                                      all(isinstance(x, str) for x in v)):
        for x in v:
            leaves(x, path, out)
    else:
        out.add(path)


CONTAINERS = {'nest', 'struct', 'list', 'array'}


def extractable(path):
    """-e takes it: a known path of a value (a list of scalars or a struct
    shown as hex is named by its members only)"""
    k = KINDS.get(bare(path))
    return bool(k) and not k & CONTAINERS


def values(obj, path):
    """every value at path in a message object, in order"""
    parts = path.split('.')
    out = []

    def walk(v, i):
        if i == len(parts):
            if isinstance(v, list) and is_flags(path) and \
                    all(isinstance(x, str) for x in v):
                out.append(v)	# a flag word's names: one value
            elif isinstance(v, list):
                for x in v:
                    walk(x, i)
            elif not isinstance(v, dict):
                out.append(v)
            return
        if isinstance(v, dict):
            if parts[i] in v:
                walk(v[parts[i]], i + 1)
        elif isinstance(v, list):
            for x in v:
                walk(x, i)
    walk(obj, 0)
    return out


def text(v):
    """a value as -T fields writes it"""
    if v is None:
        return ''
    if v is True:
        return 'true'
    if v is False:
        return 'false'
    if isinstance(v, list):
        return '|'.join(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)[1:-1]
    return json.dumps(v)


def same_text(got, v):
    """got (a -T fields value) says v; a string may be escaped otherwise
    than Python escapes it: then compared decoded"""
    if got == text(v):
        return True
    if isinstance(v, str):
        try:
            return json.loads('"' + got + '"') == v
        except ValueError:
            return False
    return False


def column_ok(got, vals, agg=','):
    if len(vals) <= 1:
        return same_text(got, vals[0]) if vals else got == ''
    return got == agg.join(text(v) for v in vals) or \
        all(same_text(g, v) for g, v in zip(got.split(agg), vals)) and \
        len(got.split(agg)) == len(vals)


def nested(obj, paths, occ='a'):
    """what --json -e writes for obj"""
    res = {}
    for p in paths:
        vs = values(obj, p)
        if not vs:
            continue
        v = vs[0] if occ == 'f' else vs[-1] if occ == 'l' or len(vs) == 1 else vs
        d = res
        parts = p.split('.')
        for k in parts[:-1]:
            d = d.setdefault(k, {})
        d.setdefault(parts[-1], v)
    return res


def chunks(seq, n):
    return [seq[i:i + n] for i in range(0, len(seq), n)]


def run_ok(args, what):
    rc, out, err = nltest.run(args)
    check(rc == 0 and not err, f'{what}: exit {rc}, stderr {err[:200]!r}')
    return out


captures = sorted(glob.glob(os.path.join(SRC, 'captures', '*.pcap')) +
                  glob.glob(os.path.join(SRC, 'captures', 'cut', '*.pcap')),
                  key=lambda f: (os.path.getsize(f), f))
seen_paths = set()
leaf_done = set()	# (a'): each path in the smallest capture that has it
gaps_met = set()
for cap in captures:
    name = os.path.relpath(cap, SRC)
    objs = [json.loads(x) for x in run_ok(['-tt', '--json', '-r', cap], name).splitlines()]
    leaf = set()
    for obj in objs:
        leaves(obj, '', leaf)
    leaf = sorted(p for p in leaf - leaf_done if extractable(p))
    leaf_done.update(leaf)
    for paths in chunks(leaf, 64):
        args = ['-tt', '-r', cap, '-T', 'fields']
        for p in paths:
            args += ['-e', p]
        lines = run_ok(args, f'{name} -T fields (leaves)').split('\n')[:-1]
        check(len(lines) == len(objs), f'{name}: {len(lines)} lines, {len(objs)} objects')
        wrong = {}
        for obj, line in zip(objs, lines):
            for p, got in zip(paths, line.split('\t')):
                if p not in wrong and not column_ok(got, values(obj, p)):
                    wrong[p] = (obj['frame'], got[:80], values(obj, p)[:3])
        for p, w in wrong.items():
            gap = next((g for g in GAPS if bare(p).startswith(g)), None)
            gaps_met.add(gap)
            check(gap, f'{name} {p}: frame {w[0]} -T fields {w[1]!r}, JSON {w[2]!r}')
    for paths in chunks(PATHS, 64):
        args = ['-tt', '-r', cap]
        for p in paths:
            args += ['-e', p]
        lines = run_ok(args + ['-T', 'fields'], f'{name} -T fields').split('\n')[:-1]
        check(len(lines) == len(objs), f'{name}: {len(lines)} lines, {len(objs)} objects')
        bad = 0
        for obj, line in zip(objs, lines):
            cols = line.split('\t')
            if len(cols) != len(paths):
                bad += 1
                check(False, f'{name} frame {obj.get("frame")}: {len(cols)} columns')
                continue
            for p, got in zip(paths, cols):
                vals = values(obj, p)
                if vals:
                    seen_paths.add(p)
                if not column_ok(got, vals) and bad < 5:
                    bad += 1
                    check(False, f'{name} frame {obj["frame"]} index {obj["index"]} {p}: '
                          f'-T fields {got!r}, JSON {vals!r}')
        check(bad == 0, f'{name}: -T fields columns agree with --json')
        jl = run_ok(args + ['--json'], f'{name} --json -e').split('\n')[:-1]
        check(len(jl) == len(objs), f'{name}: --json -e {len(jl)} objects, {len(objs)}')
        bad = 0
        for obj, line in zip(objs, jl):
            want = nested(obj, paths)
            if json.loads(line) != want and bad < 5:
                bad += 1
                check(False, f'{name} frame {obj["frame"]}: --json -e {line[:300]}, '
                      f'expected {json.dumps(want)[:300]}')
        check(bad == 0, f'{name}: --json -e objects agree with --json')
stale = sorted(set(GAPS) - gaps_met)
check(not stale, f'GAPS that agree now (take them off): {stale}')
missing = [p for p in PATHS if p not in seen_paths]
check(not missing, f'paths no capture has (choose others): {missing}')

# (b) every -E option, on a capture whose paths repeat (nlctrl's groups)
cap = os.path.join(SRC, 'captures', 'genl_ctrl.pcap')
objs = [json.loads(x) for x in run_ok(['--json', '-r', cap], 'genl_ctrl').splitlines()]
SAFE = ['frame', 'nlmsg.type', 'attrs.family_id', 'attrs.mcast_groups.id']
check(any(len(values(o, SAFE[3])) > 1 for o in objs), f'{SAFE[3]} repeats in genl_ctrl')
for opts, sep, q, occ, agg, header in (
        ([], '\t', '', 'a', ',', False),
        (['-E', 'header=y'], '\t', '', 'a', ',', True),
        (['-E', 'separator=,', '-E', 'quote=d'], ',', '"', 'a', ',', False),
        (['-E', 'separator=/s', '-E', 'quote=s', '-E', 'header=y'], ' ', "'", 'a', ',', True),
        (['-E', 'separator=/t', '-E', 'quote=n'], '\t', '', 'a', ',', False),
        (['-E', 'separator=|'], '|', '', 'a', ',', False),
        (['-E', 'occurrence=f'], '\t', '', 'f', ',', False),
        (['-E', 'occurrence=l'], '\t', '', 'l', ',', False),
        (['-E', 'occurrence=a', '-E', 'aggregator=;'], '\t', '', 'a', ';', False),
        (['-E', 'aggregator=/s', '-E', 'header=n'], '\t', '', 'a', ' ', False)):
    args = ['-T', 'fields', '-r', cap] + opts
    for p in SAFE:
        args += ['-e', p]
    got = run_ok(args, ' '.join(opts)).split('\n')[:-1]
    want = [sep.join(q + p + q for p in SAFE)] if header else []
    for o in objs:
        cols = []
        for p in SAFE:
            vs = values(o, p)
            vs = vs[:1] if occ == 'f' else vs[-1:] if occ == 'l' else vs
            cols.append(q + agg.join(text(v) for v in vs) + q)
        want.append(sep.join(cols))
    diff = [(g, w) for g, w in zip(got, want) if g != w]
    check(len(got) == len(want) and not diff,
          f'-T fields {" ".join(opts)}: {len(got)} lines, {len(want)} expected; first '
          f'difference {diff[:1]!r}')
    if occ != 'a':	# --json -e: the one value
        jl = run_ok([a for a in args if a != 'fields' and a != '-T'] + ['--json'],
                    f'--json -e {" ".join(opts)}').split('\n')[:-1]
        check([json.loads(x) for x in jl] == [nested(o, SAFE, occ) for o in objs],
              f'--json -e {" ".join(opts)}: objects as expected')

# (c) usage errors: one line, exit 2
good = os.path.join(SRC, 'captures', 'cut', 'rtnl_link.pcap')
for args, line in (
        (['-T', 'fields', '-e', 'attrs.ifnme'],
         "nldump: -e: unknown field 'attrs.ifnme' (close: attrs.ifname, attrs.iifname, "
         "attrs.oifname, attrs.iface, attrs.ibname); see nldump --help\n"),
        (['-T', 'fields', '-e', 'no.such.thing.anywhere'],
         "nldump: -e: unknown field 'no.such.thing.anywhere' (--list-fields lists them); "
         "see nldump --help\n"),
        (['-T', 'fields', '-e', 'attrs.linkinfo'],
         "nldump: -e: 'attrs.linkinfo' is a nest: name one of its members (--list-fields); "
         "see nldump --help\n"),
        (['-e', 'nlmsg.type'], 'nldump: -e goes with -T fields or --json; see nldump --help\n'),
        (['-T', 'fields'], 'nldump: -T fields needs the fields to write: -e PATH '
         '(--list-fields names them); see nldump --help\n'),
        (['-T', 'fields', '-e', 'frame', '-v'],
         'nldump: -T fields does not go with -v, -q, -x or -T; see nldump --help\n'),
        (['-T', 'fields', '-e', 'frame', '-E', 'quote=x'],
         "nldump: -E: expected header=y|n, separator=/t|/s|C, quote=d|s|n, occurrence=f|l|a "
         "or aggregator=/s|C, got 'quote=x'; see nldump --help\n")):
    rc, out, err = nltest.run(args + ['-r', good])
    check(rc == 2 and out == '' and err == line,
          f'{args}: exit {rc}, stdout {out[:80]!r}, stderr {err!r}, expected {line!r}')

nltest.done()
