/*
** ploader.h -- the image loader's internal entry points (ploader.c).
** Module: runtime (prefix picU_). pic_loadimage, the public one, is in
** piccolo.h.
*/
#ifndef PLOADER_H
#define PLOADER_H

#include <stddef.h>

#include "runtime/piccolo.h"

/* Registry key of the table of precompiled load texts: text -> a closure of
** its main function, as every image loaded so far provided them. */
#define PICU_LOADTEXTKEY "_LOADTEXT"

/* load() of source text [text] (len bytes) without a parser: when an image
** loaded earlier holds the text precompiled (a chunk named "\x01" .. text,
** image-format.md), pushes a new closure of it, its first upvalue the
** globals table, and returns 1; when it holds the text's compile error (a
** chunk named "\x02" .. text), pushes the message and returns -1;
** otherwise pushes nothing and returns 0. */
int picU_loadtext(pic_State *L, const void *text, size_t len);

/* Dumps the Lua function on top (pdump.c) as pic_dump does, unstripped,
** with [source] written for every function whose source is the main
** function's: load(text, chunkname) of a precompiled text reloads it so
** named. Raises on memory errors. */
struct TString;
void picU_dumprenamed(pic_State *L, struct TString *source);

#endif
