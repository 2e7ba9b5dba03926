/* ynl_wireguard.c - WireGuard in wg(8)'s words: keys in base64 (in the
 * tree and JSON too), the endpoint as address:port, and a summary line
 * `wg0 public key K listening port P fwmark 0x51 peers N peer K
 * endpoint A:P allowed ips 10.0.0.2/32,...` (the first peer).
 *
 * Reference: specs/ynl/wireguard.yaml (Linux 7.2); the endpoint is a
 * struct sockaddr_in (family 2, port big-endian, 4 bytes of address at
 * offset 4) or sockaddr_in6 (family 10, 16 bytes at offset 8).
 */
#include <string.h>

#include "emit.h"
#include "sbuf.h"
#include "ynl.h"

#define WG_KEY_LEN 32

void ynl_base64(struct sbuf *b, const uint8_t *p, size_t n)
{
	static const char digits[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

	for (size_t i = 0; i < n; i += 3) {
		uint32_t w = (uint32_t)p[i] << 16;
		if (i + 1 < n)
			w |= (uint32_t)p[i + 1] << 8;
		if (i + 2 < n)
			w |= p[i + 2];
		sbuf_putc(b, digits[w >> 18 & 63]);
		sbuf_putc(b, digits[w >> 12 & 63]);
		sbuf_putc(b, i + 1 < n ? digits[w >> 6 & 63] : '=');
		sbuf_putc(b, i + 2 < n ? digits[w & 63] : '=');
	}
}

/* a key (32 bytes) as base64, as wg prints it */
bool ynl_wg_key_cb(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		      struct nlc *c)
{
	struct sbuf b = { 0 };
	size_t at = c->pos;
	const uint8_t *p;

	(void)pol;
	if (nlc_left(c) != WG_KEY_LEN || !(p = nlc_bytes(c, WG_KEY_LEN)))
		return false;
	ynl_base64(&b, p, WG_KEY_LEN);
	nl_put_text(d, key, at, WG_KEY_LEN, "%s", b.p);
	sbuf_free(&b);
	return true;
}

/* sockaddr_in / sockaddr_in6 as 192.0.2.1:51820 or [fd00::1]:51820 */
bool ynl_sockaddr_text(struct sbuf *b, struct nlc c)
{
	size_t n = nlc_left(&c);
	uint16_t fam = nlc_u16(&c), port = nlc_be16(&c);
	const uint8_t *a;

	if (fam == 2 && n >= 8 && (a = nlc_bytes(&c, 4))) {
		sbuf_ipv4(b, a);
	} else if (fam == 10 && n >= 24 && nlc_skip(&c, 4) && (a = nlc_bytes(&c, 16))) {
		sbuf_putc(b, '[');
		sbuf_ipv6(b, a);
		sbuf_putc(b, ']');
	} else {
		return false;
	}
	sbuf_printf(b, ":%u", port);
	return nlc_ok(&c);
}

bool ynl_wg_endpoint_cb(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
			   struct nlc *c)
{
	struct sbuf b = { 0 };

	(void)pol;
	bool ok = ynl_sockaddr_text(&b, *c);
	if (ok) {
		nl_put_text(d, key, c->pos, nlc_left(c), "%s", b.p);
		nlc_skip(c, nlc_left(c));
	}
	sbuf_free(&b);
	return ok;
}

const struct nl_shape ynl_wg_key_shape = NL_SHAPE_FORM("base64");
const struct nl_shape ynl_wg_endpoint_shape = NL_SHAPE_FORM("address:port");

/* the summary */
enum { WG_IFNAME, WG_IFINDEX, WG_PUB, WG_PORT, WG_FWMARK, WG_PEERS };
static const struct spec_sum_field wg_fields[] = {
	[WG_IFNAME] = SPEC_SUM_ATTR("ifname"),
	[WG_IFINDEX] = SPEC_SUM_ATTR("ifindex"),
	[WG_PUB] = SPEC_SUM_ATTR("public-key"),
	[WG_PORT] = SPEC_SUM_ATTR("listen-port"),
	[WG_FWMARK] = SPEC_SUM_ATTR("fwmark"),
	[WG_PEERS] = SPEC_SUM_ATTR("peers"),
};

static bool wg_key_text(struct dctx *d, const struct nl_sum_vals *v, const struct nl_sum_part *pt,
			struct sbuf *b)
{
	struct nlc c;
	const uint8_t *p;

	(void)d;
	if (!nl_sum_get(v, pt->slot, &c) || nlc_left(&c) != WG_KEY_LEN ||
	    !(p = nlc_bytes(&c, WG_KEY_LEN)))
		return false;
	ynl_base64(b, p, WG_KEY_LEN);
	return true;
}

static bool wg_fwmark(struct dctx *d, const struct nl_sum_vals *v, const struct nl_sum_part *pt,
		      struct sbuf *b)
{
	uint32_t m;

	(void)d;
	if (!nl_sum_u32(v, pt->slot, &m) || !m)
		return false;
	sbuf_printf(b, "0x%x", m);
	return true;
}

/* one allowed ip as addr/cidr */
static bool wg_allowedip(struct sbuf *b, const struct nl_attr_set *s, const struct nlc *ip)
{
	struct nlc fam, addr, cidr;
	const uint8_t *a;

	if (!nl_sum_find_named(ip, s, "family", &fam) || nlc_left(&fam) != 2 ||
	    !nl_sum_find_named(ip, s, "ipaddr", &addr) ||
	    !nl_sum_find_named(ip, s, "cidr-mask", &cidr) || nlc_left(&cidr) != 1)
		return false;
	uint16_t f = nlc_u16(&fam);
	if (f == 2 && nlc_left(&addr) == 4 && (a = nlc_bytes(&addr, 4)))
		sbuf_ipv4(b, a);
	else if (f == 10 && nlc_left(&addr) == 16 && (a = nlc_bytes(&addr, 16)))
		sbuf_ipv6(b, a);
	else
		return false;
	sbuf_printf(b, "/%u", nlc_u8(&cidr));
	return true;
}

/* the nest of an attribute named name in set s (its policy's .nest) */
static const struct nl_attr_set *nest_of(const struct nl_attr_set *s, const char *name)
{
	for (unsigned t = 0; s && t <= s->max; t++)
		if (s->attrs[t].name && !strcmp(s->attrs[t].name, name))
			return s->attrs[t].nest;
	return NULL;
}

/* peers N, then the first peer: peer K endpoint E allowed ips A,B */
static bool wg_peers(struct dctx *d, const struct nl_sum_vals *v, const struct nl_sum_part *pt,
		     struct sbuf *b)
{
	const struct nl_attr_pol *pp = v->pol[pt->slot];
	struct nlc list, it, peer, first, x;
	uint16_t type;
	unsigned n = 0;
	const uint8_t *p;

	(void)d;
	if (!pp || !pp->nest || !nl_sum_get(v, pt->slot, &list))
		return false;
	it = list;
	while (nla_next(&it, &type, &peer))
		if (n++ == 0)
			first = peer;
	sbuf_printf(b, " peers %u", n);
	if (!n)
		return true;
	const struct nl_attr_set *ps = pp->nest;
	if (nl_sum_find_named(&first, ps, "public-key", &x) && nlc_left(&x) == WG_KEY_LEN &&
	    (p = nlc_bytes(&x, WG_KEY_LEN))) {
		sbuf_puts(b, " peer ");
		ynl_base64(b, p, WG_KEY_LEN);
	}
	if (nl_sum_find_named(&first, ps, "endpoint", &x)) {
		size_t mark = b->len;
		sbuf_puts(b, " endpoint ");
		if (!ynl_sockaddr_text(b, x))
			b->len = mark;
	}
	const struct nl_attr_set *as = nest_of(ps, "allowedips");
	if (as && nl_sum_find_named(&first, ps, "allowedips", &x)) {
		struct nlc one;
		bool any = false;
		it = x;
		while (nla_next(&it, &type, &one)) {
			size_t mark = b->len;
			sbuf_puts(b, any ? "," : " allowed ips ");
			if (wg_allowedip(b, as, &one))
				any = true;
			else
				b->len = mark;
		}
	}
	return true;
}

static const struct nl_sum_part wg_parts[] = {
	YNL_VAL(WG_IFNAME, " "),
	NLS_TEXT_OF(WG_PUB, -1, " public key ", wg_key_text),
	YNL_VAL(WG_PORT, " listening port "),
	NLS_TEXT_OF(WG_FWMARK, -1, " fwmark ", wg_fwmark),
	NLS_TEXT_OF(WG_PEERS, -1, "", wg_peers),
};
const struct spec_summary ynl_wg_sum = SPEC_SUMMARY(wg_fields, wg_parts);
