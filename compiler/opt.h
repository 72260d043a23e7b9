/*
** opt.h -- bytecode optimizer run on finished prototypes.
** Module: pco (compiler optimizer).
**
** Level 1 threads jump chains (what luac does); level 2 also turns
** unconditional jumps to a return into a copy of that return and removes
** unreachable code, remapping jump offsets, line info and local-variable pc
** ranges. Neither ever changes behaviour.
*/
#ifndef PCO_OPT_H
#define PCO_OPT_H

#include "compiler/mem.h"
#include "format/proto.h"

/* Optimizes [f] and its children in place at [level] (0, 1 or 2), with
** scratch memory from [pool]. Returns 0, or -1 when memory ran out (the
** proto is then unchanged or partially optimized, but still valid). */
int pco_optimize(fmt_Proto *f, int level, pcm_Pool *pool);

#endif
