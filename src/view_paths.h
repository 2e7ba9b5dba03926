/* view_paths.h - -T paths: one line per field event (fieldev.h), the
 * frame number, the message's index, path, kind, offset, length, value. */
#ifndef NLDUMP_VIEW_PATHS_H
#define NLDUMP_VIEW_PATHS_H

#include <stdbool.h>
#include <stdio.h>

#include "nlcore.h"
#include "sbuf.h"

struct view_paths {
	struct nl_fsink fs;	/* the run's sink (st->fs points here) */
	struct sbuf b;		/* lines not written out yet */
	FILE *out;
	bool hold;		/* a filter may cut a message's lines: written by
				 * view_paths_flush only, between messages */
};

/* An address value's text, as --json writes it (without quotes). */
void view_paths_addr(struct sbuf *b, const struct nl_field_ev *ev);
/* An event's value as --json writes it (nothing for a container). */
void view_paths_value(struct sbuf *b, const struct nl_field_ev *ev);

void view_paths_init(struct view_paths *v, FILE *out);
/* Write the lines held; false on a write error. */
bool view_paths_flush(struct view_paths *v);
void view_paths_fini(struct view_paths *v);

#endif
