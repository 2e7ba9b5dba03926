/* rtnl_tc_cls.c - the options of classifiers (filters), by TCA_KIND, and
 * the extended matches of the basic filter (tables only; rtnl_tc.c chooses
 * among them).
 *
 * Reference: include/uapi/linux/pkt_cls.h, tc_ematch/ (Linux 7.2).
 */
#include <string.h>

#include "rtnl_tc.h"

#define U32_SEL 5
#define EM_META_HDR 1

static const char *const cls_flag_v[] = { "skip_hw", "skip_sw", "in_hw", "not_in_hw", "verbose" };
static const struct nl_names cls_flag_bits = NL_NAMES(cls_flag_v);

/* struct tc_u32_sel: u8 flags, offshift, nkeys, pad; be16 offmask; u16 off;
 * s16 offoff, hoff; be32 hmask; then nkeys tc_u32_key {be32 mask, val; s32 off, offmask} */
/* the shapes of the two callbacks below, for the field registry */
static const struct nl_attr_pol u32_key_members[] = {
	{ "mask", NLA_KIND_BE32 }, { "val", NLA_KIND_BE32 }, { "off", NLA_KIND_S32 },
	{ "offmask", NLA_KIND_S32 },
};
static const struct nl_shape u32_key_shape = NL_SHAPE_OBJ(u32_key_members);
static const struct nl_attr_pol u32_sel_members[] = {
	{ "flags", NLA_KIND_U8 }, { "offshift", NLA_KIND_U8 }, { "nkeys", NLA_KIND_U8 },
	{ "offmask", NLA_KIND_BE16 }, { "off", NLA_KIND_U16 }, { "offoff", NLA_KIND_S16 },
	{ "hoff", NLA_KIND_S16 }, { "hmask", NLA_KIND_BE32 },
	{ "keys", NLA_KIND_CB, .shape = &u32_key_shape },
};
static const struct nl_shape u32_sel_shape = NL_SHAPE_OBJ(u32_sel_members);
static const struct nl_attr_pol u32_pcnt_members[] = {
	{ "rcnt", NLA_KIND_U64 }, { "rhit", NLA_KIND_U64 }, { "kcnts", NLA_KIND_U64 },
};
static const struct nl_shape u32_pcnt_shape = NL_SHAPE_OBJ(u32_pcnt_members);

static bool cb_u32_sel(struct dctx *d, const struct nl_attr_pol *pol,
		       const char *key, struct nlc *c)
{
	(void)pol;
	if (nlc_left(c) < 16)
		return false;
	size_t at = c->pos;
	nl_put_obj_begin(d, key, "struct", c);
	nl_put_uint(d, "flags", at, 1, nlc_u8(c), EF_HEX);
	nl_put_uint(d, "offshift", at + 1, 1, nlc_u8(c), EF_DEC);
	uint8_t nkeys = nlc_u8(c);
	nl_put_uint(d, "nkeys", at + 2, 1, nkeys, EF_DEC);
	nlc_u8(c);
	nl_put_uint(d, "offmask", at + 4, 2, nlc_be16(c), EF_HEX);
	nl_put_uint(d, "off", at + 6, 2, nlc_u16(c), EF_DEC);
	nl_put_sint(d, "offoff", at + 8, 2, (int16_t)nlc_u16(c));
	nl_put_sint(d, "hoff", at + 10, 2, (int16_t)nlc_u16(c));
	nl_put_uint(d, "hmask", at + 12, 4, nlc_be32(c), EF_HEX);
	nl_put_list_begin(d, "keys");
	for (unsigned i = 0; i < nkeys && nlc_left(c) >= 16; i++) {
		size_t k = c->pos;
		struct nlc one = nlc_sub(c, 16);
		nl_put_obj_begin(d, NULL, "struct", &one);
		nl_put_uint(d, "mask", k, 4, nlc_be32(c), EF_HEX);
		nl_put_uint(d, "val", k + 4, 4, nlc_be32(c), EF_HEX);
		nl_put_sint(d, "off", k + 8, 4, (int32_t)nlc_u32(c));
		nl_put_sint(d, "offmask", k + 12, 4, (int32_t)nlc_u32(c));
		nl_put_obj_end(d);
	}
	nl_put_list_end(d);
	nl_put_obj_end(d);
	if (nlc_left(c))
		emit_malformed(d->e, dctx_off(d, c), "tc_u32_sel: %zu bytes beyond %u keys",
			       nlc_left(c), nkeys);
	nlc_skip(c, nlc_left(c));
	return nlc_ok(c);
}
/* struct tc_u32_pcnt: u64 rcnt, rhit, then one u64 hit count per key of
 * the selector (TCA_U32_SEL's nkeys) */
static bool cb_u32_pcnt(struct dctx *d, const struct nl_attr_pol *pol,
			const char *key, struct nlc *c)
{
	size_t n = nlc_left(c);
	struct nlc sel;

	(void)pol;
	if (n < 16 || (n - 16) % 8)
		return false;
	size_t nkeys = (n - 16) / 8;
	size_t at = c->pos;
	nl_put_obj_begin(d, key, "struct", c);
	nl_put_uint(d, "rcnt", at, 8, nlc_u64(c), EF_DEC);
	nl_put_uint(d, "rhit", at + 8, 8, nlc_u64(c), EF_DEC);
	nl_put_list_begin(d, "kcnts");
	for (size_t i = 0; i < nkeys; i++)
		nl_put_uint(d, NULL, at + 16 + 8 * i, 8, nlc_u64(c), EF_DEC);
	nl_put_list_end(d);
	nl_put_obj_end(d);
	/* the selector says how many keys there are (its third byte) */
	if (nla_find(d->st, &d->parent, U32_SEL, &sel) && nlc_left(&sel) >= 3) {
		nlc_skip(&sel, 2);
		uint8_t sel_keys = nlc_u8(&sel);
		if (nlc_ok(&sel) && sel_keys != nkeys)
			emit_malformed(d->e, dctx_off(d, c) - n,
				       "tc_u32_pcnt: %zu key counters, the selector has %u keys",
				       nkeys, sel_keys);
	}
	return nlc_ok(c);
}
static const struct nl_attr_pol u32_mark_f[] = {
	{ "val", NLA_KIND_U32, .flags = NLAF_HEX }, { "mask", NLA_KIND_U32, .flags = NLAF_HEX },
	{ "success", NLA_KIND_U32 },
};
static const struct nl_struct u32_mark_st = NL_STRUCT("tc_u32_mark", u32_mark_f, 12);
static const struct nl_attr_pol u32_attrs[] = {
	[1] = { "classid", NLA_KIND_CB, .cb = tc_cb_handle, .shape = &tc_handle_shape },
	[2] = { "hash", NLA_KIND_U32, .flags = NLAF_HEX },
	[3] = { "link", NLA_KIND_U32, .flags = NLAF_HEX },
	[4] = { "divisor", NLA_KIND_U32 },
	[5] = { "sel", NLA_KIND_CB, .cb = cb_u32_sel, .shape = &u32_sel_shape },
	[6] = { "police", NLA_KIND_NESTED, .nest = &tc_police_set },
	[7] = TC_ACT_TAB("act"),
	[8] = { "indev", NLA_KIND_STRING },
	[9] = { "pcnt", NLA_KIND_CB, .cb = cb_u32_pcnt, .shape = &u32_pcnt_shape },
	[10] = { "mark", NLA_KIND_STRUCT, .st = &u32_mark_st },
	[11] = { "flags", NLA_KIND_U32, .bits = &cls_flag_bits },
	[12] = { "pad", NLA_KIND_PAD },
};
static const struct nl_attr_set u32_set = NL_ATTR_SET("u32", u32_attrs);

static const struct nl_attr_pol matchall_pcnt_f[] = { { "rhit", NLA_KIND_U64 } };
static const struct nl_struct matchall_pcnt_st = NL_STRUCT("tc_matchall_pcnt", matchall_pcnt_f, 8);
static const struct nl_attr_pol matchall_attrs[] = {
	[1] = { "classid", NLA_KIND_CB, .cb = tc_cb_handle, .shape = &tc_handle_shape },
	[2] = TC_ACT_TAB("act"),
	[3] = { "flags", NLA_KIND_U32, .bits = &cls_flag_bits },
	[4] = { "pcnt", NLA_KIND_STRUCT, .st = &matchall_pcnt_st },
	[5] = { "pad", NLA_KIND_PAD },
};
static const struct nl_attr_set matchall_set = NL_ATTR_SET("matchall", matchall_attrs);

static const struct nl_attr_pol bpf_attrs[] = {
	[1] = TC_ACT_TAB("act"),
	[2] = { "police", NLA_KIND_NESTED, .nest = &tc_police_set },
	[3] = { "classid", NLA_KIND_CB, .cb = tc_cb_handle, .shape = &tc_handle_shape },
	[4] = { "ops_len", NLA_KIND_U16 },
	[5] = { "ops", NLA_KIND_BINARY },
	[6] = { "fd", NLA_KIND_U32 },
	[7] = { "name", NLA_KIND_NUL_STRING },
	[8] = { "flags", NLA_KIND_U32, .flags = NLAF_HEX },
	[9] = { "flags_gen", NLA_KIND_U32, .bits = &cls_flag_bits },
	[10] = { "tag", NLA_KIND_BINARY, .len = 8 },
	[11] = { "id", NLA_KIND_U32 },
};
static const struct nl_attr_set bpf_set = NL_ATTR_SET("bpf", bpf_attrs);

/* ---- extended matches (TCA_EMATCH_TREE_*, include/uapi/linux/pkt_cls.h,
 * tc_ematch/) ---- */

static const char *const em_kind_v[] = {
	"container", "cmp", "nbyte", "u32", "meta", "text", "vlan", "canid", "ipset", "ipt",
};
static const struct nl_names em_kind_names = NL_NAMES(em_kind_v);
/* tcf_ematch_hdr flags: relation to the next match (bits 0-1), invert, simple */
static const char *const em_flag_v[] = { "and", "or", "invert", "simple" };
static const struct nl_names em_flag_bits = NL_NAMES(em_flag_v);
static const char *const em_layer_v[] = { "link", "network", "transport" };
static const struct nl_names em_layer_names = NL_NAMES(em_layer_v);
static const char *const em_opnd_v[] = { "eq", "gt", "lt" };
static const struct nl_names em_opnd_names = NL_NAMES(em_opnd_v);
static const char *const em_align_v[] = { [1] = "u8", [2] = "u16", [4] = "u32" };
static const struct nl_names em_align_names = NL_NAMES(em_align_v);
static const char *const em_cmp_flag_v[] = { "trans" };
static const struct nl_names em_cmp_flag_bits = NL_NAMES(em_cmp_flag_v);

/* the rest of c as hex (what the capture holds of it) */
static void hex_rest(struct dctx *d, const char *key, struct nlc *c)
{
	size_t n, at = c->pos;
	const uint8_t *p = nlc_rest(c, &n);

	nl_put_hex(d, key, at, p ? p : (const uint8_t *)"", p ? n : 0);
}

/* Two 4-bit fields sharing a byte: the first declared takes the low bits
 * on little-endian machines, the high bits on big-endian ones. */
static void nibbles(const struct nlc *c, uint8_t b, unsigned *first, unsigned *second)
{
	if (c->order == NLC_BE) {
		*first = b >> 4;
		*second = b & 0xf;
	} else {
		*first = b & 0xf;
		*second = b >> 4;
	}
}

/* struct tcf_em_cmp: u32 val, mask; u16 off; align:4, flags:4; layer:4, opnd:4 */
static bool em_cmp(struct dctx *d, struct nlc *c)
{
	unsigned align, flags, layer, opnd;

	if (nlc_left(c) != 12)
		return false;
	size_t at = c->pos;
	nl_put_obj_begin(d, "cmp", "struct", c);
	nl_put_uint(d, "val", at, 4, nlc_u32(c), EF_HEX);
	nl_put_uint(d, "mask", at + 4, 4, nlc_u32(c), EF_HEX);
	nl_put_uint(d, "off", at + 8, 2, nlc_u16(c), EF_DEC);
	nibbles(c, nlc_u8(c), &align, &flags);
	nibbles(c, nlc_u8(c), &layer, &opnd);
	nl_put_enum(d, "align", at + 10, 1, align, &em_align_names);
	nl_put_flags(d, "flags", at + 10, 1, flags, &em_cmp_flag_bits);
	nl_put_enum(d, "layer", at + 11, 1, layer, &em_layer_names);
	nl_put_enum(d, "opnd", at + 11, 1, opnd, &em_opnd_names);
	nl_put_obj_end(d);
	return true;
}

/* struct tcf_em_nbyte: u16 off; len:12, layer:4 (one u16); then len bytes */
static bool em_nbyte(struct dctx *d, struct nlc *c)
{
	if (nlc_left(c) < 4)
		return false;
	struct nlc whole = *c;
	size_t at = c->pos;
	uint16_t off = nlc_u16(c), w = nlc_u16(c);
	unsigned len = c->order == NLC_BE ? w >> 4 : w & 0xfff;
	unsigned layer = c->order == NLC_BE ? w & 0xf : w >> 12;
	if (len > nlc_left(c))
		return false;
	nl_put_obj_begin(d, "nbyte", "struct", &whole);
	nl_put_uint(d, "off", at, 2, off, EF_DEC);
	nl_put_uint(d, "len", at + 2, 2, len, EF_DEC);
	nl_put_enum(d, "layer", at + 2, 2, layer, &em_layer_names);
	struct nlc pat = nlc_sub(c, len);
	nlc_skip(c, len);
	hex_rest(d, "pattern", &pat);
	nl_put_obj_end(d);
	return true;
}

/* struct tcf_em_text: char algo[16]; u16 from_offset, to_offset,
 * pattern_len; from_layer:4, to_layer:4; u8 pad; then the pattern */
static bool em_text(struct dctx *d, struct nlc *c)
{
	unsigned from_layer, to_layer;

	if (nlc_left(c) < 24)
		return false;
	struct nlc whole = *c;
	size_t at = c->pos;
	const uint8_t *algo = nlc_bytes(c, 16);
	uint16_t from = nlc_u16(c), to = nlc_u16(c), plen = nlc_u16(c);
	nibbles(c, nlc_u8(c), &from_layer, &to_layer);
	nlc_u8(c);
	if (!algo || plen > nlc_left(c))
		return false;
	nl_put_obj_begin(d, "text", "struct", &whole);
	const uint8_t *nul = memchr(algo, 0, 16);
	nl_put_str(d, "algo", at, 16, algo, nul ? (size_t)(nul - algo) : 16);
	nl_put_uint(d, "from_offset", at + 16, 2, from, EF_DEC);
	nl_put_uint(d, "to_offset", at + 18, 2, to, EF_DEC);
	nl_put_enum(d, "from_layer", at + 22, 1, from_layer, &em_layer_names);
	nl_put_enum(d, "to_layer", at + 22, 1, to_layer, &em_layer_names);
	size_t pat_at = c->pos;
	const uint8_t *pat = nlc_bytes(c, plen);
	nl_put_str(d, "pattern", pat_at, plen, pat ? pat : (const uint8_t *)"", pat ? plen : 0);
	nl_put_obj_end(d);
	return true;
}

/* meta: TCA_EM_META_HDR (struct tcf_meta_hdr: a tcf_meta_val for each
 * side: u16 kind = type << 12 | id, u8 shift, u8 op), LVALUE, RVALUE */
static const char *const meta_id_v[] = {
	"value", "random", "loadavg_0", "loadavg_1", "loadavg_2", "dev", "priority",
	"protocol", "pkttype", "pktlen", "datalen", "maclen", "nfmark", "tcindex",
	"rtclassid", "rtiif", "sk_family", "sk_state", "sk_reuse", "sk_bound_if",
	"sk_refcnt", "sk_shutdown", "sk_proto", "sk_type", "sk_rcvbuf", "sk_rmem_alloc",
	"sk_wmem_alloc", "sk_omem_alloc", "sk_wmem_queued", "sk_rcv_qlen", "sk_snd_qlen",
	"sk_err_qlen", "sk_forward_allocs", "sk_sndbuf", "sk_allocs", "sk_route_caps",
	"sk_hash", "sk_lingertime", "sk_ack_backlog", "sk_max_ack_backlog", "sk_prio",
	"sk_rcvlowat", "sk_rcvtimeo", "sk_sndtimeo", "sk_sendmsg_off", "sk_write_pending",
	"vlan_tag", "rxhash",
};
static const struct nl_names meta_id_names = NL_NAMES(meta_id_v);
static const char *const meta_type_v[] = { "var", "int" };
static const struct nl_names meta_type_names = NL_NAMES(meta_type_v);

static void meta_val(struct dctx *d, const char *key, struct nlc *c)
{
	size_t at = c->pos;
	struct nlc one = nlc_sub(c, 4);
	nl_put_obj_begin(d, key, "struct", &one);
	uint16_t kind = nlc_u16(c);
	nl_put_enum(d, "type", at, 2, (kind >> 12) & 0xf, &meta_type_names);
	nl_put_enum(d, "id", at, 2, kind & 0x7ff, &meta_id_names);
	nl_put_uint(d, "shift", at + 2, 1, nlc_u8(c), EF_DEC);
	nl_put_enum(d, "op", at + 3, 1, nlc_u8(c), &em_opnd_names);
	nl_put_obj_end(d);
}

static bool cb_meta_hdr(struct dctx *d, const struct nl_attr_pol *pol,
			const char *key, struct nlc *c)
{
	(void)pol;
	if (nlc_left(c) != 8)
		return false;
	nl_put_obj_begin(d, key, "struct", c);
	meta_val(d, "left", c);
	meta_val(d, "right", c);
	nl_put_obj_end(d);
	return true;
}

/* a value is a number when its side's type is int, else bytes (a device
 * name...) */
static bool meta_value(struct dctx *d, const char *key, struct nlc *c, bool right)
{
	struct nlc hdr;
	size_t n = nlc_left(c);

	if (!nla_find(d->st, &d->parent, EM_META_HDR, &hdr) || nlc_left(&hdr) != 8)
		return false;
	if (right)
		nlc_skip(&hdr, 4);
	uint16_t kind = nlc_u16(&hdr);
	if (!nlc_ok(&hdr) || (kind >> 12) != 1 || (n != 1 && n != 2 && n != 4 && n != 8))
		return false;
	size_t at = c->pos;
	nl_put_uint(d, key, at, n, nlc_uint(c, (unsigned)n, c->order == NLC_BE), EF_DEC);
	return true;
}

static bool cb_meta_lvalue(struct dctx *d, const struct nl_attr_pol *pol,
			   const char *key, struct nlc *c)
{
	(void)pol;
	return meta_value(d, key, c, false);
}

static bool cb_meta_rvalue(struct dctx *d, const struct nl_attr_pol *pol,
			   const char *key, struct nlc *c)
{
	(void)pol;
	return meta_value(d, key, c, true);
}

static const struct nl_attr_pol em_meta_attrs[] = {
	[1] = { "hdr", NLA_KIND_CB, .cb = cb_meta_hdr },
	[2] = { "lvalue", NLA_KIND_CB, .cb = cb_meta_lvalue },
	[3] = { "rvalue", NLA_KIND_CB, .cb = cb_meta_rvalue },
};
static const struct nl_attr_set em_meta_set = NL_ATTR_SET("em_meta", em_meta_attrs);

/* u32 ematch: struct tc_u32_key */
static const struct nl_attr_pol em_u32_f[] = {
	{ "mask", NLA_KIND_BE32, .flags = NLAF_HEX }, { "val", NLA_KIND_BE32, .flags = NLAF_HEX },
	{ "off", NLA_KIND_S32 }, { "offmask", NLA_KIND_S32 },
};
static const struct nl_struct em_u32_st = NL_STRUCT("tc_u32_key", em_u32_f, 16);

/* one element of TCA_EMATCH_TREE_LIST: struct tcf_ematch_hdr, then the
 * kind's data */
static void decode_ematch(struct dctx *d, struct nlc *c)
{
	if (nlc_left(c) < 8) {
		emit_malformed(d->e, dctx_off(d, c), "tcf_ematch_hdr: %zu bytes, expected 8",
			       nlc_left(c));
		hex_rest(d, "data", c);
		return;
	}
	size_t at = c->pos;
	uint16_t matchid = nlc_u16(c), kind = nlc_u16(c), flags = nlc_u16(c);
	nlc_u16(c);
	nl_put_uint(d, "matchid", at, 2, matchid, EF_DEC);
	nl_put_enum(d, "kind", at + 2, 2, kind, &em_kind_names);
	nl_put_flags(d, "flags", at + 4, 2, flags, &em_flag_bits);
	struct nlc save = *c;
	bool ok = true;
	if (flags & 0x8) {		/* TCF_EM_SIMPLE: one u32 */
		ok = nlc_left(c) == 4;
		if (ok)
			nl_put_uint(d, "value", at + 8, 4, nlc_u32(c), EF_HEX);
	} else if (kind == 0) {		/* container: the match to go on with */
		ok = nlc_left(c) == 4;
		if (ok)
			nl_put_uint(d, "ref", at + 8, 4, nlc_u32(c), EF_DEC);
	} else if (kind == 1) {
		ok = em_cmp(d, c);
	} else if (kind == 2) {
		ok = em_nbyte(d, c);
	} else if (kind == 3) {
		ok = nlc_left(c) == 16;
		if (ok)
			nl_struct_decode(d, "u32", c, &em_u32_st);
	} else if (kind == 4) {
		nla_walk_under(d, "meta", c, &em_meta_set);
	} else if (kind == 5) {
		ok = em_text(d, c);
	} else {
		ok = false;
	}
	if (!ok) {
		*c = save;
		if (kind <= 5)
			emit_malformed(d->e, dctx_off(d, c), "%s ematch: %zu bytes of data",
				       em_kind_v[kind], nlc_left(c));
	}
	if (nlc_left(c))
		hex_rest(d, "data", c);
}

/* the shape of one match, for the field registry; cmp, nbyte and text are
 * written by the functions above (listed as custom) */
static const struct nl_attr_pol ematch_members[] = {
	{ "index", NLA_KIND_U16 }, { "matchid", NLA_KIND_U16 },
	{ "kind", NLA_KIND_U16, .enums = &em_kind_names },
	{ "flags", NLA_KIND_U16, .bits = &em_flag_bits },
	{ "value", NLA_KIND_U32 }, { "ref", NLA_KIND_U32 },
	{ "cmp", NLA_KIND_CB }, { "nbyte", NLA_KIND_CB },
	{ "u32", NLA_KIND_STRUCT, .st = &em_u32_st },
	{ "meta", NLA_KIND_NESTED, .nest = &em_meta_set },
	{ "text", NLA_KIND_CB }, { "data", NLA_KIND_BINARY },
};
static const struct nl_shape ematch_list_shape = NL_SHAPE_OBJ(ematch_members);

/* TCA_EMATCH_TREE_LIST: attributes numbered 1..nmatches, each one match */
static bool cb_ematch_list(struct dctx *d, const struct nl_attr_pol *pol,
			   const char *key, struct nlc *c)
{
	struct nlc m;
	uint16_t type;

	(void)pol;
	nl_put_list_begin(d, key);
	while (nla_next(c, &type, &m)) {
		emit_item_begin(d->e, type);	/* an object with its "index" */
		if (d->fs) {
			nl_fs_open(d, NULL, "struct", &m);
			nl_fs_num(d, "index", "u16", NLFV_UINT, m.pos - 2, 2, type, NULL, NULL);
		}
		decode_ematch(d, &m);
		nl_put_obj_end(d);
	}
	nl_put_list_end(d);
	if (nlc_left(c)) {
		emit_malformed(d->e, dctx_off(d, c), "ematch list: %zu bytes that are no attribute",
			       nlc_left(c));
		hex_rest(d, "rest", c);
	}
	return true;
}

static const struct nl_attr_pol em_tree_hdr_f[] = {
	{ "nmatches", NLA_KIND_U16 }, { "progid", NLA_KIND_U16 },
};
static const struct nl_struct em_tree_hdr_st = NL_STRUCT("tcf_ematch_tree_hdr", em_tree_hdr_f, 4);
static const struct nl_attr_pol ematch_attrs[] = {
	[1] = { "tree_hdr", NLA_KIND_STRUCT, .st = &em_tree_hdr_st },
	[2] = { "tree_list", NLA_KIND_CB, .cb = cb_ematch_list, .shape = &ematch_list_shape },
};
static const struct nl_attr_set ematch_set = NL_ATTR_SET("ematches", ematch_attrs);

static const struct nl_attr_pol basic_pcnt_f[] = { { "rcnt", NLA_KIND_U64 }, { "rhit", NLA_KIND_U64 } };
static const struct nl_struct basic_pcnt_st = NL_STRUCT("tc_basic_pcnt", basic_pcnt_f, 16);
static const struct nl_attr_pol basic_attrs[] = {
	[1] = { "classid", NLA_KIND_CB, .cb = tc_cb_handle, .shape = &tc_handle_shape },
	[2] = { "ematches", NLA_KIND_NESTED, .nest = &ematch_set },
	[3] = TC_ACT_TAB("act"),
	[4] = { "police", NLA_KIND_NESTED, .nest = &tc_police_set },
	[5] = { "pcnt", NLA_KIND_STRUCT, .st = &basic_pcnt_st },
	[6] = { "pad", NLA_KIND_PAD },
};
static const struct nl_attr_set basic_set = NL_ATTR_SET("basic", basic_attrs);

static const struct nl_attr_pol cgroup_attrs[] = {
	[1] = TC_ACT_TAB("act"),
	[2] = { "police", NLA_KIND_NESTED, .nest = &tc_police_set },
	[3] = { "ematches", NLA_KIND_NESTED, .nest = &ematch_set },
};
static const struct nl_attr_set cgroup_set = NL_ATTR_SET("cgroup", cgroup_attrs);

static const struct nl_attr_pol route_attrs[] = {
	[1] = { "classid", NLA_KIND_CB, .cb = tc_cb_handle, .shape = &tc_handle_shape },
	[2] = { "to", NLA_KIND_U32 },
	[3] = { "from", NLA_KIND_U32 },
	[4] = { "iif", NLA_KIND_U32 },
	[5] = { "police", NLA_KIND_NESTED, .nest = &tc_police_set },
	[6] = TC_ACT_TAB("act"),
};
static const struct nl_attr_set route_set = NL_ATTR_SET("route", route_attrs);

static const char *const flow_key_v[] = {
	"src", "dst", "proto", "proto-src", "proto-dst", "iif", "priority", "mark", "nfct",
	"nfct-src", "nfct-dst", "nfct-proto-src", "nfct-proto-dst", "rt-classid", "sk-uid",
	"sk-gid", "vlan-tag", "rxhash",
};
static const struct nl_names flow_key_bits = NL_NAMES(flow_key_v);
static const char *const flow_mode_v[] = { "map", "hash" };
static const struct nl_names flow_mode_names = NL_NAMES(flow_mode_v);
static const struct nl_attr_pol flow_attrs[] = {
	[1] = { "keys", NLA_KIND_U32, .bits = &flow_key_bits },
	[2] = { "mode", NLA_KIND_U32, .enums = &flow_mode_names },
	[3] = { "baseclass", NLA_KIND_CB, .cb = tc_cb_handle, .shape = &tc_handle_shape },
	[4] = { "rshift", NLA_KIND_U32 },
	[5] = { "addend", NLA_KIND_U32 },
	[6] = { "mask", NLA_KIND_U32, .flags = NLAF_HEX },
	[7] = { "xor", NLA_KIND_U32, .flags = NLAF_HEX },
	[8] = { "divisor", NLA_KIND_U32 },
	[9] = TC_ACT_TAB("act"),
	[10] = { "police", NLA_KIND_NESTED, .nest = &tc_police_set },
	[11] = { "ematches", NLA_KIND_NESTED, .nest = &ematch_set },
	[12] = { "perturb", NLA_KIND_U32 },
};
static const struct nl_attr_set flow_set = NL_ATTR_SET("flow", flow_attrs);

static const struct nl_attr_pol fw_attrs[] = {
	[1] = { "classid", NLA_KIND_CB, .cb = tc_cb_handle, .shape = &tc_handle_shape },
	[2] = { "police", NLA_KIND_NESTED, .nest = &tc_police_set },
	[3] = { "indev", NLA_KIND_STRING },
	[4] = TC_ACT_TAB("act"),
	[5] = { "mask", NLA_KIND_U32, .flags = NLAF_HEX },
};
static const struct nl_attr_set fw_set = NL_ATTR_SET("fw", fw_attrs);

static const char *const flower_keyflag_v[] = { "frag", "firstfrag", "tuncsum", "tundf", "tunoam", "tuncrit" };
static const struct nl_names flower_keyflag_bits = NL_NAMES(flower_keyflag_v);
static const struct nl_attr_pol flower_attrs[] = {
	[1] = { "classid", NLA_KIND_CB, .cb = tc_cb_handle, .shape = &tc_handle_shape },
	[2] = { "indev", NLA_KIND_STRING },
	[3] = TC_ACT_TAB("act"),
	[4] = { "key_eth_dst", NLA_KIND_MAC },
	[5] = { "key_eth_dst_mask", NLA_KIND_MAC },
	[6] = { "key_eth_src", NLA_KIND_MAC },
	[7] = { "key_eth_src_mask", NLA_KIND_MAC },
	[8] = { "key_eth_type", NLA_KIND_BE16, .flags = NLAF_HEX },
	[9] = { "key_ip_proto", NLA_KIND_U8 },
	[10] = { "key_ipv4_src", NLA_KIND_IPV4 },
	[11] = { "key_ipv4_src_mask", NLA_KIND_IPV4 },
	[12] = { "key_ipv4_dst", NLA_KIND_IPV4 },
	[13] = { "key_ipv4_dst_mask", NLA_KIND_IPV4 },
	[14] = { "key_ipv6_src", NLA_KIND_IPV6 },
	[15] = { "key_ipv6_src_mask", NLA_KIND_IPV6 },
	[16] = { "key_ipv6_dst", NLA_KIND_IPV6 },
	[17] = { "key_ipv6_dst_mask", NLA_KIND_IPV6 },
	[18] = { "key_tcp_src", NLA_KIND_BE16 },
	[19] = { "key_tcp_dst", NLA_KIND_BE16 },
	[20] = { "key_udp_src", NLA_KIND_BE16 },
	[21] = { "key_udp_dst", NLA_KIND_BE16 },
	[22] = { "flags", NLA_KIND_U32, .bits = &cls_flag_bits },
	[23] = { "key_vlan_id", NLA_KIND_U16 },
	[24] = { "key_vlan_prio", NLA_KIND_U8 },
	[25] = { "key_vlan_eth_type", NLA_KIND_BE16, .flags = NLAF_HEX },
	[26] = { "key_enc_key_id", NLA_KIND_BE32 },
	[27] = { "key_enc_ipv4_src", NLA_KIND_IPV4 },
	[28] = { "key_enc_ipv4_src_mask", NLA_KIND_IPV4 },
	[29] = { "key_enc_ipv4_dst", NLA_KIND_IPV4 },
	[30] = { "key_enc_ipv4_dst_mask", NLA_KIND_IPV4 },
	[31] = { "key_enc_ipv6_src", NLA_KIND_IPV6 },
	[32] = { "key_enc_ipv6_src_mask", NLA_KIND_IPV6 },
	[33] = { "key_enc_ipv6_dst", NLA_KIND_IPV6 },
	[34] = { "key_enc_ipv6_dst_mask", NLA_KIND_IPV6 },
	[35] = { "key_tcp_src_mask", NLA_KIND_BE16, .flags = NLAF_HEX },
	[36] = { "key_tcp_dst_mask", NLA_KIND_BE16, .flags = NLAF_HEX },
	[37] = { "key_udp_src_mask", NLA_KIND_BE16, .flags = NLAF_HEX },
	[38] = { "key_udp_dst_mask", NLA_KIND_BE16, .flags = NLAF_HEX },
	[39] = { "key_sctp_src_mask", NLA_KIND_BE16, .flags = NLAF_HEX },
	[40] = { "key_sctp_dst_mask", NLA_KIND_BE16, .flags = NLAF_HEX },
	[41] = { "key_sctp_src", NLA_KIND_BE16 },
	[42] = { "key_sctp_dst", NLA_KIND_BE16 },
	[43] = { "key_enc_udp_src_port", NLA_KIND_BE16 },
	[44] = { "key_enc_udp_src_port_mask", NLA_KIND_BE16, .flags = NLAF_HEX },
	[45] = { "key_enc_udp_dst_port", NLA_KIND_BE16 },
	[46] = { "key_enc_udp_dst_port_mask", NLA_KIND_BE16, .flags = NLAF_HEX },
	[47] = { "key_flags", NLA_KIND_BE32, .bits = &flower_keyflag_bits },
	[48] = { "key_flags_mask", NLA_KIND_BE32, .bits = &flower_keyflag_bits },
	[49] = { "key_icmpv4_code", NLA_KIND_U8 },
	[50] = { "key_icmpv4_code_mask", NLA_KIND_U8, .flags = NLAF_HEX },
	[51] = { "key_icmpv4_type", NLA_KIND_U8 },
	[52] = { "key_icmpv4_type_mask", NLA_KIND_U8, .flags = NLAF_HEX },
	[53] = { "key_icmpv6_code", NLA_KIND_U8 },
	[54] = { "key_icmpv6_code_mask", NLA_KIND_U8, .flags = NLAF_HEX },
	[55] = { "key_icmpv6_type", NLA_KIND_U8 },
	[56] = { "key_icmpv6_type_mask", NLA_KIND_U8, .flags = NLAF_HEX },
	[57] = { "key_arp_sip", NLA_KIND_IPV4 },
	[58] = { "key_arp_sip_mask", NLA_KIND_IPV4 },
	[59] = { "key_arp_tip", NLA_KIND_IPV4 },
	[60] = { "key_arp_tip_mask", NLA_KIND_IPV4 },
	[61] = { "key_arp_op", NLA_KIND_U8 },
	[62] = { "key_arp_op_mask", NLA_KIND_U8, .flags = NLAF_HEX },
	[63] = { "key_arp_sha", NLA_KIND_MAC },
	[64] = { "key_arp_sha_mask", NLA_KIND_MAC },
	[65] = { "key_arp_tha", NLA_KIND_MAC },
	[66] = { "key_arp_tha_mask", NLA_KIND_MAC },
	[67] = { "key_mpls_ttl", NLA_KIND_U8 },
	[68] = { "key_mpls_bos", NLA_KIND_U8 },
	[69] = { "key_mpls_tc", NLA_KIND_U8 },
	[70] = { "key_mpls_label", NLA_KIND_U32 },
	[71] = { "key_tcp_flags", NLA_KIND_BE16, .flags = NLAF_HEX },
	[72] = { "key_tcp_flags_mask", NLA_KIND_BE16, .flags = NLAF_HEX },
	[73] = { "key_ip_tos", NLA_KIND_U8, .flags = NLAF_HEX },
	[74] = { "key_ip_tos_mask", NLA_KIND_U8, .flags = NLAF_HEX },
	[75] = { "key_ip_ttl", NLA_KIND_U8 },
	[76] = { "key_ip_ttl_mask", NLA_KIND_U8, .flags = NLAF_HEX },
	[77] = { "key_cvlan_id", NLA_KIND_U16 },
	[78] = { "key_cvlan_prio", NLA_KIND_U8 },
	[79] = { "key_cvlan_eth_type", NLA_KIND_BE16, .flags = NLAF_HEX },
	[80] = { "key_enc_ip_tos", NLA_KIND_U8, .flags = NLAF_HEX },
	[81] = { "key_enc_ip_tos_mask", NLA_KIND_U8, .flags = NLAF_HEX },
	[82] = { "key_enc_ip_ttl", NLA_KIND_U8 },
	[83] = { "key_enc_ip_ttl_mask", NLA_KIND_U8, .flags = NLAF_HEX },
	[84] = { "key_enc_opts", NLA_KIND_BINARY },
	[85] = { "key_enc_opts_mask", NLA_KIND_BINARY },
	[86] = { "in_hw_count", NLA_KIND_U32 },
	[87] = { "key_port_src_min", NLA_KIND_BE16 },
	[88] = { "key_port_src_max", NLA_KIND_BE16 },
	[89] = { "key_port_dst_min", NLA_KIND_BE16 },
	[90] = { "key_port_dst_max", NLA_KIND_BE16 },
	[91] = { "key_ct_state", NLA_KIND_U16, .flags = NLAF_HEX },
	[92] = { "key_ct_state_mask", NLA_KIND_U16, .flags = NLAF_HEX },
	[93] = { "key_ct_zone", NLA_KIND_U16 },
	[94] = { "key_ct_zone_mask", NLA_KIND_U16, .flags = NLAF_HEX },
	[95] = { "key_ct_mark", NLA_KIND_U32, .flags = NLAF_HEX },
	[96] = { "key_ct_mark_mask", NLA_KIND_U32, .flags = NLAF_HEX },
	[97] = { "key_ct_labels", NLA_KIND_BINARY, .len = 16 },
	[98] = { "key_ct_labels_mask", NLA_KIND_BINARY, .len = 16 },
	[99] = { "key_mpls_opts", NLA_KIND_BINARY },
	[100] = { "key_hash", NLA_KIND_U32, .flags = NLAF_HEX },
	[101] = { "key_hash_mask", NLA_KIND_U32, .flags = NLAF_HEX },
	[102] = { "key_num_of_vlans", NLA_KIND_U8 },
	[103] = { "key_pppoe_sid", NLA_KIND_BE16 },
	[104] = { "key_ppp_proto", NLA_KIND_BE16, .flags = NLAF_HEX },
	[105] = { "key_l2tpv3_sid", NLA_KIND_BE32 },
	[106] = { "l2_miss", NLA_KIND_U8 },
	[107] = { "key_cfm", NLA_KIND_BINARY },
	[108] = { "key_spi", NLA_KIND_BE32, .flags = NLAF_HEX },
	[109] = { "key_spi_mask", NLA_KIND_BE32, .flags = NLAF_HEX },
	[110] = { "key_enc_flags", NLA_KIND_BE32, .flags = NLAF_HEX },
	[111] = { "key_enc_flags_mask", NLA_KIND_BE32, .flags = NLAF_HEX },
};
static const struct nl_attr_set flower_set = NL_ATTR_SET("flower", flower_attrs);

const struct tc_kind tc_cls_kinds[] = {
	{ "u32", &u32_set, NULL, false, NULL },
	{ "flower", &flower_set, NULL, false, NULL },
	{ "matchall", &matchall_set, NULL, false, NULL },
	{ "bpf", &bpf_set, NULL, false, NULL },
	{ "basic", &basic_set, NULL, false, NULL },
	{ "fw", &fw_set, NULL, false, NULL },
	{ "cgroup", &cgroup_set, NULL, false, NULL },
	{ "route", &route_set, NULL, false, NULL },
	{ "flow", &flow_set, NULL, false, NULL },
};
const size_t tc_n_cls_kinds = ARRAY_SIZE(tc_cls_kinds);
