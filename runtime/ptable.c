/*
** ptable.c -- Lua tables: an array part for keys 1..asize and a hash part.
** Module: runtime (prefix picH_). Mirrors Lua 5.4's ltable.c.
**
** The hash part is a chained scatter table with Brent's variation: if an
** element is not in its main position (the slot its hash selects), the
** colliding element is in its own main position, so chains stay short even
** at 100% load. A rehash (only when no free slot is left) recounts the keys
** and picks the largest array size n such that more than n/2 of the slots
** 1..n would be in use. Float keys with integral values are stored as
** integers; nil and NaN are refused as keys. Emptied entries keep their key
** (possibly marked dead by the collector) so 'next' can continue past them.
**
** 'alimit' is Lua 5.4's length hint (see Table in pobject.h): '#' lowers it
** to the border it finds, an integer access to an array slot above it raises
** it to that key, and every resize sets it to the array size. Which border
** '#' returns for a table with holes depends on it, so it follows ltable.c
** step by step.
*/
#include <limits.h>
#include <math.h>
#include <string.h>

#include "runtime/pdo.h"
#include "runtime/pgc.h"
#include "runtime/pmem.h"
#include "runtime/pmemfast.h"
#include "runtime/pstring.h"
#include "runtime/ptable.h"
#include "runtime/ptm.h"

/* Largest log2 of the array part and of the hash part. */
#define MAXABITS ((int)(sizeof(int) * CHAR_BIT - 1))
#define MAXASIZE ((1u << MAXABITS) < SIZE_MAX / sizeof(TValue) ? (1u << MAXABITS) : (unsigned)(SIZE_MAX / sizeof(TValue)))
#define MAXHBITS (MAXABITS - 1)
#define MAXHSIZE ((1u << MAXHBITS) < SIZE_MAX / sizeof(Node) ? (1u << MAXHBITS) : (unsigned)(SIZE_MAX / sizeof(Node)))

#define gnode(t, i)   (&(t)->node[i])
#define gnodelast(t)  (gnode(t, sizenode(t)))
#define isdummy(t)    ((t)->lastfree == NULL)
#define allocsizenode(t) (isdummy(t) ? 0 : sizenode(t))
#define nodefromval(v) ((Node *)(v))
#define maskflags     ((uint8_t)(~(~0u << (TM_EQ + 1))))
#define invalidateTMcache(t) ((t)->flags &= (uint8_t)~maskflags)
#define ispow2(x)     (((x) & ((x) - 1u)) == 0)
/* limitequalsasize: alimit is the array size. ispow2realasize: the array
** size is a power of 2, the only case where alimit may become a hint below
** it (the size is then recovered as the next power of 2). */
#define limitequalsasize(t) (isrealasize(t) || ispow2((t)->alimit))
#define ispow2realasize(t)  (!isrealasize(t) || ispow2((t)->alimit))

/* Makes alimit the real array size again; returns it. */
static unsigned setlimittosize(Table *t) {
  t->alimit = picH_realasize(t);
  setrealasize(t);
  return t->alimit;
}

#define hashpow2(t, n) (gnode(t, (int)((n) & (t)->nodemask)))
#define hashmod(t, n)  (gnode(t, ((n) % ((t)->nodemask | 1))))
#define hashstr(t, str) hashpow2(t, (str)->hash)
#define hashpointer(t, p) hashmod(t, (unsigned)((size_t)(p) & UINT_MAX))

static const Node dummynode_ = {
  {{NULL}, PIC_VEMPTY, PIC_VNIL, 0, {NULL}}  /* empty value, nil key, no next */
};
#define dummynode ((Node *)&dummynode_)

const TValue picH_absentkey = {{NULL}, PIC_VABSTKEY};

/* ---- main positions ---- */

static Node *hashint(const Table *t, pic_Integer i) {
  pic_Unsigned ui = (pic_Unsigned)i;
  if (ui <= (unsigned)INT_MAX)
    return hashmod(t, (unsigned)ui);
  return hashmod(t, ui);
}

/* Hash of a float: its mantissa and exponent mixed (0 for inf/NaN). */
static unsigned l_hashfloat(pic_Number n) {
  int i;
  pic_Integer ni;
  n = frexp(n, &i) * -(pic_Number)INT_MIN;
  if (!(n >= (pic_Number)INT64_MIN && n < -(pic_Number)INT64_MIN))
    return 0;
  ni = (pic_Integer)n;
  {
    unsigned u = (unsigned)i + (unsigned)ni;
    return u <= (unsigned)INT_MAX ? u : ~u;
  }
}

static Node *mainpositionany(const Table *t, const TValue *key) {
  switch (ttypetag(key)) {
    case PIC_VNUMINT: return hashint(t, ivalue(key));
    case PIC_VNUMFLT: return hashmod(t, l_hashfloat(fltvalue(key)));
    case PIC_VSHRSTR: return hashstr(t, tsvalue(key));
    case PIC_VLNGSTR: return hashpow2(t, picS_hashlongstr(tsvalue(key)));
    case PIC_VFALSE: return hashpow2(t, 0u);
    case PIC_VTRUE: return hashpow2(t, 1u);
    case PIC_VLIGHTUD: return hashpointer(t, pvalue(key));
    case PIC_VLCF: return hashpointer(t, (void *)(size_t)fvalue(key));
    default: return hashpointer(t, gcvalue(key));
  }
}

/* The main position of [key]; a short string's (most new keys: fields)
** without the call. */
static inline Node *mainpositionTV(const Table *t, const TValue *key) {
  return ttisshrstring(key) ? hashstr(t, tsvalue(key)) : mainpositionany(t, key);
}

/* Key of node [n] compared with [k1]; with [deadok], a dead key matches the
** same collectable object. */
static int equalkey(const TValue *k1, const Node *n2, int deadok) {
  if (rawtt(k1) != keytt(n2) && !(deadok && keyisdead(n2) && iscollectable(k1)))
    return 0;
  switch (keytt(n2)) {
    case PIC_VNIL: case PIC_VFALSE: case PIC_VTRUE: return 1;
    case PIC_VNUMINT: return ivalue(k1) == keyival(n2);
    case PIC_VNUMFLT: return fltvalue(k1) == keyval(n2).n;
    case PIC_VLIGHTUD: return pvalue(k1) == keyval(n2).p;
    case PIC_VLCF: return fvalue(k1) == keyval(n2).f;
    case ctb(PIC_VLNGSTR): return picS_eqlngstr(tsvalue(k1), keystrval(n2));
    default: return gcvalue(k1) == gckey(n2);
  }
}

/* ---- lookups ---- */

static const TValue *getgeneric(Table *t, const TValue *key, int deadok) {
  Node *n = mainpositionTV(t, key);
  for (;;) {
    if (equalkey(key, n, deadok))
      return gval(n);
    if (gnext(n) == 0)
      return &picH_absentkey;
    n += gnext(n);
  }
}

/* Value of integer key [key] in [t], or &picH_absentkey. An array key above
** the hint becomes the new hint ('#t' is probably there now), as in Lua. */
const TValue *picH_getint(Table *t, pic_Integer key) {
  if ((pic_Unsigned)key - 1u < t->alimit)
    return &t->array[key - 1];
  else if (!isrealasize(t) && (pic_Unsigned)key - 1u < picH_realasize(t)) {
    /* (a set flag with a power-of-2 alimit means size == alimit: no key
    ** gets here, as with Lua's limitequalsasize test) */
    t->alimit = (unsigned)key;  /* alimit < key <= size keeps the invariant */
    return &t->array[key - 1];
  } else if (isdummy(t)) {   /* no hash part: spare hashint's division */
    return &picH_absentkey;
  } else {
    Node *n = hashint(t, key);
    for (;;) {
      if (keyisinteger(n) && keyival(n) == key)
        return gval(n);
      if (gnext(n) == 0)
        return &picH_absentkey;
      n += gnext(n);
    }
  }
}

/* Value of short string [key] in [t], or &picH_absentkey. */
const TValue *picH_getshortstr(Table *t, TString *key) {
  return picH_shrget(t, key);
}

/* Value of string [key] in [t], or &picH_absentkey. */
const TValue *picH_getstr(Table *t, TString *key) {
  if (key->tt == PIC_VSHRSTR)
    return picH_getshortstr(t, key);
  else {
    TValue ko;
    setsvalue(NULL, &ko, key);
    return getgeneric(t, &ko, 0);
  }
}

/* Value of any [key] in [t], or &picH_absentkey. */
const TValue *picH_get(Table *t, const TValue *key) {
  switch (ttypetag(key)) {
    case PIC_VSHRSTR: return picH_getshortstr(t, tsvalue(key));
    case PIC_VNUMINT: return picH_getint(t, ivalue(key));
    case PIC_VNIL: return &picH_absentkey;
    case PIC_VNUMFLT: {
      pic_Integer k;
      if (picO_flttointns(fltvalue(key), &k, 0))
        return picH_getint(t, k);
      return getgeneric(t, key, 0);
    }
    default: return getgeneric(t, key, 0);
  }
}

/* ---- sizing ---- */

static unsigned ceillog2(unsigned x) {
  unsigned l = 0;
  x--;
  while (x >= 256) {
    l += 8;
    x >>= 8;
  }
  while (x > 0) {
    l++;
    x >>= 1;
  }
  return l;
}

/* [key] as an array index (1..MAXASIZE), or 0. */
static unsigned arrayindex(pic_Integer key) {
  if ((pic_Unsigned)key - 1u < MAXASIZE)
    return (unsigned)key;
  return 0;
}

/* Optimal array size: the largest power of 2, n, such that more than n/2
** of the slots 1..n are used; *pna becomes the number of keys going there. */
static unsigned computesizes(unsigned nums[], unsigned *pna) {
  int i;
  unsigned twotoi;
  unsigned a = 0, na = 0, optimal = 0;
  for (i = 0, twotoi = 1; twotoi > 0 && *pna > twotoi / 2; i++, twotoi *= 2) {
    a += nums[i];
    if (a > twotoi / 2) {
      optimal = twotoi;
      na = a;
    }
  }
  *pna = na;
  return optimal;
}

static int countint(pic_Integer key, unsigned *nums) {
  unsigned k = arrayindex(key);
  if (k != 0) {
    nums[ceillog2(k)]++;
    return 1;
  }
  return 0;
}

/* Counts the used array slots per slice (2^(lg-1), 2^lg]. */
static unsigned numusearray(const Table *t, unsigned *nums) {
  int lg;
  unsigned ttlg, ause = 0, i = 1, asize = t->alimit;  /* the caller set it to the size */
  for (lg = 0, ttlg = 1; lg <= MAXABITS; lg++, ttlg *= 2) {
    unsigned lc = 0, lim = ttlg;
    if (lim > asize) {
      lim = asize;
      if (i > lim)
        break;
    }
    for (; i <= lim; i++) {
      if (!isempty(&t->array[i - 1]))
        lc++;
    }
    nums[lg] += lc;
    ause += lc;
  }
  return ause;
}

static unsigned numusehash(const Table *t, unsigned *nums, unsigned *pna) {
  unsigned totaluse = 0, ause = 0;
  int i = (int)sizenode(t);
  while (i--) {
    Node *n = &t->node[i];
    if (!isempty(gval(n))) {
      if (keyisinteger(n))
        ause += (unsigned)countint(keyival(n), nums);
      totaluse++;
    }
  }
  *pna += ause;
  return totaluse;
}

/* Gives [t] a fresh hash part of at least [size] nodes (0: the dummy node). */
static void setnodevector(pic_State *L, Table *t, unsigned size) {
  if (size == 0) {
    t->node = dummynode;
    t->lsizenode = 0;
    t->nodemask = 0;
    t->lastfree = NULL;
  } else {
    unsigned i;
    unsigned lsize = ceillog2(size);
    if (lsize > MAXHBITS || (1u << lsize) > MAXHSIZE)
      picG_runerror(L, "table overflow");
    size = 1u << lsize;
    t->node = picM_newvector(L, size, Node);
    for (i = 0; i < size; i++) {
      Node *n = gnode(t, i);
      gnext(n) = 0;
      setnilkey(n);
      setempty(gval(n));
    }
    t->lsizenode = (uint8_t)lsize;
    t->nodemask = size - 1;
    t->lastfree = gnode(t, size);
  }
}

static void freehash(pic_State *L, Table *t) {
  if (!isdummy(t))
    picM_freein(L, t->node, (size_t)sizenode(t) * sizeof(Node));
}

static void exchangehashpart(Table *t1, Table *t2) {
  uint8_t lsizenode = t1->lsizenode;
  unsigned int nodemask = t1->nodemask;
  Node *node = t1->node;
  Node *lastfree = t1->lastfree;
  t1->lsizenode = t2->lsizenode;
  t1->nodemask = t2->nodemask;
  t1->node = t2->node;
  t1->lastfree = t2->lastfree;
  t2->lsizenode = lsizenode;
  t2->nodemask = nodemask;
  t2->node = node;
  t2->lastfree = lastfree;
}

/* Inserts every entry of [ot]'s hash part into [t]. */
static void reinsert(pic_State *L, Table *ot, Table *t) {
  unsigned j, size = sizenode(ot);
  for (j = 0; j < size; j++) {
    Node *old = gnode(ot, j);
    if (!isempty(gval(old))) {
      TValue k;
      getnodekey(L, &k, old);
      picH_set(L, t, &k, gval(old));
    }
  }
}

/* Resizes [t] to [newasize] array slots and room for [nhsize] hash entries.
** On a memory error the table is left unchanged. */
void picH_resize(pic_State *L, Table *t, unsigned int newasize, unsigned int nhsize) {
  unsigned i;
  Table newt;
  unsigned oldasize = setlimittosize(t);  /* reset by any resize, even a failed one */
  TValue *newarray;
  if (newasize > MAXASIZE)
    picG_runerror(L, "table overflow");
  setnodevector(L, &newt, nhsize);
  if (newasize < oldasize) {
    /* move the vanishing slice of the array into the new hash part */
    t->alimit = newasize;  /* pretend the array has its new size */
    exchangehashpart(t, &newt);
    for (i = newasize; i < oldasize; i++) {
      if (!isempty(&t->array[i]))
        picH_setint(L, t, (pic_Integer)i + 1, &t->array[i]);
    }
    t->alimit = oldasize;
    exchangehashpart(t, &newt);
  }
  newarray = (TValue *)picM_realloc_(L, t->array, (size_t)oldasize * sizeof(TValue),
                                     (size_t)newasize * sizeof(TValue));
  if (newarray == NULL && newasize > 0) {
    freehash(L, &newt);
    picM_error(L);
  }
  exchangehashpart(t, &newt);
  t->array = newarray;
  t->alimit = newasize;
  for (i = oldasize; i < newasize; i++)
    setempty(&t->array[i]);
  reinsert(L, &newt, t);
  freehash(L, &newt);
}

/* Resizes only the array part of [t] to [nasize] slots. Growing a table
** without a hash part (a constructor ending in a call: `{f(x), f(y)}`) only
** reallocates the array: no key can move between the parts. */
void picH_resizearray(pic_State *L, Table *t, unsigned int nasize) {
  if (isdummy(t) && nasize >= picH_realasize(t) && nasize <= MAXASIZE) {
    unsigned i, oldasize = setlimittosize(t);
    TValue *newarray = (TValue *)picM_realloc_(L, t->array, (size_t)oldasize * sizeof(TValue),
                                               (size_t)nasize * sizeof(TValue));
    if (newarray == NULL && nasize > 0)
      picM_error(L);
    t->array = newarray;
    t->alimit = nasize;
    for (i = oldasize; i < nasize; i++)
      setempty(&t->array[i]);
    return;
  }
  picH_resize(L, t, nasize, allocsizenode(t));
}

/* Grows [t] for one more key [ek], recomputing the best array size. */
static void rehash(pic_State *L, Table *t, const TValue *ek) {
  unsigned asize, na, totaluse;
  unsigned nums[MAXABITS + 1];
  int i;
  for (i = 0; i <= MAXABITS; i++)
    nums[i] = 0;
  setlimittosize(t);
  na = numusearray(t, nums);
  totaluse = na;
  totaluse += numusehash(t, nums, &na);
  if (ttisinteger(ek))
    na += (unsigned)countint(ivalue(ek), nums);
  totaluse++;
  asize = computesizes(nums, &na);
  picH_resize(L, t, asize, totaluse - na);
}

/* ---- creation ---- */

/* A new empty table. */
Table *picH_new(pic_State *L) {
  GCObject *o = picC_newobj(L, PIC_VTABLE, sizeof(Table));
  Table *t = gco2t(o);
  t->metatable = NULL;
  t->flags = maskflags;
  t->array = NULL;
  t->alimit = 0;
  t->gclist = NULL;
  setnodevector(L, t, 0);
  return t;
}

/* Gives new, empty table [t] (picH_new's) [asize] array slots and room for
** [hsize] hash keys: picH_resize without moving anything. A failed
** allocation raises with [t] still a valid table. */
void picH_presize(pic_State *L, Table *t, unsigned int asize, unsigned int hsize) {
  unsigned i;
  if (asize > MAXASIZE)
    picG_runerror(L, "table overflow");
  setnodevector(L, t, hsize);
  if (asize > 0) {
    TValue *array = picM_newvector(L, asize, TValue);
    for (i = 0; i < asize; i++)
      setempty(&array[i]);
    t->array = array;
    t->alimit = asize;
  }
}

/* Frees [t] and its parts. */
void picH_free(pic_State *L, Table *t) {
  freehash(L, t);
  picM_freein(L, t->array, picH_realasize(t) * sizeof(TValue));
  picM_freein(L, t, sizeof(Table));
}

/* ---- insertion ---- */

static Node *getfreepos(Table *t) {
  if (!isdummy(t)) {
    while (t->lastfree > t->node) {
      t->lastfree--;
      if (keyisnil(t->lastfree))
        return t->lastfree;
    }
  }
  return NULL;
}

/* Inserts a key known to be absent. Raises for nil/NaN keys; a nil value is
** not inserted. */
static void newkey(pic_State *L, Table *t, const TValue *key, const TValue *value) {
  Node *mp;
  TValue aux;
  if (ttisnil(key))
    picG_runerror(L, "table index is nil");
  else if (ttisfloat(key)) {
    pic_Number f = fltvalue(key);
    pic_Integer k;
    if (picO_flttointns(f, &k, 0)) {
      setivalue(&aux, k);
      key = &aux;
    } else if (f != f) {
      picG_runerror(L, "table index is NaN");
    }
  }
  if (ttisnil(value))
    return;
  mp = mainpositionTV(t, key);
  if (!isempty(gval(mp)) || isdummy(t)) {
    Node *othern;
    Node *f = getfreepos(t);
    if (f == NULL) {
      rehash(L, t, key);
      picH_set(L, t, key, value);
      return;
    }
    {
      TValue k;
      getnodekey(L, &k, mp);
      othern = mainpositionTV(t, &k);
    }
    if (othern != mp) {
      /* colliding node is out of its main position: move it to the free slot */
      while (othern + gnext(othern) != mp)
        othern += gnext(othern);
      gnext(othern) = (int)(f - othern);
      *f = *mp;
      if (gnext(mp) != 0) {
        gnext(f) += (int)(mp - f);
        gnext(mp) = 0;
      }
      setempty(gval(mp));
    } else {
      /* colliding node is in its main position: new key goes to the free slot */
      if (gnext(mp) != 0)
        gnext(f) = (int)((mp + gnext(mp)) - f);
      gnext(mp) = (int)(f - mp);
      mp = f;
    }
  }
  setnodekey(L, mp, key);
  picC_barrierback(L, obj2gco(t), key);
  setobj2t(L, gval(mp), value);
}

/* Stores [value] at [key]: in [slot] (a result of a get on [key]) when the
** key is present, else as a new key. */
void picH_finishset(pic_State *L, Table *t, const TValue *key, const TValue *slot,
                    const TValue *value) {
  invalidateTMcache(t);
  if (isabstkey(slot))
    newkey(L, t, key, value);
  else
    setobj2t(L, (TValue *)slot, value);
}

/* t[key] = value (raw). */
void picH_set(pic_State *L, Table *t, const TValue *key, const TValue *value) {
  picH_finishset(L, t, key, picH_get(t, key), value);
}

/* t[key] = value (raw) for an integer key. */
void picH_setint(pic_State *L, Table *t, pic_Integer key, const TValue *value) {
  const TValue *p = picH_getint(t, key);
  if (isabstkey(p)) {
    TValue k;
    setivalue(&k, key);
    newkey(L, t, &k, value);
  } else {
    setobj2t(L, (TValue *)p, value);
  }
}

/* ---- length and traversal ---- */

static pic_Unsigned hash_search(Table *t, pic_Unsigned j) {
  pic_Unsigned i;
  if (j == 0)
    j++;
  do {
    i = j;
    if (j <= (pic_Unsigned)INT64_MAX / 2) {
      j *= 2;
    } else {
      j = INT64_MAX;
      if (isempty(picH_getint(t, (pic_Integer)j)))
        break;
      return j;
    }
  } while (!isempty(picH_getint(t, (pic_Integer)j)));
  while (j - i > 1u) {
    pic_Unsigned m = (i + j) / 2;
    if (isempty(picH_getint(t, (pic_Integer)m)))
      j = m;
    else
      i = m;
  }
  return i;
}

static unsigned binsearch(const TValue *array, unsigned i, unsigned j) {
  while (j - i > 1u) {
    unsigned m = (i + j) / 2;
    if (isempty(&array[m - 1]))
      j = m;
    else
      i = m;
  }
  return i;
}

/* A border of [t]: n with t[n] present and t[n+1] absent (0 if t[1] is absent),
** the same one Lua 5.4's luaH_getn finds. It starts at the hint 'limit':
** (1) t[limit] empty: a border lies below; try limit-1 (the case after
**     't[#t] = nil'), else binary-search [0, limit]; keep what is found as
**     the new hint when the invariant allows it (only for a power-of-2 size,
**     never a power of 2 below it, always above size/2);
** (2) t[limit] present but the array goes on: limit is the border when
**     t[limit+1] is empty (the 't[#t+1] = v' case: constant time); else if
**     the last array slot is empty, binary-search between them (a valid hint);
**     else the whole array is in use and the hint becomes the size;
** (3) the array is empty or full: the border is its size n unless t[n+1] is in
**     the hash part, then it is found by an unbounded search there. */
pic_Unsigned picH_getn(Table *t) {
  unsigned limit = t->alimit;
  if (limit > 0 && isempty(&t->array[limit - 1])) {  /* (1) */
    if (limit >= 2 && !isempty(&t->array[limit - 2])) {
      if (ispow2realasize(t) && !ispow2(limit - 1)) {
        t->alimit = limit - 1;
        setnorealasize(t);
      }
      return limit - 1;
    } else {
      unsigned border = binsearch(t->array, 0, limit);
      if (ispow2realasize(t) && border > picH_realasize(t) / 2) {
        t->alimit = border;
        setnorealasize(t);
      }
      return border;
    }
  }
  if (!limitequalsasize(t)) {  /* (2): 0 < limit < size and t[limit] present */
    if (isempty(&t->array[limit]))
      return limit;
    limit = picH_realasize(t);
    if (isempty(&t->array[limit - 1])) {
      unsigned border = binsearch(t->array, t->alimit, limit);
      t->alimit = border;
      return border;
    }
    setlimittosize(t);
  }
  /* (3): limit == size == alimit, and t[limit] is present or limit is 0 */
  if (isdummy(t) || isempty(picH_getint(t, (pic_Integer)limit + 1)))
    return limit;
  return hash_search(t, limit);
}

/* Index of [key] in the traversal order (0: before the first), or
** UINT_MAX when [key] is not in [t]. */
static unsigned findindex(Table *t, TValue *key, unsigned asize) {
  unsigned i;
  if (ttisnil(key))
    return 0;
  i = ttisinteger(key) ? arrayindex(ivalue(key)) : 0;
  if (i - 1u < asize)
    return i;
  else {
    const TValue *n = getgeneric(t, key, 1);
    if (isabstkey(n))
      return UINT_MAX;
    i = (unsigned)(nodefromval(n) - gnode(t, 0));
    return (i + 1) + asize;
  }
}

/* As picH_next, but returns -1 (nothing changed) for a key not in [t]
** instead of raising; never raises. */
int picH_trynext(Table *t, StkId key) {
  unsigned asize = picH_realasize(t);
  unsigned i = findindex(t, key, asize);
  if (i == UINT_MAX)
    return -1;
  for (; i < asize; i++) {
    if (!isempty(&t->array[i])) {
      setivalue(key, (pic_Integer)i + 1);
      setobj2s(L, key + 1, &t->array[i]);
      return 1;
    }
  }
  for (i -= asize; i < sizenode(t); i++) {
    Node *n = gnode(t, i);
    if (!isempty(gval(n))) {
      getnodekey(L, key, n);
      setobj2s(L, key + 1, gval(n));
      return 1;
    }
  }
  return 0;
}

/* Replaces the key at [key] by the next one and puts its value at key+1;
** returns 0 after the last entry; raises for a key not in [t]. */
int picH_next(pic_State *L, Table *t, StkId key) {
  int r = picH_trynext(t, key);
  if (r < 0)
    picG_runerror(L, "invalid key to 'next'");
  return r;
}

/* Bytes held by [t] (header, array and hash parts). */
size_t picH_size(Table *t) {
  return sizeof(Table) + (size_t)picH_realasize(t) * sizeof(TValue) +
         (size_t)allocsizenode(t) * sizeof(Node);
}
