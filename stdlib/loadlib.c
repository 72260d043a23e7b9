/*
** loadlib.c -- the package library and require: package.loaded
** (registry._LOADED), package.preload (registry._PRELOAD, filled by
** pic_loadimage with a bundle's modules), package.path, package.cpath,
** package.searchers, package.searchpath, package.loadlib. Module: stdlib
** (picopen_package).
**
** Searchers: preload, then (with PIC_CAP_FILES) compiled images found on
** package.path and Lua 5.4's two C searchers, which find nothing: like a
** lua5.4 built without dynamic libraries, loadlib always fails. Lua source
** (NAME.lua where package.path has NAME.pci) is compiled where the host
** installed a source compiler (piccoloi), else refused with a clear message.
** require calls searchers and the loader through pic_callk, so a module's
** main chunk runs on the executor, never on the C stack.
** require's stack: 1 name, 2 LOADED, 3 searchers, 4 message so far,
** 5 loader, 6 loader data, 7 loader result.
*/
#include <stdio.h>
#include <string.h>

#include "stdlib/iolib.h"
#include "stdlib/picstdlib.h"

#define PATH_DEFAULT "./?.pci;./?/init.pci"
#define CPATH_DEFAULT ""   /* no C modules: dynamic libraries are not enabled */
#define DLMSG "dynamic libraries not enabled; check your Lua installation"
#define PATH_SEP     ";"
#define PATH_MARK    "?"
#define DIRSEP       "/"
#define MAXIMAGEFILE ((long)1 << 30)

/* Pushes [s] with every [p] replaced by [r]; returns the new string. */
static const char *gsub_str(pic_State *L, const char *s, const char *p, const char *r) {
  const char *wild;
  size_t l = strlen(p);
  picL_Buffer b;
  picL_buffinit(L, &b);
  while ((wild = strstr(s, p)) != NULL) {
    picL_addlstring(&b, s, (size_t)(wild - s));
    picL_addstring(&b, r);
    s = wild + l;
  }
  picL_addstring(&b, s);
  picL_pushresult(&b);
  return pic_tostring(L, -1);
}

static int readable(const char *filename) {
  FILE *f = fopen(filename, "r");
  if (f == NULL)
    return 0;
  fclose(f);
  return 1;
}

/* Looks for [name] on [path]; pushes the file name found, or the message
** "no file 'a'\n\tno file 'b'..." and returns NULL. */
static const char *searchpath(pic_State *L, const char *name, const char *path,
                              const char *sep, const char *dirsep) {
  if (*sep != '\0' && strchr(name, *sep) != NULL)
    name = gsub_str(L, name, sep, dirsep);
  const char *names = gsub_str(L, path, PATH_MARK, name);
  size_t len = strlen(names);
  const char *p = names, *end = names + len;
  while (p < end) {
    const char *e = strchr(p, ';');
    if (e == NULL)
      e = end;
    if (e > p) {
      pic_pushlstring(L, p, (size_t)(e - p));
      if (readable(pic_tostring(L, -1)))
        return pic_tostring(L, -1);
      pic_pop(L, 1);
    }
    p = e + 1;
  }
  pic_pushliteral(L, "no file '");
  gsub_str(L, names, PATH_SEP, "'\n\tno file '");
  pic_pushliteral(L, "'");
  pic_concat_raw(L, 3);
  return NULL;
}

static int ll_searchpath(pic_State *L) {
  picI_needcap(L, PIC_CAP_FILES, "package.searchpath");
  const char *f = searchpath(L, picL_checkstring(L, 1), picL_checkstring(L, 2),
                             picL_optstring(L, 3, "."), picL_optstring(L, 4, DIRSEP));
  if (f != NULL)
    return 1;
  pic_pushnil(L);
  pic_insert(L, -2);
  return 2;
}

static int searcher_preload(pic_State *L) {
  const char *name = picL_checkstring(L, 1);
  pic_rawgetfield(L, PIC_REGISTRYINDEX, "_PRELOAD");
  if (pic_type(L, -1) != PIC_TTABLE || pic_rawgetfield(L, -1, name) == PIC_TNIL) {
    pic_pushfstring(L, "no field package.preload['%s']", name);
    return 1;
  }
  pic_pushliteral(L, ":preload:");
  return 2;
}

/* Reads [filename] into a userdata box (pushed); returns its bytes. */
static const char *readfile(pic_State *L, const char *filename, size_t *size) {
  FILE *f = fopen(filename, "rb");
  if (f == NULL)
    picL_error(L, "cannot open %s", filename);
  long n = -1;
  if (fseek(f, 0, SEEK_END) == 0)
    n = ftell(f);
  if (n < 0 || n > MAXIMAGEFILE || fseek(f, 0, SEEK_SET) != 0) {
    fclose(f);
    picL_error(L, "cannot read %s", filename);
  }
  char *buf = (char *)pic_newuserdatauv(L, (size_t)n + 1, 0);
  size_t got = fread(buf, 1, (size_t)n, f);
  fclose(f);
  *size = got;
  return buf;
}

/* The image searcher: finds NAME on package.path and loads the image (or,
** under piccoloi, the Lua source). */
static int searcher_image(pic_State *L) {
  picI_needcap(L, PIC_CAP_FILES, "require (from files)");
  const char *name = picL_checkstring(L, 1);
  pic_rawgetfield(L, pic_upvalueindex(1), "path");
  const char *path = pic_tostring(L, -1);
  if (path == NULL)
    return picL_error(L, "'package.%s' must be a string", "path");
  const char *filename = searchpath(L, name, path, ".", DIRSEP);
  if (filename == NULL) {
    int msgidx = pic_gettop(L);
    /* is there Lua source instead? say why it cannot be used */
    const char *srcpath = gsub_str(L, path, ".pci", ".lua");
    filename = searchpath(L, name, srcpath, ".", DIRSEP);
    if (filename != NULL && !pic_hassourcecompiler(L))
      return picL_error(L, "module '%s' is Lua source; this runtime loads compiled images only "
                        "(compile it with piccoloc)", name);
    if (filename == NULL) {
      pic_settop(L, msgidx);
      return 1;   /* the "no file" message */
    }
  }
  /* an image, or Lua source where the host installed a compiler (piccoloi) */
  size_t size;
  const char *data = readfile(L, filename, &size);
  /* source text is named "@file" as lua5.4 does; an image keeps the bare name */
  size_t skip = picI_skipheader(data, size);   /* as loadfile: '#' line, BOM */
  int source = size == skip || data[skip] != '\x1b';
  const char *chunkname = source ? pic_pushfstring(L, "@%s", filename) : filename;
  if (pic_load(L, data + skip, size - skip, chunkname, NULL) != PIC_OK)
    return picL_error(L, "error loading module '%s' from file '%s':\n\t%s", name, filename,
                      pic_tostring(L, -1));
  pic_pushstring(L, filename);
  return 2;
}

/* package.loadlib(path, funcname): always fails as in a lua5.4 without
** dynamic library support. */
static int ll_loadlib(pic_State *L) {
  picL_checkstring(L, 1);
  picL_checkstring(L, 2);
  pic_pushnil(L);
  pic_pushliteral(L, DLMSG);
  pic_pushliteral(L, "absent");
  return 3;
}

/* The C searchers (Lua's searcher_C and searcher_Croot): a module found on
** package.cpath cannot be loaded; an empty cpath adds nothing to the
** "module not found" message. Upvalue 1: the package table; upvalue 2,
** present in the Croot searcher only, an integer marker. */
static int searcher_C(pic_State *L) {
  const char *name = picL_checkstring(L, 1);
  const char *dot = strchr(name, '.');
  int root = pic_isinteger(L, pic_upvalueindex(2));
  const char *cpath, *filename;
  if (root && dot == NULL)
    return 0;   /* the all-in-one searcher only looks for submodules */
  pic_rawgetfield(L, pic_upvalueindex(1), "cpath");
  cpath = pic_tostring(L, -1);
  if (cpath == NULL)
    return picL_error(L, "'package.%s' must be a string", "cpath");
  if (cpath[0] == '\0')
    return 0;
  picI_needcap(L, PIC_CAP_FILES, "require (from files)");
  if (root)
    name = pic_pushlstring(L, name, (size_t)(dot - name));
  filename = searchpath(L, name, cpath, ".", DIRSEP);
  if (filename == NULL)
    return 1;   /* the "no file" message */
  return picL_error(L, "error loading module '%s' from file '%s':\n\t" DLMSG,
                    pic_tostring(L, 1), filename);
}

/* ---- require ---- */

static int require_search_k(pic_State *L, int status, pic_KContext ctx);

/* Calls searcher [i], or raises "module not found" after the last one. */
static int require_next(pic_State *L, pic_Integer i) {
  pic_settop(L, 4);
  if (pic_rawgeti(L, 3, i) == PIC_TNIL) {
    const char *name = pic_tostring(L, 1);
    return picL_error(L, "module '%s' not found:%s", name, pic_tostring(L, 4));
  }
  pic_pushvalue(L, 1);
  return pic_callnoyieldk(L, 1, 2, i, require_search_k);
}

static int require_loaded_k(pic_State *L, int status, pic_KContext ctx) {
  (void)status;
  (void)ctx;
  const char *name = pic_tostring(L, 1);
  pic_copy(L, -1, 7);
  pic_settop(L, 7);
  if (!pic_isnil(L, 7))
    pic_rawsetfield(L, 2, name);   /* LOADED[name] = result */
  else
    pic_pop(L, 1);
  if (pic_rawgetfield(L, 2, name) == PIC_TNIL) {
    pic_pop(L, 1);
    pic_pushboolean(L, 1);
    pic_pushvalue(L, -1);
    pic_rawsetfield(L, 2, name);
  }
  pic_pushvalue(L, 6);   /* the loader data */
  return 2;
}

static int require_search_k(pic_State *L, int status, pic_KContext ctx) {
  (void)status;
  int top = pic_gettop(L);   /* the two results on top */
  pic_copy(L, top - 1, 5);
  pic_copy(L, top, 6);
  pic_settop(L, 6);
  if (pic_isfunction(L, 5)) {   /* found a loader */
    pic_pushvalue(L, 5);
    pic_pushvalue(L, 1);
    pic_pushvalue(L, 6);
    return pic_callnoyieldk(L, 2, 1, 0, require_loaded_k);
  }
  if (pic_isstring(L, 5)) {
    pic_pushvalue(L, 4);
    pic_pushliteral(L, "\n\t");
    pic_pushvalue(L, 5);
    pic_concat_raw(L, 3);
    pic_replace(L, 4);
  }
  return require_next(L, (pic_Integer)ctx + 1);
}

static int ll_require(pic_State *L) {
  const char *name = picL_checkstring(L, 1);
  pic_settop(L, 1);
  picL_getsubtable(L, PIC_REGISTRYINDEX, "_LOADED");
  pic_rawgetfield(L, 2, name);
  if (pic_toboolean(L, -1))
    return 1;   /* already loaded */
  pic_pop(L, 1);
  if (pic_rawgetfield(L, pic_upvalueindex(1), "searchers") != PIC_TTABLE)
    return picL_error(L, "'package.searchers' must be a table");
  pic_pushliteral(L, "");
  return require_next(L, 1);
}

static const picL_Reg pk_funcs[] = {
  {"searchpath", NULL},
  {"loadlib", ll_loadlib},
  {"preload", NULL},
  {"path", NULL},
  {"searchers", NULL},
  {"loaded", NULL},
  {NULL, NULL}
};

/* Opens the package library: pushes the package table and sets the
** global 'require'. */
int picopen_package(pic_State *L) {
  int files = (pic_getcaps(L) & PIC_CAP_FILES) != 0;
  picL_newlib(L, pk_funcs);
  if (files) {
    pic_pushcfunction(L, ll_searchpath);
    pic_rawsetfield(L, -2, "searchpath");
  } else {
    pic_pushnil(L);
    pic_rawsetfield(L, -2, "searchpath");
  }
  /* searchers, each with the package table as upvalue */
  pic_createtable(L, 4, 0);
  pic_pushvalue(L, -2);
  pic_pushcclosure(L, searcher_preload, 1);
  pic_rawseti(L, -2, 1);
  if (files) {
    pic_pushvalue(L, -2);
    pic_pushcclosure(L, searcher_image, 1);
    pic_rawseti(L, -2, 2);
    pic_pushvalue(L, -2);
    pic_pushcclosure(L, searcher_C, 1);
    pic_rawseti(L, -2, 3);
    pic_pushvalue(L, -2);
    pic_pushinteger(L, 1);   /* marks the all-in-one (Croot) searcher */
    pic_pushcclosure(L, searcher_C, 2);
    pic_rawseti(L, -2, 4);
  }
  pic_rawsetfield(L, -2, "searchers");
  pic_pushliteral(L, PATH_DEFAULT);
  pic_rawsetfield(L, -2, "path");
  pic_pushliteral(L, CPATH_DEFAULT);
  pic_rawsetfield(L, -2, "cpath");
  pic_pushliteral(L, "/\n;\n?\n!\n-\n");
  pic_rawsetfield(L, -2, "config");
  picL_getsubtable(L, PIC_REGISTRYINDEX, "_LOADED");
  pic_rawsetfield(L, -2, "loaded");
  picL_getsubtable(L, PIC_REGISTRYINDEX, "_PRELOAD");
  pic_rawsetfield(L, -2, "preload");
  pic_pushvalue(L, -1);
  pic_pushcclosure(L, ll_require, 1);
  pic_setglobal(L, "require");
  return 1;
}
