#!/usr/bin/env python3
"""-n writes numbers where the text output would write names.

usage: check_numeric.py NLDUMP CAPTURES_DIR

On ovs.pcap (route and generic netlink traffic, ERRORs, ACKs, dumps):
  * every one-line summary with -n starts with "proto N", then what the
    message is in numbers: "type N" (a route message), "genl 0xID cmd N"
    (every generic netlink message: the command is kept), or a control
    message (ERROR -N with the errno as a number, ACK, DONE, NOOP, OVERRUN:
    the four control messages of every protocol keep their names);
  * the request an ERROR or ACK answers is in numbers too: "(type N)",
    "(genl 0xID cmd N)", "(genl 0xID)" for a capped genl acknowledgement;
  * the flag word is one hexadecimal number, "[0x305]";
  * none of the names the same line has without -n (NEWLINK, ovs_flow,
    route, ENODEV, REQ...) is left in that part of the line.
On rtnl.pcap and ovs.pcap: --json is the same with and without -n.
"""
import os
import re
import sys

import nltest

HEAD = re.compile(r"^\S+ [<>] (proto \d+) (.*?) seq \d+(?: pid \d+)?"
                  r"(?: (\[[^\]]*\]))?(.*)$")
WHAT = re.compile(r"^(type \d+|genl 0x[0-9a-f]+ cmd \d+|genl 0x[0-9a-f]+ type \d+"
                  r"|ERROR -\d+|ACK|DONE|NOOP|OVERRUN)$")
ANSWER = re.compile(r"^ \((type \d+|genl 0x[0-9a-f]+(?: cmd \d+)?"
                    r"|NOOP|ERROR|DONE|OVERRUN|control)\)")
FLAGS = re.compile(r"^\[0x[0-9a-f]+\]$")
NAMED_HEAD = re.compile(r"^\S+ [<>] (\S+) (.*?) seq \d+(?: pid \d+)?"
                        r"(?: (\[[^\]]*\]))?(?:.*? \(([^()]*)\))?")


def run(*args):
    rc, out, err = nltest.run(args)
    nltest.check(rc == 0, "nldump %s: exit %d: %s" % (" ".join(args), rc, err[:300]))
    return out.splitlines()


def names_of(line):
    """The names a default summary line shows in its head, flags and answer."""
    m = NAMED_HEAD.match(line)
    if not m:
        return set()
    words = set(m.group(2).split())
    words.add(m.group(1))
    if m.group(3):
        words |= set(m.group(3).strip("[]").split(","))
    if m.group(4) and m.group(2).startswith(("ERROR", "ACK")):
        words |= set(m.group(4).split())
    # words that are numbers or labels in both forms ("genl 0x22" labels an id)
    return {w for w in words if re.search(r"[A-Za-z]", w) and
            not re.fullmatch(r"0x[0-9a-f]+|cmd|type|genl|ERROR|ACK|DONE|NOOP|OVERRUN", w)}


def check_lines(pcap):
    named = run("-r", pcap)
    numeric = run("-n", "-r", pcap)
    bad = []
    genl_cmds = answers = 0
    if len(named) != len(numeric):
        bad.append("%d lines without -n, %d with" % (len(named), len(numeric)))
    for no, (a, b) in enumerate(zip(named, numeric), 1):
        m = HEAD.match(b)
        if not m:
            bad.append("line %d: no summary head: %s" % (no, b))
            continue
        proto, what, flags, rest = m.groups()
        problems = []
        if not WHAT.match(what):
            problems.append("message %r" % what)
        if proto == "proto 16" and what.startswith("genl "):
            if " cmd " in what:
                genl_cmds += 1
        elif proto == "proto 16" and not WHAT.match(what):
            problems.append("genl message without its command")
        if flags and not FLAGS.match(flags):
            problems.append("flags %s" % flags)
        if what.startswith(("ERROR", "ACK")) and "(" in rest:
            tail = rest[rest.index(" ("):] if " (" in rest else rest
            if ANSWER.match(tail):
                answers += 1
            else:
                problems.append("answered request %r" % tail.split(")")[0])
        head = " ".join(x for x in (proto, what, flags or "") if x)
        if what.startswith(("ERROR", "ACK")) and rest.startswith(" ("):
            head += " " + rest.split(")")[0]
        left = [w for w in names_of(a) if re.search(r"(^|[ (\[,])%s($|[ )\],])"
                                                       % re.escape(w), head)]
        if left:
            problems.append("names kept: %s" % ",".join(sorted(left)))
        if problems:
            bad.append("line %d: %s: %s" % (no, "; ".join(problems), b))
    print("%s: %d lines, %d genl messages with their command, %d answers, %d problems"
          % (os.path.basename(pcap), len(numeric), genl_cmds, answers, len(bad)))
    for x in bad[:15]:
        print("  " + x)
    if not genl_cmds or not answers:
        print("  nothing compared: no genl command or no answered request found")
        return False
    return not bad


def check_json(pcap):
    a = run("--json", "-r", pcap)
    b = run("-n", "--json", "-r", pcap)
    diff = [i for i, (x, y) in enumerate(zip(a, b), 1) if x != y]
    print("%s: --json with -n: %d objects, %d differ" % (os.path.basename(pcap), len(b),
                                                        len(diff) + abs(len(a) - len(b))))
    for i in diff[:3]:
        print("  object %d:\n    %s\n    %s" % (i, a[i - 1][:300], b[i - 1][:300]))
    return bool(a) and a == b


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    nltest.setup("check_numeric", sys.argv[1])
    caps = sys.argv[2]
    nltest.check(check_lines(os.path.join(caps, "ovs.pcap")), "ovs.pcap: -n one-line summaries")
    for c in ("rtnl.pcap", "ovs.pcap"):
        nltest.check(check_json(os.path.join(caps, c)), c + ": --json the same with -n")
    nltest.done()


if __name__ == "__main__":
    main()
