/* attr_find.c - a quiet iterator (nla_next) and lookups for callbacks
 * that need a sibling and for learning hooks (no output).
 *
 * Summaries look up several attributes of the same set.  The first lookup
 * in a set indexes it (first occurrence of every type below NLA_IDX_TYPES);
 * the next ones are one load.  Two sets are kept (a message's attributes
 * and one nested set, looked up in turn).  Every index build takes a new
 * generation number and its entries carry it, so a build costs no clearing;
 * nla_index_reset() drops both for every message, as capture buffers are
 * reused.  The index itself: struct nla_cache in state.h, one per run. */
#include <string.h>

#include "attr_priv.h"
#include "dissect.h"
#include "state.h"

bool nla_next(struct nlc *it, uint16_t *type, struct nlc *payload)
{
	if (nlc_left(it) < 4)
		return false;
	uint16_t alen = nlc_u16(it);
	uint16_t araw = nlc_u16(it);
	if (!nlc_ok(it) || alen < 4 || alen - 4u > nlc_left(it))
		return false;
	*type = araw & NLA_TYPE_MASK;
	*payload = nlc_sub(it, alen - 4u);
	if (araw & NLA_F_NET_BYTEORDER)
		payload->order = NLC_BE;
	nlc_skip(it, alen - 4u);
	nlc_align4(it);
	return true;
}

void nla_index_reset(struct nlstate *st)
{
	st->nla.ix[0].gen = st->nla.ix[1].gen = 0;
}

static bool nla_find_scan(const struct nlc *c, uint16_t type, struct nlc *out)
{
	struct nlc it = *c;

	it.err = NLC_OK;
	while (nlc_left(&it) >= 4) {
		uint16_t alen = nlc_u16(&it);
		uint16_t araw = nlc_u16(&it);
		if (!nlc_ok(&it) || alen < 4 || alen - 4u > nlc_left(&it))
			return false;
		if ((araw & NLA_TYPE_MASK) == type) {
			*out = nlc_sub(&it, alen - 4u);
			return nlc_capleft(out) == nlc_left(out);
		}
		nlc_skip(&it, alen - 4u);
		nlc_align4(&it);
	}
	return false;
}

static struct nla_index *nla_index_of(struct nla_cache *k, const struct nlc *c)
{
	for (unsigned i = 0; i < 2; i++) {
		struct nla_index *x = &k->ix[i];
		if (x->gen && x->base == c->base && x->pos == c->pos && x->end == c->end)
			return x;
	}
	struct nla_index *x = &k->ix[k->next];
	k->next ^= 1;
	if (!++k->gen) {	/* wrapped: clear once every 2^32 builds */
		memset(k->ix, 0, sizeof(k->ix));
		k->gen = 1;
	}
	x->base = c->base;
	x->pos = c->pos;
	x->end = c->end;
	x->gen = k->gen;
	x->complete = false;
	struct nlc it = *c;
	it.err = NLC_OK;
	while (nlc_left(&it) >= 4) {
		size_t at = it.pos;
		uint16_t alen = nlc_u16(&it);
		uint16_t araw = nlc_u16(&it);
		if (!nlc_ok(&it) || alen < 4 || alen - 4u > nlc_left(&it))
			return x;	/* incomplete: lookups scan */
		uint16_t t = araw & NLA_TYPE_MASK;
		if (t < NLA_IDX_TYPES && x->tgen[t] != x->gen) {
			x->tgen[t] = x->gen;
			x->off[t] = (uint32_t)(at - c->pos);
		}
		nlc_skip(&it, alen - 4u);
		nlc_align4(&it);
	}
	x->complete = nlc_left(&it) == 0 && nlc_ok(&it);
	return x;
}

bool nla_find(struct nlstate *st, const struct nlc *c, uint16_t type, struct nlc *out)
{
	if (type >= NLA_IDX_TYPES || !st)
		return nla_find_scan(c, type, out);
	const struct nla_index *x = nla_index_of(&st->nla, c);
	if (!x->complete)
		return nla_find_scan(c, type, out);
	if (x->tgen[type] != x->gen)
		return false;
	struct nlc it = *c;
	it.err = NLC_OK;
	it.pos += x->off[type];
	uint16_t alen = nlc_u16(&it);
	nlc_u16(&it);
	*out = nlc_sub(&it, alen - 4u);
	return nlc_ok(&it) && nlc_capleft(out) == nlc_left(out);
}

bool nla_find_u32(struct nlstate *st, const struct nlc *c, uint16_t type, uint32_t *v)
{
	struct nlc a;

	if (!nla_find(st, c, type, &a) || nlc_left(&a) != 4)
		return false;
	*v = nlc_u32(&a);
	return nlc_ok(&a);
}

bool nla_find_str(struct nlstate *st, const struct nlc *c, uint16_t type, const uint8_t **p,
		  size_t *n)
{
	struct nlc a;

	return nla_find(st, c, type, &a) && nlc_cstr(&a, p, n);
}
