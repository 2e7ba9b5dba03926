#!/usr/bin/env python3
"""check_filters.py NLDUMP SRCDIR OUTDIR - display filters (issue 14 item 1).

For each expression of EXPRS and every bundled capture (captures/*.pcap)
where it selects a message, and the smallest where it selects none, the
messages `nldump --json EXPR` writes are the ones this file's own
evaluator selects from the unfiltered `--json` objects (an independent
reading of the grammar: paths over the JSON members, arrays of repeats
flattened, a flag word's names one value; "!=": present and none equal;
any other comparison on a missing field false), and they are byte for
byte the unfiltered objects.  On one capture per expression (the smallest
where it selects some messages but not all) the one-line text, the -v
tree and -T paths give the same messages, -q counts them, and -w writes
the frames holding one, whole: read back, they are those frames' messages.
-c N stops after N frames holding a match.  ERRORS: bad expressions and
the one line each gets (column, close names, type mismatch).

Fails when there is nothing to compare.
"""
import glob
import ipaddress
import json
import math
import os
import re
import subprocess
import sys
from datetime import datetime
from decimal import Decimal

EXPRS = [
    # the examples
    'genl.family == "ovs_flow" and genl.cmd == "NEW"',
    'genl.family == "ovs_flow"',
    'nlmsg.type == "NEWLINK"',
    'error.code < 0',
    'error',
    'attrs.ifname matches "^veth"',
    'attrs.linkinfo.kind in {"vxlan" "geneve"}',
    'proto == "route" and not nlmsg.flags.multi',
    'nlmsg.pid == 1234',
    'attrs.dst in 10.0.0.0/8',
    'frame >= 100',
    'dir == "to_kernel"',
    # more, across protocols and kinds
    'nlmsg.flag_names contains "multi"',
    'error.code == 0 and error.request.nlmsg.type == "NEWROUTE"',
    'aevent_id.sa_id.proto == "esp"',
    'aevent_id.sa_id.daddr == 198.51.100.2',
    # callbacks' values (nl_put_*): xfrm algorithms and templates, mptcp
    # addresses, an nft hook number named by the chain's family
    'attrs.alg_aead.name == "rfc4106(gcm(aes))"',
    'attrs.tmpl.id.proto == "esp" and attrs.tmpl.mode == "tunnel"',
    'attrs.addr.addr4 in 192.0.2.0/24',
    'attrs.hook.num == "input"',
    'attrs.adt.data.ip.ipv4 in 192.0.2.0/24',
    'attrs.adt.data.port == 80 && attrs.adt.data.proto == 6',
    'attrs.bus-name == "netdevsim"',
    'genl.family == "nl80211" and genl.cmd matches "^(new|del)-"',
    'attrs.frame.subtype == "deauth" or attrs.frame.ies.ssid == "nllab-open"',
    'attrs.bss.channel == 11 and attrs.bss.information-elements.akm-suites == "PSK"',
    'attrs.address == 02:00:00:00:00:00',
    'attrs.af_spec.inet6.token == ::',
    'attrs.af_spec.inet6.flags contains "ready"',
    'nlmsg.seq > 100 and nlmsg.seq <= 200',
    '!(proto == "route") || index > 0',
    'attrs.ifname contains "br"',
    'nlmsg.flags.root',
    'copy_of',
    'time >= "2026-11-29T07:38:15"',
    'time < 1795937896',
    'proto_id != 0',
    'error.name == "EEXIST" or error.name == "ENOENT"',
    'nlmsg.len > 1000',
    'genl.family in {devlink ethtool wireguard}',
    'attrs.mtu >= 1500 and not attrs.mtu == 65536',
    'attrs.akm-suites contains "ac0f"',
    'nlmsg.pid != 0',
    'dir_inferred and dir == "to_user"',
    'attrs.cacheinfo.prefered == 0xffffffff',
    'error.code == -17',
    'proto == "sock_diag" and attrs.cgroup_id',
    'attrs.ifname == "lo" or (attrs.ifname == "eth0")',
    'nlmsg.type in {"NEWROUTE" "DELROUTE"} and attrs.dst != 0.0.0.0',
    'attrs.ifname != "lo"',
    # a callback's value (nft_compat's xtables info, xt_compat.c)
    'attrs.expressions.elem.data.info.origsrc_addr in 0.0.0.0/8',
    'attrs.bytecode.ops.addr in 127.0.0.0/8 or attrs.filter.k == 262144',
    'attrs.info.wscale.snd_wscale >= 7 and attrs.sockopt.is_icsk == 1',
    # ethtool bitsets: one value per bit, by name or number
    'attrs.active.bits == "rx-gro"',
    'attrs.wanted.mask contains "segmentation" or attrs.hw.mask == 32',
    # the transaction pairing's members (written after the walk)
    'txn.latency_us > 1000',
    'dump.messages >= 10',
    # decimal numbers: fixed-point values (emit_fixed's), an integer
    # against a fraction, the time in seconds
    'attrs.bss.signal-dbm < -30',
    'attrs.bss.signal-dbm >= -40.25 and attrs.bss.information-elements.rates == 5.5',
    'attrs.sta-info.tx-bitrate.bitrate-mbps in {5.5 11 24.0}',
    'attrs.sta-info.rx-bitrate.bitrate-mbps > 1.5',
    'attrs.mtu > 1499.5',
    'error.code <= -16.5',
    'time_epoch >= 1795939115.5',
    'time_epoch < 1795939115.696600',
]

# examples of the issue that select nothing in the bundled captures
NOTHING_OK = {'nlmsg.pid == 1234'}

# expression -> the one line on standard error (exit status 2)
ERRORS = [
    ('genl.famly == "ovs_flow"',
     'nldump: filter:1:1: unknown field "genl.famly"; did you mean genl.family?'),
    ('proto == "route" and genl.famly',
     'nldump: filter:1:22: unknown field "genl.famly"; did you mean genl.family?'),
    ('attrs.bss.signal-dbm == "-40.0"',
     'nldump: filter:1:25: type mismatch: attrs.bss.signal-dbm is fixed, compared with a '
     'string'),
    ('time_epoch > 1.1234567891',
     'nldump: filter:1:14: type mismatch: time_epoch is number, compared with a string'),
    ('nlmsg.pid == "x"',
     'nldump: filter:1:14: type mismatch: nlmsg.pid is u32, compared with a string'),
    ('attrs.ifname > 3',
     'nldump: filter:1:16: type mismatch: attrs.ifname is string, compared with a number'),
    ('nlmsg == 3',
     'nldump: filter:1:10: nlmsg is a struct: test its presence (a bare path), or a '
     "member's value"),
    ('nlmsg.type = 3',
     "nldump: filter:1:12: '=' is not an operator: compare with '=='"),
    ('(error',
     "nldump: filter:1:7: expected ')' (to close the '(' at column 1)"),
    ('error or',
     "nldump: filter:1:9: expected a field, 'not' or '(' and found the end"),
    ('attrs.ifname == "eth0',
     'nldump: filter:1:17: unterminated string'),
    ('attrs.dst in 10.0.0.0/33',
     'nldump: filter:1:23: bad prefix length (0 to 32)'),
    ('attrs.ifname matches "("',
     'nldump: filter:1:14: bad regular expression: '),
    ('error error',
     "nldump: filter:1:7: expected 'and', 'or' or the end: an operator is missing "
     "before this"),
    ('nlmsg.flags.multi == 1',
     'nldump: filter:1:19: nlmsg.flag_names.multi is a flag bit: test it bare '
     '(nlmsg.flag_names.multi, not nlmsg.flag_names.multi)'),
    ('', 'nldump: filter:1:1: empty expression'),
    # enum and flag names the field's tables do not have (every protocol's)
    ('nlmsg.flags.bogus',
     'nldump: filter:1:13: unknown bit "bogus" of nlmsg.flag_names; did you mean root, '
     'bulk or request?'),
    ('proto == "route" and attrs.operstate in {"UP" "dwn"}',
     'nldump: filter:1:47: unknown name "dwn" of attrs.operstate; did you mean UP, DOWN or '
     'active?'),
    ('error.request.attrs.operstate == "UPP"',
     'nldump: filter:1:34: unknown name "UPP" of error.request.attrs.operstate; did you mean '
     'UP, DOWN or UNKNOWN?'),
    # nlmsg.type and genl.cmd: a name no protocol's types (no family's
    # commands, the specs' included) have
    ('nlmsg.type == "NEWLNIK"',
     'nldump: filter:1:15: unknown message type "NEWLNIK"; did you mean NEWLINK, NEWNSID or '
     'DELLINK?'),
    ('error.request.nlmsg.type in {"NEWROUTE" "newroute"}',
     'nldump: filter:1:41: unknown message type "newroute"; did you mean NEWROUTE, DELROUTE or '
     'GETROUTE?'),
    ('genl.family == "ovs_flow" and genl.cmd == "BOGUS"',
     'nldump: filter:1:43: unknown command "BOGUS"; did you mean'),
]
# names the tables cannot all say, accepted: a callback's (SCTP states),
# a name as a number, contains; nlmsg.type and genl.cmd names of any
# protocol or family (a spec's command, another protocol's type)
ACCEPTED = ['inet_diag_msg.state == "cookie_wait"', 'attrs.operstate == "6"',
            'attrs.operstate contains "UPP"', 'nlmsg.type == "NEWSA"', 'nlmsg.type == "DONE"',
            'nlmsg.type == "BY_FAMILY"', 'genl.cmd == "get-device"', 'genl.cmd == "GETFAMILY"',
            'genl.cmd == "NEW"', 'nlmsg.type contains "NEWLNK"', 'genl.cmd == "200"']


def run(args, **kw):
    return subprocess.run(args, capture_output=True, **kw)


# ---- the expression, read again ----

TOK = re.compile(r'\s*(?:(?P<str>"(?:[^"\\]|\\.)*")|(?P<op>==|!=|<=|>=|&&|\|\||[<>!(){},])'
                 r'|(?P<word>[A-Za-z0-9_.:/-]+))')
KEYWORDS = {"and", "or", "not", "in", "contains", "matches"}


def tokens(s):
    out, pos = [], 0
    while pos < len(s):
        if not s[pos:].strip():
            break
        m = TOK.match(s, pos)
        if not m:
            raise ValueError("cannot read %r" % s[pos:])
        pos = m.end()
        if m.group("str"):
            out.append(("str", json.loads(m.group("str"))))
        elif m.group("op"):
            out.append(("op", m.group("op")))
        else:
            out.append(("word", m.group("word")))
    return out


def literal(t):
    kind, v = t
    if kind == "str":
        return ("str", v)
    if re.fullmatch(r"-?(0[xX][0-9a-fA-F]+|[0-9]+)", v):
        return ("num", int(v, 0))
    if re.fullmatch(r"-?[0-9]+\.[0-9]{1,9}", v):
        return ("num", Decimal(v))
    if re.fullmatch(r"([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}", v):
        return ("mac", v.lower())
    try:
        return ("net", ipaddress.ip_network(v, strict=False))
    except ValueError:
        return ("str", v)


class Parser:
    def __init__(self, s):
        self.t = tokens(s)
        self.i = 0

    def peek(self):
        return self.t[self.i] if self.i < len(self.t) else ("end", None)

    def take(self):
        t = self.peek()
        self.i += 1
        return t

    def is_(self, *ws):
        k, v = self.peek()
        return v in ws and (k == "op" or (k == "word" and v in KEYWORDS))

    def expr(self, ops=("or", "||")):
        sub = (lambda: self.expr(("and", "&&"))) if ops[0] == "or" else self.unary
        n = sub()
        while self.is_(*ops):
            self.take()
            n = (ops[0], n, sub())
        return n

    def unary(self):
        if self.is_("not", "!"):
            self.take()
            return ("not", self.unary())
        if self.is_("("):
            self.take()
            n = self.expr()
            assert self.take() == ("op", ")")
            return n
        path = self.take()[1]
        if self.is_("==", "!=", "<", "<=", ">", ">=", "contains", "matches"):
            op = self.take()[1]
            return ("test", path, op, [literal(self.take())])
        if self.is_("in"):
            self.take()
            if self.is_("{"):
                self.take()
                vals = []
                while not self.is_("}"):
                    t = self.take()
                    if t != ("op", ","):
                        vals.append(literal(t))
                self.take()
                return ("test", path, "in", vals)
            return ("test", path, "in", [literal(self.take())])
        return ("test", path, "present", [])


# ---- the evaluator over a --json object ----

def values(obj, parts, flags):
    """the values at parts: arrays of repeats flattened, a flag word's list
    of names one value"""
    if not parts:
        if isinstance(obj, list) and not flags:
            out = []
            for x in obj:
                out.extend(values(x, [], flags))
            return out
        return [obj]
    if isinstance(obj, list):
        out = []
        for x in obj:
            out.extend(values(x, parts, flags))
        return out
    if isinstance(obj, dict) and parts[0] in obj:
        return values(obj[parts[0]], parts[1:], flags)
    return []


def epoch(s):
    return datetime.strptime(s[:19], "%Y-%m-%dT%H:%M:%S").timestamp() - \
        datetime(1970, 1, 1).timestamp()


def cmp(v, lit, path):
    """-1, 0, 1, or None (not comparable)"""
    k, x = lit
    if path == "time" and k == "num":
        v = math.floor(epoch(v))
    if isinstance(v, bool) or v is None:
        return None
    if k == "num":
        return (v > x) - (v < x) if isinstance(v, (int, Decimal)) else None
    if k == "str":
        return (v > x) - (v < x) if isinstance(v, str) else None
    if not isinstance(v, str):
        return None
    if k == "mac":
        return 0 if v.lower() == x else 1
    try:
        a = ipaddress.ip_address(v)
    except ValueError:
        return None
    if a.version != x.version:
        return None
    return 0 if a in x else 1


class Eval:
    def __init__(self, kinds):
        self.kinds = kinds

    def flags(self, path):
        p = path
        while p.startswith("error.request."):
            p = p[len("error.request."):]
        return "flags" in self.kinds.get(p, ())

    def bit(self, path):
        """PATH.NAME of a flag word: (the word's path, NAME), or None"""
        if path in self.kinds or "." not in path:
            return None
        head, name = path.rsplit(".", 1)
        if self.flags(head):
            return head, name
        if head.endswith("flags") and self.flags(head[:-5] + "flag_names"):
            return head[:-5] + "flag_names", name
        return None

    def test(self, o, path, op, lits):
        b = self.bit(path)
        if b:
            return any(b[1] in v for v in values(o, b[0].split("."), True)
                       if isinstance(v, list))
        vs = values(o, path.split("."), self.flags(path))
        if path == "time_epoch":	# -tt's number, from the time (--json has no -tt)
            vs = [Decimal(round(epoch(o["time"]))) + Decimal("0." + o["time"][20:26])]
        vs = [v for v in vs if v is not False]
        if op == "present":
            return bool(vs)
        if op == "!=":
            return bool(vs) and not any(cmp(v, lits[0], path) == 0 for v in vs)
        for v in vs:
            if op in ("==", "in") and any(cmp(v, lit, path) == 0 for lit in lits):
                return True
            c = cmp(v, lits[0], path) if op in ("<", "<=", ">", ">=") else None
            if c is not None and {"<": c < 0, "<=": c <= 0, ">": c > 0, ">=": c >= 0}[op]:
                return True
            if op == "contains":
                if isinstance(v, list) and lits[0][1] in v:
                    return True
                if isinstance(v, str) and lits[0][1] in v:
                    return True
            if op == "matches" and isinstance(v, str) and re.search(lits[0][1], v):
                return True
        return False

    def __call__(self, n, o):
        if n[0] == "and":
            return self(n[1], o) and self(n[2], o)
        if n[0] == "or":
            return self(n[1], o) or self(n[2], o)
        if n[0] == "not":
            return not self(n[1], o)
        return self.test(o, n[1], n[2], n[3])


# ---- the checks ----

def tree_blocks(text):
    """-v output: one block per message (its summary line, then its
    indented lines)"""
    out = []
    for line in text.splitlines(True):
        if line.startswith((" ", "\t")) and out:
            out[-1] += line
        else:
            out.append(line)
    return out


def main():
    nldump, src, outdir = sys.argv[1:4]
    os.makedirs(outdir, exist_ok=True)
    fails = []
    env = dict(os.environ, TZ="UTC", LC_ALL="C")
    kinds = {}
    for line in run([nldump, "--list-fields"], env=env, text=True).stdout.splitlines():
        f = line.split("\t")
        kinds.setdefault(f[0], set()).add(f[1])
    ev = Eval(kinds)
    # smallest first: the capture an expression's other modes are checked
    # on is the smallest where it selects some messages but not all
    caps = sorted(glob.glob(os.path.join(src, "captures", "*.pcap")),
                  key=lambda f: (os.path.getsize(f), f))
    full = {}
    for cap in caps:
        lines = run([nldump, "-r", cap, "--json"], env=env).stdout.decode().splitlines(True)
        # decimals exactly (a fixed-point value: -40.0, 5.5)
        full[cap] = (lines, [json.loads(x, parse_float=Decimal) for x in lines])
    compared = 0
    whole_text, hexes = {}, {}
    for expr in EXPRS:
        tree = Parser(expr).expr()
        picked = None
        empty_run = False
        for cap in caps:
            lines, objs = full[cap]
            want = [i for i, o in enumerate(objs) if ev(tree, o)]
            # a capture where nothing matches: the first one only (the
            # same code path, a field absent or no value equal)
            if not want and empty_run:
                continue
            empty_run = empty_run or not want
            r = run([nldump, "-r", cap, "--json", expr], env=env)
            got = r.stdout.decode().splitlines(True)
            name = os.path.basename(cap)
            if r.returncode:
                fails.append("%s on %s: exit %d: %s" % (expr, name, r.returncode,
                                                        r.stderr.decode().strip()))
                continue
            if got != [lines[i] for i in want]:
                gk = [(json.loads(x)["frame"], json.loads(x)["index"]) for x in got]
                wk = [(objs[i]["frame"], objs[i]["index"]) for i in want]
                fails.append("%s on %s: --json gives %d messages, the JSON selection %d "
                             "(first apart: nldump %s, python %s)" %
                             (expr, name, len(got), len(want),
                              sorted(set(gk) - set(wk))[:3], sorted(set(wk) - set(gk))[:3]))
            compared += 1
            if picked is None and 0 < len(want) < len(objs):
                picked = (cap, want)
        if picked is None and expr in NOTHING_OK:
            continue
        if picked is None:
            fails.append("%s: selects nothing (or everything) on every capture" % expr)
            continue
        cap, want = picked
        name = os.path.basename(cap)
        lines, objs = full[cap]
        # one-line text and -v: the same messages' lines as without the filter
        for mode in ([], ["-v"]):
            key = (cap, tuple(mode))
            if key not in whole_text:
                whole_text[key] = run([nldump, "-r", cap] + mode, env=env).stdout.decode()
            whole = whole_text[key]
            got = run([nldump, "-r", cap] + mode + [expr], env=env).stdout.decode()
            blocks = tree_blocks(whole) if mode else whole.splitlines(True)
            if len(blocks) != len(objs):
                fails.append("%s %s: %d messages in text, %d in JSON" %
                             (name, mode, len(blocks), len(objs)))
            elif got != "".join(blocks[i] for i in want):
                fails.append("%s on %s %s: not the lines of the messages selected" %
                             (expr, name, " ".join(mode) or "(one line)"))
        # -T paths: the lines of the messages selected
        r = run([nldump, "-r", cap, "-T", "paths", expr], env=env).stdout.decode()
        keys = {tuple(int(x) for x in line.split("\t")[:2]) for line in r.splitlines()}
        wk = {(objs[i]["frame"], objs[i]["index"]) for i in want}
        if not keys <= wk or len({k[0] for k in keys}) != len({k[0] for k in wk}):
            fails.append("%s on %s: -T paths shows other messages" % (expr, name))
        # -q: the counts
        frames = sorted({objs[i]["frame"] for i in want})
        r = run([nldump, "-r", cap, "-q", expr], env=env).stdout.decode()
        if not r.startswith("%d frames, %d messages matched" % (len(frames), len(want))):
            fails.append("%s on %s -q: %r, want %d frames, %d messages" %
                         (expr, name, r.strip(), len(frames), len(want)))
        # -w: the frames holding a match, whole, and the family map
        out = os.path.join(outdir, "cut.pcapng")
        # (what a run learns from frames not written, interface names and
        # ethtool's string sets, is not in the file: the bytes, the time and
        # the family names are compared)
        r = run([nldump, "-r", cap, "-q", "-w", out, expr], env=env)
        back = run([nldump, "-r", out, "--json", "-x"], env=env).stdout.decode().splitlines()
        back = [json.loads(b) for b in back]
        if cap not in hexes:
            hexes[cap] = [json.loads(x) for x in
                          run([nldump, "-r", cap, "--json", "-x"], env=env).stdout.splitlines()]
        wobjs = [o for o in hexes[cap] if o["frame"] in set(frames)]
        same = [(o["time"], o.get("hex"), o.get("genl", {}).get("family")) for o in wobjs]
        if r.returncode or len(back) != len(wobjs):
            fails.append("%s on %s -w: %d messages read back, want %d" %
                         (expr, name, len(back), len(wobjs)))
        elif same != [(o["time"], o.get("hex"), o.get("genl", {}).get("family")) for o in back]:
            fails.append("%s on %s -w: the frames read back are not those frames" %
                         (expr, name))
        # -c 2: the first two frames holding a match
        r = run([nldump, "-r", cap, "--json", "-c", "2", expr], env=env).stdout.decode()
        got = sorted({json.loads(x)["frame"] for x in r.splitlines()})
        if got != frames[:2]:
            fails.append("%s on %s -c 2: frames %s, want %s" % (expr, name, got, frames[:2]))
    # the same selection by enum number and by name; -Y and the trailing form
    rt = os.path.join(src, "captures", "rtnl.pcap")
    a = run([nldump, "-r", rt, "--json", "nlmsg.type == 16"], env=env).stdout
    b = run([nldump, "-r", rt, "--json", "-Y", 'nlmsg.type == "NEWLINK"'], env=env).stdout
    c = run([nldump, "-r", rt, "--json", "nlmsg.type", "==", "NEWLINK"], env=env).stdout
    if not a or a != b or a != c:
        fails.append("nlmsg.type == 16, -Y 'nlmsg.type == \"NEWLINK\"' and the words "
                     "nlmsg.type == NEWLINK select otherwise")
    r = run([nldump, "-r", rt, "-Y", "error", "error"], env=env)
    if r.returncode != 2 or b"give the filter once" not in r.stderr:
        fails.append("-Y with a trailing expression: %r" % r.stderr)
    for expr, want in ERRORS:
        r = run([nldump, "-r", rt, "-Y", expr], env=env)
        err = r.stderr.decode().rstrip("\n")
        if r.returncode != 2 or not err.startswith(want) or "\n" in err or r.stdout:
            fails.append("error for %r: exit %d, %r; want %r" % (expr, r.returncode, err, want))
    small = os.path.join(src, "captures", "cut", "rtnl_link.pcap")
    for expr in ACCEPTED:
        r = run([nldump, "-r", small, "-q", "-Y", expr], env=env)
        if r.returncode != 0 or r.stderr:
            fails.append("%r refused: exit %d, %r" % (expr, r.returncode, r.stderr))
    if not compared:
        fails.append("nothing compared")
    for f in fails:
        print("FAIL", f)
    print("%d expressions on %d captures, %d errors checked: %s" %
          (len(EXPRS), len(caps), len(ERRORS), "FAIL" if fails else "ok"))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
