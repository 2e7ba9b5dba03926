/* ynl_sum.c - what the spec families' hooks share: summary text
 * formatters (a value written the way its spec types it, by the policy
 * entry the summary resolved) for the declared summaries of
 * dissectors/ynl_*.c, and the lookup of the attribute that says how
 * another one reads (a type, an address family). */
#include <string.h>

#include "emit.h"
#include "sbuf.h"
#include "ynl.h"

bool ynl_sum_uint(const struct nl_sum_vals *v, int slot, uint64_t *out)
{
	struct nlc c;

	if (!nl_sum_get(v, slot, &c))
		return false;
	size_t n = nlc_left(&c);
	if (n != 1 && n != 2 && n != 4 && n != 8)
		return false;
	const struct nl_attr_pol *p = v->pol[slot];
	bool big = p && (p->kind == NLA_KIND_BE16 || p->kind == NLA_KIND_BE32 ||
			 p->kind == NLA_KIND_BE64);
	*out = nlc_uint(&c, (unsigned)n, big ? true : c.order == NLC_BE);
	return nlc_ok(&c);
}

bool ynl_text_value(struct dctx *d, const struct nl_sum_vals *v, const struct nl_sum_part *pt,
		    struct sbuf *b)
{
	const struct nl_attr_pol *p = pt->slot >= 0 ? v->pol[pt->slot] : NULL;
	const uint8_t *s;
	size_t n;
	uint64_t x;
	struct nlc c;

	if (!p || !nl_sum_get(v, pt->slot, &c))
		return false;
	switch (p->kind) {
	case NLA_KIND_STRING:
	case NLA_KIND_NUL_STRING:
		if (!nl_sum_str(v, pt->slot, &s, &n))
			return false;
		sbuf_escape(b, s, n, 0);
		return true;
	case NLA_KIND_S8: case NLA_KIND_S16: case NLA_KIND_S32: case NLA_KIND_S64:
	case NLA_KIND_SINT:
		if (!ynl_sum_uint(v, pt->slot, &x))
			return false;
		n = nlc_left(&c);
		if (n < 8)	/* sign-extend from the value's width */
			x = (uint64_t)((int64_t)(x << (64 - 8 * n)) >> (64 - 8 * n));
		sbuf_printf(b, "%lld", (long long)x);
		return true;
	case NLA_KIND_U8: case NLA_KIND_U16: case NLA_KIND_U32: case NLA_KIND_U64:
	case NLA_KIND_UINT: case NLA_KIND_BE16: case NLA_KIND_BE32: case NLA_KIND_BE64: {
		if (!ynl_sum_uint(v, pt->slot, &x))
			return false;
		const char *nm = d->numeric ? NULL : nl_name(p->enums, x);
		if (nm)
			sbuf_puts(b, nm);
		else if (p->bits && !d->numeric && x)
			sbuf_bit_names(b, p->bits, x, ',');
		else
			sbuf_u64(b, x);
		return true;
	}
	case NLA_KIND_IPV4:
		if (nlc_left(&c) != 4 || !(s = nlc_bytes(&c, 4)))
			return false;
		sbuf_ipv4(b, s);
		return true;
	case NLA_KIND_IPV6:
		if (nlc_left(&c) != 16 || !(s = nlc_bytes(&c, 16)))
			return false;
		sbuf_ipv6(b, s);
		return true;
	case NLA_KIND_MAC:
		if (!(s = nlc_rest(&c, &n)) || !n)
			return false;
		sbuf_lladdr(b, s, n);
		return true;
	default:
		return false;
	}
}

bool ynl_sibling_uint(const struct dctx *d, const char *name, const struct nlc *c, uint64_t *out)
{
	unsigned hops = 0;

	for (const struct nla_level *lv = d->level; lv && hops <= NL_MAX_DEPTH;
	     lv = lv->up, hops++) {
		const struct nl_attr_set *s = lv->pol;
		int t = -1;
		for (unsigned i = 0; s && i <= s->max && t < 0; i++)
			if (s->attrs[i].name && !strcmp(s->attrs[i].name, name))
				t = (int)i;
		if (t < 0)
			continue;
		struct nlc it = lv->set, one, v;
		uint16_t type;
		bool found = false;
		if (hops == 0)
			while (nla_next(&it, &type, &one) && one.pos != c->pos)
				if (type == t) {
					v = one;
					found = true;
				}
		if (!found)
			found = nla_find(NULL, &lv->set, (uint16_t)t, &v);
		if (found) {
			size_t n = nlc_left(&v);
			if (n != 1 && n != 2 && n != 4 && n != 8)
				return false;
			*out = nlc_uint(&v, (unsigned)n, v.order == NLC_BE);
			return nlc_ok(&v);
		}
	}
	return false;
}
