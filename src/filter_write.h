/* filter_write.h - `-r IN -w OUT`: the frames kept, written whole to a
 * pcapng file with the family map learned by the end of the run. */
#ifndef NLDUMP_FILTER_WRITE_H
#define NLDUMP_FILTER_WRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pcapng.h"
#include "state.h"

struct cut_w {
	const char *path;
	struct pcapng_w spool;	/* enhanced packet blocks, in a temporary file */
	uint64_t written;	/* frames written, once closed */
};

/* Start a cut to path (created now, written at cut_close); false with a
 * one-line message in err. */
bool cut_open(struct cut_w *c, const char *path, char *err, size_t errlen);
/* A frame kept, whole (its link header too). */
void cut_frame(struct cut_w *c, const struct nl_frame *f);
/* Write the file: the section header with map (or NULL), the interface
 * (linktype), the frames; false with a message in err. */
bool cut_close(struct cut_w *c, int linktype, const char *map, char *err, size_t errlen);
/* Give up (an input error before the end). */
void cut_abort(struct cut_w *c);

#endif
