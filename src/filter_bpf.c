/* filter_bpf.c - the capture filter: a display filter's tests on the
 * protocol, the message type, the generic netlink family and the direction
 * compiled to classic BPF over an nlmon frame (filter_bpf.h).
 *
 * References: include/uapi/linux/filter.h and bpf_common.h (the classic
 * BPF instruction set), include/uapi/linux/netlink.h (nlmsghdr), libpcap's
 * LINKTYPE_NETLINK (the cooked header, capture.c's drawing):
 *
 *   0  packet type (be16)   6 to user, 7 to kernel
 *   14 protocol (be16)      NETLINK_ROUTE 0 ... NETLINK_GENERIC 16
 *   16 nlmsg_len (u32)      the first message's header, in the byte order
 *   20 nlmsg_type (u16)     of the kernel that made the frame; for
 *   22 nlmsg_flags (u16)    NETLINK_GENERIC the type is the family id
 *
 * Soundness.  Every frame the display filter keeps must pass.  Each test of
 * the filter becomes a predicate over the frame, exact where the frame's
 * bytes decide it, "unknown" elsewhere (a test on attributes, time, frame
 * numbers; a family name the kernel does not know yet).  Of the tree of
 * and/or/not, the program computes an over-approximation: unknown is true,
 * under a "not" false (the over-approximation of "not a" is "not" of a's
 * under-approximation).
 *
 * Frames of several messages.  A frame is one skb: one sendmsg() of a
 * socket, or one batch of a dump.  Its messages share the protocol and the
 * direction, not the type: an nftables batch holds BATCH_BEGIN, rule
 * messages and BATCH_END, a dump's last batch ends with DONE, and a
 * socket may send requests of any types (and families) at once.  So the
 * program first checks that the frame holds exactly one whole message
 * (nlmsg_len <= payload length <= NLMSG_ALIGN(nlmsg_len)); then
 * the type, the family and the flags are the message's and are tested
 * exactly.  Any other frame (several messages, a cut or malformed header)
 * is tested with every message-level test unknown: it passes when its
 * protocol (and packet type) may match, and user space decides.  For
 * single-message frames the program keeps exactly the frames the tests it
 * can say keep.
 */
#include "filter_bpf.h"

#include <stdlib.h>
#include <string.h>

#include "filter_priv.h"
#include "genlmap.h"
#include "nlcore.h"
#include "registry.h"

/* classic BPF, as include/uapi/linux/bpf_common.h numbers it */
#define OP_LD	0x00
#define OP_LDX	0x01
#define OP_ST	0x02
#define OP_ALU	0x04
#define OP_JMP	0x05
#define OP_RET	0x06
#define OP_MISC	0x07
#define SZ_W	0x00
#define SZ_H	0x08
#define SZ_B	0x10
#define MD_ABS	0x20
#define MD_MEM	0x60
#define MD_LEN	0x80
#define ALU_ADD	0x00
#define ALU_OR	0x40
#define ALU_AND	0x50
#define ALU_LSH	0x60
#define J_JA	0x00
#define J_JEQ	0x10
#define J_JGT	0x20
#define J_JGE	0x30
#define J_JSET	0x40
#define SRC_X	0x08
#define MISC_TAX 0x00
#define MAX_INSNS 4096		/* BPF_MAXINSNS */

/* the frame */
#define OFF_PKTTYPE	0
#define OFF_PROTO	14
#define OFF_NLLEN	16
#define OFF_TYPE	20
#define OFF_FLAGS	22
#define NL_HDR		16	/* nlmsghdr */
#define PKT_TO_USER	6
#define PKT_TO_KERNEL	7
#define NL_GENERIC	16
#define NL_MIN_TYPE	16	/* below: the core's own types */
#define GENL_MSG_MIN	20	/* nlmsghdr and genlmsghdr */
#define F_REQUEST	0x1

/* the names the core gives types 1 to 4 in every protocol */
static const char *const ctrl_names[] = { NULL, "NOOP", "ERROR", "DONE", "OVERRUN" };

/* ---- predicates ---- */

enum { BN_FALSE, BN_TRUE, BN_UNK, BN_AND, BN_OR, BN_NOT, BN_ATOM };
enum { AT_PROTO, AT_PKTTYPE, AT_TYPE, AT_REQ, AT_NLLEN };	/* AT_TYPE on: the message's */
enum { AO_EQ, AO_NE, AO_LT, AO_LE, AO_GT, AO_GE, AO_SET };

struct bn {
	uint8_t kind, at, op;
	uint32_t k;
	int a, b;
};

#define N_FALSE 0
#define N_TRUE 1
#define N_UNK 2
#define BN_MAX 8192

struct bc {
	const struct nl_filter *f;
	const struct genl_map *genl;
	bool be, multi, msg_used;
	struct bn *n;
	unsigned nn;
	struct bpf_insn *rev;	/* the program from its end backwards */
	unsigned ni;
	bool too_long;
};

static int node(struct bc *c, uint8_t kind, int a, int b)
{
	if (c->nn == BN_MAX)
		return N_UNK;	/* too many: "maybe" keeps the program sound */
	c->n[c->nn] = (struct bn){ .kind = kind, .a = a, .b = b };
	return (int)c->nn++;
}

/* a and b (BN_AND) or a or b (BN_OR), constants folded */
static int mk_bin(struct bc *c, uint8_t kind, int a, int b)
{
	int absorbs = kind == BN_AND ? N_FALSE : N_TRUE;

	if (a == absorbs || b == absorbs)
		return absorbs;
	if (a == (N_FALSE + N_TRUE) - absorbs)	/* the other constant: no effect */
		return b;
	if (b == (N_FALSE + N_TRUE) - absorbs)
		return a;
	return node(c, kind, a, b);
}

static int mk_and(struct bc *c, int a, int b)
{
	return mk_bin(c, BN_AND, a, b);
}

static int mk_or(struct bc *c, int a, int b)
{
	return mk_bin(c, BN_OR, a, b);
}

static int mk_not(struct bc *c, int a)
{
	if (a <= N_UNK)
		return a == N_UNK ? N_UNK : a == N_TRUE ? N_FALSE : N_TRUE;
	if (c->n[a].kind == BN_NOT)
		return c->n[a].a;
	return node(c, BN_NOT, a, 0);
}

/* a test on the frame's bytes; one on the message's header is unknown
 * when the frame does not hold exactly one whole message */
static int atom(struct bc *c, uint8_t at, uint8_t op, uint32_t k)
{
	if (at == AT_TYPE || at == AT_REQ || at == AT_NLLEN) {
		if (c->multi)
			return N_UNK;
		c->msg_used = true;
	}
	int i = node(c, BN_ATOM, 0, 0);
	if (i > N_UNK) {
		c->n[i].at = at;
		c->n[i].op = op;
		c->n[i].k = k;
	}
	return i;
}

/* over (or under) the set the tree keeps: unknown true (false) */
static int approx(struct bc *c, int x, bool over)
{
	if (x == N_UNK)
		return over ? N_TRUE : N_FALSE;
	if (x < N_UNK || c->n[x].kind == BN_ATOM)
		return x;
	struct bn b = c->n[x];
	switch (b.kind) {
	case BN_NOT:
		return mk_not(c, approx(c, b.a, !over));
	case BN_AND:
		return mk_and(c, approx(c, b.a, over), approx(c, b.b, over));
	default:
		return mk_or(c, approx(c, b.a, over), approx(c, b.b, over));
	}
}

/* ---- the filter's tests as predicates ---- */

static uint8_t ao_of(uint8_t fop)
{
	switch (fop) {
	case FOP_LT: return AO_LT;
	case FOP_LE: return AO_LE;
	case FOP_GT: return AO_GT;
	case FOP_GE: return AO_GE;
	default: return AO_EQ;
	}
}

/* a number field (16 bits at most) op a literal, as filter_eval.c's
 * cmp_num: a negative literal is below every value, a string not
 * comparable */
static int num_test(struct bc *c, uint8_t at, const struct flt_test *t)
{
	int r = N_FALSE;

	for (unsigned i = 0; i < t->nvals; i++) {
		const struct flt_val *v = &t->vals[i];
		uint8_t op = ao_of(t->op);
		int one;
		if (v->t != FL_NUM)
			one = N_FALSE;
		else if (v->neg)
			one = op == AO_GT || op == AO_GE ? N_TRUE : N_FALSE;
		else if (v->u > 0xffff)
			one = op == AO_LT || op == AO_LE ? N_TRUE : N_FALSE;
		else
			one = atom(c, at, op, (uint32_t)v->u);
		r = mk_or(c, r, one);
	}
	return r;
}

static bool str_is(const struct flt_val *v, const char *s)
{
	return v->t == FL_STR && s && strlen(s) == v->slen && !memcmp(v->str, s, v->slen);
}

/* nlmsg.type == NAME: the types of every protocol the core names so */
static int type_named(struct bc *c, const struct flt_val *v)
{
	int r = N_FALSE;

	for (uint32_t i = 1; i < sizeof(ctrl_names) / sizeof(ctrl_names[0]); i++)
		if (str_is(v, ctrl_names[i]))
			r = mk_or(c, r, atom(c, AT_TYPE, AO_EQ, i));
	for (unsigned d = 0; d < nl_ndissectors; d++) {
		const struct nl_dissector *dis = nl_dissectors[d];
		if (dis->proto < 0 || nl_dissector_for_proto((unsigned)dis->proto) != dis)
			continue;
		for (uint32_t i = 0; i < dis->nmsgs && i <= 0xffff; i++) {
			if (i < sizeof(ctrl_names) / sizeof(ctrl_names[0]) && ctrl_names[i])
				continue;	/* the core's name wins */
			if (str_is(v, dis->msgs[i].name))
				r = mk_or(c, r, mk_and(c, atom(c, AT_PROTO, AO_EQ, (uint32_t)dis->proto),
						       atom(c, AT_TYPE, AO_EQ, i)));
		}
	}
	return r;
}

/* the id the map gives a family name now, or -1 */
static int family_id(const struct genl_map *m, const struct flt_val *v)
{
	for (unsigned id = 0; m && id <= 0xffff; id++) {
		const struct genl_family *f = genl_map_get(m, (uint16_t)id);
		if (f && str_is(v, f->name))
			return (int)id;
	}
	return -1;
}

/* dir == "to_kernel": the packet type, or when it says neither (a capture
 * not made by nlmon) the message's NLM_F_REQUEST, as filter_eval.c infers */
static int to_kernel(struct bc *c)
{
	int unknown = mk_and(c, atom(c, AT_PKTTYPE, AO_NE, PKT_TO_USER),
			     atom(c, AT_PKTTYPE, AO_NE, PKT_TO_KERNEL));
	return mk_or(c, atom(c, AT_PKTTYPE, AO_EQ, PKT_TO_KERNEL),
		     mk_and(c, unknown, atom(c, AT_REQ, AO_SET, F_REQUEST)));
}

/* the protocols nl_proto_name names */
static int proto_named(struct bc *c)
{
	unsigned last = 0;

	for (unsigned p = 0; p < 256; p++)
		if (nl_proto_name(p))
			last = p;
	int r = atom(c, AT_PROTO, AO_LE, last);
	for (unsigned p = 0; p < last; p++)
		if (!nl_proto_name(p))
			r = mk_and(c, r, atom(c, AT_PROTO, AO_NE, p));
	return r;
}

static bool eq_like(const struct flt_test *t)
{
	return t->op == FOP_EQ || t->op == FOP_NE || t->op == FOP_IN;
}

/* the values a string pseudo-field (proto, dir) equals: one predicate per
 * literal from value_of, the rest never equal */
static int str_eq(struct bc *c, const struct flt_test *t, int (*value_of)(struct bc *, const struct flt_val *))
{
	int r = N_FALSE;

	for (unsigned i = 0; i < t->nvals; i++)
		r = mk_or(c, r, t->vals[i].t == FL_STR ? value_of(c, &t->vals[i]) : N_FALSE);
	return r;
}

static int proto_value(struct bc *c, const struct flt_val *v)
{
	for (unsigned p = 0; p < 256; p++)
		if (str_is(v, nl_proto_name(p)))
			return atom(c, AT_PROTO, AO_EQ, p);
	return N_FALSE;
}

static int dir_value(struct bc *c, const struct flt_val *v)
{
	if (str_is(v, "to_kernel"))
		return to_kernel(c);
	if (str_is(v, "to_user"))
		return mk_not(c, to_kernel(c));
	return N_FALSE;
}

static int family_value(struct bc *c, const struct flt_val *v)
{
	int id = family_id(c->genl, v);

	/* a name the kernel does not know now may be registered later */
	return id < NL_MIN_TYPE ? N_UNK : atom(c, AT_TYPE, AO_EQ, (uint32_t)id);
}

static int name_value(struct bc *c, const struct flt_val *v)
{
	return type_named(c, v);
}

/* hit: the test's comparison on a value that is there; present: the field
 * is there.  Unknown where the frame's first bytes do not say. */
static void test_parts(struct bc *c, const struct flt_test *t, int *hit, int *present)
{
	bool str_ops = eq_like(t) || t->op == FOP_PRESENT;
	bool num_ops = str_ops || (t->op >= FOP_LT && t->op <= FOP_GE);

	*hit = N_UNK;
	*present = N_UNK;
	switch (t->pseudo) {
	case FPS_PROTO:
		*present = proto_named(c);
		if (eq_like(t))
			*hit = str_eq(c, t, proto_value);
		return;
	case FPS_PROTO_ID:
		*present = N_TRUE;
		if (num_ops && t->op != FOP_PRESENT)
			*hit = num_test(c, AT_PROTO, t);
		return;
	case FPS_DIR:
		*present = N_TRUE;
		if (eq_like(t))
			*hit = str_eq(c, t, dir_value);
		return;
	case FPS_DIR_INFERRED:
		*present = mk_and(c, atom(c, AT_PKTTYPE, AO_NE, PKT_TO_USER),
				  atom(c, AT_PKTTYPE, AO_NE, PKT_TO_KERNEL));
		return;
	case FPS_NONE:
		break;
	default:
		return;
	}
	if (!strcmp(t->path, "nlmsg.type")) {
		/* one whole message: its header's fields are there */
		*present = c->multi ? N_UNK : N_TRUE;
		if (eq_like(t)) {
			int s = str_eq(c, t, name_value);
			struct flt_test nums = *t;
			nums.op = FOP_EQ;
			*hit = mk_or(c, s, num_test(c, AT_TYPE, &nums));
		} else if (num_ops && t->op != FOP_PRESENT) {
			bool strs = false;
			for (unsigned i = 0; i < t->nvals; i++)
				strs |= t->vals[i].t == FL_STR;
			if (!strs)	/* a name's order is its text's */
				*hit = num_test(c, AT_TYPE, t);
		}
	} else if (!strcmp(t->path, "genl.family") || !strcmp(t->path, "genl.id")) {
		/* the genlmsghdr read: a generic netlink message of a family */
		*present = mk_and(c, atom(c, AT_PROTO, AO_EQ, NL_GENERIC),
				  mk_and(c, atom(c, AT_TYPE, AO_GE, NL_MIN_TYPE),
					 atom(c, AT_NLLEN, AO_GE, GENL_MSG_MIN)));
		if (t->path[5] == 'f' && eq_like(t))	/* an id is 16 or more */
			*hit = mk_and(c, atom(c, AT_PROTO, AO_EQ, NL_GENERIC),
				      mk_and(c, atom(c, AT_NLLEN, AO_GE, GENL_MSG_MIN),
					     str_eq(c, t, family_value)));
		else if (t->path[5] == 'i' && num_ops && t->op != FOP_PRESENT)
			*hit = mk_and(c, *present, num_test(c, AT_TYPE, t));
	}
}

static int test_node(struct bc *c, const struct flt_test *t)
{
	int hit, present;

	test_parts(c, t, &hit, &present);
	if (t->op == FOP_PRESENT)
		return present;
	if (t->op == FOP_NE)
		return mk_and(c, present, mk_not(c, hit));
	return hit;
}

/* the filter's postfix program as a tree, then its over-approximation */
static int tree(struct bc *c)
{
	int st[FLT_MAX_PROG];
	unsigned sp = 0;

	for (unsigned i = 0; i < c->f->np; i++) {
		int s = c->f->prog[i];
		if (s >= 0) {
			st[sp++] = test_node(c, &c->f->t[s]);
		} else if (s == FPR_NOT) {
			st[sp - 1] = mk_not(c, st[sp - 1]);
		} else {
			int b = st[--sp];
			st[sp - 1] = s == FPR_AND ? mk_and(c, st[sp - 1], b) : mk_or(c, st[sp - 1], b);
		}
	}
	return approx(c, sp ? st[0] : N_TRUE, true);
}

/* ---- code, from the end backwards: a target is its distance from the
 * end, so every jump goes forward ---- */

static unsigned put(struct bc *c, uint16_t code, uint8_t jt, uint8_t jf, uint32_t k)
{
	if (c->ni == MAX_INSNS) {
		c->too_long = true;
		return c->ni - 1;
	}
	c->rev[c->ni] = (struct bpf_insn){ .code = code, .jt = jt, .jf = jf, .k = k };
	return c->ni++;
}

/* a conditional jump to t (true) and f (false); a target beyond 255
 * instructions goes through an unconditional jump */
static unsigned jump(struct bc *c, uint16_t code, uint32_t k, unsigned t, unsigned f)
{
	if (c->ni - t - 1 > 255)
		t = put(c, OP_JMP | J_JA, 0, 0, c->ni - t - 1);
	if (c->ni - f - 1 > 255)
		f = put(c, OP_JMP | J_JA, 0, 0, c->ni - f - 1);
	if (c->ni - t - 1 > 255)	/* f's jump moved t's out of reach */
		t = put(c, OP_JMP | J_JA, 0, 0, c->ni - t - 1);
	return put(c, code, (uint8_t)(c->ni - t - 1), (uint8_t)(c->ni - f - 1), k);
}

/* a 16- or 32-bit field of the nlmsghdr in the kernel's byte order (BPF's
 * loads are big-endian) */
static unsigned load_host(struct bc *c, uint32_t off, unsigned size)
{
	if (c->be)
		return put(c, OP_LD | (size == 2 ? SZ_H : SZ_W) | MD_ABS, 0, 0, off);
	/* little-endian: byte by byte, the highest first (written backwards) */
	for (uint32_t i = 0; i + 1 < size; i++) {
		put(c, OP_ALU | ALU_OR | SRC_X, 0, 0, 0);
		put(c, OP_LD | SZ_B | MD_ABS, 0, 0, off + i);
		put(c, OP_MISC | MISC_TAX, 0, 0, 0);
		put(c, OP_ALU | ALU_LSH, 0, 0, 8);
	}
	return put(c, OP_LD | SZ_B | MD_ABS, 0, 0, off + size - 1);
}

static unsigned gen_atom(struct bc *c, const struct bn *a, unsigned t, unsigned f)
{
	static const struct { uint16_t j; bool swap; } ops[] = {
		[AO_EQ] = { J_JEQ, false }, [AO_NE] = { J_JEQ, true },
		[AO_LT] = { J_JGE, true }, [AO_LE] = { J_JGT, true },
		[AO_GT] = { J_JGT, false }, [AO_GE] = { J_JGE, false },
		[AO_SET] = { J_JSET, false },
	};
	bool sw = ops[a->op].swap;

	jump(c, OP_JMP | ops[a->op].j, a->k, sw ? f : t, sw ? t : f);
	switch (a->at) {
	case AT_PROTO:
		return put(c, OP_LD | SZ_H | MD_ABS, 0, 0, OFF_PROTO);
	case AT_PKTTYPE:
		return put(c, OP_LD | SZ_H | MD_ABS, 0, 0, OFF_PKTTYPE);
	case AT_TYPE:
		return load_host(c, OFF_TYPE, 2);
	case AT_REQ:	/* the flags' low byte */
		return put(c, OP_LD | SZ_B | MD_ABS, 0, 0, OFF_FLAGS + (c->be ? 1 : 0));
	default:	/* AT_NLLEN: the prologue keeps it in M[0] */
		return put(c, OP_LD | SZ_W | MD_MEM, 0, 0, 0);
	}
}

static unsigned gen(struct bc *c, int x, unsigned t, unsigned f)
{
	if (x == N_FALSE)
		return f;
	if (x <= N_UNK)
		return t;
	const struct bn *b = &c->n[x];
	switch (b->kind) {
	case BN_NOT:
		return gen(c, b->a, f, t);
	case BN_AND:
		return gen(c, b->a, gen(c, b->b, t, f), f);
	case BN_OR:
		return gen(c, b->a, t, gen(c, b->b, t, f));
	default:
		return gen_atom(c, b, t, f);
	}
}

/* Does the frame hold exactly one whole message?  To single if so, else
 * to multi; M[0] is its nlmsg_len.  The packet length is the netlink
 * payload's: the kernel's socket filter sees no cooked header (libpcap
 * maps the loads of its protocol and packet type, and moves the others by
 * 16 bytes, but leaves the length as it is). */
static unsigned gen_prologue(struct bc *c, unsigned single, unsigned multi)
{
	unsigned next;

	/* len <= NLMSG_ALIGN(nlmsg_len): nothing after the message */
	jump(c, OP_JMP | J_JGT | SRC_X, 0, multi, single);
	put(c, OP_LD | SZ_W | MD_LEN, 0, 0, 0);
	put(c, OP_MISC | MISC_TAX, 0, 0, 0);
	put(c, OP_ALU | ALU_AND, 0, 0, 0xfffffffc);
	put(c, OP_ALU | ALU_ADD, 0, 0, 3);
	next = put(c, OP_LD | SZ_W | MD_MEM, 0, 0, 0);
	/* len >= nlmsg_len: the message is whole */
	jump(c, OP_JMP | J_JGE | SRC_X, 0, next, multi);
	put(c, OP_LD | SZ_W | MD_LEN, 0, 0, 0);
	next = put(c, OP_MISC | MISC_TAX, 0, 0, 0);
	/* nlmsg_len >= 16 */
	next = jump(c, OP_JMP | J_JGE, NL_HDR, next, multi);
	put(c, OP_ST, 0, 0, 0);
	next = load_host(c, OFF_NLLEN, 4);
	/* a whole nlmsghdr */
	jump(c, OP_JMP | J_JGE, NL_HDR, next, multi);
	return put(c, OP_LD | SZ_W | MD_LEN, 0, 0, 0);
}

bool filter_bpf_compile(const struct nl_filter *f, const struct genl_map *genl,
			bool big_endian, uint32_t snaplen, struct bpf_program *out,
			char *err, size_t errlen)
{
	struct bc c = { .f = f, .genl = genl, .be = big_endian };
	bool ok = false;

	memset(out, 0, sizeof(*out));
	c.n = malloc(BN_MAX * sizeof(*c.n));
	c.rev = malloc(MAX_INSNS * sizeof(*c.rev));
	if (!c.n || !c.rev) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	c.n[N_FALSE] = (struct bn){ .kind = BN_FALSE };
	c.n[N_TRUE] = (struct bn){ .kind = BN_TRUE };
	c.n[N_UNK] = (struct bn){ .kind = BN_UNK };
	c.nn = 3;

	int one = tree(&c);	/* sets msg_used */
	c.multi = true;
	int several = tree(&c);

	unsigned reject = put(&c, OP_RET, 0, 0, 0);
	unsigned accept = put(&c, OP_RET, 0, 0, snaplen);
	unsigned entry = gen(&c, several, accept, reject);
	if (c.msg_used)
		entry = gen_prologue(&c, gen(&c, one, accept, reject), entry);
	if (c.too_long) {
		snprintf(err, errlen, "the capture filter would be longer than %u BPF "
			 "instructions", MAX_INSNS);
		goto out;
	}
	/* the entry is the last instruction written, but for a filter that
	 * keeps every frame or none: then one "ret" */
	unsigned n = c.ni, first = n - 1;
	if (entry <= accept) {
		n = 1;
		first = entry;
	}
	out->bf_insns = malloc(n * sizeof(*out->bf_insns));
	if (!out->bf_insns) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	for (unsigned i = 0; i < n; i++)
		out->bf_insns[i] = c.rev[first - i];
	out->bf_len = n;
	ok = true;
out:
	free(c.n);
	free(c.rev);
	return ok;
}

void filter_bpf_free(struct bpf_program *p)
{
	free(p->bf_insns);
	p->bf_insns = NULL;
	p->bf_len = 0;
}

void filter_bpf_print(const struct bpf_program *p, FILE *out)
{
	for (unsigned i = 0; i < p->bf_len; i++) {
		const struct bpf_insn *in = &p->bf_insns[i];
		unsigned cls = in->code & 0x07;
		char arg[32] = "";
		const char *op = "?";

		if (cls == OP_LD || cls == OP_LDX) {
			unsigned sz = in->code & 0x18, md = in->code & 0xe0;
			op = sz == SZ_B ? "ldb" : sz == SZ_H ? "ldh" : "ld";
			if (md == MD_ABS)
				snprintf(arg, sizeof(arg), "[%u]", in->k);
			else if (md == MD_MEM)
				snprintf(arg, sizeof(arg), "M[%u]", in->k);
			else if (md == MD_LEN)
				snprintf(arg, sizeof(arg), "#pktlen");
			else
				snprintf(arg, sizeof(arg), "#0x%x", in->k);
		} else if (cls == OP_ST) {
			op = "st";
			snprintf(arg, sizeof(arg), "M[%u]", in->k);
		} else if (cls == OP_ALU) {
			unsigned a = in->code & 0xf0;
			op = a == ALU_ADD ? "add" : a == ALU_OR ? "or" : a == ALU_AND ? "and"
			   : a == ALU_LSH ? "lsh" : "alu";
			if (in->code & SRC_X)
				snprintf(arg, sizeof(arg), "x");
			else
				snprintf(arg, sizeof(arg), a == ALU_AND ? "#0x%x" : "#%u", in->k);
		} else if (cls == OP_MISC) {
			op = "tax";
		} else if (cls == OP_RET) {
			op = "ret";
			snprintf(arg, sizeof(arg), "#%u", in->k);
		} else if (cls == OP_JMP && (in->code & 0xf0) == J_JA) {
			fprintf(out, "(%03u) %-8s %u\n", i, "ja", i + 1 + in->k);
			continue;
		} else if (cls == OP_JMP) {
			unsigned j = in->code & 0xf0;
			op = j == J_JEQ ? "jeq" : j == J_JGT ? "jgt" : j == J_JGE ? "jge" : "jset";
			if (in->code & SRC_X)
				snprintf(arg, sizeof(arg), "x");
			else
				snprintf(arg, sizeof(arg), "#0x%x", in->k);
			fprintf(out, "(%03u) %-8s %-16s jt %u\tjf %u\n", i, op, arg,
				i + 1 + in->jt, i + 1 + in->jf);
			continue;
		}
		if (arg[0])
			fprintf(out, "(%03u) %-8s %s\n", i, op, arg);
		else
			fprintf(out, "(%03u) %s\n", i, op);
	}
}
