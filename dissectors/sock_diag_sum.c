/* sock_diag_sum.c - NETLINK_SOCK_DIAG's one-line summaries, in ss's
 * words ("tcp ESTAB 127.0.0.1:8080 127.0.0.1:41234 ino 1234 uid 0"), and
 * the inet request's bytecode filter (INET_DIAG_REQ_BYTECODE): its ops,
 * and the ss expression they were compiled from where it can be told
 * ("sport = :8080", "dst 127.0.0.1/32", "dport > :1024 and ...").
 *
 * Reference: include/uapi/linux/inet_diag.h (Linux 7.2); ss(8) for the
 * words and the filter syntax.
 */
#include <arpa/inet.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ifmap.h"
#include "sock_diag.h"
#include "state.h"

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
	char s[480];
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

static void emit_op(struct emitter *e, const struct bc_op *o)
{
	emit_obj_begin(e, NULL);
	emit_enum(e, "code", o->code, &bc_code_names);
	emit_uint(e, "yes", o->yes, EF_DEC);
	emit_uint(e, "no", o->no, EF_DEC);
	if (o->have) {
		switch (o->code) {
		case BC_S_GE: case BC_S_LE: case BC_D_GE: case BC_D_LE: case BC_S_EQ: case BC_D_EQ:
			emit_uint(e, "port", o->a, EF_DEC);
			break;
		case BC_S_COND: case BC_D_COND:
			emit_enum(e, "family", o->family, &sd_family_names);
			emit_uint(e, "prefix_len", o->plen, EF_DEC);
			emit_sint(e, "hport", o->hport);
			if (o->family == SD_AF_INET)
				emit_addr(e, "addr", EA_IPV4, o->addr, 4);
			else if (o->family == SD_AF_INET6)
				emit_addr(e, "addr", EA_IPV6, o->addr, 16);
			break;
		case BC_DEV_COND:
			emit_uint(e, "ifindex", o->a, EF_DEC);
			break;
		case BC_MARK_COND:
			emit_uint(e, "mark", o->a, EF_HEX);
			emit_uint(e, "mask", o->b, EF_HEX);
			break;
		case BC_CGROUP_COND:
			emit_uint(e, "cgroup_id", o->cg, EF_DEC);
			break;
		default:
			break;
		}
	}
	emit_obj_end(e);
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
	emit_obj_begin(d->e, key);
	if (emit_wants_values(d->e) && bc_expr(*c, &t))
		emit_cstr(d->e, "expr", t.s);
	emit_list_begin(d->e, "ops");
	for (unsigned i = 0; i < bc.n; i++)
		emit_op(d->e, &bc.op[i]);
	emit_list_end(d->e);
	size_t done = bc.n ? bc.op[bc.n - 1].off + bc.op[bc.n - 1].yes : 0;
	if (bc.bad)
		emit_malformed(d->e, dctx_off(d, c) + done, "bytecode op at %zu unreadable%s", done,
			       bc.n == BC_MAX_OPS ? " (too many ops)" : "");
	emit_obj_end(d->e);
	nlc_advance(c, nlc_left(c));
	return true;
}

/* ---- summaries ---- */

/* ss's netids of the inet protocols */
static const char *inet_netid(int proto, uint8_t family)
{
	const char *nm = proto >= 0 ? nl_name(&sd_ipproto_names, (unsigned)proto) : NULL;
	return nm ? nm : family == SD_AF_INET6 ? "inet6" : "inet";
}

static unsigned slot_u8(const struct nl_sum_vals *v, int slot)
{
	struct nlc c;
	return nl_sum_get(v, slot, &c) && nlc_left(&c) >= 1 ? nlc_u8(&c) : 0;
}

static bool slot_u32(const struct nl_sum_vals *v, int slot, uint32_t *out)
{
	return nl_sum_u32(v, slot, out);
}

static void sum_name(struct dctx *d, const char *label, const struct nl_names *t, unsigned v)
{
	const char *nm = d->numeric ? NULL : nl_name(t, v);
	if (nm)
		emit_sum(d->e, "%s%s", label, nm);
	else
		emit_sum(d->e, "%s%u", label, v);
}

static void sum_bits(struct dctx *d, const char *label, const struct nl_names *t, uint32_t v)
{
	if (d->numeric) {
		emit_sum(d->e, "%s0x%x", label, v);
		return;
	}
	emit_sum_lit(d->e, label);
	bool first = true;
	for (unsigned b = 0; b < 32; b++) {
		if (!(v >> b & 1))
			continue;
		const char *nm = nl_name(t, b);
		if (nm)
			emit_sum(d->e, "%s%s", first ? "" : ",", nm);
		else
			emit_sum(d->e, "%s0x%x", first ? "" : ",", 1u << b);
		first = false;
	}
}

/* "127.0.0.1:8080", "[::1]:22", "*:*" (ss: the IPv6 wildcard as *, port 0 as *) */
static void sum_endpoint(struct dctx *d, uint8_t family, const uint8_t *a, uint16_t port)
{
	static const uint8_t zero[16];

	emit_sum_lit(d->e, " ");
	if (family == SD_AF_INET) {
		emit_sum_addr(d->e, EA_IPV4, a, 4);
	} else if (family == SD_AF_INET6 && !memcmp(a, zero, 16)) {
		emit_sum_lit(d->e, "*");
	} else if (family == SD_AF_INET6) {
		emit_sum_lit(d->e, "[");
		emit_sum_addr(d->e, EA_IPV6, a, 16);
		emit_sum_lit(d->e, "]");
	} else {
		emit_sum_lit(d->e, "?");
	}
	if (port)
		emit_sum(d->e, ":%u", port);
	else
		emit_sum_lit(d->e, ":*");
}

/* the two ends of an inet_diag_sockid */
static void sum_sockid(struct dctx *d, uint8_t family, struct nlc id)
{
	uint16_t sport = nlc_be16(&id), dport = nlc_be16(&id);
	const uint8_t *src = nlc_bytes(&id, 16), *dst = nlc_bytes(&id, 16);

	if (!src || !dst)
		return;
	sum_endpoint(d, family, src, sport);
	sum_endpoint(d, family, dst, dport);
}

/* inet_diag_msg: "tcp ESTAB 127.0.0.1:8080 127.0.0.1:41234 ino 1234 uid 0" */
enum { IM_FAMILY, IM_STATE, IM_ID, IM_UID, IM_INODE };
static const struct nl_sum_field inet_msg_fields[] = {
	[IM_FAMILY] = NL_SUM_HDR("family"), [IM_STATE] = NL_SUM_HDR("state"),
	[IM_ID] = NL_SUM_HDR("id"), [IM_UID] = NL_SUM_HDR("uid"), [IM_INODE] = NL_SUM_HDR("inode"),
};

static void sum_inet_msg(struct dctx *d, const struct nl_sum_vals *v)
{
	uint8_t family = (uint8_t)slot_u8(v, IM_FAMILY);
	int proto = sd_req_proto(d, family);
	struct nlc id;

	if (d->numeric && proto >= 0)
		emit_sum(d->e, " proto %d", proto);
	else
		emit_sum(d->e, " %s", inet_netid(d->numeric ? -1 : proto, family));
	sum_name(d, " ", &sd_state_names, slot_u8(v, IM_STATE));
	if (nl_sum_get(v, IM_ID, &id))
		sum_sockid(d, family, id);
}
static const struct nl_sum_part inet_msg_parts[] = {
	NLS_CALL(sum_inet_msg),
	NLS_PART(NLS_U32, IM_INODE, " ino "),
	NLS_PART(NLS_U32, IM_UID, " uid "),
};
const struct nl_summary sd_inet_msg_summary = NL_SUMMARY(inet_msg_fields, inet_msg_parts);

/* inet requests: "inet tcp states ESTAB,LISTEN ext meminfo,info filter sport = :8080" */
enum { IR_FAMILY, IR_PROTO, IR_EXT, IR_STATES, IR_ID, IR_BC, IR_PROTO_ATTR };
static const struct nl_sum_field inet_req_fields[] = {
	[IR_FAMILY] = NL_SUM_HDR("family"), [IR_PROTO] = NL_SUM_HDR("protocol"),
	[IR_EXT] = NL_SUM_HDR("ext"), [IR_STATES] = NL_SUM_HDR("states"),
	[IR_ID] = NL_SUM_HDR("id"), [IR_BC] = NL_SUM_ATTR(&sd_inet_req_set, "bytecode"),
	[IR_PROTO_ATTR] = NL_SUM_ATTR(&sd_inet_req_set, "protocol"),
};
/* v1 has no protocol byte: the message type says it */
static const struct nl_sum_field inet_req_v1_fields[] = {
	[IR_FAMILY] = NL_SUM_HDR("family"), [IR_PROTO] = NL_SUM_HDR("(none)"),
	[IR_EXT] = NL_SUM_HDR("ext"), [IR_STATES] = NL_SUM_HDR("states"),
	[IR_ID] = NL_SUM_HDR("id"), [IR_BC] = NL_SUM_ATTR(&sd_inet_req_set, "bytecode"),
	[IR_PROTO_ATTR] = NL_SUM_ATTR(&sd_inet_req_set, "protocol"),
};

static void sum_inet_req(struct dctx *d, const struct nl_sum_vals *v)
{
	uint8_t family = (uint8_t)slot_u8(v, IR_FAMILY);
	uint32_t states = 0, proto32;
	struct nlc id, bc;
	int proto = nl_sum_get(v, IR_PROTO, &id) ? (int)slot_u8(v, IR_PROTO)
						 : sd_req_proto(d, family);

	if (nl_sum_u32(v, IR_PROTO_ATTR, &proto32))
		proto = (int)proto32;
	sum_name(d, " ", &sd_family_names, family);
	if (d->numeric)
		emit_sum(d->e, " proto %d", proto);
	else
		emit_sum(d->e, " %s", inet_netid(proto, family));
	if (slot_u32(v, IR_STATES, &states) && states) {
		if ((states & 0xfff) == 0xfff && !d->numeric)
			emit_sum_lit(d->e, " states all");
		else
			sum_bits(d, " states ", &sd_state_bits, states);
	}
	if (slot_u8(v, IR_EXT))
		sum_bits(d, " ext ", &sd_ext_bits, slot_u8(v, IR_EXT));
	/* one socket (SOCK_DESTROY, a dump of one): its ends */
	if (nl_sum_get(v, IR_ID, &id)) {
		struct nlc p = id;
		if (nlc_u16(&p) || nlc_u16(&p))
			sum_sockid(d, family, id);
	}
	if (nl_sum_get(v, IR_BC, &bc)) {
		struct txt t;
		if (bc_expr(bc, &t))
			emit_sum(d->e, " filter %s", t.s);
		else
			emit_sum_lit(d->e, " filter (bytecode)");
	}
}
static const struct nl_sum_part inet_req_parts[] = { NLS_CALL(sum_inet_req) };
const struct nl_summary sd_inet_req_summary = NL_SUMMARY(inet_req_fields, inet_req_parts);
const struct nl_summary sd_inet_req_v1_summary = NL_SUMMARY(inet_req_v1_fields, inet_req_parts);

/* unix: "u_str LISTEN /tmp/sock ino 9939 peer 0" */
static const char *const unix_netid_v[] = { [1] = "u_str", [2] = "u_dgr", [5] = "u_seq" };
static const struct nl_names unix_netid_names = NL_NAMES(unix_netid_v);

enum { UM_TYPE, UM_STATE, UM_INO, UM_NAME, UM_PEER };
static const struct nl_sum_field unix_msg_fields[] = {
	[UM_TYPE] = NL_SUM_HDR("type"), [UM_STATE] = NL_SUM_HDR("state"),
	[UM_INO] = NL_SUM_HDR("ino"), [UM_NAME] = NL_SUM_ATTR(&sd_unix_set, "name"),
	[UM_PEER] = NL_SUM_ATTR(&sd_unix_set, "peer"),
};

static void sum_unix_msg(struct dctx *d, const struct nl_sum_vals *v)
{
	struct nlc nm;
	const uint8_t *p;

	sum_name(d, " ", &unix_netid_names, slot_u8(v, UM_TYPE));
	sum_name(d, " ", &sd_state_names, slot_u8(v, UM_STATE));
	if (!nl_sum_get(v, UM_NAME, &nm) || !nlc_left(&nm) || !(p = nlc_peek(&nm, nlc_left(&nm)))) {
		emit_sum_lit(d->e, " *");
		return;
	}
	size_t n = nlc_left(&nm);
	emit_sum_lit(d->e, " ");
	if (!p[0]) {
		emit_sum_lit(d->e, "@");
		emit_sum_str(d->e, p + 1, n - 1);
	} else {
		const uint8_t *z = memchr(p, 0, n);
		emit_sum_str(d->e, p, z ? (size_t)(z - p) : n);
	}
}
static const struct nl_sum_part unix_msg_parts[] = {
	NLS_CALL(sum_unix_msg),
	NLS_PART(NLS_U32, UM_INO, " ino "),
	NLS_PART(NLS_U32, UM_PEER, " peer "),
};
const struct nl_summary sd_unix_msg_summary = NL_SUMMARY(unix_msg_fields, unix_msg_parts);

/* requests of the other families: "unix states all show name,peer" */
enum { QR_FAMILY, QR_STATES, QR_SHOW };
static const struct nl_sum_field unix_req_fields[] = {
	[QR_FAMILY] = NL_SUM_HDR("family"), [QR_STATES] = NL_SUM_HDR("states"),
	[QR_SHOW] = NL_SUM_HDR("show"),
};
static const struct nl_sum_field req_fields[] = {
	[QR_FAMILY] = NL_SUM_HDR("family"), [QR_STATES] = NL_SUM_HDR("states"),
	[QR_SHOW] = NL_SUM_HDR("show"),
};

static void sum_req(struct dctx *d, const struct nl_sum_vals *v, const struct nl_names *show)
{
	uint32_t u;

	sum_name(d, " ", &sd_family_names, slot_u8(v, QR_FAMILY));
	if (slot_u32(v, QR_STATES, &u) && u) {
		if ((u & 0xfff) == 0xfff && !d->numeric)
			emit_sum_lit(d->e, " states all");
		else
			sum_bits(d, " states ", &sd_state_bits, u);
	}
	if (show && slot_u32(v, QR_SHOW, &u) && u)
		sum_bits(d, " show ", show, u);
}

static void sum_unix_req(struct dctx *d, const struct nl_sum_vals *v)
{
	sum_req(d, v, &sd_unix_show_bits);
}
static const struct nl_sum_part unix_req_parts[] = { NLS_CALL(sum_unix_req) };
const struct nl_summary sd_unix_req_summary = NL_SUMMARY(unix_req_fields, unix_req_parts);

static void sum_plain_req(struct dctx *d, const struct nl_sum_vals *v)
{
	sum_req(d, v, NULL);
}
static const struct nl_sum_part req_parts[] = { NLS_CALL(sum_plain_req) };
const struct nl_summary sd_req_summary = NL_SUMMARY(req_fields, req_parts);

static void sum_netlink_req(struct dctx *d, const struct nl_sum_vals *v)
{
	sum_req(d, v, &sd_ndiag_show_bits);
}
static const struct nl_sum_part netlink_req_parts[] = { NLS_CALL(sum_netlink_req) };
const struct nl_summary sd_netlink_req_summary = NL_SUMMARY(req_fields, netlink_req_parts);

static void sum_packet_req(struct dctx *d, const struct nl_sum_vals *v)
{
	sum_req(d, v, &sd_pdiag_show_bits);
}
static const struct nl_sum_part packet_req_parts[] = { NLS_CALL(sum_packet_req) };
const struct nl_summary sd_packet_req_summary = NL_SUMMARY(req_fields, packet_req_parts);

/* netlink: "nl UNCONN rtnl:190 ino 1234", the protocol as ss names it */
static const char *const nl_proto_v[] = {
	"rtnl", "unused", "usersock", "fw", "tcpdiag", "nflog", "xfrm", "selinux", "iscsi",
	"audit", "fiblookup", "connector", "nft", "ip6fw", "dec-rt", "uevent", "genl",
	"unused17", "scsi-trans", "ecryptfs", "rdma", "crypto", "smc",
};
static const struct nl_names nl_proto_names = NL_NAMES(nl_proto_v);
static const char *const nl_state_v[] = { "UNCONN", "ESTAB" };
static const struct nl_names nl_state_names = NL_NAMES(nl_state_v);

enum { NM_PROTO, NM_STATE, NM_PORTID, NM_DPORT, NM_DGROUP, NM_INO };
static const struct nl_sum_field netlink_msg_fields[] = {
	[NM_PROTO] = NL_SUM_HDR("protocol"), [NM_STATE] = NL_SUM_HDR("state"),
	[NM_PORTID] = NL_SUM_HDR("portid"), [NM_DPORT] = NL_SUM_HDR("dst_portid"),
	[NM_DGROUP] = NL_SUM_HDR("dst_group"), [NM_INO] = NL_SUM_HDR("ino"),
};

static void sum_netlink_msg(struct dctx *d, const struct nl_sum_vals *v)
{
	uint32_t port = 0, dport = 0, dgroup = 0;

	emit_sum_lit(d->e, " nl");
	sum_name(d, " ", &nl_state_names, slot_u8(v, NM_STATE));
	sum_name(d, " ", &nl_proto_names, slot_u8(v, NM_PROTO));
	slot_u32(v, NM_PORTID, &port);
	emit_sum(d->e, ":%u", port);
	slot_u32(v, NM_DPORT, &dport);
	slot_u32(v, NM_DGROUP, &dgroup);
	if (dport || dgroup)
		emit_sum(d->e, " %u:%u", dport, dgroup);
	else
		emit_sum_lit(d->e, " *");
}
static const struct nl_sum_part netlink_msg_parts[] = {
	NLS_CALL(sum_netlink_msg),
	NLS_PART(NLS_U32, NM_INO, " ino "),
};
const struct nl_summary sd_netlink_msg_summary = NL_SUMMARY(netlink_msg_fields, netlink_msg_parts);

/* packet: "p_raw *:eth0 ino 1234" (protocol:interface, as ss -0) */
static const char *const packet_netid_v[] = { [2] = "p_dgr", [3] = "p_raw" };
static const struct nl_names packet_netid_names = NL_NAMES(packet_netid_v);

enum { PM_TYPE, PM_NUM, PM_INO, PM_INFO };
static const struct nl_sum_field packet_msg_fields[] = {
	[PM_TYPE] = NL_SUM_HDR("type"), [PM_NUM] = NL_SUM_HDR("num"),
	[PM_INO] = NL_SUM_HDR("ino"), [PM_INFO] = NL_SUM_ATTR(&sd_packet_set, "info"),
};

static void sum_packet_msg(struct dctx *d, const struct nl_sum_vals *v)
{
	struct nlc c, info;
	uint16_t num = 0;
	uint32_t ifindex = 0;

	sum_name(d, " ", &packet_netid_names, slot_u8(v, PM_TYPE));
	if (nl_sum_get(v, PM_NUM, &c))
		num = nlc_u16(&c);
	if (num == 0x0003)	/* ETH_P_ALL */
		emit_sum_lit(d->e, " *");
	else if (num == 0x0800 && !d->numeric)
		emit_sum_lit(d->e, " ip");
	else if (num == 0x86dd && !d->numeric)
		emit_sum_lit(d->e, " ipv6");
	else
		emit_sum(d->e, " 0x%04x", num);
	if (nl_sum_get(v, PM_INFO, &info) && nlc_left(&info) >= 4)
		ifindex = nlc_u32(&info);
	const char *nm = ifindex && !d->numeric ? ifmap_get(d->st->ifnames, ifindex) : NULL;
	if (!ifindex) {
		emit_sum_lit(d->e, ":*");
	} else if (nm) {
		emit_sum_lit(d->e, ":");
		emit_sum_str(d->e, (const uint8_t *)nm, strlen(nm));
	} else {
		emit_sum(d->e, ":if%u", ifindex);
	}
}
static const struct nl_sum_part packet_msg_parts[] = {
	NLS_CALL(sum_packet_msg),
	NLS_PART(NLS_U32, PM_INO, " ino "),
};
const struct nl_summary sd_packet_msg_summary = NL_SUMMARY(packet_msg_fields, packet_msg_parts);
