/* attr.c - the one attribute walker, driven by declared policies (the
 * values it meets: attr_value.c; lookups: attr_find.c).
 *
 * Shared checks (as the kernel's nla_validate does them): nla_len >= 4,
 * nla_len within what is left, 4-byte padding, exact or minimum length per
 * kind, NUL termination, nesting depth <= NL_MAX_DEPTH, bytes left over.
 * A problem is shown where it happens and the walk goes on with the next
 * attribute when the length allows it.
 */
#include <string.h>

#include "attr_priv.h"
#include "dissect.h"
#include "state.h"

_Static_assert(sizeof(((struct nla_cache *)0)->keys) / 24 == NL_MAX_DEPTH + 2,
	       "one unknown_N key slot per depth");

/* Hex of what is left in c, which the layout did not consume. */
static void leftover(struct dctx *d, struct nlc *c, const char *key)
{
	if (!nlc_left(c))
		return;
	emit_malformed(d->e, dctx_off(d, c), "%zu bytes left over", nlc_left(c));
	show_hex_rest(d, key, c);
}

void nla_walk_array(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		    struct nlc *c)
{
	if (d->fs)
		nl_fs_open(d, key, "array", c);
	emit_list_begin(d->e, key);
	d->depth++;
	while (nlc_left(c)) {
		size_t start = dctx_off(d, c);

		if (nlc_left(c) < 4) {
			emit_malformed(d->e, start, "%zu bytes, too short for an attribute",
				       nlc_left(c));
			show_hex_rest(d, NULL, c);
			break;
		}
		uint16_t alen = nlc_u16(c);
		uint16_t atype = nlc_u16(c);
		if (!nlc_ok(c)) {
			report(d, c, "bad array element");
			break;
		}
		if (alen < 4 || alen - 4u > nlc_left(c)) {
			emit_malformed(d->e, start, "array element length %u, %zu bytes left",
				       alen, nlc_left(c) + 4);
			show_hex_rest(d, NULL, c);
			break;
		}
		struct nlc sub = nlc_sub(c, alen - 4u);
		nlc_skip(c, alen - 4u);
		nlc_align4(c);
		if (d->fs)	/* an element's index is its attribute type */
			nl_fs_num(d, "index", "u16", NLFV_UINT, sub.pos - 2, 2,
				  atype & NLA_TYPE_MASK, NULL, NULL);
		emit_item_begin(d->e, atype & NLA_TYPE_MASK);
		if (pol->nest)
			nla_walk(d, &sub, pol->nest);
		else
			nla_walk(d, &sub, NULL);
		emit_obj_end(d->e);
	}
	d->depth--;
	emit_list_end(d->e);
	if (d->fs)
		nl_fs_close(d);
}

void nla_walk_under(struct dctx *d, const char *key, struct nlc *c,
		    const struct nl_attr_set *set)
{
	bool ordered = set && (set->flags & NLAF_ORDERED);

	if (d->fs)
		nl_fs_open(d, key, ordered ? "list" : "nest", c);
	if (ordered)
		emit_list_begin(d->e, key);
	else
		emit_set_begin(d->e, key);
	d->depth++;
	nla_walk(d, c, set);
	d->depth--;
	emit_obj_end(d->e);
	if (d->fs)
		nl_fs_close(d);
}

/* Walk attributes. */
static void nla_walk_set(struct dctx *d, struct nlc *c, const struct nl_attr_set *set);
void nla_walk(struct dctx *d, struct nlc *c, const struct nl_attr_set *set)
{
	struct nlc saved_parent = d->parent;
	struct nla_level lv = { *c, set, d->level };

	if (d->fs && d->fs->pin)	/* a missing attribute named by its set */
		nl_fs_pin_set(d->fs, c, set, false);
	d->parent = *c;
	d->level = &lv;
	nla_walk_set(d, c, set);
	d->level = lv.up;
	d->parent = saved_parent;
}

/* One attribute header, checked.  On a bad header: marker, hex of the
 * rest, false.  sub covers the payload (clamped when nla_len overruns,
 * with a marker; the walk then ends). */
struct nla_hdr {
	uint16_t len, raw, type;
	bool whole;		/* false: cut by the capture */
	struct nlc sub;
};

static bool next_attr(struct dctx *d, struct nlc *c, struct nla_hdr *h)
{
	struct emitter *e = d->e;
	size_t start = dctx_off(d, c);

	if (nlc_left(c) < 4) {
		emit_malformed(e, start, "%zu bytes, too short for an attribute", nlc_left(c));
		show_hex_rest(d, "trailing", c);
		return false;
	}
	h->len = nlc_u16(c);
	h->raw = nlc_u16(c);
	if (!nlc_ok(c)) {
		report(d, c, "unreadable attribute header");
		return false;
	}
	if (h->len < 4) {
		emit_malformed(e, start, "nla_len %u < 4", h->len);
		show_hex_rest(d, "trailing", c);
		return false;
	}
	size_t plen = h->len - 4u;
	h->sub = nlc_sub(c, plen);
	if (plen > nlc_left(c)) {
		emit_malformed(e, start, "nla_len %u, only %zu bytes left",
			       h->len, nlc_left(c) + 4);
		h->sub.err = NLC_OK;	/* decode what is there, then stop */
	}
	/* not whole: the attribute is cut by the capture; what is there is
	 * decoded, then the walk stops (the rest is not captured) */
	h->whole = nlc_skip(c, nlc_left(&h->sub));
	nlc_align4(c);
	h->type = h->raw & NLA_TYPE_MASK;
	if (h->raw & NLA_F_NET_BYTEORDER)
		h->sub.order = NLC_BE;
	return true;
}

/* Quiet header iteration (no markers) for look-ahead. */
static bool peek_attr(struct nlc *it, struct nla_hdr *h)
{
	if (nlc_left(it) < 4)
		return false;
	h->len = nlc_u16(it);
	h->raw = nlc_u16(it);
	if (!nlc_ok(it) || h->len < 4 || h->len - 4u > nlc_left(it))
		return false;
	h->sub = nlc_sub(it, h->len - 4u);
	h->whole = nlc_skip(it, h->len - 4u);
	nlc_align4(it);
	h->type = h->raw & NLA_TYPE_MASK;
	if (h->raw & NLA_F_NET_BYTEORDER)
		h->sub.order = NLC_BE;
	return true;
}

static const char *unknown_key(struct dctx *d, uint16_t type)
{
	/* the key must outlive this call: one slot per depth, in the run */
	char (*keys)[24] = d->st->nla.keys;
	int slot = d->depth < NL_MAX_DEPTH + 1 ? d->depth : NL_MAX_DEPTH + 1;

	char *k = keys[slot], t[8];
	unsigned n = 0;
	memcpy(k, "unknown_", 8);
	do {	/* "unknown_%u", without snprintf */
		t[n++] = (char)('0' + type % 10);
		type /= 10;
	} while (type);
	for (unsigned i = 0; i < n; i++)
		k[8 + i] = t[n - 1 - i];
	k[8 + n] = 0;
	return k;
}

static const struct nl_attr_pol *pol_of(const struct nl_attr_set *set, uint16_t type)
{
	if (set && type <= set->max && set->attrs[type].name)
		return &set->attrs[type];
	return NULL;
}

/* The field events of an attribute's header: its payload is the value
 * the next event publishes (with the header before it); an attribute no
 * policy describes, shown as {type, len, hex}, is an object of its own. */
static __attribute__((noinline)) void fs_attr(struct dctx *d, const struct nla_hdr *h,
						  const char *key, bool unknown)
{
	d->fs->attr_at = h->sub.pos;
	if (!unknown)
		return;
	nl_fs_open(d, key, "unknown", &h->sub);
	nl_fs_num(d, "type", "u16", NLFV_UINT, h->sub.pos - 2, 2, h->type, NULL, NULL);
	nl_fs_num(d, "len", "u16", NLFV_UINT, h->sub.pos - 4, 2, h->len, NULL, NULL);
}

/* Decode one attribute under key (NULL inside a list of repeats). */
static void decode_attr(struct dctx *d, const struct nl_attr_pol *pol,
			struct nla_hdr *h, const char *key)
{
	struct emitter *e = d->e;

	if (d->fs)
		fs_attr(d, h, key, !pol && !((h->raw & NLA_F_NESTED) && d->depth < NL_MAX_DEPTH));
	if (!pol) {
		emit_unknown_seen(e);
		if ((h->raw & NLA_F_NESTED) && d->depth < NL_MAX_DEPTH) {
			nla_walk_under(d, key, &h->sub, NULL);
		} else {
			emit_obj_begin(e, key);
			emit_uint(e, "type", h->type, EF_DEC);
			emit_uint(e, "len", h->len, EF_DEC);
			show_hex_rest(d, "hex", &h->sub);
			emit_obj_end(e);
			if (d->fs)
				nl_fs_close(d);
		}
		return;
	}
	if (pol->flags & NLAF_SUMMARY)
		emit_sum_next(e, pol->sum ? pol->sum : pol->name);
	nla_value(d, pol, key, &h->sub);
	emit_sum_next_clear(e);
	if (nlc_left(&h->sub) && pol->kind != NLA_KIND_NESTED) {
		if (!nlc_ok(&h->sub))
			;	/* reported where the read failed */
		else if (nlc_capleft(&h->sub) < nlc_left(&h->sub))
			emit_truncated(e, dctx_off(d, &h->sub), nlc_rawleft(&h->sub),
				       nlc_capleft(&h->sub));
		else
			leftover(d, &h->sub, "leftover");
	}
}

/* An attribute cut by the capture ends the walk, with one marker if its
 * decoding gave none. */
static void cut_short(struct dctx *d, const struct nla_hdr *h, unsigned ntr)
{
	if (emit_truncated_count(d->e) == ntr)
		emit_truncated(d->e, dctx_off(d, &h->sub), nlc_rawleft(&h->sub),
			       nlc_capleft(&h->sub));
}

/* Types that occur more than once in the set at c (JSON groups them). */
#define DUP_WORDS 16	/* types below 1024 tracked in a bitmap */

static bool find_dups(const struct nlc *c, uint64_t dup[DUP_WORDS], bool *big_dup)
{
	uint64_t seen[DUP_WORDS] = { 0 };
	struct nlc it = *c;
	struct nla_hdr h;
	bool any = false;

	*big_dup = false;
	memset(dup, 0, DUP_WORDS * sizeof(uint64_t));
	while (peek_attr(&it, &h)) {
		if (h.type >= DUP_WORDS * 64) {
			*big_dup = true;	/* rare: checked one by one */
			any = true;
			continue;
		}
		uint64_t m = 1ull << (h.type % 64);
		if (seen[h.type / 64] & m) {
			dup[h.type / 64] |= m;
			any = true;
		}
		seen[h.type / 64] |= m;
	}
	return any;
}

static bool type_repeats(const struct nlc *c, uint16_t type, const uint64_t dup[DUP_WORDS])
{
	if (type < DUP_WORDS * 64)
		return dup[type / 64] & (1ull << (type % 64));
	struct nlc it = *c;
	struct nla_hdr h;
	unsigned n = 0;
	while (peek_attr(&it, &h))
		if (h.type == type && ++n > 1)
			return true;
	return false;
}

static void nla_walk_set(struct dctx *d, struct nlc *c, const struct nl_attr_set *set)
{
	struct emitter *e = d->e;
	uint64_t dup[DUP_WORDS], done[DUP_WORDS];
	bool big_dup = false, group = false;
	const struct nlc whole = *c;
	struct nla_hdr h;

	/* JSON objects need unique keys: a repeated attribute becomes one
	 * array, in order, at its first place (ordered sets are lists anyway) */
	if (emit_wants_grouped_repeats(e) && !(set && (set->flags & NLAF_ORDERED))) {
		group = find_dups(c, dup, &big_dup);
		memset(done, 0, sizeof(done));
	}

	while (nlc_left(c)) {
		if (!next_attr(d, c, &h))
			return;
		const struct nl_attr_pol *pol = pol_of(set, h.type);
		const char *key = pol ? pol->name : unknown_key(d, h.type);
		unsigned ntr = emit_truncated_count(e);
		if (d->sum && pol)	/* a value the summary shows? */
			nl_sum_meet(d->sum, set, pol, d->depth, &h.sub,
				    h.whole && nlc_left(&h.sub) == h.len - 4u &&
				    nlc_capleft(&h.sub) == nlc_left(&h.sub));
		struct nla_hdr cut = h;

		if (!group || !type_repeats(&whole, h.type, dup)) {
			decode_attr(d, pol, &h, key);
			if (!h.whole) {
				cut_short(d, &cut, ntr);
				return;
			}
			continue;
		}
		if (h.type < DUP_WORDS * 64) {
			uint64_t m = 1ull << (h.type % 64);
			if (done[h.type / 64] & m)
				continue;
			done[h.type / 64] |= m;
		} else {
			/* a big type repeated: is this its first occurrence? */
			struct nlc it = whole;
			struct nla_hdr p;
			bool first = true;
			while (peek_attr(&it, &p) && it.pos < c->pos)
				if (p.type == h.type) {
					first = false;
					break;
				}
			if (!first)
				continue;
		}
		if (!pol || !(pol->flags & NLAF_MULTI))
			emit_note_dup(e, key);
		if (d->fs)	/* the list's items are at its key's path */
			nl_fs_push(d, key);
		emit_list_begin(e, key);
		decode_attr(d, pol, &h, NULL);
		struct nlc it = *c;
		struct nla_hdr more;
		while (peek_attr(&it, &more))
			if (more.type == h.type)
				decode_attr(d, pol, &more, NULL);
		emit_list_end(e);
		if (d->fs)
			nl_fs_close(d);
		if (!h.whole) {
			cut_short(d, &cut, ntr);
			return;
		}
	}
}

