/*
** pvm.c -- the interpreter loop (Lua 5.4's instruction set and semantics)
** and the metamethod-aware operations it shares with the API.
** Module: runtime (prefix picV_).
**
** Invariants:
**   - between instructions nothing of the running frame lives in C locals
**     except copies (base, pc, k) reloaded from ci after anything that can
**     move the stack or change frames;
**   - a Lua-function metamethod never runs recursively: the operation pushes
**     (tm, args) at L->top and the loop pushes its frame flagged CIST_FINOP;
**     when it returns, the interrupted instruction is completed: a result
**     that goes to a register as it is by the RETURN itself (finopdest), the
**     rest by picV_finishop (a C metamethod returning plainly completes
**     inline through picV_finishop too);
**   - fuel is charged at function entry and backward jumps, and the loop
**     stops only between two instructions (after a backward jump, with
**     L->top = ci->top so the collector sees every register).
*/
#include <math.h>
#include <string.h>

#include "runtime/pdebug.h"
#include "runtime/pdo.h"
#include "runtime/pfunc.h"
#include "runtime/pgc.h"
#include "runtime/picdebug.h"
#include "runtime/pstring.h"
#include "runtime/ptable.h"
#include "runtime/ptm.h"
#include "runtime/pvm.h"

#define MAXTAGLOOP 2000
#define maskflags 0x3Fu
#define invalidateTMcache(t) ((t)->flags &= (uint8_t)~maskflags)
#define intop(op, v1, v2) ((pic_Integer)((pic_Unsigned)(v1) op (pic_Unsigned)(v2)))

/* ---- conversions ---- */

int picV_tointegerns(const TValue *obj, pic_Integer *p, int mode) {
  return picO_tointegerns(obj, p, mode);
}

#define tonumberns(o, n) \
  (ttisfloat(o) ? ((n) = fltvalue(o), 1) : (ttisinteger(o) ? ((n) = (pic_Number)ivalue(o), 1) : 0))
/* Lua 5.4 converts only numbers (not strings) for bitwise operators. */
#define tointegerns(o, i) \
  (ttisinteger(o) ? (*(i) = ivalue(o), 1) : (ttisfloat(o) && picO_flttointns(fltvalue(o), i, 0)))

/* Converts the number at [o] to a string in place. */
static void tostr(pic_State *L, TValue *o) {
  char buff[PIC_MAXNUMBER2STR];
  int len = picO_tostringbuff(o, buff);
  TString *ts = picS_newlstr(L, buff, (size_t)len);
  setsvalue(L, o, ts);
}

#define tostring(L, o) (ttisstring(o) || (ttisnumber(o) && (tostr(L, o), 1)))

/* Pushes a, b, c (and d unless NULL): a metamethod and its arguments. Every
** source lies below L->top (registers, table slots, C locals), so with room
** on the stack they are copied directly; otherwise they are saved first, as
** growing the stack moves the registers. */
static void pushvalues_grow(pic_State *L, const TValue *a, const TValue *b, const TValue *c,
                            const TValue *d) {
  TValue va = *a, vb = *b, vc = *c, vd;
  if (d)
    vd = *d;
  picD_checkstack(L, 5);
  setobj(L, L->top, &va);
  setobj(L, L->top + 1, &vb);
  setobj(L, L->top + 2, &vc);
  L->top += 3;
  if (d) {
    setobj(L, L->top, &vd);
    L->top++;
  }
}

static inline void pushvalues(pic_State *L, const TValue *a, const TValue *b, const TValue *c,
                              const TValue *d) {
  StkId top = L->top;
  if (pic_unlikely(L->stack_last - top <= 5)) {
    pushvalues_grow(L, a, b, c, d);
    return;
  }
  setobj(L, top, a);
  setobj(L, top + 1, b);
  setobj(L, top + 2, c);
  if (d) {
    setobj(L, top + 3, d);
    top++;
  }
  L->top = top + 3;
}

/* ---- equality and order ---- */

/* Work on values whose size the script chooses is charged as fuel, so that
** one instruction cannot do unbounded work for one unit (promise 3): a
** comparison of two long strings 1 unit per 64 bytes compared, copying n
** values (varargs, multiple results, list constructors) 1 per 16; making a
** long string (concatenation) is charged by picS_createlngstrobj. */
static inline void chargestrings(pic_State *L, const TValue *a, const TValue *b) {
  if (ttislngstring(a) && ttislngstring(b)) {   /* a short one (<= 40 bytes) costs 0 */
    size_t la = tsslen(tsvalue(a)), lb = tsslen(tsvalue(b));
    pic_charge(L, (int64_t)((la < lb ? la : lb) / 64));
  }
}
#define chargecopy(L, n) { if ((n) > 16) pic_charge(L, (int64_t)(n) / 16); }

/* picH_get for a key that is neither an integer nor a short string: a long
** string key may be compared byte by byte with an equal one. */
static const TValue *slowget(pic_State *L, Table *t, const TValue *key) {
  if (ttislngstring(key))
    pic_charge(L, (int64_t)(tsslen(tsvalue(key)) / 64));
  return picH_get(t, key);
}

int picV_rawequalobj(const TValue *t1, const TValue *t2) {
  if (ttypetag(t1) != ttypetag(t2)) {
    pic_Integer i1, i2;
    if (ttype(t1) != ttype(t2) || ttype(t1) != PIC_TNUMBER)
      return 0;
    return ttisinteger(t1) ? (picO_flttointns(fltvalue(t2), &i2, 0) && ivalue(t1) == i2)
                           : (picO_flttointns(fltvalue(t1), &i1, 0) && i1 == ivalue(t2));
  }
  switch (ttypetag(t1)) {
    case PIC_VNIL: case PIC_VFALSE: case PIC_VTRUE: return 1;
    case PIC_VNUMINT: return ivalue(t1) == ivalue(t2);
    case PIC_VNUMFLT: return fltvalue(t1) == fltvalue(t2);
    case PIC_VLIGHTUD: return pvalue(t1) == pvalue(t2);
    case PIC_VLCF: return fvalue(t1) == fvalue(t2);
    case PIC_VSHRSTR: return tsvalue(t1) == tsvalue(t2);
    case PIC_VLNGSTR: return picS_eqlngstr(tsvalue(t1), tsvalue(t2));
    default: return gcvalue(t1) == gcvalue(t2);
  }
}

int picV_equalobj(pic_State *L, const TValue *t1, const TValue *t2, int *res) {
  const TValue *tm = NULL;
  if (ttypetag(t1) == ttypetag(t2) && gcvalue(t1) != gcvalue(t2)) {
    if (ttistable(t1)) {
      tm = fasttm(L, hvalue(t1)->metatable, TM_EQ);
      if (tm == NULL)
        tm = fasttm(L, hvalue(t2)->metatable, TM_EQ);
    } else if (ttisfulluserdata(t1)) {
      tm = fasttm(L, uvalue(t1)->metatable, TM_EQ);
      if (tm == NULL)
        tm = fasttm(L, uvalue(t2)->metatable, TM_EQ);
    }
  }
  if (tm == NULL || ttisnil(tm)) {
    if (ttislngstring(t1) && ttislngstring(t2))
      chargestrings(L, t1, t2);
    *res = picV_rawequalobj(t1, t2);
    return PICV_DONE;
  }
  pushvalues(L, tm, t1, t2, NULL);
  return PICV_CALL;
}

/* Whether integer [i] converts to a float exactly (|i| <= 2^53), so that
** comparing it with a float as floats is exact (Lua's l_intfitsf). */
#define intfitsf(i) ((pic_Unsigned)(i) + ((pic_Unsigned)1 << 53) <= ((pic_Unsigned)1 << 54))

static int LTnum(const TValue *l, const TValue *r) {
  pic_Integer fi;
  if (ttisinteger(l)) {
    pic_Integer li = ivalue(l);
    if (ttisinteger(r))
      return li < ivalue(r);
    if (intfitsf(li))
      return (pic_Number)li < fltvalue(r);
    if (picO_flttointns(fltvalue(r), &fi, 2))
      return li < fi;
    return fltvalue(r) > 0;
  }
  if (ttisfloat(r))
    return fltvalue(l) < fltvalue(r);
  if (intfitsf(ivalue(r)))
    return fltvalue(l) < (pic_Number)ivalue(r);
  if (picO_flttointns(fltvalue(l), &fi, 1))
    return fi < ivalue(r);
  return fltvalue(l) < 0;
}

static int LEnum(const TValue *l, const TValue *r) {
  pic_Integer fi;
  if (ttisinteger(l)) {
    pic_Integer li = ivalue(l);
    if (ttisinteger(r))
      return li <= ivalue(r);
    if (intfitsf(li))
      return (pic_Number)li <= fltvalue(r);
    if (picO_flttointns(fltvalue(r), &fi, 1))
      return li <= fi;
    return fltvalue(r) > 0;
  }
  if (ttisfloat(r))
    return fltvalue(l) <= fltvalue(r);
  if (intfitsf(ivalue(r)))
    return fltvalue(l) <= (pic_Number)ivalue(r);
  if (picO_flttointns(fltvalue(l), &fi, 2))
    return fi <= ivalue(r);
  return fltvalue(l) < 0;
}

static int ordertm(pic_State *L, const TValue *p1, const TValue *p2, TMS event) {
  const TValue *tm = picT_gettmbyobj(L, p1, event);
  if (ttisnil(tm))
    tm = picT_gettmbyobj(L, p2, event);
  if (ttisnil(tm))
    picG_ordererror(L, p1, p2);
  pushvalues(L, tm, p1, p2, NULL);
  return PICV_CALL;
}

int picV_lessthan(pic_State *L, const TValue *l, const TValue *r, int *res) {
  if (ttisnumber(l) && ttisnumber(r)) {
    *res = LTnum(l, r);
    return PICV_DONE;
  }
  if (ttisstring(l) && ttisstring(r)) {
    chargestrings(L, l, r);
    *res = picS_cmp(tsvalue(l), tsvalue(r)) < 0;
    return PICV_DONE;
  }
  return ordertm(L, l, r, TM_LT);
}

int picV_lessequal(pic_State *L, const TValue *l, const TValue *r, int *res) {
  if (ttisnumber(l) && ttisnumber(r)) {
    *res = LEnum(l, r);
    return PICV_DONE;
  }
  if (ttisstring(l) && ttisstring(r)) {
    chargestrings(L, l, r);
    *res = picS_cmp(tsvalue(l), tsvalue(r)) <= 0;
    return PICV_DONE;
  }
  if (isLua(L->ci) && ttisnil(picT_gettmbyobj(L, l, TM_LE)) && ttisnil(picT_gettmbyobj(L, r, TM_LE))) {
    /* Lua 5.4's compatibility fallback: a <= b as not (b < a) */
    const TValue *tm = picT_gettmbyobj(L, r, TM_LT);
    if (ttisnil(tm))
      tm = picT_gettmbyobj(L, l, TM_LT);
    if (!ttisnil(tm)) {
      L->ci->callstatus |= CIST_LEQ;
      pushvalues(L, tm, r, l, NULL);
      return PICV_CALL;
    }
  }
  return ordertm(L, l, r, TM_LE);
}

/* ---- indexing ---- */

/* The value of short string [key] reached from table [h], which lacks it,
** through an '__index' chain of tables only (the usual class/instance
** lookup), at most 4 levels: a nil value when the chain ends (a table
** without the key and without '__index'); NULL when it reaches a function or
** a non-table, or is deeper: picV_finishget then does it the general way and
** finds the same thing. Never allocates, raises or calls. */
static inline const TValue *idxchain(pic_State *L, Table *h, TString *key) {
  int n;
  for (n = 0; n < 4; n++) {
    Table *mt = h->metatable;
    const TValue *tm, *slot;
    if (mt == NULL || (mt->flags & (1u << TM_INDEX)))
      return &G(L)->nilvalue;
    tm = picH_shrget(mt, G(L)->tmname[TM_INDEX]);
    if (ttisnil(tm))
      return &G(L)->nilvalue;
    if (!ttistable(tm))
      return NULL;
    h = hvalue(tm);
    slot = picH_shrget(h, key);
    if (!isempty(slot))
      return slot;
  }
  return NULL;
}

/* The two below follow at most MAXTAGLOOP __index/__newindex links, each
** followed by a lookup, as lua5.4 (whose first lookup is the executor's):
** the key found in the table at the end of MAXTAGLOOP links is found, a
** miss there is "chain too long" even where a raw get or set would do. */
int picV_finishget(pic_State *L, const TValue *t, const TValue *key, ptrdiff_t valoff) {
  int loop;
  for (loop = 0;; loop++) {
    const TValue *tm;
    if (ttistable(t)) {
      const TValue *slot = ttisshrstring(key) ? picH_shrget(hvalue(t), tsvalue(key)) : picH_get(hvalue(t), key);
      if (!isempty(slot)) {
        setobj(L, restorestack(L, valoff), slot);
        return PICV_DONE;
      }
    }
    if (loop == MAXTAGLOOP)
      break;
    if (ttistable(t)) {
      tm = fasttm(L, hvalue(t)->metatable, TM_INDEX);
      if (tm == NULL) {
        setnilvalue(restorestack(L, valoff));
        return PICV_DONE;
      }
    } else {
      tm = picT_gettmbyobj(L, t, TM_INDEX);
      if (ttisnil(tm))
        picG_typeerror(L, t, "index");
    }
    if (ttisfunction(tm)) {
      pushvalues(L, tm, t, key, NULL);
      return PICV_CALL;
    }
    t = tm;
  }
  picG_runerror(L, "'__index' chain too long; possible loop");
}

int picV_finishset(pic_State *L, const TValue *t, const TValue *key, const TValue *val) {
  int loop;
  for (loop = 0;; loop++) {
    const TValue *tm;
    const TValue *slot = NULL;
    if (ttistable(t)) {
      Table *h = hvalue(t);
      slot = picH_get(h, key);
      if (!isempty(slot)) {
        setobj(L, (TValue *)slot, val);
        picC_barrierback(L, h, val);
        return PICV_DONE;
      }
    }
    if (loop == MAXTAGLOOP)
      break;
    if (ttistable(t)) {
      Table *h = hvalue(t);
      tm = fasttm(L, h->metatable, TM_NEWINDEX);
      if (tm == NULL) {
        picH_finishset(L, h, key, slot, val);
        invalidateTMcache(h);
        picC_barrierback(L, h, val);
        return PICV_DONE;
      }
    } else {
      tm = picT_gettmbyobj(L, t, TM_NEWINDEX);
      if (ttisnil(tm))
        picG_typeerror(L, t, "index");
    }
    if (ttisfunction(tm)) {
      pushvalues(L, tm, t, key, val);
      return PICV_CALL;
    }
    t = tm;
  }
  picG_runerror(L, "'__newindex' chain too long; possible loop");
}

/* ---- arithmetic ---- */

static int rawarith(pic_State *L, int tm, const TValue *p1, const TValue *p2, TValue *res) {
  if (tm >= TM_BAND && tm <= TM_SHR) {
    pic_Integer i1, i2;
    if (!tointegerns(p1, &i1) || !tointegerns(p2, &i2))
      return 0;
    switch (tm) {
      case TM_BAND: setivalue(res, (pic_Integer)((pic_Unsigned)i1 & (pic_Unsigned)i2)); break;
      case TM_BOR: setivalue(res, (pic_Integer)((pic_Unsigned)i1 | (pic_Unsigned)i2)); break;
      case TM_BXOR: setivalue(res, (pic_Integer)((pic_Unsigned)i1 ^ (pic_Unsigned)i2)); break;
      case TM_SHL: setivalue(res, picO_shiftl(i1, i2)); break;
      default: setivalue(res, picO_shiftl(i1, intop(-, 0, i2))); break;
    }
    return 1;
  }
  if (tm == TM_BNOT) {
    pic_Integer i1;
    if (!tointegerns(p1, &i1))
      return 0;
    setivalue(res, (pic_Integer)~(pic_Unsigned)i1);
    return 1;
  }
  if (ttisinteger(p1) && ttisinteger(p2)) {
    pic_Integer a = ivalue(p1), b = ivalue(p2);
    switch (tm) {
      case TM_ADD: setivalue(res, intop(+, a, b)); return 1;
      case TM_SUB: setivalue(res, intop(-, a, b)); return 1;
      case TM_MUL: setivalue(res, intop(*, a, b)); return 1;
      case TM_MOD: setivalue(res, picO_mod(L, a, b)); return 1;
      case TM_IDIV: setivalue(res, picO_idiv(L, a, b)); return 1;
      case TM_UNM: setivalue(res, intop(-, 0, a)); return 1;
      default: break;
    }
  }
  {
    pic_Number a, b;
    if (!tonumberns(p1, a) || !tonumberns(p2, b))
      return 0;
    switch (tm) {
      case TM_ADD: setfltvalue(res, a + b); break;
      case TM_SUB: setfltvalue(res, a - b); break;
      case TM_MUL: setfltvalue(res, a * b); break;
      case TM_MOD: setfltvalue(res, picO_modf(L, a, b)); break;
      case TM_POW: setfltvalue(res, b == 2 ? a * a : pow(a, b)); break;
      case TM_DIV: setfltvalue(res, a / b); break;
      case TM_IDIV: setfltvalue(res, floor(a / b)); break;
      case TM_UNM: setfltvalue(res, -a); break;
      default: return 0;
    }
    return 1;
  }
}

int picV_arith(pic_State *L, const TValue *p1, const TValue *p2, ptrdiff_t resoff, int tm) {
  TValue res;
  const TValue *f;
  if (rawarith(L, tm, p1, p2, &res)) {
    setobj(L, restorestack(L, resoff), &res);
    return PICV_DONE;
  }
  f = picT_gettmbyobj(L, p1, (TMS)tm);
  if (ttisnil(f))
    f = picT_gettmbyobj(L, p2, (TMS)tm);
  if (ttisnil(f)) {
    if (tm >= TM_BAND && tm <= TM_BNOT && tm != TM_UNM) {
      if (ttisnumber(p1) && ttisnumber(p2))
        picG_tointerror(L, p1, p2);
      picG_opinterror(L, p1, p2, "perform bitwise operation on");
    }
    picG_opinterror(L, p1, p2, "perform arithmetic on");
  }
  pushvalues(L, f, p1, p2, NULL);
  return PICV_CALL;
}

int picV_objlen(pic_State *L, ptrdiff_t resoff, const TValue *rb) {
  const TValue *tm;
  switch (ttypetag(rb)) {
    case PIC_VTABLE:
      tm = fasttm(L, hvalue(rb)->metatable, TM_LEN);
      if (tm == NULL) {
        setivalue(restorestack(L, resoff), (pic_Integer)picH_getn(hvalue(rb)));
        return PICV_DONE;
      }
      break;
    case PIC_VSHRSTR:
    case PIC_VLNGSTR:
      setivalue(restorestack(L, resoff), (pic_Integer)vslen(rb));
      return PICV_DONE;
    default:
      tm = picT_gettmbyobj(L, rb, TM_LEN);
      if (ttisnil(tm))
        picG_typeerror(L, rb, "get length of");
      break;
  }
  pushvalues(L, tm, rb, rb, NULL);
  return PICV_CALL;
}

/* ---- concatenation ---- */

static void copy2buff(StkId top, int n, char *buff) {
  size_t tl = 0;
  do {
    size_t l = vslen(top - n);
    memcpy(buff + tl, svalue(top - n), l);
    tl += l;
  } while (--n > 0);
}

int picV_concat(pic_State *L, int total) {
  if (total == 1)
    return PICV_DONE;
  do {
    StkId top = L->top;
    int n = 2;
    if (!(ttisstring(top - 2) || ttisnumber(top - 2)) || !tostring(L, top - 1)) {
      const TValue *tm = picT_gettmbyobj(L, top - 2, TM_CONCAT);
      if (ttisnil(tm))
        tm = picT_gettmbyobj(L, top - 1, TM_CONCAT);
      if (ttisnil(tm))
        picG_concaterror(L, top - 2, top - 1);
      pushvalues(L, tm, top - 2, top - 1, NULL);
      return PICV_CALL;
    } else if (vslen(top - 1) == 0) {
      (void)tostring(L, top - 2);
    } else if (ttisstring(top - 2) && vslen(top - 2) == 0) {
      setobj(L, top - 2, top - 1);
    } else {
      size_t tl = vslen(top - 1);
      TString *ts;
      for (n = 1; n < total && tostring(L, top - n - 1); n++) {
        size_t l = vslen(top - n - 1);
        if (l >= ((size_t)-1 >> 2) - tl) {
          L->top = top - total;
          picG_runerror(L, "string length overflow");
        }
        tl += l;
      }
      if (tl <= PIC_MAXSHORTLEN) {
        char buff[PIC_MAXSHORTLEN];
        copy2buff(top, n, buff);
        ts = picS_newlstr(L, buff, tl);
      } else {
        ts = picS_createlngstrobj(L, tl);   /* charged by its length */
        copy2buff(top, n, getstr(ts));
      }
      setsvalue(L, top - n, ts);
    }
    total -= n - 1;
    L->top -= n - 1;
  } while (total > 1);
  return PICV_DONE;
}

/* ---- metamethod frames ---- */

int picV_calltm(pic_State *L, StkId func, int nres) {
  CallInfo *ci, *caller = L->ci;
  if (caller->extra >= PICD_MAXCCALLS)
    picG_runerror(L, "C stack overflow");
  ci = picD_precall(L, func, nres);
  if (ci != NULL) {
    ci->callstatus |= CIST_FINOP;
    ci->extra++;
    return PICV_CALL;
  }
  if (L->cres == PICD_REQUEST) {   /* the C metamethod's frame (a hook may run above it) */
    caller->next->callstatus |= CIST_FINOP;
    return PICV_CALL;
  }
  picD_poscall(L, L->ci, L->cres);
  return PICV_DONE;
}

/* The register that takes a metamethod's one result as it is, when the
** instruction interrupted in Lua frame [ci] is an index read or an
** arithmetic, bitwise or length operation; NULL for the others. */
static inline StkId finopdest(const CallInfo *ci) {
  Instruction inst = ci->u.l.savedpc[-1];
  switch (fmt_baseop(GET_OPCODE(inst))) {
    case OP_MMBIN: case OP_MMBINI: case OP_MMBINK:
      return ci->func + 1 + GETARG_A(ci->u.l.savedpc[-2]);
    case OP_UNM: case OP_BNOT: case OP_LEN: case OP_GETTABUP:
    case OP_GETTABLE: case OP_GETI: case OP_GETFIELD: case OP_SELF:
    case OP_GETTABUPR:
      return ci->func + 1 + GETARG_A(inst);
    default:
      return NULL;
  }
}

/* Whether the instruction interrupted in Lua frame [ci] is a table write,
** which a metamethod call (__newindex) completes without results. */
static inline int finopisset(const CallInfo *ci) {
  switch (fmt_baseop(GET_OPCODE(ci->u.l.savedpc[-1]))) {
    case OP_SETTABUP: case OP_SETTABLE: case OP_SETI: case OP_SETFIELD:
    case OP_SETTABUPR:
      return 1;
    default:
      return 0;
  }
}

int picV_finishop(pic_State *L, CallInfo *ci) {
  StkId base = ci->func + 1;
  StkId dest = finopdest(ci);
  Instruction inst = *(ci->u.l.savedpc - 1);
  if (dest != NULL) {
    L->top--;
    setobj(L, dest, L->top);
    return PICV_DONE;
  }
  switch (GET_OPCODE(inst)) {
    case OP_LT: case OP_LE: case OP_LTI: case OP_LEI:
    case OP_GTI: case OP_GEI: case OP_EQ: {
      int res = !l_isfalse(L->top - 1);
      L->top--;
      if (ci->callstatus & CIST_LEQ) {
        ci->callstatus &= (unsigned short)~CIST_LEQ;
        res = !res;
      }
      if (res != GETARG_k(inst))
        ci->u.l.savedpc++;
      break;
    }
    case OP_CONCAT:
      for (;;) {
        StkId top = L->top - 1;
        int total = (int)(top - 1 - (base + GETARG_A(inst)));
        setobj(L, top - 2, top);
        L->top = top - 1;
        if (picV_concat(L, total) == PICV_DONE)
          break;
        if (picV_calltm(L, L->top - 3, 1) == PICV_CALL)
          return PICV_CALL;
        base = ci->func + 1;
      }
      break;
    case OP_CLOSE:
      ci->u.l.savedpc--;
      break;
    case OP_RETURN:
      L->top = base + GETARG_A(inst) + ci->nres;
      ci->u.l.savedpc--;
      break;
    default:
      break;
  }
  return PICV_DONE;
}

/* ---- numeric for ---- */

static int forlimit(pic_State *L, pic_Integer init, const TValue *lim, pic_Integer *p, pic_Integer step) {
  if (!picO_tointegerns(lim, p, step < 0 ? 2 : 1)) {
    pic_Number flim;
    if (!picO_tonumber(lim, &flim))
      picG_forerror(L, lim, "limit");
    if (0 < flim) {
      if (step < 0)
        return 1;
      *p = INT64_MAX;
    } else {
      if (step > 0)
        return 1;
      *p = INT64_MIN;
    }
  }
  return step > 0 ? init > *p : init < *p;
}

/* Iterations after the first of an integer loop from [init] to [limit]
** by [step] != 0 (init not past limit), computed without overflow. */
static inline pic_Unsigned forcount(pic_Integer init, pic_Integer limit, pic_Integer step) {
  pic_Unsigned count;
  if (step > 0) {
    count = (pic_Unsigned)limit - (pic_Unsigned)init;
    if (step != 1)
      count /= (pic_Unsigned)step;
  } else {
    count = (pic_Unsigned)init - (pic_Unsigned)limit;
    count /= (pic_Unsigned)(-(step + 1)) + 1u;
  }
  return count;
}

static int forprep(pic_State *L, StkId ra) {
  TValue *pinit = ra, *plimit = ra + 1, *pstep = ra + 2;
  if (ttisinteger(pinit) && ttisinteger(pstep)) {
    pic_Integer init = ivalue(pinit), step = ivalue(pstep), limit;
    if (step == 0)
      picG_runerror(L, "'for' step is zero");
    setivalue(ra + 3, init);
    if (forlimit(L, init, plimit, &limit, step))
      return 1;
    setivalue(plimit, (pic_Integer)forcount(init, limit, step));
  } else {
    pic_Number init, flimit, step;
    if (!picO_tonumber(plimit, &flimit))
      picG_forerror(L, plimit, "limit");
    if (!picO_tonumber(pstep, &step))
      picG_forerror(L, pstep, "step");
    if (!picO_tonumber(pinit, &init))
      picG_forerror(L, pinit, "initial value");
    if (step == 0)
      picG_runerror(L, "'for' step is zero");
    if (0 < step ? flimit < init : init < flimit)
      return 1;
    setfltvalue(plimit, flimit);
    setfltvalue(pstep, step);
    setfltvalue(ra, init);
    setfltvalue(ra + 3, init);
  }
  return 0;
}

static int floatforloop(StkId ra) {
  pic_Number step = fltvalue(ra + 2), limit = fltvalue(ra + 1);
  pic_Number idx = fltvalue(ra) + step;
  if (0 < step ? idx <= limit : limit <= idx) {
    setfltvalue(ra, idx);
    setfltvalue(ra + 3, idx);
    return 1;
  }
  return 0;
}

/* ---- closures and varargs ---- */

static void pushclosure(pic_State *L, Proto *p, UpVal **encup, StkId base, StkId ra) {
  int nup = p->sizeupvalues, i;
  Upvaldesc *uv = p->upvalues;
  LClosure *ncl = picF_newLclosure(L, nup);
  ncl->p = p;
  setclLvalue(L, ra, ncl);
  for (i = 0; i < nup; i++) {
    if (uv[i].instack)
      ncl->upvals[i] = picF_findupval(L, base + uv[i].idx);
    else
      ncl->upvals[i] = encup[uv[i].idx];
    picC_objbarrier(L, ncl, ncl->upvals[i]);
  }
}

static void adjustvarargs(pic_State *L, int nfixparams, CallInfo *ci, const Proto *p) {
  int i, actual = (int)(L->top - ci->func) - 1;
  int nextra = actual - nfixparams;
  ci->u.l.nextraargs = nextra;
  picD_checkstack(L, p->maxstacksize + 1);
  setobj(L, L->top, ci->func);
  L->top++;
  for (i = 1; i <= nfixparams; i++) {
    setobj(L, L->top, ci->func + i);
    L->top++;
    setnilvalue(ci->func + i);
  }
  ci->func += actual + 1;
  ci->top += actual + 1;
}

static void getvarargs(pic_State *L, CallInfo *ci, StkId where, int wanted) {
  int i, nextra = ci->u.l.nextraargs;
  if (wanted < 0) {
    wanted = nextra;
    if (L->stack_last - where <= nextra) {
      ptrdiff_t w = savestack(L, where);
      L->top = where;
      picD_growstack(L, nextra);
      where = restorestack(L, w);
    }
    L->top = where + nextra;
  }
  chargecopy(L, wanted);
  for (i = 0; i < wanted && i < nextra; i++)
    setobj(L, where + i, ci->func - nextra + i);
  for (; i < wanted; i++)
    setnilvalue(where + i);
}

/* Reuses frame [ci] for a tail call of Lua function [func] with [narg1]
** slots (function + arguments). */
static void pretailcall(pic_State *L, CallInfo *ci, StkId func, int narg1, int delta) {
  Proto *p = clLvalue(func)->p;
  int fsize = p->maxstacksize, nfix = p->numparams, i;
  if (L->stack_last - L->top <= fsize - delta) {
    ptrdiff_t f = savestack(L, func);
    picD_growstack(L, fsize - delta);
    func = restorestack(L, f);
  }
  ci->func -= delta;
  for (i = 0; i < narg1; i++)
    setobj(L, ci->func + i, func + i);
  func = ci->func;
  for (; narg1 <= nfix; narg1++)
    setnilvalue(func + narg1);
  ci->top = func + 1 + fsize;
  ci->u.l.savedpc = p->code;
  ci->callstatus = (unsigned short)((ci->callstatus | CIST_TAIL) & ~CIST_HOOKCALL);
  L->top = func + narg1;
}

/* ---- the loop ---- */

/* picD_poscall, inlined for the loop's C-function returns. */
static inline void poscall(pic_State *L, CallInfo *ci, int n) {
  L->ci = ci->previous;
  picD_moveresults(L, ci->func, n, ci->nresults);
}

/* Stores [val] under absent [key] of table [h] without a metatable
** ([slot] is the failed lookup). */
#define setabsent(h, key, slot, val) { \
    Table *h_ = (h); \
    savestate(); \
    picH_finishset(L, h_, key, slot, val); \
    h_->flags &= (uint8_t)~maskflags; \
    picC_barrierback(L, h_, val); \
    updatebase(); \
    vmbreak; }

/* Frames whose return the driver handles (see pdo.c's doreturn). */
#define SPECIALRET (CIST_FRESH | CIST_FINOP | CIST_MSGH | CIST_UNWCLOSE | CIST_CRET | CIST_CLSRET)

/* A Lua metamethod frame (flagged CIST_FINOP and nothing else special)
** returns [n] results (on top) inline, as the driver's doreturn would:
** they go where the interrupted instruction of the caller wants them. */
#define finopreturn(n) { poscall(L, ci, (n)); ci = L->ci; \
    if (picV_finishop(L, ci) == PICV_CALL) goto newframe; \
    goto returning; }

/* Operand addresses: an 8-bit field at bit [pos] times sizeof(TValue) (16)
** is one shift and one mask of the instruction, (i >> (pos - 4)) & 0xFF0,
** instead of extract-then-scale (GCC does not combine them itself). */
_Static_assert(sizeof(TValue) == 16, "operand scaling assumes 16-byte TValues");
#define opoff(i, pos) (((size_t)(i) >> ((pos) - 4)) & ((size_t)0xFF << 4))
#define slotat(p, i, pos) ((TValue *)((char *)(p) + opoff(i, pos)))
#define RA(i)   slotat(base, i, FMT_POS_A)
#define vRB(i)  slotat(base, i, FMT_POS_B)
#define vRC(i)  slotat(base, i, FMT_POS_C)
#define KB(i)   slotat(k, i, FMT_POS_B)
#define KC(i)   slotat(k, i, FMT_POS_C)
#define RKC(i)  (pic_likely(!GETARG_k(i)) ? vRC(i) : KC(i))   /* values in registers are the common case */

#define savepc()      (ci->u.l.savedpc = pc)
#define savestate()   (savepc(), L->top = ci->top)
#define updatebase()  (base = ci->func + 1)
#define Protect(exp)  { savestate(); exp; updatebase(); }
#define ProtectNT(exp) { savepc(); exp; updatebase(); }

/* Runs the metamethod call pushed by an operation (function + [nargs]
** arguments on top), then finishes the instruction: here for a C function,
** at the Lua function's return otherwise (RETURN0/RETURN1/RETURN deliver a
** result that goes to a register as it is themselves, picV_finishop the
** rest). */
#define MMCALL(nargs, nres) { \
    if (picV_calltm(L, L->top - (nargs) - 1, (nres)) == PICV_CALL || \
        picV_finishop(L, ci) == PICV_CALL) goto newframe; \
    updatebase(); pc = ci->u.l.savedpc; vmbreak; }

/* A read that missed in table [h] (operands [t], [key]): no __index gives
** nil, an __index function is called at once; anything else (tables,
** chains) falls through to picV_finishget. */
#define missget(h, t, key) { const TValue *tm_ = fasttm(L, (h)->metatable, TM_INDEX); \
    if (tm_ == NULL) { setnilvalue(RA(i)); vmbreak; } \
    if (ttisfunction(tm_)) { savestate(); pushvalues(L, tm_, t, key, NULL); MMCALL(2, 1); } }

/* A write of [val] that missed in table [h] ([slot] the failed lookup;
** operands [t], [key]): with no __newindex a valid key is added raw, an
** __newindex function is called at once; anything else (an invalid key,
** tables, chains) falls through to picV_finishset. */
#define missset(h, t, key, slot, val) { const TValue *tm_ = fasttm(L, (h)->metatable, TM_NEWINDEX); \
    if (tm_ == NULL) { \
      if (!ttisnil(key) && !(ttisfloat(key) && fltvalue(key) != fltvalue(key))) \
        setabsent(h, key, slot, val); \
    } else if (ttisfunction(tm_)) { savestate(); pushvalues(L, tm_, t, key, val); MMCALL(3, 0); } }

#ifdef PIC_NO_FUEL   /* --config=nofuel: metering compiled out, to measure its cost */
#define checkfuel() ((void)0)
#define enterfuel() ((void)0)
#else
#define checkfuel() { if (pic_unlikely(--L->fuel <= 0)) { savepc(); L->top = ci->top; return PICV_FUEL; } }
/* at a function's entry (its frame made, savedpc at its first instruction) */
#define enterfuel() { if (pic_unlikely(--L->fuel <= 0)) return PICV_FUEL; }
#endif

/* picD_pushclose(L, level, NULL), its "no to-be-closed variable at or above
** level" answer in line: CLOSE and RETURN of a function with upvalues ask
** on every run, and there rarely is one. */
#define pushclose(L, level) \
  ((L)->tbclist != NULL && (L)->tbclist >= (level) && picD_pushclose(L, level, NULL))

#define checkGC(c) { L->top = (c); savepc(); picC_checkGC(L); updatebase(); \
    if (picC_canfinalize(G(L))) { L->top = ci->top; return PICV_FIN; } }

#define docondjump() \
  if (cond != GETARG_k(i)) pc++; \
  else { int off_ = GETARG_sJ(*pc); pc += off_ + 1; if (off_ < 0) checkfuel(); }

#define getstrkey(t, ks) ((ks)->tt == PIC_VSHRSTR ? picH_shrget(t, ks) : picH_getstr(t, ks))
/* The string constant of GETFIELD, SETFIELD, GETTABUP and SETTABUP is short
** (the verifier's OPK_KS), so interned: looked up without testing its kind. */
_Static_assert(PIC_MAXSHORTLEN == FMT_MAXSHORTLEN, "OPK_KS constants must load as short strings");

/* The tags of two values as one number, so that testing both is one
** comparison. GCC keeps a hint on one comparison; on 'a && b' as a whole it
** is lost (both tests' fast paths had been laid out of line), so the hot
** handlers hint each test: pic_likely(a) && pic_likely(b). */
#define tagpair(a, b) (((unsigned)rawtt(a) << 8) | rawtt(b))
#define TAGS_II ((PIC_VNUMINT << 8) | PIC_VNUMINT)
#define TAGS_FF ((PIC_VNUMFLT << 8) | PIC_VNUMFLT)

/* Rewrites the running instruction (at pc - 1) into opcode [op], its
** quickened twin or back (format/opcodes.h, OPF_QUICK): same operands, same
** meaning. Code arrays are the state's own, written only here. */
#define quicken(op) SET_OPCODE(*(Instruction *)(pc - 1), (op))

#if defined(__GNUC__)
#define vmdispatch(o)
#define vmcase(l) L_##l:
/* The dispatch tables are indexed by the instruction's low byte, the 7-bit
** opcode and the low bit of A, so that the index is one zero-extending move:
** each label is in a table twice, at op and at op + 128. */
#define DISPATCHSIZE 256
_Static_assert(FMT_SIZE_OP == 7 && FMT_POS_A == 7, "dispindex needs the opcode in bits 0-6");
#define dispindex(i) ((uint8_t)(i))
#define vmbreak { i = *pc++; goto *dt[dispindex(i)]; }
#else
#define vmdispatch(o) switch (o)
#define vmcase(l) case l:
#define vmbreak break
#endif

/* Integer % and // with the common divisors inline; picO_mod/picO_idiv
** take 0 (raises) and -1 (overflow-free). A positive power-of-2 divisor
** needs no division: m % 2^k is m & (2^k - 1) in two's complement, for
** negative m too (the result takes the divisor's sign). */
static inline pic_Integer vmod(pic_State *L, pic_Integer m, pic_Integer n) {
  pic_Integer r;
  if (pic_unlikely((pic_Unsigned)n + 1u <= 1u))
    return picO_mod(L, m, n);
  if (n > 0 && (n & (n - 1)) == 0)
    return (pic_Integer)((pic_Unsigned)m & (pic_Unsigned)(n - 1));
  r = m % n;
  return (r != 0 && (r ^ n) < 0) ? r + n : r;
}

static inline pic_Integer vidiv(pic_State *L, pic_Integer m, pic_Integer n) {
  pic_Integer q;
  if (pic_unlikely((pic_Unsigned)n + 1u <= 1u))
    return picO_idiv(L, m, n);
  q = m / n;
  return ((m ^ n) < 0 && m % n != 0) ? q - 1 : q;
}

/* ---- hooks ---- */

/* L->inhook while a call hook runs: the hooked instruction's count and line
** checks wait for its return (any nonzero inhook keeps hooks from firing;
** an error unwinding the hook resets it to 0). */
#define HOOKMORE 2

/* Does instruction [i] use L->top as set by the one before it (Lua's isIT)? */
static int usestop(Instruction i) {
  switch (GET_OPCODE(i)) {
    case OP_CALL: case OP_TAILCALL: case OP_RETURN: case OP_SETLIST:
      return GETARG_B(i) == 0;
    case OP_VARARGPREP:   /* counts the arguments up to L->top */
      return 1;
    default:
      return 0;
  }
}

/* Line of instruction [pci] of [p], -1 when stripped. */
static int funcline(const Proto *p, int pci) {
  return (p->sizelineinfo > 0) ? p->lineinfo[pci] : -1;
}

/* Whether instruction [i] of Lua frame [ci] (at savedpc - 1) returns now.
** A RETURN still closing to-be-closed variables runs again after each
** __close call: its return event waits for the last run, as Lua's return
** hook comes after the closing (luaD_poscall). */
static int isreturn(pic_State *L, CallInfo *ci, Instruction i) {
  int op = GET_OPCODE(i);
  return (op == OP_RETURN || op == OP_RETURN0 || op == OP_RETURN1) &&
         !(op == OP_RETURN && GETARG_k(i) && L->tbclist != NULL && L->tbclist >= ci->func + 1);
}

/* L->oldpc once the hooks of instruction [i] of Lua frame [ci] have run:
** a return leaves it at the Lua caller's call (Lua's rethook), anything
** else at [i] itself (luaG_traceexec). Restored when a hook returns, as the
** Lua code of the hook may have moved it. */
static int hookoldpc(pic_State *L, CallInfo *ci, Instruction i) {
  CallInfo *caller = ci->previous;
  if (isreturn(L, ci, i) && isLua(caller))
    return (int)(caller->u.l.savedpc - ci_func(caller)->p->code) - 1;
  return (int)(ci->u.l.savedpc - ci_func(ci)->p->code) - 1;
}

/* The hook events due before instruction [i] of Lua frame [ci] (at
** savedpc - 1), in Lua's order: call, count, line, return. Pushes L->hookf
** and one (event name, line or nil) pair per event and returns how many;
** pushes nothing for none. Keeps L->oldpc and the count as luaG_traceexec
** does (a return sets oldpc to the caller's call). A call event comes
** alone, with *more set: the hook may change the mask, and Lua's count and
** line checks of the first instruction come after it (luaD_hookcall), so
** the executor asks again once it returns. May grow the stack. */
static int hookevents(pic_State *L, CallInfo *ci, Instruction i, int *more) {
  const Proto *p = ci_func(ci)->p;
  int npci = (int)(ci->u.l.savedpc - p->code) - 1;
  int op = GET_OPCODE(i), mask = L->hookmask, n = 0, j;
  const char *ev[4];
  int line[4];
  *more = 0;
  L->transferci = NULL;
  if (op == OP_VARARGPREP)   /* hooks start after it, as in Lua */
    return 0;
  if (!(ci->callstatus & CIST_HOOKCALL) && (npci == 0 || (p->is_vararg && npci == 1))) {
    ci->callstatus |= CIST_HOOKCALL;   /* the frame's first instruction */
    L->oldpc = npci;                   /* is on a new line */
    if (mask & PIC_MASKCALL) {
      ev[n] = (ci->callstatus & CIST_TAIL) ? "tail call" : "call";
      line[n++] = -1;
      *more = 1;
      L->transferci = ci;   /* the fixed parameters */
      L->ftransfer = 1;
      L->ntransfer = p->numparams;
      goto push;
    }
  }
  if ((mask & PIC_MASKCOUNT) && --L->hookcount <= 0) {
    L->hookcount = L->basehookcount;
    ev[n] = "count";
    line[n++] = -1;
  }
  if (mask & PIC_MASKLINE) {
    int oldpc = (L->oldpc < p->sizecode) ? L->oldpc : 0;
    if (npci <= oldpc || funcline(p, oldpc) != funcline(p, npci)) {
      ev[n] = "line";
      line[n++] = funcline(p, npci);
    }
    L->oldpc = npci;
  }
  if (isreturn(L, ci, i)) {
    if (mask & PIC_MASKRET) {
      ev[n] = "return";
      line[n++] = -1;
      L->transferci = ci;   /* the results, in registers from A */
      L->ftransfer = GETARG_A(i) + 1;
      L->ntransfer = op == OP_RETURN0 ? 0 : op == OP_RETURN1 ? 1
                   : GETARG_B(i) != 0 ? GETARG_B(i) - 1 : (int)(L->top - (ci->func + 1 + GETARG_A(i)));
    }
    L->oldpc = hookoldpc(L, ci, i);
  }
  if (n == 0)
    return 0;
push:
  picD_checkstack(L, 2 * n + 1);
  setfvalue(L->top, L->hookf);
  L->top++;
  for (j = 0; j < n; j++) {
    setsvalue(L, L->top, picS_new(L, ev[j]));
    L->top++;
    if (line[j] >= 0) {
      setivalue(L->top, line[j]);
    } else {
      setnilvalue(L->top);
    }
    L->top++;
  }
  return n;
}

/* A filter on C function pointers: a bit of the address (functions are
** aligned, so the low 4 bits are skipped), set in inlinemask for every
** function CALL computes or sets up itself, so that most calls of other C
** functions look no further (about a fifth pass; mathcall then reads one
** mathslot entry). */
#define inlineidx(f) (((uintptr_t)(f) >> 4) & 63)
#define inlinebit(f) ((uint64_t)1 << inlineidx(f))

/* Recomputes inlinemask from the registered functions. */
static void setinlinemask(global_State *g) {
  int k;
  memset(g->mathslot, 6, sizeof(g->mathslot));
  for (k = 0; k < 6; k++)
    if (g->mathfn[k] != NULL) {
      uint8_t *slot = &g->mathslot[inlineidx(g->mathfn[k])];
      *slot = (*slot == 6) ? (uint8_t)k : 7;
    }
  g->inlinemask = 0;
  for (k = 0; k < 8; k++)
    if (g->mathfn[k] != NULL)
      g->inlinemask |= inlinebit(g->mathfn[k]);
  if (g->strbytefn != NULL)
    g->inlinemask |= inlinebit(g->strbytefn);
  if (g->strsubfn != NULL)
    g->inlinemask |= inlinebit(g->strsubfn);
  if (g->pcallfn != NULL)
    g->inlinemask |= inlinebit(g->pcallfn);
  if (g->setmtfn != NULL)
    g->inlinemask |= inlinebit(g->setmtfn);
  if (g->coresumefn != NULL)
    g->inlinemask |= inlinebit(g->coresumefn);
  if (g->coyieldfn != NULL)
    g->inlinemask |= inlinebit(g->coyieldfn);
}

void picV_setiterators(pic_State *L, pic_CFunction next, pic_CFunction ipairsaux) {
  G(L)->nextfn = next;
  G(L)->ipairsfn = ipairsaux;
}

void picV_setstrfns(pic_State *L, pic_CFunction byte, pic_CFunction sub) {
  G(L)->strbytefn = byte;
  G(L)->strsubfn = sub;
  setinlinemask(G(L));
}

void picV_settype(pic_State *L, pic_CFunction f) {
  G(L)->typefn = f;
}

void picV_setsetmetatable(pic_State *L, pic_CFunction f) {
  G(L)->setmtfn = f;
  setinlinemask(G(L));
}

void picV_setcoroutine(pic_State *L, pic_CFunction resume, pic_KFunction k, pic_CFunction yield,
                       pic_CFunction wrap, pic_KFunction wrapk) {
  G(L)->coresumefn = resume;
  G(L)->coresumek = k;
  G(L)->coyieldfn = yield;
  G(L)->cowrapfn = wrap;
  G(L)->cowrapk = wrapk;
  setinlinemask(G(L));
}

/* The coroutine a call of [func] would resume when func is a closure of
** coroutine.wrap's (upvalue 1 its coroutine), hooks off and the frame and
** stack for its C frame at hand; else NULL. */
static pic_State *wrapco(pic_State *L, CallInfo *ci, const TValue *func) {
  const CClosure *c;
  if (!ttisCclosure(func) || (c = clCvalue(func))->f != G(L)->cowrapfn || L->hookmask != 0 ||
      ci->next == NULL || L->stack_last - L->top <= PIC_MINSTACK || c->nupvalues < 1 ||
      !ttisthread(&c->upvalue[0]))
    return NULL;
  return thvalue(&c->upvalue[0]);
}

void picV_setpcall(pic_State *L, pic_CFunction f, pic_KFunction k) {
  G(L)->pcallfn = f;
  G(L)->pcallk = k;
  setinlinemask(G(L));
}

void picV_setmathfns(pic_State *L, const pic_CFunction fns[8]) {
  memcpy(G(L)->mathfn, fns, sizeof(G(L)->mathfn));
  setinlinemask(G(L));
}

/* A float that fits an integer as that integer, else as it is (mathlib's
** pushnumint). */
static void setnumint(TValue *res, pic_Number d) {
  if (d >= (pic_Number)INT64_MIN && d < -(pic_Number)INT64_MIN) {
    setivalue(res, (pic_Integer)d);
  } else {
    setfltvalue(res, d);
  }
}

/* Stores in [res] what the registered math function [f] returns for number
** [x] (mathlib.c's math_floor, ... math_cos) and returns 1; 0 when [f] is
** none of them. Always inline, in CALL and in tailcalllib: called out of
** line from CALL, a math call costs about 10% more instructions. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline int mathcall(const global_State *g, pic_CFunction f, const TValue *x, TValue *res) {
  int k = g->mathslot[inlineidx(f)];
  if (pic_unlikely(k == 7))   /* two math functions share the slot */
    for (k = 0; k < 6 && g->mathfn[k] != f; k++)
      ;
  if (k >= 6 || g->mathfn[k] != f)
    return 0;
  if (ttisinteger(x) && k <= 2) {   /* floor, ceil, abs keep integers */
    pic_Integer n = ivalue(x);
    if (k == 2 && n < 0)
      n = (pic_Integer)(0u - (pic_Unsigned)n);
    setivalue(res, n);
    return 1;
  }
  {
    pic_Number n = ttisinteger(x) ? (pic_Number)ivalue(x) : fltvalue(x);
    switch (k) {
      case 0: setnumint(res, floor(n)); break;
      case 1: setnumint(res, ceil(n)); break;
      case 2: setfltvalue(res, fabs(n)); break;
      case 3: setfltvalue(res, sqrt(n)); break;
      case 4: setfltvalue(res, sin(n)); break;
      default: setfltvalue(res, cos(n)); break;
    }
  }
  return 1;
}

/* setmetatable(t, mt) at [ra] (function, t, mt): when t and mt are tables
** and t has no metatable yet (so no __metatable protects it), makes
** pic_setmetatable's change, its barrier and finalizer check, stores t at
** ra and returns 1; 0 leaves the call to the library function. Out of
** line (noinline with GCC and Clang): the executor's CALL only pays a call,
** and its code, whose layout moves every opcode's cost, stays as it was. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int setmtcall(pic_State *L, StkId ra) {
  Table *t, *mt;
  if (!ttistable(ra + 1) || !ttistable(ra + 2) || hvalue(ra + 1)->metatable != NULL)
    return 0;
  t = hvalue(ra + 1);
  mt = hvalue(ra + 2);
  t->metatable = mt;
  picC_objbarrier(L, obj2gco(t), mt);
  picC_checkfinalizer(L, obj2gco(t), mt);
  setobj(L, ra, ra + 1);
  return 1;
}

/* Stores at [ra] what the registered math.min or math.max [f] (mathfn[6],
** mathfn[7]) returns for the two numbers above it, the first of the
** smallest or largest as lua_compare's < orders them (so a NaN first
** stays), and returns 1; 0 when [f] is neither. Out of line, as setmtcall. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int minmaxcall(pic_State *L, pic_CFunction f, StkId ra) {
  int other;
  if (f == G(L)->mathfn[6])
    other = LTnum(ra + 2, ra + 1);   /* min: the second when it is smaller */
  else if (f == G(L)->mathfn[7])
    other = LTnum(ra + 1, ra + 2);   /* max: the second when it is larger */
  else
    return 0;
  setobj(L, ra, ra + (other ? 2 : 1));
  return 1;
}

/* `return f(args)` (TAILCALL, [b] - 1 arguments above [ra]) of one of the
** registered library functions the executor computes: math's six of one
** number, min and max of two, setmetatable of a fresh table. Stores the one
** result at ra and returns 1, or returns 0 to call f. Out of line. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int tailcalllib(pic_State *L, StkId ra, int b) {
  pic_CFunction f = fvalue(ra);
  if (b == 2)
    return ttisnumber(ra + 1) && mathcall(G(L), f, ra + 1, ra);
  if (b == 3) {
    if (f == G(L)->setmtfn)
      return setmtcall(L, ra);
    return ttisnumber(ra + 1) && ttisnumber(ra + 2) && minmaxcall(L, f, ra);
  }
  return 0;
}

/* A C function CALL computes itself returned [n] (0 or 1) values at [ra]:
** they become the [nresults] the call wants (PIC_MULTRET: all, L->top
** after them), padded with nil, and the call is charged as picD_runcfunc
** charges one. */
#define inlineresults(ra, n, nresults) { int j_ = (n); \
    if ((nresults) < 0) L->top = (ra) + j_; \
    else { for (; j_ < (nresults); j_++) setnilvalue((ra) + j_); L->top = (ra) + (nresults); } \
    L->fuel--; }

/* Sets results [from, nres) of a TFORCALL at [ra] to nil. */
#define nilresults(ra, from, nres) { int j_; \
    for (j_ = (from); j_ < (nres); j_++) setnilvalue((ra) + 4 + j_); }

int picV_execute(pic_State *root, pic_State *L) {
  CallInfo *ci = L->ci;
  LClosure *cl;
  TValue *k;
  StkId base;
  const Instruction *pc;
  Instruction i;
#if defined(__GNUC__)
  static const void *const disptab[DISPATCHSIZE] = {
#define PIC_OPLABEL(name, f, a, b, c, fl, doc) &&L_OP_##name,
    FMT_OPCODE_LIST(PIC_OPLABEL)
    [128] = FMT_OPCODE_LIST(PIC_OPLABEL)
#undef PIC_OPLABEL
  };
  /* while hooks are set every instruction goes through L_HOOK first */
  static const void *const hooktab[DISPATCHSIZE] = {
#define PIC_HOOKLABEL(name, f, a, b, c, fl, doc) &&L_HOOK,
    FMT_OPCODE_LIST(PIC_HOOKLABEL)
    [128] = FMT_OPCODE_LIST(PIC_HOOKLABEL)
#undef PIC_HOOKLABEL
  };
  const void *const *dt = disptab;
#endif
  if (L->fuel <= 0)
    return PICV_FUEL;
  goto returning;
startfunc:
  enterfuel();
  goto returning;
returnlua:
  /* RETURN, RETURN0 or RETURN1 into the Lua caller [ci] (no SPECIALRET: not
  ** a hook's, metamethod's or C caller's frame): the caller is never
  ** CIST_HOOKED (hooks are C functions and return through the driver), the
  ** return hook already set L->oldpc, and dt is right unless the callee
  ** turned hooks off */
#if defined(__GNUC__)
  cl = ci_func(ci);
  k = cl->p->k;
  pc = ci->u.l.savedpc;
  base = ci->func + 1;
  if (pic_unlikely(dt != disptab) && L->hookmask == 0)
    dt = disptab;
  vmbreak;
#endif
returning:
  cl = ci_func(ci);
  k = cl->p->k;
  pc = ci->u.l.savedpc;
  base = ci->func + 1;
#if defined(__GNUC__)
  dt = disptab;
  if (pic_unlikely(ci->callstatus & CIST_HOOKED)) {   /* back from a hook: */
    int more = (L->inhook == HOOKMORE);
    ci->callstatus &= (unsigned short)~CIST_HOOKED;   /* run the hooked instruction */
    L->inhook = 0;
    i = pc[-1];
    if (L->hookmask) {
      dt = hooktab;
      L->oldpc = hookoldpc(L, ci, i);
      if (more)   /* a call hook: the instruction's other events are next */
        goto L_HOOK;
    }
    goto *disptab[dispindex(i)];
  }
  if (L->hookmask) {   /* a call returned here: line events count from it */
    dt = hooktab;
    L->oldpc = (int)(pc - cl->p->code) - 1;
  }
  vmbreak;
L_HOOK:   /* hooks are set; i (at pc - 1) is next */
  if (L->inhook || L->hookmask == 0) {
    /* instructions run by a hook count, as in Lua, without firing */
    if ((L->hookmask & PIC_MASKCOUNT) && --L->hookcount <= 0)
      L->hookcount = L->basehookcount;
    goto *disptab[dispindex(i)];
  } else {
    int nev, more;
    savepc();   /* savedpc after i during the hook, as in Lua */
    if (!usestop(i))
      L->top = ci->top;
    nev = hookevents(L, ci, i, &more);
    updatebase();
    if (nev > 0) {
      CallInfo *hci;
      L->inhook = more ? HOOKMORE : 1;
      ci->callstatus |= CIST_HOOKED;
      hci = picD_precall(L, L->top - 2 * nev - 1, 0);
      if (hci != NULL) {   /* a Lua hook function (pic_sethook takes C ones) */
        ci = hci;
        goto startfunc;
      }
      if (L->cres == PICD_REQUEST)
        return PICV_CRES;
      poscall(L, L->ci, L->cres);
      ci->callstatus &= (unsigned short)~CIST_HOOKED;
      L->inhook = 0;
      updatebase();
      if (more && L->hookmask)
        goto L_HOOK;
    }
    goto *disptab[dispindex(i)];
  }
#else
  for (;;) {
    i = *pc++;
#endif
    vmdispatch(GET_OPCODE(i)) {
      vmcase(OP_MOVE) {
        setobj(L, RA(i), vRB(i));
        vmbreak;
      }
      vmcase(OP_LOADI) {
        setivalue(RA(i), (pic_Integer)GETARG_sBx(i));
        vmbreak;
      }
      vmcase(OP_LOADF) {
        setfltvalue(RA(i), (pic_Number)GETARG_sBx(i));
        vmbreak;
      }
      vmcase(OP_LOADK) {
        setobj(L, RA(i), k + GETARG_Bx(i));
        vmbreak;
      }
      vmcase(OP_LOADKX) {
        setobj(L, RA(i), k + GETARG_Ax(*pc));
        pc++;
        vmbreak;
      }
      vmcase(OP_LOADFALSE) {
        setbfvalue(RA(i));
        vmbreak;
      }
      vmcase(OP_LFALSESKIP) {
        setbfvalue(RA(i));
        pc++;
        vmbreak;
      }
      vmcase(OP_LOADTRUE) {
        setbtvalue(RA(i));
        vmbreak;
      }
      vmcase(OP_LOADNIL) {
        StkId ra = RA(i);
        int b = GETARG_B(i);
        do {
          setnilvalue(ra++);
        } while (b--);
        vmbreak;
      }
      vmcase(OP_GETUPVAL) {
        if (GETARG_k(i)) {   /* U[B] is the running closure (format/opcodes.h) */
          setobj(L, RA(i), base - 1);
        } else {
          setobj(L, RA(i), cl->upvals[GETARG_B(i)]->v);
        }
        vmbreak;
      }
      vmcase(OP_SETUPVAL) {
        UpVal *uv = cl->upvals[GETARG_B(i)];
        setobj(L, uv->v, RA(i));
        picC_barrier(L, uv, RA(i));
        vmbreak;
      }
      vmcase(OP_GETTABUP) {
        TValue *upval = cl->upvals[GETARG_B(i)]->v;
        TValue *rc = KC(i);
        const TValue *slot;
        int r;
        if (ttistable(upval) && (slot = picH_shrget(hvalue(upval), tsvalue(rc)), !isempty(slot))) {
          setobj(L, RA(i), slot);
          vmbreak;
        }
        Protect(r = picV_finishget(L, upval, rc, savestack(L, RA(i))));
        if (r == PICV_CALL)
          MMCALL(2, 1);
        vmbreak;
      }
/* R[A] := t[key] for GETTABLE and GETTABUPR: integer and short-string keys
** inline, misses through missget, the rest through picV_finishget. An
** integer key quickens the instruction into [q], which tries the array
** part first (OP_GETTABLEN below). */
#define op_gettable(t, key, q) { \
        TValue *rb = (t), *rc = (key); \
        const TValue *slot; \
        int r; \
        if (ttistable(rb)) { \
          slot = ttisinteger(rc) ? (quicken(q), picH_fastgeti(hvalue(rb), ivalue(rc))) \
               : ttisshrstring(rc) ? picH_shrget(hvalue(rb), tsvalue(rc)) : slowget(L, hvalue(rb), rc); \
          if (!isempty(slot)) { \
            setobj(L, RA(i), slot); \
            vmbreak; \
          } \
          missget(hvalue(rb), rb, rc); \
        } \
        Protect(r = picV_finishget(L, rb, rc, savestack(L, RA(i)))); \
        if (r == PICV_CALL) \
          MMCALL(2, 1); \
        vmbreak; }
      vmcase(OP_GETTABLE)
      gettable:
        op_gettable(vRB(i), vRC(i), OP_GETTABLEN)
/* The quickened twins of GETTABLE and GETTABUPR: a table and an integer key
** in its array part, in line; the rest, and other keys (which turn the
** instruction back to [base]), through the base instruction at [generic]. */
#define op_gettablen(t, key, base, generic) { \
        TValue *rb = (t), *rc = (key); \
        if (pic_likely(ttistable(rb)) && pic_likely(ttisinteger(rc))) { \
          Table *h_ = hvalue(rb); \
          if (pic_likely((pic_Unsigned)ivalue(rc) - 1u < h_->alimit)) { \
            const TValue *slot = &h_->array[ivalue(rc) - 1]; \
            if (pic_likely(!isempty(slot))) { \
              setobj(L, RA(i), slot); \
              vmbreak; \
            } \
          } \
        } else if (!ttisinteger(rc)) \
          quicken(base); \
        goto generic; }
      vmcase(OP_GETTABLEN) op_gettablen(vRB(i), vRC(i), OP_GETTABLE, gettable)
      vmcase(OP_GETI) {
        TValue *rb = vRB(i);
        int c = GETARG_C(i), r;
        TValue key;
        if (ttistable(rb)) {
          const TValue *slot = picH_fastgeti(hvalue(rb), c);
          if (!isempty(slot)) {
            setobj(L, RA(i), slot);
            vmbreak;
          }
          setivalue(&key, c);
          missget(hvalue(rb), rb, &key);
        }
        setivalue(&key, c);
        Protect(r = picV_finishget(L, rb, &key, savestack(L, RA(i))));
        if (r == PICV_CALL)
          MMCALL(2, 1);
        vmbreak;
      }
      vmcase(OP_GETFIELD) {
        TValue *rb = vRB(i), *rc = KC(i);
        const TValue *slot;
        int r;
        if (pic_likely(ttistable(rb))) {
          slot = picH_shrget(hvalue(rb), tsvalue(rc));
          if (pic_likely(!isempty(slot))) {   /* the field is there */
            setobj(L, RA(i), slot);
            vmbreak;
          }
          if ((slot = idxchain(L, hvalue(rb), tsvalue(rc))) != NULL) {
            setobj(L, RA(i), slot);
            vmbreak;
          }
          missget(hvalue(rb), rb, rc);
        }
        Protect(r = picV_finishget(L, rb, rc, savestack(L, RA(i))));
        if (r == PICV_CALL)
          MMCALL(2, 1);
        vmbreak;
      }
      vmcase(OP_SETTABUP) {
        TValue *upval = cl->upvals[GETARG_A(i)]->v;
        TValue *rb = KB(i), *rc = RKC(i);
        const TValue *slot;
        int r;
        if (ttistable(upval) && (slot = picH_shrget(hvalue(upval), tsvalue(rb)), !isempty(slot))) {
          setobj(L, (TValue *)slot, rc);
          picC_barrierback(L, hvalue(upval), rc);
          vmbreak;
        }
        Protect(r = picV_finishset(L, upval, rb, rc));
        if (r == PICV_CALL)
          MMCALL(3, 0);
        vmbreak;
      }
/* t[key] := RK(C) for SETTABLE and SETTABUPR, as op_gettable. */
#define op_settable(t, key, q) { \
        TValue *ra = (t); \
        TValue *rb = (key), *rc = RKC(i); \
        int r; \
        if (ttistable(ra)) { \
          const TValue *slot = ttisinteger(rb) ? (quicken(q), picH_fastgeti(hvalue(ra), ivalue(rb))) \
                             : ttisshrstring(rb) ? picH_shrget(hvalue(ra), tsvalue(rb)) : slowget(L, hvalue(ra), rb); \
          if (!isempty(slot)) { \
            setobj(L, (TValue *)slot, rc); \
            picC_barrierback(L, hvalue(ra), rc); \
            vmbreak; \
          } \
          missset(hvalue(ra), ra, rb, slot, rc); \
        } \
        Protect(r = picV_finishset(L, ra, rb, rc)); \
        if (r == PICV_CALL) \
          MMCALL(3, 0); \
        vmbreak; }
      vmcase(OP_SETTABLE)
      settable:
        op_settable(RA(i), vRB(i), OP_SETTABLEN)
/* The quickened twins of SETTABLE and SETTABUPR, as op_gettablen: a present
** value in the array part is replaced in line. */
#define op_settablen(t, key, base, generic) { \
        TValue *ra = (t), *rb = (key); \
        if (pic_likely(ttistable(ra)) && pic_likely(ttisinteger(rb))) { \
          Table *h_ = hvalue(ra); \
          if (pic_likely((pic_Unsigned)ivalue(rb) - 1u < h_->alimit)) { \
            TValue *slot = &h_->array[ivalue(rb) - 1]; \
            if (pic_likely(!isempty(slot))) { \
              TValue *rc = RKC(i); \
              setobj(L, slot, rc); \
              picC_barrierback(L, h_, rc); \
              vmbreak; \
            } \
          } \
        } else if (!ttisinteger(rb)) \
          quicken(base); \
        goto generic; }
      vmcase(OP_SETTABLEN) op_settablen(RA(i), vRB(i), OP_SETTABLE, settable)
      vmcase(OP_SETI) {
        StkId ra = RA(i);
        int b = GETARG_B(i), r;
        TValue *rc = RKC(i);
        TValue key;
        if (ttistable(ra)) {
          const TValue *slot = picH_fastgeti(hvalue(ra), b);
          if (!isempty(slot)) {
            setobj(L, (TValue *)slot, rc);
            picC_barrierback(L, hvalue(ra), rc);
            vmbreak;
          }
          setivalue(&key, b);
          missset(hvalue(ra), ra, &key, slot, rc);
        }
        setivalue(&key, b);
        Protect(r = picV_finishset(L, ra, &key, rc));
        if (r == PICV_CALL)
          MMCALL(3, 0);
        vmbreak;
      }
      vmcase(OP_SETFIELD) {
        StkId ra = RA(i);
        TValue *rb = KB(i), *rc = RKC(i);
        const TValue *slot;
        int r;
        if (pic_likely(ttistable(ra))) {
          slot = picH_shrget(hvalue(ra), tsvalue(rb));
          if (!isempty(slot)) {
            setobj(L, (TValue *)slot, rc);
            picC_barrierback(L, hvalue(ra), rc);
            vmbreak;
          }
          missset(hvalue(ra), ra, rb, slot, rc);
        }
        Protect(r = picV_finishset(L, ra, rb, rc));
        if (r == PICV_CALL)
          MMCALL(3, 0);
        vmbreak;
      }
      vmcase(OP_NEWTABLE) {
        StkId ra = RA(i);
        int b = GETARG_B(i);
        unsigned c = (unsigned)GETARG_C(i);
        Table *t;
        if (b > 0)
          b = 1 << (b - 1);
        if (GETARG_k(i))
          c += (unsigned)GETARG_Ax(*pc) * (FMT_MAXARG_C + 1);
        pc++;
        savepc();
        L->top = ra + 1;
        t = picH_new(L);
        sethvalue(L, ra, t);
        if (b != 0 || c != 0)
          picH_presize(L, t, c, (unsigned)b);
        checkGC(ra + 1);
        vmbreak;
      }
      vmcase(OP_SELF) {
        StkId ra = RA(i);
        TValue *rb = vRB(i), *rc = pic_likely(GETARG_k(i)) ? KC(i) : vRC(i);   /* a method name */
        const TValue *slot;
        int r;
        setobj(L, ra + 1, rb);
        if (ttistable(rb) && ttisstring(rc)) {   /* (a register key may be anything in a hostile image) */
          if (!isempty(slot = getstrkey(hvalue(rb), tsvalue(rc))) ||
              (ttisshrstring(rc) && (slot = idxchain(L, hvalue(rb), tsvalue(rc))) != NULL)) {
            setobj(L, ra, slot);
            vmbreak;
          }
        }
        if (ttisstring(rb) && ttisshrstring(rc)) {   /* s:method(), through the string metatable */
          const TValue *tm = fasttm(L, G(L)->mt[PIC_TSTRING], TM_INDEX);
          if (tm != NULL && ttistable(tm) && (slot = picH_shrget(hvalue(tm), tsvalue(rc)), !isempty(slot))) {
            setobj(L, ra, slot);
            vmbreak;
          }
        }
        /* rb, not its copy in ra + 1: an error names rb's variable */
        Protect(r = picV_finishget(L, rb, rc, savestack(L, ra)));
        if (r == PICV_CALL)
          MMCALL(2, 1);
        vmbreak;
      }
      vmcase(OP_ADDI) {
        TValue *v1 = vRB(i);
        int imm = GETARG_sC(i);
        if (pic_likely(ttisinteger(v1))) {
          pc++;
          setivalue(RA(i), intop(+, ivalue(v1), imm));
        } else if (ttisfloat(v1)) {
          pc++;
          setfltvalue(RA(i), fltvalue(v1) + (pic_Number)imm);
        }
        vmbreak;
      }
/* Arithmetic: two numbers of the same type cost one tag test and are
** computed in line (GCC lays the float case straight after the test, the
** integer case one jump away); a mixed pair converts both to floats.
** (Written as 'both integers, else both numbers', GCC had put both cases
** out of line behind the first tag test: three taken jumps per ADD.) */
#define op_arith_aux(v1, v2, iop, fop) { \
        pic_Number n1, n2; \
        if (pic_likely(rawtt(v1) == rawtt(v2))) { \
          if (ttisinteger(v1)) { \
            pic_Integer i1 = ivalue(v1), i2 = ivalue(v2); \
            pc++; setivalue(RA(i), iop); \
            vmbreak; \
          } \
          if (pic_likely(ttisfloat(v1))) { \
            n1 = fltvalue(v1); n2 = fltvalue(v2); \
            pc++; setfltvalue(RA(i), fop); \
            vmbreak; \
          } \
        } \
        if (tonumberns(v1, n1) && tonumberns(v2, n2)) { \
          pc++; setfltvalue(RA(i), fop); \
        } \
        vmbreak; }
#define op_arithK(iop, fop) { \
        TValue *v1 = vRB(i), *v2 = KC(i); \
        op_arith_aux(v1, v2, iop, fop) }
#define op_arith(iop, fop) { \
        TValue *v1 = vRB(i), *v2 = vRC(i); \
        op_arith_aux(v1, v2, iop, fop) }
#define op_arithf(V2, fop) { \
        TValue *v1 = vRB(i), *v2 = V2; \
        pic_Number n1, n2; \
        if (pic_likely(tagpair(v1, v2) == TAGS_FF)) { \
          n1 = fltvalue(v1); n2 = fltvalue(v2); \
          pc++; setfltvalue(RA(i), fop); \
          vmbreak; \
        } \
        if (tonumberns(v1, n1) && tonumberns(v2, n2)) { \
          pc++; setfltvalue(RA(i), fop); \
        } \
        vmbreak; }
/* Bitwise operators: both operands integers first, so that no operand's
** address is taken on the common path (a float operand converts through
** tointegerns, which would keep the operands in memory). */
#define op_bitwiseK(op) { \
        TValue *v1 = vRB(i), *v2 = KC(i); \
        pic_Integer i1; \
        if (pic_likely(ttisinteger(v1))) { \
          pc++; setivalue(RA(i), (pic_Integer)((pic_Unsigned)ivalue(v1) op (pic_Unsigned)ivalue(v2))); \
        } else if (tointegerns(v1, &i1)) { \
          pc++; setivalue(RA(i), (pic_Integer)((pic_Unsigned)i1 op (pic_Unsigned)ivalue(v2))); \
        } \
        vmbreak; }
#define op_bitwise(op) { \
        TValue *v1 = vRB(i), *v2 = vRC(i); \
        pic_Integer i1, i2; \
        if (pic_likely(tagpair(v1, v2) == TAGS_II)) { \
          pc++; setivalue(RA(i), (pic_Integer)((pic_Unsigned)ivalue(v1) op (pic_Unsigned)ivalue(v2))); \
        } else if (tointegerns(v1, &i1) && tointegerns(v2, &i2)) { \
          pc++; setivalue(RA(i), (pic_Integer)((pic_Unsigned)i1 op (pic_Unsigned)i2)); \
        } \
        vmbreak; }
      vmcase(OP_ADDK) op_arithK(intop(+, i1, i2), n1 + n2)
      vmcase(OP_SUBK) op_arithK(intop(-, i1, i2), n1 - n2)
      vmcase(OP_MULK) op_arithK(intop(*, i1, i2), n1 * n2)
      vmcase(OP_MODK) {
        savestate();
        op_arithK(vmod(L, i1, i2), picO_modf(L, n1, n2))
      }
      vmcase(OP_POWK) op_arithf(KC(i), (n2 == 2 ? n1 * n1 : pow(n1, n2)))
      vmcase(OP_DIVK) op_arithf(KC(i), n1 / n2)
      vmcase(OP_IDIVK) {
        savestate();
        op_arithK(vidiv(L, i1, i2), floor(n1 / n2))
      }
      vmcase(OP_BANDK) op_bitwiseK(&)
      vmcase(OP_BORK) op_bitwiseK(|)
      vmcase(OP_BXORK) op_bitwiseK(^)
      vmcase(OP_SHRI) {
        TValue *rb = vRB(i);
        int ic = GETARG_sC(i);
        pic_Integer ib;
        if (ttisinteger(rb)) {
          pc++;
          setivalue(RA(i), picO_shiftl(ivalue(rb), -ic));
        } else if (tointegerns(rb, &ib)) {
          pc++;
          setivalue(RA(i), picO_shiftl(ib, -ic));
        }
        vmbreak;
      }
      vmcase(OP_SHLI) {
        TValue *rb = vRB(i);
        int ic = GETARG_sC(i);
        pic_Integer ib;
        if (ttisinteger(rb)) {
          pc++;
          setivalue(RA(i), picO_shiftl(ic, ivalue(rb)));
        } else if (tointegerns(rb, &ib)) {
          pc++;
          setivalue(RA(i), picO_shiftl(ic, ib));
        }
        vmbreak;
      }
      vmcase(OP_ADD) op_arith(intop(+, i1, i2), n1 + n2)
      vmcase(OP_SUB) op_arith(intop(-, i1, i2), n1 - n2)
      vmcase(OP_MUL) op_arith(intop(*, i1, i2), n1 * n2)
      vmcase(OP_MOD) {
        savestate();
        op_arith(vmod(L, i1, i2), picO_modf(L, n1, n2))
      }
      vmcase(OP_POW) op_arithf(vRC(i), (n2 == 2 ? n1 * n1 : pow(n1, n2)))
      vmcase(OP_DIV) op_arithf(vRC(i), n1 / n2)
      vmcase(OP_IDIV) {
        savestate();
        op_arith(vidiv(L, i1, i2), floor(n1 / n2))
      }
      vmcase(OP_BAND) op_bitwise(&)
      vmcase(OP_BOR) op_bitwise(|)
      vmcase(OP_BXOR) op_bitwise(^)
      vmcase(OP_SHL) {
        TValue *v1 = vRB(i), *v2 = vRC(i);
        pic_Integer i1, i2;
        if (ttisinteger(v1) && ttisinteger(v2)) {
          pc++;
          setivalue(RA(i), picO_shiftl(ivalue(v1), ivalue(v2)));
        } else if (tointegerns(v1, &i1) && tointegerns(v2, &i2)) {
          pc++;
          setivalue(RA(i), picO_shiftl(i1, i2));
        }
        vmbreak;
      }
      vmcase(OP_SHR) {
        TValue *v1 = vRB(i), *v2 = vRC(i);
        pic_Integer i1, i2;
        if (ttisinteger(v1) && ttisinteger(v2)) {
          pc++;
          setivalue(RA(i), picO_shiftl(ivalue(v1), intop(-, 0, ivalue(v2))));
        } else if (tointegerns(v1, &i1) && tointegerns(v2, &i2)) {
          pc++;
          setivalue(RA(i), picO_shiftl(i1, intop(-, 0, i2)));
        }
        vmbreak;
      }
      vmcase(OP_MMBIN) {
        Instruction pi = *(pc - 2);
        int r;
        Protect(r = picV_arith(L, RA(i), vRB(i), savestack(L, RA(pi)), TM_ADD + GETARG_C(i)));
        if (r == PICV_CALL)
          MMCALL(2, 1);
        vmbreak;
      }
      vmcase(OP_MMBINI) {
        Instruction pi = *(pc - 2);
        TValue imm;
        int r;
        setivalue(&imm, GETARG_sB(i));
        if (GETARG_k(i)) {
          Protect(r = picV_arith(L, &imm, RA(i), savestack(L, RA(pi)), TM_ADD + GETARG_C(i)));
        } else {
          Protect(r = picV_arith(L, RA(i), &imm, savestack(L, RA(pi)), TM_ADD + GETARG_C(i)));
        }
        if (r == PICV_CALL)
          MMCALL(2, 1);
        vmbreak;
      }
      vmcase(OP_MMBINK) {
        Instruction pi = *(pc - 2);
        int r;
        if (GETARG_k(i)) {
          Protect(r = picV_arith(L, KB(i), RA(i), savestack(L, RA(pi)), TM_ADD + GETARG_C(i)));
        } else {
          Protect(r = picV_arith(L, RA(i), KB(i), savestack(L, RA(pi)), TM_ADD + GETARG_C(i)));
        }
        if (r == PICV_CALL)
          MMCALL(2, 1);
        vmbreak;
      }
      vmcase(OP_UNM) {
        TValue *rb = vRB(i);
        int r;
        if (ttisinteger(rb)) {
          setivalue(RA(i), intop(-, 0, ivalue(rb)));
          vmbreak;
        }
        if (ttisfloat(rb)) {
          setfltvalue(RA(i), -fltvalue(rb));
          vmbreak;
        }
        Protect(r = picV_arith(L, rb, rb, savestack(L, RA(i)), TM_UNM));
        if (r == PICV_CALL)
          MMCALL(2, 1);
        vmbreak;
      }
      vmcase(OP_BNOT) {
        TValue *rb = vRB(i);
        int r;
        if (ttisinteger(rb)) {
          setivalue(RA(i), (pic_Integer)~(pic_Unsigned)ivalue(rb));
          vmbreak;
        }
        Protect(r = picV_arith(L, rb, rb, savestack(L, RA(i)), TM_BNOT));
        if (r == PICV_CALL)
          MMCALL(2, 1);
        vmbreak;
      }
      vmcase(OP_NOT) {
        TValue *rb = vRB(i);
        if (l_isfalse(rb))
          setbtvalue(RA(i));
        else
          setbfvalue(RA(i));
        vmbreak;
      }
      vmcase(OP_LEN) {
        TValue *rb = vRB(i);
        int r;
        if (pic_likely(ttistable(rb)) && pic_likely(hvalue(rb)->metatable == NULL)) {
          setivalue(RA(i), (pic_Integer)picH_getn(hvalue(rb)));
          vmbreak;
        }
        if (ttisstring(rb)) {
          setivalue(RA(i), (pic_Integer)vslen(rb));
          vmbreak;
        }
        Protect(r = picV_objlen(L, savestack(L, RA(i)), vRB(i)));
        if (r == PICV_CALL)
          MMCALL(2, 1);
        vmbreak;
      }
      vmcase(OP_CONCAT) {
        StkId ra = RA(i);
        int n = GETARG_B(i), r;
        L->top = ra + n;
        ProtectNT(r = picV_concat(L, n));
        if (r == PICV_CALL)
          MMCALL(2, 1);
        checkGC(L->top);
        vmbreak;
      }
      vmcase(OP_CLOSE) {
        StkId ra = RA(i);
        int r;
        savestate();
        picF_closeupval(L, ra);
        r = pushclose(L, ra);
        updatebase();
        if (r)
          MMCALL(2, 0);
        vmbreak;
      }
      vmcase(OP_TBC) {
        savestate();
        picD_newtbcupval(L, RA(i));
        vmbreak;
      }
      vmcase(OP_JMP) {
        int off = GETARG_sJ(i);
        pc += off;
        if (off < 0)
          checkfuel();
        vmbreak;
      }
      vmcase(OP_EQ) {
        TValue *ra = RA(i), *rb = vRB(i);
        int cond, r;
        if (pic_likely(rawtt(ra) == rawtt(rb)) && pic_likely(ttisinteger(ra) | ttisshrstring(ra)))
          cond = ttisinteger(ra) ? ivalue(ra) == ivalue(rb) : tsvalue(ra) == tsvalue(rb);
        else if (ttisnumber(ra) && ttisnumber(rb))
          cond = picV_rawequalobj(ra, rb);
        else if (ttislngstring(ra) && ttislngstring(rb)) {   /* no metamethod, no error */
          chargestrings(L, ra, rb);
          cond = picS_eqlngstr(tsvalue(ra), tsvalue(rb));
        } else {
          int c_;   /* cond's address is never taken: it stays in a register */
          Protect(r = picV_equalobj(L, ra, rb, &c_));
          if (r == PICV_CALL)
            MMCALL(2, 1);
          cond = c_;
        }
        docondjump();
        vmbreak;
      }
      vmcase(OP_LT) {
        TValue *ra = RA(i), *rb = vRB(i);
        int cond, r;
        unsigned tags = tagpair(ra, rb);
        if (pic_likely(tags == TAGS_II))
          cond = ivalue(ra) < ivalue(rb);
        else if (pic_likely(tags == TAGS_FF))
          cond = fltvalue(ra) < fltvalue(rb);
        else if (ttisnumber(ra) && ttisnumber(rb))
          cond = LTnum(ra, rb);
        else {
          int c_;
          Protect(r = picV_lessthan(L, ra, rb, &c_));
          if (r == PICV_CALL)
            MMCALL(2, 1);
          cond = c_;
        }
        docondjump();
        vmbreak;
      }
      vmcase(OP_LE) {
        TValue *ra = RA(i), *rb = vRB(i);
        int cond, r;
        unsigned tags = tagpair(ra, rb);
        if (pic_likely(tags == TAGS_II))
          cond = ivalue(ra) <= ivalue(rb);
        else if (pic_likely(tags == TAGS_FF))
          cond = fltvalue(ra) <= fltvalue(rb);
        else if (ttisnumber(ra) && ttisnumber(rb))
          cond = LEnum(ra, rb);
        else {
          int c_;
          Protect(r = picV_lessequal(L, ra, rb, &c_));
          if (r == PICV_CALL)
            MMCALL(2, 1);
          cond = c_;
        }
        docondjump();
        vmbreak;
      }
      vmcase(OP_EQK) {
        TValue *ra = RA(i), *rb = KB(i);
        int cond;
        if (pic_unlikely(rawtt(ra) != rawtt(rb)))   /* equal only as an integer and a float */
          cond = ttisnumber(ra) && ttisnumber(rb) && picV_rawequalobj(ra, rb);
        else if (ttisshrstring(rb))
          cond = tsvalue(ra) == tsvalue(rb);
        else if (ttisinteger(rb))
          cond = ivalue(ra) == ivalue(rb);
        else if (ttisnil(rb) || ttisboolean(rb))   /* x == nil, x ~= false, ... */
          cond = 1;
        else {
          if (ttislngstring(rb))
            chargestrings(L, ra, rb);
          cond = picV_rawequalobj(ra, rb);
        }
        docondjump();
        vmbreak;
      }
      vmcase(OP_EQI) {
        TValue *ra = RA(i);
        int im = GETARG_sB(i), cond;
        if (pic_likely(ttisinteger(ra)))
          cond = ivalue(ra) == im;
        else if (ttisfloat(ra))
          cond = fltvalue(ra) == (pic_Number)im;
        else
          cond = 0;
        docondjump();
        vmbreak;
      }
#define op_orderI(opi, inv, tm) { \
        TValue *ra = RA(i); \
        int im = GETARG_sB(i), cond, r; \
        if (pic_likely(ttisinteger(ra))) \
          cond = ivalue(ra) opi im; \
        else if (ttisfloat(ra)) \
          cond = fltvalue(ra) opi (pic_Number)im; \
        else { \
          TValue aux; \
          int c_; \
          if (GETARG_C(i)) { setfltvalue(&aux, (pic_Number)im); } else { setivalue(&aux, im); } \
          Protect(r = (inv) ? ((tm) == TM_LT ? picV_lessthan(L, &aux, ra, &c_) : picV_lessequal(L, &aux, ra, &c_)) \
                            : ((tm) == TM_LT ? picV_lessthan(L, ra, &aux, &c_) : picV_lessequal(L, ra, &aux, &c_))); \
          if (r == PICV_CALL) \
            MMCALL(2, 1); \
          cond = c_; \
        } \
        docondjump(); \
        vmbreak; }
      vmcase(OP_LTI) op_orderI(<, 0, TM_LT)
      vmcase(OP_LEI) op_orderI(<=, 0, TM_LE)
      vmcase(OP_GTI) op_orderI(>, 1, TM_LT)
      vmcase(OP_GEI) op_orderI(>=, 1, TM_LE)
      vmcase(OP_TEST) {
        int cond = !l_isfalse(RA(i));
        docondjump();
        vmbreak;
      }
      vmcase(OP_TESTSET) {
        TValue *rb = vRB(i);
        if (l_isfalse(rb) == GETARG_k(i))
          pc++;
        else {
          int off = GETARG_sJ(*pc);
          setobj(L, RA(i), rb);
          pc += off + 1;
          if (off < 0)
            checkfuel();
        }
        vmbreak;
      }
      vmcase(OP_CALL) {
        StkId ra = RA(i);
        CallInfo *newci;
        int b = GETARG_B(i);
        int nresults = GETARG_C(i) - 1;
        if (b != 0)
          L->top = ra + b;
        savepc();
        if (pic_likely(ttisLclosure(ra)) && pic_likely(ci->next != NULL)) {   /* fast path: Lua function, frame reused */
          Proto *p = clLvalue(ra)->p;
          if (pic_likely(L->stack_last - L->top > p->maxstacksize)) {
            ci = picD_enterlua(L, ra, p, nresults, 0, ci->extra);
            /* what 'startfunc' would load, already at hand */
            cl = clLvalue(ra);
            k = p->k;
            pc = p->code;
            base = ra + 1;
            enterfuel();
            vmbreak;
          }
        }
        if (ttislcf(ra) && ci->next != NULL && L->stack_last - L->top > PIC_MINSTACK) {
          if (pic_unlikely(G(L)->inlinemask & inlinebit(fvalue(ra))) && L->hookmask == 0) {
            pic_CFunction f = fvalue(ra);
            if (b == 2 && ttisnumber(ra + 1) && mathcall(G(L), f, ra + 1, ra)) {
              inlineresults(ra, 1, nresults);   /* math.floor(x), ... */
              vmbreak;
            }
            if (b == 3 && ttisnumber(ra + 1) && ttisnumber(ra + 2) && minmaxcall(L, f, ra)) {
              inlineresults(ra, 1, nresults);   /* math.min(x, y), math.max(x, y) */
              vmbreak;
            }
            if (f == G(L)->strbytefn && ttisstring(ra + 1) &&
                (b == 2 || (b == 3 && ttisinteger(ra + 2)))) {
              /* s:byte() or s:byte(i): the byte, or no value outside s */
              size_t len = tsslen(tsvalue(ra + 1));
              pic_Integer pos = (b == 2) ? 1 : ivalue(ra + 2);
              size_t first = picS_posfirst(pos, len);
              int n = first <= picS_poslast(pos, len);
              if (n)
                setivalue(ra, (unsigned char)getstr(tsvalue(ra + 1))[first - 1]);
              inlineresults(ra, n, nresults);
              vmbreak;
            }
            if (f == G(L)->strsubfn && ttisstring(ra + 1) &&
                ttisinteger(ra + 2) && (b == 3 || (b == 4 && ttisinteger(ra + 3)))) {
              /* s:sub(i) or s:sub(i, j) */
              TString *ts = tsvalue(ra + 1);
              size_t len = tsslen(ts);
              size_t first = picS_posfirst(ivalue(ra + 2), len);
              size_t last = picS_poslast(b == 4 ? ivalue(ra + 3) : -1, len);
              savepc();   /* making the string may raise "not enough memory" */
              ts = picS_newlstr(L, getstr(ts) + (first <= last ? first - 1 : 0),
                                first <= last ? last - first + 1 : 0);
              setsvalue(L, ra, ts);
              inlineresults(ra, 1, nresults);
              if (nresults >= 0)
                checkGC(L->top);
              picC_checkGC(L);   /* multiple results: L->top stays after them, */
              updatebase();      /* finalizers wait for the next check */
              vmbreak;
            }
            if (f == G(L)->setmtfn && b == 3 && setmtcall(L, ra)) {
              inlineresults(ra, 1, nresults);   /* setmetatable(t, mt) */
              vmbreak;
            }
            if (f == G(L)->pcallfn && L->top - ra >= 2 && ttisLclosure(ra + 1) &&
                ci->next->next != NULL && ci->extra < PICD_MAXCCALLS &&
                L->stack_last - L->top > PIC_MINSTACK + 1 + clLvalue(ra + 1)->p->maxstacksize)
              goto pcalllua;
            if (f == G(L)->coresumefn || f == G(L)->coyieldfn) {
              pic_State *to = f != G(L)->coresumefn ? picD_fastyield(root, L, ra, nresults)
                  : picD_fastresume(root, L, ra,
                                    (L->top - ra >= 2 && ttisthread(ra + 1)) ? thvalue(ra + 1) : NULL,
                                    (int)(L->top - ra) - 2, nresults, G(L)->coresumek);
              if (to != NULL) {   /* coroutine.resume(co, ...), coroutine.yield(...) */
                L = to;
                ci = L->ci;
                goto runcframe;
              }
            }
          }
          /* fast path: a light C function, frame reused (picD_precall's) */
          newci = ci->next;
          newci->extra = ci->extra;
          L->ci = newci;
          picD_runcfunc(L, newci, ra, fvalue(ra), nresults);
        } else {
          if (ttistable(ra) && hvalue(ra)->metatable != NULL) {   /* a callable object */
            const TValue *tm = picT_gettm(hvalue(ra)->metatable, TM_CALL, G(L)->tmname[TM_CALL]);
            if (tm != NULL && ttisLclosure(tm) && ci->next != NULL && L->stack_last - L->top > 1) {
              StkId q;   /* the __call function, then the object and the arguments */
              for (q = L->top; q > ra; q--)
                setobj(L, q, q - 1);
              L->top++;
              setobj(L, ra, tm);   /* (not tryfuncTM's general path) */
              goto precall;
            }
          }
          if (ttisCclosure(ra) && clCvalue(ra)->f == G(L)->typefn && b == 2 &&
              L->hookmask == 0) {   /* type(v): the name the closure keeps */
            setobj(L, ra, &clCvalue(ra)->upvalue[ttype(ra + 1)]);
            inlineresults(ra, 1, nresults);
            vmbreak;
          }
          {
            pic_State *co = wrapco(L, ci, ra);   /* a coroutine.wrap function */
            if (co != NULL &&
                (co = picD_fastresume(root, L, ra, co, (int)(L->top - ra) - 1, nresults,
                                      G(L)->cowrapk)) != NULL) {
              L = co;
              ci = L->ci;
              goto runcframe;
            }
          }
        precall:
          newci = picD_precall(L, ra, nresults);
          if (newci != NULL) {
            ci = newci;
            goto startfunc;
          }
        }
        if (L->cres == PICD_REQUEST)
          goto cres;
        poscall(L, L->ci, L->cres);
        updatebase();
#if defined(__GNUC__)
        dt = disptab;
        if (L->hookmask) {   /* debug.sethook takes effect at once */
          dt = hooktab;
          L->oldpc = (int)(pc - cl->p->code) - 1;
        }
#endif
        if (picC_canfinalize(G(L)) && nresults >= 0) {
          L->top = ci->top;
          return PICV_FIN;
        }
        vmbreak;
      }
      vmcase(OP_TAILCALL) {
        StkId ra = RA(i);
        int b = GETARG_B(i);
        int nparams1 = GETARG_C(i);
        int delta = nparams1 ? ci->u.l.nextraargs + nparams1 : 0;
        if (b != 0)
          L->top = ra + b;
        else
          b = (int)(L->top - ra);
        savepc();
        if (GETARG_k(i))
          picF_closeupval(L, base);
        if (ttisLclosure(ra)) {
          pretailcall(L, ci, ra, b, delta);
          goto startfunc;
        } else {
          /* C functions and __call: an ordinary call; the RETURN that
          ** follows every TAILCALL returns its results */
          CallInfo *newci;
          if (ttislcf(ra) && pic_unlikely(G(L)->inlinemask & inlinebit(fvalue(ra))) &&
              L->hookmask == 0 && tailcalllib(L, ra, b)) {
            inlineresults(ra, 1, PIC_MULTRET);
            vmbreak;
          }
          newci = picD_precall(L, ra, PIC_MULTRET);
          if (newci != NULL) {
            ci = newci;
            goto startfunc;
          }
          if (L->cres == PICD_REQUEST)
            return PICV_CRES;
          picD_poscall(L, L->ci, L->cres);
          updatebase();
          vmbreak;
        }
      }
      vmcase(OP_RETURN) {
        StkId ra = RA(i);
        int n = GETARG_B(i) - 1;
        int nparams1 = GETARG_C(i);
        if (n < 0) {
          n = (int)(L->top - ra);
          chargecopy(L, n);
        }
        savepc();
        if (GETARG_k(i)) {
          int r;
          ci->nres = n;
          if (L->top < ci->top)
            L->top = ci->top;
          picF_closeupval(L, base);
          r = pushclose(L, base);
          updatebase();
          if (r)
            MMCALL(2, 0);
          ra = RA(i);
        }
        if (nparams1)
          ci->func -= ci->u.l.nextraargs + nparams1;
        L->top = ra + n;
        if (pic_unlikely(ci->callstatus & SPECIALRET)) {
          if ((ci->callstatus & SPECIALRET) == CIST_FINOP) {
            StkId dest;
            if (ci->nresults == 1 && (dest = finopdest(ci->previous)) != NULL) {
              if (n > 0) {   /* the interrupted instruction's result */
                setobj(L, dest, ra);
              } else {
                setnilvalue(dest);
              }
              L->top = ci->func;   /* as poscall and picV_finishop leave it */
              ci = L->ci = ci->previous;
              goto returnlua;
            }
            finopreturn(n);
          }
          L->cres = n;
          if ((ci->callstatus & SPECIALRET) == CIST_CRET)
            goto returnc;
          return PICV_RET;
        }
        poscall(L, ci, n);
        ci = L->ci;
        goto returnlua;
      }
      vmcase(OP_RETURN0) {
        int nres;
        if (pic_unlikely(ci->callstatus & SPECIALRET)) {
          if ((ci->callstatus & SPECIALRET) == CIST_FINOP) {
            if (ci->nresults == 0 && finopisset(ci->previous)) {   /* __newindex done */
              L->top = base - 1;   /* as poscall and picV_finishop leave it */
              ci = L->ci = ci->previous;
              goto returnlua;
            }
            L->top = base;
            finopreturn(0);
          }
          L->top = base;
          savepc();
          L->cres = 0;
          if ((ci->callstatus & SPECIALRET) == CIST_CRET)
            goto returnc;
          return PICV_RET;
        }
        L->ci = ci->previous;
        L->top = base - 1;
        for (nres = ci->nresults; nres > 0; nres--)
          setnilvalue(L->top++);
        ci = L->ci;
        goto returnlua;
      }
      vmcase(OP_RETURN1) {
        int nres = ci->nresults;
        if (pic_unlikely(ci->callstatus & SPECIALRET)) {
          if ((ci->callstatus & SPECIALRET) == CIST_FINOP) {
            StkId dest;
            if (nres == 1 && (dest = finopdest(ci->previous)) != NULL) {
              setobj(L, dest, RA(i));   /* the interrupted instruction's result */
              L->top = base - 1;   /* as poscall and picV_finishop leave it */
              ci = L->ci = ci->previous;
              goto returnlua;
            }
            L->top = RA(i) + 1;
            finopreturn(1);
          }
          L->top = RA(i) + 1;
          savepc();
          L->cres = 1;
          if ((ci->callstatus & SPECIALRET) == CIST_CRET)
            goto returnc;
          return PICV_RET;
        }
        L->ci = ci->previous;
        if (pic_likely(nres == 1)) {
          setobj(L, base - 1, RA(i));
          L->top = base;
        } else if (nres == 0)
          L->top = base - 1;
        else {
          setobj(L, base - 1, RA(i));
          L->top = base;
          for (; nres > 1; nres--)
            setnilvalue(L->top++);
        }
        ci = L->ci;
        goto returnlua;
      }
      vmcase(OP_FORLOOP) {
        StkId ra = RA(i);
        if (ttisinteger(ra + 2)) {
          pic_Unsigned count = (pic_Unsigned)ivalue(ra + 1);
          if (count > 0) {
            pic_Integer step = ivalue(ra + 2);
            pic_Integer idx = ivalue(ra);
            /* full stores (tags too): a hostile image may have put another
            ** value in these registers, whose tag must not survive */
            setivalue(ra + 1, (pic_Integer)(count - 1));
            idx = intop(+, idx, step);
            setivalue(ra, idx);
            setivalue(ra + 3, idx);
            pc -= GETARG_Bx(i);
            checkfuel();
          }
        } else if (floatforloop(ra)) {
          pc -= GETARG_Bx(i);
          checkfuel();
        }
        vmbreak;
      }
      vmcase(OP_FORPREP) {
        StkId ra = RA(i);
        int skip;
        if (ttisinteger(ra) && ttisinteger(ra + 1) && ttisinteger(ra + 2) && ivalue(ra + 2) != 0) {
          /* forprep's all-integer case inline: ra + 1 becomes the iteration count */
          pic_Integer init = ivalue(ra), limit = ivalue(ra + 1), step = ivalue(ra + 2);
          setivalue(ra + 3, init);
          if (step > 0 ? init > limit : init < limit) {
            pc += GETARG_Bx(i) + 1;
            vmbreak;
          }
          setivalue(ra + 1, (pic_Integer)forcount(init, limit, step));
          vmbreak;
        }
        Protect(skip = forprep(L, ra));
        if (skip)
          pc += GETARG_Bx(i) + 1;
        vmbreak;
      }
      vmcase(OP_TFORPREP) {
        savestate();
        picD_newtbcupval(L, RA(i) + 3);
        updatebase();
        pc += GETARG_Bx(i);
        vmbreak;
      }
/* Ends an inline ipairs/next step of TFORCALL that produced a pair by
** running the TFORLOOP that follows every TFORCALL (the verifier checks the
** pair): the loop goes on, so it jumps back at once, saving a dispatch.
** With hooks set TFORLOOP is dispatched, for its line and count events. */
#if defined(__GNUC__)
#define tforcontinue(ra) { \
    if (dt == disptab) { \
      Instruction ni_ = *pc++; \
      setobj(L, (ra) + 2, (ra) + 4); \
      pc -= GETARG_Bx(ni_); \
      checkfuel(); \
    } \
    vmbreak; }
#else
#define tforcontinue(ra) vmbreak
#endif
      vmcase(OP_TFORCALL) {
        StkId ra = RA(i);
        CallInfo *newci;
        if (ttislcf(ra) && ttistable(ra + 1) && !(L->hookmask & (PIC_MASKCALL | PIC_MASKRET))) {
          /* ipairs/pairs over a table, unless hooks want to see the calls */
          Table *h = hvalue(ra + 1);
          int nres = GETARG_C(i);
          if (fvalue(ra) == G(L)->ipairsfn && ttisinteger(ra + 2)) {
            pic_Integer n = (pic_Integer)((pic_Unsigned)ivalue(ra + 2) + 1u);
            const TValue *slot = picH_fastgeti(h, n);
            if (!isempty(slot)) {
              setivalue(ra + 4, n);
              if (nres > 1)
                setobj(L, ra + 5, slot);
              nilresults(ra, 2, nres);
              tforcontinue(ra);
            }
            if (h->metatable == NULL) {   /* else __index may answer: call */
              nilresults(ra, 0, nres);
              vmbreak;
            }
          } else if (fvalue(ra) == G(L)->nextfn) {
            int r;
            setobj(L, ra + 4, ra + 2);
            r = picH_trynext(h, ra + 4);   /* writes ra + 4 and ra + 5 */
            if (r > 0) {
              nilresults(ra, 2, nres);
              tforcontinue(ra);
            }
            if (r == 0) {
              nilresults(ra, 0, nres);
              vmbreak;
            }
            /* an invalid key: the call raises next's own error */
          }
        }
        setobj(L, ra + 4, ra);
        setobj(L, ra + 5, ra + 1);
        setobj(L, ra + 6, ra + 2);
        L->top = ra + 4 + 3;
        savepc();
        {
          pic_State *co = wrapco(L, ci, ra + 4);   /* for v in coroutine.wrap(f) */
          if (co != NULL &&
              (co = picD_fastresume(root, L, ra + 4, co, 2, GETARG_C(i), G(L)->cowrapk)) != NULL) {
            L = co;
            ci = L->ci;
            goto runcframe;
          }
        }
        /* an iterator call counts as a C level, as lua5.4's luaD_call from
        ** TFORCALL: iterators running generic fors inside stop as there */
        if (pic_unlikely(ci->extra >= PICD_MAXCCALLS))
          picG_runerror(L, "C stack overflow");
        newci = picD_precall(L, ra + 4, GETARG_C(i));
        if (newci != NULL) {
          newci->extra++;
          ci = newci;
          goto startfunc;
        }
        if (L->cres == PICD_REQUEST)
          goto cres;
        picD_poscall(L, L->ci, L->cres);
        updatebase();
        vmbreak;
      }
      vmcase(OP_TFORLOOP) {
        StkId ra = RA(i);
        if (!ttisnil(ra + 4)) {
          setobj(L, ra + 2, ra + 4);
          pc -= GETARG_Bx(i);
          checkfuel();
        }
        vmbreak;
      }
      vmcase(OP_SETLIST) {
        StkId ra = RA(i);
        int n = GETARG_B(i);
        unsigned last = (unsigned)GETARG_C(i);
        Table *h;
        if (pic_unlikely(!ttistable(ra))) {   /* only a hostile image gets here */
          savestate();
          picG_runerror(L, "bad bytecode: SETLIST on a %s value", picT_objtypename(L, ra));
        }
        h = hvalue(ra);
        if (n == 0)
          n = (int)(L->top - ra) - 1;
        else
          L->top = ci->top;
        last += (unsigned)n;
        if (GETARG_k(i)) {
          last += (unsigned)GETARG_Ax(*pc) * (FMT_MAXARG_C + 1);
          pc++;
        }
        chargecopy(L, n);
        if (last > picH_realasize(h)) {
          ProtectNT(picH_resizearray(L, h, last));
          ra = RA(i);
        }
        for (; n > 0; n--) {
          TValue *val = ra + n;
          setobj(L, &h->array[last - 1], val);
          last--;
          picC_barrierback(L, h, val);
        }
        vmbreak;
      }
      vmcase(OP_CLOSURE) {
        StkId ra = RA(i);
        Proto *p = cl->p->p[GETARG_Bx(i)];
        savestate();
        pushclosure(L, p, cl->upvals, base, ra);
        updatebase();
        checkGC(RA(i) + 1);
        vmbreak;
      }
      vmcase(OP_VARARG) {
        int n = GETARG_C(i) - 1;
        Protect(getvarargs(L, ci, RA(i), n));
        vmbreak;
      }
      vmcase(OP_VARARGPREP) {
        ProtectNT(adjustvarargs(L, GETARG_A(i), ci, cl->p));
        vmbreak;
      }
      vmcase(OP_EXTRAARG) {
        vmbreak;
      }
      vmcase(OP_GETTABUPR)
      gettabupr:
        op_gettable(cl->upvals[GETARG_B(i)]->v, vRC(i), OP_GETTABUPRN)
      vmcase(OP_SETTABUPR)
      settabupr:
        op_settable(cl->upvals[GETARG_A(i)]->v, vRB(i), OP_SETTABUPRN)
      vmcase(OP_GETTABUPRN) op_gettablen(cl->upvals[GETARG_B(i)]->v, vRC(i), OP_GETTABUPR, gettabupr)
      vmcase(OP_SETTABUPRN) op_settablen(cl->upvals[GETARG_A(i)]->v, vRB(i), OP_SETTABUPR, settabupr)
    }
#if !defined(__GNUC__)
  }
#endif
returnc:
  /* A Lua frame called by a C function (CIST_CRET alone) returned L->cres
  ** results on top. The driver's common path, taken here without leaving
  ** the executor when nothing needs the driver (hooks off, fuel left, a
  ** plain C frame): pop the frame, run the C frame's continuation
  ** (picD_runc), then enter the Lua function it calls next or return its
  ** results to a Lua caller. Otherwise the driver takes over from a state
  ** it starts from (L->ci a C frame to run, or one with a request). */
  ci = picD_fastreturn(L, ci, L->cres);
runcframe:   /* ci (L->ci) is a C frame to run */
  if (L->hookmask != 0 || L->fuel <= 0 || (ci->callstatus & (SLOWRET | CIST_HOOKED)))
    return PICV_CRES;
  {
    int n = picD_runc(L, ci);
    if (n == PICD_FASTCALL) {
      ci = L->ci;
      goto startfunc;
    }
    if (n == PICD_REQUEST)
      goto cres;
    ci = picD_fastreturn(L, L->ci, n);   /* its SLOWRET bits were checked above */
    if (!isLua(ci))
      return picC_canfinalize(G(L)) ? PICV_FIN : PICV_CRES;
    goto returning;
  }
pcalllua:
  /* CALL of pcall(f, ...) with f a Lua function, hooks off, two CallInfos,
  ** the stack and the C-call depth available (checked by CALL): pcall's
  ** frame and request as base_pcall, pic_pcallk and picD_fastcallreq would
  ** leave them (true inserted below f, the frame protected with no message
  ** handler, its continuation pending), then f entered. */
  {
    StkId ra = RA(i), q;
    CallInfo *pci = ci->next;
    for (q = L->top; q > ra + 1; q--)
      setobj2s(L, q, q - 1);
    setbtvalue(ra + 1);
    L->top++;
    pci->func = ra;
    pci->nresults = GETARG_C(i) - 1;
    pci->callstatus = CIST_C;
    pci->top = L->top + PIC_MINSTACK;
    pci->extra = ci->extra;
    pci->nres = -1;
    pci->u.c.k = G(L)->pcallk;
    pci->u.c.ctx = 0;
    pci->u.c.status = PIC_OK;
    picD_protect(L, pci, ra + 2, 0);
    L->ci = pci;
    L->fuel--;   /* as picD_runcfunc charges a C call */
    ci = picD_enterlua(L, ra + 2, clLvalue(ra + 2)->p, PIC_MULTRET, CIST_CRET,
                       (unsigned short)(pci->extra + 1));
    goto startfunc;
  }
cres:
  /* L->ci is a C frame whose function or continuation returned a request.
  ** Served here: a call of a Lua function (pcall, sort, gsub: enter it) and,
  ** hooks off, a coroutine switch (go on in the other thread with the C
  ** frame it resumes at); the driver serves the rest. */
  if (L->ci->callstatus & CIST_REQ) {
    pic_State *to;
    if (picD_fastcallreq(L, L->ci)) {
      ci = L->ci;
      goto startfunc;
    }
    if (L->hookmask == 0 && (to = picD_fastswitch(root, L)) != NULL) {
      L = to;
      ci = L->ci;
      goto runcframe;
    }
  }
  return PICV_CRES;
newframe:
  if (isLua(L->ci)) {
    ci = L->ci;
    goto startfunc;
  }
  return PICV_CRES;
}
