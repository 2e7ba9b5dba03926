/* nlmsg_ctl.c - the control messages: NLMSG_ERROR with its extended ACK,
 * NLMSG_DONE and the parts of a dump it closes; errno names.
 *
 * Reference: include/uapi/linux/netlink.h.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nlcore.h"
#include "nlmsg_priv.h"
#include "registry.h"
#include "txn.h"

/* ---- errno names (Linux asm-generic/errno*.h values) ---- */

static const char *const errno_names[] = {
	[1] = "EPERM", [2] = "ENOENT", [3] = "ESRCH", [4] = "EINTR", [5] = "EIO",
	[6] = "ENXIO", [7] = "E2BIG", [8] = "ENOEXEC", [9] = "EBADF", [10] = "ECHILD",
	[11] = "EAGAIN", [12] = "ENOMEM", [13] = "EACCES", [14] = "EFAULT",
	[15] = "ENOTBLK", [16] = "EBUSY", [17] = "EEXIST", [18] = "EXDEV",
	[19] = "ENODEV", [20] = "ENOTDIR", [21] = "EISDIR", [22] = "EINVAL",
	[23] = "ENFILE", [24] = "EMFILE", [25] = "ENOTTY", [26] = "ETXTBSY",
	[27] = "EFBIG", [28] = "ENOSPC", [29] = "ESPIPE", [30] = "EROFS",
	[31] = "EMLINK", [32] = "EPIPE", [33] = "EDOM", [34] = "ERANGE",
	[35] = "EDEADLK", [36] = "ENAMETOOLONG", [37] = "ENOLCK", [38] = "ENOSYS",
	[39] = "ENOTEMPTY", [40] = "ELOOP", [42] = "ENOMSG", [43] = "EIDRM",
	[44] = "ECHRNG", [45] = "EL2NSYNC", [46] = "EL3HLT", [47] = "EL3RST",
	[48] = "ELNRNG", [49] = "EUNATCH", [50] = "ENOCSI", [51] = "EL2HLT",
	[52] = "EBADE", [53] = "EBADR", [54] = "EXFULL", [55] = "ENOANO",
	[56] = "EBADRQC", [57] = "EBADSLT", [59] = "EBFONT", [60] = "ENOSTR",
	[61] = "ENODATA", [62] = "ETIME", [63] = "ENOSR", [64] = "ENONET",
	[65] = "ENOPKG", [66] = "EREMOTE", [67] = "ENOLINK", [68] = "EADV",
	[69] = "ESRMNT", [70] = "ECOMM", [71] = "EPROTO", [72] = "EMULTIHOP",
	[73] = "EDOTDOT", [74] = "EBADMSG", [75] = "EOVERFLOW", [76] = "ENOTUNIQ",
	[77] = "EBADFD", [78] = "EREMCHG", [79] = "ELIBACC", [80] = "ELIBBAD",
	[81] = "ELIBSCN", [82] = "ELIBMAX", [83] = "ELIBEXEC", [84] = "EILSEQ",
	[85] = "ERESTART", [86] = "ESTRPIPE", [87] = "EUSERS", [88] = "ENOTSOCK",
	[89] = "EDESTADDRREQ", [90] = "EMSGSIZE", [91] = "EPROTOTYPE",
	[92] = "ENOPROTOOPT", [93] = "EPROTONOSUPPORT", [94] = "ESOCKTNOSUPPORT",
	[95] = "EOPNOTSUPP", [96] = "EPFNOSUPPORT", [97] = "EAFNOSUPPORT",
	[98] = "EADDRINUSE", [99] = "EADDRNOTAVAIL", [100] = "ENETDOWN",
	[101] = "ENETUNREACH", [102] = "ENETRESET", [103] = "ECONNABORTED",
	[104] = "ECONNRESET", [105] = "ENOBUFS", [106] = "EISCONN",
	[107] = "ENOTCONN", [108] = "ESHUTDOWN", [109] = "ETOOMANYREFS",
	[110] = "ETIMEDOUT", [111] = "ECONNREFUSED", [112] = "EHOSTDOWN",
	[113] = "EHOSTUNREACH", [114] = "EALREADY", [115] = "EINPROGRESS",
	[116] = "ESTALE", [117] = "EUCLEAN", [118] = "ENOTNAM", [119] = "ENAVAIL",
	[120] = "EISNAM", [121] = "EREMOTEIO", [122] = "EDQUOT",
	[123] = "ENOMEDIUM", [124] = "EMEDIUMTYPE", [125] = "ECANCELED",
	[126] = "ENOKEY", [127] = "EKEYEXPIRED", [128] = "EKEYREVOKED",
	[129] = "EKEYREJECTED", [130] = "EOWNERDEAD", [131] = "ENOTRECOVERABLE",
	[132] = "ERFKILL", [133] = "EHWPOISON",
	/* kernel-internal codes that reach netlink (include/linux/errno.h) */
	[512] = "ERESTARTSYS", [513] = "ERESTARTNOINTR", [514] = "ERESTARTNOHAND",
	[515] = "ENOIOCTLCMD", [516] = "ERESTART_RESTARTBLOCK",
	[517] = "EPROBE_DEFER", [518] = "EOPENSTALE", [519] = "ENOPARAM",
	[521] = "EBADHANDLE", [522] = "ENOTSYNC", [523] = "EBADCOOKIE",
	[524] = "ENOTSUPP", [525] = "ETOOSMALL", [526] = "ESERVERFAULT",
	[527] = "EBADTYPE", [528] = "EJUKEBOX", [529] = "EIOCBQUEUED",
	[530] = "ERECALLCONFLICT", [531] = "ENOGRACE",
};

/* |err| without overflow for INT_MIN */
static unsigned err_abs(int err)
{
	return err < 0 ? 0u - (unsigned)err : (unsigned)err;
}

const char *nl_errno_name(int err)
{
	unsigned u = err_abs(err);

	return u < ARRAY_SIZE(errno_names) ? errno_names[u] : NULL;
}

/* Text of an errno: the C library's (Linux numbering), not for kernel-internal codes. */
static const char *errno_text(int err)
{
	unsigned u = err_abs(err);

	if (u == 0 || u > 133)
		return NULL;
	return strerror((int)u);
}

/* ---- extended ACK (include/uapi/linux/netlink.h) ---- */

static const char *const attr_type_names_v[] = {
	"invalid", "flag", "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64",
	"binary", "string", "nul_string", "nested", "nested_array",
	"bitfield32", "sint", "uint",
};
const struct nl_names nl_attr_type_names = NL_NAMES(attr_type_names_v);

static const struct nl_attr_pol policy_type_attrs[] = {
	[1] = { "type", NLA_KIND_U32, .enums = &nl_attr_type_names },
	[2] = { "min_value_s", NLA_KIND_S64 },
	[3] = { "max_value_s", NLA_KIND_S64 },
	[4] = { "min_value_u", NLA_KIND_U64 },
	[5] = { "max_value_u", NLA_KIND_U64 },
	[6] = { "min_length", NLA_KIND_U32 },
	[7] = { "max_length", NLA_KIND_U32 },
	[8] = { "policy_idx", NLA_KIND_U32 },
	[9] = { "policy_maxtype", NLA_KIND_U32 },
	[10] = { "bitfield32_mask", NLA_KIND_U32, .flags = NLAF_HEX },
	[11] = { "pad", NLA_KIND_PAD },
	[12] = { "mask", NLA_KIND_U64, .flags = NLAF_HEX },
};
const struct nl_attr_set nl_policy_type_set = NL_ATTR_SET("policy_type", policy_type_attrs);

#define NLMSGERR_ATTR_MSG	1
#define NLMSGERR_ATTR_OFFS	2
#define NLMSGERR_ATTR_POLICY	4
#define NLMSGERR_ATTR_MISS_TYPE	5
#define NLMSGERR_ATTR_MISS_NEST	6

static const struct nl_attr_pol extack_attrs[] = {
	[NLMSGERR_ATTR_MSG] = { "msg", NLA_KIND_NUL_STRING },
	[NLMSGERR_ATTR_OFFS] = { "offs", NLA_KIND_U32 },
	[3] = { "cookie", NLA_KIND_BINARY },
	[NLMSGERR_ATTR_POLICY] = { "policy", NLA_KIND_NESTED, .nest = &nl_policy_type_set },
	[NLMSGERR_ATTR_MISS_TYPE] = { "miss_type", NLA_KIND_U32 },
	[NLMSGERR_ATTR_MISS_NEST] = { "miss_nest", NLA_KIND_U32 },
};
const struct nl_attr_set nl_extack_set = NL_ATTR_SET("extack", extack_attrs);

/* A short name for the request an ACK/ERROR answers: "NEWLINK", "ovs_flow NEW". */
void nl_echoed_name(struct dctx *d, uint16_t type, struct nlc payload,
			char *buf, size_t n)
{
	const struct nl_dissector *dis = nl_dissector_for_proto(d->proto);

	buf[0] = 0;
	if (type < NLMSG_MIN_TYPE) {
		const char *nm = type < ARRAY_SIZE(ctrl_type_names) ? ctrl_type_names[type] : NULL;
		snprintf(buf, n, "%s", nm ? nm : "control");
		return;
	}
	if (dis && dis->type_str) {
		const char *s = dis->type_str(d->st, type, payload, d->numeric, buf, n);
		if (s && s != buf)
			snprintf(buf, n, "%s", s);
		if (buf[0])
			return;
	}
	if (dis && type < dis->nmsgs && dis->msgs[type].name && !d->numeric) {
		snprintf(buf, n, "%s", dis->msgs[type].name);
		return;
	}
	snprintf(buf, n, "type %u", type);
}

/* The extended ACK under key, with the paths of the request's fields it
 * names (NULL: none): offs_path the field its offset points at (offs: the
 * offset attribute), miss_path the attribute it says is missing (miss:
 * the MISS_TYPE attribute). */
static void ext_ack(struct dctx *d, struct nlc *c, const char *offs_path, const struct nlc *offs,
		    const char *miss_path, const struct nlc *miss)
{
	if (!offs_path && !miss_path) {
		nla_walk_under(d, "ext_ack", c, &nl_extack_set);
		return;
	}
	if (d->fs)
		nl_fs_open(d, "ext_ack", "nest", c);
	emit_set_begin(d->e, "ext_ack");
	d->depth++;
	nla_walk(d, c, &nl_extack_set);
	d->depth--;
	if (offs_path && d->fs)
		nl_fs_bytes(d, "offs_path", "string", NLFV_NAME, 0, offs->pos, 4,
			    (const uint8_t *)offs_path, 0);
	if (offs_path)
		emit_cstr(d->e, "offs_path", offs_path);
	if (miss_path && d->fs)
		nl_fs_bytes(d, "miss_path", "string", NLFV_NAME, 0, miss->pos, 4,
			    (const uint8_t *)miss_path, 0);
	if (miss_path)
		emit_cstr(d->e, "miss_path", miss_path);
	emit_obj_end(d->e);
	if (d->fs)
		nl_fs_close(d);
}

/* The error's members (code, name, text) as field events; the error opened. */
static __attribute__((noinline)) void fs_error(struct dctx *d, const struct nlc *c,
						   int32_t err, const char *en, const char *et)
{
	nl_fs_open(d, "error", "struct", c);
	nl_fs_num(d, "code", "s32", NLFV_SINT, c->pos, 4, (uint64_t)(int64_t)err, NULL, NULL);
	if (en)
		nl_fs_bytes(d, "name", "string", NLFV_NAME, 0, c->pos, 4, (const uint8_t *)en, 0);
	if (et)
		nl_fs_bytes(d, "text", "string", NLFV_NAME, 0, c->pos, 4, (const uint8_t *)et, 0);
}

/* The echoed request (inner), walked as a message of its own under
 * "request"; an extended ACK offset (offs, from the request's nlmsghdr;
 * UINT32_MAX: none) resolved to the path of the field it points at, into
 * pin.  True when resolved. */
static bool echoed_request(struct dctx *d, struct nlc *inner, uint32_t offs, struct nl_fpin *pin)
{
	struct emitter *e = d->e;
	struct nl_fsink local;
	struct dctx sub = *d;
	bool pinned = false;

	sub.echoed = true;
	sub.head_done = true;
	sub.msg_start = inner->pos;
	sub.depth = d->depth + 1;
	if (offs != UINT32_MAX && !d->fs) {
		/* nobody listens to field events: a sink of paths only */
		local.field = NULL;
		local.arg = NULL;
		local.wants = NULL;
		nl_fs_msg(&local, 0, 0, inner->pos);
		sub.fs = &local;
	}
	if (d->fs)
		nl_fs_open(d, "request", "message", inner);
	if (offs != UINT32_MAX)
		nl_fs_pin_begin(sub.fs, pin, inner->pos + offs);
	emit_set_begin(e, "request");
	e->sum_muted++;
	decode_msg(&sub, inner);
	e->sum_muted--;
	emit_obj_end(e);
	if (offs != UINT32_MAX)
		pinned = nl_fs_pin_end(sub.fs, pin);
	if (d->fs)
		nl_fs_close(d);
	return pinned;
}

/* The request rq (echoed whole, or kept by the pairing: txn.h) decoded
 * again without output, to resolve target (a position in rq's frame;
 * SIZE_MAX: none) to a path, and, when sets, to learn the attribute sets
 * of the nest there and of the request's top level (nl_fs_pin_set).  True
 * when target is resolved, into pin. */
static bool pin_quiet(struct dctx *d, struct nlc rq, size_t target, bool sets,
		      struct nl_fpin *pin)
{
	struct emitter quiet;
	struct nl_fsink local = { 0 };
	struct dctx sub = *d;

	emit_init(&quiet, EMIT_COUNT, NULL);
	emit_msg_begin(&quiet);
	sub.e = &quiet;
	sub.echoed = true;
	sub.head_done = true;
	sub.msg_start = rq.pos;
	sub.depth = d->depth + 1;
	sub.fs = &local;
	nl_fs_msg(&local, 0, 0, rq.pos);
	nl_fs_pin_begin(&local, pin, target);
	pin->want_sets = sets;
	decode_msg(&sub, &rq);
	bool ok = nl_fs_pin_end(&local, pin);
	emit_msg_discard(&quiet);
	emit_fini(&quiet);
	return ok;
}

/* The request a capped ACK answers, as the pairing kept it (txn.h); false
 * when none is kept. */
static bool kept_request(const struct dctx *d, enum nlc_order order, struct nlc *rq)
{
	const struct txn_res *tr = d->echoed ? NULL : d->st->txn_cur;

	if (!tr || !tr->req_bytes || d->depth >= NL_MAX_DEPTH)
		return false;
	*rq = nlc_init(tr->req_bytes, tr->req_wire_len, tr->req_len);
	rq->order = order;
	return true;
}

/* NLMSGERR_ATTR_MISS_TYPE named by the request's policy: the attribute
 * type in the nest whose header is at nest (an offset from the request's
 * nlmsghdr; UINT32_MAX: the top level), as the path its JSON key would
 * have ("attrs.linkinfo.data.id"), into buf.  False when the nest is not
 * found in the request. */
static bool miss_path(struct dctx *d, struct nlc rq, uint32_t nest, uint32_t type,
		      char *buf, size_t n)
{
	struct nl_fpin pin;
	bool top = nest == UINT32_MAX;

	if (!top && (nest < NLMSG_HDRLEN || nest >= nlc_left(&rq)))
		return false;
	bool pinned = pin_quiet(d, rq, top ? SIZE_MAX : rq.pos + nest, true, &pin);
	if (!top && !(pinned && pin.exact))
		return false;
	const struct nl_attr_set *set = top ? pin.top_set : pin.nest_set;
	const char *nm = set && type <= set->max ? set->attrs[type].name : NULL;
	int w = nm ? snprintf(buf, n, "%s.%s", top ? "attrs" : pin.path, nm)
		   : snprintf(buf, n, "%s.unknown_%u", top ? "attrs" : pin.path, type);
	return w > 0 && (size_t)w < n;
}

/* Is a kind's name one of the integers (as nl_attr_type_names and
 * nl_pol_kind say them)? */
static bool int_kind(const char *k)
{
	return k && ((k[0] == 'u' || k[0] == 's') && (k[1] == 'i' || (k[1] >= '0' && k[1] <= '9')));
}

/* NLMSGERR_ATTR_POLICY (NL_POLICY_TYPE_ATTR_*) in words for the summary:
 * " policy u16 max 4094"; kind: how our table decodes the attribute the
 * offset points at (NULL: not known), said when it differs. */
static void policy_sum(struct dctx *d, const struct nlc *pol, const char *kind)
{
	struct emitter *e = d->e;
	uint32_t t, a, b;
	struct nlc lo, hi;
	const char *tn = NULL;

	emit_sum_lit(e, " policy");
	if (nla_find_u32(d->st, pol, 1, &t)) {
		tn = nl_name(&nl_attr_type_names, t);
		if (tn && !d->numeric)
			emit_sum(e, " %s", tn);
		else
			emit_sum(e, " type %u", t);
	}
	bool has_lo = nla_find(d->st, pol, 4, &lo), has_hi = nla_find(d->st, pol, 5, &hi);
	if ((has_lo || has_hi) && (!has_lo || nlc_left(&lo) == 8) && (!has_hi || nlc_left(&hi) == 8)) {
		uint64_t l = has_lo ? nlc_u64(&lo) : 0, h = has_hi ? nlc_u64(&hi) : 0;
		if (has_lo && l)
			emit_sum(e, " min %llu", (unsigned long long)l);
		if (has_hi)
			emit_sum(e, " max %llu", (unsigned long long)h);
	}
	has_lo = nla_find(d->st, pol, 2, &lo);
	has_hi = nla_find(d->st, pol, 3, &hi);
	if ((has_lo || has_hi) && (!has_lo || nlc_left(&lo) == 8) && (!has_hi || nlc_left(&hi) == 8)) {
		if (has_lo)
			emit_sum(e, " min %lld", (long long)(int64_t)nlc_u64(&lo));
		if (has_hi)
			emit_sum(e, " max %lld", (long long)(int64_t)nlc_u64(&hi));
	}
	if (nla_find_u32(d->st, pol, 6, &a))
		emit_sum(e, " min length %u", a);
	if (nla_find_u32(d->st, pol, 7, &b))
		emit_sum(e, " max length %u", b);
	if (nla_find_u32(d->st, pol, 10, &a))
		emit_sum(e, " mask 0x%x", a);
	if (nla_find(d->st, pol, 12, &lo) && nlc_left(&lo) == 8)
		emit_sum(e, " mask 0x%llx", (unsigned long long)nlc_u64(&lo));
	if (int_kind(tn) && int_kind(kind) && strcmp(tn, kind))
		emit_sum(e, " (decoded as %s)", kind);
}

/* The extended ACK of an ERROR: the summary's words (the field the offset
 * points at, or the offset; the message; the policy the attribute broke;
 * the attribute missing) and its members.  rq: the request (echoed whole
 * or kept; NULL: not known), pin: the offset resolved (NULL: not). */
static void error_tlvs(struct dctx *d, struct nlc *c, const struct nlc *rq,
		       const struct nl_fpin *pin, const struct nlc *offs_attr)
{
	struct emitter *e = d->e;
	struct nlc tl = *c, pol, miss_attr = { 0 };
	uint32_t at, mt, mn_off = UINT32_MAX;
	const uint8_t *mp;
	size_t mn;
	char miss[NL_FPATH_MAX];
	bool has_miss = nla_find(d->st, &tl, NLMSGERR_ATTR_MISS_TYPE, &miss_attr) &&
			nla_find_u32(d->st, &tl, NLMSGERR_ATTR_MISS_TYPE, &mt);
	bool named = false;

	if (has_miss && nla_find_u32(d->st, &tl, NLMSGERR_ATTR_MISS_NEST, &mn_off) &&
	    mn_off == UINT32_MAX)
		mn_off = UINT32_MAX - 1;	/* out of any request: not found */
	if (has_miss && rq && d->depth < NL_MAX_DEPTH)
		named = miss_path(d, *rq, mn_off, mt, miss, sizeof(miss));
	if (!d->echoed) {
		if (pin)
			emit_sum(e, " at %s", pin->path);
		else if (nla_find_u32(d->st, &tl, NLMSGERR_ATTR_OFFS, &at))
			emit_sum(e, " at offset %u", at);
		if (nla_find_str(d->st, &tl, NLMSGERR_ATTR_MSG, &mp, &mn)) {
			emit_sum_lit(e, " \"");
			emit_sum_str(e, mp, mn);
			emit_sum_lit(e, "\"");
		}
		if (nla_find(d->st, &tl, NLMSGERR_ATTR_POLICY, &pol))
			policy_sum(d, &pol, pin ? pin->kind : NULL);
		if (named)
			emit_sum(e, " missing %s", miss);
		else if (has_miss && mn_off != UINT32_MAX)
			emit_sum(e, " missing type %u in the nest at offset %u", mt, mn_off);
		else if (has_miss)
			emit_sum(e, " missing type %u", mt);
	}
	ext_ack(d, c, pin ? pin->path : NULL, offs_attr, named ? miss : NULL, &miss_attr);
}

void decode_error(struct dctx *d, struct nlc *c)
{
	struct emitter *e = d->e;
	size_t off = dctx_off(d, c);
	struct nlc whole;
	if (d->fs)
		whole = *c;
	int32_t err = (int32_t)nlc_u32(c);

	if (!nlc_ok(c)) {
		/* cut by the capture: decode_msg reports it as truncated */
		if (c->err != NLC_ERR_TRUNCATED)
			emit_malformed(e, off, "NLMSG_ERROR without its error code");
		return;
	}
	const char *en = nl_errno_name(err);
	const char *et = errno_text(err);
	if (!err)
		d->type_name = "ACK";
	else if (d->numeric || !en)
		snprintf(d->namebuf, sizeof(d->namebuf), "ERROR %d", err);
	else if (et)
		snprintf(d->namebuf, sizeof(d->namebuf), "ERROR %s (%s)", en, et);
	else
		snprintf(d->namebuf, sizeof(d->namebuf), "ERROR %s", en);
	if (err)
		d->type_name = d->namebuf;
	nl_head(d);

	if (d->fs)
		fs_error(d, &whole, err, en, et);
	emit_set_begin(e, "error");
	emit_sint(e, "code", err);
	if (en && !d->numeric)	/* -n: the code alone, as in the summary */
		emit_cstr(e, "name", en);
	if (et && !d->numeric)
		emit_cstr(e, "text", et);

	/* the echoed request */
	struct nlc rq = *c;
	if (nlc_left(c) < NLMSG_HDRLEN) {
		emit_malformed(e, dctx_off(d, c), "echoed header: %zu bytes, expected 16",
			       nlc_left(c));
		emit_obj_end(e);
		if (d->fs)
			nl_fs_close(d);
		return;
	}
	uint32_t ilen = nlc_u32(&rq);
	uint16_t itype = nlc_u16(&rq);
	bool capped = (d->nl_flags & NLM_F_CAPPED) || ilen <= NLMSG_HDRLEN;
	uint32_t echolen = capped ? NLMSG_HDRLEN : ilen;
	if (echolen > nlc_left(c)) {
		emit_malformed(e, dctx_off(d, c), "echoed request of %u bytes, %zu left",
			       echolen, nlc_left(c));
		echolen = (uint32_t)nlc_left(c);
	}
	struct nlc inner = nlc_sub(c, echolen);
	nlc_skip(c, echolen);
	nlc_align4(c);
	struct nlc ep = inner;
	nlc_skip(&ep, NLMSG_HDRLEN);
	char nm[96];
	nl_echoed_name(d, itype, ep, nm, sizeof(nm));
	if (!d->echoed)
		emit_sum(e, " (%s)", nm);

	if (d->depth >= NL_MAX_DEPTH) {
		/* an ERROR echoing an ERROR echoing ...: bounded like attributes */
		emit_malformed(e, dctx_off(d, &inner), "echoed requests nested deeper than %d",
			       NL_MAX_DEPTH);
		emit_obj_end(e);
		if (d->fs)
			nl_fs_close(d);
		return;
	}
	/* an extended ACK's offset into a request echoed whole: its path */
	bool tlvs = nlc_left(c) && (d->nl_flags & NLM_F_ACK_TLVS);
	uint32_t offs = UINT32_MAX;
	struct nlc offs_attr = { 0 };
	if (tlvs && !capped && nla_find(d->st, c, NLMSGERR_ATTR_OFFS, &offs_attr) && nlc_left(&offs_attr) == 4) {
		struct nlc v = offs_attr;
		offs = nlc_u32(&v);
		if (!nlc_ok(&v) || offs >= nlc_left(&inner))
			offs = UINT32_MAX;
	}
	struct nl_fpin pin;
	struct nlc req = inner;	/* the request: echoed whole, or as kept */
	bool pinned = echoed_request(d, &inner, offs, &pin);
	bool have_rq = !capped || kept_request(d, c->order, &req);
	if (tlvs && capped && have_rq &&
	    nla_find(d->st, c, NLMSGERR_ATTR_OFFS, &offs_attr) && nlc_left(&offs_attr) == 4) {
		/* only the header echoed: the request the pairing kept */
		struct nlc v = offs_attr;
		offs = nlc_u32(&v);
		pinned = nlc_ok(&v) && offs >= NLMSG_HDRLEN && offs < nlc_left(&req) &&
			 pin_quiet(d, req, req.pos + offs, false, &pin);
	}
	if (tlvs)
		error_tlvs(d, c, have_rq ? &req : NULL, pinned ? &pin : NULL, &offs_attr);
	emit_obj_end(e);
	if (d->fs)
		nl_fs_close(d);
}

void decode_done(struct dctx *d, struct nlc *c)
{
	struct emitter *e = d->e;
	const struct txn_res *tr = d->echoed ? NULL : d->st->txn_cur;

	d->type_name = "DONE";
	nl_head(d);
	if (tr && tr->is_done && tr->have_dump) {
		/* the dump it closes: its parts, their frames and bytes, the
		 * time from the first part */
		const struct txn_dump *dp = &tr->dump;
		int64_t us = dp->duration_ns / 1000;
		emit_uint(e, "dump_messages", dp->messages, EF_DEC);
		if (d->fs)	/* counted, not message bytes: no span */
			nl_fs_num(d, "dump_messages", "u64", NLFV_UINT, d->msg_start, 0,
				  dp->messages, NULL, NULL);
		emit_sum(e, " (%u message%s, %u frame%s, %llu bytes in %s%lld.%02lld ms%s)",
			 dp->messages, dp->messages == 1 ? "" : "s", dp->frames,
			 dp->frames == 1 ? "" : "s", (unsigned long long)dp->bytes,
			 us < 0 ? "-" : "", (long long)(llabs(us) / 1000),
			 (long long)(llabs(us) / 10 % 100), dp->interrupted ? ", interrupted" : "");
	}
	if (nlc_left(c) >= 4) {
		int32_t st = (int32_t)nlc_u32(c);
		if (d->fs)
			nl_fs_num(d, "status", "s32", NLFV_SINT, c->pos - 4, 4,
				  (uint64_t)(int64_t)st, NULL, NULL);
		emit_sint(e, "status", st);
		if (st) {
			const char *en = nl_errno_name(st);
			emit_sum(e, " status %d", st);
			if (en && !d->numeric)
				emit_sum(e, " %s", en);
		}
	}
	if (nlc_left(c) && (d->nl_flags & NLM_F_ACK_TLVS)) {
		const uint8_t *mp;
		size_t mn;
		if (!d->echoed && nla_find_str(d->st, c, NLMSGERR_ATTR_MSG, &mp, &mn)) {
			emit_sum_lit(e, " \"");
			emit_sum_str(e, mp, mn);
			emit_sum_lit(e, "\"");
		}
		nla_walk_under(d, "ext_ack", c, &nl_extack_set);
	} else if (nlc_left(c)) {
		size_t n;
		const uint8_t *p = nlc_rest(c, &n);
		if (p && d->fs)
			nl_fs_bytes(d, "payload", "bytes", NLFV_HEX, 0, c->pos - n, n, p, n);
		if (p)
			emit_hex(e, "payload", p, n);
	}
}
