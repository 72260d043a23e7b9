/*
** oslib.c -- the os library: clock, date, difftime, time (PIC_CAP_CLOCK),
** getenv (PIC_CAP_ENV), exit/execute (PIC_CAP_PROCESS), remove, rename,
** tmpname (PIC_CAP_FILES), setlocale (query only). Module: stdlib
** (picopen_os). A function whose capability is not granted when the
** library is opened is absent; each also re-checks at call time.
*/
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "stdlib/iolib.h"
#include "stdlib/picstdlib.h"

#define SIZETIMEFMT 250
/* strftime conversions lua5.4 accepts (C99): one-char block, then '||'
** and the two-char block. */
#define STRFTIMEOPTIONS "aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%" \
                        "||" "EcECExEXEyEY" "OdOeOHOIOmOMOSOuOUOVOwOWOy"

static int os_clock(pic_State *L) {
  picI_needcap(L, PIC_CAP_CLOCK, "os.clock");
  pic_pushnumber(L, ((pic_Number)clock()) / (pic_Number)CLOCKS_PER_SEC);
  return 1;
}

static void setfield(pic_State *L, const char *key, int value, int delta) {
  pic_pushinteger(L, (pic_Integer)value + delta);
  pic_rawsetfield(L, -2, key);
}

static void setboolfield(pic_State *L, const char *key, int value) {
  if (value < 0)
    return;   /* undefined */
  pic_pushboolean(L, value);
  pic_rawsetfield(L, -2, key);
}

static void setallfields(pic_State *L, struct tm *stm) {
  setfield(L, "year", stm->tm_year, 1900);
  setfield(L, "month", stm->tm_mon, 1);
  setfield(L, "day", stm->tm_mday, 0);
  setfield(L, "hour", stm->tm_hour, 0);
  setfield(L, "min", stm->tm_min, 0);
  setfield(L, "sec", stm->tm_sec, 0);
  setfield(L, "yday", stm->tm_yday, 1);
  setfield(L, "wday", stm->tm_wday, 1);
  setboolfield(L, "isdst", stm->tm_isdst);
}

static const char *checkoption(pic_State *L, const char *conv, ptrdiff_t convlen, char *buff) {
  const char *option = STRFTIMEOPTIONS;
  int oplen = 1;
  for (; *option != '\0' && oplen <= convlen; option += oplen) {
    if (*option == '|') {
      oplen++;
    } else if (memcmp(conv, option, (size_t)oplen) == 0) {
      memcpy(buff, conv, (size_t)oplen);
      buff[oplen] = '\0';
      return conv + oplen;
    }
  }
  pic_pushliteral(L, "invalid conversion specifier '%");
  pic_pushlstring(L, conv, (size_t)convlen);
  pic_pushliteral(L, "'");
  pic_concat_raw(L, 3);
  picL_argerror(L, 1, pic_tostring(L, -1));
  return conv;
}

static time_t l_checktime(pic_State *L, int arg) {
  pic_Integer t = picL_checkinteger(L, arg);
  picL_argcheck(L, (time_t)t == t, arg, "time out-of-bounds");
  return (time_t)t;
}

static int os_date(pic_State *L) {
  picI_needcap(L, PIC_CAP_CLOCK, "os.date");
  size_t slen;
  const char *s = picL_optlstring(L, 1, "%c", &slen);
  time_t t = pic_isnoneornil(L, 2) ? time(NULL) : l_checktime(L, 2);
  const char *se = s + slen;
  struct tm tmr, *stm;
  if (*s == '!') {
    stm = gmtime_r(&t, &tmr);
    s++;
  } else {
    stm = localtime_r(&t, &tmr);
  }
  if (stm == NULL)
    return picL_error(L, "date result cannot be represented in this installation");
  if (strcmp(s, "*t") == 0) {
    pic_createtable(L, 0, 9);
    setallfields(L, stm);
    return 1;
  }
  char cc[4];
  cc[0] = '%';
  picL_Buffer b;
  picL_buffinit(L, &b);
  while (s < se) {
    if (*s != '%') {
      picL_addchar(&b, *s++);
    } else {
      char *buff = picL_prepbuffsize(&b, SIZETIMEFMT);
      s++;
      s = checkoption(L, s, se - s, cc + 1);
      size_t reslen = strftime(buff, SIZETIMEFMT, cc, stm);
      picL_addsize(&b, reslen);
    }
  }
  picL_pushresult(&b);
  return 1;
}

/* os.time(t) reads t's fields and writes the normalized ones back through
** __index and __newindex, as lua5.4 (lua_getfield/lua_setfield), a field at
** a time: a metamethod call returns to time_getk or time_setk, the step
** number being the context. Slot 1: the table; slots 2-8: the fields read,
** as integers less their delta (isdst: -1 when nil, else 0 or 1); then,
** once mktime has normalized them, slots 2-8 and 10-11 (yday, wday) hold
** the values to write and slot 9 the time. */
static const struct TimeField {
  const char *name;
  int d, delta;   /* default (-1: required), offset from struct tm's value */
  int slot;       /* where the value to write back is */
} timefields[] = {
  {"year", -1, 1900, 2}, {"month", -1, 1, 3}, {"day", -1, 0, 4}, {"hour", 12, 0, 5},
  {"min", 0, 0, 6}, {"sec", 0, 0, 7}, {"isdst", 0, 0, 8},   /* read in this order, */
  {"yday", 0, 1, 10}, {"wday", 0, 1, 11}                    /* yday and wday: written only */
};
#define TIME_NREAD 7
#define TIME_ISDST 6
/* written back in lua5.4's order: year .. sec, yday, wday, isdst */
static const int timewrite[] = {0, 1, 2, 3, 4, 5, 7, 8, 6};
#define TIME_NWRITE 9

/* Replaces the value of field [i] on top with its integer, or raises. */
static void timefield(pic_State *L, int i) {
  const struct TimeField *f = &timefields[i];
  int isnum;
  pic_Integer res;
  if (i == TIME_ISDST) {
    res = pic_isnil(L, -1) ? -1 : pic_toboolean(L, -1);
  } else {
    res = pic_tointegerx(L, -1, &isnum);
    if (!isnum) {
      if (!pic_isnil(L, -1))
        picL_error(L, "field '%s' is not an integer", f->name);
      if (f->d < 0)
        picL_error(L, "field '%s' missing in date table", f->name);
      res = f->d;
    } else {
      if (!(res >= 0 ? res - f->delta <= INT_MAX : INT_MIN + f->delta <= res))
        picL_error(L, "field '%s' is out-of-bound", f->name);
      res -= f->delta;
    }
  }
  pic_pop(L, 1);
  pic_pushinteger(L, res);
}

static int time_run(pic_State *L, int step);

/* Pushes time [t] as os.time's result, or raises. */
static int timeresult(pic_State *L, time_t t) {
  if (t == (time_t)(-1))
    return picL_error(L, "time result cannot be represented in this installation");
  pic_pushinteger(L, (pic_Integer)t);
  return 1;
}

static int time_getk(pic_State *L, int status, pic_KContext ctx) {
  (void)status;
  timefield(L, (int)ctx);
  return time_run(L, (int)ctx + 1);
}

static int time_setk(pic_State *L, int status, pic_KContext ctx) {
  (void)status;
  return time_run(L, (int)ctx + 1);
}

/* Runs os.time's steps from [step]: reads 0..TIME_NREAD-1, mktime at
** TIME_NREAD, writes after it. */
static int time_run(pic_State *L, int step) {
  int nargs;
  for (; step < TIME_NREAD; step++) {
    if (pic_getfield_m(L, 1, timefields[step].name, &nargs) != PIC_OK)
      return pic_callnoyieldk(L, nargs, 1, step, time_getk);
    timefield(L, step);
  }
  if (step == TIME_NREAD) {
    struct tm ts;
    time_t t;
    memset(&ts, 0, sizeof(ts));
    ts.tm_year = (int)pic_tointeger(L, 2);
    ts.tm_mon = (int)pic_tointeger(L, 3);
    ts.tm_mday = (int)pic_tointeger(L, 4);
    ts.tm_hour = (int)pic_tointeger(L, 5);
    ts.tm_min = (int)pic_tointeger(L, 6);
    ts.tm_sec = (int)pic_tointeger(L, 7);
    ts.tm_isdst = (int)pic_tointeger(L, 8);
    t = mktime(&ts);
    pic_settop(L, 1);
    pic_pushinteger(L, ts.tm_year);
    pic_pushinteger(L, ts.tm_mon);
    pic_pushinteger(L, ts.tm_mday);
    pic_pushinteger(L, ts.tm_hour);
    pic_pushinteger(L, ts.tm_min);
    pic_pushinteger(L, ts.tm_sec);
    pic_pushinteger(L, ts.tm_isdst);
    pic_pushinteger(L, (pic_Integer)t);
    pic_pushinteger(L, ts.tm_yday);
    pic_pushinteger(L, ts.tm_wday);
    step++;
  }
  for (; step < TIME_NREAD + 1 + TIME_NWRITE; step++) {
    const struct TimeField *f = &timefields[timewrite[step - TIME_NREAD - 1]];
    pic_Integer v = pic_tointeger(L, f->slot);
    if (f == &timefields[TIME_ISDST]) {
      if (v < 0)
        continue;   /* undefined */
      pic_pushstring(L, f->name);
      pic_pushboolean(L, (int)v);
    } else {
      pic_pushstring(L, f->name);
      pic_pushinteger(L, v + f->delta);
    }
    if (pic_settable_m(L, 1, &nargs) != PIC_OK)
      return pic_callnoyieldk(L, nargs, 0, step, time_setk);
  }
  return timeresult(L, (time_t)pic_tointeger(L, 9));
}

static int os_time(pic_State *L) {
  picI_needcap(L, PIC_CAP_CLOCK, "os.time");
  if (pic_isnoneornil(L, 1))
    return timeresult(L, time(NULL));
  picL_checktype(L, 1, PIC_TTABLE);
  pic_settop(L, 1);
  picL_checkstack(L, 16, NULL);
  return time_run(L, 0);
}

static int os_difftime(pic_State *L) {
  time_t t1 = l_checktime(L, 1);
  time_t t2 = l_checktime(L, 2);
  pic_pushnumber(L, (pic_Number)difftime(t1, t2));
  return 1;
}

static int os_getenv(pic_State *L) {
  picI_needcap(L, PIC_CAP_ENV, "os.getenv");
  const char *v = getenv(picL_checkstring(L, 1));
  if (v)
    pic_pushstring(L, v);
  else
    pic_pushnil(L);
  return 1;
}

static int os_exit(pic_State *L) {
  picI_needcap(L, PIC_CAP_PROCESS, "os.exit");
  int status;
  if (pic_isboolean(L, 1))
    status = (pic_toboolean(L, 1) ? EXIT_SUCCESS : EXIT_FAILURE);
  else
    status = (int)picL_optinteger(L, 1, EXIT_SUCCESS);
  /* with 'close', the state is closed first, as lua_close: the main
  ** thread's pending to-be-closed variables are closed, then finalizers run;
  ** exit flushes C stdio buffers. Nothing of the state is used after
  ** pic_close, as this never returns. */
  if (pic_toboolean(L, 2))
    pic_close(L);
  exit(status);
  return 0;
}

static int os_execute(pic_State *L) {
  picI_needcap(L, PIC_CAP_PROCESS, "os.execute");
  const char *cmd = picL_optstring(L, 1, NULL);
  errno = 0;
  fflush(NULL);
  int stat = system(cmd);
  if (cmd == NULL) {
    pic_pushboolean(L, stat);
    return 1;
  }
  return picI_execresult(L, stat);
}

static int os_remove(pic_State *L) {
  picI_needcap(L, PIC_CAP_FILES, "os.remove");
  const char *filename = picL_checkstring(L, 1);
  return picI_fileresult(L, remove(filename) == 0, filename);
}

static int os_rename(pic_State *L) {
  picI_needcap(L, PIC_CAP_FILES, "os.rename");
  const char *fromname = picL_checkstring(L, 1);
  const char *toname = picL_checkstring(L, 2);
  return picI_fileresult(L, rename(fromname, toname) == 0, NULL);
}

static int os_tmpname(pic_State *L) {
  picI_needcap(L, PIC_CAP_FILES, "os.tmpname");
  char buff[32];
  strcpy(buff, "/tmp/lua_XXXXXX");
  int fd = mkstemp(buff);
  if (fd == -1)
    return picL_error(L, "unable to generate a unique filename");
  close(fd);
  pic_pushstring(L, buff);
  return 1;
}

/* Query-only: the process locale is shared with the host, so scripts may
** not change it; "C", "POSIX" and "" are accepted as the current one. */
static int os_setlocale(pic_State *L) {
  static const char *const catnames[] = {"all", "collate", "ctype", "monetary", "numeric", "time", NULL};
  const char *l = picL_optstring(L, 1, NULL);
  picL_checkoption(L, 2, "all", catnames);
  if (l == NULL || strcmp(l, "C") == 0 || strcmp(l, "POSIX") == 0 || l[0] == '\0')
    pic_pushliteral(L, "C");
  else
    pic_pushnil(L);
  return 1;
}

static const picL_Reg baselib[] = {
  {"difftime", os_difftime},
  {"setlocale", os_setlocale},
  {NULL, NULL}
};

static const picL_Reg clocklib[] = {
  {"clock", os_clock},
  {"date", os_date},
  {"time", os_time},
  {NULL, NULL}
};

static const picL_Reg envlib[] = {
  {"getenv", os_getenv},
  {NULL, NULL}
};

static const picL_Reg processlib[] = {
  {"exit", os_exit},
  {"execute", os_execute},
  {NULL, NULL}
};

static const picL_Reg fileslib[] = {
  {"remove", os_remove},
  {"rename", os_rename},
  {"tmpname", os_tmpname},
  {NULL, NULL}
};

/* Opens the os library: pushes its table with the functions the state's
** capabilities allow. */
int picopen_os(pic_State *L) {
  unsigned caps = pic_getcaps(L);
  picL_newlib(L, baselib);
  if (caps & PIC_CAP_CLOCK)
    picL_setfuncs(L, clocklib, 0);
  if (caps & PIC_CAP_ENV)
    picL_setfuncs(L, envlib, 0);
  if (caps & PIC_CAP_PROCESS)
    picL_setfuncs(L, processlib, 0);
  if (caps & PIC_CAP_FILES)
    picL_setfuncs(L, fileslib, 0);
  return 1;
}
