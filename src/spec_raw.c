/* spec_raw.c - netlink-raw specs gathered per subsystem: the message
 * definitions of one nfnetlink subsystem (nlmsg_type's high byte) from
 * every spec of that protocol number whose operations have that high
 * byte (nftables.yaml's batch-begin is subsystem 0, its newtable
 * subsystem 10; conntrack.yaml's operations subsystems 1 and 2).
 *
 * A subsystem's dissector is made on its first message and kept: three
 * tables indexed by the low byte (to the kernel, from it, notifications),
 * the first spec in the registry's order winning a slot.  A message from
 * the kernel is named as the kernel names its type: the request of the
 * same number when there is one (a GETRULE dump's replies are NEWRULE
 * messages, conntrack's get replies NEW), else the notification's.
 */
#include <stdlib.h>
#include <string.h>

#include "spec_build.h"

#define RAW_MAX 64u	/* (protocol, subsystem) pairs kept */

struct raw_sub {
	int proto;
	unsigned sub;
	bool any;		/* some spec names a message of it */
	struct nl_dissector dis;
	struct nl_msgdef to[256], from[256], ntf[256];
};

struct spec_raw {
	struct raw_sub *v[RAW_MAX];
	unsigned n;
};

void spec_raw_free(struct spec_raw *x)
{
	if (!x)
		return;
	for (unsigned i = 0; i < x->n; i++)
		free(x->v[i]);
	free(x);
}

static void put(struct nl_msgdef *t, unsigned *n, unsigned i, const struct nl_msgdef *md)
{
	if (t[i].name)
		return;
	t[i] = *md;
	if (i + 1 > *n)
		*n = i + 1;
}

static void gather(struct spec_reg *r, struct raw_sub *s)
{
	bool end = false;
	unsigned nto = 0, nfrom = 0, nntf = 0;

	for (unsigned k = 0; !end; k++) {
		const struct spec_family *f = spec_reg_raw_family(r, k, &end);
		if (!f || f->protonum != s->proto)
			continue;
		for (unsigned i = 0; i < f->nraw_ops; i++) {
			const struct spec_raw_op *o = &f->raw_ops[i];
			if (o->type >> 8 != s->sub)
				continue;
			unsigned lo = o->type & 0xff;
			s->any = true;
			if (o->way == SPEC_RAW_TO)
				put(s->to, &nto, lo, &o->md);
			else if (o->way == SPEC_RAW_FROM)
				put(s->from, &nfrom, lo, &o->md);
			else
				put(s->ntf, &nntf, lo, &o->md);
		}
	}
	/* from the kernel: the name of the request of the same type, or of
	 * the notification (a GETGEN's reply is a NEWGEN) */
	for (unsigned i = 0; i < nfrom; i++) {
		const struct nl_msgdef *nm = i < nto && s->to[i].name ? &s->to[i]
					     : i < nntf && s->ntf[i].name ? &s->ntf[i] : NULL;
		if (s->from[i].name && nm) {
			s->from[i].name = nm->name;
			s->from[i].kind = nm->kind;
		}
	}
	/* a change the kernel notifies of (or echoes) has the request's
	 * type: DELRULE, NEWSETELEM */
	for (unsigned i = 0; i < nto; i++)
		if (s->to[i].name && !s->from[i].name)
			put(s->from, &nfrom, i, &s->to[i]);
	s->dis.name = NULL;
	s->dis.proto = s->proto;
	s->dis.msgs = s->from;
	s->dis.nmsgs = nfrom;
	s->dis.req_msgs = s->to;
	s->dis.nreq_msgs = nto;
	s->dis.ntf_msgs = nntf ? s->ntf : NULL;
	s->dis.nntf_msgs = nntf;
}

static struct raw_sub *sub_of(struct spec_reg *r, int proto, unsigned sub)
{
	struct spec_raw **xp = spec_reg_raw_cache(r);
	struct spec_raw *x = *xp;

	if (!x && !(x = *xp = calloc(1, sizeof(*x))))
		return NULL;
	for (unsigned i = 0; i < x->n; i++)
		if (x->v[i]->proto == proto && x->v[i]->sub == sub)
			return x->v[i];
	if (x->n == RAW_MAX)
		return NULL;
	struct raw_sub *s = calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	s->proto = proto;
	s->sub = sub;
	gather(r, s);
	x->v[x->n++] = s;
	return s;
}

const struct nl_dissector *spec_reg_find_raw(struct spec_reg *r, int proto, unsigned sub)
{
	struct raw_sub *s = r && sub < 256 ? sub_of(r, proto, sub) : NULL;

	return s && s->any ? &s->dis : NULL;
}

unsigned spec_reg_raw_all(struct spec_reg *r, int proto, const struct nl_dissector **out,
			  unsigned max)
{
	unsigned n = 0;
	bool end = false, seen[256] = { false };

	for (unsigned k = 0; !end; k++) {
		const struct spec_family *f = spec_reg_raw_family(r, k, &end);
		for (unsigned i = 0; f && f->protonum == proto && i < f->nraw_ops; i++)
			seen[f->raw_ops[i].type >> 8] = true;
	}
	for (unsigned sub = 0; sub < 256; sub++) {
		const struct nl_dissector *d = seen[sub] ? spec_reg_find_raw(r, proto, sub) : NULL;
		if (d && n < max)
			out[n] = d;
		n += d != NULL;
	}
	return n;
}
