/* rtnl_route_tables.c - the tables (pure data; the callbacks they name are
 * in rtnl_route.c) of NETLINK_ROUTE addresses (ifaddrmsg, IFA_*), routes
 * (rtmsg, RTA_*, RTAX_*, rtnexthop, lwtunnel encaps), neighbours (ndmsg,
 * NDA_*), rules (fib_rule_hdr, FRA_*) and nexthops (nhmsg, NHA_*).
 *
 * struct ifaddrmsg (8):  u8 family | u8 prefixlen | u8 flags | u8 scope | u32 index
 * struct rtmsg (12):     u8 family, dst_len, src_len, tos, table, protocol, scope, type | u32 flags
 * struct ndmsg (12):     u8 family | u8 pad | u16 pad | s32 ifindex | u16 state | u8 flags | u8 type
 * struct fib_rule_hdr (12): u8 family, dst_len, src_len, tos, table, res1, res2, action | u32 flags
 * struct nhmsg (8):      u8 family, scope, protocol, resvd | u32 flags
 *
 * Reference: include/uapi/linux/if_addr.h, rtnetlink.h, neighbour.h,
 * fib_rules.h, nexthop.h, lwtunnel.h, mpls_iptunnel.h, seg6_iptunnel.h,
 * seg6_local.h (Linux 6.12).
 */
#include "rtnl.h"
#include "rtnl_route.h"

/* ---- shared names ---- */

static const char *const family_v[] = {
	[0] = "unspec", [1] = "local", [2] = "inet", [3] = "ax25", [4] = "ipx",
	[5] = "appletalk", [6] = "netrom", [7] = "bridge", [8] = "atmpvc",
	[9] = "x25", [10] = "inet6", [11] = "rose", [12] = "decnet",
	[13] = "netbeui", [14] = "security", [15] = "key", [16] = "netlink",
	[17] = "packet", [18] = "ash", [19] = "econet", [20] = "atmsvc",
	[21] = "rds", [22] = "sna", [23] = "irda", [24] = "pppox",
	[25] = "wanpipe", [26] = "llc", [27] = "ib", [28] = "mpls", [29] = "can",
	[30] = "tipc", [31] = "bluetooth", [32] = "iucv", [33] = "rxrpc",
	[34] = "isdn", [35] = "phonet", [36] = "ieee802154", [37] = "caif",
	[38] = "alg", [39] = "nfc", [40] = "vsock", [41] = "kcm", [42] = "qipcrtr",
	[43] = "smc", [44] = "xdp", [45] = "mctp",
	[128] = "ipmr", [129] = "ip6mr",
};
const struct nl_names rtnl_family_names = NL_NAMES(family_v);

static const char *const rtn_type_v[] = {
	"unspec", "unicast", "local", "broadcast", "anycast", "multicast",
	"blackhole", "unreachable", "prohibit", "throw", "nat", "xresolve",
};
const struct nl_names rtnl_rtn_type_names = NL_NAMES(rtn_type_v);

static const char *const scope_v[] = {
	[0] = "global", [200] = "site", [253] = "link", [254] = "host", [255] = "nowhere",
};
const struct nl_names rtnl_scope_names = NL_NAMES(scope_v);

static const char *const table_v[] = {
	[0] = "unspec", [252] = "compat", [253] = "default", [254] = "main", [255] = "local",
};
const struct nl_names rtnl_table_names = NL_NAMES(table_v);

static const char *const rtprot_v[] = {
	[0] = "unspec", [1] = "redirect", [2] = "kernel", [3] = "boot", [4] = "static",
	[8] = "gated", [9] = "ra", [10] = "mrt", [11] = "zebra", [12] = "bird",
	[13] = "dnrouted", [14] = "xorp", [15] = "ntk", [16] = "dhcp",
	[17] = "mrouted", [18] = "keepalived", [42] = "babel", [99] = "openr",
	[186] = "bgp", [187] = "isis", [188] = "ospf", [189] = "rip", [192] = "eigrp",
};
const struct nl_names rtnl_rtprot_names = NL_NAMES(rtprot_v);

/* ---- addresses ---- */

static const char *const ifa_flag_v[] = {
	"secondary", "nodad", "optimistic", "dadfailed", "homeaddress",
	"deprecated", "tentative", "permanent", "managetempaddr", "noprefixroute",
	"mcautojoin", "stable-privacy",
};
static const struct nl_names ifa_flag_bits = NL_NAMES(ifa_flag_v);

static const struct nl_attr_pol ifaddrmsg_fields[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &rtnl_family_names },
	{ "prefixlen", NLA_KIND_U8 },
	{ "flags", NLA_KIND_U8, .bits = &ifa_flag_bits },
	{ "scope", NLA_KIND_U8, .enums = &rtnl_scope_names },
	{ "index", NLA_KIND_U32 },
};
const struct nl_struct rtnl_ifaddrmsg = NL_STRUCT("ifaddrmsg", ifaddrmsg_fields, 8);
const struct nl_struct rtnl_ifaddrmsg_get = { "ifaddrmsg", ifaddrmsg_fields,
	ARRAY_SIZE(ifaddrmsg_fields), 8, 1 };

static const struct nl_attr_pol ifa_cacheinfo_f[] = {
	{ "prefered", NLA_KIND_U32 }, { "valid", NLA_KIND_U32 },
	{ "cstamp", NLA_KIND_U32 }, { "tstamp", NLA_KIND_U32 },
};
static const struct nl_struct ifa_cacheinfo_st = NL_STRUCT("ifa_cacheinfo", ifa_cacheinfo_f, 16);
static const char *const ifa_proto_v[] = { "unspec", "kernel_lo", "kernel_ra", "kernel_ll" };
static const struct nl_names ifa_proto_names = NL_NAMES(ifa_proto_v);

static const struct nl_attr_pol addr_attrs[] = {
	[1] = { "address", NLA_KIND_ADDR },
	[2] = { "local", NLA_KIND_ADDR },
	[3] = { "label", NLA_KIND_NUL_STRING },
	[4] = { "broadcast", NLA_KIND_ADDR },
	[5] = { "anycast", NLA_KIND_ADDR },
	[6] = { "cacheinfo", NLA_KIND_STRUCT, .st = &ifa_cacheinfo_st },
	[7] = { "multicast", NLA_KIND_ADDR },
	[8] = { "flags", NLA_KIND_U32, .bits = &ifa_flag_bits },
	[9] = { "rt_priority", NLA_KIND_U32 },
	[10] = { "target_netnsid", NLA_KIND_S32 },
	[11] = { "proto", NLA_KIND_U8, .enums = &ifa_proto_names },
};
const struct nl_attr_set rtnl_addr_set = NL_ATTR_SET("addr", addr_attrs);

/* ---- MPLS labels (struct mpls_label: be32 label:20 tc:3 bos:1 ttl:8) ---- */

static const struct nl_attr_pol mpls_label_members[] = {
	{ "label", NLA_KIND_U32 }, { "tc", NLA_KIND_U8 }, { "bos", NLA_KIND_FLAG },
	{ "ttl", NLA_KIND_U8 },
};
/* the shape of rtnl_cb_mpls_labels, for the field registry: a list of these */
const struct nl_shape rtnl_mpls_labels_shape = NL_SHAPE_OBJ(mpls_label_members);
/* ... and of rtnl_cb_ip_by_len */
const struct nl_shape rtnl_ip_shape = NL_SHAPE_FORM("ipv4|ipv6");

/* ---- lwtunnel encaps ---- */

static const char *const encap_type_v[] = {
	"none", "mpls", "ip", "ila", "ip6", "seg6", "bpf", "seg6local", "rpl",
	"ioam6", "xfrm",
};
const struct nl_names encap_type_names = NL_NAMES(encap_type_v);

static const struct nl_attr_pol mpls_encap_attrs[] = {
	[1] = { "dst", NLA_KIND_CB, .cb = rtnl_cb_mpls_labels, .shape = &rtnl_mpls_labels_shape },
	[2] = { "ttl", NLA_KIND_U8 },
};
const struct nl_attr_set rtnl_mpls_encap_set = NL_ATTR_SET("mpls", mpls_encap_attrs);

static const char *const tun_flag_v[] = {
	"csum", "routing", "key", "seq", "strict", "rec", "version", "no_key",
	"dont_fragment", "oam", "crit_opt", "geneve_opt", "vxlan_opt", "nocache",
	"erspan_opt", "gtp_opt",
};
static const struct nl_names tun_flag_bits = NL_NAMES(tun_flag_v);
static const struct nl_attr_pol ip_encap_attrs[] = {
	[1] = { "id", NLA_KIND_BE64 },
	[2] = { "dst", NLA_KIND_IPV4 },
	[3] = { "src", NLA_KIND_IPV4 },
	[4] = { "ttl", NLA_KIND_U8 },
	[5] = { "tos", NLA_KIND_U8 },
	[6] = { "flags", NLA_KIND_U16, .bits = &tun_flag_bits },
	[7] = { "pad", NLA_KIND_PAD },
	[8] = { "opts", NLA_KIND_BINARY },
};
static const struct nl_attr_set ip_encap_set = NL_ATTR_SET("ip", ip_encap_attrs);
static const struct nl_attr_pol ip6_encap_attrs[] = {
	[1] = { "id", NLA_KIND_BE64 },
	[2] = { "dst", NLA_KIND_IPV6 },
	[3] = { "src", NLA_KIND_IPV6 },
	[4] = { "hoplimit", NLA_KIND_U8 },
	[5] = { "tc", NLA_KIND_U8 },
	[6] = { "flags", NLA_KIND_U16, .bits = &tun_flag_bits },
	[7] = { "pad", NLA_KIND_PAD },
	[8] = { "opts", NLA_KIND_BINARY },
};
static const struct nl_attr_set ip6_encap_set = NL_ATTR_SET("ip6", ip6_encap_attrs);

static const char *const seg6_mode_v[] = { "inline", "encap", "l2encap", "encap.red", "l2encap.red" };
const struct nl_names seg6_mode_names = NL_NAMES(seg6_mode_v);

static const struct nl_attr_pol srh_members[] = {
	{ "nexthdr", NLA_KIND_U8 }, { "hdrlen", NLA_KIND_U8 }, { "type", NLA_KIND_U8 },
	{ "segments_left", NLA_KIND_U8 }, { "first_segment", NLA_KIND_U8 },
	{ "flags", NLA_KIND_U8 }, { "tag", NLA_KIND_BE16 },
	{ "segments", NLA_KIND_IPV6 }, { "tlvs", NLA_KIND_BINARY },
};
static const struct nl_shape srh_shape = NL_SHAPE_OBJ(srh_members);
static const struct nl_attr_pol seg6_srh_members[] = {
	{ "mode", NLA_KIND_U32, .enums = &seg6_mode_names },
	{ "srh", NLA_KIND_CB, .shape = &srh_shape },
};
static const struct nl_shape seg6_srh_shape = NL_SHAPE_OBJ(seg6_srh_members);

static const struct nl_attr_pol seg6_encap_attrs[] = {
	[1] = { "srh", NLA_KIND_CB, .cb = cb_seg6_srh, .shape = &seg6_srh_shape },
};
static const struct nl_attr_set seg6_encap_set = NL_ATTR_SET("seg6", seg6_encap_attrs);

static const char *const seg6_action_v[] = {
	"unspec", "End", "End.X", "End.T", "End.DX2", "End.DX6", "End.DX4",
	"End.DT6", "End.DT4", "End.B6", "End.B6.Encaps", "End.BM", "End.S",
	"End.AS", "End.AM", "End.BPF", "End.DT46",
};
static const struct nl_names seg6_action_names = NL_NAMES(seg6_action_v);
static const struct nl_attr_pol seg6_bpf_attrs[] = {
	[1] = { "prog_fd", NLA_KIND_U32 },
	[2] = { "prog_name", NLA_KIND_NUL_STRING },
};
static const struct nl_attr_set seg6_bpf_set = NL_ATTR_SET("bpf", seg6_bpf_attrs);
static const struct nl_attr_pol seg6_cnt_attrs[] = {
	[1] = { "pad", NLA_KIND_PAD },
	[2] = { "packets", NLA_KIND_U64 },
	[3] = { "bytes", NLA_KIND_U64 },
	[4] = { "errors", NLA_KIND_U64 },
};
static const struct nl_attr_set seg6_cnt_set = NL_ATTR_SET("counters", seg6_cnt_attrs);
static const struct nl_attr_pol seg6_flv_attrs[] = {
	[1] = { "operation", NLA_KIND_U32, .flags = NLAF_HEX },
	[2] = { "lcblock_bits", NLA_KIND_U8 },
	[3] = { "lcnode_fn_bits", NLA_KIND_U8 },
};
static const struct nl_attr_set seg6_flv_set = NL_ATTR_SET("flavors", seg6_flv_attrs);
static const struct nl_attr_pol seg6local_attrs[] = {
	[1] = { "action", NLA_KIND_U32, .enums = &seg6_action_names },
	[2] = { "srh", NLA_KIND_CB, .cb = cb_srh, .shape = &srh_shape },
	[3] = { "table", NLA_KIND_U32, .enums = &rtnl_table_names },
	[4] = { "nh4", NLA_KIND_IPV4 },
	[5] = { "nh6", NLA_KIND_IPV6 },
	[6] = { "iif", NLA_KIND_U32 },
	[7] = { "oif", NLA_KIND_U32 },
	[8] = { "bpf", NLA_KIND_NESTED, .nest = &seg6_bpf_set },
	[9] = { "vrftable", NLA_KIND_U32, .enums = &rtnl_table_names },
	[10] = { "counters", NLA_KIND_NESTED, .nest = &seg6_cnt_set },
	[11] = { "flavors", NLA_KIND_NESTED, .nest = &seg6_flv_set },
};
static const struct nl_attr_set seg6local_set = NL_ATTR_SET("seg6local", seg6local_attrs);

static const struct nl_attr_pol ila_attrs[] = {
	[1] = { "locator", NLA_KIND_U64, .flags = NLAF_HEX },
	[2] = { "csum_mode", NLA_KIND_U8 },
	[3] = { "ident_type", NLA_KIND_U8 },
	[4] = { "hook_type", NLA_KIND_U8 },
};
static const struct nl_attr_set ila_set = NL_ATTR_SET("ila", ila_attrs);
static const struct nl_attr_pol lwt_bpf_prog_attrs[] = {
	[1] = { "fd", NLA_KIND_U32 },
	[2] = { "name", NLA_KIND_NUL_STRING },
};
static const struct nl_attr_set lwt_bpf_prog_set = NL_ATTR_SET("prog", lwt_bpf_prog_attrs);
static const struct nl_attr_pol lwt_bpf_attrs[] = {
	[1] = { "in", NLA_KIND_NESTED, .nest = &lwt_bpf_prog_set },
	[2] = { "out", NLA_KIND_NESTED, .nest = &lwt_bpf_prog_set },
	[3] = { "xmit", NLA_KIND_NESTED, .nest = &lwt_bpf_prog_set },
	[4] = { "xmit_headroom", NLA_KIND_U32 },
};
static const struct nl_attr_set lwt_bpf_set = NL_ATTR_SET("bpf", lwt_bpf_attrs);
static const struct nl_attr_pol ioam6_attrs[] = {
	[1] = { "trace", NLA_KIND_BINARY },
	[2] = { "mode", NLA_KIND_U8 },
	[3] = { "freq_k", NLA_KIND_U32 },
	[4] = { "freq_n", NLA_KIND_U32 },
	[5] = { "src", NLA_KIND_IPV6 },
	[6] = { "dst", NLA_KIND_IPV6 },
};
static const struct nl_attr_set ioam6_set = NL_ATTR_SET("ioam6", ioam6_attrs);
static const struct nl_attr_pol xfrm_encap_attrs[] = {
	[1] = { "if_id", NLA_KIND_U32 },
	[2] = { "link", NLA_KIND_U32 },
};
static const struct nl_attr_set xfrm_encap_set = NL_ATTR_SET("xfrm", xfrm_encap_attrs);
static const struct nl_attr_pol rpl_attrs[] = {
	[1] = { "srh", NLA_KIND_BINARY },
};
static const struct nl_attr_set rpl_set = NL_ATTR_SET("rpl", rpl_attrs);

const struct nl_attr_set *const encap_sets[] = {
	[1] = &rtnl_mpls_encap_set, [2] = &ip_encap_set, [3] = &ila_set,
	[4] = &ip6_encap_set, [5] = &seg6_encap_set, [6] = &lwt_bpf_set,
	[7] = &seg6local_set, [8] = &rpl_set, [9] = &ioam6_set, [10] = &xfrm_encap_set,
};

static const struct nl_shape encap_shape = NL_SHAPE_EACH(each_encap);

/* ---- routes ---- */

static const char *const rtm_flag_v[] = {
	[0] = "dead", [1] = "pervasive", [2] = "onlink", [3] = "offload",
	[4] = "linkdown", [5] = "unresolved", [6] = "trap",
	[8] = "notify", [9] = "cloned", [10] = "equalize", [11] = "prefix",
	[12] = "lookup_table", [13] = "fib_match", [14] = "rt_offload",
	[15] = "rt_trap", [29] = "rt_offload_failed",
};
static const struct nl_names rtm_flag_bits = NL_NAMES(rtm_flag_v);

static const struct nl_attr_pol rtmsg_fields[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &rtnl_family_names },
	{ "dst_len", NLA_KIND_U8 },
	{ "src_len", NLA_KIND_U8 },
	{ "tos", NLA_KIND_U8, .flags = NLAF_HEX },
	{ "table", NLA_KIND_U8, .enums = &rtnl_table_names },
	{ "protocol", NLA_KIND_U8, .enums = &rtnl_rtprot_names },
	{ "scope", NLA_KIND_U8, .enums = &rtnl_scope_names },
	{ "type", NLA_KIND_U8, .enums = &rtnl_rtn_type_names },
	{ "flags", NLA_KIND_U32, .bits = &rtm_flag_bits },
};
const struct nl_struct rtnl_rtmsg = NL_STRUCT("rtmsg", rtmsg_fields, 12);
const struct nl_struct rtnl_rtmsg_get = { "rtmsg", rtmsg_fields, ARRAY_SIZE(rtmsg_fields), 12, 1 };

static const char *const rtax_lock_v[] = {
	[1] = "lock", [2] = "mtu", [3] = "window", [4] = "rtt", [5] = "rttvar",
	[6] = "ssthresh", [7] = "cwnd", [8] = "advmss", [9] = "reordering",
	[10] = "hoplimit", [11] = "initcwnd", [12] = "features", [13] = "rto_min",
	[14] = "initrwnd", [15] = "quickack", [16] = "cc_algo", [17] = "fastopen_no_cookie",
};
static const struct nl_names rtax_lock_bits = NL_NAMES(rtax_lock_v);
static const char *const rtax_feat_v[] = { "ecn", "sack", "timestamp", "allfrag", "tcp_usec_ts" };
static const struct nl_names rtax_feat_bits = NL_NAMES(rtax_feat_v);
static const struct nl_attr_pol metrics_attrs[] = {
	[1] = { "lock", NLA_KIND_U32, .bits = &rtax_lock_bits },
	[2] = { "mtu", NLA_KIND_U32 },
	[3] = { "window", NLA_KIND_U32 },
	[4] = { "rtt", NLA_KIND_U32 },
	[5] = { "rttvar", NLA_KIND_U32 },
	[6] = { "ssthresh", NLA_KIND_U32 },
	[7] = { "cwnd", NLA_KIND_U32 },
	[8] = { "advmss", NLA_KIND_U32 },
	[9] = { "reordering", NLA_KIND_U32 },
	[10] = { "hoplimit", NLA_KIND_U32 },
	[11] = { "initcwnd", NLA_KIND_U32 },
	[12] = { "features", NLA_KIND_U32, .bits = &rtax_feat_bits },
	[13] = { "rto_min", NLA_KIND_U32 },
	[14] = { "initrwnd", NLA_KIND_U32 },
	[15] = { "quickack", NLA_KIND_U32 },
	[16] = { "cc_algo", NLA_KIND_NUL_STRING },
	[17] = { "fastopen_no_cookie", NLA_KIND_U32 },
};
static const struct nl_attr_set metrics_set = NL_ATTR_SET("metrics", metrics_attrs);

static const struct nl_attr_pol rta_cacheinfo_f[] = {
	{ "clntref", NLA_KIND_U32 }, { "lastuse", NLA_KIND_U32 },
	{ "expires", NLA_KIND_S32 }, { "error", NLA_KIND_U32 },
	{ "used", NLA_KIND_U32 }, { "id", NLA_KIND_U32 },
	{ "ts", NLA_KIND_U32 }, { "tsage", NLA_KIND_U32 },
};
static const struct nl_struct rta_cacheinfo_st = NL_STRUCT("rta_cacheinfo", rta_cacheinfo_f, 32);
static const struct nl_attr_pol mfc_stats_f[] = {
	{ "packets", NLA_KIND_U64 }, { "bytes", NLA_KIND_U64 }, { "wrong_if", NLA_KIND_U64 },
};
static const struct nl_struct mfc_stats_st = NL_STRUCT("rta_mfc_stats", mfc_stats_f, 24);
static const char *const pref_v[] = { [0] = "medium", [1] = "high", [3] = "low" };
static const struct nl_names pref_names = NL_NAMES(pref_v);

static const struct nl_attr_pol via_members[] = {
	{ "family", NLA_KIND_U16, .enums = &rtnl_family_names },
	{ "addr", NLA_KIND_CB, .shape = &rtnl_ip_shape },
};
static const struct nl_shape via_shape = NL_SHAPE_OBJ(via_members);
static const struct nl_attr_pol rta_dst_alts[] = {
	{ "family mpls", NLA_KIND_CB, .shape = &rtnl_mpls_labels_shape },
	{ "other families", NLA_KIND_ADDR },
};
static const struct nl_shape rta_dst_shape = NL_SHAPE_ALTS(rta_dst_alts);

static const char *const rtnh_flag_v[] = {
	"dead", "pervasive", "onlink", "offload", "linkdown", "unresolved", "trap",
};
const struct nl_names rtnh_flag_bits = NL_NAMES(rtnh_flag_v);

static const struct nl_attr_pol multipath_members[] = {
	{ "len", NLA_KIND_U16 }, { "flags", NLA_KIND_U8, .bits = &rtnh_flag_bits },
	{ "hops", NLA_KIND_U8 }, { "ifindex", NLA_KIND_S32 },
	{ "attrs", NLA_KIND_NESTED, .nest = &rtnl_route_set },
};
static const struct nl_shape multipath_shape = NL_SHAPE_OBJ(multipath_members);

static const struct nl_attr_pol route_attrs[] = {
	[1] = { "dst", NLA_KIND_CB, .cb = cb_rta_dst, .shape = &rta_dst_shape },
	[2] = { "src", NLA_KIND_ADDR },
	[3] = { "iif", NLA_KIND_U32 },
	[4] = { "oif", NLA_KIND_U32 },
	[5] = { "gateway", NLA_KIND_ADDR },
	[6] = { "priority", NLA_KIND_U32 },
	[7] = { "prefsrc", NLA_KIND_ADDR },
	[8] = { "metrics", NLA_KIND_NESTED, .nest = &metrics_set },
	[9] = { "multipath", NLA_KIND_CB, .cb = cb_multipath, .shape = &multipath_shape },
	[10] = { "protoinfo", NLA_KIND_BINARY },
	[11] = { "flow", NLA_KIND_U32, .flags = NLAF_HEX },
	[12] = { "cacheinfo", NLA_KIND_STRUCT, .st = &rta_cacheinfo_st },
	[13] = { "session", NLA_KIND_BINARY },
	[14] = { "mp_algo", NLA_KIND_BINARY },
	[15] = { "table", NLA_KIND_U32, .enums = &rtnl_table_names },
	[16] = { "mark", NLA_KIND_U32, .flags = NLAF_HEX },
	[17] = { "mfc_stats", NLA_KIND_STRUCT, .st = &mfc_stats_st },
	[18] = { "via", NLA_KIND_CB, .cb = cb_via, .shape = &via_shape },
	[19] = { "newdst", NLA_KIND_CB, .cb = rtnl_cb_mpls_labels, .shape = &rtnl_mpls_labels_shape },
	[20] = { "pref", NLA_KIND_U8, .enums = &pref_names },
	[21] = { "encap_type", NLA_KIND_U16, .enums = &encap_type_names },
	[22] = { "encap", NLA_KIND_CB, .cb = cb_rta_encap, .shape = &encap_shape },
	[23] = { "expires", NLA_KIND_UINT },
	[24] = { "pad", NLA_KIND_PAD },
	[25] = { "uid", NLA_KIND_U32 },
	[26] = { "ttl_propagate", NLA_KIND_U8 },
	[27] = { "ip_proto", NLA_KIND_U8 },
	[28] = { "sport", NLA_KIND_BE16 },
	[29] = { "dport", NLA_KIND_BE16 },
	[30] = { "nh_id", NLA_KIND_U32 },
	[31] = { "flowlabel", NLA_KIND_BE32, .flags = NLAF_HEX },
};
const struct nl_attr_set rtnl_route_set = NL_ATTR_SET("route", route_attrs);

/* ---- neighbours ---- */

static const char *const nud_v[] = {
	"INCOMPLETE", "REACHABLE", "STALE", "DELAY", "PROBE", "FAILED", "NOARP", "PERMANENT",
};
static const struct nl_names nud_bits = NL_NAMES(nud_v);
static const char *const ntf_v[] = {
	"use", "self", "master", "proxy", "extern_learn", "offloaded", "sticky", "router",
};
static const struct nl_names ntf_bits = NL_NAMES(ntf_v);
static const char *const ntf_ext_v[] = { "managed", "locked", "ext_validated" };
static const struct nl_names ntf_ext_bits = NL_NAMES(ntf_ext_v);

static const struct nl_attr_pol ndmsg_fields[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &rtnl_family_names },
	{ "pad1", NLA_KIND_PAD, .len = 1 },
	{ "pad2", NLA_KIND_PAD, .len = 2 },
	{ "ifindex", NLA_KIND_S32 },
	{ "state", NLA_KIND_U16, .bits = &nud_bits },
	{ "flags", NLA_KIND_U8, .bits = &ntf_bits },
	{ "type", NLA_KIND_U8, .enums = &rtnl_rtn_type_names },
};
const struct nl_struct rtnl_ndmsg = NL_STRUCT("ndmsg", ndmsg_fields, 12);
const struct nl_struct rtnl_ndmsg_get = { "ndmsg", ndmsg_fields, ARRAY_SIZE(ndmsg_fields), 12, 1 };

static const struct nl_attr_pol nda_cacheinfo_f[] = {
	{ "confirmed", NLA_KIND_U32 }, { "used", NLA_KIND_U32 },
	{ "updated", NLA_KIND_U32 }, { "refcnt", NLA_KIND_U32 },
};
static const struct nl_struct nda_cacheinfo_st = NL_STRUCT("nda_cacheinfo", nda_cacheinfo_f, 16);
/* NFEA_ACTIVITY_NOTIFY: FDB_NOTIFY_BIT, FDB_NOTIFY_INACTIVE_BIT */
static const char *const fdb_notify_v[] = { "notify", "inactive" };
static const struct nl_names fdb_notify_bits = NL_NAMES(fdb_notify_v);
static const struct nl_attr_pol nfea_attrs[] = {
	[1] = { "activity_notify", NLA_KIND_U8, .bits = &fdb_notify_bits },
	[2] = { "dont_refresh", NLA_KIND_FLAG },
};
static const struct nl_attr_set nfea_set = NL_ATTR_SET("fdb_ext_attrs", nfea_attrs);

static const struct nl_attr_pol neigh_attrs[] = {
	[1] = { "dst", NLA_KIND_CB, .cb = cb_nda_dst, .shape = &rtnl_ip_shape },
	[2] = { "lladdr", NLA_KIND_MAC },
	[3] = { "cacheinfo", NLA_KIND_STRUCT, .st = &nda_cacheinfo_st },
	[4] = { "probes", NLA_KIND_U32 },
	[5] = { "vlan", NLA_KIND_U16 },
	[6] = { "port", NLA_KIND_BE16 },
	[7] = { "vni", NLA_KIND_U32 },
	[8] = { "ifindex", NLA_KIND_U32 },
	[9] = { "master", NLA_KIND_U32 },
	[10] = { "link_netnsid", NLA_KIND_S32 },
	[11] = { "src_vni", NLA_KIND_U32 },
	[12] = { "protocol", NLA_KIND_U8, .enums = &rtnl_rtprot_names },
	[13] = { "nh_id", NLA_KIND_U32 },
	[14] = { "fdb_ext_attrs", NLA_KIND_NESTED, .nest = &nfea_set },
	[15] = { "flags_ext", NLA_KIND_U32, .bits = &ntf_ext_bits },
	[16] = { "ndm_state_mask", NLA_KIND_U16, .bits = &nud_bits },
	[17] = { "ndm_flags_mask", NLA_KIND_U8, .bits = &ntf_bits },
};
const struct nl_attr_set rtnl_neigh_set = NL_ATTR_SET("neigh", neigh_attrs);

/* ---- rules ---- */

static const char *const fr_act_v[] = {
	"unspec", "lookup", "goto", "nop", "res3", "res4", "blackhole",
	"unreachable", "prohibit",
};
static const struct nl_names fr_act_names = NL_NAMES(fr_act_v);
static const char *const fr_flag_v[] = {
	[0] = "permanent", [1] = "invert", [2] = "unresolved", [3] = "dev_detached",
	[16] = "find_saddr",
};
static const struct nl_names fr_flag_bits = NL_NAMES(fr_flag_v);
static const struct nl_attr_pol fib_rule_hdr_fields[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &rtnl_family_names },
	{ "dst_len", NLA_KIND_U8 },
	{ "src_len", NLA_KIND_U8 },
	{ "tos", NLA_KIND_U8, .flags = NLAF_HEX },
	{ "table", NLA_KIND_U8, .enums = &rtnl_table_names },
	{ "res1", NLA_KIND_PAD, .len = 1 },
	{ "res2", NLA_KIND_PAD, .len = 1 },
	{ "action", NLA_KIND_U8, .enums = &fr_act_names },
	{ "flags", NLA_KIND_U32, .bits = &fr_flag_bits },
};
const struct nl_struct rtnl_fib_rule_hdr = NL_STRUCT("fib_rule_hdr", fib_rule_hdr_fields, 12);
const struct nl_struct rtnl_fib_rule_hdr_get = { "fib_rule_hdr", fib_rule_hdr_fields,
	ARRAY_SIZE(fib_rule_hdr_fields), 12, 1 };
static const struct nl_attr_pol uid_range_f[] = {
	{ "start", NLA_KIND_U32 }, { "end", NLA_KIND_U32 },
};
static const struct nl_struct uid_range_st = NL_STRUCT("fib_rule_uid_range", uid_range_f, 8);
static const struct nl_attr_pol port_range_f[] = {
	{ "start", NLA_KIND_U16 }, { "end", NLA_KIND_U16 },
};
static const struct nl_struct port_range_st = NL_STRUCT("fib_rule_port_range", port_range_f, 4);
static const struct nl_attr_pol rule_attrs[] = {
	[1] = { "dst", NLA_KIND_ADDR },
	[2] = { "src", NLA_KIND_ADDR },
	[3] = { "iifname", NLA_KIND_STRING },
	[4] = { "goto", NLA_KIND_U32 },
	[6] = { "priority", NLA_KIND_U32 },
	[10] = { "fwmark", NLA_KIND_U32, .flags = NLAF_HEX },
	[11] = { "flow", NLA_KIND_U32, .flags = NLAF_HEX },
	[12] = { "tun_id", NLA_KIND_BE64 },
	[13] = { "suppress_ifgroup", NLA_KIND_U32 },
	[14] = { "suppress_prefixlen", NLA_KIND_U32 },
	[15] = { "table", NLA_KIND_U32, .enums = &rtnl_table_names },
	[16] = { "fwmask", NLA_KIND_U32, .flags = NLAF_HEX },
	[17] = { "oifname", NLA_KIND_STRING },
	[18] = { "pad", NLA_KIND_PAD },
	[19] = { "l3mdev", NLA_KIND_U8 },
	[20] = { "uid_range", NLA_KIND_STRUCT, .st = &uid_range_st },
	[21] = { "protocol", NLA_KIND_U8, .enums = &rtnl_rtprot_names },
	[22] = { "ip_proto", NLA_KIND_U8 },
	[23] = { "sport_range", NLA_KIND_STRUCT, .st = &port_range_st },
	[24] = { "dport_range", NLA_KIND_STRUCT, .st = &port_range_st },
	[25] = { "dscp", NLA_KIND_U8 },
	[26] = { "flowlabel", NLA_KIND_BE32, .flags = NLAF_HEX },
	[27] = { "flowlabel_mask", NLA_KIND_BE32, .flags = NLAF_HEX },
	[28] = { "sport_mask", NLA_KIND_U16, .flags = NLAF_HEX },
	[29] = { "dport_mask", NLA_KIND_U16, .flags = NLAF_HEX },
	[30] = { "dscp_mask", NLA_KIND_U8, .flags = NLAF_HEX },
};
const struct nl_attr_set rtnl_rule_set = NL_ATTR_SET("rule", rule_attrs);

/* ---- nexthops ---- */

static const char *const nh_group_type_v[] = { "mpath", "resilient" };
static const struct nl_names nh_group_type_names = NL_NAMES(nh_group_type_v);
static const struct nl_attr_pol nhmsg_fields[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &rtnl_family_names },
	{ "scope", NLA_KIND_U8, .enums = &rtnl_scope_names },
	{ "protocol", NLA_KIND_U8, .enums = &rtnl_rtprot_names },
	{ "resvd", NLA_KIND_PAD, .len = 1 },
	{ "flags", NLA_KIND_U32, .bits = &rtnh_flag_bits },
};
const struct nl_struct rtnl_nhmsg = NL_STRUCT("nhmsg", nhmsg_fields, 8);
const struct nl_struct rtnl_nhmsg_get = { "nhmsg", nhmsg_fields, ARRAY_SIZE(nhmsg_fields), 8, 1 };

static const struct nl_attr_pol nh_group_members[] = {
	{ "id", NLA_KIND_U32 }, { "weight", NLA_KIND_U16 },
};
static const struct nl_shape nh_group_shape = NL_SHAPE_OBJ(nh_group_members);

/* NHA_RES_GROUP_PAD and NHA_RES_BUCKET_PAD are 0 (= _UNSPEC) */
static const struct nl_attr_pol nh_res_group_attrs[] = {
	[0] = { "pad", NLA_KIND_PAD },
	[1] = { "buckets", NLA_KIND_U16 },
	[2] = { "idle_timer", NLA_KIND_U32 },
	[3] = { "unbalanced_timer", NLA_KIND_U32 },
	[4] = { "unbalanced_time", NLA_KIND_U64 },
};
static const struct nl_attr_set nh_res_group_set = NL_ATTR_SET("res_group", nh_res_group_attrs);
static const struct nl_attr_pol nh_res_bucket_attrs[] = {
	[0] = { "pad", NLA_KIND_PAD },
	[1] = { "index", NLA_KIND_U16 },
	[2] = { "idle_time", NLA_KIND_U64 },
	[3] = { "nh_id", NLA_KIND_U32 },
};
static const struct nl_attr_set nh_res_bucket_set = NL_ATTR_SET("res_bucket", nh_res_bucket_attrs);
static const struct nl_attr_pol nh_grp_stats_entry_attrs[] = {
	[1] = { "id", NLA_KIND_U32 },
	[2] = { "packets", NLA_KIND_UINT },
	[3] = { "packets_hw", NLA_KIND_UINT },
};
static const struct nl_attr_set nh_grp_stats_entry_set =
	NL_ATTR_SET("group_stats_entry", nh_grp_stats_entry_attrs);
static const struct nl_attr_pol nh_grp_stats_attrs[] = {
	[1] = { "entry", NLA_KIND_NESTED, .nest = &nh_grp_stats_entry_set },
};
static const struct nl_attr_set nh_grp_stats_set = NL_ATTR_SET("group_stats", nh_grp_stats_attrs);
static const char *const nh_op_flag_v[] = { "dump_stats", "dump_hw_stats" };
static const struct nl_names nh_op_flag_bits = NL_NAMES(nh_op_flag_v);
static const struct nl_attr_pol nh_attrs[] = {
	[1] = { "id", NLA_KIND_U32 },
	[2] = { "group", NLA_KIND_CB, .cb = cb_nh_group, .shape = &nh_group_shape },
	[3] = { "group_type", NLA_KIND_U16, .enums = &nh_group_type_names },
	[4] = { "blackhole", NLA_KIND_FLAG },
	[5] = { "oif", NLA_KIND_U32 },
	[6] = { "gateway", NLA_KIND_ADDR },
	[7] = { "encap_type", NLA_KIND_U16, .enums = &encap_type_names },
	[8] = { "encap", NLA_KIND_CB, .cb = cb_nha_encap, .shape = &encap_shape },
	[9] = { "groups", NLA_KIND_FLAG },
	[10] = { "master", NLA_KIND_U32 },
	[11] = { "fdb", NLA_KIND_FLAG },
	[12] = { "res_group", NLA_KIND_NESTED, .nest = &nh_res_group_set },
	[13] = { "res_bucket", NLA_KIND_NESTED, .nest = &nh_res_bucket_set },
	[14] = { "op_flags", NLA_KIND_U32, .bits = &nh_op_flag_bits },
	[15] = { "group_stats", NLA_KIND_NESTED, .nest = &nh_grp_stats_set },
	[16] = { "hw_stats_enable", NLA_KIND_U32 },
	[17] = { "hw_stats_used", NLA_KIND_U32 },
};
const struct nl_attr_set rtnl_nh_set = NL_ATTR_SET("nexthop", nh_attrs);
const struct nl_attr_set rtnl_nhbucket_set = NL_ATTR_SET("nexthop_bucket", nh_attrs);
