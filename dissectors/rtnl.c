/* rtnl.c - NETLINK_ROUTE (protocol 0): message types, one-line summaries in
 * the manner of iproute2, learning interface names, and the smaller
 * message families (netconf, nsid, address labels, prefixes, link stats,
 * neighbour tables, bridge mdb and vlans).  Links, routes & co. and
 * traffic control have their own files (rtnl_link.c, rtnl_route.c,
 * rtnl_tc.c).
 *
 * Reference: include/uapi/linux/rtnetlink.h, netconf.h, net_namespace.h,
 * if_addrlabel.h, neighbour.h, if_link.h, if_bridge.h (Linux 6.12).
 */
#include <stdio.h>
#include <string.h>

#include "ifmap.h"
#include "rtnl.h"
#include "rtnl_tc.h"
#include "state.h"

#define NLM_F_REQUEST 1

/* ---- helpers ---- */

void rtnl_kind(struct nlstate *st, const struct nlc *c, uint16_t type, char *buf, size_t n)
{
	const uint8_t *p;
	size_t len;

	buf[0] = 0;
	if (!nla_find_str(st, c, type, &p, &len) || len >= n)
		return;
	memcpy(buf, p, len);
	buf[len] = 0;
}

void rtnl_sum_dev(struct dctx *d, const char *label, uint32_t ifindex)
{
	const char *nm = d->numeric ? NULL : ifmap_get(d->st->ifnames, ifindex);

	if (nm) {
		emit_sum(d->e, " %s ", label);
		emit_sum_str(d->e, (const uint8_t *)nm, strlen(nm));
	} else {
		emit_sum(d->e, " %s if%u", label, ifindex);
	}
}

static void sum_ifname(struct dctx *d, uint32_t ifindex)
{
	const char *nm = d->numeric ? NULL : ifmap_get(d->st->ifnames, ifindex);

	if (nm)
		emit_sum_str(d->e, (const uint8_t *)nm, strlen(nm));
	else
		emit_sum(d->e, "if%u", ifindex);
}

void rtnl_sum_addr(struct dctx *d, int af, struct nlc a)
{
	size_t n;
	const uint8_t *p = nlc_rest(&a, &n);

	if (!p)
		return;
	if ((af == RT_AF_INET || af <= 0) && n == 4)
		emit_sum_addr(d->e, EA_IPV4, p, n);
	else if ((af == RT_AF_INET6 || af <= 0) && n == 16)
		emit_sum_addr(d->e, EA_IPV6, p, n);
	else if (af == RT_AF_MPLS && n % 4 == 0) {
		for (size_t i = 0; i < n; i += 4) {
			uint32_t v = (uint32_t)p[i] << 24 | (uint32_t)p[i + 1] << 16 |
				     (uint32_t)p[i + 2] << 8 | p[i + 3];
			emit_sum(d->e, "%s%u", i ? "/" : "", v >> 12);
		}
	} else {
		emit_sum_addr(d->e, EA_MAC, p, n);
	}
}

void rtnl_sum_table(struct dctx *d, uint32_t table)
{
	const char *nm = d->numeric ? NULL : nl_name(&rtnl_table_names, table);

	if (nm && table)
		emit_sum(d->e, " table %s", nm);
	else
		emit_sum(d->e, " table %u", table);
}

static void sum_name(struct dctx *d, const char *label, const struct nl_names *t, uint64_t v)
{
	const char *nm = d->numeric ? NULL : nl_name(t, v);

	if (nm)
		emit_sum(d->e, " %s %s", label, nm);
	else
		emit_sum(d->e, " %s %llu", label, (unsigned long long)v);
}

/* read n header bytes into a zeroed struct-sized buffer */
static size_t hdr_bytes(struct nlc *c, uint8_t *buf, size_t n)
{
	size_t have = nlc_left(c) < n ? nlc_left(c) : n;
	const uint8_t *p = nlc_bytes(c, have);

	memset(buf, 0, n);
	if (!p)
		return 0;
	memcpy(buf, p, have);
	return have;
}

static uint32_t rd32(const uint8_t *p) { uint32_t v; memcpy(&v, p, 4); return v; }

/* the attributes after a fixed header of hs bytes */
static struct nlc after(struct nlc c, size_t hs)
{
	nlc_skip(&c, hs < nlc_left(&c) ? hs : nlc_left(&c));
	nlc_align4(&c);
	c.err = NLC_OK;
	return c;
}

/* ---- reading a declared summary's recorded values ---- */

static unsigned val8(const struct nl_sum_vals *v, int slot)
{
	struct nlc c;

	return nl_sum_get(v, slot, &c) && nlc_left(&c) == 1 ? nlc_u8(&c) : 0;
}

static uint32_t val32(const struct nl_sum_vals *v, int slot)
{
	uint32_t x = 0;

	return nl_sum_u32(v, slot, &x) ? x : 0;
}

/* " label ADDR" (label "": " ADDR") when the slot was recorded */
static void sum_addr_val(struct dctx *d, const struct nl_sum_vals *v, int slot, int af,
			 const char *label)
{
	struct nlc x;

	if (!nl_sum_get(v, slot, &x))
		return;
	emit_sum(d->e, " %s%s", label, *label ? " " : "");
	rtnl_sum_addr(d, af, x);
}

/* ---- links ---- */

/* the values a link's summary shows */
enum {
	LS_TYPE, LS_INDEX, LS_FLAGS,			/* struct ifinfomsg */
	LS_IFNAME, LS_LINK, LS_LINK_NETNSID, LS_MTU, LS_QDISC, LS_MASTER,
	LS_OPERSTATE, LS_LINKINFO, LS_KIND, LS_SLAVE_KIND, LS_ADDRESS,
};

static const struct nl_sum_field link_sum_fields[] = {
	[LS_TYPE] = NL_SUM_HDR("type"),
	[LS_INDEX] = NL_SUM_HDR("index"),
	[LS_FLAGS] = NL_SUM_HDR("flags"),
	[LS_IFNAME] = NL_SUM_ATTR(&rtnl_link_set, "ifname"),
	[LS_LINK] = NL_SUM_ATTR(&rtnl_link_set, "link"),
	[LS_LINK_NETNSID] = NL_SUM_ATTR(&rtnl_link_set, "link_netnsid"),
	[LS_MTU] = NL_SUM_ATTR(&rtnl_link_set, "mtu"),
	[LS_QDISC] = NL_SUM_ATTR(&rtnl_link_set, "qdisc"),
	[LS_MASTER] = NL_SUM_ATTR(&rtnl_link_set, "master"),
	[LS_OPERSTATE] = NL_SUM_ATTR(&rtnl_link_set, "operstate"),
	[LS_LINKINFO] = NL_SUM_ATTR(&rtnl_link_set, "linkinfo"),
	[LS_KIND] = NL_SUM_IN(&rtnl_linkinfo_set, "kind", LS_LINKINFO),
	[LS_SLAVE_KIND] = NL_SUM_IN(&rtnl_linkinfo_set, "slave_kind", LS_LINKINFO),
	[LS_ADDRESS] = NL_SUM_ATTR(&rtnl_link_set, "address"),
};

/* " 2: eth0@if7 <UP,...>": the index (a request for no index has none),
 * the name (the one learned when the message has none), the lower device
 * (in another namespace: its number), the flags (a request changing none
 * has none) */
static void sum_link_head(struct dctx *d, const struct nl_sum_vals *v)
{
	int32_t idx = (int32_t)val32(v, LS_INDEX);
	uint32_t flags = val32(v, LS_FLAGS);
	bool req = d->nl_flags & NLM_F_REQUEST;
	const uint8_t *nm;
	size_t n;
	uint32_t lower;
	struct nlc ns;

	if (idx || !req)
		emit_sum(d->e, " %d:", idx);
	const char *known = idx > 0 && !d->numeric ? ifmap_get(d->st->ifnames, (uint32_t)idx) : NULL;
	if (nl_sum_str(v, LS_IFNAME, &nm, &n)) {
		emit_sum_lit(d->e, " ");
		emit_sum_str(d->e, nm, n);
	} else if (known) {
		emit_sum_lit(d->e, " ");
		emit_sum_str(d->e, (const uint8_t *)known, strlen(known));
	}
	if (nl_sum_u32(v, LS_LINK, &lower) && lower && lower != (uint32_t)idx) {
		emit_sum(d->e, "@");
		if (nl_sum_get(v, LS_LINK_NETNSID, &ns))
			emit_sum(d->e, "if%u", lower);
		else
			sum_ifname(d, lower);
	}
	if (req && !flags) {
		/* a request changing nothing in ifi_flags */
	} else if (d->numeric) {
		emit_sum(d->e, " <0x%x>", flags);
	} else {
		emit_sum_lit(d->e, " <");
		for (uint32_t rest = flags; rest; rest &= rest - 1) {
			unsigned i = (unsigned)__builtin_ctz(rest);
			const char *fn = nl_name(&rtnl_iff_bits, i);
			if (rest != flags)
				emit_sum_lit(d->e, ",");
			if (fn)
				emit_sum_lit(d->e, fn);
			else
				emit_sum(d->e, "0x%x", 1u << i);
		}
		emit_sum_lit(d->e, ">");
	}
}

/* " link/ether 52:54:00:..": the device type, then the address */
static void sum_link_type(struct dctx *d, const struct nl_sum_vals *v)
{
	struct nlc t, mac;
	uint16_t type = 0;

	if (nl_sum_get(v, LS_TYPE, &t))
		type = nlc_u16(&t);
	bool req = d->nl_flags & NLM_F_REQUEST;
	const char *tn = d->numeric ? NULL : nl_name(&rtnl_arphrd_names, type);
	if (type == 0xfffe)
		tn = "none";
	else if (type == 0xffff)
		tn = "void";
	bool have_mac = nl_sum_get(v, LS_ADDRESS, &mac);
	if (have_mac || (type && tn)) {
		if (req && !type)
			emit_sum(d->e, " address");
		else if (tn)
			emit_sum(d->e, " link/%s", tn);
		else
			emit_sum(d->e, " link/%u", type);
		if (have_mac) {
			emit_sum(d->e, " ");
			rtnl_sum_addr(d, -2, mac);
		}
	}
}

static const struct nl_sum_part link_sum_parts[] = {
	NLS_CALL(sum_link_head),
	NLS_PART(NLS_U32, LS_MTU, " mtu "),
	NLS_PART(NLS_STR, LS_QDISC, " qdisc "),
	NLS_PART(NLS_DEV, LS_MASTER, " master "),
	NLS_NAMES(LS_OPERSTATE, " state ", &rtnl_operstate_names),
	NLS_PART(NLS_STR, LS_KIND, " kind "),
	NLS_PART(NLS_STR, LS_SLAVE_KIND, " slave "),
	NLS_CALL(sum_link_type),
};

static const struct nl_summary link_summary = NL_SUMMARY(link_sum_fields, link_sum_parts);

static void rtnl_learn(struct nlstate *st, uint16_t type, uint16_t flags, struct nlc p)
{
	/* names learned in capture order: the pre-pass does not learn, so an
	 * index resolves only to a name seen earlier */
	if (st->learning || type != 16 /* RTM_NEWLINK */ || (flags & NLM_F_REQUEST))
		return;
	uint8_t h[16];
	if (hdr_bytes(&p, h, 16) < 16)
		return;
	int32_t idx = (int32_t)rd32(h + 4);
	if (idx <= 0)
		return;
	/* the first IFLA_IFNAME, which comes early: a scan that stops there
	 * costs less than indexing the whole set */
	struct nlc it = after(p, 0), v;
	uint16_t t;
	it.err = NLC_OK;
	while (nla_next(&it, &t, &v)) {
		if (t != IFLA_IFNAME)
			continue;
		size_t n;
		const uint8_t *nm = nlc_capleft(&v) == nlc_left(&v) ? nlc_rest(&v, &n) : NULL;
		const uint8_t *z = nm && n ? memchr(nm, 0, n) : NULL;
		if (z)
			n = (size_t)(z - nm);
		if (nm && n)
			ifmap_set(&st->ifnames, (uint32_t)idx, nm, n);
		return;
	}
}

/* ---- addresses ---- */

enum {
	AS_FAMILY, AS_PREFIXLEN, AS_SCOPE, AS_INDEX,	/* struct ifaddrmsg */
	AS_ADDRESS, AS_LOCAL, AS_LABEL, AS_BROADCAST, AS_ANYCAST, AS_MULTICAST,
};

/* two attribute payloads with the same bytes */
static bool same_bytes(const struct nlc *a, const struct nlc *b)
{
	size_t n = nlc_left(a);
	const uint8_t *pa = nlc_peek(a, n), *pb = nlc_peek(b, n);

	return n == nlc_left(b) && pa && pb && !memcmp(pa, pb, n);
}

static void sum_addr_msg(struct dctx *d, const struct nl_sum_vals *v)
{
	int af = (int)val8(v, AS_FAMILY);
	uint32_t idx = val32(v, AS_INDEX);
	unsigned plen = val8(v, AS_PREFIXLEN);
	struct nlc loc, peer, other;

	if (idx) {
		emit_sum(d->e, " %u: ", idx);
		sum_ifname(d, idx);
	}
	if (af == RT_AF_INET || af == RT_AF_INET6)
		emit_sum(d->e, " %s", af == RT_AF_INET ? "inet" : "inet6");
	else if (af)
		emit_sum(d->e, " family %d", af);
	bool have_loc = nl_sum_get(v, AS_LOCAL, &loc);
	bool have_peer = nl_sum_get(v, AS_ADDRESS, &peer);
	if (have_loc) {
		emit_sum(d->e, " ");
		rtnl_sum_addr(d, af, loc);
		if (have_peer && !same_bytes(&peer, &loc)) {
			emit_sum(d->e, " peer ");
			rtnl_sum_addr(d, af, peer);
		}
		emit_sum(d->e, "/%u", plen);
	} else if (have_peer) {
		emit_sum(d->e, " ");
		rtnl_sum_addr(d, af, peer);
		emit_sum(d->e, "/%u", plen);
	} else if (nl_sum_get(v, AS_MULTICAST, &other)) {
		emit_sum(d->e, " multicast ");
		rtnl_sum_addr(d, af, other);
	} else if (nl_sum_get(v, AS_ANYCAST, &other)) {
		emit_sum(d->e, " anycast ");
		rtnl_sum_addr(d, af, other);
	}
	sum_addr_val(d, v, AS_BROADCAST, af, "brd");
}

static const struct nl_sum_field addr_sum_fields[] = {
	[AS_FAMILY] = NL_SUM_HDR("family"),
	[AS_PREFIXLEN] = NL_SUM_HDR("prefixlen"),
	[AS_SCOPE] = NL_SUM_HDR("scope"),
	[AS_INDEX] = NL_SUM_HDR("index"),
	[AS_ADDRESS] = NL_SUM_ATTR(&rtnl_addr_set, "address"),
	[AS_LOCAL] = NL_SUM_ATTR(&rtnl_addr_set, "local"),
	[AS_LABEL] = NL_SUM_ATTR(&rtnl_addr_set, "label"),
	[AS_BROADCAST] = NL_SUM_ATTR(&rtnl_addr_set, "broadcast"),
	[AS_ANYCAST] = NL_SUM_ATTR(&rtnl_addr_set, "anycast"),
	[AS_MULTICAST] = NL_SUM_ATTR(&rtnl_addr_set, "multicast"),
};

static const struct nl_sum_part addr_sum_parts[] = {
	NLS_CALL(sum_addr_msg),
	NLS_NAMES(AS_SCOPE, " scope ", &rtnl_scope_names),
	NLS_PART(NLS_STR, AS_LABEL, " label "),
};

static const struct nl_summary addr_summary = NL_SUMMARY(addr_sum_fields, addr_sum_parts);

/* ---- routes ---- */

enum {
	RT_FAMILY, RT_DST_LEN, RT_SRC_LEN, RT_TABLE8, RT_PROTOCOL, RT_SCOPE,
	RT_TYPE,					/* struct rtmsg */
	RT_DST, RT_SRC, RT_NH_ID, RT_GATEWAY, RT_VIA, RT_ENCAP_TYPE, RT_ENCAP,
	RT_MPLS_DST, RT_OIF, RT_IIF, RT_TABLE, RT_PREFSRC, RT_PRIORITY, RT_MULTIPATH,
};

static const struct nl_sum_field route_sum_fields[] = {
	[RT_FAMILY] = NL_SUM_HDR("family"),
	[RT_DST_LEN] = NL_SUM_HDR("dst_len"),
	[RT_SRC_LEN] = NL_SUM_HDR("src_len"),
	[RT_TABLE8] = NL_SUM_HDR("table"),
	[RT_PROTOCOL] = NL_SUM_HDR("protocol"),
	[RT_SCOPE] = NL_SUM_HDR("scope"),
	[RT_TYPE] = NL_SUM_HDR("type"),
	[RT_DST] = NL_SUM_ATTR(&rtnl_route_set, "dst"),
	[RT_SRC] = NL_SUM_ATTR(&rtnl_route_set, "src"),
	[RT_NH_ID] = NL_SUM_ATTR(&rtnl_route_set, "nh_id"),
	[RT_GATEWAY] = NL_SUM_ATTR(&rtnl_route_set, "gateway"),
	[RT_VIA] = NL_SUM_ATTR(&rtnl_route_set, "via"),
	[RT_ENCAP_TYPE] = NL_SUM_ATTR(&rtnl_route_set, "encap_type"),
	[RT_ENCAP] = NL_SUM_ATTR(&rtnl_route_set, "encap"),
	[RT_MPLS_DST] = NL_SUM_IN(&rtnl_mpls_encap_set, "dst", RT_ENCAP),
	[RT_OIF] = NL_SUM_ATTR(&rtnl_route_set, "oif"),
	[RT_IIF] = NL_SUM_ATTR(&rtnl_route_set, "iif"),
	[RT_TABLE] = NL_SUM_ATTR(&rtnl_route_set, "table"),
	[RT_PREFSRC] = NL_SUM_ATTR(&rtnl_route_set, "prefsrc"),
	[RT_PRIORITY] = NL_SUM_ATTR(&rtnl_route_set, "priority"),
	[RT_MULTIPATH] = NL_SUM_ATTR(&rtnl_route_set, "multipath"),
};

/* the type (unicast unsaid), the destination (or "default"), the source */
static void sum_route_head(struct dctx *d, const struct nl_sum_vals *v)
{
	int af = (int)val8(v, RT_FAMILY);
	unsigned type = val8(v, RT_TYPE), dst_len = val8(v, RT_DST_LEN);
	struct nlc x;

	if (type != 1 /* unicast */ && type != 0) {
		const char *tn = d->numeric ? NULL : nl_name(&rtnl_rtn_type_names, type);
		if (tn)
			emit_sum(d->e, " %s", tn);
		else
			emit_sum(d->e, " type %u", type);
	}
	if (nl_sum_get(v, RT_DST, &x)) {
		emit_sum(d->e, " ");
		rtnl_sum_addr(d, af, x);
		if (af != RT_AF_MPLS)
			emit_sum(d->e, "/%u", dst_len);
	} else if (dst_len == 0 && (d->nl_type != 26 || (d->nl_flags & 0x300) == 0x300 ||
				    v->attr_len == 0)) {
		emit_sum(d->e, " default");
	}
	if (nl_sum_get(v, RT_SRC, &x)) {
		emit_sum(d->e, " from ");
		rtnl_sum_addr(d, af, x);
		emit_sum(d->e, "/%u", val8(v, RT_SRC_LEN));
	}
}

/* the gateway, RTA_VIA (an address of another family), the encap */
static void sum_route_via(struct dctx *d, const struct nl_sum_vals *v)
{
	struct nlc x;

	sum_addr_val(d, v, RT_GATEWAY, (int)val8(v, RT_FAMILY), "via");
	if (nl_sum_get(v, RT_VIA, &x) && nlc_left(&x) > 2) {
		uint16_t fam = nlc_u16(&x);
		emit_sum(d->e, " via %s ", fam == RT_AF_INET ? "inet" : fam == RT_AF_INET6 ? "inet6" : "family");
		rtnl_sum_addr(d, fam, x);
	}
	if (nl_sum_get(v, RT_ENCAP_TYPE, &x) && nlc_left(&x) == 2) {
		uint16_t etype = nlc_u16(&x);
		emit_sum(d->e, " encap %s", etype == 1 ? "mpls" : etype == 2 ? "ip" :
			 etype == 4 ? "ip6" : etype == 5 ? "seg6" : etype == 7 ? "seg6local" :
			 etype == 6 ? "bpf" : "other");
		if (etype == 1 && nl_sum_get(v, RT_MPLS_DST, &x)) {
			emit_sum(d->e, " ");
			rtnl_sum_addr(d, RT_AF_MPLS, x);
		}
	}
}

/* the table (RTA_TABLE, else the header's), a nonzero protocol and scope */
static void sum_route_table(struct dctx *d, const struct nl_sum_vals *v)
{
	uint32_t table = val8(v, RT_TABLE8), t32;
	unsigned proto = val8(v, RT_PROTOCOL), scope = val8(v, RT_SCOPE);

	if (nl_sum_u32(v, RT_TABLE, &t32))
		table = t32;
	if (table)
		rtnl_sum_table(d, table);
	if (proto)
		sum_name(d, "proto", &rtnl_rtprot_names, proto);
	if (scope)
		sum_name(d, "scope", &rtnl_scope_names, scope);
	sum_addr_val(d, v, RT_PREFSRC, (int)val8(v, RT_FAMILY), "src");
}

/* " nexthop via GW dev DEV" per struct rtnexthop of RTA_MULTIPATH */
static void sum_route_multipath(struct dctx *d, const struct nl_sum_vals *v)
{
	int af = (int)val8(v, RT_FAMILY);
	struct nlc mp, gw;

	if (!nl_sum_get(v, RT_MULTIPATH, &mp))
		return;
	while (nlc_left(&mp) >= 8) {
		uint16_t len = nlc_u16(&mp);
		nlc_u16(&mp);
		uint32_t oif = nlc_u32(&mp);
		if (len < 8 || len - 8u > nlc_left(&mp))
			break;
		struct nlc na = nlc_sub(&mp, len - 8u);
		emit_sum(d->e, " nexthop");
		if (nl_sum_find_named(&na, &rtnl_route_set, "gateway", &gw)) {
			emit_sum(d->e, " via ");
			rtnl_sum_addr(d, af, gw);
		}
		rtnl_sum_dev(d, "dev", oif);
		nlc_skip(&mp, len - 8u);
		nlc_align4(&mp);
	}
}

static const struct nl_sum_part route_sum_parts[] = {
	NLS_CALL(sum_route_head),
	NLS_PART(NLS_U32, RT_NH_ID, " nhid "),
	NLS_CALL(sum_route_via),
	NLS_PART(NLS_DEV, RT_OIF, " dev "),
	NLS_PART(NLS_DEV, RT_IIF, " iif "),
	NLS_CALL(sum_route_table),
	NLS_PART(NLS_U32, RT_PRIORITY, " metric "),
	NLS_CALL(sum_route_multipath),
};

static const struct nl_summary route_summary = NL_SUMMARY(route_sum_fields, route_sum_parts);

/* ---- neighbours ---- */

static const char *const nud_sum_v[] = {
	"INCOMPLETE", "REACHABLE", "STALE", "DELAY", "PROBE", "FAILED", "NOARP", "PERMANENT",
};

enum {
	NS_FAMILY, NS_IFINDEX, NS_STATE, NS_FLAGS,	/* struct ndmsg */
	NS_DST, NS_LLADDR, NS_VLAN, NS_PORT, NS_VNI, NS_VIA, NS_MASTER, NS_SRC_VNI,
};

static const struct nl_sum_field neigh_sum_fields[] = {
	[NS_FAMILY] = NL_SUM_HDR("family"),
	[NS_IFINDEX] = NL_SUM_HDR("ifindex"),
	[NS_STATE] = NL_SUM_HDR("state"),
	[NS_FLAGS] = NL_SUM_HDR("flags"),
	[NS_DST] = NL_SUM_ATTR(&rtnl_neigh_set, "dst"),
	[NS_LLADDR] = NL_SUM_ATTR(&rtnl_neigh_set, "lladdr"),
	[NS_VLAN] = NL_SUM_ATTR(&rtnl_neigh_set, "vlan"),
	[NS_PORT] = NL_SUM_ATTR(&rtnl_neigh_set, "port"),
	[NS_VNI] = NL_SUM_ATTR(&rtnl_neigh_set, "vni"),
	[NS_VIA] = NL_SUM_ATTR(&rtnl_neigh_set, "ifindex"),
	[NS_MASTER] = NL_SUM_ATTR(&rtnl_neigh_set, "master"),
	[NS_SRC_VNI] = NL_SUM_ATTR(&rtnl_neigh_set, "src_vni"),
};

/* the address, the device, a bridge FDB entry's remote (as `bridge fdb`
 * shows it: an IP address of either version, by its length), the
 * link-layer address, the vlan */
static void sum_neigh(struct dctx *d, const struct nl_sum_vals *v)
{
	int af = (int)val8(v, NS_FAMILY);
	struct nlc x;
	uint32_t u;

	if (af != RT_AF_BRIDGE)
		sum_addr_val(d, v, NS_DST, af, "");
	else
		sum_addr_val(d, v, NS_LLADDR, -2, "");
	if (val32(v, NS_IFINDEX))
		rtnl_sum_dev(d, "dev", val32(v, NS_IFINDEX));
	if (af == RT_AF_BRIDGE) {
		if (nl_sum_get(v, NS_DST, &x) && (nlc_left(&x) == 4 || nlc_left(&x) == 16)) {
			emit_sum(d->e, " dst ");
			rtnl_sum_addr(d, 0, x);
		}
		if (nl_sum_get(v, NS_PORT, &x) && nlc_left(&x) == 2)
			emit_sum(d->e, " port %u", nlc_be16(&x));
		if (nl_sum_u32(v, NS_VNI, &u))
			emit_sum(d->e, " vni %u", u);
		if (nl_sum_u32(v, NS_SRC_VNI, &u))
			emit_sum(d->e, " src_vni %u", u);
		if (nl_sum_u32(v, NS_VIA, &u))
			rtnl_sum_dev(d, "via", u);
	}
	if (af != RT_AF_BRIDGE)
		sum_addr_val(d, v, NS_LLADDR, -2, "lladdr");
	if (nl_sum_get(v, NS_VLAN, &x) && nlc_left(&x) == 2)
		emit_sum(d->e, " vlan %u", nlc_u16(&x));	/* u16, not u32 */
}

/* the flags ip shows, then the NUD states */
static void sum_neigh_state(struct dctx *d, const struct nl_sum_vals *v)
{
	struct nlc x;
	uint16_t state = 0;
	unsigned flags = val8(v, NS_FLAGS);

	if (nl_sum_get(v, NS_STATE, &x) && nlc_left(&x) == 2)
		state = nlc_u16(&x);
	if (flags & 0x80)
		emit_sum(d->e, " router");
	if (flags & 0x08)
		emit_sum(d->e, " proxy");
	if (state && !d->numeric) {
		for (unsigned i = 0; i < 8; i++)
			if (state & (1u << i))
				emit_sum(d->e, " %s", nud_sum_v[i]);
	} else if (state) {
		emit_sum(d->e, " state 0x%x", state);
	}
}

static const struct nl_sum_part neigh_sum_parts[] = {
	NLS_CALL(sum_neigh),
	NLS_PART(NLS_DEV, NS_MASTER, " master "),
	NLS_CALL(sum_neigh_state),
};

static const struct nl_summary neigh_summary = NL_SUMMARY(neigh_sum_fields, neigh_sum_parts);

/* ---- rules ---- */

enum {
	RS_FAMILY, RS_DST_LEN, RS_SRC_LEN, RS_TABLE8, RS_ACTION, RS_FLAGS, /* fib_rule_hdr */
	RS_PRIORITY, RS_SRC, RS_DST, RS_FWMARK, RS_IIFNAME, RS_OIFNAME, RS_TABLE,
	RS_L3MDEV, RS_GOTO,
};

static const struct nl_sum_field rule_sum_fields[] = {
	[RS_FAMILY] = NL_SUM_HDR("family"),
	[RS_DST_LEN] = NL_SUM_HDR("dst_len"),
	[RS_SRC_LEN] = NL_SUM_HDR("src_len"),
	[RS_TABLE8] = NL_SUM_HDR("table"),
	[RS_ACTION] = NL_SUM_HDR("action"),
	[RS_FLAGS] = NL_SUM_HDR("flags"),
	[RS_PRIORITY] = NL_SUM_ATTR(&rtnl_rule_set, "priority"),
	[RS_SRC] = NL_SUM_ATTR(&rtnl_rule_set, "src"),
	[RS_DST] = NL_SUM_ATTR(&rtnl_rule_set, "dst"),
	[RS_FWMARK] = NL_SUM_ATTR(&rtnl_rule_set, "fwmark"),
	[RS_IIFNAME] = NL_SUM_ATTR(&rtnl_rule_set, "iifname"),
	[RS_OIFNAME] = NL_SUM_ATTR(&rtnl_rule_set, "oifname"),
	[RS_TABLE] = NL_SUM_ATTR(&rtnl_rule_set, "table"),
	[RS_L3MDEV] = NL_SUM_ATTR(&rtnl_rule_set, "l3mdev"),
	[RS_GOTO] = NL_SUM_ATTR(&rtnl_rule_set, "goto"),
};

/* "0: from all": the priority, not, the selectors */
static void sum_rule(struct dctx *d, const struct nl_sum_vals *v)
{
	int af = (int)val8(v, RS_FAMILY);
	struct nlc x;
	uint32_t u;

	if (nl_sum_u32(v, RS_PRIORITY, &u))
		emit_sum(d->e, " %u:", u);
	if (val32(v, RS_FLAGS) & 2)
		emit_sum(d->e, " not");
	if (nl_sum_get(v, RS_SRC, &x)) {
		emit_sum(d->e, " from ");
		rtnl_sum_addr(d, af, x);
		emit_sum(d->e, "/%u", val8(v, RS_SRC_LEN));
	} else {
		emit_sum(d->e, " from all");
	}
	if (nl_sum_get(v, RS_DST, &x)) {
		emit_sum(d->e, " to ");
		rtnl_sum_addr(d, af, x);
		emit_sum(d->e, "/%u", val8(v, RS_DST_LEN));
	}
	if (nl_sum_u32(v, RS_FWMARK, &u))
		emit_sum(d->e, " fwmark 0x%x", u);
}

/* the action: lookup TABLE (the attribute's, else the header's), goto... */
static void sum_rule_action(struct dctx *d, const struct nl_sum_vals *v)
{
	uint32_t table = val8(v, RS_TABLE8), u;
	struct nlc l3;

	if (nl_sum_u32(v, RS_TABLE, &u))
		table = u;
	switch (val8(v, RS_ACTION)) {
	case 1:
		if (nl_sum_get(v, RS_L3MDEV, &l3) && nlc_left(&l3) == 1 && nlc_u8(&l3)) {
			emit_sum(d->e, " lookup [l3mdev-table]");
		} else if (table) {
			const char *tn = d->numeric ? NULL : nl_name(&rtnl_table_names, table);
			if (tn)
				emit_sum(d->e, " lookup %s", tn);
			else
				emit_sum(d->e, " lookup %u", table);
		}
		break;
	case 2:
		if (nl_sum_u32(v, RS_GOTO, &u))
			emit_sum(d->e, " goto %u", u);
		break;
	case 3: emit_sum(d->e, " nop"); break;
	case 6: emit_sum(d->e, " blackhole"); break;
	case 7: emit_sum(d->e, " unreachable"); break;
	case 8: emit_sum(d->e, " prohibit"); break;
	default: break;
	}
}

/* a dump request without selectors: no summary */
static void sum_rule_all(struct dctx *d, const struct nl_sum_vals *v)
{
	if (d->nl_type == 34 /* GETRULE */ && !v->attr_len)
		return;
	sum_rule(d, v);
}

/* a dump request without selectors shows no action either */
static void sum_rule_tail(struct dctx *d, const struct nl_sum_vals *v)
{
	if (d->nl_type == 34 /* GETRULE */ && !v->attr_len)
		return;
	sum_rule_action(d, v);
}

static const struct nl_sum_part rule_sum_parts[] = {
	NLS_CALL(sum_rule_all),
	NLS_PART(NLS_STR, RS_IIFNAME, " iif "),
	NLS_PART(NLS_STR, RS_OIFNAME, " oif "),
	NLS_CALL(sum_rule_tail),
};

static const struct nl_summary rule_summary = NL_SUMMARY(rule_sum_fields, rule_sum_parts);

/* ---- nexthops ---- */

enum {
	HS_FAMILY, HS_PROTOCOL,				/* struct nhmsg */
	HS_ID, HS_GROUP, HS_GATEWAY, HS_OIF, HS_BLACKHOLE,
};

static const struct nl_sum_field nh_sum_fields[] = {
	[HS_FAMILY] = NL_SUM_HDR("family"),
	[HS_PROTOCOL] = NL_SUM_HDR("protocol"),
	[HS_ID] = NL_SUM_ATTR(&rtnl_nh_set, "id"),
	[HS_GROUP] = NL_SUM_ATTR(&rtnl_nh_set, "group"),
	[HS_GATEWAY] = NL_SUM_ATTR(&rtnl_nh_set, "gateway"),
	[HS_OIF] = NL_SUM_ATTR(&rtnl_nh_set, "oif"),
	[HS_BLACKHOLE] = NL_SUM_ATTR(&rtnl_nh_set, "blackhole"),
};

/* "group 1/2/3": the ids of struct nexthop_grp entries */
static void sum_nh_group(struct dctx *d, const struct nl_sum_vals *v)
{
	struct nlc g;

	if (!nl_sum_get(v, HS_GROUP, &g))
		return;
	emit_sum(d->e, " group ");
	bool first = true;
	while (nlc_left(&g) >= 8) {
		uint32_t id = nlc_u32(&g);
		nlc_skip(&g, 4);
		emit_sum(d->e, "%s%u", first ? "" : "/", id);
		first = false;
	}
}

static void sum_nh_via(struct dctx *d, const struct nl_sum_vals *v)
{
	sum_addr_val(d, v, HS_GATEWAY, (int)val8(v, HS_FAMILY), "via");
}

static void sum_nh_proto(struct dctx *d, const struct nl_sum_vals *v)
{
	unsigned p = val8(v, HS_PROTOCOL);

	if (p)
		sum_name(d, "proto", &rtnl_rtprot_names, p);
}

static const struct nl_sum_part nh_sum_parts[] = {
	NLS_PART(NLS_U32, HS_ID, " id "),
	NLS_CALL(sum_nh_group),
	NLS_CALL(sum_nh_via),
	NLS_PART(NLS_DEV, HS_OIF, " dev "),
	NLS_PART(NLS_WORD, HS_BLACKHOLE, " blackhole"),
	NLS_CALL(sum_nh_proto),
};

static const struct nl_summary nh_summary = NL_SUMMARY(nh_sum_fields, nh_sum_parts);

/* ---- tc ---- */

static void sum_handle(struct dctx *d, const char *label, uint32_t hd)
{
	if (hd == 0xffffffffu) {
		emit_sum(d->e, " root");
		return;
	}
	if (label)
		emit_sum(d->e, " %s", label);
	if (!(hd >> 16))
		emit_sum(d->e, " :%x", hd & 0xffff);
	else if (!(hd & 0xffff))
		emit_sum(d->e, " %x:", hd >> 16);
	else
		emit_sum(d->e, " %x:%x", hd >> 16, hd & 0xffff);
}

enum {
	TS_IFINDEX, TS_HANDLE, TS_PARENT, TS_INFO,	/* struct tcmsg */
	TS_KIND, TS_CHAIN,
};

static const struct nl_sum_field tc_sum_fields[] = {
	[TS_IFINDEX] = NL_SUM_HDR("ifindex"),
	[TS_HANDLE] = NL_SUM_HDR("handle"),
	[TS_PARENT] = NL_SUM_HDR("parent"),
	[TS_INFO] = NL_SUM_HDR("info"),
	[TS_KIND] = NL_SUM_ATTR(&rtnl_tc_set, "kind"),
	[TS_CHAIN] = NL_SUM_ATTR(&rtnl_tc_set, "chain"),
};

/* the handle (not of filters and chains), the device, the parent, a
 * filter's handle, preference and protocol (tcm_info) */
static void sum_tc(struct dctx *d, const struct nl_sum_vals *v)
{
	uint32_t handle = val32(v, TS_HANDLE), parent = val32(v, TS_PARENT);
	uint32_t info = val32(v, TS_INFO), ifindex = val32(v, TS_IFINDEX);
	uint16_t t = d->nl_type;
	bool filter = t >= 44 && t <= 46;
	bool chain = t >= 100 && t <= 102;

	if (!filter && !chain && handle)
		sum_handle(d, NULL, handle);
	if (ifindex)
		rtnl_sum_dev(d, "dev", ifindex);
	if (parent == 0xffffffffu)
		emit_sum(d->e, " root");
	else if (parent == 0xfffffff1u)
		emit_sum(d->e, " %s", handle == 0xffff0000u ? "ingress" : "parent ffff:fff1");
	else if (parent == 0xfffffff2u)
		emit_sum(d->e, " ingress");
	else if (parent == 0xfffffff3u)
		emit_sum(d->e, " egress");
	else if (parent)
		sum_handle(d, "parent", parent);
	if (filter) {
		uint16_t proto = (uint16_t)((info & 0xff) << 8 | (info >> 8 & 0xff));
		if (handle)
			emit_sum(d->e, " handle 0x%x", handle);
		if (info) {
			emit_sum(d->e, " pref %u", info >> 16);
			if (proto == 0x0800)
				emit_sum(d->e, " protocol ip");
			else if (proto == 0x86dd)
				emit_sum(d->e, " protocol ipv6");
			else if (proto == 0x0003)
				emit_sum(d->e, " protocol all");
			else if (proto)
				emit_sum(d->e, " protocol 0x%04x", proto);
		}
	}
}

static const struct nl_sum_part tc_sum_parts[] = {
	NLS_PART(NLS_STR, TS_KIND, " "),
	NLS_CALL(sum_tc),
	NLS_PART(NLS_U32, TS_CHAIN, " chain "),
};

static const struct nl_summary tc_summary = NL_SUMMARY(tc_sum_fields, tc_sum_parts);

enum { AC_TAB };
static const struct nl_sum_field action_sum_fields[] = {
	[AC_TAB] = NL_SUM_ATTR(&rtnl_act_root_set, "tab"),
};

/* " action KIND index N" per action of the recorded TCA_ACT_TAB, each
 * taken by its policy names from the action set */
static void sum_action(struct dctx *d, const struct nl_sum_vals *v)
{
	struct nlc tab, one, x;
	uint16_t t;
	uint32_t idx;

	if (!nl_sum_get(v, AC_TAB, &tab))
		return;
	tab.err = NLC_OK;
	while (nla_next(&tab, &t, &one)) {
		if (nl_sum_find_named(&one, &tc_act_set, "kind", &x)) {
			size_t n;
			const uint8_t *p = nlc_rest(&x, &n);
			const uint8_t *z = p && n ? memchr(p, 0, n) : NULL;
			if (p) {
				emit_sum(d->e, " action ");
				emit_sum_str(d->e, p, z ? (size_t)(z - p) : n);
			}
		}
		if (nl_sum_find_named(&one, &tc_act_set, "index", &x) && nlc_left(&x) == 4) {
			idx = nlc_u32(&x);
			if (nlc_ok(&x))
				emit_sum(d->e, " index %u", idx);
		}
	}
}

static const struct nl_sum_part action_sum_parts[] = { NLS_CALL(sum_action) };
static const struct nl_summary action_summary = NL_SUMMARY(action_sum_fields, action_sum_parts);

/* " dev NAME" from a header's ifindex (slot 0), when nonzero */
static void sum_hdr_dev(struct dctx *d, const struct nl_sum_vals *v)
{
	uint32_t idx = val32(v, 0);

	if (idx)
		rtnl_sum_dev(d, "dev", idx);
}

static const struct nl_sum_field ifindex_sum_fields[] = { NL_SUM_HDR("ifindex") };
static const struct nl_sum_part hdr_dev_parts[] = { NLS_CALL(sum_hdr_dev) };
/* the first 8 bytes of the header are enough (if_stats_msg, nduseroptmsg) */
static const struct nl_summary hdr_dev_summary = NL_SUMMARY_MIN(ifindex_sum_fields,
								hdr_dev_parts, 8);


/* ---- netconf ---- */

static const char *const netconf_ifindex_v[] = { "all", "default" };
static bool cb_netconf_ifindex(struct dctx *d, const struct nl_attr_pol *pol,
			       const char *key, struct nlc *c)
{
	(void)pol;
	if (nlc_left(c) != 4)
		return false;
	int32_t v = (int32_t)nlc_u32(c);
	if (v == -1 || v == -2)
		emit_enum_name(d->e, key, (uint32_t)v, d->numeric ? NULL : netconf_ifindex_v[-v - 1]);
	else
		emit_sint(d->e, key, v);
	return true;
}
static const struct nl_shape netconf_ifindex_shape = NL_SHAPE_FORM("s32|enum");
static const struct nl_attr_pol netconfmsg_fields[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &rtnl_family_names },
};
static const struct nl_struct netconfmsg = NL_STRUCT("netconfmsg", netconfmsg_fields, 1);
static const struct nl_attr_pol netconf_attrs[] = {
	[1] = { "ifindex", NLA_KIND_CB, .cb = cb_netconf_ifindex, .shape = &netconf_ifindex_shape },
	[2] = { "forwarding", NLA_KIND_S32 },
	[3] = { "rp_filter", NLA_KIND_S32 },
	[4] = { "mc_forwarding", NLA_KIND_S32 },
	[5] = { "proxy_neigh", NLA_KIND_S32 },
	[6] = { "ignore_routes_with_linkdown", NLA_KIND_S32 },
	[7] = { "input", NLA_KIND_S32 },
	[8] = { "bc_forwarding", NLA_KIND_S32 },
};
static const struct nl_attr_set netconf_set = NL_ATTR_SET("netconf", netconf_attrs);

enum { CS_FAMILY, CS_IFINDEX, CS_FORWARDING, CS_RP_FILTER, CS_MC_FORWARDING };

static const struct nl_sum_field netconf_sum_fields[] = {
	[CS_FAMILY] = NL_SUM_HDR("family"),
	[CS_IFINDEX] = NL_SUM_ATTR(&netconf_set, "ifindex"),
	[CS_FORWARDING] = NL_SUM_ATTR(&netconf_set, "forwarding"),
	[CS_RP_FILTER] = NL_SUM_ATTR(&netconf_set, "rp_filter"),
	[CS_MC_FORWARDING] = NL_SUM_ATTR(&netconf_set, "mc_forwarding"),
};

/* "ipv4 dev eth0 forwarding on rp_filter strict" */
static void sum_netconf(struct dctx *d, const struct nl_sum_vals *v)
{
	unsigned fam = val8(v, CS_FAMILY);
	uint32_t u;

	emit_sum(d->e, " %s", fam == RT_AF_INET ? "ipv4" : fam == RT_AF_INET6 ? "ipv6" :
		 fam == RT_AF_MPLS ? "mpls" : "family");
	if (nl_sum_u32(v, CS_IFINDEX, &u)) {
		int32_t idx = (int32_t)u;
		if (idx == -1)
			emit_sum(d->e, " all");
		else if (idx == -2)
			emit_sum(d->e, " default");
		else
			rtnl_sum_dev(d, "dev", u);
	}
	if (nl_sum_u32(v, CS_FORWARDING, &u))
		emit_sum(d->e, " forwarding %s", u ? "on" : "off");
	if (nl_sum_u32(v, CS_RP_FILTER, &u))
		emit_sum(d->e, " rp_filter %s", u == 0 ? "off" : u == 1 ? "strict" : "loose");
	if (nl_sum_u32(v, CS_MC_FORWARDING, &u))
		emit_sum(d->e, " mc_forwarding %s", u ? "on" : "off");
}

static const struct nl_sum_part netconf_sum_parts[] = { NLS_CALL(sum_netconf) };
static const struct nl_summary netconf_summary = NL_SUMMARY(netconf_sum_fields, netconf_sum_parts);

/* ---- nsid ---- */

static const struct nl_attr_pol rtgenmsg_fields[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &rtnl_family_names },
};
static const struct nl_struct rtgenmsg = NL_STRUCT("rtgenmsg", rtgenmsg_fields, 1);
static const struct nl_attr_pol nsid_attrs[] = {
	[1] = { "nsid", NLA_KIND_S32, .flags = NLAF_SUMMARY },
	[2] = { "pid", NLA_KIND_U32 },
	[3] = { "fd", NLA_KIND_U32 },
	[4] = { "target_nsid", NLA_KIND_S32 },
	[5] = { "current_nsid", NLA_KIND_S32 },
};
static const struct nl_attr_set nsid_set = NL_ATTR_SET("nsid", nsid_attrs);

/* ---- address labels ---- */

static const struct nl_attr_pol ifaddrlblmsg_fields[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &rtnl_family_names },
	{ "reserved", NLA_KIND_PAD, .len = 1 },
	{ "prefixlen", NLA_KIND_U8 },
	{ "flags", NLA_KIND_U8, .flags = NLAF_HEX },
	{ "index", NLA_KIND_U32 },
	{ "seq", NLA_KIND_U32 },
};
static const struct nl_struct ifaddrlblmsg = { "ifaddrlblmsg", ifaddrlblmsg_fields,
	ARRAY_SIZE(ifaddrlblmsg_fields), 12, 1 };
static const struct nl_attr_pol addrlabel_attrs[] = {
	[1] = { "address", NLA_KIND_ADDR },
	[2] = { "label", NLA_KIND_U32 },
};
static const struct nl_attr_set addrlabel_set = NL_ATTR_SET("addrlabel", addrlabel_attrs);

enum { LB_FAMILY, LB_PREFIXLEN, LB_INDEX, LB_ADDRESS, LB_LABEL };

static const struct nl_sum_field addrlabel_sum_fields[] = {
	[LB_FAMILY] = NL_SUM_HDR("family"),
	[LB_PREFIXLEN] = NL_SUM_HDR("prefixlen"),
	[LB_INDEX] = NL_SUM_HDR("index"),
	[LB_ADDRESS] = NL_SUM_ATTR(&addrlabel_set, "address"),
	[LB_LABEL] = NL_SUM_ATTR(&addrlabel_set, "label"),
};

/* "prefix ::1/128 dev lo" */
static void sum_addrlabel(struct dctx *d, const struct nl_sum_vals *v)
{
	emit_sum(d->e, " prefix");
	sum_addr_val(d, v, LB_ADDRESS, (int)val8(v, LB_FAMILY), "");
	emit_sum(d->e, "/%u", val8(v, LB_PREFIXLEN));
	if (val32(v, LB_INDEX))
		rtnl_sum_dev(d, "dev", val32(v, LB_INDEX));
}

static const struct nl_sum_part addrlabel_sum_parts[] = {
	NLS_CALL(sum_addrlabel),
	NLS_PART(NLS_U32, LB_LABEL, " label "),
};
static const struct nl_summary addrlabel_summary = NL_SUMMARY(addrlabel_sum_fields,
							      addrlabel_sum_parts);

/* ---- prefixes ---- */

static const char *const prefix_flag_v[] = { "onlink", "autoconf" };
static const struct nl_names prefix_flag_bits = NL_NAMES(prefix_flag_v);
static const struct nl_attr_pol prefixmsg_fields[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &rtnl_family_names },
	{ "pad1", NLA_KIND_PAD, .len = 1 },
	{ "pad2", NLA_KIND_PAD, .len = 2 },
	{ "ifindex", NLA_KIND_S32 },
	{ "type", NLA_KIND_U8 },
	{ "len", NLA_KIND_U8 },
	{ "flags", NLA_KIND_U8, .bits = &prefix_flag_bits },
	{ "pad3", NLA_KIND_PAD, .len = 1 },
};
static const struct nl_struct prefixmsg = NL_STRUCT("prefixmsg", prefixmsg_fields, 12);
static const struct nl_attr_pol prefix_ci_f[] = {
	{ "preferred_time", NLA_KIND_U32 }, { "valid_time", NLA_KIND_U32 },
};
static const struct nl_struct prefix_ci_st = NL_STRUCT("prefix_cacheinfo", prefix_ci_f, 8);
static const struct nl_attr_pol prefix_attrs[] = {
	[1] = { "address", NLA_KIND_IPV6 },
	[2] = { "cacheinfo", NLA_KIND_STRUCT, .st = &prefix_ci_st },
};
static const struct nl_attr_set prefix_set = NL_ATTR_SET("prefix", prefix_attrs);

enum { PS_IFINDEX, PS_LEN, PS_FLAGS, PS_ADDRESS };

static const struct nl_sum_field prefix_sum_fields[] = {
	[PS_IFINDEX] = NL_SUM_HDR("ifindex"),
	[PS_LEN] = NL_SUM_HDR("len"),
	[PS_FLAGS] = NL_SUM_HDR("flags"),
	[PS_ADDRESS] = NL_SUM_ATTR(&prefix_set, "address"),
};

/* "prefix 2001:db8::/64 dev eth0 onlink autoconf" */
static void sum_prefix(struct dctx *d, const struct nl_sum_vals *v)
{
	unsigned flags = val8(v, PS_FLAGS);

	emit_sum(d->e, " prefix");
	sum_addr_val(d, v, PS_ADDRESS, RT_AF_INET6, "");
	emit_sum(d->e, "/%u", val8(v, PS_LEN));
	rtnl_sum_dev(d, "dev", val32(v, PS_IFINDEX));
	if (flags & 1)
		emit_sum(d->e, " onlink");
	if (flags & 2)
		emit_sum(d->e, " autoconf");
}

static const struct nl_sum_part prefix_sum_parts[] = { NLS_CALL(sum_prefix) };
static const struct nl_summary prefix_summary = NL_SUMMARY(prefix_sum_fields, prefix_sum_parts);

/* ---- link stats (RTM_*STATS) ---- */

static const char *const stats_filter_v[] = {
	"link_64", "link_xstats", "link_xstats_slave", "link_offload_xstats", "af_spec",
};
static const struct nl_names stats_filter_bits = NL_NAMES(stats_filter_v);
static const struct nl_attr_pol if_stats_msg_fields[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &rtnl_family_names },
	{ "pad1", NLA_KIND_PAD, .len = 1 },
	{ "pad2", NLA_KIND_PAD, .len = 2 },
	{ "ifindex", NLA_KIND_U32 },
	{ "filter_mask", NLA_KIND_U32, .bits = &stats_filter_bits },
};
static const struct nl_struct if_stats_msg = { "if_stats_msg", if_stats_msg_fields,
	ARRAY_SIZE(if_stats_msg_fields), 12, 1 };
static const struct nl_attr_pol hw_s_info_one_attrs[] = {
	[1] = { "request", NLA_KIND_U8 },
	[2] = { "used", NLA_KIND_U8 },
};
static const struct nl_attr_set hw_s_info_one_set = NL_ATTR_SET("hw_s_info_one", hw_s_info_one_attrs);
static const struct nl_attr_pol hw_s_info_attrs[] = {
	[1] = { "l3_stats", NLA_KIND_NESTED, .nest = &hw_s_info_one_set },
};
static const struct nl_attr_set hw_s_info_set = NL_ATTR_SET("hw_s_info", hw_s_info_attrs);
static const struct nl_attr_pol offload_xstats_attrs[] = {
	[1] = { "cpu_hit", NLA_KIND_STRUCT, .st = &rtnl_stats64 },
	[2] = { "hw_s_info", NLA_KIND_NESTED, .nest = &hw_s_info_set },
	[3] = { "l3_stats", NLA_KIND_BINARY },
};
static const struct nl_attr_set offload_xstats_set = NL_ATTR_SET("offload_xstats", offload_xstats_attrs);
static const struct nl_attr_pol xstats_attrs[] = {
	[1] = { "bridge", NLA_KIND_BINARY },
	[2] = { "bond", NLA_KIND_BINARY },
};
static const struct nl_attr_set xstats_set = NL_ATTR_SET("xstats", xstats_attrs);
static const struct nl_attr_pol mpls_stats_attrs[] = {
	[1] = { "link", NLA_KIND_BINARY },
};
static const struct nl_attr_set mpls_stats_set = NL_ATTR_SET("mpls", mpls_stats_attrs);
static const struct nl_attr_pol stats_af_attrs[] = {
	[RT_AF_MPLS] = { "mpls", NLA_KIND_NESTED, .nest = &mpls_stats_set },
};
static const struct nl_attr_set stats_af_set = NL_ATTR_SET("af_spec", stats_af_attrs);
static const struct nl_attr_pol stats_attrs[] = {
	[1] = { "link_64", NLA_KIND_STRUCT, .st = &rtnl_stats64 },
	[2] = { "link_xstats", NLA_KIND_NESTED, .nest = &xstats_set },
	[3] = { "link_xstats_slave", NLA_KIND_NESTED, .nest = &xstats_set },
	[4] = { "link_offload_xstats", NLA_KIND_NESTED, .nest = &offload_xstats_set },
	[5] = { "af_spec", NLA_KIND_NESTED, .nest = &stats_af_set },
};
const struct nl_attr_set rtnl_stats_set = NL_ATTR_SET("stats", stats_attrs);

/* Requests (RTM_GETSTATS, RTM_SETSTATS) carry IFLA_STATS_GETSET_*.
 * IFLA_STATS_GET_FILTERS nests one u32 per IFLA_STATS_* group: a mask of
 * that group's subgroups, bit IFLA_STATS_FILTER_BIT(attr) = 1 << (attr - 1);
 * the kernel takes one for IFLA_STATS_LINK_OFFLOAD_XSTATS, whose
 * subgroups are IFLA_OFFLOAD_XSTATS_* (`ip stats ... subgroup cpu_hit`). */
static const char *const offload_xstats_filter_v[] = { "cpu_hit", "hw_s_info", "l3_stats" };
static const struct nl_names offload_xstats_filter_bits = NL_NAMES(offload_xstats_filter_v);
static const struct nl_attr_pol stats_filter_attrs[] = {
	[1] = { "link_64", NLA_KIND_U32, .flags = NLAF_HEX },
	[2] = { "link_xstats", NLA_KIND_U32, .flags = NLAF_HEX },
	[3] = { "link_xstats_slave", NLA_KIND_U32, .flags = NLAF_HEX },
	[4] = { "link_offload_xstats", NLA_KIND_U32, .bits = &offload_xstats_filter_bits },
	[5] = { "af_spec", NLA_KIND_U32, .flags = NLAF_HEX },
};
static const struct nl_attr_set stats_filter_set = NL_ATTR_SET("get_filters", stats_filter_attrs);
static const struct nl_attr_pol stats_getset_attrs[] = {
	[1] = { "get_filters", NLA_KIND_NESTED, .nest = &stats_filter_set },
	[2] = { "set_offload_xstats_l3_stats", NLA_KIND_U8 },
};
static const struct nl_attr_set stats_getset_set = NL_ATTR_SET("stats_getset", stats_getset_attrs);


/* ---- neighbour tables ---- */

static const struct nl_attr_pol ndtmsg_fields[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &rtnl_family_names },
	{ "pad1", NLA_KIND_PAD, .len = 1 },
	{ "pad2", NLA_KIND_PAD, .len = 2 },
};
static const struct nl_struct ndtmsg = { "ndtmsg", ndtmsg_fields, ARRAY_SIZE(ndtmsg_fields), 4, 1 };
static const struct nl_attr_pol ndt_config_f[] = {
	{ "key_len", NLA_KIND_U16 }, { "entry_size", NLA_KIND_U16 },
	{ "entries", NLA_KIND_U32 }, { "last_flush", NLA_KIND_U32 },
	{ "last_rand", NLA_KIND_U32 }, { "hash_rnd", NLA_KIND_U32, .flags = NLAF_HEX },
	{ "hash_mask", NLA_KIND_U32, .flags = NLAF_HEX }, { "hash_chain_gc", NLA_KIND_U32 },
	{ "proxy_qlen", NLA_KIND_U32 },
};
static const struct nl_struct ndt_config_st = NL_STRUCT("ndt_config", ndt_config_f, 32);
static const struct nl_attr_pol ndt_stats_f[] = {
	{ "allocs", NLA_KIND_U64 }, { "destroys", NLA_KIND_U64 }, { "hash_grows", NLA_KIND_U64 },
	{ "res_failed", NLA_KIND_U64 }, { "lookups", NLA_KIND_U64 }, { "hits", NLA_KIND_U64 },
	{ "rcv_probes_mcast", NLA_KIND_U64 }, { "rcv_probes_ucast", NLA_KIND_U64 },
	{ "periodic_gc_runs", NLA_KIND_U64 }, { "forced_gc_runs", NLA_KIND_U64 },
	{ "table_fulls", NLA_KIND_U64 },
};
static const struct nl_struct ndt_stats_st = NL_STRUCT("ndt_stats", ndt_stats_f, 88);
static const struct nl_attr_pol ndtpa_attrs[] = {
	[1] = { "ifindex", NLA_KIND_U32 },
	[2] = { "refcnt", NLA_KIND_U32 },
	[3] = { "reachable_time", NLA_KIND_U64 },
	[4] = { "base_reachable_time", NLA_KIND_U64 },
	[5] = { "retrans_time", NLA_KIND_U64 },
	[6] = { "gc_staletime", NLA_KIND_U64 },
	[7] = { "delay_probe_time", NLA_KIND_U64 },
	[8] = { "queue_len", NLA_KIND_U32 },
	[9] = { "app_probes", NLA_KIND_U32 },
	[10] = { "ucast_probes", NLA_KIND_U32 },
	[11] = { "mcast_probes", NLA_KIND_U32 },
	[12] = { "anycast_delay", NLA_KIND_U64 },
	[13] = { "proxy_delay", NLA_KIND_U64 },
	[14] = { "proxy_qlen", NLA_KIND_U32 },
	[15] = { "locktime", NLA_KIND_U64 },
	[16] = { "queue_lenbytes", NLA_KIND_U32 },
	[17] = { "mcast_reprobes", NLA_KIND_U32 },
	[18] = { "pad", NLA_KIND_PAD },
	[19] = { "interval_probe_time_ms", NLA_KIND_U64 },
};
static const struct nl_attr_set ndtpa_set = NL_ATTR_SET("parms", ndtpa_attrs);
static const struct nl_attr_pol neightbl_attrs[] = {
	[1] = { "name", NLA_KIND_NUL_STRING },
	[2] = { "thresh1", NLA_KIND_U32 },
	[3] = { "thresh2", NLA_KIND_U32 },
	[4] = { "thresh3", NLA_KIND_U32 },
	[5] = { "config", NLA_KIND_STRUCT, .st = &ndt_config_st },
	[6] = { "parms", NLA_KIND_NESTED, .nest = &ndtpa_set },
	[7] = { "stats", NLA_KIND_STRUCT, .st = &ndt_stats_st },
	[8] = { "gc_interval", NLA_KIND_U64 },
	[9] = { "pad", NLA_KIND_PAD },
};
static const struct nl_attr_set neightbl_set = NL_ATTR_SET("neightbl", neightbl_attrs);

enum { NT_NAME, NT_PARMS, NT_IFINDEX };
static const struct nl_sum_field neightbl_sum_fields[] = {
	[NT_NAME] = NL_SUM_ATTR(&neightbl_set, "name"),
	[NT_PARMS] = NL_SUM_ATTR(&neightbl_set, "parms"),
	[NT_IFINDEX] = NL_SUM_IN(&ndtpa_set, "ifindex", NT_PARMS),
};

static void sum_neightbl_dev(struct dctx *d, const struct nl_sum_vals *v)
{
	uint32_t idx;

	if (nl_sum_u32(v, NT_IFINDEX, &idx) && idx)
		rtnl_sum_dev(d, "dev", idx);
}

static const struct nl_sum_part neightbl_sum_parts[] = {
	NLS_PART(NLS_STR, NT_NAME, " "),
	NLS_CALL(sum_neightbl_dev),
};
static const struct nl_summary neightbl_summary = NL_SUMMARY(neightbl_sum_fields,
							     neightbl_sum_parts);

/* ---- bridge mdb ---- */

static const struct nl_attr_pol br_port_msg_fields[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &rtnl_family_names },
	{ "pad", NLA_KIND_PAD, .len = 3 },
	{ "ifindex", NLA_KIND_U32 },
};
static const struct nl_struct br_port_msg = { "br_port_msg", br_port_msg_fields,
	ARRAY_SIZE(br_port_msg_fields), 8, 1 };

static const char *const mdb_state_v[] = { "temp", "permanent" };
static const struct nl_names mdb_state_names = NL_NAMES(mdb_state_v);
static const char *const mdb_flag_v[] = {
	"offload", "fast_leave", "star_excl", "blocked", "offload_failed",
};
static const struct nl_names mdb_flag_bits = NL_NAMES(mdb_flag_v);

/* struct br_mdb_entry: u32 ifindex; u8 state, flags; u16 vid;
 * union {be32 ip4; in6_addr ip6; u8 mac[6]} (16); be16 proto; pad 2 */
static bool decode_mdb_entry(struct dctx *d, const char *key, struct nlc *c)
{
	if (nlc_left(c) < 26)
		return false;
	emit_obj_begin(d->e, key);
	emit_uint(d->e, "ifindex", nlc_u32(c), EF_DEC);
	emit_enum(d->e, "state", nlc_u8(c), &mdb_state_names);
	emit_flags(d->e, "flags", nlc_u8(c), &mdb_flag_bits);
	emit_uint(d->e, "vid", nlc_u16(c), EF_DEC);
	const uint8_t *addr = nlc_bytes(c, 16);
	uint16_t proto = nlc_be16(c);
	if (addr) {
		if (proto == 0x0800)
			emit_addr(d->e, "addr", EA_IPV4, addr, 4);
		else if (proto == 0x86dd)
			emit_addr(d->e, "addr", EA_IPV6, addr, 16);
		else if (proto == 0)
			emit_addr(d->e, "addr", EA_MAC, addr, 6);
		else
			emit_hex(d->e, "addr", addr, 16);
	}
	emit_uint(d->e, "proto", proto, EF_HEX);
	nlc_skip(c, nlc_left(c) < 2 ? nlc_left(c) : 2);
	emit_obj_end(d->e);
	return nlc_ok(c);
}

static const char *const mdb_rtr_type_v[] = { "disabled", "temp_query", "perm", "temp" };
static const struct nl_names mdb_rtr_type_names = NL_NAMES(mdb_rtr_type_v);
/* MCAST_EXCLUDE 0, MCAST_INCLUDE 1 (linux/in.h) */
static const char *const mdb_filter_v[] = { "exclude", "include" };
static const struct nl_names mdb_filter_names = NL_NAMES(mdb_filter_v);
/* The messages of a bridge are AF_BRIDGE: their IP addresses (group
 * sources, vxlan remotes) are told by their length, as the kernel does. */
#define MDB_IP(n) { n, NLA_KIND_CB, .cb = rtnl_cb_ip_by_len, .shape = &rtnl_ip_shape }
/* the kernel's messages: MDBA_MDB_EATTR_*, MDBA_MDB_SRCLIST_*, MDBA_MDB_SRCATTR_* */
static const struct nl_attr_pol mdb_src_attrs[] = {
	[1] = MDB_IP("address"),
	[2] = { "timer", NLA_KIND_U32 },
};
static const struct nl_attr_set mdb_src_set = NL_ATTR_SET("src", mdb_src_attrs);
static const struct nl_attr_pol mdb_srclist_attrs[] = {
	[1] = { "entry", NLA_KIND_NESTED, .nest = &mdb_src_set },
};
static const struct nl_attr_set mdb_srclist_set = NL_ATTR_SET("src_list", mdb_srclist_attrs);
static const struct nl_attr_pol mdb_eattr_attrs[] = {
	[1] = { "timer", NLA_KIND_U32 },
	[2] = { "src_list", NLA_KIND_NESTED, .nest = &mdb_srclist_set },
	[3] = { "group_mode", NLA_KIND_U8, .enums = &mdb_filter_names },
	[4] = MDB_IP("source"),
	[5] = { "rtprot", NLA_KIND_U8, .enums = &rtnl_rtprot_names },
	[6] = MDB_IP("dst"),
	[7] = { "dst_port", NLA_KIND_U16 },
	[8] = { "vni", NLA_KIND_U32 },
	[9] = { "ifindex", NLA_KIND_U32 },
	[10] = { "src_vni", NLA_KIND_U32 },
};
/* requests: MDBE_ATTR_*, MDBE_SRC_LIST_*, MDBE_SRCATTR_* (numbered apart) */
static const struct nl_attr_pol mdbe_src_attrs[] = {
	[1] = MDB_IP("address"),
};
static const struct nl_attr_set mdbe_src_set = NL_ATTR_SET("src", mdbe_src_attrs);
static const struct nl_attr_pol mdbe_srclist_attrs[] = {
	[1] = { "entry", NLA_KIND_NESTED, .nest = &mdbe_src_set },
};
static const struct nl_attr_set mdbe_srclist_set = NL_ATTR_SET("src_list", mdbe_srclist_attrs);
static const char *const mdbe_state_mask_v[] = { "permanent" };
static const struct nl_names mdbe_state_mask_bits = NL_NAMES(mdbe_state_mask_v);
static const struct nl_attr_pol mdbe_attrs[] = {
	[1] = MDB_IP("source"),
	[2] = { "src_list", NLA_KIND_NESTED, .nest = &mdbe_srclist_set },
	[3] = { "group_mode", NLA_KIND_U8, .enums = &mdb_filter_names },
	[4] = { "rtprot", NLA_KIND_U8, .enums = &rtnl_rtprot_names },
	[5] = MDB_IP("dst"),
	[6] = { "dst_port", NLA_KIND_U16 },
	[7] = { "vni", NLA_KIND_U32 },
	[8] = { "ifindex", NLA_KIND_U32 },
	[9] = { "src_vni", NLA_KIND_U32 },
	[10] = { "state_mask", NLA_KIND_U8, .bits = &mdbe_state_mask_bits },
};
static const struct nl_attr_set mdbe_set = NL_ATTR_SET("entry_attrs", mdbe_attrs);
static const struct nl_attr_set mdb_eattr_set = NL_ATTR_SET("entry_attrs", mdb_eattr_attrs);

/* the shapes of the callbacks here, for the field registry */
static const struct nl_attr_pol mdb_entry_members[] = {
	{ "ifindex", NLA_KIND_U32 }, { "state", NLA_KIND_U8, .enums = &mdb_state_names },
	{ "flags", NLA_KIND_U8, .bits = &mdb_flag_bits }, { "vid", NLA_KIND_U16 },
	{ "addr", NLA_KIND_ADDR }, { "proto", NLA_KIND_BE16 },
};
static const struct nl_shape mdb_entry_shape = NL_SHAPE_OBJ(mdb_entry_members);
static const struct nl_attr_pol mdb_entry_info_members[] = {
	{ "entry", NLA_KIND_CB, .shape = &mdb_entry_shape },
	{ "attrs", NLA_KIND_NESTED, .nest = &mdb_eattr_set },
};
static const struct nl_shape mdb_entry_info_shape = NL_SHAPE_OBJ(mdb_entry_info_members);

/* MDBA_MDB_ENTRY_INFO: struct br_mdb_entry, then MDBA_MDB_EATTR_* */
static bool cb_mdb_entry_info(struct dctx *d, const struct nl_attr_pol *pol,
			      const char *key, struct nlc *c)
{
	(void)pol;
	if (nlc_left(c) < 26)
		return false;
	emit_set_begin(d->e, key);
	struct nlc h = nlc_sub(c, nlc_left(c) < 28 ? 26 : 28);
	nlc_skip(c, nlc_left(&h));
	decode_mdb_entry(d, "entry", &h);
	if (nlc_left(c))
		nla_walk_under(d, "attrs", c, &mdb_eattr_set);
	emit_obj_end(d->e);
	return true;
}

static const struct nl_attr_pol mdb_rtr_pattr_attrs[] = {
	[1] = { "timer", NLA_KIND_U32 },
	[2] = { "type", NLA_KIND_U8, .enums = &mdb_rtr_type_names },
	[3] = { "inet_timer", NLA_KIND_U32 },
	[4] = { "inet6_timer", NLA_KIND_U32 },
	[5] = { "vid", NLA_KIND_U16 },
};
static const struct nl_attr_set mdb_rtr_pattr_set = NL_ATTR_SET("router_port_attrs", mdb_rtr_pattr_attrs);
static const struct nl_attr_pol mdb_router_port_members[] = {
	{ "ifindex", NLA_KIND_U32 },
	{ "attrs", NLA_KIND_NESTED, .nest = &mdb_rtr_pattr_set },
};
static const struct nl_shape mdb_router_port_shape = NL_SHAPE_OBJ(mdb_router_port_members);
/* MDBA_ROUTER_PORT: u32 ifindex, then MDBA_ROUTER_PATTR_* */
static bool cb_mdb_router_port(struct dctx *d, const struct nl_attr_pol *pol,
			       const char *key, struct nlc *c)
{
	(void)pol;
	if (nlc_left(c) < 4)
		return false;
	emit_set_begin(d->e, key);
	emit_uint(d->e, "ifindex", nlc_u32(c), EF_DEC);
	if (nlc_left(c))
		nla_walk_under(d, "attrs", c, &mdb_rtr_pattr_set);
	emit_obj_end(d->e);
	return true;
}
static const struct nl_attr_pol mdb_entry_attrs[] = {
	[1] = { "info", NLA_KIND_CB, .cb = cb_mdb_entry_info, .shape = &mdb_entry_info_shape },
};
static const struct nl_attr_set mdb_entry_set = NL_ATTR_SET("mdb_entry", mdb_entry_attrs);
static const struct nl_attr_pol mdb_mdb_attrs[] = {
	[1] = { "entry", NLA_KIND_NESTED, .nest = &mdb_entry_set },
};
static const struct nl_attr_set mdb_mdb_set = NL_ATTR_SET("mdb", mdb_mdb_attrs);
static const struct nl_attr_pol mdb_router_attrs[] = {
	[1] = { "port", NLA_KIND_CB, .cb = cb_mdb_router_port, .shape = &mdb_router_port_shape },
};
static const struct nl_attr_set mdb_router_set = NL_ATTR_SET("router", mdb_router_attrs);
/* The kernel's messages carry MDBA_MDB and MDBA_ROUTER; requests carry
 * MDBA_SET_ENTRY (NEWMDB, DELMDB) or MDBA_GET_ENTRY (GETMDB), a struct
 * br_mdb_entry, and MDBE_ATTR_* under the same types 1 and 2. */
static bool cb_mdb_req_entry(struct dctx *d, const struct nl_attr_pol *pol,
			     const char *key, struct nlc *c)
{
	(void)pol;
	return decode_mdb_entry(d, key, c);
}
static const struct nl_attr_pol mdb_attrs[] = {
	[1] = { "mdb", NLA_KIND_NESTED, .nest = &mdb_mdb_set },
	[2] = { "router", NLA_KIND_NESTED, .nest = &mdb_router_set },
};
static const struct nl_attr_pol mdb_set_req_attrs[] = {
	[1] = { "set_entry", NLA_KIND_CB, .cb = cb_mdb_req_entry, .shape = &mdb_entry_shape },
	[2] = { "set_entry_attrs", NLA_KIND_NESTED, .nest = &mdbe_set },
};
static const struct nl_attr_pol mdb_get_req_attrs[] = {
	[1] = { "get_entry", NLA_KIND_CB, .cb = cb_mdb_req_entry, .shape = &mdb_entry_shape },
	[2] = { "get_entry_attrs", NLA_KIND_NESTED, .nest = &mdbe_set },
};
static const struct nl_attr_set mdb_set_req_set = NL_ATTR_SET("mdb_set_entry", mdb_set_req_attrs);
static const struct nl_attr_set mdb_get_req_set = NL_ATTR_SET("mdb_get_entry", mdb_get_req_attrs);
static const struct nl_attr_set mdb_set = NL_ATTR_SET("mdb", mdb_attrs);


/* ---- bridge vlans ---- */

static const struct nl_attr_pol br_vlan_msg_fields[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &rtnl_family_names },
	{ "reserved1", NLA_KIND_PAD, .len = 1 },
	{ "reserved2", NLA_KIND_PAD, .len = 2 },
	{ "ifindex", NLA_KIND_U32 },
};
static const struct nl_struct br_vlan_msg = { "br_vlan_msg", br_vlan_msg_fields,
	ARRAY_SIZE(br_vlan_msg_fields), 8, 1 };
extern const struct nl_struct rtnl_bridge_vlan_info;
static const char *const brvlan_state_v[] = {
	"disabled", "listening", "learning", "forwarding", "blocking",
};
static const struct nl_names brvlan_state_names = NL_NAMES(brvlan_state_v);
static const struct nl_attr_pol vlan_tinfo_attrs[] = {
	[1] = { "id", NLA_KIND_U32 },
};
static const struct nl_attr_set vlan_tinfo_set = NL_ATTR_SET("tunnel_info", vlan_tinfo_attrs);
static const struct nl_attr_pol vlan_stats_attrs[] = {
	[1] = { "rx_bytes", NLA_KIND_U64 },
	[2] = { "rx_packets", NLA_KIND_U64 },
	[3] = { "tx_bytes", NLA_KIND_U64 },
	[4] = { "tx_packets", NLA_KIND_U64 },
	[5] = { "pad", NLA_KIND_PAD },
};
static const struct nl_attr_set vlan_stats_set = NL_ATTR_SET("stats", vlan_stats_attrs);
static const struct nl_attr_pol vlandb_entry_attrs[] = {
	[1] = { "info", NLA_KIND_STRUCT, .st = &rtnl_bridge_vlan_info },
	[2] = { "range", NLA_KIND_U16 },
	[3] = { "state", NLA_KIND_U8, .enums = &brvlan_state_names },
	[4] = { "tunnel_info", NLA_KIND_NESTED, .nest = &vlan_tinfo_set },
	[5] = { "stats", NLA_KIND_NESTED, .nest = &vlan_stats_set },
	[6] = { "mcast_router", NLA_KIND_U8 },
	[7] = { "mcast_n_groups", NLA_KIND_U32 },
	[8] = { "mcast_max_groups", NLA_KIND_U32 },
	[9] = { "neigh_suppress", NLA_KIND_U8 },
};
static const struct nl_attr_set vlandb_entry_set = NL_ATTR_SET("entry", vlandb_entry_attrs);
static const char *const vlandb_dump_v[] = { "stats", "global" };
static const struct nl_names vlandb_dump_bits = NL_NAMES(vlandb_dump_v);
static const struct nl_attr_pol vlandb_attrs[] = {
	[1] = { "entry", NLA_KIND_NESTED, .nest = &vlandb_entry_set },
	[2] = { "global_options", NLA_KIND_BINARY },
};
static const struct nl_attr_set vlandb_set = NL_ATTR_SET("vlandb", vlandb_attrs);
/* dump requests carry BRIDGE_VLANDB_DUMP_* instead */
static const struct nl_attr_pol vlandb_dump_attrs[] = {
	[1] = { "flags", NLA_KIND_U32, .bits = &vlandb_dump_bits },
};
static const struct nl_attr_set vlandb_dump_set = NL_ATTR_SET("vlandb_dump", vlandb_dump_attrs);

enum { VS_IFINDEX, VS_ENTRY, VS_INFO, VS_RANGE };
static const struct nl_sum_field vlan_sum_fields[] = {
	[VS_IFINDEX] = NL_SUM_HDR("ifindex"),
	[VS_ENTRY] = NL_SUM_ATTR(&vlandb_set, "entry"),
	[VS_INFO] = NL_SUM_IN(&vlandb_entry_set, "info", VS_ENTRY),
	[VS_RANGE] = NL_SUM_IN(&vlandb_entry_set, "range", VS_ENTRY),
};

/* "vlan 10" or "vlan 10-20": the first entry's bridge_vlan_info and range */
static void sum_vlan(struct dctx *d, const struct nl_sum_vals *v)
{
	struct nlc info, r;
	uint32_t range;

	if (!nl_sum_get(v, VS_INFO, &info) || nlc_left(&info) != 4)
		return;
	nlc_u16(&info);
	uint16_t vid = nlc_u16(&info);
	emit_sum(d->e, " vlan %u", vid);
	if (nl_sum_get(v, VS_RANGE, &r) && nlc_left(&r) == 2 && (range = nlc_u16(&r)) != vid)
		emit_sum(d->e, "-%u", range);
}

static const struct nl_sum_part vlan_sum_parts[] = {
	NLS_CALL(sum_hdr_dev),
	NLS_CALL(sum_vlan),
};
static const struct nl_summary vlan_summary = NL_SUMMARY(vlan_sum_fields, vlan_sum_parts);

/* ---- ND user options, DCB, VXLAN VNI filter (RTM_*TUNNEL) ---- */

static const struct nl_attr_pol nduseroptmsg_fields[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &rtnl_family_names },
	{ "pad1", NLA_KIND_PAD, .len = 1 },
	{ "opts_len", NLA_KIND_U16 },
	{ "ifindex", NLA_KIND_S32 },
	{ "icmp_type", NLA_KIND_U8 },
	{ "icmp_code", NLA_KIND_U8 },
	{ "pad2", NLA_KIND_PAD, .len = 2 },
	{ "pad3", NLA_KIND_PAD, .len = 4 },
};
/* the ND options and NDUSEROPT_SRCADDR follow as hex */
static const struct nl_struct nduseroptmsg = NL_STRUCT("nduseroptmsg", nduseroptmsg_fields, 16);

static const struct nl_attr_pol dcbmsg_fields[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &rtnl_family_names },
	{ "cmd", NLA_KIND_U8 },
	{ "pad", NLA_KIND_PAD, .len = 2 },
};
static const struct nl_struct dcbmsg = NL_STRUCT("dcbmsg", dcbmsg_fields, 4);

static const struct nl_attr_pol tunnel_msg_fields[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &rtnl_family_names },
	{ "flags", NLA_KIND_U8, .flags = NLAF_HEX },
	{ "reserved2", NLA_KIND_PAD, .len = 2 },
	{ "ifindex", NLA_KIND_U32 },
};
static const struct nl_struct tunnel_msg = NL_STRUCT("tunnel_msg", tunnel_msg_fields, 8);
static const struct nl_attr_pol vni_stats_attrs[] = {
	[1] = { "rx_bytes", NLA_KIND_U64 }, [2] = { "rx_pkts", NLA_KIND_U64 },
	[3] = { "rx_drops", NLA_KIND_U64 }, [4] = { "rx_errors", NLA_KIND_U64 },
	[5] = { "tx_bytes", NLA_KIND_U64 }, [6] = { "tx_pkts", NLA_KIND_U64 },
	[7] = { "tx_drops", NLA_KIND_U64 }, [8] = { "tx_errors", NLA_KIND_U64 },
	[9] = { "pad", NLA_KIND_PAD },
};
static const struct nl_attr_set vni_stats_set = NL_ATTR_SET("stats", vni_stats_attrs);
static const struct nl_attr_pol vni_entry_attrs[] = {
	[1] = { "start", NLA_KIND_U32 },
	[2] = { "end", NLA_KIND_U32 },
	[3] = { "group", NLA_KIND_IPV4 },
	[4] = { "group6", NLA_KIND_IPV6 },
	[5] = { "stats", NLA_KIND_NESTED, .nest = &vni_stats_set },
};
static const struct nl_attr_set vni_entry_set = NL_ATTR_SET("vnifilter_entry", vni_entry_attrs);
static const struct nl_attr_pol vnifilter_attrs[] = {
	[1] = { "entry", NLA_KIND_NESTED, .nest = &vni_entry_set },
};
static const struct nl_attr_set vnifilter_set = NL_ATTR_SET("vnifilter", vnifilter_attrs);


/* ---- message types (include/uapi/linux/rtnetlink.h) ---- */

#define LINK(n, k, h) { n, k, &h, &rtnl_link_set, .sum = &link_summary }
#define ADDR(n, k, h) { n, k, &h, &rtnl_addr_set, .sum = &addr_summary }
#define ROUTE(n, k, h) { n, k, &h, &rtnl_route_set, .sum = &route_summary }
#define NEIGH(n, k, h) { n, k, &h, &rtnl_neigh_set, .sum = &neigh_summary }
#define RULE(n, k, h) { n, k, &h, &rtnl_rule_set, .sum = &rule_summary }
#define TC(n, k) { n, k, &rtnl_tcmsg, &rtnl_tc_set, .sum = &tc_summary }

static const struct nl_msgdef rtnl_msgs[] = {
	[16] = LINK("NEWLINK", NLRK_NEW, rtnl_ifinfomsg),
	[17] = LINK("DELLINK", NLRK_DEL, rtnl_ifinfomsg),
	[18] = LINK("GETLINK", NLRK_GET, rtnl_ifinfomsg_get),
	[19] = LINK("SETLINK", NLRK_NEW, rtnl_ifinfomsg),
	[20] = ADDR("NEWADDR", NLRK_NEW, rtnl_ifaddrmsg),
	[21] = ADDR("DELADDR", NLRK_DEL, rtnl_ifaddrmsg),
	[22] = ADDR("GETADDR", NLRK_GET, rtnl_ifaddrmsg_get),
	[24] = ROUTE("NEWROUTE", NLRK_NEW, rtnl_rtmsg),
	[25] = ROUTE("DELROUTE", NLRK_DEL, rtnl_rtmsg),
	[26] = ROUTE("GETROUTE", NLRK_GET, rtnl_rtmsg_get),
	[28] = NEIGH("NEWNEIGH", NLRK_NEW, rtnl_ndmsg),
	[29] = NEIGH("DELNEIGH", NLRK_DEL, rtnl_ndmsg),
	[30] = NEIGH("GETNEIGH", NLRK_GET, rtnl_ndmsg_get),
	[32] = RULE("NEWRULE", NLRK_NEW, rtnl_fib_rule_hdr),
	[33] = RULE("DELRULE", NLRK_DEL, rtnl_fib_rule_hdr),
	[34] = RULE("GETRULE", NLRK_GET, rtnl_fib_rule_hdr_get),
	[36] = TC("NEWQDISC", NLRK_NEW),
	[37] = TC("DELQDISC", NLRK_DEL),
	[38] = TC("GETQDISC", NLRK_GET),
	[40] = TC("NEWTCLASS", NLRK_NEW),
	[41] = TC("DELTCLASS", NLRK_DEL),
	[42] = TC("GETTCLASS", NLRK_GET),
	[44] = TC("NEWTFILTER", NLRK_NEW),
	[45] = TC("DELTFILTER", NLRK_DEL),
	[46] = TC("GETTFILTER", NLRK_GET),
	[48] = { "NEWACTION", NLRK_NEW, &rtnl_tcamsg, &rtnl_act_root_set, .sum = &action_summary },
	[49] = { "DELACTION", NLRK_DEL, &rtnl_tcamsg, &rtnl_act_root_set, .sum = &action_summary },
	[50] = { "GETACTION", NLRK_GET, &rtnl_tcamsg, &rtnl_act_root_set, .sum = &action_summary },
	[52] = { "NEWPREFIX", NLRK_NEW, &prefixmsg, &prefix_set, .sum = &prefix_summary },
	[56] = ADDR("NEWMULTICAST", NLRK_NEW, rtnl_ifaddrmsg),
	[57] = ADDR("DELMULTICAST", NLRK_DEL, rtnl_ifaddrmsg),
	[58] = ADDR("GETMULTICAST", NLRK_GET, rtnl_ifaddrmsg_get),
	[60] = ADDR("NEWANYCAST", NLRK_NEW, rtnl_ifaddrmsg),
	[61] = ADDR("DELANYCAST", NLRK_DEL, rtnl_ifaddrmsg),
	[62] = ADDR("GETANYCAST", NLRK_GET, rtnl_ifaddrmsg_get),
	[64] = { "NEWNEIGHTBL", NLRK_NEW, &ndtmsg, &neightbl_set, .sum = &neightbl_summary },
	[66] = { "GETNEIGHTBL", NLRK_GET, &ndtmsg, &neightbl_set, .sum = &neightbl_summary },
	[67] = { "SETNEIGHTBL", NLRK_NEW, &ndtmsg, &neightbl_set, .sum = &neightbl_summary },
	[68] = { "NEWNDUSEROPT", NLRK_NEW, &nduseroptmsg, NULL, .sum = &hdr_dev_summary },
	[72] = { "NEWADDRLABEL", NLRK_NEW, &ifaddrlblmsg, &addrlabel_set, .sum = &addrlabel_summary },
	[73] = { "DELADDRLABEL", NLRK_DEL, &ifaddrlblmsg, &addrlabel_set, .sum = &addrlabel_summary },
	[74] = { "GETADDRLABEL", NLRK_GET, &ifaddrlblmsg, &addrlabel_set, .sum = &addrlabel_summary },
	[78] = { "GETDCB", NLRK_GET, &dcbmsg, NULL, NULL },
	[79] = { "SETDCB", NLRK_NEW, &dcbmsg, NULL, NULL },
	[80] = { "NEWNETCONF", NLRK_NEW, &netconfmsg, &netconf_set, .sum = &netconf_summary },
	[81] = { "DELNETCONF", NLRK_DEL, &netconfmsg, &netconf_set, .sum = &netconf_summary },
	[82] = { "GETNETCONF", NLRK_GET, &netconfmsg, &netconf_set, .sum = &netconf_summary },
	[84] = { "NEWMDB", NLRK_NEW, &br_port_msg, &mdb_set, NULL, &mdb_set_req_set, .sum = &hdr_dev_summary },
	[85] = { "DELMDB", NLRK_DEL, &br_port_msg, &mdb_set, NULL, &mdb_set_req_set, .sum = &hdr_dev_summary },
	[86] = { "GETMDB", NLRK_GET, &br_port_msg, &mdb_set, NULL, &mdb_get_req_set, .sum = &hdr_dev_summary },
	[88] = { "NEWNSID", NLRK_NEW, &rtgenmsg, &nsid_set, NULL },
	[89] = { "DELNSID", NLRK_DEL, &rtgenmsg, &nsid_set, NULL },
	[90] = { "GETNSID", NLRK_GET, &rtgenmsg, &nsid_set, NULL },
	[92] = { "NEWSTATS", NLRK_NEW, &if_stats_msg, &rtnl_stats_set, .sum = &hdr_dev_summary },
	[94] = { "GETSTATS", NLRK_GET, &if_stats_msg, &rtnl_stats_set, NULL, &stats_getset_set, .sum = &hdr_dev_summary },
	[95] = { "SETSTATS", NLRK_NEW, &if_stats_msg, &rtnl_stats_set, NULL, &stats_getset_set, .sum = &hdr_dev_summary },
	[96] = { "NEWCACHEREPORT", NLRK_NEW, NULL, NULL, NULL },
	[100] = TC("NEWCHAIN", NLRK_NEW),
	[101] = TC("DELCHAIN", NLRK_DEL),
	[102] = TC("GETCHAIN", NLRK_GET),
	[104] = { "NEWNEXTHOP", NLRK_NEW, &rtnl_nhmsg, &rtnl_nh_set, .sum = &nh_summary },
	[105] = { "DELNEXTHOP", NLRK_DEL, &rtnl_nhmsg, &rtnl_nh_set, .sum = &nh_summary },
	[106] = { "GETNEXTHOP", NLRK_GET, &rtnl_nhmsg_get, &rtnl_nh_set, .sum = &nh_summary },
	[108] = LINK("NEWLINKPROP", NLRK_NEW, rtnl_ifinfomsg),
	[109] = LINK("DELLINKPROP", NLRK_DEL, rtnl_ifinfomsg),
	[110] = LINK("GETLINKPROP", NLRK_GET, rtnl_ifinfomsg_get),
	[112] = { "NEWVLAN", NLRK_NEW, &br_vlan_msg, &vlandb_set, .sum = &vlan_summary },
	[113] = { "DELVLAN", NLRK_DEL, &br_vlan_msg, &vlandb_set, .sum = &vlan_summary },
	[114] = { "GETVLAN", NLRK_GET, &br_vlan_msg, &vlandb_dump_set, .sum = &vlan_summary },
	[116] = { "NEWNEXTHOPBUCKET", NLRK_NEW, &rtnl_nhmsg, &rtnl_nhbucket_set, .sum = &nh_summary },
	[117] = { "DELNEXTHOPBUCKET", NLRK_DEL, &rtnl_nhmsg, &rtnl_nhbucket_set, .sum = &nh_summary },
	[118] = { "GETNEXTHOPBUCKET", NLRK_GET, &rtnl_nhmsg_get, &rtnl_nhbucket_set, .sum = &nh_summary },
	[120] = { "NEWTUNNEL", NLRK_NEW, &tunnel_msg, &vnifilter_set, .sum = &hdr_dev_summary },
	[121] = { "DELTUNNEL", NLRK_DEL, &tunnel_msg, &vnifilter_set, .sum = &hdr_dev_summary },
	[122] = { "GETTUNNEL", NLRK_GET, &tunnel_msg, &vnifilter_set, .sum = &hdr_dev_summary },
};

const struct nl_dissector rtnl_dissector = {
	.name = "route",
	.proto = 0,
	.msgs = rtnl_msgs,
	.nmsgs = ARRAY_SIZE(rtnl_msgs),
	.learn = rtnl_learn,
};
