/* main.c - nldump: decode and pretty-print Linux netlink captures. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "capture.h"
#include "emit.h"
#include "genlmap.h"
#include "nlcore.h"
#include "state.h"

#ifndef NLDUMP_VERSION
#define NLDUMP_VERSION "0.0"
#endif

struct run {
	struct nlstate st;
	struct emitter e;
	uint64_t max_frames;	/* -c, 0 = all */
	uint64_t nframes;
	bool dedup;
	/* the previous frame, for copies */
	uint8_t *prev;
	size_t prev_len, prev_cap;
	struct nl_frame pending;	/* --dedup: held until its copies are counted */
	bool have_pending;
	uint64_t run_first;	/* frame number of the first of a run of copies */
};

static void usage(FILE *f)
{
	fputs("Usage: nldump [-nqvxjh] [-t|-tt|-ttt|-tttt|-ttttt] [-c COUNT] [--dedup]\n"
	      "              [-G NAME=ID]... [--genl-map FILE] [--no-prepass] [--stats]\n"
	      "              -r FILE\n"
	      "Decode Linux netlink traffic captured on an nlmon interface.\n"
	      "\n"
	      "  -r FILE          read a pcap or pcapng file ('-' for standard input)\n"
	      "  -c COUNT         stop after COUNT frames\n"
	      "  -v               every header field and attribute, indented\n"
	      "  -x               hex of each message\n"
	      "  -j, --json       one JSON object per message per line (NDJSON)\n"
	      "  -q               no per-message output: print the totals only\n"
	      "  -n               numbers instead of names\n"
	      "  -t ... -ttttt    no time, epoch, delta, date and time, since first\n"
	      "  --dedup          fold byte-for-byte copies of a frame into one\n"
	      "  -G NAME=ID       generic netlink family id (repeatable)\n"
	      "  --genl-map FILE  generic netlink family ids from a file\n"
	      "  --no-prepass     do not read a file twice to learn family ids first\n"
	      "  --stats          totals on standard error at the end\n"
	      "  --version        print the version\n"
	      "  -h, --help       this help\n", f);
}

static void fail(const char *fmt, const char *a)
{
	fprintf(stderr, "nldump: ");
	fprintf(stderr, fmt, a);
	fputc('\n', stderr);
}

static bool same_as_prev(struct run *r, const struct nl_frame *f)
{
	return r->prev && r->prev_len == (size_t)f->caplen + 2 &&
	       r->prev[0] == (uint8_t)(f->proto >> 8) && r->prev[1] == (uint8_t)f->proto &&
	       memcmp(r->prev + 2, f->data, f->caplen) == 0;
}

static void remember(struct run *r, const struct nl_frame *f)
{
	size_t need = (size_t)f->caplen + 2;

	if (need > r->prev_cap) {
		uint8_t *np = realloc(r->prev, need);
		if (!np) {
			fputs("nldump: out of memory\n", stderr);
			exit(3);
		}
		r->prev = np;
		r->prev_cap = need;
	}
	r->prev[0] = (uint8_t)(f->proto >> 8);
	r->prev[1] = (uint8_t)f->proto;
	memcpy(r->prev + 2, f->data, f->caplen);
	r->prev_len = need;
}

static void decode(struct run *r, const struct nl_frame *f)
{
	nl_decode_frame(&r->st, &r->e, f);
}

static void flush_pending(struct run *r)
{
	if (!r->have_pending)
		return;
	r->pending.data = r->prev + 2;
	decode(r, &r->pending);
	r->have_pending = false;
}

static void bad_frame(struct run *r, const struct nl_frame *f, const char *why)
{
	struct emitter *e = &r->e;

	emit_msg_begin(e);
	emit_uint(e, "frame", f->no, EF_DEC);
	emit_sum(e, "frame %llu: ", (unsigned long long)f->no);
	emit_malformed(e, 0, "%s", why);
	emit_msg_end(e);
	r->st.frames++;
}

static bool on_frame(void *arg, const struct nl_frame *f, const char *bad)
{
	struct run *r = arg;

	if (r->max_frames && r->nframes >= r->max_frames)
		return false;
	r->nframes++;
	if (bad) {
		flush_pending(r);
		free(r->prev);
		r->prev = NULL;
		r->prev_len = r->prev_cap = 0;
		bad_frame(r, f, bad);
		return true;
	}
	bool copy = same_as_prev(r, f);
	if (copy)
		r->st.copies++;
	if (r->dedup) {
		if (copy) {
			r->pending.copies++;
			return true;
		}
		flush_pending(r);
		remember(r, f);
		r->pending = *f;
		r->pending.copies = 1;
		r->have_pending = true;
		return true;
	}
	if (copy) {
		struct nl_frame g = *f;
		g.copy_of = r->run_first;
		decode(r, &g);
		return true;
	}
	r->run_first = f->no;
	remember(r, f);
	decode(r, f);
	return true;
}

static bool on_learn(void *arg, const struct nl_frame *f, const char *bad)
{
	struct nlstate *st = arg;

	if (!bad)
		nl_learn_frame(st, f);
	return true;
}

int main(int argc, char **argv)
{
	static const struct option lopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "dedup", no_argument, NULL, 'D' },
		{ "genl-map", required_argument, NULL, 'M' },
		{ "no-prepass", no_argument, NULL, 'P' },
		{ "stats", no_argument, NULL, 'S' },
		{ NULL, 0, NULL, 0 },
	};
	const char *file = NULL;
	struct run r;
	struct nl_opts o = { 0 };
	enum emit_mode mode = EMIT_LINE;
	bool numeric = false, prepass = true, stats = false, verbose = false;
	int tcount = 0, opt, rc = 0;
	char err[512];

	memset(&r, 0, sizeof(r));
	r.st.genl = genl_map_new();
	if (!r.st.genl) {
		fputs("nldump: out of memory\n", stderr);
		return 3;
	}
	while ((opt = getopt_long(argc, argv, "r:c:vxjqntG:h", lopts, NULL)) != -1) {
		switch (opt) {
		case 'r':
			file = optarg;
			break;
		case 'c': {
			char *end;
			errno = 0;
			unsigned long long v = strtoull(optarg, &end, 10);
			if (errno || *end || !*optarg || v == 0) {
				fail("-c: bad count '%s'", optarg);
				rc = 2;
				goto out;
			}
			r.max_frames = v;
			break;
		}
		case 'v':
			verbose = true;
			break;
		case 'x':
			o.hex = true;
			break;
		case 'j':
			mode = EMIT_JSON;
			break;
		case 'q':
			mode = EMIT_COUNT;
			break;
		case 'n':
			numeric = true;
			break;
		case 't':
			tcount++;
			break;
		case 'D':
			r.dedup = true;
			break;
		case 'G':
			if (!genl_map_parse_spec(r.st.genl, optarg)) {
				fail("-G: expected NAME=ID (ID 0..65535), got '%s'", optarg);
				rc = 2;
				goto out;
			}
			break;
		case 'M': {
			FILE *mf = fopen(optarg, "r");
			if (!mf) {
				snprintf(err, sizeof(err), "%s: %s", optarg, strerror(errno));
				fail("--genl-map: %s", err);
				rc = 2;
				goto out;
			}
			int n = genl_map_load(r.st.genl, mf);
			fclose(mf);
			if (n < 0) {
				fail("--genl-map: %s: not a family map (lines NAME=ID, NAME ID, "
				     "or `genl ctrl list` output)", optarg);
				rc = 2;
				goto out;
			}
			break;
		}
		case 'P':
			prepass = false;
			break;
		case 'S':
			stats = true;
			break;
		case 'V':
			printf("nldump %s\n", NLDUMP_VERSION);
			rc = 0;
			goto out;
		case 'h':
			usage(stdout);
			rc = 0;
			goto out;
		default:
			usage(stderr);
			rc = 2;
			goto out;
		}
	}
	if (optind < argc) {
		fail("unexpected argument '%s'", argv[optind]);
		usage(stderr);
		rc = 2;
		goto out;
	}
	if (!file) {
		fail("%s", "no input: give -r FILE (or -r - for standard input)");
		usage(stderr);
		rc = 2;
		goto out;
	}
	if (verbose && mode == EMIT_LINE)
		mode = EMIT_TREE;
	o.tfmt = tcount == 0 ? NLT_DEFAULT : tcount == 1 ? NLT_NONE : tcount == 2 ? NLT_EPOCH
	       : tcount == 3 ? NLT_DELTA : tcount == 4 ? NLT_DATE : NLT_SINCE_FIRST;

	signal(SIGPIPE, SIG_IGN);
	static char obuf[1 << 16];
	setvbuf(stdout, obuf, _IOFBF, sizeof(obuf));

	struct capture *cap;

	bool from_stdin = !strcmp(file, "-");

	if (prepass && !from_stdin) {
		cap = capture_open(file, err, sizeof(err));
		if (!cap) {
			fail("%s", err);
			rc = 1;
			goto out;
		}
		r.st.learning = true;
		capture_loop(cap, on_learn, &r.st, err, sizeof(err));
		r.st.learning = false;
		capture_close(cap);
	}
	cap = capture_open(file, err, sizeof(err));
	if (!cap) {
		fail("%s", err);
		rc = 1;
		goto out;
	}
	o.nsec = capture_nsec(cap);
	nl_core_init(&o);
	emit_init(&r.e, mode, stdout);
	r.e.numeric = numeric;
	r.e.hexdump = o.hex;
	if (capture_loop(cap, on_frame, &r, err, sizeof(err)) < 0) {
		flush_pending(&r);
		emit_flush(&r.e);
		fprintf(stderr, "nldump: %s: %s\n", file, err);
		rc = 1;
	}
	flush_pending(&r);
	capture_close(cap);
	if (mode == EMIT_COUNT)
		printf("%llu frames, %llu messages\n", (unsigned long long)r.st.frames,
		       (unsigned long long)r.st.messages);
	if (!emit_flush(&r.e)) {
		if (errno != EPIPE) {
			fputs("nldump: write error on standard output\n", stderr);
			rc = 1;
		}
	}
	if (stats)
		fprintf(stderr, "nldump: %llu frames, %llu messages, %llu copies, "
			"%llu padded frames (%llu bytes), %llu malformed, %llu truncated, "
			"%llu unknown attributes\n",
			(unsigned long long)r.st.frames, (unsigned long long)r.st.messages,
			(unsigned long long)r.st.copies, (unsigned long long)r.st.padding_frames,
			(unsigned long long)r.st.padding_bytes,
			(unsigned long long)r.e.tot_malformed, (unsigned long long)r.e.tot_truncated,
			(unsigned long long)r.e.tot_unknown);
	emit_fini(&r.e);
out:
	free(r.prev);
	genl_map_free(r.st.genl);
	return rc;
}
