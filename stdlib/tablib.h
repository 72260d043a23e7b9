/*
** tablib.h -- internal interface of the table library's files (tablib.c,
** tabsort.c). Module: stdlib (internal).
*/
#ifndef TABLIB_H
#define TABLIB_H

#include "runtime/picaux.h"

#define TAB_R  1                  /* read (__index) */
#define TAB_W  2                  /* write (__newindex) */
#define TAB_L  4                  /* length (__len) */
#define TAB_RW (TAB_R | TAB_W)

/* Checks that argument [arg] is a table, or has the metamethods [what]
** asks for (as lua5.4's checktab). */
void picT_checktab(pic_State *L, int arg, int what);
/* Pops the length on top, raising "object length is not an integer". */
pic_Integer picT_poplen(pic_State *L);
/* table.sort. */
int picT_sort(pic_State *L);

#endif
