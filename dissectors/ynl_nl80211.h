/* ynl_nl80211.h - what the nl80211 spec cannot say (dissectors/ynl_nl80211.c),
 * for the hook rows of ynl_hooks.c and the unit tests. */
#ifndef NLDUMP_YNL_NL80211_H
#define NLDUMP_YNL_NL80211_H

#include "dissect.h"

bool nl80211_cb_ies(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		    struct nlc *c);
bool nl80211_cb_frame(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		      struct nlc *c);
bool nl80211_cb_ssid(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		     struct nlc *c);
bool nl80211_cb_freq(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		     struct nlc *c);
bool nl80211_cb_signal_mbm(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
			   struct nlc *c);
bool nl80211_cb_bitrate(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
			struct nlc *c);
bool nl80211_cb_reason(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		       struct nlc *c);
bool nl80211_cb_status(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		       struct nlc *c);

/* the shapes of ie80211_elems and ie80211_mgmt are ieee80211_ie.h's */
extern const struct nl_shape nl80211_freq_shape, nl80211_signal_shape,
	nl80211_bitrate_shape, nl80211_bitrate32_shape, nl80211_code_shape, nl80211_ssid_shape;

#endif
