/* filter_eval.c - a compiled display filter on each message: the field
 * events of the one walk set the tests they satisfy (a field that repeats
 * satisfies a test when any of its values does), the frame's own values
 * (frame, dir, proto...) are tested at the message's end, and the program
 * combines the results.  "!=" is true when the field is there and none of
 * its values is equal; every other comparison on a missing field is false.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "emit.h"
#include "filter_priv.h"
#include "nlcore.h"
#include "view_paths.h"

/* ---- values ---- */

bool flt_num(const char *w, size_t n, struct flt_val *v)
{
	bool neg = n && w[0] == '-';
	size_t i = neg;
	uint64_t u = 0;
	uint32_t frac = 0, scale = 1000000000u;
	unsigned base = 10;

	if (n - i > 2 && w[i] == '0' && (w[i + 1] == 'x' || w[i + 1] == 'X')) {
		base = 16;
		i += 2;
	}
	if (i == n || w[i] == '.')
		return false;
	for (; i < n && (base == 10 ? w[i] != '.' : true); i++) {
		int d = w[i] >= '0' && w[i] <= '9' ? w[i] - '0' : -1;
		if (base == 16 && d < 0)
			d = w[i] >= 'a' && w[i] <= 'f' ? w[i] - 'a' + 10 :
			    w[i] >= 'A' && w[i] <= 'F' ? w[i] - 'A' + 10 : -1;
		if (d < 0)
			return false;
		if (u > (UINT64_MAX - (uint64_t)d) / base)
			return false;
		u = u * base + (uint64_t)d;
	}
	if (i < n) {	/* a fraction: 1 to 9 digits */
		if (++i == n || n - i > 9)
			return false;
		for (; i < n; i++) {
			if (w[i] < '0' || w[i] > '9')
				return false;
			scale /= 10;
			frac += (uint32_t)(w[i] - '0') * scale;
		}
	}
	if (neg && (u > (uint64_t)INT64_MAX + 1 || (frac && u > (uint64_t)INT64_MAX)))
		return false;
	v->t = FL_NUM;
	v->neg = neg && (u || frac);
	v->u = u;
	v->frac = frac;
	v->s = neg ? (int64_t)(0 - u) : (int64_t)u;
	return true;
}

/* -1, 0, 1: a number (neg, whole part u, fraction fr in 1e-9) against
 * literal v, exactly */
static int cmp_mag(bool neg, uint64_t u, uint32_t fr, const struct flt_val *v)
{
	if (neg != v->neg)
		return neg ? -1 : 1;
	int c = u != v->u ? (u < v->u ? -1 : 1) : (fr < v->frac ? -1 : fr > v->frac);
	return neg ? -c : c;
}

/* -1, 0, 1; 2: not comparable */
static int cmp_num(const struct nl_field_ev *ev, const struct flt_val *v)
{
	struct flt_val x;

	switch (ev->vt) {
	case NLFV_UINT:
	case NLFV_ENUM:
	case NLFV_FLAGS:
		return cmp_mag(false, ev->u, 0, v);
	case NLFV_SINT:
		return cmp_mag(ev->s < 0, ev->s < 0 ? 0 - (uint64_t)ev->s : (uint64_t)ev->s, 0, v);
	case NLFV_BARE:	/* a number's JSON text (emit_fixed's), or not a number */
		if (!ev->str || !flt_num(ev->str, ev->slen, &x))
			return 2;
		return cmp_mag(x.neg, x.u, x.frac, v);
	default:
		return 2;
	}
}

/* The value as the text --json writes for it (without quotes), in *p and *n;
 * false when it has none (a number, a container) */
static bool text_of(struct nl_filter *f, const struct nl_field_ev *ev, const char **p,
		    size_t *n)
{
	struct sbuf *b = &f->tmp;

	switch (ev->vt) {
	case NLFV_STR:
	case NLFV_NAME:
		*p = ev->str ? ev->str : "";
		*n = ev->str ? ev->slen : 0;
		return true;
	case NLFV_ENUM:
		*p = ev->str ? ev->str : nl_name(ev->names, ev->u);
		*n = *p ? strlen(*p) : 0;
		return *p != NULL;
	case NLFV_ADDR:
		sbuf_reset(b);
		view_paths_addr(b, ev);
		*p = b->p ? b->p : "";
		*n = b->len;
		return true;
	case NLFV_HEX:
		sbuf_reset(b);
		if (ev->raw)
			sbuf_hex(b, ev->raw, ev->rawlen);
		*p = b->p ? b->p : "";
		*n = b->len;
		return true;
	default:
		return false;
	}
}

static int cmp_bytes(const char *a, size_t an, const char *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);

	if (c)
		return c < 0 ? -1 : 1;
	return an < bn ? -1 : an > bn;
}

/* an address value against an address or prefix: 0 equal (inside), 1 not,
 * 2 not comparable */
static int cmp_addr(const struct nl_field_ev *ev, const struct flt_val *v)
{
	if (ev->vt != NLFV_ADDR || !ev->raw || ev->rawlen != v->alen)
		return 2;
	unsigned full = v->plen / 8, rest = v->plen % 8;
	if (memcmp(ev->raw, v->addr, full))
		return 1;
	if (rest) {
		uint8_t m = (uint8_t)(0xff00u >> rest);
		if ((ev->raw[full] & m) != (v->addr[full] & m))
			return 1;
	}
	return 0;
}

static bool has_bit(const struct nl_field_ev *ev, const char *name, size_t n)
{
	if (ev->vt != NLFV_FLAGS)
		return false;
	for (uint64_t rest = ev->u; rest; rest &= rest - 1) {
		unsigned i = (unsigned)__builtin_ctzll(rest);
		const char *nm = nl_name(ev->names, i);
		char t[24];
		if (!nm) {
			snprintf(t, sizeof(t), "0x%llx", 1ull << i);
			nm = t;
		}
		if (strlen(nm) == n && !memcmp(nm, name, n))
			return true;
	}
	return false;
}

/* one value against one literal: -1, 0, 1, 2 (not comparable) */
static int cmp_val(struct nl_filter *f, const struct nl_field_ev *ev, const struct flt_val *v)
{
	const char *p;
	size_t n;

	switch (v->t) {
	case FL_NUM:
		return cmp_num(ev, v);
	case FL_ADDR:
		return cmp_addr(ev, v);
	default:
		if (!text_of(f, ev, &p, &n))
			return 2;
		return cmp_bytes(p, n, v->str, v->slen);
	}
}

static bool matches(struct nl_filter *f, const struct flt_test *t, const struct nl_field_ev *ev)
{
	const char *p;
	size_t n;

	if (!text_of(f, ev, &p, &n))
		return false;
	if (n + 1 > f->textcap) {
		char *nt = realloc(f->text, n + 1);
		if (!nt) {
			fputs("nldump: out of memory\n", stderr);
			exit(3);
		}
		f->text = nt;
		f->textcap = n + 1;
	}
	memcpy(f->text, p, n);
	f->text[n] = 0;	/* a string with a NUL: up to it */
	return regexec(&t->re, f->text, 0, NULL, 0) == 0;
}

bool flt_match(struct nl_filter *f, const struct flt_test *t, const struct nl_field_ev *ev)
{
	const struct flt_val *v = t->vals;
	const char *p;
	size_t n;
	int c;

	switch (t->op) {
	case FOP_BIT:
		return has_bit(ev, t->bit, strlen(t->bit));
	case FOP_EQ:
	case FOP_NE:
	case FOP_IN:
		for (unsigned i = 0; i < t->nvals; i++)
			if (cmp_val(f, ev, &v[i]) == 0)
				return true;
		return false;
	case FOP_LT:
		return (c = cmp_val(f, ev, v)) == -1;
	case FOP_LE:
		return (c = cmp_val(f, ev, v)) == -1 || c == 0;
	case FOP_GT:
		return cmp_val(f, ev, v) == 1;
	case FOP_GE:
		return (c = cmp_val(f, ev, v)) == 1 || c == 0;
	case FOP_CONTAINS:
		if (ev->vt == NLFV_FLAGS)
			return has_bit(ev, v->str, v->slen);
		if (!text_of(f, ev, &p, &n))
			return false;
		return v->slen <= n && (!v->slen || memmem(p, n, v->str, v->slen));
	case FOP_MATCHES:
		return matches(f, t, ev);
	default:
		return true;
	}
}

static void test_ev(struct nl_filter *f, struct flt_test *t, const struct nl_field_ev *ev)
{
	t->present = true;
	if (!t->hit && flt_match(f, t, ev))
		t->hit = true;
}

/* ---- the sink and the hook ---- */

static void field(void *arg, const struct nl_field_ev *ev)
{
	struct nl_filter *f = arg;

	for (unsigned i = 0; i < f->nt; i++) {
		struct flt_test *t = &f->t[i];
		if (t->pathlen == ev->pathlen && !t->pseudo && !memcmp(t->path, ev->path, ev->pathlen))
			test_ev(f, t, ev);
	}
	if (f->inner) {
		f->inner->frame = f->fs.frame;
		f->inner->index = f->fs.index;
		f->inner->field(f->inner->arg, ev);
	}
}

/* a kept message's end (the core calls it only for those): the inner
 * sink's (-T fields writes its line there) */
static void end(void *arg)
{
	struct nl_filter *f = arg;

	f->inner->end(f->inner->arg);
}

/* a dropped message's end: the inner sink forgets its events */
static void drop(void *arg)
{
	struct nl_filter *f = arg;

	f->inner->drop(f->inner->arg);
}

static void begin(void *arg)
{
	struct nl_filter *f = arg;

	for (unsigned i = 0; i < f->nt; i++)
		f->t[i].present = f->t[i].hit = false;
	if (f->held)
		f->held_mark = f->held->len;
}

/* the ISO 8601 time --json writes */
static void time_text(char *out, size_t n, const struct nl_frame *fr)
{
	struct tm tm = { 0 };
	time_t s = (time_t)fr->sec;

	gmtime_r(&s, &tm);
	snprintf(out, n, "%04d-%02d-%02dT%02d:%02d:%02d.%06uZ", tm.tm_year + 1900,
		 tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
		 (unsigned)(fr->nsec / 1000) % 1000000u);
}

static void pseudo(struct nl_filter *f, struct flt_test *t, const struct nl_frame *fr,
		   unsigned idx, uint16_t nl_flags)
{
	struct nl_field_ev ev = { .vt = NLFV_UINT };
	char tb[48];
	int64_t us;
	uint64_t mag;
	bool inferred = fr->dir == NLDIR_UNKNOWN;
	int dir = inferred ? ((nl_flags & 1) ? NLDIR_TO_KERNEL : NLDIR_TO_USER) : fr->dir;

	switch (t->pseudo) {
	case FPS_FRAME:
		ev.u = fr->no;
		break;
	case FPS_INDEX:
		ev.u = idx;
		break;
	case FPS_PROTO_ID:
		ev.u = fr->proto;
		break;
	case FPS_COPIES:
		if (fr->copies <= 1)
			return;
		ev.u = fr->copies;
		break;
	case FPS_COPY_OF:
		if (!fr->copy_of)
			return;
		ev.u = fr->copy_of;
		break;
	case FPS_DIR_INFERRED:
		if (!inferred)
			return;
		ev.vt = NLFV_TRUE;
		break;
	case FPS_DIR:
		ev.vt = NLFV_NAME;
		ev.str = dir == NLDIR_TO_KERNEL ? "to_kernel" : "to_user";
		ev.slen = strlen(ev.str);
		break;
	case FPS_PROTO:
		ev.vt = NLFV_NAME;
		ev.str = nl_proto_name(fr->proto);
		if (!ev.str)
			return;
		ev.slen = strlen(ev.str);
		break;
	case FPS_TIME_EPOCH:	/* seconds and microseconds, as -tt writes them */
		us = (int64_t)((uint64_t)fr->sec * 1000000u + fr->nsec / 1000);
		mag = us < 0 ? 0 - (uint64_t)us : (uint64_t)us;
		snprintf(tb, sizeof(tb), "%s%llu.%06u", us < 0 ? "-" : "",
			 (unsigned long long)(mag / 1000000u), (unsigned)(mag % 1000000u));
		ev.vt = NLFV_BARE;
		ev.str = tb;
		ev.slen = strlen(tb);
		break;
	case FPS_TIME:
		/* a number: whole seconds since the epoch; a string: the text */
		if (t->nvals && t->vals[0].t == FL_NUM) {
			ev.vt = NLFV_SINT;
			ev.s = fr->sec;
			break;
		}
		time_text(tb, sizeof(tb), fr);
		ev.vt = NLFV_NAME;
		ev.str = tb;
		ev.slen = strlen(tb);
		break;
	default:
		return;
	}
	test_ev(f, t, &ev);
}

static bool keep(void *arg, const struct nl_frame *fr, unsigned idx, uint16_t nl_flags)
{
	struct nl_filter *f = arg;
	bool stack[FLT_MAX_PROG];
	unsigned sp = 0;

	for (unsigned i = 0; i < f->nt; i++)
		if (f->t[i].pseudo)
			pseudo(f, &f->t[i], fr, idx, nl_flags);
	for (unsigned i = 0; i < f->np; i++) {
		int s = f->prog[i];
		if (s >= 0) {
			const struct flt_test *t = &f->t[s];
			stack[sp++] = t->op == FOP_NE ? t->present && !t->hit : t->hit;
		} else if (s == FPR_NOT) {
			stack[sp - 1] = !stack[sp - 1];
		} else {
			bool b = stack[--sp];
			stack[sp - 1] = s == FPR_AND ? stack[sp - 1] && b : stack[sp - 1] || b;
		}
	}
	bool ok = sp && stack[0];
	if (!ok && f->held)
		f->held->len = f->held_mark;
	return ok;
}

/* the members of a message the filter's tests, and the sink it feeds,
 * read (fieldev.h: wants) */
static bool wants(void *arg, const char *key)
{
	struct nl_filter *f = arg;

	for (unsigned i = 0; i < f->nt; i++)
		if (!f->t[i].pseudo && nl_fs_root_of(key, f->t[i].path))
			return true;
	if (!f->inner)
		return false;
	return !f->inner->wants || f->inner->wants(f->inner->arg, key);
}

void filter_attach(struct nl_filter *f, struct nlstate *st, struct nl_fsink *inner,
		   struct sbuf *held)
{
	memset(&f->fs, 0, sizeof(f->fs));
	f->fs.field = f->any_event || inner ? field : NULL;
	f->fs.arg = f;
	f->fs.end = inner && inner->end ? end : NULL;
	f->fs.drop = inner && inner->drop ? drop : NULL;
	f->fs.frame_members = inner && inner->frame_members;
	f->fs.wants = wants;
	f->inner = inner;
	f->held = held;
	f->hook.begin = begin;
	f->hook.keep = keep;
	f->hook.arg = f;
	f->hook.msgs = f->hook.frames = 0;
	if (f->any_event || inner)
		st->fs = &f->fs;
	st->filter = &f->hook;
}

bool filter_needs_events(const struct nl_filter *f)
{
	return f->any_event;
}
