/* ieee80211_ie.c - IEEE 802.11 information elements (the list walk, the
 * elements of rates, channels, country, HT/VHT/HE/EHT, extended
 * capabilities) and management frames, as nl80211 carries them.
 *
 * Reference: IEEE Std 802.11-2020 9.4.2 (element ids table 9-92, element
 * layouts), 9.3.3 (management frame bodies), 9.4.2.25 (vendor specific,
 * in ieee80211_sec.c), 17-21 (channel numbering: 2.4 GHz from 2407 MHz,
 * 5 GHz from 5000 MHz, 6 GHz from 5950 MHz, 60 GHz 2160 MHz apart from
 * 58320 MHz); IEEE 802.11ax-2021 9.4.2.248-249 (HE), 802.11be 9.4.2.313
 * (EHT).  Element names as iw's scan output words them.
 */
#include <stdio.h>

#include "ieee80211_ie.h"

#define IE_MAX_ELEMS 256	/* elements shown per list (a frame holds < 100) */

static const char *const elem_ids[256] = {
	[0] = "ssid", [1] = "supported-rates", [3] = "ds-parameter-set",
	[4] = "cf-parameter-set", [5] = "tim", [6] = "ibss-parameter-set",
	[7] = "country", [11] = "bss-load", [12] = "edca-parameter-set",
	[32] = "power-constraint", [33] = "power-capability", [35] = "tpc-report",
	[36] = "supported-channels", [37] = "channel-switch-announcement",
	[42] = "erp", [45] = "ht-capabilities", [46] = "qos-capability",
	[48] = "rsn", [50] = "extended-supported-rates", [51] = "ap-channel-report",
	[54] = "mobility-domain", [55] = "fast-bss-transition",
	[56] = "timeout-interval", [59] = "supported-operating-classes",
	[61] = "ht-operation", [62] = "secondary-channel-offset",
	[70] = "rm-enabled-capabilities", [71] = "multiple-bssid",
	[72] = "20-40-bss-coexistence", [74] = "overlapping-bss-scan-parameters",
	[107] = "interworking", [108] = "advertisement-protocol",
	[111] = "roaming-consortium", [113] = "mesh-configuration", [114] = "mesh-id",
	[117] = "mesh-peering-management", [127] = "extended-capabilities",
	[191] = "vht-capabilities", [192] = "vht-operation",
	[195] = "transmit-power-envelope", [199] = "operating-mode-notification",
	[201] = "reduced-neighbor-report", [221] = "vendor-specific",
	[244] = "rsn-extension", [255] = "extension",
};
static const struct nl_names elem_names = NL_NAMES(elem_ids);

static const char *const ext_ids[] = {
	[35] = "he-capabilities", [36] = "he-operation", [37] = "uora-parameter-set",
	[38] = "mu-edca-parameter-set", [39] = "spatial-reuse-parameter-set",
	[59] = "he-6ghz-band-capabilities", [106] = "eht-operation",
	[107] = "multi-link", [108] = "eht-capabilities",
};
static const struct nl_names ext_names = NL_NAMES(ext_ids);

/* HT capability information bits (the SM power save field, bits 2-3, apart) */
static const char *const ht_cap_bits[] = {
	[0] = "ldpc", [1] = "ht20-40", [4] = "greenfield", [5] = "sgi-20",
	[6] = "sgi-40", [7] = "tx-stbc", [10] = "delayed-block-ack",
	[11] = "max-amsdu-7935", [12] = "dsss-cck-40", [14] = "40mhz-intolerant",
	[15] = "lsig-txop-protection",
};
static const struct nl_names ht_cap_names = NL_NAMES(ht_cap_bits);

static const char *const vht_cap_bits[] = {
	[4] = "rx-ldpc", [5] = "sgi-80", [6] = "sgi-160-80p80", [7] = "tx-stbc",
	[11] = "su-beamformer", [12] = "su-beamformee", [19] = "mu-beamformer",
	[20] = "mu-beamformee", [21] = "txop-ps", [22] = "htc-vht",
	[28] = "rx-antenna-pattern-consistency", [29] = "tx-antenna-pattern-consistency",
};
static const struct nl_names vht_cap_names = NL_NAMES(vht_cap_bits);

/* extended capabilities, by bit (802.11-2020 table 9-153) */
static const char *const extcap_bits[] = {
	[0] = "20-40-bss-coexistence-management", [2] = "extended-channel-switching",
	[4] = "psmp", [6] = "s-psmp", [7] = "event", [8] = "diagnostics",
	[9] = "multicast-diagnostics", [10] = "location-tracking", [11] = "fms",
	[12] = "proxy-arp", [13] = "collocated-interference-reporting",
	[14] = "civic-location", [15] = "geospatial-location", [16] = "tfs",
	[17] = "wnm-sleep-mode", [18] = "tim-broadcast", [19] = "bss-transition",
	[20] = "qos-traffic-capability", [21] = "ac-station-count",
	[22] = "multiple-bssid", [23] = "timing-measurement", [24] = "channel-usage",
	[25] = "ssid-list", [26] = "dms", [27] = "utc-tsf-offset",
	[28] = "tpu-buffer-sta", [29] = "tdls-peer-psm", [30] = "tdls-channel-switching",
	[31] = "interworking", [32] = "qos-map", [33] = "ebr", [34] = "sspn-interface",
	[36] = "msgcf", [37] = "tdls-support", [38] = "tdls-prohibited",
	[39] = "tdls-channel-switching-prohibited", [40] = "reject-unadmitted-frame",
	[44] = "identifier-location", [45] = "u-apsd-coexistence",
	[46] = "wnm-notification", [47] = "qab", [48] = "utf-8-ssid",
	[49] = "qmf-activated", [50] = "qmf-reconfiguration-activated",
	[51] = "robust-av-streaming", [52] = "advanced-gcr", [53] = "mesh-gcr",
	[54] = "scs", [55] = "qload-report", [56] = "alternate-edca",
	[57] = "unprotected-txop-negotiation", [58] = "protected-txop-negotiation",
	[60] = "protected-qload-report", [61] = "tdls-wider-bandwidth",
	[62] = "operating-mode-notification", [65] = "channel-schedule-management",
	[66] = "geodatabase-inband-enabling-signal", [67] = "network-channel-control",
	[68] = "white-space-map", [69] = "channel-availability-query",
	[70] = "ftm-responder", [71] = "ftm-initiator",
	[73] = "extended-spectrum-management", [74] = "future-channel-guidance",
	[77] = "twt-requester", [78] = "twt-responder",
	[79] = "obss-narrow-bandwidth-ru", [80] = "complete-non-txbssid-profiles",
	[81] = "sae-password-identifiers-in-use", [82] = "sae-passwords-used-exclusively",
	[83] = "enhanced-multi-bssid-advertisement", [84] = "beacon-protection",
};
static const struct nl_names extcap_names = NL_NAMES(extcap_bits);

int ie80211_freq_channel(uint32_t mhz)
{
	if (mhz == 2484)
		return 14;
	if (mhz >= 2412 && mhz <= 2472)
		return (int)(mhz - 2407) / 5;
	if (mhz == 5935)		/* 6 GHz channel 2 */
		return 2;
	if (mhz >= 5955 && mhz <= 7115)
		return (int)(mhz - 5950) / 5;
	if (mhz >= 4910 && mhz <= 4980)
		return (int)(mhz - 4000) / 5;
	if (mhz >= 5005 && mhz <= 5925)
		return (int)(mhz - 5000) / 5;
	if (mhz >= 58320 && mhz <= 70200)
		return (int)(mhz - 56160) / 2160;
	return -1;
}

/* a little-endian number of n bytes (1, 2, 4) at c, written under key
 * and published over its bytes */
uint32_t ie80211_put_le(struct dctx *d, const char *key, struct nlc *c, unsigned n,
			enum emit_fmt f)
{
	size_t at = c->pos, len = ie80211_span(c, n);
	uint32_t v = n == 1 ? nlc_u8(c) : n == 2 ? nlc_le16(c) : nlc_le32(c);

	nl_put_uint(d, key, at, len, v, f);
	return v;
}

/* supported and extended supported rates: Mb/s, basic rates apart, BSS
 * membership selectors by name */
static void rates(struct dctx *d, struct nlc *c)
{
	size_t n = nlc_left(c), at = c->pos;
	const uint8_t *p = nlc_bytes(c, n);

	if (!p)
		return;
	nl_put_list_begin(d, "rates");
	for (size_t i = 0; i < n; i++)
		if ((p[i] & 0x7f) < 120 || !(p[i] & 0x80))
			nl_put_fixed(d, NULL, at + i, 1, (p[i] & 0x7f) * 5, 1);
	nl_put_list_end(d);
	bool basic = false;
	for (size_t i = 0; i < n; i++)
		basic |= (p[i] & 0x80) && (p[i] & 0x7f) < 120;
	if (basic) {
		nl_put_list_begin(d, "basic");
		for (size_t i = 0; i < n; i++)
			if ((p[i] & 0x80) && (p[i] & 0x7f) < 120)
				nl_put_fixed(d, NULL, at + i, 1, (p[i] & 0x7f) * 5, 1);
		nl_put_list_end(d);
	}
	for (size_t i = 0; i < n; i++) {
		unsigned v = p[i] & 0x7f;
		const char *sel = v == 127 ? "HT" : v == 126 ? "VHT" : v == 123 ? "SAE-H2E" :
				  v == 122 ? "HE" : v == 121 ? "EHT" : NULL;
		if ((p[i] & 0x80) && sel)
			nl_put_cstr(d, "selector", at + i, 1, sel);
	}
}

static void country(struct dctx *d, struct nlc *c)
{
	size_t at = c->pos;
	const uint8_t *cc = nlc_bytes(c, 2);
	uint8_t env = nlc_u8(c);

	if (!nlc_ok(c))
		return;
	nl_put_str(d, "code", at, 2, cc, 2);
	nl_put_cstr(d, "environment", at + 2, 1, env == 'O' ? "outdoor" : env == 'I' ?
		    "indoor" : env == 'X' ? "non-country" : "any");
	nl_put_list_begin(d, "triplets");
	while (nlc_left(c) >= 3) {
		size_t t = c->pos;
		struct nlc one = nlc_sub(c, 3);
		uint8_t a = nlc_u8(c), b = nlc_u8(c), m = nlc_u8(c);
		nl_put_obj_begin(d, NULL, "struct", &one);
		if (a >= 201) {		/* operating extension */
			nl_put_uint(d, "reg-extension-id", t, 1, a, EF_DEC);
			nl_put_uint(d, "reg-class", t + 1, 1, b, EF_DEC);
			nl_put_uint(d, "coverage-class", t + 2, 1, m, EF_DEC);
		} else {
			nl_put_uint(d, "first-channel", t, 1, a, EF_DEC);
			nl_put_uint(d, "channels", t + 1, 1, b, EF_DEC);
			nl_put_sint(d, "max-power-dbm", t + 2, 1, (int8_t)m);
		}
		nl_put_obj_end(d);
	}
	nl_put_list_end(d);
	nlc_skip(c, nlc_left(c));	/* a pad byte */
}

static void tim(struct dctx *d, struct nlc *c)
{
	size_t n;

	ie80211_put_le(d, "dtim-count", c, 1, EF_DEC);
	ie80211_put_le(d, "dtim-period", c, 1, EF_DEC);
	ie80211_put_le(d, "bitmap-control", c, 1, EF_HEX);
	size_t at = c->pos;
	const uint8_t *p = nlc_rest(c, &n);
	if (p && n)
		nl_put_hex(d, "bitmap", at, p, n);
}

/* spatial streams of an HT rx MCS bitmask: one byte per stream */
static void ht_caps(struct dctx *d, struct nlc *c)
{
	size_t at = c->pos;
	uint16_t cap = nlc_le16(c);
	uint8_t ampdu = nlc_u8(c);
	const uint8_t *mcs = nlc_bytes(c, 16);
	unsigned streams = 0;

	if (!mcs)
		return;
	nl_put_flags(d, "capabilities", at, 2, cap & ~0x0cu, &ht_cap_names);
	nl_put_cstr(d, "width", at, 2, cap & 2 ? "20/40" : "20");
	nl_put_uint(d, "max-ampdu-length", at + 2, 1, (1u << (13 + (ampdu & 3))) - 1, EF_DEC);
	for (unsigned i = 0; i < 4; i++)
		if (mcs[i])
			streams = i + 1;
	nl_put_uint(d, "streams", at + 3, 4, streams, EF_DEC);
	nl_put_hex(d, "rx-mcs", at + 3, mcs, 10);
	nlc_skip(c, nlc_left(c));	/* extended, beamforming, ASEL */
}

static void ht_oper(struct dctx *d, struct nlc *c)
{
	static const char *const off[] = { "none", "above", "reserved", "below" };

	ie80211_put_le(d, "primary-channel", c, 1, EF_DEC);
	size_t at = c->pos;
	uint8_t b = nlc_u8(c);
	if (!nlc_ok(c))
		return;
	nl_put_cstr(d, "secondary-channel-offset", at, 1, off[b & 3]);
	nl_put_cstr(d, "sta-channel-width", at, 1, b & 4 ? "any" : "20");
	nlc_skip(c, nlc_left(c));
}

/* streams of a VHT/HE MCS map (2 bits per stream, 3: not supported) */
static unsigned map_streams(uint16_t map, unsigned max)
{
	unsigned n = 0;

	for (unsigned i = 0; i < max; i++)
		if ((map >> (2 * i) & 3) != 3)
			n = i + 1;
	return n;
}

static void vht_caps(struct dctx *d, struct nlc *c)
{
	static const char *const w[] = { "80", "160", "160/80+80", "reserved" };
	size_t at = c->pos;
	uint32_t cap = nlc_le32(c);
	uint16_t rx = nlc_le16(c);

	nlc_skip(c, 6);
	if (!nlc_ok(c))
		return;
	nl_put_flags(d, "capabilities", at, 4, cap & 0x30f800f0u, &vht_cap_names);
	nl_put_uint(d, "max-mpdu-length", at, 4, (cap & 3) == 0 ? 3895 : (cap & 3) == 1 ?
		    7991 : 11454, EF_DEC);
	nl_put_cstr(d, "width", at, 4, w[cap >> 2 & 3]);
	nl_put_uint(d, "streams", at + 4, 2, map_streams(rx, 8), EF_DEC);
}

static void vht_oper(struct dctx *d, struct nlc *c)
{
	static const char *const w[] = { "20/40", "80/160/80+80", "160", "80+80" };
	size_t at = c->pos;
	uint8_t cw = nlc_u8(c), s0 = nlc_u8(c), s1 = nlc_u8(c);

	nlc_skip(c, 2);
	if (!nlc_ok(c))
		return;
	nl_put_cstr(d, "channel-width", at, 1, cw < 4 ? w[cw] : "reserved");
	nl_put_uint(d, "center-freq-seg0", at + 1, 1, s0, EF_DEC);
	nl_put_uint(d, "center-freq-seg1", at + 2, 1, s1, EF_DEC);
}

static void he_caps(struct dctx *d, struct nlc *c)
{
	size_t at = c->pos;
	const uint8_t *mac = nlc_bytes(c, 6), *phy = nlc_bytes(c, 11);
	uint16_t rx = nlc_le16(c);

	if (!nlc_ok(c))
		return;
	nl_put_hex(d, "mac-capabilities", at, mac, 6);
	nl_put_hex(d, "phy-capabilities", at + 6, phy, 11);
	nl_put_list_begin(d, "widths");
	if (phy[0] & 0x02)
		nl_put_cstr(d, NULL, at + 6, 1, "40@2.4GHz");
	if (phy[0] & 0x04)
		nl_put_cstr(d, NULL, at + 6, 1, "40/80@5GHz");
	if (phy[0] & 0x08)
		nl_put_cstr(d, NULL, at + 6, 1, "160@5GHz");
	if (phy[0] & 0x10)
		nl_put_cstr(d, NULL, at + 6, 1, "80+80@5GHz");
	nl_put_list_end(d);
	nl_put_uint(d, "streams", at + 17, 2, map_streams(rx, 8), EF_DEC);
	nlc_skip(c, nlc_left(c));	/* the other maps, PPE thresholds */
}

static void eht_caps(struct dctx *d, struct nlc *c)
{
	size_t at = c->pos;
	const uint8_t *mac = nlc_bytes(c, 2), *phy = nlc_bytes(c, 9);

	if (!nlc_ok(c))
		return;
	nl_put_hex(d, "mac-capabilities", at, mac, 2);
	nl_put_hex(d, "phy-capabilities", at + 2, phy, 9);
	if (phy[0] & 0x02)
		nl_put_flag(d, "320mhz-6ghz", at + 2, 1);
	nlc_skip(c, nlc_left(c));
}

/* extended capabilities: the names of the bits set, unnamed as "bit-N" */
static void ext_caps(struct dctx *d, struct nlc *c)
{
	size_t n = nlc_left(c), at = c->pos;
	const uint8_t *p = nlc_bytes(c, n);

	if (!p)
		return;
	nl_put_list_begin(d, "extended-capabilities");
	for (size_t i = 0; i < n * 8; i++) {
		if (!(p[i / 8] >> (i % 8) & 1))
			continue;
		const char *nm = nl_name(&extcap_names, i);
		if (nm)
			nl_put_cstr(d, NULL, at + i / 8, 1, nm);
		else
			nl_put_text(d, NULL, at + i / 8, 1, "bit-%zu", i);
	}
	nl_put_list_end(d);
}

static void bss_load(struct dctx *d, struct nlc *c)
{
	ie80211_put_le(d, "station-count", c, 2, EF_DEC);
	ie80211_put_le(d, "channel-utilisation", c, 1, EF_DEC);
	ie80211_put_le(d, "admission-capacity", c, 2, EF_DEC);
}

static void extension(struct dctx *d, struct nlc *c)
{
	size_t at = c->pos;
	uint8_t x = (uint8_t)ie80211_put_le(d, "ext-id", c, 1, EF_DEC);
	const char *nm = nl_name(&ext_names, x);

	if (nm)
		nl_put_cstr(d, "ext-name", at, 1, nm);
	if (x == 35)
		he_caps(d, c);
	else if (x == 108)
		eht_caps(d, c);
}

/* The body of element id (c covers exactly its bytes): decoded fields;
 * what is left unread is shown as "data". */
static void elem_body(struct dctx *d, uint8_t id, struct nlc *c)
{
	size_t at = c->pos;

	switch (id) {
	case 0: case 114: {	/* SSID, mesh ID */
		size_t n = nlc_left(c);
		const uint8_t *p = nlc_bytes(c, n);
		if (p)
			nl_put_str(d, id ? "mesh-id" : "ssid", at, n, p, n);
		break;
	}
	case 1: case 50: rates(d, c); break;
	case 3: ie80211_put_le(d, "channel", c, 1, EF_DEC); break;
	case 5: tim(d, c); break;
	case 7: country(d, c); break;
	case 11: bss_load(d, c); break;
	case 32: ie80211_put_le(d, "power-constraint-db", c, 1, EF_DEC); break;
	case 42: {
		uint8_t b = nlc_u8(c);
		if (!nlc_ok(c))
			break;
		nl_put_bool(d, "non-erp-present", at, 1, b & 1);
		nl_put_bool(d, "use-protection", at, 1, b & 2);
		nl_put_bool(d, "barker-preamble-mode", at, 1, b & 4);
		break;
	}
	case 45: ht_caps(d, c); break;
	case 48: ie80211_rsn(d, c, 0x000fac); break;
	case 61: ht_oper(d, c); break;
	case 127: ext_caps(d, c); break;
	case 191: vht_caps(d, c); break;
	case 192: vht_oper(d, c); break;
	case 221: ie80211_vendor(d, c); break;
	case 255: extension(d, c); break;
	default: break;
	}
}

/* element id: whole its bytes from its header, body those after it */
static void elem(struct dctx *d, uint8_t id, const struct nlc *whole, struct nlc *body)
{
	const char *nm = nl_name(&elem_names, id);
	struct nlc all = *body;
	size_t n, rat, at = whole->pos;

	/* -v: one member a line, whatever it holds */
	nl_put_set_begin(d, NULL, "struct", whole);
	nl_put_uint(d, "id", at, 1, id, EF_DEC);
	if (nm)
		nl_put_cstr(d, "name", at, 1, nm);
	elem_body(d, id, body);
	if (!nlc_ok(body)) {
		/* the wrong shape: said, and the whole body as hex */
		emit_malformed(d->e, dctx_off(d, &all), "element %u (%s): %zu bytes", id,
			       nm ? nm : "unknown", nlc_rawleft(&all));
		rat = all.pos;
		const uint8_t *p = nlc_rest(&all, &n);
		if (p)
			nl_put_hex(d, "data", rat, p, n);
	} else if (nlc_left(body)) {
		rat = body->pos;
		const uint8_t *p = nlc_rest(body, &n);
		if (p)
			nl_put_hex(d, "data", rat, p, n);
	}
	nl_put_obj_end(d);
}

bool ie80211_elems(struct dctx *d, const char *key, struct nlc *c)
{
	unsigned count = 0;
	size_t n;

	if (!nlc_left(c))
		return false;
	nl_put_list_begin(d, key);
	while (nlc_left(c)) {
		size_t off = dctx_off(d, c);
		if (nlc_left(c) < 2 || count == IE_MAX_ELEMS) {
			if (count == IE_MAX_ELEMS)
				emit_malformed(d->e, off, "more than %u elements", IE_MAX_ELEMS);
			else
				emit_malformed(d->e, off, "element: 1 byte left");
			break;
		}
		if (!nlc_peek(c, 2)) {
			emit_truncated(d->e, off, 2, nlc_capleft(c));
			nl_put_list_end(d);
			return true;
		}
		struct nlc hdr = *c;
		uint8_t id = nlc_u8(c), len = nlc_u8(c);
		if (len > nlc_left(c)) {
			emit_malformed(d->e, off, "element %u: length %u, %zu bytes left", id,
				       len, nlc_left(c));
			*c = hdr;
			break;
		}
		if (len > nlc_capleft(c)) {
			emit_truncated(d->e, dctx_off(d, c), len, nlc_capleft(c));
			nl_put_list_end(d);
			return true;
		}
		struct nlc whole = nlc_sub(&hdr, 2u + len);
		struct nlc body = nlc_sub(c, len);
		nlc_skip(c, len);
		elem(d, id, &whole, &body);
		count++;
	}
	if (nlc_left(c)) {	/* what follows a broken element, as one item */
		size_t at = c->pos;
		nl_put_set_begin(d, NULL, "struct", c);
		const uint8_t *p = nlc_rest(c, &n);
		if (p)
			nl_put_hex(d, "data", at, p, n);
		nl_put_obj_end(d);
	}
	nl_put_list_end(d);
	return true;
}
