/* genlmap.c - the generic netlink family map (see genlmap.h). */
#include "genlmap.h"
#include "hash.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "registry.h"
#include "sbuf.h"

#define GENL_ID_CTRL 0x10

/* Multicast groups: every group of every family is in one open-addressing
 * table keyed by group id (ids are global in the kernel), pointing at the
 * family and the group's place in that family's array.  Linear probing,
 * load at most one half, deletion by moving the rest of the run back. */
struct gslot {
	uint32_t gid;
	uint16_t fam;		/* family id */
	bool used;
	uint32_t idx;		/* index in the family's groups[] */
};

struct genl_map {
	struct genl_family *byid[65536];
	unsigned count;
	struct gslot *gslots;
	size_t gcap;		/* power of two, or 0 */
	size_t gused;
	uint64_t gdropped;	/* groups not kept: GENL_GROUPS_MAX reached */
	uint64_t gprobes, gops;	/* work counters (tests) */
	uint64_t gprobe_max;
	uint8_t ever[65536 / 8];	/* ids that had an entry at some time */
	uint8_t watch[65536 / 8];	/* ids someone waits for (genl_map_watch) */
	unsigned nwatch;
};

/* the slot of gid, or the empty slot where it would go */
static size_t gslot_find(struct genl_map *m, uint32_t gid)
{
	size_t mask = m->gcap - 1, i = mix32(gid) & mask;
	uint64_t probes = 1;

	while (m->gslots[i].used && m->gslots[i].gid != gid) {
		i = (i + 1) & mask;
		probes++;
	}
	m->gprobes += probes;
	m->gops++;
	if (probes > m->gprobe_max)
		m->gprobe_max = probes;
	return i;
}

static bool gslot_grow(struct genl_map *m)
{
	size_t ocap = m->gcap, ncap = ocap ? ocap * 2 : 64;
	struct gslot *old = m->gslots, *ns = calloc(ncap, sizeof(*ns));

	if (!ns)
		return false;
	m->gslots = ns;
	m->gcap = ncap;
	for (size_t i = 0; i < ocap; i++)
		if (old[i].used)
			m->gslots[gslot_find(m, old[i].gid)] = old[i];
	free(old);
	return true;
}

/* remove the slot at i and close the gap (linear probing: later members
 * of the run whose home is at or before the gap move into it) */
static void gslot_remove(struct genl_map *m, size_t i)
{
	size_t mask = m->gcap - 1, j = i;

	m->gslots[i].used = false;
	m->gused--;
	for (;;) {
		j = (j + 1) & mask;
		if (!m->gslots[j].used)
			return;
		size_t home = mix32(m->gslots[j].gid) & mask;
		/* j stays if its home lies cyclically in (i, j] */
		bool stays = i <= j ? (home > i && home <= j) : (home > i || home <= j);
		if (stays)
			continue;
		m->gslots[i] = m->gslots[j];
		m->gslots[j].used = false;
		i = j;
	}
}

/* the slot of gid when it belongs to family fam, else NULL */
static struct gslot *gslot_of(struct genl_map *m, uint32_t gid, uint16_t fam)
{
	if (!m->gcap)
		return NULL;
	struct gslot *s = &m->gslots[gslot_find(m, gid)];
	return s->used && s->fam == fam ? s : NULL;
}

/* take group idx out of family f (the last one moves into its place) */
static void group_remove(struct genl_map *m, struct genl_family *f, unsigned idx)
{
	struct gslot *s = gslot_of(m, f->groups[idx].id, f->id);

	if (s)
		gslot_remove(m, (size_t)(s - m->gslots));
	f->ngroups--;
	if (idx != f->ngroups) {
		f->groups[idx] = f->groups[f->ngroups];
		s = gslot_of(m, f->groups[idx].id, f->id);
		if (s)
			s->idx = idx;
	}
}

static void fam_unhash_groups(struct genl_map *m, struct genl_family *f)
{
	for (unsigned i = 0; i < f->ngroups; i++) {
		struct gslot *s = gslot_of(m, f->groups[i].id, f->id);
		if (s)
			gslot_remove(m, (size_t)(s - m->gslots));
	}
}

static void fam_free(struct genl_family *f)
{
	if (!f)
		return;
	free(f->groups);
	free(f);
}

/* drop the entry of id (its groups leave the group table) */
static void fam_drop(struct genl_map *m, uint16_t id)
{
	struct genl_family *f = m->byid[id];

	fam_unhash_groups(m, f);
	fam_free(f);
	m->byid[id] = NULL;
	m->count--;
}

struct genl_map *genl_map_new(void)
{
	struct genl_map *m = calloc(1, sizeof(*m));

	if (!m)
		return NULL;
	genl_map_set(m, GENL_ID_CTRL, "nlctrl", GENL_SRC_FIXED, false);
	return m;
}

void genl_map_free(struct genl_map *m)
{
	if (!m)
		return;
	for (unsigned i = 0; i < 65536; i++)
		fam_free(m->byid[i]);
	free(m->gslots);
	free(m);
}

const struct genl_family *genl_map_get(const struct genl_map *m, uint16_t id)
{
	return m ? m->byid[id] : NULL;
}

struct genl_family *genl_map_set(struct genl_map *m, uint16_t id, const char *name,
				 enum genl_src src, bool first_only)
{
	struct genl_family *f = m->byid[id];

	if (f) {
		bool same = strncmp(f->name, name, GENL_NAME_MAX) == 0;

		if (first_only && f->src != GENL_SRC_FILE)
			return NULL;
		if (src == GENL_SRC_FILE && f->src != GENL_SRC_FILE)
			return NULL;	/* a stored map never overrides a live source */
		/* a user-given (or the fixed nlctrl) entry keeps its name; the
		 * capture may still refresh the details of the same family */
		if ((f->src == GENL_SRC_USER || f->src == GENL_SRC_FIXED) &&
		    src != GENL_SRC_USER)
			return same ? f : NULL;
		if (same) {
			f->src = (uint8_t)src;
			return f;	/* same family: refresh details */
		}
		fam_drop(m, id);
	}
	f = calloc(1, sizeof(*f));
	if (!f)
		return NULL;
	f->id = id;
	f->src = (uint8_t)src;
	snprintf(f->name, sizeof(f->name), "%s", name);
	f->dis = nl_dissector_for_genl(f->name);
	m->byid[id] = f;
	m->count++;
	m->ever[id / 8] |= (uint8_t)(1u << (id % 8));
	if (m->watch[id / 8] & (1u << (id % 8))) {
		m->watch[id / 8] &= (uint8_t)~(1u << (id % 8));
		m->nwatch--;
	}
	return f;
}

void genl_map_attach(struct genl_map *m, uint16_t id, const struct nl_dissector *dis)
{
	struct genl_family *f = m->byid[id];

	if (f && !f->dis) {
		f->dis = dis;
		f->dis_checked = true;
	}
}

void genl_map_del(struct genl_map *m, uint16_t id, enum genl_src src)
{
	struct genl_family *f = m->byid[id];

	if (!f || f->src == GENL_SRC_FIXED || (f->src == GENL_SRC_USER && src != GENL_SRC_USER))
		return;
	fam_drop(m, id);
}

void genl_map_clear_groups(struct genl_map *m, struct genl_family *f)
{
	fam_unhash_groups(m, f);
	free(f->groups);
	f->groups = NULL;
	f->ngroups = f->gcap = 0;
}

void genl_map_del_group(struct genl_map *m, struct genl_family *f, uint32_t id)
{
	struct gslot *s = gslot_of(m, id, f->id);

	if (s)
		group_remove(m, f, s->idx);
}

void genl_map_add_group(struct genl_map *m, struct genl_family *f, uint32_t id, const char *name)
{
	struct gslot *s = gslot_of(m, id, f->id);

	if (s) {	/* known: a new name */
		snprintf(f->groups[s->idx].name, GENL_NAME_MAX, "%s", name);
		return;
	}
	if (m->gcap) {
		/* a group id is one family's at a time: the newest claim wins */
		struct gslot *o = &m->gslots[gslot_find(m, id)];
		struct genl_family *of = o->used ? m->byid[o->fam] : NULL;
		if (of)
			group_remove(m, of, o->idx);
	}
	if (m->gused >= GENL_GROUPS_MAX) {
		m->gdropped++;
		return;
	}
	if ((m->gused + 1) * 2 > m->gcap && !gslot_grow(m))
		return;
	if (f->ngroups == f->gcap) {
		unsigned ncap = f->gcap ? f->gcap * 2 : 4;
		struct genl_group *g = realloc(f->groups, ncap * sizeof(*g));
		if (!g)
			return;
		f->groups = g;
		f->gcap = ncap;
	}
	struct genl_group *g = &f->groups[f->ngroups];
	g->id = id;
	snprintf(g->name, GENL_NAME_MAX, "%s", name);
	s = &m->gslots[gslot_find(m, id)];
	s->used = true;
	s->gid = id;
	s->fam = f->id;
	s->idx = f->ngroups++;
	m->gused++;
}

const char *genl_map_group(const struct genl_map *m, uint32_t group, char *buf, size_t n)
{
	if (!m->gcap)
		return NULL;
	/* the probe counters are bookkeeping, not the map's contents */
	struct genl_map *w = (struct genl_map *)m;
	const struct gslot *s = &w->gslots[gslot_find(w, group)];
	const struct genl_family *f = s->used ? m->byid[s->fam] : NULL;

	if (!f || s->idx >= f->ngroups)
		return NULL;
	snprintf(buf, n, "%s/%s", f->name, f->groups[s->idx].name);
	return buf;
}

void genl_map_group_work(const struct genl_map *m, struct genl_map_work *w)
{
	w->ops = m->gops;
	w->probes = m->gprobes;
	w->probe_max = m->gprobe_max;
	w->groups = m->gused;
	w->dropped = m->gdropped;
}

uint64_t genl_map_groups_dropped(const struct genl_map *m)
{
	return m->gdropped;
}

bool genl_map_was_mapped(const struct genl_map *m, uint16_t id)
{
	return m->ever[id / 8] & (1u << (id % 8));
}

bool genl_map_watch(struct genl_map *m, uint16_t id)
{
	if (m->byid[id] || (m->watch[id / 8] & (1u << (id % 8))))
		return false;
	m->watch[id / 8] |= (uint8_t)(1u << (id % 8));
	m->nwatch++;
	return true;
}

unsigned genl_map_watching(const struct genl_map *m)
{
	return m->nwatch;
}

void genl_map_unwatch_all(struct genl_map *m)
{
	memset(m->watch, 0, sizeof(m->watch));
	m->nwatch = 0;
}

void genl_map_retag(struct genl_map *m, enum genl_src from, enum genl_src to)
{
	for (unsigned i = 0; i < 65536; i++)
		if (m->byid[i] && m->byid[i]->src == from)
			m->byid[i]->src = (uint8_t)to;
}

unsigned genl_map_count(const struct genl_map *m)
{
	return m->count;
}
