#!/usr/bin/env python3
"""Compare nldump's decoding of ctnetlink and ipset (the nfnetlink specs of
specs/overlay/conntrack.yaml and specs/extra/ipset.yaml) with what the tools
printed while netfilter.pcap was captured:

  netfilter.truth/conntrack-L.txt   `conntrack -L`: every entry (protocol,
                                    TCP state, both tuples, [UNREPLIED],
                                    [ASSURED], mark, use) is in a decoded
                                    ctnetlink message
  netfilter.truth/ipset-list.txt    `ipset list`: every set's name, type,
                                    header (hashsize, maxelem, timeout,
                                    bucketsize, initval), size in memory,
                                    references and entry count, and every
                                    member, in a decoded list reply

and that no ctnetlink, ctnetlink_exp or ipset message of the capture has an
unknown_N attribute, a raw payload or a malformed entry.

usage: check_nf_truth.py NLDUMP CAPTURE_DIR
"""
import json
import os
import sys

import nltest
from nltest import check

# nfnetlink subsystems (the high byte of nlmsg_type): ctnetlink,
# ctnetlink_exp, ipset
CTNETLINK, CTNETLINK_EXP, IPSET = 1, 2, 6
L4 = {"icmp": 1, "tcp": 6, "udp": 17, "dccp": 33, "gre": 47, "icmpv6": 58,
      "sctp": 132, "udplite": 136}


def norm(v):
    """keys with '_' for '-' (spec names are kebab-case)"""
    if isinstance(v, dict):
        return {k.replace("-", "_"): norm(x) for k, x in v.items()}
    if isinstance(v, list):
        return [norm(x) for x in v]
    return v


def items(v):
    return v if isinstance(v, list) else [] if v is None else [v]


def subsys(m):
    """the subsystem of a message (nlmsg.type is a number, or a name)"""
    t = m.get("nlmsg", {}).get("type")
    if isinstance(t, int):
        return t >> 8
    nf = m.get("nfnl") or m.get("nfnetlink") or {}
    for k in ("subsys_id", "subsystem_id", "subsys"):
        if isinstance(nf.get(k), int):
            return nf[k]
    return None


def decode(capdir):
    rc, out, err = nltest.run(["--json", "-r", os.path.join(capdir, "netfilter.pcap")])
    check(rc == 0, f"netfilter --json: exit {rc}: {err[:300]}")
    return [json.loads(line) for line in out.splitlines()]


def walk(v):
    """every object in v, depth first"""
    if isinstance(v, dict):
        yield v
        for x in v.values():
            yield from walk(x)
    elif isinstance(v, list):
        for x in v:
            yield from walk(x)


# ---------------------------------------------------------------- conntrack

def flag_names(v):
    """a flags value as a set of names (a list of names, or a number)"""
    if isinstance(v, list):
        return {str(x).replace("_", "-").lower() for x in v}
    if isinstance(v, int):
        bits = ["expected", "seen-reply", "assured", "confirmed"]
        return {n for i, n in enumerate(bits) if v >> i & 1}
    return set()


def tuple_of(t):
    """(src, dst, l4 words) of a decoded tuple, as conntrack prints them"""
    ip = t.get("tuple_ip", {})
    l4 = t.get("tuple_proto", {})
    src = ip.get("ip_v4_src") or ip.get("ip_v6_src")
    dst = ip.get("ip_v4_dst") or ip.get("ip_v6_dst")
    p = l4.get("proto_num")
    if p == 1 or p == 58:
        v6 = "v6" if p == 58 else ""
        words = ("type=%s" % l4.get("proto_icmp%s_type" % v6),
                 "code=%s" % l4.get("proto_icmp%s_code" % v6),
                 "id=%s" % l4.get("proto_icmp%s_id" % v6))
    else:
        words = ("sport=%s" % l4.get("proto_src_port"), "dport=%s" % l4.get("proto_dst_port"))
    return ("src=%s" % src, "dst=%s" % dst) + words


def ct_entry(a):
    """the conntrack -L words of a decoded entry (its attributes a), but
    the timeout (the clock runs between the dump and the listing)"""
    p = a["tuple_orig"].get("tuple_proto", {}).get("proto_num")
    status = flag_names(a.get("status"))
    tcp = a.get("protoinfo", {}).get("protoinfo_tcp", {}).get("tcp_state")
    words = [str(p)]
    if tcp is not None:
        words.append(str(tcp).upper().replace("-", "_"))
    words += tuple_of(a["tuple_orig"])
    if "status" in a and "seen-reply" not in status:
        words.append("[UNREPLIED]")
    words += tuple_of(a.get("tuple_reply", {}))
    if "assured" in status:
        words.append("[ASSURED]")
    for k in ("mark", "use"):
        if k in a:
            words.append("%s=%s" % (k, a[k]))
    return " ".join(words)


def truth_ct(line):
    """conntrack -L: `tcp 6 116 TIME_WAIT src=...` -> the same words but the
    name and the timeout"""
    w = line.split()
    return " ".join([w[1]] + w[3:])


def conntrack(capdir, msgs):
    got = set()
    for m in msgs:
        if subsys(m) != CTNETLINK or "attrs" not in m:
            continue
        a = norm(m["attrs"])
        if "tuple_orig" in a:
            got.add(ct_entry(a))
    path = os.path.join(capdir, "netfilter.truth", "conntrack-L.txt")
    lines = [line for line in open(path).read().splitlines() if line.strip()]
    for line in nltest.need(lines, "conntrack -L"):
        want = truth_ct(line)
        check(want in got, f"conntrack -L {line!r}: no decoded entry says {want!r} "
              f"(decoded: {sorted(got)[:8]}...)")


# ---------------------------------------------------------------- ipset

def ipset_member(d):
    """an element as ipset list prints it: 198.51.100.0/24,tcp:80"""
    ip = d.get("ip", {})
    s = ip.get("ipv4") or ip.get("ipv6") or ""
    if "cidr" in d:
        s += "/%s" % d["cidr"]
    if "port" in d:
        names = {v: k for k, v in L4.items()}
        s += ",%s:%s" % (names.get(d.get("proto"), d.get("proto")), d["port"])
    return s


def truth_ipset(path):
    """{set name: {"Type": .., "Header": {..}, ..., "Members": [..]}}"""
    sets, cur, in_members = {}, None, False
    for line in open(path).read().splitlines():
        if not line.strip():
            in_members = False
            continue
        if in_members:
            cur["Members"].append(line.split()[0])
            continue
        k, _, v = line.partition(":")
        v = v.strip()
        if k == "Name":
            cur = sets.setdefault(v, {"Members": []})
        elif k == "Members":
            in_members = True
        elif k == "Header":
            w = v.split()
            cur["Header"] = dict(zip(w[0::2], w[1::2]))
        elif cur is not None:
            cur[k] = v
    return sets


def ipset(capdir, msgs):
    lists = {}
    for m in msgs:
        if subsys(m) != IPSET or m.get("dir") != "to_user" or "attrs" not in m:
            continue
        a = norm(m["attrs"])
        if "setname" in a and "data" in a:
            lists.setdefault(a["setname"], []).append(a)
    path = os.path.join(capdir, "netfilter.truth", "ipset-list.txt")
    want = truth_ipset(path)
    for name, t in nltest.need(list(want.items()), "ipset list"):
        replies = lists.get(name, [])
        if not check(replies, f"ipset set {name}: no list reply names it ({sorted(lists)})"):
            continue
        head = [r for r in replies if r.get("typename") == t["Type"]]
        check(head, f"ipset {name}: no list reply with type {t['Type']}")
        hdr = {"hashsize": "hashsize", "maxelem": "maxelem", "timeout": "timeout",
               "bucketsize": "bucketsize", "initval": "initval"}
        data = [r["data"] for r in head]
        for word, key in hdr.items():
            if word not in t.get("Header", {}):
                continue
            w = int(t["Header"][word], 0)
            check(any(d.get(key) == w for d in data),
                  f"ipset {name}: {word} {w} not in a list reply ({data})")
        for word, key in (("Size in memory", "memsize"), ("References", "references"),
                          ("Number of entries", "elements")):
            if word in t:
                check(any(d.get(key) == int(t[word]) for d in data),
                      f"ipset {name}: {word} {t[word]} not in a list reply ({data})")
        members = set()
        for r in replies:
            for d in items(r.get("adt", {}).get("data")):
                members.add(ipset_member(d))
        for mem in nltest.need(t["Members"], f"ipset {name} members"):
            check(mem in members, f"ipset {name}: member {mem} not in a list reply "
                  f"({sorted(members)})")


# ---------------------------------------------------------------- coverage

def clean(msgs):
    n = 0
    for m in msgs:
        if subsys(m) not in (CTNETLINK, CTNETLINK_EXP, IPSET):
            continue
        n += 1
        frame = m.get("frame")
        check("payload" not in m, f"frame {frame}: raw payload {m.get('payload', '')[:40]}")
        check("malformed" not in m, f"frame {frame}: malformed {m.get('malformed')}")
        unknown = [k for o in walk(m) for k in o if k.startswith("unknown_")]
        check(not unknown, f"frame {frame}: {unknown}")
    check(n > 0, "no ctnetlink or ipset message in netfilter.pcap")
    print(f"{n} ctnetlink, ctnetlink_exp and ipset messages")


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    nltest.setup("check_nf_truth", sys.argv[1])
    msgs = decode(sys.argv[2])
    if not any(subsys(m) == CTNETLINK and "attrs" in m for m in msgs):
        nltest.skip("no ctnetlink message is decoded (no nfnetlink dissector)")
    clean(msgs)
    conntrack(sys.argv[2], msgs)
    ipset(sys.argv[2], msgs)
    nltest.done()


if __name__ == "__main__":
    main()
