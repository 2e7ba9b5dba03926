/* live_priv.h - what the live input's files share (live.c, live_monitor.c,
 * live_pcap.c, live_nlmon.c); not for other layers.
 *
 * Netlink numbers are written here as the kernel ABI defines them
 * (include/uapi/linux/netlink.h, rtnetlink.h, genetlink.h, if_link.h).
 */
#ifndef NLDUMP_LIVE_PRIV_H
#define NLDUMP_LIVE_PRIV_H

#include <pcap/pcap.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "live.h"

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

struct nlbuf {
	uint8_t b[512];
	size_t len;
};

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

struct pcb {
	struct live *l;
	live_cb cb;
	void *arg;
	bool stop;
};

/* live.c */
int nl_socket(int proto, char *err, size_t errlen);
void nb_put(struct nlbuf *m, const void *p, size_t n);
void nb_hdr(struct nlbuf *m, uint16_t type, uint16_t flags, uint32_t seq);
void nb_attr(struct nlbuf *m, uint16_t type, const void *p, size_t n);
void nb_done(struct nlbuf *m);
struct live *live_new(struct nlstate *st, uint32_t snaplen);

/* live_monitor.c */
bool add_learner(struct live *l, char *err, size_t errlen);
int read_sock(struct live *l, struct sock *s, live_cb cb, void *arg,
	      char *err, size_t errlen);

/* live_pcap.c */
void on_pcap(u_char *u, const struct pcap_pkthdr *h, const u_char *pkt);

#endif
