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

static const struct nl_attr_pol extack_attrs[] = {
	[NLMSGERR_ATTR_MSG] = { "msg", NLA_KIND_NUL_STRING },
	[NLMSGERR_ATTR_OFFS] = { "offs", NLA_KIND_U32 },
	[3] = { "cookie", NLA_KIND_BINARY },
	[4] = { "policy", NLA_KIND_NESTED, .nest = &nl_policy_type_set },
	[5] = { "miss_type", NLA_KIND_U32 },
	[6] = { "miss_nest", NLA_KIND_U32 },
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

/* The extended ACK under key, and the path of the request's field its
 * offset points at (offs_path: NULL if none; offs: the offset attribute). */
static void ext_ack(struct dctx *d, struct nlc *c, const char *offs_path, const struct nlc *offs)
{
	if (!offs_path) {
		nla_walk_under(d, "ext_ack", c, &nl_extack_set);
		return;
	}
	if (d->fs)
		nl_fs_open(d, "ext_ack", "nest", c);
	emit_set_begin(d->e, "ext_ack");
	d->depth++;
	nla_walk(d, c, &nl_extack_set);
	d->depth--;
	if (d->fs)
		nl_fs_bytes(d, "offs_path", "string", NLFV_NAME, 0, offs->pos, 4,
			    (const uint8_t *)offs_path, 0);
	emit_cstr(d->e, "offs_path", offs_path);
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

/* A capped ACK echoes the request's header only: the offset (offs, from
 * the request's nlmsghdr) resolved against the request the pairing kept
 * (txn.h), decoded again without output.  True when resolved, into pin. */
static bool pin_kept(struct dctx *d, const struct txn_res *tr, enum nlc_order order,
		     uint32_t offs, struct nl_fpin *pin)
{
	struct emitter quiet;
	struct nl_fsink local = { 0 };
	struct dctx sub = *d;
	struct nlc rq = nlc_init(tr->req_bytes, tr->req_wire_len, tr->req_len);

	if (offs < NLMSG_HDRLEN || offs >= tr->req_len || d->depth >= NL_MAX_DEPTH)
		return false;
	rq.order = order;
	emit_init(&quiet, EMIT_COUNT, NULL);
	emit_msg_begin(&quiet);
	sub.e = &quiet;
	sub.echoed = true;
	sub.head_done = true;
	sub.msg_start = 0;
	sub.depth = d->depth + 1;
	sub.fs = &local;
	nl_fs_msg(&local, 0, 0, 0);
	nl_fs_pin_begin(&local, pin, offs);
	decode_msg(&sub, &rq);
	bool ok = nl_fs_pin_end(&local, pin);
	emit_msg_discard(&quiet);
	emit_fini(&quiet);
	return ok;
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
	bool pinned = echoed_request(d, &inner, offs, &pin);
	const struct txn_res *tr = d->echoed ? NULL : d->st->txn_cur;
	if (tlvs && capped && tr && tr->req_bytes &&
	    nla_find(d->st, c, NLMSGERR_ATTR_OFFS, &offs_attr) && nlc_left(&offs_attr) == 4) {
		/* only the header echoed: the request the pairing kept */
		struct nlc v = offs_attr;
		offs = nlc_u32(&v);
		pinned = nlc_ok(&v) && pin_kept(d, tr, c->order, offs, &pin);
	}

	if (tlvs) {
		struct nlc tl = *c;
		uint32_t at;
		const uint8_t *mp;
		size_t mn;
		if (!d->echoed && nla_find_str(d->st, &tl, NLMSGERR_ATTR_MSG, &mp, &mn)) {
			emit_sum(e, " \"");
			emit_sum_str(e, mp, mn);
			emit_sum(e, "\"");
		}
		if (!d->echoed && nla_find_u32(d->st, &tl, NLMSGERR_ATTR_OFFS, &at))
			emit_sum(e, " at offset %u", at);
		if (!d->echoed && pinned)
			emit_sum(e, " (%s)", pin.path);
		ext_ack(d, c, pinned ? pin.path : NULL, &offs_attr);
	}
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
