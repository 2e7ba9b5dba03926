/* live_pcap.c - -i and --nlmon: an nlmon interface read through libpcap
 * (see live.h).
 */
#include "live.h"

#include <pcap/pcap.h>
#include <stdio.h>

#include "capture.h"
#include "live_priv.h"
#include "nlcore.h"

static const char nlmon_howto[] =
	"make one with: modprobe nlmon; ip link add nlmon0 type nlmon; "
	"ip link set nlmon0 up (or use --nlmon or --monitor)";

struct live *live_pcap_open(const char *iface, struct nlstate *st, int bufsize,
			    uint32_t snaplen, char *err, size_t errlen)
{
	char ebuf[PCAP_ERRBUF_SIZE] = "";
	struct live *l = live_new(st, snaplen);
	pcap_t *p;
	int rc;

	if (!l) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	snprintf(l->ifname, sizeof(l->ifname), "%s", iface);
	p = pcap_create(iface, ebuf);
	if (!p) {
		snprintf(err, errlen, "%s: %s", iface, ebuf);
		goto fail;
	}
	l->p = p;
	pcap_set_snaplen(p, (int)l->snaplen);
	pcap_set_immediate_mode(p, 1);
	pcap_set_tstamp_precision(p, PCAP_TSTAMP_PRECISION_NANO);
	pcap_set_buffer_size(p, bufsize > 0 ? bufsize : 8 << 20);
	rc = pcap_activate(p);
	if (rc == PCAP_ERROR_NO_SUCH_DEVICE) {
		snprintf(err, errlen, "%s: no such interface; capturing netlink needs an nlmon "
			 "interface: %s", iface, nlmon_howto);
		goto fail;
	}
	if (rc == PCAP_ERROR_PERM_DENIED) {
		snprintf(err, errlen, "%s: permission denied (capturing needs root or "
			 "CAP_NET_RAW)", iface);
		goto fail;
	}
	if (rc < 0) {
		snprintf(err, errlen, "%s: %s", iface, pcap_geterr(p));
		goto fail;
	}
	if (pcap_datalink(p) != LINKTYPE_NETLINK) {
		const char *nm = pcap_datalink_val_to_name(pcap_datalink(p));
		snprintf(err, errlen, "%s: not an nlmon interface (link type %s, not NETLINK); %s",
			 iface, nm ? nm : "?", nlmon_howto);
		goto fail;
	}
	if (pcap_setnonblock(p, 1, ebuf) < 0) {
		snprintf(err, errlen, "%s: %s", iface, ebuf);
		goto fail;
	}
	/* nlmon only shows nlctrl notifications some socket listens to */
	if (!add_learner(l, err, errlen))
		goto fail;
	snprintf(l->desc, sizeof(l->desc), "listening on %s, link type NETLINK, snapshot "
		 "length %u bytes", iface, l->snaplen);
	return l;
fail:
	live_close(l);
	return NULL;
}

bool live_pcap_filter(struct live *l, struct bpf_program *prog, char *err, size_t errlen)
{
	if (!l->p) {
		snprintf(err, errlen, "no capture filter for this input");
		return false;
	}
	if (pcap_setfilter(l->p, prog) < 0) {
		snprintf(err, errlen, "%s", pcap_geterr(l->p));
		return false;
	}
	return true;
}

void on_pcap(u_char *u, const struct pcap_pkthdr *h, const u_char *pkt)
{
	struct pcb *c = (struct pcb *)u;
	struct nl_frame f = { 0 };
	uint32_t caplen = h->caplen < h->len ? h->caplen : h->len;
	const char *bad;

	if (c->stop || live_stop)
		return;
	f.no = ++c->l->no;
	nl_frame_set_time(&f, h->ts.tv_sec, h->ts.tv_usec);	/* nanoseconds asked */
	bad = capture_strip(LINKTYPE_NETLINK, pkt, caplen, h->len, &f);
	if (!c->cb(c->arg, &f, pkt, caplen, h->len, bad))
		c->stop = true;
}
