/*
** pstring.h -- strings: interning of short strings (seeded hash), long strings
** hashed lazily. Module: runtime (internal, prefix picS_).
** Invariant: the intern table holds every live short string exactly once; it
** is weak (the collector removes dead entries).
*/
#ifndef PSTRING_H
#define PSTRING_H

#include "runtime/pobject.h"
#include "runtime/pstate.h"

#define picS_newliteral(L, s) (picS_newlstr(L, "" s, (sizeof(s) / sizeof(char)) - 1))
#define eqshrstr(a, b) ((a) == (b))
/* Bytes of a string object holding [l] characters (plus the terminating zero). */
#define sizelstring(l) (offsetof(TString, contents) + ((l) + 1) * sizeof(char))

void picS_init(pic_State *L);
/* A string with [l] bytes from [str] (short ones interned). Raises on memory errors. */
TString *picS_newlstr(pic_State *L, const char *str, size_t l);
TString *picS_new(pic_State *L, const char *str);
void picS_clearcache(global_State *g);
/* A long string of [l] bytes, contents uninitialised (filled by the caller). */
TString *picS_createlngstrobj(pic_State *L, size_t l);
uint32_t picS_hash(const char *str, size_t l, uint32_t seed);
uint32_t picS_hashlongstr(TString *ts);
int picS_eqlngstr(TString *a, TString *b);
/* Home slot of hash [h] in an intern table of [size] slots: the hash is
** mixed first, as linear probing needs well-spread low bits. */
#define picS_homeslot(h, size) \
  ((int)((((h) * 0x9E3779B1u) ^ (((h) * 0x9E3779B1u) >> 15)) & ((unsigned)(size) - 1)))
/* Removes [ts] from the intern table (collector only). */
void picS_remove(pic_State *L, TString *ts);
/* Starts loading the intern slot where picS_remove's search for short
** string [ts] begins: the sweep calls it some objects ahead of the removal,
** so that the slot's cache miss overlaps other work. A macro: GCC takes an
** inline function holding only a prefetch for a const one and drops the
** call. */
#define picS_prefetchslot(g, ts) \
  pic_prefetch(&(g)->strt.hash[picS_homeslot((ts)->hash, (g)->strt.size)])
/* Shrinks/grows the intern table (collector only). */
void picS_resize(pic_State *L, int newsize);
/* Compares two strings like strcoll-free Lua l_strcmp (byte-wise, handles embedded zeros). */
int picS_cmp(const TString *a, const TString *b);
Udata *picS_newudata(pic_State *L, size_t s, int nuvalue);

/* String positions as string.sub and string.byte take them (lstrlib.c's
** posrelatI and getendpos): the 1-based first position [i] designates in a
** string of [len] bytes, in [1, inf) (negative counts from the end), and
** the last position [j] designates, clipped to [0, len]. A slice is empty
** when the first is greater than the last. */
static inline size_t picS_posfirst(pic_Integer i, size_t len) {
  if (i > 0)
    return (size_t)i;
  if (i == 0 || i < -(pic_Integer)len)
    return 1;
  return len + (size_t)i + 1;
}
static inline size_t picS_poslast(pic_Integer j, size_t len) {
  if (j > (pic_Integer)len)
    return len;
  if (j >= 0)
    return (size_t)j;
  if (j < -(pic_Integer)len)
    return 0;
  return len + (size_t)j + 1;
}

#endif
