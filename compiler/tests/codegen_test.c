/*
** codegen_test.c -- Criterion tests of code generation: constant folding
** never changes meaning, <const> locals become constants, the optimizer
** removes only what cannot run, and images are reproducible.
** Module: pck/pco tests.
*/
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/compiler.h"
#include "format/image.h"

static pcm_Pool pool;

static fmt_Proto *compile_at(const char *src, int level) {
  pcc_Options opt = {level, 0, 0, 0};
  const char *err = NULL;
  fmt_Proto *f = pcc_compile_chunk(&pool, "@t.lua", src, strlen(src), &opt, &err);
  cr_assert_not_null(f, "%s: %s", src, err);
  return f;
}

static void setup(void) { pcm_init(&pool); }
static void teardown(void) { pcm_free_all(&pool); }

/* The instruction after VARARGPREP of main. */
static fmt_Instr first(const fmt_Proto *f) { return f->code[1]; }

static int has_op(const fmt_Proto *f, int op) {
  /* op is a fmt_OpCode */
  for (uint32_t i = 0; i < f->ncode; i++)
    if ((int)GET_OPCODE(f->code[i]) == op) return 1;
  return 0;
}

static void expect_loadi(const char *src, int v) {
  fmt_Proto *f = compile_at(src, 2);
  fmt_Instr i = first(f);
  cr_assert_eq(GET_OPCODE(i), OP_LOADI, "%s: not folded to LOADI", src);
  cr_assert_eq(GETARG_sBx(i), v, "%s", src);
}

static void expect_kint(const char *src, int64_t v) {
  fmt_Proto *f = compile_at(src, 2);
  fmt_Instr i = first(f);
  cr_assert_eq(GET_OPCODE(i), OP_LOADK, "%s: not folded to LOADK", src);
  cr_assert_eq(f->k[GETARG_Bx(i)].kind, FMT_K_INT, "%s", src);
  cr_assert_eq(f->k[GETARG_Bx(i)].u.i, v, "%s", src);
}

static void expect_kflt(const char *src, double v) {
  fmt_Proto *f = compile_at(src, 2);
  fmt_Instr i = first(f);
  cr_assert_eq(GET_OPCODE(i), OP_LOADK, "%s: not folded to LOADK", src);
  cr_assert_eq(f->k[GETARG_Bx(i)].kind, FMT_K_FLT, "%s", src);
  cr_assert(f->k[GETARG_Bx(i)].u.n == v, "%s", src);
}

static void expect_not_folded(const char *src, int op) {
  fmt_Proto *f = compile_at(src, 2);
  cr_assert(has_op(f, op), "%s: expected %s at run time", src, fmt_opinfo[op].name);
}

TestSuite(codegen, .init = setup, .fini = teardown);

Test(codegen, folds_integer_arithmetic) {
  expect_loadi("return 1 + 2 * 3", 7);
  expect_loadi("return 7 // 2", 3);
  expect_loadi("return -7 // 2", -4);
  expect_loadi("return -7 % 3", 2);
  expect_loadi("return 7 % -3", -2);
  expect_loadi("return 3 | 5 ~ 1", 7);
  expect_loadi("return ~0", -1);
  expect_loadi("return 1 << 4 >> 2", 4);
  expect_loadi("return 2.0 | 1", 3);
}

Test(codegen, integer_overflow_wraps) {
  expect_kint("return 9223372036854775807 + 1", INT64_MIN);
  expect_kint("return -9223372036854775807 - 2", INT64_MAX);
  expect_kint("return 1 << 63", INT64_MIN);
  expect_loadi("return 1 << 64", 0);
  expect_loadi("return -1 >> 63", 1);
}

Test(codegen, folds_floats) {
  expect_kflt("return 1 / 2", 0.5);
  fmt_Proto *f = compile_at("return 2 ^ 10", 2);
  cr_assert_eq(GET_OPCODE(first(f)), OP_LOADF);
  cr_assert_eq(GETARG_sBx(first(f)), 1024);
  expect_kflt("return 1e308 * 10", HUGE_VAL);
  expect_kflt("return 5.5 % -2", -0.5);
}

Test(codegen, never_folds_what_raises) {
  expect_not_folded("return 1 // 0", OP_IDIVK);
  expect_not_folded("return 1 % 0", OP_MODK);
  expect_not_folded("return 1.0 // 0", OP_IDIVK);
  expect_not_folded("return 1 / 0", OP_DIVK);
  expect_not_folded("return 1.5 & 1", OP_BANDK);
  expect_not_folded("return 1 | 2^64", OP_BORK);
  expect_not_folded("return ~1.5", OP_BNOT);
  expect_not_folded("return 1 << 0.5", OP_SHLI);
}

Test(codegen, keeps_negative_zero_and_nan) {
  expect_not_folded("return -0.0", OP_UNM);
  expect_not_folded("return 0.0 * -1", OP_MULK);
  expect_not_folded("return 0/0", OP_DIVK);
  expect_not_folded("return 1 - 1.0", OP_SUBK);
}

Test(codegen, const_locals_are_compile_time) {
  expect_loadi("local x <const> = 5; return x * 2", 10);
  fmt_Proto *f = compile_at("local s <const> = 'hi'; return s", 2);
  cr_assert_eq(GET_OPCODE(first(f)), OP_LOADK);
  cr_assert_eq(f->nlocvars, 0);
  f = compile_at("local t <const> = {}; return t", 2);
  cr_assert_eq(GET_OPCODE(first(f)), OP_NEWTABLE);
  cr_assert_eq(f->nlocvars, 1);
}

Test(codegen, immediate_operands) {
  fmt_Proto *f = compile_at("local a = ...; return a + 1, a - 1, a >> 2, 1 << a", 2);
  cr_assert(has_op(f, OP_ADDI));
  cr_assert(has_op(f, OP_SHRI));
  cr_assert(has_op(f, OP_SHLI));
  cr_assert(has_op(f, OP_MMBINI));
}

Test(codegen, optimizer_removes_dead_code_and_threads_jumps) {
  const char *src =
      "local function f(a) if a then return 1 else return 2 end end\n"
      "local function g(x) while x do if x then break end end return x end\n";
  fmt_Proto *o0 = compile_at(src, 0);
  fmt_Proto *o2 = compile_at(src, 2);
  cr_assert(o2->p[0]->ncode < o0->p[0]->ncode);
  /* TEST JMP LOADI RETURN1 LOADI RETURN1: the JMP to the final RETURN0
  ** and the RETURN0 itself are unreachable */
  cr_assert_eq(o2->p[0]->ncode, 6);
  cr_assert_eq(GET_OPCODE(o2->p[0]->code[5]), OP_RETURN1);
  /* no JMP targets a JMP after level 1 */
  fmt_Proto *o1 = compile_at(src, 1);
  for (uint32_t k = 0; k < o1->np; k++) {
    fmt_Proto *p = o1->p[k];
    for (uint32_t i = 0; i < p->ncode; i++)
      if (GET_OPCODE(p->code[i]) == OP_JMP) {
        int t = (int)i + 1 + GETARG_sJ(p->code[i]);
        cr_assert_neq(GET_OPCODE(p->code[t]), OP_JMP, "jump chain at %u", i);
      }
  }
}

Test(codegen, optimized_code_verifies) {
  const char *src =
      "for i = 1, 3 do if i then return end end\n"
      "for k, v in pairs(t) do if k then break end return v end\n"
      "local x = a and b or c; local y = not (x == 1)\n"
      "repeat local z = 1; local f = function() return z end until f()\n"
      "goto l; do return end ::l:: return x, y";
  for (int level = 0; level <= 2; level++) {
    fmt_Proto *f = compile_at(src, level);
    char err[256];
    cr_assert_eq(fmt_verify(f, err, sizeof err), FMT_OK, "level %d: %s", level, err);
  }
}

static void *plain(void *ud, void *p, size_t o, size_t n) {
  (void)ud;
  (void)o;
  if (n == 0) {
    free(p);
    return NULL;
  }
  return realloc(p, n);
}

Test(codegen, images_are_reproducible) {
  const char *src = "local t = {1, 2, x = 3} for k, v in pairs(t) do print(k, v) end";
  pcc_Input in = {"@t.lua", "", src, strlen(src)};
  pcc_Options opt = {2, 0, 0, 0};
  const char *err;
  uint8_t *bufs[2];
  size_t sizes[2];
  for (int r = 0; r < 2; r++) {
    pcm_Pool p;
    pcm_init(&p);
    fmt_Image *img = pcc_compile(&p, &in, 1, &opt, &err);
    cr_assert_not_null(img);
    fmt_WriteOptions wo = {1, 19};
    fmt_Allocator a = {plain, NULL};
    cr_assert_eq(fmt_image_write(img, &wo, a, &bufs[r], &sizes[r]), FMT_OK);
    pcm_free_all(&p);
  }
  cr_assert_eq(sizes[0], sizes[1]);
  cr_assert(memcmp(bufs[0], bufs[1], sizes[0]) == 0);
  free(bufs[0]);
  free(bufs[1]);
}

Test(codegen, module_names) {
  cr_assert_str_eq(pcc_modname(&pool, "lib/util.lua"), "lib.util");
  cr_assert_str_eq(pcc_modname(&pool, "./lib/util.lua"), "lib.util");
  cr_assert_str_eq(pcc_modname(&pool, "a.lua"), "a");
  cr_assert_str_eq(pcc_modname(&pool, "x/y/z"), "x.y.z");
}

/* A growing string for generated sources. */
typedef struct Src {
  char *s;
  size_t n, cap;
} Src;

static void add(Src *b, const char *text) {
  size_t l = strlen(text);
  if (b->n + l + 1 > b->cap) {
    b->cap = (b->n + l + 1) * 2;
    b->s = realloc(b->s, b->cap);
    cr_assert_not_null(b->s);
  }
  memcpy(b->s + b->n, text, l + 1);
  b->n += l;
}

/* -O2 makes some code longer (rotated while loops, expanded calls): a chunk
** that compiles at -O1 but would pass a limit at -O2 is compiled as -O1
** compiles it, never refused. */
Test(codegen, o2_never_refuses_what_o1_compiles) {
  Src b = {0};
  char line[128];
  /* 9000 while loops in a for body: rotated, they pass FORLOOP's reach */
  add(&b, "local a, b, c, d = 0, 0, 0, 0\nfor i = 1, 2 do\n");
  for (int i = 0; i < 9000; i++)
    add(&b, "while a < 0 and b < 0 and c < 0 and d < 0 do end\n");
  add(&b, "end\nreturn a\n");
  compile_at(b.s, 1);
  compile_at(b.s, 2);
  /* a function at 255 upvalues whose nested function calls a small local
  ** function: expanding the call would capture one more upvalue */
  b.n = 0;
  add(&b, "local u = 1\nlocal function f() return u end\n");
  for (int i = 0; i < 150; i++) {
    snprintf(line, sizeof line, "local m%d = %d\n", i, i);
    add(&b, line);
  }
  add(&b, "local function O()\n");
  for (int i = 0; i < 104; i++) {
    snprintf(line, sizeof line, "local o%d = %d\n", i, i);
    add(&b, line);
  }
  add(&b, "local function A()\n  local s = 0\n");
  for (int i = 0; i < 150; i++) {
    snprintf(line, sizeof line, "  s = s + m%d\n", i);
    add(&b, line);
  }
  for (int i = 0; i < 104; i++) {
    snprintf(line, sizeof line, "  s = s + o%d\n", i);
    add(&b, line);
  }
  add(&b, "  local function B() return f() end\n  return s + B()\nend\nreturn A()\nend\nreturn O()\n");
  compile_at(b.s, 1);
  compile_at(b.s, 2);
  free(b.s);
}

/* A real error is reported as before: the -O1 retry says the same. */
Test(codegen, o2_errors_unchanged) {
  static const char *const bad[] = {"x = = 1", "for i = 1 do end", "goto nowhere",
                                    "local function f() return 1 end f(", "break"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    const char *e1 = NULL, *e2 = NULL;
    pcc_Options o1 = {1, 0, 0, 0}, o2 = {2, 0, 0, 0};
    cr_assert_null(pcc_compile_chunk(&pool, "@t.lua", bad[i], strlen(bad[i]), &o1, &e1));
    char saved[256];
    snprintf(saved, sizeof saved, "%s", e1);
    cr_assert_null(pcc_compile_chunk(&pool, "@t.lua", bad[i], strlen(bad[i]), &o2, &e2));
    cr_assert_str_eq(e2, saved, "%s", bad[i]);
  }
}
