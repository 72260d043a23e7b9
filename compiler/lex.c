/*
** lex.c -- the Lua 5.4 lexer (tokens, numerals, escapes, long brackets),
** string interning and the compiler's error exit.
** Module: pcl (compiler lexer). Follows PUC-Rio llex.c token for token.
*/
#include "compiler/lex.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EOZ (-1)

static const char *const tokens[] = {
  "and", "break", "do", "else", "elseif", "end", "false", "for", "function",
  "goto", "if", "in", "local", "nil", "not", "or", "repeat", "return", "then",
  "true", "until", "while",
  "//", "..", "...", "==", ">=", "<=", "~=", "<<", ">>", "::", "<eof>",
  "<number>", "<integer>", "<name>", "<string>"
};

/* ASCII-only character classes, as Lua's lctype (locale independent). */
static int l_isalpha(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
static int l_isdigit(int c) { return c >= '0' && c <= '9'; }
static int l_isalnum(int c) { return l_isalpha(c) || l_isdigit(c); }
static int l_isxdigit(int c) {
  return l_isdigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
static int l_isspace(int c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}
static int l_isprint(int c) { return c >= 32 && c < 127; }
static int hexavalue(int c) {
  return l_isdigit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
}

/* ---------------------------------------------------------------- memory */

void *pcl_realloc(pcl_State *ls, void *p, size_t n) {
  void *r = pcm_realloc(ls->pool, p, n);
  if (r == NULL && n > 0) pcl_memerror(ls);
  return r;
}

char *pcl_fmt(pcl_State *ls, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) n = 0;
  char *s = pcm_realloc(ls->pool, NULL, (size_t)n + 1);
  if (s == NULL) pcl_memerror(ls);
  va_start(ap, fmt);
  vsnprintf(s, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return s;
}

_Noreturn void pcl_memerror(pcl_State *ls) {
  static char msg[] = "not enough memory";
  ls->errmsg = msg;
  longjmp(ls->errjmp, 1);
}

/* ---------------------------------------------------------------- strings */

static uint32_t hash_bytes(const char *s, size_t len) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

static void grow_strtab(pcl_State *ls) {
  uint32_t nsize = ls->strsize ? ls->strsize * 2 : 256;
  pcl_Str **nt = pcl_realloc(ls, NULL, nsize * sizeof(pcl_Str *));
  memset(nt, 0, nsize * sizeof(pcl_Str *));
  for (uint32_t i = 0; i < ls->strsize; i++) {
    pcl_Str *s = ls->strtab[i];
    while (s) {
      pcl_Str *next = s->next;
      uint32_t b = s->hash & (nsize - 1);
      s->next = nt[b];
      nt[b] = s;
      s = next;
    }
  }
  pcl_realloc(ls, ls->strtab, 0);
  ls->strtab = nt;
  ls->strsize = nsize;
}

pcl_Str *pcl_newstring(pcl_State *ls, const char *s, size_t len) {
  if (len > UINT32_MAX - 1) pcl_semerror(ls, "string too long");
  uint32_t h = hash_bytes(s, len);
  if (ls->strsize) {
    for (pcl_Str *e = ls->strtab[h & (ls->strsize - 1)]; e; e = e->next)
      if (e->hash == h && e->len == len && memcmp(e->s, s, len) == 0) return e;
  }
  if (ls->nstr >= ls->strsize) grow_strtab(ls);
  pcl_Str *ns = pcl_realloc(ls, NULL, sizeof(pcl_Str) + len + 1);
  memcpy(ns->s, s, len);
  ns->s[len] = '\0';
  ns->len = (uint32_t)len;
  ns->hash = h;
  ns->reserved = 0;
  uint32_t b = h & (ls->strsize - 1);
  ns->next = ls->strtab[b];
  ls->strtab[b] = ns;
  ls->nstr++;
  return ns;
}

/* ---------------------------------------------------------------- errors */

void pcl_chunkid(char *out, const char *source, size_t srclen) {
  size_t bufflen = 60; /* LUA_IDSIZE */
  if (*source == '=') {
    if (srclen <= bufflen) memcpy(out, source + 1, srclen);
    else {
      memcpy(out, source + 1, bufflen - 1);
      out[bufflen - 1] = '\0';
    }
  } else if (*source == '@') {
    if (srclen <= bufflen) memcpy(out, source + 1, srclen);
    else {
      memcpy(out, "...", 3);
      bufflen -= 3;
      memcpy(out + 3, source + 1 + srclen - bufflen, bufflen);
    }
  } else {
    const char *nl = strchr(source, '\n');
    size_t room = bufflen - sizeof("[string \"...\"]");
    char *o = out;
    memcpy(o, "[string \"", 9);
    o += 9;
    if (srclen < room && nl == NULL) {
      memcpy(o, source, srclen);
      o += srclen;
    } else {
      if (nl != NULL) srclen = (size_t)(nl - source);
      if (srclen > room) srclen = room;
      memcpy(o, source, srclen);
      o += srclen;
      memcpy(o, "...", 3);
      o += 3;
    }
    memcpy(o, "\"]", 3);
  }
}

const char *pcl_token2str(pcl_State *ls, int token) {
  if (token < PCL_FIRST_RESERVED) {
    if (l_isprint(token)) return pcl_fmt(ls, "'%c'", token);
    return pcl_fmt(ls, "'<\\%d>'", token);
  }
  const char *s = tokens[token - PCL_FIRST_RESERVED];
  if (token < TK_EOS) return pcl_fmt(ls, "'%s'", s);
  return s;
}

static void save(pcl_State *ls, int c);

static const char *txt_token(pcl_State *ls, int token) {
  switch (token) {
    case TK_NAME: case TK_STRING: case TK_FLT: case TK_INT:
      save(ls, '\0');
      return pcl_fmt(ls, "'%s'", ls->buff);
    default:
      return pcl_token2str(ls, token);
  }
}

static _Noreturn void lexerror(pcl_State *ls, const char *msg, int token) {
  char id[64];
  pcl_chunkid(id, ls->source->s, ls->source->len);
  if (token)
    ls->errmsg = pcl_fmt(ls, "%s:%d: %s near %s", id, ls->linenumber, msg,
                         txt_token(ls, token));
  else
    ls->errmsg = pcl_fmt(ls, "%s:%d: %s", id, ls->linenumber, msg);
  longjmp(ls->errjmp, 1);
}

_Noreturn void pcl_syntaxerror(pcl_State *ls, const char *msg) {
  lexerror(ls, msg, ls->t.token);
}

_Noreturn void pcl_semerror(pcl_State *ls, const char *msg) {
  lexerror(ls, msg, 0);
}

/* ---------------------------------------------------------------- input */

static void next(pcl_State *ls) {
  ls->current = ls->pos < ls->srclen ? (unsigned char)ls->src[ls->pos++] : EOZ;
}

static void save(pcl_State *ls, int c) {
  if (ls->nbuff + 1 > ls->buffsize) {
    size_t ns = ls->buffsize ? ls->buffsize * 2 : 64;
    ls->buff = pcl_realloc(ls, ls->buff, ns);
    ls->buffsize = ns;
  }
  ls->buff[ls->nbuff++] = (char)c;
}

static void save_and_next(pcl_State *ls) {
  save(ls, ls->current);
  next(ls);
}

static int curr_is_newline(pcl_State *ls) {
  return ls->current == '\n' || ls->current == '\r';
}

/* Skips \n, \r, \n\r or \r\n. */
static void inclinenumber(pcl_State *ls) {
  int old = ls->current;
  next(ls);
  if (curr_is_newline(ls) && ls->current != old) next(ls);
  if (++ls->linenumber >= 0x7fffffff) lexerror(ls, "chunk has too many lines", 0);
}

void pcl_init(pcl_State *ls, pcm_Pool *pool, const char *source,
              const char *src, size_t srclen, int skiphdr) {
  memset(&ls->t, 0, sizeof ls->t);
  ls->pool = pool;
  ls->src = src;
  ls->srclen = srclen;
  ls->pos = 0;
  ls->linenumber = 1;
  ls->lastline = 1;
  ls->lookahead.token = TK_EOS;
  ls->t.token = 0;
  ls->buff = NULL;
  ls->nbuff = ls->buffsize = 0;
  ls->strtab = NULL;
  ls->strsize = ls->nstr = 0;
  ls->fs = NULL;
  ls->dyd = NULL;
  ls->nlevels = 0;
  ls->peaklevels = 0;
  ls->optlevel = 2;   /* the defaults; pcc_compile_chunk sets the options' */
  ls->extops = 1;
  ls->errmsg = NULL;
  ls->loadtexts = NULL;
  ls->nloadtexts = ls->loadtextsize = 0;
  ls->inl = NULL;
  ls->ndecl = 0;
  ls->seesdebug = 0;
  ls->assigned = NULL;
  ls->sizeassigned = 0;
  ls->selfreads = NULL;
  ls->nselfreads = ls->sizeselfreads = 0;
  ls->source = pcl_newstring(ls, source, strlen(source));
  ls->envn = pcl_newstring(ls, "_ENV", 4);
  ls->brkn = pcl_newstring(ls, "break", 5);
  ls->debugn = pcl_newstring(ls, "debug", 5);
  for (int i = 0; i < PCL_NUM_RESERVED; i++) {
    pcl_Str *ts = pcl_newstring(ls, tokens[i], strlen(tokens[i]));
    ts->reserved = i + 1;
  }
  /* like luaL_loadfilex: skip a BOM, then a first line starting with '#'
  ** (keeping its newline so line numbers stay right) */
  if (skiphdr && srclen >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) ls->pos = 3;
  next(ls);
  if (skiphdr && ls->current == '#') {
    while (ls->current != EOZ && ls->current != '\n' && ls->current != '\r')
      next(ls);
  }
}

/* ---------------------------------------------------------------- numerals */

static int str2int(const char *s, int64_t *result) {
  uint64_t a = 0;
  int empty = 1, neg = 0;
  while (l_isspace((unsigned char)*s)) s++;
  if (*s == '-') { s++; neg = 1; }
  else if (*s == '+') s++;
  if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    s += 2;
    for (; l_isxdigit((unsigned char)*s); s++) {
      a = a * 16 + (uint64_t)hexavalue((unsigned char)*s);
      empty = 0;
    }
  } else {
    const uint64_t maxby10 = (uint64_t)INT64_MAX / 10;
    const int maxlastd = (int)((uint64_t)INT64_MAX % 10);
    for (; l_isdigit((unsigned char)*s); s++) {
      int d = *s - '0';
      if (a >= maxby10 && (a > maxby10 || d > maxlastd + neg)) return 0;
      a = a * 10 + (uint64_t)d;
      empty = 0;
    }
  }
  while (l_isspace((unsigned char)*s)) s++;
  if (empty || *s != '\0') return 0;
  *result = (int64_t)(neg ? 0u - a : a);
  return 1;
}

static int str2d(const char *s, double *result) {
  const char *pmode = strpbrk(s, ".xXnN");
  int mode = pmode ? (*pmode | 0x20) : 0;
  if (mode == 'n') return 0; /* reject 'inf' and 'nan' */
  char *endptr;
  *result = strtod(s, &endptr);
  if (endptr == s) return 0;
  while (l_isspace((unsigned char)*endptr)) endptr++;
  return *endptr == '\0';
}

int pcl_str2num(const char *s, int *isint, int64_t *i, double *n) {
  if (str2int(s, i)) {
    *isint = 1;
    return 1;
  }
  if (str2d(s, n)) {
    *isint = 0;
    return 1;
  }
  return 0;
}

static int check_next1(pcl_State *ls, int c) {
  if (ls->current == c) {
    next(ls);
    return 1;
  }
  return 0;
}

static int check_next2(pcl_State *ls, const char *set) {
  if (ls->current == set[0] || ls->current == set[1]) {
    save_and_next(ls);
    return 1;
  }
  return 0;
}

static int read_numeral(pcl_State *ls, pcl_SemInfo *seminfo) {
  const char *expo = "Ee";
  int first = ls->current;
  save_and_next(ls);
  if (first == '0' && check_next2(ls, "xX")) expo = "Pp";
  for (;;) {
    if (check_next2(ls, expo)) check_next2(ls, "-+");
    else if (l_isxdigit(ls->current) || ls->current == '.') save_and_next(ls);
    else break;
  }
  if (l_isalpha(ls->current)) save_and_next(ls); /* force an error */
  save(ls, '\0');
  int isint;
  int64_t i;
  double n;
  if (!pcl_str2num(ls->buff, &isint, &i, &n))
    lexerror(ls, "malformed number", TK_FLT);
  ls->nbuff--; /* drop the '\0' */
  if (isint) {
    seminfo->i = i;
    return TK_INT;
  }
  seminfo->r = n;
  return TK_FLT;
}

/* ---------------------------------------------------------------- strings */

/* Reads '[=*[' or ']=*]': returns count+2 if well formed, 1 for a single
** bracket, 0 for '[=...' without the second bracket. */
static size_t skip_sep(pcl_State *ls) {
  size_t count = 0;
  int s = ls->current;
  save_and_next(ls);
  while (ls->current == '=') {
    save_and_next(ls);
    count++;
  }
  return ls->current == s ? count + 2 : (count == 0) ? 1 : 0;
}

static void read_long_string(pcl_State *ls, pcl_SemInfo *seminfo, size_t sep) {
  int line = ls->linenumber;
  save_and_next(ls); /* skip 2nd '[' */
  if (curr_is_newline(ls)) inclinenumber(ls);
  for (;;) {
    switch (ls->current) {
      case EOZ: {
        const char *what = seminfo ? "string" : "comment";
        lexerror(ls, pcl_fmt(ls, "unfinished long %s (starting at line %d)",
                             what, line), TK_EOS);
      }
      case ']':
        if (skip_sep(ls) == sep) {
          save_and_next(ls); /* skip 2nd ']' */
          goto endloop;
        }
        break;
      case '\n': case '\r':
        save(ls, '\n');
        inclinenumber(ls);
        if (!seminfo) ls->nbuff = 0;
        break;
      default:
        if (seminfo) save_and_next(ls);
        else next(ls);
    }
  }
endloop:
  if (seminfo)
    seminfo->ts = pcl_newstring(ls, ls->buff + sep, ls->nbuff - 2 * sep);
}

static void esccheck(pcl_State *ls, int c, const char *msg) {
  if (!c) {
    if (ls->current != EOZ) save_and_next(ls); /* add current to message */
    lexerror(ls, msg, TK_STRING);
  }
}

static int gethexa(pcl_State *ls) {
  save_and_next(ls);
  esccheck(ls, l_isxdigit(ls->current), "hexadecimal digit expected");
  return hexavalue(ls->current);
}

static int readhexaesc(pcl_State *ls) {
  int r = gethexa(ls);
  r = (r << 4) + gethexa(ls);
  ls->nbuff -= 2; /* remove saved chars from buffer */
  return r;
}

static unsigned long readutf8esc(pcl_State *ls) {
  unsigned long r;
  int i = 4; /* chars to be removed: '\', 'u', '{', and first digit */
  save_and_next(ls); /* skip 'u' */
  esccheck(ls, ls->current == '{', "missing '{'");
  r = (unsigned long)gethexa(ls);
  while ((save_and_next(ls), l_isxdigit(ls->current))) {
    i++;
    esccheck(ls, r <= (0x7FFFFFFFu >> 4), "UTF-8 value too large");
    r = (r << 4) + (unsigned long)hexavalue(ls->current);
  }
  esccheck(ls, ls->current == '}', "missing '}'");
  next(ls); /* skip '}' */
  ls->nbuff -= (size_t)i;
  return r;
}

/* Encodes [x] (< 2^31) as extended UTF-8 into the end of buff[8]; returns
** the number of bytes. */
static int utf8esc(char *buff, unsigned long x) {
  int n = 1;
  if (x < 0x80) buff[7] = (char)x;
  else {
    unsigned int mfb = 0x3f;
    do {
      buff[8 - (n++)] = (char)(0x80 | (x & 0x3f));
      x >>= 6;
      mfb >>= 1;
    } while (x > mfb);
    buff[8 - n] = (char)((~mfb << 1) | x);
  }
  return n;
}

static void utf8esc_save(pcl_State *ls) {
  char buff[8];
  int n = utf8esc(buff, readutf8esc(ls));
  for (; n > 0; n--) save(ls, (unsigned char)buff[8 - n]);
}

static int readdecesc(pcl_State *ls) {
  int i, r = 0;
  for (i = 0; i < 3 && l_isdigit(ls->current); i++) {
    r = 10 * r + ls->current - '0';
    save_and_next(ls);
  }
  esccheck(ls, r <= 255, "decimal escape too large");
  ls->nbuff -= (size_t)i;
  return r;
}

static void read_string(pcl_State *ls, int del, pcl_SemInfo *seminfo) {
  save_and_next(ls); /* keep delimiter (for error messages) */
  while (ls->current != del) {
    switch (ls->current) {
      case EOZ:
        lexerror(ls, "unfinished string", TK_EOS);
      case '\n': case '\r':
        lexerror(ls, "unfinished string", TK_STRING);
      case '\\': {
        int c;
        save_and_next(ls); /* keep '\\' for error messages */
        switch (ls->current) {
          case 'a': c = '\a'; goto read_save;
          case 'b': c = '\b'; goto read_save;
          case 'f': c = '\f'; goto read_save;
          case 'n': c = '\n'; goto read_save;
          case 'r': c = '\r'; goto read_save;
          case 't': c = '\t'; goto read_save;
          case 'v': c = '\v'; goto read_save;
          case 'x': c = readhexaesc(ls); goto read_save;
          case 'u': utf8esc_save(ls); goto no_save;
          case '\n': case '\r':
            inclinenumber(ls);
            c = '\n';
            goto only_save;
          case '\\': case '\"': case '\'':
            c = ls->current;
            goto read_save;
          case EOZ: goto no_save; /* will raise an error next loop */
          case 'z': {
            ls->nbuff--; /* remove '\\' */
            next(ls);
            while (l_isspace(ls->current)) {
              if (curr_is_newline(ls)) inclinenumber(ls);
              else next(ls);
            }
            goto no_save;
          }
          default: {
            esccheck(ls, l_isdigit(ls->current), "invalid escape sequence");
            c = readdecesc(ls);
            goto only_save;
          }
        }
      read_save:
        next(ls);
        /* fall through */
      only_save:
        ls->nbuff--; /* remove '\\' */
        save(ls, c);
        /* fall through */
      no_save:
        break;
      }
      default:
        save_and_next(ls);
    }
  }
  save_and_next(ls); /* skip delimiter */
  seminfo->ts = pcl_newstring(ls, ls->buff + 1, ls->nbuff - 2);
}

/* ---------------------------------------------------------------- tokens */

static int llex(pcl_State *ls, pcl_SemInfo *seminfo) {
  ls->nbuff = 0;
  for (;;) {
    switch (ls->current) {
      case '\n': case '\r':
        inclinenumber(ls);
        break;
      case ' ': case '\f': case '\t': case '\v':
        next(ls);
        break;
      case '-': {
        next(ls);
        if (ls->current != '-') return '-';
        next(ls);
        if (ls->current == '[') {
          size_t sep = skip_sep(ls);
          ls->nbuff = 0;
          if (sep >= 2) {
            read_long_string(ls, NULL, sep);
            ls->nbuff = 0;
            break;
          }
        }
        while (!curr_is_newline(ls) && ls->current != EOZ) next(ls);
        break;
      }
      case '[': {
        size_t sep = skip_sep(ls);
        if (sep >= 2) {
          read_long_string(ls, seminfo, sep);
          return TK_STRING;
        } else if (sep == 0)
          lexerror(ls, "invalid long string delimiter", TK_STRING);
        return '[';
      }
      case '=':
        next(ls);
        return check_next1(ls, '=') ? TK_EQ : '=';
      case '<':
        next(ls);
        if (check_next1(ls, '=')) return TK_LE;
        if (check_next1(ls, '<')) return TK_SHL;
        return '<';
      case '>':
        next(ls);
        if (check_next1(ls, '=')) return TK_GE;
        if (check_next1(ls, '>')) return TK_SHR;
        return '>';
      case '/':
        next(ls);
        return check_next1(ls, '/') ? TK_IDIV : '/';
      case '~':
        next(ls);
        return check_next1(ls, '=') ? TK_NE : '~';
      case ':':
        next(ls);
        return check_next1(ls, ':') ? TK_DBCOLON : ':';
      case '"': case '\'':
        read_string(ls, ls->current, seminfo);
        return TK_STRING;
      case '.':
        save_and_next(ls);
        if (check_next1(ls, '.')) {
          if (check_next1(ls, '.')) return TK_DOTS;
          return TK_CONCAT;
        }
        if (!l_isdigit(ls->current)) return '.';
        return read_numeral(ls, seminfo);
      case '0': case '1': case '2': case '3': case '4':
      case '5': case '6': case '7': case '8': case '9':
        return read_numeral(ls, seminfo);
      case EOZ:
        return TK_EOS;
      default: {
        if (l_isalpha(ls->current)) {
          do {
            save_and_next(ls);
          } while (l_isalnum(ls->current));
          pcl_Str *ts = pcl_newstring(ls, ls->buff, ls->nbuff);
          seminfo->ts = ts;
          if (ts->reserved) return ts->reserved - 1 + PCL_FIRST_RESERVED;
          return TK_NAME;
        }
        int c = ls->current;
        next(ls);
        return c;
      }
    }
  }
}

void pcl_next(pcl_State *ls) {
  ls->lastline = ls->linenumber;
  if (ls->lookahead.token != TK_EOS) {
    ls->t = ls->lookahead;
    ls->lookahead.token = TK_EOS;
  } else
    ls->t.token = llex(ls, &ls->t.seminfo);
  if ((ls->t.token == TK_NAME || ls->t.token == TK_STRING) && ls->t.seminfo.ts == ls->debugn)
    ls->seesdebug = 1;
}

int pcl_mark(pcl_State *ls, pcl_Mark *m) {
  if (ls->lookahead.token != TK_EOS) return 0;
  m->pos = ls->pos;
  m->current = ls->current;
  m->linenumber = ls->linenumber;
  m->lastline = ls->lastline;
  m->t = ls->t;
  return 1;
}

void pcl_gotomark(pcl_State *ls, const pcl_Mark *m) {
  ls->pos = m->pos;
  ls->current = m->current;
  ls->linenumber = m->linenumber;
  ls->lastline = m->lastline;
  ls->t = m->t;
  ls->lookahead.token = TK_EOS;
}

int pcl_lookahead(pcl_State *ls) {
  ls->lookahead.token = llex(ls, &ls->lookahead.seminfo);
  return ls->lookahead.token;
}
