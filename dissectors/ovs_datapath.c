/* ovs_datapath.c - the ovs_datapath genl family.
 * Reference: include/uapi/linux/openvswitch.h (6.12), ovs_datapath.yaml. */
#include "ovs_common.h"

static const struct nl_attr_pol dp_stats_f[] = {
	{ "n_hit", NLA_KIND_U64 },
	{ "n_missed", NLA_KIND_U64 },
	{ "n_lost", NLA_KIND_U64 },
	{ "n_flows", NLA_KIND_U64 },
};
static const struct nl_struct dp_stats_st = NL_STRUCT("ovs_dp_stats", dp_stats_f, 32);

static const struct nl_attr_pol dp_megaflow_f[] = {
	{ "n_mask_hit", NLA_KIND_U64 },
	{ "n_masks", NLA_KIND_U32 },
	{ NULL, NLA_KIND_PAD, .len = 4 },
	{ "n_cache_hit", NLA_KIND_U64 },
	{ NULL, NLA_KIND_PAD, .len = 8 },
};
static const struct nl_struct dp_megaflow_st = NL_STRUCT("ovs_dp_megaflow_stats", dp_megaflow_f, 32);

/* OVS_DP_F_* */
static const char *const dp_feature_v[] = {
	"unaligned", "vport_pids", "tc_recirc_sharing", "dispatch_upcall_per_cpu",
};
static const struct nl_names dp_features = NL_NAMES(dp_feature_v);

static const struct nl_attr_pol dp_attrs[] = {
	[1] = { "name", NLA_KIND_NUL_STRING },
	[2] = { "upcall_pid", NLA_KIND_U32 },
	[3] = { "stats", NLA_KIND_STRUCT, .st = &dp_stats_st },
	[4] = { "megaflow_stats", NLA_KIND_STRUCT, .st = &dp_megaflow_st },
	[5] = { "user_features", NLA_KIND_U32, .bits = &dp_features },
	[6] = { "pad", NLA_KIND_PAD },
	[7] = { "masks_cache_size", NLA_KIND_U32 },
	[8] = { "per_cpu_pids", NLA_KIND_CB, .cb = ovs_u32_array_cb, .shape = &ovs_u32_array_shape },
	[9] = { "ifindex", NLA_KIND_U32 },
};
static const struct nl_attr_set dp_set = NL_ATTR_SET("ovs_datapath", dp_attrs);

/* dp N "name" masks-cache N features a,b */
enum { DS_DP, DS_NAME, DS_MASKS_CACHE, DS_FEATURES };
static const struct nl_sum_field dp_sum_fields[] = {
	[DS_DP] = OVS_SUM_DP,
	[DS_NAME] = NL_SUM_ATTR(&dp_set, "name"),
	[DS_MASKS_CACHE] = NL_SUM_ATTR(&dp_set, "masks_cache_size"),
	[DS_FEATURES] = NL_SUM_ATTR(&dp_set, "user_features"),
};
static const struct nl_sum_part dp_sum_parts[] = {
	OVS_SUM_DP_PART(DS_DP),
	NLS_PART(NLS_QSTR, DS_NAME, " "),
	NLS_PART(NLS_U32, DS_MASKS_CACHE, " masks-cache "),
	NLS_NAMED(NLS_FLAGS32, DS_FEATURES, " features ", &dp_features),
};
static const struct nl_summary dp_summary = NL_SUMMARY(dp_sum_fields, dp_sum_parts);

static const struct nl_msgdef dp_cmds[] = {
	[1] = { "NEW", NLRK_NEW, &ovs_header_st, &dp_set, .sum = &dp_summary },
	[2] = { "DEL", NLRK_DEL, &ovs_header_st, &dp_set, .sum = &dp_summary },
	[3] = { "GET", NLRK_GET, &ovs_header_st, &dp_set, .sum = &dp_summary },
	[4] = { "SET", NLRK_NEW, &ovs_header_st, &dp_set, .sum = &dp_summary },
};

const struct nl_dissector ovs_datapath_dissector = {
	.name = "ovs_datapath", .proto = -1, .genl_family = "ovs_datapath",
	.msgs = dp_cmds, .nmsgs = ARRAY_SIZE(dp_cmds),
};
