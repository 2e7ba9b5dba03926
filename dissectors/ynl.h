/* ynl.h - what the hooks of the spec-built families share
 * (dissectors/ynl_*.c): summary text formatters over recorded values, and
 * each family's declared summaries and callbacks, named by the rows of
 * ynl_hooks.c. */
#ifndef NLDUMP_YNL_H
#define NLDUMP_YNL_H

#include "dissect.h"
#include "spec.h"

/* The hooks of every spec family (ynl_hooks.c), for the driver. */
extern const struct spec_hooks ynl_hooks;

/* A recorded value as its policy entry reads it: a string (escaped), an
 * integer (its enum name from the spec when it has one), an address. */
bool ynl_text_value(struct dctx *d, const struct nl_sum_vals *v, const struct nl_sum_part *pt,
		    struct sbuf *b);
/* NLS_TEXT_OF(slot, -1, label, ynl_text_value) */
#define YNL_VAL(s, l) NLS_TEXT_OF((s), -1, (l), ynl_text_value)
/* the integer value of a recorded unsigned field (1, 2, 4 or 8 bytes) */
bool ynl_sum_uint(const struct nl_sum_vals *v, int slot, uint64_t *out);

/* The unsigned attribute named name that says how the value at c reads:
 * in the set being walked the last one before c (pairs that repeat in one
 * set, devlink's fmsg) or else the first, else the first in the sets
 * around it, closest first (d->level).  False: none, or not 1, 2, 4 or 8
 * bytes. */
bool ynl_sibling_uint(const struct dctx *d, const char *name, const struct nlc *c,
		      uint64_t *out);

/* IPVS (ynl_ipvs.c): an address of 16 bytes (union nf_inet_addr) read by
 * the address family attribute the row's cbdata names */
bool ynl_addr_by_af_cb(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		       struct nlc *c);
extern const struct nl_shape ynl_addr_by_af_shape;

/* NET_DM (ynl_netdm.c): the summary alert's struct net_dm_alert_msg */
bool ynl_netdm_alert_cb(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
			struct nlc *c);
extern const struct nl_shape ynl_netdm_alert_shape;

/* wireguard (ynl_wireguard.c) */
void ynl_base64(struct sbuf *b, const uint8_t *p, size_t n);
/* a struct sockaddr_in or _in6 as address:port; false: neither */
bool ynl_sockaddr_text(struct sbuf *b, struct nlc c);
bool ynl_wg_key_cb(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		   struct nlc *c);
bool ynl_wg_endpoint_cb(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
			struct nlc *c);
extern const struct nl_shape ynl_wg_key_shape, ynl_wg_endpoint_shape;
extern const struct spec_summary ynl_wg_sum;

/* ethtool (ynl_ethtool.c; bitsets and string sets: ynl_ethtool_bits.c) */
bool ynl_ethtool_bitset_cb(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
			   struct nlc *c);
extern const struct nl_shape ynl_ethtool_bitset_shape;
extern const struct spec_summary ynl_ethtool_sum, ynl_ethtool_linkmodes_sum,
	ynl_ethtool_linkstate_sum, ynl_ethtool_rings_sum, ynl_ethtool_channels_sum,
	ynl_ethtool_coalesce_sum, ynl_ethtool_pause_sum, ynl_ethtool_features_sum;
/* NLS_TEXT_OF(bitset slot, header slot, label, .): a features bitset's
 * masked bits as "name on|off" (the header: the device whose string
 * sets name them) */
bool ynl_ethtool_features_text(struct dctx *d, const struct nl_sum_vals *v,
			       const struct nl_sum_part *pt, struct sbuf *b);
/* NLS_TEXT_OF(bitset slot, header slot, label, .): a link modes bitset's
 * bits set, by name */
bool ynl_ethtool_modes_text(struct dctx *d, const struct nl_sum_vals *v,
			    const struct nl_sum_part *pt, struct sbuf *b);
/* learn the string sets of an ethtool message from the kernel (genl.c
 * calls it for every message of the family; attrs after the genl header) */
void ynl_ethtool_learn(struct nlstate *st, uint8_t cmd, struct nlc attrs);

/* mptcp_pm, tcp_metrics, netdev (ynl_mptcp.c) */
bool ynl_ipv4_cb(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		 struct nlc *c);
bool ynl_ipv6_cb(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		 struct nlc *c);
extern const struct nl_shape ynl_ipv4_shape, ynl_ipv6_shape;
extern const struct spec_summary ynl_mptcp_endpoint_sum, ynl_mptcp_limits_sum,
	ynl_mptcp_event_sum, ynl_tcp_metrics_sum, ynl_netdev_dev_sum, ynl_netdev_queue_sum,
	ynl_netdev_napi_sum, ynl_netdev_pool_sum;

/* devlink (ynl_devlink.c): a value typed by a var-attr-type attribute
 * (a sibling, or in an enclosing set), as the row's cbdata says */
struct ynl_typed {
	const char *type_attr;	/* the attribute holding the type */
	bool fmsg;		/* fmsg: a flag's data is a u8, always there */
};
extern const struct ynl_typed ynl_devlink_param_typed, ynl_devlink_fmsg_typed;
bool ynl_devlink_typed_cb(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
			  struct nlc *c);
extern const struct nl_shape ynl_devlink_typed_shape;
extern const struct spec_summary ynl_devlink_sum, ynl_devlink_port_sum,
	ynl_devlink_param_sum, ynl_devlink_health_sum, ynl_devlink_trap_sum,
	ynl_devlink_trap_group_sum, ynl_devlink_policer_sum, ynl_devlink_region_sum,
	ynl_devlink_resource_sum, ynl_devlink_info_sum, ynl_devlink_flash_sum, ynl_devlink_eswitch_sum;

/* nl80211 (ynl_nl80211_sum.c; callbacks in ynl_nl80211.h) */
extern const struct spec_summary ynl_nl80211_dev_sum, ynl_nl80211_if_sum,
	ynl_nl80211_wiphy_sum, ynl_nl80211_sta_sum, ynl_nl80211_bss_sum, ynl_nl80211_mlme_sum,
	ynl_nl80211_reg_sum;

/* nftables (ynl_nft.c) */
/* a big-endian u32 named by cbdata: ynl_nft_verdicts, ynl_nft_hooks (by
 * the message's family) */
bool ynl_nft_named_cb(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		      struct nlc *c);
struct nft_namer;
extern const struct nft_namer ynl_nft_verdicts, ynl_nft_hooks;
extern const struct nl_shape ynl_nft_enum_shape;
extern const struct spec_summary ynl_nft_table_sum, ynl_nft_chain_sum, ynl_nft_rule_sum,
	ynl_nft_obj_sum, ynl_nft_setelem_sum, ynl_nft_gen_sum, ynl_nft_batch_sum,
	ynl_nft_compat_sum, ynl_nft_trace_sum;
/* conntrack and ipset, nfnetlink subsystems (ynl_ctnetlink.c) */
extern const struct spec_summary ynl_ct_sum, ynl_ct_stats_sum, ynl_ct_global_sum,
	ynl_ct_exp_sum, ynl_ipset_sum;
/* nft_compat's xtables match and target info by name and revision
 * (xt_compat.c) */
bool ynl_xt_info_cb(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		    struct nlc *c);
extern const struct nl_shape ynl_xt_info_shape;

#endif
