/* ovsflow.c - Open vSwitch flow lifecycles (ovsflow.h): upcalls linked to
 * the flow installed for them and to the EXECUTE of their packet, flows
 * followed by UFID or masked key.
 *
 * A flow's key matches an upcall's when every attribute of the flow key,
 * masked by the same attribute of the flow's mask, equals the upcall's
 * attribute under that mask (byte by byte: the key attributes are fixed
 * layouts, the mask has the same layout); an attribute absent from the
 * mask, or a mask of zeros, is wildcarded; a flow without a mask is exact.
 * ENCAP, TUNNEL and NSH are nested sets, compared the same way one level
 * down.  Upcalls carry no UFID (7.2 has no OVS_PACKET_ATTR_UFID).
 *
 * Reference: include/uapi/linux/openvswitch.h (7.2).
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "genlmap.h"
#include "nlcore.h"
#include "nlmsg_priv.h"
#include "ovs_common.h"
#include "ovsflow.h"

#define PROTO_GENERIC 16	/* NETLINK_GENERIC */
#define GENL_HDRLEN 4
#define OVS_HDRLEN 4
#define NLA_TYPE_MASK 0x3fff

/* commands (OVS_PACKET_CMD_*, OVS_FLOW_CMD_*) */
enum { PKT_MISS = 1, PKT_ACTION = 2, PKT_EXECUTE = 3 };
enum { FLOW_NEW = 1, FLOW_DEL = 2, FLOW_GET = 3, FLOW_SET = 4 };
/* attributes */
enum { PKT_A_PACKET = 1, PKT_A_KEY = 2 };
enum { FLOW_A_KEY = 1, FLOW_A_ACTIONS = 2, FLOW_A_STATS = 3, FLOW_A_MASK = 7,
       FLOW_A_UFID = 9 };
enum { KEY_ENCAP = 1, KEY_TUNNEL = 16, KEY_RECIRC_ID = 20, KEY_NSH = 28 };
enum { ACT_RECIRC = 7 };

#define KEY_TYPES 64	/* an upcall key's attributes indexed by type */
#define KEY_DEPTH 4		/* nested key sets followed (encap in encap...) */
#define NAME_MAX_TEXT 240	/* a key's ODP text kept as a flow's name */
#define HBUCKETS (2 * OVSF_FLOWS)

struct ovsf_up {
	uint64_t frame;
	uint64_t flow_frame;	/* the NEW linked, or 0 */
	uint64_t pkt_hash;
	uint32_t pkt_len, dp;
	uint16_t keylen;
	uint8_t order;
	bool used, flowed, executed, key_cut;
	/* 1 + the offset of the first attribute of each type in key, 0: none */
	uint16_t at[KEY_TYPES];
	uint8_t key[OVSF_KEYMAX];
};

struct ovsf_flow {
	struct ovsf_info i;
	bool used, deleted;
	uint64_t id_u, id_k;	/* identities: by UFID, by masked key (0: none) */
	int32_t next_u, next_k;	/* chains of the index */
	char name[NAME_MAX_TEXT + 8];
};

struct ovsflow {
	struct ovsf_up up[OVSF_UPCALLS];
	unsigned up_next;
	struct ovsf_flow *flows;	/* OVSF_FLOWS, a ring */
	unsigned nflows, fnext;		/* kept; the slot the next takes */
	unsigned live;			/* kept and not deleted */
	int32_t *bucket;		/* HBUCKETS heads, -1: empty */
	struct ovsf_totals tot;
};

struct ovsflow *ovsflow_new(void)
{
	struct ovsflow *o = calloc(1, sizeof(*o));

	if (!o)
		return NULL;
	o->flows = calloc(OVSF_FLOWS, sizeof(*o->flows));
	o->bucket = malloc(HBUCKETS * sizeof(*o->bucket));
	if (!o->flows || !o->bucket) {
		ovsflow_free(o);
		return NULL;
	}
	for (unsigned i = 0; i < HBUCKETS; i++)
		o->bucket[i] = -1;
	return o;
}

void ovsflow_free(struct ovsflow *o)
{
	if (!o)
		return;
	free(o->flows);
	free(o->bucket);
	free(o);
}

/* ---- attributes, through the cursor ---- */

static bool nested_key(uint16_t t)
{
	return t == KEY_ENCAP || t == KEY_TUNNEL || t == KEY_NSH;
}

static uint64_t fnv(uint64_t h, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 0x100000001b3ull;
	return h;
}

#define FNV_SEED 0xcbf29ce484222325ull

/* the bytes of a payload, all of them captured, or NULL */
static const uint8_t *whole(const struct nlc *pl, size_t *n)
{
	*n = nlc_left(pl);
	if (!*n)
		return (const uint8_t *)"";
	return nlc_peek(pl, *n);
}

static bool all_zero(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return false;
	return true;
}

/* Attribute type of the upcall key u: through its index at (NULL: a walk). */
static bool up_attr(const struct nlc *u, const uint16_t *at, uint16_t type, struct nlc *out)
{
	struct nlc c = *u;
	uint16_t t;

	if (!at || type >= KEY_TYPES)
		return nla_find(NULL, u, type, out);
	return at[type] && nlc_skip(&c, at[type] - 1u) && nla_next(&c, &t, out);
}

/* Does the upcall key u (at: its index, or NULL) match the flow key f
 * under mask m (NULL: exact)? */
static bool key_match(const struct nlc *u, const uint16_t *at, const struct nlc *f,
		      const struct nlc *m, int depth)
{
	struct nlc c = *f, fv, uv, mv;
	uint16_t t;

	if (depth > KEY_DEPTH)
		return false;
	while (nla_next(&c, &t, &fv)) {
		bool have_m = m && nla_find(NULL, m, t, &mv);
		if (m && !have_m)
			continue;	/* not in the mask: wildcarded */
		bool have_u = up_attr(u, at, t, &uv);
		if (nested_key(t)) {
			if (!have_u) {
				size_t mn;
				const uint8_t *mp = have_m ? whole(&mv, &mn) : NULL;
				if (!have_m || !mp || !all_zero(mp, mn))
					return false;
				continue;
			}
			if (!key_match(&uv, NULL, &fv, have_m ? &mv : NULL, depth + 1))
				return false;
			continue;
		}
		size_t fn, un = 0, mn = 0;
		const uint8_t *fp = whole(&fv, &fn);
		const uint8_t *up = have_u ? whole(&uv, &un) : NULL;
		const uint8_t *mp = have_m ? whole(&mv, &mn) : NULL;
		if (!fp || (have_m && (!mp || mn != fn)))
			return false;	/* cut short, or not one layout */
		if (!up) {
			if (have_m && all_zero(mp, mn))
				continue;
			return false;
		}
		if (un != fn)
			return false;
		for (size_t i = 0; i < fn; i++) {
			uint8_t k = have_m ? mp[i] : 0xff;
			if ((fp[i] & k) != (up[i] & k))
				return false;
		}
	}
	return nlc_ok(&c);
}

/* A flow's identity by its key under its mask, the same whatever the
 * order of the attributes (the kernel answers in its own order) and
 * whatever attributes of zero mask are written: a sum of one hash per
 * attribute. */
static uint64_t key_ident(const struct nlc *f, const struct nlc *m, int depth)
{
	struct nlc c = *f, fv, mv;
	uint16_t t;
	uint64_t sum = 0;

	if (depth > KEY_DEPTH)
		return 0;
	while (nla_next(&c, &t, &fv)) {
		bool have_m = m && nla_find(NULL, m, t, &mv);
		if (m && !have_m)
			continue;
		uint64_t h = fnv(FNV_SEED, (const uint8_t *)&t, sizeof(t));
		if (nested_key(t)) {
			h = fnv(h, (const uint8_t *)"", 1) + key_ident(&fv, have_m ? &mv : NULL,
								   depth + 1);
			sum += h * 0x9e3779b97f4a7c15ull;
			continue;
		}
		size_t fn, mn = 0;
		const uint8_t *fp = whole(&fv, &fn);
		const uint8_t *mp = have_m ? whole(&mv, &mn) : NULL;
		if (!fp || (have_m && (!mp || mn != fn)))
			continue;
		if (have_m && all_zero(mp, mn))
			continue;
		for (size_t i = 0; i < fn; i++) {
			uint8_t b = fp[i] & (have_m ? mp[i] : 0xff);
			h = fnv(h, &b, 1);
		}
		sum += h;
	}
	return sum ? sum : 1;
}

/* ---- the flow table ---- */

static uint64_t ufid_ident(const struct nlc *ufid)
{
	size_t n;
	const uint8_t *p = whole(ufid, &n);
	uint64_t h = p ? fnv(FNV_SEED ^ 0x55, p, n) : 0;

	return h ? h : 1;
}

static void chain_unlink(struct ovsflow *o, int32_t slot, uint64_t id, bool by_u)
{
	int32_t *at = &o->bucket[id % HBUCKETS];

	while (*at >= 0) {
		struct ovsf_flow *x = &o->flows[*at];
		if (*at == slot) {
			*at = by_u ? x->next_u : x->next_k;
			return;
		}
		at = by_u ? &x->next_u : &x->next_k;
	}
}

/* the newest flow of identity id (by UFID or by key) */
static struct ovsf_flow *lookup(struct ovsflow *o, uint64_t id, bool by_u)
{
	if (!id)
		return NULL;
	for (int32_t s = o->bucket[id % HBUCKETS]; s >= 0;) {
		struct ovsf_flow *x = &o->flows[s];
		if ((by_u ? x->id_u : x->id_k) == id)
			return x;
		s = by_u ? x->next_u : x->next_k;
	}
	return NULL;
}

/* by UFID when the message has one, else by its masked key */
static struct ovsf_flow *find_flow(struct ovsflow *o, uint64_t id_u, uint64_t id_k)
{
	return id_u ? lookup(o, id_u, true) : lookup(o, id_k, false);
}

static struct ovsf_flow *add_flow(struct ovsflow *o, uint64_t id_u, uint64_t id_k)
{
	int32_t s = (int32_t)o->fnext;
	struct ovsf_flow *x = &o->flows[s];

	if (x->used) {
		if (x->id_u)
			chain_unlink(o, s, x->id_u, true);
		if (x->id_k)
			chain_unlink(o, s, x->id_k, false);
		o->tot.flows_evicted++;
		o->live -= !x->deleted;
	} else {
		o->nflows++;
	}
	memset(x, 0, sizeof(*x));
	x->used = true;
	x->id_u = id_u;
	x->id_k = id_k;
	x->next_u = x->next_k = -1;
	if (id_u) {
		x->next_u = o->bucket[id_u % HBUCKETS];
		o->bucket[id_u % HBUCKETS] = s;
	}
	if (id_k) {
		x->next_k = o->bucket[id_k % HBUCKETS];
		o->bucket[id_k % HBUCKETS] = s;
	}
	x->i.name = x->name;
	o->live++;
	o->fnext = (o->fnext + 1) % OVSF_FLOWS;
	return x;
}

static void mark_deleted(struct ovsflow *o, struct ovsf_flow *x, uint64_t frame)
{
	if (!x->deleted)
		o->live--;
	x->deleted = true;
	if (!x->i.del_frame)
		x->i.del_frame = frame;
}

/* ---- what a message says ---- */

struct msgv {
	uint8_t cmd;
	bool to_kernel;
	uint32_t dp;
	struct nlc attrs;
	bool key, mask, ufid, stats, actions;
	struct nlc k, m, u, s, a;
};

static void flow_fill(struct ovsf_flow *x, struct dctx *d, const struct msgv *v)
{
	struct sbuf b = { 0 };

	x->i.dp = v->dp;
	if (v->ufid) {
		struct nlc u = v->u;
		if (nlc_left(&u) == 16) {
			uint32_t w[4];
			for (int i = 0; i < 4; i++)
				w[i] = nlc_u32(&u);
			snprintf(x->name, sizeof(x->name), "ufid:%08x-%04x-%04x-%04x-%04x%08x",
				 w[0], w[1] >> 16, w[1] & 0xffff, w[2] >> 16, w[2] & 0xffff,
				 w[3]);
			return;
		}
	}
	if (!v->key)
		return;
	ovs_odp_keys(d->st, &b, &v->k, v->mask ? &v->m : NULL);
	if (b.len > NAME_MAX_TEXT)
		snprintf(x->name, sizeof(x->name), "%.*s...", NAME_MAX_TEXT, b.p);
	else
		snprintf(x->name, sizeof(x->name), "%s", b.p ? b.p : "");
	sbuf_free(&b);
}

/* the key's recirc_id, and the recirc(N) of the actions (top level) */
static void flow_recirc(struct ovsf_flow *x, const struct msgv *v)
{
	struct nlc rid, c, pl;
	uint16_t t;

	if (v->key && nla_find(NULL, &v->k, KEY_RECIRC_ID, &rid) && nlc_left(&rid) == 4) {
		x->i.has_recirc_id = true;
		x->i.recirc_id = nlc_u32(&rid);
	}
	if (!v->actions)
		return;
	x->i.nrecirc = 0;
	c = v->a;
	while (nla_next(&c, &t, &pl))
		if (t == ACT_RECIRC && nlc_left(&pl) == 4 && x->i.nrecirc < OVSF_RECIRC)
			x->i.recirc[x->i.nrecirc++] = nlc_u32(&pl);
}

/* OVS_FLOW_ATTR_STATS; the kernel leaves it out while no packet matched */
static void read_stats(const struct msgv *v, uint64_t *pk, uint64_t *by)
{
	struct nlc s = v->s;

	*pk = *by = 0;
	if (!v->stats || nlc_left(&s) != 16)
		return;
	*pk = nlc_u64(&s);
	*by = nlc_u64(&s);
}

/* The links of a message (JSON "ovs", the one-line's " upcall #N"), and
 * their field events: not message bytes (offset and length 0) */
static void emit_link(struct dctx *d, uint64_t up, bool amb, uint64_t flow)
{
	static const uint8_t none[1];
	size_t at = d->fs ? d->fs->base : 0;
	struct nlc z = nlc_init(none, 0, 0);	/* no bytes: offset 0, length 0 */

	nl_put_obj_begin(d, "ovs", "struct", &z);
	emit_uint(d->e, "upcall_frame", up, EF_DEC);
	if (d->fs)
		nl_fs_num(d, "upcall_frame", "u64", NLFV_UINT, at, 0, up, NULL, NULL);
	if (flow) {
		emit_uint(d->e, "flow_frame", flow, EF_DEC);
		if (d->fs)
			nl_fs_num(d, "flow_frame", "u64", NLFV_UINT, at, 0, flow, NULL, NULL);
	}
	if (amb) {
		emit_bool(d->e, "ambiguous", true);
		if (d->fs)
			nl_fs_bytes(d, "ambiguous", "flag", NLFV_TRUE, 0, at, 0, NULL, 0);
	}
	nl_put_obj_end(d);
	emit_sum(d->e, " upcall #%llu%s", (unsigned long long)up, amb ? " (ambiguous)" : "");
	if (flow)
		emit_sum(d->e, " flow #%llu", (unsigned long long)flow);
}

static struct nlc up_key(const struct ovsf_up *u)
{
	struct nlc c = nlc_init(u->key, u->keylen, u->keylen);

	c.order = u->order;
	return c;
}

static void index_key(struct ovsf_up *u)
{
	struct nlc c = up_key(u), pl;
	uint16_t t;

	for (size_t at = nlc_off(&c); nla_next(&c, &t, &pl); at = nlc_off(&c))
		if (t < KEY_TYPES && !u->at[t])
			u->at[t] = (uint16_t)(at + 1);
}

static void upcall(struct ovsflow *o, const struct nl_frame *f, const struct msgv *v,
		   const struct nlc *m)
{
	struct ovsf_up *u = &o->up[o->up_next];
	struct nlc key, pkt;
	size_t n;

	if (u->used && !u->flowed && !u->executed)
		o->tot.upcalls_evicted++;
	memset(u, 0, offsetof(struct ovsf_up, key));
	u->used = true;
	u->frame = f->no;
	u->dp = v->dp;
	u->order = m->order;
	o->tot.upcalls++;
	if (nla_find(NULL, &v->attrs, PKT_A_PACKET, &pkt)) {
		const uint8_t *p = whole(&pkt, &n);
		u->pkt_len = (uint32_t)n;
		u->pkt_hash = p ? fnv(FNV_SEED, p, n) : 0;
	}
	if (nla_find(NULL, &v->attrs, PKT_A_KEY, &key)) {
		const uint8_t *p = whole(&key, &n);
		if (!p || n > OVSF_KEYMAX) {
			u->key_cut = true;
			o->tot.upcalls_key_cut++;
		} else {
			memcpy(u->key, p, n);
			u->keylen = (uint16_t)n;
			index_key(u);
		}
	}
	o->up_next = (o->up_next + 1) % OVSF_UPCALLS;
}

/* The upcall a flow NEW was installed for: the most recent unlinked one
 * of its datapath whose key matches; ambiguous when another fits too. */
static struct ovsf_up *flow_upcall(struct ovsflow *o, const struct msgv *v, bool *amb)
{
	struct ovsf_up *best = NULL;

	*amb = false;
	for (unsigned i = 1; i <= OVSF_UPCALLS; i++) {
		struct ovsf_up *u = &o->up[(o->up_next + OVSF_UPCALLS - i) % OVSF_UPCALLS];
		if (!u->used || u->flowed || u->key_cut || !u->keylen || u->dp != v->dp)
			continue;
		struct nlc uk = up_key(u);
		if (!key_match(&uk, u->at, &v->k, v->mask ? &v->m : NULL, 0))
			continue;
		if (best) {
			*amb = true;
			break;
		}
		best = u;
	}
	return best;
}

/* The upcall an EXECUTE sends back: the most recent of its datapath,
 * not executed yet, with the same packet bytes. */
static struct ovsf_up *exec_upcall(struct ovsflow *o, const struct msgv *v, bool *amb)
{
	struct nlc pkt;
	struct ovsf_up *best = NULL;
	size_t n;

	*amb = false;
	if (!nla_find(NULL, &v->attrs, PKT_A_PACKET, &pkt))
		return NULL;
	const uint8_t *p = whole(&pkt, &n);
	if (!p)
		return NULL;
	uint64_t h = fnv(FNV_SEED, p, n);
	for (unsigned i = 1; i <= OVSF_UPCALLS; i++) {
		struct ovsf_up *u = &o->up[(o->up_next + OVSF_UPCALLS - i) % OVSF_UPCALLS];
		if (!u->used || u->executed || u->dp != v->dp || u->pkt_len != n ||
		    u->pkt_hash != h)
			continue;
		if (best) {
			*amb = true;
			break;
		}
		best = u;
	}
	return best;
}

static void flow_new(struct ovsflow *o, struct dctx *d, const struct nl_frame *f,
		     const struct msgv *v, uint64_t id_u, uint64_t id_k)
{
	struct ovsf_flow *x = find_flow(o, id_u, id_k);
	bool amb;

	o->tot.installs++;
	/* a NEW of a flow kept (refused EEXIST, or its actions replaced) is
	 * not a flow of its own, nor counted as a SET */
	if (!x || x->deleted || x->i.dp != v->dp) {
		x = add_flow(o, id_u, id_k);
		x->i.origin = OVSF_INSTALLED;
		x->i.frame = f->no;
		frame_time(f, &x->i.sec, &x->i.nsec);
		flow_fill(x, d, v);
	}
	flow_recirc(x, v);
	if (!v->key)
		return;
	struct ovsf_up *u = flow_upcall(o, v, &amb);
	if (!u)
		return;
	u->flowed = true;
	u->flow_frame = f->no;
	o->tot.upcalls_linked++;
	o->tot.installs_linked++;
	if (amb)
		o->tot.ambiguous++;
	x->i.upcall_frame = u->frame;
	x->i.upcall_ambiguous = amb;
	emit_link(d, u->frame, amb, 0);
}

static void flow_other(struct ovsflow *o, struct dctx *d, const struct nl_frame *f,
		       const struct msgv *v, uint64_t id_u, uint64_t id_k)
{
	struct ovsf_flow *x = find_flow(o, id_u, id_k);
	bool del_req = v->cmd == FLOW_DEL && v->to_kernel;
	bool del_reply = v->cmd == FLOW_DEL && !v->to_kernel;

	if (v->cmd == FLOW_GET && v->to_kernel)
		return;		/* a request: no statistics */
	if (v->cmd == FLOW_NEW)
		return;		/* the kernel's answer to a NEW */
	if (del_req && !id_u && !id_k) {
		/* no UFID, no key: every flow of the datapath (a walk of the
		 * table only while flows are live: one per NEW at most) */
		for (unsigned i = 0; o->live && i < OVSF_FLOWS; i++) {
			struct ovsf_flow *y = &o->flows[i];
			if (y->used && !y->deleted && y->i.dp == v->dp)
				mark_deleted(o, y, f->no);
		}
		return;
	}
	if (!id_u && !id_k)
		return;
	if (x && x->deleted && !del_reply)
		x = NULL;	/* the same flow again: a new one */
	if (!x) {
		x = add_flow(o, id_u, id_k);
		x->i.origin = OVSF_ALREADY;
		x->i.frame = f->no;
		frame_time(f, &x->i.sec, &x->i.nsec);
		flow_fill(x, d, v);
	} else if (!x->name[0] && (v->ufid || v->key)) {
		flow_fill(x, d, v);
	}
	flow_recirc(x, v);
	uint64_t pk, by;
	if (v->cmd == FLOW_SET && v->to_kernel)
		x->i.sets++;
	if (v->cmd == FLOW_GET) {
		read_stats(v, &pk, &by);
		x->i.reads++;
		x->i.packets = pk;
		x->i.bytes = by;
	}
	if (del_req)
		mark_deleted(o, x, f->no);
	if (del_reply) {
		mark_deleted(o, x, f->no);
		read_stats(v, &pk, &by);
		x->i.have_final = true;
		x->i.final_packets = pk;
		x->i.final_bytes = by;
	}
}

static void execute(struct ovsflow *o, struct dctx *d, const struct msgv *v)
{
	bool amb;
	struct ovsf_up *u = exec_upcall(o, v, &amb);

	o->tot.executes++;
	if (!u)
		return;
	u->executed = true;
	o->tot.executes_linked++;
	emit_link(d, u->frame, amb, u->flow_frame);
}

void ovsflow_msg(struct ovsflow *o, struct dctx *d, const struct nl_frame *f,
		 const struct nlc *m)
{
	struct nlc c = *m, pl;
	struct msgv v = { 0 };
	uint16_t t;

	if (!o || f->proto != PROTO_GENERIC || f->copy_of || d->st->learning || !d->st->genl)
		return;
	nlc_u32(&c);	/* nlmsg_len */
	uint16_t type = nlc_u16(&c);
	uint16_t flags = nlc_u16(&c);
	nlc_skip(&c, 8);	/* seq, pid */
	const struct genl_family *fam = genl_map_get(d->st->genl, type);
	if (!fam)
		return;
	bool is_pkt = !strcmp(fam->name, "ovs_packet");
	if (!is_pkt && strcmp(fam->name, "ovs_flow"))
		return;
	v.cmd = nlc_u8(&c);
	nlc_skip(&c, GENL_HDRLEN - 1);
	v.dp = nlc_u32(&c);
	if (!nlc_ok(&c))
		return;
	v.to_kernel = f->dir == NLDIR_UNKNOWN ? (flags & 1) != 0 : f->dir == NLDIR_TO_KERNEL;
	v.attrs = c;
	if (is_pkt) {
		if (!v.to_kernel && (v.cmd == PKT_MISS || v.cmd == PKT_ACTION))
			upcall(o, f, &v, m);
		else if (v.to_kernel && v.cmd == PKT_EXECUTE)
			execute(o, d, &v);
		return;
	}
	while (nla_next(&c, &t, &pl)) {
		struct nlc *slot = t == FLOW_A_KEY ? &v.k : t == FLOW_A_MASK ? &v.m :
				   t == FLOW_A_UFID ? &v.u : t == FLOW_A_STATS ? &v.s :
				   t == FLOW_A_ACTIONS ? &v.a : NULL;
		if (!slot)
			continue;
		*slot = pl;
		v.key |= t == FLOW_A_KEY;
		v.mask |= t == FLOW_A_MASK;
		v.ufid |= t == FLOW_A_UFID;
		v.stats |= t == FLOW_A_STATS;
		v.actions |= t == FLOW_A_ACTIONS;
	}
	uint64_t id_u = v.ufid ? ufid_ident(&v.u) : 0;
	uint64_t id_k = v.key ? key_ident(&v.k, v.mask ? &v.m : NULL, 0) : 0;
	if (v.cmd == FLOW_NEW && v.to_kernel)
		flow_new(o, d, f, &v, id_u, id_k);
	else
		flow_other(o, d, f, &v, id_u, id_k);
}

/* ---- the report's view ---- */

bool ovsflow_get(const struct ovsflow *o, unsigned i, struct ovsf_info *out)
{
	if (!o || i >= o->nflows)
		return false;
	unsigned first = o->nflows < OVSF_FLOWS ? 0 : o->fnext;
	*out = o->flows[(first + i) % OVSF_FLOWS].i;
	out->name = o->flows[(first + i) % OVSF_FLOWS].name;
	return true;
}

void ovsflow_totals(const struct ovsflow *o, struct ovsf_totals *t)
{
	memset(t, 0, sizeof(*t));
	if (o)
		*t = o->tot;
}
