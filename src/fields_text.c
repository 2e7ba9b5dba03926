/* fields_text.c - the text helpers of the field registry, which is
 * built at every start of a run with a filter or -e: strings joined
 * without snprintf (it was most of the build's cost), and the edit
 * distance the "did you mean" suggestions are ranked by. */
#include <stdarg.h>
#include <string.h>

#include "fields.h"

/* out (n bytes, n > 0) = the C strings given, up to a NULL, cut to fit;
 * false when cut */
bool fields_cat(char *out, size_t n, ...)
{
	size_t k = 0;
	bool whole = true;
	va_list ap;

	va_start(ap, n);
	for (const char *s; (s = va_arg(ap, const char *));) {
		size_t l = strlen(s);
		if (l >= n - k) {
			l = n - 1 - k;
			whole = false;
		}
		memcpy(out + k, s, l);
		k += l;
	}
	va_end(ap);
	out[k] = 0;
	return whole;
}

/* v in decimal, in t (12 bytes) */
const char *fields_dec(char *t, unsigned v)
{
	char *p = t + 11;

	*p = 0;
	do
		*--p = (char)('0' + v % 10);
	while (v /= 10);
	return p;
}

unsigned fields_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	unsigned row[64];

	if (la > 63 || lb > 63)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		row[j] = (unsigned)j;
	for (size_t i = 1; i <= la; i++) {
		unsigned prev = row[0];
		row[0] = (unsigned)i;
		for (size_t j = 1; j <= lb; j++) {
			unsigned cur = row[j];
			unsigned best = prev + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = cur;
		}
	}
	return row[lb];
}
