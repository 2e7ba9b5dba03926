/* emit_sum.c - the one-line summary: its formats (a direct formatter for
 * the short, plain ones), literals, strings and addresses. */
#include <stdarg.h>
#include <string.h>

#include "emit.h"
#include "emit_priv.h"

/* The summary's formats (and emit_text's) are short and plain: %s, %c and the integer
 * conversions d u x with an optional zero-padded width (%02x, %04x) and
 * length (l, ll, z) are written here directly; anything else goes to
 * vsnprintf.  Returns false, having written nothing, when the format holds
 * such a conversion (checked before anything is written). */
struct fconv {
	unsigned width;		/* zero-padded minimum width, 0 for none */
	char len;		/* 0, 'l', 'L' (ll) or 'z' */
	char conv;
	unsigned skip;		/* characters of the conversion after '%' */
};

static bool fconv_parse(const char *p, struct fconv *c)
{
	unsigned i = 0;

	c->width = 0;
	c->len = 0;
	if (p[i] == '0') {
		i++;
		if (p[i] < '1' || p[i] > '9' || (p[i + 1] >= '0' && p[i + 1] <= '9'))
			return false;
		c->width = (unsigned)(p[i++] - '0');
	}
	if (p[i] == 'l' && p[i + 1] == 'l') {
		c->len = 'L';
		i += 2;
	} else if (p[i] == 'l') {
		c->len = 'l';
		i++;
	} else if (p[i] == 'z') {
		c->len = 'z';
		i++;
	}
	c->conv = p[i];
	c->skip = i + 1;
	switch (c->conv) {
	case 'd': case 'u': case 'x':
		return c->len != 'z' || c->conv != 'd';
	case 's': case 'c': case '%':
		return !c->width && !c->len;
	default:
		return false;
	}
}

static void fconv_digits(struct sbuf *b, uint64_t v, unsigned base, unsigned width)
{
	char t[24];
	unsigned n = 0;

	if (base == 10 && width <= 1) {
		sbuf_u64(b, v);
		return;
	}
	do {
		t[n++] = hexd[v % base];
		v /= base;
	} while (v);
	while (n < width)
		t[n++] = '0';
	sbuf_reserve(b, n);
	char *o = b->p + b->len;
	b->len += n;
	while (n)
		*o++ = t[--n];
	*o = 0;
}

bool sum_format(struct sbuf *b, const char *fmt, va_list ap)
{
	struct fconv c;
	const char *p;
	size_t mark = b->len;	/* taken back if a conversion is not ours */

	p = fmt;
	while (*p) {
		const char *q = p;
		while (*q && *q != '%')
			q++;
		if (q > p) {
			sbuf_put(b, p, (size_t)(q - p));
			p = q;
			if (!*p)
				break;
		}
		if (!fconv_parse(p + 1, &c)) {
			b->len = mark;
			if (b->p)
				b->p[mark] = 0;
			return false;
		}
		switch (c.conv) {
		case 's':
			sbuf_puts(b, va_arg(ap, const char *));
			break;
		case 'c':
			sbuf_putc(b, (char)va_arg(ap, int));
			break;
		case 'd': {
			int64_t v = c.len == 'L' ? (int64_t)va_arg(ap, long long)
				  : c.len == 'l' ? (int64_t)va_arg(ap, long)
				  : (int64_t)va_arg(ap, int);
			/* a width counts the sign, as printf's does */
			if (v < 0) {
				sbuf_putc(b, '-');
				fconv_digits(b, 0u - (uint64_t)v, 10, c.width ? c.width - 1 : 0);
			} else {
				fconv_digits(b, (uint64_t)v, 10, c.width);
			}
			break;
		}
		case 'u':
		case 'x': {
			uint64_t v = c.len == 'L' ? (uint64_t)va_arg(ap, unsigned long long)
				   : c.len == 'l' ? (uint64_t)va_arg(ap, unsigned long)
				   : c.len == 'z' ? (uint64_t)va_arg(ap, size_t)
				   : (uint64_t)va_arg(ap, unsigned);
			fconv_digits(b, v, c.conv == 'x' ? 16 : 10, c.width);
			break;
		}
		default:
			sbuf_putc(b, '%');
			break;
		}
		p += 1 + c.skip;
	}
	return true;
}

void emit_sum(struct emitter *e, const char *fmt, ...)
{
	va_list ap;

	if (!emit_want_summary(e))
		return;
	va_start(ap, fmt);
	if (!sum_format(&e->line, fmt, ap)) {
		va_end(ap);
		va_start(ap, fmt);
		sbuf_vprintf(&e->line, fmt, ap);
	}
	va_end(ap);
}

void emit_sum_str(struct emitter *e, const uint8_t *p, size_t n)
{
	if (!emit_want_summary(e))
		return;
	sbuf_escape(&e->line, p, n, 0);
}

void emit_sum_lit(struct emitter *e, const char *s)
{
	if (!emit_want_summary(e))
		return;
	sbuf_puts(&e->line, s);
}

void emit_sum_u64(struct emitter *e, const char *label, uint64_t v)
{
	if (!emit_want_summary(e))
		return;
	sbuf_puts(&e->line, label);
	sbuf_u64(&e->line, v);
}

void emit_sum_addr(struct emitter *e, enum emit_addr kind, const uint8_t *p, size_t n)
{
	if (!emit_want_summary(e))
		return;
	struct sbuf *l = &e->line;
	if (kind == EA_IPV4 && n == 4) {
		sbuf_ipv4(l, p);
	} else if (kind == EA_IPV6 && n == 16) {
		static const uint8_t zero[12];
		/* ::ffff:a.b.c.d and ::a.b.c.d (not ::, ::1...: the last
		 * group but one not zero), as inet_ntop */
		if (!memcmp(p, zero, 10) && p[10] == 0xff && p[11] == 0xff) {
			sbuf_put(l, "::ffff:", 7);
			sbuf_ipv4(l, p + 12);
		} else if (!memcmp(p, zero, 12) && (p[12] || p[13])) {
			sbuf_put(l, "::", 2);
			sbuf_ipv4(l, p + 12);
		} else {
			sbuf_ipv6(l, p);
		}
	} else {
		sbuf_lladdr(l, p, n);
	}
}

void emit_sum_next(struct emitter *e, const char *label)
{
	if (!emit_want_summary(e))
		return;
	e->sum_next = true;
	e->sum_label = label;
}

void emit_raw_line(struct emitter *e, const char *s, size_t n)
{
	if (!emit_want_summary(e))
		return;
	sbuf_put(&e->tree, s, n);
	sbuf_putc(&e->tree, '\n');
}
