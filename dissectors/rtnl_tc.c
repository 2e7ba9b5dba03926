/* rtnl_tc.c - NETLINK_ROUTE traffic control: struct tcmsg and TCA_*, with
 * the options of qdiscs/classes/filters by TCA_KIND and of actions by
 * TCA_ACT_KIND.
 *
 * struct tcmsg (20): u8 family | u8 pad | u16 pad | s32 ifindex | u32 handle | u32 parent | u32 info
 * Handles and parents are shown as tc shows them: major:minor in hex, "1:"
 * for minor 0, ":1" for major 0, "root", "none".
 *
 * Reference: include/uapi/linux/rtnetlink.h, pkt_sched.h, pkt_cls.h,
 * gen_stats.h (Linux 7.2).  The per-kind tables are in rtnl_tc_qdisc.c,
 * rtnl_tc_cls.c and rtnl_tc_act.c.
 */
#include <stdio.h>
#include <string.h>

#include "rtnl_tc.h"

#define TCA_KIND 1
#define TCA_ACT_KIND 1
#define TCA_STATS_APP 4

/* ---- handles ---- */

bool tc_cb_handle(struct dctx *d, const struct nl_attr_pol *pol,
		      const char *key, struct nlc *c)
{
	(void)pol;
	if (nlc_left(c) != 4)
		return false;
	size_t at = c->pos;
	uint32_t h = nlc_u32(c);
	if (h == 0xffffffffu)
		nl_put_text(d, key, at, 4, "root");
	else if (h == 0)
		nl_put_text(d, key, at, 4, "none");
	else if (!(h >> 16))
		nl_put_text(d, key, at, 4, ":%x", h & 0xffff);
	else if (!(h & 0xffff))
		nl_put_text(d, key, at, 4, "%x:", h >> 16);
	else
		nl_put_text(d, key, at, 4, "%x:%x", h >> 16, h & 0xffff);
	return true;
}

static const struct nl_attr_pol tcmsg_fields[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &rtnl_family_names },
	{ "pad1", NLA_KIND_PAD, .len = 1 },
	{ "pad2", NLA_KIND_PAD, .len = 2 },
	{ "ifindex", NLA_KIND_S32 },
	{ "handle", NLA_KIND_CB, .len = 4, .cb = tc_cb_handle, .shape = &tc_handle_shape },
	{ "parent", NLA_KIND_CB, .len = 4, .cb = tc_cb_handle, .shape = &tc_handle_shape },
	{ "info", NLA_KIND_U32, .flags = NLAF_HEX },
};
const struct nl_struct rtnl_tcmsg = { "tcmsg", tcmsg_fields, ARRAY_SIZE(tcmsg_fields), 20, 1 };

static const struct nl_attr_pol tcamsg_fields[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &rtnl_family_names },
	{ "pad1", NLA_KIND_PAD, .len = 1 },
	{ "pad2", NLA_KIND_PAD, .len = 2 },
};
const struct nl_struct rtnl_tcamsg = { "tcamsg", tcamsg_fields, ARRAY_SIZE(tcamsg_fields), 4, 1 };

/* ---- common structs ---- */

static const char *const linklayer_v[] = { "unaware", "ethernet", "atm" };
static const struct nl_names linklayer_names = NL_NAMES(linklayer_v);
static const struct nl_attr_pol ratespec_f[] = {
	{ "cell_log", NLA_KIND_U8 },
	{ "linklayer", NLA_KIND_U8, .enums = &linklayer_names },
	{ "overhead", NLA_KIND_U16 },
	{ "cell_align", NLA_KIND_S16 },
	{ "mpu", NLA_KIND_U16 },
	{ "rate", NLA_KIND_U32 },
};
const struct nl_struct tc_ratespec_st = NL_STRUCT("tc_ratespec", ratespec_f, 12);

static const struct nl_attr_pol tc_stats_f[] = {
	{ "bytes", NLA_KIND_U64 }, { "packets", NLA_KIND_U32 }, { "drops", NLA_KIND_U32 },
	{ "overlimits", NLA_KIND_U32 }, { "bps", NLA_KIND_U32 }, { "pps", NLA_KIND_U32 },
	{ "qlen", NLA_KIND_U32 }, { "backlog", NLA_KIND_U32 }, { "pad", NLA_KIND_PAD, .len = 4 },
};
static const struct nl_struct tc_stats_st = { "tc_stats", tc_stats_f, ARRAY_SIZE(tc_stats_f), 40, 36 };
static const struct nl_attr_pol estimator_f[] = {
	{ "interval", NLA_KIND_S8 }, { "ewma_log", NLA_KIND_U8 },
};
static const struct nl_struct estimator_st = NL_STRUCT("tc_estimator", estimator_f, 2);

static const struct nl_attr_pol basic_f[] = {
	{ "bytes", NLA_KIND_U64 }, { "packets", NLA_KIND_U32 }, { "pad", NLA_KIND_PAD, .len = 4 },
};
static const struct nl_struct basic_st = { "gnet_stats_basic", basic_f, ARRAY_SIZE(basic_f), 16, 12 };
static const struct nl_attr_pol rate_est_f[] = { { "bps", NLA_KIND_U32 }, { "pps", NLA_KIND_U32 } };
static const struct nl_struct rate_est_st = NL_STRUCT("gnet_stats_rate_est", rate_est_f, 8);
static const struct nl_attr_pol rate_est64_f[] = { { "bps", NLA_KIND_U64 }, { "pps", NLA_KIND_U64 } };
static const struct nl_struct rate_est64_st = NL_STRUCT("gnet_stats_rate_est64", rate_est64_f, 16);
static const struct nl_attr_pol queue_f[] = {
	{ "qlen", NLA_KIND_U32 }, { "backlog", NLA_KIND_U32 }, { "drops", NLA_KIND_U32 },
	{ "requeues", NLA_KIND_U32 }, { "overlimits", NLA_KIND_U32 },
};
static const struct nl_struct queue_st = NL_STRUCT("gnet_stats_queue", queue_f, 20);
static const struct nl_attr_pol stats2_attrs[] = {
	[1] = { "basic", NLA_KIND_STRUCT, .st = &basic_st },
	[2] = { "rate_est", NLA_KIND_STRUCT, .st = &rate_est_st },
	[3] = { "queue", NLA_KIND_STRUCT, .st = &queue_st },
	[4] = { "app", NLA_KIND_BINARY },
	[5] = { "rate_est64", NLA_KIND_STRUCT, .st = &rate_est64_st },
	[6] = { "pad", NLA_KIND_PAD },
	[7] = { "basic_hw", NLA_KIND_STRUCT, .st = &basic_st },
	[8] = { "pkt64", NLA_KIND_U64 },
};
static const struct nl_attr_set stats2_set = NL_ATTR_SET("stats2", stats2_attrs);

static const struct nl_attr_pol sizespec_f[] = {
	{ "cell_log", NLA_KIND_U8 }, { "size_log", NLA_KIND_U8 }, { "cell_align", NLA_KIND_S16 },
	{ "overhead", NLA_KIND_S32 }, { "linklayer", NLA_KIND_U32, .enums = &linklayer_names },
	{ "mpu", NLA_KIND_U32 }, { "mtu", NLA_KIND_U32 }, { "tsize", NLA_KIND_U32 },
};
static const struct nl_struct sizespec_st = NL_STRUCT("tc_sizespec", sizespec_f, 24);
static const struct nl_attr_pol stab_attrs[] = {
	[1] = { "base", NLA_KIND_STRUCT, .st = &sizespec_st },
	[2] = { "data", NLA_KIND_BINARY },
};
static const struct nl_attr_set stab_set = NL_ATTR_SET("stab", stab_attrs);

static const struct nl_attr_pol tcf_t_f[] = {
	{ "install", NLA_KIND_U64 }, { "lastuse", NLA_KIND_U64 },
	{ "expires", NLA_KIND_U64 }, { "firstuse", NLA_KIND_U64 },
};
const struct nl_struct tc_tcf_t_st = NL_STRUCT("tcf_t", tcf_t_f, 32);

/* ---- actions ---- */

static const char *const tc_act_v[] = {
	"pass", "reclassify", "drop", "pipe", "stolen", "queued", "repeat", "redirect", "trap",
};
static const struct nl_names tc_act_names = NL_NAMES(tc_act_v);

/* TC_ACT_* verdicts; jump and goto_chain carry an argument in the low bits */
bool tc_cb_action(struct dctx *d, const struct nl_attr_pol *pol,
			 const char *key, struct nlc *c)
{
	(void)pol;
	if (nlc_left(c) != 4)
		return false;
	size_t at = c->pos;
	int32_t v = (int32_t)nlc_u32(c);
	const char *nm = v >= 0 ? nl_name(&tc_act_names, (uint64_t)v) : NULL;
	if (v == -1)
		nm = "continue";
	if (d->numeric || (!nm && (v & 0x30000000) == 0))
		nl_put_sint(d, key, at, 4, v);
	else if (nm)
		nl_put_enum_name(d, key, at, 4, (uint32_t)v, nm);
	else if ((v & 0x70000000) == 0x10000000)
		nl_put_text(d, key, at, 4, "jump %d", v & 0x0fffffff);
	else if ((v & 0x70000000) == 0x20000000)
		nl_put_text(d, key, at, 4, "goto chain %d", v & 0x0fffffff);
	else
		nl_put_sint(d, key, at, 4, v);
	return true;
}

static const struct tc_kind *lookup(const struct tc_kind *t, size_t n, const char *k)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(t[i].kind, k))
			return &t[i];
	return NULL;
}

/* TCA_KIND names a qdisc (and its classes) or, in filter and chain
 * messages, a classifier */
static const struct tc_kind *tc_kind_of(const struct dctx *d)
{
	bool filter = (d->nl_type >= 44 && d->nl_type <= 47) ||
		      (d->nl_type >= 100 && d->nl_type <= 103);
	const struct tc_kind *k;
	char name[32];

	rtnl_kind(d->st, &d->parent, TCA_KIND, name, sizeof(name));
	k = filter ? lookup(tc_cls_kinds, tc_n_cls_kinds, name)
		   : lookup(tc_qdisc_kinds, tc_n_qdisc_kinds, name);
	return k;
}

static bool cb_act_options(struct dctx *d, const struct nl_attr_pol *pol,
			   const char *key, struct nlc *c)
{
	char name[32];

	(void)pol;
	rtnl_kind(d->st, &d->parent, TCA_ACT_KIND, name, sizeof(name));
	const struct tc_kind *k = lookup(tc_act_kinds, tc_n_act_kinds, name);
	if (!k)
		return false;
	nla_walk_under(d, key, c, k->opts);
	return true;
}

static void each_act_options(nl_shape_visit visit, void *ctx)
{
	char when[64];

	for (size_t i = 0; i < tc_n_act_kinds; i++) {
		const struct nl_attr_pol p = { "options", NLA_KIND_NESTED, .nest = tc_act_kinds[i].opts };
		snprintf(when, sizeof(when), "action %s", tc_act_kinds[i].kind);
		visit(ctx, when, &p);
	}
}
static const struct nl_shape act_options_shape = NL_SHAPE_EACH(each_act_options);

static const char *const act_flag_v[] = { "no_percpu_stats", "skip_hw", "skip_sw" };
static const struct nl_names act_flag_bits = NL_NAMES(act_flag_v);
static const char *const hw_stats_v[] = { "immediate", "delayed" };
static const struct nl_names hw_stats_bits = NL_NAMES(hw_stats_v);
static const struct nl_attr_pol act_attrs[] = {
	[1] = { "kind", NLA_KIND_STRING },
	[2] = { "options", NLA_KIND_CB, .cb = cb_act_options, .shape = &act_options_shape },
	[3] = { "index", NLA_KIND_U32 },
	[4] = { "stats", NLA_KIND_NESTED, .nest = &stats2_set },
	[5] = { "pad", NLA_KIND_PAD },
	[6] = { "cookie", NLA_KIND_BINARY },
	[7] = { "flags", NLA_KIND_BITFIELD32, .bits = &act_flag_bits },
	[8] = { "hw_stats", NLA_KIND_BITFIELD32, .bits = &hw_stats_bits },
	[9] = { "used_hw_stats", NLA_KIND_BITFIELD32, .bits = &hw_stats_bits },
	[10] = { "in_hw_count", NLA_KIND_U32 },
};
const struct nl_attr_set tc_act_set = NL_ATTR_SET("action", act_attrs);

static const char *const root_flag_v[] = { "large_dump", "terse_dump" };
static const struct nl_names root_flag_bits = NL_NAMES(root_flag_v);
static const struct nl_attr_pol act_root_attrs[] = {
	[1] = TC_ACT_TAB("tab"),
	[2] = { "flags", NLA_KIND_BITFIELD32, .bits = &root_flag_bits },
	[3] = { "count", NLA_KIND_U32 },
	[4] = { "time_delta", NLA_KIND_U32 },
	[5] = { "ext_warn_msg", NLA_KIND_NUL_STRING },
};
const struct nl_attr_set rtnl_act_root_set = NL_ATTR_SET("actions", act_root_attrs);

/* police (TCA_POLICE_*): as an action kind and inside old filters; the
 * rate tables are binary */
static const struct nl_attr_pol tc_police_f[] = {
	{ "index", NLA_KIND_U32 },
	{ "action", NLA_KIND_CB, .len = 4, .cb = tc_cb_action, .shape = &tc_verdict_shape },
	{ "limit", NLA_KIND_U32 }, { "burst", NLA_KIND_U32 }, { "mtu", NLA_KIND_U32 },
	{ "rate", NLA_KIND_STRUCT, .st = &tc_ratespec_st },
	{ "peakrate", NLA_KIND_STRUCT, .st = &tc_ratespec_st },
	{ "refcnt", NLA_KIND_S32 }, { "bindcnt", NLA_KIND_S32 }, { "capab", NLA_KIND_U32 },
};
static const struct nl_struct tc_police_st = NL_STRUCT("tc_police", tc_police_f, 56);
static const struct nl_attr_pol police_attrs[] = {
	[1] = { "tbf", NLA_KIND_STRUCT, .st = &tc_police_st },
	[2] = { "rate", NLA_KIND_BINARY },
	[3] = { "peakrate", NLA_KIND_BINARY },
	[4] = { "avrate", NLA_KIND_U32 },
	[5] = { "result", NLA_KIND_CB, .cb = tc_cb_action, .shape = &tc_verdict_shape },
	[6] = { "tm", NLA_KIND_STRUCT, .st = &tc_tcf_t_st },
	[7] = { "pad", NLA_KIND_PAD },
	[8] = { "rate64", NLA_KIND_U64 },
	[9] = { "peakrate64", NLA_KIND_U64 },
	[10] = { "pktrate64", NLA_KIND_U64 },
	[11] = { "pktburst64", NLA_KIND_U64 },
};
const struct nl_attr_set tc_police_set = NL_ATTR_SET("police", police_attrs);

/* ---- TCA_* ---- */

static bool cb_tc_options(struct dctx *d, const struct nl_attr_pol *pol,
			  const char *key, struct nlc *c)
{
	(void)pol;
	const struct tc_kind *k = tc_kind_of(d);
	if (!k)
		return false;
	if (k->st && !k->st_then_attrs) {
		nl_struct_decode(d, key, c, k->st);
		return true;
	}
	if (k->st) {
		/* netem: the struct, then (4-aligned) attributes */
		if (nlc_left(c) < k->st->size)
			return false;
		struct nlc whole = *c, h = nlc_sub(c, k->st->size);
		nlc_skip(c, k->st->size);
		nlc_align4(c);
		nl_put_set_begin(d, key, "struct", &whole);
		nl_struct_decode(d, "qopt", &h, k->st);
		if (nlc_left(c))
			nla_walk_under(d, "attrs", c, k->opts);
		nl_put_obj_end(d);
		return true;
	}
	nla_walk_under(d, key, c, k->opts);
	return true;
}

/* TCA_XSTATS: the kind's own statistics (a struct, or attributes for cake) */
static bool cb_tc_xstats(struct dctx *d, const struct nl_attr_pol *pol,
			 const char *key, struct nlc *c)
{
	(void)pol;
	const struct tc_kind *k = tc_kind_of(d);
	if (!k || !k->xstats)
		return false;
	nla_value(d, k->xstats, key, c);
	return true;
}

/* TCA_STATS2: gnet_stats, whose TCA_STATS_APP is the kind's xstats again.
 * The nest is walked with a copy of stats2_attrs whose app entry is the
 * kind's (nothing keeps the copy past the walk). */
static bool cb_tc_stats2(struct dctx *d, const struct nl_attr_pol *pol,
			 const char *key, struct nlc *c)
{
	(void)pol;
	const struct tc_kind *k = tc_kind_of(d);
	if (!k || !k->xstats) {
		nla_walk_under(d, key, c, &stats2_set);
		return true;
	}
	struct nl_attr_pol attrs[ARRAY_SIZE(stats2_attrs)];
	memcpy(attrs, stats2_attrs, sizeof(attrs));
	attrs[TCA_STATS_APP] = *k->xstats;
	attrs[TCA_STATS_APP].name = stats2_attrs[TCA_STATS_APP].name;
	const struct nl_attr_set set = NL_ATTR_SET("stats2", attrs);
	nla_walk_under(d, key, c, &set);
	return true;
}

/* ---- the shapes of the callbacks above, for the field registry ---- */

const struct nl_shape tc_handle_shape = NL_SHAPE_FORM("tc_handle");
const struct nl_shape tc_verdict_shape = NL_SHAPE_FORM("tc_verdict");

static void visit_kinds(nl_shape_visit visit, void *ctx, const struct tc_kind *t, size_t n,
			const char *what, bool xstats)
{
	char when[64];

	for (size_t i = 0; i < n; i++) {
		const struct tc_kind *k = &t[i];
		snprintf(when, sizeof(when), "%s %s", what, k->kind);
		if (xstats) {
			if (k->xstats)
				visit(ctx, when, k->xstats);
			continue;
		}
		const struct nl_attr_pol members[] = {
			{ "qopt", NLA_KIND_STRUCT, .st = k->st },
			{ "attrs", NLA_KIND_NESTED, .nest = k->opts },
		};
		const struct nl_shape obj = NL_SHAPE_OBJ(members);
		const struct nl_attr_pol p = k->st_then_attrs
			? (struct nl_attr_pol){ "options", NLA_KIND_CB, .shape = &obj }
			: k->st ? (struct nl_attr_pol){ "options", NLA_KIND_STRUCT, .st = k->st }
				: (struct nl_attr_pol){ "options", NLA_KIND_NESTED, .nest = k->opts };
		visit(ctx, when, &p);
	}
}

static void each_tc_options(nl_shape_visit visit, void *ctx)
{
	visit_kinds(visit, ctx, tc_qdisc_kinds, tc_n_qdisc_kinds, "qdisc", false);
	visit_kinds(visit, ctx, tc_cls_kinds, tc_n_cls_kinds, "filter", false);
}

static void each_tc_xstats(nl_shape_visit visit, void *ctx)
{
	visit_kinds(visit, ctx, tc_qdisc_kinds, tc_n_qdisc_kinds, "qdisc", true);
	visit_kinds(visit, ctx, tc_cls_kinds, tc_n_cls_kinds, "filter", true);
}

/* stats2 as cb_tc_stats2 reads it: app is the kind's xstats */
static void stats2_by(nl_shape_visit visit, void *ctx, const struct tc_kind *t, size_t n,
		      const char *what)
{
	char when[64];

	for (size_t i = 0; i < n; i++) {
		if (!t[i].xstats)
			continue;
		struct nl_attr_pol attrs[ARRAY_SIZE(stats2_attrs)];
		memcpy(attrs, stats2_attrs, sizeof(attrs));
		attrs[TCA_STATS_APP] = *t[i].xstats;
		attrs[TCA_STATS_APP].name = stats2_attrs[TCA_STATS_APP].name;
		const struct nl_attr_set set = NL_ATTR_SET("stats2", attrs);
		const struct nl_attr_pol p = { "stats2", NLA_KIND_NESTED, .nest = &set };
		snprintf(when, sizeof(when), "%s %s", what, t[i].kind);
		visit(ctx, when, &p);
	}
}

static void each_tc_stats2(nl_shape_visit visit, void *ctx)
{
	const struct nl_attr_pol p = { "stats2", NLA_KIND_NESTED, .nest = &stats2_set };
	visit(ctx, NULL, &p);
	stats2_by(visit, ctx, tc_qdisc_kinds, tc_n_qdisc_kinds, "qdisc");
	stats2_by(visit, ctx, tc_cls_kinds, tc_n_cls_kinds, "filter");
}

static const struct nl_shape tc_options_shape = NL_SHAPE_EACH(each_tc_options);
static const struct nl_shape tc_xstats_shape = NL_SHAPE_EACH(each_tc_xstats);
static const struct nl_shape tc_stats2_shape = NL_SHAPE_EACH(each_tc_stats2);

static const char *const dump_flag_v[] = { "terse_dump" };
static const struct nl_names dump_flag_bits = NL_NAMES(dump_flag_v);
static const struct nl_attr_pol tc_attrs[] = {
	[1] = { "kind", NLA_KIND_STRING },
	[2] = { "options", NLA_KIND_CB, .cb = cb_tc_options, .shape = &tc_options_shape },
	[3] = { "stats", NLA_KIND_STRUCT, .st = &tc_stats_st },
	[4] = { "xstats", NLA_KIND_CB, .cb = cb_tc_xstats, .shape = &tc_xstats_shape },
	[5] = { "rate", NLA_KIND_STRUCT, .st = &estimator_st },
	[6] = { "fcnt", NLA_KIND_U32 },
	[7] = { "stats2", NLA_KIND_CB, .cb = cb_tc_stats2, .shape = &tc_stats2_shape },
	[8] = { "stab", NLA_KIND_NESTED, .nest = &stab_set },
	[9] = { "pad", NLA_KIND_PAD },
	[10] = { "dump_invisible", NLA_KIND_FLAG },
	[11] = { "chain", NLA_KIND_U32 },
	[12] = { "hw_offload", NLA_KIND_U8 },
	[13] = { "ingress_block", NLA_KIND_U32 },
	[14] = { "egress_block", NLA_KIND_U32 },
	[15] = { "dump_flags", NLA_KIND_BITFIELD32, .bits = &dump_flag_bits },
	[16] = { "ext_warn_msg", NLA_KIND_NUL_STRING },
};
const struct nl_attr_set rtnl_tc_set = NL_ATTR_SET("tc", tc_attrs);
