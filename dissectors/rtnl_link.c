/* rtnl_link.c - NETLINK_ROUTE links: struct ifinfomsg and IFLA_* with the
 * per-kind IFLA_INFO_DATA / IFLA_INFO_SLAVE_DATA sets.
 *
 * struct ifinfomsg (16 bytes):
 *   u8 family | u8 pad | u16 type (ARPHRD_*) | s32 index | u32 flags (IFF_*) | u32 change
 *
 * Reference: include/uapi/linux/if_link.h, if_bridge.h, if_tunnel.h,
 * veth.h, if_arp.h, if.h (Linux 6.12); Documentation/netlink/specs/rt_link.yaml.
 */
#include <string.h>

#include "rtnl.h"

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
	if (!emit_wants_values(d->e) && nlc_capleft(c) == nlc_left(c)) {
		nlc_advance(c, nlc_left(c));	/* the length is all there is to check */
		return true;
	}
	emit_obj_begin(d->e, key);
	for (unsigned i = base; nlc_left(c); i++) {
		uint64_t v = nlc_uintw(c, width, c->order == NLC_BE);
		const char *nm = nl_name(names, i);
		char buf[24];
		if (!nm) {
			/* a scalar's key is written out at once: buf may go */
			snprintf(buf, sizeof(buf), "%u", i);
			nm = buf;
		}
		if (width == 4)
			emit_sint(d->e, nm, (int32_t)v);
		else
			emit_uint(d->e, nm, v, EF_DEC);
	}
	emit_obj_end(d->e);
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

/* ---- bridge and bridge port ---- */

static const struct nl_attr_pol bridge_id_f[] = {
	{ "prio", NLA_KIND_BE16 }, { "addr", NLA_KIND_MAC, .len = 6 },
};
static const struct nl_struct bridge_id_st = NL_STRUCT("ifla_bridge_id", bridge_id_f, 8);
static const struct nl_attr_pol boolopt_f[] = {
	{ "optval", NLA_KIND_U32, .flags = NLAF_HEX }, { "optmask", NLA_KIND_U32, .flags = NLAF_HEX },
};
static const struct nl_struct boolopt_st = NL_STRUCT("br_boolopt_multi", boolopt_f, 8);
static const char *const stp_state_v[] = { "disabled", "kernel", "user" };
static const struct nl_names stp_state_names = NL_NAMES(stp_state_v);
static const struct nl_attr_pol br_querier_attrs[] = {
	[1] = { "ip_addr", NLA_KIND_IPV4 },
	[2] = { "ip_port", NLA_KIND_U32 },
	[3] = { "ip_other_timer", NLA_KIND_U64 },
	[4] = { "pad", NLA_KIND_PAD },
	[5] = { "ipv6_addr", NLA_KIND_IPV6 },
	[6] = { "ipv6_port", NLA_KIND_U32 },
	[7] = { "ipv6_other_timer", NLA_KIND_U64 },
};
static const struct nl_attr_set br_querier_set = NL_ATTR_SET("querier_state", br_querier_attrs);
static const struct nl_attr_pol bridge_attrs[] = {
	[1] = { "forward_delay", NLA_KIND_U32 },
	[2] = { "hello_time", NLA_KIND_U32 },
	[3] = { "max_age", NLA_KIND_U32 },
	[4] = { "ageing_time", NLA_KIND_U32 },
	[5] = { "stp_state", NLA_KIND_U32, .enums = &stp_state_names },
	[6] = { "priority", NLA_KIND_U16 },
	[7] = { "vlan_filtering", NLA_KIND_U8 },
	[8] = { "vlan_protocol", NLA_KIND_BE16, .flags = NLAF_HEX },
	[9] = { "group_fwd_mask", NLA_KIND_U16, .flags = NLAF_HEX },
	[10] = { "root_id", NLA_KIND_STRUCT, .st = &bridge_id_st },
	[11] = { "bridge_id", NLA_KIND_STRUCT, .st = &bridge_id_st },
	[12] = { "root_port", NLA_KIND_U16 },
	[13] = { "root_path_cost", NLA_KIND_U32 },
	[14] = { "topology_change", NLA_KIND_U8 },
	[15] = { "topology_change_detected", NLA_KIND_U8 },
	[16] = { "hello_timer", NLA_KIND_U64 },
	[17] = { "tcn_timer", NLA_KIND_U64 },
	[18] = { "topology_change_timer", NLA_KIND_U64 },
	[19] = { "gc_timer", NLA_KIND_U64 },
	[20] = { "group_addr", NLA_KIND_MAC },
	[21] = { "fdb_flush", NLA_KIND_FLAG },
	[22] = { "mcast_router", NLA_KIND_U8 },
	[23] = { "mcast_snooping", NLA_KIND_U8 },
	[24] = { "mcast_query_use_ifaddr", NLA_KIND_U8 },
	[25] = { "mcast_querier", NLA_KIND_U8 },
	[26] = { "mcast_hash_elasticity", NLA_KIND_U32 },
	[27] = { "mcast_hash_max", NLA_KIND_U32 },
	[28] = { "mcast_last_member_cnt", NLA_KIND_U32 },
	[29] = { "mcast_startup_query_cnt", NLA_KIND_U32 },
	[30] = { "mcast_last_member_intvl", NLA_KIND_U64 },
	[31] = { "mcast_membership_intvl", NLA_KIND_U64 },
	[32] = { "mcast_querier_intvl", NLA_KIND_U64 },
	[33] = { "mcast_query_intvl", NLA_KIND_U64 },
	[34] = { "mcast_query_response_intvl", NLA_KIND_U64 },
	[35] = { "mcast_startup_query_intvl", NLA_KIND_U64 },
	[36] = { "nf_call_iptables", NLA_KIND_U8 },
	[37] = { "nf_call_ip6tables", NLA_KIND_U8 },
	[38] = { "nf_call_arptables", NLA_KIND_U8 },
	[39] = { "vlan_default_pvid", NLA_KIND_U16 },
	[40] = { "pad", NLA_KIND_PAD },
	[41] = { "vlan_stats_enabled", NLA_KIND_U8 },
	[42] = { "mcast_stats_enabled", NLA_KIND_U8 },
	[43] = { "mcast_igmp_version", NLA_KIND_U8 },
	[44] = { "mcast_mld_version", NLA_KIND_U8 },
	[45] = { "vlan_stats_per_port", NLA_KIND_U8 },
	[46] = { "multi_boolopt", NLA_KIND_STRUCT, .st = &boolopt_st },
	[47] = { "mcast_querier_state", NLA_KIND_NESTED, .nest = &br_querier_set },
	[48] = { "fdb_n_learned", NLA_KIND_U32 },
	[49] = { "fdb_max_learned", NLA_KIND_U32 },
};
static const struct nl_attr_set bridge_set = NL_ATTR_SET("bridge", bridge_attrs);

static const char *const brport_state_v[] = {
	"disabled", "listening", "learning", "forwarding", "blocking",
};
static const struct nl_names brport_state_names = NL_NAMES(brport_state_v);
static const struct nl_attr_pol brport_attrs[] = {
	[1] = { "state", NLA_KIND_U8, .enums = &brport_state_names },
	[2] = { "priority", NLA_KIND_U16 },
	[3] = { "cost", NLA_KIND_U32 },
	[4] = { "mode", NLA_KIND_U8 },
	[5] = { "guard", NLA_KIND_U8 },
	[6] = { "protect", NLA_KIND_U8 },
	[7] = { "fast_leave", NLA_KIND_U8 },
	[8] = { "learning", NLA_KIND_U8 },
	[9] = { "unicast_flood", NLA_KIND_U8 },
	[10] = { "proxyarp", NLA_KIND_U8 },
	[11] = { "learning_sync", NLA_KIND_U8 },
	[12] = { "proxyarp_wifi", NLA_KIND_U8 },
	[13] = { "root_id", NLA_KIND_STRUCT, .st = &bridge_id_st },
	[14] = { "bridge_id", NLA_KIND_STRUCT, .st = &bridge_id_st },
	[15] = { "designated_port", NLA_KIND_U16 },
	[16] = { "designated_cost", NLA_KIND_U16 },
	[17] = { "id", NLA_KIND_U16, .flags = NLAF_HEX },
	[18] = { "no", NLA_KIND_U16, .flags = NLAF_HEX },
	[19] = { "topology_change_ack", NLA_KIND_U8 },
	[20] = { "config_pending", NLA_KIND_U8 },
	[21] = { "message_age_timer", NLA_KIND_U64 },
	[22] = { "forward_delay_timer", NLA_KIND_U64 },
	[23] = { "hold_timer", NLA_KIND_U64 },
	[24] = { "flush", NLA_KIND_FLAG },
	[25] = { "multicast_router", NLA_KIND_U8 },
	[26] = { "pad", NLA_KIND_PAD },
	[27] = { "mcast_flood", NLA_KIND_U8 },
	[28] = { "mcast_to_ucast", NLA_KIND_U8 },
	[29] = { "vlan_tunnel", NLA_KIND_U8 },
	[30] = { "bcast_flood", NLA_KIND_U8 },
	[31] = { "group_fwd_mask", NLA_KIND_U16, .flags = NLAF_HEX },
	[32] = { "neigh_suppress", NLA_KIND_U8 },
	[33] = { "isolated", NLA_KIND_U8 },
	[34] = { "backup_port", NLA_KIND_U32 },
	[35] = { "mrp_ring_open", NLA_KIND_U8 },
	[36] = { "mrp_in_open", NLA_KIND_U8 },
	[37] = { "mcast_eht_hosts_limit", NLA_KIND_U32 },
	[38] = { "mcast_eht_hosts_cnt", NLA_KIND_U32 },
	[39] = { "locked", NLA_KIND_U8 },
	[40] = { "mab", NLA_KIND_U8 },
	[41] = { "mcast_n_groups", NLA_KIND_U32 },
	[42] = { "mcast_max_groups", NLA_KIND_U32 },
	[43] = { "neigh_vlan_suppress", NLA_KIND_U8 },
	[44] = { "backup_nhid", NLA_KIND_U32 },
	[45] = { "neigh_forward_grat", NLA_KIND_U8 },
};
static const struct nl_attr_set brport_set = NL_ATTR_SET("brport", brport_attrs);

static const struct nl_attr_pol protinfo_alts[] = {
	{ "family bridge", NLA_KIND_NESTED, .nest = &brport_set },
	{ "family inet6", NLA_KIND_NESTED, .nest = &inet6_set },
};
static const struct nl_shape protinfo_shape = NL_SHAPE_ALTS(protinfo_alts);

/* AF_BRIDGE messages carry IFLA_BRPORT_* in PROTINFO, AF_INET6 ones IFLA_INET6_* */
static bool cb_protinfo(struct dctx *d, const struct nl_attr_pol *pol,
			const char *key, struct nlc *c)
{
	(void)pol;
	if (d->af == RT_AF_BRIDGE)
		nla_walk_under(d, key, c, &brport_set);
	else if (d->af == RT_AF_INET6)
		nla_walk_under(d, key, c, &inet6_set);
	else
		return false;
	return true;
}

/* ---- other kinds ---- */

static const struct nl_attr_pol vlan_flags_f[] = {
	{ "flags", NLA_KIND_U32, .flags = NLAF_HEX }, { "mask", NLA_KIND_U32, .flags = NLAF_HEX },
};
static const struct nl_struct vlan_flags_st = NL_STRUCT("ifla_vlan_flags", vlan_flags_f, 8);
static const struct nl_attr_pol vlan_qos_f[] = {
	{ "from", NLA_KIND_U32 }, { "to", NLA_KIND_U32 },
};
static const struct nl_struct vlan_qos_st = NL_STRUCT("ifla_vlan_qos_mapping", vlan_qos_f, 8);
static const struct nl_attr_pol vlan_qos_attrs[] = {
	[1] = { "mapping", NLA_KIND_STRUCT, .st = &vlan_qos_st },
};
static const struct nl_attr_set vlan_qos_set = NL_ATTR_SET("vlan_qos", vlan_qos_attrs);
static const struct nl_attr_pol vlan_attrs[] = {
	[1] = { "id", NLA_KIND_U16 },
	[2] = { "flags", NLA_KIND_STRUCT, .st = &vlan_flags_st },
	[3] = { "egress_qos", NLA_KIND_NESTED, .nest = &vlan_qos_set },
	[4] = { "ingress_qos", NLA_KIND_NESTED, .nest = &vlan_qos_set },
	[5] = { "protocol", NLA_KIND_BE16, .flags = NLAF_HEX },
};
static const struct nl_attr_set vlan_set = NL_ATTR_SET("vlan", vlan_attrs);

static const struct nl_attr_pol port_range_f[] = {
	{ "low", NLA_KIND_BE16 }, { "high", NLA_KIND_BE16 },
};
static const struct nl_struct port_range_st = NL_STRUCT("port_range", port_range_f, 4);
static const struct nl_attr_pol vxlan_attrs[] = {
	[1] = { "id", NLA_KIND_U32 },
	[2] = { "group", NLA_KIND_IPV4 },
	[3] = { "link", NLA_KIND_U32 },
	[4] = { "local", NLA_KIND_IPV4 },
	[5] = { "ttl", NLA_KIND_U8 },
	[6] = { "tos", NLA_KIND_U8 },
	[7] = { "learning", NLA_KIND_U8 },
	[8] = { "ageing", NLA_KIND_U32 },
	[9] = { "limit", NLA_KIND_U32 },
	[10] = { "port_range", NLA_KIND_STRUCT, .st = &port_range_st },
	[11] = { "proxy", NLA_KIND_U8 },
	[12] = { "rsc", NLA_KIND_U8 },
	[13] = { "l2miss", NLA_KIND_U8 },
	[14] = { "l3miss", NLA_KIND_U8 },
	[15] = { "port", NLA_KIND_BE16 },
	[16] = { "group6", NLA_KIND_IPV6 },
	[17] = { "local6", NLA_KIND_IPV6 },
	[18] = { "udp_csum", NLA_KIND_U8 },
	[19] = { "udp_zero_csum6_tx", NLA_KIND_U8 },
	[20] = { "udp_zero_csum6_rx", NLA_KIND_U8 },
	[21] = { "remcsum_tx", NLA_KIND_U8 },
	[22] = { "remcsum_rx", NLA_KIND_U8 },
	[23] = { "gbp", NLA_KIND_FLAG },
	[24] = { "remcsum_nopartial", NLA_KIND_FLAG },
	[25] = { "collect_metadata", NLA_KIND_U8 },
	[26] = { "label", NLA_KIND_BE32, .flags = NLAF_HEX },
	[27] = { "gpe", NLA_KIND_FLAG },
	[28] = { "ttl_inherit", NLA_KIND_U8 },
	[29] = { "df", NLA_KIND_U8 },
	[30] = { "vnifilter", NLA_KIND_U8 },
	[31] = { "localbypass", NLA_KIND_U8 },
	[32] = { "label_policy", NLA_KIND_U32 },
};
static const struct nl_attr_set vxlan_set = NL_ATTR_SET("vxlan", vxlan_attrs);

static const char *const macvlan_mode_v[] = {
	[1] = "private", [2] = "vepa", [4] = "bridge", [8] = "passthru", [16] = "source",
};
static const struct nl_names macvlan_mode_names = NL_NAMES(macvlan_mode_v);
static const char *const macvlan_macmode_v[] = { "add", "del", "flush", "set" };
static const struct nl_names macvlan_macmode_names = NL_NAMES(macvlan_macmode_v);
static const char *const macvlan_flag_v[] = { "nopromisc", "nodst" };
static const struct nl_names macvlan_flag_bits = NL_NAMES(macvlan_flag_v);
static const struct nl_attr_pol macvlan_data_attrs[] = {
	[4] = { "macaddr", NLA_KIND_MAC },
};
static const struct nl_attr_set macvlan_data_set = NL_ATTR_SET("macaddr_data", macvlan_data_attrs);
static const struct nl_attr_pol macvlan_attrs[] = {
	[1] = { "mode", NLA_KIND_U32, .enums = &macvlan_mode_names },
	[2] = { "flags", NLA_KIND_U16, .bits = &macvlan_flag_bits },
	[3] = { "macaddr_mode", NLA_KIND_U32, .enums = &macvlan_macmode_names },
	[4] = { "macaddr", NLA_KIND_MAC },
	[5] = { "macaddr_data", NLA_KIND_NESTED, .nest = &macvlan_data_set },
	[6] = { "macaddr_count", NLA_KIND_U32 },
	[7] = { "bc_queue_len", NLA_KIND_U32 },
	[8] = { "bc_queue_len_used", NLA_KIND_U32 },
	[9] = { "bc_cutoff", NLA_KIND_S32 },
};
static const struct nl_attr_set macvlan_set = NL_ATTR_SET("macvlan", macvlan_attrs);

static const char *const bond_mode_v[] = {
	"balance-rr", "active-backup", "balance-xor", "broadcast", "802.3ad",
	"balance-tlb", "balance-alb",
};
static const struct nl_names bond_mode_names = NL_NAMES(bond_mode_v);
static const char *const bond_xmit_v[] = {
	"layer2", "layer3+4", "layer2+3", "encap2+3", "encap3+4", "vlan+srcmac",
};
static const struct nl_names bond_xmit_names = NL_NAMES(bond_xmit_v);
static const char *const bond_arp_validate_v[] = {
	"none", "active", "backup", "all", "filter", "filter_active", "filter_backup",
};
static const struct nl_names bond_arp_validate_names = NL_NAMES(bond_arp_validate_v);
static const char *const bond_primary_reselect_v[] = { "always", "better", "failure" };
static const struct nl_names bond_primary_reselect_names = NL_NAMES(bond_primary_reselect_v);
static const char *const bond_fom_v[] = { "none", "active", "follow" };
static const struct nl_names bond_fom_names = NL_NAMES(bond_fom_v);
static const char *const bond_lacp_rate_v[] = { "slow", "fast" };
static const struct nl_names bond_lacp_rate_names = NL_NAMES(bond_lacp_rate_v);
static const char *const bond_ad_select_v[] = { "stable", "bandwidth", "count" };
static const struct nl_names bond_ad_select_names = NL_NAMES(bond_ad_select_v);
static const struct nl_attr_pol bond_ip4_attrs[] = {
	[0] = { "target", NLA_KIND_IPV4 }, [1] = { "target", NLA_KIND_IPV4 },
	[2] = { "target", NLA_KIND_IPV4 }, [3] = { "target", NLA_KIND_IPV4 },
	[4] = { "target", NLA_KIND_IPV4 }, [5] = { "target", NLA_KIND_IPV4 },
	[6] = { "target", NLA_KIND_IPV4 }, [7] = { "target", NLA_KIND_IPV4 },
	[8] = { "target", NLA_KIND_IPV4 }, [9] = { "target", NLA_KIND_IPV4 },
	[10] = { "target", NLA_KIND_IPV4 }, [11] = { "target", NLA_KIND_IPV4 },
	[12] = { "target", NLA_KIND_IPV4 }, [13] = { "target", NLA_KIND_IPV4 },
	[14] = { "target", NLA_KIND_IPV4 }, [15] = { "target", NLA_KIND_IPV4 },
};
static const struct nl_attr_set bond_ip4_set = NL_ATTR_SET("arp_ip_target", bond_ip4_attrs);
static const struct nl_attr_pol bond_ip6_attrs[] = {
	[0] = { "target", NLA_KIND_IPV6 }, [1] = { "target", NLA_KIND_IPV6 },
	[2] = { "target", NLA_KIND_IPV6 }, [3] = { "target", NLA_KIND_IPV6 },
	[4] = { "target", NLA_KIND_IPV6 }, [5] = { "target", NLA_KIND_IPV6 },
	[6] = { "target", NLA_KIND_IPV6 }, [7] = { "target", NLA_KIND_IPV6 },
	[8] = { "target", NLA_KIND_IPV6 }, [9] = { "target", NLA_KIND_IPV6 },
	[10] = { "target", NLA_KIND_IPV6 }, [11] = { "target", NLA_KIND_IPV6 },
	[12] = { "target", NLA_KIND_IPV6 }, [13] = { "target", NLA_KIND_IPV6 },
	[14] = { "target", NLA_KIND_IPV6 }, [15] = { "target", NLA_KIND_IPV6 },
};
static const struct nl_attr_set bond_ip6_set = NL_ATTR_SET("ns_ip6_target", bond_ip6_attrs);
static const struct nl_attr_pol bond_ad_info_attrs[] = {
	[1] = { "aggregator", NLA_KIND_U16 },
	[2] = { "num_ports", NLA_KIND_U16 },
	[3] = { "actor_key", NLA_KIND_U16 },
	[4] = { "partner_key", NLA_KIND_U16 },
	[5] = { "partner_mac", NLA_KIND_MAC },
};
static const struct nl_attr_set bond_ad_info_set = NL_ATTR_SET("ad_info", bond_ad_info_attrs);
static const struct nl_attr_pol bond_attrs[] = {
	[1] = { "mode", NLA_KIND_U8, .enums = &bond_mode_names },
	[2] = { "active_slave", NLA_KIND_U32 },
	[3] = { "miimon", NLA_KIND_U32 },
	[4] = { "updelay", NLA_KIND_U32 },
	[5] = { "downdelay", NLA_KIND_U32 },
	[6] = { "use_carrier", NLA_KIND_U8 },
	[7] = { "arp_interval", NLA_KIND_U32 },
	[8] = { "arp_ip_target", NLA_KIND_NESTED, .nest = &bond_ip4_set },
	[9] = { "arp_validate", NLA_KIND_U32, .enums = &bond_arp_validate_names },
	[10] = { "arp_all_targets", NLA_KIND_U32 },
	[11] = { "primary", NLA_KIND_U32 },
	[12] = { "primary_reselect", NLA_KIND_U8, .enums = &bond_primary_reselect_names },
	[13] = { "fail_over_mac", NLA_KIND_U8, .enums = &bond_fom_names },
	[14] = { "xmit_hash_policy", NLA_KIND_U8, .enums = &bond_xmit_names },
	[15] = { "resend_igmp", NLA_KIND_U32 },
	[16] = { "num_peer_notif", NLA_KIND_U8 },
	[17] = { "all_slaves_active", NLA_KIND_U8 },
	[18] = { "min_links", NLA_KIND_U32 },
	[19] = { "lp_interval", NLA_KIND_U32 },
	[20] = { "packets_per_slave", NLA_KIND_U32 },
	[21] = { "ad_lacp_rate", NLA_KIND_U8, .enums = &bond_lacp_rate_names },
	[22] = { "ad_select", NLA_KIND_U8, .enums = &bond_ad_select_names },
	[23] = { "ad_info", NLA_KIND_NESTED, .nest = &bond_ad_info_set },
	[24] = { "ad_actor_sys_prio", NLA_KIND_U16 },
	[25] = { "ad_user_port_key", NLA_KIND_U16 },
	[26] = { "ad_actor_system", NLA_KIND_MAC },
	[27] = { "tlb_dynamic_lb", NLA_KIND_U8 },
	[28] = { "peer_notif_delay", NLA_KIND_U32 },
	[29] = { "ad_lacp_active", NLA_KIND_U8 },
	[30] = { "missed_max", NLA_KIND_U8 },
	[31] = { "ns_ip6_target", NLA_KIND_NESTED, .nest = &bond_ip6_set },
	[32] = { "coupled_control", NLA_KIND_U8 },
};
static const struct nl_attr_set bond_set = NL_ATTR_SET("bond", bond_attrs);

static const char *const bond_slave_state_v[] = { "active", "backup" };
static const struct nl_names bond_slave_state_names = NL_NAMES(bond_slave_state_v);
static const char *const bond_mii_v[] = { "up", "fail", "down", "back" };
static const struct nl_names bond_mii_names = NL_NAMES(bond_mii_v);
static const struct nl_attr_pol bond_slave_attrs[] = {
	[1] = { "state", NLA_KIND_U8, .enums = &bond_slave_state_names },
	[2] = { "mii_status", NLA_KIND_U8, .enums = &bond_mii_names },
	[3] = { "link_failure_count", NLA_KIND_U32 },
	[4] = { "perm_hwaddr", NLA_KIND_MAC },
	[5] = { "queue_id", NLA_KIND_U16 },
	[6] = { "ad_aggregator_id", NLA_KIND_U16 },
	[7] = { "ad_actor_oper_port_state", NLA_KIND_U8 },
	[8] = { "ad_partner_oper_port_state", NLA_KIND_U16 },
	[9] = { "prio", NLA_KIND_S32 },
	[10] = { "actor_port_prio", NLA_KIND_U16 },
	[11] = { "ad_churn_actor_state", NLA_KIND_U8 },
	[12] = { "ad_churn_partner_state", NLA_KIND_U8 },
};
static const struct nl_attr_set bond_slave_set = NL_ATTR_SET("bond_slave", bond_slave_attrs);

static const char *const tun_encap_v[] = { "none", "fou", "gue", "mpls" };
static const struct nl_names tun_encap_names = NL_NAMES(tun_encap_v);
static const char *const tun_encap_flag_v[] = { "csum", "csum6", "remcsum" };
static const struct nl_names tun_encap_flag_bits = NL_NAMES(tun_encap_flag_v);
/* GRE_* flags in network order: checksum 0x8000, routing 0x4000, key 0x2000, seq 0x1000 */
static const char *const gre_flag_v[] = {
	[0] = "version0", [1] = "version1", [2] = "version2", [7] = "ack",
	[11] = "strict", [12] = "seq", [13] = "key", [14] = "routing", [15] = "csum",
};
static const struct nl_names gre_flag_bits = NL_NAMES(gre_flag_v);
static const char *const erspan_dir_v[] = { "ingress", "egress" };
static const struct nl_names erspan_dir_names = NL_NAMES(erspan_dir_v);
static const struct nl_attr_pol gre_attrs[] = {
	[1] = { "link", NLA_KIND_U32 },
	[2] = { "iflags", NLA_KIND_BE16, .bits = &gre_flag_bits },
	[3] = { "oflags", NLA_KIND_BE16, .bits = &gre_flag_bits },
	[4] = { "ikey", NLA_KIND_BE32 },
	[5] = { "okey", NLA_KIND_BE32 },
	[6] = { "local", NLA_KIND_ADDR },
	[7] = { "remote", NLA_KIND_ADDR },
	[8] = { "ttl", NLA_KIND_U8 },
	[9] = { "tos", NLA_KIND_U8 },
	[10] = { "pmtudisc", NLA_KIND_U8 },
	[11] = { "encap_limit", NLA_KIND_U8 },
	[12] = { "flowinfo", NLA_KIND_BE32, .flags = NLAF_HEX },
	[13] = { "flags", NLA_KIND_U32, .flags = NLAF_HEX },
	[14] = { "encap_type", NLA_KIND_U16, .enums = &tun_encap_names },
	[15] = { "encap_flags", NLA_KIND_U16, .bits = &tun_encap_flag_bits },
	[16] = { "encap_sport", NLA_KIND_BE16 },
	[17] = { "encap_dport", NLA_KIND_BE16 },
	[18] = { "collect_metadata", NLA_KIND_FLAG },
	[19] = { "ignore_df", NLA_KIND_U8 },
	[20] = { "fwmark", NLA_KIND_U32 },
	[21] = { "erspan_index", NLA_KIND_U32 },
	[22] = { "erspan_ver", NLA_KIND_U8 },
	[23] = { "erspan_dir", NLA_KIND_U8, .enums = &erspan_dir_names },
	[24] = { "erspan_hwid", NLA_KIND_U16 },
};
static const struct nl_attr_set gre_set = NL_ATTR_SET("gre", gre_attrs);

/* IFLA_IPTUN_FLAGS: be16 for ipip and sit, host-order u32 for ip6tnl */
static bool cb_iptun_flags(struct dctx *d, const struct nl_attr_pol *pol,
			   const char *key, struct nlc *c)
{
	(void)pol;
	if (nlc_left(c) == 2)
		emit_uint(d->e, key, nlc_be16(c), EF_HEX);
	else if (nlc_left(c) == 4)
		emit_uint(d->e, key, nlc_u32(c), EF_HEX);
	else
		return false;
	return true;
}

static const struct nl_shape iptun_flags_shape = NL_SHAPE_FORM("flags|u32");
static const struct nl_attr_pol iptun_attrs[] = {
	[1] = { "link", NLA_KIND_U32 },
	[2] = { "local", NLA_KIND_ADDR },
	[3] = { "remote", NLA_KIND_ADDR },
	[4] = { "ttl", NLA_KIND_U8 },
	[5] = { "tos", NLA_KIND_U8 },
	[6] = { "encap_limit", NLA_KIND_U8 },
	[7] = { "flowinfo", NLA_KIND_BE32, .flags = NLAF_HEX },
	[8] = { "flags", NLA_KIND_CB, .cb = cb_iptun_flags, .shape = &iptun_flags_shape },
	[9] = { "proto", NLA_KIND_U8 },
	[10] = { "pmtudisc", NLA_KIND_U8 },
	[11] = { "6rd_prefix", NLA_KIND_IPV6 },
	[12] = { "6rd_relay_prefix", NLA_KIND_IPV4 },
	[13] = { "6rd_prefixlen", NLA_KIND_U16 },
	[14] = { "6rd_relay_prefixlen", NLA_KIND_U16 },
	[15] = { "encap_type", NLA_KIND_U16, .enums = &tun_encap_names },
	[16] = { "encap_flags", NLA_KIND_U16, .bits = &tun_encap_flag_bits },
	[17] = { "encap_sport", NLA_KIND_BE16 },
	[18] = { "encap_dport", NLA_KIND_BE16 },
	[19] = { "collect_metadata", NLA_KIND_FLAG },
	[20] = { "fwmark", NLA_KIND_U32 },
};
static const struct nl_attr_set iptun_set = NL_ATTR_SET("iptun", iptun_attrs);

static const struct nl_attr_pol vti_attrs[] = {
	[1] = { "link", NLA_KIND_U32 },
	[2] = { "ikey", NLA_KIND_BE32 },
	[3] = { "okey", NLA_KIND_BE32 },
	[4] = { "local", NLA_KIND_ADDR },
	[5] = { "remote", NLA_KIND_ADDR },
	[6] = { "fwmark", NLA_KIND_U32 },
};
static const struct nl_attr_set vti_set = NL_ATTR_SET("vti", vti_attrs);

static const struct nl_attr_pol xfrmi_attrs[] = {
	[1] = { "link", NLA_KIND_U32 },
	[2] = { "if_id", NLA_KIND_U32 },
	[3] = { "collect_metadata", NLA_KIND_FLAG },
};
static const struct nl_attr_set xfrmi_set = NL_ATTR_SET("xfrm", xfrmi_attrs);

static const struct nl_attr_pol geneve_attrs[] = {
	[1] = { "id", NLA_KIND_U32 },
	[2] = { "remote", NLA_KIND_IPV4 },
	[3] = { "ttl", NLA_KIND_U8 },
	[4] = { "tos", NLA_KIND_U8 },
	[5] = { "port", NLA_KIND_BE16 },
	[6] = { "collect_metadata", NLA_KIND_FLAG },
	[7] = { "remote6", NLA_KIND_IPV6 },
	[8] = { "udp_csum", NLA_KIND_U8 },
	[9] = { "udp_zero_csum6_tx", NLA_KIND_U8 },
	[10] = { "udp_zero_csum6_rx", NLA_KIND_U8 },
	[11] = { "label", NLA_KIND_BE32, .flags = NLAF_HEX },
	[12] = { "ttl_inherit", NLA_KIND_U8 },
	[13] = { "df", NLA_KIND_U8 },
	[14] = { "inner_proto_inherit", NLA_KIND_FLAG },
	[15] = { "port_range", NLA_KIND_STRUCT, .st = &port_range_st },
};
static const struct nl_attr_set geneve_set = NL_ATTR_SET("geneve", geneve_attrs);

static const struct nl_attr_pol vrf_attrs[] = {
	[1] = { "table", NLA_KIND_U32 },
};
static const struct nl_attr_set vrf_set = NL_ATTR_SET("vrf", vrf_attrs);
static const struct nl_attr_pol vrf_port_attrs[] = {
	[1] = { "table", NLA_KIND_U32 },
};
static const struct nl_attr_set vrf_port_set = NL_ATTR_SET("vrf_port", vrf_port_attrs);

static const char *const ipvlan_mode_v[] = { "l2", "l3", "l3s" };
static const struct nl_names ipvlan_mode_names = NL_NAMES(ipvlan_mode_v);
static const char *const ipvlan_flag_v[] = { "private", "vepa" };
static const struct nl_names ipvlan_flag_bits = NL_NAMES(ipvlan_flag_v);
static const struct nl_attr_pol ipvlan_attrs[] = {
	[1] = { "mode", NLA_KIND_U16, .enums = &ipvlan_mode_names },
	[2] = { "flags", NLA_KIND_U16, .bits = &ipvlan_flag_bits },
};
static const struct nl_attr_set ipvlan_set = NL_ATTR_SET("ipvlan", ipvlan_attrs);

static const char *const tun_type_v[] = { [1] = "tun", [2] = "tap" };
static const struct nl_names tun_type_names = NL_NAMES(tun_type_v);
static const struct nl_attr_pol tun_attrs[] = {
	[1] = { "owner", NLA_KIND_U32 },
	[2] = { "group", NLA_KIND_U32 },
	[3] = { "type", NLA_KIND_U8, .enums = &tun_type_names },
	[4] = { "pi", NLA_KIND_U8 },
	[5] = { "vnet_hdr", NLA_KIND_U8 },
	[6] = { "persist", NLA_KIND_U8 },
	[7] = { "multi_queue", NLA_KIND_U8 },
	[8] = { "num_queues", NLA_KIND_U32 },
	[9] = { "num_disabled_queues", NLA_KIND_U32 },
};
static const struct nl_attr_set tun_set = NL_ATTR_SET("tun", tun_attrs);

static const char *const macsec_validate_v[] = { "disabled", "check", "strict" };
static const struct nl_names macsec_validate_names = NL_NAMES(macsec_validate_v);
static const char *const macsec_offload_v[] = { "off", "phy", "mac" };
static const struct nl_names macsec_offload_names = NL_NAMES(macsec_offload_v);
static const struct nl_attr_pol macsec_attrs[] = {
	[1] = { "sci", NLA_KIND_U64, .flags = NLAF_HEX },
	[2] = { "port", NLA_KIND_BE16 },
	[3] = { "icv_len", NLA_KIND_U8 },
	[4] = { "cipher_suite", NLA_KIND_U64, .flags = NLAF_HEX },
	[5] = { "window", NLA_KIND_U32 },
	[6] = { "encoding_sa", NLA_KIND_U8 },
	[7] = { "encrypt", NLA_KIND_U8 },
	[8] = { "protect", NLA_KIND_U8 },
	[9] = { "inc_sci", NLA_KIND_U8 },
	[10] = { "es", NLA_KIND_U8 },
	[11] = { "scb", NLA_KIND_U8 },
	[12] = { "replay_protect", NLA_KIND_U8 },
	[13] = { "validation", NLA_KIND_U8, .enums = &macsec_validate_names },
	[14] = { "pad", NLA_KIND_PAD },
	[15] = { "offload", NLA_KIND_U8, .enums = &macsec_offload_names },
};
static const struct nl_attr_set macsec_set = NL_ATTR_SET("macsec", macsec_attrs);

static const char *const hsr_proto_v[] = { "hsr", "prp" };
static const struct nl_names hsr_proto_names = NL_NAMES(hsr_proto_v);
static const struct nl_attr_pol hsr_attrs[] = {
	[1] = { "slave1", NLA_KIND_U32 },
	[2] = { "slave2", NLA_KIND_U32 },
	[3] = { "multicast_spec", NLA_KIND_U8 },
	[4] = { "supervision_addr", NLA_KIND_MAC },
	[5] = { "seq_nr", NLA_KIND_U16 },
	[6] = { "version", NLA_KIND_U8 },
	[7] = { "protocol", NLA_KIND_U8, .enums = &hsr_proto_names },
	[8] = { "interlink", NLA_KIND_U32 },
};
static const struct nl_attr_set hsr_set = NL_ATTR_SET("hsr", hsr_attrs);

static const char *const netkit_mode_v[] = { "l2", "l3" };
static const struct nl_names netkit_mode_names = NL_NAMES(netkit_mode_v);
static const char *const netkit_scrub_v[] = { "none", "default" };
static const struct nl_names netkit_scrub_names = NL_NAMES(netkit_scrub_v);
static const struct nl_attr_pol netkit_attrs[] = {
	[1] = { "peer_info", NLA_KIND_BINARY },
	[2] = { "primary", NLA_KIND_U8 },
	[3] = { "policy", NLA_KIND_S32 },
	[4] = { "peer_policy", NLA_KIND_S32 },
	[5] = { "mode", NLA_KIND_U32, .enums = &netkit_mode_names },
	[6] = { "scrub", NLA_KIND_U32, .enums = &netkit_scrub_names },
	[7] = { "peer_scrub", NLA_KIND_U32, .enums = &netkit_scrub_names },
	[8] = { "headroom", NLA_KIND_U16 },
	[9] = { "tailroom", NLA_KIND_U16 },
};
static const struct nl_attr_set netkit_set = NL_ATTR_SET("netkit", netkit_attrs);

static const char *const ovpn_mode_v[] = { "p2p", "mp" };
static const struct nl_names ovpn_mode_names = NL_NAMES(ovpn_mode_v);
static const struct nl_attr_pol ovpn_attrs[] = {
	[1] = { "mode", NLA_KIND_U8, .enums = &ovpn_mode_names },
};
static const struct nl_attr_set ovpn_set = NL_ATTR_SET("ovpn", ovpn_attrs);

/* veth: IFLA_VETH_INFO_PEER is a struct ifinfomsg followed by IFLA_* */
static bool cb_veth_peer(struct dctx *d, const struct nl_attr_pol *pol,
			 const char *key, struct nlc *c)
{
	(void)pol;
	if (nlc_left(c) < 16 || d->depth >= NL_MAX_DEPTH)
		return false;
	struct nlc h = nlc_sub(c, 16);
	nlc_skip(c, 16);
	int af = d->af;
	emit_set_begin(d->e, key);
	d->depth++;
	nl_struct_decode(d, "ifinfomsg", &h, &rtnl_ifinfomsg);
	if (nlc_left(c))
		nla_walk_under(d, "attrs", c, &rtnl_link_set);
	d->depth--;
	emit_obj_end(d->e);
	d->af = af;
	return true;
}
static const struct nl_attr_pol veth_peer_members[] = {
	{ "ifinfomsg", NLA_KIND_STRUCT, .st = &rtnl_ifinfomsg },
	{ "attrs", NLA_KIND_NESTED, .nest = &rtnl_link_set },
};
static const struct nl_shape veth_peer_shape = NL_SHAPE_OBJ(veth_peer_members);
static const struct nl_attr_pol veth_attrs[] = {
	[1] = { "peer", NLA_KIND_CB, .cb = cb_veth_peer, .shape = &veth_peer_shape },
};
static const struct nl_attr_set veth_set = NL_ATTR_SET("veth", veth_attrs);

static const struct nl_attr_pol empty_attrs[] = { [0] = { NULL, 0 } };
static const struct nl_attr_set empty_set = NL_ATTR_SET("none", empty_attrs);

struct kind_set {
	const char *kind;
	const struct nl_attr_set *data, *slave;
};
static const struct kind_set kinds[] = {
	{ "bridge", &bridge_set, &brport_set },
	{ "bond", &bond_set, &bond_slave_set },
	{ "vlan", &vlan_set, NULL },
	{ "vxlan", &vxlan_set, NULL },
	{ "macvlan", &macvlan_set, NULL },
	{ "macvtap", &macvlan_set, NULL },
	{ "veth", &veth_set, NULL },
	{ "vxcan", &veth_set, NULL },
	{ "gre", &gre_set, NULL },
	{ "gretap", &gre_set, NULL },
	{ "ip6gre", &gre_set, NULL },
	{ "ip6gretap", &gre_set, NULL },
	{ "erspan", &gre_set, NULL },
	{ "ip6erspan", &gre_set, NULL },
	{ "ipip", &iptun_set, NULL },
	{ "sit", &iptun_set, NULL },
	{ "ip6tnl", &iptun_set, NULL },
	{ "vti", &vti_set, NULL },
	{ "vti6", &vti_set, NULL },
	{ "xfrm", &xfrmi_set, NULL },
	{ "geneve", &geneve_set, NULL },
	{ "vrf", &vrf_set, &vrf_port_set },
	{ "ipvlan", &ipvlan_set, NULL },
	{ "ipvtap", &ipvlan_set, NULL },
	{ "tun", &tun_set, NULL },
	{ "macsec", &macsec_set, NULL },
	{ "hsr", &hsr_set, NULL },
	{ "netkit", &netkit_set, NULL },
	{ "ovpn", &ovpn_set, NULL },
	{ "dummy", &empty_set, NULL },
	{ "ifb", &empty_set, NULL },
	{ "wireguard", &empty_set, NULL },
	{ "nlmon", &empty_set, NULL },
	{ "openvswitch", &empty_set, NULL },
	/* Open vSwitch's out-of-tree tunnel kinds take the in-tree attributes */
	{ "ovs_geneve", &geneve_set, NULL },
	{ "ovs_vxlan", &vxlan_set, NULL },
	{ "ovs_gre", &gre_set, NULL },
};

/* linkinfo data and slave_data by kind, for the field registry */
static void each_kind_data(nl_shape_visit visit, void *ctx)
{
	for (size_t i = 0; i < ARRAY_SIZE(kinds); i++) {
		const struct nl_attr_pol p = { "data", NLA_KIND_NESTED, .nest = kinds[i].data };
		if (kinds[i].data && kinds[i].data->max)
			visit(ctx, kinds[i].kind, &p);
	}
}
static void each_kind_slave(nl_shape_visit visit, void *ctx)
{
	for (size_t i = 0; i < ARRAY_SIZE(kinds); i++) {
		const struct nl_attr_pol p = { "slave_data", NLA_KIND_NESTED, .nest = kinds[i].slave };
		if (kinds[i].slave)
			visit(ctx, kinds[i].kind, &p);
	}
}
static const struct nl_shape kind_data_shape = NL_SHAPE_EACH(each_kind_data);
static const struct nl_shape kind_slave_shape = NL_SHAPE_EACH(each_kind_slave);

static const struct kind_set *kind_lookup(struct nlstate *st,
					  const struct nlc *parent, uint16_t type)
{
	char k[32];

	rtnl_kind(st, parent, type, k, sizeof(k));
	for (size_t i = 0; i < ARRAY_SIZE(kinds); i++)
		if (!strcmp(kinds[i].kind, k))
			return &kinds[i];
	return NULL;
}

static bool cb_info_data(struct dctx *d, const struct nl_attr_pol *pol,
			 const char *key, struct nlc *c)
{
	(void)pol;
	const struct kind_set *k = kind_lookup(d->st, &d->parent, IFLA_INFO_KIND);
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
	const struct kind_set *k = NULL;
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
	for (size_t i = 0; i < ARRAY_SIZE(kinds) && !k; i++)
		if (!strcmp(kinds[i].kind, kind))
			k = &kinds[i];
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
static bool cb_lladdr(struct dctx *d, const struct nl_attr_pol *pol,
		      const char *key, struct nlc *c)
{
	size_t n = nlc_left(c);
	const uint8_t *p = nlc_bytes(c, n);

	(void)pol;
	if (!p)
		return false;
	emit_addr(d->e, key, n == 4 ? EA_IPV4 : n == 16 ? EA_IPV6 : EA_MAC, p, n);
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
