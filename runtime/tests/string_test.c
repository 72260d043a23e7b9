/*
** string_test.c -- strings: interning, long strings, comparison, the intern
** table under collection. Module: runtime (tests).
*/
#include <criterion/criterion.h>

#include "runtime/tests/testutil.h"

static pic_State *L;

static void setup(void) {
  L = pic_newstate(NULL, NULL);
}

static void teardown(void) {
  pic_close(L);
}

TestSuite(string, .init = setup, .fini = teardown);

Test(string, short_strings_are_interned) {
  char buf[8] = "hello";
  TString *a = picS_new(L, "hello");
  TString *b = picS_newlstr(L, buf, 5);
  cr_assert_eq(a, b);
  cr_assert_eq(a->tt, PIC_VSHRSTR);
  cr_assert_neq(picS_new(L, "hellp"), a);
}

Test(string, long_strings_keep_zeros) {
  char buf[100];
  TString *a, *b;
  memset(buf, 0, sizeof(buf));
  buf[50] = 'x';
  a = picS_newlstr(L, buf, sizeof(buf));
  b = picS_newlstr(L, buf, sizeof(buf));
  cr_assert_eq(a->tt, PIC_VLNGSTR);
  cr_assert_neq(a, b);
  cr_assert(picS_eqlngstr(a, b));
  cr_assert_eq(tsslen(a), 100);
  cr_assert_eq(getstr(a)[50], 'x');
  cr_assert_eq(getstr(a)[100], '\0');
  cr_assert_eq(picS_hashlongstr(a), picS_hashlongstr(b));
}

Test(string, short_string_with_zero) {
  TString *a = picS_newlstr(L, "a\0b", 3);
  TString *b = picS_newlstr(L, "a\0c", 3);
  cr_assert_neq(a, b);
  cr_assert_eq(tsslen(a), 3);
  cr_assert_lt(picS_cmp(a, b), 0);
}

Test(string, compare) {
  cr_assert_lt(picS_cmp(picS_new(L, "a"), picS_new(L, "b")), 0);
  cr_assert_lt(picS_cmp(picS_new(L, "a"), picS_new(L, "ab")), 0);
  cr_assert_gt(picS_cmp(picS_new(L, "\xff"), picS_new(L, "a")), 0);
  cr_assert_eq(picS_cmp(picS_new(L, ""), picS_new(L, "")), 0);
}

Test(string, intern_table_grows_and_collects) {
  char buf[32];
  int i, before = G(L)->strt.nuse;
  for (i = 0; i < 5000; i++) {
    snprintf(buf, sizeof(buf), "str%d", i);
    picS_new(L, buf);
    /* the load bound that keeps probes short (pstring.c toofull) */
    cr_assert_lt((int64_t)G(L)->strt.nuse * 8, (int64_t)G(L)->strt.size * 5);
  }
#ifndef PIC_GC_STRESS   /* gcstress collects the unanchored strings as they are made */
  cr_assert_geq(G(L)->strt.size, 8192);   /* 5000 strings need 8192 slots at 5/8 */
#endif
  picC_fullgc(L, 0);
  cr_assert_leq(G(L)->strt.nuse, before + 1);
  /* fixed strings survive */
  cr_assert_str_eq(getstr(G(L)->tmname[TM_INDEX]), "__index");
  cr_assert_str_eq(getstr(G(L)->memerrmsg), "not enough memory");
}

Test(string, anchored_strings_survive_collection) {
  TString *s = picS_new(L, "keep me");
  setsvalue(L, L->top, s);
  L->top++;
  picC_fullgc(L, 0);
  cr_assert_eq(picS_new(L, "keep me"), s);
  L->top--;
}

Test(string, userdata) {
  Udata *u = picS_newudata(L, 100, 3);
  cr_assert_eq(u->len, 100);
  cr_assert_eq(u->nuvalue, 3);
  cr_assert(ttisnil(&u->uv[2]));
  cr_assert_eq(((uintptr_t)getudatamem(u)) % 16, 0);
  memset(getudatamem(u), 1, 100);
}
