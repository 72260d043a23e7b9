/*
** auxlib.c -- the auxiliary library (picaux.h): argument checks with Lua
** 5.4's messages, errors with positions, string buffers, registration.
** Module: stdlib (prefix picL_); a client of runtime/piccolo.h only.
**
** Buffer invariant: a picL_Buffer's bytes live in its own init array (a
** bounded C-stack area, as luaL_Buffer) while they fit, else in a full
** userdata (the "box") at stack slot boxidx, which holds nil until then;
** B->b points to one of them. Growing allocates a bigger box and replaces
** the slot, so every heap byte goes through the state's counting allocator
** and an error (longjmp) leaks nothing: the GC frees old boxes.
*/
#include <stdint.h>
#include <string.h>

#include "runtime/picaux.h"

/* The one runtime-internal entry point the stdlib uses (implemented in
** runtime/pdebug.c, declared in runtime/pdebug.h, which drags in internal
** headers): it raises "bad argument #arg to 'name' (extramsg)" with the
** name the calling code uses for the running C function (methods do not
** count self), else its name in package.loaded, else "?". Only call
** information, which the public API does not expose, makes this possible. */
int picG_argerror(pic_State *L, int arg, const char *extramsg);

int picL_argerror(pic_State *L, int arg, const char *extramsg) {
  return picG_argerror(L, arg, extramsg);
}

int picL_typeerror(pic_State *L, int arg, const char *tname) {
  const char *typearg;
  if (picL_getmetafield(L, arg, "__name") == PIC_TSTRING)
    typearg = pic_tostring(L, -1);
  else if (pic_type(L, arg) == PIC_TLIGHTUSERDATA)
    typearg = "light userdata";
  else
    typearg = picL_typename(L, arg);
  const char *msg = pic_pushfstring(L, "%s expected, got %s", tname, typearg);
  return picL_argerror(L, arg, msg);
}

static void tag_error(pic_State *L, int arg, int tag) {
  picL_typeerror(L, arg, pic_typename(L, tag));
}

void picL_checktype(pic_State *L, int arg, int t) {
  if (pic_type(L, arg) != t)
    tag_error(L, arg, t);
}

void picL_checkany(pic_State *L, int arg) {
  if (pic_type(L, arg) == PIC_TNONE)
    picL_argerror(L, arg, "value expected");
}

static void interror(pic_State *L, int arg) {
  if (pic_isnumber(L, arg))
    picL_argerror(L, arg, "number has no integer representation");
  else
    tag_error(L, arg, PIC_TNUMBER);
}

pic_Integer picL_checkinteger(pic_State *L, int arg) {
  int isnum;
  pic_Integer d = pic_tointegerx(L, arg, &isnum);
  if (!isnum)
    interror(L, arg);
  return d;
}

pic_Integer picL_optinteger(pic_State *L, int arg, pic_Integer def) {
  return pic_isnoneornil(L, arg) ? def : picL_checkinteger(L, arg);
}

pic_Number picL_checknumber(pic_State *L, int arg) {
  int isnum;
  pic_Number d = pic_tonumberx(L, arg, &isnum);
  if (!isnum)
    tag_error(L, arg, PIC_TNUMBER);
  return d;
}

pic_Number picL_optnumber(pic_State *L, int arg, pic_Number def) {
  return pic_isnoneornil(L, arg) ? def : picL_checknumber(L, arg);
}

const char *picL_checklstring(pic_State *L, int arg, size_t *l) {
  const char *s = pic_tolstring(L, arg, l);
  if (s == NULL)
    tag_error(L, arg, PIC_TSTRING);
  return s;
}

const char *picL_optlstring(pic_State *L, int arg, const char *def, size_t *l) {
  if (pic_isnoneornil(L, arg)) {
    if (l)
      *l = (def ? strlen(def) : 0);
    return def;
  }
  return picL_checklstring(L, arg, l);
}

int picL_checkoption(pic_State *L, int arg, const char *def, const char *const lst[]) {
  const char *name = def ? picL_optstring(L, arg, def) : picL_checkstring(L, arg);
  for (int i = 0; lst[i]; i++)
    if (strcmp(lst[i], name) == 0)
      return i;
  return picL_argerror(L, arg, pic_pushfstring(L, "invalid option '%s'", name));
}

void picL_checkstack(pic_State *L, int sz, const char *msg) {
  if (!pic_checkstack(L, sz)) {
    if (msg)
      picL_error(L, "stack overflow (%s)", msg);
    else
      picL_error(L, "stack overflow");
  }
}

int picL_error(pic_State *L, const char *fmt, ...) {
  va_list argp;
  va_start(argp, fmt);
  pic_where(L, 1);
  pic_pushvfstring(L, fmt, argp);
  va_end(argp);
  pic_concat_raw(L, 2);
  return pic_error(L);
}

void picL_setfuncs(pic_State *L, const picL_Reg *l, int nup) {
  picL_checkstack(L, nup + 1, "too many upvalues");
  int t = pic_absindex(L, -1);
  int up0 = t - nup;   /* the upvalues sit below the table */
  for (; l->name != NULL; l++) {
    if (l->func == NULL) {
      pic_pushboolean(L, 0);   /* placeholder, as luaL_setfuncs */
    } else {
      for (int i = 0; i < nup; i++)
        pic_pushvalue(L, up0 + i);
      pic_pushcclosure(L, l->func, nup);
    }
    pic_rawsetfield(L, t, l->name);
  }
  if (nup > 0) {
    pic_rotate(L, up0, -nup);   /* table first, then the upvalues */
    pic_pop(L, nup);
  }
}

int picL_newmetatable(pic_State *L, const char *tname) {
  if (picL_getmetatable(L, tname) != PIC_TNIL)
    return 0;   /* already there: leave it on the stack */
  pic_pop(L, 1);
  pic_createtable(L, 0, 2);
  pic_pushstring(L, tname);
  pic_rawsetfield(L, -2, "__name");
  pic_pushvalue(L, -1);
  pic_rawsetfield(L, PIC_REGISTRYINDEX, tname);
  return 1;
}

void picL_setmetatable(pic_State *L, const char *tname) {
  picL_getmetatable(L, tname);
  pic_setmetatable(L, -2);
}

void *picL_testudata(pic_State *L, int ud, const char *tname) {
  void *p = pic_touserdata(L, ud);
  if (p == NULL || pic_type(L, ud) != PIC_TUSERDATA)
    return NULL;
  if (!pic_getmetatable(L, ud))
    return NULL;
  picL_getmetatable(L, tname);
  if (!pic_rawequal(L, -1, -2))
    p = NULL;
  pic_pop(L, 2);
  return p;
}

void *picL_checkudata(pic_State *L, int ud, const char *tname) {
  void *p = picL_testudata(L, ud, tname);
  if (p == NULL)
    picL_typeerror(L, ud, tname);
  return p;
}

int picL_getmetafield(pic_State *L, int obj, const char *e) {
  if (!pic_getmetatable(L, obj))
    return PIC_TNIL;
  int tt = pic_rawgetfield(L, -1, e);
  if (tt == PIC_TNIL) {
    pic_pop(L, 2);
    return PIC_TNIL;
  }
  pic_remove(L, -2);
  return tt;
}

int picL_tolstring_m(pic_State *L, int idx) {
  idx = pic_absindex(L, idx);
  if (picL_getmetafield(L, idx, "__tostring") != PIC_TNIL) {
    pic_pushvalue(L, idx);
    return 0;
  }
  switch (pic_type(L, idx)) {
    case PIC_TNUMBER:
    case PIC_TSTRING:
      pic_pushvalue(L, idx);
      pic_tolstring(L, -1, NULL);   /* converts the copy in place */
      break;
    case PIC_TBOOLEAN:
      pic_pushstring(L, pic_toboolean(L, idx) ? "true" : "false");
      break;
    case PIC_TNIL:
      pic_pushliteral(L, "nil");
      break;
    default: {
      int tt = picL_getmetafield(L, idx, "__name");
      const char *kind = (tt == PIC_TSTRING) ? pic_tostring(L, -1) : picL_typename(L, idx);
      pic_pushfstring(L, "%s: %p", kind, pic_topointer(L, idx));
      if (tt != PIC_TNIL)
        pic_remove(L, -2);
      break;
    }
  }
  return 1;
}

int picL_tolstring_k(pic_State *L, int status, pic_KContext ctx) {
  (void)status;
  (void)ctx;
  if (!pic_isstring(L, -1))
    return picL_error(L, "'__tostring' must return a string");
  pic_tolstring(L, -1, NULL);   /* a number becomes a string, as luaL_tolstring does */
  return 1;
}

pic_Integer picL_rawlen(pic_State *L, int idx) {
  return (pic_Integer)pic_rawlen(L, idx);
}

/* ---- buffers ---- */

void picL_buffinit(pic_State *L, picL_Buffer *B) {
  B->L = L;
  B->b = B->init;
  B->size = PICL_BUFFERSIZE;
  B->n = 0;
  pic_pushnil(L);   /* the box slot; a real box is made on first growth */
  B->boxidx = pic_gettop(L);
}

/* Makes a box of exactly [newsize] (>= B->n) bytes holding the contents;
** replaces the box slot. A size no allocator can give (half the address
** space or more) raises "not enough memory" without a position, as the
** failed allocation of lauxlib's resizebox does (file:read(-1)). */
static char *boxto(picL_Buffer *B, size_t newsize) {
  pic_State *L = B->L;
  if (newsize >= SIZE_MAX / 2) {
    pic_pushliteral(L, "not enough memory");
    pic_error(L);
  }
  char *nb = (char *)pic_newuserdatauv(L, newsize, 0);
  if (B->n > 0)
    memcpy(nb, B->b, B->n);
  pic_replace(L, B->boxidx);
  B->b = nb;
  B->size = newsize;
  return nb;
}

/* Grows the buffer to at least [newsize] bytes, at least doubling it. */
static char *newbox(picL_Buffer *B, size_t newsize) {
  return boxto(B, newsize < B->size * 2 ? B->size * 2 : newsize);
}

char *picL_prepbuffsize(picL_Buffer *B, size_t sz) {
  if (B->size - B->n >= sz)
    return B->b + B->n;
  if (((size_t)-1) - sz < B->n)
    picL_error(B->L, "buffer too large");
  return newbox(B, B->n + sz) + B->n;
}

void picL_buffbox(picL_Buffer *B) {
  if (B->b == B->init)   /* only the bytes in use: small boxes come from the pool */
    boxto(B, B->n < 32 ? 32 : B->n);
}

void picL_addlstring(picL_Buffer *B, const char *s, size_t l) {
  if (l > 0) {
    char *p = picL_prepbuffsize(B, l);
    memcpy(p, s, l);
    B->n += l;
  }
}

void picL_addstring(picL_Buffer *B, const char *s) {
  picL_addlstring(B, s, strlen(s));
}

void picL_addchar(picL_Buffer *B, char c) {
  char *p = picL_prepbuffsize(B, 1);
  *p = c;
  B->n++;
}

void picL_addvalue(picL_Buffer *B) {
  size_t l;
  const char *s = pic_tolstring(B->L, -1, &l);
  picL_addlstring(B, s, l);   /* the value stays on top while copied */
  pic_pop(B->L, 1);
}

void picL_pushresult(picL_Buffer *B) {
  pic_State *L = B->L;
  pic_pushlstring(L, B->b, B->n);
  if (B->boxidx == pic_gettop(L) - 1)   /* the usual case: the box just below */
    pic_replace(L, B->boxidx);
  else
    pic_remove(L, B->boxidx);
}

/* ---- registration ---- */

int picL_getsubtable(pic_State *L, int idx, const char *fname) {
  if (pic_rawgetfield(L, idx, fname) == PIC_TTABLE)
    return 1;
  pic_pop(L, 1);
  idx = pic_absindex(L, idx);
  pic_newtable(L);
  pic_pushvalue(L, -1);
  pic_rawsetfield(L, idx, fname);
  return 0;
}

void picL_requiref(pic_State *L, const char *modname, pic_CFunction openf, int glb) {
  picL_getsubtable(L, PIC_REGISTRYINDEX, "_LOADED");
  pic_rawgetfield(L, -1, modname);
  if (!pic_toboolean(L, -1)) {
    pic_pop(L, 1);
    int base = pic_gettop(L);
    int n = openf(L);   /* open functions only push; they never call Lua */
    if (n < 1 || pic_gettop(L) <= base) {
      pic_settop(L, base);
      pic_pushnil(L);
    } else if (pic_gettop(L) > base + 1) {
      pic_copy(L, -1, base + 1);
      pic_settop(L, base + 1);
    }
    pic_pushvalue(L, -1);
    pic_rawsetfield(L, -3, modname);
  }
  pic_remove(L, -2);
  if (glb) {
    pic_pushvalue(L, -1);
    pic_setglobal(L, modname);
  }
}
