/* fields.c - the field registry, walked from the dissectors' tables.
 *
 * Built once on first use: the core's members (a short table below: they
 * are written by the netlink core, not by a policy), then for every
 * registered dissector its message definitions (fixed header struct,
 * attribute sets, request policies, the default definition) walked
 * recursively through nested sets, structs and the shapes callbacks
 * declare.  A path met again (the same attribute in NEWLINK and DELLINK) is
 * one field; a kind that differs between the places met: both ("ipv4|ipv6").  Bounded: a set or struct already on the
 * walk's path is not entered again (marked "recursive"), nesting stops at
 * FIELD_MAX_DEPTH, and a field's list of choices at WHEN_MAX characters.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "nlcore.h"
#include "registry.h"

#define FIELD_MAX_DEPTH 24
#define PATH_MAX_LEN 512
#define KIND_MAX 48
#define WHEN_MAX 240

struct entry {
	struct nl_field f;	/* path, kind, desc are owned */
	char *when;		/* choices that define the field, or NULL */
	bool when_cut;
};

struct registry {
	struct entry *v;
	size_t n, cap;
	size_t *hash;		/* index + 1, 0 = free; open addressing */
	size_t hcap;
	struct nl_field *flat;	/* v[].f with descriptions completed */
	bool oom;
	/* groups: [start, end) of each name, core first */
	struct group { const char *name; size_t start, end; } *grp;
	size_t ngrp;
	struct fields_names names[2];	/* nlmsg.type's, genl.cmd's */
};

static struct registry *reg;

/* ---- building ---- */

static char *dupstr(const char *s)
{
	char *p = NULL;

	if (s) {
		size_t n = strlen(s) + 1;
		p = malloc(n);
		if (p)
			memcpy(p, s, n);
	}
	if (s && !p)
		reg->oom = true;
	return p;
}

static uint64_t hash_path(size_t grp, const char *s)
{
	uint64_t h = 1469598103934665603ull ^ grp;

	for (; *s; s++)
		h = (h ^ (uint8_t)*s) * 1099511628211ull;
	return h;
}

static bool rehash(size_t ncap)
{
	size_t *h = calloc(ncap, sizeof(*h));

	if (!h)
		return reg->oom = true, false;
	/* one table per group: the current group's entries only */
	for (size_t i = reg->grp[reg->ngrp].start; i < reg->n; i++) {
		size_t j = hash_path(reg->ngrp, reg->v[i].f.path) & (ncap - 1);
		while (h[j])
			j = (j + 1) & (ncap - 1);
		h[j] = i + 1;
	}
	free(reg->hash);
	reg->hash = h;
	reg->hcap = ncap;
	return true;
}

static void append_when(struct entry *en, const char *when)
{
	if (!when || en->when_cut)
		return;
	size_t have = en->when ? strlen(en->when) : 0, wl = strlen(when);
	if (en->when) {	/* already listed? (a short scan: WHEN_MAX bounds it) */
		const char *p = en->when;
		while ((p = strstr(p, when))) {
			if ((p == en->when || p[-1] == ' ') && (p[wl] == ',' || !p[wl]))
				return;
			p += wl;
		}
	}
	if (have + wl + 2 > WHEN_MAX) {
		en->when_cut = true;
		return;
	}
	char *n = realloc(en->when, have + wl + 3);
	if (!n) {
		reg->oom = true;
		return;
	}
	if (have)
		memcpy(n + have, ", ", 2), have += 2;
	memcpy(n + have, when, wl + 1);
	en->when = n;
}

static void merge_kind(struct entry *en, const char *kind)
{
	const char *k = en->f.kind;
	size_t kl = strlen(kind);
	for (const char *p = k; (p = strstr(p, kind)); p += kl)
		if ((p == k || p[-1] == '|') && (p[kl] == '|' || !p[kl]))
			return;
	size_t have = strlen(k);
	if (have + kl + 2 > KIND_MAX)
		return;
	char *n = malloc(have + kl + 2);
	if (!n) {
		reg->oom = true;
		return;
	}
	memcpy(n, k, have);
	n[have] = '|';
	memcpy(n + have + 1, kind, kl + 1);
	free((char *)en->f.kind);
	en->f.kind = n;
}

/* Add (or merge) a field of the current group; the new (or merged) entry,
 * NULL when out of memory. */
static struct entry *add(const char *proto, const char *path, const char *kind,
			 const char *desc, const char *when)
{
	if (reg->oom)
		return NULL;
	if ((reg->n - reg->grp[reg->ngrp].start + 1) * 2 > reg->hcap && !rehash(reg->hcap * 2))
		return NULL;
	size_t j = hash_path(reg->ngrp, path) & (reg->hcap - 1);
	size_t start = reg->grp[reg->ngrp].start;
	while (reg->hash[j]) {
		struct entry *en = &reg->v[reg->hash[j] - 1];
		if ((size_t)(en - reg->v) >= start && !strcmp(en->f.path, path)) {
			merge_kind(en, kind);
			append_when(en, when);
			return en;
		}
		j = (j + 1) & (reg->hcap - 1);
	}
	if (reg->n == reg->cap) {
		size_t nc = reg->cap ? reg->cap * 2 : 512;
		struct entry *v = realloc(reg->v, nc * sizeof(*v));
		if (!v) {
			reg->oom = true;
			return NULL;
		}
		reg->v = v;
		reg->cap = nc;
	}
	struct entry *en = &reg->v[reg->n];
	memset(en, 0, sizeof(*en));
	en->f.path = dupstr(path);
	en->f.kind = dupstr(kind);
	en->f.desc = dupstr(desc);
	en->f.proto = proto;
	if (reg->oom)
		return NULL;
	append_when(en, when);
	reg->hash[j] = ++reg->n;
	return en;
}

struct walk {
	const char *proto;
	const char *when;	/* the choice being walked ("kind bridge"), or NULL */
	const void *stack[FIELD_MAX_DEPTH];
	const char *paths[FIELD_MAX_DEPTH];
	int depth;
};

static void walk_pol(struct walk *w, const char *path, const struct nl_attr_pol *pol,
		     const char *desc);

static bool join(char *out, const char *prefix, const char *name)
{
	return fields_cat(out, PATH_MAX_LEN, prefix, *prefix ? "." : "", name, (const char *)NULL);
}

/* The path where t was entered, if it is on the walk's path. */
static const char *repeat_of(const struct walk *w, const void *t)
{
	for (int i = 0; i < w->depth; i++)
		if (w->stack[i] == t)
			return w->paths[i];
	return NULL;
}

/* Enter a set, struct or shape at path (the caller's buffer, alive while
 * it is entered): false when it is on the path already, or too deep. */
static bool enter(struct walk *w, const void *t, const char *path)
{
	if (repeat_of(w, t) || w->depth == FIELD_MAX_DEPTH)
		return false;
	w->paths[w->depth] = path;
	w->stack[w->depth++] = t;
	return true;
}

static void walk_set(struct walk *w, const char *prefix, const struct nl_attr_set *set)
{
	char path[PATH_MAX_LEN], desc[160];

	if (!set || !set->attrs)
		return;
	for (unsigned t = 0; t <= set->max; t++) {
		const struct nl_attr_pol *p = &set->attrs[t];
		if (!p->name || p->kind == NLA_KIND_PAD || !join(path, prefix, p->name))
			continue;
		char num[12];
		fields_cat(desc, sizeof(desc), set->name ? set->name : "", " attribute ",
			   fields_dec(num, t), (const char *)NULL);
		walk_pol(w, path, p, desc);
	}
}

static void walk_struct(struct walk *w, const char *prefix, const struct nl_struct *st)
{
	char path[PATH_MAX_LEN], desc[160];

	for (unsigned i = 0; i < st->nfields; i++) {
		const struct nl_attr_pol *p = &st->fields[i];
		if (!p->name || p->kind == NLA_KIND_PAD || !join(path, prefix, p->name))
			continue;
		fields_cat(desc, sizeof(desc), "field of struct ", st->name ? st->name : "",
			   (const char *)NULL);
		walk_pol(w, path, p, desc);
	}
}

/* "DESC; enum: a, b, c, ..." with the first names of a table */
static void describe_names(char *out, size_t n, const char *desc, const char *what,
			   const struct nl_names *t)
{
	unsigned shown = 0;

	fields_cat(out, n, desc, "; ", what, ":", (const char *)NULL);
	for (unsigned i = 0; i < t->n; i++) {
		size_t used = strlen(out);
		if (!t->v[i])
			continue;
		if (used + 1 >= n)
			return;
		if (shown == 4) {
			fields_cat(out + used, n - used, " ...", (const char *)NULL);
			return;
		}
		fields_cat(out + used, n - used, shown ? ", " : " ", t->v[i], (const char *)NULL);
		shown++;
	}
}

struct visit_ctx { struct walk *w; const char *path, *desc; };

static void visit_alt(void *ctx, const char *when, const struct nl_attr_pol *pol)
{
	struct visit_ctx *v = ctx;
	const char *saved = v->w->when;

	v->w->when = when;
	walk_pol(v->w, v->path, pol, v->desc);
	v->w->when = saved;
}

static void walk_pol(struct walk *w, const char *path, const struct nl_attr_pol *pol,
		     const char *desc)
{
	char d[320], sub[PATH_MAX_LEN];
	const struct nl_shape *sh = pol->kind == NLA_KIND_CB ? pol->shape : NULL;
	const void *inner = NULL;
	uint8_t kind = pol->kind;

	if (kind == NLA_KIND_CB && !sh)
		kind = pol->st ? NLA_KIND_STRUCT : pol->nest ? NLA_KIND_NESTED : NLA_KIND_CB;
	if (sh) {
		if (sh->form)
			add(w->proto, path, sh->form, desc, w->when);
		if ((sh->members || sh->keys) && enter(w, sh, path)) {
			char mdesc[200];
			fields_cat(mdesc, sizeof(mdesc), "in ", desc, (const char *)NULL);
			add(w->proto, path, "struct", desc, w->when);
			for (unsigned i = 0; i < sh->nmembers; i++) {
				const struct nl_attr_pol *m = &sh->members[i];
				if (m->name && m->kind != NLA_KIND_PAD && join(sub, path, m->name))
					walk_pol(w, sub, m, mdesc);
			}
			for (unsigned i = 0; sh->keys && i < sh->keys->n; i++)
				if (sh->keys->v[i] && join(sub, path, sh->keys->v[i]))
					add(w->proto, sub, sh->key_form ? sh->key_form : "u32",
					    mdesc, w->when);
			w->depth--;
		}
		const char *dot = strrchr(path, '.');
		for (unsigned i = 0; i < sh->nbeside; i++) {
			const struct nl_attr_pol *m = &sh->beside[i];
			size_t pl = dot ? (size_t)(dot - path) : 0;
			if (pl >= sizeof(sub))
				continue;
			memcpy(sub, path, pl);
			sub[pl] = 0;
			char bpath[PATH_MAX_LEN];
			if (join(bpath, sub, m->name))
				walk_pol(w, bpath, m, desc);
		}
		struct visit_ctx v = { w, path, desc };
		for (unsigned i = 0; i < sh->nalts; i++)
			visit_alt(&v, sh->alts[i].name, &sh->alts[i]);
		if (sh->each)
			sh->each(visit_alt, &v);
		return;
	}
	switch (kind) {
	case NLA_KIND_NESTED:
	case NLA_KIND_NESTED_ARRAY:
		inner = pol->nest;
		break;
	case NLA_KIND_STRUCT:
		inner = pol->st;
		break;
	default:
		break;
	}
	if (inner && !enter(w, inner, path)) {
		const char *as = repeat_of(w, inner);
		if (as)
			snprintf(d, sizeof(d), "%s; recursive: as %s", desc, as);
		else
			snprintf(d, sizeof(d), "%s; nested too deep to list", desc);
		struct entry *en = add(w->proto, path, kind == NLA_KIND_STRUCT ? "struct" : "nest",
				       d, w->when);
		if (en && as && !en->f.same_as)
			en->f.same_as = dupstr(as);
		return;
	}
	switch (kind) {
	case NLA_KIND_NESTED:
		add(w->proto, path, pol->nest && (pol->nest->flags & NLAF_ORDERED) ? "list" : "nest",
		    desc, w->when);
		walk_set(w, path, pol->nest);
		break;
	case NLA_KIND_NESTED_ARRAY:
		add(w->proto, path, "array", desc, w->when);
		if (join(sub, path, "index"))
			add(w->proto, sub, "u16", "position of an element (its attribute type)",
			    w->when);
		walk_set(w, path, pol->nest);
		break;
	case NLA_KIND_STRUCT:
		add(w->proto, path, "struct", desc, w->when);
		if (pol->st)
			walk_struct(w, path, pol->st);
		break;
	case NLA_KIND_BITFIELD32:
		add(w->proto, path, "bitfield32", desc, w->when);
		if (join(sub, path, "value"))
			add(w->proto, sub, "flags", "bits set", w->when);
		if (join(sub, path, "selector"))
			add(w->proto, sub, "flags", "bits the value applies to", w->when);
		break;
	case NLA_KIND_CB:
		add(w->proto, path, "custom", desc, w->when);
		break;
	default:
		if (pol->enums && kind >= NLA_KIND_U8 && kind <= NLA_KIND_SINT)
			describe_names(d, sizeof(d), desc, "enum", pol->enums);
		else if (pol->bits && kind >= NLA_KIND_U8 && kind <= NLA_KIND_SINT)
			describe_names(d, sizeof(d), desc, "bits", pol->bits);
		else
			fields_cat(d, sizeof(d), desc, (const char *)NULL);
		struct entry *en = add(w->proto, path, nl_pol_kind(pol), d, w->when);
		if (en)	/* an enum's or flag word's names, NULL for the rest */
			fields_note_names(&en->f, pol->enums ? pol->enums : pol->bits);
		break;
	}
	if (inner)
		w->depth--;
}

static void walk_msgdef(struct walk *w, const struct nl_msgdef *md)
{
	char d[160];

	if (md->hdr && md->hdr->name) {
		snprintf(d, sizeof(d), "fixed header, struct %s", md->hdr->name);
		add(w->proto, md->hdr->name, "struct", d, NULL);
		walk_struct(w, md->hdr->name, md->hdr);
	}
	const struct nl_attr_set *sets[2] = { md->attrs, md->req_attrs };
	for (int i = 0; i < 2; i++) {
		if (!sets[i] || !enter(w, sets[i], "attrs"))
			continue;
		add(w->proto, "attrs", sets[i]->flags & NLAF_ORDERED ? "list" : "nest",
		    "the message's attributes", NULL);
		walk_set(w, "attrs", sets[i]);
		w->depth--;
	}
}

static bool begin_group(const char *name)
{
	/* the same name again (genl: the core's genl.* then its dissector)
	 * continues its group */
	if (reg->ngrp && !strcmp(reg->grp[reg->ngrp - 1].name, name)) {
		reg->ngrp--;
	} else {
		struct group *g = realloc(reg->grp, (reg->ngrp + 1) * sizeof(*g));
		if (!g)
			return reg->oom = true, false;
		reg->grp = g;
		g[reg->ngrp] = (struct group){ name, reg->n, reg->n };
	}
	/* a hash table per group: paths repeat across groups (a continued
	 * group's table holds what it has already, at most half full) */
	size_t cap = 256;
	while (cap < 2 * (reg->n - reg->grp[reg->ngrp].start))
		cap *= 2;
	free(reg->hash);
	reg->hash = NULL;
	reg->hcap = 0;
	return rehash(cap);
}

static void end_group(void)
{
	reg->grp[reg->ngrp].end = reg->n;
	reg->ngrp++;
}

/* dis's fields in group name (a protocol's subsystems join its group) */
static void walk_dissector_as(const char *name, const struct nl_dissector *dis)
{
	struct walk w = { .proto = name };

	if (!begin_group(name))
		return;
	for (unsigned i = 0; i < dis->nmsgs; i++)
		if (dis->msgs[i].name || dis->msgs[i].hdr || dis->msgs[i].attrs)
			walk_msgdef(&w, &dis->msgs[i]);
	/* events and notifications (nflog's and nfqueue's PACKET) */
	for (unsigned i = 0; i < dis->nntf_msgs; i++)
		if (dis->ntf_msgs[i].name || dis->ntf_msgs[i].hdr || dis->ntf_msgs[i].attrs)
			walk_msgdef(&w, &dis->ntf_msgs[i]);
	if (dis->dflt)
		walk_msgdef(&w, dis->dflt);
	if (dis->shape) {	/* members its hooks write beside the tables */
		const struct nl_shape *sh = dis->shape;
		char d[96];
		snprintf(d, sizeof(d), "written by the %s dissector", dis->name);
		for (unsigned i = 0; i < sh->nmembers; i++)
			if (sh->members[i].name)
				walk_pol(&w, sh->members[i].name, &sh->members[i], d);
	}
	end_group();
}

static void walk_dissector(const struct nl_dissector *dis)
{
	walk_dissector_as(dis->name, dis);
}

static void walk_core(void)
{
	struct walk w = { .proto = "core" };
	const char *grp = NULL;

	for (size_t i = 0; i < fields_ncore; i++) {
		const struct nl_field *c = &fields_core[i];
		if (!grp || strcmp(grp, c->proto)) {
			if (grp)
				end_group();
			if (!begin_group(c->proto))
				return;
			grp = c->proto;
		}
		add(c->proto, c->path, c->kind, c->desc, NULL);
		/* the extended ACK's attributes are a policy table */
		if (!strcmp(c->path, "error.ext_ack") || !strcmp(c->path, "ext_ack"))
			walk_set(&w, c->path, &nl_extack_set);
	}
	end_group();
}

/* the registry of the dissectors, and of extra ones (the spec families) */
static bool build_with(const struct nl_dissector *const *extra, unsigned nextra)
{
	if (reg)
		return !reg->oom;
	reg = calloc(1, sizeof(*reg));
	if (!reg)
		return false;
	walk_core();
	/* (the genl dissector's own tables, if any, join the core's genl.*) */
	for (unsigned i = 0; i < nl_ndissectors && !reg->oom; i++) {
		const struct nl_dissector *pd = nl_dissectors[i];
		walk_dissector(pd);
		fields_names_add(&reg->names[pd->proto < 0], pd);
		/* a protocol's subsystems from netlink-raw specs (nfnetlink) */
		for (unsigned j = 0; j < nextra && !reg->oom && pd->proto >= 0; j++)
			if (extra[j]->proto == pd->proto)
				walk_dissector_as(pd->name, extra[j]);
	}
	for (unsigned i = 0; i < nextra && !reg->oom; i++) {
		fields_names_add(&reg->names[extra[i]->proto < 0], extra[i]);
		if (extra[i]->proto < 0 && !nl_dissector_for_genl(extra[i]->name))
			walk_dissector(extra[i]);	/* hand tables win */
	}
	if (reg->oom || reg->names[0].oom || reg->names[1].oom)
		return reg->oom = true, false;
	reg->flat = calloc(reg->n ? reg->n : 1, sizeof(*reg->flat));
	if (!reg->flat)
		return reg->oom = true, false;
	for (size_t i = 0; i < reg->n; i++) {
		struct entry *en = &reg->v[i];
		reg->flat[i] = en->f;
		if (en->when) {
			size_t n = strlen(en->f.desc) + strlen(en->when) + 32;
			char *d = malloc(n);
			if (!d)
				return reg->oom = true, false;
			snprintf(d, n, "%s (when %s%s)", en->f.desc, en->when,
				 en->when_cut ? ", ..." : "");
			free((char *)en->f.desc);
			en->f.desc = d;
			reg->flat[i].desc = d;
		}
	}
	free(reg->hash);
	reg->hash = NULL;
	return true;
}

static bool build(void)
{
	return build_with(NULL, 0);
}

bool fields_load(const struct nl_dissector *const *extra, unsigned nextra)
{
	fields_free();
	return build_with(extra, nextra);
}

void fields_free(void)
{
	if (!reg)
		return;
	for (size_t i = 0; i < reg->n; i++) {
		free((char *)reg->v[i].f.path);
		free((char *)reg->v[i].f.kind);
		free((char *)reg->v[i].f.desc);
		free((char *)reg->v[i].f.same_as);
		free(reg->v[i].when);
	}
	free(reg->v);
	free(reg->hash);
	free(reg->flat);
	free(reg->grp);
	fields_names_free(&reg->names[0]);
	fields_names_free(&reg->names[1]);
	free(reg);
	reg = NULL;
}

/* ---- queries ---- */

const struct nl_field *fields_all(size_t *n)
{
	*n = 0;
	if (!build())
		return NULL;
	*n = reg->n;
	return reg->flat;
}

const struct nl_field *fields_for(const char *name, size_t *n)
{
	size_t start = 0, end = 0;
	bool found = false;

	*n = 0;
	if (!name || !build())
		return NULL;
	/* a name may own two groups (genl: the core's genl.* and its dissector) */
	for (size_t g = 0; g < reg->ngrp; g++) {
		if (strcmp(reg->grp[g].name, name))
			continue;
		if (!found)
			start = reg->grp[g].start;
		end = reg->grp[g].end;
		found = true;
	}
	if (!found)
		return NULL;
	*n = end - start;
	return reg->flat + start;
}

const char *const *fields_msg_names(bool genl, size_t *n)
{
	*n = build() ? reg->names[genl].n : 0;
	return *n ? (const char *const *)reg->names[genl].v : NULL;
}

static const struct nl_field *find_in(const char *name, const char *path)
{
	size_t n;
	const struct nl_field *f = fields_for(name, &n);

	for (size_t i = 0; i < n; i++)
		if (!strcmp(f[i].path, path))
			return &f[i];
	return NULL;
}

/* path with its longest prefix that is a recursive set replaced by the
 * path that set repeats; false when no prefix is one */
static bool unfold(const char *name, const char *path, char *out)
{
	char head[PATH_MAX_LEN];
	size_t n = strlen(path);

	if (!name || n >= PATH_MAX_LEN)
		return false;
	memcpy(head, path, n + 1);
	for (char *dot = strrchr(head, '.'); dot; dot = strrchr(head, '.')) {
		*dot = 0;
		const struct nl_field *f = find_in(name, head);
		if (f && f->same_as) {
			int k = snprintf(out, PATH_MAX_LEN, "%s%s", f->same_as, path + (dot - head));
			return k > 0 && k < PATH_MAX_LEN;
		}
	}
	return false;
}

const struct nl_field *field_lookup(const char *name, const char *path)
{
	static const char req[] = "error.request.";
	const struct nl_field *f;
	char buf[2][PATH_MAX_LEN];

	while (!strncmp(path, req, sizeof(req) - 1))
		path += sizeof(req) - 1;
	if (name && (f = find_in(name, path)))
		return f;
	/* through recursive sets: each step shortens the path */
	for (int i = 0; i < FIELD_MAX_DEPTH && unfold(name, path, buf[i & 1]); i++) {
		path = buf[i & 1];
		if ((f = find_in(name, path)))
			return f;
	}
	if ((f = find_in("core", path)) || (f = find_in("genl", path)))
		return f;
	/* the generic members of any set or struct */
	const char *dot = strrchr(path, '.');
	if (dot) {
		char star[PATH_MAX_LEN];
		snprintf(star, sizeof(star), "*%s", dot);
		return find_in("core", star);
	}
	return NULL;
}

/* ---- --list-fields ---- */

static void print_field(FILE *out, const struct nl_field *f)
{
	fprintf(out, "%s\t%s\t%s\t%s\n", f->path, f->kind, f->proto, f->desc);
}

int fields_list(FILE *out, FILE *err, const char *name,
		const struct nl_dissector *const *extra, unsigned nextra)
{
	size_t n;
	const struct nl_field *f;

	fields_free();
	if (!build_with(extra, nextra)) {
		fputs("nldump: out of memory\n", err);
		return 3;
	}
	if (!name) {
		f = fields_all(&n);
		for (size_t i = 0; i < n; i++)
			print_field(out, &f[i]);
		return 0;
	}
	f = fields_for(name, &n);
	if (f) {
		for (size_t i = 0; i < n; i++)
			print_field(out, &f[i]);
		return 0;
	}
	/* a protocol nldump names but has no dissector for */
	for (unsigned p = 0; p < 32; p++) {
		const char *pn = nl_proto_name(p);
		if (pn && !strcmp(pn, name)) {
			fprintf(err, "nldump: --list-fields: no dissector for protocol '%s': its "
				"messages have the core fields only (--list-fields core)\n", pn);
			return 2;
		}
	}
	/* unknown: name the close ones (a prefix, or a few edits away) */
	char close[256] = "";
	size_t used = 0;
	size_t nl = strlen(name);
	for (size_t g = 0; g < reg->ngrp; g++) {
		const char *gn = reg->grp[g].name;
		if (g && !strcmp(gn, reg->grp[g - 1].name))
			continue;
		bool near = fields_distance(name, gn) <= 2 || (nl >= 2 && !strncmp(gn, name, nl)) ||
			    (nl >= 3 && strstr(gn, name));
		if (near && used + strlen(gn) + 3 < sizeof(close))
			used += (size_t)snprintf(close + used, sizeof(close) - used, "%s%s",
						 used ? ", " : "", gn);
	}
	char shown[80];
	size_t k = 0;
	for (const char *p = name; *p && k + 5 < sizeof(shown); p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch >= 0x20 && ch < 0x7f && ch != '\\')
			shown[k++] = (char)ch;
		else
			k += (size_t)snprintf(shown + k, sizeof(shown) - k, "\\x%02x", ch);
	}
	shown[k] = 0;
	if (used)
		fprintf(err, "nldump: --list-fields: unknown protocol or family '%s' (close: %s)\n",
			shown, close);
	else
		fprintf(err, "nldump: --list-fields: unknown protocol or family '%s' "
			"(--list-fields alone lists every field)\n", shown);
	return 2;
}

/* ---- a path given on the command line (-e) ---- */

const struct nl_field *fields_find(const char *path, const struct nl_dissector *const *extra,
				   unsigned nextra, char *close, size_t n)
{
	const struct nl_field *f = NULL;
	size_t used = 0;

	if (n)
		close[0] = 0;
	if (!reg && !build_with(extra, nextra))
		return NULL;
	for (size_t g = 0; g < reg->ngrp && !f; g++)
		f = field_lookup(reg->grp[g].name, path);
	if (f)
		return f;
	/* the close ones: a few edits away, or the same last name */
	const char *last = strrchr(path, '.') ? strrchr(path, '.') : path;
	for (size_t i = 0; i < reg->n; i++) {
		const char *p = reg->flat[i].path;
		const char *pl = strrchr(p, '.');
		bool near = fields_distance(path, p) <= 2 ||
			    (pl && (*last == '.' ? !strcmp(pl, last) : !strcmp(pl + 1, last)));
		size_t k = strlen(p);
		if (!near || used + k + 3 >= n)
			continue;
		bool dup = false;	/* the same path in another family */
		for (const char *q = strstr(close, p); q && !dup; q = strstr(q + 1, p))
			dup = (q == close || q[-1] == ' ') && (q[k] == ',' || !q[k]);
		if (!dup)
			used += (size_t)snprintf(close + used, n - used, "%s%s", used ? ", " : "", p);
	}
	return NULL;
}
