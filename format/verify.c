/*
** verify.c -- the bytecode verifier: static checks that make executing an
** image safe without runtime bounds checks. Module: format.
**
** Invariant established for a proto that passes (see docs/image-format.md):
** every operand is in range for its kind, every control transfer (fallthrough,
** skip, jump, loop) lands inside the code on an instruction that may begin
** execution, and the Lua 5.4 pairing rules the executor relies on hold
** (test+JMP, arith+MMBIN*, owner+EXTRAARG, FORPREP/FORLOOP, TFORPREP/TFORCALL/
** TFORLOOP, open-result producer+consumer). Checks are local to each pc, so
** the verifier needs no memory; recursion over children is bounded by
** FMT_MAX_NESTING.
*/
#include "format/image.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>

/* maxstacksize is a uint8_t, so it can never exceed FMT_MAXREGS. */
_Static_assert(FMT_MAXREGS == 255, "maxstacksize range");

typedef struct V {
  const fmt_Proto *p;
  const fmt_Proto *parent;   /* NULL for a chunk's main function */
  uint32_t pc;
  char *err;
  size_t errlen;
} V;

/* Records a failure at the current pc; returns 0. */
static int bad(V *v, const char *fmt, ...) {
  if (v->err != NULL && v->errlen > 0) {
    char msg[160];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const fmt_Proto *p = v->p;
    const char *what = p->linedefined == 0 ? "main function" : "function";
    if (v->pc < p->ncode)
      snprintf(v->err, v->errlen, "bad bytecode in %s defined at line %u, pc %u (%s): %s", what,
               p->linedefined, v->pc, GET_OPCODE(p->code[v->pc]) < FMT_NUM_OPCODES
               ? fmt_opinfo[GET_OPCODE(p->code[v->pc])].name : "?", msg);
    else
      snprintf(v->err, v->errlen, "bad bytecode in %s defined at line %u: %s", what,
               p->linedefined, msg);
  }
  return 0;
}

static fmt_OpCode op_at(const fmt_Proto *p, int64_t pc) {
  return (pc >= 0 && pc < (int64_t)p->ncode) ? GET_OPCODE(p->code[pc]) : FMT_NUM_OPCODES;
}

static int reg(V *v, int64_t r, const char *what) {
  if (r < 0 || r >= v->p->maxstacksize)
    return bad(v, "%s%sregister %lld out of range (maxstacksize %u)", what, *what ? " " : "",
               (long long)r, v->p->maxstacksize);
  return 1;
}

static int kidx(V *v, int64_t k) {
  if (k < 0 || k >= (int64_t)v->p->nk)
    return bad(v, "constant %lld out of range (%u constants)", (long long)k, v->p->nk);
  return 1;
}

static int kstr(V *v, int64_t k) {
  if (!kidx(v, k)) return 0;
  if (v->p->k[k].kind != FMT_K_STR) return bad(v, "constant %lld is not a string", (long long)k);
  return 1;
}

/* An OPK_KS operand: a short string (the executor's field lookups rely on it). */
static int kshortstr(V *v, int64_t k) {
  if (!kstr(v, k)) return 0;
  if (v->p->k[k].u.s.len > FMT_MAXSHORTLEN)
    return bad(v, "constant %lld is a string of %llu bytes, longer than a field name's %d", (long long)k,
               (unsigned long long)v->p->k[k].u.s.len, FMT_MAXSHORTLEN);
  return 1;
}

static int knum(V *v, int64_t k) {
  if (!kidx(v, k)) return 0;
  uint8_t kind = v->p->k[k].kind;
  if (kind != FMT_K_INT && kind != FMT_K_FLT) return bad(v, "constant %lld is not a number", (long long)k);
  return 1;
}

/* An integer constant, or a float with an exact int64 value (Lua's tointeger). */
static int kint(V *v, int64_t k) {
  if (!knum(v, k)) return 0;
  const fmt_Const *c = &v->p->k[k];
  if (c->kind == FMT_K_FLT) {
    double n = c->u.n;
    if (!(n >= -9223372036854775808.0 && n < 9223372036854775808.0) || floor(n) != n)
      return bad(v, "constant %lld has no integer representation", (long long)k);
  }
  return 1;
}

/* Instructions that may only be entered by falling through from a specific
** predecessor, never by a jump or skip. */
static int fallthrough_only(const fmt_Proto *p, int64_t t) {
  fmt_Instr i = p->code[t];
  switch (GET_OPCODE(i)) {
    case OP_EXTRAARG: case OP_MMBIN: case OP_MMBINI: case OP_MMBINK: case OP_VARARGPREP:
      return 1;
    case OP_CALL: case OP_TAILCALL: case OP_SETLIST: return GETARG_B(i) == 0;
    case OP_RETURN: return GETARG_B(i) == 0;
    default: return 0;
  }
}

/* A control transfer (jump, skip or loop edge) from the current pc to [t]. */
static int target(V *v, int64_t t, const char *what) {
  if (t < 0 || t >= (int64_t)v->p->ncode)
    return bad(v, "%s target %lld outside the code (0..%u)", what, (long long)t, v->p->ncode - 1);
  if (fallthrough_only(v->p, t))
    return bad(v, "%s target %lld is a %s, which cannot be jumped to", what, (long long)t,
               fmt_opinfo[GET_OPCODE(v->p->code[t])].name);
  return 1;
}

/* Checks an operand of [kind] with value [x] (k: the instruction's k bit). */
static int operand(V *v, uint8_t kind, int64_t x, int k) {
  switch (kind) {
    case OPK_R: return reg(v, x, "");
    case OPK_K: return kidx(v, x);
    case OPK_KS: return kshortstr(v, x);
    case OPK_U:
      if (x >= (int64_t)v->p->nupvals)
        return bad(v, "upvalue %lld out of range (%u upvalues)", (long long)x, v->p->nupvals);
      return 1;
    case OPK_RK: return k ? kidx(v, x) : reg(v, x, "");
    case OPK_P:
      if (x >= (int64_t)v->p->np)
        return bad(v, "prototype %lld out of range (%u prototypes)", (long long)x, v->p->np);
      return 1;
    default: return 1;  /* OPK_N, OPK_I, OPK_J: checked per opcode */
  }
}

/* Operand checks driven by fmt_opinfo. */
static int generic_operands(V *v, fmt_Instr i) {
  const fmt_OpInfo *oi = &fmt_opinfo[GET_OPCODE(i)];
  switch (oi->format) {
    case iABC:
      return operand(v, oi->a, GETARG_A(i), 0) && operand(v, oi->b, GETARG_B(i), 0) &&
             operand(v, oi->c, GETARG_C(i), GETARG_k(i));
    case iABx: case iAsBx:
      return operand(v, oi->a, GETARG_A(i), 0) && operand(v, oi->b, GETARG_Bx(i), 0);
    default: return 1;  /* iAx, isJ: the A column is Ax/sJ, checked per opcode */
  }
}

/* Checks that the instruction at pc+1 exists and is [op] (with the same A when
** [same_a]). */
static int next_is(V *v, fmt_OpCode op, int same_a) {
  const fmt_Proto *p = v->p;
  int64_t n = (int64_t)v->pc + 1;
  if (op_at(p, n) != op || (same_a && GETARG_A(p->code[n]) != GETARG_A(p->code[v->pc])))
    return bad(v, "must be followed by %s%s", fmt_opinfo[op].name, same_a ? " on the same register" : "");
  return 1;
}

/* Open-result producers (set the stack top for the next instruction). */
static int is_open_producer(const fmt_Proto *p, int64_t pc) {
  fmt_OpCode op = op_at(p, pc);
  if (op == OP_CALL || op == OP_VARARG) return GETARG_C(p->code[pc]) == 0;
  return 0;
}

static int is_open_consumer(const fmt_Proto *p, int64_t pc) {
  fmt_OpCode op = op_at(p, pc);
  if (op == OP_CALL || op == OP_TAILCALL || op == OP_SETLIST || op == OP_RETURN)
    return GETARG_B(p->code[pc]) == 0;
  return 0;
}

/* An instruction with B == 0 uses the stack top left by the one before it,
** whose results start at or above its own first register (strictly above for
** CALL/TAILCALL/SETLIST, whose open values start at A+1), so the count of
** values up to the top is never negative. */
static int open_consumer(V *v) {
  const fmt_Proto *p = v->p;
  int64_t prev = (int64_t)v->pc - 1;
  int is_ret = GET_OPCODE(p->code[v->pc]) == OP_RETURN;
  if (!is_open_producer(p, prev) && !(is_ret && op_at(p, prev) == OP_TAILCALL))
    return bad(v, "B == 0 (results up to top) must follow a CALL or VARARG with C == 0");
  int a = GETARG_A(p->code[v->pc]), pa = GETARG_A(p->code[prev]);
  if (is_ret ? a > pa : a >= pa)
    return bad(v, "open results start at register %d, below this instruction's values", pa);
  return 1;
}

/* C of RETURN/TAILCALL: numparams + 1 in a vararg function, else 0 (Lua 5.4). */
static int vararg_c(V *v, int c) {
  int want = v->p->is_vararg ? v->p->numparams + 1 : 0;
  if (c != want) return bad(v, "C is %d, must be %d", c, want);
  return 1;
}

static int arith_class(fmt_OpCode op) {
  if (op >= OP_ADD && op <= OP_SHR) return 1;          /* MMBIN */
  if (op == OP_ADDI || op == OP_SHRI || op == OP_SHLI) return 2;  /* MMBINI */
  if (op >= OP_ADDK && op <= OP_BXORK) return 3;       /* MMBINK */
  return 0;
}

/* Checks a loop edge from the current pc to [t] and that [t]-1 is [op] on
** the same register (FORPREP/TFORPREP opening the loop). */
static int loop_back(V *v, int64_t t, fmt_OpCode op) {
  const fmt_Proto *p = v->p;
  if (op_at(p, t - 1) != op || GETARG_A(p->code[t - 1]) != GETARG_A(p->code[v->pc]))
    return bad(v, "loop does not start after a matching %s", fmt_opinfo[op].name);
  return target(v, t, "loop");
}

/* Opcode-specific checks for the instruction at v->pc. */
static int check_instr(V *v) {
  const fmt_Proto *p = v->p;
  uint32_t pc = v->pc;
  fmt_Instr i = p->code[pc];
  fmt_OpCode op = GET_OPCODE(i);
  int64_t a = GETARG_A(i), b = GETARG_B(i), c = GETARG_C(i), bx = GETARG_Bx(i);
  int64_t next = (int64_t)pc + 1;
  if (op >= FMT_NUM_OPCODES) return bad(v, "unknown opcode %d", (int)op);
  if (fmt_opinfo[op].flags & OPF_QUICK)
    return bad(v, "opcode %s is the runtime's own, not an image's", fmt_opinfo[op].name);
  if (op != OP_RETURN && !generic_operands(v, i)) return 0;
  /* Every instruction but these falls through (or skips) to pc+1. */
  if (op != OP_RETURN && op != OP_RETURN0 && op != OP_RETURN1 && op != OP_JMP &&
      next >= (int64_t)p->ncode)
    return bad(v, "control falls off the end of the function");
  if (fmt_opinfo[op].flags & OPF_TEST)
    return next_is(v, OP_JMP, 0) && target(v, next + 1, "skip");
  if (fmt_opinfo[op].flags & OPF_MM) {
    static const fmt_OpCode mm[4] = {OP_MMBIN, OP_MMBIN, OP_MMBINI, OP_MMBINK};
    if (!next_is(v, mm[arith_class(op)], 0) || !target(v, next + 1, "skip")) return 0;
    if (op >= OP_ADDK && op <= OP_IDIVK) return knum(v, c);
    if (op >= OP_BANDK && op <= OP_BXORK) return kint(v, c);
    return 1;
  }
  switch (op) {
    case OP_LOADKX:
      if (!next_is(v, OP_EXTRAARG, 0)) return 0;
      return kidx(v, GETARG_Ax(p->code[next])) && target(v, next + 1, "skip");
    case OP_LFALSESKIP: return target(v, next + 1, "skip");
    case OP_LOADNIL: return reg(v, a + b, "last");
    case OP_NEWTABLE:
      if (b > 31) return bad(v, "hash size exponent %lld too large", (long long)b);
      if (!next_is(v, OP_EXTRAARG, 0)) return 0;
      if (!GETARG_k(i) && GETARG_Ax(p->code[next]) != 0) return bad(v, "EXTRAARG must be 0 when k is 0");
      return target(v, next + 1, "skip");
    case OP_SELF: return reg(v, a + 1, "self") && (!GETARG_k(i) || kstr(v, c));
    case OP_MMBIN: case OP_MMBINI: case OP_MMBINK: {
      int want = op == OP_MMBIN ? 1 : op == OP_MMBINI ? 2 : 3;
      if (pc == 0 || arith_class(GET_OPCODE(p->code[pc - 1])) != want)
        return bad(v, "must follow the arithmetic instruction it backs");
      if (c >= FMT_TM_NUM_BIN) return bad(v, "metamethod event %lld out of range", (long long)c);
      return op != OP_MMBINK || knum(v, b);
    }
    case OP_CONCAT:
      if (b < 2) return bad(v, "concatenates %lld values (at least 2)", (long long)b);
      return reg(v, a + b - 1, "last");
    case OP_JMP: return target(v, next + GETARG_sJ(i), "jump");
    case OP_CALL:
      if (b == 0 ? !open_consumer(v) : !reg(v, a + b - 1, "last argument")) return 0;
      if (c >= 2 && !reg(v, a + c - 2, "last result")) return 0;
      if (c == 0 && !is_open_consumer(p, next)) return bad(v, "C == 0 must be followed by an instruction with B == 0");
      return 1;
    case OP_TAILCALL:
      if (b == 0 ? !open_consumer(v) : !reg(v, a + b - 1, "last argument")) return 0;
      return vararg_c(v, (int)c) && next_is(v, OP_RETURN, 0);
    case OP_RETURN:
      if (a > p->maxstacksize || (b >= 2 && !reg(v, a + b - 2, "last returned")))
        return bad(v, "returned registers out of range (maxstacksize %u)", p->maxstacksize);
      if (b == 0 && !open_consumer(v)) return 0;
      return vararg_c(v, (int)c);
    case OP_RETURN0: case OP_RETURN1:
      if (p->is_vararg) return bad(v, "vararg functions must return with RETURN");
      return 1;
    case OP_FORPREP: {
      int64_t e = next + bx;
      if (!reg(v, a + 3, "loop control")) return 0;
      if (op_at(p, e) != OP_FORLOOP || GETARG_A(p->code[e]) != a || e + 1 - GETARG_Bx(p->code[e]) != next)
        return bad(v, "target %lld is not the matching FORLOOP", (long long)e);
      return target(v, e + 1, "loop exit");
    }
    case OP_FORLOOP:
      if (!reg(v, a + 3, "loop control") || !loop_back(v, next - bx, OP_FORPREP)) return 0;
      if (next - bx + GETARG_Bx(p->code[next - bx - 1]) != (int64_t)pc)
        return bad(v, "its FORPREP does not exit past this FORLOOP");
      return 1;
    case OP_TFORPREP: {
      int64_t t = next + bx;
      if (!reg(v, a + 3, "loop control")) return 0;
      if (op_at(p, t) != OP_TFORCALL || GETARG_A(p->code[t]) != a)
        return bad(v, "target %lld is not a matching TFORCALL", (long long)t);
      if (op_at(p, t + 1) != OP_TFORLOOP || t + 2 - GETARG_Bx(p->code[t + 1]) != next)
        return bad(v, "TFORCALL at %lld is not followed by a TFORLOOP back to %lld", (long long)t,
                   (long long)next);
      return target(v, t, "loop");
    }
    case OP_TFORCALL:
      if (c < 1) return bad(v, "generic for needs at least one variable");
      return reg(v, a + 3 + c, "last result") && reg(v, a + 6, "call") && next_is(v, OP_TFORLOOP, 1);
    case OP_TFORLOOP: {
      int64_t t = next - bx;
      if (!reg(v, a + 4, "loop control") || !loop_back(v, t, OP_TFORPREP)) return 0;
      if (t + GETARG_Bx(p->code[t - 1]) != (int64_t)pc - 1 || op_at(p, (int64_t)pc - 1) != OP_TFORCALL)
        return bad(v, "not preceded by the TFORCALL its TFORPREP jumps to");
      return 1;
    }
    case OP_SETLIST:
      if (b == 0 ? !open_consumer(v) : !reg(v, a + b, "last item")) return 0;
      if (GETARG_k(i)) return next_is(v, OP_EXTRAARG, 0) && target(v, next + 1, "skip");
      return 1;
    case OP_VARARG:
      if (!p->is_vararg) return bad(v, "VARARG in a function that is not vararg");
      if (c >= 2 && !reg(v, a + c - 2, "last result")) return 0;
      if (c == 0 && !is_open_consumer(p, next)) return bad(v, "C == 0 must be followed by an instruction with B == 0");
      return 1;
    case OP_VARARGPREP:
      if (!p->is_vararg || pc != 0 || a != p->numparams)
        return bad(v, "VARARGPREP must be the first instruction of a vararg function, with A = numparams");
      return 1;
    case OP_EXTRAARG: {
      fmt_OpCode prev = op_at(p, (int64_t)pc - 1);
      if (prev == OP_LOADKX || prev == OP_NEWTABLE || (prev == OP_SETLIST && GETARG_k(p->code[pc - 1])))
        return 1;
      return bad(v, "EXTRAARG does not follow LOADKX, NEWTABLE or SETLIST with k");
    }
    default: return 1;
  }
}

static int verify_proto(V *v, int depth);

/* Checks the function-level fields and debug arrays of v->p. */
static int check_header(V *v) {
  const fmt_Proto *p = v->p;
  v->pc = UINT32_MAX;
  if (p->numparams > p->maxstacksize)
    return bad(v, "%u parameters but maxstacksize %u", p->numparams, p->maxstacksize);
  if (p->is_vararg > 1) return bad(v, "vararg flag %u", p->is_vararg);
  if (p->ncode == 0 || p->code == NULL) return bad(v, "no code");
  if (p->is_vararg && GET_OPCODE(p->code[0]) != OP_VARARGPREP)
    return bad(v, "vararg function does not start with VARARGPREP");
  if ((p->nk && !p->k) || (p->nupvals && !p->upvals) || (p->np && !p->p) ||
      (p->nlines && !p->lines) || (p->nlocvars && !p->locvars))
    return bad(v, "array missing");
  for (uint32_t j = 0; j < p->nk; j++) {
    if (p->k[j].kind > FMT_K_STR) return bad(v, "constant %u has unknown kind %u", j, p->k[j].kind);
    if (p->k[j].kind == FMT_K_STR && p->k[j].u.s.s == NULL) return bad(v, "constant %u has no bytes", j);
  }
  for (uint32_t j = 0; j < p->nupvals; j++) {
    const fmt_Upval *u = &p->upvals[j];
    if (u->instack > 1 || u->kind > 3) return bad(v, "upvalue %u has a bad descriptor", j);
    if (v->parent != NULL && u->idx >= (u->instack ? v->parent->maxstacksize : v->parent->nupvals))
      return bad(v, "upvalue %u captures %s %u, out of range in the enclosing function", j,
                 u->instack ? "register" : "upvalue", u->idx);
  }
  if (p->nlines != 0 && p->nlines != p->ncode)
    return bad(v, "%u line entries for %u instructions", p->nlines, p->ncode);
  for (uint32_t j = 0; j < p->nlocvars; j++)
    if (p->locvars[j].startpc > p->locvars[j].endpc || p->locvars[j].endpc > p->ncode)
      return bad(v, "local variable %u has a bad pc range", j);
  return 1;
}

static int verify_proto(V *v, int depth) {
  const fmt_Proto *p = v->p;
  if (depth > FMT_MAX_NESTING) return bad(v, "functions nested more than %d deep", FMT_MAX_NESTING);
  if (!check_header(v)) return 0;
  for (v->pc = 0; v->pc < p->ncode; v->pc++)
    if (!check_instr(v)) return 0;
  for (uint32_t j = 0; j < p->np; j++) {
    v->pc = UINT32_MAX;
    if (p->p[j] == NULL) return bad(v, "child prototype %u missing", j);
    V cv = {p->p[j], p, 0, v->err, v->errlen};
    if (!verify_proto(&cv, depth + 1)) return 0;
  }
  return 1;
}

fmt_Status fmt_verify(const fmt_Proto *p, char *err, size_t errlen) {
  V v = {p, NULL, 0, err, errlen};
  if (p == NULL) {
    if (err != NULL && errlen > 0) snprintf(err, errlen, "bad bytecode: missing function");
    return FMT_EVERIFY;
  }
  return verify_proto(&v, 1) ? FMT_OK : FMT_EVERIFY;
}

fmt_Status fmt_verify_chunk(const fmt_Proto *main, char *err, size_t errlen) {
  V v = {main, NULL, UINT32_MAX, err, errlen};
  if (main == NULL) return fmt_verify(main, err, errlen);
  /* linedefined > 0: a function dumped by string.dump, any signature */
  if (main->linedefined == 0 && main->numparams != 0) return bad(&v, "main function has parameters"), FMT_EVERIFY;
  if (main->linedefined == 0 && main->nupvals > 1) return bad(&v, "main function has more than one upvalue"), FMT_EVERIFY;
  return fmt_verify(main, err, errlen);
}
