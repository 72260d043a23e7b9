/*
** memory_test.c -- the counting allocator: exact accounting, peak, limit,
** emergency collection, collector bookkeeping. Module: runtime (tests).
*/
#include <criterion/criterion.h>
#include <stdlib.h>

#include "runtime/palloc.h"   /* PICA_POOL */
#include "runtime/pfunc.h"
#include "runtime/pmem.h"
#include "runtime/tests/testutil.h"

/* An allocator that tracks the bytes it holds, to check totalbytes. */
static size_t held;

static void *countalloc(void *ud, void *p, size_t osize, size_t nsize) {
  (void)ud;
  if (p == NULL)
    osize = 0;
  if (nsize == 0) {
    free(p);
    held -= osize;
    return NULL;
  }
  p = realloc(p, nsize);
  if (p != NULL)
    held = held - osize + nsize;
  return p;
}

Test(memory, totalbytes_matches_allocator) {
  pic_State *L;
  int i;
  held = 0;
  L = pic_newstate(countalloc, NULL);
  cr_assert_eq(pic_memused(L), held);
  {
    Table *parent = push_table(L);
    for (i = 0; i < 100; i++) {
      TValue v;
      sethvalue(L, &v, picH_new(L));
      picH_setint(L, parent, i + 1, &v);
    }
  }
  cr_assert_eq(pic_memused(L), held);
  pic_close(L);
  cr_assert_eq(held, 0);
}

Test(memory, returns_to_baseline_after_collection) {
  pic_State *L = pic_newstate(NULL, NULL);
  size_t base, peak;
  int i;
  picC_fullgc(L, 0);
  base = pic_memused(L);
  for (i = 0; i < 1000; i++) {
    Table *t = picH_new(L);
    LClosure *cl = picF_newLclosure(L, 2);
    (void)t;
    (void)cl;
    picS_newudata(L, 64, 1);
  }
  cr_assert_gt(pic_memused(L), base);
  peak = pic_mempeak(L);
  cr_assert_geq(peak, pic_memused(L));
  picC_fullgc(L, 0);
  cr_assert_eq(pic_memused(L), base);
  cr_assert_eq(pic_mempeak(L), peak);
  cr_assert_geq(G(L)->gccount, 2);
  pic_close(L);
}

static void allocbig(pic_State *L, void *ud) {
  (void)ud;
  (void)picM_malloc_(L, 1 << 20);
}

Test(memory, limit_raises_not_enough_memory) {
  pic_State *L = pic_newstate(NULL, NULL);
  pic_setmemlimit(L, pic_memused(L) + 4096);
  cr_assert_eq(protect(L, allocbig, NULL), PIC_ERRMEM);
  cr_assert_str_eq(top_str(L), "not enough memory");
  pic_setmemlimit(L, 0);
  pic_close(L);
}

/* Small blocks resized to small sizes (picM_realloc_'s pool path): the
** common prefix kept, the count moved by exactly the difference, the old
** block back in the pool, and the limit still refusing growth. */
Test(memory, small_resize_counts_exactly_and_respects_the_limit) {
  pic_State *L = pic_newstate(NULL, NULL);
  static const size_t sizes[] = { 16, 32, 24, 200, 1024, 8, 512, 16 };
  size_t base = pic_memused(L), cur = sizes[0], i;
  unsigned char *p = (unsigned char *)picM_realloc_(L, NULL, 0, cur), *q;
  cr_assert_not_null(p);
  for (i = 0; i < cur; i++)
    p[i] = (unsigned char)(i * 7 + 1);
  for (i = 1; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
    size_t n = sizes[i], j, keep = cur < n ? cur : n;
    unsigned char *old = p;
    p = (unsigned char *)picM_realloc_(L, p, cur, n);
    cr_assert_not_null(p, "resize %zu -> %zu", cur, n);
    cr_assert_eq(pic_memused(L), base + n, "memused after %zu -> %zu", cur, n);
    for (j = 0; j < keep; j++)
      cr_assert_eq(p[j], (unsigned char)(j * 7 + 1), "byte %zu after %zu -> %zu", j, cur, n);
    for (j = keep; j < n; j++)
      p[j] = (unsigned char)(j * 7 + 1);
#if PICA_POOL
    if (p != old) {   /* the old block is free again: the next one of its size reuses it */
      q = (unsigned char *)picM_realloc_(L, NULL, 0, cur);
      cr_assert_eq(q, old, "old block of %zu bytes not reused", cur);
      picM_free_(L, q, cur);
    }
#else
    (void)old;
#endif
    cur = n;
  }
  pic_setmemlimit(L, pic_memused(L) + 64);   /* growing by more than 64 bytes fails */
  q = (unsigned char *)picM_realloc_(L, p, cur, cur + 200);
  cr_assert_null(q, "a resize past the limit succeeded");
  cr_assert_eq(p[0], 1);
  base = pic_memused(L);   /* the failure's emergency collection may have freed some */
  q = (unsigned char *)picM_realloc_(L, p, cur, cur + 32);
  cr_assert_not_null(q, "a resize within the limit failed");
  cr_assert_eq(pic_memused(L), base + 32);
  cr_assert_eq(q[cur - 1], (unsigned char)((cur - 1) * 7 + 1));
  pic_setmemlimit(L, 0);
  picM_free_(L, q, cur + 32);
  cr_assert_eq(pic_memused(L), base - cur);
  pic_close(L);
}

Test(memory, emergency_collection_frees_garbage) {
  pic_State *L = pic_newstate(NULL, NULL);
  size_t base;
  void *p;
  int i;
  picC_fullgc(L, 0);
  base = pic_memused(L);
  for (i = 0; i < 200; i++)
    (void)picH_new(L);  /* garbage */
  pic_setmemlimit(L, base + 2048);
  p = picM_realloc_(L, NULL, 0, 1024);  /* fits only after collecting */
  cr_assert_not_null(p);
  picM_free_(L, p, 1024);
  pic_setmemlimit(L, 0);
  pic_close(L);
}

static void makefinalizable(pic_State *L, Table **pobj) {
  Table *mt = push_table(L);
  Table *o = push_table(L);
  TValue k = tv_str(L, "__gc"), v;
  setbtvalue(&v);
  picH_set(L, mt, &k, &v);
  o->metatable = mt;
  picC_checkfinalizer(L, obj2gco(o), mt);
  *pobj = o;
}

Test(memory, finalizer_queue) {
  pic_State *L = pic_newstate(NULL, NULL);
  Table *o;
  StkId base = L->top;
  makefinalizable(L, &o);
  cr_assert(tofinalize(obj2gco(o)));
  L->top = base + 1;  /* drop the object, keep the metatable */
  picC_fullgc(L, 0);
  cr_assert(picC_nextfinalizer(L));
  cr_assert(ttistrue(L->top - 2));
  cr_assert_eq(hvalue(L->top - 1), o);
  cr_assert(!tofinalize(obj2gco(o)));
  cr_assert(!picC_nextfinalizer(L));
  L->top = base;
  picC_fullgc(L, 0);
  cr_assert(!picC_nextfinalizer(L));
  pic_close(L);
}

Test(memory, weak_tables) {
  pic_State *L = pic_newstate(NULL, NULL);
  Table *w = push_table(L);
  Table *mt = picH_new(L);
  TValue k, v;
  int count = 0;
  w->metatable = mt;
  k = tv_str(L, "__mode");
  v = tv_str(L, "k");
  picH_set(L, mt, &k, &v);
  sethvalue(L, &k, picH_new(L));  /* dies */
  v = tv_int(1);
  picH_set(L, w, &k, &v);
  sethvalue(L, &k, push_table(L));  /* kept on the stack */
  picH_set(L, w, &k, &v);
  k = tv_str(L, "strings are values");
  picH_set(L, w, &k, &v);
  picC_fullgc(L, 0);
  setnilvalue(L->top);
  L->top += 2;
  while (picH_next(L, w, L->top - 2))
    count++;
  L->top -= 2;
  cr_assert_eq(count, 2);
  pic_close(L);
}
