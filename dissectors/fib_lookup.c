/* fib_lookup.c - NETLINK_FIB_LOOKUP and the names of NETLINK_NFLOG.
 *
 * NETLINK_FIB_LOOKUP: a request carries a struct fib_result_nl with the
 * address, mark, TOS, scope and table to look up; the kernel answers with
 * the same message (its type and flags unchanged: any type is a lookup),
 * the results filled in.  Summary: "LOOKUP ... 192.0.2.1 -> table main
 * type unicast".  Reference: struct fib_result_nl, include/net/ip_fib.h
 * (Linux 7.2: not a uAPI header, but the protocol's ABI; net/ipv4/
 * fib_frontend.c, nl_fib_input).
 *
 * NETLINK_NFLOG: the legacy ULOG targets (ipt_ULOG, removed in Linux
 * 3.17) sent their packets as type 111 (ULOG_NL_EVENT, defined in
 * net/ipv4/netfilter/ipt_ULOG.c); its struct ulog_packet_msg had members
 * of the machine's word size (unsigned long, size_t), so the payload stays
 * as it is.  Named only; no uAPI header of 7.2 has more.
 *
 * NETLINK_USERSOCK has no dissector: its messages belong to whichever
 * program uses it, so its header is decoded and its payload shown as it
 * is, nothing guessed.
 */
#include "rtnl.h"

static const struct nl_attr_pol fib_result_nl_f[] = {
	{ "fl_addr", NLA_KIND_IPV4 },
	{ "fl_mark", NLA_KIND_U32, .flags = NLAF_HEX },
	{ "fl_tos", NLA_KIND_U8, .flags = NLAF_HEX },
	{ "fl_scope", NLA_KIND_U8, .enums = &rtnl_scope_names },
	{ "tb_id_in", NLA_KIND_U8, .enums = &rtnl_table_names },
	{ "tb_id", NLA_KIND_U8, .enums = &rtnl_table_names },
	{ "prefixlen", NLA_KIND_U8 },
	{ "nh_sel", NLA_KIND_U8 },
	{ "type", NLA_KIND_U8, .enums = &rtnl_rtn_type_names },
	{ "scope", NLA_KIND_U8, .enums = &rtnl_scope_names },
	{ "err", NLA_KIND_S32 },
};
static const struct nl_struct fib_result_nl = NL_STRUCT("fib_result_nl", fib_result_nl_f, 20);

enum { FL_ADDR, FL_MARK, FL_TB_IN, FL_TB, FL_PLEN, FL_TYPE, FL_ERR };
static const struct nl_sum_field fib_sum_fields[] = {
	[FL_ADDR] = NL_SUM_HDR("fl_addr"),
	[FL_MARK] = NL_SUM_HDR("fl_mark"),
	[FL_TB_IN] = NL_SUM_HDR("tb_id_in"),
	[FL_TB] = NL_SUM_HDR("tb_id"),
	[FL_PLEN] = NL_SUM_HDR("prefixlen"),
	[FL_TYPE] = NL_SUM_HDR("type"),
	[FL_ERR] = NL_SUM_HDR("err"),
};

static unsigned fib_u8(const struct nl_sum_vals *v, int slot)
{
	struct nlc c;

	return nl_sum_get(v, slot, &c) ? nlc_u8(&c) : 0;
}

/* "192.0.2.1 mark 0x1 table main -> table main type unicast/24": what is
 * looked up, then (a reply: a table, a type or an error set) the result */
static void sum_fib(struct dctx *d, const struct nl_sum_vals *v)
{
	struct nlc a;
	uint32_t mark = 0, err = 0;
	unsigned tb = fib_u8(v, FL_TB), type = fib_u8(v, FL_TYPE);

	if (nl_sum_get(v, FL_ADDR, &a)) {
		const uint8_t *p = nlc_bytes(&a, 4);
		if (p) {
			emit_sum_lit(d->e, " ");
			emit_sum_addr(d->e, EA_IPV4, p, 4);
		}
	}
	if (nl_sum_u32(v, FL_MARK, &mark) && mark)
		emit_sum(d->e, " mark 0x%x", mark);
	if (fib_u8(v, FL_TB_IN))
		rtnl_sum_name(d, "table", &rtnl_table_names, fib_u8(v, FL_TB_IN));
	nl_sum_u32(v, FL_ERR, &err);
	if (err)
		emit_sum(d->e, " -> err %d", (int32_t)err);
	else if (tb || type) {
		emit_sum_lit(d->e, " ->");
		rtnl_sum_name(d, "table", &rtnl_table_names, tb);
		rtnl_sum_name(d, "type", &rtnl_rtn_type_names, type);
		emit_sum(d->e, " prefixlen %u", fib_u8(v, FL_PLEN));
	}
}

static const struct nl_sum_part fib_sum_parts[] = { NLS_CALL(sum_fib) };
static const struct nl_summary fib_summary = NL_SUMMARY(fib_sum_fields, fib_sum_parts);

/* the kernel reads any message type as a lookup */
static const struct nl_msgdef fib_lookup_msg = {
	"LOOKUP", NLRK_NONE, &fib_result_nl, NULL, .sum = &fib_summary,
};

const struct nl_dissector fib_lookup_dissector = {
	.name = "fib_lookup",
	.proto = 10,
	.dflt = &fib_lookup_msg,
};

static const struct nl_msgdef nflog_msgs[] = {
	[111] = { "ULOG", NLRK_NONE, NULL, NULL },
};

const struct nl_dissector nflog_dissector = {
	.name = "nflog",
	.proto = 5,
	.msgs = nflog_msgs,
	.nmsgs = ARRAY_SIZE(nflog_msgs),
};
