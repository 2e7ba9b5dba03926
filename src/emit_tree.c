/* emit_tree.c - the -v tree layout (indent, member lines, folding) and
 * the text of a scalar for the tree and the summary line.
 *
 * -v layout.  A structure (an object begun with emit_obj_begin: a fixed
 * header, a struct attribute, a record a callback decodes) is folded onto
 * its key's line, "key:\n  a: 1\n  b: 2\n" -> "key: a 1 b 2\n", when all
 * its members are plain values (no nested object or list, no problem
 * marker) and there are at most EMIT_FOLD_MAX of them: each member line
 * loses its indent and the first ": " becomes " ".  Attribute sets, lists
 * and list items are never folded.  The rule looks at what kind of object
 * it is and how many members it has, never at how long the values are, so
 * one structure keeps one layout whatever it holds.
 *
 * A structure's members are written folded from the start; the first
 * thing that forbids folding (a nested container, a marker, one member
 * too many) lays the members written so far out one a line (unfold). */
#include <string.h>

#include "emit.h"
#include "emit_priv.h"

void tree_indent(struct emitter *e)
{
	int n = 2 * (e->depth + 1);

	sbuf_reserve(&e->tree, (size_t)n);
	memset(e->tree.p + e->tree.len, ' ', (size_t)n);
	e->tree.len += (size_t)n;
	e->tree.p[e->tree.len] = 0;
}

static const char spaces[2 * EMIT_MAX_DEPTH + 2] =
	"                                                                  ";

/* A structure being folded may not be: its members one a line again. */
void tree_unfold(struct emitter *e, struct emit_frame *f)
{
	struct sbuf *t = &e->tree, *u = &e->unfold;
	size_t ind = 2 * (size_t)(e->depth + 1);

	f->folding = false;
	sbuf_reset(u);
	sbuf_put(u, t->p + f->tstart, t->len - f->tstart);
	t->len = f->tstart;
	/* each member: its leading space becomes a newline and an indent, its
	 * separator ": " again, and a newline ends the last one */
	sbuf_reserve(t, u->len + f->nscalar * (ind + 1) + 1);
	char *o = t->p + t->len;
	for (unsigned i = 0; i < f->nscalar; i++) {
		size_t at = f->mpos[i] - f->tstart;
		size_t end = i + 1 < f->nscalar ? f->mpos[i + 1] - f->tstart : u->len;
		*o++ = '\n';
		o = sbuf_copy_short(o, spaces, ind);
		if (f->msep[i]) {
			size_t sep = at + f->msep[i];
			o = sbuf_copy_short(o, u->p + at + 1, sep - at - 1);
			*o++ = ':';
			o = sbuf_copy_short(o, u->p + sep, end - sep);
		} else {
			o = sbuf_copy_short(o, u->p + at + 1, end - at - 1);
		}
	}
	*o++ = '\n';
	*o = 0;
	t->len = (size_t)(o - t->p);
	f->tstart = t->len;
}

static inline bool key_has_colon(const char *k, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (k[i] == ':')
			return true;
	return false;
}

/* One member of the tree: "key: text", "- text" (key NULL) or the flag
 * "key" (flag set), on its own indented line, or " key text" in a
 * structure being folded. */
void tree_line(struct emitter *e, const char *key, bool flag, const char *v, size_t n)
{
	struct emit_frame *f = &e->st[e->depth];
	struct sbuf *t = &e->tree;
	size_t kn = key ? strlen(key) : 0;

	if (f->folding && f->nscalar >= EMIT_FOLD_MAX)
		tree_unfold(e, f);
	size_t ind = f->folding ? 1 : 2 * (size_t)(e->depth + 1);
	sbuf_reserve(t, ind + kn + 3 + n);
	size_t at = t->len;
	if (f->folding && key && !flag && !key_has_colon(key, kn)) {
		/* " key value": the separator's colon never written */
		char *o = t->p + at;
		*o++ = ' ';
		o = sbuf_copy_short(o, key, kn);
		*o++ = ' ';
		o = sbuf_copy_short(o, v, n);
		*o = 0;
		t->len = (size_t)(o - t->p);
		f->mpos[f->nscalar] = (uint32_t)at;
		f->msep[f->nscalar] = (uint32_t)(1 + kn);
		f->nscalar++;
		return;
	}
	char *o = sbuf_copy_short(t->p + at, spaces, ind);
	if (key)
		o = sbuf_copy_short(o, key, kn);
	if (!flag) {
		*o++ = key ? ':' : '-';
		*o++ = ' ';
		o = sbuf_copy_short(o, v, n);
	}
	if (!f->folding) {
		*o++ = '\n';
		*o = 0;
		t->len = (size_t)(o - t->p);
		f->nscalar++;
		return;
	}
	/* folded: the first ": " of the line becomes " " */
	*o = 0;
	t->len = (size_t)(o - t->p);
	const char *sep = NULL;
	for (const char *q = t->p + at + 1; q + 1 < o; q++)
		if (q[0] == ':' && q[1] == ' ') {
			sep = q;
			break;
		}
	f->mpos[f->nscalar] = (uint32_t)at;
	f->msep[f->nscalar] = 0;
	if (sep) {
		memmove((char *)sep, sep + 1, (size_t)(o - sep - 1));
		t->len--;
		t->p[t->len] = 0;
		f->msep[f->nscalar] = (uint32_t)(sep - (t->p + at));
	}
	f->nscalar++;
}

/* -v: a structure still folded ends its line. */
void tree_fold_end(struct emitter *e, const struct emit_frame *f)
{
	if (f->folding)
		sbuf_putc(&e->tree, '\n');
}
