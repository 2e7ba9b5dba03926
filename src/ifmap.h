/* ifmap.h - interface index to name, learned from RTM_NEWLINK messages.
 *
 * Open addressing on a mixed hash of the index: lookups and updates are
 * O(1) on average whatever the indexes look like.  Created on first use
 * (the run state starts with a NULL map).  At most IFMAP_MAX interfaces are
 * kept; later new indexes are counted (ifmap_dropped) and not kept.
 */
#ifndef NLDUMP_IFMAP_H
#define NLDUMP_IFMAP_H

#include <stddef.h>
#include <stdint.h>

#define IFMAP_NAME_MAX 16	/* IFNAMSIZ */
#define IFMAP_MAX 262144	/* interfaces kept */

struct ifmap;

/* Set the name of ifindex (creating *m if needed); n bytes of name, at most
 * IFMAP_NAME_MAX - 1 are kept.  Silently does nothing when out of memory. */
void ifmap_set(struct ifmap **m, uint32_t ifindex, const uint8_t *name, size_t n);
/* The name of ifindex, or NULL. */
const char *ifmap_get(const struct ifmap *m, uint32_t ifindex);
void ifmap_free(struct ifmap *m);
/* New interfaces not kept because IFMAP_MAX was reached. */
uint64_t ifmap_dropped(const struct ifmap *m);
/* The work done so far (for tests): lookups (each set and get is one),
 * slots probed in all, the most probed by one lookup. */
struct ifmap_work {
	uint64_t ops, probes, probe_max, entries, dropped;
};
void ifmap_get_work(const struct ifmap *m, struct ifmap_work *w);

#endif
