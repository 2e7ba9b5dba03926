/* test_nl80211.c - IEEE 802.11 information elements, management frames,
 * frequencies and the nl80211 value hooks, on crafted bytes through the
 * real emitter (JSON parsed back with jansson).  The element layouts are
 * IEEE Std 802.11-2020's (9.4.2); the bytes are written out by hand. */
#include "tb.h"

#include "dissect.h"
#include "ieee80211_ie.h"
#include "state.h"
#include "ynl_nl80211.h"

static const struct nl_attr_pol t_attrs[] = {
	[1] = { "ie", NLA_KIND_CB, .cb = nl80211_cb_ies },
	[2] = { "frame", NLA_KIND_CB, .cb = nl80211_cb_frame },
	[3] = { "wiphy-freq", NLA_KIND_CB, .cb = nl80211_cb_freq },
	[4] = { "signal-mbm", NLA_KIND_CB, .cb = nl80211_cb_signal_mbm },
	[5] = { "bitrate32", NLA_KIND_CB, .cb = nl80211_cb_bitrate },
	[6] = { "reason-code", NLA_KIND_CB, .cb = nl80211_cb_reason },
};
static const struct nl_attr_set t_set = NL_ATTR_SET("t", t_attrs);

static struct nlstate st;

static char *run(enum emit_mode mode, const struct tb *b, size_t caplen)
{
	return tb_walk(&st, mode, &t_set, b->p, b->n, caplen, 0);
}

static json_t *runj(const struct tb *b, size_t caplen)
{
	return t_one_object(run(EMIT_JSON, b, caplen));
}

/* one attribute of type t holding bytes p */
static json_t *one(uint16_t t, const uint8_t *p, size_t n)
{
	struct tb b = { 0 };
	tb_attr(&b, t, p, n);
	json_t *o = runj(&b, b.n);
	return o;
}

static double jnum(json_t *o, const char *path)
{
	json_t *v = jget(o, path);
	return json_is_number(v) ? json_number_value(v) : -9999;
}

static void test_rates_ssid(void)
{
	static const uint8_t ies[] = {
		0, 6, 'n', 'l', 0x01, 'l', 'a', 'b',		/* SSID with a control */
		1, 8, 0x82, 0x84, 0x8b, 0x96, 0x0c, 0x12, 0x18, 0x24,
		3, 1, 6,					/* DS: channel 6 */
		50, 2, 0x30, 0xff,				/* 24 Mb/s, HT selector */
	};
	json_t *o = one(1, ies, sizeof(ies));
	CHECK_STR(jstr(o, "attrs.ie.0.name"), "ssid");
	CHECK_STR(jstr(o, "attrs.ie.0.ssid"), "nl\x01lab");
	CHECK_STR(jstr(o, "attrs.ie.1.name"), "supported-rates");
	CHECK(jnum(o, "attrs.ie.1.rates.2") == 5.5);
	CHECK(jnum(o, "attrs.ie.1.rates.7") == 18.0);
	CHECK_EQ(json_array_size(jget(o, "attrs.ie.1.basic")), 4);
	CHECK(jnum(o, "attrs.ie.1.basic.3") == 11.0);
	CHECK_EQ(jint(o, "attrs.ie.2.channel"), 6);
	CHECK_EQ(json_array_size(jget(o, "attrs.ie.3.rates")), 1);
	CHECK_STR(jstr(o, "attrs.ie.3.selector"), "HT");
	CHECK(!jget(o, "malformed"));
	json_decref(o);
}

static void test_rsn(void)
{
	static const uint8_t ies[] = {
		48, 28, 1, 0,
		0x00, 0x0f, 0xac, 4,				/* group CCMP-128 */
		2, 0, 0x00, 0x0f, 0xac, 4, 0x00, 0x0f, 0xac, 9,	/* pairwise */
		2, 0, 0x00, 0x0f, 0xac, 2, 0x00, 0x0f, 0xac, 8,	/* PSK, SAE */
		0x80, 0x00,					/* MFP capable */
	};
	json_t *o = one(1, ies, sizeof(ies));
	CHECK_STR(jstr(o, "attrs.ie.0.name"), "rsn");
	CHECK_EQ(jint(o, "attrs.ie.0.version"), 1);
	CHECK_STR(jstr(o, "attrs.ie.0.group-cipher"), "CCMP-128");
	CHECK_STR(jstr(o, "attrs.ie.0.pairwise-ciphers.1"), "GCMP-256");
	CHECK_STR(jstr(o, "attrs.ie.0.akm-suites.0"), "PSK");
	CHECK_STR(jstr(o, "attrs.ie.0.akm-suites.1"), "SAE");
	CHECK_STR(jstr(o, "attrs.ie.0.capabilities.0"), "mfp-capable");
	CHECK(!jget(o, "malformed"));
	json_decref(o);

	/* a pairwise count larger than the element: marked, no crash */
	static const uint8_t bad[] = { 48, 8, 1, 0, 0x00, 0x0f, 0xac, 4, 9, 0 };
	o = one(1, bad, sizeof(bad));
	CHECK(jget(o, "malformed") != NULL);
	CHECK(jstr(o, "attrs.ie.0.data") != NULL);
	json_decref(o);
}

static void test_ht_vendor(void)
{
	uint8_t ies[2 + 26 + 9] = { 45, 26, 0xef, 0x01, 0x1b, 0xff, 0xff };
	static const uint8_t wmm[] = { 221, 7, 0x00, 0x50, 0xf2, 2, 0, 1, 0x0f };
	memcpy(ies + 28, wmm, sizeof(wmm));
	json_t *o = one(1, ies, sizeof(ies));
	CHECK_STR(jstr(o, "attrs.ie.0.name"), "ht-capabilities");
	CHECK_STR(jstr(o, "attrs.ie.0.width"), "20/40");
	CHECK_EQ(jint(o, "attrs.ie.0.streams"), 2);
	CHECK_STR(jstr(o, "attrs.ie.0.capabilities.1"), "ht20-40");
	CHECK_STR(jstr(o, "attrs.ie.1.vendor"), "Microsoft");
	CHECK_STR(jstr(o, "attrs.ie.1.what"), "WMM");
	CHECK_EQ(jint(o, "attrs.ie.1.qos-info"), 0x0f);
	json_decref(o);
}

static void test_cut(void)
{
	/* an element whose length runs past the attribute */
	static const uint8_t ies[] = { 0, 2, 'a', 'b', 1, 9, 0x82, 0x84 };
	json_t *o = one(1, ies, sizeof(ies));
	CHECK_STR(jstr(o, "attrs.ie.0.ssid"), "ab");
	CHECK(jget(o, "malformed") != NULL);
	CHECK(jstr(o, "attrs.ie.1.data") != NULL);
	json_decref(o);

	/* one byte left: marked */
	static const uint8_t one_byte[] = { 3, 1, 1, 7 };
	o = one(1, one_byte, sizeof(one_byte));
	CHECK(jget(o, "malformed") != NULL);
	json_decref(o);

	/* the capture cut inside an element: every cut point, no crash */
	static const uint8_t rsn[] = { 48, 20, 1, 0, 0x00, 0x0f, 0xac, 4, 1, 0, 0x00,
				       0x0f, 0xac, 4, 1, 0, 0x00, 0x0f, 0xac, 2, 0x0c, 0 };
	struct tb b = { 0 };
	tb_attr(&b, 1, rsn, sizeof(rsn));
	for (size_t cap = 0; cap <= b.n; cap++) {
		char *out = run(EMIT_TREE, &b, cap);
		CHECK(out != NULL);
		free(out);
		out = run(EMIT_JSON, &b, cap);
		json_t *arr = t_parse_lines(out);
		CHECK(arr != NULL);
		json_decref(arr);
		free(out);
	}
}

static void test_frame(void)
{
	uint8_t f[24 + 12 + 7] = { 0x80, 0x00 };	/* beacon */
	memset(f + 4, 0xff, 6);
	for (int i = 0; i < 6; i++)
		f[10 + i] = f[16 + i] = (uint8_t)(0x02 + (i == 5));
	f[24 + 8] = 100;				/* beacon interval */
	f[24 + 10] = 0x11;
	memcpy(f + 36, (const uint8_t[]){ 0, 5, 'h', 'e', 'l', 'l', 'o' }, 7);
	json_t *o = one(2, f, sizeof(f));
	CHECK_STR(jstr(o, "attrs.frame.subtype"), "beacon");
	CHECK_STR(jstr(o, "attrs.frame.bssid"), "02:02:02:02:02:03");
	CHECK_EQ(jint(o, "attrs.frame.beacon-interval"), 100);
	CHECK_STR(jstr(o, "attrs.frame.ies.0.ssid"), "hello");
	json_decref(o);

	/* a deauthentication: the reason by name */
	uint8_t da[26] = { 0xc0, 0x00 };
	da[24] = 3;
	o = one(2, da, sizeof(da));
	CHECK_STR(jstr(o, "attrs.frame.reason"), "deauth-leaving");
	json_decref(o);

	/* a data frame is no management frame: hex */
	uint8_t dt[24] = { 0x08, 0x00 };
	o = one(2, dt, sizeof(dt));
	CHECK(json_is_string(jget(o, "attrs.frame")));
	json_decref(o);
}

static void test_values(void)
{
	static const struct { uint32_t mhz; int ch; } fc[] = {
		{ 2412, 1 }, { 2472, 13 }, { 2484, 14 }, { 5180, 36 }, { 5825, 165 },
		{ 4920, 184 }, { 5935, 2 }, { 5955, 1 }, { 6115, 33 }, { 7115, 233 },
		{ 58320, 1 }, { 60480, 2 }, { 70200, 6 }, { 1000, -1 },
	};
	for (size_t i = 0; i < ARRAY_SIZE(fc); i++)
		CHECK_EQ(ie80211_freq_channel(fc[i].mhz), (unsigned long long)(long long)fc[i].ch);

	struct tb b = { 0 };
	tb_attr_u32(&b, 3, 2437);
	tb_attr_u32(&b, 4, (uint32_t)-4050);
	tb_attr_u32(&b, 5, 240);
	uint16_t r = 3;
	tb_attr(&b, 6, &r, 2);
	json_t *o = runj(&b, b.n);
	CHECK_EQ(jint(o, "attrs.wiphy-freq"), 2437);
	CHECK_EQ(jint(o, "attrs.channel"), 6);
	CHECK_EQ(jint(o, "attrs.signal-mbm"), -4050);
	CHECK(jnum(o, "attrs.signal-dbm") == -40.5);
	CHECK(jnum(o, "attrs.bitrate32-mbps") == 24.0);
	CHECK_STR(jstr(o, "attrs.reason-code"), "deauth-leaving");
	json_decref(o);
	char *t = run(EMIT_TREE, &b, b.n);
	CHECK(strstr(t, "signal-dbm: -40.50") != NULL);
	CHECK(strstr(t, "bitrate32-mbps: 24.0") != NULL);
	free(t);
}

int main(void)
{
	test_rates_ssid();
	test_rsn();
	test_ht_vendor();
	test_cut();
	test_frame();
	test_values();
	return t_done("nl80211");
}
