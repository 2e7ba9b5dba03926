/* frames.h - the frames layer: between the input (a file, a live capture)
 * and the netlink core.  It numbers nothing and prints nothing itself: it
 * spots byte-for-byte copies of the previous frame, holds a frame for
 * --dedup until its copies are counted, stops at -c, asks the driver's
 * pre-pass before a frame is decoded and hands frames to the core. */
#ifndef NLDUMP_FRAMES_H
#define NLDUMP_FRAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "emit.h"
#include "state.h"

/* Why a frame whose link-layer header the capture cut (snap length) is
 * not decoded: an input passes this very string as bad (compared by
 * pointer), and it is shown as truncation, not damage. */
extern const char frame_header_cut[];

struct frames {
	struct nlstate *st;
	struct emitter *e;
	/* the driver's look before a frame is decoded (the pre-pass), or NULL */
	void (*before)(void *arg, struct nlstate *st, const struct nl_frame *f);
	void *before_arg;
	uint64_t max_frames;	/* -c, 0 = all */
	uint64_t nframes;
	bool dedup;
	/* the previous frame (protocol, then bytes), for copies */
	uint8_t *prev;
	size_t prev_len, prev_cap;
	struct nl_frame pending;	/* --dedup: held until its copies are counted */
	bool have_pending;
	uint64_t run_first;	/* frame number of the first of a run of copies */
};

/* A frame from the input (arg: struct frames); bad: why the link layer
 * could not be read, or NULL.  False once -c is reached. */
bool frames_feed(void *arg, const struct nl_frame *f, const char *bad);
/* -c reached: no frame more is wanted. */
bool frames_done(const struct frames *fr);
/* Decode the frame --dedup holds, if any. */
void frames_flush(struct frames *fr);
void frames_free(struct frames *fr);

#endif
