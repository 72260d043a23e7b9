/*
** tablib.c -- the table library (concat, insert, move, pack, remove,
** unpack; sort lives in tabsort.c). Module: stdlib (picopen_table).
**
** Element access goes through pic_geti_m / pic_seti_m / pic_len_m, so
** __index, __newindex and __len behave as in lua5.4; when one of them is a
** Lua function the loop returns pic_callk and resumes in a continuation
** whose ctx is the loop index; other loop values live in fixed stack slots.
** insert, remove and unpack on a table without a metatable (where raw
** access gives the same results) work on its slots directly. Moving n elements charges
** n / 4 units of fuel.
*/
#include <limits.h>
#include <string.h>

#include "runtime/pgc.h"
#include "runtime/pstate.h"
#include "runtime/pstring.h"
#include "runtime/ptable.h"
#include "stdlib/picstdlib.h"
#include "stdlib/tablib.h"

/* Argument [arg] when it is a table without a metatable, else NULL. */
static Table *plaintable(pic_State *L, int arg) {
  const TValue *o = L->ci->func + arg;
  return (o < L->top && ttistable(o) && hvalue(o)->metatable == NULL) ? hvalue(o) : NULL;
}

/* *v = t[i], raw (nil when absent). */
static inline void rawgeti(Table *t, pic_Integer i, TValue *v) {
  const TValue *slot = picH_fastgeti(t, i);   /* the array part in line */
  if (isempty(slot)) {
    setnilvalue(v);
  } else {
    setobj(L, v, slot);
  }
}

/* t[i] = *v, raw (may resize [t]). */
static inline void rawseti(pic_State *L, Table *t, pic_Integer i, const TValue *v) {
  if ((pic_Unsigned)i - 1u < t->alimit) {
    setobj2t(L, &t->array[i - 1], v);
  } else {
    picH_setint(L, t, i, v);
  }
  picC_barrierback(L, t, v);
}

/* Pushes t[i] or returns from the enclosing function with the needed call. */
#define GETI_OR_CALL(L, idx, i, ctx, k)                       \
  do {                                                        \
    int na_;                                                  \
    if (pic_geti_m(L, (idx), (i), &na_) != PIC_OK)            \
      return pic_callnoyieldk(L, na_, 1, (ctx), (k));         \
  } while (0)

/* Sets t[i] = top (popped) or returns with the needed call. */
#define SETI_OR_CALL(L, idx, i, ctx, k)                       \
  do {                                                        \
    int na_;                                                  \
    if (pic_seti_m(L, (idx), (i), &na_) != PIC_OK)            \
      return pic_callnoyieldk(L, na_, 0, (ctx), (k));         \
  } while (0)

#define LEN_OR_CALL(L, idx, ctx, k)                           \
  do {                                                        \
    int na_;                                                  \
    if (pic_len_m(L, (idx), &na_) != PIC_OK)                  \
      return pic_callnoyieldk(L, na_, 1, (ctx), (k));         \
  } while (0)

static int checkfield(pic_State *L, const char *key, int n) {
  pic_pushstring(L, key);
  return (pic_rawget(L, -n) != PIC_TNIL);
}

void picT_checktab(pic_State *L, int arg, int what) {
  if (pic_type(L, arg) != PIC_TTABLE) {
    int n = 1;
    if (pic_getmetatable(L, arg) &&
        (!(what & TAB_R) || checkfield(L, "__index", ++n)) &&
        (!(what & TAB_W) || checkfield(L, "__newindex", ++n)) &&
        (!(what & TAB_L) || checkfield(L, "__len", ++n))) {
      pic_pop(L, n);
    } else {
      picL_checktype(L, arg, PIC_TTABLE);
    }
  }
}

pic_Integer picT_poplen(pic_State *L) {
  int isnum;
  pic_Integer l = pic_tointegerx(L, -1, &isnum);
  if (!isnum)
    picL_error(L, "object length is not an integer");
  pic_pop(L, 1);
  return l;
}

static int done0_k(pic_State *L, int status, pic_KContext ctx) {
  (void)L;
  (void)status;
  (void)ctx;
  return 0;
}

/* ---- insert ---- slots: 1 t, 2 pos (integer), 3 value */

static int insert_set_k(pic_State *L, int status, pic_KContext ctx);
static int insert_get_k(pic_State *L, int status, pic_KContext ctx);

/* Moves t[i-1] to t[i] for i down to pos + 1, then sets t[pos]. */
static int insert_loop(pic_State *L, pic_Integer i) {
  pic_Integer pos = pic_tointeger(L, 2);
  for (; i > pos; i--) {
    pic_settop(L, 3);
    GETI_OR_CALL(L, 1, i - 1, i, insert_get_k);
    SETI_OR_CALL(L, 1, i, i - 1, insert_set_k);
  }
  pic_settop(L, 3);
  SETI_OR_CALL(L, 1, pos, 0, done0_k);
  return 0;
}

/* A get finished (ctx = i, value on top): store it at i. */
static int insert_get_k(pic_State *L, int status, pic_KContext ctx) {
  (void)status;
  pic_Integer i = (pic_Integer)ctx;
  pic_copy(L, -1, 4);
  pic_settop(L, 4);
  SETI_OR_CALL(L, 1, i, i - 1, insert_set_k);
  return insert_loop(L, i - 1);
}

/* A set finished: continue with index ctx. */
static int insert_set_k(pic_State *L, int status, pic_KContext ctx) {
  (void)status;
  return insert_loop(L, (pic_Integer)ctx);
}

static int insert_len_k(pic_State *L, int status, pic_KContext ctx) {
  (void)status;
  int nargs = (int)ctx;
  pic_Integer e = (pic_Integer)((pic_Unsigned)picT_poplen(L) + 1u);
  pic_settop(L, nargs);
  switch (nargs) {
    case 2:
      SETI_OR_CALL(L, 1, e, 0, done0_k);
      return 0;
    case 3: {
      pic_Integer pos = picL_checkinteger(L, 2);
      picL_argcheck(L, (pic_Unsigned)pos - 1u < (pic_Unsigned)e, 2, "position out of bounds");
      pic_pushinteger(L, pos);
      pic_replace(L, 2);
      pic_charge(L, (e - pos) / 4);
      return insert_loop(L, e);
    }
    default:
      return picL_error(L, "wrong number of arguments to 'insert'");
  }
}

/* table.insert on a table without a metatable. */
static int insert_plain(pic_State *L, Table *t, int nargs) {
  pic_Integer e = (pic_Integer)(picH_getn(t) + 1u), pos, i;
  StkId base = L->ci->func;
  TValue v;
  if (nargs == 2) {
    rawseti(L, t, e, base + 2);
    return 0;
  }
  if (nargs != 3)
    return picL_error(L, "wrong number of arguments to 'insert'");
  pos = picL_checkinteger(L, 2);
  picL_argcheck(L, (pic_Unsigned)pos - 1u < (pic_Unsigned)e, 2, "position out of bounds");
  pic_charge(L, (e - pos) / 4);
  for (i = e; i > pos; i--) {
    rawgeti(t, i - 1, &v);
    rawseti(L, t, i, &v);
  }
  rawseti(L, t, pos, L->ci->func + 3);
  return 0;
}

static int tinsert(pic_State *L) {
  Table *plain = plaintable(L, 1);
  if (plain != NULL)
    return insert_plain(L, plain, pic_gettop(L));
  picT_checktab(L, 1, TAB_RW | TAB_L);
  int nargs = pic_gettop(L);
  LEN_OR_CALL(L, 1, nargs, insert_len_k);
  return insert_len_k(L, PIC_OK, nargs);
}

/* ---- remove ---- slots: 1 t, 2 pos, 3 size, 4 result, 5 temp */

static int remove_set_k(pic_State *L, int status, pic_KContext ctx);
static int remove_get_k(pic_State *L, int status, pic_KContext ctx);

static int remove_ret_k(pic_State *L, int status, pic_KContext ctx) {
  (void)status;
  (void)ctx;
  pic_settop(L, 4);
  return 1;
}

/* Moves t[p+1] to t[p] up to size, then clears t[size]; returns slot 4. */
static int remove_loop(pic_State *L, pic_Integer p) {
  pic_Integer size = pic_tointeger(L, 3);
  for (; p < size; p++) {
    pic_settop(L, 4);
    GETI_OR_CALL(L, 1, p + 1, p, remove_get_k);
    SETI_OR_CALL(L, 1, p, p + 1, remove_set_k);
  }
  pic_settop(L, 4);
  pic_pushnil(L);
  SETI_OR_CALL(L, 1, p, 0, remove_ret_k);
  pic_settop(L, 4);
  return 1;
}

/* A set finished: continue with index ctx. */
static int remove_set_k(pic_State *L, int status, pic_KContext ctx) {
  (void)status;
  return remove_loop(L, (pic_Integer)ctx);
}

static int remove_get_k(pic_State *L, int status, pic_KContext ctx) {
  (void)status;
  pic_Integer p = (pic_Integer)ctx;
  pic_copy(L, -1, 5);
  pic_settop(L, 5);
  SETI_OR_CALL(L, 1, p, p + 1, remove_set_k);
  return remove_loop(L, p + 1);
}

static int remove_first_k(pic_State *L, int status, pic_KContext ctx) {
  (void)status;
  pic_copy(L, -1, 4);
  pic_settop(L, 4);
  return remove_loop(L, (pic_Integer)ctx);
}

static int remove_len_k(pic_State *L, int status, pic_KContext ctx) {
  (void)status;
  pic_Integer size = picT_poplen(L);
  pic_settop(L, (int)ctx);
  pic_Integer pos = picL_optinteger(L, 2, size);
  if (pos != size)
    picL_argcheck(L, (pic_Unsigned)pos - 1u <= (pic_Unsigned)size, 1, "position out of bounds");
  pic_settop(L, 1);
  pic_pushinteger(L, pos);
  pic_pushinteger(L, size);
  if (pos < size)
    pic_charge(L, (size - pos) / 4);
  GETI_OR_CALL(L, 1, pos, pos, remove_first_k);
  return remove_loop(L, pos);
}

/* table.remove on a table without a metatable. */
static int remove_plain(pic_State *L, Table *t) {
  pic_Integer size = (pic_Integer)picH_getn(t);
  pic_Integer pos = picL_optinteger(L, 2, size);
  TValue v;
  if (pos != size)
    picL_argcheck(L, (pic_Unsigned)pos - 1u <= (pic_Unsigned)size, 1, "position out of bounds");
  pic_settop(L, 1);
  rawgeti(t, pos, L->top);   /* the result */
  L->top++;
  if (pos < size)
    pic_charge(L, (size - pos) / 4);
  for (; pos < size; pos++) {
    rawgeti(t, pos + 1, &v);
    rawseti(L, t, pos, &v);
  }
  setnilvalue(&v);
  rawseti(L, t, pos, &v);
  return 1;
}

static int tremove(pic_State *L) {
  Table *plain = plaintable(L, 1);
  if (plain != NULL)
    return remove_plain(L, plain);
  picT_checktab(L, 1, TAB_RW | TAB_L);
  int nargs = pic_gettop(L);
  LEN_OR_CALL(L, 1, nargs, remove_len_k);
  return remove_len_k(L, PIC_OK, nargs);
}

/* ---- move ---- slots: 1 a1, 2 f, 3 t, 4 n, 5 a2, 6 step (+1 / -1), 7 temp */

static int move_set_k(pic_State *L, int status, pic_KContext ctx);
static int move_get_k(pic_State *L, int status, pic_KContext ctx);

static int move_loop(pic_State *L, pic_Integer i) {
  pic_Integer f = pic_tointeger(L, 2), t = pic_tointeger(L, 3), n = pic_tointeger(L, 4);
  pic_Integer step = pic_tointeger(L, 6);
  for (; step > 0 ? i < n : i >= 0; i += step) {
    pic_settop(L, 6);
    GETI_OR_CALL(L, 1, f + i, i, move_get_k);
    SETI_OR_CALL(L, 5, t + i, i + step, move_set_k);
  }
  pic_settop(L, 5);
  return 1;
}

static int move_get_k(pic_State *L, int status, pic_KContext ctx) {
  (void)status;
  pic_Integer i = (pic_Integer)ctx;
  pic_copy(L, -1, 7);
  pic_settop(L, 7);
  pic_Integer t = pic_tointeger(L, 3), step = pic_tointeger(L, 6);
  SETI_OR_CALL(L, 5, t + i, i + step, move_set_k);
  return move_loop(L, i + step);
}

static int move_set_k(pic_State *L, int status, pic_KContext ctx) {
  (void)status;
  return move_loop(L, (pic_Integer)ctx);
}

/* move_loop between two tables without metatables: raw reads and writes,
** between which no Lua code can run (so neither table can gain one). */
static int move_plain(pic_State *L, Table *a1, Table *a2, int forward) {
  pic_Integer f = pic_tointeger(L, 2), t = pic_tointeger(L, 3), n = pic_tointeger(L, 4);
  pic_Integer i;
  TValue v;
  if (forward) {
    for (i = 0; i < n; i++) {
      rawgeti(a1, f + i, &v);
      rawseti(L, a2, t + i, &v);
    }
  } else {
    for (i = n - 1; i >= 0; i--) {
      rawgeti(a1, f + i, &v);
      rawseti(L, a2, t + i, &v);
    }
  }
  pic_settop(L, 5);
  return 1;
}

/* Starts the copy: forward (from the first element) or backward. */
static int move_start(pic_State *L, int forward) {
  pic_Integer n = pic_tointeger(L, 4);
  Table *a1, *a2;
  pic_settop(L, 5);
  pic_pushinteger(L, forward ? 1 : -1);
  pic_charge(L, n / 4);
  if ((a1 = plaintable(L, 1)) != NULL && (a2 = plaintable(L, 5)) != NULL)
    return move_plain(L, a1, a2, forward);
  return move_loop(L, forward ? 0 : n - 1);
}

static int move_eq_k(pic_State *L, int status, pic_KContext ctx) {
  (void)status;
  (void)ctx;
  int eq = pic_toboolean(L, -1);
  return move_start(L, !eq);
}

static int tmove(pic_State *L) {
  pic_Integer f = picL_checkinteger(L, 2);
  pic_Integer e = picL_checkinteger(L, 3);
  pic_Integer t = picL_checkinteger(L, 4);
  int tt = !pic_isnoneornil(L, 5) ? 5 : 1;
  picT_checktab(L, 1, TAB_R);
  picT_checktab(L, tt, TAB_W);
  pic_settop(L, 5);
  if (tt == 1) {
    pic_pushvalue(L, 1);
    pic_replace(L, 5);
  }
  if (e < f)
    return 1;   /* nothing to move: return the destination */
  picL_argcheck(L, f > 0 || e < INT64_MAX + f, 3, "too many elements to move");
  pic_Integer n = e - f + 1;
  picL_argcheck(L, t <= INT64_MAX - n + 1, 4, "destination wrap around");
  pic_pushinteger(L, f);
  pic_replace(L, 2);
  pic_pushinteger(L, t);
  pic_replace(L, 3);
  pic_pushinteger(L, n);
  pic_replace(L, 4);
  if (t > e || t <= f)
    return move_start(L, 1);
  if (tt == 1)
    return move_start(L, 0);
  int nargs;   /* same slots, different tables? ask __eq as lua5.4 does */
  if (pic_compare_m(L, 1, 5, PIC_OPEQ, &nargs) != PIC_OK)
    return pic_callnoyieldk(L, nargs, 1, 0, move_eq_k);
  int eq = pic_toboolean(L, -1);
  pic_pop(L, 1);
  return move_start(L, !eq);
}

/* ---- concat ---- slots: 1 t, 2 sep, 3 i, 4 last, 5 gathered values */

static void concat_check(pic_State *L, pic_Integer i) {
  if (!pic_isstring(L, -1))
    picL_error(L, "invalid value (%s) at index %I in table for 'concat'", picL_typename(L, -1), i);
}

static int concat_finish(pic_State *L) {
  size_t lsep;
  const char *sep = pic_tolstring(L, 2, &lsep);
  pic_Integer n = (pic_Integer)pic_rawlen(L, 5);
  picL_Buffer b;
  picL_buffinit(L, &b);
  for (pic_Integer k = 1; k <= n; k++) {
    pic_rawgeti(L, 5, k);
    picL_addvalue(&b);
    if (k < n)
      picL_addlstring(&b, sep, lsep);
  }
  picL_pushresult(&b);
  return 1;
}

static int concat_get_k(pic_State *L, int status, pic_KContext ctx);

static int concat_loop(pic_State *L, pic_Integer k) {
  pic_Integer i = pic_tointeger(L, 3), last = pic_tointeger(L, 4);
  for (; k <= last; k++) {
    pic_settop(L, 5);
    GETI_OR_CALL(L, 1, k, k, concat_get_k);
    concat_check(L, k);
    pic_rawseti(L, 5, k - i + 1);
    if (k == last)
      break;
  }
  pic_settop(L, 5);
  return concat_finish(L);
}

static int concat_get_k(pic_State *L, int status, pic_KContext ctx) {
  (void)status;
  pic_Integer k = (pic_Integer)ctx;
  pic_copy(L, -1, 6);
  pic_settop(L, 6);
  concat_check(L, k);
  pic_rawseti(L, 5, k - pic_tointeger(L, 3) + 1);
  if (k == pic_tointeger(L, 4))
    return concat_finish(L);
  return concat_loop(L, k + 1);
}

/* The length of t[i..last] (i <= last, raw values) joined by separators of
** [lsep] bytes, or (size_t)-1 when a value is neither a string nor an
** integer or the length overflows. Integers are measured by converting them
** (cheap); a float sends the join to the buffer, which converts it once. */
static size_t concat_measure(Table *t, pic_Integer i, pic_Integer last, size_t lsep) {
  size_t total = 0;
  char buff[PIC_MAXNUMBER2STR];
  for (;; i++) {
    const TValue *v = picH_getint(t, i);
    size_t l;
    if (ttisstring(v))
      l = vslen(v);
    else if (ttisinteger(v))
      l = (size_t)picO_tostringbuff(v, buff);
    else
      return (size_t)-1;
    if (l > ((size_t)-1 >> 2) - total)
      return (size_t)-1;
    total += l;
    if (i == last)
      return total;
    if (lsep > ((size_t)-1 >> 2) - total)
      return (size_t)-1;
    total += lsep;
  }
}

/* Copies what concat_measure measured into [out]. */
static void concat_copy(Table *t, pic_Integer i, pic_Integer last, const char *sep, size_t lsep,
                        char *out) {
  for (;; i++) {
    const TValue *v = picH_getint(t, i);
    if (ttisstring(v)) {
      memcpy(out, svalue(v), vslen(v));
      out += vslen(v);
    } else {
      out += picO_tostringbuff(v, out);
    }
    if (i == last)
      return;
    memcpy(out, sep, lsep);
    out += lsep;
  }
}

static int concat_len_k(pic_State *L, int status, pic_KContext ctx) {
  (void)status;
  pic_Integer last = picT_poplen(L);
  pic_settop(L, (int)ctx);
  size_t lsep;
  const char *sep = picL_optlstring(L, 2, "", &lsep);
  pic_Integer i = picL_optinteger(L, 3, 1);
  last = picL_optinteger(L, 4, last);
  if (!pic_getmetatable(L, 1)) {   /* fast path: raw access to the slots */
    Table *t = hvalue(L->ci->func + 1);
    /* charged on success with the bytes made: every element then exists */
    int64_t elems = i <= last ? (int64_t)(((pic_Unsigned)last - (pic_Unsigned)i) / 16) : 0;
    size_t total = i <= last ? concat_measure(t, i, last, lsep) : 0;
    if (total != (size_t)-1 && total > PIC_MAXSHORTLEN) {
      /* a long result: measured, then made in place, with no buffer (whose
      ** boxes would be garbage several times the result's size) */
      TString *ts = picS_createlngstrobj(L, total);
      setsvalue(L, L->top, ts);
      L->top++;
      concat_copy(t, i, last, sep, lsep, getstr(ts));
      pic_charge(L, (int64_t)(total / 32) + elems);
      picC_checkGC(L);   /* as every API call that makes an object */
      return 1;
    }
    picL_Buffer b;
    picL_buffinit(L, &b);
    for (; i <= last; i++) {
      const TValue *v = picH_getint(t, i);   /* (buffer growth moves no string) */
      if (ttisstring(v)) {
        picL_addlstring(&b, svalue(v), vslen(v));
      } else if (ttisnumber(v)) {   /* converted in the buffer, no string made */
        char *p = picL_prepbuffsize(&b, PIC_MAXNUMBER2STR);
        picL_addsize(&b, (size_t)picO_tostringbuff(v, p));
      } else {
        pic_rawgeti(L, 1, i);
        concat_check(L, i);   /* raises */
      }
      if (i == last)
        break;
      picL_addlstring(&b, sep, lsep);
    }
    pic_charge(L, (int64_t)(b.n / 32) + elems);
    picL_pushresult(&b);
    return 1;
  }
  pic_settop(L, 1);
  pic_pushlstring(L, sep, lsep);
  pic_pushinteger(L, i);
  pic_pushinteger(L, last);
  pic_newtable(L);
  if (i > last)
    return concat_finish(L);
  return concat_loop(L, i);
}

static int tconcat(pic_State *L) {
  picT_checktab(L, 1, TAB_R | TAB_L);
  int nargs = pic_gettop(L);
  LEN_OR_CALL(L, 1, nargs, concat_len_k);
  return concat_len_k(L, PIC_OK, nargs);
}

/* ---- pack / unpack ---- */

static int tpack(pic_State *L) {
  int n = pic_gettop(L);
  pic_charge(L, n / 16);
  pic_createtable(L, n, 1);
  pic_insert(L, 1);
  for (int i = n; i >= 1; i--)
    pic_rawseti(L, 1, i);
  pic_pushinteger(L, n);
  pic_rawsetfield(L, 1, "n");
  return 1;
}

/* slots: 1 t, 2 i, 3 e, results from 4 */
static int unpack_get_k(pic_State *L, int status, pic_KContext ctx);

static int unpack_loop(pic_State *L, pic_Integer k) {
  pic_Integer e = pic_tointeger(L, 3);
  for (;; k++) {
    GETI_OR_CALL(L, 1, k, k, unpack_get_k);
    if (k == e)
      break;
  }
  return (int)((pic_Unsigned)e - (pic_Unsigned)pic_tointeger(L, 2) + 1u);
}

static int unpack_get_k(pic_State *L, int status, pic_KContext ctx) {
  (void)status;
  pic_Integer k = (pic_Integer)ctx;
  if (k == pic_tointeger(L, 3))
    return (int)((pic_Unsigned)k - (pic_Unsigned)pic_tointeger(L, 2) + 1u);
  return unpack_loop(L, k + 1);
}

static int unpack_range(pic_State *L, pic_Integer i, pic_Integer e) {
  if (i > e)
    return 0;
  pic_Unsigned n = (pic_Unsigned)e - (pic_Unsigned)i;
  if (n >= (unsigned int)INT_MAX - 3 || !pic_checkstack(L, (int)(++n) + 3))
    return picL_error(L, "too many results to unpack");
  pic_charge(L, (int64_t)(n / 4));
  pic_settop(L, 1);
  {
    Table *plain = plaintable(L, 1);
    if (plain != NULL) {   /* raw reads give what pic_geti_m would */
      StkId top = L->top;
      pic_Integer k;
      for (k = i; ; k++) {
        rawgeti(plain, k, top++);
        if (k == e)
          break;
      }
      L->top = top;
      return (int)n;
    }
  }
  pic_pushinteger(L, i);
  pic_pushinteger(L, e);
  return unpack_loop(L, i);
}

static int unpack_len_k(pic_State *L, int status, pic_KContext ctx) {
  (void)status;
  pic_Integer e = picT_poplen(L);
  return unpack_range(L, (pic_Integer)ctx, e);
}

static int tunpack(pic_State *L) {
  pic_Integer i = picL_optinteger(L, 2, 1);
  if (pic_isnoneornil(L, 3)) {
    LEN_OR_CALL(L, 1, i, unpack_len_k);
    return unpack_len_k(L, PIC_OK, i);
  }
  return unpack_range(L, i, picL_checkinteger(L, 3));
}

static const picL_Reg tab_funcs[] = {
  {"concat", tconcat},
  {"insert", tinsert},
  {"pack", tpack},
  {"unpack", tunpack},
  {"remove", tremove},
  {"move", tmove},
  {"sort", picT_sort},
  {NULL, NULL}
};

/* Opens the table library: pushes its table. */
int picopen_table(pic_State *L) {
  picL_newlib(L, tab_funcs);
  return 1;
}
