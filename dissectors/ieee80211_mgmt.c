/* ieee80211_mgmt.c - IEEE 802.11 management frames (header, the fixed
 * fields of each subtype, the elements after them) and the shapes of
 * what ieee80211_ie.c writes, for the field registry.
 *
 * Reference: IEEE Std 802.11-2020 9.2.4.1 (frame control), 9.3.3
 * (management frame format and the bodies of each subtype), 9.4.1.7
 * (reason codes), 9.4.1.9 (status codes).
 */
#include "ieee80211_ie.h"

static const char *const mgmt_subtypes[16] = {
	[0] = "assoc-req", [1] = "assoc-resp", [2] = "reassoc-req",
	[3] = "reassoc-resp", [4] = "probe-req", [5] = "probe-resp",
	[6] = "timing-advertisement", [8] = "beacon", [9] = "atim",
	[10] = "disassoc", [11] = "auth", [12] = "deauth", [13] = "action",
	[14] = "action-no-ack",
};
static const struct nl_names mgmt_subtype_names = NL_NAMES(mgmt_subtypes);

static const char *const auth_algs[] = {
	[0] = "open-system", [1] = "shared-key", [2] = "fast-bss-transition",
	[3] = "sae", [4] = "fils-sk", [5] = "fils-sk-pfs", [6] = "fils-pk", [7] = "pasn",
};
static const struct nl_names auth_alg_names = NL_NAMES(auth_algs);

/* 9.4.1.7 reason codes */
static const char *const reasons[] = {
	[1] = "unspecified", [2] = "prev-auth-not-valid", [3] = "deauth-leaving",
	[4] = "disassoc-due-to-inactivity", [5] = "disassoc-ap-busy",
	[6] = "class2-frame-from-nonauth-sta", [7] = "class3-frame-from-nonassoc-sta",
	[8] = "disassoc-sta-has-left", [9] = "sta-req-assoc-without-auth",
	[10] = "pwr-capability-not-valid", [11] = "supported-channel-not-valid",
	[12] = "bss-transition-disassoc", [13] = "invalid-ie", [14] = "michael-mic-failure",
	[15] = "4way-handshake-timeout", [16] = "group-key-handshake-timeout",
	[17] = "ie-in-4way-differs", [18] = "group-cipher-not-valid",
	[19] = "pairwise-cipher-not-valid", [20] = "akmp-not-valid",
	[21] = "unsupported-rsn-ie-version", [22] = "invalid-rsn-ie-capab",
	[23] = "ieee-802-1x-auth-failed", [24] = "cipher-suite-rejected",
	[25] = "tdls-teardown-unreachable", [26] = "tdls-teardown-unspecified",
	[34] = "disassoc-low-ack", [45] = "peerkey-mismatch",
};
const struct nl_names ie80211_reason_names = NL_NAMES(reasons);

/* 9.4.1.9 status codes */
static const char *const statuses[] = {
	[0] = "success", [1] = "unspecified-failure", [2] = "tdls-wakeup-alternate",
	[3] = "tdls-wakeup-reject", [5] = "security-disabled",
	[6] = "unacceptable-lifetime", [7] = "not-in-same-bss",
	[10] = "capabilities-unsupported", [11] = "reassoc-no-assoc",
	[12] = "assoc-denied-unspec", [13] = "not-supported-auth-alg",
	[14] = "unknown-auth-transaction", [15] = "challenge-fail",
	[16] = "auth-timeout", [17] = "ap-unable-to-handle-new-sta",
	[18] = "assoc-denied-rates", [19] = "assoc-denied-noshort-preamble",
	[22] = "spec-mgmt-required", [23] = "pwr-capability-not-valid",
	[24] = "supported-channel-not-valid", [25] = "assoc-denied-no-short-slot-time",
	[27] = "assoc-denied-no-ht", [28] = "r0kh-unreachable",
	[30] = "assoc-rejected-temporarily", [31] = "robust-mgmt-frame-policy-violation",
	[32] = "unspecified-qos-failure", [37] = "request-declined",
	[38] = "invalid-parameters", [40] = "invalid-ie", [41] = "invalid-group-cipher",
	[42] = "invalid-pairwise-cipher", [43] = "invalid-akmp",
	[44] = "unsupported-rsn-ie-version", [45] = "invalid-rsn-ie-capab",
	[46] = "cipher-rejected-per-policy", [53] = "invalid-pmkid",
	[72] = "invalid-rsnie", [77] = "finite-cyclic-group-not-supported",
	[104] = "denied-ht-not-supported", [126] = "sae-unknown-password-identifier",
};
const struct nl_names ie80211_status_names = NL_NAMES(statuses);

static void cap_u16(struct dctx *d, const char *key, struct nlc *c)
{
	ie80211_put_le(d, key, c, 2, EF_HEX);
}

static void enum_u16(struct dctx *d, const char *key, struct nlc *c, const struct nl_names *t)
{
	size_t at = c->pos, len = ie80211_span(c, 2);
	uint16_t v = nlc_le16(c);

	nl_put_enum(d, key, at, len, v, t);
}

/* the fixed fields of a subtype; false: no elements follow */
static bool fixed_fields(struct dctx *d, unsigned sub, struct nlc *c)
{
	switch (sub) {
	case 0: case 2:		/* (re)association request */
		cap_u16(d, "capability", c);
		ie80211_put_le(d, "listen-interval", c, 2, EF_DEC);
		if (sub == 2) {
			size_t at = c->pos;
			const uint8_t *p = nlc_bytes(c, 6);
			if (p)
				nl_put_addr(d, "current-ap", at, EA_MAC, p, 6);
		}
		return true;
	case 1: case 3: {	/* (re)association response */
		cap_u16(d, "capability", c);
		enum_u16(d, "status", c, &ie80211_status_names);
		size_t at = c->pos, len = ie80211_span(c, 2);
		uint16_t aid = nlc_le16(c) & 0x3fff;
		nl_put_uint(d, "aid", at, len, aid, EF_DEC);
		return true;
	}
	case 5: case 8: {	/* probe response, beacon */
		size_t at = c->pos, len = ie80211_span(c, 8);
		uint64_t lo = nlc_le32(c), hi = nlc_le32(c);
		nl_put_uint(d, "timestamp", at, len, hi << 32 | lo, EF_DEC);
		ie80211_put_le(d, "beacon-interval", c, 2, EF_DEC);
		cap_u16(d, "capability", c);
		return true;
	}
	case 11:		/* authentication */
		enum_u16(d, "algorithm", c, &auth_alg_names);
		ie80211_put_le(d, "transaction", c, 2, EF_DEC);
		enum_u16(d, "status", c, &ie80211_status_names);
		return true;
	case 10: case 12:	/* disassociation, deauthentication */
		enum_u16(d, "reason", c, &ie80211_reason_names);
		return true;
	case 13: case 14:	/* action: category, then the action's own body */
		ie80211_put_le(d, "category", c, 1, EF_DEC);
		return false;
	default:
		return sub == 4;	/* a probe request: elements only */
	}
}

bool ie80211_mgmt(struct dctx *d, const char *key, struct nlc *c)
{
	const uint8_t *p;
	size_t n;

	/* protocol version 0, type 0 (management); an EAPOL frame of
	 * control-port-frame starts with its version, 1 to 3: not one */
	if (nlc_left(c) < 24 || !nlc_peek(c, 24) || (nlc_peek(c, 1)[0] & 0x0f) != 0)
		return false;
	size_t at = c->pos;
	nl_put_set_begin(d, key, "struct", c);
	uint16_t fc = nlc_le16(c);
	unsigned sub = fc >> 4 & 0xf;
	nl_put_enum(d, "subtype", at, 2, sub, &mgmt_subtype_names);
	nl_put_uint(d, "frame-control", at, 2, fc, EF_HEX);
	ie80211_put_le(d, "duration", c, 2, EF_DEC);
	static const char *const addrs[] = { "da", "sa", "bssid" };
	for (unsigned i = 0; i < 3; i++) {
		size_t aat = c->pos;
		p = nlc_bytes(c, 6);
		if (p)
			nl_put_addr(d, addrs[i], aat, EA_MAC, p, 6);
	}
	size_t sat = c->pos;
	uint16_t seq = nlc_le16(c) >> 4;
	nl_put_uint(d, "seq", sat, 2, seq, EF_DEC);
	bool ies = fixed_fields(d, sub, c);
	if (!nlc_ok(c))
		emit_malformed(d->e, dctx_off(d, c), "%s: fixed fields cut",
			       nl_name(&mgmt_subtype_names, sub) ? nl_name(&mgmt_subtype_names, sub) : "frame");
	else if (ies && nlc_left(c))
		ie80211_elems(d, "ies", c);
	else if (nlc_left(c) && (at = c->pos, p = nlc_rest(c, &n)))
		nl_put_hex(d, "body", at, p, n);
	nl_put_obj_end(d);
	return true;
}

/* ---- shapes, for the field registry ---- */

#define M(nm, k) { (nm), (k) }

static const struct nl_attr_pol triplet_members[] = {
	M("reg-extension-id", NLA_KIND_U8), M("reg-class", NLA_KIND_U8),
	M("coverage-class", NLA_KIND_U8), M("first-channel", NLA_KIND_U8),
	M("channels", NLA_KIND_U8), M("max-power-dbm", NLA_KIND_S8),
};
static const struct nl_shape triplet_shape = NL_SHAPE_OBJ(triplet_members);

static const struct nl_attr_pol ac_members[] = {
	M("ac", NLA_KIND_STRING), M("aifsn", NLA_KIND_U8), M("acm", NLA_KIND_FLAG),
	M("cw-min", NLA_KIND_U16), M("cw-max", NLA_KIND_U16),
	M("txop-limit-us", NLA_KIND_U32),
};
static const struct nl_shape ac_shape = NL_SHAPE_OBJ(ac_members);

static const struct nl_attr_pol elem_members[] = {
	M("id", NLA_KIND_U8), M("name", NLA_KIND_STRING), M("data", NLA_KIND_BINARY),
	M("ssid", NLA_KIND_STRING), M("mesh-id", NLA_KIND_STRING),
	{ "rates", NLA_KIND_CB, .shape = &(const struct nl_shape)NL_SHAPE_FORM("mbps") },
	{ "basic", NLA_KIND_CB, .shape = &(const struct nl_shape)NL_SHAPE_FORM("mbps") },
	M("selector", NLA_KIND_STRING), M("channel", NLA_KIND_U8),
	M("dtim-count", NLA_KIND_U8), M("dtim-period", NLA_KIND_U8),
	M("bitmap-control", NLA_KIND_U8), M("bitmap", NLA_KIND_BINARY),
	M("code", NLA_KIND_STRING), M("environment", NLA_KIND_STRING),
	{ "triplets", NLA_KIND_CB, .shape = &triplet_shape },
	M("station-count", NLA_KIND_U16), M("channel-utilisation", NLA_KIND_U8),
	M("admission-capacity", NLA_KIND_U16), M("power-constraint-db", NLA_KIND_U8),
	M("non-erp-present", NLA_KIND_FLAG), M("use-protection", NLA_KIND_FLAG),
	M("barker-preamble-mode", NLA_KIND_FLAG),
	{ "capabilities", NLA_KIND_CB, .shape = &(const struct nl_shape)NL_SHAPE_FORM("names") },
	M("extended-capabilities", NLA_KIND_STRING),
	M("width", NLA_KIND_STRING), M("widths", NLA_KIND_STRING),
	M("max-ampdu-length", NLA_KIND_U32),
	M("streams", NLA_KIND_U8), M("rx-mcs", NLA_KIND_BINARY),
	M("primary-channel", NLA_KIND_U8), M("secondary-channel-offset", NLA_KIND_STRING),
	M("sta-channel-width", NLA_KIND_STRING), M("max-mpdu-length", NLA_KIND_U32),
	M("channel-width", NLA_KIND_STRING), M("center-freq-seg0", NLA_KIND_U8),
	M("center-freq-seg1", NLA_KIND_U8), M("ext-id", NLA_KIND_U8),
	M("ext-name", NLA_KIND_STRING), M("mac-capabilities", NLA_KIND_BINARY),
	M("phy-capabilities", NLA_KIND_BINARY), M("320mhz-6ghz", NLA_KIND_FLAG),
	/* RSN, WPA (ieee80211_sec.c) */
	M("version", NLA_KIND_U16), M("group-cipher", NLA_KIND_STRING),
	M("pairwise-ciphers", NLA_KIND_STRING), M("akm-suites", NLA_KIND_STRING),
	M("ptksa-replay-counters", NLA_KIND_U8), M("gtksa-replay-counters", NLA_KIND_U8),
	M("pmkids", NLA_KIND_BINARY), M("group-mgmt-cipher", NLA_KIND_STRING),
	/* vendor specific */
	M("oui", NLA_KIND_STRING), M("vendor", NLA_KIND_STRING),
	M("vendor-type", NLA_KIND_U8), M("what", NLA_KIND_STRING),
	M("subtype", NLA_KIND_U8), M("wmm-version", NLA_KIND_U8),
	M("qos-info", NLA_KIND_U8), { "ac-parameters", NLA_KIND_CB, .shape = &ac_shape },
	M("device-name", NLA_KIND_STRING), M("manufacturer", NLA_KIND_STRING),
	M("model", NLA_KIND_STRING), M("model-number", NLA_KIND_STRING),
	M("serial-number", NLA_KIND_STRING), M("wps-state", NLA_KIND_U8),
};
const struct nl_shape ie80211_elems_shape = NL_SHAPE_OBJ(elem_members);

static const struct nl_attr_pol mgmt_members[] = {
	{ "subtype", NLA_KIND_U8, .enums = &mgmt_subtype_names }, M("frame-control", NLA_KIND_U16),
	M("duration", NLA_KIND_U16), M("da", NLA_KIND_MAC), M("sa", NLA_KIND_MAC),
	M("bssid", NLA_KIND_MAC), M("seq", NLA_KIND_U16),
	M("capability", NLA_KIND_U16), M("listen-interval", NLA_KIND_U16),
	M("current-ap", NLA_KIND_MAC),
	{ "status", NLA_KIND_U16, .enums = &ie80211_status_names }, M("aid", NLA_KIND_U16),
	M("timestamp", NLA_KIND_U64), M("beacon-interval", NLA_KIND_U16),
	{ "algorithm", NLA_KIND_U16, .enums = &auth_alg_names }, M("transaction", NLA_KIND_U16),
	{ "reason", NLA_KIND_U16, .enums = &ie80211_reason_names }, M("category", NLA_KIND_U8),
	{ "ies", NLA_KIND_CB, .shape = &ie80211_elems_shape }, M("body", NLA_KIND_BINARY),
};
const struct nl_shape ie80211_mgmt_shape = NL_SHAPE_OBJ(mgmt_members);
