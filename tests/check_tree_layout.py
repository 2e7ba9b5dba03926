#!/usr/bin/env python3
"""The -v tree gives every object one layout, whatever its values.

usage: check_tree_layout.py NLDUMP PCAP|DIR...   (DIR: its *.pcap)

Each capture is printed with -v and every tree line is filed under its path:
what the message is (the summary's protocol and message name, for an ERROR
or ACK the request it answers) and the keys from the message down to the
line, list indexes written "[]".  A path
is "open" where its line is just "key:" and the lines below it are its
members, "inline" where the line carries text after the key (a scalar, or
an object folded onto one line).  A path seen both ways is an object whose
layout depended on what it held: the check fails and lists those paths
with a line number of each layout.  A run that finds no object at all is a
failure, not a pass.

An attribute no policy knows (unknown_N) is left out: it is no structure,
and its shape is what the wire says (attributes when NLA_F_NESTED is set,
else a type/len/hex record), so one type number can take both shapes in
different messages (mptcp_pm's command 1 is a request and an event).

The fixed header (the first member after nlmsg) is part of what the
message is: sock_diag's family chooses both it and the attributes, so a
packet socket's info and a TCP socket's are different structures.

Where an object names its kind (`kind: "u32"` in tc options, link info),
the kind's own tables decode its siblings, so their keys are filed under
that kind (`options<u32>`): a u32 filter's pcnt and a matchall's are
different structures that happen to share a name.
"""
import os
import re
import sys

import nltest

INDEXED = re.compile(r"^\[\d+\]$")
UNKNOWN = re.compile(r"^unknown_\d+$")


def key_of(body):
    """The key of a tree line and whether the line opens an object."""
    if body.startswith("[") and not INDEXED.match(body.split(":", 1)[0]):
        return None, False          # a problem marker: [malformed at ...]
    if body.endswith(":") and ": " not in body:
        return body[:-1], True
    if ": " in body:
        return body.split(": ", 1)[0], False
    return body, False              # a flag attribute: just its name


HEAD = re.compile(r"^\S+ [<>] (\S+) (.*?) seq \d+")
ANSWERS = re.compile(r"\(([^()]*)\)$")


def message_kind(summary):
    """ "route NEWLINK", "genl ovs_flow NEW", "route ERROR (NEWLINK)"... """
    m = HEAD.match(summary)
    if not m:
        return summary.split(" ")[2] if summary.count(" ") >= 2 else summary
    proto, what = m.group(1), m.group(2)
    if what.startswith(("ERROR", "ACK")):
        a = ANSWERS.search(summary.split(" [malformed")[0].split(" [truncated")[0])
        what = what.split(" ")[0] + " (%s)" % (a.group(1) if a else "")
    return proto + " " + what


def layouts(text):
    """{path: {"open": first line, "inline": first line}} for one output."""
    seen = {}
    stack = []                      # keys of the open objects above
    kinds = {}                      # depth -> the kind named at that depth
    for no, line in enumerate(text.splitlines(), 1):
        if not line.startswith("  "):
            stack = [message_kind(line)]  # a summary line: a new message
            kinds = {}
            continue
        body = line.lstrip(" ")
        depth = (len(line) - len(body)) // 2 - 1
        del stack[depth + 1:]
        for d in [d for d in kinds if d > depth]:
            del kinds[d]
        key, opens = key_of(body)
        if key is None:
            continue
        if depth == 0 and key not in ("nlmsg", "attrs") and "<" not in stack[0]:
            # the fixed header names the layout (sock_diag: the family
            # chooses the header and the attribute set), so what follows
            # is filed under it: "sock_diag BY_FAMILY<packet_diag_msg>"
            stack[0] += "<%s>" % key
        if key == "kind" and not opens:
            kinds[depth] = body.split(": ", 1)[-1]
        elif depth in kinds:
            key = "%s<%s>" % (key, kinds[depth])
        if INDEXED.match(key):
            key = "[]"
        path = "/".join(stack + [key])
        if not UNKNOWN.match(key):
            seen.setdefault(path, {}).setdefault("open" if opens else "inline", no)
        if opens:
            stack.append(key)
    return seen


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    nltest.setup("check_tree_layout", sys.argv[1])
    objects = 0
    for pcap in nltest.pcaps(sys.argv[2:]):
        rc, out, err = nltest.run(["-v", "-r", pcap])
        nltest.check(rc == 0, "%s -v: exit %d: %s" % (pcap, rc, err[:300]))
        seen = layouts(out)
        mixed = sorted(p for p, l in seen.items() if len(l) == 2)
        nobj = sum(1 for l in seen.values() if "open" in l)
        objects += nobj
        print("%s: %d paths, %d open somewhere, %d with two layouts"
              % (os.path.basename(pcap), len(seen), nobj, len(mixed)))
        for p in mixed[:20]:
            print("  %s: open at line %d, inline at line %d"
                  % (p, seen[p]["open"], seen[p]["inline"]))
        nltest.check(not mixed, "%s: %d paths with two layouts" % (os.path.basename(pcap), len(mixed)))
    nltest.check(objects > 0, "no object found in any -v output: nothing was compared")
    nltest.done()


if __name__ == "__main__":
    main()
