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

/* spec_reg_load - a spec file, or every *.yaml of a directory (in name
 * order), parsed and built now.  A broken one is reported and ignored.
 * Returns how many were broken (0: all loaded). */
int spec_reg_load(struct spec_reg *r, const char *path, spec_report_fn report, void *ctx);

/* The dissector of genl family name, built on first use; NULL when no
 * spec describes it (or its built-in spec is broken: never, the tests
 * build them all). */
const struct nl_dissector *spec_reg_find(struct spec_reg *r, const char *name);

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
