/* spec_priv.h - what the spec engine's files share: the parsed YAML
 * document (a small tree with line numbers, in an arena), the builder's
 * entry points and the callbacks the built tables name.
 *
 * Bounds (a hostile spec cannot make the engine slow or crash): a file of
 * at most SPEC_FILE_MAX bytes, SPEC_NODES_MAX nodes, nesting of at most
 * SPEC_DEPTH_MAX, SPEC_ANCHORS_MAX anchors (an alias points at a node, it
 * is never copied), attribute and enum values bounded where they size a
 * table.
 */
#ifndef NLDUMP_SPEC_PRIV_H
#define NLDUMP_SPEC_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dissect.h"
#include "spec.h"

#define SPEC_FILE_MAX (8u << 20)
#define SPEC_NODES_MAX 1000000u
#define SPEC_DEPTH_MAX 32
#define SPEC_ANCHORS_MAX 4096u
#define SPEC_ATTR_MAX 16383u	/* NLA_TYPE_MASK */
#define SPEC_NAMES_MAX 4096u	/* enum values named (a table indexed by value) */
#define SPEC_WORK_MAX 262144u	/* list entries the builder walks, aliases counted */

/* ---- arena: everything of one family, freed at once ---- */
struct spec_arena;
struct spec_arena *spec_arena_new(void);
void spec_arena_free(struct spec_arena *a);
/* zeroed memory, or NULL past the arena's limit or out of memory */
void *spec_alloc(struct spec_arena *a, size_t n);
char *spec_strdup(struct spec_arena *a, const char *s);

/* ---- the document tree ---- */
enum { SN_SCALAR, SN_MAP, SN_SEQ };

struct snode {
	uint8_t t;		/* SN_* */
	uint32_t line;		/* 1-based */
	uint32_t n;		/* MAP: pairs; SEQ: items; SCALAR: length */
	const char *s;		/* SCALAR: the text, NUL-terminated */
	struct snode **k;	/* MAP: key, value, key, value...; SEQ: items */
	const char *file;	/* where it was read (overlays merge files) */
};

/* Parse n bytes of YAML text (one document).  NULL with "FILE:LINE: what"
 * in err on a broken document. */
struct snode *spec_yaml_parse(struct spec_arena *a, const char *file, const uint8_t *text,
			      size_t n, char *err, size_t errlen);

/* the value of key in a mapping, or NULL */
struct snode *sn_get(const struct snode *map, const char *key);
/* the scalar text of key in a mapping, or NULL */
const char *sn_str(const struct snode *map, const char *key);
/* a node's scalar text, or NULL */
static inline const char *sn_text(const struct snode *n)
{
	return n && n->t == SN_SCALAR ? n->s : NULL;
}
/* an integer scalar (decimal, 0x hex, 0o/0 octal, a leading '-') */
bool sn_int(const struct snode *n, int64_t *v);

/* ---- errors ---- */
struct spec_err {
	char *buf;
	size_t len;
	bool set;
};
/* "FILE:LINE: what" for node n (the first error is kept) */
void spec_fail(struct spec_err *e, const struct snode *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* ---- the built family ---- */
struct spec_op {
	const char *name;
	int req, rep;		/* command numbers to and from the kernel, -1: none */
};

struct spec_enum {
	const char *name;
	bool flags;
	unsigned n;
	const char **names;	/* entry names */
	int64_t *vals;		/* enum: the value; flags: the bit number */
};

/* a netlink-raw operation's message (nfnetlink: the full nlmsg_type,
 * subsystem << 8 | message), one per way it travels */
enum { SPEC_RAW_TO, SPEC_RAW_FROM, SPEC_RAW_NTF };
struct spec_raw_op {
	uint16_t type;
	uint8_t way;		/* SPEC_RAW_* */
	struct nl_msgdef md;
};

struct spec_family {
	struct spec_arena *a;
	const char *name;
	const char *file;
	const char *protocol;
	int64_t protonum;	/* netlink-raw's protonum, or -1 */
	struct nl_dissector dis;
	/* for spec_dump and the tests: every attribute as numbered (unused
	 * ones too), the sets built */
	struct spec_attr {
		const char *set, *name;
		unsigned value;
	} *attrs;
	unsigned nattrs;
	const struct nl_attr_set **sets;
	unsigned nsets;
	struct spec_op *ops;
	unsigned nops;
	struct spec_enum *enums;
	unsigned nenums;
	const char **const_names;
	int64_t *const_vals;
	unsigned nconsts;
	const char **mcgrps;
	unsigned nmcgrps;
	/* netlink-raw: every operation's messages by full type (spec_raw.c
	 * gathers them per subsystem) */
	struct spec_raw_op *raw_ops;
	unsigned nraw_ops;
	/* hook rows of this family that name nothing in its spec (a set, an
	 * attribute, an operation): how many, and the first one's text */
	unsigned nhook_miss;
	const char *hook_miss;
};

/* Build the runtime tables of a parsed spec (overlays already merged).
 * NULL with the error in err. */
struct spec_family *spec_build(struct spec_arena *a, struct snode *root, const char *file,
			       const struct spec_hooks *hooks, struct spec_err *err);

/* Merge overlay document ov into base (both of arena a). */
bool spec_overlay_merge(struct spec_arena *a, struct snode *base, const struct snode *ov,
			struct spec_err *err);

/* ---- the registry (spec_reg.c), for the tests ---- */
/* a registry without the built-in specs */
struct spec_reg *spec_reg_new_empty(void);
/* the name of the k-th family (not counting overlays), or NULL */
const char *spec_reg_name(const struct spec_reg *r, unsigned k);
/* a family's built spec (built now), or NULL */
const struct spec_family *spec_reg_family(struct spec_reg *r, const char *name);
/* the k-th family if it is a netlink-raw one (built now), else NULL;
 * *end set past the last family */
const struct spec_family *spec_reg_raw_family(struct spec_reg *r, unsigned k, bool *end);
/* the registry's gathered netlink-raw subsystems (spec_raw.c) */
struct spec_raw;
struct spec_raw **spec_reg_raw_cache(struct spec_reg *r);
void spec_raw_free(struct spec_raw *x);

/* ---- families typed from a policy dump (spec_policy.c) ---- */
struct spec_pols;
struct spec_pols *spec_pols_new(void);
void spec_pols_free(struct spec_pols *p);
void spec_pols_attr(struct spec_pols *p, uint16_t fam, uint32_t pidx, uint16_t type,
		    uint32_t nl_type, int64_t nest);
const struct nl_dissector *spec_pols_find(struct spec_pols *p, uint16_t id, const char *name);

/* ---- callbacks of the built tables (spec_decode.c) ---- */

/* a binary attribute holding a C array: pol->st's one member, repeated */
bool spec_cb_array(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		   struct nlc *c);
/* an indexed-array of scalars: attributes typed by their index, each one
 * value of pol->st's one member */
bool spec_cb_indexed(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		     struct nlc *c);
/* nest-type-value: pol->len levels of nests typed by an id, then pol->nest */
bool spec_cb_type_value(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
			struct nlc *c);
/* a sub-message: pol->cbdata (struct spec_submsg) */
bool spec_cb_submsg(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		    struct nlc *c);
/* 16 bytes as a UUID */
bool spec_cb_uuid(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		  struct nlc *c);

struct spec_format {
	const char *value;	/* the selector's value, as text */
	int64_t num;		/* and as a number, when it is one */
	bool is_num;
	const struct nl_struct *hdr;
	const struct nl_attr_set *attrs;
};

struct spec_submsg {
	const char *name;
	const char *selector;	/* the attribute naming the format */
	int sel_type;		/* its type in the same set, or -1 */
	unsigned nformats;
	struct spec_format *formats;
};

#endif
