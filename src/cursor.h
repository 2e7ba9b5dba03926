/* cursor.h - the one bounds-checked reader of capture bytes.
 *
 * Every read of packet data goes through a struct nlc.  A cursor is a value:
 * it covers [pos, end) of a buffer whose captured bytes stop at capend.
 *
 *   base                pos              end       capend
 *    |------------------|================|.........|
 *                        readable window
 *
 * end is the end declared by enclosing lengths (nlmsg_len, nla_len); capend
 * is the end of what the capture holds.  A read past end latches
 * NLC_ERR_MALFORMED, a read within end but past capend latches
 * NLC_ERR_TRUNCATED.  Failed reads return zero; the error is sticky, so
 * callers check it once at a boundary instead of after every read.
 */
#ifndef NLDUMP_CURSOR_H
#define NLDUMP_CURSOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

enum nlc_err {
	NLC_OK = 0,
	NLC_ERR_MALFORMED = 1,	/* read past a declared length */
	NLC_ERR_TRUNCATED = 2,	/* read past the captured bytes */
};

enum nlc_order {
	NLC_LE = 0,		/* host order of the capturing machine (x86, arm64) */
	NLC_BE = 1,
};

struct nlc {
	const uint8_t *base;	/* start of the frame: offsets are relative to it */
	size_t pos;
	size_t end;
	size_t capend;
	uint8_t order;		/* enum nlc_order, for "host order" reads */
	uint8_t err;		/* enum nlc_err, sticky */
};

/* nlc_init - cursor over len declared bytes of which caplen were captured. */
struct nlc nlc_init(const uint8_t *buf, size_t len, size_t caplen);

/* nlc_sub - a cursor over the next len bytes of c (clamped to c's end;
 * a clamp latches MALFORMED in the child).  c is not advanced. */
/* (defined below nlc_left) */

/* Declared bytes left; none once a read has failed, so every loop of the
 * form "while (nlc_left(c)) read..." ends at the first failed read. */
static inline size_t nlc_left(const struct nlc *c)
{
	return !c->err && c->pos < c->end ? c->end - c->pos : 0;
}

/* Declared bytes left whatever happened: for reporting a failed read. */
static inline size_t nlc_rawleft(const struct nlc *c)
{
	return c->pos < c->end ? c->end - c->pos : 0;
}

/* Bytes left that were really captured (<= nlc_rawleft). */
static inline size_t nlc_capleft(const struct nlc *c)
{
	size_t e = c->end < c->capend ? c->end : c->capend;
	return c->pos < e ? e - c->pos : 0;
}

/* the hot paths of the walk are inline: one call per attribute read was a
 * tenth of the one-line mode's instructions */
static inline struct nlc nlc_sub(const struct nlc *c, size_t len)
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

static inline size_t nlc_off(const struct nlc *c) { return c->pos; }
static inline bool nlc_ok(const struct nlc *c) { return c->err == NLC_OK; }

static inline bool nlc_need(struct nlc *c, size_t n)
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
/* nlc_uint - an unsigned integer of width 1, 2, 4 or 8, host or big order. */
uint64_t nlc_uint(struct nlc *c, unsigned width, bool big);

/* Fixed-width reads: inline fast path when the bytes are there, the
 * checked slow path (which latches the error) otherwise. */
static inline uint64_t nlc_fast(struct nlc *c, unsigned w, bool big)
{
	if (!c->err && c->pos + w <= c->end && c->pos + w <= c->capend) {
		const uint8_t *p = c->base + c->pos;
		uint64_t v = 0;
		c->pos += w;
		if (big)
			for (unsigned i = 0; i < w; i++)
				v = (v << 8) | p[i];
		else
			for (unsigned i = w; i > 0; i--)
				v = (v << 8) | p[i - 1];
		return v;
	}
	return nlc_uint(c, w, big);
}

/* nlc_uintw - nlc_uint for a width known only at run time (a policy's):
 * each common width through its inline fixed-width path. */
static inline uint64_t nlc_uintw(struct nlc *c, unsigned w, bool big)
{
	switch (w) {
	case 1: return nlc_fast(c, 1, big);
	case 2: return nlc_fast(c, 2, big);
	case 4: return nlc_fast(c, 4, big);
	case 8: return nlc_fast(c, 8, big);
	default: return nlc_uint(c, w, big);
	}
}

static inline uint8_t nlc_u8(struct nlc *c) { return (uint8_t)nlc_fast(c, 1, false); }
/* capture host order */
static inline uint16_t nlc_u16(struct nlc *c) { return (uint16_t)nlc_fast(c, 2, c->order == NLC_BE); }
static inline uint32_t nlc_u32(struct nlc *c) { return (uint32_t)nlc_fast(c, 4, c->order == NLC_BE); }
static inline uint64_t nlc_u64(struct nlc *c) { return nlc_fast(c, 8, c->order == NLC_BE); }
static inline uint16_t nlc_be16(struct nlc *c) { return (uint16_t)nlc_fast(c, 2, true); }
static inline uint32_t nlc_be32(struct nlc *c) { return (uint32_t)nlc_fast(c, 4, true); }
static inline uint64_t nlc_be64(struct nlc *c) { return nlc_fast(c, 8, true); }
static inline uint16_t nlc_le16(struct nlc *c) { return (uint16_t)nlc_fast(c, 2, false); }
static inline uint32_t nlc_le32(struct nlc *c) { return (uint32_t)nlc_fast(c, 4, false); }
/* nlc_bytes - pointer to the next n bytes, or NULL (error latched). */
static inline const uint8_t *nlc_bytes(struct nlc *c, size_t n)
{
	const uint8_t *p;

	if (!nlc_need(c, n))
		return NULL;
	p = c->base + c->pos;
	c->pos += n;
	return p;
}
/* nlc_peek - pointer to the next n bytes without advancing, or NULL; no error latched. */
static inline const uint8_t *nlc_peek(const struct nlc *c, size_t n)
{
	if (c->err || n > nlc_left(c) || c->pos + n > c->capend)
		return NULL;
	return c->base + c->pos;
}
static inline bool nlc_skip(struct nlc *c, size_t n)
{
	return nlc_bytes(c, n) != NULL;
}
/* nlc_advance - move past n declared bytes whether captured or not
 * (clamped to end; latches nothing): for walking to the next message. */
static inline void nlc_advance(struct nlc *c, size_t n)
{
	c->pos = n < nlc_left(c) ? c->pos + n : (c->pos > c->end ? c->pos : c->end);
}
/* nlc_align4 - skip padding to the next 4-byte boundary (relative to base),
 * clamped to end: a missing final pad is not an error. */
static inline void nlc_align4(struct nlc *c)
{
	size_t want = (c->pos + 3) & ~(size_t)3;
	c->pos = want < c->end ? want : (c->pos > c->end ? c->pos : c->end);
}
/* nlc_rest - pointer to and length of the remaining captured bytes; consumes them. */
static inline const uint8_t *nlc_rest(struct nlc *c, size_t *n)
{
	*n = nlc_capleft(c);
	return nlc_bytes(c, *n);
}

/* The rest of c as a string attribute's text: *p its bytes, *n their
 * number up to the first NUL (all of them when there is none); false when
 * nothing can be read. */
static inline bool nlc_cstr(struct nlc *c, const uint8_t **p, size_t *n)
{
	size_t len;
	const uint8_t *s = nlc_rest(c, &len);
	const uint8_t *z = s && len ? memchr(s, 0, len) : NULL;

	if (!s)
		return false;
	*p = s;
	*n = z ? (size_t)(z - s) : len;
	return true;
}

#endif
