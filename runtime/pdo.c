/*
** pdo.c -- the step driver of the stackless executor: frames, calls,
** requests from C functions (callk/pcallk/yieldk/againk/resumek), errors
** and coroutine switches. Module: runtime (prefix picD_).
**
** Invariants:
**   - pic_step holds the only setjmp; nothing between it and a throw owns
**     script state, so a longjmp loses nothing (all state is in CallInfos
**     and stacks);
**   - the driver loop calls at most one C function or continuation at a time
**     and never recurses: C stack depth is bounded by a constant;
**   - root->running is the innermost thread executing for a stepped thread;
**     every thread between them is waiting in a coroutine.resume C frame;
**   - a C frame is L->ci only when its function must be started (CIST_START),
**     its request processed (L->req, flagged by the frame's callstatus CIST_REQ),
**     or its continuation called (callee returned, resumed, or CIST_AGAIN);
**   - to-be-closed slots are listed in a userdata kept in stack slot 0 (the
**     unused function slot of base_ci); L->tbclist is the highest one.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/pdebug.h"
#include "runtime/pdo.h"
#include "runtime/pfunc.h"
#include "runtime/pgc.h"
#include "runtime/pmem.h"
#include "runtime/pstate.h"
#include "runtime/pstring.h"
#include "runtime/ptm.h"
#include "runtime/pvm.h"

/* CallInfos per thread before "stack overflow"; PIC_MAXSTACK slots usually
** run out first, as in Lua (about a million frames of a small function). */
#define MAXCALLS 1000000
#define EXTRACALLS 200        /* frames granted to handle a stack overflow */
#define SPARECALLS 16         /* unused frames a caught error leaves for reuse */
#define ERRORSTACKSIZE (PIC_MAXSTACK + 200)
#define UNBOUNDED (INT64_MAX / 4)

/* ---- errors ---- */

_Noreturn void picD_throw(pic_State *L, int errcode) {
  if (L->errorJmp != NULL) {
    L->unwstatus = errcode;
    longjmp(*L->errorJmp, errcode);
  }
  fprintf(stderr, "piccolo: unprotected error (status %d) outside pic_step\n", errcode);
  abort();
}

/* ---- stack ---- */

static void reallocstack(pic_State *L, int newsize, int raise) {
  int oldsize = L->stacksize;
  int used = (int)(L->top - L->stack);
  TValue *old = L->stack;
  TValue *ns = (TValue *)picM_realloc_(L, NULL, 0, sizeof(TValue) * (size_t)(newsize + EXTRA_STACK));
  CallInfo *ci;
  UpVal *up;
  int i;
  if (ns == NULL) {
    if (raise)
      picM_error(L);
    return;
  }
  for (i = 0; i < newsize + EXTRA_STACK; i++) {
    if (i < oldsize && (i < used || i < newsize))
      ns[i] = old[i];
    else
      setnilvalue(ns + i);
  }
#define FIX(p) ((p) = ns + ((p) - old))
  FIX(L->top);
  if (L->tbclist != NULL)
    FIX(L->tbclist);
  for (ci = L->ci; ci != NULL; ci = ci->previous) {
    FIX(ci->func);
    FIX(ci->top);
  }
  for (up = L->openupval; up != NULL; up = up->u.open.next)
    FIX(up->v);
#undef FIX
  L->stack = ns;
  L->stack_last = ns + newsize;
  L->stacksize = newsize + EXTRA_STACK;
  picM_free_(L, old, sizeof(TValue) * (size_t)oldsize);
}

/* Raises "error in error handling": an overflow while handling one. The
** message goes into the slots kept above stack_last (EXTRA_STACK). */
static _Noreturn void errorinerror(pic_State *L) {
  setsvalue(L, L->top, picS_newliteral(L, "error in error handling"));
  L->top++;
  picD_throw(L, PIC_ERRERR);
}

void picD_growstack(pic_State *L, int n) {
  int size = (int)(L->stack_last - L->stack);
  if (size > PIC_MAXSTACK) {
    /* already using the extra space reserved for handling an overflow */
    errorinerror(L);
  } else if (n < PIC_MAXSTACK) {
    int needed = (int)(L->top - L->stack) + n + 1;
    int newsize = 2 * size;
    if (newsize > PIC_MAXSTACK)
      newsize = PIC_MAXSTACK;
    if (newsize < needed)
      newsize = needed;
    if (newsize <= PIC_MAXSTACK) {
      reallocstack(L, newsize, 1);
      return;
    }
  }
  reallocstack(L, ERRORSTACKSIZE, 1);
  picG_runerror(L, "stack overflow");
}

void picD_shrinkstack(pic_State *L) {
  StkId lim = L->top;
  CallInfo *ci;
  int inuse, goodsize, size = (int)(L->stack_last - L->stack);
  for (ci = L->ci; ci != NULL; ci = ci->previous)
    if (lim < ci->top)
      lim = ci->top;
  inuse = (int)(lim - L->stack) + 1;
  goodsize = inuse + inuse / 8 + 2 * EXTRA_STACK;
  if (goodsize < BASIC_STACK_SIZE)
    goodsize = BASIC_STACK_SIZE;
  if (inuse <= PIC_MAXSTACK && (size > 3 * goodsize || size > PIC_MAXSTACK)) {
    if (goodsize > PIC_MAXSTACK)   /* leave the overflow margin in any case */
      goodsize = PIC_MAXSTACK;
    reallocstack(L, goodsize, 0);
  }
}

/* ---- frames ---- */

/* The frame limit was reached. The first time, the frame is still granted
** (so the message handler has frames to run in, up to EXTRACALLS more)
** and "stack overflow" is raised; past the margin the overflow happened
** while handling one: "error in error handling". Catching the error frees
** the frames over the limit again (continueunwind). */
static void cioverflow(pic_State *L) {
  if (L->nci == MAXCALLS) {
    CallInfo *nci = picM_new(L, CallInfo);
    memset(nci, 0, sizeof(*nci));
    L->ci->next = nci;
    nci->previous = L->ci;
    L->nci++;
    picG_runerror(L, "stack overflow");
  }
  if (L->nci >= MAXCALLS + EXTRACALLS)
    errorinerror(L);
}

static inline CallInfo *nextci(pic_State *L) {
  CallInfo *ci = L->ci;
  if (ci->next == NULL) {
    CallInfo *nci;
    if (L->nci >= MAXCALLS)
      cioverflow(L);
    nci = picM_new(L, CallInfo);
    memset(nci, 0, sizeof(*nci));
    ci->next = nci;
    nci->previous = ci;
    nci->next = NULL;
    L->nci++;
  }
  ci->next->extra = ci->extra;
  return L->ci = ci->next;
}

/* Links of __call followed for one call at most: a table whose __call is
** itself would loop for ever, shifting the arguments up; lua5.4 stops when
** the stack overflows ("stack overflow", the error raised here too). */
#define MAXCALLCHAIN 2000

/* Replaces a non-function at [func] by its __call handler (shifting the
** arguments up), counting the link in [*chain]; raises "attempt to call"
** when there is none. */
static StkId tryfuncTM(pic_State *L, StkId func, int *chain) {
  const TValue *tm;
  StkId p;
  if (L->stack_last - L->top <= 1) {
    ptrdiff_t f = savestack(L, func);
    picD_growstack(L, 1);
    func = restorestack(L, f);
  }
  tm = picT_gettmbyobj(L, func, TM_CALL);
  if (ttisnil(tm))
    picG_callerror(L, func);
  if (++*chain > MAXCALLCHAIN)
    picG_runerror(L, "stack overflow");   /* lua5.4's error there */
  for (p = L->top; p > func; p--)
    setobj(L, p, p - 1);
  L->top++;
  setobj(L, func, tm);
  return func;
}

#define checkstackp(L, n, p) \
  do { if ((L)->stack_last - (L)->top <= (n)) { ptrdiff_t t_ = savestack(L, p); \
       picD_growstack(L, n); (p) = restorestack(L, t_); } } while (0)

/* Pushes the frame for [func] without running anything; C frames start
** later in the driver (CIST_START). */
static CallInfo *pushcall(pic_State *L, StkId func, int nresults, int flags) {
  CallInfo *ci;
  int prevc = !isLua(L->ci);
  int chain = 0;
  if (L->ci->extra >= PICD_MAXCCALLS && !(flags & (CIST_MSGH | CIST_UNWCLOSE | CIST_FIN)))
    picG_runerror(L, "C stack overflow");
  for (;;) {
    switch (ttypetag(func)) {
      case PIC_VLCF:
      case PIC_VCCL:
        checkstackp(L, PIC_MINSTACK, func);
        ci = nextci(L);
        ci->func = func;
        ci->nresults = nresults;
        ci->callstatus = (unsigned short)(CIST_C | CIST_START | flags);
        ci->top = L->top + PIC_MINSTACK;
        ci->u.c.k = NULL;
        ci->u.c.status = PIC_OK;
        ci->extra++;
        return ci;
      case PIC_VLCL: {
        Proto *p = clLvalue(func)->p;
        int narg = (int)(L->top - func) - 1;
        checkstackp(L, p->maxstacksize, func);
        ci = nextci(L);
        ci->func = func;
        ci->nresults = nresults;
        ci->callstatus = (unsigned short)(flags | (prevc ? CIST_CRET : 0));
        ci->top = func + 1 + p->maxstacksize;
        ci->u.l.savedpc = p->code;
        if (prevc)
          ci->extra++;
        for (; narg < p->numparams; narg++)
          setnilvalue(L->top++);
        return ci;
      }
      default:
        func = tryfuncTM(L, func, &chain);
        break;
    }
  }
}

int picD_checkcloseret(pic_State *L, CallInfo *ci, int n) {
  if (n == PICD_REQUEST) {
    ci->callstatus |= CIST_REQ;
  } else if (L->tbclist != NULL && L->tbclist > ci->func) {
    ci->nres = n;
    L->req = PICD_REQ_CLOSERET;
    ci->callstatus |= CIST_REQ;
    n = PICD_REQUEST;
  }
  return n;
}

int picD_hookc(pic_State *L, CallInfo *ci, int n) {
  if (L->inhook || L->hookf == NULL || (n < 0 && (ci->callstatus & CIST_HOOKCALL)))
    return 0;
  picD_checkstack(L, 3);
  L->transferci = ci;   /* the arguments, or the results on top */
  L->ftransfer = n < 0 ? 1 : (int)(L->top - n - ci->func);
  L->ntransfer = n < 0 ? (int)(L->top - ci->func) - 1 : n;
  setfvalue(L->top, L->hookf);
  setnilvalue(L->top + 1);
  setnilvalue(L->top + 2);
  L->top += 3;
  setsvalue(L, L->top - 2, picS_new(L, n < 0 ? "call" : "return"));
  pushcall(L, L->top - 3, 0, 0);   /* what may raise is done: now mark the frame */
  if (n < 0) {
    ci->callstatus |= CIST_START | CIST_HOOKCALL;
  } else {
    ci->nres = n;
    ci->callstatus |= CIST_HOOKRET;
  }
  ci->callstatus |= CIST_HOOKED;
  L->inhook = 1;
  return 1;
}

/* picD_precall's general case: any callable value, stack or CallInfo list
** to grow. */
static CallInfo *precallslow(pic_State *L, StkId func, int nresults) {
  int chain = 0;
  for (;;) {
    pic_CFunction f;
    switch (ttypetag(func)) {
      case PIC_VLCF:
        f = fvalue(func);
        goto cfunc;
      case PIC_VCCL:
        f = clCvalue(func)->f;
      cfunc:
        checkstackp(L, PIC_MINSTACK, func);
        picD_runcfunc(L, nextci(L), func, f, nresults);
        return NULL;
      case PIC_VLCL:   /* (after __call) entered as picD_precall's fast path when it can */
        if (isLua(L->ci) && L->ci->next != NULL && L->ci->extra < PICD_MAXCCALLS &&
            L->stack_last - L->top > clLvalue(func)->p->maxstacksize)
          return picD_enterlua(L, func, clLvalue(func)->p, nresults, 0, L->ci->extra);
        return pushcall(L, func, nresults, 0);
      default:
        func = tryfuncTM(L, func, &chain);
        break;
    }
  }
}

CallInfo *picD_precall(pic_State *L, StkId func, int nresults) {
  pic_CFunction f;
  CallInfo *ci;
  if (ttislcf(func))
    f = fvalue(func);
  else if (ttisCclosure(func))
    f = clCvalue(func)->f;
  else if (ttisLclosure(func) && isLua(L->ci) && L->ci->next != NULL &&
           L->ci->extra < PICD_MAXCCALLS &&
           L->stack_last - L->top > clLvalue(func)->p->maxstacksize) {
    /* pushcall's Lua case from a Lua frame (metamethods, the executor's
    ** own calls), with the frame and the stack already there */
    return picD_enterlua(L, func, clLvalue(func)->p, nresults, 0, L->ci->extra);
  } else
    return precallslow(L, func, nresults);
  ci = L->ci->next;
  if (ci == NULL || L->stack_last - L->top <= PIC_MINSTACK)
    return precallslow(L, func, nresults);
  ci->extra = L->ci->extra;
  L->ci = ci;
  picD_runcfunc(L, ci, func, f, nresults);
  return NULL;
}

void picD_poscall(pic_State *L, CallInfo *ci, int n) {
  L->ci = ci->previous;
  picD_moveresults(L, ci->func, n, ci->nresults);
}

/* ---- to-be-closed variables ---- */

typedef struct TbcList {
  int n, size;
  int slot[1];
} TbcList;

static TbcList *tbclist(pic_State *L) {
  return ttisfulluserdata(L->stack) ? (TbcList *)getudatamem(uvalue(L->stack)) : NULL;
}

void picD_newtbcupval(pic_State *L, StkId o) {
  TbcList *tl;
  ptrdiff_t off = savestack(L, o);
  if (l_isfalse(o))
    return;
  if (ttisnil(picT_gettmbyobj(L, o, TM_CLOSE))) {
    const char *vname = picG_localname(L, L->ci, o);
    picG_runerror(L, "variable '%s' got a non-closable value", vname ? vname : "?");
  }
  tl = tbclist(L);
  if (tl == NULL || tl->n == tl->size) {
    int nsize = tl ? 2 * tl->size : 8;
    Udata *u = picS_newudata(L, sizeof(TbcList) + sizeof(int) * (size_t)nsize, 0);
    TbcList *nl = (TbcList *)getudatamem(u);
    nl->size = nsize;
    nl->n = 0;
    tl = tbclist(L);
    if (tl != NULL) {
      memcpy(nl->slot, tl->slot, sizeof(int) * (size_t)tl->n);
      nl->n = tl->n;
    }
    setuvalue(L, L->stack, u);
    tl = nl;
  }
  tl->slot[tl->n++] = (int)(off / (ptrdiff_t)sizeof(TValue));
  L->tbclist = restorestack(L, off);
}

int picD_pushclose(pic_State *L, StkId level, const TValue *err) {
  TbcList *tl = tbclist(L);
  StkId tbc = L->tbclist;
  ptrdiff_t erroff = err ? savestack(L, err) : 0;
  ptrdiff_t tbcoff;
  if (tbc == NULL || tbc < level || tl == NULL || tl->n == 0)
    return 0;
  tl->n--;
  L->tbclist = tl->n > 0 ? L->stack + tl->slot[tl->n - 1] : NULL;
  tbcoff = savestack(L, tbc);
  if (L->stack_last - L->top <= 3)
    picD_growstack(L, 3);
  tbc = restorestack(L, tbcoff);
  setobj(L, L->top, picT_gettmbyobj(L, tbc, TM_CLOSE));
  setobj(L, L->top + 1, tbc);
  if (err)
    setobj(L, L->top + 2, restorestack(L, erroff))
  else
    setnilvalue(L->top + 2);
  L->top += 3;
  return 1;
}

/* ---- requests from C functions ---- */

/* Records request [req] for the running C frame; returns PICD_REQUEST. */
static int request(pic_State *L, int req, pic_KContext ctx, pic_KFunction k) {
  L->req = req;
  L->ci->u.c.k = k;
  L->ci->u.c.ctx = ctx;
  return PICD_REQUEST;
}

int pic_callk(pic_State *L, int nargs, int nresults, pic_KContext ctx, pic_KFunction k) {
  L->reqnargs = nargs;
  L->reqnres = nresults;
  L->reqmsgh = -1;
  L->ci->nres = -1;
  if (nresults > 0 && L->stack_last - L->top < nresults)
    picD_growstack(L, nresults);
  return request(L, PICD_REQ_CALL, ctx, k);
}

int pic_pcallk(pic_State *L, int nargs, int nresults, int msgh, pic_KContext ctx, pic_KFunction k) {
  int r = pic_callk(L, nargs, nresults, ctx, k);
  L->reqmsgh = msgh == 0 ? 0 : (int)(savestack(L, L->ci->func + pic_absindex(L, msgh)) / (ptrdiff_t)sizeof(TValue));
  return r;
}

int pic_callnoyieldk(pic_State *L, int nargs, int nresults, pic_KContext ctx, pic_KFunction k) {
  L->ci->callstatus |= CIST_NOYIELD;
  return pic_callk(L, nargs, nresults, ctx, k);
}

int pic_pcallnoyieldk(pic_State *L, int nargs, int nresults, int msgh, pic_KContext ctx, pic_KFunction k) {
  L->ci->callstatus |= CIST_NOYIELD;
  return pic_pcallk(L, nargs, nresults, msgh, ctx, k);
}

/* Whether [L] may yield: not the main thread, no finalizer running, no
** message handler running, no __close called while the whole thread is
** being closed (coroutine.close, or a wrap closing after an error: an
** unwinding towards base_ci; Lua's lua_closethread calls those with
** luaD_callnoyield, while a pcall's unwinding may yield), and no C frame
** below waiting on a call it made with pic_callnoyieldk (the flag goes when
** its continuation runs, or with the frame when an error unwinds it).
** Yields are rare enough for the walk. */
int pic_isyieldable(pic_State *L) {
  CallInfo *ci;
  if (L == G(L)->mainthread || L->nny != 0)
    return 0;
  for (ci = L->ci; ci != &L->base_ci; ci = ci->previous) {
    if ((!isLua(ci) && (ci->callstatus & CIST_NOYIELD)) || (ci->callstatus & CIST_MSGH))
      return 0;   /* (a message handler runs unable to yield too, as in Lua) */
    if ((ci->callstatus & CIST_UNWCLOSE) && ci->previous == &L->base_ci)
      return 0;
  }
  return 1;
}

int pic_yieldk(pic_State *L, int nresults, pic_KContext ctx, pic_KFunction k) {
  if (!pic_isyieldable(L)) {
    if (L != G(L)->mainthread)
      picG_runerror(L, "attempt to yield across a C-call boundary");
    else
      picG_runerror(L, "attempt to yield from outside a coroutine");
  }
  L->reqnres = nresults;
  return request(L, PICD_REQ_YIELD, ctx, k);
}

int pic_againk(pic_State *L, pic_KContext ctx, pic_KFunction k) {
  return request(L, PICD_REQ_AGAIN, ctx, k);
}

void pic_charge(pic_State *L, int64_t amount) {
  if (amount > 0 && L->fuel < -UNBOUNDED + amount)
    L->fuel = -UNBOUNDED;   /* saturate: huge charges (unpack of 2^62 values) never overflow */
  else
    L->fuel -= amount;
}

int64_t pic_fuelleft(pic_State *L) {
  return L->fuel;
}

/* Fails a resume/close request: k gets [msg] as an error. */
static int failrequest(pic_State *L, int nargs, const char *msg, pic_KContext ctx, pic_KFunction k) {
  pic_settop(L, -nargs - 1);
  pic_pushstring(L, msg);
  L->reqnres = PIC_ERRRUN;
  return request(L, PICD_REQ_STATUS, ctx, k);
}

int pic_resumek(pic_State *L, pic_State *co, int nargs, pic_KContext ctx, pic_KFunction k) {
  if (co->status == PIC_OK) {
    if (co->ci != &co->base_ci || co == L)
      return failrequest(L, nargs, "cannot resume non-suspended coroutine", ctx, k);
    if (co->top - (co->ci->func + 1) == 0)
      return failrequest(L, nargs, "cannot resume dead coroutine", ctx, k);
  } else if (co->status != PIC_YIELD) {
    return failrequest(L, nargs, "cannot resume dead coroutine", ctx, k);
  } else if (co->resumer != NULL) {
    return failrequest(L, nargs, "cannot resume non-suspended coroutine", ctx, k);
  }
  if (L->ci->extra >= PICD_MAXCCALLS)
    return failrequest(L, nargs, "C stack overflow", ctx, k);
  L->reqco = co;
  L->reqnargs = nargs;
  return request(L, PICD_REQ_RESUME, ctx, k);
}

int picD_closek(pic_State *L, pic_State *co, pic_KContext ctx, pic_KFunction k) {
  L->reqco = co;
  return request(L, PICD_REQ_CLOSE, ctx, k);
}

/* Grows [to]'s stack for [n] more values; errors are raised in [from]. */
static void growfor(pic_State *from, pic_State *to, int n) {
  int size = (int)(to->stack_last - to->stack);
  int needed = (int)(to->top - to->stack) + n + 1;
  if (needed > PIC_MAXSTACK)
    picG_runerror(from, "stack overflow");
  reallocstack(to, needed > 2 * size ? needed : (2 * size > PIC_MAXSTACK ? PIC_MAXSTACK : 2 * size), 0);
  if (to->stack_last - to->top <= n)
    picM_error(from);
}

/* Moves [n] values from the top of running thread [from] to [to]; errors
** growing [to]'s stack are raised in [from]. */
static inline void movevalues(pic_State *from, pic_State *to, int n) {
  StkId src, dst;
  if (to->stack_last - to->top <= n)
    growfor(from, to, n);
  src = from->top - n;
  dst = to->top;
  from->top = src;
  to->top = dst + n;
  for (; n > 0; n--, src++, dst++)
    setobj(to, dst, src);
}

/* Makes [to] the running thread of [root], handing it the fuel and the
** step's jmp_buf; a thread leaving the active chain (yielding, finishing
** or failing back to its resumer) forgets the jmp_buf, which dies with the
** step. */
static void switchto(pic_State *root, pic_State *from, pic_State *to) {
  to->fuel = from->fuel;
  to->errorJmp = from->errorJmp;
  if (to->resumer != from)
    from->errorJmp = NULL;
  root->running = to;
}

/* ---- error unwinding ---- */

/* Level a protected frame [target] restores (base_ci: the whole stack). */
static StkId unwindlevel(pic_State *L, CallInfo *target) {
  return target == &L->base_ci ? L->stack + 1 : restorestack(L, target->u.c.pfunc);
}

/* Runs the next pending __close of the unwinding towards L->ci (which is
** the target frame), or delivers the error object to it. Returns -1 to go
** on driving, or a status ending the step. */
static int continueunwind(pic_State *root, pic_State *L) {
  CallInfo *target = L->ci;
  StkId level = unwindlevel(L, target);
  int status = L->unwstatus;
  if (picD_pushclose(L, level, status == PIC_OK ? NULL : L->top - 1)) {
    pushcall(L, L->top - 3, 0, CIST_UNWCLOSE);
    return -1;
  }
  if (target != &L->base_ci) {   /* a pcallk frame */
    setobj(L, level, L->top - 1);
    L->top = level + 1;
    L->errfunc = target->u.c.old_errfunc;
    target->callstatus &= (unsigned short)~CIST_YPCALL;
    target->u.c.status = status;
    /* As Lua's luaD_pcall: the frames and stack a deep recursion left (an
    ** overflow's margin, or all the memory there was) go back, so that a
    ** caught error, "not enough memory" included, leaves the state usable. */
    picE_trimCI(L, SPARECALLS);
    picD_shrinkstack(L);
    return -1;
  } else {   /* coroutine.close / pic_closethread: deliver to the closer */
    pic_State *closer = L->resumer;
    L->resumer = NULL;
    L->status = PIC_OK;
    if (status != PIC_OK) {
      setobj(L, L->stack + 1, L->top - 1);
      L->top = L->stack + 2;
    } else {
      L->top = L->stack + 1;
    }
    L->ci->top = L->top + PIC_MINSTACK;
    if (closer == NULL)   /* pic_closethread: the host gets the status */
      return status;
    if (status != PIC_OK)
      movevalues(L, closer, 1);
    switchto(root, L, closer);
    closer->ci->u.c.status = status;
    return -1;
  }
}

/* Begins unwinding [L] to the protected frame [target] with [status]. */
static int startunwind(pic_State *root, pic_State *L, CallInfo *target, int status) {
  CallInfo *ci;
  for (ci = L->ci; ci != target; ci = ci->previous)
    if (ci->callstatus & CIST_HOOKED)   /* the hook above it is abandoned: */
      L->inhook = 0;                    /* hooks may fire again (Lua's allowhook) */
  L->unwstatus = status;
  L->ci = target;
  picF_closeupval(L, unwindlevel(L, target));
  return continueunwind(root, L);
}

/* Handles an error thrown in root->running: runs the message handler, or
** unwinds to the nearest protected frame, or ends the thread. Returns -1 to
** go on driving, or the status ending the step. */
static int handleerror(pic_State *root) {
  pic_State *L = root->running;
  int status = L->unwstatus;
  int inmsgh = 0, inclose = 0;
  CallInfo *ci;
  for (ci = L->ci; ci != &L->base_ci; ci = ci->previous) {
    if (ci->callstatus & CIST_MSGH)
      inmsgh++;
    if (ci->callstatus & CIST_UNWCLOSE)
      inclose = 1;
    if (ci->callstatus & CIST_YPCALL)
      break;
  }
  /* An error in the message handler is handed to the handler again, as
  ** Lua's luaG_errormsg does, until a call of it returns; past Lua's C-call
  ** depth it becomes "error in error handling". */
  if (inmsgh > 0 && (status != PIC_ERRRUN || inmsgh >= PICD_MAXMSGH)) {
    status = PIC_ERRERR;
    setsvalue(L, L->top - 1, picS_newliteral(L, "error in error handling"));
  }
  if (ci != &L->base_ci) {
    if (status == PIC_ERRRUN && L->errfunc > 0) {
      StkId h = restorestack(L, L->errfunc);
      if (L->stack_last - L->top <= 2)
        picD_growstack(L, 2);
      h = restorestack(L, L->errfunc);
      setobj(L, L->top, L->top - 1);
      setobj(L, L->top - 1, h);
      L->top++;
      L->unwstatus = status;
      pushcall(L, L->top - 2, 1, CIST_MSGH);
      return -1;
    }
    return startunwind(root, L, ci, status);
  }
  if (inclose)   /* an error in __close while coroutine.close unwinds */
    return startunwind(root, L, &L->base_ci, status);
  /* no protected frame: the thread dies with the error on top */
  L->status = (uint8_t)status;
  if (L->resumer != NULL) {
    pic_State *r = L->resumer;
    L->resumer = NULL;
    if (r->stack_last - r->top <= 1)
      picD_growstack(r, 1);
    setobj(r, r->top, L->top - 1);
    r->top++;
    switchto(root, L, r);
    r->ci->u.c.status = status;
    return -1;
  }
  return status;
}

/* ---- finalizers ---- */

static int gcfinish(pic_State *L, int status, pic_KContext ctx) {
  pic_gcinfinalizer(L, (int)ctx);   /* collections allowed again */
  L->nny--;
  if (status != PIC_OK) {
    const char *msg = pic_type(L, -1) == PIC_TSTRING ? pic_tostring(L, -1) : "error object is not a string";
    pic_warning(L, "error in __gc (", 1);
    pic_warning(L, msg, 1);
    pic_warning(L, ")", 0);
  }
  return 0;
}

static int gcrunner(pic_State *L) {
  int old = pic_gcinfinalizer(L, 1);   /* as lua5.4: no collection inside a finalizer */
  L->nny++;
  return pic_pcallnoyieldk(L, 1, 0, 0, old, gcfinish);
}

/* Pushes the call of one pending finalizer above the running frame. */
static void runfinalizer(pic_State *L) {
  StkId base;
  if (isLua(L->ci))
    L->top = L->ci->top;
  if (L->stack_last - L->top <= 4)
    picD_growstack(L, 4);
  base = L->top;
  setfvalue(L->top, gcrunner);
  L->top++;
  if (picC_nextfinalizer(L))
    pushcall(L, base, 0, CIST_FIN);
  else
    L->top = base;
}

/* ---- the driver ---- */

/* Frame [ci] of [L] returned [n] values (on top). Returns -1 to go on, or
** a status ending the step. */
static int doreturn(pic_State *root, pic_State *L, CallInfo *ci, int n, int *nres);

/* Closes the next pic_toclose slot of C frame [ci] (a frame flagged
** CIST_CLSRET), or finishes its return of ci->nres results. */
static int closeret(pic_State *root, pic_State *L, CallInfo *ci, int *nres) {
  if (L->tbclist != NULL && L->tbclist > ci->func && picD_pushclose(L, ci->func + 1, NULL)) {
    pushcall(L, L->top - 3, 0, CIST_CLSRET);
    return -1;
  }
  return doreturn(root, L, ci, ci->nres, nres);
}

static int doreturn(pic_State *root, pic_State *L, CallInfo *ci, int n, int *nres) {
  unsigned flags = ci->callstatus;
  if (flags & CIST_FRESH) {
    if (L == root) {
      StkId res = ci->func, first = L->top - n;
      int i;
      for (i = 0; i < n; i++)
        setobj(L, res + i, first + i);
      L->top = res + n;
      L->ci = &L->base_ci;
      *nres = n;
      return PIC_OK;
    } else {
      pic_State *r = L->resumer;
      movevalues(L, r, n);
      L->top = L->stack + 1;
      L->ci = &L->base_ci;
      L->resumer = NULL;
      L->status = PIC_OK;
      switchto(root, L, r);
      r->ci->u.c.status = PIC_OK;
      return -1;
    }
  }
  picD_poscall(L, ci, n);
  if (flags & CIST_FINOP) {
    picV_finishop(L, L->ci);
  } else if (flags & CIST_UNWCLOSE) {
    return continueunwind(root, L);
  } else if (flags & CIST_CLSRET) {
    return closeret(root, L, L->ci, nres);
  } else if (flags & CIST_MSGH) {
    CallInfo *t;
    for (t = L->ci; t != &L->base_ci; t = t->previous)
      if (t->callstatus & CIST_YPCALL)
        break;
    return startunwind(root, L, t, L->unwstatus);
  }
  ci = L->ci;
  if (!isLua(ci) && (ci->callstatus & CIST_YPCALL)) {   /* protected call ended */
    ci->callstatus &= (unsigned short)~CIST_YPCALL;
    L->errfunc = ci->u.c.old_errfunc;
  }
  return -1;
}

/* Request PICD_REQ_YIELD of L->ci with a resumer: hands the L->reqnres
** values on top to the resumer, whose C frame (its L->ci) then runs its
** continuation with status PIC_YIELD. */
static void yieldtoresumer(pic_State *root, pic_State *L) {
  pic_State *r = L->resumer;
  L->status = PIC_YIELD;
  L->resumer = NULL;
  movevalues(L, r, L->reqnres);
  switchto(root, L, r);
  r->ci->u.c.status = PIC_YIELD;
}

/* Request PICD_REQ_RESUME of L->ci: moves the L->reqnargs arguments to the
** coroutine L->reqco and makes it the running thread, resumed by L. */
static void resumeco(pic_State *root, pic_State *L) {
  pic_State *co = L->reqco;
  movevalues(L, co, L->reqnargs);
  co->resumer = L;
  co->running = co;
  co->nCcalls = L->nCcalls + 1;
  switchto(root, L, co);
}

/* resumeco of a coroutine suspended by a yield: its yielding C frame (its
** L->ci) then returns the arguments. */
static void resumesuspended(pic_State *root, pic_State *L) {
  pic_State *co = L->reqco;
  int nargs = L->reqnargs;
  resumeco(root, L);
  co->status = PIC_OK;
  co->ci->u.c.status = PIC_YIELD;
  co->ci->nres = nargs;
}

pic_State *picD_fastswitch(pic_State *root, pic_State *L) {
  if (L->req == PICD_REQ_YIELD && L->resumer != NULL)
    yieldtoresumer(root, L);
  else if (L->req == PICD_REQ_RESUME && L->reqco->status == PIC_YIELD)
    resumesuspended(root, L);
  else
    return NULL;
  L->ci->callstatus &= (unsigned short)~CIST_REQ;   /* L's frame: served */
  return root->running;
}

/* Makes L->ci->next (which must exist) the frame of C function [func] as
** picD_runcfunc makes it, in the state the function's request leaves it
** (continuation [k] pending, request served), and charges the call. */
static void pushservedframe(pic_State *L, StkId func, int nresults, pic_KFunction k) {
  CallInfo *ci = L->ci->next;
  ci->func = func;
  ci->nresults = nresults;
  ci->callstatus = CIST_C;
  ci->top = L->top + PIC_MINSTACK;
  ci->extra = L->ci->extra;
  ci->u.c.k = k;
  ci->u.c.ctx = 0;
  ci->u.c.status = PIC_OK;
  L->ci = ci;
  L->fuel--;
}

pic_State *picD_fastresume(pic_State *root, pic_State *L, StkId func, pic_State *co, int nargs,
                           int nresults, pic_KFunction k) {
  if (co == NULL || co->status != PIC_YIELD || co->resumer != NULL ||
      L->ci->extra >= PICD_MAXCCALLS || co->stack_last - co->top <= nargs)
    return NULL;   /* errors, stack growth: the function's own path */
  pushservedframe(L, func, nresults, k);
  L->req = PICD_REQ_RESUME;
  L->reqco = co;
  L->reqnargs = nargs;
  resumesuspended(root, L);
  return co;
}

pic_State *picD_fastyield(pic_State *root, pic_State *L, StkId func, int nresults) {
  pic_State *r = L->resumer;
  int n = (int)(L->top - func) - 1;
  if (r == NULL || !pic_isyieldable(L) || r->stack_last - r->top <= n)
    return NULL;
  pushservedframe(L, func, nresults, NULL);
  L->req = PICD_REQ_YIELD;
  L->reqnres = n;
  yieldtoresumer(root, L);
  return r;
}

/* Processes the request of C frame [ci] (L->ci). */
static int dorequest(pic_State *root, pic_State *L, CallInfo *ci, int *nres) {
  ci->callstatus &= (unsigned short)~CIST_REQ;
  switch (L->req) {
    case PICD_REQ_CALL: {
      StkId func = L->top - L->reqnargs - 1;
      ci->u.c.status = PIC_OK;
      if (L->reqmsgh >= 0)
        picD_protect(L, ci, func, L->reqmsgh);
      pushcall(L, func, L->reqnres, 0);
      return -1;
    }
    case PICD_REQ_YIELD: {
      int n = L->reqnres;
      if (L->resumer != NULL) {
        yieldtoresumer(root, L);
        return -1;
      }
      L->status = PIC_YIELD;
      L->yieldbase = savestack(L, L->top - n);
      *nres = n;
      return PIC_YIELD;
    }
    case PICD_REQ_AGAIN:
      ci->callstatus |= CIST_AGAIN;
      ci->u.c.status = PIC_OK;
      return -1;
    case PICD_REQ_STATUS:
      ci->u.c.status = L->reqnres;
      return -1;
    case PICD_REQ_CLOSERET:
      return closeret(root, L, ci, nres);
    case PICD_REQ_RESUME: {
      pic_State *co = L->reqco;
      int nargs = L->reqnargs;
      if (co->status != PIC_OK) {
        resumesuspended(root, L);
        return -1;
      }
      resumeco(root, L);
      co->errfunc = 0;
      co->nny = 0;
      co->base_ci.extra = L->ci->extra;
      pushcall(co, co->top - nargs - 1, PIC_MULTRET, CIST_FRESH);
      return -1;
    }
    case PICD_REQ_CLOSE: {
      pic_State *co = L->reqco;
      int status = co->status == PIC_YIELD ? PIC_OK : co->status;
      co->resumer = L;
      co->running = co;
      co->ci = &co->base_ci;
      co->status = PIC_OK;
      switchto(root, L, co);
      if (status == PIC_OK) {
        if (co->stack_last - co->top <= 1)
          picD_growstack(co, 1);
        setnilvalue(co->top);
        co->top++;
      }
      return startunwind(root, co, &co->base_ci, status);
    }
    default:
      picG_runerror(L, "invalid request from a C function");
  }
}

int picD_runc(pic_State *L, CallInfo *ci) {
  int n;
  if (ci->callstatus & CIST_HOOKED) {   /* back from its hook */
    ci->callstatus &= (unsigned short)~CIST_HOOKED;
    L->inhook = 0;
    if (ci->callstatus & CIST_HOOKRET) {   /* its results wait on top */
      ci->callstatus &= (unsigned short)~CIST_HOOKRET;
      return ci->nres;
    }
  }
  if (ci->callstatus & CIST_START) {
    pic_CFunction f = ttislcf(ci->func) ? fvalue(ci->func) : clCvalue(ci->func)->f;
    if (L->hookmask & PIC_MASKCALL && picD_hookc(L, ci, -1))
      return PICD_REQUEST;
    ci->callstatus &= (unsigned short)~CIST_START;
    L->fuel--;
    n = f(L);
  } else {
    ci->callstatus &= (unsigned short)~(CIST_AGAIN | CIST_NOYIELD);
    if (ci->u.c.k != NULL)
      n = ci->u.c.k(L, ci->u.c.status, ci->u.c.ctx);
    else if (ci->nres >= 0)
      n = ci->nres;
    else
      n = (int)(L->top - (ci->func + 1));
  }
  if (n >= 0 && n <= L->top - (ci->func + 1))
    n = picD_checkcloseret(L, ci, n);
  if (n == PICD_REQUEST) {
    if (picD_fastcallreq(L, L->ci))
      return PICD_FASTCALL;
    L->ci->callstatus |= CIST_REQ;
    return PICD_REQUEST;
  }
  if (n < 0 || n > L->top - (ci->func + 1))
    picG_runerror(L, "C function returned a bad number of results");
  if (L->hookmask & PIC_MASKRET && picD_hookc(L, ci, n))
    return PICD_REQUEST;
  return n;
}

/* Runs root's threads until the root finishes, yields, errors or runs out
** of fuel. A C function calling a Lua function and the Lua function
** returning to its continuation take the short paths (picD_fastcallreq,
** picD_fastreturn) straight between picV_execute and the C frame; the
** executor takes them itself where nothing needs the driver (pvm.c's CALL
** and returnc). */
static int drive(pic_State *root, int *nres) {
  pic_State *L;
  CallInfo *ci;
  int n, r;
  for (;;) {
    L = root->running;
    ci = L->ci;
    if (isLua(ci)) {
    lua:
      r = picV_execute(root, L);
      L = root->running;   /* the executor may have switched threads */
      switch (r) {
        case PICV_FUEL:
          return PIC_FUEL;
        case PICV_FIN:
          runfinalizer(L);
          continue;
        case PICV_RET:
          ci = L->ci;
          if (!(ci->callstatus & SLOWRET)) {
            ci = picD_fastreturn(L, ci, L->cres);
            if (isLua(ci))
              continue;
            goto cframe;
          }
          r = doreturn(root, L, ci, L->cres, nres);
          if (r >= 0)
            return r;
          continue;
        default:   /* PICV_CRES: a C frame with a pending request */
          if ((L->ci->callstatus & CIST_REQ) && picD_fastcallreq(L, L->ci))
            goto lua;
          continue;
      }
    }
  cframe:
    if (ci->callstatus & CIST_REQ) {
      r = dorequest(root, L, ci, nres);
      if (r >= 0)
        return r;
      continue;
    }
    if (L->fuel <= 0)
      return PIC_FUEL;
    n = picD_runc(L, ci);
    if (n == PICD_FASTCALL)
      goto lua;
    if (n == PICD_REQUEST)
      continue;
    ci = L->ci;
    if (!(ci->callstatus & SLOWRET)) {
      ci = picD_fastreturn(L, ci, n);
      if (isLua(ci))
        goto lua;
      if (picC_canfinalize(G(L)))
        runfinalizer(L);
      continue;
    }
    r = doreturn(root, L, ci, n, nres);
    if (r >= 0)
      return r;
    if (picC_canfinalize(G(L)) && !isLua(root->running->ci))
      runfinalizer(root->running);
  }
}

/* ---- host entry points ---- */

int pic_start(pic_State *L, int nargs) {
  if (L->status != PIC_OK || L->ci != &L->base_ci || L->req == PICD_REQ_START) {
    pic_pushstring(L, "cannot start a thread that is running, suspended or dead");
    return PIC_ERRRUN;
  }
  L->running = L;
  L->resumer = NULL;
  L->errfunc = 0;
  L->nny = 0;
  L->base_ci.extra = 1;   /* as lua.c's protected call of the main chunk */
  L->req = PICD_REQ_START;
  L->yieldbase = savestack(L, L->top - nargs - 1);
  return PIC_OK;
}

int pic_step(pic_State *L, int64_t fuel, int *nresarg) {
  jmp_buf jb;
  jmp_buf *volatile old = L->errorJmp;
  volatile int status;
  volatile int64_t budget = fuel < 0 ? UNBOUNDED : fuel;
  volatile int phase;
  int dummy;
  int *volatile nres = nresarg != NULL ? nresarg : &dummy;
  *nres = 0;
  if (L->running == NULL)
    L->running = L;
  if (L->status != PIC_OK && L->status != PIC_YIELD) {
    pic_pushstring(L, "cannot resume dead coroutine");
    return PIC_ERRRUN;
  }
  if (L->req != PICD_REQ_START && L->status == PIC_OK && L->running == L && L->ci == &L->base_ci) {
    pic_pushstring(L, "cannot resume dead coroutine");
    return PIC_ERRRUN;
  }
  L->running->fuel = budget;
  L->running->errorJmp = &jb;
  L->errorJmp = &jb;
  phase = 0;
  for (;;) {
    if (setjmp(jb) == 0) {
      if (phase == 0) {
        phase = 1;
        if (L->req == PICD_REQ_START) {
          L->req = 0;
          pushcall(L, restorestack(L, L->yieldbase), PIC_MULTRET, CIST_FRESH);
        } else if (L->status == PIC_YIELD && L->running == L) {
          StkId yb = restorestack(L, L->yieldbase);
          L->status = PIC_OK;
          L->ci->u.c.status = PIC_YIELD;
          L->ci->nres = L->top > yb ? (int)(L->top - yb) : 0;
        }
      }
      status = drive(L, nres);
      break;
    }
    phase = 1;
    status = handleerror(L);
    if (status >= 0)
      break;
  }
  {
    int64_t spent = budget - L->running->fuel;   /* <= 2 * UNBOUNDED: no overflow */
    G(L)->fuelused = G(L)->fuelused > INT64_MAX - spent ? INT64_MAX : G(L)->fuelused + spent;
  }
  {
    pic_State *t;
    for (t = L->running; t != NULL && t != L; t = t->resumer)
      t->errorJmp = NULL;   /* the active chain of coroutines, if suspended by fuel */
  }
  L->errorJmp = old;
  return status;
}

int64_t pic_fuelused(pic_State *L) {
  return G(L)->fuelused;
}

int pic_status(pic_State *L) {
  return L->status;
}

int pic_closethread(pic_State *L, pic_State *from) {
  jmp_buf jb;
  jmp_buf *volatile old = L->errorJmp;
  volatile int status = L->status == PIC_YIELD ? PIC_OK : L->status;
  volatile int phase = 0;
  int nres;
  (void)from;
  L->ci = &L->base_ci;
  L->status = PIC_OK;
  L->resumer = NULL;
  L->running = L;
  L->req = 0;
  L->fuel = UNBOUNDED;
  L->errorJmp = &jb;
  for (;;) {
    if (setjmp(jb) == 0) {
      int r;
      if (phase == 0) {
        phase = 1;
        if (status == PIC_OK) {
          picD_checkstack(L, 1);
          setnilvalue(L->top);
          L->top++;
        }
        r = startunwind(L, L, &L->base_ci, status);
        if (r >= 0) {
          status = r;
          break;
        }
      }
      status = drive(L, &nres);
      break;
    }
    status = handleerror(L);
    if (status >= 0)
      break;
  }
  L->errorJmp = old;
  L->running = L;
  return status;
}
