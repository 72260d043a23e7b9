/*
** proto.h -- the in-memory form of an image: a tree of function prototypes.
** Module: format (shared by compiler/ and runtime/).
**
** The compiler builds an fmt_Image and hands it to fmt_image_write; the runtime
** gets one back from fmt_image_read, checks it with fmt_verify, and converts it
** into its own heap objects. Nothing here depends on either half.
**
** Invariants of a verified image (fmt_verify establishes them):
**   - every operand of every instruction is in range for its kind (fmt_OpKind);
**   - every jump lands inside the code of its function;
**   - the last instruction of a function is a return or a jump;
**   - debug arrays are either absent (stripped) or sized as documented below.
** All memory of an fmt_Image comes from one fmt_Alloc, so the runtime counts it.
*/
#ifndef FMT_PROTO_H
#define FMT_PROTO_H

#include <stddef.h>
#include <stdint.h>

#include "format/opcodes.h"

/* Allocator: like lua_Alloc. realloc(ud, p, osize, nsize); nsize == 0 frees
** and returns NULL. Returns NULL when it cannot allocate. */
typedef void *(*fmt_Alloc)(void *ud, void *ptr, size_t osize, size_t nsize);

typedef struct fmt_Allocator {
  fmt_Alloc f;
  void *ud;
} fmt_Allocator;

/* Constant kinds. */
typedef enum {
  FMT_K_NIL = 0, FMT_K_FALSE = 1, FMT_K_TRUE = 2,
  FMT_K_INT = 3, FMT_K_FLT = 4, FMT_K_STR = 5
} fmt_ConstKind;

/* A byte string with explicit length (may contain zeros; s[len] == 0). */
typedef struct fmt_Str {
  uint32_t len;
  char *s;
} fmt_Str;

typedef struct fmt_Const {
  uint8_t kind;           /* fmt_ConstKind */
  union {
    int64_t i;
    double n;
    fmt_Str s;
  } u;
} fmt_Const;

/* Upvalue descriptor (as Lua 5.4's Upvaldesc). */
typedef struct fmt_Upval {
  uint8_t instack;        /* 1: captures register idx of the enclosing function */
  uint8_t idx;            /* register or enclosing upvalue index */
  uint8_t kind;           /* 0 regular, 1 <const>, 2 <close>, 3 compile-time constant */
  fmt_Str name;           /* debug; len 0 when stripped */
} fmt_Upval;

/* Local variable debug record: active in [startpc, endpc). */
typedef struct fmt_LocVar {
  fmt_Str name;
  uint32_t startpc;
  uint32_t endpc;
} fmt_LocVar;

typedef struct fmt_Proto {
  uint8_t numparams;
  uint8_t is_vararg;
  uint8_t maxstacksize;   /* registers needed, <= FMT_MAXREGS */
  uint32_t linedefined;   /* 0 for a main chunk */
  uint32_t lastlinedefined;

  uint32_t ncode;
  fmt_Instr *code;

  uint32_t nk;
  fmt_Const *k;

  uint32_t nupvals;
  fmt_Upval *upvals;

  uint32_t np;
  struct fmt_Proto **p;   /* child prototypes, CLOSURE Bx indexes this */

  /* Debug information; all absent (zero counts, NULL) when stripped. */
  fmt_Str source;         /* chunk name, e.g. "@examples/hello.lua"; per proto */
  uint32_t nlines;        /* 0 or ncode */
  uint32_t *lines;        /* source line of each instruction */
  uint32_t nlocvars;
  fmt_LocVar *locvars;
} fmt_Proto;

/* One chunk of a bundle: the main chunk has name "" (empty); modules are
** named as require sees them ("lib.util"). */
typedef struct fmt_Chunk {
  fmt_Str name;
  fmt_Proto *main;
} fmt_Chunk;

typedef struct fmt_Image {
  uint32_t nchunks;       /* >= 1; chunk 0 is the main chunk */
  fmt_Chunk *chunks;
  uint8_t stripped;       /* 1 when debug info was stripped */
} fmt_Image;

#endif
