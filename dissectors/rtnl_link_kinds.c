/* rtnl_link_kinds.c - NETLINK_ROUTE links: the IFLA_INFO_DATA and
 * IFLA_INFO_SLAVE_DATA sets of each link kind (bridge and bridge port,
 * bond, vlan, vxlan, macvlan, tunnels, vrf, tun, macsec, hsr, netkit,
 * ovpn, veth...) and the table of kinds rtnl_link.c chooses from.
 *
 * Reference: include/uapi/linux/if_link.h, if_bridge.h, if_tunnel.h,
 * veth.h (Linux 6.12); Documentation/netlink/specs/rt_link.yaml.
 */
#include "rtnl_link.h"

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
const struct nl_attr_set rtnl_brport_set = NL_ATTR_SET("brport", brport_attrs);

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
	size_t at = c->pos;
	if (nlc_left(c) == 2)
		nl_put_uint(d, key, at, 2, nlc_be16(c), EF_HEX);
	else if (nlc_left(c) == 4)
		nl_put_uint(d, key, at, 4, nlc_u32(c), EF_HEX);
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

/* IFLA_BAREUDP_*: port and ethertype big-endian (nla_get_be16) */
static const struct nl_attr_pol bareudp_attrs[] = {
	[1] = { "port", NLA_KIND_BE16 },
	[2] = { "ethertype", NLA_KIND_BE16, .flags = NLAF_HEX },
	[3] = { "srcport_min", NLA_KIND_U16 },
	[4] = { "multiproto_mode", NLA_KIND_FLAG },
};
static const struct nl_attr_set bareudp_set = NL_ATTR_SET("bareudp", bareudp_attrs);

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
	struct nlc whole = *c, h = nlc_sub(c, 16);
	nlc_skip(c, 16);
	int af = d->af;
	nl_put_set_begin(d, key, "struct", &whole);
	d->depth++;
	nl_struct_decode(d, "ifinfomsg", &h, &rtnl_ifinfomsg);
	if (nlc_left(c))
		nla_walk_under(d, "attrs", c, &rtnl_link_set);
	d->depth--;
	nl_put_obj_end(d);
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

/* ---- the kinds ---- */

const struct rtnl_link_kind rtnl_link_kinds[] = {
	{ "bridge", &bridge_set, &rtnl_brport_set },
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
	{ "bareudp", &bareudp_set, NULL },
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
const size_t rtnl_link_nkinds = ARRAY_SIZE(rtnl_link_kinds);
