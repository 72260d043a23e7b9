/*
** pstate.h -- threads (pic_State), call frames (CallInfo) and the shared
** global state. Module: runtime (internal).
**
** Invariants:
**   - a thread's live values are exactly stack[0 .. top); the collector marks
**     those and clears the rest of the stack;
**   - CallInfo frames form a doubly linked list from &base_ci; ci is the running
**     frame; frames are heap-allocated and reused (ci->next), never on the C stack;
**   - open upvalues (openupval) are sorted by decreasing stack level;
**   - stack reallocation (pdo.c) fixes every pointer into the stack: top, each
**     CallInfo's func/top, open upvalues' v, tbclist.
*/
#ifndef PSTATE_H
#define PSTATE_H

#include <setjmp.h>

#include "runtime/pobject.h"
#include "runtime/ptm.h"

/* Bytes of global_State.patcache (stdlib/strpattern.c checks its layout fits). */
#define PIC_PATCACHESIZE 1536

/* Extra stack slots above every frame's declared top. */
#define EXTRA_STACK 5
#define BASIC_STACK_SIZE (2 * PIC_MINSTACK)
/* Maximum Lua stack size (slots) before "stack overflow". */
#define PIC_MAXSTACK 1000000

/* Size of the C-string cache (global_State.strcache): sets x ways. */
#define PICS_CACHEN 53
#define PICS_CACHEM 2

/* callstatus bits (the executor may add more; document them in pdo.h) */
#define CIST_C        (1 << 1)   /* call is running a C function */
#define CIST_FRESH    (1 << 2)   /* first frame of a pic_step run */
#define CIST_HOOKED   (1 << 3)   /* Lua frame: a hook ran before the instruction at savedpc - 1 */
#define CIST_HOOKCALL (1 << 0)   /* Lua frame: hooks saw its first instruction */
#define CIST_YPCALL   (1 << 4)   /* protected call (pcall/pcallk boundary) */
#define CIST_TAIL     (1 << 5)   /* frame was tail-called */
#define CIST_FIN      (1 << 7)   /* running a finalizer */
#define CIST_CLSRET   (1 << 9)   /* closing tbc variables on return */

typedef struct CallInfo {
  StkId func;                    /* function slot */
  StkId top;                     /* top for this function */
  struct CallInfo *previous, *next;
  union {
    struct {                     /* Lua functions */
      const Instruction *savedpc;
      int nextraargs;            /* extra arguments of a vararg function */
    } l;
    struct {                     /* C functions */
      pic_KFunction k;           /* continuation, if any */
      pic_KContext ctx;
      ptrdiff_t old_errfunc;
      int status;                /* status handed to k */
      ptrdiff_t pfunc;           /* CIST_YPCALL: stack offset of the protected callee */
    } c;
  } u;
  int nresults;                  /* expected results from this function */
  unsigned short callstatus;
  unsigned short extra;          /* executor-private (e.g. pending-op kind) */
  int nres;                      /* executor-private: results pending in OP_RETURN / values resumed */
} CallInfo;

#define isLua(ci)   (!((ci)->callstatus & CIST_C))
#define ci_func(ci) (clLvalue((ci)->func))

/* A slot of the intern table: an interned short string and its hash
** (NULL ts: empty), so probing touches only the table. */
typedef struct StrSlot {
  TString *ts;
  uint32_t hash;
} StrSlot;

/* The intern table (pstring.c): open addressing with linear probing over
** [size] slots (a power of 2), at least one of them always empty. */
typedef struct stringtable {
  StrSlot *hash;
  int nuse;
  int size;
} stringtable;

/* Shared by all threads of a state. */
typedef struct global_State {
  pic_Alloc frealloc;
  void *ud;
  size_t totalbytes;        /* bytes allocated now (exact) */
  size_t peakbytes;
  size_t memlimit;          /* 0: none */
  /* the count the pool's fast path (pmemfast.h) may take totalbytes to:
  ** memlimit, SIZE_MAX without a limit, 0 when frealloc is not the pool's
  ** allocator; set with memlimit by picM_setlimit */
  size_t poolroom;
  ptrdiff_t GCdebt;         /* bytes allocated not yet paid by collection work */
  stringtable strt;
  TValue l_registry;
  TValue nilvalue;          /* a nil, also used as "state fully built" flag */
  uint32_t seed;            /* randomized hash seed */
  unsigned caps;            /* PIC_CAP_* granted by the host */
  /* collector (pgc.c) */
  uint8_t gcstate;
  uint8_t gckind;
  uint8_t gcstp;            /* collection stopped/blocked bits */
  uint8_t gcemergency;
  uint8_t currentwhite;
  int gcpause;
  int gcstepmul;
  int gcstepsize;           /* log2 (0..255, a byte as in Lua) */
  size_t gcestimate;        /* incremental: live bytes; generational: after the last major */
  int genminormul;          /* generational: a minor collection per genminormul% growth (0..255) */
  int genmajormul;          /* generational: a major one past genmajormul% over gcestimate */
  size_t lastatomic;        /* objects the last bad major collection marked; 0: none */
  size_t gccount;           /* collections completed (for --stats) */
  size_t gcwork;            /* work units done, ever (objects swept, slots marked): charged as fuel */
  /* the pattern matcher's cache of pattern analyses (stdlib/strpattern.c),
  ** PIC_PATCACHESIZE bytes made at its first use, freed by close_state */
  void *patcache;
  GCObject *allgc;
  GCObject **sweepgc;
  GCObject *finobj;
  GCObject *gray;
  GCObject *grayagain;
  GCObject *weak;
  GCObject *ephemeron;
  GCObject *allweak;
  GCObject *tobefnz;
  GCObject *fixedgc;
  /* generational mode: allgc is new objects, then from 'survival' those
  ** that survived one collection, from 'old1' those of the first old cycle,
  ** from 'reallyold' the old ones; firstold1 is the first G_OLD1 object
  ** before 'reallyold' (NULL: none); finobj is split the same way */
  GCObject *survival;
  GCObject *old1;
  GCObject *reallyold;
  GCObject *firstold1;
  GCObject *finobjsur;
  GCObject *finobjold1;
  GCObject *finobjrold;
  struct pic_State *twups;  /* threads with open upvalues */
  struct pic_State *mainthread;
  TString *memerrmsg;       /* "not enough memory", fixed */
  /* picS_new's cache by C-string address (as Lua's strcache): never a dead
  ** string -- the collector points entries to memerrmsg before sweeping */
  TString *strcache[PICS_CACHEN][PICS_CACHEM];
  TString *tmname[TM_N];    /* metamethod names, fixed */
  struct Table *mt[PIC_NUMTYPES];  /* metatables of basic types */
  pic_WarnFunction warnf;
  void *ud_warn;
  int64_t fuelused;         /* total fuel charged */
  pic_SourceCompiler srccompiler;  /* NULL in the runtime; set by piccoloi */
  void *srccompiler_ud;
  /* the base library's 'next' and ipairs iterator, which TFORCALL steps
  ** inline over plain tables (NULL until the library registers them) */
  pic_CFunction nextfn;
  pic_CFunction ipairsfn;
  /* math.floor, ceil, abs, sqrt, sin and cos, which CALL computes itself
  ** for one number argument, and math.min and max, for two numbers
  ** (picV_setmathfns; NULL until registered) */
  pic_CFunction mathfn[8];
  /* the base library's pcall and its continuation, whose call of a Lua
  ** function CALL sets up itself (picV_setpcall; NULL until registered) */
  pic_CFunction pcallfn;
  pic_KFunction pcallk;
  /* string.byte and string.sub, which CALL computes itself for s:byte(),
  ** s:byte(i), s:sub(i) and s:sub(i, j) (picV_setstrfns; NULL until
  ** registered) */
  pic_CFunction strbytefn;
  pic_CFunction strsubfn;
  uint64_t inlinemask;      /* pvm.c's inlinebit(f) set for each function above */
  /* per bit of inlinemask, the index k (0-5) of the one-number math function
  ** mathfn[k] whose address selects it, 6 for none, 7 for several */
  uint8_t mathslot[64];
  /* the C function of the base library's type closure, whose call of one
  ** value CALL answers itself (picV_settype; NULL until registered) */
  pic_CFunction typefn;
  /* the base library's setmetatable, whose call with a table that has no
  ** metatable yet CALL makes itself (picV_setsetmetatable; NULL until
  ** registered) */
  pic_CFunction setmtfn;
  /* the coroutine library's resume, yield and wrap functions' C function
  ** (with resume's and wrap's continuations), whose switch between
  ** coroutines CALL and TFORCALL make themselves (picV_setcoroutine; NULL
  ** until registered) */
  pic_CFunction coresumefn;
  pic_KFunction coresumek;
  pic_CFunction coyieldfn;
  pic_CFunction cowrapfn;
  pic_KFunction cowrapk;
} global_State;

/* A thread. The main thread and coroutines share one global_State. */
struct pic_State {
  CommonHeader;
  uint8_t status;           /* PIC_OK, PIC_YIELD, or an error status when dead */
  StkId top;                /* first free slot */
  global_State *l_G;
  CallInfo *ci;             /* running frame */
  StkId stack_last;         /* end of the usable stack (EXTRA_STACK slots follow) */
  StkId stack;
  int stacksize;            /* slots allocated (incl. EXTRA_STACK) */
  UpVal *openupval;
  StkId tbclist;            /* last to-be-closed variable (NULL: none) */
  GCObject *gclist;
  struct pic_State *twups;  /* next thread with open upvalues */
  CallInfo base_ci;
  int nci;                  /* number of CallInfos allocated */
  ptrdiff_t errfunc;        /* current message handler (stack offset) */
  /* executor-private state (pdo.c/pvm.c) follows; the collector ignores it
  ** except where pdo.h says otherwise */
  struct pic_State *resumer;  /* thread that resumed this coroutine */
  int64_t fuel;             /* fuel left in the current step */
  jmp_buf *errorJmp;        /* where pic_error/throw lands (one per step) */
  int nCcalls;              /* nested C calls, bounded by a constant */
  /* executor-private, continued (pdo.c; see pdo.h) */
  struct pic_State *running;  /* innermost thread a step of this thread executes */
  int cres;                 /* value returned by the last C function / Lua return count */
  int req;                  /* pending request of a C function (PICD_REQ_*) */
  int reqnargs, reqnres;    /* arguments / results of the request */
  int reqmsgh;              /* pcallk message handler index (0: none) */
  struct pic_State *reqco;  /* coroutine to resume / close */
  int unwstatus;            /* status of the error being propagated */
  int nny;                  /* frames that forbid yielding (finalizers) */
  ptrdiff_t yieldbase;      /* stack offset of the first value yielded to the host */
  /* debug hooks (set by pic_sethook, run by pvm.c; inherited by new threads) */
  pic_CFunction hookf;      /* called with (event, line) pairs */
  int basehookcount;        /* instructions between count events */
  int hookcount;            /* instructions left until the next count event */
  int oldpc;                /* instruction of the last line check */
  uint8_t hookmask;         /* PIC_MASK* events wanted (0: no hooks) */
  uint8_t inhook;           /* a hook is running: no hook fires */
  /* values a call or return hook of frame transferci sees (getinfo 'r'):
  ** the arguments or results at stack slots ci->func + ftransfer on */
  struct CallInfo *transferci;
  int ftransfer, ntransfer;
};

#define G(L) ((L)->l_G)
#define completestate(g) (ttisnil(&(g)->nilvalue))

/* Union for conversions, as Lua's GCUnion is not needed: objects are cast. */

/* ---- pstate.c (prefix picE_) ----
** CallInfos after base_ci are allocated one by one with picM_new(L, CallInfo)
** and counted in L->nci; a thread owns the list hanging from its base_ci. */
/* A new CallInfo linked after L->ci (which must have no next). */
CallInfo *picE_extendCI(pic_State *L);
/* Frees every CallInfo after L->ci. */
void picE_freeCI(pic_State *L);
/* Frees the CallInfos after L->ci but the first [keep] (kept for reuse). */
void picE_trimCI(pic_State *L, int keep);
/* Frees thread [L1]: closes its upvalues, frees its stack, CallInfos and itself. */
void picE_freethread(pic_State *L, pic_State *L1);

#endif
