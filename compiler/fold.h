/*
** fold.h -- compile-time evaluation of arithmetic on numeric constants.
** Module: pcf (constant folding).
**
** Folding never changes meaning: it refuses anything that would raise at run
** time (division or modulo by zero, bitwise operations on floats without an
** exact integer value) and results that are NaN or zero floats (so -0.0 is
** never produced at compile time). Integer arithmetic wraps around.
*/
#ifndef PCF_FOLD_H
#define PCF_FOLD_H

#include <stdint.h>

/* Operators in Lua's LUA_OP* order (= fmt_BinEvent order for 0..11). */
enum {
  PCF_ADD, PCF_SUB, PCF_MUL, PCF_MOD, PCF_POW, PCF_DIV, PCF_IDIV,
  PCF_BAND, PCF_BOR, PCF_BXOR, PCF_SHL, PCF_SHR, PCF_UNM, PCF_BNOT
};

/* A numeric constant. */
typedef struct pcf_Num {
  int isint;
  int64_t i;
  double n;
} pcf_Num;

/* Computes [a] op [b] into *res (b is ignored for unary ops). Returns 1 when
** the result may replace the expression, 0 when it must be left to run time. */
int pcf_fold(int op, const pcf_Num *a, const pcf_Num *b, pcf_Num *res);

/* Converts float [n] to an integer when it has an exact integral value in
** range; returns 1 on success. */
int pcf_flt2int(double n, int64_t *i);

#endif
