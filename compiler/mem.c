/*
** mem.c -- the compiler's memory pool (see mem.h).
** Module: pcm (compiler memory).
*/
#include "compiler/mem.h"

#include <stdlib.h>

/* Header in front of every block; max_align_t keeps the payload aligned. */
struct pcm_Block {
  union {
    struct {
      pcm_Block *prev, *next;
      size_t size;
    } h;
    max_align_t align;
  } u;
};

void pcm_init(pcm_Pool *pool) {
  pool->head = NULL;
  pool->total = 0;
}

static void unlink_block(pcm_Pool *pool, pcm_Block *b) {
  if (b->u.h.prev) b->u.h.prev->u.h.next = b->u.h.next;
  else pool->head = b->u.h.next;
  if (b->u.h.next) b->u.h.next->u.h.prev = b->u.h.prev;
}

static void link_block(pcm_Pool *pool, pcm_Block *b) {
  b->u.h.prev = NULL;
  b->u.h.next = pool->head;
  if (pool->head) pool->head->u.h.prev = b;
  pool->head = b;
}

void *pcm_realloc(pcm_Pool *pool, void *p, size_t n) {
  pcm_Block *b = p ? (pcm_Block *)p - 1 : NULL;
  if (n == 0) {
    if (b) {
      unlink_block(pool, b);
      pool->total -= b->u.h.size;
      free(b);
    }
    return NULL;
  }
  if (n > (size_t)-1 - sizeof(pcm_Block)) return NULL;
  if (b) unlink_block(pool, b);
  pcm_Block *nb = realloc(b, sizeof(pcm_Block) + n);
  if (nb == NULL) {
    if (b) link_block(pool, b);
    return NULL;
  }
  if (b) pool->total -= nb->u.h.size;
  nb->u.h.size = n;
  pool->total += n;
  link_block(pool, nb);
  return nb + 1;
}

void pcm_free_all(pcm_Pool *pool) {
  pcm_Block *b = pool->head;
  while (b) {
    pcm_Block *next = b->u.h.next;
    free(b);
    b = next;
  }
  pcm_init(pool);
}

static void *pool_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  (void)osize;
  return pcm_realloc((pcm_Pool *)ud, ptr, nsize);
}

fmt_Allocator pcm_allocator(pcm_Pool *pool) {
  fmt_Allocator a = {pool_alloc, pool};
  return a;
}
