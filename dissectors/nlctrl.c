/* nlctrl.c - the generic netlink controller family (id 0x10): family
 * lookups and dumps, multicast group notifications, policy dumps.
 *
 * Reference: include/uapi/linux/genetlink.h (CTRL_CMD_*, CTRL_ATTR_*,
 * CTRL_ATTR_OP_*, CTRL_ATTR_MCAST_GRP_*, CTRL_ATTR_POLICY_*, GENL_* op
 * flags) and include/uapi/linux/netlink.h (NL_POLICY_TYPE_ATTR_*).
 */
#include <stdio.h>

#include "dissect.h"

#define NLM_F_REQUEST 0x01
#define NLA_TYPE_MASK 0x3fff

/* attribute types used by the summary */
enum {
	A_FAMILY_ID = 1,
	A_FAMILY_NAME = 2,
	A_VERSION = 3,
	A_HDRSIZE = 4,
	A_MAXATTR = 5,
	A_OPS = 6,
	A_MCAST_GROUPS = 7,
	A_POLICY = 8,
	A_OP_POLICY = 9,
	A_OP = 10,
	A_GRP_NAME = 1,
	A_GRP_ID = 2,
	A_POLICY_DO = 1,
	A_POLICY_DUMP = 2,
};

/* GENL_ADMIN_PERM 0x01, GENL_CMD_CAP_DO 0x02, GENL_CMD_CAP_DUMP 0x04,
 * GENL_CMD_CAP_HASPOL 0x08, GENL_UNS_ADMIN_PERM 0x10 (by bit number) */
static const char *const op_flag_names[] = {
	[0] = "ADMIN_PERM",
	[1] = "CMD_CAP_DO",
	[2] = "CMD_CAP_DUMP",
	[3] = "CMD_CAP_HASPOL",
	[4] = "UNS_ADMIN_PERM",
};
static const struct nl_names op_flags = NL_NAMES(op_flag_names);

/* one element of CTRL_ATTR_OPS */
static const struct nl_attr_pol op_attrs[] = {
	[1] = { "id", NLA_KIND_U32 },
	[2] = { "flags", NLA_KIND_U32, .bits = &op_flags },
};
static const struct nl_attr_set op_set = NL_ATTR_SET("ctrl_op", op_attrs);

/* one element of CTRL_ATTR_MCAST_GROUPS */
static const struct nl_attr_pol grp_attrs[] = {
	[1] = { "name", NLA_KIND_NUL_STRING },
	[2] = { "id", NLA_KIND_U32 },
};
static const struct nl_attr_set grp_set = NL_ATTR_SET("ctrl_mcast_grp", grp_attrs);

/* one element of CTRL_ATTR_OP_POLICY (keyed by command id) */
static const struct nl_attr_pol op_policy_attrs[] = {
	[1] = { "do", NLA_KIND_U32 },
	[2] = { "dump", NLA_KIND_U32 },
};
static const struct nl_attr_set op_policy_set = NL_ATTR_SET("ctrl_op_policy", op_policy_attrs);

/*
 * CTRL_ATTR_POLICY: two index-keyed levels,
 *
 *   policy index (nested) -> attribute type (nested) -> NL_POLICY_TYPE_ATTR_*
 *
 * shown as a list of policies, each with its list of attributes:
 *   "policy": [{"index": 0, "attrs": [{"index": 1, "type": "u16"}, ...]}]
 */
/* The shape check: every level is well-formed TLVs, so a bad one makes the
 * walker show hex before anything is emitted. */
static bool policy_shape_ok(struct nlc c)
{
	while (nlc_left(&c)) {
		uint16_t t;
		struct nlc pol;
		if (nlc_left(&c) < 4 || !nla_next(&c, &t, &pol))
			return false;
		while (nlc_left(&pol)) {
			struct nlc attr;
			if (nlc_left(&pol) < 4 || !nla_next(&pol, &t, &attr))
				return false;
		}
	}
	return true;
}

static bool policy_cb(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		      struct nlc *c)
{
	struct emitter *e = d->e;
	(void)pol;

	if (!policy_shape_ok(*c) || d->depth + 3 > NL_MAX_DEPTH)
		return false;
	emit_list_begin(e, key);
	d->depth++;
	while (nlc_left(c)) {
		uint16_t pidx, atype;
		struct nlc one, attr;
		if (!nla_next(c, &pidx, &one))
			break;
		emit_item_begin(e, pidx);
		emit_list_begin(e, "attrs");
		d->depth++;
		while (nlc_left(&one) && nla_next(&one, &atype, &attr)) {
			emit_item_begin(e, atype);
			d->depth++;
			nla_walk(d, &attr, &nl_policy_type_set);
			d->depth--;
			emit_obj_end(e);
		}
		d->depth--;
		emit_list_end(e);
		emit_obj_end(e);
	}
	d->depth--;
	emit_list_end(e);
	return true;
}

/* the shape of policy_cb, for the field registry: a list of policies,
 * each a list of attributes described by NL_POLICY_TYPE_ATTR_* */
static const struct nl_attr_pol policy_members[] = {
	{ "index", NLA_KIND_U32 },
	{ "attrs", NLA_KIND_NESTED_ARRAY, .nest = &nl_policy_type_set },
};
static const struct nl_shape policy_shape = NL_SHAPE_OBJ(policy_members);

static const struct nl_attr_pol ctrl_attrs[] = {
	[1] = { "family_id", NLA_KIND_U16, .flags = NLAF_HEX },
	[2] = { "family_name", NLA_KIND_NUL_STRING },
	[3] = { "version", NLA_KIND_U32 },
	[4] = { "hdrsize", NLA_KIND_U32 },
	[5] = { "maxattr", NLA_KIND_U32 },
	[6] = { "ops", NLA_KIND_NESTED_ARRAY, .nest = &op_set },
	[7] = { "mcast_groups", NLA_KIND_NESTED_ARRAY, .nest = &grp_set },
	[8] = { "policy", NLA_KIND_CB, .cb = policy_cb, .shape = &policy_shape },
	[9] = { "op_policy", NLA_KIND_NESTED_ARRAY, .nest = &op_policy_set },
	[10] = { "op", NLA_KIND_U32 },
};
static const struct nl_attr_set ctrl_set = NL_ATTR_SET("ctrl", ctrl_attrs);

/* ---- the one-line summary ---- */

static void sum_name(struct dctx *d, const struct nlc *p, const char *label)
{
	const uint8_t *s;
	size_t n;

	if (!nla_find_str(d->st, p, A_FAMILY_NAME, &s, &n))
		return;
	emit_sum(d->e, " %s", label);
	emit_sum_str(d->e, s, n);
}

static void sum_id(struct dctx *d, const struct nlc *p)
{
	struct nlc a;

	if (nla_find(d->st, p, A_FAMILY_ID, &a) && nlc_left(&a) == 2) {
		uint16_t id = nlc_u16(&a);
		if (nlc_ok(&a))
			emit_sum(d->e, " id 0x%x", id);
	}
}

static unsigned count_elems(struct nlc c)
{
	unsigned n = 0;
	uint16_t t;
	struct nlc sub;

	while (nlc_left(&c) >= 4 && nla_next(&c, &t, &sub))
		n++;
	return n;
}

static void sum_groups(struct dctx *d, const struct nlc *p)
{
	struct nlc g, one;
	uint16_t t;
	bool first = true;

	if (!nla_find(d->st, p, A_MCAST_GROUPS, &g))
		return;
	while (nlc_left(&g) >= 4 && nla_next(&g, &t, &one)) {
		const uint8_t *s;
		size_t n;
		if (!nla_find_str(d->st, &one, A_GRP_NAME, &s, &n))
			continue;
		emit_sum(d->e, first ? " groups " : ",");
		emit_sum_str(d->e, s, n);
		first = false;
	}
}

/* policy dump replies: "policy 0 attr 1 u16", "op 3 do 0 dump 1" */
static void sum_policy(struct dctx *d, const struct nlc *p)
{
	struct nlc a, one, attr;
	uint16_t idx, atype;
	uint32_t v;

	if (nla_find(d->st, p, A_POLICY, &a) && nlc_left(&a) >= 4 && nla_next(&a, &idx, &one)) {
		emit_sum(d->e, " policy %u", idx);
		if (nlc_left(&one) >= 4 && nla_next(&one, &atype, &attr)) {
			emit_sum(d->e, " attr %u", atype);
			if (nla_find_u32(d->st, &attr, 1, &v)) {
				const char *tn = nl_name(&nl_attr_type_names, v);
				if (tn && !d->numeric)
					emit_sum(d->e, " %s", tn);
				else
					emit_sum(d->e, " type %u", v);
			}
		}
	}
	if (nla_find(d->st, p, A_OP_POLICY, &a) && nlc_left(&a) >= 4 && nla_next(&a, &idx, &one)) {
		emit_sum(d->e, " op %u", idx);
		if (nla_find_u32(d->st, &one, A_POLICY_DO, &v))
			emit_sum(d->e, " do %u", v);
		if (nla_find_u32(d->st, &one, A_POLICY_DUMP, &v))
			emit_sum(d->e, " dump %u", v);
	}
}

static void ctrl_summary(struct dctx *d, struct nlc p)
{
	struct nlc a;
	uint32_t v;

	if (!emit_want_summary(d->e))
		return;
	if (d->nl_flags & NLM_F_REQUEST) {
		/* a request names what it asks for */
		sum_name(d, &p, "name ");
		sum_id(d, &p);
		if (nla_find_u32(d->st, &p, A_OP, &v))
			emit_sum(d->e, " op %u", v);
		return;
	}
	sum_name(d, &p, "");
	sum_id(d, &p);
	if (nla_find_u32(d->st, &p, A_VERSION, &v))
		emit_sum(d->e, " v%u", v);
	if (nla_find_u32(d->st, &p, A_HDRSIZE, &v))
		emit_sum(d->e, " hdrsize %u", v);
	if (nla_find_u32(d->st, &p, A_MAXATTR, &v))
		emit_sum(d->e, " maxattr %u", v);
	if (nla_find(d->st, &p, A_OPS, &a))
		emit_sum(d->e, " ops %u", count_elems(a));
	sum_groups(d, &p);
	sum_policy(d, &p);
}

static const struct nl_msgdef ctrl_cmds[] = {
	[1] = { "NEWFAMILY", NLRK_NEW, NULL, &ctrl_set, ctrl_summary },
	[2] = { "DELFAMILY", NLRK_DEL, NULL, &ctrl_set, ctrl_summary },
	[3] = { "GETFAMILY", NLRK_GET, NULL, &ctrl_set, ctrl_summary },
	[4] = { "NEWOPS", NLRK_NEW, NULL, &ctrl_set, ctrl_summary },
	[5] = { "DELOPS", NLRK_DEL, NULL, &ctrl_set, ctrl_summary },
	[6] = { "GETOPS", NLRK_GET, NULL, &ctrl_set, ctrl_summary },
	[7] = { "NEWMCAST_GRP", NLRK_NEW, NULL, &ctrl_set, ctrl_summary },
	[8] = { "DELMCAST_GRP", NLRK_DEL, NULL, &ctrl_set, ctrl_summary },
	[9] = { "GETMCAST_GRP", NLRK_GET, NULL, &ctrl_set, ctrl_summary },
	[10] = { "GETPOLICY", NLRK_GET, NULL, &ctrl_set, ctrl_summary },
};

/* CTRL_CMD_UNSPEC and commands past GETPOLICY: "cmd N", attributes by the
 * same table */
static const struct nl_msgdef ctrl_dflt = { NULL, NLRK_NONE, NULL, &ctrl_set, NULL };

const struct nl_dissector nlctrl_dissector = {
	.name = "nlctrl",
	.proto = -1,
	.genl_family = "nlctrl",
	.msgs = ctrl_cmds,
	.nmsgs = ARRAY_SIZE(ctrl_cmds),
	.dflt = &ctrl_dflt,
};
