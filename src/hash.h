/* hash.h - the mixer of the lookup tables (genlmap.c, ifmap.c). */
#ifndef NLDUMP_HASH_H
#define NLDUMP_HASH_H

#include <stdint.h>

/* A 32-bit mixer: every input bit moves every output bit, so keys that
 * differ only in their high bits (k << 16) spread over a table like any
 * others. */
static inline uint32_t mix32(uint32_t x)
{
	x ^= x >> 16;
	x *= 0x7feb352du;
	x ^= x >> 15;
	x *= 0x846ca68bu;
	x ^= x >> 16;
	return x;
}

#endif
