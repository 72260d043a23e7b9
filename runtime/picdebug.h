/*
** picdebug.h -- the public debug interface: call-stack inspection, locals
** and upvalues (modelled on lua_getstack/lua_getinfo/lua_getlocal/...).
** Module: runtime (public, prefix pic_). Implemented in runtime/pdbgapi.c.
**
** Nothing here calls Lua code. pic_sethook installs a hook function that
** the executor calls, as an ordinary C function, before the instructions of
** Lua functions that raise hook events.
*/
#ifndef PICDEBUG_H
#define PICDEBUG_H

#include "runtime/piccolo.h"

/* Size of pic_Debug.short_src (equal to the runtime's chunk-id size). */
#define PIC_DEBUG_IDSIZE 60

/* Information about an active function or a function value, filled by
** pic_getstack (the private i_ci) and pic_getinfo (the fields its options
** name, as in lua_Debug). */
typedef struct pic_Debug {
  const char *name;         /* 'n': name of the function, or NULL */
  const char *namewhat;     /* 'n': "global", "local", "method", "field",
                               "upvalue", "metamethod", "for iterator" or "" */
  const char *what;         /* 'S': "Lua", "C" or "main" */
  const char *source;       /* 'S': chunk name ("=[C]" for C functions) */
  size_t srclen;            /* 'S': length of source */
  int currentline;          /* 'l': current line, -1 when none */
  int linedefined;          /* 'S' */
  int lastlinedefined;      /* 'S' */
  unsigned char nups;       /* 'u': number of upvalues */
  unsigned char nparams;    /* 'u': number of fixed parameters */
  char isvararg;            /* 'u' */
  char istailcall;          /* 't' */
  unsigned short ftransfer; /* 'r': in a call or return hook, the local index */
  unsigned short ntransfer; /* of the first argument or result, and how many (else 0) */
  char short_src[PIC_DEBUG_IDSIZE];  /* 'S': printable chunk name */
  void *i_ci;               /* private: the frame (NULL for a function value) */
} pic_Debug;

/* Hook events (the bits of a hook mask, as LUA_MASK*). */
#define PIC_MASKCALL  (1 << 0)
#define PIC_MASKRET   (1 << 1)
#define PIC_MASKLINE  (1 << 2)
#define PIC_MASKCOUNT (1 << 3)

/* Sets the hook of thread [L] (threads it creates later inherit it): before
** an instruction of a Lua function that raises events of [mask] -- "call"
** or "tail call" at its first instruction, "count" every [count]
** instructions (count > 0), "line" on entering a new line, "return" at a
** return -- the executor calls [f] with one (event name, line or nil) pair
** per event, as an ordinary C function (it may pic_callk/pic_pcallk), with
** further hooks off until it returns or an error unwinds it; a "call" event
** comes alone, and the first instruction's other events are looked for
** after it returns, with the mask then set; a C function raises "call" before it
** runs and "return" after it returns (not when it returns through
** pic_toclose slots). A NULL
** [f] or an empty mask and zero count turn hooks off. The frames of [f] are
** invisible to pic_getstack (level 1 inside a Lua hook called by [f] is the
** hooked function, as in Lua). */
void pic_sethook(pic_State *L, pic_CFunction f, int mask, int count);

/* Fills ar->i_ci with the frame at call [level] of [L] (0 = running
** function, 1 = its caller); returns 0 when the level is out of range. */
int pic_getstack(pic_State *L, int level, pic_Debug *ar);
/* Fills the fields of [ar] named by [what] (characters of "nSltufrL") for
** the frame ar->i_ci, or, when [what] starts with '>', for the function on
** top of [L] (popped). 'f' pushes the function, then 'L' pushes a table of
** its lines with code (nil for C functions). Needs 4 free stack slots on
** [L]. Returns 0 on an invalid option character. */
int pic_getinfo(pic_State *L, const char *what, pic_Debug *ar);
/* Pushes the value of local [n] of frame ar->i_ci (negative n: vararg
** -n) and returns its name ("(temporary)"/"(C temporary)"/"(vararg)" for
** unnamed slots), or returns NULL pushing nothing. With [ar] NULL, returns
** the name of parameter [n] of the Lua function on top (pushing nothing). */
const char *pic_getlocal(pic_State *L, const pic_Debug *ar, int n);
/* Pops the value on top into local [n] of Lua frame ar->i_ci and returns
** its name, or returns NULL popping nothing. The slots of C frames are
** refused (NULL): stackless C functions keep their private state there. */
const char *pic_setlocal(pic_State *L, const pic_Debug *ar, int n);
/* Pushes upvalue [n] of the closure at [funcindex] and returns its name
** ("" for C closures, "(no name)" when stripped), or returns NULL pushing
** nothing. */
const char *pic_getupvalue(pic_State *L, int funcindex, int n);
/* Pops the value on top into upvalue [n] of the Lua closure at [funcindex]
** and returns its name, or returns NULL popping nothing. C closures are
** refused (NULL): their upvalues hold library state (e.g. gmatch's matcher). */
const char *pic_setupvalue(pic_State *L, int funcindex, int n);
/* A unique identifier of upvalue [n] of the function at [fidx] (shared
** upvalues have equal ids), or NULL when there is no such upvalue. */
void *pic_upvalueid(pic_State *L, int fidx, int n);
/* Makes upvalue [n1] of the Lua closure at [fidx1] refer to upvalue [n2]
** of the Lua closure at [fidx2]; both must be valid (see pic_upvalueid). */
void pic_upvaluejoin(pic_State *L, int fidx1, int n1, int fidx2, int n2);

#endif
