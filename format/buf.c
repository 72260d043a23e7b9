/*
** buf.c -- little-endian byte writer and bounds-checked reader (see buf.h).
** Module: format.
*/
#include "format/buf.h"

#include <string.h>

void fmt_w_init(fmt_Writer *w, fmt_Allocator a) {
  w->a = a;
  w->p = NULL;
  w->n = w->cap = 0;
  w->err = 0;
}

/* Makes room for [extra] more bytes; sets the error flag on failure. */
static int w_reserve(fmt_Writer *w, size_t extra) {
  if (w->err) return 0;
  if (extra > SIZE_MAX / 2 - w->n) { w->err = 1; return 0; }
  if (w->n + extra <= w->cap) return 1;
  size_t ncap = w->cap ? w->cap : 256;
  while (ncap < w->n + extra) ncap *= 2;
  uint8_t *np = w->a.f(w->a.ud, w->p, w->cap, ncap);
  if (np == NULL) { w->err = 1; return 0; }
  w->p = np;
  w->cap = ncap;
  return 1;
}

void fmt_w_bytes(fmt_Writer *w, const void *src, size_t n) {
  if (n == 0 || !w_reserve(w, n)) return;
  memcpy(w->p + w->n, src, n);
  w->n += n;
}

void fmt_w_u8(fmt_Writer *w, uint8_t v) { fmt_w_bytes(w, &v, 1); }

void fmt_w_u32(fmt_Writer *w, uint32_t v) {
  uint8_t b[4];
  fmt_store_u32(b, v);
  fmt_w_bytes(w, b, 4);
}

void fmt_w_u64(fmt_Writer *w, uint64_t v) {
  uint8_t b[8];
  fmt_store_u64(b, v);
  fmt_w_bytes(w, b, 8);
}

void fmt_w_varint(fmt_Writer *w, uint64_t v) {
  uint8_t b[10];
  size_t n = 0;
  do {
    uint8_t byte = (uint8_t)(v & 0x7Fu);
    v >>= 7;
    b[n++] = (uint8_t)(byte | (v ? 0x80u : 0u));
  } while (v);
  fmt_w_bytes(w, b, n);
}

void fmt_w_str(fmt_Writer *w, const fmt_Str *s) {
  fmt_w_u32(w, s->len);
  fmt_w_bytes(w, s->s, s->len);
}

void fmt_w_free(fmt_Writer *w) {
  if (w->p) w->a.f(w->a.ud, w->p, w->cap, 0);
  w->p = NULL;
  w->n = w->cap = 0;
}

void fmt_r_init(fmt_Reader *r, const uint8_t *p, size_t n) {
  r->p = p;
  r->n = n;
  r->pos = 0;
  r->err = 0;
}

size_t fmt_r_left(const fmt_Reader *r) { return r->err ? 0 : r->n - r->pos; }

const uint8_t *fmt_r_bytes(fmt_Reader *r, size_t n) {
  if (r->err || n > r->n - r->pos) { r->err = 1; return NULL; }
  const uint8_t *q = r->p + r->pos;
  r->pos += n;
  return q;
}

uint8_t fmt_r_u8(fmt_Reader *r) {
  const uint8_t *q = fmt_r_bytes(r, 1);
  return q ? q[0] : 0;
}

uint32_t fmt_r_u32(fmt_Reader *r) {
  const uint8_t *q = fmt_r_bytes(r, 4);
  return q ? fmt_load_u32(q) : 0;
}

uint64_t fmt_r_u64(fmt_Reader *r) {
  const uint8_t *q = fmt_r_bytes(r, 8);
  return q ? fmt_load_u64(q) : 0;
}

uint64_t fmt_r_varint(fmt_Reader *r) {
  uint64_t v = 0;
  for (int shift = 0; shift < 70; shift += 7) {
    const uint8_t *q = fmt_r_bytes(r, 1);
    if (q == NULL) return 0;
    uint64_t bits = (uint64_t)(*q & 0x7Fu);
    if (shift == 63 && bits > 1) break;  /* would overflow 64 bits */
    v |= bits << shift;
    if (!(*q & 0x80u)) return v;
  }
  r->err = 1;
  return 0;
}

uint32_t fmt_load_u32(const uint8_t *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

uint64_t fmt_load_u64(const uint8_t *p) {
  return (uint64_t)fmt_load_u32(p) | (uint64_t)fmt_load_u32(p + 4) << 32;
}

void fmt_store_u32(uint8_t *p, uint32_t v) {
  p[0] = (uint8_t)v;
  p[1] = (uint8_t)(v >> 8);
  p[2] = (uint8_t)(v >> 16);
  p[3] = (uint8_t)(v >> 24);
}

void fmt_store_u64(uint8_t *p, uint64_t v) {
  fmt_store_u32(p, (uint32_t)v);
  fmt_store_u32(p + 4, (uint32_t)(v >> 32));
}
