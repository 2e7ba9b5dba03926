/* rtnl_link.c - NETLINK_ROUTE links: struct ifinfomsg and IFLA_*, AF_SPEC
 * and PROTINFO, and IFLA_LINKINFO choosing a kind's IFLA_INFO_DATA /
 * IFLA_INFO_SLAVE_DATA set (the sets: rtnl_link_kinds.c).
 *
 * struct ifinfomsg (16 bytes):
 *   u8 family | u8 pad | u16 type (ARPHRD_*) | s32 index | u32 flags (IFF_*) | u32 change
 *
 * Reference: include/uapi/linux/if_link.h, if_bridge.h, if_tunnel.h,
 * veth.h, if_arp.h, if.h (Linux 6.12); Documentation/netlink/specs/rt_link.yaml.
 */
#include <string.h>

#include "rtnl_link.h"

/* ---- names ---- */

static const char *const iff_names[] = {
	"UP", "BROADCAST", "DEBUG", "LOOPBACK", "POINTOPOINT", "NOTRAILERS",
	"RUNNING", "NOARP", "PROMISC", "ALLMULTI", "MASTER", "SLAVE", "MULTICAST",
	"PORTSEL", "AUTOMEDIA", "DYNAMIC", "LOWER_UP", "DORMANT", "ECHO",
};
const struct nl_names rtnl_iff_bits = NL_NAMES(iff_names);

static const char *const arphrd_v[] = {
	[0] = "netrom", [1] = "ether", [2] = "eether", [3] = "ax25", [4] = "pronet",
	[5] = "chaos", [6] = "ieee802", [7] = "arcnet", [8] = "appletlk",
	[15] = "dlci", [19] = "atm", [23] = "metricom", [24] = "ieee1394",
	[27] = "eui64", [32] = "infiniband", [256] = "slip", [257] = "cslip",
	[258] = "slip6", [259] = "cslip6", [260] = "rsrvd", [264] = "adapt",
	[270] = "rose", [271] = "x25", [272] = "hwx25", [280] = "can", [290] = "mctp",
	[512] = "ppp", [513] = "cisco", [516] = "lapb", [517] = "ddcmp",
	[518] = "rawhdlc", [519] = "rawip", [768] = "ipip", [769] = "tunnel6",
	[770] = "frad", [771] = "skip", [772] = "loopback", [773] = "localtlk",
	[774] = "fddi", [775] = "bif", [776] = "sit", [777] = "ipddp", [778] = "gre",
	[779] = "pimreg", [780] = "hippi", [781] = "ash", [782] = "econet",
	[783] = "irda", [784] = "fcpp", [785] = "fcal", [786] = "fcpl",
	[787] = "fcfabric", [800] = "tr", [801] = "ieee802.11",
	[802] = "ieee802.11/prism", [803] = "ieee802.11/radiotap",
	[804] = "ieee802.15.4", [805] = "ieee802.15.4/monitor", [820] = "phonet",
	[821] = "phonet_pipe", [822] = "caif", [823] = "gre6", [824] = "netlink",
	[825] = "6lowpan", [826] = "vsockmon",
};
const struct nl_names rtnl_arphrd_names = NL_NAMES(arphrd_v);

static const char *const operstate_v[] = {
	"UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING", "DORMANT", "UP",
};
const struct nl_names rtnl_operstate_names = NL_NAMES(operstate_v);

static const char *const linkmode_v[] = { "DEFAULT", "DORMANT", "TESTING" };
static const struct nl_names linkmode_names = NL_NAMES(linkmode_v);

static const char *const event_v[] = {
	"none", "reboot", "features", "bonding_failover", "notify_peers",
	"igmp_resend", "bonding_options",
};
static const struct nl_names event_names = NL_NAMES(event_v);

static const char *const rtext_filter_v[] = {
	"vf", "brvlan", "brvlan_compressed", "skip_stats", "mrp", "cfm_config",
	"cfm_status", "mst",
};
static const struct nl_names rtext_filter_bits = NL_NAMES(rtext_filter_v);

/* ---- fixed header ---- */

static const struct nl_attr_pol ifinfomsg_fields[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &rtnl_family_names },
	{ "pad", NLA_KIND_PAD, .len = 1 },
	{ "type", NLA_KIND_U16, .enums = &rtnl_arphrd_names },
	{ "index", NLA_KIND_S32 },
	{ "flags", NLA_KIND_U32, .bits = &rtnl_iff_bits },
	{ "change", NLA_KIND_U32, .bits = &rtnl_iff_bits },
};
const struct nl_struct rtnl_ifinfomsg = NL_STRUCT("ifinfomsg", ifinfomsg_fields, 16);
/* dump requests may carry a bare struct rtgenmsg */
const struct nl_struct rtnl_ifinfomsg_get = {
	"ifinfomsg", ifinfomsg_fields, ARRAY_SIZE(ifinfomsg_fields), 16, 1
};

/* ---- stats ---- */

#define STATS_FIELDS(K) \
	{ "rx_packets", K }, { "tx_packets", K }, { "rx_bytes", K }, { "tx_bytes", K }, \
	{ "rx_errors", K }, { "tx_errors", K }, { "rx_dropped", K }, { "tx_dropped", K }, \
	{ "multicast", K }, { "collisions", K }, { "rx_length_errors", K }, \
	{ "rx_over_errors", K }, { "rx_crc_errors", K }, { "rx_frame_errors", K }, \
	{ "rx_fifo_errors", K }, { "rx_missed_errors", K }, { "tx_aborted_errors", K }, \
	{ "tx_carrier_errors", K }, { "tx_fifo_errors", K }, { "tx_heartbeat_errors", K }, \
	{ "tx_window_errors", K }, { "rx_compressed", K }, { "tx_compressed", K }, \
	{ "rx_nohandler", K }

static const struct nl_attr_pol stats32_fields[] = { STATS_FIELDS(NLA_KIND_U32) };
const struct nl_struct rtnl_stats32 = { "rtnl_link_stats", stats32_fields,
	ARRAY_SIZE(stats32_fields), 96, 92 };
static const struct nl_attr_pol stats64_fields[] = {
	STATS_FIELDS(NLA_KIND_U64), { "rx_otherhost_dropped", NLA_KIND_U64 },
};
const struct nl_struct rtnl_stats64 = { "rtnl_link_stats64", stats64_fields,
	ARRAY_SIZE(stats64_fields), 200, 184 };

static const struct nl_attr_pol ifmap_fields[] = {
	{ "mem_start", NLA_KIND_U64, .flags = NLAF_HEX },
	{ "mem_end", NLA_KIND_U64, .flags = NLAF_HEX },
	{ "base_addr", NLA_KIND_U64, .flags = NLAF_HEX },
	{ "irq", NLA_KIND_U16 }, { "dma", NLA_KIND_U8 }, { "port", NLA_KIND_U8 },
	{ "pad", NLA_KIND_PAD, .len = 4 },
};
static const struct nl_struct ifmap_st = { "rtnl_link_ifmap", ifmap_fields,
	ARRAY_SIZE(ifmap_fields), 32, 28 };

/* ---- small nests ---- */

static const char *const xdp_attached_v[] = { "none", "drv", "skb", "hw", "multi" };
static const struct nl_names xdp_attached_names = NL_NAMES(xdp_attached_v);
static const char *const xdp_flag_v[] = { "update_if_noexist", "skb_mode", "drv_mode",
					  "hw_mode", "replace" };
static const struct nl_names xdp_flag_bits = NL_NAMES(xdp_flag_v);
static const struct nl_attr_pol xdp_attrs[] = {
	[1] = { "fd", NLA_KIND_S32 },
	[2] = { "attached", NLA_KIND_U8, .enums = &xdp_attached_names },
	[3] = { "flags", NLA_KIND_U32, .bits = &xdp_flag_bits },
	[4] = { "prog_id", NLA_KIND_U32 },
	[5] = { "drv_prog_id", NLA_KIND_U32 },
	[6] = { "skb_prog_id", NLA_KIND_U32 },
	[7] = { "hw_prog_id", NLA_KIND_U32 },
	[8] = { "expected_fd", NLA_KIND_S32 },
};
static const struct nl_attr_set xdp_set = NL_ATTR_SET("xdp", xdp_attrs);

static const struct nl_attr_pol prop_attrs[] = {
	[53] = { "alt_ifname", NLA_KIND_NUL_STRING },
};
static const struct nl_attr_set prop_set = NL_ATTR_SET("prop_list", prop_attrs);

static const struct nl_attr_pol proto_down_reason_attrs[] = {
	[1] = { "mask", NLA_KIND_U32, .flags = NLAF_HEX },
	[2] = { "value", NLA_KIND_U32, .flags = NLAF_HEX },
};
static const struct nl_attr_set proto_down_reason_set =
	NL_ATTR_SET("proto_down_reason", proto_down_reason_attrs);

/* VF info (IFLA_VF_*) */
static const struct nl_attr_pol vf_mac_f[] = {
	{ "vf", NLA_KIND_U32 }, { "mac", NLA_KIND_MAC, .len = 32 },
};
static const struct nl_struct vf_mac_st = NL_STRUCT("ifla_vf_mac", vf_mac_f, 36);
static const struct nl_attr_pol vf_vlan_f[] = {
	{ "vf", NLA_KIND_U32 }, { "vlan", NLA_KIND_U32 }, { "qos", NLA_KIND_U32 },
};
static const struct nl_struct vf_vlan_st = NL_STRUCT("ifla_vf_vlan", vf_vlan_f, 12);
static const struct nl_attr_pol vf_vlan_info_f[] = {
	{ "vf", NLA_KIND_U32 }, { "vlan", NLA_KIND_U32 }, { "qos", NLA_KIND_U32 },
	{ "proto", NLA_KIND_BE16, .flags = NLAF_HEX }, { "pad", NLA_KIND_PAD, .len = 2 },
};
static const struct nl_struct vf_vlan_info_st = NL_STRUCT("ifla_vf_vlan_info", vf_vlan_info_f, 16);
static const struct nl_attr_pol vf_two_f[] = {
	{ "vf", NLA_KIND_U32 }, { "setting", NLA_KIND_U32 },
};
static const struct nl_struct vf_two_st = NL_STRUCT("ifla_vf_setting", vf_two_f, 8);
static const struct nl_attr_pol vf_rate_f[] = {
	{ "vf", NLA_KIND_U32 }, { "min_tx_rate", NLA_KIND_U32 }, { "max_tx_rate", NLA_KIND_U32 },
};
static const struct nl_struct vf_rate_st = NL_STRUCT("ifla_vf_rate", vf_rate_f, 12);
static const struct nl_attr_pol vf_guid_f[] = {
	{ "vf", NLA_KIND_U32 }, { "pad", NLA_KIND_PAD, .len = 4 },
	{ "guid", NLA_KIND_U64, .flags = NLAF_HEX },
};
static const struct nl_struct vf_guid_st = NL_STRUCT("ifla_vf_guid", vf_guid_f, 16);
static const struct nl_attr_pol vf_bcast_f[] = { { "broadcast", NLA_KIND_MAC, .len = 32 } };
static const struct nl_struct vf_bcast_st = NL_STRUCT("ifla_vf_broadcast", vf_bcast_f, 32);
static const struct nl_attr_pol vf_stats_attrs[] = {
	[1] = { "rx_packets", NLA_KIND_U64 }, [2] = { "tx_packets", NLA_KIND_U64 },
	[3] = { "rx_bytes", NLA_KIND_U64 }, [4] = { "tx_bytes", NLA_KIND_U64 },
	[5] = { "broadcast", NLA_KIND_U64 }, [6] = { "multicast", NLA_KIND_U64 },
	[7] = { "pad", NLA_KIND_PAD }, [8] = { "rx_dropped", NLA_KIND_U64 },
	[9] = { "tx_dropped", NLA_KIND_U64 },
};
static const struct nl_attr_set vf_stats_set = NL_ATTR_SET("vf_stats", vf_stats_attrs);
static const struct nl_attr_pol vf_vlan_list_attrs[] = {
	[1] = { "info", NLA_KIND_STRUCT, .st = &vf_vlan_info_st },
};
static const struct nl_attr_set vf_vlan_list_set = NL_ATTR_SET("vf_vlan_list", vf_vlan_list_attrs);
static const struct nl_attr_pol vf_attrs[] = {
	[1] = { "mac", NLA_KIND_STRUCT, .st = &vf_mac_st },
	[2] = { "vlan", NLA_KIND_STRUCT, .st = &vf_vlan_st },
	[3] = { "tx_rate", NLA_KIND_STRUCT, .st = &vf_two_st },
	[4] = { "spoofchk", NLA_KIND_STRUCT, .st = &vf_two_st },
	[5] = { "link_state", NLA_KIND_STRUCT, .st = &vf_two_st },
	[6] = { "rate", NLA_KIND_STRUCT, .st = &vf_rate_st },
	[7] = { "rss_query_en", NLA_KIND_STRUCT, .st = &vf_two_st },
	[8] = { "stats", NLA_KIND_NESTED, .nest = &vf_stats_set },
	[9] = { "trust", NLA_KIND_STRUCT, .st = &vf_two_st },
	[10] = { "ib_node_guid", NLA_KIND_STRUCT, .st = &vf_guid_st },
	[11] = { "ib_port_guid", NLA_KIND_STRUCT, .st = &vf_guid_st },
	[12] = { "vlan_list", NLA_KIND_NESTED, .nest = &vf_vlan_list_set },
	[13] = { "broadcast", NLA_KIND_STRUCT, .st = &vf_bcast_st },
};
static const struct nl_attr_set vf_set = NL_ATTR_SET("vf", vf_attrs);
static const struct nl_attr_pol vfinfo_attrs[] = {
	[1] = { "info", NLA_KIND_NESTED, .nest = &vf_set },
};
static const struct nl_attr_set vfinfo_set = NL_ATTR_SET("vfinfo_list", vfinfo_attrs);

static const struct nl_attr_pol port_attrs[] = {
	[1] = { "vf", NLA_KIND_U32 },
	[2] = { "profile", NLA_KIND_STRING },
	[3] = { "vsi_type", NLA_KIND_BINARY },
	[4] = { "instance_uuid", NLA_KIND_BINARY, .len = 16 },
	[5] = { "host_uuid", NLA_KIND_BINARY, .len = 16 },
	[6] = { "request", NLA_KIND_U8 },
	[7] = { "response", NLA_KIND_U16 },
};
static const struct nl_attr_set port_set = NL_ATTR_SET("port", port_attrs);
static const struct nl_attr_pol vf_ports_attrs[] = {
	[1] = { "vf_port", NLA_KIND_NESTED, .nest = &port_set },
};
static const struct nl_attr_set vf_ports_set = NL_ATTR_SET("vf_ports", vf_ports_attrs);

/* ---- AF_SPEC / PROTINFO ---- */

static const char *const ipv4_devconf_v[] = {
	[1] = "forwarding", [2] = "mc_forwarding", [3] = "proxy_arp",
	[4] = "accept_redirects", [5] = "secure_redirects", [6] = "send_redirects",
	[7] = "shared_media", [8] = "rp_filter", [9] = "accept_source_route",
	[10] = "bootp_relay", [11] = "log_martians", [12] = "tag", [13] = "arpfilter",
	[14] = "medium_id", [15] = "noxfrm", [16] = "nopolicy",
	[17] = "force_igmp_version", [18] = "arp_announce", [19] = "arp_ignore",
	[20] = "promote_secondaries", [21] = "arp_accept", [22] = "arp_notify",
	[23] = "accept_local", [24] = "src_vmark", [25] = "proxy_arp_pvlan",
	[26] = "route_localnet", [27] = "igmpv2_unsolicited_report_interval",
	[28] = "igmpv3_unsolicited_report_interval",
	[29] = "ignore_routes_with_linkdown", [30] = "drop_unicast_in_l2_multicast",
	[31] = "drop_gratuitous_arp", [32] = "bc_forwarding",
	[33] = "arp_evict_nocarrier",
};
static const struct nl_names ipv4_devconf_names = NL_NAMES(ipv4_devconf_v);

static const char *const ipv6_devconf_v[] = {
	"forwarding", "hop_limit", "mtu", "accept_ra", "accept_redirects", "autoconf",
	"dad_transmits", "rtr_solicits", "rtr_solicit_interval", "rtr_solicit_delay",
	"use_tempaddr", "temp_valid_lft", "temp_prefered_lft", "regen_max_retry",
	"max_desync_factor", "max_addresses", "force_mld_version",
	"accept_ra_defrtr", "accept_ra_pinfo", "accept_ra_rtr_pref",
	"rtr_probe_interval", "accept_ra_rt_info_max_plen", "proxy_ndp",
	"optimistic_dad", "accept_source_route", "mc_forwarding", "disable_ipv6",
	"accept_dad", "force_tllao", "ndisc_notify",
	"mldv1_unsolicited_report_interval", "mldv2_unsolicited_report_interval",
	"suppress_frag_ndisc", "accept_ra_from_local", "use_optimistic",
	"accept_ra_mtu", "stable_secret", "use_oif_addrs_only",
	"accept_ra_min_hop_limit", "ignore_routes_with_linkdown",
	"drop_unicast_in_l2_multicast", "drop_unsolicited_na", "keep_addr_on_down",
	"rtr_solicit_max_interval", "seg6_enabled", "seg6_require_hmac",
	"enhanced_dad", "addr_gen_mode", "disable_policy",
	"accept_ra_rt_info_min_plen", "ndisc_tclass", "rpl_seg_enabled",
	"ra_defrtr_metric", "ioam6_enabled", "ioam6_id", "ioam6_id_wide",
	"ndisc_evict_nocarrier", "accept_untracked_na", "accept_ra_min_lft",
};
static const struct nl_names ipv6_devconf_names = NL_NAMES(ipv6_devconf_v);

static const char *const ipstats_v[] = {
	"num", "inpkts", "inoctets", "indelivers", "outforwdatagrams", "outrequests",
	"outoctets", "inhdrerrors", "intoobigerrors", "innoroutes", "inaddrerrors",
	"inunknownprotos", "intruncatedpkts", "indiscards", "outdiscards",
	"outnoroutes", "reasmtimeout", "reasmreqds", "reasmoks", "reasmfails",
	"fragoks", "fragfails", "fragcreates", "inmcastpkts", "outmcastpkts",
	"inbcastpkts", "outbcastpkts", "inmcastoctets", "outmcastoctets",
	"inbcastoctets", "outbcastoctets", "csumerrors", "noectpkts", "ect1pkts",
	"ect0pkts", "cepkts", "reasm_overlaps", "outpkts",
};
static const struct nl_names ipstats_names = NL_NAMES(ipstats_v);
static const char *const icmp6stats_v[] = {
	"num", "inmsgs", "inerrors", "outmsgs", "outerrors", "csumerrors",
	"ratelimithost",
};
static const struct nl_names icmp6stats_names = NL_NAMES(icmp6stats_v);

bool rtnl_named_array(struct dctx *d, const char *key, struct nlc *c,
		      const struct nl_names *names, unsigned width, unsigned base)
{
	if (nlc_left(c) % width)
		return false;
	if (!emit_wants_values(d->e) && !d->fs && nlc_capleft(c) == nlc_left(c)) {
		nlc_advance(c, nlc_left(c));	/* the length is all there is to check */
		return true;
	}
	nl_put_obj_begin(d, key, "struct", c);
	for (unsigned i = base; nlc_left(c); i++) {
		size_t at = c->pos;
		uint64_t v = nlc_uintw(c, width, c->order == NLC_BE);
		const char *nm = nl_name(names, i);
		char buf[24];
		if (!nm) {
			/* a scalar's key is written out at once: buf may go */
			snprintf(buf, sizeof(buf), "%u", i);
			nm = buf;
		}
		if (width == 4)
			nl_put_sint(d, nm, at, 4, (int32_t)v);
		else
			nl_put_uint(d, nm, at, width, v, EF_DEC);
	}
	nl_put_obj_end(d);
	return nlc_ok(c);
}

static bool cb_ipv4_devconf(struct dctx *d, const struct nl_attr_pol *pol,
			    const char *key, struct nlc *c)
{
	(void)pol;
	return rtnl_named_array(d, key, c, &ipv4_devconf_names, 4, 1);
}

static bool cb_ipv6_devconf(struct dctx *d, const struct nl_attr_pol *pol,
			    const char *key, struct nlc *c)
{
	(void)pol;
	return rtnl_named_array(d, key, c, &ipv6_devconf_names, 4, 0);
}

static bool cb_ipstats(struct dctx *d, const struct nl_attr_pol *pol,
		       const char *key, struct nlc *c)
{
	(void)pol;
	return rtnl_named_array(d, key, c, &ipstats_names, 8, 0);
}

static bool cb_icmp6stats(struct dctx *d, const struct nl_attr_pol *pol,
			  const char *key, struct nlc *c)
{
	(void)pol;
	return rtnl_named_array(d, key, c, &icmp6stats_names, 8, 0);
}

/* the shapes of the named arrays, for the field registry */
static const struct nl_shape ipv4_devconf_shape = NL_SHAPE_KEYS(&ipv4_devconf_names, "s32");
static const struct nl_shape ipv6_devconf_shape = NL_SHAPE_KEYS(&ipv6_devconf_names, "s32");
static const struct nl_shape ipstats_shape = NL_SHAPE_KEYS(&ipstats_names, "u64");
static const struct nl_shape icmp6stats_shape = NL_SHAPE_KEYS(&icmp6stats_names, "u64");

static const struct nl_attr_pol inet_attrs[] = {
	[1] = { "conf", NLA_KIND_CB, .cb = cb_ipv4_devconf, .shape = &ipv4_devconf_shape },
};
static const struct nl_attr_set inet_set = NL_ATTR_SET("inet", inet_attrs);

static const char *const inet6_flag_v[] = {
	[4] = "rs_sent", [5] = "ra_rcvd", [6] = "ra_managed", [7] = "ra_otherconf",
	[31] = "ready",
};
static const struct nl_names inet6_flag_bits = NL_NAMES(inet6_flag_v);
static const char *const addr_gen_mode_v[] = { "eui64", "none", "stable_secret", "random" };
static const struct nl_names addr_gen_mode_names = NL_NAMES(addr_gen_mode_v);
static const struct nl_attr_pol inet6_cacheinfo_f[] = {
	{ "max_reasm_len", NLA_KIND_U32 }, { "tstamp", NLA_KIND_U32 },
	{ "reachable_time", NLA_KIND_U32 }, { "retrans_time", NLA_KIND_U32 },
};
static const struct nl_struct inet6_cacheinfo_st = NL_STRUCT("ifla_cacheinfo", inet6_cacheinfo_f, 16);
static const struct nl_attr_pol inet6_attrs[] = {
	[1] = { "flags", NLA_KIND_U32, .bits = &inet6_flag_bits },
	[2] = { "conf", NLA_KIND_CB, .cb = cb_ipv6_devconf, .shape = &ipv6_devconf_shape },
	[3] = { "stats", NLA_KIND_CB, .cb = cb_ipstats, .shape = &ipstats_shape },
	[4] = { "mcast", NLA_KIND_BINARY },
	[5] = { "cacheinfo", NLA_KIND_STRUCT, .st = &inet6_cacheinfo_st },
	[6] = { "icmp6stats", NLA_KIND_CB, .cb = cb_icmp6stats, .shape = &icmp6stats_shape },
	[7] = { "token", NLA_KIND_IPV6 },
	[8] = { "addr_gen_mode", NLA_KIND_U8, .enums = &addr_gen_mode_names },
	[9] = { "ra_mtu", NLA_KIND_U32 },
};
static const struct nl_attr_set inet6_set = NL_ATTR_SET("inet6", inet6_attrs);

/* bridge AF_SPEC (IFLA_BRIDGE_*) */
static const char *const brvlan_flag_v[] = {
	"master", "pvid", "untagged", "range_begin", "range_end", "brentry", "only_opts",
};
static const struct nl_names brvlan_flag_bits = NL_NAMES(brvlan_flag_v);
static const struct nl_attr_pol bridge_vlan_info_f[] = {
	{ "flags", NLA_KIND_U16, .bits = &brvlan_flag_bits }, { "vid", NLA_KIND_U16 },
};
const struct nl_struct rtnl_bridge_vlan_info = NL_STRUCT("bridge_vlan_info", bridge_vlan_info_f, 4);
static const struct nl_attr_pol br_tun_attrs[] = {
	[1] = { "id", NLA_KIND_U32 },
	[2] = { "vid", NLA_KIND_U16 },
	[3] = { "flags", NLA_KIND_U16, .bits = &brvlan_flag_bits },
};
static const struct nl_attr_set br_tun_set = NL_ATTR_SET("vlan_tunnel_info", br_tun_attrs);
static const char *const brflags_v[] = { "master", "self" };
static const struct nl_names brflags_bits = NL_NAMES(brflags_v);
static const char *const brmode_v[] = { "veb", "vepa" };
static const struct nl_names brmode_names = NL_NAMES(brmode_v);
/* IFLA_BRIDGE_* start at 0 (no UNSPEC) */
static const struct nl_attr_pol br_afspec_attrs[] = {
	[0] = { "flags", NLA_KIND_U16, .bits = &brflags_bits },
	[1] = { "mode", NLA_KIND_U16, .enums = &brmode_names },
	[2] = { "vlan_info", NLA_KIND_STRUCT, .st = &rtnl_bridge_vlan_info },
	[3] = { "vlan_tunnel_info", NLA_KIND_NESTED, .nest = &br_tun_set },
	[4] = { "mrp", NLA_KIND_BINARY },
	[5] = { "cfm", NLA_KIND_BINARY },
	[6] = { "mst", NLA_KIND_BINARY },
};
static const struct nl_attr_set br_afspec_set = NL_ATTR_SET("bridge", br_afspec_attrs);

static const struct nl_attr_pol mpls_af_attrs[] = {
	[1] = { "stats", NLA_KIND_BINARY },
};
static const struct nl_attr_set mpls_af_set = NL_ATTR_SET("mpls", mpls_af_attrs);

static const struct nl_attr_pol mctp_af_attrs[] = {
	[1] = { "net", NLA_KIND_U32 },
	[2] = { "phys_binding", NLA_KIND_U8 },
};
static const struct nl_attr_set mctp_af_set = NL_ATTR_SET("mctp", mctp_af_attrs);

static const struct nl_attr_pol afspec_attrs[] = {
	[RT_AF_INET] = { "inet", NLA_KIND_NESTED, .nest = &inet_set },
	[RT_AF_BRIDGE] = { "bridge", NLA_KIND_NESTED, .nest = &br_afspec_set },
	[RT_AF_INET6] = { "inet6", NLA_KIND_NESTED, .nest = &inet6_set },
	[RT_AF_MPLS] = { "mpls", NLA_KIND_NESTED, .nest = &mpls_af_set },
	[45] = { "mctp", NLA_KIND_NESTED, .nest = &mctp_af_set },
};
static const struct nl_attr_set afspec_set = NL_ATTR_SET("af_spec", afspec_attrs);

static const struct nl_attr_pol afspec_alts[] = {
	{ "family bridge", NLA_KIND_NESTED, .nest = &br_afspec_set },
	{ "other families", NLA_KIND_NESTED, .nest = &afspec_set },
};
static const struct nl_shape afspec_shape = NL_SHAPE_ALTS(afspec_alts);

/* PF_BRIDGE messages carry IFLA_BRIDGE_* directly in AF_SPEC */
static bool cb_af_spec(struct dctx *d, const struct nl_attr_pol *pol,
		       const char *key, struct nlc *c)
{
	(void)pol;
	nla_walk_under(d, key, c, d->af == RT_AF_BRIDGE ? &br_afspec_set : &afspec_set);
	return true;
}

static const struct nl_attr_pol protinfo_alts[] = {
	{ "family bridge", NLA_KIND_NESTED, .nest = &rtnl_brport_set },
	{ "family inet6", NLA_KIND_NESTED, .nest = &inet6_set },
};
static const struct nl_shape protinfo_shape = NL_SHAPE_ALTS(protinfo_alts);

/* AF_BRIDGE messages carry IFLA_BRPORT_* in PROTINFO, AF_INET6 ones IFLA_INET6_* */
static bool cb_protinfo(struct dctx *d, const struct nl_attr_pol *pol,
			const char *key, struct nlc *c)
{
	(void)pol;
	if (d->af == RT_AF_BRIDGE)
		nla_walk_under(d, key, c, &rtnl_brport_set);
	else if (d->af == RT_AF_INET6)
		nla_walk_under(d, key, c, &inet6_set);
	else
		return false;
	return true;
}

/* ---- IFLA_LINKINFO: the kind chooses the set ---- */

/* linkinfo data and slave_data by kind, for the field registry */
static void each_kind_data(nl_shape_visit visit, void *ctx)
{
	for (size_t i = 0; i < rtnl_link_nkinds; i++) {
		const struct nl_attr_pol p = { "data", NLA_KIND_NESTED, .nest = rtnl_link_kinds[i].data };
		if (rtnl_link_kinds[i].data && rtnl_link_kinds[i].data->max)
			visit(ctx, rtnl_link_kinds[i].kind, &p);
	}
}
static void each_kind_slave(nl_shape_visit visit, void *ctx)
{
	for (size_t i = 0; i < rtnl_link_nkinds; i++) {
		const struct nl_attr_pol p = { "slave_data", NLA_KIND_NESTED, .nest = rtnl_link_kinds[i].slave };
		if (rtnl_link_kinds[i].slave)
			visit(ctx, rtnl_link_kinds[i].kind, &p);
	}
}
static const struct nl_shape kind_data_shape = NL_SHAPE_EACH(each_kind_data);
static const struct nl_shape kind_slave_shape = NL_SHAPE_EACH(each_kind_slave);

static const struct rtnl_link_kind *kind_lookup(struct nlstate *st,
					  const struct nlc *parent, uint16_t type)
{
	char k[32];

	rtnl_kind(st, parent, type, k, sizeof(k));
	for (size_t i = 0; i < rtnl_link_nkinds; i++)
		if (!strcmp(rtnl_link_kinds[i].kind, k))
			return &rtnl_link_kinds[i];
	return NULL;
}

static bool cb_info_data(struct dctx *d, const struct nl_attr_pol *pol,
			 const char *key, struct nlc *c)
{
	(void)pol;
	const struct rtnl_link_kind *k = kind_lookup(d->st, &d->parent, IFLA_INFO_KIND);
	if (!k || !k->data)
		return false;
	nla_walk_under(d, key, c, k->data);
	return true;
}

/* The port's attributes are the master's: chosen by IFLA_INFO_SLAVE_KIND
 * ("bridge") when there is one, else by an IFLA_INFO_KIND that names a
 * port kind ("bridge_slave", as `ip link set X type bridge_slave` sends). */
static bool cb_info_slave_data(struct dctx *d, const struct nl_attr_pol *pol,
			       const char *key, struct nlc *c)
{
	static const char suffix[] = "_slave";
	const size_t sl = sizeof(suffix) - 1;
	const struct rtnl_link_kind *k = NULL;
	char kind[32];
	size_t n;

	(void)pol;
	rtnl_kind(d->st, &d->parent, IFLA_INFO_SLAVE_KIND, kind, sizeof(kind));
	if (!kind[0]) {
		rtnl_kind(d->st, &d->parent, IFLA_INFO_KIND, kind, sizeof(kind));
		n = strlen(kind);
		if (n <= sl || strcmp(kind + n - sl, suffix))
			return false;
		kind[n - sl] = 0;
	}
	for (size_t i = 0; i < rtnl_link_nkinds && !k; i++)
		if (!strcmp(rtnl_link_kinds[i].kind, kind))
			k = &rtnl_link_kinds[i];
	if (!k || !k->slave)
		return false;
	nla_walk_under(d, key, c, k->slave);
	return true;
}

static const struct nl_attr_pol linkinfo_attrs[] = {
	[1] = { "kind", NLA_KIND_STRING },
	[2] = { "data", NLA_KIND_CB, .cb = cb_info_data, .shape = &kind_data_shape },
	[3] = { "xstats", NLA_KIND_BINARY },
	[4] = { "slave_kind", NLA_KIND_STRING },
	[5] = { "slave_data", NLA_KIND_CB, .cb = cb_info_slave_data, .shape = &kind_slave_shape },
};
const struct nl_attr_set rtnl_linkinfo_set = NL_ATTR_SET("linkinfo", linkinfo_attrs);

/* ---- IFLA_* ---- */

/* A link-layer address.  Tunnels carry IP addresses there (ipip, gre, sit:
 * 4 bytes; ip6tnl, ip6gre: 16), shown as ip shows them; whatever the
 * message's family (AF_INET6 link notifications carry MACs too). */
/* a link-layer address, or an IPv4/IPv6 one (tunnels) by its length:
 * handed to the engine, which reads it and publishes its field event */
static bool cb_lladdr(struct dctx *d, const struct nl_attr_pol *pol,
		      const char *key, struct nlc *c)
{
	static const struct nl_attr_pol as[] = {
		{ "mac", NLA_KIND_MAC }, { "ipv4", NLA_KIND_IPV4 }, { "ipv6", NLA_KIND_IPV6 },
	};
	size_t n = nlc_left(c);

	(void)pol;
	if (nlc_capleft(c) != n)
		return false;
	nla_value(d, &as[n == 4 ? 1 : n == 16 ? 2 : 0], key, c);
	return true;
}

static const struct nl_shape lladdr_shape = NL_SHAPE_FORM("mac|ipv4|ipv6");
static const struct nl_attr_pol link_attrs[] = {
	[1] = { "address", NLA_KIND_CB, .cb = cb_lladdr, .shape = &lladdr_shape },
	[2] = { "broadcast", NLA_KIND_CB, .cb = cb_lladdr, .shape = &lladdr_shape },
	[3] = { "ifname", NLA_KIND_NUL_STRING },
	[4] = { "mtu", NLA_KIND_U32 },
	[5] = { "link", NLA_KIND_S32 },
	[6] = { "qdisc", NLA_KIND_NUL_STRING },
	[7] = { "stats", NLA_KIND_STRUCT, .st = &rtnl_stats32 },
	[8] = { "cost", NLA_KIND_BINARY },
	[9] = { "priority", NLA_KIND_BINARY },
	[10] = { "master", NLA_KIND_U32 },
	[11] = { "wireless", NLA_KIND_BINARY },
	[12] = { "protinfo", NLA_KIND_CB, .cb = cb_protinfo, .shape = &protinfo_shape },
	[13] = { "txqlen", NLA_KIND_U32 },
	[14] = { "map", NLA_KIND_STRUCT, .st = &ifmap_st },
	[15] = { "weight", NLA_KIND_U32 },
	[16] = { "operstate", NLA_KIND_U8, .enums = &rtnl_operstate_names },
	[17] = { "linkmode", NLA_KIND_U8, .enums = &linkmode_names },
	[18] = { "linkinfo", NLA_KIND_NESTED, .nest = &rtnl_linkinfo_set },
	[19] = { "net_ns_pid", NLA_KIND_U32 },
	[20] = { "ifalias", NLA_KIND_STRING },
	[21] = { "num_vf", NLA_KIND_U32 },
	[22] = { "vfinfo_list", NLA_KIND_NESTED, .nest = &vfinfo_set },
	[23] = { "stats64", NLA_KIND_STRUCT, .st = &rtnl_stats64 },
	[24] = { "vf_ports", NLA_KIND_NESTED, .nest = &vf_ports_set },
	[25] = { "port_self", NLA_KIND_NESTED, .nest = &port_set },
	[26] = { "af_spec", NLA_KIND_CB, .cb = cb_af_spec, .shape = &afspec_shape },
	[27] = { "group", NLA_KIND_U32 },
	[28] = { "net_ns_fd", NLA_KIND_U32 },
	[29] = { "ext_mask", NLA_KIND_U32, .bits = &rtext_filter_bits },
	[30] = { "promiscuity", NLA_KIND_U32 },
	[31] = { "num_tx_queues", NLA_KIND_U32 },
	[32] = { "num_rx_queues", NLA_KIND_U32 },
	[33] = { "carrier", NLA_KIND_U8 },
	[34] = { "phys_port_id", NLA_KIND_BINARY },
	[35] = { "carrier_changes", NLA_KIND_U32 },
	[36] = { "phys_switch_id", NLA_KIND_BINARY },
	[37] = { "link_netnsid", NLA_KIND_S32 },
	[38] = { "phys_port_name", NLA_KIND_STRING },
	[39] = { "proto_down", NLA_KIND_U8 },
	[40] = { "gso_max_segs", NLA_KIND_U32 },
	[41] = { "gso_max_size", NLA_KIND_U32 },
	[42] = { "pad", NLA_KIND_PAD },
	[43] = { "xdp", NLA_KIND_NESTED, .nest = &xdp_set },
	[44] = { "event", NLA_KIND_U32, .enums = &event_names },
	[45] = { "new_netnsid", NLA_KIND_S32 },
	[46] = { "target_netnsid", NLA_KIND_S32 },
	[47] = { "carrier_up_count", NLA_KIND_U32 },
	[48] = { "carrier_down_count", NLA_KIND_U32 },
	[49] = { "new_ifindex", NLA_KIND_S32 },
	[50] = { "min_mtu", NLA_KIND_U32 },
	[51] = { "max_mtu", NLA_KIND_U32 },
	[52] = { "prop_list", NLA_KIND_NESTED, .nest = &prop_set },
	[53] = { "alt_ifname", NLA_KIND_NUL_STRING },
	[54] = { "perm_address", NLA_KIND_MAC },
	[55] = { "proto_down_reason", NLA_KIND_NESTED, .nest = &proto_down_reason_set },
	[56] = { "parent_dev_name", NLA_KIND_NUL_STRING },
	[57] = { "parent_dev_bus_name", NLA_KIND_NUL_STRING },
	[58] = { "gro_max_size", NLA_KIND_U32 },
	[59] = { "tso_max_size", NLA_KIND_U32 },
	[60] = { "tso_max_segs", NLA_KIND_U32 },
	[61] = { "allmulti", NLA_KIND_U32 },
	[62] = { "devlink_port", NLA_KIND_BINARY },
	[63] = { "gso_ipv4_max_size", NLA_KIND_U32 },
	[64] = { "gro_ipv4_max_size", NLA_KIND_U32 },
	[65] = { "dpll_pin", NLA_KIND_BINARY },
	[66] = { "max_pacing_offload_horizon", NLA_KIND_U32 },
	[67] = { "netns_immutable", NLA_KIND_U8 },
	[68] = { "headroom", NLA_KIND_U16 },
	[69] = { "tailroom", NLA_KIND_U16 },
};
const struct nl_attr_set rtnl_link_set = NL_ATTR_SET("link", link_attrs);
