/*
** hostile_test.c -- images that pass the verifier but break what a compiler
** would guarantee about register contents: the executor must raise a clear
** error or compute something, never crash (promise 4). Module: runtime (tests).
*/
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "format/image.h"
#include "format/tests/testlib.h"
#include "runtime/piccolo.h"

/* Runs the one-chunk image whose main is [code] ([ms] registers); returns
** the status of the run and leaves its message (or "") in [msg]. */
static int run_code(const fmt_Instr *code, uint32_t n, uint8_t ms, char *msg, size_t msglen) {
  TAlloc ta;
  fmt_Allocator a = ta_make(&ta);
  fmt_Image *img = code_image(a, code, n, ms);
  fmt_WriteOptions o = {1, 3};
  uint8_t *buf;
  size_t size;
  int st, nres;
  pic_State *L;
  cr_assert_eq(fmt_image_write(img, &o, a, &buf, &size), FMT_OK);
  L = pic_newstate(NULL, NULL);
  cr_assert_not_null(L);
  st = pic_loadimage(L, buf, size, "hostile");
  cr_assert_eq(st, PIC_OK, "load: %s", pic_tostring(L, -1));
  cr_assert_eq(pic_start(L, 0), PIC_OK);
  st = pic_step(L, 1000000, &nres);
  snprintf(msg, msglen, "%s", (st != PIC_OK && pic_isstring(L, -1)) ? pic_tostring(L, -1) : "");
  pic_close(L);
  a.f(a.ud, buf, size, 0);
  fmt_image_free(img, a);
  return st;
}

Test(hostile, setlist_on_a_number) {
  static const fmt_Instr code[] = {
    AsBx(LOADI, 0, 5), AsBx(LOADI, 1, 7), ABC(SETLIST, 0, 1, 0), ABC(RETURN0, 0, 0, 0),
  };
  char msg[200];
  cr_assert_eq(run_code(code, N(code), 2, msg, sizeof msg), PIC_ERRRUN);
  cr_assert(strstr(msg, "SETLIST on a number value") != NULL, "%s", msg);
}

Test(hostile, self_with_a_non_string_register_key) {
  /* t = {}; t:[3]() through SELF with the key in a register (k = 0) */
  static const fmt_Instr code[] = {
    ABC(NEWTABLE, 0, 0, 0), EXTRA(0), AsBx(LOADI, 1, 3), ABC(SELF, 2, 0, 1),
    ABC(RETURN0, 0, 0, 0),
  };
  char msg[200];
  cr_assert_eq(run_code(code, N(code), 4, msg, sizeof msg), PIC_OK, "%s", msg);
}

Test(hostile, for_loop_counter_overwritten) {
  /* the body stores a table into the numeric for's hidden counter register
  ** and allocates (so the collector runs) while FORLOOP's update is there */
  static const fmt_Instr code[] = {
    AsBx(LOADI, 0, 1), AsBx(LOADI, 1, 1000), AsBx(LOADI, 2, 1), ABC(NEWTABLE, 5, 0, 0),
    EXTRA(0), ABx(FORPREP, 0, 3), ABC(NEWTABLE, 4, 0, 0), EXTRA(0),
    ABC(MOVE, 1, 5, 0), ABx(FORLOOP, 0, 4), ABC(RETURN0, 0, 0, 0),
  };
  char msg[200];
  int st = run_code(code, N(code), 6, msg, sizeof msg);
  cr_assert(st == PIC_FUEL || st == PIC_OK, "status %d: %s", st, msg);
}
