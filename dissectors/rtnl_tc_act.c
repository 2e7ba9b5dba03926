/* rtnl_tc_act.c - the options of tc actions, by TCA_ACT_KIND (tables only;
 * rtnl_tc.c chooses among them).
 *
 * Reference: include/uapi/linux/tc_act/ (Linux 7.2).
 */
#include "rtnl_tc.h"

static const struct nl_attr_pol tc_gact_f[] = { TC_GEN_FIELDS };
static const struct nl_struct tc_gact_st = NL_STRUCT("tc_gact", tc_gact_f, 20);
static const char *const gact_ptype_v[] = { "none", "netrand", "determ" };
static const struct nl_names gact_ptype_names = NL_NAMES(gact_ptype_v);
static const struct nl_attr_pol gact_p_f[] = {
	{ "ptype", NLA_KIND_U16, .enums = &gact_ptype_names }, { "pval", NLA_KIND_U16 },
	{ "paction", NLA_KIND_CB, .len = 4, .cb = tc_cb_action },
};
static const struct nl_struct gact_p_st = NL_STRUCT("tc_gact_p", gact_p_f, 8);
static const struct nl_attr_pol gact_attrs[] = {
	[1] = { "tm", NLA_KIND_STRUCT, .st = &tc_tcf_t_st },
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
	TC_GEN_FIELDS,
	{ "eaction", NLA_KIND_S32, .enums = &mirred_eaction_names },
	{ "ifindex", NLA_KIND_U32 },
};
static const struct nl_struct tc_mirred_st = NL_STRUCT("tc_mirred", tc_mirred_f, 28);
static const struct nl_attr_pol mirred_attrs[] = {
	[1] = { "tm", NLA_KIND_STRUCT, .st = &tc_tcf_t_st },
	[2] = { "parms", NLA_KIND_STRUCT, .st = &tc_mirred_st },
	[3] = { "pad", NLA_KIND_PAD },
	[4] = { "blockid", NLA_KIND_U32 },
};
static const struct nl_attr_set mirred_set = NL_ATTR_SET("mirred", mirred_attrs);

const struct tc_kind tc_act_kinds[] = {
	{ "gact", &gact_set, NULL, false, NULL },
	{ "mirred", &mirred_set, NULL, false, NULL },
};
const size_t tc_n_act_kinds = ARRAY_SIZE(tc_act_kinds);
