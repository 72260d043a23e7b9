/*
** code.c -- the code generator (see code.h): emission, registers, constants,
** jump lists, expression discharge, operators with folding and immediates.
** Module: pck (compiler code generator). Follows PUC-Rio lcode.c (5.4).
*/
#include "compiler/code.h"

#include <string.h>

#include "compiler/fold.h"

#define hasjumps(e) ((e)->t != (e)->f)
#define MAXINDEXRK FMT_MAXARG_B

static int codesJ(pck_FuncState *fs, int o, int sj);

_Noreturn void pck_semerror(pcl_State *ls, const char *msg) {
  ls->t.token = 0; /* remove "near <token>" from final message */
  pcl_semerror(ls, msg);
}

/* Grows array *p (elements of [esz]) so index [n] fits; raises past [limit]. */
static void *grow(pck_FuncState *fs, void *p, int *size, int n, size_t esz,
                  int limit, const char *what) {
  if (n < *size) return p;
  if (n >= limit)
    pcl_semerror(fs->ls, pcl_fmt(fs->ls, "too many %s (limit is %d)", what, limit));
  int ns = *size ? *size * 2 : 8;
  if (ns > limit) ns = limit;
  if (ns <= n) ns = n + 1;
  p = pcl_realloc(fs->ls, p, (size_t)ns * esz);
  *size = ns;
  return p;
}

/* ---------------------------------------------------------------- numbers */

static int tonumeral(const pck_Exp *e, pck_Value *v) {
  if (hasjumps(e)) return 0;
  switch (e->k) {
    case VKINT:
      if (v) { v->kind = FMT_K_INT; v->u.i = e->u.ival; }
      return 1;
    case VKFLT:
      if (v) { v->kind = FMT_K_FLT; v->u.n = e->u.nval; }
      return 1;
    default:
      return 0;
  }
}

static pck_Value *const2val(pck_FuncState *fs, const pck_Exp *e) {
  return &fs->ls->dyd->actvar.arr[e->u.info].k;
}

int pck_exp2const(pck_FuncState *fs, const pck_Exp *e, pck_Value *v) {
  if (hasjumps(e)) return 0;
  switch (e->k) {
    case VFALSE: v->kind = FMT_K_FALSE; return 1;
    case VTRUE: v->kind = FMT_K_TRUE; return 1;
    case VNIL: v->kind = FMT_K_NIL; return 1;
    case VKSTR: v->kind = FMT_K_STR; v->u.s = e->u.strval; return 1;
    case VCONST: *v = *const2val(fs, e); return 1;
    default: return tonumeral(e, v);
  }
}

static void const2exp(const pck_Value *v, pck_Exp *e) {
  switch (v->kind) {
    case FMT_K_INT: e->k = VKINT; e->u.ival = v->u.i; break;
    case FMT_K_FLT: e->k = VKFLT; e->u.nval = v->u.n; break;
    case FMT_K_FALSE: e->k = VFALSE; break;
    case FMT_K_TRUE: e->k = VTRUE; break;
    case FMT_K_NIL: e->k = VNIL; break;
    default: e->k = VKSTR; e->u.strval = v->u.s; break;
  }
}

/* ---------------------------------------------------------------- emission */

static fmt_Instr *previousinstruction(pck_FuncState *fs) {
  static fmt_Instr invalid = ~(fmt_Instr)0;
  if (fs->pc > fs->lasttarget) return &fs->f->code[fs->pc - 1];
  invalid = ~(fmt_Instr)0;
  return &invalid;
}

int pck_code(pck_FuncState *fs, fmt_Instr i) {
  fmt_Proto *f = fs->f;
  if (fs->pc >= fs->sizecode) { /* code and lines share one capacity */
    int size = fs->sizecode;
    f->code = grow(fs, f->code, &size, fs->pc, sizeof(fmt_Instr), 0x7ffffff0,
                   "instructions");
    f->lines = pcl_realloc(fs->ls, f->lines, (size_t)size * sizeof(uint32_t));
    fs->sizecode = size;
  }
  f->code[fs->pc] = i;
  f->lines[fs->pc] = (uint32_t)fs->ls->lastline;
  return fs->pc++;
}

void pck_fixline(pck_FuncState *fs, int line) {
  fs->f->lines[fs->pc - 1] = (uint32_t)line;
}

int pck_codeABCk(pck_FuncState *fs, int o, int a, int b, int c, int k) {
  return pck_code(fs, CREATE_ABCk(o, a, b, c, k));
}

int pck_codeABx(pck_FuncState *fs, int o, int a, unsigned int bc) {
  return pck_code(fs, CREATE_ABx(o, a, bc));
}

static int codeAsBx(pck_FuncState *fs, int o, int a, int bc) {
  return pck_code(fs, CREATE_ABx(o, a, (unsigned int)(bc + FMT_OFFSET_sBx)));
}

static int codesJ(pck_FuncState *fs, int o, int sj) {
  return pck_code(fs, CREATE_sJ(o, sj));
}

static int codeextraarg(pck_FuncState *fs, int a) {
  return pck_code(fs, CREATE_Ax(OP_EXTRAARG, a));
}

static int codek(pck_FuncState *fs, int reg, int k) {
  if (k <= (int)FMT_MAXARG_Bx) return pck_codeABx(fs, OP_LOADK, reg, (unsigned)k);
  int p = pck_codeABx(fs, OP_LOADKX, reg, 0);
  codeextraarg(fs, k);
  return p;
}

static void removelastinstruction(pck_FuncState *fs) { fs->pc--; }

void pck_nil(pck_FuncState *fs, int from, int n) {
  int l = from + n - 1;
  fmt_Instr *previous = previousinstruction(fs);
  if (GET_OPCODE(*previous) == OP_LOADNIL) {
    int pfrom = GETARG_A(*previous);
    int pl = pfrom + GETARG_B(*previous);
    if ((pfrom <= from && from <= pl + 1) || (from <= pfrom && pfrom <= l + 1)) {
      if (pfrom < from) from = pfrom;
      if (pl > l) l = pl;
      SETARG_A(*previous, from);
      SETARG_B(*previous, l - from);
      return;
    }
  }
  pck_codeABC(fs, OP_LOADNIL, from, n - 1, 0);
}

/* ---------------------------------------------------------------- jumps */

static int getjump(pck_FuncState *fs, int pc) {
  int offset = GETARG_sJ(fs->f->code[pc]);
  if (offset == PCK_NO_JUMP) return PCK_NO_JUMP;
  return (pc + 1) + offset;
}

static void fixjump(pck_FuncState *fs, int pc, int dest) {
  fmt_Instr *jmp = &fs->f->code[pc];
  int offset = dest - (pc + 1);
  if (!(-FMT_OFFSET_sJ <= offset && offset <= (int)FMT_MAXARG_Ax - FMT_OFFSET_sJ))
    pcl_syntaxerror(fs->ls, "control structure too long");
  SETARG_sJ(*jmp, offset);
}

void pck_concat(pck_FuncState *fs, int *l1, int l2) {
  if (l2 == PCK_NO_JUMP) return;
  if (*l1 == PCK_NO_JUMP) {
    *l1 = l2;
    return;
  }
  int list = *l1, next;
  while ((next = getjump(fs, list)) != PCK_NO_JUMP) list = next;
  fixjump(fs, list, l2);
}

int pck_jump(pck_FuncState *fs) { return codesJ(fs, OP_JMP, PCK_NO_JUMP); }

void pck_ret(pck_FuncState *fs, int first, int nret) {
  int op;
  switch (nret) {
    case 0: op = OP_RETURN0; break;
    case 1: op = OP_RETURN1; break;
    default: op = OP_RETURN; break;
  }
  pck_codeABC(fs, op, first, nret + 1, 0);
}

static int condjump(pck_FuncState *fs, int op, int a, int b, int c, int k) {
  pck_codeABCk(fs, op, a, b, c, k);
  return pck_jump(fs);
}

int pck_getlabel(pck_FuncState *fs) {
  fs->lasttarget = fs->pc;
  return fs->pc;
}

static fmt_Instr *getjumpcontrol(pck_FuncState *fs, int pc) {
  fmt_Instr *pi = &fs->f->code[pc];
  if (pc >= 1 && (fmt_opinfo[GET_OPCODE(*(pi - 1))].flags & OPF_TEST))
    return pi - 1;
  return pi;
}

static int patchtestreg(pck_FuncState *fs, int node, int reg) {
  fmt_Instr *i = getjumpcontrol(fs, node);
  if (GET_OPCODE(*i) != OP_TESTSET) return 0;
  if (reg != PCK_NO_REG && reg != GETARG_B(*i))
    SETARG_A(*i, reg);
  else
    *i = CREATE_ABCk(OP_TEST, GETARG_B(*i), 0, 0, GETARG_k(*i));
  return 1;
}

static void removevalues(pck_FuncState *fs, int list) {
  for (; list != PCK_NO_JUMP; list = getjump(fs, list))
    patchtestreg(fs, list, PCK_NO_REG);
}

static void patchlistaux(pck_FuncState *fs, int list, int vtarget, int reg,
                         int dtarget) {
  while (list != PCK_NO_JUMP) {
    int next = getjump(fs, list);
    if (patchtestreg(fs, list, reg)) fixjump(fs, list, vtarget);
    else fixjump(fs, list, dtarget);
    list = next;
  }
}

void pck_patchlist(pck_FuncState *fs, int list, int target) {
  patchlistaux(fs, list, target, PCK_NO_REG, target);
}

void pck_patchtohere(pck_FuncState *fs, int list) {
  int hr = pck_getlabel(fs);
  pck_patchlist(fs, list, hr);
}

/* Whether jump [pc] is on [list]. */
static int onlist(pck_FuncState *fs, int list, int pc) {
  for (; list != PCK_NO_JUMP; list = getjump(fs, list))
    if (list == pc) return 1;
  return 0;
}

/* Whether the code [start, body) of a loop condition can be copied below
** the loop body: straight-line code whose only jumps are test-and-jump pairs
** on [exits] (the condition's false list), ending with one. */
static int copyablecond(pck_FuncState *fs, int start, int body, int exits) {
  const fmt_Instr *code = fs->f->code;
  if (body - start < 2 || body - start > PCK_MAXCONDCOPY) return 0;
  for (int pc = start; pc < body; pc++) {
    int o = GET_OPCODE(code[pc]);
    if (o == OP_JMP) {
      if (pc == start || !(fmt_opinfo[GET_OPCODE(code[pc - 1])].flags & OPF_TEST) ||
          !onlist(fs, exits, pc))
        return 0;
    } else if (fmt_opinfo[o].flags & OPF_TEST) {
      if (pc + 1 >= body || GET_OPCODE(code[pc + 1]) != OP_JMP) return 0;
    } else if (o == OP_FORPREP || o == OP_FORLOOP || o == OP_TFORPREP ||
               o == OP_TFORCALL || o == OP_TFORLOOP || o == OP_CLOSURE) {
      return 0;
    }
  }
  return GET_OPCODE(code[body - 1]) == OP_JMP;
}

void pck_loopback(pck_FuncState *fs, int start, int body, int *exits) {
  if (!copyablecond(fs, start, body, *exits)) {
    pck_jumpto(fs, start);
    return;
  }
  pck_getlabel(fs);   /* the copy is a jump target: no merging into it */
  for (int pc = start; pc < body; pc++) {
    fmt_Instr i = fs->f->code[pc];
    uint32_t line = fs->f->lines[pc];
    if (GET_OPCODE(i) == OP_JMP) {
      int j = pck_jump(fs);
      if (pc == body - 1) pck_patchlist(fs, j, body);   /* condition holds */
      else pck_concat(fs, exits, j);
    } else {
      if (GET_OPCODE(i) == OP_TESTSET)   /* as patchtestreg makes the original */
        i = CREATE_ABCk(OP_TEST, GETARG_B(i), 0, 0, GETARG_k(i));
      if (pc == body - 2)   /* the last test: jump back when it holds */
        SETARG_k(i, !GETARG_k(i));
      pck_code(fs, i);
    }
    pck_fixline(fs, (int)line);
  }
}

/* ---------------------------------------------------------------- registers */

void pck_checkstack(pck_FuncState *fs, int n) {
  int newstack = fs->freereg + n;
  if (newstack > fs->f->maxstacksize) {
    if (newstack >= FMT_MAXREGS)
      pcl_syntaxerror(fs->ls, "function or expression needs too many registers");
    fs->f->maxstacksize = (uint8_t)newstack;
  }
}

void pck_reserveregs(pck_FuncState *fs, int n) {
  pck_checkstack(fs, n);
  fs->freereg += n;
}

static void freereg(pck_FuncState *fs, int reg) {
  if (reg >= pcp_nvarstack(fs)) fs->freereg--;
}

static void freeregs(pck_FuncState *fs, int r1, int r2) {
  if (r1 > r2) {
    freereg(fs, r1);
    freereg(fs, r2);
  } else {
    freereg(fs, r2);
    freereg(fs, r1);
  }
}

static void freeexp(pck_FuncState *fs, pck_Exp *e) {
  if (e->k == VNONRELOC) freereg(fs, e->u.info);
}

static void freeexps(pck_FuncState *fs, pck_Exp *e1, pck_Exp *e2) {
  int r1 = (e1->k == VNONRELOC) ? e1->u.info : -1;
  int r2 = (e2->k == VNONRELOC) ? e2->u.info : -1;
  freeregs(fs, r1, r2);
}

/* ---------------------------------------------------------------- constants */

static uint32_t khashof(const fmt_Const *c) {
  uint64_t x;
  switch (c->kind) {
    case FMT_K_INT: x = (uint64_t)c->u.i; break;
    case FMT_K_FLT: memcpy(&x, &c->u.n, sizeof x); break;
    case FMT_K_STR: x = (uint64_t)(uintptr_t)c->u.s.s; break;
    default: x = 0; break;
  }
  x ^= (uint64_t)c->kind * 0x9E3779B97F4A7C15u;
  x ^= x >> 29;
  x *= 0xBF58476D1CE4E5B9u;
  x ^= x >> 32;
  return (uint32_t)x;
}

static int keq(const fmt_Const *a, const fmt_Const *b) {
  if (a->kind != b->kind) return 0;
  switch (a->kind) {
    case FMT_K_INT: return a->u.i == b->u.i;
    case FMT_K_FLT: return memcmp(&a->u.n, &b->u.n, sizeof(double)) == 0;
    case FMT_K_STR: return a->u.s.s == b->u.s.s;
    default: return 1;
  }
}

static void khash_insert(pck_FuncState *fs, int idx) {
  uint32_t m = (uint32_t)fs->khsize - 1;
  uint32_t h = khashof(&fs->f->k[idx]) & m;
  while (fs->khash[h]) h = (h + 1) & m;
  fs->khash[h] = idx + 1;
}

static int addk(pck_FuncState *fs, const fmt_Const *c) {
  if (fs->khsize) {
    uint32_t m = (uint32_t)fs->khsize - 1;
    uint32_t h = khashof(c) & m;
    while (fs->khash[h]) {
      int idx = fs->khash[h] - 1;
      if (keq(&fs->f->k[idx], c)) return idx;
      h = (h + 1) & m;
    }
  }
  fs->f->k = grow(fs, fs->f->k, &fs->sizek, fs->nk, sizeof(fmt_Const),
                  (int)FMT_MAXARG_Ax, "constants");
  int idx = fs->nk++;
  fs->f->k[idx] = *c;
  if (fs->nk * 2 > fs->khsize) {
    int ns = fs->khsize ? fs->khsize * 2 : 64;
    pcl_realloc(fs->ls, fs->khash, 0);
    fs->khash = pcl_realloc(fs->ls, NULL, (size_t)ns * sizeof(int));
    memset(fs->khash, 0, (size_t)ns * sizeof(int));
    fs->khsize = ns;
    for (int i = 0; i < fs->nk; i++) khash_insert(fs, i);
  } else
    khash_insert(fs, idx);
  return idx;
}

int pck_stringK(pck_FuncState *fs, pcl_Str *s) {
  fmt_Const c;
  c.kind = FMT_K_STR;
  c.u.s.len = s->len;
  c.u.s.s = s->s;
  return addk(fs, &c);
}

static int intK(pck_FuncState *fs, int64_t n) {
  fmt_Const c;
  c.kind = FMT_K_INT;
  c.u.i = n;
  return addk(fs, &c);
}

static int numberK(pck_FuncState *fs, double r) {
  fmt_Const c;
  c.kind = FMT_K_FLT;
  c.u.n = r;
  return addk(fs, &c);
}

static int simpleK(pck_FuncState *fs, int kind) {
  fmt_Const c;
  memset(&c, 0, sizeof c);
  c.kind = (uint8_t)kind;
  return addk(fs, &c);
}

static int fitsC(int64_t i) {
  return (uint64_t)i + FMT_OFFSET_sC <= (uint64_t)FMT_MAXARG_C;
}

static int fitsBx(int64_t i) {
  return -FMT_OFFSET_sBx <= i && i <= (int64_t)FMT_MAXARG_Bx - FMT_OFFSET_sBx;
}

void pck_int(pck_FuncState *fs, int reg, int64_t i) {
  if (fitsBx(i)) codeAsBx(fs, OP_LOADI, reg, (int)i);
  else codek(fs, reg, intK(fs, i));
}

static void pck_float(pck_FuncState *fs, int reg, double f) {
  int64_t fi;
  if (pcf_flt2int(f, &fi) && fitsBx(fi)) codeAsBx(fs, OP_LOADF, reg, (int)fi);
  else codek(fs, reg, numberK(fs, f));
}

/* ---------------------------------------------------------------- discharge */

void pck_setreturns(pck_FuncState *fs, pck_Exp *e, int nresults) {
  fmt_Instr *pc = &pck_getinstr(fs, e);
  if (e->k == VCALL)
    SETARG_C(*pc, nresults + 1);
  else {
    SETARG_C(*pc, nresults + 1);
    SETARG_A(*pc, fs->freereg);
    pck_reserveregs(fs, 1);
  }
}

static void str2K(pck_FuncState *fs, pck_Exp *e) {
  e->u.info = pck_stringK(fs, e->u.strval);
  e->k = VK;
}

void pck_setoneret(pck_FuncState *fs, pck_Exp *e) {
  if (e->k == VCALL) {
    e->k = VNONRELOC;
    e->u.info = GETARG_A(pck_getinstr(fs, e));
  } else if (e->k == VVARARG) {
    SETARG_C(pck_getinstr(fs, e), 2);
    e->k = VRELOC;
  }
}

void pck_dischargevars(pck_FuncState *fs, pck_Exp *e) {
  switch (e->k) {
    case VCONST:
      const2exp(const2val(fs, e), e);
      break;
    case VLOCAL:
      e->u.info = e->u.var.ridx;
      e->k = VNONRELOC;
      break;
    case VUPVAL: {
      /* the function's own name: marked as the running closure (parse.c
      ** "self reads" keeps the mark only if the name is never assigned) */
      int self = fs->ls->extops && fs->selfdecl >= 0 && fs->updecl[e->u.info] == fs->selfdecl;
      e->u.info = pck_codeABCk(fs, OP_GETUPVAL, 0, e->u.info, 0, self);
      fs->selfread |= (uint8_t)self;
      e->k = VRELOC;
      break;
    }
    case VINDEXUP:
      e->u.info = pck_codeABC(fs, OP_GETTABUP, 0, e->u.ind.t, e->u.ind.idx);
      e->k = VRELOC;
      break;
    case VINDEXUPR:
      freereg(fs, e->u.ind.idx);
      e->u.info = pck_codeABC(fs, OP_GETTABUPR, 0, e->u.ind.t, e->u.ind.idx);
      e->k = VRELOC;
      break;
    case VINDEXI:
      freereg(fs, e->u.ind.t);
      e->u.info = pck_codeABC(fs, OP_GETI, 0, e->u.ind.t, e->u.ind.idx);
      e->k = VRELOC;
      break;
    case VINDEXSTR:
      freereg(fs, e->u.ind.t);
      e->u.info = pck_codeABC(fs, OP_GETFIELD, 0, e->u.ind.t, e->u.ind.idx);
      e->k = VRELOC;
      break;
    case VINDEXED:
      freeregs(fs, e->u.ind.t, e->u.ind.idx);
      e->u.info = pck_codeABC(fs, OP_GETTABLE, 0, e->u.ind.t, e->u.ind.idx);
      e->k = VRELOC;
      break;
    case VVARARG: case VCALL:
      pck_setoneret(fs, e);
      break;
    default:
      break;
  }
}

static void discharge2reg(pck_FuncState *fs, pck_Exp *e, int reg) {
  pck_dischargevars(fs, e);
  switch (e->k) {
    case VNIL: pck_nil(fs, reg, 1); break;
    case VFALSE: pck_codeABC(fs, OP_LOADFALSE, reg, 0, 0); break;
    case VTRUE: pck_codeABC(fs, OP_LOADTRUE, reg, 0, 0); break;
    case VKSTR: str2K(fs, e); /* fall through */
    case VK: codek(fs, reg, e->u.info); break;
    case VKFLT: pck_float(fs, reg, e->u.nval); break;
    case VKINT: pck_int(fs, reg, e->u.ival); break;
    case VRELOC: SETARG_A(pck_getinstr(fs, e), reg); break;
    case VNONRELOC:
      if (reg != e->u.info) pck_codeABC(fs, OP_MOVE, reg, e->u.info, 0);
      break;
    default: return; /* VJMP: nothing to do */
  }
  e->u.info = reg;
  e->k = VNONRELOC;
}

static void discharge2anyreg(pck_FuncState *fs, pck_Exp *e) {
  if (e->k != VNONRELOC) {
    pck_reserveregs(fs, 1);
    discharge2reg(fs, e, fs->freereg - 1);
  }
}

static int code_loadbool(pck_FuncState *fs, int a, int op) {
  pck_getlabel(fs);
  return pck_codeABC(fs, op, a, 0, 0);
}

static int need_value(pck_FuncState *fs, int list) {
  for (; list != PCK_NO_JUMP; list = getjump(fs, list)) {
    fmt_Instr i = *getjumpcontrol(fs, list);
    if (GET_OPCODE(i) != OP_TESTSET) return 1;
  }
  return 0;
}

static void exp2reg(pck_FuncState *fs, pck_Exp *e, int reg) {
  discharge2reg(fs, e, reg);
  if (e->k == VJMP) pck_concat(fs, &e->t, e->u.info);
  if (hasjumps(e)) {
    int final, p_f = PCK_NO_JUMP, p_t = PCK_NO_JUMP;
    if (need_value(fs, e->t) || need_value(fs, e->f)) {
      int fj = (e->k == VJMP) ? PCK_NO_JUMP : pck_jump(fs);
      p_f = code_loadbool(fs, reg, OP_LFALSESKIP);
      p_t = code_loadbool(fs, reg, OP_LOADTRUE);
      pck_patchtohere(fs, fj);
    }
    final = pck_getlabel(fs);
    patchlistaux(fs, e->f, final, reg, p_f);
    patchlistaux(fs, e->t, final, reg, p_t);
  }
  e->f = e->t = PCK_NO_JUMP;
  e->u.info = reg;
  e->k = VNONRELOC;
}

void pck_exp2nextreg(pck_FuncState *fs, pck_Exp *e) {
  pck_dischargevars(fs, e);
  freeexp(fs, e);
  pck_reserveregs(fs, 1);
  exp2reg(fs, e, fs->freereg - 1);
}

int pck_exp2anyreg(pck_FuncState *fs, pck_Exp *e) {
  pck_dischargevars(fs, e);
  if (e->k == VNONRELOC) {
    if (!hasjumps(e)) return e->u.info;
    if (e->u.info >= pcp_nvarstack(fs)) {
      exp2reg(fs, e, e->u.info);
      return e->u.info;
    }
  }
  pck_exp2nextreg(fs, e);
  return e->u.info;
}

void pck_exp2anyregup(pck_FuncState *fs, pck_Exp *e) {
  if (e->k != VUPVAL || hasjumps(e)) pck_exp2anyreg(fs, e);
}

void pck_exp2val(pck_FuncState *fs, pck_Exp *e) {
  if (hasjumps(e)) pck_exp2anyreg(fs, e);
  else pck_dischargevars(fs, e);
}

static int exp2K(pck_FuncState *fs, pck_Exp *e) {
  if (!hasjumps(e)) {
    int info;
    switch (e->k) {
      case VTRUE: info = simpleK(fs, FMT_K_TRUE); break;
      case VFALSE: info = simpleK(fs, FMT_K_FALSE); break;
      case VNIL: info = simpleK(fs, FMT_K_NIL); break;
      case VKINT: info = intK(fs, e->u.ival); break;
      case VKFLT: info = numberK(fs, e->u.nval); break;
      case VKSTR: info = pck_stringK(fs, e->u.strval); break;
      case VK: info = e->u.info; break;
      default: return 0;
    }
    if (info <= MAXINDEXRK) {
      e->k = VK;
      e->u.info = info;
      return 1;
    }
  }
  return 0;
}

int pck_exp2RK(pck_FuncState *fs, pck_Exp *e) {
  if (exp2K(fs, e)) return 1;
  pck_exp2anyreg(fs, e);
  return 0;
}

static void codeABRK(pck_FuncState *fs, int o, int a, int b, pck_Exp *ec) {
  int k = pck_exp2RK(fs, ec);
  pck_codeABCk(fs, o, a, b, ec->u.info, k);
}

void pck_storevar(pck_FuncState *fs, pck_Exp *var, pck_Exp *ex) {
  switch (var->k) {
    case VLOCAL:
      freeexp(fs, ex);
      exp2reg(fs, ex, var->u.var.ridx);
      return;
    case VUPVAL: {
      int e = pck_exp2anyreg(fs, ex);
      pck_codeABC(fs, OP_SETUPVAL, e, var->u.info, 0);
      break;
    }
    case VINDEXUP: codeABRK(fs, OP_SETTABUP, var->u.ind.t, var->u.ind.idx, ex); break;
    case VINDEXUPR: codeABRK(fs, OP_SETTABUPR, var->u.ind.t, var->u.ind.idx, ex); break;
    case VINDEXI: codeABRK(fs, OP_SETI, var->u.ind.t, var->u.ind.idx, ex); break;
    case VINDEXSTR: codeABRK(fs, OP_SETFIELD, var->u.ind.t, var->u.ind.idx, ex); break;
    case VINDEXED: codeABRK(fs, OP_SETTABLE, var->u.ind.t, var->u.ind.idx, ex); break;
    default: break;
  }
  freeexp(fs, ex);
}

void pck_self(pck_FuncState *fs, pck_Exp *e, pck_Exp *key) {
  pck_exp2anyreg(fs, e);
  int ereg = e->u.info;
  freeexp(fs, e);
  e->u.info = fs->freereg;
  e->k = VNONRELOC;
  pck_reserveregs(fs, 2);
  codeABRK(fs, OP_SELF, e->u.info, ereg, key);
  freeexp(fs, key);
}

/* ---------------------------------------------------------------- conditions */

static void negatecondition(pck_FuncState *fs, pck_Exp *e) {
  fmt_Instr *pc = getjumpcontrol(fs, e->u.info);
  SETARG_k(*pc, GETARG_k(*pc) ^ 1);
}

static int jumponcond(pck_FuncState *fs, pck_Exp *e, int cond) {
  if (e->k == VRELOC) {
    fmt_Instr ie = pck_getinstr(fs, e);
    if (GET_OPCODE(ie) == OP_NOT) {
      removelastinstruction(fs);
      return condjump(fs, OP_TEST, GETARG_B(ie), 0, 0, !cond);
    }
  }
  discharge2anyreg(fs, e);
  freeexp(fs, e);
  return condjump(fs, OP_TESTSET, PCK_NO_REG, e->u.info, 0, cond);
}

void pck_goiftrue(pck_FuncState *fs, pck_Exp *e) {
  int pc;
  pck_dischargevars(fs, e);
  switch (e->k) {
    case VJMP:
      negatecondition(fs, e);
      pc = e->u.info;
      break;
    case VK: case VKFLT: case VKINT: case VKSTR: case VTRUE:
      pc = PCK_NO_JUMP;
      break;
    default:
      pc = jumponcond(fs, e, 0);
      break;
  }
  pck_concat(fs, &e->f, pc);
  pck_patchtohere(fs, e->t);
  e->t = PCK_NO_JUMP;
}

void pck_goiffalse(pck_FuncState *fs, pck_Exp *e) {
  int pc;
  pck_dischargevars(fs, e);
  switch (e->k) {
    case VJMP: pc = e->u.info; break;
    case VNIL: case VFALSE: pc = PCK_NO_JUMP; break;
    default: pc = jumponcond(fs, e, 1); break;
  }
  pck_concat(fs, &e->t, pc);
  pck_patchtohere(fs, e->f);
  e->f = PCK_NO_JUMP;
}

static void codenot(pck_FuncState *fs, pck_Exp *e) {
  switch (e->k) {
    case VNIL: case VFALSE:
      e->k = VTRUE;
      break;
    case VK: case VKFLT: case VKINT: case VKSTR: case VTRUE:
      e->k = VFALSE;
      break;
    case VJMP:
      negatecondition(fs, e);
      break;
    case VRELOC: case VNONRELOC:
      discharge2anyreg(fs, e);
      freeexp(fs, e);
      e->u.info = pck_codeABC(fs, OP_NOT, 0, e->u.info, 0);
      e->k = VRELOC;
      break;
    default:
      break;
  }
  int temp = e->f;
  e->f = e->t;
  e->t = temp;
  removevalues(fs, e->f);
  removevalues(fs, e->t);
}

/* ---------------------------------------------------------------- indexing */

static int isKstr(pck_FuncState *fs, pck_Exp *e) {
  return e->k == VK && !hasjumps(e) && e->u.info <= FMT_MAXARG_B &&
         fs->f->k[e->u.info].kind == FMT_K_STR &&
         fs->f->k[e->u.info].u.s.len <= FMT_MAXSHORTLEN;
}

static int isKint(pck_Exp *e) { return e->k == VKINT && !hasjumps(e); }

static int isCint(pck_Exp *e) {
  return isKint(e) && (uint64_t)e->u.ival <= (uint64_t)FMT_MAXARG_C;
}

static int isSCint(pck_Exp *e) { return isKint(e) && fitsC(e->u.ival); }

static int isSCnumber(pck_Exp *e, int *pi, int *isfloat) {
  int64_t i;
  if (e->k == VKINT) i = e->u.ival;
  else if (e->k == VKFLT && pcf_flt2int(e->u.nval, &i)) *isfloat = 1;
  else return 0;
  if (!hasjumps(e) && fitsC(i)) {
    *pi = (int)i + FMT_OFFSET_sC;
    return 1;
  }
  return 0;
}

/* An upvalue indexed by a constant string is VINDEXUP (GETTABUP/SETTABUP,
** as in Lua); by anything else but a small integer constant, with format
** 1.1's instructions allowed, VINDEXUPR (GETTABUPR/SETTABUPR: the upvalue is
** read when the instruction runs, after the key and, in an assignment, the
** values are evaluated, as GETTABUP/SETTABUP read theirs). */
void pck_indexed(pck_FuncState *fs, pck_Exp *t, pck_Exp *k) {
  if (k->k == VKSTR) str2K(fs, k);
  if (t->k == VUPVAL && !isKstr(fs, k) && fs->ls->extops && !isCint(k)) {
    t->u.ind.t = t->u.info;
    t->u.ind.idx = pck_exp2anyreg(fs, k);
    t->k = VINDEXUPR;
    return;
  }
  if (t->k == VUPVAL && !isKstr(fs, k)) pck_exp2anyreg(fs, t);
  if (t->k == VUPVAL) {
    int up = t->u.info;
    t->u.ind.t = up;
    t->u.ind.idx = k->u.info;
    t->k = VINDEXUP;
  } else {
    t->u.ind.t = (t->k == VLOCAL) ? t->u.var.ridx : t->u.info;
    if (isKstr(fs, k)) {
      t->u.ind.idx = k->u.info;
      t->k = VINDEXSTR;
    } else if (isCint(k)) {
      t->u.ind.idx = (int)k->u.ival;
      t->k = VINDEXI;
    } else {
      t->u.ind.idx = pck_exp2anyreg(fs, k);
      t->k = VINDEXED;
    }
  }
}

/* ---------------------------------------------------------------- operators */

static int constfolding(int op, pck_Exp *e1, const pck_Exp *e2) {
  pck_Value v1, v2;
  if (!tonumeral(e1, &v1) || !tonumeral(e2, &v2)) return 0;
  pcf_Num a = {v1.kind == FMT_K_INT, v1.u.i, v1.u.n};
  pcf_Num b = {v2.kind == FMT_K_INT, v2.u.i, v2.u.n};
  if (a.isint) a.n = 0; else a.i = 0;
  if (b.isint) b.n = 0; else b.i = 0;
  pcf_Num r;
  if (!pcf_fold(op, &a, &b, &r)) return 0;
  if (r.isint) {
    e1->k = VKINT;
    e1->u.ival = r.i;
  } else {
    e1->k = VKFLT;
    e1->u.nval = r.n;
  }
  return 1;
}

static void codeunexpval(pck_FuncState *fs, int op, pck_Exp *e, int line) {
  int r = pck_exp2anyreg(fs, e);
  freeexp(fs, e);
  e->u.info = pck_codeABC(fs, op, 0, r, 0);
  e->k = VRELOC;
  pck_fixline(fs, line);
}

static void finishbinexpval(pck_FuncState *fs, pck_Exp *e1, pck_Exp *e2, int op,
                            int v2, int flip, int line, int mmop, int event) {
  int v1 = pck_exp2anyreg(fs, e1);
  int pc = pck_codeABCk(fs, op, 0, v1, v2, 0);
  freeexps(fs, e1, e2);
  e1->u.info = pc;
  e1->k = VRELOC;
  pck_fixline(fs, line);
  pck_codeABCk(fs, mmop, v1, v2, event, flip);
  pck_fixline(fs, line);
}

static void codebinexpval(pck_FuncState *fs, pck_BinOpr opr, pck_Exp *e1,
                          pck_Exp *e2, int line) {
  int v2 = pck_exp2anyreg(fs, e2);
  finishbinexpval(fs, e1, e2, OP_ADD + (int)opr, v2, 0, line, OP_MMBIN, (int)opr);
}

static void codebini(pck_FuncState *fs, int op, pck_Exp *e1, pck_Exp *e2,
                     int flip, int line, int event) {
  int v2 = (int)e2->u.ival + FMT_OFFSET_sC;
  finishbinexpval(fs, e1, e2, op, v2, flip, line, OP_MMBINI, event);
}

static void codebinK(pck_FuncState *fs, pck_BinOpr opr, pck_Exp *e1,
                     pck_Exp *e2, int flip, int line) {
  int v2 = e2->u.info;
  finishbinexpval(fs, e1, e2, OP_ADDK + (int)opr, v2, flip, line, OP_MMBINK,
                  (int)opr);
}

static int finishbinexpneg(pck_FuncState *fs, pck_Exp *e1, pck_Exp *e2, int op,
                           int line, int event) {
  if (!isKint(e2)) return 0;
  int64_t i2 = e2->u.ival;
  if (!(fitsC(i2) && fitsC(-i2))) return 0;
  int v2 = (int)i2;
  finishbinexpval(fs, e1, e2, op, -v2 + FMT_OFFSET_sC, 0, line, OP_MMBINI, event);
  SETARG_B(fs->f->code[fs->pc - 1], v2 + FMT_OFFSET_sC);
  return 1;
}

static void swapexps(pck_Exp *e1, pck_Exp *e2) {
  pck_Exp temp = *e1;
  *e1 = *e2;
  *e2 = temp;
}

static void codebinNoK(pck_FuncState *fs, pck_BinOpr opr, pck_Exp *e1,
                       pck_Exp *e2, int flip, int line) {
  if (flip) swapexps(e1, e2);
  codebinexpval(fs, opr, e1, e2, line);
}

static void codearith(pck_FuncState *fs, pck_BinOpr opr, pck_Exp *e1,
                      pck_Exp *e2, int flip, int line) {
  if (tonumeral(e2, NULL) && exp2K(fs, e2)) codebinK(fs, opr, e1, e2, flip, line);
  else codebinNoK(fs, opr, e1, e2, flip, line);
}

static void codecommutative(pck_FuncState *fs, pck_BinOpr op, pck_Exp *e1,
                            pck_Exp *e2, int line) {
  int flip = 0;
  if (tonumeral(e1, NULL)) {
    swapexps(e1, e2);
    flip = 1;
  }
  if (op == OPR_ADD && isSCint(e2))
    codebini(fs, OP_ADDI, e1, e2, flip, line, FMT_TM_ADD);
  else
    codearith(fs, op, e1, e2, flip, line);
}

static void codebitwise(pck_FuncState *fs, pck_BinOpr opr, pck_Exp *e1,
                        pck_Exp *e2, int line) {
  int flip = 0;
  if (e1->k == VKINT) {
    swapexps(e1, e2);
    flip = 1;
  }
  if (e2->k == VKINT && exp2K(fs, e2)) codebinK(fs, opr, e1, e2, flip, line);
  else codebinNoK(fs, opr, e1, e2, flip, line);
}

static void codeorder(pck_FuncState *fs, pck_BinOpr opr, pck_Exp *e1, pck_Exp *e2) {
  int r1, r2, im, isfloat = 0, op;
  if (isSCnumber(e2, &im, &isfloat)) {
    r1 = pck_exp2anyreg(fs, e1);
    r2 = im;
    op = (opr == OPR_LT) ? OP_LTI : OP_LEI;
  } else if (isSCnumber(e1, &im, &isfloat)) {
    r1 = pck_exp2anyreg(fs, e2);
    r2 = im;
    op = (opr == OPR_LT) ? OP_GTI : OP_GEI;
  } else {
    r1 = pck_exp2anyreg(fs, e1);
    r2 = pck_exp2anyreg(fs, e2);
    op = (opr == OPR_LT) ? OP_LT : OP_LE;
  }
  freeexps(fs, e1, e2);
  e1->u.info = condjump(fs, op, r1, r2, isfloat, 1);
  e1->k = VJMP;
}

static void codeeq(pck_FuncState *fs, pck_BinOpr opr, pck_Exp *e1, pck_Exp *e2) {
  int r1, r2, im, isfloat = 0, op;
  if (e1->k != VNONRELOC) swapexps(e1, e2);
  r1 = pck_exp2anyreg(fs, e1);
  if (isSCnumber(e2, &im, &isfloat)) {
    op = OP_EQI;
    r2 = im;
  } else if (pck_exp2RK(fs, e2)) {
    op = OP_EQK;
    r2 = e2->u.info;
  } else {
    op = OP_EQ;
    r2 = pck_exp2anyreg(fs, e2);
  }
  freeexps(fs, e1, e2);
  e1->u.info = condjump(fs, op, r1, r2, isfloat, opr == OPR_EQ);
  e1->k = VJMP;
}

void pck_prefix(pck_FuncState *fs, pck_UnOpr opr, pck_Exp *e, int line) {
  static const pck_Exp ef = {VKINT, {0}, PCK_NO_JUMP, PCK_NO_JUMP};
  pck_dischargevars(fs, e);
  switch (opr) {
    case OPR_MINUS: case OPR_BNOT:
      if (constfolding((int)opr + PCF_UNM, e, &ef)) break;
      /* fall through */
    case OPR_LEN:
      codeunexpval(fs, opr == OPR_MINUS ? OP_UNM : opr == OPR_BNOT ? OP_BNOT : OP_LEN,
                   e, line);
      break;
    case OPR_NOT:
      codenot(fs, e);
      break;
    default:
      break;
  }
}

void pck_infix(pck_FuncState *fs, pck_BinOpr op, pck_Exp *v) {
  pck_dischargevars(fs, v);
  switch (op) {
    case OPR_AND: pck_goiftrue(fs, v); break;
    case OPR_OR: pck_goiffalse(fs, v); break;
    case OPR_CONCAT: pck_exp2nextreg(fs, v); break;
    case OPR_ADD: case OPR_SUB: case OPR_MUL: case OPR_DIV: case OPR_IDIV:
    case OPR_MOD: case OPR_POW: case OPR_BAND: case OPR_BOR: case OPR_BXOR:
    case OPR_SHL: case OPR_SHR:
      if (!tonumeral(v, NULL)) pck_exp2anyreg(fs, v);
      break;
    case OPR_EQ: case OPR_NE:
      if (!tonumeral(v, NULL)) pck_exp2RK(fs, v);
      break;
    case OPR_LT: case OPR_LE: case OPR_GT: case OPR_GE: {
      int dummy, dummy2;
      if (!isSCnumber(v, &dummy, &dummy2)) pck_exp2anyreg(fs, v);
      break;
    }
    default: break;
  }
}

static void codeconcat(pck_FuncState *fs, pck_Exp *e1, pck_Exp *e2, int line) {
  fmt_Instr *ie2 = previousinstruction(fs);
  if (GET_OPCODE(*ie2) == OP_CONCAT) {
    int n = GETARG_B(*ie2);
    freeexp(fs, e2);
    SETARG_A(*ie2, e1->u.info);
    SETARG_B(*ie2, n + 1);
  } else {
    pck_codeABC(fs, OP_CONCAT, e1->u.info, 2, 0);
    freeexp(fs, e2);
    pck_fixline(fs, line);
  }
}

void pck_posfix(pck_FuncState *fs, pck_BinOpr opr, pck_Exp *e1, pck_Exp *e2,
                int line) {
  pck_dischargevars(fs, e2);
  if (opr <= OPR_SHR && constfolding((int)opr, e1, e2)) return;
  switch (opr) {
    case OPR_AND:
      pck_concat(fs, &e2->f, e1->f);
      *e1 = *e2;
      break;
    case OPR_OR:
      pck_concat(fs, &e2->t, e1->t);
      *e1 = *e2;
      break;
    case OPR_CONCAT:
      pck_exp2nextreg(fs, e2);
      codeconcat(fs, e1, e2, line);
      break;
    case OPR_ADD: case OPR_MUL:
      codecommutative(fs, opr, e1, e2, line);
      break;
    case OPR_SUB:
      if (finishbinexpneg(fs, e1, e2, OP_ADDI, line, FMT_TM_SUB)) break;
      /* fall through */
    case OPR_DIV: case OPR_IDIV: case OPR_MOD: case OPR_POW:
      codearith(fs, opr, e1, e2, 0, line);
      break;
    case OPR_BAND: case OPR_BOR: case OPR_BXOR:
      codebitwise(fs, opr, e1, e2, line);
      break;
    case OPR_SHL:
      if (isSCint(e1)) {
        swapexps(e1, e2);
        codebini(fs, OP_SHLI, e1, e2, 1, line, FMT_TM_SHL);
      } else if (finishbinexpneg(fs, e1, e2, OP_SHRI, line, FMT_TM_SHL)) {
        /* coded as (r1 >> -I) */
      } else
        codebinexpval(fs, opr, e1, e2, line);
      break;
    case OPR_SHR:
      if (isSCint(e2)) codebini(fs, OP_SHRI, e1, e2, 0, line, FMT_TM_SHR);
      else codebinexpval(fs, opr, e1, e2, line);
      break;
    case OPR_EQ: case OPR_NE:
      codeeq(fs, opr, e1, e2);
      break;
    case OPR_GT: case OPR_GE:
      swapexps(e1, e2);
      opr = (pck_BinOpr)((opr - OPR_GT) + OPR_LT);
      /* fall through */
    case OPR_LT: case OPR_LE:
      codeorder(fs, opr, e1, e2);
      break;
    default:
      break;
  }
}

/* ---------------------------------------------------------------- tables */

static int ceillog2(unsigned int x) {
  int l = 0;
  x--;
  while (x >= 1) {
    l++;
    x >>= 1;
  }
  return l;
}

void pck_settablesize(pck_FuncState *fs, int pc, int ra, int asize, int hsize) {
  fmt_Instr *inst = &fs->f->code[pc];
  int rb = (hsize != 0) ? ceillog2((unsigned)hsize) + 1 : 0;
  int extra = asize / (FMT_MAXARG_C + 1);
  int rc = asize % (FMT_MAXARG_C + 1);
  int k = (extra > 0);
  *inst = CREATE_ABCk(OP_NEWTABLE, ra, rb, rc, k);
  *(inst + 1) = CREATE_Ax(OP_EXTRAARG, extra);
}

void pck_setlist(pck_FuncState *fs, int base, int nelems, int tostore) {
  if (tostore == PCK_MULTRET) tostore = 0;
  if (nelems <= FMT_MAXARG_C)
    pck_codeABC(fs, OP_SETLIST, base, tostore, nelems);
  else {
    int extra = nelems / (FMT_MAXARG_C + 1);
    nelems %= (FMT_MAXARG_C + 1);
    pck_codeABCk(fs, OP_SETLIST, base, tostore, nelems, 1);
    codeextraarg(fs, extra);
  }
  fs->freereg = base + 1;
}

/* ---------------------------------------------------------------- finish */

void pck_finish(pck_FuncState *fs) {
  fmt_Proto *p = fs->f;
  for (int i = 0; i < fs->pc; i++) {
    fmt_Instr *pc = &p->code[i];
    switch (GET_OPCODE(*pc)) {
      case OP_RETURN0: case OP_RETURN1:
        if (!(fs->needclose || p->is_vararg)) break;
        SET_OPCODE(*pc, OP_RETURN);
        /* fall through */
      case OP_RETURN: case OP_TAILCALL:
        if (fs->needclose) SETARG_k(*pc, 1);
        if (p->is_vararg) SETARG_C(*pc, p->numparams + 1);
        break;
      default:
        break;
    }
  }
}
