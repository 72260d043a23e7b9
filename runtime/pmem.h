/*
** pmem.h -- the one counting allocator every byte of a state goes through.
** Module: runtime (internal, prefix picM_).
** Invariant: g->totalbytes equals the sum of the sizes of all live blocks.
** Over g->memlimit (or when frealloc fails) an allocation runs an emergency
** full collection (never moving objects, never running finalizers) and retries
** once; then it raises PIC_ERRMEM ("not enough memory") through picD_throw.
*/
#ifndef PMEM_H
#define PMEM_H

#include <stddef.h>

#include "runtime/piccolo.h"

void *picM_realloc_(pic_State *L, void *block, size_t oldsize, size_t size);
void *picM_saferealloc_(pic_State *L, void *block, size_t oldsize, size_t size);  /* raises on failure */
void *picM_malloc_(pic_State *L, size_t size);       /* raises on failure */
void picM_free_(pic_State *L, void *block, size_t osize);
/* Grows a vector of [*size] elements to hold at least [nelems]+1, at most [limit]; raises "too many [what]". */
void *picM_growaux_(pic_State *L, void *block, int nelems, int *size, int size_elem, int limit, const char *what);
/* Sets the state's memory limit ([limit] bytes, 0 for none) and with it the
** room of the pool's fast path (global_State's poolroom). */
void picM_setlimit(pic_State *L, size_t limit);
/* Raises a memory error (PIC_ERRMEM with the fixed message). */
void picM_error(pic_State *L);

#define picM_new(L, t)            ((t *)picM_malloc_(L, sizeof(t)))
#define picM_newvector(L, n, t)   ((t *)picM_malloc_(L, (size_t)(n) * sizeof(t)))
#define picM_freearray(L, b, n)   picM_free_(L, (b), (size_t)(n) * sizeof(*(b)))
#define picM_free(L, b)           picM_free_(L, (b), sizeof(*(b)))
#define picM_reallocvector(L, v, oldn, n, t) \
  ((v) = (t *)picM_saferealloc_(L, v, (size_t)(oldn) * sizeof(t), (size_t)(n) * sizeof(t)))

#endif
