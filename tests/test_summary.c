/* test_summary.c - declared summaries (src/summary.c): the walker records
 * the fields a template names (first occurrence, at the message's own
 * level, inside the first occurrence of a parent), the parts render from
 * them; then the link summary through nl_decode_frame on crafted frames. */
#include "tb.h"

#include "dissect.h"
#include "genlmap.h"
#include "nlcore.h"
#include "state.h"

/* ---- the engine on a toy set ---- */

static const struct nl_attr_set toy_set, toy_in_set;
static const char *const toy_state_v[] = { [0] = "off", [1] = "on" };
static const struct nl_names toy_states = NL_NAMES(toy_state_v);

static const struct nl_attr_pol toy_in_attrs[] = {
	[1] = { "what", NLA_KIND_STRING },
};
static const struct nl_attr_set toy_in_set = NL_ATTR_SET("toy_in", toy_in_attrs);
static const struct nl_attr_pol toy_attrs[] = {
	[1] = { "size", NLA_KIND_U32 },
	[2] = { "label", NLA_KIND_NUL_STRING },
	[3] = { "state", NLA_KIND_U8 },
	[4] = { "inner", NLA_KIND_NESTED, .nest = &toy_in_set },
	[5] = { "again", NLA_KIND_NESTED, .nest = &toy_set },
	[6] = { "flag", NLA_KIND_FLAG },
	[7] = { "bits", NLA_KIND_U32 },
	[8] = { "kind", NLA_KIND_U32 },
	[9] = { "delta", NLA_KIND_S32 },
};
static const struct nl_attr_set toy_set = NL_ATTR_SET("toy", toy_attrs);

enum { S_SIZE, S_LABEL, S_STATE, S_INNER, S_WHAT, S_FLAG };
static const struct nl_sum_field toy_fields[] = {
	[S_SIZE] = NL_SUM_ATTR(&toy_set, "size"),
	[S_LABEL] = NL_SUM_ATTR(&toy_set, "label"),
	[S_STATE] = NL_SUM_ATTR(&toy_set, "state"),
	[S_INNER] = NL_SUM_ATTR(&toy_set, "inner"),
	[S_WHAT] = NL_SUM_IN(&toy_in_set, "what", S_INNER),
	[S_FLAG] = NL_SUM_ATTR(&toy_set, "flag"),
};
static const struct nl_sum_part toy_parts[] = {
	NLS_PART(NLS_STR, S_LABEL, " "),
	NLS_PART(NLS_U32, S_SIZE, " size "),
	NLS_NAMES(S_STATE, " state ", &toy_states),
	NLS_PART(NLS_STR, S_WHAT, " what "),
	NLS_PART(NLS_WORD, S_FLAG, " flagged"),
};
static const struct nl_summary toy_summary = NL_SUMMARY(toy_fields, toy_parts);

static struct nlstate st;

/* The output of one message of b (caplen bytes captured) over toy_set
 * with summary sum: recorded by the walk, or by nl_sum_scan (scan); the
 * summary line only unless whole. */
static char *sum_out(const struct nl_summary *sum, enum emit_mode mode, const struct tb *b,
		     size_t caplen, bool numeric, bool scan, bool whole)
{
	char *out = NULL;
	size_t outn = 0;
	FILE *f = open_memstream(&out, &outn);
	struct emitter e;
	struct nl_sum_vals v;

	if (!f)
		exit(2);
	emit_init(&e, mode, f);
	const uint8_t *g = t_guard(b->p, caplen);
	struct dctx d = { .e = &e, .st = &st, .af = -1, .msg_start = 0, .numeric = numeric };
	struct nlc c = nlc_init(g, b->n, caplen);
	emit_msg_begin(&e);
	nl_sum_begin(&v, &st, sum, NULL, c, d.depth + 1);
	if (scan) {
		nl_sum_scan(&v, &toy_set, &c);
		nl_sum_render(&d, &v);
	}
	d.sum = scan ? NULL : &v;
	nla_walk_under(&d, "attrs", &c, &toy_set);
	d.sum = NULL;
	if (!scan)
		nl_sum_render(&d, &v);
	emit_msg_end(&e);
	emit_fini(&e);
	fclose(f);
	if (t_verbose())
		fprintf(stderr, "--- %s", out);
	char *nl = whole ? NULL : strchr(out, '\n');
	if (nl)
		*nl = 0;	/* the summary line only */
	return out;
}

/* the summary line of one walk of b over toy_set */
static char *toy_line(enum emit_mode mode, const struct tb *b, size_t caplen)
{
	return sum_out(&toy_summary, mode, b, caplen, false, false, false);
}

static void expect_line(const struct tb *b, size_t caplen, const char *want)
{
	char *s = toy_line(EMIT_LINE, b, caplen);
	char *t = toy_line(EMIT_TREE, b, caplen);
	char *q = sum_out(&toy_summary, EMIT_LINE, b, caplen, false, true, false);

	CHECK_STR(s, want);
	CHECK_STR(t, want);	/* -v: the same line */
	CHECK_STR(q, want);	/* the early scan records what the walk does */
	free(s);
	free(t);
	free(q);
}

static void test_engine(void)
{
	struct tb b = { .n = 0 };
	uint8_t one = 1, nine = 9;

	/* parts in the template's order, whatever the attributes' order */
	tb_attr(&b, 3, &one, 1);
	tb_attr_u32(&b, 1, 1500);
	tb_attr(&b, 2, "eth0", 5);
	size_t n = tb_nest(&b, 4);
	tb_attr(&b, 1, "veth", 5);
	tb_nest_end(&b, n);
	expect_line(&b, b.n, " eth0 size 1500 state on what veth");

	/* absent fields: their parts are left out; an unnamed enum value is
	 * a number */
	b.n = 0;
	tb_attr(&b, 3, &nine, 1);
	expect_line(&b, b.n, " state 9");

	/* a word part: its label when the flag is there */
	tb_attr(&b, 6, NULL, 0);
	expect_line(&b, b.n, " state 9 flagged");

	/* the first occurrence wins; the same set nested deeper does not
	 * count; a parent's second occurrence does not either */
	b.n = 0;
	n = tb_nest(&b, 5);
	tb_attr_u32(&b, 1, 7);
	tb_attr(&b, 2, "deep", 5);
	tb_nest_end(&b, n);
	tb_attr_u32(&b, 1, 1500);
	tb_attr_u32(&b, 1, 9000);
	n = tb_nest(&b, 4);
	tb_attr(&b, 2, "x", 2);
	tb_nest_end(&b, n);
	n = tb_nest(&b, 4);
	tb_attr(&b, 1, "second", 7);
	tb_nest_end(&b, n);
	expect_line(&b, b.n, " size 1500");

	/* a value of the wrong size is not shown (the walk marks it) */
	b.n = 0;
	tb_attr(&b, 1, "abc", 3);
	tb_attr(&b, 2, "ok", 3);
	expect_line(&b, b.n, " ok [malformed at +4 attrs: length 3, expected 4]");

	/* cut by the capture: the cut attribute is not shown */
	b.n = 0;
	tb_attr(&b, 2, "name", 5);
	tb_attr_u32(&b, 1, 42);
	expect_line(&b, b.n - 2,
		    " name [truncated at +16 attrs: capture ends: 4 bytes declared, 2 captured]");
}

/* ---- more formatters, text parts and groups, the early scan ---- */

enum { T_DELTA, T_LABEL, T_KIND, T_BITS, T_SIZE, T_INNER, T_WHAT };
static const struct nl_sum_field toy2_fields[] = {
	[T_DELTA] = NL_SUM_ATTR(&toy_set, "delta"),
	[T_LABEL] = NL_SUM_ATTR(&toy_set, "label"),
	[T_KIND] = NL_SUM_ATTR(&toy_set, "kind"),
	[T_BITS] = NL_SUM_ATTR(&toy_set, "bits"),
	[T_SIZE] = NL_SUM_ATTR(&toy_set, "size"),
	[T_INNER] = NL_SUM_ATTR(&toy_set, "inner"),
	[T_WHAT] = NL_SUM_IN(&toy_in_set, "what", T_INNER),
};

/* size=N, with the kind (aux) when there */
static bool size_text(struct dctx *d, const struct nl_sum_vals *v, const struct nl_sum_part *pt,
		      struct sbuf *b)
{
	uint32_t x, k;

	(void)d;
	if (!nl_sum_u32(v, pt->slot, &x))
		return false;
	sbuf_printf(b, "%u", x);
	if (nl_sum_u32(v, pt->aux, &k))
		sbuf_printf(b, "/%u", k);
	return true;
}

/* no slot: always asked; writes, then refuses when the size is 0 or the
 * kind 7 */
static bool always_text(struct dctx *d, const struct nl_sum_vals *v,
			const struct nl_sum_part *pt, struct sbuf *b)
{
	uint32_t x;

	(void)d;
	(void)pt;
	sbuf_puts(b, "always");
	if (nl_sum_u32(v, T_KIND, &x) && x == 7)
		return false;
	return !nl_sum_u32(v, T_SIZE, &x) || x;
}

static bool what_text(struct dctx *d, const struct nl_sum_vals *v, const struct nl_sum_part *pt,
		      struct sbuf *b)
{
	const uint8_t *p;
	size_t n;

	(void)d;
	if (!nl_sum_str(v, pt->slot, &p, &n))
		return false;
	sbuf_escape(b, p, n, 0);
	return true;
}

static const struct nl_sum_part toy2_parts[] = {
	NLS_PART(NLS_S32, T_DELTA, " delta "),
	NLS_PART(NLS_QSTR, T_LABEL, " "),
	NLS_NAMED(NLS_ENUM32, T_KIND, " kind ", &toy_states),
	NLS_NAMED(NLS_FLAGS32, T_BITS, " bits ", &toy_states),
	NLS_TEXT_OF(T_WHAT, -1, " what=", what_text),
	NLS_GROUP(" | ", " + ", "text"),
	NLS_TEXT_OF(T_SIZE, T_KIND, "size=", size_text),
	NLS_TEXT_OF(-1, -1, "", always_text),
	NLS_GROUP_END,
};
static const struct nl_summary toy2_summary = NL_SUMMARY(toy2_fields, toy2_parts);

static void expect2(const struct tb *b, bool numeric, const char *want)
{
	char *s = sum_out(&toy2_summary, EMIT_LINE, b, b->n, numeric, false, false);
	char *t = sum_out(&toy2_summary, EMIT_LINE, b, b->n, numeric, true, false);

	CHECK_STR(s, want);
	CHECK_STR(t, want);	/* the early scan records the same */
	free(s);
	free(t);
}

static void test_formatters(void)
{
	struct tb b = { .n = 0 };

	tb_attr_u32(&b, 9, (uint32_t)-3);
	tb_attr(&b, 2, "br0", 4);
	tb_attr_u32(&b, 8, 1);
	tb_attr_u32(&b, 7, 0x5);
	tb_attr_u32(&b, 1, 1500);
	size_t n = tb_nest(&b, 4);
	tb_attr(&b, 1, "in", 3);
	tb_nest_end(&b, n);
	expect2(&b, false, " delta -3 \"br0\" kind on bits off,0x4 what=in | size=1500/1 + always");
	/* -n: numbers; a flag word in hex */
	expect2(&b, true, " delta -3 \"br0\" kind 1 bits 0x5 what=in | size=1500/1 + always");

	/* the group's text is the member "text" of -v and JSON */
	char *v = sum_out(&toy2_summary, EMIT_TREE, &b, b.n, false, true, true);
	CHECK(strstr(v, "\n  text: size=1500/1 + always\n") != NULL);
	free(v);
	char *j = sum_out(&toy2_summary, EMIT_JSON, &b, b.n, false, true, true);
	CHECK(strstr(j, "\"text\":\"size=1500/1 + always\"") != NULL);
	free(j);

	/* an unnamed kind is a number, no bit is 0; a part refusing is left
	 * out with its separator; a part without a slot is asked anyway */
	b.n = 0;
	tb_attr_u32(&b, 8, 9);
	tb_attr_u32(&b, 7, 0);
	tb_attr_u32(&b, 1, 0);
	expect2(&b, false, " kind 9 bits 0 | size=0/9");
	b.n = 0;
	tb_attr(&b, 2, "x", 2);
	expect2(&b, false, " \"x\" | always");
	/* a group whose parts all refuse is left out, label and all */
	b.n = 0;
	tb_attr_u32(&b, 8, 7);
	expect2(&b, false, " kind 7");
}

/* ---- the link summary through the core ---- */

static char *frame_line(const struct tb *b, enum emit_mode mode)
{
	struct nl_frame fr = { .no = 1, .proto = 0, .dir = NLDIR_UNKNOWN,
			       .data = t_guard(b->p, b->n), .len = (uint32_t)b->n,
			       .caplen = (uint32_t)b->n };
	char *out = tb_decode(&st, NLT_NONE, mode, &fr);
	char *nl = strchr(out, '\n');
	if (nl)
		*nl = 0;
	return out;
}

static void ifinfomsg(struct tb *b, uint16_t type, int32_t idx, uint32_t flags)
{
	tb_u8(b, 0);
	tb_u8(b, 0);
	tb_u16(b, type);
	tb_u32(b, (uint32_t)idx);
	tb_u32(b, flags);
	tb_u32(b, 0);
}

static void test_link(void)
{
	struct tb b = { .n = 0 };
	uint8_t up = 6;
	const uint8_t mac[6] = { 0x52, 0x54, 0, 1, 2, 3 };

	/* a veth whose peer (inside IFLA_LINKINFO's data) has its own mtu
	 * and name: the summary shows the message's own */
	size_t m = tb_msg(&b, 16, 0, 1, 0);
	ifinfomsg(&b, 1, 5, 0x1043);
	tb_attr(&b, 3, "v0", 3);
	tb_attr(&b, 6, "noqueue", 8);
	tb_attr(&b, 16, &up, 1);
	size_t li = tb_nest(&b, 18);
	tb_attr(&b, 1, "veth", 5);
	size_t data = tb_nest(&b, 2);
	size_t peer = tb_nest(&b, 1);
	ifinfomsg(&b, 1, 6, 0);
	tb_attr(&b, 3, "v1", 3);
	tb_attr_u32(&b, 4, 9000);
	tb_nest_end(&b, peer);
	tb_nest_end(&b, data);
	tb_nest_end(&b, li);
	tb_attr(&b, 1, mac, 6);
	tb_msg_end(&b, m);
	char *s = frame_line(&b, EMIT_LINE);
	CHECK_STR(s, "< route NEWLINK seq 1 5: v0 <UP,BROADCAST,RUNNING,MULTICAST> qdisc noqueue "
		     "state UP kind veth link/ether 52:54:00:01:02:03");
	free(s);

	/* a dump request with a bare rtgenmsg: the head only */
	b.n = 0;
	m = tb_msg(&b, 18, 0x301, 2, 0);
	tb_u8(&b, 0);
	tb_pad(&b);
	tb_msg_end(&b, m);
	s = frame_line(&b, EMIT_LINE);
	CHECK_STR(s, "> route GETLINK seq 2 [REQ,DUMP]");
	free(s);
}

int main(void)
{
	st.genl = genl_map_new();
	test_engine();
	test_formatters();
	test_link();
	genl_map_free(st.genl);
	return t_done("test_summary");
}
