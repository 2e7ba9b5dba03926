/* sbuf.h - a growable text buffer for building output lines. */
#ifndef NLDUMP_SBUF_H
#define NLDUMP_SBUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "names.h"

struct sbuf {
	char *p;
	size_t len;
	size_t cap;
};

/* sbuf_reserve - room for more bytes and the NUL (the check inline, the
 * growth in sbuf_grow: every piece of output passes here). */
void sbuf_grow(struct sbuf *b, size_t more);
static inline void sbuf_reserve(struct sbuf *b, size_t more)
{
	if (b->len + more + 1 > b->cap)
		sbuf_grow(b, more);
}
/* sbuf_copy_short - n bytes from s to o, short ones (keys, labels,
 * numbers) with two overlapping fixed-size moves; returns o + n. */
static inline char *sbuf_copy_short(char *o, const char *s, size_t n)
{
	if (n >= 8 && n <= 16) {
		memcpy(o, s, 8);
		memcpy(o + n - 8, s + n - 8, 8);
	} else if (n >= 4 && n < 8) {
		memcpy(o, s, 4);
		memcpy(o + n - 4, s + n - 4, 4);
	} else if (n < 4) {
		for (size_t i = 0; i < n; i++)
			o[i] = s[i];
	} else {
		memcpy(o, s, n);
	}
	return o + n;
}
void sbuf_putc_slow(struct sbuf *b, char ch);
static inline void sbuf_putc(struct sbuf *b, char ch)
{
	if (b->len + 2 <= b->cap) {
		b->p[b->len++] = ch;
		b->p[b->len] = 0;
		return;
	}
	sbuf_putc_slow(b, ch);
}
/* sbuf_hexnum - v in hex with a 0x prefix. */
void sbuf_hexnum(struct sbuf *b, uint64_t v);
static inline void sbuf_put(struct sbuf *b, const char *s, size_t n)
{
	sbuf_reserve(b, n);
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = 0;
}
void sbuf_puts(struct sbuf *b, const char *s);
void sbuf_printf(struct sbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sbuf_vprintf(struct sbuf *b, const char *fmt, va_list ap);
/* sbuf_digits - v in decimal written backwards ending at end (room for
 * 20 digits before it); returns where the digits start. */
char *sbuf_digits(char *end, uint64_t v);
void sbuf_u64_slow(struct sbuf *b, uint64_t v);
/* sbuf_u64 - v in decimal (one digit inline, the rest two per division). */
static inline void sbuf_u64(struct sbuf *b, uint64_t v)
{
	if (v < 10 && b->len + 2 <= b->cap) {
		b->p[b->len++] = (char)('0' + v);
		b->p[b->len] = 0;
		return;
	}
	sbuf_u64_slow(b, v);
}
void sbuf_hex(struct sbuf *b, const uint8_t *p, size_t n);
/* sbuf_escape - wire bytes as text: printable ASCII kept, backslash doubled,
 * quote escaped when quote is set, every other byte as \n, \t, \r or \xNN. */
void sbuf_escape(struct sbuf *b, const uint8_t *p, size_t n, int quote);
/* sbuf_utf8 - the UTF-8 sequence starting p[0] (n bytes available): its
 * length (1 to 4) with its code point in *cp, or 0 when it is not a valid,
 * shortest-form sequence of a scalar value. */
size_t sbuf_utf8(const uint8_t *p, size_t n, uint32_t *cp);
/* sbuf_cp_unsafe - a code point that acts on a terminal or reorders the
 * text around it: C0 controls, DEL, C1 controls (U+0080..U+009F, CSI and
 * OSC among them), the bidirectional marks, embeddings, overrides and
 * isolates (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069) and the
 * line and paragraph separators U+2028, U+2029. */
int sbuf_cp_unsafe(uint32_t cp);
/* sbuf_escape_msg - a message for standard error that may echo user input:
 * valid UTF-8 kept, newline, tab and CR as \n, \t, \r, every byte of an
 * unsafe code point or of invalid UTF-8 as \xNN. */
void sbuf_escape_msg(struct sbuf *b, const char *s);
/* Addresses as text: dotted quad; RFC 5952 IPv6 (longest run of two or
 * more zero groups as "::"); n bytes of link-layer address as aa:bb:... */
void sbuf_ipv4(struct sbuf *b, const uint8_t *p);
void sbuf_ipv6(struct sbuf *b, const uint8_t *p);
void sbuf_lladdr(struct sbuf *b, const uint8_t *p, size_t n);
/* sbuf_bit_names - the names of v's set bits from bits (indexed by bit),
 * sep between two, an unnamed bit as 0x...; nothing when v is 0. */
void sbuf_bit_names(struct sbuf *b, const struct nl_names *bits, uint64_t v, char sep);
void sbuf_free(struct sbuf *b);
static inline void sbuf_reset(struct sbuf *b) { b->len = 0; }

#endif
