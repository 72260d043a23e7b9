/*
** phost.c -- helpers shared by the host commands (piccolo, piccoloi).
** Module: runtime (host side, prefix pich_). Uses only the public API.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#endif

#include "runtime/phost.h"

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

int pich_run(pic_State *L, const char *progname, int64_t fuel) {
  int status, nres;
  char msg[128];
  status = pic_start(L, pic_gettop(L) - 1);
  while (status == PIC_OK) {
    int64_t slice = STEP_FUEL;
    if (fuel >= 0) {
      int64_t left = fuel - pic_fuelused(L);
      if (left <= 0) {
        snprintf(msg, sizeof(msg), "out of fuel (%lld units used)", (long long)pic_fuelused(L));
        message(progname, msg);
        return PICH_EXIT_NOFUEL;
      }
      if (left < slice)
        slice = left;
    }
    status = pic_step(L, slice, &nres);
    if (status == PIC_FUEL)
      status = PIC_OK;
    else if (status == PIC_OK)
      return 0;
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
