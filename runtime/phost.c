/*
** phost.c -- helpers shared by the host commands (piccolo, piccoloi).
** Module: runtime (host side, prefix pich_). Uses only the public API.
*/
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#endif

#include "runtime/phost.h"
#include "runtime/picdebug.h"

void pich_initprocess(void) {
#if defined(__GLIBC__) && defined(M_TRIM_THRESHOLD) && defined(M_MMAP_THRESHOLD)
  mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
  mallopt(M_MMAP_THRESHOLD, 2 * 1024 * 1024);
#endif
}

#define STEP_FUEL 1000000   /* fuel per pic_step slice */

/* Prints [msg] to stderr after "[progname]: ", or alone when progname is
** NULL (as lua.c's l_message in its REPL). */
static void message(const char *progname, const char *msg) {
  if (progname != NULL)
    fprintf(stderr, "%s: ", progname);
  fprintf(stderr, "%s\n", msg);
  fflush(stderr);
}

static int tostringk(pic_State *L, int status, pic_KContext ctx) {
  (void)ctx;
  if (status == PIC_OK && pic_type(L, -1) == PIC_TSTRING)
    return 1;
  pic_traceback(L, L,
                pic_pushfstring(L, "(error object is a %s value)", pic_typename(L, pic_type(L, 1))),
                1);
  return 1;
}

/* Error message handler: the message (or a description of a non-string
** error object, or its __tostring) followed by a traceback, as lua.c's. */
static int msghandler(pic_State *L) {
  const char *msg = pic_tostring(L, 1);
  if (msg == NULL) {
    if (pic_getmetatable(L, 1)) {
      pic_rawgetfield(L, -1, "__tostring");
      if (pic_isfunction(L, -1)) {
        pic_pushvalue(L, 1);
        return pic_callk(L, 1, 1, 0, tostringk);
      }
      pic_pop(L, 2);
    }
    msg = pic_pushfstring(L, "(error object is a %s value)", pic_typename(L, pic_type(L, 1)));
  }
  pic_traceback(L, L, msg, 1);
  return 1;
}

static int finishrun(pic_State *L, int status, pic_KContext ctx) {
  (void)ctx;
  if (status != PIC_OK && status != PIC_YIELD)
    return pic_error(L);  /* the handled message goes up to pic_step */
  return pic_gettop(L) - 1;  /* results above the handler */
}

int pich_runchunk(pic_State *L) {
  int n = pic_gettop(L);
  pic_pushcfunction(L, msghandler);
  pic_insert(L, 1);
  return pic_pcallk(L, n - 1, PIC_MULTRET, 1, 0, finishrun);
}

void pich_createargtable(pic_State *L, char **argv, int argc, int script) {
  int i;
  pic_createtable(L, argc - script - 1, script + 1);
  for (i = 0; i < argc; i++) {
    pic_pushstring(L, argv[i]);
    pic_rawseti(L, -2, (pic_Integer)i - script);
  }
  pic_setglobal(L, "arg");
}

int pich_setupstate(pic_State *L) {
  const pich_Args *a = (const pich_Args *)pic_touserdata(L, 1);
  a->openlibs(L);
  pich_createargtable(L, a->argv, a->argc, a->script);
  return 0;
}

/* Set by onsigint; pich_run turns it into stophook between fuel slices. */
static volatile sig_atomic_t interrupted;

/* The SIGINT handler while pich_run runs (lua.c's laction): async-signal-safe,
** it only records the signal; the default action comes back at once, so that
** a second SIGINT ends the process (code stuck in one long library call). */
static void onsigint(int sig) {
  signal(sig, SIG_DFL);
  interrupted = 1;
}

/* The hook pich_run sets after a SIGINT (lua.c's lstop): turns itself off and
** raises "interrupted!" where the hooked code is (with the position of its
** caller, as luaL_error in a hook). */
static int stophook(pic_State *L) {
  pic_sethook(L, NULL, 0, 0);
  pic_where(L, 1);
  pic_pushliteral(L, "interrupted!");
  pic_concat_raw(L, 2);
  return pic_error(L);
}

/* Steps the started [L] in slices of fuel within the total budget [fuel]
** (< 0: none), arming stophook between slices after a SIGINT. Returns
** pic_step's last status, never PIC_FUEL unless the budget ran out. */
static int stepall(pic_State *L, int64_t fuel) {
  int status = PIC_FUEL, nres;
  while (status == PIC_FUEL) {
    int64_t slice = STEP_FUEL;
    if (fuel >= 0) {
      int64_t left = fuel - pic_fuelused(L);
      if (left <= 0)
        break;
      if (left < slice)
        slice = left;
    }
    if (interrupted) {
      interrupted = 0;
      pic_sethook(L, stophook, PIC_MASKCALL | PIC_MASKRET | PIC_MASKLINE, 1);
    }
    status = pic_step(L, slice, &nres);
  }
  return status;
}

int pich_run(pic_State *L, const char *progname, int64_t fuel) {
  int status;
  char msg[128];
  interrupted = 0;
  signal(SIGINT, onsigint);
  status = pic_start(L, pic_gettop(L) - 1);
  if (status == PIC_OK)
    status = stepall(L, fuel);
  signal(SIGINT, SIG_DFL);
  if (status == PIC_OK)
    return 0;
  if (status == PIC_FUEL) {
    snprintf(msg, sizeof(msg), "out of fuel (%lld units used)", (long long)pic_fuelused(L));
    message(progname, msg);
    return PICH_EXIT_NOFUEL;
  }
  if (status == PIC_YIELD) {
    message(progname, "attempt to yield from outside a coroutine");
  } else {
    const char *m = pic_tostring(L, -1);
    if (m == NULL)
      m = pic_pushfstring(L, "(error object is a %s value)", pic_typename(L, pic_type(L, -1)));
    message(progname, m);
  }
  return EXIT_FAILURE;
}

/* Continuation of pushargs with [chunk, arg, #arg] on the stack: replaces
** arg by arg[1..#arg] (raw, as lua.c). */
static int pushargs_k(pic_State *L, int status, pic_KContext ctx) {
  int isint;
  pic_Integer n = pic_tointegerx(L, 3, &isint), i;
  (void)status;
  (void)ctx;
  if (!isint) {
    pic_pushliteral(L, "object length is not an integer");
    return pic_error(L);
  }
  pic_settop(L, 2);
  if (n > 0 && (n > INT_MAX - 3 || !pic_checkstack(L, (int)n + 3))) {
    pic_pushliteral(L, "stack overflow (too many arguments to script)");
    return pic_error(L);
  }
  for (i = 1; i <= n; i++)
    pic_rawgeti(L, 2, i);
  pic_remove(L, 2);
  return pic_gettop(L);
}

/* Continuation of pushargs with [chunk, globals, arg] on the stack. */
static int pushargs_arg_k(pic_State *L, int status, pic_KContext ctx) {
  int nargs;
  (void)status;
  (void)ctx;
  if (pic_type(L, 3) != PIC_TTABLE) {
    pic_pushliteral(L, "'arg' is not a table");
    return pic_error(L);
  }
  pic_replace(L, 2);
  if (pic_len_m(L, 2, &nargs) != PIC_OK)
    return pic_callk(L, nargs, 1, 0, pushargs_k);
  return pushargs_k(L, PIC_OK, 0);
}

/* A C function (lua.c's pushargs): returns its argument, the chunk, followed
** by arg[1..#arg]; the global 'arg' and its length may use metamethods. */
static int pushargs(pic_State *L) {
  int nargs;
  pic_settop(L, 1);
  pic_pushglobaltable(L);
  if (pic_getfield_m(L, 2, "arg", &nargs) != PIC_OK)
    return pic_callk(L, nargs, 1, 0, pushargs_arg_k);
  return pushargs_arg_k(L, PIC_OK, 0);
}

int pich_runscript(pic_State *L, const char *progname, int64_t fuel) {
  int status;
  pic_pushcfunction(L, pushargs);
  pic_insert(L, 1);
  status = pich_run(L, progname, fuel);
  if (status != 0)
    return status;
  pic_pushcfunction(L, pich_runchunk);
  pic_insert(L, 1);
  return pich_run(L, progname, fuel);
}

/* Warning state of a host command: one per process is enough. */
static struct {
  int on;     /* warnings enabled */
  int cont;   /* in the middle of a multi-piece message */
} warnstate;

/* lua.c's warning function: control messages start with '@' and are
** single pieces (warn("@off", "x") is a message); others print as
** "Lua warning: " followed by the pieces. */
static void warnf(void *ud, const char *msg, int tocont) {
  (void)ud;
  if (!warnstate.cont && !tocont && *msg == '@') {
    if (strcmp(msg, "@off") == 0)
      warnstate.on = 0;
    else if (strcmp(msg, "@on") == 0)
      warnstate.on = 1;
    return;
  }
  if (warnstate.on) {
    if (!warnstate.cont)
      fputs("Lua warning: ", stderr);
    fputs(msg, stderr);
    if (!tocont)
      fputs("\n", stderr);
    fflush(stderr);
  }
  warnstate.cont = tocont;
}

void pich_setwarnings(pic_State *L) {
  warnstate.on = 0;
  warnstate.cont = 0;
  pic_setwarnf(L, warnf, NULL);
}
