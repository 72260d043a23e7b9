/*
** syntax_error_test.c -- Criterion tests of compile-time error messages:
** one case per error class, worded exactly as luac 5.4 words them.
** Module: pcp/pck tests.
*/
#include <criterion/criterion.h>
#include <string.h>

#include "compiler/compiler.h"

static void expect_error(const char *src, const char *msg) {
  pcm_Pool pool;
  pcm_init(&pool);
  pcc_Options opt = {2, 0, 0, 0};
  const char *err = NULL;
  fmt_Proto *f = pcc_compile_chunk(&pool, "@t.lua", src, strlen(src), &opt, &err);
  cr_assert_null(f, "compiled: %s", src);
  cr_assert_str_eq(err, msg, "source: %s", src);
  pcm_free_all(&pool);
}

static void expect_ok(const char *src) {
  pcm_Pool pool;
  pcm_init(&pool);
  pcc_Options opt = {2, 0, 0, 0};
  const char *err = NULL;
  fmt_Proto *f = pcc_compile_chunk(&pool, "@t.lua", src, strlen(src), &opt, &err);
  cr_assert_not_null(f, "%s: %s", src, err);
  pcm_free_all(&pool);
}

Test(syntax, expected_token) {
  expect_error("local x 1", "t.lua:1: unexpected symbol near '1'");
  expect_error("for i = 1 do end", "t.lua:1: ',' expected near 'do'");
  expect_error("for i in do end x", "t.lua:1: unexpected symbol near 'do'");
  expect_error("for i, in t do end", "t.lua:1: <name> expected near 'in'");
  expect_error("for i do end", "t.lua:1: '=' or 'in' expected near 'do'");
  expect_error("local function f(a, 1) end", "t.lua:1: <name> or '...' expected near '1'");
  expect_error("x = t[1", "t.lua:1: ']' expected near <eof>");
}

Test(syntax, unexpected_symbol) {
  expect_error("x = = 1", "t.lua:1: unexpected symbol near '='");
  expect_error("x = 1 +", "t.lua:1: unexpected symbol near <eof>");
  expect_error("+", "t.lua:1: unexpected symbol near '+'");
  expect_error("x = \x80", "t.lua:1: unexpected symbol near '<\\128>'");
}

Test(syntax, to_close) {
  expect_error("function f()\n\nlocal x = 1\n",
               "t.lua:4: 'end' expected (to close 'function' at line 1) near <eof>");
  expect_error("if x then\nelse\n", "t.lua:3: 'end' expected (to close 'if' at line 1) near <eof>");
  expect_error("f(1,\n2", "t.lua:2: ')' expected (to close '(' at line 1) near <eof>");
  expect_error("repeat x = 1", "t.lua:1: 'until' expected near <eof>");
  expect_error("x = {1,\n2", "t.lua:2: '}' expected (to close '{' at line 1) near <eof>");
}

Test(syntax, statements) {
  expect_error("f() = 1", "t.lua:1: syntax error near '='");
  expect_error("x", "t.lua:1: syntax error near <eof>");
  expect_error("a.b:c = 1", "t.lua:1: function arguments expected near '='");
  expect_error("return return", "t.lua:1: unexpected symbol near 'return'");
  expect_error("return 1 x = 2", "t.lua:1: <eof> expected near 'x'");
}

Test(syntax, lexical) {
  expect_error("x = \"abc", "t.lua:1: unfinished string near <eof>");
  expect_error("x = \"abc\n\"", "t.lua:1: unfinished string near '\"abc'");
  expect_error("x = 3x", "t.lua:1: malformed number near '3x'");
  expect_error("x = [==[\n", "t.lua:2: unfinished long string (starting at line 1) near <eof>");
  expect_error("x = '\\q'", "t.lua:1: invalid escape sequence near ''\\q'");
}

Test(syntax, gotos_and_labels) {
  expect_error("goto nowhere", "t.lua:1: no visible label 'nowhere' for <goto> at line 1");
  expect_error("do goto l; local a; ::l:: print(a) end",
               "t.lua:1: <goto l> at line 1 jumps into the scope of local 'a'");
  expect_error("::a:: ::a::", "t.lua:1: label 'a' already defined on line 1");
  expect_error("\nbreak", "t.lua:2: break outside loop at line 2");
  expect_error("do ::l:: end goto l", "t.lua:1: no visible label 'l' for <goto> at line 1");
  /* visible: label at the end of the enclosing block, after locals */
  expect_ok("do goto l; local a; ::l:: end");
  expect_ok("while x do goto continue; local a = 1; ::continue:: end");
  expect_ok("::top:: do goto top end");
  expect_ok("repeat local x; goto next; ::next:: until x");
}

Test(syntax, attributes_and_const) {
  expect_error("local x <foo> = 1", "t.lua:1: unknown attribute 'foo'");
  expect_error("local a <close>, b <close> = 1, 2",
               "t.lua:1: multiple to-be-closed variables in local list");
  expect_error("local x <const> = 1; x = 2", "t.lua:1: attempt to assign to const variable 'x'");
  expect_error("local x <const> = {}; x = 2", "t.lua:1: attempt to assign to const variable 'x'");
  expect_error("local x <close> = nil; x = 2", "t.lua:1: attempt to assign to const variable 'x'");
  expect_error("local x <const> = 1; function f() x = 2 end",
               "t.lua:1: attempt to assign to const variable 'x'");
  expect_error("local t <const> = {}; function t() end",
               "t.lua:1: attempt to assign to const variable 't'");
}

Test(syntax, varargs) {
  expect_error("function f() return ... end",
               "t.lua:1: cannot use '...' outside a vararg function near '...'");
  expect_ok("function f(...) return ... end");
  expect_ok("return ...");
}

Test(syntax, limits) {
  char buf[4096];
  strcpy(buf, "local a");
  for (int i = 0; i < 200; i++) strcat(buf, ", a");
  strcat(buf, " = 1");
  expect_error(buf, "t.lua:1: too many local variables (limit is 200) in main function near '='");
  strcpy(buf, "f(");
  for (int i = 0; i < 300; i++) strcat(buf, "1,");
  strcat(buf, "1)");
  expect_error(buf, "t.lua:1: function or expression needs too many registers near '1'");
}

Test(syntax, chunk_names) {
  pcm_Pool pool;
  pcm_init(&pool);
  pcc_Options opt = {2, 0, 0, 0};
  const char *err = NULL;
  cr_assert_null(pcc_compile_chunk(&pool, "=stdin", "x", 1, &opt, &err));
  cr_assert_str_eq(err, "stdin:1: syntax error near <eof>");
  char name[200] = "@";
  for (int i = 0; i < 70; i++) strcat(name, "d");
  cr_assert_null(pcc_compile_chunk(&pool, name, "x", 1, &opt, &err));
  char expect[200] = "...";
  for (int i = 0; i < 56; i++) strcat(expect, "d");
  strcat(expect, ":1: syntax error near <eof>");
  cr_assert_str_eq(err, expect);
  pcm_free_all(&pool);
}
