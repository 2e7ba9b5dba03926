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

/* dp N meter N kbps max_meters N max_bands N band rate N burst N... */
enum { MS_DP, MS_ID, MS_KBPS, MS_MAX_METERS, MS_MAX_BANDS, MS_BANDS };
static const struct nl_sum_field meter_sum_fields[] = {
	[MS_DP] = OVS_SUM_DP,
	[MS_ID] = NL_SUM_ATTR(&meter_set, "id"),
	[MS_KBPS] = NL_SUM_ATTR(&meter_set, "kbps"),
	[MS_MAX_METERS] = NL_SUM_ATTR(&meter_set, "max_meters"),
	[MS_MAX_BANDS] = NL_SUM_ATTR(&meter_set, "max_bands"),
	[MS_BANDS] = NL_SUM_ATTR(&meter_set, "bands"),
};

/* every band's rate and burst */
static void sum_bands(struct dctx *d, const struct nl_sum_vals *v)
{
	struct nlc it, band, x;
	uint16_t t;

	if (!nl_sum_get(v, MS_BANDS, &it))
		return;
	while (nla_next(&it, &t, &band)) {
		if (nl_sum_find_named(&band, &band_set, "rate", &x) && nlc_left(&x) == 4)
			emit_sum(d->e, " band rate %u", nlc_u32(&x));
		if (nl_sum_find_named(&band, &band_set, "burst", &x) && nlc_left(&x) == 4)
			emit_sum(d->e, " burst %u", nlc_u32(&x));
	}
}

static const struct nl_sum_part meter_sum_parts[] = {
	OVS_SUM_DP_PART(MS_DP),
	NLS_PART(NLS_U32, MS_ID, " meter "),
	NLS_PART(NLS_WORD, MS_KBPS, " kbps"),
	NLS_PART(NLS_U32, MS_MAX_METERS, " max_meters "),
	NLS_PART(NLS_U32, MS_MAX_BANDS, " max_bands "),
	NLS_CALL(sum_bands),
};
static const struct nl_summary meter_summary = NL_SUMMARY(meter_sum_fields, meter_sum_parts);

static const struct nl_msgdef meter_cmds[] = {
	[1] = { "FEATURES", NLRK_GET, &ovs_header_st, &meter_set, .sum = &meter_summary },
	[2] = { "SET", NLRK_NEW, &ovs_header_st, &meter_set, .sum = &meter_summary },
	[3] = { "DEL", NLRK_DEL, &ovs_header_st, &meter_set, .sum = &meter_summary },
	[4] = { "GET", NLRK_GET, &ovs_header_st, &meter_set, .sum = &meter_summary },
};

const struct nl_dissector ovs_meter_dissector = {
	.name = "ovs_meter", .proto = -1, .genl_family = "ovs_meter",
	.msgs = meter_cmds, .nmsgs = ARRAY_SIZE(meter_cmds),
};
