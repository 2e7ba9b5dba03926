/* floor.c - the raw read limit: read a netlink capture with libpcap and
 * walk its nlmsghdrs without decoding or printing anything.  nldump's
 * speed is reported as a ratio to this. */
#include <pcap/pcap.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	char err[PCAP_ERRBUF_SIZE];
	struct pcap_pkthdr *h;
	const unsigned char *d;
	unsigned long long frames = 0, msgs = 0;
	pcap_t *p;

	if (argc != 2) {
		fprintf(stderr, "usage: floor FILE\n");
		return 2;
	}
	p = pcap_open_offline(argv[1], err);
	if (!p) {
		fprintf(stderr, "floor: %s\n", err);
		return 1;
	}
	while (pcap_next_ex(p, &h, &d) == 1) {
		uint32_t off = 16;
		frames++;
		while (off + 16 <= h->caplen) {
			uint32_t len;
			memcpy(&len, d + off, 4);
			if (len < 16)
				break;
			msgs++;
			off += (len + 3) & ~3u;
		}
	}
	pcap_close(p);
	printf("%llu frames, %llu messages\n", frames, msgs);
	return 0;
}
