/*
** pstring.c -- string objects: the intern table of short strings (hashed
** a word at a time with the state's random seed, never stored, so byte
** order does not matter), long strings hashed lazily byte by byte, and
** userdata allocation. Module: runtime (prefix picS_). Mirrors Lua 5.4's
** lstring.c.
** Invariant: the intern table strt is open-addressed with linear probing:
** each interned short string sits in the probe sequence starting at the
** home slot of its hash, with no empty slot between home and it; strt.nuse
** counts them and stays below 5/8 of strt.size (unless growing failed).
*/
#include <stdint.h>
#include <string.h>

#include "runtime/pdo.h"
#include "runtime/pgc.h"
#include "runtime/pmem.h"
#include "runtime/pstring.h"

#define MINSTRTABSIZE 128
#define MAXSTRTB ((int)(((size_t)INT32_MAX < SIZE_MAX / sizeof(StrSlot)) ? INT32_MAX : SIZE_MAX / sizeof(StrSlot)))
#define MEMERRMSG "not enough memory"
#define nextslot(i, size) (((i) + 1) & ((size) - 1))
/* The table grows past 5/8 full: dead strings fill it between collections,
** so it spends much time near the bound, where linear probing's misses
** (a new string's search) grow as 1 / (1 - load)^2 (3/4: 8.5 slots on
** average, 5/8: 4.1). */
#define toofull(nuse, size) ((nuse) >= (size) / 2 + (size) / 8)

/* Hash of [l] bytes at [str] with [seed] (Lua 5.4's luaS_hash). */
uint32_t picS_hash(const char *str, size_t l, uint32_t seed) {
  uint32_t h = seed ^ (uint32_t)l;
  for (; l > 0; l--)
    h ^= ((h << 5) + (h >> 2) + (uint8_t)str[l - 1]);
  return h;
}

/* Hash of the [l] <= PIC_MAXSHORTLEN bytes of a short string at [str] with
** [seed]: 8 bytes at a time (4 or single bytes below 8, the last load
** overlapping the one before, never past the string), each mixed in by a
** multiplication; the product's high half is folded into the low bits (a
** table's main position) so that they depend on every byte. Several times
** faster than Lua's byte-by-byte luaS_hash on all but the shortest
** strings; long strings keep that one (picS_hash). */
static inline uint32_t shrhash(const char *str, size_t l, uint32_t seed) {
  const uint64_t K = 0x9E3779B97F4A7C15u;
  uint64_t h = ((uint64_t)seed << 32 | seed) ^ ((uint64_t)l * K), x;
  if (l >= 8) {
    size_t i;
    for (i = 0; i + 8 < l; i += 8) {
      memcpy(&x, str + i, 8);
      h = (h ^ x) * K;
      h ^= h >> 29;
    }
    memcpy(&x, str + l - 8, 8);
  } else if (l >= 4) {
    uint32_t a, b;
    memcpy(&a, str, 4);
    memcpy(&b, str + l - 4, 4);
    x = (uint64_t)a << 32 | b;
  } else {   /* 0 to 3 bytes: first, middle and last cover them all */
    x = l == 0 ? 0 : (uint64_t)(uint8_t)str[0] | (uint64_t)(uint8_t)str[l / 2] << 8 |
                     (uint64_t)(uint8_t)str[l - 1] << 16;
  }
  h = (h ^ x) * K;
  return (uint32_t)(h ^ (h >> 32));   /* the well-mixed high half into the low */
}

/* Hash of long string [ts], computed on first use. */
uint32_t picS_hashlongstr(TString *ts) {
  if (ts->extra == 0) {
    ts->hash = picS_hash(getstr(ts), ts->lnglen, ts->hash);
    ts->extra = 1;
  }
  return ts->hash;
}

/* Equality of two long strings. */
int picS_eqlngstr(TString *a, TString *b) {
  size_t len = a->lnglen;
  return (a == b) || ((len == b->lnglen) && memcmp(getstr(a), getstr(b), len) == 0);
}

/* Byte-wise comparison (<0, 0, >0), embedded zeros included. */
int picS_cmp(const TString *a, const TString *b) {
  size_t la = tsslen(a), lb = tsslen(b);
  int r = memcmp(getstr(a), getstr(b), la < lb ? la : lb);
  if (r != 0)
    return r;
  return (la < lb) ? -1 : (la > lb) ? 1 : 0;
}

/* Puts [ts] with hash [h] in the first empty slot of its probe sequence. */
static void insertslot(StrSlot *vect, int size, TString *ts, uint32_t h) {
  int i = picS_homeslot(h, size);
  while (vect[i].ts != NULL)
    i = nextslot(i, size);
  vect[i].ts = ts;
  vect[i].hash = h;
}

/* Rebuilds the intern table with [nsize] slots (a power of 2 above nuse);
** on allocation failure the table is left as it was. */
void picS_resize(pic_State *L, int nsize) {
  stringtable *tb = &G(L)->strt;
  StrSlot *newvect = (StrSlot *)picM_realloc_(L, NULL, 0, (size_t)nsize * sizeof(StrSlot));
  int i;
  if (newvect == NULL)
    return;
  /* an emergency collection inside the allocation may have removed strings */
  memset(newvect, 0, (size_t)nsize * sizeof(StrSlot));
  for (i = 0; i < tb->size; i++) {
    if (tb->hash[i].ts != NULL)
      insertslot(newvect, nsize, tb->hash[i].ts, tb->hash[i].hash);
  }
  picM_freearray(L, tb->hash, tb->size);
  tb->hash = newvect;
  tb->size = nsize;
}

/* Creates the intern table and the fixed memory-error message. */
void picS_init(pic_State *L) {
  global_State *g = G(L);
  stringtable *tb = &g->strt;
  tb->hash = picM_newvector(L, MINSTRTABSIZE, StrSlot);
  memset(tb->hash, 0, MINSTRTABSIZE * sizeof(StrSlot));
  tb->size = MINSTRTABSIZE;
  g->memerrmsg = picS_newliteral(L, MEMERRMSG);
  picC_fix(L, obj2gco(g->memerrmsg));
  {
    int i, j;
    for (i = 0; i < PICS_CACHEN; i++)
      for (j = 0; j < PICS_CACHEM; j++)
        g->strcache[i][j] = g->memerrmsg;
  }
}

/* Drops the cache entries the collector is about to free (called in the
** atomic phase, when every reachable string is marked). */
void picS_clearcache(global_State *g) {
  int i, j;
  for (i = 0; i < PICS_CACHEN; i++)
    for (j = 0; j < PICS_CACHEM; j++)
      if (iswhite(g->strcache[i][j]))
        g->strcache[i][j] = g->memerrmsg;
}

static TString *createstrobj(pic_State *L, size_t l, int tag, uint32_t h) {
  GCObject *o = picC_newobj(L, tag, sizelstring(l));
  TString *ts = gco2ts(o);
  ts->hash = h;
  ts->extra = 0;
  getstr(ts)[l] = '\0';
  return ts;
}

/* A long string object of [l] bytes whose contents the caller fills;
** charges l / 64 units of fuel for filling it, so that no loop making big
** strings (sub, rep, format, concatenation, ...) runs unmetered. */
TString *picS_createlngstrobj(pic_State *L, size_t l) {
  TString *ts;
  if (l >= (SIZE_MAX - sizeof(TString)) / sizeof(char))
    picG_runerror(L, "memory allocation error: block too big");
  pic_charge(L, (int64_t)(l / 64));   /* its bytes are written next (promise 3) */
  ts = createstrobj(L, l, PIC_VLNGSTR, G(L)->seed);
  ts->lnglen = l;
  ts->shrlen = 0;
  return ts;
}

/* Removes dead string [ts] from the intern table, shifting back the
** entries after it that would otherwise be cut from their home slot. */
void picS_remove(pic_State *L, TString *ts) {
  stringtable *tb = &G(L)->strt;
  StrSlot *vect = tb->hash;
  int size = tb->size;
  int i = picS_homeslot(ts->hash, size);
  int j;
  while (vect[i].ts != ts)
    i = nextslot(i, size);
  for (j = nextslot(i, size); vect[j].ts != NULL; j = nextslot(j, size)) {
    int k = picS_homeslot(vect[j].hash, size);
    /* the entry at j stays iff its home k lies cyclically in (i, j] */
    if ((i <= j) ? (i < k && k <= j) : (i < k || k <= j))
      continue;
    vect[i] = vect[j];
    i = j;
  }
  vect[i].ts = NULL;
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
  if (tb->nuse + 1 >= tb->size)  /* could not grow and no room left */
    picM_error(L);
}

/* Whether the [l] bytes at [a] and [b] are equal, for the few bytes of a
** short string: words read through memcpy (one load each, overlapping at
** the end, never outside the l bytes) instead of a call of memcmp. */
static inline int eqshort(const char *a, const char *b, size_t l) {
  if (l >= 8) {
    uint64_t x, y;
    size_t i;
    for (i = 0; i + 8 < l; i += 8) {
      memcpy(&x, a + i, 8);
      memcpy(&y, b + i, 8);
      if (x != y)
        return 0;
    }
    memcpy(&x, a + l - 8, 8);
    memcpy(&y, b + l - 8, 8);
    return x == y;
  }
  if (l >= 4) {
    uint32_t x, y, x2, y2;
    memcpy(&x, a, 4);
    memcpy(&y, b, 4);
    memcpy(&x2, a + l - 4, 4);
    memcpy(&y2, b + l - 4, 4);
    return x == y && x2 == y2;
  }
  while (l > 0) {
    l--;
    if (a[l] != b[l])
      return 0;
  }
  return 1;
}

/* The interned short string with [l] bytes at [str], created if new. */
static TString *internshrstr(pic_State *L, const char *str, size_t l) {
  TString *ts;
  global_State *g = G(L);
  stringtable *tb = &g->strt;
  uint32_t h = shrhash(str, l, g->seed);
  StrSlot *vect = tb->hash;
  int i;
  for (i = picS_homeslot(h, tb->size); (ts = vect[i].ts) != NULL; i = nextslot(i, tb->size)) {
    if (vect[i].hash == h && l == ts->shrlen && eqshort(str, getstr(ts), l)) {
      if (isdead(g, ts))
        changewhite(ts);  /* resurrect a string not yet swept */
      return ts;
    }
  }
  if (toofull(tb->nuse + 1, tb->size))
    growstrtab(L, tb);
  ts = createstrobj(L, l, PIC_VSHRSTR, h);
  ts->shrlen = (uint8_t)l;
  memcpy(getstr(ts), str, l * sizeof(char));
  /* probe again: the allocation may have collected (and moved) entries */
  insertslot(tb->hash, tb->size, ts, h);
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
  TString **p = G(L)->strcache[(size_t)str % PICS_CACHEN];   /* C literals repeat */
  int j;
  for (j = 0; j < PICS_CACHEM; j++)
    if (strcmp(str, getstr(p[j])) == 0)
      return p[j];
  for (j = PICS_CACHEM - 1; j > 0; j--)
    p[j] = p[j - 1];
  p[0] = picS_newlstr(L, str, strlen(str));
  return p[0];
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
