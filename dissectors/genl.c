/* genl.c - NETLINK_GENERIC: the genlmsghdr, family dispatch and learning
 * the family map from nlctrl messages.
 *
 *   0               1               2               3
 *   +---------------+---------------+-------------------------------+
 *   |      cmd      |    version    |           reserved            |
 *   +---------------+---------------+-------------------------------+
 *   |  family header (hdrsize bytes, e.g. struct ovs_header) ...    |
 *   |  attributes ...                                               |
 *
 * Reference: include/uapi/linux/genetlink.h.
 */
#include <stdio.h>
#include <string.h>

#include "genl.h"
#include "genlmap.h"
#include "spec.h"
#include "state.h"
#include "ynl.h"

#define GENL_HDRLEN 4
#define NLM_F_REQUEST		1

/* nlctrl numbers (include/uapi/linux/genetlink.h) used for learning */
#define CTRL_CMD_NEWFAMILY	1
#define CTRL_CMD_DELFAMILY	2
#define CTRL_CMD_NEWMCAST_GRP	7
#define CTRL_CMD_DELMCAST_GRP	8
#define CTRL_ATTR_FAMILY_ID	1
#define CTRL_ATTR_FAMILY_NAME	2
#define CTRL_ATTR_VERSION	3
#define CTRL_ATTR_HDRSIZE	4
#define CTRL_ATTR_MAXATTR	5
#define CTRL_ATTR_MCAST_GROUPS	7
#define CTRL_ATTR_POLICY	8
#define NLA_TYPE_MASK		0x3fff
#define CTRL_CMD_GETPOLICY	10
#define NL_POLICY_TYPE_ATTR_TYPE	1
#define NL_POLICY_TYPE_ATTR_POLICY_IDX	8
#define CTRL_ATTR_MCAST_GRP_NAME 1
#define CTRL_ATTR_MCAST_GRP_ID	2

/* A family's dissector: its hand tables, else its spec (built on the
 * family's first message, then kept in the map's entry). */
static const struct nl_dissector *genl_dis(struct nlstate *st, const struct genl_family *f)
{
	if (!f || f->dis || f->dis_checked || !st->specs)
		return f ? f->dis : NULL;
	const struct nl_dissector *dis = spec_reg_find(st->specs, f->name);
	if (!dis)	/* neither: typed from a policy dump, if the capture has one */
		dis = spec_reg_policy_find(st->specs, f->id, f->name);
	genl_map_attach(st->genl, f->id, dis);
	return dis;
}

/* A command's definition; a message to the kernel (NLM_F_REQUEST) takes
 * the request numbers where a family numbers the two ways apart. */
static const struct nl_msgdef *genl_msgdef(const struct nl_dissector *fd, uint8_t cmd,
					   uint16_t flags)
{
	if (!fd)
		return NULL;
	if ((flags & NLM_F_REQUEST) && fd->req_msgs)
		return cmd < fd->nreq_msgs && fd->req_msgs[cmd].name ? &fd->req_msgs[cmd]
								       : fd->dflt;
	if (cmd < fd->nmsgs && fd->msgs[cmd].name)
		return &fd->msgs[cmd];
	return fd->dflt;
}

static uint8_t genl_kind_of(struct nlstate *st, uint16_t type, uint16_t flags, struct nlc p)
{
	const struct genl_family *f = genl_map_get(st->genl, type);
	uint8_t cmd = nlc_u8(&p);

	if (!nlc_ok(&p))
		return NLRK_NONE;
	const struct nl_msgdef *md = genl_msgdef(genl_dis(st, f), cmd, flags);
	if (!md)
		return NLRK_NONE;
	return md->kind ? md->kind : nl_kind_from_name(md->name);
}

/* buf[at..] = s, as snprintf would (cut to n - 1 bytes, NUL-terminated);
 * returns the new length */
static size_t cat(char *buf, size_t n, size_t at, const char *s)
{
	while (*s && at + 1 < n)
		buf[at++] = *s++;
	buf[at] = 0;
	return at;
}

/* the same for v in decimal or hex (without prefix) */
static size_t cat_num(char *buf, size_t n, size_t at, unsigned v, unsigned base)
{
	char t[12];
	unsigned k = 0;

	do {
		t[k++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	while (k && at + 1 < n)
		buf[at++] = t[--k];
	buf[at] = 0;
	return at;
}

/* "ovs_flow NEW", "genl 0x22 cmd 1" for an unknown family and with -n
 * (the form of the message's own summary), "ovs_flow" for a capped ack. */
static const char *genl_type_str(struct nlstate *st, uint16_t type, struct nlc p,
				 bool numeric, char *buf, size_t n)
{
	const struct genl_family *f = numeric ? NULL : genl_map_get(st->genl, type);
	uint8_t cmd = nlc_u8(&p);
	bool have_cmd = nlc_ok(&p);
	/* the echoed message of an ACK or ERROR: a request */
	const struct nl_msgdef *md = have_cmd ? genl_msgdef(genl_dis(st, f), cmd, NLM_F_REQUEST)
					      : NULL;
	char fam[40];
	size_t at;

	/* without snprintf: every ACK of a generic netlink request passes here */
	if (f)
		cat(fam, sizeof(fam), 0, f->name);
	else
		cat_num(fam, sizeof(fam), cat(fam, sizeof(fam), 0, "genl 0x"), type, 16);
	at = cat(buf, n, 0, fam);
	if (md && md->name)
		cat(buf, n, cat(buf, n, at, " "), md->name);
	else if (have_cmd)
		cat_num(buf, n, cat(buf, n, at, " cmd "), cmd, 10);
	return buf;
}

/* The field events of a genlmsghdr (hdr: its 4 bytes); the family and
 * its id are the nlmsghdr's type. */
static __attribute__((noinline)) void fs_genl(struct dctx *d, const struct nlc *hdr,
						  const struct genl_family *f, uint8_t cmd,
						  const struct nl_msgdef *md, uint8_t version,
						  uint16_t reserved)
{
	size_t at = hdr->pos, ty = d->msg_start + 4;

	nl_fs_open(d, "genl", "struct", hdr);
	if (f)
		nl_fs_bytes(d, "family", "string", NLFV_NAME, 0, ty, 2, (const uint8_t *)f->name, 0);
	else
		nl_fs_bytes(d, "family", "string", NLFV_NULL, 0, ty, 2, NULL, 0);
	nl_fs_num(d, "id", "u16", NLFV_UINT, ty, 2, d->nl_type, NULL, NULL);
	nl_fs_num(d, "cmd", "enum", NLFV_ENUM, at, 1, cmd, md ? md->name : NULL, NULL);
	nl_fs_num(d, "cmd_id", "u8", NLFV_UINT, at, 1, cmd, NULL, NULL);
	nl_fs_num(d, "version", "u8", NLFV_UINT, at + 1, 1, version, NULL, NULL);
	if (reserved)
		nl_fs_num(d, "reserved", "u16", NLFV_UINT, at + 2, 2, reserved, NULL, NULL);
	nl_fs_close(d);
}

static void genl_decode(struct dctx *d, struct nlc *p)
{
	struct emitter *e = d->e;
	/* the map only: the driver has run any pre-pass before this frame */
	const struct genl_family *f = genl_map_get(d->st->genl, d->nl_type);

	/* the family: its name, or "0x22" after the protocol's name; with -n
	 * "genl 0x22" after "proto 16", and the command as "cmd 1" */
	if (f && !d->numeric)
		d->family_name = f->name;
	else {
		snprintf(d->namebuf, sizeof(d->namebuf), "%s0x%x",
			 d->numeric ? "genl " : "", d->nl_type);
		d->family_name = d->namebuf;
	}
	if (nlc_left(p) < GENL_HDRLEN) {
		d->type_name = NULL;
		nl_head(d);
		emit_malformed(e, dctx_off(d, p), "genlmsghdr: %zu bytes, expected %u",
			       nlc_left(p), GENL_HDRLEN);
		return;
	}
	struct nlc hdr;
	if (d->fs)
		hdr = nlc_sub(p, GENL_HDRLEN);
	uint8_t cmd = nlc_u8(p);
	uint8_t version = nlc_u8(p);
	uint16_t reserved = nlc_u16(p);
	const struct nl_msgdef *md = genl_msgdef(genl_dis(d->st, f), cmd, d->nl_flags);
	const struct nl_dissector *fd = f ? f->dis : NULL;

	/* a multicast notification: by the family's notifications, if it says them */
	if (fd && fd->ntf_msgs && !(d->nl_flags & NLM_F_REQUEST) && !d->seq && !d->pid &&
	    cmd < fd->nntf_msgs && fd->ntf_msgs[cmd].name)
		md = &fd->ntf_msgs[cmd];

	if (md && md->name && !d->numeric) {
		d->type_name = md->name;
	} else {
		snprintf(d->cmdbuf, sizeof(d->cmdbuf), "cmd %u", cmd);
		d->type_name = d->cmdbuf;
		d->type_numeric = true;
	}
	if (d->fs)
		fs_genl(d, &hdr, f, cmd, md, version, reserved);
	emit_obj_begin(e, "genl");
	if (f && !d->numeric)	/* -n: the id below says it (JSON ignores -n) */
		emit_cstr(e, "family", f->name);
	else if (!d->numeric)
		emit_null(e, "family");
	emit_uint(e, "id", d->nl_type, EF_DEC);
	emit_enum_name(e, "cmd", cmd, md ? md->name : NULL);
	emit_uint(e, "cmd_id", cmd, EF_DEC);
	emit_uint(e, "version", version, EF_DEC);
	if (reserved)
		emit_uint(e, "reserved", reserved, EF_DEC);
	emit_obj_end(e);

	if (md) {
		nl_decode_msgdef(d, md, p);
		return;
	}
	nl_head(d);
	if (!nlc_left(p))
		return;
	if (f && f->have_hdrsize) {
		/* no dissector: the family header as hex, the attributes raw */
		if (f->hdrsize) {
			size_t hs = f->hdrsize < nlc_left(p) ? f->hdrsize : nlc_left(p);
			const uint8_t *h = nlc_bytes(p, hs);
			if (h && d->fs)
				nl_fs_bytes(d, "family_header", "bytes", NLFV_HEX, 0, p->pos - hs, hs,
					    h, hs);
			if (h)
				emit_hex(e, "family_header", h, hs);
		}
		nla_walk_under(d, "attrs", p, NULL);
		return;
	}
	size_t n;
	const uint8_t *rest = nlc_rest(p, &n);
	if (rest && d->fs)
		nl_fs_bytes(d, "payload", "bytes", NLFV_HEX, 0, p->pos - n, n, rest, n);
	if (rest)
		emit_hex(e, "payload", rest, n);
}

static bool attr_str(const struct nlc *c, uint16_t type, char *out, size_t outn)
{
	const uint8_t *s;
	size_t n;

	if (!nla_find_str(NULL, c, type, &s, &n) || !n || n >= outn)
		return false;
	memcpy(out, s, n);
	out[n] = 0;
	/* printable; a space inside (the kernel's "802.15.4 MAC") */
	for (size_t i = 0; i < n; i++)
		if (out[i] < 0x20 || out[i] > 0x7e || (out[i] == ' ' && (!i || i == n - 1)))
			return false;
	return true;
}

/* The groups listed in a message: added to f, or removed with del. */
static void learn_groups(struct genl_map *m, struct genl_family *f, const struct nlc *attrs,
			 bool del)
{
	struct nlc g, it;

	if (!nla_find(NULL, attrs, CTRL_ATTR_MCAST_GROUPS, &g))
		return;
	it = g;
	uint16_t t;
	struct nlc one;
	while (nla_next(&it, &t, &one)) {
		uint32_t gid;
		char gname[GENL_NAME_MAX];
		if (del && nla_find_u32(NULL, &one, CTRL_ATTR_MCAST_GRP_ID, &gid))
			genl_map_del_group(m, f, gid);
		else if (!del && nla_find_u32(NULL, &one, CTRL_ATTR_MCAST_GRP_ID, &gid) &&
			 attr_str(&one, CTRL_ATTR_MCAST_GRP_NAME, gname, sizeof(gname)))
			genl_map_add_group(m, f, gid, gname);
	}
}

/* A policy dump's reply: CTRL_ATTR_POLICY, policy index -> attribute
 * type -> NL_POLICY_TYPE_ATTR_* (src/spec_policy.c keeps it). */
static void learn_policy(struct nlstate *st, uint16_t id, const struct nlc *attrs)
{
	struct nlc it = *attrs, pol, one, attr;
	uint16_t t, pidx, atype;

	if (!st->specs)
		return;
	while (nla_next(&it, &t, &pol)) {
		if ((t & NLA_TYPE_MASK) != CTRL_ATTR_POLICY)
			continue;
		while (nla_next(&pol, &pidx, &one))
			while (nla_next(&one, &atype, &attr)) {
				uint32_t kind, nest;
				if (!nla_find_u32(NULL, &attr, NL_POLICY_TYPE_ATTR_TYPE, &kind))
					continue;
				bool has_nest = nla_find_u32(NULL, &attr,
							     NL_POLICY_TYPE_ATTR_POLICY_IDX, &nest);
				spec_reg_policy_attr(st->specs, id, pidx & NLA_TYPE_MASK,
						     atype & NLA_TYPE_MASK, kind,
						     has_nest ? (int64_t)nest : -1);
			}
	}
}

/* Families that learn from their own messages (in capture order, as they
 * are decoded; never in the pre-pass, so a name learned is one the capture
 * had said before): what their replies define for later messages. */
static const struct {
	const char *family;
	void (*learn)(struct nlstate *st, uint8_t cmd, struct nlc attrs);
} family_learners[] = {
	{ "ethtool", ynl_ethtool_learn },	/* string sets */
};

static void family_learn(struct nlstate *st, uint16_t type, struct nlc p)
{
	const struct genl_family *f = genl_map_get(st->genl, type);

	if (!f || st->learning)
		return;
	for (size_t i = 0; i < ARRAY_SIZE(family_learners); i++) {
		if (strcmp(f->name, family_learners[i].family))
			continue;
		uint8_t cmd = nlc_u8(&p);
		nlc_skip(&p, 3);
		if (nlc_ok(&p))
			family_learners[i].learn(st, cmd, p);
		return;
	}
}

static void genl_learn(struct nlstate *st, uint16_t type, uint16_t flags, struct nlc p)
{
	if ((flags & NLM_F_REQUEST) || !st->genl)
		return;
	if (type != GENL_ID_CTRL) {
		family_learn(st, type, p);
		return;
	}
	uint8_t cmd = nlc_u8(&p);
	nlc_skip(&p, 3);
	if (!nlc_ok(&p))
		return;
	struct nlc fid;
	uint16_t id;
	char name[GENL_NAME_MAX];
	if (!nla_find(st, &p, CTRL_ATTR_FAMILY_ID, &fid) || nlc_left(&fid) != 2)
		return;
	id = nlc_u16(&fid);
	if (!nlc_ok(&fid))
		return;
	if (cmd == CTRL_CMD_GETPOLICY) {
		learn_policy(st, id, &p);
		return;
	}
	/* the pre-pass keeps the first mapping of each id: it ignores deletes */
	if (cmd == CTRL_CMD_DELFAMILY) {
		if (!st->learning)
			genl_map_del(st->genl, id, GENL_SRC_CAPTURE);
		return;
	}
	if (cmd == CTRL_CMD_DELMCAST_GRP) {
		const struct genl_family *g = genl_map_get(st->genl, id);
		struct genl_family *w;
		/* only for the family the id is mapped to (never creates one) */
		if (!st->learning && g &&
		    attr_str(&p, CTRL_ATTR_FAMILY_NAME, name, sizeof(name)) &&
		    !strcmp(g->name, name) &&
		    (w = genl_map_set(st->genl, id, name, GENL_SRC_CAPTURE, false)))
			learn_groups(st->genl, w, &p, true);
		return;
	}
	if (cmd != CTRL_CMD_NEWFAMILY && cmd != CTRL_CMD_NEWMCAST_GRP)
		return;
	if (!attr_str(&p, CTRL_ATTR_FAMILY_NAME, name, sizeof(name)))
		return;
	struct genl_family *f = genl_map_set(st->genl, id, name, GENL_SRC_CAPTURE,
					     st->learning);
	if (!f)
		return;
	uint32_t v;
	if (nla_find_u32(st, &p, CTRL_ATTR_VERSION, &v))
		f->version = v;
	if (nla_find_u32(st, &p, CTRL_ATTR_HDRSIZE, &v)) {
		f->hdrsize = v;
		f->have_hdrsize = true;
	}
	if (nla_find_u32(st, &p, CTRL_ATTR_MAXATTR, &v))
		f->maxattr = v;
	/* a NEWFAMILY lists all the family's groups; NEWMCAST_GRP adds one */
	if (cmd == CTRL_CMD_NEWFAMILY)
		genl_map_clear_groups(st->genl, f);
	learn_groups(st->genl, f, &p, false);
}

const struct nl_dissector genl_dissector = {
	.name = "genl",
	.proto = 16,
	.decode = genl_decode,
	.learn = genl_learn,
	.type_str = genl_type_str,
	.kind_of = genl_kind_of,
};
