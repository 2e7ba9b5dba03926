/* rtnl_msgs.h - between rtnl.c (the table of message types) and the files
 * that declare what it names: summaries (rtnl_sum.c, rtnl_route_sum.c),
 * the smaller families (rtnl_misc.c), the bridge's (rtnl_bridge.c); and
 * what the summaries share.  Not for other files. */
#ifndef NLDUMP_RTNL_MSGS_H
#define NLDUMP_RTNL_MSGS_H

#include "rtnl.h"

/* rtnl_sum.c */
extern const struct nl_summary rtnl_link_summary, rtnl_tc_summary, rtnl_action_summary;
/* " dev NAME" from a header's ifindex (none when 0) */
extern const struct nl_summary rtnl_hdr_dev_summary;
/* rtnl_route_sum.c */
extern const struct nl_summary rtnl_addr_summary, rtnl_route_summary, rtnl_neigh_summary,
	rtnl_rule_summary, rtnl_nh_summary;

/* rtnl_misc.c */
extern const struct nl_struct rtnl_netconfmsg, rtnl_rtgenmsg, rtnl_ifaddrlblmsg, rtnl_prefixmsg,
	rtnl_if_stats_msg, rtnl_ndtmsg, rtnl_nduseroptmsg, rtnl_dcbmsg, rtnl_tunnel_msg;
extern const struct nl_attr_set rtnl_netconf_set, rtnl_nsid_set, rtnl_addrlabel_set,
	rtnl_prefix_set, rtnl_stats_getset_set, rtnl_neightbl_set, rtnl_vnifilter_set;
extern const struct nl_summary rtnl_netconf_summary, rtnl_addrlabel_summary,
	rtnl_prefix_summary, rtnl_neightbl_summary;

/* rtnl_bridge.c */
extern const struct nl_struct rtnl_br_port_msg, rtnl_br_vlan_msg;
extern const struct nl_attr_set rtnl_mdb_set, rtnl_mdb_set_req_set, rtnl_mdb_get_req_set,
	rtnl_vlandb_set, rtnl_vlandb_dump_set;
extern const struct nl_summary rtnl_vlan_summary;

/* ---- what the summaries share (rtnl_sum.c) ---- */

/* a recorded 1-byte / 4-byte value, 0 when absent or of another size */
static inline unsigned val8(const struct nl_sum_vals *v, int slot)
{
	struct nlc c;

	return nl_sum_get(v, slot, &c) && nlc_left(&c) == 1 ? nlc_u8(&c) : 0;
}

static inline uint32_t val32(const struct nl_sum_vals *v, int slot)
{
	uint32_t x = 0;

	return nl_sum_u32(v, slot, &x) ? x : 0;
}

/* " label ADDR" (label "": " ADDR") when the slot was recorded */
void rtnl_sum_addr_val(struct dctx *d, const struct nl_sum_vals *v, int slot, int af,
		       const char *label);
/* an ifindex's name, "ifN" when unknown (or with -n); no label */
void rtnl_sum_ifname(struct dctx *d, uint32_t ifindex);
/* a hook: " dev NAME" from a header's ifindex in slot 0, when nonzero */
void rtnl_sum_hdr_dev(struct dctx *d, const struct nl_sum_vals *v);

#endif
