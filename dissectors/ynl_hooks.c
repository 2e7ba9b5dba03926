/* ynl_hooks.c - the hooks of the spec-built families, one row each: an
 * attribute a callback decodes (what a spec cannot say), a declared
 * summary of an operation (spec.h: struct spec_attr_hook, struct
 * spec_sum_hook).  The driver hands this table to the spec registry; the
 * code of each family is in dissectors/ynl_<family>.c. */
#include "ieee80211_ie.h"
#include "ynl.h"
#include "ynl_nl80211.h"

static const struct spec_attr_hook attr_hooks[] = {
	{ "nl80211", "*", "ie", nl80211_cb_ies, NULL, &ie80211_elems_shape },
	{ "nl80211", "*", "ie-probe-resp", nl80211_cb_ies, NULL, &ie80211_elems_shape },
	{ "nl80211", "*", "ie-assoc-resp", nl80211_cb_ies, NULL, &ie80211_elems_shape },
	{ "nl80211", "*", "ie-ric", nl80211_cb_ies, NULL, &ie80211_elems_shape },
	{ "nl80211", "*", "req-ie", nl80211_cb_ies, NULL, &ie80211_elems_shape },
	{ "nl80211", "*", "resp-ie", nl80211_cb_ies, NULL, &ie80211_elems_shape },
	{ "nl80211", "*", "beacon-tail", nl80211_cb_ies, NULL, &ie80211_elems_shape },
	{ "nl80211", "*", "beacon-head", nl80211_cb_frame, NULL, &ie80211_mgmt_shape },
	{ "nl80211", "*", "probe-resp", nl80211_cb_frame, NULL, &ie80211_mgmt_shape },
	{ "nl80211", "*", "frame", nl80211_cb_frame, NULL, &ie80211_mgmt_shape },
	{ "nl80211", "bss", "information-elements", nl80211_cb_ies, NULL, &ie80211_elems_shape },
	{ "nl80211", "bss", "beacon-ies", nl80211_cb_ies, NULL, &ie80211_elems_shape },
	{ "nl80211", "*", "ssid", nl80211_cb_ssid, NULL, &nl80211_ssid_shape },
	{ "nl80211", "*", "wiphy-freq", nl80211_cb_freq, NULL, &nl80211_freq_shape },
	{ "nl80211", "frequency-attrs", "freq", nl80211_cb_freq, NULL, &nl80211_freq_shape },
	{ "nl80211", "bss", "frequency", nl80211_cb_freq, NULL, &nl80211_freq_shape },
	{ "nl80211", "survey-info", "frequency", nl80211_cb_freq, NULL, &nl80211_freq_shape },
	{ "nl80211", "bss", "signal-mbm", nl80211_cb_signal_mbm, NULL, &nl80211_signal_shape },
	{ "nl80211", "rate-info", "bitrate", nl80211_cb_bitrate, NULL, &nl80211_bitrate_shape },
	{ "nl80211", "rate-info", "bitrate32", nl80211_cb_bitrate, NULL, &nl80211_bitrate32_shape },
	{ "nl80211", "*", "reason-code", nl80211_cb_reason, NULL, &nl80211_code_shape },
	{ "nl80211", "*", "status-code", nl80211_cb_status, NULL, &nl80211_code_shape },
};

static const struct spec_sum_hook sum_hooks[] = {
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
	{ "nl80211", "*", &ynl_nl80211_dev_sum },
	{ "nl80211", "get-interface", &ynl_nl80211_if_sum },
	{ "nl80211", "new-interface", &ynl_nl80211_if_sum },
	{ "nl80211", "set-interface", &ynl_nl80211_if_sum },
	{ "nl80211", "del-interface", &ynl_nl80211_if_sum },
	{ "nl80211", "get-wiphy", &ynl_nl80211_wiphy_sum },
	{ "nl80211", "new-wiphy", &ynl_nl80211_wiphy_sum },
	{ "nl80211", "set-wiphy", &ynl_nl80211_wiphy_sum },
	{ "nl80211", "del-wiphy", &ynl_nl80211_wiphy_sum },
	{ "nl80211", "get-station", &ynl_nl80211_sta_sum },
	{ "nl80211", "new-station", &ynl_nl80211_sta_sum },
	{ "nl80211", "set-station", &ynl_nl80211_sta_sum },
	{ "nl80211", "del-station", &ynl_nl80211_sta_sum },
	{ "nl80211", "get-scan", &ynl_nl80211_bss_sum },
	{ "nl80211", "new-scan-results", &ynl_nl80211_bss_sum },
	{ "nl80211", "connect", &ynl_nl80211_mlme_sum },
	{ "nl80211", "disconnect", &ynl_nl80211_mlme_sum },
	{ "nl80211", "authenticate", &ynl_nl80211_mlme_sum },
	{ "nl80211", "associate", &ynl_nl80211_mlme_sum },
	{ "nl80211", "deauthenticate", &ynl_nl80211_mlme_sum },
	{ "nl80211", "disassociate", &ynl_nl80211_mlme_sum },
	{ "nl80211", "reg-*", &ynl_nl80211_reg_sum },
	{ "nl80211", "get-reg", &ynl_nl80211_reg_sum },
	{ "nl80211", "set-reg", &ynl_nl80211_reg_sum },
	{ "nl80211", "req-set-reg", &ynl_nl80211_reg_sum },
	{ "nl80211", "wiphy-reg-change", &ynl_nl80211_reg_sum },
};

const struct spec_hooks ynl_hooks = {
	attr_hooks, ARRAY_SIZE(attr_hooks), sum_hooks, ARRAY_SIZE(sum_hooks),
};
