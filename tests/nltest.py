"""nltest.py - the one helper idiom of the python checks.

    import nltest
    from nltest import check, run

    nltest.setup('check_foo', nldump_path)
    rc, out, err = run(['-r', pcap])          # TZ=UTC LC_ALL=C, text
    check(rc == 0, 'foo: exit 0')
    nltest.done()                             # summary line, exit status

run() starts nldump with TZ=UTC and LC_ALL=C and counts a death by a
signal or a sanitizer report on its standard error as a failure (whatever
the caller checks next).
check() counts every check and every failure and prints each failure on
standard error.  done() prints "NAME: N checks, N failed" and exits 1 when
a check failed or when nothing was checked at all (a check that compared
nothing must not pass); skip() exits 77, which meson shows as SKIP.
"""
import glob
import os
import struct
import subprocess
import sys

ENV = dict(os.environ, TZ='UTC', LC_ALL='C')
NAME = os.path.basename(sys.argv[0]).removesuffix('.py')
NLDUMP = None
checks = 0
failures = []

SANITIZER_MARKS = ('Sanitizer', 'runtime error:')


def setup(name=None, nldump=None):
    """Name the check (for the summary line) and the nldump binary run() uses."""
    global NAME, NLDUMP
    if name:
        NAME = name
    if nldump:
        NLDUMP = nldump


def check(cond, what):
    """Count a check; print and record it when cond is false. Returns cond."""
    global checks
    checks += 1
    if not cond:
        failures.append(what)
        print('FAIL:', what, file=sys.stderr)
    return bool(cond)


def sanitizer_report(err):
    """True when a standard error text (str or bytes) holds an ASan/UBSan report."""
    if isinstance(err, bytes):
        err = err.decode('utf-8', 'replace')
    return any(m in err for m in SANITIZER_MARKS)


def run(args, stdin=subprocess.DEVNULL, data=None, timeout=600, text=True, nldump=None,
        what=None):
    """Run nldump ARGS; (exit status, stdout, stderr), str unless text=False.

    data: bytes fed on standard input (stdin is then a pipe).  A sanitizer
    report on standard error, or a death by a signal, is a failed check named
    by `what` (default: the arguments)."""
    cmd = [nldump or NLDUMP] + list(args)
    if cmd[0] is None:
        raise SystemExit(f'{NAME}: nltest.setup() was not given the nldump binary')
    if data is not None:
        p = subprocess.run(cmd, input=data, capture_output=True, env=ENV, timeout=timeout)
    else:
        p = subprocess.run(cmd, stdin=stdin, capture_output=True, env=ENV, timeout=timeout)
    what = what or ' '.join(map(str, args))
    if p.returncode < 0:
        check(False, f'{what}: killed by signal {-p.returncode}')
    if sanitizer_report(p.stderr):
        check(False, f'{what}: sanitizer report: {p.stderr[:2000]!r}')
    if text:
        return (p.returncode, p.stdout.decode('utf-8', 'replace'),
                p.stderr.decode('utf-8', 'replace'))
    return p.returncode, p.stdout, p.stderr


def skip(reason):
    """Nothing can be compared here: say why and exit 77 (meson: SKIP)."""
    print(f'{NAME}: SKIP: {reason}')
    sys.exit(77)


def need(items, what):
    """A loop about to check ITEMS must check something: fail when empty."""
    check(len(items) > 0, f'nothing to check: {what}')
    return items


def pcaps(args):
    """PCAP|DIR... (a DIR stands for its *.pcap, sorted) as a list of files;
    an empty list is a failed check."""
    out = []
    for a in args:
        out += sorted(glob.glob(os.path.join(a, '*.pcap'))) if os.path.isdir(a) else [a]
    return need(out, 'no capture in ' + ' '.join(args))


def done():
    """Print the summary and exit: 1 on a failure or with no check at all."""
    if checks == 0:
        print(f'{NAME}: FAIL: no check ran', file=sys.stderr)
        sys.exit(1)
    print(f'{NAME}: {checks} checks, {len(failures)} failed')
    sys.exit(1 if failures else 0)


# ---- building captures: records of a little-endian pcap with the 16-byte
# cooked netlink header (LINKTYPE_NETLINK 253), messages as the uapi
# headers lay them out (struct nlmsghdr, struct nlattr) ----

PCAP_HDR = struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 262144, 253)


def pcap_order(data, what):
    """'<' or '>': the byte order of a classic pcap file (micro- or
    nanosecond magic); SystemExit naming `what` for anything else."""
    magic = data[:4]
    if magic in (b'\xd4\xc3\xb2\xa1', b'\x4d\x3c\xb2\xa1'):
        return '<'
    if magic in (b'\xa1\xb2\xc3\xd4', b'\xa1\xb2\x3c\x4d'):
        return '>'
    raise SystemExit(f'{what}: not a classic pcap file')


def read_pcap(path):
    """(global header, [records]) of a little-endian classic pcap file; a
    record is its 16-byte header and its captured bytes."""
    with open(path, 'rb') as f:
        data = f.read()
    hdr, off, recs = data[:24], 24, []
    while off + 16 <= len(data):
        incl = struct.unpack_from('<I', data, off + 8)[0]
        recs.append(data[off:off + 16 + incl])
        off += 16 + incl
    return hdr, recs


def pcap_bytes(hdr, recs):
    return hdr + b''.join(recs)


def write_pcap(path, hdr, recs):
    with open(path, 'wb') as f:
        f.write(pcap_bytes(hdr, recs))


def first_type(rec):
    """(netlink protocol, nlmsg_type of the first message) of a record with
    the cooked header; the type is None when the record holds no nlmsghdr."""
    proto = struct.unpack_from('>H', rec, 16 + 14)[0]
    if len(rec) < 16 + 16 + 16:
        return proto, None
    return proto, struct.unpack_from('<H', rec, 16 + 16 + 4)[0]


def attr(t, payload):
    """One netlink attribute, padded to 4 bytes."""
    a = struct.pack('<HH', 4 + len(payload), t) + payload
    return a + b'\0' * (-len(a) % 4)


def nlmsg(typ, flags, seq, payload, pid=0):
    return struct.pack('<IHHII', 16 + len(payload), typ, flags, seq, pid) + payload


def frame(msg, t, proto=16):
    """A pcap record at second t: the cooked header (netlink protocol
    proto, generic netlink by default) and the message bytes."""
    cooked = struct.pack('>HHH8sH', 4, 824, 0, b'\0' * 8, proto)
    data = cooked + msg
    return struct.pack('<IIII', t, 0, len(data), len(data)) + data
