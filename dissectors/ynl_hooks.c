/* ynl_hooks.c - the hooks of the spec-built families, one row each: an
 * attribute a callback decodes (what a spec cannot say), a declared
 * summary of an operation (spec.h: struct spec_attr_hook, struct
 * spec_sum_hook).  The driver hands this table to the spec registry; the
 * code of each family is in dissectors/ynl_<family>.c. */
#include "ynl.h"

static const struct spec_attr_hook attr_hooks[] = {
	{ "wireguard", "*", "public-key", ynl_wg_key_cb, NULL, &ynl_wg_key_shape },
	{ "wireguard", "*", "private-key", ynl_wg_key_cb, NULL, &ynl_wg_key_shape },
	{ "wireguard", "*", "preshared-key", ynl_wg_key_cb, NULL, &ynl_wg_key_shape },
	{ "mptcp_pm", "address", "addr4", ynl_ipv4_cb, NULL, &ynl_ipv4_shape },
	{ "mptcp_pm", "event-attr", "saddr4", ynl_ipv4_cb, NULL, &ynl_ipv4_shape },
	{ "mptcp_pm", "event-attr", "daddr4", ynl_ipv4_cb, NULL, &ynl_ipv4_shape },
	{ "mptcp_pm", "address", "addr6", ynl_ipv6_cb, NULL, &ynl_ipv6_shape },
	{ "mptcp_pm", "event-attr", "saddr6", ynl_ipv6_cb, NULL, &ynl_ipv6_shape },
	{ "mptcp_pm", "event-attr", "daddr6", ynl_ipv6_cb, NULL, &ynl_ipv6_shape },
	{ "wireguard", "wgpeer", "endpoint", ynl_wg_endpoint_cb, NULL, &ynl_wg_endpoint_shape },
};

static const struct spec_sum_hook sum_hooks[] = {
	{ "wireguard", "*", &ynl_wg_sum },
	{ "ethtool", "*", &ynl_ethtool_sum },
	{ "ethtool", "linkmodes-*", &ynl_ethtool_linkmodes_sum },
	{ "ethtool", "linkstate-*", &ynl_ethtool_linkstate_sum },
	{ "ethtool", "rings-*", &ynl_ethtool_rings_sum },
	{ "ethtool", "channels-*", &ynl_ethtool_channels_sum },
	{ "ethtool", "coalesce-*", &ynl_ethtool_coalesce_sum },
	{ "ethtool", "pause-*", &ynl_ethtool_pause_sum },
	{ "mptcp_pm", "get-addr", &ynl_mptcp_endpoint_sum },
	{ "mptcp_pm", "add-addr", &ynl_mptcp_endpoint_sum },
	{ "mptcp_pm", "del-addr", &ynl_mptcp_endpoint_sum },
	{ "mptcp_pm", "set-flags", &ynl_mptcp_endpoint_sum },
	{ "mptcp_pm", "get-limits", &ynl_mptcp_limits_sum },
	{ "mptcp_pm", "set-limits", &ynl_mptcp_limits_sum },
	{ "mptcp_pm", "created", &ynl_mptcp_event_sum },
	{ "mptcp_pm", "established", &ynl_mptcp_event_sum },
	{ "mptcp_pm", "closed", &ynl_mptcp_event_sum },
	{ "mptcp_pm", "announced", &ynl_mptcp_event_sum },
	{ "mptcp_pm", "removed", &ynl_mptcp_event_sum },
	{ "mptcp_pm", "sub-established", &ynl_mptcp_event_sum },
	{ "mptcp_pm", "sub-closed", &ynl_mptcp_event_sum },
	{ "mptcp_pm", "sub-priority", &ynl_mptcp_event_sum },
	{ "mptcp_pm", "listener-created", &ynl_mptcp_event_sum },
	{ "mptcp_pm", "listener-closed", &ynl_mptcp_event_sum },
	{ "tcp_metrics", "*", &ynl_tcp_metrics_sum },
	{ "netdev", "dev-*", &ynl_netdev_dev_sum },
	{ "netdev", "queue-*", &ynl_netdev_queue_sum },
	{ "netdev", "napi-*", &ynl_netdev_napi_sum },
	{ "netdev", "page-pool-get", &ynl_netdev_pool_sum },
	{ "netdev", "page-pool-add-ntf", &ynl_netdev_pool_sum },
	{ "netdev", "page-pool-del-ntf", &ynl_netdev_pool_sum },
	{ "netdev", "page-pool-change-ntf", &ynl_netdev_pool_sum },
	{ "devlink", "*", &ynl_devlink_sum },
	{ "devlink", "port-*", &ynl_devlink_port_sum },
	{ "devlink", "param-*", &ynl_devlink_param_sum },
	{ "devlink", "health-reporter-*", &ynl_devlink_health_sum },
	{ "devlink", "trap-*", &ynl_devlink_trap_sum },
	{ "devlink", "trap-group-*", &ynl_devlink_trap_group_sum },
	{ "devlink", "trap-policer-*", &ynl_devlink_policer_sum },
	{ "devlink", "region-*", &ynl_devlink_region_sum },
	{ "devlink", "resource-*", &ynl_devlink_resource_sum },
	{ "devlink", "info-get", &ynl_devlink_info_sum },
	{ "devlink", "eswitch-*", &ynl_devlink_eswitch_sum },
	{ "devlink", "flash-update*", &ynl_devlink_flash_sum },
};

const struct spec_hooks ynl_hooks = {
	attr_hooks, ARRAY_SIZE(attr_hooks), sum_hooks, ARRAY_SIZE(sum_hooks),
};
