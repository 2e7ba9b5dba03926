/* spec_build.h - what the spec builder's files share (spec_build.c the
 * attribute sets and the whole, spec_defs.c definitions and the policy of
 * one value, spec_ops.c operations and multicast groups). */
#ifndef NLDUMP_SPEC_BUILD_H
#define NLDUMP_SPEC_BUILD_H

#include "spec_priv.h"

/* a name index: sorted (name, position) pairs, for bsearch */
struct nidx {
	const char *name;
	unsigned i;
};

struct sdef {
	const struct snode *n;
	const char *name, *type;
	struct nl_names names;	/* enum: by value; flags: by bit */
	struct nl_struct *st;
	int state;		/* struct: 0 to build, 1 building, 2 built */
};

struct sattr {
	const char *name;
	unsigned value;
	const struct snode *n;	/* its node; in a subset, the subset's */
	const struct snode *base;	/* a subset's: the full set's node */
};

struct sset {
	const struct snode *n;
	const char *name;
	struct sattr *a;
	unsigned na;
	struct nidx *ix;	/* attributes by name */
	struct nl_attr_set *set;
	unsigned nsum;		/* attributes flagged for the summary */
};

struct sb {
	struct spec_arena *a;
	struct spec_err *err;
	struct spec_family *fam;
	struct sdef *defs;
	unsigned ndefs;
	struct nidx *defix;
	unsigned ndefix;
	struct sset *sets;
	unsigned nsets;
	struct nidx *setix;
	const struct snode **subs;	/* sub-messages */
	struct spec_submsg *subdefs;
	unsigned nsubs;
	struct nidx *subix;
	size_t work;		/* list entries walked (SPEC_WORK_MAX) */
	const struct spec_hooks *hooks;	/* never NULL (maybe empty) */
};

void *sb_alloc(struct sb *b, size_t n, const struct snode *at);
struct nidx *sb_index(struct sb *b, unsigned n, const char *(*name)(void *, unsigned),
			 void *ctx, const struct snode *at);
void spec_nidx_sort(struct nidx *x, unsigned n);
/* the first entry named name among n, or -1 */
int sb_find(const struct nidx *x, unsigned n, const char *name);
struct sdef *sb_def(struct sb *b, const char *name);
struct sset *sb_set(struct sb *b, const char *name);
const struct snode *sb_seq(struct sb *b, const struct snode *map, const char *key);
bool sb_int(struct sb *b, const struct snode *n, int64_t *v);

/* spec_defs.c */
bool spec_build_defs(struct sb *b, const struct snode *root);
bool spec_build_struct(struct sb *b, struct sdef *d, int depth);
/* a key of attribute n, or of its full set's attribute base (subsets) */
const struct snode *spec_akey(const struct snode *n, const struct snode *base, const char *k);
const char *spec_astr(const struct snode *n, const struct snode *base, const char *k);
/* type, byte order, display hint, enum: the scalar kinds and binary */
bool spec_fill_scalar(struct sb *b, struct nl_attr_pol *p, const char *type,
		      const struct snode *n, const struct snode *base, bool member, int depth);
/* the bytes a struct member of this policy takes */
unsigned spec_kind_width(const struct nl_attr_pol *p);

/* spec_hooks.c: the driver's hooks applied to a family being built */
bool spec_apply_attr_hooks(struct sb *b);
/* the summary of operation name (attribute set s, maybe NULL), built in
 * the arena; NULL: none (*any: the family has summary rows at all) */
const struct nl_summary *spec_op_summary(struct sb *b, const char *name, struct sset *s,
					 bool *any);
/* a row that names nothing: counted in the family (the tests say which) */
void spec_hook_miss(struct sb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* spec_ops.c */
bool spec_build_ops(struct sb *b, const struct snode *root);

#endif
