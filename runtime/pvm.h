/*
** pvm.h -- the interpreter loop and the operations it shares with the API
** (metamethod-aware get/set/compare/arith/concat). Module: runtime (internal, prefix picV_).
**
** Operations that may need a Lua metamethod never call it recursively: they
** push the call (function and arguments at L->top) and return PICV_CALL; the
** caller turns that into a frame. C metamethods are run inline when they
** return plainly.
*/
#ifndef PVM_H
#define PVM_H

#include "runtime/pobject.h"
#include "runtime/pstate.h"

/* Results of picV_execute (why the interpreter loop handed control back to
** the step driver in pdo.c). */
#define PICV_CRES   1   /* L->ci is a C frame: its request pending (flagged CIST_REQ), or to run */
#define PICV_RET    2   /* a Lua frame returned L->cres values (on top) and needs the driver (L->ci is it) */
#define PICV_FUEL   3   /* fuel used up between two instructions */
#define PICV_FIN    4   /* pending finalizers at a safe point */

/* Results of the metamethod-aware operations below. */
#define PICV_DONE   0   /* finished at once (result stored) */
#define PICV_CALL   1   /* a metamethod call was pushed at L->top (function + args) */

/* Registers the base library's 'next' and ipairs iterator: a generic 'for'
** over a plain table with one of them then steps inline, with the results
** the call would give (the functions still run as calls everywhere else). */
void picV_setiterators(pic_State *L, pic_CFunction next, pic_CFunction ipairsaux);

/* Registers the base library's pcall [f] and its continuation [k]: a CALL
** of f whose first argument is a Lua function makes f's frame (as f would
** with pic_pcallk, after inserting true below the function) and enters the
** Lua function itself (hooks off; anything else still calls f). */
void picV_setpcall(pic_State *L, pic_CFunction f, pic_KFunction k);

/* Registers the string library's byte and sub: a CALL of byte with a
** string and no index or an integer index, or of sub with a string and one
** or two integers, wanting one result, is computed in the executor (hooks
** off; anything else still calls the function). */
void picV_setstrfns(pic_State *L, pic_CFunction byte, pic_CFunction sub);

/* Registers [f], the function of the base library's 'type': a C closure
** whose upvalue t + 1 is the name of basic type t. A CALL of such a closure
** with one argument, wanting one result, takes the name from the closure
** itself (hooks off; anything else still calls it). */
void picV_settype(pic_State *L, pic_CFunction f);

/* Registers [f], the base library's 'setmetatable': a CALL of it with two
** tables, the first without a metatable, sets the metatable in the
** executor (barrier and finalizer check as pic_setmetatable makes them)
** and gives the first table (hooks off; anything else still calls it, so
** errors and __metatable protection stay the function's). */
void picV_setsetmetatable(pic_State *L, pic_CFunction f);

/* Registers the coroutine library's resume [resume] (with continuation
** [k], which gives true and the values a yield passes), yield [yield] and
** the C function [wrap] of the closures coroutine.wrap makes (upvalue 1
** the coroutine; continuation [wrapk]): a CALL of resume with a coroutine
** suspended by a yield, or a CALL or TFORCALL of a wrap closure whose
** coroutine is, or a CALL of yield in a coroutine with a resumer, switches
** threads in the executor (pdo.h's picD_fastresume, picD_fastyield; hooks
** off; anything else, errors included, still calls the function). */
void picV_setcoroutine(pic_State *L, pic_CFunction resume, pic_KFunction k, pic_CFunction yield,
                       pic_CFunction wrap, pic_KFunction wrapk);

/* Registers the math library's floor, ceil, abs, sqrt, sin, cos, min and
** max, in that order ([fns], 8 of them): a CALL of one of the first six
** with one number argument, or of min or max with two numbers, is computed
** in the executor, with the result the function gives (hooks off; anything
** else still calls it). */
void picV_setmathfns(pic_State *L, const pic_CFunction fns[8]);

/* Runs Lua frames starting at L->ci (L being root->running, root the
** thread pic_step runs) until one of the PICV_* events. It may switch
** threads on coroutine resumes and yields: root->running is then the
** thread the event concerns. */
int picV_execute(pic_State *root, pic_State *L);
/* Completes the instruction of Lua frame [ci] interrupted by a metamethod
** whose result(s) are on top (as luaV_finishOp). Returns PICV_DONE, or
** PICV_CALL when it pushed another metamethod call (CONCAT). */
int picV_finishop(pic_State *L, CallInfo *ci);

/* Equality with __eq; returns PICV_DONE with *res set, or PICV_CALL. */
int picV_equalobj(pic_State *L, const TValue *t1, const TValue *t2, int *res);
int picV_rawequalobj(const TValue *t1, const TValue *t2);
/* Order comparisons with __lt/__le; raise on incomparable values. */
int picV_lessthan(pic_State *L, const TValue *l, const TValue *r, int *res);
int picV_lessequal(pic_State *L, const TValue *l, const TValue *r, int *res);
/* t[key] following __index; stores in *val (a stack slot given by offset) or pushes a call. */
int picV_finishget(pic_State *L, const TValue *t, const TValue *key, ptrdiff_t valoff);
/* t[key] = val following __newindex; or pushes a call (0 results). */
int picV_finishset(pic_State *L, const TValue *t, const TValue *key, const TValue *val);
/* Arithmetic event [tm] (TM_ADD..TM_BNOT) with string coercion and
** metamethods; result to stack offset [resoff]. */
int picV_arith(pic_State *L, const TValue *p1, const TValue *p2, ptrdiff_t resoff, int tm);
/* Length with __len, result to stack offset [resoff]. */
int picV_objlen(pic_State *L, ptrdiff_t resoff, const TValue *rb);
/* Concatenates the [total] values on top into one (at top - total),
** calling __concat as needed; leaves L->top one above the result when done. */
int picV_concat(pic_State *L, int total);
/* Value (number or numeric string) -> integer (mode 0 exact, 1 floor, 2 ceil); 0 on failure. */
int picV_tointegerns(const TValue *obj, pic_Integer *p, int mode);

/* Finishes a pushed metamethod call (function + args from [func] to top)
** expecting [nres] results: returns PICV_DONE with the results at func
** (L->top = func + nres) when it ran inline (a C function returning plainly),
** else PICV_CALL with the frame pushed and flagged CIST_FINOP (the driver or
** the loop runs it). */
int picV_calltm(pic_State *L, StkId func, int nres);

#endif
