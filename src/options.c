/* options.c - the command line: options into struct nldump_opts, usage
 * text, usage errors (exit status 2). */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "filter.h"
#include "genlmap.h"
#include "live.h"
#include "options.h"
#include "sbuf.h"
#include "spec.h"
#include "stats.h"

#ifndef NLDUMP_VERSION
#define NLDUMP_VERSION "0.0"
#endif

static void usage(FILE *f)
{
	fputs("Usage: nldump [-nqvxjh] [-t|-tt|-ttt|-tttt|-ttttt] [-c COUNT] [--dedup]\n"
	      "              [-T text|json|paths] [-T fields -e PATH... [-E OPT=V]...]\n"
	      "              [-#] [-l] [-D]\n"
	      "              [-G NAME=ID]... [--genl-map FILE] [--spec FILE|DIR]...\n"
	      "              [--no-prepass] [--stats] [-z REPORT]...\n"
	      "              [-w FILE] -r FILE [-Y EXPR | EXPR]\n"
	      "       nldump [options] [-w FILE [-C MB] [-G SECONDS] [-W COUNT]]\n"
	      "              [-B KIB] [-s SNAPLEN] [-Z USER]\n"
	      "              -i IFACE | --nlmon | --monitor[=GROUPS] [-Y EXPR | EXPR]\n"
	      "       nldump -d -i IFACE | --nlmon [-Y EXPR | EXPR]\n"
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
	      "                   generic netlink family map); with -q, only write;\n"
	      "                   with -r, a cut of the file (-c, a filter)\n"
	      "  -Y EXPR          display filter: only the messages EXPR matches (also\n"
	      "                   as the words after the options), e.g.\n"
	      "                   'genl.family == \"ovs_flow\" and not nlmsg.flags.multi';\n"
	      "                   -w writes the frames holding one (see nldump(8))\n"
	      "  -C MB            with -w: a new file once the file passes MB million\n"
	      "                   bytes: FILE, FILE1, FILE2...\n"
	      "  -G SECONDS       with -w: a new file every SECONDS, FILE through\n"
	      "                   strftime (FILE-%H%M%S.pcapng)\n"
	      "  -W COUNT         with -C: keep COUNT files (a ring); with -G alone:\n"
	      "                   stop after COUNT files\n"
	      "  -B KIB           kernel receive buffer in KiB (default 8192, at most\n"
	      "                   2097151)\n"
	      "  -s SNAPLEN       bytes kept of each packet, 32 to 262144 (default)\n"
	      "  -Z USER          drop privileges to USER once the capture is open\n"
	      "  -c COUNT         stop after COUNT frames (1 or more)\n"
	      "  -v               every header field and attribute, indented\n"
	      "  -x               hex of each message\n"
	      "  -j, --json       one JSON object per message per line (NDJSON)\n"
	      "  -T FORMAT        output format: text (the default), json (as --json),\n"
	      "                   paths (one line per field: frame, message index, path,\n"
	      "                   kind, offset, length, value)\n"
	      "  -T fields        with -e: one line per message, the values of the -e\n"
	      "                   paths (tab-separated; empty when absent)\n"
	      "  -e PATH          a field to write (repeatable; --list-fields names\n"
	      "                   them); with --json: objects with only these members\n"
	      "  -E OPT=VALUE     -T fields: header=y|n, separator=/t|/s|C,\n"
	      "                   quote=d|s|n, occurrence=f|l|a, aggregator=/s|C\n"
	      "  -#, --number     the frame number first on each line\n"
	      "  -l               write each line out at once (line-buffered)\n"
	      "  -D               list the nlmon interfaces and exit\n"
	      "  -d               with -i or --nlmon and an expression: print the\n"
	      "                   capture filter's BPF program and exit\n"
	      "  -q               no per-message output: print the totals only (not\n"
	      "                   with -v, -x or --json)\n"
	      "  -n               numbers instead of names\n"
	      "  -t ... -ttttt    no time, epoch, delta, date and time, since first\n"
	      "  --dedup          fold byte-for-byte copies of a frame into one\n"
	      "  -G NAME=ID       generic netlink family id (repeatable; -G with digits\n"
	      "                   alone is the rotation above)\n"
	      "  --genl-map FILE  generic netlink family ids from a file\n"
	      "  --spec FILE|DIR  decode generic netlink families with a YNL spec (a\n"
	      "                   file, or every *.yaml of DIR; repeatable); replaces\n"
	      "                   the built-in spec of the same family\n"
	      "  --no-prepass     do not read a file again to learn family ids when an\n"
	      "                   unknown one is met\n"
	      "  --stats          every report after the run: totals, messages by\n"
	      "                   protocol, family and type, errors, copies, groups,\n"
	      "                   busiest port ids (on standard output with -q or\n"
	      "                   --json, else on standard error)\n"
	      "  -z REPORT        one report of --stats (totals, proto, genl, types,\n"
	      "                   errors, copies, groups, ports; repeatable)\n"
	      "  --state          no per-message output: the links, addresses, routes,\n"
	      "                   neighbours, rules, nexthops, qdiscs, OVS datapaths,\n"
	      "                   ports and flows and generic netlink families the\n"
	      "                   capture leaves behind, as ip, tc, ovs-dpctl and genl\n"
	      "                   show them (with --json: in their -j shapes)\n"
	      "  --at TIME, --at-frame N  --state as it was after that time\n"
	      "                   (S.frac since the epoch, or HH:MM:SS[.frac]) or frame\n"
	      "  --state-diff A B what the tables gained, lost and changed between\n"
	      "                   two points (frame numbers or times)\n"
	      "  --list-fields [NAME]  print the field paths (of one protocol or generic\n"
	      "                   netlink family, or all) with kinds, and exit\n"
	      "  --version        print the version\n"
	      "  -h, --help       this help\n"
	      "Options with a value may be given once (-G, --genl-map and --spec add up).\n"
	      "Exit status: 0 done, 1 input or output failed or a --spec file broken,\n"
	      "2 usage error, 3 out of memory.\n", f);
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

void nldump_fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg("", fmt, ap);
	va_end(ap);
}

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

static void spec_report(void *ctx, const char *msg)
{
	(void)ctx;
	nldump_fail("%s", msg);
}

/* The dissectors of the specs' families (for the field registry), *n of
 * them; NULL when out of memory (said). */
static const struct nl_dissector **spec_dissectors(struct spec_reg *specs, unsigned *n)
{
	unsigned ns = specs ? spec_reg_all(specs, NULL, 0) : 0;
	/* and the subsystems of NETLINK_NETFILTER (netlink-raw specs) */
	unsigned nr = specs ? spec_reg_raw_all(specs, 12, NULL, 0) : 0;
	const struct nl_dissector **v = calloc(ns + nr ? ns + nr : 1, sizeof(*v));

	if (!v) {
		fputs("nldump: out of memory\n", stderr);
		return NULL;
	}
	if (ns)
		spec_reg_all(specs, v, ns);
	if (nr)
		spec_reg_raw_all(specs, 12, v + ns, nr);
	*n = ns + nr;
	return v;
}

/* --list-fields NAME, with the families of the specs */
static int list_fields(const char *name, struct spec_reg *specs)
{
	unsigned n;
	const struct nl_dissector **v = spec_dissectors(specs, &n);

	if (!v)
		return 3;
	int rc = fields_list(stdout, stderr, name, v, n);
	free(v);
	return rc;
}

/* A display filter: -Y EXPR, or the words after the options joined by
 * spaces (as tcpdump joins them); compiled against the field registry of
 * every family, the specs' included.  0 done, or the exit status. */
static int compile_filter(struct nldump_opts *o, const char *yexpr, int argc, char **argv,
			  struct spec_reg *specs)
{
	struct sbuf b = { 0 };
	char err[600];
	unsigned n;

	if (yexpr && optind < argc) {
		usage_error("give the filter once: -Y EXPR or an expression after the options");
		return 2;
	}
	if (!yexpr && optind >= argc)
		return 0;
	if (yexpr)
		sbuf_puts(&b, yexpr);
	for (int i = optind; i < argc; i++) {
		if (i > optind)
			sbuf_putc(&b, ' ');
		sbuf_puts(&b, argv[i]);
	}
	/* the fields of the dissectors first; the specs' families are built
	 * (the most of the start-up) only when those do not do */
	if (fields_load(NULL, 0))
		o->filter = filter_compile(b.p ? b.p : "", err, sizeof(err));
	if (!o->filter) {
		const struct nl_dissector **v = spec_dissectors(specs, &n);
		if (!v || !fields_load(v, n)) {
			free(v);
			sbuf_free(&b);
			fputs("nldump: out of memory\n", stderr);
			return 3;
		}
		free(v);
		o->filter = filter_compile(b.p ? b.p : "", err, sizeof(err));
	}
	sbuf_free(&b);
	if (!o->filter) {
		nldump_fail("%s", err);
		return strcmp(err, "out of memory") ? 2 : 3;
	}
	return 0;
}

/* -T fields and -e: the options that go together, each path a field of
 * the registry that has a value (not a nest, struct or list: name its
 * members).  0, or the exit status (the error said). */
static int fields_check(struct nldump_opts *o, bool tfields, bool json, bool other_mode,
			struct spec_reg *specs)
{
	static const char *const containers[] = { "nest", "struct", "message", "array", "list" };
	char close[400];
	unsigned n;

	if (!o->fields.n) {
		usage_error("-T fields needs the fields to write: -e PATH (--list-fields names them)");
		return 2;
	}
	if (!tfields && !json) {
		usage_error("-e goes with -T fields or --json");
		return 2;
	}
	if (other_mode || (tfields && json)) {
		usage_error("-T fields does not go with %s", json ? "--json" : "-v, -q, -x or -T");
		return 2;
	}
	const struct nl_dissector **v = spec_dissectors(specs, &n);
	if (!v)
		return 3;
	int rc = 0;
	fields_free();	/* built again with the specs' families */
	for (unsigned i = 0; i < o->fields.n && !rc; i++) {
		const char *p = o->fields.paths[i];
		const struct nl_field *f = fields_find(p, v, n, close, sizeof(close));
		if (!f && close[0])
			usage_error("-e: unknown field '%s' (close: %s)", p, close);
		else if (!f)
			usage_error("-e: unknown field '%s' (--list-fields lists them)", p);
		for (size_t k = 0; f && k < ARRAY_SIZE(containers); k++) {
			if (strcmp(f->kind, containers[k]))
				continue;
			usage_error("-e: '%s' is a %s: name one of its members (--list-fields)",
				    p, containers[k]);
			f = NULL;
		}
		rc = f ? 0 : 2;
	}
	free(v);
	fields_free();
	return rc;
}

/* -D: the nlmon interfaces */
static int list_nlmon(void)
{
	char err[256];
	int n = live_list_nlmon(stdout, err, sizeof(err));

	if (n < 0) {
		nldump_fail("-D: %s", err);
		return 1;
	}
	if (!n)
		nldump_fail("no nlmon interface (make one: ip link add nlmon0 type nlmon; "
			    "ip link set nlmon0 up; or capture with --nlmon)");
	return 0;
}

int options_parse(int argc, char **argv, struct nldump_opts *o, struct genl_map *genl,
		  struct spec_reg *specs)
{
	static const struct option lopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "dedup", no_argument, NULL, 'U' },
		{ "genl-map", required_argument, NULL, 'M' },
		{ "no-prepass", no_argument, NULL, 'P' },
		{ "stats", no_argument, NULL, 'S' },
		{ "nlmon", no_argument, NULL, 'N' },
		{ "monitor", optional_argument, NULL, 'O' },
		{ "list-fields", optional_argument, NULL, 'F' },
		{ "spec", required_argument, NULL, 1 },
		{ "number", no_argument, NULL, '#' },
		/* --state (codes above the character range: no clash) */
		{ "state", no_argument, NULL, 0x1e1 },
		{ "at", required_argument, NULL, 0x1e2 },
		{ "at-frame", required_argument, NULL, 0x1e3 },
		{ "state-diff", required_argument, NULL, 0x1e4 },
		{ NULL, 0, NULL, 0 },
	};
	bool verbose = false, json = false, quiet = false, paths = false, list = false;
	bool fields = false, fields_e = false, list_ifaces = false;
	const char *lname = NULL, *yexpr = NULL;
	int tcount = 0, opt, rc = 0;
	char err[512];
	bool seen[128] = { false };

	memset(o, 0, sizeof(*o));
	o->prepass = true;
	vf_fmt_init(&o->fields);
	opterr = 0;	/* the messages below instead of getopt's */
	for (;;) {
		int at = optind;	/* where the word being parsed is, for messages */
		opt = getopt_long(argc, argv, ":r:c:vxjqntG:hi:w:B:s:Z:T:Y:e:E:#lDdz:C:W:", lopts, NULL);
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
		if (strchr("rciwBsZOTYCW", opt)) {
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
			o->file = optarg;
			break;
		case 'c':
			if (!parse_count(optarg, 1, INT64_MAX, &o->max_frames)) {
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
			o->core.hex = true;
			break;
		case 'j':
			json = true;
			break;
		case 'T':	/* issue 14 adds "fields" (-e PATH) */
			if (!strcmp(optarg, "json")) {
				json = true;
			} else if (!strcmp(optarg, "paths")) {
				paths = true;
			} else if (!strcmp(optarg, "fields")) {
				fields = true;
			} else if (strcmp(optarg, "text")) {
				usage_error("-T: unknown format '%s' (text, json, paths or fields)",
					    optarg);
				rc = 2;
				goto out;
			}
			break;
		case 'q':
			quiet = true;
			break;
		case 'n':
			o->numeric = true;
			break;
		case 't':
			tcount++;
			break;
		case 'U':
			o->dedup = true;
			break;
		case 'G':
			if (!strchr(optarg, '=') && optarg[0] >= '0' && optarg[0] <= '9') {
				/* -G SECONDS (tcpdump's); a family id is NAME=ID */
				if (o->rot_seconds || !parse_count(optarg, 1, INT32_MAX,
								   &o->rot_seconds)) {
					usage_error("-G: bad rotation period '%s' (seconds, 1 to "
						    "%d, once)", optarg, INT32_MAX);
					rc = 2;
					goto out;
				}
				break;
			}
			if (!genl_map_parse_spec(genl, optarg)) {
				usage_error("-G: expected NAME=ID (ID 0..65535), got '%s'", optarg);
				rc = 2;
				goto out;
			}
			break;
		case 'M':
			if (genl_map_load_file(genl, optarg, err, sizeof(err)) < 0) {
				nldump_fail("%s", err);
				rc = 2;
				goto out;
			}
			break;
		case 'P':
			o->prepass = false;
			break;
		case 'i':
			o->iface = optarg;
			break;
		case 'w':
			o->wfile = optarg;
			break;
		case 'Z':
			o->user = optarg;
			break;
		case 'N':
			o->nlmon = true;
			break;
		case 'O':
			o->monitor = true;
			o->mspec = optarg;
			/* "--monitor route/link": the list as the next word */
			if (!o->mspec && optind < argc && argv[optind][0] != '-' &&
			    strchr(argv[optind], '/'))
				o->mspec = argv[optind++];
			else if (!o->mspec && optind < argc && (!strcmp(argv[optind], "route") ||
							     !strcmp(argv[optind], "genl")))
				o->mspec = argv[optind++];
			break;
		case 'B':
			/* in bytes it must fit an int (SO_RCVBUF, pcap_set_buffer_size) */
			if (!parse_count(optarg, 1, 2097151, &o->bufkib)) {
				usage_error("-B: bad buffer size '%s' (KiB, 1 to 2097151)", optarg);
				rc = 2;
				goto out;
			}
			break;
		case 's':
			/* a cooked header (16 bytes) and an nlmsghdr (16) at least, so that
			 * the screen and the -w file show the same bytes */
			if (!parse_count(optarg, 32, 262144, &o->snaplen)) {
				usage_error("-s: bad snap length '%s' (32 to 262144: a 16-byte "
					    "link-layer header and a 16-byte nlmsghdr at least)", optarg);
				rc = 2;
				goto out;
			}
			break;
		case 'S':
			o->stats = true;
			o->stats_sections = stats_all_sections();
			break;
		case 'C':
			if (!parse_count(optarg, 1, UINT64_MAX / 1000000, &o->rot_mb)) {
				usage_error("-C: bad file size '%s' (millions of bytes, 1 or more)",
					    optarg);
				rc = 2;
				goto out;
			}
			break;
		case 'W':
			if (!parse_count(optarg, 1, 1000000000, &o->rot_files)) {
				usage_error("-W: bad file count '%s' (1 to 1000000000)", optarg);
				rc = 2;
				goto out;
			}
			break;
		case 'z':	/* -z NAME: a report of --stats, as tshark's -z */
			if (!stats_section_bit(optarg)) {
				usage_error("-z: unknown report '%s' (%s)", optarg,
					    stats_section_list());
				rc = 2;
				goto out;
			}
			o->stats = true;
			o->stats_sections |= stats_section_bit(optarg);
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
			list = true;
			lname = optarg ? optarg : optind < argc && argv[optind][0] != '-'
				? argv[optind++] : NULL;
			break;
		case 'Y':	/* -Y EXPR: a display filter (tshark's habit) */
			yexpr = optarg;
			break;
		case 1:	/* --spec */
			if (spec_reg_load(specs, optarg, spec_report, NULL))
				o->spec_broken = true;
			break;
		case 'e':	/* checked once every --spec is loaded */
			if (o->fields.n == VF_MAX) {
				usage_error("-e: at most %u fields", VF_MAX);
				rc = 2;
				goto out;
			}
			o->fields.paths[o->fields.n++] = optarg;
			fields_e = true;
			break;
		case 'E':
			if (!vf_fmt_set(&o->fields, optarg, err, sizeof(err))) {
				usage_error("%s", err);
				rc = 2;
				goto out;
			}
			break;
		case 0x1e1:	/* --state */
			o->state = true;
			break;
		case 0x1e2:	/* --at TIME */
		case 0x1e3:	/* --at-frame N */
			if (o->state_a.set || o->state_diff) {
				usage_error("give one point: --at, --at-frame or --state-diff");
				rc = 2;
				goto out;
			}
			if (!sv_point_parse(optarg, &o->state_a) ||
			    o->state_a.by_time != (opt == 0x1e2)) {
				usage_error(opt == 0x1e2 ? "--at: bad time '%s' (S.frac since the epoch, "
					    "or HH:MM:SS[.frac])" : "--at-frame: bad frame number '%s'",
					    optarg);
				rc = 2;
				goto out;
			}
			break;
		case '#':
			o->core.number = true;
			break;
		case 'l':
			o->linebuf = true;
			break;
		case 'D':
			list_ifaces = true;
			break;
		case 'd':	/* -d: the capture filter's program (tcpdump's) */
			o->dump_bpf = true;
			break;
		case 0x1e4:	/* --state-diff A B */
			if (o->state_a.set || o->state_diff || optind >= argc ||
			    !sv_point_parse(optarg, &o->state_a) ||
			    !sv_point_parse(argv[optind], &o->state_b)) {
				usage_error("--state-diff needs two points A B (frame numbers, or times "
					    "S.frac or HH:MM:SS[.frac]), once");
				rc = 2;
				goto out;
			}
			optind++;
			if (o->state_a.by_time == o->state_b.by_time && o->state_a.tod == o->state_b.tod &&
			    (o->state_b.by_time ? o->state_b.sec < o->state_a.sec ||
			     (o->state_b.sec == o->state_a.sec && o->state_b.nsec < o->state_a.nsec)
			     : o->state_b.frame < o->state_a.frame)) {
				usage_error("--state-diff A B: B comes before A");
				rc = 2;
				goto out;
			}
			o->state = o->state_diff = true;
			break;
		}
	}
	if (list_ifaces) {	/* -D: as tcpdump -D, whatever else is asked */
		rc = list_nlmon();
		goto out;
	}
	if (list) {	/* after every --spec */
		rc = list_fields(lname, specs);
		if (!rc && o->spec_broken)
			rc = 1;
		goto out;
	}
	rc = compile_filter(o, yexpr, argc, argv, specs);
	if (rc)
		goto out;
	int nsrc = !!o->file + !!o->iface + o->nlmon + o->monitor;
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
	if (o->dump_bpf && (!(o->iface || o->nlmon) || !o->filter)) {
		usage_error("-d prints the capture filter of -i or --nlmon: give one and an "
			    "expression%s", o->monitor ? " (--monitor reads sockets: it has no "
			    "capture filter)" : "");
		rc = 2;
		goto out;
	}
	if (o->file && (o->user || o->bufkib || o->snaplen)) {
		usage_error("-B, -s and -Z go with live capture (-i, --nlmon, --monitor), "
			    "not with -r");
		rc = 2;
		goto out;
	}
	if (o->file && o->wfile && o->dedup) {
		usage_error("-w writes frames whole: it does not go with --dedup when reading "
			    "a file");
		rc = 2;
		goto out;
	}
	if (o->file && (o->rot_mb || o->rot_seconds || o->rot_files)) {
		usage_error("-C, -G SECONDS and -W rotate the files of a live capture, not "
			    "with -r");
		rc = 2;
		goto out;
	}
	if ((o->rot_mb || o->rot_seconds || o->rot_files) && !o->wfile) {
		usage_error("-C, -G SECONDS and -W rotate the -w file: give -w FILE");
		rc = 2;
		goto out;
	}
	if (o->rot_files && !o->rot_mb && !o->rot_seconds) {
		usage_error("-W counts the files of -C or -G: give one of them");
		rc = 2;
		goto out;
	}
	/* one output mode: lines (default), -v tree, --json or -q totals */
	if (quiet && (json || verbose || o->core.hex)) {
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
	if (paths && (json || verbose || quiet || o->core.hex)) {
		usage_error("-T paths has every field already: it does not go with %s",
			    json ? "--json" : verbose ? "-v" : quiet ? "-q" : "-x");
		rc = 2;
		goto out;
	}
	/* -T fields -e, --json -e: the chosen fields, from the field events */
	if (fields || fields_e) {
		rc = fields_check(o, fields, json, verbose || quiet || o->core.hex || paths, specs);
		if (rc)
			goto out;
		o->fields_json = json;
		json = false;
		paths = true;	/* the emitter writes nothing, as for -T paths */
	}
	if (o->state_a.set && !o->state) {
		usage_error("--at and --at-frame go with --state");
		rc = 2;
		goto out;
	}
	if (o->state && (verbose || quiet || paths || o->core.hex)) {
		usage_error("--state prints the tables only: it does not go with %s",
			    verbose ? "-v" : quiet ? "-q" : paths ? "-T paths" : "-x");
		rc = 2;
		goto out;
	}
	/* -T paths: the emitter writes nothing, the field events are the output */
	o->mode = quiet || paths || o->state ? EMIT_COUNT : json ? EMIT_JSON : verbose ? EMIT_TREE
			    : EMIT_LINE;
	o->format = fields || fields_e ? OUTF_FIELDS : paths ? OUTF_PATHS
		  : json ? OUTF_JSON : OUTF_TEXT;
	o->core.tfmt = tcount == 0 ? NLT_DEFAULT : tcount == 1 ? NLT_NONE : tcount == 2 ? NLT_EPOCH
	       : tcount == 3 ? NLT_DELTA : tcount == 4 ? NLT_DATE : NLT_SINCE_FIRST;

	return -1;
out:
	filter_free(o->filter);
	o->filter = NULL;
	return rc;
}
