/*
** baselib.c -- the basic library (print, pcall, error, tostring, load, ...)
** written as stackless C functions: anything that runs Lua code (__tostring,
** __index in ipairs, __pairs, pcall'd functions, dofile) returns pic_callk /
** pic_pcallk and finishes in a continuation. Module: stdlib (picopen_base).
** Uses runtime/pdebug.h only for load's env (first upvalue) and messages,
** runtime/pvm.h to register 'next' and the ipairs iterator with the loop.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <errno.h>

#include "runtime/pdebug.h"
#include "runtime/picaux.h"
#include "runtime/pvm.h"
#include "stdlib/iolib.h"
#include "stdlib/picstdlib.h"

/* ---- print / tostring ---- */

static int print_k(pic_State *L, int status, pic_KContext ctx);

/* Writes arguments from [i] on; returns through callk when an argument
** has __tostring. */
static int print_from(pic_State *L, int i) {
  int n = (int)pic_gettop(L);
  for (; i <= n; i++) {
    size_t l;
    const char *s;
    if (!picL_tolstring_m(L, i))
      return pic_callnoyieldk(L, 1, 1, i, print_k);
    s = pic_tolstring(L, -1, &l);
    if (i > 1)
      fwrite("\t", 1, 1, stdout);
    fwrite(s, 1, l, stdout);
    pic_pop(L, 1);
  }
  fwrite("\n", 1, 1, stdout);
  fflush(stdout);
  return 0;
}

static int print_k(pic_State *L, int status, pic_KContext ctx) {
  int i = (int)ctx;
  size_t l;
  const char *s;
  (void)status;
  if (!pic_isstring(L, -1))
    return picL_error(L, "'__tostring' must return a string");
  s = pic_tolstring(L, -1, &l);
  if (i > 1)
    fwrite("\t", 1, 1, stdout);
  fwrite(s, 1, l, stdout);
  pic_pop(L, 1);
  return print_from(L, i + 1);
}

static int base_print(pic_State *L) {
  return print_from(L, 1);
}

static int base_tostring(pic_State *L) {
  picL_checkany(L, 1);
  if (!picL_tolstring_m(L, 1))
    return pic_callnoyieldk(L, 1, 1, 0, picL_tolstring_k);
  return 1;
}

static int base_warn(pic_State *L) {
  int n = pic_gettop(L), i;
  picL_checkstring(L, 1);
  for (i = 2; i <= n; i++)
    picL_checkstring(L, i);
  for (i = 1; i < n; i++)
    pic_warning(L, pic_tostring(L, i), 1);
  pic_warning(L, pic_tostring(L, n), 0);
  return 0;
}

/* ---- numbers ---- */

static const char *str2int(const char *s, int base, pic_Integer *pn) {
  pic_Unsigned n = 0;
  int neg = 0;
  s += strspn(s, " \f\n\r\t\v");
  if (*s == '-') {
    s++;
    neg = 1;
  } else if (*s == '+') {
    s++;
  }
  if (!isalnum((unsigned char)*s))
    return NULL;
  do {
    int digit = isdigit((unsigned char)*s) ? *s - '0' : (toupper((unsigned char)*s) - 'A') + 10;
    if (digit >= base)
      return NULL;
    n = n * (pic_Unsigned)base + (pic_Unsigned)digit;
    s++;
  } while (isalnum((unsigned char)*s));
  s += strspn(s, " \f\n\r\t\v");
  *pn = (pic_Integer)(neg ? (0u - n) : n);
  return s;
}

static int base_tonumber(pic_State *L) {
  if (pic_isnoneornil(L, 2)) {
    if (pic_type(L, 1) == PIC_TNUMBER) {
      pic_settop(L, 1);
      return 1;
    }
    if (pic_type(L, 1) == PIC_TSTRING) {
      size_t l;
      const char *s = pic_tolstring(L, 1, &l);
      if (pic_stringtonumber(L, s) == l + 1)   /* a whole numeral ("1\0" is not) */
        return 1;
    }
    picL_checkany(L, 1);
  } else {
    size_t l;
    const char *s;
    pic_Integer n = 0;
    pic_Integer base = picL_checkinteger(L, 2);
    picL_checktype(L, 1, PIC_TSTRING);
    s = pic_tolstring(L, 1, &l);
    picL_argcheck(L, 2 <= base && base <= 36, 2, "base out of range");
    if (str2int(s, (int)base, &n) == s + l) {
      pic_pushinteger(L, n);
      return 1;
    }
  }
  pic_pushnil(L);
  return 1;
}

/* ---- errors and protected calls ---- */

static int base_error(pic_State *L) {
  int level = (int)picL_optinteger(L, 2, 1);
  pic_settop(L, 1);
  if (pic_type(L, 1) == PIC_TSTRING && level > 0) {
    pic_where(L, level);
    pic_pushvalue(L, 1);
    pic_concat_raw(L, 2);
  }
  return pic_error(L);
}

static int base_assert(pic_State *L) {
  if (pic_toboolean(L, 1))
    return pic_gettop(L);
  picL_checkany(L, 1);
  pic_remove(L, 1);
  pic_pushliteral(L, "assertion failed!");
  pic_settop(L, 1);
  return base_error(L);
}

static int finishpcall(pic_State *L, int status, pic_KContext extra) {
  if (status != PIC_OK && status != PIC_YIELD) {
    pic_pushboolean(L, 0);
    pic_pushvalue(L, -2);
    return 2;
  }
  return pic_gettop(L) - (int)extra;
}

static int base_pcall(pic_State *L) {
  picL_checkany(L, 1);
  pic_pushboolean(L, 1);
  pic_insert(L, 1);
  return pic_pcallk(L, pic_gettop(L) - 2, PIC_MULTRET, 0, 0, finishpcall);
}

static int base_xpcall(pic_State *L) {
  int n = pic_gettop(L);
  picL_checktype(L, 2, PIC_TFUNCTION);
  pic_pushboolean(L, 1);
  pic_pushvalue(L, 1);
  pic_rotate(L, 3, 2);
  return pic_pcallk(L, n - 2, PIC_MULTRET, 2, 2, finishpcall);
}

/* ---- metatables and raw access ---- */

static int base_getmetatable(pic_State *L) {
  picL_checkany(L, 1);
  if (!pic_getmetatable(L, 1)) {
    pic_pushnil(L);
    return 1;
  }
  picL_getmetafield(L, 1, "__metatable");
  return 1;
}

static int base_setmetatable(pic_State *L) {
  int t = pic_type(L, 2);
  picL_checktype(L, 1, PIC_TTABLE);
  picL_argexpected(L, t == PIC_TNIL || t == PIC_TTABLE, 2, "nil or table");
  if (picL_getmetafield(L, 1, "__metatable") != PIC_TNIL)
    return picL_error(L, "cannot change a protected metatable");
  pic_settop(L, 2);
  pic_setmetatable(L, 1);
  return 1;
}

static int base_rawequal(pic_State *L) {
  picL_checkany(L, 1);
  picL_checkany(L, 2);
  pic_pushboolean(L, pic_rawequal(L, 1, 2));
  return 1;
}

static int base_rawlen(pic_State *L) {
  int t = pic_type(L, 1);
  picL_argexpected(L, t == PIC_TTABLE || t == PIC_TSTRING, 1, "table or string");
  pic_pushinteger(L, (pic_Integer)pic_rawlen(L, 1));
  return 1;
}

static int base_rawget(pic_State *L) {
  picL_checktype(L, 1, PIC_TTABLE);
  picL_checkany(L, 2);
  pic_settop(L, 2);
  pic_rawget(L, 1);
  return 1;
}

static int base_rawset(pic_State *L) {
  picL_checktype(L, 1, PIC_TTABLE);
  picL_checkany(L, 2);
  picL_checkany(L, 3);
  pic_settop(L, 3);
  pic_rawset(L, 1);
  return 1;
}

/* type(v): the names are the closure's upvalues 1..PIC_NUMTYPES (no
** string interning per call). */
static int base_type(pic_State *L) {
  int t = pic_type(L, 1);
  picL_argcheck(L, t != PIC_TNONE, 1, "value expected");
  pic_pushvalue(L, pic_upvalueindex(t + 1));
  return 1;
}

static int base_select(pic_State *L) {
  int n = pic_gettop(L);
  if (pic_type(L, 1) == PIC_TSTRING && *pic_tostring(L, 1) == '#') {
    pic_pushinteger(L, n - 1);
    return 1;
  } else {
    pic_Integer i = picL_checkinteger(L, 1);
    if (i < 0)
      i = n + i;
    else if (i > n)
      i = n;
    picL_argcheck(L, 1 <= i, 1, "index out of range");
    return n - (int)i;
  }
}

/* ---- iteration ---- */

static int base_next(pic_State *L) {
  picL_checktype(L, 1, PIC_TTABLE);
  pic_settop(L, 2);
  if (pic_next(L, 1))
    return 2;
  pic_pushnil(L);
  return 1;
}

static int pairs_k(pic_State *L, int status, pic_KContext ctx) {
  (void)L;
  (void)status;
  (void)ctx;
  return 3;
}

static int base_pairs(pic_State *L) {
  picL_checkany(L, 1);
  if (picL_getmetafield(L, 1, "__pairs") == PIC_TNIL) {
    pic_pushcfunction(L, base_next);
    pic_pushvalue(L, 1);
    pic_pushnil(L);
    return 3;
  }
  pic_pushvalue(L, 1);
  return pic_callk(L, 1, 3, 0, pairs_k);
}

static int ipairs_k(pic_State *L, int status, pic_KContext ctx) {
  (void)status;
  (void)ctx;
  return pic_isnil(L, -1) ? 1 : 2;
}

static int ipairsaux(pic_State *L) {
  int nargs;
  pic_Integer i = picL_checkinteger(L, 2);
  i = (pic_Integer)((pic_Unsigned)i + 1u);
  pic_pushinteger(L, i);
  if (pic_geti_m(L, 1, i, &nargs) != PIC_OK)
    return pic_callnoyieldk(L, nargs, 1, 0, ipairs_k);
  return pic_isnil(L, -1) ? 1 : 2;
}

static int base_ipairs(pic_State *L) {
  picL_checkany(L, 1);
  pic_pushcfunction(L, ipairsaux);
  pic_pushvalue(L, 1);
  pic_pushinteger(L, 0);
  return 3;
}

/* ---- collector ---- */

static int pushmode(pic_State *L, int oldmode) {
  if (oldmode == -1)
    pic_pushnil(L);
  else
    pic_pushstring(L, oldmode == PIC_GCINC ? "incremental" : "generational");
  return 1;
}

static int collect_k(pic_State *L, int status, pic_KContext ctx);

/* Runs the pending finalizers one by one (protected, through the executor,
** no collection inside one), then pushes collectgarbage's result: [ctx] 0 is
** the integer 0, 1 true, 2 false. An error in a finalizer becomes the
** warning "error in __gc (...)". */
static int runpending(pic_State *L, pic_KContext ctx) {
  if (pic_gcnextfinalizer(L)) {
    int old = pic_gcinfinalizer(L, 1);   /* a finalizer may not yield, as in Lua */
    return pic_pcallnoyieldk(L, 1, 0, 0, ctx | (old << 2), collect_k);
  }
  if (ctx == 0)
    pic_pushinteger(L, 0);
  else
    pic_pushboolean(L, ctx == 1);
  return 1;
}

/* After a finalizer: [ctx] bit 2 is the finalizer mark to restore, bits 0-1
** runpending's result kind. */
static int collect_k(pic_State *L, int status, pic_KContext ctx) {
  pic_gcinfinalizer(L, (int)(ctx >> 2));
  ctx &= 3;
  if (status != PIC_OK) {   /* (a finalizer cannot yield: pcallnoyield) */
    const char *msg = pic_type(L, -1) == PIC_TSTRING ? pic_tostring(L, -1)
                                                     : "error object is not a string";
    pic_warning(L, "error in __gc (", 1);
    pic_warning(L, msg, 1);
    pic_warning(L, ")", 0);
    pic_pop(L, 1);
  }
  return runpending(L, ctx);
}

static int base_collectgarbage(pic_State *L) {
  static const char *const opts[] = {"stop", "restart", "collect", "count", "step", "setpause",
                                     "setstepmul", "isrunning", "generational", "incremental", NULL};
  static const int optsnum[] = {PIC_GCSTOP, PIC_GCRESTART, PIC_GCCOLLECT, PIC_GCCOUNT, PIC_GCSTEP,
                                PIC_GCSETPAUSE, PIC_GCSETSTEPMUL, PIC_GCISRUNNING, PIC_GCGEN, PIC_GCINC};
  int o = optsnum[picL_checkoption(L, 1, "collect", opts)];
  int res;
  switch (o) {
    case PIC_GCCOUNT: {
      int kb = pic_gc(L, o);
      int b = pic_gc(L, PIC_GCCOUNTB);
      if (kb == -1)   /* inside a finalizer: no option answers (lua5.4: nil) */
        break;
      pic_pushnumber(L, (pic_Number)kb + ((pic_Number)b / 1024));
      return 1;
    }
    case PIC_GCSTEP:
      res = pic_gc(L, o, (int)picL_optinteger(L, 2, 0));
      if (res == -1)
        break;
      return runpending(L, res ? 1 : 2);
    case PIC_GCCOLLECT:
      res = pic_gc(L, o);
      if (res == -1)
        break;
      return runpending(L, 0);
    case PIC_GCSETPAUSE:
    case PIC_GCSETSTEPMUL:
      res = pic_gc(L, o, (int)picL_optinteger(L, 2, 0));
      if (res == -1)
        break;
      pic_pushinteger(L, res);
      return 1;
    case PIC_GCISRUNNING:
      res = pic_gc(L, o);
      if (res == -1)
        break;
      pic_pushboolean(L, res);
      return 1;
    case PIC_GCGEN:
      return pushmode(L, pic_gc(L, o, (int)picL_optinteger(L, 2, 0), (int)picL_optinteger(L, 3, 0)));
    case PIC_GCINC:
      return pushmode(L, pic_gc(L, o, (int)picL_optinteger(L, 2, 0), (int)picL_optinteger(L, 3, 0),
                               (int)picL_optinteger(L, 4, 0)));
    default:
      res = pic_gc(L, o);
      if (res == -1)
        break;
      pic_pushinteger(L, res);
      return 1;
  }
  pic_pushnil(L);
  return 1;
}

/* ---- loading (images only) ---- */

/* Finishes a load: sets [envidx]'s value as first upvalue, or turns an
** error into (nil, message). */
static int load_aux(pic_State *L, int status, int envidx) {
  if (status == PIC_OK) {
    if (envidx != 0) {
      pic_pushvalue(L, envidx);
      if (!picG_setupvalue1(L, -2))
        pic_pop(L, 1);
    }
    return 1;
  }
  pic_pushnil(L);
  pic_insert(L, -2);
  return 2;
}

/* Loads an image, or source text where the host installed a compiler
** (piccoloi); the runtime alone refuses source with a clear message. */
static int loadstring(pic_State *L, const char *s, size_t l, const char *chunkname, const char *mode) {
  return pic_load(L, s, l, chunkname, mode);
}

/* load(f) with a reader function: slot 5 accumulates the pieces; [ctx] is
** the env slot (4, or 0 when load had no fourth argument). An error raised
** by the reader becomes (nil, message), as in lua5.4. */
static int load_k(pic_State *L, int status, pic_KContext ctx) {
  const char *mode = picL_optstring(L, 3, "bt");
  int env = (int)ctx;
  if (status != PIC_OK && status != PIC_YIELD) {  /* the reader raised an error */
    pic_pushnil(L);
    pic_insert(L, -2);
    return 2;
  }
  if (pic_isnil(L, -1) || (pic_type(L, -1) == PIC_TSTRING && pic_rawlen(L, -1) == 0)) {
    size_t l;
    const char *s;
    const char *chunkname = picL_optstring(L, 2, "=(load)");
    pic_pop(L, 1);
    s = pic_tolstring(L, 5, &l);
    return load_aux(L, loadstring(L, s, l, chunkname, mode), env);
  }
  if (pic_type(L, -1) == PIC_TNUMBER)   /* a piece may be a number, as lua_isstring allows */
    pic_tolstring(L, -1, NULL);
  if (pic_type(L, -1) != PIC_TSTRING) {
    pic_settop(L, 0);
    pic_pushnil(L);
    pic_where(L, 1);   /* the caller's position, as lua5.4's luaL_error in its reader */
    pic_pushliteral(L, "reader function must return a string");
    pic_concat_raw(L, 2);
    return 2;
  }
  pic_concat_raw(L, 2);
  pic_pushvalue(L, 1);
  return pic_pcallnoyieldk(L, 0, 1, 0, ctx, load_k);
}

static int base_load(pic_State *L) {
  size_t l;
  const char *s = pic_tolstring(L, 1, &l);
  const char *mode = picL_optstring(L, 3, "bt");
  int env = !pic_isnone(L, 4) ? 4 : 0;
  if (s != NULL) {
    const char *chunkname = picL_optstring(L, 2, s);
    return load_aux(L, loadstring(L, s, l, chunkname, mode), env);
  }
  picL_checktype(L, 1, PIC_TFUNCTION);
  pic_settop(L, 4);
  pic_pushliteral(L, "");
  pic_pushvalue(L, 1);
  return pic_pcallnoyieldk(L, 0, 1, 0, env, load_k);
}

size_t picI_skipheader(const char *s, size_t l) {
  size_t i = (l >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
  if (i < l && s[i] == '#') {
    while (i < l && s[i] != '\n')
      i++;
    if (i + 1 < l && s[i + 1] == '\x1b')
      i++;
  }
  return i;
}

/* Loads file [fname] (NULL: stdin) as an image, or source where the host
** installed a compiler; pushes the function or a message. */
static int loadfilex(pic_State *L, const char *fname, const char *mode) {
  FILE *f;
  picL_Buffer b;
  char chunkname[512];
  int status;
  if (!(pic_getcaps(L) & PIC_CAP_FILES)) {
    pic_pushstring(L, "file access is not permitted (capability 'files' not granted)");
    return PIC_ERRRUN;
  }
  errno = 0;
  f = fname ? fopen(fname, "rb") : stdin;
  if (f == NULL) {   /* lua5.4's message: the file name and the system's reason */
    pic_pushfstring(L, "cannot open %s: %s", fname, strerror(errno));
    return PIC_ERRRUN;
  }
  picL_buffinit(L, &b);
  for (;;) {
    char *p = picL_prepbuffsize(&b, 4096);
    size_t n = fread(p, 1, 4096, f);
    picL_addsize(&b, n);
    if (n < 4096)
      break;
  }
  if (ferror(f)) {   /* a directory, a device error: not an empty chunk */
    int err = errno;
    if (fname)
      fclose(f);
    pic_pushfstring(L, "cannot read %s: %s", fname ? fname : "stdin", strerror(err));
    return PIC_ERRRUN;
  }
  if (fname)
    fclose(f);
  picL_pushresult(&b);
  if (fname)
    snprintf(chunkname, sizeof chunkname, "@%s", fname);
  else
    snprintf(chunkname, sizeof chunkname, "=stdin");
  {
    size_t l;
    const char *s = pic_tolstring(L, -1, &l);
    size_t skip = picI_skipheader(s, l);
    status = pic_load(L, s + skip, l - skip, chunkname, mode);
  }
  pic_remove(L, -2);
  return status;
}

static int base_loadfile(pic_State *L) {
  const char *fname = picL_optstring(L, 1, NULL);
  const char *mode = picL_optstring(L, 2, "bt");
  int env = !pic_isnone(L, 3) ? 3 : 0;
  return load_aux(L, loadfilex(L, fname, mode), env);
}

static int dofile_k(pic_State *L, int status, pic_KContext ctx) {
  (void)status;
  (void)ctx;
  return pic_gettop(L) - 1;
}

static int base_dofile(pic_State *L) {
  const char *fname = picL_optstring(L, 1, NULL);
  pic_settop(L, 1);
  if (loadfilex(L, fname, "bt") != PIC_OK)
    return pic_error(L);
  return pic_callk(L, 0, PIC_MULTRET, 0, dofile_k);
}

static const picL_Reg base_funcs[] = {
  {"assert", base_assert},
  {"collectgarbage", base_collectgarbage},
  {"dofile", base_dofile},
  {"error", base_error},
  {"getmetatable", base_getmetatable},
  {"ipairs", base_ipairs},
  {"loadfile", base_loadfile},
  {"load", base_load},
  {"next", base_next},
  {"pairs", base_pairs},
  {"pcall", base_pcall},
  {"print", base_print},
  {"warn", base_warn},
  {"rawequal", base_rawequal},
  {"rawlen", base_rawlen},
  {"rawget", base_rawget},
  {"rawset", base_rawset},
  {"select", base_select},
  {"setmetatable", base_setmetatable},
  {"tonumber", base_tonumber},
  {"tostring", base_tostring},
  {"xpcall", base_xpcall},
  {NULL, NULL}
};

/* Fills the globals table with the basic functions and pushes it. */
int picopen_base(pic_State *L) {
  picV_setiterators(L, base_next, ipairsaux);   /* 'for' steps them inline */
  picV_setpcall(L, base_pcall, finishpcall);      /* CALL enters pcall's Lua function */
  picV_settype(L, base_type);                     /* CALL answers type(v) from the closure */
  picV_setsetmetatable(L, base_setmetatable);     /* CALL sets a fresh table's metatable */
  pic_pushglobaltable(L);
  picL_setfuncs(L, base_funcs, 0);
  pic_pushvalue(L, -1);
  pic_rawsetfield(L, -2, "_G");
  pic_pushliteral(L, PIC_LUA_VERSION);
  pic_rawsetfield(L, -2, "_VERSION");
  {
    int t;
    for (t = 0; t < PIC_NUMTYPES; t++)
      pic_pushstring(L, pic_typename(L, t));
    pic_pushcclosure(L, base_type, PIC_NUMTYPES);
    pic_rawsetfield(L, -2, "type");
  }
  return 1;
}
