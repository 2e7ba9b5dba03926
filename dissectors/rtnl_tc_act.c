/* rtnl_tc_act.c - the options of tc actions, by TCA_ACT_KIND (tables only;
 * rtnl_tc.c chooses among them).
 *
 * Reference: include/uapi/linux/tc_act/ (Linux 7.2).
 */
#include "rtnl_tc.h"

static const struct nl_attr_pol tc_gact_f[] = { TC_GEN_FIELDS };
static const struct nl_struct tc_gact_st = NL_STRUCT("tc_gact", tc_gact_f, 20);
static const char *const gact_ptype_v[] = { "none", "netrand", "determ" };
static const struct nl_names gact_ptype_names = NL_NAMES(gact_ptype_v);
static const struct nl_attr_pol gact_p_f[] = {
	{ "ptype", NLA_KIND_U16, .enums = &gact_ptype_names }, { "pval", NLA_KIND_U16 },
	{ "paction", NLA_KIND_CB, .len = 4, .cb = tc_cb_action, .shape = &tc_verdict_shape },
};
static const struct nl_struct gact_p_st = NL_STRUCT("tc_gact_p", gact_p_f, 8);
static const struct nl_attr_pol gact_attrs[] = {
	[1] = { "tm", NLA_KIND_STRUCT, .st = &tc_tcf_t_st },
	[2] = { "parms", NLA_KIND_STRUCT, .st = &tc_gact_st },
	[3] = { "prob", NLA_KIND_STRUCT, .st = &gact_p_st },
	[4] = { "pad", NLA_KIND_PAD },
};
static const struct nl_attr_set gact_set = NL_ATTR_SET("gact", gact_attrs);

static const char *const mirred_eaction_v[] = {
	[1] = "egress_redir", [2] = "egress_mirror", [3] = "ingress_redir", [4] = "ingress_mirror",
};
static const struct nl_names mirred_eaction_names = NL_NAMES(mirred_eaction_v);
static const struct nl_attr_pol tc_mirred_f[] = {
	TC_GEN_FIELDS,
	{ "eaction", NLA_KIND_S32, .enums = &mirred_eaction_names },
	{ "ifindex", NLA_KIND_U32 },
};
static const struct nl_struct tc_mirred_st = NL_STRUCT("tc_mirred", tc_mirred_f, 28);
static const struct nl_attr_pol mirred_attrs[] = {
	[1] = { "tm", NLA_KIND_STRUCT, .st = &tc_tcf_t_st },
	[2] = { "parms", NLA_KIND_STRUCT, .st = &tc_mirred_st },
	[3] = { "pad", NLA_KIND_PAD },
	[4] = { "blockid", NLA_KIND_U32 },
};
static const struct nl_attr_set mirred_set = NL_ATTR_SET("mirred", mirred_attrs);

/* every action's parameters that are struct tc_gen and nothing more */
static const struct nl_attr_pol tc_gen_f[] = { TC_GEN_FIELDS };
static const struct nl_struct tc_gen_st = NL_STRUCT("tc_gen", tc_gen_f, TC_GEN_SIZE);
#define TM_ATTR { "tm", NLA_KIND_STRUCT, .st = &tc_tcf_t_st }

/* skbedit (tc_act/tc_skbedit.h) */
static const char *const skbedit_flag_v[] = {
	"priority", "queue_mapping", "mark", "ptype", "mask", "inheritdsfield", "txq_skbhash",
};
static const struct nl_names skbedit_flag_bits = NL_NAMES(skbedit_flag_v);
/* PACKET_* of linux/if_packet.h */
static const char *const ptype_v[] = {
	"host", "broadcast", "multicast", "otherhost", "outgoing", "loopback", "user", "kernel",
};
static const struct nl_names ptype_names = NL_NAMES(ptype_v);
static const struct nl_attr_pol skbedit_attrs[] = {
	[1] = TM_ATTR,
	[2] = { "parms", NLA_KIND_STRUCT, .st = &tc_gen_st },
	[3] = { "priority", NLA_KIND_CB, .cb = tc_cb_handle, .shape = &tc_handle_shape },
	[4] = { "queue_mapping", NLA_KIND_U16 },
	[5] = { "mark", NLA_KIND_U32, .flags = NLAF_HEX },
	[6] = { "pad", NLA_KIND_PAD },
	[7] = { "ptype", NLA_KIND_U16, .enums = &ptype_names },
	[8] = { "mask", NLA_KIND_U32, .flags = NLAF_HEX },
	[9] = { "flags", NLA_KIND_U64, .bits = &skbedit_flag_bits },
	[10] = { "queue_mapping_max", NLA_KIND_U16 },
};
static const struct nl_attr_set skbedit_set = NL_ATTR_SET("skbedit", skbedit_attrs);

/* skbmod: struct tc_skbmod is tc_gen, 4 bytes of alignment, u64 flags */
static const char *const skbmod_flag_v[] = { "dmac", "smac", "etype", "swapmac", "ecn" };
static const struct nl_names skbmod_flag_bits = NL_NAMES(skbmod_flag_v);
static const struct nl_attr_pol tc_skbmod_f[] = {
	TC_GEN_FIELDS, { "pad", NLA_KIND_PAD, .len = 4 },
	{ "flags", NLA_KIND_U64, .bits = &skbmod_flag_bits },
};
static const struct nl_struct tc_skbmod_st = NL_STRUCT("tc_skbmod", tc_skbmod_f, 32);
static const struct nl_attr_pol skbmod_attrs[] = {
	[1] = TM_ATTR,
	[2] = { "parms", NLA_KIND_STRUCT, .st = &tc_skbmod_st },
	[3] = { "dmac", NLA_KIND_MAC, .len = 6 },
	[4] = { "smac", NLA_KIND_MAC, .len = 6 },
	[5] = { "etype", NLA_KIND_U16, .flags = NLAF_HEX },
	[6] = { "pad", NLA_KIND_PAD },
};
static const struct nl_attr_set skbmod_set = NL_ATTR_SET("skbmod", skbmod_attrs);

/* vlan */
static const char *const vlan_action_v[] = {
	[1] = "pop", [2] = "push", [3] = "modify", [4] = "pop_eth", [5] = "push_eth",
};
static const struct nl_names vlan_action_names = NL_NAMES(vlan_action_v);
static const struct nl_attr_pol tc_vlan_f[] = {
	TC_GEN_FIELDS, { "v_action", NLA_KIND_S32, .enums = &vlan_action_names },
};
static const struct nl_struct tc_vlan_st = NL_STRUCT("tc_vlan", tc_vlan_f, 24);
static const struct nl_attr_pol vlan_attrs[] = {
	[1] = TM_ATTR,
	[2] = { "parms", NLA_KIND_STRUCT, .st = &tc_vlan_st },
	[3] = { "push_vlan_id", NLA_KIND_U16 },
	[4] = { "push_vlan_protocol", NLA_KIND_BE16, .flags = NLAF_HEX },
	[5] = { "pad", NLA_KIND_PAD },
	[6] = { "push_vlan_priority", NLA_KIND_U8 },
	[7] = { "push_eth_dst", NLA_KIND_MAC, .len = 6 },
	[8] = { "push_eth_src", NLA_KIND_MAC, .len = 6 },
};
static const struct nl_attr_set vlan_set = NL_ATTR_SET("vlan", vlan_attrs);

/* csum */
static const char *const csum_flag_v[] = { "iph", "icmp", "igmp", "tcp", "udp", "udplite", "sctp" };
static const struct nl_names csum_flag_bits = NL_NAMES(csum_flag_v);
static const struct nl_attr_pol tc_csum_f[] = {
	TC_GEN_FIELDS, { "update_flags", NLA_KIND_U32, .bits = &csum_flag_bits },
};
static const struct nl_struct tc_csum_st = NL_STRUCT("tc_csum", tc_csum_f, 24);
static const struct nl_attr_pol csum_attrs[] = {
	[1] = { "parms", NLA_KIND_STRUCT, .st = &tc_csum_st },
	[2] = TM_ATTR,
	[3] = { "pad", NLA_KIND_PAD },
};
static const struct nl_attr_set csum_set = NL_ATTR_SET("csum", csum_attrs);

/* nat */
static const char *const nat_flag_v[] = { "egress" };
static const struct nl_names nat_flag_bits = NL_NAMES(nat_flag_v);
static const struct nl_attr_pol tc_nat_f[] = {
	TC_GEN_FIELDS, { "old_addr", NLA_KIND_IPV4 }, { "new_addr", NLA_KIND_IPV4 },
	{ "mask", NLA_KIND_IPV4 }, { "flags", NLA_KIND_U32, .bits = &nat_flag_bits },
};
static const struct nl_struct tc_nat_st = NL_STRUCT("tc_nat", tc_nat_f, 36);
static const struct nl_attr_pol nat_attrs[] = {
	[1] = { "parms", NLA_KIND_STRUCT, .st = &tc_nat_st },
	[2] = TM_ATTR,
	[3] = { "pad", NLA_KIND_PAD },
};
static const struct nl_attr_set nat_set = NL_ATTR_SET("nat", nat_attrs);

/* sample */
static const struct nl_attr_pol sample_attrs[] = {
	[1] = TM_ATTR,
	[2] = { "parms", NLA_KIND_STRUCT, .st = &tc_gen_st },
	[3] = { "rate", NLA_KIND_U32 },
	[4] = { "trunc_size", NLA_KIND_U32 },
	[5] = { "psample_group", NLA_KIND_U32 },
	[6] = { "pad", NLA_KIND_PAD },
};
static const struct nl_attr_set sample_set = NL_ATTR_SET("sample", sample_attrs);

/* connmark: tc_gen, u16 zone, 2 bytes of alignment */
static const struct nl_attr_pol tc_connmark_f[] = {
	TC_GEN_FIELDS, { "zone", NLA_KIND_U16 }, { "pad", NLA_KIND_PAD, .len = 2 },
};
static const struct nl_struct tc_connmark_st = NL_STRUCT("tc_connmark", tc_connmark_f, 24);
static const struct nl_attr_pol connmark_attrs[] = {
	[1] = { "parms", NLA_KIND_STRUCT, .st = &tc_connmark_st },
	[2] = TM_ATTR,
	[3] = { "pad", NLA_KIND_PAD },
};
static const struct nl_attr_set connmark_set = NL_ATTR_SET("connmark", connmark_attrs);

/* ctinfo */
static const struct nl_attr_pol ctinfo_attrs[] = {
	[1] = { "pad", NLA_KIND_PAD },
	[2] = TM_ATTR,
	[3] = { "act", NLA_KIND_STRUCT, .st = &tc_gen_st },
	[4] = { "zone", NLA_KIND_U16 },
	[5] = { "parms_dscp_mask", NLA_KIND_U32, .flags = NLAF_HEX },
	[6] = { "parms_dscp_statemask", NLA_KIND_U32, .flags = NLAF_HEX },
	[7] = { "parms_cpmark_mask", NLA_KIND_U32, .flags = NLAF_HEX },
	[8] = { "stats_dscp_set", NLA_KIND_U64 },
	[9] = { "stats_dscp_error", NLA_KIND_U64 },
	[10] = { "stats_cpmark_set", NLA_KIND_U64 },
};
static const struct nl_attr_set ctinfo_set = NL_ATTR_SET("ctinfo", ctinfo_attrs);

/* mpls */
static const char *const mpls_action_v[] = {
	[1] = "pop", [2] = "push", [3] = "modify", [4] = "dec_ttl", [5] = "mac_push",
};
static const struct nl_names mpls_action_names = NL_NAMES(mpls_action_v);
static const struct nl_attr_pol tc_mpls_f[] = {
	TC_GEN_FIELDS, { "m_action", NLA_KIND_S32, .enums = &mpls_action_names },
};
static const struct nl_struct tc_mpls_st = NL_STRUCT("tc_mpls", tc_mpls_f, 24);
static const struct nl_attr_pol mpls_attrs[] = {
	[1] = TM_ATTR,
	[2] = { "parms", NLA_KIND_STRUCT, .st = &tc_mpls_st },
	[3] = { "pad", NLA_KIND_PAD },
	[4] = { "proto", NLA_KIND_BE16, .flags = NLAF_HEX },
	[5] = { "label", NLA_KIND_U32 },
	[6] = { "tc", NLA_KIND_U8 },
	[7] = { "ttl", NLA_KIND_U8 },
	[8] = { "bos", NLA_KIND_U8 },
};
static const struct nl_attr_set mpls_set = NL_ATTR_SET("mpls", mpls_attrs);

/* bpf */
static const struct nl_attr_pol act_bpf_attrs[] = {
	[1] = TM_ATTR,
	[2] = { "parms", NLA_KIND_STRUCT, .st = &tc_gen_st },
	[3] = { "ops_len", NLA_KIND_U16 },
	[4] = { "ops", NLA_KIND_BINARY },
	[5] = { "fd", NLA_KIND_U32 },
	[6] = { "name", NLA_KIND_NUL_STRING },
	[7] = { "pad", NLA_KIND_PAD },
	[8] = { "tag", NLA_KIND_BINARY, .len = 8 },
	[9] = { "id", NLA_KIND_U32 },
};
static const struct nl_attr_set act_bpf_set = NL_ATTR_SET("bpf", act_bpf_attrs);

/* tunnel_key */
static const char *const tunnel_key_action_v[] = { [1] = "set", [2] = "release" };
static const struct nl_names tunnel_key_action_names = NL_NAMES(tunnel_key_action_v);
static const struct nl_attr_pol tc_tunnel_key_f[] = {
	TC_GEN_FIELDS, { "t_action", NLA_KIND_S32, .enums = &tunnel_key_action_names },
};
static const struct nl_struct tc_tunnel_key_st = NL_STRUCT("tc_tunnel_key", tc_tunnel_key_f, 24);
static const struct nl_attr_pol tk_geneve_attrs[] = {
	[1] = { "class", NLA_KIND_BE16, .flags = NLAF_HEX },
	[2] = { "type", NLA_KIND_U8, .flags = NLAF_HEX },
	[3] = { "data", NLA_KIND_BINARY },
};
static const struct nl_attr_set tk_geneve_set = NL_ATTR_SET("geneve_opt", tk_geneve_attrs);
static const struct nl_attr_pol tk_vxlan_attrs[] = {
	[1] = { "gbp", NLA_KIND_U32, .flags = NLAF_HEX },
};
static const struct nl_attr_set tk_vxlan_set = NL_ATTR_SET("vxlan_opt", tk_vxlan_attrs);
static const struct nl_attr_pol tk_erspan_attrs[] = {
	[1] = { "ver", NLA_KIND_U8 },
	[2] = { "index", NLA_KIND_BE32 },
	[3] = { "dir", NLA_KIND_U8 },
	[4] = { "hwid", NLA_KIND_U8 },
};
static const struct nl_attr_set tk_erspan_set = NL_ATTR_SET("erspan_opt", tk_erspan_attrs);
static const struct nl_attr_pol tk_opts_attrs[] = {
	[1] = { "geneve", NLA_KIND_NESTED, .nest = &tk_geneve_set },
	[2] = { "vxlan", NLA_KIND_NESTED, .nest = &tk_vxlan_set },
	[3] = { "erspan", NLA_KIND_NESTED, .nest = &tk_erspan_set },
};
static const struct nl_attr_set tk_opts_set = NL_ATTR_SET("enc_opts", tk_opts_attrs);
static const struct nl_attr_pol tunnel_key_attrs[] = {
	[1] = TM_ATTR,
	[2] = { "parms", NLA_KIND_STRUCT, .st = &tc_tunnel_key_st },
	[3] = { "enc_ipv4_src", NLA_KIND_IPV4 },
	[4] = { "enc_ipv4_dst", NLA_KIND_IPV4 },
	[5] = { "enc_ipv6_src", NLA_KIND_IPV6 },
	[6] = { "enc_ipv6_dst", NLA_KIND_IPV6 },
	/* the header's comment says be64; the kernel reads and writes a be32 */
	[7] = { "enc_key_id", NLA_KIND_BE32 },
	[8] = { "pad", NLA_KIND_PAD },
	[9] = { "enc_dst_port", NLA_KIND_BE16 },
	[10] = { "no_csum", NLA_KIND_U8 },
	[11] = { "enc_opts", NLA_KIND_NESTED, .nest = &tk_opts_set },
	[12] = { "enc_tos", NLA_KIND_U8, .flags = NLAF_HEX },
	[13] = { "enc_ttl", NLA_KIND_U8 },
	[14] = { "no_frag", NLA_KIND_FLAG },
};
static const struct nl_attr_set tunnel_key_set = NL_ATTR_SET("tunnel_key", tunnel_key_attrs);

/* ct */
static const char *const ct_action_v[] = { "commit", "force", "clear", "nat", "nat_src", "nat_dst" };
static const struct nl_names ct_action_bits = NL_NAMES(ct_action_v);
static const struct nl_attr_pol ct_attrs[] = {
	[1] = { "parms", NLA_KIND_STRUCT, .st = &tc_gen_st },
	[2] = TM_ATTR,
	[3] = { "action", NLA_KIND_U16, .bits = &ct_action_bits },
	[4] = { "zone", NLA_KIND_U16 },
	[5] = { "mark", NLA_KIND_U32, .flags = NLAF_HEX },
	[6] = { "mark_mask", NLA_KIND_U32, .flags = NLAF_HEX },
	[7] = { "labels", NLA_KIND_BINARY, .len = 16 },
	[8] = { "labels_mask", NLA_KIND_BINARY, .len = 16 },
	[9] = { "nat_ipv4_min", NLA_KIND_IPV4 },
	[10] = { "nat_ipv4_max", NLA_KIND_IPV4 },
	[11] = { "nat_ipv6_min", NLA_KIND_IPV6 },
	[12] = { "nat_ipv6_max", NLA_KIND_IPV6 },
	[13] = { "nat_port_min", NLA_KIND_BE16 },
	[14] = { "nat_port_max", NLA_KIND_BE16 },
	[15] = { "pad", NLA_KIND_PAD },
	[16] = { "helper_name", NLA_KIND_NUL_STRING },
	[17] = { "helper_family", NLA_KIND_U8, .enums = &rtnl_family_names },
	[18] = { "helper_proto", NLA_KIND_U8 },
};
static const struct nl_attr_set ct_set = NL_ATTR_SET("ct", ct_attrs);

const struct tc_kind tc_act_kinds[] = {
	{ "gact", &gact_set, NULL, false, NULL },
	{ "mirred", &mirred_set, NULL, false, NULL },
	{ "police", &tc_police_set, NULL, false, NULL },
	{ "skbedit", &skbedit_set, NULL, false, NULL },
	{ "skbmod", &skbmod_set, NULL, false, NULL },
	{ "vlan", &vlan_set, NULL, false, NULL },
	{ "csum", &csum_set, NULL, false, NULL },
	{ "nat", &nat_set, NULL, false, NULL },
	{ "sample", &sample_set, NULL, false, NULL },
	{ "connmark", &connmark_set, NULL, false, NULL },
	{ "ctinfo", &ctinfo_set, NULL, false, NULL },
	{ "mpls", &mpls_set, NULL, false, NULL },
	{ "bpf", &act_bpf_set, NULL, false, NULL },
	{ "tunnel_key", &tunnel_key_set, NULL, false, NULL },
	{ "ct", &ct_set, NULL, false, NULL },
};
const size_t tc_n_act_kinds = ARRAY_SIZE(tc_act_kinds);
