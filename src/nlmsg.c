/* nlmsg.c - walk the nlmsghdrs of a frame, decode control messages, and
 * hand every other message to its protocol's dissector.
 *
 *   0               1               2               3
 *   +---------------+---------------+---------------+---------------+
 *   |                          nlmsg_len                            |
 *   +-------------------------------+-------------------------------+
 *   |          nlmsg_type           |          nlmsg_flags          |
 *   +-------------------------------+-------------------------------+
 *   |                          nlmsg_seq                            |
 *   +---------------------------------------------------------------+
 *   |                          nlmsg_pid                            |
 *   +---------------------------------------------------------------+
 *
 * Reference: include/uapi/linux/netlink.h.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "genlmap.h"
#include "nlcore.h"
#include "registry.h"

#define NLMSG_HDRLEN	16
#define NLMSG_MIN_TYPE	0x10
#define NLMSG_NOOP	1
#define NLMSG_ERROR	2
#define NLMSG_DONE	3
#define NLMSG_OVERRUN	4

#define NLM_F_REQUEST	0x01
#define NLM_F_MULTI	0x02
#define NLM_F_CAPPED	0x100
#define NLM_F_ACK_TLVS	0x200

void nl_core_init(struct nlstate *st, const struct nl_opts *o)
{
	st->opts = *o;
	st->clock.have_first = false;
	st->clock.tcache_ok = false;
	memset(st->sumres, 0, sizeof(st->sumres));
}

#define NSEC_PER_SEC 1000000000

void nl_frame_set_time(struct nl_frame *f, int64_t sec, int64_t nsec)
{
	int64_t carry = nsec / NSEC_PER_SEC;

	nsec %= NSEC_PER_SEC;
	if (nsec < 0) {
		nsec += NSEC_PER_SEC;
		carry--;
	}
	f->sec = (int64_t)((uint64_t)sec + (uint64_t)carry);
	f->nsec = (uint32_t)nsec;
}

/* The frame's time with the fraction below one second (a frame made
 * elsewhere than nl_frame_set_time may carry more). */
static void frame_time(const struct nl_frame *f, int64_t *sec, uint32_t *nsec)
{
	*sec = (int64_t)((uint64_t)f->sec + f->nsec / NSEC_PER_SEC);
	*nsec = f->nsec % NSEC_PER_SEC;
}

/* ---- names ---- */

static const char *const proto_names[] = {
	[0] = "route", [1] = "unused", [2] = "usersock", [3] = "firewall",
	[4] = "sock_diag", [5] = "nflog", [6] = "xfrm", [7] = "selinux",
	[8] = "iscsi", [9] = "audit", [10] = "fib_lookup", [11] = "connector",
	[12] = "netfilter", [13] = "ip6_fw", [14] = "dnrtmsg",
	[15] = "kobject_uevent", [16] = "genl", [17] = NULL,
	[18] = "scsitransport", [19] = "ecryptfs", [20] = "rdma", [21] = "crypto",
	[22] = "smc",
};

const char *nl_proto_name(unsigned proto)
{
	return proto < ARRAY_SIZE(proto_names) ? proto_names[proto] : NULL;
}

static const char *const ctrl_type_names[] = {
	[NLMSG_NOOP] = "NOOP", [NLMSG_ERROR] = "ERROR",
	[NLMSG_DONE] = "DONE", [NLMSG_OVERRUN] = "OVERRUN",
};

/* Flag names.  JSON (flag_names) has the kernel's names without NLM_F_,
 * lower case; text, the summary and the -v tree alike, has the compact
 * upper-case form (REQ for NLM_F_REQUEST, DUMP for NLM_F_ROOT|NLM_F_MATCH
 * in a GET...).  Common bits 0..5, then per request kind bits 8..11. */
static const char *const flag_common[] = {
	"request", "multi", "ack", "echo", "dump_intr", "dump_filtered",
};
static const char *const flag_common_short[] = {
	"REQ", "MULTI", "ACK", "ECHO", "INTR", "FILTERED",
};
static const char *const flag_kind[][4] = {
	[NLRK_NONE] = { NULL, NULL, NULL, NULL },
	[NLRK_GET] = { "root", "match", "atomic", NULL },
	[NLRK_NEW] = { "replace", "excl", "create", "append" },
	[NLRK_DEL] = { "nonrec", "bulk", NULL, NULL },
	[NLRK_ACK] = { "capped", "ack_tlvs", NULL, NULL },
};
static const char *const flag_kind_short[][4] = {
	[NLRK_NONE] = { NULL, NULL, NULL, NULL },
	[NLRK_GET] = { "ROOT", "MATCH", "ATOMIC", NULL },
	[NLRK_NEW] = { "REPLACE", "EXCL", "CREATE", "APPEND" },
	[NLRK_DEL] = { "NONREC", "BULK", NULL, NULL },
	[NLRK_ACK] = { "CAPPED", "ACK_TLVS", NULL, NULL },
};

/* The names of one flag bit, or NULL. */
static const char *flag_bit_name(unsigned bit, unsigned kind, bool brief)
{
	if (bit < 6)
		return brief ? flag_common_short[bit] : flag_common[bit];
	if (bit >= 8 && bit < 12 && kind < ARRAY_SIZE(flag_kind))
		return brief ? flag_kind_short[kind][bit - 8] : flag_kind[kind][bit - 8];
	return NULL;
}

/* Build the name table for this message's kind (for emit_flags). */
static void flag_table(unsigned kind, const char *tbl[16])
{
	for (unsigned i = 0; i < 16; i++)
		tbl[i] = flag_bit_name(i, kind, false);
}

/* room for all sixteen bits named or in hex: "[" + 16 * ",0x8000" + "]" */
#define FLAGS_TEXT_MAX 128

/* The text form of a flag word, "[REQ,ACK,DUMP]" ("[]" for none), or with
 * -n the word as one number, "[0x305]". */
/* Append s to buf (n bytes, *len used), keeping room for the NUL. */
static void flags_put(char *buf, size_t n, size_t *len, const char *s)
{
	size_t k = strlen(s);

	if (k > n - 1 - *len)
		k = n - 1 - *len;	/* cannot happen with FLAGS_TEXT_MAX */
	memcpy(buf + *len, s, k);
	*len += k;
	buf[*len] = 0;
}

/* "0x" and v in lower-case hex */
static void flags_hex(char *t, unsigned v)
{
	char d[8];
	int n = 0;

	do {
		d[n++] = "0123456789abcdef"[v & 15];
		v >>= 4;
	} while (v);
	*t++ = '0';
	*t++ = 'x';
	while (n)
		*t++ = d[--n];
	*t = 0;
}

static void flags_text(char *buf, size_t n, uint16_t f, unsigned kind, bool numeric)
{
	size_t len = 0;
	char hx[12];

	buf[0] = 0;
	flags_put(buf, n, &len, "[");
	if (numeric) {
		flags_hex(hx, f);
		flags_put(buf, n, &len, hx);
		flags_put(buf, n, &len, "]");
		return;
	}
	for (unsigned i = 0; i < 16; i++) {
		if (!(f & (1u << i)))
			continue;
		const char *nm = flag_bit_name(i, kind, true);
		if (kind == NLRK_GET && i == 8 && (f & 0x200)) {
			nm = "DUMP";
			i++;	/* ROOT|MATCH shown as DUMP */
		}
		if (len > 1)
			flags_put(buf, n, &len, ",");
		if (!nm) {
			flags_hex(hx, 1u << i);
			nm = hx;
		}
		flags_put(buf, n, &len, nm);
	}
	flags_put(buf, n, &len, "]");
}

static void sum_flags(struct dctx *d)
{
	char t[FLAGS_TEXT_MAX];

	if (!d->nl_flags)
		return;
	flags_text(t, sizeof(t), d->nl_flags, d->req_kind, d->numeric);
	emit_sum_lit(d->e, " ");
	emit_sum_lit(d->e, t);
}

uint8_t nl_kind_from_name(const char *name)
{
	if (!name)
		return NLRK_NONE;
	if (!strncmp(name, "GET", 3))
		return NLRK_GET;
	if (!strncmp(name, "NEW", 3) || !strncmp(name, "SET", 3))
		return NLRK_NEW;
	if (!strncmp(name, "DEL", 3))
		return NLRK_DEL;
	return NLRK_NONE;
}

/* ---- multicast groups ---- */

/* RTNLGRP_* (include/uapi/linux/rtnetlink.h, 6.12); 14 and 17 are NOPs */
const char *const nl_rtnl_groups[] = {
	[1] = "link", [2] = "notify", [3] = "neigh", [4] = "tc",
	[5] = "ipv4-ifaddr", [6] = "ipv4-mroute", [7] = "ipv4-route", [8] = "ipv4-rule",
	[9] = "ipv6-ifaddr", [10] = "ipv6-mroute", [11] = "ipv6-route",
	[12] = "ipv6-ifinfo", [13] = "decnet-ifaddr",
	[15] = "decnet-route", [16] = "decnet-rule",
	[18] = "ipv6-prefix", [19] = "ipv6-rule", [20] = "nd-useropt",
	[21] = "phonet-ifaddr", [22] = "phonet-route", [23] = "dcb",
	[24] = "ipv4-netconf", [25] = "ipv6-netconf", [26] = "mdb",
	[27] = "mpls-route", [28] = "nsid", [29] = "mpls-netconf",
	[30] = "ipv4-mroute-r", [31] = "ipv6-mroute-r", [32] = "nexthop",
	[33] = "brvlan", [34] = "mctp-ifaddr", [35] = "tunnel", [36] = "stats",
	[37] = "ipv4-mcaddr", [38] = "ipv6-mcaddr", [39] = "ipv6-acaddr",
};
const unsigned nl_rtnl_ngroups = ARRAY_SIZE(nl_rtnl_groups);

const char *nl_group_name(const struct nlstate *st, unsigned proto, uint32_t group,
			  char *buf, size_t n)
{
	if (proto == 0 && group < nl_rtnl_ngroups && nl_rtnl_groups[group]) {
		snprintf(buf, n, "%s", nl_rtnl_groups[group]);
		return buf;
	}
	if (proto == 16 && st && st->genl)
		return genl_map_group(st->genl, group, buf, n);
	return NULL;
}

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

static const struct nl_attr_pol extack_attrs[] = {
	[1] = { "msg", NLA_KIND_NUL_STRING },
	[2] = { "offs", NLA_KIND_U32 },
	[3] = { "cookie", NLA_KIND_BINARY },
	[4] = { "policy", NLA_KIND_NESTED, .nest = &nl_policy_type_set },
	[5] = { "miss_type", NLA_KIND_U32 },
	[6] = { "miss_nest", NLA_KIND_U32 },
};
const struct nl_attr_set nl_extack_set = NL_ATTR_SET("extack", extack_attrs);

/* ---- the summary head ---- */

static void frac_digits(char *out, uint32_t v, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		out[i] = (char)('0' + v % 10);
		v /= 10;
	}
	out[n] = 0;
}

/* A signed time in seconds, sec + nsec / 10^9 (0 <= nsec < 10^9), as
 * [-]S.ffffff: before 1970 or going backwards is a minus sign and the
 * magnitude (-0.500000 is half a second before), never -1.500000. */
static void signed_time(struct emitter *e, int64_t sec, uint32_t nsec)
{
	uint32_t us = nsec / 1000;
	uint64_t mag = (uint64_t)sec;
	char fb[16];

	if (sec < 0) {
		mag = -(uint64_t)sec;
		if (us) {
			mag--;
			us = 1000000 - us;
		}
	}
	frac_digits(fb, us, 6);
	emit_sum(e, "%s%llu.%s ", sec < 0 && (mag || us) ? "-" : "", (unsigned long long)mag, fb);
}

static void time_text(struct nlstate *st, struct emitter *e, const struct nl_frame *f)
{
	struct nl_clock *k = &st->clock;
	int64_t s;
	uint32_t ns;
	uint32_t us;	/* times print in microseconds, as tcpdump's */
	const int nd = 6;
	char fb[16];

	frame_time(f, &s, &ns);
	us = ns / 1000;
	switch (st->opts.tfmt) {
	case NLT_NONE:
		return;
	case NLT_EPOCH:
		signed_time(e, s, ns);
		return;
	case NLT_DELTA:
	case NLT_SINCE_FIRST: {
		int64_t bs = st->opts.tfmt == NLT_DELTA ? k->prev_sec : k->first_sec;
		uint32_t bn = st->opts.tfmt == NLT_DELTA ? k->prev_nsec : k->first_nsec;
		int64_t ds = (int64_t)((uint64_t)s - (uint64_t)bs);
		int64_t dn = (int64_t)ns - bn;
		if (dn < 0) {
			dn += NSEC_PER_SEC;
			ds--;
		}
		signed_time(e, ds, (uint32_t)dn);
		return;
	}
	default:
		if (!emit_want_summary(e))
			return;
		if (!k->tcache_ok || s != k->tcache_sec) {
			time_t t = (time_t)s;
			struct tm tm = { 0 };
			localtime_r(&t, &tm);
			if (st->opts.tfmt == NLT_DATE)
				snprintf(k->tcache, sizeof(k->tcache), "%04d-%02d-%02d %02d:%02d:%02d.",
					 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
					 tm.tm_hour, tm.tm_min, tm.tm_sec);
			else
				snprintf(k->tcache, sizeof(k->tcache), "%02d:%02d:%02d.",
					 tm.tm_hour, tm.tm_min, tm.tm_sec);
			k->tcache_sec = s;
			k->tcache_ok = true;
		}
		emit_sum_lit(e, k->tcache);
		frac_digits(fb, us, nd);
		fb[nd] = ' ';
		fb[nd + 1] = 0;
		emit_sum_lit(e, fb);
		return;
	}
}

static void time_json(struct emitter *e, const struct nl_frame *f)
{
	int64_t s;
	uint32_t ns;
	struct tm tm = { 0 };

	frame_time(f, &s, &ns);
	time_t t = (time_t)s;
	gmtime_r(&t, &tm);
	emit_text(e, "time", "%04d-%02d-%02dT%02d:%02d:%02d.%06uZ",
		  tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		  tm.tm_min, tm.tm_sec, ns / 1000);
}

void nl_head(struct dctx *d)
{
	struct emitter *e = d->e;

	if (d->head_done || d->echoed)
		return;
	d->head_done = true;
	if (!emit_want_summary(e))
		return;
	if (d->family_name) {
		emit_sum_lit(e, " ");
		emit_sum_lit(e, d->family_name);
	}
	if (d->type_name && (!d->numeric || d->nl_type < NLMSG_MIN_TYPE || d->type_numeric)) {
		emit_sum_lit(e, " ");
		emit_sum_lit(e, d->type_name);
	} else {
		emit_sum_u64(e, " type ", d->nl_type);
	}
	emit_sum_u64(e, " seq ", d->seq);
	if (d->pid)
		emit_sum_u64(e, " pid ", d->pid);
	sum_flags(d);
}

/* ---- control messages ---- */

static void decode_msg(struct dctx *d, struct nlc *c);

/* A short name for the request an ACK/ERROR answers: "NEWLINK", "ovs_flow NEW". */
static void echoed_name(struct dctx *d, uint16_t type, struct nlc payload,
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

static void decode_error(struct dctx *d, struct nlc *c)
{
	struct emitter *e = d->e;
	size_t off = dctx_off(d, c);
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
	echoed_name(d, itype, ep, nm, sizeof(nm));
	if (!d->echoed)
		emit_sum(e, " (%s)", nm);

	if (d->depth >= NL_MAX_DEPTH) {
		/* an ERROR echoing an ERROR echoing ...: bounded like attributes */
		emit_malformed(e, dctx_off(d, &inner), "echoed requests nested deeper than %d",
			       NL_MAX_DEPTH);
		emit_obj_end(e);
		return;
	}
	emit_set_begin(e, "request");
	{
		struct dctx sub = *d;
		sub.echoed = true;
		sub.head_done = true;
		sub.msg_start = inner.pos;
		sub.depth = d->depth + 1;
		e->sum_muted++;
		decode_msg(&sub, &inner);
		e->sum_muted--;
	}
	emit_obj_end(e);

	if (nlc_left(c) && (d->nl_flags & NLM_F_ACK_TLVS)) {
		struct nlc tl = *c;
		uint32_t offs;
		const uint8_t *mp;
		size_t mn;
		if (!d->echoed && nla_find_str(d->st, &tl, 1, &mp, &mn)) {
			emit_sum(e, " \"");
			emit_sum_str(e, mp, mn);
			emit_sum(e, "\"");
		}
		if (!d->echoed && nla_find_u32(d->st, &tl, 2, &offs))
			emit_sum(e, " at offset %u", offs);
		nla_walk_under(d, "ext_ack", c, &nl_extack_set);
	}
	emit_obj_end(e);
}

static struct nl_dump_count *dump_slot(struct nlstate *st, uint16_t proto,
				       uint32_t pid, uint32_t seq)
{
	unsigned h = (pid * 2654435761u ^ seq * 40503u ^ proto) % ARRAY_SIZE(st->dumps);
	return &st->dumps[h];
}

/* A part of a dump (NLM_F_MULTI) from the kernel: counted for its DONE. */
static void dump_count(struct dctx *d)
{
	struct nl_dump_count *s = dump_slot(d->st, d->proto, d->pid, d->seq);

	if (!s->used || s->pid != d->pid || s->seq != d->seq || s->proto != d->proto) {
		s->used = true;
		s->pid = d->pid;
		s->seq = d->seq;
		s->proto = d->proto;
		s->n = 0;
	}
	s->n++;
}

static void decode_done(struct dctx *d, struct nlc *c)
{
	struct emitter *e = d->e;
	struct nl_dump_count *s = dump_slot(d->st, d->proto, d->pid, d->seq);
	uint32_t parts = 0;

	if (s->used && s->pid == d->pid && s->seq == d->seq && s->proto == d->proto && !d->echoed) {
		parts = s->n;
		s->used = false;
	}
	d->type_name = "DONE";
	nl_head(d);
	if (parts) {
		emit_uint(e, "dump_messages", parts, EF_DEC);
		emit_sum(e, parts == 1 ? " (%u message)" : " (%u messages)", parts);
	}
	if (nlc_left(c) >= 4) {
		int32_t st = (int32_t)nlc_u32(c);
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
		if (!d->echoed && nla_find_str(d->st, c, 1, &mp, &mn)) {
			emit_sum_lit(e, " \"");
			emit_sum_str(e, mp, mn);
			emit_sum_lit(e, "\"");
		}
		nla_walk_under(d, "ext_ack", c, &nl_extack_set);
	} else if (nlc_left(c)) {
		size_t n;
		const uint8_t *p = nlc_rest(c, &n);
		if (p)
			emit_hex(e, "payload", p, n);
	}
}

/* ---- messages ---- */

static void decode_msgdef(struct dctx *d, const struct nl_msgdef *md, struct nlc *payload,
			  struct nl_sum_vals *sv);

void nl_decode_msgdef(struct dctx *d, const struct nl_msgdef *md, struct nlc *payload)
{
	struct nl_sum_vals sv, *saved = d->sum;

	d->sum = NULL;
	decode_msgdef(d, md, payload, md->sum ? &sv : NULL);
	d->sum = saved;
}

static void decode_msgdef(struct dctx *d, const struct nl_msgdef *md, struct nlc *payload,
			  struct nl_sum_vals *sv)
{
	if (md->hdr) {
		size_t hs = md->hdr->size;
		if (nlc_left(payload) < (md->hdr->min_size ? md->hdr->min_size : hs)) {
			nl_head(d);
			nl_struct_decode(d, md->hdr->name, payload, md->hdr);
			return;
		}
		struct nlc h = nlc_sub(payload, hs < nlc_left(payload) ? hs : nlc_left(payload));
		nlc_skip(payload, nlc_left(&h));
		if (md->summary) {
			struct nlc all = h;
			all.end = payload->end;
			nl_head(d);
			md->summary(d, all);
		}
		nl_head(d);
		if (sv)
			nl_sum_begin(sv, d->st, md->sum, md->hdr, h, d->depth + 1);
		nl_struct_decode(d, md->hdr->name, &h, md->hdr);
		nlc_align4(payload);
	} else {
		nl_head(d);
		if (md->summary)
			md->summary(d, *payload);
		if (sv)
			nl_sum_begin(sv, d->st, md->sum, NULL, *payload, d->depth + 1);
	}
	const struct nl_attr_set *set = nl_msgdef_attrs(md, d->nl_flags);
	if (sv)
		nl_sum_attrs(sv, payload);
	if (!nlc_left(payload)) {
		if (sv)
			nl_sum_render(d, sv);
		return;
	}
	if (set) {
		d->sum = sv;
		nla_walk_under(d, "attrs", payload, set);
		d->sum = NULL;
	} else {
		size_t n;
		const uint8_t *p = nlc_rest(payload, &n);
		if (p)
			emit_hex(d->e, "payload", p, n);
	}
	if (sv)
		nl_sum_render(d, sv);
}

static void unknown_payload(struct dctx *d, struct nlc *payload)
{
	size_t n;
	const uint8_t *p;

	nl_head(d);
	if (!nlc_left(payload))
		return;
	p = nlc_rest(payload, &n);
	if (p)
		emit_hex(d->e, "payload", p, n);
	/* a read error is reported once, by decode_msg */
}

/* Decode one message whose header starts at c (c covers the message). */
static void decode_msg(struct dctx *d, struct nlc *c)
{
	struct emitter *e = d->e;

	nla_index_reset(d->st);
	const char *ft[16];
	struct nl_names fnames = { 16, ft };

	uint32_t len = nlc_u32(c);
	uint16_t type = nlc_u16(c);
	uint16_t flags = nlc_u16(c);
	uint32_t seq = nlc_u32(c);
	uint32_t pid = nlc_u32(c);

	d->nl_type = type;
	d->nl_flags = flags;
	d->af = -1;
	const struct nl_dissector *dis = nl_dissector_for_proto(d->proto);
	d->dis = dis;
	if (type == NLMSG_ERROR || type == NLMSG_DONE)
		d->req_kind = NLRK_ACK;
	else if (dis && type < dis->nmsgs && dis->msgs[type].kind)
		d->req_kind = dis->msgs[type].kind;
	else if (dis && dis->kind_of && (d->req_kind = dis->kind_of(d->st, type, *c)))
		;
	else if ((flags & NLM_F_REQUEST) && (flags & 0x300) == 0x300)
		d->req_kind = NLRK_GET;
	else
		d->req_kind = NLRK_NONE;

	emit_obj_begin(e, "nlmsg");
	emit_uint(e, "len", len, EF_DEC);
	if (type < NLMSG_MIN_TYPE && type < ARRAY_SIZE(ctrl_type_names) && ctrl_type_names[type])
		emit_enum_name(e, "type", type, ctrl_type_names[type]);
	else if (dis && type < dis->nmsgs && dis->msgs[type].name)
		emit_enum_name(e, "type", type, dis->msgs[type].name);
	else
		emit_uint(e, "type", type, EF_DEC);
	if (e->mode == EMIT_JSON) {
		flag_table(d->req_kind, ft);
		emit_flagword(e, "flags", "flag_names", flags, &fnames);
	} else if (e->mode == EMIT_TREE) {
		/* the summary's spelling; -n: the number alone */
		char t[FLAGS_TEXT_MAX];
		flags_text(t, sizeof(t), flags, d->req_kind, false);
		if (d->numeric)
			emit_text(e, "flags", "0x%x", flags);
		else
			emit_text(e, "flags", "0x%x %s", flags, t);
	}
	emit_uint(e, "seq", seq, EF_DEC);
	emit_uint(e, "pid", pid, EF_DEC);
	emit_obj_end(e);
	if (!nlc_ok(c)) {
		/* the capture ends inside this header (an echoed one: the
		 * frame walker sees to its own headers) */
		nl_head(d);
		if (c->err == NLC_ERR_TRUNCATED)
			emit_truncated(e, dctx_off(d, c), nlc_rawleft(c), nlc_capleft(c));
		else
			emit_malformed(e, dctx_off(d, c), "nlmsghdr cut short");
		return;
	}

	struct nlc payload = *c;	/* the rest of this message */
	struct nlc whole = *c;
	d->seq = seq;
	d->pid = pid;
	if ((flags & NLM_F_MULTI) && type != NLMSG_DONE && !(flags & NLM_F_REQUEST) &&
	    !d->echoed && !d->st->learning)
		dump_count(d);

	if (d->echoed && !nlc_left(&payload)) {
		/* a capped ACK echoes the request's header only */
	} else if (type < NLMSG_MIN_TYPE) {
		switch (type) {
		case NLMSG_ERROR:
			decode_error(d, &payload);
			break;
		case NLMSG_DONE:
			decode_done(d, &payload);
			break;
		case NLMSG_NOOP:
		case NLMSG_OVERRUN:
			d->type_name = ctrl_type_names[type];
			unknown_payload(d, &payload);
			break;
		default:
			d->type_name = NULL;
			unknown_payload(d, &payload);
			break;
		}
	} else if (dis && dis->decode) {
		dis->decode(d, &payload);
	} else if (dis) {
		const struct nl_msgdef *md = type < dis->nmsgs && dis->msgs[type].name
			? &dis->msgs[type] : dis->dflt;
		if (md) {
			d->type_name = md->name;
			nl_decode_msgdef(d, md, &payload);
		} else {
			unknown_payload(d, &payload);
		}
	} else {
		unknown_payload(d, &payload);
	}
	nl_head(d);
	if (!nlc_ok(&payload) && payload.err == NLC_ERR_TRUNCATED)
		emit_truncated(e, dctx_off(d, &payload), nlc_rawleft(&payload), nlc_capleft(&payload));
	else if (nlc_capleft(&payload) < nlc_left(&payload))
		/* a dissector (or hex) took what was captured: the rest is cut */
		emit_truncated(e, dctx_off(d, &payload), nlc_rawleft(&payload), nlc_capleft(&payload));
	else if (nlc_left(&payload) && !d->echoed) {
		/* what a dissector left unread */
		size_t n;
		const uint8_t *p = nlc_rest(&payload, &n);
		if (p && n)
			emit_hex(e, "unparsed", p, n);
	}
	if (dis && dis->learn && !d->echoed)
		dis->learn(d->st, type, flags, whole);
}

/* ---- frames ---- */

static bool rest_zero(const struct nlc *c, size_t from)
{
	struct nlc t = *c;
	size_t n;

	if (from > t.end)
		return false;
	t.pos = from;
	const uint8_t *p = nlc_rest(&t, &n);
	if (!p || n != nlc_left(c) - (from - c->pos))
		return false;	/* not captured: cannot tell */
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return false;
	return true;
}

/* Byte order of the frame's nlmsghdrs: the capture host's (little-endian)
 * unless only big-endian makes the first length fit. */
static bool guess_big_endian(const struct nlc *c)
{
	const uint8_t *p = nlc_peek(c, 4);
	size_t left = nlc_left(c);

	if (!p)
		return false;
	uint32_t le = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
	uint32_t be = (uint32_t)p[3] | (uint32_t)p[2] << 8 | (uint32_t)p[1] << 16 | (uint32_t)p[0] << 24;
	bool le_ok = le >= NLMSG_HDRLEN && le <= left;
	bool be_ok = be >= NLMSG_HDRLEN && be <= left;
	return !le_ok && be_ok;
}

static void hexdump(struct emitter *e, const struct nlc *m)
{
	struct nlc t = *m;
	size_t n;
	const uint8_t *p = nlc_rest(&t, &n);
	struct sbuf b = { 0 };

	if (!p)
		return;
	if (e->mode == EMIT_JSON) {
		emit_hex(e, "hex", p, n);
		return;
	}
	for (size_t off = 0; off < n; off += 16) {
		sbuf_reset(&b);
		sbuf_printf(&b, "\t0x%04zx: ", off);
		for (size_t i = off; i < off + 16 && i < n; i++)
			sbuf_printf(&b, "%s%02x", (i - off) % 2 ? "" : " ", p[i]);
		emit_raw_line(e, b.p, b.len);
	}
	sbuf_free(&b);
}

static void frame_prefix(struct dctx *d, const struct nl_frame *f, unsigned idx,
			 bool big)
{
	struct emitter *e = d->e;
	bool inferred = f->dir == NLDIR_UNKNOWN;
	int dir = f->dir;
	const char *pn = nl_proto_name(f->proto);

	if (inferred)
		dir = (d->nl_flags & NLM_F_REQUEST) ? NLDIR_TO_KERNEL : NLDIR_TO_USER;
	if (emit_want_summary(e)) {
		time_text(d->st, e, f);
		if (pn && !d->numeric) {
			emit_sum_lit(e, dir == NLDIR_TO_KERNEL ? "> " : "< ");
			emit_sum_lit(e, pn);
		} else
			emit_sum(e, "%s proto %u", dir == NLDIR_TO_KERNEL ? ">" : "<", f->proto);
	}
	if (e->mode != EMIT_JSON)
		return;	/* the summary line says all this in text */
	emit_uint(e, "frame", f->no, EF_DEC);
	emit_uint(e, "index", idx, EF_DEC);
	time_json(e, f);
	emit_cstr(e, "dir", dir == NLDIR_TO_KERNEL ? "to_kernel" : "to_user");
	emit_bool(e, "dir_inferred", inferred);
	if (pn)
		emit_cstr(e, "proto", pn);
	emit_uint(e, "proto_id", f->proto, EF_DEC);
	if (big)
		emit_cstr(e, "byte_order", "big-endian (guessed)");
	if (f->copies > 1)
		emit_uint(e, "copies", f->copies, EF_DEC);
	if (f->copy_of)
		emit_uint(e, "copy_of", f->copy_of, EF_DEC);
	if (f->group) {
		char gb[80];
		const char *gn = nl_group_name(d->st, f->proto, f->group, gb, sizeof(gb));
		emit_obj_begin(e, "group");
		emit_uint(e, "id", f->group, EF_DEC);
		if (gn)
			emit_cstr(e, "name", gn);
		else
			emit_null(e, "name");
		emit_obj_end(e);
	}
}

static void frame_suffix(struct dctx *d, const struct nl_frame *f, size_t padding, bool big)
{
	struct emitter *e = d->e;

	if (big)
		emit_sum_lit(e, " (big-endian, guessed)");
	if (padding) {
		emit_uint(e, "padding", padding, EF_DEC);
		emit_sum(e, " (padding %zu bytes)", padding);
	}
	if (f->copies > 1)
		emit_sum(e, " (x%u copies)", f->copies);
	if (f->copy_of)
		emit_sum(e, " (copy of frame %llu)", (unsigned long long)f->copy_of);
	if (f->group && emit_want_summary(e)) {
		char gb[80];
		const char *gn = d->numeric ? NULL
			: nl_group_name(d->st, f->proto, f->group, gb, sizeof(gb));
		if (gn)
			emit_sum(e, " (group %s)", gn);
		else
			emit_sum(e, " (group %u)", f->group);
	}
}

/* -q without --stats: count the messages and the padding as the decoding
 * walk below does (same stops, same totals), reading only the nlmsghdr
 * lengths. */
static void count_frame(struct nlstate *st, const struct nl_frame *f)
{
	struct nlc c = nlc_init(f->data, f->len, f->caplen);
	unsigned idx = 0;

	if (guess_big_endian(&c))
		c.order = NLC_BE;
	st->frames++;
	while (nlc_left(&c)) {
		size_t start = c.pos, left = nlc_left(&c);

		if (idx && rest_zero(&c, start))
			break;
		if (left < NLMSG_HDRLEN || rest_zero(&c, start)) {
			if (rest_zero(&c, start)) {
				st->padding_frames++;
				st->padding_bytes += left;
			}
			st->messages++;
			break;
		}
		if (nlc_capleft(&c) < NLMSG_HDRLEN)
			break;
		struct nlc pk = c;
		uint32_t len = nlc_u32(&pk);
		st->messages++;
		if (len < NLMSG_HDRLEN)
			break;
		bool oversize = len > left;
		size_t mlen = oversize ? left : len;
		size_t next = start + ((mlen + 3) & ~(size_t)3);
		size_t padding = 0;
		if (next < c.end && rest_zero(&c, next))
			padding = c.end - next;
		if (padding) {
			st->padding_frames++;
			st->padding_bytes += padding;
		}
		idx++;
		if (!nlc_skip(&c, mlen))
			break;
		nlc_align4(&c);
		if (padding || oversize)
			break;
	}
}

void nl_decode_frame(struct nlstate *st, struct emitter *e, const struct nl_frame *f)
{
	if (st->opts.count_only) {
		count_frame(st, f);
		return;
	}
	struct nlc c = nlc_init(f->data, f->len, f->caplen);
	bool big = guess_big_endian(&c);
	unsigned idx = 0;

	if (big)
		c.order = NLC_BE;
	struct nl_clock *k = &st->clock;
	if (!k->have_first) {
		frame_time(f, &k->first_sec, &k->first_nsec);
		k->prev_sec = k->first_sec;
		k->prev_nsec = k->first_nsec;
		k->have_first = true;
	}
	st->frames++;
	while (nlc_left(&c)) {
		size_t start = c.pos, left = nlc_left(&c);
		struct dctx d = { .e = e, .st = st, .proto = (uint8_t)f->proto,
				  .msg_start = start, .af = -1,
				  .numeric = st->opts.numeric };

		if (idx && rest_zero(&c, start))
			break;	/* accounted to the previous message */
		emit_msg_begin(e);
		if (left < NLMSG_HDRLEN || rest_zero(&c, start)) {
			frame_prefix(&d, f, idx, big);
			emit_sum(e, " %s", rest_zero(&c, start) ? "padding" : "short");
			if (rest_zero(&c, start)) {
				frame_suffix(&d, f, left, big);
				st->padding_frames++;
				st->padding_bytes += left;
			} else {
				emit_malformed(e, 0, "%zu bytes, too short for an nlmsghdr", left);
			}
			emit_msg_end(e);
			st->messages++;
			break;
		}
		if (nlc_capleft(&c) < NLMSG_HDRLEN) {
			/* the capture (snap length) ends before this header */
			frame_prefix(&d, f, idx, big);
			emit_sum_lit(e, " (not captured)");
			emit_truncated(e, 0, left, nlc_capleft(&c));
			frame_suffix(&d, f, 0, big);
			emit_msg_end(e);
			break;
		}
		struct nlc pk = c;
		uint32_t len = nlc_u32(&pk);
		nlc_u16(&pk);	/* type */
		d.nl_flags = nlc_u16(&pk);
		frame_prefix(&d, f, idx, big);
		if (len < NLMSG_HDRLEN) {
			struct nlc m = nlc_sub(&c, NLMSG_HDRLEN);
			decode_msg(&d, &m);
			emit_malformed(e, 0, "nlmsg_len %u < 16", len);
			if (st->opts.hex)
				hexdump(e, &c);
			emit_msg_end(e);
			st->messages++;
			break;
		}
		bool oversize = len > left;
		size_t mlen = oversize ? left : len;
		size_t next = start + ((mlen + 3) & ~(size_t)3);
		size_t padding = 0;
		if (next < c.end && rest_zero(&c, next))
			padding = c.end - next;
		struct nlc m = nlc_sub(&c, mlen);
		struct nlc mh = m;
		decode_msg(&d, &m);
		if (start + mlen > c.capend && !e->n_truncated)
			emit_truncated(e, c.capend > start ? c.capend - start : 0, mlen,
				       c.capend > start ? c.capend - start : 0);
		if (oversize)
			emit_malformed(e, 0, "nlmsg_len %u, only %zu bytes left in the frame",
				       len, left);
		frame_suffix(&d, f, padding, big);
		if (padding) {
			st->padding_frames++;
			st->padding_bytes += padding;
		}
		if (st->opts.hex)
			hexdump(e, &mh);
		emit_msg_end(e);
		st->messages++;
		idx++;
		if (!nlc_skip(&c, mlen))
			break;	/* the capture ends inside this message */
		nlc_align4(&c);
		if (padding || oversize)
			break;
	}
	frame_time(f, &k->prev_sec, &k->prev_nsec);
}

/* A quiet walk over the message headers of a frame (the pre-pass and
 * learning): no output, no checks beyond what it takes to go on. */
struct nl_msg_it {
	struct nlc c;		/* the rest of the frame */
	bool done;
};

struct nl_msg_peek {
	uint32_t len;
	uint16_t type, flags;
	bool whole;		/* len fits in the frame; payload is set */
	struct nlc payload;	/* after the nlmsghdr */
};

static void nl_msg_it_init(struct nl_msg_it *it, const struct nl_frame *f)
{
	it->c = nlc_init(f->data, f->len, f->caplen);
	if (guess_big_endian(&it->c))
		it->c.order = NLC_BE;
	it->done = false;
}

/* The next header; false at the end, or at a header too short or cut.  As
 * the decoder does, a message longer than the frame is the last one. */
static bool nl_msg_next(struct nl_msg_it *it, struct nl_msg_peek *m)
{
	if (it->done || nlc_left(&it->c) < NLMSG_HDRLEN)
		return false;
	struct nlc pk = it->c;
	m->len = nlc_u32(&pk);
	m->type = nlc_u16(&pk);
	if (!nlc_ok(&pk) || m->len < NLMSG_HDRLEN)
		return false;
	m->flags = nlc_u16(&pk);
	m->whole = m->len <= nlc_left(&it->c);
	if (!m->whole) {
		it->done = true;
		return true;
	}
	m->payload = nlc_sub(&it->c, m->len);
	nlc_skip(&m->payload, NLMSG_HDRLEN);
	if (!nlc_skip(&it->c, m->len))
		it->done = true;	/* the capture ends inside this message */
	else
		nlc_align4(&it->c);
	return true;
}

void nl_learn_frame(struct nlstate *st, const struct nl_frame *f)
{
	const struct nl_dissector *dis = nl_dissector_for_proto(f->proto);
	struct nl_msg_it it;
	struct nl_msg_peek m;

	if (!dis || !dis->learn)
		return;
	nl_msg_it_init(&it, f);
	while (nl_msg_next(&it, &m) && m.whole)
		dis->learn(st, m.type, m.flags, m.payload);
}

void nl_frame_types(const struct nl_frame *f, void (*cb)(void *arg, uint16_t type), void *arg)
{
	struct nl_msg_it it;
	struct nl_msg_peek m;

	nl_msg_it_init(&it, f);
	while (nl_msg_next(&it, &m))
		cb(arg, m.type);
}
