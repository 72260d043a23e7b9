/*
** pdo.h -- stack management, calls and error propagation for the stackless
** executor. Module: runtime (internal, prefix picD_).
**
** Error protocol: every pic_step installs one jmp_buf (L->errorJmp); picD_throw
** longjmps there, never further. The step loop then unwinds the heap CallInfo
** frames to the nearest CIST_YPCALL frame (closing upvalues and tbc variables
** through executor frames) or, with none, finishes the step with the error.
** C stack depth stays bounded: nothing between the step loop and a throw
** recurses per Lua call.
*/
#ifndef PDO_H
#define PDO_H

#include "runtime/picdebug.h"
#include "runtime/pobject.h"
#include "runtime/pstate.h"

/* Raises [errcode] with the error object on top of the stack. Never returns. */
_Noreturn void picD_throw(pic_State *L, int errcode);
/* Raises a runtime error with message formatted as pic_pushfstring, prefixed
** with the current Lua position ("chunk:line: "). Never returns. */
_Noreturn void picG_runerror(pic_State *L, const char *fmt, ...);
/* Ensures [n] free slots above top (may reallocate the stack, fixing pointers). */
void picD_growstack(pic_State *L, int n);
#define picD_checkstack(L, n) \
  do { if ((L)->stack_last - (L)->top <= (n)) picD_growstack(L, n); } while (0)
/* Byte offsets survive stack reallocation. */
#define savestack(L, p)    ((char *)(p) - (char *)(L)->stack)
#define restorestack(L, n) ((StkId)((char *)(L)->stack + (n)))
/* Shrinks an oversized stack (collector, at safe points; a pcall that
** caught an overflow, so that the margin serves the next one). */
void picD_shrinkstack(pic_State *L);

/* ---- executor internals (pdo.c, pvm.c, papi.c) ---- */
/* callstatus bits added by the executor (see pstate.h for the others). */
#define CIST_FINOP    (1 << 8)   /* metamethod frame: on return finish the caller's instruction */
#define CIST_START    (1 << 10)  /* C frame whose function has not been called yet */
#define CIST_MSGH     (1 << 11)  /* message handler running for an error */
#define CIST_UNWCLOSE (1 << 12)  /* __close call made while unwinding an error */
#define CIST_AGAIN    (1 << 13)  /* C frame continues in k after the fuel check */
#define CIST_LEQ      (1 << 6)   /* Lua frame: "<=" is being computed as "not (b < a)" */
#define CIST_NOYIELD  (1 << 6)   /* C frame: its pending call may not yield (cleared when k runs) */
#define CIST_REQ      (1 << 14)  /* C frame returned a request not yet processed */
#define CIST_CRET     (1 << 15)  /* Lua frame returns into a C frame */
#define CIST_HOOKRET  (1 << 15)  /* C frame: its return hook runs; ci->nres results wait */
/* C frames also use CIST_HOOKCALL (its call hook has run) and CIST_HOOKED
** (a hook runs above it: hooks are allowed again when control comes back). */

/* Nesting of metamethod calls, generic-for iterator calls and calls from C
** functions (each would be a C-level call in Lua 5.4, whose limit this
** mirrors; ci->extra counts them): "C stack overflow". */
#define PICD_MAXCCALLS 200
/* Nested calls of a message handler failing on the error it was given
** before the error becomes "error in error handling" (Lua's C-call limit). */
#define PICD_MAXMSGH 200

/* A C function's return value meaning "a request is pending in L->req". */
#define PICD_REQUEST (-0x7fff)
#define PICD_REQ_CALL   1   /* pic_callk / pic_pcallk */
#define PICD_REQ_YIELD  2   /* pic_yieldk */
#define PICD_REQ_AGAIN  3   /* pic_againk */
#define PICD_REQ_RESUME 4   /* pic_resumek */
#define PICD_REQ_CLOSE  5   /* picD_closek */
#define PICD_REQ_STATUS 6   /* call k at once with status L->reqnres */
#define PICD_REQ_START  7   /* pic_start: the first frame is pushed by the next pic_step */
#define PICD_REQ_CLOSERET 8 /* a C function returned ci->nres results above pic_toclose slots */

/* Pushes the frame for a call of [func] (arguments up to L->top) wanting
** [nresults]. Lua function: returns the new CallInfo. C function: runs it
** and returns NULL with its return value in L->cres (its frame stays
** L->ci). Non-functions go through __call or raise. */
CallInfo *picD_precall(pic_State *L, StkId func, int nresults);
/* Flags C frame [ci] that returned [n] as having a pending request, when
** n is one or when to-be-closed slots of the frame must be closed before its
** results are returned; returns what the caller must treat as the result. */
int picD_checkcloseret(pic_State *L, CallInfo *ci, int n);
/* With call or return hooks set and no hook running, fires C frame [ci]'s
** call event ([n] < 0; the frame gets CIST_START and starts when the hook
** returns) or its return event for its [n] results on top (they wait, with
** CIST_HOOKRET): pushes the hook call as a new frame (L->ci) that the driver
** runs. Returns 1 if it fired, else 0. */
int picD_hookc(pic_State *L, CallInfo *ci, int n);
/* Runs C function [f] for [func] in frame [ci] (already L->ci, with
** PIC_MINSTACK free slots) expecting [nresults]; its return (a count, or
** PICD_REQUEST with the request flagged on the frame, or with a hook frame
** pushed above it) is left in L->cres. Inline: picD_precall and the
** executor's CALL use it. */
static inline void picD_runcfunc(pic_State *L, CallInfo *ci, StkId func, pic_CFunction f,
                                 int nresults) {
  int n;
  ci->func = func;
  ci->nresults = nresults;
  ci->callstatus = CIST_C;
  ci->top = L->top + PIC_MINSTACK;
  ci->u.c.k = NULL;
  ci->u.c.status = PIC_OK;
  if (L->hookmask & PIC_MASKCALL && picD_hookc(L, ci, -1)) {
    L->cres = PICD_REQUEST;
    return;
  }
  L->fuel--;
  n = f(L);
  if (n == PICD_REQUEST || L->tbclist != NULL)
    n = picD_checkcloseret(L, ci, n);
  if (L->hookmask & PIC_MASKRET && n >= 0 && picD_hookc(L, ci, n))
    n = PICD_REQUEST;
  L->cres = n;
}
/* Makes L->ci->next (which must exist, with p->maxstacksize free stack
** slots above L->top) the frame of Lua function [func] with proto [p]
** wanting [nresults], with [status] and [extra]; fills missing parameters
** with nil and returns the frame, now L->ci. Inline: the executor's CALL,
** picD_precall and the driver's call requests use it. */
static inline CallInfo *picD_enterlua(pic_State *L, StkId func, const Proto *p, int nresults,
                                      unsigned short status, unsigned short extra) {
  CallInfo *ci = L->ci->next;
  int narg = (int)(L->top - func) - 1;
  ci->func = func;
  ci->nresults = nresults;
  ci->callstatus = status;
  ci->extra = extra;
  ci->top = func + 1 + p->maxstacksize;
  ci->u.l.savedpc = p->code;
  if (pic_unlikely(narg < p->numparams))
    for (; narg < p->numparams; narg++)
      setnilvalue(L->top++);
  return L->ci = ci;
}
/* Pops frame [ci], moving its [n] results (on top) to its function slot. */
void picD_poscall(pic_State *L, CallInfo *ci, int n);
/* Moves the [n] values on top to [res] as [wanted] results (PIC_MULTRET:
** all of them; missing ones nil) and sets L->top just after them. */
static inline void picD_moveresults(pic_State *L, StkId res, int n, int wanted) {
  StkId first = L->top - n;
  int i;
  if (wanted == 1) {   /* the common case */
    if (n > 0) {
      setobj(L, res, first);
    } else {
      setnilvalue(res);
    }
    L->top = res + 1;
    return;
  }
  if (wanted == PIC_MULTRET)
    wanted = n;
  for (i = 0; i < wanted && i < n; i++)
    setobj(L, res + i, first + i);
  for (; i < wanted; i++)
    setnilvalue(res + i);
  L->top = res + wanted;
}
/* Makes C frame [ci] the protected call (pic_pcallk) of [func]: an error
** in it unwinds to [ci], with the handler in stack slot [msgh] (0: none). */
static inline void picD_protect(pic_State *L, CallInfo *ci, StkId func, int msgh) {
  ci->callstatus |= CIST_YPCALL;
  ci->u.c.pfunc = savestack(L, func);
  ci->u.c.old_errfunc = L->errfunc;
  L->errfunc = (ptrdiff_t)msgh * (ptrdiff_t)sizeof(TValue);
}

/* picD_runc's result when it pushed the Lua frame its C function called. */
#define PICD_FASTCALL (-0x7ffe)

/* Frame bits whose return needs the driver's full treatment (doreturn). */
#define SLOWRET (CIST_FRESH | CIST_FINOP | CIST_UNWCLOSE | CIST_CLSRET | CIST_MSGH)

/* The common request of C frame [ci] (L->ci): pic_callk or pic_pcallk of
** a Lua function. Pushes its frame as the driver's general path would and
** returns 1; returns 0, changing nothing, when the general path must handle
** the request (other request, no free CallInfo, stack to grow, "C stack
** overflow"). */
static inline int picD_fastcallreq(pic_State *L, CallInfo *ci) {
  StkId func;
  Proto *p;
  CallInfo *nci = ci->next;
  int narg = L->reqnargs;
  if (L->req != PICD_REQ_CALL || nci == NULL || ci->extra >= PICD_MAXCCALLS)
    return 0;
  func = L->top - narg - 1;
  if (!ttisLclosure(func))
    return 0;
  p = clLvalue(func)->p;
  if (L->stack_last - L->top <= p->maxstacksize)
    return 0;
  ci->u.c.status = PIC_OK;
  ci->callstatus &= (unsigned short)~CIST_REQ;
  if (L->reqmsgh >= 0)
    picD_protect(L, ci, func, L->reqmsgh);
  picD_enterlua(L, func, p, L->reqnres, CIST_CRET, (unsigned short)(ci->extra + 1));
  return 1;
}

/* Frame [ci] without SLOWRET bits returned [n] values (on top): pops it
** as the driver's doreturn would; returns the frame returned to (L->ci). */
static inline CallInfo *picD_fastreturn(pic_State *L, CallInfo *ci, int n) {
  picD_moveresults(L, ci->func, n, ci->nresults);
  ci = L->ci = ci->previous;
  if (!isLua(ci) && (ci->callstatus & CIST_YPCALL)) {   /* protected call ended */
    ci->callstatus &= (unsigned short)~CIST_YPCALL;
    L->errfunc = ci->u.c.old_errfunc;
  }
  return ci;
}

/* Runs C frame [ci] (L->ci, no request pending, fuel left): its function
** when not yet started, else its continuation (or, with none, the results
** it has). Returns the number of results on top, or PICD_REQUEST with the
** request flagged on the frame (CIST_REQ) unless picD_fastcallreq already
** pushed the called Lua frame (L->ci is then that frame, and PICD_FASTCALL
** is returned). The driver and the executor's returns into C use it. */
int picD_runc(pic_State *L, CallInfo *ci);
/* The executor's short path for a coroutine switch: serves C frame
** L->ci's pending request (CIST_REQ) as the driver would when it resumes a
** coroutine suspended by a yield or yields to a resumer, and returns the
** thread now running (root->running, [root] being the stepped thread), whose
** L->ci is a C frame to run (the yield's or the resume's). Returns NULL,
** changing nothing, for any other request. */
pic_State *picD_fastswitch(pic_State *root, pic_State *L);
/* The executor's call of coroutine.resume(co, ...) or of a coroutine.wrap
** function (func, resuming [co] with the [nargs] values on top, the
** library's continuation [k]) or of coroutine.yield(...), with hooks off,
** when the call would succeed without growing a stack (co, not NULL,
** suspended by a yield, the C-call depth available; a yieldable thread
** with a resumer): makes the function's frame above L->ci (which must
** have a next CallInfo) in the state its request leaves after
** picD_fastswitch served it, switches, and returns the thread now running,
** whose L->ci is the C frame to run. NULL, changing nothing, otherwise: the
** function then runs as any C function (and raises its errors). */
pic_State *picD_fastresume(pic_State *root, pic_State *L, StkId func, pic_State *co, int nargs,
                           int nresults, pic_KFunction k);
pic_State *picD_fastyield(pic_State *root, pic_State *L, StkId func, int nresults);
/* Marks stack slot [o] as a to-be-closed variable. */
void picD_newtbcupval(pic_State *L, StkId o);
/* Pops the highest to-be-closed variable at or above [level] and pushes
** its __close call (method, value, [err] or nil) at L->top; returns 0 when
** there is none. */
int picD_pushclose(pic_State *L, StkId level, const TValue *err);
/* corolib's close: a request (return it) that closes the pending
** to-be-closed variables of suspended or dead coroutine [co], then
** continues in k with PIC_OK, or an error status and the error on top. */
int picD_closek(pic_State *L, pic_State *co, pic_KContext ctx, pic_KFunction k);

#endif
