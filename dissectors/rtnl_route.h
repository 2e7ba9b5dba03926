/* rtnl_route.h - between rtnl_route.c (the callbacks) and
 * rtnl_route_tables.c (the tables they are named in and read); not for
 * other files. */
#ifndef NLDUMP_RTNL_ROUTE_H
#define NLDUMP_RTNL_ROUTE_H

#include "rtnl.h"

/* rtnl_route_tables.c */
extern const struct nl_names seg6_mode_names;
extern const struct nl_names encap_type_names;
extern const struct nl_names rtnh_flag_bits;
/* lwtunnel encap sets by LWTUNNEL_ENCAP_* (0 .. LWTUNNEL_ENCAP_XFRM = 10) */
extern const struct nl_attr_set *const encap_sets[11];

/* rtnl_route.c */
bool cb_seg6_srh(struct dctx *d, const struct nl_attr_pol *pol,
		 const char *key, struct nlc *c);
bool cb_srh(struct dctx *d, const struct nl_attr_pol *pol,
	    const char *key, struct nlc *c);
void each_encap(nl_shape_visit visit, void *ctx);
bool cb_rta_encap(struct dctx *d, const struct nl_attr_pol *pol,
		  const char *key, struct nlc *c);
bool cb_nha_encap(struct dctx *d, const struct nl_attr_pol *pol,
		  const char *key, struct nlc *c);
bool cb_via(struct dctx *d, const struct nl_attr_pol *pol,
	    const char *key, struct nlc *c);
bool cb_rta_dst(struct dctx *d, const struct nl_attr_pol *pol,
		const char *key, struct nlc *c);
bool cb_multipath(struct dctx *d, const struct nl_attr_pol *pol,
		  const char *key, struct nlc *c);
bool cb_nda_dst(struct dctx *d, const struct nl_attr_pol *pol,
		const char *key, struct nlc *c);
bool cb_nh_group(struct dctx *d, const struct nl_attr_pol *pol,
		 const char *key, struct nlc *c);

#endif
