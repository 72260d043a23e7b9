/*
** palloc_test.c -- the small-block pool allocator (palloc.c, palloc.h) on its
** own and as the default allocator of a whole state. Module: runtime (tests).
** picA_alloc is compiled in every build, so the direct tests run under ASan
** too; only checks of what a state installs depend on PICA_POOL.
*/
#include <criterion/criterion.h>
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "runtime/palloc.h"
#include "runtime/phost.h"
#include "runtime/piccolo.h"
#include "runtime/pstate.h"

/* PICA_POOL is 0 exactly under AddressSanitizer. Its exit-time leak report
** does not fail a Criterion test, so the tests that free everything ask
** LeakSanitizer themselves. */
#if !PICA_POOL
#include <sanitizer/lsan_interface.h>
#define noleaks() (__lsan_do_recoverable_leak_check() == 0)
#else
#define noleaks() 1
#endif

/* ---- helpers ---- */

static uint64_t rngstate;

/* xorshift64*: a fixed-seed generator, so every run does the same work. */
static uint64_t rnd(void) {
  rngstate ^= rngstate >> 12;
  rngstate ^= rngstate << 25;
  rngstate ^= rngstate >> 27;
  return rngstate * 0x2545F4914F6CDD1DULL;
}

/* Byte [k] of the pattern of block [id]: differs between ids at most offsets. */
static unsigned char pat(uint32_t id, size_t k) {
  uint32_t h = (id + 1) * 2654435761u;
  return (unsigned char)((h >> ((k & 3) * 8)) ^ (k * 7) ^ (id >> 3));
}

static void fill(unsigned char *p, size_t sz, uint32_t id) {
  size_t k;
  for (k = 0; k < sz; k++)
    p[k] = pat(id, k);
}

/* Offset of the first byte of [p] not matching [id]'s pattern, or sz. */
static size_t firstbad(const unsigned char *p, size_t sz, uint32_t id) {
  size_t k;
  for (k = 0; k < sz; k++)
    if (p[k] != pat(id, k))
      return k;
  return sz;
}

#define checkblock(p, sz, id)                                                      \
  do {                                                                            \
    size_t bad_ = firstbad((p), (sz), (id));                                      \
    if (bad_ != (sz))                                                             \
      cr_assert_fail("block %u (%zu bytes at %p) corrupted at offset %zu",         \
                     (unsigned)(id), (size_t)(sz), (void *)(p), bad_);            \
  } while (0)

#define isaligned(p) (((uintptr_t)(p) % PICA_GRAIN) == 0)

/* Bytes a block of [sz] really occupies (its class size when pooled). */
static size_t footprint(size_t sz) {
  return sz <= PICA_MAXSMALL ? (picA_class(sz) + 1) * PICA_GRAIN : sz;
}

typedef struct Blk {
  unsigned char *p;
  size_t sz;
  uint32_t id;
} Blk;

static int byaddr(const void *a, const void *b) {
  uintptr_t x = (uintptr_t)((const Blk *)a)->p, y = (uintptr_t)((const Blk *)b)->p;
  return (x > y) - (x < y);
}

/* Checks that the [n] live blocks of [v] (p != NULL) are pairwise disjoint,
** counting each small block's whole class size; sorts [v]. */
static void checkdisjoint(Blk *v, size_t n) {
  size_t i, m = 0;
  for (i = 0; i < n; i++)
    if (v[i].p != NULL)
      v[m++] = v[i];
  qsort(v, m, sizeof(Blk), byaddr);
  for (i = 0; i + 1 < m; i++)
    if (v[i].p + footprint(v[i].sz) > v[i + 1].p)
      cr_assert_fail("blocks %u (%p, %zu bytes) and %u (%p) overlap", (unsigned)v[i].id,
                     (void *)v[i].p, v[i].sz, (unsigned)v[i + 1].id, (void *)v[i + 1].p);
}

static unsigned char *palloc(picA_Pool *pool, size_t sz) {
  unsigned char *p = (unsigned char *)picA_alloc(pool, NULL, 0, sz);
  cr_assert_not_null(p, "picA_alloc(%zu) failed", sz);
  cr_assert(isaligned(p), "block of %zu bytes at %p not %d-aligned", sz, (void *)p, PICA_GRAIN);
  return p;
}

static void pfree(picA_Pool *pool, void *p, size_t sz) {
  cr_assert_null(picA_alloc(pool, p, sz, 0));
}

/* ---- (1) fresh blocks ---- */

#define ROUNDS 3
#define NSMALL 600

Test(palloc, fresh_blocks_aligned_distinct_and_keep_contents) {
  static const size_t large[] = {1024, 4096, 100 * 1024};
  enum { NLARGE = sizeof(large) / sizeof(large[0]) };
  Blk v[ROUNDS * (NSMALL + NLARGE)];
  size_t n = 0, i, s;
  int r;
  picA_Pool *pool = picA_newpool();
  cr_assert_not_null(pool);
  cr_assert_null(picA_alloc(pool, NULL, 0, 0), "size 0 gives NULL");
  for (r = 0; r < ROUNDS; r++) {
    for (s = 1; s <= NSMALL; s++, n++) {
      v[n].sz = s;
      v[n].id = (uint32_t)n;
      v[n].p = palloc(pool, s);
      fill(v[n].p, s, v[n].id);
    }
    for (i = 0; i < NLARGE; i++, n++) {
      v[n].sz = large[i];
      v[n].id = (uint32_t)n;
      v[n].p = palloc(pool, large[i]);
      fill(v[n].p, large[i], v[n].id);
    }
  }
  for (i = 0; i < n; i++)
    checkblock(v[i].p, v[i].sz, v[i].id);
  checkdisjoint(v, n);
  for (i = 0; i < n; i++)
    pfree(pool, v[i].p, v[i].sz);
  picA_freepool(pool);
}

/* ---- (2) reuse ---- */

Test(palloc, free_then_alloc_reuses_lifo_within_a_class) {
  picA_Pool *pool = picA_newpool();
  size_t cls;
  for (cls = 0; cls < PICA_NCLASSES; cls++) {
    size_t lo = cls * PICA_GRAIN + 1, hi = (cls + 1) * PICA_GRAIN;
    unsigned char *a = palloc(pool, hi), *b = palloc(pool, lo), *c = palloc(pool, hi);
    unsigned char *x, *y, *z;
    cr_assert(a != b && b != c && a != c);
    pfree(pool, a, hi);
    pfree(pool, c, hi);
    if (cls > 0) {  /* a block of another class must not come from this list */
      unsigned char *o = palloc(pool, cls * PICA_GRAIN);
      cr_assert(o != a && o != c, "class %zu got a block of class %zu", cls - 1, cls);
      pfree(pool, o, cls * PICA_GRAIN);
    }
    x = palloc(pool, lo);  /* any size of the class: last freed first */
    y = palloc(pool, hi);
    z = palloc(pool, lo);
    cr_assert_eq(x, c, "class %zu: expected the last freed block", cls);
    cr_assert_eq(y, a, "class %zu: expected the first freed block next", cls);
    cr_assert(z != a && z != b && z != c, "class %zu: a live block handed out twice", cls);
    pfree(pool, x, lo);
    pfree(pool, y, hi);
    pfree(pool, z, lo);
    pfree(pool, b, lo);
  }
  picA_freepool(pool);
}

#define NRANDOM 100000

/* A random size: mostly pooled (1..PICA_MAXSMALL plus a little), some large. */
static size_t randsize(void) {
  uint64_t r = rnd();
  if (r % 100 < 96)
    return 1 + (size_t)((r >> 8) % (PICA_MAXSMALL + 88));
  return PICA_MAXSMALL + 1 + (size_t)((r >> 8) % 4096);
}

Test(palloc, random_churn_never_hands_out_a_live_block) {
  Blk *v = (Blk *)calloc(NRANDOM, sizeof(Blk));
  picA_Pool *pool = picA_newpool();
  uint32_t nextid = 0;
  size_t i, live = 0, resized = 0;
  cr_assert_not_null(v);
  rngstate = 0x9E3779B97F4A7C15ULL;
  for (i = 0; i < NRANDOM; i++) {
    v[i].sz = randsize();
    v[i].id = nextid++;
    v[i].p = palloc(pool, v[i].sz);
    fill(v[i].p, v[i].sz, v[i].id);
  }
  for (i = 0; i < NRANDOM; i++) {  /* free a random half, checking each first */
    if (rnd() & 1) {
      checkblock(v[i].p, v[i].sz, v[i].id);
      pfree(pool, v[i].p, v[i].sz);
      v[i].p = NULL;
    }
  }
  for (i = 0; i < NRANDOM; i++) {  /* refill the holes; resize some live blocks */
    if (v[i].p == NULL) {
      v[i].sz = randsize();
      v[i].id = nextid++;
      v[i].p = palloc(pool, v[i].sz);
      fill(v[i].p, v[i].sz, v[i].id);
    } else if (rnd() % 8 == 0) {
      size_t nsz = randsize(), keep = nsz < v[i].sz ? nsz : v[i].sz;
      unsigned char *np = (unsigned char *)picA_alloc(pool, v[i].p, v[i].sz, nsz);
      cr_assert_not_null(np);
      cr_assert(isaligned(np));
      checkblock(np, keep, v[i].id);
      v[i].p = np;
      v[i].sz = nsz;
      v[i].id = nextid++;
      fill(np, nsz, v[i].id);
      resized++;
    }
  }
  cr_assert_gt(resized, NRANDOM / 20);
  for (i = 0; i < NRANDOM; i++) {
    checkblock(v[i].p, v[i].sz, v[i].id);
    live++;
  }
  cr_assert_eq(live, NRANDOM);
  checkdisjoint(v, NRANDOM);  /* sorts v */
  for (i = 0; i < NRANDOM; i++)
    pfree(pool, v[i].p, v[i].sz);
  picA_freepool(pool);
  free(v);
}

/* ---- (3) resize ---- */

Test(palloc, resize_keeps_the_common_prefix) {
  static const size_t sizes[] = {1,   8,   15,  16,   17,   31,   32,   33,     100,
                                 255, 256, 257, 496,  511,  512,  513,  600,    767, 768, 769, 1024,
                                 4000, 4096, 100000,
                                 /* huge-page mappings (2 MiB and up): across the
                                 ** threshold, and within one 4 MiB mapping */
                                 2097152, 3000000, 4000000};
  enum { NS = sizeof(sizes) / sizeof(sizes[0]) };
  picA_Pool *pool = picA_newpool();
  unsigned char *guard[NS];
  uint32_t id = 0;
  size_t i, j;
  for (i = 0; i < NS; i++) {
    for (j = 0; j < NS; j++) {
      size_t os = sizes[i], ns = sizes[j], keep = os < ns ? os : ns;
      unsigned char *p = palloc(pool, os), *q;
      size_t k;
      for (k = 0; k < NS; k++) {  /* neighbours that the resize must not touch */
        guard[k] = palloc(pool, sizes[k]);
        fill(guard[k], sizes[k], 1000000 + (uint32_t)k);
      }
      fill(p, os, id);
      q = (unsigned char *)picA_alloc(pool, p, os, ns);
      cr_assert_not_null(q, "resize %zu -> %zu failed", os, ns);
      cr_assert(isaligned(q));
      checkblock(q, keep, id);
      if (os <= PICA_MAXSMALL && ns <= PICA_MAXSMALL && picA_class(os) == picA_class(ns))
        cr_assert_eq(q, p, "resize %zu -> %zu within a class moved the block", os, ns);
      else if ((os <= PICA_MAXSMALL) != (ns <= PICA_MAXSMALL) || os <= PICA_MAXSMALL)
        cr_assert(q != p, "resize %zu -> %zu across classes kept the block", os, ns);
      id++;
      fill(q, ns, id);  /* the whole new size is writable */
      for (k = 0; k < NS; k++) {
        checkblock(guard[k], sizes[k], 1000000 + (uint32_t)k);
        pfree(pool, guard[k], sizes[k]);
      }
      checkblock(q, ns, id);
      pfree(pool, q, ns);
    }
  }
  picA_freepool(pool);
}

/* ---- (4) freepool ---- */

static size_t mallocinuse(void) {
  struct mallinfo2 mi = mallinfo2();
  return mi.uordblks + mi.hblkhd;
}

/* The process's mapped address space in bytes (/proc/self/statm): the
** pool's huge-page chunks are mappings of their own, which malloc's
** counters do not see. */
static size_t mapped(void) {
  FILE *f = fopen("/proc/self/statm", "r");
  unsigned long pages = 0;
  cr_assert(f != NULL);
  cr_assert(fscanf(f, "%lu", &pages) == 1);
  fclose(f);
  return (size_t)pages * 4096u;
}

/* Fills a pool with many MB of small blocks over several chunks, frees some,
** then frees the pool with the rest still live; glibc's malloc counters and
** the mapped address space (or, under ASan, LeakSanitizer) must show nothing
** left. */
Test(palloc, freepool_frees_every_chunk) {
  size_t before = mallocinuse(), during, after;
  size_t mbefore = mapped(), mduring, mafter;
  picA_Pool *pool = picA_newpool();
  enum { N = 40000 };
  unsigned char **p = (unsigned char **)malloc(N * sizeof(*p));
  size_t *sz = (size_t *)malloc(N * sizeof(*sz));
  size_t i;
  cr_assert(pool != NULL && p != NULL && sz != NULL);
  rngstate = 12345;
  for (i = 0; i < N; i++) {
    sz[i] = 1 + (size_t)(rnd() % PICA_MAXSMALL);
    p[i] = palloc(pool, sz[i]);
    fill(p[i], sz[i], (uint32_t)i);
  }
  for (i = 0; i < N; i += 3)
    pfree(pool, p[i], sz[i]);
  free(p);  /* no pointer into the chunks stays for LeakSanitizer to see */
  free(sz);
  during = mallocinuse();
  mduring = mapped();
  picA_freepool(pool);  /* the small blocks still live go with it */
  after = mallocinuse();
  mafter = mapped();
#if PICA_POOL  /* glibc's malloc and the mappings: the chunks show */
  cr_assert_gt(during + (mduring - mbefore), before + (size_t)N * 200,
               "the pool should hold MBs (%zu -> %zu in malloc, %zu -> %zu mapped)",
               before, during, mbefore, mduring);
  cr_assert_leq(after, before + 1024, "freepool left %zu bytes in malloc", after - before);
  cr_assert_leq(mafter, mbefore + 1024 * 1024, "freepool left %zu bytes mapped", mafter - mbefore);
#else  /* ASan's malloc: LeakSanitizer sees the chunks */
  (void)before;
  (void)during;
  (void)after;
  (void)mbefore;
  (void)mduring;
  (void)mafter;
#endif
  cr_assert(noleaks(), "LeakSanitizer found blocks freepool did not free");
}

/* ---- (5) a whole state ---- */

#define NSTR 20000

static size_t strlenof(int i) {
  return (size_t)((i * 37) % 700);
}

/* Writes string [i] into [buf] (length strlenof(i), content from [i] and
** [gen]; from 5 characters on, distinct per i); returns its length. */
static size_t makestr(char *buf, int i, int gen) {
  size_t n = strlenof(i), k;
  int d = i;
  for (k = 0; k < n; k++)
    buf[k] = (char)('a' + (i * 7 + (int)k + gen) % 26);
  for (k = 0; k < 6 && k < n; k++, d /= 10)  /* i in decimal, lowest digit first */
    buf[k] = (char)('0' + d % 10);
  return n;
}

static void pushstr(pic_State *L, int i, int gen) {
  char buf[720];
  size_t n = makestr(buf, i, gen);
  pic_pushlstring(L, buf, n);
}

static void checkstr(pic_State *L, int idx, int i, int gen) {
  char buf[720];
  size_t len, n = makestr(buf, i, gen);
  const char *s = pic_tolstring(L, idx, &len);
  cr_assert_not_null(s, "entry %d is not a string", i);
  cr_assert_eq(len, n, "entry %d has length %zu, expected %zu", i, len, n);
  cr_assert(memcmp(s, buf, n) == 0, "entry %d corrupted", i);
}

/* Makes a table at the top with a few array and hash entries of entry [i]. */
static void pushtable(pic_State *L, int i) {
  int k;
  pic_createtable(L, i % 8, i % 5);
  for (k = 1; k <= i % 8 + 1; k++) {
    pic_pushinteger(L, (pic_Integer)i * 100 + k);
    pic_rawseti(L, -2, k);
  }
  pic_pushinteger(L, i);
  pic_rawsetfield(L, -2, "id");
}

static void checktable(pic_State *L, int idx, int i) {
  int k;
  cr_assert(pic_istable(L, idx), "entry %d is not a table", i);
  for (k = 1; k <= i % 8 + 1; k++) {
    pic_rawgeti(L, idx, k);
    cr_assert_eq(pic_tointeger(L, -1), (pic_Integer)i * 100 + k, "table %d [%d]", i, k);
    pic_pop(L, 1);
  }
  pic_rawgetfield(L, idx, "id");
  cr_assert_eq(pic_tointeger(L, -1), i);
  pic_pop(L, 1);
}

/* Entry i of the anchor: a string when i % 3 != 0, else a table. */
static void pushentry(pic_State *L, int i, int gen) {
  if (i % 3 == 0)
    pushtable(L, i);
  else
    pushstr(L, i, gen);
}

static void checkentry(pic_State *L, int idx, int i, int gen) {
  if (i % 3 == 0)
    checktable(L, idx, i);
  else
    checkstr(L, idx, i, gen);
}

Test(palloc, whole_state_returns_to_baseline) {
  pic_State *L = pic_newstate(NULL, NULL);
  size_t base, full, after;
  int i, gen[NSTR + 1];
  cr_assert_not_null(L);
#if PICA_POOL
  cr_assert(G(L)->frealloc == picA_alloc, "the default allocator is the pool");
#endif
  pic_gc(L, PIC_GCCOLLECT);
  base = pic_memused(L);
  pic_createtable(L, 0, 0);  /* the anchor, index 1 */
  for (i = 1; i <= NSTR; i++) {
    gen[i] = 0;
    pushentry(L, i, 0);
    pic_rawseti(L, 1, i);
  }
  full = pic_memused(L);
  cr_assert_gt(full, base + (size_t)NSTR * 200, "memused %zu after %d objects", full, NSTR);
  for (i = 1; i <= NSTR; i += 2) {  /* drop half, collect, then reuse the space */
    pic_pushnil(L);
    pic_rawseti(L, 1, i);
  }
  pic_gc(L, PIC_GCCOLLECT);
  cr_assert_lt(pic_memused(L), full);
  for (i = 1; i <= NSTR; i += 2) {
    gen[i] = 1;
    pushentry(L, i, 1);
    pic_rawseti(L, 1, i);
  }
  pic_gc(L, PIC_GCCOLLECT);
  for (i = 1; i <= NSTR; i++) {
    pic_rawgeti(L, 1, i);
    checkentry(L, -1, i, gen[i]);
    pic_pop(L, 1);
  }
  pic_pop(L, 1);  /* drop the anchor: everything is garbage */
  pic_gc(L, PIC_GCCOLLECT);
  after = pic_memused(L);
  cr_assert_leq(after, base + 16 * 1024, "memused %zu after collecting, baseline %zu", after,
                base);
  cr_assert_leq(after, pic_mempeak(L) / 10);
  pic_close(L);
  cr_assert(noleaks(), "LeakSanitizer found blocks pic_close did not free");
}

/* ---- the host commands' malloc set-up ---- */

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
static long minorfaults(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_minflt;
}
#endif

/* After pich_initprocess, a 512 KiB block freed and allocated again stays in
** malloc's heap: its pages fault in once, not at every allocation (setting
** only the trim threshold froze glibc's 128 KiB mapping threshold, and 500
** rounds cost ~64,000 faults). glibc only; ASan's malloc ignores mallopt. */
Test(host, initprocess_keeps_midsize_blocks_mapped_once) {
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
  const size_t size = 512 * 1024;
  long before;
  int i;
  pich_initprocess();
  before = minorfaults();
  for (i = 0; i < 500; i++) {
    char *p = malloc(size);
    cr_assert_not_null(p);
    memset(p, i, size);
    __asm__ volatile("" : : "r"(p) : "memory");   /* the writes happen */
    free(p);
  }
  cr_expect_lt(minorfaults() - before, 4000, "%ld page faults for 500 rounds of a 512 KiB block",
               minorfaults() - before);
#endif
}
