/* options.h - the command line of nldump, parsed into one structure (the
 * driver layer: nothing here decodes or prints a message). */
#ifndef NLDUMP_OPTIONS_H
#define NLDUMP_OPTIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "emit.h"
#include "nlcore.h"
#include "view_fields.h"
#include "state_view.h"

struct genl_map;
struct spec_reg;
struct nl_filter;

/* -T FORMAT: what is written per message */
enum out_format {
	OUTF_TEXT = 0,	/* the summary line (-v: and the tree), -q: nothing */
	OUTF_JSON,	/* --json, -T json */
	OUTF_PATHS,	/* -T paths: one line per field (view_paths.h) */
	OUTF_FIELDS,	/* -T fields -e, --json -e: chosen fields (view_fields.h) */
};

struct nldump_opts {
	const char *file;		/* -r */
	const char *iface;		/* -i */
	const char *wfile, *user;	/* -w, -Z */
	const char *mspec;		/* --monitor=GROUPS, or NULL */
	bool monitor, nlmon;
	uint64_t bufkib, snaplen;	/* -B, -s; 0 = default */
	uint64_t max_frames;		/* -c, 0 = all */
	bool dedup, numeric, prepass, stats;
	unsigned stats_sections;	/* --stats: all; -z NAME: the ones named */
	uint64_t rot_mb, rot_seconds, rot_files;	/* -C, -G SECONDS, -W; 0 = none */
	bool spec_broken;		/* a --spec file was broken (exit status 1) */
	enum emit_mode mode;		/* the emitter's (EMIT_COUNT for -T paths) */
	enum out_format format;
	struct nl_opts core;		/* -x, -t... */
	struct nl_filter *filter;	/* -Y or the trailing expression, or NULL */
	struct vf_fmt fields;		/* -e, -E (OUTF_FIELDS) */
	bool fields_json;		/* --json -e: objects of the -e fields */
	bool linebuf;			/* -l: standard output written line by line */
	/* --state: the object tables at the end, at a point (--at,
	 * --at-frame: state_a) or what changed between two (--state-diff) */
	bool state, state_diff;
	struct sv_point state_a, state_b;
	bool dump_bpf;			/* -d: print the capture filter's program */
};

/* Parse argv into o; -G and --genl-map go into genl, --spec into specs
 * (a broken spec is said on standard error and ignored).  Returns -1 to
 * run, or the exit status to end with (0 after --help/--version, 2 on a
 * usage error, said on standard error). */
int options_parse(int argc, char **argv, struct nldump_opts *o, struct genl_map *genl,
		  struct spec_reg *specs);

/* One line on standard error, "nldump: " first; what it echoes is escaped. */
void nldump_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
