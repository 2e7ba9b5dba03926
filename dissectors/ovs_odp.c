/* ovs_odp.c - ODP flow text, the keys: OVS_KEY_ATTR_* (with masks) in the
 * syntax that ovs-dpctl dump-flows prints.  The actions are in
 * ovs_odp_act.c.
 *
 * The keys are not described here: the formatter walks the key policy
 * (ovs_key_set, its structs' member lists) of ovs_common.c and the ODP
 * data beside it (ovs_key_odp, ovs_tunnel_odp): the ODP name of a key or
 * member, its style, its mask rule.  Nested attributes are looked up by
 * the name their policy gives them (odp_gather/odp_get).
 *
 * Output format facts (ovs-dpctl 3.1, non-verbose): an attribute whose mask
 * is all zero is left out (eth() stays, empty), a field whose mask is zero
 * is left out, a field with a partial mask prints value/mask, flags print
 * as +name-name when partially masked.  Reads go through struct nlc.
 */
#include <assert.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "ovs_odp.h"

/* ---- nested attributes by name ---- */

void odp_gather(struct odp_attrs *g, const struct nl_attr_set *set, const struct nlc *c)
{
	struct nlc it = *c, pl;
	uint16_t t;

	g->set = set;
	g->have = 0;
	it.err = NLC_OK;
	while (nla_next(&it, &t, &pl)) {
		if (t > set->max || t >= ODP_SLOTS || (g->have & (1u << t)))
			continue;
		pl.order = c->order;	/* as nla_find: the set's byte order */
		g->v[t] = pl;
		g->have |= 1u << t;
	}
}

bool odp_get(const struct odp_attrs *g, const char *name, struct nlc *out)
{
	unsigned n = g->set->max < ODP_SLOTS ? g->set->max + 1 : ODP_SLOTS;

	for (unsigned t = 0; t < n; t++) {
		const char *an = g->set->attrs[t].name;
		if (!an || strcmp(an, name))
			continue;
		if (!(g->have & (1u << t)))
			return false;
		*out = g->v[t];
		return nlc_capleft(out) == nlc_left(out);
	}
	assert(!"odp_get: a name the set does not declare");
	return false;
}

bool odp_get_u32(const struct odp_attrs *g, const char *name, uint32_t *v)
{
	struct nlc a;

	if (!odp_get(g, name, &a) || nlc_left(&a) != 4)
		return false;
	*v = nlc_u32(&a);
	return nlc_ok(&a);
}

bool odp_get_str(const struct odp_attrs *g, const char *name, const uint8_t **p, size_t *n)
{
	struct nlc a;

	return odp_get(g, name, &a) && nlc_cstr(&a, p, n);
}

/* ---- little helpers ---- */

const uint8_t odp_exact[ODP_EXACT_MAX] = {
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
};

size_t odp_take(const struct nlc *c, uint8_t *buf, size_t max)
{
	struct nlc t = *c;
	size_t n = nlc_capleft(&t);

	if (n > max)
		n = max;
	const uint8_t *p = nlc_bytes(&t, n);
	if (!p)
		return 0;
	memcpy(buf, p, n);
	return n;
}

bool odp_all_eq(const uint8_t *p, size_t n, uint8_t v)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != v)
			return false;
	return true;
}

uint64_t odp_be(const uint8_t *p, size_t n)
{
	uint64_t v = 0;
	for (size_t i = 0; i < n; i++)
		v = v << 8 | p[i];
	return v;
}

uint64_t odp_le(const uint8_t *p, size_t n)
{
	uint64_t v = 0;
	for (size_t i = n; i > 0; i--)
		v = v << 8 | p[i - 1];
	return v;
}

void odp_hexnum(struct sbuf *b, const uint8_t *p, size_t n)
{
	size_t i = 0;

	while (i < n && !p[i])
		i++;
	if (i == n) {
		sbuf_putc(b, '0');
		return;
	}
	sbuf_printf(b, "0x%x", p[i]);
	for (i++; i < n; i++)
		sbuf_printf(b, "%02x", p[i]);
}

void odp_spaced_hex(struct sbuf *b, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sbuf_printf(b, "%s%02x", i ? " " : "", p[i]);
}

void odp_sep(struct sbuf *b, bool *first)
{
	if (!*first)
		sbuf_putc(b, ',');
	*first = false;
}

/* ---- members, read by their policy ---- */

/* the width of a struct member or fixed-size attribute (policy.h's rule);
 * 0 when the policy does not fix one */
static unsigned pol_width(const struct nl_attr_pol *f)
{
	switch (f->kind) {
	case NLA_KIND_U8: case NLA_KIND_S8: return 1;
	case NLA_KIND_U16: case NLA_KIND_S16: case NLA_KIND_BE16: return 2;
	case NLA_KIND_U32: case NLA_KIND_S32: case NLA_KIND_BE32: return 4;
	case NLA_KIND_U64: case NLA_KIND_S64: case NLA_KIND_BE64: return 8;
	case NLA_KIND_IPV4: return 4;
	case NLA_KIND_IPV6: return 16;
	case NLA_KIND_MAC: return f->len ? f->len : 6;
	case NLA_KIND_STRUCT: return f->st->size;
	case NLA_KIND_CB: return f->st ? f->st->size : 0;
	default: return f->len;
	}
}

/* an integer member: network order for the BE kinds and bytes, else the
 * capture's host order */
static uint64_t pol_uint(const struct nl_attr_pol *f, const uint8_t *p, unsigned w)
{
	bool be = f->kind == NLA_KIND_BE16 || f->kind == NLA_KIND_BE32 ||
		  f->kind == NLA_KIND_BE64 || w == 1;
	return be ? odp_be(p, w) : odp_le(p, w);
}

static void put_member(struct sbuf *b, const struct nl_attr_pol *f,
		       const struct ovs_odp_member *om, const uint8_t *p, unsigned w,
		       bool is_mask)
{
	switch (f->kind) {
	case NLA_KIND_IPV4: sbuf_ipv4(b, p); return;
	case NLA_KIND_IPV6: sbuf_ipv6(b, p); return;
	case NLA_KIND_MAC: sbuf_lladdr(b, p, w); return;
	default: break;
	}
	uint64_t v = pol_uint(f, p, w);
	const char *name = f->enums && !is_mask ? nl_name(f->enums, v) : NULL;
	if (name)
		sbuf_puts(b, name);
	else if (om->style == ODPM_DEC && !is_mask)
		sbuf_printf(b, "%" PRIu64, v);
	else if (om->style == ODPM_HEX0 && !is_mask)
		sbuf_printf(b, "0x%" PRIx64, v);
	else if (is_mask || f->enums || (f->flags & NLAF_HEX))
		sbuf_printf(b, "%#" PRIx64, v);
	else
		sbuf_printf(b, "%" PRIu64, v);
}

/* name=value[/mask] of one member (its mask not zero) */
static void put_member_masked(struct sbuf *b, const struct nl_attr_pol *f,
			      const struct ovs_odp_member *om, const uint8_t *v,
			      const uint8_t *m, unsigned w)
{
	if (om->style == ODPM_SPI_SI) {	/* exact only (nsh) */
		uint64_t ph = pol_uint(f, v, w);
		sbuf_printf(b, "spi=%#" PRIx64 ",si=%" PRIu64, ph >> 8, ph & 0xff);
		return;
	}
	sbuf_printf(b, "%s=", om->name ? om->name : f->name);
	/* a partly masked enum has no name: both numbers */
	if (f->enums && !odp_all_eq(m, w, 0xff)) {
		sbuf_printf(b, "%#" PRIx64 "/%#" PRIx64, pol_uint(f, v, w), pol_uint(f, m, w));
		return;
	}
	put_member(b, f, om, v, w, false);
	bool exact;
	if (om->bits) {		/* only the low bits count (the 20-bit flow label) */
		uint64_t low = ((uint64_t)1 << om->bits) - 1;
		exact = (pol_uint(f, m, w) & low) == low;
	} else {
		exact = odp_all_eq(m, w, 0xff);
	}
	if (!exact) {
		sbuf_putc(b, '/');
		put_member(b, f, om, m, w, true);
	}
}

/* member=value,... of a key struct, walked from its policy */
static void fmt_members(struct sbuf *b, const struct ovs_odp_key *ok, const struct nl_struct *st,
			const uint8_t *v, const uint8_t *m, bool *first)
{
	unsigned off[32], at = 0;

	for (unsigned i = 0; i < st->nfields && i < ARRAY_SIZE(off); i++) {
		off[i] = at;
		at += pol_width(&st->fields[i]);
	}
	unsigned n = ok->members ? ok->nmembers : st->nfields;
	for (unsigned j = 0; j < n && j < ARRAY_SIZE(off); j++) {
		struct ovs_odp_member own = { .idx = (uint8_t)j };
		const struct ovs_odp_member *om = ok->members ? &ok->members[j] : &own;
		if (om->idx >= st->nfields || om->idx >= ARRAY_SIZE(off))
			continue;
		const struct nl_attr_pol *f = &st->fields[om->idx];
		unsigned w = pol_width(f);
		if (!f->name || f->kind == NLA_KIND_PAD || off[om->idx] + w > st->size)
			continue;
		if (odp_all_eq(m + off[om->idx], w, 0))
			continue;
		odp_sep(b, first);
		put_member_masked(b, f, om, v + off[om->idx], m + off[om->idx], w);
	}
}

/* name(member=value,...) */
void odp_struct(struct sbuf *b, const struct ovs_odp_key *ok, const struct nl_struct *st,
		const uint8_t *v, const uint8_t *m)
{
	bool first = true;

	sbuf_printf(b, "%s(", ok->name);
	fmt_members(b, ok, st, v, m, &first);
	sbuf_putc(b, ')');
}

/* ---- flags ---- */

static void put_flag_name(struct sbuf *b, const struct nl_names *names, unsigned bit)
{
	const char *nm = nl_name(names, bit);

	if (nm)
		sbuf_puts(b, nm);
	else
		sbuf_printf(b, "[%x]", 1u << bit);
}

/* flags joined by '|', or "0" */
static void put_flags(struct sbuf *b, const struct nl_names *names, uint32_t v)
{
	bool first = true;

	if (!v) {
		sbuf_putc(b, '0');
		return;
	}
	for (unsigned i = 0; i < 32; i++) {
		if (!(v & (1u << i)))
			continue;
		if (!first)
			sbuf_putc(b, '|');
		first = false;
		put_flag_name(b, names, i);
	}
}

static void put_flags_masked(struct sbuf *b, const struct nl_names *names,
			     uint32_t v, uint32_t m, uint32_t max)
{
	if (m == max) {
		put_flags(b, names, v);
		return;
	}
	if (!m) {
		sbuf_puts(b, "0/0");
		return;
	}
	for (unsigned i = 0; i < 32; i++) {
		if (!(m & (1u << i)))
			continue;
		sbuf_putc(b, (v & (1u << i)) ? '+' : '-');
		put_flag_name(b, names, i);
	}
}

/* ---- tunnel ---- */

static void fmt_geneve(struct sbuf *b, const uint8_t *v, size_t n)
{
	size_t i = 0;

	sbuf_puts(b, "geneve(");
	while (i + 4 <= n) {
		unsigned len = (v[i + 3] & 0x1f) * 4u;
		sbuf_printf(b, "{class=%#x,type=%#x,len=%u", (unsigned)odp_be(v + i, 2),
			    v[i + 2], len);
		if (len && i + 4 + len <= n) {
			sbuf_putc(b, ',');
			odp_hexnum(b, v + i + 4, len);
		}
		sbuf_putc(b, '}');
		i += 4 + len;
	}
	sbuf_putc(b, ')');
}

static void fmt_vxlan(struct sbuf *b, const struct nl_attr_pol *tp, const struct nlc *pl)
{
	struct odp_attrs g;
	uint32_t gbp;

	odp_gather(&g, tp->nest, pl);
	if (odp_get_u32(&g, "gbp", &gbp))
		sbuf_printf(b, "vxlan(gbp(id=%u,flags=%#x))", gbp & 0xffff, (gbp >> 16) & 0xff);
	else
		sbuf_puts(b, "vxlan()");
}

static void fmt_erspan(struct sbuf *b, const uint8_t *v, size_t n)
{
	if (n == 12 && odp_le(v, 4) == 1)
		sbuf_printf(b, "erspan(ver=1,idx=%#x)", (unsigned)odp_be(v + 4, 4));
	else if (n == 12)
		sbuf_printf(b, "erspan(ver=2,dir=%u,hwid=%#x)", (v[11] >> 3) & 1u,
			    ((v[10] & 3u) << 4) | (v[11] >> 4));
	else
		sbuf_puts(b, "erspan()");
}

static void fmt_tunnel(struct sbuf *b, const struct nl_attr_set *set, const struct nlc *key,
		       const struct nlc *mask)
{
	static const struct ovs_odp_member none;
	struct nlc it = *key, pl, mp;
	struct odp_attrs mg;
	uint16_t t;
	bool first = true;
	uint32_t kf = 0, mf = 0;

	if (mask) {
		odp_gather(&mg, set, mask);
		for (unsigned i = 0; i < ovs_tunnel_odp_count && i < ODP_SLOTS; i++)
			if (mg.have & (1u << i))
				mf |= ovs_tunnel_odp[i].flag;
	}
	sbuf_puts(b, "tunnel(");
	while (nla_next(&it, &t, &pl)) {
		const struct nl_attr_pol *tp = t <= set->max ? &set->attrs[t] : NULL;
		const struct ovs_odp_member *om = t < ovs_tunnel_odp_count ? &ovs_tunnel_odp[t] : &none;
		uint8_t v[256], m[256];
		size_t n = odp_take(&pl, v, sizeof(v));
		memset(m, 0xff, sizeof(m));
		if (mask) {
			memset(m, 0, sizeof(m));
			if (t < ODP_SLOTS && (mg.have & (1u << t))) {
				mp = mg.v[t];
				if (nlc_capleft(&mp) == nlc_left(&mp))
					odp_take(&mp, m, n);
			}
		}
		if (om->name && tp) {
			if (odp_all_eq(m, n, 0))
				continue;
			odp_sep(b, &first);
			if (n == pol_width(tp)) {
				put_member_masked(b, tp, om, v, m, (unsigned)n);
			} else {
				sbuf_printf(b, "tunkey%u(", t);
				odp_spaced_hex(b, v, n);
				sbuf_putc(b, ')');
			}
			kf |= om->flag;
			continue;
		}
		switch (om->style) {
		case ODPM_FLAG:
			kf |= om->flag;
			break;
		case ODPM_GENEVE:
			odp_sep(b, &first);
			fmt_geneve(b, v, n);
			break;
		case ODPM_VXLAN:
			odp_sep(b, &first);
			fmt_vxlan(b, tp, &pl);
			break;
		case ODPM_ERSPAN:
			odp_sep(b, &first);
			fmt_erspan(b, v, n);
			break;
		default:
			break;
		}
	}
	if (!mask) {
		odp_sep(b, &first);
		sbuf_puts(b, "flags(");
		put_flags(b, &ovs_tunnel_flag_names, kf);
		sbuf_putc(b, ')');
	} else if (mf) {
		odp_sep(b, &first);
		sbuf_puts(b, "flags(");
		put_flags_masked(b, &ovs_tunnel_flag_names, kf & mf, mf,
				 (1u << ovs_tunnel_flag_names.n) - 1);
		sbuf_putc(b, ')');
	}
	sbuf_putc(b, ')');
}

/* ---- the other keys with a shape of their own ---- */

static void put_scalar(struct sbuf *b, const char *name, uint64_t v, uint64_t m,
		       uint64_t full, bool dec)
{
	sbuf_printf(b, dec ? "%s(%" PRIu64 : "%s(%#" PRIx64, name, v);
	if (m != full)
		sbuf_printf(b, "/%#" PRIx64, m);
	sbuf_putc(b, ')');
}

void odp_vlan(struct sbuf *b, uint16_t tci, uint16_t mask)
{
	bool first = true;

	if ((tci & 0xfff) || (mask & 0xfff)) {
		odp_sep(b, &first);
		sbuf_printf(b, "vid=%u", tci & 0xfff);
		if ((mask & 0xfff) != 0xfff)
			sbuf_printf(b, "/0x%x", mask & 0xfff);
	}
	if ((tci >> 13) || (mask >> 13)) {
		odp_sep(b, &first);
		sbuf_printf(b, "pcp=%u", tci >> 13);
		if ((mask >> 13) != 7)
			sbuf_printf(b, "/0x%x", mask >> 13);
	}
	if (!(tci & 0x1000)) {
		odp_sep(b, &first);
		sbuf_puts(b, "cfi=0");
	}
}

static void fmt_mpls(struct sbuf *b, const uint8_t *v, const uint8_t *m, size_t n)
{
	if (n == 4) {
		uint32_t l = (uint32_t)odp_be(v, 4), k = (uint32_t)odp_be(m, 4);
		if (k == 0xffffffff)
			sbuf_printf(b, "mpls(label=%u,tc=%u,ttl=%u,bos=%u)", l >> 12,
				    (l >> 9) & 7, l & 0xff, (l >> 8) & 1);
		else
			sbuf_printf(b, "mpls(label=%u/%#x,tc=%u/%#x,ttl=%u/%#x,bos=%u/%#x)",
				    l >> 12, k >> 12, (l >> 9) & 7, (k >> 9) & 7,
				    l & 0xff, k & 0xff, (l >> 8) & 1, (k >> 8) & 1);
		return;
	}
	sbuf_puts(b, "mpls(");
	for (size_t i = 0; i + 4 <= n; i += 4)
		sbuf_printf(b, "%slse%zu=%#x/%#x", i ? "," : "", i / 4,
			    (unsigned)odp_be(v + i, 4), (unsigned)odp_be(m + i, 4));
	sbuf_putc(b, ')');
}

/* nsh(...) of an OVS_NSH_KEY_ATTR_* set (the key, and push_nsh): its
 * structs exact, in ovs_nsh_odp's order */
void odp_nsh_set(struct sbuf *b, const struct nl_attr_set *set, const struct nlc *pl)
{
	struct odp_attrs g;
	struct nlc a;
	uint8_t v[32];
	bool first = true;

	odp_gather(&g, set, pl);
	sbuf_puts(b, "nsh(");
	for (unsigned t = 0; t < ovs_nsh_odp_count && t <= set->max; t++) {
		const struct ovs_odp_key *ok = &ovs_nsh_odp[t];
		const struct nl_struct *st = set->attrs[t].st;
		if (ok->style != ODP_STRUCT || !st || st->size > sizeof(v) || st->size > sizeof(odp_exact))
			continue;
		if (odp_get(&g, set->attrs[t].name, &a) && odp_take(&a, v, st->size) == st->size)
			fmt_members(b, ok, st, v, odp_exact, &first);
	}
	sbuf_putc(b, ')');
}

/* ---- one key attribute ---- */

bool odp_key_attr(struct nlstate *st, struct sbuf *b, uint16_t t, const struct nlc *vc,
		  const struct nlc *mc, int depth)
{
	static const struct ovs_odp_key raw;
	const struct nl_attr_pol *pol = t <= ovs_key_set.max ? &ovs_key_set.attrs[t] : NULL;
	const struct ovs_odp_key *ok = pol && t < ovs_key_odp_count ? &ovs_key_odp[t] : &raw;
	uint8_t v[256], m[256];
	size_t n = odp_take(vc, v, sizeof(v));

	if (nlc_left(vc) > sizeof(v))
		n = 0;
	memset(m, mc ? 0 : 0xff, sizeof(m));
	if (mc)
		odp_take(mc, m, n);
	bool mzero = odp_all_eq(m, n, 0);
	uint64_t full = n >= 8 ? UINT64_MAX : ((uint64_t)1 << (8 * n)) - 1;
	unsigned w = pol ? pol_width(pol) : 0;

	switch (ok->style) {
	case ODP_ENCAP: {
		bool first = true;
		struct nlc empty = *vc;
		empty.end = empty.pos;
		if (depth >= ODP_MAXDEPTH) {
			sbuf_printf(b, "%s(...)", ok->name);
			return true;
		}
		sbuf_printf(b, "%s(", ok->name);
		odp_keys(st, b, vc, mc ? (nlc_left(mc) ? mc : &empty) : NULL, &first, depth + 1);
		sbuf_putc(b, ')');
		return true;
	}
	case ODP_TUNNEL:		/* left out when the mask has none */
		if (mc && !nlc_left(mc))
			return false;
		fmt_tunnel(b, pol->nest, vc, mc);
		return true;
	case ODP_NSH:
		odp_nsh_set(b, pol->nest, vc);
		return true;
	case ODP_STRUCT:
		if (n != pol->st->size)
			break;
		if (mzero) {
			if (ok->keep_empty) {
				sbuf_printf(b, "%s()", ok->name);
				return true;
			}
			return false;
		}
		odp_struct(b, ok, pol->st, v, m);
		return true;
	case ODP_DEC:
	case ODP_HEX:
		if (n != w)
			break;
		if (mzero)
			return false;
		put_scalar(b, ok->name, pol_uint(pol, v, w), pol_uint(pol, m, w), full,
			   ok->style == ODP_DEC);
		return true;
	case ODP_ETHTYPE:
		if (n != w)
			break;
		if (mzero)
			return false;
		sbuf_printf(b, "%s(0x%04x", ok->name, (unsigned)pol_uint(pol, v, w));
		if (!odp_all_eq(m, w, 0xff))
			sbuf_printf(b, "/0x%04x", (unsigned)pol_uint(pol, m, w));
		sbuf_putc(b, ')');
		return true;
	case ODP_VLAN:			/* a __be16 TCI */
		if (n != 2)
			break;
		if (mzero)
			return false;
		sbuf_printf(b, "%s(", ok->name);
		odp_vlan(b, (uint16_t)odp_be(v, 2), (uint16_t)odp_be(m, 2));
		sbuf_putc(b, ')');
		return true;
	case ODP_FLAGS: {
		if (n != w)
			break;
		if (mzero)
			return false;
		uint32_t bits = ok->bits ? ok->bits : (uint32_t)full;
		sbuf_printf(b, "%s(", ok->name);
		put_flags_masked(b, pol->bits, (uint32_t)pol_uint(pol, v, w) & bits,
				 (uint32_t)pol_uint(pol, m, w) & bits, bits);
		sbuf_putc(b, ')');
		return true;
	}
	case ODP_BYTES_LE: {
		uint8_t bv[32], bm[32];
		if (!n || n != w || n > sizeof(bv))
			break;
		if (mzero)
			return false;
		for (size_t i = 0; i < n; i++) {
			bv[i] = v[n - 1 - i];
			bm[i] = m[n - 1 - i];
		}
		sbuf_printf(b, "%s(", ok->name);
		odp_hexnum(b, bv, n);
		if (!odp_all_eq(m, n, 0xff)) {
			sbuf_putc(b, '/');
			odp_hexnum(b, bm, n);
		}
		sbuf_putc(b, ')');
		return true;
	}
	case ODP_MPLS:			/* an array of __be32 label stack entries */
		if (!n || n % 4)
			break;
		if (mzero)
			return false;
		fmt_mpls(b, v, m, n);
		return true;
	case ODP_PACKET_TYPE:		/* __be16 namespace, __be16 id */
		if (n != w)
			break;
		if (mzero)
			return false;
		sbuf_printf(b, "%s(ns=%u,id=%#x)", ok->name, (unsigned)odp_be(v, 2),
			    (unsigned)odp_be(v + 2, 2));
		return true;
	default:
		break;
	}
	/* what ovs-dpctl 3.1 prints for a type it does not know (32,
	 * ipv6_exthdrs, included) or a shape it does not expect */
	sbuf_printf(b, "key%u(", t);
	odp_spaced_hex(b, v, n);
	if (mc) {
		sbuf_putc(b, '/');
		odp_spaced_hex(b, m, n);
	}
	sbuf_putc(b, ')');
	return true;
}

void odp_keys(struct nlstate *st, struct sbuf *b, const struct nlc *keys,
	      const struct nlc *mask, bool *first, int depth)
{
	struct nlc it = *keys, pl, mp;
	uint16_t t;

	while (nla_next(&it, &t, &pl)) {
		const struct nlc *mc = NULL;
		struct nlc empty = pl;
		empty.end = empty.pos;
		/* the mask of the key the walk is at */
		if (mask)
			mc = nla_find(st, mask, t, &mp) ? &mp : &empty;
		size_t mark = b->len;
		if (!*first)
			sbuf_putc(b, ',');
		if (odp_key_attr(st, b, t, &pl, mc, depth)) {
			*first = false;
		} else {
			b->len = mark;
			if (b->p)
				b->p[mark] = 0;
		}
	}
}

void ovs_odp_keys(struct nlstate *st,
		  struct sbuf *b, const struct nlc *keys, const struct nlc *mask)
{
	bool first = true;

	odp_keys(st, b, keys, mask, &first, 0);
}
