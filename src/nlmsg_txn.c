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
#include <stdio.h>

#include "nlcore.h"
#include "nlmsg_priv.h"
#include "ovsflow.h"
#include "txn.h"

/* the header of m (m unchanged); the echoed one of an NLMSG_ERROR */
static void read_head(const struct nlc *m, struct txn_msg *tm)
{
	struct nlc c = *m;

	tm->bytes = m;
	tm->len = nlc_u32(&c);
	tm->type = nlc_u16(&c);
	tm->flags = nlc_u16(&c);
	tm->seq = nlc_u32(&c);
	tm->pid = nlc_u32(&c);
	if (tm->type != NLMSG_ERROR)
		return;
	tm->err = (int32_t)nlc_u32(&c);
	nlc_u32(&c);	/* the echoed length */
	tm->etype = nlc_u16(&c);
	tm->eflags = nlc_u16(&c);
	tm->eseq = nlc_u32(&c);
	tm->epid = nlc_u32(&c);
	tm->echo = nlc_ok(&c);
}

void decode_msg_txn(struct dctx *d, const struct nl_frame *f, unsigned idx, struct nlc *m)
{
	struct nlstate *st = d->st;
	struct txn_msg tm = { 0 };
	struct txn_res res;
	char name[96];

	struct nlc whole = *m;	/* decode_msg moves m */
	if (!st->txn) {
		decode_msg(d, m);
		ovsflow_msg(st->ovsflow, d, f, &whole);
		return;
	}
	read_head(&whole, &tm);
	tm.frame = f->no;
	tm.index = idx;
	frame_time(f, &tm.sec, &tm.nsec);
	tm.proto = f->proto;
	tm.to_kernel = f->dir == NLDIR_UNKNOWN ? (tm.flags & NLM_F_REQUEST) != 0
					       : f->dir == NLDIR_TO_KERNEL;
	tm.dir_inferred = f->dir == NLDIR_UNKNOWN;
	tm.copy = f->copy_of != 0;
	if (tm.to_kernel) {
		decode_msg(d, m);
		tm.get = d->req_kind == NLRK_GET;
		txn_observe(st->txn, &tm, &res);
		const char *pn = nl_proto_name(f->proto);
		snprintf(name, sizeof(name), "%s%s%s %s", pn ? pn : "proto",
			 d->family_name ? " " : "", d->family_name ? d->family_name : "",
			 d->type_name ? d->type_name : "?");
		txn_name_request(st->txn, name);
		ovsflow_msg(st->ovsflow, d, f, &whole);
		return;
	}
	txn_observe(st->txn, &tm, &res);
	st->txn_cur = &res;
	decode_msg(d, m);
	st->txn_cur = NULL;
	txn_emit(d->e, &res);
	ovsflow_msg(st->ovsflow, d, f, &whole);
}
