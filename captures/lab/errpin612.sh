# errpin: errors the kernel pins to an attribute: OFFS + POLICY (vlan id out
# of range, echoed whole and capped), MISS_TYPE / MISS_NEST (netdev requests
# without their required attributes).
cat > /tmp/errpin_req.py <<'PYEOF'
#!/usr/bin/env python3
# Raw netlink requests the tools cannot send: required attributes left out,
# so the kernel answers with NLMSGERR_ATTR_MISS_TYPE (and MISS_NEST), and a
# VLAN id out of range on a socket with NETLINK_CAP_ACK (a capped ERROR).
import socket, struct, sys, os
SOL_NETLINK, NETLINK_CAP_ACK, NETLINK_EXT_ACK = 270, 10, 11
F_REQ, F_ACK = 1, 4
def attr(t, data):
    l = 4 + len(data)
    return struct.pack('=HH', l, t) + data + b'\0' * ((4 - l % 4) % 4)
def msg(mtype, flags, seq, payload):
    return struct.pack('=IHHII', 16 + len(payload), mtype, flags, seq, 0) + payload
def sock(proto, cap=False):
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, proto)
    s.setsockopt(SOL_NETLINK, NETLINK_EXT_ACK, 1)
    if cap:
        s.setsockopt(SOL_NETLINK, NETLINK_CAP_ACK, 1)
    s.bind((0, 0))
    return s
def talk(s, m):
    s.send(m)
    r = s.recv(65536)
    t = struct.unpack_from('=H', r, 4)[0]
    if t == 2:
        print('error', struct.unpack_from('=i', r, 16)[0])
    return r
def family(s, name):
    r = talk(s, msg(16, F_REQ, 1, struct.pack('=BBH', 3, 1, 0) + attr(2, name.encode() + b'\0')))
    off = 20
    while off + 4 <= len(r):
        l, t = struct.unpack_from('=HH', r, off)
        if t == 1:
            return struct.unpack_from('=H', r, off + 4)[0]
        off += (l + 3) & ~3
    return None
g = sock(16)
fam = family(g, 'netdev')
print('netdev family', fam)
if fam:
    u32 = lambda v: struct.pack('=I', v)
    # dev-get (1) without ifindex
    talk(g, msg(fam, F_REQ | F_ACK, 2, struct.pack('=BBH', 1, 1, 0)))
    # queue-get (10) with ifindex only
    talk(g, msg(fam, F_REQ | F_ACK, 3, struct.pack('=BBH', 10, 1, 0) + attr(2, u32(1))))
    # bind-rx (13): a queues nest without its id
    q = attr(2 | 0x8000, attr(2, u32(0)))
    talk(g, msg(fam, F_REQ | F_ACK, 4, struct.pack('=BBH', 13, 1, 0) + attr(1, u32(1)) + attr(3, u32(0)) + q))
# RTM_NEWLINK vlan id 5000 on d0, capped ACK: only the header echoed
r = sock(0, cap=True)
idx = socket.if_nametoindex('d0')
vdata = attr(1, struct.pack('=H', 5000) + b'\0\0')
linfo = attr(18 | 0x8000, attr(1, b'vlan\0') + attr(2 | 0x8000, vdata))
body = struct.pack('=BxHiII', 0, 0, 0, 0, 0) + attr(5, u32(idx)) + attr(3, b'v1\0') + linfo
talk(r, msg(16, F_REQ | F_ACK | 0x400 | 0x200, 5, body))
PYEOF
cap_start
run ip link add d0 type dummy
run ip link add link d0 name v0 type vlan id 5000
run python3 /tmp/errpin_req.py
run ip link del d0
