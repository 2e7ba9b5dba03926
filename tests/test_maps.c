/* test_maps.c - the lookup tables stay O(1) on hostile inputs: the work
 * (slots probed per lookup) is counted, not timed.
 *
 *  - 131,072 multicast groups in one family (a crafted nlctrl stream), and
 *    group ids of the form k << 16;
 *  - interface indexes of the form k << 16 (all in one slot of a table
 *    that keeps the low bits of index * odd constant);
 *  - the caps (GENL_GROUPS_MAX, IFMAP_MAX): what is past them is counted
 *    and dropped, what is before them stays;
 *  - group add / delete / clear / move against a plain reference list.
 */
#include "t.h"

#include "genlmap.h"
#include "ifmap.h"
#include "strset.h"

/* average and worst probes per lookup of the work done between a and b */
static void probes_bounded(const char *what, uint64_t ops, uint64_t probes, uint64_t max,
			   double avg_limit, uint64_t max_limit)
{
	double avg = ops ? (double)probes / (double)ops : 0;

	fprintf(stderr, "%s: %llu lookups, %.2f probes on average, %llu at most\n", what,
		(unsigned long long)ops, avg, (unsigned long long)max);
	CHECK(ops > 0);
	CHECK(avg <= avg_limit);
	CHECK(max <= max_limit);
}

static void groups_many(uint32_t (*gid_of)(uint32_t), unsigned n, const char *what)
{
	struct genl_map *m = genl_map_new();
	struct genl_family *f = genl_map_set(m, 0x20, "hostile", GENL_SRC_CAPTURE, false);
	struct genl_map_work w;
	char name[GENL_NAME_MAX], buf[80], want[80];

	CHECK(f != NULL);
	if (!f)
		return;
	for (uint32_t i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "g%u", i);
		genl_map_add_group(m, f, gid_of(i), name);
	}
	genl_map_group_work(m, &w);
	CHECK_EQ(w.groups, n);
	CHECK_EQ(f->ngroups, n);
	probes_bounded(what, w.ops, w.probes, w.probe_max, 3.0, 64);
	/* and every group is found */
	uint64_t ops0 = w.ops, probes0 = w.probes;
	unsigned found = 0;
	for (uint32_t i = 0; i < n; i++) {
		snprintf(want, sizeof(want), "hostile/g%u", i);
		if (genl_map_group(m, gid_of(i), buf, sizeof(buf)) && !strcmp(buf, want))
			found++;
	}
	CHECK_EQ(found, n);
	genl_map_group_work(m, &w);
	probes_bounded(what, w.ops - ops0, w.probes - probes0, w.probe_max, 3.0, 64);
	/* a NEWFAMILY that lists them all again: clear + add, still linear */
	genl_map_clear_groups(m, f);
	genl_map_group_work(m, &w);
	CHECK_EQ(w.groups, 0);
	genl_map_free(m);
}

static uint32_t seq_id(uint32_t i) { return i + 1; }
static uint32_t high_id(uint32_t i) { return (i + 1) << 16 | (i >> 16); }

static void groups_cap(void)
{
	struct genl_map *m = genl_map_new();
	struct genl_family *f = genl_map_set(m, 0x20, "big", GENL_SRC_CAPTURE, false);
	struct genl_map_work w;
	char buf[80];

	for (uint32_t i = 1; i <= GENL_GROUPS_MAX + 10; i++)
		genl_map_add_group(m, f, i, "x");
	genl_map_group_work(m, &w);
	CHECK_EQ(w.groups, GENL_GROUPS_MAX);
	CHECK_EQ(genl_map_groups_dropped(m), 10);
	CHECK(genl_map_group(m, 1, buf, sizeof(buf)) != NULL);
	CHECK(genl_map_group(m, GENL_GROUPS_MAX, buf, sizeof(buf)) != NULL);
	CHECK(genl_map_group(m, GENL_GROUPS_MAX + 1, buf, sizeof(buf)) == NULL);
	probes_bounded("groups up to the cap", w.ops, w.probes, w.probe_max, 3.0, 64);
	/* deleting the family frees its groups' room */
	genl_map_del(m, 0x20, GENL_SRC_CAPTURE);
	genl_map_group_work(m, &w);
	CHECK_EQ(w.groups, 0);
	CHECK(genl_map_group(m, 1, buf, sizeof(buf)) == NULL);
	genl_map_free(m);
}

/* adds, deletes, clears and moves between two families, checked after
 * every step against a plain array (ids in a small range: long runs in
 * the table, many deletions inside them) */
static void groups_reference(void)
{
	enum { IDS = 300, STEPS = 20000 };
	static int owner[IDS];	/* 0: none, else family id */
	struct genl_map *m = genl_map_new();
	struct genl_family *fa = genl_map_set(m, 0x30, "fa", GENL_SRC_CAPTURE, false);
	struct genl_family *fb = genl_map_set(m, 0x31, "fb", GENL_SRC_CAPTURE, false);
	uint32_t r = 12345;
	unsigned bad = 0;
	char buf[80], want[80];

	memset(owner, 0, sizeof(owner));
	for (int step = 0; step < STEPS; step++) {
		r = r * 1103515245u + 12345u;
		uint32_t id = (r >> 8) % IDS;
		unsigned op = (r >> 20) % 100;
		struct genl_family *f = (r >> 28) & 1 ? fb : fa;
		if (op < 55) {
			genl_map_add_group(m, f, id * 64, f->name);	/* same low bits */
			owner[id] = f->id;
		} else if (op < 99) {
			genl_map_del_group(m, f, id * 64);
			if (owner[id] == f->id)
				owner[id] = 0;
		} else {
			genl_map_clear_groups(m, f);
			for (int i = 0; i < IDS; i++)
				if (owner[i] == f->id)
					owner[i] = 0;
		}
		for (uint32_t i = 0; i < IDS; i++) {
			const char *got = genl_map_group(m, i * 64, buf, sizeof(buf));
			if (owner[i])
				snprintf(want, sizeof(want), "%s/%s", owner[i] == 0x30 ? "fa" : "fb",
					 owner[i] == 0x30 ? "fa" : "fb");
			if (owner[i] ? !got || strcmp(got, want) : got != NULL)
				bad++;
		}
		unsigned na = 0, nb = 0;
		for (int i = 0; i < IDS; i++) {
			na += owner[i] == 0x30;
			nb += owner[i] == 0x31;
		}
		if (fa->ngroups != na || fb->ngroups != nb)
			bad++;
	}
	CHECK_EQ(bad, 0);
	genl_map_free(m);
}

static void ifmap_many(uint32_t (*idx_of)(uint32_t), unsigned n, const char *what)
{
	struct ifmap *m = NULL;
	struct ifmap_work w;
	char name[IFMAP_NAME_MAX];
	unsigned found = 0;

	for (uint32_t i = 0; i < n; i++) {
		int l = snprintf(name, sizeof(name), "if%u", i);
		ifmap_set(&m, idx_of(i), (const uint8_t *)name, (size_t)l);
	}
	for (uint32_t i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "if%u", i);
		const char *got = ifmap_get(m, idx_of(i));
		found += got && !strcmp(got, name);
	}
	CHECK_EQ(found, n);
	ifmap_get_work(m, &w);
	CHECK_EQ(w.entries, n);
	probes_bounded(what, w.ops, w.probes, w.probe_max, 3.0, 64);
	ifmap_free(m);
}

static uint32_t ifx_high(uint32_t i) { return (i + 1) << 16; }
static uint32_t ifx_seq(uint32_t i) { return i + 1; }
static uint32_t ifx_top(uint32_t i) { return (i % 255 + 1) << 24 | (i / 255); }

static void ifmap_cap(void)
{
	struct ifmap *m = NULL;

	for (uint32_t i = 1; i <= IFMAP_MAX + 5; i++)
		ifmap_set(&m, i, (const uint8_t *)"x", 1);
	CHECK_EQ(ifmap_dropped(m), 5);
	CHECK(ifmap_get(m, 1) != NULL);
	CHECK(ifmap_get(m, IFMAP_MAX) != NULL);
	CHECK(ifmap_get(m, IFMAP_MAX + 1) == NULL);
	/* a known index is still renamed at the cap */
	ifmap_set(&m, 7, (const uint8_t *)"seven", 5);
	CHECK_STR(ifmap_get(m, 7), "seven");
	CHECK_EQ(ifmap_dropped(m), 5);
	ifmap_free(m);
}

/* string sets: names by index, scope before the shared set, a newer
 * reply replacing an older one, any order, duplicates, long names */
static void strset_basic(void)
{
	struct strset_map *m = NULL;
	int s = strset_begin(&m, 0, 4, 3);

	strset_put(m, s, 2, (const uint8_t *)"rx-gro\0junk", 11);
	strset_put(m, s, 0, (const uint8_t *)"tx-sg", 5);
	strset_put(m, s, 0, (const uint8_t *)"second", 6);	/* the first stays */
	strset_put(m, s, 3, (const uint8_t *)"past-count", 10);
	strset_end(m, s);
	CHECK_STR(strset_name(m, 0, 4, 0), "tx-sg");
	CHECK(strset_name(m, 0, 4, 1) == NULL);
	CHECK_STR(strset_name(m, 0, 4, 2), "rx-gro");
	CHECK(strset_name(m, 0, 4, 3) == NULL);
	CHECK(strset_name(m, 0, 5, 0) == NULL);
	/* a device's own set first, the shared one for what it lacks */
	s = strset_begin(&m, 7, 4, 2);
	strset_put(m, s, 0, (const uint8_t *)"mine", 4);
	strset_end(m, s);
	CHECK_STR(strset_name(m, 7, 4, 0), "mine");
	CHECK_STR(strset_name(m, 7, 4, 2), "rx-gro");
	CHECK_STR(strset_name(m, 8, 4, 0), "tx-sg");
	/* replaced: the old names go */
	s = strset_begin(&m, 0, 4, 1);
	strset_put(m, s, 0, (const uint8_t *)"0123456789012345678901234567890123456789", 40);
	strset_end(m, s);
	CHECK_STR(strset_name(m, 0, 4, 0), "01234567890123456789012345678901");
	CHECK(strset_name(m, 0, 4, 2) == NULL);
	CHECK_EQ(strset_dropped(m), 0);
	strset_free(m);
}

/* hostile counts and floods: bounded memory, and a declared count
 * allocates nothing */
static void strset_bounds(void)
{
	struct strset_map *m = NULL;

	for (uint32_t i = 0; i < STRSET_SETS + 3; i++)
		strset_begin(&m, i, 1, UINT32_MAX);
	CHECK_EQ(strset_dropped(m), STRSET_SETS + 3);	/* each count over the bound, 3 sets */
	CHECK(strset_begin(&m, 0, 1, 10) >= 0);	/* a known one is still replaced */
	uint64_t put = 0;
	for (uint32_t set = 1; set <= 40; set++) {	/* scope 0's stays empty */
		int s = strset_begin(&m, set, 1, STRSET_PER_SET);	/* replaces */
		for (uint32_t i = STRSET_PER_SET; i-- > 0; put++)	/* backwards */
			strset_put(m, s, i, (const uint8_t *)"n", 1);
		strset_end(m, s);
	}
	CHECK_EQ(strset_dropped(m), STRSET_SETS + 3 + put - STRSET_TOTAL);
	CHECK_STR(strset_name(m, 1, 1, 0), "n");
	CHECK_STR(strset_name(m, 16, 1, STRSET_PER_SET - 1), "n");
	CHECK(strset_name(m, 17, 1, 0) == NULL);	/* over the total: not kept */
	CHECK(strset_name(m, 40, 1, STRSET_PER_SET - 1) == NULL);
	strset_free(m);
}

int main(void)
{
	groups_many(seq_id, 131072, "131072 groups, ids 1..n");
	groups_many(high_id, 131072, "131072 groups, ids k<<16");
	groups_cap();
	groups_reference();
	ifmap_many(ifx_high, 65535, "65535 interfaces, index k<<16");
	ifmap_many(ifx_seq, 200000, "200000 interfaces, index 1..n");
	ifmap_many(ifx_top, 65535, "65535 interfaces, index k<<24");
	ifmap_cap();
	strset_basic();
	strset_bounds();
	return t_done("test_maps");
}
