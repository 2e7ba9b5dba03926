/* ovs_odp.c - ODP flow text: keys (with masks) and actions in the syntax
 * that ovs-dpctl dump-flows prints, and a one-line summary of the Ethernet
 * frame an upcall or execute carries.
 *
 * Output format facts (ovs-dpctl 3.1, non-verbose): an attribute whose mask
 * is all zero is left out (eth() stays, empty), a field whose mask is zero
 * is left out, a field with a partial mask prints value/mask, flags print
 * as +name-name when partially masked.  Reads go through struct nlc.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "ovs_common.h"

#define MAXDEPTH 10
#define NLA_TYPE_MASK 0x3fff

/* ---- little helpers ---- */

/* Copy a cursor's bytes into buf (at most max); returns the count. */
static size_t take(const struct nlc *c, uint8_t *buf, size_t max)
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

static bool all_eq(const uint8_t *p, size_t n, uint8_t v)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != v)
			return false;
	return true;
}

static uint64_t be_n(const uint8_t *p, size_t n)
{
	uint64_t v = 0;
	for (size_t i = 0; i < n; i++)
		v = v << 8 | p[i];
	return v;
}

static uint64_t le_n(const uint8_t *p, size_t n)
{
	uint64_t v = 0;
	for (size_t i = n; i > 0; i--)
		v = v << 8 | p[i - 1];
	return v;
}


/* A big-endian byte string as one hex number: "0" or "0x1f..." */
static void put_hexnum(struct sbuf *b, const uint8_t *p, size_t n)
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

static void put_spaced_hex(struct sbuf *b, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sbuf_printf(b, "%s%02x", i ? " " : "", p[i]);
}

static void sep(struct sbuf *b, bool *first)
{
	if (!*first)
		sbuf_putc(b, ',');
	*first = false;
}

/* ---- struct keys described by field tables ---- */

enum ff { F_DEC, F_HEX, F_IP4, F_IP6, F_MAC, F_FRAG, F_LABEL };

struct ofield {
	const char *name;
	uint8_t off, w, fmt;
};

struct okey {
	const char *name;
	uint8_t size;
	uint8_t n;
	const struct ofield *f;
};

#define OK_(nm, sz, tbl) { nm, sz, ARRAY_SIZE(tbl), tbl }

static const struct ofield of_eth[] = {
	{ "src", 0, 6, F_MAC }, { "dst", 6, 6, F_MAC },
};
static const struct ofield of_ipv4[] = {
	{ "src", 0, 4, F_IP4 }, { "dst", 4, 4, F_IP4 }, { "proto", 8, 1, F_DEC },
	{ "tos", 9, 1, F_HEX }, { "ttl", 10, 1, F_DEC }, { "frag", 11, 1, F_FRAG },
};
static const struct ofield of_ipv6[] = {
	{ "src", 0, 16, F_IP6 }, { "dst", 16, 16, F_IP6 }, { "label", 32, 4, F_LABEL },
	{ "proto", 36, 1, F_DEC }, { "tclass", 37, 1, F_HEX }, { "hlimit", 38, 1, F_DEC },
	{ "frag", 39, 1, F_FRAG },
};
static const struct ofield of_ports[] = {
	{ "src", 0, 2, F_DEC }, { "dst", 2, 2, F_DEC },
};
static const struct ofield of_icmp[] = {
	{ "type", 0, 1, F_DEC }, { "code", 1, 1, F_DEC },
};
static const struct ofield of_arp[] = {
	{ "sip", 0, 4, F_IP4 }, { "tip", 4, 4, F_IP4 }, { "op", 8, 2, F_DEC },
	{ "sha", 10, 6, F_MAC }, { "tha", 16, 6, F_MAC },
};
static const struct ofield of_nd[] = {
	{ "target", 0, 16, F_IP6 }, { "sll", 16, 6, F_MAC }, { "tll", 22, 6, F_MAC },
};
static const struct ofield of_nd_ext[] = {
	{ "nd_reserved", 0, 4, F_HEX }, { "nd_options_type", 4, 1, F_DEC },
};
static const struct ofield of_ct4[] = {
	{ "src", 0, 4, F_IP4 }, { "dst", 4, 4, F_IP4 }, { "proto", 12, 1, F_DEC },
	{ "tp_src", 8, 2, F_DEC }, { "tp_dst", 10, 2, F_DEC },
};
static const struct ofield of_ct6[] = {
	{ "src", 0, 16, F_IP6 }, { "dst", 16, 16, F_IP6 }, { "proto", 36, 1, F_DEC },
	{ "tp_src", 32, 2, F_DEC }, { "tp_dst", 34, 2, F_DEC },
};

/* indexed by OVS_KEY_ATTR_* */
static const struct okey okeys[] = {
	[4] = OK_("eth", 12, of_eth),
	[7] = OK_("ipv4", 12, of_ipv4),
	[8] = OK_("ipv6", 40, of_ipv6),
	[9] = OK_("tcp", 4, of_ports),
	[10] = OK_("udp", 4, of_ports),
	[11] = OK_("icmp", 2, of_icmp),
	[12] = OK_("icmpv6", 2, of_icmp),
	[13] = OK_("arp", 24, of_arp),
	[14] = OK_("nd", 28, of_nd),
	[17] = OK_("sctp", 4, of_ports),
	[26] = OK_("ct_tuple4", 16, of_ct4),
	[27] = OK_("ct_tuple6", 40, of_ct6),
	[30] = OK_("nd_ext", 8, of_nd_ext),
};

static const char *const frag_txt[] = { "no", "first", "later" };

static void put_fval(struct sbuf *b, const struct ofield *f, const uint8_t *p, bool is_mask)
{
	switch (f->fmt) {
	case F_IP4: sbuf_ipv4(b, p); return;
	case F_IP6: sbuf_ipv6(b, p); return;
	case F_MAC: sbuf_lladdr(b, p, 6); return;
	case F_FRAG:
		if (!is_mask && p[0] < 3) {
			sbuf_puts(b, frag_txt[p[0]]);
			return;
		}
		sbuf_printf(b, "%#x", p[0]);
		return;
	case F_HEX:
	case F_LABEL:
		sbuf_printf(b, "%#" PRIx64, be_n(p, f->w));
		return;
	default:
		if (is_mask)
			sbuf_printf(b, "%#" PRIx64, be_n(p, f->w));
		else
			sbuf_printf(b, "%" PRIu64, be_n(p, f->w));
		return;
	}
}

static void fmt_struct(struct sbuf *b, const struct okey *k, const uint8_t *v, const uint8_t *m)
{
	bool first = true;

	sbuf_printf(b, "%s(", k->name);
	for (unsigned i = 0; i < k->n; i++) {
		const struct ofield *f = &k->f[i];
		if (all_eq(m + f->off, f->w, 0))
			continue;
		sep(b, &first);
		sbuf_printf(b, "%s=", f->name);
		if (f->fmt == F_FRAG && !all_eq(m + f->off, 1, 0xff)) {
			sbuf_printf(b, "%#x/%#x", v[f->off], m[f->off]);
			continue;
		}
		put_fval(b, f, v + f->off, false);
		/* the flow label is 20 bits: 0xfffff is its exact mask */
		bool exact = f->fmt == F_LABEL ?
			(be_n(m + f->off, 4) & 0xfffff) == 0xfffff :
			all_eq(m + f->off, f->w, 0xff);
		if (!exact) {
			sbuf_putc(b, '/');
			put_fval(b, f, m + f->off, true);
		}
	}
	sbuf_putc(b, ')');
}

/* ---- flags ---- */

static const char *const ct_state_txt[] = {
	"new", "est", "rel", "rpl", "inv", "trk", "snat", "dnat",
};
static const char *const tcp_flag_txt[] = {
	"fin", "syn", "rst", "psh", "ack", "urg", "ece", "cwr", "ns",
};
static const char *const tun_flag_txt[] = { "df", "csum", "key", "oam" };

static void put_flag_name(struct sbuf *b, const char *const *names, unsigned nn, unsigned bit)
{
	if (bit < nn)
		sbuf_puts(b, names[bit]);
	else
		sbuf_printf(b, "[%x]", 1u << bit);
}

/* flags joined by '|', or "0" */
static void put_flags(struct sbuf *b, const char *const *names, unsigned nn, uint32_t v)
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
		put_flag_name(b, names, nn, i);
	}
}

static void put_flags_masked(struct sbuf *b, const char *const *names, unsigned nn,
			     uint32_t v, uint32_t m, uint32_t max)
{
	if (m == max) {
		put_flags(b, names, nn, v);
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
		put_flag_name(b, names, nn, i);
	}
}

/* ---- tunnel ---- */

static void fmt_tunnel(struct nlstate *st,
		       struct sbuf *b, const struct nlc *key, const struct nlc *mask)
{
	struct nlc it = *key, pl, mp;
	uint16_t t;
	bool first = true;
	uint32_t kf = 0, mf = 0;

	if (mask) {
		struct nlc mi = *mask;
		while (nla_next(&mi, &t, &pl)) {
			if (t == 5) mf |= 1;
			if (t == 6) mf |= 2;
			if (t == 0) mf |= 4;
			if (t == 7) mf |= 8;
		}
	}
	sbuf_puts(b, "tunnel(");
	while (nla_next(&it, &t, &pl)) {
		uint8_t v[256], m[256];
		size_t n = take(&pl, v, sizeof(v));
		memset(m, 0xff, sizeof(m));
		if (mask) {
			memset(m, 0, sizeof(m));
			if (nla_find(st, mask, t, &mp))
				take(&mp, m, n);
		}
		bool mzero = all_eq(m, n, 0), mfull = all_eq(m, n, 0xff);
		switch (t) {
		case 0: case 1: case 2: case 3: case 4: case 9: case 10: case 12: case 13:
			if (mzero && t != 0)
				break;
			if (t == 0 && mzero)
				break;
			sep(b, &first);
			if (t == 0 && n == 8) {
				sbuf_printf(b, "tun_id=0x%" PRIx64, be_n(v, 8));
				if (!mfull)
					sbuf_printf(b, "/%#" PRIx64, be_n(m, 8));
			} else if ((t == 1 || t == 2) && n == 4) {
				sbuf_puts(b, t == 1 ? "src=" : "dst=");
				sbuf_ipv4(b, v);
				if (!mfull) {
					sbuf_putc(b, '/');
					sbuf_ipv4(b, m);
				}
			} else if ((t == 12 || t == 13) && n == 16) {
				sbuf_puts(b, t == 12 ? "ipv6_src=" : "ipv6_dst=");
				sbuf_ipv6(b, v);
				if (!mfull) {
					sbuf_putc(b, '/');
					sbuf_ipv6(b, m);
				}
			} else if ((t == 3 || t == 4) && n == 1) {
				sbuf_printf(b, t == 3 ? "tos=%#x" : "ttl=%u", v[0]);
				if (!mfull)
					sbuf_printf(b, "/%#x", m[0]);
			} else if ((t == 9 || t == 10) && n == 2) {
				sbuf_printf(b, "%s=%u", t == 9 ? "tp_src" : "tp_dst",
					    (unsigned)be_n(v, 2));
				if (!mfull)
					sbuf_printf(b, "/%#x", (unsigned)be_n(m, 2));
			} else {
				sbuf_printf(b, "tunkey%u(", t);
				put_spaced_hex(b, v, n);
				sbuf_putc(b, ')');
			}
			if (t == 0)
				kf |= 4;
			break;
		case 5: kf |= 1; break;
		case 6: kf |= 2; break;
		case 7: kf |= 8; break;
		case 8: {
			size_t i = 0;
			sep(b, &first);
			sbuf_puts(b, "geneve(");
			while (i + 4 <= n) {
				unsigned len = (v[i + 3] & 0x1f) * 4u;
				sbuf_printf(b, "{class=%#x,type=%#x,len=%u", (unsigned)be_n(v + i, 2),
					    v[i + 2], len);
				if (len && i + 4 + len <= n) {
					sbuf_putc(b, ',');
					put_hexnum(b, v + i + 4, len);
				}
				sbuf_putc(b, '}');
				i += 4 + len;
			}
			sbuf_putc(b, ')');
			break;
		}
		case 11: {
			struct nlc g;
			uint32_t gbp;
			sep(b, &first);
			if (nla_find(st, &pl, 1, &g) && nlc_left(&g) == 4) {
				gbp = nlc_u32(&g);
				sbuf_printf(b, "vxlan(gbp(id=%u,flags=%#x))", gbp & 0xffff,
					    (gbp >> 16) & 0xff);
			} else {
				sbuf_puts(b, "vxlan()");
			}
			break;
		}
		case 15:
			sep(b, &first);
			if (n == 12 && le_n(v, 4) == 1)
				sbuf_printf(b, "erspan(ver=1,idx=%#x)", (unsigned)be_n(v + 4, 4));
			else if (n == 12)
				sbuf_printf(b, "erspan(ver=2,dir=%u,hwid=%#x)", (v[11] >> 3) & 1u,
					    ((v[10] & 3u) << 4) | (v[11] >> 4));
			else
				sbuf_puts(b, "erspan()");
			break;
		default:
			break;
		}
	}
	if (!mask) {
		sep(b, &first);
		sbuf_puts(b, "flags(");
		put_flags(b, tun_flag_txt, 4, kf);
		sbuf_putc(b, ')');
	} else if (mf) {
		sep(b, &first);
		sbuf_puts(b, "flags(");
		put_flags_masked(b, tun_flag_txt, 4, kf & mf, mf, 0xf);
		sbuf_putc(b, ')');
	}
	sbuf_putc(b, ')');
}

/* ---- one key attribute ---- */

static void fmt_keys(struct nlstate *st,
		     struct sbuf *b, const struct nlc *keys, const struct nlc *mask,
		     bool *first, int depth);

static void put_scalar(struct sbuf *b, const char *name, uint64_t v, uint64_t m,
		       uint64_t full, bool dec)
{
	sbuf_printf(b, dec ? "%s(%" PRIu64 : "%s(%#" PRIx64, name, v);
	if (m != full)
		sbuf_printf(b, "/%#" PRIx64, m);
	sbuf_putc(b, ')');
}

static void fmt_vlan(struct sbuf *b, uint16_t tci, uint16_t mask)
{
	bool first = true;

	if ((tci & 0xfff) || (mask & 0xfff)) {
		sep(b, &first);
		sbuf_printf(b, "vid=%u", tci & 0xfff);
		if ((mask & 0xfff) != 0xfff)
			sbuf_printf(b, "/0x%x", mask & 0xfff);
	}
	if ((tci >> 13) || (mask >> 13)) {
		sep(b, &first);
		sbuf_printf(b, "pcp=%u", tci >> 13);
		if ((mask >> 13) != 7)
			sbuf_printf(b, "/0x%x", mask >> 13);
	}
	if (!(tci & 0x1000)) {
		sep(b, &first);
		sbuf_puts(b, "cfi=0");
	}
}

static void fmt_mpls(struct sbuf *b, const uint8_t *v, const uint8_t *m, size_t n)
{
	if (n == 4) {
		uint32_t l = (uint32_t)be_n(v, 4), k = (uint32_t)be_n(m, 4);
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
			    (unsigned)be_n(v + i, 4), (unsigned)be_n(m + i, 4));
	sbuf_putc(b, ')');
}

static void fmt_nsh(struct nlstate *st, struct sbuf *b, const struct nlc *pl)
{
	struct nlc a;
	uint8_t v[16];
	bool first = true;

	sbuf_puts(b, "nsh(");
	if (nla_find(st, pl, 1, &a) && take(&a, v, 8) == 8) {
		uint32_t ph = (uint32_t)be_n(v + 4, 4);
		sbuf_printf(b, "flags=%u,ttl=%u,mdtype=%u,np=%u,spi=%#x,si=%u",
			    v[0], v[1], v[2], v[3], ph >> 8, ph & 0xff);
		first = false;
	}
	if (nla_find(st, pl, 2, &a) && take(&a, v, 16) == 16)
		for (int i = 0; i < 4; i++) {
			sep(b, &first);
			sbuf_printf(b, "c%d=%#x", i + 1, (unsigned)be_n(v + 4 * i, 4));
		}
	sbuf_putc(b, ')');
}

/* Format key attribute t with value cursor vc and mask cursor mc (NULL:
 * exact).  Returns false when left out (wildcarded). */
static bool fmt_key_attr(struct nlstate *st, struct sbuf *b, uint16_t t, const struct nlc *vc,
			 const struct nlc *mc, int depth)
{
	uint8_t v[256], m[256];
	size_t n = take(vc, v, sizeof(v));

	if (nlc_left(vc) > sizeof(v))
		n = 0;
	memset(m, mc ? 0 : 0xff, sizeof(m));
	if (mc)
		take(mc, m, n);
	bool mzero = all_eq(m, n, 0);
	uint64_t full = n >= 8 ? UINT64_MAX : ((uint64_t)1 << (8 * n)) - 1;

	if (t == 1) {			/* encap */
		bool first = true;
		struct nlc empty = *vc;
		empty.end = empty.pos;
		if (depth >= MAXDEPTH) {
			sbuf_puts(b, "encap(...)");
			return true;
		}
		sbuf_puts(b, "encap(");
		fmt_keys(st, b, vc, mc ? (nlc_left(mc) ? mc : &empty) : NULL, &first, depth + 1);
		sbuf_putc(b, ')');
		return true;
	}
	if (t == 16) {			/* tunnel: left out when the mask has none */
		if (mc && !nlc_left(mc))
			return false;
		fmt_tunnel(st, b, vc, mc);
		return true;
	}
	if (t == 28) {			/* nsh */
		fmt_nsh(st, b, vc);
		return true;
	}
	if (t < ARRAY_SIZE(okeys) && okeys[t].name && n == okeys[t].size) {
		if (mzero) {
			if (t == 4) {
				sbuf_puts(b, "eth()");
				return true;
			}
			return false;
		}
		fmt_struct(b, &okeys[t], v, m);
		return true;
	}
	switch (t) {
	case 2: case 15: case 19: case 20: case 24:
		if (n != 4)
			break;
		if (mzero)
			return false;
		put_scalar(b, t == 2 ? "skb_priority" : t == 15 ? "skb_mark" :
			   t == 19 ? "dp_hash" : t == 20 ? "recirc_id" : "ct_mark",
			   le_n(v, 4), le_n(m, 4), full, false);
		return true;
	case 3:
		if (n != 4)
			break;
		if (mzero)
			return false;
		put_scalar(b, "in_port", le_n(v, 4), le_n(m, 4), full, true);
		return true;
	case 23:
		if (n != 2)
			break;
		if (mzero)
			return false;
		put_scalar(b, "ct_zone", le_n(v, 2), le_n(m, 2), full, false);
		return true;
	case 6:
		if (n != 2)
			break;
		if (mzero)
			return false;
		sbuf_printf(b, "eth_type(0x%04x", (unsigned)be_n(v, 2));
		if (!all_eq(m, 2, 0xff))
			sbuf_printf(b, "/0x%04x", (unsigned)be_n(m, 2));
		sbuf_putc(b, ')');
		return true;
	case 5:
		if (n != 2)
			break;
		if (mzero)
			return false;
		sbuf_puts(b, "vlan(");
		fmt_vlan(b, (uint16_t)be_n(v, 2), (uint16_t)be_n(m, 2));
		sbuf_putc(b, ')');
		return true;
	case 18:
		if (n != 2)
			break;
		if (mzero)
			return false;
		sbuf_puts(b, "tcp_flags(");
		put_flags_masked(b, tcp_flag_txt, 9, (uint32_t)be_n(v, 2) & 0xfff,
				 (uint32_t)be_n(m, 2) & 0xfff, 0xfff);
		sbuf_putc(b, ')');
		return true;
	case 22:
		if (n != 4)
			break;
		if (mzero)
			return false;
		sbuf_puts(b, "ct_state(");
		put_flags_masked(b, ct_state_txt, 8, (uint32_t)le_n(v, 4),
				 (uint32_t)le_n(m, 4), UINT32_MAX);
		sbuf_putc(b, ')');
		return true;
	case 25: {
		uint8_t bv[16], bm[16];
		if (n != 16)
			break;
		if (mzero)
			return false;
		for (int i = 0; i < 16; i++) {
			bv[i] = v[15 - i];
			bm[i] = m[15 - i];
		}
		sbuf_puts(b, "ct_label(");
		put_hexnum(b, bv, 16);
		if (!all_eq(m, 16, 0xff)) {
			sbuf_putc(b, '/');
			put_hexnum(b, bm, 16);
		}
		sbuf_putc(b, ')');
		return true;
	}
	case 21:
		if (!n || n % 4)
			break;
		if (mzero)
			return false;
		fmt_mpls(b, v, m, n);
		return true;
	case 29:
		if (n != 4)
			break;
		if (mzero)
			return false;
		sbuf_printf(b, "packet_type(ns=%u,id=%#x)", (unsigned)be_n(v, 2),
			    (unsigned)be_n(v + 2, 2));
		return true;
	default:
		break;
	}
	/* what ovs-dpctl 3.1 prints for a type it does not know (32,
	 * ipv6_exthdrs, included) or a shape it does not expect */
	sbuf_printf(b, "key%u(", t);
	put_spaced_hex(b, v, n);
	if (mc) {
		sbuf_putc(b, '/');
		put_spaced_hex(b, m, n);
	}
	sbuf_putc(b, ')');
	return true;
}

static void fmt_keys(struct nlstate *st,
		     struct sbuf *b, const struct nlc *keys, const struct nlc *mask,
		     bool *first, int depth)
{
	struct nlc it = *keys, pl, mp;
	uint16_t t;

	while (nla_next(&it, &t, &pl)) {
		const struct nlc *mc = NULL;
		struct nlc empty = pl;
		empty.end = empty.pos;
		if (mask)
			mc = nla_find(st, mask, t, &mp) ? &mp : &empty;
		size_t mark = b->len;
		if (!*first)
			sbuf_putc(b, ',');
		if (fmt_key_attr(st, b, t, &pl, mc, depth)) {
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

	fmt_keys(st, b, keys, mask, &first, 0);
}

/* ---- actions ---- */

static void fmt_actions(struct nlstate *st, struct sbuf *b, const struct nlc *acts, int depth);

static void fmt_nested_actions(struct nlstate *st,
			       struct sbuf *b, const struct nlc *pl, uint16_t type, int depth)
{
	struct nlc a;

	if (nla_find(st, pl, type, &a))
		fmt_actions(st, b, &a, depth + 1);
	else
		sbuf_puts(b, "drop");
}

static void fmt_nat(struct nlstate *st, struct sbuf *b, const struct nlc *pl)
{
	struct nlc a;
	uint8_t lo[16], hi[16];
	size_t nlo = 0, nhi = 0;
	uint32_t pmin = 0, pmax = 0;
	bool src = nla_find(st, pl, 1, &a), dst = nla_find(st, pl, 2, &a);

	sbuf_puts(b, "nat");
	if (!src && !dst)
		return;
	sbuf_puts(b, src ? "(src" : "(dst");
	if (nla_find(st, pl, 3, &a))
		nlo = take(&a, lo, 16);
	if (nla_find(st, pl, 4, &a))
		nhi = take(&a, hi, 16);
	if (nla_find(st, pl, 5, &a) && nlc_left(&a) == 2)
		pmin = nlc_u16(&a);
	if (nla_find(st, pl, 6, &a) && nlc_left(&a) == 2)
		pmax = nlc_u16(&a);
	bool v6 = nlo == 16;
	if (nlo == 4 || nlo == 16) {
		sbuf_putc(b, '=');
		if (v6 && pmin)
			sbuf_putc(b, '[');
		v6 ? sbuf_ipv6(b, lo) : sbuf_ipv4(b, lo);
		if (v6 && pmin)
			sbuf_putc(b, ']');
		if (nhi == nlo && memcmp(lo, hi, nlo)) {
			sbuf_putc(b, '-');
			if (v6 && pmin)
				sbuf_putc(b, '[');
			v6 ? sbuf_ipv6(b, hi) : sbuf_ipv4(b, hi);
			if (v6 && pmin)
				sbuf_putc(b, ']');
		}
		if (pmin) {
			sbuf_printf(b, ":%u", pmin);
			if (pmax && pmax != pmin)
				sbuf_printf(b, "-%u", pmax);
		}
	}
	if (nla_find(st, pl, 7, &a))
		sbuf_puts(b, ",persistent");
	if (nla_find(st, pl, 8, &a))
		sbuf_puts(b, ",hash");
	if (nla_find(st, pl, 9, &a))
		sbuf_puts(b, ",random");
	sbuf_putc(b, ')');
}

static void fmt_ct(struct nlstate *st, struct sbuf *b, const struct nlc *pl)
{
	struct nlc a;
	bool first = true;
	uint8_t v[32];
	size_t mark;

	sbuf_puts(b, "ct(");
	mark = b->len;
	if (nla_find(st, pl, 1, &a)) {
		sep(b, &first);
		sbuf_puts(b, "commit");
	}
	if (nla_find(st, pl, 7, &a)) {
		sep(b, &first);
		sbuf_puts(b, "force_commit");
	}
	if (nla_find(st, pl, 2, &a) && nlc_left(&a) == 2) {
		sep(b, &first);
		sbuf_printf(b, "zone=%u", nlc_u16(&a));
	}
	if (nla_find(st, pl, 3, &a) && take(&a, v, 8) == 8) {
		uint32_t val = (uint32_t)le_n(v, 4), msk = (uint32_t)le_n(v + 4, 4);
		sep(b, &first);
		sbuf_printf(b, "mark=%#x", val);
		if (msk != UINT32_MAX)
			sbuf_printf(b, "/%#x", msk);
	}
	if (nla_find(st, pl, 4, &a) && take(&a, v, 32) == 32) {
		uint8_t bv[16], bm[16];
		for (int i = 0; i < 16; i++) {
			bv[i] = v[15 - i];
			bm[i] = v[31 - i];
		}
		sep(b, &first);
		sbuf_puts(b, "label=");
		put_hexnum(b, bv, 16);
		if (!all_eq(bm, 16, 0xff)) {
			sbuf_putc(b, '/');
			put_hexnum(b, bm, 16);
		}
	}
	const uint8_t *s;
	size_t sn;
	if (nla_find_str(st, pl, 5, &s, &sn)) {
		sep(b, &first);
		sbuf_puts(b, "helper=");
		sbuf_escape(b, s, sn, 0);
	}
	if (nla_find_str(st, pl, 9, &s, &sn)) {
		sep(b, &first);
		sbuf_puts(b, "timeout=");
		sbuf_escape(b, s, sn, 0);
	}
	if (nla_find(st, pl, 6, &a)) {
		sep(b, &first);
		fmt_nat(st, b, &a);
	}
	if (b->len == mark) {
		b->len = mark - 1;	/* plain "ct" */
		b->p[b->len] = 0;
		return;
	}
	sbuf_putc(b, ')');
}

static void fmt_action(struct nlstate *st,
		       struct sbuf *b, uint16_t t, const struct nlc *pl, int depth)
{
	uint8_t v[64];
	size_t n = take(pl, v, sizeof(v));
	struct nlc a;

	switch (t) {
	case 1:
		if (n == 4) {
			sbuf_printf(b, "%u", (unsigned)le_n(v, 4));
			return;
		}
		break;
	case 2: {
		uint32_t pid = 0;
		nla_find_u32(st, pl, 1, &pid);
		sbuf_printf(b, "userspace(pid=%u", pid);
		if (nla_find(st, pl, 2, &a)) {
			size_t un;
			const uint8_t *u;
			struct nlc t2 = a;
			u = nlc_rest(&t2, &un);
			sbuf_puts(b, ",userdata(");
			if (u)
				sbuf_hex(b, u, un);
			sbuf_putc(b, ')');
		}
		if (nla_find(st, pl, 4, &a))
			sbuf_puts(b, ",actions");
		uint32_t tp;
		if (nla_find_u32(st, pl, 3, &tp))
			sbuf_printf(b, ",tunnel_out_port=%u", tp);
		sbuf_putc(b, ')');
		return;
	}
	case 3: {
		bool first = true;
		sbuf_puts(b, "set(");
		fmt_keys(st, b, pl, NULL, &first, depth + 1);
		sbuf_putc(b, ')');
		return;
	}
	case 11: {
		struct nlc it = *pl, kv;
		uint16_t kt;
		if (nla_next(&it, &kt, &kv) && nlc_left(&kv) % 2 == 0) {
			size_t half = nlc_left(&kv) / 2;
			struct nlc val = nlc_sub(&kv, half);
			struct nlc msk = kv;
			nlc_skip(&msk, half);
			sbuf_puts(b, "set(");
			size_t mark = b->len;
			if (!fmt_key_attr(st, b, kt, &val, &msk, depth + 1)) {
				b->len = mark;
				b->p[mark] = 0;
			}
			sbuf_putc(b, ')');
			return;
		}
		break;
	}
	case 4:
		if (n == 4) {
			uint16_t tpid = (uint16_t)be_n(v, 2), tci = (uint16_t)be_n(v + 2, 2);
			sbuf_puts(b, "push_vlan(");
			if (tpid != 0x8100)
				sbuf_printf(b, "tpid=0x%04x,", tpid);
			fmt_vlan(b, tci, 0xffff);
			sbuf_putc(b, ')');
			return;
		}
		break;
	case 5: sbuf_puts(b, "pop_vlan"); return;
	case 6: {
		uint32_t p = 0;
		nla_find_u32(st, pl, 1, &p);
		sbuf_printf(b, "sample(sample=%.1f%%,actions(", p / 4294967295.0 * 100);
		fmt_nested_actions(st, b, pl, 2, depth);
		sbuf_puts(b, "))");
		return;
	}
	case 7:
		if (n == 4) {
			sbuf_printf(b, "recirc(%#x)", (unsigned)le_n(v, 4));
			return;
		}
		break;
	case 8:
		if (n == 8) {
			uint32_t alg = (uint32_t)le_n(v, 4);
			sbuf_printf(b, "hash(%s(%u))", alg == 0 ? "l4" : alg == 1 ? "sym_l4" : "alg",
				    (unsigned)le_n(v + 4, 4));
			return;
		}
		break;
	case 9:
	case 22:
		if (n == 8) {
			uint32_t l = (uint32_t)be_n(v, 4);
			sbuf_printf(b, "%s(label=%u,tc=%u,ttl=%u,bos=%u,eth_type=0x%x)",
				    t == 9 ? "push_mpls" : "add_mpls", l >> 12, (l >> 9) & 7,
				    l & 0xff, (l >> 8) & 1, (unsigned)be_n(v + 4, 2));
			return;
		}
		break;
	case 10:
		if (n == 2) {
			sbuf_printf(b, "pop_mpls(eth_type=0x%x)", (unsigned)be_n(v, 2));
			return;
		}
		break;
	case 12: fmt_ct(st, b, pl); return;
	case 13:
		if (n == 4) {
			sbuf_printf(b, "trunc(%u)", (unsigned)le_n(v, 4));
			return;
		}
		break;
	case 14:
		if (n == 12) {
			sbuf_puts(b, "push_eth(src=");
			sbuf_lladdr(b, v, 6);
			sbuf_puts(b, ",dst=");
			sbuf_lladdr(b, v + 6, 6);
			sbuf_putc(b, ')');
			return;
		}
		break;
	case 15: sbuf_puts(b, "pop_eth"); return;
	case 16: sbuf_puts(b, "ct_clear"); return;
	case 17:
		sbuf_puts(b, "push_");
		fmt_nsh(st, b, pl);
		return;
	case 18: sbuf_puts(b, "pop_nsh"); return;
	case 19:
		if (n == 4) {
			sbuf_printf(b, "meter(%u)", (unsigned)le_n(v, 4));
			return;
		}
		break;
	case 20:
		sbuf_puts(b, "clone(");
		fmt_actions(st, b, pl, depth + 1);
		sbuf_putc(b, ')');
		return;
	case 21: {
		uint16_t size = 0;
		if (nla_find(st, pl, 1, &a) && nlc_left(&a) == 2)
			size = nlc_u16(&a);
		sbuf_printf(b, "check_pkt_len(size=%u,gt(", size);
		fmt_nested_actions(st, b, pl, 2, depth);
		sbuf_puts(b, "),le(");
		fmt_nested_actions(st, b, pl, 3, depth);
		sbuf_puts(b, "))");
		return;
	}
	case 23:
		sbuf_puts(b, "dec_ttl(le_1(");
		fmt_nested_actions(st, b, pl, 1, depth);
		sbuf_puts(b, "))");
		return;
	case 24: sbuf_puts(b, "drop"); return;
	case 25: {
		uint32_t g = 0;
		nla_find_u32(st, pl, 1, &g);
		sbuf_printf(b, "psample(group=%u", g);
		if (nla_find(st, pl, 2, &a)) {
			uint8_t ck[16];
			size_t cn = take(&a, ck, sizeof(ck));
			sbuf_puts(b, ",cookie=0x");
			sbuf_hex(b, ck, cn);
		}
		sbuf_putc(b, ')');
		return;
	}
	default:
		break;
	}
	sbuf_printf(b, "action%u(", t);
	put_spaced_hex(b, v, n);
	sbuf_putc(b, ')');
}

static void fmt_actions(struct nlstate *st, struct sbuf *b, const struct nlc *acts, int depth)
{
	struct nlc it = *acts, pl;
	uint16_t t;
	bool first = true;

	if (depth > MAXDEPTH) {
		sbuf_puts(b, "...");
		return;
	}
	while (nla_next(&it, &t, &pl)) {
		sep(b, &first);
		fmt_action(st, b, t, &pl, depth);
	}
	if (first)
		sbuf_puts(b, "drop");
}

void ovs_odp_actions(struct nlstate *st, struct sbuf *b, const struct nlc *acts)
{
	fmt_actions(st, b, acts, 0);
}
