/*
** piccolo.h -- the one public header of the piccolo runtime (embedding API).
** Module: runtime (public). Everything else under runtime/ is internal.
**
** The API is modelled on Lua 5.4's C API (a value stack per thread, pseudo
** indices for the registry and upvalues) with one decisive difference: it is
** stackless. Nothing here runs Lua code recursively on the C stack:
**   - a host runs code with pic_start + pic_step(fuel), which return when the
**     code finishes, yields, errors, or uses up the fuel given;
**   - a C function that needs to call Lua (a sort comparator, a __tostring
**     metamethod, a gsub callback) arranges the call on its stack and *returns*
**     pic_callk / pic_pcallk / pic_yieldk; the executor runs the call and then
**     invokes the continuation k(L, status, ctx) in a fresh C frame.
** Errors raised from C (pic_error, picL_error, memory errors) unwind with a
** single longjmp to the running pic_step, which then unwinds the heap frames
** to the nearest protected call (see docs/architecture.md).
*/
#ifndef PICCOLO_H
#define PICCOLO_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define PIC_VERSION        "piccolo 0.1"
#define PIC_LUA_VERSION    "Lua 5.4"   /* value of _VERSION */

typedef struct pic_State pic_State;
typedef int64_t pic_Integer;
typedef uint64_t pic_Unsigned;
typedef double pic_Number;
/* A continuation's context: holds any pic_Integer (the table library keeps
** indices in it) or, through intptr_t, a pointer; 64 bits on every target. */
typedef int64_t pic_KContext;

/* A C function: arguments at indices 1..gettop; returns the number of
** results (taken from the top of its stack), or the value of pic_callk /
** pic_pcallk / pic_yieldk. */
typedef int (*pic_CFunction)(pic_State *L);

/* A continuation: called after a call requested by pic_callk / pic_pcallk /
** pic_yieldk completes; [status] is PIC_OK, PIC_YIELD (resumed after a
** yield) or an error status (pcallk only, error object on top). Returns like
** a pic_CFunction. */
typedef int (*pic_KFunction)(pic_State *L, int status, pic_KContext ctx);

/* Allocator, as lua_Alloc: nsize == 0 frees; returns NULL on failure. */
typedef void *(*pic_Alloc)(void *ud, void *ptr, size_t osize, size_t nsize);

/* Warning function, as lua_WarnFunction. */
typedef void (*pic_WarnFunction)(void *ud, const char *msg, int tocont);

/* Status codes. */
#define PIC_OK        0   /* finished (pic_step) / success */
#define PIC_YIELD     1   /* the thread yielded */
#define PIC_ERRRUN    2   /* runtime error; error object on top */
#define PIC_ERRSYNTAX 3   /* source text given to a parser-free loader, or bad image */
#define PIC_ERRMEM    4   /* memory limit or allocation failure */
#define PIC_ERRERR    5   /* error while running the message handler */
#define PIC_FUEL      6   /* pic_step: fuel used up; call pic_step again */

/* Basic types. */
#define PIC_TNONE          (-1)
#define PIC_TNIL           0
#define PIC_TBOOLEAN       1
#define PIC_TLIGHTUSERDATA 2
#define PIC_TNUMBER        3
#define PIC_TSTRING        4
#define PIC_TTABLE         5
#define PIC_TFUNCTION      6
#define PIC_TUSERDATA      7
#define PIC_TTHREAD        8
#define PIC_NUMTYPES       9

#define PIC_MULTRET   (-1)
#define PIC_MINSTACK  20      /* free slots guaranteed to a C function */

/* Pseudo-indices. */
#define PIC_REGISTRYINDEX (-1000000 - 1000)
#define pic_upvalueindex(i) (PIC_REGISTRYINDEX - (i))

/* Registry slots. */
#define PIC_RIDX_MAINTHREAD 1
#define PIC_RIDX_GLOBALS    2
#define PIC_RIDX_LAST       PIC_RIDX_GLOBALS

/* Capabilities a host grants to a state (pic_setcaps); all off by default
** except in the piccolo command. */
#define PIC_CAP_FILES   1u    /* io.*, os.remove/rename/tmpname, loadfile, dofile, require from files */
#define PIC_CAP_ENV     2u    /* os.getenv */
#define PIC_CAP_PROCESS 4u    /* os.exit, os.execute, io.popen */
#define PIC_CAP_CLOCK   8u    /* os.clock, os.time, os.date */
#define PIC_CAP_DEBUG   16u   /* the debug library (it can break any sandbox) */
#define PIC_CAP_ALL     31u

/* ---- state ---- */

/* Creates a state with allocator [f] (NULL: the default malloc-based one).
** Returns NULL if the initial allocation fails. */
pic_State *pic_newstate(pic_Alloc f, void *ud);
/* Closes the main thread's pending to-be-closed variables (innermost
** first), runs pending finalizers (each with a bounded fuel budget) and
** frees everything, as lua_close. */
void pic_close(pic_State *L);
pic_State *pic_newthread(pic_State *L);
/* Resets thread [L] as lua_closethread: closes its open upvalues and runs
** its pending __close handlers, so that it can start again. Returns the
** status it died with (its error object left at index 1), PIC_OK, or the
** error of a __close handler. */
int pic_closethread(pic_State *L, pic_State *from);

/* Memory: [limit] bytes in all (0: none). Over the limit an allocation first
** tries an emergency collection, then raises "not enough memory". */
void pic_setmemlimit(pic_State *L, size_t limit);
size_t pic_memused(pic_State *L);
size_t pic_mempeak(pic_State *L);
void pic_setcaps(pic_State *L, unsigned caps);
unsigned pic_getcaps(pic_State *L);
void pic_setwarnf(pic_State *L, pic_WarnFunction f, void *ud);
void pic_warning(pic_State *L, const char *msg, int tocont);

/* ---- loading ---- */

/* Loads an image: pushes the main chunk as a function (its first upvalue is
** the globals table) and registers the bundle's modules in
** package.preload (registry._PRELOAD). Source text is refused with
** PIC_ERRSYNTAX and a message saying the runtime has no parser. On error
** pushes a message. [chunkname] names the image in messages. */
int pic_loadimage(pic_State *L, const void *data, size_t size, const char *chunkname);

/* A source compiler that a developer host (piccoloi) may install; the
** runtime itself has none. It compiles [src] (named [chunkname], e.g.
** "=stdin" or "@file.lua") into an image in a malloc'ed buffer (*out,
** *outlen) and returns 0, or returns non-zero with a malloc'ed,
** zero-terminated message ("chunk:line: message") in *out. */
typedef int (*pic_SourceCompiler)(void *ud, const char *src, size_t len,
                                  const char *chunkname, unsigned char **out,
                                  size_t *outlen);
void pic_setsourcecompiler(pic_State *L, pic_SourceCompiler f, void *ud);
/* Whether a source compiler is installed (1 in piccoloi, 0 in the runtime). */
int pic_hassourcecompiler(pic_State *L);
/* Loads an image as pic_loadimage does; source text is compiled with the
** installed source compiler, or refused (PIC_ERRSYNTAX) when there is none.
** [mode] is "b", "t" or "bt" (NULL: "bt") as in load. */
int pic_load(pic_State *L, const void *data, size_t size, const char *chunkname,
             const char *mode);
/* Dumps the Lua function on top of the stack as a one-chunk image (debug
** info dropped when [strip]) behind lua5.4's chunk header (fmt_luaprefix)
** and pushes it as a string (string.dump);
** returns 0, or 1 pushing nothing when the value is not a Lua function. */
int pic_dump(pic_State *L, int strip);

/* ---- running (host side) ---- */

/* Prepares thread [L] to call the function below [nargs] arguments on its
** stack. Returns PIC_OK, or an error status if the thread cannot start. */
int pic_start(pic_State *L, int nargs);
/* Runs [L] for at most about [fuel] units of work (fuel < 0: unbounded).
** Returns PIC_OK when the started function returned (its *nres results on
** the stack), PIC_FUEL when the fuel ran out (call again to continue exactly
** where it stopped), PIC_YIELD when the started function yielded (*nres
** values on the stack; pic_step resumes it, passing the values left on top),
** or an error status with the error object on top (the thread is dead). */
int pic_step(pic_State *L, int64_t fuel, int *nres);
/* Total fuel used by the state so far. */
int64_t pic_fuelused(pic_State *L);

/* ---- calls from C functions (stackless; use as `return pic_callk(...)`) ---- */

/* Calls the function below [nargs] arguments, then continues in [k] with the
** results (adjusted to [nresults]) on the stack. */
int pic_callk(pic_State *L, int nargs, int nresults, pic_KContext ctx, pic_KFunction k);
/* As pic_callk, in protected mode: on error the stack is cut back to where
** the function was, the (handled, if [msgh] != 0) error object is pushed and
** k is called with the error status. */
int pic_pcallk(pic_State *L, int nargs, int nresults, int msgh, pic_KContext ctx, pic_KFunction k);
/* As pic_callk and pic_pcallk, but the called function may not yield (as a
** callee of lua_call in Lua 5.4: "attempt to yield across a C-call
** boundary"): what the standard library calls back the way Lua 5.4's does,
** sort comparators, gsub replacements, __tostring, __index for ipairs and
** the table functions, load's reader, require's loader. */
int pic_callnoyieldk(pic_State *L, int nargs, int nresults, pic_KContext ctx, pic_KFunction k);
int pic_pcallnoyieldk(pic_State *L, int nargs, int nresults, int msgh, pic_KContext ctx, pic_KFunction k);
/* Yields the [nresults] values on top; when resumed, k (or, if NULL, a
** plain return of the resume values) continues. */
int pic_yieldk(pic_State *L, int nresults, pic_KContext ctx, pic_KFunction k);
#define pic_yield(L, n) pic_yieldk(L, (n), 0, NULL)
int pic_isyieldable(pic_State *L);
/* Charges [amount] units of fuel for work done by a library function. */
void pic_charge(pic_State *L, int64_t amount);
/* Fuel left in the current step (library functions that work in slices use
** it to decide how much to do before returning pic_again). */
int64_t pic_fuelleft(pic_State *L);
/* Asks the executor to call the current C function again (same stack, same
** upvalues) after the step's fuel check: a long library operation returns
** `pic_againk(L, ctx, k)` to continue in k with [ctx] in a later slice. */
int pic_againk(pic_State *L, pic_KContext ctx, pic_KFunction k);

/* Raises the value on top as an error. Never returns. */
int pic_error(pic_State *L);

/* ---- stack ---- */
int pic_absindex(pic_State *L, int idx);
int pic_gettop(pic_State *L);
void pic_settop(pic_State *L, int idx);
void pic_pushvalue(pic_State *L, int idx);
void pic_rotate(pic_State *L, int idx, int n);
void pic_copy(pic_State *L, int fromidx, int toidx);
int pic_checkstack(pic_State *L, int n);
void pic_xmove(pic_State *from, pic_State *to, int n);
#define pic_pop(L, n)        pic_settop(L, -(n) - 1)
#define pic_insert(L, idx)   pic_rotate(L, (idx), 1)
#define pic_remove(L, idx)   (pic_rotate(L, (idx), -1), pic_pop(L, 1))
#define pic_replace(L, idx)  (pic_copy(L, -1, (idx)), pic_pop(L, 1))

/* ---- access ---- */
int pic_isnumber(pic_State *L, int idx);
int pic_isstring(pic_State *L, int idx);
int pic_iscfunction(pic_State *L, int idx);
int pic_isinteger(pic_State *L, int idx);
int pic_isuserdata(pic_State *L, int idx);
int pic_type(pic_State *L, int idx);
const char *pic_typename(pic_State *L, int tp);
pic_Number pic_tonumberx(pic_State *L, int idx, int *isnum);
pic_Integer pic_tointegerx(pic_State *L, int idx, int *isnum);
int pic_toboolean(pic_State *L, int idx);
/* Converts numbers in place to strings, as lua_tolstring. */
const char *pic_tolstring(pic_State *L, int idx, size_t *len);
pic_Unsigned pic_rawlen(pic_State *L, int idx);
pic_CFunction pic_tocfunction(pic_State *L, int idx);
void *pic_touserdata(pic_State *L, int idx);
pic_State *pic_tothread(pic_State *L, int idx);
const void *pic_topointer(pic_State *L, int idx);
#define pic_tonumber(L, i)   pic_tonumberx(L, (i), NULL)
#define pic_tointeger(L, i)  pic_tointegerx(L, (i), NULL)
#define pic_tostring(L, i)   pic_tolstring(L, (i), NULL)
#define pic_isfunction(L, n) (pic_type(L, (n)) == PIC_TFUNCTION)
#define pic_istable(L, n)    (pic_type(L, (n)) == PIC_TTABLE)
#define pic_isnil(L, n)      (pic_type(L, (n)) == PIC_TNIL)
#define pic_isboolean(L, n)  (pic_type(L, (n)) == PIC_TBOOLEAN)
#define pic_isthread(L, n)   (pic_type(L, (n)) == PIC_TTHREAD)
#define pic_isnone(L, n)     (pic_type(L, (n)) == PIC_TNONE)
#define pic_isnoneornil(L, n) (pic_type(L, (n)) <= 0)

/* Raw comparisons and arithmetic that never call metamethods. */
int pic_rawequal(pic_State *L, int idx1, int idx2);
/* Compares without metamethods when both are numbers or both strings:
** returns 1 and sets *res (op: PIC_OPEQ/LT/LE); returns 0 if a metamethod
** (or an error) would be needed. */
int pic_rawcompare(pic_State *L, int idx1, int idx2, int op, int *res);
#define PIC_OPEQ 0
#define PIC_OPLT 1
#define PIC_OPLE 2
/* Converts the zero-terminated numeral [s] (Lua's syntax, surrounding spaces
** allowed) and pushes the number; returns strlen(s) + 1, or 0 (pushing
** nothing) when [s] is not a numeral. */
size_t pic_stringtonumber(pic_State *L, const char *s);
/* Arithmetic on the top operand(s) when they are numbers (or strings
** convertible to numbers); returns 1 with the result replacing the
** operands, or 0 leaving the stack unchanged if a metamethod is needed. */
int pic_rawarith(pic_State *L, int op);
#define PIC_OPADD 0
#define PIC_OPSUB 1
#define PIC_OPMUL 2
#define PIC_OPMOD 3
#define PIC_OPPOW 4
#define PIC_OPDIV 5
#define PIC_OPIDIV 6
#define PIC_OPBAND 7
#define PIC_OPBOR 8
#define PIC_OPBXOR 9
#define PIC_OPSHL 10
#define PIC_OPSHR 11
#define PIC_OPUNM 12
#define PIC_OPBNOT 13

/* ---- metamethod-aware operations from C ----
** Each either completes at once (returns PIC_OK with the result pushed, or
** nothing pushed for sets) or, when a Lua-function metamethod must run,
** pushes the metamethod and its arguments and returns PIC_YIELD ("needs a
** call"): the caller must then `return pic_callk(L, nargs, 1, ctx, k)` with
** the nargs stored in *nargs (results: 1 for gets/compare/len/tostring,
** 0 for sets) and finish the operation in k (for comparisons, apply
** pic_toboolean to the result). Table-valued __index/__newindex chains are
** followed without calls. */
int pic_gettable_m(pic_State *L, int idx, int *nargs);          /* key on top */
int pic_geti_m(pic_State *L, int idx, pic_Integer n, int *nargs);
int pic_getfield_m(pic_State *L, int idx, const char *k, int *nargs);
int pic_settable_m(pic_State *L, int idx, int *nargs);          /* key, value on top */
int pic_seti_m(pic_State *L, int idx, pic_Integer n, int *nargs);  /* value on top */
int pic_compare_m(pic_State *L, int idx1, int idx2, int op, int *nargs);
int pic_len_m(pic_State *L, int idx, int *nargs);
int pic_concat_m(pic_State *L, int n, int *nargs);  /* concatenates n values on top */
int pic_arith_m(pic_State *L, int op, int *nargs);

/* ---- push ---- */
void pic_pushnil(pic_State *L);
void pic_pushnumber(pic_State *L, pic_Number n);
void pic_pushinteger(pic_State *L, pic_Integer n);
const char *pic_pushlstring(pic_State *L, const char *s, size_t len);
const char *pic_pushstring(pic_State *L, const char *s);
/* Formats like lua_pushfstring: %% %s %f %I (pic_Integer) %p %d %c %U. */
const char *pic_pushvfstring(pic_State *L, const char *fmt, va_list argp);
const char *pic_pushfstring(pic_State *L, const char *fmt, ...);
void pic_pushcclosure(pic_State *L, pic_CFunction fn, int n);
void pic_pushboolean(pic_State *L, int b);
void pic_pushlightuserdata(pic_State *L, void *p);
int pic_pushthread(pic_State *L);
#define pic_pushcfunction(L, f) pic_pushcclosure(L, (f), 0)
#define pic_pushliteral(L, s)   pic_pushstring(L, "" s)
#define pic_pushglobaltable(L)  ((void)pic_rawgeti(L, PIC_REGISTRYINDEX, PIC_RIDX_GLOBALS))

/* ---- raw get/set (no metamethods) ---- */
int pic_rawget(pic_State *L, int idx);                 /* key on top; returns type */
int pic_rawgeti(pic_State *L, int idx, pic_Integer n);
int pic_rawgetp(pic_State *L, int idx, const void *p);
int pic_rawgetfield(pic_State *L, int idx, const char *k);
void pic_rawset(pic_State *L, int idx);                /* key, value on top */
void pic_rawseti(pic_State *L, int idx, pic_Integer n);
void pic_rawsetp(pic_State *L, int idx, const void *p);
void pic_rawsetfield(pic_State *L, int idx, const char *k);
int pic_getglobal(pic_State *L, const char *name);     /* raw on the globals table */
void pic_setglobal(pic_State *L, const char *name);    /* raw on the globals table */
void pic_createtable(pic_State *L, int narr, int nrec);
#define pic_newtable(L) pic_createtable(L, 0, 0)
void *pic_newuserdatauv(pic_State *L, size_t sz, int nuvalue);
#define pic_newuserdata(L, s) pic_newuserdatauv(L, (s), 1)
int pic_getmetatable(pic_State *L, int idx);   /* pushes nothing and returns 0 if none */
int pic_setmetatable(pic_State *L, int idx);   /* pops a table or nil */
int pic_getiuservalue(pic_State *L, int idx, int n);
int pic_setiuservalue(pic_State *L, int idx, int n);
int pic_next(pic_State *L, int idx);           /* raw; errors on an invalid key */
void pic_len_raw(pic_State *L, int idx);        /* pushes the raw length */
void pic_concat_raw(pic_State *L, int n);       /* strings and numbers only; errors otherwise */
/* Marks index [idx] as a to-be-closed slot (as lua_toclose). */
void pic_toclose(pic_State *L, int idx);

/* ---- threads ---- */
int pic_status(pic_State *L);
/* Coroutine resume from C (used by the coroutine library): returns like
** pic_callk; continues in k with status PIC_OK / PIC_YIELD / error and the
** transferred values on top of L. */
int pic_resumek(pic_State *L, pic_State *co, int nargs, pic_KContext ctx, pic_KFunction k);

/* ---- GC ---- */
#define PIC_GCSTOP       0
#define PIC_GCRESTART    1
#define PIC_GCCOLLECT    2
#define PIC_GCCOUNT      3
#define PIC_GCCOUNTB     4
#define PIC_GCSTEP       5
#define PIC_GCSETPAUSE   6
#define PIC_GCSETSTEPMUL 7
#define PIC_GCISRUNNING  9
#define PIC_GCGEN        10
#define PIC_GCINC        11
int pic_gc(pic_State *L, int what, ...);
/* Pops the next pending finalization: pushes (finalizer, object) and returns
** 1, or pushes nothing and returns 0; the caller runs the call protected. */
int pic_gcnextfinalizer(pic_State *L);
/* Marks the state as running a finalizer ([on] 1) or not ([on] 0), returning
** the previous mark: while marked, no collection starts and pic_gc returns
** -1, as in lua5.4. The calling C frame is marked too, so that the function
** it calls is named "metamethod '__gc'" in messages. */
int pic_gcinfinalizer(pic_State *L, int on);

/* ---- debug (tracebacks, error positions) ---- */
/* Pushes "chunkname:currentline:" of the function at call level [level]
** (0 = running C function, 1 = its caller), or "" when unknown. */
void pic_where(pic_State *L, int level);
/* Pushes a traceback of [L1] starting at [level], prefixed by [msg]. */
void pic_traceback(pic_State *L, pic_State *L1, const char *msg, int level);

/* ---- standard library (stdlib/) ---- */
/* Opens every library allowed by the state's capabilities into the
** globals table (base, coroutine, package, string, table, math, utf8, os,
** io; debug only with PIC_CAP_DEBUG). */
void pic_openlibs(pic_State *L);

#endif
