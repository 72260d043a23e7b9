/*
** listing.h -- human-readable listing of compiled functions (like luac -l).
** Module: pcd (compiler disassembler).
*/
#ifndef PCD_LISTING_H
#define PCD_LISTING_H

#include <stdio.h>

#include "format/proto.h"

/* Prints [f] and its children to [out] in luac's -l format, without
** addresses; [full] adds constants, locals and upvalues (luac -l -l). */
void pcd_print_function(FILE *out, const fmt_Proto *f, int full);

#endif
