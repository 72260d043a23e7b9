/*
** strformat.c -- string.format with lua5.4's conversions, flag checks and
** messages. Module: stdlib (string library).
**
** A '%s' whose argument has __tostring needs a Lua call: the loop saves
** its position as three integers pushed above the buffer box (no
** allocation), returns pic_callk, and format_k resumes the loop with the
** string on top. The bytes formatted so far survive the call in the box
** slot: the box itself when there is one, else a string of them (nil when
** there are none), copied back into a fresh buffer by format_k.
*/
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "runtime/pobject.h"
#include "stdlib/strlib.h"

#define MAX_ITEM   120
#define MAX_ITEMF  (110 + 308)   /* '%99.99f' of the largest double */
#define MAX_FORMAT 32

#define FLAGS_F "-+ #0"
#define FLAGS_X "-#0"
#define FLAGS_I "-+ 0"
#define FLAGS_U "-0"
#define FLAGS_C "-"

/* Length of the run of flag, digit and '.' characters (FLAGS_F, "1-9",
** '.', as a conversion may hold) at [s], stopping at [end]. */
static size_t spec_span(const char *s, const char *end) {
  size_t n = 0;
  for (; s + n < end; n++) {
    switch (s[n]) {
      case '-': case '+': case ' ': case '#': case '0': case '.':
      case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
        break;
      default:
        return n;
    }
  }
  return n;
}

static const char *get2digits(const char *s) {
  if (isdigit((unsigned char)*s)) {
    s++;
    if (isdigit((unsigned char)*s))
      s++;
  }
  return s;
}

/* Checks the conversion [form] ("%...c") uses only [flags], a width of at
** most 2 digits and (if [precision]) a precision of at most 2 digits. */
static void checkformat(pic_State *L, const char *form, const char *flags, int precision) {
  const char *spec = form + 1;
  spec += strspn(spec, flags);
  if (*spec != '0') {
    spec = get2digits(spec);
    if (*spec == '.' && precision) {
      spec++;
      spec = get2digits(spec);
    }
  }
  if (!isalpha((unsigned char)*spec))
    picL_error(L, "invalid conversion specification: '%s'", form);
}

/* Copies the conversion at [strfrmt] into [form]; returns the offset of its
** last character (the conversion letter, or the end). */
static const char *getformat(pic_State *L, const char *strfrmt, const char *end, char *form) {
  size_t len = spec_span(strfrmt, end);
  len++;   /* the conversion letter */
  if (len >= MAX_FORMAT - 10)
    picL_error(L, "invalid format (too long)");
  *(form++) = '%';
  size_t avail = (size_t)(end - strfrmt);
  size_t ncopy = len <= avail ? len : avail;
  memcpy(form, strfrmt, ncopy);
  form[ncopy] = '\0';
  return strfrmt + len - 1;
}

/* Inserts the length modifier [lenmod] before the conversion letter. */
static void addlenmod(char *form, const char *lenmod) {
  size_t l = strlen(form);
  size_t lm = strlen(lenmod);
  char spec = form[l - 1];
  memcpy(form + l - 1, lenmod, lm);
  form[l + lm - 1] = spec;
  form[l + lm] = '\0';
}

static void addquoted(picL_Buffer *b, const char *s, size_t len) {
  picL_addchar(b, '"');
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    size_t run = i;   /* a run of bytes that stand for themselves goes in at once */
    while (run < len && (c = (unsigned char)s[run]) != '"' && c != '\\' && c != '\n' && !iscntrl(c))
      run++;
    if (run > i) {
      picL_addlstring(b, s + i, run - i);
      if (run == len)
        break;
      i = run;
    }
    if (c == '"' || c == '\\' || c == '\n') {
      picL_addchar(b, '\\');
      picL_addchar(b, (char)c);
    } else {   /* a control character */
      char buff[10];
      int nextdigit = (i + 1 < len) && isdigit((unsigned char)s[i + 1]);
      snprintf(buff, sizeof(buff), nextdigit ? "\\%03d" : "\\%d", (int)c);
      picL_addstring(b, buff);
    }
  }
  picL_addchar(b, '"');
}

static void addliteral(pic_State *L, picL_Buffer *b, int arg) {
  switch (pic_type(L, arg)) {
    case PIC_TSTRING: {
      size_t len;
      const char *s = pic_tolstring(L, arg, &len);
      addquoted(b, s, len);
      break;
    }
    case PIC_TNUMBER: {
      char *buff = picL_prepbuffsize(b, MAX_ITEM);
      int nb;
      if (!pic_isinteger(L, arg)) {
        pic_Number n = pic_tonumber(L, arg);
        if (n == (pic_Number)HUGE_VAL)
          nb = snprintf(buff, MAX_ITEM, "1e9999");
        else if (n == -(pic_Number)HUGE_VAL)
          nb = snprintf(buff, MAX_ITEM, "-1e9999");
        else if (n != n)
          nb = snprintf(buff, MAX_ITEM, "(0/0)");
        else
          nb = snprintf(buff, MAX_ITEM, "%a", n);
      } else {
        pic_Integer n = pic_tointeger(L, arg);
        if (n == INT64_MIN)
          nb = snprintf(buff, MAX_ITEM, "0x%llx", (unsigned long long)n);
        else
          nb = snprintf(buff, MAX_ITEM, "%lld", (long long)n);
      }
      picL_addsize(b, (size_t)nb);
      break;
    }
    case PIC_TNIL:
    case PIC_TBOOLEAN:
      picL_tolstring_m(L, arg);   /* never needs a call for these */
      picL_addvalue(b);
      break;
    default:
      picL_argerror(L, arg, "value has no literal form");
  }
}

/* Formats the string on top (the result of tostring for argument [arg])
** with [form], popping it. */
static void add_s(pic_State *L, picL_Buffer *b, const char *form, int arg) {
  size_t l;
  const char *s = pic_tolstring(L, -1, &l);
  if (form[2] == '\0') {   /* no modifiers */
    picL_addvalue(b);
    return;
  }
  picL_argcheck(L, l == strlen(s), arg, "string contains zeros");
  checkformat(L, form, FLAGS_C, 1);
  if (strchr(form, '.') == NULL && l >= 100) {
    picL_addvalue(b);   /* no precision and too long to format */
    return;
  }
  char *buff = picL_prepbuffsize(b, MAX_ITEM);
  int nb = snprintf(buff, MAX_ITEM, form, s);
  picL_addsize(b, (size_t)nb);
  pic_pop(L, 1);
}

/* Writes [v] to [buff] in decimal (as a signed value) or, if [hex], in
** lowercase hexadecimal (as unsigned), as "%lld" / "%llx"; returns the
** length (at most 20). */
static size_t fmtint(char *buff, pic_Unsigned v, int hex) {
  char tmp[24];
  char *q = tmp + sizeof(tmp);
  int neg = 0;
  if (hex) {
    do {
      *--q = "0123456789abcdef"[v & 15];
      v >>= 4;
    } while (v != 0);
  } else {
    if ((pic_Integer)v < 0) {
      neg = 1;
      v = 0u - v;
    }
    do {
      *--q = (char)('0' + v % 10);
      v /= 10;
    } while (v != 0);
    if (neg)
      *--q = '-';
  }
  size_t l = (size_t)(tmp + sizeof(tmp) - q);
  memcpy(buff, q, l);
  return l;
}

static int format_k(pic_State *L, int status, pic_KContext ctx);

/* Reads up to two digits at *p into *v (left alone when none). */
static void readdigits(const char **p, int *v) {
  if (isdigit((unsigned char)**p)) {
    *v = *(*p)++ - '0';
    if (isdigit((unsigned char)**p))
      *v = *v * 10 + (*(*p)++ - '0');
  }
}

/* "%[W].Pg" and "%[W][.P]f" (no flags) of a float, written without
** snprintf when pobject.c's exact paths apply (a JSON encoder's "%.17g",
** a report's "%.2f"); returns the length, or -1 for snprintf to do it. */
static int fastfloat(const char *form, int conv, pic_Number n, char *buff) {
  const char *p = form + 1;
  int width = 0, prec = -1, len;
  if (*p == '0')   /* the zero-padding flag */
    return -1;
  readdigits(&p, &width);
  if (*p == '.') {
    p++;
    prec = 0;
    readdigits(&p, &prec);
  }
  if (*p != conv || p[1] != '\0')   /* flags, or a lone '.' before digits */
    return -1;
  if (conv == 'f')
    len = picO_fmtf(n, prec < 0 ? 6 : prec, buff);
  else if (conv == 'g' && prec >= 1)
    len = picO_fmtgexact(n, prec, buff);
  else
    return -1;
  if (len >= 0 && len < width) {   /* right-aligned in the width */
    memmove(buff + (width - len), buff, (size_t)len + 1);
    memset(buff, ' ', (size_t)(width - len));
    len = width;
  }
  return len;
}

/* The format loop from offset [pos] of the format string with [arg] the
** last argument consumed; the buffer box is at top + 1. */
static int format_loop(pic_State *L, int top, picL_Buffer *b, size_t pos, int arg) {
  size_t sfl;
  const char *fmt0 = pic_tolstring(L, 1, &sfl);
  const char *strfrmt = fmt0 + pos;
  const char *end = fmt0 + sfl;
  while (strfrmt < end) {
    if (*strfrmt != '%') {   /* a run of plain characters */
      const char *pct = (const char *)memchr(strfrmt, '%', (size_t)(end - strfrmt));
      if (pct == NULL)
        pct = end;
      picL_addlstring(b, strfrmt, (size_t)(pct - strfrmt));
      strfrmt = pct;
      continue;
    }
    if (++strfrmt < end && *strfrmt == '%') {
      picL_addchar(b, *strfrmt++);
      continue;
    }
    char form[MAX_FORMAT];
    const char *spec = strfrmt;
    const char *flags;
    int nb = 0;
    if (++arg > top)
      return picL_argerror(L, arg, "no value");
    if (strfrmt < end && (*strfrmt == 'd' || *strfrmt == 'x') && pic_isinteger(L, arg)) {
      /* plain %d / %x of an integer: no flags to check, no snprintf */
      char *buff = picL_prepbuffsize(b, 24);
      picL_addsize(b, fmtint(buff, (pic_Unsigned)pic_tointeger(L, arg), *strfrmt == 'x'));
      strfrmt++;
      continue;
    }
    if (strfrmt < end && *strfrmt == 's' && pic_type(L, arg) == PIC_TSTRING) {
      /* plain %s of a string: copied as is unless strings have __tostring */
      if (picL_getmetafield(L, arg, "__tostring") == PIC_TNIL) {
        size_t l;
        const char *str = pic_tolstring(L, arg, &l);
        picL_addlstring(b, str, l);
        strfrmt++;
        continue;
      }
      pic_pop(L, 1);
    }
    strfrmt = getformat(L, strfrmt, end, form);
    int conv = (strfrmt < end) ? (unsigned char)*strfrmt : 0;
    strfrmt++;
    switch (conv) {
      case 'c': {
        checkformat(L, form, FLAGS_C, 0);
        int c = (int)picL_checkinteger(L, arg);
        char *buff = picL_prepbuffsize(b, MAX_ITEM);
        nb = snprintf(buff, MAX_ITEM, form, c);
        break;
      }
      case 'd': case 'i':
        flags = FLAGS_I;
        goto intcase;
      case 'u':
        flags = FLAGS_U;
        goto intcase;
      case 'o': case 'x': case 'X':
        flags = FLAGS_X;
      intcase: {
        pic_Integer n = picL_checkinteger(L, arg);
        checkformat(L, form, flags, 1);
        addlenmod(form, "ll");
        char *buff = picL_prepbuffsize(b, MAX_ITEM);
        nb = snprintf(buff, MAX_ITEM, form, (long long)n);
        break;
      }
      case 'a': case 'A': {
        checkformat(L, form, FLAGS_F, 1);
        pic_Number n = picL_checknumber(L, arg);
        char *buff = picL_prepbuffsize(b, MAX_ITEM);
        nb = snprintf(buff, MAX_ITEM, form, n);
        break;
      }
      case 'f': case 'e': case 'E': case 'g': case 'G': {
        int maxitem = (conv == 'f') ? MAX_ITEMF : MAX_ITEM;
        pic_Number n = picL_checknumber(L, arg);
        checkformat(L, form, FLAGS_F, 1);
        char *buff = picL_prepbuffsize(b, (size_t)maxitem);
        nb = fastfloat(form, conv, n, buff);
        if (nb < 0)
          nb = snprintf(buff, (size_t)maxitem, form, n);
        break;
      }
      case 'p': {
        const void *p = pic_topointer(L, arg);
        checkformat(L, form, FLAGS_C, 0);
        char *buff = picL_prepbuffsize(b, MAX_ITEM);
        if (p == NULL) {
          form[strlen(form) - 1] = 's';
          nb = snprintf(buff, MAX_ITEM, form, "(null)");
        } else {
          nb = snprintf(buff, MAX_ITEM, form, p);
        }
        break;
      }
      case 'q':
        if (form[2] != '\0')
          return picL_error(L, "specifier '%%q' cannot have modifiers");
        addliteral(L, b, arg);
        break;
      case 's':
        if (!picL_tolstring_m(L, arg)) {   /* __tostring: call it */
          if (b->b == b->init && b->n > 0) {   /* keep the bytes so far */
            pic_pushlstring(L, b->init, b->n);
            pic_replace(L, b->boxidx);
          }
          /* the loop state: the conversion's offset (after '%'), the argument
          ** and the bytes in the box, below the metamethod and its argument */
          pic_pushinteger(L, (pic_Integer)(spec - fmt0));
          pic_pushinteger(L, arg);
          pic_pushinteger(L, (pic_Integer)b->n);
          pic_rotate(L, -5, 3);
          return pic_callnoyieldk(L, 1, 1, top, format_k);
        }
        add_s(L, b, form, arg);
        break;
      default:
        return picL_error(L, "invalid conversion '%s' to 'format'", form);
    }
    picL_addsize(b, (size_t)nb);
  }
  picL_pushresult(b);
  return 1;
}

/* Continues after a __tostring call: [ctx] is the number of arguments. */
static int format_k(pic_State *L, int status, pic_KContext ctx) {
  (void)status;
  int top = (int)ctx;
  pic_copy(L, -1, top + 5);
  pic_settop(L, top + 5);   /* args, box, spec, arg, bytes, string */
  if (!pic_isstring(L, -1))
    return picL_error(L, "'__tostring' must return a string");
  size_t spec = (size_t)pic_tointeger(L, top + 2);
  int arg = (int)pic_tointeger(L, top + 3);
  picL_Buffer b;
  b.L = L;
  b.boxidx = top + 1;
  b.n = (size_t)pic_tointeger(L, top + 4);
  if (pic_type(L, top + 1) == PIC_TUSERDATA) {
    b.b = (char *)pic_touserdata(L, top + 1);
    b.size = (size_t)pic_rawlen(L, top + 1);   /* a box is exactly its size */
  } else {   /* nil or the bytes as a string (at most PICL_BUFFERSIZE) */
    b.b = b.init;
    b.size = PICL_BUFFERSIZE;
    if (b.n > 0)
      memcpy(b.init, pic_tostring(L, top + 1), b.n);
    pic_pushnil(L);
    pic_replace(L, top + 1);
  }
  pic_copy(L, top + 5, top + 2);
  pic_settop(L, top + 2);   /* the state dropped; the string is now on top */
  size_t sfl;
  const char *fmt0 = pic_tolstring(L, 1, &sfl);
  char form[MAX_FORMAT];
  const char *next = getformat(L, fmt0 + spec, fmt0 + sfl, form) + 1;
  add_s(L, &b, form, arg);
  return format_loop(L, top, &b, (size_t)(next - fmt0), arg);
}

/* string.format(fmt, ...). */
int picS_format(pic_State *L) {
  int top = pic_gettop(L);
  size_t sfl;
  const char *fmt = picL_checklstring(L, 1, &sfl);
  if (sfl == 2 && fmt[0] == '%' && fmt[1] == 's') {   /* format("%s", x) is tostring(x) */
    if (top < 2)
      return picL_argerror(L, 2, "no value");
    if (!picL_tolstring_m(L, 2))   /* __tostring: call it */
      return pic_callnoyieldk(L, 1, 1, 0, picL_tolstring_k);
    return 1;
  }
  picL_Buffer b;
  picL_buffinit(L, &b);
  return format_loop(L, top, &b, 0, 1);
}
