/* spec_build.c - a parsed YNL spec into the attribute engine's tables:
 * struct nl_attr_set / nl_attr_pol arrays, nl_names for enums and flags,
 * nl_struct layouts for fixed headers and binary structs, a message
 * definition per command, all in the family's arena.
 *
 * Numbering (Documentation/userspace-api/netlink/specs.rst and
 * genetlink-legacy.rst of Linux 7.2): an attribute's value is its `value`
 * or the previous one's plus one, the first 1; a subset's attributes have
 * their values in the set they are a subset of; an enum's entries count
 * from `value-start` (default 0), a flags definition's entries are bits
 * from bit `value-start`; operations are numbered like attributes
 * (unified), or in two counters, to and from the kernel (directional).
 * Names are found through sorted indexes, so no lookup is quadratic.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spec_build.h"

static int nidx_cmp(const void *a, const void *b)
{
	const struct nidx *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	return c ? c : (x->i > y->i) - (x->i < y->i);
}

static int nidx_key(const void *k, const void *b)
{
	return strcmp(k, ((const struct nidx *)b)->name);
}

void spec_nidx_sort(struct nidx *x, unsigned n)
{
	qsort(x, n, sizeof(*x), nidx_cmp);
}

/* the first entry named name, or -1 */
int sb_find(const struct nidx *x, unsigned n, const char *name)
{
	if (!name || !n)
		return -1;
	const struct nidx *p = bsearch(name, x, n, sizeof(*x), nidx_key);
	if (!p)
		return -1;
	while (p > x && !strcmp(p[-1].name, name))
		p--;
	return (int)p->i;
}

void *sb_alloc(struct sb *b, size_t n, const struct snode *at)
{
	void *p = spec_alloc(b->a, n);
	if (!p)
		spec_fail(b->err, at, "out of memory");
	return p;
}

/* an index of the names of n items; name(i) gives item i's name */
struct nidx *sb_index(struct sb *b, unsigned n, const char *(*name)(void *, unsigned),
				void *ctx, const struct snode *at)
{
	struct nidx *x = sb_alloc(b, (n ? n : 1) * sizeof(*x), at);
	if (!x)
		return NULL;
	unsigned k = 0;
	for (unsigned i = 0; i < n; i++)
		if (name(ctx, i))
			x[k++] = (struct nidx){ name(ctx, i), i };
	qsort(x, k, sizeof(*x), nidx_cmp);
	/* unused slots sort nowhere: the count is passed with the index */
	for (unsigned i = k; i < n; i++)
		x[i] = (struct nidx){ "\xff", 0 };
	return x;
}

static const char *set_name(void *ctx, unsigned i)
{
	return ((struct sset *)ctx)[i].name;
}

static const char *attr_name(void *ctx, unsigned i)
{
	return ((struct sattr *)ctx)[i].name;
}

static const char *sub_name(void *ctx, unsigned i)
{
	return sn_str(((const struct snode **)ctx)[i], "name");
}

struct sdef *sb_def(struct sb *b, const char *name)
{
	int i = sb_find(b->defix, b->ndefix, name);
	return i < 0 ? NULL : &b->defs[i];
}

struct sset *sb_set(struct sb *b, const char *name)
{
	int i = sb_find(b->setix, b->nsets, name);
	return i < 0 ? NULL : &b->sets[i];
}

const struct snode *sb_seq(struct sb *b, const struct snode *map, const char *key)
{
	const struct snode *s = sn_get(map, key);
	if (s && s->t != SN_SEQ) {
		spec_fail(b->err, s, "'%s' is not a list", key);
		return NULL;
	}
	/* every list the builder walks is counted: aliases share a list, so
	 * a small document could name a large one many times */
	b->work += s ? s->n : 0;
	if (b->work > SPEC_WORK_MAX) {
		spec_fail(b->err, s, "more than %u list entries to build (aliases?)",
			  SPEC_WORK_MAX);
		return NULL;
	}
	return s;
}

/* An integer, or the name of a const definition. */
bool sb_int(struct sb *b, const struct snode *n, int64_t *v)
{
	if (sn_int(n, v))
		return true;
	struct sdef *d = sb_def(b, sn_text(n));
	return d && !strcmp(d->type, "const") && sn_int(sn_get(d->n, "value"), v);
}

/* ---- attribute sets ---- */

/* Number every set's attributes (subsets: by their full set's). */
static bool number_sets(struct sb *b, const struct snode *root)
{
	const struct snode *sets = sb_seq(b, root, "attribute-sets");
	unsigned n = sets ? sets->n : 0;

	b->sets = sb_alloc(b, (n ? n : 1) * sizeof(*b->sets), root);
	if (!b->sets)
		return false;
	for (unsigned i = 0; i < n; i++) {
		b->sets[i].n = sets->k[i];
		b->sets[i].name = sn_str(sets->k[i], "name");
		if (!b->sets[i].name) {
			spec_fail(b->err, sets->k[i], "attribute set without a name");
			return false;
		}
	}
	b->nsets = n;
	b->setix = sb_index(b, n, set_name, b->sets, root);
	if (!b->setix)
		return false;
	/* full sets first, then subsets (which look their parents up) */
	for (int pass = 0; pass < 2; pass++) {
		for (unsigned i = 0; i < n; i++) {
			struct sset *s = &b->sets[i];
			const struct snode *sub = sn_get(s->n, "subset-of");
			if ((pass == 0) != !sub)
				continue;
			struct sset *full = NULL;
			if (sub) {
				full = sb_set(b, sn_text(sub));
				if (!full || sn_get(full->n, "subset-of")) {
					spec_fail(b->err, sub, "subset-of '%s': no such full set",
						  sn_text(sub) ? sn_text(sub) : "?");
					return false;
				}
			}
			const struct snode *at = sb_seq(b, s->n, "attributes");
			if (b->err->set)
				return false;
			unsigned na = at ? at->n : 0;
			s->a = sb_alloc(b, (na ? na : 1) * sizeof(*s->a), s->n);
			if (!s->a)
				return false;
			int64_t v = 0;
			for (unsigned j = 0; j < na; j++) {
				struct sattr *a = &s->a[j];
				a->n = at->k[j];
				a->name = sn_str(a->n, "name");
				if (!a->name) {
					spec_fail(b->err, a->n, "attribute without a name");
					return false;
				}
				if (full) {
					int k = sb_find(full->ix, full->na, a->name);
					if (k < 0) {
						spec_fail(b->err, a->n, "attribute '%s' is not in set "
							  "'%s'", a->name, full->name);
						return false;
					}
					a->value = full->a[k].value;
					a->base = full->a[k].n;
					continue;
				}
				const struct snode *vn = sn_get(a->n, "value");
				if (vn && !sn_int(vn, &v)) {
					spec_fail(b->err, vn, "attribute value is not a number");
					return false;
				}
				if (!vn)
					v++;
				if (v < 0 || v > SPEC_ATTR_MAX) {
					spec_fail(b->err, a->n, "attribute '%s' has value %lld: "
						  "0 to 16383", a->name, (long long)v);
					return false;
				}
				a->value = (unsigned)v;
			}
			s->na = na;
			s->ix = sb_index(b, na, attr_name, s->a, s->n);
			if (!s->ix)
				return false;
		}
	}
	return true;
}

static struct nl_attr_pol *element(struct sb *b, const char *type, const struct snode *n,
				   const struct snode *base);

/* p: an array of sub-type elements, decoded by the hook cb */
static bool array_of(struct sb *b, struct nl_attr_pol *p, const char *sub,
		     const struct snode *n, const struct snode *base, nl_attr_cb cb)
{
	struct nl_attr_pol *el = element(b, sub, n, base);
	if (!el)
		return false;
	p->kind = NLA_KIND_CB;
	p->cb = cb;
	p->st = el->st;
	p->shape = el->shape;
	return true;
}

static bool fill_attr(struct sb *b, struct sset *s, const struct sattr *a,
		      struct nl_attr_pol *p)
{
	const struct snode *n = a->n, *base = a->base;
	const char *type = spec_astr(n, base, "type");

	p->name = a->name;
	if (!type) {
		spec_fail(b->err, n, "attribute '%s' without a type", a->name);
		return false;
	}
	if (!strcmp(type, "unused")) {
		p->name = NULL;
		return true;
	}
	if (!strcmp(type, "flag")) {
		p->kind = NLA_KIND_FLAG;
		return true;
	}
	const char *nested = spec_astr(n, base, "nested-attributes");
	struct sset *ns = nested ? sb_set(b, nested) : NULL;
	if (nested && !ns) {
		spec_fail(b->err, spec_akey(n, base, "nested-attributes"),
			  "nested-attributes '%s' is not an attribute set", nested);
		return false;
	}
	const char *sub = spec_astr(n, base, "sub-type");
	if (!strcmp(type, "nest")) {
		p->kind = NLA_KIND_NESTED;
		p->nest = ns ? ns->set : NULL;
		return true;
	}
	if (!strcmp(type, "indexed-array")) {
		if (sub && !strcmp(sub, "nest")) {
			p->kind = NLA_KIND_NESTED_ARRAY;
			p->nest = ns ? ns->set : NULL;
			return true;
		}
		return array_of(b, p, sub, n, base, spec_cb_indexed);
	}
	if (!strcmp(type, "nest-type-value")) {
		const struct snode *tv = spec_akey(n, base, "type-value");
		p->kind = NLA_KIND_CB;
		p->cb = spec_cb_type_value;
		p->nest = ns ? ns->set : NULL;
		p->len = tv && tv->t == SN_SEQ && tv->n ? (uint16_t)(tv->n > 4 ? 4 : tv->n) : 1;
		return true;
	}
	if (!strcmp(type, "sub-message")) {
		const char *sm = spec_astr(n, base, "sub-message"), *sel = spec_astr(n, base, "selector");
		int k = sb_find(b->subix, b->nsubs, sm);
		if (k < 0 || !sel) {
			spec_fail(b->err, n, "sub-message '%s': no such sub-message, or no selector",
				  sm ? sm : "?");
			return false;
		}
		struct spec_submsg *m = sb_alloc(b, sizeof(*m), n);
		if (!m)
			return false;
		*m = b->subdefs[k];
		m->selector = sel;
		int si = sb_find(s->ix, s->na, sel);
		m->sel_type = si < 0 ? -1 : (int)s->a[si].value;
		p->kind = NLA_KIND_CB;
		p->cb = spec_cb_submsg;
		p->cbdata = m;
		/* the choices, for the field registry: a format's fixed header
		 * (an object named by its struct), its attributes */
		struct nl_attr_pol *alts = sb_alloc(b, (2 * m->nformats + 1) * sizeof(*alts), n);
		struct nl_shape *sh = sb_alloc(b, sizeof(*sh), n);
		if (!alts || !sh)
			return false;
		unsigned na = 0;
		for (unsigned i = 0; i < m->nformats; i++) {
			const struct spec_format *f = &m->formats[i];
			char when[96];
			snprintf(when, sizeof(when), "%s %s", sel, f->value);
			const char *w = spec_strdup(b->a, when);
			if (f->hdr) {
				struct nl_attr_pol *mem = sb_alloc(b, sizeof(*mem), n);
				struct nl_shape *hs = sb_alloc(b, sizeof(*hs), n);
				if (!w || !mem || !hs)
					return false;
				*mem = (struct nl_attr_pol){ .name = f->hdr->name,
							     .kind = NLA_KIND_STRUCT, .st = f->hdr };
				*hs = (struct nl_shape){ .members = mem, .nmembers = 1 };
				alts[na++] = (struct nl_attr_pol){ .name = w, .kind = NLA_KIND_CB,
								   .shape = hs };
			}
			if (f->attrs || !f->hdr)
				alts[na++] = (struct nl_attr_pol){ .name = w, .kind = NLA_KIND_NESTED,
								   .nest = f->attrs };
		}
		sh->alts = alts;
		sh->nalts = na;
		p->shape = sh;
		return true;
	}
	if (!strcmp(type, "binary") && sub && !spec_astr(n, base, "struct")) {
		return array_of(b, p, sub, n, base, spec_cb_array);
	}
	return spec_fill_scalar(b, p, type, n, base, false, 0);
}

/* The element of an array (binary sub-type, indexed-array of scalars): a
 * one-member struct carried in .st of the returned policy. */
static struct nl_attr_pol *element(struct sb *b, const char *type, const struct snode *n,
				   const struct snode *base)
{
	struct nl_attr_pol *el = sb_alloc(b, 2 * sizeof(*el), n);
	struct nl_struct *st = sb_alloc(b, sizeof(*st), n);
	struct nl_shape *sh = sb_alloc(b, sizeof(*sh), n);
	if (!el || !st || !sh)
		return NULL;
	el[1].name = "item";
	if (!type || !strcmp(type, "struct"))
		type = "binary";
	if (!spec_fill_scalar(b, &el[1], type, n, base, false, 0))
		return NULL;
	el[1].flags &= (uint8_t)~NLAF_SUMMARY;
	*st = (struct nl_struct){ "item", &el[1], 1, spec_kind_width(&el[1]), 0 };
	static const char *const forms[NLA_KIND_MAX_] = {
		[NLA_KIND_U8] = "list of u8", [NLA_KIND_U16] = "list of u16",
		[NLA_KIND_U32] = "list of u32", [NLA_KIND_U64] = "list of u64",
		[NLA_KIND_S8] = "list of s8", [NLA_KIND_S16] = "list of s16",
		[NLA_KIND_S32] = "list of s32", [NLA_KIND_S64] = "list of s64",
	};
	sh->form = forms[el[1].kind] ? forms[el[1].kind] : "list";
	el[0].st = st;
	el[0].shape = sh;
	return el;
}

/* every set's table first (nests and formats point at them) */
static bool alloc_sets(struct sb *b)
{
	for (unsigned i = 0; i < b->nsets; i++) {
		struct sset *s = &b->sets[i];
		unsigned max = 0;
		for (unsigned j = 0; j < s->na; j++)
			if (s->a[j].value > max)
				max = s->a[j].value;
		s->set = sb_alloc(b, sizeof(*s->set), s->n);
		struct nl_attr_pol *pols = sb_alloc(b, (max + 1) * sizeof(*pols), s->n);
		if (!s->set || !pols)
			return false;
		*s->set = (struct nl_attr_set){ s->name, max, pols, 0 };
	}
	return true;
}

static bool fill_sets(struct sb *b)
{
	for (unsigned i = 0; i < b->nsets; i++) {
		struct sset *s = &b->sets[i];
		struct nl_attr_pol *pols = (struct nl_attr_pol *)s->set->attrs;
		for (unsigned j = 0; j < s->na; j++) {
			struct nl_attr_pol *p = &pols[s->a[j].value];
			if (p->name)
				continue;	/* two names for one value: the first */
			if (!fill_attr(b, s, &s->a[j], p))
				return false;
			const char *multi = spec_astr(s->a[j].n, s->a[j].base, "multi-attr");
			if (p->name && multi && !strcmp(multi, "true"))
				p->flags |= NLAF_MULTI;
		}
	}
	unsigned total = 0;
	for (unsigned i = 0; i < b->nsets; i++)
		total += b->sets[i].na;
	b->fam->attrs = sb_alloc(b, (total ? total : 1) * sizeof(*b->fam->attrs), NULL);
	if (!b->fam->attrs)
		return false;
	for (unsigned i = 0; i < b->nsets; i++)
		for (unsigned j = 0; j < b->sets[i].na; j++)
			b->fam->attrs[b->fam->nattrs++] = (struct spec_attr){
				b->sets[i].name, b->sets[i].a[j].name, b->sets[i].a[j].value };
	b->fam->sets = sb_alloc(b, (b->nsets ? b->nsets : 1) * sizeof(*b->fam->sets), NULL);
	if (!b->fam->sets)
		return false;
	for (unsigned i = 0; i < b->nsets; i++)
		b->fam->sets[i] = b->sets[i].set;
	b->fam->nsets = b->nsets;
	return true;
}

/* Sub-messages: their formats (before the sets' entries name them). */
static bool number_subs(struct sb *b, const struct snode *root)
{
	const struct snode *subs = sb_seq(b, root, "sub-messages");
	unsigned n = subs ? subs->n : 0;

	b->subs = sb_alloc(b, (n ? n : 1) * sizeof(*b->subs), root);
	b->subdefs = sb_alloc(b, (n ? n : 1) * sizeof(*b->subdefs), root);
	if (!b->subs || !b->subdefs)
		return false;
	for (unsigned i = 0; i < n; i++)
		b->subs[i] = subs->k[i];
	b->nsubs = n;
	b->subix = sb_index(b, n, sub_name, b->subs, root);
	return b->subix != NULL;
}

static bool build_subs(struct sb *b)
{
	for (unsigned i = 0; i < b->nsubs; i++) {
		const struct snode *sm = b->subs[i];
		const struct snode *fm = sb_seq(b, sm, "formats");
		struct spec_submsg *m = &b->subdefs[i];
		m->name = sn_str(sm, "name");
		m->nformats = fm ? fm->n : 0;
		m->formats = sb_alloc(b, (m->nformats + 1) * sizeof(*m->formats), sm);
		if (!m->name || !m->formats) {
			spec_fail(b->err, sm, "sub-message without a name");
			return false;
		}
		for (unsigned j = 0; j < m->nformats; j++) {
			const struct snode *f = fm->k[j];
			struct spec_format *o = &m->formats[j];
			o->value = sn_str(f, "value");
			if (!o->value) {
				spec_fail(b->err, f, "format without a value");
				return false;
			}
			o->is_num = sn_int(sn_get(f, "value"), &o->num);
			const char *hn = sn_str(f, "fixed-header"), *an = sn_str(f, "attribute-set");
			struct sdef *h = hn ? sb_def(b, hn) : NULL;
			struct sset *s = an ? sb_set(b, an) : NULL;
			if ((hn && (!h || !h->st)) || (an && !s)) {
				spec_fail(b->err, f, "format '%s': unknown %s '%s'", o->value,
					  hn && (!h || !h->st) ? "fixed-header" : "attribute-set",
					  hn && (!h || !h->st) ? hn : an);
				return false;
			}
			o->hdr = h ? h->st : NULL;
			o->attrs = s ? s->set : NULL;
		}
	}
	return true;
}

struct spec_family *spec_build(struct spec_arena *a, struct snode *root, const char *file,
			       const struct spec_hooks *hooks, struct spec_err *err)
{
	static const struct spec_hooks none;
	struct sb b = { .a = a, .err = err, .hooks = hooks ? hooks : &none };
	struct spec_family *fam = sb_alloc(&b, sizeof(*fam), root);

	if (!fam)
		return NULL;
	b.fam = fam;
	fam->a = a;
	fam->file = file;
	fam->name = sn_str(root, "name");
	fam->protocol = sn_str(root, "protocol");
	if (!fam->protocol)
		fam->protocol = "genetlink";
	if (!sn_int(sn_get(root, "protonum"), &fam->protonum))
		fam->protonum = -1;
	if (!fam->name) {
		spec_fail(err, root, "no family name ('name:')");
		return NULL;
	}
	if (strcmp(fam->protocol, "genetlink") && strcmp(fam->protocol, "genetlink-c") &&
	    strcmp(fam->protocol, "genetlink-legacy") && strcmp(fam->protocol, "netlink-raw")) {
		spec_fail(err, sn_get(root, "protocol"), "unknown protocol '%s'", fam->protocol);
		return NULL;
	}
	if (!spec_build_defs(&b, root) || !number_sets(&b, root) || !number_subs(&b, root) ||
	    !alloc_sets(&b) || !build_subs(&b) || !fill_sets(&b) || !spec_apply_attr_hooks(&b))
		return NULL;
	if (!spec_build_ops(&b, root))
		return NULL;
	return fam;
}
