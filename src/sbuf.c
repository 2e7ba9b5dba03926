/* sbuf.c - growable text buffer and the one escaping function for wire strings. */
#include "sbuf.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sbuf_grow(struct sbuf *b, size_t more)
{
	size_t need = b->len + more + 1;

	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap *= 2;
	char *np = realloc(b->p, cap);
	if (!np) {
		fputs("nldump: out of memory\n", stderr);
		exit(3);
	}
	b->p = np;
	b->cap = cap;
}

void sbuf_putc_slow(struct sbuf *b, char ch)
{
	sbuf_reserve(b, 1);
	b->p[b->len++] = ch;
	b->p[b->len] = 0;
}

void sbuf_puts(struct sbuf *b, const char *s)
{
	size_t n = strlen(s);

	sbuf_reserve(b, n);
	sbuf_copy_short(b->p + b->len, s, n);	/* mostly short labels and names */
	b->len += n;
	b->p[b->len] = 0;
}

void sbuf_vprintf(struct sbuf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;

	va_copy(ap2, ap);
	sbuf_reserve(b, 64);
	n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
	if (n < 0)
		n = 0;
	if ((size_t)n >= b->cap - b->len) {
		sbuf_reserve(b, (size_t)n);
		vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap2);
	}
	va_end(ap2);
	b->len += (size_t)n;
}

void sbuf_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sbuf_vprintf(b, fmt, ap);
	va_end(ap);
}

/* "00" "01" ... "99": two digits per division */
static const char digit_pairs[201] =
	"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

char *sbuf_digits(char *end, uint64_t v)
{
	char *o = end;

	/* two digits per division */
	while (v >= 100) {
		unsigned r = (unsigned)(v % 100);
		v /= 100;
		*--o = digit_pairs[2 * r + 1];
		*--o = digit_pairs[2 * r];
	}
	if (v >= 10) {
		*--o = digit_pairs[2 * v + 1];
		*--o = digit_pairs[2 * v];
	} else {
		*--o = (char)('0' + v);
	}
	return o;
}

void sbuf_u64_slow(struct sbuf *b, uint64_t v)
{
	char t[24];
	/* the digits from the end, then copied at once */
	const char *o = sbuf_digits(t + sizeof(t), v);
	size_t n = (size_t)(t + sizeof(t) - o);
	sbuf_reserve(b, n);
	sbuf_copy_short(b->p + b->len, o, n);
	b->len += n;
	b->p[b->len] = 0;
}

static const char hexdig[] = "0123456789abcdef";

void sbuf_hexnum(struct sbuf *b, uint64_t v)
{
	char t[18];
	int n = 0;

	do {
		t[n++] = hexdig[v & 15];
		v >>= 4;
	} while (v);
	sbuf_reserve(b, (size_t)n + 2);
	b->p[b->len++] = '0';
	b->p[b->len++] = 'x';
	while (n)
		b->p[b->len++] = t[--n];
	b->p[b->len] = 0;
}

void sbuf_hex(struct sbuf *b, const uint8_t *p, size_t n)
{
	sbuf_reserve(b, 2 * n);
	for (size_t i = 0; i < n; i++) {
		b->p[b->len++] = hexdig[p[i] >> 4];
		b->p[b->len++] = hexdig[p[i] & 15];
	}
	b->p[b->len] = 0;
}

void sbuf_escape(struct sbuf *b, const uint8_t *p, size_t n, int quote)
{
	sbuf_reserve(b, n + 2);
	for (size_t i = 0; i < n; i++) {
		uint8_t ch = p[i];

		if (ch == '\\' || (quote && ch == '"')) {
			sbuf_putc(b, '\\');
			sbuf_putc(b, (char)ch);
		} else if (ch >= 0x20 && ch < 0x7f) {
			sbuf_putc(b, (char)ch);
		} else if (ch == '\n') {
			sbuf_put(b, "\\n", 2);
		} else if (ch == '\t') {
			sbuf_put(b, "\\t", 2);
		} else if (ch == '\r') {
			sbuf_put(b, "\\r", 2);
		} else {
			char t[4] = { '\\', 'x', hexdig[ch >> 4], hexdig[ch & 15] };
			sbuf_put(b, t, 4);
		}
	}
}

size_t sbuf_utf8(const uint8_t *p, size_t n, uint32_t *cp)
{
	uint8_t c = p[0];
	size_t k;
	uint32_t v;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		k = 2;
		v = c & 0x1fu;
	} else if (c >= 0xe0 && c <= 0xef) {
		k = 3;
		v = c & 0x0fu;
	} else if (c >= 0xf0 && c <= 0xf4) {
		k = 4;
		v = c & 0x07u;
	} else {
		return 0;	/* a continuation byte, C0/C1 (overlong) or F5..FF */
	}
	if (n < k)
		return 0;
	for (size_t j = 1; j < k; j++) {
		if ((p[j] & 0xc0) != 0x80)
			return 0;
		v = v << 6 | (p[j] & 0x3fu);
	}
	if ((k == 3 && v < 0x800) || (k == 4 && (v < 0x10000 || v > 0x10ffff)) ||
	    (v >= 0xd800 && v <= 0xdfff))
		return 0;	/* overlong, beyond Unicode, or a surrogate */
	*cp = v;
	return k;
}

int sbuf_cp_unsafe(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x061c ||
	       cp == 0x200e || cp == 0x200f || (cp >= 0x2028 && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

void sbuf_escape_msg(struct sbuf *b, const char *s)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t n = strlen(s);

	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = sbuf_utf8(p + i, n - i, &cp);

		if (k && !sbuf_cp_unsafe(cp)) {
			sbuf_put(b, s + i, k);
			i += k;
			continue;
		}
		if (k == 1 && (cp == '\n' || cp == '\t' || cp == '\r')) {
			sbuf_put(b, cp == '\n' ? "\\n" : cp == '\t' ? "\\t" : "\\r", 2);
			i++;
			continue;
		}
		for (size_t j = 0; j < (k ? k : 1); j++) {
			char t[4] = { '\\', 'x', hexdig[p[i + j] >> 4], hexdig[p[i + j] & 15] };
			sbuf_put(b, t, 4);
		}
		i += k ? k : 1;
	}
}

void sbuf_ipv4(struct sbuf *b, const uint8_t *p)
{
	for (int i = 0; i < 4; i++) {
		if (i)
			sbuf_putc(b, '.');
		sbuf_u64(b, p[i]);
	}
}

void sbuf_ipv6(struct sbuf *b, const uint8_t *p)
{
	unsigned g[8];
	int best = -1, bestlen = 0;

	for (int i = 0; i < 8; i++)
		g[i] = (unsigned)p[2 * i] << 8 | p[2 * i + 1];
	for (int i = 0; i < 8;) {
		int j = i;
		while (j < 8 && !g[j])
			j++;
		if (j - i > bestlen && j - i >= 2) {
			best = i;
			bestlen = j - i;
		}
		i = j > i ? j : i + 1;
	}
	for (int i = 0; i < 8; i++) {
		if (i == best) {
			sbuf_put(b, "::", 2);
			i += bestlen - 1;
			continue;
		}
		if (i && i != best + bestlen)
			sbuf_putc(b, ':');
		char t[5];
		int n = 0;
		for (int sh = 12; sh >= 0; sh -= 4)
			if ((g[i] >> sh) || n || !sh)
				t[n++] = hexdig[(g[i] >> sh) & 15];
		sbuf_put(b, t, (size_t)n);
	}
}

void sbuf_lladdr(struct sbuf *b, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char t[3] = { hexdig[p[i] >> 4], hexdig[p[i] & 15], ':' };
		sbuf_put(b, t, i + 1 < n ? 3 : 2);
	}
}

void sbuf_free(struct sbuf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

void sbuf_bit_names(struct sbuf *b, const struct nl_names *bits, uint64_t v, char sep)
{
	bool first = true;

	for (uint64_t rest = v; rest; rest &= rest - 1) {	/* the set bits, lowest first */
		unsigned i = (unsigned)__builtin_ctzll(rest);
		uint64_t m = 1ull << i;
		const char *nm = nl_name(bits, i);
		if (!first)
			sbuf_putc(b, sep);
		first = false;
		if (nm)
			sbuf_puts(b, nm);
		else
			sbuf_printf(b, "0x%llx", (unsigned long long)m);
	}
}
