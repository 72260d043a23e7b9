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
    if (r != 0)
      return r > 0 ? PIC_OK : PIC_ERRSYNTAX;
  }
  return pic_loadimage(L, data, size, chunkname);
}
