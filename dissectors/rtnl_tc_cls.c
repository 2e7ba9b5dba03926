/* rtnl_tc_cls.c - the options of classifiers (filters), by TCA_KIND, and
 * the extended matches of the basic filter (tables only; rtnl_tc.c chooses
 * among them).
 *
 * Reference: include/uapi/linux/pkt_cls.h, tc_ematch/ (Linux 7.2).
 */
#include "rtnl_tc.h"

static const char *const cls_flag_v[] = { "skip_hw", "skip_sw", "in_hw", "not_in_hw", "verbose" };
static const struct nl_names cls_flag_bits = NL_NAMES(cls_flag_v);

/* struct tc_u32_sel: u8 flags, offshift, nkeys, pad; be16 offmask; u16 off;
 * s16 offoff, hoff; be32 hmask; then nkeys tc_u32_key {be32 mask, val; s32 off, offmask} */
static bool cb_u32_sel(struct dctx *d, const struct nl_attr_pol *pol,
		       const char *key, struct nlc *c)
{
	(void)pol;
	if (nlc_left(c) < 16)
		return false;
	emit_obj_begin(d->e, key);
	emit_uint(d->e, "flags", nlc_u8(c), EF_HEX);
	emit_uint(d->e, "offshift", nlc_u8(c), EF_DEC);
	uint8_t nkeys = nlc_u8(c);
	emit_uint(d->e, "nkeys", nkeys, EF_DEC);
	nlc_u8(c);
	emit_uint(d->e, "offmask", nlc_be16(c), EF_HEX);
	emit_uint(d->e, "off", nlc_u16(c), EF_DEC);
	emit_sint(d->e, "offoff", (int16_t)nlc_u16(c));
	emit_sint(d->e, "hoff", (int16_t)nlc_u16(c));
	emit_uint(d->e, "hmask", nlc_be32(c), EF_HEX);
	emit_list_begin(d->e, "keys");
	for (unsigned i = 0; i < nkeys && nlc_left(c) >= 16; i++) {
		emit_obj_begin(d->e, NULL);
		emit_uint(d->e, "mask", nlc_be32(c), EF_HEX);
		emit_uint(d->e, "val", nlc_be32(c), EF_HEX);
		emit_sint(d->e, "off", (int32_t)nlc_u32(c));
		emit_sint(d->e, "offmask", (int32_t)nlc_u32(c));
		emit_obj_end(d->e);
	}
	emit_list_end(d->e);
	emit_obj_end(d->e);
	if (nlc_left(c))
		emit_malformed(d->e, dctx_off(d, c), "tc_u32_sel: %zu bytes beyond %u keys",
			       nlc_left(c), nkeys);
	nlc_skip(c, nlc_left(c));
	return nlc_ok(c);
}
static const struct nl_attr_pol u32_mark_f[] = {
	{ "val", NLA_KIND_U32, .flags = NLAF_HEX }, { "mask", NLA_KIND_U32, .flags = NLAF_HEX },
	{ "success", NLA_KIND_U32 },
};
static const struct nl_struct u32_mark_st = NL_STRUCT("tc_u32_mark", u32_mark_f, 12);
static const struct nl_attr_pol u32_attrs[] = {
	[1] = { "classid", NLA_KIND_CB, .cb = tc_cb_handle },
	[2] = { "hash", NLA_KIND_U32, .flags = NLAF_HEX },
	[3] = { "link", NLA_KIND_U32, .flags = NLAF_HEX },
	[4] = { "divisor", NLA_KIND_U32 },
	[5] = { "sel", NLA_KIND_CB, .cb = cb_u32_sel },
	[6] = { "police", NLA_KIND_NESTED, .nest = &tc_police_set },
	[7] = TC_ACT_TAB("act"),
	[8] = { "indev", NLA_KIND_STRING },
	[9] = { "pcnt", NLA_KIND_BINARY },
	[10] = { "mark", NLA_KIND_STRUCT, .st = &u32_mark_st },
	[11] = { "flags", NLA_KIND_U32, .bits = &cls_flag_bits },
	[12] = { "pad", NLA_KIND_PAD },
};
static const struct nl_attr_set u32_set = NL_ATTR_SET("u32", u32_attrs);

static const struct nl_attr_pol matchall_pcnt_f[] = { { "rhit", NLA_KIND_U64 } };
static const struct nl_struct matchall_pcnt_st = NL_STRUCT("tc_matchall_pcnt", matchall_pcnt_f, 8);
static const struct nl_attr_pol matchall_attrs[] = {
	[1] = { "classid", NLA_KIND_CB, .cb = tc_cb_handle },
	[2] = TC_ACT_TAB("act"),
	[3] = { "flags", NLA_KIND_U32, .bits = &cls_flag_bits },
	[4] = { "pcnt", NLA_KIND_STRUCT, .st = &matchall_pcnt_st },
	[5] = { "pad", NLA_KIND_PAD },
};
static const struct nl_attr_set matchall_set = NL_ATTR_SET("matchall", matchall_attrs);

static const struct nl_attr_pol bpf_attrs[] = {
	[1] = TC_ACT_TAB("act"),
	[2] = { "police", NLA_KIND_NESTED, .nest = &tc_police_set },
	[3] = { "classid", NLA_KIND_CB, .cb = tc_cb_handle },
	[4] = { "ops_len", NLA_KIND_U16 },
	[5] = { "ops", NLA_KIND_BINARY },
	[6] = { "fd", NLA_KIND_U32 },
	[7] = { "name", NLA_KIND_NUL_STRING },
	[8] = { "flags", NLA_KIND_U32, .flags = NLAF_HEX },
	[9] = { "flags_gen", NLA_KIND_U32, .bits = &cls_flag_bits },
	[10] = { "tag", NLA_KIND_BINARY, .len = 8 },
	[11] = { "id", NLA_KIND_U32 },
};
static const struct nl_attr_set bpf_set = NL_ATTR_SET("bpf", bpf_attrs);

static const struct nl_attr_pol basic_attrs[] = {
	[1] = { "classid", NLA_KIND_CB, .cb = tc_cb_handle },
	[2] = { "ematches", NLA_KIND_BINARY },
	[3] = TC_ACT_TAB("act"),
	[4] = { "police", NLA_KIND_NESTED, .nest = &tc_police_set },
	[5] = { "pcnt", NLA_KIND_BINARY },
	[6] = { "pad", NLA_KIND_PAD },
};
static const struct nl_attr_set basic_set = NL_ATTR_SET("basic", basic_attrs);

static const struct nl_attr_pol fw_attrs[] = {
	[1] = { "classid", NLA_KIND_CB, .cb = tc_cb_handle },
	[2] = { "police", NLA_KIND_NESTED, .nest = &tc_police_set },
	[3] = { "indev", NLA_KIND_STRING },
	[4] = TC_ACT_TAB("act"),
	[5] = { "mask", NLA_KIND_U32, .flags = NLAF_HEX },
};
static const struct nl_attr_set fw_set = NL_ATTR_SET("fw", fw_attrs);

static const char *const flower_keyflag_v[] = { "frag", "firstfrag", "tuncsum", "tundf", "tunoam", "tuncrit" };
static const struct nl_names flower_keyflag_bits = NL_NAMES(flower_keyflag_v);
static const struct nl_attr_pol flower_attrs[] = {
	[1] = { "classid", NLA_KIND_CB, .cb = tc_cb_handle },
	[2] = { "indev", NLA_KIND_STRING },
	[3] = TC_ACT_TAB("act"),
	[4] = { "key_eth_dst", NLA_KIND_MAC },
	[5] = { "key_eth_dst_mask", NLA_KIND_MAC },
	[6] = { "key_eth_src", NLA_KIND_MAC },
	[7] = { "key_eth_src_mask", NLA_KIND_MAC },
	[8] = { "key_eth_type", NLA_KIND_BE16, .flags = NLAF_HEX },
	[9] = { "key_ip_proto", NLA_KIND_U8 },
	[10] = { "key_ipv4_src", NLA_KIND_IPV4 },
	[11] = { "key_ipv4_src_mask", NLA_KIND_IPV4 },
	[12] = { "key_ipv4_dst", NLA_KIND_IPV4 },
	[13] = { "key_ipv4_dst_mask", NLA_KIND_IPV4 },
	[14] = { "key_ipv6_src", NLA_KIND_IPV6 },
	[15] = { "key_ipv6_src_mask", NLA_KIND_IPV6 },
	[16] = { "key_ipv6_dst", NLA_KIND_IPV6 },
	[17] = { "key_ipv6_dst_mask", NLA_KIND_IPV6 },
	[18] = { "key_tcp_src", NLA_KIND_BE16 },
	[19] = { "key_tcp_dst", NLA_KIND_BE16 },
	[20] = { "key_udp_src", NLA_KIND_BE16 },
	[21] = { "key_udp_dst", NLA_KIND_BE16 },
	[22] = { "flags", NLA_KIND_U32, .bits = &cls_flag_bits },
	[23] = { "key_vlan_id", NLA_KIND_U16 },
	[24] = { "key_vlan_prio", NLA_KIND_U8 },
	[25] = { "key_vlan_eth_type", NLA_KIND_BE16, .flags = NLAF_HEX },
	[26] = { "key_enc_key_id", NLA_KIND_BE32 },
	[27] = { "key_enc_ipv4_src", NLA_KIND_IPV4 },
	[28] = { "key_enc_ipv4_src_mask", NLA_KIND_IPV4 },
	[29] = { "key_enc_ipv4_dst", NLA_KIND_IPV4 },
	[30] = { "key_enc_ipv4_dst_mask", NLA_KIND_IPV4 },
	[31] = { "key_enc_ipv6_src", NLA_KIND_IPV6 },
	[32] = { "key_enc_ipv6_src_mask", NLA_KIND_IPV6 },
	[33] = { "key_enc_ipv6_dst", NLA_KIND_IPV6 },
	[34] = { "key_enc_ipv6_dst_mask", NLA_KIND_IPV6 },
	[35] = { "key_tcp_src_mask", NLA_KIND_BE16, .flags = NLAF_HEX },
	[36] = { "key_tcp_dst_mask", NLA_KIND_BE16, .flags = NLAF_HEX },
	[37] = { "key_udp_src_mask", NLA_KIND_BE16, .flags = NLAF_HEX },
	[38] = { "key_udp_dst_mask", NLA_KIND_BE16, .flags = NLAF_HEX },
	[39] = { "key_sctp_src_mask", NLA_KIND_BE16, .flags = NLAF_HEX },
	[40] = { "key_sctp_dst_mask", NLA_KIND_BE16, .flags = NLAF_HEX },
	[41] = { "key_sctp_src", NLA_KIND_BE16 },
	[42] = { "key_sctp_dst", NLA_KIND_BE16 },
	[43] = { "key_enc_udp_src_port", NLA_KIND_BE16 },
	[44] = { "key_enc_udp_src_port_mask", NLA_KIND_BE16, .flags = NLAF_HEX },
	[45] = { "key_enc_udp_dst_port", NLA_KIND_BE16 },
	[46] = { "key_enc_udp_dst_port_mask", NLA_KIND_BE16, .flags = NLAF_HEX },
	[47] = { "key_flags", NLA_KIND_BE32, .bits = &flower_keyflag_bits },
	[48] = { "key_flags_mask", NLA_KIND_BE32, .bits = &flower_keyflag_bits },
	[49] = { "key_icmpv4_code", NLA_KIND_U8 },
	[50] = { "key_icmpv4_code_mask", NLA_KIND_U8, .flags = NLAF_HEX },
	[51] = { "key_icmpv4_type", NLA_KIND_U8 },
	[52] = { "key_icmpv4_type_mask", NLA_KIND_U8, .flags = NLAF_HEX },
	[53] = { "key_icmpv6_code", NLA_KIND_U8 },
	[54] = { "key_icmpv6_code_mask", NLA_KIND_U8, .flags = NLAF_HEX },
	[55] = { "key_icmpv6_type", NLA_KIND_U8 },
	[56] = { "key_icmpv6_type_mask", NLA_KIND_U8, .flags = NLAF_HEX },
	[57] = { "key_arp_sip", NLA_KIND_IPV4 },
	[58] = { "key_arp_sip_mask", NLA_KIND_IPV4 },
	[59] = { "key_arp_tip", NLA_KIND_IPV4 },
	[60] = { "key_arp_tip_mask", NLA_KIND_IPV4 },
	[61] = { "key_arp_op", NLA_KIND_U8 },
	[62] = { "key_arp_op_mask", NLA_KIND_U8, .flags = NLAF_HEX },
	[63] = { "key_arp_sha", NLA_KIND_MAC },
	[64] = { "key_arp_sha_mask", NLA_KIND_MAC },
	[65] = { "key_arp_tha", NLA_KIND_MAC },
	[66] = { "key_arp_tha_mask", NLA_KIND_MAC },
	[67] = { "key_mpls_ttl", NLA_KIND_U8 },
	[68] = { "key_mpls_bos", NLA_KIND_U8 },
	[69] = { "key_mpls_tc", NLA_KIND_U8 },
	[70] = { "key_mpls_label", NLA_KIND_U32 },
	[71] = { "key_tcp_flags", NLA_KIND_BE16, .flags = NLAF_HEX },
	[72] = { "key_tcp_flags_mask", NLA_KIND_BE16, .flags = NLAF_HEX },
	[73] = { "key_ip_tos", NLA_KIND_U8, .flags = NLAF_HEX },
	[74] = { "key_ip_tos_mask", NLA_KIND_U8, .flags = NLAF_HEX },
	[75] = { "key_ip_ttl", NLA_KIND_U8 },
	[76] = { "key_ip_ttl_mask", NLA_KIND_U8, .flags = NLAF_HEX },
	[77] = { "key_cvlan_id", NLA_KIND_U16 },
	[78] = { "key_cvlan_prio", NLA_KIND_U8 },
	[79] = { "key_cvlan_eth_type", NLA_KIND_BE16, .flags = NLAF_HEX },
	[80] = { "key_enc_ip_tos", NLA_KIND_U8, .flags = NLAF_HEX },
	[81] = { "key_enc_ip_tos_mask", NLA_KIND_U8, .flags = NLAF_HEX },
	[82] = { "key_enc_ip_ttl", NLA_KIND_U8 },
	[83] = { "key_enc_ip_ttl_mask", NLA_KIND_U8, .flags = NLAF_HEX },
	[84] = { "key_enc_opts", NLA_KIND_BINARY },
	[85] = { "key_enc_opts_mask", NLA_KIND_BINARY },
	[86] = { "in_hw_count", NLA_KIND_U32 },
	[87] = { "key_port_src_min", NLA_KIND_BE16 },
	[88] = { "key_port_src_max", NLA_KIND_BE16 },
	[89] = { "key_port_dst_min", NLA_KIND_BE16 },
	[90] = { "key_port_dst_max", NLA_KIND_BE16 },
	[91] = { "key_ct_state", NLA_KIND_U16, .flags = NLAF_HEX },
	[92] = { "key_ct_state_mask", NLA_KIND_U16, .flags = NLAF_HEX },
	[93] = { "key_ct_zone", NLA_KIND_U16 },
	[94] = { "key_ct_zone_mask", NLA_KIND_U16, .flags = NLAF_HEX },
	[95] = { "key_ct_mark", NLA_KIND_U32, .flags = NLAF_HEX },
	[96] = { "key_ct_mark_mask", NLA_KIND_U32, .flags = NLAF_HEX },
	[97] = { "key_ct_labels", NLA_KIND_BINARY, .len = 16 },
	[98] = { "key_ct_labels_mask", NLA_KIND_BINARY, .len = 16 },
	[99] = { "key_mpls_opts", NLA_KIND_BINARY },
	[100] = { "key_hash", NLA_KIND_U32, .flags = NLAF_HEX },
	[101] = { "key_hash_mask", NLA_KIND_U32, .flags = NLAF_HEX },
	[102] = { "key_num_of_vlans", NLA_KIND_U8 },
	[103] = { "key_pppoe_sid", NLA_KIND_BE16 },
	[104] = { "key_ppp_proto", NLA_KIND_BE16, .flags = NLAF_HEX },
	[105] = { "key_l2tpv3_sid", NLA_KIND_BE32 },
	[106] = { "l2_miss", NLA_KIND_U8 },
	[107] = { "key_cfm", NLA_KIND_BINARY },
	[108] = { "key_spi", NLA_KIND_BE32, .flags = NLAF_HEX },
	[109] = { "key_spi_mask", NLA_KIND_BE32, .flags = NLAF_HEX },
	[110] = { "key_enc_flags", NLA_KIND_BE32, .flags = NLAF_HEX },
	[111] = { "key_enc_flags_mask", NLA_KIND_BE32, .flags = NLAF_HEX },
};
static const struct nl_attr_set flower_set = NL_ATTR_SET("flower", flower_attrs);

const struct tc_kind tc_cls_kinds[] = {
	{ "u32", &u32_set, NULL, false, NULL },
	{ "flower", &flower_set, NULL, false, NULL },
	{ "matchall", &matchall_set, NULL, false, NULL },
	{ "bpf", &bpf_set, NULL, false, NULL },
	{ "basic", &basic_set, NULL, false, NULL },
	{ "fw", &fw_set, NULL, false, NULL },
};
const size_t tc_n_cls_kinds = ARRAY_SIZE(tc_cls_kinds);
