/*
** psource.c -- pic_load: images, or source text through a host-installed
** compiler. Module: runtime (public API, loading).
**
** The runtime contains no parser. A developer host (piccoloi) may install a
** pic_SourceCompiler; without one, source text that no loaded image holds
** precompiled (picU_loadtext) is refused by pic_loadimage with a message
** saying so. The hook's buffers come from malloc and are
** freed here at once; they never hold runtime objects.
*/
#include <stdlib.h>
#include <string.h>

#include "format/image.h"
#include "runtime/piccolo.h"
#include "runtime/ploader.h"
#include "runtime/pstate.h"

/* Installs [f] as the state's source compiler (NULL removes it). */
void pic_setsourcecompiler(pic_State *L, pic_SourceCompiler f, void *ud) {
  G(L)->srccompiler = f;
  G(L)->srccompiler_ud = ud;
}

/* Whether a source compiler is installed. */
int pic_hassourcecompiler(pic_State *L) {
  return G(L)->srccompiler != NULL;
}

/* The precompiled chunk on top, named [chunkname] as load(text, chunkname)
** names it (piccoloc compiled it under the text's own name, load's
** default): replaced by a copy so named, through an image of it. */
static int renamechunk(pic_State *L, const char *chunkname) {
  const TString *src = clLvalue(L->top - 1)->p->source;
  size_t len = strlen(chunkname);
  int st;
  if (src == NULL || (tsslen(src) == len && memcmp(getstr(src), chunkname, len) == 0))
    return PIC_OK;   /* a stripped image names nothing; or the same name */
  pic_pushstring(L, chunkname);
  pic_rotate(L, -2, 1);   /* name, closure */
  picU_dumprenamed(L, tsvalue(L->top - 2));
  st = pic_loadimage(L, svalue(L->top - 1), vslen(L->top - 1), chunkname);
  pic_rotate(L, -4, 1);   /* result, name, closure, image */
  pic_settop(L, -4);
  return st;
}

/* The compile error on top, of a text piccoloc compiled under the text's
** own name: its position named by [chunkname] instead. */
static void renamemessage(pic_State *L, const char *text, size_t size, const char *chunkname) {
  char old[PIC_IDSIZE], id[PIC_IDSIZE];
  size_t msglen, oldlen;
  const char *msg = pic_tolstring(L, -1, &msglen);
  picO_chunkid(old, text, size);
  picO_chunkid(id, chunkname, strlen(chunkname));
  oldlen = strlen(old);
  if (msg != NULL && msglen > oldlen && memcmp(msg, old, oldlen) == 0 && msg[oldlen] == ':') {
    pic_pushfstring(L, "%s%s", id, msg + oldlen);
    pic_replace(L, -2);
  }
}

/* Loads [data] as load() does: an image always (unless [mode] excludes
** binary chunks), source text only through an installed compiler. Pushes
** the chunk's function or an error message. */
int pic_load(pic_State *L, const void *data, size_t size, const char *chunkname,
             const char *mode) {
  /* as lua5.4 does, a chunk whose first byte is ESC is binary (an image,
  ** possibly truncated or corrupt), never source text */
  int isimage = size > 0 && ((const uint8_t *)data)[0] == (uint8_t)FMT_MAGIC[0];
  const char *m = mode != NULL ? mode : "bt";
  if (isimage && strchr(m, 'b') == NULL) {
    pic_pushfstring(L, "attempt to load a binary chunk (mode is '%s')", m);
    return PIC_ERRSYNTAX;
  }
  if (!isimage && strchr(m, 't') == NULL) {   /* before "no parser", as lua5.4 */
    pic_pushfstring(L, "attempt to load a text chunk (mode is '%s')", m);
    return PIC_ERRSYNTAX;
  }
  if (!isimage && G(L)->srccompiler != NULL) {
    unsigned char *out = NULL;
    size_t outlen = 0;
    int st;
    if (G(L)->srccompiler(G(L)->srccompiler_ud, (const char *)data, size,
                          chunkname != NULL ? chunkname : "=?", &out, &outlen) != 0) {
      pic_pushstring(L, out != NULL ? (const char *)out : "cannot compile source");
      free(out);
      return PIC_ERRSYNTAX;
    }
    st = pic_loadimage(L, out, outlen, chunkname);
    free(out);
    return st;
  }
  if (!isimage) {   /* precompiled by piccoloc? */
    int r = picU_loadtext(L, data, size);
    if (r > 0 && chunkname != NULL)
      return renamechunk(L, chunkname);
    if (r < 0 && chunkname != NULL)
      renamemessage(L, (const char *)data, size, chunkname);
    if (r != 0)
      return r > 0 ? PIC_OK : PIC_ERRSYNTAX;
  }
  return pic_loadimage(L, data, size, chunkname);
}
