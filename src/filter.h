/* filter.h - display filters: an expression over the field paths of
 * --list-fields (`genl.family == "ovs_flow" and not nlmsg.flags.multi`),
 * compiled once, evaluated on each message from the walk's field events
 * (fieldev.h), never by decoding again.  The grammar is in the man page
 * (FILTER EXPRESSIONS).
 *
 * The filter is the run's field sink (it hands each event on to an inner
 * sink, -T paths) and the core's message hook (struct nl_msg_filter in
 * state.h): the core asks it at each message's end whether the message's
 * output is kept; a message not kept is dropped from the emitter's buffer
 * (and from the inner view's). */
#ifndef NLDUMP_FILTER_H
#define NLDUMP_FILTER_H

#include <stdbool.h>
#include <stddef.h>

#include "fieldev.h"
#include "sbuf.h"
#include "state.h"

struct nl_filter;

/* Compile expr (the field registry must be built: fields_all).  NULL and a
 * one-line message "filter:1:COLUMN: ..." in err on a bad expression
 * (err "out of memory" when that is why). */
struct nl_filter *filter_compile(const char *expr, char *err, size_t errlen);
void filter_free(struct nl_filter *f);

/* Install f in the run state: st->fs becomes the filter's sink, handing
 * events on to inner (or NULL); held: inner's output buffer, from which a
 * message not kept is cut (or NULL); st->filter the message hook. */
void filter_attach(struct nl_filter *f, struct nlstate *st, struct nl_fsink *inner,
		   struct sbuf *held);

/* Whether the filter reads field events (else only the frame's values:
 * frame, dir, proto...). */
bool filter_needs_events(const struct nl_filter *f);

#endif
