/* policy.h - declared attribute policies and struct layouts.
 *
 * A dissector describes its attributes the way the kernel's nla_policy
 * does: a const array indexed by attribute type, one line per attribute.
 *
 *   static const struct nl_attr_pol ctrl_attrs[] = {
 *       [CTRL_ATTR_FAMILY_ID]   = { "family_id", NLA_KIND_U16, .flags = NLAF_SUMMARY },
 *       [CTRL_ATTR_FAMILY_NAME] = { "family_name", NLA_KIND_NUL_STRING },
 *       [CTRL_ATTR_OPS]         = { "ops", NLA_KIND_NESTED_ARRAY, .nest = &ctrl_op_set },
 *   };
 *   static const struct nl_attr_set ctrl_set = NL_ATTR_SET("ctrl", ctrl_attrs);
 *
 * Numbers are written as the kernel ABI defines them, never taken from the
 * build machine's headers.
 */
#ifndef NLDUMP_POLICY_H
#define NLDUMP_POLICY_H

#include <stdbool.h>
#include <stdint.h>

#include "cursor.h"
#include "names.h"

enum nla_kind {
	NLA_KIND_UNSPEC = 0,	/* unknown shape: hex (walked if NLA_F_NESTED) */
	NLA_KIND_BINARY,	/* hex; .len > 0 demands that exact length */
	NLA_KIND_U8,
	NLA_KIND_U16,
	NLA_KIND_U32,
	NLA_KIND_U64,
	NLA_KIND_S8,
	NLA_KIND_S16,
	NLA_KIND_S32,
	NLA_KIND_S64,
	NLA_KIND_BE16,
	NLA_KIND_BE32,
	NLA_KIND_BE64,
	NLA_KIND_UINT,		/* 1, 2, 4 or 8 bytes, unsigned */
	NLA_KIND_SINT,		/* 1, 2, 4 or 8 bytes, signed */
	NLA_KIND_STRING,	/* up to the first NUL, if any */
	NLA_KIND_NUL_STRING,	/* must be NUL-terminated */
	NLA_KIND_FLAG,		/* zero length */
	NLA_KIND_NESTED,	/* .nest */
	NLA_KIND_NESTED_ARRAY,	/* children indexed by type, each .nest */
	NLA_KIND_BITFIELD32,	/* struct nla_bitfield32 {value, selector} */
	NLA_KIND_MAC,		/* link-layer address, any length */
	NLA_KIND_IPV4,
	NLA_KIND_IPV6,
	NLA_KIND_ADDR,		/* by the message's address family (or length) */
	NLA_KIND_STRUCT,	/* .st */
	NLA_KIND_CB,		/* .cb */
	NLA_KIND_PAD,		/* in structs: skipped bytes (.len); as attr: ignored */
	NLA_KIND_MAX_
};

/* attribute and field flags */
#define NLAF_SUMMARY	0x01	/* also shown in the one-line summary */
#define NLAF_HEX	0x02	/* integers in hex */
#define NLAF_BE		0x04	/* struct field in network byte order */
#define NLAF_FAMILY	0x08	/* struct field: sets the address family context */
#define NLAF_ORDERED	0x10	/* nested: children form an ordered list (actions) */
#define NLAF_SIGNED_ENUM 0x20
#define NLAF_MULTI	0x40	/* expected to repeat (a spec's multi-attr): JSON
				 * groups its repeats without a duplicates note */

struct dctx;
struct nl_attr_pol;

/* A callback decodes what a table cannot say.  It reads the payload through
 * c and emits under key.  Returning false makes the walker show the payload
 * as hex instead (the payload did not have the expected shape). */
typedef bool (*nl_attr_cb)(struct dctx *d, const struct nl_attr_pol *pol,
			   const char *key, struct nlc *c);

struct nl_attr_set;
struct nl_struct;
struct nl_shape;

struct nl_attr_pol {
	const char *name;
	uint8_t kind;		/* enum nla_kind */
	uint8_t flags;		/* NLAF_* */
	uint16_t len;		/* BINARY/STRING/PAD: exact length when set */
	const struct nl_names *enums;	/* value names (integer kinds) */
	const struct nl_names *bits;	/* bit names (integer kinds, bitfield32) */
	const struct nl_attr_set *nest;	/* NESTED, NESTED_ARRAY */
	const struct nl_struct *st;	/* STRUCT */
	nl_attr_cb cb;			/* CB */
	const char *sum;	/* label in the summary (default: name) */
	/* CB: what the callback writes, for the field registry (src/fields.c);
	 * never read while decoding.  NULL: walked by .nest/.st if set. */
	const struct nl_shape *shape;
	/* CB: the callback's own description (a spec's sub-message) */
	const void *cbdata;
};

struct nl_attr_set {
	const char *name;
	unsigned max;
	const struct nl_attr_pol *attrs;
	uint8_t flags;		/* NLAF_ORDERED */
};

#define NL_ATTR_SET(nm, tbl) \
	{ .name = (nm), .max = ARRAY_SIZE(tbl) - 1, .attrs = (tbl) }
#define NL_ATTR_LIST(nm, tbl) \
	{ .name = (nm), .max = ARRAY_SIZE(tbl) - 1, .attrs = (tbl), .flags = NLAF_ORDERED }

/* Struct fields use the same description, read one after the other:
 * integer kinds by their width, BINARY/STRING/PAD by .len, MAC by .len
 * (default 6), IPV4 4, IPV6 16, STRUCT by the sub-struct's size. */
struct nl_struct {
	const char *name;
	const struct nl_attr_pol *fields;
	unsigned nfields;
	unsigned size;		/* sizeof the C struct */
	unsigned min_size;	/* shorter is malformed; 0 = size */
};

/* The shape of a callback's value, for the field registry (fields.c). */
typedef void (*nl_shape_visit)(void *ctx, const char *when, const struct nl_attr_pol *pol);
struct nl_shape {
	const char *form;		/* kind of a plain value ("tc_handle") */
	const struct nl_attr_pol *members;	/* an object's members */
	unsigned nmembers;
	/* an object keyed by these names (devconf arrays), values key_form */
	const struct nl_names *keys;
	const char *key_form;
	/* alternatives chosen while decoding, each read at the same path;
	 * an alternative's .name says when it applies ("family bridge") */
	const struct nl_attr_pol *alts;
	unsigned nalts;
	/* the same from a dispatch table (linkinfo data by kind): calls visit
	 * once per alternative, with when naming it ("kind bridge") */
	void (*each)(nl_shape_visit visit, void *ctx);
	/* members written beside the value, in the set that holds it (a
	 * frequency's "channel") */
	const struct nl_attr_pol *beside;
	unsigned nbeside;
};

#define NL_SHAPE_FORM(f) { .form = (f) }
#define NL_SHAPE_OBJ(tbl) { .members = (tbl), .nmembers = ARRAY_SIZE(tbl) }
#define NL_SHAPE_ALTS(tbl) { .alts = (tbl), .nalts = ARRAY_SIZE(tbl) }
#define NL_SHAPE_KEYS(names, f) { .keys = (names), .key_form = (f) }
#define NL_SHAPE_EACH(fn) { .each = (fn) }
#define NL_SHAPE_BESIDE(f, tbl) { .form = (f), .beside = (tbl), .nbeside = ARRAY_SIZE(tbl) }

#define NL_STRUCT(nm, tbl, sz) \
	{ .name = (nm), .fields = (tbl), .nfields = ARRAY_SIZE(tbl), .size = (sz) }

#endif
