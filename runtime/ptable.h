/*
** ptable.h -- tables: an array part for keys 1..n and a hash part
** (chained scatter table with Brent's variation, as Lua's ltable.c).
** Module: runtime (internal, prefix picH_).
** Invariants: float keys with integer values are stored as integers; nil and
** NaN are never keys; if an element is not in its main position, the
** colliding element is in its own main position; alimit (the '#' hint) is
** the array size, or that size is a power of 2 and size/2 < alimit < size.
*/
#ifndef PTABLE_H
#define PTABLE_H

#include "runtime/pobject.h"

/* Tag of a hash-part key whose entry was emptied and whose collectable key
** may be dead (the collector sets it; only 'next' still compares it). */
#define PIC_TDEADKEY (PIC_NUMTYPES + 2)
#define keyisdead(n)  (keytt(n) == PIC_TDEADKEY)
#define setdeadkey(n) (keytt(n) = PIC_TDEADKEY)

/* Returned by the get functions for missing keys (tag PIC_VABSTKEY). */
extern const TValue picH_absentkey;

Table *picH_new(pic_State *L);
void picH_free(pic_State *L, Table *t);
void picH_resize(pic_State *L, Table *t, unsigned int nasize, unsigned int nhsize);
void picH_presize(pic_State *L, Table *t, unsigned int asize, unsigned int hsize);
void picH_resizearray(pic_State *L, Table *t, unsigned int nasize);
/* Lookups: never NULL; &picH_absentkey (isabstkey) when missing. */
const TValue *picH_getint(Table *t, pic_Integer key);
const TValue *picH_getshortstr(Table *t, TString *key);
const TValue *picH_getstr(Table *t, TString *key);
const TValue *picH_get(Table *t, const TValue *key);
/* Stores; raise "index is nil"/"index is NaN" for bad keys; the caller does
** the GC barrier (picC_barrierback) after storing a collectable value. */
void picH_set(pic_State *L, Table *t, const TValue *key, const TValue *value);
void picH_setint(pic_State *L, Table *t, pic_Integer key, const TValue *value);
/* Fast path for assignment to an existing slot: [slot] from a get; if it is
** absent, inserts the key. */
void picH_finishset(pic_State *L, Table *t, const TValue *key, const TValue *slot, const TValue *value);
/* A border of [t] (the # operator without __len). */
pic_Unsigned picH_getn(Table *t);
/* Iteration: key at [key] (nil to start) is replaced by the next key and
** value at key+1; returns 0 at the end; raises "invalid key to 'next'". */
int picH_next(pic_State *L, Table *t, StkId key);
int picH_trynext(Table *t, StkId key);
size_t picH_size(Table *t);  /* bytes used, for accounting checks */

/* Bit of Table.flags set when alimit is below the real array size. */
#define PIC_BITRAS        (1u << 7)
#define isrealasize(t)    (!((t)->flags & PIC_BITRAS))
#define setrealasize(t)   ((t)->flags &= (uint8_t)~PIC_BITRAS)
#define setnorealasize(t) ((t)->flags |= (uint8_t)PIC_BITRAS)

/* The real size of [t]'s array part: alimit, or when alimit is only a hint
** below it, the smallest power of 2 not below alimit. */
static inline unsigned int picH_realasize(const Table *t) {
  unsigned int size = t->alimit;
  if (isrealasize(t) || (size & (size - 1u)) == 0)
    return size;
  size |= size >> 1;
  size |= size >> 2;
  size |= size >> 4;
  size |= size >> 8;
  size |= size >> 16;
  return size + 1u;
}

/* Value of short string [key] in [t], or &picH_absentkey: the lookup inline
** for the executor, metamethod lookups (picT_gettm) and picH_getshortstr. */
static inline const TValue *picH_shrget(const Table *t, const TString *key) {
  const Node *n = &t->node[key->hash & t->nodemask];
  /* The key in its main position is the likely case, tested with one branch
  ** ('&': reading a non-string key's value as a pointer is harmless) so
  ** that GCC lays it out in line; the rest of the chain follows. */
  if (pic_likely((keystrval(n) == key) & keyisshrstr(n)))
    return gval(n);
  while (gnext(n) != 0) {
    n += gnext(n);
    if (keyisshrstr(n) && keystrval(n) == key)
      return gval(n);
  }
  return &picH_absentkey;
}

/* Array fast path for the executor: 1 <= k <= alimit (keys above the hint go
** through picH_getint, which moves the hint as Lua does). */
#define picH_fastgeti(t, k) \
  ((pic_Unsigned)(k) - 1u < (t)->alimit ? &(t)->array[(k) - 1] : picH_getint((t), (k)))

#endif
