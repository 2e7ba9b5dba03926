#!/usr/bin/env python3
"""check_rtnl_structs.py - rtnetlink parts that have a structure are decoded
by it, not shown as hex (issue 10): link port attributes by the master's
kind, qdisc options and xstats, action options, filter ematches and
counters.

Usage: check_rtnl_structs.py NLDUMP MKPCAP SRCDIR WORKDIR

Builds the crafted captures below from SRCDIR/*.hex (see each file's
comments for the frames), decodes them with --json and compares named
fields.  A frame or field that is missing fails, so does one left as hex.
"""
import json
import os
import subprocess
import sys

import nltest
from nltest import check

NLDUMP, MKPCAP, SRCDIR, WORK = sys.argv[1:5]
nltest.setup('check_rtnl_structs', NLDUMP)

# (capture, frame number or (frame, message index), path in the message's
# JSON, expected value).  Captures named rtnl_* are crafted (SRCDIR/*.hex),
# others are the real ones (SRCDIR/../*.pcap).
EXPECT = [
    # ip link set X type bridge_slave cost 100 learning off group_fwd_mask 0x4000
    ('rtnl_port_kinds', 1, 'attrs.linkinfo.kind', 'bridge_slave'),
    ('rtnl_port_kinds', 1, 'attrs.linkinfo.slave_data.cost', 100),
    ('rtnl_port_kinds', 1, 'attrs.linkinfo.slave_data.learning', 0),
    ('rtnl_port_kinds', 1, 'attrs.linkinfo.slave_data.group_fwd_mask', 0x4000),
    ('rtnl_port_kinds', 2, 'attrs.linkinfo.slave_data.queue_id', 2),
    ('rtnl_port_kinds', 2, 'attrs.linkinfo.slave_data.prio', -3),
    ('rtnl_port_kinds', 3, 'attrs.linkinfo.slave_data.table', 1001),
    # the master named by IFLA_INFO_SLAVE_KIND
    ('rtnl_port_kinds', 4, 'attrs.linkinfo.slave_data.state', 'forwarding'),
    ('rtnl_port_kinds', 4, 'attrs.linkinfo.slave_data.neigh_forward_grat', 1),
    # a kind that names no master: the bytes as they are
    ('rtnl_port_kinds', 5, 'attrs.linkinfo.slave_data', '0800010001000000'),

    # red: options and xstats
    ('rtnl_tc_qdisc', 1, 'attrs.options.parms.qth_max', 90000),
    ('rtnl_tc_qdisc', 1, 'attrs.options.parms.scell_log', 19),
    ('rtnl_tc_qdisc', 1, 'attrs.options.parms.flags', ['ecn', 'harddrop']),
    ('rtnl_tc_qdisc', 1, 'attrs.options.max_p', 42949673),
    ('rtnl_tc_qdisc', 1, 'attrs.options.flags.selector', ['ecn', 'harddrop', 'adaptative', 'nodrop']),
    ('rtnl_tc_qdisc', 1, 'attrs.options.early_drop_block', 10),
    ('rtnl_tc_qdisc', 1, 'attrs.options.mark_block', 11),
    ('rtnl_tc_qdisc', 2, 'attrs.xstats.marked', 8),
    ('rtnl_tc_qdisc', 2, 'attrs.stats2.app.early', 5),
    # cake: options, and statistics that are attributes with a nest per tin
    ('rtnl_tc_qdisc', 3, 'attrs.options.base_rate64', 12500000),
    ('rtnl_tc_qdisc', 3, 'attrs.options.diffserv_mode', 'diffserv4'),
    ('rtnl_tc_qdisc', 3, 'attrs.options.flow_mode', 'triple-isolate'),
    ('rtnl_tc_qdisc', 3, 'attrs.options.ack_filter', 'ack-filter'),
    ('rtnl_tc_qdisc', 3, 'attrs.options.atm', 'ptm'),
    ('rtnl_tc_qdisc', 3, 'attrs.options.overhead', -4),
    ('rtnl_tc_qdisc', 3, 'attrs.options.fwmark', 0xff00),
    ('rtnl_tc_qdisc', 4, 'attrs.xstats.memory_used', 4096),
    ('rtnl_tc_qdisc', 4, 'attrs.xstats.tin_stats.0.sent_bytes64', 1500),
    ('rtnl_tc_qdisc', 4, 'attrs.xstats.tin_stats.1.bulk_flows', 3),
    ('rtnl_tc_qdisc', 4, 'attrs.stats2.app.active_queues', 2),
    # fq_codel: options; xstats by their type (qdisc, class)
    ('rtnl_tc_qdisc', 5, 'attrs.options.memory_limit', 33554432),
    ('rtnl_tc_qdisc', 5, 'attrs.options.ce_threshold_mask', 0xfc),
    ('rtnl_tc_qdisc', 5, 'attrs.xstats.type', 'qdisc'),
    ('rtnl_tc_qdisc', 5, 'attrs.xstats.drop_overmemory', 9),
    ('rtnl_tc_qdisc', 6, 'attrs.xstats.type', 'class'),
    ('rtnl_tc_qdisc', 6, 'attrs.xstats.deficit', -100),
    ('rtnl_tc_qdisc', 6, 'attrs.xstats.drop_next', -7),
    # codel
    ('rtnl_tc_qdisc', 7, 'attrs.options.target', 5000),
    ('rtnl_tc_qdisc', 7, 'attrs.xstats.drop_next', -5),
    ('rtnl_tc_qdisc', 7, 'attrs.xstats.ce_mark', 9),

    # basic: extended matches, one per kind, and the filter's counters
    ('rtnl_tc_filter', 1, 'attrs.options.classid', '1:10'),
    ('rtnl_tc_filter', 1, 'attrs.options.ematches.tree_hdr.nmatches', 6),
    ('rtnl_tc_filter', 1, 'attrs.options.ematches.tree_list.0.kind', 'cmp'),
    ('rtnl_tc_filter', 1, 'attrs.options.ematches.tree_list.0.flags', ['and']),
    ('rtnl_tc_filter', 1, 'attrs.options.ematches.tree_list.0.cmp.val', 0x1234),
    ('rtnl_tc_filter', 1, 'attrs.options.ematches.tree_list.0.cmp.align', 'u16'),
    ('rtnl_tc_filter', 1, 'attrs.options.ematches.tree_list.0.cmp.layer', 'network'),
    ('rtnl_tc_filter', 1, 'attrs.options.ematches.tree_list.0.cmp.opnd', 'gt'),
    ('rtnl_tc_filter', 1, 'attrs.options.ematches.tree_list.1.flags', ['or', 'invert']),
    ('rtnl_tc_filter', 1, 'attrs.options.ematches.tree_list.1.nbyte.len', 4),
    ('rtnl_tc_filter', 1, 'attrs.options.ematches.tree_list.1.nbyte.pattern', 'c0a80001'),
    ('rtnl_tc_filter', 1, 'attrs.options.ematches.tree_list.2.u32.val', 0x160000),
    ('rtnl_tc_filter', 1, 'attrs.options.ematches.tree_list.2.u32.off', 20),
    ('rtnl_tc_filter', 1, 'attrs.options.ematches.tree_list.3.meta.hdr.left.id', 'nfmark'),
    ('rtnl_tc_filter', 1, 'attrs.options.ematches.tree_list.3.meta.rvalue', 42),
    ('rtnl_tc_filter', 1, 'attrs.options.ematches.tree_list.4.text.algo', 'kmp'),
    ('rtnl_tc_filter', 1, 'attrs.options.ematches.tree_list.4.text.pattern', 'hello'),
    ('rtnl_tc_filter', 1, 'attrs.options.ematches.tree_list.4.text.to_layer', 'transport'),
    ('rtnl_tc_filter', 1, 'attrs.options.ematches.tree_list.5.flags', ['simple']),
    ('rtnl_tc_filter', 1, 'attrs.options.ematches.tree_list.5.value', 100),
    ('rtnl_tc_filter', 1, 'attrs.options.pcnt.rhit', 3),
    # u32: a hit counter per key
    ('rtnl_tc_filter', 2, 'attrs.options.pcnt.rcnt', 10),
    ('rtnl_tc_filter', 2, 'attrs.options.pcnt.rhit', 4),
    ('rtnl_tc_filter', 2, 'attrs.options.pcnt.kcnts', [3, 1]),
    # the real capture's u32 dumps (rtnl.cmds: tc filter show dev dummy0):
    # one and two keys
    ('rtnl', (969, 2), 'attrs.options.pcnt.kcnts', [0]),
    ('rtnl', (969, 5), 'attrs.options.pcnt.kcnts', [0, 0]),
    ('rtnl', (1316, 2), 'attrs.options.pcnt.rcnt', 2),
    # flow
    ('rtnl_tc_filter', 3, 'attrs.options.keys', ['src', 'dst', 'proto-dst']),
    ('rtnl_tc_filter', 3, 'attrs.options.mode', 'hash'),
    ('rtnl_tc_filter', 3, 'attrs.options.baseclass', '1:1'),
    # a short cmp and stray bytes: marked where they are, the bytes shown
    ('rtnl_tc_filter', 4, 'attrs.options.ematches.tree_list.0.data', '0100000002000000'),
    ('rtnl_tc_filter', 4, 'attrs.options.ematches.rest', '050001'),
    ('rtnl_tc_filter', 4, 'malformed.0.at', 'attrs.options.ematches.tree_list[1]'),
    ('rtnl_tc_filter', 4, 'malformed.1.reason', 'ematch list: 3 bytes that are no attribute'),

    # skbedit: every option; its dump with tm and parms
    ('rtnl_tc_action', 1, 'attrs.tab.0.options.parms.action', 'pipe'),
    ('rtnl_tc_action', 1, 'attrs.tab.0.options.priority', '1:10'),
    ('rtnl_tc_action', 1, 'attrs.tab.0.options.queue_mapping', 3),
    ('rtnl_tc_action', 1, 'attrs.tab.0.options.mark', 0x20),
    ('rtnl_tc_action', 1, 'attrs.tab.0.options.mask', 0xff),
    ('rtnl_tc_action', 1, 'attrs.tab.0.options.ptype', 'host'),
    ('rtnl_tc_action', 1, 'attrs.tab.0.options.flags', ['inheritdsfield']),
    ('rtnl_tc_action', 1, 'attrs.tab.0.options.queue_mapping_max', 7),
    ('rtnl_tc_action', 2, 'attrs.tab.0.options.tm.install', 100),
    ('rtnl_tc_action', 2, 'attrs.tab.0.options.parms.index', 5),
    ('rtnl_tc_action', 2, 'attrs.tab.0.options.parms.refcnt', 1),
    # vlan, police, tunnel_key, ct
    ('rtnl_tc_action', 3, 'attrs.tab.0.options.parms.v_action', 'push'),
    ('rtnl_tc_action', 3, 'attrs.tab.0.options.push_vlan_protocol', 0x8100),
    ('rtnl_tc_action', 3, 'attrs.tab.1.options.tbf.action', 'drop'),
    ('rtnl_tc_action', 3, 'attrs.tab.1.options.tbf.rate.rate', 125000),
    ('rtnl_tc_action', 3, 'attrs.tab.1.options.result', 'pipe'),
    ('rtnl_tc_action', 3, 'attrs.tab.2.options.enc_ipv4_dst', '192.0.2.2'),
    ('rtnl_tc_action', 3, 'attrs.tab.2.options.enc_key_id', 42),
    ('rtnl_tc_action', 3, 'attrs.tab.2.options.enc_opts.geneve.class', 0x102),
    ('rtnl_tc_action', 3, 'attrs.tab.3.options.action', ['commit', 'nat']),
    ('rtnl_tc_action', 3, 'attrs.tab.3.options.zone', 5),
]

# frames crafted to be malformed; every other frame must have no marker
MARKED = {('rtnl_tc_filter', 4)}


def get(obj, path):
    for part in path.split('.'):
        if isinstance(obj, list) and part.isdigit() and int(part) < len(obj):
            obj = obj[int(part)]
        elif isinstance(obj, dict) and part in obj:
            obj = obj[part]
        else:
            return KeyError(part)
    return obj


def decode(name):
    if name.startswith('rtnl_'):
        src = os.path.join(SRCDIR, name + '.hex')
        pcap = os.path.join(WORK, name + '.pcap')
        subprocess.run([sys.executable, MKPCAP, src, pcap], check=True)
    else:
        pcap = os.path.join(SRCDIR, '..', name + '.pcap')
    rc, out, err = nltest.run(['--json', '-r', pcap], timeout=60)
    if not check(rc == 0, f'{name}: nldump exit {rc}: {err[:500]}'):
        nltest.done()
    msgs = {}
    for line in out.splitlines():
        m = json.loads(line)
        msgs[(m['frame'], m.get('index', 0))] = m
    return msgs


def main():
    os.makedirs(WORK, exist_ok=True)
    decoded = {}
    for cap, frame, path, want in nltest.need(EXPECT, 'no field listed'):
        if cap not in decoded:
            decoded[cap] = decode(cap)
        msg = decoded[cap].get(frame if isinstance(frame, tuple) else (frame, 0))
        got = get(msg, path) if msg is not None else KeyError(f'frame {frame}')
        if isinstance(got, KeyError):
            check(False, f'{cap} #{frame} {path}: missing ({got})')
        else:
            check(got == want, f'{cap} #{frame} {path}: {got!r}, expected {want!r}')
    for cap, msgs in decoded.items():
        if not cap.startswith('rtnl_'):
            continue    # the real captures have their own checks
        for (no, _), msg in msgs.items():
            if (cap, no) in MARKED:
                continue
            text = json.dumps(msg)
            check('malformed' not in text and '"unknown_' not in text,
                  f'{cap} #{no}: a malformed marker or unknown attribute')
    print(f'{len(EXPECT)} fields checked')
    nltest.done()


if __name__ == '__main__':
    main()
