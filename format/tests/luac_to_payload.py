# luac_to_payload.py -- converts a luac5.4 binary chunk into a piccolo image
# payload (docs/image-format.md), so the verifier can be checked against real
# Lua 5.4 code generation. Module: format tests. Usage: IN.luac OUT.payload
# Only change: MMBIN* C operands go from Lua's TMS numbering (TM_ADD = 6) to
# fmt_BinEvent (FMT_TM_ADD = 0).
import struct, sys

class R:
    def __init__(s, b): s.b = b; s.i = 0
    def u8(s): v = s.b[s.i]; s.i += 1; return v
    def raw(s, n): v = s.b[s.i:s.i+n]; s.i += n; return v
    def vu(s):
        x = 0
        while True:
            b = s.u8(); x = (x << 7) | (b & 0x7f)
            if b & 0x80: return x
    def st(s):
        n = s.vu()
        if n == 0: return None
        return s.raw(n - 1)

def fn(r, psource):
    src = r.st()
    if src is None: src = psource
    ld = r.vu(); lld = r.vu()
    npar = r.u8(); va = r.u8(); ms = r.u8()
    n = r.vu(); code = list(struct.unpack('<%dI' % n, r.raw(4 * n)))
    for i, c in enumerate(code):
        op = c & 0x7f
        if op in (46, 47, 48):  # MMBIN, MMBINI, MMBINK: TM_ADD is 6 in Lua
            cc = (c >> 24) - 6
            code[i] = (c & 0x00ffffff) | (cc << 24)
    nk = r.vu(); ks = []
    for _ in range(nk):
        t = r.u8()
        if t == 0x00: ks.append((0, None))
        elif t == 0x01: ks.append((1, None))
        elif t == 0x11: ks.append((2, None))
        elif t == 0x03: ks.append((3, r.raw(8)))
        elif t == 0x13: ks.append((4, r.raw(8)))
        elif t in (0x04, 0x14): ks.append((5, r.st() or b''))
        else: raise Exception('const tag %x' % t)
    nu = r.vu(); ups = [(r.u8(), r.u8(), r.u8()) for _ in range(nu)]
    npr = r.vu(); ps = [fn(r, src) for _ in range(npr)]
    nl = r.vu(); li = [struct.unpack('b', r.raw(1))[0] for _ in range(nl)]
    na = r.vu(); ab = {}
    for _ in range(na):
        pc = r.vu(); line = r.vu(); ab[pc] = line
    nlv = r.vu(); lv = [(r.st() or b'', r.vu(), r.vu()) for _ in range(nlv)]
    nun = r.vu(); un = [r.st() or b'' for _ in range(nun)]
    lines = []; cur = ld
    for pc, d in enumerate(li):
        if d == -128: cur = ab[pc]
        else: cur += d
        lines.append(cur)
    return dict(src=src or b'', ld=ld, lld=lld, npar=npar, va=va, ms=ms, code=code, ks=ks,
                ups=ups, ps=ps, lines=lines, lv=lv, un=un)

def wstr(o, s): o += struct.pack('<I', len(s)) + s

def zz(d): return ((d << 1) ^ (d >> 63)) & 0xffffffffffffffff

def varint(o, v):
    while True:
        b = v & 0x7f; v >>= 7
        o.append(b | (0x80 if v else 0))
        if not v: break

def wfn(o, f):
    o += struct.pack('<BBBII', f['npar'], f['va'], f['ms'], f['ld'], f['lld'])
    o += struct.pack('<I', len(f['code'])) + struct.pack('<%dI' % len(f['code']), *f['code'])
    o += struct.pack('<I', len(f['ks']))
    for kind, v in f['ks']:
        o.append(kind)
        if kind in (3, 4): o += v
        elif kind == 5: wstr(o, v)
    o += struct.pack('<I', len(f['ups']))
    for i, (a, b, c) in enumerate(f['ups']):
        o += bytes([a, b, c]); wstr(o, f['un'][i] if i < len(f['un']) else b'')
    o += struct.pack('<I', len(f['ps']))
    for p in f['ps']: wfn(o, p)
    wstr(o, f['src'])
    L = f['lines']
    o += struct.pack('<I', len(L))
    if L:
        o += struct.pack('<I', L[0])
        for i in range(1, len(L)): varint(o, zz(L[i] - L[i-1]))
    o += struct.pack('<I', len(f['lv']))
    for n, s, e in f['lv']:
        wstr(o, n); o += struct.pack('<II', s, e)

b = open(sys.argv[1], 'rb').read()
r = R(b)
assert r.raw(4) == b'\x1bLua' and r.u8() == 0x54
r.raw(1 + 6 + 3 + 8 + 8)
r.u8()  # main closure upvalues
main = fn(r, None)
o = bytearray(struct.pack('<I', 1)); wstr(o, b''); wfn(o, main)
open(sys.argv[2], 'wb').write(o)
