/*
** strpattern.c -- Lua 5.4 pattern matching as a resumable backtracking
** machine (no C recursion). Module: stdlib (string library, internal).
**
** Each frame stands for one nested "recursive match" call of the reference
** matcher (a capture open/close to undo, or a pending alternative of '?',
** '*', '+', '-'), so "pattern too complex" fires at the same nesting depth
** (PM_MAXDEPTH) as lua5.4. Frames are popped only on failure: a success
** ends the whole match. Work is charged as fuel; when the step's fuel is
** used up the machine saves its position and returns PM_SUSPEND.
*/
#include <string.h>

#include "runtime/pmem.h"
#include "runtime/pstate.h"
#include "stdlib/strlib.h"

enum { FR_CAPSTART, FR_CAPEND, FR_OPT, FR_MAX, FR_MIN };

#define SLICE 512   /* matcher steps between fuel checks */

typedef struct Matcher {
  pic_State *L;
  int stateidx;     /* 0: a local state (inline frames only) */
  pm_State *ms;
  pm_Frame *fr;     /* current frame array (inline or overflow box) */
  const char *src, *pat;
  size_t srclen, patlen;
} Matcher;

void pm_initstate(pm_State *ms) {
  /* captures and frames are written before they are read: no need to clear */
  ms->running = ms->failing = ms->level = ms->nframes = ms->framecap = ms->changed = 0;
  ms->s = ms->p = 0;
  ms->pstart = ms->pos = ms->e = ms->copied = 0;
  ms->lastmatch = (size_t)-1;
  ms->anchor = 0;
  ms->n = ms->maxn = 0;
  ms->bn = ms->bsize = 0;
  ms->skipkind = ms->skipp = 0;
  ms->skipep = 0;
}

pm_State *pm_newstate(pic_State *L) {
  pm_State *ms = (pm_State *)pic_newuserdatauv(L, sizeof(pm_State), 1);
  pm_initstate(ms);
  return ms;
}

pm_State *pm_spill(pic_State *L, const pm_State *ms) {
  pm_State *u = (pm_State *)pic_newuserdatauv(L, sizeof(pm_State), 1);
  *u = *ms;
  return u;
}

static pm_Frame *frames_of(pic_State *L, int stateidx, pm_State *ms) {
  if (ms->framecap == 0)
    return ms->inl;
  pic_getiuservalue(L, stateidx, 1);
  pm_Frame *f = (pm_Frame *)pic_touserdata(L, -1);
  pic_pop(L, 1);
  return f;
}

/* Makes room for one more frame: raises "pattern too complex" at the
** nesting limit, else moves the frames into a (bigger) overflow box. */
static void grow_frames(Matcher *m) {
  pm_State *ms = m->ms;
  if (ms->nframes >= PM_MAXDEPTH - 1)
    picL_error(m->L, "pattern too complex");
  int cap = ms->framecap ? ms->framecap : PM_INLINEFRAMES;
  int ncap = cap * 2 < PM_MAXDEPTH ? cap * 2 : PM_MAXDEPTH;
  pm_Frame *nf = (pm_Frame *)pic_newuserdatauv(m->L, sizeof(pm_Frame) * (size_t)ncap, 0);
  memcpy(nf, m->fr, sizeof(pm_Frame) * (size_t)ms->nframes);
  pic_setiuservalue(m->L, m->stateidx, 1);
  ms->framecap = ncap;
  m->fr = nf;
}

static inline void push_frame(Matcher *m, int kind, size_t s, size_t p, size_t ep, ptrdiff_t i) {
  pm_State *ms = m->ms;
  if (ms->nframes >= PM_MAXDEPTH - 1 || ms->nframes == (ms->framecap ? ms->framecap : PM_INLINEFRAMES))
    grow_frames(m);
  pm_Frame *f = &m->fr[ms->nframes++];
  f->kind = kind;
  f->s = s;
  f->p = p;
  f->ep = ep;
  f->i = i;
}

/* Character classes of the C locale (the only one: os.setlocale only
** queries), one bit per class letter, as <ctype.h> classifies bytes there. */
enum { CL_A = 0x001, CL_C = 0x002, CL_D = 0x004, CL_G = 0x008, CL_L = 0x010, CL_P = 0x020,
       CL_S = 0x040, CL_U = 0x080, CL_W = 0x100, CL_X = 0x200, CL_Z = 0x400 };

static const unsigned short cclass[256] = {
  0x402, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x042, 0x042, 0x042, 0x042, 0x042, 0x002, 0x002,
  0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002,
  0x040, 0x028, 0x028, 0x028, 0x028, 0x028, 0x028, 0x028, 0x028, 0x028, 0x028, 0x028, 0x028, 0x028, 0x028, 0x028,
  0x30c, 0x30c, 0x30c, 0x30c, 0x30c, 0x30c, 0x30c, 0x30c, 0x30c, 0x30c, 0x028, 0x028, 0x028, 0x028, 0x028, 0x028,
  0x028, 0x389, 0x389, 0x389, 0x389, 0x389, 0x389, 0x189, 0x189, 0x189, 0x189, 0x189, 0x189, 0x189, 0x189, 0x189,
  0x189, 0x189, 0x189, 0x189, 0x189, 0x189, 0x189, 0x189, 0x189, 0x189, 0x189, 0x028, 0x028, 0x028, 0x028, 0x028,
  0x028, 0x319, 0x319, 0x319, 0x319, 0x319, 0x319, 0x119, 0x119, 0x119, 0x119, 0x119, 0x119, 0x119, 0x119, 0x119,
  0x119, 0x119, 0x119, 0x119, 0x119, 0x119, 0x119, 0x119, 0x119, 0x119, 0x119, 0x028, 0x028, 0x028, 0x028, 0x002,
  /* bytes 128-255 belong to no class */
};

/* The class bit of class letter [cl] (either case), or 0. */
static unsigned class_bit(int cl) {
  switch (cl | 0x20) {
    case 'a': return CL_A;
    case 'c': return CL_C;
    case 'd': return CL_D;
    case 'g': return CL_G;
    case 'l': return CL_L;
    case 'p': return CL_P;
    case 's': return CL_S;
    case 'u': return CL_U;
    case 'w': return CL_W;
    case 'x': return CL_X;
    case 'z': return CL_Z;   /* deprecated, still in lua5.4 */
    default: return 0;
  }
}

/* Whether byte [c] matches "%cl" (an upper-case letter negates its class;
** any other [cl] stands for itself). */
static int match_class(int c, int cl) {
  unsigned bit = class_bit(cl);
  if (bit == 0)
    return cl == c;
  int res = (cclass[c] & bit) != 0;
  return (cl & 0x20) ? res : !res;   /* class letters: 0x20 is the lower-case bit */
}

/* Pattern byte at [p], or 0 past the end (patterns are NUL-terminated in
** the reference implementation, which reads that terminator). */
static int pat_at(const Matcher *m, size_t p) {
  return p < m->patlen ? (unsigned char)m->pat[p] : 0;
}

/* Whether byte [c] is in the set [p, ec) of pattern [pat]: [p] is at '['
** and [ec] at the closing ']' (class_end checked it, so every read here up
** to [ec] is inside the pattern). */
static int match_bracket(const Matcher *m, int c, size_t p, size_t ec) {
  const unsigned char *q = (const unsigned char *)m->pat + p;
  const unsigned char *e = (const unsigned char *)m->pat + ec;
  int sig = 1;
  if (q[1] == '^') {
    sig = 0;
    q++;
  }
  while (++q < e) {
    int pc = *q;
    if (pc == '%') {
      q++;
      if (match_class(c, *q))
        return sig;
    } else if (q[1] == '-' && q + 2 < e) {
      q += 2;
      if (pc <= c && c <= *q)
        return sig;
    } else if (pc == c) {
      return sig;
    }
  }
  return !sig;
}

/* Sets the bits of bytes [lo, hi] in [map], whole bytes of the map at once. */
static void maprange(unsigned char map[32], int lo, int hi) {
  for (; lo <= hi && (lo & 7) != 0; lo++)
    map[lo >> 3] |= (unsigned char)(1u << (lo & 7));
  for (; lo + 7 <= hi; lo += 8)
    map[lo >> 3] = 0xFF;
  for (; lo <= hi; lo++)
    map[lo >> 3] |= (unsigned char)(1u << (lo & 7));
}

/* Fills [map] (bit c set: byte c is in the set) for the set [p, ec) as
** match_bracket reads it; returns 0, leaving [map] unusable, for a set with a
** '%' escape (a class would cost 256 table reads to map). Testing a byte
** against the map is a few instructions, so runs of '*'/'+' over a set and
** the scan for a set's first match test bytes this way, once MAPAFTER bytes
** have been tested directly (building the map costs as much as testing a
** few dozen bytes, and most runs are short). */
#define MAPAFTER 8
static int bracket_map(const Matcher *m, size_t p, size_t ec, unsigned char map[32]) {
  const unsigned char *q = (const unsigned char *)m->pat + p;
  const unsigned char *e = (const unsigned char *)m->pat + ec;
  int neg = 0, i;
  memset(map, 0, 32);
  if (q[1] == '^') {
    neg = 1;
    q++;
  }
  while (++q < e) {
    int pc = *q;
    if (pc == '%')
      return 0;
    if (q[1] == '-' && q + 2 < e) {
      maprange(map, pc, q[2]);
      q += 2;
    } else {
      map[pc >> 3] |= (unsigned char)(1u << (pc & 7));
    }
  }
  if (neg)
    for (i = 0; i < 32; i++)
      map[i] = (unsigned char)~map[i];
  return 1;
}

#define inmap(map, c) (((map)[(c) >> 3] >> ((c) & 7)) & 1)

/* Returns the offset just after the single-character class at [p]
** (a '%' escape or a '[' set). */
static size_t class_end_slow(const Matcher *m, size_t p) {
  int c = (unsigned char)m->pat[p++];
  if (c == '%') {
    if (p >= m->patlen)
      picL_error(m->L, "malformed pattern (ends with '%%')");
    return p + 1;
  }
  if (c == '[') {
    if (pat_at(m, p) == '^')
      p++;
    do {   /* look for the closing ']' (a first ']' is a member) */
      if (p >= m->patlen)
        picL_error(m->L, "malformed pattern (missing ']')");
      c = (unsigned char)m->pat[p++];
      if (c == '%' && p < m->patlen)
        p++;
    } while (pat_at(m, p) != ']');
    return p + 1;
  }
  return p;
}

/* Returns the offset just after the single-character class at [p]. */
static inline size_t class_end(const Matcher *m, size_t p) {
  int c = (unsigned char)m->pat[p];
  return (c == '%' || c == '[') ? class_end_slow(m, p) : p + 1;
}

static inline int single_match(const Matcher *m, size_t s, size_t p, size_t ep) {
  if (s >= m->srclen)
    return 0;
  int c = (unsigned char)m->src[s];
  switch (m->pat[p]) {
    case '.': return 1;
    case '%': return match_class(c, (unsigned char)m->pat[p + 1]);   /* class_end checked p + 1 */
    case '[': return match_bracket(m, c, p, ep - 1);
    default: return (unsigned char)m->pat[p] == c;
  }
}

/* How many bytes from [s] on match the single-character class [p, ep)
** in a row (the maximal expansion of '*' / '+'). */
static size_t count_matches(const Matcher *m, size_t s, size_t p, size_t ep) {
  const unsigned char *q = (const unsigned char *)m->src + s;
  const unsigned char *end = (const unsigned char *)m->src + m->srclen;
  if (q >= end)
    return 0;
  switch (m->pat[p]) {
    case '.':
      return (size_t)(end - q);
    case '%': {
      int cl = (unsigned char)m->pat[p + 1];
      unsigned bit = class_bit(cl);
      if (bit == 0) {
        while (q < end && *q == cl)
          q++;
      } else if (cl & 0x20) {
        while (q < end && (cclass[*q] & bit))
          q++;
      } else {
        while (q < end && !(cclass[*q] & bit))
          q++;
      }
      break;
    }
    case '[': {
      unsigned char map[32];
      const unsigned char *direct = (size_t)(end - q) > MAPAFTER ? q + MAPAFTER : end;
      while (q < direct && match_bracket(m, *q, p, ep - 1))
        q++;
      if (q < direct || q == end)
        break;
      if (bracket_map(m, p, ep - 1, map)) {
        while (q < end && inmap(map, *q))
          q++;
      } else {
        while (q < end && match_bracket(m, *q, p, ep - 1))
          q++;
      }
      break;
    }
    default: {
      int ch = (unsigned char)m->pat[p];
      while (q < end && *q == ch)
        q++;
      break;
    }
  }
  return (size_t)(q - ((const unsigned char *)m->src + s));
}

static int capture_to_close(Matcher *m) {
  int level = m->ms->level;
  for (level--; level >= 0; level--)
    if (m->ms->capture[level].len == PM_CAP_UNFINISHED)
      return level;
  return picL_error(m->L, "invalid pattern capture");
}

static int check_capture(Matcher *m, int l) {
  l -= '1';
  if (l < 0 || l >= m->ms->level || m->ms->capture[l].len == PM_CAP_UNFINISHED)
    return picL_error(m->L, "invalid capture index %%%d", l + 1);
  return l;
}

/* The byte that the pattern from [q] on must match first, when it is a
** plain literal item (after captures opening or closing, which consume
** nothing) that cannot match empty; else -1. A repetition that gives back
** a byte retries from [q]; positions where this byte is absent would fail
** at once (the capture items before it were already run once from the
** same frame, so they raise no error the retry would have raised). */
static int next_literal(const Matcher *m, size_t q) {
  while (q < m->patlen && (m->pat[q] == '(' || m->pat[q] == ')'))
    q++;
  if (q >= m->patlen)
    return -1;
  int c = (unsigned char)m->pat[q];
  switch (c) {
    case '%': case '[': case '.': case '$':
      return -1;
    default: {
      int nx = pat_at(m, q + 1);
      return (nx == '*' || nx == '?' || nx == '-') ? -1 : c;
    }
  }
}

/* The machine. Returns PM_MATCH (end in *end), PM_NOMATCH or PM_SUSPEND. */
static int run(Matcher *m, size_t s, size_t p, int failing, size_t *end) {
  pm_State *ms = m->ms;
  int64_t steps = 0;
  for (;;) {
    /* a local state stops before a step could push past its inline
    ** frames (a step pushes at most one frame) */
    if (m->stateidx == 0 && ms->nframes >= PM_INLINEFRAMES) {
      pic_charge(m->L, (steps + 3) / 4);
      ms->s = s;
      ms->p = p;
      ms->failing = failing;
      return PM_SUSPEND;
    }
    if (++steps >= SLICE) {
      pic_charge(m->L, (steps + 3) / 4);
      steps = 0;
      if (pic_fuelleft(m->L) <= 0) {
        ms->s = s;
        ms->p = p;
        ms->failing = failing;
        return PM_SUSPEND;
      }
    }
    if (failing) {   /* backtrack to the newest frame with an alternative */
      if (ms->nframes == 0) {
        pic_charge(m->L, (steps + 3) / 4);
        return PM_NOMATCH;
      }
      pm_Frame *f = &m->fr[ms->nframes - 1];
      switch (f->kind) {
        case FR_CAPSTART:
          ms->level--;
          ms->nframes--;
          continue;
        case FR_CAPEND:
          ms->capture[f->i].len = PM_CAP_UNFINISHED;
          ms->nframes--;
          continue;
        case FR_OPT:   /* the item did not help: skip it */
          s = f->s;
          p = f->ep + 1;
          ms->nframes--;
          failing = 0;
          continue;
        case FR_MAX: {   /* give back one repetition */
          int lit = next_literal(m, f->ep + 1);
          ptrdiff_t i = f->i - 1;
          if (lit >= 0) {   /* give back at once the ones the literal fails on */
            while (i >= 0 && (unsigned char)m->src[f->s + (size_t)i] != lit)
              i--;
            steps += (f->i - i) / 8;
          }
          if (i >= 0) {
            f->i = i;
            s = f->s + (size_t)i;
            p = f->ep + 1;
            failing = 0;
          } else {
            ms->nframes--;
          }
          continue;
        }
        default:       /* FR_MIN: take one more repetition */
          if (single_match(m, f->s, f->p, f->ep)) {
            f->s++;
            s = f->s;
            p = f->ep + 1;
            failing = 0;
          } else {
            ms->nframes--;
          }
          continue;
      }
    }
    if (p >= m->patlen) {   /* end of pattern: success */
      pic_charge(m->L, (steps + 3) / 4);
      *end = s;
      return PM_MATCH;
    }
    switch (m->pat[p]) {
      case '(': {
        int pos = (pat_at(m, p + 1) == ')');
        if (ms->level >= PM_MAXCAPTURES)
          picL_error(m->L, "too many captures");
        ms->capture[ms->level].init = s;
        ms->capture[ms->level].len = pos ? PM_CAP_POSITION : PM_CAP_UNFINISHED;
        ms->level++;
        push_frame(m, FR_CAPSTART, s, p, p, 0);
        p += pos ? 2 : 1;
        continue;
      }
      case ')': {
        int l = capture_to_close(m);
        ms->capture[l].len = (ptrdiff_t)(s - ms->capture[l].init);
        push_frame(m, FR_CAPEND, s, p, p, l);
        p++;
        continue;
      }
      case '$':
        if (p + 1 == m->patlen) {
          if (s == m->srclen)
            p++;
          else
            failing = 1;
          continue;
        }
        break;
      case '%':
        switch (pat_at(m, p + 1)) {
          case 'b': {
            if (p + 3 >= m->patlen)
              picL_error(m->L, "malformed pattern (missing arguments to '%%b')");
            int b = (unsigned char)m->pat[p + 2], e = (unsigned char)m->pat[p + 3];
            if (s >= m->srclen || (unsigned char)m->src[s] != b) {
              failing = 1;
              continue;
            }
            int cont = 1;
            size_t q = s;
            failing = 1;
            while (++q < m->srclen) {
              int c = (unsigned char)m->src[q];
              if (c == e) {
                if (--cont == 0)
                  break;
              } else if (c == b) {
                cont++;
              }
            }
            steps += (int64_t)((q - s) / 8);   /* bytes scanned */
            if (q < m->srclen) {   /* found the balancing [e] */
              s = q + 1;
              p += 4;
              failing = 0;
            }
            continue;
          }
          case 'f': {
            p += 2;
            if (pat_at(m, p) != '[')
              picL_error(m->L, "missing '[' after '%%f' in pattern");
            size_t ep = class_end(m, p);
            int prev = (s == 0) ? 0 : (unsigned char)m->src[s - 1];
            int cur = (s < m->srclen) ? (unsigned char)m->src[s] : 0;
            if (!match_bracket(m, prev, p, ep - 1) && match_bracket(m, cur, p, ep - 1))
              p = ep;
            else
              failing = 1;
            continue;
          }
          case '0': case '1': case '2': case '3': case '4':
          case '5': case '6': case '7': case '8': case '9': {
            int l = check_capture(m, pat_at(m, p + 1));
            size_t len = (size_t)ms->capture[l].len;
            if (m->srclen - s >= len &&
                memcmp(m->src + ms->capture[l].init, m->src + s, len) == 0) {
              s += len;
              p += 2;
            } else {
              failing = 1;
            }
            steps += (int64_t)len / 8;
            continue;
          }
          default:
            break;
        }
        break;
      default:
        break;
    }
    /* a single-character class, maybe followed by a repetition */
    size_t ep = class_end(m, p);
    int epc = pat_at(m, ep);
    if (!single_match(m, s, p, ep)) {
      if (epc == '*' || epc == '?' || epc == '-')
        p = ep + 1;   /* accept the empty repetition */
      else
        failing = 1;
      continue;
    }
    switch (epc) {
      case '?':
        push_frame(m, FR_OPT, s, p, ep, 0);
        s++;
        p = ep + 1;
        break;
      case '+':
      case '*': {
        size_t from = (epc == '+') ? s + 1 : s;
        ptrdiff_t i = (ptrdiff_t)count_matches(m, from, p, ep);
        steps += i / 4;
        push_frame(m, FR_MAX, from, p, ep, i);
        s = from + (size_t)i;
        p = ep + 1;
        break;
      }
      case '-':
        push_frame(m, FR_MIN, s, p, ep, 0);
        p = ep + 1;
        break;
      default:
        s++;
        p = ep;
        break;
    }
  }
}

/* A bracket set of at most SETLITERALS plain bytes (no '%' escape, no
** '-'), like ["\\] or [^ \t\r\n], is scanned for by comparing each byte
** with its members: cheaper than re-reading the set per byte and, for the
** short scans such sets mostly make, than building its map. */
#define SETLITERALS 4

/* The members of the set at [p] ('[') closed at [ec] (']') into [lits]
** (*n of them) and whether it is negated; 0 when it is not such a set. */
static int setliterals(const Matcher *m, size_t p, size_t ec, unsigned char *lits, int *n,
                       int *negated) {
  size_t q = p + 1;
  *negated = (m->pat[q] == '^');
  if (*negated)
    q++;
  if (ec - q > SETLITERALS || ec <= q)
    return 0;
  for (*n = 0; q < ec; q++) {
    unsigned char c = (unsigned char)m->pat[q];
    if (c == '%' || c == '-')
      return 0;
    lits[(*n)++] = c;
  }
  return 1;
}

static inline int inliterals(const unsigned char *lits, int n, unsigned char c) {
  int i;
  for (i = 0; i < n; i++)
    if (lits[i] == c)
      return 1;
  return 0;
}

/* pm_skip's kinds of first item (ms->skipkind), or'ed with PM_SKIP_WHOLE
** when the item is the whole pattern. */
#define PM_SKIP_NONE  1   /* may match nothing, or not one byte: no skipping */
#define PM_SKIP_ANY   2   /* '.': matches at once */
#define PM_SKIP_CHAR  3   /* a literal byte: memchr */
#define PM_SKIP_CLASS 4   /* %a and the like: the class table */
#define PM_SKIP_SET   5   /* a [set] or an escaped byte: tested per byte, a set against its map */
#define PM_SKIP_WHOLE 0x80

/* Sets ms->skip* from the pattern (the part after ms->pstart). */
static void skipanalyse(pm_State *ms, const Matcher *m) {
  size_t p = 0, ep;
  int ncap = 0;
  ms->skipkind = PM_SKIP_NONE;
  while (pat_at(m, p) == '(' && ++ncap < PM_MAXCAPTURES)   /* captures consume nothing */
    p += (pat_at(m, p + 1) == ')') ? 2 : 1;
  if (p >= m->patlen || pat_at(m, p) == '(')
    return;
  int c = (unsigned char)m->pat[p];
  switch (c) {
    case '.':   /* matches here; alone it is the whole match */
      ms->skipkind = PM_SKIP_ANY | (p == 0 && m->patlen == 1 ? PM_SKIP_WHOLE : 0);
      return;
    case ')':
      return;
    case '$':
      if (p + 1 == m->patlen)
        return;
      ep = p + 1;
      break;
    case '%': {
      int cl = pat_at(m, p + 1);
      if (p + 1 >= m->patlen || cl == 'b' || cl == 'f' || (unsigned)(cl - '0') < 10u)
        return;
      ep = p + 2;
      break;
    }
    case '[':   /* find the closing ']' as class_end does, without raising */
      ep = p + 1;
      if (pat_at(m, ep) == '^')
        ep++;
      do {
        if (ep >= m->patlen)
          return;
        if ((unsigned char)m->pat[ep++] == '%' && ep < m->patlen)
          ep++;
      } while (pat_at(m, ep) != ']');
      ep++;
      break;
    default:
      ep = p + 1;
      break;
  }
  int q = pat_at(m, ep);
  if (q == '*' || q == '?' || q == '-' || ep > UINT16_MAX)   /* the item may match nothing */
    return;
  ms->skipp = (uint8_t)p;   /* p <= 2 * PM_MAXCAPTURES */
  ms->skipep = (uint16_t)ep;
  if (c != '%' && c != '[')
    ms->skipkind = PM_SKIP_CHAR;
  else if (c == '%' && class_bit((unsigned char)m->pat[p + 1]) != 0)
    ms->skipkind = PM_SKIP_CLASS;
  else
    ms->skipkind = PM_SKIP_SET;
  if (p == 0 && ep == m->patlen)   /* the item is the whole pattern */
    ms->skipkind |= PM_SKIP_WHOLE;
}

/* ---- the analysis cache ----
** find, match, gmatch and gsub start from a fresh pm_State at every call,
** and programs call them in loops with the same few patterns: pm_skip's
** analysis of a pattern (the part after the anchor), and for a first item
** that is a set or an escape the map of the bytes it matches, are kept in
** a small direct-mapped cache owned by the state (global_State.patcache).
** An entry is found by the pattern's contents, never by its address (a
** string's memory may hold another string later), so a hit is exactly
** what analysing the pattern again would give. */
#define PMC_SLOTS 16
#define PMC_MAXPAT 48   /* longer patterns are analysed at every call */

typedef struct pmc_Entry {
  uint8_t len;               /* 0: empty (an empty pattern is never cached) */
  uint8_t kind, p;           /* as pm_State's skipkind and skipp */
  uint8_t hasmap;            /* map holds the first item's bytes */
  uint16_t ep;               /* as pm_State's skipep */
  unsigned char map[32];     /* bit c: byte c matches the first item */
  char pat[PMC_MAXPAT];
} pmc_Entry;

_Static_assert(PMC_SLOTS * sizeof(pmc_Entry) <= PIC_PATCACHESIZE, "pattern cache too small");

/* Fills [map] with the bytes the single-character item [p, ep) matches. */
static void itemmap(const Matcher *m, size_t p, size_t ep, unsigned char map[32]) {
  int c;
  if (m->pat[p] == '[' && bracket_map(m, p, ep - 1, map))
    return;
  memset(map, 0, 32);
  for (c = 0; c < 256; c++) {
    int in = m->pat[p] == '[' ? match_bracket(m, c, p, ep - 1)
                              : match_class(c, (unsigned char)m->pat[p + 1]);
    if (in)
      map[c >> 3] |= (unsigned char)(1u << (c & 7));
  }
}

/* The cache entry of the pattern of [m], analysed into [ms] if needed;
** NULL for a pattern too long to cache. May raise "not enough memory"
** (the cache is made at the first use). */
static const pmc_Entry *cachedanalysis(pic_State *L, pm_State *ms, const Matcher *m) {
  global_State *g = G(L);
  size_t len = m->patlen;
  pmc_Entry *e;
  if (len == 0 || len > PMC_MAXPAT)
    return NULL;
  if (g->patcache == NULL) {
    g->patcache = picM_malloc_(L, PIC_PATCACHESIZE);
    memset(g->patcache, 0, PIC_PATCACHESIZE);
  }
  e = (pmc_Entry *)g->patcache +
      ((len * 7u + (unsigned char)m->pat[0] * 3u + (unsigned char)m->pat[len - 1]) % PMC_SLOTS);
  if (e->len != len || memcmp(e->pat, m->pat, len) != 0) {
    if (ms->skipkind == 0)
      skipanalyse(ms, m);
    e->len = 0;
    e->kind = ms->skipkind;
    e->p = ms->skipp;
    e->ep = ms->skipep;
    e->hasmap = (ms->skipkind & ~PM_SKIP_WHOLE) == PM_SKIP_SET;
    if (e->hasmap)
      itemmap(m, ms->skipp, ms->skipep, e->map);
    memcpy(e->pat, m->pat, len);
    e->len = (uint8_t)len;
  } else if (ms->skipkind == 0) {
    ms->skipkind = e->kind;
    ms->skipp = e->p;
    ms->skipep = e->ep;
  }
  return e;
}

size_t pm_skip(pic_State *L, pm_State *ms, const char *src, size_t srclen,
               const char *pat, size_t patlen, size_t from, int *single) {
  Matcher m;
  m.L = L;
  m.pat = pat + ms->pstart;
  m.patlen = patlen - ms->pstart;
  m.src = src;
  m.srclen = srclen;
  const pmc_Entry *e = NULL;
  if (ms->skipkind == 0 || (ms->skipkind & ~PM_SKIP_WHOLE) == PM_SKIP_SET) {
    e = cachedanalysis(L, ms, &m);
    if (ms->skipkind == 0)
      skipanalyse(ms, &m);
  }
  int kind = ms->skipkind & ~PM_SKIP_WHOLE;
  *single = 0;
  if (from >= srclen || kind == PM_SKIP_NONE)
    return from;
  *single = (ms->skipkind & PM_SKIP_WHOLE) != 0;
  if (kind == PM_SKIP_ANY)
    return from;
  size_t p = ms->skipp, ep = ms->skipep, s = from;
  const unsigned char *u = (const unsigned char *)src;
  unsigned char lits[SETLITERALS];
  int nlits, negated;
  if (kind == PM_SKIP_CHAR) {
    const char *hit = (const char *)memchr(src + from, m.pat[p], srclen - from);
    s = hit ? (size_t)(hit - src) : srclen;
    pic_charge(L, (int64_t)((s - from) / 32));
    return s;
  }
  if (e != NULL && e->hasmap) {
    while (s < srclen && !inmap(e->map, u[s]))
      s++;
  } else if (kind == PM_SKIP_CLASS) {   /* test bytes against the table directly */
    unsigned bit = class_bit((unsigned char)m.pat[p + 1]);
    unsigned want = (m.pat[p + 1] & 0x20) ? bit : 0;
    while (s < srclen && (cclass[u[s]] & bit) != want)
      s++;
  } else if (m.pat[p] == '[' && setliterals(&m, p, ep - 1, lits, &nlits, &negated)) {
    while (s < srclen && inliterals(lits, nlits, u[s]) == negated)
      s++;
  } else {
    unsigned char map[32];
    size_t direct = s + MAPAFTER < srclen ? s + MAPAFTER : srclen;
    while (s < direct && !single_match(&m, s, p, ep))   /* often the first byte matches */
      s++;
    if (s < direct || s == srclen) {
      /* found (or the subject ended) before a map would pay */
    } else if (m.pat[p] == '[' && bracket_map(&m, p, ep - 1, map)) {
      while (s < srclen && !inmap(map, u[s]))
        s++;
    } else {
      while (s < srclen && !single_match(&m, s, p, ep))
        s++;
    }
  }
  pic_charge(L, (int64_t)((s - from) / 8));
  return s;
}

int pm_match(pic_State *L, pm_State *ms, int stateidx, const char *src, size_t srclen,
             const char *pat, size_t patlen, size_t start, size_t *end) {
  Matcher m;
  m.L = L;
  m.stateidx = stateidx == 0 ? 0 : pic_absindex(L, stateidx);
  m.ms = ms;
  m.src = src;
  m.srclen = srclen;
  m.pat = pat + m.ms->pstart;
  m.patlen = patlen - m.ms->pstart;
  m.fr = frames_of(L, m.stateidx, m.ms);
  size_t s = start, p = 0;
  int failing = 0;
  if (m.ms->running) {
    s = m.ms->s;
    p = m.ms->p;
    failing = m.ms->failing;
  } else {
    m.ms->level = 0;
    m.ms->nframes = 0;
    m.ms->running = 1;
  }
  int r = run(&m, s, p, failing, end);
  if (r != PM_SUSPEND)
    m.ms->running = 0;
  return r;
}

const char *pm_getcapture(pic_State *L, pm_State *ms, int i, const char *src, size_t s, size_t e,
                          size_t *len, int *ispos) {
  *ispos = 0;
  if (i >= ms->level) {
    if (i != 0)
      picL_error(L, "invalid capture index %%%d", i + 1);
    *len = e - s;
    return src + s;
  }
  ptrdiff_t capl = ms->capture[i].len;
  if (capl == PM_CAP_UNFINISHED)
    picL_error(L, "unfinished capture");
  if (capl == PM_CAP_POSITION) {
    *ispos = 1;
    pic_pushinteger(L, (pic_Integer)ms->capture[i].init + 1);
    *len = 0;
    return NULL;
  }
  *len = (size_t)capl;
  return src + ms->capture[i].init;
}

void pm_pushonecapture(pic_State *L, pm_State *ms, int i, const char *src, size_t s, size_t e) {
  size_t len;
  int ispos;
  const char *c = pm_getcapture(L, ms, i, src, s, e, &len, &ispos);
  if (!ispos)
    pic_pushlstring(L, c, len);
}

int pm_pushcaptures(pic_State *L, pm_State *ms, const char *src, size_t s, size_t e, int wholeifnone) {
  int nlevels = (ms->level == 0 && wholeifnone) ? 1 : ms->level;
  picL_checkstack(L, nlevels, "too many captures");
  for (int i = 0; i < nlevels; i++)
    pm_pushonecapture(L, ms, i, src, s, e);
  return nlevels;
}
