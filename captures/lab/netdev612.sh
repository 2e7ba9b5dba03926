# netdev612: the netdev generic netlink family (Linux 6.12; absent from
# 6.1) and newer ethtool/mptcp_pm attributes. No packaged tool speaks
# netdev (ynl is not in Debian 12), so a small Python client sends the
# requests (dev-get, queue-get, napi-get, qstats-get, page-pool-get dumps and
# a dev-get do) and listens to the mgmt group while a netdevsim device and a
# veth pair come and go; the replies and notifications are the kernel's.
# Run with NL_LAB_KERNEL=linux-image-6.12...
cap_start
cat > /tmp/netdev_genl.py <<'PY'
import socket, struct, sys, time, select
NETLINK_GENERIC = 16
s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_GENERIC)
s.bind((0, 0))
seq = [100]

def attr(t, data):
    l = 4 + len(data)
    return struct.pack('<HH', l, t) + data + b'\0' * ((4 - l % 4) % 4)

def req(fam, cmd, flags, payload=b''):
    seq[0] += 1
    body = struct.pack('<BBH', cmd, 1, 0) + payload
    s.send(struct.pack('<IHHII', 16 + len(body), fam, flags, seq[0], 0) + body)
    out = []
    while True:
        data = s.recv(65536)
        off = 0
        while off + 16 <= len(data):
            l, t, f, sq, pid = struct.unpack_from('<IHHII', data, off)
            out.append((t, data[off + 16:off + l]))
            off += (l + 3) & ~3
            if t in (2, 3):
                return out

def attrs(b):
    off, r = 0, {}
    while off + 4 <= len(b):
        l, t = struct.unpack_from('<HH', b, off)
        if l < 4: break
        r.setdefault(t & 0x3fff, []).append(b[off + 4:off + l])
        off += (l + 3) & ~3
    return r

# CTRL_CMD_GETFAMILY name=netdev
rep = req(0x10, 3, 0x5, attr(2, b'netdev\0'))
a = attrs(rep[0][1][4:])
fam = struct.unpack('<H', a[1][0])[0]
grp = None
for g in attrs(a.get(7, [b''])[0]).values():
    ga = attrs(g[0])
    if ga.get(1, [b''])[0].rstrip(b'\0') == b'mgmt':
        grp = struct.unpack('<I', ga[2][0])[0]
print('netdev family', fam, 'mgmt group', grp)
mode = sys.argv[1]
if mode == 'listen':
    s.setsockopt(270, 1, grp)
    end = time.time() + float(sys.argv[2])
    while time.time() < end:
        r, _, _ = select.select([s], [], [], 0.2)
        if r:
            data = s.recv(65536)
            print('ntf', len(data), 'bytes cmd', data[16], flush=True)
    sys.exit(0)
DUMP = 0x301
for name, cmd in (('dev-get', 1), ('page-pool-get', 5), ('queue-get', 10),
                  ('napi-get', 11), ('qstats-get', 12)):
    for t, p in req(fam, cmd, DUMP):
        if t == 2:
            print(name, 'error', -struct.unpack('<i', p[:4])[0])
        elif t == fam:
            d = attrs(p[4:])
            print(name, {k: [v.hex() for v in vs] for k, vs in sorted(d.items())})
idx = int(sys.argv[2]) if len(sys.argv) > 2 else 1
for t, p in req(fam, 1, 0x5, attr(1, struct.pack('<I', idx))):
    print('dev-get', idx, t, p.hex())
PY
bg netdev-ntf.txt python3 /tmp/netdev_genl.py listen 12
sleep 1
if have_mod netdevsim; then
    run modprobe netdevsim
    runsh 'echo "10 1 2" > /sys/bus/netdevsim/new_device'
    run sleep 1
fi
run ip link add nd0 type veth peer name nd1
run ip link set nd0 up
run ip link set nd1 up
run ip link set nd0 promisc on
truth ip-link.json ip -d -j link show
IDX=$(cat /sys/class/net/nd0/ifindex)
truth netdev-dump.txt python3 /tmp/netdev_genl.py dump "$IDX"
run ethtool -l nd0
run ethtool -L nd0 rx 1 tx 1
run ip link del nd0
if have_mod netdevsim; then
    runsh 'echo 10 > /sys/bus/netdevsim/del_device'
fi
run sleep 1

note "--- ethtool and mptcp_pm on 6.12"
run ip link add e0 type veth peer name e1
run ip link set e0 up
run ethtool e0
run ethtool -k e0
run ethtool -g e0
run ethtool -l e0
run ethtool --show-eee e0
run ethtool -S e0 --all-groups
truth ethtool-k.json ethtool --json -k e0
run ip addr add 192.0.2.1/24 dev e0
run ip mptcp limits set subflow 2 add_addr_accepted 2
run ip mptcp endpoint add 192.0.2.1 id 5 signal dev e0
run ip mptcp endpoint add 192.0.2.3 id 6 subflow backup fullmesh
run ip mptcp endpoint show
truth mptcp-endpoints.txt ip mptcp endpoint show
run ip mptcp endpoint flush
run ip link del e0
bg_stop netdev-ntf.txt
