/*
** iolib.h -- helpers shared by the libraries that touch files and processes
** (iolib.c, oslib.c, baselib.c, loadlib.c; also dev/piccoloi.c).
** Module: stdlib (internal).
*/
#ifndef IOLIB_H
#define IOLIB_H

#include "runtime/picaux.h"

/* Pushes lua5.4's result for a file operation: true, or nil, "[fname: ]
** strerror(errno)", errno. Returns the number of values pushed. */
int picI_fileresult(pic_State *L, int stat, const char *fname);
/* Raises "'[what]' needs capability [capname] (not granted by the host)"
** unless the state has [cap]; used by functions whose capability the host
** removed after the libraries were opened. */
void picI_needcap(pic_State *L, unsigned cap, const char *what);

/* Pushes lua5.4's result for a finished process [stat] as luaL_execresult:
** true or nil, then "exit" or "signal" and the code (os.execute, io.popen's close). */
int picI_execresult(pic_State *L, int stat);

/* As lua5.4's luaL_loadfilex: the number of leading bytes of a file's
** contents s[l] to skip, a UTF-8 BOM and then a first line starting with
** '#'; that line's newline is kept (line numbers stay right) unless a
** binary chunk follows it. (baselib.c) */
size_t picI_skipheader(const char *s, size_t l);

#endif
