/* nft_rule_dbg.c - a rule that cannot be said exactly as nft says it: its
 * expression list in the form `nft --debug=netlink` writes it,
 *
 *   [ payload load 4b @ network header + 12 => reg 1 ] [ cmp eq reg 1 0x0501a8c0 ]
 *
 * (data as 32-bit words in the capture's host order); an expression this
 * file does not know shows its attributes by number: a 1, 2, 4 or 8-byte
 * one as a big-endian number, a string in quotes, up to 16 bytes in hex,
 * more as their count (an xtables match's blob: -v shows it).
 */
#include <inttypes.h>
#include <string.h>

#include "nft_rule.h"

static const char *const bases[] = { "link", "network", "transport", "inner" };
static const char *const cmp_ops[] = { "eq", "neq", "lt", "lte", "gt", "gte" };

static void u32_attr(struct sbuf *b, const struct nft_xa *x, unsigned t, const char *fmt)
{
	uint32_t v;

	if (nft_a_u32(x, t, &v))
		sbuf_printf(b, fmt, v);
}

/* NFTA_DATA_VALUE bytes as words */
static void words(struct nft_r *r, struct sbuf *b, const struct nft_xa *x, unsigned t)
{
	uint8_t v[NFTSET_KEY + 4] = { 0 };
	size_t n;

	if (!nft_a_value(x, t, v, NFTSET_KEY, &n)) {
		if (x->have >> t & 1)
			nft_verdict_of(r, x->a[t], b);
		return;
	}
	for (size_t i = 0; i < n; i += 4) {
		uint32_t w = r->cap_be ? (uint32_t)v[i] << 24 | v[i + 1] << 16 | v[i + 2] << 8 | v[i + 3]
				       : (uint32_t)v[i + 3] << 24 | v[i + 2] << 16 | v[i + 1] << 8 | v[i];
		sbuf_printf(b, " 0x%08x", w);
	}
}

static void key_name(struct sbuf *b, const struct nft_key *k, uint32_t key)
{
	if (k)
		sbuf_puts(b, k->name);
	else
		sbuf_printf(b, "%u", key);
}

/* meta and ct: load KEY => reg N, set KEY with reg N */
static void keyed(struct sbuf *b, const struct nft_xa *x, const struct nft_key *k, uint32_t key,
		  unsigned sreg)
{
	uint32_t reg;

	if (nft_a_u32(x, sreg, &reg)) {
		sbuf_puts(b, " set ");
		key_name(b, k, key);
		sbuf_printf(b, " with reg %u", reg);
	} else {
		sbuf_puts(b, " load ");
		key_name(b, k, key);
		u32_attr(b, x, 1, " => reg %u");
	}
}

/* a NUL-terminated string of printable ASCII */
static bool printable(const uint8_t *p, size_t n)
{
	if (n < 2 || p[n - 1])
		return false;
	for (size_t i = 0; i + 1 < n; i++)
		if (p[i] < 0x20 || p[i] > 0x7e)
			return false;
	return true;
}

/* an expression this file does not know: its attributes by number */
static void attrs(struct sbuf *b, const struct nft_xa *x)
{
	for (unsigned t = 1; t < NFT_XA; t++) {
		if (!(x->have >> t & 1))	/* a[t] is set only for these */
			continue;
		struct nlc c = x->a[t];
		size_t n = nlc_left(&c);
		const uint8_t *p = n ? nlc_bytes(&c, n) : NULL;
		sbuf_printf(b, " %u:", t);
		if (p && printable(p, n)) {
			sbuf_putc(b, '"');
			sbuf_escape(b, p, n - 1, '"');
			sbuf_putc(b, '"');
		} else if (p && (n == 1 || n == 2 || n == 4 || n == 8)) {
			uint64_t v = 0;
			for (size_t i = 0; i < n; i++)
				v = v << 8 | p[i];
			sbuf_u64(b, v);
		} else if (p && n <= 16) {
			sbuf_hex(b, p, n);
		} else if (p) {
			sbuf_printf(b, "<%zu bytes>", n);
		}
	}
}

static void one(struct nft_r *r, struct sbuf *b, const uint8_t *nm, size_t nn,
		const struct nft_xa *x)
{
	uint32_t base, off, len, key, op;

#define IS(s) (nn == sizeof(s) - 1 && !memcmp(nm, s, nn))
	sbuf_puts(b, "[ ");
	sbuf_escape(b, nm, nn, 0);
	if (IS("payload") && nft_a_u32(x, 2, &base) && nft_a_u32(x, 3, &off) &&
	    nft_a_u32(x, 4, &len) && base < ARRAY_SIZE(bases)) {
		if (x->have >> 5 & 1) {
			u32_attr(b, x, 5, " write reg %u");
			sbuf_printf(b, " => %ub @ %s header + %u", len, bases[base], off);
		} else {
			sbuf_printf(b, " load %ub @ %s header + %u", len, bases[base], off);
			u32_attr(b, x, 1, " => reg %u");
		}
	} else if (IS("meta") && nft_a_u32(x, 2, &key)) {
		keyed(b, x, nft_meta_key(key), key, 3);
	} else if (IS("ct") && nft_a_u32(x, 2, &key)) {
		keyed(b, x, nft_ct_key(key), key, 4);
	} else if ((IS("cmp") || IS("range")) && nft_a_u32(x, 2, &op) &&
		   op < ARRAY_SIZE(cmp_ops)) {
		sbuf_printf(b, " %s", cmp_ops[op]);
		u32_attr(b, x, 1, " reg %u");
		words(r, b, x, 3);
		if (IS("range"))
			words(r, b, x, 4);
	} else if (IS("bitwise")) {
		u32_attr(b, x, 2, " reg %u =");
		u32_attr(b, x, 1, " ( reg %u &");
		words(r, b, x, 4);
		sbuf_puts(b, " ) ^");
		words(r, b, x, 5);
	} else if (IS("immediate")) {
		u32_attr(b, x, 1, " reg %u");
		if (x->have >> 2 & 1) {
			size_t before = b->len;
			sbuf_putc(b, ' ');
			if (!nft_verdict_of(r, x->a[2], b)) {
				b->len = before;
				words(r, b, x, 2);
			}
		}
	} else if (IS("lookup")) {
		const uint8_t *sn;
		size_t sl;
		u32_attr(b, x, 2, " reg %u");
		if (nft_a_str(x, 1, &sn, &sl)) {
			sbuf_puts(b, " set ");
			sbuf_escape(b, sn, sl, 0);
		}
		u32_attr(b, x, 3, " dreg %u");
		u32_attr(b, x, 5, " 0x%x");
	} else if (IS("counter")) {
		uint64_t pk = 0, by = 0;
		nft_a_u64(x, 2, &pk);
		nft_a_u64(x, 1, &by);
		sbuf_printf(b, " pkts %" PRIu64 " bytes %" PRIu64, pk, by);
	} else {
		attrs(b, x);
	}
	sbuf_puts(b, " ]");
#undef IS
}

void nft_rule_dbg(struct nft_r *r, const struct nlc *exprs, struct sbuf *b)
{
	struct nlc it = *exprs, el;
	uint16_t t;
	size_t start = b->len;

	while (nla_next(&it, &t, &el)) {
		struct nft_xa x;
		const uint8_t *nm;
		size_t nn;
		if (b->len > start)
			sbuf_putc(b, ' ');
		if (t != 1 || !nft_expr_parse(el, &nm, &nn, &x))
			sbuf_puts(b, "[ ? ]");
		else
			one(r, b, nm, nn, &x);
	}
	if (nlc_left(&it))
		sbuf_puts(b, b->len > start ? " [ ? ]" : "[ ? ]");
}
