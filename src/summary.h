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
 * (NLS_HOOK) reading the recorded values through nl_sum_get & co., or a
 * text formatter (NLS_TEXT: a flow key as ODP text), possibly gathered
 * into one text that is also a member of the message (NLS_BEGIN).  A
 * summary whose member comes before the fixed header (NL_SUMMARY_EARLY)
 * is recorded by a quiet scan of the attributes (nl_sum_scan) instead.
 */
#ifndef NLDUMP_SUMMARY_H
#define NLDUMP_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cursor.h"
#include "policy.h"
#include "sbuf.h"

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
/* the whole fixed header, for a hook that reads a layout of nested
 * structs by offset (xfrm's xfrm_usersa_info) */
#define NL_SUM_HDR_WHOLE { NULL, "*", -1 }
#define NL_SUM_ATTR(s, nm) { (s), (nm), -1 }
#define NL_SUM_IN(s, nm, par) { (s), (nm), (par) }

enum nl_sum_fmt {
	NLS_U32,	/* label, then a 4-byte unsigned in decimal */
	NLS_S32,	/* label, then a 4-byte signed in decimal */
	NLS_STR,	/* label, then a string up to its NUL, escaped */
	NLS_QSTR,	/* label, then the same in double quotes: "br0" */
	NLS_DEV,	/* label, then a 4-byte ifindex as its name (or ifN) */
	NLS_ENUM8,	/* label, then a 1-byte value's name from .names (or the number) */
	NLS_ENUM32,	/* the same for a 4-byte value */
	NLS_FLAGS32,	/* label, then the names of a 4-byte word's bits from
			 * .names (indexed by bit), comma-separated, an unnamed
			 * bit as 0x..; "0" when none; -n: the word in hex */
	NLS_WORD,	/* the label alone, when the field is there (a flag) */
	NLS_HOOK,	/* .hook renders it from the recorded values */
	NLS_TEXT,	/* label, then what .text writes (a value as ODP text, a
			 * carried packet); left out when .slot (>= 0) is absent
			 * or .text returns false */
	NLS_BEGIN,	/* the NLS_TEXT parts up to NLS_END make one text, .sep
			 * between two present parts; when not empty it goes to
			 * the line after .label, and to the tree as the member
			 * .member (when set) */
	NLS_END,
};

struct nl_sum_part;
typedef void (*nl_sum_hook)(struct dctx *d, const struct nl_sum_vals *v);
/* Append the text of part pt (its values: nl_sum_get(v, pt->slot, ..),
 * pt->aux) to b; false: the part is left out (b is restored). */
typedef bool (*nl_sum_text)(struct dctx *d, const struct nl_sum_vals *v,
			    const struct nl_sum_part *pt, struct sbuf *b);

struct nl_sum_part {
	uint8_t fmt;			/* enum nl_sum_fmt */
	int8_t slot;			/* the field shown (the part is left out
					 * when it is absent); hooks: unused */
	int8_t aux;			/* NLS_TEXT: a second field .text may
					 * read (a key's mask), or -1 */
	const char *label;		/* written before the value: " mtu " */
	const struct nl_names *names;	/* NLS_ENUM8, NLS_ENUM32, NLS_FLAGS32 */
	nl_sum_hook hook;		/* NLS_HOOK */
	nl_sum_text text;		/* NLS_TEXT */
	const char *sep;		/* NLS_BEGIN: between two parts */
	const char *member;		/* NLS_BEGIN: the tree member, or NULL */
};

#define NLS_PART(f, s, l) { .fmt = (f), .slot = (s), .aux = -1, .label = (l) }
#define NLS_NAMES(s, l, n) { .fmt = NLS_ENUM8, .slot = (s), .aux = -1, .label = (l), .names = (n) }
#define NLS_NAMED(f, s, l, n) { .fmt = (f), .slot = (s), .aux = -1, .label = (l), .names = (n) }
#define NLS_CALL(h) { .fmt = NLS_HOOK, .slot = -1, .aux = -1, .hook = (h) }
#define NLS_TEXT_OF(s, a, l, fn) { .fmt = NLS_TEXT, .slot = (s), .aux = (a), .label = (l), .text = (fn) }
#define NLS_GROUP(l, sp, m) { .fmt = NLS_BEGIN, .slot = -1, .aux = -1, .label = (l), .sep = (sp), .member = (m) }
#define NLS_GROUP_END { .fmt = NLS_END, .slot = -1, .aux = -1 }

struct nl_summary {
	const struct nl_sum_field *fields;
	unsigned nfields;
	const struct nl_sum_part *parts;
	unsigned nparts;
	/* header bytes the summary needs; 0: the whole fixed header */
	unsigned min_hdr;
	/* rendered before the fixed header is decoded, from a quiet scan of
	 * the attributes (nl_sum_scan) instead of the walk: for a summary
	 * whose text is also a member shown ahead of the header (the ODP
	 * text of ovs_flow and ovs_packet, "odp") */
	bool early;
};

#define NL_SUMMARY(f, p) { (f), ARRAY_SIZE(f), (p), ARRAY_SIZE(p), 0, false }
#define NL_SUMMARY_MIN(f, p, m) { (f), ARRAY_SIZE(f), (p), ARRAY_SIZE(p), (m), false }
#define NL_SUMMARY_EARLY(f, p) { (f), ARRAY_SIZE(f), (p), ARRAY_SIZE(p), 0, true }

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
/* Record the fields from the attributes at attrs (of set) without
 * walking them: an early summary's (NL_SUMMARY_EARLY), before the walk.
 * The same rules as the walk's: first occurrence, complete and wholly
 * captured; a field inside another in that one's first occurrence. */
void nl_sum_scan(struct nl_sum_vals *v, const struct nl_attr_set *set, const struct nlc *attrs);
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
