#!/usr/bin/env python3
"""check_options.py - the command line: option rules, usage errors, exit status.

Usage: check_options.py NLDUMP MKPCAP SRCDIR WORKDIR

Every usage error is one line on standard error ending in "; see nldump
--help", exit status 2, nothing on standard output; -c takes a whole number
from 1 (no sign); an option with one value may be given once; -q does not go
with -v, -x or --json, nor --json with -v, nor -T paths with any of them; -T
json is --json; -s keeps room for a cooked header and an nlmsghdr; what an error message echoes is escaped.  None of these
needs root: they are refused before any capture is opened.
"""
import os
import subprocess
import sys

import nltest
from nltest import check

NLDUMP, MKPCAP, SRCDIR, WORK = sys.argv[1:5]
ENV = nltest.ENV
nltest.setup('check_options', NLDUMP)


def run(args):
    return nltest.run(args, timeout=30, text=False)


os.makedirs(WORK, exist_ok=True)
good = os.path.join(WORK, 'good.pcap')
subprocess.run([sys.executable, MKPCAP, os.path.join(SRCDIR, 'good.hex'), good], check=True)


def usage_error(args, text=None):
    """exit 2, nothing on stdout, one line naming the problem, with the hint"""
    rc, out, err = run(args)
    e = err.decode('utf-8', 'replace')
    check(rc == 2 and out == b'' and e.count('\n') == 1 and e.startswith('nldump: ') and
          e.endswith('; see nldump --help\n') and (text is None or text in e),
          f'{args!r}: expected a one-line usage error{" with " + repr(text) if text else ""}, '
          f'got exit {rc}, stdout {out[:80]!r}, stderr {e!r}')
    return e


# unknown options and missing arguments: one line, not the whole help
check(usage_error(['-k']) == 'nldump: unknown option -k; see nldump --help\n', '-k: exact line')
usage_error(['--no-such-option=x', '-r', good], 'unknown option --no-such-option;')
usage_error(['-r'], 'option -r needs an argument')
# the word named is the one that went wrong, also after words getopt moves
usage_error(['extra', '--no-such=1', '-r', good], 'unknown option --no-such;')
usage_error(['--json', '-kv', '-r', good], 'unknown option -k;')
usage_error(['-r', good, 'extra', '--genl-map'], 'option --genl-map needs an argument')
usage_error(['-r', good, '--genl-map'], 'option --genl-map needs an argument')
usage_error(['--json=yes', '-r', good], 'option --json takes no argument')
# the words after the options are a display filter (check_filters.py)
rc, out, err = run(['-r', good, 'extra'])
check(rc == 2 and out == b'' and err == b'nldump: filter:1:1: unknown field "extra" '
      b'(nldump --list-fields lists them)\n', f'a trailing word: exit {rc}, {err!r}')
usage_error([], 'no input')

# -c: a whole number from 1, no sign, no wrap-around
for bad in ['0', '-1', '+1', ' 1', '1x', '', '0x10', '18446744073709551615',
            '18446744073709551616', '9223372036854775808']:
    usage_error(['-c', bad, '-r', good], '-c: bad count')
rc, out, err = run(['-c', '2', '-r', good])
check(rc == 0 and len(out.splitlines()) == 2, f'-c 2: exit {rc}, {out!r}')
rc, out, err = run(['-c', '9223372036854775807', '-r', good])
check(rc == 0 and len(out.splitlines()) == 5, f'-c 2^63-1: exit {rc}')

# an option with one value may come once; -v/-t count, flags repeat, -G adds
for args, name in ((['-r', good, '-r', good], '-r'), (['-c', '1', '-c', '2', '-r', good], '-c'),
                   (['-i', 'a', '-i', 'b'], '-i'), (['--monitor', '--monitor=route'], '--monitor'),
                   (['--monitor', '-w', 'a', '-w', 'b'], '-w'),
                   (['--monitor', '-s', '100', '-s', '200'], '-s'),
                   (['--monitor', '-B', '1', '-B', '2'], '-B'),
                   (['--monitor', '-Z', 'a', '-Z', 'b'], '-Z')):
    usage_error(args, f'option {name} given twice')
rc, out, err = run(['-v', '-v', '-n', '-n', '-tt', '-t', '-G', 'a=20', '-G', 'b=21', '-r', good])
check(rc == 0 and err == b'', f'repeated -v, -n, -t, -G: exit {rc}, {err!r}')

# one input; live options only with live input; one output mode
usage_error(['-r', good, '-i', 'nlmon0'], 'give one input')
usage_error(['-r', good, '--monitor'], 'give one input')
for opt in (['-s', '100'], ['-B', '10'], ['-Z', 'nobody']):
    usage_error(['-r', good] + opt, 'go with live capture')
usage_error(['-r', good, '--dedup', '-w', 'x.pcapng'], 'does not go with --dedup')
for args, other in ((['-q', '--json'], '--json'), (['--json', '-q'], '--json'),
                    (['-q', '-v'], '-v'), (['-v', '-q'], '-v'), (['-q', '-x'], '-x')):
    usage_error(args + ['-r', good], f'-q prints totals only: it does not go with {other}')
usage_error(['-v', '--json', '-r', good], 'does not go with -v')
rc, out, err = run(['--json', '-x', '-r', good])
check(rc == 0 and len(out.splitlines()) == 5, f'--json -x: exit {rc}')

# -T: the output format; json is --json, text the default, paths alone
usage_error(['-T', 'xml', '-r', good], "-T: unknown format 'xml'")
usage_error(['-T', 'paths', '-T', 'json', '-r', good], 'option -T given twice')
for other in ('-v', '-x', '-q', '--json'):
    usage_error(['-T', 'paths', other, '-r', good],
                f'-T paths has every field already: it does not go with {other}')
for fmt, same in (('json', ['--json']), ('text', [])):
    rc, out, err = run(['-T', fmt, '-r', good])
    rc2, out2, err2 = run(same + ['-r', good])
    check(rc == 0 and rc2 == 0 and out == out2 and out, f'-T {fmt}: not the same as {same}')
rc, out, err = run(['-T', 'paths', '-r', good])
check(rc == 0 and err == b'' and out and
      all(len(ln.split(b'\t')) == 7 for ln in out.splitlines()),
      f'-T paths: exit {rc}, {out[:80]!r}, {err!r}')

# -s: a 16-byte cooked header and a 16-byte nlmsghdr at least, for every live input
for n in ('1', '16', '31', '262145', '-40'):
    for src in (['--monitor'], ['--nlmon'], ['-i', 'nlmon0']):
        usage_error(src + ['-s', n], '-s: bad snap length')
usage_error(['--monitor', '-B', '2097152'], '-B: bad buffer size')

# what a message echoes is escaped: no control character, no invalid UTF-8
for args in (['-r', 'a\x1b[31mb\x9b.pcap'], ['-c', '\x1b]0;x\x07'],
             ['-r', good, '-T', 'x\u202ey'], ['-\x01'], ['-G', 'a\rb']):
    bargs = [a.encode('utf-8', 'surrogateescape') if isinstance(a, str) else a for a in args]
    p = subprocess.run([NLDUMP.encode()] + bargs, capture_output=True, env=ENV, timeout=30)
    try:
        e = p.stderr.decode('utf-8')
    except UnicodeDecodeError:
        e = None
    check(e is not None and e.count('\n') == 1 and p.returncode in (1, 2) and
          not any(ord(c) < 0x20 and c != '\n' or 0x7f <= ord(c) <= 0x9f or c == '\u202e'
                  for c in e) and '\\' in e,
          f'{args!r}: error message not escaped: {p.stderr!r}')
p = subprocess.run([NLDUMP.encode(), b'-r', b'bad\xff\xfe.pcap'], capture_output=True, env=ENV)
check(p.returncode == 1 and b'bad\\xff\\xfe.pcap' in p.stderr, f'invalid UTF-8 file name: {p.stderr!r}')

# exit status: 0 done, 1 input problem, 2 usage; --help and --version 0
rc, out, err = run(['-r', good])
check(rc == 0, f'good: exit {rc}')
rc, out, err = run(['-r', os.path.join(WORK, 'missing.pcap')])
check(rc == 1 and err.count(b'\n') == 1, f'missing file: exit {rc}, {err!r}')
rc, out, err = run(['--help'])
check(rc == 0 and b'Exit status' in out and err == b'', f'--help: exit {rc}')
rc, out, err = run(['--version'])
check(rc == 0 and out.startswith(b'nldump '), f'--version: exit {rc}')

# issue 14 text habits.  -D lists the nlmon interfaces as tcpdump -D does and
# exits 0, without root; with none, one line on standard error says so
import re  # noqa: E402
rc, out, err = run(['-D'])
lines = out.decode().splitlines()
check(rc == 0 and all(re.fullmatch(r'\d+\.\S+ \[(Up, Running|Up|Running|none)\]', x)
                      for x in lines) and (lines or b'no nlmon interface' in err),
      f'-D: exit {rc}, {out!r}, {err!r}')
# -l writes the same lines; -# puts the frame number first, in -v heads too
rc1, out1, _ = run(['-r', good])
rc2, out2, _ = run(['-l', '-r', good])
check(rc1 == rc2 == 0 and out1 == out2, '-l: the same output')
rc, out, err = run(['-#', '-v', '-r', good])
heads = [x for x in out.decode().splitlines() if re.match(r' {4}\d  [0-9:.]+ [<>] ', x)]
check(rc == 0 and len(heads) == len(out1.splitlines()),
      f'-# -v: a numbered head per message, got {heads[:2]!r}')
# -e and -E with their usage errors: check_field_extract.py

nltest.done()
