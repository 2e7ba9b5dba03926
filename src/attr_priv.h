/* attr_priv.h - what the attr*.c files share (not part of the engine's API). */
#ifndef NLDUMP_ATTR_PRIV_H
#define NLDUMP_ATTR_PRIV_H

#include "dissect.h"

#define NLA_F_NESTED		0x8000
#define NLA_F_NET_BYTEORDER	0x4000
#define NLA_TYPE_MASK		0x3fff

static inline void show_hex_rest(struct dctx *d, const char *key, struct nlc *c)
{
	size_t n, at = c->pos, len = nlc_rawleft(c);
	const uint8_t *p = nlc_rest(c, &n);

	if (d->fs)
		nl_fs_bytes(d, key, "bytes", NLFV_HEX, 0, at, len, p, p ? n : 0);
	emit_hex(d->e, key, p ? p : (const uint8_t *)"", p ? n : 0);
}

/* Report a cursor's sticky error at its position. */
static inline void report(struct dctx *d, struct nlc *c, const char *what)
{
	if (c->err == NLC_ERR_TRUNCATED)
		emit_truncated(d->e, dctx_off(d, c), nlc_rawleft(c), nlc_capleft(c));
	else if (c->err)
		emit_malformed(d->e, dctx_off(d, c), "%s", what);
}

/* A NLA_KIND_NESTED_ARRAY value: items of attributes of pol's nest. */
void nla_walk_array(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		    struct nlc *c);

#endif
