/* spec_dump.c - the numbering of YNL specs as the engine reads them, for
 * tests/check_spec_numbers.py (specs/README.md):
 *
 *   spec_dump [--overlay DIR] SPEC.yaml...
 *   spec_dump --pre-vs-text SRCROOT
 *
 * loads each spec through the engine (with the overlays of DIR of the same
 * family) and prints, sorted and without repeats:
 *   family NAME ID-or-dash    (ID: the fixed ids of genetlink.h, GENL_ID_*)
 *   attr SET ATTR VALUE       (every set; a subset's values are its set's)
 *   op OP request VALUE / op OP reply VALUE   (to / from the kernel)
 *   enum NAME ENTRY VALUE     (flags: the bit's value, 1 << bit)
 *   const NAME VALUE
 *   mcgrp NAME
 * A spec that does not load: "FILE:LINE: what" on standard error, status 1.
 *
 * --pre-vs-text: for every built-in spec, the tree made of its pre-parsed
 * form (specs/embed.py, spec_pre_tree) and the tree libyaml makes of its
 * text (SRCROOT/FILE, spec_yaml_parse) must be the same: node kinds, line
 * numbers, scalars, order, and the same nodes shared (an alias).  The two
 * readers cannot drift.  Prints "FILE: N nodes, same", or where they
 * differ (status 1).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spec_priv.h"

struct lines {
	char **v;
	size_t n, cap;
};

static void add(struct lines *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add(struct lines *l, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 1024;
		l->v = realloc(l->v, l->cap * sizeof(*l->v));
		if (!l->v)
			exit(3);
	}
	l->v[l->n] = strdup(buf);
	if (!l->v[l->n++])
		exit(3);
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void report(void *ctx, const char *msg)
{
	(void)ctx;
	fprintf(stderr, "%s\n", msg);
}

/* the families genetlink.h gives a fixed id (GENL_ID_CTRL...) */
static const struct {
	const char *name;
	int id;
} fixed_ids[] = { { "nlctrl", 16 }, { "VFS_DQUOT", 17 }, { "pmcraid", 18 } };

static void dump(struct lines *l, const struct spec_family *f)
{
	int id = -1;
	for (unsigned i = 0; i < ARRAY_SIZE(fixed_ids); i++)
		if (!strcmp(f->name, fixed_ids[i].name))
			id = fixed_ids[i].id;
	if (id >= 0)
		add(l, "family %s %d", f->name, id);
	else
		add(l, "family %s -", f->name);
	for (unsigned i = 0; i < f->nattrs; i++)
		add(l, "attr %s %s %u", f->attrs[i].set, f->attrs[i].name, f->attrs[i].value);
	for (unsigned i = 0; i < f->nops; i++) {
		if (f->ops[i].req >= 0)
			add(l, "op %s request %d", f->ops[i].name, f->ops[i].req);
		if (f->ops[i].rep >= 0)
			add(l, "op %s reply %d", f->ops[i].name, f->ops[i].rep);
	}
	for (unsigned i = 0; i < f->nenums; i++) {
		const struct spec_enum *e = &f->enums[i];
		for (unsigned j = 0; j < e->n; j++)
			add(l, "enum %s %s %lld", e->name, e->names[j],
			    e->flags ? (long long)(1ull << e->vals[j]) : (long long)e->vals[j]);
	}
	for (unsigned i = 0; i < f->nconsts; i++)
		add(l, "const %s %lld", f->const_names[i], (long long)f->const_vals[i]);
	for (unsigned i = 0; i < f->nmcgrps; i++)
		add(l, "mcgrp %s", f->mcgrps[i]);
}

/* ---- --pre-vs-text ---- */

/* the pairs of nodes seen: a node of a met again must meet the same of b */
struct pairs {
	const struct snode **a, **b;
	size_t cap, n;
	const char *file;
	bool quiet;		/* a difference is what is expected */
};

static const struct snode **pair_slot(struct pairs *p, const struct snode *a)
{
	size_t h = ((uintptr_t)a >> 4) * 0x9e3779b97f4a7c15u;
	for (size_t i = h % p->cap;; i = (i + 1) % p->cap)
		if (!p->a[i] || p->a[i] == a)
			return &p->a[i];
}

static bool differ(const struct pairs *p, const struct snode *a, const char *what)
{
	if (!p->quiet)
		fprintf(stderr, "%s:%u: the pre-parsed tree differs: %s\n", p->file,
			a ? (unsigned)a->line : 0, what);
	return false;
}

static bool same_tree(struct pairs *p, const struct snode *a, const struct snode *b, int depth)
{
	if (depth > 64)
		return differ(p, a, "too deep");
	if (!a || !b)
		return differ(p, a, "a node missing");
	const struct snode **slot = pair_slot(p, a);
	if (*slot)	/* met before: the same node of b (shared alike) */
		return p->b[slot - p->a] == b ? true : differ(p, a, "shared differently");
	if (4 * (p->n + 1) > 3 * p->cap)
		return differ(p, a, "more nodes than the table");
	*slot = a;
	p->b[slot - p->a] = b;
	p->n++;
	if (a->t != b->t || a->line != b->line || a->n != b->n)
		return differ(p, a, "kind, line or size");
	if (strcmp(a->file, b->file))
		return differ(p, a, "file");
	if (a->t == SN_SCALAR)
		return !strcmp(a->s, b->s) ? true : differ(p, a, "scalar text");
	unsigned cnt = a->t == SN_MAP ? 2 * a->n : a->n;
	for (unsigned i = 0; i < cnt; i++)
		if (!same_tree(p, a->k[i], b->k[i], depth + 1))
			return false;
	return true;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = f ? malloc(SPEC_FILE_MAX + 1) : NULL;
	*len = buf ? fread(buf, 1, SPEC_FILE_MAX + 1, f) : 0;
	if (f)
		fclose(f);
	return buf;
}

/* pre-parsed spec i against text spec j: true when the same tree */
static bool pre_vs_text(const char *root, unsigned i, unsigned j, bool quiet)
{
	const struct spec_pre *pre = &spec_builtin[i];
	char path[4096], err[512];
	size_t len;
	snprintf(path, sizeof(path), "%s/%s", root, spec_builtin[j].file);
	char *text = slurp(path, &len);
	struct spec_arena *a = spec_arena_new();
	struct pairs p = { .cap = 2 * (size_t)pre->nnodes + 16, .file = pre->file, .quiet = quiet };
	p.a = calloc(p.cap, sizeof(*p.a));
	p.b = calloc(p.cap, sizeof(*p.b));
	if (!text || !a || !p.a || !p.b) {
		fprintf(stderr, "%s: cannot read, or out of memory\n", path);
		exit(3);
	}
	const struct snode *ta = spec_pre_tree(a, pre, err, sizeof(err));
	if (!ta)
		fprintf(stderr, "%s\n", err);
	/* the text under the pre-parsed spec's name, as the engine names it */
	const struct snode *tb = spec_yaml_parse(a, pre->file, (uint8_t *)text, len, err,
						 sizeof(err));
	if (!tb)
		fprintf(stderr, "%s\n", err);
	bool ok = ta && tb && same_tree(&p, ta, tb, 0);
	if (ok && !quiet)
		printf("%s: %zu nodes, same\n", pre->file, p.n);
	spec_arena_free(a);
	free(p.a);
	free(p.b);
	free(text);
	return ok;
}

static int pre_vs_text_all(const char *root)
{
	int rc = 0;
	for (unsigned i = 0; i < spec_nbuiltin; i++)
		if (!pre_vs_text(root, i, i, false))
			rc = 1;
	/* the check can fail: two different specs are told apart */
	if (spec_nbuiltin > 1 && pre_vs_text(root, 0, 1, true)) {
		fprintf(stderr, "%s and %s: no difference seen\n", spec_builtin[0].file,
			spec_builtin[1].file);
		rc = 1;
	}
	/* and a broken pre-parsed form is refused, not read past its end */
	if (spec_nbuiltin) {
		struct spec_pre cut = spec_builtin[0], more = spec_builtin[0];
		struct spec_arena *a = spec_arena_new();
		char err[256];
		cut.len--;
		more.nnodes++;
		if (!a || spec_pre_tree(a, &cut, err, sizeof(err)) ||
		    spec_pre_tree(a, &more, err, sizeof(err))) {
			fprintf(stderr, "%s: a cut or miscounted tree read\n", cut.file);
			rc = 1;
		}
		spec_arena_free(a);
	}
	printf("%u built-in specs\n", spec_nbuiltin);
	return rc;
}

int main(int argc, char **argv)
{
	struct spec_reg *r = spec_reg_new_empty();
	struct lines l = { 0 };
	int rc = 0, i = 1;

	if (!r)
		return 3;
	if (argc == 3 && !strcmp(argv[1], "--pre-vs-text")) {
		spec_reg_free(r);
		return pre_vs_text_all(argv[2]);
	}
	if (argc > 2 && !strcmp(argv[1], "--overlay")) {
		if (spec_reg_load(r, argv[2], report, NULL))
			rc = 1;
		i = 3;
	}
	if (i >= argc) {
		fputs("usage: spec_dump [--overlay DIR] SPEC.yaml... | --pre-vs-text SRCROOT\n",
		      stderr);
		return 2;
	}
	for (; i < argc; i++) {
		if (spec_reg_load(r, argv[i], report, NULL)) {
			rc = 1;
			continue;
		}
	}
	/* every family loaded */
	for (unsigned k = 0;; k++) {
		const char *name = spec_reg_name(r, k);
		if (!name)
			break;
		const struct spec_family *f = spec_reg_family(r, name);
		if (f)
			dump(&l, f);
	}
	if (l.n)
		qsort(l.v, l.n, sizeof(*l.v), cmp);
	for (size_t k = 0; k < l.n; k++) {
		if (!k || strcmp(l.v[k], l.v[k - 1]))
			puts(l.v[k]);
	}
	for (size_t k = 0; k < l.n; k++)
		free(l.v[k]);
	free(l.v);
	spec_reg_free(r);
	return rc;
}
