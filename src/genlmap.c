/* genlmap.c - the generic netlink family map (see genlmap.h). */
#include "genlmap.h"
#include "hash.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "registry.h"
#include "sbuf.h"

#define GENL_ID_CTRL 0x10

/* Multicast groups: every group of every family is in one open-addressing
 * table keyed by group id (ids are global in the kernel), pointing at the
 * family and the group's place in that family's array.  Linear probing,
 * load at most one half, deletion by moving the rest of the run back. */
struct gslot {
	uint32_t gid;
	uint16_t fam;		/* family id */
	bool used;
	uint32_t idx;		/* index in the family's groups[] */
};

struct genl_map {
	struct genl_family *byid[65536];
	unsigned count;
	struct gslot *gslots;
	size_t gcap;		/* power of two, or 0 */
	size_t gused;
	uint64_t gdropped;	/* groups not kept: GENL_GROUPS_MAX reached */
	uint64_t gprobes, gops;	/* work counters (tests) */
	uint64_t gprobe_max;
	uint8_t ever[65536 / 8];	/* ids that had an entry at some time */
	uint8_t watch[65536 / 8];	/* ids someone waits for (genl_map_watch) */
	unsigned nwatch;
};

/* the slot of gid, or the empty slot where it would go */
static size_t gslot_find(struct genl_map *m, uint32_t gid)
{
	size_t mask = m->gcap - 1, i = mix32(gid) & mask;
	uint64_t probes = 1;

	while (m->gslots[i].used && m->gslots[i].gid != gid) {
		i = (i + 1) & mask;
		probes++;
	}
	m->gprobes += probes;
	m->gops++;
	if (probes > m->gprobe_max)
		m->gprobe_max = probes;
	return i;
}

static bool gslot_grow(struct genl_map *m)
{
	size_t ocap = m->gcap, ncap = ocap ? ocap * 2 : 64;
	struct gslot *old = m->gslots, *ns = calloc(ncap, sizeof(*ns));

	if (!ns)
		return false;
	m->gslots = ns;
	m->gcap = ncap;
	for (size_t i = 0; i < ocap; i++)
		if (old[i].used)
			m->gslots[gslot_find(m, old[i].gid)] = old[i];
	free(old);
	return true;
}

/* remove the slot at i and close the gap (linear probing: later members
 * of the run whose home is at or before the gap move into it) */
static void gslot_remove(struct genl_map *m, size_t i)
{
	size_t mask = m->gcap - 1, j = i;

	m->gslots[i].used = false;
	m->gused--;
	for (;;) {
		j = (j + 1) & mask;
		if (!m->gslots[j].used)
			return;
		size_t home = mix32(m->gslots[j].gid) & mask;
		/* j stays if its home lies cyclically in (i, j] */
		bool stays = i <= j ? (home > i && home <= j) : (home > i || home <= j);
		if (stays)
			continue;
		m->gslots[i] = m->gslots[j];
		m->gslots[j].used = false;
		i = j;
	}
}

/* the slot of gid when it belongs to family fam, else NULL */
static struct gslot *gslot_of(struct genl_map *m, uint32_t gid, uint16_t fam)
{
	if (!m->gcap)
		return NULL;
	struct gslot *s = &m->gslots[gslot_find(m, gid)];
	return s->used && s->fam == fam ? s : NULL;
}

/* take group idx out of family f (the last one moves into its place) */
static void group_remove(struct genl_map *m, struct genl_family *f, unsigned idx)
{
	struct gslot *s = gslot_of(m, f->groups[idx].id, f->id);

	if (s)
		gslot_remove(m, (size_t)(s - m->gslots));
	f->ngroups--;
	if (idx != f->ngroups) {
		f->groups[idx] = f->groups[f->ngroups];
		s = gslot_of(m, f->groups[idx].id, f->id);
		if (s)
			s->idx = idx;
	}
}

static void fam_unhash_groups(struct genl_map *m, struct genl_family *f)
{
	for (unsigned i = 0; i < f->ngroups; i++) {
		struct gslot *s = gslot_of(m, f->groups[i].id, f->id);
		if (s)
			gslot_remove(m, (size_t)(s - m->gslots));
	}
}

static void fam_free(struct genl_family *f)
{
	if (!f)
		return;
	free(f->groups);
	free(f);
}

/* drop the entry of id (its groups leave the group table) */
static void fam_drop(struct genl_map *m, uint16_t id)
{
	struct genl_family *f = m->byid[id];

	fam_unhash_groups(m, f);
	fam_free(f);
	m->byid[id] = NULL;
	m->count--;
}

struct genl_map *genl_map_new(void)
{
	struct genl_map *m = calloc(1, sizeof(*m));

	if (!m)
		return NULL;
	genl_map_set(m, GENL_ID_CTRL, "nlctrl", GENL_SRC_FIXED, false);
	return m;
}

void genl_map_free(struct genl_map *m)
{
	if (!m)
		return;
	for (unsigned i = 0; i < 65536; i++)
		fam_free(m->byid[i]);
	free(m->gslots);
	free(m);
}

const struct genl_family *genl_map_get(const struct genl_map *m, uint16_t id)
{
	return m ? m->byid[id] : NULL;
}

struct genl_family *genl_map_set(struct genl_map *m, uint16_t id, const char *name,
				 enum genl_src src, bool first_only)
{
	struct genl_family *f = m->byid[id];

	if (f) {
		bool same = strncmp(f->name, name, GENL_NAME_MAX) == 0;

		if (first_only && f->src != GENL_SRC_FILE)
			return NULL;
		if (src == GENL_SRC_FILE && f->src != GENL_SRC_FILE)
			return NULL;	/* a stored map never overrides a live source */
		/* a user-given (or the fixed nlctrl) entry keeps its name; the
		 * capture may still refresh the details of the same family */
		if ((f->src == GENL_SRC_USER || f->src == GENL_SRC_FIXED) &&
		    src != GENL_SRC_USER)
			return same ? f : NULL;
		if (same) {
			f->src = (uint8_t)src;
			return f;	/* same family: refresh details */
		}
		fam_drop(m, id);
	}
	f = calloc(1, sizeof(*f));
	if (!f)
		return NULL;
	f->id = id;
	f->src = (uint8_t)src;
	snprintf(f->name, sizeof(f->name), "%s", name);
	f->dis = nl_dissector_for_genl(f->name);
	m->byid[id] = f;
	m->count++;
	m->ever[id / 8] |= (uint8_t)(1u << (id % 8));
	if (m->watch[id / 8] & (1u << (id % 8))) {
		m->watch[id / 8] &= (uint8_t)~(1u << (id % 8));
		m->nwatch--;
	}
	return f;
}

void genl_map_attach(struct genl_map *m, uint16_t id, const struct nl_dissector *dis)
{
	struct genl_family *f = m->byid[id];

	if (f && !f->dis) {
		f->dis = dis;
		f->dis_checked = true;
	}
}

void genl_map_del(struct genl_map *m, uint16_t id, enum genl_src src)
{
	struct genl_family *f = m->byid[id];

	if (!f || f->src == GENL_SRC_FIXED || (f->src == GENL_SRC_USER && src != GENL_SRC_USER))
		return;
	fam_drop(m, id);
}

void genl_map_clear_groups(struct genl_map *m, struct genl_family *f)
{
	fam_unhash_groups(m, f);
	free(f->groups);
	f->groups = NULL;
	f->ngroups = f->gcap = 0;
}

void genl_map_del_group(struct genl_map *m, struct genl_family *f, uint32_t id)
{
	struct gslot *s = gslot_of(m, id, f->id);

	if (s)
		group_remove(m, f, s->idx);
}

void genl_map_add_group(struct genl_map *m, struct genl_family *f, uint32_t id, const char *name)
{
	struct gslot *s = gslot_of(m, id, f->id);

	if (s) {	/* known: a new name */
		snprintf(f->groups[s->idx].name, GENL_NAME_MAX, "%s", name);
		return;
	}
	if (m->gcap) {
		/* a group id is one family's at a time: the newest claim wins */
		struct gslot *o = &m->gslots[gslot_find(m, id)];
		struct genl_family *of = o->used ? m->byid[o->fam] : NULL;
		if (of)
			group_remove(m, of, o->idx);
	}
	if (m->gused >= GENL_GROUPS_MAX) {
		m->gdropped++;
		return;
	}
	if ((m->gused + 1) * 2 > m->gcap && !gslot_grow(m))
		return;
	if (f->ngroups == f->gcap) {
		unsigned ncap = f->gcap ? f->gcap * 2 : 4;
		struct genl_group *g = realloc(f->groups, ncap * sizeof(*g));
		if (!g)
			return;
		f->groups = g;
		f->gcap = ncap;
	}
	struct genl_group *g = &f->groups[f->ngroups];
	g->id = id;
	snprintf(g->name, GENL_NAME_MAX, "%s", name);
	s = &m->gslots[gslot_find(m, id)];
	s->used = true;
	s->gid = id;
	s->fam = f->id;
	s->idx = f->ngroups++;
	m->gused++;
}

const char *genl_map_group(const struct genl_map *m, uint32_t group, char *buf, size_t n)
{
	if (!m->gcap)
		return NULL;
	/* the probe counters are bookkeeping, not the map's contents */
	struct genl_map *w = (struct genl_map *)m;
	const struct gslot *s = &w->gslots[gslot_find(w, group)];
	const struct genl_family *f = s->used ? m->byid[s->fam] : NULL;

	if (!f || s->idx >= f->ngroups)
		return NULL;
	snprintf(buf, n, "%s/%s", f->name, f->groups[s->idx].name);
	return buf;
}

void genl_map_group_work(const struct genl_map *m, struct genl_map_work *w)
{
	w->ops = m->gops;
	w->probes = m->gprobes;
	w->probe_max = m->gprobe_max;
	w->groups = m->gused;
	w->dropped = m->gdropped;
}

uint64_t genl_map_groups_dropped(const struct genl_map *m)
{
	return m->gdropped;
}

bool genl_map_was_mapped(const struct genl_map *m, uint16_t id)
{
	return m->ever[id / 8] & (1u << (id % 8));
}

bool genl_map_watch(struct genl_map *m, uint16_t id)
{
	if (m->byid[id] || (m->watch[id / 8] & (1u << (id % 8))))
		return false;
	m->watch[id / 8] |= (uint8_t)(1u << (id % 8));
	m->nwatch++;
	return true;
}

unsigned genl_map_watching(const struct genl_map *m)
{
	return m->nwatch;
}

void genl_map_unwatch_all(struct genl_map *m)
{
	memset(m->watch, 0, sizeof(m->watch));
	m->nwatch = 0;
}

static bool parse_id(const char *s, uint16_t *id);
static bool valid_name(const char *s);

void genl_map_retag(struct genl_map *m, enum genl_src from, enum genl_src to)
{
	for (unsigned i = 0; i < 65536; i++)
		if (m->byid[i] && m->byid[i]->src == from)
			m->byid[i]->src = (uint8_t)to;
}

char *genl_map_to_text(const struct genl_map *m)
{
	struct sbuf b = { 0 };

	for (unsigned i = 0; i < 65536; i++) {
		const struct genl_family *f = m->byid[i];
		if (!f)
			continue;
		sbuf_printf(&b, "0x%x %s version:%u maxattr:%u", f->id, f->name, f->version,
			    f->maxattr);
		if (f->have_hdrsize)
			sbuf_printf(&b, " hdrsize:%u", f->hdrsize);
		for (unsigned j = 0; j < f->ngroups; j++)
			sbuf_printf(&b, " %u=%s", f->groups[j].id, f->groups[j].name);
		sbuf_putc(&b, '\n');
	}
	sbuf_putc(&b, 0);
	return b.p;
}

int genl_map_from_text(struct genl_map *m, const char *text, enum genl_src src)
{
	int n = 0;

	while (*text) {
		size_t ll = strcspn(text, "\n");
		char line[1024], *save = NULL, *tok;
		uint16_t id;

		if (ll < sizeof(line)) {
			memcpy(line, text, ll);
			line[ll] = 0;
			tok = strtok_r(line, " ", &save);
			char *name = tok ? strtok_r(NULL, " ", &save) : NULL;
			if (tok && name && parse_id(tok, &id) && valid_name(name)) {
				struct genl_family *f = genl_map_set(m, id, name, src, false);
				if (f)
					n++;
				while (f && (tok = strtok_r(NULL, " ", &save))) {
					char *eq = strchr(tok, '=');
					char *end;
					unsigned long v;
					if (sscanf(tok, "version:%lu", &v) == 1)
						f->version = (uint32_t)v;
					else if (sscanf(tok, "maxattr:%lu", &v) == 1)
						f->maxattr = (uint32_t)v;
					else if (sscanf(tok, "hdrsize:%lu", &v) == 1) {
						f->hdrsize = (uint32_t)v;
						f->have_hdrsize = true;
					}
					if (!eq)
						continue;
					*eq = 0;
					unsigned long g = strtoul(tok, &end, 0);
					if (*end || end == tok || !valid_name(eq + 1))
						continue;
					genl_map_add_group(m, f, (uint32_t)g, eq + 1);
				}
			}
		}
		text += ll;
		if (*text)
			text++;
	}
	return n;
}

unsigned genl_map_count(const struct genl_map *m)
{
	return m->count;
}

/* decimal, or hex with 0x; no sign, no octal, nothing after */
static bool parse_id(const char *s, uint16_t *id)
{
	char *end;
	unsigned long v;
	int base = 10;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	if (!isxdigit((unsigned char)*s) || (base == 10 && !isdigit((unsigned char)*s)))
		return false;
	errno = 0;
	v = strtoul(s, &end, base);
	if (errno || end == s || *end || v > 0xffff)
		return false;
	*id = (uint16_t)v;
	return true;
}

static bool valid_name(const char *s)
{
	if (!*s || strlen(s) >= GENL_NAME_MAX)
		return false;
	for (; *s; s++)
		if (!isgraph((unsigned char)*s) || *s == '=')
			return false;
	return true;
}

bool genl_map_parse_spec(struct genl_map *m, const char *spec)
{
	char buf[128];
	char *eq;
	uint16_t id;

	if (strlen(spec) >= sizeof(buf))
		return false;
	strcpy(buf, spec);
	eq = strchr(buf, '=');
	if (!eq)
		return false;
	*eq = 0;
	if (!valid_name(buf) || !parse_id(eq + 1, &id))
		return false;
	return genl_map_set(m, id, buf, GENL_SRC_USER, false) != NULL;
}

/* ---- map files ---- */

struct map_line {
	char name[GENL_NAME_MAX];
	uint16_t id;
	unsigned line;
	bool details;
	uint32_t version, hdrsize, maxattr;
};

struct map_load {
	const char *path;
	struct map_line *v;
	size_t n, cap;
	char *err;
	size_t errlen;
	unsigned errline;	/* the first line in error, 0 = none yet */
};

/* "PATH:LINE: what 'text'": the path and the quoted text escaped, the
 * text cut at 60 bytes */
static void map_error(struct map_load *L, unsigned line, const char *what, const char *text,
		      size_t tn)
{
	struct sbuf b = { 0 };

	if (L->errline && L->errline <= line)
		return;	/* keep the first */
	L->errline = line;
	sbuf_escape(&b, (const uint8_t *)L->path, strlen(L->path), 0);
	sbuf_printf(&b, ":%u: %s", line, what);
	if (text) {
		sbuf_put(&b, " '", 2);
		sbuf_escape(&b, (const uint8_t *)text, tn > 60 ? 60 : tn, 0);
		if (tn > 60)
			sbuf_put(&b, "...", 3);
		sbuf_putc(&b, '\'');
	}
	snprintf(L->err, L->errlen, "%s", b.p ? b.p : "");
	sbuf_free(&b);
}

static bool map_add(struct map_load *L, const char *name, uint16_t id, unsigned line)
{
	if (L->n == L->cap) {
		size_t ncap = L->cap ? L->cap * 2 : 64;
		struct map_line *v = realloc(L->v, ncap * sizeof(*v));
		if (!v) {
			snprintf(L->err, L->errlen, "out of memory");
			L->errline = 1;
			return false;
		}
		L->v = v;
		L->cap = ncap;
	}
	struct map_line *e = &L->v[L->n++];
	memset(e, 0, sizeof(*e));
	snprintf(e->name, sizeof(e->name), "%s", name);	/* valid_name bounds it */
	e->id = id;
	e->line = line;
	return true;
}

static int by_id(const void *a, const void *b)
{
	const struct map_line *x = a, *y = b;
	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

static int by_name(const void *a, const void *b)
{
	const struct map_line *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	if (c)
		return c;
	return x->line < y->line ? -1 : x->line > y->line;
}

/* Lines that contradict an earlier one: the same id with two names, the
 * same name with two ids.  Sorted twice: n log n. */
static void map_contradictions(struct map_load *L)
{
	char what[160];

	if (L->n < 2)
		return;
	qsort(L->v, L->n, sizeof(*L->v), by_id);
	for (size_t i = 1; i < L->n; i++) {
		const struct map_line *first = &L->v[i - 1];
		while (i < L->n && L->v[i].id == first->id) {
			if (strcmp(L->v[i].name, first->name)) {
				snprintf(what, sizeof(what), "id 0x%x is %s here but %s on line %u",
					 first->id, L->v[i].name, first->name, first->line);
				map_error(L, L->v[i].line, what, NULL, 0);
			}
			i++;
		}
	}
	qsort(L->v, L->n, sizeof(*L->v), by_name);
	for (size_t i = 1; i < L->n; i++) {
		const struct map_line *first = &L->v[i - 1];
		while (i < L->n && !strcmp(L->v[i].name, first->name)) {
			if (L->v[i].id != first->id) {
				snprintf(what, sizeof(what), "%s is 0x%x here but 0x%x on line %u",
					 first->name, L->v[i].id, first->id, first->line);
				map_error(L, L->v[i].line, what, NULL, 0);
			}
			i++;
		}
	}
}

/* the next whitespace-separated word of *s (NUL-terminated), or NULL */
static char *word(char **s)
{
	char *p = *s, *w;

	while (*p == ' ' || *p == '\t')
		p++;
	if (!*p)
		return NULL;
	w = p;
	while (*p && *p != ' ' && *p != '\t')
		p++;
	if (*p)
		*p++ = 0;
	*s = p;
	return w;
}

/* one line (NUL-terminated, no newline); false stops the load */
static bool map_line(struct map_load *L, char *s, unsigned line, char *cur, bool *ctrl_list)
{
	char *w, *rest;
	uint16_t id;

	while (*s == ' ' || *s == '\t')
		s++;
	if (!*s || *s == '#')
		return true;
	/* `genl ctrl list`: "Name: ovs_flow" then "ID: 0x1d  Version: ..."
	 * (its "#1:  ID-0x3" lines are comments above) */
	if (!strncmp(s, "Name:", 5)) {
		rest = s + 5;
		w = word(&rest);
		if (w && valid_name(w))
			memcpy(cur, w, strlen(w) + 1);
		else
			cur[0] = 0;	/* its ID line teaches nothing */
		*ctrl_list = true;
		return true;
	}
	if (!strncmp(s, "ID:", 3)) {
		unsigned ver, hs, maxa;
		char *full = s;
		rest = s + 3;
		w = word(&rest);
		if (cur[0] && w && parse_id(w, &id)) {
			if (!map_add(L, cur, id, line))
				return false;
			/* "ID: 0x1d  Version: 0x1  header size: 4  max attribs: 11" */
			if (sscanf(rest, " Version: %x header size: %u max attribs: %u",
				   &ver, &hs, &maxa) == 3) {
				struct map_line *e = &L->v[L->n - 1];
				e->details = true;
				e->version = ver;
				e->hdrsize = hs;
				e->maxattr = maxa;
			}
		} else if (cur[0]) {
			map_error(L, line, "bad family id in", full, strlen(full));
			return false;
		}
		cur[0] = 0;
		return true;
	}
	if (*ctrl_list)
		return true;	/* the rest of a family's block */
	/* NAME=ID, NAME ID or ID NAME, optionally followed by a # comment */
	char *text = s;
	size_t tn = strlen(s);
	s[strcspn(s, "#")] = 0;
	rest = s;
	char *a = word(&rest), *b = word(&rest), *c = word(&rest);
	char *eq = a ? strchr(a, '=') : NULL;
	if (a && !b && eq) {
		*eq = 0;
		if (valid_name(a) && parse_id(eq + 1, &id))
			return map_add(L, a, id, line);
		*eq = '=';
	} else if (a && b && !c) {
		if (parse_id(b, &id) && valid_name(a))
			return map_add(L, a, id, line);
		if (parse_id(a, &id) && valid_name(b))
			return map_add(L, b, id, line);
	}
	/* restore the words for the message */
	for (char *p = text; p < text + tn; p++)
		if (!*p)
			*p = ' ';
	map_error(L, line, "expected NAME=ID, NAME ID or ID NAME (ID 0..65535, NAME 1..31 "
		  "printable bytes), got", text, tn);
	return false;
}

int genl_map_load_text(struct genl_map *m, char *text, size_t n, const char *path,
		       char *err, size_t errlen)
{
	struct map_load L = { .path = path, .err = err, .errlen = errlen };
	char cur[GENL_NAME_MAX] = "";
	bool ctrl_list = false;	/* the file is `genl ctrl list` output */
	unsigned line = 0;
	size_t pos = 0;
	int loaded = -1;

	while (pos < n) {
		size_t ll = 0;
		while (pos + ll < n && text[pos + ll] != '\n')
			ll++;
		line++;
		char *s = text + pos;
		pos += ll + (pos + ll < n);
		if (memchr(s, 0, ll)) {
			map_error(&L, line, "NUL byte in the line", NULL, 0);
			goto out;
		}
		if (ll && s[ll - 1] == '\r')
			ll--;
		s[ll] = 0;	/* the newline, the \r or the byte after the text */
		if (!map_line(&L, s, line, cur, &ctrl_list))
			goto out;
	}
	map_contradictions(&L);
	if (L.errline)
		goto out;
	/* every line is good: now the map changes */
	for (size_t i = 0; i < L.n; i++) {
		struct genl_family *f = genl_map_set(m, L.v[i].id, L.v[i].name, GENL_SRC_USER, false);
		if (f && L.v[i].details) {
			f->version = L.v[i].version;
			f->hdrsize = L.v[i].hdrsize;
			f->have_hdrsize = true;
			f->maxattr = L.v[i].maxattr;
		}
	}
	loaded = (int)L.n;
out:
	free(L.v);
	return loaded;
}

int genl_map_load_file(struct genl_map *m, const char *path, char *err, size_t errlen)
{
	struct sbuf name = { 0 };
	struct stat sb;
	char *buf = NULL;
	size_t n = 0;
	int rc = -1, fd;

	sbuf_escape(&name, (const uint8_t *)path, strlen(path), 0);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errlen, "%s: %s", name.p, strerror(errno));
		goto out;
	}
	if (fstat(fd, &sb) < 0) {
		snprintf(err, errlen, "%s: %s", name.p, strerror(errno));
		goto out;
	}
	if (S_ISDIR(sb.st_mode)) {
		snprintf(err, errlen, "%s: is a directory", name.p);
		goto out;
	}
	/* a regular file, or a pipe (<(...)): read at most the limit */
	buf = malloc(GENL_MAP_FILE_MAX + 1);
	if (!buf) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	for (;;) {
		ssize_t r = read(fd, buf + n, GENL_MAP_FILE_MAX + 1 - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			snprintf(err, errlen, "%s: %s", name.p, strerror(errno));
			goto out;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n > GENL_MAP_FILE_MAX) {
			snprintf(err, errlen, "%s: larger than %u bytes: not a family map", name.p,
				 GENL_MAP_FILE_MAX);
			goto out;
		}
	}
	rc = genl_map_load_text(m, buf, n, path, err, errlen);
out:
	if (fd >= 0)
		close(fd);
	free(buf);
	sbuf_free(&name);
	return rc;
}
