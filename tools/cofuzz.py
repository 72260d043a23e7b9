#!/usr/bin/env python3
"""cofuzz.py SEED: prints a random Lua program exercising coroutines (create,
wrap, resume, yield with 0-5 values and nils, nesting two deep, for-in over wrap
generators, yields across pcall, errors, status, isyieldable, close), to run on
lua5.4 and on piccolo and compare. tests/lua/coro/fuzz_seed*.lua are outputs of
it. A loop over seeds:
  for s in $(seq 1 500); do tools/cofuzz.py $s > /tmp/p.lua;
    lua5.4 /tmp/p.lua > /tmp/l.out 2>&1; bazel-bin/piccoloi /tmp/p.lua > /tmp/q.out 2>&1;
    sed -i 's/^lua5.4: //; s/^[^ ]*piccoloi: //' /tmp/l.out /tmp/q.out;
    cmp -s /tmp/l.out /tmp/q.out || echo "seed $s differs"; done
"""
import random, sys
def vals(r, n):
    out = []
    for _ in range(n):
        k = r.random()
        if k < 0.3: out.append(str(r.randint(-5, 50)))
        elif k < 0.45: out.append('nil')
        elif k < 0.6: out.append('"s%d"' % r.randint(0, 9))
        elif k < 0.7: out.append('%d.5' % r.randint(0, 9))
        elif k < 0.8: out.append('x')
        else: out.append('(x or 0) + %d' % r.randint(1, 3))
    return ', '.join(out)
def body(r, depth, name):
    lines = []
    for _ in range(r.randint(1, 5)):
        k = r.random()
        if k < 0.35:
            lines.append('x = select("#", %s(%s)) + (tonumber((%s(%s))) or 0)' % (r.choice(['yield', 'coroutine.yield']), vals(r, r.randint(0, 4)), r.choice(['yield','coroutine.yield']), vals(r, r.randint(0,2))))
        elif k < 0.5:
            lines.append('log(%s(%s))' % (r.choice(['yield', 'coroutine.yield']), vals(r, r.randint(0, 5))))
        elif k < 0.6 and depth < 2:
            lines.append('do local c = coroutine.create(function(...) %s end) for i = 1, %d do log("in", %s, coroutine.resume(c, %s)) end log(coroutine.status(c)) end' % (body(r, depth + 1, name), r.randint(1, 4), '"%s"' % name, vals(r, r.randint(0, 3))))
        elif k < 0.7 and depth < 2:
            lines.append('do local w = coroutine.wrap(function(...) %s return "end" end) for i = 1, %d do log("w", pcall(w, %s)) end end' % (body(r, depth + 1, name), r.randint(1, 4), vals(r, r.randint(0, 3))))
        elif k < 0.75:
            lines.append('if x == %d then error("boom%d") end' % (r.randint(0, 5), r.randint(0, 9)))
        elif k < 0.8:
            lines.append('log(coroutine.isyieldable(), coroutine.status(coroutine.running()))')
        elif k < 0.85 and depth < 2:
            lines.append('for v, w in coroutine.wrap(function() for i = 1, %d do yield(i, %s) end end) do log("f", v, w) end' % (r.randint(0, 4), vals(r, 1)))
        elif k < 0.9:
            lines.append('x = select("#", yield(table.unpack({%s}, 1, %d)))' % (vals(r, 3), r.randint(0, 3)))
        else:
            lines.append('log(pcall(function(...) return yield(...) end, %s))' % vals(r, r.randint(0, 2)))
    return ' '.join(lines)
def prog(seed):
    r = random.Random(seed)
    out = ['local yield = coroutine.yield', 'local x = 0',
           'local function log(...) local t = table.pack(...) for i = 1, t.n do t[i] = tostring(t[i]) end print(table.concat(t, " ")) end']
    for c in range(r.randint(1, 3)):
        out.append('local co%d = coroutine.create(function(...) x = select("#", ...) %s return "done%d", x end)' % (c, body(r, 0, 'co%d' % c), c))
    for step in range(r.randint(3, 12)):
        c = r.randint(0, 0 if len(out) < 4 else len([l for l in out if l.startswith('local co')]) - 1)
        out.append('log("main", coroutine.resume(co%d, %s))' % (c, vals(r, r.randint(0, 4))))
        if r.random() < 0.2:
            out.append('log(coroutine.status(co%d))' % c)
        if r.random() < 0.1:
            out.append('log(coroutine.close(co%d))' % c)
    return ('\n'.join(out) + '\n').replace(', )', ')')
if __name__ == '__main__':
    sys.stdout.write(prog(int(sys.argv[1])))
