/* stats.c - the counters of --stats: the core's listener of messages
 * (stats_tap) fills bounded tables by protocol, generic netlink family,
 * message type, error, multicast group and port id; a capture with a
 * million distinct port ids keeps STATS_PORTS of them and counts the
 * rest as "others".  The report is stats_report.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "stats_priv.h"

#define STATS_TYPES 4096
#define STATS_FAMS 1024
#define STATS_ERRS 1024
#define STATS_GROUPS 512
#define STATS_PORTS 8192

#define KEY_USED (1ull << 63)

#define F_REQUEST 0x01
#define F_DUMP 0x300

static bool stab_init(struct stab *t, size_t esize, uint32_t max)
{
	t->esize = esize;
	t->max = max;
	t->mask = 2 * max - 1;
	t->n = 0;
	t->keys = calloc((size_t)2 * max, sizeof(*t->keys));
	t->ents = calloc((size_t)2 * max, esize);
	return t->keys && t->ents;
}

static void stab_free(struct stab *t)
{
	free(t->keys);
	free(t->ents);
}

/* The entry of key (fresh: just made, zeroed but its key), or NULL when
 * the table is full. */
static void *stab_get(struct stab *t, uint64_t key, bool *fresh)
{
	uint64_t k = key | KEY_USED;
	uint32_t i = mix32((uint32_t)k ^ (uint32_t)(k >> 29)) & t->mask;

	*fresh = false;
	if (t->last && t->last_key == k)
		return t->last;
	for (;;) {
		if (t->keys[i] == k)
			break;
		if (!t->keys[i]) {
			if (t->n >= t->max)
				return NULL;
			t->n++;
			t->keys[i] = k;
			*(uint64_t *)(void *)(t->ents + (size_t)i * t->esize) = k;
			*fresh = true;
			break;
		}
		i = (i + 1) & t->mask;
	}
	t->last_key = k;
	t->last = t->ents + (size_t)i * t->esize;
	return t->last;
}

void *stab_list(const struct stab *t, size_t *n)
{
	unsigned char *v = t->n ? malloc((size_t)t->n * t->esize) : NULL;
	size_t k = 0;

	*n = 0;
	if (!v)
		return NULL;
	for (size_t i = 0; i <= t->mask; i++)
		if (t->keys[i])
			memcpy(v + k++ * t->esize, t->ents + i * t->esize, t->esize);
	*n = k;
	return v;
}

static void name_copy(char *dst, size_t n, const char *s)
{
	size_t l = s ? strlen(s) : 0;

	if (l >= n)
		l = n - 1;
	if (l)
		memcpy(dst, s, l);
	dst[l] = 0;
}

static bool is_notification(const struct nl_msginfo *m)
{
	return !(m->flags & F_REQUEST) && !m->seq && !m->pid && !m->error &&
	       m->dir == NLDIR_TO_USER;
}

/* The entries a message counts in that hold names; true when one is new. */
static bool want_names(void *arg, const struct nl_msginfo *m)
{
	struct stats *s = arg;
	unsigned proto = m->f->proto & 0xff;
	uint64_t cls = (m->flags & F_REQUEST) ? 1 : 0;

	if (!(m->flags & F_REQUEST) && !m->seq && !m->pid)
		cls |= 2;	/* a notification (a family may name it apart) */
	if (m->error && m->err)
		cls |= 4;
	if ((m->flags & F_REQUEST) && (m->flags & F_DUMP) == F_DUMP)
		cls |= 8;
	uint64_t tk = (uint64_t)proto << 48 | (uint64_t)m->type << 32 |
		      (uint64_t)(m->cmd + 1) << 16 | cls;
	s->cur_type = stab_get(&s->types, tk, &s->fresh_type);
	s->cur_fam = NULL;
	s->fresh_fam = false;
	if (proto == 16 && m->type >= 16) {
		/* a type met before found its family then (or the table full) */
		if (s->cur_type && !s->fresh_type) {
			s->cur_fam = s->cur_type->fam;
		} else {
			s->cur_fam = stab_get(&s->fams, m->type, &s->fresh_fam);
			if (s->cur_type)
				s->cur_type->fam = s->cur_fam;
		}
	}
	s->cur_err = NULL;
	s->fresh_err = false;
	if (m->error && m->err) {
		uint64_t ek = (uint64_t)proto << 49 | (uint64_t)(uint16_t)m->err << 33 |
			      (uint64_t)m->etype << 17 | (uint64_t)(m->ecmd + 1);
		s->cur_err = stab_get(&s->errs, ek, &s->fresh_err);
	}
	return s->fresh_type || s->fresh_fam || s->fresh_err;
}

static void count_msg(void *arg, const struct nl_msginfo *m)
{
	struct stats *s = arg;
	const struct nl_frame *f = m->f;
	unsigned proto = f->proto & 0xff;
	uint64_t copies = f->copy_of ? 1 : f->copies > 1 ? f->copies - 1 : 0;
	bool fresh;

	s->msgs++;
	s->bytes += m->bytes;
	s->copy_msgs += copies;
	unsigned pi = proto < STATS_PROTOS ? proto : STATS_PROTOS;
	s->proto[pi].msgs++;
	s->proto[pi].bytes += m->bytes;
	s->proto[pi].copies += copies;

	struct st_type *t = s->cur_type;
	if (t) {
		if (s->fresh_type) {
			t->proto = (uint8_t)proto;
			name_copy(t->family, sizeof(t->family), m->family);
			name_copy(t->name, sizeof(t->name), m->tname);
			if (!m->tname)	/* the decoder has no name: as the one-line */
				snprintf(t->name, sizeof(t->name), "type %u", m->type);
		}
		t->msgs++;
		t->bytes += m->bytes;
		t->copies += copies;
	} else {
		s->types.over_msgs++;
		s->types.over_bytes += m->bytes;
	}
	struct st_fam *fm = s->cur_fam;
	if (fm) {
		if (s->fresh_fam) {
			fm->id = m->type;
			name_copy(fm->name, sizeof(fm->name), m->family);
		}
		fm->msgs++;
		fm->bytes += m->bytes;
	} else if (proto == 16 && m->type >= 16) {
		s->fams.over_msgs++;
		s->fams.over_bytes += m->bytes;
	}
	struct st_err *er = s->cur_err;
	if (er) {
		if (s->fresh_err) {
			er->proto = (uint8_t)proto;
			er->err = m->err;
			if (m->ename)
				name_copy(er->request, sizeof(er->request), m->ename);
			else
				snprintf(er->request, sizeof(er->request), "type %u", m->etype);
		}
		er->n++;
	} else if (m->error && m->err) {
		s->errs.over_msgs++;
	}
	if (is_notification(m)) {
		s->notifications++;
		struct st_group *g = stab_get(&s->groups, (uint64_t)proto << 32 | f->group,
					      &fresh);
		if (g) {
			g->proto = (uint8_t)proto;
			g->group = f->group;
			g->msgs++;
			g->bytes += m->bytes;
		} else {
			s->groups.over_msgs++;
			s->groups.over_bytes += m->bytes;
		}
	}
	struct st_port *p = stab_get(&s->ports, (uint64_t)proto << 32 | m->pid, &fresh);
	if (p) {
		p->proto = (uint8_t)proto;
		p->pid = m->pid;
		if (m->dir == NLDIR_TO_KERNEL)
			p->to_kernel++;
		else
			p->to_user++;
		p->bytes += m->bytes;
	} else {
		s->ports.over_msgs++;
		s->ports.over_bytes += m->bytes;
		s->ports_over_kernel += m->dir == NLDIR_TO_KERNEL;
	}
}

struct stats *stats_new(void)
{
	struct stats *s = calloc(1, sizeof(*s));

	if (!s)
		return NULL;
	if (!stab_init(&s->types, sizeof(struct st_type), STATS_TYPES) ||
	    !stab_init(&s->fams, sizeof(struct st_fam), STATS_FAMS) ||
	    !stab_init(&s->errs, sizeof(struct st_err), STATS_ERRS) ||
	    !stab_init(&s->groups, sizeof(struct st_group), STATS_GROUPS) ||
	    !stab_init(&s->ports, sizeof(struct st_port), STATS_PORTS)) {
		stats_free(s);
		return NULL;
	}
	s->tap.want_names = want_names;
	s->tap.msg = count_msg;
	s->tap.arg = s;
	return s;
}

const struct nl_msgtap *stats_tap(struct stats *s)
{
	return &s->tap;
}

void stats_free(struct stats *s)
{
	if (!s)
		return;
	stab_free(&s->types);
	stab_free(&s->fams);
	stab_free(&s->errs);
	stab_free(&s->groups);
	stab_free(&s->ports);
	free(s);
}
