/*
** pobject.h -- tagged values and the layout of every heap object.
** Module: runtime (internal). Shapes follow Lua 5.4's lobject.h.
**
** Invariants:
**   - a TValue's tag (tt_) fully determines which union member is valid;
**   - collectable values have BIT_ISCOLLECTABLE set in the tag and point to
**     a GCObject whose own tt equals the value's tag without that bit;
**   - every GCObject is on exactly one of the collector's lists (pgc.h);
**   - strings are immutable; short strings (<= PIC_MAXSHORTLEN bytes) are
**     interned, so two short strings are equal iff their pointers are equal.
*/
#ifndef POBJECT_H
#define POBJECT_H

#include <stddef.h>
#include <stdint.h>

#include "format/opcodes.h"
#include "runtime/piccolo.h"

/* Branch hints for fast paths (the executor, the inline table lookups), and
** a read prefetch (the collector's sweeps: the next object of a list). */
#if defined(__GNUC__)
#define pic_unlikely(x) __builtin_expect((x) != 0, 0)
#define pic_likely(x) __builtin_expect((x) != 0, 1)
#define pic_prefetch(p) __builtin_prefetch(p)
#else
#define pic_unlikely(x) (x)
#define pic_likely(x) (x)
#define pic_prefetch(p) ((void)(p))
#endif

typedef fmt_Instr Instruction;

/* ---- type tags: basic type in bits 0-3, variant in bits 4-5 ---- */
#define makevariant(t, v) ((t) | ((v) << 4))

#define PIC_VNIL      makevariant(PIC_TNIL, 0)
#define PIC_VEMPTY    makevariant(PIC_TNIL, 1)   /* empty table slot */
#define PIC_VABSTKEY  makevariant(PIC_TNIL, 2)   /* result of a missing key */
#define PIC_VFALSE    makevariant(PIC_TBOOLEAN, 0)
#define PIC_VTRUE     makevariant(PIC_TBOOLEAN, 1)
#define PIC_VLIGHTUD  makevariant(PIC_TLIGHTUSERDATA, 0)
#define PIC_VNUMINT   makevariant(PIC_TNUMBER, 0)
#define PIC_VNUMFLT   makevariant(PIC_TNUMBER, 1)
#define PIC_VSHRSTR   makevariant(PIC_TSTRING, 0)
#define PIC_VLNGSTR   makevariant(PIC_TSTRING, 1)
#define PIC_VTABLE    makevariant(PIC_TTABLE, 0)
#define PIC_VLCL      makevariant(PIC_TFUNCTION, 0)  /* Lua closure */
#define PIC_VLCF      makevariant(PIC_TFUNCTION, 1)  /* light C function */
#define PIC_VCCL      makevariant(PIC_TFUNCTION, 2)  /* C closure */
#define PIC_VUSERDATA makevariant(PIC_TUSERDATA, 0)
#define PIC_VTHREAD   makevariant(PIC_TTHREAD, 0)
#define PIC_TUPVAL    PIC_NUMTYPES                   /* internal GC types */
#define PIC_TPROTO    (PIC_NUMTYPES + 1)
#define PIC_VUPVAL    makevariant(PIC_TUPVAL, 0)
#define PIC_VPROTO    makevariant(PIC_TPROTO, 0)

#define BIT_ISCOLLECTABLE (1 << 6)
#define ctb(t) ((t) | BIT_ISCOLLECTABLE)

/* ---- values ---- */
typedef struct GCObject GCObject;

typedef union Value {
  GCObject *gc;
  void *p;
  pic_CFunction f;
  pic_Integer i;
  pic_Number n;
} Value;

typedef struct TValue {
  _Alignas(8) Value value_;   /* 16 bytes on 32-bit targets too (pvm.c operand scaling) */
  uint8_t tt_;
} TValue;

/* A stack slot. */
typedef TValue *StkId;

#define rawtt(o)        ((o)->tt_)
#define novariant(t)    ((t) & 0x0F)
#define withvariant(t)  ((t) & 0x3F)
#define ttypetag(o)     withvariant(rawtt(o))
#define ttype(o)        novariant(rawtt(o))
#define checktag(o, t)  (rawtt(o) == (t))
#define checktype(o, t) (ttype(o) == (t))
#define iscollectable(o) (rawtt(o) & BIT_ISCOLLECTABLE)

#define ttisnil(o)        checktype((o), PIC_TNIL)
#define ttisstrictnil(o)  checktag((o), PIC_VNIL)
#define isabstkey(o)      checktag((o), PIC_VABSTKEY)
#define isempty(o)        ttisnil(o)
#define ttisboolean(o)    checktype((o), PIC_TBOOLEAN)
#define ttisfalse(o)      checktag((o), PIC_VFALSE)
#define ttistrue(o)       checktag((o), PIC_VTRUE)
#define l_isfalse(o)      (ttisfalse(o) || ttisnil(o))
#define ttisnumber(o)     checktype((o), PIC_TNUMBER)
#define ttisfloat(o)      checktag((o), PIC_VNUMFLT)
#define ttisinteger(o)    checktag((o), PIC_VNUMINT)
#define ttisstring(o)     checktype((o), PIC_TSTRING)
#define ttisshrstring(o)  checktag((o), ctb(PIC_VSHRSTR))
#define ttislngstring(o)  checktag((o), ctb(PIC_VLNGSTR))
#define ttistable(o)      checktag((o), ctb(PIC_VTABLE))
#define ttisfunction(o)   checktype(o, PIC_TFUNCTION)
#define ttisLclosure(o)   checktag((o), ctb(PIC_VLCL))
#define ttislcf(o)        checktag((o), PIC_VLCF)
#define ttisCclosure(o)   checktag((o), ctb(PIC_VCCL))
#define ttisclosure(o)    (ttisLclosure(o) || ttisCclosure(o))
#define ttisfulluserdata(o) checktag((o), ctb(PIC_VUSERDATA))
#define ttislightuserdata(o) checktag((o), PIC_VLIGHTUD)
#define ttisthread(o)     checktag((o), ctb(PIC_VTHREAD))

#define val_(o)       ((o)->value_)
#define gcvalue(o)    (val_(o).gc)
#define ivalue(o)     (val_(o).i)
#define fltvalue(o)   (val_(o).n)
#define nvalue(o)     (ttisinteger(o) ? (pic_Number)ivalue(o) : fltvalue(o))
#define pvalue(o)     (val_(o).p)
#define fvalue(o)     (val_(o).f)
#define tsvalue(o)    gco2ts(val_(o).gc)
#define hvalue(o)     gco2t(val_(o).gc)
#define clLvalue(o)   gco2lcl(val_(o).gc)
#define clCvalue(o)   gco2ccl(val_(o).gc)
#define uvalue(o)     gco2u(val_(o).gc)
#define thvalue(o)    gco2th(val_(o).gc)

#define settt_(o, t)      ((o)->tt_ = (uint8_t)(t))
#define setnilvalue(o)    settt_(o, PIC_VNIL)
#define setempty(o)       settt_(o, PIC_VEMPTY)
#define setfltvalue(o, x) { TValue *io_ = (o); val_(io_).n = (x); settt_(io_, PIC_VNUMFLT); }
#define setivalue(o, x)   { TValue *io_ = (o); val_(io_).i = (x); settt_(io_, PIC_VNUMINT); }
#define setbfvalue(o)     settt_(o, PIC_VFALSE)
#define setbtvalue(o)     settt_(o, PIC_VTRUE)
#define setbvalue(o, b)   settt_(o, (b) ? PIC_VTRUE : PIC_VFALSE)
#define setpvalue(o, x)   { TValue *io_ = (o); val_(io_).p = (x); settt_(io_, PIC_VLIGHTUD); }
#define setfvalue(o, x)   { TValue *io_ = (o); val_(io_).f = (x); settt_(io_, PIC_VLCF); }
#define setgcovalue(o, x, tag) { TValue *io_ = (o); GCObject *i_g = (x); \
                                 val_(io_).gc = i_g; settt_(io_, ctb(tag)); }
/* [x] is evaluated once: it may be the call that makes the string (a second
** call would make a second long string, and could collect the first). */
#define setsvalue(L, o, x)   { TString *x_ = (x); setgcovalue(o, obj2gco(x_), x_->tt); }
#define sethvalue(L, o, x)   setgcovalue(o, obj2gco(x), PIC_VTABLE)
#define setclLvalue(L, o, x) setgcovalue(o, obj2gco(x), PIC_VLCL)
#define setclCvalue(L, o, x) setgcovalue(o, obj2gco(x), PIC_VCCL)
#define setuvalue(L, o, x)   setgcovalue(o, obj2gco(x), PIC_VUSERDATA)
#define setthvalue(L, o, x)  setgcovalue(o, obj2gco(x), PIC_VTHREAD)
#define setobj(L, o1, o2)    { TValue *io1_ = (o1); const TValue *io2_ = (o2); \
                               io1_->value_ = io2_->value_; settt_(io1_, io2_->tt_); }
#define setobj2s setobj
#define setobjs2s setobj
#define setobj2t setobj
#define setobj2n setobj

/* ---- GC header ---- */
#define CommonHeader struct GCObject *next; uint8_t tt; uint8_t marked

struct GCObject {
  CommonHeader;
};

/* ---- strings ---- */
#define PIC_MAXSHORTLEN 40

typedef struct TString {
  CommonHeader;
  uint8_t extra;    /* short: reserved-word index (unused at runtime); long: hash computed */
  uint8_t shrlen;   /* length of a short string */
  uint32_t hash;
  size_t lnglen;             /* length of a long string */
  char contents[1];          /* zero-terminated */
} TString;

#define getstr(ts)  ((ts)->contents)
#define tsslen(s)   ((s)->tt == PIC_VSHRSTR ? (size_t)(s)->shrlen : (s)->lnglen)
#define svalue(o)   getstr(tsvalue(o))
#define vslen(o)    tsslen(tsvalue(o))

/* ---- userdata ---- */
typedef struct Udata {
  CommonHeader;
  uint16_t nuvalue;
  size_t len;
  struct Table *metatable;
  GCObject *gclist;
  TValue uv[1];     /* nuvalue user values; the block follows, aligned */
} Udata;

/* Offset of the user block of a userdata with [nuv] user values. */
#define udatamemoffset(nuv) \
  ((offsetof(Udata, uv) + sizeof(TValue) * ((nuv) > 0 ? (nuv) : 1) + 15) & ~(size_t)15)
#define getudatamem(u) ((char *)(u) + udatamemoffset((u)->nuvalue))
#define sizeudata(nuv, nb) (udatamemoffset(nuv) + (nb))

/* ---- prototypes ---- */
typedef struct Upvaldesc {
  struct TString *name;   /* NULL when stripped */
  uint8_t instack;
  uint8_t idx;
  uint8_t kind;
} Upvaldesc;

typedef struct LocVar {
  struct TString *varname;
  int startpc;
  int endpc;
} LocVar;

typedef struct Proto {
  CommonHeader;
  uint8_t numparams;
  uint8_t is_vararg;
  uint8_t maxstacksize;
  int sizeupvalues;
  int sizek;
  int sizecode;
  int sizelineinfo;       /* 0 (stripped) or sizecode */
  int sizep;
  int sizelocvars;
  int linedefined;
  int lastlinedefined;
  TValue *k;
  Instruction *code;
  struct Proto **p;
  Upvaldesc *upvalues;
  int *lineinfo;          /* line of each instruction */
  LocVar *locvars;
  struct TString *source; /* NULL when stripped */
  GCObject *gclist;
} Proto;

/* ---- upvalues and closures ---- */
typedef struct UpVal {
  CommonHeader;
  TValue *v;              /* points to the stack slot while open, to u.value when closed */
  union {
    struct {
      struct UpVal *next;       /* open list of the thread, by decreasing level */
      struct UpVal **previous;
    } open;
    TValue value;
  } u;
} UpVal;

#define upisopen(up) ((up)->v != &(up)->u.value)

#define ClosureHeader CommonHeader; uint8_t nupvalues; GCObject *gclist

typedef struct CClosure {
  ClosureHeader;
  pic_CFunction f;
  TValue upvalue[1];
} CClosure;

typedef struct LClosure {
  ClosureHeader;
  struct Proto *p;
  UpVal *upvals[1];
} LClosure;

#define sizeCclosure(n) (offsetof(CClosure, upvalue) + sizeof(TValue) * (size_t)((n) > 0 ? (n) : 1))
#define sizeLclosure(n) (offsetof(LClosure, upvals) + sizeof(UpVal *) * (size_t)((n) > 0 ? (n) : 1))

/* ---- tables ---- */
/* A hash-part entry, 24 bytes as in Lua 5.4: the key's tag and the chain
** offset live in the padding after the value's tag, so 'i_val' is a TValue
** view of the value. Invariant: nothing copies a TValue into i_val as a
** whole struct (setobj assigns fields; a struct copy would clobber key_tt
** and next). */
typedef union Node {
  struct NodeKey {
    Value value_;         /* the value's fields, laid out as in TValue */
    uint8_t tt_;
    uint8_t key_tt;       /* the key's tag */
    int next;             /* offset to the next node in the collision chain */
    Value key_val;        /* the key's value */
  } u;
  TValue i_val;
} Node;

typedef struct Table {
  CommonHeader;
  uint8_t flags;          /* 1 << tm: metamethod tm known absent (tm < TM_EQ+1);
                             bit 7 (PIC_BITRAS): alimit is not the array size */
  uint8_t lsizenode;      /* log2 of the node array size */
  /* Length hint ('alimit' of Lua's ltable.c): the array size, or (bit 7 of
  ** flags set) a value in (size/2, size] of a power-of-2 size, which is then
  ** the smallest power of 2 >= alimit (picH_realasize). Keys 1..alimit take
  ** the executor's array fast path; '#' starts its search here. */
  unsigned int alimit;
  unsigned int nodemask;  /* sizenode(t) - 1: a key's main position is hash & nodemask */
  TValue *array;          /* array part: keys 1..picH_realasize(t) */
  Node *node;
  Node *lastfree;         /* free positions are before this */
  struct Table *metatable;
  GCObject *gclist;
} Table;

#define gval(n)     (&(n)->i_val)
#define gnext(n)    ((n)->u.next)
#define keytt(n)    ((n)->u.key_tt)
#define keyval(n)   ((n)->u.key_val)
#define keyisnil(n)       (novariant(keytt(n)) == PIC_TNIL)
#define keyisinteger(n)   (keytt(n) == PIC_VNUMINT)
#define keyival(n)        (keyval(n).i)
#define keyisshrstr(n)    (keytt(n) == ctb(PIC_VSHRSTR))
#define keystrval(n)      (gco2ts(keyval(n).gc))
#define keyiscollectable(n) (keytt(n) & BIT_ISCOLLECTABLE)
#define gckey(n)          (keyval(n).gc)
#define gckeyN(n)         (keyiscollectable(n) ? gckey(n) : NULL)
#define setnilkey(n)      (keytt(n) = PIC_VNIL)
/* Copies TValue [obj] into the key of node [n], and back. */
#define setnodekey(L, n, obj) { Node *n_ = (n); const TValue *io_ = (obj); \
    n_->u.key_val = io_->value_; n_->u.key_tt = io_->tt_; }
#define getnodekey(L, obj, n) { TValue *io_ = (obj); const Node *n_ = (n); \
    io_->value_ = n_->u.key_val; settt_(io_, n_->u.key_tt); }
#define sizenode(t) (1u << (t)->lsizenode)

/* ---- conversions between GCObject and concrete types ---- */
#define obj2gco(v)  ((GCObject *)(v))
#define gco2ts(o)   ((TString *)(o))
#define gco2u(o)    ((Udata *)(o))
#define gco2lcl(o)  ((LClosure *)(o))
#define gco2ccl(o)  ((CClosure *)(o))
#define gco2t(o)    ((Table *)(o))
#define gco2p(o)    ((Proto *)(o))
#define gco2th(o)   ((pic_State *)(o))
#define gco2upv(o)  ((UpVal *)(o))

/* ---- numbers (pobject.c, prefix picO_) ---- */

/* Converts a string to a number as Lua's lexer reads numerals (with
** surrounding spaces allowed); returns strlen+1 on success, 0 on failure. */
size_t picO_str2num(const char *s, TValue *o);
/* Writes a number as Lua's tostring does ("%.14g", integers plain, floats
** that look like integers get ".0", "inf", "-inf", "nan"/"-nan"); returns length. */
int picO_tostringbuff(const TValue *obj, char *buff);
#define PIC_MAXNUMBER2STR 44
/* Writes float [x] as snprintf's "%.14g" (Lua's number format) into [buff]
** (PIC_MAXNUMBER2STR bytes); returns the length. */
int picO_fmtg14(pic_Number x, char *buff);
/* Writes float [x] as "%.<prec>g" when x is exactly a decimal of at most
** [prec] significant digits that format shows in fixed notation (1 * 2^-6
** is 0.015625; 0.1 is not exact); returns the length, or -1 writing nothing. */
int picO_fmtgexact(pic_Number x, int prec, char *buff);
/* Writes float [x] as "%.<prec>f" (prec <= 15, |x| < 1e15, x * 10^prec
** below 4e15) when the rounding is decided without exact arithmetic (not
** near a tie); returns the length (at most 33), or -1 writing nothing. */
int picO_fmtf(pic_Number x, int prec, char *buff);
/* Arithmetic without metamethods on numbers; returns 0 if not applicable. */
int picO_rawarith(pic_State *L, int op, const TValue *p1, const TValue *p2, TValue *res);
/* Float -> integer (mode 0: exact only, 1: floor, 2: ceil); returns 0 if not representable. */
int picO_flttointns(pic_Number n, pic_Integer *p, int mode);
/* Value (number or numeric string) -> integer/float; return 0 on failure. */
int picO_tointegerns(const TValue *obj, pic_Integer *p, int mode);
int picO_tonumber(const TValue *obj, pic_Number *n);
pic_Integer picO_idiv(pic_State *L, pic_Integer m, pic_Integer n);   /* raises on n == 0 */
pic_Integer picO_mod(pic_State *L, pic_Integer m, pic_Integer n);    /* raises on n == 0 */
pic_Number picO_modf(pic_State *L, pic_Number m, pic_Number n);
/* Logical shift left by [y] (right when negative); 0 past 63 bits. Inline:
** the executor's shift instructions use it. */
static inline pic_Integer picO_shiftl(pic_Integer x, pic_Integer y) {
  if (y < 0) {
    if (y <= -(pic_Integer)(sizeof(pic_Integer) * 8))
      return 0;
    return (pic_Integer)((pic_Unsigned)x >> (pic_Unsigned)(-y));
  }
  if (y >= (pic_Integer)(sizeof(pic_Integer) * 8))
    return 0;
  return (pic_Integer)((pic_Unsigned)x << (pic_Unsigned)y);
}
/* Formats like pic_pushfstring into a new string pushed on the stack. */
const char *picO_pushvfstring(pic_State *L, const char *fmt, va_list argp);
/* Builds "source:line" style chunk ids, as luaO_chunkid. */
void picO_chunkid(char *out, const char *source, size_t srclen);
#define PIC_IDSIZE 60

#endif
