/* nftset.c - nftables sets learned from a capture (see nftset.h). */
#include <stdlib.h>
#include <string.h>

#include "nftset.h"

struct nftset_map {
	uint64_t clock;
	struct nftset *set[NFTSET_SETS];
};

static bool is_template(const uint8_t *name, size_t nn)
{
	return memchr(name, '%', nn) != NULL;
}

static bool same(const struct nftset *s, uint8_t family, const uint8_t *table, size_t tn,
		 const uint8_t *name, size_t nn, uint32_t id)
{
	return s && s->family == family && strlen(s->table) == tn &&
	       !memcmp(s->table, table, tn) && strlen(s->name) == nn &&
	       !memcmp(s->name, name, nn) && (!is_template(name, nn) || s->id == id);
}

static int find(const struct nftset_map *m, uint8_t family, const uint8_t *table, size_t tn,
		const uint8_t *name, size_t nn, uint32_t id)
{
	for (int i = 0; i < NFTSET_SETS; i++)
		if (same(m->set[i], family, table, tn, name, nn, id))
			return i;
	return -1;
}

struct nftset *nftset_open(struct nftset_map **mp, uint8_t family, const uint8_t *table,
			   size_t tn, const uint8_t *name, size_t nn, uint32_t id, bool reset)
{
	struct nftset_map *m = *mp;
	int i;

	if (tn >= NFTSET_NAME || nn >= NFTSET_NAME)
		return NULL;
	if (!m) {
		m = calloc(1, sizeof(*m));
		if (!m)
			return NULL;
		*mp = m;
	}
	i = find(m, family, table, tn, name, nn, id);
	if (i < 0) {
		/* a free slot, else the oldest set */
		i = 0;
		for (int j = 0; j < NFTSET_SETS; j++) {
			if (!m->set[j]) {
				i = j;
				break;
			}
			if (m->set[j]->age < m->set[i]->age)
				i = j;
		}
		if (!m->set[i])
			m->set[i] = malloc(sizeof(*m->set[i]));
		if (!m->set[i])
			return NULL;
		reset = true;
	}
	struct nftset *s = m->set[i];
	if (reset) {
		s->family = family;
		s->id = is_template(name, nn) ? id : 0;
		memcpy(s->table, table, tn);
		s->table[tn] = 0;
		memcpy(s->name, name, nn);
		s->name[nn] = 0;
		s->flags = 0;
		s->handle = 0;
		s->incomplete = false;
		s->n = 0;
	}
	s->age = ++m->clock;
	return s;
}

const struct nftset *nftset_get(const struct nftset_map *m, uint8_t family,
				const uint8_t *table, size_t tn, const uint8_t *name, size_t nn,
				uint32_t id)
{
	int i = m ? find(m, family, table, tn, name, nn, id) : -1;

	return i < 0 ? NULL : m->set[i];
}

struct nftset_elem *nftset_add(struct nftset *s)
{
	if (s->n >= NFTSET_ELEMS) {
		s->incomplete = true;
		return NULL;
	}
	struct nftset_elem *e = &s->elem[s->n++];
	memset(e, 0, sizeof(*e));
	return e;
}

void nftset_free(struct nftset_map *m)
{
	if (!m)
		return;
	for (int i = 0; i < NFTSET_SETS; i++)
		free(m->set[i]);
	free(m);
}
