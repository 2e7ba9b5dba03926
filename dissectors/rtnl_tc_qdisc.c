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

/* TCA_FQ_WEIGHTS: s32 weights[FQ_BANDS], FQ_BANDS = 3 */
static const struct nl_attr_pol fq_weights_f[] = {
	{ "band0", NLA_KIND_S32 }, { "band1", NLA_KIND_S32 }, { "band2", NLA_KIND_S32 },
};
static const struct nl_struct fq_weights_st = NL_STRUCT("fq_weights", fq_weights_f, 12);
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
	[16] = { "priomap", NLA_KIND_STRUCT, .st = &prio_st },
	[17] = { "weights", NLA_KIND_STRUCT, .st = &fq_weights_st },
	[18] = { "offload_horizon", NLA_KIND_U32 },
};
static const struct nl_attr_set fq_set = NL_ATTR_SET("fq", fq_attrs);

/* red (and choke, which takes red's parameters) */
static const char *const red_flag_v[] = { "ecn", "harddrop", "adaptative", "nodrop" };
static const struct nl_names red_flag_bits = NL_NAMES(red_flag_v);
static const struct nl_attr_pol red_qopt_f[] = {
	{ "limit", NLA_KIND_U32 }, { "qth_min", NLA_KIND_U32 }, { "qth_max", NLA_KIND_U32 },
	{ "wlog", NLA_KIND_U8 }, { "plog", NLA_KIND_U8 }, { "scell_log", NLA_KIND_U8 },
	{ "flags", NLA_KIND_U8, .bits = &red_flag_bits },
};
static const struct nl_struct red_qopt_st = NL_STRUCT("tc_red_qopt", red_qopt_f, 16);
static const struct nl_attr_pol red_attrs[] = {
	[1] = { "parms", NLA_KIND_STRUCT, .st = &red_qopt_st },
	[2] = { "stab", NLA_KIND_BINARY, .len = 256 },
	[3] = { "max_p", NLA_KIND_U32 },
	[4] = { "flags", NLA_KIND_BITFIELD32, .bits = &red_flag_bits },
	[5] = { "early_drop_block", NLA_KIND_U32 },
	[6] = { "mark_block", NLA_KIND_U32 },
};
static const struct nl_attr_set red_set = NL_ATTR_SET("red", red_attrs);
static const struct nl_attr_pol choke_attrs[] = {
	[1] = { "parms", NLA_KIND_STRUCT, .st = &red_qopt_st },
	[2] = { "stab", NLA_KIND_BINARY, .len = 256 },
	[3] = { "max_p", NLA_KIND_U32 },
};
static const struct nl_attr_set choke_set = NL_ATTR_SET("choke", choke_attrs);

/* cake: enum values named as tc names them */
static const char *const cake_diffserv_v[] = {
	"diffserv3", "diffserv4", "diffserv8", "besteffort", "precedence",
};
static const struct nl_names cake_diffserv_names = NL_NAMES(cake_diffserv_v);
static const char *const cake_atm_v[] = { "noatm", "atm", "ptm" };
static const struct nl_names cake_atm_names = NL_NAMES(cake_atm_v);
static const char *const cake_flow_v[] = {
	"flowblind", "srchost", "dsthost", "hosts", "flows", "dual-srchost", "dual-dsthost",
	"triple-isolate",
};
static const struct nl_names cake_flow_names = NL_NAMES(cake_flow_v);
static const char *const cake_ack_v[] = { "no-ack-filter", "ack-filter", "ack-filter-aggressive" };
static const struct nl_names cake_ack_names = NL_NAMES(cake_ack_v);
static const struct nl_attr_pol cake_attrs[] = {
	[1] = { "pad", NLA_KIND_PAD },
	[2] = { "base_rate64", NLA_KIND_U64 },
	[3] = { "diffserv_mode", NLA_KIND_U32, .enums = &cake_diffserv_names },
	[4] = { "atm", NLA_KIND_U32, .enums = &cake_atm_names },
	[5] = { "flow_mode", NLA_KIND_U32, .enums = &cake_flow_names },
	[6] = { "overhead", NLA_KIND_S32 },
	[7] = { "rtt", NLA_KIND_U32 },
	[8] = { "target", NLA_KIND_U32 },
	[9] = { "autorate", NLA_KIND_U32 },
	[10] = { "memory", NLA_KIND_U32 },
	[11] = { "nat", NLA_KIND_U32 },
	[12] = { "raw", NLA_KIND_U32 },
	[13] = { "wash", NLA_KIND_U32 },
	[14] = { "mpu", NLA_KIND_U32 },
	[15] = { "ingress", NLA_KIND_U32 },
	[16] = { "ack_filter", NLA_KIND_U32, .enums = &cake_ack_names },
	[17] = { "split_gso", NLA_KIND_U32 },
	[18] = { "fwmark", NLA_KIND_U32, .flags = NLAF_HEX },
};
static const struct nl_attr_set cake_set = NL_ATTR_SET("cake", cake_attrs);

/* cake's statistics are attributes (TCA_CAKE_STATS_*), one nest per tin */
static const struct nl_attr_pol cake_tin_attrs[] = {
	[1] = { "pad", NLA_KIND_PAD },
	[2] = { "sent_packets", NLA_KIND_U32 },
	[3] = { "sent_bytes64", NLA_KIND_U64 },
	[4] = { "dropped_packets", NLA_KIND_U32 },
	[5] = { "dropped_bytes64", NLA_KIND_U64 },
	[6] = { "acks_dropped_packets", NLA_KIND_U32 },
	[7] = { "acks_dropped_bytes64", NLA_KIND_U64 },
	[8] = { "ecn_marked_packets", NLA_KIND_U32 },
	[9] = { "ecn_marked_bytes64", NLA_KIND_U64 },
	[10] = { "backlog_packets", NLA_KIND_U32 },
	[11] = { "backlog_bytes", NLA_KIND_U32 },
	[12] = { "threshold_rate64", NLA_KIND_U64 },
	[13] = { "target_us", NLA_KIND_U32 },
	[14] = { "interval_us", NLA_KIND_U32 },
	[15] = { "way_indirect_hits", NLA_KIND_U32 },
	[16] = { "way_misses", NLA_KIND_U32 },
	[17] = { "way_collisions", NLA_KIND_U32 },
	[18] = { "peak_delay_us", NLA_KIND_U32 },
	[19] = { "avg_delay_us", NLA_KIND_U32 },
	[20] = { "base_delay_us", NLA_KIND_U32 },
	[21] = { "sparse_flows", NLA_KIND_U32 },
	[22] = { "bulk_flows", NLA_KIND_U32 },
	[23] = { "unresponsive_flows", NLA_KIND_U32 },
	[24] = { "max_skblen", NLA_KIND_U32 },
	[25] = { "flow_quantum", NLA_KIND_U32 },
};
static const struct nl_attr_set cake_tin_set = NL_ATTR_SET("cake_tin_stats", cake_tin_attrs);
static const struct nl_attr_pol cake_stats_attrs[] = {
	[1] = { "pad", NLA_KIND_PAD },
	[2] = { "capacity_estimate64", NLA_KIND_U64 },
	[3] = { "memory_limit", NLA_KIND_U32 },
	[4] = { "memory_used", NLA_KIND_U32 },
	[5] = { "avg_netoff", NLA_KIND_U32 },
	[6] = { "min_netlen", NLA_KIND_U32 },
	[7] = { "max_netlen", NLA_KIND_U32 },
	[8] = { "min_adjlen", NLA_KIND_U32 },
	[9] = { "max_adjlen", NLA_KIND_U32 },
	[10] = { "tin_stats", NLA_KIND_NESTED_ARRAY, .nest = &cake_tin_set },
	[11] = { "deficit", NLA_KIND_S32 },
	[12] = { "cobalt_count", NLA_KIND_U32 },
	[13] = { "dropping", NLA_KIND_U32 },
	[14] = { "drop_next_us", NLA_KIND_S32 },
	[15] = { "p_drop", NLA_KIND_U32 },
	[16] = { "blue_timer_us", NLA_KIND_S32 },
	[17] = { "active_queues", NLA_KIND_U32 },
};
static const struct nl_attr_set cake_stats_set = NL_ATTR_SET("cake_stats", cake_stats_attrs);

static const struct nl_attr_pol codel_attrs[] = {
	[1] = { "target", NLA_KIND_U32 },
	[2] = { "limit", NLA_KIND_U32 },
	[3] = { "interval", NLA_KIND_U32 },
	[4] = { "ecn", NLA_KIND_U32 },
	[5] = { "ce_threshold", NLA_KIND_U32 },
};
static const struct nl_attr_set codel_set = NL_ATTR_SET("codel", codel_attrs);

static const struct nl_attr_pol pie_attrs[] = {
	[1] = { "target", NLA_KIND_U32 },
	[2] = { "limit", NLA_KIND_U32 },
	[3] = { "tupdate", NLA_KIND_U32 },
	[4] = { "alpha", NLA_KIND_U32 },
	[5] = { "beta", NLA_KIND_U32 },
	[6] = { "ecn", NLA_KIND_U32 },
	[7] = { "bytemode", NLA_KIND_U32 },
	[8] = { "dq_rate_estimator", NLA_KIND_U32 },
};
static const struct nl_attr_set pie_set = NL_ATTR_SET("pie", pie_attrs);

static const struct nl_attr_pol fq_pie_attrs[] = {
	[1] = { "limit", NLA_KIND_U32 },
	[2] = { "flows", NLA_KIND_U32 },
	[3] = { "target", NLA_KIND_U32 },
	[4] = { "tupdate", NLA_KIND_U32 },
	[5] = { "alpha", NLA_KIND_U32 },
	[6] = { "beta", NLA_KIND_U32 },
	[7] = { "quantum", NLA_KIND_U32 },
	[8] = { "memory_limit", NLA_KIND_U32 },
	[9] = { "ecn_prob", NLA_KIND_U32 },
	[10] = { "ecn", NLA_KIND_U32 },
	[11] = { "bytemode", NLA_KIND_U32 },
	[12] = { "dq_rate_estimator", NLA_KIND_U32 },
};
static const struct nl_attr_set fq_pie_set = NL_ATTR_SET("fq_pie", fq_pie_attrs);

static const struct nl_attr_pol hhf_attrs[] = {
	[1] = { "backlog_limit", NLA_KIND_U32 },
	[2] = { "quantum", NLA_KIND_U32 },
	[3] = { "hh_flows_limit", NLA_KIND_U32 },
	[4] = { "reset_timeout", NLA_KIND_U32 },
	[5] = { "admit_bytes", NLA_KIND_U32 },
	[6] = { "evict_timeout", NLA_KIND_U32 },
	[7] = { "non_hh_weight", NLA_KIND_U32 },
};
static const struct nl_attr_set hhf_set = NL_ATTR_SET("hhf", hhf_attrs);

static const struct nl_attr_pol sfb_qopt_f[] = {
	{ "rehash_interval", NLA_KIND_U32 }, { "warmup_time", NLA_KIND_U32 },
	{ "max", NLA_KIND_U32 }, { "bin_size", NLA_KIND_U32 }, { "increment", NLA_KIND_U32 },
	{ "decrement", NLA_KIND_U32 }, { "limit", NLA_KIND_U32 },
	{ "penalty_rate", NLA_KIND_U32 }, { "penalty_burst", NLA_KIND_U32 },
};
static const struct nl_struct sfb_qopt_st = NL_STRUCT("tc_sfb_qopt", sfb_qopt_f, 36);
static const struct nl_attr_pol sfb_attrs[] = {
	[1] = { "parms", NLA_KIND_STRUCT, .st = &sfb_qopt_st },
};
static const struct nl_attr_set sfb_set = NL_ATTR_SET("sfb", sfb_attrs);

static const struct nl_attr_pol ets_band_attrs[] = {
	[4] = { "quanta_band", NLA_KIND_U32 },
	[6] = { "priomap_band", NLA_KIND_U8 },
};
static const struct nl_attr_set ets_band_set = NL_ATTR_SET("ets_bands", ets_band_attrs);
static const struct nl_attr_pol ets_attrs[] = {
	[1] = { "nbands", NLA_KIND_U8 },
	[2] = { "nstrict", NLA_KIND_U8 },
	[3] = { "quanta", NLA_KIND_NESTED, .nest = &ets_band_set },
	[4] = { "quanta_band", NLA_KIND_U32 },
	[5] = { "priomap", NLA_KIND_NESTED, .nest = &ets_band_set },
	[6] = { "priomap_band", NLA_KIND_U8 },
};
static const struct nl_attr_set ets_set = NL_ATTR_SET("ets", ets_attrs);

static const struct nl_attr_pol drr_attrs[] = {
	[1] = { "quantum", NLA_KIND_U32 },
};
static const struct nl_attr_set drr_set = NL_ATTR_SET("drr", drr_attrs);
static const struct nl_attr_pol qfq_attrs[] = {
	[1] = { "weight", NLA_KIND_U32 },
	[2] = { "lmax", NLA_KIND_U32 },
};
static const struct nl_attr_set qfq_set = NL_ATTR_SET("qfq", qfq_attrs);

static const struct nl_attr_pol cbs_qopt_f[] = {
	{ "offload", NLA_KIND_U8 }, { "pad", NLA_KIND_PAD, .len = 3 },
	{ "hicredit", NLA_KIND_S32 }, { "locredit", NLA_KIND_S32 },
	{ "idleslope", NLA_KIND_S32 }, { "sendslope", NLA_KIND_S32 },
};
static const struct nl_struct cbs_qopt_st = NL_STRUCT("tc_cbs_qopt", cbs_qopt_f, 20);
static const struct nl_attr_pol cbs_attrs[] = {
	[1] = { "parms", NLA_KIND_STRUCT, .st = &cbs_qopt_st },
};
static const struct nl_attr_set cbs_set = NL_ATTR_SET("cbs", cbs_attrs);

static const char *const etf_flag_v[] = { "deadline_mode", "offload", "skip_sock_check" };
static const struct nl_names etf_flag_bits = NL_NAMES(etf_flag_v);
static const struct nl_attr_pol etf_qopt_f[] = {
	{ "delta", NLA_KIND_S32 }, { "clockid", NLA_KIND_S32 },
	{ "flags", NLA_KIND_U32, .bits = &etf_flag_bits },
};
static const struct nl_struct etf_qopt_st = NL_STRUCT("tc_etf_qopt", etf_qopt_f, 12);
static const struct nl_attr_pol etf_attrs[] = {
	[1] = { "parms", NLA_KIND_STRUCT, .st = &etf_qopt_st },
};
static const struct nl_attr_set etf_set = NL_ATTR_SET("etf", etf_attrs);

static const struct nl_attr_pol skbprio_f[] = { { "limit", NLA_KIND_U32 } };
static const struct nl_struct skbprio_st = NL_STRUCT("tc_skbprio_qopt", skbprio_f, 4);
static const struct nl_attr_pol multiq_f[] = { { "bands", NLA_KIND_U16 }, { "max_bands", NLA_KIND_U16 } };
static const struct nl_struct multiq_st = NL_STRUCT("tc_multiq_qopt", multiq_f, 4);
static const char *const plug_action_v[] = { "buffer", "release_one", "release_indefinite", "limit" };
static const struct nl_names plug_action_names = NL_NAMES(plug_action_v);
static const struct nl_attr_pol plug_f[] = {
	{ "action", NLA_KIND_S32, .enums = &plug_action_names }, { "limit", NLA_KIND_U32 },
};
static const struct nl_struct plug_st = NL_STRUCT("tc_plug_qopt", plug_f, 8);

static const struct nl_attr_pol empty_attrs[] = { [0] = { NULL, 0 } };
static const struct nl_attr_set empty_set = NL_ATTR_SET("none", empty_attrs);

/* ---- xstats (TCA_XSTATS, TCA_STATS_APP) ---- */

static const char *const fq_codel_xstats_type_v[] = { "qdisc", "class" };
static const struct nl_names fq_codel_xstats_types = NL_NAMES(fq_codel_xstats_type_v);
static const struct nl_attr_pol fq_codel_qd_xstats_f[] = {
	{ "type", NLA_KIND_U32, .enums = &fq_codel_xstats_types },
	{ "maxpacket", NLA_KIND_U32 }, { "drop_overlimit", NLA_KIND_U32 },
	{ "ecn_mark", NLA_KIND_U32 }, { "new_flow_count", NLA_KIND_U32 },
	{ "new_flows_len", NLA_KIND_U32 }, { "old_flows_len", NLA_KIND_U32 },
	{ "ce_mark", NLA_KIND_U32 }, { "memory_usage", NLA_KIND_U32 },
	{ "drop_overmemory", NLA_KIND_U32 },
};
static const struct nl_struct fq_codel_qd_xstats_st = { "tc_fq_codel_xstats", fq_codel_qd_xstats_f,
	ARRAY_SIZE(fq_codel_qd_xstats_f), 40, 24 };
static const struct nl_attr_pol fq_codel_cl_xstats_f[] = {
	{ "type", NLA_KIND_U32, .enums = &fq_codel_xstats_types },
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

static const struct nl_attr_pol fq_codel_xstats_alts[] = {
	{ "type 0 (qdisc)", NLA_KIND_STRUCT, .st = &fq_codel_qd_xstats_st },
	{ "type 1 (class)", NLA_KIND_STRUCT, .st = &fq_codel_cl_xstats_st },
};
static const struct nl_shape fq_codel_xstats_shape = NL_SHAPE_ALTS(fq_codel_xstats_alts);

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

static const struct nl_attr_pol red_xstats_f[] = {
	{ "early", NLA_KIND_U32 }, { "pdrop", NLA_KIND_U32 }, { "other", NLA_KIND_U32 },
	{ "marked", NLA_KIND_U32 },
};
static const struct nl_struct red_xstats_st = NL_STRUCT("tc_red_xstats", red_xstats_f, 16);
static const struct nl_attr_pol choke_xstats_f[] = {
	{ "early", NLA_KIND_U32 }, { "pdrop", NLA_KIND_U32 }, { "other", NLA_KIND_U32 },
	{ "marked", NLA_KIND_U32 }, { "matched", NLA_KIND_U32 },
};
static const struct nl_struct choke_xstats_st = NL_STRUCT("tc_choke_xstats", choke_xstats_f, 20);
static const struct nl_attr_pol codel_xstats_f[] = {
	{ "maxpacket", NLA_KIND_U32 }, { "count", NLA_KIND_U32 }, { "lastcount", NLA_KIND_U32 },
	{ "ldelay", NLA_KIND_U32 }, { "drop_next", NLA_KIND_S32 },
	{ "drop_overlimit", NLA_KIND_U32 }, { "ecn_mark", NLA_KIND_U32 },
	{ "dropping", NLA_KIND_U32 }, { "ce_mark", NLA_KIND_U32 },
};
static const struct nl_struct codel_xstats_st = NL_STRUCT("tc_codel_xstats", codel_xstats_f, 36);
static const struct nl_attr_pol pie_xstats_f[] = {
	{ "prob", NLA_KIND_U64 }, { "delay", NLA_KIND_U32 }, { "avg_dq_rate", NLA_KIND_U32 },
	{ "dq_rate_estimating", NLA_KIND_U32 }, { "packets_in", NLA_KIND_U32 },
	{ "dropped", NLA_KIND_U32 }, { "overlimit", NLA_KIND_U32 }, { "maxq", NLA_KIND_U32 },
	{ "ecn_mark", NLA_KIND_U32 },
};
static const struct nl_struct pie_xstats_st = NL_STRUCT("tc_pie_xstats", pie_xstats_f, 40);
static const struct nl_attr_pol fq_pie_xstats_f[] = {
	{ "packets_in", NLA_KIND_U32 }, { "dropped", NLA_KIND_U32 }, { "overlimit", NLA_KIND_U32 },
	{ "overmemory", NLA_KIND_U32 }, { "ecn_mark", NLA_KIND_U32 },
	{ "new_flow_count", NLA_KIND_U32 }, { "new_flows_len", NLA_KIND_U32 },
	{ "old_flows_len", NLA_KIND_U32 }, { "memory_usage", NLA_KIND_U32 },
};
static const struct nl_struct fq_pie_xstats_st = NL_STRUCT("tc_fq_pie_xstats", fq_pie_xstats_f, 36);
static const struct nl_attr_pol hhf_xstats_f[] = {
	{ "drop_overlimit", NLA_KIND_U32 }, { "hh_overlimit", NLA_KIND_U32 },
	{ "hh_tot_count", NLA_KIND_U32 }, { "hh_cur_count", NLA_KIND_U32 },
};
static const struct nl_struct hhf_xstats_st = NL_STRUCT("tc_hhf_xstats", hhf_xstats_f, 16);
static const struct nl_attr_pol sfb_xstats_f[] = {
	{ "earlydrop", NLA_KIND_U32 }, { "penaltydrop", NLA_KIND_U32 },
	{ "bucketdrop", NLA_KIND_U32 }, { "queuedrop", NLA_KIND_U32 },
	{ "childdrop", NLA_KIND_U32 }, { "marked", NLA_KIND_U32 }, { "maxqlen", NLA_KIND_U32 },
	{ "maxprob", NLA_KIND_U32 }, { "avgprob", NLA_KIND_U32 },
};
static const struct nl_struct sfb_xstats_st = NL_STRUCT("tc_sfb_xstats", sfb_xstats_f, 36);
/* sfq and drr: class statistics */
static const struct nl_attr_pol sfq_xstats_f[] = { { "allot", NLA_KIND_S32 } };
static const struct nl_struct sfq_xstats_st = NL_STRUCT("tc_sfq_xstats", sfq_xstats_f, 4);
static const struct nl_attr_pol drr_xstats_f[] = { { "deficit", NLA_KIND_U32 } };
static const struct nl_struct drr_xstats_st = NL_STRUCT("tc_drr_stats", drr_xstats_f, 4);
static const struct nl_attr_pol qfq_xstats_f[] = { { "weight", NLA_KIND_U32 }, { "lmax", NLA_KIND_U32 } };
static const struct nl_struct qfq_xstats_st = NL_STRUCT("tc_qfq_stats", qfq_xstats_f, 8);
/* fq: struct tc_fq_qd_stats grew (fastpath and bands in 6.7): older
 * kernels' shorter layouts are read as far as they go */
static const struct nl_attr_pol fq_xstats_f[] = {
	{ "gc_flows", NLA_KIND_U64 }, { "highprio_packets", NLA_KIND_U64 },
	{ "tcp_retrans", NLA_KIND_U64 }, { "throttled", NLA_KIND_U64 },
	{ "flows_plimit", NLA_KIND_U64 }, { "pkts_too_long", NLA_KIND_U64 },
	{ "allocation_errors", NLA_KIND_U64 }, { "time_next_delayed_flow", NLA_KIND_S64 },
	{ "flows", NLA_KIND_U32 }, { "inactive_flows", NLA_KIND_U32 },
	{ "throttled_flows", NLA_KIND_U32 }, { "unthrottle_latency_ns", NLA_KIND_U32 },
	{ "ce_mark", NLA_KIND_U64 }, { "horizon_drops", NLA_KIND_U64 },
	{ "horizon_caps", NLA_KIND_U64 }, { "fastpath_packets", NLA_KIND_U64 },
	{ "band_drops_0", NLA_KIND_U64 }, { "band_drops_1", NLA_KIND_U64 },
	{ "band_drops_2", NLA_KIND_U64 },
	{ "band_pkt_count_0", NLA_KIND_U32 }, { "band_pkt_count_1", NLA_KIND_U32 },
	{ "band_pkt_count_2", NLA_KIND_U32 }, { "pad", NLA_KIND_PAD, .len = 4 },
};
static const struct nl_struct fq_xstats_st = { "tc_fq_qd_stats", fq_xstats_f,
	ARRAY_SIZE(fq_xstats_f), 152, 80 };

#define XSTATS_STRUCT(layout) { "xstats", NLA_KIND_STRUCT, .st = (layout) }
static const struct nl_attr_pol htb_xstats = XSTATS_STRUCT(&htb_xstats_st);
static const struct nl_attr_pol red_xstats = XSTATS_STRUCT(&red_xstats_st);
static const struct nl_attr_pol choke_xstats = XSTATS_STRUCT(&choke_xstats_st);
static const struct nl_attr_pol codel_xstats = XSTATS_STRUCT(&codel_xstats_st);
static const struct nl_attr_pol pie_xstats = XSTATS_STRUCT(&pie_xstats_st);
static const struct nl_attr_pol fq_pie_xstats = XSTATS_STRUCT(&fq_pie_xstats_st);
static const struct nl_attr_pol hhf_xstats = XSTATS_STRUCT(&hhf_xstats_st);
static const struct nl_attr_pol sfb_xstats = XSTATS_STRUCT(&sfb_xstats_st);
static const struct nl_attr_pol sfq_xstats = XSTATS_STRUCT(&sfq_xstats_st);
static const struct nl_attr_pol drr_xstats = XSTATS_STRUCT(&drr_xstats_st);
static const struct nl_attr_pol qfq_xstats = XSTATS_STRUCT(&qfq_xstats_st);
static const struct nl_attr_pol fq_xstats = XSTATS_STRUCT(&fq_xstats_st);
static const struct nl_attr_pol cake_xstats = { "xstats", NLA_KIND_NESTED, .nest = &cake_stats_set };
static const struct nl_attr_pol fq_codel_xstats = { "xstats", NLA_KIND_CB, .cb = cb_fq_codel_xstats,
	.shape = &fq_codel_xstats_shape };

const struct tc_kind tc_qdisc_kinds[] = {
	{ "pfifo_fast", NULL, &prio_st, false, NULL },
	{ "prio", NULL, &prio_st, false, NULL },
	{ "pfifo", NULL, &fifo_st, false, NULL },
	{ "bfifo", NULL, &fifo_st, false, NULL },
	{ "pfifo_head_drop", NULL, &fifo_st, false, NULL },
	{ "fq_codel", &fq_codel_set, NULL, false, &fq_codel_xstats },
	{ "fq", &fq_set, NULL, false, &fq_xstats },
	{ "htb", &htb_set, NULL, false, &htb_xstats },
	{ "tbf", &tbf_set, NULL, false, NULL },
	{ "netem", &netem_set, &netem_qopt_st, true, NULL },
	{ "sfq", NULL, &sfq_st, false, &sfq_xstats },
	{ "red", &red_set, NULL, false, &red_xstats },
	{ "choke", &choke_set, NULL, false, &choke_xstats },
	{ "cake", &cake_set, NULL, false, &cake_xstats },
	{ "codel", &codel_set, NULL, false, &codel_xstats },
	{ "pie", &pie_set, NULL, false, &pie_xstats },
	{ "fq_pie", &fq_pie_set, NULL, false, &fq_pie_xstats },
	{ "hhf", &hhf_set, NULL, false, &hhf_xstats },
	{ "sfb", &sfb_set, NULL, false, &sfb_xstats },
	{ "ets", &ets_set, NULL, false, NULL },
	{ "drr", &drr_set, NULL, false, &drr_xstats },
	{ "qfq", &qfq_set, NULL, false, &qfq_xstats },
	{ "cbs", &cbs_set, NULL, false, NULL },
	{ "etf", &etf_set, NULL, false, NULL },
	{ "skbprio", NULL, &skbprio_st, false, NULL },
	{ "multiq", NULL, &multiq_st, false, NULL },
	{ "plug", NULL, &plug_st, false, NULL },
	{ "ingress", &empty_set, NULL, false, NULL },
	{ "clsact", &empty_set, NULL, false, NULL },
	{ "noqueue", &empty_set, NULL, false, NULL },
	{ "mq", &empty_set, NULL, false, NULL },
};
const size_t tc_n_qdisc_kinds = ARRAY_SIZE(tc_qdisc_kinds);
