/* prepass.h - reading ahead in a capture file to learn generic netlink
 * family ids that are used before the capture says what they are.
 *
 * The driver decides and runs it, never a dissector: before a frame is
 * decoded, prepass_before_frame looks at the message types of a
 * NETLINK_GENERIC frame; for an id the family map has never had, it reads
 * the file forward (a second handle on the same regular file, from the
 * frame being decoded on) and learns from nlctrl messages until every id
 * met so far is resolved, the file ends or the -c limit is reached.  Later
 * calls go on from where it stopped: the file is read at most once more in
 * all.  An input that is not a regular file ('-', a pipe, /dev/stdin,
 * <(zcat ...)) is never opened again; there an unknown id is reported once
 * on stderr.
 */
#ifndef NLDUMP_PREPASS_H
#define NLDUMP_PREPASS_H

#include <stdbool.h>
#include <stdint.h>

#include "capture.h"
#include "state.h"

struct prepass;

/* For input (opened from path).  enabled: not --no-prepass.  limit: the -c
 * count (0 = none).  NULL when out of memory. */
struct prepass *prepass_new(const char *path, const struct capture *input, bool enabled,
			    uint64_t limit);
/* Before decoding frame f of the input. */
void prepass_before_frame(struct prepass *pp, struct nlstate *st, const struct nl_frame *f);
/* Frames the pre-pass has read (--stats). */
uint64_t prepass_frames(const struct prepass *pp);
void prepass_free(struct prepass *pp);

#endif
