/* stats_priv.h - what the stats*.c files share: the tables, the report's
 * table writer and its sections; not for other modules. */
#ifndef NLDUMP_STATS_PRIV_H
#define NLDUMP_STATS_PRIV_H

#include "sbuf.h"
#include "stats.h"

/* A bounded hash table of entries of esize bytes, each starting with its
 * key (uint64_t, never 0: the table marks it); open addressing, at most
 * max entries (half the slots).  What does not fit is counted apart. */
struct stab {
	uint64_t *keys;		/* by slot, apart: a lookup reads only them */
	unsigned char *ents;
	size_t esize;
	uint64_t last_key;	/* the last lookup's (runs of one key are common) */
	void *last;
	uint32_t mask, n, max;
	uint64_t over_msgs, over_bytes;	/* the messages of entries not kept */
};

/* a message type, by protocol, type, command and class (the names of a
 * type differ by direction and for notifications) */
struct st_type {
	uint64_t key;
	uint64_t msgs, bytes, copies;
	uint8_t proto;
	char family[40], name[96];
	struct st_fam *fam;	/* its generic netlink family's entry, or NULL */
};

/* a generic netlink family by id */
struct st_fam {
	uint64_t key;
	uint64_t msgs, bytes;
	uint16_t id;
	char name[40];
};

/* errors by protocol, code and the request they echo */
struct st_err {
	uint64_t key;
	uint64_t n;
	uint8_t proto;
	int32_t err;
	char request[96];
};

/* notifications by protocol and multicast group (0: not known) */
struct st_group {
	uint64_t key;
	uint64_t msgs, bytes;
	uint8_t proto;
	uint32_t group;
};

/* port ids by protocol */
struct st_port {
	uint64_t key;
	uint64_t to_kernel, to_user, bytes;
	uint8_t proto;
	uint32_t pid;
};

#define STATS_PROTOS 32	/* netlink protocols: 0..31, the rest together */

struct stats {
	struct nl_msgtap tap;
	struct {
		uint64_t msgs, bytes, copies;
	} proto[STATS_PROTOS + 1];
	uint64_t msgs, bytes, copy_msgs, notifications;
	uint64_t ports_over_kernel;	/* of the ports not kept: to the kernel */
	struct stab types, fams, errs, groups, ports;
	/* the entries of the message want_names looked up, for msg */
	struct st_type *cur_type;
	struct st_fam *cur_fam;
	struct st_err *cur_err;
	bool fresh_type, fresh_fam, fresh_err;
};

/* ---- the report ---- */

/* a table's column: its JSON key, its text title, a number or a text */
struct stats_col {
	const char *key, *title;
	bool num;
};

struct stats_out {
	bool json;
	struct sbuf *out;
	unsigned nsec;		/* sections written */
	/* the table being written */
	const struct stats_col *cols;
	unsigned ncols, cell;
	bool object;		/* key-value pairs, not rows */
	struct sbuf cells;	/* text: every cell, NUL-separated */
	size_t ncells;
};

void so_table_begin(struct stats_out *o, const char *key, const char *title,
		    const struct stats_col *cols, unsigned ncols);
void so_object_begin(struct stats_out *o, const char *key, const char *title);
/* the next cell: a text (NULL: none), wire text (escaped), a number */
void so_str(struct stats_out *o, const char *s);
void so_u64(struct stats_out *o, uint64_t v);
void so_i64(struct stats_out *o, int64_t v);
/* a time in microseconds, to a tenth */
void so_us(struct stats_out *o, double us);
/* in an object: a member */
void so_kv_u64(struct stats_out *o, const char *key, uint64_t v);
void so_kv_null(struct stats_out *o, const char *key);
void so_end(struct stats_out *o);

/* what a section reads */
struct stats_ctx {
	const struct stats *s;
	const struct nlstate *st;
	const struct stats_totals *t;
	bool every;		/* every section (--stats), not -z NAME */
};

/* a report section: -z NAME, written by one function (a section of its
 * own: a row in stats_sections[], stats_report.c) */
struct stats_section {
	const char *name;
	void (*write)(const struct stats_ctx *c, struct stats_out *o);
};

/* the sections of the transactions (stats_txn.c) */
void stats_sec_txn(const struct stats_ctx *c, struct stats_out *o);
void stats_sec_dumps(const struct stats_ctx *c, struct stats_out *o);
void stats_sec_latency(const struct stats_ctx *c, struct stats_out *o);
void stats_sec_unanswered(const struct stats_ctx *c, struct stats_out *o);
/* the section ovs-flows (stats_ovsflow.c) */
void stats_sec_ovs_flows(const struct stats_ctx *c, struct stats_out *o);

/* the entries of a table, as an array the caller frees (NULL when none or
 * out of memory: *n is 0) */
void *stab_list(const struct stab *t, size_t *n);

#endif
