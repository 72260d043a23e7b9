/*
** tabsort.c -- table.sort as a resumable state machine running lua5.4's
** quicksort (same pivots, same comparisons in the same order, same
** "invalid order function for sorting" checks). Module: stdlib.
**
** Nothing lives on the C stack between comparisons: the program counter,
** the indices and the stack of pending ranges are in a userdata (slot 3,
** also passed to the continuations as their context); the pivot and the
** two compared elements are in slots 4-6, as lua5.4 keeps them on its
** stack. Elements are read and written as raw table slots (ptable.h) and
** compared in place (pvm.h), without API calls. A comparison calling Lua
** (the comparator or __lt) returns pic_callk and resumes in sort_cmp_k.
** Tables whose metatable has __index/__newindex are copied to a raw table
** (slot 7) through pic_geti_m, sorted there, and written back with
** pic_seti_m.
*/
#include <limits.h>

#include "runtime/pgc.h"
#include "runtime/pstate.h"
#include "runtime/ptable.h"
#include "runtime/pvm.h"
#include "stdlib/tablib.h"

typedef unsigned int IdxT;

#define RANLIMIT 100u
#define MAXRANGES 64

enum { PC_GATHER, PC_LOOP, PC_A1, PC_A2, PC_A2B, PC_A3, PC_B, PC_B1, PC_C, PC_C1, PC_D, PC_SCATTER };

enum { S_TAB = 1, S_CMP = 2, S_STATE = 3, S_PIVOT = 4, S_A = 5, S_B = 6, S_TMP = 7 };

typedef struct SortState {
  int pc;
  int tab;          /* slot of the table being sorted: S_TAB or S_TMP */
  int cmp;          /* result of the last comparison */
  int steps;
  IdxT lo, up, p, i, j;
  IdxT rnd;
  unsigned seed;
  pic_Integer n, k; /* gather / scatter position */
  int nranges;
  struct { IdxT lo, up, rnd; } ranges[MAXRANGES];
} SortState;

static int sort_run(pic_State *L, SortState *st);

/* Stack slot [s] of the sort's frame (re-derived after anything that may
** move the stack). */
#define SLOT(L, s) ((L)->ci->func + (s))

static int sort_cmp_k(pic_State *L, int status, pic_KContext ctx) {
  SortState *st = (SortState *)(intptr_t)ctx;
  (void)status;
  st->cmp = !l_isfalse(L->top - 1);
  L->top = SLOT(L, S_TMP + 1);
  return sort_run(L, st);
}

static int sort_again_k(pic_State *L, int status, pic_KContext ctx) {
  (void)status;
  return sort_run(L, (SortState *)(intptr_t)ctx);
}

/* Compares slot [x] < slot [y]; returns 1 with st->cmp set, or 0 with
** *ret the pic_callk to return. Continues at [nextpc] either way. */
static inline int compare(pic_State *L, SortState *st, int x, int y, int nextpc, int *ret) {
  StkId base = L->ci->func;
  const TValue *a = base + x, *b = base + y;
  st->pc = nextpc;
  if (ttisnil(base + S_CMP)) {
    int res;
    if (ttisinteger(a) && ttisinteger(b)) {
      st->cmp = ivalue(a) < ivalue(b);
      return 1;
    }
    if (picV_lessthan(L, a, b, &res) == PICV_DONE) {
      st->cmp = res;
      return 1;
    }
    *ret = pic_callnoyieldk(L, 2, 1, (pic_KContext)(intptr_t)st, sort_cmp_k);   /* __lt pushed */
    return 0;
  } else {
    StkId top = L->top;
    setobj(L, top, base + S_CMP);
    setobj(L, top + 1, a);
    setobj(L, top + 2, b);
    L->top = top + 3;
    *ret = pic_callnoyieldk(L, 2, 1, (pic_KContext)(intptr_t)st, sort_cmp_k);
    return 0;
  }
}

/* slot = t[i], raw. */
static inline void get(pic_State *L, SortState *st, IdxT i, int slot) {
  StkId base = L->ci->func;
  Table *t = hvalue(base + st->tab);
  const TValue *v = picH_fastgeti(t, (pic_Integer)i);
  if (isempty(v))
    setnilvalue(base + slot);
  else
    setobj(L, base + slot, v);
}

/* t[i] = slot, raw. */
static inline void set(pic_State *L, SortState *st, IdxT i, int slot) {
  StkId base = L->ci->func;
  Table *t = hvalue(base + st->tab);
  const TValue *v = base + slot;
  if ((pic_Unsigned)i - 1u < t->alimit)
    setobj2t(L, &t->array[i - 1], v)
  else
    picH_setint(L, t, (pic_Integer)i, v);
  picC_barrierback(L, t, v);
}

static IdxT randomize(SortState *st) {
  st->seed = st->seed * 1103515245u + 12345u;
  return st->seed >> 1;
}

static IdxT choose_pivot(IdxT lo, IdxT up, IdxT rnd) {
  IdxT r4 = (up - lo) / 4;
  return rnd % (r4 * 2) + (lo + r4);
}

/* Ends the current range; returns 0 when no range is left. */
static int next_range(SortState *st) {
  if (st->nranges == 0)
    return 0;
  st->nranges--;
  st->lo = st->ranges[st->nranges].lo;
  st->up = st->ranges[st->nranges].up;
  st->rnd = st->ranges[st->nranges].rnd;
  return 1;
}

static int gather_k(pic_State *L, int status, pic_KContext ctx) {
  SortState *st = (SortState *)(intptr_t)ctx;
  (void)status;
  pic_rawseti(L, S_TMP, st->k);
  st->k++;
  pic_settop(L, S_TMP);
  return sort_run(L, st);
}

static int scatter_k(pic_State *L, int status, pic_KContext ctx) {
  SortState *st = (SortState *)(intptr_t)ctx;
  (void)status;
  st->k++;
  pic_settop(L, S_TMP);
  return sort_run(L, st);
}

static int sort_run(pic_State *L, SortState *st) {
  int ret, nargs;
  for (;;) {
    if (++st->steps >= 64) {
      st->steps = 0;
      pic_charge(L, 32);
      if (pic_fuelleft(L) <= 0)
        return pic_againk(L, (pic_KContext)(intptr_t)st, sort_again_k);
    }
    switch (st->pc) {
      case PC_GATHER:
        for (; st->k <= st->n; st->k++) {
          pic_settop(L, S_TMP);
          if (pic_geti_m(L, S_TAB, st->k, &nargs) != PIC_OK)
            return pic_callnoyieldk(L, nargs, 1, (pic_KContext)(intptr_t)st, gather_k);
          pic_rawseti(L, S_TMP, st->k);
        }
        st->pc = PC_LOOP;
        continue;
      case PC_LOOP:
        if (st->lo >= st->up) {
          if (!next_range(st)) {
            st->pc = PC_SCATTER;
            st->k = 1;
          }
          continue;
        }
        get(L, st, st->lo, S_A);
        get(L, st, st->up, S_B);
        if (!compare(L, st, S_B, S_A, PC_A1, &ret))   /* a[up] < a[lo]? */
          return ret;
        continue;
      case PC_A1:
        if (st->cmp) {
          set(L, st, st->lo, S_B);
          set(L, st, st->up, S_A);
        }
        if (st->up - st->lo == 1) {   /* only 2 elements */
          st->lo = st->up;
          st->pc = PC_LOOP;
          continue;
        }
        if (st->up - st->lo < RANLIMIT || st->rnd == 0)
          st->p = (st->lo + st->up) / 2;
        else
          st->p = choose_pivot(st->lo, st->up, st->rnd);
        get(L, st, st->p, S_A);
        get(L, st, st->lo, S_B);
        if (!compare(L, st, S_A, S_B, PC_A2, &ret))   /* a[p] < a[lo]? */
          return ret;
        continue;
      case PC_A2:
        if (st->cmp) {
          set(L, st, st->p, S_B);
          set(L, st, st->lo, S_A);
          st->pc = PC_A3;
          continue;
        }
        get(L, st, st->up, S_B);
        if (!compare(L, st, S_B, S_A, PC_A2B, &ret))   /* a[up] < a[p]? */
          return ret;
        continue;
      case PC_A2B:
        if (st->cmp) {
          set(L, st, st->p, S_B);
          set(L, st, st->up, S_A);
        }
        st->pc = PC_A3;
        continue;
      case PC_A3:
        if (st->up - st->lo == 2) {   /* only 3 elements */
          st->lo = st->up;
          st->pc = PC_LOOP;
          continue;
        }
        get(L, st, st->p, S_PIVOT);
        get(L, st, st->up - 1, S_B);
        set(L, st, st->p, S_B);
        set(L, st, st->up - 1, S_PIVOT);
        st->i = st->lo;
        st->j = st->up - 1;
        st->pc = PC_B;
        continue;
      case PC_B1:
        if (!st->cmp) {
          st->pc = PC_C;
          continue;
        }
        if (st->i == st->up - 1)
          return picL_error(L, "invalid order function for sorting");
        st->steps++;   /* the step of going back to PC_B */
        /* fall through */
      case PC_B:   /* repeat ++i while a[i] < P */
        st->i++;
        get(L, st, st->i, S_A);
        if (!compare(L, st, S_A, S_PIVOT, PC_B1, &ret))
          return ret;
        continue;
      case PC_C1:
        if (!st->cmp) {
          if (st->j < st->i) {   /* partition done: pivot goes to i */
            set(L, st, st->up - 1, S_A);
            set(L, st, st->i, S_PIVOT);
            st->p = st->i;
            st->pc = PC_D;
            continue;
          }
          set(L, st, st->i, S_B);
          set(L, st, st->j, S_A);
          st->pc = PC_B;
          continue;
        }
        if (st->j < st->i)
          return picL_error(L, "invalid order function for sorting");
        st->steps++;   /* the step of going back to PC_C */
        /* fall through */
      case PC_C:   /* repeat --j while P < a[j] */
        st->j--;
        get(L, st, st->j, S_B);
        if (!compare(L, st, S_PIVOT, S_B, PC_C1, &ret))
          return ret;
        continue;
      case PC_D: {   /* sort the smaller part first, keep the larger */
        IdxT lo = st->lo, up = st->up, p = st->p, n;
        IdxT rlo, rup;
        if (p - lo < up - p) {
          rlo = p + 1;
          rup = up;
          n = p - lo;
          st->up = p - 1;
        } else {
          rlo = lo;
          rup = p - 1;
          n = up - p;
          st->lo = p + 1;
        }
        if (st->nranges >= MAXRANGES)   /* cannot happen: depth <= log2(n) */
          return picL_error(L, "invalid order function for sorting");
        st->ranges[st->nranges].lo = rlo;
        st->ranges[st->nranges].up = rup;
        st->ranges[st->nranges].rnd = ((rup - rlo) / 128 > n) ? randomize(st) : st->rnd;
        st->nranges++;
        st->pc = PC_LOOP;
        continue;
      }
      default:   /* PC_SCATTER */
        if (st->tab == S_TAB)
          return 0;
        for (; st->k <= st->n; st->k++) {
          pic_settop(L, S_TMP);
          pic_rawgeti(L, S_TMP, st->k);
          if (pic_seti_m(L, S_TAB, st->k, &nargs) != PIC_OK)
            return pic_callnoyieldk(L, nargs, 0, (pic_KContext)(intptr_t)st, scatter_k);
        }
        return 0;
    }
  }
}

static int needs_meta(pic_State *L) {
  if (pic_type(L, S_TAB) != PIC_TTABLE)
    return 1;
  if (!pic_getmetatable(L, S_TAB))
    return 0;
  int hasindex = (pic_rawgetfield(L, -1, "__index") != PIC_TNIL);
  pic_pop(L, 1);
  int hasnewindex = (pic_rawgetfield(L, -1, "__newindex") != PIC_TNIL);
  pic_pop(L, 2);   /* the field and the metatable */
  return hasindex || hasnewindex;
}

static int sort_len_k(pic_State *L, int status, pic_KContext ctx) {
  (void)status;
  (void)ctx;
  pic_Integer n = picT_poplen(L);
  if (n > 1) {
    picL_argcheck(L, n < INT_MAX, 1, "array too big");
    if (!pic_isnoneornil(L, 2))
      picL_checktype(L, 2, PIC_TFUNCTION);
    pic_settop(L, 2);
    int meta = needs_meta(L);
    SortState *st = (SortState *)pic_newuserdatauv(L, sizeof(SortState), 0);
    pic_pushnil(L);
    pic_pushnil(L);
    pic_pushnil(L);
    if (meta)
      pic_createtable(L, (int)n, 0);
    else
      pic_pushnil(L);
    st->pc = meta ? PC_GATHER : PC_LOOP;
    st->tab = meta ? S_TMP : S_TAB;
    st->cmp = 0;
    st->steps = 0;
    st->lo = 1;
    st->up = (IdxT)n;
    st->p = st->i = st->j = 0;
    st->rnd = 0;
    st->seed = (unsigned)n;
    st->n = n;
    st->k = 1;
    st->nranges = 0;
    return sort_run(L, st);
  }
  return 0;
}

/* table.sort(t [, comp]). */
int picT_sort(pic_State *L) {
  picT_checktab(L, 1, TAB_RW | TAB_L);
  int nargs;
  if (pic_len_m(L, 1, &nargs) != PIC_OK)
    return pic_callnoyieldk(L, nargs, 1, 0, sort_len_k);
  return sort_len_k(L, PIC_OK, 0);
}
