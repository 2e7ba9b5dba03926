#!/usr/bin/env python3
"""Compare nldump's decoding of sock_diag replies with what ss printed.

For captures/sock_diag.pcap and its truth files (ss ran during the
capture, so the dumps it printed from are in it):
  ss-tanpie.txt  every TCP socket: state, local and peer address:port,
                 inode (ss -e's ino:N)
  ss-uanp.txt    every UDP socket: state, local and peer address:port
  ss-raw.txt     every raw socket: state, local and peer (ss names the
                 protocol as the port: icmp 1, ipv6-icmp 58)
  ss-xa.txt      every unix socket: netid, state, name, inode, peer inode
  ss-packet.txt  every packet socket: netid, protocol:interface
  ss-netlink.txt every netlink socket (none on that machine: the kernel
                 had no netlink_diag, and ss printed only its header)
each found among nldump's one-line summaries of the replies (the words
ss uses: "tcp ESTAB 127.0.0.1:42764 127.0.0.1:8082 ino 9933"), after
ss's spellings of the IPv6 wildcard ("[::]" and "*") are made one.
Also: no sock_diag message of the capture has an unknown attribute, an
undecoded payload or a malformed marker (--json), and every message is
named (no "type N").

usage: check_sockdiag_truth.py NLDUMP CAPTURES_DIR
Exit 0 when everything agrees; a truth file with no socket and a run that
compares nothing fail.
"""
import json
import os
import re
import sys

import nltest
from nltest import check

NLDUMP, CAPDIR = sys.argv[1:3]
nltest.setup('check_sockdiag_truth', NLDUMP)
PCAP = os.path.join(CAPDIR, 'sock_diag.pcap')
TRUTH = os.path.join(CAPDIR, 'sock_diag.truth')
SERVICES = {'icmp': '1', 'ipv6-icmp': '58'}


def norm(ep):
    """An ss address:port as the summary writes it."""
    host, _, port = ep.rpartition(':')
    if host in ('[::]', '*'):
        host = '*'
    return host + ':' + SERVICES.get(port, port)


def summaries():
    rc, out, err = nltest.run(['-r', PCAP])
    check(rc == 0 and not err, 'nldump -r sock_diag.pcap: exit %d %s' % (rc, err[:200]))
    # without the request a reply answers (" reply to #N +T ms")
    lines = [re.sub(r' reply to #\d+ .*$', '', l.split('] ', 1)[1]) for l in out.splitlines()
             if ' < sock_diag BY_FAMILY ' in l and '] ' in l]
    check(lines, 'sock_diag.pcap: no sock_diag reply')
    return lines


def rows(name, netid):
    """The socket lines of an ss output (no header, no continuation)."""
    path = os.path.join(TRUTH, name)
    with open(path) as f:
        lines = f.read().splitlines()
    out = [l.split() for l in lines[1:] if l and not l[0].isspace()]
    if netid:
        out = [r for r in out if r and r[0].startswith(netid)]
    return out


def find(lines, want, what):
    check(any(re.search(want, l) for l in lines), '%s: not in the replies (%s)' % (what, want))


def inet(lines, name, proto):
    socks = rows(name, None)
    check(socks, '%s: no socket' % name)
    for r in socks:
        state, local, peer = r[0], norm(r[3]), norm(r[4])
        ino = next((x[4:] for x in r if x.startswith('ino:')), None)
        want = r'^%s %s %s %s' % (proto, re.escape(state), re.escape(local), re.escape(peer))
        # ss's peer of a v6only listener is [::]:*, nldump's *:*: both normalised
        if ino and ino != '0':
            want += r' ino %s ' % ino
        find([l.replace('[::]', '*') for l in lines], want, '%s %s' % (name, ' '.join(r[:5])))


def unix(lines):
    socks = rows('ss-xa.txt', 'u_')
    check(socks, 'ss-xa.txt: no socket')
    for r in socks:
        netid, state, name, ino, peer = r[0], r[1], r[4], r[5], r[7]
        want = r'^%s %s %s ino %s' % (netid, state, re.escape(name), ino)
        if peer != '0':
            want += r' peer %s$' % peer
        else:
            want += '$'
        find(lines, want, 'ss-xa.txt ' + ' '.join(r))


def packet(lines):
    socks = rows('ss-packet.txt', 'p_')
    check(socks, 'ss-packet.txt: no socket')
    for r in socks:
        find(lines, r'^%s %s ino \d+$' % (r[0], re.escape(r[4])), 'ss-packet.txt ' + ' '.join(r))


def netlink(lines):
    socks = rows('ss-netlink.txt', None)
    # the truth has the header alone: the kernel could not list them
    check(not socks and not any(l.startswith('nl ') for l in lines),
          'ss-netlink.txt: %d sockets, %d netlink replies' % (len(socks), len(lines)))


def clean():
    rc, out, err = nltest.run(['-r', PCAP, '--json'])
    check(rc == 0, 'nldump --json: exit %d' % rc)
    n = 0
    for l in out.splitlines():
        o = json.loads(l)
        if o.get('proto') != 'sock_diag':
            continue
        n += 1
        text = l
        for bad in ('"unknown_', '"payload"', '"unparsed"', 'malformed'):
            check(bad not in text, 'frame %s: %s' % (o.get('frame'), bad))
    check(n > 100, 'sock_diag.pcap: %d sock_diag messages' % n)
    rc, out, err = nltest.run(['-r', PCAP])
    for l in out.splitlines():
        if ' sock_diag ' in l:
            check(' type ' not in l.split(' seq ')[0], 'unnamed message: ' + l)


if not os.path.exists(PCAP):
    nltest.skip('no sock_diag.pcap')
lines = summaries()
inet(lines, 'ss-tanpie.txt', 'tcp')
inet(lines, 'ss-uanp.txt', 'udp')
inet(lines, 'ss-raw.txt', 'raw')
unix(lines)
packet(lines)
netlink(lines)
clean()
nltest.done()
