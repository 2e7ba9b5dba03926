/* test_cursor.c - struct nlc: every accessor, sticky errors, MALFORMED vs
 * TRUNCATED, nlc_sub clamping, nlc_align4, peek/rest, byte orders, and
 * zero-length cursors.  Buffers sit right before a PROT_NONE page, so a
 * read past them crashes the test instead of passing silently. */
#include "t.h"

#include "cursor.h"

static const uint8_t pat[16] = {
	0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
	0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10,
};

static void test_reads(void)
{
	const uint8_t *b = t_guard(pat, 16);
	struct nlc c = nlc_init(b, 16, 16);

	CHECK_EQ(nlc_left(&c), 16);
	CHECK_EQ(nlc_capleft(&c), 16);
	CHECK_EQ(nlc_u8(&c), 0x01);
	CHECK_EQ(nlc_off(&c), 1);
	CHECK_EQ(nlc_u8(&c), 0x02);
	CHECK_EQ(nlc_u16(&c), 0x0403);
	CHECK_EQ(nlc_u32(&c), 0x08070605u);
	CHECK_EQ(nlc_u64(&c), 0x100f0e0d0c0b0a09ull);
	CHECK(nlc_ok(&c));
	CHECK_EQ(nlc_left(&c), 0);

	c = nlc_init(b, 16, 16);
	CHECK_EQ(nlc_be16(&c), 0x0102);
	CHECK_EQ(nlc_be32(&c), 0x03040506u);
	CHECK_EQ(nlc_le16(&c), 0x0807);
	CHECK_EQ(nlc_le32(&c), 0x0c0b0a09u);
	CHECK_EQ(nlc_be32(&c), 0x0d0e0f10u);
	CHECK(nlc_ok(&c));

	c = nlc_init(b, 16, 16);
	CHECK_EQ(nlc_be64(&c), 0x0102030405060708ull);
	CHECK_EQ(nlc_uint(&c, 1, true), 0x09);
	CHECK_EQ(nlc_uint(&c, 2, true), 0x0a0b);
	CHECK_EQ(nlc_uint(&c, 4, false), 0x0f0e0d0cu);
	CHECK(nlc_ok(&c));

	/* "host order" reads follow the cursor's order */
	c = nlc_init(b, 16, 16);
	c.order = NLC_BE;
	CHECK_EQ(nlc_u16(&c), 0x0102);
	CHECK_EQ(nlc_u32(&c), 0x03040506u);
	CHECK_EQ(nlc_u64(&c), 0x0708090a0b0c0d0eull);
	CHECK_EQ(nlc_le16(&c), 0x100f);	/* explicit LE stays LE */
	CHECK(nlc_ok(&c));

	/* the last byte of the buffer is readable, one more is not */
	c = nlc_init(b, 16, 16);
	CHECK(nlc_skip(&c, 15));
	CHECK_EQ(nlc_u8(&c), 0x10);
	CHECK_EQ(nlc_u8(&c), 0);
	CHECK_EQ(c.err, NLC_ERR_MALFORMED);
}

static void test_errors(void)
{
	const uint8_t *b = t_guard(pat, 8);
	struct nlc c;

	/* past the declared end: MALFORMED, and sticky */
	c = nlc_init(b, 8, 8);
	CHECK_EQ(nlc_u32(&c), 0x04030201u);
	CHECK_EQ(nlc_u64(&c), 0);
	CHECK_EQ(c.err, NLC_ERR_MALFORMED);
	CHECK_EQ(nlc_off(&c), 4);	/* a failed read does not move */
	CHECK_EQ(nlc_u8(&c), 0);	/* sticky: even a byte that is there */
	CHECK_EQ(nlc_u16(&c), 0);
	CHECK(nlc_bytes(&c, 1) == NULL);
	CHECK(!nlc_skip(&c, 1));
	CHECK(!nlc_need(&c, 0));
	CHECK(!nlc_ok(&c));

	/* declared 8, captured 6: within the declared end but past the
	 * captured bytes is TRUNCATED (the guard page is at 6) */
	b = t_guard(pat, 6);
	c = nlc_init(b, 8, 6);
	CHECK_EQ(nlc_left(&c), 8);
	CHECK_EQ(nlc_capleft(&c), 6);
	CHECK_EQ(nlc_u32(&c), 0x04030201u);
	CHECK_EQ(nlc_u32(&c), 0);
	CHECK_EQ(c.err, NLC_ERR_TRUNCATED);
	CHECK_EQ(nlc_u8(&c), 0);	/* sticky */
	CHECK_EQ(c.err, NLC_ERR_TRUNCATED);

	/* past both: the declared length wins (MALFORMED) */
	c = nlc_init(b, 8, 6);
	CHECK(!nlc_need(&c, 9));
	CHECK_EQ(c.err, NLC_ERR_MALFORMED);

	/* exactly up to capend is fine */
	c = nlc_init(b, 8, 6);
	CHECK(nlc_need(&c, 6));
	CHECK(nlc_bytes(&c, 6) != NULL);
	CHECK(nlc_ok(&c));
	CHECK_EQ(nlc_left(&c), 2);
	CHECK_EQ(nlc_capleft(&c), 0);
	CHECK(nlc_peek(&c, 1) == NULL);
	CHECK(nlc_ok(&c));	/* peek latches nothing */
	CHECK(!nlc_skip(&c, 2));
	CHECK_EQ(c.err, NLC_ERR_TRUNCATED);

	/* caplen larger than len is clamped to len */
	b = t_guard(pat, 8);
	c = nlc_init(b, 4, 8);
	CHECK_EQ(c.capend, 4);
	CHECK_EQ(nlc_capleft(&c), 4);
}

static void test_sub(void)
{
	const uint8_t *b = t_guard(pat, 16);
	struct nlc c = nlc_init(b, 16, 16);
	struct nlc s;

	nlc_skip(&c, 4);
	s = nlc_sub(&c, 8);
	CHECK(nlc_ok(&s));
	CHECK_EQ(nlc_off(&c), 4);	/* parent not advanced */
	CHECK_EQ(s.pos, 4);
	CHECK_EQ(s.end, 12);
	CHECK_EQ(nlc_left(&s), 8);
	CHECK_EQ(nlc_u32(&s), 0x08070605u);
	CHECK_EQ(nlc_u32(&s), 0x0c0b0a09u);
	CHECK_EQ(nlc_u8(&s), 0);
	CHECK_EQ(s.err, NLC_ERR_MALFORMED);	/* the child's end is declared */
	CHECK(nlc_ok(&c));			/* the parent is not touched */

	/* clamped: too long for the parent latches MALFORMED in the child */
	s = nlc_sub(&c, 100);
	CHECK_EQ(s.err, NLC_ERR_MALFORMED);
	CHECK_EQ(s.end, 16);
	CHECK_EQ(nlc_rawleft(&s), 12);
	CHECK_EQ(nlc_left(&s), 0);	/* an error leaves nothing to read */
	CHECK(nlc_ok(&c));

	/* a loop reading until nothing is left ends at the first failed read,
	 * also when the capture ends inside the declared bytes */
	{
		struct nlc cut = nlc_init(b, 16, 6);
		unsigned reads = 0;
		while (nlc_left(&cut) && reads < 100) {
			nlc_u32(&cut);
			reads++;
		}
		CHECK_EQ(reads, 2);
		CHECK_EQ(cut.err, NLC_ERR_TRUNCATED);
		CHECK_EQ(nlc_rawleft(&cut), 12);
	}

	/* exactly the rest: fine; zero: fine and empty */
	s = nlc_sub(&c, 12);
	CHECK(nlc_ok(&s));
	s = nlc_sub(&c, 0);
	CHECK(nlc_ok(&s));
	CHECK_EQ(nlc_left(&s), 0);
	CHECK_EQ(nlc_u8(&s), 0);
	CHECK_EQ(s.err, NLC_ERR_MALFORMED);

	/* a child keeps the capture end and the byte order */
	b = t_guard(pat, 10);
	c = nlc_init(b, 16, 10);
	c.order = NLC_BE;
	nlc_skip(&c, 4);
	s = nlc_sub(&c, 8);
	CHECK_EQ(s.order, NLC_BE);
	CHECK_EQ(nlc_capleft(&s), 6);
	CHECK_EQ(nlc_u32(&s), 0x05060708u);
	CHECK_EQ(nlc_u32(&s), 0);
	CHECK_EQ(s.err, NLC_ERR_TRUNCATED);
}

static void test_align(void)
{
	const uint8_t *b = t_guard(pat, 16);
	struct nlc c = nlc_init(b, 16, 16);

	nlc_align4(&c);
	CHECK_EQ(nlc_off(&c), 0);
	nlc_skip(&c, 1);
	nlc_align4(&c);
	CHECK_EQ(nlc_off(&c), 4);
	nlc_skip(&c, 3);
	nlc_align4(&c);
	CHECK_EQ(nlc_off(&c), 8);
	nlc_align4(&c);
	CHECK_EQ(nlc_off(&c), 8);
	CHECK(nlc_ok(&c));

	/* a missing final pad: clamped to end, no error */
	c = nlc_init(b, 14, 14);
	nlc_skip(&c, 13);
	nlc_align4(&c);
	CHECK_EQ(nlc_off(&c), 14);
	CHECK(nlc_ok(&c));
	CHECK_EQ(nlc_left(&c), 0);

	/* alignment is relative to base, in a sub-cursor too */
	c = nlc_init(b, 16, 16);
	nlc_skip(&c, 2);
	struct nlc s = nlc_sub(&c, 10);
	nlc_skip(&s, 1);
	nlc_align4(&s);
	CHECK_EQ(nlc_off(&s), 4);
	nlc_skip(&s, 5);
	nlc_align4(&s);
	CHECK_EQ(nlc_off(&s), 12);	/* = its end */
	nlc_align4(&s);
	CHECK_EQ(nlc_off(&s), 12);
	CHECK(nlc_ok(&s));
}

static void test_peek_rest(void)
{
	const uint8_t *b = t_guard(pat, 12);
	struct nlc c = nlc_init(b, 16, 12);
	const uint8_t *p;
	size_t n = 99;

	p = nlc_peek(&c, 4);
	CHECK(p == b);
	CHECK_EQ(nlc_off(&c), 0);
	CHECK(nlc_peek(&c, 12) == b);
	CHECK(nlc_peek(&c, 13) == NULL);	/* declared but not captured */
	CHECK(nlc_peek(&c, 17) == NULL);	/* not even declared */
	CHECK(nlc_ok(&c));

	nlc_skip(&c, 2);
	p = nlc_rest(&c, &n);
	CHECK(p == b + 2);
	CHECK_EQ(n, 10);			/* captured bytes only */
	CHECK_EQ(nlc_off(&c), 12);
	CHECK_EQ(nlc_left(&c), 4);
	CHECK_EQ(nlc_capleft(&c), 0);
	CHECK(nlc_ok(&c));
	p = nlc_rest(&c, &n);
	CHECK(p != NULL);
	CHECK_EQ(n, 0);

	/* rest of an errored cursor: NULL */
	c = nlc_init(b, 4, 4);
	nlc_u64(&c);
	CHECK(nlc_rest(&c, &n) == NULL);

	/* peek on an errored cursor: NULL */
	CHECK(nlc_peek(&c, 1) == NULL);
}

static void test_zero(void)
{
	const uint8_t *b = t_guard(pat, 0);
	struct nlc c = nlc_init(b, 0, 0);
	size_t n = 7;

	CHECK_EQ(nlc_left(&c), 0);
	CHECK_EQ(nlc_capleft(&c), 0);
	CHECK(nlc_need(&c, 0));
	CHECK(nlc_bytes(&c, 0) != NULL);	/* zero bytes are always there */
	CHECK(nlc_rest(&c, &n) != NULL);
	CHECK_EQ(n, 0);
	nlc_align4(&c);
	CHECK_EQ(nlc_off(&c), 0);
	CHECK(nlc_ok(&c));
	CHECK_EQ(nlc_u8(&c), 0);
	CHECK_EQ(c.err, NLC_ERR_MALFORMED);

	/* declared 4, nothing captured */
	c = nlc_init(b, 4, 0);
	CHECK_EQ(nlc_u8(&c), 0);
	CHECK_EQ(c.err, NLC_ERR_TRUNCATED);

	/* width 0 integer */
	c = nlc_init(b, 0, 0);
	CHECK_EQ(nlc_uint(&c, 0, false), 0);
	CHECK(nlc_ok(&c));
}

int main(void)
{
	test_reads();
	test_errors();
	test_sub();
	test_align();
	test_peek_rest();
	test_zero();
	return t_done("test_cursor");
}
