/* emit.c - the emitter API: messages, containers, problem markers; the
 * backends' pieces are in emit_json.c (JSON writer), emit_tree.c (-v
 * layout), emit_value.c (scalars) and emit_sum.c (the summary line). */
#include "emit.h"
#include "emit_priv.h"

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
	sbuf_free(&e->unfold);
	sbuf_free(&e->first_problem);
	sbuf_free(&e->ptext);
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
	e->nprob = 0;
	sbuf_reset(&e->ptext);
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
		json_end(e, f->wrapped);
	}
	e->depth--;
}

void emit_msg_discard(struct emitter *e)
{
	e->depth = 0;
	if (e->mode == EMIT_JSON)
		e->outbuf.len = e->msg_mark;
}

void emit_msg_skip(struct emitter *e)
{
	e->overflow = 0;
	e->depth = 0;
	if (e->mode == EMIT_JSON)
		e->outbuf.len = e->msg_mark;
}

void emit_msg_end(struct emitter *e)
{
	e->overflow = 0;
	while (e->depth > 0) {
		/* left open: never folded */
		if (e->st[e->depth].folding)
			tree_unfold(e, &e->st[e->depth]);
		close_frame(e);
	}
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
	f->folding = e->mode == EMIT_TREE && !list && !set && idx < 0;
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
		wrapped = json_val(e, idx >= 0 ? NULL : key);
		sbuf_putc(&e->outbuf, list ? '[' : '{');
	} else if (e->mode == EMIT_TREE) {
		tree_complex(e);
		tree_indent(e);
		if (idx >= 0) {
			sbuf_putc(&e->tree, '[');
			sbuf_u64(&e->tree, (uint64_t)idx);
			sbuf_put(&e->tree, "]:\n", 3);
		} else {
			sbuf_puts(&e->tree, key ? key : "-");
			/* a structure's newline comes when it is closed or unfolded */
			sbuf_put(&e->tree, ":\n", list || set ? 2 : 1);
		}
	}
	push(e, key, idx, list, set, wrapped);
	if (idx >= 0 && e->mode == EMIT_JSON) {
		sbuf_puts(&e->outbuf, "\"index\":");
		sbuf_u64(&e->outbuf, (uint64_t)idx);
		e->st[e->depth].first = false;
	}
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
		tree_fold_end(e, &e->st[e->depth]);
	close_frame(e);
}

void emit_list_end(struct emitter *e) { emit_obj_end(e); }

/* ---- problems ---- */

/* kept for emit_problem (the field events of the problems), in any mode */
static void keep_problem(struct emitter *e, const char *kind, size_t off, const char *why)
{
	if (e->nprob >= EMIT_PROBLEMS)
		return;
	struct emit_prec *r = &e->prob[e->nprob++];
	r->truncated = kind[0] == 't';
	r->off = off;
	r->at = (uint32_t)e->ptext.len;
	emit_path_of(e, &e->ptext);
	sbuf_putc(&e->ptext, 0);
	r->why = (uint32_t)e->ptext.len;
	sbuf_puts(&e->ptext, why);
	sbuf_putc(&e->ptext, 0);
}

bool emit_problem(const struct emitter *e, unsigned i, struct emit_problem *p)
{
	if (i >= e->nprob || !e->ptext.p)
		return false;
	p->truncated = e->prob[i].truncated;
	p->off = e->prob[i].off;
	p->at = e->ptext.p + e->prob[i].at;
	p->why = e->ptext.p + e->prob[i].why;
	return true;
}

static void problem(struct emitter *e, const char *kind, size_t off, const char *why)
{
	keep_problem(e, kind, off, why);
	if (e->mode == EMIT_COUNT)
		return;
	if (e->mode == EMIT_JSON) {
		struct sbuf *l = kind[0] == 'm' ? &e->jmal : &e->jtrunc;
		struct sbuf *t = &e->tmp;
		if (l->len)
			sbuf_putc(l, ',');
		sbuf_puts(l, "{\"at\":");
		sbuf_reset(t);
		emit_path_of(e, t);
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
			emit_path_of(e, &e->first_problem);
		}
		sbuf_printf(&e->first_problem, ": %s", why);
	}
	if (e->mode == EMIT_TREE) {
		tree_complex(e);
		tree_indent(e);
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
