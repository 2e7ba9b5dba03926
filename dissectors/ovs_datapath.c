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

static void dp_summary(struct dctx *d, struct nlc p)
{
	struct nlc a;
	const uint8_t *s;
	size_t n;
	uint32_t v;

	if (!ovs_sum_head(d, &p, &a))
		return;
	if (nla_find_str(d->st, &a, 1, &s, &n)) {
		emit_sum(d->e, " \"");
		emit_sum_str(d->e, s, n);
		emit_sum(d->e, "\"");
	}
	if (nla_find_u32(d->st, &a, 7, &v))
		emit_sum(d->e, " masks-cache %u", v);
	if (nla_find_u32(d->st, &a, 5, &v)) {
		emit_sum(d->e, " features ");
		bool first = true;
		if (d->numeric) {	/* -n: a flag word is one number */
			emit_sum(d->e, "0x%x", v);
			v = 0;
			first = false;
		}
		for (unsigned i = 0; i < 32; i++) {
			if (!(v & (1u << i)))
				continue;
			const char *nm = nl_name(&dp_features, i);
			if (nm)
				emit_sum(d->e, "%s%s", first ? "" : ",", nm);
			else
				emit_sum(d->e, "%s0x%x", first ? "" : ",", 1u << i);
			first = false;
		}
		if (first)
			emit_sum(d->e, "0");
	}
}

static const struct nl_msgdef dp_cmds[] = {
	[1] = { "NEW", NLRK_NEW, &ovs_header_st, &dp_set, dp_summary },
	[2] = { "DEL", NLRK_DEL, &ovs_header_st, &dp_set, dp_summary },
	[3] = { "GET", NLRK_GET, &ovs_header_st, &dp_set, dp_summary },
	[4] = { "SET", NLRK_NEW, &ovs_header_st, &dp_set, dp_summary },
};

const struct nl_dissector ovs_datapath_dissector = {
	.name = "ovs_datapath", .proto = -1, .genl_family = "ovs_datapath",
	.msgs = dp_cmds, .nmsgs = ARRAY_SIZE(dp_cmds),
};
