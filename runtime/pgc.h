/*
** pgc.h -- the garbage collector: tri-colour mark and sweep, incremental or
** generational (as Lua 5.4's two modes). Module: runtime (internal, prefix
** picC_).
**
** Invariants:
**   - a black object never points to a white one (barriers restore this);
**   - collection work runs only at safe points: picC_checkGC, called by the
**     executor between instructions and by API functions after allocating,
**     never from inside an allocation (except the emergency collection in
**     pmem.c, which marks and sweeps but never moves or finalizes);
**   - every live object is reachable from the roots: the registry, the main
**     thread, the basic-type metatables, and each thread's stack[0..top);
**   - generational mode: an old object (age above G_SURVIVAL) is black or on
**     a gray list, never white, and points only to old objects unless it is
**     touched (G_TOUCHED1/2: on grayagain) or the young object it points to
**     was aged G_OLD0 by the forward barrier.
** With PIC_GC_STRESS defined, every picC_checkGC also runs a few singlesteps
** (so cycles interleave with the program as finely as possible; in
** generational mode a minor collection every other safe point per 64 KiB of
** heap) and, every 16 safe points per heap MiB, a full collection; pmem.c
** then also runs an emergency collection every 64 growing allocations per
** heap MiB while the collector runs.
*/
#ifndef PGC_H
#define PGC_H

#include "runtime/pobject.h"
#include "runtime/pstate.h"

/* Colours live in GCObject.marked. */
#define WHITE0BIT   3
#define WHITE1BIT   4
#define BLACKBIT    5
#define FINALIZEDBIT 6
#define bitmask(b)  (1 << (b))
#define WHITEBITS   (bitmask(WHITE0BIT) | bitmask(WHITE1BIT))
#define iswhite(x)  ((x)->marked & WHITEBITS)
#define isblack(x)  ((x)->marked & bitmask(BLACKBIT))
#define isgray(x)   (!((x)->marked & (WHITEBITS | bitmask(BLACKBIT))))
#define tofinalize(x) ((x)->marked & bitmask(FINALIZEDBIT))
#define picC_white(g) ((uint8_t)((g)->currentwhite & WHITEBITS))
#define otherwhite(g) ((g)->currentwhite ^ WHITEBITS)
#define isdeadm(ow, m) ((m) & (ow))
#define isdead(g, v)  isdeadm(otherwhite(g), (v)->marked)
#define changewhite(x) ((x)->marked ^= WHITEBITS)

/* Ages (generational mode) in bits 0-2 of GCObject.marked; in incremental
** mode every object is G_NEW except fixed ones (G_OLD). */
#define G_NEW      0   /* created since the last collection */
#define G_SURVIVAL 1   /* survived one collection */
#define G_OLD0     2   /* marked old by the forward barrier this cycle */
#define G_OLD1     3   /* first full cycle as old */
#define G_OLD      4   /* really old: not visited by minor collections */
#define G_TOUCHED1 5   /* old, modified this cycle (on grayagain) */
#define G_TOUCHED2 6   /* old, modified in the previous cycle */
#define AGEBITS    7
#define getage(o)  ((o)->marked & AGEBITS)
#define setage(o, a) ((o)->marked = (uint8_t)(((o)->marked & ~AGEBITS) | (a)))
#define isold(o)   (getage(o) > G_SURVIVAL)

/* Collector modes (g->gckind). */
#define KGC_INC 0
#define KGC_GEN 1
/* Whether the collector runs generational steps: in generational mode, or
** in incremental mode after a "bad" major collection (g->lastatomic != 0),
** waiting for a good one to go back. */
#define isdecGCmodegen(g) ((g)->gckind == KGC_GEN || (g)->lastatomic != 0)

/* Bits of g->gcstp: why the collector may not run now. */
#define GCSTPUSR 1   /* stopped by the user (pic_gc STOP); emergency collections still run */
#define GCSTPGC  2   /* a collection is running: no collection may start inside it */
#define GCSTPCLS 4   /* the state is closing */
#define gcrunning(g) ((g)->gcstp == 0)

/* Phases of a collection cycle (g->gcstate). */
#define GCSpropagate 0
#define GCSenteratomic 1
#define GCSatomic 2
#define GCSswpallgc 3
#define GCSswpfinobj 4
#define GCSswptobefnz 5
#define GCSswpend 6
#define GCScallfin 7
#define GCSpause 8

/* A new collectable object of type [tt] and [sz] bytes, linked on allgc. */
GCObject *picC_newobj(pic_State *L, int tt, size_t sz);
/* Collection work paid for by the debt (a safe point): one incremental
** slice, or in generational mode a minor (sometimes a major) collection. */
void picC_step(pic_State *L);
#define picC_checkGC(L) do { if (G(L)->GCdebt > 0) picC_step(L); picC_stress(L); } while (0)
#ifdef PIC_GC_STRESS
/* A few singlesteps at every safe point (generational: a minor collection
** every other one per 64 KiB of heap), and a full collection every 16
** (times heap MiB) safe points, so stress runs stay linear. */
void picC_stressgc(pic_State *L);
#define picC_stress(L) picC_stressgc(L)
#else
#define picC_stress(L) ((void)0)
#endif
/* A full collection ([isemergency]: no finalizers, no shrinking). */
void picC_fullgc(pic_State *L, int isemergency);
void picC_freeallobjects(pic_State *L);
/* Barriers: after storing white [v] into black object [o]. */
void picC_barrier_(pic_State *L, GCObject *o, GCObject *v);
void picC_barrierback_(pic_State *L, GCObject *o);
#define picC_barrier(L, p, v) ( \
  (iscollectable(v) && isblack(obj2gco(p)) && iswhite(gcvalue(v))) ? \
  picC_barrier_(L, obj2gco(p), gcvalue(v)) : (void)0)
#define picC_barrierback(L, p, v) ( \
  (iscollectable(v) && isblack(obj2gco(p)) && iswhite(gcvalue(v))) ? \
  picC_barrierback_(L, obj2gco(p)) : (void)0)
#define picC_objbarrier(L, p, o) ( \
  (isblack(obj2gco(p)) && iswhite(obj2gco(o))) ? \
  picC_barrier_(L, obj2gco(p), obj2gco(o)) : (void)0)
/* Called by setmetatable: registers [o] for finalization if [mt] has __gc. */
void picC_checkfinalizer(pic_State *L, GCObject *o, Table *mt);
/* Stops the collector for good (pic_close) and queues every object that has
** a finalizer on tobefnz, so picC_nextfinalizer hands them all out. */
void picC_prepareclose(pic_State *L);
/* Keeps [o] alive forever (fixed strings). */
void picC_fix(pic_State *L, GCObject *o);
/* Pending finalizers to run: the executor calls picC_nextfinalizer at safe
** points; it pushes a finalizer call (function, object) and returns 1, or 0. */
int picC_nextfinalizer(pic_State *L);
/* Whether a finalizer may start at this safe point: one is pending and none
** is running (a finalizer runs with GCSTPGC set; as in Lua, where finalizers
** are called only by collection steps, which that bit stops, no finalizer
** starts inside another), and the state is not closing (pic_close calls
** them one by one). */
#define picC_canfinalize(g) ((g)->tobefnz != NULL && !((g)->gcstp & (GCSTPGC | GCSTPCLS)))

#endif
