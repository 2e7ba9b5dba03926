/* test_xfrm.c - the NETLINK_XFRM tables against the kernel's uAPI header
 * (tests/uapi/linux/xfrm.h, Linux 7.2, compiled here for its layouts and
 * numbers; nldump itself never includes it): every member of every struct
 * the dissector declares at the offset the compiler gives it, every struct
 * of the size the kernel's is, every XFRM_MSG_* and XFRMA_* named where
 * the header numbers it. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "uapi/linux/xfrm.h"

#include "registry.h"
#include "xfrm.h"

static int failures;

#define CHECK(c, ...) do { if (!(c)) { failures++; fprintf(stderr, "%s:%d: ", __FILE__, __LINE__); \
	fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); } } while (0)

/* the width a struct member takes, as nl_struct_decode reads it */
static unsigned width(const struct nl_attr_pol *f)
{
	switch (f->kind) {
	case NLA_KIND_U8: case NLA_KIND_S8: return 1;
	case NLA_KIND_U16: case NLA_KIND_S16: case NLA_KIND_BE16: return 2;
	case NLA_KIND_U32: case NLA_KIND_S32: case NLA_KIND_BE32: case NLA_KIND_IPV4: return 4;
	case NLA_KIND_U64: case NLA_KIND_S64: case NLA_KIND_BE64: return 8;
	case NLA_KIND_IPV6: return 16;
	case NLA_KIND_STRUCT: return f->st->size;
	default: return f->len;
	}
}

/* the offset of member name in st, or -1; the members' widths add up to
 * st->size (checked once per struct) */
static long member_off(const struct nl_struct *st, const char *name)
{
	unsigned off = 0;
	long found = -1;

	for (unsigned i = 0; i < st->nfields; i++) {
		if (st->fields[i].kind != NLA_KIND_PAD && !strcmp(st->fields[i].name, name))
			found = off;
		off += width(&st->fields[i]);
	}
	CHECK(off == st->size, "%s: members add up to %u bytes, size %u", st->name, off, st->size);
	return found;
}

struct member {
	const char *name;
	size_t off;
};

static void check_struct(const struct nl_struct *st, size_t ksize, const struct member *m,
			 size_t n)
{
	CHECK(st->size == ksize, "%s: size %u, the kernel's %zu", st->name, st->size, ksize);
	for (size_t i = 0; i < n; i++) {
		long off = member_off(st, m[i].name);
		CHECK(off == (long)m[i].off, "%s.%s: offset %ld, the kernel's %zu", st->name,
		      m[i].name, off, m[i].off);
	}
}

#define M(T, f) { #f, offsetof(struct T, f) }
/* a member nldump names without the kernel's prefix (alg_key_len: key_len) */
#define MN(T, ours, f) { ours, offsetof(struct T, f) }
#define STRUCT(st, T, ...) do { \
	static const struct member ms[] = { __VA_ARGS__ }; \
	check_struct(&(st), sizeof(struct T), ms, sizeof(ms) / sizeof(ms[0])); \
} while (0)

static void layouts(void)
{
	STRUCT(xfrm_usersa_info, xfrm_usersa_info, M(xfrm_usersa_info, sel),
	       M(xfrm_usersa_info, id), M(xfrm_usersa_info, saddr), M(xfrm_usersa_info, lft),
	       M(xfrm_usersa_info, curlft), M(xfrm_usersa_info, stats), M(xfrm_usersa_info, seq),
	       M(xfrm_usersa_info, reqid), M(xfrm_usersa_info, family),
	       M(xfrm_usersa_info, mode), M(xfrm_usersa_info, replay_window),
	       M(xfrm_usersa_info, flags));
	STRUCT(xfrm_usersa_id, xfrm_usersa_id, M(xfrm_usersa_id, daddr), M(xfrm_usersa_id, spi),
	       M(xfrm_usersa_id, family), M(xfrm_usersa_id, proto));
	STRUCT(xfrm_aevent_id, xfrm_aevent_id, M(xfrm_aevent_id, sa_id),
	       M(xfrm_aevent_id, saddr), M(xfrm_aevent_id, flags), M(xfrm_aevent_id, reqid));
	STRUCT(xfrm_userspi_info, xfrm_userspi_info, M(xfrm_userspi_info, info),
	       M(xfrm_userspi_info, min), M(xfrm_userspi_info, max));
	STRUCT(xfrm_userpolicy_info, xfrm_userpolicy_info, M(xfrm_userpolicy_info, sel),
	       M(xfrm_userpolicy_info, lft), M(xfrm_userpolicy_info, curlft),
	       M(xfrm_userpolicy_info, priority), M(xfrm_userpolicy_info, index),
	       M(xfrm_userpolicy_info, dir), M(xfrm_userpolicy_info, action),
	       M(xfrm_userpolicy_info, flags), M(xfrm_userpolicy_info, share));
	STRUCT(xfrm_userpolicy_id, xfrm_userpolicy_id, M(xfrm_userpolicy_id, sel),
	       M(xfrm_userpolicy_id, index), M(xfrm_userpolicy_id, dir));
	STRUCT(xfrm_user_acquire, xfrm_user_acquire, M(xfrm_user_acquire, id),
	       M(xfrm_user_acquire, saddr), M(xfrm_user_acquire, sel),
	       M(xfrm_user_acquire, policy), M(xfrm_user_acquire, aalgos),
	       M(xfrm_user_acquire, ealgos), M(xfrm_user_acquire, calgos),
	       M(xfrm_user_acquire, seq));
	STRUCT(xfrm_user_expire, xfrm_user_expire, M(xfrm_user_expire, state),
	       M(xfrm_user_expire, hard));
	STRUCT(xfrm_user_polexpire, xfrm_user_polexpire, M(xfrm_user_polexpire, pol),
	       M(xfrm_user_polexpire, hard));
	STRUCT(xfrm_usersa_flush, xfrm_usersa_flush, M(xfrm_usersa_flush, proto));
	STRUCT(xfrm_user_report, xfrm_user_report, M(xfrm_user_report, proto),
	       M(xfrm_user_report, sel));
	STRUCT(xfrm_user_mapping, xfrm_user_mapping, M(xfrm_user_mapping, id),
	       M(xfrm_user_mapping, reqid), M(xfrm_user_mapping, old_saddr),
	       M(xfrm_user_mapping, new_saddr), M(xfrm_user_mapping, old_sport),
	       M(xfrm_user_mapping, new_sport));
	STRUCT(xfrm_userpolicy_default, xfrm_userpolicy_default, M(xfrm_userpolicy_default, in),
	       M(xfrm_userpolicy_default, fwd), M(xfrm_userpolicy_default, out));
	STRUCT(xfrm_user_migrate_state, xfrm_user_migrate_state,
	       M(xfrm_user_migrate_state, id), M(xfrm_user_migrate_state, new_daddr),
	       M(xfrm_user_migrate_state, new_saddr), M(xfrm_user_migrate_state, old_mark),
	       M(xfrm_user_migrate_state, new_sel), M(xfrm_user_migrate_state, new_reqid),
	       M(xfrm_user_migrate_state, flags), M(xfrm_user_migrate_state, new_family));
}

/* the structs inside: found through the members that hold them */
static const struct nl_struct *inner(const struct nl_struct *st, const char *name)
{
	for (unsigned i = 0; i < st->nfields; i++)
		if (!strcmp(st->fields[i].name, name))
			return st->fields[i].st;
	return NULL;
}

static const struct nl_struct *attr_st(const struct nl_attr_set *set, unsigned type)
{
	return type <= set->max ? set->attrs[type].st : NULL;
}

static void inner_layouts(void)
{
	const struct nl_struct *st;

	if ((st = inner(&xfrm_usersa_info, "sel")))
		STRUCT(*st, xfrm_selector, M(xfrm_selector, daddr), M(xfrm_selector, saddr),
		       M(xfrm_selector, dport), M(xfrm_selector, dport_mask),
		       M(xfrm_selector, sport), M(xfrm_selector, sport_mask),
		       M(xfrm_selector, family), M(xfrm_selector, prefixlen_d),
		       M(xfrm_selector, prefixlen_s), M(xfrm_selector, proto),
		       M(xfrm_selector, ifindex), M(xfrm_selector, user));
	else
		CHECK(0, "no xfrm_selector");
	if ((st = inner(&xfrm_usersa_info, "id")))
		STRUCT(*st, xfrm_id, M(xfrm_id, daddr), M(xfrm_id, spi), M(xfrm_id, proto));
	if ((st = inner(&xfrm_usersa_info, "lft")))
		STRUCT(*st, xfrm_lifetime_cfg, M(xfrm_lifetime_cfg, soft_byte_limit),
		       M(xfrm_lifetime_cfg, hard_use_expires_seconds));
	if ((st = inner(&xfrm_usersa_info, "curlft")))
		STRUCT(*st, xfrm_lifetime_cur, M(xfrm_lifetime_cur, bytes),
		       M(xfrm_lifetime_cur, use_time));
	if ((st = inner(&xfrm_usersa_info, "stats")))
		STRUCT(*st, xfrm_stats, M(xfrm_stats, replay_window), M(xfrm_stats, replay),
		       M(xfrm_stats, integrity_failed));
	if ((st = attr_st(&xfrma_set, XFRMA_TMPL)))
		STRUCT(*st, xfrm_user_tmpl, M(xfrm_user_tmpl, id), M(xfrm_user_tmpl, family),
		       M(xfrm_user_tmpl, saddr), M(xfrm_user_tmpl, reqid), M(xfrm_user_tmpl, mode),
		       M(xfrm_user_tmpl, share), M(xfrm_user_tmpl, optional),
		       M(xfrm_user_tmpl, aalgos), M(xfrm_user_tmpl, ealgos),
		       M(xfrm_user_tmpl, calgos));
	if ((st = attr_st(&xfrma_set, XFRMA_ENCAP)))
		STRUCT(*st, xfrm_encap_tmpl, MN(xfrm_encap_tmpl, "type", encap_type),
		       MN(xfrm_encap_tmpl, "sport", encap_sport),
		       MN(xfrm_encap_tmpl, "dport", encap_dport),
		       MN(xfrm_encap_tmpl, "oa", encap_oa));
	if ((st = attr_st(&xfrma_set, XFRMA_MIGRATE)))
		STRUCT(*st, xfrm_user_migrate, M(xfrm_user_migrate, old_daddr),
		       M(xfrm_user_migrate, new_saddr), M(xfrm_user_migrate, proto),
		       M(xfrm_user_migrate, reqid), M(xfrm_user_migrate, old_family),
		       M(xfrm_user_migrate, new_family));
	if ((st = attr_st(&xfrma_set, XFRMA_KMADDRESS)))
		STRUCT(*st, xfrm_user_kmaddress, M(xfrm_user_kmaddress, local),
		       M(xfrm_user_kmaddress, remote), M(xfrm_user_kmaddress, reserved),
		       M(xfrm_user_kmaddress, family));
	if ((st = attr_st(&xfrma_set, XFRMA_ADDRESS_FILTER)))
		STRUCT(*st, xfrm_address_filter, M(xfrm_address_filter, saddr),
		       M(xfrm_address_filter, daddr), M(xfrm_address_filter, family),
		       M(xfrm_address_filter, splen), M(xfrm_address_filter, dplen));
	if ((st = attr_st(&xfrma_set, XFRMA_OFFLOAD_DEV)))
		STRUCT(*st, xfrm_user_offload, M(xfrm_user_offload, ifindex),
		       M(xfrm_user_offload, flags));
	if ((st = attr_st(&xfrma_set, XFRMA_MARK)))
		STRUCT(*st, xfrm_mark, M(xfrm_mark, v), M(xfrm_mark, m));
	if ((st = attr_st(&xfrma_set, XFRMA_POLICY_TYPE)))
		STRUCT(*st, xfrm_userpolicy_type, M(xfrm_userpolicy_type, type),
		       M(xfrm_userpolicy_type, reserved1), M(xfrm_userpolicy_type, reserved2));
	if ((st = attr_st(&xfrma_set, XFRMA_REPLAY_VAL)))
		STRUCT(*st, xfrm_replay_state, M(xfrm_replay_state, oseq), M(xfrm_replay_state, seq),
		       M(xfrm_replay_state, bitmap));
	/* the fixed parts before a flexible array */
	if ((st = attr_st(&xfrma_set, XFRMA_REPLAY_ESN_VAL)))
		STRUCT(*st, xfrm_replay_state_esn, M(xfrm_replay_state_esn, bmp_len),
		       M(xfrm_replay_state_esn, replay_window));
	if ((st = attr_st(&xfrma_set, XFRMA_ALG_AEAD)))
		STRUCT(*st, xfrm_algo_aead, MN(xfrm_algo_aead, "name", alg_name),
		       MN(xfrm_algo_aead, "key_len", alg_key_len),
		       MN(xfrm_algo_aead, "icv_len", alg_icv_len));
	if ((st = attr_st(&xfrma_set, XFRMA_ALG_AUTH_TRUNC)))
		STRUCT(*st, xfrm_algo_auth, MN(xfrm_algo_auth, "name", alg_name),
		       MN(xfrm_algo_auth, "key_len", alg_key_len),
		       MN(xfrm_algo_auth, "trunc_len", alg_trunc_len));
	if ((st = attr_st(&xfrma_set, XFRMA_ALG_CRYPT)))
		STRUCT(*st, xfrm_algo, MN(xfrm_algo, "name", alg_name),
		       MN(xfrm_algo, "key_len", alg_key_len));
	if ((st = attr_st(&xfrma_set, XFRMA_SEC_CTX)))
		STRUCT(*st, xfrm_user_sec_ctx, M(xfrm_user_sec_ctx, len),
		       M(xfrm_user_sec_ctx, exttype), M(xfrm_user_sec_ctx, ctx_alg),
		       M(xfrm_user_sec_ctx, ctx_doi), M(xfrm_user_sec_ctx, ctx_len));
	if ((st = attr_st(&xfrma_spd_set, XFRMA_SPD_INFO)))
		STRUCT(*st, xfrmu_spdinfo, M(xfrmu_spdinfo, incnt), M(xfrmu_spdinfo, fwdscnt));
	if ((st = attr_st(&xfrma_spd_set, XFRMA_SPD_HINFO)))
		STRUCT(*st, xfrmu_spdhinfo, M(xfrmu_spdhinfo, spdhcnt), M(xfrmu_spdhinfo, spdhmcnt));
	if ((st = attr_st(&xfrma_spd_set, XFRMA_SPD_IPV4_HTHRESH)))
		STRUCT(*st, xfrmu_spdhthresh, M(xfrmu_spdhthresh, lbits), M(xfrmu_spdhthresh, rbits));
	if ((st = attr_st(&xfrma_sad_set, XFRMA_SAD_HINFO)))
		STRUCT(*st, xfrmu_sadhinfo, M(xfrmu_sadhinfo, sadhcnt), M(xfrmu_sadhinfo, sadhmcnt));
}

/* The header's names, without their prefix, lower case for attributes */
static void check_name(const char *what, const char *got, const char *kname, size_t plen,
		       int lower)
{
	char want[64];
	size_t i;

	for (i = 0; kname[plen + i] && i + 1 < sizeof(want); i++) {
		char ch = kname[plen + i];
		want[i] = lower && ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
	}
	want[i] = 0;
	CHECK(got && !strcmp(got, want), "%s %s: named %s", what, kname, got ? got : "(none)");
}

#define MSG(x) check_name("message", x < dis->nmsgs ? dis->msgs[x].name : NULL, #x, 9, 0)
#define ATTR(s, x) check_name("attribute", x <= (s)->max ? (s)->attrs[x].name : NULL, #x, \
			       sizeof("XFRMA_") - 1, 1)
#define SUB(s, x, p) check_name("attribute", x <= (s)->max ? (s)->attrs[x].name : NULL, #x, \
				sizeof(p) - 1, 1)

static void numbers(void)
{
	const struct nl_dissector *dis = NULL;

	for (unsigned i = 0; i < nl_ndissectors; i++)
		if (nl_dissectors[i]->proto == 6)
			dis = nl_dissectors[i];
	CHECK(dis != NULL, "no dissector for NETLINK_XFRM (6)");
	if (!dis)
		return;
	CHECK(dis->nmsgs == XFRM_MSG_MAX + 1, "%u message types, XFRM_MSG_MAX %d", dis->nmsgs,
	      XFRM_MSG_MAX);
	MSG(XFRM_MSG_NEWSA); MSG(XFRM_MSG_DELSA); MSG(XFRM_MSG_GETSA);
	MSG(XFRM_MSG_NEWPOLICY); MSG(XFRM_MSG_DELPOLICY); MSG(XFRM_MSG_GETPOLICY);
	MSG(XFRM_MSG_ALLOCSPI); MSG(XFRM_MSG_ACQUIRE); MSG(XFRM_MSG_EXPIRE);
	MSG(XFRM_MSG_UPDPOLICY); MSG(XFRM_MSG_UPDSA); MSG(XFRM_MSG_POLEXPIRE);
	MSG(XFRM_MSG_FLUSHSA); MSG(XFRM_MSG_FLUSHPOLICY); MSG(XFRM_MSG_NEWAE);
	MSG(XFRM_MSG_GETAE); MSG(XFRM_MSG_REPORT); MSG(XFRM_MSG_MIGRATE);
	MSG(XFRM_MSG_NEWSADINFO); MSG(XFRM_MSG_GETSADINFO); MSG(XFRM_MSG_NEWSPDINFO);
	MSG(XFRM_MSG_GETSPDINFO); MSG(XFRM_MSG_MAPPING); MSG(XFRM_MSG_SETDEFAULT);
	MSG(XFRM_MSG_GETDEFAULT); MSG(XFRM_MSG_MIGRATE_STATE);

	CHECK(xfrma_set.max == XFRMA_MAX, "xfrma: max %u, XFRMA_MAX %d", xfrma_set.max, XFRMA_MAX);
	ATTR(&xfrma_set, XFRMA_ALG_AUTH); ATTR(&xfrma_set, XFRMA_ALG_CRYPT);
	ATTR(&xfrma_set, XFRMA_ALG_COMP); ATTR(&xfrma_set, XFRMA_ENCAP);
	ATTR(&xfrma_set, XFRMA_TMPL); ATTR(&xfrma_set, XFRMA_SA); ATTR(&xfrma_set, XFRMA_POLICY);
	ATTR(&xfrma_set, XFRMA_SEC_CTX); ATTR(&xfrma_set, XFRMA_LTIME_VAL);
	ATTR(&xfrma_set, XFRMA_REPLAY_VAL); ATTR(&xfrma_set, XFRMA_REPLAY_THRESH);
	ATTR(&xfrma_set, XFRMA_ETIMER_THRESH); ATTR(&xfrma_set, XFRMA_SRCADDR);
	ATTR(&xfrma_set, XFRMA_COADDR); ATTR(&xfrma_set, XFRMA_LASTUSED);
	ATTR(&xfrma_set, XFRMA_POLICY_TYPE); ATTR(&xfrma_set, XFRMA_MIGRATE);
	ATTR(&xfrma_set, XFRMA_ALG_AEAD); ATTR(&xfrma_set, XFRMA_KMADDRESS);
	ATTR(&xfrma_set, XFRMA_ALG_AUTH_TRUNC); ATTR(&xfrma_set, XFRMA_MARK);
	ATTR(&xfrma_set, XFRMA_TFCPAD); ATTR(&xfrma_set, XFRMA_REPLAY_ESN_VAL);
	ATTR(&xfrma_set, XFRMA_SA_EXTRA_FLAGS); ATTR(&xfrma_set, XFRMA_PROTO);
	ATTR(&xfrma_set, XFRMA_ADDRESS_FILTER); ATTR(&xfrma_set, XFRMA_PAD);
	ATTR(&xfrma_set, XFRMA_OFFLOAD_DEV); ATTR(&xfrma_set, XFRMA_SET_MARK);
	ATTR(&xfrma_set, XFRMA_SET_MARK_MASK); ATTR(&xfrma_set, XFRMA_IF_ID);
	ATTR(&xfrma_set, XFRMA_MTIMER_THRESH); ATTR(&xfrma_set, XFRMA_SA_DIR);
	ATTR(&xfrma_set, XFRMA_NAT_KEEPALIVE_INTERVAL); ATTR(&xfrma_set, XFRMA_SA_PCPU);
	ATTR(&xfrma_set, XFRMA_IPTFS_DROP_TIME); ATTR(&xfrma_set, XFRMA_IPTFS_REORDER_WINDOW);
	ATTR(&xfrma_set, XFRMA_IPTFS_DONT_FRAG); ATTR(&xfrma_set, XFRMA_IPTFS_INIT_DELAY);
	ATTR(&xfrma_set, XFRMA_IPTFS_MAX_QSIZE); ATTR(&xfrma_set, XFRMA_IPTFS_PKT_SIZE);

	CHECK(xfrma_sad_set.max == XFRMA_SAD_MAX, "xfrma_sad: max %u", xfrma_sad_set.max);
	SUB(&xfrma_sad_set, XFRMA_SAD_CNT, "XFRMA_SAD_");
	SUB(&xfrma_sad_set, XFRMA_SAD_HINFO, "XFRMA_SAD_");
	CHECK(xfrma_spd_set.max == XFRMA_SPD_MAX, "xfrma_spd: max %u", xfrma_spd_set.max);
	SUB(&xfrma_spd_set, XFRMA_SPD_INFO, "XFRMA_SPD_");
	SUB(&xfrma_spd_set, XFRMA_SPD_HINFO, "XFRMA_SPD_");
	SUB(&xfrma_spd_set, XFRMA_SPD_IPV4_HTHRESH, "XFRMA_SPD_");
	SUB(&xfrma_spd_set, XFRMA_SPD_IPV6_HTHRESH, "XFRMA_SPD_");

	/* the named values */
	CHECK(!strcmp(nl_name(&xfrm_mode_names, XFRM_MODE_IPTFS), "iptfs"), "mode iptfs");
	CHECK(!strcmp(nl_name(&xfrm_mode_names, XFRM_MODE_BEET), "beet"), "mode beet");
	CHECK(xfrm_mode_names.n == XFRM_MODE_MAX, "%u modes", xfrm_mode_names.n);
	CHECK(!strcmp(nl_name(&xfrm_dir_names, XFRM_POLICY_FWD), "fwd"), "dir fwd");
	CHECK(!strcmp(nl_name(&xfrm_action_names, XFRM_POLICY_BLOCK), "block"), "action block");
	CHECK(!strcmp(nl_name(&xfrm_default_names, XFRM_USERPOLICY_ACCEPT), "accept"),
	      "default accept");
}

int main(void)
{
	layouts();
	inner_layouts();
	numbers();
	if (failures)
		fprintf(stderr, "test_xfrm: %d failures\n", failures);
	return failures != 0;
}
