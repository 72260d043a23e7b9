/*
** code.h -- the code generator: expression descriptors, per-function state,
** instruction emission, registers, constants and jump lists.
** Module: pck (compiler code generator). Mirrors PUC-Rio lcode.c (5.4).
**
** Invariants: fs->freereg >= number of registers held by active locals;
** registers above that are a stack (freed in reverse order of reservation);
** a jump list is threaded through the sJ fields of its JMPs (PCK_NO_JUMP ends).
*/
#ifndef PCK_CODE_H
#define PCK_CODE_H

#include <stdint.h>

#include "compiler/lex.h"
#include "format/proto.h"

#define PCK_NO_JUMP (-1)
#define PCK_NO_REG FMT_MAXARG_A
#define PCK_MULTRET (-1)
#define PCK_MAXVARS 200
#define PCK_MAXUPVAL 255

/* Kinds of expression descriptors (order matters, see the vk* macros). */
typedef enum {
  VVOID,     /* empty expression list / no value */
  VNIL, VTRUE, VFALSE,
  VK,        /* u.info = constant index */
  VKFLT,     /* u.nval */
  VKINT,     /* u.ival */
  VKSTR,     /* u.strval */
  VNONRELOC, /* value in fixed register u.info */
  VLOCAL,    /* u.var.ridx register, u.var.vidx index in actvar */
  VUPVAL,    /* u.info = upvalue index */
  VCONST,    /* compile-time <const>; u.info = absolute actvar index */
  VINDEXED,  /* t[k]: ind.t register, ind.idx key register */
  VINDEXUP,  /* upvalue[k]: ind.t upvalue, ind.idx string constant */
  VINDEXUPR, /* upvalue[k]: ind.t upvalue, ind.idx key register (GETTABUPR) */
  VINDEXI,   /* t[i]: ind.idx integer */
  VINDEXSTR, /* t.s: ind.idx string constant */
  VJMP,      /* u.info = pc of the comparison's JMP */
  VRELOC,    /* u.info = pc of an instruction whose A is still open */
  VCALL,     /* u.info = pc of CALL */
  VVARARG    /* u.info = pc of VARARG */
} pck_ExpKind;

#define vkisvar(k) (VLOCAL <= (k) && (k) <= VINDEXSTR)
#define vkisindexed(k) (VINDEXED <= (k) && (k) <= VINDEXSTR)
#define hasmultret(k) ((k) == VCALL || (k) == VVARARG)

typedef struct pck_Exp {
  pck_ExpKind k;
  union {
    int64_t ival;
    double nval;
    pcl_Str *strval;
    int info;
    struct { int idx; int t; } ind;
    struct { int ridx; int vidx; } var;
  } u;
  int t; /* patch list of 'exit when true' */
  int f; /* patch list of 'exit when false' */
} pck_Exp;

/* A compile-time value (constant of a <const> local). */
typedef struct pck_Value {
  uint8_t kind; /* fmt_ConstKind */
  union {
    int64_t i;
    double n;
    pcl_Str *s;
  } u;
} pck_Value;

/* Kinds of local variables. */
#define VDKREG 0     /* regular */
#define RDKCONST 1   /* <const> */
#define RDKTOCLOSE 2 /* <close> */
#define RDKCTC 3     /* compile-time constant */

typedef struct pck_Vardesc {
  uint8_t kind;
  int ridx;        /* register holding the variable */
  int pidx;        /* index in the proto's locvars */
  pcl_Str *name;
  pck_Value k;     /* value of a compile-time constant */
  int decl;        /* declaration number (pcl_State.ndecl; inline.h) */
} pck_Vardesc;

typedef struct pck_Labeldesc {
  pcl_Str *name;
  int pc;
  int line;
  int nactvar;
  int close;
} pck_Labeldesc;

typedef struct pck_Labellist {
  pck_Labeldesc *arr;
  int n, size;
} pck_Labellist;

typedef struct pck_Dyndata {
  struct {
    pck_Vardesc *arr;
    int n, size;
  } actvar;
  pck_Labellist gt;
  pck_Labellist label;
} pck_Dyndata;

typedef struct pck_BlockCnt {
  struct pck_BlockCnt *previous;
  int firstlabel;
  int firstgoto;
  int nactvar;
  uint8_t upval;
  uint8_t isloop;
  uint8_t insidetbc;
} pck_BlockCnt;

typedef struct pck_FuncState {
  fmt_Proto *f;
  struct pck_FuncState *prev;
  pcl_State *ls;
  pck_BlockCnt *bl;
  int pc;          /* next instruction */
  int lasttarget;  /* pc of the last jump target */
  int nk, np;
  int firstlocal, firstlabel;
  int ndebugvars;
  int nactvar;
  int nups;
  int freereg;
  int needclose;
  /* capacities of the proto's arrays */
  int sizecode, sizek, sizep, sizelocvars, sizeupvals;
  pcl_Str **upnames;  /* interned upvalue names, parallel to f->upvals */
  int *updecl;        /* declaration numbers of the upvalues' variables */
  /* inline expansion, pass 1 (inline.h): whether this function's body can
  ** still be expanded, whether the statement just parsed always ends in a
  ** `return e` (a return, or an if whose branches all do), and the names
  ** it uses from outside */
  uint8_t inl, inlterm;
  int inlgrowth;      /* instructions expansion added here (pass 2) */
  int nfree, sizefree;
  struct pci_Free *free;
  int *khash;         /* constant index + 1, open addressing */
  int khsize;
  /* self reads (parse.c): the declaration of the `local function` name
  ** this function is the value of (-1: none), and whether a GETUPVAL of
  ** it was marked */
  int selfdecl;
  uint8_t selfread;
} pck_FuncState;

/* Binary and unary operators; 0..11 match fmt_BinEvent and pcf ops. */
typedef enum {
  OPR_ADD, OPR_SUB, OPR_MUL, OPR_MOD, OPR_POW, OPR_DIV, OPR_IDIV,
  OPR_BAND, OPR_BOR, OPR_BXOR, OPR_SHL, OPR_SHR, OPR_CONCAT,
  OPR_EQ, OPR_LT, OPR_LE, OPR_NE, OPR_GT, OPR_GE, OPR_AND, OPR_OR,
  OPR_NOBINOPR
} pck_BinOpr;

typedef enum { OPR_MINUS, OPR_BNOT, OPR_NOT, OPR_LEN, OPR_NOUNOPR } pck_UnOpr;

#define pck_getinstr(fs, e) ((fs)->f->code[(e)->u.info])
#define pck_codeABC(fs, o, a, b, c) pck_codeABCk(fs, o, a, b, c, 0)
#define pck_setmultret(fs, e) pck_setreturns(fs, e, PCK_MULTRET)
#define pck_jumpto(fs, t) pck_patchlist(fs, pck_jump(fs), t)

/* Number of registers used by active (non compile-time) locals; parse.c. */
int pcp_nvarstack(pck_FuncState *fs);

/* Emits instruction [i] with the line of the last token; returns its pc. */
int pck_code(pck_FuncState *fs, fmt_Instr i);
/* Emits an iABC instruction; returns its pc. */
int pck_codeABCk(pck_FuncState *fs, int o, int a, int b, int c, int k);
/* Emits an iABx instruction; returns its pc. */
int pck_codeABx(pck_FuncState *fs, int o, int a, unsigned int bc);
/* Sets the line of the last emitted instruction to [line]. */
void pck_fixline(pck_FuncState *fs, int line);
/* Loads nil into [n] registers from [from], merging with a previous LOADNIL. */
void pck_nil(pck_FuncState *fs, int from, int n);
/* Reserves [n] registers, raising when the function needs too many. */
void pck_reserveregs(pck_FuncState *fs, int n);
/* Ensures [n] more registers fit (updates maxstacksize). */
void pck_checkstack(pck_FuncState *fs, int n);
/* Loads integer [i] into [reg]. */
void pck_int(pck_FuncState *fs, int reg, int64_t i);
/* Returns the value of [e] when it is a compile-time constant. */
int pck_exp2const(pck_FuncState *fs, const pck_Exp *e, pck_Value *v);
/* Fixes a multi-result expression to return [nresults]. */
void pck_setreturns(pck_FuncState *fs, pck_Exp *e, int nresults);
/* Fixes a multi-result expression to return one value. */
void pck_setoneret(pck_FuncState *fs, pck_Exp *e);
/* Turns a variable expression into a value (emits loads). */
void pck_dischargevars(pck_FuncState *fs, pck_Exp *e);
/* Puts [e] in a register (any); returns it. */
int pck_exp2anyreg(pck_FuncState *fs, pck_Exp *e);
/* Like pck_exp2anyreg but keeps upvalues as they are. */
void pck_exp2anyregup(pck_FuncState *fs, pck_Exp *e);
/* Puts [e] in the next free register. */
void pck_exp2nextreg(pck_FuncState *fs, pck_Exp *e);
/* Makes [e] a value (register or constant). */
void pck_exp2val(pck_FuncState *fs, pck_Exp *e);
/* Makes [e] a constant index (returns 1) or a register (returns 0). */
int pck_exp2RK(pck_FuncState *fs, pck_Exp *e);
/* Emits SELF for method call e:key. */
void pck_self(pck_FuncState *fs, pck_Exp *e, pck_Exp *key);
/* Turns [t] into the indexed expression t[k]. */
void pck_indexed(pck_FuncState *fs, pck_Exp *t, pck_Exp *k);
/* Jumps when [e] is false (falls through when true). */
void pck_goiftrue(pck_FuncState *fs, pck_Exp *e);
/* Jumps when [e] is true (falls through when false). */
void pck_goiffalse(pck_FuncState *fs, pck_Exp *e);
/* Stores [ex] into variable [var]. */
void pck_storevar(pck_FuncState *fs, pck_Exp *var, pck_Exp *ex);
/* Applies unary operator [op] to [e]. */
void pck_prefix(pck_FuncState *fs, pck_UnOpr op, pck_Exp *e, int line);
/* Prepares the left operand [v] of binary operator [op]. */
void pck_infix(pck_FuncState *fs, pck_BinOpr op, pck_Exp *v);
/* Finishes e1 op e2 into [e1]. */
void pck_posfix(pck_FuncState *fs, pck_BinOpr op, pck_Exp *e1, pck_Exp *e2,
                int line);
/* Sets the sizes of the NEWTABLE at [pc] (and its EXTRAARG). */
void pck_settablesize(pck_FuncState *fs, int pc, int ra, int asize, int hsize);
/* Emits SETLIST storing [tostore] items (MULTRET: up to top) after [nelems]. */
void pck_setlist(pck_FuncState *fs, int base, int nelems, int tostore);
/* Emits an unconditional jump; returns its pc. */
int pck_jump(pck_FuncState *fs);
/* Emits a return of [nret] values from register [first]. */
void pck_ret(pck_FuncState *fs, int first, int nret);
/* Marks the current pc as a jump target and returns it. */
int pck_getlabel(pck_FuncState *fs);
/* Patches every jump of [list] to [target]. */
void pck_patchlist(pck_FuncState *fs, int list, int target);
/* Patches every jump of [list] to the current pc. */
void pck_patchtohere(pck_FuncState *fs, int list);
/* Appends jump list [l2] to *l1. */
void pck_concat(pck_FuncState *fs, int *l1, int l2);
/* Ends the body of a loop whose condition's code is [start, body) with
** false list *[exits]: when that code is short and straight-line, emits a
** copy of it that jumps back to [body] while the condition holds (its other
** exit jumps join *exits), saving the jump back to the test on
** every iteration; otherwise emits a jump to [start]. The copy
** keeps the original's lines, so line events and error positions are as
** with the jump. */
void pck_loopback(pck_FuncState *fs, int start, int body, int *exits);
/* Longest condition pck_loopback copies (instructions, with its jumps). */
#define PCK_MAXCONDCOPY 8
/* Final pass over a function: RETURN/TAILCALL k and C operands. */
void pck_finish(pck_FuncState *fs);
/* Raises a semantic error (no "near" part). */
_Noreturn void pck_semerror(pcl_State *ls, const char *msg);
/* Adds string constant [s]; returns its index. */
int pck_stringK(pck_FuncState *fs, pcl_Str *s);

#endif
