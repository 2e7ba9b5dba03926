/* nlmsg_tap.c - what the core tells the run's listener of each message
 * (struct nl_msgtap, state.h; --stats): its header, a generic netlink
 * command, an error's code and the type of the request it echoes, and,
 * when the listener asks, its names as the one-line output says them.
 * With -q nothing else is decoded: the headers are read here, and a
 * message is decoded (quietly) only when its names are asked for.  And
 * the other quiet walks over a frame's headers: learning (the pre-pass),
 * the types of a frame. */
#include "nlmsg_priv.h"
#include "registry.h"
#include "txn.h"

#define P_GENERIC 16	/* NETLINK_GENERIC */
#define GENL_ID_CTRL 0x10

/* The header of the message at c (c: the rest of the frame) into m;
 * false when the capture does not hold a whole nlmsghdr of a message
 * (the decoder shows it as padding, short or cut).  Read as one peek:
 * every message of a -q run passes here. */
static bool tap_read(const struct nlc *c, const struct nl_frame *f, struct nl_msginfo *m)
{
	size_t left = nlc_left(c);
	bool big = c->order == NLC_BE;
	const uint8_t *h = nlc_peek(c, NLMSG_HDRLEN), *p;

	if (!h)
		return false;
	uint32_t len = nl_rd32(h, big);
	if (len < NLMSG_HDRLEN)
		return false;
	*m = (struct nl_msginfo){ .f = f, .cmd = -1, .ecmd = -1 };
	m->bytes = len > left ? (uint32_t)left : len;
	m->type = nl_rd16(h + 4, big);
	m->flags = nl_rd16(h + 6, big);
	m->seq = nl_rd32(h + 8, big);
	m->pid = nl_rd32(h + 12, big);
	m->dir = f->dir != NLDIR_UNKNOWN ? f->dir
		: (m->flags & NLM_F_REQUEST) ? NLDIR_TO_KERNEL : NLDIR_TO_USER;
	if (f->proto == P_GENERIC && m->type >= NLMSG_MIN_TYPE && m->bytes > NLMSG_HDRLEN &&
	    (p = nlc_peek(c, NLMSG_HDRLEN + 1)))
		m->cmd = p[NLMSG_HDRLEN];
	if (m->type == NLMSG_ERROR && m->bytes >= NLMSG_HDRLEN + 4 &&
	    (p = nlc_peek(c, NLMSG_HDRLEN + 4))) {
		m->error = true;
		m->err = (int32_t)nl_rd32(p + NLMSG_HDRLEN, big);
		size_t at = 2 * NLMSG_HDRLEN + 4;	/* the echoed header's end */
		if (m->bytes >= at && (p = nlc_peek(c, at))) {
			m->etype = nl_rd16(p + NLMSG_HDRLEN + 8, big);
			if (f->proto == P_GENERIC && m->etype >= NLMSG_MIN_TYPE &&
			    m->bytes > at && (p = nlc_peek(c, at + 1)))
				m->ecmd = p[at];
		}
	}
	return true;
}

/* The names a decode left in d, into m (ebuf: room for the echoed
 * request's name). */
static void tap_names(struct dctx *d, struct nlc msg, struct nl_msginfo *m,
		      char *ebuf, size_t en)
{
	m->family = d->family_name;
	m->tname = d->type_name;
	if (!m->error)
		return;
	m->tname = m->err ? "ERROR" : "ACK";
	if (nlc_skip(&msg, NLMSG_HDRLEN + 4) && nlc_left(&msg) >= NLMSG_HDRLEN) {
		struct nlc ep = msg;
		nlc_skip(&ep, NLMSG_HDRLEN);
		nl_echoed_name(d, m->etype, ep, ebuf, en);
		m->ename = ebuf;
	}
}

void nl_tap_decoded(struct dctx *d, const struct nl_frame *f, bool big)
{
	const struct nl_msgtap *tap = d->st->tap;
	struct nl_msginfo m;
	struct nlc c = nlc_init(f->data, f->len, f->caplen);
	char ebuf[96];

	if (big)
		c.order = NLC_BE;
	if (!nlc_skip(&c, d->msg_start) || !tap_read(&c, f, &m))
		return;
	if (tap->want_names(tap->arg, &m))
		tap_names(d, nlc_sub(&c, m.bytes), &m, ebuf, sizeof(ebuf));
	tap->msg(tap->arg, &m);
}

/* A message decoded into d for its names alone (no output, no totals);
 * the names live in d's buffers. */
static void decode_quietly(struct dctx *d, struct nlstate *st, struct emitter *e,
			   const struct nl_frame *f, struct nlc msg)
{
	uint64_t mal = e->tot_malformed, trunc = e->tot_truncated, unk = e->tot_unknown;
	struct nlc c = msg;

	*d = (struct dctx){ .e = e, .st = st, .proto = (uint8_t)f->proto, .msg_start = msg.pos,
			    .af = -1, .numeric = st->opts.numeric };
	emit_msg_begin(e);
	decode_msg(d, &c);
	emit_msg_end(e);
	e->tot_malformed = mal;
	e->tot_truncated = trunc;
	e->tot_unknown = unk;
}

/* A message's names for the listener, handed to it while they live. */
static void quiet_decode(struct nlstate *st, struct emitter *e, const struct nl_frame *f,
			 struct nlc msg, struct nl_msginfo *m, char *ebuf, size_t en)
{
	struct dctx d;

	decode_quietly(&d, st, e, f, msg);
	tap_names(&d, msg, m, ebuf, en);
	st->tap->msg(st->tap->arg, m);
}

/* The listener's view of the message msg (its header whole) from the
 * pairing's (tm): the header is read once for both. */
static void tap_info(const struct nl_frame *f, const struct nlc *msg, const struct txn_msg *tm,
		     struct nl_msginfo *m)
{
	size_t at = 2 * NLMSG_HDRLEN + 4;	/* the echoed header's end */
	const uint8_t *p;

	*m = (struct nl_msginfo){ .f = f, .cmd = -1, .ecmd = -1 };
	m->bytes = (uint32_t)nlc_left(msg);
	m->type = tm->type;
	m->flags = tm->flags;
	m->seq = tm->seq;
	m->pid = tm->pid;
	m->dir = f->dir != NLDIR_UNKNOWN ? f->dir
		: (m->flags & NLM_F_REQUEST) ? NLDIR_TO_KERNEL : NLDIR_TO_USER;
	if (f->proto == P_GENERIC && m->type >= NLMSG_MIN_TYPE &&
	    (p = nlc_peek(msg, NLMSG_HDRLEN + 1)))
		m->cmd = p[NLMSG_HDRLEN];
	if (m->type != NLMSG_ERROR || !nlc_peek(msg, NLMSG_HDRLEN + 4))
		return;
	m->error = true;
	m->err = tm->err;
	if (!tm->echo)
		return;
	m->etype = tm->etype;
	if (f->proto == P_GENERIC && m->etype >= NLMSG_MIN_TYPE && (p = nlc_peek(msg, at + 1)))
		m->ecmd = p[at];
}

static void tap_header(struct nlstate *st, struct emitter *e, const struct nl_frame *f,
		       const struct nlc *msg, const struct txn_msg *tm)
{
	const struct nl_msgtap *tap = st->tap;
	struct nl_msginfo m;
	char ebuf[96];

	tap_info(f, msg, tm, &m);
	if (tap->want_names(tap->arg, &m))
		quiet_decode(st, e, f, *msg, &m, ebuf, sizeof(ebuf));
	else
		tap->msg(tap->arg, &m);
}

static void tap_txn(struct nlstate *st, struct emitter *e, const struct nl_frame *f,
		    struct nlc msg, struct txn_msg *tm)
{
	struct txn_res res;

	tm->bytes = NULL;	/* kept to resolve an ERROR's offset: not with -q */
	if (!tm->to_kernel || tm->copy || !(tm->flags & NLM_F_REQUEST) ||
	    tm->type < NLMSG_MIN_TYPE) {
		txn_observe(st->txn, tm, &res);
		return;
	}
	/* a request: its kind (a GET?) and name by its header, learned
	 * from its first decoding */
	const uint8_t *p = f->proto == P_GENERIC ? nlc_peek(&msg, NLMSG_HDRLEN + 1) : NULL;
	uint64_t key = (uint64_t)(f->proto & 0xff) << 48 | (uint64_t)tm->type << 32 |
		       (uint64_t)tm->flags << 16 | (p ? p[NLMSG_HDRLEN] + 1u : 0);
	bool known = txn_kind_known(st->txn, key, &tm->get);
	char name[96];

	if (!known) {
		struct dctx d;
		decode_quietly(&d, st, e, f, msg);
		tm->get = d.req_kind == NLRK_GET;
		nl_txn_name(&d, name, sizeof(name));
	}
	txn_observe(st->txn, tm, &res);
	if (!known)
		txn_name_request(st->txn, name);
	txn_kind_named(st->txn, key, tm->get);
}

void nl_tap_msg(struct nlstate *st, struct emitter *e, const struct nl_frame *f, unsigned idx,
		struct nlc msg)
{
	struct txn_msg tm;

	nl_txn_msg(f, idx, &msg, &tm);
	if (st->tap)
		tap_header(st, e, f, &msg, &tm);
	if (st->txn)
		tap_txn(st, e, f, msg, &tm);
}

/* Generic netlink ids named in a frame from the controller, for the
 * frames after it (nothing else is decoded with -q). */
void nl_tap_learn(struct nlstate *st, const struct nl_frame *f, bool big)
{
	if (f->proto != P_GENERIC)
		return;
	struct nlc c = nlc_init(f->data, f->len, f->caplen);
	if (big)
		c.order = NLC_BE;
	nlc_skip(&c, 4);
	if (nlc_u16(&c) == GENL_ID_CTRL && nlc_ok(&c))
		nl_learn_frame(st, f);
}

/* A quiet walk over the message headers of a frame (the pre-pass and
 * learning): no output, no checks beyond what it takes to go on. */
struct nl_msg_it {
	struct nlc c;		/* the rest of the frame */
	bool done;
};

struct nl_msg_peek {
	uint32_t len;
	uint16_t type, flags;
	bool whole;		/* len fits in the frame; payload is set */
	struct nlc payload;	/* after the nlmsghdr */
};

static void nl_msg_it_init(struct nl_msg_it *it, const struct nl_frame *f)
{
	it->c = nlc_init(f->data, f->len, f->caplen);
	if (guess_big_endian(&it->c))
		it->c.order = NLC_BE;
	it->done = false;
}

/* The next header; false at the end, or at a header too short or cut.  As
 * the decoder does, a message longer than the frame is the last one. */
static bool nl_msg_next(struct nl_msg_it *it, struct nl_msg_peek *m)
{
	if (it->done || nlc_left(&it->c) < NLMSG_HDRLEN)
		return false;
	struct nlc pk = it->c;
	m->len = nlc_u32(&pk);
	m->type = nlc_u16(&pk);
	if (!nlc_ok(&pk) || m->len < NLMSG_HDRLEN)
		return false;
	m->flags = nlc_u16(&pk);
	m->whole = m->len <= nlc_left(&it->c);
	if (!m->whole) {
		it->done = true;
		return true;
	}
	m->payload = nlc_sub(&it->c, m->len);
	nlc_skip(&m->payload, NLMSG_HDRLEN);
	if (!nlc_skip(&it->c, m->len))
		it->done = true;	/* the capture ends inside this message */
	else
		nlc_align4(&it->c);
	return true;
}

void nl_learn_frame(struct nlstate *st, const struct nl_frame *f)
{
	const struct nl_dissector *dis = nl_dissector_for_proto(f->proto);
	struct nl_msg_it it;
	struct nl_msg_peek m;

	if (!dis || !dis->learn)
		return;
	nl_msg_it_init(&it, f);
	while (nl_msg_next(&it, &m) && m.whole)
		dis->learn(st, m.type, m.flags, m.payload);
}

/* The stops of nl_msg_next, the type read alone (the pre-pass looks at
 * every generic netlink frame of a run with --stats). */
void nl_frame_types(const struct nl_frame *f, void (*cb)(void *arg, uint16_t type), void *arg)
{
	struct nlc c = nlc_init(f->data, f->len, f->caplen);
	bool big = guess_big_endian(&c);
	const uint8_t *h;

	while (nlc_left(&c) >= NLMSG_HDRLEN && (h = nlc_peek(&c, 6))) {
		uint32_t len = nl_rd32(h, big);
		if (len < NLMSG_HDRLEN)
			return;
		cb(arg, nl_rd16(h + 4, big));
		if (len > nlc_left(&c) || !nlc_skip(&c, len))
			return;
		nlc_align4(&c);
	}
}
