#!/usr/bin/env python3
"""check_install.py MESON BUILDDIR: `meson install` puts nldump in the bin
directory of the prefix (on a normal user's PATH, as tcpdump and tshark) and
the man page in section 8 of the man directory. Reads what meson would
install (`meson introspect --installed`), installs nothing."""
import json
import os
import subprocess
import sys

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
bad = 0
for name, dest in sorted(want.items()):
    got = [d for s, d in installed.items() if os.path.basename(s) == name]
    if got != [dest]:
        print('%s: installed as %s, expected %s' % (name, got or 'nothing', dest))
        bad += 1
    else:
        print('%s -> %s' % (name, dest))
sys.exit(1 if bad else 0)
