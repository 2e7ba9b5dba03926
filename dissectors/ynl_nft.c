/* ynl_nft.c - what the nftables spec cannot say: verdict codes (a
 * signed 32-bit number, NFT_JUMP is -3), a base chain's hook number by
 * the family's hooks, and the summaries in nft's words:
 *
 *   nft NEWTABLE inet lab
 *   nft NEWCHAIN inet lab input hook input prio 0 policy accept
 *   nft NEWRULE inet lab input handle 5
 *   nft NEWSET inet lab blocked
 *   nft NEWGEN id 42
 *
 * (the family is the nfnetlink core's, dissectors/nfnl.c).
 * Reference: include/uapi/linux/netfilter.h (NF_ACCEPT..., NF_INET_*,
 * NF_ARP_*, NF_NETDEV_*), include/uapi/linux/netfilter/nf_tables.h
 * (NFT_CONTINUE...), Linux 7.2.
 */
#include "nft_rule.h"
#include "sbuf.h"
#include "ynl.h"

/* NFPROTO_* (2 ip, 10 ip6, 1 inet, 7 bridge: the inet hooks; 3 arp; 5 netdev) */
static const char *hook_name(int af, uint32_t num)
{
	static const char *const inet[] = { "prerouting", "input", "forward", "output",
					    "postrouting", "ingress" };
	static const char *const arp[] = { "input", "output", "forward" };
	static const char *const netdev[] = { "ingress", "egress" };

	if ((af == 1 || af == 2 || af == 10 || af == 7) && num < ARRAY_SIZE(inet))
		return af == 7 && num == 5 ? NULL : inet[num];
	if (af == 3 && num < ARRAY_SIZE(arp))
		return arp[num];
	if (af == 5 && num < ARRAY_SIZE(netdev))
		return netdev[num];
	return NULL;
}

static bool be32_of(struct nlc *c, uint32_t *v)
{
	if (nlc_left(c) != 4)
		return false;
	*v = nlc_be32(c);
	return nlc_ok(c);
}

/* a big-endian u32 named by its namer (cbdata) */
struct nft_namer {
	const char *(*name)(int af, uint32_t v);
};

static const char *verdict_of(int af, uint32_t v)
{
	(void)af;
	return nft_verdict_name((int32_t)v);
}

const struct nft_namer ynl_nft_verdicts = { verdict_of };
const struct nft_namer ynl_nft_hooks = { hook_name };

bool ynl_nft_named_cb(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		      struct nlc *c)
{
	const struct nft_namer *nm = pol->cbdata;
	uint32_t v;

	size_t at = c->pos;

	if (!nm || !be32_of(c, &v))
		return false;
	nl_put_enum_name(d, key, at, 4, v, nm->name(d->af, v));
	return true;
}

const struct nl_shape ynl_nft_enum_shape = NL_SHAPE_FORM("enum");

/* ---- summaries ---- */

static bool sum_be32(const struct nl_sum_vals *v, int slot, uint32_t *out)
{
	struct nlc c;
	return nl_sum_get(v, slot, &c) && be32_of(&c, out);
}

static bool hook_text(struct dctx *d, const struct nl_sum_vals *v, const struct nl_sum_part *pt,
		      struct sbuf *b)
{
	uint32_t n;
	const char *nm;

	if (!sum_be32(v, pt->slot, &n))
		return false;
	nm = d->numeric ? NULL : hook_name(d->af, n);
	if (nm)
		sbuf_puts(b, nm);
	else
		sbuf_printf(b, "%u", n);
	return true;
}

static bool prio_text(struct dctx *d, const struct nl_sum_vals *v, const struct nl_sum_part *pt,
		      struct sbuf *b)
{
	uint32_t n;

	(void)d;
	if (!sum_be32(v, pt->slot, &n))
		return false;
	sbuf_printf(b, "%d", (int32_t)n);
	return true;
}

static bool policy_text(struct dctx *d, const struct nl_sum_vals *v,
			const struct nl_sum_part *pt, struct sbuf *b)
{
	uint32_t n;
	const char *nm;

	if (!sum_be32(v, pt->slot, &n))
		return false;
	nm = d->numeric ? NULL : nft_verdict_name((int32_t)n);
	if (nm)
		sbuf_puts(b, nm);
	else
		sbuf_printf(b, "%d", (int32_t)n);
	return true;
}

/* table, chain, set, object, flowtable: TABLE NAME */
enum { NS_TABLE, NS_NAME, NS_X };
static const struct spec_sum_field obj_fields[] = {
	[NS_TABLE] = SPEC_SUM_ATTR("table"), [NS_NAME] = SPEC_SUM_ATTR("name"),
};
static const struct nl_sum_part obj_parts[] = { YNL_VAL(NS_TABLE, " "), YNL_VAL(NS_NAME, " ") };
const struct spec_summary ynl_nft_obj_sum = SPEC_SUMMARY(obj_fields, obj_parts);

static const struct spec_sum_field table_fields[] = { SPEC_SUM_ATTR("name") };
static const struct nl_sum_part table_parts[] = { YNL_VAL(0, " ") };
const struct spec_summary ynl_nft_table_sum = SPEC_SUMMARY(table_fields, table_parts);

/* lab input hook input prio 0 policy accept */
enum { NC_HOOK = NS_X, NC_NUM, NC_PRIO, NC_DEV, NC_POLICY };
static const struct spec_sum_field chain_fields[] = {
	[NS_TABLE] = SPEC_SUM_ATTR("table"), [NS_NAME] = SPEC_SUM_ATTR("name"),
	[NC_HOOK] = SPEC_SUM_ATTR("hook"),
	[NC_NUM] = SPEC_SUM_IN("nft-hook-attrs", "num", NC_HOOK),
	[NC_PRIO] = SPEC_SUM_IN("nft-hook-attrs", "priority", NC_HOOK),
	[NC_DEV] = SPEC_SUM_IN("nft-hook-attrs", "dev", NC_HOOK),
	[NC_POLICY] = SPEC_SUM_ATTR("policy"),
};
static const struct nl_sum_part chain_parts[] = {
	YNL_VAL(NS_TABLE, " "), YNL_VAL(NS_NAME, " "),
	NLS_TEXT_OF(NC_NUM, -1, " hook ", hook_text),
	YNL_VAL(NC_DEV, " device "),
	NLS_TEXT_OF(NC_PRIO, -1, " prio ", prio_text),
	NLS_TEXT_OF(NC_POLICY, -1, " policy ", policy_text),
};
const struct spec_summary ynl_nft_chain_sum = SPEC_SUMMARY(chain_fields, chain_parts);

/* lab input handle 15 ip saddr @blocked counter packets 0 bytes 0 drop:
 * the expressions as nft prints the rule (nft_rule.c), in the line and as
 * the member "rule" */
enum { NR_TABLE, NR_CHAIN, NR_HANDLE, NR_EXPRS, NR_UDATA };
static const struct spec_sum_field rule_fields[] = {
	[NR_TABLE] = SPEC_SUM_ATTR("table"), [NR_CHAIN] = SPEC_SUM_ATTR("chain"),
	[NR_HANDLE] = SPEC_SUM_ATTR("handle"), [NR_EXPRS] = SPEC_SUM_ATTR("expressions"),
	[NR_UDATA] = SPEC_SUM_ATTR("userdata"),
};

static bool rule_text(struct dctx *d, const struct nl_sum_vals *v, const struct nl_sum_part *pt,
		      struct sbuf *b)
{
	struct nlc ex, ud;
	const uint8_t *tb = NULL;
	size_t tn = 0;
	bool has_ud = nl_sum_get(v, pt->aux, &ud);

	if (!nl_sum_get(v, pt->slot, &ex))
		return false;
	nl_sum_str(v, NR_TABLE, &tb, &tn);
	return nft_rule_text(d, tb ? tb : (const uint8_t *)"", tn, &ex, has_ud ? &ud : NULL, b);
}

static const struct nl_sum_part rule_parts[] = {
	YNL_VAL(NR_TABLE, " "), YNL_VAL(NR_CHAIN, " "), YNL_VAL(NR_HANDLE, " handle "),
	NLS_GROUP(" ", " ", "rule"),
	NLS_TEXT_OF(NR_EXPRS, NR_UDATA, "", rule_text),
	NLS_GROUP_END,
};
const struct spec_summary ynl_nft_rule_sum = SPEC_SUMMARY(rule_fields, rule_parts);

/* lab blocked */
static const struct spec_sum_field setelem_fields[] = {
	SPEC_SUM_ATTR("table"), SPEC_SUM_ATTR("set"),
};
static const struct nl_sum_part setelem_parts[] = { YNL_VAL(0, " "), YNL_VAL(1, " ") };
const struct spec_summary ynl_nft_setelem_sum = SPEC_SUMMARY(setelem_fields, setelem_parts);

/* id 42 */
static const struct spec_sum_field gen_fields[] = { SPEC_SUM_ATTR("id") };
static const struct nl_sum_part gen_parts[] = { YNL_VAL(0, " id ") };
const struct spec_summary ynl_nft_gen_sum = SPEC_SUMMARY(gen_fields, gen_parts);

/* a batch: genid 42 */
static const struct spec_sum_field batch_fields[] = { SPEC_SUM_ATTR("genid") };
static const struct nl_sum_part batch_parts[] = { YNL_VAL(0, " genid ") };
const struct spec_summary ynl_nft_batch_sum = SPEC_SUMMARY(batch_fields, batch_parts);

/* nft_compat: name REJECT rev 0 type 1 */
static const struct spec_sum_field compat_fields[] = {
	SPEC_SUM_ATTR("name"), SPEC_SUM_ATTR("rev"), SPEC_SUM_ATTR("type"),
};
static const struct nl_sum_part compat_parts[] = {
	YNL_VAL(0, " "), YNL_VAL(1, " rev "), YNL_VAL(2, " type "),
};
const struct spec_summary ynl_nft_compat_sum = SPEC_SUMMARY(compat_fields, compat_parts);

/* trace: id 0x... lab input handle 5 rule */
enum { NT_TABLE, NT_CHAIN, NT_HANDLE, NT_TYPE, NT_ID };
static const struct spec_sum_field trace_fields[] = {
	[NT_TABLE] = SPEC_SUM_ATTR("table"), [NT_CHAIN] = SPEC_SUM_ATTR("chain"),
	[NT_HANDLE] = SPEC_SUM_ATTR("rule-handle"), [NT_TYPE] = SPEC_SUM_ATTR("type"),
	[NT_ID] = SPEC_SUM_ATTR("id"),
};
static const struct nl_sum_part trace_parts[] = {
	YNL_VAL(NT_ID, " id "), YNL_VAL(NT_TABLE, " "), YNL_VAL(NT_CHAIN, " "),
	YNL_VAL(NT_HANDLE, " handle "), YNL_VAL(NT_TYPE, " "),
};
const struct spec_summary ynl_nft_trace_sum = SPEC_SUMMARY(trace_fields, trace_parts);
