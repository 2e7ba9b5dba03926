/* genlmap.h - generic netlink family ids to names.
 *
 * Family ids are handed out at run time.  The map is learned from nlctrl
 * NEWFAMILY/DELFAMILY messages in the capture, given by the user (-G,
 * --genl-map), or asked of the running kernel.  Lookups are O(1): the id
 * indexes a table.  Multicast groups are found by id through a hash table
 * (O(1) on average); at most GENL_GROUPS_MAX groups are kept in all, later
 * ones are counted (genl_map_groups_dropped) and not kept.
 */
#ifndef NLDUMP_GENLMAP_H
#define NLDUMP_GENLMAP_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct nl_dissector;

enum genl_src {
	GENL_SRC_FIXED = 0,	/* nlctrl's own id 0x10 */
	GENL_SRC_CAPTURE,	/* learned from the capture */
	GENL_SRC_USER,		/* -G / --genl-map: wins over the capture */
	GENL_SRC_KERNEL,	/* asked of the running kernel (like the capture) */
	GENL_SRC_FILE,		/* stored in the capture file by nldump -w:
				 * below the capture's own nlctrl messages and -G */
};

#define GENL_NAME_MAX 32
#define GENL_GROUPS_MAX 262144	/* multicast groups kept, all families */

struct genl_group {
	uint32_t id;
	char name[GENL_NAME_MAX];
};

struct genl_family {
	uint16_t id;
	uint8_t src;		/* enum genl_src */
	char name[GENL_NAME_MAX];
	uint32_t version, hdrsize, maxattr;
	bool have_hdrsize;
	const struct nl_dissector *dis;	/* cached dissector, or NULL */
	bool dis_checked;	/* the specs were asked (genl_map_attach) */
	unsigned ngroups, gcap;
	struct genl_group *groups;
};

struct genl_map;

struct genl_map *genl_map_new(void);
void genl_map_free(struct genl_map *m);
const struct genl_family *genl_map_get(const struct genl_map *m, uint16_t id);
/* genl_map_set - map id to name; the caller fills in the details.
 * A capture-learned entry never replaces a user-given one (nor nlctrl's):
 * for the same name it returns the existing entry (details may be
 * refreshed), for another name NULL.  A stored (FILE) entry replaces
 * nothing and is replaced by any other source.  With first_only, an
 * existing entry other than a stored one is kept and NULL returned (the
 * pre-pass: first mapping seen wins). */
struct genl_family *genl_map_set(struct genl_map *m, uint16_t id, const char *name,
				 enum genl_src src, bool first_only);
void genl_map_del(struct genl_map *m, uint16_t id, enum genl_src src);
/* genl_map_attach - the dissector a spec gives id's family (NULL: none);
 * asked once per entry */
void genl_map_attach(struct genl_map *m, uint16_t id, const struct nl_dissector *dis);
/* Groups of family f (an entry of m).  A group id belongs to one family at
 * a time (the kernel's ids are global): adding it to f takes it from any
 * other family.  Past GENL_GROUPS_MAX groups, new ones are dropped. */
void genl_map_add_group(struct genl_map *m, struct genl_family *f, uint32_t id,
			const char *name);
void genl_map_del_group(struct genl_map *m, struct genl_family *f, uint32_t id);
/* forget a family's groups (a NEWFAMILY lists them all) */
void genl_map_clear_groups(struct genl_map *m, struct genl_family *f);
/* "family/group" of a multicast group id, or NULL */
const char *genl_map_group(const struct genl_map *m, uint32_t group, char *buf, size_t n);
/* groups not kept because GENL_GROUPS_MAX was reached */
uint64_t genl_map_groups_dropped(const struct genl_map *m);
/* The work done by the group table so far (for tests): lookups (every
 * add, delete and find does at least one), slots probed in all, the most
 * probed by one lookup. */
struct genl_map_work {
	uint64_t ops, probes, probe_max, groups, dropped;
};
void genl_map_group_work(const struct genl_map *m, struct genl_map_work *w);

/* Whether id ever had an entry in this run (a family the capture deleted
 * is not "never heard of"). */
bool genl_map_was_mapped(const struct genl_map *m, uint16_t id);
/* Waiting for ids: genl_map_watch marks an id without an entry (true if it
 * was not marked yet); an entry made for it unmarks it.  genl_map_watching
 * says how many are still waited for.  All O(1). */
bool genl_map_watch(struct genl_map *m, uint16_t id);
unsigned genl_map_watching(const struct genl_map *m);
void genl_map_unwatch_all(struct genl_map *m);
/* Parse "NAME=ID" (ID decimal or 0x hex); false on a bad spec. */
bool genl_map_parse_spec(struct genl_map *m, const char *spec);
/* Map files: lines "NAME ID" / "NAME=ID" / "ID NAME" ('#' starts a comment,
 * of any length), or the output of `genl ctrl list`; at most
 * GENL_MAP_FILE_MAX bytes, no NUL bytes, no two lines giving one id two
 * names or one name two ids.  The whole file is checked before the map
 * changes (user entries).
 * genl_map_load_file - open, check and load path (a directory is refused;
 * a pipe is read up to the limit).  Returns the mappings loaded, or -1
 * with "PATH:LINE: what 'text'" or "PATH: what" in err (escaped).
 * genl_map_load_text - the same from n bytes in memory (modified; room for
 * n + 1 bytes); path names it in errors. */
#define GENL_MAP_FILE_MAX (1u << 20)
int genl_map_load_file(struct genl_map *m, const char *path, char *err, size_t errlen);
int genl_map_load_text(struct genl_map *m, char *text, size_t n, const char *path,
		       char *err, size_t errlen);
/* genl_map_retag - every entry of source from becomes source to. */
void genl_map_retag(struct genl_map *m, enum genl_src from, enum genl_src to);
/* genl_map_to_text - the map as text, one family a line:
 * "ID NAME version:N maxattr:N [hdrsize:N] [GROUP_ID=GROUP_NAME ...]" (ID in
 * hex), malloc'd and NUL-terminated;
 * NULL when out of memory. */
char *genl_map_to_text(const struct genl_map *m);
/* genl_map_from_text - load lines made by genl_map_to_text with source src;
 * returns families loaded (bad lines are skipped). */
int genl_map_from_text(struct genl_map *m, const char *text, enum genl_src src);
/* Number of mapped ids. */
unsigned genl_map_count(const struct genl_map *m);

#endif
