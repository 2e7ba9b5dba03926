/* rtnl_tc.c - NETLINK_ROUTE traffic control: struct tcmsg and TCA_*, with
 * the options of qdiscs/classes/filters by TCA_KIND and of actions by
 * TCA_ACT_KIND.
 *
 * struct tcmsg (20): u8 family | u8 pad | u16 pad | s32 ifindex | u32 handle | u32 parent | u32 info
 * Handles and parents are shown as tc shows them: major:minor in hex, "1:"
 * for minor 0, ":1" for major 0, "root", "none".
 *
 * Reference: include/uapi/linux/rtnetlink.h, pkt_sched.h, pkt_cls.h,
 * gen_stats.h, tc_act/tc_gact.h, tc_act/tc_mirred.h (Linux 6.12).
 */
#include <stdio.h>
#include <string.h>

#include "rtnl.h"

#define TCA_KIND 1
#define TCA_ACT_KIND 1

/* ---- handles ---- */

static bool cb_handle(struct dctx *d, const struct nl_attr_pol *pol,
		      const char *key, struct nlc *c)
{
	(void)pol;
	if (nlc_left(c) != 4)
		return false;
	uint32_t h = nlc_u32(c);
	if (h == 0xffffffffu)
		emit_text(d->e, key, "root");
	else if (h == 0)
		emit_text(d->e, key, "none");
	else if (!(h >> 16))
		emit_text(d->e, key, ":%x", h & 0xffff);
	else if (!(h & 0xffff))
		emit_text(d->e, key, "%x:", h >> 16);
	else
		emit_text(d->e, key, "%x:%x", h >> 16, h & 0xffff);
	return true;
}

static const struct nl_attr_pol tcmsg_fields[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &rtnl_family_names },
	{ "pad1", NLA_KIND_PAD, .len = 1 },
	{ "pad2", NLA_KIND_PAD, .len = 2 },
	{ "ifindex", NLA_KIND_S32 },
	{ "handle", NLA_KIND_CB, .len = 4, .cb = cb_handle },
	{ "parent", NLA_KIND_CB, .len = 4, .cb = cb_handle },
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
static const struct nl_struct ratespec_st = NL_STRUCT("tc_ratespec", ratespec_f, 12);

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
static const struct nl_struct tcf_t_st = NL_STRUCT("tcf_t", tcf_t_f, 32);

/* ---- actions ---- */

static const char *const tc_act_v[] = {
	"pass", "reclassify", "drop", "pipe", "stolen", "queued", "repeat", "redirect", "trap",
};
static const struct nl_names tc_act_names = NL_NAMES(tc_act_v);

#define TC_GEN_FIELDS \
	{ "index", NLA_KIND_U32 }, { "capab", NLA_KIND_U32 }, \
	{ "action", NLA_KIND_S32 }, { "refcnt", NLA_KIND_S32 }, { "bindcnt", NLA_KIND_S32 }

static bool cb_tc_action(struct dctx *d, const struct nl_attr_pol *pol,
			 const char *key, struct nlc *c);
static const struct nl_attr_pol tc_gact_f[] = {
	{ "index", NLA_KIND_U32 }, { "capab", NLA_KIND_U32 },
	{ "action", NLA_KIND_CB, .len = 4, .cb = cb_tc_action },
	{ "refcnt", NLA_KIND_S32 }, { "bindcnt", NLA_KIND_S32 },
};
static const struct nl_struct tc_gact_st = NL_STRUCT("tc_gact", tc_gact_f, 20);
static const char *const gact_ptype_v[] = { "none", "netrand", "determ" };
static const struct nl_names gact_ptype_names = NL_NAMES(gact_ptype_v);
static const struct nl_attr_pol gact_p_f[] = {
	{ "ptype", NLA_KIND_U16, .enums = &gact_ptype_names }, { "pval", NLA_KIND_U16 },
	{ "paction", NLA_KIND_CB, .len = 4, .cb = cb_tc_action },
};
static const struct nl_struct gact_p_st = NL_STRUCT("tc_gact_p", gact_p_f, 8);
static const struct nl_attr_pol gact_attrs[] = {
	[1] = { "tm", NLA_KIND_STRUCT, .st = &tcf_t_st },
	[2] = { "parms", NLA_KIND_STRUCT, .st = &tc_gact_st },
	[3] = { "prob", NLA_KIND_STRUCT, .st = &gact_p_st },
	[4] = { "pad", NLA_KIND_PAD },
};
static const struct nl_attr_set gact_set = NL_ATTR_SET("gact", gact_attrs);

static const char *const mirred_eaction_v[] = {
	[1] = "egress_redir", [2] = "egress_mirror", [3] = "ingress_redir", [4] = "ingress_mirror",
};
static const struct nl_names mirred_eaction_names = NL_NAMES(mirred_eaction_v);
static const struct nl_attr_pol tc_mirred_f[] = {
	{ "index", NLA_KIND_U32 }, { "capab", NLA_KIND_U32 },
	{ "action", NLA_KIND_CB, .len = 4, .cb = cb_tc_action },
	{ "refcnt", NLA_KIND_S32 }, { "bindcnt", NLA_KIND_S32 },
	{ "eaction", NLA_KIND_S32, .enums = &mirred_eaction_names },
	{ "ifindex", NLA_KIND_U32 },
};
static const struct nl_struct tc_mirred_st = NL_STRUCT("tc_mirred", tc_mirred_f, 28);
static const struct nl_attr_pol mirred_attrs[] = {
	[1] = { "tm", NLA_KIND_STRUCT, .st = &tcf_t_st },
	[2] = { "parms", NLA_KIND_STRUCT, .st = &tc_mirred_st },
	[3] = { "pad", NLA_KIND_PAD },
	[4] = { "blockid", NLA_KIND_U32 },
};
static const struct nl_attr_set mirred_set = NL_ATTR_SET("mirred", mirred_attrs);

/* TC_ACT_* verdicts; jump and goto_chain carry an argument in the low bits */
static bool cb_tc_action(struct dctx *d, const struct nl_attr_pol *pol,
			 const char *key, struct nlc *c)
{
	(void)pol;
	if (nlc_left(c) != 4)
		return false;
	int32_t v = (int32_t)nlc_u32(c);
	const char *nm = v >= 0 ? nl_name(&tc_act_names, (uint64_t)v) : NULL;
	if (v == -1)
		nm = "continue";
	if (d->e->numeric || (!nm && (v & 0x30000000) == 0))
		emit_sint(d->e, key, v);
	else if (nm)
		emit_enum_name(d->e, key, (uint32_t)v, nm);
	else if ((v & 0x70000000) == 0x10000000)
		emit_text(d->e, key, "jump %d", v & 0x0fffffff);
	else if ((v & 0x70000000) == 0x20000000)
		emit_text(d->e, key, "goto chain %d", v & 0x0fffffff);
	else
		emit_sint(d->e, key, v);
	return true;
}

struct kind_set {
	const char *kind;
	const struct nl_attr_set *opts;
	const struct nl_struct *st;	/* options as a struct (pfifo_fast...) */
	bool st_then_attrs;		/* netem: struct, then attributes */
};

static const struct kind_set act_kinds[] = {
	{ "gact", &gact_set, NULL, false },
	{ "mirred", &mirred_set, NULL, false },
};

static const struct kind_set *lookup(const struct kind_set *t, size_t n,
				     const struct nlc *parent, uint16_t type)
{
	char k[32];

	rtnl_kind(parent, type, k, sizeof(k));
	for (size_t i = 0; i < n; i++)
		if (!strcmp(t[i].kind, k))
			return &t[i];
	return NULL;
}

static bool cb_act_options(struct dctx *d, const struct nl_attr_pol *pol,
			   const char *key, struct nlc *c)
{
	(void)pol;
	const struct kind_set *k = lookup(act_kinds, ARRAY_SIZE(act_kinds), &d->parent, TCA_ACT_KIND);
	if (!k)
		return false;
	nla_walk_under(d, key, c, k->opts);
	return true;
}

static const char *const act_flag_v[] = { "no_percpu_stats", "skip_hw", "skip_sw" };
static const struct nl_names act_flag_bits = NL_NAMES(act_flag_v);
static const char *const hw_stats_v[] = { "immediate", "delayed" };
static const struct nl_names hw_stats_bits = NL_NAMES(hw_stats_v);
static const struct nl_attr_pol act_attrs[] = {
	[1] = { "kind", NLA_KIND_STRING },
	[2] = { "options", NLA_KIND_CB, .cb = cb_act_options },
	[3] = { "index", NLA_KIND_U32 },
	[4] = { "stats", NLA_KIND_NESTED, .nest = &stats2_set },
	[5] = { "pad", NLA_KIND_PAD },
	[6] = { "cookie", NLA_KIND_BINARY },
	[7] = { "flags", NLA_KIND_BITFIELD32, .bits = &act_flag_bits },
	[8] = { "hw_stats", NLA_KIND_BITFIELD32, .bits = &hw_stats_bits },
	[9] = { "used_hw_stats", NLA_KIND_BITFIELD32, .bits = &hw_stats_bits },
	[10] = { "in_hw_count", NLA_KIND_U32 },
};
static const struct nl_attr_set act_set = NL_ATTR_SET("action", act_attrs);

#define ACT_TAB(n) { n, NLA_KIND_NESTED_ARRAY, .nest = &act_set }

static const char *const root_flag_v[] = { "large_dump", "terse_dump" };
static const struct nl_names root_flag_bits = NL_NAMES(root_flag_v);
static const struct nl_attr_pol act_root_attrs[] = {
	[1] = ACT_TAB("tab"),
	[2] = { "flags", NLA_KIND_BITFIELD32, .bits = &root_flag_bits },
	[3] = { "count", NLA_KIND_U32 },
	[4] = { "time_delta", NLA_KIND_U32 },
	[5] = { "ext_warn_msg", NLA_KIND_NUL_STRING },
};
const struct nl_attr_set rtnl_act_root_set = NL_ATTR_SET("actions", act_root_attrs);

/* police (TCA_POLICE_*): tbf struct binary, the rest numbers */
static const struct nl_attr_pol police_attrs[] = {
	[1] = { "tbf", NLA_KIND_BINARY },
	[2] = { "rate", NLA_KIND_BINARY },
	[3] = { "peakrate", NLA_KIND_BINARY },
	[4] = { "avrate", NLA_KIND_U32 },
	[5] = { "result", NLA_KIND_U32 },
	[6] = { "tm", NLA_KIND_STRUCT, .st = &tcf_t_st },
	[7] = { "pad", NLA_KIND_PAD },
	[8] = { "rate64", NLA_KIND_U64 },
	[9] = { "peakrate64", NLA_KIND_U64 },
	[10] = { "pktrate64", NLA_KIND_U64 },
	[11] = { "pktburst64", NLA_KIND_U64 },
};
static const struct nl_attr_set police_set = NL_ATTR_SET("police", police_attrs);

/* ---- qdiscs ---- */

static const struct nl_attr_pol prio_f[] = {
	{ "bands", NLA_KIND_S32 }, { "priomap", NLA_KIND_BINARY, .len = 16 },
};
static const struct nl_struct prio_st = NL_STRUCT("tc_prio_qopt", prio_f, 20);

static const struct nl_attr_pol fq_codel_attrs[] = {
	[1] = { "target", NLA_KIND_U32 },
	[2] = { "limit", NLA_KIND_U32 },
	[3] = { "interval", NLA_KIND_U32 },
	[4] = { "ecn", NLA_KIND_U32 },
	[5] = { "flows", NLA_KIND_U32 },
	[6] = { "quantum", NLA_KIND_U32 },
	[7] = { "ce_threshold", NLA_KIND_U32 },
	[8] = { "drop_batch_size", NLA_KIND_U32 },
	[9] = { "memory_limit", NLA_KIND_U32 },
	[10] = { "ce_threshold_selector", NLA_KIND_U8, .flags = NLAF_HEX },
	[11] = { "ce_threshold_mask", NLA_KIND_U8, .flags = NLAF_HEX },
};
static const struct nl_attr_set fq_codel_set = NL_ATTR_SET("fq_codel", fq_codel_attrs);

static const struct nl_attr_pol htb_opt_f[] = {
	{ "rate", NLA_KIND_STRUCT, .st = &ratespec_st },
	{ "ceil", NLA_KIND_STRUCT, .st = &ratespec_st },
	{ "buffer", NLA_KIND_U32 }, { "cbuffer", NLA_KIND_U32 }, { "quantum", NLA_KIND_U32 },
	{ "level", NLA_KIND_U32 }, { "prio", NLA_KIND_U32 },
};
static const struct nl_struct htb_opt_st = NL_STRUCT("tc_htb_opt", htb_opt_f, 44);
static const struct nl_attr_pol htb_glob_f[] = {
	{ "version", NLA_KIND_U32 }, { "rate2quantum", NLA_KIND_U32 },
	{ "defcls", NLA_KIND_U32, .flags = NLAF_HEX }, { "debug", NLA_KIND_U32 },
	{ "direct_pkts", NLA_KIND_U32 },
};
static const struct nl_struct htb_glob_st = NL_STRUCT("tc_htb_glob", htb_glob_f, 20);
static const struct nl_attr_pol htb_attrs[] = {
	[1] = { "parms", NLA_KIND_STRUCT, .st = &htb_opt_st },
	[2] = { "init", NLA_KIND_STRUCT, .st = &htb_glob_st },
	[3] = { "ctab", NLA_KIND_BINARY },
	[4] = { "rtab", NLA_KIND_BINARY },
	[5] = { "direct_qlen", NLA_KIND_U32 },
	[6] = { "rate64", NLA_KIND_U64 },
	[7] = { "ceil64", NLA_KIND_U64 },
	[8] = { "pad", NLA_KIND_PAD },
	[9] = { "offload", NLA_KIND_FLAG },
};
static const struct nl_attr_set htb_set = NL_ATTR_SET("htb", htb_attrs);

static const struct nl_attr_pol tbf_qopt_f[] = {
	{ "rate", NLA_KIND_STRUCT, .st = &ratespec_st },
	{ "peakrate", NLA_KIND_STRUCT, .st = &ratespec_st },
	{ "limit", NLA_KIND_U32 }, { "buffer", NLA_KIND_U32 }, { "mtu", NLA_KIND_U32 },
};
static const struct nl_struct tbf_qopt_st = NL_STRUCT("tc_tbf_qopt", tbf_qopt_f, 36);
static const struct nl_attr_pol tbf_attrs[] = {
	[1] = { "parms", NLA_KIND_STRUCT, .st = &tbf_qopt_st },
	[2] = { "rtab", NLA_KIND_BINARY },
	[3] = { "ptab", NLA_KIND_BINARY },
	[4] = { "rate64", NLA_KIND_U64 },
	[5] = { "prate64", NLA_KIND_U64 },
	[6] = { "burst", NLA_KIND_U32 },
	[7] = { "pburst", NLA_KIND_U32 },
	[8] = { "pad", NLA_KIND_PAD },
};
static const struct nl_attr_set tbf_set = NL_ATTR_SET("tbf", tbf_attrs);

static const struct nl_attr_pol netem_qopt_f[] = {
	{ "latency", NLA_KIND_U32 }, { "limit", NLA_KIND_U32 }, { "loss", NLA_KIND_U32 },
	{ "gap", NLA_KIND_U32 }, { "duplicate", NLA_KIND_U32 }, { "jitter", NLA_KIND_U32 },
};
static const struct nl_struct netem_qopt_st = NL_STRUCT("tc_netem_qopt", netem_qopt_f, 24);
static const struct nl_attr_pol netem_corr_f[] = {
	{ "delay_corr", NLA_KIND_U32 }, { "loss_corr", NLA_KIND_U32 }, { "dup_corr", NLA_KIND_U32 },
};
static const struct nl_struct netem_corr_st = NL_STRUCT("tc_netem_corr", netem_corr_f, 12);
static const struct nl_attr_pol netem_pc_f[] = {
	{ "probability", NLA_KIND_U32 }, { "correlation", NLA_KIND_U32 },
};
static const struct nl_struct netem_pc_st = NL_STRUCT("tc_netem_prob_corr", netem_pc_f, 8);
static const struct nl_attr_pol netem_rate_f[] = {
	{ "rate", NLA_KIND_U32 }, { "packet_overhead", NLA_KIND_S32 },
	{ "cell_size", NLA_KIND_U32 }, { "cell_overhead", NLA_KIND_S32 },
};
static const struct nl_struct netem_rate_st = NL_STRUCT("tc_netem_rate", netem_rate_f, 16);
static const struct nl_attr_pol netem_slot_f[] = {
	{ "min_delay", NLA_KIND_S64 }, { "max_delay", NLA_KIND_S64 },
	{ "max_packets", NLA_KIND_S32 }, { "max_bytes", NLA_KIND_S32 },
	{ "dist_delay", NLA_KIND_S64 }, { "dist_jitter", NLA_KIND_S64 },
};
static const struct nl_struct netem_slot_st = NL_STRUCT("tc_netem_slot", netem_slot_f, 40);
static const struct nl_attr_pol netem_gi_f[] = {
	{ "p13", NLA_KIND_U32 }, { "p31", NLA_KIND_U32 }, { "p32", NLA_KIND_U32 },
	{ "p14", NLA_KIND_U32 }, { "p23", NLA_KIND_U32 },
};
static const struct nl_struct netem_gi_st = NL_STRUCT("tc_netem_gimodel", netem_gi_f, 20);
static const struct nl_attr_pol netem_ge_f[] = {
	{ "p", NLA_KIND_U32 }, { "r", NLA_KIND_U32 }, { "h", NLA_KIND_U32 }, { "k1", NLA_KIND_U32 },
};
static const struct nl_struct netem_ge_st = NL_STRUCT("tc_netem_gemodel", netem_ge_f, 16);
static const struct nl_attr_pol netem_loss_attrs[] = {
	[1] = { "gi", NLA_KIND_STRUCT, .st = &netem_gi_st },
	[2] = { "ge", NLA_KIND_STRUCT, .st = &netem_ge_st },
};
static const struct nl_attr_set netem_loss_set = NL_ATTR_SET("loss", netem_loss_attrs);
static const struct nl_attr_pol netem_attrs[] = {
	[1] = { "corr", NLA_KIND_STRUCT, .st = &netem_corr_st },
	[2] = { "delay_dist", NLA_KIND_BINARY },
	[3] = { "reorder", NLA_KIND_STRUCT, .st = &netem_pc_st },
	[4] = { "corrupt", NLA_KIND_STRUCT, .st = &netem_pc_st },
	[5] = { "loss", NLA_KIND_NESTED, .nest = &netem_loss_set },
	[6] = { "rate", NLA_KIND_STRUCT, .st = &netem_rate_st },
	[7] = { "ecn", NLA_KIND_U32 },
	[8] = { "rate64", NLA_KIND_U64 },
	[9] = { "pad", NLA_KIND_PAD },
	[10] = { "latency64", NLA_KIND_S64 },
	[11] = { "jitter64", NLA_KIND_S64 },
	[12] = { "slot", NLA_KIND_STRUCT, .st = &netem_slot_st },
	[13] = { "slot_dist", NLA_KIND_BINARY },
	[14] = { "prng_seed", NLA_KIND_U64 },
};
static const struct nl_attr_set netem_set = NL_ATTR_SET("netem", netem_attrs);

static const struct nl_attr_pol sfq_f[] = {
	{ "quantum", NLA_KIND_U32 }, { "perturb_period", NLA_KIND_S32 },
	{ "limit", NLA_KIND_U32 }, { "divisor", NLA_KIND_U32 }, { "flows", NLA_KIND_U32 },
	{ "depth", NLA_KIND_U32 }, { "headdrop", NLA_KIND_U32 }, { "v1_limit", NLA_KIND_U32 },
	{ "qth_min", NLA_KIND_U32 }, { "qth_max", NLA_KIND_U32 },
	{ "wlog", NLA_KIND_U8 }, { "plog", NLA_KIND_U8 }, { "scell_log", NLA_KIND_U8 },
	{ "flags", NLA_KIND_U8, .flags = NLAF_HEX }, { "max_p", NLA_KIND_U32 },
	{ "prob_drop", NLA_KIND_U32 }, { "forced_drop", NLA_KIND_U32 },
	{ "prob_mark", NLA_KIND_U32 }, { "forced_mark", NLA_KIND_U32 },
	{ "prob_mark_head", NLA_KIND_U32 }, { "forced_mark_head", NLA_KIND_U32 },
};
static const struct nl_struct sfq_st = { "tc_sfq_qopt", sfq_f, ARRAY_SIZE(sfq_f), 72, 20 };

static const struct nl_attr_pol fifo_f[] = { { "limit", NLA_KIND_U32 } };
static const struct nl_struct fifo_st = NL_STRUCT("tc_fifo_qopt", fifo_f, 4);

static const struct nl_attr_pol fq_attrs[] = {
	[1] = { "plimit", NLA_KIND_U32 },
	[2] = { "flow_plimit", NLA_KIND_U32 },
	[3] = { "quantum", NLA_KIND_U32 },
	[4] = { "initial_quantum", NLA_KIND_U32 },
	[5] = { "rate_enable", NLA_KIND_U32 },
	[6] = { "flow_default_rate", NLA_KIND_U32 },
	[7] = { "flow_max_rate", NLA_KIND_U32 },
	[8] = { "buckets_log", NLA_KIND_U32 },
	[9] = { "flow_refill_delay", NLA_KIND_U32 },
	[10] = { "orphan_mask", NLA_KIND_U32 },
	[11] = { "low_rate_threshold", NLA_KIND_U32 },
	[12] = { "ce_threshold", NLA_KIND_U32 },
	[13] = { "timer_slack", NLA_KIND_U32 },
	[14] = { "horizon", NLA_KIND_U32 },
	[15] = { "horizon_drop", NLA_KIND_U8 },
};
static const struct nl_attr_set fq_set = NL_ATTR_SET("fq", fq_attrs);

static const struct nl_attr_pol empty_attrs[] = { [0] = { NULL, 0 } };
static const struct nl_attr_set empty_set = NL_ATTR_SET("none", empty_attrs);

/* ---- classifiers ---- */

static const char *const cls_flag_v[] = { "skip_hw", "skip_sw", "in_hw", "not_in_hw", "verbose" };
static const struct nl_names cls_flag_bits = NL_NAMES(cls_flag_v);

/* struct tc_u32_sel: u8 flags, offshift, nkeys, pad; be16 offmask; u16 off;
 * s16 offoff, hoff; be32 hmask; then nkeys tc_u32_key {be32 mask, val; s32 off, offmask} */
static bool cb_u32_sel(struct dctx *d, const struct nl_attr_pol *pol,
		       const char *key, struct nlc *c)
{
	(void)pol;
	if (nlc_left(c) < 16)
		return false;
	emit_obj_begin(d->e, key);
	emit_uint(d->e, "flags", nlc_u8(c), EF_HEX);
	emit_uint(d->e, "offshift", nlc_u8(c), EF_DEC);
	uint8_t nkeys = nlc_u8(c);
	emit_uint(d->e, "nkeys", nkeys, EF_DEC);
	nlc_u8(c);
	emit_uint(d->e, "offmask", nlc_be16(c), EF_HEX);
	emit_uint(d->e, "off", nlc_u16(c), EF_DEC);
	emit_sint(d->e, "offoff", (int16_t)nlc_u16(c));
	emit_sint(d->e, "hoff", (int16_t)nlc_u16(c));
	emit_uint(d->e, "hmask", nlc_be32(c), EF_HEX);
	emit_list_begin(d->e, "keys");
	for (unsigned i = 0; i < nkeys && nlc_left(c) >= 16; i++) {
		emit_obj_begin(d->e, NULL);
		emit_uint(d->e, "mask", nlc_be32(c), EF_HEX);
		emit_uint(d->e, "val", nlc_be32(c), EF_HEX);
		emit_sint(d->e, "off", (int32_t)nlc_u32(c));
		emit_sint(d->e, "offmask", (int32_t)nlc_u32(c));
		emit_obj_end(d->e);
	}
	emit_list_end(d->e);
	emit_obj_end(d->e);
	if (nlc_left(c))
		emit_malformed(d->e, dctx_off(d, c), "tc_u32_sel: %zu bytes beyond %u keys",
			       nlc_left(c), nkeys);
	nlc_skip(c, nlc_left(c));
	return nlc_ok(c);
}
static const struct nl_attr_pol u32_mark_f[] = {
	{ "val", NLA_KIND_U32, .flags = NLAF_HEX }, { "mask", NLA_KIND_U32, .flags = NLAF_HEX },
	{ "success", NLA_KIND_U32 },
};
static const struct nl_struct u32_mark_st = NL_STRUCT("tc_u32_mark", u32_mark_f, 12);
static const struct nl_attr_pol u32_attrs[] = {
	[1] = { "classid", NLA_KIND_CB, .cb = cb_handle },
	[2] = { "hash", NLA_KIND_U32, .flags = NLAF_HEX },
	[3] = { "link", NLA_KIND_U32, .flags = NLAF_HEX },
	[4] = { "divisor", NLA_KIND_U32 },
	[5] = { "sel", NLA_KIND_CB, .cb = cb_u32_sel },
	[6] = { "police", NLA_KIND_NESTED, .nest = &police_set },
	[7] = ACT_TAB("act"),
	[8] = { "indev", NLA_KIND_STRING },
	[9] = { "pcnt", NLA_KIND_BINARY },
	[10] = { "mark", NLA_KIND_STRUCT, .st = &u32_mark_st },
	[11] = { "flags", NLA_KIND_U32, .bits = &cls_flag_bits },
	[12] = { "pad", NLA_KIND_PAD },
};
static const struct nl_attr_set u32_set = NL_ATTR_SET("u32", u32_attrs);

static const struct nl_attr_pol matchall_pcnt_f[] = { { "rhit", NLA_KIND_U64 } };
static const struct nl_struct matchall_pcnt_st = NL_STRUCT("tc_matchall_pcnt", matchall_pcnt_f, 8);
static const struct nl_attr_pol matchall_attrs[] = {
	[1] = { "classid", NLA_KIND_CB, .cb = cb_handle },
	[2] = ACT_TAB("act"),
	[3] = { "flags", NLA_KIND_U32, .bits = &cls_flag_bits },
	[4] = { "pcnt", NLA_KIND_STRUCT, .st = &matchall_pcnt_st },
	[5] = { "pad", NLA_KIND_PAD },
};
static const struct nl_attr_set matchall_set = NL_ATTR_SET("matchall", matchall_attrs);

static const struct nl_attr_pol bpf_attrs[] = {
	[1] = ACT_TAB("act"),
	[2] = { "police", NLA_KIND_NESTED, .nest = &police_set },
	[3] = { "classid", NLA_KIND_CB, .cb = cb_handle },
	[4] = { "ops_len", NLA_KIND_U16 },
	[5] = { "ops", NLA_KIND_BINARY },
	[6] = { "fd", NLA_KIND_U32 },
	[7] = { "name", NLA_KIND_NUL_STRING },
	[8] = { "flags", NLA_KIND_U32, .flags = NLAF_HEX },
	[9] = { "flags_gen", NLA_KIND_U32, .bits = &cls_flag_bits },
	[10] = { "tag", NLA_KIND_BINARY, .len = 8 },
	[11] = { "id", NLA_KIND_U32 },
};
static const struct nl_attr_set bpf_set = NL_ATTR_SET("bpf", bpf_attrs);

static const struct nl_attr_pol basic_attrs[] = {
	[1] = { "classid", NLA_KIND_CB, .cb = cb_handle },
	[2] = { "ematches", NLA_KIND_BINARY },
	[3] = ACT_TAB("act"),
	[4] = { "police", NLA_KIND_NESTED, .nest = &police_set },
	[5] = { "pcnt", NLA_KIND_BINARY },
	[6] = { "pad", NLA_KIND_PAD },
};
static const struct nl_attr_set basic_set = NL_ATTR_SET("basic", basic_attrs);

static const struct nl_attr_pol fw_attrs[] = {
	[1] = { "classid", NLA_KIND_CB, .cb = cb_handle },
	[2] = { "police", NLA_KIND_NESTED, .nest = &police_set },
	[3] = { "indev", NLA_KIND_STRING },
	[4] = ACT_TAB("act"),
	[5] = { "mask", NLA_KIND_U32, .flags = NLAF_HEX },
};
static const struct nl_attr_set fw_set = NL_ATTR_SET("fw", fw_attrs);

static const char *const flower_keyflag_v[] = { "frag", "firstfrag", "tuncsum", "tundf", "tunoam", "tuncrit" };
static const struct nl_names flower_keyflag_bits = NL_NAMES(flower_keyflag_v);
static const struct nl_attr_pol flower_attrs[] = {
	[1] = { "classid", NLA_KIND_CB, .cb = cb_handle },
	[2] = { "indev", NLA_KIND_STRING },
	[3] = ACT_TAB("act"),
	[4] = { "key_eth_dst", NLA_KIND_MAC },
	[5] = { "key_eth_dst_mask", NLA_KIND_MAC },
	[6] = { "key_eth_src", NLA_KIND_MAC },
	[7] = { "key_eth_src_mask", NLA_KIND_MAC },
	[8] = { "key_eth_type", NLA_KIND_BE16, .flags = NLAF_HEX },
	[9] = { "key_ip_proto", NLA_KIND_U8 },
	[10] = { "key_ipv4_src", NLA_KIND_IPV4 },
	[11] = { "key_ipv4_src_mask", NLA_KIND_IPV4 },
	[12] = { "key_ipv4_dst", NLA_KIND_IPV4 },
	[13] = { "key_ipv4_dst_mask", NLA_KIND_IPV4 },
	[14] = { "key_ipv6_src", NLA_KIND_IPV6 },
	[15] = { "key_ipv6_src_mask", NLA_KIND_IPV6 },
	[16] = { "key_ipv6_dst", NLA_KIND_IPV6 },
	[17] = { "key_ipv6_dst_mask", NLA_KIND_IPV6 },
	[18] = { "key_tcp_src", NLA_KIND_BE16 },
	[19] = { "key_tcp_dst", NLA_KIND_BE16 },
	[20] = { "key_udp_src", NLA_KIND_BE16 },
	[21] = { "key_udp_dst", NLA_KIND_BE16 },
	[22] = { "flags", NLA_KIND_U32, .bits = &cls_flag_bits },
	[23] = { "key_vlan_id", NLA_KIND_U16 },
	[24] = { "key_vlan_prio", NLA_KIND_U8 },
	[25] = { "key_vlan_eth_type", NLA_KIND_BE16, .flags = NLAF_HEX },
	[26] = { "key_enc_key_id", NLA_KIND_BE32 },
	[27] = { "key_enc_ipv4_src", NLA_KIND_IPV4 },
	[28] = { "key_enc_ipv4_src_mask", NLA_KIND_IPV4 },
	[29] = { "key_enc_ipv4_dst", NLA_KIND_IPV4 },
	[30] = { "key_enc_ipv4_dst_mask", NLA_KIND_IPV4 },
	[31] = { "key_enc_ipv6_src", NLA_KIND_IPV6 },
	[32] = { "key_enc_ipv6_src_mask", NLA_KIND_IPV6 },
	[33] = { "key_enc_ipv6_dst", NLA_KIND_IPV6 },
	[34] = { "key_enc_ipv6_dst_mask", NLA_KIND_IPV6 },
	[35] = { "key_tcp_src_mask", NLA_KIND_BE16, .flags = NLAF_HEX },
	[36] = { "key_tcp_dst_mask", NLA_KIND_BE16, .flags = NLAF_HEX },
	[37] = { "key_udp_src_mask", NLA_KIND_BE16, .flags = NLAF_HEX },
	[38] = { "key_udp_dst_mask", NLA_KIND_BE16, .flags = NLAF_HEX },
	[39] = { "key_sctp_src_mask", NLA_KIND_BE16, .flags = NLAF_HEX },
	[40] = { "key_sctp_dst_mask", NLA_KIND_BE16, .flags = NLAF_HEX },
	[41] = { "key_sctp_src", NLA_KIND_BE16 },
	[42] = { "key_sctp_dst", NLA_KIND_BE16 },
	[43] = { "key_enc_udp_src_port", NLA_KIND_BE16 },
	[44] = { "key_enc_udp_src_port_mask", NLA_KIND_BE16, .flags = NLAF_HEX },
	[45] = { "key_enc_udp_dst_port", NLA_KIND_BE16 },
	[46] = { "key_enc_udp_dst_port_mask", NLA_KIND_BE16, .flags = NLAF_HEX },
	[47] = { "key_flags", NLA_KIND_BE32, .bits = &flower_keyflag_bits },
	[48] = { "key_flags_mask", NLA_KIND_BE32, .bits = &flower_keyflag_bits },
	[49] = { "key_icmpv4_code", NLA_KIND_U8 },
	[50] = { "key_icmpv4_code_mask", NLA_KIND_U8, .flags = NLAF_HEX },
	[51] = { "key_icmpv4_type", NLA_KIND_U8 },
	[52] = { "key_icmpv4_type_mask", NLA_KIND_U8, .flags = NLAF_HEX },
	[53] = { "key_icmpv6_code", NLA_KIND_U8 },
	[54] = { "key_icmpv6_code_mask", NLA_KIND_U8, .flags = NLAF_HEX },
	[55] = { "key_icmpv6_type", NLA_KIND_U8 },
	[56] = { "key_icmpv6_type_mask", NLA_KIND_U8, .flags = NLAF_HEX },
	[57] = { "key_arp_sip", NLA_KIND_IPV4 },
	[58] = { "key_arp_sip_mask", NLA_KIND_IPV4 },
	[59] = { "key_arp_tip", NLA_KIND_IPV4 },
	[60] = { "key_arp_tip_mask", NLA_KIND_IPV4 },
	[61] = { "key_arp_op", NLA_KIND_U8 },
	[62] = { "key_arp_op_mask", NLA_KIND_U8, .flags = NLAF_HEX },
	[63] = { "key_arp_sha", NLA_KIND_MAC },
	[64] = { "key_arp_sha_mask", NLA_KIND_MAC },
	[65] = { "key_arp_tha", NLA_KIND_MAC },
	[66] = { "key_arp_tha_mask", NLA_KIND_MAC },
	[67] = { "key_mpls_ttl", NLA_KIND_U8 },
	[68] = { "key_mpls_bos", NLA_KIND_U8 },
	[69] = { "key_mpls_tc", NLA_KIND_U8 },
	[70] = { "key_mpls_label", NLA_KIND_U32 },
	[71] = { "key_tcp_flags", NLA_KIND_BE16, .flags = NLAF_HEX },
	[72] = { "key_tcp_flags_mask", NLA_KIND_BE16, .flags = NLAF_HEX },
	[73] = { "key_ip_tos", NLA_KIND_U8, .flags = NLAF_HEX },
	[74] = { "key_ip_tos_mask", NLA_KIND_U8, .flags = NLAF_HEX },
	[75] = { "key_ip_ttl", NLA_KIND_U8 },
	[76] = { "key_ip_ttl_mask", NLA_KIND_U8, .flags = NLAF_HEX },
	[77] = { "key_cvlan_id", NLA_KIND_U16 },
	[78] = { "key_cvlan_prio", NLA_KIND_U8 },
	[79] = { "key_cvlan_eth_type", NLA_KIND_BE16, .flags = NLAF_HEX },
	[80] = { "key_enc_ip_tos", NLA_KIND_U8, .flags = NLAF_HEX },
	[81] = { "key_enc_ip_tos_mask", NLA_KIND_U8, .flags = NLAF_HEX },
	[82] = { "key_enc_ip_ttl", NLA_KIND_U8 },
	[83] = { "key_enc_ip_ttl_mask", NLA_KIND_U8, .flags = NLAF_HEX },
	[84] = { "key_enc_opts", NLA_KIND_BINARY },
	[85] = { "key_enc_opts_mask", NLA_KIND_BINARY },
	[86] = { "in_hw_count", NLA_KIND_U32 },
	[87] = { "key_port_src_min", NLA_KIND_BE16 },
	[88] = { "key_port_src_max", NLA_KIND_BE16 },
	[89] = { "key_port_dst_min", NLA_KIND_BE16 },
	[90] = { "key_port_dst_max", NLA_KIND_BE16 },
	[91] = { "key_ct_state", NLA_KIND_U16, .flags = NLAF_HEX },
	[92] = { "key_ct_state_mask", NLA_KIND_U16, .flags = NLAF_HEX },
	[93] = { "key_ct_zone", NLA_KIND_U16 },
	[94] = { "key_ct_zone_mask", NLA_KIND_U16, .flags = NLAF_HEX },
	[95] = { "key_ct_mark", NLA_KIND_U32, .flags = NLAF_HEX },
	[96] = { "key_ct_mark_mask", NLA_KIND_U32, .flags = NLAF_HEX },
	[97] = { "key_ct_labels", NLA_KIND_BINARY, .len = 16 },
	[98] = { "key_ct_labels_mask", NLA_KIND_BINARY, .len = 16 },
	[99] = { "key_mpls_opts", NLA_KIND_BINARY },
	[100] = { "key_hash", NLA_KIND_U32, .flags = NLAF_HEX },
	[101] = { "key_hash_mask", NLA_KIND_U32, .flags = NLAF_HEX },
	[102] = { "key_num_of_vlans", NLA_KIND_U8 },
	[103] = { "key_pppoe_sid", NLA_KIND_BE16 },
	[104] = { "key_ppp_proto", NLA_KIND_BE16, .flags = NLAF_HEX },
	[105] = { "key_l2tpv3_sid", NLA_KIND_BE32 },
	[106] = { "l2_miss", NLA_KIND_U8 },
	[107] = { "key_cfm", NLA_KIND_BINARY },
	[108] = { "key_spi", NLA_KIND_BE32, .flags = NLAF_HEX },
	[109] = { "key_spi_mask", NLA_KIND_BE32, .flags = NLAF_HEX },
	[110] = { "key_enc_flags", NLA_KIND_BE32, .flags = NLAF_HEX },
	[111] = { "key_enc_flags_mask", NLA_KIND_BE32, .flags = NLAF_HEX },
};
static const struct nl_attr_set flower_set = NL_ATTR_SET("flower", flower_attrs);

static const struct kind_set tc_kinds[] = {
	{ "pfifo_fast", NULL, &prio_st, false },
	{ "prio", NULL, &prio_st, false },
	{ "pfifo", NULL, &fifo_st, false },
	{ "bfifo", NULL, &fifo_st, false },
	{ "fq_codel", &fq_codel_set, NULL, false },
	{ "fq", &fq_set, NULL, false },
	{ "htb", &htb_set, NULL, false },
	{ "tbf", &tbf_set, NULL, false },
	{ "netem", &netem_set, &netem_qopt_st, true },
	{ "sfq", NULL, &sfq_st, false },
	{ "ingress", &empty_set, NULL, false },
	{ "clsact", &empty_set, NULL, false },
	{ "noqueue", &empty_set, NULL, false },
	{ "mq", &empty_set, NULL, false },
	{ "u32", &u32_set, NULL, false },
	{ "flower", &flower_set, NULL, false },
	{ "matchall", &matchall_set, NULL, false },
	{ "bpf", &bpf_set, NULL, false },
	{ "basic", &basic_set, NULL, false },
	{ "fw", &fw_set, NULL, false },
};

static bool cb_tc_options(struct dctx *d, const struct nl_attr_pol *pol,
			  const char *key, struct nlc *c)
{
	(void)pol;
	const struct kind_set *k = lookup(tc_kinds, ARRAY_SIZE(tc_kinds), &d->parent, TCA_KIND);
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
		struct nlc h = nlc_sub(c, k->st->size);
		nlc_skip(c, k->st->size);
		nlc_align4(c);
		emit_set_begin(d->e, key);
		nl_struct_decode(d, "qopt", &h, k->st);
		if (nlc_left(c))
			nla_walk_under(d, "attrs", c, k->opts);
		emit_obj_end(d->e);
		return true;
	}
	nla_walk_under(d, key, c, k->opts);
	return true;
}

/* TCA_XSTATS by kind: struct tc_fq_codel_xstats (u32 type, then the qdisc
 * or class variant), struct tc_htb_xstats; others as hex */
static const struct nl_attr_pol fq_codel_qd_xstats_f[] = {
	{ "type", NLA_KIND_U32 },
	{ "maxpacket", NLA_KIND_U32 }, { "drop_overlimit", NLA_KIND_U32 },
	{ "ecn_mark", NLA_KIND_U32 }, { "new_flow_count", NLA_KIND_U32 },
	{ "new_flows_len", NLA_KIND_U32 }, { "old_flows_len", NLA_KIND_U32 },
	{ "ce_mark", NLA_KIND_U32 }, { "memory_usage", NLA_KIND_U32 },
	{ "drop_overmemory", NLA_KIND_U32 },
};
static const struct nl_struct fq_codel_qd_xstats_st = { "tc_fq_codel_xstats", fq_codel_qd_xstats_f,
	ARRAY_SIZE(fq_codel_qd_xstats_f), 40, 24 };
static const struct nl_attr_pol fq_codel_cl_xstats_f[] = {
	{ "type", NLA_KIND_U32 },
	{ "deficit", NLA_KIND_S32 }, { "ldelay", NLA_KIND_U32 }, { "count", NLA_KIND_U32 },
	{ "lastcount", NLA_KIND_U32 }, { "dropping", NLA_KIND_U32 }, { "drop_next", NLA_KIND_S32 },
	{ "pad", NLA_KIND_PAD, .len = 12 },	/* the union's qdisc variant is longer */
};
static const struct nl_struct fq_codel_cl_xstats_st = { "tc_fq_codel_xstats", fq_codel_cl_xstats_f,
	ARRAY_SIZE(fq_codel_cl_xstats_f), 40, 28 };
static const struct nl_attr_pol htb_xstats_f[] = {
	{ "lends", NLA_KIND_U32 }, { "borrows", NLA_KIND_U32 }, { "giants", NLA_KIND_U32 },
	{ "tokens", NLA_KIND_S32 }, { "ctokens", NLA_KIND_S32 },
};
static const struct nl_struct htb_xstats_st = NL_STRUCT("tc_htb_xstats", htb_xstats_f, 20);

static bool decode_xstats(struct dctx *d, const char *key, struct nlc *c, const char *k)
{
	if (!strcmp(k, "htb") && nlc_left(c) == 20) {
		nl_struct_decode(d, key, c, &htb_xstats_st);
		return true;
	}
	if (!strcmp(k, "fq_codel") && nlc_left(c) >= 4) {
		const uint8_t *t = nlc_peek(c, 4);
		uint32_t type;
		if (!t)
			return false;
		memcpy(&type, t, 4);
		if (c->order == NLC_BE)
			type = (uint32_t)t[0] << 24 | (uint32_t)t[1] << 16 | (uint32_t)t[2] << 8 | t[3];
		if (type > 1)
			return false;
		nl_struct_decode(d, key, c, type ? &fq_codel_cl_xstats_st : &fq_codel_qd_xstats_st);
		return true;
	}
	return false;
}

static bool cb_tc_xstats(struct dctx *d, const struct nl_attr_pol *pol,
			 const char *key, struct nlc *c)
{
	char k[32];

	(void)pol;
	rtnl_kind(&d->parent, TCA_KIND, k, sizeof(k));
	return decode_xstats(d, key, c, k);
}

static bool cb_app_htb(struct dctx *d, const struct nl_attr_pol *pol,
		       const char *key, struct nlc *c)
{
	(void)pol;
	return decode_xstats(d, key, c, "htb");
}

static bool cb_app_fq_codel(struct dctx *d, const struct nl_attr_pol *pol,
			    const char *key, struct nlc *c)
{
	(void)pol;
	return decode_xstats(d, key, c, "fq_codel");
}

#define STATS2_ATTRS(appcb) \
	[1] = { "basic", NLA_KIND_STRUCT, .st = &basic_st }, \
	[2] = { "rate_est", NLA_KIND_STRUCT, .st = &rate_est_st }, \
	[3] = { "queue", NLA_KIND_STRUCT, .st = &queue_st }, \
	[4] = { "app", NLA_KIND_CB, .cb = appcb }, \
	[5] = { "rate_est64", NLA_KIND_STRUCT, .st = &rate_est64_st }, \
	[6] = { "pad", NLA_KIND_PAD }, \
	[7] = { "basic_hw", NLA_KIND_STRUCT, .st = &basic_st }, \
	[8] = { "pkt64", NLA_KIND_U64 }
static const struct nl_attr_pol stats2_htb_attrs[] = {
	STATS2_ATTRS(cb_app_htb),
};
static const struct nl_attr_set stats2_htb_set = NL_ATTR_SET("stats2", stats2_htb_attrs);
static const struct nl_attr_pol stats2_fq_codel_attrs[] = {
	STATS2_ATTRS(cb_app_fq_codel),
};
static const struct nl_attr_set stats2_fq_codel_set = NL_ATTR_SET("stats2", stats2_fq_codel_attrs);

static bool cb_tc_stats2(struct dctx *d, const struct nl_attr_pol *pol,
			 const char *key, struct nlc *c)
{
	char k[32];

	(void)pol;
	rtnl_kind(&d->parent, TCA_KIND, k, sizeof(k));
	nla_walk_under(d, key, c, !strcmp(k, "htb") ? &stats2_htb_set :
		       !strcmp(k, "fq_codel") ? &stats2_fq_codel_set : &stats2_set);
	return true;
}

static const char *const dump_flag_v[] = { "terse_dump" };
static const struct nl_names dump_flag_bits = NL_NAMES(dump_flag_v);
static const struct nl_attr_pol tc_attrs[] = {
	[1] = { "kind", NLA_KIND_STRING },
	[2] = { "options", NLA_KIND_CB, .cb = cb_tc_options },
	[3] = { "stats", NLA_KIND_STRUCT, .st = &tc_stats_st },
	[4] = { "xstats", NLA_KIND_CB, .cb = cb_tc_xstats },
	[5] = { "rate", NLA_KIND_STRUCT, .st = &estimator_st },
	[6] = { "fcnt", NLA_KIND_U32 },
	[7] = { "stats2", NLA_KIND_CB, .cb = cb_tc_stats2 },
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
