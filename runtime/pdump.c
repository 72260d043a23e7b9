/*
** pdump.c -- pic_dump: a Lua function back into a one-chunk image (string.dump),
** behind fmt_luaprefix (a dump starts as lua5.4's do).
** Module: runtime (dumper), the inverse of ploader.c: runtime Proto tree ->
** fmt_Proto tree -> fmt_image_write.
** The fmt tree borrows the bytes of the runtime objects (strings), which
** stay alive and unmoved because the function is on the stack and the
** collector never moves objects; only its arrays are allocated, through the
** counting allocator, and they are freed on every path, errors included.
** The code is copied, with the executor's quickened opcodes (OPF_QUICK)
** turned back into their base (fmt_baseop): images never hold them.
*/
#include <setjmp.h>
#include <stdint.h>
#include <string.h>

#include "format/image.h"
#include "runtime/pdo.h"
#include "runtime/ploader.h"
#include "runtime/pmem.h"
#include "runtime/pstate.h"
#include "runtime/pstring.h"

typedef struct Dumper {
  pic_State *L;
  int strip;
  int nomem;   /* set when an allocation failed; the tree is then partial */
  const TString *from, *to;   /* a source written as another (picU_dumprenamed) */
} Dumper;

/* A zeroed array of [n] elements of [size] bytes (NULL when n == 0 or on
** failure, which sets d->nomem). Never raises. */
static void *newarray(Dumper *d, size_t n, size_t size) {
  void *b;
  if (n == 0)
    return NULL;
  if (n > SIZE_MAX / size) {
    d->nomem = 1;
    return NULL;
  }
  b = picM_realloc_(d->L, NULL, 0, n * size);
  if (b == NULL)
    d->nomem = 1;
  else
    memset(b, 0, n * size);
  return b;
}

static void freearray(pic_State *L, void *b, size_t n, size_t size) {
  if (b != NULL)
    picM_free_(L, b, n * size);
}

/* A borrowed view of [ts] (empty when NULL). */
static fmt_Str borrowstr(const TString *ts) {
  fmt_Str s;
  s.len = ts == NULL ? 0 : (uint32_t)tsslen(ts);
  s.s = ts == NULL ? NULL : (char *)getstr(ts);
  return s;
}

/* Frees a tree built by buildproto (the arrays only; strings and code are
** borrowed). Each count is set only once its array exists. */
static void freeproto(pic_State *L, fmt_Proto *p) {
  uint32_t i;
  if (p == NULL)
    return;
  for (i = 0; i < p->np; i++)
    freeproto(L, p->p[i]);
  freearray(L, p->p, p->np, sizeof(fmt_Proto *));
  freearray(L, p->code, p->ncode, sizeof(fmt_Instr));
  freearray(L, p->k, p->nk, sizeof(fmt_Const));
  freearray(L, p->upvals, p->nupvals, sizeof(fmt_Upval));
  freearray(L, p->lines, p->nlines, sizeof(uint32_t));
  freearray(L, p->locvars, p->nlocvars, sizeof(fmt_LocVar));
  picM_free_(L, p, sizeof(fmt_Proto));
}

/* Whether string [ts] (NULL: absent) fits an image's u32 lengths. */
static int fitsimage(const TString *ts) {
  return ts == NULL || tsslen(ts) <= UINT32_MAX;
}

/* Fills [dst] (zeroed) from [f]; returns 0 on failure (d->nomem or too
** large), leaving [dst] freeable by freeproto. */
static int fillproto(Dumper *d, fmt_Proto *dst, const Proto *f, int depth) {
  int i;
  if (depth > FMT_MAX_NESTING)
    return 0;
  dst->numparams = f->numparams;
  dst->is_vararg = f->is_vararg;
  dst->maxstacksize = f->maxstacksize;
  dst->linedefined = (uint32_t)f->linedefined;
  dst->lastlinedefined = (uint32_t)f->lastlinedefined;
  dst->code = (fmt_Instr *)newarray(d, (size_t)f->sizecode, sizeof(fmt_Instr));
  if (d->nomem)
    return 0;
  dst->ncode = (uint32_t)f->sizecode;
  for (i = 0; i < f->sizecode; i++) {   /* Instruction is fmt_Instr */
    Instruction ins = f->code[i];
    SET_OPCODE(ins, fmt_baseop(GET_OPCODE(ins)));
    dst->code[i] = ins;
  }
  /* constants */
  dst->k = (fmt_Const *)newarray(d, (size_t)f->sizek, sizeof(fmt_Const));
  if (d->nomem)
    return 0;
  dst->nk = (uint32_t)f->sizek;
  for (i = 0; i < f->sizek; i++) {
    const TValue *o = &f->k[i];
    fmt_Const *c = &dst->k[i];
    if (ttisfalse(o)) {
      c->kind = FMT_K_FALSE;
    } else if (ttistrue(o)) {
      c->kind = FMT_K_TRUE;
    } else if (ttisinteger(o)) {
      c->kind = FMT_K_INT;
      c->u.i = ivalue(o);
    } else if (ttisfloat(o)) {
      c->kind = FMT_K_FLT;
      c->u.n = fltvalue(o);
    } else if (ttisstring(o)) {
      if (!fitsimage(tsvalue(o)))
        return 0;
      c->kind = FMT_K_STR;
      c->u.s = borrowstr(tsvalue(o));
    } else {
      c->kind = FMT_K_NIL;
    }
  }
  /* upvalue descriptors */
  dst->upvals = (fmt_Upval *)newarray(d, (size_t)f->sizeupvalues, sizeof(fmt_Upval));
  if (d->nomem)
    return 0;
  dst->nupvals = (uint32_t)f->sizeupvalues;
  for (i = 0; i < f->sizeupvalues; i++) {
    const Upvaldesc *u = &f->upvalues[i];
    dst->upvals[i].instack = u->instack;
    dst->upvals[i].idx = u->idx;
    dst->upvals[i].kind = u->kind;
    if (!d->strip && fitsimage(u->name))
      dst->upvals[i].name = borrowstr(u->name);
  }
  /* debug information: kept unless stripping */
  if (!d->strip) {
    if (!fitsimage(f->source))
      return 0;
    if (f->source != NULL)
      dst->source = borrowstr(f->source == d->from ? d->to : f->source);
    else {   /* loaded stripped: named "=?" as Lua shows such a source */
      dst->source.s = (char *)"=?";
      dst->source.len = 2;
    }
    dst->lines = (uint32_t *)newarray(d, (size_t)f->sizelineinfo, sizeof(uint32_t));
    if (d->nomem)
      return 0;
    dst->nlines = (uint32_t)f->sizelineinfo;
    for (i = 0; i < f->sizelineinfo; i++)
      dst->lines[i] = (uint32_t)f->lineinfo[i];
    dst->locvars = (fmt_LocVar *)newarray(d, (size_t)f->sizelocvars, sizeof(fmt_LocVar));
    if (d->nomem)
      return 0;
    dst->nlocvars = (uint32_t)f->sizelocvars;
    for (i = 0; i < f->sizelocvars; i++) {
      const LocVar *lv = &f->locvars[i];
      if (!fitsimage(lv->varname))
        return 0;
      dst->locvars[i].name = borrowstr(lv->varname);
      dst->locvars[i].startpc = (uint32_t)lv->startpc;
      dst->locvars[i].endpc = (uint32_t)lv->endpc;
    }
  }
  /* nested functions: each linked into dst before it is filled */
  dst->p = (fmt_Proto **)newarray(d, (size_t)f->sizep, sizeof(fmt_Proto *));
  if (d->nomem)
    return 0;
  dst->np = (uint32_t)f->sizep;
  for (i = 0; i < f->sizep; i++) {
    dst->p[i] = (fmt_Proto *)newarray(d, 1, sizeof(fmt_Proto));
    if (d->nomem || !fillproto(d, dst->p[i], f->p[i], depth + 1))
      return 0;
  }
  return 1;
}

/* The format library allocates through the state's counting allocator. */
static void *fmtalloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  return picM_realloc_((pic_State *)ud, ptr, osize, nsize);
}

/* Builds the tree of [f] into *root and writes the image into *out; raises
** on failure (the caller frees *root and *out whatever happens). */
static void dodump(pic_State *L, const Proto *f, int strip, TString *rename,
                   fmt_Proto *volatile *root, uint8_t *volatile *out, volatile size_t *outsize) {
  Dumper d;
  fmt_Chunk chunk;
  fmt_Image img;
  fmt_WriteOptions opt;
  fmt_Allocator a;
  fmt_Status st;
  uint8_t *buf = NULL;
  size_t size = 0;
  d.L = L;
  d.strip = strip;
  d.nomem = 0;
  d.from = rename != NULL ? f->source : NULL;
  d.to = rename;
  *root = (fmt_Proto *)newarray(&d, 1, sizeof(fmt_Proto));
  if (d.nomem)
    picM_error(L);
  if (!fillproto(&d, *root, f, 1)) {
    if (d.nomem)
      picM_error(L);
    picG_runerror(L, "function too large to dump");
  }
  chunk.name.len = 0;
  chunk.name.s = (char *)"";
  chunk.main = *root;
  img.nchunks = 1;
  img.chunks = &chunk;
  img.stripped = (uint8_t)(strip != 0);
  opt.compress = 0;   /* as Lua's dumps: no compression work or workspace */
  opt.level = 0;
  a.f = fmtalloc;
  a.ud = L;
  st = fmt_image_write(&img, &opt, a, &buf, &size);
  if (st != FMT_OK)
    picM_error(L);
  *out = buf;
  *outsize = size;
  pic_charge(L, (int64_t)(size / 16));
  picD_checkstack(L, 1);
  {   /* the string: fmt_luaprefix, then the image */
    TString *ts = picS_createlngstrobj(L, FMT_LUAPREFIX_SIZE + size);
    memcpy(getstr(ts), fmt_luaprefix, FMT_LUAPREFIX_SIZE);
    memcpy(getstr(ts) + FMT_LUAPREFIX_SIZE, buf, size);
    setsvalue(L, L->top, ts);
  }
  L->top++;
}

/* Dumps the Lua function on top of the stack as an image (debug info
** dropped when [strip]) and pushes it as a string; returns 0, or 1 (pushing
** nothing) when the value on top is not a Lua function. Raises on memory
** errors. */
static int dumptop(pic_State *L, int strip, TString *rename) {
  jmp_buf jb;
  jmp_buf *volatile old = L->errorJmp;
  fmt_Proto *volatile root = NULL;
  uint8_t *volatile out = NULL;
  volatile size_t outsize = 0;
  const TValue *o = L->top - 1;
  int status;
  if (!ttisLclosure(o))
    return 1;
  L->errorJmp = &jb;
  status = setjmp(jb);
  if (status == 0)
    dodump(L, clLvalue(o)->p, strip, rename, &root, &out, &outsize);
  L->errorJmp = old;
  freeproto(L, root);
  if (out != NULL)
    picM_free_(L, out, outsize);
  if (status != 0)
    picD_throw(L, status);   /* the error object is on top */
  return 0;
}

int pic_dump(pic_State *L, int strip) {
  return dumptop(L, strip, NULL);
}

void picU_dumprenamed(pic_State *L, TString *source) {
  dumptop(L, 0, source);
}
