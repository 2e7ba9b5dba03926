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
	nl_put_list_begin(d, key);
	while (nlc_left(c)) {
		size_t at = c->pos;
		struct nlc one = nlc_sub(c, 4);
		nl_put_obj_begin(d, NULL, "struct", &one);
		uint32_t v = nlc_be32(c);
		bool bos = (v >> 8) & 1;
		nl_put_uint(d, "label", at, 4, v >> 12, EF_DEC);
		nl_put_uint(d, "tc", at, 4, (v >> 9) & 7, EF_DEC);
		emit_bool(d->e, "bos", bos);
		if (d->fs)	/* JSON's own true/false (NLFV_BARE: no wire bytes) */
			nl_fs_bytes(d, "bos", "bool", NLFV_BARE, 0, at, 4,
				    (const uint8_t *)(bos ? "true" : "false"), bos ? 4 : 5);
		nl_put_uint(d, "ttl", at, 4, v & 0xff, EF_DEC);
		nl_put_obj_end(d);
	}
	nl_put_list_end(d);
	return nlc_ok(c);
}

/* struct ipv6_sr_hdr: nexthdr, hdrlen, type, segments_left, first_segment,
 * flags (u8 each), u16 tag, then segments (in6_addr[]) and TLVs */
static bool decode_srh(struct dctx *d, const char *key, struct nlc *c)
{
	if (nlc_left(c) < 8)
		return false;
	size_t at = c->pos;
	nl_put_obj_begin(d, key, "struct", c);
	nl_put_uint(d, "nexthdr", at, 1, nlc_u8(c), EF_DEC);
	uint8_t hdrlen = nlc_u8(c);
	nl_put_uint(d, "hdrlen", at + 1, 1, hdrlen, EF_DEC);
	nl_put_uint(d, "type", at + 2, 1, nlc_u8(c), EF_DEC);
	nl_put_uint(d, "segments_left", at + 3, 1, nlc_u8(c), EF_DEC);
	uint8_t first = nlc_u8(c);
	nl_put_uint(d, "first_segment", at + 4, 1, first, EF_DEC);
	nl_put_uint(d, "flags", at + 5, 1, nlc_u8(c), EF_HEX);
	nl_put_uint(d, "tag", at + 6, 2, nlc_be16(c), EF_DEC);
	nl_put_list_begin(d, "segments");
	for (unsigned i = 0; i <= first && nlc_left(c) >= 16; i++) {
		size_t sat = c->pos;
		const uint8_t *p = nlc_bytes(c, 16);
		if (p)
			nl_put_addr(d, NULL, sat, EA_IPV6, p, 16);
	}
	nl_put_list_end(d);
	if (nlc_left(c)) {
		size_t n, tat = c->pos;
		const uint8_t *p = nlc_rest(c, &n);
		if (p)
			nl_put_hex(d, "tlvs", tat, p, n);
	}
	nl_put_obj_end(d);
	return nlc_ok(c);
}

bool cb_seg6_srh(struct dctx *d, const struct nl_attr_pol *pol,
			const char *key, struct nlc *c)
{
	(void)pol;
	if (nlc_left(c) < 12)
		return false;
	size_t at = c->pos;
	nl_put_set_begin(d, key, "struct", c);
	nl_put_enum(d, "mode", at, 4, nlc_u32(c), &seg6_mode_names);
	bool ok = decode_srh(d, "srh", c);
	nl_put_obj_end(d);
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
	struct nlc whole = *c;
	size_t at = c->pos;
	uint16_t fam = nlc_u16(c);
	size_t n = nlc_left(c);
	const uint8_t *p = nlc_bytes(c, n);
	if (!p)
		return false;
	nl_put_obj_begin(d, key, "struct", &whole);
	nl_put_enum(d, "family", at, 2, fam, &rtnl_family_names);
	if (fam == RT_AF_INET && n == 4)
		nl_put_addr(d, "addr", at + 2, EA_IPV4, p, n);
	else if (fam == RT_AF_INET6 && n == 16)
		nl_put_addr(d, "addr", at + 2, EA_IPV6, p, n);
	else
		nl_put_hex(d, "addr", at + 2, p, n);
	nl_put_obj_end(d);
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
	nl_put_list_begin(d, key);
	d->depth++;
	while (nlc_left(c)) {
		size_t off = dctx_off(d, c), at = c->pos;
		struct nlc whole = *c;
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
		whole = nlc_sub(&whole, len);
		nl_put_obj_begin(d, NULL, "struct", &whole);
		nl_put_uint(d, "len", at, 2, len, EF_DEC);
		nl_put_flags(d, "flags", at + 2, 1, flags, &rtnh_flag_bits);
		nl_put_uint(d, "hops", at + 3, 1, hops, EF_DEC);
		nl_put_sint(d, "ifindex", at + 4, 4, ifindex);
		if (nlc_left(&sub))
			nla_walk_under(d, "attrs", &sub, &rtnl_route_set);
		nl_put_obj_end(d);
	}
	d->depth--;
	nl_put_list_end(d);
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
	nl_put_list_begin(d, key);
	while (nlc_left(c)) {
		size_t at = c->pos;
		struct nlc one = nlc_sub(c, 8);
		nl_put_obj_begin(d, NULL, "struct", &one);
		uint32_t id = nlc_u32(c);
		uint8_t w = nlc_u8(c), wh = nlc_u8(c);
		nlc_u16(c);
		nl_put_uint(d, "id", at, 4, id, EF_DEC);
		/* the kernel stores weight - 1 */
		nl_put_uint(d, "weight", at + 4, 2, ((unsigned)wh << 8 | w) + 1u, EF_DEC);
		nl_put_obj_end(d);
	}
	nl_put_list_end(d);
	return nlc_ok(c);
}
