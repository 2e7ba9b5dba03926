#!/usr/bin/env python3
"""check_sockdiag_numbers.py - sock_diag's tables against the uAPI headers.

Usage: check_sockdiag_numbers.py SRCDIR

Reads the tables of dissectors/sock_diag_tables.c and sock_diag_bc.c as
text (they are data: one `[N] = { "name", ... }` line per attribute,
`NL_STRUCT("c_name", fields, SIZE)` per struct) and the copied uAPI
headers of Linux 7.2 (tests/uapi/linux/: sock_diag.h, inet_diag.h,
unix_diag.h, netlink_diag.h, packet_diag.h, smc_diag.h,
vm_sockets_diag.h, xdp_diag.h, tcp.h, tls.h, mptcp.h, mptcp_pm.h, filter.h), and
checks:
  * every attribute's number is its kernel name's value (INET_DIAG_ +
    the name in upper case, UNIX_DIAG_..., and so on per set);
  * every bit name table is in the kernel's bit order (INET_DIAG_* - 1
    for idiag_ext, UDIAG_SHOW_*, NDIAG_SHOW_*, NDIAG_FLAG_*,
    PACKET_SHOW_*, PDI_*, XDP_SHOW_*, MPTCP_SUBFLOW_FLAG_*), and the
    bytecode op names are INET_DIAG_BC_*;
  * every struct's size is the C struct's, laid out from the header by
    the x86-64 rules (natural alignment, bit fields packed in their
    declared type).  test_sock_diag.c checks that each table's members
    add up to its size.
Also: captures/cut/sock_diag_crafted.pcap (the input of the
sock_diag_crafted goldens) is what tests/mkpcap.py makes of
captures/src/sock_diag.hex.
Fails when a name is not found in the headers, and when nothing is
compared.
"""
import os
import re
import subprocess
import sys
import tempfile

import nltest
from nltest import check
from uapi_header import Header

SRC = sys.argv[1]
nltest.setup('check_sockdiag_numbers')
UAPI = os.path.join(SRC, 'tests', 'uapi')
HEADERS = ['sock_diag.h', 'inet_diag.h', 'unix_diag.h', 'netlink_diag.h', 'packet_diag.h',
           'smc_diag.h', 'vm_sockets_diag.h', 'xdp_diag.h', 'tcp.h', 'tls.h', 'mptcp.h',
           'mptcp_pm.h', 'filter.h']

# attribute table (C array name) -> the kernel's prefix of its names
SETS = {
    'inet_attrs': 'INET_DIAG_', 'inet_req_attrs': 'INET_DIAG_REQ_',
    'unix_attrs': 'UNIX_DIAG_', 'netlink_attrs': 'NETLINK_DIAG_',
    'packet_attrs': 'PACKET_DIAG_', 'smc_attrs': 'SMC_DIAG_', 'xdp_attrs': 'XDP_DIAG_',
    'ulp_attrs': 'INET_ULP_INFO_', 'tls_info_attrs': 'TLS_INFO_',
    'subflow_attrs': 'MPTCP_SUBFLOW_ATTR_', 'bpf_storage_attrs': 'SK_DIAG_BPF_STORAGE_',
    'bpf_storage_req_attrs': 'SK_DIAG_BPF_STORAGE_REQ_',
}
# the nldump name where it is not the kernel's (lower case, no prefix)
RENAME = {('bpf_storages_attrs', 'storage'): 'SK_DIAG_BPF_STORAGE'}
# bit tables: C array -> (prefix, bit of the first name: the value is 1 << bit,
# or "enum-1": the name's enum value minus one is the bit)
BITS = {
    'ext_v': ('INET_DIAG_', 'enum-1'), 'unix_show_v': ('UDIAG_SHOW_', 'mask'),
    'ndiag_show_v': ('NDIAG_SHOW_', 'mask'), 'ndiag_flag_v': ('NDIAG_FLAG_', 'mask'),
    'pdiag_show_v': ('PACKET_SHOW_', 'mask'), 'pdi_flag_v': ('PDI_', 'mask'),
    'xdp_show_v': ('XDP_SHOW_', 'mask'), 'subflow_flag_v': ('MPTCP_SUBFLOW_FLAG_', 'mask'),
    'bc_code_v': ('INET_DIAG_BC_', 'enum'), 'mptcp_flag_v': ('MPTCP_INFO_FLAG_', 'mask'),
}

WIDTH = {'__u8': 1, '__s8': 1, 'unsigned char': 1, '__u16': 2, '__s16': 2, '__be16': 2,
         'unsigned short': 2, '__u32': 4, '__s32': 4, '__be32': 4, 'int': 4,
         'unsigned int': 4, '__u64': 8, '__s64': 8, '__aligned_u64': 8, '__be64': 8}


def c_tables(path):
    with open(path) as f:
        text = f.read()
    arrays = {}
    for m in re.finditer(r'(?:static )?const (?:struct nl_attr_pol|char \*const) (\w+)\[\] = \{(.*?)\};',
                         text, re.S):
        arrays[m.group(1)] = m.group(2)
    sizes = {m.group(1): int(m.group(2))
             for m in re.finditer(r'NL_STRUCT\("(\w+)", \w+, (\d+)\)', text)}
    sizes.update({m.group(1): int(m.group(2))
                  for m in re.finditer(r'\{\s*"(\w+)", \w+, ARRAY_SIZE\(\w+\), (\d+), \d+\s*\}', text)})
    return arrays, sizes


def structs_of(paths):
    """struct name -> list of (type, name, array length or None, bits or None)"""
    out = {}
    for path in paths:
        with open(path, encoding='utf-8', errors='replace') as f:
            text = f.read()
        text = re.sub(r'/\*.*?\*/', ' ', text, flags=re.S)
        text = re.sub(r'//[^\n]*', '', text)
        text = re.sub(r'^\s*#.*$', '', text, flags=re.M)
        for m in re.finditer(r'\bstruct\s+(\w+)\s*\{(.*?)\n\};', text, re.S):
            body = re.sub(r'union\s*\{([^}]*)\}\s*;', lambda u: u.group(1).split(';')[0] + ';',
                          m.group(2))
            members = []
            for decl in body.split(';'):
                decl = ' '.join(decl.split())
                if not decl:
                    continue
                dm = re.match(r'((?:struct |unsigned )?\w+)\s+(.*)$', decl)
                if not dm:
                    members = None
                    break
                typ = dm.group(1)
                for part in dm.group(2).split(','):
                    part = part.strip()
                    pm = re.match(r'(\w+)\s*(?:\[(\w*)\])?\s*(?::\s*(\d+))?$', part)
                    if not pm:
                        members = None
                        break
                    n = pm.group(2)
                    members.append((typ, pm.group(1),
                                    None if n is None else (int(n) if n.isdigit() else n if n else 0),
                                    int(pm.group(3)) if pm.group(3) else None))
                if members is None:
                    break
            if members is not None:
                out[m.group(1)] = members
    return out


def layout(structs, name, depth=0):
    """(size, alignment) of struct name, or None when it cannot be told."""
    if name not in structs or depth > 8:
        return None
    bit = 0
    align = 1
    for typ, _, n, bits in structs[name]:
        if typ.startswith('struct '):
            sub = layout(structs, typ[7:], depth + 1)
            if not sub:
                return None
            w, a = sub
        elif typ in WIDTH:
            w = a = WIDTH[typ]
        else:
            return None
        if isinstance(n, str):
            return None
        align = max(align, a)
        if bits is not None:
            unit = w * 8
            if bit // unit != (bit + bits - 1) // unit:
                bit = (bit + unit - 1) // unit * unit
            bit += bits
            continue
        byte = (bit + 7) // 8
        byte = (byte + a - 1) // a * a
        bit = (byte + w * (1 if n is None else n)) * 8
    size = (bit + 7) // 8
    return ((size + align - 1) // align * align, align)


def main():
    hdr = Header()
    for h in HEADERS:
        check(hdr.load(UAPI, os.path.join('linux', h)), 'tests/uapi/linux/%s: missing' % h)
    arrays, sizes = c_tables(os.path.join(SRC, 'dissectors', 'sock_diag_tables.c'))
    sarrays, _ = c_tables(os.path.join(SRC, 'dissectors', 'sock_diag_bc.c'))
    arrays.update(sarrays)

    names = 0
    for arr, prefix in list(SETS.items()) + [('bpf_storages_attrs', None)]:
        check(arr in arrays, 'sock_diag_tables.c: no table %s' % arr)
        for m in re.finditer(r'\[(\d+)\] = \{ "(\w+)"', arrays.get(arr, '')):
            num, nm = int(m.group(1)), m.group(2)
            cname = RENAME.get((arr, nm)) or (prefix or '') + nm.upper()
            check(hdr.values.get(cname) == num,
                  '%s: [%d] %s, but %s is %s' % (arr, num, nm, cname, hdr.values.get(cname)))
            names += 1
    for arr, (prefix, how) in BITS.items():
        body = arrays.get(arr)
        check(body is not None, 'no bit table %s' % arr)
        for i, nm in enumerate(re.findall(r'"([\w-]+)"', body or '')):
            cname = prefix + nm.upper().replace('-', '_')
            v = hdr.values.get(cname)
            want = {'mask': 1 << i, 'enum-1': i + 1, 'enum': i}[how]
            check(v == want, '%s: %s at %d, but %s is %s' % (arr, nm, i, cname, v))
            names += 1

    structs = structs_of([os.path.join(UAPI, 'linux', h) for h in HEADERS])
    compared = 0
    for name, size in sizes.items():
        if name not in structs:
            continue
        lay = layout(structs, name)
        if lay is None:
            continue
        check(lay[0] == size, 'struct %s: %d bytes in the table, %d in the header'
              % (name, size, lay[0]))
        compared += 1
    # SK_MEMINFO_VARS u32s
    check(sizes.get('sk_meminfo') == 4 * hdr.values.get('SK_MEMINFO_VARS', -1),
          'sk_meminfo: %s bytes, SK_MEMINFO_VARS %s' % (sizes.get('sk_meminfo'),
                                                        hdr.values.get('SK_MEMINFO_VARS')))
    check(names > 80, '%d names compared' % names)
    check(compared > 20, '%d structs compared' % compared)
    with tempfile.TemporaryDirectory() as tmp:
        made = os.path.join(tmp, 'sd.pcap')
        subprocess.run([sys.executable, os.path.join(SRC, 'tests', 'mkpcap.py'),
                        os.path.join(SRC, 'captures', 'src', 'sock_diag.hex'), made], check=True)
        with open(made, 'rb') as a, \
                open(os.path.join(SRC, 'captures', 'cut', 'sock_diag_crafted.pcap'), 'rb') as b:
            check(a.read() == b.read(), 'captures/cut/sock_diag_crafted.pcap is not what '
                  'mkpcap.py makes of captures/src/sock_diag.hex')
    print('check_sockdiag_numbers: %d names, %d structs' % (names, compared))
    nltest.done()


main()
