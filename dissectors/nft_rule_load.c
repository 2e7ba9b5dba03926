/* nft_rule_load.c - the loads that are not payload, meta or ct: TCP
 * options, fib, socket, osf, numgen, hash, rt (NFTA_<EXPR>_*,
 * include/uapi/linux/netfilter/nf_tables.h).  Each writes its register
 * with the text nft writes for it; what it cannot say fails the rule.
 */
#include <stdio.h>
#include <string.h>

#include "nft_rule.h"

/* NFTA_EXTHDR_DREG 1, TYPE 2, OFFSET 3, LEN 4, FLAGS 5, OP 6, SREG 7:
 * TCP options only (NFT_EXTHDR_OP_TCPOPT 1), a field's value */
void nft_ex_exthdr(struct nft_r *r, const struct nft_xa *x)
{
	uint8_t type;
	uint32_t off, len, op = 0, flags = 0;
	const char *opt = NULL;
	const struct nft_key *k;

	nft_a_u32(x, 6, &op);
	nft_a_u32(x, 5, &flags);
	if (op != 1 || flags || !nft_a_u8(x, 2, &type) || !nft_a_u32(x, 3, &off) ||
	    !nft_a_u32(x, 4, &len) || !(k = nft_tcpopt(type, off, len, &opt))) {
		r->fail = true;
		return;
	}
	if (r->l4 == 6)
		nft_dep_kill(r, &r->dep_l4);
	char lhs[NFT_TXT];
	snprintf(lhs, sizeof(lhs), "tcp option %s %s", opt, k->name);
	if (x->have >> 7 & 1) {
		nft_set_stmt(r, x, 7, lhs, k->ty, k->host);
		return;
	}
	struct nft_reg *g = nft_load(r, x, 1, k->ty, false, len);
	if (g)
		memcpy(g->text, lhs, sizeof(lhs));
}

/* NFTA_FIB_DREG 1, RESULT 2, FLAGS 3 */
void nft_ex_fib(struct nft_r *r, const struct nft_xa *x)
{
	static const char *const fl[] = { "saddr", "daddr", "mark", "iif", "oif" };
	uint32_t res, flags;
	struct sbuf t = { 0 };
	unsigned ty = 0, len = 4;

	if (!nft_a_u32(x, 2, &res) || !nft_a_u32(x, 3, &flags) || (flags & ~0x1fu) || !flags) {
		r->fail = true;
		return;
	}
	sbuf_puts(&t, "fib");
	for (unsigned i = 0, n = 0; i < 5; i++)
		if (flags >> i & 1)
			sbuf_printf(&t, "%s%s", n++ ? " . " : " ", fl[i]);
	if (res == 1)
		ty = TY_IFINDEX, sbuf_puts(&t, " oif");
	else if (res == 2)
		ty = TY_IFNAME, len = 16, sbuf_puts(&t, " oifname");
	else if (res == 3)
		ty = TY_ADDRTYPE, sbuf_puts(&t, " type");
	struct nft_reg *g = ty ? nft_load(r, x, 1, ty, true, len) : NULL;
	if (g)
		snprintf(g->text, sizeof(g->text), "%s", t.p);
	else
		r->fail = true;
	sbuf_free(&t);
}

/* the smaller loads: socket, osf, numgen, hash, rt */
void nft_ex_socket(struct nft_r *r, const struct nft_xa *x)
{
	uint32_t key, level = 0;
	static const char *const keys[] = { NULL, "transparent", "mark", "wildcard" };

	nft_a_u32(x, 3, &level);
	if (!nft_a_u32(x, 1, &key) || key >= ARRAY_SIZE(keys) || !keys[key] || level) {
		r->fail = true;
		return;
	}
	struct nft_reg *g = nft_load(r, x, 2, key == 2 ? TY_MARK : TY_INT, true, key == 2 ? 4 : 1);
	if (g)
		snprintf(g->text, sizeof(g->text), "socket %s", keys[key]);
}

void nft_ex_osf(struct nft_r *r, const struct nft_xa *x)
{
	uint8_t ttl = 0;
	uint32_t flags = 0;
	static const char *const ttls[] = { "", "ttl loose ", "ttl skip " };

	nft_a_u8(x, 2, &ttl);
	nft_a_u32(x, 3, &flags);
	if (ttl > 2 || flags > 1) {
		r->fail = true;
		return;
	}
	struct nft_reg *g = nft_load(r, x, 1, TY_STRING, false, 16);
	if (g)
		snprintf(g->text, sizeof(g->text), "osf %s%s", ttls[ttl],
			 flags ? "version" : "name");
}

/* NFTA_NG_DREG 1, MODULUS 2, TYPE 3, OFFSET 4 */
void nft_ex_numgen(struct nft_r *r, const struct nft_xa *x)
{
	uint32_t mod, type, off = 0;

	nft_a_u32(x, 4, &off);
	if (!nft_a_u32(x, 2, &mod) || !nft_a_u32(x, 3, &type) || type > 1 ||
	    (x->have >> 5 & 1)) {
		r->fail = true;
		return;
	}
	struct nft_reg *g = nft_load(r, x, 1, TY_INT, true, 4);
	if (!g)
		return;
	int n = snprintf(g->text, sizeof(g->text), "numgen %s mod %u", type ? "random" : "inc",
			 mod);
	if (off && n > 0 && (size_t)n < sizeof(g->text))
		snprintf(g->text + n, sizeof(g->text) - (size_t)n, " offset %u", off);
}

/* NFTA_HASH_SREG 1, DREG 2, LEN 3, MODULUS 4, SEED 5, OFFSET 6, TYPE 7 */
void nft_ex_hash(struct nft_r *r, const struct nft_xa *x)
{
	uint32_t mod, type = 0, seed = 0, off = 0;
	struct sbuf t = { 0 };

	nft_a_u32(x, 7, &type);
	nft_a_u32(x, 5, &seed);
	nft_a_u32(x, 6, &off);
	if (!nft_a_u32(x, 4, &mod) || type > 1 || (x->have >> 8 & 1)) {
		r->fail = true;
		return;
	}
	if (type == 0) {
		struct nft_reg *s = nft_src(r, x, 1);
		if (!s || s->kind != RK_LOAD || s->masked) {
			r->fail = true;
			return;
		}
		s->consumed = true;
		sbuf_printf(&t, "jhash %s mod %u", s->text, mod);
		if (seed)
			sbuf_printf(&t, " seed 0x%x", seed);
	} else {
		sbuf_printf(&t, "symhash mod %u", mod);
	}
	if (off)
		sbuf_printf(&t, " offset %u", off);
	struct nft_reg *g = nft_load(r, x, 2, TY_INT, true, 4);
	if (g && t.len < sizeof(g->text))
		memcpy(g->text, t.p, t.len + 1);
	else
		r->fail = true;
	sbuf_free(&t);
}

/* NFTA_RT_DREG 1, KEY 2: classid, mtu (tcpmss) */
void nft_ex_rt(struct nft_r *r, const struct nft_xa *x)
{
	uint32_t key;

	if (!nft_a_u32(x, 2, &key) || (key != 0 && key != 3)) {
		r->fail = true;
		return;
	}
	struct nft_reg *g = nft_load(r, x, 1, TY_INT, true, key == 3 ? 2 : 4);
	if (g)
		snprintf(g->text, sizeof(g->text), "rt %s", key ? "mtu" : "classid");
}

