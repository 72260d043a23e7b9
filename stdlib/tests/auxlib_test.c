/*
** auxlib_test.c -- Criterion tests of the auxiliary library (picaux.h)
** through the public API: buffers, picL_setfuncs' upvalue convention,
** argument errors, picL_tolstring_m. Module: stdlib (tests).
*/
#include <criterion/criterion.h>
#include <string.h>

#include "runtime/picaux.h"

/* Runs C function [f] as a step; returns the status, leaving its results
** (or the error message) on the stack. */
static int run(pic_State *L, pic_CFunction f) {
  int nres;
  pic_settop(L, 0);
  pic_pushcfunction(L, f);
  int st = pic_start(L, 0);
  if (st != PIC_OK)
    return st;
  return pic_step(L, -1, &nres);
}

static int build_big(pic_State *L) {
  picL_Buffer b;
  picL_buffinit(L, &b);
  for (int i = 0; i < 10000; i++) {
    picL_addchar(&b, (char)('a' + i % 26));
    if (i % 1000 == 0)
      picL_addstring(&b, "<>");
  }
  pic_pushinteger(L, 42);
  picL_addvalue(&b);   /* numbers are converted */
  picL_pushresult(&b);
  return 1;
}

Test(auxlib, buffer_grows_and_stays_balanced) {
  pic_State *L = pic_newstate(NULL, NULL);
  cr_assert_eq(run(L, build_big), PIC_OK);
  size_t len;
  const char *s = pic_tolstring(L, -1, &len);
  cr_assert_eq(len, 10000 + 2 * 10 + 2);
  cr_assert_eq(s[0], 'a');
  cr_assert_eq(s[1], '<');
  cr_assert_eq(s[3], 'b');
  cr_assert_eq(memcmp(s + len - 2, "42", 2), 0);
  pic_close(L);
}

static int get_upvalue(pic_State *L) {
  pic_pushvalue(L, pic_upvalueindex(1));
  return 1;
}

static int register_with_upvalue(pic_State *L) {
  static const picL_Reg funcs[] = {{"up", get_upvalue}, {"none", NULL}, {NULL, NULL}};
  pic_pushinteger(L, 7);   /* the upvalue goes below the table */
  pic_newtable(L);
  picL_setfuncs(L, funcs, 1);
  cr_assert_eq(pic_gettop(L), 1, "the upvalue must be popped, the table kept");
  cr_assert_eq(pic_rawgetfield(L, 1, "none"), PIC_TBOOLEAN);
  pic_pop(L, 1);
  pic_rawgetfield(L, 1, "up");
  return 1;
}

Test(auxlib, setfuncs_upvalues_below_table) {
  pic_State *L = pic_newstate(NULL, NULL);
  cr_assert_eq(run(L, register_with_upvalue), PIC_OK);
  cr_assert_eq(pic_type(L, -1), PIC_TFUNCTION);
  int nres;
  pic_settop(L, 1);   /* call the registered closure */
  cr_assert_eq(pic_start(L, 0), PIC_OK);
  cr_assert_eq(pic_step(L, -1, &nres), PIC_OK);
  cr_assert_eq(pic_tointeger(L, -1), 7);
  pic_close(L);
}

static int bad_option(pic_State *L) {
  static const char *const opts[] = {"one", "two", NULL};
  pic_pushstring(L, "three");
  pic_insert(L, 1);
  return picL_checkoption(L, 1, NULL, opts);
}

static int bad_integer(pic_State *L) {
  pic_pushnumber(L, 1.5);
  pic_insert(L, 1);
  return (int)picL_checkinteger(L, 1);
}

static int bad_type(pic_State *L) {
  pic_settop(L, 0);
  picL_checktype(L, 1, PIC_TTABLE);
  return 0;
}

/* Runs [f] in a fresh state (a thread is dead after an error) and checks
** that it fails with a message containing [want]. */
static void expect_error(pic_CFunction f, const char *want) {
  pic_State *L = pic_newstate(NULL, NULL);
  cr_assert_eq(run(L, f), PIC_ERRRUN);
  const char *msg = pic_tostring(L, -1);
  cr_assert(msg != NULL && strstr(msg, want) != NULL, "got: %s", msg ? msg : "(null)");
  cr_assert(strncmp(msg, "bad argument #1 to ", 19) == 0, "got: %s", msg);
  pic_close(L);
}

Test(auxlib, argument_errors_use_lua_messages) {
  expect_error(bad_option, "(invalid option 'three')");
  expect_error(bad_integer, "(number has no integer representation)");
  expect_error(bad_type, "(table expected, got no value)");
}

static int tostrings(pic_State *L) {
  pic_pushinteger(L, -3);
  pic_pushnumber(L, 2.0);
  pic_pushboolean(L, 1);
  pic_pushnil(L);
  int base = pic_gettop(L) - 4;
  picL_Buffer b;
  for (int i = 1; i <= 4; i++)
    cr_assert_eq(picL_tolstring_m(L, base + i), 1);
  pic_concat_raw(L, 4);
  picL_buffinit(L, &b);
  picL_pushresult(&b);   /* empty buffer: "" */
  pic_concat_raw(L, 2);
  return 1;
}

Test(auxlib, tolstring_without_metamethods) {
  pic_State *L = pic_newstate(NULL, NULL);
  cr_assert_eq(run(L, tostrings), PIC_OK);
  cr_assert_str_eq(pic_tostring(L, -1), "-32.0truenil");
  pic_close(L);
}
