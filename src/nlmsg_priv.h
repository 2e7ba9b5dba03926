/* nlmsg_priv.h - what the core's files share (nlmsg.c, nlmsg_ctl.c,
 * nlmsg_time.c, nlmsg_hex.c); not for other layers.
 *
 * Reference: include/uapi/linux/netlink.h.
 */
#ifndef NLDUMP_NLMSG_PRIV_H
#define NLDUMP_NLMSG_PRIV_H

#include <stdint.h>

#include "nlcore.h"

#define NLMSG_HDRLEN	16
#define NLMSG_MIN_TYPE	0x10
#define NLMSG_NOOP	1
#define NLMSG_ERROR	2
#define NLMSG_DONE	3
#define NLMSG_OVERRUN	4

/* header words at p (bytes a cursor's nlc_peek gave), in the capture's
 * order: the header walks every message of a run takes */
static inline uint32_t nl_rd32(const uint8_t *p, bool big)
{
	return big ? (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]
		   : (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

static inline uint16_t nl_rd16(const uint8_t *p, bool big)
{
	return (uint16_t)(big ? p[0] << 8 | p[1] : p[1] << 8 | p[0]);
}

#define NLM_F_REQUEST	0x01
#define NLM_F_MULTI	0x02
#define NLM_F_CAPPED	0x100
#define NLM_F_ACK_TLVS	0x200

/* nlmsg.c */
extern const char *const ctrl_type_names[NLMSG_OVERRUN + 1];
void decode_msg(struct dctx *d, struct nlc *c);
/* the byte order of a frame's nlmsghdrs: big-endian only when it alone fits */
bool guess_big_endian(const struct nlc *c);

/* the flag names of a message of this request kind (enum nl_req_kind) */
void nl_flag_table(unsigned kind, const char *tbl[16]);

/* nlmsg_fields.c: field events of the nlmsghdr (hdr: its 16 bytes) and of
 * bytes no decoder reads (at: their frame position); d->fs set */
void fs_nlmsghdr(struct dctx *d, const struct nlc *hdr, uint32_t len, const char *type_name,
		 uint16_t flags, uint32_t seq, uint32_t pid);
void fs_hex(struct dctx *d, const char *key, const uint8_t *p, size_t n, size_t at);
/* A message's start: the emitter's, the display filter's. */
void nl_msg_begin(struct dctx *d);
/* A message's end: written, or skipped when the display filter does not
 * keep it (st->filter), then the sink's end; *kept: the frame has a
 * message kept. */
void nl_msg_end(struct dctx *d, const struct nl_frame *f, unsigned idx, bool *kept);
/* a message starts (frame_prefix): the sink's, and the frame's members as
 * events for a sink that asks (frame_members); d->fs may be NULL */
void fs_msg_start(struct dctx *d, const struct nl_frame *f, unsigned idx, bool to_kernel,
		  bool inferred, bool big);
void fs_padding(struct dctx *d, size_t padding);
/* An answer's pairing (what txn_emit writes) as events: m the message. */
struct txn_res;
void fs_txn(struct dctx *d, const struct nlc *m, const struct txn_res *r);

/* nlmsg_ctl.c: NLMSG_ERROR (extended ACK), NLMSG_DONE with its dump's
 * figures (the pairing's: txn.h) */
void decode_error(struct dctx *d, struct nlc *c);
void decode_done(struct dctx *d, struct nlc *c);
/* the name of a request an NLMSG_ERROR echoes (payload: after its header) */
void nl_echoed_name(struct dctx *d, uint16_t type, struct nlc payload, char *buf, size_t n);

/* nlmsg_tap.c: the run's listener of messages (st->tap) */
void nl_tap_decoded(struct dctx *d, const struct nl_frame *f, bool big);
/* with -q (--stats): the message msg (index idx in its frame, the
 * header whole) told to the listener (st->tap) and to the pairing
 * (st->txn) by its header, read once; a message is decoded only for a
 * name not met before.  And what a frame (big: its byte order guessed
 * big-endian) teaches (generic netlink ids). */
void nl_tap_msg(struct nlstate *st, struct emitter *e, const struct nl_frame *f, unsigned idx,
		struct nlc msg);
void nl_tap_learn(struct nlstate *st, const struct nl_frame *f, bool big);

/* nlmsg_txn.c: decode_msg with the message's transaction (txn.h): the
 * request paired with an answer, a dump's figures */
void decode_msg_txn(struct dctx *d, const struct nl_frame *f, unsigned idx, struct nlc *m);
/* what the pairing is told of the message m (its header, frame, time,
 * direction); the name a request's latency goes under ("route GETLINK") */
struct txn_msg;
void nl_txn_msg(const struct nl_frame *f, unsigned idx, const struct nlc *m,
		struct txn_msg *tm);
void nl_txn_name(const struct dctx *d, char *buf, size_t n);

/* nlmsg_time.c */
void frame_time(const struct nl_frame *f, int64_t *sec, uint32_t *nsec);
void time_text(struct nlstate *st, struct emitter *e, const struct nl_frame *f);
/* the start of a summary line: the frame number (-#), the time */
void line_head(struct nlstate *st, struct emitter *e, const struct nl_frame *f);
void time_json(struct nlstate *st, struct emitter *e, const struct nl_frame *f);
void time_iso(struct nlstate *st, const struct nl_frame *f, char *out);
int64_t time_epoch_us(const struct nl_frame *f);

/* nlmsg_hex.c: -x */
void hexdump(struct emitter *e, const struct nlc *m);

#endif
