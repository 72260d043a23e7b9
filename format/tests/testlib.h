/*
** testlib.h -- helpers for format/ tests: a counting (and failing) allocator,
** builders for hand-made prototype trees, sample images, deep comparison.
** Module: format tests.
*/
#ifndef FMT_TESTLIB_H
#define FMT_TESTLIB_H

#include <stddef.h>
#include <stdint.h>

#include "format/image.h"

/* Instruction builders for hand-written test code (format/opcodes.h encodings). */
#define ABC(o, a, b, c) CREATE_ABCk(OP_##o, a, b, c, 0)
#define ABCk(o, a, b, c) CREATE_ABCk(OP_##o, a, b, c, 1)
#define ABx(o, a, bx) CREATE_ABx(OP_##o, a, bx)
#define AsBx(o, a, sbx) CREATE_ABx(OP_##o, a, (sbx) + FMT_OFFSET_sBx)
#define SJ(j) CREATE_sJ(OP_JMP, j)
#define EXTRA(ax) CREATE_Ax(OP_EXTRAARG, ax)
#define N(arr) ((uint32_t)(sizeof arr / sizeof *arr))

typedef struct TAlloc {
  size_t live;         /* bytes currently allocated */
  size_t peak;         /* most bytes ever live at once */
  long nallocs;        /* successful allocations and growths so far */
  long fail_at;        /* the allocation with this index fails; -1: never */
} TAlloc;

/* Returns an allocator counting into [t] (reset by the caller). */
fmt_Allocator ta_make(TAlloc *t);

/* A fresh string copied from [s] (len bytes) allocated from [a]. */
fmt_Str tp_str(fmt_Allocator a, const char *s, uint32_t len);
/* A new proto with a copy of [code]. */
fmt_Proto *tp_proto(fmt_Allocator a, uint8_t numparams, uint8_t is_vararg, uint8_t maxstack,
                    const fmt_Instr *code, uint32_t ncode);
/* Copies [n] constants into [p]; string bytes are copied too. */
void tp_consts(fmt_Allocator a, fmt_Proto *p, const fmt_Const *k, uint32_t n);
/* Copies [n] upvalue descriptors into [p]; names are NUL-terminated C strings. */
void tp_upvals(fmt_Allocator a, fmt_Proto *p, const uint8_t (*desc)[3], const char *const *names,
               uint32_t n);
/* Takes ownership of [n] children. */
void tp_children(fmt_Allocator a, fmt_Proto *p, fmt_Proto **c, uint32_t n);
/* Adds debug info: source, one line per instruction (base + i*step pattern
** made irregular), and [nloc] locals covering the code. */
void tp_debug(fmt_Allocator a, fmt_Proto *p, const char *source, uint32_t base, uint32_t nloc);
/* Wraps [n] chunk mains (names as C strings) into an image. */
fmt_Image *tp_image(fmt_Allocator a, uint32_t n, const char *const *names, fmt_Proto **mains,
                    int stripped);

/* A realistic three-chunk image: loops, closures, upvalues, all constant
** kinds, debug info. Verifies cleanly. */
fmt_Image *sample_image(fmt_Allocator a);
/* A one-chunk image whose main is [code] (non-vararg, one string constant
** "x", one upvalue, maxstack [ms]). */
fmt_Image *code_image(fmt_Allocator a, const fmt_Instr *code, uint32_t n, uint8_t ms);

/* 1 if the two trees are equal (floats compared bit for bit); when
** [expect_stripped], b must have no debug info. */
int img_equal(const fmt_Image *x, const fmt_Image *y, int expect_stripped);

/* Recomputes the checksum of an image in place. */
void reseal(uint8_t *img, size_t size);

#endif
