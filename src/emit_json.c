/* emit_json.c - the JSON backend: JSON is written as it is described,
 * straight into the output buffer (no tree per message). */
#include <string.h>

#include "emit.h"
#include "emit_priv.h"

/* Bytes a JSON string holds as they are: printable ASCII but '"' and '\\'
 * (a bit per byte value below 128). */
static const uint64_t json_plain_bits[2] = { 0xfffffffb00000000ull, 0x7fffffffefffffffull };

static inline bool json_plain(uint8_t ch)
{
	return ch < 128 && (json_plain_bits[ch >> 6] >> (ch & 63) & 1);
}

/* A JSON string literal of p[0..n).  Valid UTF-8 is written as it is,
 * except what JSON must escape and the code points sbuf_cp_unsafe() names
 * (controls, DEL, C1, bidirectional controls, U+2028/U+2029), written as
 * \uXXXX so that the JSON text is safe on a terminal.  For a string from
 * the wire (wire set) the decoded string is unambiguous: a backslash of the
 * wire reads as two (\\), a byte that is not valid UTF-8 as \xNN.  Our
 * own strings are ASCII; an invalid byte in one would become U+FFFD. */
static void json_text(struct sbuf *b, const uint8_t *p, size_t n, bool wire)
{
	sbuf_reserve(b, 6 * n + 2);	/* the worst case: every byte \u00XX */
	char *o = b->p + b->len;

	*o++ = '"';
	for (size_t i = 0; i < n;) {
		uint8_t ch = p[i];
		uint32_t cp;
		size_t k;

		if (json_plain(ch)) {	/* a run of plain bytes */
			do
				*o++ = (char)p[i++];
			while (i < n && json_plain(p[i]));
			continue;
		}
		if (ch == '"' || ch == '\\') {
			*o++ = '\\';
			*o++ = (char)ch;
			if (ch == '\\' && wire) {
				*o++ = '\\';
				*o++ = '\\';
			}
			i++;
			continue;
		}
		if (ch == '\n' || ch == '\t' || ch == '\r') {
			*o++ = '\\';
			*o++ = ch == '\n' ? 'n' : ch == '\t' ? 't' : 'r';
			i++;
			continue;
		}
		k = sbuf_utf8(p + i, n - i, &cp);
		if (!k) {
			if (wire) {
				memcpy(o, "\\\\x", 3);
				o[3] = hexd[ch >> 4];
				o[4] = hexd[ch & 15];
				o += 5;
			} else {
				memcpy(o, "\\ufffd", 6);
				o += 6;
			}
			i++;
			continue;
		}
		if (sbuf_cp_unsafe(cp)) {	/* all in the BMP */
			memcpy(o, "\\u", 2);
			o[2] = hexd[cp >> 12 & 15];
			o[3] = hexd[cp >> 8 & 15];
			o[4] = hexd[cp >> 4 & 15];
			o[5] = hexd[cp & 15];
			o += 6;
		} else {
			memcpy(o, p + i, k);
			o += k;
		}
		i += k;
	}
	*o++ = '"';
	*o = 0;
	b->len = (size_t)(o - b->p);
}

/* A JSON string literal of our own text (names, paths, formatted values). */
void json_lit(struct sbuf *b, const uint8_t *p, size_t n)
{
	json_text(b, p, n, false);
}

void json_cstr(struct sbuf *b, const char *s)
{
	json_lit(b, (const uint8_t *)s, strlen(s));
}

void emit_json_string(struct sbuf *b, const uint8_t *p, size_t n, bool wire)
{
	json_text(b, p, n, wire);
}

/* Wire bytes as a JSON string (see json_text). */
void json_wire(struct emitter *e, struct sbuf *b, const uint8_t *p, size_t n)
{
	(void)e;
	json_text(b, p, n, true);
}

/* Path of the current position, "attrs.key.ipv4" style, into b. */
void emit_path_of(struct emitter *e, struct sbuf *b)
{
	size_t start = b->len;

	for (int i = 1; i <= e->depth; i++) {
		const struct emit_frame *f = &e->st[i];

		if (f->idx >= 0) {
			sbuf_printf(b, "[%d]", f->idx);
			continue;
		}
		if (!f->key)
			continue;
		if (b->len > start)
			sbuf_putc(b, '.');
		sbuf_puts(b, f->key);
	}
}

void emit_note_dup(struct emitter *e, const char *key)
{
	if (e->mode != EMIT_JSON)
		return;
	struct sbuf *b = &e->tmp;
	sbuf_reset(b);
	emit_path_of(e, b);
	if (b->len)
		sbuf_putc(b, '.');
	sbuf_puts(b, key);
	if (e->jdups.len)
		sbuf_putc(&e->jdups, ',');
	json_lit(&e->jdups, (const uint8_t *)b->p, b->len);
}

void json_raw(struct emitter *e, const char *key, const char *v, size_t n)
{
	bool w = json_val(e, key);
	sbuf_put(&e->outbuf, v, n);
	json_end(e, w);
}

void json_tail(struct emitter *e, const char *key, const struct sbuf *items)
{
	if (!items->len)
		return;
	json_val(e, key);
	sbuf_putc(&e->outbuf, '[');
	sbuf_put(&e->outbuf, items->p, items->len);
	sbuf_putc(&e->outbuf, ']');
}
