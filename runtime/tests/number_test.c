/*
** number_test.c -- numeral conversion and formatting, integer division
** rules, chunk ids and pushfstring. Module: runtime (tests).
*/
#include <criterion/criterion.h>
#include <math.h>
#include <stdarg.h>

#include "runtime/tests/testutil.h"

static int conv(const char *s, TValue *o) {
  return picO_str2num(s, o) == strlen(s) + 1;
}

static const char *fmt(TValue v) {
  static char buff[PIC_MAXNUMBER2STR];
  picO_tostringbuff(&v, buff);
  return buff;
}

Test(number, decimal_and_hex_integers) {
  TValue o;
  cr_assert(conv("10", &o) && ttisinteger(&o) && ivalue(&o) == 10);
  cr_assert(conv("  0x10  ", &o) && ivalue(&o) == 16);
  cr_assert(conv("-0X1f", &o) && ivalue(&o) == -31);
  /* hexadecimal integers wrap around */
  cr_assert(conv("0xffffffffffffffff", &o) && ttisinteger(&o) && ivalue(&o) == -1);
  cr_assert(conv("0x10000000000000000", &o) && ttisinteger(&o) && ivalue(&o) == 0);
  cr_assert(conv("9223372036854775807", &o) && ivalue(&o) == INT64_MAX);
  cr_assert(conv("-9223372036854775808", &o) && ttisinteger(&o) && ivalue(&o) == INT64_MIN);
}

Test(number, decimal_overflow_becomes_float) {
  TValue o;
  cr_assert(conv("9223372036854775808", &o) && ttisfloat(&o));
  cr_assert_eq(fltvalue(&o), 9223372036854775808.0);
}

Test(number, floats) {
  TValue o;
  cr_assert(conv("1e10", &o) && ttisfloat(&o) && fltvalue(&o) == 1e10);
  cr_assert(conv("0x1p4", &o) && fltvalue(&o) == 16.0);
  cr_assert(conv("0xA.8", &o) && fltvalue(&o) == 10.5);
  cr_assert(conv(".5", &o) && fltvalue(&o) == 0.5);
  cr_assert(conv("5.", &o) && fltvalue(&o) == 5.0);
  cr_assert(conv(" \t3.0\n", &o) && ttisfloat(&o));
}

Test(number, rejects_non_numerals) {
  TValue o;
  const char *bad[] = {"", "  ", "inf", "nan", "-inf", "1 2", "0x", "1e", "e1", "1..2", "0x1p", "--1", "1a"};
  size_t i;
  for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
    cr_assert_eq(picO_str2num(bad[i], &o), 0, "accepted '%s'", bad[i]);
}

Test(number, tostring_like_lua) {
  cr_assert_str_eq(fmt(tv_int(-42)), "-42");
  cr_assert_str_eq(fmt(tv_int(INT64_MIN)), "-9223372036854775808");
  cr_assert_str_eq(fmt(tv_flt(3.0)), "3.0");
  cr_assert_str_eq(fmt(tv_flt(-0.0)), "-0.0");
  cr_assert_str_eq(fmt(tv_flt(0.1)), "0.1");
  cr_assert_str_eq(fmt(tv_flt(1e15)), "1e+15");
  cr_assert_str_eq(fmt(tv_flt(1e100)), "1e+100");
  cr_assert_str_eq(fmt(tv_flt(123456789012345.0)), "1.2345678901234e+14");
  cr_assert_str_eq(fmt(tv_flt(HUGE_VAL)), "inf");
  cr_assert_str_eq(fmt(tv_flt(-HUGE_VAL)), "-inf");
  cr_assert_str_eq(fmt(tv_flt(2.0 * 9223372036854775807.0)), "1.844674407371e+19");
}

Test(number, float_to_integer) {
  pic_Integer i;
  cr_assert(picO_flttointns(3.0, &i, 0) && i == 3);
  cr_assert(!picO_flttointns(3.5, &i, 0));
  cr_assert(picO_flttointns(3.5, &i, 1) && i == 3);
  cr_assert(picO_flttointns(3.5, &i, 2) && i == 4);
  cr_assert(picO_flttointns(-3.5, &i, 1) && i == -4);
  cr_assert(!picO_flttointns(9223372036854775808.0, &i, 1));
  cr_assert(picO_flttointns(-9223372036854775808.0, &i, 0) && i == INT64_MIN);
  cr_assert(!picO_flttointns(NAN, &i, 1));
}

Test(number, string_coercion) {
  pic_State *L = pic_newstate(NULL, NULL);
  TValue s = tv_str(L, " 0x10 ");
  pic_Integer i;
  pic_Number n;
  cr_assert(picO_tointegerns(&s, &i, 0) && i == 16);
  s = tv_str(L, "2.5");
  cr_assert(!picO_tointegerns(&s, &i, 0));
  cr_assert(picO_tonumber(&s, &n) && n == 2.5);
  pic_close(L);
}

Test(number, integer_division_rules) {
  pic_State *L = pic_newstate(NULL, NULL);
  cr_assert_eq(picO_idiv(L, 7, 2), 3);
  cr_assert_eq(picO_idiv(L, -7, 2), -4);
  cr_assert_eq(picO_idiv(L, 7, -2), -4);
  cr_assert_eq(picO_idiv(L, INT64_MIN, -1), INT64_MIN);
  cr_assert_eq(picO_mod(L, -7, 3), 2);
  cr_assert_eq(picO_mod(L, 7, -3), -2);
  cr_assert_eq(picO_mod(L, INT64_MIN, -1), 0);
  cr_assert_eq(picO_modf(L, -5.5, 2.0), 0.5);
  cr_assert_eq(picO_modf(L, 5.5, -2.0), -0.5);
  cr_assert(isnan(picO_modf(L, 1.0, 0.0)));
  cr_assert_eq(picO_shiftl(1, 63), INT64_MIN);
  cr_assert_eq(picO_shiftl(1, 64), 0);
  cr_assert_eq(picO_shiftl(-1, -63), 1);
  cr_assert_eq(picO_shiftl(-1, -64), 0);
  pic_close(L);
}

static void idivzero(pic_State *L, void *ud) {
  (void)ud;
  (void)picO_idiv(L, 1, 0);
}

static void modzero(pic_State *L, void *ud) {
  (void)ud;
  (void)picO_mod(L, 1, 0);
}

Test(number, division_by_zero_raises) {
  pic_State *L = pic_newstate(NULL, NULL);
  cr_assert_eq(protect(L, idivzero, NULL), PIC_ERRRUN);
  cr_assert(strstr(top_str(L), "attempt to divide by zero") != NULL, "%s", top_str(L));
  cr_assert_eq(protect(L, modzero, NULL), PIC_ERRRUN);
  cr_assert(strstr(top_str(L), "attempt to perform 'n%0'") != NULL, "%s", top_str(L));
  pic_close(L);
}

Test(number, rawarith) {
  pic_State *L = pic_newstate(NULL, NULL);
  TValue a = tv_int(7), b = tv_int(2), r, s = tv_str(L, "3");
  cr_assert(picO_rawarith(L, PIC_OPADD, &a, &b, &r) && ttisinteger(&r) && ivalue(&r) == 9);
  cr_assert(picO_rawarith(L, PIC_OPDIV, &a, &b, &r) && ttisfloat(&r) && fltvalue(&r) == 3.5);
  cr_assert(picO_rawarith(L, PIC_OPPOW, &a, &b, &r) && fltvalue(&r) == 49.0);
  cr_assert(picO_rawarith(L, PIC_OPBAND, &a, &s, &r) && ivalue(&r) == 3);
  cr_assert(!picO_rawarith(L, PIC_OPADD, &a, &s, &r));  /* strings: via metamethods */
  b = tv_flt(0.5);
  cr_assert(!picO_rawarith(L, PIC_OPBOR, &a, &b, &r));
  pic_close(L);
}

Test(number, stringtonumber) {
  pic_State *L = pic_newstate(NULL, NULL);
  cr_assert_eq(pic_stringtonumber(L, " 0x10 "), 7);
  cr_assert(pic_isinteger(L, -1) && pic_tointeger(L, -1) == 16);
  cr_assert_eq(pic_stringtonumber(L, "1e2"), 4);
  cr_assert(!pic_isinteger(L, -1) && pic_tonumber(L, -1) == 100.0);
  cr_assert_eq(pic_gettop(L), 2);
  cr_assert_eq(pic_stringtonumber(L, "1 2"), 0);   /* not a numeral: pushes nothing */
  cr_assert_eq(pic_stringtonumber(L, "inf"), 0);
  cr_assert_eq(pic_stringtonumber(L, ""), 0);
  cr_assert_eq(pic_gettop(L), 2);
  pic_close(L);
}

static const char *chunkid(const char *src) {
  static char out[PIC_IDSIZE];
  picO_chunkid(out, src, strlen(src));
  return out;
}

Test(number, chunkid) {
  cr_assert_str_eq(chunkid("@hello.lua"), "hello.lua");
  cr_assert_str_eq(chunkid("=stdin"), "stdin");
  cr_assert_str_eq(chunkid("print(1)"), "[string \"print(1)\"]");
  cr_assert_str_eq(chunkid("x = 1\ny = 2"), "[string \"x = 1...\"]");
  cr_assert_eq(strlen(chunkid("@" "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")), PIC_IDSIZE - 1);
  cr_assert(strncmp(chunkid("@" "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), "...", 3) == 0);
}

static const char *pushf(pic_State *L, const char *f, ...) {
  const char *r;
  va_list ap;
  va_start(ap, f);
  r = picO_pushvfstring(L, f, ap);
  va_end(ap);
  return r;
}

Test(number, pushvfstring) {
  pic_State *L = pic_newstate(NULL, NULL);
  char big[500];
  cr_assert_str_eq(pushf(L, "%s=%d", "x", 42), "x=42");
  cr_assert_str_eq(pushf(L, "%I|%f|%f", (pic_Integer)INT64_MAX, 1.0, 0.25), "9223372036854775807|1.0|0.25");
  cr_assert_str_eq(pushf(L, "%c%c%%", 'o', 'k'), "ok%");
  cr_assert_str_eq(pushf(L, "<%U>", 0x20AC), "<\xE2\x82\xAC>");
  memset(big, 'b', sizeof(big) - 1);
  big[sizeof(big) - 1] = '\0';
  cr_assert_eq(strlen(pushf(L, "[%s][%s]", big, big)), 2 * strlen(big) + 4);
  pic_close(L);
}

/* picO_fmtg14 must print exactly what snprintf's "%.14g" prints. */
static void samefmt(double x) {
  char want[64], got[PIC_MAXNUMBER2STR];
  snprintf(want, sizeof want, "%.14g", x);
  int len = picO_fmtg14(x, got);
  cr_assert_str_eq(got, want, "%.17g: got %s, want %s", x, got, want);
  cr_assert_eq(len, (int)strlen(want));
}

Test(number, fmtg14_edges) {
  static const double xs[] = {
    0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 100.0, 1e13, 99999999999999.0,
    1e14, 1e14 - 1, 1e14 + 1, 123456789012345.0, 1e15, 1e16, 1e100, 1e-4, 1e-5, 0.00012345,
    9.99999999999999e-05, 0.0001000000000000001, 99999999999999.5, 9999999999999.95,
    0.1 + 0.2, 1.005, 2.675, 1e-300, 5e-324, 1.7976931348623157e308, 9007199254740992.0,
    3.14159265358979, 2.718281828459045, 123.456, -123.456, 0.000123456789012345,
    12345678901234.5, 1234567890123.45, 0.12345678901234, 0.123456789012345, 4.35, 0.07,
  };
  size_t i;
  for (i = 0; i < sizeof xs / sizeof xs[0]; i++) {
    samefmt(xs[i]);
    samefmt(-xs[i]);
    samefmt(nextafter(xs[i], 0));
    samefmt(nextafter(xs[i], INFINITY));
  }
  samefmt(INFINITY);
  samefmt(-INFINITY);
  samefmt(NAN);
}

Test(number, fmtg14_random) {
  uint64_t s = 0x9E3779B97F4A7C15u;
  int i, j;
  for (i = 0; i < 200000; i++) {
    s ^= s << 13; s ^= s >> 7; s ^= s << 17;
    double bits;
    memcpy(&bits, &s, sizeof bits);
    if (isfinite(bits))
      samefmt(bits);   /* any double */
    /* short decimals, as programs compute them: k / 10^j and k * 0.5^j */
    int64_t k = (int64_t)(s >> 20) % 100000000 - 50000000;
    j = (int)(s % 19);
    samefmt((double)k / pow(10, j));
    samefmt((double)k * ldexp(1.0, -(int)(s % 30)));
    samefmt((double)(s % 1000) / 7.0);
  }
}

/* A fast formatter [f] of "%.<prec>[conv]", when it answers (a length, not
** -1), must print what snprintf prints; *answered counts its answers. */
typedef int (*Formatter)(pic_Number x, int prec, char *buff);
static void samefast(Formatter f, char conv, double x, int prec, int *answered) {
  char want[400], got[PIC_MAXNUMBER2STR], form[8];
  snprintf(form, sizeof form, "%%.%d%c", prec, conv);
  snprintf(want, sizeof want, form, x);
  int len = f(x, prec, got);
  if (len < 0)
    return;
  (*answered)++;
  cr_assert_str_eq(got, want, "%.17g %s: got %s, want %s", x, form, got, want);
  cr_assert_eq(len, (int)strlen(want));
}

static int exactcount;
static void sameexact(double x, int prec) {
  samefast(picO_fmtgexact, 'g', x, prec, &exactcount);
}

Test(number, fmtgexact) {
  static const double xs[] = {1.0, 0.5, 0.25, 0.015625, 100.0, 123.125, 1e16, 1e17,
    99999999999999984.0, 0.0001, 0.00006103515625, 1.0 / 1024, 3.0 / 8192, 12345678.5,
    9007199254740992.0, 9007199254740993.0, 0.1, 1.0 / 3, 0.0, 5e-324, 1e300};
  uint64_t s = 0x243F6A8885A308D3u;
  size_t i;
  int p;
  for (i = 0; i < sizeof xs / sizeof xs[0]; i++)
    for (p = 1; p <= 20; p++) {
      sameexact(xs[i], p);
      sameexact(-xs[i], p);
    }
  for (i = 0; i < 300000; i++) {
    s ^= s << 13; s ^= s >> 7; s ^= s << 17;
    int64_t k = (int64_t)(s >> 16) % 1000000000000;   /* k / 2^j: exact decimals */
    int j = (int)(s % 40);
    p = 1 + (int)((s >> 8) % 19);
    sameexact((double)k * ldexp(1.0, -j), p);
    sameexact((double)(k % 100000) / 64.0, 17);
    double bits;
    memcpy(&bits, &s, sizeof bits);
    sameexact(bits, p);
  }
  cr_assert(exactcount > 300000, "the fast path answered %d times", exactcount);
}

static int fcount;
static void samef(double x, int prec) {
  samefast(picO_fmtf, 'f', x, prec, &fcount);
}

Test(number, fmtf) {
  static const double xs[] = {0.0, 1.0, 0.5, 0.125, 0.375, 2.5, 0.05, 0.15, 0.25, 1.005, 2.675,
    0.1, 1.0 / 3, 2.0 / 3, 123456.789, 999.9995, 999.9994999, 1e14, 9.999999999999999e14,
    0.0049999999, 0.005, 0.0050000001, 1e-20, 4503599627370495.5, 3.14159265358979};
  uint64_t s = 0x9E3779B97F4A7C15u;
  size_t i;
  int p;
  for (i = 0; i < sizeof xs / sizeof xs[0]; i++)
    for (p = 0; p <= 16; p++) {
      samef(xs[i], p);
      samef(-xs[i], p);
    }
  samef(-0.0, 2);
  samef(-0.001, 1);
  for (i = 0; i < 300000; i++) {
    s ^= s << 13; s ^= s >> 7; s ^= s << 17;
    p = (int)(s % 13);
    int64_t k = (int64_t)(s >> 20) % 100000000 - 50000000;
    samef((double)k / pow(10, (int)((s >> 4) % 9)), p);   /* decimals, ties among them */
    samef((double)k * ldexp(1.0, -(int)((s >> 9) % 20)), p);
    samef((double)(s % 100000) / 7.0, p);
    double bits;
    memcpy(&bits, &s, sizeof bits);
    samef(bits, p);
  }
  cr_assert(fcount > 600000, "the fast path answered %d times", fcount);
}
