/* emit_value.c - scalars of the emitter API: each one written by the
 * JSON writer, or as text for the tree and the summary line. */
#include <stdio.h>
#include <string.h>

#include "emit.h"
#include "emit_priv.h"

void emit_uint(struct emitter *e, const char *key, uint64_t v, enum emit_fmt f)
{
	if (e->mode == EMIT_JSON) {
		bool w = json_val(e, key);
		sbuf_u64(&e->outbuf, v);
		json_end(e, w);
		return;
	}
	if (!text_wanted(e))
		return;
	if (f == EF_DEC) {	/* the digits on the stack, no buffer */
		char d[24];
		const char *s = sbuf_digits(d + sizeof(d), v);
		size_t n = (size_t)(d + sizeof(d) - s);
		text_put(e, key, s, n, s, n);
		return;
	}
	struct sbuf *t = &e->tmp;
	sbuf_reset(t);
	if (f == EF_HEX)
		sbuf_hexnum(t, v);
	else
		sbuf_printf(t, "0%llo", (unsigned long long)v);
	text_put(e, key, t->p, t->len, t->p, t->len);
}

void emit_sint(struct emitter *e, const char *key, int64_t v)
{
	if (e->mode == EMIT_JSON) {
		bool w = json_val(e, key);
		if (v < 0) {
			sbuf_putc(&e->outbuf, '-');
			sbuf_u64(&e->outbuf, (uint64_t)0 - (uint64_t)v);
		} else {
			sbuf_u64(&e->outbuf, (uint64_t)v);
		}
		json_end(e, w);
		return;
	}
	if (!text_wanted(e))
		return;
	/* as %lld, without printf: the digits from the end */
	char t[24];
	char *s = sbuf_digits(t + sizeof(t), v < 0 ? 0u - (uint64_t)v : (uint64_t)v);
	if (v < 0)
		*--s = '-';
	size_t n = (size_t)(t + sizeof(t) - s);
	text_put(e, key, s, n, s, n);
}

void emit_bool(struct emitter *e, const char *key, bool v)
{
	if (e->mode == EMIT_JSON) {
		json_raw(e, key, v ? "true" : "false", v ? 4 : 5);
		return;
	}
	if (!text_wanted(e))
		return;
	const char *s = v ? "true" : "false";
	text_put(e, key, s, strlen(s), s, strlen(s));
}

void emit_null(struct emitter *e, const char *key)
{
	if (e->mode == EMIT_JSON) {
		json_raw(e, key, "null", 4);
		return;
	}
	if (!text_wanted(e))
		return;
	text_put(e, key, "-", 1, "-", 1);
}

void emit_flag(struct emitter *e, const char *key)
{
	if (e->mode == EMIT_JSON) {
		json_raw(e, key, "true", 4);
		return;
	}
	if (!text_wanted(e))
		return;
	if (e->mode == EMIT_TREE)
		tree_line(e, key ? key : "flag", true, NULL, 0);
	if (e->sum_next) {
		e->sum_next = false;
		if (e->line.len)
			sbuf_putc(&e->line, ' ');
		sbuf_puts(&e->line, key ? key : "flag");
	}
}

void emit_str(struct emitter *e, const char *key, const uint8_t *p, size_t n)
{
	if (e->mode == EMIT_JSON) {
		bool w = json_val(e, key);
		json_wire(e, &e->outbuf, p, n);
		json_end(e, w);
		return;
	}
	if (!text_wanted(e))
		return;
	struct sbuf *t = &e->tmp;
	sbuf_reset(t);
	sbuf_putc(t, '"');
	sbuf_escape(t, p, n, 1);
	sbuf_putc(t, '"');
	text_put(e, key, t->p, t->len, t->p + 1, t->len - 2);
}

void emit_cstr(struct emitter *e, const char *key, const char *s)
{
	if (e->mode == EMIT_JSON) {
		bool w = json_val(e, key);
		json_cstr(&e->outbuf, s);
		json_end(e, w);
		return;
	}
	if (!text_wanted(e))
		return;
	text_put(e, key, s, strlen(s), s, strlen(s));
}

void emit_fixed(struct emitter *e, const char *key, int64_t v, unsigned decimals)
{
	char t[32];
	uint64_t m = v < 0 ? 0u - (uint64_t)v : (uint64_t)v, div = 1;
	size_t n;

	if (e->mode != EMIT_JSON && !text_wanted(e))
		return;
	if (decimals > 6)
		decimals = 6;
	for (unsigned i = 0; i < decimals; i++)
		div *= 10;
	n = (size_t)snprintf(t, sizeof(t), "%s%llu", v < 0 ? "-" : "",
			     (unsigned long long)(m / div));
	if (decimals)
		n += (size_t)snprintf(t + n, sizeof(t) - n, ".%0*llu", (int)decimals,
				      (unsigned long long)(m % div));
	if (e->mode == EMIT_JSON) {	/* the shortest form: -40.0, 5.25 */
		bool w = json_val(e, key);
		while (decimals > 1 && t[n - 1] == '0') {
			n--;
			decimals--;
		}
		sbuf_put(&e->outbuf, t, n);
		json_end(e, w);
		return;
	}
	text_put(e, key, t, n, t, n);
}

void emit_text(struct emitter *e, const char *key, const char *fmt, ...)
{
	va_list ap;

	if (e->mode == EMIT_COUNT || (e->mode == EMIT_LINE && !e->sum_next))
		return;
	sbuf_reset(&e->tmp);
	va_start(ap, fmt);
	if (!sum_format(&e->tmp, fmt, ap)) {
		va_end(ap);
		va_start(ap, fmt);
		sbuf_vprintf(&e->tmp, fmt, ap);
	}
	va_end(ap);
	if (e->mode == EMIT_JSON) {
		bool w = json_val(e, key);
		json_lit(&e->outbuf, (const uint8_t *)e->tmp.p, e->tmp.len);
		json_end(e, w);
		return;
	}
	text_put(e, key, e->tmp.p, e->tmp.len, e->tmp.p, e->tmp.len);
}

void emit_hex(struct emitter *e, const char *key, const uint8_t *p, size_t n)
{
	if (e->mode == EMIT_COUNT || (e->mode == EMIT_LINE && !e->sum_next))
		return;
	if (e->mode == EMIT_JSON) {
		bool w = json_val(e, key);
		sbuf_putc(&e->outbuf, '"');	/* hex digits need no escaping */
		sbuf_hex(&e->outbuf, p, n);
		sbuf_putc(&e->outbuf, '"');
		json_end(e, w);
		return;
	}
	sbuf_reset(&e->tmp);
	sbuf_hex(&e->tmp, p, n);
	text_put(e, key, e->tmp.p, e->tmp.len, e->tmp.p, e->tmp.len);
}

void emit_addr(struct emitter *e, const char *key, enum emit_addr kind,
	       const uint8_t *p, size_t n)
{
	if (e->mode == EMIT_COUNT || (e->mode == EMIT_LINE && !e->sum_next))
		return;
	if (kind == EA_MAC && n > 20) {
		emit_hex(e, key, p, n);	/* not an address of any kind */
		return;
	}
	struct sbuf *t = &e->tmp;
	sbuf_reset(t);
	if (kind == EA_IPV4 && n == 4)
		sbuf_ipv4(t, p);
	else if (kind == EA_IPV6 && n == 16)
		sbuf_ipv6(t, p);
	else
		sbuf_lladdr(t, p, n);
	if (e->mode == EMIT_JSON) {
		bool w = json_val(e, key);
		json_lit(&e->outbuf, (const uint8_t *)t->p, t->len);
		json_end(e, w);
		return;
	}
	text_put(e, key, t->p ? t->p : "", t->len, t->p ? t->p : "", t->len);
}

void emit_enum_name(struct emitter *e, const char *key, uint64_t v, const char *name)
{
	if (e->mode == EMIT_JSON) {
		bool w = json_val(e, key);
		if (name)
			json_cstr(&e->outbuf, name);
		else
			sbuf_u64(&e->outbuf, v);
		json_end(e, w);
		return;
	}
	if (!text_wanted(e))
		return;
	struct sbuf *t = &e->tmp;
	sbuf_reset(t);
	if (!name || e->numeric) {
		sbuf_u64(t, v);
		text_put(e, key, t->p, t->len, t->p, t->len);
		return;
	}
	sbuf_puts(t, name);
	sbuf_put(t, " (", 2);
	sbuf_u64(t, v);
	sbuf_putc(t, ')');
	text_put(e, key, t->p, t->len, name, strlen(name));
}

void emit_enum(struct emitter *e, const char *key, uint64_t v,
	       const struct nl_names *names)
{
	emit_enum_name(e, key, v, nl_name(names, v));
}

static void flags_text(struct sbuf *b, uint64_t v, const struct nl_names *bits)
{
	sbuf_putc(b, '[');
	sbuf_bit_names(b, bits, v, ',');
	sbuf_putc(b, ']');
}

void emit_json_flags(struct sbuf *b, uint64_t v, const struct nl_names *bits)
{
	bool first = true;

	sbuf_putc(b, '[');
	for (uint64_t rest = v; rest; rest &= rest - 1) {
		unsigned i = (unsigned)__builtin_ctzll(rest);
		uint64_t m = 1ull << i;
		if (!first)
			sbuf_putc(b, ',');
		first = false;
		const char *nm = nl_name(bits, i);
		if (nm) {
			json_cstr(b, nm);
		} else {
			char t[24];
			snprintf(t, sizeof(t), "0x%llx", (unsigned long long)m);
			json_cstr(b, t);
		}
	}
	sbuf_putc(b, ']');
}

static void flags_json(struct emitter *e, const char *key, uint64_t v,
		       const struct nl_names *bits)
{
	bool w = json_val(e, key);

	emit_json_flags(&e->outbuf, v, bits);
	json_end(e, w);
}

void emit_flags(struct emitter *e, const char *key, uint64_t v,
		const struct nl_names *bits)
{
	if (e->mode == EMIT_JSON) {
		flags_json(e, key, v, bits);
		return;
	}
	if (!text_wanted(e))
		return;
	struct sbuf *t = &e->tmp;
	sbuf_reset(t);
	sbuf_hexnum(t, v);
	if (e->numeric) {	/* -n: the word as one number, as the summary's */
		text_put(e, key, t->p, t->len, t->p, t->len);
		return;
	}
	sbuf_putc(t, ' ');
	size_t bstart = t->len;
	flags_text(t, v, bits);
	text_put(e, key, t->p, t->len, t->p + bstart, t->len - bstart);
}

void emit_flagword(struct emitter *e, const char *key, const char *names_key,
		   uint64_t v, const struct nl_names *bits)
{
	if (e->mode == EMIT_JSON) {
		bool w = json_val(e, key);
		sbuf_u64(&e->outbuf, v);
		json_end(e, w);
		flags_json(e, names_key, v, bits);
		return;
	}
	emit_flags(e, key, v, bits);
}
