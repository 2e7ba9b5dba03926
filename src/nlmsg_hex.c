/* nlmsg_hex.c - -x: the bytes of a message in hex. */
#include "nlcore.h"
#include "nlmsg_priv.h"

void hexdump(struct emitter *e, const struct nlc *m)
{
	struct nlc t = *m;
	size_t n;
	const uint8_t *p = nlc_rest(&t, &n);
	struct sbuf b = { 0 };

	if (!p)
		return;
	if (e->mode == EMIT_JSON) {
		emit_hex(e, "hex", p, n);
		return;
	}
	for (size_t off = 0; off < n; off += 16) {
		sbuf_reset(&b);
		sbuf_printf(&b, "\t0x%04zx: ", off);
		for (size_t i = off; i < off + 16 && i < n; i++)
			sbuf_printf(&b, "%s%02x", (i - off) % 2 ? "" : " ", p[i]);
		emit_raw_line(e, b.p, b.len);
	}
	sbuf_free(&b);
}
