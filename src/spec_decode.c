/* spec_decode.c - the hooks a spec's tables name where the engine's kinds
 * cannot say it: C arrays in a binary attribute, indexed arrays of
 * scalars, nest-type-value, sub-messages chosen by a selector, UUIDs.
 * Every read goes through the cursor; a shape that does not fit returns
 * false and the walker shows hex. */
#include <stdio.h>
#include <string.h>

#include "spec_priv.h"

#define NLA_TYPE_MASK 0x3fff

static void array_el(struct dctx *d, const struct nl_attr_pol *pol, struct nlc *el)
{
	nla_value(d, &pol->st->fields[0], NULL, el);
}

/* a binary attribute holding a C array: pol->st's one member, repeated */
bool spec_cb_array(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		   struct nlc *c)
{
	if (!pol->st->size)
		return false;
	if (d->fs)	/* its elements are fields of their own (handed on) */
		nl_fs_push(d, key);
	nla_fixed_array(d, pol, key, c, pol->st->size, "elements", array_el);
	if (d->fs)
		nl_fs_close(d);
	return true;
}

/* an indexed-array of scalars: attributes typed by their index */
bool spec_cb_indexed(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		     struct nlc *c)
{
	const struct nl_attr_pol *el = &pol->st->fields[0];
	struct nlc it = *c;
	uint16_t type;
	struct nlc one;

	/* the whole payload must be attributes */
	while (nla_next(&it, &type, &one))
		;
	if (nlc_left(&it))
		return false;
	nl_put_list_begin(d, key);
	while (nla_next(c, &type, &one))
		nla_value(d, el, NULL, &one);
	nl_put_list_end(d);
	return true;
}

static bool type_value(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		       struct nlc *c, unsigned levels)
{
	struct nlc it = *c;
	uint16_t type;
	struct nlc one;

	while (nla_next(&it, &type, &one))
		;
	if (nlc_left(&it) || d->depth >= NL_MAX_DEPTH)
		return false;
	emit_list_begin(d->e, key);
	d->depth++;
	while (nla_next(c, &type, &one)) {
		emit_item_begin(d->e, type);
		if (levels > 1) {
			if (!type_value(d, pol, "items", &one, levels - 1))
				nla_walk(d, &one, NULL);
		} else {
			nla_walk(d, &one, pol->nest);
		}
		emit_obj_end(d->e);
	}
	d->depth--;
	emit_list_end(d->e);
	return true;
}

/* nest-type-value: pol->len levels of nests typed by an id, then pol->nest */
bool spec_cb_type_value(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
			struct nlc *c)
{
	return type_value(d, pol, key, c, pol->len ? pol->len : 1);
}

/* the selector's value: in the set of the sub-message attribute, else in
 * the sets around it, closest first */
static bool selector(struct dctx *d, const struct spec_submsg *m, struct nlc *out,
		     const struct nl_attr_pol **sp)
{
	unsigned hops = 0;
	for (const struct nla_level *lv = d->level; lv && hops <= NL_MAX_DEPTH;
	     lv = lv->up, hops++) {
		const struct nl_attr_set *s = lv->pol;
		if (!s)
			continue;
		int t = hops == 0 ? m->sel_type : -1;
		if (t < 0)
			for (unsigned i = 0; i <= s->max; i++)
				if (s->attrs[i].name && !strcmp(s->attrs[i].name, m->selector)) {
					t = (int)i;
					break;
				}
		if (t >= 0 && nla_find(NULL, &lv->set, (uint16_t)t, out)) {
			*sp = &s->attrs[t];
			return true;
		}
	}
	return false;
}

static const struct spec_format *format_of(const struct spec_submsg *m, struct nlc v,
					   const struct nl_attr_pol *sp)
{
	size_t n;
	struct nlc r = v;	/* a number is read from the start (nlc_rest consumes v) */
	const uint8_t *p = nlc_rest(&v, &n);

	if (!p)
		return NULL;
	bool text = sp->kind == NLA_KIND_STRING || sp->kind == NLA_KIND_NUL_STRING;
	uint64_t num = 0;
	if (!text) {
		if (n != 1 && n != 2 && n != 4 && n != 8)
			return NULL;
		num = nlc_uint(&r, (unsigned)n, r.order == NLC_BE || sp->kind == NLA_KIND_BE16 ||
			       sp->kind == NLA_KIND_BE32 || sp->kind == NLA_KIND_BE64);
	} else {
		const uint8_t *z = n ? memchr(p, 0, n) : NULL;
		if (z)
			n = (size_t)(z - p);
	}
	for (unsigned i = 0; i < m->nformats; i++) {
		const struct spec_format *f = &m->formats[i];
		if (text ? strlen(f->value) == n && !memcmp(f->value, p, n)
			 : f->is_num && (uint64_t)f->num == num)
			return f;
		if (!text && !f->is_num && sp->enums) {	/* an enum's name */
			const char *nm = nl_name(sp->enums, num);
			if (nm && !strcmp(nm, f->value))
				return f;
		}
	}
	return NULL;
}

/* a sub-message: its format chosen by the selector's value */
bool spec_cb_submsg(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		    struct nlc *c)
{
	const struct spec_submsg *m = pol->cbdata;
	const struct nl_attr_pol *sp;
	struct nlc v;

	if (!m || d->depth >= NL_MAX_DEPTH || !selector(d, m, &v, &sp))
		return false;
	const struct spec_format *f = format_of(m, v, sp);
	if (!f || (f->hdr && nlc_left(c) < f->hdr->size))
		return false;
	if (d->fs)	/* its members are fields of their own (handed on) */
		nl_fs_open(d, key, "nest", c);
	emit_set_begin(d->e, key);
	d->depth++;
	if (f->hdr) {
		struct nlc h = nlc_sub(c, f->hdr->size);
		nlc_skip(c, f->hdr->size);
		nl_struct_decode(d, f->hdr->name, &h, f->hdr);
	}
	if (nlc_left(c))
		nla_walk(d, c, f->attrs);
	d->depth--;
	emit_obj_end(d->e);
	if (d->fs)
		nl_fs_close(d);
	return true;
}

/* 16 bytes as a UUID, 8-4-4-4-12 hex digits */
bool spec_cb_uuid(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		  struct nlc *c)
{
	(void)pol;
	if (nlc_left(c) != 16)
		return false;
	const uint8_t *p = nlc_bytes(c, 16);
	if (!p)
		return false;
	char s[40];
	size_t k = 0;
	for (unsigned i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			s[k++] = '-';
		k += (size_t)snprintf(s + k, sizeof(s) - k, "%02x", p[i]);
	}
	emit_text(d->e, key, "%s", s);
	return true;
}
