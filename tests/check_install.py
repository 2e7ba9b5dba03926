#!/usr/bin/env python3
"""check_install.py MESON BUILDDIR: `meson install` puts nldump in the bin
directory of the prefix (on a normal user's PATH, as tcpdump and tshark) and
the man page in section 8 of the man directory. Reads what meson would
install (`meson introspect --installed`), installs nothing."""
import json
import os
import subprocess
import sys

import nltest

meson, builddir = sys.argv[1], sys.argv[2]
installed = json.loads(subprocess.run([meson, 'introspect', builddir, '--installed'],
                                      check=True, stdout=subprocess.PIPE).stdout)
opts = {o['name']: o['value'] for o in json.loads(subprocess.run(
    [meson, 'introspect', builddir, '--buildoptions'], check=True, stdout=subprocess.PIPE).stdout)}
prefix = opts['prefix']
want = {
    'nldump': os.path.join(prefix, opts['bindir'], 'nldump'),
    'nldump.8': os.path.join(prefix, opts['mandir'], 'man8', 'nldump.8'),
}
nltest.setup('check_install')
for name, dest in sorted(want.items()):
    got = [d for s, d in installed.items() if os.path.basename(s) == name]
    if nltest.check(got == [dest], '%s: installed as %s, expected %s' % (name, got or 'nothing', dest)):
        print('%s -> %s' % (name, dest))
nltest.done()
