/* sbuf.h - a growable text buffer for building output lines. */
#ifndef NLDUMP_SBUF_H
#define NLDUMP_SBUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

struct sbuf {
	char *p;
	size_t len;
	size_t cap;
};

void sbuf_reserve(struct sbuf *b, size_t more);
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
void sbuf_put(struct sbuf *b, const char *s, size_t n);
void sbuf_puts(struct sbuf *b, const char *s);
void sbuf_printf(struct sbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sbuf_vprintf(struct sbuf *b, const char *fmt, va_list ap);
void sbuf_u64(struct sbuf *b, uint64_t v);
void sbuf_hex(struct sbuf *b, const uint8_t *p, size_t n);
/* sbuf_escape - wire bytes as text: printable ASCII kept, backslash doubled,
 * quote escaped when quote is set, every other byte as \n, \t, \r or \xNN. */
void sbuf_escape(struct sbuf *b, const uint8_t *p, size_t n, int quote);
/* Addresses as text: dotted quad; RFC 5952 IPv6 (longest run of two or
 * more zero groups as "::"); n bytes of link-layer address as aa:bb:... */
void sbuf_ipv4(struct sbuf *b, const uint8_t *p);
void sbuf_ipv6(struct sbuf *b, const uint8_t *p);
void sbuf_lladdr(struct sbuf *b, const uint8_t *p, size_t n);
void sbuf_free(struct sbuf *b);
static inline void sbuf_reset(struct sbuf *b) { b->len = 0; }

#endif
