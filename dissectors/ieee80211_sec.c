/* ieee80211_sec.c - the RSN element and the vendor specific elements
 * (Microsoft WPA, WMM, WPS; Wi-Fi Alliance) of IEEE 802.11.
 *
 * Reference: IEEE Std 802.11-2020 9.4.2.24 (RSNE: cipher suites table
 * 9-149, AKM suites table 9-151, RSN capabilities), 9.4.2.25 (vendor
 * specific); WMM specification 1.2 (2.2); Wi-Fi Simple Configuration 2.0
 * (data elements); suite names as iw's scan output writes them.
 */
#include <stdio.h>

#include "ieee80211_ie.h"

#define OUI_IEEE	0x000fac	/* 00-0F-AC: the standard's suites */
#define OUI_MS		0x0050f2	/* Microsoft: WPA, WMM, WPS */
#define OUI_WFA		0x506f9a	/* Wi-Fi Alliance */

static const char *const rsn_ciphers[] = {
	[0] = "use-group", [1] = "WEP-40", [2] = "TKIP", [4] = "CCMP-128",
	[5] = "WEP-104", [6] = "BIP-CMAC-128", [7] = "group-addressed-not-allowed",
	[8] = "GCMP-128", [9] = "GCMP-256", [10] = "CCMP-256",
	[11] = "BIP-GMAC-128", [12] = "BIP-GMAC-256", [13] = "BIP-CMAC-256",
};
static const struct nl_names rsn_cipher_names = NL_NAMES(rsn_ciphers);

static const char *const rsn_akms[] = {
	[1] = "802.1X", [2] = "PSK", [3] = "FT/802.1X", [4] = "FT/PSK",
	[5] = "802.1X/SHA-256", [6] = "PSK/SHA-256", [7] = "TDLS/TPK", [8] = "SAE",
	[9] = "FT/SAE", [10] = "APPeerKey", [11] = "802.1X/SUITE-B",
	[12] = "802.1X/SUITE-B-192", [13] = "FT/802.1X/SHA-384",
	[14] = "FILS/SHA-256", [15] = "FILS/SHA-384", [16] = "FT/FILS/SHA-256",
	[17] = "FT/FILS/SHA-384", [18] = "OWE", [19] = "FT/PSK/SHA-384",
	[20] = "PSK/SHA-384", [21] = "PASN", [22] = "FT/802.1X/SHA-384-2",
	[23] = "802.1X/SHA-384", [24] = "SAE-EXT-KEY", [25] = "FT/SAE-EXT-KEY",
};
static const struct nl_names rsn_akm_names = NL_NAMES(rsn_akms);

/* WPA (Microsoft OUI, type 1): its own suite numbers */
static const char *const wpa_ciphers[] = {
	[0] = "use-group", [1] = "WEP-40", [2] = "TKIP", [4] = "CCMP", [5] = "WEP-104",
};
static const struct nl_names wpa_cipher_names = NL_NAMES(wpa_ciphers);
static const char *const wpa_akms[] = { [1] = "802.1X", [2] = "PSK" };
static const struct nl_names wpa_akm_names = NL_NAMES(wpa_akms);

/* RSN capabilities, by bit (bits 2-3 and 4-5 are the replay counters) */
static const char *const rsn_cap_bits[] = {
	[0] = "preauth", [1] = "no-pairwise", [6] = "mfp-required",
	[7] = "mfp-capable", [8] = "joint-multiband-rsna", [9] = "peerkey",
	[10] = "spp-amsdu-capable", [11] = "spp-amsdu-required", [12] = "pbac",
	[13] = "extended-key-id", [14] = "ocvc",
};
static const struct nl_names rsn_cap_names = NL_NAMES(rsn_cap_bits);

const char *ie80211_cipher_name(uint32_t oui, uint8_t type)
{
	if (oui == OUI_IEEE)
		return nl_name(&rsn_cipher_names, type);
	return oui == OUI_MS ? nl_name(&wpa_cipher_names, type) : NULL;
}

const char *ie80211_akm_name(uint32_t oui, uint8_t type)
{
	if (oui == OUI_IEEE)
		return nl_name(&rsn_akm_names, type);
	return oui == OUI_MS ? nl_name(&wpa_akm_names, type) : NULL;
}

static uint32_t read_oui(struct nlc *c)
{
	uint32_t o = nlc_u8(c);
	o = o << 8 | nlc_u8(c);
	return o << 8 | nlc_u8(c);
}

/* one suite: its name, or "00-0f-ac:N" */
static void suite(struct dctx *d, const char *key, struct nlc *c, bool akm)
{
	size_t at = c->pos;
	uint32_t oui = read_oui(c);
	uint8_t t = nlc_u8(c);
	const char *nm = akm ? ie80211_akm_name(oui, t) : ie80211_cipher_name(oui, t);

	if (!nlc_ok(c))
		return;
	if (nm)
		nl_put_cstr(d, key, at, 4, nm);
	else
		nl_put_text(d, key, at, 4, "%02x-%02x-%02x:%u", (unsigned)(oui >> 16),
			    (unsigned)(oui >> 8 & 0xff), (unsigned)(oui & 0xff), t);
}

/* a u16 count, then that many suites (bounded by the bytes left) */
static void suite_list(struct dctx *d, const char *key, struct nlc *c, bool akm)
{
	unsigned n = nlc_le16(c);

	if (!nlc_ok(c))
		return;
	if ((size_t)n * 4 > nlc_left(c)) {
		emit_malformed(d->e, dctx_off(d, c), "%s: %u suites, %zu bytes", key, n,
			       nlc_left(c));
		c->err = NLC_ERR_MALFORMED;
		return;
	}
	nl_put_list_begin(d, key);
	for (unsigned i = 0; i < n; i++)
		suite(d, NULL, c, akm);
	nl_put_list_end(d);
}

/* RSNE (oui OUI_IEEE) or WPA (oui OUI_MS, after its OUI and type): each
 * field after the version is optional, present when bytes are left */
void ie80211_rsn(struct dctx *d, struct nlc *c, uint32_t oui)
{
	(void)oui;
	ie80211_put_le(d, "version", c, 2, EF_DEC);
	if (nlc_left(c))
		suite(d, "group-cipher", c, false);
	if (nlc_left(c))
		suite_list(d, "pairwise-ciphers", c, false);
	if (nlc_left(c))
		suite_list(d, "akm-suites", c, true);
	if (nlc_left(c) >= 2) {
		size_t at = c->pos;
		uint16_t cap = nlc_le16(c);
		nl_put_flags(d, "capabilities", at, 2, cap & ~0x3cu, &rsn_cap_names);
		static const uint8_t counters[] = { 1, 2, 4, 16 };
		nl_put_uint(d, "ptksa-replay-counters", at, 2, counters[cap >> 2 & 3], EF_DEC);
		nl_put_uint(d, "gtksa-replay-counters", at, 2, counters[cap >> 4 & 3], EF_DEC);
	}
	if (nlc_left(c) >= 2) {
		unsigned n = nlc_le16(c);
		if ((size_t)n * 16 > nlc_left(c)) {
			emit_malformed(d->e, dctx_off(d, c), "pmkids: %u, %zu bytes", n,
				       nlc_left(c));
			c->err = NLC_ERR_MALFORMED;
			return;
		}
		nl_put_list_begin(d, "pmkids");
		for (unsigned i = 0; i < n; i++) {
			size_t at = c->pos;
			const uint8_t *p = nlc_bytes(c, 16);
			if (p)
				nl_put_hex(d, NULL, at, p, 16);
		}
		nl_put_list_end(d);
	}
	if (nlc_left(c) >= 4)
		suite(d, "group-mgmt-cipher", c, false);
}

static const char *const wmm_acs[] = { "BE", "BK", "VI", "VO" };

/* WMM information (subtype 0) or parameter (subtype 1) element */
static void wmm(struct dctx *d, struct nlc *c)
{
	uint8_t sub = (uint8_t)ie80211_put_le(d, "subtype", c, 1, EF_DEC);

	ie80211_put_le(d, "wmm-version", c, 1, EF_DEC);
	if (!nlc_left(c))
		return;
	ie80211_put_le(d, "qos-info", c, 1, EF_HEX);
	if (sub != 1 || nlc_left(c) < 17)
		return;
	nlc_skip(c, 1);
	nl_put_list_begin(d, "ac-parameters");
	for (unsigned i = 0; i < 4; i++) {
		size_t at = c->pos;
		struct nlc one = nlc_sub(c, 4);
		uint8_t aci = nlc_u8(c), ecw = nlc_u8(c);
		uint16_t txop = nlc_le16(c);
		nl_put_obj_begin(d, NULL, "struct", &one);
		nl_put_cstr(d, "ac", at, 1, wmm_acs[aci >> 5 & 3]);
		nl_put_uint(d, "aifsn", at, 1, aci & 0xf, EF_DEC);
		if (aci & 0x10)
			nl_put_flag(d, "acm", at, 1);
		nl_put_uint(d, "cw-min", at + 1, 1, (1u << (ecw & 0xf)) - 1, EF_DEC);
		nl_put_uint(d, "cw-max", at + 1, 1, (1u << (ecw >> 4)) - 1, EF_DEC);
		nl_put_uint(d, "txop-limit-us", at + 2, 2, (unsigned)txop * 32, EF_DEC);
		nl_put_obj_end(d);
	}
	nl_put_list_end(d);
}

/* WPS: big-endian type-length-value data elements; the strings a user
 * recognises a device by, the rest left out */
static void wps(struct dctx *d, struct nlc *c)
{
	while (nlc_left(c) >= 4) {
		uint16_t t = nlc_be16(c), n = nlc_be16(c);
		size_t at = c->pos;
		const uint8_t *p = nlc_bytes(c, n);
		const char *key = t == 0x1011 ? "device-name" : t == 0x1021 ? "manufacturer" :
				  t == 0x1023 ? "model" : t == 0x1024 ? "model-number" :
				  t == 0x1042 ? "serial-number" : NULL;
		if (!p)
			break;
		if (key)
			nl_put_str(d, key, at, n, p, n);
		else if (t == 0x1044 && n == 1)
			nl_put_uint(d, "wps-state", at, 1, p[0], EF_DEC);
	}
}

static const char *vendor_name(uint32_t oui)
{
	switch (oui) {
	case OUI_MS: return "Microsoft";
	case OUI_WFA: return "Wi-Fi Alliance";
	case OUI_IEEE: return "IEEE 802.11";
	case 0x001018: return "Broadcom";
	case 0x00904c: return "Epigram";
	case 0x00037f: return "Atheros";
	case 0x0017f2: return "Apple";
	default: return NULL;
	}
}

static const char *const wfa_types[] = {
	[9] = "P2P", [10] = "WFD", [16] = "HS2.0", [18] = "OSEN", [26] = "MBO",
	[28] = "OWE-transition",
};
static const struct nl_names wfa_type_names = NL_NAMES(wfa_types);

void ie80211_vendor(struct dctx *d, struct nlc *c)
{
	size_t at = c->pos;
	uint32_t oui = read_oui(c);
	const char *vn = vendor_name(oui);
	const char *what = NULL;
	size_t n;

	if (!nlc_ok(c))
		return;
	nl_put_text(d, "oui", at, 3, "%02x:%02x:%02x", (unsigned)(oui >> 16),
		    (unsigned)(oui >> 8 & 0xff), (unsigned)(oui & 0xff));
	if (vn)
		nl_put_cstr(d, "vendor", at, 3, vn);
	if (!nlc_left(c))
		return;
	uint8_t type = (uint8_t)ie80211_put_le(d, "vendor-type", c, 1, EF_DEC);
	if (oui == OUI_MS)
		what = type == 1 ? "WPA" : type == 2 ? "WMM" : type == 4 ? "WPS" : NULL;
	else if (oui == OUI_WFA)
		what = nl_name(&wfa_type_names, type);
	if (what)
		nl_put_cstr(d, "what", at + 3, 1, what);
	if (oui == OUI_MS && type == 1)
		ie80211_rsn(d, c, oui);
	else if (oui == OUI_MS && type == 2 && nlc_left(c) >= 2)
		wmm(d, c);
	else if (oui == OUI_MS && type == 4)
		wps(d, c);
	if (nlc_left(c)) {
		size_t rat = c->pos;
		const uint8_t *p = nlc_rest(c, &n);
		if (p)
			nl_put_hex(d, "data", rat, p, n);
	}
}
