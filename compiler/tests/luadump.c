/*
** luadump.c -- test tool: compiles a Lua file with the piccolo compiler and
** writes the result as a Lua 5.4 binary chunk (ldump.c layout), so the
** reference lua5.4 VM can run piccolo's code generation as an oracle.
** Module: compiler tests. Usage: luadump [-O0|-O1|-O2] IN.lua OUT.luac
**
** The instruction encodings are identical; only MMBIN*'s C operand differs
** (fmt_BinEvent here, Lua's TM_ADD (6) + event there). Line info is written
** as one absolute entry per instruction.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/compiler.h"

#define LUA_TM_ADD 6

static FILE *out;

static void dump_byte(int b) { fputc(b, out); }

static void dump_size(size_t x) {
  unsigned char buff[16];
  int n = 0;
  do {
    buff[16 - (++n)] = x & 0x7f;
    x >>= 7;
  } while (x != 0);
  buff[15] |= 0x80;
  fwrite(buff + 16 - n, 1, (size_t)n, out);
}

static void dump_string(const fmt_Str *s) {
  if (s == NULL || s->s == NULL) {
    dump_size(0);
    return;
  }
  dump_size((size_t)s->len + 1);
  fwrite(s->s, 1, s->len, out);
}

static void dump_function(const fmt_Proto *f, const fmt_Str *psource) {
  if (psource && psource->len == f->source.len &&
      memcmp(psource->s, f->source.s, f->source.len) == 0)
    dump_string(NULL);
  else
    dump_string(&f->source);
  dump_size(f->linedefined);
  dump_size(f->lastlinedefined);
  dump_byte(f->numparams);
  dump_byte(f->is_vararg);
  dump_byte(f->maxstacksize);
  dump_size(f->ncode);
  for (uint32_t i = 0; i < f->ncode; i++) {
    fmt_Instr ins = f->code[i];
    int o = GET_OPCODE(ins);
    if (o == OP_MMBIN || o == OP_MMBINI || o == OP_MMBINK)
      SETARG_C(ins, GETARG_C(ins) + LUA_TM_ADD);
    fwrite(&ins, sizeof ins, 1, out); /* little-endian host assumed */
  }
  dump_size(f->nk);
  for (uint32_t i = 0; i < f->nk; i++) {
    const fmt_Const *k = &f->k[i];
    switch (k->kind) {
      case FMT_K_NIL: dump_byte(0); break;
      case FMT_K_FALSE: dump_byte(1); break;
      case FMT_K_TRUE: dump_byte(17); break;
      case FMT_K_INT: dump_byte(3); fwrite(&k->u.i, 8, 1, out); break;
      case FMT_K_FLT: dump_byte(19); fwrite(&k->u.n, 8, 1, out); break;
      default: dump_byte(4); dump_string(&k->u.s); break;
    }
  }
  dump_size(f->nupvals);
  for (uint32_t i = 0; i < f->nupvals; i++) {
    dump_byte(f->upvals[i].instack);
    dump_byte(f->upvals[i].idx);
    dump_byte(f->upvals[i].kind);
  }
  dump_size(f->np);
  for (uint32_t i = 0; i < f->np; i++) dump_function(f->p[i], &f->source);
  dump_size(f->nlines);
  for (uint32_t i = 0; i < f->nlines; i++) dump_byte(0x80); /* ABSLINEINFO */
  dump_size(f->nlines);
  for (uint32_t i = 0; i < f->nlines; i++) {
    dump_size(i);
    dump_size(f->lines[i]);
  }
  dump_size(f->nlocvars);
  for (uint32_t i = 0; i < f->nlocvars; i++) {
    dump_string(&f->locvars[i].name);
    dump_size(f->locvars[i].startpc);
    dump_size(f->locvars[i].endpc);
  }
  dump_size(f->nupvals);
  for (uint32_t i = 0; i < f->nupvals; i++) dump_string(&f->upvals[i].name);
}

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  size_t r;
  while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
    n += r;
    if (n == cap) buf = realloc(buf, cap *= 2);
  }
  fclose(f);
  *len = n;
  return buf;
}

int main(int argc, char **argv) {
  pcc_Options opt = {2, 0, 0, 1};
  int a = 1;
  if (argc > 1 && strncmp(argv[1], "-O", 2) == 0) {
    opt.optlevel = atoi(argv[1] + 2);
    a++;
  }
  if (argc - a != 2) {
    fprintf(stderr, "usage: luadump [-O0|-O1|-O2] IN.lua OUT.luac\n");
    return 2;
  }
  size_t len;
  char *src = read_file(argv[a], &len);
  if (src == NULL) {
    fprintf(stderr, "luadump: cannot read %s\n", argv[a]);
    return 2;
  }
  char *chunkname = malloc(strlen(argv[a]) + 2);
  chunkname[0] = '@';
  strcpy(chunkname + 1, argv[a]);
  pcm_Pool pool;
  pcm_init(&pool);
  const char *err;
  fmt_Proto *f = pcc_compile_chunk(&pool, chunkname, src, len, &opt, &err);
  if (f == NULL) {
    fprintf(stderr, "luadump: %s\n", err);
    return 1;
  }
  out = fopen(argv[a + 1], "wb");
  if (out == NULL) return 2;
  fwrite("\x1bLua\x54\x00\x19\x93\r\n\x1a\n\x04\x08\x08", 1, 15, out);
  int64_t luac_int = 0x5678;
  double luac_num = 370.5;
  fwrite(&luac_int, 8, 1, out);
  fwrite(&luac_num, 8, 1, out);
  dump_byte((int)f->nupvals);
  dump_function(f, NULL);
  fclose(out);
  pcm_free_all(&pool);
  free(src);
  free(chunkname);
  return 0;
}
