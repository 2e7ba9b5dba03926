/* nlmsg_txn.c - a message decoded within its transaction: the core tells
 * the pairing (txn.h) about each message's header, decodes it, and writes
 * what the pairing says (the request an answer answers, a dump's figures).
 * A request is told after its decoding (its kind, GET or not, and its name
 * are known then); an answer before (an ERROR's offset may be resolved
 * against the request kept, a DONE says its dump's figures).  OVS flow
 * lifecycles (ovsflow.h) are told of each message after its decoding.
 *
 * Reference: include/uapi/linux/netlink.h.
 */

#include "nlcore.h"
#include "nlmsg_priv.h"
#include "ovsflow.h"
#include "txn.h"

/* the header of m (m unchanged); the echoed one of an NLMSG_ERROR.  One
 * peek per header (every message passes here, with -q --stats too). */
static void read_head(const struct nlc *m, struct txn_msg *tm)
{
	bool big = m->order == NLC_BE;
	const uint8_t *h = nlc_peek(m, NLMSG_HDRLEN);

	tm->bytes = m;
	if (!h)
		return;	/* not reached: the core passes whole headers */
	tm->len = nl_rd32(h, big);
	tm->type = nl_rd16(h + 4, big);
	tm->flags = nl_rd16(h + 6, big);
	tm->seq = nl_rd32(h + 8, big);
	tm->pid = nl_rd32(h + 12, big);
	if (tm->type != NLMSG_ERROR || !(h = nlc_peek(m, NLMSG_HDRLEN + 4)))
		return;
	tm->err = (int32_t)nl_rd32(h + 16, big);
	if (!(h = nlc_peek(m, 2 * NLMSG_HDRLEN + 4)))
		return;
	tm->etype = nl_rd16(h + 24, big);	/* after the echoed length */
	tm->eflags = nl_rd16(h + 26, big);
	tm->eseq = nl_rd32(h + 28, big);
	tm->epid = nl_rd32(h + 32, big);
	tm->echo = true;
}

void nl_txn_msg(const struct nl_frame *f, unsigned idx, const struct nlc *m,
		struct txn_msg *tm)
{
	*tm = (struct txn_msg){ 0 };
	read_head(m, tm);
	tm->frame = f->no;
	tm->index = idx;
	frame_time(f, &tm->sec, &tm->nsec);
	tm->proto = f->proto;
	tm->to_kernel = f->dir == NLDIR_UNKNOWN ? (tm->flags & NLM_F_REQUEST) != 0
						: f->dir == NLDIR_TO_KERNEL;
	tm->dir_inferred = f->dir == NLDIR_UNKNOWN;
	tm->copy = f->copy_of != 0;
}

/* s after buf's first k bytes, cut to fit n; the new length */
static size_t put(char *buf, size_t n, size_t k, const char *s)
{
	while (*s && k + 1 < n)
		buf[k++] = *s++;
	buf[k] = 0;
	return k;
}

/* "route NEWLINK", "genl ovs_flow NEW": without snprintf (every request
 * of a decoding run is named so) */
void nl_txn_name(const struct dctx *d, char *buf, size_t n)
{
	const char *pn = nl_proto_name(d->proto);
	size_t k = put(buf, n, 0, pn ? pn : "proto");

	if (d->family_name) {
		k = put(buf, n, k, " ");
		k = put(buf, n, k, d->family_name);
	}
	k = put(buf, n, k, " ");
	put(buf, n, k, d->type_name ? d->type_name : "?");
}

void decode_msg_txn(struct dctx *d, const struct nl_frame *f, unsigned idx, struct nlc *m)
{
	struct nlstate *st = d->st;
	struct txn_msg tm;
	struct txn_res res;
	char name[96];

	struct nlc whole = *m;	/* decode_msg moves m */
	if (!st->txn) {
		decode_msg(d, m);
		ovsflow_msg(st->ovsflow, d, f, &whole);
		return;
	}
	nl_txn_msg(f, idx, &whole, &tm);
	if (tm.to_kernel) {
		decode_msg(d, m);
		tm.get = d->req_kind == NLRK_GET;
		txn_observe(st->txn, &tm, &res);
		nl_txn_name(d, name, sizeof(name));
		txn_name_request(st->txn, name);
		ovsflow_msg(st->ovsflow, d, f, &whole);
		return;
	}
	txn_observe(st->txn, &tm, &res);
	st->txn_cur = &res;
	decode_msg(d, m);
	st->txn_cur = NULL;
	txn_emit(d->e, &res);
	if (d->fs)
		fs_txn(d, &whole, &res);
	ovsflow_msg(st->ovsflow, d, f, &whole);
}
