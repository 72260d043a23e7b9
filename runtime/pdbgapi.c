/*
** pdbgapi.c -- the public debug interface of picdebug.h over the frames,
** prototypes and closures: stack levels, function info, locals, upvalues.
** Module: runtime (public API, prefix pic_). Names and lines come from pdebug.c.
*/
#include <string.h>

#include "runtime/pdebug.h"
#include "runtime/pfunc.h"
#include "runtime/pgc.h"
#include "runtime/picdebug.h"
#include "runtime/pobject.h"
#include "runtime/pstate.h"

_Static_assert(PIC_DEBUG_IDSIZE == PIC_IDSIZE, "short_src must hold a chunk id");

int pic_getstack(pic_State *L, int level, pic_Debug *ar) {
  CallInfo *ci = picG_getlevel(L, level);
  if (ci == NULL)
    return 0;
  ar->i_ci = ci;
  return 1;
}

void pic_sethook(pic_State *L, pic_CFunction f, int mask, int count) {
  if (f == NULL || (mask == 0 && count <= 0)) {
    mask = 0;
    f = NULL;
  }
  if (count > 0)
    mask |= PIC_MASKCOUNT;
  else
    mask &= ~PIC_MASKCOUNT;
  L->hookf = f;
  L->basehookcount = count > 0 ? count : 0;
  L->hookcount = L->basehookcount;
  L->hookmask = (uint8_t)mask;
}

/* Call level of frame [ci] in [L] (0 = L->ci). */
static int levelof(pic_State *L, CallInfo *ci) {
  int level = 0;
  CallInfo *c;
  for (c = L->ci; c != ci && c != &L->base_ci; c = c->previous)
    if (!picG_ishookframe(L, c))
      level++;
  return level;
}

static void funcinfo(pic_Debug *ar, const TValue *fv) {
  if (!ttisLclosure(fv)) {
    ar->source = "=[C]";
    ar->srclen = 4;
    ar->linedefined = -1;
    ar->lastlinedefined = -1;
    ar->what = "C";
  } else {
    const Proto *p = clLvalue(fv)->p;
    if (p->source) {
      ar->source = getstr(p->source);
      ar->srclen = tsslen(p->source);
    } else {
      ar->source = "=?";
      ar->srclen = 2;
    }
    ar->linedefined = p->linedefined;
    ar->lastlinedefined = p->lastlinedefined;
    ar->what = ar->linedefined == 0 ? "main" : "Lua";
  }
  picO_chunkid(ar->short_src, ar->source, ar->srclen);
}

static void upinfo(pic_Debug *ar, const TValue *fv) {
  if (ttisLclosure(fv)) {
    const Proto *p = clLvalue(fv)->p;
    ar->nups = clLvalue(fv)->nupvalues;
    ar->isvararg = (char)p->is_vararg;
    ar->nparams = p->numparams;
  } else {
    ar->nups = ttisCclosure(fv) ? clCvalue(fv)->nupvalues : 0;
    ar->isvararg = 1;
    ar->nparams = 0;
  }
}

/* Pushes the set of lines holding code of the function at stack index
** [fidx] (Lua's collectvalidlines: a vararg function's VARARGPREP is left
** out), or nil for a C function. */
static void pushvalidlines(pic_State *L, int fidx) {
  const TValue *fv = L->ci->func + fidx;
  const Proto *p;
  int i;
  if (!ttisLclosure(fv)) {
    pic_pushnil(L);
    return;
  }
  pic_createtable(L, 0, 0);
  p = clLvalue(L->ci->func + fidx)->p;  /* the table is pushed: re-read */
  if (p->lineinfo == NULL)
    return;
  for (i = p->is_vararg ? 1 : 0; i < p->sizelineinfo; i++) {
    pic_pushboolean(L, 1);
    pic_rawseti(L, -2, p->lineinfo[i]);
  }
  if (p->linedefined > 0 && p->sizelineinfo > 0) {
    /* Lua ends every function with a RETURN on its 'end' line, unreachable
    ** after a final return statement: the optimizer drops that one */
    pic_pushboolean(L, 1);
    pic_rawseti(L, -2, p->lastlinedefined);
  }
}

/* Fills the fields of options [what] (no '>') for function [fv] / frame [ci]. */
static int auxgetinfo(pic_State *L, const char *what, pic_Debug *ar,
                      const TValue *fv, CallInfo *ci) {
  int status = 1;
  for (; *what; what++) {
    switch (*what) {
      case 'S':
        funcinfo(ar, fv);
        break;
      case 'l':
        ar->currentline = (ci && isLua(ci)) ? picG_currentline(ci) : -1;
        break;
      case 'u':
        upinfo(ar, fv);
        break;
      case 't':
        ar->istailcall = ci ? (char)((ci->callstatus & CIST_TAIL) != 0) : 0;
        break;
      case 'n':
        ar->namewhat = ci ? picG_funcname(L, levelof(L, ci), &ar->name) : NULL;
        if (ar->namewhat == NULL) {
          ar->namewhat = "";
          ar->name = NULL;
        }
        break;
      case 'r':   /* set while a call or return hook of [ci] runs */
        if (ci != NULL && ci == L->transferci && (ci->callstatus & CIST_HOOKED) &&
            L->ntransfer != 0) {   /* (none: both 0, as in Lua) */
          ar->ftransfer = (unsigned short)L->ftransfer;
          ar->ntransfer = (unsigned short)L->ntransfer;
        } else
          ar->ftransfer = ar->ntransfer = 0;
        break;
      case 'L':
      case 'f':
        break;
      default:
        status = 0;
        break;
    }
  }
  return status;
}

int pic_getinfo(pic_State *L, const char *what, pic_Debug *ar) {
  CallInfo *ci;
  int fidx, status;
  int fromtop = (*what == '>');
  if (fromtop) {
    ci = NULL;
    what++;
    fidx = (int)(L->top - 1 - L->ci->func);   /* keep it on the stack until done */
  } else {
    ci = (CallInfo *)ar->i_ci;
    setobj(L, L->top, ci->func);
    L->top++;
    fidx = (int)(L->top - 1 - L->ci->func);
  }
  status = auxgetinfo(L, what, ar, L->ci->func + fidx, ci);
  if (strchr(what, 'f'))
    pic_pushvalue(L, fidx);
  if (strchr(what, 'L'))
    pushvalidlines(L, fidx);
  pic_remove(L, fidx);   /* the function (popped with '>', temporary otherwise) */
  return status;
}

/* Lua's findvararg: slot of vararg -n of Lua frame [ci]. */
static const char *findvararg(CallInfo *ci, int n, StkId *pos) {
  if (clLvalue(ci->func)->p->is_vararg) {
    int nextra = ci->u.l.nextraargs;
    if (n >= -nextra) {
      *pos = ci->func - nextra - (n + 1);
      return "(vararg)";
    }
  }
  return NULL;
}

/* Lua's luaG_findlocal: name and slot of local [n] of frame [ci]. */
static const char *findlocal(pic_State *L, CallInfo *ci, int n, StkId *pos) {
  StkId base = ci->func + 1;
  const char *name = NULL;
  if (isLua(ci)) {
    if (n < 0)
      return findvararg(ci, n, pos);
    if (n > 0)
      name = picG_localname(L, ci, ci->func + n);
  }
  if (name == NULL) {
    StkId limit = (ci == L->ci) ? L->top : ci->next->func;
    if (limit - base >= n && n > 0)
      name = isLua(ci) ? "(temporary)" : "(C temporary)";
    else
      return NULL;
  }
  *pos = base + (n - 1);
  return name;
}

const char *pic_getlocal(pic_State *L, const pic_Debug *ar, int n) {
  const char *name;
  if (ar == NULL) {
    const TValue *fv = L->top - 1;
    if (!ttisLclosure(fv))
      return NULL;
    return picF_getlocalname(clLvalue(fv)->p, n, 0);
  } else {
    StkId pos = NULL;
    name = findlocal(L, (CallInfo *)ar->i_ci, n, &pos);
    if (name) {
      setobj(L, L->top, pos);
      L->top++;
    }
  }
  return name;
}

const char *pic_setlocal(pic_State *L, const pic_Debug *ar, int n) {
  StkId pos = NULL;
  CallInfo *ci = (CallInfo *)ar->i_ci;
  const char *name = isLua(ci) ? findlocal(L, ci, n, &pos) : NULL;
  if (name) {
    setobj(L, pos, L->top - 1);
    L->top--;
  }
  return name;
}

/* Lua's aux_upvalue: slot and name of upvalue [n] of closure [fi]; [owner]
** is the object a store must be barriered against. */
static const char *auxupvalue(const TValue *fi, int n, TValue **val, GCObject **owner) {
  if (ttisCclosure(fi)) {
    CClosure *f = clCvalue(fi);
    if (n < 1 || n > f->nupvalues)
      return NULL;
    *val = &f->upvalue[n - 1];
    *owner = obj2gco(f);
    return "";
  }
  if (ttisLclosure(fi)) {
    LClosure *f = clLvalue(fi);
    TString *name;
    if (n < 1 || n > f->p->sizeupvalues)
      return NULL;
    *val = f->upvals[n - 1]->v;
    *owner = obj2gco(f->upvals[n - 1]);
    name = f->p->upvalues[n - 1].name;
    return name == NULL ? "(no name)" : getstr(name);
  }
  return NULL;
}

const char *pic_getupvalue(pic_State *L, int funcindex, int n) {
  TValue *val = NULL;
  GCObject *owner = NULL;
  const char *name;
  pic_pushvalue(L, funcindex);
  name = auxupvalue(L->top - 1, n, &val, &owner);
  if (name)
    setobj(L, L->top - 1, val)
  else
    L->top--;
  return name;
}

const char *pic_setupvalue(pic_State *L, int funcindex, int n) {
  TValue *val = NULL;
  GCObject *owner = NULL;
  const char *name;
  pic_pushvalue(L, funcindex);
  name = ttisLclosure(L->top - 1) ? auxupvalue(L->top - 1, n, &val, &owner) : NULL;
  L->top--;
  if (name) {
    setobj(L, val, L->top - 1);
    picC_barrier(L, owner, L->top - 1);
    L->top--;
  }
  return name;
}

/* The upvalue pointer slot [n] of the Lua closure on top, or NULL. */
static UpVal **upvalref(pic_State *L, int n) {
  LClosure *f = clLvalue(L->top - 1);
  return (n >= 1 && n <= f->p->sizeupvalues) ? &f->upvals[n - 1] : NULL;
}

void *pic_upvalueid(pic_State *L, int fidx, int n) {
  void *id = NULL;
  const TValue *fi;
  pic_pushvalue(L, fidx);
  fi = L->top - 1;
  if (ttisLclosure(fi)) {
    UpVal **up = upvalref(L, n);
    id = up ? *up : NULL;
  } else if (ttisCclosure(fi)) {
    CClosure *f = clCvalue(fi);
    if (n >= 1 && n <= f->nupvalues)
      id = &f->upvalue[n - 1];
  }
  L->top--;
  return id;
}

void pic_upvaluejoin(pic_State *L, int fidx1, int n1, int fidx2, int n2) {
  LClosure *f1;
  UpVal **up1, **up2;
  pic_pushvalue(L, fidx2);
  up2 = upvalref(L, n2);
  L->top--;
  pic_pushvalue(L, fidx1);
  f1 = clLvalue(L->top - 1);
  up1 = upvalref(L, n1);
  L->top--;
  *up1 = *up2;
  picC_objbarrier(L, f1, *up2);
}
