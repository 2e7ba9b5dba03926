/* sock_diag_sum.c - NETLINK_SOCK_DIAG's one-line summaries, in ss's
 * words: "tcp ESTAB 127.0.0.1:8080 127.0.0.1:41234 ino 1234 uid 0",
 * "u_str LISTEN @name ino 1234 peer 0", a request's family, protocol,
 * states, extensions and filter (sock_diag_bc.c renders it).
 *
 * Reference: ss(8) for the words; include/uapi/linux/inet_diag.h,
 * unix_diag.h, netlink_diag.h, packet_diag.h (Linux 7.2).
 */
#include <string.h>

#include "ifmap.h"
#include "sock_diag.h"
#include "state.h"

/* ---- summaries ---- */

/* ss's netids of the inet protocols */
static const char *inet_netid(int proto, uint8_t family)
{
	const char *nm = proto >= 0 ? nl_name(&sd_ipproto_names, (unsigned)proto) : NULL;
	return nm ? nm : family == SD_AF_INET6 ? "inet6" : "inet";
}

static unsigned slot_u8(const struct nl_sum_vals *v, int slot)
{
	struct nlc c;
	return nl_sum_get(v, slot, &c) && nlc_left(&c) >= 1 ? nlc_u8(&c) : 0;
}

static bool slot_u32(const struct nl_sum_vals *v, int slot, uint32_t *out)
{
	return nl_sum_u32(v, slot, out);
}

/* " ESTAB", or with -n (or no name) " state 1" */
static void sum_name(struct dctx *d, const char *what, const struct nl_names *t, unsigned v)
{
	const char *nm = d->numeric ? NULL : nl_name(t, v);
	if (nm)
		emit_sum(d->e, " %s", nm);
	else
		emit_sum(d->e, " %s %u", what, v);
}

static void sum_bits(struct dctx *d, const char *label, const struct nl_names *t, uint32_t v)
{
	if (d->numeric) {
		emit_sum(d->e, "%s0x%x", label, v);
		return;
	}
	emit_sum_lit(d->e, label);
	bool first = true;
	for (unsigned b = 0; b < 32; b++) {
		if (!(v >> b & 1))
			continue;
		const char *nm = nl_name(t, b);
		if (nm)
			emit_sum(d->e, "%s%s", first ? "" : ",", nm);
		else
			emit_sum(d->e, "%s0x%x", first ? "" : ",", 1u << b);
		first = false;
	}
}

/* "127.0.0.1:8080", "[::1]:22", "*:*" (ss: the IPv6 wildcard as *, port 0 as *) */
static void sum_endpoint(struct dctx *d, uint8_t family, const uint8_t *a, uint16_t port)
{
	static const uint8_t zero[16];

	emit_sum_lit(d->e, " ");
	if (family == SD_AF_INET) {
		emit_sum_addr(d->e, EA_IPV4, a, 4);
	} else if (family == SD_AF_INET6 && !memcmp(a, zero, 16)) {
		emit_sum_lit(d->e, "*");
	} else if (family == SD_AF_INET6) {
		emit_sum_lit(d->e, "[");
		emit_sum_addr(d->e, EA_IPV6, a, 16);
		emit_sum_lit(d->e, "]");
	} else {
		emit_sum_lit(d->e, "?");
	}
	if (port)
		emit_sum(d->e, ":%u", port);
	else
		emit_sum_lit(d->e, ":*");
}

/* the two ends of an inet_diag_sockid */
static void sum_sockid(struct dctx *d, uint8_t family, struct nlc id)
{
	uint16_t sport = nlc_be16(&id), dport = nlc_be16(&id);
	const uint8_t *src = nlc_bytes(&id, 16), *dst = nlc_bytes(&id, 16);

	if (!src || !dst)
		return;
	sum_endpoint(d, family, src, sport);
	sum_endpoint(d, family, dst, dport);
}

/* inet_diag_msg: "tcp ESTAB 127.0.0.1:8080 127.0.0.1:41234 ino 1234 uid 0" */
enum { IM_FAMILY, IM_STATE, IM_ID, IM_UID, IM_INODE };
static const struct nl_sum_field inet_msg_fields[] = {
	[IM_FAMILY] = NL_SUM_HDR("family"), [IM_STATE] = NL_SUM_HDR("state"),
	[IM_ID] = NL_SUM_HDR("id"), [IM_UID] = NL_SUM_HDR("uid"), [IM_INODE] = NL_SUM_HDR("inode"),
};

static void sum_inet_msg(struct dctx *d, const struct nl_sum_vals *v)
{
	uint8_t family = (uint8_t)slot_u8(v, IM_FAMILY);
	int proto = sd_req_proto(d, family);
	struct nlc id;

	if (d->numeric && proto >= 0)
		emit_sum(d->e, " proto %d", proto);
	else
		emit_sum(d->e, " %s", inet_netid(d->numeric ? -1 : proto, family));
	/* an SCTP association: the kernel sends it without NLM_F_MULTI,
	 * after its endpoint, its state in SCTP's numbers; ss shows it
	 * under the endpoint as "`- ESTAB" */
	unsigned st = slot_u8(v, IM_STATE);
	const char *nm = nl_name(&sd_sctp_assoc_names, st);
	if (sd_sctp_assoc(d, family) && !d->numeric && nm)
		emit_sum(d->e, " `- %s", nm);
	else
		sum_name(d, "state", &sd_state_names, st);
	if (nl_sum_get(v, IM_ID, &id))
		sum_sockid(d, family, id);
}
static const struct nl_sum_part inet_msg_parts[] = {
	NLS_CALL(sum_inet_msg),
	NLS_PART(NLS_U32, IM_INODE, " ino "),
	NLS_PART(NLS_U32, IM_UID, " uid "),
};
const struct nl_summary sd_inet_msg_summary = NL_SUMMARY(inet_msg_fields, inet_msg_parts);

/* inet requests: "inet tcp states ESTAB,LISTEN ext meminfo,info filter sport = :8080" */
enum { IR_FAMILY, IR_PROTO, IR_EXT, IR_STATES, IR_ID, IR_BC, IR_PROTO_ATTR };
static const struct nl_sum_field inet_req_fields[] = {
	[IR_FAMILY] = NL_SUM_HDR("family"), [IR_PROTO] = NL_SUM_HDR("protocol"),
	[IR_EXT] = NL_SUM_HDR("ext"), [IR_STATES] = NL_SUM_HDR("states"),
	[IR_ID] = NL_SUM_HDR("id"), [IR_BC] = NL_SUM_ATTR(&sd_inet_req_set, "bytecode"),
	[IR_PROTO_ATTR] = NL_SUM_ATTR(&sd_inet_req_set, "protocol"),
};
/* v1 has no protocol byte: the message type says it */
static const struct nl_sum_field inet_req_v1_fields[] = {
	[IR_FAMILY] = NL_SUM_HDR("family"), [IR_PROTO] = NL_SUM_HDR("(none)"),
	[IR_EXT] = NL_SUM_HDR("ext"), [IR_STATES] = NL_SUM_HDR("states"),
	[IR_ID] = NL_SUM_HDR("id"), [IR_BC] = NL_SUM_ATTR(&sd_inet_req_set, "bytecode"),
	[IR_PROTO_ATTR] = NL_SUM_ATTR(&sd_inet_req_set, "protocol"),
};

static void sum_inet_req(struct dctx *d, const struct nl_sum_vals *v)
{
	uint8_t family = (uint8_t)slot_u8(v, IR_FAMILY);
	uint32_t states = 0, proto32;
	struct nlc id, bc;
	int proto = nl_sum_get(v, IR_PROTO, &id) ? (int)slot_u8(v, IR_PROTO)
						 : sd_req_proto(d, family);

	if (nl_sum_u32(v, IR_PROTO_ATTR, &proto32))
		proto = (int)proto32;
	sum_name(d, "family", &sd_family_names, family);
	if (d->numeric)
		emit_sum(d->e, " proto %d", proto);
	else
		emit_sum(d->e, " %s", inet_netid(proto, family));
	if (slot_u32(v, IR_STATES, &states) && states) {
		if ((states & 0xfff) == 0xfff && !d->numeric)
			emit_sum_lit(d->e, " states all");
		else
			sum_bits(d, " states ", &sd_state_bits, states);
	}
	if (slot_u8(v, IR_EXT))
		sum_bits(d, " ext ", &sd_ext_bits, slot_u8(v, IR_EXT));
	/* one socket (SOCK_DESTROY, a dump of one): its ends */
	if (nl_sum_get(v, IR_ID, &id)) {
		struct nlc p = id;
		if (nlc_u16(&p) || nlc_u16(&p))
			sum_sockid(d, family, id);
	}
	if (nl_sum_get(v, IR_BC, &bc)) {
		char t[SD_BC_TEXT_MAX];
		if (sd_bc_expr(bc, t))
			emit_sum(d->e, " filter %s", t);
		else
			emit_sum_lit(d->e, " filter (bytecode)");
	}
}
static const struct nl_sum_part inet_req_parts[] = { NLS_CALL(sum_inet_req) };
const struct nl_summary sd_inet_req_summary = NL_SUMMARY(inet_req_fields, inet_req_parts);
const struct nl_summary sd_inet_req_v1_summary = NL_SUMMARY(inet_req_v1_fields, inet_req_parts);

/* unix: "u_str LISTEN /tmp/sock ino 9939 peer 0" */
static const char *const unix_netid_v[] = { [1] = "u_str", [2] = "u_dgr", [5] = "u_seq" };
static const struct nl_names unix_netid_names = NL_NAMES(unix_netid_v);

enum { UM_TYPE, UM_STATE, UM_INO, UM_NAME, UM_PEER };
static const struct nl_sum_field unix_msg_fields[] = {
	[UM_TYPE] = NL_SUM_HDR("type"), [UM_STATE] = NL_SUM_HDR("state"),
	[UM_INO] = NL_SUM_HDR("ino"), [UM_NAME] = NL_SUM_ATTR(&sd_unix_set, "name"),
	[UM_PEER] = NL_SUM_ATTR(&sd_unix_set, "peer"),
};

static void sum_unix_msg(struct dctx *d, const struct nl_sum_vals *v)
{
	struct nlc nm;
	const uint8_t *p;

	sum_name(d, "type", &unix_netid_names, slot_u8(v, UM_TYPE));
	sum_name(d, "state", &sd_state_names, slot_u8(v, UM_STATE));
	if (!nl_sum_get(v, UM_NAME, &nm) || !nlc_left(&nm) || !(p = nlc_peek(&nm, nlc_left(&nm)))) {
		emit_sum_lit(d->e, " *");
		return;
	}
	size_t n = nlc_left(&nm);
	emit_sum_lit(d->e, " ");
	if (!p[0]) {
		emit_sum_lit(d->e, "@");
		emit_sum_str(d->e, p + 1, n - 1);
	} else {
		const uint8_t *z = memchr(p, 0, n);
		emit_sum_str(d->e, p, z ? (size_t)(z - p) : n);
	}
}
static const struct nl_sum_part unix_msg_parts[] = {
	NLS_CALL(sum_unix_msg),
	NLS_PART(NLS_U32, UM_INO, " ino "),
	NLS_PART(NLS_U32, UM_PEER, " peer "),
};
const struct nl_summary sd_unix_msg_summary = NL_SUMMARY(unix_msg_fields, unix_msg_parts);

/* requests of the other families: "unix states all show name,peer" */
enum { QR_FAMILY, QR_STATES, QR_SHOW };
static const struct nl_sum_field req_fields[] = {
	[QR_FAMILY] = NL_SUM_HDR("family"), [QR_STATES] = NL_SUM_HDR("states"),
	[QR_SHOW] = NL_SUM_HDR("show"),
};

static void sum_req(struct dctx *d, const struct nl_sum_vals *v, const struct nl_names *show)
{
	uint32_t u;

	sum_name(d, "family", &sd_family_names, slot_u8(v, QR_FAMILY));
	if (slot_u32(v, QR_STATES, &u) && u) {
		if ((u & 0xfff) == 0xfff && !d->numeric)
			emit_sum_lit(d->e, " states all");
		else
			sum_bits(d, " states ", &sd_state_bits, u);
	}
	if (show && slot_u32(v, QR_SHOW, &u) && u)
		sum_bits(d, " show ", show, u);
}

static void sum_unix_req(struct dctx *d, const struct nl_sum_vals *v)
{
	sum_req(d, v, &sd_unix_show_bits);
}
static const struct nl_sum_part unix_req_parts[] = { NLS_CALL(sum_unix_req) };
const struct nl_summary sd_unix_req_summary = NL_SUMMARY(req_fields, unix_req_parts);

static void sum_plain_req(struct dctx *d, const struct nl_sum_vals *v)
{
	sum_req(d, v, NULL);
}
static const struct nl_sum_part req_parts[] = { NLS_CALL(sum_plain_req) };
const struct nl_summary sd_req_summary = NL_SUMMARY(req_fields, req_parts);

static void sum_netlink_req(struct dctx *d, const struct nl_sum_vals *v)
{
	sum_req(d, v, &sd_ndiag_show_bits);
}
static const struct nl_sum_part netlink_req_parts[] = { NLS_CALL(sum_netlink_req) };
const struct nl_summary sd_netlink_req_summary = NL_SUMMARY(req_fields, netlink_req_parts);

static void sum_packet_req(struct dctx *d, const struct nl_sum_vals *v)
{
	sum_req(d, v, &sd_pdiag_show_bits);
}
static const struct nl_sum_part packet_req_parts[] = { NLS_CALL(sum_packet_req) };
const struct nl_summary sd_packet_req_summary = NL_SUMMARY(req_fields, packet_req_parts);

/* netlink: "nl UNCONN rtnl:190 ino 1234", the protocol as ss names it */
static const char *const nl_proto_v[] = {
	"rtnl", "unused", "usersock", "fw", "tcpdiag", "nflog", "xfrm", "selinux", "iscsi",
	"audit", "fiblookup", "connector", "nft", "ip6fw", "dec-rt", "uevent", "genl",
	"unused17", "scsi-trans", "ecryptfs", "rdma", "crypto", "smc",
};
static const struct nl_names nl_proto_names = NL_NAMES(nl_proto_v);
static const char *const nl_state_v[] = { "UNCONN", "ESTAB" };
static const struct nl_names nl_state_names = NL_NAMES(nl_state_v);

enum { NM_PROTO, NM_STATE, NM_PORTID, NM_DPORT, NM_DGROUP, NM_INO };
static const struct nl_sum_field netlink_msg_fields[] = {
	[NM_PROTO] = NL_SUM_HDR("protocol"), [NM_STATE] = NL_SUM_HDR("state"),
	[NM_PORTID] = NL_SUM_HDR("portid"), [NM_DPORT] = NL_SUM_HDR("dst_portid"),
	[NM_DGROUP] = NL_SUM_HDR("dst_group"), [NM_INO] = NL_SUM_HDR("ino"),
};

static void sum_netlink_msg(struct dctx *d, const struct nl_sum_vals *v)
{
	uint32_t port = 0, dport = 0, dgroup = 0;

	emit_sum_lit(d->e, " nl");
	sum_name(d, "state", &nl_state_names, slot_u8(v, NM_STATE));
	if (d->numeric || !nl_name(&nl_proto_names, slot_u8(v, NM_PROTO)))
		emit_sum(d->e, " %u", slot_u8(v, NM_PROTO));
	else
		emit_sum(d->e, " %s", nl_name(&nl_proto_names, slot_u8(v, NM_PROTO)));
	slot_u32(v, NM_PORTID, &port);
	emit_sum(d->e, ":%u", port);
	slot_u32(v, NM_DPORT, &dport);
	slot_u32(v, NM_DGROUP, &dgroup);
	if (dport || dgroup)
		emit_sum(d->e, " %u:%u", dport, dgroup);
	else
		emit_sum_lit(d->e, " *");
}
static const struct nl_sum_part netlink_msg_parts[] = {
	NLS_CALL(sum_netlink_msg),
	NLS_PART(NLS_U32, NM_INO, " ino "),
};
const struct nl_summary sd_netlink_msg_summary = NL_SUMMARY(netlink_msg_fields, netlink_msg_parts);

/* packet: "p_raw *:eth0 ino 1234" (protocol:interface, as ss -0) */
static const char *const packet_netid_v[] = { [2] = "p_dgr", [3] = "p_raw" };
static const struct nl_names packet_netid_names = NL_NAMES(packet_netid_v);

enum { PM_TYPE, PM_NUM, PM_INO, PM_INFO };
static const struct nl_sum_field packet_msg_fields[] = {
	[PM_TYPE] = NL_SUM_HDR("type"), [PM_NUM] = NL_SUM_HDR("num"),
	[PM_INO] = NL_SUM_HDR("ino"), [PM_INFO] = NL_SUM_ATTR(&sd_packet_set, "info"),
};

static void sum_packet_msg(struct dctx *d, const struct nl_sum_vals *v)
{
	struct nlc c, info;
	uint16_t num = 0;
	uint32_t ifindex = 0;

	sum_name(d, "type", &packet_netid_names, slot_u8(v, PM_TYPE));
	if (nl_sum_get(v, PM_NUM, &c))
		num = nlc_u16(&c);
	if (num == 0x0003)	/* ETH_P_ALL */
		emit_sum_lit(d->e, " *");
	else if (num == 0x0800 && !d->numeric)
		emit_sum_lit(d->e, " ip");
	else if (num == 0x86dd && !d->numeric)
		emit_sum_lit(d->e, " ipv6");
	else
		emit_sum(d->e, " 0x%04x", num);
	if (nl_sum_get(v, PM_INFO, &info) && nlc_left(&info) >= 4)
		ifindex = nlc_u32(&info);
	const char *nm = ifindex && !d->numeric ? ifmap_get(d->st->ifnames, ifindex) : NULL;
	if (!ifindex) {
		emit_sum_lit(d->e, ":*");
	} else if (nm) {
		emit_sum_lit(d->e, ":");
		emit_sum_str(d->e, (const uint8_t *)nm, strlen(nm));
	} else {
		emit_sum(d->e, ":if%u", ifindex);
	}
}
static const struct nl_sum_part packet_msg_parts[] = {
	NLS_CALL(sum_packet_msg),
	NLS_PART(NLS_U32, PM_INO, " ino "),
};
const struct nl_summary sd_packet_msg_summary = NL_SUMMARY(packet_msg_fields, packet_msg_parts);
