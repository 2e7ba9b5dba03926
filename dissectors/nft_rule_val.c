/* nft_rule_val.c - values as nft prints them, by type (addresses,
 * protocols and ICMP types by name, marks in hex, flags by name,
 * interfaces by the name learned), verdicts, the anonymous sets a rule
 * names, and the learning of those sets from NEWSET and NEWSETELEM.
 * Reference: include/uapi/linux/netfilter/nf_tables.h (NFTA_SET_*,
 * NFTA_SET_ELEM_*, NFT_SET_*, NFTA_VERDICT_*), Linux 7.2.
 */
#include <stdlib.h>
#include <string.h>

#include "ifmap.h"
#include "nft_rule.h"
#include "state.h"

#define NLM_F_REQUEST 1
#define NFNL_SUBSYS_NFTABLES 10
enum { MSG_NEWSET = 9, MSG_NEWSETELEM = 12 };
/* NFTA_SET_TABLE 1, NAME 2, FLAGS 3, ID 10, HANDLE 16; NFTA_SET_ELEM_LIST_TABLE 1,
 * SET 2, ELEMENTS 3, SET_ID 4; NFTA_SET_ELEM_KEY 1, DATA 2, FLAGS 3,
 * KEY_END 9; NFTA_DATA_VERDICT 2; NFTA_VERDICT_CODE 1, CHAIN 2 */
enum { SET_ANONYMOUS = 1, SET_INTERVAL = 4, ELEM_INTERVAL_END = 1 };

/* an integer of n <= 8 bytes, big-endian or in the capture's host order */
static uint64_t uval(const struct nft_r *r, bool host, const uint8_t *p, size_t n)
{
	uint64_t v = 0;
	bool le = host && !r->cap_be;

	for (size_t i = 0; i < n; i++)
		v |= (uint64_t)p[le ? i : n - 1 - i] << (8 * i);
	return v;
}

static void quoted(struct sbuf *b, const uint8_t *p, size_t n)
{
	sbuf_putc(b, '"');
	sbuf_escape(b, p, n, '"');
	sbuf_putc(b, '"');
}

bool nft_val(struct nft_r *r, struct sbuf *b, unsigned ty, bool host, const uint8_t *p,
	     size_t n)
{
	bool num = r->d->numeric;
	const uint8_t *z;
	uint64_t v = n <= 8 ? uval(r, host, p, n) : 0;
	const char *nm;

	switch (ty) {
	case TY_INT:
		if (n > 8)
			return false;
		sbuf_u64(b, v);
		return true;
	case TY_HEX:
		if (n > 8)
			return false;
		sbuf_printf(b, "0x%llx", (unsigned long long)v);
		return true;
	case TY_IPV4:
		if (n != 4)
			return false;
		sbuf_ipv4(b, p);
		return true;
	case TY_IPV6:
		if (n != 16)
			return false;
		sbuf_ipv6(b, p);
		return true;
	case TY_ETHER:
		if (n != 6)
			return false;
		sbuf_lladdr(b, p, n);
		return true;
	case TY_MARK:
		if (n != 4)
			return false;
		sbuf_printf(b, "0x%08llx", (unsigned long long)v);
		return true;
	case TY_IFINDEX:
		if (n != 4)
			return false;
		nm = num ? NULL : ifmap_get(r->d->st->ifnames, (uint32_t)v);
		if (nm)
			quoted(b, (const uint8_t *)nm, strlen(nm));
		else
			sbuf_u64(b, v);
		return true;
	case TY_IFNAME:
	case TY_STRING:
		z = memchr(p, 0, n);
		quoted(b, p, z ? (size_t)(z - p) : n);
		if (!z && ty == TY_IFNAME) {	/* a prefix: "eth*" */
			b->len--;
			sbuf_puts(b, "*\"");
		}
		return true;
	case TY_CTSTATE:
	case TY_CTSTATUS:
	case TY_TCPFLAGS:
		if (n > 4 || !v)
			return false;
		if (num)
			sbuf_printf(b, "0x%llx", (unsigned long long)v);
		else
			sbuf_bit_names(b, nft_bits(ty), v, ',');
		return true;
	case TY_ETHERTYPE:
	case TY_PROTO:
	case TY_NFPROTO:
	case TY_ICMP:
	case TY_ICMP_CODE:
	case TY_ICMP6:
	case TY_ICMP6_CODE:
	case TY_CTDIR:
	case TY_ARPOP:
	case TY_PKTTYPE:
	case TY_ARPHRD:
	case TY_ADDRTYPE:
		if (n > 4)
			return false;
		nm = num ? NULL : nft_sym(ty, (uint32_t)v);
		if (nm)
			sbuf_puts(b, nm);
		else if (ty == TY_ETHERTYPE)
			sbuf_printf(b, "0x%04llx", (unsigned long long)v);
		else
			sbuf_u64(b, v);
		return true;
	default:
		return false;
	}
}

bool nft_verdict_text(struct sbuf *b, int32_t code, const uint8_t *chain, size_t cn)
{
	const char *nm = nft_verdict_name(code);

	if (!nm || ((code == -3 || code == -4) != (chain != NULL)))
		return false;
	sbuf_puts(b, nm);
	if (chain) {
		sbuf_putc(b, ' ');
		sbuf_escape(b, chain, cn, 0);
	}
	return true;
}

/* NFTA_DATA_VERDICT (2): NFTA_VERDICT_CODE 1, CHAIN 2 */
static bool verdict_of(struct nlc data, int32_t *code, const uint8_t **chain, size_t *cn)
{
	struct nft_xa d, v;
	uint32_t c;

	if (!nft_xa_parse(data, &d) || !(d.have >> 2 & 1) || !nft_xa_parse(d.a[2], &v) ||
	    !nft_a_u32(&v, 1, &c))
		return false;
	*code = (int32_t)c;
	*chain = NULL;
	*cn = 0;
	if ((v.have >> 2 & 1) && !nft_a_str(&v, 2, chain, cn))
		return false;
	return true;
}

bool nft_verdict_of(struct nft_r *r, struct nlc data, struct sbuf *b)
{
	int32_t code;
	const uint8_t *chain;
	size_t cn;

	(void)r;
	return verdict_of(data, &code, &chain, &cn) && nft_verdict_text(b, code, chain, cn);
}

/* ---- anonymous sets ---- */

/* elements by key; an interval's end before a start of the same key */
static int elem_cmp(const struct nftset_elem *a, const struct nftset_elem *b)
{
	int c = a->klen != b->klen ? (a->klen < b->klen ? -1 : 1) : memcmp(a->key, b->key, a->klen);

	return c ? c : (int)b->interval_end - (int)a->interval_end;
}

/* insertion sort of indexes (a set is at most NFTSET_ELEMS) */
static void sort_idx(const struct nftset *s, uint16_t *ix)
{
	for (unsigned i = 0; i < s->n; i++) {
		uint16_t v = (uint16_t)i;
		unsigned j = i;
		for (; j > 0 && elem_cmp(&s->elem[ix[j - 1]], &s->elem[v]) > 0; j--)
			ix[j] = ix[j - 1];
		ix[j] = v;
	}
}

/* a key split into the parts of a concatenation (each padded to 4 bytes) */
static bool key_text(struct nft_r *r, struct sbuf *b, const uint8_t *k, size_t klen,
		     struct nft_reg *const *parts, unsigned np)
{
	size_t off = 0;

	for (unsigned i = 0; i < np; i++) {
		size_t l = parts[i]->len, step = np > 1 ? (l + 3) / 4 * 4 : l;
		if (off + l > klen)
			return false;
		if (i)
			sbuf_puts(b, " . ");
		if (!nft_val(r, b, parts[i]->ty, parts[i]->host, k + off, l))
			return false;
		off += step;
	}
	return off == klen;
}

/* end - 1, big-endian */
static void dec(uint8_t *p, size_t n)
{
	for (size_t i = n; i-- > 0;)
		if (p[i]--)
			break;
}

/* an interval [lo, hi]: one value, a prefix of an address, or lo-hi */
static bool interval(struct nft_r *r, struct sbuf *b, const uint8_t *lo, const uint8_t *hi,
		     size_t n, const struct nft_reg *g)
{
	size_t i = 0;
	int pl = 0;

	if (!nft_val(r, b, g->ty, g->host, lo, n))
		return false;
	if (!memcmp(lo, hi, n))
		return true;
	if (g->ty == TY_IPV4 || g->ty == TY_IPV6) {
		/* lo ends in zeros and hi in ones, from the same bit on */
		for (; i < n && lo[i] == hi[i]; i++)
			pl += 8;
		uint8_t x = (uint8_t)(lo[i] ^ hi[i]);
		bool ok = (x & (x + 1)) == 0 && !(lo[i] & x) && (hi[i] & x) == x;
		for (uint8_t m = 0x80; m && !(x & m); m >>= 1)
			pl++;
		for (size_t j = i + 1; ok && j < n; j++)
			ok = !lo[j] && hi[j] == 0xff;
		if (ok) {
			sbuf_printf(b, "/%d", pl);
			return true;
		}
	}
	sbuf_putc(b, '-');
	return nft_val(r, b, g->ty, g->host, hi, n);
}

bool nft_set_text(struct nft_r *r, struct sbuf *b, const uint8_t *name, size_t nn,
		  uint32_t id, struct nft_reg *const *parts, unsigned np, bool vmap)
{
	const struct nftset *s = nftset_get(r->d->st->nftsets, r->family, r->table, r->tn, name,
					    nn, id);
	uint16_t ix[NFTSET_ELEMS];
	uint8_t hi[NFTSET_KEY];
	unsigned shown = 0;
	bool ivl;

	if (!s || s->incomplete || !s->n)
		return false;
	ivl = (s->flags & SET_INTERVAL) != 0;
	if (ivl && (np != 1 || vmap))
		return false;
	sort_idx(s, ix);
	sbuf_puts(b, "{ ");
	for (unsigned i = 0; i < s->n; i++) {
		const struct nftset_elem *e = &s->elem[ix[i]];
		if (e->interval_end && ivl)
			continue;	/* an end without its start (the 0 marker) */
		if (shown++)
			sbuf_puts(b, ", ");
		if (ivl) {
			const struct nftset_elem *f = i + 1 < s->n ? &s->elem[ix[i + 1]] : NULL;
			if (e->klen != parts[0]->len || e->klen > sizeof(hi))
				return false;
			if (f && f->interval_end && f->klen == e->klen) {
				memcpy(hi, f->key, f->klen);
				dec(hi, f->klen);
			} else {
				memset(hi, 0xff, e->klen);
			}
			if (!interval(r, b, e->key, hi, e->klen, parts[0]))
				return false;
			continue;
		}
		if (e->interval_end || !key_text(r, b, e->key, e->klen, parts, np))
			return false;
		if (vmap) {
			sbuf_puts(b, " : ");
			if (!e->verdict || !nft_verdict_text(b, e->code, e->dlen ? e->data : NULL,
							     e->dlen))
				return false;
		} else if (e->dlen || e->verdict) {
			return false;	/* a map's data: typed by what reads it */
		}
	}
	sbuf_puts(b, " }");
	return shown > 0;
}

/* ---- learning ---- */

static bool anon_name(const uint8_t *p, size_t n)
{
	return (n > 2 && p[0] == '_' && p[1] == '_') || memchr(p, '%', n);
}

/* one NFTA_LIST_ELEM of a NEWSETELEM */
static void learn_elem(struct nftset *s, struct nlc el)
{
	struct nft_xa x;
	struct nftset_elem *e;
	size_t n;
	uint32_t flags = 0;

	uint8_t key[NFTSET_KEY];
	size_t kl = 0;

	if (!nft_xa_parse(el, &x) || (x.have >> 9 & 1)) {
		s->incomplete = true;
		return;
	}
	nft_a_u32(&x, 3, &flags);
	if (!nft_a_value(&x, 1, key, sizeof(key), &kl) && !(flags & ELEM_INTERVAL_END))
		s->incomplete = true;
	/* an element seen again (the set dumped again) replaces itself */
	e = NULL;
	for (unsigned i = 0; i < s->n && !e; i++)
		if (s->elem[i].klen == kl && !memcmp(s->elem[i].key, key, kl) &&
		    s->elem[i].interval_end == ((flags & ELEM_INTERVAL_END) != 0))
			e = &s->elem[i];
	if (e)
		memset(e, 0, sizeof(*e));
	else if (!(e = nftset_add(s)))
		return;
	e->interval_end = flags & ELEM_INTERVAL_END;
	e->klen = (uint8_t)kl;
	memcpy(e->key, key, kl);
	if (!(x.have >> 2 & 1))
		return;
	if (nft_data_value(x.a[2], e->data, sizeof(e->data), &n)) {
		e->dlen = (uint8_t)n;
	} else {
		const uint8_t *chain;
		size_t cn;
		if (!verdict_of(x.a[2], &e->code, &chain, &cn) || cn > sizeof(e->data)) {
			s->incomplete = true;
			return;
		}
		e->verdict = true;
		e->dlen = (uint8_t)cn;
		if (cn)
			memcpy(e->data, chain, cn);
	}
}

void nft_rule_learn(struct nlstate *st, uint16_t type, uint16_t flags, struct nlc p)
{
	unsigned msg = type & 0xff;
	struct nft_xa x;
	const uint8_t *tb, *nm;
	size_t tn, nn;
	uint32_t id = 0, sflags = 0;
	uint8_t fam;

	if (st->learning || type >> 8 != NFNL_SUBSYS_NFTABLES ||
	    (msg != MSG_NEWSET && msg != MSG_NEWSETELEM))
		return;
	fam = nlc_u8(&p);
	nlc_skip(&p, 3);
	if (!nlc_ok(&p) || !nft_xa_parse(p, &x) || !nft_a_str(&x, 1, &tb, &tn) ||
	    !nft_a_str(&x, 2, &nm, &nn) || !anon_name(nm, nn))
		return;
	(void)flags;
	if (msg == MSG_NEWSET) {
		/* a dump of a set seen before keeps its elements: the same
		 * handle; a request (no handle) creates it */
		struct nftset *s;
		uint64_t handle = 0;
		nft_a_u32(&x, 10, &id);
		nft_a_u32(&x, 3, &sflags);
		nft_a_u64(&x, 16, &handle);
		if (!(sflags & SET_ANONYMOUS))
			return;
		s = nftset_open(&st->nftsets, fam, tb, tn, nm, nn, id, false);
		if (s && (!handle || s->handle != handle)) {
			s = nftset_open(&st->nftsets, fam, tb, tn, nm, nn, id, true);
			s->handle = handle;
		}
		if (s)
			s->flags = sflags;
		return;
	}
	nft_a_u32(&x, 4, &id);
	struct nftset *s = nftset_open(&st->nftsets, fam, tb, tn, nm, nn, id, false);
	struct nlc it, el;
	uint16_t t;
	if (!s || !(x.have >> 3 & 1))
		return;
	it = x.a[3];
	/* the kernel reads every nested attribute as an element (libnftnl
	 * numbers them 1, 2, ...) */
	while (nla_next(&it, &t, &el))
		learn_elem(s, el);
	if (nlc_left(&it))
		s->incomplete = true;
}
