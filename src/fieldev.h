/* fieldev.h - field events: every value the walk decodes, with its path,
 * kind, byte offset and length, handed to a sink.
 *
 * The walk (the netlink core, the genl header, the attribute engine, the
 * struct decoder) publishes one event per value as it meets it, through
 * the sink of the decode context (d->fs).  Without a sink (the one-line,
 * -v and JSON views) every call site is one test of d->fs, and nothing
 * else runs.  The sink is not the emitter: the -T paths view, the later
 * filters and -e extraction read these events; the extended ACK's
 * offset is resolved from them (nl_fs_pin).
 *
 * A path is the chain of JSON member names, joined with dots, without
 * array positions, as the field registry lists it (fields.h): built on a
 * stack of bounded depth while the walk goes down and up (no re-walk).
 * Members of the request echoed in an NLMSG_ERROR are under
 * "error.request." and their offsets, like every offset here, count from
 * the start of the outer message's nlmsghdr (so a message's fields share
 * one origin; the echoed request starts at offset 20).
 *
 * Containers (nests, structs, lists, arrays) have an event of their own,
 * before their members, whose span covers them.  An attribute's span is
 * its payload; hdr says that its 4-byte header is just before it.  A
 * callback's value (NLA_KIND_CB) is one event over its whole span, unless
 * the callback hands its payload to the engine under its own key
 * (nla_walk_under(d, key, ...), as linkinfo's data by kind does): then its
 * members are published as the engine walks them.  Values of the frame
 * (frame, index, time, dir, proto...) are not message bytes: the sink
 * reads the frame number and the message's index from its own members,
 * or asks for them as events (frame_members: -T fields, --json -e).
 */
#ifndef NLDUMP_FIELDEV_H
#define NLDUMP_FIELDEV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cursor.h"
#include "emit.h"
#include "names.h"
#include "policy.h"

#define NL_FPATH_MAX 480	/* bytes of a path, NUL included */
#define NL_FPATH_DEPTH 48	/* levels: NL_MAX_DEPTH nests with their structs,
				 * lists and echoed requests fit */

/* How an event's value reads (the JSON value it is). */
enum nl_fval {
	NLFV_NONE = 0,	/* a container: no value of its own (raw only) */
	NLFV_UINT,	/* u */
	NLFV_SINT,	/* s */
	NLFV_ENUM,	/* u, named by str if set, else by names, else the number */
	NLFV_FLAGS,	/* u, its bits named by names (JSON: an array of names) */
	NLFV_STR,	/* str/slen: wire bytes (up to a NUL) */
	NLFV_NAME,	/* str: a name of nldump's own tables (a C string) */
	NLFV_HEX,	/* raw/rawlen, as hex */
	NLFV_ADDR,	/* raw/rawlen, addr: enum emit_addr */
	NLFV_TRUE,	/* a flag attribute: present */
	NLFV_NULL,	/* no value (genl.family of an unknown id) */
	NLFV_BARE,	/* str: JSON text written as it is (time_epoch's number, false) */
};

struct nl_field_ev {
	const char *path;	/* "attrs.linkinfo.kind": valid during the call */
	size_t pathlen;
	const char *kind;	/* as --list-fields says it: "u32", "enum", "nest"... */
	size_t off, len;	/* from the outer nlmsghdr; declared length */
	uint8_t hdr;		/* 4: an attribute, its header just before off */
	uint8_t vt;		/* enum nl_fval */
	uint8_t addr;		/* NLFV_ADDR: enum emit_addr */
	unsigned depth;		/* nesting of the event (0: a member of the message) */
	const uint8_t *raw;	/* the captured bytes of the value, or NULL */
	size_t rawlen;		/* <= len */
	uint64_t u;
	int64_t s;
	const char *str;
	size_t slen;
	const struct nl_names *names;
};

/* An extended ACK offset being resolved: the innermost field of the echoed
 * request whose span (with an attribute's header) holds target. */
struct nl_fpin {
	size_t target;		/* frame position the offset points at */
	size_t root;		/* path bytes before the request's own paths */
	unsigned best;		/* depth of the best match + 1; 0: none yet */
	bool exact;		/* the match is an attribute whose header is at target */
	const char *kind;	/* the match's kind ("u16", "nest"...) */
	/* wanted by nl_fs_pin_sets: the attribute set of the nest whose
	 * header is at target, and the request's own (its top level) */
	bool want_sets;
	const struct nl_attr_set *nest_set, *top_set;
	struct nl_fpin *prev;	/* the pin this one hides (an echo in an echo) */
	char path[NL_FPATH_MAX];	/* the match, relative to the request */
};

struct nl_fsink {
	/* called for each event, in walk order; NULL: only paths and the
	 * pin are kept (decode_error resolving an offset) */
	void (*field)(void *arg, const struct nl_field_ev *ev);
	void *arg;
	/* the message's end, after its last event (NULL: not called) */
	void (*end)(void *arg);
	/* the end of a message the filter drops: what its events left is
	 * forgotten (NULL: not called) */
	void (*drop)(void *arg);
	/* the frame's members (frame, index, time, dir, proto...) wanted as
	 * events too, before the message's: depth 0, offset and length 0 */
	bool frame_members;
	/* Does the sink read the message's member key (depth 0: "attrs",
	 * "nlmsg", "txn", "odp"...), or something under it?  NULL: every
	 * member.  A member it does not read publishes no event (a filter on
	 * nlmsg.pid builds no attrs.* path); the echoed request ("error")
	 * always does: an extended ACK's offset is resolved from it. */
	bool (*wants)(void *arg, const char *key);
	/* set by nl_fs_msg for the message being walked */
	uint64_t frame;		/* frame number, from 1 */
	unsigned index;		/* message index within the frame */
	/* kept by fieldev.c */
	size_t base;		/* frame position of the outer nlmsghdr */
	char path[NL_FPATH_MAX];
	size_t len;
	uint16_t mark[NL_FPATH_DEPTH];
	unsigned depth, lost;	/* levels entered; of them, not on the stack */
	size_t attr_at;		/* payload position of the attribute being decoded */
	/* a callback running: events muted but what it hands on under its key */
	const char *cb_key;
	unsigned cb_depth, mute;
	bool delegated;
	struct nl_fpin *pin;
	/* wants's answers by the key's address (keys are the tables' own
	 * strings): a direct-mapped cache */
	const char *wkey[8];
	bool wres[8];
};

struct dctx;

/* Does d's sink read the message's member key (fieldev.h: wants)?  False
 * without a sink. */
bool nl_fs_wants(const struct dctx *d, const char *key);
/* Is key the first name of path ("attrs" of "attrs.ifname")?  For a
 * sink's wants. */
bool nl_fs_root_of(const char *key, const char *path);

/* Start a message at frame position base (the core calls it). */
void nl_fs_msg(struct nl_fsink *fs, uint64_t frame, unsigned index, size_t base);

/* A container under key (NULL: at the current path, a list's item) over
 * c's window [pos, end); its members follow until nl_fs_close. */
void nl_fs_open(struct dctx *d, const char *key, const char *kind, const struct nlc *c);
void nl_fs_close(struct dctx *d);
/* A level with no event (the list a repeated attribute makes in JSON). */
void nl_fs_push(struct dctx *d, const char *key);

/* An integer of pol's kind and names read at frame position at (len
 * bytes); s is its signed value for the signed kinds. */
void nl_fs_int(struct dctx *d, const struct nl_attr_pol *pol, const char *key, size_t at,
	       size_t len, uint64_t v, int64_t s);
/* A number of a given kind and form (vt: UINT, SINT, ENUM, FLAGS; name:
 * an enum's name or NULL; names: a flag word's bit names). */
void nl_fs_num(struct dctx *d, const char *key, const char *kind, uint8_t vt, size_t at,
	       size_t len, uint64_t v, const char *name, const struct nl_names *names);
/* Bytes: a wire string (NLFV_STR, n up to its NUL), hex, an address
 * (addr: enum emit_addr), a flag (NLFV_TRUE), a name of ours (NLFV_NAME,
 * p a C string), null.  Span: [at, at + len). */
void nl_fs_bytes(struct dctx *d, const char *key, const char *kind, uint8_t vt, uint8_t addr,
		 size_t at, size_t len, const uint8_t *p, size_t n);

/* A text of ours (s, n bytes: not the wire's bytes) over the span
 * [at, at + len), as a string. */
void nl_fs_text(struct dctx *d, const char *key, size_t at, size_t len, const char *s,
		size_t n);

/* A struct nla_bitfield32 at frame position at: its value and selector. */
void nl_fs_bitfield32(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		      size_t at, uint32_t v, uint32_t sel);

/* A callback's value: pol->cb run with its events muted, but for what it
 * hands to the engine under its own key; its span published otherwise.
 * Returns what the callback returns. */
bool nl_fs_cb(struct dctx *d, const struct nl_attr_pol *pol, const char *key, struct nlc *c);

/* A callback's value written through the emitter and published as its
 * field (fieldev_put.c): at and len its span in the frame; a callback
 * calls them with its own key, so the value is not muted. */
void nl_put_uint(struct dctx *d, const char *key, size_t at, size_t len, uint64_t v,
		 enum emit_fmt f);
void nl_put_sint(struct dctx *d, const char *key, size_t at, size_t len, int64_t v);
void nl_put_enum_name(struct dctx *d, const char *key, size_t at, size_t len, uint64_t v,
		      const char *name);
void nl_put_str(struct dctx *d, const char *key, size_t at, size_t len, const uint8_t *p,
		size_t n);
void nl_put_addr(struct dctx *d, const char *key, size_t at, enum emit_addr kind,
		 const uint8_t *p, size_t n);
void nl_put_hex(struct dctx *d, const char *key, size_t at, const uint8_t *p, size_t n);
/* a number named by names (an enum) or its bits named (a flag word) */
void nl_put_enum(struct dctx *d, const char *key, size_t at, size_t len, uint64_t v,
		 const struct nl_names *names);
void nl_put_flags(struct dctx *d, const char *key, size_t at, size_t len, uint64_t v,
		  const struct nl_names *names);
/* a structure (an object in JSON: kind as --list-fields says it, c at
 * its start) or a list of the values put between begin and end */
void nl_put_obj_begin(struct dctx *d, const char *key, const char *kind, const struct nlc *c);
/* the same, shown as a set of its members (emit_set_begin), and ended
 * by nl_put_obj_end */
void nl_put_set_begin(struct dctx *d, const char *key, const char *kind, const struct nlc *c);
void nl_put_obj_end(struct dctx *d);
void nl_put_list_begin(struct dctx *d, const char *key);
void nl_put_list_end(struct dctx *d);
/* a text (printf's format), published as a string */
void nl_put_text(struct dctx *d, const char *key, size_t at, size_t len, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* a name of ours (s, a C string), a JSON boolean, a flag (true), a
 * fixed-point number (v / 10^decimals, as emit_fixed writes it) */
void nl_put_cstr(struct dctx *d, const char *key, size_t at, size_t len, const char *s);
void nl_put_bool(struct dctx *d, const char *key, size_t at, size_t len, bool v);
void nl_put_flag(struct dctx *d, const char *key, size_t at, size_t len);
void nl_put_fixed(struct dctx *d, const char *key, size_t at, size_t len, int64_t v,
		  unsigned decimals);
/* Values a callback writes beside its own (its shape's beside members: a
 * frequency's channel), published as its own is: the nl_put_* calls
 * between begin and end, after the callback's own value; end is given
 * what begin returned. */
unsigned nl_put_beside_begin(struct dctx *d);
void nl_put_beside_end(struct dctx *d, unsigned mute);

/* Resolve an offset while the echoed request is walked: begin before
 * (target: the frame position it points at), end after; true and pin->path
 * set when a field holds it. */
void nl_fs_pin_begin(struct nl_fsink *fs, struct nl_fpin *pin, size_t target);
bool nl_fs_pin_end(struct nl_fsink *fs, struct nl_fpin *pin);
/* The attribute sets a pin wants (pin->want_sets: a missing attribute is
 * named by them): the walker calls it for each set it walks over c (top:
 * a message's own attributes, before they are walked, even when there are
 * none).  One test of fs->pin when no pin is set. */
void nl_fs_pin_set(struct nl_fsink *fs, const struct nlc *c, const struct nl_attr_set *set,
		   bool top);

/* The kind of a policy entry's value, as the registry lists it ("u32",
 * "enum", "flags", "string", "mac", "bytes"...). */
const char *nl_pol_kind(const struct nl_attr_pol *p);

#endif
