#!/usr/bin/env python3
"""Compare nldump's decoding of spec-built genl families with the tools' own
view, from the captures' truth files:

  devlink.truth/devlink-dev.json     `devlink -j dev`: every handle bus/dev
                                     is in a `get` reply
  devlink.truth/devlink-port.json    `devlink -j port`: each port's handle,
                                     type, netdev, flavour, number in a
                                     port-get reply or port-new notification
  devlink.truth/devlink-param.json   `devlink -j dev param`: each parameter's
                                     name, cmode and value (u32, flag) in a
                                     param-get reply
  wireguard.truth/wg-show-all-dump.txt  `wg show all dump`: the interface's
                                     keys (base64), port, fwmark; each peer's
                                     key, preshared key, endpoint, allowed ips
  misc_genl.truth/mptcp-endpoints.txt  `ip mptcp endpoint`: one get-addr dump
                                     says the same endpoints (address, id,
                                     flags, dev)
  misc_genl.truth/mptcp-limits.txt   `ip mptcp limits`
  misc_genl.truth/tcp-metrics.txt    `ip tcp_metrics`: one dump says the same
                                     (address, source, cwnd, rtt, rttvar)

usage: check_genl_truth.py NLDUMP CAPTURE_DIR
"""
import json
import os
import sys

import nltest
from nltest import check


def decode(capdir, name):
    rc, out, err = nltest.run(["--json", "-r", os.path.join(capdir, name + ".pcap")])
    check(rc == 0, f"{name} --json: exit {rc}: {err[:300]}")
    return [json.loads(line) for line in out.splitlines()]


def replies(msgs, family, cmd):
    return [m for m in msgs if m.get("genl", {}).get("family") == family and
            m["genl"].get("cmd") == cmd and m.get("dir") == "to_user" and "attrs" in m]


def items(v):
    """a member that may be repeated (a JSON array) or not"""
    return v if isinstance(v, list) else [v]


def devlink(capdir):
    t = os.path.join(capdir, "devlink.truth")
    msgs = decode(capdir, "devlink")
    handles = {"%s/%s" % (m["attrs"].get("bus-name"), m["attrs"].get("dev-name"))
               for m in replies(msgs, "devlink", "get")}
    for h in nltest.need(json.load(open(os.path.join(t, "devlink-dev.json")))["dev"], "devlink dev"):
        check(h in handles, f"devlink dev {h}: no get reply names it ({sorted(handles)})")

    ports = {}
    # replies, and the notifications of a port's change (port-new)
    for m in replies(msgs, "devlink", "port-get") + replies(msgs, "devlink", "port-new"):
        a = m["attrs"]
        h = "%s/%s/%s" % (a.get("bus-name"), a.get("dev-name"), a.get("port-index"))
        if a.get("port-type") == "eth":	# the state devlink showed (netdevs up)
            ports[h] = a
    truth = json.load(open(os.path.join(t, "devlink-port.json")))["port"]
    for h, want in nltest.need(list(truth.items()), "devlink ports"):
        a = ports.get(h)
        if not check(a is not None, f"devlink port {h}: no port-get reply"):
            continue
        check(a.get("port-netdev-name") == want["netdev"], f"port {h} netdev {a.get('port-netdev-name')}")
        check(a.get("port-flavour") == want["flavour"], f"port {h} flavour {a.get('port-flavour')}")
        check(a.get("port-number") == want["port"], f"port {h} number {a.get('port-number')}")

    params = {}
    for m in replies(msgs, "devlink", "param-get"):
        p = m["attrs"].get("param", {})
        params.setdefault(p.get("param-name"), []).append(p)
    truth = json.load(open(os.path.join(t, "devlink-param.json")))["param"]
    for h, plist in truth.items():
        for want in nltest.need(plist, "devlink params"):
            got = params.get(want["name"], [])
            check(got, f"param {want['name']}: no param-get reply")
            for wv in want["values"]:
                seen = []
                for p in got:
                    for v in items(p.get("param-values-list", {}).get("param-value", [])):
                        if v.get("param-value-cmode") != wv["cmode"]:
                            continue
                        data = v.get("param-value-data")
                        # typed by param-type (a number, a flag true or absent)
                        if p.get("param-type") == "u32" and isinstance(data, int):
                            seen.append(data)
                        elif p.get("param-type") == "flag":
                            seen.append(data is True)
                check(wv["value"] in seen,
                      f"param {want['name']} {wv['cmode']}: {wv['value']} not in {seen}")


def wireguard(capdir):
    msgs = decode(capdir, "wireguard")
    devs = replies(msgs, "wireguard", "get-device")
    peers = {}
    for m in devs:
        for p in items(m["attrs"].get("peers", [])):
            peers.setdefault(p.get("public-key"), []).append(p)
    lines = open(os.path.join(capdir, "wireguard.truth", "wg-show-all-dump.txt")).read().splitlines()
    for line in nltest.need(lines, "wg show all dump"):
        f = line.split("\t")
        if len(f) == 5:	# the interface: name, private, public, port, fwmark
            ok = any(m["attrs"].get("ifname") == f[0] and m["attrs"].get("private-key") == f[1] and
                     m["attrs"].get("public-key") == f[2] and m["attrs"].get("listen-port") == int(f[3]) and
                     m["attrs"].get("fwmark", 0) == (0 if f[4] == "off" else int(f[4], 16))
                     for m in devs)
            check(ok, f"wg interface {f[0]} {f[2]}: no get-device reply with these keys, port, fwmark")
            continue
        key, psk, endpoint, allowed = f[1], f[2], f[3], f[4]
        want = set(allowed.split(",")) if allowed != "(none)" else set()

        def same(p):
            ips = {"%s/%d" % (a.get("ipaddr"), a.get("cidr-mask"))
                   for a in items(p.get("allowedips", []))}
            return ((psk == "(none)" or p.get("preshared-key") == psk) and
                    p.get("endpoint") == endpoint and ips == want)
        check(any(same(p) for p in peers.get(key, [])),
              f"wg peer {key}: no reply with its key, endpoint {endpoint}, allowed ips {allowed}")


def mptcp_tcp_metrics(capdir):
    t = os.path.join(capdir, "misc_genl.truth")
    msgs = decode(capdir, "misc_genl")
    names = {}
    for m in msgs:	# interface names, for dev
        a = m.get("attrs", {})
        if m.get("proto") == "route" and "ifname" in a and m.get("ifinfomsg", {}).get("index"):
            names[m["ifinfomsg"]["index"]] = a["ifname"]
    dumps = {}
    for m in replies(msgs, "mptcp_pm", "get-addr"):
        a = m["attrs"].get("addr", {})
        # the flags by name (the overlay names MPTCP_PM_ADDR_FLAG_*), or a number
        fl = a.get("flags", 0)
        flags = ([n for b, n in enumerate(["signal", "subflow", "backup", "fullmesh"])
                  if fl & (1 << b)] if isinstance(fl, int) else list(fl))
        words = [a.get("addr4") or a.get("addr6"), "id", str(a.get("id"))] + flags
        if "if-idx" in a:
            words += ["dev", names.get(a["if-idx"], "if%d" % a["if-idx"])]
        dumps.setdefault(m["nlmsg"]["pid"], []).append(" ".join(words))
    want = sorted(line.split() and " ".join(line.split()) for line in
                  open(os.path.join(t, "mptcp-endpoints.txt")).read().splitlines() if line.strip())
    check(any(sorted(d) == want for d in dumps.values()),
          f"ip mptcp endpoint {want}: no get-addr dump says it ({list(dumps.values())})")

    lim = open(os.path.join(t, "mptcp-limits.txt")).read().split()
    want = {lim[i]: int(lim[i + 1]) for i in range(0, len(lim) - 1, 2)}
    got = [{"add_addr_accepted": m["attrs"].get("rcv-add-addrs"), "subflows": m["attrs"].get("subflows")}
           for m in replies(msgs, "mptcp_pm", "get-limits")]
    check(want in got, f"ip mptcp limits {want}: not in {got}")

    dumps = {}
    for m in replies(msgs, "tcp_metrics", "get"):
        a = m["attrs"]
        v = a.get("vals", {})
        dumps.setdefault(m["nlmsg"]["pid"], []).append((
            a.get("addr-ipv4") or a.get("addr-ipv6"), v.get("cwnd"), v.get("rtt-us", 0) >> 3,
            v.get("rttvar-us", 0) >> 2, a.get("saddr-ipv4") or a.get("saddr-ipv6")))
    want = []
    for line in open(os.path.join(t, "tcp-metrics.txt")).read().splitlines():
        w = line.split()
        if not w:
            continue
        kv = dict(zip(w[1::2], w[2::2]))
        want.append((w[0], int(kv["cwnd"]), int(kv["rtt"].removesuffix("us")),
                     int(kv["rttvar"].removesuffix("us")), kv["source"]))
    check(any(sorted(d) == sorted(nltest.need(want, "tcp_metrics"))
              for d in dumps.values()),
          f"ip tcp_metrics {want}: no dump says it ({list(dumps.values())})")


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    nltest.setup("check_genl_truth", sys.argv[1])
    devlink(sys.argv[2])
    wireguard(sys.argv[2])
    mptcp_tcp_metrics(sys.argv[2])
    nltest.done()


if __name__ == "__main__":
    main()
