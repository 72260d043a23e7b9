/*
** iolib.c -- the io library over C stdio: io.read/write/lines/open/close/
** input/output/type and file methods, with lua5.4's formats and messages.
** Module: stdlib (picopen_io).
**
** Capabilities: the standard streams (io.stdin/stdout/stderr, io.read,
** io.write, io.lines() without a name) are always available; opening files
** by name (io.open, io.lines(name), io.input(name), io.output(name),
** io.tmpfile) needs PIC_CAP_FILES: without it io.open and io.tmpfile are
** absent and the others raise an error (see docs/sandbox.md). io.popen
** needs PIC_CAP_PROCESS (absent without it).
** Invariant: a file userdata (LStream) is closed iff closef == NULL.
*/
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L   /* popen, pclose */
#endif

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "runtime/pobject.h"
#include "stdlib/iolib.h"
#include "stdlib/picstdlib.h"

#define FILEHANDLE "FILE*"
#define IO_INPUT   "_IO_input"
#define IO_OUTPUT  "_IO_output"
#define MAXARGLINE 250
#define MAXLENNUM  200
#define READCHUNK  1024

typedef struct LStream {
  FILE *f;
  pic_CFunction closef;   /* NULL: closed */
} LStream;

int picI_fileresult(pic_State *L, int stat, const char *fname) {
  int en = errno;
  if (stat) {
    pic_pushboolean(L, 1);
    return 1;
  }
  pic_pushnil(L);
  if (fname)
    pic_pushfstring(L, "%s: %s", fname, strerror(en));
  else
    pic_pushstring(L, strerror(en));
  pic_pushinteger(L, en);
  return 3;
}

void picI_needcap(pic_State *L, unsigned cap, const char *what) {
  if (!(pic_getcaps(L) & cap)) {
    const char *name = cap == PIC_CAP_FILES ? "PIC_CAP_FILES"
                     : cap == PIC_CAP_ENV ? "PIC_CAP_ENV"
                     : cap == PIC_CAP_PROCESS ? "PIC_CAP_PROCESS" : "PIC_CAP_CLOCK";
    picL_error(L, "'%s' needs capability %s (not granted by the host)", what, name);
  }
}

#define isclosed(p)  ((p)->closef == NULL)

/* The file metatable is also kept in the registry under this address, so
** that checking a file handle (every io.write) needs no string key. */
static const char FHKEY = 'f';

/* The file handle at [idx], or NULL when it is not one. */
static LStream *testfile(pic_State *L, int idx) {
  LStream *p = (LStream *)pic_touserdata(L, idx);
  if (p == NULL || pic_type(L, idx) != PIC_TUSERDATA || !pic_getmetatable(L, idx))
    return NULL;
  pic_rawgetp(L, PIC_REGISTRYINDEX, &FHKEY);
  if (!pic_rawequal(L, -1, -2))
    p = NULL;
  pic_pop(L, 2);
  return p;
}

/* The file handle argument 1 (raises the usual "FILE* expected" error). */
static LStream *tolstream(pic_State *L) {
  LStream *p = testfile(L, 1);
  return p != NULL ? p : (LStream *)picL_checkudata(L, 1, FILEHANDLE);
}

static int io_type(pic_State *L) {
  picL_checkany(L, 1);
  LStream *p = testfile(L, 1);
  if (p == NULL)
    pic_pushnil(L);
  else if (isclosed(p))
    pic_pushliteral(L, "closed file");
  else
    pic_pushliteral(L, "file");
  return 1;
}

static int f_tostring(pic_State *L) {
  LStream *p = tolstream(L);
  if (isclosed(p))
    pic_pushliteral(L, "file (closed)");
  else
    pic_pushfstring(L, "file (%p)", (void *)p->f);
  return 1;
}

static FILE *tofile(pic_State *L) {
  LStream *p = tolstream(L);
  if (isclosed(p))
    picL_error(L, "attempt to use a closed file");
  return p->f;
}

/* Pushes a new, closed file userdata. */
static LStream *newprefile(pic_State *L) {
  LStream *p = (LStream *)pic_newuserdatauv(L, sizeof(LStream), 0);
  p->f = NULL;
  p->closef = NULL;
  picL_setmetatable(L, FILEHANDLE);
  return p;
}

/* Closes the file at index 1 with its close function. */
static int aux_close(pic_State *L) {
  LStream *p = tolstream(L);
  pic_CFunction cf = p->closef;
  p->closef = NULL;
  return (*cf)(L);
}

static int io_fclose(pic_State *L) {
  LStream *p = tolstream(L);
  int res = fclose(p->f);
  return picI_fileresult(L, (res == 0), NULL);
}

static int io_noclose(pic_State *L) {
  LStream *p = tolstream(L);
  p->closef = &io_noclose;   /* keep the standard file open */
  pic_pushnil(L);
  pic_pushliteral(L, "cannot close standard file");
  return 2;
}

static int f_close(pic_State *L) {
  tofile(L);
  return aux_close(L);
}

static int io_close(pic_State *L) {
  if (pic_isnone(L, 1))
    pic_rawgetfield(L, PIC_REGISTRYINDEX, IO_OUTPUT);
  return f_close(L);
}

static int f_gc(pic_State *L) {
  LStream *p = tolstream(L);
  if (!isclosed(p) && p->f != NULL)
    aux_close(L);
  return 0;
}

static LStream *newfile(pic_State *L) {
  LStream *p = newprefile(L);
  p->closef = &io_fclose;
  return p;
}

static int checkmode(const char *mode) {
  return (*mode != '\0' && strchr("rwa", *(mode++)) != NULL &&
          (*mode != '+' || ((void)(++mode), 1)) &&
          (strspn(mode, "b") == strlen(mode)));
}

static void opencheckfile(pic_State *L, const char *fname, const char *mode, const char *what) {
  picI_needcap(L, PIC_CAP_FILES, what);
  LStream *p = newfile(L);
  p->f = fopen(fname, mode);
  if (p->f == NULL)
    picL_error(L, "cannot open file '%s' (%s)", fname, strerror(errno));
}

static int io_open(pic_State *L) {
  picI_needcap(L, PIC_CAP_FILES, "io.open");
  const char *filename = picL_checkstring(L, 1);
  const char *mode = picL_optstring(L, 2, "r");
  LStream *p = newfile(L);
  picL_argcheck(L, checkmode(mode), 2, "invalid mode");
  p->f = fopen(filename, mode);
  return (p->f == NULL) ? picI_fileresult(L, 0, filename) : 1;
}

static int io_tmpfile(pic_State *L) {
  picI_needcap(L, PIC_CAP_FILES, "io.tmpfile");
  LStream *p = newfile(L);
  p->f = tmpfile();
  return (p->f == NULL) ? picI_fileresult(L, 0, NULL) : 1;
}

/* Pushes lua5.4's result for a finished process (luaL_execresult): true, or
** nil, then "exit" or "signal" and the code; errors with errno as
** picI_fileresult. */
int picI_execresult(pic_State *L, int stat) {
  const char *what = "exit";
  if (stat != 0 && errno != 0)
    return picI_fileresult(L, 0, NULL);
  if (WIFEXITED(stat)) {
    stat = WEXITSTATUS(stat);
  } else if (WIFSIGNALED(stat)) {
    stat = WTERMSIG(stat);
    what = "signal";
  }
  if (*what == 'e' && stat == 0)
    pic_pushboolean(L, 1);
  else
    pic_pushnil(L);
  pic_pushstring(L, what);
  pic_pushinteger(L, stat);
  return 3;
}

static int io_pclose(pic_State *L) {
  LStream *p = tolstream(L);
  errno = 0;
  return picI_execresult(L, pclose(p->f));
}

static int io_popen(pic_State *L) {
  picI_needcap(L, PIC_CAP_PROCESS, "io.popen");
  const char *prog = picL_checkstring(L, 1);
  const char *mode = picL_optstring(L, 2, "r");
  LStream *p = newprefile(L);
  picL_argcheck(L, (mode[0] == 'r' || mode[0] == 'w') && mode[1] == '\0', 2, "invalid mode");
  errno = 0;
  fflush(NULL);
  p->f = popen(prog, mode);
  p->closef = &io_pclose;
  return (p->f == NULL) ? picI_fileresult(L, 0, prog) : 1;
}

static FILE *getiofile(pic_State *L, const char *findex) {
  pic_rawgetfield(L, PIC_REGISTRYINDEX, findex);
  LStream *p = testfile(L, -1);   /* registry: script-writable */
  if (p == NULL || isclosed(p))
    picL_error(L, "default %s file is closed", findex + 4);
  return p->f;
}

static int g_iofile(pic_State *L, const char *f, const char *mode, const char *what) {
  if (!pic_isnoneornil(L, 1)) {
    const char *filename = pic_tostring(L, 1);
    if (filename) {
      opencheckfile(L, filename, mode, what);
    } else {
      tofile(L);
      pic_pushvalue(L, 1);
    }
    pic_rawsetfield(L, PIC_REGISTRYINDEX, f);
  }
  pic_rawgetfield(L, PIC_REGISTRYINDEX, f);
  return 1;
}

static int io_input(pic_State *L) {
  return g_iofile(L, IO_INPUT, "r", "io.input");
}

static int io_output(pic_State *L) {
  return g_iofile(L, IO_OUTPUT, "w", "io.output");
}

/* ---- reading ---- */

typedef struct RN {
  FILE *f;
  int c;
  int n;
  char buff[MAXLENNUM + 1];
} RN;

static int nextc(RN *rn) {
  if (rn->n >= MAXLENNUM) {
    rn->buff[0] = '\0';
    return 0;
  }
  rn->buff[rn->n++] = (char)rn->c;
  rn->c = getc(rn->f);
  return 1;
}

static int test2(RN *rn, const char *set) {
  if (rn->c == set[0] || rn->c == set[1])
    return nextc(rn);
  return 0;
}

static int readdigits(RN *rn, int hex) {
  int count = 0;
  while ((hex ? isxdigit(rn->c) : isdigit(rn->c)) && nextc(rn))
    count++;
  return count;
}

/* Converts a numeral as lua_stringtonumber: decimal integers (floats on
** overflow), hexadecimal integers (wrapping), and floats; pushes it. */
static int pushnumeral(pic_State *L, const char *s) {
  const char *p = s;
  while (isspace((unsigned char)*p))
    p++;
  int neg = 0;
  if (*p == '-') {
    neg = 1;
    p++;
  } else if (*p == '+') {
    p++;
  }
  pic_Unsigned a = 0;
  int empty = 1, overflow = 0;
  const char *q = p;
  if (q[0] == '0' && (q[1] == 'x' || q[1] == 'X')) {
    q += 2;
    for (; isxdigit((unsigned char)*q); q++) {
      int d = isdigit((unsigned char)*q) ? *q - '0' : (tolower((unsigned char)*q) - 'a') + 10;
      a = a * 16 + (pic_Unsigned)d;
      empty = 0;
    }
  } else {
    for (; isdigit((unsigned char)*q); q++) {
      int d = *q - '0';
      if (a >= (pic_Unsigned)INT64_MAX / 10 &&
          (a > (pic_Unsigned)INT64_MAX / 10 || d > (int)(INT64_MAX % 10) + neg))
        overflow = 1;
      a = a * 10 + (pic_Unsigned)d;
      empty = 0;
    }
  }
  const char *r = q;
  while (isspace((unsigned char)*r))
    r++;
  if (!empty && !overflow && *r == '\0') {
    pic_pushinteger(L, (pic_Integer)(neg ? 0u - a : a));
    return 1;
  }
  if (strpbrk(s, "nN"))   /* reject 'inf' and 'nan' */
    return 0;
  char *end;
  double d = strtod(s, &end);
  if (end == s)
    return 0;
  while (isspace((unsigned char)*end))
    end++;
  if (*end != '\0')
    return 0;
  pic_pushnumber(L, d);
  return 1;
}

static int read_number(pic_State *L, FILE *f) {
  RN rn;
  int count = 0, hex = 0;
  rn.f = f;
  rn.n = 0;
  do {
    rn.c = getc(rn.f);
  } while (isspace(rn.c));
  test2(&rn, "-+");
  if (test2(&rn, "00")) {
    if (test2(&rn, "xX"))
      hex = 1;
    else
      count = 1;
  }
  count += readdigits(&rn, hex);
  if (test2(&rn, ".."))
    count += readdigits(&rn, hex);
  if (count > 0 && test2(&rn, (hex ? "pP" : "eE"))) {
    test2(&rn, "-+");
    readdigits(&rn, 0);
  }
  ungetc(rn.c, rn.f);
  rn.buff[rn.n] = '\0';
  if (rn.n > 0 && pushnumeral(L, rn.buff))
    return 1;
  pic_pushnil(L);
  return 0;
}

static int test_eof(pic_State *L, FILE *f) {
  int c = getc(f);
  ungetc(c, f);
  pic_pushliteral(L, "");
  return (c != EOF);
}

static int read_line(pic_State *L, FILE *f, int chop) {
  picL_Buffer b;
  int c = '\0';
  picL_buffinit(L, &b);
  while (c != EOF && c != '\n') {
    char *buff = picL_prepbuffsize(&b, READCHUNK);
    int i = 0;
    while (i < READCHUNK && (c = getc(f)) != EOF && c != '\n')
      buff[i++] = (char)c;
    picL_addsize(&b, (size_t)i);
  }
  if (!chop && c == '\n')
    picL_addchar(&b, (char)c);
  size_t n = b.n;
  picL_pushresult(&b);
  return (c == '\n' || n > 0);
}

static void read_all(pic_State *L, FILE *f) {
  size_t nr;
  picL_Buffer b;
  picL_buffinit(L, &b);
  do {
    char *p = picL_prepbuffsize(&b, READCHUNK);
    nr = fread(p, sizeof(char), READCHUNK, f);
    picL_addsize(&b, nr);
  } while (nr == READCHUNK);
  picL_pushresult(&b);
}

static int read_chars(pic_State *L, FILE *f, size_t n) {
  picL_Buffer b;
  picL_buffinit(L, &b);
  char *p = picL_prepbuffsize(&b, n);
  size_t nr = fread(p, sizeof(char), n, f);
  picL_addsize(&b, nr);
  picL_pushresult(&b);
  return (nr > 0);
}

static int g_read(pic_State *L, FILE *f, int first) {
  int nargs = pic_gettop(L) - 1;
  int n, success;
  clearerr(f);
  if (nargs == 0) {
    success = read_line(L, f, 1);
    n = first + 1;
  } else {
    picL_checkstack(L, nargs + PIC_MINSTACK, "too many arguments");
    success = 1;
    for (n = first; nargs-- && success; n++) {
      if (pic_type(L, n) == PIC_TNUMBER) {
        pic_Integer li = picL_checkinteger(L, n);   /* a negative count is huge, as lua5.4 reads it */
        size_t l = ((pic_Unsigned)li > SIZE_MAX) ? SIZE_MAX : (size_t)li;
        success = (l == 0) ? test_eof(L, f) : read_chars(L, f, l);
      } else {
        const char *p = picL_checkstring(L, n);
        if (*p == '*')
          p++;
        switch (*p) {
          case 'n': success = read_number(L, f); break;
          case 'l': success = read_line(L, f, 1); break;
          case 'L': success = read_line(L, f, 0); break;
          case 'a': read_all(L, f); success = 1; break;
          default: return picL_argerror(L, n, "invalid format");
        }
      }
    }
  }
  if (ferror(f))
    return picI_fileresult(L, 0, NULL);
  if (!success) {
    pic_pop(L, 1);
    pic_pushnil(L);
  }
  return n - first;
}

static int io_read(pic_State *L) {
  FILE *f = getiofile(L, IO_INPUT);   /* pushed on top: kept alive */
  return g_read(L, f, 1);   /* the formats are arguments 1.. (their numbers in messages) */
}

static int f_read(pic_State *L) {
  return g_read(L, tofile(L), 2);
}

static int io_readline(pic_State *L) {
  LStream *p = (LStream *)pic_touserdata(L, pic_upvalueindex(1));
  int n = (int)pic_tointeger(L, pic_upvalueindex(2));
  if (isclosed(p))
    return picL_error(L, "file is already closed");
  pic_settop(L, 1);
  picL_checkstack(L, n, "too many arguments");
  for (int i = 1; i <= n; i++)
    pic_pushvalue(L, pic_upvalueindex(3 + i));
  n = g_read(L, p->f, 2);
  if (pic_toboolean(L, -n))
    return n;
  if (n > 1)
    return picL_error(L, "%s", pic_tostring(L, -n + 1));
  if (pic_toboolean(L, pic_upvalueindex(3))) {
    pic_settop(L, 0);
    pic_pushvalue(L, pic_upvalueindex(1));
    aux_close(L);
  }
  return 0;
}

static void aux_lines(pic_State *L, int toclose) {
  int n = pic_gettop(L) - 1;
  picL_argcheck(L, n <= MAXARGLINE, MAXARGLINE + 2, "too many arguments");
  pic_pushvalue(L, 1);
  pic_pushinteger(L, n);
  pic_pushboolean(L, toclose);
  pic_rotate(L, 2, 3);
  pic_pushcclosure(L, io_readline, 3 + n);
}

static int f_lines(pic_State *L) {
  tofile(L);
  aux_lines(L, 0);
  return 1;
}

static int io_lines(pic_State *L) {
  int toclose;
  if (pic_isnone(L, 1))
    pic_pushnil(L);
  if (pic_isnil(L, 1)) {
    pic_rawgetfield(L, PIC_REGISTRYINDEX, IO_INPUT);
    pic_replace(L, 1);
    tofile(L);
    toclose = 0;
  } else {
    const char *filename = picL_checkstring(L, 1);
    opencheckfile(L, filename, "r", "io.lines");
    pic_replace(L, 1);
    toclose = 1;
  }
  aux_lines(L, toclose);
  if (toclose) {
    pic_pushnil(L);
    pic_pushnil(L);
    pic_pushvalue(L, 1);   /* the file is the to-be-closed value */
    return 4;
  }
  return 1;
}

/* ---- writing and the rest ---- */

/* Writes [n] as fprintf's "%lld" would (without parsing a format: integers
** are most of what scripts write); returns whether it was all written. */
static int writeinteger(FILE *f, pic_Integer n) {
  char buf[24];
  char *p = buf + sizeof buf;
  pic_Unsigned u = n < 0 ? 0u - (pic_Unsigned)n : (pic_Unsigned)n;
  size_t len;
  do {
    *--p = (char)('0' + (int)(u % 10));
    u /= 10;
  } while (u != 0);
  if (n < 0)
    *--p = '-';
  len = (size_t)(buf + sizeof buf - p);
  return fwrite(p, 1, len, f) == len;
}

/* Writes float [x] as Lua's fprintf of "%.14g" does. */
static int writefloat(FILE *f, pic_Number x) {
  char buf[PIC_MAXNUMBER2STR];
  size_t len = (size_t)picO_fmtg14(x, buf);
  return fwrite(buf, 1, len, f) == len;
}

static int g_write(pic_State *L, FILE *f, int arg) {
  int nargs = pic_gettop(L) - arg;
  int status = 1;
  for (; nargs--; arg++) {
    if (pic_type(L, arg) == PIC_TNUMBER) {
      int ok = pic_isinteger(L, arg) ? writeinteger(f, pic_tointeger(L, arg))
                                     : writefloat(f, pic_tonumber(L, arg));
      status = status && ok;
    } else {
      size_t l;
      const char *s = picL_checklstring(L, arg, &l);
      status = status && (fwrite(s, sizeof(char), l, f) == l);
      pic_charge(L, (int64_t)(l / 64));
    }
  }
  if (status)
    return 1;   /* the file is on top */
  return picI_fileresult(L, status, NULL);
}

static int io_write(pic_State *L) {
  return g_write(L, getiofile(L, IO_OUTPUT), 1);
}

static int f_write(pic_State *L) {
  FILE *f = tofile(L);
  pic_pushvalue(L, 1);
  return g_write(L, f, 2);
}

static int f_seek(pic_State *L) {
  static const int mode[] = {SEEK_SET, SEEK_CUR, SEEK_END};
  static const char *const modenames[] = {"set", "cur", "end", NULL};
  FILE *f = tofile(L);
  int op = picL_checkoption(L, 2, "cur", modenames);
  pic_Integer offset = picL_optinteger(L, 3, 0);
  picL_argcheck(L, (pic_Integer)(long)offset == offset, 3, "not an integer in proper range");
  if (fseek(f, (long)offset, mode[op]))
    return picI_fileresult(L, 0, NULL);
  pic_pushinteger(L, (pic_Integer)ftell(f));
  return 1;
}

static int f_setvbuf(pic_State *L) {
  static const int mode[] = {_IONBF, _IOFBF, _IOLBF};
  static const char *const modenames[] = {"no", "full", "line", NULL};
  FILE *f = tofile(L);
  int op = picL_checkoption(L, 2, NULL, modenames);
  pic_Integer sz = picL_optinteger(L, 3, BUFSIZ);
  int res = setvbuf(f, NULL, mode[op], (size_t)sz);
  return picI_fileresult(L, res == 0, NULL);
}

static int io_flush(pic_State *L) {
  return picI_fileresult(L, fflush(getiofile(L, IO_OUTPUT)) == 0, NULL);
}

static int f_flush(pic_State *L) {
  return picI_fileresult(L, fflush(tofile(L)) == 0, NULL);
}

static const picL_Reg iolib[] = {
  {"close", io_close},
  {"flush", io_flush},
  {"input", io_input},
  {"lines", io_lines},
  {"output", io_output},
  {"read", io_read},
  {"type", io_type},
  {"write", io_write},
  {NULL, NULL}
};

static const picL_Reg iofiles[] = {
  {"open", io_open},
  {"tmpfile", io_tmpfile},
  {NULL, NULL}
};

static const picL_Reg ioprocess[] = {
  {"popen", io_popen},
  {NULL, NULL}
};

static const picL_Reg meth[] = {
  {"read", f_read},
  {"write", f_write},
  {"lines", f_lines},
  {"flush", f_flush},
  {"seek", f_seek},
  {"close", f_close},
  {"setvbuf", f_setvbuf},
  {NULL, NULL}
};

static const picL_Reg metameth[] = {
  {"__index", NULL},
  {"__gc", f_gc},
  {"__close", f_gc},
  {"__tostring", f_tostring},
  {NULL, NULL}
};

static void createmeta(pic_State *L) {
  picL_newmetatable(L, FILEHANDLE);
  pic_pushvalue(L, -1);
  pic_rawsetp(L, PIC_REGISTRYINDEX, &FHKEY);
  picL_setfuncs(L, metameth, 0);
  picL_newlib(L, meth);
  pic_rawsetfield(L, -2, "__index");
  pic_pop(L, 1);
}

static void createstdfile(pic_State *L, FILE *f, const char *k, const char *fname) {
  LStream *p = newprefile(L);
  p->f = f;
  p->closef = &io_noclose;
  if (k != NULL) {
    pic_pushvalue(L, -1);
    pic_rawsetfield(L, PIC_REGISTRYINDEX, k);
  }
  pic_rawsetfield(L, -2, fname);
}

/* Opens the io library: pushes its table (io.open and io.tmpfile only
** with PIC_CAP_FILES, io.popen only with PIC_CAP_PROCESS). */
int picopen_io(pic_State *L) {
  picL_newlib(L, iolib);
  if (pic_getcaps(L) & PIC_CAP_FILES)
    picL_setfuncs(L, iofiles, 0);
  if (pic_getcaps(L) & PIC_CAP_PROCESS)
    picL_setfuncs(L, ioprocess, 0);
  createmeta(L);
  createstdfile(L, stdin, IO_INPUT, "stdin");
  createstdfile(L, stdout, IO_OUTPUT, "stdout");
  createstdfile(L, stderr, NULL, "stderr");
  return 1;
}
