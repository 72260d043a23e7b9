/*
** testutil.h -- helpers for the runtime's Criterion unit tests: a state, a
** protected region that catches picD_throw, value constructors.
** Module: runtime (tests).
*/
#ifndef TESTUTIL_H
#define TESTUTIL_H

#include <setjmp.h>
#include <stdio.h>
#include <string.h>

#include "runtime/pgc.h"
#include "runtime/pstate.h"
#include "runtime/pstring.h"
#include "runtime/ptable.h"

typedef void (*ProtectedBody)(pic_State *L, void *ud);

/* Runs [f](L, ud) with L->errorJmp set; returns the raised status or 0. */
static inline int protect(pic_State *L, ProtectedBody f, void *ud) {
  jmp_buf jb;
  jmp_buf *volatile old = L->errorJmp;
  int st;
  L->errorJmp = &jb;
  st = setjmp(jb);
  if (st == 0)
    f(L, ud);
  L->errorJmp = old;
  return st;
}

static inline TValue tv_int(pic_Integer i) { TValue v; setivalue(&v, i); return v; }
static inline TValue tv_flt(pic_Number n) { TValue v; setfltvalue(&v, n); return v; }
static inline TValue tv_str(pic_State *L, const char *s) {
  TValue v;
  setsvalue(L, &v, picS_new(L, s));
  return v;
}

/* Pushes a new table (anchored on the stack) and returns it. */
static inline Table *push_table(pic_State *L) {
  Table *t = picH_new(L);
  sethvalue(L, L->top, t);
  L->top++;
  return t;
}

/* Text of the string on top of the stack. */
/* Pushes a table holding [n] small tables, the i-th holding i (a heap for
** the collector tests). */
static inline void pushbig(pic_State *L, int n) {
  int i;
  pic_createtable(L, 0, 0);
  for (i = 1; i <= n; i++) {
    pic_createtable(L, 1, 0);
    pic_pushinteger(L, i);
    pic_rawseti(L, -2, 1);
    pic_rawseti(L, -2, i);
  }
}

static inline const char *top_str(pic_State *L) {
  return ttisstring(L->top - 1) ? svalue(L->top - 1) : "(not a string)";
}

#endif
