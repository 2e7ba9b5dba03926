/* cursor.c - bounds-checked reads of capture bytes (see cursor.h). */
#include "cursor.h"

#include <string.h>

struct nlc nlc_init(const uint8_t *buf, size_t len, size_t caplen)
{
	struct nlc c = { .base = buf, .pos = 0, .end = len,
			 .capend = caplen < len ? caplen : len,
			 .order = NLC_LE, .err = NLC_OK };
	return c;
}

uint64_t nlc_uint(struct nlc *c, unsigned width, bool big)
{
	const uint8_t *p = nlc_bytes(c, width);
	uint64_t v = 0;
	unsigned i;

	if (!p)
		return 0;
	if (big) {
		for (i = 0; i < width; i++)
			v = (v << 8) | p[i];
	} else {
		for (i = width; i > 0; i--)
			v = (v << 8) | p[i - 1];
	}
	return v;
}

