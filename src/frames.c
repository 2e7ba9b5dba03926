/* frames.c - copies, --dedup, -c: see frames.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frames.h"
#include "nlcore.h"

const char frame_header_cut[] = "the capture ends inside the link-layer header";

static bool same_as_prev(struct frames *r, const struct nl_frame *f)
{
	return r->prev && r->prev_len == (size_t)f->caplen + 2 &&
	       r->prev[0] == (uint8_t)(f->proto >> 8) && r->prev[1] == (uint8_t)f->proto &&
	       memcmp(r->prev + 2, f->data, f->caplen) == 0;
}

static void remember(struct frames *r, const struct nl_frame *f)
{
	size_t need = (size_t)f->caplen + 2;

	if (need > r->prev_cap) {
		uint8_t *np = realloc(r->prev, need);
		if (!np) {
			fputs("nldump: out of memory\n", stderr);
			exit(3);
		}
		r->prev = np;
		r->prev_cap = need;
	}
	r->prev[0] = (uint8_t)(f->proto >> 8);
	r->prev[1] = (uint8_t)f->proto;
	memcpy(r->prev + 2, f->data, f->caplen);
	r->prev_len = need;
}

static void decode(struct frames *r, const struct nl_frame *f)
{
	if (r->before)
		r->before(r->before_arg, r->st, f);
	nl_decode_frame(r->st, r->e, f);
}

void frames_flush(struct frames *r)
{
	if (!r->have_pending)
		return;
	r->pending.data = r->prev + 2;
	decode(r, &r->pending);
	r->have_pending = false;
}

static void bad_frame(struct frames *r, const struct nl_frame *f, const char *why)
{
	struct emitter *e = r->e;

	emit_msg_begin(e);
	emit_uint(e, "frame", f->no, EF_DEC);
	emit_sum(e, "frame %llu", (unsigned long long)f->no);
	if (why == frame_header_cut)
		emit_truncated(e, 0, f->len, f->caplen);
	else
		emit_malformed(e, 0, "%s", why);
	struct nl_msg_filter *flt = r->st->filter;
	if (flt) {	/* only the frame's own values can match */
		flt->begin(flt->arg);
		if (!flt->keep(flt->arg, f, 0, 0)) {
			emit_msg_skip(e);
			r->st->frames++;
			return;
		}
		flt->msgs++;
		flt->frames++;
	}
	emit_msg_end(e);
	r->st->frames++;
}

/* -c: frames read, or with a display filter frames with a message kept */
static uint64_t counted(const struct frames *r)
{
	return r->st->filter ? r->st->filter->frames : r->nframes;
}

bool frames_feed(void *arg, const struct nl_frame *f, const char *bad)
{
	struct frames *r = arg;

	if (r->max_frames && counted(r) >= r->max_frames)
		return false;
	r->nframes++;
	if (bad) {
		frames_flush(r);
		free(r->prev);
		r->prev = NULL;
		r->prev_len = r->prev_cap = 0;
		bad_frame(r, f, bad);
		return true;
	}
	bool copy = same_as_prev(r, f);
	if (copy)
		r->st->copies++;
	if (r->dedup) {
		/* a copy of a frame already printed (live: printed when the input
		 * went quiet) starts a run of its own */
		if (copy && r->have_pending) {
			r->pending.copies++;
			return true;
		}
		frames_flush(r);
		remember(r, f);
		r->pending = *f;
		r->pending.copies = 1;
		r->have_pending = true;
		return true;
	}
	if (copy) {
		struct nl_frame g = *f;
		g.copy_of = r->run_first;
		decode(r, &g);
		return true;
	}
	r->run_first = f->no;
	remember(r, f);
	decode(r, f);
	return true;
}


bool frames_done(const struct frames *r)
{
	return r->max_frames && counted(r) >= r->max_frames;
}

void frames_free(struct frames *r)
{
	free(r->prev);
	r->prev = NULL;
	r->prev_len = r->prev_cap = 0;
}
