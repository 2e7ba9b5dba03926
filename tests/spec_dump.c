/* spec_dump.c - the numbering of YNL specs as the engine reads them, for
 * tests/check_spec_numbers.py (specs/README.md):
 *
 *   spec_dump [--overlay DIR] SPEC.yaml...
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

int main(int argc, char **argv)
{
	struct spec_reg *r = spec_reg_new_empty();
	struct lines l = { 0 };
	int rc = 0, i = 1;

	if (!r)
		return 3;
	if (argc > 2 && !strcmp(argv[1], "--overlay")) {
		if (spec_reg_load(r, argv[2], report, NULL))
			rc = 1;
		i = 3;
	}
	if (i >= argc) {
		fputs("usage: spec_dump [--overlay DIR] SPEC.yaml...\n", stderr);
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
