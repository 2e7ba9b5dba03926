#!/usr/bin/env python3
"""check_layers.py - the layer rules of nldump's sources (docs/hacking.md).

  check_layers.py emitter SRCROOT
      dissectors/*.c and the attribute engine (src/attr.c) use the emitter
      only through its API: no member of struct emitter read or written
      (e->numeric, d->e->mode...), no output mode (EMIT_JSON...) named.
      What a decoder needs to know (-n) comes in the decode context.

  check_layers.py includes SRCROOT
      every #include "..." of src/ and dissectors/ goes down the table of
      layers below (or sideways within a layer), never up.

Each finding is printed as FILE:LINE: what; the exit status is 1 if there
is any, and also if there was nothing to check (no files found).
"""
import glob
import os
import re
import sys

# ---- emitter internals ----

def emitter_members(root):
    """The member names of struct emitter, from src/emit.h."""
    text = open(os.path.join(root, "src", "emit.h")).read()
    m = re.search(r"struct emitter \{(.*?)\n\};", text, re.S)
    if not m:
        return set()
    body = re.sub(r"/\*.*?\*/", "", m.group(1), flags=re.S)
    names = set()
    for decl in body.split(";"):
        for part in decl.split(","):
            w = re.findall(r"[A-Za-z_]\w*", part.split("[")[0])
            if w:
                names.add(w[-1])
    return names


def strip_comments(text):
    # keep line numbers: comments become blanks of the same lines
    def blank(m):
        return re.sub(r"[^\n]", " ", m.group(0))
    text = re.sub(r"/\*.*?\*/", blank, text, flags=re.S)
    return re.sub(r"//[^\n]*", blank, text)


def check_emitter(root):
    members = emitter_members(root)
    if not members:
        print("src/emit.h: struct emitter not found")
        return None
    files = sorted(glob.glob(os.path.join(root, "dissectors", "*.c")))
    files.append(os.path.join(root, "src", "attr.c"))
    files = [f for f in files if os.path.exists(f)]
    bad = []
    for path in files:
        text = strip_comments(open(path).read())
        # the names an emitter goes by in this file: e, d->e, and any
        # "struct emitter *NAME"
        names = {"e"} | set(re.findall(r"struct\s+emitter\s*\*\s*(\w+)", text))
        alt = "|".join(sorted(re.escape(n) for n in names))
        acc = re.compile(r"(?:(?<![\w.>])(?:%s)|->e|\.e)\s*(?:->|\.)\s*(\w+)" % alt)
        rel = os.path.relpath(path, root)
        for no, line in enumerate(text.split("\n"), 1):
            for m in acc.finditer(line):
                if m.group(1) in members:
                    bad.append("%s:%d: reads or writes the emitter's member '%s' "
                               "(use the emitter API or the decode context)"
                               % (rel, no, m.group(1)))
            for m in re.finditer(r"\bEMIT_(JSON|TREE|LINE|COUNT)\b", line):
                bad.append("%s:%d: branches on the output mode (%s)"
                           % (rel, no, m.group(0)))
    return files, bad

# ---- include directions ----

# The layers, top first.  A file may include headers of its own layer and
# of the layers below it; never above.  (file name without extension)
#   driver      the command line, the file run and the live run
#   input       capture files, the -w writer, live sockets; the pre-pass
#               (it reads the input file ahead, asked by the driver)
#   frames      copies, --dedup, -c: frames to the core
#   core        the nlmsghdr walker and the list of dissectors
#   dissectors  one file per protocol or family (dissectors/)
#   engine      the attribute walker and the types dissectors are written in
#   tables      what a run knows: family ids, interface names, run state
#   emitter     the output API and its buffers
#   cursor      the one reader of capture bytes
LAYERS = [
    ("driver", ["main", "options", "run", "fields"]),	# fields: --list-fields
    ("input", ["capture", "pcapng", "live", "prepass"]),
    ("frames", ["frames"]),
    ("core", ["nlcore", "nlmsg", "registry"]),
    ("dissectors", ["dissectors/*"]),
    ("engine", ["attr", "dissect", "policy"]),
    ("tables", ["genlmap", "ifmap", "state", "hash"]),
    ("emitter", ["emit", "sbuf", "names"]),
    ("cursor", ["cursor"]),
]

# Includes that go up on purpose, with the reason.  (includer, included)
EXCEPTIONS = {
    ("genlmap.c", "registry.h"):
        "a family learned is given its dissector once, there, so that a "
        "message's dispatch is one load; the registry is a const list",
}


def layer_of(rel):
    """rel: 'src/attr.c', 'dissectors/rtnl.h' -> layer index, or None."""
    stem = os.path.splitext(os.path.basename(rel))[0]
    in_dis = rel.startswith("dissectors/")
    for i, (_, members) in enumerate(LAYERS):
        for m in members:
            if m == "dissectors/*":
                if in_dis and stem != "registry":
                    return i
            elif not in_dis and stem == m:
                return i
    if in_dis and stem == "registry":
        return [n for n, _ in LAYERS].index("core")	# the list the core walks
    return None


def check_includes(root):
    files = sorted(glob.glob(os.path.join(root, "src", "*.[ch]")) +
                   glob.glob(os.path.join(root, "dissectors", "*.[ch]")))
    bad = []
    where = {}
    for path in files:
        rel = os.path.relpath(path, root)
        where.setdefault(os.path.basename(rel), rel)
    for path in files:
        rel = os.path.relpath(path, root)
        me = layer_of(rel)
        if me is None:
            bad.append("%s:1: not in the table of layers (tests/check_layers.py)" % rel)
            continue
        for no, line in enumerate(open(path).read().split("\n"), 1):
            m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
            if not m:
                continue
            inc = m.group(1)
            target = where.get(os.path.basename(inc))
            if target is None:
                bad.append("%s:%d: includes \"%s\", which is no file of src/ or "
                           "dissectors/" % (rel, no, inc))
                continue
            them = layer_of(target)
            if them is None or them >= me:
                continue
            if (os.path.basename(rel), os.path.basename(target)) in EXCEPTIONS:
                continue
            bad.append("%s:%d: includes \"%s\" (layer %s) from layer %s: upward"
                       % (rel, no, inc, LAYERS[them][0], LAYERS[me][0]))
    return files, bad


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("emitter", "includes"):
        print(__doc__)
        return 2
    root = sys.argv[2]
    res = (check_emitter if sys.argv[1] == "emitter" else check_includes)(root)
    if res is None:
        return 1
    files, bad = res
    if not files:
        print("nothing to check under %s" % root)
        return 1
    for b in bad:
        print(b)
    print("%s: %d files, %d findings" % (sys.argv[1], len(files), len(bad)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
