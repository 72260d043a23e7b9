/*
** corolib.c -- the coroutine library over the stackless executor: resume,
** wrap and close are requests (pic_resumek, picD_closek) that switch the
** executor to the coroutine and continue here in a continuation.
** Module: stdlib (picopen_coroutine). Uses runtime/pdebug.h for the status
** name, runtime/pdo.h for the close request and the stack of the running
** frame (pstate.h) for resume's results.
*/
#include "runtime/pdebug.h"
#include "runtime/pdo.h"
#include "runtime/pvm.h"   /* picV_setcoroutine */
#include "runtime/picaux.h"
#include "stdlib/picstdlib.h"

static pic_State *getco(pic_State *L) {
  picL_checktype(L, 1, PIC_TTHREAD);
  return pic_tothread(L, 1);
}

/* The stack is the coroutine (slot 1, no longer needed) and the values it
** returned or yielded, or its error. */
static int resume_k(pic_State *L, int status, pic_KContext ctx) {
  (void)ctx;
  if (status == PIC_OK || status == PIC_YIELD) {
    StkId first = L->ci->func + 1;
    setbtvalue(first);   /* true replaces the coroutine */
    return (int)(L->top - first);
  }
  pic_pushboolean(L, 0);
  pic_insert(L, -2);
  return 2;
}

static int co_resume(pic_State *L) {
  pic_State *co = getco(L);
  return pic_resumek(L, co, pic_gettop(L) - 1, 0, resume_k);
}

/* Adds the caller's position to a string error and raises it. */
static int wrap_raise(pic_State *L, int status) {
  if (status != PIC_ERRMEM && pic_type(L, -1) == PIC_TSTRING) {
    pic_where(L, 1);
    pic_insert(L, -2);
    pic_concat_raw(L, 2);
  }
  return pic_error(L);
}

static int wrapclose_k(pic_State *L, int status, pic_KContext ctx) {
  (void)ctx;
  return wrap_raise(L, status);
}

static int wrap_k(pic_State *L, int status, pic_KContext ctx) {
  (void)ctx;
  if (status == PIC_OK || status == PIC_YIELD)
    return pic_gettop(L) - (int)ctx;
  {
    pic_State *co = pic_tothread(L, pic_upvalueindex(1));
    int st = pic_status(co);
    if (st != PIC_OK && st != PIC_YIELD) {   /* error in the coroutine: close its tbc variables */
      pic_pop(L, 1);
      return picD_closek(L, co, 0, wrapclose_k);
    }
    return wrap_raise(L, status);
  }
}

static int auxwrap(pic_State *L) {
  pic_State *co = pic_tothread(L, pic_upvalueindex(1));
  int n = pic_gettop(L);
  return pic_resumek(L, co, n, 0, wrap_k);
}

static int co_create(pic_State *L) {
  pic_State *nl;
  picL_checktype(L, 1, PIC_TFUNCTION);
  nl = pic_newthread(L);
  pic_pushvalue(L, 1);
  pic_xmove(L, nl, 1);
  return 1;
}

static int co_wrap(pic_State *L) {
  co_create(L);
  pic_pushcclosure(L, auxwrap, 1);
  return 1;
}

static int co_yield(pic_State *L) {
  return pic_yield(L, pic_gettop(L));
}

static int co_status(pic_State *L) {
  pic_State *co = getco(L);
  pic_pushstring(L, picG_costatus(L, co));
  return 1;
}

static int co_running(pic_State *L) {
  int ismain = pic_pushthread(L);
  pic_pushboolean(L, ismain);
  return 2;
}

static int co_isyieldable(pic_State *L) {
  pic_State *co = pic_isnone(L, 1) ? L : getco(L);
  pic_pushboolean(L, pic_isyieldable(co));
  return 1;
}

static int close_k(pic_State *L, int status, pic_KContext ctx) {
  (void)ctx;
  if (status == PIC_OK) {
    pic_pushboolean(L, 1);
    return 1;
  }
  pic_pushboolean(L, 0);
  pic_insert(L, -2);
  return 2;
}

static int co_close(pic_State *L) {
  pic_State *co = getco(L);
  const char *st = picG_costatus(L, co);
  if (st[0] == 'd' || st[0] == 's')
    return picD_closek(L, co, 0, close_k);
  return picL_error(L, "cannot close a %s coroutine", st);
}

static const picL_Reg co_funcs[] = {
  {"create", co_create},
  {"resume", co_resume},
  {"running", co_running},
  {"status", co_status},
  {"wrap", co_wrap},
  {"yield", co_yield},
  {"isyieldable", co_isyieldable},
  {"close", co_close},
  {NULL, NULL}
};

/* Pushes the coroutine library table. */
int picopen_coroutine(pic_State *L) {
  picL_newlib(L, co_funcs);
  picV_setcoroutine(L, co_resume, resume_k, co_yield, auxwrap, wrap_k);   /* CALL switches threads itself */
  return 1;
}
