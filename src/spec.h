/* spec.h - generic netlink families described by YNL specs (the kernel's
 * Documentation/netlink/specs YAML): the built-in ones and those given
 * with --spec, turned into the attribute engine's own tables.
 *
 * A family's spec is parsed and built on its first use (spec_reg_find),
 * so a capture pays only for the families it holds.  Specs given by the
 * user are parsed at start-up (to report a broken one at once) and
 * replace a built-in spec of the same family; an overlay document
 * (`overlay: true`) completes the spec of its family.  A family with a
 * hand-written dissector keeps it: the genl dissector asks here only for
 * a family without one.
 */
#ifndef NLDUMP_SPEC_H
#define NLDUMP_SPEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "policy.h"
#include "summary.h"

struct nl_dissector;
struct spec_reg;

/* The text of a spec built into the binary (spec_texts.c, generated). */
struct spec_text {
	const char *name;	/* the family ("name:" of the document) */
	const char *file;	/* "specs/ynl/nl80211.yaml" */
	bool overlay;
	const uint8_t *text;
	size_t len;
};
extern const struct spec_text spec_builtin[];
extern const unsigned spec_nbuiltin;

/* The hand-written dissector of a genl family, or NULL (the core's
 * nl_dissector_for_genl). */
typedef const struct nl_dissector *(*spec_hand_fn)(const char *name);

/* A registry of the built-in specs (nothing is parsed yet). NULL: out of
 * memory.  A family hand says has a dissector keeps it: spec_reg_find and
 * spec_reg_all never give its spec, built in or loaded (hand: NULL, none). */
struct spec_reg *spec_reg_new(spec_hand_fn hand);
void spec_reg_free(struct spec_reg *r);

/* Report of one broken spec: "FILE:LINE: what" (or "FILE: what"). */
typedef void (*spec_report_fn)(void *ctx, const char *msg);

/* ---- hooks: what a spec cannot say, handed down by the driver ----
 *
 * The family-specific code lives in the dissectors layer
 * (dissectors/ynl_*.c, rows in dissectors/ynl_hooks.c); the driver gives
 * the tables to the registry (spec_reg_hooks) before any spec is built,
 * and the builder applies them by name when it builds a family. */

/* An attribute decoded by a callback: every attribute named attr of
 * attribute-set set ("*": of every set) of family becomes NLA_KIND_CB
 * with cb, cbdata and shape (the rest of its entry stays: a callback may
 * read .nest, .st, .enums). */
struct spec_attr_hook {
	const char *family, *set, *attr;
	nl_attr_cb cb;
	const void *cbdata;
	const struct nl_shape *shape;
};

/* A value a declared summary shows: attribute name of set (NULL: the
 * operation's own attribute-set), inside the field of slot parent (>= 0)
 * or among the message's attributes (-1). */
struct spec_sum_field {
	const char *set, *name;
	int8_t parent;
};
#define SPEC_SUM_ATTR(nm) { NULL, (nm), -1 }
#define SPEC_SUM_IN(s, nm, par) { (s), (nm), (par) }

/* A summary declared by names: its fields and the parts of the line
 * (summary.h's formatters, slots indexing fields). */
struct spec_summary {
	const struct spec_sum_field *fields;
	unsigned nfields;
	const struct nl_sum_part *parts;
	unsigned nparts;
};
#define SPEC_SUMMARY(f, p) { (f), ARRAY_SIZE(f), (p), ARRAY_SIZE(p) }

/* The summary of operation op of family: an operation's name, a prefix
 * ending in '*' ("trap-*"), or "*" (every other operation); the most
 * precise row wins.  It applies to the operation's messages both ways
 * and to its notifications.  A family with summary rows shows only them
 * (the attributes a get request names are not marked for it). */
struct spec_sum_hook {
	const char *family, *op;
	const struct spec_summary *sum;
};

struct spec_hooks {
	const struct spec_attr_hook *attrs;
	unsigned nattrs;
	const struct spec_sum_hook *sums;
	unsigned nsums;
};

/* The hooks every family built from now on gets (h must outlive r). */
void spec_reg_hooks(struct spec_reg *r, const struct spec_hooks *h);

/* spec_reg_load - a spec file, or every *.yaml of a directory (in name
 * order), parsed and built now.  A broken one is reported and ignored.
 * Returns how many were broken (0: all loaded). */
int spec_reg_load(struct spec_reg *r, const char *path, spec_report_fn report, void *ctx);

/* The dissector of genl family name, built on first use; NULL when no
 * spec describes it (or its built-in spec is broken: never, the tests
 * build them all). */
const struct nl_dissector *spec_reg_find(struct spec_reg *r, const char *name);

/* The message definitions of subsystem sub of netlink-raw protocol proto
 * (nfnetlink: nlmsg_type's high byte), indexed by the low byte: gathered
 * from every netlink-raw spec with that protonum whose operations have
 * that high byte (spec_raw.c), on first use.  NULL: no spec names one. */
const struct nl_dissector *spec_reg_find_raw(struct spec_reg *r, int proto, unsigned sub);
/* Every such subsystem of proto (for --list-fields), in subsystem order;
 * at most max written to out; returns how many there are. */
unsigned spec_reg_raw_all(struct spec_reg *r, int proto, const struct nl_dissector **out,
			  unsigned max);

/* A policy dump's record (CTRL_CMD_GETPOLICY, src/spec_policy.c): in
 * family id's policy pidx, attribute type is of kind nl_type
 * (NL_ATTR_TYPE_*), its nested policy nest (-1: none).  Bounded. */
void spec_reg_policy_attr(struct spec_reg *r, uint16_t id, uint32_t pidx, uint16_t type,
			  uint32_t nl_type, int64_t nest);
/* A dissector typed from the policy dump of family id (named name; its
 * attributes `attr_N`), or NULL without one. */
const struct nl_dissector *spec_reg_policy_find(struct spec_reg *r, uint16_t id,
						const char *name);

/* Every family the registry knows, built now, in name order (for
 * --list-fields); at most max written to out; returns how many there are. */
unsigned spec_reg_all(struct spec_reg *r, const struct nl_dissector **out, unsigned max);

#endif
