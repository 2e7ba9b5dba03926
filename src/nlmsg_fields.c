/* nlmsg_fields.c - the field events the netlink core publishes itself
 * (fieldev.h): the nlmsghdr's members and the bytes no decoder reads.  Out
 * of the walk's files, and out of line: without a sink the walk pays one
 * test of d->fs per call site.  And the display filter's verdict on a
 * message, from those events. */
#include "nlmsg_priv.h"

void nl_msg_begin(struct dctx *d)
{
	emit_msg_begin(d->e);
	if (d->st->filter)
		d->st->filter->begin(d->st->filter->arg);
}

void nl_msg_end(struct dctx *d, const struct nl_frame *f, unsigned idx, bool *kept)
{
	struct nl_msg_filter *flt = d->st->filter;

	if (flt && !flt->keep(flt->arg, f, idx, d->nl_flags)) {
		emit_msg_skip(d->e);
		return;
	}
	if (flt) {
		flt->msgs++;
		if (!*kept)
			flt->frames++;
	}
	*kept = true;
	emit_msg_end(d->e);
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
