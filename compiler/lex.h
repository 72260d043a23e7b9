/*
** lex.h -- the Lua 5.4 lexer: source bytes to tokens, string interning,
** and the error exit shared by the whole compiler.
** Module: pcl (compiler lexer).
**
** Errors unwind with longjmp to pcl_State.errjmp, carrying a message in
** pcl_State.errmsg formatted as luac does ("FILE:LINE: MESSAGE near 'TOKEN'").
** Every allocation comes from pcl_State.pool, so unwinding leaks nothing.
*/
#ifndef PCL_LEX_H
#define PCL_LEX_H

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>

#include "compiler/mem.h"

#define PCL_FIRST_RESERVED 257

/* Tokens; single-char tokens are their own character code. ORDER RESERVED */
enum {
  TK_AND = PCL_FIRST_RESERVED, TK_BREAK, TK_DO, TK_ELSE, TK_ELSEIF, TK_END,
  TK_FALSE, TK_FOR, TK_FUNCTION, TK_GOTO, TK_IF, TK_IN, TK_LOCAL, TK_NIL,
  TK_NOT, TK_OR, TK_REPEAT, TK_RETURN, TK_THEN, TK_TRUE, TK_UNTIL, TK_WHILE,
  TK_IDIV, TK_CONCAT, TK_DOTS, TK_EQ, TK_GE, TK_LE, TK_NE, TK_SHL, TK_SHR,
  TK_DBCOLON, TK_EOS, TK_FLT, TK_INT, TK_NAME, TK_STRING
};

#define PCL_NUM_RESERVED ((int)(TK_WHILE - PCL_FIRST_RESERVED + 1))

/* An interned string: equal contents <=> same pointer. s[len] == 0. */
typedef struct pcl_Str {
  struct pcl_Str *next;   /* hash chain */
  uint32_t len;
  uint32_t hash;
  int reserved;           /* 1 + index of the reserved word, or 0 */
  char s[];
} pcl_Str;

typedef union pcl_SemInfo {
  double r;
  int64_t i;
  pcl_Str *ts;
} pcl_SemInfo;

typedef struct pcl_Token {
  int token;
  pcl_SemInfo seminfo;
} pcl_Token;

struct pck_FuncState;
struct pck_Dyndata;
struct pci_Table;

/* Most load texts (pcl_State.loadtexts) one chunk records. */
#define PCL_MAXLOADTEXTS 256

typedef struct pcl_State {
  /* input */
  const char *src;
  size_t srclen;
  size_t pos;
  int current;            /* current character (-1 at end) */
  int linenumber;         /* line of the current character */
  int lastline;           /* line of the last token consumed */
  pcl_Token t;            /* current token */
  pcl_Token lookahead;    /* TK_EOS when absent */
  /* token text buffer */
  char *buff;
  size_t nbuff, buffsize;
  /* interned strings */
  pcl_Str **strtab;
  uint32_t strsize, nstr;
  pcl_Str *source;        /* chunk name ("@file" or "=stdin") */
  pcl_Str *envn;          /* "_ENV" */
  pcl_Str *brkn;          /* "break" */
  /* parser state */
  struct pck_FuncState *fs;
  struct pck_Dyndata *dyd;
  int nlevels;            /* current syntactic nesting depth */
  int peaklevels;         /* deepest nlevels since the parser last reset it */
  int optlevel;           /* pcc_Options.optlevel: 2 rotates while loops */
  int extops;             /* may emit format 1.1's GETTABUPR/SETTABUPR (-O2) */
  /* string literals given as load's (or loadstring's) first argument
  ** (load"..." or load("...", ...)), which pcc_compile precompiles (image-format.md);
  ** at most PCL_MAXLOADTEXTS */
  pcl_Str **loadtexts;
  uint32_t nloadtexts, loadtextsize;
  /* inline expansion (inline.h): the candidate table, NULL when off; the
  ** number of local declarations made so far (a declaration's identity,
  ** the same in both passes); whether the name or string "debug" occurs */
  struct pci_Table *inl;
  int ndecl;
  int seesdebug;
  /* self-calls (parse.c "self reads"): which declarations are assigned
  ** (one byte per declaration number, as far as sizeassigned), and the
  ** functions whose GETUPVAL of their own `local function` name is marked
  ** (k = 1) until the chunk's end shows whether the mark may stay */
  uint8_t *assigned;
  int sizeassigned;
  struct pcp_SelfRead *selfreads;
  int nselfreads, sizeselfreads;
  pcl_Str *debugn;
  /* memory and errors */
  pcm_Pool *pool;
  jmp_buf errjmp;
  char *errmsg;           /* set before longjmp */
} pcl_State;

/* A lexer position between tokens (no lookahead pending), to lex a
** stretch of source again: inline expansion reads a function's body at
** each call site it expands. */
typedef struct pcl_Mark {
  size_t pos;
  int current, linenumber, lastline;
  pcl_Token t;
} pcl_Mark;

/* Records the current position in *m; 0 (nothing recorded) when a
** lookahead token is pending. */
int pcl_mark(pcl_State *ls, pcl_Mark *m);

/* Goes back (or forward) to position [m]: the current token becomes m's. */
void pcl_gotomark(pcl_State *ls, const pcl_Mark *m);

/* Prepares [ls] to lex [src] (srclen bytes) named [source]; when
** [skiphdr] (a file's contents) skips a UTF-8 BOM and a first line starting
** with '#'. Raises on memory errors. */
void pcl_init(pcl_State *ls, pcm_Pool *pool, const char *source,
              const char *src, size_t srclen, int skiphdr);

/* Advances to the next token (into ls->t). */
void pcl_next(pcl_State *ls);

/* Returns the token after the current one without consuming it. */
int pcl_lookahead(pcl_State *ls);

/* Interns [len] bytes at [s]. */
pcl_Str *pcl_newstring(pcl_State *ls, const char *s, size_t len);

/* Text of [token] for messages: "'x'", "'end'" or "<eof>". */
const char *pcl_token2str(pcl_State *ls, int token);

/* Raises "FILE:LINE: [msg] near TOKEN" for the current token. */
_Noreturn void pcl_syntaxerror(pcl_State *ls, const char *msg);

/* Raises "FILE:LINE: [msg]" (no token). */
_Noreturn void pcl_semerror(pcl_State *ls, const char *msg);

/* Raises "not enough memory". */
_Noreturn void pcl_memerror(pcl_State *ls);

/* printf-style formatting into a pool string (raises on memory errors). */
char *pcl_fmt(pcl_State *ls, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Resizes [p] to [n] bytes from the pool, raising on failure. */
void *pcl_realloc(pcl_State *ls, void *p, size_t n);

/* Writes Lua's printable chunk id for [source] into out[60]. */
void pcl_chunkid(char *out, const char *source, size_t srclen);

/* Converts a numeral as Lua does (lua_stringtonumber without sign/space
** handling beyond Lua's): returns 1 and sets *isint and *i or *n, or 0. */
int pcl_str2num(const char *s, int *isint, int64_t *i, double *n);

#endif
