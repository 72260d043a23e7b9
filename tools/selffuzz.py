#!/usr/bin/env python3
"""selffuzz.py SEED: prints a random Lua program of recursive `local function`s
(plain, vararg, tail, two self-calls, returning itself, through an inner
closure, reassigned afterwards, as __call and __index methods, in coroutines,
through pcall, shadowed by an inner local, declared in a loop, self-assigned),
whose reads of their own name piccoloc -O2 compiles as reads of the running
closure when the name is never assigned (compiler/parse.c "self reads"). Run
it on lua5.4 and on piccolo and compare; tests/lua/lang/self_calls.lua holds
hand-picked cases. A loop over seeds:
  for s in $(seq 1 300); do tools/selffuzz.py $s > /tmp/p.lua;
    lua5.4 /tmp/p.lua > /tmp/l.out 2>&1; bazel-bin/piccoloc -o /tmp/p.pci /tmp/p.lua &&
    bazel-bin/piccolo /tmp/p.pci > /tmp/q.out 2>&1;
    sed -i 's/^lua5.4: //; s/^piccolo: //' /tmp/l.out /tmp/q.out;
    cmp -s /tmp/l.out /tmp/q.out || echo "seed $s differs"; done
"""
import random, sys
r = random.Random(int(sys.argv[1]))
out = []
def fn(name, depth):
    kind = r.choice(['plain','vararg','tail','twoself','value','closure','assign','method','coro','pcall','shadow','loopdecl'])
    p = []
    if kind == 'plain':
        p.append(f'local function {name}(n) if n <= 0 then return 0 end return 1 + {name}(n - 1) end')
        call = f'{name}({r.randint(0,50)})'
    elif kind == 'vararg':
        p.append(f'local function {name}(n, ...) if n <= 0 then return select("#", ...) end return {name}(n - 1, n, ...) + 0 end')
        call = f'{name}({r.randint(0,6)}, "a")'
    elif kind == 'tail':
        p.append(f'local function {name}(n, acc) if n == 0 then return acc end return {name}(n - 1, acc + n) end')
        call = f'{name}({r.randint(0,3000)}, 0)'
    elif kind == 'twoself':
        p.append(f'local function {name}(n) if n < 2 then return n end return {name}(n - 1) + {name}(n - 2) end')
        call = f'{name}({r.randint(0,15)})'
    elif kind == 'value':
        p.append(f'local function {name}(n) if n == 0 then return {name} end return {name}(n - 1) end')
        call = f'({name}({r.randint(0,5)}) == {name})'
    elif kind == 'closure':
        p.append(f'local function {name}(n) local g = function(k) return {name}(k) end if n <= 0 then return 7 end return g(n - 1) + 1 end')
        call = f'{name}({r.randint(0,8)})'
    elif kind == 'assign':
        p.append(f'local function {name}(n) if n <= 0 then return "orig" end return {name}(n - 1) end')
        p.append(f'local saved_{name} = {name}')
        p.append(f'{name} = function(n) return "replaced" .. n end')
        call = f'saved_{name}({r.randint(0,4)})'
    elif kind == 'method':
        p.append(f'local function {name}(self, n) if n <= 0 then return self.v end return {name}(self, n - 1) + 1 end')
        p.append(f'local obj_{name} = setmetatable({{v = 3}}, {{__call = {name}, __index = {{m = {name}}}}})')
        call = f'obj_{name}({r.randint(0,5)}) + obj_{name}:m({r.randint(0,5)})'
    elif kind == 'coro':
        p.append(f'local function {name}(n) if n <= 0 then return "end" end coroutine.yield(n) return {name}(n - 1) end')
        call = f'(function() local co = coroutine.wrap({name}) local s = "" for _ = 1, 4 do s = s .. tostring(co({r.randint(0,3)})) end return s end)()'
        call = f'select(2, pcall(function() local co = coroutine.wrap({name}) local s = "" for _ = 1, 3 do s = s .. tostring(co({r.randint(0,5)})) end return s end))'
    elif kind == 'pcall':
        p.append(f'local function {name}(n) if n <= 0 then error("bottom" .. n, 0) end return {name}(n - 1) end')
        call = f'select(2, pcall({name}, {r.randint(0,5)}))'
    elif kind == 'shadow':
        p.append(f'local function {name}(n) if n <= 0 then return 1 end local {name} = function() return 100 end return {name}() + n end')
        call = f'{name}({r.randint(0,5)})'
    elif kind == 'loopdecl':
        p.append(f'local acc_{name} = {{}}')
        p.append(f'for i = 1, 3 do local function {name}(n) if n <= 0 then return i end return {name}(n - 1) end acc_{name}[i] = {name}({r.randint(0,4)}) end')
        call = f'table.concat(acc_{name}, ",")'
    return p, call
names = ['f%d' % i for i in range(r.randint(2, 7))]
calls = []
for nm in names:
    p, c = fn(nm, 0)
    out.extend(p); calls.append(c)
    if r.random() < 0.3:
        out.append(f'{nm} = {nm}')   # a self-assignment still counts as one
for c in calls:
    out.append(f'print({c})')
print('\n'.join(out))
