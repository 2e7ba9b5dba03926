/* emit.h - the one output API.  Dissectors and the core describe what they
 * decode through these calls; the backend turns it into a one-line summary,
 * an indented tree (-v) or one JSON object per message (--json).
 *
 * Keys are static strings (policy names) or NULL inside lists.  Values from
 * the wire go through emit_str(), which escapes them for text and makes
 * them valid UTF-8 for JSON.  A dissector never prints.
 */
#ifndef NLDUMP_EMIT_H
#define NLDUMP_EMIT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "names.h"
#include "sbuf.h"

enum emit_mode {
	EMIT_LINE,	/* one summary line per message */
	EMIT_TREE,	/* summary line + every field, indented */
	EMIT_JSON,	/* NDJSON */
	EMIT_COUNT,	/* nothing per message (-q) */
};

enum emit_fmt {
	EF_DEC = 0,
	EF_HEX,		/* 0x1f */
	EF_OCT,
};

enum emit_addr {
	EA_MAC,		/* any length, colon-separated hex */
	EA_IPV4,
	EA_IPV6,
};

#define EMIT_MAX_DEPTH 32
/* -v: a structure of at most this many plain values is folded onto one line */
#define EMIT_FOLD_MAX 16
#define EMIT_PROBLEMS 8	/* problems of a message kept for emit_problem */

struct emit_frame {
	const char *key;
	int idx;		/* list index, or -1 */
	bool list;
	bool first;		/* JSON: nothing written in it yet */
	bool wrapped;		/* JSON: a keyed item of a list, {"key": ...} */
	/* -v: a structure of plain values is folded onto its key's line;
	 * its members are written folded, " k v", as long as it may be
	 * folded, and laid out one a line again when it turns out it may not */
	size_t tstart;		/* where its children's lines start in tree */
	unsigned nscalar;
	bool set;		/* attribute set or list item: never folded */
	bool complex;		/* has nested containers or markers */
	bool folding;		/* members written folded */
	uint32_t mpos[EMIT_FOLD_MAX];	/* folding: where each member starts */
	uint32_t msep[EMIT_FOLD_MAX];	/* and where its ": " was, from there (0: none) */
};

struct emitter {
	enum emit_mode mode;
	bool numeric;		/* -n: numbers instead of names (text modes only:
				 * JSON keeps names and numbers side by side) */
	bool hexdump;		/* -x */
	FILE *out;
	struct sbuf outbuf;	/* whole messages not written out yet */

	struct sbuf line;	/* the summary line of the current message */
	struct sbuf tree;	/* -v body */
	struct sbuf tmp;
	struct sbuf unfold;	/* -v: a folded structure's members, laid out again */
	bool sum_next;		/* the next scalar also goes to the summary */
	int sum_muted;		/* > 0: summary calls are ignored (echoed requests) */
	const char *sum_label;

	int depth;
	int overflow;		/* levels begun past EMIT_MAX_DEPTH */
	struct emit_frame st[EMIT_MAX_DEPTH];
	size_t msg_mark;	/* JSON: where this message starts in the output */
	struct sbuf jmal, jtrunc, jdups;	/* JSON: lists closing the object */

	unsigned n_malformed;	/* in this message */
	unsigned n_truncated;
	unsigned n_unknown;
	struct sbuf first_problem;
	/* the first EMIT_PROBLEMS of this message, for emit_problem */
	struct emit_prec {
		bool truncated;
		size_t off;
		uint32_t at, why;	/* in ptext, NUL-terminated */
	} prob[EMIT_PROBLEMS];
	unsigned nprob;
	struct sbuf ptext;

	/* totals over the run */
	uint64_t tot_malformed, tot_truncated, tot_unknown;
};

void emit_init(struct emitter *e, enum emit_mode mode, FILE *out);
void emit_fini(struct emitter *e);

/* A message: begin, describe, end (which writes it out). */
void emit_msg_begin(struct emitter *e);
void emit_msg_end(struct emitter *e);
/* End the message being built without writing it (a display filter
 * did not keep it); its problems are not counted in the totals. */
void emit_msg_skip(struct emitter *e);
/* The problems (malformed, truncated) of the message being built, in
 * the order they were met, as JSON lists them: the path of the member
 * (at), the byte offset and the reason; false past the last one or past
 * the first EMIT_PROBLEMS. */
struct emit_problem {
	bool truncated;
	size_t off;
	const char *at, *why;
};
bool emit_problem(const struct emitter *e, unsigned i, struct emit_problem *p);
/* Drop the message being built (used for folding copies). */
void emit_msg_discard(struct emitter *e);

/* A structure: fixed members (a header, a struct attribute, a record).
 * -v folds it onto one line when its members are all plain values. */
void emit_obj_begin(struct emitter *e, const char *key);
/* An object whose members vary with the message (a set of attributes):
 * the same as emit_obj_begin in JSON, one member per line in -v. */
void emit_set_begin(struct emitter *e, const char *key);
void emit_obj_end(struct emitter *e);
void emit_list_begin(struct emitter *e, const char *key);
void emit_list_end(struct emitter *e);
/* A list item that is an object with an index (nested arrays; -v shows
 * it one member per line, as a set). */
void emit_item_begin(struct emitter *e, int idx);

void emit_uint(struct emitter *e, const char *key, uint64_t v, enum emit_fmt f);
void emit_sint(struct emitter *e, const char *key, int64_t v);
void emit_bool(struct emitter *e, const char *key, bool v);
/* JSON null (text: "-"). */
void emit_null(struct emitter *e, const char *key);
/* A flag attribute: present. */
void emit_flag(struct emitter *e, const char *key);
/* Wire bytes as a string (escaped). */
void emit_str(struct emitter *e, const char *key, const uint8_t *p, size_t n);
/* A trusted C string (names from our own tables). */
void emit_cstr(struct emitter *e, const char *key, const char *s);
void emit_hex(struct emitter *e, const char *key, const uint8_t *p, size_t n);
void emit_addr(struct emitter *e, const char *key, enum emit_addr kind,
	       const uint8_t *p, size_t n);
/* A fixed-point number v / 10^decimals (at most 6): text "-40.00", "5.5";
 * JSON writes it as a number in its shortest form (-40.0, 5.5). */
void emit_fixed(struct emitter *e, const char *key, int64_t v, unsigned decimals);
/* A formatted value (trusted text): text shows it, JSON stores a string. */
void emit_text(struct emitter *e, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* An enum: name if known (and not -n), else the number. */
void emit_enum(struct emitter *e, const char *key, uint64_t v,
	       const struct nl_names *names);
void emit_enum_name(struct emitter *e, const char *key, uint64_t v, const char *name);
/* A flag word: text "0x5 [A,C]", JSON array of names (unknown bits as "0x..") */
void emit_flags(struct emitter *e, const char *key, uint64_t v,
		const struct nl_names *bits);
/* A flag word with numeric value under key and names under names_key (JSON),
 * text "0x5 [A,C]". */
void emit_flagword(struct emitter *e, const char *key, const char *names_key,
		   uint64_t v, const struct nl_names *bits);

/* Problems, shown where they happen and counted. off is relative to the
 * start of the netlink message. */
void emit_malformed(struct emitter *e, size_t off, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void emit_truncated(struct emitter *e, size_t off, size_t want, size_t have);
void emit_unknown_seen(struct emitter *e);
/* Record that key (in the current object) holds a repeated attribute (JSON). */
void emit_note_dup(struct emitter *e, const char *key);

/* Will values be shown?  Not in the one-line and count modes, but for the
 * summary's: a decoder may then only check lengths and skip reading. */
static inline bool emit_wants_values(const struct emitter *e)
{
	return e->mode == EMIT_TREE || e->mode == EMIT_JSON || e->sum_next;
}

/* Does the output need a repeated key's values gathered into one list
 * (JSON objects have unique keys), rather than shown one by one? */
static inline bool emit_wants_grouped_repeats(const struct emitter *e)
{
	return e->mode == EMIT_JSON;
}

/* Truncation markers of the message so far (a decoder compares two counts
 * to know whether a step it called marked a cut). */
static inline unsigned emit_truncated_count(const struct emitter *e)
{
	return e->n_truncated;
}

/* Summary line pieces (text modes only; no-ops for JSON and count). */
static inline bool emit_want_summary(const struct emitter *e)
{
	return (e->mode == EMIT_LINE || e->mode == EMIT_TREE) && !e->sum_muted;
}
void emit_sum(struct emitter *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void emit_sum_str(struct emitter *e, const uint8_t *p, size_t n);
/* Fast paths for the summary: a trusted literal, " label N". */
void emit_sum_lit(struct emitter *e, const char *s);
void emit_sum_u64(struct emitter *e, const char *label, uint64_t v);
/* An address: dotted quad, IPv6 as inet_ntop writes it (RFC 5952, with
 * the dotted quad of IPv4-mapped and -compatible addresses), else n bytes
 * as aa:bb:... */
void emit_sum_addr(struct emitter *e, enum emit_addr kind, const uint8_t *p, size_t n);
/* The next scalar emitted is also appended to the summary as "label value". */
void emit_sum_next(struct emitter *e, const char *label);
/* Forget an emit_sum_next label no scalar took (the value was a structure,
 * or not shown). */
static inline void emit_sum_next_clear(struct emitter *e)
{
	e->sum_next = false;
}
/* Text lines appended after the summary (used by -x); JSON ignores them. */
void emit_raw_line(struct emitter *e, const char *s, size_t n);

/* JSON values written as the JSON backend writes them, for the views that
 * are not the emitter (-T paths): a string (wire: bytes from the capture,
 * else nldump's own text), a flag word as the array of its bits' names. */
void emit_json_string(struct sbuf *b, const uint8_t *p, size_t n, bool wire);
void emit_json_flags(struct sbuf *b, uint64_t v, const struct nl_names *bits);

/* Write all output now; true on success, false on write error (EPIPE). */
bool emit_flush(struct emitter *e);

#endif
