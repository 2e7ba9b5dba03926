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

/* supported and extended supported rates: Mb/s, basic rates apart, BSS
 * membership selectors by name */
static void rates(struct dctx *d, struct nlc *c)
{
	size_t n = nlc_left(c);
	const uint8_t *p = nlc_bytes(c, n);

	if (!p)
		return;
	emit_list_begin(d->e, "rates");
	for (size_t i = 0; i < n; i++)
		if ((p[i] & 0x7f) < 120 || !(p[i] & 0x80))
			emit_fixed(d->e, NULL, (p[i] & 0x7f) * 5, 1);
	emit_list_end(d->e);
	bool basic = false;
	for (size_t i = 0; i < n; i++)
		basic |= (p[i] & 0x80) && (p[i] & 0x7f) < 120;
	if (basic) {
		emit_list_begin(d->e, "basic");
		for (size_t i = 0; i < n; i++)
			if ((p[i] & 0x80) && (p[i] & 0x7f) < 120)
				emit_fixed(d->e, NULL, (p[i] & 0x7f) * 5, 1);
		emit_list_end(d->e);
	}
	for (size_t i = 0; i < n; i++) {
		unsigned v = p[i] & 0x7f;
		const char *sel = v == 127 ? "HT" : v == 126 ? "VHT" : v == 123 ? "SAE-H2E" :
				  v == 122 ? "HE" : v == 121 ? "EHT" : NULL;
		if ((p[i] & 0x80) && sel)
			emit_cstr(d->e, "selector", sel);
	}
}

static void country(struct dctx *d, struct nlc *c)
{
	const uint8_t *cc = nlc_bytes(c, 2);
	uint8_t env = nlc_u8(c);

	if (!nlc_ok(c))
		return;
	emit_str(d->e, "code", cc, 2);
	emit_cstr(d->e, "environment", env == 'O' ? "outdoor" : env == 'I' ? "indoor" :
		  env == 'X' ? "non-country" : "any");
	emit_list_begin(d->e, "triplets");
	while (nlc_left(c) >= 3) {
		uint8_t a = nlc_u8(c), b = nlc_u8(c), m = nlc_u8(c);
		emit_obj_begin(d->e, NULL);
		if (a >= 201) {		/* operating extension */
			emit_uint(d->e, "reg-extension-id", a, EF_DEC);
			emit_uint(d->e, "reg-class", b, EF_DEC);
			emit_uint(d->e, "coverage-class", m, EF_DEC);
		} else {
			emit_uint(d->e, "first-channel", a, EF_DEC);
			emit_uint(d->e, "channels", b, EF_DEC);
			emit_sint(d->e, "max-power-dbm", (int8_t)m);
		}
		emit_obj_end(d->e);
	}
	emit_list_end(d->e);
	nlc_skip(c, nlc_left(c));	/* a pad byte */
}

static void tim(struct dctx *d, struct nlc *c)
{
	size_t n;

	emit_uint(d->e, "dtim-count", nlc_u8(c), EF_DEC);
	emit_uint(d->e, "dtim-period", nlc_u8(c), EF_DEC);
	emit_uint(d->e, "bitmap-control", nlc_u8(c), EF_HEX);
	const uint8_t *p = nlc_rest(c, &n);
	if (p && n)
		emit_hex(d->e, "bitmap", p, n);
}

/* spatial streams of an HT rx MCS bitmask: one byte per stream */
static void ht_caps(struct dctx *d, struct nlc *c)
{
	uint16_t cap = nlc_le16(c);
	uint8_t ampdu = nlc_u8(c);
	const uint8_t *mcs = nlc_bytes(c, 16);
	unsigned streams = 0;

	if (!mcs)
		return;
	emit_flags(d->e, "capabilities", cap & ~0x0cu, &ht_cap_names);
	emit_cstr(d->e, "width", cap & 2 ? "20/40" : "20");
	emit_uint(d->e, "max-ampdu-length", (1u << (13 + (ampdu & 3))) - 1, EF_DEC);
	for (unsigned i = 0; i < 4; i++)
		if (mcs[i])
			streams = i + 1;
	emit_uint(d->e, "streams", streams, EF_DEC);
	emit_hex(d->e, "rx-mcs", mcs, 10);
	nlc_skip(c, nlc_left(c));	/* extended, beamforming, ASEL */
}

static void ht_oper(struct dctx *d, struct nlc *c)
{
	static const char *const off[] = { "none", "above", "reserved", "below" };

	emit_uint(d->e, "primary-channel", nlc_u8(c), EF_DEC);
	uint8_t b = nlc_u8(c);
	if (!nlc_ok(c))
		return;
	emit_cstr(d->e, "secondary-channel-offset", off[b & 3]);
	emit_cstr(d->e, "sta-channel-width", b & 4 ? "any" : "20");
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
	uint32_t cap = nlc_le32(c);
	uint16_t rx = nlc_le16(c);

	nlc_skip(c, 6);
	if (!nlc_ok(c))
		return;
	emit_flags(d->e, "capabilities", cap & 0x30f800f0u, &vht_cap_names);
	emit_uint(d->e, "max-mpdu-length", (cap & 3) == 0 ? 3895 : (cap & 3) == 1 ? 7991 : 11454,
		  EF_DEC);
	emit_cstr(d->e, "width", w[cap >> 2 & 3]);
	emit_uint(d->e, "streams", map_streams(rx, 8), EF_DEC);
}

static void vht_oper(struct dctx *d, struct nlc *c)
{
	static const char *const w[] = { "20/40", "80/160/80+80", "160", "80+80" };
	uint8_t cw = nlc_u8(c), s0 = nlc_u8(c), s1 = nlc_u8(c);

	nlc_skip(c, 2);
	if (!nlc_ok(c))
		return;
	emit_cstr(d->e, "channel-width", cw < 4 ? w[cw] : "reserved");
	emit_uint(d->e, "center-freq-seg0", s0, EF_DEC);
	emit_uint(d->e, "center-freq-seg1", s1, EF_DEC);
}

static void he_caps(struct dctx *d, struct nlc *c)
{
	const uint8_t *mac = nlc_bytes(c, 6), *phy = nlc_bytes(c, 11);
	uint16_t rx = nlc_le16(c);

	if (!nlc_ok(c))
		return;
	emit_hex(d->e, "mac-capabilities", mac, 6);
	emit_hex(d->e, "phy-capabilities", phy, 11);
	emit_list_begin(d->e, "widths");
	if (phy[0] & 0x02)
		emit_cstr(d->e, NULL, "40@2.4GHz");
	if (phy[0] & 0x04)
		emit_cstr(d->e, NULL, "40/80@5GHz");
	if (phy[0] & 0x08)
		emit_cstr(d->e, NULL, "160@5GHz");
	if (phy[0] & 0x10)
		emit_cstr(d->e, NULL, "80+80@5GHz");
	emit_list_end(d->e);
	emit_uint(d->e, "streams", map_streams(rx, 8), EF_DEC);
	nlc_skip(c, nlc_left(c));	/* the other maps, PPE thresholds */
}

static void eht_caps(struct dctx *d, struct nlc *c)
{
	const uint8_t *mac = nlc_bytes(c, 2), *phy = nlc_bytes(c, 9);

	if (!nlc_ok(c))
		return;
	emit_hex(d->e, "mac-capabilities", mac, 2);
	emit_hex(d->e, "phy-capabilities", phy, 9);
	if (phy[0] & 0x02)
		emit_flag(d->e, "320mhz-6ghz");
	nlc_skip(c, nlc_left(c));
}

/* extended capabilities: the names of the bits set, unnamed as "bit-N" */
static void ext_caps(struct dctx *d, struct nlc *c)
{
	size_t n = nlc_left(c);
	const uint8_t *p = nlc_bytes(c, n);

	if (!p)
		return;
	emit_list_begin(d->e, "extended-capabilities");
	for (size_t i = 0; i < n * 8; i++) {
		if (!(p[i / 8] >> (i % 8) & 1))
			continue;
		const char *nm = nl_name(&extcap_names, i);
		if (nm)
			emit_cstr(d->e, NULL, nm);
		else
			emit_text(d->e, NULL, "bit-%zu", i);
	}
	emit_list_end(d->e);
}

static void bss_load(struct dctx *d, struct nlc *c)
{
	emit_uint(d->e, "station-count", nlc_le16(c), EF_DEC);
	emit_uint(d->e, "channel-utilisation", nlc_u8(c), EF_DEC);
	emit_uint(d->e, "admission-capacity", nlc_le16(c), EF_DEC);
}

static void extension(struct dctx *d, struct nlc *c)
{
	uint8_t x = nlc_u8(c);
	const char *nm = nl_name(&ext_names, x);

	emit_uint(d->e, "ext-id", x, EF_DEC);
	if (nm)
		emit_cstr(d->e, "ext-name", nm);
	if (x == 35)
		he_caps(d, c);
	else if (x == 108)
		eht_caps(d, c);
}

/* The body of element id (c covers exactly its bytes): decoded fields;
 * what is left unread is shown as "data". */
static void elem_body(struct dctx *d, uint8_t id, struct nlc *c)
{
	switch (id) {
	case 0: case 114: {	/* SSID, mesh ID */
		size_t n = nlc_left(c);
		const uint8_t *p = nlc_bytes(c, n);
		if (p)
			emit_str(d->e, id ? "mesh-id" : "ssid", p, n);
		break;
	}
	case 1: case 50: rates(d, c); break;
	case 3: emit_uint(d->e, "channel", nlc_u8(c), EF_DEC); break;
	case 5: tim(d, c); break;
	case 7: country(d, c); break;
	case 11: bss_load(d, c); break;
	case 32: emit_uint(d->e, "power-constraint-db", nlc_u8(c), EF_DEC); break;
	case 42: {
		uint8_t b = nlc_u8(c);
		if (!nlc_ok(c))
			break;
		emit_bool(d->e, "non-erp-present", b & 1);
		emit_bool(d->e, "use-protection", b & 2);
		emit_bool(d->e, "barker-preamble-mode", b & 4);
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

static void elem(struct dctx *d, uint8_t id, struct nlc *body)
{
	const char *nm = nl_name(&elem_names, id);
	struct nlc all = *body;
	size_t n;

	emit_set_begin(d->e, NULL);	/* -v: one member a line, whatever it holds */
	emit_uint(d->e, "id", id, EF_DEC);
	if (nm)
		emit_cstr(d->e, "name", nm);
	elem_body(d, id, body);
	if (!nlc_ok(body)) {
		/* the wrong shape: said, and the whole body as hex */
		emit_malformed(d->e, dctx_off(d, &all), "element %u (%s): %zu bytes", id,
			       nm ? nm : "unknown", nlc_rawleft(&all));
		const uint8_t *p = nlc_rest(&all, &n);
		if (p)
			emit_hex(d->e, "data", p, n);
	} else if (nlc_left(body)) {
		const uint8_t *p = nlc_rest(body, &n);
		if (p)
			emit_hex(d->e, "data", p, n);
	}
	emit_obj_end(d->e);
}

bool ie80211_elems(struct dctx *d, const char *key, struct nlc *c)
{
	unsigned count = 0;
	size_t n;

	if (!nlc_left(c))
		return false;
	emit_list_begin(d->e, key);
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
			emit_list_end(d->e);
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
			emit_list_end(d->e);
			return true;
		}
		struct nlc body = nlc_sub(c, len);
		nlc_skip(c, len);
		elem(d, id, &body);
		count++;
	}
	if (nlc_left(c)) {	/* what follows a broken element, as one item */
		const uint8_t *p = nlc_rest(c, &n);
		emit_set_begin(d->e, NULL);
		if (p)
			emit_hex(d->e, "data", p, n);
		emit_obj_end(d->e);
	}
	emit_list_end(d->e);
	return true;
}
