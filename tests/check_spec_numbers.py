#!/usr/bin/env python3
"""check_spec_numbers.py - every number of a generic netlink spec, derived
from the YAML by the kernel's rules and compared with the uAPI headers.

usage: check_spec_numbers.py [--uapi DIR]... [--overlay DIR] [--engine SPEC_DUMP]
                             [--complete PATH|FAMILY]... [--dump] SPEC.yaml|DIR...
       check_spec_numbers.py --selftest

For each spec (a file, or the *.yaml of a folder; of the netlink-raw specs
only the nfnetlink subsystems of NFNL_SUBSYS below) the overlays of
--overlay DIR with the same family name are merged in
(specs/README.md: entries matched by name, keys replaced, new attributes and
operations with an explicit value), then every number is derived:

  family NAME ID|-     ID only for the families genetlink.h gives a fixed id
  attr SET ATTR N      subsets take their parent's values
  op OP request N      number of the message to the kernel
  op OP reply N        number of the message from the kernel
  enum NAME ENTRY N    flags: the mask (1 << bit)
  const NAME N
  mcgrp NAME

Numbering (Documentation/userspace-api/netlink/specs.rst and
genetlink-legacy.rst of Linux 7.2): attributes and unified operations start
at 1 and take the previous value + 1 unless `value` says otherwise;
enum entries start at value-start (0), flags at bit value-start (0).
Directional operations count requests and replies apart: a do/dump
operation always takes a request number (the previous request + 1, or its
`request: value`), a reply number only when its do (else its dump) has a
reply (the previous reply + 1, or `reply: value`); notifications and events
take only a reply number (the previous reply + 1, or their `value`).  An
operation-level `value` on a directional do/dump operation (an overlay's way
to add a command) gives both numbers.  Unified operations carry their number
both ways, notifications and events from the kernel only.

Each derived number is then looked up in the spec's uAPI header (tests/uapi,
then tests/kheaders, or the --uapi folders; `uapi-header`, default linux/FAMILY.h, plus the headers definitions name and
what they include) under the C name the spec's naming rules give
(Documentation/userspace-api/netlink/c-code-gen.rst: name-prefix, enum-name,
c-family-name, c-define-name, defaults `$family-$enum-`, `$family-a-$set-`,
`$family-cmd-`, upper case, '-' -> '_').  A number that differs, or a C name
the header lacks, is a mismatch.  Where the header is hand-written and does
not follow the rules, the name is found by its tail: the one name ending in
_ENTRY (or HEAD_..._REST for HEAD_REST, or the same without underscores) in
the enum holding most of the group, preferring the prefix the group's other
names have there; upper case is compared without regard to case.  Entries
with no uAPI name at all, and those a kernel spec misnames, are listed in
SPEC_ONLY and MISNAMED below with the reason.  The family name and version
defines (c-family-name, else $family-FAMILY-NAME or $family-GENL-NAME if the
header has one; c-version-name) must hold the spec's name and version.

For the specs (files, folders or family names) given by --complete, every
enumerator of the header enums the spec uses must be in the spec too, but
counts (`__*`, `NUM_*`, `MAX_*`, `*_MAX`, `*_LAST`), UNSPEC, the value-0 NONE
and INVALID of attributes and commands, and aliases of enumerators the spec has.

With --engine, the engine's dump of each spec (`spec_dump [--overlay DIR]
SPEC`) must equal these lines.  --dump prints the derived lines instead of
checking.  Each spec (with its overlays) is also validated against its schema
(Documentation/netlink/<protocol>.yaml, copied to tests/uapi/schemas) with
python3-jsonschema, or without it with a small checker of the schema keywords
the netlink schemas use.

A netlink-raw spec of nfnetlink (protonum 12) numbers its operations by
the full nlmsg_type, subsystem << 8 | message: the message (low byte) is
compared with the header's NFT_MSG_* (nftables; its headers are
RAW_HEADERS'), and for the subsystems of NFNL_SUBSYS the subsystem is
compared with the NFNL_SUBSYS_* define of linux/netfilter/nfnetlink.h, the
message with the header's enum, and replies too (one enum names both ways).

Exit 0 when all agree, 1 with the mismatches listed, 77 (skip) without
python3-yaml or without a genetlink spec to check.
"""
import collections
import os
import re
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:
    print('check_spec_numbers: python3-yaml is not installed; skipped')
    sys.exit(77)

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from spec_schema import SCHEMA_DIR, mini_validate, validate  # noqa: E402
from uapi_header import Header  # noqa: E402
# the 7.2 uAPI headers, then the kernel-internal headers of the families
# that have no uAPI header (tests/kheaders/README.md)
DEFAULT_UAPI = [os.path.join(HERE, 'uapi'), os.path.join(HERE, 'kheaders')]

# kernel specs whose header is not among the 7.2 uAPI headers of the reference
NO_HEADER = {'drm-ras': 'drm/drm_ras.h: include/uapi/drm is not in the extract'}
# nfnetlink subsystems (netlink-raw specs, protonum 12): family -> the
# NFNL_SUBSYS_* define its message types carry in their high byte
NFNL_SUBSYS = {'conntrack': 'NFNL_SUBSYS_CTNETLINK', 'conntrack-exp': 'NFNL_SUBSYS_CTNETLINK_EXP',
               'nfqueue': 'NFNL_SUBSYS_QUEUE', 'nflog': 'NFNL_SUBSYS_ULOG',
               'osf': 'NFNL_SUBSYS_OSF', 'ipset': 'NFNL_SUBSYS_IPSET',
               'nfacct': 'NFNL_SUBSYS_ACCT', 'cttimeout': 'NFNL_SUBSYS_CTNETLINK_TIMEOUT',
               'cthelper': 'NFNL_SUBSYS_CTHELPER', 'nfhook': 'NFNL_SUBSYS_HOOK'}
# the headers of netlink-raw kernel specs that name none (uapi-header;
# the uAPI has no linux/FAMILY.h)
RAW_HEADERS = {
    'nftables': ['linux/netfilter/nf_tables.h', 'linux/netfilter/nf_tables_compat.h',
                 'linux/netfilter/nfnetlink.h', 'linux/netfilter.h',
                 'linux/netfilter/nf_nat.h', 'linux/netfilter/nf_synproxy.h',
                 'linux/netfilter/nf_conntrack_tuple_common.h'],
    'conntrack': ['linux/netfilter/nfnetlink_conntrack.h',
                  'linux/netfilter/nf_conntrack_common.h',
                  'linux/netfilter/nf_conntrack_tcp.h',
                  'linux/netfilter/nf_conntrack_sctp.h'],
}
# genetlink.h: the families registered with a fixed id (GENL_ID_*)
FIXED_IDS = {'nlctrl': 'GENL_ID_CTRL', 'VFS_DQUOT': 'GENL_ID_VFS_DQUOT',
             'pmcraid': 'GENL_ID_PMCRAID'}


# ---------------------------------------------------------------- specs

def c_upper(s):
    return s.upper().replace('-', '_')


def as_entry(e):
    return dict(e) if isinstance(e, dict) else {'name': str(e)}


def merge_by_name(base, extra, where, inner=None, need_value=False, errors=None):
    """Entries of `extra` replace the keys of the `base` entry of the same
    name, or are appended (with an explicit value when need_value)."""
    out = [as_entry(e) for e in base]
    index = {e['name']: i for i, e in enumerate(out)}
    for e in extra:
        e = as_entry(e)
        if e['name'] in index:
            b = out[index[e['name']]]
            for k, v in e.items():
                if inner and k == inner and k in b:
                    b[k] = merge_by_name(b[k], v, where + '/' + e['name'], errors=errors)
                else:
                    b[k] = v
        else:
            if need_value and 'value' not in e and errors is not None:
                errors.append('%s: overlay adds %s without an explicit value' % (where, e['name']))
            index[e['name']] = len(out)
            out.append(e)
    return out


def apply_overlay(spec, ov, errors):
    where = 'overlay ' + ov['name']
    for d in ov.get('definitions', []):
        defs = spec.setdefault('definitions', [])
        names = [x['name'] for x in defs]
        if d['name'] in names:
            b = defs[names.index(d['name'])]
            for k, v in d.items():
                if k in ('entries', 'members') and k in b:
                    b[k] = merge_by_name(b[k], v, where + '/' + d['name'], errors=errors)
                else:
                    b[k] = v
        else:
            defs.append(d)
    sets = spec.setdefault('attribute-sets', [])
    for s in ov.get('attribute-sets', []):
        names = [x['name'] for x in sets]
        if s['name'] in names:
            b = sets[names.index(s['name'])]
            for k, v in s.items():
                if k == 'attributes':
                    b[k] = merge_by_name(b.get(k, []), v, where + '/' + s['name'],
                                         need_value='subset-of' not in b, errors=errors)
                else:
                    b[k] = v
        else:
            sets.append(s)
    ops = ov.get('operations', {})
    if ops:
        base = spec.setdefault('operations', {'list': []})
        for k, v in ops.items():
            if k == 'list':
                base['list'] = merge_by_name(base.get('list', []), v, where + '/operations',
                                             need_value=True, errors=errors)
            else:
                base[k] = v
    if 'mcast-groups' in ov:
        base = spec.setdefault('mcast-groups', {'list': []})
        base['list'] = merge_by_name(base.get('list', []), ov['mcast-groups'].get('list', []),
                                     where + '/mcast-groups')


Row = collections.namedtuple('Row', 'line cname kind group short')


def derive(spec):
    """[Row]: the numbering dump of a spec; each line with the C name the
    uAPI header should hold its number under (None: not in the uAPI), the
    kind, the group (definition, set, or request/reply) and the entry's own
    name in C form (to find hand-written headers' names by their tail)."""
    fam = spec['name']
    out = [Row('family %s -' % fam, None, 'family', None, None)]
    for d in spec.get('definitions', []):
        t = d['type']
        uapi = d.get('scope', 'uapi') == 'uapi'
        if t == 'const':
            v = d.get('value')
            if isinstance(v, int):
                cname = c_upper(d.get('name-prefix', fam + '-') + d['name'])
                out.append(Row('const %s %d' % (d['name'], v), cname if uapi else None,
                               'const', d['name'], c_upper(d['name'])))
        elif t in ('enum', 'flags'):
            start = d.get('value-start', 0)
            if not isinstance(start, int):
                start = 0   # a literal initializer: compared by name only
            pfx = d.get('name-prefix', fam + '-' + d['name'] + '-')
            prev = None
            for e in d.get('entries', []):
                e = as_entry(e)
                v = e['value'] if 'value' in e else (prev + 1 if prev is not None else start)
                prev = v
                val = (1 << v) if t == 'flags' else v
                out.append(Row('enum %s %s %d' % (d['name'], e['name'], val),
                               c_upper(pfx + e['name']) if uapi else None, 'enum', d['name'],
                               c_upper(e['name'])))
    sets = {s['name']: s for s in spec.get('attribute-sets', [])}
    main_vals = {}
    for s in spec.get('attribute-sets', []):
        if 'subset-of' in s:
            continue
        if 'name-prefix' in s:
            pfx = s['name-prefix']
        elif s['name'] == fam:
            pfx = fam + '-a-'
        else:
            pfx = fam + '-a-' + s['name'] + '-'
        val = 1
        vals = main_vals.setdefault(s['name'], {})
        for a in s.get('attributes', []):
            if 'value' in a:
                val = a['value']
            vals[a['name']] = val
            out.append(Row('attr %s %s %d' % (s['name'], a['name'], val),
                           c_upper(a.get('name-prefix', pfx) + a['name']), 'attr', s['name'],
                           c_upper(a['name'])))
            val += 1
    for s in spec.get('attribute-sets', []):
        if 'subset-of' not in s:
            continue
        parent = s['subset-of']
        while parent in sets and 'subset-of' in sets[parent]:
            parent = sets[parent]['subset-of']
        for a in s.get('attributes', []):
            v = main_vals.get(parent, {}).get(a['name'])
            if 'value' in a and a['value'] != v:
                v = None    # a subset may repeat the value, not change it
            out.append(Row('attr %s %s %s' % (s['name'], a['name'], v if v is not None else '?'),
                           None, 'subset', s['name'], None))
    ops = spec.get('operations', {})
    opfx = ops.get('name-prefix', fam + '-cmd-')
    apfx = ops.get('async-prefix', opfx)
    directional = ops.get('enum-model') == 'directional'
    req = rsp = 1

    def op(o, way, v, cname):
        out.append(Row('op %s %s %d' % (o['name'], way, v), cname, 'op', way, c_upper(o['name'])))

    for o in ops.get('list', []):
        asyn = 'notify' in o or 'event' in o
        cname = c_upper((apfx if asyn else opfx) + o['name'])
        if not directional:
            if 'value' in o:
                req = o['value']
            if not asyn:
                op(o, 'request', req, cname)
            op(o, 'reply', req, cname)
            if asyn:
                out[-1] = out[-1]._replace(group='async')
            req += 1
            continue
        if asyn:
            if 'value' in o:
                rsp = o['value']
            op(o, 'reply', rsp, cname)
            out[-1] = out[-1]._replace(group='async')
            rsp += 1
            continue
        mode = o.get('do', o.get('dump', {})) or {}
        if 'value' in o:
            req = rsp = o['value']
        if 'value' in (mode.get('request') or {}):
            req = mode['request']['value']
        if 'value' in (mode.get('reply') or {}):
            rsp = mode['reply']['value']
        op(o, 'request', req, cname)
        req += 1
        if 'reply' in mode or 'value' in o:
            op(o, 'reply', rsp, cname)
            rsp += 1
    for g in spec.get('mcast-groups', {}).get('list', []):
        out.append(Row('mcgrp %s' % g['name'],
                       c_upper(g.get('c-define-name', fam + '-mcgrp-' + g['name'])),
                       'mcgrp', None, None))
    return out


def headers_of(spec):
    fam = spec['name']
    rels = []
    if 'uapi-header' in spec:
        rels.append(spec['uapi-header'])
    elif fam in RAW_HEADERS:
        rels += RAW_HEADERS[fam]
    else:
        rels += RAW_HEADERS.get(fam, ['linux/%s.h' % fam, 'linux/%s.h' % fam.replace('-', '_')])
    if fam in NFNL_SUBSYS:
        rels.append('linux/netfilter/nfnetlink.h')
    for d in spec.get('definitions', []) + spec.get('attribute-sets', []):
        if d.get('header'):
            rels.append(d['header'])
    return rels


# ---------------------------------------------------------------- checking

# Entries of specs with no uAPI name at all (checked by hand: the kernel
# uses them internally, or the spec gives a name to "not set" or to what
# the kernel puts under it)
SPEC_ONLY = {
    ('ovs_flow', 'enum ovs-frag-type any 255'): 'OVS_FRAG_TYPE_ANY: kernel-internal wildcard',
    ('tcp_metrics', 'const tcp-fastopen-cookie-max 16'): 'kernel-internal, no uAPI header has it',
    ('nl80211', 'enum feature-flags reserved 8192'): 'bit 13 of nl80211_feature_flags is unused',
    ('NET_DM', 'attr net-dm-attrs alert-msg 0'):
        'NET_DM_ATTR_UNSPEC: the summary alert puts its struct net_dm_alert_msg there',
    # nfnetlink.h: NFNL_MSG_BATCH_BEGIN = NLMSG_MIN_TYPE (16), END the next
    ('nftables', 'op batch-begin request 16'): 'NFNL_MSG_BATCH_BEGIN, NLMSG_MIN_TYPE',
    ('nftables', 'op batch-end request 17'): 'NFNL_MSG_BATCH_END, NLMSG_MIN_TYPE + 1',
}
# Entries a kernel spec misnames (a spec bug an overlay cannot fix: overlays
# match by name): the C name the number is checked under
MISNAMED = {
    # bit 31 is ND (net-detect) random MAC address support, not "no random"
    ('nl80211', 'enum feature-flags no-random-mac-addr 2147483648'): 'NL80211_FEATURE_ND_RANDOM_MAC_ADDR',
    # the nftables spec's own words for the header's names
    ('nftables', 'enum lookup-flags invert 1'): 'NFT_LOOKUP_F_INV',
    ('nftables', 'enum quota-flags invert 1'): 'NFT_QUOTA_F_INV',
    ('nftables', 'enum verdict-code queue 3'): 'NF_QUEUE',
    ('nftables', 'enum verdict-code return 4294967291'): 'NFT_RETURN',
    ('nftables', 'enum payload-base link-layer-header 0'): 'NFT_PAYLOAD_LL_HEADER',
    ('nftables', 'enum ct-direction original 0'): 'IP_CT_DIR_ORIGINAL',
    ('nftables', 'enum ct-direction reply 1'): 'IP_CT_DIR_REPLY',
    # conntrack.yaml: shortened names, the old 32-bit counters, SCTP states
    # named otherwise (1 is CLOSED), and message numbers under other names:
    # replies to get are IPCTNL_MSG_CT_NEW, get-stats is the per-cpu one
    ('conntrack', 'enum nf-ct-tcp-flags unacked 16'): 'IP_CT_TCP_FLAG_DATA_UNACKNOWLEDGED',
    ('conntrack', 'enum nf-ct-tcp-flags maxack 32'): 'IP_CT_TCP_FLAG_MAXACK_SET',
    ('conntrack', 'enum nf-ct-tcp-flags challenge-ack 64'): 'IP_CT_EXP_CHALLENGE_ACK',
    ('conntrack', 'enum nf-ct-tcp-flags simultaneous-open 128'): 'IP_CT_TCP_SIMULTANEOUS_OPEN',
    ('conntrack', 'enum nf-ct-sctp-state cloned 1'): 'SCTP_CONNTRACK_CLOSED',
    ('conntrack', 'enum nf-ct-sctp-state shutdown-received 6'): 'SCTP_CONNTRACK_SHUTDOWN_RECD',
    ('conntrack', 'enum nf-ct-sctp-state shutdown-heartbeat-sent 8'): 'SCTP_CONNTRACK_HEARTBEAT_SENT',
    ('conntrack', 'enum nf-ct-status seq-adj 64'): 'IPS_SEQ_ADJUST',
    ('conntrack', 'enum nf-ct-status nat-clash 4096'): 'IPS_UNTRACKED',
    ('conntrack', 'attr counter-attrs packets-old 3'): 'CTA_COUNTERS32_PACKETS',
    ('conntrack', 'attr counter-attrs bytes-old 4'): 'CTA_COUNTERS32_BYTES',
    ('conntrack', 'op get reply 256'): 'IPCTNL_MSG_CT_NEW',
    ('conntrack', 'op get-stats request 260'): 'IPCTNL_MSG_CT_GET_STATS_CPU',
    ('conntrack', 'op get-stats reply 260'): 'IPCTNL_MSG_CT_GET_STATS_CPU',
    ('conntrack', 'op get-stats-global request 261'): 'IPCTNL_MSG_CT_GET_STATS',
    ('conntrack', 'op get-stats-global reply 261'): 'IPCTNL_MSG_CT_GET_STATS',
}


def resolve(rows, hdr, directional, fam):
    """{row: C name} for the rows whose number the header holds: under the
    name the spec's rules give, or else (hand-written headers) the one name
    of the header ending in _ENTRY in the enum (or among the #defines) where
    most of the row's group is found."""
    found = {}
    pending = {}
    for r in rows:
        if r.cname is None:
            continue
        if r.kind == 'op' and directional and r.group == 'reply' and fam not in NFNL_SUBSYS:
            if r.cname + '_REPLY' in hdr.values:        # ethtool's generated kernel enum
                found[r] = r.cname + '_REPLY'
            continue    # hand-written headers: one enum names both ways
        if (fam, r.line) in MISNAMED:
            found[r] = MISNAMED[(fam, r.line)]
        elif r.cname in hdr.values:
            found[r] = r.cname
        elif r.cname in hdr.upper:      # the header spells a part in lower case (2x996)
            found[r] = hdr.upper[r.cname]
        elif r.short:
            pending.setdefault((r.kind, r.group), []).append(r)
    for key, group in pending.items():
        # the block: where the candidates share most of the spec's C names
        votes = collections.Counter()
        for r in rows:
            if r in found and (r.kind, r.group) == key:
                votes[hdr.block_of(found[r])] += len(r.cname) + 1
        cands = {r: hdr.by_suffix(r.short) for r in group}
        for r, cs in cands.items():
            best = {}
            for c in cs:
                b = hdr.block_of(c)
                best[b] = max(best.get(b, 0), len(os.path.commonprefix([c, r.cname])) + 1)
            votes.update(best)
        if not votes:
            continue
        block = votes.most_common(1)[0][0]
        # the prefix the header gives this group (learnt from the one-candidate rows)
        pfx = collections.Counter(found[r][:len(found[r]) - len(r.short)] for r in rows
                                  if r in found and (r.kind, r.group) == key and r.short and
                                  found[r].endswith(r.short))
        for r, cs in cands.items():
            cs = [c for c in cs if hdr.block_of(c) == block]
            if len(cs) == 1:
                pfx[cs[0][:len(cs[0]) - len(r.short)]] += 1
        for r, cs in cands.items():
            inblock = [c for c in cs if hdr.block_of(c) == block]
            own = [p + r.short for p, _ in pfx.most_common(1) if p + r.short in inblock]
            if own:
                found[r] = own[0]
            elif len(inblock) == 1:
                found[r] = inblock[0]
            elif not inblock and len(cs) == 1:     # the one name anywhere (an enum of its own)
                found[r] = cs[0]
    return found


def check_spec(spec, uapi, complete, problems, stats):
    """Compares a (merged) spec's numbers with its headers; appends
    problem lines; returns the derived dump lines."""
    fam = spec['name']
    hdr = Header()
    missing = [r for r in dict.fromkeys(headers_of(spec)) if not hdr.load(uapi, r)]
    if not hdr.files and fam not in NO_HEADER:
        problems.append('%s: no uAPI header (%s) in %s' % (fam, ', '.join(missing), ' '.join(uapi)))
    rows = derive(spec)
    directional = spec.get('operations', {}).get('enum-model') == 'directional'
    found = resolve(rows, hdr, directional, fam) if hdr.files else {}
    lines = []
    for r in rows:
        line = r.line
        if r.kind == 'family' and fam in FIXED_IDS:
            g = Header()
            g.load(uapi, 'linux/genetlink.h')
            idv = g.values.get(FIXED_IDS[fam])
            line = 'family %s %s' % (fam, idv if idv is not None else '?')
        lines.append(line)
        if r.kind == 'subset' and line.endswith(' ?'):
            problems.append('%s: %s: not in the set it is a subset of, or another value there' %
                            (fam, line))
        if r.cname is None or not hdr.files:
            continue
        if r.kind == 'mcgrp':
            v = hdr.values.get(r.cname)
            if v is not None and v != line.split()[1]:
                problems.append('%s: %s: header %s is "%s"' % (fam, line, r.cname, v))
            continue
        if r.kind == 'op' and directional and r.group == 'reply' and r not in found and \
                fam not in NFNL_SUBSYS:
            continue
        want = int(line.split()[-1])
        if r.kind == 'op' and fam in NFNL_SUBSYS:    # subsystem << 8 | message
            sub = hdr.values.get(NFNL_SUBSYS[fam])
            if want >> 8 != sub:
                problems.append('%s: %s: subsystem %d, header %s = %s' %
                                (fam, line, want >> 8, NFNL_SUBSYS[fam], sub))
            want &= 0xff
        elif r.kind == 'op' and spec.get('protocol') == 'netlink-raw':
            want &= 0xff    # the message; its subsystem is the high byte
        if r in found:
            stats['checked'] += 1
            stats['by tail'] += found[r] != r.cname
            have = hdr.values[found[r]]
            if isinstance(have, int) and have < 0 and want == have & 0xffffffff:
                have = want     # a negative enumerator the spec writes as u32 (NFT_JUMP)
            if have != want and hdr.values.get(found[r] + '_BIT') == want and have == 1 << want:
                pass    # an enum of bit numbers whose header names the masks (X = 1 << X_BIT)
            elif have != want:
                problems.append('%s: %s: header %s = %s' % (fam, line, found[r], have))
        elif want == 0 and r.short in ('NONE', 'UNSPEC', 'UNUSED'):
            stats['spec only'] += 1     # a name for "not set" the header leaves out
        elif (fam, line) in SPEC_ONLY:
            stats['spec only'] += 1
        else:
            problems.append('%s: %s: no %s in %s' % (fam, line, r.cname, ' '.join(hdr.files)))
    # the family name and version defines
    if hdr.files:
        cands = [c_upper(spec['c-family-name'])] if 'c-family-name' in spec else \
            [c_upper(fam + '-family-name'), c_upper(fam + '-genl-name')]
        have = [c for c in cands if c in hdr.values]
        if have and hdr.values[have[0]] != fam:
            problems.append('%s: family name: header %s is "%s"' % (fam, have[0], hdr.values[have[0]]))
        elif not have and 'c-family-name' in spec:
            problems.append('%s: family name: no %s in the header' % (fam, cands[0]))
        if 'version' in spec and 'c-version-name' in spec:
            v = hdr.values.get(c_upper(spec['c-version-name']))
            if v != spec['version']:
                problems.append('%s: version %s: header %s = %s' % (fam, spec['version'],
                                c_upper(spec['c-version-name']), v))
    if complete and hdr.files:
        check_complete(spec, rows, found, hdr, problems)
    return lines


# Enumerators no spec can have (check_complete): counts without the usual
# names, and ipset's commands of the ipset tool that never reach the kernel
NOT_IN_SPECS = {
    'NFPROTO_NUMPROTO': 'a count',
    'IPSET_CMD_RESTORE': 'ipset tool only', 'IPSET_CMD_HELP': 'ipset tool only',
    'IPSET_CMD_VERSION': 'ipset tool only', 'IPSET_CMD_QUIT': 'ipset tool only',
    'IPSET_CMD_COMMIT': 'ipset tool only',
}


def check_complete(spec, rows, found, hdr, problems):
    """Every enumerator of the header enums the spec's names fall in is in
    the spec (but aliases of those that are, counts, UNSPEC and value-0 NONE
    of sets and commands)."""
    fam = spec['name']
    covered = {}
    kinds = {}
    for r in rows:
        c = found.get(r)
        if c and c in hdr.enum_of:
            covered.setdefault(hdr.enum_of[c], set()).add(c)
            kinds[hdr.enum_of[c]] = r.kind
    for idx in covered:
        tag, entries = hdr.enums[idx]
        values = set(hdr.values[c] for c in covered[idx])
        for name, v in entries:
            if name in covered[idx] or v in values or name.startswith(('__', 'NUM_', 'MAX_')) or \
                    name.endswith(('_MAX', '_AFTER_LAST', '_LAST')) or name in NOT_IN_SPECS:
                continue
            if '_BIT_' in name and name.replace('_BIT_', '_', 1) in covered[idx]:
                continue    # the bit number of a mask the spec has (X_BIT_Y, X_Y)
            if name.endswith('_UNSPEC') or kinds[idx] in ('attr', 'op') and v == 0 and \
                    re.search(r'_(NONE|UNUSED|INVALID)$', name):
                continue
            problems.append('%s: header %s (%s) = %d is not in the spec' %
                            (fam, name, 'enum ' + tag if tag else 'its enum', v))


# ---------------------------------------------------------------- driver

def spec_files(paths):
    out = []
    for p in paths:
        if os.path.isdir(p):
            out += sorted(os.path.join(p, f) for f in os.listdir(p) if f.endswith('.yaml'))
        else:
            out.append(p)
    return out


def load(path):
    with open(path) as f:
        return yaml.safe_load(f)


def compare_engine(engine, overlay_dir, path, mine, problems):
    """The engine's dump of one spec (with its overlays) against ours."""
    cmd = [engine] + (['--overlay', overlay_dir] if overlay_dir else []) + [path]
    r = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, LC_ALL='C'))
    name = os.path.basename(path)
    if r.returncode != 0:
        problems.append('engine on %s: exit %d: %s' % (name, r.returncode, r.stderr.strip()[:300]))
        return
    eng = r.stdout.splitlines()
    if eng != sorted(set(eng)):
        problems.append('engine on %s: the dump is not sorted and deduplicated' % name)
    for l in sorted(set(mine) - set(eng))[:40]:
        problems.append('engine on %s lacks: %s' % (name, l))
    for l in sorted(set(eng) - set(mine))[:40]:
        problems.append('engine on %s has, this check does not: %s' % (name, l))


def run(args):
    uapi, overlay_dir, engine, dump = DEFAULT_UAPI, None, None, False
    complete, paths = [], []
    it = iter(args)
    for a in it:
        if a == '--uapi':
            uapi = (uapi if uapi is not DEFAULT_UAPI else []) + [next(it)]
        elif a == '--overlay':
            overlay_dir = next(it)
        elif a == '--engine':
            engine = next(it)
        elif a == '--complete':
            complete.append(next(it))
        elif a == '--dump':
            dump = True
        else:
            paths.append(a)
    overlays = {}
    problems = []
    if overlay_dir:
        for p in spec_files([overlay_dir]):
            ov = load(p)
            if not ov.get('overlay'):
                problems.append('%s: not an overlay (no `overlay: true`)' % p)
                continue
            overlays.setdefault(ov['name'], []).append((p, ov))
    complete_names = set(c for c in complete if not os.path.exists(c))
    complete = [c for c in complete if os.path.exists(c)]
    complete_files = set(os.path.abspath(p) for p in spec_files(complete))
    files = [p for p in spec_files(paths + complete)
             if load(p).get('protocol', 'genetlink').startswith('genetlink') or
             load(p).get('name') in RAW_HEADERS or
             (load(p).get('protonum') == 12 and load(p)['name'] in NFNL_SUBSYS)]
    files = list(dict.fromkeys(files))
    if not files:
        print('check_spec_numbers: no genetlink spec given; skipped')
        return 77
    all_lines = set()
    per_file = {}
    seen = set()
    stats = collections.Counter()
    for p in files:
        spec = load(p)
        for _, ov in overlays.get(spec['name'], []):
            apply_overlay(spec, ov, problems)
        validate(spec, p + ''.join(' + ' + o for o, _ in overlays.get(spec['name'], [])),
                 problems)
        seen.add(spec['name'])
        lines = check_spec(spec, uapi, os.path.abspath(p) in complete_files or
                           spec['name'] in complete_names, problems, stats)
        per_file[p] = sorted(set(lines))
        all_lines.update(lines)
    for name in overlays:
        if name not in seen:
            problems.append('overlay %s: no spec of that family among %s' % (name, ' '.join(paths)))
    lines = sorted(all_lines)
    if dump:
        sys.stdout.write(''.join(l + '\n' for l in lines))
        return 0
    if engine:
        for p, mine in per_file.items():
            compare_engine(engine, overlay_dir, p, mine, problems)
    for pr in problems:
        print(pr)
    print('check_spec_numbers: %d specs, %d lines; %d numbers found in the headers (%d by '
          'their tail), %d names for "not set" or listed as spec-only; %d mismatches' %
          (len(files), len(lines), stats['checked'], stats['by tail'], stats['spec only'],
           len(problems)))
    return 1 if problems else 0


# ---------------------------------------------------------------- selftest

SELF_HDR = '''
#define TOY_GENL_NAME "toy"
#define TOY_MCGRP_EVENTS "events"
#define TOY_MAX_THING 8
enum toy_color { TOY_COLOR_RED, TOY_COLOR_GREEN = 5, TOY_COLOR_BLUE, };
enum toy_flag { TOY_FLAG_A = 1 << 2, TOY_FLAG_B = 8 };
enum { TOY_A_UNSPEC, TOY_A_NAME, TOY_A_ID = 4, TOY_A_NEST, __TOY_A_MAX,
       TOY_A_MAX = __TOY_A_MAX - 1 };
enum { TOY_CMD_UNSPEC, TOY_CMD_GET, TOY_CMD_SET, TOY_CMD_EVENT = TOY_CMD_GET + 9 };
'''

SELF_SPEC = '''
name: toy
protocol: genetlink-c
doc: made up
c-family-name: toy-genl-name
definitions:
  - {name: max-thing, type: const, value: 8}
  - {name: color, type: enum, entries: [red, {name: green, value: 5}, blue]}
  - {name: flag, type: flags, value-start: 2, entries: [a, b]}
attribute-sets:
  - name: toy
    attributes:
      - {name: name, type: string}
      - {name: id, type: u32, value: 4}
      - {name: nest, type: nest, nested-attributes: toy}
  - name: small
    subset-of: toy
    attributes: [{name: id}]
operations:
  list:
    - {name: get, doc: get, attribute-set: toy, do: {request: {attributes: [id]}}}
    - {name: set, doc: set, attribute-set: toy, do: {request: {attributes: [id]}}}
    - {name: event, doc: ev, value: 10, attribute-set: toy, event: {attributes: [id]}}
mcast-groups:
  list: [{name: events}]
'''

SELF_WANT = '''attr small id 4
attr toy id 4
attr toy name 1
attr toy nest 5
const max-thing 8
enum color blue 6
enum color green 5
enum color red 0
enum flag a 4
enum flag b 8
family toy -
mcgrp events
op event reply 10
op get reply 1
op get request 1
op set reply 2
op set request 2
'''


def selftest():
    """The check passes on a matching toy spec and header, and fails on
    each kind of wrong number, a missing name and an overlay without a
    value."""
    fails = 0
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, 'uapi', 'linux'))
        with open(os.path.join(tmp, 'uapi', 'linux', 'toy.h'), 'w') as f:
            f.write(SELF_HDR)
        uapi = os.path.join(tmp, 'uapi')

        def attempt(text, expect_ok, why, overlay=None):
            nonlocal fails
            sp = os.path.join(tmp, 'toy.yaml')
            with open(sp, 'w') as f:
                f.write(text)
            args = ['--uapi', uapi, '--complete', sp]
            ovd = os.path.join(tmp, 'ov')
            if overlay:
                os.makedirs(ovd, exist_ok=True)
                with open(os.path.join(ovd, 'toy.yaml'), 'w') as f:
                    f.write(overlay)
                args += ['--overlay', ovd]
            import io
            import contextlib
            buf = io.StringIO()
            with contextlib.redirect_stdout(buf):
                rc = run(args)
            if (rc == 0) != expect_ok:
                fails += 1
                print('selftest FAILED (%s): exit %d\n%s' % (why, rc, buf.getvalue()))
            if overlay:
                os.unlink(os.path.join(ovd, 'toy.yaml'))
            return buf.getvalue()

        attempt(SELF_SPEC, True, 'the matching pair')
        got = derive(yaml.safe_load(SELF_SPEC))
        if ''.join(sorted(r.line + '\n' for r in got)) != SELF_WANT:
            fails += 1
            print('selftest FAILED: derived lines differ:\n' + ''.join(sorted(r.line + '\n' for r in got)))
        bad = [
            (SELF_SPEC.replace('{name: id, type: u32, value: 4}', '{name: id, type: u32}'), 'attr value'),
            (SELF_SPEC.replace('value: 10, ', ''), 'op value'),
            (SELF_SPEC.replace('value-start: 2, ', ''), 'flags bit'),
            (SELF_SPEC.replace('{name: green, value: 5}', 'green'), 'enum value'),
            (SELF_SPEC.replace('value: 8}', 'value: 9}'), 'const'),
            (SELF_SPEC.replace('[red,', '[red, yellow,'), 'C name missing'),
            (SELF_SPEC.replace('      - {name: nest, type: nest, nested-attributes: toy}\n', ''),
             'incomplete'),
            (SELF_SPEC.replace('name: toy\n', 'name: toy\nbogus: 1\n', 1), 'schema'),
            (SELF_SPEC.replace('- {name: get, ', '- {name: got, '), 'op C name'),
        ]
        for text, why in bad:
            attempt(text, False, why)
        short = SELF_SPEC.replace('      - {name: nest, type: nest, nested-attributes: toy}\n', '')
        attempt(short, True, 'overlay completing the set',
                overlay='name: toy\noverlay: true\nattribute-sets:\n'
                        '  - name: toy\n    attributes:\n'
                        '      - {name: nest, type: nest, nested-attributes: toy, value: 5}\n')
        attempt(short, False, 'overlay attribute without a value',
                overlay='name: toy\noverlay: true\nattribute-sets:\n'
                        '  - name: toy\n    attributes:\n'
                        '      - {name: nest, type: nest, nested-attributes: toy}\n')
        # the engine comparison: a stand-in engine printing the right lines,
        # then one with a wrong number
        for text, ok in [(SELF_WANT, True), (SELF_WANT.replace('toy id 4', 'toy id 5'), False)]:
            eng = os.path.join(tmp, 'engine')
            with open(eng, 'w') as f:
                f.write('#!/bin/sh\ncat <<"EOF"\n%sEOF\n' % text)
            os.chmod(eng, 0o755)
            sp = os.path.join(tmp, 'toy.yaml')
            with open(sp, 'w') as f:
                f.write(SELF_SPEC)
            import io
            import contextlib
            with contextlib.redirect_stdout(io.StringIO()):
                rc = run(['--uapi', uapi, '--engine', eng, sp])
            if (rc == 0) != ok:
                fails += 1
                print('selftest FAILED: engine comparison (%s) exit %d' % (ok, rc))
        # the fallback schema checker finds what the schema forbids
        with open(os.path.join(SCHEMA_DIR, 'genetlink-c.yaml')) as f:
            schema = yaml.safe_load(f)
        good = yaml.safe_load(SELF_SPEC)
        bad = yaml.safe_load(SELF_SPEC.replace('type: u32, value: 4', 'type: u33, value: 4')
                             .replace('doc: made up\n', ''))
        if mini_validate(schema, good, schema, '') or len(mini_validate(schema, bad, schema, '')) != 2:
            fails += 1
            print('selftest FAILED: mini_validate: %s' % mini_validate(schema, bad, schema, ''))
        h = Header()
        for expr, want in [('__TOY_A_MAX - 1', 5), ('(1U << 3) | 1', 9), ('_BITUL(4)', 16),
                           ('TOY_CMD_GET + 9', 10), ('(__u32)~0', -1)]:
            h.values.update({'__TOY_A_MAX': 6, 'TOY_CMD_GET': 1})
            if h.eval(expr) != want:
                fails += 1
                print('selftest FAILED: %s = %s, not %s' % (expr, h.eval(expr), want))
    print('selftest: %s' % ('ok' if not fails else '%d failed' % fails))
    return 1 if fails else 0


if __name__ == '__main__':
    if sys.argv[1:] == ['--selftest']:
        sys.exit(selftest())
    if len(sys.argv) < 2:
        sys.stderr.write(__doc__)
        sys.exit(2)
    sys.exit(run(sys.argv[1:]))
