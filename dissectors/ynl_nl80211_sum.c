/* ynl_nl80211_sum.c - nl80211 summaries in iw's words: an interface
 * (`wlan0 type managed wiphy 0`), a wiphy (`Wiphy phy0`), a station
 * (`Station 02:00:00:00:01:00 on wlan0 signal -40 dBm tx bitrate 24.0
 * MBit/s`), a BSS (`BSS 02:11:22:33:44:55 freq 2412 signal -40.00 dBm
 * SSID nllab`), the MLME events (BSSID, status and reason by name), the
 * regulatory domain (`country DE`).
 *
 * Reference: specs/ynl/nl80211.yaml and its overlay (Linux 7.2); iw's
 * words from its `dev`, `station dump`, `scan dump`, `event` and `reg get`
 * output (nl80211.truth/ of the capture).
 */
#include <string.h>

#include "ieee80211_ie.h"
#include "ifmap.h"
#include "state.h"
#include "sbuf.h"
#include "ynl.h"

/* iw's names of the interface types (enum nl80211_iftype) */
static const char *const iw_iftypes[] = {
	[0] = "unspecified", [1] = "IBSS", [2] = "managed", [3] = "AP", [4] = "AP/VLAN",
	[5] = "WDS", [6] = "monitor", [7] = "mesh point", [8] = "P2P-client",
	[9] = "P2P-GO", [10] = "P2P-device", [11] = "outside context of a BSS",
	[12] = "NAN",
};
static const struct nl_names iw_iftype_names = NL_NAMES(iw_iftypes);

/* the entry named name of set, or NULL */
static const struct nl_attr_pol *pol_named(const struct nl_attr_set *set, const char *name)
{
	for (unsigned t = 0; set && t <= set->max; t++)
		if (set->attrs[t].name && !strcmp(set->attrs[t].name, name))
			return &set->attrs[t];
	return NULL;
}

/* ---- interfaces: wlan0 type managed wiphy 0 ---- */

enum { IF_NAME, IF_TYPE, IF_WIPHY, IF_INDEX };
static const struct spec_sum_field if_fields[] = {
	[IF_NAME] = SPEC_SUM_ATTR("ifname"), [IF_TYPE] = SPEC_SUM_ATTR("iftype"),
	[IF_WIPHY] = SPEC_SUM_ATTR("wiphy"), [IF_INDEX] = SPEC_SUM_ATTR("ifindex"),
};

/* the name, or the index's name when the message has no name */
static bool if_dev(struct dctx *d, const struct nl_sum_vals *v, const struct nl_sum_part *pt,
		   struct sbuf *b)
{
	const uint8_t *s;
	size_t n;
	uint32_t idx;

	(void)pt;
	if (nl_sum_str(v, IF_NAME, &s, &n)) {
		sbuf_escape(b, s, n, 0);
		return true;
	}
	if (!nl_sum_u32(v, IF_INDEX, &idx))
		return false;
	const char *nm = d->numeric ? NULL : ifmap_get(d->st->ifnames, idx);
	if (nm)
		sbuf_escape(b, (const uint8_t *)nm, strlen(nm), 0);
	else
		sbuf_printf(b, "if%u", idx);
	return true;
}

static const struct nl_sum_part if_parts[] = {
	NLS_TEXT_OF(-1, -1, " ", if_dev),
	NLS_NAMED(NLS_ENUM32, IF_TYPE, " type ", &iw_iftype_names),
	NLS_PART(NLS_U32, IF_WIPHY, " wiphy "),
};
const struct spec_summary ynl_nl80211_if_sum = SPEC_SUMMARY(if_fields, if_parts);

/* ---- any other: dev wlan0 wiphy 0 ---- */

enum { DV_DEV, DV_WIPHY };
static const struct spec_sum_field dev_fields[] = {
	[DV_DEV] = SPEC_SUM_ATTR("ifindex"), [DV_WIPHY] = SPEC_SUM_ATTR("wiphy"),
};
static const struct nl_sum_part dev_parts[] = {
	NLS_PART(NLS_DEV, DV_DEV, " dev "),
	NLS_PART(NLS_U32, DV_WIPHY, " wiphy "),
};
const struct spec_summary ynl_nl80211_dev_sum = SPEC_SUMMARY(dev_fields, dev_parts);

/* ---- wiphys: Wiphy phy0 ---- */

enum { WI_NAME, WI_INDEX };
static const struct spec_sum_field wiphy_fields[] = {
	[WI_NAME] = SPEC_SUM_ATTR("wiphy-name"), [WI_INDEX] = SPEC_SUM_ATTR("wiphy"),
};
static const struct nl_sum_part wiphy_parts[] = {
	NLS_PART(NLS_STR, WI_NAME, " Wiphy "),
	NLS_PART(NLS_U32, WI_INDEX, " wiphy "),
};
const struct spec_summary ynl_nl80211_wiphy_sum = SPEC_SUMMARY(wiphy_fields, wiphy_parts);

/* ---- stations: Station MAC on DEV signal -40 dBm tx bitrate 24.0 MBit/s ---- */

enum { ST_MAC, ST_DEV, ST_INFO };
static const struct spec_sum_field sta_fields[] = {
	[ST_MAC] = SPEC_SUM_ATTR("mac"), [ST_DEV] = SPEC_SUM_ATTR("ifindex"),
	[ST_INFO] = SPEC_SUM_ATTR("sta-info"),
};

static bool mac_text(struct dctx *d, const struct nl_sum_vals *v, const struct nl_sum_part *pt,
		     struct sbuf *b)
{
	struct nlc c;
	const uint8_t *p;

	(void)d;
	if (!nl_sum_get(v, pt->slot, &c) || nlc_left(&c) != 6 || !(p = nlc_bytes(&c, 6)))
		return false;
	sbuf_printf(b, "%02x:%02x:%02x:%02x:%02x:%02x", p[0], p[1], p[2], p[3], p[4], p[5]);
	return true;
}

/* " LABEL N.N MBit/s" from a rate-info nest (bitrate32, else bitrate) */
static void rate_text(struct sbuf *b, const char *label, const struct nl_attr_pol *rp,
		      const struct nlc *rate)
{
	struct nlc r;
	uint32_t v;

	if (!rp || !rp->nest)
		return;
	if (nl_sum_find_named(rate, rp->nest, "bitrate32", &r) && nlc_left(&r) == 4)
		v = nlc_u32(&r);
	else if (nl_sum_find_named(rate, rp->nest, "bitrate", &r) && nlc_left(&r) == 2)
		v = nlc_u16(&r);
	else
		return;
	if (nlc_ok(&r))
		sbuf_printf(b, " %s %u.%u MBit/s", label, v / 10, v % 10);
}

static bool sta_info_text(struct dctx *d, const struct nl_sum_vals *v,
			  const struct nl_sum_part *pt, struct sbuf *b)
{
	const struct nl_attr_pol *ip = v->pol[pt->slot];
	struct nlc info, x;

	(void)d;
	if (!ip || !ip->nest || !nl_sum_get(v, pt->slot, &info))
		return false;
	if (nl_sum_find_named(&info, ip->nest, "signal", &x) && nlc_left(&x) == 1)
		sbuf_printf(b, " signal %d dBm", (int8_t)nlc_u8(&x));
	if (nl_sum_find_named(&info, ip->nest, "rx-bitrate", &x))
		rate_text(b, "rx bitrate", pol_named(ip->nest, "rx-bitrate"), &x);
	if (nl_sum_find_named(&info, ip->nest, "tx-bitrate", &x))
		rate_text(b, "tx bitrate", pol_named(ip->nest, "tx-bitrate"), &x);
	return true;
}

static const struct nl_sum_part sta_parts[] = {
	NLS_TEXT_OF(ST_MAC, -1, " Station ", mac_text),
	NLS_PART(NLS_DEV, ST_DEV, " on "),
	NLS_TEXT_OF(ST_INFO, -1, "", sta_info_text),
};
const struct spec_summary ynl_nl80211_sta_sum = SPEC_SUMMARY(sta_fields, sta_parts);

/* ---- scan results: BSS BSSID on DEV freq 2412 signal -40.00 dBm SSID nllab ---- */

enum { BS_DEV, BS_BSS, BS_BSSID, BS_FREQ, BS_SIGNAL, BS_IES };
static const struct spec_sum_field bss_fields[] = {
	[BS_DEV] = SPEC_SUM_ATTR("ifindex"), [BS_BSS] = SPEC_SUM_ATTR("bss"),
	[BS_BSSID] = SPEC_SUM_IN("bss", "bssid", BS_BSS),
	[BS_FREQ] = SPEC_SUM_IN("bss", "frequency", BS_BSS),
	[BS_SIGNAL] = SPEC_SUM_IN("bss", "signal-mbm", BS_BSS),
	[BS_IES] = SPEC_SUM_IN("bss", "information-elements", BS_BSS),
};

static bool mbm_text(struct dctx *d, const struct nl_sum_vals *v, const struct nl_sum_part *pt,
		     struct sbuf *b)
{
	uint32_t x;

	(void)d;
	if (!nl_sum_u32(v, pt->slot, &x))
		return false;
	int32_t m = (int32_t)x;
	uint32_t a = m < 0 ? 0u - (uint32_t)m : (uint32_t)m;
	sbuf_printf(b, "%s%u.%02u dBm", m < 0 ? "-" : "", a / 100, a % 100);
	return true;
}

/* the SSID element of the elements (escaped) */
static bool ssid_text(struct dctx *d, const struct nl_sum_vals *v, const struct nl_sum_part *pt,
		      struct sbuf *b)
{
	struct nlc c;

	(void)d;
	if (!nl_sum_get(v, pt->slot, &c))
		return false;
	while (nlc_left(&c) >= 2) {
		uint8_t id = nlc_u8(&c), len = nlc_u8(&c);
		const uint8_t *p = nlc_bytes(&c, len);
		if (!p)
			return false;
		if (id == 0) {
			sbuf_escape(b, p, len, 0);
			return true;
		}
	}
	return false;
}

static const struct nl_sum_part bss_parts[] = {
	NLS_TEXT_OF(BS_BSSID, -1, " BSS ", mac_text),
	NLS_PART(NLS_DEV, BS_DEV, " on "),
	NLS_PART(NLS_U32, BS_FREQ, " freq "),
	NLS_TEXT_OF(BS_SIGNAL, -1, " signal ", mbm_text),
	NLS_TEXT_OF(BS_IES, -1, " SSID ", ssid_text),
};
const struct spec_summary ynl_nl80211_bss_sum = SPEC_SUMMARY(bss_fields, bss_parts);

/* ---- MLME: dev wlan0 bssid MAC status success / reason deauth-leaving ---- */

enum { ML_DEV, ML_MAC, ML_STATUS, ML_REASON, ML_SSID };
static const struct spec_sum_field mlme_fields[] = {
	[ML_DEV] = SPEC_SUM_ATTR("ifindex"), [ML_MAC] = SPEC_SUM_ATTR("mac"),
	[ML_STATUS] = SPEC_SUM_ATTR("status-code"), [ML_REASON] = SPEC_SUM_ATTR("reason-code"),
	[ML_SSID] = SPEC_SUM_ATTR("ssid"),
};

/* a u16 code by its name from table t, the number with -n or unnamed */
static bool code_text(struct dctx *d, const struct nl_sum_vals *v, int slot,
		      const struct nl_names *t, struct sbuf *b)
{
	struct nlc c;

	if (!nl_sum_get(v, slot, &c) || nlc_left(&c) != 2)
		return false;
	uint16_t x = nlc_u16(&c);
	const char *nm = d->numeric ? NULL : nl_name(t, x);
	if (nm)
		sbuf_puts(b, nm);
	else
		sbuf_printf(b, "%u", x);
	return nlc_ok(&c);
}

static bool status_text(struct dctx *d, const struct nl_sum_vals *v,
			const struct nl_sum_part *pt, struct sbuf *b)
{
	return code_text(d, v, pt->slot, &ie80211_status_names, b);
}

static bool reason_text(struct dctx *d, const struct nl_sum_vals *v,
			const struct nl_sum_part *pt, struct sbuf *b)
{
	return code_text(d, v, pt->slot, &ie80211_reason_names, b);
}

static bool bytes_text(struct dctx *d, const struct nl_sum_vals *v,
		       const struct nl_sum_part *pt, struct sbuf *b)
{
	struct nlc c;
	size_t n;
	const uint8_t *p;

	(void)d;
	if (!nl_sum_get(v, pt->slot, &c) || !(p = nlc_rest(&c, &n)))
		return false;
	sbuf_escape(b, p, n, 0);
	return true;
}

static const struct nl_sum_part mlme_parts[] = {
	NLS_PART(NLS_DEV, ML_DEV, " dev "),
	NLS_TEXT_OF(ML_MAC, -1, " bssid ", mac_text),
	NLS_TEXT_OF(ML_SSID, -1, " ssid ", bytes_text),
	NLS_TEXT_OF(ML_STATUS, -1, " status ", status_text),
	NLS_TEXT_OF(ML_REASON, -1, " reason ", reason_text),
};
const struct spec_summary ynl_nl80211_mlme_sum = SPEC_SUMMARY(mlme_fields, mlme_parts);

/* ---- regulatory: country DE ---- */

enum { RG_ALPHA2, RG_WIPHY };
static const struct spec_sum_field reg_fields[] = {
	[RG_ALPHA2] = SPEC_SUM_ATTR("reg-alpha2"), [RG_WIPHY] = SPEC_SUM_ATTR("wiphy"),
};
static const struct nl_sum_part reg_parts[] = {
	NLS_PART(NLS_STR, RG_ALPHA2, " country "),
	NLS_PART(NLS_U32, RG_WIPHY, " wiphy "),
};
const struct spec_summary ynl_nl80211_reg_sum = SPEC_SUMMARY(reg_fields, reg_parts);
