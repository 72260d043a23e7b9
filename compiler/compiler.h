/*
** compiler.h -- the compiler's public interface: Lua 5.4 source to fmt_Image.
** Module: pcc (compiler driver). Uses format/ only, never runtime/.
**
** All memory of a compilation (the resulting image included) lives in a
** pcm_Pool owned by the caller; pcm_free_all releases it.
*/
#ifndef PCC_COMPILER_H
#define PCC_COMPILER_H

#include <stddef.h>

#include "compiler/mem.h"
#include "format/proto.h"

#define PCC_VERSION "0.1.0"

typedef struct pcc_Options {
  int optlevel; /* 0 none, 1 jump threading (as luac), 2 all (default) */
  int strip;    /* 1: drop debug information */
  int textchunk; /* 1: a string given to load (no BOM or '#' line skipped);
                 ** 0: a file's contents, whose first '#' line is skipped */
  int lua54;    /* 1: only Lua 5.4's instructions, none of format 1.1's
                 ** (luadump, whose output the reference lua5.4 runs) */
} pcc_Options;

typedef struct pcc_Input {
  const char *chunkname; /* "@path" for files, "=stdin" for standard input */
  const char *modname;   /* "" for the main chunk, "lib.util" for modules */
  const char *src;
  size_t len;
} pcc_Input;

/* Compiles one chunk named [chunkname] from src[len]. Returns its main
** function, or NULL with *err set to "FILE:LINE: message" (in [pool]). */
fmt_Proto *pcc_compile_chunk(pcm_Pool *pool, const char *chunkname,
                             const char *src, size_t len,
                             const pcc_Options *opt, const char **err);

/* Most precompiled load texts in one image. */
#define PCC_MAXLOADCHUNKS 1024
/* First byte of the chunk name of a precompiled load text (the text follows). */
#define PCC_LOADTEXT_MARK '\x01'
/* First byte of the chunk name of a load text that does not compile: the
** chunk's main function returns at once, its one constant the message. */
#define PCC_LOADERROR_MARK '\x02'

/* Compiles [n] inputs into a bundle (input 0 is the main chunk). Returns the
** image, or NULL with *err set (first error only). Every string literal an
** input calls load with ("load'return 1'", "load('...', ...)") that compiles
** as a text chunk is compiled too, as chunk "\x01" .. text named as load
** names it, and so on for the literals inside those texts: the runtime,
** which has no parser, loads such a text from its image (image-format.md). */
fmt_Image *pcc_compile(pcm_Pool *pool, const pcc_Input *in, int n,
                       const pcc_Options *opt, const char **err);

/* Module name for [path]: "./lib/util.lua" -> "lib.util" (strips leading
** "./", drops ".lua", turns '/' into '.'). Returns a string in [pool], or
** NULL when out of memory. */
char *pcc_modname(pcm_Pool *pool, const char *path);

#endif
