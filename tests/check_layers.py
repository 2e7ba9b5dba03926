#!/usr/bin/env python3
"""check_layers.py - the layer rules of nldump's sources (docs/hacking.md).

  check_layers.py emitter SRCROOT
      dissectors/*.c and the attribute engine (src/attr*.[ch]) use the emitter
      only through its API: no member of struct emitter read or written
      (e->numeric, d->e->mode...), no output mode (EMIT_JSON...) named.
      What a decoder needs to know (-n) comes in the decode context.

  check_layers.py includes SRCROOT
      every #include "..." of src/ and dissectors/ goes down the table of
      layers below (or sideways within a layer), never up.

  check_layers.py state SRCROOT
      no mutable variable at file scope nor static inside a function in
      src/ and dissectors/ (run state lives in the session passed down),
      but the documented ones of STATE_EXCEPTIONS; and src/main.c stays
      a main() of under 300 lines.

  check_layers.py sizes SRCROOT
      no .c file of src/ or dissectors/ over 800 lines (issue 11), but
      the pure tables of PURE_TABLES (checked to hold no function) and
      the files of TO_SPLIT, each with its reason; an entry that is no
      longer needed is said (not a failure: the list is trimmed when the
      branch that splits the file is merged).

  check_layers.py sizes-selftest SRCROOT
      the sizes check on a made-up tree: an 801-line file is a finding,
      an 800-line one is not, a listed "pure table" with a function is one.

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
    files += sorted(glob.glob(os.path.join(root, "src", "attr*.[ch]")))
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
    ("driver", ["main", "options", "run", "fields", "fields_core", "fields_text", "fields_names", "view_paths",
                "filter", "filter_priv", "filter_parse", "filter_names", "filter_eval", "filter_write",
                "filter_bpf",
                "view_fields", "stats", "stats_priv", "stats_report",
                "stats_txn", "stats_ovsflow"]),	# fields: --list-fields
    ("input", ["capture", "pcapng", "live", "live_priv", "live_monitor", "live_pcap", "live_list",
               "live_nlmon", "prepass", "rotate"]),
    ("frames", ["frames"]),
    ("core", ["nlcore", "nlmsg", "nlmsg_priv", "nlmsg_ctl", "nlmsg_fields", "nlmsg_time", "nlmsg_hex", "nlmsg_txn",
              "nlmsg_tap", "ovsflow",
              "registry"]),
    ("dissectors", ["dissectors/*"]),
    # the YNL spec engine: specs into the engine's tables, and its hooks
    ("specs", ["spec", "spec_priv", "spec_build", "spec_yaml", "spec_defs", "spec_ops",
               "spec_reg", "spec_raw", "spec_decode", "spec_policy",
               "spec_hooks"]),
    ("engine", ["attr", "attr_priv", "attr_value", "attr_find", "dissect", "policy", "summary",
                "fieldev", "fieldev_put"]),
    ("tables", ["genlmap", "genlmap_text", "ifmap", "strset", "nftset", "state", "hash", "txn"]),
    ("emitter", ["emit", "emit_priv", "emit_json", "emit_tree", "emit_value", "emit_sum",
                 "sbuf", "names"]),
    ("cursor", ["cursor"]),
]

# --state: a view of the walk's field events, like view_paths (driver)
LAYERS[0][1].extend(["state_view", "state_ip", "state_misc", "state_ovs", "state_out"])

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


# ---- mutable state ----

# (file, variable): why it cannot be in the session
STATE_EXCEPTIONS = {
    ("live.c", "live_stop"):
        "set by the signal handler (volatile sig_atomic_t), read by the loops",
    ("live.c", "live_report"):
        "SIGUSR1: set by the signal handler (volatile sig_atomic_t), read "
        "by the driver's callbacks, which print the totals",
    ("run.c", "nlmon_to_remove"):
        "the nlmon interface the atexit() handler removes; exit() may come "
        "from sbuf or the emitter, and a handler takes no argument",
    ("fields.c", "reg"):
        "the field registry: built on first use from the const tables and "
        "the same for every run (a cache of constants, not run state); to "
        "become an object the session owns when filters use it",
}

DECL = re.compile(r"^(\s*)(static\s+|extern\s+)?((?:volatile\s+|const\s+|unsigned\s+|signed\s+|"
                  r"struct\s+\w+\s+|enum\s+\w+\s+|\w+\s+)+)(\**\s*(?:const\s+)?)(\w+)\s*"
                  r"(\[[^\]]*\])*\s*(=|;|,)")


def mutable(typ, ptr):
    """typ: the words before the name, ptr: the stars (and a const after)."""
    if ptr.strip():
        return not re.search(r"\*\s*const\s*$", ptr)
    return "const" not in typ.split()


def check_state(root):
    files = sorted(glob.glob(os.path.join(root, "src", "*.c")) +
                   glob.glob(os.path.join(root, "dissectors", "*.c")))
    bad = []
    for path in files:
        rel = os.path.relpath(path, root)
        text = strip_comments(open(path).read())
        depth = 0
        for no, line in enumerate(text.split("\n"), 1):
            at_top = depth == 0
            depth += line.count("{") - line.count("}")
            m = DECL.match(line)
            if not m or "(" in line.split("=")[0] or m.group(2) == "extern ":
                continue
            if m.group(3).split()[0] in ("return", "typedef", "goto", "case", "else"):
                continue
            local_static = not at_top and m.group(2) == "static "
            if not (at_top or local_static) or not mutable(m.group(3), m.group(4)):
                continue
            if at_top and line[0].isspace():
                continue	# inside an initializer
            name = m.group(5)
            if (os.path.basename(rel), name) in STATE_EXCEPTIONS:
                continue
            bad.append("%s:%d: '%s' is mutable %s state (put it in the session)"
                       % (rel, no, name, "file-scope" if at_top else "static"))
    main_c = os.path.join(root, "src", "main.c")
    if os.path.exists(main_c):
        n = len(open(main_c).read().split("\n")) - 1
        if n >= 300:
            bad.append("src/main.c:%d: %d lines: the driver goes in run.c, options "
                       "in options.c (keep main.c under 300)" % (n, n))
    else:
        bad.append("src/main.c:1: missing")
    return files, bad


# ---- file sizes ----

MAX_LINES = 800

# Files of constant tables only (names, structs, attribute sets), which may
# be longer: a table is read, not followed.  (path: what it holds)  None is
# over 800 lines today; rtnl_route_tables.c is the model.
PURE_TABLES = {
}

# Files over the limit that are being split or changed on other branches;
# split them (and drop them from here) when that work has landed.
TO_SPLIT = {
}

# a function definition: a line that opens a body after a parameter list
FUNC_DEF = re.compile(r"^[A-Za-z_][^;=]*\)\s*\n\{", re.M)


def line_count(path):
    with open(path, "rb") as f:
        return f.read().count(b"\n")	# as wc -l


def check_sizes(root, pure=None, to_split=None):
    pure = PURE_TABLES if pure is None else pure
    to_split = TO_SPLIT if to_split is None else to_split
    files = sorted(glob.glob(os.path.join(root, "src", "*.c")) +
                   glob.glob(os.path.join(root, "dissectors", "*.c")))
    bad = []
    for path in files:
        rel = os.path.relpath(path, root)
        n = line_count(path)
        if rel in pure:
            text = strip_comments(open(path).read())
            m = FUNC_DEF.search(text)
            if m:
                no = text.count("\n", 0, m.start()) + 1
                bad.append("%s:%d: listed as pure tables (PURE_TABLES) but defines a "
                           "function" % (rel, no))
            continue
        if n <= MAX_LINES:
            if rel in to_split:
                print("note: %s has %d lines now: drop it from TO_SPLIT" % (rel, n))
            continue
        if rel in to_split:
            print("allowed: %s: %d lines (%s)" % (rel, n, to_split[rel]))
            continue
        bad.append("%s:%d: %d lines, more than %d: split it by concern (tables "
                   "apart from logic; docs/hacking.md)" % (rel, n, n, MAX_LINES))
    for rel in sorted(set(pure) | set(to_split)):
        if not os.path.exists(os.path.join(root, rel)):
            print("note: %s is listed but does not exist" % rel)
    return files, bad


def check_sizes_selftest(root):
    import tempfile
    del root
    bad = []
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "src"))
        os.makedirs(os.path.join(tmp, "dissectors"))

        def put(rel, text):
            with open(os.path.join(tmp, rel), "w") as f:
                f.write(text)
        put("src/limit.c", "int x;\n" * MAX_LINES)
        put("src/long.c", "int y;\n" * (MAX_LINES + 1))
        put("dissectors/tab.c", "static const int t[] = { 1 };\n" * (MAX_LINES + 5))
        put("dissectors/fake_tab.c", "int f(void)\n{\n\treturn 0;\n}\n" * 300)
        put("dissectors/later.c", "int z;\n" * (MAX_LINES + 9))
        pure = {"dissectors/tab.c": "test", "dissectors/fake_tab.c": "test"}
        files, found = check_sizes(tmp, pure, {"dissectors/later.c": "test"})
        want = ["dissectors/fake_tab.c:1:", "src/long.c:801:"]
        got = sorted(f.split(" ")[0] for f in found)
        if len(files) != 5 or got != want:
            bad.append("sizes on a made-up tree: findings %s, expected %s" % (got, want))
        _, none = check_sizes(tmp, {}, {})
        if len(none) != 4:	# without lists: long, tab, fake_tab, later
            bad.append("sizes without allow-lists: %d findings, expected 4" % len(none))
    return ["selftest"], bad


def main():
    checks = {"emitter": check_emitter, "includes": check_includes, "state": check_state,
              "sizes": check_sizes, "sizes-selftest": check_sizes_selftest}
    if len(sys.argv) != 3 or sys.argv[1] not in checks:
        print(__doc__)
        return 2
    root = sys.argv[2]
    res = checks[sys.argv[1]](root)
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
