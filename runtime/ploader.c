/*
** ploader.c -- pic_loadimage: turns a piccolo image into closures.
** Module: runtime (loader). Uses format/ (fmt_image_read verifies the
** bytecode); never parses source text.
** Every object built is reachable from the stack (the closure being built is
** pushed first, each proto is linked into its parent before it is filled,
** arrays get their size only once allocated and cleared), so a collection
** during any allocation finds a consistent graph.
*/
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <string.h>

#include "format/image.h"
#include "runtime/pdo.h"
#include "runtime/pfunc.h"
#include "runtime/pgc.h"
#include "runtime/ploader.h"
#include "runtime/pmem.h"
#include "runtime/pstate.h"
#include "runtime/pstring.h"
#include "runtime/ptable.h"

#define MAXIMAGESIZE ((size_t)256 << 20)   /* cap on an image's uncompressed payload */
#define PRELOADKEY "_PRELOAD"
#define LOADTEXTMARK '\x01'   /* first byte of a load text chunk's name */
#define LOADERRORMARK '\x02'  /* ... of a load text that does not compile */

/* The format library allocates through the state's counting allocator. */
static void *fmtalloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  return picM_realloc_((pic_State *)ud, ptr, osize, nsize);
}

/* Pushes a formatted message (may raise on memory errors). */
static void pushmsg(pic_State *L, const char *fmt, ...) {
  va_list argp;
  va_start(argp, fmt);
  picO_pushvfstring(L, fmt, argp);
  va_end(argp);
}

/* Whether [data] looks like Lua source text rather than a binary file. */
static int looksliketext(const unsigned char *data, size_t size) {
  size_t i, n = size < 1024 ? size : 1024;
  if (size == 0 || data[0] == 0x1b)
    return 0;
  for (i = 0; i < n; i++) {
    unsigned char c = data[i];
    if (c == 0 || (c < 32 && strchr("\t\n\v\f\r", c) == NULL))
      return 0;
  }
  return 1;
}

static int clampint(uint32_t v) {
  return v > INT_MAX ? INT_MAX : (int)v;
}

/* A debug name for proto [f]: NULL when absent (stripped). Every string
** stored into [f] goes through the barrier, as in lundump.c: an emergency
** collection inside an allocation of the load may have made [f] old and
** black (generational mode), and a young string it then points to unseen
** would be freed by the next minor collection. */
static TString *debugname(pic_State *L, Proto *f, const fmt_Str *s) {
  TString *ts;
  if (s->len == 0)
    return NULL;
  ts = picS_newlstr(L, s->s, s->len);
  picC_objbarrier(L, f, ts);
  return ts;
}

/* Fills [f] from [src]; [psource] is the parent's source, shared when equal;
** [lstrs] maps each long string constant of the chunk to its one object;
** [stripped]: the image has no debug information (an empty source is then
** absent, else it is the chunk name ""). */
static void loadproto(pic_State *L, Proto *f, const fmt_Proto *src, TString *psource,
                      Table *lstrs, int stripped, int depth) {
  uint32_t i;
  if (depth > FMT_MAX_NESTING || src->ncode > INT_MAX || src->nk > INT_MAX ||
      src->nupvals > INT_MAX || src->np > INT_MAX || src->nlines > INT_MAX ||
      src->nlocvars > INT_MAX)
    picG_runerror(L, "image too large");
  f->numparams = src->numparams;
  f->is_vararg = src->is_vararg;
  f->maxstacksize = src->maxstacksize;
  f->linedefined = clampint(src->linedefined);
  f->lastlinedefined = clampint(src->lastlinedefined);
  if (src->source.len == 0 && stripped)
    f->source = NULL;
  else if (psource != NULL && tsslen(psource) == src->source.len &&
           memcmp(getstr(psource), src->source.s, src->source.len) == 0)
    f->source = psource;
  else {
    f->source = picS_newlstr(L, src->source.s, src->source.len);   /* "" when empty */
    picC_objbarrier(L, f, f->source);
  }
  /* code */
  f->code = picM_newvector(L, src->ncode, Instruction);
  f->sizecode = (int)src->ncode;
  if (src->ncode > 0)
    memcpy(f->code, src->code, src->ncode * sizeof(Instruction));
  /* constants */
  f->k = picM_newvector(L, src->nk, TValue);
  f->sizek = (int)src->nk;
  for (i = 0; i < src->nk; i++)
    setnilvalue(&f->k[i]);
  for (i = 0; i < src->nk; i++) {
    const fmt_Const *c = &src->k[i];
    TValue *o = &f->k[i];
    switch (c->kind) {
      case FMT_K_FALSE: setbfvalue(o); break;
      case FMT_K_TRUE: setbtvalue(o); break;
      case FMT_K_INT: setivalue(o, c->u.i); break;
      case FMT_K_FLT: setfltvalue(o, c->u.n); break;
      case FMT_K_STR: {
        TString *ts = picS_newlstr(L, c->u.s.s, c->u.s.len);
        setsvalue(L, o, ts);
        if (ttislngstring(o)) {   /* equal long strings of a chunk are one object, as in lua5.4 */
          const TValue *prev = picH_get(lstrs, o);
          if (!isempty(prev)) {
            setobj(L, o, prev);
          } else {
            picH_set(L, lstrs, o, o);
            picC_barrierback(L, obj2gco(lstrs), o);
          }
        }
        break;
      }
      default: break;  /* FMT_K_NIL */
    }
    picC_barrier(L, f, o);
  }
  /* upvalue descriptors */
  f->upvalues = picM_newvector(L, src->nupvals, Upvaldesc);
  f->sizeupvalues = (int)src->nupvals;
  for (i = 0; i < src->nupvals; i++) {
    f->upvalues[i].name = NULL;
    f->upvalues[i].instack = src->upvals[i].instack;
    f->upvalues[i].idx = src->upvals[i].idx;
    f->upvalues[i].kind = src->upvals[i].kind;
  }
  for (i = 0; i < src->nupvals; i++)
    f->upvalues[i].name = debugname(L, f, &src->upvals[i].name);
  /* line information (absolute line per instruction) */
  f->lineinfo = picM_newvector(L, src->nlines, int);
  f->sizelineinfo = (int)src->nlines;
  for (i = 0; i < src->nlines; i++)
    f->lineinfo[i] = clampint(src->lines[i]);
  /* local variables */
  f->locvars = picM_newvector(L, src->nlocvars, LocVar);
  f->sizelocvars = (int)src->nlocvars;
  for (i = 0; i < src->nlocvars; i++) {
    f->locvars[i].varname = NULL;
    f->locvars[i].startpc = clampint(src->locvars[i].startpc);
    f->locvars[i].endpc = clampint(src->locvars[i].endpc);
  }
  for (i = 0; i < src->nlocvars; i++)
    f->locvars[i].varname = debugname(L, f, &src->locvars[i].name);
  /* nested functions: each linked into f before it is filled */
  f->p = picM_newvector(L, src->np, Proto *);
  f->sizep = (int)src->np;
  for (i = 0; i < src->np; i++)
    f->p[i] = NULL;
  for (i = 0; i < src->np; i++) {
    f->p[i] = picF_newproto(L);
    picC_objbarrier(L, f, f->p[i]);
    loadproto(L, f->p[i], src->p[i], f->source, lstrs, stripped, depth + 1);
  }
}

/* Gives chunk closure [cl] (on the stack) fresh upvalues, the first one
** holding the globals table (_ENV). */
static void initchunkupvals(pic_State *L, LClosure *cl) {
  picF_initupvals(L, cl);
  if (cl->nupvalues >= 1) {
    Table *reg = hvalue(&G(L)->l_registry);
    const TValue *gt = picH_getint(reg, PIC_RIDX_GLOBALS);
    setobj(L, cl->upvals[0]->v, gt);
    picC_barrier(L, cl->upvals[0], gt);
  }
}

/* Pushes a closure of chunk [main] (of an image whose debug information is
** [stripped] or not) whose first upvalue is the globals table. */
static void pushchunk(pic_State *L, const fmt_Proto *main, int stripped) {
  LClosure *cl;
  Table *lstrs;
  if (main->nupvals > 255)
    picG_runerror(L, "image too large");
  picD_checkstack(L, 2);
  cl = picF_newLclosure(L, (int)main->nupvals);
  setclLvalue(L, L->top, cl);
  L->top++;
  cl->p = picF_newproto(L);
  picC_objbarrier(L, cl, cl->p);
  lstrs = picH_new(L);   /* anchored on the stack while the chunk loads */
  sethvalue(L, L->top, lstrs);
  L->top++;
  loadproto(L, cl->p, main, NULL, lstrs, stripped, 0);
  L->top--;
  initchunkupvals(L, cl);
}

/* Pushes registry[name] (_PRELOAD or _LOADTEXT), creating it if missing. */
static Table *pushregtable(pic_State *L, const char *name) {
  Table *reg = hvalue(&G(L)->l_registry);
  const TValue *slot;
  TString *key;
  picD_checkstack(L, 2);
  key = picS_new(L, name);
  setsvalue(L, L->top, key);
  L->top++;
  slot = picH_getstr(reg, key);
  if (ttistable(slot)) {
    setobj2s(L, L->top - 1, slot);
  } else {
    Table *t = picH_new(L);
    sethvalue(L, L->top, t);
    L->top++;
    picH_set(L, reg, L->top - 2, L->top - 1);
    picC_barrierback(L, obj2gco(reg), L->top - 1);
    setobj2s(L, L->top - 2, L->top - 1);
    L->top--;
  }
  return hvalue(L->top - 1);
}

/* Reads the image and pushes its main chunk; registers the other chunks. */
static int doload(pic_State *L, const void *data, size_t size, const char *name,
                  fmt_Image *volatile *pimg) {
  fmt_Allocator a;
  char err[256];
  size_t maxsize = MAXIMAGESIZE;
  fmt_Status st;
  fmt_Image *img = NULL;
  uint32_t i;
  a.f = fmtalloc;
  a.ud = L;
  if (G(L)->memlimit != 0 && G(L)->memlimit < maxsize)
    maxsize = G(L)->memlimit;
  err[0] = '\0';
  st = fmt_image_read((const uint8_t *)data, size, maxsize, a, &img, err, sizeof(err));
  if (st == FMT_ENOMEM)
    picM_error(L);
  if (st != FMT_OK) {
    pushmsg(L, "%s: %s", name, err[0] ? err : fmt_status_name(st));
    return PIC_ERRSYNTAX;
  }
  *pimg = img;  /* freed by the caller, also after an error */
  if (img->nchunks == 0) {
    pushmsg(L, "%s: %s", name, "image has no chunks");
    return PIC_ERRSYNTAX;
  }
  pushchunk(L, img->chunks[0].main, img->stripped);
  for (i = 1; i < img->nchunks; i++) {   /* modules and load texts */
    const fmt_Str *cname = &img->chunks[i].name;
    int istext = cname->len > 0 && (cname->s[0] == LOADTEXTMARK || cname->s[0] == LOADERRORMARK);
    Table *t = pushregtable(L, istext ? PICU_LOADTEXTKEY : PRELOADKEY);
    TString *key;
    picD_checkstack(L, 2);
    key = picS_newlstr(L, cname->s + istext, cname->len - (size_t)istext);
    setsvalue(L, L->top, key);
    L->top++;
    pushchunk(L, img->chunks[i].main, img->stripped);
    if (istext && cname->s[0] == LOADERRORMARK) {   /* the message instead */
      const Proto *p = clLvalue(L->top - 1)->p;
      if (p->sizek >= 1 && ttisstring(&p->k[0])) {
        setobj2s(L, L->top - 1, &p->k[0]);
      } else {   /* not piccoloc's: any message will do */
        setsvalue(L, L->top - 1, picS_new(L, "load text does not compile"));
      }
    }
    picH_set(L, t, L->top - 2, L->top - 1);
    picC_barrierback(L, obj2gco(t), L->top - 1);
    L->top -= 3;   /* key, chunk and table */
  }
  return PIC_OK;
}

int picU_loadtext(pic_State *L, const void *text, size_t len) {
  Table *reg = hvalue(&G(L)->l_registry);
  const TValue *slot = picH_getstr(reg, picS_new(L, PICU_LOADTEXTKEY));
  LClosure *cl, *src;
  TValue key;
  if (!ttistable(slot))
    return 0;
  setsvalue(L, &key, picS_newlstr(L, (const char *)text, len));
  slot = picH_get(hvalue(slot), &key);   /* the text is not collected: no */
  if (ttisstring(slot)) {                /* allocation until it is used */
    picD_checkstack(L, 1);
    setobj2s(L, L->top, slot);   /* the compiler's message */
    L->top++;
    return -1;
  }
  if (!ttisLclosure(slot))
    return 0;
  src = clLvalue(slot);
  picD_checkstack(L, 1);
  cl = picF_newLclosure(L, src->nupvalues);
  cl->p = src->p;
  setclLvalue(L, L->top, cl);
  L->top++;
  initchunkupvals(L, cl);
  return 1;
}

/* Runs the load under its own error handler, so that memory errors come
** back as a status with the fmt tree freed. */
static int protectedload(pic_State *L, const void *data, size_t size, const char *name) {
  jmp_buf jb;
  jmp_buf *volatile old = L->errorJmp;
  fmt_Image *volatile img = NULL;
  volatile ptrdiff_t oldtop = savestack(L, L->top);
  int status;
  L->errorJmp = &jb;
  status = setjmp(jb);
  if (status == 0) {
    if (!fmt_is_image((const uint8_t *)data, size)) {
      if (size > 0 && size < 4 && (memcmp(data, FMT_MAGIC, size) == 0 ||
                                   memcmp(data, fmt_luaprefix, size) == 0))
        pushmsg(L, "%s: truncated image", name);
      else if (looksliketext((const unsigned char *)data, size))
        pushmsg(L, "%s: cannot load source text: this runtime has no parser "
                   "(compile it with piccoloc)", name);
      else
        pushmsg(L, "%s: not a piccolo image", name);
      status = PIC_ERRSYNTAX;
    } else {
      status = doload(L, data, size, name, &img);
    }
  } else {
    /* raised while loading: keep the error object, drop the partial work */
    TValue errobj;
    setobj(L, &errobj, L->top - 1);
    L->top = restorestack(L, oldtop);
    setobj2s(L, L->top, &errobj);
    L->top++;
  }
  L->errorJmp = old;
  if (img != NULL) {
    fmt_Allocator a;
    a.f = fmtalloc;
    a.ud = L;
    fmt_image_free(img, a);
  }
  return status;
}

/* Loads image [data] of [size] bytes named [chunkname]: pushes the main
** chunk and returns PIC_OK, or pushes a message and returns PIC_ERRSYNTAX
** (not an image, corrupt image) or PIC_ERRMEM. */
int pic_loadimage(pic_State *L, const void *data, size_t size, const char *chunkname) {
  char name[PIC_IDSIZE];
  const char *cn = chunkname != NULL ? chunkname : "=?";
  if (cn[0] == FMT_MAGIC[0])   /* load(s) names the chunk s: lua5.4's name for it */
    cn = "=binary string";
  picO_chunkid(name, cn, strlen(cn));  /* "file", "[string \"...\"]" as Lua names chunks */
  return protectedload(L, data, size, name);
}
