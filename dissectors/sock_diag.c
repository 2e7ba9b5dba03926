/* sock_diag.c - NETLINK_SOCK_DIAG (protocol 4): the message types, the
 * layout a message's first byte (its address family) and direction
 * choose, the protocol a dump's replies answer for, and the callbacks the
 * tables (sock_diag_tables.c) name.
 *
 *   SOCK_DIAG_BY_FAMILY (20), SOCK_DESTROY (21):
 *   +--------+----------+-----------------------------------------+
 *   | family | protocol |  the rest of the family's request, or   |
 *   +--------+----------+  its reply (inet_diag_msg, ...)         |
 *   | attributes (INET_DIAG_*, UNIX_DIAG_*, ...)                  |
 *
 *   TCPDIAG_GETSOCK (18), DCCPDIAG_GETSOCK (19): inet_diag_req (v1) to
 *   the kernel, inet_diag_msg back.
 *
 * Reference: include/uapi/linux/sock_diag.h, inet_diag.h (Linux 7.2).
 */
#include <string.h>

#include "sock_diag.h"
#include "state.h"

#define NLM_F_REQUEST 1
#define NLM_F_MULTI 2
#define SOCK_DIAG_BY_FAMILY 20
#define SOCK_DESTROY 21
#define TCPDIAG_GETSOCK 18
#define DCCPDIAG_GETSOCK 19
#define INET_DIAG_REQ_PROTOCOL 3

/* ---- the layouts, by family ---- */

struct sd_layout {
	uint8_t family;
	struct nl_msgdef req, rep;
};

#define LAYOUT(fam, rq, rqset, rqsum, rp, rpset, rpsum)                              \
	{ fam, { "BY_FAMILY", NLRK_GET, &rq, rqset, .sum = rqsum },                  \
	  { "BY_FAMILY", NLRK_GET, &rp, rpset, .sum = rpsum } }

static const struct sd_layout sd_layouts[] = {
	LAYOUT(SD_AF_INET, sd_inet_req_v2, &sd_inet_req_set, &sd_inet_req_summary,
	       sd_inet_msg, &sd_inet_set, &sd_inet_msg_summary),
	LAYOUT(SD_AF_INET6, sd_inet_req_v2, &sd_inet_req_set, &sd_inet_req_summary,
	       sd_inet_msg, &sd_inet_set, &sd_inet_msg_summary),
	LAYOUT(SD_AF_UNIX, sd_unix_req, NULL, &sd_unix_req_summary,
	       sd_unix_msg, &sd_unix_set, &sd_unix_msg_summary),
	LAYOUT(SD_AF_NETLINK, sd_netlink_req, NULL, &sd_netlink_req_summary,
	       sd_netlink_msg, &sd_netlink_set, &sd_netlink_msg_summary),
	LAYOUT(SD_AF_PACKET, sd_packet_req, NULL, &sd_packet_req_summary,
	       sd_packet_msg, &sd_packet_set, &sd_packet_msg_summary),
	LAYOUT(SD_AF_SMC, sd_smc_req, NULL, &sd_req_summary, sd_smc_msg, &sd_smc_set, NULL),
	LAYOUT(SD_AF_VSOCK, sd_vsock_req, NULL, &sd_req_summary, sd_vsock_msg, NULL, NULL),
	LAYOUT(SD_AF_XDP, sd_xdp_req, NULL, &sd_req_summary, sd_xdp_msg, &sd_xdp_set, NULL),
	/* a TIPC reply has no header (sock_diag_tipc.c) */
	{ SD_AF_TIPC, { "BY_FAMILY", NLRK_GET, &sd_tipc_req, NULL, .sum = &sd_req_summary },
	  { "BY_FAMILY", NLRK_GET, NULL, &sd_tipc_set, .sum = &sd_tipc_msg_summary } },
};

/* the legacy inet requests, and a family without a layout: its first two
 * bytes, the rest as payload */
static const struct nl_msgdef sd_v1_req = { "GETSOCK", NLRK_GET, &sd_inet_req_v1,
	&sd_inet_req_set, .sum = &sd_inet_req_v1_summary };
static const struct nl_msgdef sd_v1_rep = { "GETSOCK", NLRK_GET, &sd_inet_msg,
	&sd_inet_set, .sum = &sd_inet_msg_summary };
static const struct nl_msgdef sd_other_req = { "BY_FAMILY", NLRK_GET, &sd_sock_diag_req,
	NULL, .sum = &sd_req_summary };
static const struct nl_msgdef sd_other_rep = { "BY_FAMILY", NLRK_GET, NULL, NULL };

static const struct nl_msgdef *sd_layout_of(uint16_t type, int family, bool req)
{
	if (type == TCPDIAG_GETSOCK || type == DCCPDIAG_GETSOCK)
		return req ? &sd_v1_req : &sd_v1_rep;
	for (unsigned i = 0; i < ARRAY_SIZE(sd_layouts); i++)
		if (sd_layouts[i].family == family)
			return req ? &sd_layouts[i].req : &sd_layouts[i].rep;
	return req ? &sd_other_req : &sd_other_rep;
}

/* ---- the protocol of a dump's replies ---- */

static void sd_remember(struct dctx *d, uint8_t family, uint16_t proto)
{
	struct nlstate *st = d->st;
	struct nl_sockdiag_req *r = NULL;

	for (unsigned i = 0; i < ARRAY_SIZE(st->sockdiag); i++)
		if (st->sockdiag[i].used && st->sockdiag[i].seq == d->seq &&
		    st->sockdiag[i].family == family)
			r = &st->sockdiag[i];
	if (!r) {
		r = &st->sockdiag[st->sockdiag_next];
		st->sockdiag_next = (st->sockdiag_next + 1) % ARRAY_SIZE(st->sockdiag);
	}
	*r = (struct nl_sockdiag_req){ d->seq, proto, family, true };
}

int sd_req_proto(const struct dctx *d, uint8_t family)
{
	if (d->nl_type == TCPDIAG_GETSOCK)
		return 6;
	if (d->nl_type == DCCPDIAG_GETSOCK)
		return 33;
	for (unsigned i = 0; i < ARRAY_SIZE(d->st->sockdiag); i++) {
		const struct nl_sockdiag_req *r = &d->st->sockdiag[i];
		if (r->used && r->seq == d->seq && r->family == family)
			return r->proto;
	}
	return -1;
}

/* an inet request: its protocol byte, or INET_DIAG_REQ_PROTOCOL (mptcp,
 * 262, does not fit the byte) */
static void sd_learn_req(struct dctx *d, const struct nlc *p)
{
	struct nlc h = *p;
	uint8_t family = nlc_u8(&h);
	uint16_t proto = nlc_u8(&h);

	if (!nlc_ok(&h) || nlc_left(p) < sd_inet_req_v2.size)
		return;
	struct nlc at = *p;
	nlc_skip(&at, sd_inet_req_v2.size);
	uint32_t v;
	if (nlc_left(&at) && nla_find_u32(NULL, &at, INET_DIAG_REQ_PROTOCOL, &v) && v <= 0xffff)
		proto = (uint16_t)v;
	sd_remember(d, family, proto);
}

/* ---- messages ---- */

static const struct nl_msgdef sd_msgs[] = {
	[TCPDIAG_GETSOCK] = { "TCPDIAG_GETSOCK", NLRK_GET, NULL, NULL },
	[DCCPDIAG_GETSOCK] = { "DCCPDIAG_GETSOCK", NLRK_GET, NULL, NULL },
	[SOCK_DIAG_BY_FAMILY] = { "BY_FAMILY", NLRK_GET, NULL, NULL },
	[SOCK_DESTROY] = { "DESTROY", NLRK_DEL, NULL, NULL },
};

static void sd_decode(struct dctx *d, struct nlc *p)
{
	uint16_t type = d->nl_type;
	bool req = d->nl_flags & NLM_F_REQUEST;
	const uint8_t *fam = nlc_peek(p, 1);

	d->type_name = type < ARRAY_SIZE(sd_msgs) ? sd_msgs[type].name : NULL;
	if (!d->type_name) {
		nl_decode_msgdef(d, &sd_other_rep, p);
		return;
	}
	const struct nl_msgdef *md = sd_layout_of(type, fam ? *fam : -1, req);
	bool learn = req && type == SOCK_DIAG_BY_FAMILY && fam && !d->echoed && !d->st->learning;
	if (learn && (*fam == SD_AF_INET || *fam == SD_AF_INET6))
		sd_learn_req(d, p);
	else if (learn && *fam == SD_AF_TIPC)
		sd_remember(d, SD_AF_TIPC, 0);
	/* a TIPC reply starts with an attribute, not a family: known by its
	 * request */
	if (!req && type == SOCK_DIAG_BY_FAMILY && sd_req_proto(d, SD_AF_TIPC) >= 0 &&
	    sd_tipc_shaped(p))
		md = sd_layout_of(type, SD_AF_TIPC, false);
	nl_decode_msgdef(d, md, p);
}

/* ---- callbacks ---- */

/* __be32[4]: an IPv4 address in the first word, or an IPv6 address, by
 * the family the header set */
bool sd_cb_addr16(struct dctx *d, const struct nl_attr_pol *pol, const char *key, struct nlc *c)
{
	size_t at = c->pos;
	const uint8_t *p = nlc_left(c) == 16 ? nlc_bytes(c, 16) : NULL;

	(void)pol;
	if (!p)
		return false;
	if (d->af == SD_AF_INET)
		nl_put_addr(d, key, at, EA_IPV4, p, 4);
	else if (d->af == SD_AF_INET6)
		nl_put_addr(d, key, at, EA_IPV6, p, 16);
	else
		nl_put_hex(d, key, at, p, 16);
	return true;
}

/* __u32 cookie[2]: one 64-bit number, the first word low (ss's sk:) */
bool sd_cb_cookie(struct dctx *d, const struct nl_attr_pol *pol, const char *key, struct nlc *c)
{
	(void)pol;
	if (nlc_left(c) != 8)
		return false;
	size_t at = c->pos;
	uint64_t lo = nlc_u32(c), hi = nlc_u32(c);
	if (!nlc_ok(c))
		return false;
	nl_put_uint(d, key, at, 8, lo | hi << 32, EF_HEX);
	return true;
}

/* a word of bit fields (pol->cbdata: struct sd_bitfields), each member
 * as a number; the capture's byte order says which end the first is at */
bool sd_cb_bits(struct dctx *d, const struct nl_attr_pol *pol, const char *key, struct nlc *c)
{
	const struct sd_bitfields *bf = pol->cbdata;
	unsigned total = 0;

	for (unsigned i = 0; i < bf->n; i++)
		total += bf->m[i].len;
	if (total % 8 || nlc_left(c) != total / 8)
		return false;
	bool big = c->order == NLC_BE;
	struct nlc start = *c;
	uint64_t v = nlc_uintw(c, total / 8, big);
	if (!nlc_ok(c))
		return false;
	/* each member's span is the whole word */
	nl_put_obj_begin(d, key, "struct", &start);
	for (unsigned i = 0, at = 0; i < bf->n; at += bf->m[i].len, i++) {
		unsigned w = bf->m[i].len;
		unsigned shift = big ? total - at - w : at;
		nl_put_uint(d, bf->m[i].name, start.pos, total / 8,
			    (v >> shift) & ((1ull << w) - 1), EF_DEC);
	}
	nl_put_obj_end(d);
	return true;
}

/* An SCTP dump answers with each endpoint (NLM_F_MULTI) and then its
 * associations, which the kernel's sctp_diag sends without NLM_F_MULTI,
 * their state in SCTP's numbers (enum sctp_state, ESTABLISHED 3) */
static const char *const sctp_assoc_v[] = {
	"CLOSED", "COOKIE_WAIT", "COOKIE_ECHOED", "ESTAB", "SHUTDOWN_PENDING",
	"SHUTDOWN_SENT", "SHUTDOWN_RECEIVED", "ACK_SENT",
};
const struct nl_names sd_sctp_assoc_names = NL_NAMES(sctp_assoc_v);

bool sd_sctp_assoc(const struct dctx *d, uint8_t family)
{
	return !(d->nl_flags & NLM_F_MULTI) && sd_req_proto(d, family) == 132;
}

/* inet_diag_msg's state: a TCP state as ss names it, or an SCTP
 * association's */
bool sd_cb_inet_state(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		      struct nlc *c)
{
	size_t at = c->pos;
	uint8_t st = nlc_u8(c);

	if (!nlc_ok(c))
		return false;
	bool assoc = d->af >= 0 && sd_sctp_assoc(d, (uint8_t)d->af);
	const struct nl_names *names = assoc ? &sd_sctp_assoc_names : pol->enums;
	emit_enum(d->e, key, st, names);
	if (d->fs)	/* the value, for -T fields and filters */
		nl_fs_num(d, key, "enum", NLFV_ENUM, at, 1, st, NULL, names);
	return true;
}

/* INET_DIAG_INFO: struct tcp_info for TCP and DCCP, struct mptcp_info
 * for MPTCP, struct sctp_info for SCTP; another protocol's, or a reply
 * whose request the capture does not have, as hex */
bool sd_cb_info(struct dctx *d, const struct nl_attr_pol *pol, const char *key, struct nlc *c)
{
	int proto = d->af >= 0 ? sd_req_proto(d, (uint8_t)d->af) : -1;

	(void)pol;
	if (proto == 6 || proto == 33)
		nl_struct_decode(d, key, c, &sd_tcp_info);
	else if (proto == 262)
		nl_struct_decode(d, key, c, &sd_mptcp_info);
	else if (proto == 132)
		nl_struct_decode(d, key, c, &sd_sctp_info);
	else
		return false;
	return true;
}

/* one struct sockaddr_storage (128 bytes): family, port, address */
static bool sockaddr_one(struct dctx *d, const char *key, struct nlc *c)
{
	struct nlc sa = nlc_sub(c, 128), start = sa;
	nlc_skip(c, 128);
	uint16_t fam = nlc_u16(&sa);
	uint16_t port = nlc_be16(&sa);
	size_t at = sa.pos;
	const uint8_t *p = nlc_bytes(&sa, 124);
	if (!p)
		return false;
	nl_put_obj_begin(d, key, "struct", &start);
	nl_put_enum(d, "family", start.pos, 2, fam, &sd_family_names);
	nl_put_uint(d, "port", start.pos + 2, 2, port, EF_DEC);
	if (fam == SD_AF_INET)
		nl_put_addr(d, "addr", at, EA_IPV4, p, 4);
	else if (fam == SD_AF_INET6)	/* after sin6_flowinfo */
		nl_put_addr(d, "addr", at + 4, EA_IPV6, p + 4, 16);
	nl_put_obj_end(d);
	return true;
}

/* INET_DIAG_LOCALS, INET_DIAG_PEERS: SCTP's addresses, each in a struct
 * sockaddr_storage */
bool sd_cb_sockaddrs(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		     struct nlc *c)
{
	(void)pol;
	if (!nlc_left(c) || nlc_left(c) % 128)
		return false;
	nl_put_list_begin(d, key);
	while (nlc_left(c))
		if (!sockaddr_one(d, NULL, c))
			break;
	nl_put_list_end(d);
	return nlc_ok(c);
}

/* sctp_info's primary address: one struct sockaddr_storage */
bool sd_cb_sockaddr(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		    struct nlc *c)
{
	(void)pol;
	return nlc_left(c) == 128 && sockaddr_one(d, key, c);
}

/* UNIX_DIAG_NAME: a path up to its NUL, or an abstract name (a leading
 * NUL) shown as ss shows it, "@name" */
bool sd_cb_unix_name(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		     struct nlc *c)
{
	uint8_t buf[128];
	size_t n = nlc_left(c), at = c->pos;

	(void)pol;
	if (!n || n > sizeof(buf))
		return false;
	const uint8_t *p = nlc_bytes(c, n);
	if (!p)
		return false;
	if (p[0]) {
		const uint8_t *z = memchr(p, 0, n);
		nl_put_str(d, key, at, n, p, z ? (size_t)(z - p) : n);
		return true;
	}
	memcpy(buf, p, n);
	buf[0] = '@';
	nl_put_str(d, key, at, n, buf, n);
	return true;
}

/* an array of one struct (pol->cbdata: an entry naming it), as a list */
bool sd_cb_structs(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		   struct nlc *c)
{
	const struct nl_attr_pol *item = pol->cbdata;
	unsigned size = item->st->size;

	if (nlc_left(c) % size)
		return false;
	nl_put_list_begin(d, key);
	while (nlc_left(c)) {
		struct nlc sub = nlc_sub(c, size);
		nlc_skip(c, size);
		nl_struct_decode(d, NULL, &sub, item->st);
	}
	nl_put_list_end(d);
	return nlc_ok(c);
}

/* NETLINK_DIAG_GROUPS: a bitmap of unsigned longs; the groups set, by
 * number (group N is bit N-1) */
bool sd_cb_groups(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		  struct nlc *c)
{
	size_t n = nlc_left(c);
	/* a big-endian capture: the bitmap's words are 8 bytes when they can be */
	unsigned wsz = n % 8 ? 4 : 8;

	(void)pol;
	if (n % 4)
		return false;
	size_t at = c->pos;
	const uint8_t *p = nlc_bytes(c, n);
	if (!p)
		return false;
	nl_put_list_begin(d, key);
	for (size_t i = 0; i < n; i++) {
		size_t byte = c->order == NLC_BE ? (i / wsz) * wsz + (wsz - 1 - i % wsz) : i;
		for (unsigned b = 0; b < 8; b++)
			if (p[byte] >> b & 1)	/* the byte holding the bit */
				nl_put_uint(d, NULL, at + byte, 1, i * 8 + b + 1, EF_DEC);
	}
	nl_put_list_end(d);
	return true;
}

/* ---- the dissector ---- */

/* what the messages may hold, for the field registry: every layout's
 * header and attributes (the decode hook chooses one by family) */
#define HDR(nm, s) { nm, NLA_KIND_STRUCT, .st = &s }
static const struct nl_attr_pol sd_members[] = {
	HDR("inet_diag_req_v2", sd_inet_req_v2), HDR("inet_diag_req", sd_inet_req_v1),
	HDR("inet_diag_msg", sd_inet_msg), HDR("unix_diag_req", sd_unix_req),
	HDR("unix_diag_msg", sd_unix_msg), HDR("netlink_diag_req", sd_netlink_req),
	HDR("netlink_diag_msg", sd_netlink_msg), HDR("packet_diag_req", sd_packet_req),
	HDR("packet_diag_msg", sd_packet_msg), HDR("smc_diag_req", sd_smc_req),
	HDR("smc_diag_msg", sd_smc_msg), HDR("vsock_diag_req", sd_vsock_req),
	HDR("vsock_diag_msg", sd_vsock_msg), HDR("xdp_diag_req", sd_xdp_req),
	HDR("xdp_diag_msg", sd_xdp_msg), HDR("sock_diag_req", sd_sock_diag_req),
	HDR("tipc_sock_diag_req", sd_tipc_req),
	{ "attrs", NLA_KIND_NESTED, .nest = &sd_inet_set },
	{ "attrs", NLA_KIND_NESTED, .nest = &sd_inet_req_set },
	{ "attrs", NLA_KIND_NESTED, .nest = &sd_unix_set },
	{ "attrs", NLA_KIND_NESTED, .nest = &sd_netlink_set },
	{ "attrs", NLA_KIND_NESTED, .nest = &sd_packet_set },
	{ "attrs", NLA_KIND_NESTED, .nest = &sd_smc_set },
	{ "attrs", NLA_KIND_NESTED, .nest = &sd_xdp_set },
	{ "attrs", NLA_KIND_NESTED, .nest = &sd_tipc_set },
};
static const struct nl_shape sd_shape = NL_SHAPE_OBJ(sd_members);

const struct nl_dissector sock_diag_dissector = {
	.name = "sock_diag",
	.proto = 4,
	.msgs = sd_msgs,
	.nmsgs = ARRAY_SIZE(sd_msgs),
	.decode = sd_decode,
	.shape = &sd_shape,
};
