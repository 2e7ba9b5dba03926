/* state_view.c - --state: the sink that collects a message's fields and
 * replays what the kernel says into the object tables (state_view.h).
 *
 * Only messages to user space are facts: replies, dump parts and
 * notifications.  A request (to the kernel, or with NLM_F_REQUEST when
 * the capture does not say the direction) changes nothing.  NEW, SET and
 * a GET's reply replace the object; DEL removes it (an object first met
 * as a deletion is kept as a tombstone, for --state-diff).  An object from
 * a dump part is partly known until its dump's DONE arrives, and stays
 * so when the dump was interrupted (NLM_F_DUMP_INTR).
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hash.h"
#include "state_view.h"
#include "view_paths.h"

/* nlmsghdr flags (uapi linux/netlink.h) */
#define F_REQUEST 0x01
#define F_MULTI 0x02
#define F_DUMP_INTR 0x10

#define PROTO_ROUTE 0
#define PROTO_GENERIC 16

/* What a class's messages are: the protocol, the generic netlink family,
 * the message types (or genl commands) that put and delete an object,
 * the paths of its key (alternatives with '|'; "P.*": every field under
 * P; "6:P": only in an IPv6 route, whose routes to one prefix through
 * several devices are objects of their own), the paths not kept, and one
 * field whose value it must have. */
struct sv_class {
	uint16_t proto;
	const char *family;
	const char *put, *del;	/* words separated by spaces */
	const char *key[8];
	const char *drop[6];
	const char *only, *only_val;
};

static const struct sv_class classes[SVC_N] = {
	[SVC_LINK] = { PROTO_ROUTE, NULL, "NEWLINK", "DELLINK", { "ifinfomsg.index" },
		       { "attrs.stats", "attrs.af_spec", "attrs.map", "attrs.xdp", "ifinfomsg.change" },
		       "ifinfomsg.family", "\"unspec\"" },
	[SVC_ADDR] = { PROTO_ROUTE, NULL, "NEWADDR", "DELADDR",
		       { "ifaddrmsg.index", "ifaddrmsg.family", "attrs.local|attrs.address",
			 "ifaddrmsg.prefixlen" }, { NULL }, NULL, NULL },
	[SVC_ROUTE] = { PROTO_ROUTE, NULL, "NEWROUTE", "DELROUTE",
			{ "attrs.table|rtmsg.table", "rtmsg.family", "attrs.dst", "rtmsg.dst_len",
			  "rtmsg.tos", "attrs.priority", "6:attrs.oif" }, { "attrs.cacheinfo" },
			NULL, NULL },
	[SVC_NEIGH] = { PROTO_ROUTE, NULL, "NEWNEIGH", "DELNEIGH",
			{ "ndmsg.ifindex", "ndmsg.family", "attrs.dst|attrs.lladdr", "attrs.vlan" },
			{ "attrs.cacheinfo", "attrs.probes" }, NULL, NULL },
	[SVC_RULE] = { PROTO_ROUTE, NULL, "NEWRULE", "DELRULE",
		       { "fib_rule_hdr.family", "attrs.priority", "attrs.table|fib_rule_hdr.table",
			 "fib_rule_hdr.action", "attrs.src", "attrs.dst", "attrs.iifname",
			 "attrs.fwmark" }, { NULL }, NULL, NULL },
	[SVC_NEXTHOP] = { PROTO_ROUTE, NULL, "NEWNEXTHOP", "DELNEXTHOP", { "attrs.id" },
			  { NULL }, NULL, NULL },
	[SVC_QDISC] = { PROTO_ROUTE, NULL, "NEWQDISC", "DELQDISC",
			{ "tcmsg.ifindex", "tcmsg.parent" }, { "attrs.stats", "attrs.xstats" },
			NULL, NULL },
	[SVC_OVS_DP] = { PROTO_GENERIC, "ovs_datapath", "NEW SET GET", "DEL", { "attrs.name" },
			 { NULL }, NULL, NULL },
	[SVC_OVS_VPORT] = { PROTO_GENERIC, "ovs_vport", "NEW SET GET", "DEL",
			    { "ovs_header.dp_ifindex", "attrs.port_no" }, { NULL }, NULL, NULL },
	[SVC_OVS_FLOW] = { PROTO_GENERIC, "ovs_flow", "NEW SET GET", "DEL",
			   { "ovs_header.dp_ifindex", "attrs.ufid|attrs.key.*" }, { NULL },
			   NULL, NULL },
	[SVC_GENL] = { PROTO_GENERIC, "nlctrl", "NEWFAMILY", "DELFAMILY", { "attrs.family_name" },
		       { NULL }, NULL, NULL },
};

/* ---- the fields of an object ---- */

const char *sv_get(const char *fields, const char *path, size_t *n, uint64_t *u)
{
	size_t pl = strlen(path);

	for (const char *l = fields; l && *l;) {
		const char *nl = strchr(l, '\n');
		if (!nl)
			break;
		if (!strncmp(l, path, pl) && l[pl] == '\t') {
			const char *us = l + pl + 1;
			const char *v = strchr(us, '\t');
			if (!v || v > nl)
				return NULL;
			if (u)
				*u = strtoull(us, NULL, 10);
			if (n)
				*n = (size_t)(nl - v - 1);
			return v + 1;
		}
		l = nl + 1;
	}
	return NULL;
}

const char *sv_after(const char *val)
{
	const char *nl = strchr(val, '\n');

	return nl ? nl + 1 : NULL;
}

bool sv_has(const char *fields, const char *path)
{
	return sv_get(fields, path, NULL, NULL) != NULL;
}

uint64_t sv_u(const char *fields, const char *path, uint64_t dflt)
{
	uint64_t u;

	return sv_get(fields, path, NULL, &u) ? u : dflt;
}

void sv_put_unquoted(struct sbuf *b, const char *val, size_t n)
{
	if (n >= 2 && val[0] == '"' && val[n - 1] == '"')
		sbuf_put(b, val + 1, n - 2);
	else
		sbuf_put(b, val, n);
}

/* ---- the table ---- */

static uint32_t key_hash(uint8_t cls, const char *key)
{
	uint32_t h = 2166136261u ^ cls;

	for (const char *p = key; *p; p++)
		h = (h ^ (uint8_t)*p) * 16777619u;
	return mix32(h);
}

static void *xrealloc(void *p, size_t n)
{
	void *np = realloc(p, n);

	if (!np) {
		fputs("nldump: out of memory\n", stderr);
		exit(3);
	}
	return np;
}

static char *xstrndup(const char *s, size_t n)
{
	char *p = xrealloc(NULL, n + 1);

	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

static struct sv_obj *find(struct state_view *s, uint8_t cls, const char *key, bool make)
{
	if (!s->hsize) {
		s->hsize = 4096;
		s->hash = xrealloc(NULL, s->hsize * sizeof(*s->hash));
		memset(s->hash, 0, s->hsize * sizeof(*s->hash));
	}
	uint32_t h = key_hash(cls, key) & (s->hsize - 1);
	for (uint32_t i = s->hash[h]; i; i = s->o[i - 1].hnext) {
		struct sv_obj *o = &s->o[i - 1];
		if (o->cls == cls && !strcmp(o->key, key))
			return o;
	}
	if (!make)
		return NULL;
	if (s->n >= SV_MAX_OBJS) {
		s->dropped[cls]++;
		return NULL;
	}
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 256;
		s->o = xrealloc(s->o, s->cap * sizeof(*s->o));
	}
	struct sv_obj *o = &s->o[s->n++];
	memset(o, 0, sizeof(*o));
	o->cls = cls;
	o->key = xstrndup(key, strlen(key));
	o->order = s->next_order++;
	o->hnext = s->hash[h];
	s->hash[h] = s->n;
	return o;
}

bool sv_partial(const struct state_view *s, const struct sv_obj *o)
{
	if (!o->seen_whole)
		return true;
	if (!o->dump)
		return false;
	const struct sv_dump *d = &s->dumps[o->dump - 1];
	return !d->done || d->intr;
}

const char *sv_link(const struct state_view *s, uint64_t ifindex)
{
	char key[24];

	snprintf(key, sizeof(key), "%llu", (unsigned long long)ifindex);
	struct sv_obj *o = find((struct state_view *)s, SVC_LINK, key, false);
	return o ? o->fields : NULL;
}

const char *sv_ifname(const struct state_view *s, uint64_t ifindex, size_t *n)
{
	const char *f = sv_link(s, ifindex);

	return f ? sv_get(f, "attrs.ifname", n, NULL) : NULL;
}

/* ---- dumps ---- */

static uint64_t dump_tag(const struct state_view *s)
{
	return (uint64_t)s->proto << 48 ^ (uint64_t)s->pid << 20 ^ s->seq;
}

/* The dump a part belongs to (index + 1), opened on its first part. */
static uint32_t dump_of(struct state_view *s, bool open)
{
	uint64_t tag = dump_tag(s);

	for (unsigned i = 0; i < SV_OPEN_DUMPS; i++) {
		uint32_t d = s->open[i];
		if (d && s->dumps[d - 1].tag == tag)
			return d;
	}
	if (!open)
		return 0;
	if (s->ndumps >= SV_MAX_DUMPS) {
		s->dumps_dropped++;
		return 0;
	}
	if (s->ndumps == s->dcap) {
		s->dcap = s->dcap ? s->dcap * 2 : 64;
		s->dumps = xrealloc(s->dumps, s->dcap * sizeof(*s->dumps));
	}
	s->dumps[s->ndumps] = (struct sv_dump){ .tag = tag };
	/* a dump still open in the slot taken stays open (never DONE) */
	s->open[s->open_next] = ++s->ndumps;
	s->open_next = (s->open_next + 1) % SV_OPEN_DUMPS;
	return s->ndumps;
}

static void dump_done(struct state_view *s)
{
	uint32_t d = dump_of(s, false);

	if (!d)
		return;
	s->dumps[d - 1].done = true;
	if (s->mflags & F_DUMP_INTR)
		s->dumps[d - 1].intr = true;
	for (unsigned i = 0; i < SV_OPEN_DUMPS; i++)
		if (s->open[i] == d)
			s->open[i] = 0;
}

/* ---- replay ---- */

static bool word_in(const char *words, const char *w)
{
	size_t wl = strlen(w);

	for (const char *p = words; p && *p;) {
		size_t l = strcspn(p, " ");
		if (l == wl && !strncmp(p, w, wl))
			return true;
		p += l;
		p += strspn(p, " ");
	}
	return false;
}

/* The key of an object from its message's fields into k; false when a
 * required part is missing (none of the alternatives: the part is empty). */
static void make_key(const struct sv_class *c, const char *fields, struct sbuf *k)
{
	for (unsigned i = 0; i < 8 && c->key[i]; i++) {
		const char *alt = c->key[i];
		if (!strncmp(alt, "6:", 2)) {
			size_t n;
			const char *fam = sv_get(fields, "rtmsg.family", &n, NULL);
			if (!fam || n != 7 || strncmp(fam, "\"inet6\"", 7))
				continue;
			alt += 2;
		}
		if (i)
			sbuf_putc(k, '|');
		while (*alt) {
			size_t l = strcspn(alt, "|");
			char path[64];
			snprintf(path, sizeof(path), "%.*s", (int)l, alt);
			size_t pl = strlen(path);
			bool found = false;
			if (pl > 2 && !strcmp(path + pl - 2, ".*")) {
				/* every field under the prefix, in order */
				path[pl - 1] = 0;
				for (const char *ln = fields; *ln;) {
					const char *nl = strchr(ln, '\n');
					if (!nl)
						break;
					if (!strncmp(ln, path, pl - 1)) {
						sbuf_put(k, ln, (size_t)(nl - ln));
						sbuf_putc(k, ';');
						found = true;
					}
					ln = nl + 1;
				}
			} else {
				size_t n;
				const char *v = sv_get(fields, path, &n, NULL);
				if (v) {
					sbuf_put(k, v, n);
					found = true;
				}
			}
			if (found)
				break;
			alt += l;
			alt += *alt == '|';
		}
	}
}

/* What the kernel removes with an object: a link's addresses, routes
 * through it, neighbours, qdiscs and nexthops (not all of them notified);
 * a datapath's ports and flows. */
static const struct sv_cascade {
	uint8_t parent;
	const char *ppath;
	uint8_t child;
	const char *cpath;
} cascades[] = {
	{ SVC_LINK, "ifinfomsg.index", SVC_ADDR, "ifaddrmsg.index" },
	{ SVC_LINK, "ifinfomsg.index", SVC_ROUTE, "attrs.oif" },
	{ SVC_LINK, "ifinfomsg.index", SVC_NEIGH, "ndmsg.ifindex" },
	{ SVC_LINK, "ifinfomsg.index", SVC_QDISC, "tcmsg.ifindex" },
	{ SVC_LINK, "ifinfomsg.index", SVC_NEXTHOP, "attrs.oif" },
	{ SVC_OVS_DP, "ovs_header.dp_ifindex", SVC_OVS_VPORT, "ovs_header.dp_ifindex" },
	{ SVC_OVS_DP, "ovs_header.dp_ifindex", SVC_OVS_FLOW, "ovs_header.dp_ifindex" },
};

/* An object of class cls deleted (its fields: the stored ones, else the
 * deletion's): its dependents go too. */
static void cascade(struct state_view *s, uint8_t cls, const char *fields)
{
	for (size_t k = 0; k < sizeof(cascades) / sizeof(cascades[0]); k++) {
		const struct sv_cascade *c = &cascades[k];
		uint64_t v, u;
		if (c->parent != cls || !sv_get(fields, c->ppath, NULL, &v) || !v)
			continue;
		for (uint32_t i = 0; i < s->n; i++) {
			struct sv_obj *o = &s->o[i];
			if (!o->fields || o->cls != c->child || !sv_get(o->fields, c->cpath, NULL, &u) ||
			    u != v)
				continue;
			free(o->fields);
			o->fields = NULL;
			o->frame = s->mframe;
			o->dump = 0;
		}
	}
}

static void apply(struct state_view *s)
{
	const char *fields = s->msg.p ? s->msg.p : "";

	if (s->skip || s->frozen)
		return;
	if (!strcmp(s->mtype, "DONE")) {
		dump_done(s);
		return;
	}
	for (unsigned ci = 0; ci < SVC_N; ci++) {
		const struct sv_class *c = &classes[ci];
		if (c->proto != s->proto)
			continue;
		if (c->family && strcmp(c->family, s->family))
			continue;
		bool put = word_in(c->put, s->mtype), del = word_in(c->del, s->mtype);
		if (!put && !del)
			continue;
		if (c->only) {
			size_t n;
			const char *v = sv_get(fields, c->only, &n, NULL);
			if (!v || n != strlen(c->only_val) || strncmp(v, c->only_val, n))
				return;
		}
		struct sbuf k = { 0 };
		make_key(c, fields, &k);
		struct sv_obj *o = find(s, (uint8_t)ci, k.p ? k.p : "", true);
		sbuf_free(&k);
		if (!o)
			return;
		if (del)
			cascade(s, (uint8_t)ci, o->fields ? o->fields : fields);
		free(o->fields);
		o->fields = NULL;
		o->frame = s->mframe;
		o->dump = 0;
		if (put) {
			o->fields = xstrndup(fields, s->msg.len);
			o->seen_whole = true;
			if (s->mflags & F_MULTI)
				o->dump = dump_of(s, true);
		}
		s->last_applied = s->mframe;
		return;
	}
}

/* ---- the sink ---- */

static void strip(struct state_view *s);

static void end_msg(struct state_view *s)
{
	if (s->in_msg) {
		strip(s);
		apply(s);
	}
	s->in_msg = false;
}

static bool dropped_path(const char *path, size_t n)
{
	if (n >= 6 && !strncmp(path, "nlmsg", 5) && (path[5] == '.' || n == 5))
		return true;
	if (n >= 4 && !strncmp(path, "genl", 4) && (n == 4 || path[4] == '.'))
		return true;
	return false;
}

static void field(void *arg, const struct nl_field_ev *ev)
{
	struct state_view *s = arg;

	if (!s->in_msg || s->fs.frame != s->mframe || s->fs.index != s->mindex) {
		end_msg(s);
		s->in_msg = true;
		s->mframe = s->fs.frame;
		s->mindex = s->fs.index;
		s->skip = s->dir == NLDIR_TO_KERNEL;
		s->mtype[0] = s->family[0] = 0;
		s->mflags = s->seq = s->pid = 0;
		sbuf_reset(&s->msg);
	}
	if (s->skip)
		return;
	const char *p = ev->path;
	size_t pl = ev->pathlen;
	struct sbuf *b = &s->msg;

	if (dropped_path(p, pl)) {
		const char *nm = ev->str ? ev->str : ev->vt == NLFV_ENUM ? nl_name(ev->names, ev->u)
									   : NULL;
		size_t nl = ev->str ? ev->slen : nm ? strlen(nm) : 0;
		if (pl == 10 && !strncmp(p, "nlmsg.type", pl) && nm)
			snprintf(s->mtype, sizeof(s->mtype), "%.*s", (int)nl, nm);
		else if (pl == 8 && !strncmp(p, "genl.cmd", pl) && nm)
			snprintf(s->mtype, sizeof(s->mtype), "%.*s", (int)nl, nm);
		else if (pl == 11 && !strncmp(p, "genl.family", pl) && nm)
			snprintf(s->family, sizeof(s->family), "%.*s", (int)nl, nm);
		else if (pl == 11 && !strncmp(p, "nlmsg.flags", pl))
			s->mflags = (uint32_t)ev->u;
		else if (pl == 9 && !strncmp(p, "nlmsg.seq", pl))
			s->seq = (uint32_t)ev->u;
		else if (pl == 9 && !strncmp(p, "nlmsg.pid", pl))
			s->pid = (uint32_t)ev->u;
		/* the direction unknown: a request is not a fact */
		if (s->dir == NLDIR_UNKNOWN && (s->mflags & F_REQUEST))
			s->skip = true;
		return;
	}
	if (ev->vt == NLFV_NONE && (!ev->raw || ev->rawlen > 64 || !strcmp(ev->kind, "nest") ||
				    !strcmp(ev->kind, "struct") || !strcmp(ev->kind, "message") ||
				    !strcmp(ev->kind, "list") || !strcmp(ev->kind, "array")))
		return;	/* a container: its members follow */
	if (b->len >= SV_MAX_MSG)
		return;
	sbuf_put(b, p, pl);
	sbuf_putc(b, '\t');
	sbuf_u64(b, ev->vt == NLFV_SINT ? (uint64_t)ev->s : ev->u);
	sbuf_putc(b, '\t');
	if (ev->vt == NLFV_NONE) {
		sbuf_putc(b, '"');
		sbuf_hex(b, ev->raw, ev->rawlen);
		sbuf_putc(b, '"');
	} else {
		view_paths_value(b, ev);
	}
	sbuf_putc(b, '\n');
}

static bool drop_field(const struct sv_class *c, const char *line)
{
	for (unsigned i = 0; i < 6 && c->drop[i]; i++)
		if (!strncmp(line, c->drop[i], strlen(c->drop[i])))
			return true;
	return false;
}

/* Fields a class does not keep (counters, per-family blocks) go before
 * the copy: done once per message, in place. */
static void strip(struct state_view *s)
{
	if (!s->msg.len)
		return;
	for (unsigned ci = 0; ci < SVC_N; ci++) {
		const struct sv_class *c = &classes[ci];
		if (c->proto != s->proto || !c->drop[0] || (c->family && strcmp(c->family, s->family)))
			continue;
		if (!word_in(c->put, s->mtype))
			continue;
		char *w = s->msg.p, *r = s->msg.p;
		char *end = s->msg.p + s->msg.len;
		while (r < end) {
			char *nl = memchr(r, '\n', (size_t)(end - r));
			size_t l = nl ? (size_t)(nl - r) + 1 : (size_t)(end - r);
			if (!drop_field(c, r)) {
				memmove(w, r, l);
				w += l;
			}
			r += l;
		}
		s->msg.len = (size_t)(w - s->msg.p);
		s->msg.p[s->msg.len] = 0;
		return;
	}
}

/* ---- points ---- */

bool sv_point_parse(const char *str, struct sv_point *p)
{
	char *end;

	memset(p, 0, sizeof(*p));
	if (!*str)
		return false;
	if (!strchr(str, '.') && !strchr(str, ':')) {
		if (*str < '0' || *str > '9')
			return false;
		p->frame = strtoull(str, &end, 10);
		p->set = !*end && p->frame > 0;
		return p->set;
	}
	double frac = 0;
	const char *dot = strchr(str, '.');
	if (dot) {
		frac = strtod(dot, &end);
		if (*end || dot[1] < '0' || dot[1] > '9')
			return false;
	}
	unsigned h, m, sec;
	char tail;
	if (strchr(str, ':')) {
		if (sscanf(str, "%2u:%2u:%2u%c", &h, &m, &sec, &tail) < 3 || h > 23 || m > 59 ||
		    sec > 60 || (strlen(str) > 8 && str[8] != '.'))
			return false;
		p->tod = true;
		p->sec = (int64_t)h * 3600 + m * 60 + sec;
	} else {
		if (*str < '0' || *str > '9')
			return false;
		p->sec = strtoll(str, &end, 10);
		if (end != dot)
			return false;
	}
	p->nsec = (uint32_t)(frac * 1e9);
	p->by_time = p->set = true;
	return true;
}

/* Whether the frame being decoded comes after point p. */
static bool past(const struct state_view *s, const struct sv_point *p)
{
	if (!p->set)
		return false;
	if (!p->by_time)
		return s->fno > p->frame;
	int64_t sec = p->sec;
	if (p->tod) {
		/* the first frame's local midnight */
		time_t t = (time_t)s->first_sec;
		struct tm tm;
		localtime_r(&t, &tm);
		sec += s->first_sec - (tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec);
	}
	return s->sec > sec || (s->sec == sec && s->nsec > p->nsec);
}

void state_view_frame(struct state_view *s, const struct nl_frame *f)
{
	end_msg(s);
	if (!s->have_first) {
		s->have_first = true;
		s->first_sec = f->sec;
	}
	s->fno = f->no;
	s->sec = f->sec;
	s->nsec = f->nsec;
	s->proto = f->proto;
	s->dir = f->dir;
	if (s->frozen)
		return;
	if (s->diff && !s->snapped && past(s, &s->a)) {
		sv_snap_take(s, &s->snap_a);
		s->snapped = true;
	}
	if (past(s, s->diff ? &s->b : &s->a))
		s->frozen = true;
	else
		s->upto = f->no;
}

void state_view_init(struct state_view *s, FILE *out, bool json)
{
	memset(s, 0, sizeof(*s));
	s->out = out;
	s->json = json;
	s->fs.field = field;
	s->fs.arg = s;
}

bool state_view_finish(struct state_view *s)
{
	end_msg(s);
	struct sbuf b = { 0 };
	if (s->diff) {
		if (!s->snapped) {
			sv_snap_take(s, &s->snap_a);
			s->snapped = true;
		}
		sv_print_diff(s, &b);
	} else {
		sv_print(s, &b);
	}
	bool ok = !b.len || fwrite(b.p, 1, b.len, s->out) == b.len;
	sbuf_free(&b);
	uint64_t drop = 0;
	for (unsigned i = 0; i < SVC_N; i++)
		drop += s->dropped[i];
	if (drop)
		fprintf(stderr, "nldump: --state: more than %u objects: %llu more not kept\n",
			SV_MAX_OBJS, (unsigned long long)drop);
	if (s->dumps_dropped)
		fprintf(stderr, "nldump: --state: more than %u dumps: %llu more not followed "
			"(their objects shown as whole)\n", SV_MAX_DUMPS,
			(unsigned long long)s->dumps_dropped);
	return ok;
}

void state_view_fini(struct state_view *s)
{
	for (uint32_t i = 0; i < s->n; i++) {
		free(s->o[i].key);
		free(s->o[i].fields);
	}
	free(s->o);
	free(s->hash);
	free(s->dumps);
	sbuf_free(&s->msg);
	sv_snap_free(&s->snap_a);
	memset(s, 0, sizeof(*s));
}
