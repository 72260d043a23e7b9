/*
** opt.c -- jump threading, jump-to-return copying and dead code removal
** (unreachable code, jumps to the next instruction) (see opt.h).
** Module: pco (compiler optimizer).
**
** Invariant kept: a test instruction (OPF_TEST) is always followed by its
** JMP, and a FORPREP/TFORPREP keeps its FORLOOP/TFORCALL partner, since the
** VM locates those by position.
*/
#include "compiler/opt.h"

#include <string.h>

static int is_test(fmt_Instr i) {
  int o = GET_OPCODE(i);
  return o < FMT_NUM_OPCODES && (fmt_opinfo[o].flags & OPF_TEST);
}

/* Follows a chain of JMPs from [i] (at most 100 hops, so loops end). */
static int finaltarget(const fmt_Instr *code, int i) {
  for (int count = 0; count < 100; count++) {
    fmt_Instr pc = code[i];
    if (GET_OPCODE(pc) != OP_JMP) break;
    i += GETARG_sJ(pc) + 1;
  }
  return i;
}

static void thread_jumps(fmt_Proto *f) {
  for (uint32_t i = 0; i < f->ncode; i++) {
    if (GET_OPCODE(f->code[i]) == OP_JMP) {
      int target = finaltarget(f->code, (int)i);
      SETARG_sJ(f->code[i], target - ((int)i + 1));
    }
  }
}

static void copy_returns(fmt_Proto *f) {
  for (uint32_t i = 0; i < f->ncode; i++) {
    fmt_Instr ins = f->code[i];
    if (GET_OPCODE(ins) != OP_JMP) continue;
    if (i > 0 && is_test(f->code[i - 1])) continue; /* conditional jump */
    int t = (int)i + 1 + GETARG_sJ(ins);
    fmt_Instr r = f->code[t];
    int o = GET_OPCODE(r);
    if (o == OP_RETURN0 || o == OP_RETURN1 || (o == OP_RETURN && GETARG_B(r) != 0)) {
      f->code[i] = r;
      if (f->nlines) f->lines[i] = f->lines[t];
    }
  }
}

/* Marks every instruction reachable from pc 0 in reach[]. */
static void mark_reachable(const fmt_Proto *f, uint8_t *reach, int *stack) {
  int n = (int)f->ncode, sp = 0;
  stack[sp++] = 0;
  reach[0] = 1;
#define PUSH(x) do { int x_ = (x); \
    if (x_ >= 0 && x_ < n && !reach[x_]) { reach[x_] = 1; stack[sp++] = x_; } } while (0)
  while (sp > 0) {
    int pc = stack[--sp];
    fmt_Instr i = f->code[pc];
    switch (GET_OPCODE(i)) {
      case OP_JMP: PUSH(pc + 1 + GETARG_sJ(i)); break;
      case OP_RETURN: case OP_RETURN0: case OP_RETURN1: break;
      case OP_LFALSESKIP: /* keep the skipped instruction: the skip is positional */
        PUSH(pc + 1);
        PUSH(pc + 2);
        break;
      case OP_FORPREP:
        PUSH(pc + 1);
        PUSH(pc + 1 + GETARG_Bx(i));
        PUSH(pc + 2 + GETARG_Bx(i));
        break;
      case OP_TFORPREP: PUSH(pc + 1 + GETARG_Bx(i)); break;
      case OP_FORLOOP: case OP_TFORLOOP:
        PUSH(pc + 1);
        PUSH(pc + 1 - GETARG_Bx(i));
        break;
      default:
        if (is_test(i)) PUSH(pc + 2);
        PUSH(pc + 1);
        break;
    }
  }
#undef PUSH
}

static int remove_dead(fmt_Proto *f, pcm_Pool *pool) {
  int n = (int)f->ncode;
  uint8_t *reach = pcm_realloc(pool, NULL, (size_t)n);
  int *map = pcm_realloc(pool, NULL, ((size_t)n + 1) * sizeof(int));
  if (!reach || !map) {
    pcm_realloc(pool, reach, 0);
    pcm_realloc(pool, map, 0);
    return -1;
  }
  memset(reach, 0, (size_t)n);
  mark_reachable(f, reach, map); /* map doubles as the work stack */
  /* an unconditional jump to the next instruction is dropped too (jumps to
  ** it then land on that instruction); not a test's or LFALSESKIP's, which
  ** are positional */
  for (int i = 0; i < n; i++) {
    fmt_Instr ins = f->code[i];
    if (reach[i] && GET_OPCODE(ins) == OP_JMP && GETARG_sJ(ins) == 0 &&
        !(i > 0 && (is_test(f->code[i - 1]) || GET_OPCODE(f->code[i - 1]) == OP_LFALSESKIP)))
      reach[i] = 0;
  }
  int kept = 0;
  for (int i = 0; i < n; i++) kept += reach[i];
  if (kept < n) {
    /* map[i]: new pc of i, or of the next kept instruction */
    int np = kept;
    map[n] = np;
    for (int i = n - 1; i >= 0; i--) {
      if (reach[i]) np--;
      map[i] = np;
    }
    for (int i = 0; i < n; i++) {
      if (!reach[i]) continue;
      fmt_Instr ins = f->code[i];
      int ni = map[i];
      switch (GET_OPCODE(ins)) {
        case OP_JMP:
          SETARG_sJ(ins, map[i + 1 + GETARG_sJ(ins)] - (ni + 1));
          break;
        case OP_FORPREP: case OP_TFORPREP:
          SETARG_Bx(ins, map[i + 1 + GETARG_Bx(ins)] - (ni + 1));
          break;
        case OP_FORLOOP: case OP_TFORLOOP:
          SETARG_Bx(ins, (ni + 1) - map[i + 1 - GETARG_Bx(ins)]);
          break;
        default:
          break;
      }
      f->code[ni] = ins;
      if (f->nlines) f->lines[ni] = f->lines[i];
    }
    for (uint32_t v = 0; v < f->nlocvars; v++) {
      f->locvars[v].startpc = (uint32_t)map[f->locvars[v].startpc];
      f->locvars[v].endpc = (uint32_t)map[f->locvars[v].endpc];
    }
    f->ncode = (uint32_t)kept;
    if (f->nlines) f->nlines = (uint32_t)kept;
  }
  pcm_realloc(pool, reach, 0);
  pcm_realloc(pool, map, 0);
  return 0;
}

int pco_optimize(fmt_Proto *f, int level, pcm_Pool *pool) {
  int st = 0;
  if (level >= 1) thread_jumps(f);
  if (level >= 2) {
    copy_returns(f);
    /* twice: removing dead code can leave a jump to the next instruction */
    if (remove_dead(f, pool) != 0 || remove_dead(f, pool) != 0) st = -1;
  }
  for (uint32_t i = 0; i < f->np; i++)
    if (pco_optimize(f->p[i], level, pool) != 0) st = -1;
  return st;
}
