/*
** pmem.c -- the counting allocator: every byte of a state passes through here.
** Module: runtime (prefix picM_).
**
** Invariant: g->totalbytes is the exact sum of the sizes of the live blocks;
** g->GCdebt moves by the same amounts (the collector pays it back). A request
** that would exceed g->memlimit, or that frealloc refuses, gets one emergency
** full collection (when the state is complete and no collection is running)
** and one retry before it fails. With the default allocator, small blocks
** take the inline fast paths of pmemfast.h into its pool (palloc.h),
** counted the same way.
*/
#include <stdint.h>
#include <string.h>

#include "runtime/palloc.h"
#include "runtime/pdo.h"
#include "runtime/pgc.h"
#include "runtime/pmem.h"
#include "runtime/pmemfast.h"
#include "runtime/pstate.h"

#define MINSIZEARRAY 4

/* An emergency collection may run only in a fully built state, outside any
** collection and outside pic_close. */
#define cantryagain(g) (completestate(g) && !((g)->gcstp & (GCSTPGC | GCSTPCLS)))

/* One attempt at the raw allocator, refusing growth past the limit. */
static void *tryrealloc(global_State *g, void *block, size_t osize, size_t nsize) {
  if (g->memlimit != 0 && nsize > osize &&
      (nsize - osize > g->memlimit || g->totalbytes > g->memlimit - (nsize - osize)))
    return NULL;
  return (*g->frealloc)(g->ud, block, osize, nsize);
}

void picM_setlimit(pic_State *L, size_t limit) {
  global_State *g = G(L);
  g->memlimit = limit;
  g->poolroom = (!PICA_POOL || g->frealloc != picA_alloc) ? 0 : (limit != 0 ? limit : SIZE_MAX);
}

/* Resizes [block] from [osize] to [size] bytes (size 0 frees); returns NULL
** on failure with the block unchanged. Never raises. */
#ifdef PIC_GC_STRESS
/* gcstress: an emergency collection every 64 growing allocations per heap
** MiB, as if the allocation had hit the memory limit, so that every object
** under construction meets one (it must be anchored, and stores into it
** after an allocation need their barriers). Not while the collector is
** stopped: a program stepping it by hand (collectgarbage("step") until a
** cycle ends) would see every cycle finished by the stress instead. */
static void stressalloc(pic_State *L) {
  static unsigned long calls;
  global_State *g = G(L);
  if (completestate(g) && gcrunning(g) && ++calls % (((g->totalbytes >> 20) + 1) * 64) == 0)
    picC_fullgc(L, 1);
}
#define stressalloc_(L, osize, size) do { if ((size) > (osize)) stressalloc(L); } while (0)
#else
#define stressalloc_(L, osize, size) ((void)0)
#endif

void *picM_realloc_(pic_State *L, void *block, size_t osize, size_t size) {
  global_State *g = G(L);
  void *newblock;
  stressalloc_(L, block == NULL ? 0 : osize, size);
  if (block == NULL) {
    osize = 0;
    if (size != 0 && (newblock = picM_fastnew(g, size)) != NULL)
      return newblock;
  } else if (size != 0 && osize <= PICA_MAXSMALL && (newblock = picM_fastnew(g, size)) != NULL) {
    /* a small block resized to another small size (a constructor's array
    ** grown by SETLIST, a short buffer): as picA_alloc resizes it (the pool
    ** holds every small block of its allocator, so the old one goes back) */
    memcpy(newblock, block, osize < size ? osize : size);
    (void)picM_fastfree(g, block, osize);
    return newblock;
  }
  if (size == 0) {
    if (block != NULL) {
      (*g->frealloc)(g->ud, block, osize, 0);
      g->totalbytes -= osize;
      g->GCdebt -= (ptrdiff_t)osize;
    }
    return NULL;
  }
  newblock = tryrealloc(g, block, osize, size);
  if (newblock == NULL && cantryagain(g)) {
    picC_fullgc(L, 1);
    newblock = tryrealloc(g, block, osize, size);
  }
  if (newblock == NULL)
    return NULL;
  g->totalbytes = g->totalbytes - osize + size;
  g->GCdebt += (ptrdiff_t)size - (ptrdiff_t)osize;
  if (g->totalbytes > g->peakbytes)
    g->peakbytes = g->totalbytes;
  return newblock;
}

/* As picM_realloc_, but raises a memory error on failure. */
void *picM_saferealloc_(pic_State *L, void *block, size_t osize, size_t size) {
  void *newblock = picM_realloc_(L, block, osize, size);
  if (newblock == NULL && size > 0)
    picM_error(L);
  return newblock;
}

/* A fresh block of [size] bytes (NULL for 0); raises a memory error on failure. */
void *picM_malloc_(pic_State *L, size_t size) {
  void *block;
  if (size == 0)
    return NULL;
  if ((block = picM_fastnew(G(L), size)) != NULL)
    return block;
  return picM_saferealloc_(L, NULL, 0, size);
}

/* Frees [block] of [osize] bytes. */
void picM_free_(pic_State *L, void *block, size_t osize) {
  if (!picM_fastfree(G(L), block, osize))   /* as picM_realloc_ to 0 */
    (void)picM_realloc_(L, block, osize, 0);
}

/* Grows a vector as luaM_growaux_: doubles the size, at least MINSIZEARRAY,
** at most [limit]; raises "too many [what] (limit is N)" past the limit. */
void *picM_growaux_(pic_State *L, void *block, int nelems, int *psize, int size_elem,
                    int limit, const char *what) {
  void *newblock;
  int size = *psize;
  if (nelems + 1 <= size)
    return block;
  if (size >= limit / 2) {
    if (size >= limit)
      picG_runerror(L, "too many %s (limit is %d)", what, limit);
    size = limit;
  } else {
    size *= 2;
    if (size < MINSIZEARRAY)
      size = MINSIZEARRAY;
  }
  newblock = picM_saferealloc_(L, block, (size_t)*psize * (size_t)size_elem,
                               (size_t)size * (size_t)size_elem);
  *psize = size;
  return newblock;
}

/* Pushes the fixed "not enough memory" message and raises PIC_ERRMEM. */
void picM_error(pic_State *L) {
  global_State *g = G(L);
  if (g->memerrmsg != NULL && L->top < L->stack_last + EXTRA_STACK) {
    setsvalue(L, L->top, g->memerrmsg);
    L->top++;
  }
  picD_throw(L, PIC_ERRMEM);
}
