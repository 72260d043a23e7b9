/*
** compiler.c -- the compiler driver: runs lexer+parser under an error
** boundary, optimizes, strips, and assembles bundles (see compiler.h).
** Module: pcc (compiler driver).
*/
#include "compiler/compiler.h"

#include <string.h>

#include "compiler/inline.h"
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

/* One parse of the chunk; [inl] is the inline candidate table, or NULL. */
static fmt_Proto *parse_guarded(pcl_State *ls, pcm_Pool *pool,
                                const char *chunkname, const char *src,
                                size_t len, int skiphdr, const pcc_Options *opt,
                                pci_Table *inl, const char **err) {
  if (setjmp(ls->errjmp)) {
    *err = ls->errmsg;
    return NULL;
  }
  pcl_init(ls, pool, chunkname, src, len, skiphdr);
  ls->optlevel = opt->optlevel;
  ls->extops = opt->optlevel >= 2 && !opt->lua54;
  ls->inl = inl;
  return pcp_parse(ls);
}

/* Parses the chunk: once, and at -O2 a second time when inline expansion
** found something to expand (inline.h). -O2's code is longer in places
** (rotated while loops, expanded calls), so a chunk at the edge of a limit
** (a jump's reach, upvalues, registers) may fail there and not at -O1: a
** chunk -O2 cannot compile is parsed again as -O1 parses it, and what that
** says is the answer (for a real error, the same message). */
static fmt_Proto *parse_chunk(pcl_State *ls, pcm_Pool *pool,
                              const char *chunkname, const char *src,
                              size_t len, int skiphdr, const pcc_Options *opt,
                              const char **err) {
  pci_Table inl;
  memset(&inl, 0, sizeof inl);
  inl.pass = 1;
  pci_Table *tab = opt->optlevel >= 2 ? &inl : NULL;
  fmt_Proto *f = parse_guarded(ls, pool, chunkname, src, len, skiphdr, opt, tab, err);
  if (f != NULL && tab != NULL && pci_worthwhile(&inl, ls)) {
    inl.pass = 2;
    f = parse_guarded(ls, pool, chunkname, src, len, skiphdr, opt, tab, err);
  }
  if (f == NULL && opt->optlevel >= 2) {
    pcc_Options o1 = *opt;
    o1.optlevel = 1;
    f = parse_guarded(ls, pool, chunkname, src, len, skiphdr, &o1, NULL, err);
  }
  return f;
}

/* A list of load texts (pool strings) met while compiling. */
typedef struct LoadTexts {
  pcl_Str **v;
  uint32_t n;
} LoadTexts;

/* pcc_compile_chunk, also returning in *texts (when not NULL) the string
** literals the chunk calls load with. */
static fmt_Proto *compile_chunk(pcm_Pool *pool, const char *chunkname,
                                const char *src, size_t len,
                                const pcc_Options *opt, const char **err,
                                LoadTexts *texts) {
  static const char nomem[] = "not enough memory";
  pcl_State *ls = pcm_realloc(pool, NULL, sizeof(pcl_State));
  if (ls == NULL) {
    *err = nomem;
    return NULL;
  }
  fmt_Proto *f = parse_chunk(ls, pool, chunkname, src, len, !opt->textchunk,
                             opt, err);
  if (texts != NULL) {
    texts->v = ls->loadtexts;
    texts->n = f != NULL ? ls->nloadtexts : 0;
  }
  pcm_realloc(pool, ls, 0);
  if (f == NULL) return NULL;
  if (pco_optimize(f, opt->optlevel, pool) != 0) {
    *err = nomem;
    return NULL;
  }
  if (opt->strip) strip_proto(f);
  return f;
}

fmt_Proto *pcc_compile_chunk(pcm_Pool *pool, const char *chunkname,
                             const char *src, size_t len,
                             const pcc_Options *opt, const char **err) {
  return compile_chunk(pool, chunkname, src, len, opt, err, NULL);
}

/* Adds chunk [name] (a pool string of [len] bytes) with main function [f]
** to chunks[*n], growing the array (capacity *cap). 0 when out of memory. */
static int addchunk(pcm_Pool *pool, fmt_Chunk **chunks, uint32_t *n, uint32_t *cap,
                    char *name, uint32_t len, fmt_Proto *f) {
  if (*n == *cap) {
    uint32_t nc = 2 * *cap;
    fmt_Chunk *c = pcm_realloc(pool, *chunks, (size_t)nc * sizeof(fmt_Chunk));
    if (c == NULL) return 0;
    *chunks = c;
    *cap = nc;
  }
  (*chunks)[*n].name.len = len;
  (*chunks)[*n].name.s = name;
  (*chunks)[*n].main = f;
  (*n)++;
  return 1;
}

/* Whether load text [ts] is already one of chunks[0..n). */
static int haveloadtext(const fmt_Chunk *chunks, uint32_t n, const pcl_Str *ts) {
  for (uint32_t i = 0; i < n; i++)
    if (chunks[i].name.len == ts->len + 1 &&
        (chunks[i].name.s[0] == PCC_LOADTEXT_MARK || chunks[i].name.s[0] == PCC_LOADERROR_MARK) &&
        memcmp(chunks[i].name.s + 1, ts->s, ts->len) == 0)
      return 1;
  return 0;
}

/* The main function of a load error chunk: RETURN0, with message [msg] as
** its one constant. NULL when out of memory. */
static fmt_Proto *errorproto(pcm_Pool *pool, const char *msg) {
  fmt_Proto *f = pcm_realloc(pool, NULL, sizeof(fmt_Proto));
  fmt_Instr *code = pcm_realloc(pool, NULL, sizeof(fmt_Instr));
  fmt_Const *k = pcm_realloc(pool, NULL, sizeof(fmt_Const));
  size_t len = strlen(msg);
  char *s = pcm_realloc(pool, NULL, len + 1);
  if (f == NULL || code == NULL || k == NULL || s == NULL) return NULL;
  memset(f, 0, sizeof *f);
  memcpy(s, msg, len + 1);
  code[0] = CREATE_ABCk(OP_RETURN0, 0, 0, 0, 0);
  k[0].kind = FMT_K_STR;
  k[0].u.s.len = (uint32_t)len;
  k[0].u.s.s = s;
  f->maxstacksize = 2;
  f->ncode = 1;
  f->code = code;
  f->nk = 1;
  f->k = k;
  return f;
}

/* Compiles each of [texts] that is new into a chunk of its own (an error
** chunk when it does not compile), then (depth first) the load texts
** inside it. Stops at PCC_MAXLOADCHUNKS (*nload counts them). 0 when out
** of memory. */
static int compile_loadtexts(pcm_Pool *pool, fmt_Chunk **chunks, uint32_t *n,
                             uint32_t *cap, LoadTexts texts,
                             const pcc_Options *opt, uint32_t *nload) {
  pcc_Options topt = *opt;
  topt.textchunk = 1;
  for (uint32_t j = 0; j < texts.n && *nload < PCC_MAXLOADCHUNKS; j++) {
    pcl_Str *ts = texts.v[j];
    const char *err;
    LoadTexts inner;
    if (haveloadtext(*chunks, *n, ts)) continue;
    fmt_Proto *f = compile_chunk(pool, ts->s, ts->s, ts->len, &topt, &err, &inner);
    char mark = PCC_LOADTEXT_MARK;
    if (f == NULL) {   /* load will give the compiler's message */
      if (strcmp(err, "not enough memory") == 0 || (f = errorproto(pool, err)) == NULL) return 0;
      mark = PCC_LOADERROR_MARK;
      inner.n = 0;
    }
    char *name = pcm_realloc(pool, NULL, (size_t)ts->len + 2);
    if (name == NULL) return 0;
    name[0] = mark;
    memcpy(name + 1, ts->s, (size_t)ts->len + 1);
    if (!addchunk(pool, chunks, n, cap, name, ts->len + 1, f)) return 0;
    (*nload)++;
    if (!compile_loadtexts(pool, chunks, n, cap, inner, opt, nload)) return 0;
  }
  return 1;
}

fmt_Image *pcc_compile(pcm_Pool *pool, const pcc_Input *in, int n,
                       const pcc_Options *opt, const char **err) {
  static const char nomem[] = "not enough memory";
  uint32_t cap = (uint32_t)(n > 0 ? n : 1), nchunks = 0, nload = 0;
  fmt_Image *img = pcm_realloc(pool, NULL, sizeof(fmt_Image));
  fmt_Chunk *chunks = pcm_realloc(pool, NULL, (size_t)cap * sizeof(fmt_Chunk));
  LoadTexts *texts = pcm_realloc(pool, NULL, (size_t)cap * sizeof(LoadTexts));
  if (img == NULL || chunks == NULL || texts == NULL) {
    *err = nomem;
    return NULL;
  }
  for (int i = 0; i < n; i++) {   /* the inputs first: chunk i is input i */
    fmt_Proto *f = compile_chunk(pool, in[i].chunkname, in[i].src, in[i].len,
                                 opt, err, &texts[i]);
    if (f == NULL) return NULL;
    size_t ml = strlen(in[i].modname);
    char *name = pcm_realloc(pool, NULL, ml + 1);
    if (name == NULL || !addchunk(pool, &chunks, &nchunks, &cap, name, (uint32_t)ml, f)) {
      *err = nomem;
      return NULL;
    }
    memcpy(name, in[i].modname, ml + 1);
  }
  for (int i = 0; i < n; i++)
    if (!compile_loadtexts(pool, &chunks, &nchunks, &cap, texts[i], opt, &nload)) {
      *err = nomem;
      return NULL;
    }
  img->nchunks = nchunks;
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
