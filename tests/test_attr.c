/* test_attr.c - the attribute engine through the real emitter.
 *
 * Each case builds attribute bytes, walks them with nla_walk_under() under a
 * test policy, writes the message with the JSON (or text) backend into a
 * memory stream and checks the result by parsing it with jansson. */
#include "tb.h"

#include "dissect.h"
#include "state.h"

/* ---- policies under test ---- */

static const char *const color_names_v[] = { [0] = "red", [1] = "green", [3] = "blue" };
static const struct nl_names color_names = NL_NAMES(color_names_v);
static const char *const bit_names_v[] = { "up", "broadcast", NULL, "loopback" };
static const struct nl_names bit_names = NL_NAMES(bit_names_v);

static const struct nl_attr_pol pair_fields[] = {
	{ "a", NLA_KIND_U16 },
	{ "b", NLA_KIND_U16 },
	{ "c", NLA_KIND_U32 },
};
static const struct nl_struct pair_st = NL_STRUCT("pair", pair_fields, 8);

static const struct nl_attr_pol inner_attrs[] = {
	[1] = { "x", NLA_KIND_U32 },
	[2] = { "y", NLA_KIND_STRING },
};
static const struct nl_attr_set inner_set = NL_ATTR_SET("inner", inner_attrs);

static bool cb_ok(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		  struct nlc *c)
{
	(void)pol;
	uint32_t v = nlc_u32(c);
	if (!nlc_ok(c))
		return false;
	emit_uint(d->e, key, v * 2, EF_DEC);
	return true;
}

static bool cb_greedy(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		      struct nlc *c)
{
	(void)pol;
	nlc_u64(c);	/* reads past a 4-byte attribute */
	emit_uint(d->e, key, 1, EF_DEC);
	return true;
}

enum {
	A_U8 = 1, A_U16, A_U32, A_U64, A_S8, A_S16, A_S32, A_S64, A_BE16, A_BE32,
	A_BE64, A_UINT, A_SINT, A_STRING, A_NULSTR, A_FLAG, A_NEST, A_ARRAY,
	A_BF32, A_MAC, A_IPV4, A_IPV6, A_ADDR, A_STRUCT, A_CB, A_PAD, A_BIN4,
	A_BIN, A_ENUM, A_BITS, A_HEX, A_CBG, A_STR4, A_SUM, A_MAC6, A_MAX
};

static const struct nl_attr_pol all_attrs[] = {
	[A_U8] = { "u8", NLA_KIND_U8 },
	[A_U16] = { "u16", NLA_KIND_U16 },
	[A_U32] = { "u32", NLA_KIND_U32 },
	[A_U64] = { "u64", NLA_KIND_U64 },
	[A_S8] = { "s8", NLA_KIND_S8 },
	[A_S16] = { "s16", NLA_KIND_S16 },
	[A_S32] = { "s32", NLA_KIND_S32 },
	[A_S64] = { "s64", NLA_KIND_S64 },
	[A_BE16] = { "be16", NLA_KIND_BE16 },
	[A_BE32] = { "be32", NLA_KIND_BE32 },
	[A_BE64] = { "be64", NLA_KIND_BE64 },
	[A_UINT] = { "uint", NLA_KIND_UINT },
	[A_SINT] = { "sint", NLA_KIND_SINT },
	[A_STRING] = { "string", NLA_KIND_STRING },
	[A_NULSTR] = { "nulstr", NLA_KIND_NUL_STRING },
	[A_FLAG] = { "flag", NLA_KIND_FLAG },
	[A_NEST] = { "nest", NLA_KIND_NESTED, .nest = &inner_set },
	[A_ARRAY] = { "array", NLA_KIND_NESTED_ARRAY, .nest = &inner_set },
	[A_BF32] = { "bf32", NLA_KIND_BITFIELD32, .bits = &bit_names },
	[A_MAC] = { "mac", NLA_KIND_MAC },
	[A_IPV4] = { "ipv4", NLA_KIND_IPV4 },
	[A_IPV6] = { "ipv6", NLA_KIND_IPV6 },
	[A_ADDR] = { "addr", NLA_KIND_ADDR },
	[A_STRUCT] = { "struct", NLA_KIND_STRUCT, .st = &pair_st },
	[A_CB] = { "cb", NLA_KIND_CB, .cb = cb_ok },
	[A_PAD] = { "pad", NLA_KIND_PAD },
	[A_BIN4] = { "bin4", NLA_KIND_BINARY, .len = 4 },
	[A_BIN] = { "bin", NLA_KIND_BINARY },
	[A_ENUM] = { "enum", NLA_KIND_U8, .enums = &color_names },
	[A_BITS] = { "bits", NLA_KIND_U32, .bits = &bit_names },
	[A_HEX] = { "hex", NLA_KIND_U32, .flags = NLAF_HEX },
	[A_CBG] = { "cbg", NLA_KIND_CB, .cb = cb_greedy },
	[A_STR4] = { "str4", NLA_KIND_STRING, .len = 4 },
	[A_SUM] = { "sum", NLA_KIND_STRING, .flags = NLAF_SUMMARY },
	[A_MAC6] = { "mac6", NLA_KIND_MAC, .len = 6 },
};
static const struct nl_attr_set all_set = NL_ATTR_SET("all", all_attrs);

/* a self-recursive policy */
static const struct nl_attr_set rec_set;
static const struct nl_attr_pol rec_attrs[] = {
	[1] = { "down", NLA_KIND_NESTED, .nest = &rec_set },
	[2] = { "leaf", NLA_KIND_U32 },
	[3] = { "arr", NLA_KIND_NESTED_ARRAY, .nest = &rec_set },
};
static const struct nl_attr_set rec_set = NL_ATTR_SET("rec", rec_attrs);

/* ---- running the engine ---- */

static struct nlstate st;

static char *run(enum emit_mode mode, const struct nl_attr_set *set,
		 const uint8_t *buf, size_t len, size_t caplen, int af)
{
	return tb_walk(&st, mode, set, buf, len, caplen, af);
}

/* The one JSON object of a walk (or an empty object if it did not parse). */
static json_t *runj_af(const struct nl_attr_set *set, const struct tb *b, size_t caplen, int af)
{
	return t_one_object(run(EMIT_JSON, set, b->p, b->n, caplen, af));
}

static json_t *runj(const struct tb *b)
{
	return runj_af(&all_set, b, b->n, -1);
}

static size_t nmal(json_t *o) { return json_array_size(json_object_get(o, "malformed")); }
static size_t ntrunc(json_t *o) { return json_array_size(json_object_get(o, "truncated")); }

/* Does any malformed/truncated reason contain s? */
static bool reason_has(json_t *o, const char *kind, const char *s)
{
	json_t *arr = json_object_get(o, kind), *v;
	size_t i;

	json_array_foreach(arr, i, v) {
		const char *r = json_string_value(json_object_get(v, "reason"));
		if (r && strstr(r, s))
			return true;
	}
	return false;
}

/* ---- cases ---- */

struct ikind {
	uint16_t type;
	const char *name;
	unsigned size;
	bool sign;
	bool big;
};

static const struct ikind ikinds[] = {
	{ A_U8, "u8", 1, false, false }, { A_U16, "u16", 2, false, false },
	{ A_U32, "u32", 4, false, false }, { A_U64, "u64", 8, false, false },
	{ A_S8, "s8", 1, true, false }, { A_S16, "s16", 2, true, false },
	{ A_S32, "s32", 4, true, false }, { A_S64, "s64", 8, true, false },
	{ A_BE16, "be16", 2, false, true }, { A_BE32, "be32", 4, false, true },
	{ A_BE64, "be64", 8, false, true },
};

/* Fixed-width integers: at, below and above their size. */
static void test_ints(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(ikinds); i++) {
		const struct ikind *k = &ikinds[i];
		uint8_t v[12];
		struct tb b = { .n = 0 };
		char path[64];

		/* 0x81 0x82 ... : negative when signed, order visible */
		for (unsigned j = 0; j < sizeof(v); j++)
			v[j] = (uint8_t)(0x81 + j);
		snprintf(path, sizeof(path), "attrs.%s", k->name);

		tb_attr(&b, k->type, v, k->size);
		json_t *o = runj(&b);
		uint64_t want = 0;
		for (unsigned j = 0; j < k->size; j++) {
			unsigned idx = k->big ? j : k->size - 1 - j;
			want = (want << 8) | v[idx];
		}
		if (k->sign && k->size < 8) {
			uint64_t m = 1ull << (k->size * 8 - 1);
			want = (want ^ m) - m;
		}
		if (!json_is_integer(jget(o, path)) ||
		    (uint64_t)json_integer_value(jget(o, path)) != want) {
			fprintf(stderr, "  kind %s: value\n", k->name);
			t_fails++;
		}
		CHECK_EQ(nmal(o), 0);
		json_decref(o);

		/* shorter and longer than the kind: malformed, shown as hex */
		unsigned bad[2] = { k->size - 1, k->size + 1 };
		for (int j = 0; j < 2; j++) {
			b.n = 0;
			tb_attr(&b, k->type, v, bad[j]);
			o = runj(&b);
			if (nmal(o) != 1 || !json_is_string(jget(o, path)) ||
			    !reason_has(o, "malformed", "length")) {
				fprintf(stderr, "  kind %s: length %u not flagged\n", k->name, bad[j]);
				t_fails++;
			}
			json_decref(o);
		}

		/* the capture ends inside the attribute: truncated, not malformed */
		b.n = 0;
		tb_attr(&b, k->type, v, k->size);
		o = runj_af(&all_set, &b, 4 + k->size - 1, -1);
		if (nmal(o) != 0 || ntrunc(o) < 1) {
			fprintf(stderr, "  kind %s: capture cut: %zu malformed, %zu truncated\n",
				k->name, nmal(o), ntrunc(o));
			t_fails++;
		}
		json_decref(o);
	}
}

static void test_var_ints(void)
{
	static const unsigned okw[] = { 1, 2, 4, 8 };
	const uint8_t v[9] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

	for (size_t i = 0; i < ARRAY_SIZE(okw); i++) {
		struct tb b = { .n = 0 };
		tb_attr(&b, A_UINT, v, okw[i]);
		tb_attr(&b, A_SINT, v, okw[i]);
		json_t *o = runj(&b);
		uint64_t want = okw[i] == 8 ? ~0ull : (1ull << (okw[i] * 8)) - 1;
		CHECK((uint64_t)json_integer_value(jget(o, "attrs.uint")) == want);
		CHECK_EQ(jint(o, "attrs.sint"), -1);
		CHECK_EQ(nmal(o), 0);
		json_decref(o);
	}
	static const unsigned badw[] = { 0, 3, 5, 9 };
	for (size_t i = 0; i < ARRAY_SIZE(badw); i++) {
		struct tb b = { .n = 0 };
		tb_attr(&b, A_UINT, v, badw[i]);
		tb_attr(&b, A_SINT, v, badw[i]);
		json_t *o = runj(&b);
		CHECK_EQ(nmal(o), 2);
		CHECK(json_is_string(jget(o, "attrs.uint")));
		json_decref(o);
	}
	/* capture cut */
	struct tb b = { .n = 0 };
	tb_attr(&b, A_UINT, v, 8);
	json_t *o = runj_af(&all_set, &b, 9, -1);
	CHECK_EQ(nmal(o), 0);
	CHECK(ntrunc(o) >= 1);
	json_decref(o);
}

static void test_byteorder(void)
{
	struct tb b = { .n = 0 };
	const uint8_t v[8] = { 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08 };

	tb_attr(&b, A_U16 | 0x4000, v, 2);
	tb_attr(&b, A_U32 | 0x4000, v, 4);
	tb_attr(&b, A_UINT | 0x4000, v, 8);
	tb_attr(&b, A_HEX, v, 4);
	json_t *o = runj(&b);
	CHECK_EQ(jint(o, "attrs.u16"), 0x0102);
	CHECK_EQ(jint(o, "attrs.u32"), 0x01020304);
	CHECK_EQ(jint(o, "attrs.uint"), 0x0102030405060708ll);
	CHECK_EQ(jint(o, "attrs.hex"), 0x04030201);	/* hex is text-only */
	CHECK_EQ(nmal(o), 0);
	json_decref(o);
}

static void test_strings(void)
{
	struct tb b = { .n = 0 };
	json_t *o;

	tb_attr(&b, A_STRING, "abc", 3);		/* no NUL: fine for STRING */
	tb_attr(&b, A_NULSTR, "def", 4);		/* with NUL */
	o = runj(&b);
	CHECK_STR(jstr(o, "attrs.string"), "abc");
	CHECK_STR(jstr(o, "attrs.nulstr"), "def");
	CHECK_EQ(nmal(o), 0);
	json_decref(o);

	b.n = 0;
	tb_attr(&b, A_NULSTR, "def", 3);		/* missing NUL */
	o = runj(&b);
	CHECK_STR(jstr(o, "attrs.nulstr"), "def");
	CHECK_EQ(nmal(o), 1);
	CHECK(reason_has(o, "malformed", "NUL"));
	json_decref(o);

	/* stops at the first NUL */
	b.n = 0;
	tb_attr(&b, A_STRING, "ab\0cd", 5);
	o = runj(&b);
	CHECK_STR(jstr(o, "attrs.string"), "ab");
	CHECK_EQ(nmal(o), 0);
	json_decref(o);

	/* NUL_STRING: text after the NUL is marked, NULs padding a buffer not */
	b.n = 0;
	tb_attr(&b, A_NULSTR, "ab\0cd", 5);
	o = runj(&b);
	CHECK_STR(jstr(o, "attrs.nulstr"), "ab");
	CHECK_EQ(nmal(o), 1);
	CHECK(reason_has(o, "malformed", "after the string's NUL"));
	json_decref(o);
	b.n = 0;
	tb_attr(&b, A_NULSTR, "ab\0\0\0", 5);
	o = runj(&b);
	CHECK_EQ(nmal(o), 0);
	json_decref(o);

	/* empty string, zero-length attribute */
	b.n = 0;
	tb_attr(&b, A_STRING, "", 0);
	tb_attr(&b, A_NULSTR, "", 0);
	o = runj(&b);
	CHECK_STR(jstr(o, "attrs.string"), "");
	CHECK_STR(jstr(o, "attrs.nulstr"), "");
	CHECK_EQ(nmal(o), 1);	/* NUL_STRING of length 0 has no NUL */
	json_decref(o);

	/* maximum length */
	b.n = 0;
	tb_attr(&b, A_STR4, "abcdefg", 8);
	o = runj(&b);
	CHECK_EQ(nmal(o), 1);
	json_decref(o);

	/* control bytes and invalid UTF-8: valid JSON (t_parse_lines checks),
	 * valid UTF-8 text survives unchanged */
	b.n = 0;
	tb_attr(&b, A_STRING, "a\nb\x01\x1b[31m\"\\", 11);
	tb_attr(&b, A_NULSTR, "\xff\xfe\xc3(", 5);
	tb_attr(&b, A_BIN, "\xc3\xa9t\xc3\xa9", 6);
	tb_attr(&b, A_SUM, "caf\xc3\xa9", 6);
	o = runj(&b);
	CHECK(jstr(o, "attrs.string") != NULL);
	CHECK(jstr(o, "attrs.nulstr") != NULL);
	CHECK_STR(jstr(o, "attrs.sum"), "caf\xc3\xa9");
	json_decref(o);

	/* text: no raw control characters, in the tree and the summary line */
	b.n = 0;
	tb_attr(&b, A_STRING, "a\nb\x01\x7f\x1b[31m", 10);
	tb_attr(&b, A_SUM, "x\ry\tz\n\x9b", 8);
	tb_attr(&b, 999, "\n\n\n\n", 4);
	for (int m = 0; m < 2; m++) {
		char *t = run(m ? EMIT_TREE : EMIT_LINE, &all_set, b.p, b.n, b.n, -1);
		CHECK(!t_has_ctl(t));
		CHECK(strchr(t, 0x7f) == NULL);
		/* one line for the summary, one per field in the tree */
		size_t lines = 0;
		for (char *s = t; *s; s++)
			lines += *s == '\n';
		CHECK(m ? lines >= 4 : lines == 1);
		CHECK(strstr(t, "sum x") != NULL);	/* NLAF_SUMMARY made it to the line */
		free(t);
	}

	/* a string cut by the capture: truncated, not "not NUL-terminated" */
	b.n = 0;
	tb_attr(&b, A_NULSTR, "abcdefg", 8);
	o = runj_af(&all_set, &b, 8, -1);
	CHECK_EQ(nmal(o), 0);
	CHECK(ntrunc(o) >= 1);
	json_decref(o);
}

static void test_flag_pad_bin(void)
{
	struct tb b = { .n = 0 };
	json_t *o;

	tb_attr(&b, A_FLAG, "", 0);
	tb_attr(&b, A_PAD, "\0\0\0\0", 4);
	tb_attr(&b, A_BIN4, "\x01\x02\x03\x04", 4);
	tb_attr(&b, A_BIN, "\xab", 1);
	o = runj(&b);
	CHECK(json_is_true(jget(o, "attrs.flag")));
	CHECK(jget(o, "attrs.pad") == NULL);
	CHECK_STR(jstr(o, "attrs.bin4"), "01020304");
	CHECK_STR(jstr(o, "attrs.bin"), "ab");
	CHECK_EQ(nmal(o), 0);
	json_decref(o);

	b.n = 0;
	tb_attr(&b, A_FLAG, "x", 1);
	tb_attr(&b, A_BIN4, "\x01\x02\x03", 3);
	tb_attr(&b, A_BIN4, "\x01\x02\x03\x04\x05", 5);
	o = runj(&b);
	CHECK_EQ(nmal(o), 3);
	json_decref(o);

	/* binary cut by the capture */
	b.n = 0;
	tb_attr(&b, A_BIN, "\x01\x02\x03\x04\x05\x06", 6);
	o = runj_af(&all_set, &b, 7, -1);
	CHECK_EQ(nmal(o), 0);
	CHECK(ntrunc(o) >= 1);
	json_decref(o);
}

static void test_addrs(void)
{
	struct tb b = { .n = 0 };
	json_t *o;
	const uint8_t a[16] = { 10, 1, 2, 3, 0xde, 0xad, 0xbe, 0xef, 0, 0, 0, 0, 0, 0, 0, 1 };

	tb_attr(&b, A_MAC, a, 6);
	tb_attr(&b, A_IPV4, a, 4);
	tb_attr(&b, A_IPV6, a, 16);
	o = runj(&b);
	CHECK_STR(jstr(o, "attrs.mac"), "0a:01:02:03:de:ad");
	CHECK_STR(jstr(o, "attrs.ipv4"), "10.1.2.3");
	CHECK_STR(jstr(o, "attrs.ipv6"), "a01:203:dead:beef::1");
	CHECK_EQ(nmal(o), 0);
	json_decref(o);

	b.n = 0;
	tb_attr(&b, A_IPV4, a, 3);
	tb_attr(&b, A_IPV4, a, 5);
	tb_attr(&b, A_IPV6, a, 15);
	o = runj(&b);
	CHECK_EQ(nmal(o), 3);
	json_decref(o);

	/* MAC of a declared length: below, at, above; any length without one */
	b.n = 0;
	tb_attr(&b, A_MAC6, a, 5);
	tb_attr(&b, A_MAC6, a, 6);
	tb_attr(&b, A_MAC6, a, 7);
	tb_attr(&b, A_MAC, a, 8);
	tb_attr(&b, A_MAC, a, 0);
	o = runj(&b);
	CHECK_EQ(nmal(o), 2);
	CHECK_STR(jstr(o, "attrs.mac6.1"), "0a:01:02:03:de:ad");
	CHECK_STR(jstr(o, "attrs.mac.0"), "0a:01:02:03:de:ad:be:ef");
	json_decref(o);
	/* an address cut by the capture */
	b.n = 0;
	tb_attr(&b, A_IPV6, a, 16);
	o = runj_af(&all_set, &b, 12, -1);
	CHECK_EQ(nmal(o), 0);
	CHECK(ntrunc(o) >= 1);
	json_decref(o);

	/* ADDR by family, then by length */
	b.n = 0;
	tb_attr(&b, A_ADDR, a, 4);
	o = runj_af(&all_set, &b, b.n, 2);
	CHECK_STR(jstr(o, "attrs.addr"), "10.1.2.3");
	json_decref(o);
	b.n = 0;
	tb_attr(&b, A_ADDR, a, 16);
	o = runj_af(&all_set, &b, b.n, 10);
	CHECK_STR(jstr(o, "attrs.addr"), "a01:203:dead:beef::1");
	json_decref(o);
	o = runj_af(&all_set, &b, b.n, -1);
	CHECK_STR(jstr(o, "attrs.addr"), "a01:203:dead:beef::1");
	json_decref(o);
	b.n = 0;
	tb_attr(&b, A_ADDR, a, 6);
	o = runj_af(&all_set, &b, b.n, 2);	/* 6 bytes for AF_INET */
	CHECK_EQ(nmal(o), 1);
	json_decref(o);
	o = runj_af(&all_set, &b, b.n, 7);	/* other family: link-layer */
	CHECK_STR(jstr(o, "attrs.addr"), "0a:01:02:03:de:ad");
	CHECK_EQ(nmal(o), 0);
	json_decref(o);
}

static void test_enums_bits(void)
{
	struct tb b = { .n = 0 };
	json_t *o;
	uint8_t e1 = 1, e2 = 2;
	uint32_t bits = 0x1 | 0x8 | 0x100;
	uint32_t bf[3] = { 0x1, 0x3, 0 };

	tb_attr(&b, A_ENUM, &e1, 1);
	tb_attr(&b, A_BITS, &bits, 4);
	tb_attr(&b, A_BF32, bf, 8);
	o = runj(&b);
	CHECK_STR(jstr(o, "attrs.enum"), "green");
	CHECK_STR(jstr(o, "attrs.bits.0"), "up");
	CHECK_STR(jstr(o, "attrs.bits.1"), "loopback");
	CHECK_STR(jstr(o, "attrs.bits.2"), "0x100");
	CHECK_STR(jstr(o, "attrs.bf32.value.0"), "up");
	CHECK_STR(jstr(o, "attrs.bf32.selector.1"), "broadcast");
	CHECK_EQ(nmal(o), 0);
	json_decref(o);

	/* a value without a name: the number */
	b.n = 0;
	tb_attr(&b, A_ENUM, &e2, 1);
	o = runj(&b);
	CHECK_EQ(jint(o, "attrs.enum"), 2);
	json_decref(o);

	/* text tree shows the names too */
	b.n = 0;
	tb_attr(&b, A_ENUM, &e1, 1);
	tb_attr(&b, A_BITS, &bits, 4);
	char *t = run(EMIT_TREE, &all_set, b.p, b.n, b.n, -1);
	CHECK(strstr(t, "green") != NULL);
	CHECK(strstr(t, "loopback") != NULL);
	free(t);

	/* bitfield32 of the wrong length */
	b.n = 0;
	tb_attr(&b, A_BF32, bf, 4);
	tb_attr(&b, A_BF32, bf, 12);
	o = runj(&b);
	CHECK_EQ(nmal(o), 2);
	json_decref(o);
}

static void test_struct(void)
{
	struct tb b = { .n = 0 };
	json_t *o;
	const uint8_t s[12] = { 1, 0, 2, 0, 3, 0, 0, 0, 0xaa, 0xbb, 0xcc, 0xdd };

	tb_attr(&b, A_STRUCT, s, 8);
	o = runj(&b);
	CHECK_EQ(jint(o, "attrs.struct.a"), 1);
	CHECK_EQ(jint(o, "attrs.struct.b"), 2);
	CHECK_EQ(jint(o, "attrs.struct.c"), 3);
	CHECK(jget(o, "attrs.struct.extra") == NULL);
	CHECK_EQ(nmal(o), 0);
	json_decref(o);

	b.n = 0;
	tb_attr(&b, A_STRUCT, s, 6);
	o = runj(&b);
	CHECK_EQ(nmal(o), 1);
	CHECK(json_is_string(jget(o, "attrs.struct")));
	json_decref(o);

	b.n = 0;
	tb_attr(&b, A_STRUCT, s, 12);
	o = runj(&b);
	CHECK_EQ(nmal(o), 0);
	CHECK_EQ(jint(o, "attrs.struct.c"), 3);
	CHECK_STR(jstr(o, "attrs.struct.extra"), "aabbccdd");
	json_decref(o);

	/* cut by the capture */
	b.n = 0;
	tb_attr(&b, A_STRUCT, s, 8);
	o = runj_af(&all_set, &b, 9, -1);
	CHECK_EQ(nmal(o), 0);
	CHECK(ntrunc(o) >= 1);
	json_decref(o);
}

static void test_cb(void)
{
	struct tb b = { .n = 0 };
	json_t *o;

	tb_attr_u32(&b, A_CB, 21);
	o = runj(&b);
	CHECK_EQ(jint(o, "attrs.cb"), 42);
	CHECK_EQ(nmal(o), 0);
	json_decref(o);

	b.n = 0;
	tb_attr(&b, A_CB, "\x01\x02", 2);	/* callback refuses: hex */
	o = runj(&b);
	CHECK_STR(jstr(o, "attrs.cb"), "0102");
	json_decref(o);

	b.n = 0;
	tb_attr_u32(&b, A_CBG, 1);		/* callback overreads: reported */
	o = runj(&b);
	CHECK_EQ(nmal(o), 1);
	json_decref(o);
}

static void test_nested(void)
{
	struct tb b = { .n = 0 };
	json_t *o;

	size_t n1 = tb_nest(&b, A_NEST | 0x8000);	/* NLA_F_NESTED set */
	tb_attr_u32(&b, 1, 7);
	tb_attr(&b, 2, "in", 3);
	tb_nest_end(&b, n1);
	size_t a = tb_nest(&b, A_ARRAY);
	for (uint16_t i = 1; i <= 3; i++) {
		size_t el = tb_nest(&b, i);
		tb_attr_u32(&b, 1, 100u + i);
		tb_nest_end(&b, el);
	}
	tb_nest_end(&b, a);
	o = runj(&b);
	CHECK_EQ(jint(o, "attrs.nest.x"), 7);
	CHECK_STR(jstr(o, "attrs.nest.y"), "in");
	json_t *arr = jget(o, "attrs.array");
	CHECK(json_is_array(arr) && json_array_size(arr) == 3);
	char *dump = json_dumps(arr, JSON_COMPACT);
	CHECK(dump && strstr(dump, "101") && strstr(dump, "103"));
	CHECK(dump && strstr(dump, "101") < strstr(dump, "103"));
	free(dump);
	CHECK_EQ(nmal(o), 0);
	json_decref(o);

	/* unknown attribute with NLA_F_NESTED: walked as a nest of unknowns */
	b.n = 0;
	n1 = tb_nest(&b, 900 | 0x8000);
	tb_attr_u32(&b, 5, 9);
	tb_nest_end(&b, n1);
	o = runj(&b);
	CHECK_EQ(jint(o, "attrs.unknown_900.unknown_5.type"), 5);
	CHECK_STR(jstr(o, "attrs.unknown_900.unknown_5.hex"), "09000000");
	json_decref(o);

	/* a bad array element */
	b.n = 0;
	a = tb_nest(&b, A_ARRAY);
	tb_u16(&b, 2);
	tb_u16(&b, 1);
	tb_nest_end(&b, a);
	o = runj(&b);
	CHECK_EQ(nmal(o), 1);
	json_decref(o);

	/* a nest cut by the capture: truncated inside, nothing malformed */
	b.n = 0;
	n1 = tb_nest(&b, A_NEST);
	tb_attr_u32(&b, 1, 7);
	tb_attr(&b, 2, "abcdefgh", 9);
	tb_nest_end(&b, n1);
	o = runj_af(&all_set, &b, 20, -1);
	CHECK_EQ(jint(o, "attrs.nest.x"), 7);
	CHECK_EQ(nmal(o), 0);
	CHECK(ntrunc(o) >= 1);
	json_decref(o);

	/* an array cut by the capture */
	b.n = 0;
	a = tb_nest(&b, A_ARRAY);
	for (uint16_t i = 1; i <= 3; i++) {
		size_t el = tb_nest(&b, i);
		tb_attr_u32(&b, 1, 100u + i);
		tb_nest_end(&b, el);
	}
	tb_nest_end(&b, a);
	o = runj_af(&all_set, &b, b.n - 6, -1);
	CHECK_EQ(nmal(o), 0);
	CHECK(ntrunc(o) >= 1);
	json_decref(o);
}

static void test_depth(void)
{
	for (int depth = 9; depth <= 40; depth += 31) {
		struct tb b = { .n = 0 };
		size_t at[64];

		for (int i = 0; i < depth; i++)
			at[i] = tb_nest(&b, (uint16_t)((depth - 1 - i) % 2 ? 3 : 1));
		tb_attr_u32(&b, 2, 1);
		for (int i = depth - 1; i >= 0; i--)
			tb_nest_end(&b, at[i]);
		json_t *o = runj_af(&rec_set, &b, b.n, -1);
		if (depth < NL_MAX_DEPTH)
			CHECK_EQ(nmal(o), 0);
		else
			CHECK(reason_has(o, "malformed", "nesting deeper"));
		json_decref(o);
		for (int m = 0; m < 2; m++) {
			char *t = run(m ? EMIT_TREE : EMIT_LINE, &rec_set, b.p, b.n, b.n, -1);
			CHECK(t && *t);
			free(t);
		}
	}

	/* exactly 12 deep through NESTED only */
	struct tb b = { .n = 0 };
	size_t at[12];
	for (int i = 0; i < 12; i++)
		at[i] = tb_nest(&b, 1);
	tb_attr_u32(&b, 2, 1);
	for (int i = 11; i >= 0; i--)
		tb_nest_end(&b, at[i]);
	json_t *o = runj_af(&rec_set, &b, b.n, -1);
	CHECK(reason_has(o, "malformed", "nesting deeper"));
	CHECK_EQ(nmal(o), 1);
	json_decref(o);

	/* unknown NLA_F_NESTED attributes, 40 deep */
	b.n = 0;
	size_t at2[40];
	for (int i = 0; i < 40; i++)
		at2[i] = tb_nest(&b, 0x8000 | 77);
	for (int i = 39; i >= 0; i--)
		tb_nest_end(&b, at2[i]);
	o = runj_af(NULL, &b, b.n, -1);
	CHECK(json_object_size(o) > 0);
	json_decref(o);
}

static void test_dups_unknown(void)
{
	struct tb b = { .n = 0 };
	json_t *o;

	tb_attr_u32(&b, A_U32, 1);
	tb_attr_u32(&b, A_U32, 2);
	tb_attr_u32(&b, A_U32, 3);
	tb_attr(&b, 999, "\xde\xad", 2);
	o = runj(&b);
	CHECK_EQ(jint(o, "attrs.u32.0"), 1);
	CHECK_EQ(jint(o, "attrs.u32.1"), 2);
	CHECK_EQ(jint(o, "attrs.u32.2"), 3);
	CHECK(json_array_size(json_object_get(o, "duplicates")) == 1);
	CHECK_STR(jstr(o, "duplicates.0"), "attrs.u32");
	CHECK_EQ(jint(o, "attrs.unknown_999.type"), 999);
	CHECK_EQ(jint(o, "attrs.unknown_999.len"), 6);
	CHECK_STR(jstr(o, "attrs.unknown_999.hex"), "dead");
	CHECK_EQ(nmal(o), 0);
	json_decref(o);

	/* a NULL set: everything unknown */
	o = runj_af(NULL, &b, b.n, -1);
	CHECK_EQ(jint(o, "attrs.unknown_3.0.type"), 3);
	json_decref(o);
}

/* A repeated attribute of every shape is one array with one element per
 * occurrence: a struct's fields stay together in one object (they came out
 * as one element per field), a nest is one object, a scalar one value. */
static void test_dups_shapes(void)
{
	struct tb b = { .n = 0 };
	const uint8_t s1[8] = { 1, 0, 2, 0, 3, 0, 0, 0 };
	const uint8_t s2[8] = { 4, 0, 5, 0, 6, 0, 0, 0 };
	const uint8_t bf[8] = { 1, 0, 0, 0, 9, 0, 0, 0 };

	tb_attr(&b, A_STRUCT, s1, 8);
	tb_attr_u32(&b, A_U32, 7);
	tb_attr(&b, A_STRUCT, s2, 8);
	for (uint32_t i = 1; i <= 2; i++) {
		size_t n = tb_nest(&b, A_NEST);
		tb_attr_u32(&b, 1, 10 * i);
		tb_attr(&b, 2, i == 1 ? "p" : "q", 2);
		tb_nest_end(&b, n);
		tb_attr(&b, A_BF32, bf, 8);
		tb_attr_u32(&b, A_CB, i);
		tb_attr(&b, A_IPV4, i == 1 ? "\xc0\x00\x02\x01" : "\xc0\x00\x02\x02", 4);
	}
	json_t *o = runj(&b);
	json_t *arr = jget(o, "attrs.struct");
	CHECK(json_is_array(arr) && json_array_size(arr) == 2);
	CHECK(json_is_object(jget(o, "attrs.struct.0")));
	CHECK_EQ(json_object_size(jget(o, "attrs.struct.0")), 3);
	CHECK_EQ(jint(o, "attrs.struct.0.a"), 1);
	CHECK_EQ(jint(o, "attrs.struct.0.b"), 2);
	CHECK_EQ(jint(o, "attrs.struct.0.c"), 3);
	CHECK_EQ(jint(o, "attrs.struct.1.a"), 4);
	CHECK_EQ(jint(o, "attrs.struct.1.c"), 6);
	CHECK_EQ(jint(o, "attrs.u32"), 7);
	CHECK(json_array_size(jget(o, "attrs.nest")) == 2);
	CHECK_EQ(jint(o, "attrs.nest.0.x"), 10);
	CHECK_STR(jstr(o, "attrs.nest.1.y"), "q");
	CHECK(json_array_size(jget(o, "attrs.bf32")) == 2);
	CHECK_STR(jstr(o, "attrs.bf32.1.value.0"), "up");
	CHECK(json_array_size(jget(o, "attrs.cb")) == 2);
	CHECK_EQ(jint(o, "attrs.cb.1"), 4);
	CHECK_STR(jstr(o, "attrs.ipv4.1"), "192.0.2.2");
	CHECK_EQ(json_array_size(json_object_get(o, "duplicates")), 5);
	CHECK_EQ(nmal(o), 0);
	json_decref(o);

	/* a repeated struct too short: its hex is the one element */
	b.n = 0;
	tb_attr(&b, A_STRUCT, s1, 8);
	tb_attr(&b, A_STRUCT, s2, 6);
	o = runj(&b);
	CHECK(json_array_size(jget(o, "attrs.struct")) == 2);
	CHECK_EQ(jint(o, "attrs.struct.0.c"), 3);
	CHECK_STR(jstr(o, "attrs.struct.1"), "040005000600");
	CHECK_EQ(nmal(o), 1);
	json_decref(o);

	/* -v shows each occurrence under its own name, fields together */
	b.n = 0;
	tb_attr(&b, A_STRUCT, s1, 8);
	tb_attr(&b, A_STRUCT, s2, 8);
	char *t = run(EMIT_TREE, &all_set, b.p, b.n, b.n, -1);
	CHECK(t && strstr(t, "struct: a 1 b 2 c 3\n"));
	CHECK(t && strstr(t, "struct: a 4 b 5 c 6\n"));
	free(t);
}

/* Every kind with a valid payload, the capture cut at every byte of it:
 * a truncated marker, never a malformed one. */
static void test_cut_everywhere(void)
{
	static const struct { uint16_t type; unsigned len; } k[] = {
		{ A_U8, 1 }, { A_U16, 2 }, { A_U32, 4 }, { A_U64, 8 }, { A_S8, 1 },
		{ A_S16, 2 }, { A_S32, 4 }, { A_S64, 8 }, { A_BE16, 2 }, { A_BE32, 4 },
		{ A_BE64, 8 }, { A_UINT, 4 }, { A_SINT, 8 }, { A_STRING, 6 },
		{ A_NULSTR, 5 }, { A_BF32, 8 }, { A_MAC, 6 }, { A_IPV4, 4 },
		{ A_IPV6, 16 }, { A_ADDR, 16 }, { A_STRUCT, 8 }, { A_CB, 4 },
		{ A_PAD, 4 }, { A_BIN4, 4 }, { A_BIN, 5 }, { A_ENUM, 1 }, { A_BITS, 4 },
		{ A_HEX, 4 }, { A_STR4, 4 }, { A_SUM, 4 }, { A_MAC6, 6 }, { 999, 5 },
	};
	const uint8_t v[16] = "abcd\0fghijklmno";

	for (size_t i = 0; i < ARRAY_SIZE(k); i++) {
		struct tb b = { .n = 0 };
		tb_attr(&b, k[i].type, v, k[i].len);
		json_t *o = runj(&b);
		if (nmal(o) != 0) {
			fprintf(stderr, "  type %u: whole payload malformed\n", k[i].type);
			t_fails++;
		}
		json_decref(o);
		for (size_t cut = 4; cut < 4 + k[i].len; cut++) {
			o = runj_af(&all_set, &b, cut, 2);
			if (nmal(o) != 0 || ntrunc(o) < 1) {
				fprintf(stderr, "  type %u cut at %zu: %zu malformed, %zu truncated\n",
					k[i].type, cut, nmal(o), ntrunc(o));
				t_fails++;
			}
			json_decref(o);
		}
	}
}

static void test_lengths(void)
{
	struct tb b = { .n = 0 };
	json_t *o;

	/* nla_len < 4 */
	tb_attr_u32(&b, A_U32, 5);
	tb_u16(&b, 2);
	tb_u16(&b, A_U32);
	tb_u32(&b, 0);
	o = runj(&b);
	CHECK_EQ(jint(o, "attrs.u32"), 5);
	CHECK(reason_has(o, "malformed", "< 4"));
	json_decref(o);

	/* nla_len past the end */
	b.n = 0;
	tb_u16(&b, 40);
	tb_u16(&b, A_BIN);
	tb_u32(&b, 0x11223344);
	o = runj(&b);
	CHECK(reason_has(o, "malformed", "only"));
	CHECK_STR(jstr(o, "attrs.bin"), "44332211");
	json_decref(o);

	/* fewer than 4 bytes left */
	b.n = 0;
	tb_attr_u32(&b, A_U32, 5);
	tb_u16(&b, 1);
	o = runj(&b);
	CHECK(reason_has(o, "malformed", "too short"));
	json_decref(o);

	/* missing final padding is not an error */
	b.n = 0;
	tb_attr(&b, A_U8, "\x07", 1);
	b.n = 5;
	o = runj(&b);
	CHECK_EQ(jint(o, "attrs.u8"), 7);
	CHECK_EQ(nmal(o), 0);
	json_decref(o);

	/* the attribute header itself cut by the capture */
	b.n = 0;
	tb_attr_u32(&b, A_U32, 5);
	tb_attr_u32(&b, A_U32, 6);
	o = runj_af(&all_set, &b, 10, -1);
	CHECK_EQ(jint(o, "attrs.u32"), 5);
	CHECK_EQ(nmal(o), 0);
	CHECK(ntrunc(o) >= 1);
	json_decref(o);

	/* an empty walk */
	b.n = 0;
	o = runj(&b);
	CHECK_EQ(nmal(o), 0);
	json_decref(o);
}

/* Signed integers as -v text: the digits as printf's %lld writes them,
 * at the ends of the range too. */
static void test_sint_text(void)
{
	static const int64_t vals[] = { 0, 7, -1, -10, INT64_MAX, INT64_MIN, -1234567890123LL };

	for (size_t i = 0; i < ARRAY_SIZE(vals); i++) {
		struct tb b = { .n = 0 };
		uint8_t v[8];
		char want[48];

		for (unsigned j = 0; j < 8; j++)
			v[j] = (uint8_t)((uint64_t)vals[i] >> (8 * j));
		tb_attr(&b, A_S64, v, 8);
		char *t = run(EMIT_TREE, &all_set, b.p, b.n, b.n, -1);
		snprintf(want, sizeof(want), "s64: %lld\n", (long long)vals[i]);
		CHECK(t && strstr(t, want));
		free(t);
	}
}

/* Unsigned integers as -v text (sbuf_u64, two digits at a time): the
 * digits as printf's %llu writes them, around every width change. */
static void test_u64_text(void)
{
	static const uint64_t vals[] = { 0, 9, 10, 99, 100, 101, 999, 1000, 12345,
					 4294967295u, 10000000000000000000u, UINT64_MAX };

	for (size_t i = 0; i < ARRAY_SIZE(vals); i++) {
		struct tb b = { .n = 0 };
		uint8_t v[8];
		char want[48];

		for (unsigned j = 0; j < 8; j++)
			v[j] = (uint8_t)(vals[i] >> (8 * j));
		tb_attr(&b, A_U64, v, 8);
		char *t = run(EMIT_TREE, &all_set, b.p, b.n, b.n, -1);
		snprintf(want, sizeof(want), "u64: %llu\n", (unsigned long long)vals[i]);
		CHECK(t && strstr(t, want));
		free(t);
	}
}

int main(void)
{
	test_ints();
	test_sint_text();
	test_u64_text();
	test_var_ints();
	test_byteorder();
	test_strings();
	test_flag_pad_bin();
	test_addrs();
	test_enums_bits();
	test_struct();
	test_cb();
	test_nested();
	test_depth();
	test_dups_unknown();
	test_dups_shapes();
	test_lengths();
	test_cut_everywhere();
	return t_done("test_attr");
}
