/* main.c - nldump: decode and pretty-print Linux netlink captures. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "capture.h"
#include "emit.h"
#include "fields.h"
#include "genlmap.h"
#include "ifmap.h"
#include "live.h"
#include "nlcore.h"
#include "pcapng.h"
#include "sbuf.h"
#include "prepass.h"
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
	struct prepass *pp;	/* reading a file: the pre-pass */
	/* live capture */
	struct pcapng_w w;	/* -w */
	bool writing;
};

static void usage(FILE *f)
{
	fputs("Usage: nldump [-nqvxjh] [-t|-tt|-ttt|-tttt|-ttttt] [-c COUNT] [--dedup]\n"
	      "              [-G NAME=ID]... [--genl-map FILE] [--no-prepass] [--stats]\n"
	      "              -r FILE\n"
	      "       nldump [options] [-w FILE] [-B KIB] [-s SNAPLEN] [-Z USER]\n"
	      "              -i IFACE | --nlmon | --monitor[=GROUPS]\n"
	      "Decode Linux netlink traffic captured on an nlmon interface, or live.\n"
	      "\n"
	      "  -r FILE          read a pcap or pcapng file ('-' for standard input)\n"
	      "  -i IFACE         capture live on an nlmon interface (make one with:\n"
	      "                   modprobe nlmon; ip link add nlmon0 type nlmon;\n"
	      "                   ip link set nlmon0 up)\n"
	      "  --nlmon          create a temporary nlmon interface, capture on it,\n"
	      "                   remove it at the end\n"
	      "  --monitor[=GROUPS]  no nlmon: join netlink multicast groups and show the\n"
	      "                   notifications; GROUPS: route, route/GROUP (link, neigh,\n"
	      "                   ipv4-ifaddr, ipv4-route, ipv6-route, ...), genl,\n"
	      "                   genl/FAMILY, genl/FAMILY/GROUP, comma-separated\n"
	      "                   (default: every rtnetlink and generic netlink group)\n"
	      "  -w FILE          also write the raw frames to FILE (pcapng, with the\n"
	      "                   generic netlink family map); with -q, only write\n"
	      "  -B KIB           kernel receive buffer in KiB (default 8192, at most\n"
	      "                   2097151)\n"
	      "  -s SNAPLEN       bytes kept of each packet, 32 to 262144 (default)\n"
	      "  -Z USER          drop privileges to USER once the capture is open\n"
	      "  -c COUNT         stop after COUNT frames (1 or more)\n"
	      "  -v               every header field and attribute, indented\n"
	      "  -x               hex of each message\n"
	      "  -j, --json       one JSON object per message per line (NDJSON)\n"
	      "  -q               no per-message output: print the totals only (not\n"
	      "                   with -v, -x or --json)\n"
	      "  -n               numbers instead of names\n"
	      "  -t ... -ttttt    no time, epoch, delta, date and time, since first\n"
	      "  --dedup          fold byte-for-byte copies of a frame into one\n"
	      "  -G NAME=ID       generic netlink family id (repeatable)\n"
	      "  --genl-map FILE  generic netlink family ids from a file\n"
	      "  --no-prepass     do not read a file again to learn family ids when an\n"
	      "                   unknown one is met\n"
	      "  --stats          totals on standard error at the end\n"
	      "  --list-fields [NAME]  print the field paths (of one protocol or generic\n"
	      "                   netlink family, or all) with kinds, and exit\n"
	      "  --version        print the version\n"
	      "  -h, --help       this help\n"
	      "Options with a value may be given once (-G and --genl-map add up).\n"
	      "Exit status: 0 done, 1 input or output failed, 2 usage error, 3 out of memory.\n", f);
}

/* One line on standard error, "nldump: " first, tail last; what it echoes
 * of the command line, a file name or the kernel is escaped
 * (sbuf_escape_msg). */
static void vmsg(const char *tail, const char *fmt, va_list ap)
{
	struct sbuf raw = { 0 }, out = { 0 };

	sbuf_vprintf(&raw, fmt, ap);
	sbuf_puts(&out, "nldump: ");
	sbuf_escape_msg(&out, raw.p ? raw.p : "");
	sbuf_puts(&out, tail);
	sbuf_putc(&out, '\n');
	fputs(out.p, stderr);
	sbuf_free(&raw);
	sbuf_free(&out);
}

static void __attribute__((format(printf, 1, 2))) fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg("", fmt, ap);
	va_end(ap);
}

/* The same for a line that is not an error. */
#define note fail

/* A usage error (exit status 2): one line that says where to read more. */
static void __attribute__((format(printf, 1, 2))) usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg("; see nldump --help", fmt, ap);
	va_end(ap);
}

/* A whole decimal number in [min, max]: digits only (no sign, no space). */
static bool parse_count(const char *s, uint64_t min, uint64_t max, uint64_t *out)
{
	char *end;

	if (*s < '0' || *s > '9')
		return false;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return false;
	*out = v;
	return true;
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
	prepass_before_frame(r->pp, &r->st, f);
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
	emit_sum(e, "frame %llu", (unsigned long long)f->no);
	if (why == capture_header_cut)
		emit_truncated(e, 0, f->len, f->caplen);
	else
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
		/* a copy of a frame already printed (live: printed when the input
		 * went quiet) starts a run of its own */
		if (copy && r->have_pending) {
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

/* The end of a run: totals, flush, --stats. */
static int finish(struct run *r, enum emit_mode mode, bool stats, int rc)
{
	if (mode == EMIT_COUNT)
		printf("%llu frames, %llu messages\n", (unsigned long long)r->st.frames,
		       (unsigned long long)r->st.messages);
	if (!emit_flush(&r->e)) {
		if (errno != EPIPE) {
			fputs("nldump: write error on standard output\n", stderr);
			rc = 1;
		}
	}
	if (stats)
		fprintf(stderr, "nldump: %llu frames, %llu messages, %llu copies, "
			"%llu padded frames (%llu bytes), %llu malformed, %llu truncated, "
			"%llu unknown attributes\n",
			(unsigned long long)r->st.frames, (unsigned long long)r->st.messages,
			(unsigned long long)r->st.copies, (unsigned long long)r->st.padding_frames,
			(unsigned long long)r->st.padding_bytes,
			(unsigned long long)r->e.tot_malformed, (unsigned long long)r->e.tot_truncated,
			(unsigned long long)r->e.tot_unknown);
	if (stats && r->pp)
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
	emit_fini(&r->e);
	free(r->prev);
	prepass_free(r->pp);
	genl_map_free(r->st.genl);
	ifmap_free(r->st.ifnames);
	return rc;
}

/* ---- live capture ---- */

struct live_opts {
	const char *iface, *mspec, *wfile, *user;
	bool nlmon, monitor;
	int bufsize;
	uint32_t snaplen;
};

static bool live_frame(void *arg, const struct nl_frame *f, const uint8_t *pkt,
		       uint32_t pktcap, uint32_t pktlen, const char *bad)
{
	struct run *r = arg;

	if (r->max_frames && r->nframes >= r->max_frames)
		return false;
	if (r->writing)
		pcapng_packet(&r->w, f->sec, f->nsec, pkt, pktcap, pktlen);
	on_frame(r, f, bad);
	/* with --dedup this prints the frame held before this one, if any */
	if (!emit_flush(&r->e) && errno == EPIPE)
		return false;	/* the reader went away: stop, as tcpdump does */
	if (r->writing)
		pcapng_flush(&r->w);
	return !(r->max_frames && r->nframes >= r->max_frames);
}

/* Nothing more has come for a moment: a frame --dedup holds (waiting to see
 * whether copies follow) is printed now rather than at the next frame. */
static bool live_idle(void *arg)
{
	struct run *r = arg;

	flush_pending(r);
	return emit_flush(&r->e) || errno != EPIPE;
}

static char nlmon_name[32];

static void nlmon_cleanup(void)
{
	char err[256];

	if (nlmon_name[0] && !live_nlmon_delete(nlmon_name, err, sizeof(err)))
		fprintf(stderr, "nldump: could not remove %s: %s\n", nlmon_name, err);
	nlmon_name[0] = 0;
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
	nlmon_name[0] = 0;	/* the guard removes it */
}

static int run_live(struct run *r, const struct live_opts *lo, const struct nl_opts *o,
		    enum emit_mode mode, bool numeric, bool stats)
{
	char err[512], sum[256];
	struct live *l = NULL;
	const char *iface = lo->iface;
	uint32_t snaplen = lo->snaplen ? lo->snaplen : 262144;
	int rc = 0;

	live_signals();
	if (live_genl_load(&r->st, err, sizeof(err)) < 0)
		fprintf(stderr, "nldump: warning: asking the kernel for generic netlink "
			"families: %s (family names come from the traffic only)\n", err);
	if (lo->nlmon) {
		if (!live_nlmon_create(nlmon_name, sizeof(nlmon_name), err, sizeof(err))) {
			fail("%s", err);
			goto fail;
		}
		atexit(nlmon_cleanup);
		iface = nlmon_name;
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
		if (nlmon_name[0])
			nlmon_guard();
		if (!live_drop_privs(lo->user, err, sizeof(err))) {
			fail("%s", err);
			goto fail;
		}
	}
	if (lo->wfile) {
		char *map = genl_map_to_text(r->st.genl);
		bool ok = pcapng_open(&r->w, lo->wfile, live_linktype(l), snaplen,
				      lo->monitor ? "netlink-monitor" : iface, map, err, sizeof(err));
		free(map);
		if (!ok) {
			fail("%s", err);
			goto fail;
		}
		r->writing = true;
	}
	note("%s", live_describe(l));
	nl_core_init(o);
	emit_init(&r->e, mode, stdout);
	r->e.numeric = numeric && mode != EMIT_JSON;	/* -n is for text only */
	r->e.hexdump = o->hex;
	if (live_loop(l, live_frame, live_idle, r, err, sizeof(err)) < 0) {
		fail("%s", err);
		rc = 1;
	}
	flush_pending(r);
	emit_flush(&r->e);
	live_summary(l, sum, sizeof(sum));
	if (r->writing) {
		uint64_t recv, drop;
		struct timespec now;
		clock_gettime(CLOCK_REALTIME, &now);
		live_counts(l, &recv, &drop);
		pcapng_stats(&r->w, now.tv_sec, (uint32_t)now.tv_nsec, recv, drop);
	}
	fprintf(stderr, "nldump: %s; %llu frames, %llu messages decoded%s\n", sum,
		(unsigned long long)r->st.frames, (unsigned long long)r->st.messages,
		live_stop ? " (interrupted)" : "");
	live_close(l);
	if (r->writing) {
		if (!pcapng_close(&r->w)) {
			fail("%s: write error", lo->wfile);
			rc = 1;
		} else {
			note("%llu frames written to %s", (unsigned long long)r->w.written,
			     lo->wfile);
		}
	}
	nlmon_cleanup();
	return finish(r, mode, stats, rc);
fail:
	live_close(l);
	if (r->writing)
		pcapng_close(&r->w);
	genl_map_free(r->st.genl);
	ifmap_free(r->st.ifnames);
	return 1;
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
		{ "nlmon", no_argument, NULL, 'N' },
		{ "monitor", optional_argument, NULL, 'O' },
		{ "list-fields", optional_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 },
	};
	const char *file = NULL, *iface = NULL, *wfile = NULL, *user = NULL;
	const char *mspec = NULL;
	bool monitor = false, nlmon = false;
	uint64_t bufkib = 0, snaplen = 0;
	struct run r;
	struct nl_opts o = { 0 };
	bool numeric = false, prepass = true, stats = false, verbose = false;
	bool json = false, quiet = false;
	int tcount = 0, opt, rc = 0;
	char err[512];
	bool seen[128] = { false };

	memset(&r, 0, sizeof(r));
	r.st.genl = genl_map_new();
	if (!r.st.genl) {
		fputs("nldump: out of memory\n", stderr);
		return 3;
	}
	opterr = 0;	/* the messages below instead of getopt's */
	for (;;) {
		int at = optind;	/* where the word being parsed is, for messages */
		opt = getopt_long(argc, argv, ":r:c:vxjqntG:hi:w:B:s:Z:", lopts, NULL);
		if (opt == -1)
			break;
		/* getopt skips words that are not options (they are moved to the
		 * end): the word that went wrong is the next one that starts with - */
		while (at < argc && (argv[at][0] != '-' || !argv[at][1]))
			at++;
		const char *word = at < argc ? argv[at] : "";
		if (opt == '?' || opt == ':') {
			bool lng = !strncmp(word, "--", 2);
			size_t wl = lng ? strcspn(word, "=") : 0;
			if (opt == ':' && lng)
				usage_error("option %.*s needs an argument", (int)wl, word);
			else if (opt == ':')
				usage_error("option -%c needs an argument", optopt);
			else if (lng && optopt)
				usage_error("option %.*s takes no argument", (int)wl, word);
			else if (lng)
				usage_error("unknown option %.*s", (int)wl, word);
			else if (optopt > 0x20 && optopt < 0x7f)
				usage_error("unknown option -%c", optopt);
			else
				usage_error("unknown option -\\x%02x", (unsigned)(optopt & 0xff));
			rc = 2;
			goto out;
		}
		/* an option with one value (or one choice of input) may come once;
		 * -v and -t count, flags may repeat, -G and --genl-map add ids */
		if (strchr("rciwBsZO", opt)) {
			if (seen[opt]) {
				if (opt == 'O')
					usage_error("option --monitor given twice");
				else
					usage_error("option -%c given twice", opt);
				rc = 2;
				goto out;
			}
			seen[opt] = true;
		}
		switch (opt) {
		case 'r':
			file = optarg;
			break;
		case 'c':
			if (!parse_count(optarg, 1, INT64_MAX, &r.max_frames)) {
				usage_error("-c: bad count '%s' (a whole number, 1 to %lld)", optarg,
					    (long long)INT64_MAX);
				rc = 2;
				goto out;
			}
			break;
		case 'v':
			verbose = true;
			break;
		case 'x':
			o.hex = true;
			break;
		case 'j':
			json = true;
			break;
		case 'q':
			quiet = true;
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
				usage_error("-G: expected NAME=ID (ID 0..65535), got '%s'", optarg);
				rc = 2;
				goto out;
			}
			break;
		case 'M':
			if (genl_map_load_file(r.st.genl, optarg, err, sizeof(err)) < 0) {
				fail("%s", err);
				rc = 2;
				goto out;
			}
			break;
		case 'P':
			prepass = false;
			break;
		case 'i':
			iface = optarg;
			break;
		case 'w':
			wfile = optarg;
			break;
		case 'Z':
			user = optarg;
			break;
		case 'N':
			nlmon = true;
			break;
		case 'O':
			monitor = true;
			mspec = optarg;
			/* "--monitor route/link": the list as the next word */
			if (!mspec && optind < argc && argv[optind][0] != '-' &&
			    strchr(argv[optind], '/'))
				mspec = argv[optind++];
			else if (!mspec && optind < argc && (!strcmp(argv[optind], "route") ||
							     !strcmp(argv[optind], "genl")))
				mspec = argv[optind++];
			break;
		case 'B':
			/* in bytes it must fit an int (SO_RCVBUF, pcap_set_buffer_size) */
			if (!parse_count(optarg, 1, 2097151, &bufkib)) {
				usage_error("-B: bad buffer size '%s' (KiB, 1 to 2097151)", optarg);
				rc = 2;
				goto out;
			}
			break;
		case 's':
			/* a cooked header (16 bytes) and an nlmsghdr (16) at least, so that
			 * the screen and the -w file show the same bytes */
			if (!parse_count(optarg, 32, 262144, &snaplen)) {
				usage_error("-s: bad snap length '%s' (32 to 262144: a 16-byte "
					    "link-layer header and a 16-byte nlmsghdr at least)", optarg);
				rc = 2;
				goto out;
			}
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
		case 'F':	/* --list-fields [NAME]: the name may be the next word */
			rc = fields_list(stdout, stderr, optarg ? optarg
				: optind < argc && argv[optind][0] != '-' ? argv[optind] : NULL);
			goto out;
		}
	}
	if (optind < argc) {
		usage_error("unexpected argument '%s'", argv[optind]);
		rc = 2;
		goto out;
	}
	int nsrc = !!file + !!iface + nlmon + monitor;
	if (nsrc > 1) {
		usage_error("give one input: -r, -i, --nlmon or --monitor");
		rc = 2;
		goto out;
	}
	if (!nsrc) {
		usage_error("no input: give -r FILE (or -r - for standard input), -i IFACE, "
			    "--nlmon or --monitor");
		rc = 2;
		goto out;
	}
	if (file && (wfile || user || bufkib || snaplen)) {
		usage_error("-w, -B, -s and -Z go with live capture (-i, --nlmon, --monitor), "
			    "not with -r");
		rc = 2;
		goto out;
	}
	/* one output mode: lines (default), -v tree, --json or -q totals */
	if (quiet && (json || verbose || o.hex)) {
		usage_error("-q prints totals only: it does not go with %s",
			    json ? "--json" : verbose ? "-v" : "-x");
		rc = 2;
		goto out;
	}
	if (json && verbose) {
		usage_error("--json has every field already: it does not go with -v");
		rc = 2;
		goto out;
	}
	enum emit_mode mode = quiet ? EMIT_COUNT : json ? EMIT_JSON : verbose ? EMIT_TREE
			    : EMIT_LINE;
	o.tfmt = tcount == 0 ? NLT_DEFAULT : tcount == 1 ? NLT_NONE : tcount == 2 ? NLT_EPOCH
	       : tcount == 3 ? NLT_DELTA : tcount == 4 ? NLT_DATE : NLT_SINCE_FIRST;

	signal(SIGPIPE, SIG_IGN);
	static char obuf[1 << 16];
	setvbuf(stdout, obuf, _IOFBF, sizeof(obuf));

	if (!file) {
		struct live_opts lo = { .iface = iface, .nlmon = nlmon, .monitor = monitor,
					.mspec = mspec, .wfile = wfile, .user = user,
					.bufsize = (int)(bufkib * 1024),
					.snaplen = (uint32_t)snaplen };
		return run_live(&r, &lo, &o, mode, numeric, stats);
	}

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
			genl_map_from_text(r.st.genl, stored, GENL_SRC_FILE);
			free(stored);
		}
	}
	r.pp = prepass_new(file, cap, prepass, r.max_frames);
	if (!r.pp) {
		fputs("nldump: out of memory\n", stderr);
		capture_close(cap);
		rc = 3;
		goto out;
	}
	nl_core_init(&o);
	emit_init(&r.e, mode, stdout);
	r.e.numeric = numeric && mode != EMIT_JSON;	/* -n is for text only */
	r.e.hexdump = o.hex;
	if (capture_loop(cap, on_frame, &r, err, sizeof(err)) < 0) {
		flush_pending(&r);
		emit_flush(&r.e);
		fail("%s: %s", file, err);
		rc = 1;
	}
	flush_pending(&r);
	capture_close(cap);
	return finish(&r, mode, stats, rc);
out:
	genl_map_free(r.st.genl);
	ifmap_free(r.st.ifnames);
	return rc;
}
