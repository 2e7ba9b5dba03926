"""nltest.py - the one helper idiom of the python checks.

    import nltest
    from nltest import check, run

    nltest.setup('check_foo', nldump_path)
    rc, out, err = run(['-r', pcap])          # TZ=UTC LC_ALL=C, text
    check(rc == 0, 'foo: exit 0')
    nltest.done()                             # summary line, exit status

run() starts nldump with TZ=UTC and LC_ALL=C and counts a sanitizer report
on its standard error as a failure (whatever the caller checks next).
check() counts every check and every failure and prints each failure on
standard error.  done() prints "NAME: N checks, N failed" and exits 1 when
a check failed or when nothing was checked at all (a check that compared
nothing must not pass); skip() exits 77, which meson shows as SKIP.
"""
import os
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
    report on standard error is a failed check named by `what` (default:
    the arguments)."""
    cmd = [nldump or NLDUMP] + list(args)
    if cmd[0] is None:
        raise SystemExit(f'{NAME}: nltest.setup() was not given the nldump binary')
    if data is not None:
        p = subprocess.run(cmd, input=data, capture_output=True, env=ENV, timeout=timeout)
    else:
        p = subprocess.run(cmd, stdin=stdin, capture_output=True, env=ENV, timeout=timeout)
    if sanitizer_report(p.stderr):
        check(False, f'{what or " ".join(map(str, args))}: sanitizer report: '
              f'{p.stderr[:2000]!r}')
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


def done():
    """Print the summary and exit: 1 on a failure or with no check at all."""
    if checks == 0:
        print(f'{NAME}: FAIL: no check ran', file=sys.stderr)
        sys.exit(1)
    print(f'{NAME}: {checks} checks, {len(failures)} failed')
    sys.exit(1 if failures else 0)
