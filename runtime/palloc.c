/*
** palloc.c -- the default allocator: a per-state pool of small blocks.
** Module: runtime (prefix picA_).
**
** Sizes are rounded up to a multiple of PICA_GRAIN; each class (16, 32, ...
** PICA_MAXSMALL bytes) has a LIFO free list threaded through the free blocks
** themselves. New blocks are carved, in allocation order, from the current
** chunk (a malloc'ed slab; chunks grow geometrically up to MAXCHUNK). Blocks
** carry no header: the caller passes each block's size (the counting layer,
** pmem.c, keeps it exact). Free blocks stay in the pool until the state is
** closed (as malloc keeps its free lists); larger blocks go straight to
** malloc. The fast paths (picA_fastget/picA_fastput) are in palloc.h.
**
** Big mappings: on Linux, chunks of MAXCHUNK and blocks of HUGESIZE bytes
** or more are mappings of their own, aligned to HUGESIZE; freed ones are
** cached for reuse (hugeget/hugeput) and grown by mremap. A block's size
** (passed back by the caller) tells which kind it is: a mapped block of n
** bytes spans hugeround(n) bytes (from a 2 MiB boundary, unless mremap moved
** it). Elsewhere everything is malloc's.
**
** Transparent huge pages: built with PICA_THP=1, the mappings are advised
** MADV_HUGEPAGE, so that big arrays, hash parts, the intern table and the
** slabs cost the TLB one entry per 2 MiB instead of 512. Off by default: on
** the machine of docs/performance.md's fourth session it saved CPU time
** (binary_trees -22%, json -10%), but on the twelfth session's (a microVM
** whose free memory goes back to the host) each fresh 2 MiB page cost
** milliseconds of system time, up to 0.28 s per json or string_build run,
** for no gain in user time.
*/
#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE   /* mremap */
#endif
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/palloc.h"

#if PICA_POOL && defined(__linux__)
#include <sys/mman.h>
#endif
#if PICA_POOL && defined(__linux__)
#define HUGEMAP 1
#else
#define HUGEMAP 0
#endif
#if HUGEMAP && PICA_THP && defined(MADV_HUGEPAGE)
#define adviseTHP(p, len) madvise(p, len, MADV_HUGEPAGE)   /* advice only: failure is harmless */
#else
#define adviseTHP(p, len) ((void)0)
#endif

#define HUGESIZE ((size_t)2 * 1024 * 1024)
#define hugeround(n) (((n) + HUGESIZE - 1) & ~(HUGESIZE - 1))
#define FIRSTCHUNK ((size_t)16 * 1024)
#define MAXCHUNK HUGESIZE

#define classsize(c) ((size_t)((c) + 1) * PICA_GRAIN)
#define issmall(sz) ((sz) <= PICA_MAXSMALL)

/* A slab; its blocks follow the (PICA_GRAIN-aligned) header. */
typedef struct picA_Chunk {
  struct picA_Chunk *prev;
  size_t size;
} Chunk;

#define CHUNKHDR ((sizeof(Chunk) + PICA_GRAIN - 1) / PICA_GRAIN * PICA_GRAIN)

#if HUGEMAP
/* [n] bytes (rounded up to HUGESIZE) of fresh memory aligned to HUGESIZE
** (advised for huge pages under PICA_THP); NULL when mapping fails. */
static void *hugemap(size_t n) {
  size_t len = hugeround(n);
  char *p, *a;
  if (len < n)   /* overflow */
    return NULL;
  p = (char *)mmap(NULL, len + HUGESIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED)
    return NULL;
  a = (char *)(((uintptr_t)p + HUGESIZE - 1) & ~(uintptr_t)(HUGESIZE - 1));
  if (a > p)   /* trim to the aligned part */
    munmap(p, (size_t)(a - p));
  munmap(a + len, (size_t)(p + HUGESIZE - a));
  adviseTHP(a, len);
  return a;
}

/* Freed huge mappings of up to HUGEKEEP bytes in all stay in the pool's
** cache (PICA_HUGECACHE entries) and serve the next huge block that fits,
** trimmed to its size: their pages are already there, so reusing them costs
** no page faults (each fresh 2 MiB page is a 2 MiB clear in the kernel,
** sometimes a compaction). A growing string buffer or big strings made and
** dropped in turn allocate and free the same sizes over and over
** (json: system time over 8 runs 0.57 -> 0.37 s). */
#define HUGEKEEP ((size_t)16 * 1024 * 1024)

/* A mapping for [n] huge bytes: the smallest cached one that fits, or a new one. */
static void *hugeget(picA_Pool *pool, size_t n) {
  size_t len = hugeround(n);
  int i, best = -1;
  for (i = 0; i < PICA_HUGECACHE; i++)
    if (pool->hugelen[i] >= len && (best < 0 || pool->hugelen[i] < pool->hugelen[best]))
      best = i;
  if (best >= 0) {
    char *p = (char *)pool->hugefree[best];
    if (pool->hugelen[best] > len)
      munmap(p + len, pool->hugelen[best] - len);
    pool->hugelen[best] = 0;
    return p;
  }
  return hugemap(n);
}

/* Frees the mapping [p] of a block of [n] huge bytes into the cache when it
** fits within HUGEKEEP, evicting the smallest entries until it does (an
** entry and the bytes); a bigger one goes back to the system. */
static void hugeput(picA_Pool *pool, void *p, size_t n) {
  size_t len = hugeround(n);
  if (len > HUGEKEEP) {
    munmap(p, len);
    return;
  }
  for (;;) {
    size_t total = len;
    int i, slot = -1, smallest = -1;
    for (i = 0; i < PICA_HUGECACHE; i++) {
      if (pool->hugelen[i] == 0) {
        slot = i;
      } else {
        total += pool->hugelen[i];
        if (smallest < 0 || pool->hugelen[i] < pool->hugelen[smallest])
          smallest = i;
      }
    }
    if (slot >= 0 && total <= HUGEKEEP) {
      pool->hugefree[slot] = p;
      pool->hugelen[slot] = len;
      return;
    }
    munmap(pool->hugefree[smallest], pool->hugelen[smallest]);   /* make room */
    pool->hugelen[smallest] = 0;
  }
}

/* Resizes the mapping of a block of [osize] huge bytes at [p] for [nsize]
** huge bytes: mremap moves the pages instead of copying them, so growing
** faults in only the new part (a table doubling to 128 MiB faulted in every
** size on the way, each copied whole). NULL when it fails. */
static void *hugeresize(void *p, size_t osize, size_t nsize) {
#if defined(MREMAP_MAYMOVE)
  void *np = mremap(p, hugeround(osize), hugeround(nsize), MREMAP_MAYMOVE);
  if (np == MAP_FAILED)
    return NULL;
  adviseTHP(np, hugeround(nsize));
  return np;
#else
  (void)p; (void)osize; (void)nsize;
  return NULL;
#endif
}

#define ishuge(sz) ((sz) >= HUGESIZE)
#define sysalloc(pool, sz) (ishuge(sz) ? hugeget(pool, sz) : malloc(sz))
#define sysfree(pool, p, sz) (ishuge(sz) ? hugeput(pool, p, sz) : free(p))
#define sysrelease(p, sz) (ishuge(sz) ? (void)munmap((p), hugeround(sz)) : free(p))
#else
#define ishuge(sz) 0
#define sysalloc(pool, sz) malloc(sz)
#define sysfree(pool, p, sz) free(p)
#define sysrelease(p, sz) free(p)
#endif

/* A new empty pool (NULL when malloc fails). */
picA_Pool *picA_newpool(void) {
  picA_Pool *pool = (picA_Pool *)malloc(sizeof(picA_Pool));
  if (pool != NULL) {
    memset(pool, 0, sizeof(*pool));
    pool->nextchunk = FIRSTCHUNK;
  }
  return pool;
}

/* Frees [pool] and every chunk it took. */
void picA_freepool(picA_Pool *pool) {
  Chunk *c = pool->chunks;
#if HUGEMAP
  int i;
  for (i = 0; i < PICA_HUGECACHE; i++)
    if (pool->hugelen[i] > 0)
      munmap(pool->hugefree[i], pool->hugelen[i]);
#endif
  while (c != NULL) {
    Chunk *prev = c->prev;
    sysrelease(c, c->size);
    c = prev;
  }
  free(pool);
}

/* A block of [sz] (1..PICA_MAXSMALL) bytes carved from a new chunk (NULL
** when malloc fails); the unused tail of the old chunk goes to the free
** list of its size. */
static void *carvenew(picA_Pool *pool, size_t sz) {
  size_t tail = (size_t)(pool->end - pool->cur);
  size_t csize = pool->nextchunk;
  Chunk *c = (Chunk *)sysalloc(pool, csize);
  void *block;
  if (c == NULL)
    return NULL;
  if (tail > 0)  /* a multiple of PICA_GRAIN smaller than PICA_MAXSMALL */
    picA_fastput(pool, pool->cur, tail);
  c->prev = pool->chunks;
  c->size = csize;
  pool->chunks = c;
  if (csize < MAXCHUNK)
    pool->nextchunk = csize * 2;
  block = (char *)c + CHUNKHDR;
  pool->cur = (char *)block + classsize(picA_class(sz));
  pool->end = (char *)c + csize;
  return block;
}

/* A new block of [sz] > 0 bytes (NULL when out of memory). */
static void *newblock(picA_Pool *pool, size_t sz) {
  void *block;
  if (!issmall(sz))
    return sysalloc(pool, sz);
  block = picA_fastget(pool, sz);
  return (block != NULL) ? block : carvenew(pool, sz);
}

static void freeblock(picA_Pool *pool, void *block, size_t sz) {
  if (issmall(sz))
    picA_fastput(pool, block, sz);
  else
    sysfree(pool, block, sz);
}

/* The pic_Alloc of the pool (see palloc.h). */
void *picA_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  picA_Pool *pool = (picA_Pool *)ud;
  void *nb;
  if (ptr == NULL)
    return (nsize == 0) ? NULL : newblock(pool, nsize);
  if (nsize == 0) {
    freeblock(pool, ptr, osize);
    return NULL;
  }
  if (!issmall(osize) && !issmall(nsize) && !ishuge(osize) && !ishuge(nsize))
    return realloc(ptr, nsize);
  if (ishuge(osize) && ishuge(nsize)) {
    if (hugeround(osize) == hugeround(nsize))
      return ptr;   /* the mapping already spans it */
#if HUGEMAP
    if ((nb = hugeresize(ptr, osize, nsize)) != NULL)
      return nb;
#endif
  }
  if (issmall(osize) && issmall(nsize) && picA_class(osize) == picA_class(nsize))
    return ptr;
  nb = newblock(pool, nsize);
  if (nb == NULL)
    return NULL;
  memcpy(nb, ptr, osize < nsize ? osize : nsize);
  freeblock(pool, ptr, osize);
  return nb;
}
