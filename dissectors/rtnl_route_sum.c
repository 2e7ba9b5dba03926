/* rtnl_route_sum.c - NETLINK_ROUTE one-line summaries of addresses,
 * routes, neighbours, rules and nexthops, declared on their message
 * definitions (rtnl.c), in the manner of ip addr/route/neigh/rule/nexthop.
 *
 * Reference: include/uapi/linux/rtnetlink.h, if_addr.h, neighbour.h,
 * fib_rules.h, nexthop.h (Linux 6.12).
 */
#include <string.h>

#include "rtnl_msgs.h"

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
		rtnl_sum_ifname(d, idx);
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
	rtnl_sum_addr_val(d, v, AS_BROADCAST, af, "brd");
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

const struct nl_summary rtnl_addr_summary = NL_SUMMARY(addr_sum_fields, addr_sum_parts);

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

	rtnl_sum_addr_val(d, v, RT_GATEWAY, (int)val8(v, RT_FAMILY), "via");
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
		rtnl_sum_name(d, "proto", &rtnl_rtprot_names, proto);
	if (scope)
		rtnl_sum_name(d, "scope", &rtnl_scope_names, scope);
	rtnl_sum_addr_val(d, v, RT_PREFSRC, (int)val8(v, RT_FAMILY), "src");
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

const struct nl_summary rtnl_route_summary = NL_SUMMARY(route_sum_fields, route_sum_parts);

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
		rtnl_sum_addr_val(d, v, NS_DST, af, "");
	else
		rtnl_sum_addr_val(d, v, NS_LLADDR, -2, "");
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
		rtnl_sum_addr_val(d, v, NS_LLADDR, -2, "lladdr");
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

const struct nl_summary rtnl_neigh_summary = NL_SUMMARY(neigh_sum_fields, neigh_sum_parts);

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

const struct nl_summary rtnl_rule_summary = NL_SUMMARY(rule_sum_fields, rule_sum_parts);

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
	rtnl_sum_addr_val(d, v, HS_GATEWAY, (int)val8(v, HS_FAMILY), "via");
}

static void sum_nh_proto(struct dctx *d, const struct nl_sum_vals *v)
{
	unsigned p = val8(v, HS_PROTOCOL);

	if (p)
		rtnl_sum_name(d, "proto", &rtnl_rtprot_names, p);
}

static const struct nl_sum_part nh_sum_parts[] = {
	NLS_PART(NLS_U32, HS_ID, " id "),
	NLS_CALL(sum_nh_group),
	NLS_CALL(sum_nh_via),
	NLS_PART(NLS_DEV, HS_OIF, " dev "),
	NLS_PART(NLS_WORD, HS_BLACKHOLE, " blackhole"),
	NLS_CALL(sum_nh_proto),
};

const struct nl_summary rtnl_nh_summary = NL_SUMMARY(nh_sum_fields, nh_sum_parts);
