/* strset.c - string sets learned from a capture (see strset.h).
 *
 * The sets are few (STRSET_SETS): a lookup scans them.  A set's strings
 * are kept as they come, (index, name) entries sorted by index when the
 * set ends, so a bit's name is a binary search. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "strset.h"

struct sentry {
	uint32_t index, seq;	/* seq: the order it came in */
	char s[STRSET_LEN + 1];
};

struct strset {
	uint32_t scope, id, count;	/* count: the indexes it may name */
	uint32_t n, cap;
	bool sorted;
	struct sentry *e;
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
	if (!s && m->n == STRSET_SETS) {
		m->dropped++;
		return -1;
	}
	if (s) {	/* replaced: its strings go */
		m->total -= s->n;
		free(s->e);
	} else {
		s = &m->sets[m->n++];
	}
	*s = (struct strset){ .scope = scope, .id = id, .sorted = true,
			      .count = count < STRSET_PER_SET ? count : STRSET_PER_SET };
	if (count > STRSET_PER_SET)
		m->dropped++;
	return (int)(s - m->sets);
}

void strset_put(struct strset_map *m, int set, uint32_t index, const uint8_t *name, size_t n)
{
	if (!m || set < 0 || (unsigned)set >= m->n)
		return;
	struct strset *s = &m->sets[set];
	if (index >= s->count)
		return;
	if (m->total >= STRSET_TOTAL) {
		m->dropped++;
		return;
	}
	if (s->n == s->cap) {
		uint32_t ncap = s->cap ? s->cap * 2 : 16;
		struct sentry *ne = realloc(s->e, ncap * sizeof(*ne));
		if (!ne)
			return;
		s->e = ne;
		s->cap = ncap;
	}
	const uint8_t *nul = memchr(name, 0, n);
	if (nul)
		n = (size_t)(nul - name);
	if (n > STRSET_LEN)
		n = STRSET_LEN;
	struct sentry *e = &s->e[s->n];
	e->index = index;
	e->seq = s->n;
	memcpy(e->s, name, n);
	e->s[n] = 0;
	if (s->n && s->e[s->n - 1].index >= index)
		s->sorted = false;
	s->n++;
	m->total++;
}

static int by_index(const void *a, const void *b)
{
	const struct sentry *x = a, *y = b;

	if (x->index != y->index)
		return x->index < y->index ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;	/* the first one first */
}

void strset_end(struct strset_map *m, int set)
{
	if (!m || set < 0 || (unsigned)set >= m->n)
		return;
	struct strset *s = &m->sets[set];
	if (s->sorted || !s->n)
		return;
	qsort(s->e, s->n, sizeof(*s->e), by_index);
	s->sorted = true;
}

static const char *name_in(const struct strset *s, uint32_t index)
{
	if (!s || !s->sorted)
		return NULL;
	uint32_t lo = 0, hi = s->n;
	while (lo < hi) {	/* the first entry with this index */
		uint32_t mid = lo + (hi - lo) / 2;
		if (s->e[mid].index < index)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == s->n || s->e[lo].index != index || !s->e[lo].s[0])
		return NULL;
	return s->e[lo].s;
}

struct strset_view strset_view(const struct strset_map *m, uint32_t scope, uint32_t id)
{
	struct strset_view v = { scope ? find(m, scope, id) : NULL, find(m, 0, id) };

	return v;
}

const char *strset_view_name(const struct strset_view *v, uint32_t index)
{
	const char *nm = name_in(v->own, index);

	return nm ? nm : name_in(v->shared, index);
}

const char *strset_name(const struct strset_map *m, uint32_t scope, uint32_t id,
			uint32_t index)
{
	struct strset_view v = strset_view(m, scope, id);

	return strset_view_name(&v, index);
}

uint64_t strset_dropped(const struct strset_map *m)
{
	return m ? m->dropped : 0;
}

void strset_free(struct strset_map *m)
{
	for (unsigned i = 0; m && i < m->n; i++)
		free(m->sets[i].e);
	free(m);
}
