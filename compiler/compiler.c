/*
** compiler.c -- the compiler driver: runs lexer+parser under an error
** boundary, optimizes, strips, and assembles bundles (see compiler.h).
** Module: pcc (compiler driver).
*/
#include "compiler/compiler.h"

#include <string.h>

#include "compiler/lex.h"
#include "compiler/opt.h"
#include "compiler/parse.h"

static void strip_proto(fmt_Proto *f) {
  f->source.len = 0;
  f->source.s = NULL;
  f->nlines = 0;
  f->lines = NULL;
  f->nlocvars = 0;
  f->locvars = NULL;
  for (uint32_t i = 0; i < f->nupvals; i++) {
    f->upvals[i].name.len = 0;
    f->upvals[i].name.s = NULL;
  }
  for (uint32_t i = 0; i < f->np; i++) strip_proto(f->p[i]);
}

static fmt_Proto *parse_guarded(pcl_State *ls, pcm_Pool *pool,
                                const char *chunkname, const char *src,
                                size_t len, int skiphdr, const pcc_Options *opt,
                                const char **err) {
  if (setjmp(ls->errjmp)) {
    *err = ls->errmsg;
    return NULL;
  }
  pcl_init(ls, pool, chunkname, src, len, skiphdr);
  ls->optlevel = opt->optlevel;
  ls->extops = opt->optlevel >= 2 && !opt->lua54;
  return pcp_parse(ls);
}

fmt_Proto *pcc_compile_chunk(pcm_Pool *pool, const char *chunkname,
                             const char *src, size_t len,
                             const pcc_Options *opt, const char **err) {
  static const char nomem[] = "not enough memory";
  pcl_State *ls = pcm_realloc(pool, NULL, sizeof(pcl_State));
  if (ls == NULL) {
    *err = nomem;
    return NULL;
  }
  fmt_Proto *f = parse_guarded(ls, pool, chunkname, src, len, !opt->textchunk,
                                opt, err);
  pcm_realloc(pool, ls, 0);
  if (f == NULL) return NULL;
  if (pco_optimize(f, opt->optlevel, pool) != 0) {
    *err = nomem;
    return NULL;
  }
  if (opt->strip) strip_proto(f);
  return f;
}

fmt_Image *pcc_compile(pcm_Pool *pool, const pcc_Input *in, int n,
                       const pcc_Options *opt, const char **err) {
  static const char nomem[] = "not enough memory";
  fmt_Image *img = pcm_realloc(pool, NULL, sizeof(fmt_Image));
  fmt_Chunk *chunks = pcm_realloc(pool, NULL, (size_t)(n > 0 ? n : 1) * sizeof(fmt_Chunk));
  if (img == NULL || chunks == NULL) {
    *err = nomem;
    return NULL;
  }
  for (int i = 0; i < n; i++) {
    fmt_Proto *f = pcc_compile_chunk(pool, in[i].chunkname, in[i].src, in[i].len,
                                     opt, err);
    if (f == NULL) return NULL;
    size_t ml = strlen(in[i].modname);
    char *name = pcm_realloc(pool, NULL, ml + 1);
    if (name == NULL) {
      *err = nomem;
      return NULL;
    }
    memcpy(name, in[i].modname, ml + 1);
    chunks[i].name.len = (uint32_t)ml;
    chunks[i].name.s = name;
    chunks[i].main = f;
  }
  img->nchunks = (uint32_t)n;
  img->chunks = chunks;
  img->stripped = (uint8_t)(opt->strip != 0);
  return img;
}

char *pcc_modname(pcm_Pool *pool, const char *path) {
  while (path[0] == '.' && path[1] == '/') {
    path += 2;
    while (*path == '/') path++;
  }
  size_t len = strlen(path);
  if (len > 4 && strcmp(path + len - 4, ".lua") == 0) len -= 4;
  char *m = pcm_realloc(pool, NULL, len + 1);
  if (m == NULL) return NULL;
  for (size_t i = 0; i < len; i++) m[i] = (path[i] == '/') ? '.' : path[i];
  m[len] = '\0';
  return m;
}
