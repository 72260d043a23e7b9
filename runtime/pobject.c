/*
** pobject.c -- numbers: string<->number conversion, raw arithmetic, integer
** division rules; message formatting (pushvfstring) and chunk ids.
** Module: runtime (prefix picO_). Behaviour follows Lua 5.4's lobject.c/lvm.c.
*/
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/pdo.h"
#include "runtime/pobject.h"
#include "runtime/pstring.h"

#define intop(op, v1, v2) ((pic_Integer)((pic_Unsigned)(v1) op (pic_Unsigned)(v2)))

/* ---- string -> number ---- */

/* Character classes of numerals, by ASCII as Lua's lctype (no locale, no
** call into the C library per character). */
#define ndigit(c) ((unsigned)((c) - '0') < 10u)
#define nxdigit(c) (ndigit(c) || (unsigned)(((c) | 0x20) - 'a') < 6u)
#define nspace(c) ((c) == ' ' || (unsigned)((c) - '\t') < 5u)   /* \t \n \v \f \r */

static int hexavalue(int c) {
  if (ndigit(c))
    return c - '0';
  return ((c | 0x20) - 'a') + 10;
}

static int isneg(const char **s) {
  if (**s == '-') {
    (*s)++;
    return 1;
  }
  if (**s == '+')
    (*s)++;
  return 0;
}

/* Reads a decimal or hexadecimal integer; NULL if not an integer numeral
** (decimal overflow makes it a float numeral instead; hex wraps around). */
static const char *l_str2int(const char *s, pic_Integer *result) {
  const pic_Unsigned maxby10 = (pic_Unsigned)INT64_MAX / 10;
  const int maxlastd = (int)((pic_Unsigned)INT64_MAX % 10);
  pic_Unsigned a = 0;
  int empty = 1;
  int neg;
  while (nspace((unsigned char)*s))
    s++;
  neg = isneg(&s);
  if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    s += 2;
    for (; nxdigit((unsigned char)*s); s++) {
      a = a * 16 + (pic_Unsigned)hexavalue((unsigned char)*s);
      empty = 0;
    }
  } else {
    for (; ndigit((unsigned char)*s); s++) {
      int d = *s - '0';
      if (a >= maxby10 && (a > maxby10 || d > maxlastd + neg))
        return NULL;
      a = a * 10 + (pic_Unsigned)d;
      empty = 0;
    }
  }
  while (nspace((unsigned char)*s))
    s++;
  if (empty || *s != '\0')
    return NULL;
  *result = (pic_Integer)(neg ? 0u - a : a);
  return s;
}

/* Reads a float numeral (decimal or hexadecimal); rejects 'inf' and 'nan'. */
static const char *l_str2d(const char *s, pic_Number *result) {
  char *endptr;
  const char *pmode = strpbrk(s, ".xXnN");
  int mode = pmode ? ((unsigned char)*pmode | 0x20) : 0;
  if (mode == 'n')
    return NULL;
  *result = strtod(s, &endptr);
  if (endptr == s)
    return NULL;
  while (nspace((unsigned char)*endptr))
    endptr++;
  return (*endptr == '\0') ? endptr : NULL;
}

/* Converts [s] to a number in [o]; returns strlen(s)+1, or 0 if [s] is not a numeral. */
size_t picO_str2num(const char *s, TValue *o) {
  pic_Integer i;
  pic_Number n;
  const char *e;
  if ((e = l_str2int(s, &i)) != NULL) {
    setivalue(o, i);
  } else if ((e = l_str2d(s, &n)) != NULL) {
    setfltvalue(o, n);
  } else {
    return 0;
  }
  return (size_t)(e - s) + 1;
}

/* A string value holding a whole numeral, converted into [result]. */
static int l_strton(const TValue *obj, TValue *result) {
  if (!ttisstring(obj))
    return 0;
  return picO_str2num(svalue(obj), result) == vslen(obj) + 1;
}

/* ---- number -> string ---- */

/* Writes integer [i] in decimal ("%lld") into [buff], NUL-terminated;
** returns the length. */
static int int2str(pic_Integer i, char *buff) {
  char tmp[24];
  char *q = tmp + sizeof(tmp);
  pic_Unsigned u = (pic_Unsigned)i;
  if (i < 0)
    u = 0u - u;   /* also right for the smallest integer */
  do {
    *--q = (char)('0' + u % 10);
    u /= 10;
  } while (u != 0);
  if (i < 0)
    *--q = '-';
  int len = (int)(tmp + sizeof(tmp) - q);
  memcpy(buff, q, (size_t)len);
  buff[len] = '\0';
  return len;
}

/* Powers of ten, each exact in a double (10^22 is the last). */
static const double exact10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
                                 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17};

/* Writes n / 10^d (n > 0), negated when [neg], as "%g" shows a number in
** fixed notation: the integer part, then the fraction without trailing
** zeros (no point when none is left); returns the length. */
static int writedecimal(char *buff, int neg, uint64_t n, int d) {
  char digits[24];
  int m = 0, len = 0, i;
  do {   /* n's digits, least significant first */
    digits[m++] = (char)('0' + n % 10);
    n /= 10;
  } while (n != 0);
  if (neg)
    buff[len++] = '-';
  for (i = m - 1; i >= d; i--)   /* the integer part */
    buff[len++] = digits[i];
  if (m <= d)
    buff[len++] = '0';
  i = 0;
  while (i < d && (i >= m || digits[i] == '0'))   /* trailing zeros go */
    i++;
  if (i < d) {
    int j;
    buff[len++] = '.';
    for (j = d - 1; j >= i; j--)
      buff[len++] = j < m ? digits[j] : '0';
  }
  buff[len] = '\0';
  return len;
}

int picO_fmtg14(pic_Number x, char *buff) {
  double ax = fabs((double)x);
  /* Fast path: x in "%.14g"'s fixed notation (1e-4 <= |x| < 1e14; NaN fails
  ** the test) with an integer n < 10^14 = fl(|x| * 10^d) for some d. Then
  ** |x * 10^d - n| <= n * 2^-53, far below half a unit of n's 14th digit,
  ** so rounding x to 14 digits gives exactly n / 10^d: its digits are n's. */
  if (ax >= 1e-4 && ax < 1e14) {
    int d;
    for (d = 0; d < (int)(sizeof(exact10) / sizeof(exact10[0])); d++) {
      double y = ax * exact10[d];
      int64_t n;
      if (y >= 1e14)
        break;
      n = (int64_t)y;   /* (y < 2^63: a defined conversion, cheaper than floor) */
      if ((double)n == y)
        return writedecimal(buff, x < 0, (uint64_t)n, d);
    }
  }
  return snprintf(buff, PIC_MAXNUMBER2STR, "%.14g", (double)x);
}

int picO_fmtgexact(pic_Number x, int prec, char *buff) {
  /* x = mant * 2^e exactly, mant odd; x * 10^d is then an integer for
  ** d = -e (e < 0): mant * 5^d, whose digits are x's decimal ones */
  static const uint64_t pow5[] = {1u, 5u, 25u, 125u, 625u, 3125u, 15625u, 78125u,
      390625u, 1953125u, 9765625u, 48828125u, 244140625u, 1220703125u, 6103515625u,
      30517578125u, 152587890625u, 762939453125u, 3814697265625u, 19073486328125u,
      95367431640625u, 476837158203125u, 2384185791015625u, 11920928955078125u};
  const uint64_t limit = 99999999999999999u;   /* 17 digits */
  double dx = (double)x;
  uint64_t bits, mant, n, t;
  int bexp, e, d, m;
  memcpy(&bits, &dx, sizeof bits);
  bexp = (int)((bits >> 52) & 0x7FF);
  if (bexp == 0 || bexp == 0x7FF)   /* zeros, subnormals, infinities, NaNs */
    return -1;
  mant = (bits & (((uint64_t)1 << 52) - 1)) | ((uint64_t)1 << 52);
  e = bexp - 1075;
  while ((mant & 1) == 0) {
    mant >>= 1;
    e++;
  }
  if (e >= 0) {   /* an integer */
    if (e > 56 || mant > (limit >> e))
      return -1;
    n = mant << e;
    d = 0;
  } else {
    d = -e;
    if (d >= (int)(sizeof(pow5) / sizeof(pow5[0])) || mant > limit / pow5[d])
      return -1;
    n = mant * pow5[d];
  }
  for (m = 0, t = n; t != 0; t /= 10)
    m++;
  /* exact, so no rounding: "%.<prec>g" shows these m digits, in fixed
  ** notation when the leading digit's exponent m - 1 - d is in [-4, prec) */
  if (m > prec || m - 1 - d < -4 || m - 1 - d >= prec)
    return -1;
  return writedecimal(buff, dx < 0, n, d);
}

int picO_fmtf(pic_Number x, int prec, char *buff) {
  double dx = (double)x, ax = fabs(dx), y, frac, err;
  uint64_t n, scale, ip, fp;
  int len = 0, i;
  char digits[24];
  if (prec < 0 || prec > 15 || !(ax < 1e15))   /* (NaN fails too) */
    return -1;
  y = ax * exact10[prec];
  if (!(y < 4e15))   /* an integer part and a fraction exact in a double */
    return -1;
  n = (uint64_t)y;
  frac = y - (double)n;   /* exact */
  /* y is within err of the exact x * 10^prec, rounded once: the rounding of
  ** that exact value to an integer is decided unless frac is near a half */
  err = y * 2.3e-16 + 1e-300;
  if (frac < 0.5 - err)
    ;
  else if (frac > 0.5 + err)
    n++;
  else
    return -1;   /* a tie or too close to one: snprintf rounds exactly */
  scale = (uint64_t)exact10[prec];
  ip = n / scale;
  fp = n % scale;
  if (signbit(dx))
    buff[len++] = '-';
  i = 0;
  do {
    digits[i++] = (char)('0' + ip % 10);
    ip /= 10;
  } while (ip != 0);
  while (i > 0)
    buff[len++] = digits[--i];
  if (prec > 0) {
    buff[len++] = '.';
    for (i = prec - 1; i >= 0; i--) {
      buff[len + i] = (char)('0' + fp % 10);
      fp /= 10;
    }
    len += prec;
  }
  buff[len] = '\0';
  return len;
}

/* Writes [obj] (a number) as tostring does into [buff]; returns the length. */
int picO_tostringbuff(const TValue *obj, char *buff) {
  int len;
  if (ttisinteger(obj)) {
    len = int2str(ivalue(obj), buff);
  } else {
    len = picO_fmtg14(fltvalue(obj), buff);
    if (buff[strspn(buff, "-0123456789")] == '\0') {
      buff[len++] = '.';
      buff[len++] = '0';
      buff[len] = '\0';
    }
  }
  return len;
}

/* ---- conversions ---- */

/* Float [n] to integer: mode 0 exact, 1 floor, 2 ceil; 0 if out of range. */
int picO_flttointns(pic_Number n, pic_Integer *p, int mode) {
  pic_Number f = floor(n);
  if (n != f) {
    if (mode == 0)
      return 0;
    if (mode == 2)
      f += 1;
  }
  if (f >= (pic_Number)INT64_MIN && f < -(pic_Number)INT64_MIN) {
    *p = (pic_Integer)f;
    return 1;
  }
  return 0;
}

/* Number or numeric string [obj] to an integer with rounding [mode]. */
int picO_tointegerns(const TValue *obj, pic_Integer *p, int mode) {
  TValue v;
  if (ttisinteger(obj)) {   /* the common case first */
    *p = ivalue(obj);
    return 1;
  }
  if (l_strton(obj, &v))
    obj = &v;
  if (ttisinteger(obj)) {
    *p = ivalue(obj);
    return 1;
  }
  if (ttisfloat(obj))
    return picO_flttointns(fltvalue(obj), p, mode);
  return 0;
}

/* Number or numeric string [obj] to a float. */
int picO_tonumber(const TValue *obj, pic_Number *n) {
  TValue v;
  if (ttisfloat(obj)) {   /* the common cases first */
    *n = fltvalue(obj);
    return 1;
  }
  if (ttisinteger(obj)) {
    *n = (pic_Number)ivalue(obj);
    return 1;
  }
  if (l_strton(obj, &v))
    obj = &v;
  if (ttisinteger(obj)) {
    *n = (pic_Number)ivalue(obj);
    return 1;
  }
  if (ttisfloat(obj)) {
    *n = fltvalue(obj);
    return 1;
  }
  return 0;
}

/* ---- integer and float arithmetic rules ---- */

/* Floor division; raises "attempt to divide by zero" (lua5.4's wording). */
pic_Integer picO_idiv(pic_State *L, pic_Integer m, pic_Integer n) {
  if ((pic_Unsigned)n + 1u <= 1u) {
    if (n == 0)
      picG_runerror(L, "attempt to divide by zero");
    return intop(-, 0, m);
  } else {
    pic_Integer q = m / n;
    if ((m ^ n) < 0 && m % n != 0)
      q -= 1;
    return q;
  }
}

/* Modulo with the sign of the divisor; raises "attempt to perform 'n%%0'". */
pic_Integer picO_mod(pic_State *L, pic_Integer m, pic_Integer n) {
  if ((pic_Unsigned)n + 1u <= 1u) {
    if (n == 0)
      picG_runerror(L, "attempt to perform 'n%%0'");
    return 0;
  } else {
    pic_Integer r = m % n;
    if (r != 0 && (r ^ n) < 0)
      r += n;
    return r;
  }
}

/* Float modulo as Lua's luai_nummod. */
/* Float modulo, Lua's luai_nummod. Integral operands of at most 2^53 in
** magnitude (floats holding integers, common in code written for Lua 5.1)
** take one integer division: their fmod is the exact integer remainder,
** with the dividend's sign (a zero one too), which libm's fmod computes
** far more slowly. */
pic_Number picO_modf(pic_State *L, pic_Number m, pic_Number n) {
  pic_Number r;
  (void)L;
  if (m >= -0x1p53 && m <= 0x1p53 && n >= -0x1p53 && n <= 0x1p53 && n != 0 &&
      (pic_Number)(int64_t)m == m && (pic_Number)(int64_t)n == n) {
    int64_t ir = (int64_t)m % (int64_t)n;   /* C truncates: the sign of m */
    r = (ir != 0) ? (pic_Number)ir : copysign(0.0, m);
  } else {
    r = fmod(m, n);
  }
  if ((r > 0) ? n < 0 : (r < 0 && n > 0))  /* adjust only when the signs differ */
    r += n;
  return r;
}

static pic_Integer intarith(pic_State *L, int op, pic_Integer v1, pic_Integer v2) {
  switch (op) {
    case PIC_OPADD: return intop(+, v1, v2);
    case PIC_OPSUB: return intop(-, v1, v2);
    case PIC_OPMUL: return intop(*, v1, v2);
    case PIC_OPMOD: return picO_mod(L, v1, v2);
    case PIC_OPIDIV: return picO_idiv(L, v1, v2);
    case PIC_OPBAND: return intop(&, v1, v2);
    case PIC_OPBOR: return intop(|, v1, v2);
    case PIC_OPBXOR: return intop(^, v1, v2);
    case PIC_OPSHL: return picO_shiftl(v1, v2);
    case PIC_OPSHR: return picO_shiftl(v1, intop(-, 0, v2));
    case PIC_OPUNM: return intop(-, 0, v1);
    default: return intop(^, ~(pic_Unsigned)0, v1);  /* PIC_OPBNOT */
  }
}

static pic_Number numarith(pic_State *L, int op, pic_Number v1, pic_Number v2) {
  switch (op) {
    case PIC_OPADD: return v1 + v2;
    case PIC_OPSUB: return v1 - v2;
    case PIC_OPMUL: return v1 * v2;
    case PIC_OPDIV: return v1 / v2;
    case PIC_OPPOW: return (v2 == 2) ? v1 * v1 : pow(v1, v2);
    case PIC_OPIDIV: return floor(v1 / v2);
    case PIC_OPUNM: return -v1;
    default: return picO_modf(L, v1, v2);  /* PIC_OPMOD */
  }
}

/* A number value (no string coercion) as a float. */
static int tonumberns(const TValue *o, pic_Number *n) {
  if (ttisfloat(o)) {
    *n = fltvalue(o);
    return 1;
  }
  if (ttisinteger(o)) {
    *n = (pic_Number)ivalue(o);
    return 1;
  }
  return 0;
}

/* Performs [op] on [p1], [p2] into [res] as Lua's luaO_rawarith: bitwise
** operations accept numeric strings, the others numbers only; returns 0 if
** a metamethod is needed. May raise for integer division by zero. */
int picO_rawarith(pic_State *L, int op, const TValue *p1, const TValue *p2, TValue *res) {
  switch (op) {
    case PIC_OPBAND: case PIC_OPBOR: case PIC_OPBXOR:
    case PIC_OPSHL: case PIC_OPSHR: case PIC_OPBNOT: {
      pic_Integer i1, i2;
      if (picO_tointegerns(p1, &i1, 0) && picO_tointegerns(p2, &i2, 0)) {
        setivalue(res, intarith(L, op, i1, i2));
        return 1;
      }
      return 0;
    }
    case PIC_OPDIV: case PIC_OPPOW: {
      pic_Number n1, n2;
      if (tonumberns(p1, &n1) && tonumberns(p2, &n2)) {
        setfltvalue(res, numarith(L, op, n1, n2));
        return 1;
      }
      return 0;
    }
    default: {
      pic_Number n1, n2;
      if (ttisinteger(p1) && ttisinteger(p2)) {
        setivalue(res, intarith(L, op, ivalue(p1), ivalue(p2)));
        return 1;
      }
      if (tonumberns(p1, &n1) && tonumberns(p2, &n2)) {
        setfltvalue(res, numarith(L, op, n1, n2));
        return 1;
      }
      return 0;
    }
  }
}

/* ---- formatted messages ---- */

#define UTF8BUFFSZ 8
#define BUFVFS 200

/* Writes the UTF-8 encoding of [x] at the end of buff[UTF8BUFFSZ]; returns its length. */
static int utf8esc(char *buff, unsigned long x) {
  int n = 1;
  if (x < 0x80) {
    buff[UTF8BUFFSZ - 1] = (char)x;
  } else {
    unsigned int mfb = 0x3f;
    do {
      buff[UTF8BUFFSZ - (n++)] = (char)(0x80 | (x & 0x3f));
      x >>= 6;
      mfb >>= 1;
    } while (x > mfb);
    buff[UTF8BUFFSZ - n] = (char)((~mfb << 1) | x);
  }
  return n;
}

/* Formatting state: pieces already pushed on the stack plus a local buffer. */
typedef struct BuffFS {
  pic_State *L;
  int pushed;       /* pieces on the stack */
  size_t blen;
  char space[BUFVFS];
} BuffFS;

static void pushpiece(BuffFS *b, const char *s, size_t l) {
  pic_State *L = b->L;
  TString *ts;
  picD_checkstack(L, 1);
  ts = picS_newlstr(L, s, l);
  setsvalue(L, L->top, ts);
  L->top++;
  b->pushed++;
}

static void clearbuff(BuffFS *b) {
  if (b->blen > 0) {
    pushpiece(b, b->space, b->blen);
    b->blen = 0;
  }
}

static void addstr2buff(BuffFS *b, const char *s, size_t l) {
  if (l <= BUFVFS - b->blen) {
    memcpy(b->space + b->blen, s, l);
    b->blen += l;
  } else {
    clearbuff(b);
    if (l <= BUFVFS) {
      memcpy(b->space, s, l);
      b->blen = l;
    } else {
      pushpiece(b, s, l);
    }
  }
}

/* Joins the [n] strings on top of the stack into one. */
static void joinpieces(pic_State *L, int n) {
  StkId first = L->top - n;
  size_t total = 0, pos = 0;
  TString *ts;
  char *dst;
  char small[PIC_MAXSHORTLEN];
  StkId p;
  for (p = first; p < L->top; p++)
    total += vslen(p);
  if (total <= PIC_MAXSHORTLEN) {
    dst = small;
    ts = NULL;
  } else {
    ts = picS_createlngstrobj(L, total);
    dst = getstr(ts);
  }
  for (p = first; p < L->top; p++) {
    memcpy(dst + pos, svalue(p), vslen(p));
    pos += vslen(p);
  }
  if (ts == NULL)
    ts = picS_newlstr(L, small, total);
  setsvalue(L, first, ts);
  L->top = first + 1;
}

/* Pushes a string formatted from [fmt]: %s %c %d %I %f %p %U %%, as
** lua_pushvfstring; returns its contents. Raises on an unknown option. */
const char *picO_pushvfstring(pic_State *L, const char *fmt, va_list argp) {
  BuffFS buff;
  const char *e;
  buff.L = L;
  buff.pushed = 0;
  buff.blen = 0;
  while ((e = strchr(fmt, '%')) != NULL) {
    char nb[PIC_MAXNUMBER2STR + 4];
    addstr2buff(&buff, fmt, (size_t)(e - fmt));
    switch (*(e + 1)) {
      case 's': {
        const char *s = va_arg(argp, char *);
        if (s == NULL)
          s = "(null)";
        addstr2buff(&buff, s, strlen(s));
        break;
      }
      case 'c': {
        char c = (char)(unsigned char)va_arg(argp, int);
        addstr2buff(&buff, &c, 1);
        break;
      }
      case 'd': {
        TValue num;
        setivalue(&num, va_arg(argp, int));
        addstr2buff(&buff, nb, (size_t)picO_tostringbuff(&num, nb));
        break;
      }
      case 'I': {
        TValue num;
        setivalue(&num, (pic_Integer)va_arg(argp, pic_Integer));
        addstr2buff(&buff, nb, (size_t)picO_tostringbuff(&num, nb));
        break;
      }
      case 'f': {
        TValue num;
        setfltvalue(&num, (pic_Number)va_arg(argp, double));
        addstr2buff(&buff, nb, (size_t)picO_tostringbuff(&num, nb));
        break;
      }
      case 'p': {
        void *p = va_arg(argp, void *);
        int len = snprintf(nb, sizeof(nb), "%p", p);
        addstr2buff(&buff, nb, (size_t)len);
        break;
      }
      case 'U': {
        char ub[UTF8BUFFSZ];
        int len = utf8esc(ub, (unsigned long)va_arg(argp, long));
        addstr2buff(&buff, ub + UTF8BUFFSZ - len, (size_t)len);
        break;
      }
      case '%': {
        addstr2buff(&buff, "%", 1);
        break;
      }
      default:
        picG_runerror(L, "invalid option '%%%c' to 'lua_pushfstring'", *(e + 1));
    }
    fmt = e + 2;
  }
  addstr2buff(&buff, fmt, strlen(fmt));
  clearbuff(&buff);
  if (buff.pushed == 0)
    pushpiece(&buff, "", 0);
  else if (buff.pushed > 1)
    joinpieces(L, buff.pushed);
  return svalue(L->top - 1);
}

/* ---- chunk ids ---- */

#define RETS "..."
#define PRE "[string \""
#define POS "\"]"
#define LL(x) (sizeof(x) / sizeof(char) - 1)
#define addstr(a, b, l) (memcpy(a, b, (l) * sizeof(char)), a += (l))

/* Writes into out[PIC_IDSIZE] a printable chunk id for [source] of [srclen] bytes. */
void picO_chunkid(char *out, const char *source, size_t srclen) {
  size_t bufflen = PIC_IDSIZE;
  if (*source == '=') {
    if (srclen <= bufflen) {
      memcpy(out, source + 1, srclen * sizeof(char));
    } else {
      addstr(out, source + 1, bufflen - 1);
      *out = '\0';
    }
  } else if (*source == '@') {
    if (srclen <= bufflen) {
      memcpy(out, source + 1, srclen * sizeof(char));
    } else {
      addstr(out, RETS, LL(RETS));
      bufflen -= LL(RETS);
      memcpy(out, source + 1 + srclen - bufflen, bufflen * sizeof(char));
    }
  } else {
    const char *nl = strchr(source, '\n');
    addstr(out, PRE, LL(PRE));
    bufflen -= LL(PRE RETS POS) + 1;
    if (srclen < bufflen && nl == NULL) {
      addstr(out, source, srclen);
    } else {
      if (nl != NULL)
        srclen = (size_t)(nl - source);
      if (srclen > bufflen)
        srclen = bufflen;
      addstr(out, source, srclen);
      addstr(out, RETS, LL(RETS));
    }
    memcpy(out, POS, (LL(POS) + 1) * sizeof(char));
  }
}
