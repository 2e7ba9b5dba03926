/* view_fields.c - -T fields and --json -e: the values of chosen paths, per
 * message, from the walk's field events (the walk is not done again, the
 * JSON is not read back).
 *
 * -T fields writes one line per message (as --json writes one object):
 * the values of the -e paths in their order, separated by -E separator,
 * each quoted as -E quote says, empty when the message does not have it.
 * A value is what --json writes for it without the JSON string's quotes
 * (so its escapes stay: no control byte reaches the terminal), the names
 * of a flag word joined by '|', nothing for null; a path that occurs more
 * than once gives every value joined by -E aggregator, or the first or
 * the last (-E occurrence).
 *
 * --json -e writes one object per message holding only those members,
 * nested as in the whole JSON (.attrs.linkinfo.kind), each the value
 * --json writes, or an array of the values when the path occurs more
 * than once (-E occurrence=f|l: the one value); a message without any of
 * them is {}.
 */
#include <stdlib.h>
#include <string.h>

#include "view_fields.h"
#include "view_paths.h"

#define FLUSH_AT (1u << 16)

void vf_fmt_init(struct vf_fmt *f)
{
	memset(f, 0, sizeof(*f));
	f->sep = '\t';
	f->agg = ',';
	f->occ = 'a';
}

/* A separator or aggregator: /t, /s or one character. */
static bool one_char(const char *s, char *out)
{
	if (!strcmp(s, "/t"))
		*out = '\t';
	else if (!strcmp(s, "/s"))
		*out = ' ';
	else if (s[0] && !s[1] && s[0] != '\n' && s[0] != '\r')
		*out = s[0];
	else
		return false;
	return true;
}

bool vf_fmt_set(struct vf_fmt *f, const char *arg, char *why, size_t n)
{
	const char *eq = strchr(arg, '=');
	size_t k = eq ? (size_t)(eq - arg) : strlen(arg);
	const char *val = eq ? eq + 1 : "";

#define KEY(s) (k == sizeof(s) - 1 && !strncmp(arg, s, k))
	if (KEY("header") && (!strcmp(val, "y") || !strcmp(val, "n"))) {
		f->header = val[0] == 'y';
	} else if (KEY("separator") && one_char(val, &f->sep)) {
	} else if (KEY("aggregator") && one_char(val, &f->agg)) {
	} else if (KEY("quote") && (!strcmp(val, "d") || !strcmp(val, "s") || !strcmp(val, "n"))) {
		f->quote = val[0] == 'd' ? '"' : val[0] == 's' ? '\'' : 0;
	} else if (KEY("occurrence") && (!strcmp(val, "f") || !strcmp(val, "l") ||
					 !strcmp(val, "a"))) {
		f->occ = val[0];
	} else {
		snprintf(why, n, "-E: expected header=y|n, separator=/t|/s|C, quote=d|s|n, "
			 "occurrence=f|l|a or aggregator=/s|C, got '%s'", arg);
		return false;
	}
#undef KEY
	return true;
}

/* ---- a value ---- */

/* ev's value as -T fields writes it, appended to b (tmp: scratch). */
static void text_value(struct sbuf *b, struct sbuf *tmp, const struct nl_field_ev *ev)
{
	if (ev->vt == NLFV_FLAGS) {
		sbuf_bit_names(b, ev->names, ev->u, '|');
		return;
	}
	if (ev->vt == NLFV_NULL)
		return;
	sbuf_reset(tmp);
	view_paths_value(tmp, ev);
	if (tmp->len >= 2 && tmp->p[0] == '"')	/* a JSON string: its escapes stay */
		sbuf_put(b, tmp->p + 1, tmp->len - 2);
	else if (tmp->len)
		sbuf_put(b, tmp->p, tmp->len);
}

static void field(void *arg, const struct nl_field_ev *ev)
{
	struct view_fields *v = arg;
	const struct vf_fmt *f = v->f;

	if (ev->vt == NLFV_NONE)
		return;	/* a container: its members are fields of their own */
	for (unsigned i = 0; i < f->n; i++) {
		struct vf_slot *s = &v->slot[i];
		if (s->len != ev->pathlen || memcmp(f->paths[i], ev->path, s->len))
			continue;
		if (s->count && f->occ == 'f')
			continue;
		if (f->occ == 'l')
			sbuf_reset(&s->v);
		else if (s->count)
			sbuf_putc(&s->v, v->json ? ',' : f->agg);
		s->count++;
		if (v->json)
			view_paths_value(&s->v, ev);
		else
			text_value(&s->v, &v->tmp, ev);
	}
}

/* ---- the line or the object ---- */

static void quoted(struct view_fields *v, const char *p, size_t n)
{
	char q = v->f->quote;

	if (q)
		sbuf_putc(&v->b, q);
	if (n)	/* an empty value's buffer may not exist yet */
		sbuf_put(&v->b, p, n);
	if (q)
		sbuf_putc(&v->b, q);
}

static bool node_has(const struct view_fields *v, int i)
{
	const struct vf_node *nd = &v->node[i];

	if (nd->leaf >= 0 && v->slot[nd->leaf].count)
		return true;
	for (int c = nd->child; c >= 0; c = v->node[c].next)
		if (node_has(v, c))
			return true;
	return false;
}

/* The members under node i that the message has, as JSON. */
static void json_members(struct view_fields *v, int i)
{
	bool first = true;

	for (int c = v->node[i].child; c >= 0; c = v->node[c].next) {
		const struct vf_node *nd = &v->node[c];
		if (!node_has(v, c))
			continue;
		if (!first)
			sbuf_putc(&v->b, ',');
		first = false;
		emit_json_string(&v->b, (const uint8_t *)nd->name, nd->nlen, false);
		sbuf_putc(&v->b, ':');
		if (nd->leaf >= 0 && v->slot[nd->leaf].count) {
			const struct vf_slot *s = &v->slot[nd->leaf];
			bool many = s->count > 1 && v->f->occ == 'a';
			if (many)
				sbuf_putc(&v->b, '[');
			sbuf_put(&v->b, s->v.p, s->v.len);
			if (many)
				sbuf_putc(&v->b, ']');
		} else {
			sbuf_putc(&v->b, '{');
			json_members(v, c);
			sbuf_putc(&v->b, '}');
		}
	}
}

/* the values of a message gone (written, or the filter drops it) */
static void msg_drop(void *arg)
{
	struct view_fields *v = arg;

	for (unsigned i = 0; i < v->f->n; i++) {
		v->slot[i].count = 0;
		sbuf_reset(&v->slot[i].v);
	}
}

static void msg_end(void *arg)
{
	struct view_fields *v = arg;
	const struct vf_fmt *f = v->f;

	if (v->json) {
		sbuf_putc(&v->b, '{');
		json_members(v, 0);
		sbuf_puts(&v->b, "}\n");
	} else {
		for (unsigned i = 0; i < f->n; i++) {
			if (i)
				sbuf_putc(&v->b, f->sep);
			quoted(v, v->slot[i].v.p, v->slot[i].v.len);
		}
		sbuf_putc(&v->b, '\n');
	}
	msg_drop(v);
	if (v->b.len >= FLUSH_AT)
		view_fields_flush(v);
}

/* ---- the paths' tree, for --json -e ---- */

static int child_named(const struct view_fields *v, int parent, const char *name, size_t n)
{
	for (int c = v->node[parent].child; c >= 0; c = v->node[c].next)
		if (v->node[c].nlen == n && !memcmp(v->node[c].name, name, n))
			return c;
	return -1;
}

static void tree_add(struct view_fields *v, unsigned slot)
{
	const char *p = v->f->paths[slot];
	int at = 0;

	for (;;) {
		size_t n = strcspn(p, ".");
		int c = child_named(v, at, p, n);
		if (c < 0) {	/* a new last child */
			c = (int)v->nnode++;
			v->node[c] = (struct vf_node){ p, n, -1, -1, -1 };
			int *link = &v->node[at].child;
			while (*link >= 0)
				link = &v->node[*link].next;
			*link = c;
		}
		at = c;
		if (!p[n])
			break;
		p += n + 1;
	}
	if (v->node[at].leaf < 0)	/* a path given twice is written once */
		v->node[at].leaf = (int)slot;
}

/* the members of a message the -e paths are in (fieldev.h: wants) */
static bool wants(void *arg, const char *key)
{
	const struct view_fields *v = arg;

	for (unsigned i = 0; i < v->f->n; i++)
		if (nl_fs_root_of(key, v->f->paths[i]))
			return true;
	return false;
}

bool view_fields_init(struct view_fields *v, const struct vf_fmt *f, bool json, FILE *out)
{
	size_t levels = 1;

	memset(v, 0, sizeof(*v));
	v->f = f;
	v->json = json;
	v->out = out;
	v->fs.field = field;
	v->fs.end = msg_end;
	v->fs.drop = msg_drop;
	v->fs.arg = v;
	v->fs.frame_members = true;
	v->fs.wants = wants;
	for (unsigned i = 0; i < f->n; i++) {
		v->slot[i].len = strlen(f->paths[i]);
		for (const char *p = f->paths[i]; *p; p++)
			levels += *p == '.';
		levels++;
	}
	if (json) {
		v->node = calloc(levels, sizeof(*v->node));
		if (!v->node)
			return false;
		v->node[0] = (struct vf_node){ "", 0, -1, -1, -1 };
		v->nnode = 1;
		for (unsigned i = 0; i < f->n; i++)
			tree_add(v, i);
	}
	if (f->header && !json) {
		for (unsigned i = 0; i < f->n; i++) {
			if (i)
				sbuf_putc(&v->b, f->sep);
			quoted(v, f->paths[i], v->slot[i].len);
		}
		sbuf_putc(&v->b, '\n');
	}
	return true;
}

bool view_fields_flush(struct view_fields *v)
{
	bool ok = true;

	if (v->b.len && fwrite(v->b.p, 1, v->b.len, v->out) != v->b.len)
		ok = false;
	v->b.len = 0;
	return ok;
}

void view_fields_fini(struct view_fields *v)
{
	view_fields_flush(v);
	sbuf_free(&v->b);
	sbuf_free(&v->tmp);
	for (unsigned i = 0; i < VF_MAX; i++)
		sbuf_free(&v->slot[i].v);
	free(v->node);
	v->node = NULL;
}
