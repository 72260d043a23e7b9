/*
** pfunc.c -- prototypes, closures and upvalues. Module: runtime (prefix picF_).
** Mirrors Lua 5.4's lfunc.c, without to-be-closed handling (the executor
** closes tbc variables through its frames).
** Invariant: a thread's open upvalues are listed by decreasing stack level,
** at most one per slot; a thread with open upvalues is on g->twups.
*/
#include <string.h>

#include "runtime/pfunc.h"
#include "runtime/pgc.h"
#include "runtime/pmem.h"
#include "runtime/pstate.h"

#define uplevel(up) ((StkId)((up)->v))
#define isintwups(L) ((L)->twups != (L))

/* A new C closure with [nupvals] upvalues (the caller fills them). */
CClosure *picF_newCclosure(pic_State *L, int nupvals) {
  GCObject *o = picC_newobj(L, PIC_VCCL, sizeCclosure(nupvals));
  CClosure *c = gco2ccl(o);
  c->nupvalues = (uint8_t)nupvals;
  c->gclist = NULL;
  c->f = NULL;
  while (nupvals--)
    setnilvalue(&c->upvalue[nupvals]);
  return c;
}

/* A new Lua closure with [nupvals] empty (NULL) upvalue slots and no proto. */
LClosure *picF_newLclosure(pic_State *L, int nupvals) {
  GCObject *o = picC_newobj(L, PIC_VLCL, sizeLclosure(nupvals));
  LClosure *c = gco2lcl(o);
  c->p = NULL;
  c->gclist = NULL;
  c->nupvalues = (uint8_t)nupvals;
  switch (nupvals) {   /* small counts as stores: GCC makes the loop a memset call */
    case 3: c->upvals[2] = NULL; /* fallthrough */
    case 2: c->upvals[1] = NULL; /* fallthrough */
    case 1: c->upvals[0] = NULL; /* fallthrough */
    case 0: break;
    default:
      while (nupvals--)
        c->upvals[nupvals] = NULL;
  }
  return c;
}

/* Fills [cl]'s upvalues with fresh closed upvalues holding nil. */
void picF_initupvals(pic_State *L, LClosure *cl) {
  int i;
  for (i = 0; i < cl->nupvalues; i++) {
    GCObject *o = picC_newobj(L, PIC_VUPVAL, sizeof(UpVal));
    UpVal *uv = gco2upv(o);
    uv->v = &uv->u.value;
    setnilvalue(uv->v);
    cl->upvals[i] = uv;
    picC_objbarrier(L, cl, uv);
  }
}

/* Creates an open upvalue for [level], linked after [prev]. */
static UpVal *newupval(pic_State *L, StkId level, UpVal **prev) {
  GCObject *o = picC_newobj(L, PIC_VUPVAL, sizeof(UpVal));
  UpVal *uv = gco2upv(o);
  UpVal *next = *prev;
  uv->v = level;
  uv->u.open.next = next;
  uv->u.open.previous = prev;
  if (next)
    next->u.open.previous = &uv->u.open.next;
  *prev = uv;
  if (!isintwups(L)) {
    L->twups = G(L)->twups;
    G(L)->twups = L;
  }
  return uv;
}

/* The open upvalue of stack slot [level], created if needed. */
UpVal *picF_findupval(pic_State *L, StkId level) {
  UpVal **pp = &L->openupval;
  UpVal *p;
  while ((p = *pp) != NULL && uplevel(p) >= level) {
    if (uplevel(p) == level)
      return p;
    pp = &p->u.open.next;
  }
  return newupval(L, level, pp);
}

/* Removes open upvalue [uv] from its thread's list. */
void picF_unlinkupval(UpVal *uv) {
  *uv->u.open.previous = uv->u.open.next;
  if (uv->u.open.next)
    uv->u.open.next->u.open.previous = uv->u.open.previous;
}

/* Closes the open upvalues of [L] at or above [level]: each copies its value. */
void picF_closeupval(pic_State *L, StkId level) {
  UpVal *uv;
  while ((uv = L->openupval) != NULL && uplevel(uv) >= level) {
    TValue *slot = &uv->u.value;
    picF_unlinkupval(uv);
    setobj(L, slot, uv->v);
    uv->v = slot;
    if (!iswhite(uv)) {
      uv->marked |= bitmask(BLACKBIT);  /* closed upvalues cannot be gray */
      picC_barrier(L, uv, slot);
    }
  }
}

/* A new empty prototype. */
Proto *picF_newproto(pic_State *L) {
  GCObject *o = picC_newobj(L, PIC_VPROTO, sizeof(Proto));
  Proto *f = gco2p(o);
  f->numparams = 0;
  f->is_vararg = 0;
  f->maxstacksize = 0;
  f->sizeupvalues = 0;
  f->sizek = 0;
  f->sizecode = 0;
  f->sizelineinfo = 0;
  f->sizep = 0;
  f->sizelocvars = 0;
  f->linedefined = 0;
  f->lastlinedefined = 0;
  f->k = NULL;
  f->code = NULL;
  f->p = NULL;
  f->upvalues = NULL;
  f->lineinfo = NULL;
  f->locvars = NULL;
  f->source = NULL;
  f->gclist = NULL;
  return f;
}

/* Frees [f] and its arrays (not the objects they refer to). */
void picF_freeproto(pic_State *L, Proto *f) {
  picM_freearray(L, f->code, f->sizecode);
  picM_freearray(L, f->p, f->sizep);
  picM_freearray(L, f->k, f->sizek);
  picM_freearray(L, f->lineinfo, f->sizelineinfo);
  picM_freearray(L, f->locvars, f->sizelocvars);
  picM_freearray(L, f->upvalues, f->sizeupvalues);
  picM_free(L, f);
}

/* Name of the [local_number]-th local variable active at [pc] in [f], or NULL. */
const char *picF_getlocalname(const Proto *f, int local_number, int pc) {
  int i;
  for (i = 0; i < f->sizelocvars && f->locvars[i].startpc <= pc; i++) {
    if (pc < f->locvars[i].endpc) {
      local_number--;
      if (local_number == 0)
        return f->locvars[i].varname ? getstr(f->locvars[i].varname) : NULL;
    }
  }
  return NULL;
}
