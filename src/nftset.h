/* nftset.h - nftables sets learned from a capture: the elements of the
 * anonymous sets a rule's lookup names ("__set0", or "__set%d" with a set
 * id inside a request's batch), so the rule reads as nft prints it
 * (`tcp dport { 22, 80, 443 }`).
 *
 * Keyed by family, table and name (and the set id when the name is still
 * a template).  Bounded: at most NFTSET_SETS sets (the oldest one is
 * reused), NFTSET_ELEMS elements in one set (more marks the set
 * incomplete: a rule naming it is not rendered from it), keys and data of
 * at most NFTSET_KEY bytes.  Created on first use (the run state starts
 * with a NULL map).  Learned in capture order: a set created again (a
 * request's template, or another handle) starts empty.
 */
#ifndef NLDUMP_NFTSET_H
#define NLDUMP_NFTSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NFTSET_SETS 64
#define NFTSET_ELEMS 256
#define NFTSET_KEY 64		/* NFT_DATA_VALUE_MAXLEN */
#define NFTSET_NAME 64

struct nftset_elem {
	uint8_t klen, dlen;	/* bytes of key and of data (0: no data) */
	bool verdict;		/* the data is a verdict: code, chain in data */
	bool interval_end;	/* NFT_SET_ELEM_INTERVAL_END */
	int32_t code;		/* the verdict's code */
	uint8_t key[NFTSET_KEY];
	uint8_t data[NFTSET_KEY];	/* a value, or a verdict's chain name */
};

struct nftset {
	uint8_t family;
	uint32_t id;		/* a template name's set id, else 0 */
	char table[NFTSET_NAME], name[NFTSET_NAME];
	uint32_t flags;		/* NFT_SET_* of the set's creation */
	uint64_t handle;	/* the kernel's handle, 0: not said */
	bool incomplete;	/* elements were not all kept */
	uint64_t age;
	unsigned n;
	struct nftset_elem elem[NFTSET_ELEMS];
};

struct nftset_map;

/* The set (family, table, name[, id]); created when absent, emptied when
 * reset.  NULL: a name too long, or memory short. */
struct nftset *nftset_open(struct nftset_map **m, uint8_t family, const uint8_t *table,
			   size_t tn, const uint8_t *name, size_t nn, uint32_t id, bool reset);
/* The set, or NULL when not learned. */
const struct nftset *nftset_get(const struct nftset_map *m, uint8_t family,
				const uint8_t *table, size_t tn, const uint8_t *name, size_t nn,
				uint32_t id);
/* A new element of s (zeroed), or NULL when the set is full (it is then
 * incomplete). */
struct nftset_elem *nftset_add(struct nftset *s);
void nftset_free(struct nftset_map *m);

#endif
