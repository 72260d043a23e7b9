/*
** strpack.c -- string.pack, string.packsize, string.unpack: binary
** serialization with lua5.4's options, alignment rules and messages.
** Module: stdlib (string library).
*/
#include <limits.h>
#include <stddef.h>
#include <string.h>

#include "stdlib/strlib.h"

#define MAXINTSIZE 16
#define NB         CHAR_BIT
#define MC         ((1 << NB) - 1)
#define SZINT      ((int)sizeof(pic_Integer))
#define MAXSIZE    ((size_t)INT_MAX)
#define PADBYTE    0x00

static const union {
  int dummy;
  char little;
} nativeendian = {1};

typedef struct Header {
  pic_State *L;
  int islittle;
  int maxalign;
} Header;

typedef enum KOption {
  Kint, Kuint, Kfloat, Knumber, Kdouble, Kchar, Kstring, Kzstr, Kpadding, Kpaddalign, Knop
} KOption;

static int isdigit_c(int c) {
  return '0' <= c && c <= '9';
}

static int getnum(const char **fmt, int df) {
  if (!isdigit_c(**fmt))
    return df;
  int a = 0;
  do {
    a = a * 10 + (*((*fmt)++) - '0');
  } while (isdigit_c(**fmt) && a <= ((int)MAXSIZE - 9) / 10);
  return a;
}

static int getnumlimit(Header *h, const char **fmt, int df) {
  int sz = getnum(fmt, df);
  if (sz > MAXINTSIZE || sz <= 0)
    return picL_error(h->L, "integral size (%d) out of limits [1,%d]", sz, MAXINTSIZE);
  return sz;
}

static KOption getoption(Header *h, const char **fmt, int *size) {
  struct cD {
    char c;
    union {
      double n;
      void *s;
      pic_Integer i;
      long l;
    } u;
  };
  int opt = *((*fmt)++);
  *size = 0;
  switch (opt) {
    case 'b': *size = (int)sizeof(char); return Kint;
    case 'B': *size = (int)sizeof(char); return Kuint;
    case 'h': *size = (int)sizeof(short); return Kint;
    case 'H': *size = (int)sizeof(short); return Kuint;
    case 'l': *size = (int)sizeof(long); return Kint;
    case 'L': *size = (int)sizeof(long); return Kuint;
    case 'j': *size = (int)sizeof(pic_Integer); return Kint;
    case 'J': *size = (int)sizeof(pic_Integer); return Kuint;
    case 'T': *size = (int)sizeof(size_t); return Kuint;
    case 'f': *size = (int)sizeof(float); return Kfloat;
    case 'n': *size = (int)sizeof(pic_Number); return Knumber;
    case 'd': *size = (int)sizeof(double); return Kdouble;
    case 'i': *size = getnumlimit(h, fmt, (int)sizeof(int)); return Kint;
    case 'I': *size = getnumlimit(h, fmt, (int)sizeof(int)); return Kuint;
    case 's': *size = getnumlimit(h, fmt, (int)sizeof(size_t)); return Kstring;
    case 'c':
      *size = getnum(fmt, -1);
      if (*size == -1)
        picL_error(h->L, "missing size for format option 'c'");
      return Kchar;
    case 'z': return Kzstr;
    case 'x': *size = 1; return Kpadding;
    case 'X': return Kpaddalign;
    case ' ': break;
    case '<': h->islittle = 1; break;
    case '>': h->islittle = 0; break;
    case '=': h->islittle = nativeendian.little; break;
    case '!': h->maxalign = getnumlimit(h, fmt, (int)offsetof(struct cD, u)); break;
    default: picL_error(h->L, "invalid format option '%c'", opt);
  }
  return Knop;
}

/* Reads the next option; sets its size and the padding needed before it
** to align it at [totalsize]. */
static KOption getdetails(Header *h, size_t totalsize, const char **fmt, int *psize, int *ntoalign) {
  KOption opt = getoption(h, fmt, psize);
  int align = *psize;
  if (opt == Kpaddalign) {
    if (**fmt == '\0' || getoption(h, fmt, &align) == Kchar || align == 0)
      picL_argerror(h->L, 1, "invalid next option for option 'X'");
  }
  if (align <= 1 || opt == Kchar) {
    *ntoalign = 0;
  } else {
    if (align > h->maxalign)
      align = h->maxalign;
    if ((align & (align - 1)) != 0)
      picL_argerror(h->L, 1, "format asks for alignment not power of 2");
    *ntoalign = (align - (int)(totalsize & (size_t)(align - 1))) & (align - 1);
  }
  return opt;
}

static void packint(picL_Buffer *b, pic_Unsigned n, int islittle, int size, int neg) {
  char *buff = picL_prepbuffsize(b, (size_t)size);
  buff[islittle ? 0 : size - 1] = (char)(n & MC);
  for (int i = 1; i < size; i++) {
    n >>= NB;
    buff[islittle ? i : size - 1 - i] = (char)(n & MC);
  }
  if (neg && size > SZINT)   /* sign-extend the extra bytes */
    for (int i = SZINT; i < size; i++)
      buff[islittle ? i : size - 1 - i] = (char)MC;
  picL_addsize(b, (size_t)size);
}

static void copywithendian(char *dest, const char *src, int size, int islittle) {
  if (islittle == nativeendian.little) {
    memcpy(dest, src, (size_t)size);
  } else {
    dest += size - 1;
    while (size-- != 0)
      *(dest--) = *(src++);
  }
}

/* string.pack(fmt, v1, v2, ...). */
int picS_pack(pic_State *L) {
  const char *fmt = picL_checkstring(L, 1);
  Header h = {L, nativeendian.little, 1};
  int arg = 1;
  size_t totalsize = 0;
  pic_pushnil(L);   /* separates the arguments from the buffer box */
  picL_Buffer b;
  picL_buffinit(L, &b);
  while (*fmt != '\0') {
    int size, ntoalign;
    KOption opt = getdetails(&h, totalsize, &fmt, &size, &ntoalign);
    totalsize += (size_t)ntoalign + (size_t)size;
    while (ntoalign-- > 0)
      picL_addchar(&b, PADBYTE);
    arg++;
    switch (opt) {
      case Kint: {
        pic_Integer n = picL_checkinteger(L, arg);
        if (size < SZINT) {
          pic_Integer lim = (pic_Integer)1 << ((size * NB) - 1);
          picL_argcheck(L, -lim <= n && n < lim, arg, "integer overflow");
        }
        packint(&b, (pic_Unsigned)n, h.islittle, size, (n < 0));
        break;
      }
      case Kuint: {
        pic_Integer n = picL_checkinteger(L, arg);
        if (size < SZINT)
          picL_argcheck(L, (pic_Unsigned)n < ((pic_Unsigned)1 << (size * NB)), arg, "unsigned overflow");
        packint(&b, (pic_Unsigned)n, h.islittle, size, 0);
        break;
      }
      case Kfloat: {
        float f = (float)picL_checknumber(L, arg);
        char *buff = picL_prepbuffsize(&b, sizeof(f));
        copywithendian(buff, (const char *)&f, (int)sizeof(f), h.islittle);
        picL_addsize(&b, (size_t)size);
        break;
      }
      case Knumber:
      case Kdouble: {
        double f = (double)picL_checknumber(L, arg);
        char *buff = picL_prepbuffsize(&b, sizeof(f));
        copywithendian(buff, (const char *)&f, (int)sizeof(f), h.islittle);
        picL_addsize(&b, (size_t)size);
        break;
      }
      case Kchar: {
        size_t len;
        const char *s = picL_checklstring(L, arg, &len);
        picL_argcheck(L, len <= (size_t)size, arg, "string longer than given size");
        picL_addlstring(&b, s, len);
        while (len++ < (size_t)size)
          picL_addchar(&b, PADBYTE);
        break;
      }
      case Kstring: {
        size_t len;
        const char *s = picL_checklstring(L, arg, &len);
        picL_argcheck(L, size >= (int)sizeof(size_t) || len < ((size_t)1 << (size * NB)), arg,
                      "string length does not fit in given size");
        packint(&b, (pic_Unsigned)len, h.islittle, size, 0);
        picL_addlstring(&b, s, len);
        totalsize += len;
        break;
      }
      case Kzstr: {
        size_t len;
        const char *s = picL_checklstring(L, arg, &len);
        picL_argcheck(L, strlen(s) == len, arg, "string contains zeros");
        picL_addlstring(&b, s, len);
        picL_addchar(&b, '\0');
        totalsize += len + 1;
        break;
      }
      case Kpadding:
        picL_addchar(&b, PADBYTE);
        arg--;
        break;
      case Kpaddalign:
      case Knop:
        arg--;
        break;
    }
  }
  picL_pushresult(&b);
  return 1;
}

/* string.packsize(fmt). */
int picS_packsize(pic_State *L) {
  Header h = {L, nativeendian.little, 1};
  const char *fmt = picL_checkstring(L, 1);
  size_t totalsize = 0;
  while (*fmt != '\0') {
    int size, ntoalign;
    KOption opt = getdetails(&h, totalsize, &fmt, &size, &ntoalign);
    picL_argcheck(L, opt != Kstring && opt != Kzstr, 1, "variable-length format");
    size += ntoalign;
    picL_argcheck(L, totalsize <= MAXSIZE - (size_t)size, 1, "format result too large");
    totalsize += (size_t)size;
  }
  pic_pushinteger(L, (pic_Integer)totalsize);
  return 1;
}

static pic_Integer unpackint(pic_State *L, const char *str, int islittle, int size, int issigned) {
  pic_Unsigned res = 0;
  int limit = (size <= SZINT) ? size : SZINT;
  for (int i = limit - 1; i >= 0; i--) {
    res <<= NB;
    res |= (pic_Unsigned)(unsigned char)str[islittle ? i : size - 1 - i];
  }
  if (size < SZINT) {
    if (issigned) {
      pic_Unsigned mask = (pic_Unsigned)1 << (size * NB - 1);
      res = ((res ^ mask) - mask);
    }
  } else if (size > SZINT) {
    int mask = (!issigned || (pic_Integer)res >= 0) ? 0 : MC;
    for (int i = limit; i < size; i++)
      if ((unsigned char)str[islittle ? i : size - 1 - i] != mask)
        picL_error(L, "%d-byte integer does not fit into Lua Integer", size);
  }
  return (pic_Integer)res;
}

static size_t posrelat(pic_Integer pos, size_t len) {
  if (pos > 0)
    return (size_t)pos;
  if (pos == 0)
    return 1;
  if (pos < -(pic_Integer)len)
    return 1;
  return len + (size_t)pos + 1;
}

/* string.unpack(fmt, s [, pos]). */
int picS_unpack(pic_State *L) {
  Header h = {L, nativeendian.little, 1};
  const char *fmt = picL_checkstring(L, 1);
  size_t ld;
  const char *data = picL_checklstring(L, 2, &ld);
  size_t pos = posrelat(picL_optinteger(L, 3, 1), ld) - 1;
  int n = 0;
  picL_argcheck(L, pos <= ld, 3, "initial position out of string");
  while (*fmt != '\0') {
    int size, ntoalign;
    KOption opt = getdetails(&h, pos, &fmt, &size, &ntoalign);
    picL_argcheck(L, (size_t)ntoalign + (size_t)size <= ld - pos, 2, "data string too short");
    pos += (size_t)ntoalign;
    picL_checkstack(L, 2, "too many results");
    n++;
    switch (opt) {
      case Kint:
      case Kuint:
        pic_pushinteger(L, unpackint(L, data + pos, h.islittle, size, (opt == Kint)));
        break;
      case Kfloat: {
        float f;
        copywithendian((char *)&f, data + pos, (int)sizeof(f), h.islittle);
        pic_pushnumber(L, (pic_Number)f);
        break;
      }
      case Knumber:
      case Kdouble: {
        double f;
        copywithendian((char *)&f, data + pos, (int)sizeof(f), h.islittle);
        pic_pushnumber(L, (pic_Number)f);
        break;
      }
      case Kchar:
        pic_pushlstring(L, data + pos, (size_t)size);
        break;
      case Kstring: {
        size_t len = (size_t)unpackint(L, data + pos, h.islittle, size, 0);
        picL_argcheck(L, len <= ld - pos - (size_t)size, 2, "data string too short");
        pic_pushlstring(L, data + pos + size, len);
        pos += len;
        break;
      }
      case Kzstr: {
        const char *z = (const char *)memchr(data + pos, '\0', ld - pos);
        picL_argcheck(L, z != NULL, 2, "unfinished string for format 'z'");
        size_t len = (size_t)(z - (data + pos));
        pic_pushlstring(L, data + pos, len);
        pos += len + 1;
        break;
      }
      case Kpaddalign:
      case Kpadding:
      case Knop:
        n--;
        break;
    }
    pos += (size_t)size;
  }
  pic_pushinteger(L, (pic_Integer)pos + 1);
  return n + 1;
}
