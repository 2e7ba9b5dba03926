/* nft_rule_stmt.c - the statements of a rule as nft writes them: counter,
 * named objects, log, limit, quota, nat, masquerade, redirect, reject,
 * queue, dup, fwd, tproxy, synproxy, connlimit, last, flow offload,
 * notrack, dynamic set updates.  Each reads its expression's attributes
 * (NFTA_<EXPR>_*, include/uapi/linux/netfilter/nf_tables.h) and the
 * registers it names; anything it cannot say exactly fails the rule.
 */
#include <inttypes.h>
#include <string.h>

#include "nft_rule.h"

/* NFTA_COUNTER_BYTES 1, PACKETS 2 */
static void st_counter(struct nft_r *r, const struct nft_xa *x)
{
	uint64_t by = 0, pk = 0;

	nft_a_u64(x, 1, &by);
	nft_a_u64(x, 2, &pk);
	sbuf_printf(&r->out, "counter packets %" PRIu64 " bytes %" PRIu64, pk, by);
}

/* NFTA_OBJREF_IMM_TYPE 1, IMM_NAME 2 (NFT_OBJECT_*) */
static void st_objref(struct nft_r *r, const struct nft_xa *x)
{
	static const char *const words[] = {
		[1] = "counter name", [2] = "quota name", [3] = "ct helper set",
		[4] = "limit name", [7] = "ct timeout set", [8] = "meta secmark set",
		[9] = "ct expectation set", [10] = "synproxy name",
	};
	uint32_t type;
	const uint8_t *nm;
	size_t nn;

	if (!nft_a_u32(x, 1, &type) || type >= ARRAY_SIZE(words) || !words[type] ||
	    !nft_a_str(x, 2, &nm, &nn)) {
		r->fail = true;
		return;
	}
	sbuf_printf(&r->out, "%s \"", words[type]);
	sbuf_escape(&r->out, nm, nn, '"');
	sbuf_putc(&r->out, '"');
}

/* NFTA_LOG_GROUP 1, PREFIX 2, SNAPLEN 3, QTHRESHOLD 4, LEVEL 5, FLAGS 6 */
static void st_log(struct nft_r *r, const struct nft_xa *x)
{
	static const char *const levels[] = { "emerg", "alert", "crit", "err", "warn",
					      "notice", "info", "debug", "audit" };
	const uint8_t *p;
	size_t n;
	uint16_t g16;
	uint32_t v, flags = 0;

	sbuf_puts(&r->out, "log");
	if (nft_a_str(x, 2, &p, &n)) {
		sbuf_puts(&r->out, " prefix \"");
		sbuf_escape(&r->out, p, n, '"');
		sbuf_putc(&r->out, '"');
	}
	if (nft_a_u16(x, 1, &g16))
		sbuf_printf(&r->out, " group %u", g16);
	if (nft_a_u32(x, 3, &v))
		sbuf_printf(&r->out, " snaplen %u", v);
	if (nft_a_u16(x, 4, &g16))
		sbuf_printf(&r->out, " queue-threshold %u", g16);
	if (nft_a_u32(x, 5, &v) && v != 4) {
		if (v >= ARRAY_SIZE(levels))
			r->fail = true;
		else
			sbuf_printf(&r->out, " level %s", levels[v]);
	}
	nft_a_u32(x, 6, &flags);
	/* NF_LOG_TCPSEQ 1, TCPOPT 2, IPOPT 4, UID 8, MACDECODE 0x20 */
	if ((flags & 0x2f) == 0x2f) {
		sbuf_puts(&r->out, " flags all");
	} else {
		if (flags & 3)
			sbuf_printf(&r->out, " flags tcp %s", (flags & 3) == 3 ? "sequence,options"
							  : flags & 1 ? "sequence" : "options");
		if (flags & 4)
			sbuf_puts(&r->out, " flags ip options");
		if (flags & 8)
			sbuf_puts(&r->out, " flags skuid");
		if (flags & 0x20)
			sbuf_puts(&r->out, " flags ether");
	}
	if (flags & ~0x2fu)
		r->fail = true;
}

/* bytes as nft writes a quantity: 100 mbytes */
static void data_unit(struct sbuf *b, uint64_t v)
{
	static const char *const units[] = { "bytes", "kbytes", "mbytes" };
	unsigned u = 0;

	while (v && v % 1024 == 0 && u + 1 < ARRAY_SIZE(units)) {
		v /= 1024;
		u++;
	}
	sbuf_printf(b, "%" PRIu64 " %s", v, units[u]);
}

/* NFTA_LIMIT_RATE 1, UNIT 2, BURST 3, TYPE 4 (pkts 0, bytes 1), FLAGS 5 */
static void st_limit(struct nft_r *r, const struct nft_xa *x)
{
	uint64_t rate, unit;
	uint32_t burst = 0, type = 0, flags = 0;
	const char *per;

	nft_a_u32(x, 3, &burst);
	nft_a_u32(x, 4, &type);
	nft_a_u32(x, 5, &flags);
	if (!nft_a_u64(x, 1, &rate) || !nft_a_u64(x, 2, &unit) || type > 1 || flags > 1) {
		r->fail = true;
		return;
	}
	per = unit == 1 ? "second" : unit == 60 ? "minute" : unit == 3600 ? "hour"
	    : unit == 86400 ? "day" : unit == 604800 ? "week" : NULL;
	if (!per) {
		r->fail = true;
		return;
	}
	sbuf_printf(&r->out, "limit rate %s", flags ? "over " : "");
	if (type == 0) {
		sbuf_printf(&r->out, "%" PRIu64 "/%s", rate, per);
		if (burst && burst != 5)
			sbuf_printf(&r->out, " burst %u packets", burst);
	} else {
		data_unit(&r->out, rate);
		sbuf_printf(&r->out, "/%s", per);
		if (burst) {
			sbuf_puts(&r->out, " burst ");
			data_unit(&r->out, burst);
		}
	}
}

/* NFTA_QUOTA_BYTES 1, FLAGS 2 (NFT_QUOTA_F_INV), CONSUMED 4 */
static void st_quota(struct nft_r *r, const struct nft_xa *x)
{
	uint64_t bytes, used = 0;
	uint32_t flags = 0;

	nft_a_u32(x, 2, &flags);
	nft_a_u64(x, 4, &used);
	if (!nft_a_u64(x, 1, &bytes) || flags > 1) {
		r->fail = true;
		return;
	}
	sbuf_printf(&r->out, "quota %s", flags ? "over " : "");
	data_unit(&r->out, bytes);
	if (used) {
		sbuf_puts(&r->out, " used ");
		data_unit(&r->out, used);
	}
}

/* a register's value by type, a range when the max register differs */
static bool reg_range(struct nft_r *r, const struct nft_xa *x, unsigned tmin, unsigned tmax,
		      unsigned ty)
{
	struct nft_reg *lo = nft_src(r, x, tmin), *hi;
	uint32_t a, b;

	if (!lo || !nft_reg_text(r, lo, ty, false, &r->out))
		return false;
	if (!(x->have >> tmax & 1) || (nft_a_u32(x, tmin, &a) && nft_a_u32(x, tmax, &b) && a == b))
		return true;
	hi = nft_src(r, x, tmax);
	if (!hi)
		return false;
	sbuf_putc(&r->out, '-');
	return nft_reg_text(r, hi, ty, false, &r->out);
}

/* NF_NAT_RANGE_PROTO_RANDOM 4, PERSISTENT 8, PROTO_RANDOM_FULLY 16 (MAP_IPS
 * 1 and PROTO_SPECIFIED 2 say what the registers say) */
static bool nat_flags(struct nft_r *r, uint32_t flags)
{
	static const char *const names[] = { "random", "persistent", "fully-random" };
	unsigned n = 0;

	for (unsigned i = 0; i < 3; i++)
		if (flags >> (i + 2) & 1)
			sbuf_printf(&r->out, "%s%s", n++ ? "," : " ", names[i]);
	return !(flags & ~0x1fu);
}

/* the port part of a nat, masquerade or redirect: ":80-90" */
static bool proto_part(struct nft_r *r, const struct nft_xa *x, unsigned tmin, unsigned tmax)
{
	if (!(x->have >> tmin & 1))
		return true;
	sbuf_putc(&r->out, ':');
	return reg_range(r, x, tmin, tmax, TY_INT);
}

/* NFTA_NAT_TYPE 1, FAMILY 2, REG_ADDR_MIN 3, MAX 4, REG_PROTO_MIN 5, MAX 6, FLAGS 7 */
static void st_nat(struct nft_r *r, const struct nft_xa *x)
{
	uint32_t type, fam = 0, flags = 0;
	bool addr = x->have >> 3 & 1, port = x->have >> 5 & 1;

	nft_a_u32(x, 2, &fam);
	nft_a_u32(x, 7, &flags);
	if (!nft_a_u32(x, 1, &type) || type > 1 || (addr && fam != NFP_IPV4 && fam != NFP_IPV6)) {
		r->fail = true;
		return;
	}
	sbuf_puts(&r->out, type ? "dnat" : "snat");
	if (r->family == NFP_INET && addr)
		sbuf_puts(&r->out, fam == NFP_IPV4 ? " ip" : " ip6");
	if (addr || port)
		sbuf_puts(&r->out, " to ");
	bool br = addr && port && fam == NFP_IPV6;
	if (br)
		sbuf_putc(&r->out, '[');
	if (addr && !reg_range(r, x, 3, 4, fam == NFP_IPV4 ? TY_IPV4 : TY_IPV6))
		r->fail = true;
	if (br)
		sbuf_putc(&r->out, ']');
	if (!proto_part(r, x, 5, 6) || !nat_flags(r, flags))
		r->fail = true;
}

/* masquerade, redirect: [to :PORT[-PORT]] [flags] */
static void masq_redir(struct nft_r *r, const struct nft_xa *x, const char *word,
		       unsigned tflags, unsigned tmin, unsigned tmax)
{
	uint32_t flags = 0;

	nft_a_u32(x, tflags, &flags);
	sbuf_puts(&r->out, word);
	if (x->have >> tmin & 1)
		sbuf_puts(&r->out, " to ");
	if (!proto_part(r, x, tmin, tmax) || !nat_flags(r, flags))
		r->fail = true;
}

/* NFTA_MASQ_FLAGS 1, REG_PROTO_MIN 2, MAX 3 */
static void st_masq(struct nft_r *r, const struct nft_xa *x)
{
	masq_redir(r, x, "masquerade", 1, 2, 3);
}

/* NFTA_REDIR_REG_PROTO_MIN 1, MAX 2, FLAGS 3 */
static void st_redir(struct nft_r *r, const struct nft_xa *x)
{
	masq_redir(r, x, "redirect", 3, 1, 2);
}

/* NFTA_REJECT_TYPE 1 (icmp unreach 0, tcp rst 1, icmpx unreach 2),
 * ICMP_CODE 2; what nft leaves out: the family's default */
static void st_reject(struct nft_r *r, const struct nft_xa *x)
{
	static const char *const icmpx[] = { "no-route", "port-unreachable",
					      "host-unreachable", "admin-prohibited" };
	uint32_t type;
	uint8_t code = 0;
	const char *nm = NULL;
	bool inet = r->family == NFP_INET || r->family == NFP_BRIDGE || r->family == NFP_NETDEV;

	nft_a_u8(x, 2, &code);
	if (!nft_a_u32(x, 1, &type)) {
		r->fail = true;
		return;
	}
	if (type == 1) {
		if (r->l4 == 6 && r->dep_l4 >= 0)
			r->tok[r->dep_l4].dead = true;	/* meta l4proto tcp */
		sbuf_puts(&r->out, "reject with tcp reset");
		return;
	}
	if (type == 0 && r->family == NFP_IPV4) {
		nm = code == 3 ? "" : nft_sym(TY_ICMP_CODE, code);
		if (nm && *nm)
			sbuf_printf(&r->out, "reject with icmp %s", nm);
	} else if (type == 0 && r->family == NFP_IPV6) {
		nm = code == 4 ? "" : nft_sym(TY_ICMP6_CODE, code);
		if (nm && *nm)
			sbuf_printf(&r->out, "reject with icmpv6 %s", nm);
	} else if (type == 2 && inet && code < ARRAY_SIZE(icmpx)) {
		nm = code == 1 ? "" : icmpx[code];
		if (*nm)
			sbuf_printf(&r->out, "reject with icmpx %s", nm);
	}
	if (!nm)
		r->fail = true;
	else if (!*nm)
		sbuf_puts(&r->out, "reject");
}

/* NFTA_QUEUE_NUM 1, TOTAL 2, FLAGS 3 (bypass 1, fanout 2), SREG_QNUM 4 */
static void st_queue(struct nft_r *r, const struct nft_xa *x)
{
	uint16_t num = 0, total = 1, flags = 0;

	nft_a_u16(x, 1, &num);
	nft_a_u16(x, 2, &total);
	nft_a_u16(x, 3, &flags);
	if (flags > 3 || !total || (x->have >> 4 & 1)) {
		r->fail = true;
		return;
	}
	sbuf_puts(&r->out, "queue");
	if (flags)
		sbuf_printf(&r->out, " flags %s", flags == 3 ? "bypass,fanout"
						 : flags == 1 ? "bypass" : "fanout");
	sbuf_printf(&r->out, " to %u", num);
	if (total > 1)
		sbuf_printf(&r->out, "-%u", num + total - 1u);
}

/* NFTA_DUP_SREG_ADDR 1, SREG_DEV 2 (ip and ip6 tables) */
static void st_dup(struct nft_r *r, const struct nft_xa *x)
{
	struct nft_reg *a = nft_src(r, x, 1);
	unsigned ty = r->family == NFP_IPV4 ? TY_IPV4 : r->family == NFP_IPV6 ? TY_IPV6 : 0;

	sbuf_puts(&r->out, "dup to ");
	if (!a || !ty || !nft_reg_text(r, a, ty, false, &r->out)) {
		r->fail = true;
		return;
	}
	if (x->have >> 2 & 1) {
		struct nft_reg *dv = nft_src(r, x, 2);
		sbuf_puts(&r->out, " device ");
		if (!dv || !nft_reg_text(r, dv, TY_IFINDEX, true, &r->out))
			r->fail = true;
	}
}

/* NFTA_FWD_SREG_DEV 1 (a device alone) */
static void st_fwd(struct nft_r *r, const struct nft_xa *x)
{
	struct nft_reg *dv = nft_src(r, x, 1);

	sbuf_puts(&r->out, "fwd to ");
	if (!dv || (x->have >> 2 & 1) || !nft_reg_text(r, dv, TY_IFINDEX, true, &r->out))
		r->fail = true;
}

/* NFTA_TPROXY_FAMILY 1, REG_ADDR 2, REG_PORT 3 */
static void st_tproxy(struct nft_r *r, const struct nft_xa *x)
{
	uint32_t fam = 0;

	nft_a_u32(x, 1, &fam);
	sbuf_puts(&r->out, "tproxy");
	if (r->family == NFP_INET && fam)
		sbuf_puts(&r->out, fam == NFP_IPV4 ? " ip" : " ip6");
	sbuf_puts(&r->out, " to ");
	if (x->have >> 2 & 1) {
		struct nft_reg *a = nft_src(r, x, 2);
		unsigned ty = fam == NFP_IPV4 ? TY_IPV4 : fam == NFP_IPV6 ? TY_IPV6 : 0;
		bool br = ty == TY_IPV6 && (x->have >> 3 & 1);
		if (br)
			sbuf_putc(&r->out, '[');
		if (!a || !ty || !nft_reg_text(r, a, ty, false, &r->out))
			r->fail = true;
		if (br)
			sbuf_putc(&r->out, ']');
	}
	if (x->have >> 3 & 1) {
		struct nft_reg *p = nft_src(r, x, 3);
		sbuf_putc(&r->out, ':');
		if (!p || !nft_reg_text(r, p, TY_INT, false, &r->out))
			r->fail = true;
	}
}

/* NFTA_SYNPROXY_MSS 1, WSCALE 2, FLAGS 3 (NF_SYNPROXY_OPT_*) */
static void st_synproxy(struct nft_r *r, const struct nft_xa *x)
{
	uint16_t mss = 0;
	uint8_t ws = 0;
	uint32_t flags = 0;

	nft_a_u16(x, 1, &mss);
	nft_a_u8(x, 2, &ws);
	nft_a_u32(x, 3, &flags);
	sbuf_puts(&r->out, "synproxy");
	if (flags & 1)
		sbuf_printf(&r->out, " mss %u", mss);
	if (flags & 2)
		sbuf_printf(&r->out, " wscale %u", ws);
	if (flags & 8)
		sbuf_puts(&r->out, " timestamp");
	if (flags & 4)
		sbuf_puts(&r->out, " sack-perm");
	if (flags & ~0x1fu)
		r->fail = true;
}

/* NFTA_CONNLIMIT_COUNT 1, FLAGS 2 (NFT_CONNLIMIT_F_INV) */
static void st_connlimit(struct nft_r *r, const struct nft_xa *x)
{
	uint32_t n, flags = 0;

	nft_a_u32(x, 2, &flags);
	if (!nft_a_u32(x, 1, &n) || flags > 1)
		r->fail = true;
	else
		sbuf_printf(&r->out, "ct count %s%u", flags ? "over " : "", n);
}

/* NFTA_LAST_SET 1, MSECS 2 */
static void st_last(struct nft_r *r, const struct nft_xa *x)
{
	uint32_t set = 0;
	uint64_t ms = 0;

	nft_a_u32(x, 1, &set);
	nft_a_u64(x, 2, &ms);
	sbuf_puts(&r->out, "last used ");
	if (set)
		nft_time(&r->out, ms);
	else
		sbuf_puts(&r->out, "never");
}

/* NFTA_FLOW_TABLE_NAME 1 */
static void st_flow(struct nft_r *r, const struct nft_xa *x)
{
	const uint8_t *nm;
	size_t nn;

	if (!nft_a_str(x, 1, &nm, &nn)) {
		r->fail = true;
		return;
	}
	sbuf_puts(&r->out, "flow add @");
	sbuf_escape(&r->out, nm, nn, 0);
}

static void st_notrack(struct nft_r *r, const struct nft_xa *x)
{
	(void)x;
	sbuf_puts(&r->out, "notrack");
}

static void st_dynset(struct nft_r *r, const struct nft_xa *x);

static const struct {
	const char *name;
	void (*fn)(struct nft_r *r, const struct nft_xa *x);
} stmts[] = {
	{ "counter", st_counter }, { "objref", st_objref }, { "log", st_log },
	{ "limit", st_limit }, { "quota", st_quota }, { "nat", st_nat }, { "masq", st_masq },
	{ "redir", st_redir }, { "reject", st_reject }, { "queue", st_queue },
	{ "dup", st_dup }, { "fwd", st_fwd }, { "tproxy", st_tproxy },
	{ "synproxy", st_synproxy }, { "connlimit", st_connlimit }, { "last", st_last },
	{ "flow_offload", st_flow }, { "notrack", st_notrack }, { "dynset", st_dynset },
};

static bool stmt_text(struct nft_r *r, const uint8_t *nm, size_t nn, const struct nft_xa *x)
{
	for (size_t i = 0; i < ARRAY_SIZE(stmts); i++) {
		if (strlen(stmts[i].name) == nn && !memcmp(stmts[i].name, nm, nn)) {
			stmts[i].fn(r, x);
			return true;
		}
	}
	return false;
}

bool nft_stmt(struct nft_r *r, const char *name, size_t nn, const struct nft_xa *x)
{
	bool ok;

	nft_tok_begin(r);
	ok = stmt_text(r, (const uint8_t *)name, nn, x);
	nft_tok_end(r);
	return ok;
}

/* NFTA_DYNSET_SET_NAME 1, OP 3 (add, update, delete), SREG_KEY 4,
 * SREG_DATA 5, TIMEOUT 6, EXPR 7, EXPRESSIONS 10 */
static void st_dynset(struct nft_r *r, const struct nft_xa *x)
{
	static const char *const ops[] = { "add", "update", "delete" };
	const uint8_t *nm, *en;
	size_t nn, enn;
	uint32_t op;
	uint64_t tmo = 0;
	struct nft_reg *k = nft_src(r, x, 4);
	struct nft_xa ix;

	nft_a_u64(x, 6, &tmo);
	if (!k || !nft_a_str(x, 1, &nm, &nn) || !nft_a_u32(x, 3, &op) || op > 2 ||
	    (x->have >> 5 & 1) || (x->have >> 10 & 1) || k->kind != RK_LOAD) {
		r->fail = true;
		return;
	}
	sbuf_printf(&r->out, "%s @", ops[op]);
	sbuf_escape(&r->out, nm, nn, 0);
	sbuf_puts(&r->out, " { ");
	nft_concat_text(r, k, &r->out);
	if (tmo) {
		sbuf_puts(&r->out, " timeout ");
		nft_time(&r->out, tmo);
	}
	if (x->have >> 7 & 1) {
		struct nlc e = x->a[7];
		sbuf_putc(&r->out, ' ');
		if (!nft_expr_parse(e, &en, &enn, &ix) || !stmt_text(r, en, enn, &ix))
			r->fail = true;
	}
	sbuf_puts(&r->out, " }");
}

/* a time as nft writes it: 1d2h3m4s500ms */
void nft_time(struct sbuf *b, uint64_t ms)
{
	static const struct {
		uint64_t ms;
		const char *u;
	} parts[] = { { 86400000, "d" }, { 3600000, "h" }, { 60000, "m" }, { 1000, "s" },
		      { 1, "ms" } };

	if (!ms) {
		sbuf_puts(b, "0s");
		return;
	}
	for (size_t i = 0; i < ARRAY_SIZE(parts); i++) {
		if (ms >= parts[i].ms) {
			sbuf_printf(b, "%" PRIu64 "%s", ms / parts[i].ms, parts[i].u);
			ms %= parts[i].ms;
		}
	}
}
