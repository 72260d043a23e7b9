/*
** palloc.h -- the default allocator of a state: a per-state pool of small
** blocks (size classes, slabs, LIFO free lists) over malloc. Module: runtime
** (internal, prefix picA_).
** Invariant: a block freed or resized is passed with the exact size it was
** allocated with (the counting layer, pmem.c, guarantees it); every chunk
** the pool took from malloc goes back in picA_freepool.
*/
#ifndef PALLOC_H
#define PALLOC_H

#include <stddef.h>

/* 1 when the pool is compiled in; 0 under AddressSanitizer, so that every
** object stays a malloc block ASan checks on its own. */
#if defined(__SANITIZE_ADDRESS__)
#define PICA_POOL 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PICA_POOL 0
#endif
#endif
#ifndef PICA_POOL
#define PICA_POOL 1
#endif

/* 1: advise the pool's 2 MiB mappings for transparent huge pages (palloc.c). */
#ifndef PICA_THP
#define PICA_THP 0
#endif
#define PICA_GRAIN 16
#define PICA_NCLASSES 64
#define PICA_MAXSMALL (PICA_GRAIN * PICA_NCLASSES)  /* largest pooled block */
#define picA_class(sz) (((sz) - 1) / PICA_GRAIN)     /* for 1 <= sz <= PICA_MAXSMALL */

typedef struct picA_FreeBlock {
  struct picA_FreeBlock *next;
} picA_FreeBlock;

/* Invariant: every free-list block lies inside a chunk and has exactly its
** class's size; cur..end is the unused tail of the newest chunk. */
#define PICA_HUGECACHE 4
typedef struct picA_Pool {
  picA_FreeBlock *freelist[PICA_NCLASSES];
  char *cur;
  char *end;
  struct picA_Chunk *chunks;  /* newest first */
  size_t nextchunk;           /* size of the next chunk to take */
  /* freed huge mappings kept for reuse (palloc.c's hugeget/hugeput):
  ** hugelen[i] bytes at hugefree[i], 0 for an empty entry */
  void *hugefree[PICA_HUGECACHE];
  size_t hugelen[PICA_HUGECACHE];
} picA_Pool;

/* Fast path for the counting layer: a block of [sz] (1..PICA_MAXSMALL)
** bytes from a free list or the current chunk; NULL when a new chunk is
** needed (then call picA_alloc). */
static inline void *picA_fastget(picA_Pool *pool, size_t sz) {
  size_t cls = picA_class(sz);
  picA_FreeBlock *b = pool->freelist[cls];
  if (b != NULL) {
    pool->freelist[cls] = b->next;
#if defined(__GNUC__)
    __builtin_prefetch(b->next, 1);  /* the next block of this class is likely cold */
#endif
    return b;
  }
  if ((size_t)(pool->end - pool->cur) >= (cls + 1) * PICA_GRAIN) {
    void *block = pool->cur;
    pool->cur += (cls + 1) * PICA_GRAIN;
    return block;
  }
  return NULL;
}

/* Fast path for the counting layer: gives back [block] of [sz]
** (1..PICA_MAXSMALL) bytes. */
static inline void picA_fastput(picA_Pool *pool, void *block, size_t sz) {
  picA_FreeBlock *b = (picA_FreeBlock *)block;
  size_t cls = picA_class(sz);
  b->next = pool->freelist[cls];
  pool->freelist[cls] = b;
}

/* A new empty pool (NULL when malloc fails). */
picA_Pool *picA_newpool(void);
/* Frees [pool] and every chunk it took, small blocks still live included;
** blocks over PICA_MAXSMALL are malloc blocks of their own, freed by their
** owner (pic_close frees every object before the pool). */
void picA_freepool(picA_Pool *pool);
/* A pic_Alloc whose [ud] is a picA_Pool: blocks up to a few hundred bytes
** come from the pool, larger ones from malloc/realloc. */
void *picA_alloc(void *ud, void *ptr, size_t osize, size_t nsize);

#endif
