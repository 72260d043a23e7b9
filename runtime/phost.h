/*
** phost.h -- helpers shared by the host commands (piccolo, piccoloi): running
** a chunk to completion in fuel slices and reporting errors as lua.c does.
** Module: runtime (host side, prefix pich_). Uses only the public API.
*/
#ifndef PHOST_H
#define PHOST_H

#include "runtime/piccolo.h"

#define PICH_EXIT_NOFUEL 3   /* exit status when --fuel runs out */

/* Process set-up of a host command, before any state: with glibc, raises
** malloc's trim threshold (M_TRIM_THRESHOLD, 128 KiB by default) to 64 MiB
** and its mapping threshold (M_MMAP_THRESHOLD, 128 KiB) to 2 MiB. glibc
** raises both itself once a block it mapped is freed, which lua5.4's big
** blocks are; piccolo's blocks of 2 MiB or more are the pool's own mappings,
** so without this (a) a script whose mid-size arrays die in batches has the
** top of the heap given back and faulted in again at every batch (a cellular
** automaton's rows: 6x the page faults) and (b) setting the one threshold
** freezes the other, and every block over 128 KiB is a fresh mapping whose
** pages fault in anew (a 512 KiB array built per call: 250,000 faults and a
** third of the run in the kernel). A library leaves this to its host. */
void pich_initprocess(void);

/* A C function: calls its first argument with the others under a message
** handler that appends a traceback; errors propagate with that message. */
int pich_runchunk(pic_State *L);
/* What pich_setupstate needs: the command line and the library opener
** (pic_openlibs, passed in so that the runtime library does not depend on
** stdlib/). */
typedef struct pich_Args {
  char **argv;
  int argc;
  int script;                        /* index of the script in argv */
  void (*openlibs)(pic_State *L);
} pich_Args;

/* A C function (argument 1: a light userdata pich_Args): opens the libraries
** and creates 'arg'; run it as a step so that errors, memory errors
** included, are reported like any other. */
int pich_setupstate(pic_State *L);

/* Sets global 'arg' as lua.c does: arg[0] = argv[script], arg[1..] the rest,
** negative indices for the command and its options. */
void pich_createargtable(pic_State *L, char **argv, int argc, int script);
/* Runs the function at stack index 1 with the values above it as arguments,
** in slices of fuel, within the total budget [fuel] (< 0: none). Leaves the
** results on the stack and returns 0, or prints "[progname]: message" (the
** message alone when progname is NULL) to stderr and returns an exit status
** (1 error, PICH_EXIT_NOFUEL); after either the thread cannot start again
** until pic_closethread resets it.
** While it runs, SIGINT is handled as lua.c does: the first one makes the
** code running on [L] raise the error "interrupted!" at its next Lua
** instruction, call or return (a hook on [L]: pic_sethook; a coroutine's
** code is not hooked), which pcall can catch; a second one ends the
** process. Afterwards SIGINT has its default action. */
int pich_run(pic_State *L, const char *progname, int64_t fuel);
/* Runs the function at stack index 1, nothing above it, as lua.c runs its
** script (handle_script): with arg[1..#arg] of the global table 'arg' as
** arguments ("'arg' is not a table" otherwise), under pich_runchunk's
** traceback. Returns like pich_run. */
int pich_runscript(pic_State *L, const char *progname, int64_t fuel);

/* Installs lua.c's warning function: off until "@on", "@off" turns it
** off again; messages go to stderr as "Lua warning: ...". */
void pich_setwarnings(pic_State *L);

#endif
