/*
** fold.c -- constant folding with Lua 5.4's exact arithmetic (see fold.h).
** Module: pcf (constant folding).
*/
#include "compiler/fold.h"

#include <math.h>

int pcf_flt2int(double n, int64_t *i) {
  double f = floor(n);
  if (n != f) return 0;
  if (f >= -9223372036854775808.0 && f < 9223372036854775808.0) {
    *i = (int64_t)f;
    return 1;
  }
  return 0;
}

static int toint(const pcf_Num *v, int64_t *i) {
  if (v->isint) {
    *i = v->i;
    return 1;
  }
  return pcf_flt2int(v->n, i);
}

static double tonum(const pcf_Num *v) {
  return v->isint ? (double)v->i : v->n;
}

static int64_t shiftl(int64_t x, int64_t y) {
  if (y < 0) {
    if (y <= -64) return 0;
    return (int64_t)((uint64_t)x >> (uint64_t)(-y));
  }
  if (y >= 64) return 0;
  return (int64_t)((uint64_t)x << (uint64_t)y);
}

/* Integer arithmetic; the divisor is known non-zero. */
static int64_t intarith(int op, int64_t a, int64_t b) {
  uint64_t ua = (uint64_t)a, ub = (uint64_t)b;
  switch (op) {
    case PCF_ADD: return (int64_t)(ua + ub);
    case PCF_SUB: return (int64_t)(ua - ub);
    case PCF_MUL: return (int64_t)(ua * ub);
    case PCF_MOD: {
      if (b == -1) return 0;
      int64_t r = a % b;
      if (r != 0 && (r ^ b) < 0) r += b;
      return r;
    }
    case PCF_IDIV: {
      if (b == -1) return (int64_t)(0u - ua);
      int64_t q = a / b;
      if ((a ^ b) < 0 && a % b != 0) q -= 1;
      return q;
    }
    case PCF_BAND: return (int64_t)(ua & ub);
    case PCF_BOR: return (int64_t)(ua | ub);
    case PCF_BXOR: return (int64_t)(ua ^ ub);
    case PCF_SHL: return shiftl(a, b);
    case PCF_SHR: return shiftl(a, (int64_t)(0u - ub));
    case PCF_UNM: return (int64_t)(0u - ua);
    case PCF_BNOT: return (int64_t)(~(uint64_t)0 ^ ua);
    default: return 0;
  }
}

static double numarith(int op, double a, double b) {
  switch (op) {
    case PCF_ADD: return a + b;
    case PCF_SUB: return a - b;
    case PCF_MUL: return a * b;
    case PCF_DIV: return a / b;
    case PCF_POW: return (b == 2) ? a * a : pow(a, b);
    case PCF_IDIV: return floor(a / b);
    case PCF_UNM: return -a;
    case PCF_MOD: {
      double m = fmod(a, b);
      if ((m > 0) ? b < 0 : (m < 0 && b > 0)) m += b;  /* signs differ */
      return m;
    }
    default: return 0;
  }
}

int pcf_fold(int op, const pcf_Num *a, const pcf_Num *b, pcf_Num *res) {
  int64_t i1, i2;
  switch (op) {
    case PCF_BAND: case PCF_BOR: case PCF_BXOR:
    case PCF_SHL: case PCF_SHR: case PCF_BNOT:
      if (!toint(a, &i1) || !toint(b, &i2)) return 0;
      res->isint = 1;
      res->i = intarith(op, i1, i2);
      return 1;
    case PCF_DIV: case PCF_IDIV: case PCF_MOD:
      if (tonum(b) == 0) return 0;
      break;
    default:
      break;
  }
  if (op != PCF_DIV && op != PCF_POW && a->isint && b->isint) {
    res->isint = 1;
    res->i = intarith(op, a->i, b->i);
    return 1;
  }
  double n = numarith(op, tonum(a), tonum(b));
  if (n != n || n == 0) return 0; /* NaN or (possibly negative) zero */
  res->isint = 0;
  res->n = n;
  return 1;
}
