/* rotate.h - when and to what name a -w file is rotated (-C, -G, -W, as
 * tcpdump does): the rules alone, no file is opened here, so they are
 * unit-tested (tests/test_rotate.c); the live run opens the files. */
#ifndef NLDUMP_ROTATE_H
#define NLDUMP_ROTATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct rotate {
	const char *pattern;	/* -w FILE; with -G, strftime conversions */
	uint64_t size;		/* -C: bytes (MB x 1,000,000) a file may pass, 0: none */
	uint64_t seconds;	/* -G: seconds a file covers, 0: none */
	uint64_t files;		/* -W: files kept (a ring with -C), or made (-G alone) */
	/* where the run is */
	uint64_t num;		/* -C: the number of the current file (0: the first) */
	uint64_t made;		/* files begun so far */
	int64_t since;		/* -G: the time the current file began */
};

enum rotate_step {
	ROTATE_KEEP,		/* write to the current file */
	ROTATE_NEXT,		/* close it, begin the next (rotate_name) */
	ROTATE_STOP,		/* -G with -W: the last file is done, stop */
};

/* Whether rotation is asked for at all. */
static inline bool rotate_on(const struct rotate *r)
{
	return r->size || r->seconds;
}
/* The first file begins at time now. */
void rotate_begin(struct rotate *r, int64_t now);
/* Before a frame of time now is written to the current file, which holds
 * bytes: keep it, begin the next (the state moves on) or stop. */
enum rotate_step rotate_step(struct rotate *r, int64_t now, uint64_t bytes);
/* The name of the current file into buf: the pattern (with -G through
 * strftime at its start time, local time), then with -C its number (none
 * for the first file unless -W is given; with -W as many digits as the
 * largest number needs, zero-padded).  False if it does not fit. */
bool rotate_name(const struct rotate *r, char *buf, size_t n);

#endif
