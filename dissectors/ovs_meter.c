/* ovs_meter.c - the ovs_meter genl family.
 * Reference: include/uapi/linux/openvswitch.h (6.12). */
#include "ovs_common.h"

static const char *const band_type_v[] = { "unspec", "drop" };
static const struct nl_names band_types = NL_NAMES(band_type_v);

/* OVS_BAND_ATTR_* */
static const struct nl_attr_pol band_attrs[] = {
	[1] = { "type", NLA_KIND_U32, .enums = &band_types },
	[2] = { "rate", NLA_KIND_U32 },
	[3] = { "burst", NLA_KIND_U32 },
	[4] = { "stats", NLA_KIND_STRUCT, .st = &ovs_flow_stats_st },
};
static const struct nl_attr_set band_set = NL_ATTR_SET("ovs_band", band_attrs);

static const struct nl_attr_pol meter_attrs[] = {
	[1] = { "id", NLA_KIND_U32 },
	[2] = { "kbps", NLA_KIND_FLAG },
	[3] = { "stats", NLA_KIND_STRUCT, .st = &ovs_flow_stats_st },
	[4] = { "bands", NLA_KIND_NESTED_ARRAY, .nest = &band_set },
	[5] = { "used", NLA_KIND_U64 },
	[6] = { "clear", NLA_KIND_FLAG },
	[7] = { "max_meters", NLA_KIND_U32 },
	[8] = { "max_bands", NLA_KIND_U32 },
	[9] = { "pad", NLA_KIND_PAD },
};
static const struct nl_attr_set meter_set = NL_ATTR_SET("ovs_meter", meter_attrs);

static void meter_summary(struct dctx *d, struct nlc p)
{
	struct nlc a, x;
	uint32_t v;

	if (!ovs_sum_head(d, &p, &a))
		return;
	if (nla_find_u32(d->st, &a, 1, &v))
		emit_sum(d->e, " meter %u", v);
	if (nla_find(d->st, &a, 2, &x))
		emit_sum(d->e, " kbps");
	if (nla_find_u32(d->st, &a, 7, &v))
		emit_sum(d->e, " max_meters %u", v);
	if (nla_find_u32(d->st, &a, 8, &v))
		emit_sum(d->e, " max_bands %u", v);
	if (nla_find(d->st, &a, 4, &x)) {
		struct nlc it = x, band;
		uint16_t t;
		while (nla_next(&it, &t, &band)) {
			uint32_t rate, burst;
			if (nla_find_u32(d->st, &band, 2, &rate))
				emit_sum(d->e, " band rate %u", rate);
			if (nla_find_u32(d->st, &band, 3, &burst))
				emit_sum(d->e, " burst %u", burst);
		}
	}
}

static const struct nl_msgdef meter_cmds[] = {
	[1] = { "FEATURES", NLRK_GET, &ovs_header_st, &meter_set, meter_summary },
	[2] = { "SET", NLRK_NEW, &ovs_header_st, &meter_set, meter_summary },
	[3] = { "DEL", NLRK_DEL, &ovs_header_st, &meter_set, meter_summary },
	[4] = { "GET", NLRK_GET, &ovs_header_st, &meter_set, meter_summary },
};

const struct nl_dissector ovs_meter_dissector = {
	.name = "ovs_meter", .proto = -1, .genl_family = "ovs_meter",
	.msgs = meter_cmds, .nmsgs = ARRAY_SIZE(meter_cmds),
};
