/*
** gc_generational_test.c -- the generational collector: ages advance by
** minor collections, old objects stay black and are not swept, barriers keep
** young values stored into old objects alive, a bad major collection keeps
** the mode, leaving the mode makes everything young again. Module: runtime
** (tests).
*/
#include <criterion/criterion.h>

#include "runtime/tests/testutil.h"

/* The pacing tests measure when collections happen, which the stress build
** (--config=gcstress: collections at every safe point) changes on purpose. */
#ifdef PIC_GC_STRESS
#define PACING_OFF 1
#else
#define PACING_OFF 0
#endif

/* One minor collection (a step of size 0 never runs a major one). A
** structure just built may have made the last major collection bad (the
** collector then waits in incremental mode): asking for the mode again
** goes back at once. */
static void minor(pic_State *L) {
  size_t before;
  if (G(L)->lastatomic != 0)
    pic_gc(L, PIC_GCGEN, 0, 0);
  before = G(L)->gccount;
  cr_assert_eq(pic_gc(L, PIC_GCSTEP, 0), 0, "a generational step never ends in the pause");
  cr_assert_eq(G(L)->gccount, before + 1);
}

Test(gc_generational, mode_switch_reports_previous_mode) {
  pic_State *L = pic_newstate(NULL, NULL);
  cr_assert_eq(pic_gc(L, PIC_GCGEN, 0, 0), PIC_GCINC);
  cr_assert_eq(G(L)->gckind, KGC_GEN);
  cr_assert_eq(G(L)->gcstate, GCSpropagate);
  cr_assert_eq(pic_gc(L, PIC_GCGEN, 0, 0), PIC_GCGEN);
  cr_assert_eq(pic_gc(L, PIC_GCINC, 0, 0, 0), PIC_GCGEN);
  cr_assert_eq(G(L)->gckind, KGC_INC);
  cr_assert_eq(G(L)->gcstate, GCSpause);
  cr_assert_eq(pic_gc(L, PIC_GCINC, 0, 0, 0), PIC_GCINC);
  pic_close(L);
}

Test(gc_generational, ages_advance_and_old_objects_stay_black) {
  pic_State *L = pic_newstate(NULL, NULL);
  GCObject *t;
  pic_gc(L, PIC_GCGEN, 0, 0);
  pic_createtable(L, 0, 0);
  t = gcvalue(L->top - 1);
  cr_assert_eq(getage(t), G_NEW);
  cr_assert(iswhite(t));
  minor(L);
  cr_assert_eq(getage(t), G_SURVIVAL);
  cr_assert(iswhite(t), "a survival is white again");
  minor(L);
  cr_assert_eq(getage(t), G_OLD1);
  cr_assert(isblack(t));
  minor(L);
  cr_assert_eq(getage(t), G_OLD);
  cr_assert(isblack(t), "an old object is black between collections");
  minor(L);
  cr_assert_eq(getage(t), G_OLD);
  pic_close(L);
}

Test(gc_generational, barriers_keep_young_values_in_old_objects) {
  pic_State *L = pic_newstate(NULL, NULL);
  int i, round;
  pic_gc(L, PIC_GCGEN, 0, 0);
  pushbig(L, 2000);
  minor(L);
  minor(L);
  minor(L);
  cr_assert_eq(getage(gcvalue(L->top - 1)), G_OLD);
  for (round = 0; round < 4; round++) {
    /* young tables and strings into the old table (backward barrier) and
    ** into the old tables it holds (each its own barrier) */
    for (i = 1; i <= 2000; i++) {
      char buf[64];
      snprintf(buf, sizeof buf, "young %d-%d, long enough not to be interned", round, i);
      pic_rawgeti(L, -1, i);
      pic_createtable(L, 0, 0);
      pic_pushstring(L, buf);
      pic_rawsetfield(L, -2, "s");
      pic_rawseti(L, -2, 2);
      pic_pop(L, 1);
      if (i % 500 == 0)
        minor(L);
    }
    pushbig(L, 3000);  /* garbage */
    pic_pop(L, 1);
    minor(L);
    minor(L);
    pic_gc(L, PIC_GCSTEP, 0);
    for (i = 1; i <= 2000; i++) {
      char buf[64];
      snprintf(buf, sizeof buf, "young %d-%d, long enough not to be interned", round, i);
      cr_assert_eq(pic_rawgeti(L, -1, i), PIC_TTABLE);
      cr_assert_eq(pic_rawgeti(L, -1, 2), PIC_TTABLE);
      cr_assert_eq(pic_rawgetfield(L, -1, "s"), PIC_TSTRING);
      cr_assert_str_eq(pic_tostring(L, -1), buf);
      pic_pop(L, 3);
    }
  }
  pic_close(L);
}

Test(gc_generational, minor_collection_frees_young_garbage_only, .disabled = PACING_OFF) {
  pic_State *L = pic_newstate(NULL, NULL);
  size_t kept, after;
  pic_gc(L, PIC_GCGEN, 0, 0);
  pushbig(L, 5000);
  minor(L);
  minor(L);
  kept = G(L)->totalbytes;
  pushbig(L, 20000);
  pic_pop(L, 1);
  minor(L);
  after = G(L)->totalbytes;
  cr_assert_lt(after, kept + kept / 4, "young garbage freed: %zu bytes after, %zu kept",
               after, kept);
  cr_assert_eq(pic_rawlen(L, -1), 5000);
  pic_close(L);
}

Test(gc_generational, bad_major_collection_keeps_the_mode, .disabled = PACING_OFF) {
  pic_State *L = pic_newstate(NULL, NULL);
  int i;
  pic_gc(L, PIC_GCGEN, 0, 0);
  /* a growing structure that is never garbage: major collections free
  ** nothing, so they are bad and the collector waits in incremental mode */
  pic_createtable(L, 0, 0);
  for (i = 1; i <= 200000 && G(L)->lastatomic == 0; i++) {
    pic_createtable(L, 0, 0);
    pic_rawseti(L, -2, i);
  }
  cr_assert_neq(G(L)->lastatomic, 0, "no bad collection after %d tables", i);
  cr_assert_eq(pic_gc(L, PIC_GCGEN, 0, 0), PIC_GCGEN, "the mode is still generational");
  cr_assert_eq(G(L)->lastatomic, 0);
  cr_assert_eq(G(L)->gckind, KGC_GEN);
  cr_assert_eq(pic_rawlen(L, -1), i - 1);
  pic_close(L);
}

Test(gc_generational, leaving_the_mode_makes_everything_young) {
  pic_State *L = pic_newstate(NULL, NULL);
  GCObject *t;
  pic_gc(L, PIC_GCGEN, 0, 0);
  pushbig(L, 100);
  t = gcvalue(L->top - 1);
  minor(L);
  minor(L);
  cr_assert(isold(t));
  pic_gc(L, PIC_GCINC, 0, 0, 0);
  cr_assert_eq(getage(t), G_NEW);
  cr_assert(iswhite(t));
  cr_assert_null(G(L)->survival);
  cr_assert_null(G(L)->finobjold1);
  pic_gc(L, PIC_GCCOLLECT);
  cr_assert_eq(pic_rawlen(L, -1), 100);
  pic_close(L);
}
