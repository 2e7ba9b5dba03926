/* ovs_ct_limit.c - the ovs_ct_limit genl family: per-zone conntrack limits.
 * Reference: include/uapi/linux/openvswitch.h (6.12):
 * OVS_CT_LIMIT_ATTR_ZONE_LIMIT carries an array of
 * struct ovs_zone_limit { int zone_id; __u32 limit; __u32 count; },
 * zone_id -1 (OVS_ZONE_LIMIT_DEFAULT_ZONE) being the default. */
#include "ovs_common.h"

static bool zone_limit_cb(struct dctx *d, const struct nl_attr_pol *pol,
			  const char *key, struct nlc *c)
{
	(void)pol;
	if (nlc_left(c) % 12) {
		emit_malformed(d->e, dctx_off(d, c), "zone_limit: length %zu, not a multiple of 12",
			       nlc_left(c));
		return false;
	}
	nl_put_list_begin(d, key);
	while (nlc_left(c)) {
		size_t at = c->pos;
		struct nlc one = nlc_sub(c, 12);
		nl_put_obj_begin(d, NULL, "struct", &one);
		int32_t zone = (int32_t)nlc_u32(c);
		uint32_t limit = nlc_u32(c), count = nlc_u32(c);
		if (zone == -1) {
			emit_cstr(d->e, "zone_id", "default");
			if (d->fs)
				nl_fs_text(d, "zone_id", at, 4, "default", 7);
		} else {
			nl_put_sint(d, "zone_id", at, 4, zone);
		}
		nl_put_uint(d, "limit", at + 4, 4, limit, EF_DEC);
		nl_put_uint(d, "count", at + 8, 4, count, EF_DEC);
		nl_put_obj_end(d);
	}
	nl_put_list_end(d);
	return true;
}

static const struct nl_shape zone_id_shape = NL_SHAPE_FORM("s32|default");
static const struct nl_attr_pol zone_limit_members[] = {
	{ "zone_id", NLA_KIND_CB, .shape = &zone_id_shape },
	{ "limit", NLA_KIND_U32 }, { "count", NLA_KIND_U32 },
};
static const struct nl_shape zone_limit_shape = NL_SHAPE_OBJ(zone_limit_members);
static const struct nl_attr_pol ct_limit_attrs[] = {
	[1] = { "zone_limit", NLA_KIND_CB, .cb = zone_limit_cb, .shape = &zone_limit_shape },
};
static const struct nl_attr_set ct_limit_set = NL_ATTR_SET("ovs_ct_limit", ct_limit_attrs);

/* dp N zone=Z,limit=L,count=C... (default limit=L) */
enum { LS_DP, LS_ZONE_LIMIT };
static const struct nl_sum_field ct_limit_sum_fields[] = {
	[LS_DP] = OVS_SUM_DP,
	[LS_ZONE_LIMIT] = NL_SUM_ATTR(&ct_limit_set, "zone_limit"),
};

static void sum_zone_limits(struct dctx *d, const struct nl_sum_vals *v)
{
	struct nlc z;

	if (!nl_sum_get(v, LS_ZONE_LIMIT, &z))
		return;
	while (nlc_left(&z) >= 12) {
		int32_t zone = (int32_t)nlc_u32(&z);
		uint32_t limit = nlc_u32(&z), count = nlc_u32(&z);
		if (zone == -1)
			emit_sum(d->e, " default limit=%u", limit);
		else
			emit_sum(d->e, " zone=%d,limit=%u,count=%u", zone, limit, count);
	}
}

static const struct nl_sum_part ct_limit_sum_parts[] = {
	OVS_SUM_DP_PART(LS_DP),
	NLS_CALL(sum_zone_limits),
};
static const struct nl_summary ct_limit_summary = NL_SUMMARY(ct_limit_sum_fields,
							     ct_limit_sum_parts);

static const struct nl_msgdef ct_limit_cmds[] = {
	[1] = { "SET", NLRK_NEW, &ovs_header_st, &ct_limit_set, .sum = &ct_limit_summary },
	[2] = { "DEL", NLRK_DEL, &ovs_header_st, &ct_limit_set, .sum = &ct_limit_summary },
	[3] = { "GET", NLRK_GET, &ovs_header_st, &ct_limit_set, .sum = &ct_limit_summary },
};

const struct nl_dissector ovs_ct_limit_dissector = {
	.name = "ovs_ct_limit", .proto = -1, .genl_family = "ovs_ct_limit",
	.msgs = ct_limit_cmds, .nmsgs = ARRAY_SIZE(ct_limit_cmds),
};
