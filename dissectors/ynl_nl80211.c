/* ynl_nl80211.c - nl80211 beyond its spec: information elements and
 * management frames (ieee80211_ie.c), frequencies with their channel,
 * signal in dBm, bitrates in Mb/s, reason and status codes by name.
 *
 * Reference: include/uapi/linux/nl80211.h (7.2): NL80211_ATTR_IE and
 * friends carry elements, NL80211_ATTR_BEACON_HEAD / PROBE_RESP / FRAME a
 * whole management frame, NL80211_BSS_SIGNAL_MBM is in 100ths of dBm,
 * NL80211_RATE_INFO_BITRATE(32) in 100 kb/s.
 */
#include "ieee80211_ie.h"
#include "ynl_nl80211.h"

bool nl80211_cb_ies(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		    struct nlc *c)
{
	(void)pol;
	return ie80211_elems(d, key, c);
}

bool nl80211_cb_frame(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		      struct nlc *c)
{
	(void)pol;
	return ie80211_mgmt(d, key, c);
}

/* an SSID (0 to 32 bytes, any bytes): a string, escaped */
bool nl80211_cb_ssid(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		     struct nlc *c)
{
	size_t n;

	(void)pol;
	if (nlc_left(c) > 32)
		return false;
	size_t at = c->pos;
	const uint8_t *p = nlc_rest(c, &n);
	if (!p)
		return false;
	nl_put_str(d, key, at, n, p, n);
	return true;
}

/* a frequency in MHz, kept; its channel beside it */
bool nl80211_cb_freq(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		     struct nlc *c)
{
	(void)pol;
	if (nlc_left(c) != 4)
		return false;
	size_t at = c->pos;
	uint32_t mhz = nlc_u32(c);
	if (!nlc_ok(c))
		return false;
	nl_put_uint(d, key, at, 4, mhz, EF_DEC);
	int ch = ie80211_freq_channel(mhz);
	if (ch >= 0) {
		unsigned m = nl_put_beside_begin(d);
		nl_put_uint(d, "channel", at, 4, (unsigned)ch, EF_DEC);
		nl_put_beside_end(d, m);
	}
	return true;
}

/* signal in mBm (s32), kept; dBm beside it */
bool nl80211_cb_signal_mbm(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
			   struct nlc *c)
{
	(void)pol;
	if (nlc_left(c) != 4)
		return false;
	size_t at = c->pos;
	int32_t v = (int32_t)nlc_u32(c);
	if (!nlc_ok(c))
		return false;
	nl_put_sint(d, key, at, 4, v);
	unsigned m = nl_put_beside_begin(d);
	nl_put_fixed(d, "signal-dbm", at, 4, v, 2);
	nl_put_beside_end(d, m);
	return true;
}

/* a bitrate in 100 kb/s (u16 bitrate, u32 bitrate32), kept; Mb/s beside */
bool nl80211_cb_bitrate(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
			struct nlc *c)
{
	(void)pol;
	size_t n = nlc_left(c);
	if (n != 2 && n != 4)
		return false;
	size_t at = c->pos;
	uint32_t v = n == 2 ? nlc_u16(c) : nlc_u32(c);
	if (!nlc_ok(c))
		return false;
	nl_put_uint(d, key, at, n, v, EF_DEC);
	unsigned m = nl_put_beside_begin(d);
	nl_put_fixed(d, n == 2 ? "bitrate-mbps" : "bitrate32-mbps", at, n, v, 1);
	nl_put_beside_end(d, m);
	return true;
}

static bool code_u16(struct dctx *d, const char *key, struct nlc *c, const struct nl_names *t)
{
	if (nlc_left(c) != 2)
		return false;
	size_t at = c->pos;
	uint16_t v = nlc_u16(c);
	if (!nlc_ok(c))
		return false;
	nl_put_enum(d, key, at, 2, v, t);
	return true;
}

bool nl80211_cb_reason(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		       struct nlc *c)
{
	(void)pol;
	return code_u16(d, key, c, &ie80211_reason_names);
}

bool nl80211_cb_status(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		       struct nlc *c)
{
	(void)pol;
	return code_u16(d, key, c, &ie80211_status_names);
}

/* ---- shapes: what the callbacks write, for the field registry ---- */

static const struct nl_attr_pol freq_beside[] = { { "channel", NLA_KIND_U8 } };
const struct nl_shape nl80211_freq_shape = NL_SHAPE_BESIDE("u32", freq_beside);
static const struct nl_attr_pol signal_beside[] = { { "signal-dbm", NLA_KIND_CB,
	.shape = &(const struct nl_shape)NL_SHAPE_FORM("fixed") } };
const struct nl_shape nl80211_signal_shape = NL_SHAPE_BESIDE("s32", signal_beside);
static const struct nl_attr_pol bitrate_beside[] = { { "bitrate-mbps", NLA_KIND_CB,
	.shape = &(const struct nl_shape)NL_SHAPE_FORM("fixed") } };
const struct nl_shape nl80211_bitrate_shape = NL_SHAPE_BESIDE("u16", bitrate_beside);
static const struct nl_attr_pol bitrate32_beside[] = { { "bitrate32-mbps", NLA_KIND_CB,
	.shape = &(const struct nl_shape)NL_SHAPE_FORM("fixed") } };
const struct nl_shape nl80211_bitrate32_shape = NL_SHAPE_BESIDE("u32", bitrate32_beside);
const struct nl_shape nl80211_code_shape = NL_SHAPE_FORM("enum");
const struct nl_shape nl80211_ssid_shape = NL_SHAPE_FORM("string");
