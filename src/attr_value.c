/* attr_value.c - one attribute's value, by the kind its policy declares
 * (integers, strings, addresses, flags, structs...): length checked, then
 * given to the emitter, or only checked when no value is shown. */
#include <string.h>

#include "attr_priv.h"
#include "dissect.h"

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

static void wrong_len(struct dctx *d, const char *key, struct nlc *c,
		      const char *what, size_t want)
{
	emit_malformed(d->e, dctx_off(d, c), "length %zu, expected %s%zu",
		       nlc_left(c), what, want);
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
			uint64_t v = nlc_uintw(c, w, big);
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
			uint64_t v = nlc_uintw(c, (unsigned)n,
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
		nla_walk_array(d, pol, key, c);
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

void nla_fixed_array(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		     struct nlc *c, unsigned w, const char *what,
		     void (*one)(struct dctx *d, const struct nl_attr_pol *pol, struct nlc *el))
{
	emit_list_begin(d->e, key);
	while (nlc_left(c) >= w) {
		struct nlc el = nlc_sub(c, w);
		nlc_skip(c, w);
		one(d, pol, &el);
	}
	emit_list_end(d->e);
	/* a length not a multiple of the element: the leftover is marked
	 * where it starts (its bytes: -x) */
	size_t left = nlc_left(c);
	if (left) {
		emit_malformed(d->e, dctx_off(d, c), "%zu bytes left over after %s of %u bytes",
			       left, what, w);
		nlc_skip(c, left);
	}
}
