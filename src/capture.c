/* capture.c - pcap/pcapng input through libpcap.
 *
 * Link types: NETLINK (253) and LINUX_SLL (113) share a 16-byte cooked
 * header, LINUX_SLL2 (276) has a 20-byte one; all fields big-endian.
 *
 *   SLL / NETLINK                       SLL2
 *   0  packet type (2)                  0  protocol (2)
 *   2  ARPHRD type (2)                  2  reserved (2)
 *   4  address length (2)               4  interface index (4)
 *   6  address (8)                      8  ARPHRD type (2)
 *   14 protocol (2)                     10 packet type (1)
 *                                       11 address length (1)
 *                                       12 address (8)
 */
#include "capture.h"

#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cursor.h"
#include "nlcore.h"

#define PACKET_USER	6	/* to user space */
#define PACKET_KERNEL	7	/* to kernel space */


struct capture {
	pcap_t *p;
	int linktype;
	uint64_t no;		/* frames read so far (capture_loop resumes) */
	bool regular;		/* the input is a regular file */
	uint64_t dev, ino;
};

struct capture *capture_open(const char *path, char *err, size_t errlen)
{
	char ebuf[PCAP_ERRBUF_SIZE] = "";
	struct capture *c;
	pcap_t *p;

	p = pcap_open_offline(path, ebuf);
	if (!p) {
		size_t pl = strlen(path);
		if (!strncmp(ebuf, path, pl) && ebuf[pl] == ':')
			snprintf(err, errlen, "%s", ebuf);	/* libpcap named the file */
		else if (strstr(ebuf, "unknown file format"))
			snprintf(err, errlen, "%s: not a pcap or pcapng file", path);
		else
			snprintf(err, errlen, "%s: %s", path, ebuf);
		return NULL;
	}
	c = calloc(1, sizeof(*c));
	if (!c) {
		pcap_close(p);
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	c->p = p;
	c->linktype = pcap_datalink(p);
	/* what was opened, not what the path names now */
	struct stat sb;
	FILE *fp = pcap_file(p);
	if (fp && fstat(fileno(fp), &sb) == 0 && S_ISREG(sb.st_mode)) {
		c->regular = true;
		c->dev = (uint64_t)sb.st_dev;
		c->ino = (uint64_t)sb.st_ino;
	}
	if (c->linktype != LINKTYPE_NETLINK && c->linktype != LINKTYPE_LINUX_SLL &&
	    c->linktype != LINKTYPE_LINUX_SLL2) {
		const char *nm = pcap_datalink_val_to_name(c->linktype);
		snprintf(err, errlen, "%s: link type %d (%s) is not netlink: expected NETLINK (253), "
			 "LINUX_SLL (113) or LINUX_SLL2 (276)", path, c->linktype, nm ? nm : "unknown");
		pcap_close(p);
		free(c);
		return NULL;
	}
	return c;
}

int capture_linktype(const struct capture *c) { return c->linktype; }

bool capture_regular(const struct capture *c, uint64_t *dev, uint64_t *ino)
{
	if (dev)
		*dev = c->dev;
	if (ino)
		*ino = c->ino;
	return c->regular;
}

const char *capture_strip(int linktype, const uint8_t *pkt, uint32_t caplen,
			  uint32_t len, struct nl_frame *f)
{
	struct nlc c = nlc_init(pkt, len, caplen);
	uint16_t pkttype, hatype, proto;
	size_t hl;

	if (linktype == LINKTYPE_LINUX_SLL2) {
		hl = 20;
		proto = nlc_be16(&c);
		nlc_skip(&c, 6);
		hatype = nlc_be16(&c);
		pkttype = nlc_u8(&c);
		nlc_skip(&c, 9);
	} else {
		hl = 16;
		pkttype = nlc_be16(&c);
		hatype = nlc_be16(&c);
		nlc_skip(&c, 10);
		proto = nlc_be16(&c);
	}
	if (c.err == NLC_ERR_TRUNCATED) {
		f->len = len;	/* the whole frame's, for the marker */
		f->caplen = caplen;
		return frame_header_cut;
	}
	if (!nlc_ok(&c))
		return "frame too short for its link-layer header";
	if (linktype != LINKTYPE_NETLINK && hatype != ARPHRD_NETLINK)
		return "not a netlink frame (ARPHRD type is not 824)";
	f->proto = proto;
	f->dir = pkttype == PACKET_USER ? NLDIR_TO_USER
	       : pkttype == PACKET_KERNEL ? NLDIR_TO_KERNEL : NLDIR_UNKNOWN;
	f->data = pkt + hl;
	f->len = len - (uint32_t)hl;
	f->caplen = caplen > hl ? caplen - (uint32_t)hl : 0;
	return NULL;
}

int capture_loop(struct capture *c, capture_cb cb, void *arg, char *err, size_t errlen)
{
	struct pcap_pkthdr *h;
	const u_char *data;
	int r;

	while ((r = pcap_next_ex(c->p, &h, &data)) == 1) {
		struct nl_frame f = { 0 };
		const char *bad;
		uint32_t caplen = h->caplen < h->len ? h->caplen : h->len;

		f.no = ++c->no;
		nl_frame_set_time(&f, h->ts.tv_sec, (int64_t)h->ts.tv_usec * 1000);
		bad = capture_strip(c->linktype, data, caplen, h->len, &f);
		f.pkt = data;
		f.pktcap = caplen;
		f.pktlen = h->len;
		if (!cb(arg, &f, bad))
			return 0;
	}
	if (r == PCAP_ERROR) {
		snprintf(err, errlen, "%s", pcap_geterr(c->p));
		return -1;
	}
	return 0;
}

void capture_close(struct capture *c)
{
	if (!c)
		return;
	pcap_close(c->p);
	free(c);
}
