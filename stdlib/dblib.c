/*
** dblib.c -- the debug library (lua5.4's ldblib.c) over the public debug
** interface runtime/picdebug.h. Module: stdlib (picopen_debug).
** Hooks are stored per thread (registry HOOKKEY) and run by the executor
** through hookf, for Lua and C functions (see docs/architecture.md). To keep scripts
** from corrupting library state (promise 4), setlocal refuses C frames,
** setupvalue refuses C closures, setmetatable gives no userdata a table and
** setuservalue always fails.
*/
#include <stdio.h>
#include <string.h>

#include "runtime/picaux.h"
#include "runtime/picdebug.h"
#include "stdlib/picstdlib.h"

/* Registry key of the table thread -> {hook, mask, count} (weak keys). */
#define HOOKKEY "_HOOKKEY"

/* The thread argument (arg 1) if present, else [L]; *arg is 1 or 0. */
static pic_State *getthread(pic_State *L, int *arg) {
  if (pic_isthread(L, 1)) {
    *arg = 1;
    return pic_tothread(L, 1);
  }
  *arg = 0;
  return L;
}

static void checkstack(pic_State *L, pic_State *L1, int n) {
  if (L != L1 && !pic_checkstack(L1, n))
    picL_error(L, "stack overflow");
}

static void settabss(pic_State *L, const char *k, const char *v) {
  pic_pushstring(L, v);
  pic_rawsetfield(L, -2, k);
}

static void settabsi(pic_State *L, const char *k, int v) {
  pic_pushinteger(L, v);
  pic_rawsetfield(L, -2, k);
}

static void settabsb(pic_State *L, const char *k, int v) {
  pic_pushboolean(L, v);
  pic_rawsetfield(L, -2, k);
}

/* Moves the value on top of L1 into field [fname] of the table on top of L
** (lua's treatstackoption; with L == L1 the value is just below the table). */
static void treatstackoption(pic_State *L, pic_State *L1, const char *fname) {
  if (L == L1)
    pic_rotate(L, -2, 1);
  else
    pic_xmove(L1, L, 1);
  pic_rawsetfield(L, -2, fname);
}

static int db_getinfo(pic_State *L) {
  pic_Debug ar;
  int arg;
  pic_State *L1 = getthread(L, &arg);
  const char *options = picL_optstring(L, arg + 2, "flnSrtu");
  checkstack(L, L1, 4);
  picL_argcheck(L, options[0] != '>', arg + 2, "invalid option '>'");
  if (pic_isfunction(L, arg + 1)) {
    options = pic_pushfstring(L, ">%s", options);
    pic_pushvalue(L, arg + 1);
    pic_xmove(L, L1, 1);
  } else if (!pic_getstack(L1, (int)picL_checkinteger(L, arg + 1), &ar)) {
    pic_pushnil(L);
    return 1;
  }
  if (!pic_getinfo(L1, options, &ar))
    return picL_argerror(L, arg + 2, "invalid option");
  pic_newtable(L);
  if (strchr(options, 'S')) {
    pic_pushlstring(L, ar.source, ar.srclen);
    pic_rawsetfield(L, -2, "source");
    settabss(L, "short_src", ar.short_src);
    settabsi(L, "linedefined", ar.linedefined);
    settabsi(L, "lastlinedefined", ar.lastlinedefined);
    settabss(L, "what", ar.what);
  }
  if (strchr(options, 'l'))
    settabsi(L, "currentline", ar.currentline);
  if (strchr(options, 'u')) {
    settabsi(L, "nups", ar.nups);
    settabsi(L, "nparams", ar.nparams);
    settabsb(L, "isvararg", ar.isvararg);
  }
  if (strchr(options, 'n')) {
    settabss(L, "name", ar.name);
    settabss(L, "namewhat", ar.namewhat);
  }
  if (strchr(options, 'r')) {
    settabsi(L, "ftransfer", ar.ftransfer);
    settabsi(L, "ntransfer", ar.ntransfer);
  }
  if (strchr(options, 't'))
    settabsb(L, "istailcall", ar.istailcall);
  if (strchr(options, 'L'))
    treatstackoption(L, L1, "activelines");
  if (strchr(options, 'f'))
    treatstackoption(L, L1, "func");
  return 1;
}

static int db_getlocal(pic_State *L) {
  int arg;
  pic_State *L1 = getthread(L, &arg);
  int nvar = (int)picL_checkinteger(L, arg + 2);
  pic_Debug ar;
  const char *name;
  int level;
  if (pic_isfunction(L, arg + 1)) {
    pic_pushvalue(L, arg + 1);
    pic_pushstring(L, pic_getlocal(L, NULL, nvar));
    return 1;
  }
  level = (int)picL_checkinteger(L, arg + 1);
  if (!pic_getstack(L1, level, &ar))
    return picL_argerror(L, arg + 1, "level out of range");
  checkstack(L, L1, 1);
  name = pic_getlocal(L1, &ar, nvar);
  if (name == NULL) {
    pic_pushnil(L);
    return 1;
  }
  pic_xmove(L1, L, 1);
  pic_pushstring(L, name);
  pic_rotate(L, -2, 1);
  return 2;
}

static int db_setlocal(pic_State *L) {
  int arg;
  pic_State *L1 = getthread(L, &arg);
  pic_Debug ar;
  const char *name;
  int level = (int)picL_checkinteger(L, arg + 1);
  int nvar = (int)picL_checkinteger(L, arg + 2);
  if (!pic_getstack(L1, level, &ar))
    return picL_argerror(L, arg + 1, "level out of range");
  picL_checkany(L, arg + 3);
  pic_settop(L, arg + 3);
  checkstack(L, L1, 1);
  pic_xmove(L, L1, 1);
  name = pic_setlocal(L1, &ar, nvar);
  if (name == NULL)
    pic_pop(L1, 1);
  pic_pushstring(L, name);
  return 1;
}

/* getupvalue ([get] 1) and setupvalue ([get] 0). */
static int auxupvalue(pic_State *L, int get) {
  const char *name;
  int n = (int)picL_checkinteger(L, 2);
  picL_checktype(L, 1, PIC_TFUNCTION);
  name = get ? pic_getupvalue(L, 1, n) : pic_setupvalue(L, 1, n);
  if (name == NULL)
    return 0;
  pic_pushstring(L, name);
  pic_insert(L, -(get + 1));
  return get + 1;
}

static int db_getupvalue(pic_State *L) {
  return auxupvalue(L, 1);
}

static int db_setupvalue(pic_State *L) {
  picL_checkany(L, 3);
  return auxupvalue(L, 0);
}

/* Upvalue id of argument [argf]'s upvalue given by argument [argnup]; with
** [pnup], raises when invalid and stores the index. */
static void *checkupval(pic_State *L, int argf, int argnup, int *pnup) {
  void *id;
  int nup = (int)picL_checkinteger(L, argnup);
  picL_checktype(L, argf, PIC_TFUNCTION);
  id = pic_upvalueid(L, argf, nup);
  if (pnup) {
    picL_argcheck(L, id != NULL, argnup, "invalid upvalue index");
    *pnup = nup;
  }
  return id;
}

static int db_upvalueid(pic_State *L) {
  void *id = checkupval(L, 1, 2, NULL);
  if (id != NULL)
    pic_pushlightuserdata(L, id);
  else
    pic_pushnil(L);
  return 1;
}

/* Deprecated in Lua 5.4 and a no-op there since 5.4.3: returns the fixed
** limit of nested C calls (LUAI_MAXCCALLS, 200), as lua5.4 does. */
static int db_setcstacklimit(pic_State *L) {
  picL_checkinteger(L, 1);
  pic_pushinteger(L, 200);
  return 1;
}

static int db_upvaluejoin(pic_State *L) {
  int n1, n2;
  checkupval(L, 1, 2, &n1);
  checkupval(L, 3, 4, &n2);
  picL_argcheck(L, !pic_iscfunction(L, 1), 1, "Lua function expected");
  picL_argcheck(L, !pic_iscfunction(L, 3), 3, "Lua function expected");
  pic_upvaluejoin(L, 1, n1, 3, n2);
  return 0;
}

static int db_getmetatable(pic_State *L) {
  picL_checkany(L, 1);
  if (!pic_getmetatable(L, 1))
    pic_pushnil(L);
  return 1;
}

static int db_setmetatable(pic_State *L) {
  int t = pic_type(L, 2);
  picL_argexpected(L, t == PIC_TNIL || t == PIC_TTABLE, 2, "nil or table");
  /* library userdata trust their metatable (picL_checkudata): a script
  ** must not give one type's metatable to another's block */
  picL_argcheck(L, pic_type(L, 1) != PIC_TUSERDATA || t == PIC_TNIL, 1,
                "cannot give a userdata a metatable");
  pic_settop(L, 2);
  pic_setmetatable(L, 1);
  return 1;
}

static int db_getregistry(pic_State *L) {
  pic_pushvalue(L, PIC_REGISTRYINDEX);
  return 1;
}

static int db_getuservalue(pic_State *L) {
  int n = (int)picL_optinteger(L, 2, 1);
  if (pic_type(L, 1) != PIC_TUSERDATA)
    pic_pushnil(L);
  else if (pic_getiuservalue(L, 1, n) != PIC_TNONE) {
    pic_pushboolean(L, 1);
    return 2;
  }
  return 1;
}

/* Always fails (returns nil) after lua5.4's argument checks: scripts cannot
** create full userdata, and the user values of library userdata are their
** private state. */
static int db_setuservalue(pic_State *L) {
  (void)picL_optinteger(L, 3, 1);
  picL_checktype(L, 1, PIC_TUSERDATA);
  picL_checkany(L, 2);
  pic_pushnil(L);
  return 1;
}

static int db_traceback(pic_State *L) {
  int arg;
  pic_State *L1 = getthread(L, &arg);
  const char *msg = pic_tostring(L, arg + 1);
  if (msg == NULL && !pic_isnoneornil(L, arg + 1)) {
    pic_pushvalue(L, arg + 1);   /* a non-string message is returned untouched */
  } else {
    int level = (int)picL_optinteger(L, arg + 2, (L == L1) ? 1 : 0);
    pic_traceback(L, L1, msg, level);
  }
  return 1;
}

/* ---- hooks ---- */

/* Pushes the running thread's Lua hook and returns 1, or pushes nothing and
** returns 0. */
static int pushhook(pic_State *L) {
  if (pic_rawgetfield(L, PIC_REGISTRYINDEX, HOOKKEY) != PIC_TTABLE) {
    pic_pop(L, 1);
    return 0;
  }
  pic_pushthread(L);
  if (pic_rawget(L, -2) != PIC_TTABLE) {
    pic_pop(L, 2);
    return 0;
  }
  pic_rawgeti(L, -1, 1);
  pic_remove(L, -2);
  pic_remove(L, -2);
  if (!pic_isfunction(L, -1)) {
    pic_pop(L, 1);
    return 0;
  }
  return 1;
}

/* Runs the Lua hook for the (event, line) pairs from pair [ctx] on. As
** lua_call in Lua's hookf: the hook cannot yield, and an error in it goes
** on from where it was raised (the unwinding allows hooks again). */
static int hookf_k(pic_State *L, int status, pic_KContext ctx) {
  int npairs = pic_gettop(L) / 2;
  int j = (int)ctx;
  (void)status;
  for (; j < npairs; j++) {
    if (pushhook(L)) {
      pic_pushvalue(L, 2 * j + 1);
      pic_pushvalue(L, 2 * j + 2);
      return pic_callnoyieldk(L, 2, 0, j + 1, hookf_k);
    }
  }
  return 0;
}

/* The hook the executor calls (see pic_sethook): (event, line) pairs. */
static int hookf(pic_State *L) {
  return hookf_k(L, PIC_OK, 0);
}

/* Pushes the key of thread [L1]'s entry in the hook table (its argument 1,
** or the running thread). */
static void pushthreadkey(pic_State *L, int arg) {
  if (arg == 1)
    pic_pushvalue(L, 1);
  else
    pic_pushthread(L);
}

static int db_sethook(pic_State *L) {
  int arg, count = 0;
  int on = 0;
  char mask[4];
  int i = 0;
  getthread(L, &arg);
  if (pic_isnoneornil(L, arg + 1)) {
    pic_settop(L, arg + 1);
  } else {
    const char *smask = picL_checkstring(L, arg + 2);
    picL_checktype(L, arg + 1, PIC_TFUNCTION);
    count = (int)picL_optinteger(L, arg + 3, 0);
    if (strchr(smask, 'c'))
      mask[i++] = 'c';
    if (strchr(smask, 'r'))
      mask[i++] = 'r';
    if (strchr(smask, 'l'))
      mask[i++] = 'l';
    on = (i > 0 || count > 0);   /* lua_sethook turns hooks off on an empty mask */
  }
  mask[i] = '\0';
  if (!picL_getsubtable(L, PIC_REGISTRYINDEX, HOOKKEY)) {
    pic_pushliteral(L, "k");
    pic_rawsetfield(L, -2, "__mode");
    pic_pushvalue(L, -1);
    pic_setmetatable(L, -2);
  }
  pushthreadkey(L, arg);
  if (on) {
    pic_createtable(L, 3, 0);
    pic_pushvalue(L, arg + 1);
    pic_rawseti(L, -2, 1);
    pic_pushstring(L, mask);
    pic_rawseti(L, -2, 2);
    pic_pushinteger(L, count);
    pic_rawseti(L, -2, 3);
  } else {
    pic_pushnil(L);
  }
  pic_rawset(L, -3);
  {
    pic_State *L1 = arg == 1 ? pic_tothread(L, 1) : L;
    int imask = (strchr(mask, 'c') ? PIC_MASKCALL : 0) | (strchr(mask, 'r') ? PIC_MASKRET : 0) |
                (strchr(mask, 'l') ? PIC_MASKLINE : 0);
    pic_sethook(L1, on ? hookf : NULL, imask, on ? count : 0);
  }
  return 0;
}

static int db_gethook(pic_State *L) {
  int arg;
  getthread(L, &arg);
  if (pic_rawgetfield(L, PIC_REGISTRYINDEX, HOOKKEY) != PIC_TTABLE) {
    pic_pushnil(L);
    return 1;
  }
  pushthreadkey(L, arg);
  if (pic_rawget(L, -2) != PIC_TTABLE) {
    pic_pushnil(L);
    return 1;
  }
  pic_rawgeti(L, -1, 1);
  pic_rawgeti(L, -2, 2);
  pic_rawgeti(L, -3, 3);
  return 3;
}

/* ---- debug.debug: reads commands from stdin ---- */

static int debugloop(pic_State *L, int status, pic_KContext ctx);

/* Prints the string on top of the stack to stderr as an error report. */
static void reporttop(pic_State *L) {
  const char *s = pic_tostring(L, -1);
  fprintf(stderr, "%s\n", s ? s : "(error object is not a string)");
  fflush(stderr);
}

/* Reads and runs commands until "cont" or end of input; each command is
** loaded with pic_load (source needs a host compiler, else the load error
** says the runtime has no parser) and run with pic_pcallk continuing here.
** [ctx] 1: the __tostring of an error object has just run. */
static int debugloop(pic_State *L, int status, pic_KContext ctx) {
  if (ctx == 1) {
    if (status == PIC_OK && pic_type(L, -1) == PIC_TSTRING)
      reporttop(L);
    else
      fprintf(stderr, "'__tostring' must return a string\n");
  } else if (status != PIC_OK && status != PIC_YIELD) {
    if (!picL_tolstring_m(L, -1))
      return pic_pcallk(L, 1, 1, 0, 1, debugloop);
    reporttop(L);
  }
  for (;;) {
    char buffer[250];
    pic_settop(L, 0);
    fputs("lua_debug> ", stderr);
    fflush(stderr);
    if (fgets(buffer, sizeof(buffer), stdin) == NULL || strcmp(buffer, "cont\n") == 0)
      return 0;
    if (pic_load(L, buffer, strlen(buffer), "=(debug command)", NULL) == PIC_OK)
      return pic_pcallk(L, 0, 0, 0, 0, debugloop);
    if (!picL_tolstring_m(L, -1))
      return pic_pcallk(L, 1, 1, 0, 1, debugloop);
    reporttop(L);
  }
}

static int db_debug(pic_State *L) {
  return debugloop(L, PIC_OK, 0);
}

static const picL_Reg dblib[] = {
  {"debug", db_debug},
  {"getuservalue", db_getuservalue},
  {"gethook", db_gethook},
  {"getinfo", db_getinfo},
  {"getlocal", db_getlocal},
  {"getregistry", db_getregistry},
  {"getmetatable", db_getmetatable},
  {"getupvalue", db_getupvalue},
  {"upvaluejoin", db_upvaluejoin},
  {"upvalueid", db_upvalueid},
  {"setcstacklimit", db_setcstacklimit},
  {"setuservalue", db_setuservalue},
  {"sethook", db_sethook},
  {"setlocal", db_setlocal},
  {"setmetatable", db_setmetatable},
  {"setupvalue", db_setupvalue},
  {"traceback", db_traceback},
  {NULL, NULL}
};

/* Pushes the debug library table. */
int picopen_debug(pic_State *L) {
  picL_newlib(L, dblib);
  return 1;
}
