/*
** picstdlib.h -- the standard libraries' open functions.
** Module: stdlib. Each picopen_X pushes its library table (the base library
** fills the globals table and pushes it); pic_openlibs (stdlib/init.c) opens
** those the state's capabilities allow and sets them as globals and in
** package.loaded.
*/
#ifndef PICSTDLIB_H
#define PICSTDLIB_H

#include "runtime/piccolo.h"

int picopen_base(pic_State *L);       /* stdlib/baselib.c */
int picopen_coroutine(pic_State *L);  /* stdlib/corolib.c */
int picopen_package(pic_State *L);    /* stdlib/loadlib.c */
int picopen_string(pic_State *L);     /* stdlib/strlib.c (+ strpattern.c, strformat.c, strpack.c) */
int picopen_table(pic_State *L);      /* stdlib/tablib.c */
int picopen_math(pic_State *L);       /* stdlib/mathlib.c */
int picopen_utf8(pic_State *L);       /* stdlib/utf8lib.c */
int picopen_os(pic_State *L);         /* stdlib/oslib.c */
int picopen_io(pic_State *L);         /* stdlib/iolib.c */
int picopen_debug(pic_State *L);      /* stdlib/dblib.c (over runtime/picdebug.h) */

#endif
