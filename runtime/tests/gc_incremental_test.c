/*
** gc_incremental_test.c -- the incremental collector: bounded slices, cycle
** completion reported by PIC_GCSTEP, barriers keeping values stored into
** black objects alive mid-cycle. Module: runtime (tests).
*/
#include <criterion/criterion.h>

#include "runtime/tests/testutil.h"

Test(gc_incremental, step_is_bounded_and_reports_cycle_end) {
  pic_State *L = pic_newstate(NULL, NULL);
  int steps = 0, done = 0;
  pushbig(L, 50000);
  pic_gc(L, PIC_GCCOLLECT);
  cr_assert_eq(G(L)->gcstate, GCSpause);
  while (!done && steps < 100000) {
    done = pic_gc(L, PIC_GCSTEP, 0);
    steps++;
    if (!done)
      cr_assert_neq(G(L)->gcstate, GCSpause);
  }
  cr_assert(done);
  cr_assert_gt(steps, 2, "a 50000-table heap took %d basic steps", steps);
  cr_assert_eq(G(L)->gcstate, GCSpause);
  pic_close(L);
}

Test(gc_incremental, barriers_keep_new_values_alive) {
  pic_State *L = pic_newstate(NULL, NULL);
  Table *root;
  int i, round;
  pic_gc(L, PIC_GCINC, 0, 4, 1);  /* tiny slices: about one singlestep each */
  pushbig(L, 20000);
  root = hvalue(L->top - 1);
  for (round = 0; round < 3; round++) {
    int stored = 0;
    pic_gc(L, PIC_GCCOLLECT);
    /* advance until the root table has been traversed (black) */
    do
      pic_gc(L, PIC_GCSTEP, 0);
    while (!isblack(obj2gco(root)) && G(L)->gcstate != GCSpause);
    cr_assert(isblack(obj2gco(root)), "root table never turned black mid-cycle");
    /* store fresh white values into the black table */
    for (i = 1; i <= 1000; i++) {
      char buf[32];
      snprintf(buf, sizeof buf, "fresh %d-%d", round, i);
      pic_createtable(L, 0, 0);
      pic_pushstring(L, buf);
      pic_rawsetfield(L, -2, "s");
      pic_rawseti(L, -2, i);
      stored++;
    }
    while (!pic_gc(L, PIC_GCSTEP, 0)) {
    }
    pic_gc(L, PIC_GCSTEP, 0);  /* and into the next cycle */
    while (!pic_gc(L, PIC_GCSTEP, 0)) {
    }
    for (i = 1; i <= stored; i++) {
      char buf[32];
      snprintf(buf, sizeof buf, "fresh %d-%d", round, i);
      cr_assert_eq(pic_rawgeti(L, -1, i), PIC_TTABLE);
      cr_assert_eq(pic_rawgetfield(L, -1, "s"), PIC_TSTRING);
      cr_assert_str_eq(pic_tostring(L, -1), buf);
      pic_pop(L, 2);
    }
  }
  pic_close(L);
}

Test(gc_incremental, no_pending_finalizer) {
  pic_State *L = pic_newstate(NULL, NULL);
  int top = pic_gettop(L);
  cr_assert_eq(pic_gcnextfinalizer(L), 0);
  cr_assert_eq(pic_gettop(L), top);
  pic_close(L);
}
