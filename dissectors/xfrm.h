/* xfrm.h - between the NETLINK_XFRM tables (xfrm_tables.c) and the
 * callbacks, summaries and message table (xfrm.c). */
#ifndef NLDUMP_XFRM_H
#define NLDUMP_XFRM_H

#include "dissect.h"

/* address families (include/linux/socket.h) */
#define XFRM_AF_INET	2
#define XFRM_AF_INET6	10

/* Where a struct keeps the address family of its own addresses
 * (xfrm_selector.family, xfrm_user_tmpl.family...): the .cbdata of an
 * entry decoded by xfrm_cb_famst. */
struct xfrm_famoff {
	uint16_t off;
};

/* an xfrm_address_t (16 bytes) by the family in force (d->af) */
bool xfrm_cb_addr(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		  struct nlc *c);
/* the struct .st whose addresses follow its own family (.cbdata) */
bool xfrm_cb_famst(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		   struct nlc *c);
/* one or more of the struct .st, each by its own family (XFRMA_TMPL, MIGRATE) */
bool xfrm_cb_famlist(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		     struct nlc *c);
/* the fixed part .st, then a key (shown with -x only) */
bool xfrm_cb_algo(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		  struct nlc *c);
/* The fixed part .st, then its last member (.st->fields[.st->nfields])
 * over the rest, of the length a member of the fixed part says (.cbdata):
 * the ESN bitmap, a security context's string. */
struct xfrm_tail {
	uint16_t off;		/* the member saying the length */
	uint8_t width;		/* its width */
	uint8_t unit;		/* bytes per unit it counts */
};
bool xfrm_cb_tail(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		  struct nlc *c);

extern const struct nl_shape xfrm_addr_shape, xfrm_auth_shape, xfrm_aead_shape,
	xfrm_algo_shape, xfrm_esn_shape, xfrm_secctx_shape;
extern const struct nl_names xfrm_proto_names, xfrm_ipproto_names, xfrm_mode_names,
	xfrm_dir_names, xfrm_action_names, xfrm_default_names, xfrm_family_names;

/* fixed headers */
extern const struct nl_struct xfrm_usersa_info, xfrm_usersa_id, xfrm_userpolicy_info,
	xfrm_userpolicy_id, xfrm_userspi_info, xfrm_user_acquire, xfrm_user_expire,
	xfrm_user_polexpire, xfrm_usersa_flush, xfrm_aevent_id, xfrm_user_report,
	xfrm_user_mapping, xfrm_userpolicy_default, xfrm_user_migrate_state, xfrm_info_flags;
/* attribute sets: XFRMA_*, XFRMA_SAD_*, XFRMA_SPD_* */
extern const struct nl_attr_set xfrma_set, xfrma_sad_set, xfrma_spd_set;

/* byte offsets the summaries read (x86-64 layouts; the structs above
 * describe the same bytes, tests/test_xfrm.c checks both against the uAPI) */
#define XFRM_SEL_FAMILY		40	/* xfrm_selector.family */
#define XFRM_SEL_SIZE		56
#define XFRM_SA_ID		56	/* xfrm_usersa_info.id */
#define XFRM_SA_SADDR		80
#define XFRM_SA_REQID		208
#define XFRM_SA_FAMILY		212
#define XFRM_SA_MODE		214
#define XFRM_SA_SIZE		224
#define XFRM_POL_PRIORITY	152	/* xfrm_userpolicy_info.priority */
#define XFRM_POL_INDEX		156
#define XFRM_POL_DIR		160
#define XFRM_POL_ACTION		161
#define XFRM_POL_SIZE		168
#define XFRM_TMPL_FAMILY	24	/* xfrm_user_tmpl.family */

#endif
