/* live.c - live input (see live.h).
 *
 * Netlink numbers are written here as the kernel ABI defines them
 * (include/uapi/linux/netlink.h, rtnetlink.h, genetlink.h, if_link.h);
 * only struct sockaddr_nl comes from the build machine's headers.
 */
#include "live.h"

#include <errno.h>
#include <grp.h>
#include <linux/netlink.h>
#include <pcap/pcap.h>
#include <poll.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "capture.h"
#include "genlmap.h"
#include "nlcore.h"
#include "sbuf.h"

/* protocols */
#define P_ROUTE		0	/* NETLINK_ROUTE */
#define P_GENERIC	16	/* NETLINK_GENERIC */
/* socket options */
#define SOL_NETLINK_	270
#define NL_ADD_MEMBERSHIP 1	/* NETLINK_ADD_MEMBERSHIP */
#define NL_PKTINFO	3	/* NETLINK_PKTINFO: struct nl_pktinfo { __u32 group; } */
#define NL_EXT_ACK	11	/* NETLINK_EXT_ACK */
/* nlmsghdr */
#define F_REQUEST	0x1
#define F_ACK		0x4
#define F_EXCL		0x200
#define F_CREATE	0x400
#define F_DUMP		0x300
#define T_ERROR		2
#define T_DONE		3
/* genl */
#define GENL_ID_CTRL	0x10
#define CTRL_CMD_GETFAMILY 3
#define CTRL_NOTIFY_GRP	0x10	/* nlctrl's "notify" group id, fixed */
/* rtnetlink */
#define RTM_NEWLINK	16
#define RTM_DELLINK	17
#define IFLA_IFNAME	3
#define IFLA_LINKINFO	18
#define IFLA_INFO_KIND	1
#define NESTED_FLAG	0x8000
#define IFF_UP		0x1
#define IFNAMSIZ_	16
/* cooked header (LINKTYPE_NETLINK) */
#define COOKED_LEN	16
#define PACKET_USER	6	/* to user space */

#define RXBUF		(256 * 1024)	/* bigger datagrams are cut (MSG_TRUNC) */

/* The one piece of state a signal handler may touch: the handler only
 * sets it, the loops read it (poll() returns EINTR, pcap_dispatch() hands
 * over no packet more once it is set, see on_pcap). */
volatile sig_atomic_t live_stop;

static void on_signal(int sig)
{
	(void)sig;
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
}

/* rtnetlink group names: nl_rtnl_groups[] (nlmsg.c) */
#define rtnl_groups nl_rtnl_groups
#define RTNL_NGROUPS nl_rtnl_ngroups

/* "ipv4_ifaddr" and "IPV4-IFADDR" name the same group as "ipv4-ifaddr" */
static bool name_eq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a == '_' ? '-' : (char)(*a | 0x20);
		char y = *b == '_' ? '-' : (char)(*b | 0x20);
		if (x != y)
			return false;
	}
	return !*a && !*b;
}

/* ---- small netlink socket helpers ---- */

static int nl_socket(int proto, char *err, size_t errlen)
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

struct nlbuf {
	uint8_t b[512];
	size_t len;
};

static void nb_put(struct nlbuf *m, const void *p, size_t n)
{
	if (m->len + ((n + 3) & ~(size_t)3) > sizeof(m->b))
		return;
	memcpy(m->b + m->len, p, n);
	memset(m->b + m->len + n, 0, ((n + 3) & ~(size_t)3) - n);
	m->len += (n + 3) & ~(size_t)3;
}

static void nb_hdr(struct nlbuf *m, uint16_t type, uint16_t flags, uint32_t seq)
{
	uint32_t h[4] = { 0, (uint32_t)type | (uint32_t)flags << 16, seq, 0 };
	m->len = 0;
	nb_put(m, h, 16);
}

static void nb_attr(struct nlbuf *m, uint16_t type, const void *p, size_t n)
{
	uint16_t h[2] = { (uint16_t)(4 + n), type };
	nb_put(m, h, 4);
	nb_put(m, p, n);
}

static void nb_done(struct nlbuf *m)
{
	uint32_t l = (uint32_t)m->len;
	memcpy(m->b, &l, 4);
}

/* Send a request and wait for its ACK: 0, or the negative errno. */
static int nl_transact(int fd, struct nlbuf *m, uint32_t seq)
{
	uint8_t rx[8192];

	nb_done(m);
	if (send(fd, m->b, m->len, 0) < 0)
		return -errno;
	for (;;) {
		ssize_t n = recv(fd, rx, sizeof(rx), 0);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		for (size_t off = 0; off + 16 <= (size_t)n;) {
			uint32_t len, s;
			uint16_t type;
			memcpy(&len, rx + off, 4);
			memcpy(&type, rx + off + 4, 2);
			memcpy(&s, rx + off + 8, 4);
			if (len < 16 || off + len > (size_t)n)
				break;
			if (type == T_ERROR && s == seq && len >= 20) {
				int32_t e;
				memcpy(&e, rx + off + 16, 4);
				return e;
			}
			off += (len + 3) & ~(size_t)3;
		}
	}
}

/* ---- the kernel's generic netlink families ---- */

int live_genl_load(struct nlstate *st, char *err, size_t errlen)
{
	int fd = nl_socket(P_GENERIC, err, errlen);
	struct nlbuf m;
	uint8_t *rx;
	uint8_t gh[4] = { CTRL_CMD_GETFAMILY, 1, 0, 0 };
	uint32_t seq = (uint32_t)time(NULL);
	bool done = false;
	int rc = 0;

	if (fd < 0)
		return -1;
	rx = malloc(RXBUF);
	if (!rx) {
		close(fd);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	nb_hdr(&m, GENL_ID_CTRL, F_REQUEST | F_DUMP, seq);
	nb_put(&m, gh, 4);
	nb_done(&m);
	if (send(fd, m.b, m.len, 0) < 0) {
		snprintf(err, errlen, "nlctrl GETFAMILY: %s", strerror(errno));
		rc = -1;
		done = true;
	}
	while (!done) {
		ssize_t n = recv(fd, rx, RXBUF, 0);
		if (n < 0) {
			if (errno == EINTR && !live_stop)
				continue;
			snprintf(err, errlen, "nlctrl GETFAMILY: %s", strerror(errno));
			rc = -1;
			break;
		}
		if (n == 0)
			break;
		struct nl_frame f = { .proto = P_GENERIC, .dir = NLDIR_TO_USER, .data = rx,
				      .len = (uint32_t)n, .caplen = (uint32_t)n };
		nl_learn_frame(st, &f);
		for (size_t off = 0; off + 16 <= (size_t)n;) {
			uint32_t len;
			uint16_t type;
			memcpy(&len, rx + off, 4);
			memcpy(&type, rx + off + 4, 2);
			if (len < 16)
				break;
			if (type == T_DONE)
				done = true;
			if (type == T_ERROR) {
				int32_t e = 0;
				if (len >= 20)
					memcpy(&e, rx + off + 16, 4);
				if (e) {
					snprintf(err, errlen, "nlctrl GETFAMILY: %s", strerror(-e));
					rc = -1;
				}
				done = true;
			}
			off += (len + 3) & ~(size_t)3;
		}
	}
	free(rx);
	close(fd);
	genl_map_retag(st->genl, GENL_SRC_CAPTURE, GENL_SRC_KERNEL);
	return rc < 0 ? -1 : (int)genl_map_count(st->genl);
}

/* ---- the live source: monitor sockets or libpcap ---- */

enum { SK_SHOW, SK_LEARN };	/* learn: nlctrl notify only, never shown */

struct sock {
	int fd;
	int proto;
	int role;
};

#define MAX_SOCKS 3

struct live {
	struct nlstate *st;
	pcap_t *p;		/* -i */
	char ifname[64];
	struct sock sk[MAX_SOCKS];
	unsigned nsk;
	bool genl_all;		/* join groups of families that appear later */
	uint32_t *joined;	/* genl group ids joined */
	unsigned njoined, cap_joined;
	unsigned rt_joined;
	uint32_t snaplen;
	uint8_t *buf;		/* cooked header + datagram */
	uint64_t no;
	uint64_t datagrams, overruns, cut, learn_frames;
	char desc[256];
};

static bool join(int fd, uint32_t group)
{
	int g = (int)group;
	return setsockopt(fd, SOL_NETLINK_, NL_ADD_MEMBERSHIP, &g, sizeof(g)) == 0;
}

static void set_rcvbuf(int fd, int bytes)
{
	if (bytes <= 0)
		bytes = 8 << 20;
	/* root may go past net.core.rmem_max */
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &bytes, sizeof(bytes)) < 0)
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &bytes, sizeof(bytes));
	int on = 1;
	setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &on, sizeof(on));
	/* the multicast group each notification was sent to */
	setsockopt(fd, SOL_NETLINK_, NL_PKTINFO, &on, sizeof(on));
}

static bool genl_joined(const struct live *l, uint32_t g)
{
	for (unsigned i = 0; i < l->njoined; i++)
		if (l->joined[i] == g)
			return true;
	return false;
}

static bool genl_join(struct live *l, int fd, uint32_t g)
{
	if (genl_joined(l, g))
		return true;
	if (!join(fd, g))
		return false;
	if (l->njoined == l->cap_joined) {
		unsigned nc = l->cap_joined ? l->cap_joined * 2 : 64;
		uint32_t *nj = realloc(l->joined, nc * sizeof(*nj));
		if (!nj)
			return true;
		l->joined = nj;
		l->cap_joined = nc;
	}
	l->joined[l->njoined++] = g;
	return true;
}

/* Join every group of a family (nlctrl's one group is fixed). */
static unsigned genl_join_family(struct live *l, int fd, const struct genl_family *f)
{
	unsigned n = 0;

	if (f->id == GENL_ID_CTRL)
		return genl_join(l, fd, CTRL_NOTIFY_GRP) ? 1 : 0;
	for (unsigned i = 0; i < f->ngroups; i++)
		if (genl_join(l, fd, f->groups[i].id))
			n++;
	return n;
}

static unsigned genl_join_all(struct live *l, int fd)
{
	unsigned n = 0;

	for (unsigned id = 0; id < 65536; id++) {
		const struct genl_family *f = genl_map_get(l->st->genl, (uint16_t)id);
		if (f)
			n += genl_join_family(l, fd, f);
	}
	return n;
}

static const struct genl_family *family_by_name(const struct genl_map *m, const char *name)
{
	for (unsigned id = 0; id < 65536; id++) {
		const struct genl_family *f = genl_map_get(m, (uint16_t)id);
		if (f && !strcmp(f->name, name))
			return f;
	}
	return NULL;
}

static struct live *live_new(struct nlstate *st, uint32_t snaplen)
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

static int add_sock(struct live *l, int proto, int role, int rcvbuf, char *err, size_t errlen)
{
	int fd = nl_socket(proto, err, errlen);

	if (fd < 0)
		return -1;
	set_rcvbuf(fd, role == SK_LEARN ? (1 << 20) : rcvbuf);
	l->sk[l->nsk].fd = fd;
	l->sk[l->nsk].proto = proto;
	l->sk[l->nsk].role = role;
	l->nsk++;
	return fd;
}

/* A socket on nlctrl's notify group whose messages only keep the map
 * current (when what is shown does not include them). */
static bool add_learner(struct live *l, char *err, size_t errlen)
{
	int fd = add_sock(l, P_GENERIC, SK_LEARN, 0, err, errlen);

	if (fd < 0)
		return false;
	if (!join(fd, CTRL_NOTIFY_GRP)) {
		snprintf(err, errlen, "joining nlctrl/notify: %s", strerror(errno));
		return false;
	}
	return true;
}

/* A group of the command line could not be joined (its name escaped). */
static void warn_join(const char *kind, const char *a, const char *b, int eno)
{
	struct sbuf m = { 0 }, out = { 0 };

	sbuf_printf(&m, "%s%s%s%s", kind, a, b ? "/" : "", b ? b : "");
	sbuf_puts(&out, "nldump: warning: cannot join ");
	sbuf_escape_msg(&out, m.p);
	sbuf_printf(&out, ": %s\n", strerror(eno));
	fputs(out.p, stderr);
	sbuf_free(&m);
	sbuf_free(&out);
}

struct live *live_monitor_open(const char *spec, struct nlstate *st, int rcvbuf,
			       uint32_t snaplen, char *err, size_t errlen)
{
	struct live *l = live_new(st, snaplen);
	int rt = -1, ge = -1;
	char *copy = NULL, *save = NULL, *item;
	unsigned ngenl = 0;

	if (!l) {
		snprintf(err, errlen, "out of memory");
		goto fail;
	}
	if ((rt = add_sock(l, P_ROUTE, SK_SHOW, rcvbuf, err, errlen)) < 0 ||
	    (ge = add_sock(l, P_GENERIC, SK_SHOW, rcvbuf, err, errlen)) < 0)
		goto fail;
	if (!spec || !*spec)
		spec = "route,genl";
	copy = strdup(spec);
	if (!copy) {
		snprintf(err, errlen, "out of memory");
		goto fail;
	}
	for (item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
		char *slash = strchr(item, '/');
		char *rest = slash ? slash + 1 : NULL;
		if (slash)
			*slash = 0;
		if (!strcmp(item, "route") || !strcmp(item, "rtnl")) {
			bool found = false;
			for (unsigned g = 1; g < RTNL_NGROUPS; g++) {
				if (!rtnl_groups[g] || (rest && !name_eq(rest, rtnl_groups[g])))
					continue;
				found = true;
				if (join(rt, g))
					l->rt_joined++;	/* unknown to this kernel: skipped */
				else if (rest)
					warn_join("route/", rest, NULL, errno);
			}
			if (!found) {
				snprintf(err, errlen, "--monitor: unknown rtnetlink group '%s' "
					 "(e.g. link, neigh, ipv4-ifaddr, ipv6-route; see nldump(8))",
					 rest);
				goto fail;
			}
		} else if (!strcmp(item, "genl")) {
			char *grp = rest ? strchr(rest, '/') : NULL;
			if (grp)
				*grp++ = 0;
			if (!rest || !*rest) {
				l->genl_all = true;
				ngenl += genl_join_all(l, ge);
				continue;
			}
			const struct genl_family *f = family_by_name(st->genl, rest);
			if (!f) {
				snprintf(err, errlen, "--monitor: the kernel has no generic netlink "
					 "family '%s'", rest);
				goto fail;
			}
			if (!grp) {
				ngenl += genl_join_family(l, ge, f);
				continue;
			}
			uint32_t gid = 0;
			bool found = false;
			if (f->id == GENL_ID_CTRL && !strcmp(grp, "notify")) {
				gid = CTRL_NOTIFY_GRP;
				found = true;
			}
			for (unsigned i = 0; !found && i < f->ngroups; i++) {
				if (!strcmp(f->groups[i].name, grp)) {
					gid = f->groups[i].id;
					found = true;
				}
			}
			if (!found) {
				snprintf(err, errlen, "--monitor: family %s has no multicast group '%s'",
					 rest, grp);
				goto fail;
			}
			if (genl_join(l, ge, gid))
				ngenl++;
			else
				warn_join("genl/", rest, grp, errno);
		} else {
			snprintf(err, errlen, "--monitor: '%s': expected route, route/GROUP, genl, "
				 "genl/FAMILY or genl/FAMILY/GROUP", item);
			goto fail;
		}
	}
	free(copy);
	copy = NULL;
	if (!l->rt_joined && !ngenl) {
		snprintf(err, errlen, "--monitor: no multicast group could be joined");
		goto fail;
	}
	if (!genl_joined(l, CTRL_NOTIFY_GRP) && !add_learner(l, err, errlen))
		goto fail;
	snprintf(l->desc, sizeof(l->desc), "monitoring %u rtnetlink and %u generic netlink "
		 "multicast groups", l->rt_joined, ngenl);
	return l;
fail:
	free(copy);
	live_close(l);
	return NULL;
}

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

int live_linktype(const struct live *l)
{
	(void)l;
	return LINKTYPE_NETLINK;
}

const char *live_describe(const struct live *l)
{
	return l->desc;
}

/* A learning-only datagram: nlctrl notifications kept off the output. */
static void learn_dgram(struct live *l, const uint8_t *p, uint32_t n)
{
	struct nl_frame f = { .proto = P_GENERIC, .dir = NLDIR_TO_USER, .data = p,
			      .len = n, .caplen = n };
	nl_learn_frame(l->st, &f);
	l->learn_frames++;
}

/* After an nlctrl message: join the groups of families that appeared. */
static void rejoin(struct live *l)
{
	for (unsigned i = 0; i < l->nsk; i++)
		if (l->sk[i].proto == P_GENERIC && l->sk[i].role == SK_SHOW)
			genl_join_all(l, l->sk[i].fd);
}

/* Read what one socket has; -1 on a hard error, 0 to stop, 1 to go on. */
static int read_sock(struct live *l, struct sock *s, live_cb cb, void *arg,
		     char *err, size_t errlen)
{
	for (;;) {
		uint8_t *data = l->buf + COOKED_LEN;
		struct sockaddr_nl sa;
		union {
			struct cmsghdr h;
			uint8_t b[CMSG_SPACE(sizeof(struct timespec)) + 64];
		} cb_u;
		struct iovec iov = { data, RXBUF };
		struct msghdr mh = { .msg_name = &sa, .msg_namelen = sizeof(sa),
				     .msg_iov = &iov, .msg_iovlen = 1,
				     .msg_control = cb_u.b, .msg_controllen = sizeof(cb_u.b) };
		ssize_t n = recvmsg(s->fd, &mh, MSG_DONTWAIT | MSG_TRUNC);

		if (n < 0) {
			if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
				return 1;
			if (errno == ENOBUFS) {
				if (s->role == SK_LEARN) {
					fprintf(stderr, "nldump: nlctrl notifications lost "
						"(ENOBUFS): family names may be stale\n");
					continue;
				}
				l->overruns++;
				fprintf(stderr, "nldump: %s socket overrun (ENOBUFS): messages "
					"were lost (%llu overruns so far)\n",
					nl_proto_name((unsigned)s->proto),
					(unsigned long long)l->overruns);
				continue;
			}
			snprintf(err, errlen, "netlink receive: %s", strerror(errno));
			return -1;
		}
		uint32_t len = (uint32_t)n;
		uint32_t cap = len < RXBUF ? len : RXBUF;
		if (s->role == SK_LEARN) {
			learn_dgram(l, data, cap);
			continue;
		}
		if (len > RXBUF)
			l->cut++;
		/* the -s cut, the same for what is shown and what -w writes (the
		 * options keep snaplen >= the cooked header and an nlmsghdr) */
		if (l->snaplen > COOKED_LEN && cap > l->snaplen - COOKED_LEN)
			cap = l->snaplen - COOKED_LEN;
		struct nl_frame f = { 0 };
		struct timespec ts = { 0, 0 };
		bool have_ts = false;
		for (struct cmsghdr *c = CMSG_FIRSTHDR(&mh); c; c = CMSG_NXTHDR(&mh, c)) {
			if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_TIMESTAMPNS &&
			    c->cmsg_len >= CMSG_LEN(sizeof(ts))) {
				memcpy(&ts, CMSG_DATA(c), sizeof(ts));
				have_ts = true;
			} else if (c->cmsg_level == SOL_NETLINK_ && c->cmsg_type == NL_PKTINFO &&
				   c->cmsg_len >= CMSG_LEN(sizeof(uint32_t))) {
				memcpy(&f.group, CMSG_DATA(c), sizeof(uint32_t));
			}
		}
		if (!have_ts)
			clock_gettime(CLOCK_REALTIME, &ts);
		/* the cooked header nlmon would have written */
		uint8_t *h = l->buf;
		memset(h, 0, COOKED_LEN);
		h[1] = PACKET_USER;
		h[2] = 824 >> 8;	/* ARPHRD_NETLINK */
		h[3] = 824 & 0xff;
		h[14] = (uint8_t)(s->proto >> 8);
		h[15] = (uint8_t)s->proto;
		l->datagrams++;
		f.no = ++l->no;
		f.sec = ts.tv_sec;
		f.nsec = (uint32_t)ts.tv_nsec;
		f.proto = (uint16_t)s->proto;
		f.dir = NLDIR_TO_USER;
		f.data = data;
		f.len = len;
		f.caplen = cap;
		bool go = cb(arg, &f, l->buf, cap + COOKED_LEN, len + COOKED_LEN, NULL);
		if (s->proto == P_GENERIC && l->genl_all && cap >= 6 &&
		    (data[4] | data[5] << 8) == GENL_ID_CTRL)
			rejoin(l);
		if (!go)
			return 0;
		if (live_stop)
			return 0;
	}
}

struct pcb {
	struct live *l;
	live_cb cb;
	void *arg;
	bool stop;
};

static void on_pcap(u_char *u, const struct pcap_pkthdr *h, const u_char *pkt)
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

/* ---- a temporary nlmon interface ---- */

static bool link_req(uint16_t type, uint16_t flags, uint32_t ifflags, const char *name,
		     const char *kind, char *err, size_t errlen, int *eno)
{
	int fd = nl_socket(P_ROUTE, err, errlen);
	struct nlbuf m;
	uint32_t seq = (uint32_t)time(NULL) ^ (uint32_t)getpid();
	/* struct ifinfomsg: family, pad, type (2), index (4), flags (4), change (4) */
	uint32_t ifi[4] = { 0, 0, ifflags, ifflags };

	*eno = 0;
	if (fd < 0)
		return false;
	int one = 1;
	setsockopt(fd, SOL_NETLINK_, NL_EXT_ACK, &one, sizeof(one));
	nb_hdr(&m, type, (uint16_t)(F_REQUEST | F_ACK | flags), seq);
	nb_put(&m, ifi, sizeof(ifi));
	nb_attr(&m, IFLA_IFNAME, name, strlen(name) + 1);
	if (kind) {
		struct nlbuf k = { .len = 0 };
		nb_attr(&k, IFLA_INFO_KIND, kind, strlen(kind));
		nb_attr(&m, IFLA_LINKINFO | NESTED_FLAG, k.b, k.len);
	}
	int e = nl_transact(fd, &m, seq);
	close(fd);
	if (e) {
		*eno = -e;
		snprintf(err, errlen, "%s: %s", name, strerror(-e));
		return false;
	}
	return true;
}

bool live_nlmon_create(char *name, size_t n, char *err, size_t errlen)
{
	int eno;

	snprintf(name, n < IFNAMSIZ_ ? n : IFNAMSIZ_, "nlmon%d", (int)getpid() % 100000);
	if (!link_req(RTM_NEWLINK, F_CREATE | F_EXCL, 0, name, "nlmon", err, errlen, &eno)) {
		if (eno == EOPNOTSUPP || eno == ENOENT)
			snprintf(err, errlen, "cannot create an nlmon interface: this kernel has "
				 "no nlmon support (CONFIG_NLMON; modprobe nlmon); --monitor "
				 "works without it");
		else {
			char e2[256];
			snprintf(e2, sizeof(e2), "%s", err);
			snprintf(err, errlen, "cannot create an nlmon interface: %s", e2);
		}
		return false;
	}
	if (!link_req(RTM_NEWLINK, 0, IFF_UP, name, NULL, err, errlen, &eno)) {
		char e2[256];
		snprintf(e2, sizeof(e2), "%s", err);
		snprintf(err, errlen, "cannot set nlmon interface up: %s", e2);
		live_nlmon_delete(name, e2, sizeof(e2));
		return false;
	}
	return true;
}

bool live_nlmon_delete(const char *name, char *err, size_t errlen)
{
	int eno;

	return link_req(RTM_DELLINK, 0, 0, name, NULL, err, errlen, &eno);
}

bool live_drop_privs(const char *user, char *err, size_t errlen)
{
	struct passwd *pw = getpwnam(user);

	if (!pw) {
		snprintf(err, errlen, "-Z: unknown user '%s'", user);
		return false;
	}
	if (setgroups(1, &pw->pw_gid) < 0 || setgid(pw->pw_gid) < 0 ||
	    setuid(pw->pw_uid) < 0) {
		snprintf(err, errlen, "-Z %s: cannot drop privileges: %s", user, strerror(errno));
		return false;
	}
	if (setuid(0) == 0) {
		snprintf(err, errlen, "-Z %s: privileges could not be dropped", user);
		return false;
	}
	return true;
}
