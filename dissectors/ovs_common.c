/* ovs_common.c - flow key, tunnel key and action policies shared by the
 * Open vSwitch datapath families, and the struct layouts they carry.
 *
 * Reference: include/uapi/linux/openvswitch.h (6.12).  Multi-byte key
 * fields are in network byte order unless the ABI says otherwise
 * (in_port, priority, skb_mark, recirc_id, dp_hash, ct_* are host order).
 */
#include <stdio.h>
#include <string.h>

#include "ovs_common.h"

/* ---- fixed header and stats ---- */

static const struct nl_attr_pol ovs_header_f[] = {
	{ "dp_ifindex", NLA_KIND_S32 },
};
const struct nl_struct ovs_header_st = NL_STRUCT("ovs_header", ovs_header_f, 4);

static const struct nl_attr_pol flow_stats_f[] = {
	{ "n_packets", NLA_KIND_U64 },
	{ "n_bytes", NLA_KIND_U64 },
};
const struct nl_struct ovs_flow_stats_st = NL_STRUCT("ovs_flow_stats", flow_stats_f, 16);

/* summary text: a key (mask: pt->aux), an action list, as ODP text */
bool ovs_sum_keys(struct dctx *d, const struct nl_sum_vals *v, const struct nl_sum_part *pt,
		  struct sbuf *b)
{
	struct nlc k, m;

	if (!nl_sum_get(v, pt->slot, &k))
		return false;
	ovs_odp_keys(d->st, b, &k, pt->aux >= 0 && nl_sum_get(v, pt->aux, &m) ? &m : NULL);
	return true;
}

bool ovs_sum_actions(struct dctx *d, const struct nl_sum_vals *v, const struct nl_sum_part *pt,
		     struct sbuf *b)
{
	struct nlc a;

	if (!nl_sum_get(v, pt->slot, &a))
		return false;
	ovs_odp_actions(d->st, b, &a);
	return true;
}

/* an array of u32 (per-cpu upcall pids, vport upcall pids) */
const struct nl_shape ovs_u32_array_shape = NL_SHAPE_FORM("u32 array");

bool ovs_u32_array_cb(struct dctx *d, const struct nl_attr_pol *pol,
		      const char *key, struct nlc *c)
{
	(void)pol;
	if (nlc_left(c) % 4)
		return false;
	nl_put_list_begin(d, key);
	while (nlc_left(c)) {
		size_t at = c->pos;
		nl_put_uint(d, NULL, at, 4, nlc_u32(c), EF_DEC);
	}
	nl_put_list_end(d);
	return true;
}

/* ---- key structs ---- */

static const char *const frag_names_v[] = { "no", "first", "later" };
static const struct nl_names frag_names = NL_NAMES(frag_names_v);

static const struct nl_attr_pol key_eth_f[] = {
	{ "src", NLA_KIND_MAC, .len = 6 },
	{ "dst", NLA_KIND_MAC, .len = 6 },
};
static const struct nl_struct key_eth_st = NL_STRUCT("ovs_key_ethernet", key_eth_f, 12);

static const struct nl_attr_pol key_ipv4_f[] = {
	{ "src", NLA_KIND_IPV4 },
	{ "dst", NLA_KIND_IPV4 },
	{ "proto", NLA_KIND_U8 },
	{ "tos", NLA_KIND_U8, .flags = NLAF_HEX },
	{ "ttl", NLA_KIND_U8 },
	{ "frag", NLA_KIND_U8, .enums = &frag_names },
};
static const struct nl_struct key_ipv4_st = NL_STRUCT("ovs_key_ipv4", key_ipv4_f, 12);

static const struct nl_attr_pol key_ipv6_f[] = {
	{ "src", NLA_KIND_IPV6 },
	{ "dst", NLA_KIND_IPV6 },
	{ "label", NLA_KIND_BE32, .flags = NLAF_HEX },
	{ "proto", NLA_KIND_U8 },
	{ "tclass", NLA_KIND_U8, .flags = NLAF_HEX },
	{ "hlimit", NLA_KIND_U8 },
	{ "frag", NLA_KIND_U8, .enums = &frag_names },
};
static const struct nl_struct key_ipv6_st = NL_STRUCT("ovs_key_ipv6", key_ipv6_f, 40);

static const struct nl_attr_pol key_ports_f[] = {
	{ "src", NLA_KIND_BE16 },
	{ "dst", NLA_KIND_BE16 },
};
static const struct nl_struct key_tcp_st = NL_STRUCT("ovs_key_tcp", key_ports_f, 4);
static const struct nl_struct key_udp_st = NL_STRUCT("ovs_key_udp", key_ports_f, 4);
static const struct nl_struct key_sctp_st = NL_STRUCT("ovs_key_sctp", key_ports_f, 4);

static const struct nl_attr_pol key_icmp_f[] = {
	{ "type", NLA_KIND_U8 },
	{ "code", NLA_KIND_U8 },
};
static const struct nl_struct key_icmp_st = NL_STRUCT("ovs_key_icmp", key_icmp_f, 2);
static const struct nl_struct key_icmpv6_st = NL_STRUCT("ovs_key_icmpv6", key_icmp_f, 2);

static const struct nl_attr_pol key_arp_f[] = {
	{ "sip", NLA_KIND_IPV4 },
	{ "tip", NLA_KIND_IPV4 },
	{ "op", NLA_KIND_BE16 },
	{ "sha", NLA_KIND_MAC, .len = 6 },
	{ "tha", NLA_KIND_MAC, .len = 6 },
	{ NULL, NLA_KIND_PAD, .len = 2 },
};
static const struct nl_struct key_arp_st = NL_STRUCT("ovs_key_arp", key_arp_f, 24);

static const struct nl_attr_pol key_nd_f[] = {
	{ "target", NLA_KIND_IPV6 },
	{ "sll", NLA_KIND_MAC, .len = 6 },
	{ "tll", NLA_KIND_MAC, .len = 6 },
};
static const struct nl_struct key_nd_st = NL_STRUCT("ovs_key_nd", key_nd_f, 28);

static const struct nl_attr_pol key_nd_ext_f[] = {
	{ "nd_reserved", NLA_KIND_BE32, .flags = NLAF_HEX },
	{ "nd_options_type", NLA_KIND_U8 },
	{ NULL, NLA_KIND_PAD, .len = 3 },
};
static const struct nl_struct key_nd_ext_st = NL_STRUCT("ovs_key_nd_extensions", key_nd_ext_f, 8);

static const struct nl_attr_pol key_ct4_f[] = {
	{ "src", NLA_KIND_IPV4 },
	{ "dst", NLA_KIND_IPV4 },
	{ "src_port", NLA_KIND_BE16 },
	{ "dst_port", NLA_KIND_BE16 },
	{ "proto", NLA_KIND_U8 },
	{ NULL, NLA_KIND_PAD, .len = 3 },
};
static const struct nl_struct key_ct4_st = NL_STRUCT("ovs_key_ct_tuple_ipv4", key_ct4_f, 16);

static const struct nl_attr_pol key_ct6_f[] = {
	{ "src", NLA_KIND_IPV6 },
	{ "dst", NLA_KIND_IPV6 },
	{ "src_port", NLA_KIND_BE16 },
	{ "dst_port", NLA_KIND_BE16 },
	{ "proto", NLA_KIND_U8 },
	{ NULL, NLA_KIND_PAD, .len = 3 },
};
static const struct nl_struct key_ct6_st = NL_STRUCT("ovs_key_ct_tuple_ipv6", key_ct6_f, 40);

static const struct nl_attr_pol key_exthdrs_f[] = {
	{ "hdrs", NLA_KIND_U16, .flags = NLAF_HEX },
};
static const struct nl_struct key_exthdrs_st = NL_STRUCT("ovs_key_ipv6_exthdrs", key_exthdrs_f, 2);

static const struct nl_attr_pol ct_labels_f[] = {
	{ "labels", NLA_KIND_BINARY, .len = 16 },
};
static const struct nl_struct ct_labels_st = NL_STRUCT("ovs_key_ct_labels", ct_labels_f, 16);

/* A key struct: the kernel demands the exact size (ovs_key_lens). */
static bool key_struct_cb(struct dctx *d, const struct nl_attr_pol *pol,
			  const char *key, struct nlc *c)
{
	if (nlc_left(c) != pol->st->size) {
		emit_malformed(d->e, dctx_off(d, c), "%s: length %zu, expected %u",
			       pol->st->name, nlc_left(c), pol->st->size);
		return false;
	}
	nl_struct_decode(d, key, c, pol->st);
	return true;
}

/* the shapes of the callbacks of this file, for the field registry */
static const struct nl_attr_pol mpls_members[] = {
	{ "lse", NLA_KIND_BE32 }, { "label", NLA_KIND_U32 }, { "tc", NLA_KIND_U8 },
	{ "bos", NLA_KIND_U8 }, { "ttl", NLA_KIND_U8 },
};
static const struct nl_shape mpls_shape = NL_SHAPE_OBJ(mpls_members);
static const struct nl_attr_pol tci_members[] = {
	{ "tci", NLA_KIND_BE16 }, { "vid", NLA_KIND_U16 }, { "pcp", NLA_KIND_U8 },
	{ "cfi", NLA_KIND_U8 },
};
static const struct nl_shape tci_shape = NL_SHAPE_OBJ(tci_members);
static const struct nl_attr_pol geneve_members[] = {
	{ "class", NLA_KIND_BE16 }, { "type", NLA_KIND_U8 }, { "len", NLA_KIND_U8 },
	{ "data", NLA_KIND_BINARY },
};
static const struct nl_shape geneve_shape = NL_SHAPE_OBJ(geneve_members);
static const struct nl_attr_pol erspan_members[] = {
	{ "version", NLA_KIND_U32 }, { "index", NLA_KIND_BE32 }, { "timestamp", NLA_KIND_BE32 },
	{ "sgt", NLA_KIND_BE16 }, { "dir", NLA_KIND_U8 }, { "hwid", NLA_KIND_U8 },
};
static const struct nl_shape erspan_shape = NL_SHAPE_OBJ(erspan_members);
static const struct nl_attr_pol probability_members[] = {
	{ "value", NLA_KIND_U32 }, { "percent", NLA_KIND_STRING },
};
static const struct nl_shape probability_shape = NL_SHAPE_OBJ(probability_members);
static const struct nl_attr_pol actions_alt[] = {
	{ NULL, NLA_KIND_NESTED, .nest = &ovs_action_set },
};
const struct nl_shape ovs_actions_shape = NL_SHAPE_ALTS(actions_alt);

/* OVS_KEY_ATTR_MPLS: an array of struct ovs_key_mpls { __be32 mpls_lse; } */
static bool mpls_cb(struct dctx *d, const struct nl_attr_pol *pol,
		    const char *key, struct nlc *c)
{
	(void)pol;
	if (!nlc_left(c) || nlc_left(c) % 4) {
		emit_malformed(d->e, dctx_off(d, c), "mpls: length %zu, not a multiple of 4",
			       nlc_left(c));
		return false;
	}
	nl_put_list_begin(d, key);
	while (nlc_left(c)) {
		size_t at = c->pos;
		struct nlc one = nlc_sub(c, 4);
		nl_put_obj_begin(d, NULL, "struct", &one);
		uint32_t lse = nlc_be32(c);
		nl_put_uint(d, "lse", at, 4, lse, EF_HEX);
		nl_put_uint(d, "label", at, 4, lse >> 12, EF_DEC);
		nl_put_uint(d, "tc", at, 4, (lse >> 9) & 7, EF_DEC);
		nl_put_uint(d, "bos", at, 4, (lse >> 8) & 1, EF_DEC);
		nl_put_uint(d, "ttl", at, 4, lse & 0xff, EF_DEC);
		nl_put_obj_end(d);
	}
	nl_put_list_end(d);
	return true;
}

/* OVS_KEY_ATTR_VLAN / push_vlan tci: vid, pcp, cfi */
static void put_tci(struct dctx *d, const char *key, struct nlc *c)
{
	size_t at = c->pos;
	nl_put_obj_begin(d, key, "struct", c);
	uint16_t tci = nlc_be16(c);
	nl_put_uint(d, "tci", at, 2, tci, EF_HEX);
	nl_put_uint(d, "vid", at, 2, tci & 0xfff, EF_DEC);
	nl_put_uint(d, "pcp", at, 2, tci >> 13, EF_DEC);
	nl_put_uint(d, "cfi", at, 2, (tci >> 12) & 1, EF_DEC);
	nl_put_obj_end(d);
}

static bool vlan_cb(struct dctx *d, const struct nl_attr_pol *pol,
		    const char *key, struct nlc *c)
{
	(void)pol;
	if (nlc_left(c) != 2)
		return false;
	put_tci(d, key, c);
	return true;
}

static const char *const ct_state_bits_v[] = {
	"new", "est", "rel", "rpl", "inv", "trk", "snat", "dnat",
};
static const struct nl_names ct_state_bits = NL_NAMES(ct_state_bits_v);

static const char *const tcp_flag_bits_v[] = {
	"fin", "syn", "rst", "psh", "ack", "urg", "ece", "cwr", "ns",
};
static const struct nl_names tcp_flag_bits = NL_NAMES(tcp_flag_bits_v);

/* OVS_NSH_KEY_ATTR_* */
static const struct nl_attr_pol nsh_base_f[] = {
	{ "flags", NLA_KIND_U8, .flags = NLAF_HEX },
	{ "ttl", NLA_KIND_U8 },
	{ "mdtype", NLA_KIND_U8 },
	{ "np", NLA_KIND_U8 },
	{ "path_hdr", NLA_KIND_BE32, .flags = NLAF_HEX },
};
static const struct nl_struct nsh_base_st = NL_STRUCT("ovs_nsh_key_base", nsh_base_f, 8);
static const struct nl_attr_pol nsh_md1_f[] = {
	{ "c1", NLA_KIND_BE32, .flags = NLAF_HEX },
	{ "c2", NLA_KIND_BE32, .flags = NLAF_HEX },
	{ "c3", NLA_KIND_BE32, .flags = NLAF_HEX },
	{ "c4", NLA_KIND_BE32, .flags = NLAF_HEX },
};
static const struct nl_struct nsh_md1_st = NL_STRUCT("ovs_nsh_key_md1", nsh_md1_f, 16);
static const struct nl_attr_pol nsh_attrs[] = {
	[1] = { "base", NLA_KIND_CB, .cb = key_struct_cb, .st = &nsh_base_st },
	[2] = { "md1", NLA_KIND_CB, .cb = key_struct_cb, .st = &nsh_md1_st },
	[3] = { "md2", NLA_KIND_BINARY },
};
static const struct nl_attr_set nsh_set = NL_ATTR_SET("ovs_nsh_key", nsh_attrs);

/* nsh(...) in ODP text: base as flags=,ttl=,mdtype=,np=,spi=,si= (all
 * decimal but spi), then md1's c1..c4 */
static const struct ovs_odp_member nsh_base_odp[] = {
	{ 0, ODPM_DEC }, { 1 }, { 2 }, { 3 }, { 4, ODPM_SPI_SI },
};
const struct ovs_odp_key ovs_nsh_odp[] = {
	[1] = { "base", ODP_STRUCT, .members = nsh_base_odp, .nmembers = ARRAY_SIZE(nsh_base_odp) },
	[2] = { "md1", ODP_STRUCT },
};
const unsigned ovs_nsh_odp_count = ARRAY_SIZE(ovs_nsh_odp);
_Static_assert(ARRAY_SIZE(ovs_nsh_odp) <= ARRAY_SIZE(nsh_attrs),
	       "ovs_nsh_odp is indexed like nsh_attrs");

/* OVS_VXLAN_EXT_* */
static const struct nl_attr_pol vxlan_ext_attrs[] = {
	[1] = { "gbp", NLA_KIND_U32, .flags = NLAF_HEX },
};
static const struct nl_attr_set vxlan_ext_set = NL_ATTR_SET("ovs_vxlan_ext", vxlan_ext_attrs);

/* Geneve options: a run of { __be16 class; u8 type; u8 len (4-byte words) } + data */
static bool geneve_cb(struct dctx *d, const struct nl_attr_pol *pol,
		      const char *key, struct nlc *c)
{
	(void)pol;
	if (nlc_left(c) % 4)
		return false;
	nl_put_list_begin(d, key);
	while (nlc_left(c)) {
		size_t off = dctx_off(d, c), at = c->pos;
		struct nlc opt = *c;
		uint16_t cls = nlc_be16(c);
		uint8_t type = nlc_u8(c);
		uint8_t len = nlc_u8(c) & 0x1f;
		if (!nlc_ok(c) || (size_t)len * 4 > nlc_left(c)) {
			emit_malformed(d->e, off, "geneve option of %u words, %zu bytes left",
				       len, nlc_left(c));
			nl_put_list_end(d);
			return true;
		}
		opt = nlc_sub(&opt, 4 + (size_t)len * 4);
		size_t dat = c->pos;
		const uint8_t *data = nlc_bytes(c, (size_t)len * 4);
		nl_put_obj_begin(d, NULL, "struct", &opt);
		nl_put_uint(d, "class", at, 2, cls, EF_HEX);
		nl_put_uint(d, "type", at + 2, 1, type, EF_HEX);
		nl_put_uint(d, "len", at + 3, 1, (unsigned)len * 4, EF_DEC);
		nl_put_hex(d, "data", dat, data ? data : (const uint8_t *)"",
			   data ? (size_t)len * 4 : 0);
		nl_put_obj_end(d);
	}
	nl_put_list_end(d);
	return true;
}

/* struct erspan_metadata { int version; union { __be32 index;
 * struct erspan_md2 { __be32 timestamp; __be16 sgt; u8 p:1,ft:5,hwid_upper:2;
 * u8 hwid:4,dir:1,gra:2,o:1 (wire bit order) } } }: 12 bytes */
static bool erspan_cb(struct dctx *d, const struct nl_attr_pol *pol,
		      const char *key, struct nlc *c)
{
	(void)pol;
	if (nlc_left(c) != 12)
		return false;
	size_t at = c->pos;
	nl_put_obj_begin(d, key, "struct", c);
	uint32_t ver = nlc_u32(c);
	nl_put_uint(d, "version", at, 4, ver, EF_DEC);
	if (ver == 1) {
		nl_put_uint(d, "index", at + 4, 4, nlc_be32(c), EF_HEX);
		nlc_skip(c, 4);
	} else {
		nl_put_uint(d, "timestamp", at + 4, 4, nlc_be32(c), EF_DEC);
		nl_put_uint(d, "sgt", at + 8, 2, nlc_be16(c), EF_DEC);
	uint8_t b6 = nlc_u8(c), b7 = nlc_u8(c);
		nl_put_uint(d, "dir", at + 11, 1, (b7 >> 3) & 1, EF_DEC);
		nl_put_uint(d, "hwid", at + 10, 2, ((b6 & 3u) << 4) | (b7 >> 4), EF_HEX);
	}
	nl_put_obj_end(d);
	return true;
}

const struct nl_attr_pol ovs_tunnel_key_attrs[] = {
	[0] = { "id", NLA_KIND_BE64, .flags = NLAF_HEX },
	[1] = { "ipv4_src", NLA_KIND_IPV4 },
	[2] = { "ipv4_dst", NLA_KIND_IPV4 },
	[3] = { "tos", NLA_KIND_U8, .flags = NLAF_HEX },
	[4] = { "ttl", NLA_KIND_U8 },
	[5] = { "dont_fragment", NLA_KIND_FLAG },
	[6] = { "csum", NLA_KIND_FLAG },
	[7] = { "oam", NLA_KIND_FLAG },
	[8] = { "geneve_opts", NLA_KIND_CB, .cb = geneve_cb, .shape = &geneve_shape },
	[9] = { "tp_src", NLA_KIND_BE16 },
	[10] = { "tp_dst", NLA_KIND_BE16 },
	[11] = { "vxlan_opts", NLA_KIND_NESTED, .nest = &vxlan_ext_set },
	[12] = { "ipv6_src", NLA_KIND_IPV6 },
	[13] = { "ipv6_dst", NLA_KIND_IPV6 },
	[14] = { "pad", NLA_KIND_PAD },
	[15] = { "erspan_opts", NLA_KIND_CB, .cb = erspan_cb, .shape = &erspan_shape },
	[16] = { "ipv4_info_bridge", NLA_KIND_FLAG },
};
const struct nl_attr_set ovs_tunnel_key_set = NL_ATTR_SET("ovs_tunnel_key", ovs_tunnel_key_attrs);

/* The tunnel in ODP text, indexed like ovs_tunnel_key_attrs: the members
 * printed as name=value (and the bit they set in flags(...)), the flags,
 * and the option blocks; types not listed print nothing. */
static const char *const tun_flag_v[] = { "df", "csum", "key", "oam" };
const struct nl_names ovs_tunnel_flag_names = NL_NAMES(tun_flag_v);

const struct ovs_odp_member ovs_tunnel_odp[] = {
	[0] = { .name = "tun_id", .style = ODPM_HEX0, .flag = 4 },
	[1] = { .name = "src" },
	[2] = { .name = "dst" },
	[3] = { .name = "tos" },
	[4] = { .name = "ttl" },
	[5] = { .style = ODPM_FLAG, .flag = 1 },
	[6] = { .style = ODPM_FLAG, .flag = 2 },
	[7] = { .style = ODPM_FLAG, .flag = 8 },
	[8] = { .style = ODPM_GENEVE },
	[9] = { .name = "tp_src" },
	[10] = { .name = "tp_dst" },
	[11] = { .style = ODPM_VXLAN },
	[12] = { .name = "ipv6_src" },
	[13] = { .name = "ipv6_dst" },
	[15] = { .style = ODPM_ERSPAN },
};
const unsigned ovs_tunnel_odp_count = ARRAY_SIZE(ovs_tunnel_odp);
_Static_assert(ARRAY_SIZE(ovs_tunnel_odp) <= ARRAY_SIZE(ovs_tunnel_key_attrs),
	       "ovs_tunnel_odp is indexed like ovs_tunnel_key_attrs");

static const struct nl_attr_pol ovs_key_attrs[] = {
	[1] = { "encap", NLA_KIND_NESTED, .nest = &ovs_key_set },
	[2] = { "priority", NLA_KIND_U32, .flags = NLAF_HEX },
	[3] = { "in_port", NLA_KIND_U32 },
	[4] = { "ethernet", NLA_KIND_CB, .cb = key_struct_cb, .st = &key_eth_st },
	[5] = { "vlan", NLA_KIND_CB, .cb = vlan_cb, .shape = &tci_shape },
	[6] = { "ethertype", NLA_KIND_BE16, .flags = NLAF_HEX },
	[7] = { "ipv4", NLA_KIND_CB, .cb = key_struct_cb, .st = &key_ipv4_st },
	[8] = { "ipv6", NLA_KIND_CB, .cb = key_struct_cb, .st = &key_ipv6_st },
	[9] = { "tcp", NLA_KIND_CB, .cb = key_struct_cb, .st = &key_tcp_st },
	[10] = { "udp", NLA_KIND_CB, .cb = key_struct_cb, .st = &key_udp_st },
	[11] = { "icmp", NLA_KIND_CB, .cb = key_struct_cb, .st = &key_icmp_st },
	[12] = { "icmpv6", NLA_KIND_CB, .cb = key_struct_cb, .st = &key_icmpv6_st },
	[13] = { "arp", NLA_KIND_CB, .cb = key_struct_cb, .st = &key_arp_st },
	[14] = { "nd", NLA_KIND_CB, .cb = key_struct_cb, .st = &key_nd_st },
	[15] = { "skb_mark", NLA_KIND_U32, .flags = NLAF_HEX },
	[16] = { "tunnel", NLA_KIND_NESTED, .nest = &ovs_tunnel_key_set },
	[17] = { "sctp", NLA_KIND_CB, .cb = key_struct_cb, .st = &key_sctp_st },
	[18] = { "tcp_flags", NLA_KIND_BE16, .bits = &tcp_flag_bits },
	[19] = { "dp_hash", NLA_KIND_U32, .flags = NLAF_HEX },
	[20] = { "recirc_id", NLA_KIND_U32, .flags = NLAF_HEX },
	[21] = { "mpls", NLA_KIND_CB, .cb = mpls_cb, .shape = &mpls_shape },
	[22] = { "ct_state", NLA_KIND_U32, .bits = &ct_state_bits },
	[23] = { "ct_zone", NLA_KIND_U16 },
	[24] = { "ct_mark", NLA_KIND_U32, .flags = NLAF_HEX },
	[25] = { "ct_labels", NLA_KIND_CB, .cb = key_struct_cb, .st = &ct_labels_st },
	[26] = { "ct_orig_tuple_ipv4", NLA_KIND_CB, .cb = key_struct_cb, .st = &key_ct4_st },
	[27] = { "ct_orig_tuple_ipv6", NLA_KIND_CB, .cb = key_struct_cb, .st = &key_ct6_st },
	[28] = { "nsh", NLA_KIND_NESTED, .nest = &nsh_set },
	[29] = { "packet_type", NLA_KIND_BE32, .flags = NLAF_HEX },
	[30] = { "nd_extensions", NLA_KIND_CB, .cb = key_struct_cb, .st = &key_nd_ext_st },
	[31] = { "tunnel_info", NLA_KIND_BINARY },
	[32] = { "ipv6_exthdrs", NLA_KIND_CB, .cb = key_struct_cb, .st = &key_exthdrs_st },
};
const struct nl_attr_set ovs_key_set = NL_ATTR_SET("ovs_key", ovs_key_attrs);

/* The keys in ODP text, indexed like ovs_key_attrs.  A struct key walks
 * its policy's .st; members lists only what ovs-dpctl writes differently
 * from the struct (order, names, the 20-bit flow label). */
static const struct ovs_odp_member ipv6_odp[] = {
	{ 0 }, { 1 }, { 2, .bits = 20 }, { 3 }, { 4 }, { 5 }, { 6 },
};
static const struct ovs_odp_member ct_tuple_odp[] = {
	{ 0 }, { 1 }, { 4 }, { 2, .name = "tp_src" }, { 3, .name = "tp_dst" },
};
#define ODP_ST(nm) { nm, ODP_STRUCT }
#define ODP_ST_M(nm, tbl) { nm, ODP_STRUCT, .members = (tbl), .nmembers = ARRAY_SIZE(tbl) }
const struct ovs_odp_key ovs_key_odp[] = {
	[1] = { "encap", ODP_ENCAP },
	[2] = { "skb_priority", ODP_HEX },
	[3] = { "in_port", ODP_DEC },
	[4] = { "eth", ODP_STRUCT, .keep_empty = true },
	[5] = { "vlan", ODP_VLAN },
	[6] = { "eth_type", ODP_ETHTYPE },
	[7] = ODP_ST("ipv4"),
	[8] = ODP_ST_M("ipv6", ipv6_odp),
	[9] = ODP_ST("tcp"),
	[10] = ODP_ST("udp"),
	[11] = ODP_ST("icmp"),
	[12] = ODP_ST("icmpv6"),
	[13] = ODP_ST("arp"),
	[14] = ODP_ST("nd"),
	[15] = { "skb_mark", ODP_HEX },
	[16] = { "tunnel", ODP_TUNNEL },
	[17] = ODP_ST("sctp"),
	[18] = { "tcp_flags", ODP_FLAGS, .bits = 0xfff },
	[19] = { "dp_hash", ODP_HEX },
	[20] = { "recirc_id", ODP_HEX },
	[21] = { "mpls", ODP_MPLS },
	[22] = { "ct_state", ODP_FLAGS },
	[23] = { "ct_zone", ODP_HEX },
	[24] = { "ct_mark", ODP_HEX },
	[25] = { "ct_label", ODP_BYTES_LE },
	[26] = ODP_ST_M("ct_tuple4", ct_tuple_odp),
	[27] = ODP_ST_M("ct_tuple6", ct_tuple_odp),
	[28] = { "nsh", ODP_NSH },
	[29] = { "packet_type", ODP_PACKET_TYPE },
	[30] = ODP_ST("nd_ext"),
	/* 31 tunnel_info (kernel-internal), 32 ipv6_exthdrs: ovs-dpctl 3.1
	 * writes them as keyN(hex) */
	[32] = { NULL, ODP_RAW },
};
const unsigned ovs_key_odp_count = ARRAY_SIZE(ovs_key_odp);
_Static_assert(ARRAY_SIZE(ovs_key_odp) == ARRAY_SIZE(ovs_key_attrs),
	       "ovs_key_odp is indexed like ovs_key_attrs");

/* ---- actions ---- */

static const struct nl_attr_pol userspace_attrs[] = {
	[1] = { "pid", NLA_KIND_U32 },
	[2] = { "userdata", NLA_KIND_BINARY },
	[3] = { "egress_tun_port", NLA_KIND_U32 },
	[4] = { "actions", NLA_KIND_FLAG },
};
static const struct nl_attr_set userspace_set = NL_ATTR_SET("ovs_userspace", userspace_attrs);

static bool probability_cb(struct dctx *d, const struct nl_attr_pol *pol,
			   const char *key, struct nlc *c)
{
	(void)pol;
	if (nlc_left(c) != 4)
		return false;
	size_t at = c->pos;
	nl_put_obj_begin(d, key, "struct", c);
	uint32_t p = nlc_u32(c);
	nl_put_uint(d, "value", at, 4, p, EF_DEC);
	nl_put_text(d, "percent", at, 4, "%.1f", p / 4294967295.0 * 100);
	nl_put_obj_end(d);
	return true;
}

/* An action list (OVS_FLOW_ATTR_ACTIONS, OVS_PACKET_ATTR_ACTIONS, and the
 * lists inside sample, check_pkt_len, dec_ttl): the list itself does not
 * count a level of nesting, the actions in it (sample, clone, ...) do.  The
 * kernel bounds action nesting itself (OVS_COPY_ACTIONS_MAX_DEPTH 16) and
 * ovs-vswitchd probes it with deep samples; one level per action keeps
 * those probes within NL_MAX_DEPTH. */
bool ovs_actions_cb(struct dctx *d, const struct nl_attr_pol *pol,
		    const char *key, struct nlc *c)
{
	(void)pol;
	d->depth--;
	nla_walk_under(d, key, c, &ovs_action_set);
	d->depth++;
	return true;
}

static const struct nl_attr_pol sample_attrs[] = {
	[1] = { "probability", NLA_KIND_CB, .cb = probability_cb, .shape = &probability_shape },
	[2] = { "actions", NLA_KIND_CB, .cb = ovs_actions_cb, .shape = &ovs_actions_shape },
};
static const struct nl_attr_set sample_set = NL_ATTR_SET("ovs_sample", sample_attrs);

static const struct nl_attr_pol push_vlan_f[] = {
	{ "tpid", NLA_KIND_BE16, .flags = NLAF_HEX },
	{ "tci", NLA_KIND_BE16, .flags = NLAF_HEX },
};
static const struct nl_struct push_vlan_st = NL_STRUCT("ovs_action_push_vlan", push_vlan_f, 4);

static const char *const hash_alg_v[] = { "l4", "sym_l4" };
static const struct nl_names hash_algs = NL_NAMES(hash_alg_v);
static const struct nl_attr_pol hash_f[] = {
	{ "hash_alg", NLA_KIND_U32, .enums = &hash_algs },
	{ "hash_basis", NLA_KIND_U32 },
};
static const struct nl_struct hash_st = NL_STRUCT("ovs_action_hash", hash_f, 8);

static const struct nl_attr_pol push_mpls_f[] = {
	{ "mpls_lse", NLA_KIND_BE32, .flags = NLAF_HEX },
	{ "mpls_ethertype", NLA_KIND_BE16, .flags = NLAF_HEX },
	{ NULL, NLA_KIND_PAD, .len = 2 },
};
static const struct nl_struct push_mpls_st = NL_STRUCT("ovs_action_push_mpls", push_mpls_f, 8);

static const struct nl_attr_pol add_mpls_f[] = {
	{ "mpls_lse", NLA_KIND_BE32, .flags = NLAF_HEX },
	{ "mpls_ethertype", NLA_KIND_BE16, .flags = NLAF_HEX },
	{ "tun_flags", NLA_KIND_U16, .flags = NLAF_HEX },
};
static const struct nl_struct add_mpls_st = NL_STRUCT("ovs_action_add_mpls", add_mpls_f, 8);

static const struct nl_attr_pol trunc_f[] = {
	{ "max_len", NLA_KIND_U32 },
};
static const struct nl_struct trunc_st = NL_STRUCT("ovs_action_trunc", trunc_f, 4);

static const struct nl_struct push_eth_st = NL_STRUCT("ovs_action_push_eth", key_eth_f, 12);

/* OVS_NAT_ATTR_* */
static const struct nl_attr_pol nat_attrs[] = {
	[1] = { "src", NLA_KIND_FLAG },
	[2] = { "dst", NLA_KIND_FLAG },
	[3] = { "ip_min", NLA_KIND_ADDR },
	[4] = { "ip_max", NLA_KIND_ADDR },
	[5] = { "proto_min", NLA_KIND_U16 },
	[6] = { "proto_max", NLA_KIND_U16 },
	[7] = { "persistent", NLA_KIND_FLAG },
	[8] = { "proto_hash", NLA_KIND_FLAG },
	[9] = { "proto_random", NLA_KIND_FLAG },
};
static const struct nl_attr_set nat_set = NL_ATTR_SET("ovs_nat", nat_attrs);

static const struct nl_attr_pol ct_mark_f[] = {
	{ "value", NLA_KIND_U32, .flags = NLAF_HEX },
	{ "mask", NLA_KIND_U32, .flags = NLAF_HEX },
};
static const struct nl_struct ct_mark_st = NL_STRUCT("ovs_ct_mark", ct_mark_f, 8);
static const struct nl_attr_pol ct_label_f[] = {
	{ "value", NLA_KIND_BINARY, .len = 16 },
	{ "mask", NLA_KIND_BINARY, .len = 16 },
};
static const struct nl_struct ct_label_st = NL_STRUCT("ovs_ct_labels", ct_label_f, 32);

/* IPCT_* event bits for OVS_CT_ATTR_EVENTMASK */
static const char *const ct_event_v[] = {
	"new", "related", "destroy", "reply", "assured", "protoinfo", "helper",
	"mark", "seqadj", "secmark", "label", "synproxy",
};
static const struct nl_names ct_events = NL_NAMES(ct_event_v);

static const struct nl_attr_pol ct_attrs[] = {
	[1] = { "commit", NLA_KIND_FLAG },
	[2] = { "zone", NLA_KIND_U16 },
	[3] = { "mark", NLA_KIND_CB, .cb = key_struct_cb, .st = &ct_mark_st },
	[4] = { "labels", NLA_KIND_CB, .cb = key_struct_cb, .st = &ct_label_st },
	[5] = { "helper", NLA_KIND_NUL_STRING },
	[6] = { "nat", NLA_KIND_NESTED, .nest = &nat_set },
	[7] = { "force_commit", NLA_KIND_FLAG },
	[8] = { "eventmask", NLA_KIND_U32, .bits = &ct_events },
	[9] = { "timeout", NLA_KIND_NUL_STRING },
};
static const struct nl_attr_set ct_set = NL_ATTR_SET("ovs_ct", ct_attrs);

static const struct nl_attr_pol cpl_attrs[] = {
	[1] = { "pkt_len", NLA_KIND_U16 },
	[2] = { "actions_if_greater", NLA_KIND_CB, .cb = ovs_actions_cb, .shape = &ovs_actions_shape },
	[3] = { "actions_if_less_equal", NLA_KIND_CB, .cb = ovs_actions_cb, .shape = &ovs_actions_shape },
};
static const struct nl_attr_set cpl_set = NL_ATTR_SET("ovs_check_pkt_len", cpl_attrs);

static const struct nl_attr_pol dec_ttl_attrs[] = {
	[1] = { "action", NLA_KIND_CB, .cb = ovs_actions_cb, .shape = &ovs_actions_shape },
};
static const struct nl_attr_set dec_ttl_set = NL_ATTR_SET("ovs_dec_ttl", dec_ttl_attrs);

static const struct nl_attr_pol psample_attrs[] = {
	[1] = { "group", NLA_KIND_U32 },
	[2] = { "cookie", NLA_KIND_BINARY },
};
static const struct nl_attr_set psample_set = NL_ATTR_SET("ovs_psample", psample_attrs);

/* OVS_ACTION_ATTR_SET_MASKED: one key attribute whose payload is the
 * value followed by a mask of the same size. */
/* value and mask read as the key attribute field names */
static void each_key_value(nl_shape_visit visit, void *ctx)
{
	for (unsigned t = 0; t <= ovs_key_set.max; t++) {
		const struct nl_attr_pol *kp = &ovs_key_set.attrs[t];
		if (kp->name && kp->kind != NLA_KIND_NESTED)
			visit(ctx, kp->name, kp);
	}
}
static const struct nl_shape key_value_shape = NL_SHAPE_EACH(each_key_value);
static const struct nl_attr_pol set_masked_members[] = {
	{ "field", NLA_KIND_STRING },
	{ "value", NLA_KIND_CB, .shape = &key_value_shape },
	{ "mask", NLA_KIND_CB, .shape = &key_value_shape },
};
static const struct nl_shape set_masked_shape = NL_SHAPE_OBJ(set_masked_members);

static bool set_masked_cb(struct dctx *d, const struct nl_attr_pol *pol,
			  const char *key, struct nlc *c)
{
	(void)pol;
	size_t start = dctx_off(d, c);
	uint16_t alen = nlc_u16(c);
	uint16_t type = nlc_u16(c) & 0x3fff;

	if (!nlc_ok(c) || alen < 4 || alen - 4u > nlc_left(c) || (alen - 4u) % 2) {
		emit_malformed(d->e, start, "set_masked: attribute length %u", alen);
		return false;
	}
	size_t half = (alen - 4u) / 2;
	const struct nl_attr_pol *kp = type <= ovs_key_set.max && ovs_key_set.attrs[type].name ?
		&ovs_key_set.attrs[type] : NULL;
	nl_put_set_begin(d, key, "struct", c);	/* value and mask: plain or nested by field */
	if (kp) {
		emit_cstr(d->e, "field", kp->name);
		if (d->fs)
			nl_fs_text(d, "field", c->pos - 2, 2, kp->name, strlen(kp->name));
	} else {
		emit_unknown_seen(d->e);
		nl_put_uint(d, "field", c->pos - 2, 2, type, EF_DEC);
	}
	struct nlc v = nlc_sub(c, half);
	nlc_skip(c, half);
	struct nlc m = nlc_sub(c, half);
	nlc_skip(c, half);
	nlc_align4(c);
	if (kp && kp->kind != NLA_KIND_NESTED) {
		nla_value(d, kp, "value", &v);
		nla_value(d, kp, "mask", &m);
	} else {
		size_t n, vat = v.pos, mat = m.pos;
		const uint8_t *p = nlc_rest(&v, &n);
		nl_put_hex(d, "value", vat, p ? p : (const uint8_t *)"", p ? n : 0);
		p = nlc_rest(&m, &n);
		nl_put_hex(d, "mask", mat, p ? p : (const uint8_t *)"", p ? n : 0);
	}
	nl_put_obj_end(d);
	if (nlc_left(c))
		emit_malformed(d->e, dctx_off(d, c), "set_masked: %zu bytes after the key",
			       nlc_left(c));
	nlc_skip(c, nlc_left(c));
	return true;
}

static const struct nl_attr_pol ovs_action_attrs[] = {
	[1] = { "output", NLA_KIND_U32 },
	[2] = { "userspace", NLA_KIND_NESTED, .nest = &userspace_set },
	[3] = { "set", NLA_KIND_NESTED, .nest = &ovs_key_set },
	[4] = { "push_vlan", NLA_KIND_CB, .cb = key_struct_cb, .st = &push_vlan_st },
	[5] = { "pop_vlan", NLA_KIND_FLAG },
	[6] = { "sample", NLA_KIND_NESTED, .nest = &sample_set },
	[7] = { "recirc", NLA_KIND_U32, .flags = NLAF_HEX },
	[8] = { "hash", NLA_KIND_CB, .cb = key_struct_cb, .st = &hash_st },
	[9] = { "push_mpls", NLA_KIND_CB, .cb = key_struct_cb, .st = &push_mpls_st },
	[10] = { "pop_mpls", NLA_KIND_BE16, .flags = NLAF_HEX },
	[11] = { "set_masked", NLA_KIND_CB, .cb = set_masked_cb, .shape = &set_masked_shape },
	[12] = { "ct", NLA_KIND_NESTED, .nest = &ct_set },
	[13] = { "trunc", NLA_KIND_CB, .cb = key_struct_cb, .st = &trunc_st },
	[14] = { "push_eth", NLA_KIND_CB, .cb = key_struct_cb, .st = &push_eth_st },
	[15] = { "pop_eth", NLA_KIND_FLAG },
	[16] = { "ct_clear", NLA_KIND_FLAG },
	[17] = { "push_nsh", NLA_KIND_NESTED, .nest = &nsh_set },
	[18] = { "pop_nsh", NLA_KIND_FLAG },
	[19] = { "meter", NLA_KIND_U32 },
	[20] = { "clone", NLA_KIND_NESTED, .nest = &ovs_action_set },
	[21] = { "check_pkt_len", NLA_KIND_NESTED, .nest = &cpl_set },
	[22] = { "add_mpls", NLA_KIND_CB, .cb = key_struct_cb, .st = &add_mpls_st },
	[23] = { "dec_ttl", NLA_KIND_NESTED, .nest = &dec_ttl_set },
	[24] = { "drop", NLA_KIND_U32 },
	[25] = { "psample", NLA_KIND_NESTED, .nest = &psample_set },
};
const struct nl_attr_set ovs_action_set = NL_ATTR_LIST("ovs_actions", ovs_action_attrs);

/* The actions in ODP text, indexed like ovs_action_attrs. */
const uint8_t ovs_action_odp[] = {
	[1] = ODPA_OUTPUT,
	[2] = ODPA_USERSPACE,
	[3] = ODPA_SET,
	[4] = ODPA_PUSH_VLAN,
	[5] = ODPA_NAME,
	[6] = ODPA_SAMPLE,
	[7] = ODPA_HEX,
	[8] = ODPA_HASH,
	[9] = ODPA_PUSH_MPLS,
	[10] = ODPA_POP_MPLS,
	[11] = ODPA_SET_MASKED,
	[12] = ODPA_CT,
	[13] = ODPA_DEC,
	[14] = ODPA_PUSH_ETH,
	[15] = ODPA_NAME,
	[16] = ODPA_NAME,
	[17] = ODPA_PUSH_NSH,
	[18] = ODPA_NAME,
	[19] = ODPA_DEC,
	[20] = ODPA_CLONE,
	[21] = ODPA_CHECK_PKT_LEN,
	[22] = ODPA_PUSH_MPLS,
	[23] = ODPA_DEC_TTL,
	[24] = ODPA_NAME,
	[25] = ODPA_PSAMPLE,
};
const unsigned ovs_action_odp_count = ARRAY_SIZE(ovs_action_odp);
_Static_assert(ARRAY_SIZE(ovs_action_odp) == ARRAY_SIZE(ovs_action_attrs),
	       "ovs_action_odp is indexed like ovs_action_attrs");
