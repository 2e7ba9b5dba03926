/* view_paths.c - -T paths: every field event as one line.
 *
 *   FRAME <tab> INDEX <tab> PATH <tab> KIND <tab> OFFSET <tab> LENGTH <tab> VALUE
 *
 * FRAME is the frame number (from 1), INDEX the message's place in its
 * frame (from 0), PATH and KIND as --list-fields says them, OFFSET and
 * LENGTH the value's bytes counted from the message's nlmsghdr (an
 * attribute's payload: its 4-byte header is just before), VALUE the JSON
 * value --json writes for it (strings quoted and escaped as JSON strings
 * are; hex as a string; empty for a nest, struct or list, whose members
 * follow on their own lines).
 */
#include <string.h>

#include "emit.h"
#include "view_paths.h"

#define FLUSH_AT (1u << 16)

void view_paths_addr(struct sbuf *b, const struct nl_field_ev *ev)
{
	/* as emit_addr: a "MAC" longer than any address is hex */
	if (!ev->raw)
		return;
	if (ev->addr == EA_MAC && ev->rawlen > 20)
		sbuf_hex(b, ev->raw, ev->rawlen);
	else if (ev->addr == EA_IPV4 && ev->rawlen == 4)
		sbuf_ipv4(b, ev->raw);
	else if (ev->addr == EA_IPV6 && ev->rawlen == 16)
		sbuf_ipv6(b, ev->raw);
	else
		sbuf_lladdr(b, ev->raw, ev->rawlen);
}

void view_paths_value(struct sbuf *b, const struct nl_field_ev *ev)
{
	const char *nm;

	switch (ev->vt) {
	case NLFV_UINT:
		sbuf_u64(b, ev->u);
		break;
	case NLFV_SINT:
		if (ev->s < 0) {
			sbuf_putc(b, '-');
			sbuf_u64(b, 0u - (uint64_t)ev->s);
		} else {
			sbuf_u64(b, (uint64_t)ev->s);
		}
		break;
	case NLFV_ENUM:
		nm = ev->str ? ev->str : nl_name(ev->names, ev->u);
		if (nm)
			emit_json_string(b, (const uint8_t *)nm, strlen(nm), false);
		else
			sbuf_u64(b, ev->u);
		break;
	case NLFV_FLAGS:
		emit_json_flags(b, ev->u, ev->names);
		break;
	case NLFV_STR:
		emit_json_string(b, (const uint8_t *)(ev->str ? ev->str : ""), ev->slen, true);
		break;
	case NLFV_NAME:
		emit_json_string(b, (const uint8_t *)(ev->str ? ev->str : ""), ev->slen, false);
		break;
	case NLFV_ADDR:
		sbuf_putc(b, '"');
		view_paths_addr(b, ev);
		sbuf_putc(b, '"');
		break;
	case NLFV_HEX:
		sbuf_putc(b, '"');
		if (ev->raw)
			sbuf_hex(b, ev->raw, ev->rawlen);
		sbuf_putc(b, '"');
		break;
	case NLFV_TRUE:
		sbuf_puts(b, "true");
		break;
	case NLFV_NULL:
		sbuf_puts(b, "null");
		break;
	case NLFV_BARE:
		sbuf_put(b, ev->str, ev->slen);
		break;
	default:
		break;	/* a container: its members follow */
	}
}

static void field(void *arg, const struct nl_field_ev *ev)
{
	struct view_paths *v = arg;
	struct sbuf *b = &v->b;

	sbuf_u64(b, v->fs.frame);
	sbuf_putc(b, '\t');
	sbuf_u64(b, v->fs.index);
	sbuf_putc(b, '\t');
	sbuf_put(b, ev->path, ev->pathlen);
	sbuf_putc(b, '\t');
	sbuf_puts(b, ev->kind);
	sbuf_putc(b, '\t');
	sbuf_u64(b, ev->off);
	sbuf_putc(b, '\t');
	sbuf_u64(b, ev->len);
	sbuf_putc(b, '\t');
	view_paths_value(b, ev);
	sbuf_putc(b, '\n');
	if (b->len >= FLUSH_AT && !v->hold)
		view_paths_flush(v);
}

void view_paths_init(struct view_paths *v, FILE *out)
{
	memset(v, 0, sizeof(*v));
	v->out = out;
	v->fs.field = field;
	v->fs.arg = v;
}

bool view_paths_flush(struct view_paths *v)
{
	bool ok = true;

	if (v->b.len && fwrite(v->b.p, 1, v->b.len, v->out) != v->b.len)
		ok = false;
	v->b.len = 0;
	return ok;
}

void view_paths_fini(struct view_paths *v)
{
	view_paths_flush(v);
	sbuf_free(&v->b);
}
