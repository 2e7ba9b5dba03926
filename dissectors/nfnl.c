/* nfnl.c - NETLINK_NETFILTER (nfnetlink): the message type as subsystem
 * and message, struct nfgenmsg, and each subsystem's messages from the
 * netlink-raw YNL specs (nftables.yaml, conntrack.yaml and those of
 * specs/extra), gathered per subsystem by the spec engine.
 *
 *   nlmsg_type: subsystem << 8 | message   (NFNL_SUBSYS_*, NFT_MSG_* ...)
 *
 *   0               1               2               3
 *   +---------------+---------------+-------------------------------+
 *   | nfgen_family  |    version    |        res_id (big endian)    |
 *   +---------------+---------------+-------------------------------+
 *   |  attributes ...                                               |
 *
 * A batch (NFNL_MSG_BATCH_BEGIN/END, types 16 and 17, subsystem 0) says
 * in res_id the subsystem it is for.
 *
 * Reference: include/uapi/linux/netfilter/nfnetlink.h,
 * include/uapi/linux/netfilter.h (NFPROTO_*), Linux 7.2.
 */
#include <stdio.h>

#include "dissect.h"
#include "nft_rule.h"
#include "spec.h"
#include "state.h"

#define NLM_F_REQUEST	1
#define NFGENMSG_LEN	4
#define NETLINK_NETFILTER 12
#define NFNL_MSG_BATCH_BEGIN 16
#define NFNL_MSG_BATCH_END 17

/* NFNL_SUBSYS_*: the names nldump shows (nftables as nft writes itself) */
static const char *const subsys_short[] = {
	[0] = "none", [1] = "ctnetlink", [2] = "ctnetlink_exp", [3] = "queue",
	[4] = "nflog", [5] = "osf", [6] = "ipset", [7] = "acct", [8] = "cttimeout",
	[9] = "cthelper", [10] = "nft", [11] = "nft_compat", [12] = "hook",
};
static const struct nl_names nfnl_subsys_names = NL_NAMES(subsys_short);

/* NFPROTO_* */
static const char *const nfproto[] = {
	[0] = "unspec", [1] = "inet", [2] = "ip", [3] = "arp", [5] = "netdev",
	[7] = "bridge", [10] = "ip6", [12] = "decnet",
};
static const struct nl_names nfproto_names = NL_NAMES(nfproto);

static const struct nl_attr_pol nfgenmsg_fields[] = {
	/* the family for a hook's name (NFPROTO_IPV4/IPV6 are AF_INET/INET6) */
	{ "nfgen_family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &nfproto_names },
	{ "version", NLA_KIND_U8 },
	{ "res_id", NLA_KIND_BE16 },
};
static const struct nl_struct nfgenmsg = {
	"nfgenmsg", nfgenmsg_fields, ARRAY_SIZE(nfgenmsg_fields), NFGENMSG_LEN, 0
};

/* a message no spec names: its header, its attributes by number */
static const struct nl_attr_pol no_attrs[1];
static const struct nl_attr_set unknown_set = { "nfnl", 0, no_attrs, 0 };
static const struct nl_msgdef nfnl_dflt = { NULL, NLRK_NONE, &nfgenmsg, &unknown_set,
					    NULL, NULL };

static const struct nl_dissector *sub_dis(struct nlstate *st, unsigned sub)
{
	return st->specs ? spec_reg_find_raw(st->specs, NETLINK_NETFILTER, sub) : NULL;
}

/* the definition of message msg of subsystem dissector sd */
static const struct nl_msgdef *nfnl_msgdef(const struct nl_dissector *sd, uint8_t msg,
					   uint16_t flags, bool mcast)
{
	if (!sd)
		return NULL;
	if (flags & NLM_F_REQUEST)
		return msg < sd->nreq_msgs && sd->req_msgs[msg].name ? &sd->req_msgs[msg] : NULL;
	if (mcast && msg < sd->nntf_msgs && sd->ntf_msgs[msg].name)
		return &sd->ntf_msgs[msg];
	return msg < sd->nmsgs && sd->msgs[msg].name ? &sd->msgs[msg] : NULL;
}

static const struct nl_msgdef *msgdef_of(struct nlstate *st, uint16_t type, uint16_t flags,
					 bool mcast)
{
	return nfnl_msgdef(sub_dis(st, type >> 8), type & 0xff, flags, mcast);
}

static uint8_t nfnl_kind_of(struct nlstate *st, uint16_t type, uint16_t flags, struct nlc p)
{
	const struct nl_msgdef *md = msgdef_of(st, type, flags, false);

	(void)p;
	if (!md)
		return NLRK_NONE;
	return md->kind ? md->kind : nl_kind_from_name(md->name);
}

/* "nft NEWRULE", "BATCH_BEGIN", "nft msg 30", "subsys 14 msg 3"; with -n
 * "type 2566", as the core writes any protocol's */
static void type_text(struct nlstate *st, uint16_t type, uint16_t flags, bool mcast,
		      bool numeric, char *buf, size_t n)
{
	unsigned sub = type >> 8, msg = type & 0xff;
	const char *sn = numeric ? NULL : nl_name(&nfnl_subsys_names, sub);
	const struct nl_msgdef *md = numeric ? NULL : msgdef_of(st, type, flags, mcast);

	if (numeric)
		snprintf(buf, n, "type %u", type);
	else if (sub == 0 && md)
		snprintf(buf, n, "%s", md->name);
	else if (sn && md)
		snprintf(buf, n, "%s %s", sn, md->name);
	else if (sn)
		snprintf(buf, n, "%s msg %u", sn, msg);
	else
		snprintf(buf, n, "subsys %u msg %u", sub, msg);
}

static const char *nfnl_type_str(struct nlstate *st, uint16_t type, struct nlc p,
				 bool numeric, char *buf, size_t n)
{
	(void)p;
	type_text(st, type, NLM_F_REQUEST, false, numeric, buf, n);	/* an echoed request */
	return buf;
}

static __attribute__((noinline)) void fs_nfnl(struct dctx *d, const struct nlc *p,
						  unsigned sub, unsigned msg,
						  const struct nl_msgdef *md)
{
	size_t ty = d->msg_start + 4;

	struct nlc at = *p;
	struct nlc none = nlc_sub(&at, 0);

	nl_fs_open(d, "nfnl", "struct", &none);
	nl_fs_num(d, "subsys", "enum", NLFV_ENUM, ty + 1, 1, sub,
		  nl_name(&nfnl_subsys_names, sub), NULL);
	nl_fs_num(d, "subsys_id", "u8", NLFV_UINT, ty + 1, 1, sub, NULL, NULL);
	nl_fs_num(d, "msg", "enum", NLFV_ENUM, ty, 1, msg, md ? md->name : NULL, NULL);
	nl_fs_num(d, "msg_id", "u8", NLFV_UINT, ty, 1, msg, NULL, NULL);
	nl_fs_close(d);
}

/* the summary's first words: the family a message is for ("inet"), the
 * subsystem a batch is for ("nft") */
static void sum_family(struct dctx *d, unsigned sub, struct nlc p)
{
	uint8_t fam = nlc_u8(&p);
	nlc_u8(&p);
	uint16_t res = nlc_be16(&p);
	const char *nm = d->numeric ? NULL : nl_name(sub ? &nfproto_names
							 : &nfnl_subsys_names, sub ? fam : res);

	if (!nlc_ok(&p) || (sub && !fam))	/* NFPROTO_UNSPEC: not said */
		return;
	if (nm) {
		emit_sum_lit(d->e, " ");
		emit_sum_lit(d->e, nm);
	} else {
		emit_sum_u64(d->e, sub ? " family " : " subsys ", sub ? fam : res);
	}
}

static void nfnl_decode(struct dctx *d, struct nlc *p)
{
	unsigned sub = d->nl_type >> 8, msg = d->nl_type & 0xff;
	bool mcast = !d->seq && !d->pid;
	const struct nl_msgdef *md = msgdef_of(d->st, d->nl_type, d->nl_flags, mcast);
	struct nl_msgdef m = md ? *md : nfnl_dflt;

	/* an event (nfqueue's and nflog's packets) is named as the message
	 * definition is chosen, among the notifications when multicast */
	type_text(d->st, d->nl_type, d->nl_flags, mcast, d->numeric, d->namebuf,
		  sizeof(d->namebuf));
	d->type_name = d->namebuf;
	d->type_numeric = true;	/* with -n: "type N" already */
	if (d->fs)
		fs_nfnl(d, p, sub, msg, md);
	emit_obj_begin(d->e, "nfnl");
	emit_enum_name(d->e, "subsys", sub, nl_name(&nfnl_subsys_names, sub));
	emit_uint(d->e, "subsys_id", sub, EF_DEC);
	emit_enum_name(d->e, "msg", msg, md ? md->name : NULL);
	emit_uint(d->e, "msg_id", msg, EF_DEC);
	emit_obj_end(d->e);

	nl_head(d);
	if (nlc_left(p) >= NFGENMSG_LEN && !d->echoed && emit_want_summary(d->e) &&
	    (sub || msg == NFNL_MSG_BATCH_BEGIN || msg == NFNL_MSG_BATCH_END))
		sum_family(d, sub, *p);
	m.hdr = &nfgenmsg;	/* the family by name, whatever the spec says */
	nl_decode_msgdef(d, &m, p);
}

/* the "nfnl" object, for the field registry */
static const struct nl_attr_pol nfnl_info_fields[] = {
	{ "subsys", NLA_KIND_U8, .enums = &nfnl_subsys_names },
	{ "subsys_id", NLA_KIND_U8 },
	{ "msg", NLA_KIND_U8 },
	{ "msg_id", NLA_KIND_U8 },
};
static const struct nl_struct nfnl_info = { "nfnl", nfnl_info_fields,
					    ARRAY_SIZE(nfnl_info_fields), 4, 0 };
static const struct nl_attr_pol nfnl_members[] = {
	{ "nfnl", NLA_KIND_STRUCT, .st = &nfnl_info },
	{ "nfgenmsg", NLA_KIND_STRUCT, .st = &nfgenmsg },
	{ "attrs", NLA_KIND_NESTED, .nest = &unknown_set },
	/* a rule's expressions as nft prints the rule (ynl_nft.c, nft_rule.c) */
	{ "rule", NLA_KIND_STRING },
};
static const struct nl_shape nfnl_shape = { .members = nfnl_members,
					    .nmembers = ARRAY_SIZE(nfnl_members) };

const struct nl_dissector nfnl_dissector = {
	.name = "netfilter", .proto = NETLINK_NETFILTER,
	.decode = nfnl_decode,
	.learn = nft_rule_learn,	/* the sets a rule names */
	.type_str = nfnl_type_str,
	.kind_of = nfnl_kind_of,
	.shape = &nfnl_shape,
};
