/* ovs_odp.h - pieces shared by the two halves of the ODP flow text:
 * the keys (ovs_odp.c) and the actions (ovs_odp_act.c).  Internal to
 * dissectors/ovs_odp*.c.
 */
#ifndef NLDUMP_OVS_ODP_H
#define NLDUMP_OVS_ODP_H

#include "ovs_common.h"

#define ODP_MAXDEPTH 10

/* The attributes of one nested set, gathered by one walk: the first of
 * each type the set declares, looked up by the name its policy gives. */
#define ODP_SLOTS 32
struct odp_attrs {
	const struct nl_attr_set *set;
	uint32_t have;
	struct nlc v[ODP_SLOTS];
};
void odp_gather(struct odp_attrs *g, const struct nl_attr_set *set, const struct nlc *c);
/* the payload of the attribute named name (false: absent or cut short) */
bool odp_get(const struct odp_attrs *g, const char *name, struct nlc *out);
bool odp_get_u32(const struct odp_attrs *g, const char *name, uint32_t *v);
/* a string attribute's bytes up to its first NUL */
bool odp_get_str(const struct odp_attrs *g, const char *name, const uint8_t **p, size_t *n);

/* Copy a cursor's captured bytes into buf (at most max); returns the count. */
size_t odp_take(const struct nlc *c, uint8_t *buf, size_t max);
bool odp_all_eq(const uint8_t *p, size_t n, uint8_t v);
uint64_t odp_be(const uint8_t *p, size_t n);
uint64_t odp_le(const uint8_t *p, size_t n);
/* a big-endian byte string as one hex number: "0" or "0x1f..." */
void odp_hexnum(struct sbuf *b, const uint8_t *p, size_t n);
void odp_spaced_hex(struct sbuf *b, const uint8_t *p, size_t n);
void odp_sep(struct sbuf *b, bool *first);
void odp_vlan(struct sbuf *b, uint16_t tci, uint16_t mask);
/* nsh(...) of an OVS_NSH_KEY_ATTR_* set */
void odp_nsh_set(struct sbuf *b, const struct nl_attr_set *set, const struct nlc *pl);

/* an exact mask for a struct of up to ODP_EXACT_MAX bytes */
#define ODP_EXACT_MAX 32
extern const uint8_t odp_exact[ODP_EXACT_MAX];

/* name(member=value,...) of a struct walked from its policy, with the
 * ODP data ok (v and m: the struct's bytes, value and mask) */
void odp_struct(struct sbuf *b, const struct ovs_odp_key *ok, const struct nl_struct *st,
		const uint8_t *v, const uint8_t *m);

/* key attribute t (value vc, mask mc or NULL for exact); false when left
 * out (wildcarded) */
bool odp_key_attr(struct nlstate *st, struct sbuf *b, uint16_t t, const struct nlc *vc,
		  const struct nlc *mc, int depth);
void odp_keys(struct nlstate *st, struct sbuf *b, const struct nlc *keys,
	      const struct nlc *mask, bool *first, int depth);

#endif
