/* rtnl_link.h - between rtnl_link.c (IFLA_*, IFLA_LINKINFO) and
 * rtnl_link_kinds.c (the sets of each link kind); not for other files. */
#ifndef NLDUMP_RTNL_LINK_H
#define NLDUMP_RTNL_LINK_H

#include "rtnl.h"

/* a link kind (IFLA_INFO_KIND) and its IFLA_INFO_DATA and
 * IFLA_INFO_SLAVE_DATA sets (NULL: none) */
struct rtnl_link_kind {
	const char *kind;
	const struct nl_attr_set *data, *slave;
};
extern const struct rtnl_link_kind rtnl_link_kinds[];
extern const size_t rtnl_link_nkinds;

/* IFLA_BRPORT_* (a bridge port's slave data, and AF_BRIDGE PROTINFO) */
extern const struct nl_attr_set rtnl_brport_set;

#endif
