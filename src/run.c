/* run.c - the driver: the file run and the live run.  It opens the input,
 * sets up the session (run state, emitter, frames layer), decides and runs
 * the pre-pass, and says the totals; it never decodes a message itself. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "capture.h"
#include "emit.h"
#include "filter.h"
#include "filter_bpf.h"
#include "filter_write.h"
#include "frames.h"
#include "genlmap.h"
#include "ifmap.h"
#include "strset.h"
#include "nftset.h"
#include "ovsflow.h"
#include "txn.h"
#include "live.h"
#include "nlcore.h"
#include "pcapng.h"
#include "prepass.h"
#include "rotate.h"
#include "run.h"
#include "spec.h"
#include "state.h"
#include "state_view.h"
#include "stats.h"
#include "view_paths.h"
#include "view_fields.h"

#define fail nldump_fail
/* The same for a line that is not an error. */
#define note nldump_fail

/* One run's state. */
struct run {
	struct nlstate st;
	struct emitter e;
	struct frames fr;
	struct view_paths vp;	/* -T paths */
	struct view_fields vf;	/* -T fields, --json -e */
	struct state_view sv;	/* --state */
	bool state, prepass_hook;
	struct prepass *pp;	/* reading a file: the pre-pass */
	struct stats *stats;	/* --stats, -z */
	/* live capture */
	struct pcapng_w w;	/* -w */
	bool writing;
	struct rotate rot;	/* -C, -G, -W */
	char wname[4096];	/* the file being written */
	uint64_t written;	/* frames in the files closed before it */
	int linktype;		/* what each file's header says */
	uint32_t snaplen;
	const char *ifdesc;
	bool wfailed;		/* a rotated file could not be made */
	struct live *l;		/* the live input, for SIGUSR1's drops */
	char nlmon_name[32];	/* --nlmon: the interface made */
	struct cut_w cut;	/* -r with -w: the frames kept */
	bool cutting;
	bool linebuf;		/* -l */
	bool live;		/* a live run: drops are known */
	uint64_t drops;		/* the kernel's, at the end */
};

/* Before a frame is decoded: the pre-pass reads ahead if the frame holds
 * a generic netlink id not known yet. */
static void before_frame(void *arg, struct nlstate *st, const struct nl_frame *f)
{
	struct run *r = arg;

	if (r->prepass_hook)
		prepass_before_frame(r->pp, st, f);
	if (r->state)
		state_view_frame(&r->sv, f);
}

/* The session's decoding half, once the input is open: the core's
 * options, the emitter, the frames layer. */
static void session_start(struct run *r, const struct nldump_opts *op)
{
	struct nl_opts co = op->core;

	co.numeric = op->numeric && op->mode != EMIT_JSON	/* -n is for text only */
		     && op->format != OUTF_FIELDS;
	/* -q (--stats: the headers only, a message decoded for its names);
	 * a display filter reads every message's fields; -z ovs-flows
	 * follows the OVS messages (--stats with -q does not) */
	bool ovs_report = op->stats && op->stats_sections != stats_all_sections() &&
			  (op->stats_sections & stats_section_bit("ovs-flows"));
	co.count_only = op->mode == EMIT_COUNT && op->format == OUTF_TEXT && !op->filter &&
			!op->state && !ovs_report;
	nl_core_init(&r->st, &co);
	if (op->stats) {
		r->stats = stats_new();
		if (!r->stats) {
			fputs("nldump: out of memory\n", stderr);
			exit(3);
		}
		r->st.tap = stats_tap(r->stats);
	}
	/* transactions (out of memory: none); with -q only for their reports */
	if (!co.count_only || (op->stats && (op->stats_sections & stats_txn_sections())))
		r->st.txn = txn_new();
	if (!co.count_only)	/* OVS flow lifecycles: out of memory, none */
		r->st.ovsflow = ovsflow_new();
	emit_init(&r->e, op->mode, stdout);
	view_paths_init(&r->vp, stdout);
	if (op->format == OUTF_PATHS)
		r->st.fs = &r->vp.fs;
	if (op->format == OUTF_FIELDS) {
		if (!view_fields_init(&r->vf, &op->fields, op->fields_json, stdout)) {
			fputs("nldump: out of memory\n", stderr);
			exit(3);
		}
		r->st.fs = &r->vf.fs;
	}
	if (op->filter) {	/* it sees the events first; -T paths keeps a message's lines */
		r->vp.hold = op->format == OUTF_PATHS;
		filter_attach(op->filter, &r->st, r->st.fs,
			      op->format == OUTF_PATHS ? &r->vp.b : NULL);
	}
	r->e.numeric = co.numeric;
	r->e.hexdump = co.hex;
	/* --state: the tables are the output, fed by the field events */
	if (op->state) {
		r->state = true;
		state_view_init(&r->sv, stdout, op->format == OUTF_JSON);
		r->sv.a = op->state_a;
		r->sv.b = op->state_b;
		r->sv.diff = op->state_diff;
		r->st.fs = &r->sv.fs;
	}
	/* -q alone: nothing decoded, no ids to learn */
	r->prepass_hook = r->pp && (!co.count_only || op->stats);
	if (r->prepass_hook || r->state) {
		r->fr.before = before_frame;
		r->fr.before_arg = r;
	}
	r->fr.st = &r->st;
	r->fr.e = &r->e;
	r->fr.max_frames = op->max_frames;
	r->fr.dedup = op->dedup;
}

/* Write what the run's views hold; false on a write error. */
static bool flush_out(struct run *r)
{
	bool ok = view_paths_flush(&r->vp);

	ok = view_fields_flush(&r->vf) && ok;

	return emit_flush(&r->e) && ok;
}

/* --stats, -z: the report, after the messages: on standard output when
 * it is the only output there (-q) or JSON (one last line, {"stats":
 * ...}), else on standard error. */
static bool stats_out(struct run *r, const struct nldump_opts *op)
{
	struct stats_totals t = {
		.frames = r->st.frames, .messages = r->st.messages, .copies = r->st.copies,
		.padding_frames = r->st.padding_frames, .padding_bytes = r->st.padding_bytes,
		.decoded = !r->st.opts.count_only, .malformed = r->e.tot_malformed,
		.truncated = r->e.tot_truncated, .unknown = r->e.tot_unknown,
		.live = r->live, .drops = r->drops,
	};
	bool json = op->format == OUTF_JSON;
	FILE *out = json || (op->mode == EMIT_COUNT && op->format == OUTF_TEXT) ? stdout
		: stderr;

	return stats_report(r->stats, &r->st, &t, op->stats_sections, json, out);
}

/* The end of a run: totals, flush, --stats. */
static int finish(struct run *r, const struct nldump_opts *op, int rc)
{
	bool stats = op->stats;

	if (r->state && !state_view_finish(&r->sv) && errno != EPIPE) {
		fputs("nldump: write error on standard output\n", stderr);
		rc = 1;
	}
	if (op->mode == EMIT_COUNT && op->format == OUTF_TEXT && r->st.filter && !op->state)
		printf("%llu frames, %llu messages matched (of %llu frames, %llu messages)\n",
		       (unsigned long long)r->st.filter->frames,
		       (unsigned long long)r->st.filter->msgs, (unsigned long long)r->st.frames,
		       (unsigned long long)r->st.messages);
	else if (op->mode == EMIT_COUNT && op->format == OUTF_TEXT && !op->state)
		printf("%llu frames, %llu messages\n", (unsigned long long)r->st.frames,
		       (unsigned long long)r->st.messages);
	if (!flush_out(r)) {
		if (errno != EPIPE) {
			fputs("nldump: write error on standard output\n", stderr);
			rc = 1;
		}
	}
	if (stats && !stats_out(r, op) && errno != EPIPE) {
		fputs("nldump: write error on standard output\n", stderr);
		rc = 1;
	}
	/* a total of the run: with --stats or -z totals */
	if (stats && r->pp && (op->stats_sections & stats_section_bit("totals")))
		fprintf(stderr, "nldump: pre-pass: read %llu frames\n",
			(unsigned long long)prepass_frames(r->pp));
	/* the bounded tables: say once what did not fit */
	uint64_t ifdrop = ifmap_dropped(r->st.ifnames);
	uint64_t gdrop = r->st.genl ? genl_map_groups_dropped(r->st.genl) : 0;
	if (ifdrop)
		fprintf(stderr, "nldump: more than %u interfaces: %llu more not kept (shown by "
			"index)\n", IFMAP_MAX, (unsigned long long)ifdrop);
	if (gdrop)
		fprintf(stderr, "nldump: more than %u multicast groups: %llu more not kept "
			"(shown by number)\n", GENL_GROUPS_MAX, (unsigned long long)gdrop);
	uint64_t sdrop = strset_dropped(r->st.strsets);
	if (sdrop)
		fprintf(stderr, "nldump: %llu string sets over the bounds (%u sets, %u strings): "
			"not kept (bits shown by number)\n", (unsigned long long)sdrop,
			STRSET_SETS, STRSET_TOTAL);
	emit_fini(&r->e);
	stats_free(r->stats);
	view_paths_fini(&r->vp);
	view_fields_fini(&r->vf);
	if (r->state)
		state_view_fini(&r->sv);
	frames_free(&r->fr);
	prepass_free(r->pp);
	genl_map_free(r->st.genl);
	ifmap_free(r->st.ifnames);
	strset_free(r->st.strsets);
	nftset_free(r->st.nftsets);
	txn_free(r->st.txn);
	ovsflow_free(r->st.ovsflow);
	return rc;
}

/* ---- live capture ---- */

struct live_opts {
	const char *iface, *mspec, *wfile, *user;
	bool nlmon, monitor;
	int bufsize;
	uint32_t snaplen;
};

/* Open the -w file the rotation names now: the section header, the
 * interface and the family map as known now, in each file. */
static bool wfile_open(struct run *r)
{
	char err[512];

	if (rotate_on(&r->rot) && !rotate_name(&r->rot, r->wname, sizeof(r->wname))) {
		fail("-w: the name of the next file does not fit");
		return false;
	}
	char *map = genl_map_to_text(r->st.genl);
	bool ok = pcapng_open(&r->w, r->wname, r->linktype, r->snaplen, r->ifdesc, map, err,
			      sizeof(err));
	free(map);
	if (!ok)
		fail("%s", err);
	r->writing = ok;
	return ok;
}

/* -C, -G, -W: before a frame of time sec is written, the next file if
 * it is time; false to stop (-G -W: the last file is done, or a file
 * could not be made). */
static bool rotate_next(struct run *r, int64_t sec)
{
	enum rotate_step st = rotate_step(&r->rot, sec, r->w.bytes);

	if (st == ROTATE_KEEP)
		return true;
	if (st == ROTATE_STOP)
		return false;	/* the file is closed as at any end */
	r->written += r->w.written;
	if (!pcapng_close(&r->w)) {
		fail("%s: write error", r->wname);
		r->writing = false;
		r->wfailed = true;
		return false;
	}
	r->writing = false;
	if (!wfile_open(r)) {
		r->wfailed = true;
		return false;
	}
	return true;
}

/* SIGUSR1: the running totals on standard error (from the loop; the
 * handler only set live_report). */
static void live_totals(struct run *r)
{
	uint64_t recv, drop;

	live_report = 0;
	live_counts(r->l, &recv, &drop);
	fprintf(stderr, "nldump: %llu frames, %llu messages so far, %llu dropped by kernel\n",
		(unsigned long long)r->st.frames, (unsigned long long)r->st.messages,
		(unsigned long long)drop);
}

static bool live_frame(void *arg, const struct nl_frame *f, const uint8_t *pkt,
		       uint32_t pktcap, uint32_t pktlen, const char *bad)
{
	struct run *r = arg;

	if (frames_done(&r->fr))
		return false;
	uint64_t kept = r->st.filter ? r->st.filter->frames : 0;
	if (live_report)
		live_totals(r);
	if (r->writing && rotate_on(&r->rot) && !rotate_next(r, f->sec))
		return false;
	if (r->writing && !r->st.filter)
		pcapng_packet(&r->w, f->sec, f->nsec, pkt, pktcap, pktlen);
	frames_feed(&r->fr, f, bad);
	if (r->writing && r->st.filter && r->st.filter->frames > kept)	/* -w: matches only */
		pcapng_packet(&r->w, f->sec, f->nsec, pkt, pktcap, pktlen);
	/* with --dedup this prints the frame held before this one, if any */
	if (!flush_out(r) && errno == EPIPE)
		return false;	/* the reader went away: stop, as tcpdump does */
	if (r->writing)
		pcapng_flush(&r->w);
	return !frames_done(&r->fr);
}

/* Nothing more has come for a moment: a frame --dedup holds (waiting to see
 * whether copies follow) is printed now rather than at the next frame. */
static bool live_idle(void *arg)
{
	struct run *r = arg;

	if (live_report)
		live_totals(r);
	frames_flush(&r->fr);
	return flush_out(r) || errno != EPIPE;
}

/* The nlmon interface this run made (--nlmon), to be removed however the
 * process ends: sbuf and the emitter end it with exit() when memory or
 * standard output fail, so the removal is an atexit() handler, and a
 * handler takes no argument.  The driver's one file-scope variable: it
 * points into the run (struct run's nlmon_name), NULL once removed or when
 * the -Z guard process has taken the job over. */
static char *nlmon_to_remove;

static void nlmon_cleanup(void)
{
	char err[256];
	char *name = nlmon_to_remove;

	nlmon_to_remove = NULL;
	if (name && !live_nlmon_delete(name, err, sizeof(err)))
		fprintf(stderr, "nldump: could not remove %s: %s\n", name, err);
}

/* With -Z, a child that stays root removes the nlmon interface once the
 * capturing process is gone (it can no longer do so itself). */
static void nlmon_guard(void)
{
	int pfd[2];

	if (pipe(pfd) < 0)
		return;
	pid_t pid = fork();
	if (pid < 0) {
		close(pfd[0]);
		close(pfd[1]);
		return;
	}
	if (pid == 0) {
		char c;
		signal(SIGINT, SIG_IGN);
		signal(SIGTERM, SIG_IGN);
		signal(SIGHUP, SIG_IGN);
		/* keep no capture socket or file of the parent open */
		for (int fd = 3; fd < 1024; fd++)
			if (fd != pfd[0])
				close(fd);
		while (read(pfd[0], &c, 1) < 0 && errno == EINTR)
			;
		nlmon_cleanup();
		_exit(0);
	}
	close(pfd[0]);	/* the write end stays open until this process ends */
	nlmon_to_remove = NULL;	/* the guard removes it */
}

/* -i, --nlmon: the display filter's tests on protocol, type, family and
 * direction as a BPF program (filter_bpf.h), for the running kernel's
 * byte order and family ids; false (said on standard error) when it
 * cannot be made: the filter is then applied in user space only. */
static bool capture_filter(struct run *r, const struct nldump_opts *op, uint32_t snaplen,
			   struct bpf_program *prog)
{
	const uint16_t one = 1;
	bool be = *(const uint8_t *)&one == 0;
	char err[256];

	if (filter_bpf_compile(op->filter, r->st.genl, be, snaplen, prog, err, sizeof(err)))
		return true;
	if (op->dump_bpf)
		fprintf(stderr, "nldump: %s\n", err);
	else
		fprintf(stderr, "nldump: warning: %s (the expression is applied in user "
			"space only)\n", err);
	return false;
}

static int run_live(struct run *r, const struct nldump_opts *op)
{
	const struct live_opts lo_ = { .iface = op->iface, .nlmon = op->nlmon,
				       .monitor = op->monitor, .mspec = op->mspec,
				       .wfile = op->wfile, .user = op->user,
				       .bufsize = (int)(op->bufkib * 1024),
				       .snaplen = (uint32_t)op->snaplen };
	const struct live_opts *lo = &lo_;

	char err[512], sum[256];
	struct live *l = NULL;
	const char *iface = lo->iface;
	uint32_t snaplen = lo->snaplen ? lo->snaplen : 262144;
	int rc = 0, fail_rc = 1;
	struct bpf_program prog = { 0 };
	bool have_prog = false;

	live_signals();
	if (live_genl_load(&r->st, err, sizeof(err)) < 0)
		fprintf(stderr, "nldump: warning: asking the kernel for generic netlink "
			"families: %s (family names come from the traffic only)\n", err);
	if (op->filter && !lo->monitor)	/* --monitor reads sockets: no BPF */
		have_prog = capture_filter(r, op, snaplen, &prog);
	if (op->dump_bpf) {	/* -d: the program, no capture */
		if (have_prog)
			filter_bpf_print(&prog, stdout);
		fail_rc = have_prog ? 0 : 1;
		goto fail;
	}
	if (lo->nlmon) {
		if (!live_nlmon_create(r->nlmon_name, sizeof(r->nlmon_name), err, sizeof(err))) {
			fail("%s", err);
			goto fail;
		}
		nlmon_to_remove = r->nlmon_name;
		atexit(nlmon_cleanup);
		iface = r->nlmon_name;
	}
	if (lo->monitor)
		l = live_monitor_open(lo->mspec, &r->st, lo->bufsize, snaplen, err, sizeof(err));
	else
		l = live_pcap_open(iface, &r->st, lo->bufsize, snaplen, err, sizeof(err));
	if (!l) {
		fail("%s", err);
		goto fail;
	}
	/* -Z: privileges go once the capture is open, before the -w file is
	 * made (as tcpdump does): the file is created as the user, where the
	 * user may write */
	if (lo->user) {
		if (nlmon_to_remove)
			nlmon_guard();
		if (!live_drop_privs(lo->user, err, sizeof(err))) {
			fail("%s", err);
			goto fail;
		}
	}
	if (lo->wfile) {
		struct timespec now;
		clock_gettime(CLOCK_REALTIME, &now);
		r->rot = (struct rotate){ .pattern = lo->wfile, .size = op->rot_mb * 1000000,
					  .seconds = op->rot_seconds, .files = op->rot_files };
		rotate_begin(&r->rot, now.tv_sec);
		snprintf(r->wname, sizeof(r->wname), "%s", lo->wfile);
		r->linktype = live_linktype(l);
		r->snaplen = snaplen;
		r->ifdesc = lo->monitor ? "netlink-monitor" : iface;
		if (!wfile_open(r))
			goto fail;
	}
	if (have_prog && !lo->monitor && !live_pcap_filter(l, &prog, err, sizeof(err)))
		fprintf(stderr, "nldump: warning: capture filter not attached: %s (the "
			"expression is applied in user space only)\n", err);
	filter_bpf_free(&prog);
	r->l = l;
	note("%s", live_describe(l));
	session_start(r, op);
	if (live_loop(l, live_frame, live_idle, r, err, sizeof(err)) < 0) {
		fail("%s", err);
		rc = 1;
	}
	frames_flush(&r->fr);
	flush_out(r);
	live_summary(l, sum, sizeof(sum));
	uint64_t recv, drop;
	live_counts(l, &recv, &drop);
	r->live = true;
	r->drops = drop;
	if (r->writing) {
		struct timespec now;
		clock_gettime(CLOCK_REALTIME, &now);
		pcapng_stats(&r->w, now.tv_sec, (uint32_t)now.tv_nsec, recv, drop);
	}
	fprintf(stderr, "nldump: %s; %llu frames, %llu messages decoded%s\n", sum,
		(unsigned long long)r->st.frames, (unsigned long long)r->st.messages,
		live_stop ? " (interrupted)" : "");
	live_close(l);
	if (r->writing) {
		if (!pcapng_close(&r->w)) {
			fail("%s: write error", r->wname);
			rc = 1;
		} else if (r->rot.made > 1) {
			note("%llu frames written to %llu files, the last %s",
			     (unsigned long long)(r->written + r->w.written),
			     (unsigned long long)r->rot.made, r->wname);
		} else {
			note("%llu frames written to %s", (unsigned long long)r->w.written,
			     r->wname);
		}
	}
	if (r->wfailed)
		rc = 1;
	nlmon_cleanup();
	return finish(r, op, rc);
fail:
	live_close(l);
	if (r->writing)
		pcapng_close(&r->w);
	genl_map_free(r->st.genl);
	ifmap_free(r->st.ifnames);
	strset_free(r->st.strsets);
	nftset_free(r->st.nftsets);
	nlmon_cleanup();	/* before r goes */
	filter_bpf_free(&prog);
	return fail_rc;
}

/* A frame of a file: decoded; with -w, written when kept (every frame, or
 * one holding a message the filter keeps). */
static bool file_frame(void *arg, const struct nl_frame *f, const char *bad)
{
	struct run *r = arg;
	uint64_t kept = r->st.filter ? r->st.filter->frames : 0;

	if (frames_done(&r->fr))
		return false;
	bool go = frames_feed(&r->fr, f, bad);
	if (r->cutting && (!r->st.filter || r->st.filter->frames > kept))
		cut_frame(&r->cut, f);
	if (r->vp.hold && r->vp.b.len >= (1u << 16))
		view_paths_flush(&r->vp);	/* whole messages only */
	if (r->linebuf && !flush_out(r) && errno == EPIPE)
		return false;	/* -l: each frame's lines out once decoded */
	return go;
}

static int run_file(struct run *r, const struct nldump_opts *op)
{
	const char *file = op->file;
	char err[512];
	int rc = 0;

	/* opened once; only a regular file is ever opened again (the stored
	 * family map, the pre-pass), never a pipe, /dev/stdin or '-' */
	struct capture *cap = capture_open(file, err, sizeof(err));
	if (!cap) {
		fail("%s", err);
		rc = 1;
		goto out;
	}
	if (strcmp(file, "-") && capture_regular(cap, NULL, NULL)) {
		/* the family map nldump -w stored: below -G and the capture's own */
		char *stored = pcapng_read_genl_map(file);
		if (stored) {
			genl_map_from_text(r->st.genl, stored, GENL_SRC_FILE);
			free(stored);
		}
	}
	r->pp = prepass_new(file, cap, op->prepass, op->max_frames);
	if (!r->pp) {
		fputs("nldump: out of memory\n", stderr);
		capture_close(cap);
		rc = 3;
		goto out;
	}
	if (op->wfile) {
		if (!cut_open(&r->cut, op->wfile, err, sizeof(err))) {
			fail("%s", err);
			capture_close(cap);
			prepass_free(r->pp);
			rc = 1;
			goto out;
		}
		r->cutting = true;
	}
	session_start(r, op);
	r->linebuf = op->linebuf;
	if (capture_loop(cap, file_frame, r, err, sizeof(err)) < 0) {
		frames_flush(&r->fr);
		flush_out(r);
		fail("%s: %s", file, err);
		rc = 1;
	}
	frames_flush(&r->fr);
	int linktype = capture_linktype(cap);
	capture_close(cap);
	if (r->cutting) {
		char *map = genl_map_to_text(r->st.genl);
		if (!cut_close(&r->cut, linktype, map, err, sizeof(err))) {
			fail("%s", err);
			rc = 1;
		} else if (op->mode == EMIT_COUNT && op->format == OUTF_TEXT) {
			note("%llu frames written to %s", (unsigned long long)r->cut.written,
			     op->wfile);
		}
		free(map);
	}
	return finish(r, op, rc);
out:
	genl_map_free(r->st.genl);
	ifmap_free(r->st.ifnames);
	strset_free(r->st.strsets);
	nftset_free(r->st.nftsets);
	return rc;
}

int nldump_run(const struct nldump_opts *o, struct genl_map *genl, struct spec_reg *specs)
{
	struct run *r = calloc(1, sizeof(*r));

	if (!r) {
		fputs("nldump: out of memory\n", stderr);
		genl_map_free(genl);
		spec_reg_free(specs);
		return 3;
	}
	r->st.genl = genl;
	r->st.specs = specs;
	signal(SIGPIPE, SIG_IGN);
	if (o->linebuf)
		setvbuf(stdout, NULL, _IOLBF, 0);	/* -l */
	else
		setvbuf(stdout, NULL, _IOFBF, 1 << 16);	/* the C library's buffer */
	int rc = o->file ? run_file(r, o) : run_live(r, o);
	filter_free(o->filter);
	spec_reg_free(specs);
	free(r);
	/* a broken --spec (said at start-up) is an input that failed */
	return rc == 0 && o->spec_broken ? 1 : rc;
}
