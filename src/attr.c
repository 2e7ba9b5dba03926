/* attr.c - the one attribute walker, driven by declared policies.
 *
 * Shared checks (as the kernel's nla_validate does them): nla_len >= 4,
 * nla_len within what is left, 4-byte padding, exact or minimum length per
 * kind, NUL termination, nesting depth <= NL_MAX_DEPTH, bytes left over.
 * A problem is shown where it happens and the walk goes on with the next
 * attribute when the length allows it.
 */
#include <stdio.h>
#include <string.h>

#include "dissect.h"
#include "state.h"

_Static_assert(sizeof(((struct nla_cache *)0)->keys) / 24 == NL_MAX_DEPTH + 2,
	       "one unknown_N key slot per depth");

#define NLA_F_NESTED		0x8000
#define NLA_F_NET_BYTEORDER	0x4000
#define NLA_TYPE_MASK		0x3fff

static const uint8_t int_width[NLA_KIND_MAX_] = {
	[NLA_KIND_U8] = 1, [NLA_KIND_U16] = 2, [NLA_KIND_U32] = 4, [NLA_KIND_U64] = 8,
	[NLA_KIND_S8] = 1, [NLA_KIND_S16] = 2, [NLA_KIND_S32] = 4, [NLA_KIND_S64] = 8,
	[NLA_KIND_BE16] = 2, [NLA_KIND_BE32] = 4, [NLA_KIND_BE64] = 8,
};

static bool kind_signed(uint8_t k)
{
	return k == NLA_KIND_S8 || k == NLA_KIND_S16 || k == NLA_KIND_S32 ||
	       k == NLA_KIND_S64 || k == NLA_KIND_SINT;
}

static bool kind_big(uint8_t k)
{
	return k == NLA_KIND_BE16 || k == NLA_KIND_BE32 || k == NLA_KIND_BE64;
}

static int64_t sign_extend(uint64_t v, unsigned width)
{
	if (width >= 8)
		return (int64_t)v;
	unsigned bits = width * 8;
	uint64_t m = 1ull << (bits - 1);
	return (int64_t)((v ^ m) - m);
}

/* Emit an integer with its policy's presentation (enum, bits, hex); it
 * was read at frame position at. */
static void emit_int(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		     uint64_t v, unsigned width, size_t at)
{
	struct emitter *e = d->e;

	if (d->fs)
		nl_fs_int(d, pol, key, at, width, v,
			  kind_signed(pol->kind) ? sign_extend(v, width) : (int64_t)v);
	if (pol->enums) {
		emit_enum(e, key, v, pol->enums);
	} else if (pol->bits) {
		emit_flags(e, key, v, pol->bits);
	} else if (kind_signed(pol->kind)) {
		emit_sint(e, key, sign_extend(v, width));
	} else {
		emit_uint(e, key, v, (pol->flags & NLAF_HEX) ? EF_HEX : EF_DEC);
	}
}

/* An address value (or hex, for k -1) of n bytes at p, read at frame
 * position at. */
static void emit_address(struct dctx *d, const char *key, const char *kind, int k,
			 const uint8_t *p, size_t n, size_t at)
{
	if (d->fs)
		nl_fs_bytes(d, key, kind, k < 0 ? NLFV_HEX : NLFV_ADDR, k < 0 ? 0 : (uint8_t)k,
			    at, n, p, n);
	if (k < 0)
		emit_hex(d->e, key, p, n);
	else
		emit_addr(d->e, key, (enum emit_addr)k, p, n);
}

static void show_hex_rest(struct dctx *d, const char *key, struct nlc *c)
{
	size_t n, at = c->pos, len = nlc_rawleft(c);
	const uint8_t *p = nlc_rest(c, &n);

	if (d->fs)
		nl_fs_bytes(d, key, "bytes", NLFV_HEX, 0, at, len, p, p ? n : 0);
	emit_hex(d->e, key, p ? p : (const uint8_t *)"", p ? n : 0);
}

static void wrong_len(struct dctx *d, const char *key, struct nlc *c,
		      const char *what, size_t want)
{
	emit_malformed(d->e, dctx_off(d, c), "length %zu, expected %s%zu",
		       nlc_left(c), what, want);
	show_hex_rest(d, key, c);
}

/* Report a cursor's sticky error at its position. */
static void report(struct dctx *d, struct nlc *c, const char *what)
{
	if (c->err == NLC_ERR_TRUNCATED)
		emit_truncated(d->e, dctx_off(d, c), nlc_rawleft(c), nlc_capleft(c));
	else if (c->err)
		emit_malformed(d->e, dctx_off(d, c), "%s", what);
}

/* Hex of what is left in c, which the layout did not consume. */
static void leftover(struct dctx *d, struct nlc *c, const char *key)
{
	if (!nlc_left(c))
		return;
	emit_malformed(d->e, dctx_off(d, c), "%zu bytes left over", nlc_left(c));
	show_hex_rest(d, key, c);
}

static void decode_string(struct dctx *d, const struct nl_attr_pol *pol,
			  const char *key, struct nlc *c, bool must_nul)
{
	size_t n, len;
	const uint8_t *p = nlc_rest(c, &n);

	if (!p) {
		report(d, c, "unreadable string");
		return;
	}
	const uint8_t *z = n ? memchr(p, 0, n) : NULL;
	len = z ? (size_t)(z - p) : n;
	/* a string cut by the capture may have its NUL in the missing part */
	if (must_nul && !z && !nlc_left(c)) {
		emit_malformed(d->e, dctx_off(d, c) - n, "string not NUL-terminated");
	}
	/* text after the NUL (NULs padding a fixed-size buffer are not) */
	for (size_t i = len + 1; must_nul && z && i < n; i++)
		if (p[i]) {
			emit_malformed(d->e, dctx_off(d, c) - n + len + 1,
				       "%zu bytes after the string's NUL", n - len - 1);
			break;
		}
	if (pol->len && n > pol->len) {
		emit_malformed(d->e, dctx_off(d, c) - n, "string of %zu bytes, at most %u",
			       n, pol->len);
	}
	if (d->fs)
		nl_fs_bytes(d, key, "string", NLFV_STR, 0, c->pos - n, n, p, len);
	emit_str(d->e, key, p, len);
}

static bool depth_ok(struct dctx *d, const char *key, struct nlc *c)
{
	if (d->depth < NL_MAX_DEPTH)
		return true;
	emit_malformed(d->e, dctx_off(d, c), "nesting deeper than %d", NL_MAX_DEPTH);
	show_hex_rest(d, key, c);
	return false;
}

static void decode_nested_array(struct dctx *d, const struct nl_attr_pol *pol,
				const char *key, struct nlc *c)
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

/* Does this struct layout set the family context or feed the summary?
 * Then it is decoded even when no value is shown. */
static bool struct_matters(const struct nl_struct *st)
{
	for (unsigned i = 0; i < st->nfields; i++) {
		const struct nl_attr_pol *f = &st->fields[i];
		if ((f->flags & (NLAF_FAMILY | NLAF_SUMMARY)) ||
		    (f->kind == NLA_KIND_STRUCT && struct_matters(f->st)))
			return true;
	}
	return false;
}

/* One-line and count modes show no values but the summary's: check a
 * leaf's length as the full decode would, without reading it.  Returns
 * true when the value was handled so. */
static bool leaf_checked(struct dctx *d, const struct nl_attr_pol *pol, struct nlc *c)
{
	size_t n = nlc_left(c);
	size_t want;

	if (nlc_capleft(c) != n)
		return false;	/* cut by the capture: let the decoder say so */
	switch (pol->kind) {
	case NLA_KIND_U8: case NLA_KIND_U16: case NLA_KIND_U32: case NLA_KIND_U64:
	case NLA_KIND_S8: case NLA_KIND_S16: case NLA_KIND_S32: case NLA_KIND_S64:
	case NLA_KIND_BE16: case NLA_KIND_BE32: case NLA_KIND_BE64:
		want = int_width[pol->kind];
		break;
	case NLA_KIND_IPV4:
		want = 4;
		break;
	case NLA_KIND_IPV6:
		want = 16;
		break;
	case NLA_KIND_BITFIELD32:
		want = 8;
		break;
	case NLA_KIND_FLAG:
		want = 0;
		break;
	case NLA_KIND_UINT:
	case NLA_KIND_SINT:
		if (n != 1 && n != 2 && n != 4 && n != 8)
			return false;
		want = n;
		break;
	case NLA_KIND_BINARY:
	case NLA_KIND_MAC:
		if (pol->len && n != pol->len)
			return false;
		want = n;
		break;
	case NLA_KIND_STRING:
		if (pol->len && n > pol->len)
			return false;
		want = n;
		break;
	case NLA_KIND_STRUCT:
		if (n < (pol->st->min_size ? pol->st->min_size : pol->st->size) ||
		    struct_matters(pol->st))
			return false;
		want = n;
		break;
	default:
		return false;	/* nested, strings to check, callbacks: decode */
	}
	if (n != want)
		return false;	/* the full decode reports it */
	(void)d;
	nlc_advance(c, n);
	return true;
}

void nla_value(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
	       struct nlc *c)
{
	struct emitter *e = d->e;
	size_t n = nlc_left(c);
	unsigned w;

	if (!emit_wants_values(e) && !d->fs && leaf_checked(d, pol, c))
		return;
	switch (pol->kind) {
	case NLA_KIND_U8: case NLA_KIND_U16: case NLA_KIND_U32: case NLA_KIND_U64:
	case NLA_KIND_S8: case NLA_KIND_S16: case NLA_KIND_S32: case NLA_KIND_S64:
	case NLA_KIND_BE16: case NLA_KIND_BE32: case NLA_KIND_BE64:
		w = int_width[pol->kind];
		if (n != w) {
			wrong_len(d, key, c, "", w);
			return;
		}
		{
			bool big = kind_big(pol->kind) || (pol->flags & NLAF_BE) ||
				   c->order == NLC_BE;
			uint64_t v = nlc_uint(c, w, big);
			if (!nlc_ok(c)) {
				report(d, c, "unreadable integer");
				return;
			}
			emit_int(d, pol, key, v, w, c->pos - w);
		}
		return;
	case NLA_KIND_UINT:
	case NLA_KIND_SINT:
		if (n != 1 && n != 2 && n != 4 && n != 8) {
			wrong_len(d, key, c, "1, 2, 4 or ", 8);
			return;
		}
		{
			uint64_t v = nlc_uint(c, (unsigned)n,
					      (pol->flags & NLAF_BE) || c->order == NLC_BE);
			if (!nlc_ok(c)) {
				report(d, c, "unreadable integer");
				return;
			}
			emit_int(d, pol, key, v, (unsigned)n, c->pos - n);
		}
		return;
	case NLA_KIND_STRING:
		decode_string(d, pol, key, c, false);
		return;
	case NLA_KIND_NUL_STRING:
		decode_string(d, pol, key, c, true);
		return;
	case NLA_KIND_FLAG:
		if (n) {
			wrong_len(d, key, c, "", 0);
			return;
		}
		if (d->fs)
			nl_fs_bytes(d, key, "flag", NLFV_TRUE, 0, c->pos, 0, NULL, 0);
		emit_flag(e, key);
		return;
	case NLA_KIND_NESTED:
		if (!depth_ok(d, key, c))
			return;
		nla_walk_under(d, key, c, pol->nest);
		return;
	case NLA_KIND_NESTED_ARRAY:
		if (!depth_ok(d, key, c))
			return;
		decode_nested_array(d, pol, key, c);
		return;
	case NLA_KIND_BITFIELD32:
		if (n != 8) {
			wrong_len(d, key, c, "", 8);
			return;
		}
		{
			uint32_t v = nlc_u32(c), sel = nlc_u32(c);
			if (!nlc_ok(c)) {
				report(d, c, "unreadable bitfield32");
				return;
			}
			if (d->fs)
				nl_fs_bitfield32(d, pol, key, c->pos - 8, v, sel);
			emit_obj_begin(e, key);
			emit_flags(e, "value", v, pol->bits);
			emit_flags(e, "selector", sel, pol->bits);
			emit_obj_end(e);
		}
		return;
	case NLA_KIND_MAC:
		if (pol->len && n != pol->len) {
			wrong_len(d, key, c, "", pol->len);
			return;
		}
		{
			const uint8_t *p = nlc_bytes(c, n);
			if (!p) {
				report(d, c, "unreadable address");
				return;
			}
			emit_address(d, key, "mac", EA_MAC, p, n, c->pos - n);
		}
		return;
	case NLA_KIND_IPV4:
	case NLA_KIND_IPV6:
		w = pol->kind == NLA_KIND_IPV4 ? 4 : 16;
		if (n != w) {
			wrong_len(d, key, c, "", w);
			return;
		}
		{
			const uint8_t *p = nlc_bytes(c, n);
			if (!p) {
				report(d, c, "unreadable address");
				return;
			}
			emit_address(d, key, w == 4 ? "ipv4" : "ipv6", w == 4 ? EA_IPV4 : EA_IPV6,
				     p, n, c->pos - n);
		}
		return;
	case NLA_KIND_ADDR:
		{
			const uint8_t *p = nlc_bytes(c, n);
			if (!p) {
				report(d, c, "unreadable address");
				return;
			}
			/* AF_INET 2, AF_INET6 10; otherwise judge by length */
			if ((d->af == 2 || d->af < 0 || d->af == 0) && n == 4)
				emit_address(d, key, "address", EA_IPV4, p, n, c->pos - n);
			else if ((d->af == 10 || d->af <= 0) && n == 16)
				emit_address(d, key, "address", EA_IPV6, p, n, c->pos - n);
			else if (d->af == 2 || d->af == 10)
				emit_malformed(e, dctx_off(d, c) - n,
					       "address of %zu bytes for family %d", n, d->af),
				emit_address(d, key, "bytes", -1, p, n, c->pos - n);
			else
				emit_address(d, key, "address", EA_MAC, p, n, c->pos - n);
		}
		return;
	case NLA_KIND_STRUCT:
		nl_struct_decode(d, key, c, pol->st);
		return;
	case NLA_KIND_CB:
		{
			struct nlc save = *c;
			if (pol->cb &&
			    (d->fs ? nl_fs_cb(d, pol, key, c) : pol->cb(d, pol, key, c))) {
				if (!nlc_ok(c))
					report(d, c, "callback read past the attribute");
				return;
			}
			*c = save;
			show_hex_rest(d, key, c);
		}
		return;
	case NLA_KIND_PAD:
		nlc_skip(c, n);
		return;
	case NLA_KIND_BINARY:
		if (pol->len && n != pol->len) {
			wrong_len(d, key, c, "", pol->len);
			return;
		}
		show_hex_rest(d, key, c);
		return;
	default:
		show_hex_rest(d, key, c);
		return;
	}
}

void nl_struct_decode(struct dctx *d, const char *key, struct nlc *c,
		      const struct nl_struct *st)
{
	size_t n = nlc_left(c);
	size_t min = st->min_size ? st->min_size : st->size;

	if (n < min) {
		emit_malformed(d->e, dctx_off(d, c), "%s: length %zu, expected %s%zu",
			       st->name, n, st->min_size ? "at least " : "", min);
		show_hex_rest(d, key, c);
		return;
	}
	/* always one object: under key, or (key NULL) as one item of the list
	 * a repeated attribute makes in JSON, its fields kept together */
	if (d->fs)
		nl_fs_open(d, key, "struct", c);
	emit_obj_begin(d->e, key);
	for (unsigned i = 0; i < st->nfields && nlc_left(c); i++) {
		const struct nl_attr_pol *f = &st->fields[i];
		unsigned w = int_width[f->kind];
		if (f->kind == NLA_KIND_IPV4)
			w = 4;
		else if (f->kind == NLA_KIND_IPV6)
			w = 16;
		else if (f->kind == NLA_KIND_MAC)
			w = f->len ? f->len : 6;
		else if (f->kind == NLA_KIND_STRUCT)
			w = f->st->size;
		else if (!w)
			w = f->len;
		if (w > nlc_left(c))
			break;	/* a shorter (older) layout: fields that fit */
		struct nlc sub = nlc_sub(c, w);
		nlc_skip(c, w);
		if (f->kind == NLA_KIND_PAD || !f->name)
			continue;
		if (f->flags & NLAF_FAMILY) {
			struct nlc fam = sub;
			d->af = (int)nlc_uint(&fam, w, false);
		}
		if (f->flags & NLAF_SUMMARY)
			emit_sum_next(d->e, f->sum ? f->sum : f->name);
		nla_value(d, f, f->name, &sub);
		emit_sum_next_clear(d->e);
	}
	/* bytes beyond the layout we know: a newer kernel's struct; shown,
	 * not malformed, since structs grow with the ABI */
	if (nlc_left(c))
		show_hex_rest(d, "extra", c);
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

	snprintf(keys[slot], sizeof(keys[slot]), "unknown_%u", type);
	return keys[slot];
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
	uint64_t dup[DUP_WORDS], done[DUP_WORDS] = { 0 };
	bool big_dup = false, group = false;
	const struct nlc whole = *c;
	struct nla_hdr h;

	/* JSON objects need unique keys: a repeated attribute becomes one
	 * array, in order, at its first place (ordered sets are lists anyway) */
	if (emit_wants_grouped_repeats(e) && !(set && (set->flags & NLAF_ORDERED)))
		group = find_dups(c, dup, &big_dup);

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

/* ---- lookups for summaries (no output) ---- */

/* Summaries look up several attributes of the same set.  The first lookup
 * in a set indexes it (first occurrence of every type below NLA_IDX_TYPES);
 * the next ones are one load.  Two sets are kept (a message's attributes
 * and one nested set, looked up in turn).  Every index build takes a new
 * generation number and its entries carry it, so a build costs no clearing;
 * nla_index_reset() drops both for every message, as capture buffers are
 * reused. */
/* the index itself: struct nla_cache in state.h, one per run */

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
	size_t len;

	if (!nla_find(st, c, type, &a))
		return false;
	const uint8_t *s = nlc_rest(&a, &len);
	if (!s)
		return false;
	const uint8_t *z = len ? memchr(s, 0, len) : NULL;
	*p = s;
	*n = z ? (size_t)(z - s) : len;
	return true;
}
