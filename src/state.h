/* state.h - what the decoder knows across messages: the generic netlink
 * family map, interface names, and options that change decoding. */
#ifndef NLDUMP_STATE_H
#define NLDUMP_STATE_H

#include <stdbool.h>
#include <stdint.h>

struct genl_map;
struct ifmap;

enum nl_dir {
	NLDIR_UNKNOWN = 0,
	NLDIR_TO_KERNEL,
	NLDIR_TO_USER,
};

struct nlstate {
	struct genl_map *genl;
	struct ifmap *ifnames;	/* ifindex -> name, from RTM_NEWLINK (NULL until one is seen) */
	bool learning;		/* pre-pass: learn, never emit */
	/* parts of the dumps in progress, by protocol, port id and sequence
	 * number (a small table: a slot is reused by a later dump), so DONE
	 * can say how many messages its dump had */
	struct nl_dump_count {
		uint32_t pid, seq;
		uint16_t proto;
		bool used;
		uint32_t n;
	} dumps[64];
	/* run totals */
	uint64_t frames, messages, copies, padding_frames, padding_bytes;
};

/* One captured frame, as the capture layer hands it to the core. */
struct nl_frame {
	uint64_t no;		/* 1-based frame number */
	int64_t sec;
	uint32_t nsec;
	uint16_t proto;		/* netlink protocol from the cooked header */
	uint8_t dir;		/* enum nl_dir, from the link header, if it says */
	unsigned copies;	/* with --dedup: how many identical frames folded */
	uint64_t copy_of;	/* without --dedup: the frame this one repeats, or 0 */
	uint32_t group;		/* multicast group it was sent to (--monitor), or 0 */
	const uint8_t *data;	/* netlink payload (after the link header) */
	uint32_t len;		/* declared length of the payload */
	uint32_t caplen;	/* captured bytes of the payload */
};

#endif
