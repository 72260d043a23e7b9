/*
** strlib.c -- the string library: basic functions, find/match/gmatch/gsub
** drivers over the resumable matcher, the string metatable and its
** arithmetic metamethods. Module: stdlib (picopen_string).
**
** Drivers keep their loop state in a pm_State userdata at a fixed stack
** slot (find/match/gsub) or in an upvalue (gmatch), so they can stop for
** fuel (pic_againk) or call Lua (gsub's function/table replacement) and
** resume in a continuation with nothing on the C stack.
*/
#define _GNU_SOURCE   /* glibc's memmem (lmemfind) */
#include <ctype.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>

#include "runtime/pstring.h"   /* picS_posfirst, picS_poslast */
#include "runtime/pvm.h"   /* picV_setstrfns */
#include "stdlib/picstdlib.h"
#include "stdlib/strlib.h"

#define MAXSIZE ((size_t)INT_MAX)   /* as lstrlib: largest result of rep */

/* string.dump(f [, strip]): the function as a loadable image. */
static int str_dump(pic_State *L) {
  int strip = pic_toboolean(L, 2);
  picL_checktype(L, 1, PIC_TFUNCTION);
  pic_settop(L, 1);
  if (pic_dump(L, strip) != 0)
    return picL_error(L, "unable to dump given function");
  return 1;
}

static int str_len(pic_State *L) {
  size_t l;
  picL_checklstring(L, 1, &l);
  pic_pushinteger(L, (pic_Integer)l);
  return 1;
}

static int str_sub(pic_State *L) {
  size_t l;
  const char *s = picL_checklstring(L, 1, &l);
  size_t start = picS_posfirst(picL_checkinteger(L, 2), l);
  size_t end = picS_poslast(picL_optinteger(L, 3, -1), l);
  if (start <= end)
    pic_pushlstring(L, s + start - 1, (end - start) + 1);
  else
    pic_pushliteral(L, "");
  return 1;
}

static int str_reverse(pic_State *L) {
  size_t l;
  const char *s = picL_checklstring(L, 1, &l);
  picL_Buffer b;
  picL_buffinit(L, &b);
  char *p = picL_prepbuffsize(&b, l);
  for (size_t i = 0; i < l; i++)
    p[i] = s[l - i - 1];
  picL_addsize(&b, l);
  pic_charge(L, (int64_t)(l / 16));
  picL_pushresult(&b);
  return 1;
}

/* Copies [n] bytes of [in] to [out] with the ASCII letters from [from]
** ('a' or 'A') on flipped to the other case: the C locale is the only one
** (os.setlocale only queries). Eight bytes at a time: in each byte below
** 0x80, bit 7 of (b & 0x7F) + (0x80 - from) says b >= from and of
** (b & 0x7F) + (0x7F - (from + 25)) says b > from + 25 (neither sum
** carries into the next byte); a letter has the first and not the second,
** and its case bit (0x20) is that bit 7 shifted right by 2. */
static void casecopy(char *restrict out, const char *restrict in, size_t n, unsigned char from) {
  const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
  const uint64_t ge = ones * (uint64_t)(0x80 - from), gt = ones * (uint64_t)(0x7F - (from + 25));
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w, low, letter;
    memcpy(&w, in + i, 8);
    low = w & ~high;
    letter = ((low + ge) ^ (low + gt)) & ~w & high;
    w ^= letter >> 2;
    memcpy(out + i, &w, 8);
  }
  for (; i < n; i++) {
    unsigned char c = (unsigned char)in[i];
    out[i] = (char)((unsigned char)(c - from) < 26u ? c ^ 0x20 : c);
  }
}

static int str_case(pic_State *L, int upper) {
  size_t l;
  const char *s = picL_checklstring(L, 1, &l);
  picL_Buffer b;
  picL_buffinit(L, &b);
  casecopy(picL_prepbuffsize(&b, l), s, l, upper ? 'a' : 'A');
  picL_addsize(&b, l);
  pic_charge(L, (int64_t)(l / 16));
  picL_pushresult(&b);
  return 1;
}

static int str_lower(pic_State *L) {
  return str_case(L, 0);
}

static int str_upper(pic_State *L) {
  return str_case(L, 1);
}

static int str_rep(pic_State *L) {
  size_t l, lsep;
  const char *s = picL_checklstring(L, 1, &l);
  pic_Integer n = picL_checkinteger(L, 2);
  const char *sep = picL_optlstring(L, 3, "", &lsep);
  if (n <= 0) {
    pic_pushliteral(L, "");
    return 1;
  }
  if (l + lsep < l || l + lsep > MAXSIZE / (size_t)n)
    return picL_error(L, "resulting string too large");
  size_t total = (size_t)n * l + (size_t)(n - 1) * lsep;
  if (total == 0) {   /* e.g. string.rep("", 10): no buffer (memcpy of NULL) */
    pic_pushliteral(L, "");
    return 1;
  }
  picL_Buffer b;
  picL_buffinit(L, &b);
  char *p = picL_prepbuffsize(&b, total);   /* fails with "not enough memory" */
  memcpy(p, s, l);
  if (n > 1) {   /* one unit s..sep, then what is written doubled: the result is periodic */
    size_t done = l + lsep;
    memcpy(p + l, sep, lsep);   /* total >= 2 * l + lsep: room for the unit */
    while (done < total) {
      size_t c = done < total - done ? done : total - done;
      memcpy(p + done, p, c);
      done += c;
    }
  }
  picL_addsize(&b, total);
  pic_charge(L, (int64_t)(total / 16));
  picL_pushresult(&b);
  return 1;
}

static int str_byte(pic_State *L) {
  size_t l;
  const char *s = picL_checklstring(L, 1, &l);
  pic_Integer pi = picL_optinteger(L, 2, 1);
  size_t posi = picS_posfirst(pi, l);
  size_t pose = picS_poslast(pic_isnoneornil(L, 3) ? pi : picL_checkinteger(L, 3), l);
  if (posi > pose)
    return 0;
  if (pose - posi >= (size_t)INT_MAX)
    return picL_error(L, "string slice too long");
  int n = (int)(pose - posi) + 1;
  if (n > PIC_MINSTACK)   /* a C function may push PIC_MINSTACK values unchecked */
    picL_checkstack(L, n, "string slice too long");
  pic_charge(L, n / 16);
  for (int i = 0; i < n; i++)
    pic_pushinteger(L, (unsigned char)s[posi + (size_t)i - 1]);
  return n;
}

/* Checks arguments 1..[n] as byte values and stores them at [p]. */
static void checkchars(pic_State *L, char *p, int n) {
  for (int i = 1; i <= n; i++) {
    pic_Unsigned c = (pic_Unsigned)picL_checkinteger(L, i);
    picL_argcheck(L, c <= (pic_Unsigned)UCHAR_MAX, i, "value out of range");
    p[i - 1] = (char)(unsigned char)c;
  }
}

static int str_char(pic_State *L) {
  int n = pic_gettop(L);
  picL_Buffer b;
  if (n <= 32) {   /* the common few characters: no buffer slot to push and remove */
    char small[32];
    checkchars(L, small, n);
    pic_pushlstring(L, small, (size_t)n);
    return 1;
  }
  picL_buffinit(L, &b);
  checkchars(L, picL_prepbuffsize(&b, (size_t)n), n);
  picL_addsize(&b, (size_t)n);
  picL_pushresult(&b);
  return 1;
}

/* ---- find / match ---- */

static int nospecials(const char *p, size_t l) {
  for (size_t i = 0; i < l; i++) {
    switch (p[i]) {
      case '^': case '$': case '*': case '+': case '?':
      case '.': case '(': case '[': case '%': case '-':
        return 0;
      default:
        break;
    }
  }
  return 1;
}

/* The first [l2] bytes at [s2] in the [l1] at [s1], or NULL. glibc's memmem
** runs in linear time (two-way), so a long needle that almost matches
** everywhere ("a"x500000 .. "b" in "a"x1000000) costs what fuel charges for
** the haystack; elsewhere the memchr/memcmp loop, quadratic at worst. */
static const char *lmemfind(const char *s1, size_t l1, const char *s2, size_t l2) {
  if (l2 == 0)
    return s1;
  if (l2 > l1)
    return NULL;
#if defined(__GLIBC__)
  return (const char *)memmem(s1, l1, s2, l2);
#else
  const char *init;
  l2--;
  l1 = l1 - l2;
  while (l1 > 0 && (init = (const char *)memchr(s1, *s2, l1)) != NULL) {
    init++;
    if (memcmp(init, s2 + 1, l2) == 0)
      return init - 1;
    l1 -= (size_t)(init - s1);
    s1 = init;
  }
  return NULL;
#endif
}

/* The match at ms->pos of a pattern that is one single-byte item (pm_skip
** set its [single] flag and stopped at ms->pos): as pm_match would return. */
static int single_result(pm_State *ms, size_t ls, size_t *e) {
  ms->level = 0;
  *e = ms->pos + 1;
  return ms->pos < ls ? PM_MATCH : PM_NOMATCH;
}

#define FIND_STATE 5   /* stack slot of the pm_State of find/match, once spilled */

static int find_k(pic_State *L, int status, pic_KContext ctx);

/* Loop of find ([find] 1) / match (0): tries each start position. The state
** is local ([stateidx] 0) until the matcher first suspends; then it moves
** into a userdata at FIND_STATE and the loop resumes in find_k. */
static int find_loop(pic_State *L, pm_State *ms, int stateidx, int find,
                     const char *s, size_t ls, const char *p, size_t lp) {
  for (;;) {
    size_t e;
    int single = 0;
    if (!ms->anchor && !ms->running)
      ms->pos = pm_skip(L, ms, s, ls, p, lp, ms->pos, &single);
    int r = single ? single_result(ms, ls, &e) : pm_match(L, ms, stateidx, s, ls, p, lp, ms->pos, &e);
    if (r == PM_SUSPEND) {
      if (stateidx == 0) {
        pic_settop(L, FIND_STATE - 1);
        pm_spill(L, ms);
      }
      return pic_againk(L, find, find_k);
    }
    if (r == PM_MATCH) {
      if (find) {
        pic_pushinteger(L, (pic_Integer)ms->pos + 1);
        pic_pushinteger(L, (pic_Integer)e);
        return pm_pushcaptures(L, ms, s, ms->pos, e, 0) + 2;
      }
      return pm_pushcaptures(L, ms, s, ms->pos, e, 1);
    }
    if (ms->anchor || ms->pos >= ls)
      break;
    ms->pos++;
    if (pic_fuelleft(L) <= 0) {   /* out of fuel between two start positions */
      if (stateidx == 0) {
        pic_settop(L, FIND_STATE - 1);
        pm_spill(L, ms);
      }
      return pic_againk(L, find, find_k);
    }
  }
  pic_pushnil(L);
  return 1;
}

static int find_k(pic_State *L, int status, pic_KContext ctx) {
  (void)status;
  size_t ls, lp;
  const char *s = pic_tolstring(L, 1, &ls);
  const char *p = pic_tolstring(L, 2, &lp);
  return find_loop(L, (pm_State *)pic_touserdata(L, FIND_STATE), FIND_STATE, (int)ctx, s, ls, p, lp);
}

static int str_find_aux(pic_State *L, int find) {
  size_t ls, lp;
  const char *s = picL_checklstring(L, 1, &ls);
  const char *p = picL_checklstring(L, 2, &lp);
  size_t init = picS_posfirst(picL_optinteger(L, 3, 1), ls) - 1;
  if (init > ls) {
    pic_pushnil(L);
    return 1;
  }
  if (find && (pic_toboolean(L, 4) || nospecials(p, lp))) {
    const char *s2 = lmemfind(s + init, ls - init, p, lp);
    pic_charge(L, (int64_t)((ls - init) / 32));
    if (s2) {
      pic_pushinteger(L, (pic_Integer)(s2 - s) + 1);
      pic_pushinteger(L, (pic_Integer)((size_t)(s2 - s) + lp));
      return 2;
    }
    pic_pushnil(L);
    return 1;
  }
  pm_State ms;
  pm_initstate(&ms);
  ms.anchor = (lp > 0 && p[0] == '^');
  ms.pstart = ms.anchor ? 1 : 0;
  ms.pos = init;
  return find_loop(L, &ms, 0, find, s, ls, p, lp);
}

static int str_find(pic_State *L) {
  return str_find_aux(L, 1);
}

static int str_match(pic_State *L) {
  return str_find_aux(L, 0);
}

/* ---- gmatch ---- */

/* Iterator: upvalues are the subject, the pattern and the pm_State. */
static int gmatch_k(pic_State *L, int status, pic_KContext ctx) {
  (void)status;
  (void)ctx;
  size_t ls, lp;
  const char *s = pic_tolstring(L, pic_upvalueindex(1), &ls);
  const char *p = pic_tolstring(L, pic_upvalueindex(2), &lp);
  pm_State *ms = (pm_State *)pic_touserdata(L, pic_upvalueindex(3));
  for (; ms->pos <= ls; ms->pos++) {
    size_t e;
    int single = 0;
    if (!ms->running)
      ms->pos = pm_skip(L, ms, s, ls, p, lp, ms->pos, &single);
    int r = single ? single_result(ms, ls, &e)
                   : pm_match(L, ms, pic_upvalueindex(3), s, ls, p, lp, ms->pos, &e);
    if (r == PM_SUSPEND)
      return pic_againk(L, 0, gmatch_k);
    if (r == PM_MATCH && e != ms->lastmatch) {
      size_t start = ms->pos;
      ms->pos = ms->lastmatch = e;
      return pm_pushcaptures(L, ms, s, start, e, 1);
    }
    if (pic_fuelleft(L) <= 0) {   /* out of fuel between two start positions */
      ms->pos++;
      return pic_againk(L, 0, gmatch_k);
    }
  }
  return 0;
}

static int gmatch_aux(pic_State *L) {
  return gmatch_k(L, PIC_OK, 0);
}

static int str_gmatch(pic_State *L) {
  size_t ls;
  picL_checklstring(L, 1, &ls);
  picL_checkstring(L, 2);
  size_t init = picS_posfirst(picL_optinteger(L, 3, 1), ls) - 1;
  pic_settop(L, 2);
  pm_State *ms = pm_newstate(L);
  ms->pos = (init > ls) ? ls + 1 : init;
  pic_pushcclosure(L, gmatch_aux, 3);
  return 1;
}

/* ---- gsub ---- */

#define GSUB_STATE 5   /* stack slots: 1 s, 2 p, 3 repl, 4 n, 5 state, 6 buffer box */
#define GSUB_BOX   6

/* Rebuilds the buffer of a resumed gsub from its box (see gsub_savebuf). */
static void gsub_loadbuf(pic_State *L, pm_State *ms, picL_Buffer *b) {
  b->L = L;
  b->boxidx = GSUB_BOX;
  b->b = (char *)pic_touserdata(L, GSUB_BOX);
  b->size = ms->bsize;
  b->n = ms->bn;
}

/* Before gsub gives control back: the contents go to the box. */
static void gsub_savebuf(pm_State *ms, picL_Buffer *b) {
  picL_buffbox(b);
  ms->bsize = b->size;
  ms->bn = b->n;
}

/* Adds the string replacement (argument 3) for the match [s, e). */
static void add_s(pic_State *L, pm_State *ms, picL_Buffer *b, const char *src, size_t s, size_t e) {
  size_t l;
  const char *news = pic_tolstring(L, 3, &l);
  const char *end = news + l;
  const char *p;
  while ((p = (const char *)memchr(news, '%', (size_t)(end - news))) != NULL) {
    picL_addlstring(b, news, (size_t)(p - news));
    p++;
    int c = (p < end) ? (unsigned char)*p : 0;
    if (c == '%') {
      picL_addchar(b, '%');
    } else if (c == '0') {
      picL_addlstring(b, src + s, e - s);
    } else if (isdigit(c)) {
      size_t len;
      int ispos;
      const char *cap = pm_getcapture(L, ms, c - '1', src, s, e, &len, &ispos);
      if (ispos)
        picL_addvalue(b);
      else
        picL_addlstring(b, cap, len);
    } else {
      picL_error(L, "invalid use of '%c' in replacement string", '%');
    }
    news = p + 1;
  }
  picL_addlstring(b, news, (size_t)(end - news));
}

/* Adds the replacement value on top (from a function or table) for the
** match [s, e), popping it; returns whether it changed the text (false and
** nil keep the original, and when no replacement changed anything gsub
** returns its subject itself, as Lua's does). */
static int add_value(pic_State *L, picL_Buffer *b, const char *src, size_t s, size_t e) {
  if (!pic_toboolean(L, -1)) {
    pic_pop(L, 1);
    picL_addlstring(b, src + s, e - s);   /* keep the original text */
    return 0;
  } else if (!pic_isstring(L, -1)) {
    picL_error(L, "invalid replacement value (a %s)", picL_typename(L, -1));
  } else {
    picL_addvalue(b);
  }
  return 1;
}

static int gsub_k(pic_State *L, int status, pic_KContext ctx);

/* The state in its userdata at GSUB_STATE, moved there from the local one
** ([stateidx] 0) the first time the loop gives control back. */
static pm_State *gsub_keepstate(pic_State *L, pm_State *ms, int stateidx) {
  if (stateidx != 0)
    return ms;
  ms = pm_spill(L, ms);
  pic_replace(L, GSUB_STATE);
  return ms;
}

/* The gsub loop over the state [ms]: the userdata at GSUB_STATE, or a
** local state ([stateidx] 0) until the matcher first suspends or a
** replacement function or a table's __index must be called, when it moves
** into that slot (a gsub that calls nothing allocates no state). */
static int gsub_loop(pic_State *L, pm_State *ms, int stateidx, picL_Buffer *b) {
  size_t ls, lp;
  const char *src = pic_tolstring(L, 1, &ls);
  const char *p = pic_tolstring(L, 2, &lp);
  int tr = pic_type(L, 3);
  while (ms->n < ms->maxn) {
    size_t e;
    int single = 0;
    if (!ms->anchor && !ms->running)   /* skip the bytes where no match can start */
      ms->pos = pm_skip(L, ms, src, ls, p, lp, ms->pos, &single);
    int r = single ? single_result(ms, ls, &e) : pm_match(L, ms, stateidx, src, ls, p, lp, ms->pos, &e);
    if (r == PM_SUSPEND) {
      ms = gsub_keepstate(L, ms, stateidx);
      gsub_savebuf(ms, b);
      return pic_againk(L, 0, gsub_k);
    }
    if (r == PM_MATCH && e != ms->lastmatch) {
      ms->n++;
      picL_addlstring(b, src + ms->copied, ms->pos - ms->copied);   /* the text before */
      ms->copied = ms->pos;
      if (tr == PIC_TFUNCTION || tr == PIC_TTABLE) {
        int nargs;
        ms->e = e;
        if (tr == PIC_TFUNCTION) {
          ms = gsub_keepstate(L, ms, stateidx);
          gsub_savebuf(ms, b);
          pic_pushvalue(L, 3);
          nargs = pm_pushcaptures(L, ms, src, ms->pos, e, 1);
          return pic_callnoyieldk(L, nargs, 1, 1, gsub_k);
        }
        pm_pushonecapture(L, ms, 0, src, ms->pos, e);
        if (pic_gettable_m(L, 3, &nargs) != PIC_OK) {   /* an __index call */
          ms = gsub_keepstate(L, ms, stateidx);
          gsub_savebuf(ms, b);
          return pic_callnoyieldk(L, nargs, 1, 1, gsub_k);
        }
        ms->changed |= add_value(L, b, src, ms->pos, e);
      } else {
        add_s(L, ms, b, src, ms->pos, e);
        ms->changed = 1;
      }
      ms->pos = ms->lastmatch = ms->copied = e;
    } else if (ms->pos < ls) {
      ms->pos++;   /* the byte is copied with the text before the next match */
    } else {
      break;
    }
    if (ms->anchor)
      break;
    if (pic_fuelleft(L) <= 0) {   /* out of fuel between two attempts */
      ms = gsub_keepstate(L, ms, stateidx);
      gsub_savebuf(ms, b);
      return pic_againk(L, 0, gsub_k);
    }
  }
  if (!ms->changed) {   /* nothing replaced: the subject itself, no new string */
    pic_pushvalue(L, 1);
  } else {
    picL_addlstring(b, src + ms->copied, ls - ms->copied);
    picL_pushresult(b);
  }
  pic_pushinteger(L, ms->n);
  return 2;
}

/* Continuation of gsub (state in its userdata); ctx 1 means "a
** replacement call just returned". */
static int gsub_k(pic_State *L, int status, pic_KContext ctx) {
  (void)status;
  pm_State *ms = (pm_State *)pic_touserdata(L, GSUB_STATE);
  picL_Buffer b;
  if (ctx == 1) {   /* result of the function or __index call */
    size_t ls;
    const char *src = pic_tolstring(L, 1, &ls);
    pic_copy(L, -1, GSUB_BOX + 1);
    pic_settop(L, GSUB_BOX + 1);
    gsub_loadbuf(L, ms, &b);
    ms->changed |= add_value(L, &b, src, ms->pos, ms->e);
    ms->pos = ms->lastmatch = ms->copied = ms->e;
    if (ms->anchor)
      ms->maxn = ms->n;   /* anchored: no further match */
  } else {
    gsub_loadbuf(L, ms, &b);
  }
  return gsub_loop(L, ms, GSUB_STATE, &b);
}

static int str_gsub(pic_State *L) {
  size_t srcl, lp;
  picL_checklstring(L, 1, &srcl);
  const char *p = picL_checklstring(L, 2, &lp);
  int tr = pic_type(L, 3);
  pic_Integer maxn = picL_optinteger(L, 4, (pic_Integer)srcl + 1);
  picL_argexpected(L, tr == PIC_TNUMBER || tr == PIC_TSTRING || tr == PIC_TFUNCTION || tr == PIC_TTABLE,
                   3, "string/function/table");
  pic_settop(L, 4);
  pm_State local;
  pm_State *ms = &local;
  pm_initstate(ms);
  pic_pushnil(L);   /* GSUB_STATE, filled when the matcher suspends or calls */
  ms->anchor = (lp > 0 && p[0] == '^');
  ms->pstart = ms->anchor ? 1 : 0;
  ms->maxn = maxn;
  picL_Buffer b;
  picL_buffinit(L, &b);   /* the box slot at GSUB_BOX */
  return gsub_loop(L, ms, 0, &b);
}

/* ---- string metatable: arithmetic on strings ---- */

static int arith_k(pic_State *L, int status, pic_KContext ctx) {
  (void)L;
  (void)status;
  (void)ctx;
  return 1;
}

/* Converts both operands to numbers and applies [op]; otherwise tries the
** second operand's metamethod [mtname], as lua5.4's string metamethods. */
static int arith(pic_State *L, int op, const char *mtname) {
  pic_settop(L, 2);
  if (pic_type(L, 1) != PIC_TTABLE && pic_type(L, 2) != PIC_TTABLE) {
    pic_pushvalue(L, 1);
    pic_pushvalue(L, 2);
    if (op == PIC_OPUNM)
      pic_pop(L, 1);
    if (pic_rawarith(L, op))
      return 1;
    pic_settop(L, 2);
  }
  if (pic_type(L, 2) == PIC_TSTRING || picL_getmetafield(L, 2, mtname) == PIC_TNIL)
    return picL_error(L, "attempt to %s a '%s' with a '%s'", mtname + 2,
                      picL_typename(L, -2), picL_typename(L, -1));
  pic_insert(L, -3);   /* metamethod, a, b */
  return pic_callnoyieldk(L, 2, 1, 0, arith_k);
}

static int arith_add(pic_State *L) { return arith(L, PIC_OPADD, "__add"); }
static int arith_sub(pic_State *L) { return arith(L, PIC_OPSUB, "__sub"); }
static int arith_mul(pic_State *L) { return arith(L, PIC_OPMUL, "__mul"); }
static int arith_mod(pic_State *L) { return arith(L, PIC_OPMOD, "__mod"); }
static int arith_pow(pic_State *L) { return arith(L, PIC_OPPOW, "__pow"); }
static int arith_div(pic_State *L) { return arith(L, PIC_OPDIV, "__div"); }
static int arith_idiv(pic_State *L) { return arith(L, PIC_OPIDIV, "__idiv"); }
static int arith_unm(pic_State *L) { return arith(L, PIC_OPUNM, "__unm"); }

static const picL_Reg stringmetamethods[] = {
  {"__add", arith_add},
  {"__sub", arith_sub},
  {"__mul", arith_mul},
  {"__mod", arith_mod},
  {"__pow", arith_pow},
  {"__div", arith_div},
  {"__idiv", arith_idiv},
  {"__unm", arith_unm},
  {"__index", NULL},   /* placeholder, set to the string table */
  {NULL, NULL}
};

static const picL_Reg strlib[] = {
  {"byte", str_byte},
  {"char", str_char},
  {"dump", str_dump},
  {"find", str_find},
  {"format", picS_format},
  {"gmatch", str_gmatch},
  {"gsub", str_gsub},
  {"len", str_len},
  {"lower", str_lower},
  {"match", str_match},
  {"rep", str_rep},
  {"reverse", str_reverse},
  {"sub", str_sub},
  {"upper", str_upper},
  {"pack", picS_pack},
  {"packsize", picS_packsize},
  {"unpack", picS_unpack},
  {NULL, NULL}
};

/* Opens the string library: pushes its table and makes it the __index of
** the metatable shared by all strings. */
int picopen_string(pic_State *L) {
  picV_setstrfns(L, str_byte, str_sub);   /* CALL computes s:byte(i), s:sub(i, j) itself */
  picL_newlib(L, strlib);
  picL_newlib(L, stringmetamethods);
  pic_pushvalue(L, -2);
  pic_rawsetfield(L, -2, "__index");
  pic_pushliteral(L, "");
  pic_pushvalue(L, -2);
  pic_setmetatable(L, -2);
  pic_pop(L, 2);   /* the dummy string and the metatable */
  return 1;
}
