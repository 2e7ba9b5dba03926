/* ovs_flow.c - the ovs_flow genl family, with the flow as ODP text.
 * Reference: include/uapi/linux/openvswitch.h (6.12), ovs_flow.yaml. */
#include <inttypes.h>
#include <stdio.h>

#include "ovs_common.h"

#define NLM_F_REQUEST 1

/* OVS_UFID_F_* */
static const char *const ufid_flag_v[] = { "omit_key", "omit_mask", "omit_actions" };
static const struct nl_names ufid_flags = NL_NAMES(ufid_flag_v);

static const char *const tcp_flag_v[] = {
	"fin", "syn", "rst", "psh", "ack", "urg", "ece", "cwr",
};
static const struct nl_names tcp_flags = NL_NAMES(tcp_flag_v);

/* The UFID as ovs prints it: four host-order u32 as a UUID. */
static void ufid_text(struct sbuf *b, struct nlc c)
{
	uint32_t w[4];

	for (int i = 0; i < 4; i++)
		w[i] = nlc_u32(&c);
	sbuf_printf(b, "%08x-%04x-%04x-%04x-%04x%08x", w[0], w[1] >> 16, w[1] & 0xffff,
		    w[2] >> 16, w[2] & 0xffff, w[3]);
}

static bool ufid_cb(struct dctx *d, const struct nl_attr_pol *pol,
		    const char *key, struct nlc *c)
{
	struct sbuf b = { 0 };

	(void)pol;
	if (nlc_left(c) != 16) {
		emit_malformed(d->e, dctx_off(d, c), "ufid: length %zu, expected 16",
			       nlc_left(c));
		return false;
	}
	size_t at = c->pos;
	ufid_text(&b, *c);
	nlc_skip(c, 16);
	nl_put_text(d, key, at, 16, "%s", b.p);
	sbuf_free(&b);
	return true;
}

static const struct nl_shape ufid_shape = NL_SHAPE_FORM("uuid");
static const struct nl_attr_pol flow_attrs[] = {
	[1] = { "key", NLA_KIND_NESTED, .nest = &ovs_key_set },
	[2] = { "actions", NLA_KIND_CB, .cb = ovs_actions_cb, .shape = &ovs_actions_shape },
	[3] = { "stats", NLA_KIND_STRUCT, .st = &ovs_flow_stats_st },
	[4] = { "tcp_flags", NLA_KIND_U8, .bits = &tcp_flags },
	[5] = { "used", NLA_KIND_U64 },
	[6] = { "clear", NLA_KIND_FLAG },
	[7] = { "mask", NLA_KIND_NESTED, .nest = &ovs_key_set },
	[8] = { "probe", NLA_KIND_FLAG },
	[9] = { "ufid", NLA_KIND_CB, .cb = ufid_cb, .shape = &ufid_shape },
	[10] = { "ufid_flags", NLA_KIND_U32, .bits = &ufid_flags },
	[11] = { "pad", NLA_KIND_PAD },
};
static const struct nl_attr_set flow_set = NL_ATTR_SET("ovs_flow", flow_attrs);

/* The flow in ovs-dpctl's syntax, in the line and as the member "odp":
 * [ufid:U, ]keys[, packets:N, bytes:N, used:T[, flags:F]][, actions:A] */
enum { FS_DP, FS_KEY, FS_ACTIONS, FS_STATS, FS_TCP_FLAGS, FS_USED, FS_MASK, FS_UFID };
static const struct nl_sum_field flow_sum_fields[] = {
	[FS_DP] = OVS_SUM_DP,
	[FS_KEY] = NL_SUM_ATTR(&flow_set, "key"),
	[FS_ACTIONS] = NL_SUM_ATTR(&flow_set, "actions"),
	[FS_STATS] = NL_SUM_ATTR(&flow_set, "stats"),
	[FS_TCP_FLAGS] = NL_SUM_ATTR(&flow_set, "tcp_flags"),
	[FS_USED] = NL_SUM_ATTR(&flow_set, "used"),
	[FS_MASK] = NL_SUM_ATTR(&flow_set, "mask"),
	[FS_UFID] = NL_SUM_ATTR(&flow_set, "ufid"),
};

static bool sum_ufid(struct dctx *d, const struct nl_sum_vals *v, const struct nl_sum_part *pt,
		     struct sbuf *b)
{
	struct nlc x;

	(void)d;
	if (!nl_sum_get(v, pt->slot, &x) || nlc_left(&x) != 16)
		return false;
	ufid_text(b, x);
	return true;
}

/* a reply's counters (absent ones as 0 and never) */
static bool sum_stats(struct dctx *d, const struct nl_sum_vals *v, const struct nl_sum_part *pt,
		      struct sbuf *b)
{
	struct nlc x;
	uint64_t pk = 0, by = 0;

	(void)pt;
	if (d->nl_flags & NLM_F_REQUEST)
		return false;
	if (nl_sum_get(v, FS_STATS, &x) && nlc_left(&x) == 16) {
		pk = nlc_u64(&x);
		by = nlc_u64(&x);
	}
	sbuf_printf(b, "packets:%" PRIu64 ", bytes:%" PRIu64, pk, by);
	if (nl_sum_get(v, FS_USED, &x) && nlc_left(&x) == 8)
		sbuf_printf(b, ", used:%" PRIu64 "ms(monotonic)", nlc_u64(&x));
	else
		sbuf_puts(b, ", used:never");
	if (nl_sum_get(v, FS_TCP_FLAGS, &x) && nlc_left(&x) == 1) {
		uint8_t f = nlc_u8(&x);
		static const char letters[] = "FSRP.UEC";
		if (f) {
			sbuf_puts(b, ", flags:");
			for (int i = 0; i < 8; i++)
				if (f & (1u << i))
					sbuf_putc(b, letters[i]);
		}
	}
	return true;
}

static const struct nl_sum_part flow_sum_parts[] = {
	OVS_SUM_DP_PART(FS_DP),
	NLS_GROUP(" ", ", ", "odp"),
	NLS_TEXT_OF(FS_UFID, -1, "ufid:", sum_ufid),
	NLS_TEXT_OF(FS_KEY, FS_MASK, "", ovs_sum_keys),
	NLS_TEXT_OF(-1, -1, "", sum_stats),
	NLS_TEXT_OF(FS_ACTIONS, -1, "actions:", ovs_sum_actions),
	NLS_GROUP_END,
};
static const struct nl_summary flow_summary = NL_SUMMARY_EARLY(flow_sum_fields, flow_sum_parts);

static const struct nl_msgdef flow_cmds[] = {
	[1] = { "NEW", NLRK_NEW, &ovs_header_st, &flow_set, .sum = &flow_summary },
	[2] = { "DEL", NLRK_DEL, &ovs_header_st, &flow_set, .sum = &flow_summary },
	[3] = { "GET", NLRK_GET, &ovs_header_st, &flow_set, .sum = &flow_summary },
	[4] = { "SET", NLRK_NEW, &ovs_header_st, &flow_set, .sum = &flow_summary },
};

/* what the summary writes beside the tables, for the field registry */
static const struct nl_attr_pol flow_top[] = {
	{ "odp", NLA_KIND_STRING },
};
static const struct nl_shape flow_top_shape = NL_SHAPE_OBJ(flow_top);

const struct nl_dissector ovs_flow_dissector = {
	.shape = &flow_top_shape,
	.name = "ovs_flow", .proto = -1, .genl_family = "ovs_flow",
	.msgs = flow_cmds, .nmsgs = ARRAY_SIZE(flow_cmds),
};
