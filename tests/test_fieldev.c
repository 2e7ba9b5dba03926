/* test_fieldev.c - field events (src/fieldev.h) through nl_decode_frame()
 * on crafted frames: every path is a field of the registry, every span is
 * inside its message, the events do not depend on the output mode, and
 * an extended ACK's offset is named by the request's field
 * (error.ext_ack.offs_path). */
#include "tb.h"

#include "dissect.h"
#include "fields.h"
#include "nlcore.h"
#include "state.h"

#define RTM_NEWLINK 16
#define NLMSG_ERROR 2
#define F_REQ_ACK_EXCL_CREATE 0x605
#define F_CAPPED 0x100
#define F_ACK_TLVS 0x200

struct ev {
	char path[160];
	char kind[24];
	size_t off, len;
	unsigned hdr, depth;
	uint64_t u;
};

struct rec {
	struct nl_fsink fs;
	struct ev v[256];
	unsigned n;
};

static void on_field(void *arg, const struct nl_field_ev *e)
{
	struct rec *r = arg;

	if (r->n == sizeof(r->v) / sizeof(r->v[0]))
		return;
	struct ev *x = &r->v[r->n++];
	snprintf(x->path, sizeof(x->path), "%.*s", (int)e->pathlen, e->path);
	snprintf(x->kind, sizeof(x->kind), "%s", e->kind);
	x->off = e->off;
	x->len = e->len;
	x->hdr = e->hdr;
	x->depth = e->depth;
	x->u = e->u;
}

static struct nlstate st;

/* Decode a frame of proto 0 in mode, with r as the sink (or none); the
 * output, which the caller frees. */
static char *decode(const struct tb *b, enum emit_mode mode, struct rec *r)
{
	struct nl_frame fr = { .no = 1, .proto = 0, .data = t_guard(b->p, b->n),
			       .len = (uint32_t)b->n, .caplen = (uint32_t)b->n };

	if (r) {
		memset(r, 0, sizeof(*r));
		r->fs.field = on_field;
		r->fs.arg = r;
	}
	st.fs = r ? &r->fs : NULL;
	char *out = tb_decode(&st, NLT_NONE, mode, &fr);
	st.fs = NULL;
	return out;
}

/* RTM_NEWLINK: ifinfomsg (16..32), IFLA_IFNAME "vlan5" (header at 32),
 * IFLA_LINK 2 (44), IFLA_LINKINFO (52) {IFLA_INFO_KIND "vlan" (56),
 * IFLA_INFO_DATA (68) {IFLA_VLAN_ID 5000 (header at 72)}}, and two
 * IFLA_ALT_IFNAME and two IFLA_ADDRESS (repeated; an address is a callback
 * that hands its payload to the engine) */
static void newlink(struct tb *b)
{
	static const uint8_t ifi[16] = { 0 };
	size_t m = tb_msg(b, RTM_NEWLINK, F_REQ_ACK_EXCL_CREATE, 1, 0);

	tb_put(b, ifi, sizeof(ifi));
	tb_attr(b, 3, "vlan5", 6);
	tb_attr_u32(b, 5, 2);
	size_t li = tb_nest(b, 18);
	tb_attr(b, 1, "vlan", 5);
	size_t data = tb_nest(b, 2);
	tb_u16(b, 6);
	tb_u16(b, 1);
	tb_u16(b, 5000);
	tb_pad(b);
	tb_nest_end(b, data);
	tb_nest_end(b, li);
	tb_attr(b, 53, "alt-one", 8);
	tb_attr(b, 53, "alt-two", 8);
	tb_attr(b, 1, "\x02\x00\x00\x00\x00\x01", 6);
	tb_attr(b, 1, "\x02\x00\x00\x00\x00\x02", 6);
	tb_msg_end(b, m);
}

/* NLMSG_ERROR -EINVAL echoing b's message (whole, or its header with
 * NLM_F_CAPPED), with NLMSGERR_ATTR_MSG and NLMSGERR_ATTR_OFFS offs */
static void error_for(struct tb *out, const struct tb *req, uint32_t offs, bool capped)
{
	size_t m = tb_msg(out, NLMSG_ERROR, F_ACK_TLVS | (capped ? F_CAPPED : 0), 1, 99);

	tb_u32(out, (uint32_t)-22);
	tb_put(out, req->p, capped ? 16 : req->n);
	tb_attr(out, 1, "bad id", 7);
	tb_attr_u32(out, 2, offs);
	tb_msg_end(out, m);
}

/* An ERROR for req with the extended ACK's MISS_TYPE (type), MISS_NEST
 * (nest; UINT32_MAX: none) and, when pol, a POLICY nest (u16, 0..4094). */
static void error_miss(struct tb *out, const struct tb *req, uint32_t type, uint32_t nest,
		       bool pol)
{
	size_t m = tb_msg(out, NLMSG_ERROR, F_ACK_TLVS, 1, 99);

	tb_u32(out, (uint32_t)-22);
	tb_put(out, req->p, req->n);
	tb_attr_u32(out, 5, type);
	if (nest != UINT32_MAX)
		tb_attr_u32(out, 6, nest);
	if (pol) {
		static const uint8_t u0[8] = { 0 }, u4094[8] = { 0xfe, 0x0f };
		size_t p = tb_nest(out, 4);
		tb_attr_u32(out, 1, 3);	/* NL_ATTR_TYPE_U16 */
		tb_attr(out, 4, u0, 8);
		tb_attr(out, 5, u4094, 8);
		tb_nest_end(out, p);
	}
	tb_msg_end(out, m);
}

/* The one-line summary of err holds want. */
static void check_line(const struct tb *err, const char *want)
{
	char *line = decode(err, EMIT_LINE, NULL);
	CHECK(line && strstr(line, want));
	if (!(line && strstr(line, want)))
		fprintf(stderr, "  got: %s\n  want: %s\n", line ? line : "(null)", want);
	free(line);
}

static const struct ev *find(const struct rec *r, const char *path)
{
	for (unsigned i = 0; i < r->n; i++)
		if (!strcmp(r->v[i].path, path))
			return &r->v[i];
	return NULL;
}

static unsigned count(const struct rec *r, const char *path)
{
	unsigned n = 0;
	for (unsigned i = 0; i < r->n; i++)
		n += !strcmp(r->v[i].path, path);
	return n;
}

/* every path is a registry field; every span inside the message */
static void check_events(const struct rec *r, size_t msglen)
{
	CHECK(r->n > 10);
	for (unsigned i = 0; i < r->n; i++) {
		const struct ev *x = &r->v[i];
		if (!field_lookup("route", x->path))
			fprintf(stderr, "not a field: %s\n", x->path);
		CHECK(field_lookup("route", x->path) != NULL);
		CHECK(x->off >= x->hdr && x->off + x->len <= msglen);
	}
}

/* The offs_path of the JSON message in out, or NULL. */
static char *offs_path(const char *out)
{
	json_t *arr = t_parse_lines(out);
	json_t *m = arr ? json_array_get(arr, 0) : NULL;
	json_t *p = json_object_get(json_object_get(json_object_get(m, "error"), "ext_ack"),
				    "offs_path");
	char *s = json_is_string(p) ? strdup(json_string_value(p)) : NULL;
	json_decref(arr);
	return s;
}

static void check_pin(const struct tb *req, uint32_t offs, bool capped, const char *want)
{
	struct tb b = { .n = 0 };
	static struct rec r;

	error_for(&b, req, offs, capped);
	/* without a sink (JSON), and with one */
	char *out = decode(&b, EMIT_JSON, NULL);
	char *got = offs_path(out);
	if (want)
		CHECK_STR(got, want);
	else
		CHECK(!got);
	free(got);
	free(out);
	out = decode(&b, EMIT_COUNT, &r);
	const struct ev *x = find(&r, "error.ext_ack.offs_path");
	CHECK(want ? x != NULL : x == NULL);
	check_events(&r, b.n);
	free(out);
}

int main(void)
{
	struct tb req = { .n = 0 }, err = { .n = 0 };
	static struct rec a, b, c;
	const struct ev *x;

	newlink(&req);

	/* the paths, kinds, offsets and lengths of a request */
	free(decode(&req, EMIT_COUNT, &a));
	check_events(&a, req.n);
	x = find(&a, "nlmsg.type");
	CHECK(x && x->off == 4 && x->len == 2 && x->u == RTM_NEWLINK);
	x = find(&a, "ifinfomsg.index");
	CHECK(x && x->off == 20 && x->len == 4 && x->hdr == 0);
	x = find(&a, "attrs.ifname");
	CHECK(x && x->off == 36 && x->len == 6 && x->hdr == 4);
	x = find(&a, "attrs.linkinfo");
	CHECK(x && !strcmp(x->kind, "nest") && x->off == 56 && x->len == 24 && x->hdr == 4);
	/* linkinfo's data: a callback that hands its payload to the engine */
	x = find(&a, "attrs.linkinfo.data.id");
	CHECK(x && !strcmp(x->kind, "u16") && x->off == 76 && x->len == 2 && x->u == 5000 &&
	      x->depth == 3);
	/* a repeated attribute: each occurrence at the same path */
	CHECK_EQ(count(&a, "attrs.alt_ifname"), 2);
	CHECK_EQ(count(&a, "attrs.address"), 2);
	x = find(&a, "attrs.address");
	CHECK(x && !strcmp(x->kind, "mac") && x->len == 6 && x->hdr == 4);
	/* a container comes before its members */
	for (unsigned i = 1; i < a.n; i++) {
		const char *dot = strrchr(a.v[i].path, '.');
		if (!dot)
			continue;
		char parent[160];
		snprintf(parent, sizeof(parent), "%.*s", (int)(dot - a.v[i].path), a.v[i].path);
		const struct ev *p = find(&a, parent);
		CHECK(p && p < &a.v[i]);
	}

	/* the same events whatever the output mode (JSON groups repeats) */
	free(decode(&req, EMIT_JSON, &b));
	free(decode(&req, EMIT_LINE, &c));
	CHECK_EQ(a.n, b.n);
	CHECK_EQ(a.n, c.n);
	for (unsigned i = 0; i < a.n && i < b.n && i < c.n; i++) {
		CHECK_STR(a.v[i].path, b.v[i].path);
		CHECK_STR(a.v[i].path, c.v[i].path);
		CHECK_STR(a.v[i].kind, b.v[i].kind);
		CHECK(a.v[i].off == b.v[i].off && a.v[i].len == c.v[i].len);
	}

	/* the echoed request: its paths under error.request, offsets from the
	 * outer nlmsghdr (the request starts at 20) */
	error_for(&err, &req, 72, false);
	free(decode(&err, EMIT_COUNT, &a));
	check_events(&a, err.n);
	x = find(&a, "error.request");
	CHECK(x && !strcmp(x->kind, "message") && x->off == 20 && x->len == req.n);
	x = find(&a, "error.request.attrs.linkinfo.data.id");
	CHECK(x && x->off == 96);
	x = find(&a, "error.ext_ack.offs_path");
	CHECK(x != NULL);

	/* the offset resolved: an attribute's header, a value's middle, a
	 * fixed header's member; none outside the request or when capped */
	check_pin(&req, 72, false, "attrs.linkinfo.data.id");
	check_pin(&req, 77, false, "attrs.linkinfo.data.id");
	check_pin(&req, 52, false, "attrs.linkinfo");
	check_pin(&req, 21, false, "ifinfomsg.index");
	check_pin(&req, 4, false, "nlmsg.type");
	check_pin(&req, (uint32_t)req.n, false, NULL);
	check_pin(&req, 72, true, NULL);

	/* the one-line summary names it before the message */
	check_line(&err, "(NEWLINK) at attrs.linkinfo.data.id \"bad id\"");
	err.n = 0;
	error_for(&err, &req, (uint32_t)req.n, false);
	char want[64];
	snprintf(want, sizeof(want), "(NEWLINK) at offset %zu \"bad id\"", req.n);
	check_line(&err, want);

	/* a missing attribute named by the request's policy: at the top
	 * level, in a nest (linkinfo.data's header is at 68), unknown there,
	 * in a nest not found; with the policy an attribute broke */
	err.n = 0;
	error_miss(&err, &req, 3, UINT32_MAX, false);
	check_line(&err, "(NEWLINK) missing attrs.ifname");
	free(decode(&err, EMIT_COUNT, &a));
	x = find(&a, "error.ext_ack.miss_path");
	CHECK(x != NULL);
	check_events(&a, err.n);
	char *js = decode(&err, EMIT_JSON, NULL);
	CHECK(js && strstr(js, "\"miss_type\":3,\"miss_path\":\"attrs.ifname\""));
	free(js);
	err.n = 0;
	error_miss(&err, &req, 1, 68, false);
	check_line(&err, "(NEWLINK) missing attrs.linkinfo.data.id");
	err.n = 0;
	error_miss(&err, &req, 99, 68, true);
	check_line(&err, "(NEWLINK) policy u16 max 4094 missing attrs.linkinfo.data.unknown_99");
	err.n = 0;
	error_miss(&err, &req, 1, 70, false);
	check_line(&err, "(NEWLINK) missing type 1 in the nest at offset 70");

	fields_free();
	return t_done("test_fieldev");
}
