#!/usr/bin/env python3
"""check_txn.py - transactions (issue 15 items 1-3) against a pairing of
its own.

  check_txn.py NLDUMP MKPCAP SRCROOT OUTDIR

For every sample capture (captures/*.pcap) nldump --json is read and the
requests are paired with their answers again here, from the JSON alone,
by the simple rules of docs/json.md ("txn"):

  ACK, ERROR  the earliest open request of the protocol whose header is
              the echoed one (type, seq, pid; the echoed flags a subset
              with the same low byte: the kernel may clear EXCL); a
              request that asked for no answer (no ACK, reply or dump)
              only when it is the latest that fits
  dump        NLM_F_MULTI parts and their DONE, by (protocol, port id,
              seq): the earliest open dump request of that seq, else a
              request waiting for a reply
  reply       the earliest open request of that protocol and seq waiting
              for one (a GET that is no dump, or NLM_F_ECHO), of a
              plausible type (route GETx -> NEWx or itself; genl the
              same family id)

Every ACK, ERROR, part and DONE must carry "txn"; its request must be the
one found here, unless nldump says "ambiguous" (then it must still be a
request of that protocol and seq) or either side found none.  Every error
whose extended ACK has an offset and whose request is known must have
offs_path, and -T paths of the request must put that field at that offset.
In ovs_vswitchd.pcap every MISS upcall followed by the flow installed for it
must be linked ("ovs").  The crafted captures/src/txn.hex (made again here
and compared with captures/cut/txn.pcap) has its exact expectations.
"""
import glob
import json
import os
import re
import subprocess
import sys

CONTROL = {"NOOP", "ERROR", "DONE", "OVERRUN"}


def nldump_json(nldump, pcap, *extra):
    out = subprocess.run([nldump, "-r", pcap, "--json", *extra], capture_output=True,
                         text=True, check=True, env=dict(os.environ, TZ="UTC", LC_ALL="C"))
    return [json.loads(line) for line in out.stdout.splitlines()]


def cmd_name(m):
    """The request's command as its family names it (for "is it a GET")."""
    for k in ("genl", "nfnl"):
        if k in m:
            v = m[k].get("cmd", m[k].get("msg"))
            return str(v)
    return str(m["nlmsg"]["type"])


def is_control(t):
    return t in CONTROL or (isinstance(t, int) and t < 16)


class Pairing:
    def __init__(self):
        self.reqs = []
        self.dumps = {}

    def open_reqs(self, proto, m, pred):
        return [q for q in self.reqs
                if not q["closed"] and q["proto"] == proto and
                (q["port"] is None or q["port"] == m["nlmsg"]["pid"]) and pred(q)]

    def take(self, cands, m):
        if not cands:
            return None, False
        q = cands[0]
        q["answered"] = True
        q["port"] = m["nlmsg"]["pid"]
        return q, len(cands) > 1

    def request(self, m):
        h = m["nlmsg"]
        flags = set(h["flag_names"])
        last = self.reqs[-1] if self.reqs else None
        if (m["dir_inferred"] and last and not last["answered"] and last["pid"] == 0 and
                h["pid"] != 0 and last["proto"] == m["proto_id"] and
                (last["type"], last["flags"], last["seq"]) == (h["type"], h["flags"], h["seq"])):
            return  # the kernel's notification carrying the request's header
        dump = "root" in flags and "match" in flags
        cmd = cmd_name(m).upper().replace("-", "_")
        # a GET by its name; devlink's resource-dump is a "do" answered
        # by a dump
        get = cmd.startswith("GET") or cmd.endswith(("_GET", "_DUMP")) or dump
        self.reqs.append({
            "frame": m["frame"], "index": m["index"], "proto": m["proto_id"],
            "type": h["type"], "flags": h["flags"], "seq": h["seq"], "pid": h["pid"],
            "dump": dump, "want_reply": (get and not dump) or "echo" in flags,
            "want_ack": "ack" in flags, "port": None, "answered": False,
            "closed": False, "replied": False, "dumping": False})

    def error(self, m):
        echo = m.get("error", {}).get("request", {}).get("nlmsg")
        if not echo:
            return None, False
        ef = echo["flags"]

        def fit(q):
            return (q["type"] == echo["type"] and q["seq"] == echo["seq"] and
                    q["pid"] == echo["pid"] and (q["flags"] & 0xff) == (ef & 0xff) and
                    not (ef & ~q["flags"]))
        cands = self.open_reqs(m["proto_id"], m, fit)
        # a request wanting no answer fails while the kernel processes it:
        # not when a later one fits too
        cands = [q for q in cands if q["want_ack"] or q["want_reply"] or q["dump"] or
                 q is cands[-1]]
        q, amb = self.take(cands, m)
        if q:
            q["closed"] = True
        return q, amb

    def part(self, m, done):
        h = m["nlmsg"]
        key = (m["proto_id"], h["pid"], h["seq"])
        if key not in self.dumps:
            c = self.open_reqs(m["proto_id"], m,
                               lambda q: q["seq"] == h["seq"] and q["dump"] and not q["dumping"])
            if not c:
                c = self.open_reqs(m["proto_id"], m, lambda q: q["seq"] == h["seq"] and
                                   q["want_reply"] and not q["replied"])
            q, amb = self.take(c, m)
            if q:
                q["dumping"] = q["replied"] = True
            self.dumps[key] = (q, amb)
        q, amb = self.dumps[key]
        if done:
            del self.dumps[key]
            if q and not q["want_ack"]:
                q["closed"] = True
        return q, amb

    def reply(self, m):
        h = m["nlmsg"]

        def plausible(q):
            if m["proto_id"] == 0:
                return h["type"] == q["type"] or (
                    str(q["type"]).startswith("GET") and
                    h["type"] == "NEW" + str(q["type"])[3:])
            if m["proto_id"] == 16:
                return h["type"] == q["type"]
            return True
        q, amb = self.take(self.open_reqs(
            m["proto_id"], m, lambda q: q["seq"] == h["seq"] and q["want_reply"] and
            not q["replied"] and plausible(q)), m)
        if q:
            q["replied"] = True
            if not q["want_ack"]:
                q["closed"] = True
        return q, amb


def check_pairing(name, msgs, fails):
    p = Pairing()
    by_pos = {(m["frame"], m["index"]): m for m in msgs}
    n = {"answers": 0, "ambiguous": 0}
    for m in msgs:
        if m.get("copy_of"):
            if "txn" in m:
                fails.append("%s: frame %d: a copy has a txn" % (name, m["frame"]))
            continue
        t = m["nlmsg"]["type"]
        flags = set(m["nlmsg"]["flag_names"])
        where = "%s: frame %d.%d" % (name, m["frame"], m["index"])
        if m["dir"] == "to_kernel":
            if "request" in flags and not is_control(t):
                p.request(m)
            if "txn" in m:
                fails.append("%s: a request has a txn" % where)
            continue
        must = True
        if t == "ERROR":
            q, amb = p.error(m)
        elif t == "DONE":
            q, amb = p.part(m, True)
        elif is_control(t):
            continue
        elif "multi" in flags:
            q, amb = p.part(m, False)
        else:
            q, amb = p.reply(m)
            must = q is not None
        tx = m.get("txn")
        if tx is None:
            if must:
                fails.append("%s: %s without txn" % (where, t))
            continue
        n["answers"] += 1
        got = tx.get("request_frame")
        if tx.get("ambiguous"):
            n["ambiguous"] += 1
            rq = by_pos.get((got, tx.get("request_index")))
            if not rq or rq["proto_id"] != m["proto_id"]:
                fails.append("%s: ambiguous txn names no request of its protocol" % where)
            continue
        want = (q["frame"], q["index"]) if q else None
        have = (got, tx.get("request_index")) if got is not None else None
        if want != have:
            fails.append("%s: %s paired with %s, expected %s%s" %
                         (where, t, have, want, " (ambiguous here)" if amb else ""))
        elif amb:
            fails.append("%s: %s fits more than one request: nldump does not say "
                         "ambiguous" % (where, t))
        if got is not None and tx.get("latency_us", -1) < 0:
            fails.append("%s: negative latency" % where)
    return n


def paths_of(nldump, pcap, frames):
    """-T paths lines of those frames: {(frame, index): [(path, offset)]}."""
    out = subprocess.run([nldump, "-r", pcap, "-T", "paths"], capture_output=True,
                         text=True, check=True).stdout
    res = {}
    for line in out.splitlines():
        f = line.split("\t")
        if len(f) < 6 or not f[0].isdigit() or int(f[0]) not in frames:
            continue
        res.setdefault((int(f[0]), int(f[1])), []).append((f[2], int(f[4])))
    return res


def check_offs(name, nldump, pcap, msgs, fails):
    errs = []
    for m in msgs:
        ea = m.get("error", {}).get("ext_ack", {})
        if "offs" not in ea or m.get("copy_of"):
            continue
        tx = m.get("txn", {})
        if tx.get("request_frame") is None and "capped" in m["nlmsg"]["flag_names"]:
            continue  # no request: nothing to resolve against
        if "offs_path" not in ea:
            fails.append("%s: frame %d: ext_ack offs %d without offs_path" %
                         (name, m["frame"], ea["offs"]))
            continue
        errs.append((m, tx))
    if not errs:
        return 0
    frames = {tx["request_frame"] for _, tx in errs if "request_frame" in tx}
    frames |= {m["frame"] for m, _ in errs}
    paths = paths_of(nldump, pcap, frames)
    for m, tx in errs:
        ea = m["error"]["ext_ack"]
        if "request_frame" in tx:
            ev = paths.get((tx["request_frame"], tx["request_index"]), [])
            prefix = ""
        else:
            ev = paths.get((m["frame"], m["index"]), [])
            prefix = "error.request."
        starts = [o for p, o in ev if p == prefix + "nlmsg"]
        if not starts:
            fails.append("%s: frame %d: the request's fields not found" % (name, m["frame"]))
            continue
        at = starts[0] + ea["offs"]
        # an attribute's value follows its 4-byte header; a struct member
        # is where the offset points
        if (prefix + ea["offs_path"], at + 4) not in ev and (prefix + ea["offs_path"], at) not in ev:
            fails.append("%s: frame %d: offs_path %s is not the field at offset %d" %
                         (name, m["frame"], ea["offs_path"], ea["offs"]))
    return len(errs)


def check_crafted(nldump, mkpcap, src, outdir, fails):
    made = os.path.join(outdir, "txn.pcap")
    subprocess.run([sys.executable, mkpcap, os.path.join(src, "captures", "src", "txn.hex"),
                    made], check=True)
    cut = os.path.join(src, "captures", "cut", "txn.pcap")
    if open(made, "rb").read() != open(cut, "rb").read():
        fails.append("captures/cut/txn.pcap is not what mkpcap.py makes of captures/src/txn.hex")
    msgs = {(m["frame"], m["index"]): m for m in nldump_json(nldump, made)}
    expect = {
        (2, 0): {"request_frame": 1, "request_index": 0, "latency_us": 250},
        (4, 1): {"request_frame": 3, "request_index": 0, "latency_us": 500},
        (6, 0): {"request_frame": 3, "request_index": 0, "latency_us": 1500},
        (8, 0): {"request_frame": 7, "request_index": 0, "latency_us": 100},
        (11, 0): {"request_frame": 9, "request_index": 0, "latency_us": 200, "ambiguous": True},
        (12, 0): {"request_frame": 10, "request_index": 0, "latency_us": 200},
        (17, 0): {"request": None},
    }
    for pos, want in expect.items():
        got = msgs.get(pos, {}).get("txn")
        if got != want:
            fails.append("txn.pcap frame %d.%d: txn %s, expected %s" % (pos + (got, want)))
    ea = msgs.get((2, 0), {}).get("error", {}).get("ext_ack", {})
    if ea.get("offs_path") != "attrs.linkinfo.data.id":
        fails.append("txn.pcap frame 2: a capped ERROR's offs_path %r" % ea.get("offs_path"))
    dumps = {(6, 0): {"messages": 3, "bytes": 128, "frames": 3, "duration_us": 1000},
             (15, 0): {"messages": 1, "bytes": 32, "frames": 2, "duration_us": 100,
                       "interrupted": True}}
    for pos, want in dumps.items():
        got = msgs.get(pos, {}).get("dump")
        if got != want:
            fails.append("txn.pcap frame %d: dump %s, expected %s" % (pos[0], got, want))
    # (the pairing needs the messages decoded: -q --stats reads headers only)
    st = subprocess.run([nldump, "-r", made, "--stats"], capture_output=True,
                        text=True).stderr
    if not re.search(r"^route GETLINK +16 +0$", st, re.M):
        fails.append("txn.pcap --stats: the unanswered GETLINK of frame 16 not listed")


def main():
    nldump, mkpcap, src, outdir = sys.argv[1:5]
    os.makedirs(outdir, exist_ok=True)
    fails = []
    check_crafted(nldump, mkpcap, src, outdir, fails)
    caps = sorted(glob.glob(os.path.join(src, "captures", "*.pcap")))
    if not caps:
        fails.append("no captures in %s/captures" % src)
    for pcap in caps:
        name = os.path.basename(pcap)
        msgs = nldump_json(nldump, pcap)
        n = check_pairing(name, msgs, fails)
        k = check_offs(name, nldump, pcap, msgs, fails)
        print("%s: %d answers paired (%d ambiguous), %d error offsets" %
              (name, n["answers"], n["ambiguous"], k))
    for f in fails[:200]:
        print("FAIL", f)
    if len(fails) > 200:
        print("... and %d more" % (len(fails) - 200))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
