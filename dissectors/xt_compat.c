/* xt_compat.c - the info of an xtables match or target that nft_compat
 * carries in an nftables rule (NFTA_MATCH_INFO, NFTA_TARGET_INFO): the
 * extension's C struct, chosen by its name and revision (the sibling
 * attributes NFTA_MATCH_NAME 1 and NFTA_MATCH_REV 2; a target's are
 * numbered alike).  The kernel sends XT_ALIGN(size) bytes (a multiple of
 * 8): the padding after the struct is skipped.  An extension or revision
 * not in the table, or a length that does not fit, stays hex.
 *
 * Addresses (union nf_inet_addr, 16 bytes) are IPv4 in the first four
 * bytes when the rule's family (nfgenmsg) is ip, else IPv6.
 *
 * Reference: include/uapi/linux/netfilter/xt_comment.h, xt_conntrack.h,
 * xt_tcpudp.h, xt_mark.h, xt_state.h, nf_nat.h, nf_conntrack_common.h
 * (Linux 7.2); the nftables spec's expr-match-attrs and expr-target-attrs.
 */
#include <string.h>

#include "ynl.h"

#define XT_NAME 1
#define XT_REV 2
#define NFPROTO_IPV4 2

/* union nf_inet_addr by the rule's family */
static bool xt_cb_inet_addr(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
			    struct nlc *c)
{
	(void)pol;
	size_t at = nlc_off(c);
	const uint8_t *p = nlc_left(c) == 16 ? nlc_bytes(c, 16) : NULL;
	if (!p)
		return false;
	if (d->af == NFPROTO_IPV4)
		nl_put_addr(d, key, at, EA_IPV4, p, 4);
	else
		nl_put_addr(d, key, at, EA_IPV6, p, 16);
	return true;
}
static const struct nl_shape inet_addr_shape = { .form = "address" };
#define ADDR(n) { n, NLA_KIND_CB, .len = 16, .cb = xt_cb_inet_addr, .shape = &inet_addr_shape }

/* xt_comment_info */
static const struct nl_attr_pol comment_f[] = { { "comment", NLA_KIND_STRING, .len = 256 } };
static const struct nl_struct comment_st = NL_STRUCT("xt_comment_info", comment_f, 256);

/* xt_conntrack_mtinfo1/2/3: the state bits (XT_CONNTRACK_STATE_*), the
 * status bits (IPS_*), the flags of what is matched (XT_CONNTRACK_*) */
static const char *const ct_state_v[] = {
	"invalid", "established", "related", "new", NULL, NULL, "snat", "dnat", "untracked",
};
static const struct nl_names ct_state_bits = NL_NAMES(ct_state_v);
static const char *const ct_status_v[] = {
	"expected", "seen_reply", "assured", "confirmed", "src_nat", "dst_nat", "seq_adjust",
	"src_nat_done", "dst_nat_done", "dying", "fixed_timeout", "template", "untracked",
	"helper", "offload", "hw_offload",
};
static const struct nl_names ct_status_bits = NL_NAMES(ct_status_v);
static const char *const ct_match_v[] = {
	"state", "proto", "origsrc", "origdst", "replsrc", "repldst", "status", "expires",
	"origsrc_port", "origdst_port", "replsrc_port", "repldst_port", "direction",
	"state_alias",
};
static const struct nl_names ct_match_bits = NL_NAMES(ct_match_v);

#define CT_ADDRS                                                                        \
	ADDR("origsrc_addr"), ADDR("origsrc_mask"), ADDR("origdst_addr"),               \
	ADDR("origdst_mask"), ADDR("replsrc_addr"), ADDR("replsrc_mask"),               \
	ADDR("repldst_addr"), ADDR("repldst_mask"),                                     \
	{ "expires_min", NLA_KIND_U32 }, { "expires_max", NLA_KIND_U32 },               \
	{ "l4proto", NLA_KIND_U16 }
#define CT_PORTS(k)                                                                     \
	{ "origsrc_port", k }, { "origdst_port", k },                                   \
	{ "replsrc_port", k }, { "repldst_port", k },                                   \
	{ "match_flags", NLA_KIND_U16, .bits = &ct_match_bits },                        \
	{ "invert_flags", NLA_KIND_U16, .bits = &ct_match_bits }
static const struct nl_attr_pol ct1_f[] = {
	CT_ADDRS, CT_PORTS(NLA_KIND_BE16),
	{ "state_mask", NLA_KIND_U8, .bits = &ct_state_bits },
	{ "status_mask", NLA_KIND_U8, .bits = &ct_status_bits },
};
static const struct nl_struct ct1_st = NL_STRUCT("xt_conntrack_mtinfo1", ct1_f, 152);
static const struct nl_attr_pol ct2_f[] = {
	CT_ADDRS, CT_PORTS(NLA_KIND_BE16),
	{ "state_mask", NLA_KIND_U16, .bits = &ct_state_bits },
	{ "status_mask", NLA_KIND_U16, .bits = &ct_status_bits },
	{ NULL, NLA_KIND_PAD, .len = 2 },
};
static const struct nl_struct ct2_st = NL_STRUCT("xt_conntrack_mtinfo2", ct2_f, 156);
/* revision 3: ports as ranges, in host order (the kernel's ntohs is done
 * by iptables) */
static const struct nl_attr_pol ct3_f[] = {
	CT_ADDRS, CT_PORTS(NLA_KIND_U16),
	{ "state_mask", NLA_KIND_U16, .bits = &ct_state_bits },
	{ "status_mask", NLA_KIND_U16, .bits = &ct_status_bits },
	{ "origsrc_port_high", NLA_KIND_U16 }, { "origdst_port_high", NLA_KIND_U16 },
	{ "replsrc_port_high", NLA_KIND_U16 }, { "repldst_port_high", NLA_KIND_U16 },
	{ NULL, NLA_KIND_PAD, .len = 2 },
};
static const struct nl_struct ct3_st = NL_STRUCT("xt_conntrack_mtinfo3", ct3_f, 164);

/* xt_tcp, xt_udp */
static const char *const tcp_inv_v[] = { "srcpt", "dstpt", "flags", "option" };
static const struct nl_names tcp_inv_bits = NL_NAMES(tcp_inv_v);
static const char *const tcp_flag_v[] = { "fin", "syn", "rst", "psh", "ack", "urg" };
static const struct nl_names tcp_flag_bits = NL_NAMES(tcp_flag_v);
static const struct nl_attr_pol tcp_f[] = {
	{ "spts_min", NLA_KIND_U16 }, { "spts_max", NLA_KIND_U16 },
	{ "dpts_min", NLA_KIND_U16 }, { "dpts_max", NLA_KIND_U16 },
	{ "option", NLA_KIND_U8 },
	{ "flg_mask", NLA_KIND_U8, .bits = &tcp_flag_bits },
	{ "flg_cmp", NLA_KIND_U8, .bits = &tcp_flag_bits },
	{ "invflags", NLA_KIND_U8, .bits = &tcp_inv_bits },
};
static const struct nl_struct tcp_st = NL_STRUCT("xt_tcp", tcp_f, 12);
static const struct nl_attr_pol udp_f[] = {
	{ "spts_min", NLA_KIND_U16 }, { "spts_max", NLA_KIND_U16 },
	{ "dpts_min", NLA_KIND_U16 }, { "dpts_max", NLA_KIND_U16 },
	{ "invflags", NLA_KIND_U8, .bits = &tcp_inv_bits },
	{ NULL, NLA_KIND_PAD, .len = 1 },
};
static const struct nl_struct udp_st = NL_STRUCT("xt_udp", udp_f, 10);

/* xt_mark_mtinfo1 (match "mark" rev 1), xt_mark_tginfo2 (target "MARK" rev 2) */
static const struct nl_attr_pol mark_mt_f[] = {
	{ "mark", NLA_KIND_U32, NLAF_HEX }, { "mask", NLA_KIND_U32, NLAF_HEX },
	{ "invert", NLA_KIND_U8 }, { NULL, NLA_KIND_PAD, .len = 3 },
};
static const struct nl_struct mark_mt_st = NL_STRUCT("xt_mark_mtinfo1", mark_mt_f, 12);
static const struct nl_attr_pol mark_tg_f[] = {
	{ "mark", NLA_KIND_U32, NLAF_HEX }, { "mask", NLA_KIND_U32, NLAF_HEX },
};
static const struct nl_struct mark_tg_st = NL_STRUCT("xt_mark_tginfo2", mark_tg_f, 8);

/* xt_state_info: the same bits as conntrack's state */
static const struct nl_attr_pol state_f[] = {
	{ "statemask", NLA_KIND_U32, .bits = &ct_state_bits },
};
static const struct nl_struct state_st = NL_STRUCT("xt_state_info", state_f, 4);

/* the NAT targets: revision 0 nf_nat_ipv4_multi_range_compat (one
 * range), 1 nf_nat_range, 2 nf_nat_range2 (NF_NAT_RANGE_* flags) */
static const char *const nat_flag_v[] = {
	"map_ips", "proto_specified", "proto_random", "persistent", "proto_random_fully",
	"proto_offset", "netmap",
};
static const struct nl_names nat_flag_bits = NL_NAMES(nat_flag_v);
static const struct nl_attr_pol nat_v0_f[] = {
	{ "rangesize", NLA_KIND_U32 },
	{ "flags", NLA_KIND_U32, .bits = &nat_flag_bits },
	{ "min_ip", NLA_KIND_IPV4 }, { "max_ip", NLA_KIND_IPV4 },
	{ "min", NLA_KIND_BE16 }, { "max", NLA_KIND_BE16 },
};
static const struct nl_struct nat_v0_st =
	NL_STRUCT("nf_nat_ipv4_multi_range_compat", nat_v0_f, 20);
#define NAT_RANGE                                                                       \
	{ "flags", NLA_KIND_U32, .bits = &nat_flag_bits },                              \
	ADDR("min_addr"), ADDR("max_addr"),                                             \
	{ "min_proto", NLA_KIND_BE16 }, { "max_proto", NLA_KIND_BE16 }
static const struct nl_attr_pol nat_v1_f[] = { NAT_RANGE };
static const struct nl_struct nat_v1_st = NL_STRUCT("nf_nat_range", nat_v1_f, 40);
static const struct nl_attr_pol nat_v2_f[] = {
	NAT_RANGE, { "base_proto", NLA_KIND_BE16 }, { NULL, NLA_KIND_PAD, .len = 2 },
};
static const struct nl_struct nat_v2_st = NL_STRUCT("nf_nat_range2", nat_v2_f, 44);

/* the extensions by name and revision */
struct xt_ext {
	const char *name;
	uint32_t rev;
	const struct nl_struct *st;
};
static const struct xt_ext xt_exts[] = {
	{ "comment", 0, &comment_st },
	{ "conntrack", 1, &ct1_st }, { "conntrack", 2, &ct2_st }, { "conntrack", 3, &ct3_st },
	{ "tcp", 0, &tcp_st }, { "udp", 0, &udp_st },
	{ "mark", 1, &mark_mt_st }, { "MARK", 2, &mark_tg_st },
	{ "state", 0, &state_st },
	{ "MASQUERADE", 0, &nat_v0_st }, { "MASQUERADE", 1, &nat_v1_st },
	{ "SNAT", 0, &nat_v0_st }, { "SNAT", 1, &nat_v1_st }, { "SNAT", 2, &nat_v2_st },
	{ "DNAT", 0, &nat_v0_st }, { "DNAT", 1, &nat_v1_st }, { "DNAT", 2, &nat_v2_st },
	{ "REDIRECT", 0, &nat_v0_st }, { "REDIRECT", 1, &nat_v1_st },
};

/* the shape: one alternative per struct */
#define ALT(s) { "by name and revision", NLA_KIND_STRUCT, .st = &s }
static const struct nl_attr_pol xt_alts[] = {
	ALT(comment_st), ALT(ct1_st), ALT(ct2_st), ALT(ct3_st), ALT(tcp_st), ALT(udp_st),
	ALT(mark_mt_st), ALT(mark_tg_st), ALT(state_st), ALT(nat_v0_st), ALT(nat_v1_st),
	ALT(nat_v2_st), { "other extensions", NLA_KIND_BINARY },
};
const struct nl_shape ynl_xt_info_shape = NL_SHAPE_ALTS(xt_alts);

/* the width of a member of the kinds these structs use */
static unsigned xt_width(const struct nl_attr_pol *f)
{
	switch (f->kind) {
	case NLA_KIND_U8: return 1;
	case NLA_KIND_U16: case NLA_KIND_BE16: return 2;
	case NLA_KIND_U32: case NLA_KIND_IPV4: return 4;
	default: return f->len;	/* STRING, PAD, CB */
	}
}

/* the struct's members, one a line in -v whatever their number (a
 * one-member struct, comment, would fold, a longer one not: the info
 * keeps one layout) */
static void xt_members(struct dctx *d, const char *key, struct nlc *c, const struct nl_struct *st)
{
	nl_put_set_begin(d, key, "struct", c);	/* its members are fields of their own */
	for (unsigned i = 0; i < st->nfields; i++) {
		const struct nl_attr_pol *f = &st->fields[i];
		unsigned w = xt_width(f);
		struct nlc sub = nlc_sub(c, w);
		nlc_skip(c, w);
		if (f->name && f->kind != NLA_KIND_PAD)
			nla_value(d, f, f->name, &sub);
	}
	nl_put_obj_end(d);
}

bool ynl_xt_info_cb(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		    struct nlc *c)
{
	const uint8_t *name;
	size_t n;
	struct nlc r;

	(void)pol;
	if (!nla_find_str(d->st, &d->parent, XT_NAME, &name, &n) ||
	    !nla_find(d->st, &d->parent, XT_REV, &r) || nlc_left(&r) != 4)
		return false;
	uint32_t rev = nlc_be32(&r);	/* big-endian, as nft_compat sends it */
	for (unsigned i = 0; i < ARRAY_SIZE(xt_exts); i++) {
		const struct xt_ext *x = &xt_exts[i];
		size_t size = x->st->size, aligned = (size + 7) & ~(size_t)7;
		if (x->rev != rev || strlen(x->name) != n || memcmp(x->name, name, n) ||
		    (nlc_left(c) != size && nlc_left(c) != aligned))
			continue;
		struct nlc s = nlc_sub(c, size);
		nlc_skip(c, nlc_left(c));
		xt_members(d, key, &s, x->st);
		return true;
	}
	return false;
}
