/*
** opcodes.h -- the piccolo instruction set, defined once.
** Module: format (shared by compiler/ and runtime/).
**
** Every instruction is one little-endian 32-bit word. Field layout (bit 0 = LSB):
**
**   iABC   C(8) | B(8) | k(1) | A(8) | OP(7)      OP 0-6, A 7-14, k 15, B 16-23, C 24-31
**   iABx   Bx(17)      | A(8) | OP(7)            Bx 15-31, unsigned
**   iAsBx  sBx(17)     | A(8) | OP(7)            sBx = Bx - FMT_OFFSET_sBx
**   iAx    Ax(25)             | OP(7)            Ax 7-31, unsigned
**   isJ    sJ(25)             | OP(7)            sJ = Ax - FMT_OFFSET_sJ
**
** Signed 8-bit operands (sB, sC) are stored excess FMT_OFFSET_sC (127).
** Jumps (sBx of FORPREP etc., sJ of JMP) are relative to the instruction
** after the jump: target = pc + 1 + offset.
**
** The table below is the only list of opcodes. Each row is
**   OP(NAME, FORMAT, A, B, C, FLAGS, "semantics")
** where A/B/C give the operand kinds the verifier checks:
**   OPK_N  unused                 OPK_R  register (< maxstacksize)
**   OPK_K  constant index         OPK_U  upvalue index
**   OPK_I  immediate / count      OPK_J  jump offset (target must be in code)
**   OPK_P  child prototype index  OPK_KS constant index holding a short string
**                                        (at most FMT_MAXSHORTLEN bytes, as Lua
**                                        5.4 emits these field names; the runtime
**                                        interns it, so its table lookups need not
**                                        test the kind of string)
**   OPK_RK register, or constant index when the k bit is set
** For iABx/iAsBx rows the B column describes Bx/sBx; for iAx/isJ the A column
** describes Ax/sJ. FLAGS is a bitwise or of OPF_* below.
** Instruction semantics follow the Lua 5.4 virtual machine; R = registers,
** K = constants, U = upvalues. The rows marked "minor 1" are piccolo's own
** (image format 1.1): an upvalue table indexed by a register key, which Lua
** 5.4 compiles as GETUPVAL + GETTABLE/SETTABLE; new rows go at the end so
** that older images keep their opcode numbers. The rows flagged OPF_QUICK
** are never in an image (the verifier rejects them): the executor rewrites
** a GETTABLE, SETTABLE, GETTABUPR or SETTABUPR in place into its "N" twin
** when the key is an integer, whose handler tries the array part first and
** otherwise runs the base instruction; the twin means exactly what its base
** means (fmt_baseop), so the debug interface and string.dump see the base.
*/
#ifndef FMT_OPCODES_H
#define FMT_OPCODES_H

#include <stdint.h>

#define FMT_OPCODE_LIST(OP) \
  OP(MOVE,      iABC,  OPK_R, OPK_R, OPK_N, 0,          "R[A] := R[B]") \
  OP(LOADI,     iAsBx, OPK_R, OPK_I, OPK_N, 0,          "R[A] := sBx") \
  OP(LOADF,     iAsBx, OPK_R, OPK_I, OPK_N, 0,          "R[A] := (float)sBx") \
  OP(LOADK,     iABx,  OPK_R, OPK_K, OPK_N, 0,          "R[A] := K[Bx]") \
  OP(LOADKX,    iABx,  OPK_R, OPK_N, OPK_N, OPF_EXTRA,  "R[A] := K[extra arg]") \
  OP(LOADFALSE, iABC,  OPK_R, OPK_N, OPK_N, 0,          "R[A] := false") \
  OP(LFALSESKIP,iABC,  OPK_R, OPK_N, OPK_N, OPF_SKIP,   "R[A] := false; pc++") \
  OP(LOADTRUE,  iABC,  OPK_R, OPK_N, OPK_N, 0,          "R[A] := true") \
  OP(LOADNIL,   iABC,  OPK_R, OPK_I, OPK_N, 0,          "R[A], ..., R[A+B] := nil") \
  OP(GETUPVAL,  iABC,  OPK_R, OPK_U, OPK_N, 0,          "R[A] := U[B] (k: U[B] is the running closure, read from its frame)") \
  OP(SETUPVAL,  iABC,  OPK_R, OPK_U, OPK_N, 0,          "U[B] := R[A]") \
  OP(GETTABUP,  iABC,  OPK_R, OPK_U, OPK_KS,0,          "R[A] := U[B][K[C]:string]") \
  OP(GETTABLE,  iABC,  OPK_R, OPK_R, OPK_R, 0,          "R[A] := R[B][R[C]]") \
  OP(GETI,      iABC,  OPK_R, OPK_R, OPK_I, 0,          "R[A] := R[B][C]") \
  OP(GETFIELD,  iABC,  OPK_R, OPK_R, OPK_KS,0,          "R[A] := R[B][K[C]:string]") \
  OP(SETTABUP,  iABC,  OPK_U, OPK_KS,OPK_RK,0,          "U[A][K[B]:string] := RK(C)") \
  OP(SETTABLE,  iABC,  OPK_R, OPK_R, OPK_RK,0,          "R[A][R[B]] := RK(C)") \
  OP(SETI,      iABC,  OPK_R, OPK_I, OPK_RK,0,          "R[A][B] := RK(C)") \
  OP(SETFIELD,  iABC,  OPK_R, OPK_KS,OPK_RK,0,          "R[A][K[B]:string] := RK(C)") \
  OP(NEWTABLE,  iABC,  OPK_R, OPK_I, OPK_I, OPF_EXTRA,  "R[A] := {} (B: log2 hash size + 1, C: array size; k: EXTRAARG holds C's high bits)") \
  OP(SELF,      iABC,  OPK_R, OPK_R, OPK_RK,0,          "R[A+1] := R[B]; R[A] := R[B][RK(C):string]") \
  OP(ADDI,      iABC,  OPK_R, OPK_R, OPK_I, OPF_MM,     "R[A] := R[B] + sC") \
  OP(ADDK,      iABC,  OPK_R, OPK_R, OPK_K, OPF_MM,     "R[A] := R[B] + K[C]:number") \
  OP(SUBK,      iABC,  OPK_R, OPK_R, OPK_K, OPF_MM,     "R[A] := R[B] - K[C]:number") \
  OP(MULK,      iABC,  OPK_R, OPK_R, OPK_K, OPF_MM,     "R[A] := R[B] * K[C]:number") \
  OP(MODK,      iABC,  OPK_R, OPK_R, OPK_K, OPF_MM,     "R[A] := R[B] % K[C]:number") \
  OP(POWK,      iABC,  OPK_R, OPK_R, OPK_K, OPF_MM,     "R[A] := R[B] ^ K[C]:number") \
  OP(DIVK,      iABC,  OPK_R, OPK_R, OPK_K, OPF_MM,     "R[A] := R[B] / K[C]:number") \
  OP(IDIVK,     iABC,  OPK_R, OPK_R, OPK_K, OPF_MM,     "R[A] := R[B] // K[C]:number") \
  OP(BANDK,     iABC,  OPK_R, OPK_R, OPK_K, OPF_MM,     "R[A] := R[B] & K[C]:integer") \
  OP(BORK,      iABC,  OPK_R, OPK_R, OPK_K, OPF_MM,     "R[A] := R[B] | K[C]:integer") \
  OP(BXORK,     iABC,  OPK_R, OPK_R, OPK_K, OPF_MM,     "R[A] := R[B] ~ K[C]:integer") \
  OP(SHRI,      iABC,  OPK_R, OPK_R, OPK_I, OPF_MM,     "R[A] := R[B] >> sC") \
  OP(SHLI,      iABC,  OPK_R, OPK_R, OPK_I, OPF_MM,     "R[A] := sC << R[B]") \
  OP(ADD,       iABC,  OPK_R, OPK_R, OPK_R, OPF_MM,     "R[A] := R[B] + R[C]") \
  OP(SUB,       iABC,  OPK_R, OPK_R, OPK_R, OPF_MM,     "R[A] := R[B] - R[C]") \
  OP(MUL,       iABC,  OPK_R, OPK_R, OPK_R, OPF_MM,     "R[A] := R[B] * R[C]") \
  OP(MOD,       iABC,  OPK_R, OPK_R, OPK_R, OPF_MM,     "R[A] := R[B] % R[C]") \
  OP(POW,       iABC,  OPK_R, OPK_R, OPK_R, OPF_MM,     "R[A] := R[B] ^ R[C]") \
  OP(DIV,       iABC,  OPK_R, OPK_R, OPK_R, OPF_MM,     "R[A] := R[B] / R[C]") \
  OP(IDIV,      iABC,  OPK_R, OPK_R, OPK_R, OPF_MM,     "R[A] := R[B] // R[C]") \
  OP(BAND,      iABC,  OPK_R, OPK_R, OPK_R, OPF_MM,     "R[A] := R[B] & R[C]") \
  OP(BOR,       iABC,  OPK_R, OPK_R, OPK_R, OPF_MM,     "R[A] := R[B] | R[C]") \
  OP(BXOR,      iABC,  OPK_R, OPK_R, OPK_R, OPF_MM,     "R[A] := R[B] ~ R[C]") \
  OP(SHL,       iABC,  OPK_R, OPK_R, OPK_R, OPF_MM,     "R[A] := R[B] << R[C]") \
  OP(SHR,       iABC,  OPK_R, OPK_R, OPK_R, OPF_MM,     "R[A] := R[B] >> R[C]") \
  OP(MMBIN,     iABC,  OPK_R, OPK_R, OPK_I, 0,          "call C metamethod over R[A] and R[B] (result to previous instruction's A)") \
  OP(MMBINI,    iABC,  OPK_R, OPK_I, OPK_I, 0,          "call C metamethod over R[A] and sB (k: operands swapped)") \
  OP(MMBINK,    iABC,  OPK_R, OPK_K, OPK_I, 0,          "call C metamethod over R[A] and K[B] (k: operands swapped)") \
  OP(UNM,       iABC,  OPK_R, OPK_R, OPK_N, 0,          "R[A] := -R[B]") \
  OP(BNOT,      iABC,  OPK_R, OPK_R, OPK_N, 0,          "R[A] := ~R[B]") \
  OP(NOT,       iABC,  OPK_R, OPK_R, OPK_N, 0,          "R[A] := not R[B]") \
  OP(LEN,       iABC,  OPK_R, OPK_R, OPK_N, 0,          "R[A] := #R[B] (length operator)") \
  OP(CONCAT,    iABC,  OPK_R, OPK_I, OPK_N, 0,          "R[A] := R[A].. ... ..R[A + B - 1]") \
  OP(CLOSE,     iABC,  OPK_R, OPK_N, OPK_N, 0,          "close all upvalues and to-be-closed variables >= R[A]") \
  OP(TBC,       iABC,  OPK_R, OPK_N, OPK_N, 0,          "mark variable R[A] \"to be closed\"") \
  OP(JMP,       isJ,   OPK_J, OPK_N, OPK_N, 0,          "pc += sJ") \
  OP(EQ,        iABC,  OPK_R, OPK_R, OPK_N, OPF_TEST,   "if ((R[A] == R[B]) ~= k) then pc++") \
  OP(LT,        iABC,  OPK_R, OPK_R, OPK_N, OPF_TEST,   "if ((R[A] <  R[B]) ~= k) then pc++") \
  OP(LE,        iABC,  OPK_R, OPK_R, OPK_N, OPF_TEST,   "if ((R[A] <= R[B]) ~= k) then pc++") \
  OP(EQK,       iABC,  OPK_R, OPK_K, OPK_N, OPF_TEST,   "if ((R[A] == K[B]) ~= k) then pc++") \
  OP(EQI,       iABC,  OPK_R, OPK_I, OPK_I, OPF_TEST,   "if ((R[A] == sB) ~= k) then pc++ (C: 1 if float)") \
  OP(LTI,       iABC,  OPK_R, OPK_I, OPK_I, OPF_TEST,   "if ((R[A] < sB) ~= k) then pc++") \
  OP(LEI,       iABC,  OPK_R, OPK_I, OPK_I, OPF_TEST,   "if ((R[A] <= sB) ~= k) then pc++") \
  OP(GTI,       iABC,  OPK_R, OPK_I, OPK_I, OPF_TEST,   "if ((R[A] > sB) ~= k) then pc++") \
  OP(GEI,       iABC,  OPK_R, OPK_I, OPK_I, OPF_TEST,   "if ((R[A] >= sB) ~= k) then pc++") \
  OP(TEST,      iABC,  OPK_R, OPK_N, OPK_N, OPF_TEST,   "if (not R[A] == k) then pc++") \
  OP(TESTSET,   iABC,  OPK_R, OPK_R, OPK_N, OPF_TEST,   "if (not R[B] == k) then pc++ else R[A] := R[B]") \
  OP(CALL,      iABC,  OPK_R, OPK_I, OPK_I, 0,          "R[A], ... ,R[A+C-2] := R[A](R[A+1], ... ,R[A+B-1])") \
  OP(TAILCALL,  iABC,  OPK_R, OPK_I, OPK_I, 0,          "return R[A](R[A+1], ... ,R[A+B-1])") \
  OP(RETURN,    iABC,  OPK_R, OPK_I, OPK_I, 0,          "return R[A], ... ,R[A+B-2]") \
  OP(RETURN0,   iABC,  OPK_N, OPK_N, OPK_N, 0,          "return") \
  OP(RETURN1,   iABC,  OPK_R, OPK_N, OPK_N, 0,          "return R[A]") \
  OP(FORLOOP,   iABx,  OPK_R, OPK_I, OPK_N, 0,          "update counters; if loop continues then pc-=Bx;") \
  OP(FORPREP,   iABx,  OPK_R, OPK_I, OPK_N, 0,          "<check values and prepare counters>; if not to run then pc+=Bx+1;") \
  OP(TFORPREP,  iABx,  OPK_R, OPK_I, OPK_N, 0,          "create upvalue for R[A + 3]; pc+=Bx") \
  OP(TFORCALL,  iABC,  OPK_R, OPK_N, OPK_I, 0,          "R[A+4], ... ,R[A+3+C] := R[A](R[A+1], R[A+2]);") \
  OP(TFORLOOP,  iABx,  OPK_R, OPK_I, OPK_N, 0,          "if R[A+2] ~= nil then { R[A]=R[A+2]; pc -= Bx }") \
  OP(SETLIST,   iABC,  OPK_R, OPK_I, OPK_I, OPF_EXTRA,  "R[A][C+i] := R[A+i], 1 <= i <= B (k: EXTRAARG holds C's high bits)") \
  OP(CLOSURE,   iABx,  OPK_R, OPK_P, OPK_N, 0,          "R[A] := closure(KPROTO[Bx])") \
  OP(VARARG,    iABC,  OPK_R, OPK_N, OPK_I, 0,          "R[A], R[A+1], ..., R[A+C-2] = vararg") \
  OP(VARARGPREP,iABC,  OPK_I, OPK_N, OPK_N, 0,          "(adjust vararg parameters; A = number of fixed parameters)") \
  OP(EXTRAARG,  iAx,   OPK_I, OPK_N, OPK_N, 0,          "extra (larger) argument for previous opcode") \
  OP(GETTABUPR, iABC,  OPK_R, OPK_U, OPK_R, 0,          "R[A] := U[B][R[C]] (minor 1)") \
  OP(SETTABUPR, iABC,  OPK_U, OPK_R, OPK_RK,0,          "U[A][R[B]] := RK(C) (minor 1)") \
  OP(GETTABLEN, iABC,  OPK_R, OPK_R, OPK_R, OPF_QUICK,  "GETTABLE whose key was an integer (runtime only)") \
  OP(SETTABLEN, iABC,  OPK_R, OPK_R, OPK_RK,OPF_QUICK,  "SETTABLE whose key was an integer (runtime only)") \
  OP(GETTABUPRN,iABC,  OPK_R, OPK_U, OPK_R, OPF_QUICK,  "GETTABUPR whose key was an integer (runtime only)") \
  OP(SETTABUPRN,iABC,  OPK_U, OPK_R, OPK_RK,OPF_QUICK,  "SETTABUPR whose key was an integer (runtime only)")

/* Operand formats. */
typedef enum { iABC, iABx, iAsBx, iAx, isJ } fmt_OpFormat;

/* Operand kinds (see the header comment). */
typedef enum { OPK_N, OPK_R, OPK_K, OPK_U, OPK_I, OPK_J, OPK_P, OPK_KS, OPK_RK } fmt_OpKind;

/* Instruction flags. */
#define OPF_MM    1  /* fast path skips the following MMBIN* on success */
#define OPF_TEST  2  /* must be followed by a JMP */
#define OPF_SKIP  4  /* skips the next instruction */
#define OPF_EXTRA 8  /* may be followed by EXTRAARG */
#define OPF_QUICK 16 /* made by the executor in place of fmt_baseop(op), never in images */

/* The opcode enum: OP_MOVE, OP_LOADI, ... */
typedef enum {
#define FMT_OPENUM(name, f, a, b, c, fl, doc) OP_##name,
  FMT_OPCODE_LIST(FMT_OPENUM)
#undef FMT_OPENUM
  FMT_NUM_OPCODES
} fmt_OpCode;

_Static_assert(FMT_NUM_OPCODES <= 128, "opcode must fit in 7 bits");

/* The instruction an OPF_QUICK opcode stands for ([op] itself otherwise). */
static inline fmt_OpCode fmt_baseop(fmt_OpCode op) {
  switch (op) {
    case OP_GETTABLEN: return OP_GETTABLE;
    case OP_SETTABLEN: return OP_SETTABLE;
    case OP_GETTABUPRN: return OP_GETTABUPR;
    case OP_SETTABUPRN: return OP_SETTABUPR;
    default: return op;
  }
}

/* Per-opcode description, indexed by fmt_OpCode; defined in opcodes.c. */
typedef struct fmt_OpInfo {
  const char *name;     /* "MOVE" */
  uint8_t format;       /* fmt_OpFormat */
  uint8_t a, b, c;      /* fmt_OpKind of each operand */
  uint8_t flags;        /* OPF_* */
  const char *doc;      /* one-line semantics */
} fmt_OpInfo;

extern const fmt_OpInfo fmt_opinfo[FMT_NUM_OPCODES];

/* Field sizes and limits. */
#define FMT_SIZE_OP   7
#define FMT_SIZE_A    8
#define FMT_SIZE_B    8
#define FMT_SIZE_C    8
#define FMT_SIZE_Bx   17
#define FMT_SIZE_Ax   25
#define FMT_POS_A     7
#define FMT_POS_k     15
#define FMT_POS_B     16
#define FMT_POS_C     24
#define FMT_POS_Bx    15
#define FMT_POS_Ax    7
#define FMT_MAXARG_A  255
#define FMT_MAXARG_B  255
#define FMT_MAXARG_C  255
#define FMT_MAXARG_Bx ((1u << FMT_SIZE_Bx) - 1)
#define FMT_MAXARG_Ax ((1u << FMT_SIZE_Ax) - 1)
#define FMT_OFFSET_sBx ((int)(FMT_MAXARG_Bx >> 1))
#define FMT_OFFSET_sJ  ((int)(FMT_MAXARG_Ax >> 1))
#define FMT_OFFSET_sC  127
#define FMT_MAXREGS    255   /* registers per function */
#define FMT_MAXSHORTLEN 40   /* longest OPK_KS string (Lua's LUAI_MAXSHORTLEN) */

typedef uint32_t fmt_Instr;

/* Field access. */
#define GET_OPCODE(i) ((fmt_OpCode)((i) & 0x7Fu))
#define GETARG_A(i)   ((int)(((i) >> FMT_POS_A) & 0xFFu))
#define GETARG_k(i)   ((int)(((i) >> FMT_POS_k) & 1u))
#define GETARG_B(i)   ((int)(((i) >> FMT_POS_B) & 0xFFu))
#define GETARG_C(i)   ((int)(((i) >> FMT_POS_C) & 0xFFu))
#define GETARG_sB(i)  (GETARG_B(i) - FMT_OFFSET_sC)
#define GETARG_sC(i)  (GETARG_C(i) - FMT_OFFSET_sC)
#define GETARG_Bx(i)  ((int)((i) >> FMT_POS_Bx))
#define GETARG_sBx(i) (GETARG_Bx(i) - FMT_OFFSET_sBx)
#define GETARG_Ax(i)  ((int)((i) >> FMT_POS_Ax))
#define GETARG_sJ(i)  (GETARG_Ax(i) - FMT_OFFSET_sJ)

/* Instruction construction. */
#define CREATE_ABCk(o, a, b, c, k) \
  ((fmt_Instr)(o) | ((fmt_Instr)(a) << FMT_POS_A) | ((fmt_Instr)(k) << FMT_POS_k) | \
   ((fmt_Instr)(b) << FMT_POS_B) | ((fmt_Instr)(c) << FMT_POS_C))
#define CREATE_ABx(o, a, bx) \
  ((fmt_Instr)(o) | ((fmt_Instr)(a) << FMT_POS_A) | ((fmt_Instr)(bx) << FMT_POS_Bx))
#define CREATE_Ax(o, ax) ((fmt_Instr)(o) | ((fmt_Instr)(ax) << FMT_POS_Ax))
#define CREATE_sJ(o, j) CREATE_Ax(o, (fmt_Instr)((j) + FMT_OFFSET_sJ))

/* Field update (for back-patching jumps and operands). */
#define SETARG_(i, v, pos, size) \
  ((i) = (((i) & ~(((fmt_Instr)((1u << (size)) - 1)) << (pos))) | \
          (((fmt_Instr)(v) & ((1u << (size)) - 1)) << (pos))))
#define SET_OPCODE(i, o) SETARG_(i, o, 0, FMT_SIZE_OP)
#define SETARG_A(i, v)   SETARG_(i, v, FMT_POS_A, FMT_SIZE_A)
#define SETARG_k(i, v)   SETARG_(i, v, FMT_POS_k, 1)
#define SETARG_B(i, v)   SETARG_(i, v, FMT_POS_B, FMT_SIZE_B)
#define SETARG_C(i, v)   SETARG_(i, v, FMT_POS_C, FMT_SIZE_C)
#define SETARG_Bx(i, v)  SETARG_(i, v, FMT_POS_Bx, FMT_SIZE_Bx)
#define SETARG_sBx(i, v) SETARG_Bx(i, (v) + FMT_OFFSET_sBx)
#define SETARG_Ax(i, v)  SETARG_(i, v, FMT_POS_Ax, FMT_SIZE_Ax)
#define SETARG_sJ(i, v)  SETARG_Ax(i, (v) + FMT_OFFSET_sJ)

/* Metamethod events named by MMBIN's C operand (same order as the runtime's
** tag-method enum for arithmetic/bitwise events). */
typedef enum {
  FMT_TM_ADD, FMT_TM_SUB, FMT_TM_MUL, FMT_TM_MOD, FMT_TM_POW, FMT_TM_DIV,
  FMT_TM_IDIV, FMT_TM_BAND, FMT_TM_BOR, FMT_TM_BXOR, FMT_TM_SHL, FMT_TM_SHR,
  FMT_TM_NUM_BIN
} fmt_BinEvent;

/* Maximum number of list items flushed per SETLIST. */
#define FMT_FIELDS_PER_FLUSH 50

#endif
