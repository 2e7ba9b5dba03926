/* nlctrl.c - the generic netlink controller family (id 0x10): family
 * lookups and dumps, multicast group notifications, policy dumps.
 *
 * Reference: include/uapi/linux/genetlink.h (CTRL_CMD_*, CTRL_ATTR_*,
 * CTRL_ATTR_OP_*, CTRL_ATTR_MCAST_GRP_*, CTRL_ATTR_POLICY_*, GENL_* op
 * flags) and include/uapi/linux/netlink.h (NL_POLICY_TYPE_ATTR_*).
 */
#include <stdio.h>
#include <string.h>

#include "dissect.h"

#define NLM_F_REQUEST 0x01
#define NLA_TYPE_MASK 0x3fff

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

enum {
	CS_FAMILY_NAME, CS_FAMILY_ID, CS_OP, CS_VERSION, CS_HDRSIZE, CS_MAXATTR,
	CS_OPS, CS_MCAST_GROUPS, CS_POLICY, CS_OP_POLICY,
};

static const struct nl_sum_field ctrl_sum_fields[] = {
	[CS_FAMILY_NAME] = NL_SUM_ATTR(&ctrl_set, "family_name"),
	[CS_FAMILY_ID] = NL_SUM_ATTR(&ctrl_set, "family_id"),
	[CS_OP] = NL_SUM_ATTR(&ctrl_set, "op"),
	[CS_VERSION] = NL_SUM_ATTR(&ctrl_set, "version"),
	[CS_HDRSIZE] = NL_SUM_ATTR(&ctrl_set, "hdrsize"),
	[CS_MAXATTR] = NL_SUM_ATTR(&ctrl_set, "maxattr"),
	[CS_OPS] = NL_SUM_ATTR(&ctrl_set, "ops"),
	[CS_MCAST_GROUPS] = NL_SUM_ATTR(&ctrl_set, "mcast_groups"),
	[CS_POLICY] = NL_SUM_ATTR(&ctrl_set, "policy"),
	[CS_OP_POLICY] = NL_SUM_ATTR(&ctrl_set, "op_policy"),
};

static bool is_request(const struct dctx *d)
{
	return d->nl_flags & NLM_F_REQUEST;
}

/* "devlink id 0x15" (a request: "name devlink id 0x15 op 3") */
static void sum_head(struct dctx *d, const struct nl_sum_vals *v)
{
	const uint8_t *s;
	size_t n;
	struct nlc a;
	uint32_t op;

	if (nl_sum_str(v, CS_FAMILY_NAME, &s, &n)) {
		emit_sum(d->e, " %s", is_request(d) ? "name " : "");
		emit_sum_str(d->e, s, n);
	}
	if (nl_sum_get(v, CS_FAMILY_ID, &a) && nlc_left(&a) == 2) {
		uint16_t id = nlc_u16(&a);
		if (nlc_ok(&a))
			emit_sum(d->e, " id 0x%x", id);
	}
	if (is_request(d) && nl_sum_u32(v, CS_OP, &op))
		emit_sum(d->e, " op %u", op);
}

/* a string attribute named name in the attributes at c */
static bool str_named(const struct nlc *c, const struct nl_attr_set *set, const char *name,
		      const uint8_t **p, size_t *n)
{
	struct nlc a;

	return nl_sum_find_named(c, set, name, &a) && nlc_cstr(&a, p, n);
}

static bool u32_named(const struct nlc *c, const struct nl_attr_set *set, const char *name,
		      uint32_t *out)
{
	struct nlc a;

	if (!nl_sum_find_named(c, set, name, &a) || nlc_left(&a) != 4)
		return false;
	*out = nlc_u32(&a);
	return nlc_ok(&a);
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

/* a reply: " v1 hdrsize 0 maxattr 176 ops 56 groups config,..." and the
 * first policy and op policy of a policy dump ("policy 0 attr 1 u16",
 * "op 3 do 0 dump 1") */
static void sum_reply(struct dctx *d, const struct nl_sum_vals *v)
{
	struct nlc a, one, attr;
	uint16_t t, idx, atype;
	uint32_t x;

	if (is_request(d))
		return;
	if (nl_sum_u32(v, CS_VERSION, &x))
		emit_sum(d->e, " v%u", x);
	if (nl_sum_u32(v, CS_HDRSIZE, &x))
		emit_sum(d->e, " hdrsize %u", x);
	if (nl_sum_u32(v, CS_MAXATTR, &x))
		emit_sum(d->e, " maxattr %u", x);
	if (nl_sum_get(v, CS_OPS, &a))
		emit_sum(d->e, " ops %u", count_elems(a));
	if (nl_sum_get(v, CS_MCAST_GROUPS, &a)) {
		bool first = true;
		while (nlc_left(&a) >= 4 && nla_next(&a, &t, &one)) {
			const uint8_t *s;
			size_t n;
			if (!str_named(&one, &grp_set, "name", &s, &n))
				continue;
			emit_sum(d->e, first ? " groups " : ",");
			emit_sum_str(d->e, s, n);
			first = false;
		}
	}
	if (nl_sum_get(v, CS_POLICY, &a) && nlc_left(&a) >= 4 && nla_next(&a, &idx, &one)) {
		emit_sum(d->e, " policy %u", idx);
		if (nlc_left(&one) >= 4 && nla_next(&one, &atype, &attr)) {
			emit_sum(d->e, " attr %u", atype);
			if (u32_named(&attr, &nl_policy_type_set, "type", &x)) {
				const char *tn = nl_name(&nl_attr_type_names, x);
				if (tn && !d->numeric)
					emit_sum(d->e, " %s", tn);
				else
					emit_sum(d->e, " type %u", x);
			}
		}
	}
	if (nl_sum_get(v, CS_OP_POLICY, &a) && nlc_left(&a) >= 4 && nla_next(&a, &idx, &one)) {
		emit_sum(d->e, " op %u", idx);
		if (u32_named(&one, &op_policy_set, "do", &x))
			emit_sum(d->e, " do %u", x);
		if (u32_named(&one, &op_policy_set, "dump", &x))
			emit_sum(d->e, " dump %u", x);
	}
}

static const struct nl_sum_part ctrl_sum_parts[] = {
	NLS_CALL(sum_head),
	NLS_CALL(sum_reply),
};

static const struct nl_summary ctrl_summary = NL_SUMMARY(ctrl_sum_fields, ctrl_sum_parts);

static const struct nl_msgdef ctrl_cmds[] = {
	[1] = { "NEWFAMILY", NLRK_NEW, NULL, &ctrl_set, .sum = &ctrl_summary },
	[2] = { "DELFAMILY", NLRK_DEL, NULL, &ctrl_set, .sum = &ctrl_summary },
	[3] = { "GETFAMILY", NLRK_GET, NULL, &ctrl_set, .sum = &ctrl_summary },
	[4] = { "NEWOPS", NLRK_NEW, NULL, &ctrl_set, .sum = &ctrl_summary },
	[5] = { "DELOPS", NLRK_DEL, NULL, &ctrl_set, .sum = &ctrl_summary },
	[6] = { "GETOPS", NLRK_GET, NULL, &ctrl_set, .sum = &ctrl_summary },
	[7] = { "NEWMCAST_GRP", NLRK_NEW, NULL, &ctrl_set, .sum = &ctrl_summary },
	[8] = { "DELMCAST_GRP", NLRK_DEL, NULL, &ctrl_set, .sum = &ctrl_summary },
	[9] = { "GETMCAST_GRP", NLRK_GET, NULL, &ctrl_set, .sum = &ctrl_summary },
	[10] = { "GETPOLICY", NLRK_GET, NULL, &ctrl_set, .sum = &ctrl_summary },
};

/* CTRL_CMD_UNSPEC and commands past GETPOLICY: "cmd N", attributes by the
 * same table */
static const struct nl_msgdef ctrl_dflt = { NULL, NLRK_NONE, NULL, &ctrl_set };

const struct nl_dissector nlctrl_dissector = {
	.name = "nlctrl",
	.proto = -1,
	.genl_family = "nlctrl",
	.msgs = ctrl_cmds,
	.nmsgs = ARRAY_SIZE(ctrl_cmds),
	.dflt = &ctrl_dflt,
};
