/* fieldev.c - field events: the path stack, the events, the callbacks'
 * spans and the extended ACK's offset resolved to a path (fieldev.h).
 *
 * The path is one buffer: entering a level appends ".key" and records the
 * length before it, leaving it cuts back, so building a path costs the
 * length of its key.  A level past NL_FPATH_DEPTH, or a path longer than
 * NL_FPATH_MAX, is counted (lost) and nothing under it is published.
 */
#include <string.h>

#include "dissect.h"

#define MARK_REMUTE 0x8000	/* leaving this level mutes the callback again */

void nl_fs_msg(struct nl_fsink *fs, uint64_t frame, unsigned index, size_t base)
{
	fs->frame = frame;
	fs->index = index;
	fs->base = base;
	fs->len = 0;
	fs->path[0] = 0;
	fs->depth = fs->lost = 0;
	fs->attr_at = SIZE_MAX;
	fs->cb_key = NULL;
	fs->cb_depth = 0;
	fs->mute = 0;
	fs->delegated = false;
	fs->pin = NULL;
}

/* Append ".key" to the path; false (path unchanged) when it does not fit. */
static bool append(struct nl_fsink *fs, const char *key)
{
	size_t k = strlen(key), dot = fs->len ? 1 : 0;

	if (fs->len + dot + k + 1 > sizeof(fs->path))
		return false;
	if (dot)
		fs->path[fs->len] = '.';
	memcpy(fs->path + fs->len + dot, key, k + 1);
	fs->len += dot + k;
	return true;
}

bool nl_fs_root_of(const char *key, const char *path)
{
	size_t k = strlen(key);

	return !strncmp(path, key, k) && (path[k] == '.' || !path[k]);
}

/* A member of the message the sink does not read (fieldev.h: wants); not
 * while a callback runs (its muting keeps its own count of levels) */
static bool unread(struct nl_fsink *fs, const char *key)
{
	if (!fs->wants || fs->depth || !key || fs->pin || fs->mute || fs->cb_key)
		return false;
	unsigned i = (unsigned)((uintptr_t)key >> 3) & 7;
	if (fs->wkey[i] != key) {
		fs->wkey[i] = key;
		fs->wres[i] = !strcmp(key, "error") || fs->wants(fs->arg, key);
	}
	return !fs->wres[i];
}

bool nl_fs_wants(const struct dctx *d, const char *key)
{
	return d->fs && !unread(d->fs, key);
}

static void push(struct nl_fsink *fs, const char *key, bool remute)
{
	size_t keep = fs->len;

	if (fs->lost || fs->depth == NL_FPATH_DEPTH || unread(fs, key) ||
	    (key && !append(fs, key))) {
		fs->lost++;
		return;
	}
	fs->mark[fs->depth++] = (uint16_t)(keep | (remute ? MARK_REMUTE : 0));
}

static void pop(struct nl_fsink *fs)
{
	if (fs->lost) {
		fs->lost--;
		return;
	}
	if (!fs->depth)
		return;
	uint16_t m = fs->mark[--fs->depth];
	fs->len = m & ~MARK_REMUTE;
	fs->path[fs->len] = 0;
	if (m & MARK_REMUTE)
		fs->mute = 1;
}

/* While a callback runs (fs->mute), is an event under key the value it
 * hands to the engine under its own key?  (The first such one, at its
 * level; a NULL key too: an item of a repeated attribute's list.) */
static bool handed_on(struct nl_fsink *fs, const char *key)
{
	if (key != fs->cb_key || fs->depth != fs->cb_depth || fs->delegated)
		return false;
	fs->delegated = true;
	return true;
}

static void pin_check(struct nl_fpin *p, const struct nl_field_ev *ev, size_t at)
{
	size_t start = at - ev->hdr, end = at + ev->len;

	if (p->target < start || (p->target >= end && p->target != start))
		return;
	if (p->exact || ev->depth + 1 <= p->best || ev->pathlen < p->root)
		return;	/* not deeper than the match so far, or not in the request */
	memcpy(p->path, ev->path + p->root, ev->pathlen - p->root + 1);
	p->best = ev->depth + 1;
	p->kind = ev->kind;
	/* the offset of an attribute's header names the attribute, not the
	 * header's members an unknown attribute shows */
	p->exact = ev->hdr && start == p->target;
}

/* Publish ev under key (NULL: at the current path), its value at frame
 * position at. */
static void publish(struct nl_fsink *fs, const char *key, struct nl_field_ev *ev, size_t at)
{
	size_t keep = fs->len;

	if (fs->lost || unread(fs, key) || (key && !append(fs, key)))
		return;
	ev->path = fs->path;
	ev->pathlen = fs->len;
	ev->off = at >= fs->base ? at - fs->base : 0;
	ev->hdr = at == fs->attr_at ? 4 : 0;
	if (ev->hdr)
		fs->attr_at = SIZE_MAX;
	ev->depth = fs->depth;
	if (fs->pin)
		pin_check(fs->pin, ev, at);
	if (fs->field)
		fs->field(fs->arg, ev);
	fs->len = keep;
	fs->path[keep] = 0;
}

/* Is a value under key published (the callback muting rule)? */
static bool leaf_live(struct nl_fsink *fs, const char *key)
{
	if (fs->lost)	/* under a level not published: nothing to build */
		return false;
	return !fs->mute || handed_on(fs, key);
}

/* A container of len bytes at frame position at (raw: its captured
 * bytes, or NULL), entered. */
static void open_at(struct nl_fsink *fs, const char *key, const char *kind, size_t at,
		    size_t len, const uint8_t *raw, size_t rawlen)
{
	bool remute = false;

	if (fs->lost) {	/* under a level not published: only counted */
		fs->lost++;
		return;
	}
	if (fs->mute) {
		if (!handed_on(fs, key)) {
			push(fs, key, false);	/* kept balanced, published under no path */
			return;
		}
		fs->mute = 0;
		remute = true;
	}
	struct nl_field_ev ev = { .kind = kind, .len = len, .vt = NLFV_NONE,
				  .raw = raw, .rawlen = raw ? rawlen : 0 };
	publish(fs, key, &ev, at);
	push(fs, key, remute);
}

void nl_fs_open(struct dctx *d, const char *key, const char *kind, const struct nlc *c)
{
	size_t n = nlc_capleft(c);

	open_at(d->fs, key, kind, c->pos, nlc_rawleft(c), nlc_peek(c, n), n);
}

void nl_fs_bitfield32(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		      size_t at, uint32_t v, uint32_t sel)
{
	open_at(d->fs, key, "bitfield32", at, 8, NULL, 0);
	nl_fs_num(d, "value", "flags", NLFV_FLAGS, at, 4, v, NULL, pol->bits);
	nl_fs_num(d, "selector", "flags", NLFV_FLAGS, at + 4, 4, sel, NULL, pol->bits);
	pop(d->fs);
}

void nl_fs_close(struct dctx *d)
{
	pop(d->fs);
}

void nl_fs_push(struct dctx *d, const char *key)
{
	struct nl_fsink *fs = d->fs;
	bool remute = false;

	if (fs->mute && handed_on(fs, key)) {	/* a callback's own list */
		fs->mute = 0;
		remute = true;
	}
	push(fs, key, remute);
}

void nl_fs_num(struct dctx *d, const char *key, const char *kind, uint8_t vt, size_t at,
	       size_t len, uint64_t v, const char *name, const struct nl_names *names)
{
	struct nl_fsink *fs = d->fs;

	if (!leaf_live(fs, key))
		return;
	struct nl_field_ev ev = { .kind = kind, .len = len, .vt = vt, .u = v, .s = (int64_t)v,
				  .str = name, .slen = name ? strlen(name) : 0, .names = names };
	publish(fs, key, &ev, at);
}

void nl_fs_int(struct dctx *d, const struct nl_attr_pol *pol, const char *key, size_t at,
	       size_t len, uint64_t v, int64_t s)
{
	struct nl_fsink *fs = d->fs;

	if (!leaf_live(fs, key))
		return;
	struct nl_field_ev ev = { .kind = nl_pol_kind(pol), .len = len, .u = v, .s = s };
	if (pol->enums) {
		ev.vt = NLFV_ENUM;
		ev.names = pol->enums;
	} else if (pol->bits) {
		ev.vt = NLFV_FLAGS;
		ev.names = pol->bits;
	} else {
		bool sgn = (pol->kind >= NLA_KIND_S8 && pol->kind <= NLA_KIND_S64) ||
			   pol->kind == NLA_KIND_SINT;
		ev.vt = sgn ? NLFV_SINT : NLFV_UINT;
	}
	publish(fs, key, &ev, at);
}

void nl_fs_bytes(struct dctx *d, const char *key, const char *kind, uint8_t vt, uint8_t addr,
		 size_t at, size_t len, const uint8_t *p, size_t n)
{
	struct nl_fsink *fs = d->fs;

	if (!leaf_live(fs, key))
		return;
	struct nl_field_ev ev = { .kind = kind, .len = len, .vt = vt, .addr = addr };
	if (vt == NLFV_NAME) {
		ev.str = (const char *)p;
		ev.slen = p ? strlen(ev.str) : 0;
	} else if (vt == NLFV_BARE) {	/* JSON text of ours, not wire bytes */
		ev.str = (const char *)p;
		ev.slen = p ? n : 0;
	} else {
		ev.raw = p;
		ev.rawlen = p ? n : 0;
		ev.str = (const char *)p;
		ev.slen = ev.rawlen;
	}
	publish(fs, key, &ev, at);
}

void nl_fs_text(struct dctx *d, const char *key, size_t at, size_t len, const char *s,
		size_t n)
{
	struct nl_fsink *fs = d->fs;

	if (!leaf_live(fs, key))
		return;
	struct nl_field_ev ev = { .kind = "string", .len = len, .vt = NLFV_STR, .str = s,
				  .slen = n };
	publish(fs, key, &ev, at);
}

/* The kind a callback's value is listed with (fields.c: its shape). */
static const char *cb_kind(const struct nl_attr_pol *pol)
{
	const struct nl_shape *sh = pol->shape;

	if (sh && sh->form)
		return sh->form;
	if ((sh && (sh->members || sh->keys)) || pol->st)
		return "struct";
	return pol->nest ? "nest" : "custom";
}

bool nl_fs_cb(struct dctx *d, const struct nl_attr_pol *pol, const char *key, struct nlc *c)
{
	struct nl_fsink *fs = d->fs;
	bool handed = false;

	if (fs->mute) {
		if (!handed_on(fs, key))
			return pol->cb(d, pol, key, c);	/* inside a muted callback */
		handed = true;	/* another callback's value, handed on */
		fs->mute = 0;
	}
	const char *skey = fs->cb_key;
	unsigned sdepth = fs->cb_depth;
	bool sdel = fs->delegated;
	size_t at = c->pos, n = nlc_capleft(c), len = nlc_rawleft(c);
	const uint8_t *raw = nlc_peek(c, n);

	fs->cb_key = key;
	fs->cb_depth = fs->depth;
	fs->delegated = false;
	fs->mute = 1;
	bool ok = pol->cb(d, pol, key, c);
	bool del = fs->delegated;
	fs->cb_key = skey;
	fs->cb_depth = sdepth;
	fs->delegated = sdel;
	fs->mute = handed;
	if (ok && !del) {
		struct nl_field_ev ev = { .kind = cb_kind(pol), .len = len, .vt = NLFV_NONE,
					  .raw = raw, .rawlen = raw ? n : 0 };
		publish(fs, key, &ev, at);
	}
	return ok;
}

void nl_fs_pin_begin(struct nl_fsink *fs, struct nl_fpin *pin, size_t target)
{
	pin->target = target;
	pin->root = fs->len ? fs->len + 1 : 0;
	pin->best = 0;
	pin->exact = false;
	pin->kind = NULL;
	pin->want_sets = false;
	pin->nest_set = pin->top_set = NULL;
	pin->path[0] = 0;
	pin->prev = fs->pin;
	fs->pin = pin;
}

bool nl_fs_pin_end(struct nl_fsink *fs, struct nl_fpin *pin)
{
	fs->pin = pin->prev;
	return pin->best > 0 && pin->path[0];
}

void nl_fs_pin_set(struct nl_fsink *fs, const struct nlc *c, const struct nl_attr_set *set,
		   bool top)
{
	struct nl_fpin *p = fs->pin;

	if (!p || !p->want_sets)
		return;
	if (top && !p->top_set)	/* the first: the request's own, not an echo's */
		p->top_set = set;
	else if (!top && !p->nest_set && p->target != SIZE_MAX && c->pos == p->target + 4)
		p->nest_set = set;
}

const char *nl_pol_kind(const struct nl_attr_pol *p)
{
	static const char *const k[NLA_KIND_MAX_] = {
		[NLA_KIND_UNSPEC] = "bytes", [NLA_KIND_BINARY] = "bytes",
		[NLA_KIND_U8] = "u8", [NLA_KIND_U16] = "u16", [NLA_KIND_U32] = "u32",
		[NLA_KIND_U64] = "u64", [NLA_KIND_S8] = "s8", [NLA_KIND_S16] = "s16",
		[NLA_KIND_S32] = "s32", [NLA_KIND_S64] = "s64", [NLA_KIND_BE16] = "be16",
		[NLA_KIND_BE32] = "be32", [NLA_KIND_BE64] = "be64", [NLA_KIND_UINT] = "uint",
		[NLA_KIND_SINT] = "sint", [NLA_KIND_STRING] = "string",
		[NLA_KIND_NUL_STRING] = "string", [NLA_KIND_FLAG] = "flag",
		[NLA_KIND_MAC] = "mac", [NLA_KIND_IPV4] = "ipv4", [NLA_KIND_IPV6] = "ipv6",
		[NLA_KIND_ADDR] = "address",
	};
	if (p->kind >= NLA_KIND_U8 && p->kind <= NLA_KIND_SINT) {
		if (p->enums)
			return "enum";
		if (p->bits)
			return "flags";
	}
	return p->kind < NLA_KIND_MAX_ && k[p->kind] ? k[p->kind] : "bytes";
}
