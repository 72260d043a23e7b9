/*
** parse.c -- the recursive-descent parser for Lua 5.4 (see parse.h):
** scopes, locals and upvalues, gotos and labels, statements, expressions.
** Module: pcp (compiler parser). Follows PUC-Rio lparser.c (5.4).
*/
#include "compiler/parse.h"

#include <string.h>

#include "compiler/code.h"
#include "compiler/inline.h"

#define eqstr(a, b) ((a) == (b))

typedef pck_FuncState FuncState;
typedef pck_Exp expdesc;
typedef pck_BlockCnt BlockCnt;
typedef pck_Vardesc Vardesc;
typedef pck_Labeldesc Labeldesc;
typedef pck_Labellist Labellist;

static void statement(pcl_State *ls);
static void expr(pcl_State *ls, expdesc *v);

/* ---------------------------------------------------------------- helpers */

static void *growarr(pcl_State *ls, void *p, int *size, int n, size_t esz,
                     int limit, const char *what) {
  if (n < *size) return p;
  if (n >= limit)
    pcl_semerror(ls, pcl_fmt(ls, "too many %s (limit is %d)", what, limit));
  int ns = *size ? *size * 2 : 8;
  if (ns > limit) ns = limit;
  if (ns <= n) ns = n + 1;
  p = pcl_realloc(ls, p, (size_t)ns * esz);
  *size = ns;
  return p;
}

static fmt_Str mkstr(pcl_Str *s) {
  fmt_Str r;
  r.len = s->len;
  r.s = s->s;
  return r;
}

static _Noreturn void error_expected(pcl_State *ls, int token) {
  pcl_syntaxerror(ls, pcl_fmt(ls, "%s expected", pcl_token2str(ls, token)));
}

static _Noreturn void errorlimit(FuncState *fs, int limit, const char *what) {
  pcl_State *ls = fs->ls;
  uint32_t line = fs->f->linedefined;
  const char *where = (line == 0) ? "main function"
                                  : pcl_fmt(ls, "function at line %u", line);
  pcl_syntaxerror(ls, pcl_fmt(ls, "too many %s (limit is %d) in %s", what, limit,
                              where));
}

static void checklimit(FuncState *fs, int v, int l, const char *what) {
  if (v > l) errorlimit(fs, l, what);
}

static int testnext(pcl_State *ls, int c) {
  if (ls->t.token == c) {
    pcl_next(ls);
    return 1;
  }
  return 0;
}

static void check(pcl_State *ls, int c) {
  if (ls->t.token != c) error_expected(ls, c);
}

static void checknext(pcl_State *ls, int c) {
  check(ls, c);
  pcl_next(ls);
}

#define check_condition(ls, c, msg) \
  { if (!(c)) pcl_syntaxerror(ls, msg); }

static void check_match(pcl_State *ls, int what, int who, int where) {
  if (!testnext(ls, what)) {
    if (where == ls->linenumber)
      error_expected(ls, what);
    else
      pcl_syntaxerror(ls, pcl_fmt(ls, "%s expected (to close %s at line %d)",
                                  pcl_token2str(ls, what),
                                  pcl_token2str(ls, who), where));
  }
}

static pcl_Str *str_checkname(pcl_State *ls) {
  check(ls, TK_NAME);
  pcl_Str *ts = ls->t.seminfo.ts;
  pcl_next(ls);
  return ts;
}

static void init_exp(expdesc *e, pck_ExpKind k, int i) {
  e->f = e->t = PCK_NO_JUMP;
  e->k = k;
  e->u.info = i;
}

static void codestring(expdesc *e, pcl_Str *s) {
  e->f = e->t = PCK_NO_JUMP;
  e->k = VKSTR;
  e->u.strval = s;
}

static void codename(pcl_State *ls, expdesc *e) {
  codestring(e, str_checkname(ls));
}

static void enterlevel(pcl_State *ls) {
  if (++ls->nlevels > PCP_MAXLEVELS) pcl_syntaxerror(ls, "C stack overflow");
  if (ls->nlevels > ls->peaklevels) ls->peaklevels = ls->nlevels;
}

#define leavelevel(ls) ((ls)->nlevels--)

/* ---------------------------------------------------------------- variables */

static int registerlocalvar(pcl_State *ls, FuncState *fs, pcl_Str *varname) {
  fmt_Proto *f = fs->f;
  f->locvars = growarr(ls, f->locvars, &fs->sizelocvars, fs->ndebugvars,
                       sizeof(fmt_LocVar), 32767, "local variables");
  f->locvars[fs->ndebugvars].name = mkstr(varname);
  f->locvars[fs->ndebugvars].startpc = (uint32_t)fs->pc;
  f->locvars[fs->ndebugvars].endpc = (uint32_t)fs->pc;
  return fs->ndebugvars++;
}

static int new_localvar(pcl_State *ls, pcl_Str *name) {
  FuncState *fs = ls->fs;
  pck_Dyndata *dyd = ls->dyd;
  checklimit(fs, dyd->actvar.n + 1 - fs->firstlocal, PCK_MAXVARS, "local variables");
  dyd->actvar.arr = growarr(ls, dyd->actvar.arr, &dyd->actvar.size,
                            dyd->actvar.n, sizeof(Vardesc), 65535,
                            "local variables");
  Vardesc *var = &dyd->actvar.arr[dyd->actvar.n++];
  memset(var, 0, sizeof *var);
  var->kind = VDKREG;
  var->name = name;
  var->decl = ls->ndecl++;
  return dyd->actvar.n - 1 - fs->firstlocal;
}

static int new_localvarliteral(pcl_State *ls, const char *v) {
  return new_localvar(ls, pcl_newstring(ls, v, strlen(v)));
}

static Vardesc *getlocalvardesc(FuncState *fs, int vidx) {
  return &fs->ls->dyd->actvar.arr[fs->firstlocal + vidx];
}

static int reglevel(FuncState *fs, int nvar) {
  while (nvar-- > 0) {
    Vardesc *vd = getlocalvardesc(fs, nvar);
    if (vd->kind != RDKCTC) return vd->ridx + 1;
  }
  return 0;
}

int pcp_nvarstack(FuncState *fs) { return reglevel(fs, fs->nactvar); }

static fmt_LocVar *localdebuginfo(FuncState *fs, int vidx) {
  Vardesc *vd = getlocalvardesc(fs, vidx);
  if (vd->kind == RDKCTC) return NULL;
  return &fs->f->locvars[vd->pidx];
}

static void init_var(FuncState *fs, expdesc *e, int vidx) {
  e->f = e->t = PCK_NO_JUMP;
  e->k = VLOCAL;
  e->u.var.vidx = vidx;
  e->u.var.ridx = getlocalvardesc(fs, vidx)->ridx;
}

/* ---- self reads ----
** In the body of `local function f`, a read of f is an upvalue of the
** function itself. When the local f is never assigned, that upvalue always
** holds the running closure, which the executor has at hand below the
** frame's registers: code.c marks such a GETUPVAL with k = 1 (format/
** opcodes.h) and pcp_parse clears the marks at the end of the chunk where
** the name turned out to be assigned, or where the chunk names "debug"
** (debug.setupvalue could change the upvalue; inline.h has the same rule).
** The upvalue itself stays, so the debug interface sees what lua5.4 shows. */
typedef struct pcp_SelfRead {
  fmt_Proto *f;   /* a function with marked GETUPVALs */
  int decl;       /* the declaration of its name */
} pcp_SelfRead;

static void markassigned(pcl_State *ls, int decl) {
  if (decl < 0) return;   /* a global or _ENV */
  if (decl >= ls->sizeassigned) {
    int n = ls->sizeassigned ? ls->sizeassigned : 64;
    while (n <= decl) n *= 2;
    ls->assigned = pcl_realloc(ls, ls->assigned, (size_t)n);
    memset(ls->assigned + ls->sizeassigned, 0, (size_t)(n - ls->sizeassigned));
    ls->sizeassigned = n;
  }
  ls->assigned[decl] = 1;
}

static void noteselfread(pcl_State *ls, FuncState *fs) {
  if (ls->nselfreads == ls->sizeselfreads) {
    int n = ls->sizeselfreads ? 2 * ls->sizeselfreads : 16;
    ls->selfreads = pcl_realloc(ls, ls->selfreads, (size_t)n * sizeof(pcp_SelfRead));
    ls->sizeselfreads = n;
  }
  ls->selfreads[ls->nselfreads].f = fs->f;
  ls->selfreads[ls->nselfreads++].decl = fs->selfdecl;
}

/* At the chunk's end: unmarks the self reads that may not stay marked. */
static void settleselfreads(pcl_State *ls) {
  for (int i = 0; i < ls->nselfreads; i++) {
    const pcp_SelfRead *r = &ls->selfreads[i];
    if (ls->seesdebug || (r->decl < ls->sizeassigned && ls->assigned[r->decl])) {
      fmt_Instr *code = r->f->code;
      for (uint32_t pc = 0; pc < r->f->ncode; pc++)
        if (GET_OPCODE(code[pc]) == OP_GETUPVAL) SETARG_k(code[pc], 0);
    }
  }
}

static void check_readonly(pcl_State *ls, expdesc *e) {
  FuncState *fs = ls->fs;
  pcl_Str *varname = NULL;
  if (e->k == VLOCAL) markassigned(ls, getlocalvardesc(fs, e->u.var.vidx)->decl);
  else if (e->k == VUPVAL) markassigned(ls, fs->updecl[e->u.info]);
  if (ls->inl != NULL && ls->inl->pass == 1) {   /* an assignment: inline.h */
    if (e->k == VLOCAL) pci_assigned(ls->inl, getlocalvardesc(fs, e->u.var.vidx)->decl);
    else if (e->k == VUPVAL) pci_assigned(ls->inl, fs->updecl[e->u.info]);
  }
  switch (e->k) {
    case VCONST:
      varname = ls->dyd->actvar.arr[e->u.info].name;
      break;
    case VLOCAL: {
      Vardesc *vardesc = getlocalvardesc(fs, e->u.var.vidx);
      if (vardesc->kind != VDKREG) varname = vardesc->name;
      break;
    }
    case VUPVAL:
      if (fs->f->upvals[e->u.info].kind != VDKREG) varname = fs->upnames[e->u.info];
      break;
    default:
      return;
  }
  if (varname)
    pck_semerror(ls, pcl_fmt(ls, "attempt to assign to const variable '%s'",
                             varname->s));
}

static void adjustlocalvars(pcl_State *ls, int nvars) {
  FuncState *fs = ls->fs;
  int rl = pcp_nvarstack(fs);
  for (int i = 0; i < nvars; i++) {
    int vidx = fs->nactvar++;
    Vardesc *var = getlocalvardesc(fs, vidx);
    var->ridx = rl++;
    var->pidx = registerlocalvar(ls, fs, var->name);
  }
}

static void removevars(FuncState *fs, int tolevel) {
  fs->ls->dyd->actvar.n -= (fs->nactvar - tolevel);
  while (fs->nactvar > tolevel) {
    fmt_LocVar *var = localdebuginfo(fs, --fs->nactvar);
    if (var) var->endpc = (uint32_t)fs->pc;
  }
}

static int searchupvalue(FuncState *fs, pcl_Str *name) {
  for (int i = 0; i < fs->nups; i++)
    if (eqstr(fs->upnames[i], name)) return i;
  return -1;
}

static fmt_Upval *allocupvalue(FuncState *fs, pcl_Str *name) {
  checklimit(fs, fs->nups + 1, PCK_MAXUPVAL, "upvalues");
  int size = fs->sizeupvals;
  fs->f->upvals = growarr(fs->ls, fs->f->upvals, &size, fs->nups,
                          sizeof(fmt_Upval), 256, "upvalues");
  int nsize = fs->sizeupvals;
  fs->upnames = growarr(fs->ls, fs->upnames, &nsize, fs->nups, sizeof(pcl_Str *),
                        256, "upvalues");
  nsize = fs->sizeupvals;
  fs->updecl = growarr(fs->ls, fs->updecl, &nsize, fs->nups, sizeof(int), 256, "upvalues");
  fs->sizeupvals = size;
  fs->upnames[fs->nups] = name;
  fs->updecl[fs->nups] = PCI_ENV;
  fmt_Upval *up = &fs->f->upvals[fs->nups++];
  up->name = mkstr(name);
  return up;
}

static int newupvalue(FuncState *fs, pcl_Str *name, expdesc *v) {
  fmt_Upval *up = allocupvalue(fs, name);
  FuncState *prev = fs->prev;
  if (v->k == VLOCAL) {
    up->instack = 1;
    up->idx = (uint8_t)v->u.var.ridx;
    up->kind = getlocalvardesc(prev, v->u.var.vidx)->kind;
    fs->updecl[fs->nups - 1] = getlocalvardesc(prev, v->u.var.vidx)->decl;
  } else {
    up->instack = 0;
    up->idx = (uint8_t)v->u.info;
    up->kind = prev->f->upvals[v->u.info].kind;
    fs->updecl[fs->nups - 1] = prev->updecl[v->u.info];
  }
  return fs->nups - 1;
}

static int searchvar(FuncState *fs, pcl_Str *n, expdesc *var) {
  for (int i = fs->nactvar - 1; i >= 0; i--) {
    Vardesc *vd = getlocalvardesc(fs, i);
    if (eqstr(n, vd->name)) {
      if (vd->kind == RDKCTC) init_exp(var, VCONST, fs->firstlocal + i);
      else init_var(fs, var, i);
      return (int)var->k;
    }
  }
  return -1;
}

static void markupval(FuncState *fs, int level) {
  BlockCnt *bl = fs->bl;
  while (bl->nactvar > level) bl = bl->previous;
  bl->upval = 1;
  fs->needclose = 1;
}

static void marktobeclosed(FuncState *fs) {
  BlockCnt *bl = fs->bl;
  bl->upval = 1;
  bl->insidetbc = 1;
  fs->needclose = 1;
}

/* Finds variable [n]; the walk up enclosing functions is iterative-bounded
** by the function nesting depth, itself bounded by PCP_MAXLEVELS. */
static void singlevaraux(FuncState *fs, pcl_Str *n, expdesc *var, int base) {
  if (fs == NULL) {
    init_exp(var, VVOID, 0);
    return;
  }
  int v = searchvar(fs, n, var);
  if (v >= 0) {
    if (v == VLOCAL && !base) markupval(fs, var->u.var.vidx);
  } else {
    int idx = searchupvalue(fs, n);
    if (idx < 0) {
      singlevaraux(fs->prev, n, var, 0);
      if (var->k == VLOCAL || var->k == VUPVAL) idx = newupvalue(fs, n, var);
      else return;
    }
    init_exp(var, VUPVAL, idx);
  }
}

/* Inline expansion, pass 1: a candidate body uses [name] from outside, as
** variable [decl]. */
static void notefree(pcl_State *ls, FuncState *fs, pcl_Str *name, int decl) {
  for (int i = 0; i < fs->nfree; i++)
    if (fs->free[i].name == name) return;
  if (fs->nfree >= PCI_MAXFREE) {   /* too many to check at each call: not expanded */
    fs->inl = 0;
    return;
  }
  fs->free = growarr(ls, fs->free, &fs->sizefree, fs->nfree, sizeof(pci_Free),
                     PCI_MAXFREE, "free names");
  fs->free[fs->nfree].name = name;
  fs->free[fs->nfree++].decl = decl;
}

/* Inline expansion, pass 1: [name] resolved to [var] in [fs]; records it
** when it is not one of fs's own locals. */
static void notevar(pcl_State *ls, FuncState *fs, pcl_Str *name, expdesc *var) {
  if (var->k == VUPVAL)
    notefree(ls, fs, name, fs->updecl[var->u.info]);
  else if (var->k == VCONST && var->u.info < fs->firstlocal)
    notefree(ls, fs, name, ls->dyd->actvar.arr[var->u.info].decl);
  else if (var->k == VVOID)
    notefree(ls, fs, name, PCI_GLOBAL);
}

static void singlevar(pcl_State *ls, expdesc *var) {
  pcl_Str *varname = str_checkname(ls);
  FuncState *fs = ls->fs;
  singlevaraux(fs, varname, var, 1);
  if (fs->inl) notevar(ls, fs, varname, var);
  if (var->k == VVOID) {
    expdesc key;
    singlevaraux(fs, ls->envn, var, 1);
    if (fs->inl) notevar(ls, fs, ls->envn, var);
    pck_exp2anyregup(fs, var);
    codestring(&key, varname);
    pck_indexed(fs, var, &key);
  }
}

static void adjust_assign(pcl_State *ls, int nvars, int nexps, expdesc *e) {
  FuncState *fs = ls->fs;
  int needed = nvars - nexps;
  if (hasmultret(e->k)) {
    int extra = needed + 1;
    if (extra < 0) extra = 0;
    pck_setreturns(fs, e, extra);
  } else {
    if (e->k != VVOID) pck_exp2nextreg(fs, e);
    if (needed > 0) pck_nil(fs, fs->freereg, needed);
  }
  if (needed > 0) pck_reserveregs(fs, needed);
  else fs->freereg += needed;
}

/* ---------------------------------------------------------------- gotos */

static _Noreturn void jumpscopeerror(pcl_State *ls, Labeldesc *gt) {
  const char *varname = getlocalvardesc(ls->fs, gt->nactvar)->name->s;
  pck_semerror(ls, pcl_fmt(ls, "<goto %s> at line %d jumps into the scope of local '%s'",
                           gt->name->s, gt->line, varname));
}

static void solvegoto(pcl_State *ls, int g, Labeldesc *label) {
  Labellist *gl = &ls->dyd->gt;
  Labeldesc *gt = &gl->arr[g];
  if (gt->nactvar < label->nactvar) jumpscopeerror(ls, gt);
  pck_patchlist(ls->fs, gt->pc, label->pc);
  for (int i = g; i < gl->n - 1; i++) gl->arr[i] = gl->arr[i + 1];
  gl->n--;
}

static Labeldesc *findlabel(pcl_State *ls, pcl_Str *name) {
  pck_Dyndata *dyd = ls->dyd;
  for (int i = ls->fs->firstlabel; i < dyd->label.n; i++) {
    Labeldesc *lb = &dyd->label.arr[i];
    if (eqstr(lb->name, name)) return lb;
  }
  return NULL;
}

static int newlabelentry(pcl_State *ls, Labellist *l, pcl_Str *name, int line,
                         int pc) {
  int n = l->n;
  l->arr = growarr(ls, l->arr, &l->size, n, sizeof(Labeldesc), 32767,
                   "labels/gotos");
  l->arr[n].name = name;
  l->arr[n].line = line;
  l->arr[n].nactvar = ls->fs->nactvar;
  l->arr[n].close = 0;
  l->arr[n].pc = pc;
  l->n = n + 1;
  return n;
}

static int newgotoentry(pcl_State *ls, pcl_Str *name, int line, int pc) {
  return newlabelentry(ls, &ls->dyd->gt, name, line, pc);
}

static int solvegotos(pcl_State *ls, Labeldesc *lb) {
  Labellist *gl = &ls->dyd->gt;
  int i = ls->fs->bl->firstgoto;
  int needsclose = 0;
  while (i < gl->n) {
    if (eqstr(gl->arr[i].name, lb->name)) {
      needsclose |= gl->arr[i].close;
      solvegoto(ls, i, lb);
    } else
      i++;
  }
  return needsclose;
}

static int createlabel(pcl_State *ls, pcl_Str *name, int line, int last) {
  FuncState *fs = ls->fs;
  Labellist *ll = &ls->dyd->label;
  int l = newlabelentry(ls, ll, name, line, pck_getlabel(fs));
  if (last) ll->arr[l].nactvar = fs->bl->nactvar;
  if (solvegotos(ls, &ll->arr[l])) {
    pck_codeABC(fs, OP_CLOSE, pcp_nvarstack(fs), 0, 0);
    return 1;
  }
  return 0;
}

static void movegotosout(FuncState *fs, BlockCnt *bl) {
  Labellist *gl = &fs->ls->dyd->gt;
  for (int i = bl->firstgoto; i < gl->n; i++) {
    Labeldesc *gt = &gl->arr[i];
    if (reglevel(fs, gt->nactvar) > reglevel(fs, bl->nactvar))
      gt->close |= bl->upval;
    gt->nactvar = bl->nactvar;
  }
}

static void enterblock(FuncState *fs, BlockCnt *bl, uint8_t isloop) {
  bl->isloop = isloop;
  bl->nactvar = fs->nactvar;
  bl->firstlabel = fs->ls->dyd->label.n;
  bl->firstgoto = fs->ls->dyd->gt.n;
  bl->upval = 0;
  bl->insidetbc = (fs->bl != NULL && fs->bl->insidetbc);
  bl->previous = fs->bl;
  fs->bl = bl;
}

static _Noreturn void undefgoto(pcl_State *ls, Labeldesc *gt) {
  if (eqstr(gt->name, ls->brkn))
    pck_semerror(ls, pcl_fmt(ls, "break outside loop at line %d", gt->line));
  pck_semerror(ls, pcl_fmt(ls, "no visible label '%s' for <goto> at line %d",
                           gt->name->s, gt->line));
}

static void leaveblock(FuncState *fs) {
  BlockCnt *bl = fs->bl;
  pcl_State *ls = fs->ls;
  int hasclose = 0;
  int stklevel = reglevel(fs, bl->nactvar);
  removevars(fs, bl->nactvar);
  if (bl->isloop) hasclose = createlabel(ls, ls->brkn, 0, 0);
  if (!hasclose && bl->previous && bl->upval)
    pck_codeABC(fs, OP_CLOSE, stklevel, 0, 0);
  fs->freereg = stklevel;
  ls->dyd->label.n = bl->firstlabel;
  fs->bl = bl->previous;
  if (bl->previous)
    movegotosout(fs, bl);
  else if (bl->firstgoto < ls->dyd->gt.n)
    undefgoto(ls, &ls->dyd->gt.arr[bl->firstgoto]);
}

/* ---------------------------------------------------------------- functions */

static fmt_Proto *addprototype(pcl_State *ls) {
  FuncState *fs = ls->fs;
  fmt_Proto *f = fs->f;
  f->p = growarr(ls, f->p, &fs->sizep, fs->np, sizeof(fmt_Proto *),
                 (int)FMT_MAXARG_Bx, "functions");
  fmt_Proto *clp = pcl_realloc(ls, NULL, sizeof(fmt_Proto));
  memset(clp, 0, sizeof *clp);
  f->p[fs->np++] = clp;
  return clp;
}

static void codeclosure(pcl_State *ls, expdesc *v) {
  FuncState *fs = ls->fs->prev;
  init_exp(v, VRELOC, pck_codeABx(fs, OP_CLOSURE, 0, (unsigned)(fs->np - 1)));
  pck_exp2nextreg(fs, v);
}

static void open_func(pcl_State *ls, FuncState *fs, BlockCnt *bl) {
  fmt_Proto *f = fs->f;
  fs->prev = ls->fs;
  fs->ls = ls;
  ls->fs = fs;
  fs->pc = 0;
  fs->lasttarget = 0;
  fs->freereg = 0;
  fs->nk = 0;
  fs->np = 0;
  fs->nups = 0;
  fs->ndebugvars = 0;
  fs->nactvar = 0;
  fs->needclose = 0;
  fs->firstlocal = ls->dyd->actvar.n;
  fs->firstlabel = ls->dyd->label.n;
  fs->bl = NULL;
  fs->sizecode = fs->sizek = fs->sizep = fs->sizelocvars = fs->sizeupvals = 0;
  fs->upnames = NULL;
  fs->updecl = NULL;
  fs->inl = ls->inl != NULL && ls->inl->pass == 1;
  fs->inlterm = 0;
  fs->inlgrowth = 0;
  fs->nfree = fs->sizefree = 0;
  fs->free = NULL;
  fs->khash = NULL;
  fs->khsize = 0;
  fs->selfdecl = -1;
  fs->selfread = 0;
  f->source = mkstr(ls->source);
  f->maxstacksize = 2;
  enterblock(fs, bl, 0);
}

static void close_func(pcl_State *ls) {
  FuncState *fs = ls->fs;
  fmt_Proto *f = fs->f;
  pck_ret(fs, pcp_nvarstack(fs), 0);
  leaveblock(fs);
  pck_finish(fs);
  f->ncode = (uint32_t)fs->pc;
  f->nlines = (uint32_t)fs->pc;
  f->nk = (uint32_t)fs->nk;
  f->np = (uint32_t)fs->np;
  f->nupvals = (uint32_t)fs->nups;
  f->nlocvars = (uint32_t)fs->ndebugvars;
  if (fs->selfread) noteselfread(ls, fs);
  pcl_realloc(ls, fs->khash, 0);
  pcl_realloc(ls, fs->upnames, 0);
  pcl_realloc(ls, fs->updecl, 0);
  ls->fs = fs->prev;
}

/* ---------------------------------------------------------------- grammar */

static int block_follow(pcl_State *ls, int withuntil) {
  switch (ls->t.token) {
    case TK_ELSE: case TK_ELSEIF: case TK_END: case TK_EOS:
      return 1;
    case TK_UNTIL:
      return withuntil;
    default:
      return 0;
  }
}

static void statlist(pcl_State *ls) {
  while (!block_follow(ls, 1)) {
    if (ls->t.token == TK_RETURN) {
      statement(ls);
      return;
    }
    statement(ls);
  }
}

static void fieldsel(pcl_State *ls, expdesc *v) {
  FuncState *fs = ls->fs;
  expdesc key;
  pck_exp2anyregup(fs, v);
  pcl_next(ls);
  codename(ls, &key);
  pck_indexed(fs, v, &key);
}

static void yindex(pcl_State *ls, expdesc *v) {
  pcl_next(ls);
  expr(ls, v);
  pck_exp2val(ls->fs, v);
  checknext(ls, ']');
}

typedef struct ConsControl {
  expdesc v;
  expdesc *t;
  int nh;
  int na;
  int tostore;
} ConsControl;

static void recfield(pcl_State *ls, ConsControl *cc) {
  FuncState *fs = ls->fs;
  int reg = fs->freereg;
  expdesc tab, key, val;
  if (ls->t.token == TK_NAME) {
    checklimit(fs, cc->nh, 0x7fffffff - 1, "items in a constructor");
    codename(ls, &key);
  } else
    yindex(ls, &key);
  cc->nh++;
  checknext(ls, '=');
  tab = *cc->t;
  pck_indexed(fs, &tab, &key);
  expr(ls, &val);
  pck_storevar(fs, &tab, &val);
  fs->freereg = reg;
}

static void closelistfield(FuncState *fs, ConsControl *cc) {
  if (cc->v.k == VVOID) return;
  pck_exp2nextreg(fs, &cc->v);
  cc->v.k = VVOID;
  if (cc->tostore == FMT_FIELDS_PER_FLUSH) {
    pck_setlist(fs, cc->t->u.info, cc->na, cc->tostore);
    cc->na += cc->tostore;
    cc->tostore = 0;
  }
}

static void lastlistfield(FuncState *fs, ConsControl *cc) {
  if (cc->tostore == 0) return;
  if (hasmultret(cc->v.k)) {
    pck_setmultret(fs, &cc->v);
    pck_setlist(fs, cc->t->u.info, cc->na, PCK_MULTRET);
    /* the array is presized for the call or '...' giving one value (the
    ** common case: no resize in SETLIST); more values still grow it there,
    ** none leave one empty slot (lua5.4 presizes for none) */
  } else {
    if (cc->v.k != VVOID) pck_exp2nextreg(fs, &cc->v);
    pck_setlist(fs, cc->t->u.info, cc->na, cc->tostore);
  }
  cc->na += cc->tostore;
}

static void listfield(pcl_State *ls, ConsControl *cc) {
  expr(ls, &cc->v);
  cc->tostore++;
}

static void field(pcl_State *ls, ConsControl *cc) {
  switch (ls->t.token) {
    case TK_NAME:
      if (pcl_lookahead(ls) != '=') listfield(ls, cc);
      else recfield(ls, cc);
      break;
    case '[':
      recfield(ls, cc);
      break;
    default:
      listfield(ls, cc);
      break;
  }
}

static void constructor(pcl_State *ls, expdesc *t) {
  FuncState *fs = ls->fs;
  int line = ls->linenumber;
  int pc = pck_codeABC(fs, OP_NEWTABLE, 0, 0, 0);
  ConsControl cc;
  pck_code(fs, 0); /* space for extra arg */
  cc.na = cc.nh = cc.tostore = 0;
  cc.t = t;
  init_exp(t, VNONRELOC, fs->freereg);
  pck_reserveregs(fs, 1);
  init_exp(&cc.v, VVOID, 0);
  checknext(ls, '{');
  do {
    if (ls->t.token == '}') break;
    closelistfield(fs, &cc);
    field(ls, &cc);
    if (cc.na > 0x7fffffff - 2 * FMT_FIELDS_PER_FLUSH)
      errorlimit(fs, 0x7fffffff, "items in a constructor");
  } while (testnext(ls, ',') || testnext(ls, ';'));
  check_match(ls, '}', '{', line);
  lastlistfield(fs, &cc);
  pck_settablesize(fs, pc, t->u.info, cc.na, cc.nh);
}

static void setvararg(FuncState *fs, int nparams) {
  fs->f->is_vararg = 1;
  pck_codeABC(fs, OP_VARARGPREP, nparams, 0, 0);
}

static void parlist(pcl_State *ls) {
  FuncState *fs = ls->fs;
  fmt_Proto *f = fs->f;
  int nparams = 0;
  int isvararg = 0;
  if (ls->t.token != ')') {
    do {
      switch (ls->t.token) {
        case TK_NAME:
          new_localvar(ls, str_checkname(ls));
          nparams++;
          break;
        case TK_DOTS:
          pcl_next(ls);
          isvararg = 1;
          fs->inl = 0;
          break;
        default:
          pcl_syntaxerror(ls, "<name> or '...' expected");
      }
    } while (!isvararg && testnext(ls, ','));
  }
  adjustlocalvars(ls, nparams);
  f->numparams = (uint8_t)fs->nactvar;
  if (isvararg) setvararg(fs, f->numparams);
  pck_reserveregs(fs, fs->nactvar);
}

/* Parses a function body; [decl] is the declaration of the local it is
** assigned to (`local function`), PCI_GLOBAL otherwise. [mark] (pass 1 of
** inline expansion: the '(' of a `local function`) adds the function to
** the candidates when its body qualifies (inline.h). */
static void body(pcl_State *ls, expdesc *e, int ismethod, int line,
                 const pcl_Mark *mark, int decl) {
  FuncState new_fs;
  BlockCnt bl;
  int peak = ls->peaklevels, level0 = ls->nlevels;
  ls->peaklevels = level0;   /* measures the body's nesting (inline.h) */
  ls->fs->inl = 0;   /* a function that makes closures is not expanded */
  new_fs.f = addprototype(ls);
  new_fs.f->linedefined = (uint32_t)line;
  open_func(ls, &new_fs, &bl);
  new_fs.selfdecl = decl;   /* PCI_GLOBAL (< 0) but for a `local function` */
  if (mark == NULL) new_fs.inl = 0;   /* only a `local function` is a candidate */
  if (ismethod) {
    new_localvarliteral(ls, "self");
    adjustlocalvars(ls, 1);
  }
  checknext(ls, '(');
  parlist(ls);
  checknext(ls, ')');
  statlist(ls);
  new_fs.f->lastlinedefined = (uint32_t)ls->linenumber;
  if (mark != NULL && new_fs.inl && new_fs.inlterm && new_fs.pc <= PCI_MAXCODE &&
      ls->t.token == TK_END) {
    pci_Cand *c = pci_add(ls, ls->inl, decl);
    c->start = *mark;
    c->nparams = new_fs.f->numparams;
    c->maxstack = new_fs.f->maxstacksize;
    c->nvars = new_fs.ndebugvars;
    c->ncode = new_fs.pc;
    c->depth = ls->peaklevels - level0;
    c->nfree = new_fs.nfree;
    c->free = new_fs.free;
  }
  check_match(ls, TK_END, TK_FUNCTION, line);
  if (peak > ls->peaklevels) ls->peaklevels = peak;
  codeclosure(ls, e);
  close_func(ls);
}

static int explist(pcl_State *ls, expdesc *v) {
  int n = 1;
  expr(ls, v);
  while (testnext(ls, ',')) {
    pck_exp2nextreg(ls->fs, v);
    expr(ls, v);
    n++;
  }
  return n;
}

static void funcargs(pcl_State *ls, expdesc *f, int line) {
  FuncState *fs = ls->fs;
  expdesc args;
  int base, nparams;
  fs->inl = 0;   /* a function that calls is not expanded (inline.h) */
  switch (ls->t.token) {
    case '(':
      pcl_next(ls);
      if (ls->t.token == ')')
        args.k = VVOID;
      else {
        explist(ls, &args);
        if (hasmultret(args.k)) pck_setmultret(fs, &args);
      }
      check_match(ls, ')', '(', line);
      break;
    case '{':
      constructor(ls, &args);
      break;
    case TK_STRING:
      codestring(&args, ls->t.seminfo.ts);
      pcl_next(ls);
      break;
    default:
      pcl_syntaxerror(ls, "function arguments expected");
  }
  base = f->u.info;
  if (hasmultret(args.k))
    nparams = PCK_MULTRET;
  else {
    if (args.k != VVOID) pck_exp2nextreg(fs, &args);
    nparams = fs->freereg - (base + 1);
  }
  init_exp(f, VCALL, pck_codeABC(fs, OP_CALL, base, nparams + 1, 2));
  pck_fixline(fs, line);
  fs->freereg = base + 1;
}

static void primaryexp(pcl_State *ls, expdesc *v) {
  switch (ls->t.token) {
    case '(': {
      int line = ls->linenumber;
      pcl_next(ls);
      expr(ls, v);
      check_match(ls, ')', '(', line);
      pck_dischargevars(ls->fs, v);
      return;
    }
    case TK_NAME:
      singlevar(ls, v);
      return;
    default:
      pcl_syntaxerror(ls, "unexpected symbol");
  }
}

/* Records [ts], a string literal load is called with, in ls->loadtexts
** (at most PCL_MAXLOADTEXTS per chunk; texts with a zero byte cannot be
** chunk names and are left out). */
static void noteloadtext(pcl_State *ls, pcl_Str *ts) {
  if (ls->nloadtexts >= PCL_MAXLOADTEXTS || memchr(ts->s, '\0', ts->len) != NULL)
    return;
  if (ls->nloadtexts == ls->loadtextsize) {
    uint32_t n = ls->loadtextsize ? 2 * ls->loadtextsize : 8;
    pcl_Str **v = pcm_realloc(ls->pool, ls->loadtexts, n * sizeof(pcl_Str *));
    if (v == NULL)
      pcl_memerror(ls);
    ls->loadtexts = v;
    ls->loadtextsize = n;
  }
  ls->loadtexts[ls->nloadtexts++] = ts;
}

/* ---------------------------------------------------------- inline expansion */

/* Declaration number of the variable [name] names here (inline.h). */
static int declof(FuncState *fs, const pcl_Str *name) {
  for (; fs != NULL; fs = fs->prev)
    for (int i = fs->nactvar - 1; i >= 0; i--) {
      const pcl_Str *vn = getlocalvardesc(fs, i)->name;
      if (vn->len == name->len && memcmp(vn->s, name->s, name->len) == 0)
        return getlocalvardesc(fs, i)->decl;
    }
  return (name->len == 4 && memcmp(name->s, "_ENV", 4) == 0) ? PCI_ENV : PCI_GLOBAL;
}

/* Most instructions expansion adds to one function (a few more: the last
** expansion may pass it by one body, PCI_MAXCODE): a loop that compiled
** without expansion stays within FORLOOP's 131071-instruction reach unless
** it already held over 126,000 instructions. */
#define MAXGROWTH 4096

/* The candidate a call of [v] (followed by '(') expands, or NULL. */
static pci_Cand *expandable(pcl_State *ls, expdesc *v) {
  FuncState *fs = ls->fs;
  int decl;
  if (v->k == VLOCAL) decl = getlocalvardesc(fs, v->u.var.vidx)->decl;
  else if (v->k == VUPVAL) decl = fs->updecl[v->u.info];
  else return NULL;
  pci_Cand *c = pci_find(ls->inl, decl);
  if (c == NULL) return NULL;
  int ntemp = fs->freereg - pcp_nvarstack(fs);   /* "(temporary)" locals */
  if (ls->inl->pass == 1) {
    c->ncalls++;
    return NULL;
  }
  if (c->assigned ||
      fs->freereg + c->maxstack + 1 >= FMT_MAXREGS ||
      ls->dyd->actvar.n - fs->firstlocal + ntemp + c->nvars + 1 >= PCK_MAXVARS ||
      fs->ndebugvars + ntemp + c->nvars + 1 >= 32767 || fs->inlgrowth + c->ncode > MAXGROWTH ||
      fs->nups + c->nfree >= PCK_MAXUPVAL ||   /* free names may become upvalues */
      ls->nlevels + c->depth + 2 >= PCP_MAXLEVELS)   /* the body nests no deeper */
    return NULL;
  for (int i = 0; i < c->nfree; i++)
    if (declof(fs, c->free[i].name) != c->free[i].decl) return NULL;
  return c;
}

/* Whether the last instruction sets register [r] with one that an error
** message would not name r by (debug.c's getobjname names a local,
** global, field, upvalue or string constant r was copied from). Otherwise
** (that instruction, or an earlier one when the body's result needed no
** instruction, `return x` of a parameter x in r) a `MOVE r r` is added:
** a call's result has no name. */
static int unnamedresult(FuncState *fs, int r) {
  if (fs->pc == 0) return 0;
  int pc = fs->pc - 1;
  fmt_Instr i = fs->f->code[pc];
  fmt_OpCode op = GET_OPCODE(i);
  if ((op == OP_MMBIN || op == OP_MMBINI || op == OP_MMBINK || op == OP_EXTRAARG) && pc > 0)
    i = fs->f->code[pc - 1];   /* the arithmetic before, NEWTABLE */
  if (GETARG_A(i) != r) return 0;
  switch (GET_OPCODE(i)) {
    case OP_LOADI: case OP_LOADF: case OP_LOADFALSE: case OP_LOADTRUE: case OP_LOADNIL:
    case OP_NEWTABLE: case OP_ADDI: case OP_ADDK: case OP_SUBK: case OP_MULK: case OP_MODK:
    case OP_POWK: case OP_DIVK: case OP_IDIVK: case OP_BANDK: case OP_BORK: case OP_BXORK:
    case OP_SHRI: case OP_SHLI: case OP_ADD: case OP_SUB: case OP_MUL: case OP_MOD:
    case OP_POW: case OP_DIV: case OP_IDIV: case OP_BAND: case OP_BOR: case OP_BXOR:
    case OP_SHL: case OP_SHR: case OP_UNM: case OP_BNOT: case OP_NOT: case OP_LEN:
    case OP_CONCAT:
      return 1;
    default:
      return 0;
  }
}

/* Compiles the call [v](args) of candidate [c] as its expansion (inline.h);
** v becomes the result, in the register the call's function would have
** taken. The current token is the call's '('. */
static void expandcall(pcl_State *ls, expdesc *v, pci_Cand *c, int line) {
  FuncState *fs = ls->fs;
  int base = fs->freereg;
  int pc0 = fs->pc;
  int ndecl = ls->ndecl;   /* later declarations keep their pass-1 numbers */
  int nexps = 0;
  BlockCnt bl;
  expdesc args;
  pcl_Mark after;
  pcl_next(ls);
  args.k = VVOID;
  args.t = args.f = PCK_NO_JUMP;
  if (ls->t.token != ')') nexps = explist(ls, &args);
  check_match(ls, ')', '(', line);
  pcl_mark(ls, &after);   /* no lookahead after ')' */
  /* locals declared but not yet active (`local x = f(y)`, a for loop's
  ** control variables) stand after the active ones; they step aside while
  ** the body's locals are declared */
  pck_Dyndata *dyd = ls->dyd;
  int npending = dyd->actvar.n - fs->firstlocal - fs->nactvar;
  Vardesc *pending = NULL;
  if (npending > 0) {
    pending = pcl_realloc(ls, NULL, (size_t)npending * sizeof(Vardesc));
    memcpy(pending, &dyd->actvar.arr[dyd->actvar.n - npending], (size_t)npending * sizeof(Vardesc));
    dyd->actvar.n -= npending;
  }
  enterblock(fs, &bl, 0);
  /* the k-th local active at a pc names register k-1 (debug information):
  ** the caller's temporaries below base get unnamed locals for the body */
  for (int r = pcp_nvarstack(fs); r < base; r++) {
    int vidx = new_localvarliteral(ls, "(temporary)");
    Vardesc *vd = getlocalvardesc(fs, vidx);
    vd->ridx = r;
    vd->pidx = registerlocalvar(ls, fs, vd->name);
    fs->nactvar++;
  }
  adjust_assign(ls, c->nparams, nexps, &args);   /* params in base.. */
  pcl_gotomark(ls, &c->start);
  ls->inl->expanding = 1;
  checknext(ls, '(');
  for (int i = 0; i < c->nparams; i++) {
    if (i > 0) checknext(ls, ',');
    int vidx = new_localvar(ls, str_checkname(ls));
    Vardesc *vd = getlocalvardesc(fs, vidx);
    vd->ridx = base + i;   /* above the caller's temporaries, not at nvarstack */
    vd->pidx = registerlocalvar(ls, fs, vd->name);
    fs->nactvar++;
  }
  checknext(ls, ')');
  if (c->nparams == 0) {   /* the body's locals go above the result's register */
    int vidx = new_localvarliteral(ls, "(inline)");
    Vardesc *vd = getlocalvardesc(fs, vidx);
    vd->ridx = base;
    vd->pidx = registerlocalvar(ls, fs, vd->name);
    fs->nactvar++;
    pck_reserveregs(fs, 1);
  }
  ls->inl->base = base;
  ls->inl->exits = PCK_NO_JUMP;
  ls->inl->bodyblock = &bl;
  statlist(ls);   /* its returns go to expreturn */
  if (ls->inl->exits == PCK_NO_JUMP && !unnamedresult(fs, base))
    pck_codeABC(fs, OP_MOVE, base, base, 0);   /* a call's result has no name */
  pck_patchtohere(fs, ls->inl->exits);
  leaveblock(fs);   /* no closures in the body: no CLOSE */
  fs->freereg = base;   /* the caller's temporaries below base stay */
  if (npending > 0) {
    memcpy(&dyd->actvar.arr[dyd->actvar.n], pending, (size_t)npending * sizeof(Vardesc));
    dyd->actvar.n += npending;
    pcl_realloc(ls, pending, 0);
  }
  pck_reserveregs(fs, 1);
  init_exp(v, VNONRELOC, base);
  pcl_gotomark(ls, &after);
  ls->inl->expanding = 0;
  ls->ndecl = ndecl;
  fs->inlgrowth += fs->pc - pc0;
}

/* `return e` of a body being expanded: e goes to the result's register,
** and a return before the body's end jumps to it. */
static void expreturn(pcl_State *ls) {
  FuncState *fs = ls->fs;
  expdesc e, dest;
  expr(ls, &e);
  init_exp(&dest, VLOCAL, 0);
  dest.u.var.ridx = ls->inl->base;
  pck_storevar(fs, &dest, &e);
  testnext(ls, ';');
  if (fs->bl != ls->inl->bodyblock)   /* not the body's last statement */
    pck_concat(fs, &ls->inl->exits, pck_jump(fs));
}

/* Returns 1 when the expression ends in an expanded call (a statement then). */
static int suffixedexp(pcl_State *ls, expdesc *v) {
  FuncState *fs = ls->fs;
  int line = ls->linenumber;
  int expanded = 0;
  int isload = ls->t.token == TK_NAME &&   /* load, or Lua 5.1's loadstring */
               ((ls->t.seminfo.ts->len == 4 && memcmp(ls->t.seminfo.ts->s, "load", 4) == 0) ||
                (ls->t.seminfo.ts->len == 10 && memcmp(ls->t.seminfo.ts->s, "loadstring", 10) == 0));
  primaryexp(ls, v);
  if (isload && ls->t.token == TK_STRING)
    noteloadtext(ls, ls->t.seminfo.ts);
  else if (isload && ls->t.token == '(' && pcl_lookahead(ls) == TK_STRING)
    noteloadtext(ls, ls->lookahead.seminfo.ts);
  for (;;) {
    switch (ls->t.token) {
      case '.':
        fieldsel(ls, v);
        break;
      case '[': {
        expdesc key;
        pck_exp2anyregup(fs, v);
        yindex(ls, &key);
        pck_indexed(fs, v, &key);
        break;
      }
      case ':': {
        expdesc key;
        pcl_next(ls);
        codename(ls, &key);
        pck_self(fs, v, &key);
        funcargs(ls, v, line);
        break;
      }
      case '(': case TK_STRING: case '{': {
        pci_Cand *c = ls->inl != NULL && ls->t.token == '(' ? expandable(ls, v) : NULL;
        if (c != NULL) {
          expandcall(ls, v, c, line);
          expanded = 1;
          continue;
        }
        pck_exp2nextreg(fs, v);
        funcargs(ls, v, line);
        break;
      }
      default:
        return expanded;
    }
    expanded = 0;
  }
}

static void simpleexp(pcl_State *ls, expdesc *v) {
  switch (ls->t.token) {
    case TK_FLT:
      init_exp(v, VKFLT, 0);
      v->u.nval = ls->t.seminfo.r;
      break;
    case TK_INT:
      init_exp(v, VKINT, 0);
      v->u.ival = ls->t.seminfo.i;
      break;
    case TK_STRING:
      codestring(v, ls->t.seminfo.ts);
      break;
    case TK_NIL:
      init_exp(v, VNIL, 0);
      break;
    case TK_TRUE:
      init_exp(v, VTRUE, 0);
      break;
    case TK_FALSE:
      init_exp(v, VFALSE, 0);
      break;
    case TK_DOTS: {
      FuncState *fs = ls->fs;
      check_condition(ls, fs->f->is_vararg,
                      "cannot use '...' outside a vararg function");
      init_exp(v, VVARARG, pck_codeABC(fs, OP_VARARG, 0, 0, 1));
      break;
    }
    case '{':
      constructor(ls, v);
      return;
    case TK_FUNCTION:
      pcl_next(ls);
      body(ls, v, 0, ls->linenumber, NULL, PCI_GLOBAL);
      return;
    default:
      suffixedexp(ls, v);
      return;
  }
  pcl_next(ls);
}

static pck_UnOpr getunopr(int op) {
  switch (op) {
    case TK_NOT: return OPR_NOT;
    case '-': return OPR_MINUS;
    case '~': return OPR_BNOT;
    case '#': return OPR_LEN;
    default: return OPR_NOUNOPR;
  }
}

static pck_BinOpr getbinopr(int op) {
  switch (op) {
    case '+': return OPR_ADD;
    case '-': return OPR_SUB;
    case '*': return OPR_MUL;
    case '%': return OPR_MOD;
    case '^': return OPR_POW;
    case '/': return OPR_DIV;
    case TK_IDIV: return OPR_IDIV;
    case '&': return OPR_BAND;
    case '|': return OPR_BOR;
    case '~': return OPR_BXOR;
    case TK_SHL: return OPR_SHL;
    case TK_SHR: return OPR_SHR;
    case TK_CONCAT: return OPR_CONCAT;
    case TK_NE: return OPR_NE;
    case TK_EQ: return OPR_EQ;
    case '<': return OPR_LT;
    case TK_LE: return OPR_LE;
    case '>': return OPR_GT;
    case TK_GE: return OPR_GE;
    case TK_AND: return OPR_AND;
    case TK_OR: return OPR_OR;
    default: return OPR_NOBINOPR;
  }
}

static const struct {
  uint8_t left, right;
} priority[] = {
  {10, 10}, {10, 10},         /* '+' '-' */
  {11, 11}, {11, 11},         /* '*' '%' */
  {14, 13},                   /* '^' (right associative) */
  {11, 11}, {11, 11},         /* '/' '//' */
  {6, 6}, {4, 4}, {5, 5},     /* '&' '|' '~' */
  {7, 7}, {7, 7},             /* '<<' '>>' */
  {9, 8},                     /* '..' (right associative) */
  {3, 3}, {3, 3}, {3, 3},     /* ==, <, <= */
  {3, 3}, {3, 3}, {3, 3},     /* ~=, >, >= */
  {2, 2}, {1, 1}              /* and, or */
};

#define UNARY_PRIORITY 12

static pck_BinOpr subexpr(pcl_State *ls, expdesc *v, int limit) {
  enterlevel(ls);
  pck_UnOpr uop = getunopr(ls->t.token);
  if (uop != OPR_NOUNOPR) {
    int line = ls->linenumber;
    pcl_next(ls);
    subexpr(ls, v, UNARY_PRIORITY);
    pck_prefix(ls->fs, uop, v, line);
  } else
    simpleexp(ls, v);
  pck_BinOpr op = getbinopr(ls->t.token);
  while (op != OPR_NOBINOPR && priority[op].left > limit) {
    expdesc v2;
    int line = ls->linenumber;
    pcl_next(ls);
    pck_infix(ls->fs, op, v);
    pck_BinOpr nextop = subexpr(ls, &v2, priority[op].right);
    pck_posfix(ls->fs, op, v, &v2, line);
    op = nextop;
  }
  leavelevel(ls);
  return op;
}

static void expr(pcl_State *ls, expdesc *v) { subexpr(ls, v, 0); }

/* ---------------------------------------------------------------- statements */

static void block(pcl_State *ls) {
  FuncState *fs = ls->fs;
  BlockCnt bl;
  enterblock(fs, &bl, 0);
  statlist(ls);
  leaveblock(fs);
}

struct LHS_assign {
  struct LHS_assign *prev;
  expdesc v;
};

static void check_conflict(pcl_State *ls, struct LHS_assign *lh, expdesc *v) {
  FuncState *fs = ls->fs;
  int extra = fs->freereg;
  int conflict = 0;
  for (; lh; lh = lh->prev) {
    if (vkisindexed(lh->v.k)) {
      if (lh->v.k == VINDEXUP) {
        if (v->k == VUPVAL && lh->v.u.ind.t == v->u.info) {
          conflict = 1;
          lh->v.k = VINDEXSTR;
          lh->v.u.ind.t = extra;
        }
      } else if (lh->v.k == VINDEXUPR) {
        if (v->k == VUPVAL && lh->v.u.ind.t == v->u.info) {
          conflict = 1;   /* the table: the old value's copy, in a register */
          lh->v.k = VINDEXED;
          lh->v.u.ind.t = extra;
        }
        if (v->k == VLOCAL && lh->v.u.ind.idx == v->u.var.ridx) {
          conflict = 1;   /* the key */
          lh->v.u.ind.idx = extra;
        }
      } else {
        if (v->k == VLOCAL && lh->v.u.ind.t == v->u.var.ridx) {
          conflict = 1;
          lh->v.u.ind.t = extra;
        }
        if (lh->v.k == VINDEXED && v->k == VLOCAL &&
            lh->v.u.ind.idx == v->u.var.ridx) {
          conflict = 1;
          lh->v.u.ind.idx = extra;
        }
      }
    }
  }
  if (conflict) {
    if (v->k == VLOCAL) pck_codeABC(fs, OP_MOVE, extra, v->u.var.ridx, 0);
    else pck_codeABC(fs, OP_GETUPVAL, extra, v->u.info, 0);
    pck_reserveregs(fs, 1);
  }
}

static void restassign(pcl_State *ls, struct LHS_assign *lh, int nvars) {
  expdesc e;
  check_condition(ls, vkisvar(lh->v.k), "syntax error");
  check_readonly(ls, &lh->v);
  if (testnext(ls, ',')) {
    struct LHS_assign nv;
    nv.prev = lh;
    suffixedexp(ls, &nv.v);
    if (!vkisindexed(nv.v.k)) check_conflict(ls, lh, &nv.v);
    enterlevel(ls);
    restassign(ls, &nv, nvars + 1);
    leavelevel(ls);
  } else {
    checknext(ls, '=');
    int nexps = explist(ls, &e);
    if (nexps != nvars)
      adjust_assign(ls, nvars, nexps, &e);
    else {
      pck_setoneret(ls->fs, &e);
      pck_storevar(ls->fs, &lh->v, &e);
      return;
    }
  }
  init_exp(&e, VNONRELOC, ls->fs->freereg - 1);
  pck_storevar(ls->fs, &lh->v, &e);
}

static int cond(pcl_State *ls) {
  expdesc v;
  expr(ls, &v);
  if (v.k == VNIL) v.k = VFALSE;
  pck_goiftrue(ls->fs, &v);
  return v.f;
}

static void gotostat(pcl_State *ls) {
  FuncState *fs = ls->fs;
  int line = ls->linenumber;
  pcl_Str *name = str_checkname(ls);
  Labeldesc *lb = findlabel(ls, name);
  if (lb == NULL)
    newgotoentry(ls, name, line, pck_jump(fs));
  else {
    int lblevel = reglevel(fs, lb->nactvar);
    if (pcp_nvarstack(fs) > lblevel) pck_codeABC(fs, OP_CLOSE, lblevel, 0, 0);
    pck_patchlist(fs, pck_jump(fs), lb->pc);
  }
}

static void breakstat(pcl_State *ls) {
  int line = ls->linenumber;
  pcl_next(ls);
  newgotoentry(ls, ls->brkn, line, pck_jump(ls->fs));
}

static void checkrepeated(pcl_State *ls, pcl_Str *name) {
  Labeldesc *lb = findlabel(ls, name);
  if (lb != NULL)
    pck_semerror(ls, pcl_fmt(ls, "label '%s' already defined on line %d",
                             name->s, lb->line));
}

static void labelstat(pcl_State *ls, pcl_Str *name, int line) {
  checknext(ls, TK_DBCOLON);
  while (ls->t.token == ';' || ls->t.token == TK_DBCOLON) statement(ls);
  checkrepeated(ls, name);
  createlabel(ls, name, line, block_follow(ls, 0));
}

static void whilestat(pcl_State *ls, int line) {
  FuncState *fs = ls->fs;
  BlockCnt bl;
  pcl_next(ls);
  int whileinit = pck_getlabel(fs);
  int condexit = cond(ls);
  int body = fs->pc;
  enterblock(fs, &bl, 1);
  checknext(ls, TK_DO);
  block(ls);
  if (ls->optlevel >= 2)
    pck_loopback(fs, whileinit, body, &condexit);
  else
    pck_jumpto(fs, whileinit);
  check_match(ls, TK_END, TK_WHILE, line);
  leaveblock(fs);
  pck_patchtohere(fs, condexit);
}

static void repeatstat(pcl_State *ls, int line) {
  FuncState *fs = ls->fs;
  int repeat_init = pck_getlabel(fs);
  BlockCnt bl1, bl2;
  enterblock(fs, &bl1, 1);
  enterblock(fs, &bl2, 0);
  pcl_next(ls);
  statlist(ls);
  check_match(ls, TK_UNTIL, TK_REPEAT, line);
  int condexit = cond(ls);
  leaveblock(fs);
  if (bl2.upval) {
    int exit = pck_jump(fs);
    pck_patchtohere(fs, condexit);
    pck_codeABC(fs, OP_CLOSE, reglevel(fs, bl2.nactvar), 0, 0);
    condexit = pck_jump(fs);
    pck_patchtohere(fs, exit);
  }
  pck_patchlist(fs, condexit, repeat_init);
  leaveblock(fs);
}

static void exp1(pcl_State *ls) {
  expdesc e;
  expr(ls, &e);
  pck_exp2nextreg(ls->fs, &e);
}

static void fixforjump(FuncState *fs, int pc, int dest, int back) {
  fmt_Instr *jmp = &fs->f->code[pc];
  int offset = dest - (pc + 1);
  if (back) offset = -offset;
  if (offset > (int)FMT_MAXARG_Bx)
    pcl_syntaxerror(fs->ls, "control structure too long");
  SETARG_Bx(*jmp, offset);
}

static void forbody(pcl_State *ls, int base, int line, int nvars, int isgen) {
  static const int forprep[2] = {OP_FORPREP, OP_TFORPREP};
  static const int forloop[2] = {OP_FORLOOP, OP_TFORLOOP};
  BlockCnt bl;
  FuncState *fs = ls->fs;
  checknext(ls, TK_DO);
  int prep = pck_codeABx(fs, forprep[isgen], base, 0);
  enterblock(fs, &bl, 0);
  adjustlocalvars(ls, nvars);
  pck_reserveregs(fs, nvars);
  block(ls);
  leaveblock(fs);
  fixforjump(fs, prep, pck_getlabel(fs), 0);
  if (isgen) {
    pck_codeABC(fs, OP_TFORCALL, base, 0, nvars);
    pck_fixline(fs, line);
  }
  int endfor = pck_codeABx(fs, forloop[isgen], base, 0);
  fixforjump(fs, endfor, prep + 1, 1);
  pck_fixline(fs, line);
}

static void fornum(pcl_State *ls, pcl_Str *varname, int line) {
  FuncState *fs = ls->fs;
  int base = fs->freereg;
  new_localvarliteral(ls, "(for state)");
  new_localvarliteral(ls, "(for state)");
  new_localvarliteral(ls, "(for state)");
  new_localvar(ls, varname);
  checknext(ls, '=');
  exp1(ls);
  checknext(ls, ',');
  exp1(ls);
  if (testnext(ls, ','))
    exp1(ls);
  else {
    pck_int(fs, fs->freereg, 1);
    pck_reserveregs(fs, 1);
  }
  adjustlocalvars(ls, 3);
  forbody(ls, base, line, 1, 0);
}

static void forlist(pcl_State *ls, pcl_Str *indexname) {
  FuncState *fs = ls->fs;
  expdesc e;
  int nvars = 5;
  int base = fs->freereg;
  new_localvarliteral(ls, "(for state)");
  new_localvarliteral(ls, "(for state)");
  new_localvarliteral(ls, "(for state)");
  new_localvarliteral(ls, "(for state)");
  new_localvar(ls, indexname);
  while (testnext(ls, ',')) {
    new_localvar(ls, str_checkname(ls));
    nvars++;
  }
  checknext(ls, TK_IN);
  int line = ls->linenumber;
  adjust_assign(ls, 4, explist(ls, &e), &e);
  adjustlocalvars(ls, 4);
  marktobeclosed(fs);
  pck_checkstack(fs, 3);
  forbody(ls, base, line, nvars - 4, 1);
}

static void forstat(pcl_State *ls, int line) {
  FuncState *fs = ls->fs;
  BlockCnt bl;
  enterblock(fs, &bl, 1);
  pcl_next(ls);
  pcl_Str *varname = str_checkname(ls);
  switch (ls->t.token) {
    case '=':
      fornum(ls, varname, line);
      break;
    case ',': case TK_IN:
      forlist(ls, varname);
      break;
    default:
      pcl_syntaxerror(ls, "'=' or 'in' expected");
  }
  check_match(ls, TK_END, TK_FOR, line);
  leaveblock(fs);
}

/* [allterm] is cleared unless the block ends in a return (inline.h). */
static void test_then_block(pcl_State *ls, int *escapelist, uint8_t *allterm) {
  BlockCnt bl;
  FuncState *fs = ls->fs;
  expdesc v;
  int jf;
  pcl_next(ls);
  expr(ls, &v);
  checknext(ls, TK_THEN);
  if (ls->t.token == TK_BREAK) {
    int line = ls->linenumber;
    pck_goiffalse(ls->fs, &v);
    pcl_next(ls);
    enterblock(fs, &bl, 0);
    newgotoentry(ls, ls->brkn, line, v.t);
    while (testnext(ls, ';')) {
    }
    if (block_follow(ls, 0)) {
      leaveblock(fs);
      *allterm = 0;
      return;
    }
    jf = pck_jump(fs);
  } else {
    pck_goiftrue(ls->fs, &v);
    enterblock(fs, &bl, 0);
    jf = v.f;
  }
  fs->inlterm = 0;
  statlist(ls);
  *allterm &= fs->inlterm;
  leaveblock(fs);
  if (ls->t.token == TK_ELSE || ls->t.token == TK_ELSEIF)
    pck_concat(fs, escapelist, pck_jump(fs));
  pck_patchtohere(fs, jf);
}

static void ifstat(pcl_State *ls, int line) {
  int escapelist = PCK_NO_JUMP;
  uint8_t allterm = 1;   /* every branch ends in a return (inline.h) */
  test_then_block(ls, &escapelist, &allterm);
  while (ls->t.token == TK_ELSEIF) test_then_block(ls, &escapelist, &allterm);
  if (testnext(ls, TK_ELSE)) {
    ls->fs->inlterm = 0;
    block(ls);
    allterm &= ls->fs->inlterm;
  } else
    allterm = 0;
  check_match(ls, TK_END, TK_IF, line);
  pck_patchtohere(ls->fs, escapelist);
  ls->fs->inlterm = allterm;
}

static void localfunc(pcl_State *ls) {
  expdesc b;
  FuncState *fs = ls->fs;
  int fvar = fs->nactvar;
  pcl_Mark mark;
  int vidx = new_localvar(ls, str_checkname(ls));
  adjustlocalvars(ls, 1);
  int cand = ls->inl != NULL && ls->inl->pass == 1 && pcl_mark(ls, &mark);
  body(ls, &b, 0, ls->linenumber, cand ? &mark : NULL, getlocalvardesc(fs, vidx)->decl);
  localdebuginfo(fs, fvar)->startpc = (uint32_t)fs->pc;
}

static int getlocalattribute(pcl_State *ls) {
  if (testnext(ls, '<')) {
    const char *attr = str_checkname(ls)->s;
    checknext(ls, '>');
    if (strcmp(attr, "const") == 0) return RDKCONST;
    if (strcmp(attr, "close") == 0) return RDKTOCLOSE;
    pck_semerror(ls, pcl_fmt(ls, "unknown attribute '%s'", attr));
  }
  return VDKREG;
}

static void checktoclose(FuncState *fs, int level) {
  if (level != -1) {
    marktobeclosed(fs);
    pck_codeABC(fs, OP_TBC, reglevel(fs, level), 0, 0);
  }
}

static void localstat(pcl_State *ls) {
  FuncState *fs = ls->fs;
  int toclose = -1;
  int vidx, kind;
  int nvars = 0;
  int nexps;
  expdesc e;
  do {
    vidx = new_localvar(ls, str_checkname(ls));
    kind = getlocalattribute(ls);
    getlocalvardesc(fs, vidx)->kind = (uint8_t)kind;
    if (kind != VDKREG) fs->inl = 0;
    if (kind == RDKTOCLOSE) {
      if (toclose != -1)
        pck_semerror(ls, "multiple to-be-closed variables in local list");
      toclose = fs->nactvar + nvars;
    }
    nvars++;
  } while (testnext(ls, ','));
  if (testnext(ls, '='))
    nexps = explist(ls, &e);
  else {
    e.k = VVOID;
    e.t = e.f = PCK_NO_JUMP;
    nexps = 0;
  }
  Vardesc *var = getlocalvardesc(fs, vidx);
  if (nvars == nexps && var->kind == RDKCONST && pck_exp2const(fs, &e, &var->k)) {
    var->kind = RDKCTC;
    adjustlocalvars(ls, nvars - 1);
    fs->nactvar++;
  } else {
    adjust_assign(ls, nvars, nexps, &e);
    adjustlocalvars(ls, nvars);
  }
  checktoclose(fs, toclose);
}

static int funcname(pcl_State *ls, expdesc *v) {
  int ismethod = 0;
  singlevar(ls, v);
  while (ls->t.token == '.') fieldsel(ls, v);
  if (ls->t.token == ':') {
    ismethod = 1;
    fieldsel(ls, v);
  }
  return ismethod;
}

static void funcstat(pcl_State *ls, int line) {
  expdesc v, b;
  pcl_next(ls);
  int ismethod = funcname(ls, &v);
  body(ls, &b, ismethod, line, NULL, PCI_GLOBAL);
  check_readonly(ls, &v);
  pck_storevar(ls->fs, &v, &b);
  pck_fixline(ls->fs, line);
}

static void exprstat(pcl_State *ls) {
  FuncState *fs = ls->fs;
  struct LHS_assign v;
  int expanded = suffixedexp(ls, &v.v);
  if (ls->t.token == '=' || ls->t.token == ',') {
    v.prev = NULL;
    restassign(ls, &v, 1);
  } else if (!expanded) {   /* an expanded call's result is dropped */
    check_condition(ls, v.v.k == VCALL, "syntax error");
    SETARG_C(pck_getinstr(fs, &v.v), 1);
  }
}

static void retstat(pcl_State *ls) {
  FuncState *fs = ls->fs;
  expdesc e;
  int nret;
  int first = pcp_nvarstack(fs);
  if (ls->inl != NULL && ls->inl->expanding) {
    expreturn(ls);
    return;
  }
  if (block_follow(ls, 1) || ls->t.token == ';')
    nret = 0;
  else {
    nret = explist(ls, &e);
    if (hasmultret(e.k)) {
      pck_setmultret(fs, &e);
      if (e.k == VCALL && nret == 1 && !fs->bl->insidetbc)
        SET_OPCODE(pck_getinstr(fs, &e), OP_TAILCALL);
      nret = PCK_MULTRET;
    } else if (nret == 1) {
      fs->inlterm = 1;   /* a return an expanded body may end with (inline.h) */
      first = pck_exp2anyreg(fs, &e);
    }
    else
      pck_exp2nextreg(fs, &e);
  }
  if (nret != 1) fs->inl = 0;
  pck_ret(fs, first, nret);
  testnext(ls, ';');
}

static void statement(pcl_State *ls) {
  int line = ls->linenumber;
  enterlevel(ls);
  ls->fs->inlterm = 0;   /* set again by a return or an if whose branches all return */
  /* an expanded body has local declarations, assignments, ifs and returns */
  if (ls->t.token != TK_LOCAL && ls->t.token != TK_NAME && ls->t.token != TK_RETURN &&
      ls->t.token != TK_IF &&
      ls->t.token != ';')
    ls->fs->inl = 0;
  switch (ls->t.token) {
    case ';':
      pcl_next(ls);
      break;
    case TK_IF:
      ifstat(ls, line);
      break;
    case TK_WHILE:
      whilestat(ls, line);
      break;
    case TK_DO:
      pcl_next(ls);
      block(ls);
      check_match(ls, TK_END, TK_DO, line);
      break;
    case TK_FOR:
      forstat(ls, line);
      break;
    case TK_REPEAT:
      repeatstat(ls, line);
      break;
    case TK_FUNCTION:
      funcstat(ls, line);
      break;
    case TK_LOCAL:
      pcl_next(ls);
      if (testnext(ls, TK_FUNCTION)) localfunc(ls);
      else localstat(ls);
      break;
    case TK_DBCOLON:
      pcl_next(ls);
      labelstat(ls, str_checkname(ls), line);
      break;
    case TK_RETURN:
      pcl_next(ls);
      retstat(ls);
      break;
    case TK_BREAK:
      breakstat(ls);
      break;
    case TK_GOTO:
      pcl_next(ls);
      gotostat(ls);
      break;
    default:
      exprstat(ls);
      break;
  }
  ls->fs->freereg = pcp_nvarstack(ls->fs);
  leavelevel(ls);
}

fmt_Proto *pcp_parse(pcl_State *ls) {
  pck_Dyndata *dyd = pcl_realloc(ls, NULL, sizeof(pck_Dyndata));
  memset(dyd, 0, sizeof *dyd);
  ls->dyd = dyd;
  fmt_Proto *f = pcl_realloc(ls, NULL, sizeof(fmt_Proto));
  memset(f, 0, sizeof *f);
  FuncState fs;
  BlockCnt bl;
  fs.f = f;
  open_func(ls, &fs, &bl);
  fs.inl = 0;   /* the main function is no candidate */
  setvararg(&fs, 0);
  fmt_Upval *env = allocupvalue(&fs, ls->envn);
  env->instack = 1;
  env->idx = 0;
  env->kind = VDKREG;
  pcl_next(ls);
  statlist(ls);
  check(ls, TK_EOS);
  close_func(ls);
  settleselfreads(ls);
  return f;
}
