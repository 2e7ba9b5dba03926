/* rtnl_misc.c - the smaller NETLINK_ROUTE message families: netconf,
 * nsid, address labels, prefixes, link stats (RTM_*STATS), neighbour
 * tables, ND user options, DCB and the VXLAN VNI filter (RTM_*TUNNEL):
 * their headers, attribute sets and summaries.
 *
 * Reference: include/uapi/linux/rtnetlink.h, netconf.h, net_namespace.h,
 * if_addrlabel.h, neighbour.h, if_link.h, dcbnl.h, if_bridge.h (Linux 6.12).
 */
#include "rtnl_msgs.h"

/* ---- netconf ---- */

static const char *const netconf_ifindex_v[] = { "all", "default" };
static bool cb_netconf_ifindex(struct dctx *d, const struct nl_attr_pol *pol,
			       const char *key, struct nlc *c)
{
	(void)pol;
	if (nlc_left(c) != 4)
		return false;
	size_t at = c->pos;
	int32_t v = (int32_t)nlc_u32(c);
	if (v == -1 || v == -2)
		nl_put_enum_name(d, key, at, 4, (uint32_t)v,
				 d->numeric ? NULL : netconf_ifindex_v[-v - 1]);
	else
		nl_put_sint(d, key, at, 4, v);
	return true;
}
static const struct nl_shape netconf_ifindex_shape = NL_SHAPE_FORM("s32|enum");
static const struct nl_attr_pol netconfmsg_fields[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &rtnl_family_names },
};
const struct nl_struct rtnl_netconfmsg = NL_STRUCT("netconfmsg", netconfmsg_fields, 1);
static const struct nl_attr_pol netconf_attrs[] = {
	[1] = { "ifindex", NLA_KIND_CB, .cb = cb_netconf_ifindex, .shape = &netconf_ifindex_shape },
	[2] = { "forwarding", NLA_KIND_S32 },
	[3] = { "rp_filter", NLA_KIND_S32 },
	[4] = { "mc_forwarding", NLA_KIND_S32 },
	[5] = { "proxy_neigh", NLA_KIND_S32 },
	[6] = { "ignore_routes_with_linkdown", NLA_KIND_S32 },
	[7] = { "input", NLA_KIND_S32 },
	[8] = { "bc_forwarding", NLA_KIND_S32 },
};
const struct nl_attr_set rtnl_netconf_set = NL_ATTR_SET("netconf", netconf_attrs);

enum { CS_FAMILY, CS_IFINDEX, CS_FORWARDING, CS_RP_FILTER, CS_MC_FORWARDING };

static const struct nl_sum_field netconf_sum_fields[] = {
	[CS_FAMILY] = NL_SUM_HDR("family"),
	[CS_IFINDEX] = NL_SUM_ATTR(&rtnl_netconf_set, "ifindex"),
	[CS_FORWARDING] = NL_SUM_ATTR(&rtnl_netconf_set, "forwarding"),
	[CS_RP_FILTER] = NL_SUM_ATTR(&rtnl_netconf_set, "rp_filter"),
	[CS_MC_FORWARDING] = NL_SUM_ATTR(&rtnl_netconf_set, "mc_forwarding"),
};

/* "ipv4 dev eth0 forwarding on rp_filter strict" */
static void sum_netconf(struct dctx *d, const struct nl_sum_vals *v)
{
	unsigned fam = val8(v, CS_FAMILY);
	uint32_t u;

	emit_sum(d->e, " %s", fam == RT_AF_INET ? "ipv4" : fam == RT_AF_INET6 ? "ipv6" :
		 fam == RT_AF_MPLS ? "mpls" : "family");
	if (nl_sum_u32(v, CS_IFINDEX, &u)) {
		int32_t idx = (int32_t)u;
		if (idx == -1)
			emit_sum(d->e, " all");
		else if (idx == -2)
			emit_sum(d->e, " default");
		else
			rtnl_sum_dev(d, "dev", u);
	}
	if (nl_sum_u32(v, CS_FORWARDING, &u))
		emit_sum(d->e, " forwarding %s", u ? "on" : "off");
	if (nl_sum_u32(v, CS_RP_FILTER, &u))
		emit_sum(d->e, " rp_filter %s", u == 0 ? "off" : u == 1 ? "strict" : "loose");
	if (nl_sum_u32(v, CS_MC_FORWARDING, &u))
		emit_sum(d->e, " mc_forwarding %s", u ? "on" : "off");
}

static const struct nl_sum_part netconf_sum_parts[] = { NLS_CALL(sum_netconf) };
const struct nl_summary rtnl_netconf_summary = NL_SUMMARY(netconf_sum_fields, netconf_sum_parts);

/* ---- nsid ---- */

static const struct nl_attr_pol rtgenmsg_fields[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &rtnl_family_names },
};
const struct nl_struct rtnl_rtgenmsg = NL_STRUCT("rtgenmsg", rtgenmsg_fields, 1);
static const struct nl_attr_pol nsid_attrs[] = {
	[1] = { "nsid", NLA_KIND_S32, .flags = NLAF_SUMMARY },
	[2] = { "pid", NLA_KIND_U32 },
	[3] = { "fd", NLA_KIND_U32 },
	[4] = { "target_nsid", NLA_KIND_S32 },
	[5] = { "current_nsid", NLA_KIND_S32 },
};
const struct nl_attr_set rtnl_nsid_set = NL_ATTR_SET("nsid", nsid_attrs);

/* ---- address labels ---- */

static const struct nl_attr_pol ifaddrlblmsg_fields[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &rtnl_family_names },
	{ "reserved", NLA_KIND_PAD, .len = 1 },
	{ "prefixlen", NLA_KIND_U8 },
	{ "flags", NLA_KIND_U8, .flags = NLAF_HEX },
	{ "index", NLA_KIND_U32 },
	{ "seq", NLA_KIND_U32 },
};
const struct nl_struct rtnl_ifaddrlblmsg = { "ifaddrlblmsg", ifaddrlblmsg_fields,
	ARRAY_SIZE(ifaddrlblmsg_fields), 12, 1 };
static const struct nl_attr_pol addrlabel_attrs[] = {
	[1] = { "address", NLA_KIND_ADDR },
	[2] = { "label", NLA_KIND_U32 },
};
const struct nl_attr_set rtnl_addrlabel_set = NL_ATTR_SET("addrlabel", addrlabel_attrs);

enum { LB_FAMILY, LB_PREFIXLEN, LB_INDEX, LB_ADDRESS, LB_LABEL };

static const struct nl_sum_field addrlabel_sum_fields[] = {
	[LB_FAMILY] = NL_SUM_HDR("family"),
	[LB_PREFIXLEN] = NL_SUM_HDR("prefixlen"),
	[LB_INDEX] = NL_SUM_HDR("index"),
	[LB_ADDRESS] = NL_SUM_ATTR(&rtnl_addrlabel_set, "address"),
	[LB_LABEL] = NL_SUM_ATTR(&rtnl_addrlabel_set, "label"),
};

/* "prefix ::1/128 dev lo" */
static void sum_addrlabel(struct dctx *d, const struct nl_sum_vals *v)
{
	emit_sum(d->e, " prefix");
	rtnl_sum_addr_val(d, v, LB_ADDRESS, (int)val8(v, LB_FAMILY), "");
	emit_sum(d->e, "/%u", val8(v, LB_PREFIXLEN));
	if (val32(v, LB_INDEX))
		rtnl_sum_dev(d, "dev", val32(v, LB_INDEX));
}

static const struct nl_sum_part addrlabel_sum_parts[] = {
	NLS_CALL(sum_addrlabel),
	NLS_PART(NLS_U32, LB_LABEL, " label "),
};
const struct nl_summary rtnl_addrlabel_summary = NL_SUMMARY(addrlabel_sum_fields,
							      addrlabel_sum_parts);

/* ---- prefixes ---- */

static const char *const prefix_flag_v[] = { "onlink", "autoconf" };
static const struct nl_names prefix_flag_bits = NL_NAMES(prefix_flag_v);
static const struct nl_attr_pol prefixmsg_fields[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &rtnl_family_names },
	{ "pad1", NLA_KIND_PAD, .len = 1 },
	{ "pad2", NLA_KIND_PAD, .len = 2 },
	{ "ifindex", NLA_KIND_S32 },
	{ "type", NLA_KIND_U8 },
	{ "len", NLA_KIND_U8 },
	{ "flags", NLA_KIND_U8, .bits = &prefix_flag_bits },
	{ "pad3", NLA_KIND_PAD, .len = 1 },
};
const struct nl_struct rtnl_prefixmsg = NL_STRUCT("prefixmsg", prefixmsg_fields, 12);
static const struct nl_attr_pol prefix_ci_f[] = {
	{ "preferred_time", NLA_KIND_U32 }, { "valid_time", NLA_KIND_U32 },
};
static const struct nl_struct prefix_ci_st = NL_STRUCT("prefix_cacheinfo", prefix_ci_f, 8);
static const struct nl_attr_pol prefix_attrs[] = {
	[1] = { "address", NLA_KIND_IPV6 },
	[2] = { "cacheinfo", NLA_KIND_STRUCT, .st = &prefix_ci_st },
};
const struct nl_attr_set rtnl_prefix_set = NL_ATTR_SET("prefix", prefix_attrs);

enum { PS_IFINDEX, PS_LEN, PS_FLAGS, PS_ADDRESS };

static const struct nl_sum_field prefix_sum_fields[] = {
	[PS_IFINDEX] = NL_SUM_HDR("ifindex"),
	[PS_LEN] = NL_SUM_HDR("len"),
	[PS_FLAGS] = NL_SUM_HDR("flags"),
	[PS_ADDRESS] = NL_SUM_ATTR(&rtnl_prefix_set, "address"),
};

/* "prefix 2001:db8::/64 dev eth0 onlink autoconf" */
static void sum_prefix(struct dctx *d, const struct nl_sum_vals *v)
{
	unsigned flags = val8(v, PS_FLAGS);

	emit_sum(d->e, " prefix");
	rtnl_sum_addr_val(d, v, PS_ADDRESS, RT_AF_INET6, "");
	emit_sum(d->e, "/%u", val8(v, PS_LEN));
	rtnl_sum_dev(d, "dev", val32(v, PS_IFINDEX));
	if (flags & 1)
		emit_sum(d->e, " onlink");
	if (flags & 2)
		emit_sum(d->e, " autoconf");
}

static const struct nl_sum_part prefix_sum_parts[] = { NLS_CALL(sum_prefix) };
const struct nl_summary rtnl_prefix_summary = NL_SUMMARY(prefix_sum_fields, prefix_sum_parts);

/* ---- link stats (RTM_*STATS) ---- */

static const char *const stats_filter_v[] = {
	"link_64", "link_xstats", "link_xstats_slave", "link_offload_xstats", "af_spec",
};
static const struct nl_names stats_filter_bits = NL_NAMES(stats_filter_v);
static const struct nl_attr_pol if_stats_msg_fields[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &rtnl_family_names },
	{ "pad1", NLA_KIND_PAD, .len = 1 },
	{ "pad2", NLA_KIND_PAD, .len = 2 },
	{ "ifindex", NLA_KIND_U32 },
	{ "filter_mask", NLA_KIND_U32, .bits = &stats_filter_bits },
};
const struct nl_struct rtnl_if_stats_msg = { "if_stats_msg", if_stats_msg_fields,
	ARRAY_SIZE(if_stats_msg_fields), 12, 1 };
static const struct nl_attr_pol hw_s_info_one_attrs[] = {
	[1] = { "request", NLA_KIND_U8 },
	[2] = { "used", NLA_KIND_U8 },
};
static const struct nl_attr_set hw_s_info_one_set = NL_ATTR_SET("hw_s_info_one", hw_s_info_one_attrs);
/* one nest per offload stats type, typed by its IFLA_OFFLOAD_XSTATS_*
 * (L3_STATS, 3) */
static const struct nl_attr_pol hw_s_info_attrs[] = {
	[3] = { "l3_stats", NLA_KIND_NESTED, .nest = &hw_s_info_one_set },
};
static const struct nl_attr_pol hw_stats64_f[] = {
	{ "rx_packets", NLA_KIND_U64 }, { "tx_packets", NLA_KIND_U64 },
	{ "rx_bytes", NLA_KIND_U64 }, { "tx_bytes", NLA_KIND_U64 },
	{ "rx_errors", NLA_KIND_U64 }, { "tx_errors", NLA_KIND_U64 },
	{ "rx_dropped", NLA_KIND_U64 }, { "tx_dropped", NLA_KIND_U64 },
	{ "multicast", NLA_KIND_U64 },
};
static const struct nl_struct hw_stats64_st = NL_STRUCT("rtnl_hw_stats64", hw_stats64_f, 72);
static const struct nl_attr_set hw_s_info_set = NL_ATTR_SET("hw_s_info", hw_s_info_attrs);
static const struct nl_attr_pol offload_xstats_attrs[] = {
	[1] = { "cpu_hit", NLA_KIND_STRUCT, .st = &rtnl_stats64 },
	[2] = { "hw_s_info", NLA_KIND_NESTED, .nest = &hw_s_info_set },
	[3] = { "l3_stats", NLA_KIND_STRUCT, .st = &hw_stats64_st },
};
static const struct nl_attr_set offload_xstats_set = NL_ATTR_SET("offload_xstats", offload_xstats_attrs);
static const struct nl_attr_pol xstats_attrs[] = {
	[1] = { "bridge", NLA_KIND_BINARY },
	[2] = { "bond", NLA_KIND_BINARY },
};
static const struct nl_attr_set xstats_set = NL_ATTR_SET("xstats", xstats_attrs);
static const struct nl_attr_pol mpls_stats_attrs[] = {
	[1] = { "link", NLA_KIND_BINARY },
};
static const struct nl_attr_set mpls_stats_set = NL_ATTR_SET("mpls", mpls_stats_attrs);
static const struct nl_attr_pol stats_af_attrs[] = {
	[RT_AF_MPLS] = { "mpls", NLA_KIND_NESTED, .nest = &mpls_stats_set },
};
static const struct nl_attr_set stats_af_set = NL_ATTR_SET("af_spec", stats_af_attrs);
static const struct nl_attr_pol stats_attrs[] = {
	[1] = { "link_64", NLA_KIND_STRUCT, .st = &rtnl_stats64 },
	[2] = { "link_xstats", NLA_KIND_NESTED, .nest = &xstats_set },
	[3] = { "link_xstats_slave", NLA_KIND_NESTED, .nest = &xstats_set },
	[4] = { "link_offload_xstats", NLA_KIND_NESTED, .nest = &offload_xstats_set },
	[5] = { "af_spec", NLA_KIND_NESTED, .nest = &stats_af_set },
};
const struct nl_attr_set rtnl_stats_set = NL_ATTR_SET("stats", stats_attrs);

/* Requests (RTM_GETSTATS, RTM_SETSTATS) carry IFLA_STATS_GETSET_*.
 * IFLA_STATS_GET_FILTERS nests one u32 per IFLA_STATS_* group: a mask of
 * that group's subgroups, bit IFLA_STATS_FILTER_BIT(attr) = 1 << (attr - 1);
 * the kernel takes one for IFLA_STATS_LINK_OFFLOAD_XSTATS, whose
 * subgroups are IFLA_OFFLOAD_XSTATS_* (`ip stats ... subgroup cpu_hit`). */
static const char *const offload_xstats_filter_v[] = { "cpu_hit", "hw_s_info", "l3_stats" };
static const struct nl_names offload_xstats_filter_bits = NL_NAMES(offload_xstats_filter_v);
static const struct nl_attr_pol stats_filter_attrs[] = {
	[1] = { "link_64", NLA_KIND_U32, .flags = NLAF_HEX },
	[2] = { "link_xstats", NLA_KIND_U32, .flags = NLAF_HEX },
	[3] = { "link_xstats_slave", NLA_KIND_U32, .flags = NLAF_HEX },
	[4] = { "link_offload_xstats", NLA_KIND_U32, .bits = &offload_xstats_filter_bits },
	[5] = { "af_spec", NLA_KIND_U32, .flags = NLAF_HEX },
};
static const struct nl_attr_set stats_filter_set = NL_ATTR_SET("get_filters", stats_filter_attrs);
static const struct nl_attr_pol stats_getset_attrs[] = {
	[1] = { "get_filters", NLA_KIND_NESTED, .nest = &stats_filter_set },
	[2] = { "set_offload_xstats_l3_stats", NLA_KIND_U8 },
};
const struct nl_attr_set rtnl_stats_getset_set = NL_ATTR_SET("stats_getset", stats_getset_attrs);

/* ---- neighbour tables ---- */

static const struct nl_attr_pol ndtmsg_fields[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &rtnl_family_names },
	{ "pad1", NLA_KIND_PAD, .len = 1 },
	{ "pad2", NLA_KIND_PAD, .len = 2 },
};
const struct nl_struct rtnl_ndtmsg = { "ndtmsg", ndtmsg_fields, ARRAY_SIZE(ndtmsg_fields), 4, 1 };
static const struct nl_attr_pol ndt_config_f[] = {
	{ "key_len", NLA_KIND_U16 }, { "entry_size", NLA_KIND_U16 },
	{ "entries", NLA_KIND_U32 }, { "last_flush", NLA_KIND_U32 },
	{ "last_rand", NLA_KIND_U32 }, { "hash_rnd", NLA_KIND_U32, .flags = NLAF_HEX },
	{ "hash_mask", NLA_KIND_U32, .flags = NLAF_HEX }, { "hash_chain_gc", NLA_KIND_U32 },
	{ "proxy_qlen", NLA_KIND_U32 },
};
static const struct nl_struct ndt_config_st = NL_STRUCT("ndt_config", ndt_config_f, 32);
static const struct nl_attr_pol ndt_stats_f[] = {
	{ "allocs", NLA_KIND_U64 }, { "destroys", NLA_KIND_U64 }, { "hash_grows", NLA_KIND_U64 },
	{ "res_failed", NLA_KIND_U64 }, { "lookups", NLA_KIND_U64 }, { "hits", NLA_KIND_U64 },
	{ "rcv_probes_mcast", NLA_KIND_U64 }, { "rcv_probes_ucast", NLA_KIND_U64 },
	{ "periodic_gc_runs", NLA_KIND_U64 }, { "forced_gc_runs", NLA_KIND_U64 },
	{ "table_fulls", NLA_KIND_U64 },
};
static const struct nl_struct ndt_stats_st = NL_STRUCT("ndt_stats", ndt_stats_f, 88);
static const struct nl_attr_pol ndtpa_attrs[] = {
	[1] = { "ifindex", NLA_KIND_U32 },
	[2] = { "refcnt", NLA_KIND_U32 },
	[3] = { "reachable_time", NLA_KIND_U64 },
	[4] = { "base_reachable_time", NLA_KIND_U64 },
	[5] = { "retrans_time", NLA_KIND_U64 },
	[6] = { "gc_staletime", NLA_KIND_U64 },
	[7] = { "delay_probe_time", NLA_KIND_U64 },
	[8] = { "queue_len", NLA_KIND_U32 },
	[9] = { "app_probes", NLA_KIND_U32 },
	[10] = { "ucast_probes", NLA_KIND_U32 },
	[11] = { "mcast_probes", NLA_KIND_U32 },
	[12] = { "anycast_delay", NLA_KIND_U64 },
	[13] = { "proxy_delay", NLA_KIND_U64 },
	[14] = { "proxy_qlen", NLA_KIND_U32 },
	[15] = { "locktime", NLA_KIND_U64 },
	[16] = { "queue_lenbytes", NLA_KIND_U32 },
	[17] = { "mcast_reprobes", NLA_KIND_U32 },
	[18] = { "pad", NLA_KIND_PAD },
	[19] = { "interval_probe_time_ms", NLA_KIND_U64 },
};
static const struct nl_attr_set ndtpa_set = NL_ATTR_SET("parms", ndtpa_attrs);
static const struct nl_attr_pol neightbl_attrs[] = {
	[1] = { "name", NLA_KIND_NUL_STRING },
	[2] = { "thresh1", NLA_KIND_U32 },
	[3] = { "thresh2", NLA_KIND_U32 },
	[4] = { "thresh3", NLA_KIND_U32 },
	[5] = { "config", NLA_KIND_STRUCT, .st = &ndt_config_st },
	[6] = { "parms", NLA_KIND_NESTED, .nest = &ndtpa_set },
	[7] = { "stats", NLA_KIND_STRUCT, .st = &ndt_stats_st },
	[8] = { "gc_interval", NLA_KIND_U64 },
	[9] = { "pad", NLA_KIND_PAD },
};
const struct nl_attr_set rtnl_neightbl_set = NL_ATTR_SET("neightbl", neightbl_attrs);

enum { NT_NAME, NT_PARMS, NT_IFINDEX };
static const struct nl_sum_field neightbl_sum_fields[] = {
	[NT_NAME] = NL_SUM_ATTR(&rtnl_neightbl_set, "name"),
	[NT_PARMS] = NL_SUM_ATTR(&rtnl_neightbl_set, "parms"),
	[NT_IFINDEX] = NL_SUM_IN(&ndtpa_set, "ifindex", NT_PARMS),
};

static void sum_neightbl_dev(struct dctx *d, const struct nl_sum_vals *v)
{
	uint32_t idx;

	if (nl_sum_u32(v, NT_IFINDEX, &idx) && idx)
		rtnl_sum_dev(d, "dev", idx);
}

static const struct nl_sum_part neightbl_sum_parts[] = {
	NLS_PART(NLS_STR, NT_NAME, " "),
	NLS_CALL(sum_neightbl_dev),
};
const struct nl_summary rtnl_neightbl_summary = NL_SUMMARY(neightbl_sum_fields,
							     neightbl_sum_parts);

/* ---- ND user options, DCB, VXLAN VNI filter (RTM_*TUNNEL) ---- */

static const struct nl_attr_pol nduseroptmsg_fields[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &rtnl_family_names },
	{ "pad1", NLA_KIND_PAD, .len = 1 },
	{ "opts_len", NLA_KIND_U16 },
	{ "ifindex", NLA_KIND_S32 },
	{ "icmp_type", NLA_KIND_U8 },
	{ "icmp_code", NLA_KIND_U8 },
	{ "pad2", NLA_KIND_PAD, .len = 2 },
	{ "pad3", NLA_KIND_PAD, .len = 4 },
};
/* the ND options and NDUSEROPT_SRCADDR follow as hex */
const struct nl_struct rtnl_nduseroptmsg = NL_STRUCT("nduseroptmsg", nduseroptmsg_fields, 16);

static const struct nl_attr_pol dcbmsg_fields[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &rtnl_family_names },
	{ "cmd", NLA_KIND_U8 },
	{ "pad", NLA_KIND_PAD, .len = 2 },
};
const struct nl_struct rtnl_dcbmsg = NL_STRUCT("dcbmsg", dcbmsg_fields, 4);

static const struct nl_attr_pol tunnel_msg_fields[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &rtnl_family_names },
	{ "flags", NLA_KIND_U8, .flags = NLAF_HEX },
	{ "reserved2", NLA_KIND_PAD, .len = 2 },
	{ "ifindex", NLA_KIND_U32 },
};
const struct nl_struct rtnl_tunnel_msg = NL_STRUCT("tunnel_msg", tunnel_msg_fields, 8);
static const struct nl_attr_pol vni_stats_attrs[] = {
	[1] = { "rx_bytes", NLA_KIND_U64 }, [2] = { "rx_pkts", NLA_KIND_U64 },
	[3] = { "rx_drops", NLA_KIND_U64 }, [4] = { "rx_errors", NLA_KIND_U64 },
	[5] = { "tx_bytes", NLA_KIND_U64 }, [6] = { "tx_pkts", NLA_KIND_U64 },
	[7] = { "tx_drops", NLA_KIND_U64 }, [8] = { "tx_errors", NLA_KIND_U64 },
	[9] = { "pad", NLA_KIND_PAD },
};
static const struct nl_attr_set vni_stats_set = NL_ATTR_SET("stats", vni_stats_attrs);
static const struct nl_attr_pol vni_entry_attrs[] = {
	[1] = { "start", NLA_KIND_U32 },
	[2] = { "end", NLA_KIND_U32 },
	[3] = { "group", NLA_KIND_IPV4 },
	[4] = { "group6", NLA_KIND_IPV6 },
	[5] = { "stats", NLA_KIND_NESTED, .nest = &vni_stats_set },
};
static const struct nl_attr_set vni_entry_set = NL_ATTR_SET("vnifilter_entry", vni_entry_attrs);
static const struct nl_attr_pol vnifilter_attrs[] = {
	[1] = { "entry", NLA_KIND_NESTED, .nest = &vni_entry_set },
};
const struct nl_attr_set rtnl_vnifilter_set = NL_ATTR_SET("vnifilter", vnifilter_attrs);
