#!/usr/bin/env python3
"""check_no_machine_paths.py SRCROOT: no tracked file names an absolute
folder of the machine it was written on (anything under the work tree root,
the folder "work" at the top of the file system).
Paths in the project are relative to the checkout (build/nldump,
../shared/lab/make-captures) so that any checkout works.  Reads the list of
tracked files from git; skipped (77) outside a git checkout."""
import re
import subprocess
import sys

import nltest

src = sys.argv[1]
try:
    files = subprocess.run(['git', '-C', src, 'ls-files', '-z'], check=True,
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout
except (OSError, subprocess.CalledProcessError):
    nltest.skip('not a git checkout (or no git): nothing to check')
names = [n for n in files.decode().split('\0') if n]
if not names:
    nltest.skip('git lists no tracked files: nothing to check')
# an absolute path under the work tree root: a slash, "work", a slash, not
# preceded by a path character (so a relative "foo/work/" does not count);
# the pattern is spelled in two parts so this file does not match itself
pat = re.compile(rb'(?<![\w.~/])/' + rb'work/')
nltest.setup('check_no_machine_paths')
hits = 0
for n in names:
    try:
        with open(src + '/' + n, 'rb') as f:
            data = f.read()
    except OSError:
        continue   # deleted in the work tree, or a submodule
    for i, line in enumerate(data.split(b'\n'), 1):
        if pat.search(line):
            print('%s:%d: %s' % (n, i, line.decode('utf-8', 'replace').strip()[:160]))
            hits += 1
print('%d tracked files, %d lines with a machine path' % (len(names), hits))
nltest.check(hits == 0, '%d lines name a folder of one machine' % hits)
nltest.done()
