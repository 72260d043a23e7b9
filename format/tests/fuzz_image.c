/*
** fuzz_image.c -- libFuzzer entry point for fmt_image_read (not built by Bazel).
** Module: format tests.
**
** Build and run (needs clang):
**   clang -g -O1 -fsanitize=fuzzer,address,undefined -I. format/tests/fuzz_image.c \
**     format/buf.c format/image.c format/opcodes.c format/verify.c -lzstd -lxxhash -lm \
**     -o /tmp/fuzz_image && /tmp/fuzz_image -max_len=65536
** An input starting with 0x1B is read as a whole image. Any other input is a
** selector byte (bit 1: stripped) and a raw payload, wrapped in a valid
** uncompressed header (correct sizes and checksum), so the fuzzer reaches the
** payload decoder and verifier instead of stopping at the checksum.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "format/image.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void *fz_alloc(void *ud, void *p, size_t osize, size_t nsize) {
  (void)ud;
  (void)osize;
  if (nsize == 0) {
    free(p);
    return NULL;
  }
  return realloc(p, nsize);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fmt_Allocator a = {fz_alloc, NULL};
  char err[256];
  fmt_Image *img = NULL;
  if (size > 0 && data[0] != 0x1B) {
    size_t len = size - 1;
    uint8_t *b = malloc(FMT_HEADER_SIZE + len + 1);
    if (b == NULL) return 0;
    memcpy(b, FMT_MAGIC, 4);
    b[4] = FMT_VERSION_MAJOR;
    b[5] = FMT_VERSION_MINOR;
    b[6] = (uint8_t)((data[0] & 2) ? FMT_FLAG_STRIPPED : 0);
    b[7] = 0;
    for (int i = 0; i < 4; i++) b[8 + i] = b[12 + i] = (uint8_t)(len >> (8 * i));
    memcpy(b + FMT_HEADER_SIZE, data + 1, len);
    uint64_t h = XXH3_64bits_withSeed(b + FMT_HEADER_SIZE, len, XXH3_64bits(b, 16));
    for (int i = 0; i < 8; i++) b[16 + i] = (uint8_t)(h >> (8 * i));
    if (fmt_image_read(b, FMT_HEADER_SIZE + len, 1u << 24, a, &img, err, sizeof err) == FMT_OK)
      fmt_image_free(img, a);
    free(b);
    return 0;
  }
  if (fmt_image_read(data, size, 1u << 24, a, &img, err, sizeof err) == FMT_OK) fmt_image_free(img, a);
  return 0;
}
