/* capture.h - reading frames from pcap/pcapng files (and stdin) through
 * libpcap, and taking the link-layer header off each. */
#ifndef NLDUMP_CAPTURE_H
#define NLDUMP_CAPTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "frames.h"
#include "state.h"

#define LINKTYPE_LINUX_SLL	113
#define LINKTYPE_NETLINK	253
#define LINKTYPE_LINUX_SLL2	276
#define ARPHRD_NETLINK		824

struct capture;

/* Called for every frame; return false to stop. */
typedef bool (*capture_cb)(void *arg, const struct nl_frame *f, const char *bad);

/* capture_open - open a file ("-" = stdin).  On error, NULL and a one-line
 * message in err. */
struct capture *capture_open(const char *path, char *err, size_t errlen);
int capture_linktype(const struct capture *c);
/* capture_regular - whether the opened input is a regular file (fstat of
 * what was opened: a pipe, /dev/stdin or <(...) is not), and its device
 * and inode (to check that a path opened again is the same file). */
bool capture_regular(const struct capture *c, uint64_t *dev, uint64_t *ino);
/* capture_loop - read frames until the end, cb returns false, or an error
 * (returns -1 with the message in err; frames before it were delivered).
 * A later call goes on after the last frame read; frame numbers go on. */
int capture_loop(struct capture *c, capture_cb cb, void *arg, char *err, size_t errlen);
void capture_close(struct capture *c);

/* A frame whose link-layer header the capture cut (snap length) is given
 * the reason frame_header_cut (frames.h): truncation, not damage. */

/* Take the link header off a frame: fills proto, dir, data/len/caplen.
 * Returns NULL, or why the frame is not a netlink frame. */
const char *capture_strip(int linktype, const uint8_t *pkt, uint32_t caplen,
			  uint32_t len, struct nl_frame *f);

#endif
