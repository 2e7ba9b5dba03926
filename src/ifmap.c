/* ifmap.c - interface index to name (see ifmap.h). */
#include <stdlib.h>
#include <string.h>

#include "ifmap.h"
#include "hash.h"

struct ifslot {
	uint32_t idx;		/* 0 = empty (ifindex 0 is never a device) */
	char name[IFMAP_NAME_MAX];
};

struct ifmap {
	size_t cap;		/* power of two */
	size_t used;
	struct ifslot *slots;
	struct ifmap_work work;
};

static size_t slot_of(struct ifmap *m, uint32_t idx)
{
	size_t i = mix32(idx) & (m->cap - 1);
	uint64_t probes = 1;

	while (m->slots[i].idx && m->slots[i].idx != idx) {
		i = (i + 1) & (m->cap - 1);
		probes++;
	}
	m->work.ops++;
	m->work.probes += probes;
	if (probes > m->work.probe_max)
		m->work.probe_max = probes;
	return i;
}

static int grow(struct ifmap *m)
{
	size_t ncap = m->cap ? m->cap * 2 : 64;
	struct ifslot *old = m->slots;
	size_t ocap = m->cap;
	struct ifslot *ns = calloc(ncap, sizeof(*ns));

	if (!ns)
		return -1;
	m->slots = ns;
	m->cap = ncap;
	for (size_t i = 0; i < ocap; i++)
		if (old[i].idx)
			m->slots[slot_of(m, old[i].idx)] = old[i];
	free(old);
	return 0;
}

void ifmap_set(struct ifmap **mp, uint32_t ifindex, const uint8_t *name, size_t n)
{
	struct ifmap *m = *mp;

	if (!ifindex)
		return;
	if (!m) {
		m = calloc(1, sizeof(*m));
		if (!m)
			return;
		*mp = m;
	}
	if ((m->used + 1) * 2 > m->cap && m->used < IFMAP_MAX && grow(m) < 0)
		return;
	struct ifslot *s = &m->slots[slot_of(m, ifindex)];
	if (!s->idx) {
		if (m->used >= IFMAP_MAX) {
			m->work.dropped++;
			return;
		}
		s->idx = ifindex;
		m->used++;
	}
	if (n > IFMAP_NAME_MAX - 1)
		n = IFMAP_NAME_MAX - 1;
	memcpy(s->name, name, n);
	s->name[n] = 0;
}

const char *ifmap_get(const struct ifmap *m, uint32_t ifindex)
{
	if (!m || !m->cap || !ifindex)
		return NULL;
	/* the work counters are bookkeeping, not the map's contents */
	struct ifmap *w = (struct ifmap *)m;
	const struct ifslot *s = &w->slots[slot_of(w, ifindex)];
	return s->idx ? s->name : NULL;
}

void ifmap_get_work(const struct ifmap *m, struct ifmap_work *w)
{
	if (m) {
		*w = m->work;
		w->entries = m->used;
	} else {
		memset(w, 0, sizeof(*w));
	}
}

uint64_t ifmap_dropped(const struct ifmap *m)
{
	return m ? m->work.dropped : 0;
}

void ifmap_free(struct ifmap *m)
{
	if (!m)
		return;
	free(m->slots);
	free(m);
}
