/* registry.c - every dissector nldump knows, one line each.
 *
 * Adding a protocol or genl family: its file in dissectors/, its line in
 * dissectors/meson.build, and its line here.
 */
#include "registry.h"

extern const struct nl_dissector genl_dissector;
extern const struct nl_dissector nlctrl_dissector;
extern const struct nl_dissector ovs_datapath_dissector;
extern const struct nl_dissector ovs_vport_dissector;
extern const struct nl_dissector ovs_flow_dissector;
extern const struct nl_dissector ovs_packet_dissector;
extern const struct nl_dissector ovs_meter_dissector;
extern const struct nl_dissector ovs_ct_limit_dissector;
extern const struct nl_dissector rtnl_dissector;
extern const struct nl_dissector nfnl_dissector;

const struct nl_dissector *const nl_dissectors[] = {
	&genl_dissector,
	&nlctrl_dissector,
	&ovs_datapath_dissector,
	&ovs_vport_dissector,
	&ovs_flow_dissector,
	&ovs_packet_dissector,
	&ovs_meter_dissector,
	&ovs_ct_limit_dissector,
	&rtnl_dissector,
	&nfnl_dissector,
};
const unsigned nl_ndissectors = ARRAY_SIZE(nl_dissectors);
