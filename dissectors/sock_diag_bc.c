/* sock_diag_bc.c - the inet request's bytecode filter
 * (INET_DIAG_REQ_BYTECODE): its ops with their operands, and the ss
 * expression they were compiled from where the jumps make one
 * ("sport = :8080", "dst 127.0.0.1/32", "dport > :1024 and ...").
 *
 * Reference: include/uapi/linux/inet_diag.h (Linux 7.2): an op jumps
 * yes bytes on, its condition true, no bytes otherwise; reaching the end
 * accepts, jumping past it rejects.  ss(8) for the filter syntax.
 */
#include <arpa/inet.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "sock_diag.h"

/* ---- the bytecode: ops ---- */

enum {
	BC_NOP, BC_JMP, BC_S_GE, BC_S_LE, BC_D_GE, BC_D_LE, BC_AUTO, BC_S_COND, BC_D_COND,
	BC_DEV_COND, BC_MARK_COND, BC_S_EQ, BC_D_EQ, BC_CGROUP_COND,
};
static const char *const bc_code_v[] = {
	"nop", "jmp", "s_ge", "s_le", "d_ge", "d_le", "auto", "s_cond", "d_cond",
	"dev_cond", "mark_cond", "s_eq", "d_eq", "cgroup_cond",
};
static const struct nl_names bc_code_names = NL_NAMES(bc_code_v);

/* at most this many ops are read (an ss filter has a few) */
#define BC_MAX_OPS 64

struct bc_op {
	uint8_t code, yes;
	uint16_t no;
	size_t off;		/* from the bytecode's start */
	bool have;		/* the operand below was read */
	uint8_t family, plen;	/* hostcond */
	int32_t hport;
	uint8_t addr[16];
	uint32_t a, b;		/* port (s_ge..), ifindex, mark and mask */
	uint64_t cg;
};

struct bc {
	struct bc_op op[BC_MAX_OPS];
	unsigned n;
	size_t len;
	bool bad;		/* malformed or too long: no expression */
};

static unsigned hostcond_addr_len(uint8_t family)
{
	return family == SD_AF_INET ? 4 : family == SD_AF_INET6 ? 16 : 0;
}

/* one op and its operand; the op's extent is its yes (the kernel's
 * audit walks the ops so) */
static bool bc_read_op(struct nlc *c, size_t off, struct bc_op *o)
{
	memset(o, 0, sizeof(*o));
	o->off = off;
	o->code = nlc_u8(c);
	o->yes = nlc_u8(c);
	o->no = nlc_u16(c);
	if (!nlc_ok(c) || o->yes < 4 || o->yes - 4u > nlc_left(c))
		return false;
	struct nlc x = nlc_sub(c, o->yes - 4u);
	nlc_skip(c, o->yes - 4u);
	switch (o->code) {
	case BC_S_GE: case BC_S_LE: case BC_D_GE: case BC_D_LE: case BC_S_EQ: case BC_D_EQ:
		nlc_skip(&x, 2);
		o->a = nlc_u16(&x);	/* the port, in the next op's "no" */
		break;
	case BC_S_COND: case BC_D_COND:
		o->family = nlc_u8(&x);
		o->plen = nlc_u8(&x);
		nlc_skip(&x, 2);
		o->hport = (int32_t)nlc_u32(&x);
		if (nlc_ok(&x) && hostcond_addr_len(o->family)) {
			const uint8_t *p = nlc_bytes(&x, hostcond_addr_len(o->family));
			if (p)
				memcpy(o->addr, p, hostcond_addr_len(o->family));
		}
		break;
	case BC_DEV_COND:
		o->a = nlc_u32(&x);
		break;
	case BC_MARK_COND:
		o->a = nlc_u32(&x);
		o->b = nlc_u32(&x);
		break;
	case BC_CGROUP_COND:
		o->cg = nlc_u64(&x);
		break;
	default:
		return true;
	}
	o->have = nlc_ok(&x);
	return o->have;
}

static void bc_parse(struct nlc c, struct bc *bc)
{
	size_t start = nlc_left(&c);

	bc->n = 0;
	bc->len = start;
	bc->bad = false;
	while (nlc_left(&c) && !bc->bad) {
		if (bc->n == BC_MAX_OPS || !bc_read_op(&c, start - nlc_left(&c), &bc->op[bc->n]))
			bc->bad = true;
		else
			bc->n++;
	}
}

/* ---- the bytecode: the expression ---- */

/* a small expression tree over the ops, built from the jumps: at an op,
 * its condition true goes to off + yes, false to off + no; the end of the
 * bytecode accepts, past it rejects */
enum { B_TRUE, B_FALSE, B_LEAF, B_NOT, B_AND, B_OR };
struct bnode {
	uint8_t k;
	uint8_t op;		/* B_LEAF, B_NOT: the op */
	uint16_t l, r;		/* B_AND, B_OR */
};
#define BC_MAX_NODES 256

struct btree {
	const struct bc *bc;
	struct bnode n[BC_MAX_NODES];
	unsigned nn;
	int memo[BC_MAX_OPS];	/* an op's node, once built (-2: not yet) */
};

static int bnode_new(struct btree *t, uint8_t k, unsigned op, int l, int r)
{
	if (t->nn == BC_MAX_NODES || l < 0 || r < 0)
		return -1;
	t->n[t->nn] = (struct bnode){ k, (uint8_t)op, (uint16_t)l, (uint16_t)r };
	return (int)t->nn++;
}

/* is node i a k (an "or", an "and") whose right side is node r? */
static bool bnode_is(const struct btree *t, int i, uint8_t k, int r)
{
	return t->n[i].k == k && t->n[i].r == r;
}

/* the condition of op i, true to y, false to n, as a formula over the
 * nodes y and n (the same position is the same node: an "or" compiled
 * with a jump over the rest shares its tail) */
static int bc_join(struct btree *t, unsigned i, int y, int n)
{
	uint8_t yk = t->n[y].k, nk = t->n[n].k;

	if (yk == B_TRUE && nk == B_FALSE)
		return bnode_new(t, B_LEAF, i, 0, 0);
	if (yk == B_FALSE && nk == B_TRUE)
		return bnode_new(t, B_NOT, i, 0, 0);
	if (nk == B_FALSE)	/* c and y */
		return bnode_new(t, B_AND, 0, bnode_new(t, B_LEAF, i, 0, 0), y);
	if (yk == B_FALSE)	/* not c and n */
		return bnode_new(t, B_AND, 0, bnode_new(t, B_NOT, i, 0, 0), n);
	if (yk == B_TRUE)	/* c or n */
		return bnode_new(t, B_OR, 0, bnode_new(t, B_LEAF, i, 0, 0), n);
	if (nk == B_TRUE)	/* not c or y */
		return bnode_new(t, B_OR, 0, bnode_new(t, B_NOT, i, 0, 0), y);
	if (y == n)
		return y;
	if (bnode_is(t, y, B_OR, n))	/* c ? (x or n) : n = (c and x) or n */
		return bnode_new(t, B_OR, 0, bnode_new(t, B_AND, 0,
			bnode_new(t, B_LEAF, i, 0, 0), t->n[y].l), n);
	if (bnode_is(t, n, B_AND, y))	/* c ? y : (x and y) = (c or x) and y */
		return bnode_new(t, B_AND, 0, bnode_new(t, B_OR, 0,
			bnode_new(t, B_LEAF, i, 0, 0), t->n[n].l), y);
	if (bnode_is(t, n, B_OR, y))	/* c ? y : (x or y) = (not c and x) or y */
		return bnode_new(t, B_OR, 0, bnode_new(t, B_AND, 0,
			bnode_new(t, B_NOT, i, 0, 0), t->n[n].l), y);
	if (bnode_is(t, y, B_AND, n))	/* c ? (x and n) : n = (not c or x) and n */
		return bnode_new(t, B_AND, 0, bnode_new(t, B_OR, 0,
			bnode_new(t, B_NOT, i, 0, 0), t->n[y].l), n);
	return -1;	/* not an ss expression */
}

static int bc_build(struct btree *t, size_t pos, unsigned depth)
{
	const struct bc *bc = t->bc;

	if (pos == bc->len)
		return bnode_new(t, B_TRUE, 0, 0, 0);
	if (pos > bc->len)
		return bnode_new(t, B_FALSE, 0, 0, 0);
	if (depth > BC_MAX_OPS)
		return -1;
	unsigned i = 0;
	while (i < bc->n && bc->op[i].off != pos)
		i++;
	if (i == bc->n)
		return -1;	/* a jump into an op */
	if (t->memo[i] != -2)
		return t->memo[i];
	const struct bc_op *o = &bc->op[i];
	int r;
	if (o->code == BC_NOP) {
		r = bc_build(t, pos + o->yes, depth + 1);
	} else if (o->code == BC_JMP) {
		r = o->no ? bc_build(t, pos + o->no, depth + 1) : -1;
	} else if (o->code > BC_CGROUP_COND || !o->no) {
		r = -1;
	} else {
		int y = bc_build(t, pos + o->yes, depth + 1);
		int n = y < 0 ? -1 : bc_build(t, pos + o->no, depth + 1);
		r = n < 0 ? -1 : bc_join(t, i, y, n);
	}
	t->memo[i] = r;
	return r;
}

struct txt {
	char s[SD_BC_TEXT_MAX];
	size_t n;
	bool over;
};

static void tput(struct txt *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void tput(struct txt *t, const char *fmt, ...)
{
	va_list ap;

	if (t->over)
		return;
	va_start(ap, fmt);
	int k = vsnprintf(t->s + t->n, sizeof(t->s) - t->n, fmt, ap);
	va_end(ap);
	if (k < 0 || (size_t)k >= sizeof(t->s) - t->n)
		t->over = true;
	else
		t->n += (size_t)k;
}

static void put_hostcond(struct txt *t, const struct bc_op *o, bool neg)
{
	const char *side = o->code == BC_S_COND ? "s" : "d";
	char a[INET6_ADDRSTRLEN];

	if (!hostcond_addr_len(o->family) && !o->plen) {
		if (o->hport == -1)
			tput(t, neg ? "not %sport = :*" : "%sport = :*", side);
		else
			tput(t, "%sport %s :%d", side, neg ? "!=" : "=", o->hport);
		return;
	}
	inet_ntop(o->family == SD_AF_INET ? AF_INET : AF_INET6, o->addr, a, sizeof(a));
	tput(t, "%s%s %s%s%s/%u", neg ? "not " : "", o->code == BC_S_COND ? "src" : "dst",
	     o->family == SD_AF_INET6 ? "[" : "", a, o->family == SD_AF_INET6 ? "]" : "", o->plen);
	if (o->hport != -1)
		tput(t, ":%d", o->hport);
}

static void put_leaf(struct txt *t, const struct bc_op *o, bool neg)
{
	/* a comparison and its negation */
	static const char *const cmp[][2] = {
		[BC_S_GE] = { ">=", "<" }, [BC_S_LE] = { "<=", ">" },
		[BC_D_GE] = { ">=", "<" }, [BC_D_LE] = { "<=", ">" },
		[BC_S_EQ] = { "=", "!=" }, [BC_D_EQ] = { "=", "!=" },
	};

	switch (o->code) {
	case BC_S_GE: case BC_S_LE: case BC_S_EQ:
	case BC_D_GE: case BC_D_LE: case BC_D_EQ:
		tput(t, "%s %s :%u", o->code == BC_S_GE || o->code == BC_S_LE || o->code == BC_S_EQ
			 ? "sport" : "dport", cmp[o->code][neg], o->a);
		return;
	case BC_S_COND: case BC_D_COND:
		put_hostcond(t, o, neg);
		return;
	case BC_DEV_COND:
		tput(t, "dev %s %u", neg ? "!=" : "=", o->a);
		return;
	case BC_MARK_COND:
		tput(t, "fwmark %s 0x%x/0x%x", neg ? "!=" : "=", o->a, o->b);
		return;
	case BC_CGROUP_COND:
		tput(t, "%scgroup id %llu", neg ? "not " : "", (unsigned long long)o->cg);
		return;
	case BC_AUTO:
		tput(t, "%sautobound", neg ? "not " : "");
		return;
	default:
		t->over = true;
		return;
	}
}

/* prec: 1 inside an "or", 2 inside an "and" (an "or" there needs brackets) */
static void put_node(struct txt *t, const struct btree *tr, int i, int prec, unsigned depth)
{
	const struct bnode *b = &tr->n[i];

	/* shared tails are written each time: the text's room bounds it */
	if (depth > BC_MAX_NODES || t->over) {
		t->over = true;
		return;
	}
	switch (b->k) {
	case B_TRUE:
		tput(t, "all");
		return;
	case B_FALSE:
		tput(t, "none");
		return;
	case B_LEAF:
	case B_NOT:
		put_leaf(t, &tr->bc->op[b->op], b->k == B_NOT);
		return;
	default:
		break;
	}
	bool paren = b->k == B_OR && prec == 2;
	tput(t, paren ? "( " : "");
	put_node(t, tr, b->l, b->k == B_AND ? 2 : 1, depth + 1);
	tput(t, b->k == B_AND ? " and " : " or ");
	put_node(t, tr, b->r, b->k == B_AND ? 2 : 1, depth + 1);
	tput(t, paren ? " )" : "");
}

/* the expression of bytecode c into t; false when it has none */
static bool bc_expr(struct nlc c, struct txt *t)
{
	struct bc bc;
	struct btree tr;

	bc_parse(c, &bc);
	if (bc.bad || !bc.n)
		return false;
	tr.bc = &bc;
	tr.nn = 0;
	for (unsigned i = 0; i < BC_MAX_OPS; i++)
		tr.memo[i] = -2;
	int root = bc_build(&tr, 0, 0);
	if (root < 0)
		return false;
	t->n = 0;
	t->over = false;
	t->s[0] = 0;
	put_node(t, &tr, root, 0, 0);
	return !t->over;
}

static const struct nl_shape hostaddr_shape = NL_SHAPE_FORM("ipv4|ipv6");
static const struct nl_attr_pol bc_op_members[] = {
	{ "code", NLA_KIND_U8, .enums = &bc_code_names },
	{ "yes", NLA_KIND_U8 },
	{ "no", NLA_KIND_U16 },
	{ "port", NLA_KIND_U16 },
	{ "family", NLA_KIND_U8, .enums = &sd_family_names },
	{ "prefix_len", NLA_KIND_U8 },
	{ "hport", NLA_KIND_S32 },
	{ "addr", NLA_KIND_CB, .shape = &hostaddr_shape },
	{ "ifindex", NLA_KIND_U32 },
	{ "mark", NLA_KIND_U32 },
	{ "mask", NLA_KIND_U32 },
	{ "cgroup_id", NLA_KIND_U64 },
};
static const struct nl_shape bc_op_shape = NL_SHAPE_OBJ(bc_op_members);
static const struct nl_shape expr_shape = NL_SHAPE_FORM("string");
static const struct nl_attr_pol bc_members[] = {
	{ "expr", NLA_KIND_CB, .shape = &expr_shape },
	{ "ops", NLA_KIND_CB, .shape = &bc_op_shape },
};
const struct nl_shape sd_bytecode_shape = NL_SHAPE_OBJ(bc_members);

/* one op (c: the bytecode, from its start), its values at their
 * positions: the op's header, then its operand (at + 4) */
static void put_op(struct dctx *d, const struct nlc *c, const struct bc_op *o)
{
	struct nlc from = *c;
	nlc_advance(&from, o->off);
	struct nlc op = nlc_sub(&from, o->yes);
	size_t at = op.pos, x = at + 4;

	nl_put_obj_begin(d, NULL, "struct", &op);
	nl_put_enum(d, "code", at, 1, o->code, &bc_code_names);
	nl_put_uint(d, "yes", at + 1, 1, o->yes, EF_DEC);
	nl_put_uint(d, "no", at + 2, 2, o->no, EF_DEC);
	if (o->have) {
		switch (o->code) {
		case BC_S_GE: case BC_S_LE: case BC_D_GE: case BC_D_LE: case BC_S_EQ: case BC_D_EQ:
			nl_put_uint(d, "port", x + 2, 2, o->a, EF_DEC);
			break;
		case BC_S_COND: case BC_D_COND:
			nl_put_enum(d, "family", x, 1, o->family, &sd_family_names);
			nl_put_uint(d, "prefix_len", x + 1, 1, o->plen, EF_DEC);
			nl_put_sint(d, "hport", x + 4, 4, o->hport);
			if (o->family == SD_AF_INET)
				nl_put_addr(d, "addr", x + 8, EA_IPV4, o->addr, 4);
			else if (o->family == SD_AF_INET6)
				nl_put_addr(d, "addr", x + 8, EA_IPV6, o->addr, 16);
			break;
		case BC_DEV_COND:
			nl_put_uint(d, "ifindex", x, 4, o->a, EF_DEC);
			break;
		case BC_MARK_COND:
			nl_put_uint(d, "mark", x, 4, o->a, EF_HEX);
			nl_put_uint(d, "mask", x + 4, 4, o->b, EF_HEX);
			break;
		case BC_CGROUP_COND:
			nl_put_uint(d, "cgroup_id", x, 8, o->cg, EF_DEC);
			break;
		default:
			break;
		}
	}
	nl_put_obj_end(d);
}

/* INET_DIAG_REQ_BYTECODE: the expression (when it has one) and the ops;
 * an op that does not fit ends the list, marked malformed */
bool sd_cb_bytecode(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		    struct nlc *c)
{
	struct bc bc;
	struct txt t;

	(void)pol;
	bc_parse(*c, &bc);
	nl_put_obj_begin(d, key, "struct", c);
	if ((emit_wants_values(d->e) || d->fs) && bc_expr(*c, &t)) {
		emit_cstr(d->e, "expr", t.s);
		if (d->fs)	/* a text of ours over the whole bytecode */
			nl_fs_text(d, "expr", c->pos, nlc_left(c), t.s, t.n);
	}
	nl_put_list_begin(d, "ops");
	for (unsigned i = 0; i < bc.n; i++)
		put_op(d, c, &bc.op[i]);
	nl_put_list_end(d);
	size_t done = bc.n ? bc.op[bc.n - 1].off + bc.op[bc.n - 1].yes : 0;
	if (bc.bad)
		emit_malformed(d->e, dctx_off(d, c) + done, "bytecode op at %zu unreadable%s", done,
			       bc.n == BC_MAX_OPS ? " (too many ops)" : "");
	nl_put_obj_end(d);
	nlc_advance(c, nlc_left(c));
	return true;
}

bool sd_bc_expr(struct nlc c, char out[SD_BC_TEXT_MAX])
{
	struct txt t;

	if (!bc_expr(c, &t))
		return false;
	memcpy(out, t.s, t.n + 1);
	return true;
}
