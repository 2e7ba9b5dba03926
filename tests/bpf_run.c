/* bpf_run.c - the capture filter offline (tests/check_capfilt.py):
 *
 *   bpf_run CAPTURE le|be EXPR [NAME=ID]...
 *
 * compiles EXPR as nldump does (display filter, then filter_bpf.c's
 * program, with the family ids given as the running kernel's), runs the
 * program over every frame of CAPTURE with libpcap's interpreter
 * (pcap_offline_filter) as the kernel runs it (its packet length that of
 * the netlink payload, without the cooked header: filter_bpf.c) and
 * prints the numbers of the frames it accepts, one a line.  Exit 1 on an
 * error. */
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "filter.h"
#include "filter_bpf.h"
#include "genlmap.h"

int main(int argc, char **argv)
{
	char err[512], ebuf[PCAP_ERRBUF_SIZE];
	struct bpf_program prog = { 0 };
	struct pcap_pkthdr *h;
	const u_char *pkt;
	struct nl_filter *f = NULL;
	pcap_t *p = NULL;
	unsigned long no = 0;
	int rc = 1;

	if (argc < 4) {
		fputs("usage: bpf_run CAPTURE le|be EXPR [NAME=ID]...\n", stderr);
		return 1;
	}
	struct genl_map *map = genl_map_new();
	/* the dissectors' fields: the expressions of the test need no spec's */
	if (!map || !fields_load(NULL, 0)) {
		fputs("bpf_run: out of memory\n", stderr);
		goto out;
	}
	for (int i = 4; i < argc; i++)
		if (!genl_map_parse_spec(map, argv[i])) {
			fprintf(stderr, "bpf_run: bad NAME=ID '%s'\n", argv[i]);
			goto out;
		}
	f = filter_compile(argv[3], err, sizeof(err));
	if (!f || !filter_bpf_compile(f, map, !strcmp(argv[2], "be"), 262144, &prog, err,
				      sizeof(err))) {
		fprintf(stderr, "bpf_run: %s\n", err);
		goto out;
	}
	p = pcap_open_offline(argv[1], ebuf);
	if (!p) {
		fprintf(stderr, "bpf_run: %s\n", ebuf);
		goto out;
	}
	while (pcap_next_ex(p, &h, &pkt) == 1) {
		struct pcap_pkthdr k = *h;
		no++;
		k.len = h->len >= 16 ? h->len - 16 : 0;
		if (pcap_offline_filter(&prog, &k, pkt))
			printf("%lu\n", no);
	}
	rc = 0;
out:
	if (p)
		pcap_close(p);
	filter_bpf_free(&prog);
	filter_free(f);
	fields_free();
	genl_map_free(map);
	return rc;
}
