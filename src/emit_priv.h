/* emit_priv.h - what the emit*.c files share (not part of the emitter API). */
#ifndef NLDUMP_EMIT_PRIV_H
#define NLDUMP_EMIT_PRIV_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "emit.h"

/* emit_json.c */
/* A JSON string literal of our own text (names, paths, formatted values). */
void json_lit(struct sbuf *b, const uint8_t *p, size_t n);
void json_cstr(struct sbuf *b, const char *s);
/* Wire bytes as a JSON string. */
void json_wire(struct emitter *e, struct sbuf *b, const uint8_t *p, size_t n);
/* Path of the current position, "attrs.key.ipv4" style, into b. */
void emit_path_of(struct emitter *e, struct sbuf *b);
/* key: v, v written as it is (JSON literals and numbers). */
void json_raw(struct emitter *e, const char *key, const char *v, size_t n);
/* "key":[items] when there are items (the lists closing a message). */
void json_tail(struct emitter *e, const char *key, const struct sbuf *items);

/* emit_tree.c */
void tree_indent(struct emitter *e);
void tree_unfold(struct emitter *e, struct emit_frame *f);
void tree_line(struct emitter *e, const char *key, bool flag, const char *v, size_t n);
void tree_fold_end(struct emitter *e, const struct emit_frame *f);

/* emit_sum.c */
/* Write fmt's %s %c %d %u %x (zero-padded width, l ll z) directly; false,
 * having written nothing, for any other conversion. */
bool sum_format(struct sbuf *b, const char *fmt, va_list ap);

static const char hexd[] = "0123456789abcdef";

/* Start a value under key in the current container: the comma, the key,
 * and for a keyed item of a list the {"key": wrapper.  Returns whether a
 * wrapper was opened (to be closed after the value). */
static inline bool json_val(struct emitter *e, const char *key)
{
	struct emit_frame *f = &e->st[e->depth];
	struct sbuf *b = &e->outbuf;
	bool comma = !f->first, wrap = f->list;

	f->first = false;
	if (wrap && !key) {
		if (comma)
			sbuf_putc(b, ',');
		return false;
	}
	if (!key)
		key = "value";
	/* ,{"key": in one go */
	size_t n = strlen(key);
	sbuf_reserve(b, n + 5);
	char *o = b->p + b->len;
	*o = ',';
	o += comma;
	*o = '{';
	o += wrap;
	*o++ = '"';
	o = sbuf_copy_short(o, key, n);
	*o++ = '"';
	*o++ = ':';
	*o = 0;
	b->len = (size_t)(o - b->p);
	return wrap;
}

static inline void json_end(struct emitter *e, bool wrapped)
{
	if (wrapped)
		sbuf_putc(&e->outbuf, '}');
}

/* Does this scalar need its text rendered? */
static inline bool text_wanted(const struct emitter *e)
{
	return e->mode == EMIT_TREE || (e->mode == EMIT_LINE && e->sum_next);
}

/* Something other than a plain value goes into the current frame. */
static inline void tree_complex(struct emitter *e)
{
	struct emit_frame *f = &e->st[e->depth];

	if (f->folding)
		tree_unfold(e, f);
	f->complex = true;
}

/* Put the rendered text of a scalar: full form for the tree, brief form
 * (may be the same) for the summary. */
static inline void text_put(struct emitter *e, const char *key, const char *full,
			    size_t flen, const char *brief, size_t blen)
{
	if (e->mode == EMIT_TREE)
		tree_line(e, key, false, full, flen);
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

#endif
