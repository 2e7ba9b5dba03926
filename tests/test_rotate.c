/* test_rotate.c - the -C/-G/-W rules of rotate.c: names and bounds. */
#include <stdlib.h>

#include "rotate.h"
#include "t.h"

static const char *name(const struct rotate *r)
{
	static char buf[256];

	return rotate_name(r, buf, sizeof(buf)) ? buf : "(too long)";
}

/* -C alone: FILE, FILE1, FILE2... when the file is larger than the size */
static void test_size(void)
{
	struct rotate r = { .pattern = "cap.pcapng", .size = 1000000 };

	rotate_begin(&r, 100);
	CHECK_STR(name(&r), "cap.pcapng");
	CHECK_EQ(rotate_step(&r, 100, 1000000), ROTATE_KEEP);	/* not larger */
	CHECK_EQ(rotate_step(&r, 100, 1000001), ROTATE_NEXT);
	CHECK_STR(name(&r), "cap.pcapng1");
	for (int i = 0; i < 9; i++)
		CHECK_EQ(rotate_step(&r, 101, 2000000), ROTATE_NEXT);
	CHECK_STR(name(&r), "cap.pcapng10");
	CHECK_EQ(r.made, 11);
}

/* -C with -W: a ring of COUNT files, every name numbered, zero-padded */
static void test_ring(void)
{
	struct rotate r = { .pattern = "ring", .size = 10, .files = 3 };

	rotate_begin(&r, 0);
	CHECK_STR(name(&r), "ring0");
	CHECK_EQ(rotate_step(&r, 0, 11), ROTATE_NEXT);
	CHECK_STR(name(&r), "ring1");
	CHECK_EQ(rotate_step(&r, 0, 11), ROTATE_NEXT);
	CHECK_STR(name(&r), "ring2");
	CHECK_EQ(rotate_step(&r, 0, 11), ROTATE_NEXT);
	CHECK_STR(name(&r), "ring0");	/* overwritten: never more than 3 */

	struct rotate w = { .pattern = "w", .size = 10, .files = 12 };
	rotate_begin(&w, 0);
	CHECK_STR(name(&w), "w00");
	for (int i = 0; i < 11; i++)
		rotate_step(&w, 0, 11);
	CHECK_STR(name(&w), "w11");
	rotate_step(&w, 0, 11);
	CHECK_STR(name(&w), "w00");
}

/* -G: a new file every SECONDS, its name through strftime (TZ=UTC) */
static void test_time(void)
{
	struct rotate r = { .pattern = "cap-%H%M%S.pcapng", .seconds = 60 };

	rotate_begin(&r, 3600);
	CHECK_STR(name(&r), "cap-010000.pcapng");
	CHECK_EQ(rotate_step(&r, 3659, 1u << 30), ROTATE_KEEP);
	CHECK_EQ(rotate_step(&r, 3660, 0), ROTATE_NEXT);
	CHECK_STR(name(&r), "cap-010100.pcapng");
	/* a quiet spell: the next file starts on the period's grid */
	CHECK_EQ(rotate_step(&r, 3660 + 150, 0), ROTATE_NEXT);
	CHECK_STR(name(&r), "cap-010300.pcapng");
	CHECK_EQ(r.since, 3780);
}

/* -G with -W alone: stop once COUNT files are done */
static void test_time_count(void)
{
	struct rotate r = { .pattern = "g", .seconds = 10, .files = 2 };

	rotate_begin(&r, 0);
	CHECK_EQ(rotate_step(&r, 10, 0), ROTATE_NEXT);
	CHECK_EQ(rotate_step(&r, 15, 0), ROTATE_KEEP);
	CHECK_EQ(rotate_step(&r, 20, 0), ROTATE_STOP);
	CHECK_EQ(r.made, 2);
}

/* -G with -C: numbered within each period, from the period's name */
static void test_time_size(void)
{
	struct rotate r = { .pattern = "p%M", .seconds = 60, .size = 5 };

	rotate_begin(&r, 0);
	CHECK_STR(name(&r), "p00");
	CHECK_EQ(rotate_step(&r, 1, 6), ROTATE_NEXT);
	CHECK_STR(name(&r), "p001");
	CHECK_EQ(rotate_step(&r, 60, 0), ROTATE_NEXT);
	CHECK_STR(name(&r), "p01");
}

/* a name that does not fit is said, not cut */
static void test_long(void)
{
	struct rotate r = { .pattern = "abcdef", .size = 1 };
	char small[7];

	rotate_begin(&r, 0);
	CHECK(rotate_name(&r, small, sizeof(small)));
	rotate_step(&r, 0, 2);
	CHECK(!rotate_name(&r, small, sizeof(small)));
	CHECK(!rotate_name(&r, small, 3));
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	test_size();
	test_ring();
	test_time();
	test_time_count();
	test_time_size();
	test_long();
	return t_done("test_rotate");
}
