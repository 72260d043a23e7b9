/*
** lex_test.c -- Criterion tests of the lexer: numerals, escapes, long
** brackets and line endings.
** Module: pcl tests.
*/
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "compiler/lex.h"

typedef struct Lexed {
  pcm_Pool pool;
  pcl_State ls;
  const char *err;
} Lexed;

/* Lexes the first token of [src] into lx->ls.t; returns 0 or -1 on error. */
static int lex_first(Lexed *lx, const char *src, size_t len) {
  pcm_init(&lx->pool);
  lx->err = NULL;
  if (setjmp(lx->ls.errjmp)) {
    lx->err = lx->ls.errmsg;
    return -1;
  }
  pcl_init(&lx->ls, &lx->pool, "@t.lua", src, len, 1);
  pcl_next(&lx->ls);
  return 0;
}

static void expect_int(const char *src, int64_t v) {
  Lexed lx;
  cr_assert_eq(lex_first(&lx, src, strlen(src)), 0, "%s: %s", src, lx.err);
  cr_assert_eq(lx.ls.t.token, TK_INT, "%s is not an integer", src);
  cr_assert_eq(lx.ls.t.seminfo.i, v, "%s", src);
  pcm_free_all(&lx.pool);
}

static void expect_flt(const char *src, double v) {
  Lexed lx;
  cr_assert_eq(lex_first(&lx, src, strlen(src)), 0, "%s: %s", src, lx.err);
  cr_assert_eq(lx.ls.t.token, TK_FLT, "%s is not a float", src);
  cr_assert(lx.ls.t.seminfo.r == v, "%s: got %.17g", src, lx.ls.t.seminfo.r);
  pcm_free_all(&lx.pool);
}

static void expect_str(const char *src, size_t srclen, const char *v, size_t vlen) {
  Lexed lx;
  cr_assert_eq(lex_first(&lx, src, srclen), 0, "%s: %s", src, lx.err);
  cr_assert_eq(lx.ls.t.token, TK_STRING, "%s is not a string", src);
  cr_assert_eq(lx.ls.t.seminfo.ts->len, vlen, "%s: length %u", src,
               lx.ls.t.seminfo.ts->len);
  cr_assert(memcmp(lx.ls.t.seminfo.ts->s, v, vlen) == 0, "%s", src);
  pcm_free_all(&lx.pool);
}

static void expect_error(const char *src, const char *msg) {
  Lexed lx;
  cr_assert_eq(lex_first(&lx, src, strlen(src)), -1, "%s lexed", src);
  cr_assert_str_eq(lx.err, msg);
  pcm_free_all(&lx.pool);
}

#define STR(lit, val) expect_str(lit, sizeof(lit) - 1, val, sizeof(val) - 1)

Test(lex, decimal_integers) {
  expect_int("0", 0);
  expect_int("42", 42);
  expect_int("9223372036854775807", INT64_MAX);
}

Test(lex, decimal_overflow_becomes_float) {
  expect_flt("9223372036854775808", 9223372036854775808.0);
  expect_flt("18446744073709551616", 18446744073709551616.0);
}

Test(lex, hex_integers_wrap_around) {
  expect_int("0x10", 16);
  expect_int("0XfF", 255);
  expect_int("0x7fffffffffffffff", INT64_MAX);
  expect_int("0xffffffffffffffff", -1);
  expect_int("0x10000000000000000", 0);
  expect_int("0x123456789abcdef01", (int64_t)0x23456789abcdef01);
}

Test(lex, floats) {
  expect_flt("1.5", 1.5);
  expect_flt(".5", 0.5);
  expect_flt("3.", 3.0);
  expect_flt("1e2", 100.0);
  expect_flt("1E-2", 0.01);
  expect_flt("2e+3", 2000.0);
  expect_flt("1e400", HUGE_VAL);
}

Test(lex, hex_floats) {
  expect_flt("0x1p4", 16.0);
  expect_flt("0x.8", 0.5);
  expect_flt("0xA.8p1", 21.0);
  expect_flt("0x1P-1", 0.5);
  expect_flt("0x.1", 0.0625);
}

Test(lex, malformed_numbers) {
  expect_error("3x", "t.lua:1: malformed number near '3x'");
  expect_error("0x", "t.lua:1: malformed number near '0x'");
  expect_error("1e+", "t.lua:1: malformed number near '1e+'");
  expect_error("1..2", "t.lua:1: malformed number near '1..2'");
  expect_error("0x1p", "t.lua:1: malformed number near '0x1p'");
  expect_error("3.4.5", "t.lua:1: malformed number near '3.4.5'");
}

Test(lex, simple_escapes) {
  STR("'\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\\''", "\a\b\f\n\r\t\v\\\"'");
  STR("\"a\\\nb\"", "a\nb");
}

Test(lex, hex_and_decimal_escapes) {
  STR("'\\x41\\x6a'", "Aj");
  STR("'\\65\\066\\0067'", "AB\0067");
  STR("'\\0'", "\0");
  STR("'\\255'", "\xff");
}

Test(lex, z_escape_skips_whitespace) {
  STR("'a\\z   \n\t  b'", "ab");
  STR("'a\\zb'", "ab");
}

Test(lex, utf8_escapes) {
  STR("'\\u{48}'", "H");
  STR("'\\u{e9}'", "\xc3\xa9");
  STR("'\\u{800}'", "\xe0\xa0\x80");
  STR("'\\u{10FFFF}'", "\xf4\x8f\xbf\xbf");
  STR("'\\u{7FFFFFFF}'", "\xfd\xbf\xbf\xbf\xbf\xbf");
  STR("'\\u{0000000041}'", "A");
}

Test(lex, escape_errors) {
  expect_error("'\\q'", "t.lua:1: invalid escape sequence near ''\\q'");
  expect_error("'\\xg'", "t.lua:1: hexadecimal digit expected near ''\\xg'");
  expect_error("'\\256'", "t.lua:1: decimal escape too large near ''\\256''");
  expect_error("'\\u{80000000}'", "t.lua:1: UTF-8 value too large near ''\\u{80000000'");
  expect_error("'\\u41'", "t.lua:1: missing '{' near ''\\u4'");
  expect_error("'\\u{41'", "t.lua:1: missing '}' near ''\\u{41''");
  expect_error("'abc", "t.lua:1: unfinished string near <eof>");
  expect_error("'abc\nd'", "t.lua:1: unfinished string near ''abc'");
}

Test(lex, long_strings) {
  STR("[[abc]]", "abc");
  STR("[[\nabc]]", "abc");
  STR("[==[a]]b]=]c]==]", "a]]b]=]c");
  STR("[[\r\na\r\nb]]", "a\nb");
  expect_error("[==[abc]=]", "t.lua:1: unfinished long string (starting at line 1) near <eof>");
  expect_error("[=x", "t.lua:1: invalid long string delimiter near '[='");
}

Test(lex, comments) {
  expect_int("-- comment\n7", 7);
  expect_int("--[==[ long\n comment ]==] 8", 8);
  expect_int("--[ not long\n9", 9);
  expect_error("--[[ abc", "t.lua:1: unfinished long comment (starting at line 1) near <eof>");
}

Test(lex, line_endings) {
  const char *srcs[] = {"\n\n\nx", "\r\r\rx", "\r\n\r\n\r\nx", "\n\r\n\r\n\rx"};
  for (int i = 0; i < 4; i++) {
    Lexed lx;
    cr_assert_eq(lex_first(&lx, srcs[i], strlen(srcs[i])), 0);
    cr_assert_eq(lx.ls.linenumber, 4, "case %d: line %d", i, lx.ls.linenumber);
    pcm_free_all(&lx.pool);
  }
  Lexed lx;
  cr_assert_eq(lex_first(&lx, "\n\r\r\nx", 5), 0);
  cr_assert_eq(lx.ls.linenumber, 3); /* \n\r then \r\n */
  pcm_free_all(&lx.pool);
}

Test(lex, shebang_line_is_skipped) {
  Lexed lx;
  cr_assert_eq(lex_first(&lx, "#!/usr/bin/lua\n5", 16), 0);
  cr_assert_eq(lx.ls.t.token, TK_INT);
  cr_assert_eq(lx.ls.linenumber, 2);
  pcm_free_all(&lx.pool);
}

Test(lex, tokens) {
  const char *src = "// .. ... == >= <= ~= << >> :: and while _x1 ~";
  int expected[] = {TK_IDIV, TK_CONCAT, TK_DOTS, TK_EQ, TK_GE, TK_LE, TK_NE,
                    TK_SHL, TK_SHR, TK_DBCOLON, TK_AND, TK_WHILE, TK_NAME, '~',
                    TK_EOS};
  Lexed lx;
  cr_assert_eq(lex_first(&lx, src, strlen(src)), 0);
  for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++) {
    cr_assert_eq(lx.ls.t.token, expected[i], "token %zu", i);
    pcl_next(&lx.ls);
  }
  pcm_free_all(&lx.pool);
}

Test(lex, strings_are_interned) {
  Lexed lx;
  cr_assert_eq(lex_first(&lx, "x", 1), 0);
  pcl_Str *a = pcl_newstring(&lx.ls, "hello", 5);
  pcl_Str *b = pcl_newstring(&lx.ls, "hello", 5);
  pcl_Str *c = pcl_newstring(&lx.ls, "hell\0", 5);
  cr_assert_eq(a, b);
  cr_assert_neq(a, c);
  pcm_free_all(&lx.pool);
}
