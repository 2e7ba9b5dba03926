/* test_nlmsg.c - the nlmsghdr walker and control messages, through
 * nl_decode_frame() on crafted frames and the real emitter (JSON parsed
 * back with jansson; the one-line text checked for its summary). */
#include "tb.h"

#include "dissect.h"
#include "genlmap.h"
#include "nlcore.h"
#include "state.h"

#define F_REQUEST	0x01
#define F_MULTI		0x02
#define F_ACK		0x04
#define F_CAPPED	0x100
#define F_ACK_TLVS	0x200
#define F_DUMP		0x300

#define PROTO_RAW	9	/* audit: no dissector, payloads as hex */
#define PROTO_USERSOCK	2

static struct nlstate st;

/* Decode one frame with time format tf into a string (the caller frees it). */
static char *decode_one(enum nl_time_fmt tf, enum emit_mode mode, const struct nl_frame *fr)
{
	return tb_decode(&st, tf, mode, fr);
}

static char *run_frame(enum emit_mode mode, int proto, int dir, const uint8_t *buf,
		       size_t len, size_t caplen)
{
	struct nl_frame fr = { .no = 1, .sec = 0, .proto = (uint16_t)proto, .dir = (uint8_t)dir,
			       .data = t_guard(buf, caplen), .len = (uint32_t)len,
			       .caplen = (uint32_t)caplen };
	return decode_one(NLT_NONE, mode, &fr);
}

/* The JSON messages of a frame, as an array. */
static json_t *frame_json(int proto, const struct tb *b, size_t caplen)
{
	char *out = run_frame(EMIT_JSON, proto, NLDIR_UNKNOWN, b->p, b->n, caplen);
	json_t *arr = t_parse_lines(out);
	free(out);
	return arr ? arr : json_array();
}

static char *frame_text(int proto, const struct tb *b)
{
	return run_frame(EMIT_LINE, proto, NLDIR_UNKNOWN, b->p, b->n, b->n);
}

/* malformed markers over all messages of a frame */
static size_t nmal(json_t *arr)
{
	size_t i, n = 0;
	json_t *m;
	json_array_foreach(arr, i, m)
		n += json_array_size(json_object_get(m, "malformed"));
	return n;
}

static size_t ntrunc(json_t *arr)
{
	size_t i, n = 0;
	json_t *m;
	json_array_foreach(arr, i, m)
		n += json_array_size(json_object_get(m, "truncated"));
	return n;
}

static bool reason_has(json_t *arr, const char *s)
{
	size_t i, j;
	json_t *m, *p;
	json_array_foreach(arr, i, m) {
		json_array_foreach(json_object_get(m, "malformed"), j, p) {
			const char *r = json_string_value(json_object_get(p, "reason"));
			if (r && strstr(r, s))
				return true;
		}
	}
	return false;
}

static bool has_flag_name(json_t *m, const char *name)
{
	size_t i;
	json_t *v;
	json_array_foreach(jget(m, "nlmsg.flag_names"), i, v)
		if (json_is_string(v) && !strcmp(json_string_value(v), name))
			return true;
	return false;
}

/* ---- cases ---- */

static void test_multi(void)
{
	struct tb b = { .n = 0 };

	for (uint32_t i = 0; i < 3; i++) {
		size_t m = tb_msg(&b, (uint16_t)(20 + i), F_MULTI, 100 + i, 42);
		tb_u32(&b, 0xabcd0000u + i);
		tb_u8(&b, 0x11);	/* unaligned length: padded to the next */
		tb_msg_end(&b, m);
	}
	json_t *a = frame_json(PROTO_RAW, &b, b.n);
	CHECK_EQ(json_array_size(a), 3);
	CHECK_EQ(jint(a, "0.nlmsg.len"), 21);
	CHECK_EQ(jint(a, "0.nlmsg.type"), 20);
	CHECK_EQ(jint(a, "2.nlmsg.type"), 22);
	CHECK_EQ(jint(a, "2.nlmsg.seq"), 102);
	CHECK_EQ(jint(a, "1.nlmsg.pid"), 42);
	CHECK_EQ(jint(a, "1.index"), 1);
	CHECK_EQ(jint(a, "2.index"), 2);
	CHECK_EQ(jint(a, "0.frame"), 1);
	CHECK_STR(jstr(a, "1.dir"), "to_user");
	CHECK(json_is_true(jget(a, "1.dir_inferred")));
	CHECK_STR(jstr(a, "0.proto"), "audit");
	CHECK_STR(jstr(a, "0.payload"), "0000cdab11");
	CHECK_EQ(nmal(a), 0);
	json_decref(a);

	char *t = frame_text(PROTO_RAW, &b);
	size_t lines = 0;
	for (char *s = t; *s; s++)
		lines += *s == '\n';
	CHECK_EQ(lines, 3);
	CHECK(strstr(t, "< audit type 20 seq 100 pid 42 [MULTI]") != NULL);
	free(t);
}

static void test_short_len(void)
{
	struct tb b = { .n = 0 };

	size_t m = tb_msg(&b, 20, F_REQUEST, 1, 0);
	tb_msg_end(&b, m);
	size_t m2 = tb_msg(&b, 20, F_REQUEST, 2, 0);
	tb_u32(&b, 0);
	b.p[m2] = 8;	/* nlmsg_len 8 */
	json_t *a = frame_json(PROTO_RAW, &b, b.n);
	CHECK_EQ(json_array_size(a), 2);
	CHECK(reason_has(a, "nlmsg_len 8 < 16"));
	CHECK_EQ(nmal(a), 1);
	json_decref(a);

	/* fewer than 16 bytes in the frame */
	b.n = 0;
	tb_u32(&b, 12);
	tb_u32(&b, 0x14);
	tb_u8(&b, 1);
	a = frame_json(PROTO_RAW, &b, b.n);
	CHECK_EQ(json_array_size(a), 1);
	CHECK(reason_has(a, "too short for an nlmsghdr"));
	json_decref(a);
}

static void test_oversize(void)
{
	struct tb b = { .n = 0 };

	size_t m = tb_msg(&b, 20, F_REQUEST, 1, 0);
	tb_u32(&b, 0x01020304);
	tb_msg_end(&b, m);
	b.p[m] = 200;	/* nlmsg_len 200 in a 20-byte frame */
	json_t *a = frame_json(PROTO_RAW, &b, b.n);
	CHECK_EQ(json_array_size(a), 1);
	CHECK(reason_has(a, "only 20 bytes left"));
	CHECK_EQ(jint(a, "0.nlmsg.len"), 200);
	CHECK_EQ(ntrunc(a), 0);	/* the capture has all the frame: not truncated */
	json_decref(a);
}

static void test_trailing(void)
{
	struct tb b = { .n = 0 };

	size_t m = tb_msg(&b, 20, 0, 1, 0);
	tb_u32(&b, 7);
	tb_msg_end(&b, m);
	for (int i = 0; i < 12; i++)
		tb_u8(&b, 0);
	json_t *a = frame_json(PROTO_RAW, &b, b.n);
	CHECK_EQ(json_array_size(a), 1);
	CHECK_EQ(jint(a, "0.padding"), 12);
	CHECK_EQ(nmal(a), 0);
	json_decref(a);
	char *t = frame_text(PROTO_RAW, &b);
	CHECK(strstr(t, "(padding 12 bytes)") != NULL);
	CHECK(strstr(t, "malformed") == NULL);
	free(t);

	/* non-zero trailing bytes, too short for a header */
	b.n = 20;
	tb_u32(&b, 0xffffffff);
	tb_u8(&b, 0xff);
	a = frame_json(PROTO_RAW, &b, b.n);
	CHECK_EQ(json_array_size(a), 2);
	CHECK(nmal(a) >= 1);
	CHECK(json_object_get(json_array_get(a, 0), "malformed") == NULL);
	json_decref(a);

	/* non-zero trailing bytes, long enough to be a (bad) header */
	b.n = 20;
	for (int i = 0; i < 20; i++)
		tb_u8(&b, 0xee);
	a = frame_json(PROTO_RAW, &b, b.n);
	CHECK_EQ(json_array_size(a), 2);
	CHECK(nmal(a) >= 1);
	json_decref(a);

	/* a frame of zeros only */
	b.n = 0;
	for (int i = 0; i < 32; i++)
		tb_u8(&b, 0);
	a = frame_json(PROTO_RAW, &b, b.n);
	CHECK_EQ(json_array_size(a), 1);
	CHECK_EQ(nmal(a), 0);
	CHECK_EQ(jint(a, "0.padding"), 32);
	json_decref(a);

	/* an empty frame: no message, no crash */
	b.n = 0;
	a = frame_json(PROTO_RAW, &b, 0);
	CHECK_EQ(json_array_size(a), 0);
	json_decref(a);
}

static void put_echo(struct tb *b, uint32_t len, uint16_t type, uint16_t flags,
		     uint32_t seq)
{
	tb_u32(b, len);
	tb_u16(b, type);
	tb_u16(b, flags);
	tb_u32(b, seq);
	tb_u32(b, 0);
}

static void test_ack(void)
{
	struct tb b = { .n = 0 };

	size_t m = tb_msg(&b, 2, F_CAPPED, 77, 1234);
	tb_u32(&b, 0);
	put_echo(&b, 40, 20, F_REQUEST | F_ACK, 77);
	tb_msg_end(&b, m);
	CHECK_EQ(b.n, 36);
	json_t *a = frame_json(PROTO_RAW, &b, b.n);
	CHECK_EQ(json_array_size(a), 1);
	CHECK_EQ(jint(a, "0.error.code"), 0);
	CHECK_EQ(jint(a, "0.error.request.nlmsg.type"), 20);
	CHECK_EQ(jint(a, "0.error.request.nlmsg.len"), 40);
	CHECK_STR(jstr(a, "0.nlmsg.type"), "ERROR");
	CHECK(has_flag_name(json_array_get(a, 0), "capped"));
	CHECK_STR(jstr(a, "0.dir"), "to_user");
	CHECK_EQ(nmal(a), 0);
	json_decref(a);
	char *t = frame_text(PROTO_RAW, &b);
	CHECK(strstr(t, "< audit ACK seq 77 pid 1234 [CAPPED]") != NULL);
	CHECK(strstr(t, "(type 20)") != NULL);
	free(t);

	/* an error with the whole request echoed */
	b.n = 0;
	m = tb_msg(&b, 2, 0, 78, 1234);
	tb_u32(&b, (uint32_t)-17);
	size_t rq = tb_msg(&b, 20, F_REQUEST | F_ACK, 78, 0);
	tb_attr_u32(&b, 3, 9);
	tb_msg_end(&b, rq);
	tb_msg_end(&b, m);
	a = frame_json(PROTO_RAW, &b, b.n);
	CHECK_EQ(jint(a, "0.error.code"), -17);
	CHECK_STR(jstr(a, "0.error.name"), "EEXIST");
	CHECK(jstr(a, "0.error.text") != NULL);
	CHECK_EQ(jint(a, "0.error.request.nlmsg.len"), 24);
	CHECK_STR(jstr(a, "0.error.request.payload"), "0800030009000000");
	CHECK_EQ(nmal(a), 0);
	json_decref(a);
	t = frame_text(PROTO_RAW, &b);
	CHECK(strstr(t, "ERROR EEXIST") != NULL);
	free(t);

	/* an error whose echoed request claims more than is there */
	b.n = 0;
	m = tb_msg(&b, 2, 0, 79, 0);
	tb_u32(&b, (uint32_t)-22);
	put_echo(&b, 64, 20, F_REQUEST, 79);
	tb_msg_end(&b, m);
	a = frame_json(PROTO_RAW, &b, b.n);
	CHECK(reason_has(a, "echoed request"));
	json_decref(a);

	/* ERROR without the echoed header, and without the error code */
	b.n = 0;
	m = tb_msg(&b, 2, 0, 80, 0);
	tb_u32(&b, (uint32_t)-1);
	tb_msg_end(&b, m);
	a = frame_json(PROTO_RAW, &b, b.n);
	CHECK(reason_has(a, "echoed header"));
	CHECK_STR(jstr(a, "0.error.name"), "EPERM");
	json_decref(a);
	b.n = 0;
	m = tb_msg(&b, 2, 0, 81, 0);
	tb_u16(&b, 1);
	tb_msg_end(&b, m);
	b.p[m] = 18;
	a = frame_json(PROTO_RAW, &b, b.n);
	CHECK(reason_has(a, "without its error code"));
	json_decref(a);

	/* an unknown errno: the number */
	b.n = 0;
	m = tb_msg(&b, 2, F_CAPPED, 82, 0);
	tb_u32(&b, (uint32_t)-4000);
	put_echo(&b, 16, 20, F_REQUEST, 82);
	tb_msg_end(&b, m);
	t = frame_text(PROTO_RAW, &b);
	CHECK(strstr(t, "ERROR -4000") != NULL);
	free(t);
}

static void test_extack(void)
{
	struct tb b = { .n = 0 };

	size_t m = tb_msg(&b, 2, F_CAPPED | F_ACK_TLVS, 90, 5);
	tb_u32(&b, (uint32_t)-22);
	put_echo(&b, 60, 20, F_REQUEST | F_ACK, 90);
	tb_attr(&b, 1, "Attribute failed policy validation", 35);	/* MSG */
	tb_attr_u32(&b, 2, 36);						/* OFFS */
	tb_attr(&b, 3, "\x01\x02\x03\x04\x05\x06\x07\x08", 8);		/* COOKIE */
	size_t pol = tb_nest(&b, 4 | 0x8000);				/* POLICY */
	tb_attr_u32(&b, 1, 4);		/* type u32 */
	uint64_t mx = 100;
	tb_attr(&b, 5, &mx, 8);		/* max_value_u */
	tb_nest_end(&b, pol);
	tb_attr_u32(&b, 5, 3);						/* MISS_TYPE */
	tb_attr_u32(&b, 6, 12);						/* MISS_NEST */
	tb_msg_end(&b, m);

	json_t *a = frame_json(PROTO_RAW, &b, b.n);
	CHECK_EQ(json_array_size(a), 1);
	CHECK_STR(jstr(a, "0.error.ext_ack.msg"), "Attribute failed policy validation");
	CHECK_EQ(jint(a, "0.error.ext_ack.offs"), 36);
	CHECK_STR(jstr(a, "0.error.ext_ack.cookie"), "0102030405060708");
	CHECK_STR(jstr(a, "0.error.ext_ack.policy.type"), "u32");
	CHECK_EQ(jint(a, "0.error.ext_ack.policy.max_value_u"), 100);
	CHECK_EQ(jint(a, "0.error.ext_ack.miss_type"), 3);
	CHECK_EQ(jint(a, "0.error.ext_ack.miss_nest"), 12);
	CHECK(has_flag_name(json_array_get(a, 0), "capped"));
	CHECK(has_flag_name(json_array_get(a, 0), "ack_tlvs"));
	CHECK_EQ(nmal(a), 0);
	json_decref(a);

	char *t = frame_text(PROTO_RAW, &b);
	/* no request kept: the offset, the message, the policy, the type missing */
	CHECK(strstr(t, "at offset 36 \"Attribute failed policy validation\" policy u32 max 100"
			" missing type 3 in the nest at offset 12") != NULL);
	CHECK(strstr(t, "[CAPPED,ACK_TLVS]") != NULL);
	free(t);

	/* an ACK (error 0) with TLVs, and a hostile message string */
	b.n = 0;
	m = tb_msg(&b, 2, F_CAPPED | F_ACK_TLVS, 91, 5);
	tb_u32(&b, 0);
	put_echo(&b, 20, 20, F_REQUEST | F_ACK, 91);
	tb_attr(&b, 1, "warn\n\x1b[2J\xff", 10);
	tb_msg_end(&b, m);
	a = frame_json(PROTO_RAW, &b, b.n);
	CHECK(jstr(a, "0.error.ext_ack.msg") != NULL);
	json_decref(a);
	t = frame_text(PROTO_RAW, &b);
	CHECK(!t_has_ctl(t));
	free(t);
}

static void test_done_noop_overrun(void)
{
	struct tb b = { .n = 0 };

	size_t m = tb_msg(&b, 3, F_MULTI, 5, 9);
	tb_u32(&b, 0);
	tb_msg_end(&b, m);
	m = tb_msg(&b, 3, F_MULTI, 6, 9);
	tb_u32(&b, (uint32_t)-5);
	tb_msg_end(&b, m);
	m = tb_msg(&b, 1, 0, 7, 9);
	tb_msg_end(&b, m);
	m = tb_msg(&b, 4, 0, 8, 9);
	tb_msg_end(&b, m);
	json_t *a = frame_json(PROTO_RAW, &b, b.n);
	CHECK_EQ(json_array_size(a), 4);
	CHECK_STR(jstr(a, "0.nlmsg.type"), "DONE");
	CHECK_EQ(jint(a, "0.status"), 0);
	CHECK_EQ(jint(a, "1.status"), -5);
	CHECK_STR(jstr(a, "2.nlmsg.type"), "NOOP");
	CHECK_STR(jstr(a, "3.nlmsg.type"), "OVERRUN");
	CHECK_EQ(nmal(a), 0);
	json_decref(a);
	char *t = frame_text(PROTO_RAW, &b);
	CHECK(strstr(t, "DONE seq 5 pid 9 [MULTI]\n") != NULL);
	CHECK(strstr(t, "DONE seq 6 pid 9 [MULTI] status -5 EIO") != NULL);
	CHECK(strstr(t, "NOOP seq 7") != NULL);
	CHECK(strstr(t, "OVERRUN seq 8") != NULL);
	free(t);

	/* DONE without a status (old kernels) */
	b.n = 0;
	m = tb_msg(&b, 3, F_MULTI, 5, 9);
	tb_msg_end(&b, m);
	a = frame_json(PROTO_RAW, &b, b.n);
	CHECK_EQ(json_array_size(a), 1);
	CHECK_EQ(nmal(a), 0);
	json_decref(a);
}

static void test_flags_dir(void)
{
	struct tb b = { .n = 0 };

	/* dump request: GET kind inferred, ROOT|MATCH shown as DUMP */
	size_t m = tb_msg(&b, 22, F_REQUEST | F_DUMP | F_ACK, 1, 0);
	tb_msg_end(&b, m);
	json_t *a = frame_json(PROTO_RAW, &b, b.n);
	CHECK_STR(jstr(a, "0.dir"), "to_kernel");
	CHECK(json_is_true(jget(a, "0.dir_inferred")));
	CHECK_EQ(jint(a, "0.nlmsg.flags"), 0x305);
	CHECK(has_flag_name(json_array_get(a, 0), "request"));
	CHECK(has_flag_name(json_array_get(a, 0), "ack"));
	CHECK(has_flag_name(json_array_get(a, 0), "root"));
	CHECK(has_flag_name(json_array_get(a, 0), "match"));
	json_decref(a);
	char *t = frame_text(PROTO_RAW, &b);
	CHECK(strstr(t, "> audit type 22 seq 1 [REQ,ACK,DUMP]") != NULL);
	free(t);

	/* unknown kind: bits 8..11 as numbers */
	b.n = 0;
	m = tb_msg(&b, 22, F_REQUEST | 0x400 | 0x8000, 2, 0);
	tb_msg_end(&b, m);
	t = frame_text(PROTO_RAW, &b);
	CHECK(strstr(t, "[REQ,0x400,0x8000]") != NULL);
	free(t);

	/* all the common bits */
	b.n = 0;
	m = tb_msg(&b, 22, 0x3f, 3, 0);
	tb_msg_end(&b, m);
	t = frame_text(PROTO_RAW, &b);
	CHECK(strstr(t, "[REQ,MULTI,ACK,ECHO,INTR,FILTERED]") != NULL);
	free(t);

	/* the link header's direction wins over inference */
	b.n = 0;
	m = tb_msg(&b, 22, F_REQUEST, 4, 0);
	tb_msg_end(&b, m);
	char *out = run_frame(EMIT_JSON, PROTO_RAW, NLDIR_TO_USER, b.p, b.n, b.n);
	a = t_parse_lines(out);
	CHECK_STR(jstr(a, "0.dir"), "to_user");
	CHECK(json_is_false(jget(a, "0.dir_inferred")));
	json_decref(a);
	free(out);

	/* numeric mode */
	b.n = 0;
	m = tb_msg(&b, 3, F_MULTI, 4, 0);
	tb_msg_end(&b, m);

	/* an unknown protocol */
	a = frame_json(200, &b, b.n);
	CHECK_EQ(jint(a, "0.proto_id"), 200);
	CHECK(jget(a, "0.proto") == NULL);
	json_decref(a);
}

static void test_caplen_byteorder(void)
{
	struct tb b = { .n = 0 };

	size_t m = tb_msg(&b, 20, F_MULTI, 1, 0);
	for (int i = 0; i < 10; i++)
		tb_u32(&b, 0x55555555);
	tb_msg_end(&b, m);
	m = tb_msg(&b, 20, F_MULTI, 2, 0);
	tb_u32(&b, 1);
	tb_msg_end(&b, m);
	json_t *a = frame_json(PROTO_RAW, &b, 30);	/* cut in the first message */
	CHECK(json_array_size(a) >= 1);
	CHECK_EQ(nmal(a), 0);
	CHECK(ntrunc(a) >= 1);
	json_decref(a);
	a = frame_json(PROTO_RAW, &b, 58);	/* cut in the second message */
	CHECK_EQ(nmal(a), 0);
	CHECK(ntrunc(a) >= 1);
	json_decref(a);
	a = frame_json(PROTO_RAW, &b, 68);	/* cut in the second message's payload */
	CHECK_EQ(nmal(a), 0);
	json_decref(a);
	/* an ERROR cut before its error code: truncated, not malformed */
	b.n = 0;
	m = tb_msg(&b, 2, F_CAPPED, 1, 0);
	tb_u32(&b, 0);
	put_echo(&b, 16, 20, F_REQUEST, 1);
	tb_msg_end(&b, m);
	a = frame_json(PROTO_RAW, &b, 12);
	CHECK_EQ(nmal(a), 0);
	CHECK(ntrunc(a) >= 1);
	json_decref(a);
	a = frame_json(PROTO_RAW, &b, 18);
	CHECK_EQ(nmal(a), 0);
	CHECK(ntrunc(a) >= 1);
	json_decref(a);
	b.n = 0;
	m = tb_msg(&b, 20, F_MULTI, 1, 0);
	for (int i = 0; i < 10; i++)
		tb_u32(&b, 0x55555555);
	tb_msg_end(&b, m);
	a = frame_json(PROTO_RAW, &b, 10);	/* cut in the first header */
	CHECK_EQ(nmal(a), 0);
	CHECK(ntrunc(a) >= 1);
	json_decref(a);

	/* big-endian: only BE makes the length fit */
	b.n = 0;
	uint8_t be[20] = { 0, 0, 0, 20, 0, 3, 0, 2, 0, 0, 0, 9, 0, 0, 0, 1, 0, 0, 0, 0 };
	tb_put(&b, be, sizeof(be));
	a = frame_json(PROTO_RAW, &b, b.n);
	CHECK_STR(jstr(a, "0.nlmsg.type"), "DONE");
	CHECK_EQ(jint(a, "0.nlmsg.seq"), 9);
	CHECK(jstr(a, "0.byte_order") != NULL);
	CHECK_STR(jstr(a, "0.dir"), "to_user");	/* flags 0x2: no NLM_F_REQUEST */
	CHECK_EQ(nmal(a), 0);
	json_decref(a);
}

/* Well-formed frames cut by the capture at every byte: truncated markers,
 * never malformed ones. */
static void test_cut_everywhere(void)
{
	struct tb b = { .n = 0 };

	size_t m = tb_msg(&b, 20, F_MULTI, 1, 0);
	tb_attr_u32(&b, 1, 5);
	tb_msg_end(&b, m);
	m = tb_msg(&b, 2, F_CAPPED | F_ACK_TLVS, 90, 5);
	tb_u32(&b, (uint32_t)-22);
	put_echo(&b, 60, 20, F_REQUEST | F_ACK, 90);
	tb_attr(&b, 1, "bad", 4);
	tb_attr_u32(&b, 2, 36);
	size_t pol = tb_nest(&b, 4);
	tb_attr_u32(&b, 1, 4);
	tb_nest_end(&b, pol);
	tb_msg_end(&b, m);
	m = tb_msg(&b, 2, 0, 91, 5);
	tb_u32(&b, (uint32_t)-2);
	size_t rq = tb_msg(&b, 20, F_REQUEST, 91, 0);
	tb_attr_u32(&b, 1, 5);
	tb_msg_end(&b, rq);
	tb_msg_end(&b, m);
	m = tb_msg(&b, 3, F_MULTI | F_ACK_TLVS, 92, 5);
	tb_u32(&b, 0);
	tb_attr(&b, 1, "done", 5);
	tb_msg_end(&b, m);

	json_t *a = frame_json(PROTO_RAW, &b, b.n);
	CHECK_EQ(json_array_size(a), 4);
	CHECK_EQ(nmal(a), 0);
	CHECK_EQ(ntrunc(a), 0);
	json_decref(a);
	/* the last 3 bytes are the final attribute's alignment padding: a
	 * capture missing only those has lost nothing (no marker either way) */
	for (size_t cut = 1; cut < b.n - 3; cut++) {
		for (int proto = 0; proto <= 16; proto += 16) {
			a = frame_json(proto, &b, cut);
			if (nmal(a) != 0 || ntrunc(a) < 1) {
				fprintf(stderr, "  proto %d cut at %zu of %zu: %zu malformed, %zu truncated\n",
					proto, cut, b.n, nmal(a), ntrunc(a));
				t_fails++;
			}
			json_decref(a);
		}
	}
}

static void test_kind_names(void)
{
	CHECK_EQ(nl_kind_from_name("GETLINK"), NLRK_GET);
	CHECK_EQ(nl_kind_from_name("NEWROUTE"), NLRK_NEW);
	CHECK_EQ(nl_kind_from_name("SETLINK"), NLRK_NEW);
	CHECK_EQ(nl_kind_from_name("DELADDR"), NLRK_DEL);
	CHECK_EQ(nl_kind_from_name("FLASH_UPDATE"), NLRK_NONE);
	CHECK_EQ(nl_kind_from_name(""), NLRK_NONE);
	CHECK_EQ(nl_kind_from_name(NULL), NLRK_NONE);
	CHECK_STR(nl_errno_name(-17), "EEXIST");
	CHECK_STR(nl_errno_name(17), "EEXIST");
	CHECK(nl_errno_name(-2147483647 - 1) == NULL);
	CHECK(nl_errno_name(41) == NULL);
	CHECK_STR(nl_proto_name(16), "genl");
	CHECK(nl_proto_name(17) == NULL);
	CHECK(nl_proto_name(65535) == NULL);
}

static void test_nested_errors(void)
{
	/* an ERROR echoing an ERROR echoing ... 30 deep (not capped): bounded */
	struct tb b = { .n = 0 };
	size_t at[30];

	for (int i = 0; i < 30; i++) {
		at[i] = tb_msg(&b, 2, 0, (uint32_t)i, 0);
		tb_u32(&b, (uint32_t)-22);
	}
	size_t rq = tb_msg(&b, 20, F_REQUEST, 99, 0);
	tb_attr_u32(&b, 1, 1);
	tb_msg_end(&b, rq);
	for (int i = 29; i >= 0; i--)
		tb_msg_end(&b, at[i]);
	json_t *a = frame_json(PROTO_RAW, &b, b.n);
	CHECK_EQ(json_array_size(a), 1);
	CHECK(reason_has(a, "nested deeper"));
	json_decref(a);
	for (int mode = EMIT_LINE; mode <= EMIT_COUNT; mode++) {
		char *t = run_frame((enum emit_mode)mode, PROTO_RAW, NLDIR_UNKNOWN, b.p, b.n, b.n);
		CHECK(mode == EMIT_COUNT || strchr(t, '\n') != NULL);
		free(t);
	}
}

static void test_modes(void)
{
	/* every mode on a mixed frame: no crash, tree has no control chars */
	struct tb b = { .n = 0 };
	size_t m = tb_msg(&b, 2, 0, 1, 0);
	tb_u32(&b, (uint32_t)-2);
	size_t rq = tb_msg(&b, 16, F_REQUEST, 1, 0);
	tb_u32(&b, 0x00010203);
	tb_attr(&b, 1, "\x01\x02\n", 3);
	tb_msg_end(&b, rq);
	tb_msg_end(&b, m);
	for (int mode = EMIT_LINE; mode <= EMIT_COUNT; mode++) {
		for (int proto = 0; proto < 24; proto += 4) {
			char *t = run_frame((enum emit_mode)mode, proto, NLDIR_UNKNOWN, b.p, b.n, b.n);
			CHECK(!t_has_ctl(t));
			CHECK(mode != EMIT_COUNT || !*t);
			free(t);
		}
	}
}

/* One DONE frame at sec/nsec, its summary in time format tf. */
static char *timed(enum nl_time_fmt tf, enum emit_mode mode, int64_t sec, uint32_t nsec)
{
	static const uint8_t done[20] = { 20, 0, 0, 0, 3, 0, 2, 0 };
	struct nl_frame fr = { .no = 1, .sec = sec, .nsec = nsec, .proto = PROTO_RAW,
			       .data = t_guard(done, sizeof(done)), .len = 20, .caplen = 20 };

	return decode_one(tf, mode, &fr);
}

static void test_times(void)
{
	char *t;
	struct nl_frame f;

	/* nl_frame_set_time carries whole seconds, either way */
	nl_frame_set_time(&f, 10, 2500000000);
	CHECK(f.sec == 12 && f.nsec == 500000000);
	nl_frame_set_time(&f, 10, -1);
	CHECK(f.sec == 9 && f.nsec == 999999999);
	nl_frame_set_time(&f, -1, 500000000);
	CHECK(f.sec == -1 && f.nsec == 500000000);
	/* a frame made elsewhere with nsec >= 10^9 prints the same instant */
	t = timed(NLT_EPOCH, EMIT_LINE, 10, 1500000000);
	CHECK(!strncmp(t, "11.500000 ", 10));
	free(t);
	t = timed(NLT_EPOCH, EMIT_LINE, -1, 500000000);
	CHECK(!strncmp(t, "-0.500000 ", 10));
	free(t);
	t = timed(NLT_EPOCH, EMIT_LINE, -2, 0);
	CHECK(!strncmp(t, "-2.000000 ", 10));
	free(t);
	t = timed(NLT_DATE, EMIT_LINE, 0, 1000000000);
	CHECK(strstr(t, ":01.000000 ") != NULL);	/* local time: seconds only */
	free(t);
	t = timed(NLT_DEFAULT, EMIT_JSON, 0, 1000000000);
	CHECK(strstr(t, "\"time\":\"1970-01-01T00:00:01.000000Z\"") != NULL);
	free(t);
}

/* -q without --stats (nl_opts.count_only): the totals of frames, messages
 * and padding are those of the full decode, frame shape by frame shape, and
 * no message body is decoded (a malformed attribute is not even seen). */
struct totals {
	uint64_t frames, messages, padding_frames, padding_bytes, malformed;
};

static struct totals count_run(bool count_only, int proto, const struct tb *b, size_t caplen)
{
	struct nlstate s = { .genl = st.genl };
	struct nl_opts o = { .tfmt = NLT_NONE, .count_only = count_only };
	struct emitter e;
	FILE *f = fopen("/dev/null", "w");

	if (!f)
		exit(2);
	nl_core_init(&s, &o);
	emit_init(&e, EMIT_COUNT, f);
	struct nl_frame fr = { .no = 1, .proto = (uint16_t)proto,
			       .data = t_guard(b->p, caplen), .len = (uint32_t)b->n,
			       .caplen = (uint32_t)caplen };
	nl_decode_frame(&s, &e, &fr);
	struct totals t = { s.frames, s.messages, s.padding_frames, s.padding_bytes,
			    e.tot_malformed };
	emit_fini(&e);
	fclose(f);
	return t;
}

static void same_totals(const char *what, int proto, const struct tb *b, size_t caplen)
{
	struct totals full = count_run(false, proto, b, caplen);
	struct totals q = count_run(true, proto, b, caplen);

	if (t_verbose())
		fprintf(stderr, "%s: %llu messages, %llu padding\n", what,
			(unsigned long long)full.messages, (unsigned long long)full.padding_bytes);
	CHECK_EQ(q.frames, full.frames);
	CHECK_EQ(q.messages, full.messages);
	CHECK_EQ(q.padding_frames, full.padding_frames);
	CHECK_EQ(q.padding_bytes, full.padding_bytes);
}

static void test_count_only(void)
{
	struct tb b = { 0 };
	size_t m;

	/* two messages and zero padding after them */
	for (int i = 0; i < 2; i++) {
		m = tb_msg(&b, 20, 0, 1, 2);
		tb_u32(&b, 7);
		tb_msg_end(&b, m);
	}
	tb_u32(&b, 0);
	tb_u32(&b, 0);
	same_totals("padded", PROTO_RAW, &b, b.n);
	CHECK_EQ(count_run(true, PROTO_RAW, &b, b.n).messages, 2);
	CHECK_EQ(count_run(true, PROTO_RAW, &b, b.n).padding_bytes, 8);
	/* the capture ends inside the second header */
	same_totals("cut header", PROTO_RAW, &b, 20);
	/* the capture ends inside the first body */
	same_totals("cut body", PROTO_RAW, &b, 18);
	b.n = 0;

	/* nlmsg_len 8 < 16, then bytes */
	m = tb_msg(&b, 20, 0, 1, 2);
	tb_u32(&b, 0x11111111);
	b.p[m] = 8;
	same_totals("short len", PROTO_RAW, &b, b.n);
	b.n = 0;

	/* nlmsg_len past the frame */
	m = tb_msg(&b, 20, 0, 1, 2);
	tb_u32(&b, 0x11111111);
	tb_msg_end(&b, m);
	b.p[m] = 200;
	same_totals("oversize", PROTO_RAW, &b, b.n);
	b.n = 0;

	/* fewer bytes than a header, not zero */
	tb_u32(&b, 0x01020304);
	tb_u32(&b, 0x05060708);
	same_totals("short frame", PROTO_RAW, &b, b.n);
	b.n = 0;

	/* RTM_NEWLINK with an attribute of nla_len 2: malformed when decoded,
	 * not looked at when only counting */
	m = tb_msg(&b, 16, 0, 1, 2);
	for (int i = 0; i < 4; i++)
		tb_u32(&b, 0);	/* ifinfomsg */
	tb_u16(&b, 2);
	tb_u16(&b, 3);
	tb_msg_end(&b, m);
	same_totals("malformed body", 0, &b, b.n);
	CHECK(count_run(false, 0, &b, b.n).malformed > 0);
	CHECK_EQ(count_run(true, 0, &b, b.n).malformed, 0);
}

int main(void)
{
	st.genl = genl_map_new();
	test_multi();
	test_short_len();
	test_oversize();
	test_trailing();
	test_ack();
	test_extack();
	test_done_noop_overrun();
	test_flags_dir();
	test_caplen_byteorder();
	test_kind_names();
	test_cut_everywhere();
	test_nested_errors();
	test_modes();
	test_times();
	test_count_only();
	genl_map_free(st.genl);
	return t_done("test_nlmsg");
}
