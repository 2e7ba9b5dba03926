/* rtnl_route.c - the callbacks of NETLINK_ROUTE addresses, routes,
 * neighbours, rules and nexthops (MPLS labels, segment routing headers,
 * lwtunnel encaps by type, rtvia, RTA_MULTIPATH, nexthop groups); their
 * tables are in rtnl_route_tables.c.
 *
 * Reference: include/uapi/linux/rtnetlink.h, neighbour.h, nexthop.h,
 * lwtunnel.h, mpls.h, seg6.h (Linux 6.12).
 */
#include <stdio.h>
#include <string.h>

#include "rtnl.h"
#include "rtnl_route.h"

bool rtnl_cb_mpls_labels(struct dctx *d, const struct nl_attr_pol *pol,
			 const char *key, struct nlc *c)
{
	(void)pol;
	if (!nlc_left(c) || nlc_left(c) % 4)
		return false;
	emit_list_begin(d->e, key);
	while (nlc_left(c)) {
		uint32_t v = nlc_be32(c);
		emit_obj_begin(d->e, NULL);
		emit_uint(d->e, "label", v >> 12, EF_DEC);
		emit_uint(d->e, "tc", (v >> 9) & 7, EF_DEC);
		emit_bool(d->e, "bos", (v >> 8) & 1);
		emit_uint(d->e, "ttl", v & 0xff, EF_DEC);
		emit_obj_end(d->e);
	}
	emit_list_end(d->e);
	return nlc_ok(c);
}

/* struct ipv6_sr_hdr: nexthdr, hdrlen, type, segments_left, first_segment,
 * flags (u8 each), u16 tag, then segments (in6_addr[]) and TLVs */
static bool decode_srh(struct dctx *d, const char *key, struct nlc *c)
{
	if (nlc_left(c) < 8)
		return false;
	emit_obj_begin(d->e, key);
	emit_uint(d->e, "nexthdr", nlc_u8(c), EF_DEC);
	uint8_t hdrlen = nlc_u8(c);
	emit_uint(d->e, "hdrlen", hdrlen, EF_DEC);
	emit_uint(d->e, "type", nlc_u8(c), EF_DEC);
	emit_uint(d->e, "segments_left", nlc_u8(c), EF_DEC);
	uint8_t first = nlc_u8(c);
	emit_uint(d->e, "first_segment", first, EF_DEC);
	emit_uint(d->e, "flags", nlc_u8(c), EF_HEX);
	emit_uint(d->e, "tag", nlc_be16(c), EF_DEC);
	emit_list_begin(d->e, "segments");
	for (unsigned i = 0; i <= first && nlc_left(c) >= 16; i++) {
		const uint8_t *p = nlc_bytes(c, 16);
		if (p)
			emit_addr(d->e, NULL, EA_IPV6, p, 16);
	}
	emit_list_end(d->e);
	if (nlc_left(c)) {
		size_t n;
		const uint8_t *p = nlc_rest(c, &n);
		if (p)
			emit_hex(d->e, "tlvs", p, n);
	}
	emit_obj_end(d->e);
	return nlc_ok(c);
}

bool cb_seg6_srh(struct dctx *d, const struct nl_attr_pol *pol,
			const char *key, struct nlc *c)
{
	(void)pol;
	if (nlc_left(c) < 12)
		return false;
	emit_set_begin(d->e, key);
	emit_enum(d->e, "mode", nlc_u32(c), &seg6_mode_names);
	bool ok = decode_srh(d, "srh", c);
	emit_obj_end(d->e);
	return ok;
}

bool cb_srh(struct dctx *d, const struct nl_attr_pol *pol,
		   const char *key, struct nlc *c)
{
	(void)pol;
	return decode_srh(d, key, c);
}

/* the encap by type, for the field registry */
void each_encap(nl_shape_visit visit, void *ctx)
{
	char when[48];

	for (size_t i = 0; i < ARRAY_SIZE(encap_sets); i++) {
		const struct nl_attr_pol p = { "encap", NLA_KIND_NESTED, .nest = encap_sets[i] };
		const char *nm = nl_name(&encap_type_names, i);
		if (!encap_sets[i])
			continue;
		snprintf(when, sizeof(when), "encap_type %s", nm ? nm : "?");
		visit(ctx, when, &p);
	}
}

/* the sibling that says how RTA_ENCAP / NHA_ENCAP read */
#define RTA_ENCAP_TYPE	21
#define NHA_ENCAP_TYPE	7

/* RTA_ENCAP / NHA_ENCAP read by the sibling ENCAP_TYPE (type number etype) */
static bool encap_by_type(struct dctx *d, const char *key, struct nlc *c, uint16_t etype_attr)
{
	struct nlc t;
	if (!nla_find(d->st, &d->parent, etype_attr, &t) || nlc_left(&t) != 2)
		return false;
	uint16_t et = nlc_u16(&t);
	if (et >= ARRAY_SIZE(encap_sets) || !encap_sets[et])
		return false;
	nla_walk_under(d, key, c, encap_sets[et]);
	return true;
}

bool cb_rta_encap(struct dctx *d, const struct nl_attr_pol *pol,
			 const char *key, struct nlc *c)
{
	(void)pol;
	return encap_by_type(d, key, c, RTA_ENCAP_TYPE);
}

bool cb_nha_encap(struct dctx *d, const struct nl_attr_pol *pol,
			 const char *key, struct nlc *c)
{
	(void)pol;
	return encap_by_type(d, key, c, NHA_ENCAP_TYPE);
}

/* struct rtvia: u16 family, then the address */
bool cb_via(struct dctx *d, const struct nl_attr_pol *pol,
		   const char *key, struct nlc *c)
{
	(void)pol;
	if (nlc_left(c) < 2)
		return false;
	uint16_t fam = nlc_u16(c);
	size_t n = nlc_left(c);
	const uint8_t *p = nlc_bytes(c, n);
	if (!p)
		return false;
	emit_obj_begin(d->e, key);
	emit_enum(d->e, "family", fam, &rtnl_family_names);
	if (fam == RT_AF_INET && n == 4)
		emit_addr(d->e, "addr", EA_IPV4, p, n);
	else if (fam == RT_AF_INET6 && n == 16)
		emit_addr(d->e, "addr", EA_IPV6, p, n);
	else
		emit_hex(d->e, "addr", p, n);
	emit_obj_end(d->e);
	return true;
}

/* RTA_DST/RTA_NEWDST of AF_MPLS routes are labels */
bool cb_rta_dst(struct dctx *d, const struct nl_attr_pol *pol,
		       const char *key, struct nlc *c)
{
	static const struct nl_attr_pol addr = { "dst", NLA_KIND_ADDR };
	if (d->af == RT_AF_MPLS)
		return rtnl_cb_mpls_labels(d, pol, key, c);
	nla_value(d, &addr, key, c);
	return true;
}

/* RTA_MULTIPATH: struct rtnexthop {u16 len; u8 flags; u8 hops; s32 ifindex}
 * each followed by its own RTA_* attributes, within len */
bool cb_multipath(struct dctx *d, const struct nl_attr_pol *pol,
			 const char *key, struct nlc *c)
{
	(void)pol;
	if (d->depth >= NL_MAX_DEPTH)
		return false;
	emit_list_begin(d->e, key);
	d->depth++;
	while (nlc_left(c)) {
		size_t off = dctx_off(d, c);
		if (nlc_left(c) < 8) {
			emit_malformed(d->e, off, "rtnexthop: %zu bytes, expected 8", nlc_left(c));
			break;
		}
		uint16_t len = nlc_u16(c);
		uint8_t flags = nlc_u8(c);
		uint8_t hops = nlc_u8(c);
		int32_t ifindex = (int32_t)nlc_u32(c);
		if (len < 8 || len - 8u > nlc_left(c)) {
			emit_malformed(d->e, off, "rtnexthop length %u, %zu bytes left",
				       len, nlc_left(c) + 8);
			break;
		}
		struct nlc sub = nlc_sub(c, len - 8u);
		nlc_skip(c, len - 8u);
		nlc_align4(c);
		emit_obj_begin(d->e, NULL);
		emit_uint(d->e, "len", len, EF_DEC);
		emit_flags(d->e, "flags", flags, &rtnh_flag_bits);
		emit_uint(d->e, "hops", hops, EF_DEC);
		emit_sint(d->e, "ifindex", ifindex);
		if (nlc_left(&sub))
			nla_walk_under(d, "attrs", &sub, &rtnl_route_set);
		emit_obj_end(d->e);
	}
	d->depth--;
	emit_list_end(d->e);
	return true;
}

/* An IPv4 or IPv6 address told by its length (4: in_addr, 16: in6_addr),
 * for attributes of AF_BRIDGE messages that carry IP addresses (bridge FDB
 * remotes, MDB sources and vxlan destinations); another length is
 * malformed and shown as hex. */
bool rtnl_cb_ip_by_len(struct dctx *d, const struct nl_attr_pol *pol,
		       const char *key, struct nlc *c)
{
	static const struct nl_attr_pol v4 = { "addr", NLA_KIND_IPV4 };
	static const struct nl_attr_pol v6 = { "addr", NLA_KIND_IPV6 };
	size_t n = nlc_left(c);

	(void)pol;
	if (n != 4 && n != 16) {
		emit_malformed(d->e, dctx_off(d, c), "IP address of %zu bytes, expected 4 or 16", n);
		return false;	/* shown as hex */
	}
	nla_value(d, n == 4 ? &v4 : &v6, key, c);
	return true;
}

/* NDA_DST: a protocol address of the ndmsg family (AF_INET, AF_INET6).
 * In a bridge FDB entry (AF_BRIDGE, vxlan's remote) it is an IP address
 * of either version, told by its length (4: in_addr, 16: in6_addr), never
 * a link-layer address (that is NDA_LLADDR). */
bool cb_nda_dst(struct dctx *d, const struct nl_attr_pol *pol,
		       const char *key, struct nlc *c)
{
	static const struct nl_attr_pol by_af = { "dst", NLA_KIND_ADDR };

	if (d->af == RT_AF_BRIDGE)
		return rtnl_cb_ip_by_len(d, pol, key, c);
	nla_value(d, &by_af, key, c);
	return true;
}

/* NHA_GROUP: struct nexthop_grp {u32 id; u8 weight; u8 weight_high; u16 resvd2} [] */
bool cb_nh_group(struct dctx *d, const struct nl_attr_pol *pol,
			const char *key, struct nlc *c)
{
	(void)pol;
	if (!nlc_left(c) || nlc_left(c) % 8)
		return false;
	emit_list_begin(d->e, key);
	while (nlc_left(c)) {
		uint32_t id = nlc_u32(c);
		uint8_t w = nlc_u8(c), wh = nlc_u8(c);
		nlc_u16(c);
		emit_obj_begin(d->e, NULL);
		emit_uint(d->e, "id", id, EF_DEC);
		/* the kernel stores weight - 1 */
		emit_uint(d->e, "weight", ((unsigned)wh << 8 | w) + 1u, EF_DEC);
		emit_obj_end(d->e);
	}
	emit_list_end(d->e);
	return nlc_ok(c);
}
