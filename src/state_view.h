/* state_view.h - --state: the objects a capture leaves behind.
 *
 * A consumer of the walk, like -T paths: a field sink (fieldev.h) that
 * collects each message's fields and, for what the kernel says (replies,
 * dump parts, notifications: never a request), replays NEW/DEL/SET into
 * object tables keyed as the kernel keys them (state_view.c).  The tables
 * are printed at the end, or at a point (--at, --at-frame), in the words
 * and -j shapes of ip, tc, ovs-dpctl and genl (state_ip.c, state_misc.c),
 * or compared between two points (--state-diff, state_out.c).
 *
 * An object keeps copies of its fields ("path\tU\tJSON\n" lines: the
 * path as -T paths says it, the integer value, the value as --json writes
 * it), never pointers into frames.  The table is bounded (SV_MAX_OBJS;
 * what did not fit is counted per class).
 */
#ifndef NLDUMP_STATE_VIEW_H
#define NLDUMP_STATE_VIEW_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "nlcore.h"
#include "sbuf.h"

#define SV_MAX_OBJS 65536	/* objects kept, all classes together */
#define SV_MAX_MSG (64u << 10)	/* bytes of one message's field lines kept */
#define SV_MAX_DUMPS (1u << 20)	/* dumps remembered (partly known objects) */
#define SV_OPEN_DUMPS 64	/* dumps in progress at once */

enum sv_cls {
	SVC_LINK, SVC_ADDR, SVC_ROUTE, SVC_NEIGH, SVC_RULE, SVC_NEXTHOP, SVC_QDISC,
	SVC_OVS_DP, SVC_OVS_VPORT, SVC_OVS_FLOW, SVC_GENL, SVC_N
};

/* A point of the capture: after frame N, or after the last frame at or
 * before a time. */
struct sv_point {
	bool set, by_time;
	uint64_t frame;
	int64_t sec;		/* by_time: seconds since the epoch ... */
	uint32_t nsec;
	bool tod;		/* ... or a time of day (HH:MM:SS), on the first frame's date */
};

struct sv_obj {
	char *key;		/* the kernel's key, its values joined by '|' */
	char *fields;		/* "path\tU\tJSON\n" lines, or NULL once deleted */
	uint64_t frame;		/* the frame that last changed it */
	uint64_t order;		/* when first seen */
	uint32_t dump;		/* index + 1 of the dump it came from, or 0 */
	uint32_t hnext;		/* hash chain: index + 1 */
	uint8_t cls;
	bool seen_whole;	/* known from a NEW/SET, not only a deletion */
};

struct sv_dump {
	uint64_t tag;		/* protocol, port id, sequence number */
	bool done, intr;
};

/* Live objects at a point (--state-diff): copies. */
struct sv_snap_obj {
	uint8_t cls;
	bool partial;
	char *key, *fields;
};

struct sv_snap {
	struct sv_snap_obj *v;
	uint32_t n;
	uint64_t frame;		/* the last frame applied */
};

struct state_view {
	struct nl_fsink fs;	/* the run's sink (st->fs points here) */
	FILE *out;
	bool json;
	/* the frame being decoded (the driver's before hook) */
	uint64_t fno, last_applied;
	uint64_t upto;		/* the last frame before the point (or the last one) */
	int64_t sec, first_sec;
	uint32_t nsec;
	bool have_first;
	uint16_t proto;
	uint8_t dir;
	/* the message being collected */
	bool in_msg, skip;
	uint64_t mframe;
	unsigned mindex;
	char mtype[32], family[32];
	uint32_t mflags, seq, pid;
	struct sbuf msg;
	/* the points: --at (a), --state-diff (a, b) */
	struct sv_point a, b;
	bool diff, frozen, snapped;
	struct sv_snap snap_a;
	/* the tables */
	struct sv_obj *o;
	uint32_t n, cap;
	uint32_t *hash;		/* index + 1 of a chain's first object */
	uint32_t hsize;
	uint64_t dropped[SVC_N];
	uint64_t next_order;
	struct sv_dump *dumps;
	uint32_t ndumps, dcap;
	uint32_t open[SV_OPEN_DUMPS];	/* index + 1 of dumps in progress */
	unsigned open_next;
	uint64_t dumps_dropped;
};

void state_view_init(struct state_view *s, FILE *out, bool json);
/* A frame is about to be decoded (the frames layer's before hook). */
void state_view_frame(struct state_view *s, const struct nl_frame *f);
/* The end of the input: print the tables (or the difference). */
bool state_view_finish(struct state_view *s);
void state_view_fini(struct state_view *s);

/* "N" (a frame number) or a time ("S.frac" since the epoch, or
 * "HH:MM:SS[.frac]"); false when it is neither. */
bool sv_point_parse(const char *s, struct sv_point *p);

/* ---- shared by the state_*.c files ---- */

/* The JSON value of the first line of fields at path (n: its length) and
 * its integer value; NULL when absent.  from: a line start to search from
 * (repeated attributes), or NULL. */
const char *sv_get(const char *fields, const char *path, size_t *n, uint64_t *u);
/* The line after the one sv_get found (for the next occurrence). */
const char *sv_after(const char *val);
bool sv_has(const char *fields, const char *path);
/* The integer value of path, or dflt. */
uint64_t sv_u(const char *fields, const char *path, uint64_t dflt);
/* A JSON string value's text, without quotes, into b (escapes kept). */
void sv_put_unquoted(struct sbuf *b, const char *val, size_t n);
bool sv_partial(const struct state_view *s, const struct sv_obj *o);
/* A link's fields by its index, from the links table, or NULL. */
const char *sv_link(const struct state_view *s, uint64_t ifindex);
/* The name of a link by its index, from the links table, or NULL. */
const char *sv_ifname(const struct state_view *s, uint64_t ifindex, size_t *n);

/* One object of a class in its tool's -j shape / text (state_ip.c, state_misc.c). */
void sv_json_obj(const struct state_view *s, struct sbuf *b, uint8_t cls, const char *fields);
void sv_text_obj(const struct state_view *s, struct sbuf *b, uint8_t cls, const char *fields);
/* Addresses go under their link (ip -j addr): one link's entry. */
void sv_json_addr_link(const struct state_view *s, struct sbuf *b, uint64_t ifindex,
		       const char *link_fields);
extern const char *const sv_cls_name[SVC_N];
extern const char *const sv_cls_title[SVC_N];

/* Print the tables (state_out.c). */
void sv_print(struct state_view *s, struct sbuf *b);
void sv_print_diff(struct state_view *s, struct sbuf *b);
void sv_snap_take(struct state_view *s, struct sv_snap *sn);
void sv_snap_free(struct sv_snap *sn);

#endif
