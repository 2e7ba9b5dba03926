/* live_monitor.c - --monitor: netlink sockets joined to multicast groups,
 * the kernel's generic netlink family dump (see live.h).
 *
 * Netlink numbers are written here as the kernel ABI defines them
 * (include/uapi/linux/netlink.h, genetlink.h); only struct sockaddr_nl
 * comes from the build machine's headers.
 */
#include "live.h"

#include <errno.h>
#include <linux/netlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "genlmap.h"
#include "live_priv.h"
#include "nlcore.h"
#include "sbuf.h"

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
bool add_learner(struct live *l, char *err, size_t errlen)
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
int read_sock(struct live *l, struct sock *s, live_cb cb, void *arg,
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
