#!/usr/bin/env python3
"""check_paths.py NLDUMP MKPCAP SRCDIR OUTDIR - the field events of -T paths.

(a) captures/cut/fields.pcap (the -T paths golden's input) is what
    tests/mkpcap.py makes of captures/src/fields.hex.
(b) For every bundled capture (captures/*.pcap, captures/cut/*.pcap), each
    line of `-T paths` has seven tab-separated columns; its path is a field
    --list-fields lists for the message's protocol or family (the lookup of
    check_fields.py: core fields, recursive sets, *.trailing...; unknown_N
    attributes and what is under them are skipped; error.request.PATH as
    PATH of the echoed request's family); its offset + length is within
    the message (nlmsg_len, at least a header); its value, when it has one,
    is JSON, and one of the values --json writes at that path in the same
    message.

Fails when there is nothing to compare.
"""
import glob
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_fields import RECURSIVE, UNKNOWN, listed_ok, msg_proto  # noqa: E402

REQ = "error.request."


def run(args):
    return subprocess.run(args, capture_output=True, text=True)


def scalars(v, prefix, out):
    """path -> JSON values of a message object; a list of scalars is a
    value itself (flag names) and each of its items one (repeats)."""
    if isinstance(v, dict):
        for k, x in v.items():
            scalars(x, prefix + "." + k if prefix else k, out)
    elif isinstance(v, list):
        if all(not isinstance(x, (dict, list)) for x in v):
            out.setdefault(prefix, []).append(v)
        for x in v:
            scalars(x, prefix, out)
    else:
        out.setdefault(prefix, []).append(v)


def main():
    nldump, mkpcap, src, outdir = sys.argv[1:5]
    os.makedirs(outdir, exist_ok=True)
    fails = []

    made = os.path.join(outdir, "fields.pcap")
    r = run([sys.executable, mkpcap, os.path.join(src, "captures", "src", "fields.hex"), made])
    cut = os.path.join(src, "captures", "cut", "fields.pcap")
    if r.returncode or open(made, "rb").read() != open(cut, "rb").read():
        fails.append("captures/cut/fields.pcap is not what mkpcap.py makes of "
                     "captures/src/fields.hex")

    r = run([nldump, "--list-fields"])
    listed, rec = {}, {}
    for line in r.stdout.splitlines():
        cols = line.split("\t")
        listed.setdefault(cols[2], set()).add(cols[0])
        m = RECURSIVE.search(cols[3])
        if m:
            rec[(cols[2], cols[0])] = m.group(1)

    caps = sorted(glob.glob(os.path.join(src, "captures", "*.pcap")) +
                  glob.glob(os.path.join(src, "captures", "cut", "*.pcap")))
    lines = checked = 0
    for cap in caps:
        name = os.path.relpath(cap, src)
        rj = run([nldump, "--json", "-r", cap])
        rp = run([nldump, "-T", "paths", "-r", cap])
        if rj.returncode or rp.returncode or rp.stderr:
            fails.append("%s: exit %d/%d %s" % (name, rj.returncode, rp.returncode,
                                               rp.stderr[:200]))
            continue
        msgs = {}
        for ln in rj.stdout.splitlines():
            o = json.loads(ln)
            if "index" in o:
                msgs[(o["frame"], o["index"])] = o
        vals_of = {}
        for ln in rp.stdout.splitlines():
            lines += 1
            cols = ln.split("\t")
            if len(cols) != 7:
                fails.append("%s: not 7 columns: %r" % (name, ln))
                continue
            frame, index, path, kind, off, length, value = cols
            key = (int(frame), int(index))
            o = msgs.get(key)
            if o is None:
                fails.append("%s: frame %s message %s not in --json" % (name, frame, index))
                continue
            if key not in vals_of:
                vals_of[key] = {}
                scalars(o, "", vals_of[key])
            proto = msg_proto(o, "?")
            lpath = path
            if path.startswith(REQ):
                inner = o.get("error", {}).get("request", {})
                proto = msg_proto(inner, proto)
                lpath = path[len(REQ):]
            if any(UNKNOWN.match(p) for p in path.split(".")):
                continue
            checked += 1
            if not listed_ok(listed, rec, proto, lpath):
                fails.append("%s: frame %s: %s (%s) not listed" % (name, frame, path, proto))
            mlen = max(16, o["nlmsg"]["len"]) if isinstance(o.get("nlmsg"), dict) else 16
            if int(off) + int(length) > mlen:
                fails.append("%s: frame %s: %s at %s+%s past the message (%d)"
                             % (name, frame, path, off, length, mlen))
            if value == "":
                continue
            try:
                v = json.loads(value)
            except ValueError:
                fails.append("%s: frame %s: %s: value %r is not JSON" % (name, frame, path, value))
                continue
            if v not in vals_of[key].get(path, []):
                fails.append("%s: frame %s: %s = %r, --json has %r"
                             % (name, frame, path, v, vals_of[key].get(path, [])[:4]))
    print("%d lines of %d captures, %d paths checked, %d problems"
          % (lines, len(caps), checked, len(fails)))
    for f in fails[:40]:
        print("FAIL:", f)
    if not lines or not checked:
        print("FAIL: nothing to compare")
        return 1
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
