/*
** nesting_test.c -- Criterion tests that deeply nested sources end in a
** syntax error, never in a C stack overflow, while long flat sources compile.
** Module: pcp tests.
*/
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/compiler.h"

#define DEPTH 100000

/* Builds prefix*DEPTH + middle + suffix*DEPTH. */
static char *nest(const char *head, const char *prefix, const char *middle,
                  const char *suffix) {
  size_t n = strlen(head) + DEPTH * (strlen(prefix) + strlen(suffix)) +
             strlen(middle) + 1;
  char *s = malloc(n), *p = s;
  cr_assert_not_null(s);
  p += sprintf(p, "%s", head);
  for (int i = 0; i < DEPTH; i++) p += sprintf(p, "%s", prefix);
  p += sprintf(p, "%s", middle);
  for (int i = 0; i < DEPTH; i++) p += sprintf(p, "%s", suffix);
  return s;
}

static const char *compile(char *src, int *ok) {
  static char msg[256];
  pcm_Pool pool;
  pcm_init(&pool);
  pcc_Options opt = {2, 0, 0, 0};
  const char *err = NULL;
  fmt_Proto *f = pcc_compile_chunk(&pool, "@t.lua", src, strlen(src), &opt, &err);
  *ok = f != NULL;
  snprintf(msg, sizeof msg, "%s", f ? "" : err);
  pcm_free_all(&pool);
  free(src);
  return msg;
}

static void expect_overflow(char *src) {
  int ok;
  const char *msg = compile(src, &ok);
  cr_assert(!ok, "deep nesting compiled");
  cr_assert(strstr(msg, "C stack overflow") != NULL, "message: %s", msg);
}

static void expect_ok(char *src) {
  int ok;
  const char *msg = compile(src, &ok);
  cr_assert(ok, "failed: %s", msg);
}

Test(nesting, parentheses) { expect_overflow(nest("return ", "(", "1", ")")); }
Test(nesting, table_constructors) { expect_overflow(nest("x = ", "{", "", "}")); }
Test(nesting, blocks) { expect_overflow(nest("", "do ", "", " end")); }
Test(nesting, ifs) { expect_overflow(nest("", "if x then ", "", " end")); }
Test(nesting, whiles) { expect_overflow(nest("", "while x do ", "", " end")); }
Test(nesting, functions) { expect_overflow(nest("x = ", "function() return ", "1", " end")); }
Test(nesting, unary_operators) { expect_overflow(nest("x = ", "- ", "1", "")); }
Test(nesting, not_operators) { expect_overflow(nest("x = ", "not ", "1", "")); }
Test(nesting, right_associative_concat) { expect_overflow(nest("x = 1", " .. 1", "", "")); }
Test(nesting, right_associative_pow) { expect_overflow(nest("x = 2", " ^ 2", "", "")); }
Test(nesting, assignment_targets) { expect_overflow(nest("a", ", a", " = 1", "")); }
Test(nesting, index_brackets) { expect_overflow(nest("x = t", "[t", "", "]")); }
Test(nesting, call_arguments) { expect_overflow(nest("x = ", "f(", "", ")")); }

/* Flat repetitions are loops in the parser and must compile. */
Test(nesting, long_flat_sources_compile) {
  expect_ok(nest("x = 1", " + 1", "", ""));
  expect_ok(nest("x = a", ".b", "", ""));
  expect_ok(nest("x = f", "()", "", ""));
  expect_ok(nest("x = {", "1, ", "0}", ""));
  expect_ok(nest("", "x = 1 ", "", ""));
}

Test(nesting, moderate_depth_compiles) {
  char src[2000] = "return ";
  for (int i = 0; i < 150; i++) strcat(src, "(");
  strcat(src, "1");
  for (int i = 0; i < 150; i++) strcat(src, ")");
  int ok;
  char *copy = malloc(strlen(src) + 1);
  strcpy(copy, src);
  const char *msg = compile(copy, &ok);
  cr_assert(ok, "%s", msg);
}
