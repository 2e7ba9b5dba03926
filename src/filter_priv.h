/* filter_priv.h - what filter_parse.c (the compiler) and filter_eval.c
 * (the evaluator over field events) share; not part of filter.h's API.
 *
 * A compiled filter is a list of tests (leaves) and a postfix program
 * over them: each test is a field path with an operator and its values,
 * resolved once; each message's field events set the tests they satisfy,
 * and the program combines the results at the message's end. */
#ifndef NLDUMP_FILTER_PRIV_H
#define NLDUMP_FILTER_PRIV_H

#include <regex.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "filter.h"
#include "sbuf.h"

#define FLT_MAX_TESTS 64	/* tests in one expression */
#define FLT_MAX_PROG 256	/* program steps */
#define FLT_MAX_VALUES 64	/* values of one "in { }" set */

enum flt_op {
	FOP_PRESENT,	/* a bare path */
	FOP_EQ, FOP_NE, FOP_LT, FOP_LE, FOP_GT, FOP_GE,
	FOP_CONTAINS, FOP_MATCHES, FOP_IN,
	FOP_BIT,	/* PATH.NAME of a flag word: the bit named NAME is set */
};

/* the values of the frame, not message bytes (no field event) */
enum flt_pseudo {
	FPS_NONE = 0, FPS_FRAME, FPS_INDEX, FPS_TIME, FPS_DIR, FPS_DIR_INFERRED,
	FPS_PROTO, FPS_PROTO_ID, FPS_COPIES, FPS_COPY_OF, FPS_TIME_EPOCH,
};

enum flt_lit { FL_NUM, FL_STR, FL_ADDR };

struct flt_val {
	uint8_t t;		/* enum flt_lit */
	bool neg;		/* FL_NUM: negative (s holds it) */
	uint64_t u;		/* FL_NUM: the magnitude's whole part */
	uint32_t frac;		/* FL_NUM: its fraction, in units of 1e-9 (5.5: 500000000) */
	int64_t s;
	char *str;		/* FL_STR (malloc'd, NUL-terminated) */
	size_t slen;
	uint8_t addr[16];	/* FL_ADDR */
	uint8_t alen;		/* 4, 16 or 6 (a MAC) */
	uint8_t plen;		/* prefix length in bits (alen * 8: the whole) */
};

struct flt_test {
	char *path;
	size_t pathlen;
	uint8_t op;		/* enum flt_op */
	uint8_t pseudo;		/* enum flt_pseudo */
	struct flt_val *vals;	/* one, or the set of "in" */
	unsigned nvals;
	regex_t re;		/* FOP_MATCHES */
	bool has_re;
	char *bit;		/* FOP_BIT: the bit's name */
	/* per message */
	bool present, hit;	/* FOP_NE: hit means one value was equal */
};

/* program steps: a test's index, or an operator */
enum { FPR_AND = -1, FPR_OR = -2, FPR_NOT = -3 };

struct nl_filter {
	struct flt_test t[FLT_MAX_TESTS];
	unsigned nt;
	int prog[FLT_MAX_PROG];
	unsigned np;
	bool any_event;		/* a test reads field events (not only pseudo) */
	/* evaluation */
	struct nl_fsink fs;	/* the run's sink: the tests, then inner */
	struct nl_fsink *inner;	/* -T paths, or NULL */
	struct sbuf *held;	/* the inner view's lines: a message's are dropped */
	size_t held_mark;
	struct sbuf tmp;	/* a value's text, for string tests */
	char *text;		/* a string value, NUL-terminated, for regexec */
	size_t textcap;
	struct nl_msg_filter hook;
};

/* Does value ev satisfy test t (not FOP_PRESENT, FOP_NE: equality)? */
struct nl_field_ev;
/* filter_names.c: is name one of the names path's values can have?
 * true when it is or when nobody can tell; false with msg saying which
 * names are closest */
bool flt_name_check(const char *path, const char *name, char *msg, size_t msglen);
/* filter_eval.c: w (n bytes) as a number: decimal, 0x hex, or decimal
 * with a fraction of up to 9 digits (-40.25); false when it is not one */
bool flt_num(const char *w, size_t n, struct flt_val *v);
bool flt_match(struct nl_filter *f, const struct flt_test *t, const struct nl_field_ev *ev);

#endif
