/* rtnl_tc.h - traffic control, shared by rtnl_tc.c (struct tcmsg, TCA_*,
 * choosing a kind's tables) and the per-kind tables: rtnl_tc_qdisc.c
 * (qdiscs and classes), rtnl_tc_cls.c (classifiers, ematches),
 * rtnl_tc_act.c (actions). */
#ifndef NLDUMP_RTNL_TC_H
#define NLDUMP_RTNL_TC_H

#include "rtnl.h"

/* How one TCA_KIND / TCA_ACT_KIND decodes. */
struct tc_kind {
	const char *kind;
	const struct nl_attr_set *opts;	/* TCA_OPTIONS as attributes */
	const struct nl_struct *st;	/* TCA_OPTIONS as a struct (pfifo_fast...) */
	bool st_then_attrs;		/* netem: the struct, then attributes */
	const struct nl_attr_pol *xstats;	/* TCA_XSTATS and TCA_STATS_APP; NULL: hex */
};

extern const struct tc_kind tc_qdisc_kinds[], tc_cls_kinds[], tc_act_kinds[];
extern const size_t tc_n_qdisc_kinds, tc_n_cls_kinds, tc_n_act_kinds;

/* a handle or classid as tc shows it (1:10, root, none) */
bool tc_cb_handle(struct dctx *d, const struct nl_attr_pol *pol, const char *key, struct nlc *c);
/* their shapes, for the field registry */
extern const struct nl_shape tc_handle_shape, tc_verdict_shape;
/* a TC_ACT_* verdict (pass, drop, jump 2, goto chain 1) */
bool tc_cb_action(struct dctx *d, const struct nl_attr_pol *pol, const char *key, struct nlc *c);

extern const struct nl_struct tc_ratespec_st, tc_tcf_t_st;
extern const struct nl_attr_set tc_police_set, tc_act_set;

/* struct tc_gen, the head of every action's parameters */
#define TC_GEN_FIELDS \
	{ "index", NLA_KIND_U32 }, { "capab", NLA_KIND_U32 }, \
	{ "action", NLA_KIND_CB, .len = 4, .cb = tc_cb_action, .shape = &tc_verdict_shape }, \
	{ "refcnt", NLA_KIND_S32 }, { "bindcnt", NLA_KIND_S32 }
#define TC_GEN_SIZE 20

/* a filter's actions (TCA_*_ACT) */
#define TC_ACT_TAB(n) { n, NLA_KIND_NESTED_ARRAY, .nest = &tc_act_set }

#endif
