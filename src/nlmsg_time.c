/* nlmsg_time.c - a frame's time: its normalisation, the summary's time
 * formats (-t...), the JSON "time".
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "nlcore.h"
#include "nlmsg_priv.h"

#define NSEC_PER_SEC 1000000000

void nl_frame_set_time(struct nl_frame *f, int64_t sec, int64_t nsec)
{
	int64_t carry = nsec / NSEC_PER_SEC;

	nsec %= NSEC_PER_SEC;
	if (nsec < 0) {
		nsec += NSEC_PER_SEC;
		carry--;
	}
	f->sec = (int64_t)((uint64_t)sec + (uint64_t)carry);
	f->nsec = (uint32_t)nsec;
}

/* The frame's time with the fraction below one second (a frame made
 * elsewhere than nl_frame_set_time may carry more). */
void frame_time(const struct nl_frame *f, int64_t *sec, uint32_t *nsec)
{
	*sec = (int64_t)((uint64_t)f->sec + f->nsec / NSEC_PER_SEC);
	*nsec = f->nsec % NSEC_PER_SEC;
}

static void frac_digits(char *out, uint32_t v, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		out[i] = (char)('0' + v % 10);
		v /= 10;
	}
	out[n] = 0;
}

/* A signed time in seconds, sec + nsec / 10^9 (0 <= nsec < 10^9), as
 * [-]S.ffffff: before 1970 or going backwards is a minus sign and the
 * magnitude (-0.500000 is half a second before), never -1.500000. */
static void signed_time(struct emitter *e, int64_t sec, uint32_t nsec)
{
	uint32_t us = nsec / 1000;
	uint64_t mag = (uint64_t)sec;
	char fb[16];

	if (sec < 0) {
		mag = -(uint64_t)sec;
		if (us) {
			mag--;
			us = 1000000 - us;
		}
	}
	frac_digits(fb, us, 6);
	emit_sum(e, "%s%llu.%s ", sec < 0 && (mag || us) ? "-" : "", (unsigned long long)mag, fb);
}

void time_text(struct nlstate *st, struct emitter *e, const struct nl_frame *f)
{
	struct nl_clock *k = &st->clock;
	int64_t s;
	uint32_t ns;
	uint32_t us;	/* times print in microseconds, as tcpdump's */
	const int nd = 6;
	char fb[16];

	frame_time(f, &s, &ns);
	us = ns / 1000;
	switch (st->opts.tfmt) {
	case NLT_NONE:
		return;
	case NLT_EPOCH:
		signed_time(e, s, ns);
		return;
	case NLT_DELTA:
	case NLT_SINCE_FIRST: {
		int64_t bs = st->opts.tfmt == NLT_DELTA ? k->prev_sec : k->first_sec;
		uint32_t bn = st->opts.tfmt == NLT_DELTA ? k->prev_nsec : k->first_nsec;
		int64_t ds = (int64_t)((uint64_t)s - (uint64_t)bs);
		int64_t dn = (int64_t)ns - bn;
		if (dn < 0) {
			dn += NSEC_PER_SEC;
			ds--;
		}
		signed_time(e, ds, (uint32_t)dn);
		return;
	}
	default:
		if (!emit_want_summary(e))
			return;
		if (!k->tcache_ok || s != k->tcache_sec) {
			time_t t = (time_t)s;
			struct tm tm = { 0 };
			localtime_r(&t, &tm);
			if (st->opts.tfmt == NLT_DATE)
				snprintf(k->tcache, sizeof(k->tcache), "%04d-%02d-%02d %02d:%02d:%02d.",
					 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
					 tm.tm_hour, tm.tm_min, tm.tm_sec);
			else
				snprintf(k->tcache, sizeof(k->tcache), "%02d:%02d:%02d.",
					 tm.tm_hour, tm.tm_min, tm.tm_sec);
			k->tcache_sec = s;
			k->tcache_ok = true;
		}
		emit_sum_lit(e, k->tcache);
		frac_digits(fb, us, nd);
		fb[nd] = ' ';
		fb[nd + 1] = 0;
		emit_sum_lit(e, fb);
		return;
	}
}

void line_head(struct nlstate *st, struct emitter *e, const struct nl_frame *f)
{
	if (st->opts.number)	/* as tcpdump -# writes it */
		emit_sum(e, "%5llu  ", (unsigned long long)f->no);
	time_text(st, e, f);
}

/* The JSON "time" of a frame: ISO 8601 in UTC, microseconds (out: 40 bytes). */
void time_iso(struct nlstate *st, const struct nl_frame *f, char *out)
{
	struct nl_clock *k = &st->clock;
	int64_t s;
	uint32_t ns;

	frame_time(f, &s, &ns);
	if (!k->jcache_ok || s != k->jcache_sec) {	/* gmtime_r once a second */
		struct tm tm = { 0 };
		time_t t = (time_t)s;
		gmtime_r(&t, &tm);
		snprintf(k->jcache, sizeof(k->jcache), "%04d-%02d-%02dT%02d:%02d:%02d.",
			 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
			 tm.tm_min, tm.tm_sec);
		k->jcache_sec = s;
		k->jcache_ok = true;
	}
	size_t n = strlen(k->jcache);
	memcpy(out, k->jcache, n);
	frac_digits(out + n, ns / 1000, 6);
	out[n + 6] = 'Z';
	out[n + 7] = 0;
}

/* A frame's time in microseconds since the epoch (-tt's time_epoch). */
int64_t time_epoch_us(const struct nl_frame *f)
{
	int64_t s;
	uint32_t ns;

	frame_time(f, &s, &ns);
	return (int64_t)((uint64_t)s * 1000000u + ns / 1000);
}

void time_json(struct nlstate *st, struct emitter *e, const struct nl_frame *f)
{
	char out[sizeof(st->clock.jcache) + 8];

	time_iso(st, f, out);
	emit_cstr(e, "time", out);
	/* -tt: the same time as a number of seconds, for arithmetic */
	if (st->opts.tfmt == NLT_EPOCH)
		emit_fixed(e, "time_epoch", time_epoch_us(f), 6);
}
