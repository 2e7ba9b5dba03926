/* registry.c - lookups over the const dissector list. */
#include <string.h>

#include "registry.h"

#define NPROTO 32

const struct nl_dissector *nl_dissector_for_proto(unsigned proto)
{
	static const struct nl_dissector *byproto[NPROTO];
	static bool built;

	if (!built) {
		for (unsigned i = 0; i < nl_ndissectors; i++) {
			int p = nl_dissectors[i]->proto;
			if (p >= 0 && p < NPROTO && !byproto[p])
				byproto[p] = nl_dissectors[i];
		}
		built = true;
	}
	return proto < NPROTO ? byproto[proto] : NULL;
}

/* Called once per family learned, not per message: the genl map caches it. */
const struct nl_dissector *nl_dissector_for_genl(const char *name)
{
	for (unsigned i = 0; i < nl_ndissectors; i++) {
		const char *g = nl_dissectors[i]->genl_family;
		if (g && !strcmp(g, name))
			return nl_dissectors[i];
	}
	return NULL;
}
