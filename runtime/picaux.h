/*
** picaux.h -- the auxiliary library: argument checking, errors, buffers,
** library registration. Written only against piccolo.h (as lauxlib over lua.h).
** Module: runtime (public, prefix picL_). Implemented in stdlib/auxlib.c.
*/
#ifndef PICAUX_H
#define PICAUX_H

#include <stdio.h>

#include "runtime/piccolo.h"

typedef struct picL_Reg {
  const char *name;
  pic_CFunction func;
} picL_Reg;

/* Registers [l] (NULL-name terminated) into the table on top, each closure
** sharing the [nup] upvalues below the table (which are popped). */
void picL_setfuncs(pic_State *L, const picL_Reg *l, int nup);
#define picL_newlib(L, l) (pic_createtable(L, 0, (int)(sizeof(l) / sizeof((l)[0]) - 1)), picL_setfuncs(L, l, 0))

/* Argument checks; each raises Lua 5.4's message on failure, e.g.
** "bad argument #1 to 'insert' (table expected, got nil)". */
int picL_argerror(pic_State *L, int arg, const char *extramsg);
int picL_typeerror(pic_State *L, int arg, const char *tname);
void picL_checktype(pic_State *L, int arg, int t);
void picL_checkany(pic_State *L, int arg);
pic_Integer picL_checkinteger(pic_State *L, int arg);
pic_Integer picL_optinteger(pic_State *L, int arg, pic_Integer def);
pic_Number picL_checknumber(pic_State *L, int arg);
pic_Number picL_optnumber(pic_State *L, int arg, pic_Number def);
const char *picL_checklstring(pic_State *L, int arg, size_t *l);
const char *picL_optlstring(pic_State *L, int arg, const char *def, size_t *l);
int picL_checkoption(pic_State *L, int arg, const char *def, const char *const lst[]);
void picL_checkstack(pic_State *L, int sz, const char *msg);
#define picL_checkstring(L, n)  picL_checklstring(L, (n), NULL)
#define picL_optstring(L, n, d) picL_optlstring(L, (n), (d), NULL)
#define picL_argcheck(L, cond, arg, msg) ((void)((cond) || picL_argerror(L, (arg), (msg))))
#define picL_argexpected(L, cond, arg, tname) ((void)((cond) || picL_typeerror(L, (arg), (tname))))
#define picL_typename(L, i) pic_typename(L, pic_type(L, (i)))

/* Raises a formatted error prefixed with the position of the calling Lua
** code ("chunk:line: "), as luaL_error. Never returns. */
int picL_error(pic_State *L, const char *fmt, ...);

/* Metatables for userdata types, kept in the registry by [tname]. */
int picL_newmetatable(pic_State *L, const char *tname);
void picL_setmetatable(pic_State *L, const char *tname);
void *picL_testudata(pic_State *L, int ud, const char *tname);
void *picL_checkudata(pic_State *L, int ud, const char *tname);
#define picL_getmetatable(L, n) (pic_rawgetfield(L, PIC_REGISTRYINDEX, (n)))
/* Pushes field [e] of the metatable of [obj] (raw); returns its type, or
** PIC_TNIL pushing nothing when absent. */
int picL_getmetafield(pic_State *L, int obj, const char *e);

/* Converts any value to a string without calling Lua code: numbers, strings,
** booleans, nil, and "typename: 0x..." (or __name) for others. If the value
** has a __tostring metamethod, pushes it and the value and returns 0 (the
** caller must `return pic_callk(L, 1, 1, ctx, k)` and check the result is a
** string: "'__tostring' must return a string"); otherwise pushes the string
** and returns 1. */
int picL_tolstring_m(pic_State *L, int idx);
/* The continuation for a function whose one result is that string, when
** picL_tolstring_m needed the call (`return pic_callnoyieldk(L, 1, 1, 0,
** picL_tolstring_k)`): checks the result and returns it (a number made a
** string), as tostring does. */
int picL_tolstring_k(pic_State *L, int status, pic_KContext ctx);

/* Length of the value at [idx] as an integer, raw (no __len). */
pic_Integer picL_rawlen(pic_State *L, int idx);

/* A string buffer. The first PICL_BUFFERSIZE bytes live in [init] (inside
** the struct, so a buffer must not be copied); beyond that, storage lives in
** a userdata box at stack slot boxidx (nil until needed), so an error frees
** it through the GC. Between picL_buffinit and picL_pushresult the caller
** must keep the stack balanced above the box slot. */
#define PICL_BUFFERSIZE 512
typedef struct picL_Buffer {
  char *b;              /* init or the box's bytes */
  size_t size;
  size_t n;
  pic_State *L;
  int boxidx;           /* absolute stack index of the box slot */
  char init[PICL_BUFFERSIZE];
} picL_Buffer;
void picL_buffinit(pic_State *L, picL_Buffer *B);
char *picL_prepbuffsize(picL_Buffer *B, size_t sz);
void picL_addlstring(picL_Buffer *B, const char *s, size_t l);
void picL_addstring(picL_Buffer *B, const char *s);
void picL_addchar(picL_Buffer *B, char c);
/* Adds the string or number on top of the stack, popping it. */
void picL_addvalue(picL_Buffer *B);
/* Pushes the result, removing the box slot. */
void picL_pushresult(picL_Buffer *B);
/* Moves the contents into the box (made if still in init), so that a C
** function that gives control back (pic_callk, pic_againk) can rebuild the
** buffer later from the box userdata with the same n and size. */
void picL_buffbox(picL_Buffer *B);
#define picL_addsize(B, s) ((B)->n += (s))

/* Requires-style registration: sets package.loaded[modname] = value on top
** and leaves it on the stack; as luaL_requiref without calling through Lua
** (openf is called directly, it must not call Lua). */
void picL_requiref(pic_State *L, const char *modname, pic_CFunction openf, int glb);

/* Registry helpers. */
int picL_getsubtable(pic_State *L, int idx, const char *fname);

#endif
