/* spec_defs.c - a spec's definitions (enums and flags as value names,
 * structs as layouts, consts) and the policy of one value: an attribute's
 * or a struct member's type, byte order, display hint and enum.
 * Reference: Documentation/userspace-api/netlink/specs.rst and
 * genetlink-legacy.rst (Linux 7.2). */
#include <stdio.h>
#include <string.h>

#include "spec_build.h"


/* ---- definitions ---- */

static bool build_enum(struct sb *b, struct sdef *d)
{
	const struct snode *ent = sb_seq(b, d->n, "entries");
	bool flags = !strcmp(d->type, "flags");
	int64_t v = 0;

	if (!ent)
		return !b->err->set;
	if (sn_get(d->n, "value-start") && !sn_int(sn_get(d->n, "value-start"), &v)) {
		spec_fail(b->err, sn_get(d->n, "value-start"), "value-start is not a number");
		return false;
	}
	struct spec_enum *se = &b->fam->enums[b->fam->nenums++];
	se->name = d->name;
	se->flags = flags;
	se->names = sb_alloc(b, (ent->n + 1) * sizeof(char *), ent);
	se->vals = sb_alloc(b, (ent->n + 1) * sizeof(int64_t), ent);
	if (!se->names || !se->vals)
		return false;
	int64_t max = -1;
	for (uint32_t i = 0; i < ent->n; i++, v++) {
		const struct snode *e = ent->k[i];
		const char *nm = sn_text(e);
		if (!nm && e->t == SN_MAP) {
			nm = sn_str(e, "name");
			if (sn_get(e, "value") && !sn_int(sn_get(e, "value"), &v)) {
				spec_fail(b->err, sn_get(e, "value"), "entry value is not a number");
				return false;
			}
		}
		if (!nm) {
			spec_fail(b->err, e, "enum entry without a name");
			return false;
		}
		if (flags && (v < 0 || v > 63)) {
			spec_fail(b->err, e, "flag '%s' is bit %lld: bits are 0 to 63", nm,
				  (long long)v);
			return false;
		}
		se->names[se->n] = nm;
		se->vals[se->n++] = v;
		if (v >= 0 && v < (int64_t)SPEC_NAMES_MAX && v > max)
			max = v;
	}
	const char **t = sb_alloc(b, (size_t)(max + 2) * sizeof(char *), ent);
	if (!t)
		return false;
	for (unsigned i = 0; i < se->n; i++)
		if (se->vals[i] >= 0 && se->vals[i] <= max && !t[se->vals[i]])
			t[se->vals[i]] = se->names[i];
	d->names.n = (unsigned)(max + 1);
	d->names.v = t;
	return true;
}


/* ---- one value's policy (attributes and struct members alike) ---- */

/* A key of the attribute, or of the full set's attribute in a subset. */
const struct snode *spec_akey(const struct snode *n, const struct snode *base, const char *k)
{
	const struct snode *v = sn_get(n, k);
	return v ? v : sn_get(base, k);
}

const char *spec_astr(const struct snode *n, const struct snode *base, const char *k)
{
	return sn_text(spec_akey(n, base, k));
}

static const struct {
	const char *name;
	uint8_t kind, be;
} int_kinds[] = {
	{ "u8", NLA_KIND_U8, NLA_KIND_U8 }, { "u16", NLA_KIND_U16, NLA_KIND_BE16 },
	{ "u32", NLA_KIND_U32, NLA_KIND_BE32 }, { "u64", NLA_KIND_U64, NLA_KIND_BE64 },
	{ "s8", NLA_KIND_S8, NLA_KIND_S8 }, { "s16", NLA_KIND_S16, NLA_KIND_S16 },
	{ "s32", NLA_KIND_S32, NLA_KIND_S32 }, { "s64", NLA_KIND_S64, NLA_KIND_S64 },
	{ "uint", NLA_KIND_UINT, NLA_KIND_UINT }, { "sint", NLA_KIND_SINT, NLA_KIND_SINT },
};

static int int_kind(const char *type)
{
	for (unsigned i = 0; i < ARRAY_SIZE(int_kinds); i++)
		if (type && !strcmp(type, int_kinds[i].name))
			return (int)i;
	return -1;
}

unsigned spec_kind_width(const struct nl_attr_pol *p)
{
	switch (p->kind) {
	case NLA_KIND_U8: case NLA_KIND_S8: return 1;
	case NLA_KIND_U16: case NLA_KIND_S16: case NLA_KIND_BE16: return 2;
	case NLA_KIND_U32: case NLA_KIND_S32: case NLA_KIND_BE32: case NLA_KIND_IPV4: return 4;
	case NLA_KIND_U64: case NLA_KIND_S64: case NLA_KIND_BE64: return 8;
	case NLA_KIND_BITFIELD32: return 8;
	case NLA_KIND_IPV6: return 16;
	case NLA_KIND_MAC: return p->len ? p->len : 6;
	case NLA_KIND_STRUCT: return p->st->size;
	default: return p->len;
	}
}

static const struct nl_shape shape_uuid = NL_SHAPE_FORM("uuid");

/* enum / enum-as-flags of an integer value */
static bool set_enum(struct sb *b, struct nl_attr_pol *p, const struct snode *n,
		     const struct snode *base)
{
	const struct snode *en = spec_akey(n, base, "enum");
	if (!en)
		return true;
	struct sdef *d = sb_def(b, sn_text(en));
	if (!d || (strcmp(d->type, "enum") && strcmp(d->type, "flags"))) {
		spec_fail(b->err, en, "enum '%s' is not an enum or flags definition",
			  sn_text(en) ? sn_text(en) : "?");
		return false;
	}
	const char *asf = spec_astr(n, base, "enum-as-flags");
	bool flags = !strcmp(d->type, "flags") || (asf && !strcmp(asf, "true"));
	if (flags)
		p->bits = &d->names;
	else
		p->enums = &d->names;
	return true;
}

/* An attribute's string: NUL-terminated unless `unterminated-ok`, at
 * most `max-len` bytes before its NUL (the kernel's NLA_NUL_STRING and
 * NLA_STRING with .len); the walker marks a string that breaks either. */
static bool string_checks(struct sb *b, struct nl_attr_pol *p, const struct snode *n,
			  const struct snode *base)
{
	const struct snode *ck = spec_akey(n, base, "checks");
	const char *unt = sn_str(ck, "unterminated-ok");
	const struct snode *ml = sn_get(ck, "max-len");
	int64_t max;

	if (!unt || strcmp(unt, "true"))
		p->kind = NLA_KIND_NUL_STRING;
	if (!ml)
		return true;
	if (!sb_int(b, ml, &max) || max < 0 || max > 65534) {
		spec_fail(b->err, ml, "max-len is not a number (or a const) from 0 to 65534");
		return false;
	}
	p->len = (uint16_t)(max + 1);	/* with the NUL (or an unterminated string's last byte) */
	return true;
}

/* type, byte order, display hint, enum: the scalar kinds and binary */
bool spec_fill_scalar(struct sb *b, struct nl_attr_pol *p, const char *type,
			const struct snode *n, const struct snode *base, bool member, int depth)
{
	const char *order = spec_astr(n, base, "byte-order");
	const char *hint = spec_astr(n, base, "display-hint");
	bool be = order && !strcmp(order, "big-endian");
	int ik = int_kind(type);
	int64_t len = 0;

	if (ik >= 0) {
		p->kind = be ? int_kinds[ik].be : int_kinds[ik].kind;
		/* signed and variable-width big-endian: their kind, read in
		 * network order (the BE kinds are unsigned) */
		if (be && p->kind == int_kinds[ik].kind)
			p->flags |= NLAF_BE;
		if (hint && !strcmp(hint, "ipv4") && int_kinds[ik].kind == NLA_KIND_U32)
			p->kind = NLA_KIND_IPV4;
		else if (hint && !strcmp(hint, "hex"))
			p->flags |= NLAF_HEX;
		return set_enum(b, p, n, base);
	}
	const struct snode *ln = spec_akey(n, base, "len");
	if (!ln)
		ln = sn_get(sn_get(n, "checks"), "exact-len");
	if (!ln && base)
		ln = sn_get(sn_get(base, "checks"), "exact-len");
	if (ln && (!sb_int(b, ln, &len) || len < 0 || len > 65535)) {
		spec_fail(b->err, ln, "length is not a number (or a const) from 0 to 65535");
		return false;
	}
	if (!strcmp(type, "bitfield32")) {
		p->kind = NLA_KIND_BITFIELD32;
		return set_enum(b, p, n, base);
	}
	if (!strcmp(type, "string")) {
		p->kind = NLA_KIND_STRING;
		p->len = member ? (uint16_t)len : 0;
		return member || string_checks(b, p, n, base);
	}
	if (!strcmp(type, "pad")) {
		p->kind = NLA_KIND_PAD;
		p->len = (uint16_t)len;
		return true;
	}
	if (!strcmp(type, "binary")) {
		const char *sn = spec_astr(n, base, "struct");
		p->kind = NLA_KIND_BINARY;
		p->len = (uint16_t)len;
		if (sn) {
			struct sdef *d = sb_def(b, sn);
			if (!d || strcmp(d->type, "struct")) {
				spec_fail(b->err, spec_akey(n, base, "struct"),
					  "struct '%s' is not a struct definition", sn);
				return false;
			}
			if (d->state == 1) {	/* said where the struct names itself */
				spec_fail(b->err, spec_akey(n, base, "struct"),
					  "struct '%s' contains itself", d->name);
				return false;
			}
			if (!spec_build_struct(b, d, depth + 1))
				return false;
			p->kind = NLA_KIND_STRUCT;
			p->st = d->st;
			p->len = 0;
		} else if (hint && !strcmp(hint, "mac")) {
			p->kind = NLA_KIND_MAC;
		} else if (hint && !strcmp(hint, "ipv4")) {
			p->kind = NLA_KIND_IPV4;
		} else if (hint && !strcmp(hint, "ipv6")) {
			p->kind = NLA_KIND_IPV6;
		} else if (hint && !strcmp(hint, "ipv4-or-v6")) {
			p->kind = member ? NLA_KIND_BINARY : NLA_KIND_ADDR;
		} else if (hint && !strcmp(hint, "uuid")) {
			p->kind = NLA_KIND_CB;
			p->cb = spec_cb_uuid;
			p->shape = &shape_uuid;
			if (member && !p->len)
				p->len = 16;
		}
		if (member && p->kind == NLA_KIND_BINARY && !ln) {
			spec_fail(b->err, n, "binary member '%s' without a len", p->name);
			return false;
		}
		return true;
	}
	spec_fail(b->err, spec_akey(n, base, "type"), "unknown type '%s'", type);
	return false;
}

bool spec_build_struct(struct sb *b, struct sdef *d, int depth)
{
	if (d->state == 2)
		return true;
	if (d->state == 1 || depth > SPEC_DEPTH_MAX) {
		spec_fail(b->err, d->n, "struct '%s' contains itself", d->name);
		return false;
	}
	d->state = 1;
	const struct snode *m = sb_seq(b, d->n, "members");
	unsigned nm = m ? m->n : 0;
	struct nl_attr_pol *f = sb_alloc(b, (nm ? nm : 1) * sizeof(*f), d->n);
	d->st = sb_alloc(b, sizeof(*d->st), d->n);
	if (!f || !d->st)
		return false;
	size_t size = 0;
	for (unsigned i = 0; i < nm; i++) {
		const struct snode *mn = m->k[i];
		const char *type = sn_str(mn, "type");
		f[i].name = sn_str(mn, "name");
		if (!f[i].name || !type) {
			spec_fail(b->err, mn, "struct member without a name or type");
			return false;
		}
		if (!spec_fill_scalar(b, &f[i], type, mn, NULL, true, depth))
			return false;
		if (f[i].kind == NLA_KIND_UINT || f[i].kind == NLA_KIND_SINT) {
			spec_fail(b->err, mn, "struct member '%s' of variable width", f[i].name);
			return false;
		}
		size += spec_kind_width(&f[i]);
	}
	if (size > 65535) {
		spec_fail(b->err, d->n, "struct '%s' larger than 65535 bytes", d->name);
		return false;
	}
	*d->st = (struct nl_struct){ d->name, f, nm, (unsigned)size, 0 };
	d->state = 2;
	return true;
}

bool spec_build_defs(struct sb *b, const struct snode *root)
{
	const struct snode *defs = sb_seq(b, root, "definitions");
	unsigned n = defs ? defs->n : 0;

	b->defs = sb_alloc(b, (n ? n : 1) * sizeof(*b->defs), root);
	b->fam->enums = sb_alloc(b, (n ? n : 1) * sizeof(*b->fam->enums), root);
	b->fam->const_names = sb_alloc(b, (n ? n : 1) * sizeof(char *), root);
	b->fam->const_vals = sb_alloc(b, (n ? n : 1) * sizeof(int64_t), root);
	if (!b->defs || !b->fam->enums || !b->fam->const_names || !b->fam->const_vals)
		return false;
	for (unsigned i = 0; i < n; i++) {
		struct sdef *d = &b->defs[i];
		d->n = defs->k[i];
		d->name = sn_str(d->n, "name");
		d->type = sn_str(d->n, "type");
		if (!d->name || !d->type) {
			spec_fail(b->err, d->n, "definition without a name or type");
			return false;
		}
	}
	b->ndefs = n;
	/* by name, and by name-prefix + name (a check's "wg-key-len") */
	b->defix = sb_alloc(b, (2 * n + 1) * sizeof(*b->defix), root);
	if (!b->defix)
		return false;
	for (unsigned i = 0; i < n; i++) {
		const char *pre = sn_str(b->defs[i].n, "name-prefix");
		b->defix[b->ndefix++] = (struct nidx){ b->defs[i].name, i };
		if (pre) {
			size_t l = strlen(pre) + strlen(b->defs[i].name) + 1;
			char *full = sb_alloc(b, l, root);
			if (!full)
				return false;
			snprintf(full, l, "%s%s", pre, b->defs[i].name);
			b->defix[b->ndefix++] = (struct nidx){ full, i };
		}
	}
	spec_nidx_sort(b->defix, b->ndefix);
	for (unsigned i = 0; i < n; i++) {
		struct sdef *d = &b->defs[i];
		if (!strcmp(d->type, "enum") || !strcmp(d->type, "flags")) {
			if (!build_enum(b, d))
				return false;
		} else if (!strcmp(d->type, "struct")) {
			if (!spec_build_struct(b, d, 0))
				return false;
		} else if (!strcmp(d->type, "const")) {
			int64_t v;
			if (sn_int(sn_get(d->n, "value"), &v)) {
				b->fam->const_names[b->fam->nconsts] = d->name;
				b->fam->const_vals[b->fam->nconsts++] = v;
			}
		} else {
			spec_fail(b->err, sn_get(d->n, "type"), "unknown definition type '%s'",
				  d->type);
			return false;
		}
	}
	return true;
}

