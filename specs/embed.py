#!/usr/bin/env python3
"""embed.py OUT.c SRCROOT FILE... - the built-in specs, parsed now, as C
data for nldump's binary (src/spec.h, struct spec_pre).

Each spec's YAML document is composed (PyYAML, python3-yaml: no tags
resolved, every scalar kept as its text) into the tree src/spec_yaml.c
makes of a text with libyaml, flattened: its nodes in post-order (children
before their parent, the root last; an alias is its anchor's node, so
shared nodes stay shared and the tree has no cycle), written as a stream of
varints (src/spec.h says how), and the scalars in one string pool shared by
all specs.  On a family's first use the engine turns this
into its tree (spec_pre_tree) without parsing anything, and builds it as it
builds a --spec file; tests/spec_dump --pre-vs-text checks that both
readers give the same tree for every built-in spec.

A file's family is its top-level `name:` and an overlay has a top-level
`overlay: true`.  netlink-raw specs are kept (the nfnetlink dissector asks
for them per subsystem).  Left out are the families with hand tables:
every `.genl_family = "NAME"` of SRCROOT/dissectors/*.c (nlctrl and the
ovs_* families), so a spec added later for one of them (ovs_meter,
ovs_ct_limit) never replaces its hand tables."""
import glob
import os
import re
import sys

try:
    import yaml
except ImportError:
    sys.exit("embed.py: python3-yaml is needed to build nldump (the built-in specs)")

# libyaml's composer when PyYAML has it (as nldump's reader), else PyYAML's own
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

SN_SCALAR, SN_MAP, SN_SEQ = 0, 1, 2	# src/spec_priv.h


def hand_families(root):
    """The genl families with hand tables (dissectors/*.c)."""
    names = set()
    for path in glob.glob(os.path.join(root, "dissectors", "*.c")):
        text = open(path, encoding="utf-8").read()
        names.update(re.findall(r'\.genl_family\s*=\s*"([^"]+)"', text))
    return names


def top(root, key):
    """The scalar text of a top-level key, or None."""
    for k, v in root.value:
        if k.value == key and isinstance(v, yaml.ScalarNode):
            return v.value
    return None


def c_string(s):
    """s as a C string literal."""
    return '"' + "".join(c if c.isalnum() or c in " ._-/+" else "\\%03o" % b
                         for c, b in ((chr(b), b) for b in s.encode("utf-8"))) + '"'


class Pool:
    """The scalars of all specs, NUL-terminated, each text once."""

    def __init__(self):
        self.data = bytearray()
        self.at = {}

    def add(self, s):
        if s not in self.at:
            self.at[s] = len(self.data)
            self.data += s.encode("utf-8") + b"\0"
        return self.at[s]


def varint(out, x):
    """x (unsigned) to out, 7 bits a byte, low bits first."""
    while x >= 0x80:
        out.append(x & 0x7F | 0x80)
        x >>= 7
    out.append(x)


def flatten(root, pool, path):
    """The nodes of a composed document in post-order, as (t, line, n, at,
    kids) rows: at the scalar's offset in the pool, kids the indices of a
    map's keys and values or a sequence's items."""
    nodes, index = [], {}

    def visit(node, depth):
        if id(node) in index:	# an alias: the anchor's node, shared
            return index[id(node)]
        if depth > 32:
            sys.exit("%s:%d: nesting deeper than 32" % (path, node.start_mark.line + 1))
        line = node.start_mark.line + 1
        if isinstance(node, yaml.ScalarNode):
            if "\0" in node.value:
                sys.exit("%s:%d: NUL byte in a scalar" % (path, line))
            row = (SN_SCALAR, line, len(node.value.encode("utf-8")), pool.add(node.value), [])
        else:
            if isinstance(node, yaml.MappingNode):
                items = [x for kv in node.value for x in kv]
                t, n = SN_MAP, len(node.value)
            else:
                items, t, n = node.value, SN_SEQ, len(node.value)
            row = (t, line, n, 0, [visit(x, depth + 1) for x in items])
        index[id(node)] = len(nodes)
        nodes.append(row)
        return len(nodes) - 1

    visit(root, 0)
    return nodes


def encode(nodes):
    """The nodes as struct spec_pre's tree: per node n << 2 | t, the line
    less the previous node's (zigzag), then a scalar's pool offset or the
    distance back to each child."""
    out, prev = bytearray(), 0
    for i, (t, line, n, at, kids) in enumerate(nodes):
        varint(out, n << 2 | t)
        d = line - prev
        varint(out, d << 1 if d >= 0 else (-d << 1) - 1)
        prev = line
        if t == SN_SCALAR:
            varint(out, at)
        for k in kids:
            varint(out, i - k)
    return out


def c_array(ctype, name, values, per_line=16):
    """A const C array of values (each a C expression)."""
    values = list(values) or ["0"]
    lines = [", ".join(values[i:i + per_line]) for i in range(0, len(values), per_line)]
    return "static const %s %s[] = {\n\t%s\n};\n" % (ctype, name, ",\n\t".join(lines))


# built in only with an overlay: mptcp_pm's events (enum mptcp_event_type,
# multicast) share command numbers with its replies and the kernel spec does
# not describe them as messages; the events would decode as replies (nested
# "addr" attributes out of token numbers: malformed).  An overlay declaring
# them as event operations (the engine looks a multicast message up among a
# family's events first) makes the spec right.
NEEDS_OVERLAY = {"mptcp_pm"}


def main():
    out, root, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    hand = hand_families(root)
    docs = []
    for path in sorted(files):
        try:
            with open(path, "rb") as f:
                doc = yaml.compose(f, Loader=LOADER)
        except yaml.YAMLError as e:
            sys.exit("%s: %s" % (path, e))
        if not isinstance(doc, yaml.MappingNode):
            sys.exit("%s: the document is not a mapping" % path)
        name = top(doc, "name")
        if not name:
            sys.exit("%s: no top-level name:" % path)
        docs.append((path, doc, name, top(doc, "overlay") == "true"))
    overlaid = {name for _, _, name, overlay in docs if overlay}
    pool = Pool()
    rows, arrays = [], []
    for i, (path, doc, name, overlay) in enumerate(docs):
        if not overlay and (name in hand
                            or (name in NEEDS_OVERLAY and name not in overlaid)):
            continue
        nodes = flatten(doc, pool, path)
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
        arrays.append(c_array("uint8_t", "tree_%d" % i, map(str, encode(nodes)), per_line=24))
        raw = top(doc, "protocol") == "netlink-raw"
        rows.append("\t{ %s, %s, %s, %s, tree_%d, sizeof(tree_%d), %d, %d, spec_pool,"
                    " sizeof(spec_pool) },"
                    % (c_string(name), c_string(rel), "true" if overlay else "false",
                       "true" if raw else "false",
                       i, i, len(nodes), sum(len(x[4]) for x in nodes)))
    with open(out, "w") as f:
        f.write("/* generated by specs/embed.py: the built-in specs, parsed */\n")
        f.write('#include "spec.h"\n\n')
        f.write(c_array("char", "spec_pool", map(str, pool.data), per_line=24) + "\n")
        f.write("\n".join(arrays) + "\n")
        f.write("const struct spec_pre spec_builtin[] = {\n")
        f.write("\n".join(rows) + "\n")
        f.write("\t{ NULL, NULL, false, false, NULL, 0, 0, 0, NULL, 0 }\n};\n")
        f.write("const unsigned spec_nbuiltin = %d;\n" % len(rows))


main()
