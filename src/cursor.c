/* cursor.c - bounds-checked reads of capture bytes (see cursor.h). */
#include "cursor.h"

#include <string.h>

struct nlc nlc_init(const uint8_t *buf, size_t len, size_t caplen)
{
	struct nlc c = { .base = buf, .pos = 0, .end = len,
			 .capend = caplen < len ? caplen : len,
			 .order = NLC_LE, .err = NLC_OK };
	return c;
}

struct nlc nlc_sub(const struct nlc *c, size_t len)
{
	struct nlc s = *c;
	s.err = NLC_OK;
	if (len > nlc_left(c)) {
		len = nlc_left(c);
		s.err = NLC_ERR_MALFORMED;
	}
	s.end = c->pos + len;
	return s;
}

bool nlc_need(struct nlc *c, size_t n)
{
	if (c->err)
		return false;
	if (n > nlc_left(c)) {
		c->err = NLC_ERR_MALFORMED;
		return false;
	}
	if (c->pos + n > c->capend) {
		c->err = NLC_ERR_TRUNCATED;
		return false;
	}
	return true;
}

const uint8_t *nlc_peek(const struct nlc *c, size_t n)
{
	if (c->err || n > nlc_left(c) || c->pos + n > c->capend)
		return NULL;
	return c->base + c->pos;
}

const uint8_t *nlc_bytes(struct nlc *c, size_t n)
{
	const uint8_t *p;

	if (!nlc_need(c, n))
		return NULL;
	p = c->base + c->pos;
	c->pos += n;
	return p;
}

bool nlc_skip(struct nlc *c, size_t n)
{
	return nlc_bytes(c, n) != NULL;
}

void nlc_align4(struct nlc *c)
{
	size_t want = (c->pos + 3) & ~(size_t)3;
	c->pos = want < c->end ? want : (c->pos > c->end ? c->pos : c->end);
}

const uint8_t *nlc_rest(struct nlc *c, size_t *n)
{
	*n = nlc_capleft(c);
	return nlc_bytes(c, *n);
}

uint64_t nlc_uint(struct nlc *c, unsigned width, bool big)
{
	const uint8_t *p = nlc_bytes(c, width);
	uint64_t v = 0;
	unsigned i;

	if (!p)
		return 0;
	if (big) {
		for (i = 0; i < width; i++)
			v = (v << 8) | p[i];
	} else {
		for (i = width; i > 0; i--)
			v = (v << 8) | p[i - 1];
	}
	return v;
}

