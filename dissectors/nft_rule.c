/* nft_rule.c - a rule's expressions as the nft statement they came from.
 *
 * nf_tables runs a rule as a register machine: loads (payload, meta, ct,
 * exthdr, fib, socket, osf, numgen, hash, rt) write a register, bitwise
 * masks it, cmp, range and lookup compare it, immediate sets a constant
 * or the verdict, statements (nft_rule_stmt.c) read registers.  The
 * renderer follows the machine: a register holds the text of what was
 * loaded ("tcp dport") with its type, a comparison writes a relation
 * ("tcp dport 22"), a statement its words.  The dependencies nft adds and
 * hides when it prints (`meta nfproto ipv4` before `ip saddr` in an inet
 * table, `meta l4proto tcp` before `tcp dport`) are written, then dropped
 * when the load that needs them comes.  Whatever cannot be said exactly
 * (an unknown expression, a header field nft has no name for, a byte
 * order conversion, a set not seen) makes the whole rule fall back to its
 * expression list (nft_rule_dbg.c), never a guess.
 */
#include <string.h>

#include "nft_rule.h"
#include "state.h"

#define NLM_F_REQUEST 1

/* NFTA_LIST_ELEM, NFTA_EXPR_NAME, NFTA_EXPR_DATA, NFTA_DATA_VALUE */
enum { LIST_ELEM = 1, EXPR_NAME = 1, EXPR_DATA = 2, DATA_VALUE = 1 };

/* NFT_REG_1..4 (16 bytes) and NFT_REG32_00..15, as 32-bit slots */
int nft_slot(uint32_t reg)
{
	if (reg >= 1 && reg <= 4)
		return (int)(reg - 1) * 4;
	if (reg >= 8 && reg <= 23)
		return (int)reg - 8;
	return -1;
}

/* the attributes of one set by type (the first of each); false: malformed */
bool nft_xa_parse(struct nlc c, struct nft_xa *x)
{
	uint16_t t;
	struct nlc p;

	x->have = 0;
	while (nla_next(&c, &t, &p)) {
		if (t < NFT_XA && !(x->have >> t & 1)) {
			x->a[t] = p;
			x->have |= 1u << t;
		}
	}
	return nlc_left(&c) == 0 && nlc_ok(&c);
}

/* attribute t of x as an unsigned big-endian number of exactly n bytes */
static bool a_uint(const struct nft_xa *x, unsigned t, unsigned n, uint64_t *v)
{
	struct nlc c;

	if (t >= NFT_XA || !(x->have >> t & 1) || nlc_left(&x->a[t]) != n)
		return false;
	c = x->a[t];
	*v = nlc_uint(&c, n, true);
	return nlc_ok(&c);
}

bool nft_a_u64(const struct nft_xa *x, unsigned t, uint64_t *v)
{
	return a_uint(x, t, 8, v);
}

bool nft_a_u32(const struct nft_xa *x, unsigned t, uint32_t *v)
{
	uint64_t w;

	if (!a_uint(x, t, 4, &w))
		return false;
	*v = (uint32_t)w;
	return true;
}

bool nft_a_u16(const struct nft_xa *x, unsigned t, uint16_t *v)
{
	uint64_t w;

	if (!a_uint(x, t, 2, &w))
		return false;
	*v = (uint16_t)w;
	return true;
}

bool nft_a_u8(const struct nft_xa *x, unsigned t, uint8_t *v)
{
	uint64_t w;

	if (!a_uint(x, t, 1, &w))
		return false;
	*v = (uint8_t)w;
	return true;
}

bool nft_a_str(const struct nft_xa *x, unsigned t, const uint8_t **p, size_t *n)
{
	struct nlc c;

	if (t >= NFT_XA || !(x->have >> t & 1))
		return false;
	c = x->a[t];
	return nlc_cstr(&c, p, n) && nlc_ok(&c);
}

bool nft_data_value(struct nlc data, uint8_t *buf, size_t max, size_t *n)
{
	uint16_t t;
	struct nlc p;

	while (nla_next(&data, &t, &p)) {
		if (t != DATA_VALUE)
			continue;
		size_t len = nlc_left(&p);
		const uint8_t *b = len <= max ? nlc_bytes(&p, len) : NULL;
		if (!b || !nlc_ok(&p))
			return false;
		memcpy(buf, b, len);
		*n = len;
		return true;
	}
	return false;
}

bool nft_a_value(const struct nft_xa *x, unsigned t, uint8_t *buf, size_t max, size_t *n)
{
	if (t >= NFT_XA || !(x->have >> t & 1))
		return false;
	return nft_data_value(x->a[t], buf, max, n);
}

struct nft_reg *nft_src(struct nft_r *r, const struct nft_xa *x, unsigned t)
{
	uint32_t reg;
	int s;

	if (!nft_a_u32(x, t, &reg) || (s = nft_slot(reg)) < 0 || r->reg[s].kind == RK_NONE) {
		r->fail = true;
		return NULL;
	}
	return &r->reg[s];
}

struct nft_reg *nft_dst(struct nft_r *r, const struct nft_xa *x, unsigned t)
{
	uint32_t reg;
	int s;

	if (!nft_a_u32(x, t, &reg) || (s = nft_slot(reg)) < 0) {
		r->fail = true;
		return NULL;
	}
	memset(&r->reg[s], 0, sizeof(r->reg[s]));
	return &r->reg[s];
}

void nft_tok_begin(struct nft_r *r)
{
	if (r->ntok >= NFT_TOKS) {
		r->fail = true;
		r->ntok = 0;
	}
	r->tok[r->ntok].off = r->out.len;
	r->tok[r->ntok].dead = false;
}

void nft_tok_end(struct nft_r *r)
{
	r->tok[r->ntok].len = r->out.len - r->tok[r->ntok].off;
	r->ntok++;
}

/* "<lhs> set <value>": a statement writing what register sreg holds */
void nft_set_stmt(struct nft_r *r, const struct nft_xa *x, unsigned sreg, const char *lhs,
		  unsigned ty, bool host)
{
	struct nft_reg *v = nft_src(r, x, sreg);

	if (!v)
		return;
	nft_tok_begin(r);
	sbuf_printf(&r->out, "%s set ", lhs);
	if (!nft_reg_text(r, v, ty, host, &r->out))
		r->fail = true;
	nft_tok_end(r);
}

/* ---- loads ---- */

/* what a relation on a register sets: the network or transport protocol */
enum { CK_NONE, CK_NFPROTO, CK_ETHERTYPE, CK_L4, CK_L4_KEEP, CK_IIFTYPE };

struct nft_reg *nft_load(struct nft_r *r, const struct nft_xa *x, unsigned t, unsigned ty,
			bool host, unsigned len)
{
	struct nft_reg *g = nft_dst(r, x, t);

	if (!g)
		return NULL;
	g->kind = RK_LOAD;
	g->ty = (uint8_t)ty;
	g->host = host;
	g->len = (uint8_t)len;
	g->seq = ++r->seq;
	return g;
}

void nft_dep_kill(struct nft_r *r, int *dep)
{
	if (*dep >= 0)
		r->tok[*dep].dead = true;
	*dep = -1;
}

/* the protocol of a network header load */
static unsigned net_proto(struct nft_r *r)
{
	int p = r->family == NFP_IPV4 || r->family == NFP_IPV6 || r->family == NFP_ARP
			? r->family : r->nfproto;

	return p == NFP_IPV4 ? PR_IP : p == NFP_IPV6 ? PR_IP6 : p == NFP_ARP ? PR_ARP : PR_NONE;
}

/* NFTA_PAYLOAD_DREG 1, BASE 2, OFFSET 3, LEN 4, SREG 5 */
static void ex_payload(struct nft_r *r, const struct nft_xa *x)
{
	uint32_t base, off, len;
	unsigned proto = PR_NONE;

	if (!nft_a_u32(x, 2, &base) || !nft_a_u32(x, 3, &off) || !nft_a_u32(x, 4, &len)) {
		r->fail = true;
		return;
	}
	if (base == 0)
		proto = off < 14 ? PR_ETHER : PR_NONE;
	else if (base == 1)
		proto = net_proto(r);
	else if (base == 2)
		proto = r->l4 >= 0 ? nft_l4_proto(r->l4) : PR_TH;
	const struct nft_pfield *f = proto ? nft_pfield(proto, off, len) : NULL;
	if (!f) {
		r->fail = true;	/* a field nft has no name for: raw @nh,... */
		return;
	}
	if (base == 0)
		nft_dep_kill(r, &r->dep_link);
	if (base == 1)
		nft_dep_kill(r, &r->dep_net);
	if (base == 2)
		nft_dep_kill(r, &r->dep_l4);
	char lhs[NFT_TXT];
	snprintf(lhs, sizeof(lhs), "%s %s", nft_proto_name(f->proto), f->name);
	if (x->have >> 5 & 1) {	/* payload set */
		nft_set_stmt(r, x, 5, lhs, f->ty, false);
		return;
	}
	struct nft_reg *g = nft_load(r, x, 1, f->ty, false, len);
	if (!g)
		return;
	g->layer = (uint8_t)base;
	memcpy(g->text, lhs, sizeof(lhs));
	if (f->proto == PR_ETHER && off == 12)
		g->ck = CK_ETHERTYPE;
	else if ((f->proto == PR_IP && off == 9) || (f->proto == PR_IP6 && off == 6))
		g->ck = CK_L4_KEEP;
}

/* NFTA_META_DREG 1, KEY 2, SREG 3 */
static void ex_meta(struct nft_r *r, const struct nft_xa *x)
{
	uint32_t key;
	const struct nft_key *k = nft_a_u32(x, 2, &key) ? nft_meta_key(key) : NULL;

	if (!k || !k->ty) {
		r->fail = true;
		return;
	}
	if (x->have >> 3 & 1) {
		char lhs[NFT_TXT];
		snprintf(lhs, sizeof(lhs), "meta %s", k->name);
		nft_set_stmt(r, x, 3, lhs, k->ty, k->host);
		return;
	}
	struct nft_reg *g = nft_load(r, x, 1, k->ty, k->host, k->len);
	if (!g)
		return;
	snprintf(g->text, sizeof(g->text), "%s%s", k->bare ? "" : "meta ", k->name);
	g->ck = key == 15 ? CK_NFPROTO : key == 16 ? CK_L4 : key == 1 ? CK_ETHERTYPE
		: key == 8 ? CK_IIFTYPE : CK_NONE;
}

/* NFTA_CT_DREG 1, KEY 2, DIRECTION 3, SREG 4 */
static void ex_ct(struct nft_r *r, const struct nft_xa *x)
{
	uint32_t key;
	uint8_t dir;
	const struct nft_key *k = nft_a_u32(x, 2, &key) ? nft_ct_key(key) : NULL;
	char pre[24] = "ct ";

	if (!k || !k->ty) {
		r->fail = true;
		return;
	}
	if (nft_a_u8(x, 3, &dir)) {
		if (dir > 1) {
			r->fail = true;
			return;
		}
		snprintf(pre, sizeof(pre), "ct %s ", dir ? "reply" : "original");
	}
	if (x->have >> 4 & 1) {
		char lhs[NFT_TXT];
		snprintf(lhs, sizeof(lhs), "%s%s", pre, k->name);
		nft_set_stmt(r, x, 4, lhs, k->ty, k->host);
		return;
	}
	struct nft_reg *g = nft_load(r, x, 1, k->ty, k->host, k->len);
	if (g)
		snprintf(g->text, sizeof(g->text), "%s%s", pre, k->name);
}

/* ---- registers ---- */

/* NFTA_IMMEDIATE_DREG 1, DATA 2: a constant, or the verdict */
static void ex_immediate(struct nft_r *r, const struct nft_xa *x)
{
	uint32_t reg;
	size_t n;

	if (!nft_a_u32(x, 1, &reg) || !(x->have >> 2 & 1)) {
		r->fail = true;
		return;
	}
	if (reg == 0) {
		nft_tok_begin(r);
		if (!nft_verdict_of(r, x->a[2], &r->out))
			r->fail = true;
		nft_tok_end(r);
		return;
	}
	struct nft_reg *g = nft_dst(r, x, 1);
	if (g && nft_a_value(x, 2, g->val, sizeof(g->val), &n)) {
		g->kind = RK_CONST;
		g->len = (uint8_t)n;
	} else {
		r->fail = true;
	}
}

/* NFTA_BITWISE_SREG 1, DREG 2, LEN 3, MASK 4, XOR 5, OP 6 (mask-xor 0) */
static void ex_bitwise(struct nft_r *r, const struct nft_xa *x)
{
	uint32_t len, op = 0;
	size_t ml, xl;
	struct nft_reg *s = nft_src(r, x, 1), tmp;

	nft_a_u32(x, 6, &op);
	if (!s || s->kind != RK_LOAD || s->masked || op || !nft_a_u32(x, 3, &len) ||
	    len != s->len || len > sizeof(s->mask)) {
		r->fail = true;
		return;
	}
	tmp = *s;
	if (!nft_a_value(x, 4, tmp.mask, sizeof(tmp.mask), &ml) ||
	    !nft_a_value(x, 5, tmp.xor_, sizeof(tmp.xor_), &xl) || ml != len || xl != len) {
		r->fail = true;
		return;
	}
	s->consumed = true;
	tmp.masked = true;
	struct nft_reg *g = nft_dst(r, x, 2);
	if (g)
		*g = tmp;
}

bool nft_reg_text(struct nft_r *r, struct nft_reg *g, unsigned ty, bool host, struct sbuf *b)
{
	g->consumed = true;
	if (g->kind == RK_CONST)
		return nft_val(r, b, ty, host, g->val, g->len);
	if ((g->kind == RK_LOAD && !g->masked) || g->kind == RK_EXPR) {
		sbuf_puts(b, g->text);
		return true;
	}
	return false;
}

/* ---- relations ---- */

static bool all_zero(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return false;
	return true;
}

/* the length of a mask that is a prefix, or -1 */
static int prefix_len(const uint8_t *m, size_t n)
{
	int len = 0;
	size_t i = 0;

	for (; i < n && m[i] == 0xff; i++)
		len += 8;
	if (i < n) {
		uint8_t b = m[i++];
		for (; b & 0x80; b = (uint8_t)(b << 1))
			len++;
		if (b)
			return -1;
	}
	for (; i < n; i++)
		if (m[i])
			return -1;
	return len;
}

static unsigned uval16(const struct nft_r *r, const uint8_t *v)
{
	return r->cap_be ? (unsigned)v[0] << 8 | v[1] : (unsigned)v[1] << 8 | v[0];
}

/* what an equality on a plain load tells about the protocols, and the
 * token nft hides when a load that needs it follows */
static void context(struct nft_r *r, const struct nft_reg *g, const uint8_t *v, size_t n)
{
	int tok = (int)r->ntok - 1;

	switch (g->ck) {
	case CK_NFPROTO:
		r->nfproto = v[0];
		r->dep_net = tok;
		break;
	case CK_ETHERTYPE:
		if (n == 2) {
			unsigned et = (unsigned)v[0] << 8 | v[1];
			r->nfproto = et == 0x0800 ? NFP_IPV4 : et == 0x86dd ? NFP_IPV6
				   : et == 0x0806 ? NFP_ARP : -1;
			r->dep_net = tok;
		}
		break;
	case CK_L4:
		r->l4 = v[0];
		r->dep_l4 = tok;
		break;
	case CK_L4_KEEP:
		r->l4 = v[0];
		r->dep_l4 = -1;
		break;
	case CK_IIFTYPE:	/* meta iiftype ether, before an ether field */
		if (n == 2 && uval16(r, v) == 1)
			r->dep_link = tok;
		break;
	}
}

static const char *const cmp_ops[] = { "", "!= ", "< ", "<= ", "> ", ">= " };

/* a comparison after a mask: flags set (ct state established,related), an
 * address prefix (ip saddr 198.51.100.0/24), a mark's bits */
static bool masked_rel(struct nft_r *r, struct nft_reg *g, uint32_t op, const uint8_t *v,
		       size_t n)
{
	int pl;

	if (!all_zero(g->xor_, n))
		return false;
	if (nft_bits(g->ty))
		return op == 1 && all_zero(v, n) && !all_zero(g->mask, n) &&
		       nft_val(r, &r->out, g->ty, g->host, g->mask, n);
	if ((g->ty == TY_IPV4 || g->ty == TY_IPV6) && op <= 1 &&
	    (pl = prefix_len(g->mask, n)) >= 0) {
		sbuf_puts(&r->out, cmp_ops[op]);
		if (!nft_val(r, &r->out, g->ty, g->host, v, n))
			return false;
		sbuf_printf(&r->out, "/%d", pl);
		return true;
	}
	if (g->ty == TY_MARK) {
		sbuf_puts(&r->out, "& ");
		if (!nft_val(r, &r->out, g->ty, g->host, g->mask, n))
			return false;
		sbuf_puts(&r->out, op ? " " : " == ");
		sbuf_puts(&r->out, cmp_ops[op]);
		return nft_val(r, &r->out, g->ty, g->host, v, n);
	}
	return false;
}

static bool is_string(unsigned ty)
{
	return ty == TY_IFNAME || ty == TY_STRING;
}

/* NFTA_CMP_SREG 1, OP 2, DATA 3 */
static void ex_cmp(struct nft_r *r, const struct nft_xa *x)
{
	uint32_t op;
	uint8_t v[NFTSET_KEY];
	size_t n;
	struct nft_reg *g = nft_src(r, x, 1);

	if (!g || g->kind != RK_LOAD || !nft_a_u32(x, 2, &op) || op >= ARRAY_SIZE(cmp_ops) ||
	    !nft_a_value(x, 3, v, sizeof(v), &n) || !n ||
	    !(n == g->len || (is_string(g->ty) && n < g->len && !g->masked))) {
		r->fail = true;
		return;
	}
	g->consumed = true;
	nft_tok_begin(r);
	sbuf_puts(&r->out, g->text);
	sbuf_putc(&r->out, ' ');
	if (g->masked) {
		if (!masked_rel(r, g, op, v, n))
			r->fail = true;
	} else {
		/* a flags value compared whole: nft writes the "==" that tells it
		 * from "any of these bits" (ct state == established) */
		sbuf_puts(&r->out, op == 0 && nft_bits(g->ty) ? "== " : cmp_ops[op]);
		if (!nft_val(r, &r->out, g->ty, g->host, v, n))
			r->fail = true;
	}
	nft_tok_end(r);
	if (op == 0 && !g->masked)
		context(r, g, v, n);
}

/* NFTA_RANGE_SREG 1, OP 2, FROM_DATA 3, TO_DATA 4 */
static void ex_range(struct nft_r *r, const struct nft_xa *x)
{
	uint32_t op;
	uint8_t lo[NFTSET_KEY], hi[NFTSET_KEY];
	size_t nl, nh;
	struct nft_reg *g = nft_src(r, x, 1);

	if (!g || g->kind != RK_LOAD || g->masked || !nft_a_u32(x, 2, &op) || op > 1 ||
	    !nft_a_value(x, 3, lo, sizeof(lo), &nl) || !nft_a_value(x, 4, hi, sizeof(hi), &nh) ||
	    nl != g->len || nh != g->len) {
		r->fail = true;
		return;
	}
	g->consumed = true;
	nft_tok_begin(r);
	sbuf_printf(&r->out, "%s %s", g->text, cmp_ops[op]);
	if (!nft_val(r, &r->out, g->ty, g->host, lo, nl))
		r->fail = true;
	sbuf_putc(&r->out, '-');
	if (!nft_val(r, &r->out, g->ty, g->host, hi, nh))
		r->fail = true;
	nft_tok_end(r);
}

unsigned nft_concat(struct nft_r *r, struct nft_reg *g, struct nft_reg **parts, unsigned max,
		    struct sbuf *t)
{
	unsigned np = 0;

	/* a concatenation: the loads not yet used in the registers after it */
	parts[np++] = g;
	for (int s = (int)(g - r->reg);;) {
		s += (parts[np - 1]->len + 3) / 4;
		if (s >= NFT_SLOTS || np >= max)
			break;
		struct nft_reg *n = &r->reg[s];
		if (n->kind != RK_LOAD || n->consumed || n->masked || n->seq < parts[np - 1]->seq)
			break;
		parts[np++] = n;
	}
	for (unsigned i = 0; i < np; i++) {
		sbuf_printf(t, "%s%s", i ? " . " : "", parts[i]->text);
		parts[i]->consumed = true;
	}
	return np;
}

void nft_concat_text(struct nft_r *r, struct nft_reg *g, struct sbuf *t)
{
	struct nft_reg *parts[8];

	nft_concat(r, g, parts, ARRAY_SIZE(parts), t);
}

/* NFTA_LOOKUP_SET 1, SREG 2, DREG 3, SET_ID 4, FLAGS 5 (NFT_LOOKUP_F_INV) */
static void ex_lookup(struct nft_r *r, const struct nft_xa *x)
{
	const uint8_t *nm;
	size_t nn;
	uint32_t id = 0, flags = 0, dreg = 0;
	struct nft_reg *g = nft_src(r, x, 2), *parts[8];
	unsigned np;
	struct sbuf t = { 0 };

	nft_a_u32(x, 4, &id);
	nft_a_u32(x, 5, &flags);
	if (!g || g->kind != RK_LOAD || g->masked || flags > 1 || !nft_a_str(x, 1, &nm, &nn) ||
	    !nn) {
		r->fail = true;
		return;
	}
	np = nft_concat(r, g, parts, ARRAY_SIZE(parts), &t);
	bool anon = (nn > 2 && nm[0] == '_' && nm[1] == '_') || memchr(nm, '%', nn);
	bool has_dreg = nft_a_u32(x, 3, &dreg);
	if (has_dreg && dreg) {	/* a data map, read by what follows */
		struct nft_reg *o = anon || flags ? NULL : nft_dst(r, x, 3);
		if (o && t.len + nn + 7 < sizeof(o->text)) {
			o->kind = RK_EXPR;
			sbuf_puts(&t, " map @");
			sbuf_put(&t, (const char *)nm, nn);
			memcpy(o->text, t.p, t.len + 1);
		} else {
			r->fail = true;
		}
		sbuf_free(&t);
		return;
	}
	nft_tok_begin(r);
	sbuf_put(&r->out, t.p, t.len);
	sbuf_puts(&r->out, has_dreg ? " vmap " : flags ? " != " : " ");
	if (anon) {
		if (!nft_set_text(r, &r->out, nm, nn, id, parts, np, has_dreg))
			r->fail = true;
	} else {
		sbuf_putc(&r->out, '@');
		sbuf_escape(&r->out, nm, nn, 0);
	}
	nft_tok_end(r);
	sbuf_free(&t);
}

/* ---- the rule ---- */

static const struct {
	const char *name;
	void (*fn)(struct nft_r *r, const struct nft_xa *x);
} exprs[] = {
	{ "payload", ex_payload }, { "meta", ex_meta }, { "ct", ex_ct },
	{ "exthdr", nft_ex_exthdr }, { "fib", nft_ex_fib }, { "socket", nft_ex_socket },
	{ "osf", nft_ex_osf }, { "numgen", nft_ex_numgen }, { "hash", nft_ex_hash },
	{ "rt", nft_ex_rt },
	{ "immediate", ex_immediate }, { "bitwise", ex_bitwise }, { "cmp", ex_cmp },
	{ "range", ex_range }, { "lookup", ex_lookup },
};

/* one NFTA_LIST_ELEM: its name and data */
bool nft_expr_parse(struct nlc el, const uint8_t **nm, size_t *nn, struct nft_xa *x)
{
	struct nft_xa e;

	x->have = 0;
	if (!nft_xa_parse(el, &e) || !nft_a_str(&e, EXPR_NAME, nm, nn))
		return false;
	return !(e.have >> EXPR_DATA & 1) || nft_xa_parse(e.a[EXPR_DATA], x);
}

static void expr(struct nft_r *r, struct nlc el)
{
	struct nft_xa x;
	const uint8_t *nm;
	size_t nn;

	if (!nft_expr_parse(el, &nm, &nn, &x)) {
		r->fail = true;
		return;
	}
	for (size_t i = 0; i < ARRAY_SIZE(exprs); i++) {
		if (strlen(exprs[i].name) == nn && !memcmp(exprs[i].name, nm, nn)) {
			exprs[i].fn(r, &x);
			return;
		}
	}
	if (!nft_stmt(r, (const char *)nm, nn, &x))
		r->fail = true;
}

/* NFTNL_UDATA_RULE_COMMENT (0): type, length, a NUL-terminated string */
static void comment(struct sbuf *b, size_t start, const struct nlc *udata)
{
	struct nlc c = *udata;

	while (nlc_left(&c) >= 2) {
		uint8_t t = nlc_u8(&c), l = nlc_u8(&c);
		struct nlc v = nlc_sub(&c, l);
		const uint8_t *p;
		size_t n;
		if (!nlc_skip(&c, l))
			return;
		if (t == 0 && nlc_cstr(&v, &p, &n)) {
			sbuf_puts(b, b->len > start ? " comment \"" : "comment \"");
			sbuf_escape(b, p, n, '"');
			sbuf_putc(b, '"');
		}
	}
}

bool nft_rule_text(struct dctx *d, const uint8_t *table, size_t tn, const struct nlc *exprs_at,
		   const struct nlc *udata, struct sbuf *b)
{
	struct nft_r r;
	struct nlc it = *exprs_at, el;
	uint16_t t;
	size_t start = b->len;

	memset(&r, 0, sizeof(r));
	r.d = d;
	r.family = d->af > 0 && d->af < 256 ? (uint8_t)d->af : 0;
	r.table = table;
	r.tn = tn;
	r.cap_be = exprs_at->order == NLC_BE;
	r.request = d->nl_flags & NLM_F_REQUEST;
	r.nfproto = r.l4 = r.dep_net = r.dep_l4 = r.dep_link = -1;
	while (!r.fail && nla_next(&it, &t, &el)) {
		if (t != LIST_ELEM)
			r.fail = true;
		else
			expr(&r, el);
	}
	if (nlc_left(&it) || !nlc_ok(&it))
		r.fail = true;
	for (int i = 0; i < NFT_SLOTS && !r.fail; i++)
		if (r.reg[i].kind != RK_NONE && !r.reg[i].consumed)
			r.fail = true;	/* a value nothing reads */
	if (r.fail) {
		nft_rule_dbg(&r, exprs_at, b);
	} else {
		for (unsigned i = 0; i < r.ntok; i++) {
			if (r.tok[i].dead)
				continue;
			if (b->len > start)
				sbuf_putc(b, ' ');
			sbuf_put(b, r.out.p + r.tok[i].off, r.tok[i].len);
		}
	}
	if (udata)
		comment(b, start, udata);
	sbuf_free(&r.out);
	return b->len > start;
}
