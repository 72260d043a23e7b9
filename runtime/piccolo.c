/*
** piccolo.c -- the `piccolo` command: runs a piccolo image with a fuel
** budget, a memory limit and a capability set. Module: runtime (command).
** As lua.c, the image's `...` are arg[1..#arg] and SIGINT makes the running
** code raise "interrupted!" (pich_runscript, pich_run).
** Exit status: 0 success, 1 error (bad command line, unreadable or bad
** image, runtime error), 3 out of fuel.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format/image.h"
#include "runtime/phost.h"
#include "runtime/piccolo.h"
#include "runtime/pstate.h"   /* collections count for --stats */

#define PROGNAME "piccolo"

typedef struct Options {
  int64_t fuel;          /* total budget; < 0: none */
  size_t memlimit;       /* 0: none */
  int stats;
  int sandbox;
  int version;
  int script;            /* index of IMAGE in argv (0: none) */
} Options;

static void usage(void) {
  fprintf(stderr,
          "usage: " PROGNAME " [options] IMAGE [ARGS...]\n"
          "Runs a piccolo image (compile Lua source with piccoloc).\n"
          "Options:\n"
          "  --fuel N             stop after N units of work (exit status 3)\n"
          "  --memory-limit SIZE  cap the state's memory (suffix K, M or G)\n"
          "  --stats              print fuel used, peak memory and collections to stderr\n"
          "  --sandbox            grant no capabilities (files, env, process, clock)\n"
          "  -v                   print versions\n"
          "  --                   stop handling options\n");
}

static void message(const char *msg) {
  fprintf(stderr, "%s: %s\n", PROGNAME, msg);
  fflush(stderr);
}

/* Parses a non-negative integer with an optional K/M/G suffix (when [sizes]). */
static int parsecount(const char *s, int sizes, uint64_t *out) {
  char *end;
  unsigned long long v;
  uint64_t mul = 1;
  if (*s < '0' || *s > '9')
    return 0;
  errno = 0;
  v = strtoull(s, &end, 10);
  if (errno != 0)
    return 0;
  if (sizes && *end != '\0' && end[1] == '\0') {
    switch (*end) {
      case 'k': case 'K': mul = (uint64_t)1 << 10; break;
      case 'm': case 'M': mul = (uint64_t)1 << 20; break;
      case 'g': case 'G': mul = (uint64_t)1 << 30; break;
      default: return 0;
    }
    end++;
  }
  if (*end != '\0' || (v != 0 && mul > UINT64_MAX / v))
    return 0;
  *out = (uint64_t)v * mul;
  return 1;
}

/* Fills [o] from the command line; returns 0 for a bad command line. */
static int parseargs(int argc, char **argv, Options *o) {
  int i;
  memset(o, 0, sizeof(*o));
  o->fuel = -1;
  for (i = 1; i < argc; i++) {
    const char *a = argv[i];
    uint64_t v;
    if (strcmp(a, "--") == 0) {
      i++;
      break;
    } else if (strcmp(a, "--fuel") == 0) {
      if (i + 1 >= argc || !parsecount(argv[++i], 0, &v) || v > INT64_MAX)
        return 0;
      o->fuel = (int64_t)v;
    } else if (strcmp(a, "--memory-limit") == 0) {
      if (i + 1 >= argc || !parsecount(argv[++i], 1, &v) || v > SIZE_MAX)
        return 0;
      o->memlimit = (size_t)v;
    } else if (strcmp(a, "--stats") == 0) {
      o->stats = 1;
    } else if (strcmp(a, "--sandbox") == 0) {
      o->sandbox = 1;
    } else if (strcmp(a, "-v") == 0) {
      o->version = 1;
    } else if (a[0] == '-' && a[1] != '\0') {
      return 0;
    } else {
      break;
    }
  }
  o->script = (i < argc) ? i : 0;
  return 1;
}

/* Reads file [name] into a fresh buffer; NULL (message printed) on failure. */
static char *readfile(const char *name, size_t *size) {
  FILE *f = fopen(name, "rb");
  char *buf = NULL;
  size_t len = 0, cap = 0;
  char msg[512];
  if (f == NULL) {
    snprintf(msg, sizeof(msg), "cannot open %s: %s", name, strerror(errno));
    message(msg);
    return NULL;
  }
  for (;;) {
    size_t n;
    if (len == cap) {
      char *nb;
      cap = cap ? cap * 2 : 65536;
      nb = (char *)realloc(buf, cap);
      if (nb == NULL) {
        free(buf);
        fclose(f);
        message("not enough memory to read the image");
        return NULL;
      }
      buf = nb;
    }
    n = fread(buf + len, 1, cap - len, f);
    len += n;
    if (n == 0)
      break;
  }
  if (ferror(f)) {
    free(buf);
    fclose(f);
    snprintf(msg, sizeof(msg), "cannot read %s", name);
    message(msg);
    return NULL;
  }
  fclose(f);
  *size = len;
  return buf;
}

static void printstats(pic_State *L) {
  fprintf(stderr, "fuel used: %lld\n", (long long)pic_fuelused(L));
  fprintf(stderr, "peak memory: %zu bytes\n", pic_mempeak(L));
  fprintf(stderr, "collections: %zu\n", G(L)->gccount);
}

int main(int argc, char **argv) {
  Options o;
  pich_Args args;
  pic_State *L;
  char *image;
  size_t size = 0;
  char chunkname[1024];
  int status;
  pich_initprocess();
  if (!parseargs(argc, argv, &o) || (o.script == 0 && !o.version)) {
    usage();
    return EXIT_FAILURE;
  }
  if (o.version) {
    printf("%s (%s), image format %d.%d\n", PIC_VERSION, PIC_LUA_VERSION,
           FMT_VERSION_MAJOR, FMT_VERSION_MINOR);
    if (o.script == 0)
      return EXIT_SUCCESS;
  }
  image = readfile(argv[o.script], &size);
  snprintf(chunkname, sizeof(chunkname), "@%s", argv[o.script]);
  if (image == NULL)
    return EXIT_FAILURE;
  L = pic_newstate(NULL, NULL);
  if (L == NULL) {
    free(image);
    message("cannot create state: not enough memory");
    return EXIT_FAILURE;
  }
  pic_setmemlimit(L, o.memlimit);
  pic_setcaps(L, o.sandbox ? 0u : PIC_CAP_ALL);
  pich_setwarnings(L);
  args.openlibs = pic_openlibs;
  args.argv = argv;
  args.argc = argc;
  args.script = o.script;
  pic_pushcfunction(L, pich_setupstate);
  pic_pushlightuserdata(L, &args);
  status = pich_run(L, PROGNAME, o.fuel);
  pic_settop(L, 0);
  if (status == EXIT_SUCCESS) {
    if (pic_loadimage(L, image, size, chunkname) != PIC_OK) {
      message(pic_tostring(L, -1));
      status = EXIT_FAILURE;
    } else {
      /* generational mode, as lua.c; entered once the image is loaded, so
      ** that the libraries and the program's code start old (entered before,
      ** the first major collection would find them all live: a bad one) */
      pic_gc(L, PIC_GCGEN, 0, 0);
      status = pich_runscript(L, PROGNAME, o.fuel);
    }
  }
  free(image);
  if (o.stats)
    printstats(L);
  pic_close(L);
  return status;
}
