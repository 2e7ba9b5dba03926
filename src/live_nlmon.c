/* live_nlmon.c - creating and removing the temporary nlmon interface,
 * dropping privileges (-Z) (see live.h).
 *
 * Netlink numbers are written here as the kernel ABI defines them
 * (include/uapi/linux/netlink.h, rtnetlink.h, if_link.h).
 */
#include "live.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "live_priv.h"

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
