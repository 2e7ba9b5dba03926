/* stats.h - --stats and -z NAME: counters the core's listener of messages
 * (struct nl_msgtap, state.h) fills, in bounded tables, and the report
 * written after the run, as aligned text tables or one JSON document. */
#ifndef NLDUMP_STATS_H
#define NLDUMP_STATS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "state.h"

struct stats;

/* What the driver knows at the end of a run, for the totals. */
struct stats_totals {
	uint64_t frames, messages, copies, padding_frames, padding_bytes;
	bool decoded;		/* bodies were decoded (not -q): the next three */
	uint64_t malformed, truncated, unknown;
	bool live;		/* a live capture: the kernel's drops */
	uint64_t drops;
};

struct stats *stats_new(void);
void stats_free(struct stats *s);
/* The listener to hand the core (st->tap). */
const struct nl_msgtap *stats_tap(struct stats *s);
/* -z NAME: the report section's bit, 0 for no such name. */
unsigned stats_section_bit(const char *name);
/* The bits of the transactions' sections (with -q the pairing runs only
 * for them). */
unsigned stats_txn_sections(void);
/* Every section's bit (--stats). */
unsigned stats_all_sections(void);
/* The section names, comma-separated, for messages. */
const char *stats_section_list(void);
/* Write the sections of mask to out, as text tables or (json) one line
 * {"stats": {...}}; false on a write error. */
bool stats_report(const struct stats *s, const struct nlstate *st,
		  const struct stats_totals *t, unsigned mask, bool json, FILE *out);

#endif
