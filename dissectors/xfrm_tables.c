/* xfrm_tables.c - NETLINK_XFRM (IPsec) as data: the names, the structs
 * of the messages and attributes (their x86-64 layouts: a __u64 member
 * aligns to 8), the XFRMA_* attribute sets.
 *
 * Reference: include/uapi/linux/xfrm.h (Linux 7.2); the names as
 * iproute2's `ip xfrm` prints them where it has a habit.  An
 * xfrm_address_t is a 16-byte union read by the family of the struct
 * that holds it (xfrm_cb_addr, xfrm_cb_famst in xfrm.c).
 */
#include "xfrm.h"

/* ---- names ---- */

/* xfrm_id.proto: IPPROTO_* that carry IPsec */
static const char *const xproto_v[256] = {
	[43] = "route2", [50] = "esp", [51] = "ah", [60] = "hao", [108] = "comp",
	[255] = "ipsec-any",
};
const struct nl_names xfrm_proto_names = NL_NAMES(xproto_v);

/* a selector's upper protocol, as /etc/protocols names them */
static const char *const ipproto_v[256] = {
	[1] = "icmp", [2] = "igmp", [4] = "ipip", [6] = "tcp", [17] = "udp",
	[41] = "ipv6", [43] = "ipv6-route", [44] = "ipv6-frag", [47] = "gre",
	[50] = "esp", [51] = "ah", [58] = "ipv6-icmp", [60] = "ipv6-opts",
	[103] = "pim", [108] = "ipcomp", [115] = "l2tp", [132] = "sctp",
	[135] = "mobility-header", [136] = "udplite", [143] = "ethernet",
	[255] = "raw",
};
const struct nl_names xfrm_ipproto_names = NL_NAMES(ipproto_v);

static const char *const family_v[] = { [0] = "unspec", [2] = "inet", [10] = "inet6" };
const struct nl_names xfrm_family_names = NL_NAMES(family_v);

/* XFRM_MODE_* */
static const char *const mode_v[] = {
	"transport", "tunnel", "ro", "in_trigger", "beet", "iptfs",
};
const struct nl_names xfrm_mode_names = NL_NAMES(mode_v);

/* XFRM_POLICY_IN/OUT/FWD */
static const char *const dir_v[] = { "in", "out", "fwd" };
const struct nl_names xfrm_dir_names = NL_NAMES(dir_v);

/* XFRM_POLICY_ALLOW/BLOCK */
static const char *const action_v[] = { "allow", "block" };
const struct nl_names xfrm_action_names = NL_NAMES(action_v);

/* XFRM_USERPOLICY_UNSPEC/BLOCK/ACCEPT */
static const char *const default_v[] = { "unspec", "block", "accept" };
const struct nl_names xfrm_default_names = NL_NAMES(default_v);

/* XFRM_SHARE_* */
static const char *const share_v[] = { "any", "session", "user", "unique" };
static const struct nl_names share_names = NL_NAMES(share_v);

/* XFRM_STATE_* bits */
static const char *const sa_flag_v[] = {
	"noecn", "decap-dscp", "nopmtudisc", "wildrecv", "icmp", "af-unspec",
	"align4", "esn",
};
static const struct nl_names sa_flag_bits = NL_NAMES(sa_flag_v);

/* XFRM_SA_XFLAG_* bits */
static const char *const sa_xflag_v[] = { "dont-encap-dscp", "oseq-may-wrap" };
static const struct nl_names sa_xflag_bits = NL_NAMES(sa_xflag_v);

/* XFRM_POLICY_LOCALOK, _ICMP, _CPU_ACQUIRE bits */
static const char *const pol_flag_v[] = { "localok", "icmp", "cpu-acquire" };
static const struct nl_names pol_flag_bits = NL_NAMES(pol_flag_v);

/* XFRM_AE_* bits of xfrm_aevent_id.flags */
static const char *const ae_flag_v[] = { "rthr", "rval", "lval", "ethr", "cr", "ce", "cu" };
static const struct nl_names ae_flag_bits = NL_NAMES(ae_flag_v);

/* XFRM_OFFLOAD_* bits */
static const char *const offload_flag_v[] = { "ipv6", "inbound", "packet" };
static const struct nl_names offload_flag_bits = NL_NAMES(offload_flag_v);

/* XFRM_MIGRATE_STATE_* bits */
static const char *const mig_flag_v[] = { "clear-offload", "update-h2h-sel" };
static const struct nl_names mig_flag_bits = NL_NAMES(mig_flag_v);

/* XFRM_POLICY_TYPE_*: main, sub; any is 255 */
static const char *const ptype_v[256] = { [0] = "main", [1] = "sub", [255] = "any" };
static const struct nl_names ptype_names = NL_NAMES(ptype_v);

/* enum xfrm_sa_dir */
static const char *const sa_dir_v[] = { [1] = "in", [2] = "out" };
static const struct nl_names sa_dir_names = NL_NAMES(sa_dir_v);

/* xfrm_encap_tmpl.encap_type: UDP_ENCAP_* (include/uapi/linux/udp.h),
 * ESPINUDP* as ip xfrm spells them */
static const char *const encap_v[] = {
	[1] = "espinudp-nonike", [2] = "espinudp", [3] = "l2tpinudp", [4] = "gtp0",
	[5] = "gtp1u", [6] = "rxrpc", [7] = "espintcp",
};
static const struct nl_names encap_names = NL_NAMES(encap_v);

/* xfrm_sec_ctx: XFRM_SC_DOI_*, XFRM_SC_ALG_* */
static const char *const sc_doi_v[] = { "reserved", "lsm" };
static const struct nl_names sc_doi_names = NL_NAMES(sc_doi_v);
static const char *const sc_alg_v[] = { "reserved", "selinux" };
static const struct nl_names sc_alg_names = NL_NAMES(sc_alg_v);

/* ---- struct members that are shared ---- */

#define XADDR(nm) { (nm), NLA_KIND_CB, .len = 16, .cb = xfrm_cb_addr, .shape = &xfrm_addr_shape }
#define XFAMILY(nm) { (nm), NLA_KIND_U16, .enums = &xfrm_family_names }

static const struct nl_attr_pol id_f[] = {
	XADDR("daddr"),
	{ "spi", NLA_KIND_BE32, .flags = NLAF_HEX },
	{ "proto", NLA_KIND_U8, .enums = &xfrm_proto_names },
	{ "pad", NLA_KIND_PAD, .len = 3 },
};
static const struct nl_struct id_st = NL_STRUCT("xfrm_id", id_f, 24);

static const struct nl_attr_pol selector_f[] = {
	XADDR("daddr"),
	XADDR("saddr"),
	{ "dport", NLA_KIND_BE16 },
	{ "dport_mask", NLA_KIND_BE16, .flags = NLAF_HEX },
	{ "sport", NLA_KIND_BE16 },
	{ "sport_mask", NLA_KIND_BE16, .flags = NLAF_HEX },
	XFAMILY("family"),
	{ "prefixlen_d", NLA_KIND_U8 },
	{ "prefixlen_s", NLA_KIND_U8 },
	{ "proto", NLA_KIND_U8, .enums = &xfrm_ipproto_names },
	{ "pad", NLA_KIND_PAD, .len = 3 },
	{ "ifindex", NLA_KIND_S32 },
	{ "user", NLA_KIND_U32 },
};
static const struct nl_struct selector_st = NL_STRUCT("xfrm_selector", selector_f, XFRM_SEL_SIZE);
static const struct xfrm_famoff sel_fam = { XFRM_SEL_FAMILY };
#define XSEL(nm) { (nm), NLA_KIND_CB, .len = XFRM_SEL_SIZE, .cb = xfrm_cb_famst, \
		   .st = &selector_st, .cbdata = &sel_fam }

static const struct nl_attr_pol lft_cfg_f[] = {
	{ "soft_byte_limit", NLA_KIND_U64 },
	{ "hard_byte_limit", NLA_KIND_U64 },
	{ "soft_packet_limit", NLA_KIND_U64 },
	{ "hard_packet_limit", NLA_KIND_U64 },
	{ "soft_add_expires_seconds", NLA_KIND_U64 },
	{ "hard_add_expires_seconds", NLA_KIND_U64 },
	{ "soft_use_expires_seconds", NLA_KIND_U64 },
	{ "hard_use_expires_seconds", NLA_KIND_U64 },
};
static const struct nl_struct lft_cfg_st = NL_STRUCT("xfrm_lifetime_cfg", lft_cfg_f, 64);

static const struct nl_attr_pol lft_cur_f[] = {
	{ "bytes", NLA_KIND_U64 },
	{ "packets", NLA_KIND_U64 },
	{ "add_time", NLA_KIND_U64 },
	{ "use_time", NLA_KIND_U64 },
};
static const struct nl_struct lft_cur_st = NL_STRUCT("xfrm_lifetime_cur", lft_cur_f, 32);

static const struct nl_attr_pol stats_f[] = {
	{ "replay_window", NLA_KIND_U32 },
	{ "replay", NLA_KIND_U32 },
	{ "integrity_failed", NLA_KIND_U32 },
};
static const struct nl_struct stats_st = NL_STRUCT("xfrm_stats", stats_f, 12);

/* ---- the message headers ---- */

static const struct nl_attr_pol usersa_info_f[] = {
	XSEL("sel"),
	{ "id", NLA_KIND_STRUCT, .st = &id_st },
	XADDR("saddr"),
	{ "lft", NLA_KIND_STRUCT, .st = &lft_cfg_st },
	{ "curlft", NLA_KIND_STRUCT, .st = &lft_cur_st },
	{ "stats", NLA_KIND_STRUCT, .st = &stats_st },
	{ "seq", NLA_KIND_U32 },
	{ "reqid", NLA_KIND_U32 },
	XFAMILY("family"),
	{ "mode", NLA_KIND_U8, .enums = &xfrm_mode_names },
	{ "replay_window", NLA_KIND_U8 },
	{ "flags", NLA_KIND_U8, .bits = &sa_flag_bits },
	{ "pad", NLA_KIND_PAD, .len = 7 },
};
const struct nl_struct xfrm_usersa_info = NL_STRUCT("usersa_info", usersa_info_f, XFRM_SA_SIZE);
static const struct xfrm_famoff sa_fam = { XFRM_SA_FAMILY };

static const struct nl_attr_pol usersa_id_f[] = {
	XADDR("daddr"),
	{ "spi", NLA_KIND_BE32, .flags = NLAF_HEX },
	XFAMILY("family"),
	{ "proto", NLA_KIND_U8, .enums = &xfrm_proto_names },
	{ "pad", NLA_KIND_PAD, .len = 1 },
};
const struct nl_struct xfrm_usersa_id = NL_STRUCT("usersa_id", usersa_id_f, 24);

static const struct nl_attr_pol aevent_id_f[] = {
	{ "sa_id", NLA_KIND_STRUCT, .st = &xfrm_usersa_id },
	XADDR("saddr"),
	{ "flags", NLA_KIND_U32, .bits = &ae_flag_bits },
	{ "reqid", NLA_KIND_U32 },
};
const struct nl_struct xfrm_aevent_id = NL_STRUCT("aevent_id", aevent_id_f, 48);

static const struct nl_attr_pol userspi_info_f[] = {
	{ "info", NLA_KIND_STRUCT, .st = &xfrm_usersa_info },
	{ "min", NLA_KIND_U32, .flags = NLAF_HEX },
	{ "max", NLA_KIND_U32, .flags = NLAF_HEX },
};
const struct nl_struct xfrm_userspi_info = NL_STRUCT("userspi_info", userspi_info_f, 232);

static const struct nl_attr_pol userpolicy_info_f[] = {
	XSEL("sel"),
	{ "lft", NLA_KIND_STRUCT, .st = &lft_cfg_st },
	{ "curlft", NLA_KIND_STRUCT, .st = &lft_cur_st },
	{ "priority", NLA_KIND_U32 },
	{ "index", NLA_KIND_U32, .flags = NLAF_HEX },
	{ "dir", NLA_KIND_U8, .enums = &xfrm_dir_names },
	{ "action", NLA_KIND_U8, .enums = &xfrm_action_names },
	{ "flags", NLA_KIND_U8, .bits = &pol_flag_bits },
	{ "share", NLA_KIND_U8, .enums = &share_names },
	{ "pad", NLA_KIND_PAD, .len = 4 },
};
const struct nl_struct xfrm_userpolicy_info = NL_STRUCT("userpolicy_info", userpolicy_info_f,
							XFRM_POL_SIZE);

static const struct nl_attr_pol userpolicy_id_f[] = {
	XSEL("sel"),
	{ "index", NLA_KIND_U32, .flags = NLAF_HEX },
	{ "dir", NLA_KIND_U8, .enums = &xfrm_dir_names },
	{ "pad", NLA_KIND_PAD, .len = 3 },
};
const struct nl_struct xfrm_userpolicy_id = NL_STRUCT("userpolicy_id", userpolicy_id_f, 64);

static const struct nl_attr_pol user_acquire_f[] = {
	{ "id", NLA_KIND_STRUCT, .st = &id_st },
	XADDR("saddr"),
	XSEL("sel"),
	{ "policy", NLA_KIND_STRUCT, .st = &xfrm_userpolicy_info },
	{ "aalgos", NLA_KIND_U32, .flags = NLAF_HEX },
	{ "ealgos", NLA_KIND_U32, .flags = NLAF_HEX },
	{ "calgos", NLA_KIND_U32, .flags = NLAF_HEX },
	{ "seq", NLA_KIND_U32 },
};
const struct nl_struct xfrm_user_acquire = NL_STRUCT("user_acquire", user_acquire_f, 280);

static const struct nl_attr_pol user_expire_f[] = {
	{ "state", NLA_KIND_STRUCT, .st = &xfrm_usersa_info },
	{ "hard", NLA_KIND_U8 },
	{ "pad", NLA_KIND_PAD, .len = 7 },
};
const struct nl_struct xfrm_user_expire = NL_STRUCT("user_expire", user_expire_f, 232);

static const struct nl_attr_pol user_polexpire_f[] = {
	{ "pol", NLA_KIND_STRUCT, .st = &xfrm_userpolicy_info },
	{ "hard", NLA_KIND_U8 },
	{ "pad", NLA_KIND_PAD, .len = 7 },
};
const struct nl_struct xfrm_user_polexpire = NL_STRUCT("user_polexpire", user_polexpire_f, 176);

static const struct nl_attr_pol usersa_flush_f[] = {
	{ "proto", NLA_KIND_U8, .enums = &xfrm_proto_names },
};
const struct nl_struct xfrm_usersa_flush = NL_STRUCT("usersa_flush", usersa_flush_f, 1);

static const struct nl_attr_pol user_report_f[] = {
	{ "proto", NLA_KIND_U8, .enums = &xfrm_ipproto_names },
	{ "pad", NLA_KIND_PAD, .len = 3 },
	XSEL("sel"),
};
const struct nl_struct xfrm_user_report = NL_STRUCT("user_report", user_report_f, 60);

static const struct nl_attr_pol user_mapping_f[] = {
	{ "id", NLA_KIND_STRUCT, .st = &xfrm_usersa_id },
	{ "reqid", NLA_KIND_U32 },
	XADDR("old_saddr"),
	XADDR("new_saddr"),
	{ "old_sport", NLA_KIND_BE16 },
	{ "new_sport", NLA_KIND_BE16 },
};
const struct nl_struct xfrm_user_mapping = NL_STRUCT("user_mapping", user_mapping_f, 64);

static const struct nl_attr_pol userpolicy_default_f[] = {
	{ "in", NLA_KIND_U8, .enums = &xfrm_default_names },
	{ "fwd", NLA_KIND_U8, .enums = &xfrm_default_names },
	{ "out", NLA_KIND_U8, .enums = &xfrm_default_names },
};
const struct nl_struct xfrm_userpolicy_default = NL_STRUCT("userpolicy_default",
							   userpolicy_default_f, 3);

static const struct nl_attr_pol mark_f[] = {
	{ "v", NLA_KIND_U32, .flags = NLAF_HEX },
	{ "m", NLA_KIND_U32, .flags = NLAF_HEX },
};
static const struct nl_struct mark_st = NL_STRUCT("xfrm_mark", mark_f, 8);

static const struct nl_attr_pol user_migrate_state_f[] = {
	{ "id", NLA_KIND_STRUCT, .st = &xfrm_usersa_id },
	XADDR("new_daddr"),
	XADDR("new_saddr"),
	{ "old_mark", NLA_KIND_STRUCT, .st = &mark_st },
	XSEL("new_sel"),
	{ "new_reqid", NLA_KIND_U32 },
	{ "flags", NLA_KIND_U32, .bits = &mig_flag_bits },
	XFAMILY("new_family"),
	{ "reserved", NLA_KIND_PAD, .len = 2 },
};
const struct nl_struct xfrm_user_migrate_state = NL_STRUCT("user_migrate_state",
							   user_migrate_state_f, 132);

/* the u32 of GETSADINFO/GETSPDINFO and their replies */
static const struct nl_attr_pol info_flags_f[] = {
	{ "flags", NLA_KIND_U32, .flags = NLAF_HEX },
};
const struct nl_struct xfrm_info_flags = NL_STRUCT("hdr", info_flags_f, 4);

/* ---- attribute payloads ---- */

/* the algorithms: their fixed part; the key after it (xfrm_cb_algo) */
static const struct nl_attr_pol algo_f[] = {
	{ "name", NLA_KIND_STRING, .len = 64 },
	{ "key_len", NLA_KIND_U32 },
	{ "key", NLA_KIND_BINARY },
};
static const struct nl_struct algo_st = { "xfrm_algo", algo_f, 2, 68, 0 };
static const struct nl_attr_pol algo_auth_f[] = {
	{ "name", NLA_KIND_STRING, .len = 64 },
	{ "key_len", NLA_KIND_U32 },
	{ "trunc_len", NLA_KIND_U32 },
	{ "key", NLA_KIND_BINARY },
};
static const struct nl_struct algo_auth_st = { "xfrm_algo_auth", algo_auth_f, 3, 72, 0 };
static const struct nl_attr_pol algo_aead_f[] = {
	{ "name", NLA_KIND_STRING, .len = 64 },
	{ "key_len", NLA_KIND_U32 },
	{ "icv_len", NLA_KIND_U32 },
	{ "key", NLA_KIND_BINARY },
};
static const struct nl_struct algo_aead_st = { "xfrm_algo_aead", algo_aead_f, 3, 72, 0 };
const struct nl_shape xfrm_algo_shape = NL_SHAPE_OBJ(algo_f);
const struct nl_shape xfrm_auth_shape = NL_SHAPE_OBJ(algo_auth_f);
const struct nl_shape xfrm_aead_shape = NL_SHAPE_OBJ(algo_aead_f);

static const struct nl_attr_pol encap_f[] = {
	{ "type", NLA_KIND_U16, .enums = &encap_names },
	{ "sport", NLA_KIND_BE16 },
	{ "dport", NLA_KIND_BE16 },
	{ "pad", NLA_KIND_PAD, .len = 2 },
	XADDR("oa"),
};
static const struct nl_struct encap_st = NL_STRUCT("xfrm_encap_tmpl", encap_f, 24);

static const struct nl_attr_pol user_tmpl_f[] = {
	{ "id", NLA_KIND_STRUCT, .st = &id_st },
	XFAMILY("family"),
	{ "pad", NLA_KIND_PAD, .len = 2 },
	XADDR("saddr"),
	{ "reqid", NLA_KIND_U32 },
	{ "mode", NLA_KIND_U8, .enums = &xfrm_mode_names },
	{ "share", NLA_KIND_U8, .enums = &share_names },
	{ "optional", NLA_KIND_U8 },
	{ "pad2", NLA_KIND_PAD, .len = 1 },
	{ "aalgos", NLA_KIND_U32, .flags = NLAF_HEX },
	{ "ealgos", NLA_KIND_U32, .flags = NLAF_HEX },
	{ "calgos", NLA_KIND_U32, .flags = NLAF_HEX },
};
static const struct nl_struct user_tmpl_st = NL_STRUCT("xfrm_user_tmpl", user_tmpl_f, 64);
static const struct xfrm_famoff tmpl_fam = { XFRM_TMPL_FAMILY };

static const struct nl_attr_pol user_sec_ctx_f[] = {
	{ "len", NLA_KIND_U16 },
	{ "exttype", NLA_KIND_U16 },
	{ "ctx_alg", NLA_KIND_U8, .enums = &sc_alg_names },
	{ "ctx_doi", NLA_KIND_U8, .enums = &sc_doi_names },
	{ "ctx_len", NLA_KIND_U16 },
	{ "ctx", NLA_KIND_STRING },
};
static const struct nl_struct user_sec_ctx_st = { "xfrm_user_sec_ctx", user_sec_ctx_f, 5, 8, 0 };
const struct nl_shape xfrm_secctx_shape = NL_SHAPE_OBJ(user_sec_ctx_f);
static const struct xfrm_tail sec_ctx_tail = { 6, 2, 1 };	/* ctx_len bytes */

static const struct nl_attr_pol replay_f[] = {
	{ "oseq", NLA_KIND_U32 },
	{ "seq", NLA_KIND_U32 },
	{ "bitmap", NLA_KIND_U32, .flags = NLAF_HEX },
};
static const struct nl_struct replay_st = NL_STRUCT("xfrm_replay_state", replay_f, 12);

static const struct nl_attr_pol replay_esn_f[] = {
	{ "bmp_len", NLA_KIND_U32 },
	{ "oseq", NLA_KIND_U32 },
	{ "seq", NLA_KIND_U32 },
	{ "oseq_hi", NLA_KIND_U32 },
	{ "seq_hi", NLA_KIND_U32 },
	{ "replay_window", NLA_KIND_U32 },
	{ "bmp", NLA_KIND_BINARY, .flags = NLAF_HEX },
};
static const struct nl_struct replay_esn_st = { "xfrm_replay_state_esn", replay_esn_f, 6, 24, 0 };
const struct nl_shape xfrm_esn_shape = NL_SHAPE_OBJ(replay_esn_f);
static const struct xfrm_tail replay_esn_tail = { 0, 4, 4 };	/* bmp_len words */

static const struct nl_attr_pol userpolicy_type_f[] = {
	{ "type", NLA_KIND_U8, .enums = &ptype_names },
	{ "pad", NLA_KIND_PAD, .len = 1 },
	{ "reserved1", NLA_KIND_U16 },
	{ "reserved2", NLA_KIND_U8 },
	{ "pad2", NLA_KIND_PAD, .len = 1 },
};
static const struct nl_struct userpolicy_type_st = NL_STRUCT("xfrm_userpolicy_type",
							     userpolicy_type_f, 6);

/* the addresses of both sides by old_family (the new ones are usually of
 * the same family; a change of family is shown in new_family) */
static const struct nl_attr_pol user_migrate_f[] = {
	XADDR("old_daddr"),
	XADDR("old_saddr"),
	XADDR("new_daddr"),
	XADDR("new_saddr"),
	{ "proto", NLA_KIND_U8, .enums = &xfrm_proto_names },
	{ "mode", NLA_KIND_U8, .enums = &xfrm_mode_names },
	{ "reserved", NLA_KIND_U16 },
	{ "reqid", NLA_KIND_U32 },
	XFAMILY("old_family"),
	XFAMILY("new_family"),
};
static const struct nl_struct user_migrate_st = NL_STRUCT("xfrm_user_migrate", user_migrate_f, 76);
static const struct xfrm_famoff migrate_fam = { 72 };

static const struct nl_attr_pol user_kmaddress_f[] = {
	XADDR("local"),
	XADDR("remote"),
	{ "reserved", NLA_KIND_U32 },
	XFAMILY("family"),
	{ "pad", NLA_KIND_PAD, .len = 2 },
};
static const struct nl_struct user_kmaddress_st = NL_STRUCT("xfrm_user_kmaddress",
							    user_kmaddress_f, 40);
static const struct xfrm_famoff kmaddress_fam = { 36 };

static const struct nl_attr_pol address_filter_f[] = {
	XADDR("saddr"),
	XADDR("daddr"),
	XFAMILY("family"),
	{ "splen", NLA_KIND_U8 },
	{ "dplen", NLA_KIND_U8 },
};
static const struct nl_struct address_filter_st = NL_STRUCT("xfrm_address_filter",
							    address_filter_f, 36);
static const struct xfrm_famoff address_filter_fam = { 32 };

static const struct nl_attr_pol user_offload_f[] = {
	{ "ifindex", NLA_KIND_S32 },
	{ "flags", NLA_KIND_U8, .bits = &offload_flag_bits },
	{ "pad", NLA_KIND_PAD, .len = 3 },
};
static const struct nl_struct user_offload_st = NL_STRUCT("xfrm_user_offload", user_offload_f, 8);

#define XFAMST(nm, s, fo) { (nm), NLA_KIND_CB, .cb = xfrm_cb_famst, .st = (s), .cbdata = (fo) }
#define XFAMLIST(nm, s, fo) { (nm), NLA_KIND_CB, .cb = xfrm_cb_famlist, .st = (s), .cbdata = (fo) }

/* enum xfrm_attr_type_t */
static const struct nl_attr_pol xfrma_attrs[] = {
	[1] = { "alg_auth", NLA_KIND_CB, .cb = xfrm_cb_algo, .st = &algo_st,
		.shape = &xfrm_algo_shape },
	[2] = { "alg_crypt", NLA_KIND_CB, .cb = xfrm_cb_algo, .st = &algo_st,
		.shape = &xfrm_algo_shape },
	[3] = { "alg_comp", NLA_KIND_CB, .cb = xfrm_cb_algo, .st = &algo_st,
		.shape = &xfrm_algo_shape },
	[4] = { "encap", NLA_KIND_STRUCT, .st = &encap_st },
	[5] = XFAMLIST("tmpl", &user_tmpl_st, &tmpl_fam),
	[6] = XFAMST("sa", &xfrm_usersa_info, &sa_fam),
	[7] = { "policy", NLA_KIND_STRUCT, .st = &xfrm_userpolicy_info },
	[8] = { "sec_ctx", NLA_KIND_CB, .cb = xfrm_cb_tail, .st = &user_sec_ctx_st,
		.shape = &xfrm_secctx_shape, .cbdata = &sec_ctx_tail },
	[9] = { "ltime_val", NLA_KIND_STRUCT, .st = &lft_cur_st },
	[10] = { "replay_val", NLA_KIND_STRUCT, .st = &replay_st },
	[11] = { "replay_thresh", NLA_KIND_U32 },
	[12] = { "etimer_thresh", NLA_KIND_U32 },
	[13] = XADDR("srcaddr"),
	[14] = XADDR("coaddr"),
	[15] = { "lastused", NLA_KIND_U64 },
	[16] = { "policy_type", NLA_KIND_STRUCT, .st = &userpolicy_type_st },
	[17] = XFAMLIST("migrate", &user_migrate_st, &migrate_fam),
	[18] = { "alg_aead", NLA_KIND_CB, .cb = xfrm_cb_algo, .st = &algo_aead_st,
		 .shape = &xfrm_aead_shape },
	[19] = XFAMST("kmaddress", &user_kmaddress_st, &kmaddress_fam),
	[20] = { "alg_auth_trunc", NLA_KIND_CB, .cb = xfrm_cb_algo, .st = &algo_auth_st,
		 .shape = &xfrm_auth_shape },
	[21] = { "mark", NLA_KIND_STRUCT, .st = &mark_st },
	[22] = { "tfcpad", NLA_KIND_U32 },
	[23] = { "replay_esn_val", NLA_KIND_CB, .cb = xfrm_cb_tail, .st = &replay_esn_st,
		 .shape = &xfrm_esn_shape, .cbdata = &replay_esn_tail },
	[24] = { "sa_extra_flags", NLA_KIND_U32, .bits = &sa_xflag_bits },
	[25] = { "proto", NLA_KIND_U8, .enums = &xfrm_proto_names },
	[26] = XFAMST("address_filter", &address_filter_st, &address_filter_fam),
	[27] = { "pad", NLA_KIND_PAD },
	[28] = { "offload_dev", NLA_KIND_STRUCT, .st = &user_offload_st },
	[29] = { "set_mark", NLA_KIND_U32, .flags = NLAF_HEX },
	[30] = { "set_mark_mask", NLA_KIND_U32, .flags = NLAF_HEX },
	[31] = { "if_id", NLA_KIND_U32 },
	[32] = { "mtimer_thresh", NLA_KIND_U32 },
	[33] = { "sa_dir", NLA_KIND_U8, .enums = &sa_dir_names },
	[34] = { "nat_keepalive_interval", NLA_KIND_U32 },
	[35] = { "sa_pcpu", NLA_KIND_U32 },
	[36] = { "iptfs_drop_time", NLA_KIND_U32 },
	[37] = { "iptfs_reorder_window", NLA_KIND_U16 },
	[38] = { "iptfs_dont_frag", NLA_KIND_FLAG },
	[39] = { "iptfs_init_delay", NLA_KIND_U32 },
	[40] = { "iptfs_max_qsize", NLA_KIND_U32 },
	[41] = { "iptfs_pkt_size", NLA_KIND_U32 },
};
const struct nl_attr_set xfrma_set = NL_ATTR_SET("xfrma", xfrma_attrs);

/* enum xfrm_sadattr_type_t */
static const struct nl_attr_pol sadhinfo_f[] = {
	{ "sadhcnt", NLA_KIND_U32 },
	{ "sadhmcnt", NLA_KIND_U32 },
};
static const struct nl_struct sadhinfo_st = NL_STRUCT("xfrmu_sadhinfo", sadhinfo_f, 8);
static const struct nl_attr_pol sad_attrs[] = {
	[1] = { "cnt", NLA_KIND_U32, .flags = NLAF_SUMMARY, .sum = "count" },
	[2] = { "hinfo", NLA_KIND_STRUCT, .st = &sadhinfo_st },
};
const struct nl_attr_set xfrma_sad_set = NL_ATTR_SET("xfrma_sad", sad_attrs);

/* enum xfrm_spdattr_type_t */
static const struct nl_attr_pol spdinfo_f[] = {
	{ "incnt", NLA_KIND_U32 },
	{ "outcnt", NLA_KIND_U32 },
	{ "fwdcnt", NLA_KIND_U32 },
	{ "inscnt", NLA_KIND_U32 },
	{ "outscnt", NLA_KIND_U32 },
	{ "fwdscnt", NLA_KIND_U32 },
};
static const struct nl_struct spdinfo_st = NL_STRUCT("xfrmu_spdinfo", spdinfo_f, 24);
static const struct nl_attr_pol spdhinfo_f[] = {
	{ "spdhcnt", NLA_KIND_U32 },
	{ "spdhmcnt", NLA_KIND_U32 },
};
static const struct nl_struct spdhinfo_st = NL_STRUCT("xfrmu_spdhinfo", spdhinfo_f, 8);
static const struct nl_attr_pol spdhthresh_f[] = {
	{ "lbits", NLA_KIND_U8 },
	{ "rbits", NLA_KIND_U8 },
};
static const struct nl_struct spdhthresh_st = NL_STRUCT("xfrmu_spdhthresh", spdhthresh_f, 2);
static const struct nl_attr_pol spd_attrs[] = {
	[1] = { "info", NLA_KIND_STRUCT, .st = &spdinfo_st },
	[2] = { "hinfo", NLA_KIND_STRUCT, .st = &spdhinfo_st },
	[3] = { "ipv4_hthresh", NLA_KIND_STRUCT, .st = &spdhthresh_st },
	[4] = { "ipv6_hthresh", NLA_KIND_STRUCT, .st = &spdhthresh_st },
};
const struct nl_attr_set xfrma_spd_set = NL_ATTR_SET("xfrma_spd", spd_attrs);
