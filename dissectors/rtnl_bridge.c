/* rtnl_bridge.c - the bridge's NETLINK_ROUTE messages: the multicast
 * database (RTM_*MDB: struct br_port_msg, MDBA_*) and vlans (RTM_*VLAN:
 * struct br_vlan_msg, BRIDGE_VLANDB_*).
 *
 * Reference: include/uapi/linux/if_bridge.h (Linux 6.12).
 */
#include "rtnl_msgs.h"

/* ---- bridge mdb ---- */

static const struct nl_attr_pol br_port_msg_fields[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &rtnl_family_names },
	{ "pad", NLA_KIND_PAD, .len = 3 },
	{ "ifindex", NLA_KIND_U32 },
};
const struct nl_struct rtnl_br_port_msg = { "br_port_msg", br_port_msg_fields,
	ARRAY_SIZE(br_port_msg_fields), 8, 1 };

static const char *const mdb_state_v[] = { "temp", "permanent" };
static const struct nl_names mdb_state_names = NL_NAMES(mdb_state_v);
static const char *const mdb_flag_v[] = {
	"offload", "fast_leave", "star_excl", "blocked", "offload_failed",
};
static const struct nl_names mdb_flag_bits = NL_NAMES(mdb_flag_v);

/* struct br_mdb_entry: u32 ifindex; u8 state, flags; u16 vid;
 * union {be32 ip4; in6_addr ip6; u8 mac[6]} (16); be16 proto; pad 2 */
static bool decode_mdb_entry(struct dctx *d, const char *key, struct nlc *c)
{
	if (nlc_left(c) < 26)
		return false;
	size_t at = c->pos;
	nl_put_obj_begin(d, key, "struct", c);
	nl_put_uint(d, "ifindex", at, 4, nlc_u32(c), EF_DEC);
	nl_put_enum(d, "state", at + 4, 1, nlc_u8(c), &mdb_state_names);
	nl_put_flags(d, "flags", at + 5, 1, nlc_u8(c), &mdb_flag_bits);
	nl_put_uint(d, "vid", at + 6, 2, nlc_u16(c), EF_DEC);
	const uint8_t *addr = nlc_bytes(c, 16);
	uint16_t proto = nlc_be16(c);
	if (addr) {
		if (proto == 0x0800)
			nl_put_addr(d, "addr", at + 8, EA_IPV4, addr, 4);
		else if (proto == 0x86dd)
			nl_put_addr(d, "addr", at + 8, EA_IPV6, addr, 16);
		else if (proto == 0)
			nl_put_addr(d, "addr", at + 8, EA_MAC, addr, 6);
		else
			nl_put_hex(d, "addr", at + 8, addr, 16);
	}
	nl_put_uint(d, "proto", at + 24, 2, proto, EF_HEX);
	nlc_skip(c, nlc_left(c) < 2 ? nlc_left(c) : 2);
	nl_put_obj_end(d);
	return nlc_ok(c);
}

static const char *const mdb_rtr_type_v[] = { "disabled", "temp_query", "perm", "temp" };
static const struct nl_names mdb_rtr_type_names = NL_NAMES(mdb_rtr_type_v);
/* MCAST_EXCLUDE 0, MCAST_INCLUDE 1 (linux/in.h) */
static const char *const mdb_filter_v[] = { "exclude", "include" };
static const struct nl_names mdb_filter_names = NL_NAMES(mdb_filter_v);
/* The messages of a bridge are AF_BRIDGE: their IP addresses (group
 * sources, vxlan remotes) are told by their length, as the kernel does. */
#define MDB_IP(n) { n, NLA_KIND_CB, .cb = rtnl_cb_ip_by_len, .shape = &rtnl_ip_shape }
/* the kernel's messages: MDBA_MDB_EATTR_*, MDBA_MDB_SRCLIST_*, MDBA_MDB_SRCATTR_* */
static const struct nl_attr_pol mdb_src_attrs[] = {
	[1] = MDB_IP("address"),
	[2] = { "timer", NLA_KIND_U32 },
};
static const struct nl_attr_set mdb_src_set = NL_ATTR_SET("src", mdb_src_attrs);
static const struct nl_attr_pol mdb_srclist_attrs[] = {
	[1] = { "entry", NLA_KIND_NESTED, .nest = &mdb_src_set },
};
static const struct nl_attr_set mdb_srclist_set = NL_ATTR_SET("src_list", mdb_srclist_attrs);
static const struct nl_attr_pol mdb_eattr_attrs[] = {
	[1] = { "timer", NLA_KIND_U32 },
	[2] = { "src_list", NLA_KIND_NESTED, .nest = &mdb_srclist_set },
	[3] = { "group_mode", NLA_KIND_U8, .enums = &mdb_filter_names },
	[4] = MDB_IP("source"),
	[5] = { "rtprot", NLA_KIND_U8, .enums = &rtnl_rtprot_names },
	[6] = MDB_IP("dst"),
	[7] = { "dst_port", NLA_KIND_U16 },
	[8] = { "vni", NLA_KIND_U32 },
	[9] = { "ifindex", NLA_KIND_U32 },
	[10] = { "src_vni", NLA_KIND_U32 },
};
/* requests: MDBE_ATTR_*, MDBE_SRC_LIST_*, MDBE_SRCATTR_* (numbered apart) */
static const struct nl_attr_pol mdbe_src_attrs[] = {
	[1] = MDB_IP("address"),
};
static const struct nl_attr_set mdbe_src_set = NL_ATTR_SET("src", mdbe_src_attrs);
static const struct nl_attr_pol mdbe_srclist_attrs[] = {
	[1] = { "entry", NLA_KIND_NESTED, .nest = &mdbe_src_set },
};
static const struct nl_attr_set mdbe_srclist_set = NL_ATTR_SET("src_list", mdbe_srclist_attrs);
static const char *const mdbe_state_mask_v[] = { "permanent" };
static const struct nl_names mdbe_state_mask_bits = NL_NAMES(mdbe_state_mask_v);
static const struct nl_attr_pol mdbe_attrs[] = {
	[1] = MDB_IP("source"),
	[2] = { "src_list", NLA_KIND_NESTED, .nest = &mdbe_srclist_set },
	[3] = { "group_mode", NLA_KIND_U8, .enums = &mdb_filter_names },
	[4] = { "rtprot", NLA_KIND_U8, .enums = &rtnl_rtprot_names },
	[5] = MDB_IP("dst"),
	[6] = { "dst_port", NLA_KIND_U16 },
	[7] = { "vni", NLA_KIND_U32 },
	[8] = { "ifindex", NLA_KIND_U32 },
	[9] = { "src_vni", NLA_KIND_U32 },
	[10] = { "state_mask", NLA_KIND_U8, .bits = &mdbe_state_mask_bits },
};
static const struct nl_attr_set mdbe_set = NL_ATTR_SET("entry_attrs", mdbe_attrs);
static const struct nl_attr_set mdb_eattr_set = NL_ATTR_SET("entry_attrs", mdb_eattr_attrs);

/* the shapes of the callbacks here, for the field registry */
static const struct nl_attr_pol mdb_entry_members[] = {
	{ "ifindex", NLA_KIND_U32 }, { "state", NLA_KIND_U8, .enums = &mdb_state_names },
	{ "flags", NLA_KIND_U8, .bits = &mdb_flag_bits }, { "vid", NLA_KIND_U16 },
	{ "addr", NLA_KIND_ADDR }, { "proto", NLA_KIND_BE16 },
};
static const struct nl_shape mdb_entry_shape = NL_SHAPE_OBJ(mdb_entry_members);
static const struct nl_attr_pol mdb_entry_info_members[] = {
	{ "entry", NLA_KIND_CB, .shape = &mdb_entry_shape },
	{ "attrs", NLA_KIND_NESTED, .nest = &mdb_eattr_set },
};
static const struct nl_shape mdb_entry_info_shape = NL_SHAPE_OBJ(mdb_entry_info_members);

/* MDBA_MDB_ENTRY_INFO: struct br_mdb_entry, then MDBA_MDB_EATTR_* */
static bool cb_mdb_entry_info(struct dctx *d, const struct nl_attr_pol *pol,
			      const char *key, struct nlc *c)
{
	(void)pol;
	if (nlc_left(c) < 26)
		return false;
	nl_put_set_begin(d, key, "struct", c);
	struct nlc h = nlc_sub(c, nlc_left(c) < 28 ? 26 : 28);
	nlc_skip(c, nlc_left(&h));
	decode_mdb_entry(d, "entry", &h);
	if (nlc_left(c))
		nla_walk_under(d, "attrs", c, &mdb_eattr_set);
	nl_put_obj_end(d);
	return true;
}

static const struct nl_attr_pol mdb_rtr_pattr_attrs[] = {
	[1] = { "timer", NLA_KIND_U32 },
	[2] = { "type", NLA_KIND_U8, .enums = &mdb_rtr_type_names },
	[3] = { "inet_timer", NLA_KIND_U32 },
	[4] = { "inet6_timer", NLA_KIND_U32 },
	[5] = { "vid", NLA_KIND_U16 },
};
static const struct nl_attr_set mdb_rtr_pattr_set = NL_ATTR_SET("router_port_attrs", mdb_rtr_pattr_attrs);
static const struct nl_attr_pol mdb_router_port_members[] = {
	{ "ifindex", NLA_KIND_U32 },
	{ "attrs", NLA_KIND_NESTED, .nest = &mdb_rtr_pattr_set },
};
static const struct nl_shape mdb_router_port_shape = NL_SHAPE_OBJ(mdb_router_port_members);
/* MDBA_ROUTER_PORT: u32 ifindex, then MDBA_ROUTER_PATTR_* */
static bool cb_mdb_router_port(struct dctx *d, const struct nl_attr_pol *pol,
			       const char *key, struct nlc *c)
{
	(void)pol;
	if (nlc_left(c) < 4)
		return false;
	size_t at = c->pos;
	nl_put_set_begin(d, key, "struct", c);
	nl_put_uint(d, "ifindex", at, 4, nlc_u32(c), EF_DEC);
	if (nlc_left(c))
		nla_walk_under(d, "attrs", c, &mdb_rtr_pattr_set);
	nl_put_obj_end(d);
	return true;
}
static const struct nl_attr_pol mdb_entry_attrs[] = {
	[1] = { "info", NLA_KIND_CB, .cb = cb_mdb_entry_info, .shape = &mdb_entry_info_shape },
};
static const struct nl_attr_set mdb_entry_set = NL_ATTR_SET("mdb_entry", mdb_entry_attrs);
static const struct nl_attr_pol mdb_mdb_attrs[] = {
	[1] = { "entry", NLA_KIND_NESTED, .nest = &mdb_entry_set },
};
static const struct nl_attr_set mdb_mdb_set = NL_ATTR_SET("mdb", mdb_mdb_attrs);
static const struct nl_attr_pol mdb_router_attrs[] = {
	[1] = { "port", NLA_KIND_CB, .cb = cb_mdb_router_port, .shape = &mdb_router_port_shape },
};
static const struct nl_attr_set mdb_router_set = NL_ATTR_SET("router", mdb_router_attrs);
/* The kernel's messages carry MDBA_MDB and MDBA_ROUTER; requests carry
 * MDBA_SET_ENTRY (NEWMDB, DELMDB) or MDBA_GET_ENTRY (GETMDB), a struct
 * br_mdb_entry, and MDBE_ATTR_* under the same types 1 and 2. */
static bool cb_mdb_req_entry(struct dctx *d, const struct nl_attr_pol *pol,
			     const char *key, struct nlc *c)
{
	(void)pol;
	return decode_mdb_entry(d, key, c);
}
static const struct nl_attr_pol mdb_attrs[] = {
	[1] = { "mdb", NLA_KIND_NESTED, .nest = &mdb_mdb_set },
	[2] = { "router", NLA_KIND_NESTED, .nest = &mdb_router_set },
};
static const struct nl_attr_pol mdb_set_req_attrs[] = {
	[1] = { "set_entry", NLA_KIND_CB, .cb = cb_mdb_req_entry, .shape = &mdb_entry_shape },
	[2] = { "set_entry_attrs", NLA_KIND_NESTED, .nest = &mdbe_set },
};
static const struct nl_attr_pol mdb_get_req_attrs[] = {
	[1] = { "get_entry", NLA_KIND_CB, .cb = cb_mdb_req_entry, .shape = &mdb_entry_shape },
	[2] = { "get_entry_attrs", NLA_KIND_NESTED, .nest = &mdbe_set },
};
const struct nl_attr_set rtnl_mdb_set_req_set = NL_ATTR_SET("mdb_set_entry", mdb_set_req_attrs);
const struct nl_attr_set rtnl_mdb_get_req_set = NL_ATTR_SET("mdb_get_entry", mdb_get_req_attrs);
const struct nl_attr_set rtnl_mdb_set = NL_ATTR_SET("mdb", mdb_attrs);

/* ---- bridge vlans ---- */

static const struct nl_attr_pol br_vlan_msg_fields[] = {
	{ "family", NLA_KIND_U8, .flags = NLAF_FAMILY, .enums = &rtnl_family_names },
	{ "reserved1", NLA_KIND_PAD, .len = 1 },
	{ "reserved2", NLA_KIND_PAD, .len = 2 },
	{ "ifindex", NLA_KIND_U32 },
};
const struct nl_struct rtnl_br_vlan_msg = { "br_vlan_msg", br_vlan_msg_fields,
	ARRAY_SIZE(br_vlan_msg_fields), 8, 1 };
extern const struct nl_struct rtnl_bridge_vlan_info;
static const char *const brvlan_state_v[] = {
	"disabled", "listening", "learning", "forwarding", "blocking",
};
static const struct nl_names brvlan_state_names = NL_NAMES(brvlan_state_v);
static const struct nl_attr_pol vlan_tinfo_attrs[] = {
	[1] = { "id", NLA_KIND_U32 },
};
static const struct nl_attr_set vlan_tinfo_set = NL_ATTR_SET("tunnel_info", vlan_tinfo_attrs);
static const struct nl_attr_pol vlan_stats_attrs[] = {
	[1] = { "rx_bytes", NLA_KIND_U64 },
	[2] = { "rx_packets", NLA_KIND_U64 },
	[3] = { "tx_bytes", NLA_KIND_U64 },
	[4] = { "tx_packets", NLA_KIND_U64 },
	[5] = { "pad", NLA_KIND_PAD },
};
static const struct nl_attr_set vlan_stats_set = NL_ATTR_SET("stats", vlan_stats_attrs);
static const struct nl_attr_pol vlandb_entry_attrs[] = {
	[1] = { "info", NLA_KIND_STRUCT, .st = &rtnl_bridge_vlan_info },
	[2] = { "range", NLA_KIND_U16 },
	[3] = { "state", NLA_KIND_U8, .enums = &brvlan_state_names },
	[4] = { "tunnel_info", NLA_KIND_NESTED, .nest = &vlan_tinfo_set },
	[5] = { "stats", NLA_KIND_NESTED, .nest = &vlan_stats_set },
	[6] = { "mcast_router", NLA_KIND_U8 },
	[7] = { "mcast_n_groups", NLA_KIND_U32 },
	[8] = { "mcast_max_groups", NLA_KIND_U32 },
	[9] = { "neigh_suppress", NLA_KIND_U8 },
};
static const struct nl_attr_set vlandb_entry_set = NL_ATTR_SET("entry", vlandb_entry_attrs);
static const char *const vlandb_dump_v[] = { "stats", "global" };
static const struct nl_names vlandb_dump_bits = NL_NAMES(vlandb_dump_v);
/* BRIDGE_QUERIER_*: the multicast querier a vlan (or bridge) has seen */
static const struct nl_attr_pol querier_state_attrs[] = {
	[1] = { "ip_address", NLA_KIND_IPV4 },
	[2] = { "ip_port", NLA_KIND_U32 },
	[3] = { "ip_other_timer", NLA_KIND_U64 },
	[4] = { "pad", NLA_KIND_PAD },
	[5] = { "ipv6_address", NLA_KIND_IPV6 },
	[6] = { "ipv6_port", NLA_KIND_U32 },
	[7] = { "ipv6_other_timer", NLA_KIND_U64 },
};
static const struct nl_attr_set querier_state_set = NL_ATTR_SET("querier_state", querier_state_attrs);
/* BRIDGE_VLANDB_GOPTS_*: a vlan's global options (intervals in clock_t) */
static const struct nl_attr_pol vlandb_gopts_attrs[] = {
	[1] = { "id", NLA_KIND_U16 },
	[2] = { "range", NLA_KIND_U16 },
	[3] = { "mcast_snooping", NLA_KIND_U8 },
	[4] = { "mcast_igmp_version", NLA_KIND_U8 },
	[5] = { "mcast_mld_version", NLA_KIND_U8 },
	[6] = { "mcast_last_member_cnt", NLA_KIND_U32 },
	[7] = { "mcast_startup_query_cnt", NLA_KIND_U32 },
	[8] = { "mcast_last_member_intvl", NLA_KIND_U64 },
	[9] = { "pad", NLA_KIND_PAD },
	[10] = { "mcast_membership_intvl", NLA_KIND_U64 },
	[11] = { "mcast_querier_intvl", NLA_KIND_U64 },
	[12] = { "mcast_query_intvl", NLA_KIND_U64 },
	[13] = { "mcast_query_response_intvl", NLA_KIND_U64 },
	[14] = { "mcast_startup_query_intvl", NLA_KIND_U64 },
	[15] = { "mcast_querier", NLA_KIND_U8 },
	[16] = { "mcast_router_ports", NLA_KIND_NESTED, .nest = &mdb_router_set },
	[17] = { "mcast_querier_state", NLA_KIND_NESTED, .nest = &querier_state_set },
	[18] = { "msti", NLA_KIND_U16 },
};
static const struct nl_attr_set vlandb_gopts_set = NL_ATTR_SET("global_options", vlandb_gopts_attrs);
static const struct nl_attr_pol vlandb_attrs[] = {
	[1] = { "entry", NLA_KIND_NESTED, .nest = &vlandb_entry_set },
	[2] = { "global_options", NLA_KIND_NESTED, .nest = &vlandb_gopts_set },
};
const struct nl_attr_set rtnl_vlandb_set = NL_ATTR_SET("vlandb", vlandb_attrs);
/* dump requests carry BRIDGE_VLANDB_DUMP_* instead */
static const struct nl_attr_pol vlandb_dump_attrs[] = {
	[1] = { "flags", NLA_KIND_U32, .bits = &vlandb_dump_bits },
};
const struct nl_attr_set rtnl_vlandb_dump_set = NL_ATTR_SET("vlandb_dump", vlandb_dump_attrs);

enum { VS_IFINDEX, VS_ENTRY, VS_INFO, VS_RANGE };
static const struct nl_sum_field vlan_sum_fields[] = {
	[VS_IFINDEX] = NL_SUM_HDR("ifindex"),
	[VS_ENTRY] = NL_SUM_ATTR(&rtnl_vlandb_set, "entry"),
	[VS_INFO] = NL_SUM_IN(&vlandb_entry_set, "info", VS_ENTRY),
	[VS_RANGE] = NL_SUM_IN(&vlandb_entry_set, "range", VS_ENTRY),
};

/* "vlan 10" or "vlan 10-20": the first entry's bridge_vlan_info and range */
static void sum_vlan(struct dctx *d, const struct nl_sum_vals *v)
{
	struct nlc info, r;
	uint32_t range;

	if (!nl_sum_get(v, VS_INFO, &info) || nlc_left(&info) != 4)
		return;
	nlc_u16(&info);
	uint16_t vid = nlc_u16(&info);
	emit_sum(d->e, " vlan %u", vid);
	if (nl_sum_get(v, VS_RANGE, &r) && nlc_left(&r) == 2 && (range = nlc_u16(&r)) != vid)
		emit_sum(d->e, "-%u", range);
}

static const struct nl_sum_part vlan_sum_parts[] = {
	NLS_CALL(rtnl_sum_hdr_dev),
	NLS_CALL(sum_vlan),
};
const struct nl_summary rtnl_vlan_summary = NL_SUMMARY(vlan_sum_fields, vlan_sum_parts);
