/* test_ynl_values.c - values the spec families' hooks read by another
 * attribute or lay out themselves (dissectors/ynl_*.c): devlink's values
 * typed by a var-attr-type (a sibling, the last one before the value, or
 * one in an enclosing set), an IPVS address by its family, the NET_DM
 * summary alert's struct with its drop points (a count that disagrees with
 * the length, bytes left over, too short); and the JSON duplicates note
 * left out for an attribute meant to repeat (NLAF_MULTI). */
#include "tb.h"
#include "ynl.h"

static struct nlstate st;

static json_t *walk(const struct nl_attr_set *set, const struct tb *b)
{
	return t_one_object(tb_walk(&st, EMIT_JSON, set, b->p, b->n, b->n, -1));
}

static size_t nmal(json_t *o) { return json_array_size(json_object_get(o, "malformed")); }

/* devlink: data typed by "type" (u8: DEVLINK_VAR_ATTR_TYPE_*) */
static const struct ynl_typed by_type = { "type", false };
static const struct nl_attr_pol typed_inner_attrs[] = {
	[1] = { "data", NLA_KIND_CB, .cb = ynl_devlink_typed_cb, .cbdata = &by_type },
};
static const struct nl_attr_set typed_inner = NL_ATTR_SET("inner", typed_inner_attrs);
static const struct nl_attr_pol typed_attrs[] = {
	[1] = { "type", NLA_KIND_U8 },
	[2] = { "data", NLA_KIND_CB, .cb = ynl_devlink_typed_cb, .cbdata = &by_type },
	[3] = { "inner", NLA_KIND_NESTED, .nest = &typed_inner },
};
static const struct nl_attr_set typed_set = NL_ATTR_SET("typed", typed_attrs);

static void test_typed(void)
{
	struct tb b = { .n = 0 };
	uint8_t t;
	json_t *o;

	/* pairs in one set: each data by the type before it */
	t = 3;
	tb_attr(&b, 1, &t, 1);
	tb_attr_u32(&b, 2, 32);
	t = 5;
	tb_attr(&b, 1, &t, 1);
	tb_attr(&b, 2, "max\0", 4);
	t = 6;
	tb_attr(&b, 1, &t, 1);
	tb_attr(&b, 2, NULL, 0);
	o = walk(&typed_set, &b);
	CHECK_EQ(jint(o, "attrs.data.0"), 32);
	CHECK_STR(jstr(o, "attrs.data.1"), "max");
	CHECK(json_is_true(jget(o, "attrs.data.2")));
	CHECK_EQ(nmal(o), 0);
	json_decref(o);

	/* in a nest: the type of the enclosing set; a width that does not
	 * fit the type shows the bytes */
	b.n = 0;
	t = 2;
	tb_attr(&b, 1, &t, 1);
	size_t at = tb_nest(&b, 3);
	uint16_t v = 7;
	tb_attr(&b, 1, &v, 2);
	tb_nest_end(&b, at);
	o = walk(&typed_set, &b);
	CHECK_EQ(jint(o, "attrs.inner.data"), 7);
	json_decref(o);
	b.n = 0;
	t = 2;
	tb_attr(&b, 1, &t, 1);
	tb_attr_u32(&b, 2, 7);
	o = walk(&typed_set, &b);
	CHECK_STR(jstr(o, "attrs.data"), "07000000");
	json_decref(o);

	/* no type at all: the bytes */
	b.n = 0;
	tb_attr_u32(&b, 2, 7);
	o = walk(&typed_set, &b);
	CHECK_STR(jstr(o, "attrs.data"), "07000000");
	json_decref(o);
}

/* IPVS: addr by af (u16) */
static const struct nl_attr_pol svc_attrs[] = {
	[1] = { "af", NLA_KIND_U16 },
	[2] = { "addr", NLA_KIND_CB, .cb = ynl_addr_by_af_cb, .cbdata = "af" },
};
static const struct nl_attr_set svc_set = NL_ATTR_SET("svc", svc_attrs);

static void test_addr_by_af(void)
{
	const uint8_t a[16] = { 192, 0, 2, 10 };
	const uint8_t a6[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 0x10 };
	struct tb b = { .n = 0 };
	uint16_t af = 2;
	json_t *o;

	tb_attr(&b, 2, a, 16);	/* the family after the address: found too */
	tb_attr(&b, 1, &af, 2);
	o = walk(&svc_set, &b);
	CHECK_STR(jstr(o, "attrs.addr"), "192.0.2.10");
	json_decref(o);
	b.n = 0;
	af = 10;
	tb_attr(&b, 1, &af, 2);
	tb_attr(&b, 2, a6, 16);
	o = walk(&svc_set, &b);
	CHECK_STR(jstr(o, "attrs.addr"), "2001:db8::10");
	json_decref(o);
	b.n = 0;	/* no family: by the length, as before */
	tb_attr(&b, 2, a, 16);
	o = walk(&svc_set, &b);
	CHECK_STR(jstr(o, "attrs.addr"), "c000:20a::");
	json_decref(o);
}

/* NET_DM: struct net_dm_alert_msg in attribute 0 */
static const struct nl_attr_pol alert_attrs[] = {
	[0] = { "alert-msg", NLA_KIND_CB, .cb = ynl_netdm_alert_cb },
};
static const struct nl_attr_set alert_set = NL_ATTR_SET("alert", alert_attrs);

static void alert(struct tb *b, uint32_t entries, unsigned points, size_t extra)
{
	struct tb p = { .n = 0 };

	tb_u32(&p, entries);
	for (unsigned i = 0; i < points; i++) {
		tb_u32(&p, 0x818bcae2 + i);	/* pc: a u64 in host order */
		tb_u32(&p, 0xffffffff);
		tb_u32(&p, i + 1);		/* count */
	}
	for (size_t i = 0; i < extra; i++)
		tb_u8(&p, 0);
	tb_attr(b, 0, p.p, p.n);
}

static void test_alert(void)
{
	struct tb b = { .n = 0 };
	json_t *o;

	alert(&b, 2, 2, 0);
	o = walk(&alert_set, &b);
	CHECK_EQ(jint(o, "attrs.alert-msg.entries"), 2);
	CHECK_EQ(json_array_size(jget(o, "attrs.alert-msg.points")), 2);
	CHECK(json_integer_value(jget(o, "attrs.alert-msg.points.1.pc")) ==
	      (json_int_t)0xffffffff818bcae3ull);
	CHECK_EQ(jint(o, "attrs.alert-msg.points.1.count"), 2);
	CHECK_EQ(nmal(o), 0);
	json_decref(o);

	b.n = 0;	/* says 3, holds 2: shown, marked */
	alert(&b, 3, 2, 0);
	o = walk(&alert_set, &b);
	CHECK_EQ(json_array_size(jget(o, "attrs.alert-msg.points")), 2);
	CHECK_EQ(nmal(o), 1);
	json_decref(o);

	b.n = 0;	/* 2 bytes after the last point */
	alert(&b, 1, 1, 2);
	o = walk(&alert_set, &b);
	CHECK_EQ(json_array_size(jget(o, "attrs.alert-msg.points")), 1);
	CHECK_EQ(nmal(o), 1);
	json_decref(o);

	b.n = 0;	/* too short for entries: the bytes */
	tb_attr(&b, 0, "\x01\x00", 2);
	o = walk(&alert_set, &b);
	CHECK_STR(jstr(o, "attrs.alert-msg"), "0100");
	json_decref(o);
}

/* multi-attr: grouped, not noted */
static const struct nl_attr_pol multi_attrs[] = {
	[1] = { "item", NLA_KIND_U32, NLAF_MULTI },
	[2] = { "other", NLA_KIND_U32 },
};
static const struct nl_attr_set multi_set = NL_ATTR_SET("multi", multi_attrs);

static void test_multi(void)
{
	struct tb b = { .n = 0 };
	json_t *o;

	tb_attr_u32(&b, 1, 1);
	tb_attr_u32(&b, 1, 2);
	tb_attr_u32(&b, 2, 3);
	tb_attr_u32(&b, 2, 4);
	o = walk(&multi_set, &b);
	CHECK_EQ(jint(o, "attrs.item.1"), 2);
	CHECK_EQ(jint(o, "attrs.other.1"), 4);
	json_t *dups = json_object_get(o, "duplicates");
	CHECK_EQ(json_array_size(dups), 1);
	CHECK_STR(json_string_value(json_array_get(dups, 0)), "attrs.other");
	json_decref(o);
}

int main(void)
{
	test_typed();
	test_addr_by_af();
	test_alert();
	test_multi();
	return t_done("test_ynl_values");
}
