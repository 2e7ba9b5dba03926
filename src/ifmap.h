/* ifmap.h - interface index to name, learned from RTM_NEWLINK messages.
 *
 * Open addressing on the index: lookups and updates are O(1) on average.
 * Created on first use (the run state starts with a NULL map).
 */
#ifndef NLDUMP_IFMAP_H
#define NLDUMP_IFMAP_H

#include <stddef.h>
#include <stdint.h>

#define IFMAP_NAME_MAX 16	/* IFNAMSIZ */

struct ifmap;

/* Set the name of ifindex (creating *m if needed); n bytes of name, at most
 * IFMAP_NAME_MAX - 1 are kept.  Silently does nothing when out of memory. */
void ifmap_set(struct ifmap **m, uint32_t ifindex, const uint8_t *name, size_t n);
/* The name of ifindex, or NULL. */
const char *ifmap_get(const struct ifmap *m, uint32_t ifindex);
void ifmap_free(struct ifmap *m);

#endif
