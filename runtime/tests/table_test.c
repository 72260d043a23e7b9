/*
** table_test.c -- tables: array/hash growth, borders, iteration while
** assigning, key normalization and refused keys. Module: runtime (tests).
*/
#include <criterion/criterion.h>
#include <math.h>

#include "runtime/tests/testutil.h"

static pic_State *L;

static void setup(void) {
  L = pic_newstate(NULL, NULL);
}

static void teardown(void) {
  pic_close(L);
}

TestSuite(table, .init = setup, .fini = teardown);

static void seti(Table *t, pic_Integer k, pic_Integer v) {
  TValue tv = tv_int(v);
  picH_setint(L, t, k, &tv);
}

static void setkv(Table *t, TValue k, TValue v) {
  picH_set(L, t, &k, &v);
}

Test(table, array_part_grows) {
  Table *t = push_table(L);
  pic_Integer i;
  for (i = 1; i <= 1000; i++)
    seti(t, i, i * 10);
  cr_assert_eq(picH_realasize(t), 1024);
  cr_assert_eq(picH_getn(t), 1000);
  for (i = 1; i <= 1000; i++)
    cr_assert_eq(ivalue(picH_getint(t, i)), i * 10);
  cr_assert(isempty(picH_getint(t, 1001)));  /* free array slot */
  cr_assert(isabstkey(picH_getint(t, 2000)));
  cr_assert(isabstkey(picH_getint(t, 0)));
}

Test(table, sparse_keys_stay_in_hash) {
  Table *t = push_table(L);
  seti(t, 1, 1);
  seti(t, 1000000, 2);
  seti(t, -5, 3);
  cr_assert(picH_realasize(t) <= 1);
  cr_assert_eq(ivalue(picH_getint(t, 1000000)), 2);
  cr_assert_eq(ivalue(picH_getint(t, -5)), 3);
  cr_assert_eq(picH_getn(t), 1);
}

Test(table, border_in_hash_part) {
  Table *t = push_table(L);
  pic_Integer i;
  /* filled backwards: the keys land in the hash part first */
  for (i = 100; i >= 1; i--)
    seti(t, i, i);
  cr_assert_eq(picH_getn(t), 100);
  {
    TValue nil;
    setnilvalue(&nil);
    picH_setint(L, t, 100, &nil);
  }
  cr_assert_eq(picH_getn(t), 99);
}

Test(table, border_with_holes_is_a_border) {
  Table *t = push_table(L);
  pic_Integer i, n;
  TValue nil;
  setnilvalue(&nil);
  for (i = 1; i <= 64; i++)
    seti(t, i, i);
  picH_setint(L, t, 64, &nil);
  picH_setint(L, t, 20, &nil);
  n = (pic_Integer)picH_getn(t);
  cr_assert(n == 0 || !isempty(picH_getint(t, n)));
  cr_assert(isempty(picH_getint(t, n + 1)));
}

/* The length hint of [t], whose array has [size] slots: alimit == size, or
** size is a power of 2 and size/2 < alimit < size (and the flag says so). */
static void assert_hint_ok(const Table *t, unsigned size) {
  cr_assert_eq(picH_realasize(t), size);
  if (t->alimit != size) {
    cr_assert(!isrealasize(t));
    cr_assert_eq(size & (size - 1), 0u);
    cr_assert_gt(t->alimit, size / 2);
    cr_assert_lt(t->alimit, size);
  }
}

Test(table, append_keeps_hint_at_border) {
  Table *t = push_table(L);
  pic_Integer i;
  for (i = 1; i <= 1000; i++) {
    cr_assert_eq(picH_getn(t), (pic_Unsigned)i - 1);
    seti(t, (pic_Integer)picH_getn(t) + 1, i);
    {
      unsigned size = 1;
      while (size < (unsigned)i)
        size *= 2;
      assert_hint_ok(t, size);
    }
  }
  cr_assert_eq(picH_realasize(t), 1024);
  cr_assert_eq(picH_getn(t), 1000);
  cr_assert_eq(t->alimit, 1000);  /* '#' is answered at the hint: no search */
}

Test(table, pop_lowers_hint) {
  Table *t = push_table(L);
  pic_Integer i;
  TValue nil;
  setnilvalue(&nil);
  for (i = 1; i <= 64; i++)
    seti(t, i, i);
  for (i = 64; i >= 1; i--) {
    cr_assert_eq(picH_getn(t), (pic_Unsigned)i);
    picH_setint(L, t, i, &nil);
    assert_hint_ok(t, 64);
  }
  cr_assert_eq(picH_getn(t), 0);
  cr_assert_eq(picH_realasize(t), 64);
}

Test(table, hint_follows_lua_with_holes) {
  /* {1..8}; t[8], t[7] = nil: '#' is 6 and the hint stays there, so after
  ** t[4] = nil the border found is still 6 (lua5.4 prints 6, not 3) */
  Table *t = push_table(L);
  pic_Integer i;
  TValue nil;
  setnilvalue(&nil);
  picH_resize(L, t, 8, 0);
  for (i = 1; i <= 8; i++)
    seti(t, i, i);
  picH_setint(L, t, 8, &nil);
  picH_setint(L, t, 7, &nil);
  cr_assert_eq(picH_getn(t), 6);
  cr_assert_eq(t->alimit, 6);
  assert_hint_ok(t, 8);
  picH_setint(L, t, 4, &nil);
  cr_assert_eq(picH_getn(t), 6);
  /* a read of slot 8 moves the hint up to it */
  cr_assert(isempty(picH_getint(t, 8)));
  cr_assert_eq(t->alimit, 8);
  assert_hint_ok(t, 8);
  cr_assert_eq(picH_getn(t), 3);  /* binary search from 8 finds 3 */
  /* any resize resets the hint to the array size */
  picH_resize(L, t, 16, 0);
  cr_assert_eq(t->alimit, 16);
}

Test(table, float_keys_normalized) {
  Table *t = push_table(L);
  setkv(t, tv_flt(3.0), tv_int(33));
  cr_assert_eq(ivalue(picH_getint(t, 3)), 33);
  {
    TValue k = tv_int(3);
    cr_assert_eq(ivalue(picH_get(t, &k)), 33);
  }
  setkv(t, tv_flt(2.5), tv_int(25));
  {
    TValue k = tv_flt(2.5);
    cr_assert_eq(ivalue(picH_get(t, &k)), 25);
  }
  setkv(t, tv_flt(-0.0), tv_int(0));
  cr_assert_eq(ivalue(picH_getint(t, 0)), 0);
}

Test(table, string_keys) {
  Table *t = push_table(L);
  char buf[64];
  int i;
  for (i = 0; i < 300; i++) {
    snprintf(buf, sizeof(buf), "key%d", i);
    setkv(t, tv_str(L, buf), tv_int(i));
  }
  for (i = 0; i < 300; i++) {
    snprintf(buf, sizeof(buf), "key%d", i);
    cr_assert_eq(ivalue(picH_getstr(t, picS_new(L, buf))), i);
  }
  /* a long key found by contents */
  memset(buf, 'z', 60);
  buf[60] = '\0';
  setkv(t, tv_str(L, buf), tv_int(-1));
  cr_assert_eq(ivalue(picH_getstr(t, picS_new(L, buf))), -1);
}

Test(table, next_visits_all_while_assigning_existing) {
  Table *t = push_table(L);
  int i, count = 0;
  char buf[32];
  for (i = 1; i <= 50; i++)
    seti(t, i, i);
  for (i = 0; i < 50; i++) {
    snprintf(buf, sizeof(buf), "s%d", i);
    setkv(t, tv_str(L, buf), tv_int(i));
  }
  setkv(t, tv_flt(0.5), tv_int(1));
  setkv(t, tv_str(L, "x"), tv_int(1));
  setnilvalue(L->top);
  L->top += 2;
  while (picH_next(L, t, L->top - 2)) {
    TValue nv = tv_int(-1);
    count++;
    /* assign existing fields, and clear some: both allowed during traversal */
    if (count % 3 == 0)
      setnilvalue(&nv);
    picH_set(L, t, L->top - 2, &nv);
  }
  L->top -= 2;
  cr_assert_eq(count, 102);
}

static void setnilkey_fn(pic_State *S, void *ud) {
  TValue k, v = tv_int(1);
  setnilvalue(&k);
  picH_set(S, (Table *)ud, &k, &v);
}

static void setnankey(pic_State *S, void *ud) {
  TValue k = tv_flt(NAN), v = tv_int(1);
  picH_set(S, (Table *)ud, &k, &v);
}

static void badnext(pic_State *S, void *ud) {
  setsvalue(S, S->top, picS_new(S, "absent"));
  S->top += 2;
  picH_next(S, (Table *)ud, S->top - 2);
}

Test(table, refused_keys_raise) {
  Table *t = push_table(L);
  cr_assert_eq(protect(L, setnilkey_fn, t), PIC_ERRRUN);
  cr_assert(strstr(top_str(L), "index is nil") != NULL, "%s", top_str(L));
  cr_assert_eq(protect(L, setnankey, t), PIC_ERRRUN);
  cr_assert(strstr(top_str(L), "index is NaN") != NULL, "%s", top_str(L));
  cr_assert_eq(protect(L, badnext, t), PIC_ERRRUN);
  cr_assert(strstr(top_str(L), "invalid key to 'next'") != NULL, "%s", top_str(L));
}

Test(table, nil_key_lookup_and_nil_value_insert) {
  Table *t = push_table(L);
  TValue k, nil;
  setnilvalue(&k);
  setnilvalue(&nil);
  cr_assert(isabstkey(picH_get(t, &k)));
  k = tv_str(L, "absent");
  picH_set(L, t, &k, &nil);  /* a nil value is not inserted */
  cr_assert(isabstkey(picH_get(t, &k)));
}

Test(table, shrink_moves_array_to_hash) {
  Table *t = push_table(L);
  pic_Integer i;
  for (i = 1; i <= 16; i++)
    seti(t, i, i);
  picH_resize(L, t, 4, 16);
  cr_assert_eq(picH_realasize(t), 4);
  for (i = 1; i <= 16; i++)
    cr_assert_eq(ivalue(picH_getint(t, i)), i);
}
