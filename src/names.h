/* names.h - value and bit names for enums and flag words.
 *
 * A table is indexed by value (enums) or by bit number (flags), so a lookup
 * is one bounds check and one load.  Holes are NULL.
 */
#ifndef NLDUMP_NAMES_H
#define NLDUMP_NAMES_H

#include <stddef.h>
#include <stdint.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

struct nl_names {
	unsigned n;
	const char *const *v;
};

#define NL_NAMES(arr) { .n = ARRAY_SIZE(arr), .v = (arr) }

static inline const char *nl_name(const struct nl_names *t, uint64_t v)
{
	if (!t || v >= t->n)
		return NULL;
	return t->v[v];
}

#endif
