#!/usr/bin/env python3
"""check_fields.py NLDUMP SRCDIR - the field registry against the decoder.

(a) Every member path that --json writes for the bundled captures
    (captures/*.pcap) is listed by --list-fields, for the message's
    protocol or genl family (or as a core field).  Array positions are
    dropped from paths; unknown_N attributes (no policy describes them) and
    what is under them are skipped; error.request.PATH is checked as PATH
    for the echoed request's own protocol or family.
(b) --list-fields NAME, for every protocol and family the full list names,
    prints that name's fields and nothing else, and is not empty.
(c) An unknown name is a one-line error naming close matches, exit 2 (a
    protocol without a dissector too, pointing at the core fields).

Fails when there is nothing to compare (no capture, no path, no field).
"""
import glob
import json
import os
import re
import subprocess
import sys

UNKNOWN = re.compile(r"unknown_\d+$")
REQ = "error.request"


def run(args):
    return subprocess.run(args, capture_output=True, text=True)


def msg_proto(o, outer):
    g = o.get("genl")
    if isinstance(g, dict) and isinstance(g.get("family"), str):
        return g["family"]
    return o.get("proto", outer)


def paths(v, prefix, proto, out):
    """(proto, path) of every member under v; an echoed request is a
    message of its own (its paths are checked without the prefix)."""
    if isinstance(v, list):
        for x in v:
            paths(x, prefix, proto, out)
        return
    if prefix:
        out.add((proto, prefix))
    if not isinstance(v, dict):
        return
    for k, x in v.items():
        if UNKNOWN.match(k):
            continue
        p = prefix + "." + k if prefix else k
        if p == REQ and isinstance(x, dict):
            out.add((proto, REQ))
            paths(x, "", msg_proto(x, proto), out)
        else:
            paths(x, p, proto, out)


RECURSIVE = re.compile(r"recursive: as (\S+)")


def listed_ok(listed, rec, proto, path):
    for _ in range(16):  # a recursive set: its members are its first place's
        for name in (proto, "core", "genl"):
            if path in listed.get(name, ()):
                return True
        last = path.rsplit(".", 1)[-1]
        if "." in path and "*." + last in listed.get("core", ()):
            return True
        parts = path.split(".")
        for i in range(len(parts) - 1, 0, -1):
            head = ".".join(parts[:i])
            if (proto, head) in rec:
                path = rec[(proto, head)] + "." + ".".join(parts[i:])
                break
        else:
            return False
    return False


def main():
    nldump, src = sys.argv[1], sys.argv[2]
    fails = []

    r = run([nldump, "--list-fields"])
    if r.returncode != 0 or r.stderr:
        print("--list-fields: exit %d, stderr %r" % (r.returncode, r.stderr))
        return 1
    listed, rec = {}, {}
    for line in r.stdout.splitlines():
        cols = line.split("\t")
        if len(cols) != 4 or not all(cols):
            fails.append("--list-fields: not 4 tab-separated columns: %r" % line)
            continue
        listed.setdefault(cols[2], set()).add(cols[0])
        m = RECURSIVE.search(cols[3])
        if m:
            rec[(cols[2], cols[0])] = m.group(1)
    if not listed:
        print("FAIL: --list-fields printed nothing")
        return 1

    # (a) the decoder's paths are listed
    caps = sorted(glob.glob(os.path.join(src, "captures", "*.pcap")))
    if not caps:
        print("FAIL: no captures in %s/captures" % src)
        return 1
    seen = set()
    for cap in caps:
        r = run([nldump, "--json", "-r", cap])
        if r.returncode != 0:
            fails.append("%s: --json exit %d" % (cap, r.returncode))
            continue
        for line in r.stdout.splitlines():
            o = json.loads(line)
            paths(o, "", msg_proto(o, "?"), seen)
    if not seen:
        print("FAIL: no JSON member paths in the captures")
        return 1
    missing = sorted(pp for pp in seen if not listed_ok(listed, rec, *pp))
    for proto, path in missing:
        fails.append("not listed: %s %s" % (proto, path))
    print("%d paths of %d captures, %d listed fields, %d not listed"
          % (len(seen), len(caps), sum(map(len, listed.values())), len(missing)))

    # (b) each name lists its own fields
    for name in sorted(listed):
        r = run([nldump, "--list-fields", name])
        rows = [ln.split("\t") for ln in r.stdout.splitlines()]
        if r.returncode != 0 or not rows:
            fails.append("--list-fields %s: exit %d, %d rows" % (name, r.returncode, len(rows)))
        elif any(len(c) != 4 or c[2] != name for c in rows):
            fails.append("--list-fields %s: rows of another name" % name)
        elif {c[0] for c in rows} != listed[name]:
            fails.append("--list-fields %s: not the rows the full list gives" % name)
    for must in ("core", "genl", "route", "nlctrl", "ovs_flow"):
        if must not in listed:
            fails.append("--list-fields: nothing for %s" % must)

    # (c) an unknown name
    # (audit: a protocol nldump names, without a dissector)
    for name, close in (("rout", "route"), ("ovs_flwo", "ovs_flow"), ("no_such_family", None),
                        ("audit", "--list-fields core")):
        r = run([nldump, "--list-fields", name])
        err = r.stderr.splitlines()
        if (r.returncode != 2 or r.stdout or len(err) != 1
                or not ("unknown" in err[0] or "no dissector" in err[0])):
            fails.append("--list-fields %s: exit %d, stdout %r, stderr %r"
                         % (name, r.returncode, r.stdout[:80], r.stderr))
        elif close and close not in err[0]:
            fails.append("--list-fields %s: %r does not name %s" % (name, err[0], close))

    for f in fails:
        print("FAIL:", f)
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
