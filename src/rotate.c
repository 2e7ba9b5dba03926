/* rotate.c - see rotate.h.  The rules, as tcpdump's manual states them:
 * -C checks, before a packet is written, whether the file is already
 * larger than the size, and begins FILE1, FILE2...; with -W COUNT the
 * numbers wrap to 0 after COUNT - 1 (a ring of COUNT files) and every
 * name carries its number, zero-padded to the width of COUNT - 1.  -G
 * begins a new file when SECONDS have passed since the current one began,
 * its name FILE through strftime; with -C as well the numbers start again
 * at each -G file; with -W alone (no -C) the run stops once COUNT files
 * are done. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "rotate.h"

void rotate_begin(struct rotate *r, int64_t now)
{
	r->num = 0;
	r->made = 1;
	r->since = now;
}

enum rotate_step rotate_step(struct rotate *r, int64_t now, uint64_t bytes)
{
	if (r->seconds && now - r->since >= (int64_t)r->seconds) {
		if (r->files && !r->size && r->made >= r->files)
			return ROTATE_STOP;
		/* a new period: on the period's grid, not at this frame */
		r->since += (int64_t)((uint64_t)(now - r->since) / r->seconds * r->seconds);
		r->num = 0;
		r->made++;
		return ROTATE_NEXT;
	}
	if (r->size && bytes > r->size) {
		r->num++;
		if (r->files && r->num >= r->files)
			r->num = 0;
		r->made++;
		return ROTATE_NEXT;
	}
	return ROTATE_KEEP;
}

static unsigned digits(uint64_t v)
{
	unsigned n = 1;

	while (v >= 10) {
		v /= 10;
		n++;
	}
	return n;
}

bool rotate_name(const struct rotate *r, char *buf, size_t n)
{
	size_t len;

	if (r->seconds) {
		time_t t = (time_t)r->since;
		struct tm tm;
		if (!localtime_r(&t, &tm))
			return false;
		len = strftime(buf, n, r->pattern, &tm);
		if (!len && *r->pattern)
			return false;	/* does not fit (or makes nothing) */
	} else {
		len = strlen(r->pattern);
		if (len >= n)
			return false;
		memcpy(buf, r->pattern, len + 1);
	}
	if (!r->size || (!r->num && !r->files))
		return true;
	unsigned w = r->files ? digits(r->files - 1) : 1;
	int k = snprintf(buf + len, n - len, "%0*llu", (int)w, (unsigned long long)r->num);
	return k > 0 && (size_t)k < n - len;
}
