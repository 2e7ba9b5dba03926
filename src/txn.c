/* txn.c - transactions: requests paired with their answers (txn.h).
 *
 * Requests go into a ring of TXN_OPEN slots (the oldest overwritten, and
 * counted if it was still waiting for an answer), indexed by a hash of
 * (protocol, sequence number) so an answer looks at a short chain.  An
 * answer's candidates are the open requests of its protocol and sequence
 * number; of those that fit, the earliest is taken and, when more than
 * one fits, the pairing says it is ambiguous.
 *
 *   ACK, ERROR   the echoed header: type, flags, seq and pid all equal
 *   reply        a GET (not a dump) or a request with NLM_F_ECHO; route:
 *                the reply of GETx is NEWx (type - 2), genl: same type
 *   dump part    NLM_F_MULTI: the dump of (protocol, port id, seq), which
 *                its first part paired with an open dump request
 *   DONE         closes that dump (or an empty one)
 *
 * The answer's nlmsg_pid is the requester's port id; a request's own pid
 * is often 0, so a request learns its port from its first answer and
 * later answers must carry it.
 *
 * Reference: include/uapi/linux/netlink.h (NLM_F_*, NLMSG_*).
 */
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "hash.h"
#include "txn.h"

#define NLMSG_ERROR	2
#define NLMSG_DONE	3
#define NLMSG_MIN_TYPE	0x10
#define NLM_F_REQUEST	0x01
#define NLM_F_MULTI	0x02
#define NLM_F_ACK	0x04
#define NLM_F_ECHO	0x08
#define NLM_F_DUMP_INTR	0x10
#define NLM_F_DUMP	0x300

#define TXN_BUCKETS	2048	/* a power of two */
#define HIST_SUB	32	/* latency buckets per power of two */
#define HIST_N		(HIST_SUB + 40 * HIST_SUB)
#define TXN_KINDS	2048	/* request kinds by header (-q), a power of two */
#define TXN_TYPE_HASH	512	/* request types by name: 2 x TXN_TYPES, a power of two */

struct txn_req {
	uint64_t id;		/* 0: an empty slot */
	uint64_t frame;
	unsigned index;
	int64_t sec;
	uint32_t nsec;
	uint16_t proto, type, flags;
	uint32_t seq, pid, port, wire_len, kept;
	int next, prev;		/* hash chain (of the open requests), -1 */
	bool linked;		/* in its chain (unlinked when closed) */
	int type_slot;		/* latency figures, -1 */
	bool port_known, want_ack, want_reply, want_dump;
	bool got_reply, dump_started, answered, closed;
};

struct txn_dumprec {
	bool used;
	bool copy;		/* the parts of copies of frames (their DONE's figures) */
	uint64_t started;	/* the order dumps started in */
	uint16_t proto;
	uint32_t pid, seq;
	int req;		/* slot, -1 */
	uint64_t req_id;
	bool ambiguous;
	/* its request is no dump: a reply the kernel marked NLM_F_MULTI
	 * (ctnetlink and nft_compat mark every message to a port so), a
	 * dump only if a DONE comes */
	bool multi_reply;
	uint64_t last_frame;
	int64_t sec;		/* first part */
	uint32_t nsec;
	struct txn_dump d;
};

struct txn_type {
	char name[48];
	uint64_t n, max_ns;
	uint32_t hist[HIST_N];
};

/* -q: what a request of one header key was found to be when decoded */
struct txn_kind {
	uint64_t key;		/* 0: empty */
	bool get;
	int type_slot;		/* latency figures, -1 */
};

struct txn {
	struct txn_req req[TXN_OPEN];
	uint8_t keep[TXN_OPEN][TXN_KEEP];
	int bucket[TXN_BUCKETS];
	uint64_t next_id;
	unsigned head;		/* the next slot of the ring */
	int last_req;		/* the slot of the last request observed */
	struct txn_dumprec dumps[TXN_DUMPS];
	uint64_t dump_clock;
	struct txn_type types[TXN_TYPES];
	unsigned ntypes;
	uint16_t type_hash[TXN_TYPE_HASH];	/* slot + 1 by name; 0: free */
	struct txn_totals tot;
	struct txn_kind kinds[TXN_KINDS];	/* -q: requests known by header */
	unsigned nkinds;
};

struct txn *txn_new(void)
{
	struct txn *t = calloc(1, sizeof(*t));

	if (!t)
		return NULL;
	for (unsigned i = 0; i < TXN_BUCKETS; i++)
		t->bucket[i] = -1;
	t->last_req = -1;
	return t;
}

void txn_free(struct txn *t)
{
	free(t);
}

static unsigned bucket_of(uint16_t proto, uint32_t seq)
{
	return mix32(seq * 2654435761u ^ proto) & (TXN_BUCKETS - 1);
}

/* out of its chain, in constant time: a chain may hold hundreds of
 * requests of one sequence number (0) */
static void unlink_req(struct txn *t, int slot)
{
	struct txn_req *q = &t->req[slot];

	if (!q->linked)
		return;
	if (q->prev >= 0)
		t->req[q->prev].next = q->next;
	else
		t->bucket[bucket_of(q->proto, q->seq)] = q->next;
	if (q->next >= 0)
		t->req[q->next].prev = q->prev;
	q->linked = false;
}

static bool wants_answer(const struct txn_req *q)
{
	return q->want_ack || q->want_reply || q->want_dump;
}

static int64_t since(int64_t sec, uint32_t nsec, const struct txn_msg *m)
{
	return (m->sec - sec) * 1000000000 + ((int64_t)m->nsec - (int64_t)nsec);
}

/* ---- latency figures: a log-scale histogram per request type ---- */

static unsigned hist_idx(uint64_t v)
{
	if (v < HIST_SUB)
		return (unsigned)v;
	unsigned e = 63 - (unsigned)__builtin_clzll(v);	/* >= 5 */
	unsigned i = HIST_SUB + (e - 5) * HIST_SUB + (unsigned)((v >> (e - 5)) & (HIST_SUB - 1));
	return i < HIST_N ? i : HIST_N - 1;
}

/* the middle of bucket i */
static double hist_mid(unsigned i)
{
	if (i < HIST_SUB)
		return i;
	unsigned e = (i - HIST_SUB) / HIST_SUB + 5, sub = (i - HIST_SUB) % HIST_SUB;
	double lo = (double)((uint64_t)(HIST_SUB + sub) << (e - 5));
	return lo + (double)((uint64_t)1 << (e - 5)) / 2;
}

static void record_latency(struct txn *t, const struct txn_req *q, int64_t ns)
{
	if (q->type_slot < 0) {
		t->tot.latency_others++;	/* its type not kept (or not named) */
		return;
	}
	struct txn_type *ty = &t->types[q->type_slot];
	uint64_t v = ns < 0 ? 0 : (uint64_t)ns;
	ty->n++;
	ty->hist[hist_idx(v)]++;
	if (v > ty->max_ns)
		ty->max_ns = v;
}

/* the hash of a type's name, as kept (its first sizeof(name) - 1 bytes) */
static unsigned type_hash(const char *s, size_t max)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < max && s[i]; i++)
		h = (h ^ (uint8_t)s[i]) * 16777619u;
	return mix32(h) & (TXN_TYPE_HASH - 1);
}

void txn_name_request(struct txn *t, const char *name)
{
	if (!t || t->last_req < 0 || !name)
		return;
	struct txn_req *q = &t->req[t->last_req];
	size_t max = sizeof(t->types[0].name) - 1;
	unsigned i = type_hash(name, max);

	for (; t->type_hash[i]; i = (i + 1) & (TXN_TYPE_HASH - 1)) {
		unsigned slot = t->type_hash[i] - 1u;
		if (!strncmp(t->types[slot].name, name, max)) {
			q->type_slot = (int)slot;
			return;
		}
	}
	if (t->ntypes == TXN_TYPES)
		return;
	snprintf(t->types[t->ntypes].name, sizeof(t->types[0].name), "%s", name);
	t->type_hash[i] = (uint16_t)(t->ntypes + 1);
	q->type_slot = (int)t->ntypes++;
}

/* ---- requests ---- */

/* Is m, taken for a request because it has NLM_F_REQUEST (nlmon does not
 * say which way a message went), the kernel's notification of the last
 * request instead?  Nexthop notifications carry the request's header, the
 * requester's port id filled in: the same type, flags and sequence
 * number as the open request just before, which had pid 0. */
static bool request_notified(const struct txn *t, const struct txn_msg *m)
{
	const struct txn_req *q = &t->req[(t->head + TXN_OPEN - 1) % TXN_OPEN];

	return m->dir_inferred && t->head && q->id && !q->answered && !q->pid && m->pid &&
	       q->proto == m->proto && q->type == m->type && q->flags == m->flags &&
	       q->seq == m->seq;
}

static void add_request(struct txn *t, const struct txn_msg *m)
{
	if (request_notified(t, m)) {
		t->tot.notified++;
		return;
	}

	int slot = (int)(t->head++ % TXN_OPEN);
	struct txn_req *q = &t->req[slot];

	if (q->id) {
		if (!q->answered && wants_answer(q))
			t->tot.evicted++;
		unlink_req(t, slot);
	}
	memset(q, 0, sizeof(*q));
	q->id = ++t->next_id;
	q->frame = m->frame;
	q->index = m->index;
	q->sec = m->sec;
	q->nsec = m->nsec;
	q->proto = m->proto;
	q->type = m->type;
	q->flags = m->flags;
	q->seq = m->seq;
	q->pid = m->pid;
	q->wire_len = m->len;
	q->type_slot = -1;
	q->want_dump = m->get && (m->flags & NLM_F_DUMP) == NLM_F_DUMP;
	q->want_reply = (m->get && !q->want_dump) || (m->flags & NLM_F_ECHO);
	q->want_ack = m->flags & NLM_F_ACK;
	if (m->bytes) {
		struct nlc w = *m->bytes;
		size_t n;
		const uint8_t *p = nlc_rest(&w, &n);
		if (p) {
			q->kept = (uint32_t)(n < TXN_KEEP ? n : TXN_KEEP);
			memcpy(t->keep[slot], p, q->kept);
		}
	}
	unsigned b = bucket_of(q->proto, q->seq);
	q->next = t->bucket[b];
	q->prev = -1;
	if (q->next >= 0)
		t->req[q->next].prev = slot;
	t->bucket[b] = slot;
	q->linked = true;
	t->last_req = slot;
	t->tot.requests++;
	if (!wants_answer(q))
		t->tot.no_answer_wanted++;
}

static bool port_fits(const struct txn_req *q, const struct txn_msg *m)
{
	return !q->port_known || q->port == m->pid;
}

/* May m be the reply to q (not a part of a dump)? */
static bool reply_fits(const struct txn_req *q, const struct txn_msg *m)
{
	if (!q->want_reply || q->got_reply)
		return false;
	if (m->proto == 0)	/* route: GETx -> NEWx (GETDCB: itself); an echo: the type */
		return m->type == q->type || ((q->type & 3) == 2 && m->type == q->type - 2);
	if (m->proto == 16)	/* generic netlink: the family's id */
		return m->type == q->type;
	return true;
}

enum fit { FIT_ERROR, FIT_REPLY, FIT_DUMP, FIT_DUMP_ANY };

static bool fits(const struct txn_req *q, const struct txn_msg *m, enum fit how)
{
	if (!q->id || q->closed || q->proto != m->proto || !port_fits(q, m))
		return false;
	switch (how) {
	case FIT_ERROR:
		/* the kernel may clear a flag of the request before it echoes
		 * it (IPv6 routes lose NLM_F_EXCL): the common bits equal,
		 * the rest a subset */
		return q->type == m->etype && (q->flags & 0xff) == (m->eflags & 0xff) &&
		       !(m->eflags & ~q->flags) && q->seq == m->eseq && q->pid == m->epid;
	case FIT_REPLY:
		return q->seq == m->seq && reply_fits(q, m);
	case FIT_DUMP:
		return q->seq == m->seq && q->want_dump && !q->dump_started;
	case FIT_DUMP_ANY:	/* a MULTI reply to a request that is no dump */
		return q->seq == m->seq && q->want_reply && !q->got_reply;
	}
	return false;
}

/* The earliest open request that fits; *count: how many fit.  For an
 * ERROR, a request that asked for no answer (no ACK, reply or dump) fits
 * only when it is the latest that fits: the kernel reports its failure
 * while it processes the sendmsg that carried it, so a later request with
 * the same header (nft's batches all start at seq 1 from port id 0) is the
 * one an ERROR answers rather than an old one that succeeded silently. */
static int find_req(struct txn *t, const struct txn_msg *m, enum fit how, unsigned *count)
{
	uint32_t seq = how == FIT_ERROR ? m->eseq : m->seq;
	unsigned b = bucket_of(m->proto, seq);
	uint64_t latest = 0;
	int best = -1;

	if (how == FIT_ERROR)
		for (int s = t->bucket[b]; s >= 0; s = t->req[s].next)
			if (fits(&t->req[s], m, how) && t->req[s].id > latest)
				latest = t->req[s].id;
	*count = 0;
	for (int s = t->bucket[b]; s >= 0; s = t->req[s].next) {
		if (!fits(&t->req[s], m, how))
			continue;
		if (how == FIT_ERROR && !wants_answer(&t->req[s]) && t->req[s].id != latest)
			continue;
		++*count;
		if (best < 0 || t->req[s].id < t->req[best].id)
			best = s;
	}
	return best;
}

static void set_matched(struct txn *t, struct txn_res *r, int slot, bool ambiguous,
			const struct txn_msg *m)
{
	struct txn_req *q = &t->req[slot];

	r->matched = true;
	r->ambiguous = ambiguous;
	r->req_frame = q->frame;
	r->req_index = q->index;
	r->latency_ns = since(q->sec, q->nsec, m);
	r->slot = slot;
	if (!q->answered)
		t->tot.answered++;
	q->answered = true;
	q->port_known = true;
	q->port = m->pid;
	if (ambiguous)
		t->tot.ambiguous++;
}

/* q is answered for good by m */
static void close_req(struct txn *t, struct txn_req *q, const struct txn_msg *m)
{
	if (q->closed)
		return;
	q->closed = true;
	unlink_req(t, (int)(q - t->req));	/* no answer fits a closed request */
	record_latency(t, q, since(q->sec, q->nsec, m));
}

/* ---- dumps ---- */

/* A dump's place: probed from its hash over DUMP_PROBE slots, so two dumps
 * in progress rarely push each other out. */
#define DUMP_PROBE 8

static unsigned dump_hash(const struct txn_msg *m)
{
	return mix32(m->pid * 2654435761u ^ m->seq * 40503u ^ m->proto ^ (uint32_t)m->copy << 31) %
	       TXN_DUMPS;
}

static bool dump_is(const struct txn_dumprec *d, const struct txn_msg *m)
{
	return d->used && d->proto == m->proto && d->pid == m->pid && d->seq == m->seq &&
	       d->copy == m->copy;
}

/* The dump m belongs to, or NULL. */
static struct txn_dumprec *dump_find(struct txn *t, const struct txn_msg *m)
{
	unsigned h = dump_hash(m);

	for (unsigned i = 0; i < DUMP_PROBE; i++)
		if (dump_is(&t->dumps[(h + i) % TXN_DUMPS], m))
			return &t->dumps[(h + i) % TXN_DUMPS];
	return NULL;
}

/* The dump m is a part (or the DONE) of: followed, or started now (in a
 * free slot, else in place of the dump started longest ago). */
static struct txn_dumprec *dump_get(struct txn *t, const struct txn_msg *m)
{
	struct txn_dumprec *d = dump_find(t, m);
	unsigned h = dump_hash(m), n;

	if (d)
		return d;
	for (unsigned i = 0; i < DUMP_PROBE; i++) {
		struct txn_dumprec *s = &t->dumps[(h + i) % TXN_DUMPS];
		if (!s->used) {
			d = s;
			break;
		}
		if (!d || s->started < d->started)
			d = s;
	}
	if (d->used && !d->copy && !d->multi_reply)
		t->tot.dump_evicted++;	/* another dump left without its DONE */
	memset(d, 0, sizeof(*d));
	d->used = true;
	d->started = ++t->dump_clock;
	d->proto = m->proto;
	d->pid = m->pid;
	d->seq = m->seq;
	d->copy = m->copy;
	d->sec = m->sec;
	d->nsec = m->nsec;
	d->req = -1;
	if (m->copy)	/* counted for its DONE's figures, answering nothing */
		return d;
	d->req = find_req(t, m, FIT_DUMP, &n);
	if (d->req < 0) {
		d->req = find_req(t, m, FIT_DUMP_ANY, &n);
		d->multi_reply = d->req >= 0;
	}
	if (!d->multi_reply)
		t->tot.dumps++;
	d->ambiguous = n > 1;
	if (d->req >= 0) {
		d->req_id = t->req[d->req].id;
		t->req[d->req].dump_started = true;
		t->req[d->req].got_reply = true;
	}
	return d;
}

static void dump_answer(struct txn *t, struct txn_dumprec *d, const struct txn_msg *m,
			struct txn_res *r)
{
	if (d->req >= 0 && t->req[d->req].id == d->req_id)
		set_matched(t, r, d->req, d->ambiguous, m);
}

/* ---- answers ---- */

static void answer_error(struct txn *t, const struct txn_msg *m, struct txn_res *r)
{
	unsigned n = 0;
	int s = m->echo ? find_req(t, m, FIT_ERROR, &n) : -1;

	r->role = TXN_ANSWER;
	if (s < 0)
		return;
	set_matched(t, r, s, n > 1, m);
	struct txn_req *q = &t->req[s];
	close_req(t, q, m);
	/* a reply marked NLM_F_MULTI before it: no DONE will follow */
	struct txn_msg part = *m;
	part.seq = m->eseq;
	struct txn_dumprec *d = dump_find(t, &part);
	if (d && d->multi_reply && d->req == s)
		d->used = false;
	r->req_bytes = t->keep[s];
	r->req_len = q->kept;
	r->req_wire_len = q->wire_len;
}

static void answer_part(struct txn *t, const struct txn_msg *m, struct txn_res *r)
{
	struct txn_dumprec *d = dump_get(t, m);

	r->role = TXN_ANSWER;
	d->d.messages++;
	d->d.bytes += m->len;
	if (d->last_frame != m->frame)
		d->d.frames++;
	d->last_frame = m->frame;
	if (m->flags & NLM_F_DUMP_INTR)
		d->d.interrupted = true;
	dump_answer(t, d, m, r);
}

static void answer_done(struct txn *t, const struct txn_msg *m, struct txn_res *r)
{
	bool had = dump_find(t, m) != NULL;
	struct txn_dumprec *d = dump_get(t, m);

	r->role = TXN_ANSWER;
	r->is_done = true;
	r->have_dump = had;
	r->dump = d->d;
	if (had) {
		if (d->last_frame != m->frame)
			r->dump.frames++;	/* the DONE's own frame */
		r->dump.duration_ns = since(d->sec, d->nsec, m);
	}
	if (m->flags & NLM_F_DUMP_INTR)
		r->dump.interrupted = true;
	dump_answer(t, d, m, r);
	if (r->matched) {
		struct txn_req *q = &t->req[r->slot];
		if (!q->want_ack)
			close_req(t, q, m);
	}
	if (!m->copy) {
		if (d->multi_reply)
			t->tot.dumps++;	/* a request that is no dump, answered by one */
		t->tot.dumps_done++;
		if (r->dump.interrupted)
			t->tot.dumps_intr++;
	}
	d->used = false;
}

static void answer_reply(struct txn *t, const struct txn_msg *m, struct txn_res *r)
{
	unsigned n;
	int s = find_req(t, m, FIT_REPLY, &n);

	if (s < 0)
		return;		/* a notification */
	r->role = TXN_ANSWER;
	set_matched(t, r, s, n > 1, m);
	struct txn_req *q = &t->req[s];
	q->got_reply = true;
	if (!q->want_ack)
		close_req(t, q, m);
}

void txn_observe(struct txn *t, const struct txn_msg *m, struct txn_res *r)
{
	memset(r, 0, sizeof(*r));
	r->slot = -1;
	t->last_req = -1;
	if (m->copy && !m->to_kernel && (m->type == NLMSG_DONE || (m->type >= NLMSG_MIN_TYPE &&
					 (m->flags & NLM_F_MULTI)))) {
		/* a copy answers nothing, but its DONE says its dump's figures */
		if (m->type == NLMSG_DONE)
			answer_done(t, m, r);
		else
			answer_part(t, m, r);
		r->role = TXN_NONE;	/* no request: d->req is -1 for copies */
		return;
	}
	if (m->copy)
		return;
	if (m->to_kernel) {
		if ((m->flags & NLM_F_REQUEST) && m->type >= NLMSG_MIN_TYPE)
			add_request(t, m);
		return;
	}
	if (m->type == NLMSG_ERROR)
		answer_error(t, m, r);
	else if (m->type == NLMSG_DONE)
		answer_done(t, m, r);
	else if (m->type < NLMSG_MIN_TYPE)
		return;
	else if (m->flags & NLM_F_MULTI)
		answer_part(t, m, r);
	else
		answer_reply(t, m, r);
	if (r->role == TXN_ANSWER) {
		t->tot.answers++;
		if (!r->matched)
			t->tot.unmatched++;
	}
}

/* ---- output ---- */

void txn_emit(struct emitter *e, const struct txn_res *r)
{
	if (r->role != TXN_ANSWER)
		return;
	if (r->is_done && r->have_dump) {
		emit_obj_begin(e, "dump");
		emit_uint(e, "messages", r->dump.messages, EF_DEC);
		emit_uint(e, "bytes", r->dump.bytes, EF_DEC);
		emit_uint(e, "frames", r->dump.frames, EF_DEC);
		emit_sint(e, "duration_us", r->dump.duration_ns / 1000);
		if (r->dump.interrupted)
			emit_bool(e, "interrupted", true);
		emit_obj_end(e);
	}
	emit_obj_begin(e, "txn");
	if (!r->matched) {
		emit_null(e, "request");
		emit_obj_end(e);
		emit_sum_lit(e, " (request not seen)");
		return;
	}
	emit_uint(e, "request_frame", r->req_frame, EF_DEC);
	emit_uint(e, "request_index", r->req_index, EF_DEC);
	emit_sint(e, "latency_us", r->latency_ns / 1000);
	if (r->ambiguous)
		emit_bool(e, "ambiguous", true);
	emit_obj_end(e);
	emit_sum(e, " reply to #%llu%s %c%lld.%02lld ms", (unsigned long long)r->req_frame,
		 r->ambiguous ? " (ambiguous)" : "", r->latency_ns < 0 ? '-' : '+',
		 (long long)(llabs(r->latency_ns) / 1000000),
		 (long long)(llabs(r->latency_ns) / 10000 % 100));
}

/* ---- totals ---- */

void txn_totals(const struct txn *t, struct txn_totals *tot)
{
	*tot = t->tot;
	for (unsigned i = 0; i < TXN_OPEN; i++) {
		/* the ring in request order: oldest first */
		const struct txn_req *q = &t->req[(t->head + i) % TXN_OPEN];
		if (!q->id)
			continue;
		if (!wants_answer(q) || q->answered)
			continue;
		tot->unanswered++;
		if (tot->nlisted == TXN_UNANSWERED)
			continue;
		tot->unanswered_frames[tot->nlisted] = q->frame;
		tot->unanswered_index[tot->nlisted] = q->index;
		tot->unanswered_name[tot->nlisted++] = q->type_slot >= 0
			? t->types[q->type_slot].name : NULL;
	}
	for (unsigned i = 0; i < TXN_DUMPS; i++)
		if (t->dumps[i].used && !t->dumps[i].copy && !t->dumps[i].multi_reply)
			tot->dumps_no_done++;
	tot->dumps_no_done += t->tot.dump_evicted;
	tot->unanswered += t->tot.evicted;	/* evicted while waiting */
}

bool txn_type_latency(const struct txn *t, unsigned i, const char **name, uint64_t *n,
		      const unsigned *pcts, unsigned npcts, double *us)
{
	if (i >= t->ntypes)
		return false;
	const struct txn_type *ty = &t->types[i];
	*name = ty->name;
	*n = ty->n;
	for (unsigned k = 0; k < npcts; k++) {
		/* the smallest bucket holding at least pct % of the figures */
		uint64_t want = (ty->n * pcts[k] + 99) / 100, seen = 0;
		us[k] = 0;
		if (pcts[k] >= 100) {
			us[k] = (double)ty->max_ns / 1000;
			continue;
		}
		for (unsigned b = 0; b < HIST_N && ty->n; b++) {
			seen += ty->hist[b];
			if (seen >= want && seen) {
				/* a bucket's middle, never past the largest */
				double mid = hist_mid(b);
				us[k] = (mid > (double)ty->max_ns ? (double)ty->max_ns : mid) / 1000;
				break;
			}
		}
	}
	return true;
}

/* ---- request kinds by header (-q: a request decoded once per key) ---- */

static struct txn_kind *kind_slot(struct txn *t, uint64_t key)
{
	uint64_t k = key | 1ull << 63;
	unsigned i = mix32((uint32_t)k ^ (uint32_t)(k >> 32)) & (TXN_KINDS - 1);

	while (t->kinds[i].key && t->kinds[i].key != k)
		i = (i + 1) & (TXN_KINDS - 1);
	return &t->kinds[i];
}

bool txn_kind_known(struct txn *t, uint64_t key, bool *get)
{
	struct txn_kind *k = kind_slot(t, key);

	if (!k->key)
		return false;
	*get = k->get;
	return true;
}

void txn_kind_named(struct txn *t, uint64_t key, bool get)
{
	struct txn_kind *k = kind_slot(t, key);

	if (t->last_req < 0)
		return;
	if (k->key) {	/* known: the last request takes its figures' slot */
		t->req[t->last_req].type_slot = k->type_slot;
		return;
	}
	if (t->nkinds >= TXN_KINDS / 2)
		return;	/* full: such requests are decoded each time */
	t->nkinds++;
	k->key = key | 1ull << 63;
	k->get = get;
	k->type_slot = t->req[t->last_req].type_slot;
}
