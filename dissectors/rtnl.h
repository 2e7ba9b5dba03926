/* rtnl.h - shared tables and helpers of the NETLINK_ROUTE dissector
 * (rtnl.c: message types; rtnl_sum.c, rtnl_route_sum.c: summaries;
 * rtnl_misc.c, rtnl_bridge.c: the smaller families; rtnl_link*.c: links;
 * rtnl_route*.c: addresses, routes, neighbours, rules, nexthops;
 * rtnl_tc*.c: traffic control). */
#ifndef NLDUMP_RTNL_H
#define NLDUMP_RTNL_H

#include "dissect.h"

/* address families (include/linux/socket.h) */
#define RT_AF_UNSPEC	0
#define RT_AF_INET	2
#define RT_AF_BRIDGE	7
#define RT_AF_INET6	10
#define RT_AF_MPLS	28

extern const struct nl_names rtnl_family_names;
extern const struct nl_names rtnl_rtn_type_names;
extern const struct nl_names rtnl_scope_names;
extern const struct nl_names rtnl_table_names;
extern const struct nl_names rtnl_rtprot_names;
extern const struct nl_names rtnl_iff_bits;
extern const struct nl_names rtnl_arphrd_names;
extern const struct nl_names rtnl_operstate_names;

extern const struct nl_struct rtnl_ifinfomsg, rtnl_ifinfomsg_get;
extern const struct nl_struct rtnl_ifaddrmsg, rtnl_ifaddrmsg_get;
extern const struct nl_struct rtnl_rtmsg, rtnl_rtmsg_get;
extern const struct nl_struct rtnl_ndmsg, rtnl_ndmsg_get;
extern const struct nl_struct rtnl_fib_rule_hdr, rtnl_fib_rule_hdr_get;
extern const struct nl_struct rtnl_nhmsg, rtnl_nhmsg_get;
extern const struct nl_struct rtnl_tcmsg, rtnl_tcamsg;
extern const struct nl_struct rtnl_stats32, rtnl_stats64;

extern const struct nl_attr_set rtnl_link_set;
extern const struct nl_attr_set rtnl_linkinfo_set;	/* IFLA_LINKINFO */
extern const struct nl_attr_set rtnl_mpls_encap_set;	/* RTA_ENCAP of type mpls */
extern const struct nl_attr_set rtnl_addr_set;
extern const struct nl_attr_set rtnl_route_set;
extern const struct nl_attr_set rtnl_neigh_set;
extern const struct nl_attr_set rtnl_rule_set;
extern const struct nl_attr_set rtnl_nh_set;
extern const struct nl_attr_set rtnl_nhbucket_set;
extern const struct nl_attr_set rtnl_tc_set;
extern const struct nl_attr_set rtnl_act_root_set;
extern const struct nl_attr_set rtnl_stats_set;

/* numbers the summaries use */
#define IFLA_ADDRESS	1
#define IFLA_IFNAME	3
#define IFLA_MTU	4
#define IFLA_LINK	5
#define IFLA_QDISC	6
#define IFLA_MASTER	10
#define IFLA_OPERSTATE	16
#define IFLA_LINKINFO	18
#define IFLA_LINK_NETNSID 37
#define IFLA_INFO_KIND	1
#define IFLA_INFO_SLAVE_KIND 4

/* ifindex helpers */
/* the summary " dev NAME" (or the number when the name is not known) */
void rtnl_sum_dev(struct dctx *d, const char *label, uint32_t ifindex);
/* an address of family af from a whole attribute payload, for summaries */
void rtnl_sum_addr(struct dctx *d, int af, struct nlc a);
/* a route table number as the summary shows it */
void rtnl_sum_table(struct dctx *d, uint32_t table);
/* " label NAME" of v from t (the number when unnamed, or with -n); also
 * for the summaries of xfrm and fib_lookup */
void rtnl_sum_name(struct dctx *d, const char *label, const struct nl_names *t, uint64_t v);

/* copy a string attribute that names the kind of something (IFLA_INFO_KIND,
 * TCA_KIND) into buf (empty if absent or too long) */
void rtnl_kind(struct nlstate *st, const struct nlc *c, uint16_t type, char *buf, size_t n);

/* decoding a list of u32/s32/u64 values named by their index (devconf) */
bool rtnl_named_array(struct dctx *d, const char *key, struct nlc *c,
		      const struct nl_names *names, unsigned width, unsigned base);

/* shared callbacks */
/* An IPv4 or IPv6 address by its length (4 or 16), else malformed. */
/* the shapes of the two callbacks below, for the field registry */
extern const struct nl_shape rtnl_ip_shape, rtnl_mpls_labels_shape;
bool rtnl_cb_ip_by_len(struct dctx *d, const struct nl_attr_pol *pol,
		       const char *key, struct nlc *c);
bool rtnl_cb_mpls_labels(struct dctx *d, const struct nl_attr_pol *pol,
			 const char *key, struct nlc *c);

#endif
