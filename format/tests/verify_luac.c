/*
** verify_luac.c -- reads raw image payloads (from luac_to_payload.py), wraps each
** in a valid uncompressed header and reads it with fmt_image_read, which
** verifies it. Exits 1 if any is rejected. Module: format tests.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "format/image.h"

static void *plain_alloc(void *ud, void *p, size_t osize, size_t nsize) {
  (void)ud;
  (void)osize;
  if (nsize == 0) {
    free(p);
    return NULL;
  }
  return realloc(p, nsize);
}

/* Reads the payload file [path] and returns 1 if it reads and verifies. */
static int check_file(const char *path) {
  FILE *fp = fopen(path, "rb");
  if (fp == NULL || fseek(fp, 0, SEEK_END) != 0) {
    fprintf(stderr, "%s: cannot open\n", path);
    return 0;
  }
  long len = ftell(fp);
  rewind(fp);
  uint8_t *b = calloc(1, FMT_HEADER_SIZE + (size_t)len);
  if (b == NULL || fread(b + FMT_HEADER_SIZE, 1, (size_t)len, fp) != (size_t)len) {
    fclose(fp);
    free(b);
    fprintf(stderr, "%s: cannot read\n", path);
    return 0;
  }
  fclose(fp);
  memcpy(b, FMT_MAGIC, 4);
  b[4] = FMT_VERSION_MAJOR;
  b[5] = FMT_VERSION_MINOR;
  for (int i = 0; i < 4; i++) b[8 + i] = b[12 + i] = (uint8_t)((unsigned long)len >> (8 * i));
  uint64_t h = XXH3_64bits_withSeed(b + FMT_HEADER_SIZE, (size_t)len, XXH3_64bits(b, 16));
  for (int i = 0; i < 8; i++) b[16 + i] = (uint8_t)(h >> (8 * i));
  fmt_Allocator a = {plain_alloc, NULL};
  fmt_Image *img;
  char err[300];
  fmt_Status st = fmt_image_read(b, FMT_HEADER_SIZE + (size_t)len, 1u << 30, a, &img, err, sizeof err);
  free(b);
  if (st != FMT_OK) {
    fprintf(stderr, "%s: %s: %s\n", path, fmt_status_name(st), err);
    return 0;
  }
  fmt_image_free(img, a);
  return 1;
}

int main(int argc, char **argv) {
  int bad = 0;
  for (int i = 1; i < argc; i++) bad += !check_file(argv[i]);
  printf("%d payloads, %d rejected\n", argc - 1, bad);
  return bad != 0;
}
