/* prepass.c - the forward pre-pass over a capture file (see prepass.h). */
#include "prepass.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "genlmap.h"
#include "nlcore.h"

#define NETLINK_GENERIC 16
#define NLMSG_MIN_TYPE 0x10

struct prepass {
	char *path;
	bool can_run;		/* a regular file we may open again */
	bool once;		/* read once (not a file we may open again):
				 * unknown ids are reported */
	bool ended;		/* read to the end (or the limit, or failed) */
	uint64_t dev, ino;
	uint64_t limit;		/* -c */
	struct capture *cap;	/* the second handle, once needed */
	uint64_t decoding;	/* the frame the decoder is at */
	uint64_t read;		/* frames read by the pre-pass */
	bool satisfied;		/* the last run stopped because all ids resolved */
	struct nlstate *st;
	uint8_t warned[65536 / 8];	/* ids reported unknown */
};

struct prepass *prepass_new(const char *path, const struct capture *input, bool enabled,
			    uint64_t limit)
{
	struct prepass *pp = calloc(1, sizeof(*pp));

	if (!pp)
		return NULL;
	pp->path = strdup(path);
	if (!pp->path) {
		free(pp);
		return NULL;
	}
	bool regular = capture_regular(input, &pp->dev, &pp->ino);
	/* "-" cannot be opened again by its name, even when it is a file */
	pp->once = !regular || !strcmp(path, "-");
	pp->can_run = enabled && !pp->once;
	pp->ended = !pp->can_run;
	pp->limit = limit;
	return pp;
}

uint64_t prepass_frames(const struct prepass *pp)
{
	return pp ? pp->read : 0;
}

void prepass_free(struct prepass *pp)
{
	if (!pp)
		return;
	capture_close(pp->cap);
	free(pp->path);
	free(pp);
}

static bool learn_one(void *arg, const struct nl_frame *f, const char *bad)
{
	struct prepass *pp = arg;

	if (pp->limit && f->no > pp->limit)
		return false;	/* the decoder stops before it */
	pp->read++;
	/* frames up to the decoder's were learned by the decoder itself */
	if (!bad && f->no > pp->decoding)
		nl_learn_frame(pp->st, f);
	if (!genl_map_watching(pp->st->genl)) {
		pp->satisfied = true;
		return false;
	}
	return true;
}

static void finish_reading(struct prepass *pp)
{
	pp->ended = true;
	capture_close(pp->cap);
	pp->cap = NULL;
	genl_map_unwatch_all(pp->st->genl);
}

static void run(struct prepass *pp, struct nlstate *st, uint64_t frame_no)
{
	char err[512];

	pp->st = st;
	if (!pp->cap) {
		uint64_t dev, ino;
		pp->cap = capture_open(pp->path, err, sizeof(err));
		/* the same file as the input, or nothing */
		if (!pp->cap || !capture_regular(pp->cap, &dev, &ino) || dev != pp->dev ||
		    ino != pp->ino) {
			finish_reading(pp);
			return;
		}
	}
	pp->decoding = frame_no;
	pp->satisfied = false;
	st->learning = true;
	capture_loop(pp->cap, learn_one, pp, err, sizeof(err));
	st->learning = false;
	if (!pp->satisfied)
		finish_reading(pp);	/* the end, the -c limit or a read error */
}

struct look {
	struct prepass *pp;
	struct genl_map *m;
};

static void look_at(void *arg, uint16_t type)
{
	struct look *l = arg;
	struct prepass *pp = l->pp;

	if (type < NLMSG_MIN_TYPE || genl_map_get(l->m, type))
		return;
	/* an id the capture has deleted is not one it never explained */
	if (genl_map_was_mapped(l->m, type))
		return;
	if (!pp->ended) {
		genl_map_watch(l->m, type);
		return;
	}
	if (pp->once && !(pp->warned[type / 8] & (1u << (type % 8)))) {
		pp->warned[type / 8] |= (uint8_t)(1u << (type % 8));
		fprintf(stderr, "nldump: genl family id 0x%x unknown: give -G or --genl-map\n",
			type);
	}
}

void prepass_before_frame(struct prepass *pp, struct nlstate *st, const struct nl_frame *f)
{
	if (!pp || !st->genl || f->proto != NETLINK_GENERIC)
		return;
	if (pp->ended && !pp->once)
		return;	/* nothing more to learn, nothing to say */
	struct look l = { pp, st->genl };
	nl_frame_types(f, look_at, &l);
	if (genl_map_watching(st->genl))
		run(pp, st, f->no);
}
