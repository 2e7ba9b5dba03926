/* registry.h - finding a dissector by netlink protocol or genl family name.
 * The list itself is dissectors/registry.c: one line per dissector. */
#ifndef NLDUMP_REGISTRY_H
#define NLDUMP_REGISTRY_H

#include "dissect.h"

extern const struct nl_dissector *const nl_dissectors[];
extern const unsigned nl_ndissectors;

const struct nl_dissector *nl_dissector_for_proto(unsigned proto);
const struct nl_dissector *nl_dissector_for_genl(const char *name);

#endif
