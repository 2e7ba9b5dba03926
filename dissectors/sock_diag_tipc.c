/* sock_diag_tipc.c - NETLINK_SOCK_DIAG for AF_TIPC (30): the request
 * (struct tipc_sock_diag_req), the reply (no fixed header: one
 * TIPC_NLA_SOCK nest of TIPC_NLA_SOCK_* attributes) and its summary in
 * ss's words, "tipc ESTAB 16781313:3008161 16781313:12345 ino 1234".
 *
 *   request:  | family 30 | protocol 0 | pad (2) | tidiag_states (u32) |
 *   reply:    | TIPC_NLA_SOCK { ADDR, REF, TYPE, TIPC_STATE, INO, UID,
 *             |   COOKIE, STAT { RCVQ, SENDQ, ... }, CON { ... }, ... } |
 *
 * A reply has no family byte to tell it by: it is known as TIPC's by the
 * request of the same sequence number (remembered, sock_diag.c) and by its
 * first attribute, a TIPC_NLA_SOCK nest.  The socket states are the TCP
 * numbers (TIPC_OPEN is TCP_CLOSE, TIPC_LISTEN TCP_LISTEN...), as ss names
 * them.  Two enums of tipc_netlink.h start at 0 (SOCK_STAT, SOCK_GROUP).
 *
 * Reference: include/uapi/linux/tipc_sockets_diag.h, tipc_netlink.h
 * (Linux 7.2).
 */
#include "sock_diag.h"

#define TIPC_NLA_SOCK 2

static const struct nl_attr_pol tipc_req_f[] = {
	{ "family", NLA_KIND_U8, .enums = &sd_family_names },
	{ "protocol", NLA_KIND_U8 },
	{ NULL, NLA_KIND_PAD, .len = 2 },
	{ "states", NLA_KIND_U32, .bits = &sd_state_bits },
};
const struct nl_struct sd_tipc_req = NL_STRUCT("tipc_sock_diag_req", tipc_req_f, 8);

/* TIPC_NLA_CON_* */
static const struct nl_attr_pol tipc_con_attrs[] = {
	[1] = { "flag", NLA_KIND_FLAG },
	[2] = { "node", NLA_KIND_U32 },
	[3] = { "sock", NLA_KIND_U32 },
	[4] = { "type", NLA_KIND_U32 },
	[5] = { "inst", NLA_KIND_U32 },
};
static const struct nl_attr_set tipc_con_set = NL_ATTR_SET("tipc_con", tipc_con_attrs);

/* TIPC_NLA_SOCK_STAT_* (from 0) */
static const struct nl_attr_pol tipc_stat_attrs[] = {
	[0] = { "rcvq", NLA_KIND_U32 },
	[1] = { "sendq", NLA_KIND_U32 },
	[2] = { "link_cong", NLA_KIND_FLAG },
	[3] = { "conn_cong", NLA_KIND_FLAG },
	[4] = { "drop", NLA_KIND_U32 },
};
static const struct nl_attr_set tipc_stat_set = NL_ATTR_SET("tipc_sock_stat", tipc_stat_attrs);

/* TIPC_NLA_SOCK_GROUP_* (from 0) */
static const struct nl_attr_pol tipc_group_attrs[] = {
	[0] = { "id", NLA_KIND_U32 },
	[1] = { "open", NLA_KIND_FLAG },
	[2] = { "node_scope", NLA_KIND_FLAG },
	[3] = { "cluster_scope", NLA_KIND_FLAG },
	[4] = { "instance", NLA_KIND_U32 },
	[5] = { "bc_send_next", NLA_KIND_U32 },
};
static const struct nl_attr_set tipc_group_set = NL_ATTR_SET("tipc_sock_group", tipc_group_attrs);

/* TIPC_NLA_SOCK_* */
static const struct nl_attr_pol tipc_sock_attrs[] = {
	[1] = { "addr", NLA_KIND_U32 },
	[2] = { "ref", NLA_KIND_U32 },
	[3] = { "con", NLA_KIND_NESTED, .nest = &tipc_con_set },
	[4] = { "has_publ", NLA_KIND_FLAG },
	[5] = { "stat", NLA_KIND_NESTED, .nest = &tipc_stat_set },
	[6] = { "type", NLA_KIND_U32, .enums = &sd_sock_type_names },
	[7] = { "ino", NLA_KIND_U32 },
	[8] = { "uid", NLA_KIND_U32 },
	[9] = { "tipc_state", NLA_KIND_U32, .enums = &sd_state_names },
	[10] = { "cookie", NLA_KIND_U64, .flags = NLAF_HEX },
	[11] = { "pad", NLA_KIND_PAD },
	[12] = { "group", NLA_KIND_NESTED, .nest = &tipc_group_set },
};
static const struct nl_attr_set tipc_sock_set = NL_ATTR_SET("tipc_sock", tipc_sock_attrs);

/* TIPC_NLA_*: a reply holds TIPC_NLA_SOCK */
static const struct nl_attr_pol tipc_top_attrs[] = {
	[TIPC_NLA_SOCK] = { "sock", NLA_KIND_NESTED, .nest = &tipc_sock_set },
};
const struct nl_attr_set sd_tipc_set = NL_ATTR_SET("tipc", tipc_top_attrs);

/* ---- the summary: "tipc ESTAB ADDR:REF NODE:SOCK ino N uid N" (ss -t
 * --tipc prints the local socket as addr:ref, the peer as node:sock, or
 * "-" when it has no connection) ---- */

enum { TS_SOCK, TS_ADDR, TS_REF, TS_STATE, TS_CON, TS_INO, TS_UID };
static const struct nl_sum_field tipc_sum_fields[] = {
	[TS_SOCK] = NL_SUM_ATTR(&sd_tipc_set, "sock"),
	[TS_ADDR] = NL_SUM_IN(&tipc_sock_set, "addr", TS_SOCK),
	[TS_REF] = NL_SUM_IN(&tipc_sock_set, "ref", TS_SOCK),
	[TS_STATE] = NL_SUM_IN(&tipc_sock_set, "tipc_state", TS_SOCK),
	[TS_CON] = NL_SUM_IN(&tipc_sock_set, "con", TS_SOCK),
	[TS_INO] = NL_SUM_IN(&tipc_sock_set, "ino", TS_SOCK),
	[TS_UID] = NL_SUM_IN(&tipc_sock_set, "uid", TS_SOCK),
};

static void sum_tipc(struct dctx *d, const struct nl_sum_vals *v)
{
	uint32_t st = 0, addr = 0, ref = 0, node = 0, sock = 0;
	const char *nm;
	struct nlc con;

	emit_sum_lit(d->e, " tipc");
	if (nl_sum_u32(v, TS_STATE, &st) && !d->numeric && (nm = nl_name(&sd_state_names, st)))
		emit_sum(d->e, " %s", nm);
	else
		emit_sum(d->e, " state %u", st);
	nl_sum_u32(v, TS_ADDR, &addr);
	nl_sum_u32(v, TS_REF, &ref);
	emit_sum(d->e, " %u:%u", addr, ref);
	/* the peer, two levels down (a declared slot reaches one): read in
	 * the recorded TIPC_NLA_SOCK_CON nest */
	if (nl_sum_get(v, TS_CON, &con) && nla_find_u32(NULL, &con, 2, &node) &&
	    nla_find_u32(NULL, &con, 3, &sock))
		emit_sum(d->e, " %u:%u", node, sock);
	else
		emit_sum_lit(d->e, " -");
}
static const struct nl_sum_part tipc_sum_parts[] = {
	NLS_CALL(sum_tipc),
	NLS_PART(NLS_U32, TS_INO, " ino "),
	NLS_PART(NLS_U32, TS_UID, " uid "),
};
const struct nl_summary sd_tipc_msg_summary = NL_SUMMARY(tipc_sum_fields, tipc_sum_parts);

/* a reply whose first attribute is a TIPC_NLA_SOCK nest */
bool sd_tipc_shaped(const struct nlc *p)
{
	struct nlc h = *p;
	uint16_t len = nlc_u16(&h), type = nlc_u16(&h);

	return nlc_ok(&h) && len >= 4 && len <= nlc_left(p) && (type & 0x3fff) == TIPC_NLA_SOCK;
}
