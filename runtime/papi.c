/*
** papi.c -- the embedding API of piccolo.h over the internal modules: stack
** access, conversions, raw table access, pushes, and the metamethod-aware
** *_m operations. Module: runtime (public API; state creation, loading,
** memory, capabilities and pic_gc live in pstate.c/ploader.c/pgc.c, the
** running functions in pdo.c, positions/tracebacks in pdebug.c).
** Indices: 1..n from the running frame's function slot (L->ci->func);
** negative ones count from L->top; pseudo-indices name the registry and
** the running C closure's upvalues.
*/
#include <string.h>

#include "runtime/pdebug.h"
#include "runtime/pdo.h"
#include "runtime/pfunc.h"
#include "runtime/pgc.h"
#include "runtime/piccolo.h"
#include "runtime/pmem.h"
#include "runtime/pstate.h"
#include "runtime/pstring.h"
#include "runtime/ptable.h"
#include "runtime/ptm.h"
#include "runtime/pvm.h"

#define ispseudo(i) ((i) <= PIC_REGISTRYINDEX)
#define isvalid(L, o) (!ttisnil(o) || (o) != &G(L)->nilvalue)
#define invalidateTMcache(t) ((t)->flags &= (uint8_t)~0x3Fu)

static inline TValue *index2value(pic_State *L, int idx) {
  CallInfo *ci = L->ci;
  if (idx > 0) {
    StkId o = ci->func + idx;
    return o >= L->top ? &G(L)->nilvalue : o;
  } else if (!ispseudo(idx)) {
    return L->top + idx;
  } else if (idx == PIC_REGISTRYINDEX) {
    return &G(L)->l_registry;
  } else {
    idx = PIC_REGISTRYINDEX - idx;
    if (ttisCclosure(ci->func)) {
      CClosure *f = clCvalue(ci->func);
      return idx <= f->nupvalues ? &f->upvalue[idx - 1] : &G(L)->nilvalue;
    }
    return &G(L)->nilvalue;
  }
}

static StkId index2stack(pic_State *L, int idx) {
  return idx > 0 ? L->ci->func + idx : L->top + idx;
}

#define api_incr_top(L) ((L)->top++)

/* ---- errors ---- */

int pic_error(pic_State *L) {
  TValue *errobj = L->top - 1;
  if (ttisshrstring(errobj) && tsvalue(errobj) == G(L)->memerrmsg)
    picD_throw(L, PIC_ERRMEM);
  picD_throw(L, PIC_ERRRUN);
}

/* ---- stack ---- */

int pic_absindex(pic_State *L, int idx) {
  return (idx > 0 || ispseudo(idx)) ? idx : (int)(L->top - L->ci->func) + idx;
}

int pic_gettop(pic_State *L) {
  return (int)(L->top - (L->ci->func + 1));
}

void pic_settop(pic_State *L, int idx) {
  StkId func = L->ci->func;
  if (idx >= 0) {
    StkId newtop = func + 1 + idx;
    while (L->top < newtop)
      setnilvalue(L->top++);
    L->top = newtop;
  } else {
    L->top += idx + 1;
  }
}

void pic_pushvalue(pic_State *L, int idx) {
  setobj(L, L->top, index2value(L, idx));
  api_incr_top(L);
}

static void reverse(StkId from, StkId to) {
  for (; from < to; from++, to--) {
    TValue temp = *from;
    *from = *to;
    *to = temp;
  }
}

void pic_rotate(pic_State *L, int idx, int n) {
  StkId t = L->top - 1;
  StkId p = index2stack(L, idx);
  StkId m = n >= 0 ? t - n : p - n - 1;
  reverse(p, m);
  reverse(m + 1, t);
  reverse(p, t);
}

void pic_copy(pic_State *L, int fromidx, int toidx) {
  TValue *fr = index2value(L, fromidx);
  TValue *to = index2value(L, toidx);
  setobj(L, to, fr);
  if (toidx < PIC_REGISTRYINDEX)
    picC_barrier(L, clCvalue(L->ci->func), fr);
}

int pic_checkstack(pic_State *L, int n) {
  CallInfo *ci = L->ci;
  if (n < 0)
    return 0;
  if (L->stack_last - L->top <= n) {
    if ((int)(L->top - L->stack) + n + EXTRA_STACK > PIC_MAXSTACK)
      return 0;
    picD_growstack(L, n);
  }
  if (ci->top < L->top + n)
    ci->top = L->top + n;
  return 1;
}

void pic_xmove(pic_State *from, pic_State *to, int n) {
  int i;
  if (from == to)
    return;
  if (to->stack_last - to->top <= n)
    picD_growstack(to, n);
  from->top -= n;
  for (i = 0; i < n; i++) {
    setobj(to, to->top, from->top + i);
    to->top++;
  }
}

/* ---- access ---- */

int pic_isnumber(pic_State *L, int idx) {
  pic_Number n;
  return picO_tonumber(index2value(L, idx), &n);
}

int pic_isstring(pic_State *L, int idx) {
  const TValue *o = index2value(L, idx);
  return ttisstring(o) || ttisnumber(o);
}

int pic_iscfunction(pic_State *L, int idx) {
  const TValue *o = index2value(L, idx);
  return ttislcf(o) || ttisCclosure(o);
}

int pic_isinteger(pic_State *L, int idx) {
  return ttisinteger(index2value(L, idx));
}

int pic_isuserdata(pic_State *L, int idx) {
  const TValue *o = index2value(L, idx);
  return ttisfulluserdata(o) || ttislightuserdata(o);
}

int pic_type(pic_State *L, int idx) {
  const TValue *o = index2value(L, idx);
  return isvalid(L, o) ? ttype(o) : PIC_TNONE;
}

const char *pic_typename(pic_State *L, int tp) {
  (void)L;
  return ttypename(tp);
}

/* (numbers are converted inline, as Lua's tonumber/tointeger macros do;
** strings through picO_) */
pic_Number pic_tonumberx(pic_State *L, int idx, int *isnum) {
  const TValue *o = index2value(L, idx);
  pic_Number n = 0;
  int ok;
  if (ttisfloat(o)) {
    n = fltvalue(o);
    ok = 1;
  } else if (ttisinteger(o)) {
    n = (pic_Number)ivalue(o);
    ok = 1;
  } else {
    ok = picO_tonumber(o, &n);
  }
  if (isnum)
    *isnum = ok;
  return ok ? n : 0;
}

pic_Integer pic_tointegerx(pic_State *L, int idx, int *isnum) {
  const TValue *o = index2value(L, idx);
  pic_Integer res = 0;
  int ok;
  if (ttisinteger(o)) {
    res = ivalue(o);
    ok = 1;
  } else {
    ok = picO_tointegerns(o, &res, 0);
  }
  if (isnum)
    *isnum = ok;
  return ok ? res : 0;
}

int pic_toboolean(pic_State *L, int idx) {
  return !l_isfalse(index2value(L, idx));
}

/* Converts the number at [idx] in place to a string, as lua_tolstring does,
** and returns the slot. Kept out of line (noinline with GCC and Clang), so
** that pic_tolstring of a string, the common case, needs neither this
** function's buffer nor the stack protector's check that comes with it. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static TValue *tostringinplace(pic_State *L, int idx) {
  char buff[PIC_MAXNUMBER2STR];
  int l = picO_tostringbuff(index2value(L, idx), buff);
  TString *ts = picS_newlstr(L, buff, (size_t)l);
  setsvalue(L, index2value(L, idx), ts);
  picC_checkGC(L);
  return index2value(L, idx);
}

const char *pic_tolstring(pic_State *L, int idx, size_t *len) {
  TValue *o = index2value(L, idx);
  if (!ttisstring(o)) {
    if (!ttisnumber(o)) {
      if (len)
        *len = 0;
      return NULL;
    }
    o = tostringinplace(L, idx);
  }
  if (len)
    *len = vslen(o);
  return svalue(o);
}

pic_Unsigned pic_rawlen(pic_State *L, int idx) {
  const TValue *o = index2value(L, idx);
  switch (ttypetag(o)) {
    case PIC_VSHRSTR:
    case PIC_VLNGSTR: return vslen(o);
    case PIC_VUSERDATA: return uvalue(o)->len;
    case PIC_VTABLE: return picH_getn(hvalue(o));
    default: return 0;
  }
}

pic_CFunction pic_tocfunction(pic_State *L, int idx) {
  const TValue *o = index2value(L, idx);
  if (ttislcf(o))
    return fvalue(o);
  if (ttisCclosure(o))
    return clCvalue(o)->f;
  return NULL;
}

void *pic_touserdata(pic_State *L, int idx) {
  const TValue *o = index2value(L, idx);
  if (ttisfulluserdata(o))
    return getudatamem(uvalue(o));
  if (ttislightuserdata(o))
    return pvalue(o);
  return NULL;
}

pic_State *pic_tothread(pic_State *L, int idx) {
  const TValue *o = index2value(L, idx);
  return ttisthread(o) ? thvalue(o) : NULL;
}

const void *pic_topointer(pic_State *L, int idx) {
  const TValue *o = index2value(L, idx);
  switch (ttypetag(o)) {
    case PIC_VLCF: return (void *)(size_t)fvalue(o);
    case PIC_VUSERDATA: return getudatamem(uvalue(o));
    case PIC_VLIGHTUD: return pvalue(o);
    default: return iscollectable(o) ? (const void *)gcvalue(o) : NULL;
  }
}

/* ---- raw comparison and arithmetic ---- */

int pic_rawequal(pic_State *L, int idx1, int idx2) {
  const TValue *o1 = index2value(L, idx1), *o2 = index2value(L, idx2);
  return isvalid(L, o1) && isvalid(L, o2) && picV_rawequalobj(o1, o2);
}

int pic_rawcompare(pic_State *L, int idx1, int idx2, int op, int *res) {
  const TValue *o1 = index2value(L, idx1), *o2 = index2value(L, idx2);
  if ((ttisnumber(o1) && ttisnumber(o2)) || (ttisstring(o1) && ttisstring(o2))) {
    switch (op) {
      case PIC_OPEQ: *res = picV_rawequalobj(o1, o2); return 1;
      case PIC_OPLT: return picV_lessthan(L, o1, o2, res) == PICV_DONE;
      default: return picV_lessequal(L, o1, o2, res) == PICV_DONE;
    }
  }
  if (op == PIC_OPEQ) {
    int maybemm = (ttistable(o1) && ttistable(o2)) || (ttisfulluserdata(o1) && ttisfulluserdata(o2));
    if (!maybemm || gcvalue(o1) == gcvalue(o2)) {
      *res = isvalid(L, o1) && isvalid(L, o2) && picV_rawequalobj(o1, o2);
      return 1;
    }
  }
  return 0;
}

/* Copies [o] converting a numeric string (a whole numeral: "1\0" is not
** one) to its number. */
static void tonumval(const TValue *o, TValue *out) {
  *out = *o;
  if (ttisstring(o) && picO_str2num(svalue(o), out) != vslen(o) + 1)
    *out = *o;
}

size_t pic_stringtonumber(pic_State *L, const char *s) {
  size_t sz = picO_str2num(s, L->top);
  if (sz != 0)
    api_incr_top(L);
  return sz;
}

int pic_rawarith(pic_State *L, int op) {
  TValue a, b, res;
  int unary = (op == PIC_OPUNM || op == PIC_OPBNOT);
  tonumval(L->top - (unary ? 1 : 2), &a);
  tonumval(L->top - 1, &b);
  if (!ttisnumber(&a) || !ttisnumber(&b))
    return 0;
  if (!picO_rawarith(L, op, &a, &b, &res))
    return 0;
  if (!unary)
    L->top--;
  setobj(L, L->top - 1, &res);
  return 1;
}

/* ---- metamethod-aware operations ---- */

/* After an operation pushed a metamethod call with [nargs] arguments,
** removes the [nbelow] slots under it (operands the result replaces). */
static int needcall(pic_State *L, int nargs, int nbelow, int *pnargs) {
  StkId func = L->top - nargs - 1;
  int i;
  for (i = 0; i <= nargs; i++)
    setobj(L, func - nbelow + i, func + i);
  L->top -= nbelow;
  *pnargs = nargs;
  return PIC_YIELD;
}

int pic_gettable_m(pic_State *L, int idx, int *nargs) {
  const TValue *t = index2value(L, idx);
  if (ttistable(t)) {
    const TValue *slot = picH_get(hvalue(t), L->top - 1);
    if (!isempty(slot)) {
      setobj(L, L->top - 1, slot);
      return PIC_OK;
    }
  }
  if (picV_finishget(L, t, L->top - 1, savestack(L, L->top - 1)) == PICV_DONE)
    return PIC_OK;
  return needcall(L, 2, 1, nargs);
}

int pic_geti_m(pic_State *L, int idx, pic_Integer n, int *nargs) {
  const TValue *t = index2value(L, idx);
  TValue key;
  if (ttistable(t)) {
    const TValue *slot = picH_getint(hvalue(t), n);
    if (!isempty(slot)) {
      setobj(L, L->top, slot);
      api_incr_top(L);
      return PIC_OK;
    }
  }
  setivalue(&key, n);
  setnilvalue(L->top);
  api_incr_top(L);
  if (picV_finishget(L, t, &key, savestack(L, L->top - 1)) == PICV_DONE)
    return PIC_OK;
  return needcall(L, 2, 1, nargs);
}

int pic_getfield_m(pic_State *L, int idx, const char *k, int *nargs) {
  pic_pushstring(L, k);
  return pic_gettable_m(L, idx < 0 && !ispseudo(idx) ? idx - 1 : idx, nargs);
}

int pic_settable_m(pic_State *L, int idx, int *nargs) {
  const TValue *t = index2value(L, idx);
  if (picV_finishset(L, t, L->top - 2, L->top - 1) == PICV_DONE) {
    L->top -= 2;
    return PIC_OK;
  }
  return needcall(L, 3, 2, nargs);
}

int pic_seti_m(pic_State *L, int idx, pic_Integer n, int *nargs) {
  const TValue *t = index2value(L, idx);
  TValue key;
  setivalue(&key, n);
  if (picV_finishset(L, t, &key, L->top - 1) == PICV_DONE) {
    L->top--;
    return PIC_OK;
  }
  return needcall(L, 3, 1, nargs);
}

int pic_compare_m(pic_State *L, int idx1, int idx2, int op, int *nargs) {
  const TValue *o1 = index2value(L, idx1), *o2 = index2value(L, idx2);
  int res = 0, r;
  if (!isvalid(L, o1) || !isvalid(L, o2)) {
    pic_pushboolean(L, 0);
    return PIC_OK;
  }
  switch (op) {
    case PIC_OPEQ: r = picV_equalobj(L, o1, o2, &res); break;
    case PIC_OPLT: r = picV_lessthan(L, o1, o2, &res); break;
    default: r = picV_lessequal(L, o1, o2, &res); break;
  }
  if (r == PICV_DONE) {
    pic_pushboolean(L, res);
    return PIC_OK;
  }
  *nargs = 2;
  return PIC_YIELD;
}

int pic_len_m(pic_State *L, int idx, int *nargs) {
  const TValue *o = index2value(L, idx);
  setnilvalue(L->top);
  api_incr_top(L);
  if (picV_objlen(L, savestack(L, L->top - 1), o) == PICV_DONE)
    return PIC_OK;
  return needcall(L, 2, 1, nargs);
}

int pic_concat_m(pic_State *L, int n, int *nargs) {
  if (n == 0) {
    setsvalue(L, L->top, picS_newlstr(L, "", 0));
    api_incr_top(L);
    return PIC_OK;
  }
  if (picV_concat(L, n) == PICV_DONE) {
    picC_checkGC(L);
    return PIC_OK;
  }
  return needcall(L, 2, 2, nargs);
}

int pic_arith_m(pic_State *L, int op, int *nargs) {
  int r;
  if (op == PIC_OPUNM || op == PIC_OPBNOT) {
    setobj(L, L->top, L->top - 1);
    api_incr_top(L);
  }
  r = picV_arith(L, L->top - 2, L->top - 1, savestack(L, L->top - 2), TM_ADD + op);
  if (r == PICV_DONE) {
    L->top--;
    return PIC_OK;
  }
  return needcall(L, 2, 2, nargs);
}

/* ---- push ---- */

void pic_pushnil(pic_State *L) {
  setnilvalue(L->top);
  api_incr_top(L);
}

void pic_pushnumber(pic_State *L, pic_Number n) {
  setfltvalue(L->top, n);
  api_incr_top(L);
}

void pic_pushinteger(pic_State *L, pic_Integer n) {
  setivalue(L->top, n);
  api_incr_top(L);
}

const char *pic_pushlstring(pic_State *L, const char *s, size_t len) {
  TString *ts = len == 0 ? picS_new(L, "") : picS_newlstr(L, s, len);
  setsvalue(L, L->top, ts);
  api_incr_top(L);
  picC_checkGC(L);
  return getstr(ts);
}

const char *pic_pushstring(pic_State *L, const char *s) {
  if (s == NULL) {
    setnilvalue(L->top);
    api_incr_top(L);
    return NULL;
  } else {
    TString *ts = picS_new(L, s);
    setsvalue(L, L->top, ts);
    api_incr_top(L);
    picC_checkGC(L);
    return getstr(ts);
  }
}

const char *pic_pushvfstring(pic_State *L, const char *fmt, va_list argp) {
  const char *ret = picO_pushvfstring(L, fmt, argp);
  picC_checkGC(L);
  return ret;
}

const char *pic_pushfstring(pic_State *L, const char *fmt, ...) {
  const char *ret;
  va_list argp;
  va_start(argp, fmt);
  ret = picO_pushvfstring(L, fmt, argp);
  va_end(argp);
  picC_checkGC(L);
  return ret;
}

void pic_pushcclosure(pic_State *L, pic_CFunction fn, int n) {
  if (n == 0) {
    setfvalue(L->top, fn);
    api_incr_top(L);
  } else {
    CClosure *cl = picF_newCclosure(L, n);
    cl->f = fn;
    L->top -= n;
    while (n--)
      setobj(L, &cl->upvalue[n], L->top + n);
    setclCvalue(L, L->top, cl);
    api_incr_top(L);
    picC_checkGC(L);
  }
}

void pic_pushboolean(pic_State *L, int b) {
  setbvalue(L->top, b);
  api_incr_top(L);
}

void pic_pushlightuserdata(pic_State *L, void *p) {
  setpvalue(L->top, p);
  api_incr_top(L);
}

int pic_pushthread(pic_State *L) {
  setthvalue(L, L->top, L);
  api_incr_top(L);
  return G(L)->mainthread == L;
}

/* ---- raw get/set ---- */

static Table *gettable(pic_State *L, int idx) {
  TValue *t = index2value(L, idx);
  if (!ttistable(t))
    picG_runerror(L, "table expected");
  return hvalue(t);
}

static int finishrawget(pic_State *L, const TValue *val) {
  if (isempty(val))
    setnilvalue(L->top);
  else
    setobj(L, L->top, val);
  api_incr_top(L);
  return ttype(L->top - 1);
}

int pic_rawget(pic_State *L, int idx) {
  Table *t = gettable(L, idx);
  const TValue *val = picH_get(t, L->top - 1);
  L->top--;
  return finishrawget(L, val);
}

int pic_rawgeti(pic_State *L, int idx, pic_Integer n) {
  return finishrawget(L, picH_getint(gettable(L, idx), n));
}

int pic_rawgetp(pic_State *L, int idx, const void *p) {
  Table *t = gettable(L, idx);
  TValue k;
  setpvalue(&k, (void *)p);
  return finishrawget(L, picH_get(t, &k));
}

int pic_rawgetfield(pic_State *L, int idx, const char *k) {
  Table *t = gettable(L, idx);
  TString *ks = picS_new(L, k);
  return finishrawget(L, picH_getstr(t, ks));
}

static void rawsetkv(pic_State *L, Table *t, const TValue *key, int n) {
  picH_set(L, t, key, L->top - 1);
  invalidateTMcache(t);
  picC_barrierback(L, t, L->top - 1);
  L->top -= n;
}

void pic_rawset(pic_State *L, int idx) {
  Table *t = gettable(L, idx);
  TValue key = *(L->top - 2);
  rawsetkv(L, t, &key, 2);
}

void pic_rawseti(pic_State *L, int idx, pic_Integer n) {
  Table *t = gettable(L, idx);
  picH_setint(L, t, n, L->top - 1);
  picC_barrierback(L, t, L->top - 1);
  L->top--;
}

void pic_rawsetp(pic_State *L, int idx, const void *p) {
  Table *t = gettable(L, idx);
  TValue k;
  setpvalue(&k, (void *)p);
  rawsetkv(L, t, &k, 1);
}

void pic_rawsetfield(pic_State *L, int idx, const char *k) {
  Table *t = gettable(L, idx);
  TValue key;
  TString *ks = picS_new(L, k);
  setsvalue(L, &key, ks);
  setsvalue(L, L->top, ks);   /* anchor the key while inserting */
  L->top++;
  picH_set(L, t, &key, L->top - 2);
  invalidateTMcache(t);
  picC_barrierback(L, t, L->top - 2);
  L->top -= 2;
}

static Table *globals(pic_State *L) {
  const TValue *g = picH_getint(hvalue(&G(L)->l_registry), PIC_RIDX_GLOBALS);
  return hvalue(g);
}

int pic_getglobal(pic_State *L, const char *name) {
  Table *g = globals(L);
  TString *ks = picS_new(L, name);
  return finishrawget(L, picH_getstr(g, ks));
}

void pic_setglobal(pic_State *L, const char *name) {
  Table *g = globals(L);
  TValue key;
  TString *ks = picS_new(L, name);
  setsvalue(L, &key, ks);
  setsvalue(L, L->top, ks);
  L->top++;
  picH_set(L, g, &key, L->top - 2);
  invalidateTMcache(g);
  picC_barrierback(L, g, L->top - 2);
  L->top -= 2;
}

void pic_createtable(pic_State *L, int narr, int nrec) {
  Table *t = picH_new(L);
  sethvalue(L, L->top, t);
  api_incr_top(L);
  if (narr > 0 || nrec > 0)
    picH_presize(L, t, (unsigned)(narr > 0 ? narr : 0), (unsigned)(nrec > 0 ? nrec : 0));
  picC_checkGC(L);
}

void *pic_newuserdatauv(pic_State *L, size_t sz, int nuvalue) {
  Udata *u = picS_newudata(L, sz, nuvalue);
  setuvalue(L, L->top, u);
  api_incr_top(L);
  picC_checkGC(L);
  return getudatamem(u);
}

int pic_getmetatable(pic_State *L, int idx) {
  Table *mt = picT_getmetatable(L, index2value(L, idx));
  if (mt == NULL)
    return 0;
  sethvalue(L, L->top, mt);
  api_incr_top(L);
  return 1;
}

int pic_setmetatable(pic_State *L, int idx) {
  TValue *obj = index2value(L, idx);
  Table *mt = ttisnil(L->top - 1) ? NULL : hvalue(L->top - 1);
  switch (ttype(obj)) {
    case PIC_TTABLE:
      hvalue(obj)->metatable = mt;
      if (mt) {
        picC_objbarrier(L, gcvalue(obj), mt);
        picC_checkfinalizer(L, gcvalue(obj), mt);
      }
      break;
    case PIC_TUSERDATA:
      uvalue(obj)->metatable = mt;
      if (mt) {
        picC_objbarrier(L, uvalue(obj), mt);
        picC_checkfinalizer(L, gcvalue(obj), mt);
      }
      break;
    default:
      G(L)->mt[ttype(obj)] = mt;
      break;
  }
  L->top--;
  return 1;
}

int pic_getiuservalue(pic_State *L, int idx, int n) {
  TValue *o = index2value(L, idx);
  int t;
  if (!ttisfulluserdata(o) || n <= 0 || n > uvalue(o)->nuvalue) {
    setnilvalue(L->top);
    t = PIC_TNONE;
  } else {
    setobj(L, L->top, &uvalue(o)->uv[n - 1]);
    t = ttype(L->top);
  }
  api_incr_top(L);
  return t;
}

int pic_setiuservalue(pic_State *L, int idx, int n) {
  TValue *o = index2value(L, idx);
  int res;
  if (!ttisfulluserdata(o) || n <= 0 || n > uvalue(o)->nuvalue) {
    res = 0;
  } else {
    setobj(L, &uvalue(o)->uv[n - 1], L->top - 1);
    picC_barrierback(L, uvalue(o), L->top - 1);
    res = 1;
  }
  L->top--;
  return res;
}

int pic_next(pic_State *L, int idx) {
  Table *t = gettable(L, idx);
  int more = picH_next(L, t, L->top - 1);
  if (more)
    api_incr_top(L);
  else
    L->top--;
  return more;
}

void pic_len_raw(pic_State *L, int idx) {
  pic_Integer n = (pic_Integer)pic_rawlen(L, idx);
  pic_pushinteger(L, n);
}

void pic_concat_raw(pic_State *L, int n) {
  int i;
  if (n == 0) {
    pic_pushlstring(L, "", 0);
    return;
  }
  for (i = 1; i <= n; i++) {
    TValue *o = L->top - i;
    if (!ttisstring(o) && !ttisnumber(o))
      picG_concaterror(L, i == n ? o : o - 1, o);
  }
  (void)picV_concat(L, n);
  picC_checkGC(L);
}

void pic_toclose(pic_State *L, int idx) {
  picD_newtbcupval(L, index2stack(L, idx));
}

/* ---- internal helpers for the base and coroutine libraries ---- */

int picG_setupvalue1(pic_State *L, int funcidx) {
  TValue *f = index2value(L, funcidx);
  if (ttisLclosure(f) && clLvalue(f)->nupvalues > 0) {
    UpVal *uv = clLvalue(f)->upvals[0];
    setobj(L, uv->v, L->top - 1);
    picC_barrier(L, uv, L->top - 1);
  } else if (ttisCclosure(f) && clCvalue(f)->nupvalues > 0) {
    setobj(L, &clCvalue(f)->upvalue[0], L->top - 1);
    picC_barrier(L, clCvalue(f), L->top - 1);
  } else {
    return 0;
  }
  L->top--;
  return 1;
}

const char *picG_costatus(pic_State *L, pic_State *co) {
  if (L == co)
    return "running";
  switch (co->status) {
    case PIC_YIELD:
      return "suspended";
    case PIC_OK:
      if (co->ci != &co->base_ci)
        return "normal";
      return co->top == co->stack + 1 ? "dead" : "suspended";
    default:
      return "dead";
  }
}
