/* rtnl_tc_qdisc.c - the options and statistics of qdiscs and their classes,
 * by TCA_KIND (tables only; rtnl_tc.c chooses among them).
 *
 * Reference: include/uapi/linux/pkt_sched.h (Linux 7.2).
 */
#include "rtnl_tc.h"

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
	{ "rate", NLA_KIND_STRUCT, .st = &tc_ratespec_st },
	{ "ceil", NLA_KIND_STRUCT, .st = &tc_ratespec_st },
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
	{ "rate", NLA_KIND_STRUCT, .st = &tc_ratespec_st },
	{ "peakrate", NLA_KIND_STRUCT, .st = &tc_ratespec_st },
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

/* ---- xstats (TCA_XSTATS, TCA_STATS_APP) ---- */

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

/* struct tc_fq_codel_xstats: u32 type, then the qdisc (0) or class (1)
 * variant of the union */
static bool cb_fq_codel_xstats(struct dctx *d, const struct nl_attr_pol *pol,
			       const char *key, struct nlc *c)
{
	struct nlc t = *c;
	uint32_t type;

	(void)pol;
	if (nlc_left(c) < 4)
		return false;
	type = nlc_u32(&t);
	if (!nlc_ok(&t) || type > 1)
		return false;
	nl_struct_decode(d, key, c, type ? &fq_codel_cl_xstats_st : &fq_codel_qd_xstats_st);
	return true;
}

static const struct nl_attr_pol htb_xstats = { "xstats", NLA_KIND_STRUCT, .st = &htb_xstats_st };
static const struct nl_attr_pol fq_codel_xstats = { "xstats", NLA_KIND_CB, .cb = cb_fq_codel_xstats };

const struct tc_kind tc_qdisc_kinds[] = {
	{ "pfifo_fast", NULL, &prio_st, false, NULL },
	{ "prio", NULL, &prio_st, false, NULL },
	{ "pfifo", NULL, &fifo_st, false, NULL },
	{ "bfifo", NULL, &fifo_st, false, NULL },
	{ "fq_codel", &fq_codel_set, NULL, false, &fq_codel_xstats },
	{ "fq", &fq_set, NULL, false, NULL },
	{ "htb", &htb_set, NULL, false, &htb_xstats },
	{ "tbf", &tbf_set, NULL, false, NULL },
	{ "netem", &netem_set, &netem_qopt_st, true, NULL },
	{ "sfq", NULL, &sfq_st, false, NULL },
	{ "ingress", &empty_set, NULL, false, NULL },
	{ "clsact", &empty_set, NULL, false, NULL },
	{ "noqueue", &empty_set, NULL, false, NULL },
	{ "mq", &empty_set, NULL, false, NULL },
};
const size_t tc_n_qdisc_kinds = ARRAY_SIZE(tc_qdisc_kinds);
