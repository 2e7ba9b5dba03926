/* view_fields.h - -T fields -e PATH... (one line per message, the values
 * of the paths separated as -E says) and --json -e PATH... (one object per
 * message with only those members), from the field events (fieldev.h) of
 * the one walk. */
#ifndef NLDUMP_VIEW_FIELDS_H
#define NLDUMP_VIEW_FIELDS_H

#include <stdbool.h>
#include <stdio.h>

#include "nlcore.h"
#include "sbuf.h"

#define VF_MAX 64	/* -e paths */

/* -e and -E, as parsed */
struct vf_fmt {
	const char *paths[VF_MAX];
	unsigned n;
	char sep;	/* -E separator: '\t' (default), or the character */
	char agg;	/* -E aggregator: ',' (default) */
	char quote;	/* -E quote: 0 (n, the default), '"' (d), '\'' (s) */
	char occ;	/* -E occurrence: 'a' (all, the default), 'f', 'l' */
	bool header;	/* -E header=y */
};

/* Defaults: tab, ',', no quotes, every occurrence, no header. */
void vf_fmt_init(struct vf_fmt *f);
/* One -E KEY=VALUE; false and why (n bytes) when it is not one. */
bool vf_fmt_set(struct vf_fmt *f, const char *arg, char *why, size_t n);

struct vf_slot {
	size_t len;		/* of the path */
	unsigned count;		/* occurrences in the message */
	struct sbuf v;		/* their values, joined */
};

struct vf_node {		/* a level of the paths, for --json -e */
	const char *name;
	size_t nlen;
	int leaf;		/* the path's slot, or -1 */
	int child, next;	/* first child, next sibling; -1: none */
};

struct view_fields {
	struct nl_fsink fs;	/* the run's sink (st->fs points here) */
	const struct vf_fmt *f;
	bool json;		/* --json -e: objects */
	struct vf_slot slot[VF_MAX];
	struct vf_node *node;	/* node[0]: the root */
	unsigned nnode;
	struct sbuf b, tmp;	/* lines not written out yet; a value */
	FILE *out;
};

/* Start the view (the header line, -E header=y, is held); false when out
 * of memory. */
bool view_fields_init(struct view_fields *v, const struct vf_fmt *f, bool json, FILE *out);
/* Write what is held; false on a write error. */
bool view_fields_flush(struct view_fields *v);
void view_fields_fini(struct view_fields *v);

#endif
