/* strset.h - string sets learned from a capture: numbered lists of short
 * names that name the bits of a bitmap (ethtool's ETHTOOL_MSG_STRSET_GET
 * replies: features, link modes, private flags...), per scope (an
 * interface index, or 0 for the sets every device shares) and set id.
 *
 * Bounded: at most STRSET_SETS sets, STRSET_PER_SET strings in one set and
 * STRSET_TOTAL strings in all; a string keeps its first STRSET_LEN bytes
 * (up to a NUL).  What does not fit is counted (strset_dropped), not kept.
 * Created on first use (the run state starts with a NULL map).  A set
 * learned again replaces the earlier one (a newer reply wins).
 */
#ifndef NLDUMP_STRSET_H
#define NLDUMP_STRSET_H

#include <stddef.h>
#include <stdint.h>

#define STRSET_LEN 32		/* ETH_GSTRING_LEN */
#define STRSET_SETS 256
#define STRSET_PER_SET 4096
#define STRSET_TOTAL 65536

struct strset_map;

/* Start set id of scope with count strings (all unnamed until put),
 * replacing the earlier one.  Returns the set's slot, or -1 when it does
 * not fit (counted) or memory is short. */
int strset_begin(struct strset_map **m, uint32_t scope, uint32_t id, uint32_t count);
/* Name string index of the set strset_begin returned (n bytes of name, up
 * to the first NUL); an index past the set's count is ignored, and so is a
 * second name for an index (the first stays). */
void strset_put(struct strset_map *m, int set, uint32_t index, const uint8_t *name, size_t n);
/* The set's strings are all put (they may come in any order). */
void strset_end(struct strset_map *m, int set);
/* The name of bit index of set id: the set of scope first, then the one
 * of scope 0; NULL when neither names it.  NUL-terminated, raw bytes
 * from the capture (escape before output). */
const char *strset_name(const struct strset_map *m, uint32_t scope, uint32_t id,
			uint32_t index);
/* The same for many bits of one set: the sets looked up once (a view is
 * good until the map changes), then a name is a binary search. */
struct strset;
struct strset_view {
	const struct strset *own, *shared;
};
struct strset_view strset_view(const struct strset_map *m, uint32_t scope, uint32_t id);
const char *strset_view_name(const struct strset_view *v, uint32_t index);
/* Sets or strings not kept because a bound was reached. */
uint64_t strset_dropped(const struct strset_map *m);
void strset_free(struct strset_map *m);

#endif
