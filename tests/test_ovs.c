/* test_ovs.c - Open vSwitch dissectors on messages built by hand from the
 * kernel ABI (include/uapi/linux/openvswitch.h): every key struct, masks,
 * nested actions, malformed key lengths, encap recursion past the limit. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "genlmap.h"
#include "nlcore.h"
#include "ovs_common.h"
#include "state.h"

static int failures;

#define CHECK(c, ...) do { if (!(c)) { failures++; fprintf(stderr, "%s:%d: ", __FILE__, __LINE__); \
	fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); } } while (0)

/* ---- a tiny message builder ---- */

struct buf {
	uint8_t b[4096];
	size_t n;
	size_t stack[32];
	int sp;
};

static void put(struct buf *m, const void *p, size_t n)
{
	memcpy(m->b + m->n, p, n);
	m->n += n;
}

static void pad4(struct buf *m)
{
	while (m->n % 4)
		m->b[m->n++] = 0;
}

/* an attribute header for n bytes of value (written by the caller) */
static void attr_hdr(struct buf *m, uint16_t type, size_t n)
{
	uint16_t h[2] = { (uint16_t)(4 + n), type };
	put(m, h, 4);
}

/* Empty attributes (flags, nests) never pass a null pointer down to memcpy:
 * GCC 12 at -O3 specialises attr() for p == NULL and flags the memcpy
 * (-Werror=nonnull) even behind an n != 0 test. */
static void attr(struct buf *m, uint16_t type, const void *p, size_t n)
{
	attr_hdr(m, type, n);
	put(m, p, n);
	pad4(m);
}

static void u32a(struct buf *m, uint16_t type, uint32_t v) { attr(m, type, &v, 4); }
static void u16a(struct buf *m, uint16_t type, uint16_t v) { attr(m, type, &v, 2); }
static void flag(struct buf *m, uint16_t type) { attr_hdr(m, type, 0); }

static void nest(struct buf *m, uint16_t type)
{
	m->stack[m->sp++] = m->n;
	attr_hdr(m, type, 0);
}

static void end(struct buf *m)
{
	size_t at = m->stack[--m->sp];
	uint16_t len = (uint16_t)(m->n - at);
	memcpy(m->b + at, &len, 2);
}

/* ---- rendering helpers ---- */

static char *keys_text(const struct buf *k, const struct buf *mask)
{
	static struct sbuf s;
	struct nlc kc = nlc_init(k->b, k->n, k->n);
	struct nlc mc = mask ? nlc_init(mask->b, mask->n, mask->n) : kc;

	sbuf_reset(&s);
	sbuf_puts(&s, "");
	ovs_odp_keys(NULL, &s, &kc, mask ? &mc : NULL);
	return s.p;
}

static char *acts_text(const struct buf *a)
{
	static struct sbuf s;
	struct nlc c = nlc_init(a->b, a->n, a->n);

	sbuf_reset(&s);
	sbuf_puts(&s, "");
	ovs_odp_actions(NULL, &s, &c);
	return s.p;
}

#define EXPECT_STR(got, want) CHECK(!strcmp((got), (want)), "got  %s\n    want %s", (got), (want))

/* ---- whole-message decoding ---- */

#define FAM_FLOW 0x22

struct result {
	unsigned malformed, unknown;
	json_t *json;
};

/* Decode one ovs_flow message (cmd, attrs) and return its JSON and counts;
 * with echo, as the request echoed in an NLMSG_ERROR (EINVAL). */
static struct result decode_flow_as(uint8_t cmd, const struct buf *attrs, bool echo)
{
	static struct nlstate st;
	struct buf m = { .n = 0 };
	struct result r = { 0 };
	uint32_t hdr[4] = { 0, FAM_FLOW | (1u << 16), 1, 0 };	/* len, type|flags<<16 */
	uint8_t genl[4] = { cmd, 1, 0, 0 };
	int32_t dp = 7;

	if (!st.genl) {
		st.genl = genl_map_new();
		genl_map_set(st.genl, FAM_FLOW, "ovs_flow", GENL_SRC_USER, false);
	}
	put(&m, hdr, 16);
	put(&m, genl, 4);
	put(&m, &dp, 4);
	put(&m, attrs->b, attrs->n);
	uint32_t len = (uint32_t)m.n;
	memcpy(m.b, &len, 4);
	if (echo) {
		struct buf e2 = { .n = 0 };
		uint32_t eh[4] = { 0, 2, 1, 0 };
		int32_t code = -22;
		put(&e2, eh, 16);
		put(&e2, &code, 4);
		put(&e2, m.b, m.n);
		len = (uint32_t)e2.n;
		memcpy(e2.b, &len, 4);
		m = e2;
	}

	char *out = NULL;
	size_t outn = 0;
	FILE *f = open_memstream(&out, &outn);
	struct emitter e;
	struct nl_opts o = { .tfmt = NLT_NONE };
	nl_core_init(&st, &o);
	emit_init(&e, EMIT_JSON, f);
	struct nl_frame fr = { .no = 1, .proto = 16, .data = m.b, .len = len, .caplen = len };
	nl_decode_frame(&st, &e, &fr);
	emit_flush(&e);
	r.malformed = (unsigned)e.tot_malformed;
	r.unknown = (unsigned)e.tot_unknown;
	emit_fini(&e);
	fclose(f);
	json_error_t err;
	r.json = json_loads(out, 0, &err);
	CHECK(r.json != NULL, "JSON: %s in %s", err.text, out ? out : "(null)");
	free(out);
	return r;
}

static struct result decode_flow(uint8_t cmd, const struct buf *attrs)
{
	return decode_flow_as(cmd, attrs, false);
}

static const char *odp_of(json_t *j)
{
	json_t *o = j ? json_object_get(j, "odp") : NULL;
	return o ? json_string_value(o) : "";
}

/* ---- the key structs, exact ---- */

static void key_all_structs(struct buf *k)
{
	uint8_t eth[12] = { 2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2 };
	uint8_t ip4[12] = { 192, 0, 2, 1, 192, 0, 2, 2, 6, 0x10, 64, 0 };
	uint8_t ports[4] = { 0x03, 0xe8, 0x00, 0x50 };
	uint16_t et = 0x0008;	/* 0x0800 big-endian */

	u32a(k, 20, 0);			/* recirc_id */
	u32a(k, 2, 3);			/* priority */
	u32a(k, 3, 1);			/* in_port */
	u32a(k, 15, 0x42);		/* skb_mark */
	u32a(k, 22, 0x21);		/* ct_state new|trk */
	u16a(k, 23, 5);			/* ct_zone */
	attr(k, 4, eth, 12);
	attr(k, 6, &et, 2);
	attr(k, 7, ip4, 12);
	attr(k, 9, ports, 4);
}

static void test_keys(void)
{
	struct buf k = { .n = 0 };

	key_all_structs(&k);
	EXPECT_STR(keys_text(&k, NULL),
		   "recirc_id(0),skb_priority(0x3),in_port(1),skb_mark(0x42),ct_state(new|trk),"
		   "ct_zone(0x5),eth(src=02:00:00:00:00:01,dst=02:00:00:00:00:02),eth_type(0x0800),"
		   "ipv4(src=192.0.2.1,dst=192.0.2.2,proto=6,tos=0x10,ttl=64,frag=no),tcp(src=1000,dst=80)");

	struct buf k6 = { .n = 0 };
	uint8_t ip6[40] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1, [16] = 0x20, 0x01, 0x0d, 0xb8, [31] = 2,
			    [34] = 0x12, [35] = 0x34, [36] = 58, [37] = 0, [38] = 255, [39] = 0 };
	uint8_t icmp6[2] = { 135, 0 };
	uint8_t nd[28] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1, [16] = 2, [21] = 9 };
	uint8_t ndx[8] = { 0, 0, 0, 1, 2 };
	uint8_t exth[2] = { 0x40, 0 };
	attr(&k6, 8, ip6, 40);
	attr(&k6, 12, icmp6, 2);
	attr(&k6, 14, nd, 28);
	attr(&k6, 30, ndx, 8);
	attr(&k6, 32, exth, 2);
	EXPECT_STR(keys_text(&k6, NULL),
		   "ipv6(src=2001:db8::1,dst=2001:db8::2,label=0x1234,proto=58,tclass=0,hlimit=255,frag=no),"
		   "icmpv6(type=135,code=0),nd(target=2001:db8::1,sll=02:00:00:00:00:09,tll=00:00:00:00:00:00),"
		   "nd_ext(nd_reserved=0x1,nd_options_type=2),key32(40 00)");

	struct buf ka = { .n = 0 };
	uint8_t arp[24] = { 10, 0, 0, 1, 10, 0, 0, 2, 0, 1, 2, 0, 0, 0, 0, 6 };
	uint16_t tci = 0x0a30;		/* be 0x300a: pcp 1, cfi, vid 10 */
	uint32_t lse = 0x40410600u;	/* be 0x00064140: label 100, bos, ttl 64 */
	uint8_t ct4[16] = { 10, 0, 0, 1, 10, 0, 0, 2, 0, 80, 0x1f, 0x90, 6 };
	uint8_t udp[4] = { 0, 53, 0, 54 };
	uint8_t sctp[4] = { 0, 1, 0, 2 };
	uint8_t icmp[2] = { 8, 0 };
	uint8_t labels[16] = { 1 };
	attr(&ka, 5, &tci, 2);
	attr(&ka, 13, arp, 24);
	attr(&ka, 21, &lse, 4);
	attr(&ka, 26, ct4, 16);
	attr(&ka, 10, udp, 4);
	attr(&ka, 17, sctp, 4);
	attr(&ka, 11, icmp, 2);
	attr(&ka, 25, labels, 16);
	u32a(&ka, 24, 0x10);
	u32a(&ka, 19, 0xabc);
	EXPECT_STR(keys_text(&ka, NULL),
		   "vlan(vid=10,pcp=1),arp(sip=10.0.0.1,tip=10.0.0.2,op=1,sha=02:00:00:00:00:06,"
		   "tha=00:00:00:00:00:00),mpls(label=100,tc=0,ttl=64,bos=1),ct_tuple4(src=10.0.0.1,"
		   "dst=10.0.0.2,proto=6,tp_src=80,tp_dst=8080),udp(src=53,dst=54),sctp(src=1,dst=2),"
		   "icmp(type=8,code=0),ct_label(0x1),ct_mark(0x10),dp_hash(0xabc)");

	/* the whole message decodes without problems */
	struct buf a = { .n = 0 };
	nest(&a, 1);
	put(&a, k.b, k.n);
	put(&a, k6.b, k6.n);
	put(&a, ka.b, ka.n);
	end(&a);
	struct result r = decode_flow(1, &a);
	CHECK(r.malformed == 0 && r.unknown == 0, "keys: %u malformed, %u unknown",
	      r.malformed, r.unknown);
	json_t *ip = json_object_get(json_object_get(json_object_get(r.json, "attrs"), "key"), "ipv4");
	CHECK(ip && !strcmp(json_string_value(json_object_get(ip, "dst")), "192.0.2.2"),
	      "ipv4 dst in JSON");
	json_decref(r.json);
}

/* ---- masks ---- */

static void test_masks(void)
{
	struct buf k = { .n = 0 }, m = { .n = 0 };
	uint8_t eth[12] = { 2, 0, 0, 0, 0x10, 1, 2, 0, 0, 0, 0x10, 2 };
	uint8_t ethm[12] = { 0xff, 0xff, 0xff, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	uint8_t ip4[12] = { 192, 0, 2, 0, 198, 51, 100, 0, 17, 0xc0, 0, 0 };
	uint8_t ip4m[12] = { 255, 255, 255, 0, 0, 0, 0, 0, 0xff, 0xfc, 0, 0xff };
	uint8_t udp[4] = { 0, 0, 0, 53 }, udpm[4] = { 0, 0, 0xff, 0xff };
	uint8_t tcpz[4] = { 0 };
	uint16_t et = 0x0008, etm = 0xffff;
	uint16_t tf = 0x0200, tfm = 0x0200;	/* be 0x0002: syn */

	u32a(&k, 20, 0); u32a(&m, 20, 0);
	u32a(&k, 3, 1); u32a(&m, 3, 0xffffffff);
	u32a(&k, 15, 0x42); u32a(&m, 15, 0xff);
	u32a(&k, 22, 0x21); u32a(&m, 22, 0x23);
	attr(&k, 4, eth, 12); attr(&m, 4, ethm, 12);
	attr(&k, 6, &et, 2); attr(&m, 6, &etm, 2);
	attr(&k, 7, ip4, 12); attr(&m, 7, ip4m, 12);
	attr(&k, 10, udp, 4); attr(&m, 10, udpm, 4);
	attr(&k, 9, tcpz, 4); attr(&m, 9, tcpz, 4);
	attr(&k, 18, &tf, 2); attr(&m, 18, &tfm, 2);
	EXPECT_STR(keys_text(&k, &m),
		   "in_port(1),skb_mark(0x42/0xff),ct_state(+new-est+trk),"
		   "eth(src=02:00:00:00:10:01/ff:ff:ff:00:00:00,dst=02:00:00:00:10:02),eth_type(0x0800),"
		   "ipv4(src=192.0.2.0/255.255.255.0,proto=17,tos=0xc0/0xfc,frag=no),udp(dst=53),"
		   "tcp_flags(+syn)");

	/* an all-zero ethernet mask keeps an empty eth() */
	struct buf k2 = { .n = 0 }, m2 = { .n = 0 };
	uint8_t z12[12] = { 0 };
	attr(&k2, 4, eth, 12); attr(&m2, 4, z12, 12);
	EXPECT_STR(keys_text(&k2, &m2), "eth()");

	/* tunnel with masked flags */
	struct buf k3 = { .n = 0 }, m3 = { .n = 0 };
	uint64_t id = 0x2a00000000000000ull, idm = ~0ull;
	uint8_t src[4] = { 198, 51, 100, 2 }, dst[4] = { 192, 0, 2, 1 }, ff[4] = { 255, 255, 255, 255 };
	uint8_t ttl = 64, ttlm = 0xff;
	nest(&k3, 16);
	attr(&k3, 0, &id, 8); attr(&k3, 1, src, 4); attr(&k3, 2, dst, 4); attr(&k3, 4, &ttl, 1);
	flag(&k3, 6);
	end(&k3);
	nest(&m3, 16);
	attr(&m3, 0, &idm, 8); attr(&m3, 1, ff, 4); attr(&m3, 2, ff, 4); attr(&m3, 4, &ttlm, 1);
	flag(&m3, 5); flag(&m3, 6);
	end(&m3);
	EXPECT_STR(keys_text(&k3, &m3),
		   "tunnel(tun_id=0x2a,src=198.51.100.2,dst=192.0.2.1,ttl=64,flags(-df+csum+key))");
}

/* ---- actions: sample inside clone inside check_pkt_len, ct with nat ---- */

static void test_actions(void)
{
	struct buf a = { .n = 0 };
	uint32_t half = 0x7fffffff;
	uint8_t nat_lo[4] = { 203, 0, 113, 1 }, nat_hi[4] = { 203, 0, 113, 10 };
	uint32_t mark[2] = { 1, 0xff };
	uint8_t pv[4] = { 0x81, 0x00, 0x30, 0x14 };	/* tpid 0x8100, tci pcp 1 cfi vid 20 */
	uint32_t tr = 100;

	nest(&a, 21);				/* check_pkt_len */
	u16a(&a, 1, 200);
	nest(&a, 2);				/* actions_if_greater */
	nest(&a, 20);				/* clone */
	nest(&a, 6);				/* sample */
	u32a(&a, 1, half);
	nest(&a, 2);
	nest(&a, 2);				/* userspace */
	u32a(&a, 1, 4243);
	end(&a);
	end(&a);
	end(&a);
	attr(&a, 4, pv, 4);			/* push_vlan */
	u32a(&a, 1, 2);
	end(&a);
	end(&a);
	nest(&a, 3);				/* actions_if_less_equal */
	u32a(&a, 1, 3);
	end(&a);
	end(&a);
	nest(&a, 12);				/* ct */
	flag(&a, 1);
	u16a(&a, 2, 7);
	attr(&a, 3, mark, 8);
	nest(&a, 6);
	flag(&a, 1);
	attr(&a, 3, nat_lo, 4);
	attr(&a, 4, nat_hi, 4);
	u16a(&a, 5, 1000);
	u16a(&a, 6, 2000);
	end(&a);
	end(&a);
	attr(&a, 13, &tr, 4);			/* trunc */
	flag(&a, 16);				/* ct_clear */
	u32a(&a, 7, 0x20);			/* recirc */
	u32a(&a, 19, 0);			/* meter */
	EXPECT_STR(acts_text(&a),
		   "check_pkt_len(size=200,gt(clone(sample(sample=50.0%,actions(userspace(pid=4243))),"
		   "push_vlan(vid=20,pcp=1),2)),le(3)),ct(commit,zone=7,mark=0x1/0xff,"
		   "nat(src=203.0.113.1-203.0.113.10:1000-2000)),trunc(100),ct_clear,recirc(0x20),meter(0)");

	struct buf fa = { .n = 0 };
	nest(&fa, 2);
	put(&fa, a.b, a.n);
	end(&fa);
	struct result r = decode_flow(1, &fa);
	CHECK(r.malformed == 0 && r.unknown == 0, "actions: %u malformed, %u unknown",
	      r.malformed, r.unknown);
	CHECK(strstr(odp_of(r.json), "actions:check_pkt_len(size=200,gt(clone(") != NULL,
	      "odp field: %s", odp_of(r.json));
	json_decref(r.json);

	struct buf empty = { .n = 0 };
	EXPECT_STR(acts_text(&empty), "drop");

	/* set_masked */
	struct buf sm = { .n = 0 };
	uint8_t ipv[24] = { 203, 0, 113, 20, 0, 0, 0, 0, 0, 0, 32, 0,
			    255, 255, 255, 255, 0, 0, 0, 0, 0, 0, 0xff, 0 };
	nest(&sm, 11);
	attr(&sm, 7, ipv, 24);
	end(&sm);
	EXPECT_STR(acts_text(&sm), "set(ipv4(src=203.0.113.20,ttl=32))");
}

/* ---- malformed shapes ---- */

static void test_malformed(void)
{
	struct buf a = { .n = 0 };
	uint8_t ip4short[11] = { 0 };

	nest(&a, 1);
	attr(&a, 7, ip4short, 11);
	end(&a);
	struct result r = decode_flow(1, &a);
	CHECK(r.malformed >= 1, "short ipv4 key: %u malformed", r.malformed);
	json_decref(r.json);

	struct buf b = { .n = 0 };
	uint8_t ethlong[16] = { 0 };
	nest(&b, 1);
	attr(&b, 4, ethlong, 16);
	end(&b);
	r = decode_flow(1, &b);
	CHECK(r.malformed >= 1, "long ethernet key: %u malformed", r.malformed);
	json_decref(r.json);

	/* encap inside encap ... deeper than the nesting limit */
	struct buf c = { .n = 0 };
	uint16_t et = 0x0081;
	nest(&c, 1);
	for (int i = 0; i < NL_MAX_DEPTH + 3; i++) {
		attr(&c, 6, &et, 2);
		nest(&c, 1);
	}
	for (int i = 0; i < NL_MAX_DEPTH + 3; i++)
		end(&c);
	end(&c);
	r = decode_flow(1, &c);
	CHECK(r.malformed >= 1, "deep encap: %u malformed", r.malformed);
	char *txt = json_dumps(r.json, 0);
	CHECK(strstr(txt, "nesting deeper") != NULL, "deep encap reason");
	free(txt);
	json_decref(r.json);
}

/* ovs-vswitchd probes the kernel with sample inside sample ... nine deep:
 * every level decodes (eight inside an echoed request, which starts one
 * level down). */
static void test_deep_samples(void)
{
	for (int echo = 0; echo < 2; echo++) {
		struct buf a = { .n = 0 };
		int levels = echo ? 8 : 9;
		nest(&a, 2);
		for (int i = 0; i < levels; i++) {
			nest(&a, 6);
			u32a(&a, 1, 0xffffffff);
			nest(&a, 2);
		}
		u32a(&a, 1, 1);
		for (int i = 0; i < levels; i++) {
			end(&a);
			end(&a);
		}
		end(&a);
		struct result r = decode_flow_as(1, &a, echo);
		CHECK(r.malformed == 0, "deep samples (echo %d): %u malformed", echo, r.malformed);
		char *txt = json_dumps(r.json, 0);
		int n = 0;
		for (const char *p = txt; (p = strstr(p, "\"sample\"")); p++)
			n++;
		CHECK(n == levels, "deep samples (echo %d): %d sample objects", echo, n);
		CHECK(strstr(txt, "{\"output\": 1}") != NULL, "deep samples (echo %d): innermost output", echo);
		free(txt);
		json_decref(r.json);
	}
}

/* ---- the ODP text's tables follow the key policy ----
 * ovs_key_odp and ovs_tunnel_odp add only ODP names and styles to the key
 * policy; every member they name must be one the policy declares, and a
 * struct's members must add up to its size (the ODP text finds a member's
 * offset by walking the widths before it). */

static unsigned member_width(const struct nl_attr_pol *f)
{
	switch (f->kind) {
	case NLA_KIND_U8: return 1;
	case NLA_KIND_U16: case NLA_KIND_BE16: return 2;
	case NLA_KIND_U32: case NLA_KIND_BE32: case NLA_KIND_IPV4: return 4;
	case NLA_KIND_BE64: return 8;
	case NLA_KIND_IPV6: return 16;
	case NLA_KIND_MAC: return f->len ? f->len : 6;
	default: return f->len;
	}
}

static void test_odp_tables(void)
{
	unsigned structs = 0;

	CHECK(ovs_key_odp_count == ovs_key_set.max + 1, "ovs_key_odp has %u slots, the key set %u",
	      ovs_key_odp_count, ovs_key_set.max + 1);
	for (unsigned t = 0; t < ovs_key_odp_count; t++) {
		const struct ovs_odp_key *ok = &ovs_key_odp[t];
		const struct nl_attr_pol *pol = &ovs_key_set.attrs[t];
		if (ok->style == ODP_RAW)
			continue;
		CHECK(ok->name && pol->name, "key %u: ODP style without a name or a policy", t);
		if ((ok->style == ODP_ENCAP || ok->style == ODP_TUNNEL || ok->style == ODP_NSH))
			CHECK(pol->nest != NULL, "key %s: no nested set", pol->name);
		if (ok->style == ODP_FLAGS)
			CHECK(pol->bits != NULL, "key %s: flags without bit names", pol->name);
		if (ok->style != ODP_STRUCT)
			continue;
		structs++;
		const struct nl_struct *st = pol->st;
		CHECK(st != NULL, "key %s: ODP_STRUCT without .st", pol->name);
		if (!st)
			continue;
		unsigned sum = 0;
		for (unsigned i = 0; i < st->nfields; i++)
			sum += member_width(&st->fields[i]);
		CHECK(sum == st->size, "%s: members add up to %u, size %u", st->name, sum, st->size);
		for (unsigned j = 0; j < ok->nmembers; j++) {
			const struct ovs_odp_member *om = &ok->members[j];
			CHECK(om->idx < st->nfields && st->fields[om->idx].name,
			      "%s: ODP member %u is no named member", st->name, om->idx);
		}
	}
	CHECK(structs == 13, "%u key structs in ODP text, want 13", structs);
	CHECK(ovs_action_odp_count == ovs_action_set.max + 1, "ovs_action_odp has %u slots, actions %u",
	      ovs_action_odp_count, ovs_action_set.max + 1);
	for (unsigned t = 0; t < ovs_action_odp_count; t++) {
		const struct nl_attr_pol *pol = &ovs_action_set.attrs[t];
		unsigned a = ovs_action_odp[t];
		if (a == ODPA_RAW)
			continue;
		CHECK(pol->name != NULL, "action %u: ODP style without a policy", t);
		if (a == ODPA_USERSPACE || a == ODPA_SAMPLE || a == ODPA_CT || a == ODPA_PUSH_NSH ||
		    a == ODPA_CHECK_PKT_LEN || a == ODPA_DEC_TTL || a == ODPA_PSAMPLE)
			CHECK(pol->nest != NULL, "action %s: no nested set", pol->name);
		if (a == ODPA_DEC || a == ODPA_HEX)
			CHECK(pol->kind == NLA_KIND_U32 || (pol->st && pol->st->size == 4),
			      "action %s: not 4 bytes", pol->name);
		if (a == ODPA_PUSH_ETH)
			CHECK(pol->st != NULL, "action %s: no struct", pol->name);
	}
	const struct nl_attr_set *nsh = ovs_key_set.attrs[28].nest;	/* OVS_KEY_ATTR_NSH */
	for (unsigned t = 0; t < ovs_nsh_odp_count; t++) {
		const struct ovs_odp_key *ok = &ovs_nsh_odp[t];
		if (ok->style != ODP_STRUCT)
			continue;
		const struct nl_struct *st = t <= nsh->max ? nsh->attrs[t].st : NULL;
		CHECK(st != NULL, "nsh %u: ODP_STRUCT without .st", t);
		for (unsigned j = 0; st && j < ok->nmembers; j++)
			CHECK(ok->members[j].idx < st->nfields, "nsh %s: member %u", st->name,
			      ok->members[j].idx);
	}
	for (unsigned t = 0; t < ovs_tunnel_odp_count; t++) {
		const struct ovs_odp_member *om = &ovs_tunnel_odp[t];
		const struct nl_attr_pol *pol = &ovs_tunnel_key_set.attrs[t];
		if (om->name)
			CHECK(pol->name && member_width(pol), "tunnel %u (%s): no fixed-size policy", t,
			      om->name);
		if (om->style == ODPM_FLAG)
			CHECK(pol->kind == NLA_KIND_FLAG && om->flag, "tunnel %u: flag without a bit", t);
	}
}

int main(void)
{
	test_odp_tables();
	test_deep_samples();
	test_keys();
	test_masks();
	test_actions();
	test_malformed();
	if (failures)
		fprintf(stderr, "%d failure(s)\n", failures);
	return failures ? 1 : 0;
}
