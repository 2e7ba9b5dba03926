/* ynl_ctnetlink.c - summaries of the nfnetlink subsystems built from
 * specs: conntrack entries as conntrack(8) prints them (`conntrack -E`
 * events with [NEW]/[UPDATE]/[DESTROY], the `conntrack -L` form for the
 * rest), and ipset commands in ipset(8)'s words (`lab-ips hash:ip`,
 * `lab-ips 198.51.100.0/24,tcp:80 timeout 60`).
 *
 * The summaries record whole top-level nests (a tuple, IPSET_ATTR_DATA)
 * and read what they need inside with nla_find on the recorded payload:
 * the walker records two levels, a tuple's addresses are three down.
 *
 * Reference: specs/ynl/conntrack.yaml with specs/overlay/conntrack.yaml,
 * specs/extra/ipset.yaml (Linux 7.2); include/uapi/linux/netfilter/
 * nfnetlink_conntrack.h (CTA_*), nf_conntrack_common.h (IPS_SEEN_REPLY
 * bit 1, IPS_ASSURED bit 2), nf_conntrack_tcp.h, nf_conntrack_sctp.h and
 * ipset/ip_set.h (IPSET_ATTR_*).  The state names are conntrack-tools'.
 */
#include <stdio.h>

#include "sbuf.h"
#include "ynl.h"

/* CTA_* numbers (nfnetlink_conntrack.h) the summary reads inside nests */
enum {
	CTA_TUPLE_IP = 1, CTA_TUPLE_PROTO = 2,
	CTA_IP_V4_SRC = 1, CTA_IP_V4_DST = 2, CTA_IP_V6_SRC = 3, CTA_IP_V6_DST = 4,
	CTA_PROTO_NUM = 1, CTA_PROTO_SRC_PORT = 2, CTA_PROTO_DST_PORT = 3,
	CTA_PROTO_ICMP_ID = 4, CTA_PROTO_ICMP_TYPE = 5, CTA_PROTO_ICMP_CODE = 6,
	CTA_PROTO_ICMPV6_ID = 7,
	CTA_PROTOINFO_TCP = 1, CTA_PROTOINFO_DCCP = 2, CTA_PROTOINFO_SCTP = 3,
	CTA_PROTOINFO_STATE = 1,	/* TCP_STATE, DCCP_STATE, SCTP_STATE alike */
};
#define IPS_SEEN_REPLY 0x2u
#define IPS_ASSURED 0x4u
/* the message part of the nlmsg_type: IPCTNL_MSG_CT_DELETE */
#define CT_MSG_DELETE 2
/* nlmsg_flags (linux/netlink.h): NLM_F_REQUEST | NLM_F_MULTI (a request,
 * a dump's part), and NLM_F_EXCL | NLM_F_CREATE, which mark a new entry's
 * event */
#define CT_F_REQ_MULTI 0x3u
#define CT_F_NEW 0x600u

static const char *const tcp_states[] = {
	"NONE", "SYN_SENT", "SYN_RECV", "ESTABLISHED", "FIN_WAIT", "CLOSE_WAIT",
	"LAST_ACK", "TIME_WAIT", "CLOSE", "SYN_SENT2",
};
static const char *const sctp_states[] = {
	"NONE", "CLOSED", "COOKIE_WAIT", "COOKIE_ECHOED", "ESTABLISHED", "SHUTDOWN_SENT",
	"SHUTDOWN_RECD", "SHUTDOWN_ACK_SENT", "HEARTBEAT_SENT", "HEARTBEAT_ACKED",
};
static const char *const dccp_states[] = {
	"NONE", "REQUEST", "RESPOND", "PARTOPEN", "OPEN", "CLOSEREQ", "CLOSING", "TIMEWAIT",
};

/* layer 4 protocol names as conntrack prints them */
static const char *l4_name(unsigned p)
{
	switch (p) {
	case 1: return "icmp";
	case 6: return "tcp";
	case 17: return "udp";
	case 33: return "dccp";
	case 47: return "gre";
	case 58: return "icmpv6";
	case 132: return "sctp";
	case 136: return "udplite";
	default: return "unknown";
	}
}

static bool find_uint(const struct nlc *set, uint16_t type, unsigned width, uint64_t *v)
{
	struct nlc a;
	if (!nla_find(NULL, set, type, &a) || nlc_left(&a) != width)
		return false;
	*v = nlc_uint(&a, width, true);	/* ctnetlink's numbers are big-endian */
	return nlc_ok(&a);
}

static bool put_addr(struct sbuf *b, const char *label, const struct nlc *ip, uint16_t t4,
		     uint16_t t6)
{
	struct nlc a;
	const uint8_t *p;
	if (nla_find(NULL, ip, t4, &a) && nlc_left(&a) == 4 && (p = nlc_bytes(&a, 4))) {
		sbuf_puts(b, label);
		sbuf_ipv4(b, p);
		return true;
	}
	if (nla_find(NULL, ip, t6, &a) && nlc_left(&a) == 16 && (p = nlc_bytes(&a, 16))) {
		sbuf_puts(b, label);
		sbuf_ipv6(b, p);
		return true;
	}
	return false;
}

static void put_num(struct sbuf *b, const char *label, const struct nlc *set, uint16_t type,
		    unsigned width, bool hex)
{
	uint64_t v;
	if (!find_uint(set, type, width, &v))
		return;
	sbuf_puts(b, label);
	if (hex)
		sbuf_hexnum(b, v);
	else
		sbuf_u64(b, v);
}

/* a tuple: src=.. dst=.. and the layer 4 part (sport/dport, type/code/id);
 * pre names it (mask- master-) */
static void put_tuple(struct sbuf *b, const struct nlc *tuple, const char *pre)
{
	struct nlc ip, l4;
	uint64_t proto = 0;
	char lb[2][24];
	snprintf(lb[0], sizeof(lb[0]), " %ssrc=", pre);
	snprintf(lb[1], sizeof(lb[1]), " %sdst=", pre);
	if (nla_find(NULL, tuple, CTA_TUPLE_IP, &ip)) {
		put_addr(b, lb[0], &ip, CTA_IP_V4_SRC, CTA_IP_V6_SRC);
		put_addr(b, lb[1], &ip, CTA_IP_V4_DST, CTA_IP_V6_DST);
	}
	if (!nla_find(NULL, tuple, CTA_TUPLE_PROTO, &l4))
		return;
	find_uint(&l4, CTA_PROTO_NUM, 1, &proto);
	if (proto == 1 || proto == 58) {	/* the ICMPv6 ones are 3 after */
		uint16_t k = proto == 58 ? CTA_PROTO_ICMPV6_ID - CTA_PROTO_ICMP_ID : 0;
		put_num(b, " type=", &l4, CTA_PROTO_ICMP_TYPE + k, 1, false);
		put_num(b, " code=", &l4, CTA_PROTO_ICMP_CODE + k, 1, false);
		put_num(b, " id=", &l4, CTA_PROTO_ICMP_ID + k, 2, false);
	} else if (proto == 47) {	/* GRE keys in the port attributes */
		put_num(b, " srckey=", &l4, CTA_PROTO_SRC_PORT, 2, true);
		put_num(b, " dstkey=", &l4, CTA_PROTO_DST_PORT, 2, true);
	} else {
		put_num(b, " sport=", &l4, CTA_PROTO_SRC_PORT, 2, false);
		put_num(b, " dport=", &l4, CTA_PROTO_DST_PORT, 2, false);
	}
}

/* the state of the protocol's protoinfo: ESTABLISHED */
static void put_state(struct sbuf *b, const struct nlc *pinfo)
{
	static const struct {
		uint16_t type;
		const char *const *names;
		unsigned n;
	} kinds[] = {
		{ CTA_PROTOINFO_TCP, tcp_states, ARRAY_SIZE(tcp_states) },
		{ CTA_PROTOINFO_SCTP, sctp_states, ARRAY_SIZE(sctp_states) },
		{ CTA_PROTOINFO_DCCP, dccp_states, ARRAY_SIZE(dccp_states) },
	};
	struct nlc in;
	uint64_t st;
	for (unsigned i = 0; i < ARRAY_SIZE(kinds); i++) {
		if (!nla_find(NULL, pinfo, kinds[i].type, &in) ||
		    !find_uint(&in, CTA_PROTOINFO_STATE, 1, &st))
			continue;
		sbuf_putc(b, ' ');
		if (st < kinds[i].n)
			sbuf_puts(b, kinds[i].names[st]);
		else
			sbuf_u64(b, st);
		return;
	}
}

enum { CT_ORIG, CT_REPLY, CT_STATUS, CT_PROTOINFO, CT_TIMEOUT, CT_MARK, CT_ZONE, CT_USE };
static const struct spec_sum_field ct_fields[] = {
	[CT_ORIG] = SPEC_SUM_ATTR("tuple-orig"),
	[CT_REPLY] = SPEC_SUM_ATTR("tuple-reply"),
	[CT_STATUS] = SPEC_SUM_ATTR("status"),
	[CT_PROTOINFO] = SPEC_SUM_ATTR("protoinfo"),
	[CT_TIMEOUT] = SPEC_SUM_ATTR("timeout"),
	[CT_MARK] = SPEC_SUM_ATTR("mark"),
	[CT_ZONE] = SPEC_SUM_ATTR("zone"),
	[CT_USE] = SPEC_SUM_ATTR("use"),
};

/* [NEW] tcp 6 120 SYN_SENT src=127.0.0.1 dst=127.0.0.1 sport=37334 dport=8080
 * [UNREPLIED] src=.. dst=.. sport=8080 dport=37334 [ASSURED] mark=0 use=1 */
static bool ct_text(struct dctx *d, const struct nl_sum_vals *v, const struct nl_sum_part *pt,
		    struct sbuf *b)
{
	struct nlc orig, reply, pinfo, l4;
	uint64_t proto = 0, x;
	uint32_t status = 0;
	bool have_status = ynl_sum_uint(v, CT_STATUS, &x);

	if (!nl_sum_get(v, pt->slot, &orig))
		return false;
	if (have_status)
		status = (uint32_t)x;
	/* an event: from the kernel, not a dump's part, sequence 0 (its port
	 * id is the one of the process that caused it, or 0) */
	if (!(d->nl_flags & CT_F_REQ_MULTI) && !d->seq)
		sbuf_puts(b, (d->nl_type & 0xff) == CT_MSG_DELETE ? "[DESTROY] " :
			     d->nl_flags & CT_F_NEW ? "[NEW] " : "[UPDATE] ");
	if (nla_find(NULL, &orig, CTA_TUPLE_PROTO, &l4))
		find_uint(&l4, CTA_PROTO_NUM, 1, &proto);
	sbuf_printf(b, "%s %u", l4_name((unsigned)proto), (unsigned)proto);
	if (ynl_sum_uint(v, CT_TIMEOUT, &x)) {
		sbuf_putc(b, ' ');
		sbuf_u64(b, x);
	}
	if (nl_sum_get(v, CT_PROTOINFO, &pinfo))
		put_state(b, &pinfo);
	put_tuple(b, &orig, "");
	if (have_status && !(status & IPS_SEEN_REPLY))
		sbuf_puts(b, " [UNREPLIED]");
	if (nl_sum_get(v, CT_REPLY, &reply))
		put_tuple(b, &reply, "");
	if (status & IPS_ASSURED)
		sbuf_puts(b, " [ASSURED]");
	if (ynl_sum_uint(v, CT_MARK, &x))
		sbuf_printf(b, " mark=%llu", (unsigned long long)x);
	if (ynl_sum_uint(v, CT_ZONE, &x))
		sbuf_printf(b, " zone=%llu", (unsigned long long)x);
	if (ynl_sum_uint(v, CT_USE, &x))
		sbuf_printf(b, " use=%llu", (unsigned long long)x);
	return true;
}

static const struct nl_sum_part ct_parts[] = {
	NLS_TEXT_OF(CT_ORIG, -1, " ", ct_text),
};
const struct spec_summary ynl_ct_sum = SPEC_SUMMARY(ct_fields, ct_parts);

/* conntrack -S: found=0 invalid=0 insert=0 ... (one message per cpu) */
enum { CS_FOUND, CS_INVALID, CS_INSERT, CS_INSERT_FAILED, CS_DROP, CS_EARLY_DROP, CS_ERROR,
       CS_RESTART, CS_CLASH, CS_TOOLONG };
static const struct spec_sum_field cs_fields[] = {
	[CS_FOUND] = SPEC_SUM_ATTR("found"),
	[CS_INVALID] = SPEC_SUM_ATTR("invalid"),
	[CS_INSERT] = SPEC_SUM_ATTR("insert"),
	[CS_INSERT_FAILED] = SPEC_SUM_ATTR("insert-failed"),
	[CS_DROP] = SPEC_SUM_ATTR("drop"),
	[CS_EARLY_DROP] = SPEC_SUM_ATTR("early-drop"),
	[CS_ERROR] = SPEC_SUM_ATTR("error"),
	[CS_RESTART] = SPEC_SUM_ATTR("search-restart"),
	[CS_CLASH] = SPEC_SUM_ATTR("clash-resolve"),
	[CS_TOOLONG] = SPEC_SUM_ATTR("chain-toolong"),
};
static const struct nl_sum_part cs_parts[] = {
	YNL_VAL(CS_FOUND, " found="),
	YNL_VAL(CS_INVALID, " invalid="),
	YNL_VAL(CS_INSERT, " insert="),
	YNL_VAL(CS_INSERT_FAILED, " insert_failed="),
	YNL_VAL(CS_DROP, " drop="),
	YNL_VAL(CS_EARLY_DROP, " early_drop="),
	YNL_VAL(CS_ERROR, " error="),
	YNL_VAL(CS_RESTART, " search_restart="),
	YNL_VAL(CS_CLASH, " clash_resolve="),
	YNL_VAL(CS_TOOLONG, " chaintoolong="),
};
const struct spec_summary ynl_ct_stats_sum = SPEC_SUMMARY(cs_fields, cs_parts);

/* the global count (conntrack -C): entries=4 max_entries=65536 */
enum { CG_ENTRIES, CG_MAX };
static const struct spec_sum_field cg_fields[] = {
	[CG_ENTRIES] = SPEC_SUM_ATTR("entries"),
	[CG_MAX] = SPEC_SUM_ATTR("max-entries"),
};
static const struct nl_sum_part cg_parts[] = {
	YNL_VAL(CG_ENTRIES, " entries="),
	YNL_VAL(CG_MAX, " max_entries="),
};
const struct spec_summary ynl_ct_global_sum = SPEC_SUMMARY(cg_fields, cg_parts);

/* an expectation as conntrack -L expect prints it: 300 proto=6 src=..
 * dst=.. sport=.. dport=.. mask-src=.. .. master-src=.. .. helper=ftp */
enum { CE_TUPLE, CE_MASK, CE_MASTER, CE_TIMEOUT, CE_HELPER };
static const struct spec_sum_field ce_fields[] = {
	[CE_TUPLE] = SPEC_SUM_ATTR("tuple"),
	[CE_MASK] = SPEC_SUM_ATTR("mask"),
	[CE_MASTER] = SPEC_SUM_ATTR("master"),
	[CE_TIMEOUT] = SPEC_SUM_ATTR("timeout"),
	[CE_HELPER] = SPEC_SUM_ATTR("help-name"),
};

static bool ce_text(struct dctx *d, const struct nl_sum_vals *v, const struct nl_sum_part *pt,
		    struct sbuf *b)
{
	struct nlc tuple, nest, l4;
	uint64_t x, proto = 0;

	(void)d;
	if (!nl_sum_get(v, pt->slot, &tuple))
		return false;
	if (ynl_sum_uint(v, CE_TIMEOUT, &x)) {
		sbuf_u64(b, x);
		sbuf_putc(b, ' ');
	}
	if (nla_find(NULL, &tuple, CTA_TUPLE_PROTO, &l4))
		find_uint(&l4, CTA_PROTO_NUM, 1, &proto);
	sbuf_printf(b, "proto=%u", (unsigned)proto);
	put_tuple(b, &tuple, "");
	if (nl_sum_get(v, CE_MASK, &nest))
		put_tuple(b, &nest, "mask-");
	if (nl_sum_get(v, CE_MASTER, &nest))
		put_tuple(b, &nest, "master-");
	return true;
}

static const struct nl_sum_part ce_parts[] = {
	NLS_TEXT_OF(CE_TUPLE, -1, " ", ce_text),
	YNL_VAL(CE_HELPER, " helper="),
};
const struct spec_summary ynl_ct_exp_sum = SPEC_SUMMARY(ce_fields, ce_parts);

/* ---- ipset ---- */

/* IPSET_ATTR_* (ipset/ip_set.h): the command level and the data level */
enum {
	IPSET_ATTR_DATA = 7,
	IPSET_ATTR_IP = 1, IPSET_ATTR_IP_TO = 2, IPSET_ATTR_CIDR = 3, IPSET_ATTR_PORT = 4,
	IPSET_ATTR_PORT_TO = 5, IPSET_ATTR_TIMEOUT = 6, IPSET_ATTR_PROTO = 7,
	IPSET_ATTR_ETHER = 17, IPSET_ATTR_NAME = 18, IPSET_ATTR_IP2 = 20,
	IPSET_ATTR_CIDR2 = 21, IPSET_ATTR_IFACE = 23, IPSET_ATTR_COMMENT = 26,
	IPSET_ATTR_IPADDR_IPV4 = 1, IPSET_ATTR_IPADDR_IPV6 = 2,
};

static bool ipset_ip(struct sbuf *b, const char *label, const struct nlc *data, uint16_t type)
{
	struct nlc nest;
	return nla_find(NULL, data, type, &nest) &&
	       put_addr(b, label, &nest, IPSET_ATTR_IPADDR_IPV4, IPSET_ATTR_IPADDR_IPV6);
}

static void ipset_str(struct sbuf *b, const char *label, const struct nlc *data, uint16_t type)
{
	const uint8_t *p;
	size_t n;
	if (!nla_find_str(NULL, data, type, &p, &n))
		return;
	sbuf_puts(b, label);
	sbuf_escape(b, p, n, 0);
}

/* an element as ipset prints it: 198.51.100.0/24,tcp:80 timeout 60 */
static void ipset_elem(struct sbuf *b, const struct nlc *data)
{
	uint64_t port, proto = 0;
	struct nlc a;
	const uint8_t *p;

	sbuf_putc(b, ' ');
	size_t at = b->len;
	if (ipset_ip(b, "", data, IPSET_ATTR_IP)) {
		ipset_ip(b, "-", data, IPSET_ATTR_IP_TO);
		put_num(b, "/", data, IPSET_ATTR_CIDR, 1, false);
	}
	if (nla_find(NULL, data, IPSET_ATTR_ETHER, &a) && nlc_left(&a) == 6 &&
	    (p = nlc_bytes(&a, 6))) {
		if (b->len > at)
			sbuf_putc(b, ',');
		sbuf_lladdr(b, p, 6);
	}
	if (find_uint(data, IPSET_ATTR_PORT, 2, &port)) {
		if (b->len > at)
			sbuf_putc(b, ',');
		find_uint(data, IPSET_ATTR_PROTO, 1, &proto);
		sbuf_printf(b, "%s:%llu", l4_name((unsigned)proto), (unsigned long long)port);
		put_num(b, "-", data, IPSET_ATTR_PORT_TO, 2, false);
	}
	if (ipset_ip(b, b->len > at ? "," : "", data, IPSET_ATTR_IP2))
		put_num(b, "/", data, IPSET_ATTR_CIDR2, 1, false);
	ipset_str(b, b->len > at ? "," : "", data, IPSET_ATTR_IFACE);
	ipset_str(b, b->len > at ? "," : "", data, IPSET_ATTR_NAME);
	if (b->len == at)
		b->len--;	/* no element: no space */
	put_num(b, " timeout ", data, IPSET_ATTR_TIMEOUT, 4, false);
	ipset_str(b, " comment ", data, IPSET_ATTR_COMMENT);
}

enum { IS_SET, IS_TYPE, IS_DATA, IS_ADT };
static const struct spec_sum_field is_fields[] = {
	[IS_SET] = SPEC_SUM_ATTR("setname"),
	[IS_TYPE] = SPEC_SUM_ATTR("typename"),
	[IS_DATA] = SPEC_SUM_ATTR("data"),
	[IS_ADT] = SPEC_SUM_ATTR("adt"),
};

/* add, del, test: the element; create: nothing of the data (the header:
 * timeout, hashsize..., a list reply's too) */
static bool is_elem(struct dctx *d, const struct nl_sum_vals *v, const struct nl_sum_part *pt,
		    struct sbuf *b)
{
	struct nlc data;
	unsigned msg = d->nl_type & 0xff;

	if (msg < 9 || msg > 11 || !nl_sum_get(v, pt->slot, &data))
		return false;	/* not IPSET_CMD_ADD, DEL or TEST */
	ipset_elem(b, &data);
	return true;
}

/* a list reply's members: "2 members" */
static bool is_members(struct dctx *d, const struct nl_sum_vals *v,
		       const struct nl_sum_part *pt, struct sbuf *b)
{
	struct nlc adt, it, payload;
	uint16_t type;
	unsigned n = 0;

	(void)d;
	if (!nl_sum_get(v, pt->slot, &adt))
		return false;
	it = adt;
	while (n < 100000 && nla_next(&it, &type, &payload))
		n += type == IPSET_ATTR_DATA;
	sbuf_printf(b, "%u member%s", n, n == 1 ? "" : "s");
	return true;
}

static const struct nl_sum_part is_parts[] = {
	YNL_VAL(IS_SET, " "),
	YNL_VAL(IS_TYPE, " "),
	NLS_TEXT_OF(IS_DATA, -1, "", is_elem),
	NLS_TEXT_OF(IS_ADT, -1, " ", is_members),
};
const struct spec_summary ynl_ipset_sum = SPEC_SUMMARY(is_fields, is_parts);
