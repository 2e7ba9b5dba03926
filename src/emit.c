/* emit.c - text-line, text-tree and JSON backends of the emitter API. */
#include "emit.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define OUT_FLUSH_AT (1u << 16)

void emit_init(struct emitter *e, enum emit_mode mode, FILE *out)
{
	memset(e, 0, sizeof(*e));
	e->mode = mode;
	e->out = out;
}

void emit_fini(struct emitter *e)
{
	emit_flush(e);
	sbuf_free(&e->line);
	sbuf_free(&e->tree);
	sbuf_free(&e->tmp);
	sbuf_free(&e->first_problem);
	sbuf_free(&e->jmal);
	sbuf_free(&e->jtrunc);
	sbuf_free(&e->jdups);
	sbuf_free(&e->outbuf);
}

bool emit_flush(struct emitter *e)
{
	bool ok = true;

	if (e->outbuf.len) {
		if (fwrite(e->outbuf.p, 1, e->outbuf.len, e->out) != e->outbuf.len)
			ok = false;
		e->outbuf.len = 0;
	}
	if (fflush(e->out) != 0)
		ok = false;
	return ok;
}

/* ---- JSON helpers: JSON is written as it is described, straight into
 * the output buffer (no tree per message). ---- */

static const char hexd[] = "0123456789abcdef";

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

		if (ch >= 0x20 && ch < 0x7f && ch != '"' && ch != '\\') {
			*o++ = (char)ch;
			i++;
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
static void json_lit(struct sbuf *b, const uint8_t *p, size_t n)
{
	json_text(b, p, n, false);
}

void emit_json_string(struct sbuf *b, const uint8_t *p, size_t n, bool wire)
{
	json_text(b, p, n, wire);
}

/* A key: our own names ([a-z0-9_]), written as they are. */
static void json_key(struct sbuf *b, const char *k)
{
	size_t n = strlen(k);

	sbuf_reserve(b, n + 3);
	b->p[b->len++] = '"';
	memcpy(b->p + b->len, k, n);
	b->len += n;
	b->p[b->len++] = '"';
	b->p[b->len++] = ':';
	b->p[b->len] = 0;
}

static void json_cstr(struct sbuf *b, const char *s)
{
	json_lit(b, (const uint8_t *)s, strlen(s));
}

/* Wire bytes as a JSON string (see json_text). */
static void json_wire(struct emitter *e, struct sbuf *b, const uint8_t *p, size_t n)
{
	(void)e;
	json_text(b, p, n, true);
}

/* Path of the current position, "attrs.key.ipv4" style, into b. */
static void path_of(struct emitter *e, struct sbuf *b)
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
	path_of(e, b);
	if (b->len)
		sbuf_putc(b, '.');
	sbuf_puts(b, key);
	if (e->jdups.len)
		sbuf_putc(&e->jdups, ',');
	json_lit(&e->jdups, (const uint8_t *)b->p, b->len);
}

/* Start a value under key in the current container: the comma, the key,
 * and for a keyed item of a list the {"key": wrapper.  Returns whether a
 * wrapper was opened (to be closed after the value). */
static bool jval(struct emitter *e, const char *key)
{
	struct emit_frame *f = &e->st[e->depth];

	if (!f->first)
		sbuf_putc(&e->outbuf, ',');
	f->first = false;
	if (f->list) {
		if (!key)
			return false;
		sbuf_putc(&e->outbuf, '{');
		json_key(&e->outbuf, key);
		return true;
	}
	json_key(&e->outbuf, key ? key : "value");
	return false;
}

static inline void jend(struct emitter *e, bool wrapped)
{
	if (wrapped)
		sbuf_putc(&e->outbuf, '}');
}

static void json_raw(struct emitter *e, const char *key, const char *v, size_t n)
{
	bool w = jval(e, key);
	sbuf_put(&e->outbuf, v, n);
	jend(e, w);
}

/* ---- text helpers ---- */

static void indent(struct emitter *e)
{
	int n = 2 * (e->depth + 1);

	sbuf_reserve(&e->tree, (size_t)n);
	memset(e->tree.p + e->tree.len, ' ', (size_t)n);
	e->tree.len += (size_t)n;
	e->tree.p[e->tree.len] = 0;
}

static void tree_key(struct emitter *e, const char *key)
{
	indent(e);
	if (key) {
		sbuf_puts(&e->tree, key);
		sbuf_put(&e->tree, ": ", 2);
	} else {
		sbuf_put(&e->tree, "- ", 2);
	}
}

/* Does this scalar need its text rendered? */
static inline bool want_text(const struct emitter *e)
{
	return e->mode == EMIT_TREE || (e->mode == EMIT_LINE && e->sum_next);
}

/* Put the rendered text of a scalar: full form for the tree, brief form
 * (may be the same) for the summary. */
static void put_text(struct emitter *e, const char *key, const char *full,
		     size_t flen, const char *brief, size_t blen)
{
	if (e->mode == EMIT_TREE) {
		tree_key(e, key);
		sbuf_put(&e->tree, full, flen);
		sbuf_putc(&e->tree, '\n');
		e->st[e->depth].nscalar++;
	}
	if (e->sum_next) {
		e->sum_next = false;
		if (e->line.len)
			sbuf_putc(&e->line, ' ');
		if (e->sum_label && *e->sum_label) {
			sbuf_puts(&e->line, e->sum_label);
			sbuf_putc(&e->line, ' ');
		}
		sbuf_put(&e->line, brief, blen);
	}
}

/* ---- messages ---- */

void emit_msg_begin(struct emitter *e)
{
	sbuf_reset(&e->line);
	sbuf_reset(&e->tree);
	sbuf_reset(&e->first_problem);
	e->sum_next = false;
	e->depth = 0;
	e->overflow = 0;
	e->n_malformed = e->n_truncated = e->n_unknown = 0;
	memset(&e->st[0], 0, sizeof(e->st[0]));
	e->st[0].idx = -1;
	e->st[0].first = true;
	if (e->mode == EMIT_JSON) {
		sbuf_reset(&e->jmal);
		sbuf_reset(&e->jtrunc);
		sbuf_reset(&e->jdups);
		e->msg_mark = e->outbuf.len;
		sbuf_putc(&e->outbuf, '{');
	}
}

static void close_frame(struct emitter *e)
{
	struct emit_frame *f = &e->st[e->depth];

	if (e->mode == EMIT_JSON) {
		sbuf_putc(&e->outbuf, f->list ? ']' : '}');
		jend(e, f->wrapped);
	}
	e->depth--;
}

void emit_msg_discard(struct emitter *e)
{
	e->depth = 0;
	if (e->mode == EMIT_JSON)
		e->outbuf.len = e->msg_mark;
}

static void json_tail(struct emitter *e, const char *key, const struct sbuf *items)
{
	if (!items->len)
		return;
	jval(e, key);
	sbuf_putc(&e->outbuf, '[');
	sbuf_put(&e->outbuf, items->p, items->len);
	sbuf_putc(&e->outbuf, ']');
}

void emit_msg_end(struct emitter *e)
{
	e->overflow = 0;
	while (e->depth > 0)
		close_frame(e);
	e->tot_malformed += e->n_malformed;
	e->tot_truncated += e->n_truncated;
	e->tot_unknown += e->n_unknown;
	switch (e->mode) {
	case EMIT_COUNT:
		break;
	case EMIT_LINE:
	case EMIT_TREE:
		sbuf_put(&e->outbuf, e->line.p ? e->line.p : "", e->line.len);
		if (e->first_problem.len) {
			sbuf_put(&e->outbuf, " [", 2);
			sbuf_put(&e->outbuf, e->first_problem.p, e->first_problem.len);
			unsigned more = e->n_malformed + e->n_truncated - 1;
			if (more)
				sbuf_printf(&e->outbuf, " (+%u more)", more);
			sbuf_putc(&e->outbuf, ']');
		}
		sbuf_putc(&e->outbuf, '\n');
		if (e->tree.len)
			sbuf_put(&e->outbuf, e->tree.p, e->tree.len);
		break;
	case EMIT_JSON:
		json_tail(e, "duplicates", &e->jdups);
		json_tail(e, "malformed", &e->jmal);
		json_tail(e, "truncated", &e->jtrunc);
		sbuf_put(&e->outbuf, "}\n", 2);
		break;
	}
	if (e->outbuf.len >= OUT_FLUSH_AT) {
		if (fwrite(e->outbuf.p, 1, e->outbuf.len, e->out) != e->outbuf.len) {
			e->outbuf.len = 0;
			if (errno == EPIPE)
				exit(0);
			fputs("nldump: write error\n", stderr);
			exit(1);
		}
		e->outbuf.len = 0;
	}
}

/* ---- containers ---- */

static void push(struct emitter *e, const char *key, int idx, bool list, bool set,
		 bool wrapped)
{
	e->st[e->depth].complex = true;
	e->depth++;
	struct emit_frame *f = &e->st[e->depth];
	f->key = key;
	f->idx = idx;
	f->list = list;
	f->set = set;
	f->first = true;
	f->wrapped = wrapped;
	f->tstart = e->tree.len;
	f->nscalar = 0;
	f->complex = false;
}

static void begin(struct emitter *e, const char *key, int idx, bool list, bool set)
{
	bool wrapped = false;

	if (e->depth + 1 >= EMIT_MAX_DEPTH || e->overflow) {
		/* the walker bounds nesting far below this; be safe anyway */
		e->overflow++;
		return;
	}
	if (e->mode == EMIT_JSON) {
		wrapped = jval(e, idx >= 0 ? NULL : key);
		sbuf_putc(&e->outbuf, list ? '[' : '{');
	} else if (e->mode == EMIT_TREE) {
		indent(e);
		if (idx >= 0) {
			sbuf_putc(&e->tree, '[');
			sbuf_u64(&e->tree, (uint64_t)idx);
			sbuf_put(&e->tree, "]:\n", 3);
		} else {
			sbuf_puts(&e->tree, key ? key : "-");
			sbuf_put(&e->tree, ":\n", 2);
		}
	}
	push(e, key, idx, list, set, wrapped);
	if (idx >= 0 && e->mode == EMIT_JSON) {
		sbuf_puts(&e->outbuf, "\"index\":");
		sbuf_u64(&e->outbuf, (uint64_t)idx);
		e->st[e->depth].first = false;
	}
}

/* -v layout.  A structure (an object begun with emit_obj_begin: a fixed
 * header, a struct attribute, a record a callback decodes) is folded onto
 * its key's line, "key:\n  a: 1\n  b: 2\n" -> "key: a 1 b 2\n", when all
 * its members are plain values (no nested object or list, no problem
 * marker) and there are at most EMIT_FOLD_MAX of them.  Attribute sets,
 * lists and list items are never folded.  The rule looks at what kind of
 * object it is and how many members it has, never at how long the values
 * are, so one structure keeps one layout whatever it holds. */
#define EMIT_FOLD_MAX 16

static void fold(struct emitter *e, const struct emit_frame *f)
{
	struct sbuf *t = &e->tree;

	if (f->list || f->set || f->complex || !f->nscalar || f->nscalar > EMIT_FOLD_MAX ||
	    f->tstart == 0 || t->p[f->tstart - 1] != '\n')
		return;
	/* in place: a member line "    k: v\n" becomes " k v", never longer */
	char *o = t->p + f->tstart - 1;	/* over the newline after "key:" */
	const char *p = t->p + f->tstart, *end = t->p + t->len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			nl = end;
		while (p < nl && *p == ' ')
			p++;
		const char *colon = NULL;
		for (const char *q = p; q + 1 < nl; q++)
			if (q[0] == ':' && q[1] == ' ') {
				colon = q;
				break;
			}
		*o++ = ' ';
		for (const char *q = p; q < nl; q++) {
			if (q == colon)
				continue;	/* "k: v" -> "k v" */
			*o++ = *q;
		}
		p = nl + 1;
	}
	*o++ = '\n';
	*o = 0;
	t->len = (size_t)(o - t->p);
}

void emit_obj_begin(struct emitter *e, const char *key) { begin(e, key, -1, false, false); }
void emit_set_begin(struct emitter *e, const char *key) { begin(e, key, -1, false, true); }
void emit_list_begin(struct emitter *e, const char *key) { begin(e, key, -1, true, false); }
void emit_item_begin(struct emitter *e, int idx) { begin(e, NULL, idx < 0 ? 0 : idx, false, true); }

void emit_obj_end(struct emitter *e)
{
	if (e->overflow) {
		e->overflow--;
		return;
	}
	if (e->depth <= 0)
		return;
	if (e->mode == EMIT_TREE)
		fold(e, &e->st[e->depth]);
	close_frame(e);
}

void emit_list_end(struct emitter *e) { emit_obj_end(e); }

/* ---- scalars ---- */

void emit_uint(struct emitter *e, const char *key, uint64_t v, enum emit_fmt f)
{
	if (e->mode == EMIT_JSON) {
		bool w = jval(e, key);
		sbuf_u64(&e->outbuf, v);
		jend(e, w);
		return;
	}
	if (!want_text(e))
		return;
	struct sbuf *t = &e->tmp;
	sbuf_reset(t);
	if (f == EF_HEX)
		sbuf_hexnum(t, v);
	else if (f == EF_OCT)
		sbuf_printf(t, "0%llo", (unsigned long long)v);
	else
		sbuf_u64(t, v);
	put_text(e, key, t->p, t->len, t->p, t->len);
}

void emit_sint(struct emitter *e, const char *key, int64_t v)
{
	if (e->mode == EMIT_JSON) {
		bool w = jval(e, key);
		if (v < 0) {
			sbuf_putc(&e->outbuf, '-');
			sbuf_u64(&e->outbuf, (uint64_t)0 - (uint64_t)v);
		} else {
			sbuf_u64(&e->outbuf, (uint64_t)v);
		}
		jend(e, w);
		return;
	}
	if (!want_text(e))
		return;
	/* as %lld, without printf: the digits from the end */
	char t[24];
	size_t i = sizeof(t);
	uint64_t m = v < 0 ? 0u - (uint64_t)v : (uint64_t)v;
	do {
		t[--i] = (char)('0' + m % 10);
		m /= 10;
	} while (m);
	if (v < 0)
		t[--i] = '-';
	put_text(e, key, t + i, sizeof(t) - i, t + i, sizeof(t) - i);
}

void emit_bool(struct emitter *e, const char *key, bool v)
{
	if (e->mode == EMIT_JSON) {
		json_raw(e, key, v ? "true" : "false", v ? 4 : 5);
		return;
	}
	if (!want_text(e))
		return;
	const char *s = v ? "true" : "false";
	put_text(e, key, s, strlen(s), s, strlen(s));
}

void emit_null(struct emitter *e, const char *key)
{
	if (e->mode == EMIT_JSON) {
		json_raw(e, key, "null", 4);
		return;
	}
	if (!want_text(e))
		return;
	put_text(e, key, "-", 1, "-", 1);
}

void emit_flag(struct emitter *e, const char *key)
{
	if (e->mode == EMIT_JSON) {
		json_raw(e, key, "true", 4);
		return;
	}
	if (!want_text(e))
		return;
	if (e->mode == EMIT_TREE) {
		indent(e);
		sbuf_puts(&e->tree, key ? key : "flag");
		sbuf_putc(&e->tree, '\n');
		e->st[e->depth].nscalar++;
	}
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
		bool w = jval(e, key);
		json_wire(e, &e->outbuf, p, n);
		jend(e, w);
		return;
	}
	if (!want_text(e))
		return;
	struct sbuf *t = &e->tmp;
	sbuf_reset(t);
	sbuf_putc(t, '"');
	sbuf_escape(t, p, n, 1);
	sbuf_putc(t, '"');
	put_text(e, key, t->p, t->len, t->p + 1, t->len - 2);
}

void emit_cstr(struct emitter *e, const char *key, const char *s)
{
	if (e->mode == EMIT_JSON) {
		bool w = jval(e, key);
		json_cstr(&e->outbuf, s);
		jend(e, w);
		return;
	}
	if (!want_text(e))
		return;
	put_text(e, key, s, strlen(s), s, strlen(s));
}

static bool fast_format(struct sbuf *b, const char *fmt, va_list ap);

void emit_fixed(struct emitter *e, const char *key, int64_t v, unsigned decimals)
{
	char t[32];
	uint64_t m = v < 0 ? 0u - (uint64_t)v : (uint64_t)v, div = 1;
	size_t n;

	if (e->mode == EMIT_COUNT || (e->mode == EMIT_LINE && !e->sum_next))
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
		bool w = jval(e, key);
		while (decimals > 1 && t[n - 1] == '0') {
			n--;
			decimals--;
		}
		sbuf_put(&e->outbuf, t, n);
		jend(e, w);
		return;
	}
	put_text(e, key, t, n, t, n);
}

void emit_text(struct emitter *e, const char *key, const char *fmt, ...)
{
	va_list ap;

	if (e->mode == EMIT_COUNT || (e->mode == EMIT_LINE && !e->sum_next))
		return;
	sbuf_reset(&e->tmp);
	va_start(ap, fmt);
	if (!fast_format(&e->tmp, fmt, ap)) {
		va_end(ap);
		va_start(ap, fmt);
		sbuf_vprintf(&e->tmp, fmt, ap);
	}
	va_end(ap);
	if (e->mode == EMIT_JSON) {
		bool w = jval(e, key);
		json_lit(&e->outbuf, (const uint8_t *)e->tmp.p, e->tmp.len);
		jend(e, w);
		return;
	}
	put_text(e, key, e->tmp.p, e->tmp.len, e->tmp.p, e->tmp.len);
}

void emit_hex(struct emitter *e, const char *key, const uint8_t *p, size_t n)
{
	if (e->mode == EMIT_COUNT || (e->mode == EMIT_LINE && !e->sum_next))
		return;
	if (e->mode == EMIT_JSON) {
		bool w = jval(e, key);
		sbuf_putc(&e->outbuf, '"');	/* hex digits need no escaping */
		sbuf_hex(&e->outbuf, p, n);
		sbuf_putc(&e->outbuf, '"');
		jend(e, w);
		return;
	}
	sbuf_reset(&e->tmp);
	sbuf_hex(&e->tmp, p, n);
	put_text(e, key, e->tmp.p, e->tmp.len, e->tmp.p, e->tmp.len);
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
		bool w = jval(e, key);
		json_lit(&e->outbuf, (const uint8_t *)t->p, t->len);
		jend(e, w);
		return;
	}
	put_text(e, key, t->p ? t->p : "", t->len, t->p ? t->p : "", t->len);
}

void emit_enum_name(struct emitter *e, const char *key, uint64_t v, const char *name)
{
	if (e->mode == EMIT_JSON) {
		bool w = jval(e, key);
		if (name)
			json_cstr(&e->outbuf, name);
		else
			sbuf_u64(&e->outbuf, v);
		jend(e, w);
		return;
	}
	if (!want_text(e))
		return;
	struct sbuf *t = &e->tmp;
	sbuf_reset(t);
	if (!name || e->numeric) {
		sbuf_u64(t, v);
		put_text(e, key, t->p, t->len, t->p, t->len);
		return;
	}
	sbuf_puts(t, name);
	sbuf_put(t, " (", 2);
	sbuf_u64(t, v);
	sbuf_putc(t, ')');
	put_text(e, key, t->p, t->len, name, strlen(name));
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
	for (unsigned i = 0; i < 64; i++) {
		uint64_t m = 1ull << i;
		if (!(v & m))
			continue;
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
	bool w = jval(e, key);

	emit_json_flags(&e->outbuf, v, bits);
	jend(e, w);
}

void emit_flags(struct emitter *e, const char *key, uint64_t v,
		const struct nl_names *bits)
{
	if (e->mode == EMIT_JSON) {
		flags_json(e, key, v, bits);
		return;
	}
	if (!want_text(e))
		return;
	struct sbuf *t = &e->tmp;
	sbuf_reset(t);
	sbuf_hexnum(t, v);
	if (e->numeric) {	/* -n: the word as one number, as the summary's */
		put_text(e, key, t->p, t->len, t->p, t->len);
		return;
	}
	sbuf_putc(t, ' ');
	size_t bstart = t->len;
	flags_text(t, v, bits);
	put_text(e, key, t->p, t->len, t->p + bstart, t->len - bstart);
}

void emit_flagword(struct emitter *e, const char *key, const char *names_key,
		   uint64_t v, const struct nl_names *bits)
{
	if (e->mode == EMIT_JSON) {
		bool w = jval(e, key);
		sbuf_u64(&e->outbuf, v);
		jend(e, w);
		flags_json(e, names_key, v, bits);
		return;
	}
	emit_flags(e, key, v, bits);
}

/* ---- problems ---- */

static void problem(struct emitter *e, const char *kind, size_t off, const char *why)
{
	if (e->mode == EMIT_COUNT)
		return;
	if (e->mode == EMIT_JSON) {
		struct sbuf *l = kind[0] == 'm' ? &e->jmal : &e->jtrunc;
		struct sbuf *t = &e->tmp;
		if (l->len)
			sbuf_putc(l, ',');
		sbuf_puts(l, "{\"at\":");
		sbuf_reset(t);
		path_of(e, t);
		json_lit(l, (const uint8_t *)(t->p ? t->p : ""), t->len);
		sbuf_puts(l, ",\"offset\":");
		sbuf_u64(l, off);
		sbuf_puts(l, ",\"reason\":");
		json_cstr(l, why);
		sbuf_putc(l, '}');
		return;
	}
	if (!e->first_problem.len) {
		sbuf_printf(&e->first_problem, "%s at +%zu", kind, off);
		if (e->depth > 0) {
			sbuf_putc(&e->first_problem, ' ');
			path_of(e, &e->first_problem);
		}
		sbuf_printf(&e->first_problem, ": %s", why);
	}
	if (e->mode == EMIT_TREE) {
		indent(e);
		sbuf_printf(&e->tree, "[%s at +%zu: %s]\n", kind, off, why);
		e->st[e->depth].complex = true;
	}
}

void emit_malformed(struct emitter *e, size_t off, const char *fmt, ...)
{
	char why[256];
	va_list ap;

	e->n_malformed++;
	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	problem(e, "malformed", off, why);
}

void emit_truncated(struct emitter *e, size_t off, size_t want, size_t have)
{
	char why[96];

	e->n_truncated++;
	snprintf(why, sizeof(why), "capture ends: %zu bytes declared, %zu captured", want, have);
	problem(e, "truncated", off, why);
}

void emit_unknown_seen(struct emitter *e)
{
	e->n_unknown++;
}

/* ---- summary ---- */

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

	do {
		t[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	while (n < width)
		t[n++] = '0';
	while (n)
		sbuf_putc(b, t[--n]);
}

static bool fast_format(struct sbuf *b, const char *fmt, va_list ap)
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
	if (!fast_format(&e->line, fmt, ap)) {
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
