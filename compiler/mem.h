/*
** mem.h -- the compiler's memory pool: every byte the compiler allocates.
** Module: pcm (compiler memory).
**
** A pool is a doubly linked list of malloc'ed blocks, so a compilation that
** fails half way (the parser unwinds with longjmp) frees everything at once.
** pcm_allocator exposes the pool as an fmt_Allocator.
*/
#ifndef PCM_MEM_H
#define PCM_MEM_H

#include <stddef.h>

#include "format/proto.h"

typedef struct pcm_Block pcm_Block;

typedef struct pcm_Pool {
  pcm_Block *head;     /* most recent block first */
  size_t total;        /* bytes currently allocated */
} pcm_Pool;

/* Initializes an empty [pool]. */
void pcm_init(pcm_Pool *pool);

/* Resizes [p] (NULL: allocate) to [n] bytes inside [pool]; n == 0 frees and
** returns NULL. Returns NULL only when malloc fails. */
void *pcm_realloc(pcm_Pool *pool, void *p, size_t n);

/* Frees every block of [pool]; the pool is empty afterwards. */
void pcm_free_all(pcm_Pool *pool);

/* The pool as an fmt_Allocator (osize is ignored). */
fmt_Allocator pcm_allocator(pcm_Pool *pool);

#endif
