/* live.c - live input (see live.h).
 *
 * Netlink numbers are written here as the kernel ABI defines them
 * (include/uapi/linux/netlink.h, rtnetlink.h, genetlink.h, if_link.h);
 * only struct sockaddr_nl comes from the build machine's headers.
 */
#include "live.h"

#include <errno.h>
#include <linux/netlink.h>
#include <pcap/pcap.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "capture.h"
#include "live_priv.h"

/* The one piece of state a signal handler may touch: the handler only
 * sets it, the loops read it (poll() returns EINTR, pcap_dispatch() hands
 * over no packet more once it is set, see on_pcap). */
volatile sig_atomic_t live_stop;
/* SIGUSR1: the running totals are wanted; the driver prints them from the
 * loop (live_idle_cb, the frame callback), never the handler */
volatile sig_atomic_t live_report;

static void on_signal(int sig)
{
	if (sig == SIGUSR1)
		live_report = 1;
	else
		live_stop = 1;
}

void live_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;	/* no SA_RESTART: poll() returns EINTR */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGUSR1, &sa, NULL);
}

/* ---- small netlink socket helpers ---- */

int nl_socket(int proto, char *err, size_t errlen)
{
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, proto);
	struct sockaddr_nl sa;

	if (fd < 0) {
		snprintf(err, errlen, "netlink socket (protocol %d): %s", proto, strerror(errno));
		return -1;
	}
	memset(&sa, 0, sizeof(sa));
	sa.nl_family = AF_NETLINK;
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		snprintf(err, errlen, "netlink bind: %s", strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}


void nb_put(struct nlbuf *m, const void *p, size_t n)
{
	if (m->len + ((n + 3) & ~(size_t)3) > sizeof(m->b))
		return;
	memcpy(m->b + m->len, p, n);
	memset(m->b + m->len + n, 0, ((n + 3) & ~(size_t)3) - n);
	m->len += (n + 3) & ~(size_t)3;
}

void nb_hdr(struct nlbuf *m, uint16_t type, uint16_t flags, uint32_t seq)
{
	uint32_t h[4] = { 0, (uint32_t)type | (uint32_t)flags << 16, seq, 0 };
	m->len = 0;
	nb_put(m, h, 16);
}

void nb_attr(struct nlbuf *m, uint16_t type, const void *p, size_t n)
{
	uint16_t h[2] = { (uint16_t)(4 + n), type };
	nb_put(m, h, 4);
	nb_put(m, p, n);
}

void nb_done(struct nlbuf *m)
{
	uint32_t l = (uint32_t)m->len;
	memcpy(m->b, &l, 4);
}

struct live *live_new(struct nlstate *st, uint32_t snaplen)
{
	struct live *l = calloc(1, sizeof(*l));

	if (!l)
		return NULL;
	l->st = st;
	l->snaplen = snaplen ? snaplen : 262144;
	l->buf = malloc(COOKED_LEN + RXBUF);
	if (!l->buf) {
		free(l);
		return NULL;
	}
	for (unsigned i = 0; i < MAX_SOCKS; i++)
		l->sk[i].fd = -1;
	return l;
}

int live_linktype(const struct live *l)
{
	(void)l;
	return LINKTYPE_NETLINK;
}

const char *live_describe(const struct live *l)
{
	return l->desc;
}

int live_loop(struct live *l, live_cb cb, live_idle_cb idle, void *arg, char *err,
	      size_t errlen)
{
	struct pollfd pfd[MAX_SOCKS + 1];
	unsigned n = 0;
	int pcap_idx = -1;
	bool busy = false;	/* something was read since the last idle call */

	if (l->p) {
		int fd = pcap_get_selectable_fd(l->p);
		if (fd < 0) {
			snprintf(err, errlen, "%s: cannot poll the capture", l->ifname);
			return -1;
		}
		pcap_idx = (int)n;
		pfd[n].fd = fd;
		pfd[n++].events = POLLIN;
	}
	for (unsigned i = 0; i < l->nsk; i++) {
		pfd[n].fd = l->sk[i].fd;
		pfd[n++].events = POLLIN;
	}
	while (!live_stop) {
		int r = poll(pfd, n, busy && idle ? LIVE_IDLE_MS : 1000);
		if (r < 0) {
			/* SIGUSR1 while nothing comes: the driver says the totals */
			if (errno == EINTR && live_report && idle && !idle(arg))
				return 0;
			if (errno == EINTR)
				continue;
			snprintf(err, errlen, "poll: %s", strerror(errno));
			return -1;
		}
		if (r == 0) {
			if (busy && idle && !idle(arg))
				return 0;
			busy = false;
			continue;
		}
		busy = true;
		for (unsigned i = 0; i < n && !live_stop; i++) {
			if (!pfd[i].revents)
				continue;
			if ((int)i == pcap_idx) {
				struct pcb c = { l, cb, arg, false };
				int k = pcap_dispatch(l->p, -1, on_pcap, (u_char *)&c);
				if (k == PCAP_ERROR) {
					snprintf(err, errlen, "%s: %s", l->ifname, pcap_geterr(l->p));
					return -1;
				}
				if (c.stop)
					return 0;
				continue;
			}
			struct sock *s = &l->sk[i - (pcap_idx >= 0 ? 1 : 0)];
			int k = read_sock(l, s, cb, arg, err, errlen);
			if (k <= 0)
				return k;
		}
	}
	return 0;
}

void live_summary(struct live *l, char *buf, size_t n)
{
	if (l->p) {
		struct pcap_stat ps;
		if (pcap_stats(l->p, &ps) == 0)
			snprintf(buf, n, "%llu packets read, %u received by filter, "
				 "%u dropped by kernel", (unsigned long long)l->no,
				 ps.ps_recv, ps.ps_drop);
		else
			snprintf(buf, n, "%llu packets read", (unsigned long long)l->no);
		return;
	}
	snprintf(buf, n, "%llu datagrams received, %llu overruns (ENOBUFS)%s",
		 (unsigned long long)l->datagrams, (unsigned long long)l->overruns,
		 l->cut ? ", some datagrams cut to 256 KiB" : "");
}

void live_counts(struct live *l, uint64_t *recv, uint64_t *drop)
{
	struct pcap_stat ps;

	*recv = l->datagrams;
	*drop = l->overruns;
	if (l->p && pcap_stats(l->p, &ps) == 0) {
		*recv = ps.ps_recv;
		*drop = ps.ps_drop;
	}
}

void live_close(struct live *l)
{
	if (!l)
		return;
	if (l->p)
		pcap_close(l->p);
	for (unsigned i = 0; i < l->nsk; i++)
		if (l->sk[i].fd >= 0)
			close(l->sk[i].fd);
	free(l->joined);
	free(l->buf);
	free(l);
}
