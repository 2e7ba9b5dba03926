/* nlmsg_fields.c - the field events the netlink core publishes itself
 * (fieldev.h): the nlmsghdr's members and the bytes no decoder reads.  Out
 * of the walk's files, and out of line: without a sink the walk pays one
 * test of d->fs per call site.  And the display filter's verdict on a
 * message, from those events. */
#include <stdio.h>
#include <string.h>

#include "nlmsg_priv.h"
#include "txn.h"

void nl_msg_begin(struct dctx *d)
{
	emit_msg_begin(d->e);
	if (d->st->filter)
		d->st->filter->begin(d->st->filter->arg);
}

/* The problems the emitter was told of (malformed, truncated: the lists
 * closing the JSON object), as events after the walk: a filter tests
 * them (malformed, malformed.reason contains "NUL") and -e extracts them.
 * Their offsets count from the message, as the JSON's do. */
static void fs_problems(struct dctx *d)
{
	static const uint8_t none[1];
	size_t at = d->fs->base;
	struct nlc z = nlc_init(none, 0, 0);	/* no bytes: offset 0, length 0 */
	struct emit_problem p;

	for (int t = 0; t < 2; t++) {
		bool open = false;
		for (unsigned i = 0; emit_problem(d->e, i, &p); i++) {
			if (p.truncated != (t == 1))
				continue;
			if (!open)
				nl_fs_open(d, t ? "truncated" : "malformed", "array", &z);
			open = true;
			nl_fs_open(d, NULL, "struct", &z);
			nl_fs_text(d, "at", at, 0, p.at, strlen(p.at));
			nl_fs_num(d, "offset", "u64", NLFV_UINT, at, 0, p.off, NULL, NULL);
			nl_fs_text(d, "reason", at, 0, p.why, strlen(p.why));
			nl_fs_close(d);
		}
		if (open)
			nl_fs_close(d);
	}
}

void nl_msg_end(struct dctx *d, const struct nl_frame *f, unsigned idx, bool *kept)
{
	struct nl_msg_filter *flt = d->st->filter;

	if (d->fs)
		fs_problems(d);
	if (flt && !flt->keep(flt->arg, f, idx, d->nl_flags)) {
		emit_msg_skip(d->e);
		if (d->fs && d->fs->drop)
			d->fs->drop(d->fs->arg);
		return;
	}
	if (flt) {
		flt->msgs++;
		if (!*kept)
			flt->frames++;
	}
	*kept = true;
	emit_msg_end(d->e);
	if (d->fs && d->fs->end)	/* a kept message's end, for the sink */
		d->fs->end(d->fs->arg);
}

/* Bytes of the message no decoder reads (payload, unparsed): a field event */
void fs_hex(struct dctx *d, const char *key, const uint8_t *p, size_t n, size_t at)
{
	nl_fs_bytes(d, key, "bytes", NLFV_HEX, 0, at, n, p, n);
}

/* The field events of an nlmsghdr at frame position at (whole: the
 * header's 16 bytes were read), flag names by the message's kind. */
void fs_nlmsghdr(struct dctx *d, const struct nlc *hdr, uint32_t len, const char *type_name,
		 uint16_t flags, uint32_t seq, uint32_t pid)
{
	const char *ft[16];
	struct nl_names fnames = { 16, ft };
	size_t at = hdr->pos;

	nl_flag_table(d->req_kind, ft);
	nl_fs_open(d, "nlmsg", "struct", hdr);
	nl_fs_num(d, "len", "u32", NLFV_UINT, at, 4, len, NULL, NULL);
	nl_fs_num(d, "type", "enum", NLFV_ENUM, at + 4, 2, d->nl_type, type_name, NULL);
	nl_fs_num(d, "flags", "u16", NLFV_UINT, at + 6, 2, flags, NULL, NULL);
	nl_fs_num(d, "flag_names", "flags", NLFV_FLAGS, at + 6, 2, flags, NULL, &fnames);
	nl_fs_num(d, "seq", "u32", NLFV_UINT, at + 8, 4, seq, NULL, NULL);
	nl_fs_num(d, "pid", "u32", NLFV_UINT, at + 12, 4, pid, NULL, NULL);
	nl_fs_close(d);
}

/* A number of microseconds as JSON writes it with emit_fixed(v, 6): the
 * shortest form, one decimal at least (1732865766.9068, 5.0). */
static size_t fixed6(char *t, size_t n, int64_t v)
{
	uint64_t m = v < 0 ? 0u - (uint64_t)v : (uint64_t)v;
	int k = snprintf(t, n, "%s%llu.%06llu", v < 0 ? "-" : "",
			 (unsigned long long)(m / 1000000), (unsigned long long)(m % 1000000));
	size_t len = k > 0 ? (size_t)k : 0;

	for (unsigned dec = 6; dec > 1 && len && t[len - 1] == '0'; dec--)
		t[--len] = 0;
	return len;
}

static void fs_name(struct dctx *d, const char *key, const char *kind, const char *s)
{
	nl_fs_bytes(d, key, kind, NLFV_NAME, 0, d->fs->base, 0, (const uint8_t *)s, strlen(s));
}

/* A message starts at d->msg_start; the members frame_prefix writes in
 * JSON as events (not message bytes: offset and length 0), for a sink
 * that wants them. */
void fs_msg_start(struct dctx *d, const struct nl_frame *f, unsigned idx, bool to_kernel,
		  bool inferred, bool big)
{
	if (!d->fs)
		return;
	nl_fs_msg(d->fs, f->no, idx, d->msg_start);
	if (!d->fs->frame_members)
		return;

	size_t at = d->fs->base;
	const char *pn = nl_proto_name(f->proto);
	char t[48];

	nl_fs_num(d, "frame", "u64", NLFV_UINT, at, 0, f->no, NULL, NULL);
	nl_fs_num(d, "index", "u32", NLFV_UINT, at, 0, idx, NULL, NULL);
	time_iso(d->st, f, t);
	fs_name(d, "time", "string", t);
	if (d->st->opts.tfmt == NLT_EPOCH) {
		size_t n = fixed6(t, sizeof(t), time_epoch_us(f));
		nl_fs_bytes(d, "time_epoch", "number", NLFV_BARE, 0, at, 0,
			    (const uint8_t *)t, n);
	}
	fs_name(d, "dir", "enum", to_kernel ? "to_kernel" : "to_user");
	nl_fs_bytes(d, "dir_inferred", "flag", NLFV_BARE, 0, at, 0,
		    (const uint8_t *)(inferred ? "true" : "false"), inferred ? 4 : 5);
	if (pn)
		fs_name(d, "proto", "string", pn);
	nl_fs_num(d, "proto_id", "u32", NLFV_UINT, at, 0, f->proto, NULL, NULL);
	if (big)
		fs_name(d, "byte_order", "string", "big-endian (guessed)");
	if (f->copies > 1)
		nl_fs_num(d, "copies", "u64", NLFV_UINT, at, 0, f->copies, NULL, NULL);
	if (f->copy_of)
		nl_fs_num(d, "copy_of", "u64", NLFV_UINT, at, 0, f->copy_of, NULL, NULL);
	if (f->group) {
		char gb[80];
		const char *gn = nl_group_name(d->st, f->proto, f->group, gb, sizeof(gb));
		nl_fs_push(d, "group");
		nl_fs_num(d, "id", "u32", NLFV_UINT, at, 0, f->group, NULL, NULL);
		if (gn)
			fs_name(d, "name", "string", gn);
		else
			nl_fs_bytes(d, "name", "string", NLFV_NULL, 0, at, 0, NULL, 0);
		nl_fs_close(d);
	}
}

void fs_padding(struct dctx *d, size_t padding)
{
	if (d->fs && d->fs->frame_members)
		nl_fs_num(d, "padding", "u64", NLFV_UINT, d->fs->base, 0, padding, NULL, NULL);
}


/* The members txn_emit writes for an answer (dump on a DONE, txn), with
 * the same values, as events at the message's start with no length (they
 * are not message bytes): after the walk, before the message's end, where
 * the filter and -e see them. */
void fs_txn(struct dctx *d, const struct nlc *m, const struct txn_res *r)
{
	size_t at = d->fs->base;
	struct nlc z = nlc_sub(m, 0);

	if (r->role != TXN_ANSWER)
		return;
	if (r->is_done && r->have_dump) {
		nl_fs_open(d, "dump", "struct", &z);
		nl_fs_num(d, "messages", "u32", NLFV_UINT, at, 0, r->dump.messages, NULL, NULL);
		nl_fs_num(d, "bytes", "u64", NLFV_UINT, at, 0, r->dump.bytes, NULL, NULL);
		nl_fs_num(d, "frames", "u32", NLFV_UINT, at, 0, r->dump.frames, NULL, NULL);
		nl_fs_num(d, "duration_us", "s64", NLFV_SINT, at, 0,
			  (uint64_t)(r->dump.duration_ns / 1000), NULL, NULL);
		if (r->dump.interrupted)
			nl_fs_bytes(d, "interrupted", "flag", NLFV_TRUE, 0, at, 0, NULL, 0);
		nl_fs_close(d);
	}
	nl_fs_open(d, "txn", "struct", &z);
	if (!r->matched) {
		nl_fs_bytes(d, "request", "null", NLFV_NULL, 0, at, 0, NULL, 0);
	} else {
		nl_fs_num(d, "request_frame", "u64", NLFV_UINT, at, 0, r->req_frame, NULL, NULL);
		nl_fs_num(d, "request_index", "u32", NLFV_UINT, at, 0, r->req_index, NULL, NULL);
		nl_fs_num(d, "latency_us", "s64", NLFV_SINT, at, 0,
			  (uint64_t)(r->latency_ns / 1000), NULL, NULL);
		if (r->ambiguous)
			nl_fs_bytes(d, "ambiguous", "flag", NLFV_TRUE, 0, at, 0, NULL, 0);
	}
	nl_fs_close(d);
}
