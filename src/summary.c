/* summary.c - declared one-line summaries, recorded during the walk and
 * rendered at the end of the message (see summary.h). */
#include <string.h>

#include "dissect.h"
#include "hash.h"
#include "ifmap.h"
#include "state.h"
#include "summary.h"

_Static_assert(NL_SUM_SLOTS <= 32, "one bit of have per slot");
_Static_assert(NL_SUM_SLOTS <= NL_SUM_CACHE_SLOTS, "the run's resolved fields hold a summary's");

/* the width of a header member, as nl_struct_decode reads it */
static unsigned member_width(const struct nl_attr_pol *f)
{
	switch (f->kind) {
	case NLA_KIND_U8: case NLA_KIND_S8:
		return 1;
	case NLA_KIND_U16: case NLA_KIND_S16: case NLA_KIND_BE16:
		return 2;
	case NLA_KIND_U32: case NLA_KIND_S32: case NLA_KIND_BE32: case NLA_KIND_IPV4:
		return 4;
	case NLA_KIND_U64: case NLA_KIND_S64: case NLA_KIND_BE64:
		return 8;
	case NLA_KIND_IPV6:
		return 16;
	case NLA_KIND_MAC:
		return f->len ? f->len : 6;
	case NLA_KIND_STRUCT:
		return f->st->size;
	default:
		return f->len;
	}
}

/* the policy entries of sum's attribute fields, by name in their sets,
 * and where its header fields are in layout hl: once per run and layout
 * (a direct-mapped table in the run state) */
static const struct nl_sum_resolved *resolve(struct nlstate *st, const struct nl_summary *sum,
					     const struct nl_struct *hl)
{
	uint32_t key = (uint32_t)((uintptr_t)sum >> 3) ^ (uint32_t)((uintptr_t)hl >> 3) * 31u;
	struct nl_sum_resolved *r = &st->sumres[mix32(key) % NL_SUM_CACHE];

	if (r->sum == sum && r->hdr == hl)
		return r;
	r->sum = sum;
	r->hdr = hl;
	r->mask = 0;
	for (unsigned i = 0; i < NL_SUM_SLOTS; i++) {
		const struct nl_sum_field *f = i < sum->nfields ? &sum->fields[i] : NULL;
		r->pol[i] = NULL;
		r->off[i] = r->width[i] = 0;
		if (!f)
			continue;
		if (!f->set && hl && !strcmp(f->name, "*")) {
			r->width[i] = (uint16_t)hl->size;
			continue;
		}
		if (!f->set) {
			unsigned off = 0;
			for (unsigned k = 0; hl && k < hl->nfields; k++) {
				const struct nl_attr_pol *m = &hl->fields[k];
				unsigned w = member_width(m);
				if (m->name && m->kind != NLA_KIND_PAD && !strcmp(m->name, f->name)) {
					r->off[i] = (uint16_t)off;
					r->width[i] = (uint16_t)w;
					break;
				}
				off += w;
			}
			continue;
		}
		for (unsigned t = 0; t <= f->set->max; t++) {
			const struct nl_attr_pol *p = &f->set->attrs[t];
			if (p->name && !strcmp(p->name, f->name)) {
				r->pol[i] = p;
				r->mask |= 1ull << (t % 64);
				break;
			}
		}
	}
	return r;
}

void nl_sum_begin(struct nl_sum_vals *v, struct nlstate *st, const struct nl_summary *sum,
		  const struct nl_struct *hl, struct nlc hdr, int depth)
{
	const struct nl_sum_resolved *r = resolve(st, sum, hl);

	memcpy(v->pol, r->pol, sizeof(v->pol));
	v->mask = r->mask;
	v->sum = sum;
	v->depth = depth;
	v->have = 0;
	v->attr_len = 0;
	/* a header shorter than its layout (a dump request's bare rtgenmsg):
	 * no summary */
	v->whole_hdr = !hl || nlc_left(&hdr) >= (sum->min_hdr ? sum->min_hdr : hl->size);
	for (unsigned i = 0; i < sum->nfields && i < NL_SUM_SLOTS; i++) {
		if (!r->width[i] || (size_t)r->off[i] + r->width[i] > nlc_left(&hdr))
			continue;
		struct nlc c = hdr;
		if (nlc_skip(&c, r->off[i])) {
			v->val[i] = nlc_sub(&c, r->width[i]);
			v->have |= 1u << i;
		}
	}
}

void nl_sum_record(struct nl_sum_vals *v, const struct nl_attr_set *set,
		   const struct nl_attr_pol *pol, int depth, const struct nlc *sub, bool ok)
{
	const struct nl_summary *sum = v->sum;

	/* the entry says it (a set and its twin, nexthop buckets, share
	 * their policy table); nl_sum_meet filtered by depth and type */
	(void)set;
	(void)depth;
	for (unsigned i = 0; i < sum->nfields && i < NL_SUM_SLOTS; i++) {
		const struct nl_sum_field *f = &sum->fields[i];
		if (v->pol[i] != pol || (v->have & (1u << i)))
			continue;
		if (f->parent < 0) {
			if (depth != v->depth)
				continue;
		} else {
			/* inside the first occurrence of its parent only */
			const struct nlc *p = &v->val[f->parent];
			if (!(v->have & (1u << f->parent)) || depth != v->depth + 1 ||
			    sub->base != p->base || sub->pos < p->pos || sub->pos > p->end)
				continue;
		}
		if (ok) {
			v->val[i] = *sub;
			v->have |= 1u << i;
		}
		/* the first occurrence only, whatever it holds: a later one
		 * is never taken (the walk ends after a cut one anyway) */
		break;
	}
}

bool nl_sum_get(const struct nl_sum_vals *v, int slot, struct nlc *out)
{
	if (slot < 0 || slot >= NL_SUM_SLOTS || !(v->have & (1u << slot)))
		return false;
	*out = v->val[slot];
	return true;
}

bool nl_sum_u32(const struct nl_sum_vals *v, int slot, uint32_t *out)
{
	struct nlc c;

	if (!nl_sum_get(v, slot, &c) || nlc_left(&c) != 4)
		return false;
	*out = nlc_u32(&c);
	return nlc_ok(&c);
}

bool nl_sum_str(const struct nl_sum_vals *v, int slot, const uint8_t **p, size_t *n)
{
	struct nlc c;
	size_t len;

	if (!nl_sum_get(v, slot, &c))
		return false;
	const uint8_t *s = nlc_rest(&c, &len);
	if (!s)
		return false;
	const uint8_t *z = len ? memchr(s, 0, len) : NULL;
	*p = s;
	*n = z ? (size_t)(z - s) : len;
	return true;
}

bool nl_sum_find_named(const struct nlc *attrs, const struct nl_attr_set *set,
		       const char *name, struct nlc *out)
{
	struct nlc it = *attrs, val;
	uint16_t type;

	it.err = NLC_OK;
	while (nla_next(&it, &type, &val)) {
		if (type > set->max || !set->attrs[type].name || strcmp(set->attrs[type].name, name))
			continue;
		*out = val;
		return nlc_capleft(out) == nlc_left(out);
	}
	return false;
}

/* a 4-byte word's bits by name (names indexed by bit number) */
static void render_flags(struct dctx *d, const struct nl_names *names, uint32_t v)
{
	struct emitter *e = d->e;
	bool first = true;

	if (d->numeric) {	/* -n: a flag word is one number */
		emit_sum(e, "0x%x", v);
		return;
	}
	for (unsigned i = 0; i < 32; i++) {
		if (!(v & (1u << i)))
			continue;
		const char *nm = nl_name(names, i);
		if (nm)
			emit_sum(e, "%s%s", first ? "" : ",", nm);
		else
			emit_sum(e, "%s0x%x", first ? "" : ",", 1u << i);
		first = false;
	}
	if (first)
		emit_sum_lit(e, "0");
}

/* an NLS_TEXT part into b (sep before it when given); false: left out */
static bool render_text(struct dctx *d, const struct nl_sum_vals *v, const struct nl_sum_part *pt,
			struct sbuf *b, const char *sep)
{
	struct nlc c;
	size_t mark = b->len;

	if (pt->slot >= 0 && !nl_sum_get(v, pt->slot, &c))
		return false;
	if (sep)
		sbuf_puts(b, sep);
	if (pt->label)
		sbuf_puts(b, pt->label);
	if (pt->text(d, v, pt, b))
		return true;
	b->len = mark;
	if (b->p)
		b->p[mark] = 0;
	return false;
}

static void render_part(struct dctx *d, const struct nl_sum_vals *v, const struct nl_sum_part *pt)
{
	struct emitter *e = d->e;
	const uint8_t *p;
	size_t n;
	uint32_t u;
	struct nlc c;

	switch (pt->fmt) {
	case NLS_HOOK:
		pt->hook(d, v);
		return;
	case NLS_U32:
		if (nl_sum_u32(v, pt->slot, &u))
			emit_sum(e, "%s%u", pt->label, u);
		return;
	case NLS_S32:
		if (nl_sum_u32(v, pt->slot, &u))
			emit_sum(e, "%s%d", pt->label, (int32_t)u);
		return;
	case NLS_STR:
	case NLS_QSTR:
		if (nl_sum_str(v, pt->slot, &p, &n)) {
			emit_sum_lit(e, pt->label);
			if (pt->fmt == NLS_QSTR)
				emit_sum_lit(e, "\"");
			emit_sum_str(e, p, n);
			if (pt->fmt == NLS_QSTR)
				emit_sum_lit(e, "\"");
		}
		return;
	case NLS_DEV:
		if (nl_sum_u32(v, pt->slot, &u)) {
			const char *nm = d->numeric ? NULL : ifmap_get(d->st->ifnames, u);
			emit_sum_lit(e, pt->label);
			if (nm)
				emit_sum_str(e, (const uint8_t *)nm, strlen(nm));
			else
				emit_sum(e, "if%u", u);
		}
		return;
	case NLS_WORD:
		if (nl_sum_get(v, pt->slot, &c))
			emit_sum_lit(e, pt->label);
		return;
	case NLS_ENUM8:
	case NLS_ENUM32:
		if (pt->fmt == NLS_ENUM8 && nl_sum_get(v, pt->slot, &c) && nlc_left(&c) == 1)
			u = nlc_u8(&c);
		else if (pt->fmt != NLS_ENUM32 || !nl_sum_u32(v, pt->slot, &u))
			return;
		const char *nm = d->numeric ? NULL : nl_name(pt->names, u);
		if (nm)
			emit_sum(e, "%s%s", pt->label, nm);
		else
			emit_sum(e, "%s%u", pt->label, u);
		return;
	case NLS_FLAGS32:
		if (nl_sum_u32(v, pt->slot, &u)) {
			emit_sum_lit(e, pt->label);
			render_flags(d, pt->names, u);
		}
		return;
	case NLS_TEXT: {
		struct sbuf b = { 0 };
		if (render_text(d, v, pt, &b, NULL))
			emit_sum_lit(e, b.p ? b.p : "");
		sbuf_free(&b);
		return;
	}
	default:
		return;
	}
}

/* the parts of a group, from parts[0] (its NLS_BEGIN) to its NLS_END;
 * the number of parts it spans */
static unsigned render_group(struct dctx *d, const struct nl_sum_vals *v,
			     const struct nl_sum_part *parts, unsigned n, bool line)
{
	const struct nl_sum_part *g = &parts[0];
	struct sbuf b = { 0 };
	bool any = false;
	unsigned i;

	for (i = 1; i < n && parts[i].fmt != NLS_END; i++)
		if (parts[i].fmt == NLS_TEXT &&
		    render_text(d, v, &parts[i], &b, any ? g->sep : NULL))
			any = true;
	if (b.len) {
		if (line) {
			emit_sum_lit(d->e, g->label);
			emit_sum_lit(d->e, b.p);
		}
		if (g->member && emit_wants_values(d->e))
			emit_text(d->e, g->member, "%s", b.p);
		if (g->member && nl_fs_wants(d, g->member))	/* a field: the message's span */
			nl_fs_text(d, g->member, d->fs->base, 0, b.p, b.len);
	}
	sbuf_free(&b);
	return i < n ? i + 1 : n;
}

void nl_sum_render(struct dctx *d, const struct nl_sum_vals *v)
{
	const struct nl_summary *sum = v->sum;
	bool line = emit_want_summary(d->e);

	if (!v->whole_hdr)
		return;
	for (unsigned i = 0; i < sum->nparts;) {
		const struct nl_sum_part *pt = &sum->parts[i];
		if (pt->fmt == NLS_BEGIN) {
			/* a group with a member is written for the tree too */
			if (line || (pt->member && (emit_wants_values(d->e) ||
						    nl_fs_wants(d, pt->member))))
				i += render_group(d, v, pt, sum->nparts - i, line);
			else
				i++;
			continue;
		}
		if (line)
			render_part(d, v, pt);
		i++;
	}
}

void nl_sum_scan(struct nl_sum_vals *v, const struct nl_attr_set *set, const struct nlc *attrs)
{
	const struct nl_summary *sum = v->sum;
	struct nlc it = *attrs, val;
	uint16_t type;

	it.err = NLC_OK;
	while (nla_next(&it, &type, &val))
		if (type <= set->max && set->attrs[type].name)
			nl_sum_meet(v, set, &set->attrs[type], v->depth, &val,
				    nlc_capleft(&val) == nlc_left(&val));
	/* fields inside another: in its first occurrence (recorded whole) */
	for (unsigned i = 0; i < sum->nfields && i < NL_SUM_SLOTS; i++) {
		const struct nl_sum_field *f = &sum->fields[i];
		if (f->parent < 0 || !(v->have & (1u << f->parent)) || (v->have & (1u << i)))
			continue;
		it = v->val[f->parent];
		it.err = NLC_OK;
		while (nla_next(&it, &type, &val))
			if (type <= f->set->max && f->set->attrs[type].name)
				nl_sum_meet(v, f->set, &f->set->attrs[type], v->depth + 1, &val,
					    nlc_capleft(&val) == nlc_left(&val));
	}
}
