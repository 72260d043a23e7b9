/*
** verify_test.c -- Criterion tests of the bytecode verifier, one rule at a time.
** Module: format tests.
*/
#include <criterion/criterion.h>
#include <string.h>

#include "format/image.h"
#include "format/tests/testlib.h"

#define RET0 ABC(RETURN0, 0, 0, 0)

static TAlloc ta;
static fmt_Allocator A;
static char err[256];

static void setup(void) { A = ta_make(&ta); }

TestSuite(verify, .init = setup);

/* Constants: 0 "x", 1 7, 2 1.5, 3 2.0, 4 true, 5 "y", 6 a 40-byte and 7 a
** 41-byte string. One upvalue, one child (non-vararg, RETURN0). */
static fmt_Proto *mk(const fmt_Instr *code, uint32_t n, uint8_t ms, uint8_t vararg) {
  fmt_Proto *p = tp_proto(A, 0, vararg, ms, code, n);
  fmt_Const k[8];
  memset(k, 0, sizeof k);
  k[0].kind = FMT_K_STR; k[0].u.s.s = (char *)"x"; k[0].u.s.len = 1;
  k[1].kind = FMT_K_INT; k[1].u.i = 7;
  k[2].kind = FMT_K_FLT; k[2].u.n = 1.5;
  k[3].kind = FMT_K_FLT; k[3].u.n = 2.0;
  k[4].kind = FMT_K_TRUE;
  k[5].kind = FMT_K_STR; k[5].u.s.s = (char *)"y"; k[5].u.s.len = 1;
  static const char long41[] = "abcdefghijklmnopqrstuvwxyzabcdefghijklmno";
  k[6].kind = FMT_K_STR; k[6].u.s.s = (char *)long41; k[6].u.s.len = 40;
  k[7].kind = FMT_K_STR; k[7].u.s.s = (char *)long41; k[7].u.s.len = 41;
  tp_consts(A, p, k, 8);
  static const uint8_t up[][3] = {{1, 0, 0}};
  static const char *const names[] = {"_ENV"};
  tp_upvals(A, p, up, names, 1);
  static const fmt_Instr cc[] = {RET0};
  fmt_Proto *c = tp_proto(A, 0, 0, 2, cc, 1);
  tp_children(A, p, &c, 1);
  return p;
}

static void free_proto(fmt_Proto *p) {
  static const char *const nm[] = {""};
  fmt_image_free(tp_image(A, 1, nm, &p, 0), A);
}

/* Verifies [code] as a chunk main; [want] NULL means it must pass, else the
** message must contain it. */
static void check(const fmt_Instr *code, uint32_t n, uint8_t ms, uint8_t vararg, const char *want) {
  fmt_Proto *p = mk(code, n, ms, vararg);
  err[0] = '\0';
  fmt_Status st = fmt_verify_chunk(p, err, sizeof err);
  if (want == NULL) {
    cr_assert_eq(st, FMT_OK, "unexpected failure: %s", err);
  } else {
    cr_assert_eq(st, FMT_EVERIFY, "should fail with '%s'", want);
    cr_assert(strstr(err, want) != NULL, "message '%s' lacks '%s'", err, want);
  }
  free_proto(p);
}

#define OK(ms, va, ...) do { const fmt_Instr c_[] = {__VA_ARGS__}; check(c_, N(c_), ms, va, NULL); } while (0)
#define BAD(want, ms, va, ...) do { const fmt_Instr c_[] = {__VA_ARGS__}; check(c_, N(c_), ms, va, want); } while (0)

Test(verify, sample_image_passes) {
  fmt_Image *img = sample_image(A);
  for (uint32_t i = 0; i < img->nchunks; i++)
    cr_assert_eq(fmt_verify_chunk(img->chunks[i].main, err, sizeof err), FMT_OK, "%s", err);
  fmt_image_free(img, A);
}

Test(verify, opcodes_and_registers) {
  OK(2, 0, ABC(MOVE, 1, 0, 0), RET0);
  BAD("unknown opcode 127", 2, 0, 127, RET0);
  OK(3, 0, ABC(GETTABLE, 0, 1, 2), RET0);
  /* the executor's quickened twins (OPF_QUICK) are never in an image */
  BAD("GETTABLEN is the runtime's own", 3, 0, ABC(GETTABLEN, 0, 1, 2), RET0);
  BAD("SETTABLEN is the runtime's own", 3, 0, ABC(SETTABLEN, 0, 1, 2), RET0);
  BAD("GETTABUPRN is the runtime's own", 3, 0, ABC(GETTABUPRN, 0, 0, 2), RET0);
  BAD("SETTABUPRN is the runtime's own", 3, 0, ABC(SETTABUPRN, 0, 1, 2), RET0);
  BAD("register 2 out of range", 2, 0, ABC(MOVE, 2, 0, 0), RET0);
  BAD("register 5 out of range", 2, 0, ABC(MOVE, 0, 5, 0), RET0);
  BAD("pc 1 (MOVE)", 2, 0, RET0, ABC(MOVE, 0, 5, 0), RET0);
  OK(4, 0, ABC(LOADNIL, 1, 2, 0), RET0);
  BAD("last register 4", 4, 0, ABC(LOADNIL, 1, 3, 0), RET0);
  OK(3, 0, ABC(CONCAT, 0, 3, 0), RET0);
  BAD("last register 3", 3, 0, ABC(CONCAT, 1, 3, 0), RET0);
  BAD("at least 2", 3, 0, ABC(CONCAT, 1, 1, 0), RET0);
  BAD("self register 2", 2, 0, ABC(SELF, 1, 0, 0), RET0);
  OK(3, 0, ABCk(SELF, 1, 0, 0), RET0);
  BAD("not a string", 3, 0, ABCk(SELF, 1, 0, 1), RET0);
  OK(2, 0, ABCk(SETTABLE, 0, 1, 4), RET0);       /* RK: constant 4 */
  BAD("constant 8 out of range", 2, 0, ABCk(SETTABLE, 0, 1, 8), RET0);
  BAD("register 6 out of range", 2, 0, ABC(SETTABLE, 0, 1, 6), RET0);
}

Test(verify, constants_and_upvalues) {
  OK(2, 0, ABx(LOADK, 0, 5), RET0);
  BAD("constant 8 out of range", 2, 0, ABx(LOADK, 0, 8), RET0);
  OK(2, 0, ABC(GETTABUP, 0, 0, 5), RET0);
  BAD("constant 1 is not a string", 2, 0, ABC(GETTABUP, 0, 0, 1), RET0);
  BAD("constant 4 is not a string", 2, 0, ABC(GETFIELD, 0, 0, 4), RET0);
  BAD("constant 1 is not a string", 2, 0, ABC(SETFIELD, 0, 1, 0), RET0);
  /* field names are short strings (at most FMT_MAXSHORTLEN bytes); SELF's may be long */
  OK(2, 0, ABC(GETFIELD, 0, 0, 6), RET0);
  BAD("constant 7 is a string of 41 bytes", 2, 0, ABC(GETFIELD, 0, 0, 7), RET0);
  BAD("constant 7 is a string of 41 bytes", 2, 0, ABC(GETTABUP, 0, 0, 7), RET0);
  BAD("constant 7 is a string of 41 bytes", 2, 0, ABC(SETFIELD, 0, 7, 0), RET0);
  BAD("constant 7 is a string of 41 bytes", 2, 0, ABC(SETTABUP, 0, 7, 0), RET0);
  OK(3, 0, ABCk(SELF, 0, 1, 7), RET0);
  BAD("upvalue 1 out of range", 2, 0, ABC(GETUPVAL, 0, 1, 0), RET0);
  BAD("upvalue 1 out of range", 2, 0, ABC(SETTABUP, 1, 0, 0), RET0);
  OK(2, 0, ABx(CLOSURE, 0, 0), RET0);
  BAD("prototype 1 out of range", 2, 0, ABx(CLOSURE, 0, 1), RET0);
}

Test(verify, arithmetic_constants_and_mmbin) {
  OK(2, 0, ABC(ADDK, 0, 1, 2), ABC(MMBINK, 1, 2, FMT_TM_ADD), RET0);
  BAD("constant 0 is not a number", 2, 0, ABC(ADDK, 0, 1, 0), ABC(MMBINK, 1, 0, FMT_TM_ADD), RET0);
  BAD("constant 4 is not a number", 2, 0, ABC(MULK, 0, 1, 4), ABC(MMBINK, 1, 4, FMT_TM_MUL), RET0);
  OK(2, 0, ABC(BANDK, 0, 1, 3), ABC(MMBINK, 1, 3, FMT_TM_BAND), RET0);   /* 2.0 */
  OK(2, 0, ABC(BXORK, 0, 1, 1), ABC(MMBINK, 1, 1, FMT_TM_BXOR), RET0);   /* 7 */
  BAD("no integer representation", 2, 0, ABC(BORK, 0, 1, 2), ABC(MMBINK, 1, 2, FMT_TM_BOR), RET0);
  OK(2, 0, ABC(ADD, 0, 1, 0), ABC(MMBIN, 1, 0, FMT_TM_ADD), RET0);
  BAD("must be followed by MMBIN", 2, 0, ABC(ADD, 0, 1, 0), RET0);
  BAD("must be followed by MMBINI", 2, 0, ABC(ADDI, 0, 1, 130), ABC(MMBIN, 1, 0, 0), RET0);
  BAD("must follow the arithmetic", 2, 0, ABC(MMBIN, 1, 0, FMT_TM_ADD), RET0);
  BAD("must follow the arithmetic", 2, 0, ABC(MOVE, 0, 1, 0), ABC(MMBIN, 1, 0, 0), RET0);
  BAD("event 12 out of range", 2, 0, ABC(ADD, 0, 1, 0), ABC(MMBIN, 1, 0, FMT_TM_NUM_BIN), RET0);
  BAD("skip target 2 outside", 2, 0, ABC(ADD, 0, 1, 0), ABC(MMBIN, 1, 0, 0));
}

Test(verify, jumps_and_tests) {
  OK(2, 0, SJ(0), RET0);
  OK(2, 0, RET0, SJ(-2));
  BAD("jump target 2 outside", 2, 0, SJ(1), RET0);
  BAD("jump target -1 outside", 2, 0, SJ(-2), RET0);
  BAD("falls off the end", 2, 0, ABC(MOVE, 0, 1, 0));
  OK(2, 0, ABC(TEST, 0, 0, 0), SJ(0), RET0);
  BAD("must be followed by JMP", 2, 0, ABC(TEST, 0, 0, 0), RET0, RET0);
  BAD("skip target 2 outside", 2, 0, ABC(EQ, 0, 1, 0), SJ(-2));
  OK(2, 0, ABC(LFALSESKIP, 0, 0, 0), RET0, RET0);
  BAD("skip target 2 outside", 2, 0, ABC(LFALSESKIP, 0, 0, 0), RET0);
  BAD("cannot be jumped to", 2, 0, SJ(1), ABC(ADD, 0, 1, 0), ABC(MMBIN, 1, 0, 0), RET0);
}

Test(verify, extraarg) {
  OK(2, 0, ABx(LOADKX, 0, 0), EXTRA(5), RET0);
  BAD("constant 8 out of range", 2, 0, ABx(LOADKX, 0, 0), EXTRA(8), RET0);
  BAD("must be followed by EXTRAARG", 2, 0, ABx(LOADKX, 0, 0), RET0, RET0);
  OK(2, 0, ABC(NEWTABLE, 0, 0, 0), EXTRA(0), RET0);
  OK(2, 0, ABCk(NEWTABLE, 0, 0, 0), EXTRA(9), RET0);
  BAD("must be followed by EXTRAARG", 2, 0, ABC(NEWTABLE, 0, 0, 0), RET0, RET0);
  BAD("must be 0 when k is 0", 2, 0, ABC(NEWTABLE, 0, 0, 0), EXTRA(1), RET0);
  BAD("too large", 2, 0, ABC(NEWTABLE, 0, 32, 0), EXTRA(0), RET0);
  OK(2, 0, ABCk(SETLIST, 0, 1, 0), EXTRA(3), RET0);
  BAD("must be followed by EXTRAARG", 2, 0, ABCk(SETLIST, 0, 1, 0), RET0, RET0);
  BAD("last item register 2", 2, 0, ABC(SETLIST, 0, 2, 0), RET0);
  BAD("EXTRAARG does not follow", 2, 0, ABC(SETLIST, 0, 1, 0), EXTRA(0), RET0);
  BAD("EXTRAARG does not follow", 2, 0, EXTRA(0), RET0);
  BAD("cannot be jumped to", 2, 0, ABx(LOADKX, 0, 0), EXTRA(5), SJ(-2), RET0);
  BAD("skip target 2 outside", 2, 0, ABx(LOADKX, 0, 0), EXTRA(5));
}

Test(verify, numeric_for) {
  OK(4, 0, ABx(FORPREP, 0, 1), ABC(MOVE, 0, 3, 0), ABx(FORLOOP, 0, 2), RET0);
  OK(4, 0, ABx(FORPREP, 0, 0), ABx(FORLOOP, 0, 1), RET0);
  BAD("loop control register 4", 4, 0, ABx(FORPREP, 1, 0), ABx(FORLOOP, 1, 1), RET0);
  BAD("not the matching FORLOOP", 4, 0, ABx(FORPREP, 0, 1), ABx(FORLOOP, 0, 1), RET0);
  BAD("not the matching FORLOOP", 5, 0, ABx(FORPREP, 0, 0), ABx(FORLOOP, 1, 1), RET0);
  BAD("not the matching FORLOOP", 4, 0, ABx(FORPREP, 0, 100), RET0);
  BAD("matching FORPREP", 4, 0, ABC(MOVE, 0, 1, 0), ABx(FORLOOP, 0, 1), RET0);
  BAD("matching FORPREP", 4, 0, ABx(FORLOOP, 0, 0), RET0);
  BAD("loop exit target 2 outside", 4, 0, ABx(FORPREP, 0, 0), ABx(FORLOOP, 0, 1));
}

Test(verify, generic_for) {
  OK(7, 0, ABx(TFORPREP, 0, 1), ABC(MOVE, 0, 4, 0), ABC(TFORCALL, 0, 0, 1), ABx(TFORLOOP, 0, 3), RET0);
  OK(8, 0, ABx(TFORPREP, 0, 0), ABC(TFORCALL, 0, 0, 2), ABx(TFORLOOP, 0, 2), RET0);
  BAD("call register 6", 6, 0, ABx(TFORPREP, 0, 0), ABC(TFORCALL, 0, 0, 1), ABx(TFORLOOP, 0, 2), RET0);
  BAD("last result register 7", 7, 0, ABx(TFORPREP, 0, 0), ABC(TFORCALL, 0, 0, 4), ABx(TFORLOOP, 0, 2), RET0);
  BAD("not a matching TFORCALL", 7, 0, ABx(TFORPREP, 0, 1), ABC(TFORCALL, 0, 0, 1), ABx(TFORLOOP, 0, 2), RET0);
  BAD("not followed by a TFORLOOP", 7, 0, ABx(TFORPREP, 0, 0), ABC(TFORCALL, 0, 0, 1), ABx(TFORLOOP, 0, 1), RET0);
  BAD("must be followed by TFORLOOP", 7, 0, ABC(TFORCALL, 0, 0, 1), RET0);
  BAD("at least one variable", 7, 0, ABx(TFORPREP, 0, 0), ABC(TFORCALL, 0, 0, 0), ABx(TFORLOOP, 0, 2), RET0);
}

Test(verify, calls_returns_and_open_results) {
  OK(4, 0, ABC(CALL, 0, 3, 3), RET0);
  BAD("last argument register 4", 4, 0, ABC(CALL, 1, 4, 1), RET0);
  BAD("last result register 4", 4, 0, ABC(CALL, 1, 1, 5), RET0);
  OK(4, 0, ABC(CALL, 1, 1, 0), ABC(CALL, 0, 0, 1), RET0);
  BAD("must follow a CALL or VARARG", 4, 0, ABC(CALL, 0, 0, 1), RET0);
  BAD("must be followed by an instruction with B == 0", 4, 0, ABC(CALL, 1, 1, 0), RET0);
  BAD("cannot be jumped to", 4, 0, ABC(CALL, 1, 1, 0), ABC(CALL, 0, 0, 1), SJ(-2), RET0);
  OK(4, 0, ABC(CALL, 1, 1, 0), ABC(RETURN, 1, 0, 0));
  OK(4, 0, ABC(CALL, 1, 1, 0), ABC(RETURN, 0, 0, 0));
  BAD("open results start at register 1", 4, 0, ABC(CALL, 1, 1, 0), ABC(RETURN, 2, 0, 0));
  BAD("open results start at register 1", 4, 0, ABC(CALL, 1, 1, 0), ABC(CALL, 1, 0, 1), RET0);
  BAD("open results start at register 1", 4, 0, ABC(CALL, 1, 1, 0), ABC(SETLIST, 2, 0, 0), RET0);
  OK(4, 0, ABC(TAILCALL, 0, 2, 0), ABC(RETURN, 0, 0, 0));
  BAD("must be followed by RETURN", 4, 0, ABC(TAILCALL, 0, 2, 0), RET0);
  OK(2, 0, ABC(RETURN, 2, 1, 0));
  OK(2, 0, ABC(RETURN, 0, 3, 0));
  BAD("returned registers out of range", 2, 0, ABC(RETURN, 1, 3, 0));
  BAD("returned registers out of range", 2, 0, ABC(RETURN, 3, 1, 0));
  BAD("C is 1, must be 0", 2, 0, ABC(RETURN, 0, 1, 1));
  BAD("register 2 out of range", 2, 0, ABC(RETURN1, 2, 0, 0));
}

Test(verify, varargs) {
  OK(3, 1, ABC(VARARGPREP, 0, 0, 0), ABC(VARARG, 0, 0, 3), ABC(RETURN, 0, 1, 1));
  OK(3, 1, ABC(VARARGPREP, 0, 0, 0), ABC(VARARG, 0, 0, 0), ABC(RETURN, 0, 0, 1));
  BAD("not vararg", 3, 0, ABC(VARARG, 0, 0, 2), RET0);
  BAD("does not start with VARARGPREP", 3, 1, ABC(RETURN, 0, 1, 1));
  BAD("VARARGPREP must be the first", 3, 1, ABC(VARARGPREP, 0, 0, 0), ABC(VARARGPREP, 0, 0, 0), ABC(RETURN, 0, 1, 1));
  BAD("VARARGPREP must be the first", 3, 0, ABC(VARARGPREP, 0, 0, 0), RET0);
  BAD("VARARGPREP must be the first", 3, 1, ABC(VARARGPREP, 1, 0, 0), ABC(RETURN, 0, 1, 1));
  BAD("must return with RETURN", 3, 1, ABC(VARARGPREP, 0, 0, 0), RET0);
  BAD("C is 0, must be 1", 3, 1, ABC(VARARGPREP, 0, 0, 0), ABC(RETURN, 0, 1, 0));
  BAD("cannot be jumped to", 3, 1, ABC(VARARGPREP, 0, 0, 0), SJ(-2), ABC(RETURN, 0, 1, 1));
  BAD("last result register 3", 3, 1, ABC(VARARGPREP, 0, 0, 0), ABC(VARARG, 1, 0, 4), ABC(RETURN, 0, 1, 1));
}

Test(verify, function_level_rules) {
  const fmt_Instr code[] = {ABC(MOVE, 0, 1, 0), RET0};
  fmt_Proto *p = mk(code, 2, 2, 0);
  p->p[0]->upvals = A.f(A.ud, NULL, 0, sizeof(fmt_Upval));
  memset(p->p[0]->upvals, 0, sizeof(fmt_Upval));
  p->p[0]->nupvals = 1;
  p->p[0]->upvals[0].instack = 1;
  p->p[0]->upvals[0].idx = 1;
  cr_assert_eq(fmt_verify(p, err, sizeof err), FMT_OK, "%s", err);
  p->p[0]->upvals[0].idx = 2;   /* parent has 2 registers */
  cr_assert_eq(fmt_verify(p, err, sizeof err), FMT_EVERIFY);
  cr_assert(strstr(err, "captures register 2"), "%s", err);
  p->p[0]->upvals[0].instack = 0;
  p->p[0]->upvals[0].idx = 0;   /* parent has 1 upvalue */
  cr_assert_eq(fmt_verify(p, err, sizeof err), FMT_OK, "%s", err);
  p->p[0]->upvals[0].idx = 1;
  cr_assert_eq(fmt_verify(p, err, sizeof err), FMT_EVERIFY);
  p->p[0]->upvals[0].idx = 0;
  p->p[0]->upvals[0].kind = 4;
  cr_assert_eq(fmt_verify(p, err, sizeof err), FMT_EVERIFY);
  p->p[0]->upvals[0].kind = 0;
  p->numparams = 3;
  cr_assert_eq(fmt_verify(p, err, sizeof err), FMT_EVERIFY);
  cr_assert(strstr(err, "3 parameters but maxstacksize 2"), "%s", err);
  p->numparams = 1;
  cr_assert_eq(fmt_verify(p, err, sizeof err), FMT_OK, "%s", err);
  cr_assert_eq(fmt_verify_chunk(p, err, sizeof err), FMT_EVERIFY);
  cr_assert(strstr(err, "main function has parameters"), "%s", err);
  p->numparams = 0;
  p->lines = A.f(A.ud, NULL, 0, sizeof(uint32_t));
  p->nlines = 1;
  p->lines[0] = 1;
  cr_assert_eq(fmt_verify(p, err, sizeof err), FMT_EVERIFY);
  cr_assert(strstr(err, "1 line entries for 2 instructions"), "%s", err);
  free_proto(p);
}

Test(verify, nesting_is_bounded) {
  const fmt_Instr code[] = {RET0};
  fmt_Proto *p = tp_proto(A, 0, 0, 2, code, 1);
  fmt_Proto *top = p;
  for (int i = 0; i < FMT_MAX_NESTING + 5; i++) {
    fmt_Proto *c = tp_proto(A, 0, 0, 2, code, 1);
    tp_children(A, p, &c, 1);
    p = c;
  }
  cr_assert_eq(fmt_verify(top, err, sizeof err), FMT_EVERIFY);
  cr_assert(strstr(err, "nested"), "%s", err);
  free_proto(top);
}

/* Random instruction words and field edits in a realistic tree: the verifier
** itself must never read out of bounds (run under --config=asan). */
Test(verify, fuzz_instruction_words) {
  fmt_Image *img = sample_image(A);
  fmt_Proto *ps[3] = {img->chunks[0].main, img->chunks[0].main->p[0], img->chunks[0].main->p[0]->p[0]};
  uint64_t s = 0x243F6A8885A308D3ull;
  int ok = 0, bad = 0;
  for (int r = 0; r < 200000; r++) {
    s ^= s << 13; s ^= s >> 7; s ^= s << 17;
    fmt_Proto *p = ps[(s >> 3) % 3];
    uint32_t pc = (uint32_t)((s >> 8) % p->ncode);
    fmt_Instr old = p->code[pc];
    switch ((s >> 40) % 4) {
      case 0: p->code[pc] = (fmt_Instr)(s >> 17); break;                       /* any word */
      case 1: p->code[pc] ^= 1u << ((s >> 50) % 32); break;                    /* bit flip */
      case 2: SET_OPCODE(p->code[pc], (s >> 45) % FMT_NUM_OPCODES); break;     /* opcode swap */
      default: p->code[pc] = p->code[(s >> 33) % p->ncode]; break;             /* duplicate */
    }
    if (fmt_verify_chunk(img->chunks[0].main, err, sizeof err) == FMT_OK) ok++; else bad++;
    p->code[pc] = old;
  }
  cr_log_info("instruction fuzz: %d accepted, %d rejected", ok, bad);
  cr_assert_gt(bad, 0);
  cr_assert_eq(fmt_verify_chunk(img->chunks[0].main, err, sizeof err), FMT_OK, "%s", err);
  fmt_image_free(img, A);
}
