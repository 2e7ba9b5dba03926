/* fieldev_put.c - a callback's value written and published at once: the
 * emitter call a callback would make, and the field event of the same
 * key and value (fieldev.h), so -T fields, --json -e and filters see what
 * the JSON shows.  Under a callback (nl_fs_cb) the event passes because
 * its key is the callback's own; without a sink only the emitter runs.
 */
#include <stdarg.h>
#include <stdio.h>

#include "dissect.h"
#include "sbuf.h"

void nl_put_uint(struct dctx *d, const char *key, size_t at, size_t len, uint64_t v,
		 enum emit_fmt f)
{
	emit_uint(d->e, key, v, f);
	if (d->fs)
		nl_fs_num(d, key, len == 8 ? "u64" : "u32", NLFV_UINT, at, len, v, NULL, NULL);
}

void nl_put_sint(struct dctx *d, const char *key, size_t at, size_t len, int64_t v)
{
	emit_sint(d->e, key, v);
	if (d->fs)
		nl_fs_num(d, key, "s32", NLFV_SINT, at, len, (uint64_t)v, NULL, NULL);
}

void nl_put_enum_name(struct dctx *d, const char *key, size_t at, size_t len, uint64_t v,
		      const char *name)
{
	emit_enum_name(d->e, key, v, name);
	if (d->fs)
		nl_fs_num(d, key, "enum", NLFV_ENUM, at, len, v, name, NULL);
}

void nl_put_str(struct dctx *d, const char *key, size_t at, size_t len, const uint8_t *p,
		size_t n)
{
	emit_str(d->e, key, p, n);
	if (d->fs)
		nl_fs_bytes(d, key, "string", NLFV_STR, 0, at, len, p, n);
}

void nl_put_addr(struct dctx *d, const char *key, size_t at, enum emit_addr kind,
		 const uint8_t *p, size_t n)
{
	static const char *const kinds[] = { [EA_MAC] = "mac", [EA_IPV4] = "ipv4",
					     [EA_IPV6] = "ipv6" };

	emit_addr(d->e, key, kind, p, n);
	if (d->fs)
		nl_fs_bytes(d, key, kinds[kind], NLFV_ADDR, (uint8_t)kind, at, n, p, n);
}

void nl_put_hex(struct dctx *d, const char *key, size_t at, const uint8_t *p, size_t n)
{
	emit_hex(d->e, key, p, n);
	if (d->fs)
		nl_fs_bytes(d, key, "bytes", NLFV_HEX, 0, at, n, p, n);
}

void nl_put_enum(struct dctx *d, const char *key, size_t at, size_t len, uint64_t v,
		 const struct nl_names *names)
{
	emit_enum(d->e, key, v, names);
	if (d->fs)
		nl_fs_num(d, key, "enum", NLFV_ENUM, at, len, v, NULL, names);
}

void nl_put_flags(struct dctx *d, const char *key, size_t at, size_t len, uint64_t v,
		  const struct nl_names *names)
{
	emit_flags(d->e, key, v, names);
	if (d->fs)
		nl_fs_num(d, key, "flags", NLFV_FLAGS, at, len, v, NULL, names);
}

void nl_put_text(struct dctx *d, const char *key, size_t at, size_t len, const char *fmt, ...)
{
	char t[160];
	struct sbuf b = { 0 };
	const char *s = t;
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(t, sizeof(t), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(t)) {	/* a long text: formatted again, whole */
		va_start(ap, fmt);
		sbuf_vprintf(&b, fmt, ap);
		va_end(ap);
		s = b.p;
		n = (int)b.len;
	}
	emit_text(d->e, key, "%s", s);
	if (d->fs)
		nl_fs_text(d, key, at, len, s, (size_t)n);
	sbuf_free(&b);
}

void nl_put_obj_begin(struct dctx *d, const char *key, const char *kind, const struct nlc *c)
{
	emit_obj_begin(d->e, key);
	if (d->fs)
		nl_fs_open(d, key, kind, c);
}

void nl_put_set_begin(struct dctx *d, const char *key, const char *kind, const struct nlc *c)
{
	emit_set_begin(d->e, key);
	if (d->fs)
		nl_fs_open(d, key, kind, c);
}

void nl_put_obj_end(struct dctx *d)
{
	if (d->fs)
		nl_fs_close(d);
	emit_obj_end(d->e);
}

void nl_put_list_begin(struct dctx *d, const char *key)
{
	emit_list_begin(d->e, key);
	if (d->fs)
		nl_fs_push(d, key);
}

void nl_put_list_end(struct dctx *d)
{
	if (d->fs)
		nl_fs_close(d);
	emit_list_end(d->e);
}

void nl_put_cstr(struct dctx *d, const char *key, size_t at, size_t len, const char *s)
{
	emit_cstr(d->e, key, s);
	if (d->fs)
		nl_fs_bytes(d, key, "string", NLFV_NAME, 0, at, len, (const uint8_t *)s, strlen(s));
}

void nl_put_bool(struct dctx *d, const char *key, size_t at, size_t len, bool v)
{
	emit_bool(d->e, key, v);
	if (d->fs)
		nl_fs_bytes(d, key, "bool", NLFV_BARE, 0, at, len,
			    (const uint8_t *)(v ? "true" : "false"), v ? 4 : 5);
}

void nl_put_flag(struct dctx *d, const char *key, size_t at, size_t len)
{
	emit_flag(d->e, key);
	if (d->fs)
		nl_fs_bytes(d, key, "flag", NLFV_TRUE, 0, at, len, NULL, 0);
}

void nl_put_fixed(struct dctx *d, const char *key, size_t at, size_t len, int64_t v,
		  unsigned decimals)
{
	emit_fixed(d->e, key, v, decimals);
	if (!d->fs)
		return;
	/* the number as JSON writes it: the shortest form, one decimal at
	 * least when it has decimals (-40.0, 5.5) */
	char t[32];
	uint64_t m = v < 0 ? 0u - (uint64_t)v : (uint64_t)v, div = 1;
	unsigned dec = decimals > 6 ? 6 : decimals;

	for (unsigned i = 0; i < dec; i++)
		div *= 10;
	int k = snprintf(t, sizeof(t), "%s%llu", v < 0 ? "-" : "",
			 (unsigned long long)(m / div));
	size_t n = k > 0 ? (size_t)k : 0;
	if (dec) {
		k = snprintf(t + n, sizeof(t) - n, ".%0*llu", (int)dec,
			     (unsigned long long)(m % div));
		n += k > 0 ? (size_t)k : 0;
		for (; dec > 1 && t[n - 1] == '0'; dec--)
			n--;
	}
	nl_fs_bytes(d, key, "fixed", NLFV_BARE, 0, at, len, (const uint8_t *)t, n);
}

unsigned nl_put_beside_begin(struct dctx *d)
{
	struct nl_fsink *fs = d->fs;

	if (!fs)
		return 0;
	unsigned m = fs->mute;
	if (fs->mute && fs->delegated && fs->depth == fs->cb_depth)
		fs->mute = 0;
	return m;
}

void nl_put_beside_end(struct dctx *d, unsigned mute)
{
	if (d->fs)
		d->fs->mute = mute;
}
