/* registry.c - lookups over the const dissector list. */
#include <string.h>

#include "registry.h"

/* A walk of the list (a handful of lines): nothing to build or keep. */
const struct nl_dissector *nl_dissector_for_proto(unsigned proto)
{
	for (unsigned i = 0; i < nl_ndissectors; i++)
		if (nl_dissectors[i]->proto >= 0 && (unsigned)nl_dissectors[i]->proto == proto)
			return nl_dissectors[i];
	return NULL;
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
