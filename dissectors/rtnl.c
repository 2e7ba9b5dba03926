/* rtnl.c - NETLINK_ROUTE (protocol 0): the message types, each with its
 * fixed header, attribute set and declared summary; learning interface
 * names; reading the kind that chooses a set (rtnl_kind).  What the
 * table names is declared beside its concern (rtnl_msgs.h): links
 * (rtnl_link.c, rtnl_link_kinds.c), addresses, routes & co.
 * (rtnl_route*.c), traffic control (rtnl_tc*.c), the summaries
 * (rtnl_sum.c, rtnl_route_sum.c), the smaller message families
 * (rtnl_misc.c) and the bridge's mdb and vlans (rtnl_bridge.c).
 *
 * Reference: include/uapi/linux/rtnetlink.h (Linux 6.12).
 */
#include <string.h>

#include "ifmap.h"
#include "rtnl_msgs.h"
#include "state.h"

#define NLM_F_REQUEST 1
#define RTM_NEWLINK 16

/* ---- the kind that chooses a table (IFLA_INFO_KIND, TCA_KIND...) ---- */

void rtnl_kind(struct nlstate *st, const struct nlc *c, uint16_t type, char *buf, size_t n)
{
	const uint8_t *p;
	size_t len;

	buf[0] = 0;
	if (!nla_find_str(st, c, type, &p, &len) || len >= n)
		return;
	memcpy(buf, p, len);
	buf[len] = 0;
}

/* ---- learning interface names ---- */

/* the attributes after a fixed header of hs bytes */
static struct nlc after(struct nlc c, size_t hs)
{
	nlc_skip(&c, hs < nlc_left(&c) ? hs : nlc_left(&c));
	nlc_align4(&c);
	c.err = NLC_OK;
	return c;
}

static void rtnl_learn(struct nlstate *st, uint16_t type, uint16_t flags, struct nlc p)
{
	/* names learned in capture order: the pre-pass does not learn, so an
	 * index resolves only to a name seen earlier */
	if (st->learning || type != RTM_NEWLINK || (flags & NLM_F_REQUEST))
		return;
	/* struct ifinfomsg: family, pad, type (u16), then the index (s32),
	 * read in the capture's byte order */
	struct nlc h = p;
	if (nlc_left(&h) < 16 || !nlc_skip(&h, 4))
		return;
	int32_t idx = (int32_t)nlc_u32(&h);
	if (!nlc_ok(&h))
		return;
	if (idx <= 0)
		return;
	/* the first IFLA_IFNAME, which comes early: a scan that stops there
	 * costs less than indexing the whole set */
	struct nlc it = after(p, 16), v;
	uint16_t t;
	it.err = NLC_OK;
	while (nla_next(&it, &t, &v)) {
		if (t != IFLA_IFNAME)
			continue;
		size_t n;
		const uint8_t *nm;
		/* a name the capture cut is not learned */
		if (nlc_capleft(&v) == nlc_left(&v) && nlc_cstr(&v, &nm, &n) && n)
			ifmap_set(&st->ifnames, (uint32_t)idx, nm, n);
		return;
	}
}

/* ---- message types (include/uapi/linux/rtnetlink.h) ---- */

#define LINK(n, k, h) { n, k, &h, &rtnl_link_set, .sum = &rtnl_link_summary }
#define ADDR(n, k, h) { n, k, &h, &rtnl_addr_set, .sum = &rtnl_addr_summary }
#define ROUTE(n, k, h) { n, k, &h, &rtnl_route_set, .sum = &rtnl_route_summary }
#define NEIGH(n, k, h) { n, k, &h, &rtnl_neigh_set, .sum = &rtnl_neigh_summary }
#define RULE(n, k, h) { n, k, &h, &rtnl_rule_set, .sum = &rtnl_rule_summary }
#define TC(n, k) { n, k, &rtnl_tcmsg, &rtnl_tc_set, .sum = &rtnl_tc_summary }

static const struct nl_msgdef rtnl_msgs[] = {
	[16] = LINK("NEWLINK", NLRK_NEW, rtnl_ifinfomsg),
	[17] = LINK("DELLINK", NLRK_DEL, rtnl_ifinfomsg),
	[18] = LINK("GETLINK", NLRK_GET, rtnl_ifinfomsg_get),
	[19] = LINK("SETLINK", NLRK_NEW, rtnl_ifinfomsg),
	[20] = ADDR("NEWADDR", NLRK_NEW, rtnl_ifaddrmsg),
	[21] = ADDR("DELADDR", NLRK_DEL, rtnl_ifaddrmsg),
	[22] = ADDR("GETADDR", NLRK_GET, rtnl_ifaddrmsg_get),
	[24] = ROUTE("NEWROUTE", NLRK_NEW, rtnl_rtmsg),
	[25] = ROUTE("DELROUTE", NLRK_DEL, rtnl_rtmsg),
	[26] = ROUTE("GETROUTE", NLRK_GET, rtnl_rtmsg_get),
	[28] = NEIGH("NEWNEIGH", NLRK_NEW, rtnl_ndmsg),
	[29] = NEIGH("DELNEIGH", NLRK_DEL, rtnl_ndmsg),
	[30] = NEIGH("GETNEIGH", NLRK_GET, rtnl_ndmsg_get),
	[32] = RULE("NEWRULE", NLRK_NEW, rtnl_fib_rule_hdr),
	[33] = RULE("DELRULE", NLRK_DEL, rtnl_fib_rule_hdr),
	[34] = RULE("GETRULE", NLRK_GET, rtnl_fib_rule_hdr_get),
	[36] = TC("NEWQDISC", NLRK_NEW),
	[37] = TC("DELQDISC", NLRK_DEL),
	[38] = TC("GETQDISC", NLRK_GET),
	[40] = TC("NEWTCLASS", NLRK_NEW),
	[41] = TC("DELTCLASS", NLRK_DEL),
	[42] = TC("GETTCLASS", NLRK_GET),
	[44] = TC("NEWTFILTER", NLRK_NEW),
	[45] = TC("DELTFILTER", NLRK_DEL),
	[46] = TC("GETTFILTER", NLRK_GET),
	[48] = { "NEWACTION", NLRK_NEW, &rtnl_tcamsg, &rtnl_act_root_set, .sum = &rtnl_action_summary },
	[49] = { "DELACTION", NLRK_DEL, &rtnl_tcamsg, &rtnl_act_root_set, .sum = &rtnl_action_summary },
	[50] = { "GETACTION", NLRK_GET, &rtnl_tcamsg, &rtnl_act_root_set, .sum = &rtnl_action_summary },
	[52] = { "NEWPREFIX", NLRK_NEW, &rtnl_prefixmsg, &rtnl_prefix_set, .sum = &rtnl_prefix_summary },
	[56] = ADDR("NEWMULTICAST", NLRK_NEW, rtnl_ifaddrmsg),
	[57] = ADDR("DELMULTICAST", NLRK_DEL, rtnl_ifaddrmsg),
	[58] = ADDR("GETMULTICAST", NLRK_GET, rtnl_ifaddrmsg_get),
	[60] = ADDR("NEWANYCAST", NLRK_NEW, rtnl_ifaddrmsg),
	[61] = ADDR("DELANYCAST", NLRK_DEL, rtnl_ifaddrmsg),
	[62] = ADDR("GETANYCAST", NLRK_GET, rtnl_ifaddrmsg_get),
	[64] = { "NEWNEIGHTBL", NLRK_NEW, &rtnl_ndtmsg, &rtnl_neightbl_set, .sum = &rtnl_neightbl_summary },
	[66] = { "GETNEIGHTBL", NLRK_GET, &rtnl_ndtmsg, &rtnl_neightbl_set, .sum = &rtnl_neightbl_summary },
	[67] = { "SETNEIGHTBL", NLRK_NEW, &rtnl_ndtmsg, &rtnl_neightbl_set, .sum = &rtnl_neightbl_summary },
	[68] = { "NEWNDUSEROPT", NLRK_NEW, &rtnl_nduseroptmsg, NULL, .sum = &rtnl_hdr_dev_summary },
	[72] = { "NEWADDRLABEL", NLRK_NEW, &rtnl_ifaddrlblmsg, &rtnl_addrlabel_set, .sum = &rtnl_addrlabel_summary },
	[73] = { "DELADDRLABEL", NLRK_DEL, &rtnl_ifaddrlblmsg, &rtnl_addrlabel_set, .sum = &rtnl_addrlabel_summary },
	[74] = { "GETADDRLABEL", NLRK_GET, &rtnl_ifaddrlblmsg, &rtnl_addrlabel_set, .sum = &rtnl_addrlabel_summary },
	[78] = { "GETDCB", NLRK_GET, &rtnl_dcbmsg, NULL },
	[79] = { "SETDCB", NLRK_NEW, &rtnl_dcbmsg, NULL },
	[80] = { "NEWNETCONF", NLRK_NEW, &rtnl_netconfmsg, &rtnl_netconf_set, .sum = &rtnl_netconf_summary },
	[81] = { "DELNETCONF", NLRK_DEL, &rtnl_netconfmsg, &rtnl_netconf_set, .sum = &rtnl_netconf_summary },
	[82] = { "GETNETCONF", NLRK_GET, &rtnl_netconfmsg, &rtnl_netconf_set, .sum = &rtnl_netconf_summary },
	[84] = { "NEWMDB", NLRK_NEW, &rtnl_br_port_msg, &rtnl_mdb_set, .req_attrs = &rtnl_mdb_set_req_set, .sum = &rtnl_hdr_dev_summary },
	[85] = { "DELMDB", NLRK_DEL, &rtnl_br_port_msg, &rtnl_mdb_set, .req_attrs = &rtnl_mdb_set_req_set, .sum = &rtnl_hdr_dev_summary },
	[86] = { "GETMDB", NLRK_GET, &rtnl_br_port_msg, &rtnl_mdb_set, .req_attrs = &rtnl_mdb_get_req_set, .sum = &rtnl_hdr_dev_summary },
	[88] = { "NEWNSID", NLRK_NEW, &rtnl_rtgenmsg, &rtnl_nsid_set },
	[89] = { "DELNSID", NLRK_DEL, &rtnl_rtgenmsg, &rtnl_nsid_set },
	[90] = { "GETNSID", NLRK_GET, &rtnl_rtgenmsg, &rtnl_nsid_set },
	[92] = { "NEWSTATS", NLRK_NEW, &rtnl_if_stats_msg, &rtnl_stats_set, .sum = &rtnl_hdr_dev_summary },
	[94] = { "GETSTATS", NLRK_GET, &rtnl_if_stats_msg, &rtnl_stats_set, .req_attrs = &rtnl_stats_getset_set, .sum = &rtnl_hdr_dev_summary },
	[95] = { "SETSTATS", NLRK_NEW, &rtnl_if_stats_msg, &rtnl_stats_set, .req_attrs = &rtnl_stats_getset_set, .sum = &rtnl_hdr_dev_summary },
	[96] = { "NEWCACHEREPORT", NLRK_NEW, NULL, NULL },
	[100] = TC("NEWCHAIN", NLRK_NEW),
	[101] = TC("DELCHAIN", NLRK_DEL),
	[102] = TC("GETCHAIN", NLRK_GET),
	[104] = { "NEWNEXTHOP", NLRK_NEW, &rtnl_nhmsg, &rtnl_nh_set, .sum = &rtnl_nh_summary },
	[105] = { "DELNEXTHOP", NLRK_DEL, &rtnl_nhmsg, &rtnl_nh_set, .sum = &rtnl_nh_summary },
	[106] = { "GETNEXTHOP", NLRK_GET, &rtnl_nhmsg_get, &rtnl_nh_set, .sum = &rtnl_nh_summary },
	[108] = LINK("NEWLINKPROP", NLRK_NEW, rtnl_ifinfomsg),
	[109] = LINK("DELLINKPROP", NLRK_DEL, rtnl_ifinfomsg),
	[110] = LINK("GETLINKPROP", NLRK_GET, rtnl_ifinfomsg_get),
	[112] = { "NEWVLAN", NLRK_NEW, &rtnl_br_vlan_msg, &rtnl_vlandb_set, .sum = &rtnl_vlan_summary },
	[113] = { "DELVLAN", NLRK_DEL, &rtnl_br_vlan_msg, &rtnl_vlandb_set, .sum = &rtnl_vlan_summary },
	[114] = { "GETVLAN", NLRK_GET, &rtnl_br_vlan_msg, &rtnl_vlandb_dump_set, .sum = &rtnl_vlan_summary },
	[116] = { "NEWNEXTHOPBUCKET", NLRK_NEW, &rtnl_nhmsg, &rtnl_nhbucket_set, .sum = &rtnl_nh_summary },
	[117] = { "DELNEXTHOPBUCKET", NLRK_DEL, &rtnl_nhmsg, &rtnl_nhbucket_set, .sum = &rtnl_nh_summary },
	[118] = { "GETNEXTHOPBUCKET", NLRK_GET, &rtnl_nhmsg_get, &rtnl_nhbucket_set, .sum = &rtnl_nh_summary },
	[120] = { "NEWTUNNEL", NLRK_NEW, &rtnl_tunnel_msg, &rtnl_vnifilter_set, .sum = &rtnl_hdr_dev_summary },
	[121] = { "DELTUNNEL", NLRK_DEL, &rtnl_tunnel_msg, &rtnl_vnifilter_set, .sum = &rtnl_hdr_dev_summary },
	[122] = { "GETTUNNEL", NLRK_GET, &rtnl_tunnel_msg, &rtnl_vnifilter_set, .sum = &rtnl_hdr_dev_summary },
};

const struct nl_dissector rtnl_dissector = {
	.name = "route",
	.proto = 0,
	.msgs = rtnl_msgs,
	.nmsgs = ARRAY_SIZE(rtnl_msgs),
	.learn = rtnl_learn,
};
