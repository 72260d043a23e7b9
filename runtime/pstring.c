/*
** pstring.c -- string objects: the intern table of short strings (hashed
** with the state's random seed), long strings hashed lazily, and userdata
** allocation. Module: runtime (prefix picS_). Mirrors Lua 5.4's lstring.c.
** Invariant: strt.hash[h % strt.size] chains every interned short string
** whose hash is h; strt.nuse counts them.
*/
#include <string.h>

#include "runtime/pdo.h"
#include "runtime/pgc.h"
#include "runtime/pmem.h"
#include "runtime/pstring.h"

#define MINSTRTABSIZE 128
#define MAXSTRTB ((int)(((size_t)INT32_MAX < SIZE_MAX / sizeof(TString *)) ? INT32_MAX : SIZE_MAX / sizeof(TString *)))
#define MEMERRMSG "not enough memory"
#define lmod(s, size) ((int)((s) & ((unsigned)(size) - 1)))

/* Hash of [l] bytes at [str] with [seed] (Lua 5.4's luaS_hash). */
uint32_t picS_hash(const char *str, size_t l, uint32_t seed) {
  uint32_t h = seed ^ (uint32_t)l;
  for (; l > 0; l--)
    h ^= ((h << 5) + (h >> 2) + (uint8_t)str[l - 1]);
  return h;
}

/* Hash of long string [ts], computed on first use. */
uint32_t picS_hashlongstr(TString *ts) {
  if (ts->extra == 0) {
    ts->hash = picS_hash(getstr(ts), ts->u.lnglen, ts->hash);
    ts->extra = 1;
  }
  return ts->hash;
}

/* Equality of two long strings. */
int picS_eqlngstr(TString *a, TString *b) {
  size_t len = a->u.lnglen;
  return (a == b) || ((len == b->u.lnglen) && memcmp(getstr(a), getstr(b), len) == 0);
}

/* Byte-wise comparison (<0, 0, >0), embedded zeros included. */
int picS_cmp(const TString *a, const TString *b) {
  size_t la = tsslen(a), lb = tsslen(b);
  int r = memcmp(getstr(a), getstr(b), la < lb ? la : lb);
  if (r != 0)
    return r;
  return (la < lb) ? -1 : (la > lb) ? 1 : 0;
}

static void tablerehash(TString **vect, int osize, int nsize) {
  int i;
  for (i = osize; i < nsize; i++)
    vect[i] = NULL;
  for (i = 0; i < osize; i++) {
    TString *p = vect[i];
    vect[i] = NULL;
    while (p) {
      TString *hnext = p->u.hnext;
      int h = lmod(p->hash, nsize);
      p->u.hnext = vect[h];
      vect[h] = p;
      p = hnext;
    }
  }
}

/* Resizes the intern table to [nsize] buckets (a power of 2); on allocation
** failure the table is left as it was. */
void picS_resize(pic_State *L, int nsize) {
  stringtable *tb = &G(L)->strt;
  int osize = tb->size;
  TString **newvect;
  if (nsize < osize)
    tablerehash(tb->hash, osize, nsize);
  newvect = (TString **)picM_realloc_(L, tb->hash, (size_t)osize * sizeof(TString *),
                                      (size_t)nsize * sizeof(TString *));
  if (newvect == NULL) {
    if (nsize < osize)
      tablerehash(tb->hash, nsize, osize);
  } else {
    tb->hash = newvect;
    tb->size = nsize;
    if (nsize > osize)
      tablerehash(newvect, osize, nsize);
  }
}

/* Creates the intern table and the fixed memory-error message. */
void picS_init(pic_State *L) {
  global_State *g = G(L);
  stringtable *tb = &g->strt;
  tb->hash = (TString **)picM_malloc_(L, MINSTRTABSIZE * sizeof(TString *));
  tablerehash(tb->hash, 0, MINSTRTABSIZE);
  tb->size = MINSTRTABSIZE;
  g->memerrmsg = picS_newliteral(L, MEMERRMSG);
  picC_fix(L, obj2gco(g->memerrmsg));
}

static TString *createstrobj(pic_State *L, size_t l, int tag, uint32_t h) {
  GCObject *o = picC_newobj(L, tag, sizelstring(l));
  TString *ts = gco2ts(o);
  ts->hash = h;
  ts->extra = 0;
  getstr(ts)[l] = '\0';
  return ts;
}

/* A long string object of [l] bytes whose contents the caller fills. */
TString *picS_createlngstrobj(pic_State *L, size_t l) {
  TString *ts;
  if (l >= (SIZE_MAX - sizeof(TString)) / sizeof(char))
    picG_runerror(L, "memory allocation error: block too big");
  ts = createstrobj(L, l, PIC_VLNGSTR, G(L)->seed);
  ts->u.lnglen = l;
  ts->shrlen = 0;
  return ts;
}

/* Removes dead string [ts] from the intern table. */
void picS_remove(pic_State *L, TString *ts) {
  stringtable *tb = &G(L)->strt;
  TString **p = &tb->hash[lmod(ts->hash, tb->size)];
  while (*p != ts)
    p = &(*p)->u.hnext;
  *p = (*p)->u.hnext;
  tb->nuse--;
}

static void growstrtab(pic_State *L, stringtable *tb) {
  if (tb->nuse == INT32_MAX) {
    picC_fullgc(L, 1);
    if (tb->nuse == INT32_MAX)
      picM_error(L);
  }
  if (tb->size <= MAXSTRTB / 2)
    picS_resize(L, tb->size * 2);
}

/* The interned short string with [l] bytes at [str], created if new. */
static TString *internshrstr(pic_State *L, const char *str, size_t l) {
  TString *ts;
  global_State *g = G(L);
  stringtable *tb = &g->strt;
  uint32_t h = picS_hash(str, l, g->seed);
  TString **list = &tb->hash[lmod(h, tb->size)];
  for (ts = *list; ts != NULL; ts = ts->u.hnext) {
    if (l == ts->shrlen && memcmp(str, getstr(ts), l * sizeof(char)) == 0) {
      if (isdead(g, ts))
        changewhite(ts);  /* resurrect a string not yet swept */
      return ts;
    }
  }
  if (tb->nuse >= tb->size) {
    growstrtab(L, tb);
    list = &tb->hash[lmod(h, tb->size)];
  }
  ts = createstrobj(L, l, PIC_VSHRSTR, h);
  ts->shrlen = (uint8_t)l;
  memcpy(getstr(ts), str, l * sizeof(char));
  ts->u.hnext = *list;
  *list = ts;
  tb->nuse++;
  return ts;
}

/* A string with the [l] bytes at [str]; short strings are interned. */
TString *picS_newlstr(pic_State *L, const char *str, size_t l) {
  if (l <= PIC_MAXSHORTLEN)
    return internshrstr(L, str, l);
  else {
    TString *ts = picS_createlngstrobj(L, l);
    memcpy(getstr(ts), str, l * sizeof(char));
    return ts;
  }
}

/* A string with the zero-terminated contents of [str]. */
TString *picS_new(pic_State *L, const char *str) {
  return picS_newlstr(L, str, strlen(str));
}

/* A full userdata with a [s]-byte block and [nuvalue] nil user values. */
Udata *picS_newudata(pic_State *L, size_t s, int nuvalue) {
  Udata *u;
  int i;
  GCObject *o;
  if (s > SIZE_MAX - udatamemoffset(nuvalue))
    picG_runerror(L, "memory allocation error: block too big");
  o = picC_newobj(L, PIC_VUSERDATA, sizeudata(nuvalue, s));
  u = gco2u(o);
  u->len = s;
  u->nuvalue = (uint16_t)nuvalue;
  u->metatable = NULL;
  u->gclist = NULL;
  for (i = 0; i < nuvalue; i++)
    setnilvalue(&u->uv[i]);
  return u;
}
