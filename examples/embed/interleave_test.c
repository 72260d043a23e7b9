/*
** interleave_test.c -- Criterion tests of stepping with fuel: two scripts
** run alternately in small slices must both finish with the same results as
** when run in one go. Module: examples/embed (tests of runtime/pdo.c).
*/
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/piccolo.h"

static pic_State *loadimage(pic_State *L, const char *path) {
  FILE *f = fopen(path, "rb");
  static char buf[1 << 16];
  size_t n;
  pic_State *T;
  cr_assert_not_null(f, "cannot open %s", path);
  n = fread(buf, 1, sizeof buf, f);
  fclose(f);
  T = pic_newthread(L);
  cr_assert_eq(pic_loadimage(T, buf, n, path), PIC_OK);
  cr_assert_eq(pic_start(T, 0), PIC_OK);
  return T;
}

/* Runs [T] to the end with [fuel] per step; returns the number of steps. */
static int runall(pic_State *T, int64_t fuel, int *nres) {
  int steps = 0, status;
  while ((status = pic_step(T, fuel, nres)) == PIC_FUEL)
    steps++;
  cr_assert_eq(status, PIC_OK, "status %d: %s", status, pic_tostring(T, -1));
  return steps + 1;
}

Test(stepping, alternate_small_fuel) {
  pic_State *L = pic_newstate(NULL, NULL);
  pic_State *a, *b;
  int nres, sa = 0, sb = 0, da = 0, db = 0;
  pic_openlibs(L);
  a = loadimage(L, "examples/embed/counter.pci");
  b = loadimage(L, "examples/embed/squares.pci");
  while (!da || !db) {
    int st;
    if (!da) {
      st = pic_step(a, 7, &nres);
      sa++;
      if (st != PIC_FUEL) {
        cr_assert_eq(st, PIC_OK);
        cr_assert_eq(nres, 2);
        cr_assert_str_eq(pic_tostring(a, -2), "counter");
        cr_assert_eq(pic_tointeger(a, -1), 4515);
        da = 1;
      }
    }
    if (!db) {
      st = pic_step(b, 5, &nres);
      sb++;
      if (st != PIC_FUEL) {
        cr_assert_eq(st, PIC_OK);
        cr_assert_eq(nres, 4);
        cr_assert_str_eq(pic_tostring(b, -4), "squares");
        cr_assert_eq(pic_tointeger(b, -3), 500);
        cr_assert_eq(pic_toboolean(b, -2), 0);
        cr_assert_str_eq(pic_tostring(b, -1), "handled");
        db = 1;
      }
    }
  }
  cr_assert_gt(sa, 10, "counter should need many slices, took %d", sa);
  cr_assert_gt(sb, 10, "squares should need many slices, took %d", sb);
  pic_close(L);
}

Test(stepping, same_result_any_fuel) {
  int64_t fuels[] = {1, 2, 3, 10, 100, -1};
  size_t i;
  for (i = 0; i < sizeof fuels / sizeof fuels[0]; i++) {
    pic_State *L = pic_newstate(NULL, NULL);
    pic_State *a;
    int nres;
    pic_openlibs(L);
    a = loadimage(L, "examples/embed/counter.pci");
    runall(a, fuels[i], &nres);
    cr_assert_eq(pic_tointeger(a, -1), 4515, "fuel %lld", (long long)fuels[i]);
    pic_close(L);
  }
}

Test(stepping, fuel_used_is_counted) {
  pic_State *L = pic_newstate(NULL, NULL);
  pic_State *a;
  int nres;
  pic_openlibs(L);
  a = loadimage(L, "examples/embed/counter.pci");
  runall(a, 13, &nres);
  cr_assert_gt(pic_fuelused(L), 1000);
  pic_close(L);
}

Test(stepping, yield_to_host_and_resume) {
  pic_State *L = pic_newstate(NULL, NULL);
  pic_State *t;
  int nres;
  pic_openlibs(L);
  t = loadimage(L, "examples/embed/yielder.pci");
  cr_assert_eq(pic_step(t, -1, &nres), PIC_YIELD);
  cr_assert_eq(nres, 2);
  cr_assert_eq(pic_tointeger(t, -2), 1);
  cr_assert_eq(pic_tointeger(t, -1), 2);
  pic_pop(t, 2);
  pic_pushinteger(t, 5);
  {
    int st = pic_step(t, 3, &nres);
    if (st == PIC_FUEL)
      runall(t, 3, &nres);
    else
      cr_assert_eq(st, PIC_OK);
  }
  cr_assert_eq(pic_tointeger(t, -1), 50);
  pic_getglobal(L, "closed");
  cr_assert(pic_toboolean(L, -1), "__close ran on return");
  pic_close(L);
}

Test(stepping, closethread_runs_close) {
  pic_State *L = pic_newstate(NULL, NULL);
  pic_State *t;
  int nres;
  pic_openlibs(L);
  t = loadimage(L, "examples/embed/yielder.pci");
  cr_assert_eq(pic_step(t, -1, &nres), PIC_YIELD);
  cr_assert_eq(pic_closethread(t, L), PIC_OK);
  pic_getglobal(L, "closed");
  cr_assert(pic_toboolean(L, -1), "pic_closethread ran __close");
  cr_assert_eq(pic_status(t), PIC_OK);
  pic_close(L);
}

Test(stepping, error_status_and_message) {
  pic_State *L = pic_newstate(NULL, NULL);
  pic_State *t;
  int nres;
  pic_openlibs(L);
  t = pic_newthread(L);
  pic_getglobal(t, "error");
  pic_pushstring(t, "boom");
  cr_assert_eq(pic_start(t, 1), PIC_OK);
  cr_assert_eq(pic_step(t, 100, &nres), PIC_ERRRUN);
  cr_assert_str_eq(pic_tostring(t, -1), "boom");
  cr_assert_eq(pic_step(t, 100, &nres), PIC_ERRRUN, "a dead thread cannot be stepped");
  pic_close(L);
}

static int closer(pic_State *L) {
  pic_pushboolean(L, 1);
  pic_setglobal(L, "cclosed");
  return 0;
}

static int withclose(pic_State *L) {
  pic_newtable(L);
  pic_newtable(L);
  pic_pushcfunction(L, closer);
  pic_rawsetfield(L, -2, "__close");
  pic_setmetatable(L, -2);
  pic_toclose(L, -1);
  pic_pushinteger(L, 7);
  return 1;
}

Test(stepping, c_toclose_on_return) {
  pic_State *L = pic_newstate(NULL, NULL);
  pic_State *t;
  int nres;
  pic_openlibs(L);
  t = pic_newthread(L);
  pic_pushcfunction(t, withclose);
  cr_assert_eq(pic_start(t, 0), PIC_OK);
  cr_assert_eq(pic_step(t, -1, &nres), PIC_OK);
  cr_assert_eq(nres, 1);
  cr_assert_eq(pic_tointeger(t, -1), 7);
  pic_getglobal(L, "cclosed");
  cr_assert(pic_toboolean(L, -1), "__close of a pic_toclose slot ran when the C function returned");
  pic_close(L);
}
