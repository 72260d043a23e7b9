/*
** strlib.h -- internal interface between the string library's files:
** the resumable pattern matcher (strpattern.c) and the open functions of
** format (strformat.c) and pack (strpack.c). Module: stdlib (internal).
**
** The matcher keeps all of its state (captures, backtracking frames, the
** position where it stopped) in a userdata, never on the C stack, so a
** match can stop when the step's fuel runs out and resume in a later slice
** (pic_againk), and a gsub can call Lua between two matches (pic_callk).
** Positions are byte offsets into the subject / pattern, re-read from the
** Lua stack at every entry (strings never move while referenced).
*/
#ifndef STRLIB_H
#define STRLIB_H

#include <stdint.h>

#include "runtime/picaux.h"

#define PM_MAXCAPTURES 32
#define PM_MAXDEPTH    200   /* as MAXCCALLS: nested choice points + 1 */

#define PM_CAP_UNFINISHED (-1)
#define PM_CAP_POSITION   (-2)

typedef struct pm_Capture {
  size_t init;
  ptrdiff_t len;    /* or PM_CAP_UNFINISHED / PM_CAP_POSITION */
} pm_Capture;

/* A backtracking frame: one nested "recursive match" of lstrlib. */
typedef struct pm_Frame {
  int kind;
  size_t s, p, ep;
  ptrdiff_t i;
} pm_Frame;

/* 8: with the userdata header a pm_State (gmatch's, or a suspended or
** calling find/gsub's) fits the allocator's small-block pool (palloc.h) */
#define PM_INLINEFRAMES 8

/* The matcher's state plus the loop state of its callers (find, gmatch,
** gsub); lives in a userdata whose user value 1 holds the frame overflow box. */
typedef struct pm_State {
  /* matcher */
  int running;         /* a match was started and has not finished */
  int failing;         /* stopped while backtracking */
  int level;           /* captures so far */
  int nframes;
  int framecap;        /* capacity of the overflow box (0: inline frames) */
  int changed;         /* gsub: a replacement changed the text (in the padding before s) */
  size_t s, p;         /* where the machine stopped */
  pm_Capture capture[PM_MAXCAPTURES];
  pm_Frame inl[PM_INLINEFRAMES];
  /* callers' loop state */
  size_t pstart;       /* pattern offset (after a '^' anchor) */
  size_t pos;          /* next start position in the subject */
  size_t lastmatch;    /* end of the last match, or (size_t)-1 */
  size_t e;            /* end of the current match (gsub) */
  size_t copied;       /* gsub: the subject before this offset is in the buffer */
  int anchor;
  /* pm_skip's analysis of the pattern's first item, made at its first call
  ** (the pattern and pstart do not change during a find, gmatch or gsub).
  ** Four bytes, in the padding before n: a gmatch state stays within the
  ** small-block pool's largest class. */
  uint8_t skipkind;    /* 0: not analysed yet; else a kind of pm_skip's */
  uint8_t skipp;       /* the item's start in the pattern (after pstart) */
  uint16_t skipep;     /* its end (items ending further on are not analysed) */
  pic_Integer n, maxn; /* gsub: replacements made / allowed */
  size_t bn, bsize;    /* gsub: saved picL_Buffer length and size */
} pm_State;

#define PM_MATCH   0
#define PM_NOMATCH 1
#define PM_SUSPEND 2

/* Resets [ms] to a fresh, not running state. */
void pm_initstate(pm_State *ms);
/* Pushes a new matcher state userdata and returns it. */
pm_State *pm_newstate(pic_State *L);
/* Pushes a userdata holding a copy of the local state [ms] (which must use
** only its inline frames) and returns it. */
pm_State *pm_spill(pic_State *L, const pm_State *ms);

/* Runs (or resumes, if ms->running) a match of [pat] (the part after
** ms->pstart) against [src] starting at subject offset [start]. The state
** [ms] is the userdata at [stateidx], or, when [stateidx] is 0, a local
** (C memory) state that never grows past its inline frames. Returns
** PM_MATCH with *end set, PM_NOMATCH, or PM_SUSPEND when the fuel ran out
** or (local state only) the inline frames are full: the caller then keeps
** the state (pm_spill for a local one) and calls again with the same
** arguments. Raises Lua 5.4's pattern errors. */
int pm_match(pic_State *L, pm_State *ms, int stateidx, const char *src, size_t srclen,
             const char *pat, size_t patlen, size_t start, size_t *end);

/* The first offset >= [from] of [src] where a match of [pat] (the part
** after ms->pstart) may start, judged by the pattern's first
** single-character item when it must match one byte (else [from]);
** [srclen] when no byte from [from] on fits. For unanchored loops, before
** a match that is not being resumed. Sets *single when that item is the
** whole pattern (no captures): then a byte at the result (< srclen) is a
** whole match of length 1 and pm_match need not run. */
size_t pm_skip(pic_State *L, pm_State *ms, const char *src, size_t srclen,
               const char *pat, size_t patlen, size_t from, int *single);

/* Pushes capture [i] (or the whole match [s, e) when there are no captures
** and i == 0); returns nothing. */
void pm_pushonecapture(pic_State *L, pm_State *ms, int i, const char *src, size_t s, size_t e);
/* Pushes all captures (the whole match when none and [wholeifnone]);
** returns how many were pushed. */
int pm_pushcaptures(pic_State *L, pm_State *ms, const char *src, size_t s, size_t e, int wholeifnone);
/* Returns capture [i] as a pointer and length for gsub's "%1": sets *ispos
** for a position capture (then pushes it as an integer). */
const char *pm_getcapture(pic_State *L, pm_State *ms, int i, const char *src, size_t s, size_t e,
                          size_t *len, int *ispos);

/* Library functions living in their own files. */
int picS_format(pic_State *L);
int picS_pack(pic_State *L);
int picS_packsize(pic_State *L);
int picS_unpack(pic_State *L);

#endif
