/*
** opcodes.c -- the per-opcode description table, derived from FMT_OPCODE_LIST.
** Module: format.
*/
#include "format/opcodes.h"

const fmt_OpInfo fmt_opinfo[FMT_NUM_OPCODES] = {
#define FMT_OPINFO(name, f, a, b, c, fl, doc) {#name, f, a, b, c, fl, doc},
  FMT_OPCODE_LIST(FMT_OPINFO)
#undef FMT_OPINFO
};
