/*
** pdo.h -- stack management, calls and error propagation for the stackless
** executor. Module: runtime (internal, prefix picD_).
**
** Error protocol: every pic_step installs one jmp_buf (L->errorJmp); picD_throw
** longjmps there, never further. The step loop then unwinds the heap CallInfo
** frames to the nearest CIST_YPCALL frame (closing upvalues and tbc variables
** through executor frames) or, with none, finishes the step with the error.
** C stack depth stays bounded: nothing between the step loop and a throw
** recurses per Lua call.
*/
#ifndef PDO_H
#define PDO_H

#include "runtime/pobject.h"
#include "runtime/pstate.h"

/* Raises [errcode] with the error object on top of the stack. Never returns. */
_Noreturn void picD_throw(pic_State *L, int errcode);
/* Raises a runtime error with message formatted as pic_pushfstring, prefixed
** with the current Lua position ("chunk:line: "). Never returns. */
_Noreturn void picG_runerror(pic_State *L, const char *fmt, ...);
/* Ensures [n] free slots above top (may reallocate the stack, fixing pointers). */
void picD_growstack(pic_State *L, int n);
#define picD_checkstack(L, n) \
  do { if ((L)->stack_last - (L)->top <= (n)) picD_growstack(L, n); } while (0)
/* Byte offsets survive stack reallocation. */
#define savestack(L, p)    ((char *)(p) - (char *)(L)->stack)
#define restorestack(L, n) ((StkId)((char *)(L)->stack + (n)))
/* Shrinks an oversized stack (collector, at safe points). */
void picD_shrinkstack(pic_State *L);

#endif
