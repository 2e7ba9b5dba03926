/* state.h - what the decoder knows across messages: the generic netlink
 * family map, interface names, and options that change decoding. */
#ifndef NLDUMP_STATE_H
#define NLDUMP_STATE_H

#include <stdbool.h>
#include <stdint.h>

struct genl_map;
struct ifmap;
struct nftset_map;
struct nl_frame;
struct nl_fsink;
struct spec_reg;
struct strset_map;
struct ovsflow;
struct txn;
struct txn_res;

enum nl_dir {
	NLDIR_UNKNOWN = 0,
	NLDIR_TO_KERNEL,
	NLDIR_TO_USER,
};

enum nl_time_fmt {
	NLT_DEFAULT,	/* HH:MM:SS.frac, UTC unless TZ says otherwise */
	NLT_NONE,	/* -t */
	NLT_EPOCH,	/* -tt */
	NLT_DELTA,	/* -ttt: since the previous frame */
	NLT_DATE,	/* -tttt */
	NLT_SINCE_FIRST,/* -ttttt */
};

/* Options that change decoding (set by nl_core_init). */
struct nl_opts {
	enum nl_time_fmt tfmt;
	bool hex;		/* -x */
	bool numeric;		/* -n: numbers instead of names (dissectors read it
				 * as d->numeric; the emitter has its own copy) */
	bool count_only;	/* -q without --stats: only the totals of frames,
				 * messages and padding are wanted; message
				 * bodies are not decoded */
	bool number;		/* -#: the frame number first on each line */
};

/* The time stamps of a run (nlmsg.c). */
struct nl_clock {
	bool have_first;	/* first_* and prev_* are set */
	int64_t first_sec, prev_sec;
	uint32_t first_nsec, prev_nsec;
	/* "HH:MM:SS." (or with the date) of the second tcache_sec:
	 * localtime_r per message would dominate the one-line mode */
	int64_t tcache_sec;
	bool tcache_ok;		/* tcache holds tcache_sec */
	char tcache[80];
	/* the JSON "time" up to the seconds' dot, of the second jcache_sec */
	int64_t jcache_sec;
	bool jcache_ok;
	char jcache[48];
};

/* The attribute engine's lookup index (attr.c, nla_find): the first
 * lookup in a set indexes it, the next ones are O(1); two sets (a message
 * and one nest) are kept, the older one reused. */
#define NLA_IDX_TYPES 128

struct nla_index {
	const uint8_t *base;
	size_t pos, end;
	uint32_t gen;		/* of this build; 0: unused */
	bool complete;		/* the set parsed cleanly to its end */
	uint32_t tgen[NLA_IDX_TYPES];
	uint32_t off[NLA_IDX_TYPES];	/* header offset from pos */
};

struct nla_cache {
	struct nla_index ix[2];
	uint32_t gen;		/* the last build's generation */
	unsigned next;		/* the slot the next build takes */
	/* "unknown_N" keys: they must live as long as the object they name is
	 * open, one slot per nesting depth (NL_MAX_DEPTH + 2) */
	char keys[12][24];
};

/* Declared summaries (summary.c): a summary's fields resolved to their
 * policy entries once per run, so the walker matches a pointer; a small
 * direct-mapped table keyed by the summary (a collision resolves again). */
#define NL_SUM_CACHE 32
#define NL_SUM_CACHE_SLOTS 24
struct nl_sum_resolved {
	const void *sum, *hdr;	/* the summary, and the header layout it read */
	uint64_t mask;		/* bit (type % 64) of every attribute field */
	uint16_t off[NL_SUM_CACHE_SLOTS], width[NL_SUM_CACHE_SLOTS];	/* header fields */
	const struct nl_attr_pol *pol[NL_SUM_CACHE_SLOTS];
};

/* A display filter's hook: begin before a message's walk, keep after it
 * (true: the message is shown); the core counts what is kept. */
struct nl_msg_filter {
	void (*begin)(void *arg);
	bool (*keep)(void *arg, const struct nl_frame *f, unsigned idx, uint16_t nl_flags);
	void *arg;
	uint64_t msgs, frames;	/* kept: messages; frames with one at least */
};

/* What the core tells a listener of each message (--stats, nlmsg_tap.c):
 * a message whose nlmsghdr was captured whole. */
struct nl_msginfo {
	const struct nl_frame *f;
	uint32_t bytes;		/* the message's bytes in the frame (nlmsg_len, or
				 * what the frame holds when it says more) */
	uint16_t type, flags;
	uint32_t seq, pid;
	uint8_t dir;		/* enum nl_dir, inferred from NLM_F_REQUEST when
				 * the link header does not say */
	int cmd;		/* a generic netlink command, or -1 */
	bool error;		/* NLMSG_ERROR with its code */
	int32_t err;		/* its code (0: an ACK) */
	uint16_t etype;		/* the type of the request it echoes */
	int ecmd;		/* and its generic netlink command, or -1 */
	/* names as the one-line output says them, when the listener asked
	 * (want_names), else NULL: the family (generic netlink), the message
	 * type (ERROR, ACK for NLMSG_ERROR), the request an error echoes */
	const char *family, *tname, *ename;
};

struct nl_msgtap {
	/* does the listener want this message's names?  They cost a decode
	 * of the message when nothing else is decoded (-q). */
	bool (*want_names)(void *arg, const struct nl_msginfo *m);
	void (*msg)(void *arg, const struct nl_msginfo *m);
	void *arg;
};

struct nlstate {
	struct nl_opts opts;
	struct nl_clock clock;
	struct nla_cache nla;
	struct nl_sum_resolved sumres[NL_SUM_CACHE];
	struct genl_map *genl;
	struct spec_reg *specs;	/* the YNL specs (built in, --spec), or NULL */
	struct ifmap *ifnames;	/* ifindex -> name, from RTM_NEWLINK (NULL until one is seen) */
	/* string sets learned (ethtool's STRSET_GET replies), NULL until one is seen */
	struct strset_map *strsets;
	/* nftables sets learned (their elements, for a rule's anonymous
	 * sets: src/nftset.h), NULL until one is seen */
	struct nftset_map *nftsets;
	bool learning;		/* pre-pass: learn, never emit */
	/* the run's field sink (fieldev.h: -T paths), or NULL; every message's
	 * decode context gets it */
	struct nl_fsink *fs;
	/* a display filter (the driver's filter.c), or NULL: asked at each
	 * message's end whether its output is kept */
	struct nl_msg_filter *filter;
	/* the run's listener of messages (--stats), or NULL */
	const struct nl_msgtap *tap;
	/* sock_diag dump requests by sequence number and family (a small
	 * table, a slot reused round-robin): the protocol (tcp, udp...) that
	 * the replies do not carry (dissectors/sock_diag.c) */
	struct nl_sockdiag_req {
		uint32_t seq;
		uint16_t proto;
		uint8_t family;
		bool used;
	} sockdiag[8];
	unsigned sockdiag_next;
	/* transactions (txn.h): requests paired with their answers, or NULL
	 * (-q without --stats); txn_cur: what the pairing said of the answer
	 * being decoded (a DONE's dump, an ERROR's request kept), or NULL */
	struct txn *txn;
	const struct txn_res *txn_cur;
	/* OVS flow lifecycles (ovsflow.h): upcalls, flows, or NULL (as txn) */
	struct ovsflow *ovsflow;
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
	/* the whole packet as read, link header included (a file: -w writes
	 * it), or NULL */
	const uint8_t *pkt;
	uint32_t pktcap, pktlen;
};

#endif
