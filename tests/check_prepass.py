#!/usr/bin/env python3
"""The pre-pass and the inputs it may read (issue 10, items 7-9).

usage: check_prepass.py NLDUMP SOURCE_ROOT

 - a capture whose generic netlink ids need the pre-pass (the real
   wireguard capture with its first wireguard frame copied to the front,
   before the NEWFAMILY that names the id), read from a regular file, a
   FIFO, /dev/stdin and '-' fed by a pipe: every message decoded; a pipe is
   never opened again, the id stays unknown there and stderr says so once;
 - the pre-pass stops early: it reads forward only until every id met so
   far is resolved, or up to the -c count, and says how far in --stats
   ("pre-pass: read N frames");
 - --genl-map on /dev/zero (a timeout catches a hang), a directory, a
   comment longer than 511 bytes, a NUL byte, contradictory lines;
 - more multicast groups than are kept: one line on stderr says so.
"""
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import threading

import nltest
from nltest import attr, first_type, frame, nlmsg, pcap_bytes, read_pcap, PCAP_HDR

expect = nltest.check
TIMEOUT = 60  # a hang, not a speed check


def run(args, stdin=None, data=None):
    try:
        return nltest.run(args, stdin=stdin if stdin is not None else subprocess.DEVNULL,
                          data=data, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, "", "timeout"


# ---- pcap building ----

def newfamily(fid, name):
    # CTRL_CMD_NEWFAMILY, FAMILY_NAME (2), FAMILY_ID (1) as genetlink.h says
    return nlmsg(0x10, 0, 0, struct.pack("<BBH", 1, 2, 0) + attr(2, name.encode() + b"\0")
                 + attr(1, struct.pack("<H", fid)))


def fam_msg(fid, seq):
    return nlmsg(fid, 0, seq, struct.pack("<BBH", 1, 1, 0))


def done(seq):
    return nlmsg(3, 2, seq, struct.pack("<i", 0))  # NLMSG_DONE, NLM_F_MULTI




def stats_prepass(err):
    m = re.search(r"pre-pass: read (\d+) frames", err)
    return int(m.group(1)) if m else None


def counts(out):
    m = re.match(r"(\d+) frames, (\d+) messages", out.strip().splitlines()[-1] if out.strip() else "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def unknown_lines(err):
    return [l for l in err.splitlines() if re.fullmatch(
        r"nldump: genl family id 0x[0-9a-f]+ unknown: give -G or --genl-map", l)]


# ---- 1. pipes: read once, every message decoded ----

def fifo_run(args, data, fifo):
    """nldump -r FIFO while a thread writes data into it"""
    def writer():
        try:
            with open(fifo, "wb") as w:
                w.write(data)
        except BrokenPipeError:
            pass
    t = threading.Thread(target=writer, daemon=True)
    t.start()
    r = run([*args, "-r", fifo])
    t.join(5)
    return r


def check_pipes(late, late_bytes, wg, tmp):
    hexid = "genl 0x%x " % wg
    rc, ref_q, _ = run(["-q", "-r", late])
    ref = counts(ref_q)
    expect(rc == 0 and ref is not None and ref[1] > 200,
           "regular file: %s messages" % (ref[1] if ref else None))
    rc, out, err = run(["-t", "-r", late])
    lines = out.splitlines()
    expect(rc == 0 and lines and "genl wireguard " in lines[0],
           "regular file: the pre-pass resolves the first message")
    expect(unknown_lines(err) == [], "regular file: nothing unknown on stderr (%r)" % err)

    fifo = os.path.join(tmp, "fifo")
    os.mkfifo(fifo)
    ways = [("FIFO", lambda a: fifo_run(a, late_bytes, fifo)),
            ("/dev/stdin", lambda a: run([*a, "-r", "/dev/stdin"],
                                         data=late_bytes)),
            ("'-' from a pipe", lambda a: run([*a, "-r", "-"],
                                              data=late_bytes))]
    for name, go in ways:
        rc, out, err = go(["-q"])
        expect(rc == 0 and counts(out) == ref,
               "%s: exit %s, %s (want %s) %s" % (name, rc, counts(out), ref, err.strip()[:200]))
        rc, out, err = go(["-t"])
        lines = out.splitlines()
        expect(rc == 0 and len(lines) == ref[1] if ref else False,
               "%s: %d lines, every message" % (name, len(lines)))
        expect(lines and hexid in lines[0] and hexid not in "\n".join(lines[1:]),
               "%s: the first message stays unknown, later ones resolve" % name)
        expect(unknown_lines(err) == ["nldump: genl family id 0x%x unknown: give -G or "
                                      "--genl-map" % wg],
               "%s: the unknown id said once on stderr: %r" % (name, err))
    # a pipe given with -G needs nothing
    rc, out, err = ways[0][1](["-t", "-G", "wireguard=%d" % wg])
    expect(rc == 0 and hexid not in out and unknown_lines(err) == [],
           "FIFO with -G: resolved, nothing on stderr")


# ---- 2. the pre-pass stops early ----

def check_early_stop(tmp):
    filler = [frame(done(i), 2000 + i, proto=0) for i in range(5000)]
    # frame 1 uses 0x40, frame 2 names it, 5000 frames, frame 5003 uses
    # 0x41, frame 5004 names it, 5000 more
    recs = ([frame(fam_msg(0x40, 1), 1), frame(newfamily(0x40, "fam_a"), 2)] + filler
            + [frame(fam_msg(0x41, 2), 3), frame(newfamily(0x41, "fam_b"), 4)] + filler)
    path = os.path.join(tmp, "early.pcap")
    with open(path, "wb") as f:
        f.write(pcap_bytes(PCAP_HDR, recs))
    total = len(recs)

    rc, out, err = run(["-t", "--stats", "-c", "2", "-r", path])
    expect(rc == 0 and out.startswith("< genl fam_a cmd 1"), "-c 2: resolved: %r" % out[:60])
    expect(stats_prepass(err) == 2, "-c 2: the pre-pass read %s frames, want 2 (the id is "
           "named in frame 2)" % stats_prepass(err))
    # -c 1: frame 2 is beyond what is read at all (as if the file ended)
    rc, out, err = run(["-t", "--stats", "-c", "1", "-r", path])
    expect(rc == 0 and out.startswith("< genl 0x40 cmd 1"), "-c 1: unresolved: %r" % out[:60])
    expect(stats_prepass(err) == 1, "-c 1: the pre-pass read %s frames, want 1"
           % stats_prepass(err))
    rc, out, err = run(["-t", "--stats", "-r", path])
    lines = out.splitlines()
    expect(rc == 0 and "genl fam_a cmd 1" in lines[0] and "genl fam_b cmd 1" in lines[5002],
           "both ids resolved before their NEWFAMILY")
    expect(stats_prepass(err) == 5004, "the pre-pass read %s of %d frames, want 5004 (to the "
           "second NEWFAMILY, once)" % (stats_prepass(err), total))

    # an id named nowhere: the pre-pass reads up to the -c count, or the end
    recs = [frame(fam_msg(0x42, 1), 1)] + filler
    path = os.path.join(tmp, "never.pcap")
    with open(path, "wb") as f:
        f.write(pcap_bytes(PCAP_HDR, recs))
    rc, out, err = run(["-q", "--stats", "-c", "300", "-r", path])
    expect(rc == 0 and stats_prepass(err) == 300,
           "-c 300, id never named: the pre-pass read %s frames, want 300" % stats_prepass(err))
    rc, out, err = run(["-q", "--stats", "-r", path])
    expect(rc == 0 and stats_prepass(err) == len(recs),
           "id never named: the pre-pass read %s frames, want %d (once)"
           % (stats_prepass(err), len(recs)))
    rc, out, err = run(["-q", "--stats", "--no-prepass", "-r", path])
    expect(rc == 0 and stats_prepass(err) == 0, "--no-prepass: read %s frames" % stats_prepass(err))
    # known ids: no pre-pass at all
    rc, out, err = run(["-q", "--stats", "-G", "x=0x42", "-r", path])
    expect(rc == 0 and stats_prepass(err) == 0, "-G: the pre-pass read %s frames, want 0"
           % stats_prepass(err))


# ---- 3. --genl-map files ----

def check_map_files(only, wg, tmp):
    def mapfile(name, data):
        p = os.path.join(tmp, name)
        with open(p, "wb") as f:
            f.write(data)
        return p

    rc, out, err = run(["-q", "--genl-map", "/dev/zero", "-r", only])
    expect(rc == 2 and "/dev/zero" in err and out == "",
           "--genl-map /dev/zero ends with an error: exit %s %r" % (rc, err))
    rc, out, err = run(["-q", "--genl-map", tmp, "-r", only])
    expect(rc == 2 and "is a directory" in err, "--genl-map DIR: exit %s %r" % (rc, err))
    big = mapfile("big.map", b"# map\n" * 200000)
    rc, out, err = run(["-q", "--genl-map", big, "-r", only])
    expect(rc == 2 and "larger than" in err, "--genl-map over 1 MiB: exit %s %r" % (rc, err))

    # a comment of 511+ bytes: its tail is no mapping
    p = mapfile("comment.map", b"#" + b"x" * 510 + b"wireguard=%d\n" % wg)
    rc, out, err = run(["-t", "--no-prepass", "--genl-map", p, "-r", only])
    expect(rc == 0 and "genl wireguard " not in out, "a long comment stays a comment")
    p = mapfile("comment2.map", b"#" + b"x" * 2000 + b"\nwireguard=%d\n" % wg)
    rc, out, err = run(["-t", "--genl-map", p, "-r", only])
    expect(rc == 0 and out and all("genl wireguard " in l for l in out.splitlines()
                                   if " DONE " not in l and " ACK " not in l
                                   and " ERROR " not in l),
           "a mapping after a long comment is read")

    p = mapfile("nul.map", b"a=0x30\nwireguard\0=%d\n" % wg)
    rc, out, err = run(["-q", "--genl-map", p, "-r", only])
    expect(rc == 2 and err.strip() == "nldump: %s:2: NUL byte in the line" % p,
           "NUL: %r" % err)
    p = mapfile("two_names.map", b"wireguard=%d\n# x\nother %d\n" % (wg, wg))
    rc, out, err = run(["-q", "--genl-map", p, "-r", only])
    expect(rc == 2 and err.startswith("nldump: %s:3: id 0x%x is other here but wireguard on "
                                      "line 1" % (p, wg)), "one id two names: %r" % err)
    p = mapfile("two_ids.map", b"wireguard=%d\nwireguard %d\n" % (wg, wg + 1))
    rc, out, err = run(["-q", "--genl-map", p, "-r", only])
    expect(rc == 2 and err.startswith("nldump: %s:2: wireguard is" % p),
           "one name two ids: %r" % err)
    p = mapfile("esc\x1b.map", b"ok=1\nbad \x1b[2J\n")
    rc, out, err = run(["-q", "--genl-map", p, "-r", only])
    expect(rc == 2 and "\x1b" not in err and "esc\\x1b.map:2:" in err and "bad \\x1b[2J" in err,
           "a bad line: number, escaped name and text: %r" % err)


# ---- 4. the bounded tables say once what they did not keep ----

def check_caps(tmp):
    # 262144 (GENL_GROUPS_MAX) + 5 multicast groups, 2000 per NEWMCAST_GRP
    n, per, recs = 262144 + 5, 2000, []
    for start in range(0, n, per):
        grps = b"".join(attr(i + 1, attr(2, struct.pack("<I", g + 1)) + attr(1, b"g\0"))
                        for i, g in enumerate(range(start, min(n, start + per))))
        body = struct.pack("<BBH", 7, 2, 0) + attr(2, b"many\0") + attr(1, struct.pack("<H", 0x20)) \
            + attr(7 | 0x8000, grps)
        recs.append(frame(nlmsg(0x10, 0, 0, body), start))
    path = os.path.join(tmp, "groups.pcap")
    with open(path, "wb") as f:
        f.write(pcap_bytes(PCAP_HDR, recs))
    # --stats: -q alone only counts headers and decodes no group
    rc, out, err = run(["-q", "--stats", "-r", path])
    said = [l for l in err.splitlines() if "multicast groups" in l]
    expect(rc == 0 and said == ["nldump: more than 262144 multicast groups: 5 more not kept "
                                "(shown by number)"], "groups past the cap: said once: %r" % err)


def main():
    nltest.setup("check_prepass", sys.argv[1])
    root = sys.argv[2]
    tmp = TMP
    wg_pcap = os.path.join(root, "captures/wireguard.pcap")
    hdr, recs = read_pcap(wg_pcap)
    # the wireguard id: the first NEWFAMILY reply naming it
    rc, out, _ = run(["-t", "-r", wg_pcap])
    m = re.search(r" wireguard id 0x([0-9a-f]+)", out)
    expect(m is not None, "wireguard.pcap names the wireguard id")
    if not m:
        return 1
    wg = int(m.group(1), 16)
    first = next(i for i, r in enumerate(recs) if first_type(r) == (16, wg))
    late = os.path.join(tmp, "wg-late.pcap")
    late_bytes = pcap_bytes(hdr, [recs[first]] + recs)
    with open(late, "wb") as f:
        f.write(late_bytes)
    only = os.path.join(tmp, "wg-only.pcap")
    with open(only, "wb") as f:
        f.write(pcap_bytes(hdr, [r for r in recs if first_type(r) == (16, wg)]))

    check_pipes(late, late_bytes, wg, tmp)
    check_early_stop(tmp)
    check_map_files(only, wg, tmp)
    check_caps(tmp)
    return 0


if __name__ == "__main__":
    TMP = tempfile.mkdtemp(prefix="nldump-prepass-")
    try:
        if main():
            nltest.check(False, "stopped early")
    finally:
        shutil.rmtree(TMP, ignore_errors=True)
    nltest.done()
