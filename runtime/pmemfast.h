/*
** pmemfast.h -- the counting allocator's fast paths, in line: a small block
** from the default allocator's pool, and one given back to it. Module:
** runtime (internal, prefix picM_). pmem.c's picM_malloc_/picM_free_ take
** them first; the collector's object creation and freeing (pgc.c, ptable.c)
** call them directly, falling back to those functions when they decline.
** Counted exactly as pmem.c counts (g->totalbytes, g->GCdebt, peak).
*/
#ifndef PMEMFAST_H
#define PMEMFAST_H

#include "runtime/palloc.h"
#include "runtime/pmem.h"
#include "runtime/pstate.h"

#if PICA_POOL
/* A new block of [size] > 0 bytes from the default allocator's pool; NULL
** when this does not apply (another allocator, a large block, the memory
** limit, or the pool needs a new chunk). */
static inline void *picM_fastnew(global_State *g, size_t size) {
  void *block;
#ifdef PIC_GC_STRESS
  return NULL;   /* gcstress: every allocation through pmem.c (its stressalloc) */
#endif
  if (size > PICA_MAXSMALL || g->totalbytes + size > g->poolroom)
    return NULL;   /* (no overflow: totalbytes counts memory that exists) */
  block = picA_fastget((picA_Pool *)g->ud, size);
  if (block != NULL) {
    g->totalbytes += size;
    g->GCdebt += (ptrdiff_t)size;
    if (g->totalbytes > g->peakbytes)
      g->peakbytes = g->totalbytes;
  }
  return block;
}

/* Gives [block] of [osize] bytes back to the pool; 0 when it is not a
** pool block (another allocator, a large or NULL block). */
static inline int picM_fastfree(global_State *g, void *block, size_t osize) {
  if (block == NULL || g->poolroom == 0 || osize > PICA_MAXSMALL)
    return 0;
  picA_fastput((picA_Pool *)g->ud, block, osize);
  g->totalbytes -= osize;
  g->GCdebt -= (ptrdiff_t)osize;
  return 1;
}
#else
#define picM_fastnew(g, size) ((void)(g), (void)(size), (void *)NULL)
#define picM_fastfree(g, block, osize) ((void)(g), (void)(block), (void)(osize), 0)
#endif

/* picM_malloc_ of [size] > 0 bytes (objects) and picM_free_, with their
** fast paths in line. */
static inline void *picM_mallocin(pic_State *L, size_t size) {
  void *block = picM_fastnew(G(L), size);
  return block != NULL ? block : picM_malloc_(L, size);
}

static inline void picM_freein(pic_State *L, void *block, size_t osize) {
  if (!picM_fastfree(G(L), block, osize))
    picM_free_(L, block, osize);
}

#endif
