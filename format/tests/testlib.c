/*
** testlib.c -- test helpers for format/ (see testlib.h).
** Module: format tests.
*/
#include "format/tests/testlib.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

static void *ta_f(void *ud, void *ptr, size_t osize, size_t nsize) {
  TAlloc *t = ud;
  if (ptr == NULL) osize = 0;
  if (nsize == 0) {
    free(ptr);
    t->live -= osize;
    return NULL;
  }
  if (nsize > osize && t->fail_at >= 0 && t->nallocs == t->fail_at) {
    t->nallocs++;
    return NULL;
  }
  if (nsize > osize) t->nallocs++;
  void *np = realloc(ptr, nsize);
  if (np == NULL) return NULL;
  t->live = t->live - osize + nsize;
  if (t->live > t->peak) t->peak = t->live;
  return np;
}

fmt_Allocator ta_make(TAlloc *t) {
  t->live = t->peak = 0;
  t->nallocs = 0;
  t->fail_at = -1;
  fmt_Allocator a = {ta_f, t};
  return a;
}

static void *xalloc(fmt_Allocator a, size_t n) {
  void *p = a.f(a.ud, NULL, 0, n);
  if (p == NULL) abort();
  memset(p, 0, n);
  return p;
}

fmt_Str tp_str(fmt_Allocator a, const char *s, uint32_t len) {
  fmt_Str r;
  r.len = len;
  r.s = xalloc(a, (size_t)len + 1);
  memcpy(r.s, s, len);
  return r;
}

fmt_Proto *tp_proto(fmt_Allocator a, uint8_t numparams, uint8_t is_vararg, uint8_t maxstack,
                    const fmt_Instr *code, uint32_t ncode) {
  fmt_Proto *p = xalloc(a, sizeof *p);
  p->numparams = numparams;
  p->is_vararg = is_vararg;
  p->maxstacksize = maxstack;
  if (ncode) {
    p->code = xalloc(a, ncode * sizeof *code);
    memcpy(p->code, code, ncode * sizeof *code);
  }
  p->ncode = ncode;
  return p;
}

void tp_consts(fmt_Allocator a, fmt_Proto *p, const fmt_Const *k, uint32_t n) {
  p->k = xalloc(a, n * sizeof *k);
  p->nk = n;
  for (uint32_t i = 0; i < n; i++) {
    p->k[i] = k[i];
    if (k[i].kind == FMT_K_STR) p->k[i].u.s = tp_str(a, k[i].u.s.s, k[i].u.s.len);
  }
}

void tp_upvals(fmt_Allocator a, fmt_Proto *p, const uint8_t (*desc)[3], const char *const *names,
               uint32_t n) {
  p->upvals = xalloc(a, n * sizeof *p->upvals);
  p->nupvals = n;
  for (uint32_t i = 0; i < n; i++) {
    p->upvals[i].instack = desc[i][0];
    p->upvals[i].idx = desc[i][1];
    p->upvals[i].kind = desc[i][2];
    p->upvals[i].name = tp_str(a, names[i], (uint32_t)strlen(names[i]));
  }
}

void tp_children(fmt_Allocator a, fmt_Proto *p, fmt_Proto **c, uint32_t n) {
  p->p = xalloc(a, n * sizeof *p->p);
  p->np = n;
  memcpy(p->p, c, n * sizeof *c);
}

void tp_debug(fmt_Allocator a, fmt_Proto *p, const char *source, uint32_t base, uint32_t nloc) {
  p->source = tp_str(a, source, (uint32_t)strlen(source));
  p->lines = xalloc(a, p->ncode * sizeof *p->lines);
  p->nlines = p->ncode;
  for (uint32_t i = 0; i < p->ncode; i++)  /* mostly increasing, some jumps back */
    p->lines[i] = base + i / 2 + (i % 5 == 4 ? 1000u : 0u);
  if (nloc) {
    p->locvars = xalloc(a, nloc * sizeof *p->locvars);
    p->nlocvars = nloc;
    for (uint32_t i = 0; i < nloc; i++) {
      char name[16] = "local";
      name[5] = (char)('a' + i % 26);
      p->locvars[i].name = tp_str(a, name, 6);
      p->locvars[i].startpc = i < p->ncode ? i : p->ncode;
      p->locvars[i].endpc = p->ncode;
    }
  }
}

fmt_Image *tp_image(fmt_Allocator a, uint32_t n, const char *const *names, fmt_Proto **mains,
                    int stripped) {
  fmt_Image *img = xalloc(a, sizeof *img);
  img->chunks = xalloc(a, n * sizeof *img->chunks);
  img->nchunks = n;
  img->stripped = (uint8_t)stripped;
  for (uint32_t i = 0; i < n; i++) {
    img->chunks[i].name = tp_str(a, names[i], (uint32_t)strlen(names[i]));
    img->chunks[i].main = mains[i];
  }
  return img;
}

#define SC(x) ((x) + FMT_OFFSET_sC)

static fmt_Const kstr(const char *s, uint32_t len) {
  fmt_Const k;
  k.kind = FMT_K_STR;
  k.u.s.len = len;
  k.u.s.s = (char *)s;
  return k;
}

static fmt_Const kint(int64_t i) {
  fmt_Const k;
  k.kind = FMT_K_INT;
  k.u.i = i;
  return k;
}

static fmt_Const kflt(double n) {
  fmt_Const k;
  k.kind = FMT_K_FLT;
  k.u.n = n;
  return k;
}

static fmt_Const kbool(int kind) {
  fmt_Const k;
  memset(&k, 0, sizeof k);
  k.kind = (uint8_t)kind;
  return k;
}

/* function(n) local acc = 0; for i = 1, n do acc = acc + i end;
**   if acc == 0 then return acc end; x = function() return acc end; return acc end */
static fmt_Proto *sample_sum(fmt_Allocator a) {
  static const fmt_Instr code[] = {
    AsBx(LOADI, 1, 0),          /* 0 */
    AsBx(LOADI, 2, 1),          /* 1 */
    ABC(MOVE, 3, 0, 0),         /* 2 */
    AsBx(LOADI, 4, 1),          /* 3 */
    ABx(FORPREP, 2, 2),         /* 4 -> FORLOOP at 7 */
    ABC(ADD, 1, 1, 5),          /* 5 */
    ABC(MMBIN, 1, 5, FMT_TM_ADD), /* 6 */
    ABx(FORLOOP, 2, 3),         /* 7 -> 5 */
    ABC(EQI, 1, SC(0), 0),      /* 8 */
    SJ(1),                      /* 9 -> 11 */
    ABC(RETURN1, 1, 0, 0),      /* 10 */
    ABx(CLOSURE, 6, 0),         /* 11 */
    ABC(SETTABUP, 0, 0, 6),     /* 12 */
    ABC(BANDK, 7, 1, 1),        /* 13 */
    ABC(MMBINK, 1, 1, FMT_TM_BAND), /* 14 */
    ABC(RETURN1, 1, 0, 0),      /* 15 */
  };
  fmt_Proto *p = tp_proto(a, 1, 0, 8, code, sizeof code / sizeof *code);
  p->linedefined = 10;
  p->lastlinedefined = 20;
  fmt_Const k[] = {kstr("x", 1), kflt(255.0)};
  tp_consts(a, p, k, 2);
  static const uint8_t up[][3] = {{0, 0, 0}};
  static const char *const names[] = {"_ENV"};
  tp_upvals(a, p, up, names, 1);
  static const fmt_Instr icode[] = {ABC(GETUPVAL, 0, 0, 0), ABC(RETURN1, 0, 0, 0)};
  fmt_Proto *inner = tp_proto(a, 0, 0, 2, icode, 2);
  inner->linedefined = 15;
  inner->lastlinedefined = 15;
  static const uint8_t iup[][3] = {{1, 1, 0}};
  static const char *const inames[] = {"acc"};
  tp_upvals(a, inner, iup, inames, 1);
  tp_debug(a, inner, "@sample.lua", 15, 0);
  tp_children(a, p, &inner, 1);
  tp_debug(a, p, "@sample.lua", 10, 3);
  return p;
}

static fmt_Proto *sample_main(fmt_Allocator a) {
  static const fmt_Instr code[] = {
    ABC(VARARGPREP, 0, 0, 0),   /* 0 */
    ABC(NEWTABLE, 0, 0, 3),     /* 1 */
    EXTRA(0),                   /* 2 */
    ABC(VARARG, 1, 0, 0),       /* 3 */
    ABC(SETLIST, 0, 0, 0),      /* 4 */
    ABC(GETTABUP, 1, 0, 0),     /* 5 pairs */
    ABC(MOVE, 2, 0, 0),         /* 6 */
    ABC(CALL, 1, 2, 4),         /* 7 */
    ABC(LOADNIL, 4, 0, 0),      /* 8 */
    ABx(TFORPREP, 1, 4),        /* 9 -> 14 */
    ABC(GETTABUP, 7, 0, 1),     /* 10 print */
    ABC(MOVE, 8, 5, 0),         /* 11 */
    ABC(MOVE, 9, 6, 0),         /* 12 */
    ABC(CALL, 7, 3, 1),         /* 13 */
    ABC(TFORCALL, 1, 0, 2),     /* 14 */
    ABx(TFORLOOP, 1, 6),        /* 15 -> 10 */
    ABx(CLOSURE, 1, 0),         /* 16 */
    AsBx(LOADI, 2, 100),        /* 17 */
    ABC(CALL, 1, 2, 2),         /* 18 */
    ABx(LOADK, 2, 2),           /* 19 */
    ABC(CONCAT, 1, 2, 0),       /* 20 */
    ABx(LOADKX, 3, 0),          /* 21 */
    EXTRA(3),                   /* 22 */
    ABC(LFALSESKIP, 4, 0, 0),   /* 23 */
    ABC(LOADTRUE, 4, 0, 0),     /* 24 */
    ABC(TEST, 4, 0, 0),         /* 25 */
    SJ(-26),                    /* 26 -> 1 */
    ABC(ADDI, 5, 4, SC(-3)),    /* 27 */
    ABC(MMBINI, 4, SC(-3), FMT_TM_ADD), /* 28 */
    ABC(RETURN, 1, 2, 1),       /* 29 */
  };
  fmt_Proto *p = tp_proto(a, 0, 1, 12, code, sizeof code / sizeof *code);
  static const char zs[] = "hi\0there";
  fmt_Const k[] = {
    kstr("pairs", 5), kstr("print", 5), kstr(zs, 8), kint(INT64_MIN), kint(INT64_MAX),
    kflt(NAN), kflt(-0.0), kflt(INFINITY), kflt(-INFINITY), kflt(3.5), kbool(FMT_K_NIL),
    kbool(FMT_K_FALSE), kbool(FMT_K_TRUE), kstr("", 0),
  };
  tp_consts(a, p, k, sizeof k / sizeof *k);
  static const uint8_t up[][3] = {{1, 0, 0}};
  static const char *const names[] = {"_ENV"};
  tp_upvals(a, p, up, names, 1);
  fmt_Proto *c = sample_sum(a);
  tp_children(a, p, &c, 1);
  tp_debug(a, p, "@sample.lua", 1, 5);
  return p;
}

static fmt_Proto *sample_module(fmt_Allocator a, const char *src) {
  static const fmt_Instr code[] = {ABx(LOADK, 0, 0), ABC(RETURN1, 0, 0, 0)};
  fmt_Proto *p = tp_proto(a, 0, 0, 2, code, 2);
  fmt_Const k[] = {kflt(-1.25e300)};
  tp_consts(a, p, k, 1);
  tp_debug(a, p, src, 1, 1);
  return p;
}

fmt_Image *sample_image(fmt_Allocator a) {
  static const char *const names[] = {"", "lib.util", "lib.other"};
  fmt_Proto *mains[3] = {sample_main(a), sample_module(a, "@lib/util.lua"),
                         sample_module(a, "@lib/other.lua")};
  return tp_image(a, 3, names, mains, 0);
}

fmt_Image *code_image(fmt_Allocator a, const fmt_Instr *code, uint32_t n, uint8_t ms) {
  fmt_Proto *p = tp_proto(a, 0, 0, ms, code, n);
  fmt_Const k[] = {kstr("x", 1), kint(7)};
  tp_consts(a, p, k, 2);
  static const uint8_t up[][3] = {{1, 0, 0}};
  static const char *const names[] = {"_ENV"};
  tp_upvals(a, p, up, names, 1);
  static const char *const cn[] = {""};
  return tp_image(a, 1, cn, &p, 0);
}

static int str_equal(const fmt_Str *x, const fmt_Str *y) {
  return x->len == y->len && (x->len == 0 || memcmp(x->s, y->s, x->len) == 0) &&
         (y->s == NULL || y->s[y->len] == '\0');
}

static int proto_equal(const fmt_Proto *x, const fmt_Proto *y, int st) {
  if (x->numparams != y->numparams || x->is_vararg != y->is_vararg ||
      x->maxstacksize != y->maxstacksize || x->linedefined != y->linedefined ||
      x->lastlinedefined != y->lastlinedefined || x->ncode != y->ncode || x->nk != y->nk ||
      x->nupvals != y->nupvals || x->np != y->np)
    return 0;
  if (x->ncode && memcmp(x->code, y->code, x->ncode * sizeof *x->code) != 0) return 0;
  for (uint32_t i = 0; i < x->nk; i++) {
    const fmt_Const *a = &x->k[i], *b = &y->k[i];
    if (a->kind != b->kind) return 0;
    if (a->kind == FMT_K_INT && a->u.i != b->u.i) return 0;
    if (a->kind == FMT_K_FLT && memcmp(&a->u.n, &b->u.n, sizeof(double)) != 0) return 0;
    if (a->kind == FMT_K_STR && !str_equal(&a->u.s, &b->u.s)) return 0;
  }
  for (uint32_t i = 0; i < x->nupvals; i++) {
    const fmt_Upval *a = &x->upvals[i], *b = &y->upvals[i];
    if (a->instack != b->instack || a->idx != b->idx || a->kind != b->kind) return 0;
    if (st ? b->name.len != 0 : !str_equal(&a->name, &b->name)) return 0;
  }
  for (uint32_t i = 0; i < x->np; i++)
    if (!proto_equal(x->p[i], y->p[i], st)) return 0;
  if (st) return y->source.len == 0 && y->nlines == 0 && y->nlocvars == 0;
  if (!str_equal(&x->source, &y->source) || x->nlines != y->nlines || x->nlocvars != y->nlocvars)
    return 0;
  if (x->nlines && memcmp(x->lines, y->lines, x->nlines * sizeof *x->lines) != 0) return 0;
  for (uint32_t i = 0; i < x->nlocvars; i++)
    if (!str_equal(&x->locvars[i].name, &y->locvars[i].name) ||
        x->locvars[i].startpc != y->locvars[i].startpc || x->locvars[i].endpc != y->locvars[i].endpc)
      return 0;
  return 1;
}

int img_equal(const fmt_Image *x, const fmt_Image *y, int expect_stripped) {
  if (x->nchunks != y->nchunks || y->stripped != (expect_stripped || x->stripped)) return 0;
  for (uint32_t i = 0; i < x->nchunks; i++)
    if (!str_equal(&x->chunks[i].name, &y->chunks[i].name) ||
        !proto_equal(x->chunks[i].main, y->chunks[i].main, expect_stripped || x->stripped))
      return 0;
  return 1;
}

void reseal(uint8_t *img, size_t size) {
  uint64_t h = XXH3_64bits_withSeed(img + FMT_HEADER_SIZE, size - FMT_HEADER_SIZE, XXH3_64bits(img, 16));
  for (int i = 0; i < 8; i++) img[16 + i] = (uint8_t)(h >> (8 * i));
}
