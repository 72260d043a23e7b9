/*
** pgc.c -- the garbage collector: tri-colour mark and sweep with weak
** tables, ephemerons and finalizers. Module: runtime (prefix picC_).
** Follows Lua 5.4's lgc.c, both modes.
**
** Incremental mode: a cycle walks the phases pause -> propagate -> atomic
** -> sweep(allgc, finobj, tobefnz) -> end -> callfin -> pause, one
** singlestep at a time.
** Pacing (incremental, as lgc.c's incstep): allocation raises GCdebt; at a
** safe point with GCdebt > 0, picC_step runs singlesteps worth the debt in
** work units times gcstepmul%, plus one step size of credit, so marking and
** sweeping interleave with the program in bounded slices. The next cycle
** starts when the heap has grown by gcpause% over what survived. Between
** safe points objects may be black, so every store into an object that
** existed at the last safe point goes through a barrier; threads and open
** upvalues stay gray and are re-traversed in the atomic phase, which also
** converges ephemerons and clears weak tables. Full cycles (collectgarbage,
** emergencies) first sweep everything back to white, then run a whole cycle.
** Invariants: a black object never points to a white one; gray objects are
** on exactly one of the gray lists (gray, grayagain, weak, ephemeron,
** allweak); fixed objects are gray forever; strings are never weak.
** Finalizers are not run here: unreachable objects with __gc are resurrected
** onto tobefnz, and the executor pops them with picC_nextfinalizer.
**
** Generational mode (as lgc.c's): objects carry an age (pgc.h). A minor
** collection runs at once (not in slices) when the heap has grown by
** genminormul% since the last one: it marks from the roots, the gray list
** the barriers filled, the touched old objects and threads on grayagain,
** and the G_OLD1 objects (which may still point to young ones), never
** traversing the really old objects; then it sweeps only the young part of
** each list (sweepgen), ages the survivors and frees the rest. Between
** collections the state stays GCSpropagate, so every barrier marks: the
** forward barrier makes a young object stored into an old one G_OLD0, the
** backward barrier puts an old table on grayagain as G_TOUCHED1 (and it
** stays watched as G_TOUCHED2 for one more cycle). When the heap has grown
** by genmajormul% over what the last major collection left, a major
** (full) collection runs; one that frees less than half the growth is
** "bad" and the collector does full collections in incremental mode until
** one marks few enough objects to go back (stepgenfull).
*/
#include <stdarg.h>
#include <string.h>

#include "runtime/pdo.h"
#include "runtime/pfunc.h"
#include "runtime/pgc.h"
#include "runtime/pmem.h"
#include "runtime/pmemfast.h"
#include "runtime/pstate.h"
#include "runtime/pstring.h"
#include "runtime/ptable.h"
#include "runtime/ptm.h"

#define maskcolors (bitmask(BLACKBIT) | WHITEBITS)
#define maskgcbits (maskcolors | AGEBITS)
#define changeage(o, f, t) ((o)->marked ^= (uint8_t)((f) ^ (t)))
#define makewhite(g, x) ((x)->marked = (uint8_t)(((x)->marked & ~maskcolors) | picC_white(g)))
#define set2gray(x) ((x)->marked &= (uint8_t)~maskcolors)
#define set2black(x) ((x)->marked = (uint8_t)(((x)->marked & ~WHITEBITS) | bitmask(BLACKBIT)))
#define nw2black(x) ((x)->marked |= bitmask(BLACKBIT))
#define valiswhite(x) (iscollectable(x) && iswhite(gcvalue(x)))
#define keyiswhite(n) (keyiscollectable(n) && iswhite(gckey(n)))
#define gcvalueN(o) (iscollectable(o) ? gcvalue(o) : NULL)
#define markvalue(g, o) do { if (valiswhite(o)) reallymarkobject(g, gcvalue(o)); } while (0)
#define markkey(g, n) do { if (keyiswhite(n)) reallymarkobject(g, gckey(n)); } while (0)
#define markobject(g, t) do { if (iswhite(t)) reallymarkobject(g, obj2gco(t)); } while (0)
#define markobjectN(g, t) do { if (t) markobject(g, t); } while (0)
#define keepinvariant(g) ((g)->gcstate <= GCSatomic)
#define issweepphase(g) (GCSswpallgc <= (g)->gcstate && (g)->gcstate <= GCSswpend)
#define isintwups(L) ((L)->twups != (L))
#define gnodelast(h) (&(h)->node[sizenode(h)])
#define allocsizenode(t) ((t)->lastfree == NULL ? 0u : sizenode(t))

#define GCSWEEPMAX 100   /* objects swept per singlestep */
#define GCWORKPERFUEL 8  /* work units (objects swept, slots marked) per unit of fuel */
#define PAUSEADJ 100
#define WORK2MEM ((ptrdiff_t)sizeof(TValue))  /* bytes one unit of work pays */
#define STRESSSTEPS 4        /* gcstress: singlesteps per safe point */
#define STRESSFULLEVERY 16   /* gcstress: a full cycle every 16 safe points per heap MiB */
#define STRESSMINOREVERY 2   /* gcstress, generational: a minor collection every 2
                                ** safe points per 64 KiB of heap */

static void reallymarkobject(global_State *g, GCObject *o);

/* ---- lists ---- */

static GCObject **getgclist(GCObject *o) {
  switch (o->tt) {
    case PIC_VTABLE: return &gco2t(o)->gclist;
    case PIC_VLCL: return &gco2lcl(o)->gclist;
    case PIC_VCCL: return &gco2ccl(o)->gclist;
    case PIC_VTHREAD: return &gco2th(o)->gclist;
    case PIC_VPROTO: return &gco2p(o)->gclist;
    default: return &gco2u(o)->gclist;  /* PIC_VUSERDATA */
  }
}

/* Puts [o] on gray list [*list]. */
static void linkgclist(GCObject *o, GCObject **list) {
  GCObject **pnext = getgclist(o);
  *pnext = *list;
  *list = o;
  set2gray(o);
}

/* An emptied entry drops its collectable key (keeping it only for 'next'). */
static void clearkey(Node *n) {
  if (keyiscollectable(n))
    setdeadkey(n);
}

/* Whether [o] is to be cleared from a weak table; strings are values and
** are marked instead. */
static int iscleared(global_State *g, GCObject *o) {
  if (o == NULL)
    return 0;
  if (novariant(o->tt) == PIC_TSTRING) {
    markobject(g, o);
    return 0;
  }
  return iswhite(o);
}

/* ---- barriers ---- */

/* Black [o] now points to white [v]: mark [v] (or, while an incremental
** sweep runs, whiten [o]). Into an old [o], [v] goes as G_OLD0: not old at
** once, as it may still point to young objects; it is G_OLD two cycles on. */
void picC_barrier_(pic_State *L, GCObject *o, GCObject *v) {
  global_State *g = G(L);
  if (keepinvariant(g)) {
    reallymarkobject(g, v);
    if (isold(o))
      setage(v, G_OLD0);
  } else if (g->gckind == KGC_INC) {
    makewhite(g, o);
  }
}

/* Black table [o] got a white value: gray again, for the atomic phase (a
** G_TOUCHED2 object is still on grayagain from the previous cycle). An old
** [o] becomes G_TOUCHED1, watched by this minor collection and the next. */
void picC_barrierback_(pic_State *L, GCObject *o) {
  global_State *g = G(L);
  if (getage(o) == G_TOUCHED2)
    set2gray(o);
  else
    linkgclist(o, &g->grayagain);
  if (isold(o))
    setage(o, G_TOUCHED1);
}

/* Moves [o], the newest object, from allgc to the never-collected fixedgc list. */
void picC_fix(pic_State *L, GCObject *o) {
  global_State *g = G(L);
  set2gray(o);  /* gray and old forever */
  setage(o, G_OLD);
  g->allgc = o->next;
  o->next = g->fixedgc;
  g->fixedgc = o;
}

/* A new white object of tag [tt] and [sz] bytes on allgc (raises on memory errors). */
GCObject *picC_newobj(pic_State *L, int tt, size_t sz) {
  global_State *g = G(L);
  GCObject *o = (GCObject *)picM_mallocin(L, sz);
  o->marked = picC_white(g);
  o->tt = (uint8_t)tt;
  o->next = g->allgc;
  g->allgc = o;
  return o;
}

/* ---- marking ---- */

static void reallymarkobject(global_State *g, GCObject *o) {
  switch (o->tt) {
    case PIC_VSHRSTR:
    case PIC_VLNGSTR:
      set2black(o);
      break;
    case PIC_VUPVAL: {
      UpVal *uv = gco2upv(o);
      if (upisopen(uv))
        set2gray(uv);  /* open upvalues stay gray */
      else
        set2black(uv);
      markvalue(g, uv->v);
      break;
    }
    case PIC_VUSERDATA: {
      Udata *u = gco2u(o);
      if (u->nuvalue == 0) {
        markobjectN(g, u->metatable);
        set2black(u);
        break;
      }
      linkgclist(o, &g->gray);
      break;
    }
    default:  /* tables, closures, threads, protos */
      linkgclist(o, &g->gray);
      break;
  }
}

static void markmt(global_State *g) {
  int i;
  for (i = 0; i < PIC_NUMTYPES; i++)
    markobjectN(g, g->mt[i]);
}

static size_t markbeingfnz(global_State *g) {
  GCObject *o;
  size_t count = 0;
  for (o = g->tobefnz; o != NULL; o = o->next) {
    count++;
    markobject(g, o);
  }
  return count;
}

/* Marks the values of open upvalues of threads that are not marked (their
** stacks are not traversed) and drops such threads from twups. */
static size_t remarkupvals(global_State *g) {
  pic_State *thread;
  pic_State **p = &g->twups;
  size_t work = 0;
  while ((thread = *p) != NULL) {
    work++;
    if (!iswhite(thread) && thread->openupval != NULL) {
      p = &thread->twups;
    } else {
      UpVal *uv;
      *p = thread->twups;
      thread->twups = thread;
      for (uv = thread->openupval; uv != NULL; uv = uv->u.open.next) {
        work++;
        if (!iswhite(uv))
          markvalue(g, uv->v);
      }
    }
  }
  return work;
}

static void cleargraylists(global_State *g) {
  g->gray = g->grayagain = NULL;
  g->weak = g->allweak = g->ephemeron = NULL;
}

static void restartcollection(global_State *g) {
  cleargraylists(g);
  markobject(g, g->mainthread);
  markvalue(g, &g->l_registry);
  markmt(g);
  markbeingfnz(g);
}

/* ---- traversal ---- */

/* After traversing black [o] in generational mode: a G_TOUCHED1 object
** goes back to grayagain (correctgraylist ages it), a G_TOUCHED2 one is
** old again. */
static void genlink(global_State *g, GCObject *o) {
  if (getage(o) == G_TOUCHED1)
    linkgclist(o, &g->grayagain);
  else if (getage(o) == G_TOUCHED2)
    changeage(o, G_TOUCHED2, G_OLD);
}

static void traverseweakvalue(global_State *g, Table *h) {
  Node *n, *limit = gnodelast(h);
  int hasclears = (picH_realasize(h) > 0);
  for (n = h->node; n < limit; n++) {
    if (isempty(gval(n))) {
      clearkey(n);
    } else {
      markkey(g, n);
      if (!hasclears && iscleared(g, gcvalueN(gval(n))))
        hasclears = 1;
    }
  }
  if (g->gcstate == GCSatomic && hasclears)
    linkgclist(obj2gco(h), &g->weak);
  else
    linkgclist(obj2gco(h), &g->grayagain);
}

/* Traverses ephemeron [h] ([inv]: hash part backwards); returns whether it
** marked any object. */
static int traverseephemeron(global_State *g, Table *h, int inv) {
  int marked = 0, hasclears = 0, hasww = 0;
  unsigned i;
  unsigned asize = picH_realasize(h);
  unsigned nsize = sizenode(h);
  for (i = 0; i < asize; i++) {
    if (valiswhite(&h->array[i])) {
      marked = 1;
      reallymarkobject(g, gcvalue(&h->array[i]));
    }
  }
  for (i = 0; i < nsize; i++) {
    Node *n = inv ? &h->node[nsize - 1 - i] : &h->node[i];
    if (isempty(gval(n))) {
      clearkey(n);
    } else if (iscleared(g, gckeyN(n))) {
      hasclears = 1;
      if (valiswhite(gval(n)))
        hasww = 1;
    } else if (valiswhite(gval(n))) {
      marked = 1;
      reallymarkobject(g, gcvalue(gval(n)));
    }
  }
  if (g->gcstate == GCSpropagate)
    linkgclist(obj2gco(h), &g->grayagain);
  else if (hasww)
    linkgclist(obj2gco(h), &g->ephemeron);
  else if (hasclears)
    linkgclist(obj2gco(h), &g->allweak);
  else
    genlink(g, obj2gco(h));
  return marked;
}

static void traversestrongtable(global_State *g, Table *h) {
  Node *n, *limit = gnodelast(h);
  unsigned i, asize = picH_realasize(h);
  for (i = 0; i < asize; i++)
    markvalue(g, &h->array[i]);
  for (n = h->node; n < limit; n++) {
    if (isempty(gval(n))) {
      clearkey(n);
    } else {
      markkey(g, n);
      markvalue(g, gval(n));
    }
  }
  genlink(g, obj2gco(h));
}

static size_t traversetable(global_State *g, Table *h) {
  const char *weakkey = NULL, *weakvalue = NULL;
  const TValue *mode = gfasttm(g, h->metatable, TM_MODE);
  markobjectN(g, h->metatable);
  if (mode && ttisshrstring(mode)) {
    weakkey = strchr(svalue(mode), 'k');
    weakvalue = strchr(svalue(mode), 'v');
  }
  if (weakkey || weakvalue) {
    if (!weakkey)
      traverseweakvalue(g, h);
    else if (!weakvalue)
      traverseephemeron(g, h, 0);
    else
      linkgclist(obj2gco(h), &g->allweak);
  } else {
    traversestrongtable(g, h);
  }
  return 1 + picH_realasize(h) + 2 * allocsizenode(h);
}

static size_t traverseudata(global_State *g, Udata *u) {
  int i;
  markobjectN(g, u->metatable);
  for (i = 0; i < u->nuvalue; i++)
    markvalue(g, &u->uv[i]);
  genlink(g, obj2gco(u));
  return 1 + (size_t)u->nuvalue;
}

static size_t traverseproto(global_State *g, Proto *f) {
  int i;
  markobjectN(g, f->source);
  for (i = 0; i < f->sizek; i++)
    markvalue(g, &f->k[i]);
  for (i = 0; i < f->sizeupvalues; i++)
    markobjectN(g, f->upvalues[i].name);
  for (i = 0; i < f->sizep; i++)
    markobjectN(g, f->p[i]);
  for (i = 0; i < f->sizelocvars; i++)
    markobjectN(g, f->locvars[i].varname);
  return 1 + (size_t)f->sizek + (size_t)f->sizeupvalues + (size_t)f->sizep +
         (size_t)f->sizelocvars;
}

static size_t traverseCclosure(global_State *g, CClosure *cl) {
  int i;
  for (i = 0; i < cl->nupvalues; i++)
    markvalue(g, &cl->upvalue[i]);
  return 1 + cl->nupvalues;
}

static size_t traverseLclosure(global_State *g, LClosure *cl) {
  int i;
  markobjectN(g, cl->p);
  for (i = 0; i < cl->nupvalues; i++)
    markobjectN(g, cl->upvals[i]);
  return 1 + cl->nupvalues;
}

/* Marks stack[0..top) and the open upvalues of [th] (outside emergencies
** first shrinking an oversized stack); in the atomic phase clears the dead
** part of the stack. Threads have no barriers: one traversed while the
** program may still run (propagate phase), or an old one (generational
** mode, where every collection is atomic), stays on grayagain. */
static size_t traversethread(global_State *g, pic_State *th) {
  UpVal *uv;
  StkId o;
  if (isold(th) || g->gcstate == GCSpropagate)
    linkgclist(obj2gco(th), &g->grayagain);
  if (th->stack == NULL)
    return 1;  /* stack not built yet */
  if (!g->gcemergency)
    picD_shrinkstack(th);
  for (o = th->stack; o < th->top; o++)
    markvalue(g, o);
  for (uv = th->openupval; uv != NULL; uv = uv->u.open.next)
    markobject(g, uv);
  if (g->gcstate == GCSatomic) {
    for (; o < th->stack_last + EXTRA_STACK; o++)
      setnilvalue(o);
    if (!isintwups(th) && th->openupval != NULL) {
      th->twups = g->twups;
      g->twups = th;
    }
  }
  return 1 + (size_t)th->stacksize;
}

/* Traverses object [o] by its type; returns the work done (slots visited). */
static size_t traverse(global_State *g, GCObject *o) {
  switch (o->tt) {
    case PIC_VTABLE: return traversetable(g, gco2t(o));
    case PIC_VUSERDATA: return traverseudata(g, gco2u(o));
    case PIC_VLCL: return traverseLclosure(g, gco2lcl(o));
    case PIC_VCCL: return traverseCclosure(g, gco2ccl(o));
    case PIC_VPROTO: return traverseproto(g, gco2p(o));
    default: return traversethread(g, gco2th(o));  /* PIC_VTHREAD */
  }
}

/* Traverses one gray object, turning it black; returns the work done. */
static size_t propagatemark(global_State *g) {
  GCObject *o = g->gray;
  size_t work;
  nw2black(o);
  g->gray = *getgclist(o);
  work = traverse(g, o);
  g->gcwork += work;
  return work;
}

static size_t propagateall(global_State *g) {
  size_t tot = 0;
  while (g->gray)
    tot += propagatemark(g);
  return tot;
}

/* Traverses the ephemeron tables until no more values get marked,
** alternating directions to converge quickly on chains. */
static void convergeephemerons(global_State *g) {
  int changed;
  int dir = 0;
  do {
    GCObject *w;
    GCObject *next = g->ephemeron;
    g->ephemeron = NULL;
    changed = 0;
    while ((w = next) != NULL) {
      Table *h = gco2t(w);
      next = h->gclist;
      nw2black(h);
      g->gcwork += 1 + picH_realasize(h) + sizenode(h);
      if (traverseephemeron(g, h, dir)) {
        propagateall(g);
        changed = 1;
      }
    }
    dir = !dir;
  } while (changed);
}

/* ---- clearing weak tables ---- */

static void clearbykeys(global_State *g, GCObject *l) {
  for (; l; l = gco2t(l)->gclist) {
    Table *h = gco2t(l);
    Node *limit = gnodelast(h);
    Node *n;
    for (n = h->node; n < limit; n++) {
      if (iscleared(g, gckeyN(n)))
        setempty(gval(n));
      if (isempty(gval(n)))
        clearkey(n);
    }
  }
}

static void clearbyvalues(global_State *g, GCObject *l, GCObject *f) {
  for (; l != f; l = gco2t(l)->gclist) {
    Table *h = gco2t(l);
    Node *n, *limit = gnodelast(h);
    unsigned i, asize = picH_realasize(h);
    for (i = 0; i < asize; i++) {
      TValue *o = &h->array[i];
      if (iscleared(g, gcvalueN(o)))
        setempty(o);
    }
    for (n = h->node; n < limit; n++) {
      if (iscleared(g, gcvalueN(gval(n))))
        setempty(gval(n));
      if (isempty(gval(n)))
        clearkey(n);
    }
  }
}

/* ---- freeing and sweeping ---- */

static void freeupval(pic_State *L, UpVal *uv) {
  if (upisopen(uv))
    picF_unlinkupval(uv);
  picM_freein(L, uv, sizeof(UpVal));
}

static void freeobj(pic_State *L, GCObject *o) {
  switch (o->tt) {
    case PIC_VPROTO: picF_freeproto(L, gco2p(o)); break;
    case PIC_VUPVAL: freeupval(L, gco2upv(o)); break;
    case PIC_VLCL: picM_freein(L, o, sizeLclosure(gco2lcl(o)->nupvalues)); break;
    case PIC_VCCL: picM_freein(L, o, sizeCclosure(gco2ccl(o)->nupvalues)); break;
    case PIC_VTABLE: picH_free(L, gco2t(o)); break;
    case PIC_VTHREAD: picE_freethread(L, gco2th(o)); break;
    case PIC_VUSERDATA: {
      Udata *u = gco2u(o);
      picM_freein(L, o, sizeudata(u->nuvalue, u->len));
      break;
    }
    case PIC_VSHRSTR: {
      TString *ts = gco2ts(o);
      if (!(G(L)->gcstp & GCSTPCLS))  /* at close the whole table goes at once */
        picS_remove(L, ts);
      picM_freein(L, ts, sizelstring(ts->shrlen));
      break;
    }
    default: {  /* PIC_VLNGSTR */
      TString *ts = gco2ts(o);
      picM_freein(L, ts, sizelstring(ts->lnglen));
      break;
    }
  }
}

/* The sweeps free dead short strings a few dead strings late: each one's
** intern slot is prefetched when it is found, so that picS_remove finds it
** in cache (otherwise each string of a large heap is a cache miss there,
** one at a time). */
#define LATESTRS 8
typedef struct LateFree {
  GCObject *s[LATESTRS];
  unsigned n;   /* strings queued so far; the last LATESTRS are waiting */
} LateFree;

static void freelate(pic_State *L, GCObject *o, LateFree *lf) {
  if (o->tt == PIC_VSHRSTR) {
    GCObject **slot = &lf->s[lf->n++ % LATESTRS];
    picS_prefetchslot(G(L), gco2ts(o));
    if (lf->n > LATESTRS)
      freeobj(L, *slot);
    *slot = o;
  } else
    freeobj(L, o);
}

/* Frees the strings still waiting in [lf]. */
static void freelatedone(pic_State *L, LateFree *lf) {
  unsigned i, first = lf->n > LATESTRS ? lf->n - LATESTRS : 0;
  for (i = first; i < lf->n; i++)
    freeobj(L, lf->s[i % LATESTRS]);
}

/* Sweeps at most [countin] objects of list [p]: frees the dead, whitens the
** survivors. Returns where to continue (NULL at the end). */
static GCObject **sweeplist(pic_State *L, GCObject **p, int countin, int *countout) {
  global_State *g = G(L);
  int ow = otherwhite(g);
  int i;
  int white = picC_white(g);
  LateFree lf;
  lf.n = 0;
  for (i = 0; *p != NULL && i < countin; i++) {
    GCObject *curr = *p;
    int marked = curr->marked;
    if (isdeadm(ow, marked)) {
      *p = curr->next;
      freelate(L, curr, &lf);
    } else {
      curr->marked = (uint8_t)((marked & ~maskgcbits) | white);
      p = &curr->next;
    }
  }
  freelatedone(L, &lf);
  g->gcwork += (size_t)i;
  if (countout)
    *countout = i;
  return (*p == NULL) ? NULL : p;
}

static GCObject **sweeptolive(pic_State *L, GCObject **p) {
  GCObject **old = p;
  do {
    p = sweeplist(L, p, 1, NULL);
  } while (p == old);
  return p;
}

/* Frees every object of list [p] up to (not including) [limit]. */
static void deletelist(pic_State *L, GCObject *p, GCObject *limit) {
  while (p != limit) {
    GCObject *next = p->next;
    freeobj(L, p);
    p = next;
  }
}

/* Halves the intern table when it is under 1/8 full (it grows past 5/8:
** pstring.c), after a collection has removed the dead strings. */
static void checkSizes(pic_State *L, global_State *g) {
  if (!g->gcemergency && g->strt.nuse < g->strt.size / 8 && g->strt.size > 128) {
    ptrdiff_t olddebt = g->GCdebt;
    picS_resize(L, g->strt.size / 2);
    /* what the smaller table gave back leaves the estimate (as lgc.c's
    ** checkSizes): else the next pause is set from memory no longer used */
    if (g->GCdebt - olddebt < 0 && (size_t)(olddebt - g->GCdebt) <= g->gcestimate)
      g->gcestimate -= (size_t)(olddebt - g->GCdebt);
  }
}

/* ---- finalizers ---- */

static GCObject **findlast(GCObject **p) {
  while (*p != NULL)
    p = &(*p)->next;
  return p;
}

/* Moves unreachable (or, with [all], every) object of finobj to the end of
** tobefnz. Objects from finobjold1 on are old, so not white (in
** incremental mode finobjold1 is NULL: the whole list). */
static void separatetobefnz(global_State *g, int all) {
  GCObject *curr;
  GCObject **p = &g->finobj;
  GCObject **lastnext = findlast(&g->tobefnz);
  while ((curr = *p) != g->finobjold1) {
    if (!(iswhite(curr) || all)) {
      p = &curr->next;
    } else {
      if (curr == g->finobjsur)
        g->finobjsur = curr->next;
      *p = curr->next;
      curr->next = *lastnext;
      *lastnext = curr;
      lastnext = &curr->next;
    }
  }
}

/* [o] leaves allgc: the generational list boundaries move past it. */
static void correctpointers(global_State *g, GCObject *o) {
  if (g->survival == o)
    g->survival = o->next;
  if (g->old1 == o)
    g->old1 = o->next;
  if (g->reallyold == o)
    g->reallyold = o->next;
  if (g->firstold1 == o)
    g->firstold1 = o->next;
}

/* If [mt] has __gc, moves [o] from allgc to finobj (once). */
void picC_checkfinalizer(pic_State *L, GCObject *o, Table *mt) {
  global_State *g = G(L);
  GCObject **p;
  if (tofinalize(o) || gfasttm(g, mt, TM_GC) == NULL || (g->gcstp & GCSTPCLS))
    return;
  if (issweepphase(g)) {
    makewhite(g, o);
    if (g->sweepgc == &o->next)
      g->sweepgc = sweeptolive(L, g->sweepgc);
  } else {
    correctpointers(g, o);
  }
  for (p = &g->allgc; *p != o; p = &(*p)->next) {
  }
  *p = o->next;
  o->next = g->finobj;
  g->finobj = o;
  o->marked |= bitmask(FINALIZEDBIT);
}

/* Takes the first object of tobefnz back to allgc as a normal object. */
static GCObject *udata2finalize(global_State *g) {
  GCObject *o = g->tobefnz;
  g->tobefnz = o->next;
  o->next = g->allgc;
  g->allgc = o;
  o->marked &= (uint8_t)~bitmask(FINALIZEDBIT);
  if (issweepphase(g))
    makewhite(g, o);
  else if (getage(o) == G_OLD1)
    g->firstold1 = o;  /* now the first G_OLD1 object of allgc */
  return o;
}

/* Pushes (finalizer, object) for the next pending finalization and returns
** 1, or returns 0 when none is pending. Objects whose __gc is nil by now
** are dropped. */
int picC_nextfinalizer(pic_State *L) {
  global_State *g = G(L);
  if (g->tobefnz == NULL)
    return 0;
  picD_checkstack(L, 2);
  while (g->tobefnz != NULL) {
    TValue v;
    const TValue *tm;
    GCObject *o = udata2finalize(g);
    setgcovalue(&v, o, o->tt);
    tm = picT_gettmbyobj(L, &v, TM_GC);
    if (!ttisnil(tm)) {
      setobj2s(L, L->top, tm);
      setobj2s(L, L->top + 1, &v);
      L->top += 2;
      return 1;
    }
  }
  return 0;
}

/* The public face of picC_nextfinalizer (see piccolo.h). */
int pic_gcnextfinalizer(pic_State *L) {
  if (G(L)->tobefnz == NULL || !pic_checkstack(L, 2))
    return 0;
  return picC_nextfinalizer(L);
}

/* Sets or clears GCSTPGC around a finalizer call, and CIST_FIN on the
** calling frame, as lua5.4's GCTM does (see piccolo.h). */
int pic_gcinfinalizer(pic_State *L, int on) {
  global_State *g = G(L);
  int old = (g->gcstp & GCSTPGC) != 0;
  if (on) {
    g->gcstp |= GCSTPGC;
    L->ci->callstatus |= CIST_FIN;
  } else {
    g->gcstp &= (uint8_t)~GCSTPGC;
    L->ci->callstatus &= (unsigned short)~CIST_FIN;
  }
  return old;
}

static void enterinc(global_State *g);

/* Stops collection for good and queues every finalizable object. */
void picC_prepareclose(pic_State *L) {
  global_State *g = G(L);
  g->gcstp = GCSTPCLS;
  if (g->gckind == KGC_GEN)
    enterinc(g);  /* the whole of finobj is separated */
  separatetobefnz(g, 1);
}

/* ---- the cycle ---- */

static void setpause(global_State *g) {
  size_t estimate = g->gcestimate / PAUSEADJ;
  size_t threshold;
  ptrdiff_t debt;
  if (estimate == 0)
    estimate = 1;
  threshold = ((size_t)g->gcpause < PTRDIFF_MAX / estimate) ? estimate * (size_t)g->gcpause
                                                            : (size_t)PTRDIFF_MAX;
  debt = (ptrdiff_t)g->totalbytes - (ptrdiff_t)threshold;
  if (debt > 0)
    debt = 0;
  g->GCdebt = debt;
}

static size_t atomic(pic_State *L) {
  global_State *g = G(L);
  size_t work = 0;
  GCObject *origweak, *origall;
  GCObject *grayagain = g->grayagain;
  g->grayagain = NULL;
  g->gcstate = GCSatomic;
  markobject(g, L);  /* the running thread */
  markvalue(g, &g->l_registry);
  markmt(g);
  work += propagateall(g);
  work += remarkupvals(g);
  work += propagateall(g);
  g->gray = grayagain;
  work += propagateall(g);
  convergeephemerons(g);
  /* all strongly reachable objects are marked; clear weak values first */
  clearbyvalues(g, g->weak, NULL);
  clearbyvalues(g, g->allweak, NULL);
  origweak = g->weak;
  origall = g->allweak;
  separatetobefnz(g, 0);
  work += markbeingfnz(g);  /* resurrect objects to be finalized */
  work += propagateall(g);
  convergeephemerons(g);
  clearbykeys(g, g->ephemeron);
  clearbykeys(g, g->allweak);
  clearbyvalues(g, g->weak, origweak);
  clearbyvalues(g, g->allweak, origall);
  picS_clearcache(g);
  g->currentwhite = (uint8_t)otherwhite(g);
  return work;
}

static void entersweep(pic_State *L) {
  global_State *g = G(L);
  g->gcstate = GCSswpallgc;
  g->sweepgc = sweeptolive(L, &g->allgc);
}

static size_t sweepstep(pic_State *L, global_State *g, int nextstate, GCObject **nextlist) {
  if (g->sweepgc) {
    int count;
    size_t before = g->totalbytes;
    size_t freed;
    g->sweepgc = sweeplist(L, g->sweepgc, GCSWEEPMAX, &count);
    freed = before - g->totalbytes;  /* the estimate keeps what survives */
    g->gcestimate = (freed < g->gcestimate) ? g->gcestimate - freed : 0;
    return (size_t)count;
  }
  g->gcstate = (uint8_t)nextstate;
  g->sweepgc = nextlist;
  return 0;
}

/* One unit of collection work; no collection can start inside it. */
static size_t singlestep(pic_State *L) {
  global_State *g = G(L);
  size_t work = 0;
  uint8_t oldstp = g->gcstp;
  g->gcstp |= GCSTPGC;
  switch (g->gcstate) {
    case GCSpause:
      restartcollection(g);
      g->gcstate = GCSpropagate;
      work = 1;
      break;
    case GCSpropagate:
      if (g->gray == NULL)
        g->gcstate = GCSenteratomic;
      else
        work = propagatemark(g);
      break;
    case GCSenteratomic:
      work = atomic(L);
      entersweep(L);
      g->gcestimate = g->totalbytes;  /* minus what the sweep frees */
      break;
    case GCSswpallgc:
      work = sweepstep(L, g, GCSswpfinobj, &g->finobj);
      break;
    case GCSswpfinobj:
      work = sweepstep(L, g, GCSswptobefnz, &g->tobefnz);
      break;
    case GCSswptobefnz:
      work = sweepstep(L, g, GCSswpend, NULL);
      break;
    case GCSswpend:
      checkSizes(L, g);
      g->gccount++;
      g->gcstate = GCScallfin;
      break;
    default:  /* GCScallfin: finalizers are run by the executor */
      g->gcstate = GCSpause;
      break;
  }
  g->gcstp = oldstp;
  return work;
}

static void runtilstate(pic_State *L, int state) {
  global_State *g = G(L);
  while (g->gcstate != state)
    singlestep(L);
}

/* A complete cycle from wherever the collector is: black objects are first
** swept back to white, a pending sweep is finished, then a whole cycle runs. */
static void fullcycle(pic_State *L, int isemergency) {
  global_State *g = G(L);
  g->gcemergency = (uint8_t)isemergency;
  if (keepinvariant(g))
    entersweep(L);  /* sweep everything back to white */
  runtilstate(L, GCSpause);
  runtilstate(L, GCScallfin);
  runtilstate(L, GCSpause);
  g->gcemergency = 0;
  setpause(g);
}

/* ---- generational mode ---- */

/* Entering generational mode, after an atomic phase: frees the dead of
** list [p] and makes the rest old (black; threads on grayagain, open
** upvalues gray as always). */
static void sweep2old(pic_State *L, GCObject **p) {
  GCObject *curr;
  global_State *g = G(L);
  LateFree lf;
  size_t n = 0;
  lf.n = 0;
  while ((curr = *p) != NULL) {
    n++;
    pic_prefetch(curr->next);  /* as sweepgen */
    if (iswhite(curr)) {
      *p = curr->next;
      freelate(L, curr, &lf);
    } else {
      setage(curr, G_OLD);
      if (curr->tt == PIC_VTHREAD)
        linkgclist(curr, &g->grayagain);
      else if (curr->tt == PIC_VUPVAL && upisopen(gco2upv(curr)))
        set2gray(curr);
      else
        nw2black(curr);
      p = &curr->next;
    }
  }
  freelatedone(L, &lf);
  g->gcwork += n;
}

/* Sweeps list [p] up to [limit] after a minor collection's atomic phase:
** every white object is dead (nothing was made between the two); a new
** survivor goes back to white as G_SURVIVAL, older ones keep their colour
** and age one step (touched ones are aged by correctgraylist). The first
** object turned G_OLD1 goes to [*pfirstold1] if that is NULL. Returns
** where the sweep stopped. */
static GCObject **sweepgen(pic_State *L, global_State *g, GCObject **p, GCObject *limit,
                           GCObject **pfirstold1) {
  static const uint8_t nextage[] = {
      G_SURVIVAL,  /* from G_NEW */
      G_OLD1,      /* from G_SURVIVAL */
      G_OLD1,      /* from G_OLD0 */
      G_OLD,       /* from G_OLD1 */
      G_OLD,       /* from G_OLD */
      G_TOUCHED1,  /* from G_TOUCHED1 */
      G_TOUCHED2   /* from G_TOUCHED2 */
  };
  int white = picC_white(g);
  GCObject *curr;
  LateFree lf;
  size_t n = 0;
  lf.n = 0;
  while ((curr = *p) != limit) {
    n++;
    pic_prefetch(curr->next);  /* the next object is likely cold: overlap its miss */
    if (iswhite(curr)) {
      *p = curr->next;
      freelate(L, curr, &lf);
    } else {
      if (getage(curr) == G_NEW) {
        curr->marked = (uint8_t)((curr->marked & ~maskgcbits) | G_SURVIVAL | white);
      } else {
        setage(curr, nextage[getage(curr)]);
        if (getage(curr) == G_OLD1 && *pfirstold1 == NULL)
          *pfirstold1 = curr;
      }
      p = &curr->next;
    }
  }
  freelatedone(L, &lf);
  g->gcwork += n;
  return p;
}

/* Makes every object of list [p] white and new (leaving generational mode). */
static void whitelist(global_State *g, GCObject *p) {
  int white = picC_white(g);
  size_t n = 0;
  for (; p != NULL; p = p->next, n++)
    p->marked = (uint8_t)((p->marked & ~maskgcbits) | white);
  g->gcwork += n;
}

/* After a minor collection's sweep: drops white (dead or young) objects
** from gray list [p]; a G_TOUCHED1 object stays, black and G_TOUCHED2; a
** thread stays; anything else leaves black (a G_TOUCHED2 one as G_OLD).
** Returns the list's end. */
static GCObject **correctgraylist(GCObject **p) {
  GCObject *curr;
  while ((curr = *p) != NULL) {
    GCObject **next = getgclist(curr);
    if (iswhite(curr)) {
      *p = *next;
    } else if (getage(curr) == G_TOUCHED1) {
      nw2black(curr);  /* black, so that the next store barriers again */
      changeage(curr, G_TOUCHED1, G_TOUCHED2);
      p = next;
    } else if (curr->tt == PIC_VTHREAD) {
      p = next;
    } else {
      if (getage(curr) == G_TOUCHED2)
        changeage(curr, G_TOUCHED2, G_OLD);
      nw2black(curr);
      *p = *next;
    }
  }
  return p;
}

/* Coalesces every gray list into grayagain, corrected. */
static void correctgraylists(global_State *g) {
  GCObject **list = correctgraylist(&g->grayagain);
  *list = g->weak;
  g->weak = NULL;
  list = correctgraylist(list);
  *list = g->allweak;
  g->allweak = NULL;
  list = correctgraylist(list);
  *list = g->ephemeron;
  g->ephemeron = NULL;
  correctgraylist(list);
}

/* Starting a minor collection: the G_OLD1 objects of [from, to) become
** G_OLD, and black ones are traversed again (they may point to objects
** that were young in the previous cycle). */
static void markold(global_State *g, GCObject *from, GCObject *to) {
  GCObject *p;
  size_t n = 0;
  for (p = from; p != to; p = p->next, n++) {
    if (getage(p) == G_OLD1) {
      changeage(p, G_OLD1, G_OLD);
      if (isblack(p))
        reallymarkobject(g, p);
    }
  }
  g->gcwork += n;
}

static void finishgencycle(pic_State *L, global_State *g) {
  correctgraylists(g);
  checkSizes(L, g);
  g->gcstate = GCSpropagate;  /* the next collection starts marked */
  g->gccount++;
}

/* A minor collection: marks the G_OLD1 objects, runs the atomic phase,
** sweeps the young part of each list and moves the list boundaries on. */
static void youngcollection(pic_State *L, global_State *g) {
  GCObject **psurvival;
  GCObject *dummy;
  if (g->firstold1) {
    markold(g, g->firstold1, g->reallyold);
    g->firstold1 = NULL;
  }
  markold(g, g->finobj, g->finobjrold);
  markold(g, g->tobefnz, NULL);
  atomic(L);
  g->gcstate = GCSswpallgc;
  psurvival = sweepgen(L, g, &g->allgc, g->survival, &g->firstold1);
  sweepgen(L, g, psurvival, g->old1, &g->firstold1);
  g->reallyold = g->old1;
  g->old1 = *psurvival;  /* the survivals are G_OLD1 now */
  g->survival = g->allgc;  /* the new ones survivals */
  dummy = NULL;  /* finobj needs no firstold1: markold walks it whole */
  psurvival = sweepgen(L, g, &g->finobj, g->finobjsur, &dummy);
  sweepgen(L, g, psurvival, g->finobjold1, &dummy);
  g->finobjrold = g->finobjold1;
  g->finobjold1 = *psurvival;
  g->finobjsur = g->finobj;
  sweepgen(L, g, &g->tobefnz, NULL, &dummy);
  finishgencycle(L, g);
}

/* After an atomic phase: everything alive becomes old, and the collector
** is in generational mode with the heap as its major base. */
static void atomic2gen(pic_State *L, global_State *g) {
  cleargraylists(g);
  g->gcstate = GCSswpallgc;
  sweep2old(L, &g->allgc);
  g->reallyold = g->old1 = g->survival = g->allgc;
  g->firstold1 = NULL;
  sweep2old(L, &g->finobj);
  g->finobjrold = g->finobjold1 = g->finobjsur = g->finobj;
  sweep2old(L, &g->tobefnz);
  g->gckind = KGC_GEN;
  g->lastatomic = 0;
  g->gcestimate = g->totalbytes;
  finishgencycle(L, g);
}

/* The next minor collection when the heap has grown genminormul%. */
static void setminordebt(global_State *g) {
  g->GCdebt = -(ptrdiff_t)((g->totalbytes / 100) * (size_t)g->genminormul);
}

/* Enters generational mode through a whole cycle (its atomic phase marks
** everything live); returns the atomic phase's work (objects marked). */
static size_t entergen(pic_State *L, global_State *g) {
  size_t numobjs;
  runtilstate(L, GCSpause);
  runtilstate(L, GCSpropagate);
  numobjs = atomic(L);
  atomic2gen(L, g);
  setminordebt(g);
  return numobjs;
}

/* Enters incremental mode: every object white and new, the generational
** boundaries gone, the collector in its pause. */
static void enterinc(global_State *g) {
  whitelist(g, g->allgc);
  g->reallyold = g->old1 = g->survival = g->firstold1 = NULL;
  whitelist(g, g->finobj);
  whitelist(g, g->tobefnz);
  g->finobjrold = g->finobjold1 = g->finobjsur = NULL;
  g->gcstate = GCSpause;
  g->gckind = KGC_INC;
  g->lastatomic = 0;
}

/* Switches to KGC_INC or KGC_GEN (entering generational mode runs a full
** collection); does nothing while the state is closing. */
static void changemode(pic_State *L, int newmode) {
  global_State *g = G(L);
  uint8_t oldstp = g->gcstp;
  if (oldstp & GCSTPCLS)
    return;
  g->gcstp |= GCSTPGC;
  if (newmode != g->gckind) {
    if (newmode == KGC_GEN)
      entergen(L, g);
    else
      enterinc(g);
  }
  g->lastatomic = 0;
  g->gcstp = oldstp;
}

/* A major collection in generational mode. */
static size_t fullgen(pic_State *L, global_State *g) {
  enterinc(g);
  return entergen(L, g);
}

/* After a bad major collection (one that freed little: the program is
** building a large structure), full collections run in incremental mode,
** without the cost of leaving generational mode each time, until one
** marks under 9/8 of the objects the previous one did: then back. */
static void stepgenfull(pic_State *L, global_State *g) {
  size_t newatomic;
  size_t lastatomic = g->lastatomic;
  if (g->gckind == KGC_GEN)
    enterinc(g);
  runtilstate(L, GCSpropagate);
  newatomic = atomic(L);
  if (newatomic < lastatomic + (lastatomic >> 3)) {
    atomic2gen(L, g);
    setminordebt(g);
  } else {
    g->gcestimate = g->totalbytes;
    entersweep(L);
    runtilstate(L, GCSpause);
    setpause(g);
    g->lastatomic = newatomic;
  }
}

/* A generational step: usually a minor collection; a major one when the
** heap has grown genmajormul% over what the last major one left (and the
** debt is real, not a step of size 0 asked for by collectgarbage). A major
** collection that frees under half that growth is bad (stepgenfull). */
static void genstep(pic_State *L, global_State *g) {
  uint8_t oldstp = g->gcstp;
  g->gcstp |= GCSTPGC;
  if (g->lastatomic != 0) {
    stepgenfull(L, g);
  } else {
    size_t majorbase = g->gcestimate;
    size_t majorinc = (majorbase / 100) * (size_t)g->genmajormul;
    if (g->GCdebt > 0 && g->totalbytes > majorbase + majorinc) {
      size_t numobjs = fullgen(L, g);
      if (g->totalbytes >= majorbase + majorinc / 2) {
        g->lastatomic = numobjs;
        setpause(g);
      }
    } else {
      youngcollection(L, g);
      setminordebt(g);
      g->gcestimate = majorbase;
    }
  }
  g->gcstp = oldstp;
}

/* ---- pacing ---- */

/* One incremental slice, as lgc.c's incstep: converts the debt into work
** units (WORK2MEM bytes each, times gcstepmul%) and runs singlesteps until
** the debt is paid plus a credit of one step size (2^gcstepsize bytes), or
** the cycle ends; then sets the debt for the next slice (or the pause). */
static void incstep(pic_State *L, global_State *g) {
  ptrdiff_t stepmul = (g->gcstepmul | 1);
  ptrdiff_t debt = (g->GCdebt / WORK2MEM) * stepmul;
  ptrdiff_t stepsize = (g->gcstepsize < (int)(sizeof(ptrdiff_t) * 8 - 2))
                           ? (((ptrdiff_t)1 << g->gcstepsize) / WORK2MEM) * stepmul
                           : PTRDIFF_MAX;
  do {
    debt -= (ptrdiff_t)singlestep(L);
  } while (debt > -stepsize && g->gcstate != GCSpause);
  if (g->gcstate == GCSpause)
    setpause(g);
  else
    g->GCdebt = (debt / stepmul) * WORK2MEM;
}

/* Charges the collector work done since g->gcwork was [before] to the
** fuel of [L] (the running thread), GCWORKPERFUEL units per unit of fuel:
** a program that makes the collector work (a full collection per
** allocation under extreme parameters, a long ephemeron chain, finalizers
** making finalizable objects) runs out of fuel in proportion. */
static void chargework(pic_State *L, size_t before) {
  pic_charge(L, (int64_t)((G(L)->gcwork - before) / GCWORKPERFUEL));
}

/* One incremental slice or generational step while the collector runs; a
** stopped collector just postpones the next check. */
static void step(pic_State *L, global_State *g) {
  if (!gcrunning(g))
    g->GCdebt = -2000;
  else if (isdecGCmodegen(g))
    genstep(L, g);
  else
    incstep(L, g);
}

/* Collection work at a safe point, charged as fuel. */
void picC_step(pic_State *L) {
  size_t before = G(L)->gcwork;
  step(L, G(L));
  chargework(L, before);
}

/* A full collection in the current mode. */
static void fullgc(pic_State *L, int isemergency) {
  global_State *g = G(L);
  if (g->gckind == KGC_INC) {
    fullcycle(L, isemergency);
  } else {
    uint8_t oldstp = g->gcstp;
    g->gcstp |= GCSTPGC;
    g->gcemergency = (uint8_t)isemergency;
    fullgen(L, g);
    g->gcemergency = 0;
    g->gcstp = oldstp;
  }
}

/* A full collection; a normal one does nothing while the collector is
** stopped (by the user, during construction or at close), an emergency one
** only refuses to start inside a collection or at close. */
void picC_fullgc(pic_State *L, int isemergency) {
  global_State *g = G(L);
  size_t before = g->gcwork;
  if (isemergency ? (g->gcstp & (GCSTPGC | GCSTPCLS)) != 0 : !gcrunning(g))
    return;
  fullgc(L, isemergency);
  chargework(L, before);
}

#ifdef PIC_GC_STRESS
/* Stress mode (--config=gcstress): see pgc.h. */
void picC_stressgc(pic_State *L) {
  static unsigned long calls;
  global_State *g = G(L);
  size_t every = ((g->totalbytes >> 20) + 1) * STRESSFULLEVERY;
  if (!gcrunning(g))
    return;
  if (++calls % every == 0) {
    picC_fullgc(L, 0);
  } else if (g->gckind == KGC_GEN) {
    if (calls % (((g->totalbytes >> 16) + 1) * STRESSMINOREVERY) == 0) {
      g->GCdebt = 0;  /* a minor collection (a major one's debt is real) */
      genstep(L, g);
    }
  } else {
    int i;
    for (i = 0; i < STRESSSTEPS && g->gcstate != GCSpause; i++)
      singlestep(L);
    if (g->gcstate == GCSpause && calls % 2 == 0)
      singlestep(L);  /* start the next cycle */
  }
}
#endif

/* Frees every object (pic_close); pending finalizers are dropped. */
void picC_freeallobjects(pic_State *L) {
  global_State *g = G(L);
  g->gcstp = GCSTPCLS;
  if (g->gckind == KGC_GEN)
    enterinc(g);
  separatetobefnz(g, 1);
  deletelist(L, g->tobefnz, NULL);
  g->tobefnz = NULL;
  deletelist(L, g->allgc, obj2gco(g->mainthread));
  g->allgc = obj2gco(g->mainthread);
  deletelist(L, g->fixedgc, NULL);
  g->fixedgc = NULL;
  g->strt.nuse = 0;  /* its slots now point to freed strings: only freeing it remains */
}

/* ---- the collectgarbage backend ---- */

/* A percentage parameter as Lua 5.4 keeps it: a byte holding a quarter of
** it, so that any int is a value in 0..1020 (-1 gives 0, 2000 gives 976). */
static int gcparam(int v) {
  return (uint8_t)(v / 4) * 4;
}

/* Controls the collector (PIC_GC* options, as lua_gc); returns -1 for an
** invalid option, inside a collection or while the state is being built. */
int pic_gc(pic_State *L, int what, ...) {
  va_list argp;
  int res = 0;
  global_State *g = G(L);
  int closing = (g->gcstp & GCSTPCLS) != 0;  /* finalizers at close: never collect */
  size_t before = g->gcwork;
  if (g->gcstp & GCSTPGC)
    return -1;
  va_start(argp, what);
  switch (what) {
    case PIC_GCSTOP:
      g->gcstp = (uint8_t)(GCSTPUSR | (g->gcstp & GCSTPCLS));
      break;
    case PIC_GCRESTART:
      g->GCdebt = 0;
      g->gcstp &= GCSTPCLS;
      break;
    case PIC_GCCOLLECT: {
      uint8_t oldstp = g->gcstp;
      if (closing)
        break;
      g->gcstp = 0;
      fullgc(L, 0);
      g->gcstp = oldstp;
      break;
    }
    case PIC_GCCOUNT:
      res = (int)(g->totalbytes >> 10);
      break;
    case PIC_GCCOUNTB:
      res = (int)(g->totalbytes & 0x3ff);
      break;
    case PIC_GCSTEP: {
      int data = va_arg(argp, int);
      ptrdiff_t debt = 1;
      uint8_t oldstp = g->gcstp;
      if (closing)
        break;
      g->gcstp = 0;
      if (data == 0) {
        g->GCdebt = 0;
        step(L, g);
      } else {
        debt = (ptrdiff_t)data * 1024 + g->GCdebt;
        g->GCdebt = debt;
        if (g->GCdebt > 0)
          step(L, g);
      }
      g->gcstp = oldstp;
      /* true when the step ended a cycle: in generational mode never (it
      ** does not stop in the pause state), as in Lua 5.4 */
      if (debt > 0 && g->gcstate == GCSpause)
        res = 1;
      break;
    }
    case PIC_GCSETPAUSE: {
      int data = va_arg(argp, int);
      res = g->gcpause;
      g->gcpause = gcparam(data);
      break;
    }
    case PIC_GCSETSTEPMUL: {
      int data = va_arg(argp, int);
      res = g->gcstepmul;
      g->gcstepmul = gcparam(data);
      break;
    }
    case PIC_GCISRUNNING:
      res = gcrunning(g);
      break;
    case PIC_GCGEN: {
      int minormul = va_arg(argp, int);
      int majormul = va_arg(argp, int);
      res = isdecGCmodegen(g) ? PIC_GCGEN : PIC_GCINC;
      if (minormul != 0)
        g->genminormul = (uint8_t)minormul;
      if (majormul != 0)
        g->genmajormul = gcparam(majormul);
      changemode(L, KGC_GEN);
      break;
    }
    case PIC_GCINC: {
      int pause = va_arg(argp, int);
      int stepmul = va_arg(argp, int);
      int stepsize = va_arg(argp, int);
      res = isdecGCmodegen(g) ? PIC_GCGEN : PIC_GCINC;
      if (pause != 0)
        g->gcpause = gcparam(pause);
      if (stepmul != 0)
        g->gcstepmul = gcparam(stepmul);
      if (stepsize != 0)
        g->gcstepsize = (uint8_t)stepsize;
      changemode(L, KGC_INC);
      break;
    }
    default:
      res = -1;
  }
  va_end(argp);
  chargework(L, before);
  return res;
}
