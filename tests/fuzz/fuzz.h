/* fuzz.h - the fuzz entry point, shared by libFuzzer and the replay driver. */
#ifndef NLDUMP_FUZZ_H
#define NLDUMP_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
