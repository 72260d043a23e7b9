/*
** pdebug.c -- error messages naming variables ("local 'x'", "field 'y'"),
** "chunk:line:" positions and tracebacks, as Lua 5.4's ldebug.c/lauxlib.c
** produce them. Module: runtime (prefix picG_).
** Names come from symbolic execution of the bytecode up to the current pc
** (findsetreg/getobjname); stripped images yield "?" names.
*/
#include <stdarg.h>
#include <string.h>

#include "runtime/pdebug.h"
#include "runtime/pdo.h"
#include "runtime/pfunc.h"
#include "runtime/pstring.h"
#include "runtime/ptable.h"
#include "runtime/ptm.h"
#include "runtime/pvm.h"

#define LEVELS1 10
#define LEVELS2 11

static const char *pushfstr(pic_State *L, const char *fmt, ...) {
  const char *s;
  va_list argp;
  va_start(argp, fmt);
  s = picO_pushvfstring(L, fmt, argp);
  va_end(argp);
  return s;
}

static int currentpc(CallInfo *ci) {
  return (int)(ci->u.l.savedpc - ci_func(ci)->p->code) - 1;
}

int picG_currentline(CallInfo *ci) {
  Proto *p = ci_func(ci)->p;
  int pc = currentpc(ci);
  if (p->lineinfo == NULL || p->sizelineinfo == 0)
    return -1;
  if (pc < 0)
    pc = 0;
  if (pc >= p->sizelineinfo)
    pc = p->sizelineinfo - 1;
  return p->lineinfo[pc];
}

static void chunkid(char *buff, const Proto *p) {
  if (p->source)
    picO_chunkid(buff, getstr(p->source), tsslen(p->source));
  else {
    buff[0] = '?';
    buff[1] = '\0';
  }
}

_Noreturn void picG_runerror(pic_State *L, const char *fmt, ...) {
  CallInfo *ci = L->ci;
  const char *msg;
  va_list argp;
  if (L->stack_last - L->top <= 3)
    picD_growstack(L, 3);
  va_start(argp, fmt);
  msg = picO_pushvfstring(L, fmt, argp);
  va_end(argp);
  if (isLua(ci)) {
    char buff[PIC_IDSIZE];
    chunkid(buff, ci_func(ci)->p);
    pushfstr(L, "%s:%d: %s", buff, picG_currentline(ci), msg);
    setobj(L, L->top - 2, L->top - 1);
    L->top--;
  }
  picD_throw(L, PIC_ERRRUN);
}

/* ---- symbolic execution (ldebug.c's getobjname) ---- */

static const char *upvalname(const Proto *p, int uv) {
  TString *s = uv < p->sizeupvalues ? p->upvalues[uv].name : NULL;
  return s == NULL ? "?" : getstr(s);
}

static int setsA(fmt_OpCode op) {
  switch (op) {
    case OP_SETUPVAL: case OP_SETTABUP: case OP_SETTABLE: case OP_SETI:
    case OP_SETFIELD: case OP_SETTABUPR: case OP_MMBIN: case OP_MMBINI: case OP_MMBINK:
    case OP_CLOSE: case OP_TBC: case OP_JMP: case OP_EQ: case OP_LT:
    case OP_LE: case OP_EQK: case OP_EQI: case OP_LTI: case OP_LEI:
    case OP_GTI: case OP_GEI: case OP_TEST: case OP_RETURN:
    case OP_RETURN0: case OP_RETURN1: case OP_TFORPREP: case OP_TFORCALL:
    case OP_SETLIST: case OP_EXTRAARG:
      return 0;
    default:
      return 1;
  }
}

static int isMM(fmt_OpCode op) {
  return op == OP_MMBIN || op == OP_MMBINI || op == OP_MMBINK;
}

static int findsetreg(const Proto *p, int lastpc, int reg) {
  int pc, setreg = -1, jmptarget = 0;
  if (isMM(GET_OPCODE(p->code[lastpc])))
    lastpc--;
  for (pc = 0; pc < lastpc; pc++) {
    Instruction i = p->code[pc];
    fmt_OpCode op = fmt_baseop(GET_OPCODE(i));   /* quickened twins as their base */
    int a = GETARG_A(i), change;
    switch (op) {
      case OP_LOADNIL:
        change = (a <= reg && reg <= a + GETARG_B(i));
        break;
      case OP_TFORCALL:
        change = (reg >= a + 2);
        break;
      case OP_CALL:
      case OP_TAILCALL:
        change = (reg >= a);
        break;
      case OP_JMP: {
        int dest = pc + 1 + GETARG_sJ(i);
        if (dest <= lastpc && dest > jmptarget)
          jmptarget = dest;
        change = 0;
        break;
      }
      default:
        change = setsA(op) && reg == a;
        break;
    }
    if (change)
      setreg = pc < jmptarget ? -1 : pc;
  }
  return setreg;
}

static const char *getobjname(const Proto *p, int lastpc, int reg, const char **name);

static void kname(const Proto *p, int c, const char **name) {
  const TValue *kv = c < p->sizek ? &p->k[c] : NULL;
  *name = (kv && ttisstring(kv)) ? svalue(kv) : "?";
}

static void rname(const Proto *p, int pc, int c, const char **name) {
  const char *what = getobjname(p, pc, c, name);
  if (!(what && *what == 'c'))
    *name = "?";
}

static const char *gxf(const Proto *p, int pc, Instruction i, int isup) {
  int t = GETARG_B(i);
  const char *name = NULL;
  if (isup)
    name = upvalname(p, t);
  else
    getobjname(p, pc, t, &name);
  return (name && strcmp(name, "_ENV") == 0) ? "global" : "field";
}

static const char *getobjname(const Proto *p, int lastpc, int reg, const char **name) {
  int pc;
  *name = picF_getlocalname(p, reg + 1, lastpc);
  if (*name)
    return "local";
  pc = findsetreg(p, lastpc, reg);
  if (pc != -1) {
    Instruction i = p->code[pc];
    switch (fmt_baseop(GET_OPCODE(i))) {
      case OP_MOVE: {
        int b = GETARG_B(i);
        if (b < GETARG_A(i))
          return getobjname(p, pc, b, name);
        break;
      }
      case OP_GETTABUP:
        kname(p, GETARG_C(i), name);
        return gxf(p, pc, i, 1);
      case OP_GETTABLE:
        rname(p, pc, GETARG_C(i), name);
        return gxf(p, pc, i, 0);
      case OP_GETTABUPR:
        rname(p, pc, GETARG_C(i), name);
        return gxf(p, pc, i, 1);
      case OP_GETI:
        *name = "integer index";
        return "field";
      case OP_GETFIELD:
        kname(p, GETARG_C(i), name);
        return gxf(p, pc, i, 0);
      case OP_GETUPVAL:
        *name = upvalname(p, GETARG_B(i));
        return "upvalue";
      case OP_LOADK:
      case OP_LOADKX: {
        int b = GET_OPCODE(i) == OP_LOADK ? GETARG_Bx(i) : GETARG_Ax(p->code[pc + 1]);
        if (b < p->sizek && ttisstring(&p->k[b])) {
          *name = svalue(&p->k[b]);
          return "constant";
        }
        break;
      }
      case OP_SELF:
        if (GETARG_k(i))
          kname(p, GETARG_C(i), name);
        else
          rname(p, pc, GETARG_C(i), name);
        return "method";
      default:
        break;
    }
  }
  return NULL;
}

static const char *funcnamefromcode(pic_State *L, const Proto *p, int pc, const char **name) {
  TMS tm;
  Instruction i = p->code[pc];
  switch (fmt_baseop(GET_OPCODE(i))) {
    case OP_CALL:
    case OP_TAILCALL:
      return getobjname(p, pc, GETARG_A(i), name);
    case OP_TFORCALL:
      *name = "for iterator";
      return "for iterator";
    case OP_SELF: case OP_GETTABUP: case OP_GETTABLE: case OP_GETI: case OP_GETFIELD:
    case OP_GETTABUPR:
      tm = TM_INDEX;
      break;
    case OP_SETTABUP: case OP_SETTABLE: case OP_SETI: case OP_SETFIELD:
    case OP_SETTABUPR:
      tm = TM_NEWINDEX;
      break;
    case OP_MMBIN: case OP_MMBINI: case OP_MMBINK:
      tm = (TMS)(TM_ADD + GETARG_C(i));
      break;
    case OP_UNM: tm = TM_UNM; break;
    case OP_BNOT: tm = TM_BNOT; break;
    case OP_LEN: tm = TM_LEN; break;
    case OP_CONCAT: tm = TM_CONCAT; break;
    case OP_EQ: tm = TM_EQ; break;
    case OP_LT: case OP_LTI: case OP_GTI: tm = TM_LT; break;
    case OP_LE: case OP_LEI: case OP_GEI: tm = TM_LE; break;
    case OP_CLOSE: case OP_RETURN: tm = TM_CLOSE; break;
    default:
      return NULL;
  }
  *name = getstr(G(L)->tmname[tm]) + 2;
  return "metamethod";
}

/* Name of the function called by frame [ci] (its current call instruction). */
static const char *funcnamefromcall(pic_State *L, CallInfo *ci, const char **name) {
  if (ci->callstatus & CIST_FIN) {
    *name = "__gc";
    return "metamethod";
  }
  if (picG_ishookframe(L, ci)) {   /* the hook function calls the Lua hook */
    *name = "?";
    return "hook";
  }
  if (isLua(ci))
    return funcnamefromcode(L, ci_func(ci)->p, currentpc(ci), name);
  return NULL;
}

static const char *getfuncname(pic_State *L, CallInfo *ci, const char **name) {
  /* (a thread's base calls nothing by name, except a finalizer at close) */
  if (ci != NULL && ci != &L->base_ci && !(ci->callstatus & CIST_TAIL) && ci->previous != NULL &&
      (ci->previous != &L->base_ci || (ci->previous->callstatus & CIST_FIN)))
    return funcnamefromcall(L, ci->previous, name);
  return NULL;
}

static const char *formatvarinfo(pic_State *L, const char *kind, const char *name) {
  if (kind == NULL)
    return "";
  return pushfstr(L, " (%s '%s')", kind, name);
}

static const char *varinfo(pic_State *L, const TValue *o) {
  CallInfo *ci = L->ci;
  const char *name = NULL, *kind = NULL;
  if (isLua(ci)) {
    LClosure *c = ci_func(ci);
    int i;
    for (i = 0; i < c->nupvalues; i++) {
      if (c->upvals[i]->v == o) {
        name = upvalname(c->p, i);
        kind = "upvalue";
        break;
      }
    }
    if (!kind && o >= ci->func + 1 && o < ci->top)
      kind = getobjname(c->p, currentpc(ci), (int)(o - (ci->func + 1)), &name);
  }
  return formatvarinfo(L, kind, name);
}

static _Noreturn void typeerror(pic_State *L, const TValue *o, const char *op, const char *extra) {
  const char *t = picT_objtypename(L, o);
  picG_runerror(L, "attempt to %s a %s value%s", op, t, extra);
}

_Noreturn void picG_typeerror(pic_State *L, const TValue *o, const char *op) {
  typeerror(L, o, op, varinfo(L, o));
}

_Noreturn void picG_callerror(pic_State *L, const TValue *o) {
  const char *name = NULL;
  const char *kind = funcnamefromcall(L, L->ci, &name);
  const char *extra = kind ? formatvarinfo(L, kind, name) : varinfo(L, o);
  typeerror(L, o, "call", extra);
}

_Noreturn void picG_forerror(pic_State *L, const TValue *o, const char *what) {
  picG_runerror(L, "bad 'for' %s (number expected, got %s)", what, picT_objtypename(L, o));
}

_Noreturn void picG_concaterror(pic_State *L, const TValue *p1, const TValue *p2) {
  if (ttisstring(p1) || ttisnumber(p1))
    p1 = p2;
  picG_typeerror(L, p1, "concatenate");
}

_Noreturn void picG_opinterror(pic_State *L, const TValue *p1, const TValue *p2, const char *msg) {
  if (!ttisnumber(p1))
    p2 = p1;
  picG_typeerror(L, p2, msg);
}

_Noreturn void picG_tointerror(pic_State *L, const TValue *p1, const TValue *p2) {
  pic_Integer temp;
  if (!picV_tointegerns(p1, &temp, 0))
    p2 = p1;
  picG_runerror(L, "number%s has no integer representation", varinfo(L, p2));
}

_Noreturn void picG_ordererror(pic_State *L, const TValue *p1, const TValue *p2) {
  const char *t1 = picT_objtypename(L, p1);
  const char *t2 = picT_objtypename(L, p2);
  if (strcmp(t1, t2) == 0)
    picG_runerror(L, "attempt to compare two %s values", t1);
  else
    picG_runerror(L, "attempt to compare %s with %s", t1, t2);
}

const char *picG_localname(pic_State *L, CallInfo *ci, StkId o) {
  (void)L;
  if (!isLua(ci))
    return NULL;
  return picF_getlocalname(ci_func(ci)->p, (int)(o - ci->func), currentpc(ci));
}

/* ---- levels and names ---- */

int picG_ishookframe(pic_State *L, CallInfo *ci) {
  (void)L;   /* the hook's frame sits right on the frame it interrupted,
             ** whatever the hook is now (it may have changed it) */
  return (ci->callstatus & CIST_C) && ci->previous != NULL &&
         (ci->previous->callstatus & CIST_HOOKED);
}

CallInfo *picG_getlevel(pic_State *L, int level) {
  CallInfo *ci;
  if (level < 0)
    return NULL;
  for (ci = L->ci; ci != &L->base_ci; ci = ci->previous) {
    if (picG_ishookframe(L, ci))
      continue;
    if (level == 0)
      return ci;
    level--;
  }
  return NULL;
}


const char *picG_funcname(pic_State *L, int level, const char **name) {
  CallInfo *ci = picG_getlevel(L, level);
  *name = NULL;
  return ci ? getfuncname(L, ci, name) : NULL;
}

/* Pushes "mod.name" of a function found in package.loaded ("_G." dropped);
** returns 0 pushing nothing when not found. */
static int pushglobalfuncname(pic_State *L, const TValue *fp) {
  TValue fv = *fp;
  const TValue *f = &fv;
  const TValue *reg = &G(L)->l_registry;
  const TValue *loaded;
  Table *lt;
  StkId k1;
  if (!ttistable(reg))
    return 0;
  loaded = picH_getstr(hvalue(reg), picS_new(L, "_LOADED"));
  if (!ttistable(loaded))
    return 0;
  lt = hvalue(loaded);
  picD_checkstack(L, 4);
  k1 = L->top;
  setnilvalue(k1);
  L->top += 2;
  while (picH_next(L, lt, k1)) {
    if (ttisstring(k1) && ttistable(k1 + 1)) {
      Table *mod = hvalue(k1 + 1);
      StkId k2 = L->top;
      setnilvalue(k2);
      L->top += 2;
      while (picH_next(L, mod, k2)) {
        if (ttisstring(k2) && picV_rawequalobj(k2 + 1, f)) {
          const char *mname = svalue(k1);
          if (strcmp(mname, "_G") == 0)
            setobj(L, k1, k2)
          else {
            pushfstr(L, "%s.%s", mname, svalue(k2));
            setobj(L, k1, L->top - 1);
          }
          L->top = k1 + 1;
          return 1;
        }
      }
      L->top = k2;
    }
  }
  L->top = k1;
  return 0;
}

int picG_argerror(pic_State *L, int arg, const char *extramsg) {
  const char *name = NULL;
  const char *kind;
  CallInfo *ci = L->ci;
  if (ci == &L->base_ci) {
    pushfstr(L, "bad argument #%d (%s)", arg, extramsg);
    pic_error(L);
  }
  kind = getfuncname(L, ci, &name);
  if (kind && strcmp(kind, "method") == 0) {
    arg--;
    if (arg == 0) {
      pic_where(L, 1);
      pushfstr(L, "calling '%s' on bad self (%s)", name, extramsg);
      pic_concat_raw(L, 2);
      return pic_error(L);
    }
  }
  if (name == NULL)
    name = pushglobalfuncname(L, ci->func) ? svalue(L->top - 1) : "?";
  pic_where(L, 1);
  pushfstr(L, "bad argument #%d to '%s' (%s)", arg, name, extramsg);
  pic_concat_raw(L, 2);
  return pic_error(L);
}

void pic_where(pic_State *L, int level) {
  CallInfo *ci = picG_getlevel(L, level);
  if (ci && isLua(ci)) {
    int line = picG_currentline(ci);
    if (line > 0) {
      char buff[PIC_IDSIZE];
      chunkid(buff, ci_func(ci)->p);
      pushfstr(L, "%s:%d: ", buff, line);
      return;
    }
  }
  pic_pushstring(L, "");
}

/* The highest valid level of [L] (as lauxlib's lastlevel): levels count
** from 0 and skip hook frames, as picG_getlevel does. */
static int lastlevel(pic_State *L) {
  int n = 0;
  CallInfo *ci;
  for (ci = L->ci; ci != &L->base_ci; ci = ci->previous)
    if (!picG_ishookframe(L, ci))
      n++;
  return n - 1;
}

/* Appends the description of frame [ci] of [L1] to the string on top of L. */
static void describe(pic_State *L, pic_State *L1, CallInfo *ci) {
  const char *name = NULL, *kind;
  char buff[PIC_IDSIZE];
  int line = -1;
  if (isLua(ci)) {
    chunkid(buff, ci_func(ci)->p);
    line = picG_currentline(ci);
  } else {
    strcpy(buff, "[C]");
  }
  if (line > 0)
    pushfstr(L, "\n\t%s:%d: in ", buff, line);
  else
    pushfstr(L, "\n\t%s: in ", buff);
  kind = getfuncname(L1, ci, &name);
  if (pushglobalfuncname(L, ci->func)) {
    pushfstr(L, "function '%s'", svalue(L->top - 1));
    setobj(L, L->top - 2, L->top - 1);
    L->top--;
  } else if (kind != NULL) {
    pushfstr(L, "%s '%s'", kind, name);
  } else if (isLua(ci) && ci_func(ci)->p->linedefined == 0) {
    pic_pushstring(L, "main chunk");
  } else if (isLua(ci)) {
    pushfstr(L, "function <%s:%d>", buff, ci_func(ci)->p->linedefined);
  } else {
    pic_pushstring(L, "?");
  }
  if (ci->callstatus & CIST_TAIL) {
    pic_pushstring(L, "\n\t(...tail calls...)");
    pic_concat_raw(L, 4);
  } else {
    pic_concat_raw(L, 3);
  }
}

void pic_traceback(pic_State *L, pic_State *L1, const char *msg, int level) {
  int last = lastlevel(L1);
  int limit2show = (last - level > LEVELS1 + LEVELS2) ? LEVELS1 : -1;
  CallInfo *ci;
  if (msg)
    pushfstr(L, "%s\nstack traceback:", msg);
  else
    pic_pushstring(L, "stack traceback:");
  while ((ci = picG_getlevel(L1, level++)) != NULL) {
    if (limit2show-- == 0) {
      int n = last - level - LEVELS2 + 1;
      pushfstr(L, "\n\t...\t(skipping %d levels)", n);
      pic_concat_raw(L, 2);
      level += n;
    } else {
      describe(L, L1, ci);
    }
  }
}
