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
#include "nlmsg_priv.h"
#include "registry.h"

void nl_core_init(struct nlstate *st, const struct nl_opts *o)
{
	st->opts = *o;
	st->clock.have_first = false;
	st->clock.tcache_ok = false;
	st->clock.jcache_ok = false;
	memset(st->sumres, 0, sizeof(st->sumres));
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

const char *const ctrl_type_names[] = {
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
/* every flag name, whatever its request kind (filters check names) */
static const char *const flag_all[] = {
	"request", "multi", "ack", "echo", "dump_intr", "dump_filtered", "root", "match",
	"atomic", "replace", "excl", "create", "append", "nonrec", "bulk", "capped", "ack_tlvs",
};
const struct nl_names nlmsg_flag_names_all = NL_NAMES(flag_all);
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
void nl_flag_table(unsigned kind, const char *tbl[16])
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

/* ---- messages ---- */

static void decode_msgdef(struct dctx *d, const struct nl_msgdef *md, struct nlc *payload,
			  struct nl_sum_vals *sv);

void nl_decode_msgdef(struct dctx *d, const struct nl_msgdef *md, struct nlc *payload)
{
	struct nl_sum_vals sv, *saved = d->sum;

	if (d->fs && d->fs->pin)	/* a missing attribute named by its set */
		nl_fs_pin_set(d->fs, payload, nl_msgdef_attrs(md, d->nl_flags), true);
	d->sum = NULL;
	decode_msgdef(d, md, payload, md->sum ? &sv : NULL);
	d->sum = saved;
}

static void decode_msgdef(struct dctx *d, const struct nl_msgdef *md, struct nlc *payload,
			  struct nl_sum_vals *sv)
{
	const struct nl_attr_set *set = nl_msgdef_attrs(md, d->nl_flags);
	struct nlc h = *payload;

	if (md->hdr) {
		size_t hs = md->hdr->size;
		if (nlc_left(payload) < (md->hdr->min_size ? md->hdr->min_size : hs)) {
			nl_head(d);
			nl_struct_decode(d, md->hdr->name, payload, md->hdr);
			return;
		}
		h = nlc_sub(payload, hs < nlc_left(payload) ? hs : nlc_left(payload));
		nlc_skip(payload, nlc_left(&h));
	}
	nl_head(d);
	if (sv) {
		nl_sum_begin(sv, d->st, md->sum, md->hdr, h, d->depth + 1);
		if (md->sum->early) {
			/* its text is also a member ahead of the header: from a
			 * quiet scan of the attributes, now */
			struct nlc at = *payload;
			nlc_align4(&at);
			if (set)
				nl_sum_scan(sv, set, &at);
			nl_sum_render(d, sv);
			sv = NULL;
		}
	}
	if (md->hdr) {
		nl_struct_decode(d, md->hdr->name, &h, md->hdr);
		nlc_align4(payload);
	}
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
		if (p && d->fs)
			fs_hex(d, "payload", p, n, payload->pos - n);
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
	if (p && d->fs)
		fs_hex(d, "payload", p, n, payload->pos - n);
	if (p)
		emit_hex(d->e, "payload", p, n);
	/* a read error is reported once, by decode_msg */
}

/* Decode one message whose header starts at c (c covers the message). */
void decode_msg(struct dctx *d, struct nlc *c)
{
	struct emitter *e = d->e;

	nla_index_reset(d->st);
	const char *ft[16];
	struct nl_names fnames = { 16, ft };
	struct nlc hdr;
	if (d->fs)
		hdr = nlc_sub(c, NLMSG_HDRLEN);

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
	else if (dis && dis->kind_of && (d->req_kind = dis->kind_of(d->st, type, d->nl_flags, *c)))
		;
	else if ((flags & NLM_F_REQUEST) && (flags & 0x300) == 0x300)
		d->req_kind = NLRK_GET;
	else
		d->req_kind = NLRK_NONE;

	const char *tname = NULL;
	if (type < NLMSG_MIN_TYPE && type < ARRAY_SIZE(ctrl_type_names) && ctrl_type_names[type])
		tname = ctrl_type_names[type];
	else if (dis && type < dis->nmsgs && dis->msgs[type].name)
		tname = dis->msgs[type].name;
	if (d->fs && nlc_ok(c))
		fs_nlmsghdr(d, &hdr, len, tname, flags, seq, pid);
	emit_obj_begin(e, "nlmsg");
	emit_uint(e, "len", len, EF_DEC);
	if (tname)
		emit_enum_name(e, "type", type, tname);
	else
		emit_uint(e, "type", type, EF_DEC);
	if (e->mode == EMIT_JSON) {
		nl_flag_table(d->req_kind, ft);
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
		if (p && n && d->fs)
			fs_hex(d, "unparsed", p, n, payload.pos - n);
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
bool guess_big_endian(const struct nlc *c)
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

static void frame_prefix(struct dctx *d, const struct nl_frame *f, unsigned idx,
			 bool big)
{
	struct emitter *e = d->e;
	bool inferred = f->dir == NLDIR_UNKNOWN;
	int dir = f->dir;
	const char *pn = nl_proto_name(f->proto);

	if (inferred)
		dir = (d->nl_flags & NLM_F_REQUEST) ? NLDIR_TO_KERNEL : NLDIR_TO_USER;
	fs_msg_start(d, f, idx, dir == NLDIR_TO_KERNEL, inferred, big);
	if (emit_want_summary(e)) {
		line_head(d->st, e, f);
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
	time_json(d->st, e, f);
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
		fs_padding(d, padding);
		emit_sum(e, " (padding %zu bytes)", padding);
	}
	if (f->copies > 1)
		emit_sum(e, " (x%u copies)", f->copies);
	if (f->copy_of)
		emit_sum(e, " (copy of frame %llu)", (unsigned long long)f->copy_of);
	if (d->st->tap)
		nl_tap_decoded(d, f, big);
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
static void count_frame(struct nlstate *st, struct emitter *e, const struct nl_frame *f,
			struct nlc c)
{
	unsigned idx = 0;

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
		if (st->tap || st->txn)	/* -q --stats: by the header */
			nl_tap_msg(st, e, f, idx, nlc_sub(&c, mlen));
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
		struct nlc c = nlc_init(f->data, f->len, f->caplen);
		bool big = guess_big_endian(&c);
		if (big)
			c.order = NLC_BE;
		count_frame(st, e, f, c);
		if (st->tap)
			nl_tap_learn(st, f, big);
		return;
	}
	struct nlc c = nlc_init(f->data, f->len, f->caplen);
	bool big = guess_big_endian(&c);
	unsigned idx = 0;
	bool kept = false;

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
				  .numeric = st->opts.numeric, .fs = st->fs };

		if (idx && rest_zero(&c, start))
			break;	/* accounted to the previous message */
		nl_msg_begin(&d);
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
			nl_msg_end(&d, f, idx, &kept);
			st->messages++;
			break;
		}
		if (nlc_capleft(&c) < NLMSG_HDRLEN) {
			/* the capture (snap length) ends before this header */
			frame_prefix(&d, f, idx, big);
			emit_sum_lit(e, " (not captured)");
			emit_truncated(e, 0, left, nlc_capleft(&c));
			frame_suffix(&d, f, 0, big);
			nl_msg_end(&d, f, idx, &kept);
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
			nl_msg_end(&d, f, idx, &kept);
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
		decode_msg_txn(&d, f, idx, &m);
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
		nl_msg_end(&d, f, idx, &kept);
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
