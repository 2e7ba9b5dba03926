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
	ovs_packet_summary(&b, c);
	emit_obj_begin(d->e, key);
	emit_uint(d->e, "len", nlc_left(c), EF_DEC);
	emit_text(d->e, "summary", "%s", b.p ? b.p : "");
	const uint8_t *p = nlc_rest(c, &n);
	emit_hex(d->e, "hex", p ? p : (const uint8_t *)"", p ? n : 0);
	emit_obj_end(d->e);
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

static void packet_summary(struct dctx *d, struct nlc p)
{
	struct nlc a, x;
	struct sbuf b = { 0 };
	uint32_t len;

	if (!ovs_sum_head(d, &p, &a))
		return;
	if (nla_find(d->st, &a, 1, &x)) {
		emit_sum(d->e, " %zu bytes", nlc_left(&x));
		if (nla_find_u32(d->st, &a, 10, &len))
			emit_sum(d->e, " (of %u)", len);
		ovs_packet_summary(&b, &x);
		emit_sum(d->e, " %s", b.p ? b.p : "");
		sbuf_reset(&b);
	}
	if (nla_find(d->st, &a, 2, &x)) {
		sbuf_puts(&b, "");
		ovs_odp_keys(d->st, &b, &x, NULL);
	}
	if (nla_find(d->st, &a, 3, &x)) {
		sbuf_puts(&b, b.len ? ", actions:" : "actions:");
		ovs_odp_actions(d->st, &b, &x);
	}
	if (b.len) {
		emit_sum(d->e, " | %s", b.p);
		emit_text(d->e, "odp", "%s", b.p);
	}
	sbuf_free(&b);
}

static const struct nl_msgdef packet_cmds[] = {
	[1] = { "MISS", NLRK_NONE, &ovs_header_st, &packet_set, packet_summary },
	[2] = { "ACTION", NLRK_NONE, &ovs_header_st, &packet_set, packet_summary },
	[3] = { "EXECUTE", NLRK_NONE, &ovs_header_st, &packet_set, packet_summary },
};

/* what the summary hook writes beside the tables, for the field registry */
static const struct nl_attr_pol packet_top[] = {
	{ "odp", NLA_KIND_STRING },
};
static const struct nl_shape packet_top_shape = NL_SHAPE_OBJ(packet_top);

const struct nl_dissector ovs_packet_dissector = {
	.shape = &packet_top_shape,
	.name = "ovs_packet", .proto = -1, .genl_family = "ovs_packet",
	.msgs = packet_cmds, .nmsgs = ARRAY_SIZE(packet_cmds),
};
