/* emit.c - text-line, text-tree and JSON backends of the emitter API. */
#include "emit.h"

#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define OUT_FLUSH_AT (1u << 16)

static struct sbuf outbuf;

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
	sbuf_free(&outbuf);
}

bool emit_flush(struct emitter *e)
{
	bool ok = true;

	if (outbuf.len) {
		if (fwrite(outbuf.p, 1, outbuf.len, e->out) != outbuf.len)
			ok = false;
		outbuf.len = 0;
	}
	if (fflush(e->out) != 0)
		ok = false;
	return ok;
}

/* ---- JSON helpers ---- */

/* Is p[0..n) valid UTF-8? */
static bool utf8_valid(const uint8_t *p, size_t n)
{
	size_t i = 0;

	while (i < n) {
		uint8_t c = p[i];
		size_t k;
		uint32_t cp;

		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xe0) == 0xc0) {
			k = 1;
			cp = c & 0x1f;
		} else if ((c & 0xf0) == 0xe0) {
			k = 2;
			cp = c & 0x0f;
		} else if ((c & 0xf8) == 0xf0) {
			k = 3;
			cp = c & 0x07;
		} else {
			return false;
		}
		for (size_t j = 1; j <= k; j++) {
			if (i + j >= n || (p[i + j] & 0xc0) != 0x80)
				return false;
			cp = (cp << 6) | (p[i + j] & 0x3f);
		}
		if ((k == 1 && cp < 0x80) || (k == 2 && cp < 0x800) ||
		    (k == 3 && (cp < 0x10000 || cp > 0x10ffff)) ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return false;
		i += k + 1;
	}
	return true;
}

static json_t *json_wire_string(struct emitter *e, const uint8_t *p, size_t n)
{
	if (utf8_valid(p, n))
		return json_stringn((const char *)p, n);
	/* not UTF-8: keep ASCII, write other bytes as \xNN text */
	sbuf_reset(&e->tmp);
	sbuf_escape(&e->tmp, p, n, 0);
	return json_stringn(e->tmp.p, e->tmp.len);
}

/* Path of the current position, "attrs.key.ipv4" style, into b. */
static void path_of(struct emitter *e, struct sbuf *b)
{
	for (int i = 1; i <= e->depth; i++) {
		const struct emit_frame *f = &e->st[i];

		if (f->idx >= 0) {
			sbuf_printf(b, "[%d]", f->idx);
			continue;
		}
		if (!f->key)
			continue;
		if (b->len)
			sbuf_putc(b, '.');
		sbuf_puts(b, f->key);
	}
}

static void json_note_dup(struct emitter *e, const char *key)
{
	struct sbuf b = { 0 };

	path_of(e, &b);
	if (b.len)
		sbuf_putc(&b, '.');
	sbuf_puts(&b, key);
	if (!e->json_dups) {
		e->json_dups = json_array();
		json_object_set_new(e->json_root, "duplicates", e->json_dups);
	}
	json_array_append_new(e->json_dups, json_stringn(b.p, b.len));
	sbuf_free(&b);
}

/* Attach v (stolen) under key to the current container. */
static void json_put(struct emitter *e, const char *key, json_t *v)
{
	struct emit_frame *f = &e->st[e->depth];
	json_t *parent = f->json;

	if (!parent || e->overflow) {
		json_decref(v);
		return;
	}
	if (json_is_array(parent)) {
		if (key) {
			json_t *w = json_object();
			json_object_set_new(w, key, v);
			json_array_append_new(parent, w);
		} else {
			json_array_append_new(parent, v);
		}
		return;
	}
	if (!key)
		key = "value";
	json_t *old = json_object_get(parent, key);
	if (!old) {
		json_object_set_new(parent, key, v);
		return;
	}
	if (f->dups && json_object_get(f->dups, key)) {
		json_array_append_new(old, v);
		return;
	}
	json_t *arr = json_array();
	json_array_append(arr, old);
	json_array_append_new(arr, v);
	json_object_set_new(parent, key, arr);
	if (!f->dups)
		f->dups = json_object();
	json_object_set_new(f->dups, key, json_true());
	json_note_dup(e, key);
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
	e->json_malformed = NULL;
	e->json_truncated = NULL;
	e->json_dups = NULL;
	if (e->mode == EMIT_JSON) {
		e->json_root = json_object();
		e->st[0].json = e->json_root;
	}
}

static int dump_cb(const char *buf, size_t size, void *data)
{
	sbuf_put(data, buf, size);
	return 0;
}

static void pop_all(struct emitter *e)
{
	while (e->depth > 0) {
		if (e->st[e->depth].dups)
			json_decref(e->st[e->depth].dups);
		e->depth--;
	}
	if (e->st[0].dups) {
		json_decref(e->st[0].dups);
		e->st[0].dups = NULL;
	}
}

void emit_msg_discard(struct emitter *e)
{
	pop_all(e);
	if (e->json_root) {
		json_decref(e->json_root);
		e->json_root = NULL;
	}
}

void emit_msg_end(struct emitter *e)
{
	pop_all(e);
	e->tot_malformed += e->n_malformed;
	e->tot_truncated += e->n_truncated;
	e->tot_unknown += e->n_unknown;
	switch (e->mode) {
	case EMIT_COUNT:
		break;
	case EMIT_LINE:
	case EMIT_TREE:
		sbuf_put(&outbuf, e->line.p ? e->line.p : "", e->line.len);
		if (e->first_problem.len) {
			sbuf_put(&outbuf, " [", 2);
			sbuf_put(&outbuf, e->first_problem.p, e->first_problem.len);
			unsigned more = e->n_malformed + e->n_truncated - 1;
			if (more)
				sbuf_printf(&outbuf, " (+%u more)", more);
			sbuf_putc(&outbuf, ']');
		}
		sbuf_putc(&outbuf, '\n');
		if (e->tree.len)
			sbuf_put(&outbuf, e->tree.p, e->tree.len);
		break;
	case EMIT_JSON:
		json_dump_callback(e->json_root, dump_cb, &outbuf,
				   JSON_COMPACT | JSON_PRESERVE_ORDER |
				   JSON_REAL_PRECISION(17));
		sbuf_putc(&outbuf, '\n');
		json_decref(e->json_root);
		e->json_root = NULL;
		break;
	}
	if (outbuf.len >= OUT_FLUSH_AT) {
		if (fwrite(outbuf.p, 1, outbuf.len, e->out) != outbuf.len) {
			outbuf.len = 0;
			if (errno == EPIPE)
				exit(0);
			fputs("nldump: write error\n", stderr);
			exit(1);
		}
		outbuf.len = 0;
	}
}

/* ---- containers ---- */

static void push(struct emitter *e, const char *key, int idx, bool list, json_t *j)
{
	e->depth++;
	struct emit_frame *f = &e->st[e->depth];
	f->key = key;
	f->idx = idx;
	f->list = list;
	f->json = j;
	f->dups = NULL;
}

static void begin(struct emitter *e, const char *key, int idx, bool list)
{
	json_t *j = NULL;

	if (e->depth + 1 >= EMIT_MAX_DEPTH || e->overflow) {
		/* the walkers bound nesting below this; be safe anyway: the
		 * container and what goes into it are dropped, and the matching
		 * end only counts down */
		e->overflow++;
		return;
	}
	if (e->mode == EMIT_JSON) {
		j = list ? json_array() : json_object();
		if (idx >= 0) {
			json_object_set_new(j, "index", json_integer(idx));
			json_put(e, NULL, json_incref(j));
		} else {
			json_put(e, key, json_incref(j));
		}
		json_decref(j);	/* the parent holds it */
	} else if (e->mode == EMIT_TREE) {
		indent(e);
		if (idx >= 0)
			sbuf_printf(&e->tree, "[%d]:\n", idx);
		else
			sbuf_printf(&e->tree, "%s:\n", key ? key : "-");
	}
	push(e, key, idx, list, j);
}

void emit_obj_begin(struct emitter *e, const char *key) { begin(e, key, -1, false); }
void emit_list_begin(struct emitter *e, const char *key) { begin(e, key, -1, true); }
void emit_item_begin(struct emitter *e, int idx) { begin(e, NULL, idx < 0 ? 0 : idx, false); }

void emit_obj_end(struct emitter *e)
{
	if (e->overflow) {
		e->overflow--;
		return;
	}
	if (e->depth <= 0)
		return;
	if (e->st[e->depth].dups)
		json_decref(e->st[e->depth].dups);
	e->st[e->depth].dups = NULL;
	e->depth--;
}

void emit_list_end(struct emitter *e) { emit_obj_end(e); }

/* ---- scalars ---- */

void emit_uint(struct emitter *e, const char *key, uint64_t v, enum emit_fmt f)
{
	if (e->mode == EMIT_JSON) {
		json_put(e, key, json_integer((json_int_t)v));
		return;
	}
	if (!want_text(e))
		return;
	char t[32];
	int n;
	if (f == EF_HEX)
		n = snprintf(t, sizeof(t), "0x%llx", (unsigned long long)v);
	else if (f == EF_OCT)
		n = snprintf(t, sizeof(t), "0%llo", (unsigned long long)v);
	else
		n = snprintf(t, sizeof(t), "%llu", (unsigned long long)v);
	put_text(e, key, t, (size_t)n, t, (size_t)n);
}

void emit_sint(struct emitter *e, const char *key, int64_t v)
{
	if (e->mode == EMIT_JSON) {
		json_put(e, key, json_integer((json_int_t)v));
		return;
	}
	if (!want_text(e))
		return;
	char t[32];
	int n = snprintf(t, sizeof(t), "%lld", (long long)v);
	put_text(e, key, t, (size_t)n, t, (size_t)n);
}

void emit_bool(struct emitter *e, const char *key, bool v)
{
	if (e->mode == EMIT_JSON) {
		json_put(e, key, json_boolean(v));
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
		json_put(e, key, json_null());
		return;
	}
	if (!want_text(e))
		return;
	put_text(e, key, "-", 1, "-", 1);
}

void emit_flag(struct emitter *e, const char *key)
{
	if (e->mode == EMIT_JSON) {
		json_put(e, key, json_true());
		return;
	}
	if (!want_text(e))
		return;
	if (e->mode == EMIT_TREE) {
		indent(e);
		sbuf_puts(&e->tree, key ? key : "flag");
		sbuf_putc(&e->tree, '\n');
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
		json_put(e, key, json_wire_string(e, p, n));
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
		json_put(e, key, json_string(s));
		return;
	}
	if (!want_text(e))
		return;
	put_text(e, key, s, strlen(s), s, strlen(s));
}

void emit_text(struct emitter *e, const char *key, const char *fmt, ...)
{
	va_list ap;

	if (e->mode == EMIT_COUNT || (e->mode == EMIT_LINE && !e->sum_next))
		return;
	sbuf_reset(&e->tmp);
	va_start(ap, fmt);
	sbuf_vprintf(&e->tmp, fmt, ap);
	va_end(ap);
	if (e->mode == EMIT_JSON) {
		json_put(e, key, json_stringn(e->tmp.p, e->tmp.len));
		return;
	}
	put_text(e, key, e->tmp.p, e->tmp.len, e->tmp.p, e->tmp.len);
}

void emit_hex(struct emitter *e, const char *key, const uint8_t *p, size_t n)
{
	if (e->mode == EMIT_COUNT || (e->mode == EMIT_LINE && !e->sum_next))
		return;
	sbuf_reset(&e->tmp);
	sbuf_hex(&e->tmp, p, n);
	if (e->mode == EMIT_JSON) {
		json_put(e, key, json_stringn(e->tmp.p, e->tmp.len));
		return;
	}
	put_text(e, key, e->tmp.p, e->tmp.len, e->tmp.p, e->tmp.len);
}

void emit_addr(struct emitter *e, const char *key, enum emit_addr kind,
	       const uint8_t *p, size_t n)
{
	char t[64];
	size_t len = 0;

	if (e->mode == EMIT_COUNT || (e->mode == EMIT_LINE && !e->sum_next))
		return;
	if (kind == EA_IPV4 && n == 4) {
		len = (size_t)snprintf(t, sizeof(t), "%u.%u.%u.%u", p[0], p[1], p[2], p[3]);
	} else if (kind == EA_IPV6 && n == 16) {
		/* RFC 5952: compress the longest run (>= 2) of zero groups */
		unsigned g[8];
		int best = -1, bestlen = 0;
		for (int i = 0; i < 8; i++)
			g[i] = (unsigned)p[2 * i] << 8 | p[2 * i + 1];
		for (int i = 0; i < 8;) {
			int j = i;
			while (j < 8 && g[j] == 0)
				j++;
			if (j - i > bestlen && j - i >= 2) {
				best = i;
				bestlen = j - i;
			}
			i = j == i ? i + 1 : j;
		}
		for (int i = 0; i < 8; i++) {
			if (i == best) {
				len += (size_t)snprintf(t + len, sizeof(t) - len, "::");
				i += bestlen - 1;
				continue;
			}
			if (len && t[len - 1] != ':')
				t[len++] = ':';
			len += (size_t)snprintf(t + len, sizeof(t) - len, "%x", g[i]);
		}
		if (!len)
			len = (size_t)snprintf(t, sizeof(t), "::");
	} else {
		/* link-layer address of any length */
		if (n > 20) {
			emit_hex(e, key, p, n);
			return;
		}
		for (size_t i = 0; i < n; i++)
			len += (size_t)snprintf(t + len, sizeof(t) - len, i ? ":%02x" : "%02x", p[i]);
	}
	t[len] = 0;
	if (e->mode == EMIT_JSON) {
		json_put(e, key, json_stringn(t, len));
		return;
	}
	put_text(e, key, t, len, t, len);
}

void emit_enum_name(struct emitter *e, const char *key, uint64_t v, const char *name)
{
	if (e->mode == EMIT_JSON) {
		if (name)
			json_put(e, key, json_string(name));
		else
			json_put(e, key, json_integer((json_int_t)v));
		return;
	}
	if (!want_text(e))
		return;
	char t[128];
	int n;
	if (!name || e->numeric) {
		n = snprintf(t, sizeof(t), "%llu", (unsigned long long)v);
		put_text(e, key, t, (size_t)n, t, (size_t)n);
		return;
	}
	n = snprintf(t, sizeof(t), "%s (%llu)", name, (unsigned long long)v);
	if (n >= (int)sizeof(t))
		n = (int)sizeof(t) - 1;
	put_text(e, key, t, (size_t)n, name, strlen(name));
}

void emit_enum(struct emitter *e, const char *key, uint64_t v,
	       const struct nl_names *names)
{
	emit_enum_name(e, key, v, nl_name(names, v));
}

static void flags_text(struct sbuf *b, uint64_t v, const struct nl_names *bits,
		       bool numeric)
{
	bool first = true;

	sbuf_putc(b, '[');
	for (unsigned i = 0; i < 64; i++) {
		uint64_t m = 1ull << i;
		if (!(v & m))
			continue;
		const char *nm = numeric ? NULL : nl_name(bits, i);
		if (!first)
			sbuf_putc(b, ',');
		first = false;
		if (nm)
			sbuf_puts(b, nm);
		else
			sbuf_printf(b, "0x%llx", (unsigned long long)m);
	}
	sbuf_putc(b, ']');
}

static json_t *flags_json(uint64_t v, const struct nl_names *bits)
{
	json_t *a = json_array();

	for (unsigned i = 0; i < 64; i++) {
		uint64_t m = 1ull << i;
		if (!(v & m))
			continue;
		const char *nm = nl_name(bits, i);
		if (nm) {
			json_array_append_new(a, json_string(nm));
		} else {
			char t[24];
			snprintf(t, sizeof(t), "0x%llx", (unsigned long long)m);
			json_array_append_new(a, json_string(t));
		}
	}
	return a;
}

void emit_flags(struct emitter *e, const char *key, uint64_t v,
		const struct nl_names *bits)
{
	if (e->mode == EMIT_JSON) {
		json_put(e, key, flags_json(v, bits));
		return;
	}
	if (!want_text(e))
		return;
	struct sbuf *t = &e->tmp;
	sbuf_reset(t);
	sbuf_printf(t, "0x%llx ", (unsigned long long)v);
	size_t bstart = t->len;
	flags_text(t, v, bits, e->numeric);
	put_text(e, key, t->p, t->len, t->p + bstart, t->len - bstart);
}

void emit_flagword(struct emitter *e, const char *key, const char *names_key,
		   uint64_t v, const struct nl_names *bits)
{
	if (e->mode == EMIT_JSON) {
		json_put(e, key, json_integer((json_int_t)v));
		json_put(e, names_key, flags_json(v, bits));
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
		struct sbuf p = { 0 };
		path_of(e, &p);
		bool mal = kind[0] == 'm';
		json_t *arr = mal ? e->json_malformed : e->json_truncated;
		if (!arr) {
			arr = json_array();
			json_object_set_new(e->json_root, kind, arr);
			if (mal)
				e->json_malformed = arr;
			else
				e->json_truncated = arr;
		}
		json_t *o = json_object();
		json_object_set_new(o, "at", json_stringn(p.p ? p.p : "", p.len));
		json_object_set_new(o, "offset", json_integer((json_int_t)off));
		json_object_set_new(o, "reason", json_string(why));
		json_array_append_new(arr, o);
		sbuf_free(&p);
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

void emit_sum(struct emitter *e, const char *fmt, ...)
{
	va_list ap;

	if (!emit_want_summary(e))
		return;
	va_start(ap, fmt);
	sbuf_vprintf(&e->line, fmt, ap);
	va_end(ap);
}

void emit_sum_str(struct emitter *e, const uint8_t *p, size_t n)
{
	if (!emit_want_summary(e))
		return;
	sbuf_escape(&e->line, p, n, 0);
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
