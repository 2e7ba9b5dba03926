/* ovs_vport.c - the ovs_vport genl family.
 * Reference: include/uapi/linux/openvswitch.h (6.12), ovs_vport.yaml. */
#include "ovs_common.h"

static const char *const vport_type_v[] = {
	"unspec", "netdev", "internal", "gre", "vxlan", "geneve",
};
static const struct nl_names vport_types = NL_NAMES(vport_type_v);

static const struct nl_attr_pol vport_stats_f[] = {
	{ "rx_packets", NLA_KIND_U64 },
	{ "tx_packets", NLA_KIND_U64 },
	{ "rx_bytes", NLA_KIND_U64 },
	{ "tx_bytes", NLA_KIND_U64 },
	{ "rx_errors", NLA_KIND_U64 },
	{ "tx_errors", NLA_KIND_U64 },
	{ "rx_dropped", NLA_KIND_U64 },
	{ "tx_dropped", NLA_KIND_U64 },
};
static const struct nl_struct vport_stats_st = NL_STRUCT("ovs_vport_stats", vport_stats_f, 64);

/* OVS_VXLAN_EXT_* */
static const struct nl_attr_pol vxlan_ext_attrs[] = {
	[1] = { "gbp", NLA_KIND_FLAG },
};
static const struct nl_attr_set vxlan_ext_set = NL_ATTR_SET("ovs_vxlan_ext", vxlan_ext_attrs);

/* OVS_TUNNEL_ATTR_* (vport options) */
static const struct nl_attr_pol vport_opt_attrs[] = {
	[1] = { "dst_port", NLA_KIND_U16 },
	[2] = { "extension", NLA_KIND_NESTED, .nest = &vxlan_ext_set },
};
static const struct nl_attr_set vport_opt_set = NL_ATTR_SET("ovs_vport_options", vport_opt_attrs);

/* OVS_VPORT_UPCALL_ATTR_*: numbered from 0 (SUCCESS 0, FAIL 1, PAD 2) */
static const struct nl_attr_pol upcall_stats_attrs[] = {
	[0] = { "success", NLA_KIND_U64 },
	[1] = { "fail", NLA_KIND_U64 },
	[2] = { "pad", NLA_KIND_PAD },
};
static const struct nl_attr_set upcall_stats_set = NL_ATTR_SET("ovs_vport_upcall", upcall_stats_attrs);

static const struct nl_attr_pol vport_attrs[] = {
	[1] = { "port_no", NLA_KIND_U32 },
	[2] = { "type", NLA_KIND_U32, .enums = &vport_types },
	[3] = { "name", NLA_KIND_NUL_STRING },
	[4] = { "options", NLA_KIND_NESTED, .nest = &vport_opt_set },
	[5] = { "upcall_pid", NLA_KIND_CB, .cb = ovs_u32_array_cb, .shape = &ovs_u32_array_shape },
	[6] = { "stats", NLA_KIND_STRUCT, .st = &vport_stats_st },
	[7] = { "pad", NLA_KIND_PAD },
	[8] = { "ifindex", NLA_KIND_U32 },
	[9] = { "netnsid", NLA_KIND_S32 },
	[10] = { "upcall_stats", NLA_KIND_NESTED, .nest = &upcall_stats_set },
};
static const struct nl_attr_set vport_set = NL_ATTR_SET("ovs_vport", vport_attrs);

/* dp N port N "name" type T */
enum { VS_DP, VS_PORT, VS_NAME, VS_TYPE };
static const struct nl_sum_field vport_sum_fields[] = {
	[VS_DP] = OVS_SUM_DP,
	[VS_PORT] = NL_SUM_ATTR(&vport_set, "port_no"),
	[VS_NAME] = NL_SUM_ATTR(&vport_set, "name"),
	[VS_TYPE] = NL_SUM_ATTR(&vport_set, "type"),
};
static const struct nl_sum_part vport_sum_parts[] = {
	OVS_SUM_DP_PART(VS_DP),
	NLS_PART(NLS_U32, VS_PORT, " port "),
	NLS_PART(NLS_QSTR, VS_NAME, " "),
	NLS_NAMED(NLS_ENUM32, VS_TYPE, " type ", &vport_types),
};
static const struct nl_summary vport_summary = NL_SUMMARY(vport_sum_fields, vport_sum_parts);

static const struct nl_msgdef vport_cmds[] = {
	[1] = { "NEW", NLRK_NEW, &ovs_header_st, &vport_set, .sum = &vport_summary },
	[2] = { "DEL", NLRK_DEL, &ovs_header_st, &vport_set, .sum = &vport_summary },
	[3] = { "GET", NLRK_GET, &ovs_header_st, &vport_set, .sum = &vport_summary },
	[4] = { "SET", NLRK_NEW, &ovs_header_st, &vport_set, .sum = &vport_summary },
};

const struct nl_dissector ovs_vport_dissector = {
	.name = "ovs_vport", .proto = -1, .genl_family = "ovs_vport",
	.msgs = vport_cmds, .nmsgs = ARRAY_SIZE(vport_cmds),
};
