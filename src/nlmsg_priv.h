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

#define NLM_F_REQUEST	0x01
#define NLM_F_MULTI	0x02
#define NLM_F_CAPPED	0x100
#define NLM_F_ACK_TLVS	0x200

/* nlmsg.c */
extern const char *const ctrl_type_names[NLMSG_OVERRUN + 1];
void decode_msg(struct dctx *d, struct nlc *c);

/* the flag names of a message of this request kind (enum nl_req_kind) */
void nl_flag_table(unsigned kind, const char *tbl[16]);

/* nlmsg_fields.c: field events of the nlmsghdr (hdr: its 16 bytes) and of
 * bytes no decoder reads (at: their frame position); d->fs set */
void fs_nlmsghdr(struct dctx *d, const struct nlc *hdr, uint32_t len, const char *type_name,
		 uint16_t flags, uint32_t seq, uint32_t pid);
void fs_hex(struct dctx *d, const char *key, const uint8_t *p, size_t n, size_t at);

/* nlmsg_ctl.c: NLMSG_ERROR (extended ACK), NLMSG_DONE with its dump's
 * figures (the pairing's: txn.h) */
void decode_error(struct dctx *d, struct nlc *c);
void decode_done(struct dctx *d, struct nlc *c);

/* nlmsg_txn.c: decode_msg with the message's transaction (txn.h): the
 * request paired with an answer, a dump's figures */
void decode_msg_txn(struct dctx *d, const struct nl_frame *f, unsigned idx, struct nlc *m);

/* nlmsg_time.c */
void frame_time(const struct nl_frame *f, int64_t *sec, uint32_t *nsec);
void time_text(struct nlstate *st, struct emitter *e, const struct nl_frame *f);
void time_json(struct nlstate *st, struct emitter *e, const struct nl_frame *f);

/* nlmsg_hex.c: -x */
void hexdump(struct emitter *e, const struct nlc *m);

#endif
