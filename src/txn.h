/* txn.h - transactions: each answer paired with the request it answers.
 *
 * The core tells the pairing about every message it decodes (its header,
 * its frame, its time, which way it went) and gets back what the message
 * is in a transaction: a request, an answer to a request seen earlier (an
 * ACK or ERROR by the header the kernel echoes; a reply, a dump's parts and
 * its DONE by protocol, sequence number, port id and order), or neither
 * (a notification).  Data flows one way: the pairing reads headers and
 * learned facts; dissectors never call it.  Bounded: at most TXN_OPEN
 * requests and TXN_DUMPS dumps in progress are kept (the oldest evicted
 * and counted), each request's first TXN_KEEP bytes (an error's offset
 * is resolved against them when the ACK echoes the header only).
 */
#ifndef NLDUMP_TXN_H
#define NLDUMP_TXN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "cursor.h"

struct emitter;

#define TXN_OPEN	1024	/* requests remembered (a ring) */
#define TXN_DUMPS	256	/* dumps in progress */
#define TXN_KEEP	2048	/* bytes of a request kept */
#define TXN_TYPES	256	/* request types with latency figures */
#define TXN_UNANSWERED	64	/* unanswered requests listed by frame */

/* One message as the core read its header. */
struct txn_msg {
	uint64_t frame;
	unsigned index;		/* in its frame */
	int64_t sec;
	uint32_t nsec;
	uint16_t proto;
	bool to_kernel;
	bool dir_inferred;	/* from NLM_F_REQUEST: the link header did not say */
	bool copy;		/* a copy of an earlier frame: not a message of its own */
	bool get;		/* a GET by its kind (a dump with NLM_F_DUMP) */
	uint16_t type, flags;
	uint32_t len, seq, pid;
	/* NLMSG_ERROR: the header it echoes */
	bool echo;
	uint16_t etype, eflags;
	uint32_t eseq, epid;
	int32_t err;
	const struct nlc *bytes;	/* the whole message (a request's are kept) */
};

struct txn_dump {
	uint32_t messages, frames;
	uint64_t bytes;
	int64_t duration_ns;	/* first part to DONE */
	bool interrupted;	/* a part had NLM_F_DUMP_INTR */
};

enum txn_role {
	TXN_NONE,		/* neither (a notification, a copy, a request) */
	TXN_ANSWER,		/* an answer: matched or not */
};

/* What a message is in its transaction. */
struct txn_res {
	enum txn_role role;
	bool matched;		/* the request is known */
	bool ambiguous;		/* more than one request fitted: the earliest taken */
	bool is_done;		/* DONE: dump is set */
	bool have_dump;		/* the dump's parts were followed */
	uint64_t req_frame;
	unsigned req_index;
	int64_t latency_ns;
	struct txn_dump dump;
	/* the matched request's bytes kept (an ERROR's offset), or NULL */
	const uint8_t *req_bytes;
	size_t req_len;		/* kept */
	uint32_t req_wire_len;	/* its nlmsg_len */
	int slot;		/* the request's slot, -1 (internal) */
};

struct txn;

struct txn *txn_new(void);
void txn_free(struct txn *t);

/* The message m: what it is in its transaction, into r. */
void txn_observe(struct txn *t, const struct txn_msg *m, struct txn_res *r);
/* After a request is decoded: the name its latency figures go under
 * ("route GETLINK"); the last request observed. */
void txn_name_request(struct txn *t, const char *name);
/* -q (headers only): a request is decoded the first time its key (its
 * protocol, type, flags, command) is met, for its kind and name.
 * txn_kind_known: is key known, and a GET?  txn_kind_named: after
 * txn_observe of a request (and txn_name_request when it was decoded):
 * the last request takes the figures of key, or key is learned. */
bool txn_kind_known(struct txn *t, uint64_t key, bool *get);
void txn_kind_named(struct txn *t, uint64_t key, bool get);
/* The answer's pairing: text at the end of its summary ("reply to #12
 * +0.74 ms"), the JSON "txn" (and "dump" on DONE). */
void txn_emit(struct emitter *e, const struct txn_res *r);

/* The run's totals, for --stats. */
struct txn_totals {
	uint64_t requests, answered, unanswered, no_answer_wanted, notified;
	uint64_t answers, unmatched, ambiguous, evicted;
	uint64_t dumps, dumps_done, dumps_intr, dumps_no_done, dump_evicted;
	uint64_t latency_others;	/* answered requests of types not kept */
	unsigned nlisted;
	/* the first TXN_UNANSWERED requests never answered, oldest first:
	 * frame, index in it, type name (NULL: not named) */
	uint64_t unanswered_frames[TXN_UNANSWERED];
	unsigned unanswered_index[TXN_UNANSWERED];
	const char *unanswered_name[TXN_UNANSWERED];
};
void txn_totals(const struct txn *t, struct txn_totals *tot);
/* Latency of type i (0..): its name, count and percentile p (0..100) in
 * microseconds; false past the last type. */
bool txn_type_latency(const struct txn *t, unsigned i, const char **name, uint64_t *n,
		      const unsigned *pcts, unsigned npcts, double *us);

#endif
