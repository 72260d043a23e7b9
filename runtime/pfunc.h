/*
** pfunc.h -- prototypes, closures and upvalues. Module: runtime (internal, prefix picF_).
** Invariant: at most one open UpVal exists per stack slot; a thread's open
** upvalues are listed by decreasing stack level.
*/
#ifndef PFUNC_H
#define PFUNC_H

#include "runtime/pobject.h"

Proto *picF_newproto(pic_State *L);
void picF_freeproto(pic_State *L, Proto *f);
CClosure *picF_newCclosure(pic_State *L, int nupvals);
LClosure *picF_newLclosure(pic_State *L, int nupvals);
/* Fills [cl]'s upvalues with fresh closed upvalues (nil). */
void picF_initupvals(pic_State *L, LClosure *cl);
/* The open upvalue for stack slot [level], created if needed. */
UpVal *picF_findupval(pic_State *L, StkId level);
/* Closes every open upvalue at or above [level] (no to-be-closed handling;
** the executor closes tbc variables itself, through frames). */
void picF_closeupval(pic_State *L, StkId level);
void picF_unlinkupval(UpVal *uv);
/* Name of the [local_number]-th local active at [pc], or NULL. */
const char *picF_getlocalname(const Proto *f, int local_number, int pc);

#endif
