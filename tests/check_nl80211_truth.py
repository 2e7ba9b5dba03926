#!/usr/bin/env python3
"""check_nl80211_truth.py NLDUMP CAPTURE_DIR - nl80211 decoded against iw.

captures/nl80211.truth holds what `iw` printed while the capture ran:
  iw-dev.txt            interfaces: name, ifindex, address, phy, type
  iw-*-stations-*.txt   stations: MAC, signal, rx/tx bitrate
  iw-link-*.txt         the BSS connected to: BSSID, SSID, frequency
  hostapd-*.conf        the APs: SSID, channel, WPA2-PSK with CCMP
Each is looked for in nldump --json of nl80211.pcap: interfaces in the
interface messages (the last one of each name has iw's type), stations in
new-station messages (signal in dBm, bitrates through the Mb/s members),
BSSes in scan results (SSID from the information elements, frequency and
its channel member, the RSN element's suites).
Exit 1 on a mismatch, or when nothing was compared.
"""
import glob
import json
import os
import re
import sys

import nltest
from nltest import check, need

IFTYPE = {"managed": "station", "AP": "ap", "monitor": "monitor", "IBSS": "adhoc",
          "mesh point": "mesh-point"}


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def msgs(nldump, pcap):
    rc, out, err = nltest.run(["-r", pcap, "--json"], nldump=nldump)
    check(rc == 0, f"nldump --json {pcap}: exit {rc} {err[:200]}")
    for line in out.splitlines():
        o = json.loads(line)
        g = o.get("genl") or {}
        if g.get("family") == "nl80211" and isinstance(o.get("attrs"), dict):
            yield o


def as_list(v):
    return v if isinstance(v, list) else [v]


def interfaces(truth, ms):
    text = read(os.path.join(truth, "iw-dev.txt"))
    phy = None
    want = []
    cur = None
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("phy#"):
            phy = int(s[4:])
        elif s.startswith("Interface "):
            cur = {"ifname": s.split()[1], "wiphy": phy}
            want.append(cur)
        elif cur is not None and " " in s:
            k, v = s.split(" ", 1)
            if k in ("ifindex", "addr", "type"):
                cur[k] = v
    for w in need(want, "interfaces in iw-dev.txt"):
        seen = [m["attrs"] for m in ms if m["attrs"].get("ifname") == w["ifname"]
                and "iftype" in m["attrs"]]
        if not check(seen, f"interface {w['ifname']}: no interface message"):
            continue
        last = seen[-1]
        check(last.get("ifindex") == int(w["ifindex"]), f"{w['ifname']}: ifindex {last.get('ifindex')}")
        check(last.get("mac") == w["addr"], f"{w['ifname']}: mac {last.get('mac')}")
        check(last.get("wiphy") == w["wiphy"], f"{w['ifname']}: wiphy {last.get('wiphy')}")
        check(last.get("iftype") == IFTYPE.get(w["type"]), f"{w['ifname']}: iftype {last.get('iftype')} vs {w['type']}")


def stations(truth, ms):
    files = need(sorted(glob.glob(os.path.join(truth, "iw-*-stations-*.txt"))), "station files")
    for path in files:
        cur = None
        want = []
        for line in read(path).splitlines():
            m = re.match(r"Station (\S+) \(on (\S+)\)", line)
            if m:
                cur = {"mac": m.group(1)}
                want.append(cur)
                continue
            m = re.match(r"\s+(signal|tx bitrate|rx bitrate):\s+(-?[\d.]+)", line)
            if cur is not None and m:
                cur[m.group(1)] = float(m.group(2))
        for w in need(want, f"stations in {path}"):
            ok = False
            for m in ms:
                a = m["attrs"]
                si = a.get("sta-info")
                if a.get("mac") != w["mac"] or not isinstance(si, dict):
                    continue
                tx = si.get("tx-bitrate") or {}
                rx = si.get("rx-bitrate") or {}
                if (si.get("signal") == w.get("signal")
                        and tx.get("bitrate32-mbps") == w.get("tx bitrate")
                        and ("rx bitrate" not in w or rx.get("bitrate32-mbps") == w["rx bitrate"])):
                    ok = True
                    break
            check(ok, f"{os.path.basename(path)}: station {w} not found with that signal and bitrates")


def bss_ssid(bss):
    for e in as_list(bss.get("information-elements") or []):
        if isinstance(e, dict) and e.get("name") == "ssid":
            return e.get("ssid")
    return None


def bsses(truth, ms):
    found = []
    for m in ms:
        for b in as_list(m["attrs"].get("bss") or []):
            if isinstance(b, dict):
                found.append(b)
    need(found, "BSS in scan results")
    links = need(sorted(glob.glob(os.path.join(truth, "iw-link-*.txt"))), "iw-link files")
    for path in links:
        t = read(path)
        bssid = re.search(r"Connected to (\S+)", t).group(1)
        ssid = re.search(r"SSID: (.*)", t).group(1)
        freq = int(re.search(r"freq: (\d+)", t).group(1))
        hit = [b for b in found if b.get("bssid") == bssid and b.get("frequency") == freq
               and bss_ssid(b) == ssid]
        if not check(hit, f"{os.path.basename(path)}: BSS {bssid} {ssid} {freq} not in scan results"):
            continue
        b = hit[-1]
        check(b.get("channel") == (freq - 2407) // 5, f"{ssid}: channel {b.get('channel')}")
        check(isinstance(b.get("signal-dbm"), (int, float)), f"{ssid}: no signal-dbm")
    for path in sorted(glob.glob(os.path.join(truth, "hostapd-*.conf"))):
        conf = dict(l.split("=", 1) for l in read(path).splitlines() if "=" in l)
        hit = [b for b in found if bss_ssid(b) == conf["ssid"]]
        if not check(hit, f"{conf['ssid']}: not in scan results"):
            continue
        b = hit[-1]
        check(b.get("channel") == int(conf["channel"]), f"{conf['ssid']}: channel")
        rsn = [e for e in as_list(b["information-elements"]) if e.get("name") == "rsn"]
        if conf.get("wpa") == "2":
            if check(rsn, f"{conf['ssid']}: no RSN element"):
                check(rsn[0].get("akm-suites") == ["PSK"], f"{conf['ssid']}: akm {rsn[0].get('akm-suites')}")
                check(rsn[0].get("pairwise-ciphers") == ["CCMP-128"], f"{conf['ssid']}: pairwise")
        else:
            check(not rsn, f"{conf['ssid']}: an RSN element on an open AP")


def main():
    nldump, capdir = sys.argv[1], sys.argv[2]
    nltest.setup("nl80211_truth", nldump)
    pcap = os.path.join(capdir, "nl80211.pcap")
    truth = os.path.join(capdir, "nl80211.truth")
    ms = list(msgs(nldump, pcap))
    need(ms, "nl80211 messages")
    interfaces(truth, ms)
    stations(truth, ms)
    bsses(truth, ms)
    nltest.done()


if __name__ == "__main__":
    main()
