/* spec_yaml.c - a YNL spec's document into a small tree with line
 * numbers, in the family's arena: from YAML text (libyaml's event parser;
 * the --spec files) or from a built-in spec's pre-parsed form (specs/
 * embed.py; no parsing).  Anchors and aliases are kept as shared nodes (an
 * alias is a pointer, never a copy); an alias may only name a node already
 * complete, so the tree has no cycle.  Bounded: nodes, depth, anchors
 * (spec_priv.h). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "spec_priv.h"

/* ---- arena ---- */

#define ARENA_CHUNK (64u << 10)
#define ARENA_MAX (256u << 20)	/* one family's tree and tables */

struct chunk {
	struct chunk *next;
	size_t used, cap;
	max_align_t data[];
};

struct spec_arena {
	struct chunk *head;
	size_t total;
};

struct spec_arena *spec_arena_new(void)
{
	return calloc(1, sizeof(struct spec_arena));
}

void spec_arena_free(struct spec_arena *a)
{
	if (!a)
		return;
	for (struct chunk *c = a->head, *n; c; c = n) {
		n = c->next;
		free(c);
	}
	free(a);
}

void *spec_alloc(struct spec_arena *a, size_t n)
{
	n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	if (!n)
		n = sizeof(max_align_t);
	struct chunk *c = a->head;
	if (!c || c->cap - c->used < n) {
		size_t cap = n > ARENA_CHUNK ? n : ARENA_CHUNK;
		if (a->total + cap > ARENA_MAX)
			return NULL;
		c = malloc(sizeof(*c) + cap);
		if (!c)
			return NULL;
		c->used = 0;
		c->cap = cap;
		c->next = a->head;
		a->head = c;
		a->total += cap;
	}
	void *p = (char *)c->data + c->used;
	c->used += n;
	memset(p, 0, n);
	return p;
}

char *spec_strdup(struct spec_arena *a, const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = spec_alloc(a, n);
	if (p)
		memcpy(p, s, n);
	return p;
}

/* ---- errors ---- */

void spec_fail(struct spec_err *e, const struct snode *n, const char *fmt, ...)
{
	if (e->set)
		return;
	e->set = true;
	int k = 0;
	if (n && n->file)
		k = snprintf(e->buf, e->len, "%s:%u: ", n->file, (unsigned)n->line);
	if (k < 0 || (size_t)k >= e->len)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->buf + k, e->len - (size_t)k, fmt, ap);
	va_end(ap);
}

/* ---- lookups ---- */

struct snode *sn_get(const struct snode *map, const char *key)
{
	if (!map || map->t != SN_MAP)
		return NULL;
	for (uint32_t i = 0; i < map->n; i++)
		if (map->k[2 * i]->t == SN_SCALAR && !strcmp(map->k[2 * i]->s, key))
			return map->k[2 * i + 1];
	return NULL;
}

const char *sn_str(const struct snode *map, const char *key)
{
	return sn_text(sn_get(map, key));
}

bool sn_int(const struct snode *n, int64_t *v)
{
	const char *s = sn_text(n);
	if (!s || !*s)
		return false;
	bool neg = *s == '-';
	if (neg || *s == '+')
		s++;
	int base = 10;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		base = 16, s += 2;
	else if (s[0] == '0' && s[1] == 'o')
		base = 8, s += 2;
	else if (s[0] == '0' && s[1])
		base = 8, s += 1;
	if (!*s || !((*s >= '0' && *s <= '9') || (base == 16 && strchr("abcdefABCDEF", *s))))
		return false;
	char *end;
	errno = 0;
	unsigned long long u = strtoull(s, &end, base);
	if (*end || errno || u > (unsigned long long)INT64_MAX)
		return false;
	*v = neg ? -(int64_t)u : (int64_t)u;
	return true;
}

/* ---- the parser ---- */

struct anchor {
	const char *name;
	struct snode *node;
};

struct yp {
	yaml_parser_t p;
	struct spec_arena *a;
	const char *file;
	struct spec_err *err;
	unsigned nodes;
	struct anchor *anchors;
	unsigned nanchors, acap;
	/* children of the nodes being built, one stack for all levels */
	struct snode **stack;
	size_t sp, scap;
};

static void yfail(struct yp *y, unsigned line, const char *what)
{
	struct snode at = { .line = line, .file = y->file };
	spec_fail(y->err, &at, "%s", what);
}

static struct snode *new_node(struct yp *y, uint8_t t, const yaml_event_t *ev)
{
	if (++y->nodes > SPEC_NODES_MAX) {
		yfail(y, (unsigned)ev->start_mark.line + 1, "more than 1000000 nodes");
		return NULL;
	}
	struct snode *n = spec_alloc(y->a, sizeof(*n));
	if (!n) {
		yfail(y, (unsigned)ev->start_mark.line + 1, "out of memory");
		return NULL;
	}
	n->t = t;
	n->line = (uint32_t)ev->start_mark.line + 1;
	n->file = y->file;
	return n;
}

static bool push(struct yp *y, struct snode *n)
{
	if (y->sp == y->scap) {
		size_t cap = y->scap ? y->scap * 2 : 256;
		struct snode **s = realloc(y->stack, cap * sizeof(*s));
		if (!s)
			return false;
		y->stack = s;
		y->scap = cap;
	}
	y->stack[y->sp++] = n;
	return true;
}

static bool add_anchor(struct yp *y, const yaml_char_t *name, struct snode *n, unsigned line)
{
	if (!name)
		return true;
	if (y->nanchors >= SPEC_ANCHORS_MAX) {
		yfail(y, line, "more than 4096 anchors");
		return false;
	}
	if (y->nanchors == y->acap) {
		unsigned cap = y->acap ? 2 * y->acap : 32;
		struct anchor *na = realloc(y->anchors, cap * sizeof(*na));
		if (!na) {
			yfail(y, line, "out of memory");
			return false;
		}
		y->anchors = na;
		y->acap = cap;
	}
	const char *nm = spec_strdup(y->a, (const char *)name);
	if (!nm) {
		yfail(y, line, "out of memory");
		return false;
	}
	y->anchors[y->nanchors++] = (struct anchor){ nm, n };
	return true;
}

static struct snode *find_anchor(struct yp *y, const yaml_char_t *name)
{
	/* the latest of a name wins, as YAML says */
	for (unsigned i = y->nanchors; i-- > 0;)
		if (!strcmp(y->anchors[i].name, (const char *)name))
			return y->anchors[i].node;
	return NULL;
}

static bool next_event(struct yp *y, yaml_event_t *ev)
{
	if (yaml_parser_parse(&y->p, ev))
		return true;
	char what[200];
	snprintf(what, sizeof(what), "YAML: %s%s%s", y->p.problem ? y->p.problem : "error",
		 y->p.context ? " " : "", y->p.context ? y->p.context : "");
	yfail(y, (unsigned)y->p.problem_mark.line + 1, what);
	return false;
}

/* One node from event ev (already read); NULL on error. */
static struct snode *parse_node(struct yp *y, yaml_event_t *ev, int depth)
{
	unsigned line = (unsigned)ev->start_mark.line + 1;

	if (depth > SPEC_DEPTH_MAX) {
		yfail(y, line, "nesting deeper than 32");
		return NULL;
	}
	switch (ev->type) {
	case YAML_ALIAS_EVENT: {
		struct snode *n = find_anchor(y, ev->data.alias.anchor);
		if (!n)
			yfail(y, line, "alias to an unknown anchor");
		return n;
	}
	case YAML_SCALAR_EVENT: {
		struct snode *n = new_node(y, SN_SCALAR, ev);
		if (!n)
			return NULL;
		size_t len = ev->data.scalar.length;
		char *s = spec_alloc(y->a, len + 1);
		if (!s) {
			yfail(y, line, "out of memory");
			return NULL;
		}
		memcpy(s, ev->data.scalar.value, len);
		n->s = s;
		n->n = (uint32_t)len;
		if (strlen(s) != len) {
			yfail(y, line, "NUL byte in a scalar");
			return NULL;
		}
		return add_anchor(y, ev->data.scalar.anchor, n, line) ? n : NULL;
	}
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT: {
		bool map = ev->type == YAML_MAPPING_START_EVENT;
		yaml_event_type_t end = map ? YAML_MAPPING_END_EVENT : YAML_SEQUENCE_END_EVENT;
		struct snode *n = new_node(y, map ? SN_MAP : SN_SEQ, ev);
		if (!n)
			return NULL;
		const yaml_char_t *anc = map ? ev->data.mapping_start.anchor
					     : ev->data.sequence_start.anchor;
		char *anchor = anc ? spec_strdup(y->a, (const char *)anc) : NULL;
		size_t base = y->sp;
		for (;;) {
			yaml_event_t c;
			if (!next_event(y, &c))
				return NULL;
			if (c.type == end) {
				yaml_event_delete(&c);
				break;
			}
			struct snode *k = parse_node(y, &c, depth + 1);
			unsigned kl = (unsigned)c.start_mark.line + 1;
			yaml_event_delete(&c);
			if (!k)
				return NULL;
			if (map && (y->sp - base) % 2 == 0 && k->t != SN_SCALAR) {
				yfail(y, kl, "a mapping key that is not a scalar");
				return NULL;
			}
			if (!push(y, k)) {
				yfail(y, kl, "out of memory");
				return NULL;
			}
		}
		size_t cnt = y->sp - base;
		n->n = (uint32_t)(map ? cnt / 2 : cnt);
		n->k = spec_alloc(y->a, (cnt ? cnt : 1) * sizeof(*n->k));
		if (!n->k) {
			yfail(y, line, "out of memory");
			return NULL;
		}
		if (cnt)
			memcpy(n->k, y->stack + base, cnt * sizeof(*n->k));
		y->sp = base;
		return add_anchor(y, (const yaml_char_t *)anchor, n, line) ? n : NULL;
	}
	default:
		yfail(y, line, "unexpected YAML event");
		return NULL;
	}
}

struct snode *spec_yaml_parse(struct spec_arena *a, const char *file, const uint8_t *text,
			      size_t n, char *err, size_t errlen)
{
	struct spec_err e = { err, errlen, false };
	struct yp y = { .a = a, .file = file, .err = &e };
	struct snode *root = NULL;
	yaml_event_t ev;

	if (n > SPEC_FILE_MAX) {
		snprintf(err, errlen, "%s: more than %u bytes", file, SPEC_FILE_MAX);
		return NULL;
	}
	if (!yaml_parser_initialize(&y.p)) {
		snprintf(err, errlen, "%s: out of memory", file);
		return NULL;
	}
	yaml_parser_set_input_string(&y.p, text, n);
	/* stream start, document start, the root node, document end */
	bool ok = true;
	for (int step = 0; ok && step < 2; step++) {
		ok = next_event(&y, &ev);
		if (ok && ev.type == YAML_STREAM_END_EVENT) {
			yfail(&y, (unsigned)ev.start_mark.line + 1, "empty document");
			ok = false;
		}
		if (ok)
			yaml_event_delete(&ev);
	}
	if (ok && next_event(&y, &ev)) {
		root = parse_node(&y, &ev, 0);
		yaml_event_delete(&ev);
		if (root && root->t != SN_MAP) {
			yfail(&y, root->line, "the document is not a mapping");
			root = NULL;
		}
		if (root && next_event(&y, &ev)) {
			yaml_event_delete(&ev);
			if (next_event(&y, &ev)) {
				if (ev.type != YAML_STREAM_END_EVENT) {
					yfail(&y, (unsigned)ev.start_mark.line + 1,
					      "more than one document");
					root = NULL;
				}
				yaml_event_delete(&ev);
			} else {
				root = NULL;
			}
		} else {
			root = NULL;
		}
	}
	yaml_parser_delete(&y.p);
	free(y.stack);
	free(y.anchors);
	return e.set ? NULL : root;
}

/* ---- a built-in spec, parsed when nldump was built ---- */

/* one varint of a spec_pre tree (src/spec.h); most are one byte */
static inline bool pre_u32(const uint8_t **p, const uint8_t *end, uint32_t *v)
{
	if (*p < end && **p < 0x80) {
		*v = *(*p)++;
		return true;
	}
	uint32_t x = 0;
	for (unsigned sh = 0; sh < 35 && *p < end; sh += 7) {
		uint8_t b = *(*p)++;
		if (sh == 28 && b > 0xf)
			return false;
		x |= (uint32_t)(b & 0x7f) << sh;
		if (!(b & 0x80)) {
			*v = x;
			return true;
		}
	}
	return false;
}

struct snode *spec_pre_tree(struct spec_arena *a, const struct spec_pre *p, char *err,
			    size_t errlen)
{
	/* two allocations: the nodes, and the children of all */
	struct snode *sn = p->nnodes && p->nnodes <= SPEC_NODES_MAX
			   ? spec_alloc(a, p->nnodes * sizeof(*sn)) : NULL;
	struct snode **kids = sn ? spec_alloc(a, (p->nkids ? p->nkids : 1) * sizeof(*kids)) : NULL;
	const uint8_t *at = p->tree, *end = p->tree + p->len;
	uint32_t i, used = 0, line = 0;

	if (!kids) {
		snprintf(err, errlen, "%s: out of memory", p->file);
		return NULL;
	}
	/* checked all the same: a child comes before its parent (no cycle) */
	for (i = 0; i < p->nnodes; i++) {
		struct snode *n = &sn[i];
		uint32_t nt, dl, v;
		if (!pre_u32(&at, end, &nt) || !pre_u32(&at, end, &dl))
			break;
		line += dl & 1 ? ~(dl >> 1) : dl >> 1;
		*n = (struct snode){ .t = nt & 3, .line = line, .n = nt >> 2, .file = p->file };
		if (n->t == SN_SCALAR) {
			if (!pre_u32(&at, end, &v) || v >= p->npool || n->n >= p->npool - v ||
			    p->pool[v + n->n])
				break;
			n->s = p->pool + v;
			continue;
		}
		uint32_t cnt = n->t == SN_MAP ? 2 * n->n : n->n, j;
		if ((n->t != SN_MAP && n->t != SN_SEQ) || n->n > SPEC_NODES_MAX ||
		    cnt > p->nkids - used)
			break;
		n->k = kids + used;
		used += cnt;
		for (j = 0; j < cnt; j++) {
			if (!pre_u32(&at, end, &v) || !v || v > i ||
			    (n->t == SN_MAP && !(j & 1) && sn[i - v].t != SN_SCALAR))
				break;
			n->k[j] = &sn[i - v];
		}
		if (j < cnt)
			break;
	}
	if (i < p->nnodes || at != end || sn[i - 1].t != SN_MAP) {
		snprintf(err, errlen, "%s: a broken pre-parsed tree (node %u)", p->file,
			 (unsigned)i);
		return NULL;
	}
	return &sn[i - 1];
}
