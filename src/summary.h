/* summary.h - one-line summaries declared as data.
 *
 * A message definition (struct nl_msgdef .sum) names the fields its
 * summary shows (struct nl_sum_field: a header member, or an attribute of
 * a set by its policy name, possibly inside another named attribute) and
 * the parts of the line in order (struct nl_sum_part: a label and a
 * formatter over one field; a part whose field is absent is left out).
 *
 * The attribute walker records a field when it meets it (nl_sum_record:
 * the first occurrence, at the message's own level), so the summary is
 * rendered from the same walk (nl_sum_render, at the end of the message);
 * nothing is looked up again.  What a table cannot say is a small hook
 * (NLS_HOOK) reading the recorded values through nl_sum_get & co.
 */
#ifndef NLDUMP_SUMMARY_H
#define NLDUMP_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cursor.h"
#include "policy.h"

struct dctx;
struct nlstate;
struct nl_sum_vals;

#define NL_SUM_SLOTS 24

/* A value the summary needs.  set NULL: a member of the fixed header,
 * by name.  parent >= 0: an attribute of set inside the attribute of
 * that slot (IFLA_INFO_KIND inside IFLA_LINKINFO); -1: the message's own
 * attributes. */
struct nl_sum_field {
	const struct nl_attr_set *set;
	const char *name;
	int8_t parent;
};

#define NL_SUM_HDR(nm) { NULL, (nm), -1 }
#define NL_SUM_ATTR(s, nm) { (s), (nm), -1 }
#define NL_SUM_IN(s, nm, par) { (s), (nm), (par) }

enum nl_sum_fmt {
	NLS_U32,	/* label, then a 4-byte unsigned in decimal */
	NLS_STR,	/* label, then a string up to its NUL, escaped */
	NLS_DEV,	/* label, then a 4-byte ifindex as its name (or ifN) */
	NLS_ENUM8,	/* label, then a 1-byte value's name from .names (or the number) */
	NLS_WORD,	/* the label alone, when the field is there (a flag) */
	NLS_HOOK,	/* .hook renders it from the recorded values */
};

typedef void (*nl_sum_hook)(struct dctx *d, const struct nl_sum_vals *v);

struct nl_sum_part {
	uint8_t fmt;			/* enum nl_sum_fmt */
	int8_t slot;			/* the field shown (the part is left out
					 * when it is absent); hooks: unused */
	const char *label;		/* written before the value: " mtu " */
	const struct nl_names *names;	/* NLS_ENUM8 */
	nl_sum_hook hook;		/* NLS_HOOK */
};

#define NLS_PART(f, s, l) { (f), (s), (l), NULL, NULL }
#define NLS_NAMES(s, l, n) { NLS_ENUM8, (s), (l), (n), NULL }
#define NLS_CALL(h) { NLS_HOOK, -1, NULL, NULL, (h) }

struct nl_summary {
	const struct nl_sum_field *fields;
	unsigned nfields;
	const struct nl_sum_part *parts;
	unsigned nparts;
	/* header bytes the summary needs; 0: the whole fixed header */
	unsigned min_hdr;
};

#define NL_SUMMARY(f, p) { (f), ARRAY_SIZE(f), (p), ARRAY_SIZE(p), 0 }
#define NL_SUMMARY_MIN(f, p, m) { (f), ARRAY_SIZE(f), (p), ARRAY_SIZE(p), (m) }

/* What one message recorded for its summary (on the decoder's stack). */
struct nl_sum_vals {
	const struct nl_summary *sum;
	int depth;		/* d->depth of the message's own attributes */
	uint32_t have;		/* bit per slot: val[] holds its payload */
	/* the policy entry of each attribute field (resolved once per run) */
	const struct nl_attr_pol *pol[NL_SUM_SLOTS];
	uint64_t mask;		/* bit (type % 64) of every attribute field */
	bool whole_hdr;		/* the fixed header is all there (else no summary) */
	size_t attr_len;	/* bytes of attributes after the fixed header */
	struct nlc val[NL_SUM_SLOTS];
};

/* Start a message: header members by name from hdr (its layout hl); st
 * keeps the fields resolved to policy entries. */
void nl_sum_begin(struct nl_sum_vals *v, struct nlstate *st, const struct nl_summary *sum,
		  const struct nl_struct *hl, struct nlc hdr, int depth);
/* The attributes after the fixed header (the core, before the walk). */
static inline void nl_sum_attrs(struct nl_sum_vals *v, const struct nlc *attrs)
{
	v->attr_len = nlc_left(attrs);
}
/* The walker met attribute pol of set (payload sub, complete and whole:
 * ok) at depth. */
void nl_sum_record(struct nl_sum_vals *v, const struct nl_attr_set *set,
		   const struct nl_attr_pol *pol, int depth, const struct nlc *sub, bool ok);
/* The walker's call for every attribute with a policy entry: most are
 * turned away here, by depth (the message's attributes and those one
 * level in) and by type. */
static inline void nl_sum_meet(struct nl_sum_vals *v, const struct nl_attr_set *set,
			       const struct nl_attr_pol *pol, int depth, const struct nlc *sub,
			       bool ok)
{
	if ((depth == v->depth || depth == v->depth + 1) &&
	    (v->mask >> ((size_t)(pol - set->attrs) % 64) & 1))
		nl_sum_record(v, set, pol, depth, sub, ok);
}
/* Write the summary's parts (none when the fixed header is shorter than
 * the summary's min_hdr, or its layout). */
void nl_sum_render(struct dctx *d, const struct nl_sum_vals *v);

/* For hooks: a recorded value (a copy of its payload cursor). */
bool nl_sum_get(const struct nl_sum_vals *v, int slot, struct nlc *out);
/* exactly 4 bytes, in the capture's order */
bool nl_sum_u32(const struct nl_sum_vals *v, int slot, uint32_t *out);
/* a string's bytes up to its first NUL */
bool nl_sum_str(const struct nl_sum_vals *v, int slot, const uint8_t **p, size_t *n);

/* For a hook that iterates items of a recorded value itself (a route's
 * rtnexthop entries, each with attributes of set): the first attribute
 * named name in the attributes at attrs, complete and wholly captured. */
bool nl_sum_find_named(const struct nlc *attrs, const struct nl_attr_set *set,
		       const char *name, struct nlc *out);

#endif
