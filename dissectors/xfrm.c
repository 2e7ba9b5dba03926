/* xfrm.c - NETLINK_XFRM (IPsec): the message types, the callbacks the
 * tables of xfrm_tables.c name where a table cannot say it (addresses by
 * the family of the struct that holds them, algorithms with their key,
 * the ESN bitmap, the security context) and the summaries, in the words
 * of `ip xfrm`: "NEWSA src 192.0.2.1 dst 192.0.2.2 proto esp spi
 * 0x00001000 reqid 1 mode tunnel".
 *
 * Keys (XFRMA_ALG_*) are secrets: shown as "<N bytes>" unless -x asks for
 * the message's bytes anyway, then in hex.
 *
 * Reference: include/uapi/linux/xfrm.h (Linux 7.2); the fixed header of
 * each type as net/xfrm/xfrm_user.c reads it (xfrm_msg_min); a dump
 * request (GETSA, GETPOLICY with NLM_F_DUMP) has none, its attributes
 * follow the nlmsghdr.
 */
#include "xfrm.h"

#include "rtnl.h"
#include "state.h"

/* ---- callbacks ---- */

static const struct nl_attr_pol addr4_pol = { "address", NLA_KIND_IPV4 };
static const struct nl_attr_pol addr_pol = { "address", NLA_KIND_ADDR };
const struct nl_shape xfrm_addr_shape = NL_SHAPE_FORM("ipv4|ipv6");

bool xfrm_cb_addr(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		  struct nlc *c)
{
	(void)pol;
	if (nlc_left(c) != 16)
		return false;
	if (d->af == XFRM_AF_INET) {
		/* a4: the first 4 bytes of the union */
		struct nlc a = nlc_sub(c, 4);
		nlc_skip(c, 16);
		nla_value(d, &addr4_pol, key, &a);
		return true;
	}
	nla_value(d, &addr_pol, key, c);
	return true;
}

static int fam_at(struct nlc c, size_t off)
{
	if (!nlc_skip(&c, off))
		return -1;
	uint16_t f = nlc_u16(&c);
	return nlc_ok(&c) && f ? f : -1;
}

/* one struct: the family it keeps (when not 0) rules its addresses */
static void famst(struct dctx *d, const struct nl_attr_pol *pol, const char *key, struct nlc *c)
{
	const struct xfrm_famoff *fo = pol->cbdata;
	int saved = d->af, f = fam_at(*c, fo->off);

	if (f > 0)
		d->af = f;
	nl_struct_decode(d, key, c, pol->st);
	d->af = saved;
}

bool xfrm_cb_famst(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		   struct nlc *c)
{
	famst(d, pol, key, c);
	return true;
}

static void famst_el(struct dctx *d, const struct nl_attr_pol *pol, struct nlc *el)
{
	famst(d, pol, NULL, el);
}

bool xfrm_cb_famlist(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		     struct nlc *c)
{
	if (nlc_left(c) < pol->st->size)
		return false;
	/* the list's level for the fields (nla_fixed_array writes it) */
	if (d->fs)
		nl_fs_push(d, key);
	nla_fixed_array(d, pol, key, c, pol->st->size, pol->st->name, famst_el);
	if (d->fs)
		nl_fs_close(d);
	return true;
}

static struct nlc at(struct nlc c, size_t off, size_t n)
{
	nlc_skip(&c, off);
	return nlc_sub(&c, n);
}

static uint32_t u32_at(struct nlc c, size_t off)
{
	nlc_skip(&c, off);
	uint32_t v = nlc_u32(&c);
	return nlc_ok(&c) ? v : 0;
}

/* an object under key with the members of st (false: c is shorter than
 * st, nothing written); the caller writes what follows and closes it */
static bool head_open(struct dctx *d, const char *key, struct nlc *c, const struct nl_struct *st)
{
	if (nlc_left(c) < st->size)
		return false;
	nl_put_obj_begin(d, key, "struct", c);
	for (unsigned i = 0; i < st->nfields; i++) {
		const struct nl_attr_pol *f = &st->fields[i];
		unsigned w = f->kind == NLA_KIND_U8 ? 1 : f->kind == NLA_KIND_U16 ? 2 :
			     f->kind == NLA_KIND_U32 ? 4 : f->len;
		struct nlc sub = nlc_sub(c, w);
		nlc_skip(c, w);
		nla_value(d, f, f->name, &sub);
	}
	return true;
}

bool xfrm_cb_algo(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		  struct nlc *c)
{
	const struct nl_struct *st = pol->st;
	const struct nl_attr_pol *kp = &st->fields[st->nfields];	/* "key" */
	uint32_t bits = u32_at(*c, 64);

	if (!head_open(d, key, c, st))
		return false;
	size_t n = nlc_left(c);
	if ((uint64_t)n * 8 < bits)
		emit_malformed(d->e, dctx_off(d, c), "key of %zu bytes, key_len %u bits", n, bits);
	/* hidden in the fields too (the JSON's value) */
	if (d->st->opts.hex || (!emit_wants_values(d->e) && !d->fs)) {
		nla_value(d, kp, kp->name, c);
	} else {
		nl_put_text(d, kp->name, c->pos, n, "<%zu bytes>", n);
		nlc_skip(c, n);
	}
	nl_put_obj_end(d);
	return true;
}

bool xfrm_cb_tail(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		  struct nlc *c)
{
	const struct nl_struct *st = pol->st;
	const struct nl_attr_pol *tp = &st->fields[st->nfields];
	const struct xfrm_tail *t = pol->cbdata;
	struct nlc lc = at(*c, t->off, t->width);
	uint64_t want = nlc_uint(&lc, t->width, false) * t->unit;

	if (!head_open(d, key, c, st))
		return false;
	/* shorter than its length says (the kernel takes an ESN state
	 * without its bitmap, and ignores bytes beyond) */
	size_t n = nlc_left(c);
	if (n && n < want)
		emit_malformed(d->e, dctx_off(d, c), "%s: %zu bytes after it, %llu said",
			       st->name, n, (unsigned long long)want);
	if (n)
		nla_value(d, tp, tp->name, c);
	nl_put_obj_end(d);
	return true;
}

/* ---- summaries ---- */

static unsigned u8_of(struct nlc c)
{
	uint8_t v = nlc_u8(&c);
	return nlc_ok(&c) ? v : 0;
}

static unsigned u16_of(struct nlc c)
{
	uint16_t v = nlc_u16(&c);
	return nlc_ok(&c) ? v : 0;
}

/* an xfrm_address_t: IPv4 when af says so, else IPv6 (as the tree) */
static void sum_addr(struct dctx *d, const char *label, struct nlc a, int af)
{
	const uint8_t *p = nlc_bytes(&a, 16);

	if (!p)
		return;
	emit_sum_lit(d->e, label);
	if (af == XFRM_AF_INET)
		emit_sum_addr(d->e, EA_IPV4, p, 4);
	else
		emit_sum_addr(d->e, EA_IPV6, p, 16);
}

/* "src 10.1.0.0/24 dst 10.2.0.0/24 proto tcp dport 443": a port where its
 * mask is set; ICMP's type and code are the ports' places */
static void sum_sel(struct dctx *d, struct nlc sel, int af)
{
	unsigned fam = u16_of(at(sel, XFRM_SEL_FAMILY, 2));
	unsigned proto = u8_of(at(sel, 44, 1));
	struct nlc p = at(sel, 32, 8);
	unsigned dport = nlc_be16(&p), dmask = nlc_be16(&p);
	unsigned sport = nlc_be16(&p), smask = nlc_be16(&p);
	bool icmp = proto == 1 || proto == 58 || proto == 135;

	if (fam)
		af = (int)fam;
	sum_addr(d, " src ", at(sel, 16, 16), af);
	emit_sum(d->e, "/%u", u8_of(at(sel, 43, 1)));
	sum_addr(d, " dst ", at(sel, 0, 16), af);
	emit_sum(d->e, "/%u", u8_of(at(sel, 42, 1)));
	if (proto)
		rtnl_sum_name(d, "proto", &xfrm_ipproto_names, proto);
	if (!nlc_ok(&p))
		return;
	if (smask)
		emit_sum(d->e, icmp ? " type %u" : " sport %u", sport);
	if (dmask)
		emit_sum(d->e, icmp ? " code %u" : " dport %u", dport);
}

/* "dst 192.0.2.2 proto esp spi 0x00001000" from daddr, spi, proto */
static void sum_said(struct dctx *d, struct nlc daddr, struct nlc spi, unsigned proto, int af)
{
	sum_addr(d, " dst ", daddr, af);
	rtnl_sum_name(d, "proto", &xfrm_proto_names, proto);
	uint32_t s = nlc_be32(&spi);
	if (nlc_ok(&spi))
		emit_sum(d->e, " spi 0x%08x", s);
}

/* an xfrm_id (24 bytes) with the source address */
static void sum_id(struct dctx *d, struct nlc id, const struct nlc *saddr, int af)
{
	if (saddr)
		sum_addr(d, " src ", *saddr, af);
	sum_said(d, at(id, 0, 16), at(id, 16, 4), u8_of(at(id, 20, 1)), af);
}

/* a whole xfrm_usersa_info */
static void sum_sa_info(struct dctx *d, struct nlc info)
{
	int af = (int)u16_of(at(info, XFRM_SA_FAMILY, 2));
	struct nlc sa = at(info, XFRM_SA_SADDR, 16);

	sum_id(d, at(info, XFRM_SA_ID, 24), &sa, af);
	emit_sum(d->e, " reqid %u", u32_at(info, XFRM_SA_REQID));
	rtnl_sum_name(d, "mode", &xfrm_mode_names, u8_of(at(info, XFRM_SA_MODE, 1)));
}

/* a whole xfrm_userpolicy_info */
static void sum_pol_info(struct dctx *d, struct nlc pol)
{
	sum_sel(d, at(pol, 0, XFRM_SEL_SIZE), -1);
	rtnl_sum_name(d, "dir", &xfrm_dir_names, u8_of(at(pol, XFRM_POL_DIR, 1)));
	emit_sum(d->e, " priority %u", u32_at(pol, XFRM_POL_PRIORITY));
	if (u8_of(at(pol, XFRM_POL_ACTION, 1)))
		rtnl_sum_name(d, "action", &xfrm_action_names, u8_of(at(pol, XFRM_POL_ACTION, 1)));
}

/* The hooks read whole headers (NL_SUM_HDR_WHOLE; no summary is
 * written when the header is shorter than its layout). */
enum { XS_HDR, XS_SRC, XS_SA };

static struct nlc hdr_of(const struct nl_sum_vals *v)
{
	struct nlc c = { 0 };

	nl_sum_get(v, XS_HDR, &c);
	return c;
}

static void sum_newsa(struct dctx *d, const struct nl_sum_vals *v)
{
	sum_sa_info(d, hdr_of(v));
}

static void sum_usersa_id(struct dctx *d, const struct nl_sum_vals *v)
{
	struct nlc h = hdr_of(v), src;
	int af = (int)u16_of(at(h, 20, 2));

	/* the source: XFRMA_SRCADDR, or the SA a deletion notifies */
	if (nl_sum_get(v, XS_SRC, &src) && nlc_left(&src) == 16)
		sum_addr(d, " src ", src, af);
	else if (nl_sum_get(v, XS_SA, &src) && nlc_left(&src) >= XFRM_SA_SIZE)
		sum_addr(d, " src ", at(src, XFRM_SA_SADDR, 16), af);
	sum_said(d, at(h, 0, 16), at(h, 16, 4), u8_of(at(h, 22, 1)), af);
}

static void sum_newpolicy(struct dctx *d, const struct nl_sum_vals *v)
{
	sum_pol_info(d, hdr_of(v));
}

static void sum_policy_id(struct dctx *d, const struct nl_sum_vals *v)
{
	struct nlc h = hdr_of(v);
	uint32_t index = u32_at(h, XFRM_SEL_SIZE);

	if (index)
		emit_sum(d->e, " index 0x%x", index);
	else
		sum_sel(d, at(h, 0, XFRM_SEL_SIZE), -1);
	rtnl_sum_name(d, "dir", &xfrm_dir_names, u8_of(at(h, XFRM_SEL_SIZE + 4, 1)));
}

static void sum_allocspi(struct dctx *d, const struct nl_sum_vals *v)
{
	struct nlc h = hdr_of(v);

	sum_sa_info(d, h);
	emit_sum(d->e, " min 0x%x max 0x%x", u32_at(h, XFRM_SA_SIZE), u32_at(h, XFRM_SA_SIZE + 4));
}

static void sum_acquire(struct dctx *d, const struct nl_sum_vals *v)
{
	struct nlc h = hdr_of(v), sa = at(h, 24, 16);
	int af = (int)u16_of(at(h, 40 + XFRM_SEL_FAMILY, 2));

	sum_id(d, at(h, 0, 24), &sa, af);
	emit_sum_lit(d->e, " sel");
	sum_sel(d, at(h, 40, XFRM_SEL_SIZE), af);
}

static void sum_expire(struct dctx *d, const struct nl_sum_vals *v)
{
	struct nlc h = hdr_of(v);

	sum_sa_info(d, h);
	emit_sum_lit(d->e, u8_of(at(h, XFRM_SA_SIZE, 1)) ? " hard" : " soft");
}

static void sum_polexpire(struct dctx *d, const struct nl_sum_vals *v)
{
	struct nlc h = hdr_of(v);

	sum_pol_info(d, h);
	emit_sum_lit(d->e, u8_of(at(h, XFRM_POL_SIZE, 1)) ? " hard" : " soft");
}

static void sum_flushsa(struct dctx *d, const struct nl_sum_vals *v)
{
	unsigned proto = u8_of(hdr_of(v));

	if (proto)
		rtnl_sum_name(d, "proto", &xfrm_proto_names, proto);
}

/* xfrm_aevent_id: sa_id, saddr, flags, reqid */
static void sum_aevent(struct dctx *d, const struct nl_sum_vals *v)
{
	struct nlc h = hdr_of(v);
	int af = (int)u16_of(at(h, 20, 2));

	sum_addr(d, " src ", at(h, 24, 16), af);
	sum_said(d, at(h, 0, 16), at(h, 16, 4), u8_of(at(h, 22, 1)), af);
	emit_sum(d->e, " reqid %u", u32_at(h, 44));
}

static void sum_report(struct dctx *d, const struct nl_sum_vals *v)
{
	struct nlc h = hdr_of(v);

	rtnl_sum_name(d, "proto", &xfrm_ipproto_names, u8_of(at(h, 0, 1)));
	emit_sum_lit(d->e, " sel");
	sum_sel(d, at(h, 4, XFRM_SEL_SIZE), -1);
}

/* xfrm_user_mapping, xfrm_user_migrate_state: an xfrm_usersa_id first */
static void sum_mapping(struct dctx *d, const struct nl_sum_vals *v)
{
	struct nlc h = hdr_of(v);
	int af = (int)u16_of(at(h, 20, 2));

	sum_said(d, at(h, 0, 16), at(h, 16, 4), u8_of(at(h, 22, 1)), af);
}

/* xfrm_user_mapping: the SA, then its peer's move as ip xfrm monitor
 * shows it, "reqid 7 192.0.2.1:4500 -> 203.0.113.9:1025" */
static void sum_mapping_move(struct dctx *d, const struct nl_sum_vals *v)
{
	struct nlc h = hdr_of(v), op = at(h, 60, 2), np = at(h, 62, 2);
	int af = (int)u16_of(at(h, 20, 2));
	uint16_t oport = nlc_be16(&op), nport = nlc_be16(&np);

	sum_mapping(d, v);
	if (!nlc_ok(&op) || !nlc_ok(&np))
		return;
	emit_sum(d->e, " reqid %u", u32_at(h, 24));
	sum_addr(d, " ", at(h, 28, 16), af);
	emit_sum(d->e, ":%u", oport);
	sum_addr(d, " -> ", at(h, 44, 16), af);
	emit_sum(d->e, ":%u", nport);
}

static const struct nl_sum_field hdr_sf[] = { [XS_HDR] = NL_SUM_HDR_WHOLE };
static const struct nl_sum_field usersa_id_sf[] = {
	[XS_HDR] = NL_SUM_HDR_WHOLE, [XS_SRC] = NL_SUM_ATTR(&xfrma_set, "srcaddr"),
	[XS_SA] = NL_SUM_ATTR(&xfrma_set, "sa"),
};

static const struct nl_sum_part newsa_sp[] = { NLS_CALL(sum_newsa) };
static const struct nl_sum_part usersa_id_sp[] = { NLS_CALL(sum_usersa_id) };
static const struct nl_sum_part newpolicy_sp[] = { NLS_CALL(sum_newpolicy) };
static const struct nl_sum_part policy_id_sp[] = { NLS_CALL(sum_policy_id) };
static const struct nl_sum_part allocspi_sp[] = { NLS_CALL(sum_allocspi) };
static const struct nl_sum_part acquire_sp[] = { NLS_CALL(sum_acquire) };
static const struct nl_sum_part expire_sp[] = { NLS_CALL(sum_expire) };
static const struct nl_sum_part polexpire_sp[] = { NLS_CALL(sum_polexpire) };
static const struct nl_sum_part flushsa_sp[] = { NLS_CALL(sum_flushsa) };
static const struct nl_sum_part aevent_sp[] = { NLS_CALL(sum_aevent) };
static const struct nl_sum_part report_sp[] = { NLS_CALL(sum_report) };
static const struct nl_sum_part mapping_sp[] = { NLS_CALL(sum_mapping_move) };
static const struct nl_sum_part migrate_state_sp[] = { NLS_CALL(sum_mapping) };

static const struct nl_summary newsa_sum = NL_SUMMARY(hdr_sf, newsa_sp);
static const struct nl_summary usersa_id_sum = NL_SUMMARY(usersa_id_sf, usersa_id_sp);
static const struct nl_summary newpolicy_sum = NL_SUMMARY(hdr_sf, newpolicy_sp);
static const struct nl_summary policy_id_sum = NL_SUMMARY(hdr_sf, policy_id_sp);
static const struct nl_summary allocspi_sum = NL_SUMMARY(hdr_sf, allocspi_sp);
static const struct nl_summary acquire_sum = NL_SUMMARY(hdr_sf, acquire_sp);
static const struct nl_summary expire_sum = NL_SUMMARY(hdr_sf, expire_sp);
static const struct nl_summary polexpire_sum = NL_SUMMARY(hdr_sf, polexpire_sp);
static const struct nl_summary flushsa_sum = NL_SUMMARY(hdr_sf, flushsa_sp);
static const struct nl_summary aevent_sum = NL_SUMMARY(hdr_sf, aevent_sp);
static const struct nl_summary report_sum = NL_SUMMARY(hdr_sf, report_sp);
static const struct nl_summary mapping_sum = NL_SUMMARY(hdr_sf, mapping_sp);
static const struct nl_summary migrate_state_sum = NL_SUMMARY(hdr_sf, migrate_state_sp);

/* "in 3 out 6 fwd 1 hthresh4 32/32 hthresh6 128/128", as ip -s xfrm
 * policy count and ip xfrm policy set say them */
enum { XP_INFO, XP_TH4, XP_TH6 };
static const struct nl_sum_field spd_sf[] = {
	[XP_INFO] = NL_SUM_ATTR(&xfrma_spd_set, "info"),
	[XP_TH4] = NL_SUM_ATTR(&xfrma_spd_set, "ipv4_hthresh"),
	[XP_TH6] = NL_SUM_ATTR(&xfrma_spd_set, "ipv6_hthresh"),
};

static void sum_spd(struct dctx *d, const struct nl_sum_vals *v)
{
	struct nlc c;

	if (nl_sum_get(v, XP_INFO, &c) && nlc_left(&c) >= 12)
		emit_sum(d->e, " in %u out %u fwd %u", u32_at(c, 0), u32_at(c, 4), u32_at(c, 8));
	if (nl_sum_get(v, XP_TH4, &c) && nlc_left(&c) == 2)
		emit_sum(d->e, " hthresh4 %u/%u", u8_of(at(c, 0, 1)), u8_of(at(c, 1, 1)));
	if (nl_sum_get(v, XP_TH6, &c) && nlc_left(&c) == 2)
		emit_sum(d->e, " hthresh6 %u/%u", u8_of(at(c, 0, 1)), u8_of(at(c, 1, 1)));
}

static const struct nl_sum_part spd_sp[] = { NLS_CALL(sum_spd) };
static const struct nl_summary spd_sum = NL_SUMMARY(spd_sf, spd_sp);

enum { XD_IN, XD_FWD, XD_OUT };
static const struct nl_sum_field default_sf[] = {
	[XD_IN] = NL_SUM_HDR("in"), [XD_FWD] = NL_SUM_HDR("fwd"), [XD_OUT] = NL_SUM_HDR("out"),
};
static const struct nl_sum_part default_sp[] = {
	NLS_NAMED(NLS_ENUM8, XD_IN, " in ", &xfrm_default_names),
	NLS_NAMED(NLS_ENUM8, XD_FWD, " fwd ", &xfrm_default_names),
	NLS_NAMED(NLS_ENUM8, XD_OUT, " out ", &xfrm_default_names),
};
static const struct nl_summary default_sum = NL_SUMMARY(default_sf, default_sp);

/* ---- message types ---- */

static const struct nl_msgdef xfrm_msgs[] = {
	[16] = { "NEWSA", NLRK_NEW, &xfrm_usersa_info, &xfrma_set, .sum = &newsa_sum },
	[17] = { "DELSA", NLRK_DEL, &xfrm_usersa_id, &xfrma_set, .sum = &usersa_id_sum },
	[18] = { "GETSA", NLRK_GET, &xfrm_usersa_id, &xfrma_set, .sum = &usersa_id_sum },
	[19] = { "NEWPOLICY", NLRK_NEW, &xfrm_userpolicy_info, &xfrma_set, .sum = &newpolicy_sum },
	[20] = { "DELPOLICY", NLRK_DEL, &xfrm_userpolicy_id, &xfrma_set, .sum = &policy_id_sum },
	[21] = { "GETPOLICY", NLRK_GET, &xfrm_userpolicy_id, &xfrma_set, .sum = &policy_id_sum },
	[22] = { "ALLOCSPI", NLRK_NEW, &xfrm_userspi_info, &xfrma_set, .sum = &allocspi_sum },
	[23] = { "ACQUIRE", NLRK_NEW, &xfrm_user_acquire, &xfrma_set, .sum = &acquire_sum },
	[24] = { "EXPIRE", NLRK_NEW, &xfrm_user_expire, &xfrma_set, .sum = &expire_sum },
	[25] = { "UPDPOLICY", NLRK_NEW, &xfrm_userpolicy_info, &xfrma_set, .sum = &newpolicy_sum },
	[26] = { "UPDSA", NLRK_NEW, &xfrm_usersa_info, &xfrma_set, .sum = &newsa_sum },
	[27] = { "POLEXPIRE", NLRK_NEW, &xfrm_user_polexpire, &xfrma_set, .sum = &polexpire_sum },
	[28] = { "FLUSHSA", NLRK_DEL, &xfrm_usersa_flush, &xfrma_set, .sum = &flushsa_sum },
	[29] = { "FLUSHPOLICY", NLRK_DEL, NULL, &xfrma_set },
	[30] = { "NEWAE", NLRK_NEW, &xfrm_aevent_id, &xfrma_set, .sum = &aevent_sum },
	[31] = { "GETAE", NLRK_GET, &xfrm_aevent_id, &xfrma_set, .sum = &aevent_sum },
	[32] = { "REPORT", NLRK_NEW, &xfrm_user_report, &xfrma_set, .sum = &report_sum },
	[33] = { "MIGRATE", NLRK_NEW, &xfrm_userpolicy_id, &xfrma_set, .sum = &policy_id_sum },
	[34] = { "NEWSADINFO", NLRK_NEW, &xfrm_info_flags, &xfrma_sad_set },
	[35] = { "GETSADINFO", NLRK_GET, &xfrm_info_flags, &xfrma_sad_set },
	[36] = { "NEWSPDINFO", NLRK_NEW, &xfrm_info_flags, &xfrma_spd_set, .sum = &spd_sum },
	[37] = { "GETSPDINFO", NLRK_GET, &xfrm_info_flags, &xfrma_spd_set, .sum = &spd_sum },
	[38] = { "MAPPING", NLRK_NEW, &xfrm_user_mapping, &xfrma_set, .sum = &mapping_sum },
	[39] = { "SETDEFAULT", NLRK_NEW, &xfrm_userpolicy_default, NULL, .sum = &default_sum },
	[40] = { "GETDEFAULT", NLRK_GET, &xfrm_userpolicy_default, NULL, .sum = &default_sum },
	[41] = { "MIGRATE_STATE", NLRK_NEW, &xfrm_user_migrate_state, &xfrma_set,
		 .sum = &migrate_state_sum },
};

/* a dump request's attributes follow the nlmsghdr (XFRMA_PROTO,
 * XFRMA_ADDRESS_FILTER for GETSA) */
static const struct nl_msgdef xfrm_dump_getsa = { "GETSA", NLRK_GET, NULL, &xfrma_set };
static const struct nl_msgdef xfrm_dump_getpolicy = { "GETPOLICY", NLRK_GET, NULL, &xfrma_set };
static const struct nl_msgdef xfrm_unknown = { NULL, NLRK_NONE, NULL, NULL };

/* where each header keeps the family of its addresses (0: none) */
static const uint16_t xfrm_fam_off[] = {
	[16] = XFRM_SA_FAMILY, [17] = 20, [18] = 20,
	[19] = XFRM_SEL_FAMILY, [20] = XFRM_SEL_FAMILY, [21] = XFRM_SEL_FAMILY,
	[22] = XFRM_SA_FAMILY, [23] = 40 + XFRM_SEL_FAMILY, [24] = XFRM_SA_FAMILY,
	[25] = XFRM_SEL_FAMILY, [26] = XFRM_SA_FAMILY, [27] = XFRM_SEL_FAMILY,
	[30] = 20, [31] = 20, [32] = 4 + XFRM_SEL_FAMILY, [33] = XFRM_SEL_FAMILY,
	[38] = 20, [41] = 20,
};

static void xfrm_decode(struct dctx *d, struct nlc *payload)
{
	uint16_t t = d->nl_type;
	const struct nl_msgdef *md = t < ARRAY_SIZE(xfrm_msgs) && xfrm_msgs[t].name
		? &xfrm_msgs[t] : &xfrm_unknown;

	if ((d->nl_flags & 0x01) && (d->nl_flags & 0x300) && (t == 18 || t == 21))
		md = t == 18 ? &xfrm_dump_getsa : &xfrm_dump_getpolicy;
	else if (t < ARRAY_SIZE(xfrm_fam_off) && xfrm_fam_off[t])
		d->af = fam_at(*payload, xfrm_fam_off[t]);
	d->type_name = md->name;
	nl_decode_msgdef(d, md, payload);
}

const struct nl_dissector xfrm_dissector = {
	.name = "xfrm",
	.proto = 6,
	.msgs = xfrm_msgs,
	.nmsgs = ARRAY_SIZE(xfrm_msgs),
	.decode = xfrm_decode,
};
