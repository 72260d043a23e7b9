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

# kind: (declaration lines, call expression); every capital F is the function's name and N
# a random count (the templates hold no other capital F or N), filled in per function.
KINDS = {
    'plain': (['local function F(n) if n <= 0 then return 0 end return 1 + F(n - 1) end'],
              'F(N)'),
    'vararg': (['local function F(n, ...) if n <= 0 then return select("#", ...) end return F(n - 1, n, ...) + 0 end'],
               'F(N, "a")'),
    'tail': (['local function F(n, acc) if n == 0 then return acc end return F(n - 1, acc + n) end'],
             'F(N * 500, 0)'),
    'twoself': (['local function F(n) if n < 2 then return n end return F(n - 1) + F(n - 2) end'],
                'F(N)'),
    'value': (['local function F(n) if n == 0 then return F end return F(n - 1) end'],
              '(F(N) == F)'),
    'closure': (['local function F(n) local g = function(k) return F(k) end if n <= 0 then return 7 end return g(n - 1) + 1 end'],
                'F(N)'),
    'assign': (['local function F(n) if n <= 0 then return "orig" end return F(n - 1) end',
                'local saved_F = F',
                'F = function(n) return "replaced" .. n end'],
               'saved_F(N)'),
    'method': (['local function F(self, n) if n <= 0 then return self.v end return F(self, n - 1) + 1 end',
                'local obj_F = setmetatable({v = 3}, {__call = F, __index = {m = F}})'],
               'obj_F(N) + obj_F:m(N)'),
    'coro': (['local function F(n) if n <= 0 then return "end" end coroutine.yield(n) return F(n - 1) end'],
             'select(2, pcall(function() local co = coroutine.wrap(F) local s = "" for _ = 1, 3 do s = s .. tostring(co(N)) end return s end))'),
    'pcall': (['local function F(n) if n <= 0 then error("bottom" .. n, 0) end return F(n - 1) end'],
              'select(2, pcall(F, N))'),
    'shadow': (['local function F(n) if n <= 0 then return 1 end local F = function() return 100 end return F() + n end'],
               'F(N)'),
    'loopdecl': (['local acc_F = {}',
                  'for i = 1, 3 do local function F(n) if n <= 0 then return i end return F(n - 1) end acc_F[i] = F(N) end'],
                 'table.concat(acc_F, ",")'),
}

def fill(text, name, n):
    return text.replace('F', name).replace('N', str(n))

r = random.Random(int(sys.argv[1]))
out, calls = [], []
for name in ['f%d' % i for i in range(r.randint(2, 7))]:
    lines, call = KINDS[r.choice(sorted(KINDS))]
    n = r.randint(0, 8)
    out.extend(fill(line, name, n) for line in lines)
    calls.append(fill(call, name, n))
    if r.random() < 0.3:
        out.append('%s = %s' % (name, name))   # a self-assignment still counts as one
for c in calls:
    out.append('print(%s)' % c)
print('\n'.join(out))
