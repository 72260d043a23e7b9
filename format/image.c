/*
** image.c -- the image container: header, checksum, zstd, payload encoding.
** Module: format. Byte layout and rules: docs/image-format.md.
**
** Invariants: every allocation goes through the caller's fmt_Allocator; a
** partially decoded tree is always freeable by free_proto (arrays are zeroed
** and their count is set together with their pointer); nothing is read outside
** the buffers handed in; decoding recursion is bounded by FMT_MAX_NESTING.
*/
#include "format/image.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define ZSTD_STATIC_LINKING_ONLY  /* static (caller-allocated) contexts */
#include <xxhash.h>
#include <zstd.h>

#include "format/buf.h"

/* Minimum encoded sizes, used to reject lying counts before allocating. */
#define MIN_PROTO  39   /* 3 u8 + 2 u32 + 7 counts/lengths (u32) */
#define MIN_CHUNK  (4 + MIN_PROTO)
#define MIN_UPVAL  7
#define MIN_LOCVAR 12

/* Shared target of every zero-length string the reader builds. */
static char empty_str[1];

const char *fmt_status_name(fmt_Status st) {
  switch (st) {
    case FMT_OK: return "ok";
    case FMT_ENOTIMAGE: return "not a piccolo image";
    case FMT_EVERSION: return "unsupported image version";
    case FMT_ETRUNCATED: return "truncated image";
    case FMT_ECHECKSUM: return "checksum mismatch";
    case FMT_EDECOMPRESS: return "decompression failed";
    case FMT_ETOOLARGE: return "image too large";
    case FMT_EMALFORMED: return "malformed image";
    case FMT_EVERIFY: return "bytecode verification failed";
    case FMT_ENOMEM: return "out of memory";
  }
  return "unknown status";
}

const uint8_t fmt_luaprefix[FMT_LUAPREFIX_SIZE] = {
  0x1b, 'L', 'u', 'a', 0x54, 0x00, 0x19, 0x93, '\r', '\n', 0x1a, '\n', 4, 8, 8,
  0x78, 0x56, 0, 0, 0, 0, 0, 0,          /* LUAC_INT 0x5678 */
  0, 0, 0, 0, 0, 0x28, 0x77, 0x40        /* LUAC_NUM 370.5 */
};

int fmt_is_image(const uint8_t *data, size_t size) {
  return data != NULL && size >= 4 &&
         (memcmp(data, FMT_MAGIC, 4) == 0 || memcmp(data, fmt_luaprefix, 4) == 0);
}

/* Formats a message into err[errlen] (either may be absent). */
static void set_err(char *err, size_t errlen, const char *fmt, ...) {
  if (err == NULL || errlen == 0) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, errlen, fmt, ap);
  va_end(ap);
}

static void *mem_alloc(fmt_Allocator a, size_t n) { return a.f(a.ud, NULL, 0, n); }

static void mem_free(fmt_Allocator a, void *p, size_t n) {
  if (p != NULL) a.f(a.ud, p, n, 0);
}

/* ---------------------------------------------------------------- freeing */

static void free_str(fmt_Str *s, fmt_Allocator a) {
  if (s->s != NULL && s->s != empty_str) mem_free(a, s->s, (size_t)s->len + 1);
  s->s = NULL;
  s->len = 0;
}

static void free_proto(fmt_Proto *p, fmt_Allocator a) {
  if (p == NULL) return;
  mem_free(a, p->code, (size_t)p->ncode * sizeof *p->code);
  for (uint32_t i = 0; i < p->nk; i++)
    if (p->k[i].kind == FMT_K_STR) free_str(&p->k[i].u.s, a);
  mem_free(a, p->k, (size_t)p->nk * sizeof *p->k);
  for (uint32_t i = 0; i < p->nupvals; i++) free_str(&p->upvals[i].name, a);
  mem_free(a, p->upvals, (size_t)p->nupvals * sizeof *p->upvals);
  for (uint32_t i = 0; i < p->np; i++) free_proto(p->p[i], a);
  mem_free(a, p->p, (size_t)p->np * sizeof *p->p);
  free_str(&p->source, a);
  mem_free(a, p->lines, (size_t)p->nlines * sizeof *p->lines);
  for (uint32_t i = 0; i < p->nlocvars; i++) free_str(&p->locvars[i].name, a);
  mem_free(a, p->locvars, (size_t)p->nlocvars * sizeof *p->locvars);
  mem_free(a, p, sizeof *p);
}

void fmt_image_free(fmt_Image *img, fmt_Allocator a) {
  if (img == NULL) return;
  for (uint32_t i = 0; i < img->nchunks; i++) {
    free_str(&img->chunks[i].name, a);
    free_proto(img->chunks[i].main, a);
  }
  mem_free(a, img->chunks, (size_t)img->nchunks * sizeof *img->chunks);
  mem_free(a, img, sizeof *img);
}

/* ---------------------------------------------------------------- writing */

static const fmt_Str no_str = {0, empty_str};

static uint64_t zigzag(int64_t v) { return ((uint64_t)v << 1) ^ (uint64_t)(v >> 63); }

static void write_proto(fmt_Writer *w, const fmt_Proto *p, int stripped) {
  fmt_w_u8(w, p->numparams);
  fmt_w_u8(w, p->is_vararg);
  fmt_w_u8(w, p->maxstacksize);
  fmt_w_u32(w, p->linedefined);
  fmt_w_u32(w, p->lastlinedefined);
  fmt_w_u32(w, p->ncode);
  for (uint32_t i = 0; i < p->ncode; i++) fmt_w_u32(w, p->code[i]);
  fmt_w_u32(w, p->nk);
  for (uint32_t i = 0; i < p->nk; i++) {
    const fmt_Const *k = &p->k[i];
    fmt_w_u8(w, k->kind);
    switch (k->kind) {
      case FMT_K_INT: fmt_w_u64(w, (uint64_t)k->u.i); break;
      case FMT_K_FLT: {
        uint64_t bits;
        memcpy(&bits, &k->u.n, sizeof bits);
        fmt_w_u64(w, bits);
        break;
      }
      case FMT_K_STR: fmt_w_str(w, &k->u.s); break;
      default: break;
    }
  }
  fmt_w_u32(w, p->nupvals);
  for (uint32_t i = 0; i < p->nupvals; i++) {
    const fmt_Upval *u = &p->upvals[i];
    fmt_w_u8(w, u->instack);
    fmt_w_u8(w, u->idx);
    fmt_w_u8(w, u->kind);
    fmt_w_str(w, stripped ? &no_str : &u->name);
  }
  fmt_w_u32(w, p->np);
  for (uint32_t i = 0; i < p->np; i++) write_proto(w, p->p[i], stripped);
  if (stripped) {
    fmt_w_str(w, &no_str);
    fmt_w_u32(w, 0);
    fmt_w_u32(w, 0);
    return;
  }
  fmt_w_str(w, &p->source);
  fmt_w_u32(w, p->nlines);
  if (p->nlines > 0) {
    fmt_w_u32(w, p->lines[0]);
    for (uint32_t i = 1; i < p->nlines; i++)
      fmt_w_varint(w, zigzag((int64_t)p->lines[i] - (int64_t)p->lines[i - 1]));
  }
  fmt_w_u32(w, p->nlocvars);
  for (uint32_t i = 0; i < p->nlocvars; i++) {
    fmt_w_str(w, &p->locvars[i].name);
    fmt_w_u32(w, p->locvars[i].startpc);
    fmt_w_u32(w, p->locvars[i].endpc);
  }
}

/* Compresses [src] into a fresh buffer of FMT_HEADER_SIZE + compressed bytes;
** the zstd context lives in memory from [a]. */
static fmt_Status compress_payload(const uint8_t *src, size_t n, int level, fmt_Allocator a,
                                   uint8_t **out, size_t *outcap, size_t *clen) {
  if (level < 1) level = 1;
  if (level > ZSTD_maxCLevel()) level = ZSTD_maxCLevel();
  ZSTD_compressionParameters cp = ZSTD_getCParams(level, n, 0);
  size_t wsz = ZSTD_estimateCCtxSize_usingCParams(cp);
  size_t bound = ZSTD_compressBound(n);
  void *ws = mem_alloc(a, wsz);
  uint8_t *dst = mem_alloc(a, FMT_HEADER_SIZE + bound);
  ZSTD_CCtx *cctx = ws ? ZSTD_initStaticCCtx(ws, wsz) : NULL;
  size_t r = 0;
  if (cctx != NULL && dst != NULL) r = ZSTD_compressCCtx(cctx, dst + FMT_HEADER_SIZE, bound, src, n, level);
  mem_free(a, ws, wsz);
  if (cctx == NULL || dst == NULL || ZSTD_isError(r)) {
    mem_free(a, dst, FMT_HEADER_SIZE + bound);
    return FMT_ENOMEM;
  }
  *out = dst;
  *outcap = FMT_HEADER_SIZE + bound;
  *clen = r;
  return FMT_OK;
}

/* The checksum: XXH3-64 of the header's first 16 bytes seeds XXH3-64 of the
** stored payload, so it covers every byte except the checksum field. */
static uint64_t image_checksum(const uint8_t *data, size_t ssize) {
  return XXH3_64bits_withSeed(data + FMT_HEADER_SIZE, ssize, XXH3_64bits(data, 16));
}

fmt_Status fmt_image_write(const fmt_Image *img, const fmt_WriteOptions *opt,
                           fmt_Allocator a, uint8_t **out, size_t *outsize) {
  static const fmt_WriteOptions defaults = {1, 19};
  if (opt == NULL) opt = &defaults;
  *out = NULL;
  *outsize = 0;
  fmt_Writer w;
  fmt_w_init(&w, a);
  fmt_w_u32(&w, img->nchunks);
  for (uint32_t i = 0; i < img->nchunks; i++) {
    fmt_w_str(&w, &img->chunks[i].name);
    write_proto(&w, img->chunks[i].main, img->stripped != 0);
  }
  if (w.err || w.n > UINT32_MAX) {
    fmt_w_free(&w);
    return FMT_ENOMEM;
  }
  uint8_t *buf;
  size_t cap, slen;
  if (opt->compress) {
    fmt_Status st = compress_payload(w.p, w.n, opt->level, a, &buf, &cap, &slen);
    if (st != FMT_OK || slen > UINT32_MAX) {
      if (st == FMT_OK) mem_free(a, buf, cap);
      fmt_w_free(&w);
      return FMT_ENOMEM;
    }
  } else {
    cap = FMT_HEADER_SIZE + w.n;
    slen = w.n;
    buf = mem_alloc(a, cap);
    if (buf == NULL) {
      fmt_w_free(&w);
      return FMT_ENOMEM;
    }
    memcpy(buf + FMT_HEADER_SIZE, w.p, w.n);
  }
  uint32_t usize = (uint32_t)w.n;
  fmt_w_free(&w);
  size_t total = FMT_HEADER_SIZE + slen;
  if (cap != total) {  /* give back the unused compression bound */
    uint8_t *nb = a.f(a.ud, buf, cap, total);
    if (nb == NULL) {
      mem_free(a, buf, cap);
      return FMT_ENOMEM;
    }
    buf = nb;
  }
  memcpy(buf, FMT_MAGIC, 4);
  buf[4] = FMT_VERSION_MAJOR;
  buf[5] = FMT_VERSION_MINOR;
  uint16_t flags = (uint16_t)((img->stripped ? FMT_FLAG_STRIPPED : 0u) |
                              (opt->compress ? FMT_FLAG_ZSTD : 0u));
  buf[6] = (uint8_t)flags;
  buf[7] = (uint8_t)(flags >> 8);
  fmt_store_u32(buf + 8, usize);
  fmt_store_u32(buf + 12, (uint32_t)slen);
  fmt_store_u64(buf + 16, image_checksum(buf, slen));
  *out = buf;
  *outsize = total;
  return FMT_OK;
}

/* ---------------------------------------------------------------- reading */

typedef struct Dec {
  fmt_Reader r;
  fmt_Allocator a;
  int stripped;
  fmt_Status st;        /* FMT_OK, FMT_EMALFORMED or FMT_ENOMEM */
  const char *what;     /* what was malformed */
} Dec;

static int fail(Dec *d, fmt_Status st, const char *what) {
  if (d->st == FMT_OK) {
    d->st = st;
    d->what = what;
  }
  return 0;
}

/* Checks that [n] items of at least [minsize] bytes each can still follow. */
static int room_for(Dec *d, uint64_t n, uint64_t minsize, const char *what) {
  if (d->r.err) return fail(d, FMT_EMALFORMED, "unexpected end of payload");
  if (n * minsize > fmt_r_left(&d->r)) return fail(d, FMT_EMALFORMED, what);
  return 1;
}

/* Allocates a zeroed array of [n] items of [size] bytes (NULL when n == 0). */
static void *dec_array(Dec *d, uint32_t n, size_t size) {
  if (n == 0) return NULL;
  void *p = mem_alloc(d->a, (size_t)n * size);
  if (p == NULL) {
    fail(d, FMT_ENOMEM, "out of memory");
    return NULL;
  }
  memset(p, 0, (size_t)n * size);
  return p;
}

static int read_str(Dec *d, fmt_Str *s) {
  uint32_t len = fmt_r_u32(&d->r);
  if (!room_for(d, len, 1, "string length exceeds payload")) return 0;
  const uint8_t *src = fmt_r_bytes(&d->r, len);
  if (len == 0) {
    s->s = empty_str;
    return 1;
  }
  char *p = mem_alloc(d->a, (size_t)len + 1);
  if (p == NULL) return fail(d, FMT_ENOMEM, "out of memory");
  memcpy(p, src, len);
  p[len] = '\0';
  s->s = p;
  s->len = len;
  return 1;
}

static int read_consts(Dec *d, fmt_Proto *p) {
  uint32_t n = fmt_r_u32(&d->r);
  if (!room_for(d, n, 1, "constant count exceeds payload")) return 0;
  if (n > 0 && (p->k = dec_array(d, n, sizeof *p->k)) == NULL) return 0;
  p->nk = n;
  for (uint32_t i = 0; i < n; i++) {
    fmt_Const *k = &p->k[i];
    uint8_t kind = fmt_r_u8(&d->r);
    switch (kind) {
      case FMT_K_NIL: case FMT_K_FALSE: case FMT_K_TRUE: break;
      case FMT_K_INT: k->u.i = (int64_t)fmt_r_u64(&d->r); break;
      case FMT_K_FLT: {
        uint64_t bits = fmt_r_u64(&d->r);
        memcpy(&k->u.n, &bits, sizeof bits);
        break;
      }
      case FMT_K_STR:
        if (!read_str(d, &k->u.s)) return 0;
        break;
      default: return fail(d, FMT_EMALFORMED, "unknown constant kind");
    }
    k->kind = kind;
    if (d->r.err) return fail(d, FMT_EMALFORMED, "unexpected end of payload");
  }
  return 1;
}

static int read_upvals(Dec *d, fmt_Proto *p) {
  uint32_t n = fmt_r_u32(&d->r);
  if (!room_for(d, n, MIN_UPVAL, "upvalue count exceeds payload")) return 0;
  if (n > 0 && (p->upvals = dec_array(d, n, sizeof *p->upvals)) == NULL) return 0;
  p->nupvals = n;
  for (uint32_t i = 0; i < n; i++) {
    fmt_Upval *u = &p->upvals[i];
    u->instack = fmt_r_u8(&d->r);
    u->idx = fmt_r_u8(&d->r);
    u->kind = fmt_r_u8(&d->r);
    if (!read_str(d, &u->name)) return 0;
    if (d->stripped && u->name.len != 0) return fail(d, FMT_EMALFORMED, "upvalue name in a stripped image");
  }
  return 1;
}

static int read_debug(Dec *d, fmt_Proto *p) {
  if (!read_str(d, &p->source)) return 0;
  uint32_t n = fmt_r_u32(&d->r);
  if (n > 0) {
    if (!room_for(d, (uint64_t)n + 3, 1, "line count exceeds payload")) return 0;
    if ((p->lines = dec_array(d, n, sizeof *p->lines)) == NULL) return 0;
    p->nlines = n;
    int64_t line = fmt_r_u32(&d->r);
    p->lines[0] = (uint32_t)line;
    for (uint32_t i = 1; i < n; i++) {
      uint64_t z = fmt_r_varint(&d->r);
      int64_t delta = (int64_t)(z >> 1) ^ -(int64_t)(z & 1);
      if (delta < -(int64_t)UINT32_MAX || delta > (int64_t)UINT32_MAX)
        return fail(d, FMT_EMALFORMED, "line delta out of range");
      line += delta;
      if (line < 0 || line > (int64_t)UINT32_MAX) return fail(d, FMT_EMALFORMED, "line number out of range");
      p->lines[i] = (uint32_t)line;
    }
  }
  uint32_t nl = fmt_r_u32(&d->r);
  if (!room_for(d, nl, MIN_LOCVAR, "local variable count exceeds payload")) return 0;
  if (nl > 0 && (p->locvars = dec_array(d, nl, sizeof *p->locvars)) == NULL) return 0;
  p->nlocvars = nl;
  for (uint32_t i = 0; i < nl; i++) {
    if (!read_str(d, &p->locvars[i].name)) return 0;
    p->locvars[i].startpc = fmt_r_u32(&d->r);
    p->locvars[i].endpc = fmt_r_u32(&d->r);
  }
  if (d->r.err) return fail(d, FMT_EMALFORMED, "unexpected end of payload");
  if (d->stripped && (p->source.len != 0 || p->nlines != 0 || p->nlocvars != 0))
    return fail(d, FMT_EMALFORMED, "debug information in a stripped image");
  return 1;
}

/* Decodes one prototype into the zeroed [p]; children are attached to [p] as
** soon as they are allocated, so the caller frees everything on failure. */
static int read_proto(Dec *d, fmt_Proto *p, int depth) {
  if (depth > FMT_MAX_NESTING) return fail(d, FMT_EMALFORMED, "prototypes nested too deeply");
  p->numparams = fmt_r_u8(&d->r);
  p->is_vararg = fmt_r_u8(&d->r);
  p->maxstacksize = fmt_r_u8(&d->r);
  p->linedefined = fmt_r_u32(&d->r);
  p->lastlinedefined = fmt_r_u32(&d->r);
  if (p->is_vararg > 1) return fail(d, FMT_EMALFORMED, "vararg flag is not 0 or 1");
  uint32_t n = fmt_r_u32(&d->r);
  if (!room_for(d, n, 4, "instruction count exceeds payload")) return 0;
  if (n > 0 && (p->code = dec_array(d, n, sizeof *p->code)) == NULL) return 0;
  p->ncode = n;
  for (uint32_t i = 0; i < n; i++) p->code[i] = fmt_r_u32(&d->r);
  if (!read_consts(d, p) || !read_upvals(d, p)) return 0;
  uint32_t np = fmt_r_u32(&d->r);
  if (!room_for(d, np, MIN_PROTO, "prototype count exceeds payload")) return 0;
  if (np > 0 && (p->p = dec_array(d, np, sizeof *p->p)) == NULL) return 0;
  p->np = np;
  for (uint32_t i = 0; i < np; i++) {
    if ((p->p[i] = dec_array(d, 1, sizeof *p->p[i])) == NULL) return 0;
    if (!read_proto(d, p->p[i], depth + 1)) return 0;
  }
  return read_debug(d, p);
}

static fmt_Image *read_payload(Dec *d) {
  fmt_Image *img = dec_array(d, 1, sizeof *img);
  if (img == NULL) return NULL;
  img->stripped = (uint8_t)d->stripped;
  uint32_t n = fmt_r_u32(&d->r);
  if (n == 0) fail(d, FMT_EMALFORMED, "image has no chunks");
  else if (room_for(d, n, MIN_CHUNK, "chunk count exceeds payload") &&
           (img->chunks = dec_array(d, n, sizeof *img->chunks)) != NULL) {
    img->nchunks = n;
    for (uint32_t i = 0; i < n; i++) {
      fmt_Chunk *c = &img->chunks[i];
      if (!read_str(d, &c->name) || (c->main = dec_array(d, 1, sizeof *c->main)) == NULL ||
          !read_proto(d, c->main, 1))
        break;
    }
  }
  if (d->st == FMT_OK && d->r.err) fail(d, FMT_EMALFORMED, "unexpected end of payload");
  if (d->st == FMT_OK && fmt_r_left(&d->r) != 0) fail(d, FMT_EMALFORMED, "trailing bytes after payload");
  if (d->st != FMT_OK) {
    fmt_image_free(img, d->a);
    return NULL;
  }
  return img;
}

/* Decompresses the zstd frame [src] into a fresh buffer of exactly [usize]
** bytes; the zstd context lives in memory from [a]. */
static fmt_Status decompress(const uint8_t *src, size_t ssize, size_t usize, fmt_Allocator a,
                             uint8_t **out, char *err, size_t errlen) {
  unsigned long long fcs = ZSTD_getFrameContentSize(src, ssize);
  if (fcs == ZSTD_CONTENTSIZE_ERROR || fcs == ZSTD_CONTENTSIZE_UNKNOWN || fcs != usize) {
    set_err(err, errlen, "payload is not a zstd frame of the declared size %zu", usize);
    return FMT_EDECOMPRESS;
  }
  size_t wsz = ZSTD_estimateDCtxSize();
  size_t dsz = usize ? usize : 1;
  void *ws = mem_alloc(a, wsz);
  uint8_t *dst = mem_alloc(a, dsz);
  ZSTD_DCtx *dctx = ws ? ZSTD_initStaticDCtx(ws, wsz) : NULL;
  if (dctx == NULL || dst == NULL) {
    mem_free(a, ws, wsz);
    mem_free(a, dst, dsz);
    set_err(err, errlen, "out of memory");
    return FMT_ENOMEM;
  }
  size_t r = ZSTD_decompressDCtx(dctx, dst, usize, src, ssize);
  mem_free(a, ws, wsz);
  if (ZSTD_isError(r) || r != usize) {
    mem_free(a, dst, dsz);
    set_err(err, errlen, "zstd: %s", ZSTD_isError(r) ? ZSTD_getErrorName(r) : "size differs from declared size");
    return FMT_EDECOMPRESS;
  }
  *out = dst;
  return FMT_OK;
}

/* Steps over fmt_luaprefix at the start of *data (there when the data
** starts with the Lua signature): anything but string.dump's prefix, whole
** and followed by an image, is refused. */
static fmt_Status skip_luaprefix(const uint8_t **data, size_t *size, char *err, size_t errlen) {
  size_t n = *size < FMT_LUAPREFIX_SIZE ? *size : FMT_LUAPREFIX_SIZE;
  if (memcmp(*data, fmt_luaprefix, n) != 0) {
    set_err(err, errlen, "bad binary format (a Lua chunk header other than string.dump's)");
    return FMT_ENOTIMAGE;
  }
  if (*size < FMT_LUAPREFIX_SIZE) {
    set_err(err, errlen, "truncated chunk (%zu bytes of its %d-byte Lua header)", *size, FMT_LUAPREFIX_SIZE);
    return FMT_ETRUNCATED;
  }
  *data += FMT_LUAPREFIX_SIZE;
  *size -= FMT_LUAPREFIX_SIZE;
  n = *size < 4 ? *size : 4;
  if (memcmp(*data, FMT_MAGIC, n) != 0) {
    set_err(err, errlen, "a Lua 5.4 binary chunk (luac), not a piccolo image");
    return FMT_ENOTIMAGE;
  }
  if (*size < 4) {
    set_err(err, errlen, "truncated image: %zu bytes, shorter than its %d-byte header", *size, FMT_HEADER_SIZE);
    return FMT_ETRUNCATED;
  }
  return FMT_OK;
}

/* Checks the header of [data]; on success sets the payload sizes and flags. */
static fmt_Status check_header(const uint8_t *data, size_t size, size_t maxsize, uint32_t *usize,
                               uint32_t *ssize, unsigned *flags, char *err, size_t errlen) {
  size_t m = size < 4 ? size : 4;
  if (data == NULL || size == 0 || memcmp(data, FMT_MAGIC, m) != 0) {
    set_err(err, errlen, "not a piccolo image (bad magic)");
    return FMT_ENOTIMAGE;
  }
  if (size < FMT_HEADER_SIZE) {
    set_err(err, errlen, "truncated image: %zu bytes, shorter than its %d-byte header", size, FMT_HEADER_SIZE);
    return FMT_ETRUNCATED;
  }
  if (data[4] != FMT_VERSION_MAJOR || data[5] > FMT_VERSION_MINOR) {
    set_err(err, errlen, "image version %u.%u is not supported (this runtime reads %d.%d and older minors)",
            data[4], data[5], FMT_VERSION_MAJOR, FMT_VERSION_MINOR);
    return FMT_EVERSION;
  }
  *flags = (unsigned)data[6] | (unsigned)data[7] << 8;
  *usize = fmt_load_u32(data + 8);
  *ssize = fmt_load_u32(data + 12);
  if (*ssize > size - FMT_HEADER_SIZE) {
    set_err(err, errlen, "image truncated: payload needs %u bytes, %zu present", *ssize,
            size - FMT_HEADER_SIZE);
    return FMT_ETRUNCATED;
  }
  if (*ssize < size - FMT_HEADER_SIZE) {
    set_err(err, errlen, "malformed image: %zu trailing bytes after the payload",
            size - FMT_HEADER_SIZE - *ssize);
    return FMT_EMALFORMED;
  }
  if (fmt_load_u64(data + 16) != image_checksum(data, *ssize)) {
    set_err(err, errlen, "image checksum mismatch (corrupted file)");
    return FMT_ECHECKSUM;
  }
  if ((*flags & ~(FMT_FLAG_STRIPPED | 0x6u)) != 0 || (*flags & 0x6u) > FMT_FLAG_ZSTD) {
    set_err(err, errlen, "malformed image: unknown flags 0x%x", *flags);
    return FMT_EMALFORMED;
  }
  if (*usize > maxsize) {
    set_err(err, errlen, "image payload of %u bytes is over the limit of %zu bytes", *usize, maxsize);
    return FMT_ETOOLARGE;
  }
  if (!(*flags & FMT_FLAG_ZSTD) && *usize != *ssize) {
    set_err(err, errlen, "malformed image: uncompressed payload sizes differ");
    return FMT_EMALFORMED;
  }
  return FMT_OK;
}

fmt_Status fmt_image_read(const uint8_t *data, size_t size, size_t maxsize,
                          fmt_Allocator a, fmt_Image **img,
                          char *err, size_t errlen) {
  uint32_t usize, ssize;
  unsigned flags;
  *img = NULL;
  set_err(err, errlen, "%s", "");
  if (data != NULL && size >= 4 && memcmp(data, fmt_luaprefix, 4) == 0) {
    fmt_Status pst = skip_luaprefix(&data, &size, err, errlen);
    if (pst != FMT_OK) return pst;
  }
  fmt_Status st = check_header(data, size, maxsize, &usize, &ssize, &flags, err, errlen);
  if (st != FMT_OK) return st;
  const uint8_t *payload = data + FMT_HEADER_SIZE;
  uint8_t *owned = NULL;
  if (flags & FMT_FLAG_ZSTD) {
    st = decompress(payload, ssize, usize, a, &owned, err, errlen);
    if (st != FMT_OK) return st;
    payload = owned;
  }
  Dec d;
  fmt_r_init(&d.r, payload, usize);
  d.a = a;
  d.stripped = (flags & FMT_FLAG_STRIPPED) != 0;
  d.st = FMT_OK;
  d.what = NULL;
  fmt_Image *res = read_payload(&d);
  if (res == NULL && d.st == FMT_OK) fail(&d, FMT_ENOMEM, "out of memory");
  if (owned != NULL) mem_free(a, owned, usize ? usize : 1);
  if (res == NULL) {
    if (d.st == FMT_ENOMEM) set_err(err, errlen, "out of memory while reading image");
    else set_err(err, errlen, "malformed image: %s (payload offset %zu)", d.what, d.r.pos);
    return d.st;
  }
  for (uint32_t i = 0; i < res->nchunks; i++) {
    char msg[256];
    st = fmt_verify_chunk(res->chunks[i].main, msg, sizeof msg);
    if (st != FMT_OK) {
      const fmt_Str *name = &res->chunks[i].name;
      if (name->len == 0) set_err(err, errlen, "main chunk: %s", msg);
      else set_err(err, errlen, "chunk '%.*s': %s", name->len > 60 ? 60 : (int)name->len, name->s, msg);
      fmt_image_free(res, a);
      return st;
    }
  }
  *img = res;
  return FMT_OK;
}
