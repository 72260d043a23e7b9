/*
** listing.c -- luac-style listing of prototypes (see listing.h). Jump
** targets and constants are resolved in comments; no addresses are printed
** so listings are reproducible (functions are numbered instead).
** Module: pcd (compiler disassembler).
*/
#include "compiler/listing.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static const char *const eventnames[FMT_TM_NUM_BIN] = {
  "__add", "__sub", "__mul", "__mod", "__pow", "__div", "__idiv",
  "__band", "__bor", "__bxor", "__shl", "__shr"
};

static void print_string(FILE *out, const fmt_Str *s) {
  fputc('"', out);
  for (uint32_t i = 0; i < s->len; i++) {
    int c = (unsigned char)s->s[i];
    switch (c) {
      case '"': fputs("\\\"", out); break;
      case '\\': fputs("\\\\", out); break;
      case '\a': fputs("\\a", out); break;
      case '\b': fputs("\\b", out); break;
      case '\f': fputs("\\f", out); break;
      case '\n': fputs("\\n", out); break;
      case '\r': fputs("\\r", out); break;
      case '\t': fputs("\\t", out); break;
      case '\v': fputs("\\v", out); break;
      default:
        if (c >= 32 && c < 127) fputc(c, out);
        else fprintf(out, "\\%03d", c);
    }
  }
  fputc('"', out);
}

static void print_const(FILE *out, const fmt_Proto *f, int i) {
  if (i < 0 || (uint32_t)i >= f->nk) {
    fputs("?", out);
    return;
  }
  const fmt_Const *k = &f->k[i];
  switch (k->kind) {
    case FMT_K_NIL: fputs("nil", out); break;
    case FMT_K_FALSE: fputs("false", out); break;
    case FMT_K_TRUE: fputs("true", out); break;
    case FMT_K_INT: fprintf(out, "%" PRId64, k->u.i); break;
    case FMT_K_FLT: {
      char buff[100];
      snprintf(buff, sizeof buff, "%.14g", k->u.n);
      fputs(buff, out);
      if (buff[strspn(buff, "-0123456789")] == '\0') fputs(".0", out);
      break;
    }
    case FMT_K_STR: print_string(out, &k->u.s); break;
    default: fputs("?", out); break;
  }
}

static const char *upvalname(const fmt_Proto *f, int x) {
  if (x < 0 || (uint32_t)x >= f->nupvals || f->upvals[x].name.len == 0) return "-";
  return f->upvals[x].name.s;
}

static const char *sourcename(const fmt_Proto *f) {
  const char *s = f->source.len ? f->source.s : "=?";
  if (*s == '@' || *s == '=') s++;
  else s = "(string)";
  return s;
}

#define S(x) (int)(x), ((x) == 1 ? "" : "s")

static void print_header(FILE *out, const fmt_Proto *f, int id) {
  fprintf(out, "\n%s <%s:%u,%u> (%u instruction%s) #%d\n",
          f->linedefined == 0 ? "main" : "function", sourcename(f),
          f->linedefined, f->lastlinedefined, f->ncode,
          f->ncode == 1 ? "" : "s", id);
  fprintf(out, "%d%s param%s, %d slot%s, %d upvalue%s, ", (int)f->numparams,
          f->is_vararg ? "+" : "", f->numparams == 1 ? "" : "s",
          S(f->maxstacksize), S(f->nupvals));
  fprintf(out, "%d local%s, %d constant%s, %d function%s\n", S(f->nlocvars),
          S(f->nk), S(f->np));
}

#define COMMENT "\t; "

static void print_code(FILE *out, const fmt_Proto *f, const int *ids) {
  for (uint32_t pc = 0; pc < f->ncode; pc++) {
    fmt_Instr i = f->code[pc];
    int o = GET_OPCODE(i);
    int a = GETARG_A(i), b = GETARG_B(i), c = GETARG_C(i);
    int ax = GETARG_Ax(i), bx = GETARG_Bx(i);
    int sb = GETARG_sB(i), sc = GETARG_sC(i), sbx = GETARG_sBx(i);
    int isk = GETARG_k(i);
    const char *kk = isk ? "k" : "";
    int extra = (pc + 1 < f->ncode) ? GETARG_Ax(f->code[pc + 1]) : 0;
    fprintf(out, "\t%u\t", pc + 1);
    if (f->nlines && f->lines[pc] > 0) fprintf(out, "[%u]\t", f->lines[pc]);
    else fputs("[-]\t", out);
    fprintf(out, "%-9s\t", o < FMT_NUM_OPCODES ? fmt_opinfo[o].name : "?");
    switch (o) {
      case OP_MOVE: fprintf(out, "%d %d", a, b); break;
      case OP_LOADI: case OP_LOADF: fprintf(out, "%d %d", a, sbx); break;
      case OP_LOADK:
        fprintf(out, "%d %d" COMMENT, a, bx);
        print_const(out, f, bx);
        break;
      case OP_LOADKX:
        fprintf(out, "%d" COMMENT, a);
        print_const(out, f, extra);
        break;
      case OP_LOADFALSE: case OP_LFALSESKIP: case OP_LOADTRUE:
      case OP_CLOSE: case OP_TBC: case OP_RETURN1: case OP_VARARGPREP:
        fprintf(out, "%d", a);
        break;
      case OP_LOADNIL: fprintf(out, "%d %d" COMMENT "%d out", a, b, b + 1); break;
      case OP_GETUPVAL: case OP_SETUPVAL:
        fprintf(out, "%d %d" COMMENT "%s%s", a, b, upvalname(f, b),
                isk ? " (self: the running closure)" : "");
        break;
      case OP_GETTABUP:
        fprintf(out, "%d %d %d" COMMENT "%s ", a, b, c, upvalname(f, b));
        print_const(out, f, c);
        break;
      case OP_GETTABUPR:
        fprintf(out, "%d %d %d" COMMENT "%s", a, b, c, upvalname(f, b));
        break;
      case OP_SETTABUPR:
        fprintf(out, "%d %d %d%s" COMMENT "%s", a, b, c, kk, upvalname(f, a));
        if (isk) {
          fputc(' ', out);
          print_const(out, f, c);
        }
        break;
      case OP_GETTABLE: case OP_GETI:
      case OP_ADD: case OP_SUB: case OP_MUL: case OP_MOD: case OP_POW:
      case OP_DIV: case OP_IDIV: case OP_BAND: case OP_BOR: case OP_BXOR:
      case OP_SHL: case OP_SHR:
        fprintf(out, "%d %d %d", a, b, c);
        break;
      case OP_GETFIELD:
      case OP_ADDK: case OP_SUBK: case OP_MULK: case OP_MODK: case OP_POWK:
      case OP_DIVK: case OP_IDIVK: case OP_BANDK: case OP_BORK: case OP_BXORK:
        fprintf(out, "%d %d %d" COMMENT, a, b, c);
        print_const(out, f, c);
        break;
      case OP_SETTABUP:
        fprintf(out, "%d %d %d%s" COMMENT "%s ", a, b, c, kk, upvalname(f, a));
        print_const(out, f, b);
        if (isk) {
          fputc(' ', out);
          print_const(out, f, c);
        }
        break;
      case OP_SETTABLE: case OP_SETI: case OP_SELF:
        fprintf(out, "%d %d %d%s", a, b, c, kk);
        if (isk) {
          fputs(COMMENT, out);
          print_const(out, f, c);
        }
        break;
      case OP_SETFIELD:
        fprintf(out, "%d %d %d%s" COMMENT, a, b, c, kk);
        print_const(out, f, b);
        if (isk) {
          fputc(' ', out);
          print_const(out, f, c);
        }
        break;
      case OP_NEWTABLE:
        fprintf(out, "%d %d %d" COMMENT "%d", a, b, c, c + extra * (FMT_MAXARG_C + 1));
        break;
      case OP_ADDI: case OP_SHRI: case OP_SHLI:
        fprintf(out, "%d %d %d", a, b, sc);
        break;
      case OP_MMBIN:
        fprintf(out, "%d %d %d" COMMENT "%s", a, b, c,
                c < FMT_TM_NUM_BIN ? eventnames[c] : "?");
        break;
      case OP_MMBINI:
        fprintf(out, "%d %d %d %d" COMMENT "%s", a, sb, c, isk,
                c < FMT_TM_NUM_BIN ? eventnames[c] : "?");
        if (isk) fputs(" flip", out);
        break;
      case OP_MMBINK:
        fprintf(out, "%d %d %d %d" COMMENT "%s ", a, b, c, isk,
                c < FMT_TM_NUM_BIN ? eventnames[c] : "?");
        print_const(out, f, b);
        if (isk) fputs(" flip", out);
        break;
      case OP_UNM: case OP_BNOT: case OP_NOT: case OP_LEN: case OP_CONCAT:
        fprintf(out, "%d %d", a, b);
        break;
      case OP_JMP:
        fprintf(out, "%d" COMMENT "to %d", GETARG_sJ(i), GETARG_sJ(i) + (int)pc + 2);
        break;
      case OP_EQ: case OP_LT: case OP_LE:
        fprintf(out, "%d %d %d", a, b, isk);
        break;
      case OP_EQK:
        fprintf(out, "%d %d %d" COMMENT, a, b, isk);
        print_const(out, f, b);
        break;
      case OP_EQI: case OP_LTI: case OP_LEI: case OP_GTI: case OP_GEI:
        fprintf(out, "%d %d %d", a, sb, isk);
        break;
      case OP_TEST: fprintf(out, "%d %d", a, isk); break;
      case OP_TESTSET: fprintf(out, "%d %d %d", a, b, isk); break;
      case OP_CALL:
        fprintf(out, "%d %d %d" COMMENT, a, b, c);
        if (b == 0) fputs("all in ", out);
        else fprintf(out, "%d in ", b - 1);
        if (c == 0) fputs("all out", out);
        else fprintf(out, "%d out", c - 1);
        break;
      case OP_TAILCALL:
        fprintf(out, "%d %d %d%s" COMMENT "%d in", a, b, c, kk, b - 1);
        break;
      case OP_RETURN:
        fprintf(out, "%d %d %d%s" COMMENT, a, b, c, kk);
        if (b == 0) fputs("all out", out);
        else fprintf(out, "%d out", b - 1);
        break;
      case OP_RETURN0: break;
      case OP_FORLOOP: case OP_TFORLOOP:
        fprintf(out, "%d %d" COMMENT "to %d", a, bx, (int)pc - bx + 2);
        break;
      case OP_FORPREP:
        fprintf(out, "%d %d" COMMENT "exit to %d", a, bx, (int)pc + bx + 3);
        break;
      case OP_TFORPREP:
        fprintf(out, "%d %d" COMMENT "to %d", a, bx, (int)pc + bx + 2);
        break;
      case OP_TFORCALL: fprintf(out, "%d %d", a, c); break;
      case OP_SETLIST:
        fprintf(out, "%d %d %d", a, b, c);
        if (isk) fprintf(out, COMMENT "%d", c + extra * (FMT_MAXARG_C + 1));
        break;
      case OP_CLOSURE:
        fprintf(out, "%d %d" COMMENT "#%d", a, bx,
                (ids && (uint32_t)bx < f->np) ? ids[bx] : -1);
        break;
      case OP_VARARG:
        fprintf(out, "%d %d" COMMENT, a, c);
        if (c == 0) fputs("all out", out);
        else fprintf(out, "%d out", c - 1);
        break;
      case OP_EXTRAARG: fprintf(out, "%d", ax); break;
      default: break;
    }
    fputc('\n', out);
  }
}

static void print_debug(FILE *out, const fmt_Proto *f) {
  fprintf(out, "constants (%u):\n", f->nk);
  for (uint32_t i = 0; i < f->nk; i++) {
    static const char *const types[] = {"N", "B", "B", "I", "F", "S"};
    fprintf(out, "\t%u\t%s\t", i, f->k[i].kind <= FMT_K_STR ? types[f->k[i].kind] : "?");
    print_const(out, f, (int)i);
    fputc('\n', out);
  }
  fprintf(out, "locals (%u):\n", f->nlocvars);
  for (uint32_t i = 0; i < f->nlocvars; i++)
    fprintf(out, "\t%u\t%s\t%u\t%u\n", i, f->locvars[i].name.s,
            f->locvars[i].startpc + 1, f->locvars[i].endpc + 1);
  fprintf(out, "upvalues (%u):\n", f->nupvals);
  for (uint32_t i = 0; i < f->nupvals; i++)
    fprintf(out, "\t%u\t%s\t%d\t%d\n", i, upvalname(f, (int)i),
            f->upvals[i].instack, f->upvals[i].idx);
}

static int count_protos(const fmt_Proto *f) {
  int n = 1;
  for (uint32_t i = 0; i < f->np; i++) n += count_protos(f->p[i]);
  return n;
}

/* Prints [f] as function number [id] (pre-order numbering), then its
** children; child k is numbered id + 1 + sizes of children 0..k-1. */
static void print_rec(FILE *out, const fmt_Proto *f, int full, int id) {
  int *ids = malloc((f->np ? f->np : 1) * sizeof(int));
  int next = id + 1;
  for (uint32_t i = 0; i < f->np; i++) {
    if (ids) ids[i] = next;
    next += count_protos(f->p[i]);
  }
  print_header(out, f, id);
  print_code(out, f, ids);
  if (full) print_debug(out, f);
  for (uint32_t i = 0; i < f->np; i++)
    print_rec(out, f->p[i], full, ids ? ids[i] : -1);
  free(ids);
}

void pcd_print_function(FILE *out, const fmt_Proto *f, int full) {
  print_rec(out, f, full, 0);
}
