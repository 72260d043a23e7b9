/*
** utf8lib.c -- the utf8 library (char, charpattern, codes, codepoint, len,
** offset) with lua5.4's strict/lax decoding and messages.
** Module: stdlib (picopen_utf8). Decoding never reads past the string.
*/
#include <limits.h>
#include <stdint.h>

#include "stdlib/picstdlib.h"
#include "runtime/picaux.h"

#define MAXUNICODE 0x10FFFFu
#define MAXUTF     0x7FFFFFFFu
#define MSGINVALID "invalid UTF-8 code"

typedef uint32_t utfint;

static int iscont(const char *s, size_t i, size_t len) {
  return i < len && ((unsigned char)s[i] & 0xC0) == 0x80;
}

static pic_Integer u_posrelat(pic_Integer pos, size_t len) {
  if (pos >= 0)
    return pos;
  if (0u - (size_t)pos > len)
    return 0;
  return (pic_Integer)len + pos + 1;
}

/* Decodes one sequence at s[i] (i < len); returns the index after it, or
** (size_t)-1 if invalid. [strict] rejects surrogates and > MAXUNICODE. */
static size_t utf8_decode(const char *s, size_t i, size_t len, utfint *val, int strict) {
  static const utfint limits[] = {~(utfint)0, 0x80, 0x800, 0x10000u, 0x200000u, 0x4000000u};
  unsigned int c = (unsigned char)s[i];
  utfint res = 0;
  if (c < 0x80) {
    res = c;
  } else {
    int count = 0;
    for (; c & 0x40; c <<= 1) {
      size_t k = i + (size_t)(++count);
      if (k >= len || ((unsigned char)s[k] & 0xC0) != 0x80)
        return (size_t)-1;
      res = (res << 6) | ((unsigned char)s[k] & 0x3F);
      if (count > 5)
        return (size_t)-1;
    }
    res |= ((utfint)(c & 0x7F) << (count * 5));
    if (count > 5 || res > MAXUTF || res < limits[count])
      return (size_t)-1;
    i += (size_t)count;
  }
  if (strict && (res > MAXUNICODE || (0xD800u <= res && res <= 0xDFFFu)))
    return (size_t)-1;
  if (val)
    *val = res;
  return i + 1;
}

static int utflen(pic_State *L) {
  size_t len;
  const char *s = picL_checklstring(L, 1, &len);
  pic_Integer posi = u_posrelat(picL_optinteger(L, 2, 1), len);
  pic_Integer posj = u_posrelat(picL_optinteger(L, 3, -1), len);
  int lax = pic_toboolean(L, 4);
  pic_Integer n = 0;
  picL_argcheck(L, 1 <= posi && --posi <= (pic_Integer)len, 2, "initial position out of bounds");
  picL_argcheck(L, --posj < (pic_Integer)len, 3, "final position out of bounds");
  while (posi <= posj) {
    size_t next = utf8_decode(s, (size_t)posi, len, NULL, !lax);
    if (next == (size_t)-1) {
      pic_pushnil(L);
      pic_pushinteger(L, posi + 1);
      return 2;
    }
    posi = (pic_Integer)next;
    n++;
  }
  pic_charge(L, n / 8);
  pic_pushinteger(L, n);
  return 1;
}

static int codepoint(pic_State *L) {
  size_t len;
  const char *s = picL_checklstring(L, 1, &len);
  pic_Integer posi = u_posrelat(picL_optinteger(L, 2, 1), len);
  pic_Integer pose = u_posrelat(picL_optinteger(L, 3, posi), len);
  int lax = pic_toboolean(L, 4);
  picL_argcheck(L, posi >= 1, 2, "out of bounds");
  picL_argcheck(L, pose <= (pic_Integer)len, 3, "out of bounds");
  if (posi > pose)
    return 0;
  if (pose - posi >= INT_MAX)
    return picL_error(L, "string slice too long");
  int n = (int)(pose - posi) + 1;
  picL_checkstack(L, n, "string slice too long");
  n = 0;
  size_t i = (size_t)posi - 1, se = (size_t)pose;
  while (i < se) {
    utfint code;
    i = utf8_decode(s, i, len, &code, !lax);
    if (i == (size_t)-1)
      return picL_error(L, MSGINVALID);
    pic_pushinteger(L, code);
    n++;
  }
  return n;
}

/* Encodes [x] (<= MAXUTF) into [buff] (6 bytes); returns the length. */
static int utf8_encode(char *buff, utfint x) {
  char tmp[8];
  int n = 1;
  if (x < 0x80) {
    tmp[7] = (char)x;
  } else {
    unsigned int mfb = 0x3f;
    do {
      tmp[8 - (n++)] = (char)(0x80 | (x & 0x3f));
      x >>= 6;
      mfb >>= 1;
    } while (x > mfb);
    tmp[8 - n] = (char)((~mfb << 1) | x);
  }
  for (int k = 0; k < n; k++)
    buff[k] = tmp[8 - n + k];
  return n;
}

static int utfchar(pic_State *L) {
  int n = pic_gettop(L);
  picL_Buffer b;
  picL_buffinit(L, &b);
  for (int i = 1; i <= n; i++) {
    pic_Unsigned code = (pic_Unsigned)picL_checkinteger(L, i);
    picL_argcheck(L, code <= MAXUTF, i, "value out of range");
    char *p = picL_prepbuffsize(&b, 8);
    picL_addsize(&b, (size_t)utf8_encode(p, (utfint)code));
  }
  picL_pushresult(&b);
  return 1;
}

static int byteoffset(pic_State *L) {
  size_t len;
  const char *s = picL_checklstring(L, 1, &len);
  pic_Integer n = picL_checkinteger(L, 2);
  pic_Integer posi = (n >= 0) ? 1 : (pic_Integer)len + 1;
  posi = u_posrelat(picL_optinteger(L, 3, posi), len);
  picL_argcheck(L, 1 <= posi && --posi <= (pic_Integer)len, 3, "position out of bounds");
  if (n == 0) {
    while (posi > 0 && iscont(s, (size_t)posi, len))
      posi--;
  } else {
    if (iscont(s, (size_t)posi, len))
      return picL_error(L, "initial position is a continuation byte");
    if (n < 0) {
      while (n < 0 && posi > 0) {
        do {
          posi--;
        } while (posi > 0 && iscont(s, (size_t)posi, len));
        n++;
      }
    } else {
      n--;
      while (n > 0 && posi < (pic_Integer)len) {
        do {
          posi++;
        } while (iscont(s, (size_t)posi, len));
        n--;
      }
    }
  }
  if (n == 0)
    pic_pushinteger(L, posi + 1);
  else
    pic_pushnil(L);
  return 1;
}

/* One step of utf8.codes: the control value [n] is the 1-based position of the
** previous character (0 at the start), so s[n] is the byte after its first one.
** As in lua5.4.4, continuation bytes there are skipped (also at the start: a
** string of only continuation bytes yields nothing), and a control value that
** is negative or past the end (unsigned comparison) ends the loop. */
static int iter_aux(pic_State *L, int strict) {
  size_t len;
  const char *s = picL_checklstring(L, 1, &len);
  pic_Unsigned n = (pic_Unsigned)pic_tointeger(L, 2);
  if (n < len) {
    while (iscont(s, (size_t)n, len))
      n++;
  }
  if (n >= len)
    return 0;
  utfint code;
  if (utf8_decode(s, (size_t)n, len, &code, strict) == (size_t)-1)
    return picL_error(L, MSGINVALID);
  pic_pushinteger(L, (pic_Integer)n + 1);
  pic_pushinteger(L, code);
  return 2;
}

static int iter_auxstrict(pic_State *L) {
  return iter_aux(L, 1);
}

static int iter_auxlax(pic_State *L) {
  return iter_aux(L, 0);
}

static int iter_codes(pic_State *L) {
  int lax = pic_toboolean(L, 2);
  picL_checkstring(L, 1);
  pic_pushcfunction(L, lax ? iter_auxlax : iter_auxstrict);
  pic_pushvalue(L, 1);
  pic_pushinteger(L, 0);
  return 3;
}

static const picL_Reg funcs[] = {
  {"offset", byteoffset},
  {"codepoint", codepoint},
  {"char", utfchar},
  {"len", utflen},
  {"codes", iter_codes},
  {"charpattern", NULL},
  {NULL, NULL}
};

/* Opens the utf8 library: pushes its table. */
int picopen_utf8(pic_State *L) {
  static const char pattern[] = "[\0-\x7F\xC2-\xFD][\x80-\xBF]*";
  picL_newlib(L, funcs);
  pic_pushlstring(L, pattern, sizeof(pattern) - 1);
  pic_rawsetfield(L, -2, "charpattern");
  return 1;
}
