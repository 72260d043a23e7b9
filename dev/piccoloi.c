/*
** piccoloi.c -- the developer command: a lua-like interpreter that links the
** compiler and the runtime. Module: dev (never part of the runtime).
**
**   piccoloi [options] [FILE.lua|IMAGE [ARGS...]]
**     -e STAT  execute STAT      -i  interactive after the script
**     -l [G=]MOD  G = require MOD    -W  warnings on    -E  ignore LUA_INIT
**     -v       versions          --  stop handling options      -  read stdin
** With no script and a terminal on stdin it starts an interactive prompt.
** It installs the compiler as the state's source compiler, so `load`,
** `loadfile`, `dofile`, `require` and this command accept source text as
** well as images. As lua.c: messages start with argv[0], -i implies -v, the
** prompts are tostring(_PROMPT) and tostring(_PROMPT2), SIGINT interrupts
** the running chunk (pich_run), and the script's arguments are those in the
** table 'arg' once the options ran.
*/
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "compiler/compiler.h"
#include "format/image.h"
#include "runtime/phost.h"
#include "runtime/picaux.h"
#include "runtime/piccolo.h"
#include "stdlib/iolib.h"

/* The name in messages: argv[0], or PROGNAME when that is empty (lua.c's). */
#define PROGNAME "piccoloi"
static const char *progname = PROGNAME;

/* The source compiler hook (pic_SourceCompiler): source -> uncompressed image. */
static int compilesource(void *ud, const char *src, size_t len, const char *chunkname,
                         unsigned char **out, size_t *outlen) {
  pcm_Pool pool;
  pcc_Options opt = {2, 0, 1, 0};   /* load() strings; files are pre-skipped */
  const char *err = NULL;
  fmt_Proto *main;
  fmt_Image img;
  fmt_Chunk chunk;
  fmt_WriteOptions wo = {0, 0};
  fmt_Status st;
  int rc = 0;
  (void)ud;
  pcm_init(&pool);
  main = pcc_compile_chunk(&pool, chunkname, src, len, &opt, &err);
  if (main == NULL) {
    const char *m = err != NULL ? err : "not enough memory";
    *out = (unsigned char *)strdup(m);
    rc = 1;
  } else {
    memset(&chunk, 0, sizeof(chunk));
    chunk.main = main;
    img.nchunks = 1;
    img.chunks = &chunk;
    img.stripped = 0;
    st = fmt_image_write(&img, &wo, pcm_allocator(&pool), out, outlen);
    if (st != FMT_OK) {
      *out = (unsigned char *)strdup(fmt_status_name(st));
      rc = 1;
    } else {
      unsigned char *copy = malloc(*outlen);  /* the pool is freed below */
      if (copy != NULL)
        memcpy(copy, *out, *outlen);
      *out = copy;
      if (copy == NULL)
        rc = 1;
    }
  }
  pcm_free_all(&pool);
  return rc;
}

/* Reports the bad option [opt] and prints the usage (lua.c's print_usage). */
static void usage(const char *opt) {
  if (opt[1] == 'e' || opt[1] == 'l')
    fprintf(stderr, "%s: '%s' needs argument\n", progname, opt);
  else
    fprintf(stderr, "%s: unrecognized option '%s'\n", progname, opt);
  fprintf(stderr,
          "usage: %s [options] [script [args]]\n"
          "Available options are:\n"
          "  -e stat   execute string 'stat'\n"
          "  -i        enter interactive mode after executing 'script'\n"
          "  -l mod    require library 'mod' into global 'mod'\n"
          "  -l g=mod  require library 'mod' into global 'g'\n"
          "  -v        show version information\n"
          "  -E        ignore environment variables\n"
          "  -W        turn warnings on\n"
          "  --        stop handling options\n"
          "  -         stop handling options and execute stdin\n",
          progname);
}

/* What the options ask for (-e and -l run later, in order). */
typedef struct Options {
  int script;        /* index of the script in argv (0: none) */
  int interactive;   /* -i */
  int version;       /* -v, or -i */
  int noenv;         /* -E */
  int warnon;        /* -W */
} Options;

/* Scans the options as lua.c's collectargs, filling [o]. Returns 0, or the
** index in argv of a bad option: unknown, with extra characters ("-ix",
** "--x"), or -e/-l without an argument (none, or one starting with '-'). */
static int collectargs(int argc, char **argv, Options *o) {
  int i;
  memset(o, 0, sizeof(*o));
  for (i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (a[0] != '-' || a[1] == '\0')   /* the script, or "-": standard input */
      break;
    if (strcmp(a, "--") == 0) {   /* the script, if any, follows */
      i++;
      break;
    }
    if (a[1] == 'e' || a[1] == 'l') {   /* the argument: the rest, or the next one */
      if (a[2] == '\0') {
        if (i + 1 >= argc || argv[i + 1][0] == '-')
          return i;
        i++;
      }
    } else if (a[2] != '\0') {
      return i;
    } else if (a[1] == 'i') {
      o->interactive = 1;
      o->version = 1;
    } else if (a[1] == 'v') {
      o->version = 1;
    } else if (a[1] == 'E') {
      o->noenv = 1;
    } else if (a[1] == 'W') {
      o->warnon = 1;
    } else {
      return i;
    }
  }
  o->script = i < argc ? i : 0;
  return 0;
}

/* Reads a whole stream; NULL on failure. */
static char *readstream(FILE *f, size_t *size) {
  size_t len = 0, cap = 4096;
  char *buf = malloc(cap);
  while (buf != NULL) {
    size_t n = fread(buf + len, 1, cap - len, f);
    len += n;
    if (n == 0)
      break;
    if (len == cap) {
      char *nb = realloc(buf, cap * 2);
      if (nb == NULL) {
        free(buf);
        return NULL;
      }
      buf = nb;
      cap *= 2;
    }
  }
  *size = len;
  return buf;
}

/* Loads [data] and runs it without arguments (lua.c's dochunk) or, when
** [script], as the script, with those in 'arg' (lua.c's handle_script).
** The stack must be empty; it is left empty. Returns 0 or an exit status
** (message printed). */
static int dochunk(pic_State *L, const char *data, size_t len, const char *name, int script) {
  int st;
  if (pic_load(L, data, len, name, NULL) != PIC_OK) {
    fprintf(stderr, "%s: %s\n", progname, pic_tostring(L, -1));
    pic_settop(L, 0);
    return 1;
  }
  if (script) {
    st = pich_runscript(L, progname, -1);
  } else {
    pic_pushcfunction(L, pich_runchunk);
    pic_insert(L, 1);
    st = pich_run(L, progname, -1);
  }
  pic_settop(L, 0);
  return st;
}

/* Runs file [path] ("-": standard input) as dochunk does; returns 0 or an
** exit status (message printed). */
static int dofile(pic_State *L, const char *path, int script) {
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  char *data;
  size_t len;
  char name[1024];
  size_t skip;
  int st;
  if (f == NULL) {
    fprintf(stderr, "%s: cannot open %s: %s\n", progname, path, strerror(errno));
    return 1;
  }
  data = readstream(f, &len);
  if (f != stdin)
    fclose(f);
  if (data == NULL) {
    fprintf(stderr, "%s: cannot read %s\n", progname, path);
    return 1;
  }
  snprintf(name, sizeof(name), "%s%s", f == stdin ? "=" : "@", f == stdin ? "stdin" : path);
  /* skip a BOM and a first line starting with '#', as lua does */
  skip = picI_skipheader(data, len);
  st = dochunk(L, data + skip, len - skip, name, script);
  free(data);
  return st;
}

/* What reading an input line can end with besides a line (readline_) or a
** load status (loadline, multiline). */
#define LINE_EOF    (-1)   /* the end of input */
#define LINE_FAILED (-2)   /* the prompt's conversion failed (message printed) */

/* Continuation of getprompt with [firstline, globals, prompt value]. */
static int getprompt_k(pic_State *L, int status, pic_KContext ctx) {
  (void)status;
  (void)ctx;
  if (pic_isnil(L, 3)) {
    pic_pushstring(L, pic_toboolean(L, 1) ? "> " : ">> ");
    return 1;
  }
  if (!picL_tolstring_m(L, 3))
    return pic_callnoyieldk(L, 1, 1, 0, picL_tolstring_k);
  return 1;
}

/* A C function (lua.c's get_prompt): returns tostring(_PROMPT) when its
** argument is true, else tostring(_PROMPT2), or the default prompt when
** that global is nil. */
static int getprompt(pic_State *L) {
  int nargs;
  pic_settop(L, 1);
  pic_pushglobaltable(L);
  if (pic_getfield_m(L, 2, pic_toboolean(L, 1) ? "_PROMPT" : "_PROMPT2", &nargs) != PIC_OK)
    return pic_callk(L, nargs, 1, 0, getprompt_k);
  return getprompt_k(L, PIC_OK, 0);
}

/* Prints the prompt (_PROMPT when [firstline], else _PROMPT2; converted on
** the executor, so the stack must be empty) and reads one line without its
** newline into *line, a buffer the next call reuses (lua.c's pushline).
** Input that is not a terminal is echoed after the prompt, as Debian's
** lua5.4 (built with GNU readline) does, so that a piped session reads as
** a typed one.
** Returns 0, LINE_EOF or LINE_FAILED (the error reported without the
** program name, as all errors at the prompt); leaves the stack empty. */
static int readline_(pic_State *L, int firstline, const char **line) {
  static char buf[4096];
  size_t l;
  pic_pushcfunction(L, getprompt);
  pic_pushboolean(L, firstline);
  if (pich_run(L, NULL, -1) != 0) {
    pic_settop(L, 0);
    return LINE_FAILED;
  }
  fputs(pic_tostring(L, -1), stdout);
  fflush(stdout);
  pic_settop(L, 0);
  if (fgets(buf, sizeof(buf), stdin) == NULL)
    return LINE_EOF;
  l = strlen(buf);
  if (!isatty(fileno(stdin))) {
    fputs(buf, stdout);
    if (l == 0 || buf[l - 1] != '\n')
      fputs("\n", stdout);
    fflush(stdout);
  }
  if (l > 0 && buf[l - 1] == '\n')
    buf[l - 1] = '\0';
  *line = buf;
  return 0;
}

/* A malloc'ed concatenation of [a], [b] and [c]; NULL when out of memory. */
static char *concat3(const char *a, const char *b, const char *c) {
  size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
  char *s = malloc(la + lb + lc + 1);
  if (s != NULL) {
    memcpy(s, a, la);
    memcpy(s + la, b, lb);
    memcpy(s + la + lb, c, lc + 1);
  }
  return s;
}

/* Is [msg] a syntax error at the end of the input (more lines may fix it)? */
static int incomplete(const char *msg) {
  size_t l = strlen(msg);
  return l >= 5 && strcmp(msg + l - 5, "<eof>") == 0;
}

/* Loads [line] as an expression, "return LINE;" (lua.c's addreturn): pushes
** the function and returns PIC_OK, or pushes nothing and returns an error. */
static int addreturn(pic_State *L, const char *line) {
  char *ret = concat3("return ", line, ";");
  int st;
  if (ret == NULL)
    return PIC_ERRMEM;
  st = pic_load(L, ret, strlen(ret), "=stdin", NULL);
  free(ret);
  if (st != PIC_OK)
    pic_pop(L, 1);
  return st;
}

/* Loads the statement [chunk] (malloc'ed; freed here) on an empty stack,
** reading continuation lines while its syntax error is at <eof> (lua.c's
** multiline). Pushes the function or the error message and returns the
** load status, or returns LINE_FAILED (stack empty); at the end of input
** the status is the last syntax error's, loaded again (Debian's lua5.4,
** 5.4.4, has popped it there and prints "(null)"). */
static int multiline(pic_State *L, char *chunk) {
  for (;;) {
    int st = pic_load(L, chunk, strlen(chunk), "=stdin", NULL);
    const char *more;
    char *longer = NULL;
    if (st == PIC_OK || !incomplete(pic_tostring(L, -1))) {
      free(chunk);
      return st;
    }
    pic_pop(L, 1);
    st = readline_(L, 0, &more);
    if (st == 0)
      longer = concat3(chunk, "\n", more);
    if (longer == NULL) {
      if (st != LINE_FAILED)
        st = pic_load(L, chunk, strlen(chunk), "=stdin", NULL);
      free(chunk);
      return st;
    }
    free(chunk);
    chunk = longer;
  }
}

/* Reads and loads one input (lua.c's loadline) on an empty stack: a first
** line "=EXP" reads as "return EXP", and a line is tried as an expression
** before a statement. Pushes the function or the error message and returns
** the load status, or returns LINE_EOF or LINE_FAILED (stack empty). */
static int loadline(pic_State *L) {
  const char *line;
  char *chunk;
  int st = readline_(L, 1, &line);
  if (st != 0)
    return st;
  chunk = line[0] == '=' ? concat3("return ", line + 1, "") : concat3(line, "", "");
  if (chunk == NULL) {
    pic_pushliteral(L, "not enough memory");
    return PIC_ERRMEM;
  }
  if (addreturn(L, chunk) == PIC_OK) {
    free(chunk);
    return PIC_OK;
  }
  return multiline(L, chunk);
}

/* Continuation of printresults: print's error becomes lua.c's message. */
static int printresults_k(pic_State *L, int status, pic_KContext ctx) {
  (void)ctx;
  if (status == PIC_OK)
    return 0;
  pic_pushfstring(L, "error calling 'print' (%s)", pic_tostring(L, -1));
  return pic_error(L);
}

/* A C function: calls print with its arguments, protected (lua.c's l_print). */
static int printresults(pic_State *L) {
  pic_getglobal(L, "print");
  pic_insert(L, 1);
  return pic_pcallk(L, pic_gettop(L) - 1, 0, 0, 0, printresults_k);
}

/* Runs the line loaded on top (pich_runchunk below it, nothing else on the
** stack) and prints its results; an error is reported without the program
** name, as lua.c's REPL does, and resets the main thread (pic_closethread)
** so that the next line can start. Leaves the stack empty. */
static void runline(pic_State *L) {
  int st = pich_run(L, NULL, -1);
  if (st == 0 && pic_gettop(L) > 0) {
    pic_pushcfunction(L, printresults);
    pic_insert(L, 1);
    st = pich_run(L, NULL, -1);
  }
  if (st != 0)
    (void)pic_closethread(L, L);
  pic_settop(L, 0);
}

/* The interactive prompt (lua.c's doREPL), until the end of input; returns
** 0, or an exit status when a prompt's conversion failed (message printed). */
static int repl(pic_State *L) {
  int st;
  pic_settop(L, 0);
  while ((st = loadline(L)) != LINE_EOF) {
    if (st == LINE_FAILED)
      return 1;
    if (st == PIC_OK) {
      pic_pushcfunction(L, pich_runchunk);
      pic_insert(L, 1);
      runline(L);
    } else {
      fprintf(stderr, "%s\n", pic_tostring(L, -1));
      fflush(stderr);
      pic_settop(L, 0);
    }
  }
  fputs("\n", stdout);
  return 0;
}

/* Continuation of dolib: sets global (stack 1) to require's result. */
static int dolib_k(pic_State *L, int status, pic_KContext ctx) {
  (void)status;
  (void)ctx;
  pic_setglobal(L, pic_tostring(L, 1));
  return 0;
}

/* global (stack 1) = require(module (stack 2)), on the executor. */
static int dolib(pic_State *L) {
  pic_getglobal(L, "require");
  pic_pushvalue(L, 2);
  return pic_callk(L, 1, 1, 0, dolib_k);
}

/* Runs option -l [spec] ("mod" or "g=mod"); returns 0 or an exit status. */
static int dolibrary(pic_State *L, const char *spec) {
  const char *eq = strchr(spec, '=');
  pic_pushcfunction(L, dolib);
  if (eq != NULL) {
    pic_pushlstring(L, spec, (size_t)(eq - spec));
    pic_pushstring(L, eq + 1);
  } else {
    pic_pushstring(L, spec);
    pic_pushstring(L, spec);
  }
  return pich_run(L, progname, -1);
}

/* Where require looks for modules: source first (this binary compiles it),
** then images; lua5.4's Debian directories, then the current one. */
#define SOURCE_PATH_DEFAULT \
  "/usr/local/share/lua/5.4/?.lua;/usr/local/share/lua/5.4/?/init.lua;" \
  "/usr/local/lib/lua/5.4/?.lua;/usr/local/lib/lua/5.4/?/init.lua;" \
  "/usr/share/lua/5.4/?.lua;/usr/share/lua/5.4/?/init.lua;" \
  "./?.lua;./?/init.lua;./?.pci;./?/init.pci"

/* Where require looks for C modules: lua5.4's Debian default, for its
** messages; piccolo loads none (found, one fails to load: "dynamic
** libraries not enabled"). */
#define CPATH_DEFAULT \
  "/usr/local/lib/lua/5.4/?.so;/usr/lib/x86_64-linux-gnu/lua/5.4/?.so;" \
  "/usr/lib/lua/5.4/?.so;/usr/local/lib/lua/5.4/loadall.so;./?.so"

/* As lua.c (loadlib's setpath): package[field] from the environment
** variable [var54] or else [var] (";;" standing for [dft]), or [dft];
** -E ([noenv]) ignores the variables. */
static void setpath(pic_State *L, const char *field, const char *var54, const char *var,
                    const char *dft, int noenv) {
  const char *v = noenv ? NULL : getenv(var54);
  const char *dd;
  if (v == NULL && !noenv)
    v = getenv(var);
  pic_getglobal(L, "package");
  if (pic_type(L, -1) != PIC_TTABLE) {
    pic_pop(L, 1);
    return;
  }
  if (v == NULL) {
    pic_pushstring(L, dft);
  } else if ((dd = strstr(v, ";;")) == NULL) {
    pic_pushstring(L, v);
  } else {   /* one ";;" is replaced, as lua.c does */
    size_t pre = (size_t)(dd - v);
    pic_pushlstring(L, v, pre);
    pic_pushstring(L, pre > 0 ? ";" : "");
    pic_pushstring(L, dft);
    pic_pushstring(L, dd[2] != '\0' ? ";" : "");
    pic_pushstring(L, dd + 2);
    pic_concat_raw(L, 5);
  }
  pic_rawsetfield(L, -2, field);
  pic_pop(L, 1);
}

/* As lua.c: runs LUA_INIT_5_4 or LUA_INIT ("@file" or a chunk), if set. */
static int doinit(pic_State *L) {
  const char *name = "=LUA_INIT_5_4";
  const char *init = getenv(name + 1);
  if (init == NULL) {
    name = "=LUA_INIT";
    init = getenv(name + 1);
  }
  if (init == NULL)
    return 0;
  if (init[0] == '@')
    return dofile(L, init + 1, 0);
  return dochunk(L, init, strlen(init), name, 0);
}

int main(int argc, char **argv) {
  pic_State *L;
  pich_Args args;
  Options o;
  int i, script, bad, status = 0, ranany = 0;
  pich_initprocess();
  if (argv[0] != NULL && argv[0][0] != '\0')
    progname = argv[0];
  bad = collectargs(argc, argv, &o);
  if (bad != 0) {
    usage(argv[bad]);
    return 1;
  }
  script = o.script;
  if (o.version) {   /* ends as lua.c's banner, which scripts look for (the test suite's main.lua) */
    printf("%s (image format %d.%d), the %s language of Lua.org, PUC-Rio\n", PIC_VERSION,
           FMT_VERSION_MAJOR, FMT_VERSION_MINOR, PIC_LUA_VERSION);
    ranany = 1;
  }
  L = pic_newstate(NULL, NULL);
  if (L == NULL) {
    fprintf(stderr, "%s: cannot create state\n", progname);
    return 1;
  }
  pic_setcaps(L, PIC_CAP_ALL);
  pich_setwarnings(L);
  pic_setsourcecompiler(L, compilesource, NULL);
  pic_pushcfunction(L, pich_setupstate);
  pic_pushlightuserdata(L, &args);
  args.openlibs = pic_openlibs;
  args.argv = argv;
  args.argc = argc;
  args.script = script;   /* 0 (no script): arg[0] is the program name, as lua.c */
  status = pich_run(L, progname, -1);
  pic_settop(L, 0);
  /* generational mode as lua.c enters it: once the libraries are open, so
  ** that they start old (entered before, the first major collection found
  ** them all live, judged itself bad and collectgarbage("step") answered
  ** true where lua5.4 answers false) */
  pic_gc(L, PIC_GCGEN, 0, 0);
  if (status == 0) {
    setpath(L, "path", "LUA_PATH_5_4", "LUA_PATH", SOURCE_PATH_DEFAULT, o.noenv);
    setpath(L, "cpath", "LUA_CPATH_5_4", "LUA_CPATH", CPATH_DEFAULT, o.noenv);
  }
  if (status == 0 && o.warnon)
    pic_warning(L, "@on", 0);
  if (status == 0 && !o.noenv)
    status = doinit(L);
  for (i = 1; i < (script ? script : argc) && status == 0; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--") == 0 || strcmp(a, "-") == 0)
      break;
    if (a[0] == '-' && (a[1] == 'e' || a[1] == 'l')) {
      const char *val = a[2] != '\0' ? a + 2 : argv[++i];
      if (a[1] == 'e') {
        status = dochunk(L, val, strlen(val), "=(command line)", 0);
        ranany = 1;
      } else {
        status = dolibrary(L, val);
      }
    }
  }
  if (status == 0 && script) {
    status = dofile(L, argv[script], 1);
  } else if (status == 0 && !ranany) {   /* no -e, -v or -i */
    if (isatty(0)) {
      printf("%s (%s)  -- developer interpreter\n", PIC_VERSION, PIC_LUA_VERSION);
      status = repl(L);
    } else {
      status = dofile(L, "-", 0);
    }
  }
  if (status == 0 && o.interactive)
    status = repl(L);
  pic_close(L);
  return status;
}
