/* ovs_packet.c - the ovs_packet genl family: upcalls (MISS, ACTION) and
 * OVS_PACKET_CMD_EXECUTE, with the carried Ethernet frame summarised.
 * Reference: include/uapi/linux/openvswitch.h (6.12). */
#include <stdio.h>

#include "ovs_common.h"

static bool packet_cb(struct dctx *d, const struct nl_attr_pol *pol,
		      const char *key, struct nlc *c)
{
	struct sbuf b = { 0 };
	size_t n;

	(void)pol;
	size_t at = c->pos, len = nlc_left(c);
	ovs_packet_summary(&b, c);
	nl_put_obj_begin(d, key, "struct", c);
	nl_put_uint(d, "len", at, len, len, EF_DEC);
	nl_put_text(d, "summary", at, len, "%s", b.p ? b.p : "");
	const uint8_t *p = nlc_rest(c, &n);
	nl_put_hex(d, "hex", at, p ? p : (const uint8_t *)"", p ? n : 0);
	nl_put_obj_end(d);
	sbuf_free(&b);
	return true;
}

static const struct nl_attr_pol packet_members[] = {
	{ "len", NLA_KIND_U32 }, { "summary", NLA_KIND_STRING }, { "hex", NLA_KIND_BINARY },
};
static const struct nl_shape packet_shape = NL_SHAPE_OBJ(packet_members);
static const struct nl_attr_pol packet_attrs[] = {
	[1] = { "packet", NLA_KIND_CB, .cb = packet_cb, .shape = &packet_shape },
	[2] = { "key", NLA_KIND_NESTED, .nest = &ovs_key_set },
	[3] = { "actions", NLA_KIND_CB, .cb = ovs_actions_cb, .shape = &ovs_actions_shape },
	[4] = { "userdata", NLA_KIND_BINARY },
	[5] = { "egress_tun_key", NLA_KIND_NESTED, .nest = &ovs_tunnel_key_set },
	[6] = { "unused1", NLA_KIND_BINARY },
	[7] = { "unused2", NLA_KIND_BINARY },
	[8] = { "probe", NLA_KIND_FLAG },
	[9] = { "mru", NLA_KIND_U16 },
	[10] = { "len", NLA_KIND_U32 },
	[11] = { "hash", NLA_KIND_U64, .flags = NLAF_HEX },
	[12] = { "upcall_pid", NLA_KIND_U32 },
};
static const struct nl_attr_set packet_set = NL_ATTR_SET("ovs_packet", packet_attrs);

/* dp N  N bytes (of N) <the frame> | keys, actions:A; the ODP text is
 * also the member "odp" */
enum { PS_DP, PS_PACKET, PS_LEN, PS_KEY, PS_ACTIONS };
static const struct nl_sum_field packet_sum_fields[] = {
	[PS_DP] = OVS_SUM_DP,
	[PS_PACKET] = NL_SUM_ATTR(&packet_set, "packet"),
	[PS_LEN] = NL_SUM_ATTR(&packet_set, "len"),
	[PS_KEY] = NL_SUM_ATTR(&packet_set, "key"),
	[PS_ACTIONS] = NL_SUM_ATTR(&packet_set, "actions"),
};

/* the carried frame: its length, the length before truncation (aux) */
static bool sum_packet(struct dctx *d, const struct nl_sum_vals *v, const struct nl_sum_part *pt,
		       struct sbuf *b)
{
	struct nlc x;
	uint32_t len;

	(void)d;
	if (!nl_sum_get(v, pt->slot, &x))
		return false;
	sbuf_printf(b, "%zu bytes", nlc_left(&x));
	if (nl_sum_u32(v, pt->aux, &len))
		sbuf_printf(b, " (of %u)", len);
	sbuf_putc(b, ' ');
	ovs_packet_summary(b, &x);
	return true;
}

/* the key, when its text is not empty (an exact key: no mask) */
static bool sum_key(struct dctx *d, const struct nl_sum_vals *v, const struct nl_sum_part *pt,
		    struct sbuf *b)
{
	size_t mark = b->len;

	return ovs_sum_keys(d, v, pt, b) && b->len > mark;
}

static const struct nl_sum_part packet_sum_parts[] = {
	OVS_SUM_DP_PART(PS_DP),
	NLS_TEXT_OF(PS_PACKET, PS_LEN, " ", sum_packet),
	NLS_GROUP(" | ", ", ", "odp"),
	NLS_TEXT_OF(PS_KEY, -1, "", sum_key),
	NLS_TEXT_OF(PS_ACTIONS, -1, "actions:", ovs_sum_actions),
	NLS_GROUP_END,
};
static const struct nl_summary packet_summary = NL_SUMMARY_EARLY(packet_sum_fields,
								 packet_sum_parts);

static const struct nl_msgdef packet_cmds[] = {
	[1] = { "MISS", NLRK_NONE, &ovs_header_st, &packet_set, .sum = &packet_summary },
	[2] = { "ACTION", NLRK_NONE, &ovs_header_st, &packet_set, .sum = &packet_summary },
	[3] = { "EXECUTE", NLRK_NONE, &ovs_header_st, &packet_set, .sum = &packet_summary },
};

/* what the summary writes beside the tables, for the field registry */
static const struct nl_attr_pol packet_top[] = {
	{ "odp", NLA_KIND_STRING },
};
static const struct nl_shape packet_top_shape = NL_SHAPE_OBJ(packet_top);

const struct nl_dissector ovs_packet_dissector = {
	.shape = &packet_top_shape,
	.name = "ovs_packet", .proto = -1, .genl_family = "ovs_packet",
	.msgs = packet_cmds, .nmsgs = ARRAY_SIZE(packet_cmds),
};
