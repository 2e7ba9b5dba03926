/* t.h - the tiny assert helper of the unit tests, and a guard-page buffer.
 * CHECK counts a failure and goes on; main returns T_DONE(). */
#ifndef NLDUMP_T_H
#define NLDUMP_T_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static int t_fails, t_checks;

#define CHECK(cond) do { \
	t_checks++; \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
		t_fails++; \
	} \
} while (0)

#define CHECK_EQ(a, b) do { \
	unsigned long long a_ = (unsigned long long)(a), b_ = (unsigned long long)(b); \
	t_checks++; \
	if (a_ != b_) { \
		fprintf(stderr, "%s:%d: CHECK failed: %s == %s (0x%llx != 0x%llx)\n", \
			__FILE__, __LINE__, #a, #b, a_, b_); \
		t_fails++; \
	} \
} while (0)

#define CHECK_STR(a, b) do { \
	const char *a_ = (a), *b_ = (b); \
	t_checks++; \
	if (!a_ || !b_ || strcmp(a_, b_)) { \
		fprintf(stderr, "%s:%d: CHECK failed: %s == \"%s\" (got \"%s\")\n", \
			__FILE__, __LINE__, #a, b_ ? b_ : "(null)", a_ ? a_ : "(null)"); \
		t_fails++; \
	} \
} while (0)

static inline int t_done(const char *name)
{
	fprintf(stderr, "%s: %d checks, %d failed\n", name, t_checks, t_fails);
	return t_fails ? 1 : 0;
}

/* Copy n bytes to the very end of a readable page that is followed by a
 * PROT_NONE page: any read past the n bytes faults.  One buffer at a time
 * (the previous one is unmapped). */
static inline const uint8_t *t_guard(const void *src, size_t n)
{
	static uint8_t *map;
	static size_t maplen;
	size_t pg = (size_t)sysconf(_SC_PAGESIZE);
	size_t body = (n + pg - 1) / pg * pg;

	if (!body)
		body = pg;
	if (map)
		munmap(map, maplen);
	maplen = body + pg;
	map = mmap(NULL, maplen, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED) {
		perror("mmap");
		exit(2);
	}
	if (mprotect(map + body, pg, PROT_NONE)) {
		perror("mprotect");
		exit(2);
	}
	uint8_t *p = map + body - n;
	if (n)
		memcpy(p, src, n);
	return p;
}

#endif
