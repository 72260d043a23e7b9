/*
** ptm.c -- metamethod names and lookup, type names. Module: runtime (prefix picT_).
** Mirrors Lua 5.4's ltm.c. A table's flags cache the absence of the events
** TM_INDEX..TM_EQ; any raw store into the table clears the cache (ptable.c).
*/
#include <string.h>

#include "runtime/pgc.h"
#include "runtime/pstate.h"
#include "runtime/pstring.h"
#include "runtime/ptable.h"
#include "runtime/ptm.h"

static const char udatatypename[] = "userdata";

const char *const picT_typenames_[PIC_NUMTYPES + 2] = {
  "no value", "nil", "boolean", udatatypename, "number",
  "string", "table", "function", udatatypename, "thread",
  "upvalue"
};

/* Creates the fixed strings "__index" ... "__close" in g->tmname. */
void picT_init(pic_State *L) {
  static const char *const eventname[] = {  /* ORDER TM */
    "__index", "__newindex", "__gc", "__mode", "__len", "__eq",
    "__add", "__sub", "__mul", "__mod", "__pow", "__div", "__idiv",
    "__band", "__bor", "__bxor", "__shl", "__shr",
    "__unm", "__bnot", "__lt", "__le", "__concat", "__call", "__close"
  };
  int i;
  _Static_assert(sizeof(eventname) / sizeof(eventname[0]) == TM_N, "one name per event");
  for (i = 0; i < TM_N; i++) {
    G(L)->tmname[i] = picS_new(L, eventname[i]);
    picC_fix(L, obj2gco(G(L)->tmname[i]));
  }
}

/* Event [event] named [ename] in metatable [events], or NULL (absence of
** the fast events is cached in events->flags). */
const TValue *picT_gettm(Table *events, TMS event, TString *ename) {
  const TValue *tm = picH_shrget(events, ename);
  if (ttisnil(tm)) {
    if (event <= TM_EQ)
      events->flags |= (uint8_t)(1u << event);
    return NULL;
  }
  return tm;
}

/* The metatable of [o] (its own for tables and userdata, else per type). */
Table *picT_getmetatable(pic_State *L, const TValue *o) {
  switch (ttype(o)) {
    case PIC_TTABLE: return hvalue(o)->metatable;
    case PIC_TUSERDATA: return uvalue(o)->metatable;
    default: return G(L)->mt[ttype(o)];
  }
}

/* Metamethod [event] of [o], or a nil value. */
const TValue *picT_gettmbyobj(pic_State *L, const TValue *o, TMS event) {
  Table *mt = picT_getmetatable(L, o);
  return mt ? picH_shrget(mt, G(L)->tmname[event]) : &G(L)->nilvalue;
}

/* Type name of [o] for messages: a string __name in its metatable wins. */
const char *picT_objtypename(pic_State *L, const TValue *o) {
  Table *mt;
  if ((ttistable(o) && (mt = hvalue(o)->metatable) != NULL) ||
      (ttisfulluserdata(o) && (mt = uvalue(o)->metatable) != NULL)) {
    const TValue *name = picH_getshortstr(mt, picS_new(L, "__name"));
    if (ttisstring(name))
      return getstr(tsvalue(name));
  }
  return ttypename(ttype(o));
}
