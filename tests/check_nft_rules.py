#!/usr/bin/env python3
"""Compare the nft rules nldump renders (the member "rule" of a NEWRULE)
with the rules nft printed while netfilter.pcap was captured:

  netfilter.truth/nft-ruleset.txt   `nft -a list ruleset`: every rule (with
                                    its `# handle N`, in its table and
                                    chain) must be rendered the same, word
                                    for word, by nldump for a NEWRULE from
                                    the kernel (a reply, a notification or
                                    a dump part: the request has no handle)
                                    of that table, chain and handle

Counters are compared with their values masked (the ruleset shows the
counts of when it was listed, the NEWRULE those of when it was sent).  A
rendering that falls back to the expression list ("[ payload load ... ]")
matches nothing.  Every NEWRULE of one rule must render the same.  Prints
how many rules matched.

usage: check_nft_rules.py NLDUMP CAPTURE_DIR
"""
import json
import os
import re
import sys

import nltest
from nltest import check

COUNTER = re.compile(r"\bcounter packets \d+ bytes \d+")


def mask(rule):
    return COUNTER.sub("counter packets N bytes N", rule.strip())


def ruleset(path):
    """{(family, table, chain, handle): rule} of `nft -a list ruleset`"""
    rules = {}
    family = table = chain = None
    depth = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            s = line.strip()
            m = re.match(r"table (\S+) (\S+) \{", s)
            if m and depth == 0:
                family, table = m.groups()
            m = re.match(r"chain (\S+) \{", s)
            if m and depth == 1:
                chain = m.group(1)
            m = re.match(r"(.*\S) # handle (\d+)$", s)
            if (m and depth == 2 and chain and not s.startswith("type ")
                    and not s.endswith("{")):
                rules[(family, table, chain, int(m.group(2)))] = m.group(1)
            depth += s.count("{") - s.count("}")
            if depth < 2:
                chain = None
    return rules


def rendered(capdir):
    """{(family, table, chain, handle): set of renderings} of the kernel's
    NEWRULE messages"""
    rc, out, err = nltest.run(["--json", "-r", os.path.join(capdir, "netfilter.pcap")])
    check(rc == 0, f"netfilter --json: exit {rc}: {err[:300]}")
    seen = {}
    for line in out.splitlines():
        m = json.loads(line)
        if m.get("nfnl", {}).get("msg") != "NEWRULE" or m.get("dir") != "to_user":
            continue
        a = m.get("attrs", {})
        key = (m.get("nfgenmsg", {}).get("nfgen_family"), a.get("table"), a.get("chain"),
               a.get("handle"))
        if "rule" in m:
            seen.setdefault(key, set()).add(mask(m["rule"]))
    return seen


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    nltest.setup("check_nft_rules", sys.argv[1])
    capdir = sys.argv[2]
    truth = ruleset(os.path.join(capdir, "netfilter.truth", "nft-ruleset.txt"))
    check(len(truth) > 0, "no rule read from nft-ruleset.txt")
    seen = rendered(capdir)
    matched = 0
    for key, rule in sorted(truth.items()):
        got = seen.get(key, set())
        ok = mask(rule) in got
        matched += ok
        check(ok, "%s %s %s handle %d: nft prints %r, nldump rendered %s"
              % (*key, rule, sorted(got) or "no NEWRULE from the kernel"))
        # every NEWRULE of the rule (its reply, the dumps of later runs)
        # says the same, counters aside: a set dumped again is not doubled
        check(len(got) <= 1, "%s %s %s handle %d: renderings differ: %s"
              % (*key, sorted(got)))
    print(f"{matched} of {len(truth)} rules of nft -a list ruleset matched")
    nltest.done()


if __name__ == "__main__":
    main()
