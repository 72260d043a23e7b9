/*
** init.c -- pic_openlibs: opens the standard libraries into a state.
** Module: stdlib. Each library is set as a global and in package.loaded
** (registry._LOADED); capability-dependent functions of io and os are left
** out by their open functions when pic_getcaps does not grant them.
*/
#include "runtime/picaux.h"
#include "stdlib/picstdlib.h"

static const picL_Reg loadedlibs[] = {
  {"_G", picopen_base},
  {"package", picopen_package},
  {"coroutine", picopen_coroutine},
  {"table", picopen_table},
  {"io", picopen_io},
  {"os", picopen_os},
  {"string", picopen_string},
  {"math", picopen_math},
  {"utf8", picopen_utf8},
  {"debug", picopen_debug},
  {NULL, NULL}
};

/* Opens every standard library (see the list above) into the globals table
** of [L], honouring the capabilities already set with pic_setcaps. */
void pic_openlibs(pic_State *L) {
  for (const picL_Reg *lib = loadedlibs; lib->func; lib++) {
    if (lib->func == picopen_debug && !(pic_getcaps(L) & PIC_CAP_DEBUG))
      continue;   /* debug reaches the registry and any metatable: not for sandboxes */
    picL_requiref(L, lib->name, lib->func, 1);
    pic_pop(L, 1);
  }
}
