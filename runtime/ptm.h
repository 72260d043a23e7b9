/*
** ptm.h -- metamethod (tag method) events and lookup. Module: runtime (internal, prefix picT_).
** The arithmetic events TM_ADD..TM_SHR are in the same order as fmt_BinEvent,
** so an MMBIN C operand e maps to TM_ADD + e.
*/
#ifndef PTM_H
#define PTM_H

#include "runtime/pobject.h"

typedef enum {
  TM_INDEX, TM_NEWINDEX, TM_GC, TM_MODE, TM_LEN, TM_EQ,  /* fast-access (flags cache) */
  TM_ADD, TM_SUB, TM_MUL, TM_MOD, TM_POW, TM_DIV, TM_IDIV,
  TM_BAND, TM_BOR, TM_BXOR, TM_SHL, TM_SHR,
  TM_UNM, TM_BNOT, TM_LT, TM_LE, TM_CONCAT, TM_CALL, TM_CLOSE,
  TM_N
} TMS;

_Static_assert(TM_SHR - TM_ADD == FMT_TM_SHR - FMT_TM_ADD, "TM order must match fmt_BinEvent");

/* Fast check of an absent metamethod via the table's flags cache (events <= TM_EQ). */
#define gfasttm(g, et, e) ((et) == NULL ? NULL : \
  ((et)->flags & (1u << (e))) ? NULL : picT_gettm(et, e, (g)->tmname[e]))
#define fasttm(l, et, e) gfasttm(G(l), et, e)

/* Creates the fixed metamethod-name strings. */
void picT_init(pic_State *L);
/* Looks up event [ename] in [events]; caches absence in events->flags (for
** events <= TM_EQ). Returns NULL when absent. */
const TValue *picT_gettm(struct Table *events, TMS event, TString *ename);
/* Metamethod [event] of any value, or a nil TValue when absent. */
const TValue *picT_gettmbyobj(pic_State *L, const TValue *o, TMS event);
/* The metatable of any value (NULL if none). */
struct Table *picT_getmetatable(pic_State *L, const TValue *o);
/* Type name for messages, honouring __name for tables and userdata. */
const char *picT_objtypename(pic_State *L, const TValue *o);

extern const char *const picT_typenames_[PIC_NUMTYPES + 2];
#define ttypename(x) picT_typenames_[(x) + 1]

#endif
