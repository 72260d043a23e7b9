/*
** inline.h -- inline expansion of small local functions (piccoloc -O2).
** Module: pci (compiler inliner).
**
** A call f(args) of a function declared `local function f(params) ... end`
** is compiled as the block
**     do local params = args; <f's statements> end
** where each `return e` stores e in the result's register (one before the
** end then jumps past the body), when all of this holds (the parser checks
** it; parse.c "inline expansion"):
**   - f's body is only `local` declarations (no attributes), assignments,
**     `if` statements and returns, each `return e` of a single expression,
**     and every path ends in one (the last statement a return, or an if
**     with an else whose branches all end so); it makes no call (so no
**     stack level that `error` or the debug library counts can change),
**     defines no function, has no `...`, loop, `do` block, goto or label;
**   - the local f is never assigned anywhere in the chunk (so every read of
**     it is the closure of that declaration);
**   - every name f's body uses from outside it (upvalues, constants,
**     globals and their _ENV) is the same variable at the call site;
**   - the chunk never names "debug" (as a name or string): hooks and stack
**     levels then see every call (a chunk that does gets no second pass;
**     -O1 keeps every call in any chunk);
**   - the expansion fits the caller's limits (registers, locals, upvalues,
**     nesting depth, and a bound on the code expansion adds to one
**     function); where these checks miss (an enclosing function's upvalues,
**     a loop body's jump reach), compiler.c parses the chunk again as -O1
**     does, so that -O2 never turns a chunk that compiles into one that
**     does not.
** Evaluation order and results are those of the call: the arguments are
** evaluated first, left to right, adjusted to the parameters as a local
** declaration adjusts them, and f's body reads and writes its free
** variables at the same moment the call would. Error messages name the
** parameters and locals as the call's would (the caller's temporaries
** below the parameters get unnamed debug locals, so that the k-th active
** local is still register k-1) and leave the result unnamed. What changes
** is what only the debug interface sees: no frame (tracebacks, the levels
** of a metamethod the body runs), no call or return hook, a variable
** that was f's upvalue is named as the caller's local in an error message.
**
** It takes two passes of the parser: the first records the candidates,
** the assignments and the calls (this table); when some candidate is
** called and never assigned, the second parses the chunk again and expands
** the calls, reading each body again from its mark.
*/
#ifndef PCI_INLINE_H
#define PCI_INLINE_H

#include "compiler/lex.h"

/* Declaration numbers of the variables that no local declaration makes. */
#define PCI_GLOBAL (-1)  /* a free name that is a global (a field of _ENV) */
#define PCI_ENV    (-2)  /* the main function's _ENV upvalue */

/* Largest body (instructions, before optimization) that is expanded. */
#define PCI_MAXCODE 48

/* Most names from outside a body that is expanded. */
#define PCI_MAXFREE 32

/* A name a candidate's body uses from outside, and the declaration it
** resolves to there (a pass-1 string: compared by contents). */
typedef struct pci_Free {
  const pcl_Str *name;
  int decl;
} pci_Free;

typedef struct pci_Cand {
  int decl;            /* declaration number of the local f */
  pcl_Mark start;      /* the '(' of f's parameter list */
  int nparams;
  int maxstack;        /* f's registers */
  int nvars;           /* f's local variables (parameters included) */
  int ncode;           /* f's instructions */
  int depth;           /* syntactic nesting levels f's body takes */
  int ncalls;          /* calls f(...) seen in pass 1 */
  int assigned;        /* the local is assigned somewhere: never expanded */
  int nfree;
  pci_Free *free;
} pci_Cand;

typedef struct pci_Table {
  int pass;            /* 1: recording; 2: expanding */
  int expanding;       /* pass 2: reading a body at a call site; then: */
  int base;            /*   the result's register */
  int exits;           /*   jumps of the returns before the end (a jump list) */
  const struct pck_BlockCnt *bodyblock;   /* the block of the body's statements */
  int n, size;
  pci_Cand *cand;
} pci_Table;

/* The candidate declared as [decl], or NULL. */
pci_Cand *pci_find(pci_Table *t, int decl);

/* Adds a candidate (raises on memory errors); returns it, zeroed but for decl. */
pci_Cand *pci_add(pcl_State *ls, pci_Table *t, int decl);

/* Pass 1: the variable declared as [decl] is assigned. */
void pci_assigned(pci_Table *t, int decl);

/* Whether a second pass would expand anything: a candidate that is called
** and never assigned, in a chunk that does not name "debug". */
int pci_worthwhile(const pci_Table *t, const pcl_State *ls);

#endif
