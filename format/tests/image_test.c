/*
** image_test.c -- Criterion tests of the image container: round trips, one
** status per corruption class, determinism, allocation failure, fuzzing.
** Module: format tests.
*/
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format/image.h"
#include "format/tests/testlib.h"

#define MAXSIZE (64u << 20)

static TAlloc ta;
static fmt_Allocator A;
static char err[256];

static void setup(void) { A = ta_make(&ta); }

TestSuite(image, .init = setup);

/* Writes [img] with the given options; aborts the test on failure. */
static uint8_t *write_img(const fmt_Image *img, int compress, int level, size_t *n) {
  fmt_WriteOptions o = {compress, level};
  uint8_t *out;
  cr_assert_eq(fmt_image_write(img, &o, A, &out, n), FMT_OK);
  return out;
}

static void free_buf(uint8_t *b, size_t n) { A.f(A.ud, b, n, 0); }

static fmt_Status read_img(const uint8_t *b, size_t n, fmt_Image **out) {
  return fmt_image_read(b, n, MAXSIZE, A, out, err, sizeof err);
}

static void round_trip(int compress, int stripped) {
  fmt_Image *img = sample_image(A);
  img->stripped = (uint8_t)stripped;
  size_t n;
  uint8_t *b = write_img(img, compress, 19, &n);
  fmt_Image *back;
  cr_assert_eq(read_img(b, n, &back), FMT_OK, "%s", err);
  img->stripped = 0;
  cr_assert(img_equal(img, back, stripped));
  cr_assert_eq(back->stripped, stripped);
  cr_assert_eq(back->nchunks, 3);
  cr_assert_eq(back->chunks[0].name.len, 0);
  cr_assert_str_eq(back->chunks[1].name.s, "lib.util");
  fmt_image_free(back, A);
  fmt_image_free(img, A);
  free_buf(b, n);
  cr_assert_eq(ta.live, 0, "leaked %zu bytes", ta.live);
}

Test(image, round_trip_zstd) { round_trip(1, 0); }
Test(image, round_trip_raw) { round_trip(0, 0); }
Test(image, round_trip_zstd_stripped) { round_trip(1, 1); }
Test(image, round_trip_raw_stripped) { round_trip(0, 1); }

Test(image, special_constants_survive) {
  fmt_Image *img = sample_image(A);
  size_t n;
  uint8_t *b = write_img(img, 1, 3, &n);
  fmt_Image *back;
  cr_assert_eq(read_img(b, n, &back), FMT_OK, "%s", err);
  const fmt_Const *k = back->chunks[0].main->k;
  cr_assert_eq(k[2].u.s.len, 8);
  cr_assert(memcmp(k[2].u.s.s, "hi\0there", 9) == 0);
  cr_assert_eq(k[3].u.i, INT64_MIN);
  cr_assert(k[5].u.n != k[5].u.n);                   /* NaN */
  cr_assert(k[6].u.n == 0.0 && 1.0 / k[6].u.n < 0);   /* -0.0 */
  cr_assert(k[7].u.n > 1e308 && k[8].u.n < -1e308);   /* +-inf */
  cr_assert_eq(k[13].u.s.len, 0);
  cr_assert_eq(k[13].u.s.s[0], '\0');
  fmt_image_free(back, A);
  fmt_image_free(img, A);
  free_buf(b, n);
}

Test(image, deterministic) {
  fmt_Image *img = sample_image(A);
  for (int c = 0; c <= 1; c++) {
    size_t n1, n2, n3;
    uint8_t *b1 = write_img(img, c, 19, &n1);
    uint8_t *b2 = write_img(img, c, 19, &n2);
    cr_assert_eq(n1, n2);
    cr_assert(memcmp(b1, b2, n1) == 0);
    fmt_Image *back;
    cr_assert_eq(read_img(b1, n1, &back), FMT_OK, "%s", err);
    uint8_t *b3 = write_img(back, c, 19, &n3);  /* write(read(x)) == x */
    cr_assert_eq(n1, n3);
    cr_assert(memcmp(b1, b3, n1) == 0);
    fmt_image_free(back, A);
    free_buf(b1, n1);
    free_buf(b2, n2);
    free_buf(b3, n3);
  }
  fmt_image_free(img, A);
  cr_assert_eq(ta.live, 0);
}

Test(image, header_layout) {
  fmt_Image *img = sample_image(A);
  size_t n;
  uint8_t *b = write_img(img, 1, 5, &n);
  cr_assert(fmt_is_image(b, n));
  cr_assert(memcmp(b, "\x1bPCL", 4) == 0);
  cr_assert_eq(b[4], FMT_VERSION_MAJOR);
  cr_assert_eq(b[5], FMT_VERSION_MINOR);
  cr_assert_eq(b[6], FMT_FLAG_ZSTD);
  cr_assert_eq((size_t)(b[12] | b[13] << 8 | b[14] << 16 | (uint32_t)b[15] << 24), n - FMT_HEADER_SIZE);
  fmt_image_free(img, A);
  free_buf(b, n);
}

/* ------------------------------------------------------- corruption classes */

static uint8_t *sample_bytes(int compress, size_t *n) {
  fmt_Image *img = sample_image(A);
  uint8_t *b = write_img(img, compress, 3, n);
  fmt_image_free(img, A);
  return b;
}

static void expect(const uint8_t *b, size_t n, fmt_Status want) {
  fmt_Image *img = (fmt_Image *)1;
  fmt_Status st = read_img(b, n, &img);
  cr_assert_eq(st, want, "got %s (%s), want %s", fmt_status_name(st), err, fmt_status_name(want));
  cr_assert_null(img);
  cr_assert_neq(err[0], '\0');
}

Test(image, not_an_image) {
  const uint8_t text[] = "print('hello')\n";
  cr_assert(!fmt_is_image(text, sizeof text));
  expect(text, sizeof text, FMT_ENOTIMAGE);
  expect(text, 2, FMT_ENOTIMAGE);
  expect(text, 0, FMT_ENOTIMAGE);
}

Test(image, version_too_new) {
  size_t n;
  uint8_t *b = sample_bytes(1, &n);
  b[5] = FMT_VERSION_MINOR + 1;
  expect(b, n, FMT_EVERSION);
  cr_assert(strstr(err, "1.2") && strstr(err, "1.1"), "%s", err);
  b[5] = 0;
  b[4] = 2;
  expect(b, n, FMT_EVERSION);
  cr_assert(strstr(err, "image version 2.0 is not supported (this runtime reads 1.1 and older minors)"),
            "%s", err);
  b[4] = 0;
  expect(b, n, FMT_EVERSION);
  free_buf(b, n);
}

Test(image, truncated) {
  size_t n;
  uint8_t *b = sample_bytes(1, &n);
  expect(b, n - 1, FMT_ETRUNCATED);
  expect(b, FMT_HEADER_SIZE, FMT_ETRUNCATED);
  expect(b, 10, FMT_ETRUNCATED);
  expect(b, 4, FMT_ETRUNCATED);
  free_buf(b, n);
}

/* string.dump's form: fmt_luaprefix, then an image. */
Test(image, lua_prefix) {
  size_t n, i;
  uint8_t *img = sample_bytes(1, &n);
  size_t pn = FMT_LUAPREFIX_SIZE + n;
  uint8_t *b = malloc(pn);
  fmt_Image *back;
  cr_assert_not_null(b);
  memcpy(b, fmt_luaprefix, FMT_LUAPREFIX_SIZE);
  memcpy(b + FMT_LUAPREFIX_SIZE, img, n);
  cr_assert(fmt_is_image(b, pn));
  cr_assert_eq(read_img(b, pn, &back), FMT_OK, "%s", err);
  fmt_image_free(back, A);
  for (i = 4; i < pn; i++)   /* every cut is a truncation */
    expect(b, i, FMT_ETRUNCATED);
  for (i = 4; i < FMT_LUAPREFIX_SIZE; i++) {   /* any other header is refused */
    b[i] ^= 1;
    expect(b, pn, FMT_ENOTIMAGE);
    b[i] ^= 1;
  }
  memset(b + FMT_LUAPREFIX_SIZE, 0, n);   /* lua5.4's own chunk after its header */
  expect(b, pn, FMT_ENOTIMAGE);
  cr_assert(strstr(err, "not a piccolo image"), "%s", err);
  free(b);
  free_buf(img, n);
  cr_assert_eq(ta.live, 0, "leaked %zu bytes", ta.live);
}

Test(image, checksum_mismatch) {
  size_t n;
  uint8_t *b = sample_bytes(1, &n);
  size_t where[] = {6, 8, 16, 23, FMT_HEADER_SIZE, n / 2, n - 1};
  for (size_t i = 0; i < sizeof where / sizeof *where; i++) {
    b[where[i]] ^= 0x10;
    expect(b, n, FMT_ECHECKSUM);
    b[where[i]] ^= 0x10;
  }
  fmt_Image *ok;  /* restored: reads again */
  cr_assert_eq(read_img(b, n, &ok), FMT_OK, "%s", err);
  fmt_image_free(ok, A);
  free_buf(b, n);
}

Test(image, decompression_failure) {
  size_t n;
  uint8_t *b = sample_bytes(1, &n);
  /* Garbage where the zstd frame was, correctly checksummed. */
  for (size_t i = FMT_HEADER_SIZE; i < n; i++) b[i] = (uint8_t)(i * 7);
  reseal(b, n);
  expect(b, n, FMT_EDECOMPRESS);
  free_buf(b, n);
  /* A valid frame, but its content size differs from the declared size. */
  b = sample_bytes(1, &n);
  b[8] ^= 1;
  reseal(b, n);
  expect(b, n, FMT_EDECOMPRESS);
  /* A valid frame cut short (stored size adjusted, checksum valid). */
  uint32_t ss = (uint32_t)(n - FMT_HEADER_SIZE - 3);
  b[8] ^= 1;
  b[12] = (uint8_t)ss; b[13] = (uint8_t)(ss >> 8); b[14] = (uint8_t)(ss >> 16); b[15] = (uint8_t)(ss >> 24);
  reseal(b, n - 3);
  expect(b, n - 3, FMT_EDECOMPRESS);
  free_buf(b, n);
}

Test(image, size_over_limit) {
  size_t n;
  uint8_t *b = sample_bytes(1, &n);
  fmt_Image *img = (fmt_Image *)1;
  cr_assert_eq(fmt_image_read(b, n, 16, A, &img, err, sizeof err), FMT_ETOOLARGE);
  cr_assert_null(img);
  /* A lying declared size (4 GiB - 1) is refused before any allocation. */
  b[8] = b[9] = b[10] = b[11] = 0xFF;
  reseal(b, n);
  size_t before = ta.peak;
  expect(b, n, FMT_ETOOLARGE);
  cr_assert_eq(ta.peak, before);
  free_buf(b, n);
}

Test(image, malformed_payload) {
  size_t n;
  uint8_t *b = sample_bytes(0, &n);
  /* nchunks = 0 */
  uint8_t *c = malloc(n);
  memcpy(c, b, n);
  memset(c + FMT_HEADER_SIZE, 0, 4);
  reseal(c, n);
  expect(c, n, FMT_EMALFORMED);
  /* Lying chunk count. */
  memcpy(c, b, n);
  memset(c + FMT_HEADER_SIZE, 0xFF, 4);
  reseal(c, n);
  expect(c, n, FMT_EMALFORMED);
  /* Unknown flag bits. */
  memcpy(c, b, n);
  c[7] = 0x80;
  reseal(c, n);
  expect(c, n, FMT_EMALFORMED);
  /* Trailing byte inside the payload (sizes and checksum consistent). */
  free(c);
  c = malloc(n + 1);
  memcpy(c, b, n);
  c[n] = 0;
  uint32_t s = (uint32_t)(n + 1 - FMT_HEADER_SIZE);
  for (int i = 0; i < 4; i++) c[8 + i] = c[12 + i] = (uint8_t)(s >> (8 * i));
  reseal(c, n + 1);
  expect(c, n + 1, FMT_EMALFORMED);
  cr_assert(strstr(err, "trailing"), "%s", err);
  /* Trailing bytes after the stored payload. */
  memcpy(c, b, n);
  expect(c, n + 1, FMT_EMALFORMED);
  free(c);
  free_buf(b, n);
}

/* Appends a little-endian u32. */
static size_t put32(uint8_t *p, size_t at, uint32_t v) {
  for (int i = 0; i < 4; i++) p[at + i] = (uint8_t)(v >> (8 * i));
  return at + 4;
}

/* Builds an uncompressed image around [payload]. */
static uint8_t *wrap(const uint8_t *payload, size_t len, size_t *n) {
  *n = FMT_HEADER_SIZE + len;
  uint8_t *b = calloc(1, *n);
  memcpy(b, FMT_MAGIC, 4);
  b[4] = FMT_VERSION_MAJOR;
  b[5] = FMT_VERSION_MINOR;
  put32(b, 8, (uint32_t)len);
  put32(b, 12, (uint32_t)len);
  memcpy(b + FMT_HEADER_SIZE, payload, len);
  reseal(b, *n);
  return b;
}

Test(image, deep_nesting_is_malformed_not_a_crash) {
  const size_t depth = 1000000, per = 11 + 4 * 4;
  size_t len = 8 + depth * per;
  uint8_t *pl = calloc(1, len);
  size_t at = put32(pl, 0, 1);  /* one chunk */
  at = put32(pl, at, 0);        /* name "" */
  for (size_t i = 0; i < depth; i++) {
    at += 11;                   /* numparams..lastlinedefined */
    at = put32(pl, at, 0);      /* ncode */
    at = put32(pl, at, 0);      /* nk */
    at = put32(pl, at, 0);      /* nupvals */
    at = put32(pl, at, 1);      /* np */
  }
  size_t n;
  uint8_t *b = wrap(pl, at, &n);
  expect(b, n, FMT_EMALFORMED);
  cr_assert(strstr(err, "nested"), "%s", err);
  cr_assert_eq(ta.live, 0);
  free(pl);
  free(b);
}

Test(image, lying_counts_allocate_nothing_big) {
  uint8_t pl[64] = {0};
  size_t at = put32(pl, 0, 1);
  at = put32(pl, at, 0);
  at += 11;
  at = put32(pl, at, 0xFFFFFFFFu);  /* ncode */
  size_t n;
  uint8_t *b = wrap(pl, sizeof pl, &n);
  expect(b, n, FMT_EMALFORMED);
  cr_assert_lt(ta.peak, 4096);
  free(b);
}

Test(image, verify_failure_register) {
  const fmt_Instr code[] = {CREATE_ABCk(OP_MOVE, 9, 0, 0, 0), CREATE_ABCk(OP_RETURN0, 0, 0, 0, 0)};
  fmt_Image *img = code_image(A, code, 2, 2);
  size_t n;
  uint8_t *b = write_img(img, 1, 3, &n);
  expect(b, n, FMT_EVERIFY);
  cr_assert(strstr(err, "main chunk: bad bytecode") && strstr(err, "pc 0") && strstr(err, "register 9"), "%s", err);
  fmt_image_free(img, A);
  free_buf(b, n);
  cr_assert_eq(ta.live, 0);
}

Test(image, verify_failure_jump) {
  const fmt_Instr code[] = {CREATE_sJ(OP_JMP, 5), CREATE_ABCk(OP_RETURN0, 0, 0, 0, 0)};
  fmt_Image *img = code_image(A, code, 2, 2);
  size_t n;
  uint8_t *b = write_img(img, 0, 0, &n);
  expect(b, n, FMT_EVERIFY);
  cr_assert(strstr(err, "jump target 6"), "%s", err);
  fmt_image_free(img, A);
  free_buf(b, n);
}

Test(image, out_of_memory_everywhere) {
  fmt_Image *img = sample_image(A);
  size_t n;
  uint8_t *b = write_img(img, 1, 3, &n);
  size_t base = ta.live;
  int saw_ok = 0;
  for (long k = 0; !saw_ok; k++) {
    ta.nallocs = 0;
    ta.fail_at = k;
    fmt_Image *back;
    fmt_Status st = read_img(b, n, &back);
    cr_assert(st == FMT_OK || st == FMT_ENOMEM, "%s", fmt_status_name(st));
    if (st == FMT_OK) {
      saw_ok = 1;
      fmt_image_free(back, A);
    }
    cr_assert_eq(ta.live, base, "leak after failing allocation %ld", k);
  }
  saw_ok = 0;
  for (long k = 0; !saw_ok; k++) {
    ta.nallocs = 0;
    ta.fail_at = k;
    uint8_t *out;
    size_t on;
    fmt_WriteOptions o = {k % 2, 3};
    fmt_Status st = fmt_image_write(img, &o, A, &out, &on);
    cr_assert(st == FMT_OK || st == FMT_ENOMEM);
    if (st == FMT_OK) {
      saw_ok = 1;
      free_buf(out, on);
    }
    cr_assert_eq(ta.live, base);
  }
  ta.fail_at = -1;
  fmt_image_free(img, A);
  free_buf(b, n);
  cr_assert_eq(ta.live, 0);
}

/* ------------------------------------------------------------------ fuzzing */

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint32_t rnd(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (uint32_t)(rng >> 11);
}

/* Reads [b]; must fail cleanly or give an image that verifies; no leaks. */
static int try_read(const uint8_t *b, size_t n) {
  fmt_Image *img;
  fmt_Status st = read_img(b, n, &img);
  if (st == FMT_OK) {
    for (uint32_t i = 0; i < img->nchunks; i++)
      cr_assert_eq(fmt_verify(img->chunks[i].main, err, sizeof err), FMT_OK);
    fmt_image_free(img, A);
  } else {
    cr_assert_null(img);
  }
  cr_assert_eq(ta.live, 0);
  return st;
}

static void fuzz(int compress, int resealed, int rounds) {
  size_t n;
  uint8_t *orig = sample_bytes(compress, &n);
  uint8_t *b = malloc(n);
  memcpy(b, orig, n);
  free_buf(orig, n);
  cr_assert_eq(ta.live, 0);
  uint8_t *m = malloc(n);
  int counts[FMT_ENOMEM + 1] = {0};
  for (int r = 0; r < rounds; r++) {
    memcpy(m, b, n);
    size_t len = n;
    switch (rnd() % 4) {
      case 0: m[rnd() % n] = (uint8_t)rnd(); break;
      case 1: m[rnd() % n] ^= (uint8_t)(1u << (rnd() % 8)); break;
      case 2: len = rnd() % n; break;
      default:  /* several flips in the payload */
        for (int j = 0; j < 4; j++) m[FMT_HEADER_SIZE + rnd() % (n - FMT_HEADER_SIZE)] ^= (uint8_t)rnd();
    }
    if (resealed && len > FMT_HEADER_SIZE) {
      uint32_t s = (uint32_t)(len - FMT_HEADER_SIZE);
      if (!compress) put32(m, 8, s);
      put32(m, 12, s);
      reseal(m, len);
    }
    counts[try_read(m, len)]++;
  }
  cr_log_info("fuzz compress=%d resealed=%d: ok %d checksum %d malformed %d verify %d decompress %d",
              compress, resealed, counts[FMT_OK], counts[FMT_ECHECKSUM], counts[FMT_EMALFORMED],
              counts[FMT_EVERIFY], counts[FMT_EDECOMPRESS]);
  if (resealed && !compress) cr_assert_gt(counts[FMT_EVERIFY], 0);
  free(m);
  free(b);
}

Test(image, fuzz_raw_flips) { fuzz(1, 0, 20000); }
Test(image, fuzz_raw_flips_uncompressed) { fuzz(0, 0, 20000); }
Test(image, fuzz_resealed_uncompressed) { fuzz(0, 1, 200000); }
Test(image, fuzz_resealed_compressed) { fuzz(1, 1, 50000); }

Test(image, every_zstd_level_and_a_large_image) {
  const fmt_Instr code[] = {CREATE_ABx(OP_LOADK, 0, 19999), CREATE_ABCk(OP_RETURN0, 0, 0, 0, 0)};
  fmt_Image *img = code_image(A, code, 2, 2);
  fmt_Proto *p = img->chunks[0].main;
  fmt_Const *k = A.f(A.ud, NULL, 0, 20000 * sizeof *k);
  memcpy(k, p->k, p->nk * sizeof *k);
  A.f(A.ud, p->k, p->nk * sizeof *k, 0);
  for (uint32_t i = p->nk; i < 20000; i++) {
    char s[32];
    int len = snprintf(s, sizeof s, "key%u", i * 2654435761u);
    k[i].kind = FMT_K_STR;
    k[i].u.s = tp_str(A, s, (uint32_t)len);
  }
  p->k = k;
  p->nk = 20000;
  for (int level = -5; level <= 25; level += (level < 3 || level >= 19) ? 1 : 4) {
    size_t n;
    uint8_t *b = write_img(img, 1, level, &n);
    fmt_Image *back;
    cr_assert_eq(read_img(b, n, &back), FMT_OK, "level %d: %s", level, err);
    cr_assert(img_equal(img, back, 0));
    fmt_image_free(back, A);
    free_buf(b, n);
  }
  fmt_image_free(img, A);
  cr_assert_eq(ta.live, 0);
}
