/*
** pdebug.h -- error messages with variable information, positions and
** tracebacks (a port of the logic of Lua 5.4's ldebug.c). Module: runtime
** (internal, prefix picG_). picG_runerror is declared in pdo.h.
*/
#ifndef PDEBUG_H
#define PDEBUG_H

#include "runtime/pobject.h"
#include "runtime/pstate.h"

/* Current line of Lua frame [ci] (-1 when unknown). */
int picG_currentline(CallInfo *ci);
/* Raises "attempt to [op] a [type] value[ (kind 'name')]". */
_Noreturn void picG_typeerror(pic_State *L, const TValue *o, const char *op);
_Noreturn void picG_callerror(pic_State *L, const TValue *o);
_Noreturn void picG_concaterror(pic_State *L, const TValue *p1, const TValue *p2);
_Noreturn void picG_opinterror(pic_State *L, const TValue *p1, const TValue *p2, const char *msg);
_Noreturn void picG_tointerror(pic_State *L, const TValue *p1, const TValue *p2);
_Noreturn void picG_ordererror(pic_State *L, const TValue *p1, const TValue *p2);
_Noreturn void picG_forerror(pic_State *L, const TValue *o, const char *what);
/* Name of the local variable held in stack slot [o] of Lua frame [ci], or NULL. */
const char *picG_localname(pic_State *L, CallInfo *ci, StkId o);
/* Name and kind ("global", "local", "method", "field", "upvalue",
** "for iterator", "metamethod") of the function running at call [level]
** (0 = the running function) as the calling code names it; returns the kind
** or NULL when unknown. */
const char *picG_funcname(pic_State *L, int level, const char **name);
/* Is [ci] a frame of the thread's hook function (pic_sethook)? Such frames
** are not counted as call levels (Lua runs hooks without a frame). */
int picG_ishookframe(pic_State *L, CallInfo *ci);
/* The frame at call [level] (0 = running; hook frames skipped), or NULL. */
CallInfo *picG_getlevel(pic_State *L, int level);
/* Raises Lua 5.4's "bad argument #arg to 'name' (extramsg)" for the running
** C function (luaL_argerror's logic: methods do not count self; names come
** from the calling code, else from package.loaded). For stdlib/auxlib.c. */
int picG_argerror(pic_State *L, int arg, const char *extramsg);

/* Pops the value on top into the first upvalue of the function at [funcidx]
** (load's env); returns 0, popping nothing, when it has no upvalue. */
int picG_setupvalue1(pic_State *L, int funcidx);
/* coroutine.status of [co] as seen from running thread [L]: "running",
** "suspended", "normal" or "dead". */
const char *picG_costatus(pic_State *L, pic_State *co);

#endif
