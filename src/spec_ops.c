/* spec_ops.c - a spec's operations into message definitions, one per
 * command number, and its multicast group names.
 *
 * Numbering (genetlink-legacy.rst, "Enum (message ID) model", Linux 7.2):
 *   unified      one counter: an operation's `value`, or the previous
 *                operation's plus one (the first 1); requests, replies,
 *                notifications and events alike.
 *   directional  two counters.  An operation with `do` or `dump` takes a
 *                to-kernel number (`request: value:` or the previous one's
 *                plus one) and, if it has a `reply`, a from-kernel number
 *                (`reply: value:` or the previous from-kernel one's plus
 *                one); `do` and `dump` share them (`do` says them; an
 *                operation-level `value`, an overlay's new command, gives
 *                both).  A
 *                notification or an event takes a from-kernel number only
 *                (its own `value`, or the next one).  Both counters start
 *                at 1.
 * Notifications and events are also kept apart: a message from the kernel
 * with sequence number 0 and port id 0 (a multicast) is looked up among
 * them first (mptcp_pm's events share numbers with its replies).
 * A message to the kernel carries the request number, one from the kernel
 * the reply number (in the unified model the same number, but only an
 * operation with a reply, a notification or an event sends one); a genl command is a byte, so numbers above 255 (the
 * netlink-raw message types of nfnetlink) get no genl message definition.
 * A netlink-raw spec's messages are also kept by their full type
 * (fam->raw_ops, named in upper case: "newrule" NEWRULE, "get-stats"
 * GET_STATS), for spec_raw.c to gather per subsystem.
 */
#include <string.h>

#include "spec_build.h"

static const struct nl_struct *hdr_named(struct sb *b, const struct snode *n)
{
	const char *name = sn_text(n);
	struct sdef *d = name ? sb_def(b, name) : NULL;
	if (!n)
		return NULL;
	if (!d || !d->st) {
		spec_fail(b->err, n, "fixed-header '%s' is not a struct definition",
			  name ? name : "?");
		return NULL;
	}
	return d->st;
}

/* request kind from an operation's name: a verb first or last */
static uint8_t op_kind(const char *name)
{
	static const struct {
		const char *w;
		uint8_t k;
	} verbs[] = {
		{ "get", NLRK_GET }, { "dump", NLRK_GET }, { "new", NLRK_NEW },
		{ "set", NLRK_NEW }, { "add", NLRK_NEW }, { "create", NLRK_NEW },
		{ "del", NLRK_DEL }, { "delete", NLRK_DEL }, { "remove", NLRK_DEL },
	};
	size_t n = strlen(name);
	const char *last = strrchr(name, '-');
	size_t first = strcspn(name, "-");
	last = last ? last + 1 : name;
	for (unsigned i = 0; i < ARRAY_SIZE(verbs); i++) {
		size_t wl = strlen(verbs[i].w);
		if ((first == wl && !strncmp(name, verbs[i].w, wl)) ||
		    (n >= wl && !strcmp(last, verbs[i].w)))
			return verbs[i].k;
	}
	return NLRK_NONE;
}

static const char *op_name(void *ctx, unsigned i)
{
	return sn_str(((const struct snode **)ctx)[i], "name");
}

static bool md_kind_get(const char *name)
{
	return op_kind(name) == NLRK_GET;
}

/* The attributes a get request names its object by (devlink's bus-name
 * and dev-name, wireguard's ifindex and ifname): shown in the one-line
 * summary of every message of the set, as "name value" (scalars and
 * strings; at most 3 a set). */
static void name_object(struct sb *b, struct sset *s, const struct snode *list)
{
	for (unsigned i = 0; list && list->t == SN_SEQ && i < list->n && s->nsum < 3; i++) {
		int k = sb_find(s->ix, s->na, sn_text(list->k[i]));
		if (k < 0)
			continue;
		struct nl_attr_pol *p = (struct nl_attr_pol *)&s->set->attrs[s->a[k].value];
		if (!p->name || (p->flags & NLAF_SUMMARY) || p->kind == NLA_KIND_NESTED ||
		    p->kind == NLA_KIND_NESTED_ARRAY || p->kind == NLA_KIND_CB ||
		    p->kind == NLA_KIND_STRUCT || p->kind == NLA_KIND_BINARY ||
		    p->kind == NLA_KIND_FLAG || p->kind == NLA_KIND_PAD)
			continue;
		p->flags |= NLAF_SUMMARY;
		s->nsum++;
	}
	(void)b;
}

static bool value_of(struct sb *b, const struct snode *n, int *out)
{
	int64_t v;
	if (!n)
		return false;
	if (!sn_int(n, &v) || v < 0 || v > 65535) {
		spec_fail(b->err, n, "operation value is not a number from 0 to 65535");
		*out = -2;
		return false;
	}
	*out = (int)v;
	return true;
}

struct optab {
	struct nl_msgdef *m;
	unsigned n;	/* highest number + 1 */
};

static bool place(struct sb *b, struct optab *t, int v, const struct nl_msgdef *md,
		  const struct snode *at)
{
	if (v < 0 || v > 255)
		return true;
	if (!t->m) {
		t->m = sb_alloc(b, 256 * sizeof(*t->m), at);
		if (!t->m)
			return false;
	}
	if (!t->m[v].name)
		t->m[v] = *md;
	if ((unsigned)v + 1 > t->n)
		t->n = (unsigned)v + 1;
	return true;
}

/* "get-stats" as GET_STATS, in the arena */
static const char *raw_name(struct sb *b, const char *name, const struct snode *at)
{
	size_t n = strlen(name);
	char *u = sb_alloc(b, n + 1, at);

	for (size_t i = 0; u && i < n; i++)
		u[i] = name[i] == '-' ? '_' : name[i] >= 'a' && name[i] <= 'z'
			? (char)(name[i] - 'a' + 'A') : name[i];
	return u;
}

/* a netlink-raw message by its full type (v < 0: none) */
static bool raw_place(struct sb *b, int v, uint8_t way, const struct nl_msgdef *md,
		      const struct snode *at)
{
	struct spec_family *fam = b->fam;
	if (v < 0)
		return true;
	struct nl_msgdef m = *md;
	m.name = raw_name(b, md->name, at);
	if (!m.name)
		return false;
	if (!m.kind)
		m.kind = nl_kind_from_name(m.name);
	fam->raw_ops[fam->nraw_ops++] = (struct spec_raw_op){ (uint16_t)v, way, m };
	return true;
}

bool spec_build_ops(struct sb *b, const struct snode *root)
{
	struct spec_family *fam = b->fam;
	const struct snode *ops = sn_get(root, "operations");
	const struct snode *list = sb_seq(b, ops, "list");
	const char *model = sn_str(ops, "enum-model");
	bool dir = model && !strcmp(model, "directional");
	unsigned n = list ? list->n : 0;
	struct optab to_k = { 0 }, from_k = { 0 }, ntf = { 0 };

	if (b->err->set)
		return false;
	if (model && !dir && strcmp(model, "unified")) {
		spec_fail(b->err, sn_get(ops, "enum-model"), "unknown enum-model '%s'", model);
		return false;
	}
	const struct nl_struct *ghdr = hdr_named(b, sn_get(ops, "fixed-header"));
	if (b->err->set)
		return false;
	fam->ops = sb_alloc(b, (n ? n : 1) * sizeof(*fam->ops), root);
	if (!fam->ops)
		return false;
	struct nidx *ix = sb_index(b, n, op_name, (void *)(list ? list->k : NULL), root);
	if (!ix)
		return false;
	bool raw = !strcmp(fam->protocol, "netlink-raw");
	if (raw && !(fam->raw_ops = sb_alloc(b, 3 * (n ? n : 1) * sizeof(*fam->raw_ops), root)))
		return false;
	int next_req = 1, next_rep = 1;
	for (unsigned i = 0; i < n; i++) {
		const struct snode *op = list->k[i];
		const char *name = sn_str(op, "name");
		const struct snode *mode = sn_get(op, "do");
		if (!mode)
			mode = sn_get(op, "dump");
		const struct snode *notify = sn_get(op, "notify"), *event = sn_get(op, "event");
		int req = -1, rep = -1;
		if (!name) {
			spec_fail(b->err, op, "operation without a name");
			return false;
		}
		if (!dir) {
			if (!value_of(b, sn_get(op, "value"), &req) && req == -2)
				return false;
			if (req < 0)
				req = next_rep;
			next_rep = req + 1;
			rep = req;
			if (notify || event)
				req = -1;	/* from the kernel only */
		} else if (mode) {
			/* mode: do if there is one, else dump; an operation-level
			 * value (an overlay's new command) gives both numbers */
			const struct snode *rq = sn_get(mode, "request"), *rp = sn_get(mode, "reply");
			int both = -1;
			if (!value_of(b, sn_get(op, "value"), &both) && both == -2)
				return false;
			if (!value_of(b, sn_get(rq, "value"), &req) && req == -2)
				return false;
			if (req < 0)
				req = both >= 0 ? both : next_req;
			next_req = req + 1;
			if (rp || both >= 0) {
				if (!value_of(b, sn_get(rp, "value"), &rep) && rep == -2)
					return false;
				if (rep < 0)
					rep = both >= 0 ? both : next_rep;
				next_rep = rep + 1;
			}
		} else if (notify || event) {
			if (!value_of(b, sn_get(op, "value"), &rep) && rep == -2)
				return false;
			if (rep < 0)
				rep = next_rep;
			next_rep = rep + 1;
		} else {
			spec_fail(b->err, op, "operation '%s' has no do, dump, notify or event",
				  name);
			return false;
		}
		fam->ops[fam->nops++] = (struct spec_op){ name, req, rep };

		/* its message: attribute set and fixed header, a notification's
		 * from the operation it notifies of */
		const struct snode *src = op;
		if (notify && !sn_get(op, "attribute-set")) {
			int j = sb_find(ix, n, sn_text(notify));
			if (j >= 0)
				src = list->k[j];
		}
		const char *an = sn_str(op, "attribute-set");
		if (!an)
			an = sn_str(src, "attribute-set");
		struct sset *s = an ? sb_set(b, an) : NULL;
		if (an && !s) {
			spec_fail(b->err, op, "operation '%s': attribute-set '%s' is not a set",
				  name, an);
			return false;
		}
		const struct snode *hn = sn_get(op, "fixed-header");
		if (!hn)
			hn = sn_get(src, "fixed-header");
		const struct nl_struct *hdr = hn ? hdr_named(b, hn) : ghdr;
		if (b->err->set)
			return false;
		bool hooked;
		const struct nl_summary *sum = spec_op_summary(b, name, s, &hooked);
		if (b->err->set)
			return false;
		if (s && !hooked && md_kind_get(name))
			name_object(b, s, sn_get(sn_get(mode, "request"), "attributes"));
		struct nl_msgdef md = { .name = name, .kind = op_kind(name), .hdr = hdr,
					.attrs = s ? s->set : NULL, .sum = sum };
		/* from the kernel: a reply, a notification, an event (a command
		 * that only acks has no message of its own from the kernel) */
		bool answers = dir || !mode || sn_get(sn_get(op, "do"), "reply") ||
			       sn_get(sn_get(op, "dump"), "reply");
		if ((!mode && !place(b, &ntf, rep, &md, op)) ||
		    (mode && !place(b, &to_k, req, &md, op)) ||
		    (answers && !place(b, &from_k, rep, &md, op)))
			return false;
		if (raw && ((!mode && !raw_place(b, rep, SPEC_RAW_NTF, &md, op)) ||
			    (mode && !raw_place(b, req, SPEC_RAW_TO, &md, op)) ||
			    (answers && mode && !raw_place(b, rep, SPEC_RAW_FROM, &md, op))))
			return false;
	}

	/* the dissector */
	struct nl_dissector *dis = &fam->dis;
	dis->name = fam->name;
	dis->proto = -1;
	dis->genl_family = fam->name;
	dis->msgs = from_k.m;
	dis->nmsgs = from_k.n;
	dis->req_msgs = to_k.m;
	dis->nreq_msgs = to_k.n;
	dis->ntf_msgs = ntf.m;
	dis->nntf_msgs = ntf.n;

	if (ghdr) {	/* a command the spec does not name: its header still */
		struct nl_msgdef *dflt = sb_alloc(b, sizeof(*dflt), root);
		if (!dflt)
			return false;
		dflt->hdr = ghdr;
		dis->dflt = dflt;
	}

	const struct snode *mc = sb_seq(b, sn_get(root, "mcast-groups"), "list");
	if (b->err->set)
		return false;
	fam->mcgrps = sb_alloc(b, ((mc ? mc->n : 0) + 1) * sizeof(char *), root);
	if (!fam->mcgrps)
		return false;
	for (unsigned i = 0; mc && i < mc->n; i++) {
		const char *g = sn_str(mc->k[i], "name");
		if (!g) {
			spec_fail(b->err, mc->k[i], "multicast group without a name");
			return false;
		}
		fam->mcgrps[fam->nmcgrps++] = g;
	}
	return true;
}
