/* ynl_netdm.c - the NET_DM summary alert (NET_DM_CMD_ALERT in the summary
 * alert mode): one attribute of type 0 (NLA_UNSPEC) holding a struct
 * net_dm_alert_msg { u32 entries; struct net_dm_drop_point points[]; },
 * a drop point being { u8 pc[8]; u32 count; } (12 bytes, no padding): where
 * packets were dropped (a kernel code address, in the capturing host's
 * order) and how many.  A C struct with a flexible array, which a spec
 * cannot say.
 *
 * Reference: include/uapi/linux/net_dropmon.h (Linux 7.2),
 * specs/extra/net_dm.yaml (the attribute alert-msg).
 */
#include "ynl.h"

#define DROP_POINT_LEN 12

static const struct nl_attr_pol drop_point_fields[] = {
	{ "pc", NLA_KIND_U64, NLAF_HEX },
	{ "count", NLA_KIND_U32 },
};
static const struct nl_struct drop_point = NL_STRUCT("net_dm_drop_point", drop_point_fields,
						     DROP_POINT_LEN);
static const struct nl_attr_pol alert_members[] = {
	{ "entries", NLA_KIND_U32 },
	{ "points", NLA_KIND_STRUCT, .st = &drop_point },
};
const struct nl_shape ynl_netdm_alert_shape = NL_SHAPE_OBJ(alert_members);

bool ynl_netdm_alert_cb(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
			struct nlc *c)
{
	size_t n = nlc_left(c);

	(void)pol;
	if (n < 4)
		return false;
	struct nlc e = nlc_sub(c, 4), peek = e;
	uint32_t entries = nlc_u32(&peek);
	size_t room = (n - 4) / DROP_POINT_LEN;
	nlc_skip(c, 4);
	emit_obj_begin(d->e, key);
	nla_value(d, &alert_members[0], "entries", &e);
	if (entries != room)
		emit_malformed(d->e, dctx_off(d, c), "%u entries, %zu drop points", entries,
			       room);
	emit_list_begin(d->e, "points");
	while (nlc_left(c) >= DROP_POINT_LEN) {
		struct nlc one = nlc_sub(c, DROP_POINT_LEN);
		nlc_skip(c, DROP_POINT_LEN);
		nl_struct_decode(d, NULL, &one, &drop_point);
	}
	emit_list_end(d->e);
	if (nlc_left(c)) {
		emit_malformed(d->e, dctx_off(d, c), "%zu bytes left over after the drop points",
			       nlc_left(c));
		nlc_skip(c, nlc_left(c));
	}
	emit_obj_end(d->e);
	return true;
}
