/* live_list.c - -D: the nlmon interfaces of the running kernel, from an
 * RTM_GETLINK dump (an interface whose IFLA_LINKINFO kind is "nlmon"),
 * printed as tcpdump -D prints interfaces: "1.nlmon0 [Up, Running]".
 *
 * Netlink numbers are written here as the kernel ABI defines them
 * (include/uapi/linux/netlink.h, rtnetlink.h, if_link.h, if.h).
 */
#include "live.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "cursor.h"
#include "live_priv.h"

#define RTM_GETLINK	18
#define IFF_RUNNING	0x40
#define IFINFOMSG_LEN	16	/* family, pad, type, index, flags, change */
#define NLA_TYPE_MASK	0x3fff	/* without NLA_F_NESTED, NLA_F_NET_BYTEORDER */

/* The payload of attribute type in the attributes of c, or false. */
static bool attr_find(struct nlc c, uint16_t type, struct nlc *out)
{
	while (nlc_left(&c) >= 4) {
		uint16_t len = nlc_u16(&c), t = nlc_u16(&c);
		if (len < 4 || !nlc_ok(&c))
			return false;
		struct nlc v = nlc_sub(&c, len - 4u);
		if (!nlc_ok(&v) || !nlc_skip(&c, len - 4u))
			return false;
		nlc_align4(&c);
		if ((t & NLA_TYPE_MASK) == type) {
			*out = v;
			return true;
		}
	}
	return false;
}

/* The string an attribute holds (up to its NUL), compared with s. */
static bool str_is(struct nlc v, const char *s)
{
	size_t n = strlen(s), left = nlc_left(&v);
	const uint8_t *p = nlc_bytes(&v, left);

	return p && (left == n || (left > n && p[n] == 0)) && !memcmp(p, s, n);
}

/* One RTM_NEWLINK (its payload): printed when it is an nlmon interface. */
static void one_link(FILE *out, struct nlc m, unsigned *count)
{
	struct nlc ifi = nlc_sub(&m, IFINFOMSG_LEN), name, li, kind;

	if (!nlc_ok(&ifi) || !nlc_skip(&m, IFINFOMSG_LEN))
		return;
	nlc_skip(&ifi, 8);	/* family, pad, type, index */
	uint32_t flags = nlc_u32(&ifi);
	if (!attr_find(m, IFLA_LINKINFO, &li) || !attr_find(li, IFLA_INFO_KIND, &kind) ||
	    !str_is(kind, "nlmon") || !attr_find(m, IFLA_IFNAME, &name))
		return;
	size_t n = nlc_left(&name);
	const uint8_t *p = nlc_bytes(&name, n);
	char ifname[IFNAMSIZ_ + 1] = "";
	size_t k = 0;
	for (size_t i = 0; p && i < n && p[i] && k < IFNAMSIZ_; i++)	/* printable only */
		ifname[k++] = p[i] > 0x20 && p[i] < 0x7f ? (char)p[i] : '?';
	ifname[k] = 0;
	bool up = flags & IFF_UP, run = flags & IFF_RUNNING;
	fprintf(out, "%u.%s [%s%s%s]\n", ++*count, ifname, up ? "Up" : "", up && run ? ", " : "",
		run ? "Running" : !up ? "none" : "");
}

int live_list_nlmon(FILE *out, char *err, size_t errlen)
{
	uint8_t rx[32768];
	int fd = nl_socket(P_ROUTE, err, errlen);
	struct nlbuf m;
	uint32_t seq = (uint32_t)time(NULL) ^ (uint32_t)getpid();
	uint8_t ifi[IFINFOMSG_LEN] = { 0 };
	unsigned count = 0;

	if (fd < 0)
		return -1;
	nb_hdr(&m, RTM_GETLINK, F_REQUEST | F_DUMP, seq);
	nb_put(&m, ifi, sizeof(ifi));
	nb_done(&m);
	if (send(fd, m.b, m.len, 0) < 0) {
		snprintf(err, errlen, "RTM_GETLINK dump: %s", strerror(errno));
		close(fd);
		return -1;
	}
	for (;;) {
		ssize_t n = recv(fd, rx, sizeof(rx), 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			snprintf(err, errlen, "RTM_GETLINK dump: %s", n < 0 ? strerror(errno)
				 : "no answer");
			close(fd);
			return -1;
		}
		struct nlc c = nlc_init(rx, (size_t)n, (size_t)n);
		while (nlc_left(&c) >= 16) {
			struct nlc h = c;
			uint32_t len = nlc_u32(&h);
			uint16_t type = nlc_u16(&h);
			nlc_skip(&h, 2);
			uint32_t s = nlc_u32(&h);
			if (len < 16 || len > nlc_left(&c))
				break;
			struct nlc msg = nlc_sub(&c, len);
			nlc_skip(&c, len);
			nlc_align4(&c);
			nlc_skip(&msg, 16);
			if (s != seq)
				continue;
			if (type == T_DONE) {
				close(fd);
				return (int)count;
			}
			if (type == T_ERROR) {
				int32_t e = (int32_t)nlc_u32(&msg);
				snprintf(err, errlen, "RTM_GETLINK dump: %s", strerror(e < 0 ? -e : e));
				close(fd);
				return -1;
			}
			if (type == RTM_NEWLINK)
				one_link(out, msg, &count);
		}
	}
}
