/*
** mathlib.c -- the math library with lua5.4's integer/float rules and its
** xoshiro256** generator (same seeding, same projection, so a given
** math.randomseed gives lua5.4's sequence). Module: stdlib (picopen_math).
*/
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <time.h>

#include "stdlib/picstdlib.h"
#include "runtime/picaux.h"
#include "runtime/pvm.h"   /* picV_setmathfns */

#define PI 3.141592653589793238462643383279502884

/* Pushes [d] as an integer when it has an exact integer representation. */
static void pushnumint(pic_State *L, pic_Number d) {
  if (d >= (pic_Number)INT64_MIN && d < -(pic_Number)INT64_MIN)
    pic_pushinteger(L, (pic_Integer)d);
  else
    pic_pushnumber(L, d);
}

static int math_abs(pic_State *L) {
  if (pic_isinteger(L, 1)) {
    pic_Integer n = pic_tointeger(L, 1);
    if (n < 0)
      n = (pic_Integer)(0u - (pic_Unsigned)n);
    pic_pushinteger(L, n);
  } else {
    pic_pushnumber(L, fabs(picL_checknumber(L, 1)));
  }
  return 1;
}

static int math_sin(pic_State *L) { pic_pushnumber(L, sin(picL_checknumber(L, 1))); return 1; }
static int math_cos(pic_State *L) { pic_pushnumber(L, cos(picL_checknumber(L, 1))); return 1; }
static int math_tan(pic_State *L) { pic_pushnumber(L, tan(picL_checknumber(L, 1))); return 1; }
static int math_asin(pic_State *L) { pic_pushnumber(L, asin(picL_checknumber(L, 1))); return 1; }
static int math_acos(pic_State *L) { pic_pushnumber(L, acos(picL_checknumber(L, 1))); return 1; }
static int math_sqrt(pic_State *L) { pic_pushnumber(L, sqrt(picL_checknumber(L, 1))); return 1; }
static int math_exp(pic_State *L) { pic_pushnumber(L, exp(picL_checknumber(L, 1))); return 1; }

static int math_atan(pic_State *L) {
  pic_Number y = picL_checknumber(L, 1);
  pic_Number x = picL_optnumber(L, 2, 1);
  pic_pushnumber(L, atan2(y, x));
  return 1;
}

static int math_toint(pic_State *L) {
  int valid;
  pic_Integer n = pic_tointegerx(L, 1, &valid);
  if (valid) {
    pic_pushinteger(L, n);
  } else {
    picL_checkany(L, 1);
    pic_pushnil(L);
  }
  return 1;
}

static int math_floor(pic_State *L) {
  if (pic_isinteger(L, 1))
    pic_settop(L, 1);
  else
    pushnumint(L, floor(picL_checknumber(L, 1)));
  return 1;
}

static int math_ceil(pic_State *L) {
  if (pic_isinteger(L, 1))
    pic_settop(L, 1);
  else
    pushnumint(L, ceil(picL_checknumber(L, 1)));
  return 1;
}

static int math_fmod(pic_State *L) {
  if (pic_isinteger(L, 1) && pic_isinteger(L, 2)) {
    pic_Integer d = pic_tointeger(L, 2);
    if ((pic_Unsigned)d + 1u <= 1u) {   /* -1 or 0 */
      picL_argcheck(L, d != 0, 2, "zero");
      pic_pushinteger(L, 0);
    } else {
      pic_pushinteger(L, pic_tointeger(L, 1) % d);
    }
  } else {
    pic_pushnumber(L, fmod(picL_checknumber(L, 1), picL_checknumber(L, 2)));
  }
  return 1;
}

static int math_modf(pic_State *L) {
  if (pic_isinteger(L, 1)) {
    pic_settop(L, 1);
    pic_pushnumber(L, 0);
  } else {
    pic_Number n = picL_checknumber(L, 1);
    pic_Number ip = (n < 0) ? ceil(n) : floor(n);
    pushnumint(L, ip);
    pic_pushnumber(L, (n == ip) ? 0.0 : (n - ip));
  }
  return 2;
}

static int math_log(pic_State *L) {
  pic_Number x = picL_checknumber(L, 1);
  pic_Number res;
  if (pic_isnoneornil(L, 2)) {
    res = log(x);
  } else {
    pic_Number base = picL_checknumber(L, 2);
    if (base == 2.0)
      res = log2(x);
    else if (base == 10.0)
      res = log10(x);
    else
      res = log(x) / log(base);
  }
  pic_pushnumber(L, res);
  return 1;
}

static int math_deg(pic_State *L) {
  pic_pushnumber(L, picL_checknumber(L, 1) * (180.0 / PI));
  return 1;
}

static int math_rad(pic_State *L) {
  pic_pushnumber(L, picL_checknumber(L, 1) * (PI / 180.0));
  return 1;
}

/* Lua 5.3 compatibility functions (LUA_COMPAT_MATHLIB), which Debian's
** lua5.4 -- our oracle -- is built with. */
static int math_cosh(pic_State *L) {
  pic_pushnumber(L, cosh(picL_checknumber(L, 1)));
  return 1;
}

static int math_sinh(pic_State *L) {
  pic_pushnumber(L, sinh(picL_checknumber(L, 1)));
  return 1;
}

static int math_tanh(pic_State *L) {
  pic_pushnumber(L, tanh(picL_checknumber(L, 1)));
  return 1;
}

static int math_pow(pic_State *L) {
  pic_Number x = picL_checknumber(L, 1);
  pic_Number y = picL_checknumber(L, 2);
  pic_pushnumber(L, pow(x, y));
  return 1;
}

static int math_frexp(pic_State *L) {
  int e;
  pic_pushnumber(L, frexp(picL_checknumber(L, 1), &e));
  pic_pushinteger(L, e);
  return 2;
}

static int math_ldexp(pic_State *L) {
  pic_Number x = picL_checknumber(L, 1);
  int ep = (int)picL_checkinteger(L, 2);
  pic_pushnumber(L, ldexp(x, ep));
  return 1;
}

static int math_log10(pic_State *L) {
  pic_pushnumber(L, log10(picL_checknumber(L, 1)));
  return 1;
}

static int math_ult(pic_State *L) {
  pic_Integer a = picL_checkinteger(L, 1);
  pic_Integer b = picL_checkinteger(L, 2);
  pic_pushboolean(L, (pic_Unsigned)a < (pic_Unsigned)b);
  return 1;
}

static int math_type(pic_State *L) {
  if (pic_type(L, 1) == PIC_TNUMBER) {
    pic_pushstring(L, pic_isinteger(L, 1) ? "integer" : "float");
  } else {
    picL_checkany(L, 1);
    pic_pushnil(L);
  }
  return 1;
}

/* min/max scan the arguments keeping the index of the best so far; a
** comparison that needs a Lua __lt call continues in minmax_k with
** ctx = (i << 1 | ismax) and the best index in a stack slot above the
** arguments (slot n + 1). */
static int minmax_loop(pic_State *L, int i, int ismax);

static int minmax_k(pic_State *L, int status, pic_KContext ctx) {
  (void)status;
  int res = pic_toboolean(L, -1);   /* slots: args, n, best, result */
  pic_pop(L, 1);
  int n = (int)pic_tointeger(L, -2);
  int i = (int)(ctx >> 1), ismax = (int)(ctx & 1);
  if (res) {
    pic_pushinteger(L, i);
    pic_replace(L, n + 2);
  }
  return minmax_loop(L, i + 1, ismax);
}

static int minmax_loop(pic_State *L, int i, int ismax) {
  int n = (int)pic_tointeger(L, -2);
  int best = (int)pic_tointeger(L, -1);
  for (; i <= n; i++) {
    int a = ismax ? best : i, b = ismax ? i : best;
    int res, nargs;
    if (!pic_rawcompare(L, a, b, PIC_OPLT, &res)) {
      if (pic_compare_m(L, a, b, PIC_OPLT, &nargs) != PIC_OK) {
        pic_pushinteger(L, best);
        pic_replace(L, n + 2);
        return pic_callnoyieldk(L, nargs, 1, ((pic_KContext)i << 1) | ismax, minmax_k);
      }
      res = pic_toboolean(L, -1);
      pic_pop(L, 1);
    }
    if (res)
      best = i;
  }
  pic_pushvalue(L, best);
  return 1;
}

static int minmax(pic_State *L, int ismax) {
  int n = pic_gettop(L), best = 1, i;
  picL_argcheck(L, n >= 1, 1, "value expected");
  for (i = 2; i <= n; i++) {   /* the common case: no comparison needs __lt */
    int res;
    if (!pic_rawcompare(L, ismax ? best : i, ismax ? i : best, PIC_OPLT, &res))
      break;
    if (res)
      best = i;
  }
  if (i > n) {
    pic_pushvalue(L, best);
    return 1;
  }
  pic_pushinteger(L, n);
  pic_pushinteger(L, best);
  return minmax_loop(L, i, ismax);
}

static int math_min(pic_State *L) {
  return minmax(L, 0);
}

static int math_max(pic_State *L) {
  return minmax(L, 1);
}

/* ---- xoshiro256** ---- */

typedef struct RanState {
  uint64_t s[4];
} RanState;

static uint64_t rotl(uint64_t x, int n) {
  return (x << n) | (x >> (64 - n));
}

/* One xoshiro256** step: returns the next value and advances [s]. */
static uint64_t xoshiro(uint64_t *s) {
  const uint64_t result = rotl(s[1] * 5, 7) * 9;
  const uint64_t t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 45);
  return result;
}

/* Converts the 53 high bits of [x] to a float in [0, 1). */
static pic_Number i2d(uint64_t x) {
  return (pic_Number)(x >> 11) * (0.5 / ((uint64_t)1 << 52));
}

/* Projects [ran] into [0, n] as lua5.4 does (rejection on a bit mask). */
static pic_Unsigned project(pic_Unsigned ran, pic_Unsigned n, RanState *state) {
  if ((n & (n + 1)) == 0)
    return ran & n;
  pic_Unsigned lim = n;
  lim |= (lim >> 1);
  lim |= (lim >> 2);
  lim |= (lim >> 4);
  lim |= (lim >> 8);
  lim |= (lim >> 16);
  lim |= (lim >> 32);
  while ((ran &= lim) > n)
    ran = xoshiro(state->s);
  return ran;
}

static int math_random(pic_State *L) {
  pic_Integer low, up;
  RanState *g = (RanState *)pic_touserdata(L, pic_upvalueindex(1));
  uint64_t rv = xoshiro(g->s);
  switch (pic_gettop(L)) {
    case 0:
      pic_pushnumber(L, i2d(rv));
      return 1;
    case 1:
      low = 1;
      up = picL_checkinteger(L, 1);
      if (up == 0) {
        pic_pushinteger(L, (pic_Integer)rv);
        return 1;
      }
      break;
    case 2:
      low = picL_checkinteger(L, 1);
      up = picL_checkinteger(L, 2);
      break;
    default:
      return picL_error(L, "wrong number of arguments");
  }
  picL_argcheck(L, low <= up, 1, "interval is empty");
  pic_Unsigned p = project(rv, (pic_Unsigned)up - (pic_Unsigned)low, g);
  pic_pushinteger(L, (pic_Integer)(p + (pic_Unsigned)low));
  return 1;
}

static void setseed(pic_State *L, uint64_t *s, pic_Unsigned n1, pic_Unsigned n2) {
  s[0] = n1;
  s[1] = 0xff;   /* avoids a zero state */
  s[2] = n2;
  s[3] = 0;
  for (int i = 0; i < 16; i++)
    xoshiro(s);
  pic_pushinteger(L, (pic_Integer)n1);
  pic_pushinteger(L, (pic_Integer)n2);
}

/* A seed for math.randomseed() without arguments and for the initial state:
** time and an address when the host grants PIC_CAP_CLOCK, else fixed. */
static void randseed(pic_State *L, RanState *g) {
  pic_Unsigned seed1 = 0x2545F4914F6CDD1Dull;
  pic_Unsigned seed2 = (pic_Unsigned)(uintptr_t)g;
  if (pic_getcaps(L) & PIC_CAP_CLOCK)
    seed1 ^= (pic_Unsigned)time(NULL);
  else
    seed2 = 0;
  setseed(L, g->s, seed1, seed2);
}

static int math_randomseed(pic_State *L) {
  RanState *g = (RanState *)pic_touserdata(L, pic_upvalueindex(1));
  if (pic_isnone(L, 1)) {
    randseed(L, g);
  } else {
    pic_Integer n1 = picL_checkinteger(L, 1);
    pic_Integer n2 = picL_optinteger(L, 2, 0);
    setseed(L, g->s, (pic_Unsigned)n1, (pic_Unsigned)n2);
  }
  return 2;
}

static const picL_Reg randfuncs[] = {
  {"random", math_random},
  {"randomseed", math_randomseed},
  {NULL, NULL}
};

static const picL_Reg mathlib[] = {
  {"abs", math_abs},
  {"ceil", math_ceil},
  {"fmod", math_fmod},
  {"modf", math_modf},
  {"tointeger", math_toint},
  {"floor", math_floor},
  {"ult", math_ult},
  {"log", math_log},
  {"exp", math_exp},
  {"max", math_max},
  {"min", math_min},
  {"type", math_type},
  {"sin", math_sin},
  {"cos", math_cos},
  {"tan", math_tan},
  {"asin", math_asin},
  {"acos", math_acos},
  {"atan", math_atan},
  {"atan2", math_atan},
  {"sqrt", math_sqrt},
  {"deg", math_deg},
  {"rad", math_rad},
  {"cosh", math_cosh},
  {"sinh", math_sinh},
  {"tanh", math_tanh},
  {"pow", math_pow},
  {"frexp", math_frexp},
  {"ldexp", math_ldexp},
  {"log10", math_log10},
  {"pi", NULL},
  {"huge", NULL},
  {"maxinteger", NULL},
  {"mininteger", NULL},
  {"random", NULL},
  {"randomseed", NULL},
  {NULL, NULL}
};

/* Opens the math library: pushes its table. */
int picopen_math(pic_State *L) {
  static const pic_CFunction inexecutor[8] = {
    math_floor, math_ceil, math_abs, math_sqrt, math_sin, math_cos, math_min, math_max
  };
  picL_newlib(L, mathlib);
  picV_setmathfns(L, inexecutor);   /* CALL computes them for one number (two for min, max) */
  pic_pushnumber(L, PI);
  pic_rawsetfield(L, -2, "pi");
  pic_pushnumber(L, (pic_Number)HUGE_VAL);
  pic_rawsetfield(L, -2, "huge");
  pic_pushinteger(L, INT64_MAX);
  pic_rawsetfield(L, -2, "maxinteger");
  pic_pushinteger(L, INT64_MIN);
  pic_rawsetfield(L, -2, "mininteger");
  RanState *g = (RanState *)pic_newuserdatauv(L, sizeof(RanState), 0);
  randseed(L, g);
  pic_pop(L, 2);       /* the two seeds */
  pic_insert(L, -2);   /* the state below the table: the functions' upvalue */
  picL_setfuncs(L, randfuncs, 1);
  return 1;
}
