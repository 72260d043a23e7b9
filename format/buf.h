/*
** buf.h -- little-endian byte writer (growable) and bounds-checked reader.
** Module: format (internal to image.c; not part of the public API).
**
** Both carry a sticky error flag: after the first failure (allocation for the
** writer, reading past the end for the reader) every call is a no-op that
** returns zero, so callers check the flag once at a convenient point.
*/
#ifndef FMT_BUF_H
#define FMT_BUF_H

#include <stddef.h>
#include <stdint.h>

#include "format/proto.h"

typedef struct fmt_Writer {
  fmt_Allocator a;
  uint8_t *p;
  size_t n, cap;
  int err;              /* 1 once an allocation failed */
} fmt_Writer;

typedef struct fmt_Reader {
  const uint8_t *p;
  size_t n, pos;        /* invariant: pos <= n */
  int err;              /* 1 once a read went past the end or was malformed */
} fmt_Reader;

/* Starts an empty writer allocating from [a]. */
void fmt_w_init(fmt_Writer *w, fmt_Allocator a);
/* Appends [n] bytes from [src]. */
void fmt_w_bytes(fmt_Writer *w, const void *src, size_t n);
/* Appends an unsigned byte. */
void fmt_w_u8(fmt_Writer *w, uint8_t v);
/* Appends a 32-bit little-endian word. */
void fmt_w_u32(fmt_Writer *w, uint32_t v);
/* Appends a 64-bit little-endian word. */
void fmt_w_u64(fmt_Writer *w, uint64_t v);
/* Appends [v] as an unsigned LEB128 varint (1..10 bytes). */
void fmt_w_varint(fmt_Writer *w, uint64_t v);
/* Appends a string: u32 length, then its bytes. */
void fmt_w_str(fmt_Writer *w, const fmt_Str *s);
/* Releases the writer's buffer. */
void fmt_w_free(fmt_Writer *w);

/* Starts a reader over [p, p+n). */
void fmt_r_init(fmt_Reader *r, const uint8_t *p, size_t n);
/* Bytes not yet consumed (0 after an error). */
size_t fmt_r_left(const fmt_Reader *r);
/* Consumes [n] bytes and returns a pointer to them, or NULL (error set). */
const uint8_t *fmt_r_bytes(fmt_Reader *r, size_t n);
/* Reads an unsigned byte (0 on error). */
uint8_t fmt_r_u8(fmt_Reader *r);
/* Reads a 32-bit little-endian word (0 on error). */
uint32_t fmt_r_u32(fmt_Reader *r);
/* Reads a 64-bit little-endian word (0 on error). */
uint64_t fmt_r_u64(fmt_Reader *r);
/* Reads an unsigned LEB128 varint of at most 10 bytes that fits 64 bits. */
uint64_t fmt_r_varint(fmt_Reader *r);

/* Little-endian loads/stores on raw memory. */
uint32_t fmt_load_u32(const uint8_t *p);
uint64_t fmt_load_u64(const uint8_t *p);
void fmt_store_u32(uint8_t *p, uint32_t v);
void fmt_store_u64(uint8_t *p, uint64_t v);

#endif
