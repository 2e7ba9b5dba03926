/* sock_diag.h - between the files of NETLINK_SOCK_DIAG: the tables
 * (sock_diag_tables.c), the messages and callbacks (sock_diag.c), the
 * bytecode filter (sock_diag_bc.c) and the summaries (sock_diag_sum.c).
 * Not for other files. */
#ifndef NLDUMP_SOCK_DIAG_H
#define NLDUMP_SOCK_DIAG_H

#include "dissect.h"

/* address families (include/linux/socket.h) */
enum {
	SD_AF_UNIX = 1, SD_AF_INET = 2, SD_AF_INET6 = 10, SD_AF_NETLINK = 16,
	SD_AF_PACKET = 17, SD_AF_TIPC = 30, SD_AF_VSOCK = 40, SD_AF_SMC = 43, SD_AF_XDP = 44,
};

/* ---- sock_diag_tables.c ---- */
extern const struct nl_names sd_family_names, sd_ipproto_names, sd_state_names,
	sd_ext_bits, sd_state_bits, sd_unix_show_bits, sd_sock_type_names, sd_ndiag_show_bits,
	sd_pdiag_show_bits;
extern const struct nl_struct sd_inet_req_v2, sd_inet_req_v1, sd_inet_msg, sd_unix_req,
	sd_unix_msg, sd_netlink_req, sd_netlink_msg, sd_packet_req, sd_packet_msg,
	sd_smc_req, sd_smc_msg, sd_vsock_req, sd_vsock_msg, sd_xdp_req, sd_xdp_msg,
	sd_sock_diag_req, sd_tcp_info, sd_mptcp_info, sd_sctp_info;
extern const struct nl_attr_set sd_inet_set, sd_inet_req_set, sd_unix_set, sd_netlink_set,
	sd_packet_set, sd_smc_set, sd_xdp_set;

/* ---- sock_diag.c: the callbacks the tables name ---- */
bool sd_cb_addr16(struct dctx *d, const struct nl_attr_pol *pol, const char *key, struct nlc *c);
bool sd_cb_cookie(struct dctx *d, const struct nl_attr_pol *pol, const char *key, struct nlc *c);
bool sd_cb_bits(struct dctx *d, const struct nl_attr_pol *pol, const char *key, struct nlc *c);
bool sd_cb_info(struct dctx *d, const struct nl_attr_pol *pol, const char *key, struct nlc *c);
bool sd_cb_inet_state(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		      struct nlc *c);
/* ss's words for an SCTP association's states (SCTP_STATE_CLOSED 0 ...) */
extern const struct nl_names sd_sctp_assoc_names;
/* an SCTP association: a reply to an SCTP dump without NLM_F_MULTI */
bool sd_sctp_assoc(const struct dctx *d, uint8_t family);
bool sd_cb_sockaddrs(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		     struct nlc *c);
bool sd_cb_sockaddr(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		    struct nlc *c);
bool sd_cb_unix_name(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		     struct nlc *c);
bool sd_cb_structs(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		   struct nlc *c);
bool sd_cb_groups(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		  struct nlc *c);

/* A bit-field word (pol->cbdata of sd_cb_bits): its members, each a
 * .name with .len bits, from the least significant bit as the compiler
 * lays them out on a little-endian machine. */
struct sd_bitfields {
	const struct nl_attr_pol *m;
	unsigned n;
};
#define SD_BITFIELDS(tbl) { (tbl), ARRAY_SIZE(tbl) }

/* The protocol of the dump request a reply answers (tcp 6, udp 17...,
 * mptcp 262), remembered by sequence number and family; -1 unknown. */
int sd_req_proto(const struct dctx *d, uint8_t family);

/* ---- sock_diag_bc.c ---- */
bool sd_cb_bytecode(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		    struct nlc *c);
extern const struct nl_shape sd_bytecode_shape;
/* the ss expression of the bytecode c, at most SD_BC_TEXT_MAX - 1
 * characters; false when it has none (or a longer one) */
#define SD_BC_TEXT_MAX 480
bool sd_bc_expr(struct nlc c, char out[SD_BC_TEXT_MAX]);

/* ---- sock_diag_tipc.c ---- */
extern const struct nl_struct sd_tipc_req;
extern const struct nl_attr_set sd_tipc_set;
extern const struct nl_summary sd_tipc_msg_summary;
/* true when p starts with a TIPC_NLA_SOCK nest (a TIPC reply) */
bool sd_tipc_shaped(const struct nlc *p);

/* ---- sock_diag_sum.c ---- */
extern const struct nl_summary sd_inet_req_summary, sd_inet_req_v1_summary,
	sd_inet_msg_summary, sd_unix_req_summary, sd_unix_msg_summary, sd_netlink_req_summary,
	sd_netlink_msg_summary, sd_packet_req_summary, sd_packet_msg_summary, sd_req_summary;

#endif
