/* sock_diag_tables.c - NETLINK_SOCK_DIAG's layouts and attribute sets:
 * inet_diag (requests v1 and v2, replies, INET_DIAG_*, tcp_info and the
 * congestion control infos), unix_diag, netlink_diag, packet_diag, and
 * the headers of smc_diag, vsock_diag and xdp_diag.
 *
 * Reference: include/uapi/linux/{sock_diag,inet_diag,unix_diag,
 * netlink_diag,packet_diag,smc_diag,vm_sockets_diag,xdp_diag,tcp,tls,
 * mptcp_pm}.h (Linux 7.2).  tests/check_sockdiag_structs.py compares the
 * sizes and numbers here with those headers.
 */
#include "sock_diag.h"

/* ---- names ---- */

static const char *const family_v[] = {
	[0] = "unspec", [SD_AF_UNIX] = "unix", [SD_AF_INET] = "inet", [SD_AF_INET6] = "inet6",
	[SD_AF_NETLINK] = "netlink", [SD_AF_PACKET] = "packet", [SD_AF_TIPC] = "tipc",
	[SD_AF_VSOCK] = "vsock", [SD_AF_SMC] = "smc", [SD_AF_XDP] = "xdp",
};
const struct nl_names sd_family_names = NL_NAMES(family_v);

/* IPPROTO_* (include/uapi/linux/in.h), as ss names its netids */
static const char *const ipproto_v[] = {
	[0] = "ip", [1] = "icmp", [2] = "igmp", [4] = "ipip", [6] = "tcp", [17] = "udp",
	[33] = "dccp", [41] = "ipv6", [47] = "gre", [50] = "esp", [51] = "ah",
	[58] = "ipv6-icmp", [132] = "sctp", [136] = "udplite", [255] = "raw", [262] = "mptcp",
};
const struct nl_names sd_ipproto_names = NL_NAMES(ipproto_v);

/* TCP_ESTABLISHED.. (include/net/tcp_states.h), as ss writes them */
static const char *const state_v[] = {
	"UNKNOWN", "ESTAB", "SYN-SENT", "SYN-RECV", "FIN-WAIT-1", "FIN-WAIT-2", "TIME-WAIT",
	"UNCONN", "CLOSE-WAIT", "LAST-ACK", "LISTEN", "CLOSING", "NEW-SYN-RECV",
	"BOUND-INACTIVE",
};
const struct nl_names sd_state_names = NL_NAMES(state_v);
/* idiag_states: bit N is state N */
const struct nl_names sd_state_bits = NL_NAMES(state_v);

/* idiag_ext: bit N-1 asks for INET_DIAG_* attribute N */
static const char *const ext_v[] = {
	"meminfo", "info", "vegasinfo", "cong", "tos", "tclass", "skmeminfo", "shutdown",
};
const struct nl_names sd_ext_bits = NL_NAMES(ext_v);

static const char *const timer_v[] = { "off", "on", "keepalive", "timewait", "persist", "delack" };
static const struct nl_names timer_names = NL_NAMES(timer_v);

static const char *const shutdown_v[] = { "rcv", "send" };
static const struct nl_names shutdown_bits = NL_NAMES(shutdown_v);

static const char *const sock_type_v[] = {
	[1] = "stream", [2] = "dgram", [3] = "raw", [4] = "rdm", [5] = "seqpacket",
	[6] = "dccp", [10] = "packet",
};
const struct nl_names sd_sock_type_names = NL_NAMES(sock_type_v);

/* ---- struct inet_diag_sockid and the inet requests and replies ---- */

static const struct nl_shape cookie_shape = NL_SHAPE_FORM("u64");
static const struct nl_shape addr16_shape = NL_SHAPE_FORM("ipv4|ipv6|hex");

static const struct nl_attr_pol sockid_f[] = {
	{ "sport", NLA_KIND_BE16 },
	{ "dport", NLA_KIND_BE16 },
	{ "src", NLA_KIND_CB, .len = 16, .cb = sd_cb_addr16, .shape = &addr16_shape },
	{ "dst", NLA_KIND_CB, .len = 16, .cb = sd_cb_addr16, .shape = &addr16_shape },
	{ "if", NLA_KIND_U32 },
	{ "cookie", NLA_KIND_CB, .len = 8, .cb = sd_cb_cookie, .shape = &cookie_shape },
};
static const struct nl_struct sockid_st = NL_STRUCT("inet_diag_sockid", sockid_f, 48);

static const struct nl_attr_pol inet_req_v2_f[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &sd_family_names },
	{ "protocol", NLA_KIND_U8, .enums = &sd_ipproto_names },
	{ "ext", NLA_KIND_U8, .bits = &sd_ext_bits },
	{ NULL, NLA_KIND_PAD, .len = 1 },
	{ "states", NLA_KIND_U32, .bits = &sd_state_bits },
	{ "id", NLA_KIND_STRUCT, .st = &sockid_st },
};
const struct nl_struct sd_inet_req_v2 = NL_STRUCT("inet_diag_req_v2", inet_req_v2_f, 56);

static const struct nl_attr_pol inet_req_v1_f[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &sd_family_names },
	{ "src_len", NLA_KIND_U8 },
	{ "dst_len", NLA_KIND_U8 },
	{ "ext", NLA_KIND_U8, .bits = &sd_ext_bits },
	{ "id", NLA_KIND_STRUCT, .st = &sockid_st },
	{ "states", NLA_KIND_U32, .bits = &sd_state_bits },
	{ "dbs", NLA_KIND_U32 },
};
const struct nl_struct sd_inet_req_v1 = NL_STRUCT("inet_diag_req", inet_req_v1_f, 60);

/* a TCP state's name, or an SCTP association's (sock_diag.c) */
static const struct nl_shape inet_state_shape = NL_SHAPE_FORM("enum");
static const struct nl_attr_pol inet_msg_f[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &sd_family_names },
	{ "state", NLA_KIND_CB, .len = 1, .cb = sd_cb_inet_state, .enums = &sd_state_names,
	  .shape = &inet_state_shape },
	{ "timer", NLA_KIND_U8, .enums = &timer_names },
	{ "retrans", NLA_KIND_U8 },
	{ "id", NLA_KIND_STRUCT, .st = &sockid_st },
	{ "expires", NLA_KIND_U32 },
	{ "rqueue", NLA_KIND_U32 },
	{ "wqueue", NLA_KIND_U32 },
	{ "uid", NLA_KIND_U32 },
	{ "inode", NLA_KIND_U32 },
};
const struct nl_struct sd_inet_msg = NL_STRUCT("inet_diag_msg", inet_msg_f, 72);

/* struct sock_diag_req: the two bytes every request starts with (a
 * family nldump has no layout for) */
static const struct nl_attr_pol sock_diag_req_f[] = {
	{ "family", NLA_KIND_U8, .enums = &sd_family_names },
	{ "protocol", NLA_KIND_U8 },
};
const struct nl_struct sd_sock_diag_req = NL_STRUCT("sock_diag_req", sock_diag_req_f, 2);

/* ---- INET_DIAG_* ---- */

static const struct nl_attr_pol meminfo_f[] = {
	{ "rmem", NLA_KIND_U32 }, { "wmem", NLA_KIND_U32 },
	{ "fmem", NLA_KIND_U32 }, { "tmem", NLA_KIND_U32 },
};
static const struct nl_struct meminfo_st = NL_STRUCT("inet_diag_meminfo", meminfo_f, 16);

/* SK_MEMINFO_* (sock_diag.h): a u32 array, longer in newer kernels */
static const struct nl_attr_pol skmeminfo_f[] = {
	{ "rmem_alloc", NLA_KIND_U32 }, { "rcvbuf", NLA_KIND_U32 },
	{ "wmem_alloc", NLA_KIND_U32 }, { "sndbuf", NLA_KIND_U32 },
	{ "fwd_alloc", NLA_KIND_U32 }, { "wmem_queued", NLA_KIND_U32 },
	{ "optmem", NLA_KIND_U32 }, { "backlog", NLA_KIND_U32 },
	{ "drops", NLA_KIND_U32 },
};
static const struct nl_struct skmeminfo_st = {
	"sk_meminfo", skmeminfo_f, ARRAY_SIZE(skmeminfo_f), 36, 4
};

static const struct nl_attr_pol vegas_f[] = {
	{ "enabled", NLA_KIND_U32 }, { "rttcnt", NLA_KIND_U32 },
	{ "rtt", NLA_KIND_U32 }, { "minrtt", NLA_KIND_U32 },
};
static const struct nl_struct vegas_st = NL_STRUCT("tcpvegas_info", vegas_f, 16);

static const struct nl_attr_pol dctcp_f[] = {
	{ "enabled", NLA_KIND_U16 }, { "ce_state", NLA_KIND_U16 },
	{ "alpha", NLA_KIND_U32 }, { "ab_ecn", NLA_KIND_U32 }, { "ab_tot", NLA_KIND_U32 },
};
static const struct nl_struct dctcp_st = NL_STRUCT("tcp_dctcp_info", dctcp_f, 16);

static const struct nl_attr_pol bbr_f[] = {
	{ "bw_lo", NLA_KIND_U32 }, { "bw_hi", NLA_KIND_U32 }, { "min_rtt", NLA_KIND_U32 },
	{ "pacing_gain", NLA_KIND_U32 }, { "cwnd_gain", NLA_KIND_U32 },
};
static const struct nl_struct bbr_st = NL_STRUCT("tcp_bbr_info", bbr_f, 20);

/* struct inet_diag_sockopt: two bytes of one-bit fields */
static const struct nl_attr_pol sockopt1_m[] = {
	{ "recverr", NLA_KIND_U8, .len = 1 }, { "is_icsk", NLA_KIND_U8, .len = 1 },
	{ "freebind", NLA_KIND_U8, .len = 1 }, { "hdrincl", NLA_KIND_U8, .len = 1 },
	{ "mc_loop", NLA_KIND_U8, .len = 1 }, { "transparent", NLA_KIND_U8, .len = 1 },
	{ "mc_all", NLA_KIND_U8, .len = 1 }, { "nodefrag", NLA_KIND_U8, .len = 1 },
	{ "bind_address_no_port", NLA_KIND_U8, .len = 1 },
	{ "recverr_rfc4884", NLA_KIND_U8, .len = 1 }, { "defer_connect", NLA_KIND_U8, .len = 1 },
	{ "unused", NLA_KIND_U8, .len = 5 },
};
static const struct sd_bitfields sockopt_bf = SD_BITFIELDS(sockopt1_m);
static const struct nl_shape sockopt_shape = NL_SHAPE_OBJ(sockopt1_m);

/* struct tcp_diag_md5sig */
static const struct nl_attr_pol md5sig_f[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &sd_family_names },
	{ "prefixlen", NLA_KIND_U8 },
	{ "keylen", NLA_KIND_U16 },
	{ "addr", NLA_KIND_CB, .len = 16, .cb = sd_cb_addr16, .shape = &addr16_shape },
	{ "key", NLA_KIND_BINARY, .len = 80 },
};
static const struct nl_struct md5sig_st = NL_STRUCT("tcp_diag_md5sig", md5sig_f, 100);

/* INET_ULP_INFO_TLS: TLS_INFO_* (tls.h) */
static const char *const tls_conf_v[] = { [1] = "base", [2] = "sw", [3] = "hw", [4] = "hw-record" };
static const struct nl_names tls_conf_names = NL_NAMES(tls_conf_v);
static const char *const tls_cipher_v[] = {
	[51] = "aes-gcm-128", [52] = "aes-gcm-256", [53] = "aes-ccm-128",
	[54] = "chacha20-poly1305", [55] = "sm4-gcm", [56] = "sm4-ccm",
	[57] = "aria-gcm-128", [58] = "aria-gcm-256",
};
static const struct nl_names tls_cipher_names = NL_NAMES(tls_cipher_v);
static const struct nl_attr_pol tls_info_attrs[] = {
	[1] = { "version", NLA_KIND_U16, .flags = NLAF_HEX },
	[2] = { "cipher", NLA_KIND_U16, .enums = &tls_cipher_names },
	[3] = { "txconf", NLA_KIND_U16, .enums = &tls_conf_names },
	[4] = { "rxconf", NLA_KIND_U16, .enums = &tls_conf_names },
	[5] = { "zc_ro_tx", NLA_KIND_FLAG },
	[6] = { "rx_no_pad", NLA_KIND_FLAG },
	[7] = { "tx_max_payload_len", NLA_KIND_U16 },
};
static const struct nl_attr_set tls_info_set = NL_ATTR_SET("tls_info", tls_info_attrs);

/* INET_ULP_INFO_MPTCP: MPTCP_SUBFLOW_ATTR_* (mptcp_pm.h) */
static const char *const subflow_flag_v[] = {
	"mcap_rem", "mcap_loc", "join_rem", "join_loc", "bkup_rem", "bkup_loc",
	"fully_established", "connected", "mapvalid",
};
static const struct nl_names subflow_flag_bits = NL_NAMES(subflow_flag_v);
static const struct nl_attr_pol subflow_attrs[] = {
	[1] = { "token_rem", NLA_KIND_U32, .flags = NLAF_HEX },
	[2] = { "token_loc", NLA_KIND_U32, .flags = NLAF_HEX },
	[3] = { "relwrite_seq", NLA_KIND_U32 },
	[4] = { "map_seq", NLA_KIND_U64 },
	[5] = { "map_sfseq", NLA_KIND_U32 },
	[6] = { "ssn_offset", NLA_KIND_U32 },
	[7] = { "map_datalen", NLA_KIND_U16 },
	[8] = { "flags", NLA_KIND_U32, .bits = &subflow_flag_bits },
	[9] = { "id_rem", NLA_KIND_U8 },
	[10] = { "id_loc", NLA_KIND_U8 },
	[11] = { "pad", NLA_KIND_PAD },
};
static const struct nl_attr_set subflow_set = NL_ATTR_SET("mptcp_subflow", subflow_attrs);

static const struct nl_attr_pol ulp_attrs[] = {
	[1] = { "name", NLA_KIND_NUL_STRING },
	[2] = { "tls", NLA_KIND_NESTED, .nest = &tls_info_set },
	[3] = { "mptcp", NLA_KIND_NESTED, .nest = &subflow_set },
};
static const struct nl_attr_set ulp_set = NL_ATTR_SET("inet_ulp_info", ulp_attrs);

/* SK_DIAG_BPF_STORAGE_* (sock_diag.h) */
static const struct nl_attr_pol bpf_storage_attrs[] = {
	[1] = { "pad", NLA_KIND_PAD },
	[2] = { "map_id", NLA_KIND_U32 },
	[3] = { "map_value", NLA_KIND_BINARY },
};
static const struct nl_attr_set bpf_storage_set = NL_ATTR_SET("sk_diag_bpf_storage", bpf_storage_attrs);
static const struct nl_attr_pol bpf_storages_attrs[] = {
	[1] = { "storage", NLA_KIND_NESTED, .nest = &bpf_storage_set },
};
static const struct nl_attr_set bpf_storages_set = NL_ATTR_SET("sk_diag_bpf_storages", bpf_storages_attrs);
static const struct nl_attr_pol bpf_storage_req_attrs[] = {
	[1] = { "map_fd", NLA_KIND_U32 },
};
static const struct nl_attr_set bpf_storage_req_set = NL_ATTR_SET("sk_diag_bpf_storage_req", bpf_storage_req_attrs);

/* INET_DIAG_LOCALS / PEERS: SCTP addresses, one struct sockaddr_storage each */
static const struct nl_attr_pol sockaddr_members[] = {
	{ "family", NLA_KIND_U16, .enums = &sd_family_names },
	{ "port", NLA_KIND_BE16 },
	{ "addr", NLA_KIND_CB, .shape = &addr16_shape },
};
static const struct nl_shape sockaddrs_shape = NL_SHAPE_OBJ(sockaddr_members);

static const struct nl_attr_pol md5sig_item = { "md5sig", NLA_KIND_STRUCT, .st = &md5sig_st };
static const struct nl_shape md5sig_shape = NL_SHAPE_OBJ(md5sig_f);

/* struct mptcp_info (mptcp.h): INET_DIAG_INFO of an MPTCP socket; 40
 * bytes in its first kernel (5.7) */
static const char *const mptcp_flag_v[] = { "fallback", "remote_key_received" };
static const struct nl_names mptcp_flag_bits = NL_NAMES(mptcp_flag_v);
static const struct nl_attr_pol mptcp_info_f[] = {
	{ "subflows", NLA_KIND_U8 }, { "add_addr_signal", NLA_KIND_U8 },
	{ "add_addr_accepted", NLA_KIND_U8 }, { "subflows_max", NLA_KIND_U8 },
	{ "add_addr_signal_max", NLA_KIND_U8 }, { "add_addr_accepted_max", NLA_KIND_U8 },
	{ NULL, NLA_KIND_PAD, .len = 2 },
	{ "flags", NLA_KIND_U32, .bits = &mptcp_flag_bits },
	{ "token", NLA_KIND_U32, .flags = NLAF_HEX },
	{ "write_seq", NLA_KIND_U64 }, { "snd_una", NLA_KIND_U64 }, { "rcv_nxt", NLA_KIND_U64 },
	{ "local_addr_used", NLA_KIND_U8 }, { "local_addr_max", NLA_KIND_U8 },
	{ "csum_enabled", NLA_KIND_U8 }, { NULL, NLA_KIND_PAD, .len = 1 },
	{ "retransmits", NLA_KIND_U32 },
	{ "bytes_retrans", NLA_KIND_U64 }, { "bytes_sent", NLA_KIND_U64 },
	{ "bytes_received", NLA_KIND_U64 }, { "bytes_acked", NLA_KIND_U64 },
	{ "subflows_total", NLA_KIND_U8 }, { "endp_laminar_max", NLA_KIND_U8 },
	{ "endp_fullmesh_max", NLA_KIND_U8 }, { NULL, NLA_KIND_PAD, .len = 1 },
	{ "last_data_sent", NLA_KIND_U32 }, { "last_data_recv", NLA_KIND_U32 },
	{ "last_ack_recv", NLA_KIND_U32 },
};
const struct nl_struct sd_mptcp_info = {
	"mptcp_info", mptcp_info_f, ARRAY_SIZE(mptcp_info_f), 96, 40
};

/* struct sctp_info (sctp.h): INET_DIAG_INFO of an SCTP socket, 368
 * bytes; an association's state as the kernel fills it (asoc->state, its
 * enum sctp_state: CLOSED 0 ... ESTABLISHED 3, one less than sctp.h's
 * enum sctp_sstat_state, which has EMPTY 0), its primary path's
 * (SCTP_INACTIVE...; SCTP_UNKNOWN 0xffff shown as a number) */
static const char *const sctp_state_v[] = {
	"closed", "cookie_wait", "cookie_echoed", "established",
	"shutdown_pending", "shutdown_sent", "shutdown_received", "shutdown_ack_sent",
};
static const struct nl_names sctp_state_names = NL_NAMES(sctp_state_v);
static const char *const sctp_path_v[] = { "inactive", "pf", "active", "unconfirmed" };
static const struct nl_names sctp_path_names = NL_NAMES(sctp_path_v);
static const struct nl_attr_pol sctp_info_f[] = {
	{ "tag", NLA_KIND_U32, .flags = NLAF_HEX },
	{ "state", NLA_KIND_U32, .enums = &sctp_state_names },
	{ "rwnd", NLA_KIND_U32 },
	{ "unackdata", NLA_KIND_U16 }, { "penddata", NLA_KIND_U16 },
	{ "instrms", NLA_KIND_U16 }, { "outstrms", NLA_KIND_U16 },
	{ "fragmentation_point", NLA_KIND_U32 }, { "inqueue", NLA_KIND_U32 },
	{ "outqueue", NLA_KIND_U32 }, { "overall_error", NLA_KIND_U32 },
	{ "max_burst", NLA_KIND_U32 }, { "maxseg", NLA_KIND_U32 },
	{ "peer_rwnd", NLA_KIND_U32 }, { "peer_tag", NLA_KIND_U32, .flags = NLAF_HEX },
	{ "peer_capable", NLA_KIND_U8, .flags = NLAF_HEX }, { "peer_sack", NLA_KIND_U8 },
	{ NULL, NLA_KIND_PAD, .len = 2 },
	{ "isacks", NLA_KIND_U64 }, { "osacks", NLA_KIND_U64 },
	{ "opackets", NLA_KIND_U64 }, { "ipackets", NLA_KIND_U64 },
	{ "rtxchunks", NLA_KIND_U64 }, { "outofseqtsns", NLA_KIND_U64 },
	{ "idupchunks", NLA_KIND_U64 }, { "gapcnt", NLA_KIND_U64 },
	{ "ouodchunks", NLA_KIND_U64 }, { "iuodchunks", NLA_KIND_U64 },
	{ "oodchunks", NLA_KIND_U64 }, { "iodchunks", NLA_KIND_U64 },
	{ "octrlchunks", NLA_KIND_U64 }, { "ictrlchunks", NLA_KIND_U64 },
	{ "p_address", NLA_KIND_CB, .len = 128, .cb = sd_cb_sockaddr, .shape = &sockaddrs_shape },
	{ "p_state", NLA_KIND_U32, .enums = &sctp_path_names },
	{ "p_cwnd", NLA_KIND_U32 }, { "p_srtt", NLA_KIND_U32 }, { "p_rto", NLA_KIND_U32 },
	{ "p_hbinterval", NLA_KIND_U32 }, { "p_pathmaxrxt", NLA_KIND_U32 },
	{ "p_sackdelay", NLA_KIND_U32 }, { "p_sackfreq", NLA_KIND_U32 },
	{ "p_ssthresh", NLA_KIND_U32 }, { "p_partial_bytes_acked", NLA_KIND_U32 },
	{ "p_flight_size", NLA_KIND_U32 }, { "p_error", NLA_KIND_U16 },
	{ NULL, NLA_KIND_PAD, .len = 2 },
	{ "s_autoclose", NLA_KIND_U32 }, { "s_adaptation_ind", NLA_KIND_U32 },
	{ "s_pd_point", NLA_KIND_U32 },
	{ "s_nodelay", NLA_KIND_U8 }, { "s_disable_fragments", NLA_KIND_U8 },
	{ "s_v4mapped", NLA_KIND_U8 }, { "s_frag_interleave", NLA_KIND_U8 },
	{ "s_type", NLA_KIND_U32 },
	{ NULL, NLA_KIND_PAD, .len = 4 },
};
const struct nl_struct sd_sctp_info = NL_STRUCT("sctp_info", sctp_info_f, 368);

/* INET_DIAG_INFO by the protocol of the request the reply answers */
static const struct nl_attr_pol info_alts[] = {
	{ "protocol tcp, dccp", NLA_KIND_STRUCT, .st = &sd_tcp_info },
	{ "protocol mptcp", NLA_KIND_STRUCT, .st = &sd_mptcp_info },
	{ "protocol sctp", NLA_KIND_STRUCT, .st = &sd_sctp_info },
	{ "other protocols", NLA_KIND_BINARY },
};
static const struct nl_shape info_shape = NL_SHAPE_ALTS(info_alts);

static const struct nl_attr_pol inet_attrs[] = {
	[1] = { "meminfo", NLA_KIND_STRUCT, .st = &meminfo_st },
	[2] = { "info", NLA_KIND_CB, .cb = sd_cb_info, .shape = &info_shape },
	[3] = { "vegasinfo", NLA_KIND_STRUCT, .st = &vegas_st },
	[4] = { "cong", NLA_KIND_NUL_STRING },
	[5] = { "tos", NLA_KIND_U8, .flags = NLAF_HEX },
	[6] = { "tclass", NLA_KIND_U8, .flags = NLAF_HEX },
	[7] = { "skmeminfo", NLA_KIND_STRUCT, .st = &skmeminfo_st },
	[8] = { "shutdown", NLA_KIND_U8, .bits = &shutdown_bits },
	[9] = { "dctcpinfo", NLA_KIND_STRUCT, .st = &dctcp_st },
	[10] = { "protocol", NLA_KIND_U8, .enums = &sd_ipproto_names },
	[11] = { "skv6only", NLA_KIND_U8 },
	[12] = { "locals", NLA_KIND_CB, .cb = sd_cb_sockaddrs, .shape = &sockaddrs_shape },
	[13] = { "peers", NLA_KIND_CB, .cb = sd_cb_sockaddrs, .shape = &sockaddrs_shape },
	[14] = { "pad", NLA_KIND_PAD },
	[15] = { "mark", NLA_KIND_U32, .flags = NLAF_HEX },
	[16] = { "bbrinfo", NLA_KIND_STRUCT, .st = &bbr_st },
	[17] = { "class_id", NLA_KIND_U32, .flags = NLAF_HEX },
	[18] = { "md5sig", NLA_KIND_CB, .cb = sd_cb_structs, .cbdata = &md5sig_item,
		 .shape = &md5sig_shape },
	[19] = { "ulp_info", NLA_KIND_NESTED, .nest = &ulp_set },
	[20] = { "sk_bpf_storages", NLA_KIND_NESTED, .nest = &bpf_storages_set },
	[21] = { "cgroup_id", NLA_KIND_U64 },
	[22] = { "sockopt", NLA_KIND_CB, .len = 2, .cb = sd_cb_bits, .cbdata = &sockopt_bf,
		 .shape = &sockopt_shape },
};
const struct nl_attr_set sd_inet_set = NL_ATTR_SET("inet_diag", inet_attrs);

/* INET_DIAG_REQ_* */
static const struct nl_attr_pol inet_req_attrs[] = {
	[1] = { "bytecode", NLA_KIND_CB, .cb = sd_cb_bytecode, .shape = &sd_bytecode_shape },
	[2] = { "sk_bpf_storages", NLA_KIND_NESTED, .nest = &bpf_storage_req_set },
	[3] = { "protocol", NLA_KIND_U32, .enums = &sd_ipproto_names },
};
const struct nl_attr_set sd_inet_req_set = NL_ATTR_SET("inet_diag_req", inet_req_attrs);

/* ---- struct tcp_info (tcp.h) ---- */

static const struct nl_attr_pol wscale_m[] = {
	{ "snd_wscale", NLA_KIND_U8, .len = 4 }, { "rcv_wscale", NLA_KIND_U8, .len = 4 },
};
static const struct sd_bitfields wscale_bf = SD_BITFIELDS(wscale_m);
static const struct nl_shape wscale_shape = NL_SHAPE_OBJ(wscale_m);
static const struct nl_attr_pol applim_m[] = {
	{ "delivery_rate_app_limited", NLA_KIND_U8, .len = 1 },
	{ "fastopen_client_fail", NLA_KIND_U8, .len = 2 },
	{ "unused", NLA_KIND_U8, .len = 5 },
};
static const struct sd_bitfields applim_bf = SD_BITFIELDS(applim_m);
static const struct nl_shape applim_shape = NL_SHAPE_OBJ(applim_m);
static const struct nl_attr_pol ecn_m[] = {
	{ "ecn_mode", NLA_KIND_U8, .len = 2 }, { "accecn_opt_seen", NLA_KIND_U8, .len = 2 },
	{ "accecn_fail_mode", NLA_KIND_U8, .len = 4 }, { "options2", NLA_KIND_U32, .len = 24 },
};
static const struct sd_bitfields ecn_bf = SD_BITFIELDS(ecn_m);
static const struct nl_shape ecn_shape = NL_SHAPE_OBJ(ecn_m);

static const char *const ca_state_v[] = { "open", "disorder", "cwr", "recovery", "loss" };
static const struct nl_names ca_state_names = NL_NAMES(ca_state_v);
static const char *const tcpi_opt_v[] = {
	"ts", "sack", "wscale", "ecn", "ecn_seen", "syn_data", "usec_ts", "tfo_child",
};
static const struct nl_names tcpi_opt_bits = NL_NAMES(tcpi_opt_v);

#define U32(n) { n, NLA_KIND_U32 }
#define U64(n) { n, NLA_KIND_U64 }
static const struct nl_attr_pol tcp_info_f[] = {
	{ "state", NLA_KIND_U8, .enums = &sd_state_names },
	{ "ca_state", NLA_KIND_U8, .enums = &ca_state_names },
	{ "retransmits", NLA_KIND_U8 }, { "probes", NLA_KIND_U8 }, { "backoff", NLA_KIND_U8 },
	{ "options", NLA_KIND_U8, .bits = &tcpi_opt_bits },
	{ "wscale", NLA_KIND_CB, .len = 1, .cb = sd_cb_bits, .cbdata = &wscale_bf,
	  .shape = &wscale_shape },
	{ "app_limited", NLA_KIND_CB, .len = 1, .cb = sd_cb_bits, .cbdata = &applim_bf,
	  .shape = &applim_shape },
	U32("rto"), U32("ato"), U32("snd_mss"), U32("rcv_mss"),
	U32("unacked"), U32("sacked"), U32("lost"), U32("retrans"), U32("fackets"),
	U32("last_data_sent"), U32("last_ack_sent"), U32("last_data_recv"), U32("last_ack_recv"),
	U32("pmtu"), U32("rcv_ssthresh"), U32("rtt"), U32("rttvar"), U32("snd_ssthresh"),
	U32("snd_cwnd"), U32("advmss"), U32("reordering"),
	U32("rcv_rtt"), U32("rcv_space"), U32("total_retrans"),
	U64("pacing_rate"), U64("max_pacing_rate"), U64("bytes_acked"), U64("bytes_received"),
	U32("segs_out"), U32("segs_in"),
	U32("notsent_bytes"), U32("min_rtt"), U32("data_segs_in"), U32("data_segs_out"),
	U64("delivery_rate"),
	U64("busy_time"), U64("rwnd_limited"), U64("sndbuf_limited"),
	U32("delivered"), U32("delivered_ce"),
	U64("bytes_sent"), U64("bytes_retrans"), U32("dsack_dups"), U32("reord_seen"),
	U32("rcv_ooopack"), U32("snd_wnd"), U32("rcv_wnd"), U32("rehash"),
	{ "total_rto", NLA_KIND_U16 }, { "total_rto_recoveries", NLA_KIND_U16 },
	U32("total_rto_time"), U32("received_ce"),
	U32("delivered_e1_bytes"), U32("delivered_e0_bytes"), U32("delivered_ce_bytes"),
	U32("received_e1_bytes"), U32("received_e0_bytes"), U32("received_ce_bytes"),
	{ "ecn", NLA_KIND_CB, .len = 4, .cb = sd_cb_bits, .cbdata = &ecn_bf, .shape = &ecn_shape },
};
/* 104 bytes: the tcp_info of Linux 2.6.x, the shortest a kernel sends */
const struct nl_struct sd_tcp_info = {
	"tcp_info", tcp_info_f, ARRAY_SIZE(tcp_info_f), 280, 104
};

/* ---- unix_diag ---- */

static const char *const unix_show_v[] = { "name", "vfs", "peer", "icons", "rqlen", "meminfo", "uid" };
const struct nl_names sd_unix_show_bits = NL_NAMES(unix_show_v);

static const struct nl_attr_pol unix_req_f[] = {
	{ "family", NLA_KIND_U8, .enums = &sd_family_names },
	{ "protocol", NLA_KIND_U8 },
	{ NULL, NLA_KIND_PAD, .len = 2 },
	{ "states", NLA_KIND_U32, .bits = &sd_state_bits },
	{ "ino", NLA_KIND_U32 },
	{ "show", NLA_KIND_U32, .bits = &sd_unix_show_bits },
	{ "cookie", NLA_KIND_CB, .len = 8, .cb = sd_cb_cookie, .shape = &cookie_shape },
};
const struct nl_struct sd_unix_req = NL_STRUCT("unix_diag_req", unix_req_f, 24);

static const struct nl_attr_pol unix_msg_f[] = {
	{ "family", NLA_KIND_U8, .enums = &sd_family_names },
	{ "type", NLA_KIND_U8, .enums = &sd_sock_type_names },
	{ "state", NLA_KIND_U8, .enums = &sd_state_names },
	{ NULL, NLA_KIND_PAD, .len = 1 },
	{ "ino", NLA_KIND_U32 },
	{ "cookie", NLA_KIND_CB, .len = 8, .cb = sd_cb_cookie, .shape = &cookie_shape },
};
const struct nl_struct sd_unix_msg = NL_STRUCT("unix_diag_msg", unix_msg_f, 16);

static const struct nl_attr_pol unix_vfs_f[] = { U32("ino"), U32("dev") };
static const struct nl_struct unix_vfs_st = NL_STRUCT("unix_diag_vfs", unix_vfs_f, 8);
static const struct nl_attr_pol unix_rqlen_f[] = { U32("rqueue"), U32("wqueue") };
static const struct nl_struct unix_rqlen_st = NL_STRUCT("unix_diag_rqlen", unix_rqlen_f, 8);
static const struct nl_attr_pol icon_f[] = { U32("ino") };
static const struct nl_struct icon_st = NL_STRUCT("icon", icon_f, 4);
static const struct nl_attr_pol icon_item = { "icon", NLA_KIND_STRUCT, .st = &icon_st };
static const struct nl_shape icons_shape = NL_SHAPE_OBJ(icon_f);
static const struct nl_shape unix_name_shape = NL_SHAPE_FORM("string");

static const struct nl_attr_pol unix_attrs[] = {
	[0] = { "name", NLA_KIND_CB, .cb = sd_cb_unix_name, .shape = &unix_name_shape },
	[1] = { "vfs", NLA_KIND_STRUCT, .st = &unix_vfs_st },
	[2] = { "peer", NLA_KIND_U32 },
	[3] = { "icons", NLA_KIND_CB, .cb = sd_cb_structs, .cbdata = &icon_item,
		.shape = &icons_shape },
	[4] = { "rqlen", NLA_KIND_STRUCT, .st = &unix_rqlen_st },
	[5] = { "meminfo", NLA_KIND_STRUCT, .st = &skmeminfo_st },
	[6] = { "shutdown", NLA_KIND_U8, .bits = &shutdown_bits },
	[7] = { "uid", NLA_KIND_U32 },
};
const struct nl_attr_set sd_unix_set = NL_ATTR_SET("unix_diag", unix_attrs);

/* ---- netlink_diag ---- */

static const char *const ndiag_show_v[] = { "meminfo", "groups", "ring_cfg", "flags" };
const struct nl_names sd_ndiag_show_bits = NL_NAMES(ndiag_show_v);
static const char *const ndiag_flag_v[] = {
	"cb_running", "pktinfo", "broadcast_error", "no_enobufs", "listen_all_nsid", "cap_ack",
};
static const struct nl_names ndiag_flag_bits = NL_NAMES(ndiag_flag_v);

static const struct nl_attr_pol netlink_req_f[] = {
	{ "family", NLA_KIND_U8, .enums = &sd_family_names },
	{ "protocol", NLA_KIND_U8 },
	{ NULL, NLA_KIND_PAD, .len = 2 },
	{ "ino", NLA_KIND_U32 },
	{ "show", NLA_KIND_U32, .bits = &sd_ndiag_show_bits },
	{ "cookie", NLA_KIND_CB, .len = 8, .cb = sd_cb_cookie, .shape = &cookie_shape },
};
const struct nl_struct sd_netlink_req = NL_STRUCT("netlink_diag_req", netlink_req_f, 20);

static const struct nl_attr_pol netlink_msg_f[] = {
	{ "family", NLA_KIND_U8, .enums = &sd_family_names },
	{ "type", NLA_KIND_U8, .enums = &sd_sock_type_names },
	{ "protocol", NLA_KIND_U8 },
	{ "state", NLA_KIND_U8 },
	{ "portid", NLA_KIND_U32 },
	{ "dst_portid", NLA_KIND_U32 },
	{ "dst_group", NLA_KIND_U32 },
	{ "ino", NLA_KIND_U32 },
	{ "cookie", NLA_KIND_CB, .len = 8, .cb = sd_cb_cookie, .shape = &cookie_shape },
};
const struct nl_struct sd_netlink_msg = NL_STRUCT("netlink_diag_msg", netlink_msg_f, 28);

static const struct nl_attr_pol ndiag_ring_f[] = {
	U32("block_size"), U32("block_nr"), U32("frame_size"), U32("frame_nr"),
};
static const struct nl_struct ndiag_ring_st = NL_STRUCT("netlink_diag_ring", ndiag_ring_f, 16);
static const struct nl_shape groups_shape = NL_SHAPE_FORM("list of u32");

static const struct nl_attr_pol netlink_attrs[] = {
	[0] = { "meminfo", NLA_KIND_STRUCT, .st = &skmeminfo_st },
	[1] = { "groups", NLA_KIND_CB, .cb = sd_cb_groups, .shape = &groups_shape },
	[2] = { "rx_ring", NLA_KIND_STRUCT, .st = &ndiag_ring_st },
	[3] = { "tx_ring", NLA_KIND_STRUCT, .st = &ndiag_ring_st },
	[4] = { "flags", NLA_KIND_U32, .bits = &ndiag_flag_bits },
};
const struct nl_attr_set sd_netlink_set = NL_ATTR_SET("netlink_diag", netlink_attrs);

/* ---- packet_diag ---- */

static const char *const pdiag_show_v[] = { "info", "mclist", "ring_cfg", "fanout", "meminfo", "filter" };
const struct nl_names sd_pdiag_show_bits = NL_NAMES(pdiag_show_v);
static const char *const pdi_flag_v[] = { "running", "auxdata", "origdev", "vnethdr", "loss" };
static const struct nl_names pdi_flag_bits = NL_NAMES(pdi_flag_v);
static const char *const tpacket_v[] = { "v1", "v2", "v3" };
static const struct nl_names tpacket_names = NL_NAMES(tpacket_v);

static const struct nl_attr_pol packet_req_f[] = {
	{ "family", NLA_KIND_U8, .enums = &sd_family_names },
	{ "protocol", NLA_KIND_U8 },
	{ NULL, NLA_KIND_PAD, .len = 2 },
	{ "ino", NLA_KIND_U32 },
	{ "show", NLA_KIND_U32, .bits = &sd_pdiag_show_bits },
	{ "cookie", NLA_KIND_CB, .len = 8, .cb = sd_cb_cookie, .shape = &cookie_shape },
};
const struct nl_struct sd_packet_req = NL_STRUCT("packet_diag_req", packet_req_f, 20);

static const struct nl_attr_pol packet_msg_f[] = {
	{ "family", NLA_KIND_U8, .enums = &sd_family_names },
	{ "type", NLA_KIND_U8, .enums = &sd_sock_type_names },
	{ "num", NLA_KIND_U16, .flags = NLAF_HEX },
	{ "ino", NLA_KIND_U32 },
	{ "cookie", NLA_KIND_CB, .len = 8, .cb = sd_cb_cookie, .shape = &cookie_shape },
};
const struct nl_struct sd_packet_msg = NL_STRUCT("packet_diag_msg", packet_msg_f, 16);

static const struct nl_attr_pol pdi_f[] = {
	U32("index"), { "version", NLA_KIND_U32, .enums = &tpacket_names }, U32("reserve"),
	U32("copy_thresh"), U32("tstamp"), { "flags", NLA_KIND_U32, .bits = &pdi_flag_bits },
};
static const struct nl_struct pdi_st = NL_STRUCT("packet_diag_info", pdi_f, 24);
static const struct nl_attr_pol mclist_f[] = {
	U32("index"), U32("count"), { "type", NLA_KIND_U16 }, { "alen", NLA_KIND_U16 },
	{ "addr", NLA_KIND_BINARY, .len = 32 },
};
static const struct nl_struct mclist_st = NL_STRUCT("packet_diag_mclist", mclist_f, 44);
static const struct nl_attr_pol mclist_item = { "mclist", NLA_KIND_STRUCT, .st = &mclist_st };
static const struct nl_shape mclist_shape = NL_SHAPE_OBJ(mclist_f);
static const struct nl_attr_pol pring_f[] = {
	U32("block_size"), U32("block_nr"), U32("frame_size"), U32("frame_nr"),
	U32("retire_tmo"), U32("sizeof_priv"), U32("features"),
};
static const struct nl_struct pring_st = NL_STRUCT("packet_diag_ring", pring_f, 28);
/* struct sock_filter (filter.h): a classic BPF instruction */
static const struct nl_attr_pol bpf_insn_f[] = {
	{ "code", NLA_KIND_U16, .flags = NLAF_HEX }, { "jt", NLA_KIND_U8 },
	{ "jf", NLA_KIND_U8 }, { "k", NLA_KIND_U32, .flags = NLAF_HEX },
};
static const struct nl_struct bpf_insn_st = NL_STRUCT("sock_filter", bpf_insn_f, 8);
static const struct nl_attr_pol bpf_insn_item = { "filter", NLA_KIND_STRUCT, .st = &bpf_insn_st };
static const struct nl_shape bpf_insn_shape = NL_SHAPE_OBJ(bpf_insn_f);

static const struct nl_attr_pol packet_attrs[] = {
	[0] = { "info", NLA_KIND_STRUCT, .st = &pdi_st },
	[1] = { "mclist", NLA_KIND_CB, .cb = sd_cb_structs, .cbdata = &mclist_item,
		.shape = &mclist_shape },
	[2] = { "rx_ring", NLA_KIND_STRUCT, .st = &pring_st },
	[3] = { "tx_ring", NLA_KIND_STRUCT, .st = &pring_st },
	[4] = { "fanout", NLA_KIND_U32, .flags = NLAF_HEX },
	[5] = { "uid", NLA_KIND_U32 },
	[6] = { "meminfo", NLA_KIND_STRUCT, .st = &skmeminfo_st },
	[7] = { "filter", NLA_KIND_CB, .cb = sd_cb_structs, .cbdata = &bpf_insn_item,
		.shape = &bpf_insn_shape },
};
const struct nl_attr_set sd_packet_set = NL_ATTR_SET("packet_diag", packet_attrs);

/* ---- smc_diag, vsock_diag, xdp_diag: their headers, SMC and XDP
 * attributes by name (the SMC link and connection structs as hex) ---- */

static const struct nl_attr_pol smc_req_f[] = {
	{ "family", NLA_KIND_U8, .enums = &sd_family_names },
	{ NULL, NLA_KIND_PAD, .len = 2 },
	{ "ext", NLA_KIND_U8 },
	{ "id", NLA_KIND_STRUCT, .st = &sockid_st },
};
const struct nl_struct sd_smc_req = NL_STRUCT("smc_diag_req", smc_req_f, 52);
static const char *const smc_mode_v[] = { "smcr", "fallback_tcp", "smcd" };
static const struct nl_names smc_mode_names = NL_NAMES(smc_mode_v);
static const struct nl_attr_pol smc_msg_f[] = {
	{ "family", NLA_KIND_U8, .enums = &sd_family_names },
	{ "state", NLA_KIND_U8, .enums = &sd_state_names },
	{ "mode", NLA_KIND_U8, .enums = &smc_mode_names },
	{ "shutdown", NLA_KIND_U8, .bits = &shutdown_bits },
	{ "id", NLA_KIND_STRUCT, .st = &sockid_st },
	{ "uid", NLA_KIND_U32 },
	{ "inode", NLA_KIND_U64 },
};
const struct nl_struct sd_smc_msg = NL_STRUCT("smc_diag_msg", smc_msg_f, 64);
static const struct nl_attr_pol smc_fallback_f[] = { U32("reason"), U32("peer_diagnosis") };
static const struct nl_struct smc_fallback_st = NL_STRUCT("smc_diag_fallback", smc_fallback_f, 8);
static const struct nl_attr_pol smc_attrs[] = {
	[1] = { "conninfo", NLA_KIND_BINARY },
	[2] = { "lgrinfo", NLA_KIND_BINARY },
	[3] = { "shutdown", NLA_KIND_U8, .bits = &shutdown_bits },
	[4] = { "dmbinfo", NLA_KIND_BINARY },
	[5] = { "fallback", NLA_KIND_STRUCT, .st = &smc_fallback_st },
};
const struct nl_attr_set sd_smc_set = NL_ATTR_SET("smc_diag", smc_attrs);

static const struct nl_attr_pol vsock_req_f[] = {
	{ "family", NLA_KIND_U8, .enums = &sd_family_names },
	{ "protocol", NLA_KIND_U8 },
	{ NULL, NLA_KIND_PAD, .len = 2 },
	{ "states", NLA_KIND_U32, .bits = &sd_state_bits },
	{ "ino", NLA_KIND_U32 },
	{ "show", NLA_KIND_U32 },
	{ "cookie", NLA_KIND_CB, .len = 8, .cb = sd_cb_cookie, .shape = &cookie_shape },
};
const struct nl_struct sd_vsock_req = NL_STRUCT("vsock_diag_req", vsock_req_f, 24);
static const struct nl_attr_pol vsock_msg_f[] = {
	{ "family", NLA_KIND_U8, .enums = &sd_family_names },
	{ "type", NLA_KIND_U8, .enums = &sd_sock_type_names },
	{ "state", NLA_KIND_U8, .enums = &sd_state_names },
	{ "shutdown", NLA_KIND_U8, .bits = &shutdown_bits },
	U32("src_cid"), U32("src_port"), U32("dst_cid"), U32("dst_port"), U32("ino"),
	{ "cookie", NLA_KIND_CB, .len = 8, .cb = sd_cb_cookie, .shape = &cookie_shape },
};
const struct nl_struct sd_vsock_msg = NL_STRUCT("vsock_diag_msg", vsock_msg_f, 32);

static const char *const xdp_show_v[] = { "info", "ring_cfg", "umem", "meminfo", "stats" };
static const struct nl_names xdp_show_bits = NL_NAMES(xdp_show_v);
static const struct nl_attr_pol xdp_req_f[] = {
	{ "family", NLA_KIND_U8, .enums = &sd_family_names },
	{ "protocol", NLA_KIND_U8 },
	{ NULL, NLA_KIND_PAD, .len = 2 },
	{ "ino", NLA_KIND_U32 },
	{ "show", NLA_KIND_U32, .bits = &xdp_show_bits },
	{ "cookie", NLA_KIND_CB, .len = 8, .cb = sd_cb_cookie, .shape = &cookie_shape },
};
const struct nl_struct sd_xdp_req = NL_STRUCT("xdp_diag_req", xdp_req_f, 20);
static const struct nl_attr_pol xdp_msg_f[] = {
	{ "family", NLA_KIND_U8, .enums = &sd_family_names },
	{ "type", NLA_KIND_U8, .enums = &sd_sock_type_names },
	{ NULL, NLA_KIND_PAD, .len = 2 },
	{ "ino", NLA_KIND_U32 },
	{ "cookie", NLA_KIND_CB, .len = 8, .cb = sd_cb_cookie, .shape = &cookie_shape },
};
const struct nl_struct sd_xdp_msg = NL_STRUCT("xdp_diag_msg", xdp_msg_f, 16);
static const struct nl_attr_pol xdp_info_f[] = { U32("ifindex"), U32("queue_id") };
static const struct nl_struct xdp_info_st = NL_STRUCT("xdp_diag_info", xdp_info_f, 8);
static const struct nl_attr_pol xdp_ring_f[] = { U32("entries") };
static const struct nl_struct xdp_ring_st = NL_STRUCT("xdp_diag_ring", xdp_ring_f, 4);
static const struct nl_attr_pol xdp_attrs[] = {
	[1] = { "info", NLA_KIND_STRUCT, .st = &xdp_info_st },
	[2] = { "uid", NLA_KIND_U32 },
	[3] = { "rx_ring", NLA_KIND_STRUCT, .st = &xdp_ring_st },
	[4] = { "tx_ring", NLA_KIND_STRUCT, .st = &xdp_ring_st },
	[5] = { "umem", NLA_KIND_BINARY },
	[6] = { "umem_fill_ring", NLA_KIND_STRUCT, .st = &xdp_ring_st },
	[7] = { "umem_completion_ring", NLA_KIND_STRUCT, .st = &xdp_ring_st },
	[8] = { "meminfo", NLA_KIND_STRUCT, .st = &skmeminfo_st },
	[9] = { "stats", NLA_KIND_BINARY },
};
const struct nl_attr_set sd_xdp_set = NL_ATTR_SET("xdp_diag", xdp_attrs);
