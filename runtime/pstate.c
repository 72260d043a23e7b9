/*
** pstate.c -- creation and destruction of states and threads, memory and
** capability settings, warnings. Module: runtime (prefix picE_ and pic_*).
** Mirrors Lua 5.4's lstate.c. The main thread and the global_State share one
** block (LG); coroutines are ordinary collectable objects.
** Invariant: G(L)->nilvalue is an integer while the state is being built and
** nil once it is complete (completestate); no collection runs before that.
*/
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "runtime/palloc.h"
#include "runtime/pdo.h"
#include "runtime/pfunc.h"
#include "runtime/pgc.h"
#include "runtime/pmem.h"
#include "runtime/pstate.h"
#include "runtime/pstring.h"
#include "runtime/ptable.h"
#include "runtime/ptm.h"

/* Fuel each finalizer or pending __close may use while the state closes,
** and all of them together: closing is bounded however many there are. */
#define CLOSE_CALL_FUEL 10000000
#define CLOSE_TOTAL_FUEL 100000000
#define CLOSE_SLICE 1000000

typedef struct LG {
  pic_State l;
  global_State g;
} LG;

#define fromstate(L) ((LG *)(void *)(L))

#if !PICA_POOL
/* The default allocator without the pool (AddressSanitizer builds): realloc/free. */
static void *l_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  (void)ud;
  (void)osize;
  if (nsize == 0) {
    free(ptr);
    return NULL;
  }
  return realloc(ptr, nsize);
}
#endif

/* A hash seed from address-space and clock entropy (as luai_makeseed). */
static uint32_t makeseed(pic_State *L) {
  char buff[3 * sizeof(size_t)];
  uint32_t h = (uint32_t)time(NULL);
  size_t t;
  int p = 0;
  t = (size_t)(void *)L;
  memcpy(buff + p, &t, sizeof(t));
  p += (int)sizeof(t);
  t = (size_t)(void *)&h;
  memcpy(buff + p, &t, sizeof(t));
  p += (int)sizeof(t);
  t = (size_t)&pic_newstate;
  memcpy(buff + p, &t, sizeof(t));
  p += (int)sizeof(t);
  return picS_hash(buff, (size_t)p, h);
}

/* Zeroes every field of thread [L] after the GC header and links it to [g]. */
static void preinit_thread(pic_State *L, global_State *g) {
  size_t hdr = offsetof(pic_State, status);
  memset((char *)L + hdr, 0, sizeof(pic_State) - hdr);  /* NULL, 0, PIC_OK */
  L->l_G = g;
  L->twups = L;  /* not in the list of threads with open upvalues */
}

/* Gives [L1] its first stack and the base frame (allocated through [L]). */
_Static_assert(PIC_VNIL == 0, "stack_init clears the stack with memset");

static void stack_init(pic_State *L1, pic_State *L) {
  CallInfo *ci;
  StkId stack = picM_newvector(L, BASIC_STACK_SIZE + EXTRA_STACK, TValue);
  /* every slot nil at once: a zeroed TValue is nil (one memset instead of a
  ** store per slot; a coroutine's creation pays it) */
  memset(stack, 0, sizeof(TValue) * (BASIC_STACK_SIZE + EXTRA_STACK));
  L1->stack = stack;
  L1->stacksize = BASIC_STACK_SIZE + EXTRA_STACK;
  L1->top = stack;
  L1->stack_last = stack + BASIC_STACK_SIZE;
  ci = &L1->base_ci;
  memset(ci, 0, sizeof(*ci));
  ci->next = ci->previous = NULL;
  ci->callstatus = CIST_C;
  ci->func = L1->top;
  ci->u.c.k = NULL;
  ci->nresults = 0;
  setnilvalue(L1->top);  /* the 'function' slot of the base frame */
  L1->top++;
  ci->top = L1->top + PIC_MINSTACK;
  L1->ci = ci;
}

static void freestack(pic_State *L) {
  if (L->stack == NULL)
    return;
  L->ci = &L->base_ci;
  picE_freeCI(L);
  picM_freearray(L, L->stack, L->stacksize);
  L->stack = NULL;
}

/* A new CallInfo linked after L->ci. */
CallInfo *picE_extendCI(pic_State *L) {
  CallInfo *ci = picM_new(L, CallInfo);
  memset(ci, 0, sizeof(*ci));
  L->ci->next = ci;
  ci->previous = L->ci;
  ci->next = NULL;
  L->nci++;
  return ci;
}

/* Frees every CallInfo after [ci], one of L's. */
static void freeafter(pic_State *L, CallInfo *ci) {
  CallInfo *next = ci->next;
  ci->next = NULL;
  while ((ci = next) != NULL) {
    next = ci->next;
    picM_free(L, ci);
    L->nci--;
  }
}

/* Frees every CallInfo after L->ci. */
void picE_freeCI(pic_State *L) {
  freeafter(L, L->ci);
}

void picE_trimCI(pic_State *L, int keep) {
  CallInfo *ci = L->ci;
  while (keep-- > 0 && ci->next != NULL)
    ci = ci->next;
  freeafter(L, ci);
}

/* Frees thread [L1] (never the main thread). */
void picE_freethread(pic_State *L, pic_State *L1) {
  if (L1->stack != NULL)
    picF_closeupval(L1, L1->stack);
  freestack(L1);
  picM_free(L, L1);
}

/* Registry with [1] = main thread and [2] = a new globals table. */
static void init_registry(pic_State *L, global_State *g) {
  Table *registry = picH_new(L);
  sethvalue(L, &g->l_registry, registry);
  picH_resize(L, registry, PIC_RIDX_LAST, 0);
  setthvalue(L, &registry->array[PIC_RIDX_MAINTHREAD - 1], L);
  sethvalue(L, &registry->array[PIC_RIDX_GLOBALS - 1], picH_new(L));
}

/* Frees everything of the state and its block (and the default allocator's pool). */
static void close_state(pic_State *L) {
  global_State *g = G(L);
  pic_Alloc f = g->frealloc;
  void *ud = g->ud;
  picC_freeallobjects(L);
  picM_freearray(L, g->strt.hash, g->strt.size);
  g->strt.hash = NULL;
  if (g->patcache != NULL)
    picM_free_(L, g->patcache, PIC_PATCACHESIZE);
  freestack(L);
  (*f)(ud, fromstate(L), sizeof(LG), 0);
#if PICA_POOL
  if (f == picA_alloc)
    picA_freepool((picA_Pool *)ud);
#endif
}

/* Creates a state using allocator [f] (NULL: realloc/free); NULL when out of memory. */
pic_State *pic_newstate(pic_Alloc f, void *ud) {
  int i;
  pic_State *L;
  global_State *g;
  jmp_buf jb;
  LG *l;
  if (f == NULL) {  /* the default allocator; [ud] is ignored */
#if PICA_POOL
    f = picA_alloc;
    ud = picA_newpool();
    if (ud == NULL)
      return NULL;
#else
    f = l_alloc;
#endif
  }
  l = (LG *)(*f)(ud, NULL, 0, sizeof(LG));
  if (l == NULL) {
#if PICA_POOL
    if (f == picA_alloc)
      picA_freepool((picA_Pool *)ud);
#endif
    return NULL;
  }
  memset(l, 0, sizeof(LG));
  L = &l->l;
  g = &l->g;
  L->tt = PIC_VTHREAD;
  g->currentwhite = bitmask(WHITE0BIT);
  L->marked = picC_white(g);
  preinit_thread(L, g);
  g->allgc = obj2gco(L);
  L->next = NULL;
  g->frealloc = f;
  g->ud = ud;
  g->warnf = NULL;
  g->ud_warn = NULL;
  g->mainthread = L;
  g->seed = makeseed(L);
  g->gcstp = GCSTPGC;  /* no collection while building the state */
  g->strt.size = g->strt.nuse = 0;
  g->strt.hash = NULL;
  setnilvalue(&g->l_registry);
  g->gcstate = GCSpause;
  g->gckind = KGC_INC;
  g->lastatomic = 0;
  g->gcemergency = 0;
  g->finobj = g->tobefnz = g->fixedgc = NULL;
  g->sweepgc = NULL;
  g->gray = g->grayagain = NULL;
  g->weak = g->ephemeron = g->allweak = NULL;
  g->survival = g->old1 = g->reallyold = g->firstold1 = NULL;
  g->finobjsur = g->finobjold1 = g->finobjrold = NULL;
  g->twups = NULL;
  g->totalbytes = sizeof(LG);
  g->peakbytes = sizeof(LG);
  picM_setlimit(L, 0);
  g->GCdebt = 0;
  g->caps = 0;
  g->gccount = 0;
  g->gcwork = 0;
  g->fuelused = 0;
  g->patcache = NULL;
  setivalue(&g->nilvalue, 0);  /* state not yet complete */
  g->gcpause = 200;
  g->gcstepmul = 100;
  g->gcstepsize = 13;
  g->gcestimate = 0;
  g->genminormul = 20;
  g->genmajormul = 100;
  for (i = 0; i < PIC_NUMTYPES; i++)
    g->mt[i] = NULL;
  L->errorJmp = &jb;
  if (setjmp(jb) != 0) {
    L->errorJmp = NULL;
    close_state(L);
    return NULL;
  }
  stack_init(L, L);
  init_registry(L, g);
  picS_init(L);
  picT_init(L);
  L->errorJmp = NULL;
  g->gcstp = 0;
  setnilvalue(&g->nilvalue);  /* the state is complete */
  g->GCdebt = -(ptrdiff_t)g->totalbytes;  /* first cycle when the heap doubles */
  return L;
}

/* Runs the call of [nargs] arguments pushed on fresh thread [co] of main
** thread [L] with at most CLOSE_CALL_FUEL of the fuel closing has [left]
** (lowered by what the call used); returns its status, an error leaving
** its message on [co]. */
static int runclosecall(pic_State *L, pic_State *co, int nargs, int64_t *left) {
  int64_t budget = *left < CLOSE_CALL_FUEL ? *left : CLOSE_CALL_FUEL;
  int64_t before = pic_fuelused(L);
  int status, nres;
  status = pic_start(co, nargs);
  if (status != PIC_OK)
    return status;
  do {   /* (a slice that runs out of fuel is followed by the next one) */
    int64_t slice = budget < CLOSE_SLICE ? budget : CLOSE_SLICE;
    status = pic_step(co, slice, &nres);
    budget -= slice;
  } while (status == PIC_FUEL && budget > 0);
  *left -= pic_fuelused(L) - before;
  return status;
}

/* Closes the to-be-closed variables still pending in main thread [L] (the
** program left by os.exit(code, true), or stopped for fuel), innermost
** first, each __close on a fresh thread, as lua_close does; an error is
** the error argument of the next ones, as in Lua, and is otherwise
** dropped. */
static void closependingtbc(pic_State *L, int64_t *left) {
  if (!pic_checkstack(L, 1))
    return;
  pic_pushnil(L);   /* the error so far */
  for (;;) {
    pic_State *co;
    int status;
    if (*left <= 0 || !pic_checkstack(L, 5))
      return;
    co = pic_newthread(L);
    if (!picD_pushclose(L, L->stack + 1, ttisnil(L->top - 2) ? NULL : L->top - 2)) {
      pic_pop(L, 2);
      return;
    }
    pic_xmove(L, co, 3);
    status = runclosecall(L, co, 2, left);
    if (status != PIC_OK && status != PIC_FUEL && status != PIC_YIELD) {
      pic_xmove(co, L, 1);
      pic_replace(L, -3);   /* the new error */
    }
    pic_pop(L, 1);  /* the thread */
  }
}

/* Runs the finalizers of every object that has one, one after the other
** (picC_canfinalize is false while closing, so none starts inside another),
** each on a fresh thread with a bounded fuel budget and marked as running a
** finalizer (collectgarbage answers nil), as lua5.4's GCTM; errors become
** warnings. */
static void runclosefinalizers(pic_State *L, int64_t *left) {
  picC_prepareclose(L);
  for (;;) {
    pic_State *co;
    int status;
    if (*left <= 0 || !pic_checkstack(L, 4))
      return;
    co = pic_newthread(L);
    if (!picC_nextfinalizer(L)) {
      pic_pop(L, 1);
      return;
    }
    pic_xmove(L, co, 2);
    co->base_ci.callstatus |= CIST_FIN;   /* names it "metamethod '__gc'" */
    G(L)->gcstp |= GCSTPGC;
    status = runclosecall(L, co, 1, left);
    G(L)->gcstp &= (uint8_t)~GCSTPGC;
    if (status != PIC_OK && status != PIC_FUEL && status != PIC_YIELD) {
      const char *msg = pic_tostring(co, -1);
      pic_warning(L, "error in ", 1);
      pic_warning(L, "__gc", 1);
      pic_warning(L, " (", 1);
      pic_warning(L, msg ? msg : "error object is not a string", 1);
      pic_warning(L, ")", 0);
    }
    pic_pop(L, 1);  /* the thread */
  }
}

/* Runs [f] under a handler of its own: an error raised outside the calls
** it makes (e.g. no memory for their thread) just ends it. */
static void protectedclose(pic_State *L, void (*f)(pic_State *L, int64_t *left), int64_t *left) {
  jmp_buf jb;
  jmp_buf *volatile old = L->errorJmp;
  L->errorJmp = &jb;
  if (setjmp(jb) == 0)
    f(L, left);
  L->errorJmp = old;
}

/* Closes pending to-be-closed variables, runs pending finalizers (with
** CLOSE_TOTAL_FUEL for all of them: what is left when it runs out is
** dropped) and frees everything of the state. The memory limit stays: the
** collector is stopped while closing, so user code that allocates gets
** "not enough memory" (a warning) at the limit; a failure of closing's own
** allocations (a thread, stack room) just ends that part of it. */
void pic_close(pic_State *L) {
  L = G(L)->mainthread;
  if (completestate(G(L))) {
    int64_t left = CLOSE_TOTAL_FUEL;
    protectedclose(L, closependingtbc, &left);
    L->ci = &L->base_ci;
    picF_closeupval(L, L->stack);
    protectedclose(L, runclosefinalizers, &left);
  }
  close_state(L);
}

/* Creates a coroutine sharing [L]'s state and pushes it on [L]'s stack. */
pic_State *pic_newthread(pic_State *L) {
  global_State *g = G(L);
  GCObject *o;
  pic_State *L1;
  picC_checkGC(L);
  picD_checkstack(L, 1);
  o = picC_newobj(L, PIC_VTHREAD, sizeof(pic_State));
  L1 = gco2th(o);
  preinit_thread(L1, g);
  L1->hookf = L->hookf;   /* a new thread runs the creator's hook, as in Lua */
  L1->hookmask = L->hookmask;
  L1->basehookcount = L->basehookcount;
  L1->hookcount = L->basehookcount;
  setthvalue(L, L->top, L1);
  L->top++;
  stack_init(L1, L);
  return L1;
}

/* Caps the state's memory at [limit] bytes (0: no limit). */
void pic_setmemlimit(pic_State *L, size_t limit) {
  picM_setlimit(L, limit);
}

/* Bytes allocated now. */
size_t pic_memused(pic_State *L) {
  return G(L)->totalbytes;
}

/* Most bytes ever allocated at once. */
size_t pic_mempeak(pic_State *L) {
  return G(L)->peakbytes;
}

/* Grants capabilities [caps] (PIC_CAP_*). */
void pic_setcaps(pic_State *L, unsigned caps) {
  G(L)->caps = caps;
}

/* The capabilities granted. */
unsigned pic_getcaps(pic_State *L) {
  return G(L)->caps;
}

/* Sets the warning function. */
void pic_setwarnf(pic_State *L, pic_WarnFunction f, void *ud) {
  G(L)->warnf = f;
  G(L)->ud_warn = ud;
}

/* Emits a warning piece [msg] ([tocont]: more pieces follow). */
void pic_warning(pic_State *L, const char *msg, int tocont) {
  pic_WarnFunction wf = G(L)->warnf;
  if (wf != NULL)
    wf(G(L)->ud_warn, msg, tocont);
}
