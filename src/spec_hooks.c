/* spec_hooks.c - the driver's hooks (spec.h: struct spec_hooks) applied
 * to a family while it is built: attributes a callback decodes, and the
 * declared summaries of its operations, resolved from names to the
 * family's own tables.
 *
 * A row that names what the spec does not have (a user's spec of the
 * family may differ from the built-in one) is skipped and counted in the
 * family (nhook_miss); the tests require none for the built-in specs.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "spec_build.h"

void spec_hook_miss(struct sb *b, const char *fmt, ...)
{
	char buf[160];
	va_list ap;

	if (b->fam->nhook_miss++)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	b->fam->hook_miss = spec_strdup(b->a, buf);
}

static void hook_attr(struct sset *s, unsigned k, const struct spec_attr_hook *h)
{
	struct nl_attr_pol *p = (struct nl_attr_pol *)&s->set->attrs[s->a[k].value];

	if (!p->name)
		return;
	p->kind = NLA_KIND_CB;
	p->cb = h->cb;
	p->cbdata = h->cbdata;
	p->shape = h->shape;
}

bool spec_apply_attr_hooks(struct sb *b)
{
	const struct spec_hooks *hk = b->hooks;

	for (unsigned i = 0; i < hk->nattrs; i++) {
		const struct spec_attr_hook *h = &hk->attrs[i];
		bool all = !strcmp(h->set, "*"), met = false;
		if (strcmp(h->family, b->fam->name))
			continue;
		for (unsigned j = 0; j < b->nsets; j++) {
			struct sset *s = &b->sets[j];
			if (!all && strcmp(s->name, h->set))
				continue;
			int k = sb_find(s->ix, s->na, h->attr);
			if (k >= 0) {
				hook_attr(s, (unsigned)k, h);
				met = true;
			}
		}
		if (!met)
			spec_hook_miss(b, "attribute hook %s/%s: no such attribute", h->set,
				       h->attr);
	}
	return true;
}

/* how well pattern pat names operation name: exactly best, then the
 * longest prefix ("trap-group-*" before "trap-*"), then "*"; 0 not */
static size_t op_match(const char *pat, const char *name)
{
	size_t n = strlen(pat);

	if (!strcmp(pat, name))
		return (size_t)-1;
	if (!strcmp(pat, "*"))
		return 1;
	return n > 1 && pat[n - 1] == '*' && !strncmp(pat, name, n - 1) ? 1 + n : 0;
}

/* the set an attribute field names, or NULL (counted as a miss) */
static const struct nl_attr_set *field_set(struct sb *b, const struct spec_sum_field *f,
					   struct sset *own, const char *op)
{
	struct sset *s = f->set ? sb_set(b, f->set) : own;

	if (!s || sb_find(s->ix, s->na, f->name) < 0) {
		spec_hook_miss(b, "summary of %s: no attribute %s in set %s", op, f->name,
			       f->set ? f->set : own ? own->name : "(none)");
		return NULL;
	}
	return s->set;
}

const struct nl_summary *spec_op_summary(struct sb *b, const char *name, struct sset *s,
					 bool *any)
{
	const struct spec_hooks *hk = b->hooks;
	const struct spec_summary *best = NULL;
	size_t score = 0;

	*any = false;
	for (unsigned i = 0; i < hk->nsums; i++) {
		const struct spec_sum_hook *h = &hk->sums[i];
		if (strcmp(h->family, b->fam->name))
			continue;
		*any = true;
		size_t m = op_match(h->op, name);
		if (m > score) {
			score = m;
			best = h->sum;
		}
	}
	if (!best || !s)	/* an operation without attributes: none */
		return NULL;
	unsigned nf = best->nfields < NL_SUM_SLOTS ? best->nfields : NL_SUM_SLOTS;
	struct nl_sum_field *fields = sb_alloc(b, (nf ? nf : 1) * sizeof(*fields), NULL);
	struct nl_summary *sum = sb_alloc(b, sizeof(*sum), NULL);
	if (!fields || !sum)
		return NULL;
	for (unsigned i = 0; i < nf; i++) {
		const struct spec_sum_field *f = &best->fields[i];
		const struct nl_attr_set *set = field_set(b, f, s, name);
		/* a field that names nothing is never recorded: its parts
		 * are left out (an empty set has no attribute of that name) */
		static const struct nl_attr_pol nothing[1];
		static const struct nl_attr_set empty = { "(none)", 0, nothing, 0 };
		fields[i] = (struct nl_sum_field){ set ? set : &empty, f->name, f->parent };
	}
	*sum = (struct nl_summary){ fields, nf, best->parts, best->nparts, 0, false };
	return sum;
}
