/* strset.c - string sets learned from a capture (see strset.h).
 *
 * The sets are few (STRSET_SETS): a lookup scans them; a set's strings
 * are an array indexed by bit, so naming a bit is one load after that. */
#include <stdlib.h>
#include <string.h>

#include "strset.h"

struct strset {
	uint32_t scope, id, count;
	char (*str)[STRSET_LEN + 1];	/* count entries; "" = unnamed */
};

struct strset_map {
	unsigned n;
	uint64_t total;			/* strings held in all sets */
	uint64_t dropped;
	struct strset sets[STRSET_SETS];
};

static struct strset *find(const struct strset_map *m, uint32_t scope, uint32_t id)
{
	for (unsigned i = 0; m && i < m->n; i++)
		if (m->sets[i].scope == scope && m->sets[i].id == id)
			return (struct strset *)&m->sets[i];
	return NULL;
}

int strset_begin(struct strset_map **mp, uint32_t scope, uint32_t id, uint32_t count)
{
	struct strset_map *m = *mp;

	if (!m && !(m = *mp = calloc(1, sizeof(*m))))
		return -1;
	struct strset *s = find(m, scope, id);
	if (s) {	/* replaced: its strings go */
		m->total -= s->count;
		free(s->str);
		s->str = NULL;
		s->count = 0;
	}
	if (count > STRSET_PER_SET || m->total + count > STRSET_TOTAL ||
	    (!s && m->n == STRSET_SETS)) {
		m->dropped++;
		return s ? (int)(s - m->sets) : -1;	/* an empty set stays */
	}
	if (!s) {
		s = &m->sets[m->n++];
		s->scope = scope;
		s->id = id;
	}
	if (count && !(s->str = calloc(count, sizeof(*s->str))))
		return (int)(s - m->sets);
	s->count = count;
	m->total += count;
	return (int)(s - m->sets);
}

void strset_put(struct strset_map *m, int set, uint32_t index, const uint8_t *name, size_t n)
{
	if (!m || set < 0 || (unsigned)set >= m->n)
		return;
	struct strset *s = &m->sets[set];
	if (index >= s->count)
		return;
	const uint8_t *nul = memchr(name, 0, n);
	if (nul)
		n = (size_t)(nul - name);
	if (n > STRSET_LEN)
		n = STRSET_LEN;
	memcpy(s->str[index], name, n);
	s->str[index][n] = 0;
}

static const char *name_in(const struct strset *s, uint32_t index)
{
	if (!s || index >= s->count || !s->str[index][0])
		return NULL;
	return s->str[index];
}

const char *strset_name(const struct strset_map *m, uint32_t scope, uint32_t id,
			uint32_t index)
{
	const char *nm = scope ? name_in(find(m, scope, id), index) : NULL;

	return nm ? nm : name_in(find(m, 0, id), index);
}

int strset_has(const struct strset_map *m, uint32_t scope, uint32_t id)
{
	return (scope && find(m, scope, id)) || find(m, 0, id);
}

uint64_t strset_dropped(const struct strset_map *m)
{
	return m ? m->dropped : 0;
}

void strset_free(struct strset_map *m)
{
	for (unsigned i = 0; m && i < m->n; i++)
		free(m->sets[i].str);
	free(m);
}
