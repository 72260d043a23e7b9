#!/usr/bin/env python3
"""idxfuzz.py SEED: prints a random Lua program whose table reads and writes
with register keys (t[k], t[k] = v, and an upvalue table up[k]) each see many
kinds of key (integers in and out of the array part, 0, negative, 2^53, floats
with and without an integer value, strings, booleans) and of indexed value (arrays,
hash tables, tables with __index/__newindex functions, a string, a number, nil),
in loops, so that the executor's quickened instructions (docs/architecture.md)
meet them all; errors go through pcall, table contents are printed sorted. Run it
on lua5.4 and on piccolo and compare; tests/lua/tables/idxfuzz_seed*.lua are
outputs of it. A loop over seeds:
  for s in $(seq 1 300); do tools/idxfuzz.py $s > /tmp/p.lua;
    lua5.4 /tmp/p.lua > /tmp/l.out 2>&1; bazel-bin/piccoloi /tmp/p.lua > /tmp/q.out 2>&1;
    sed -i 's/^lua5.4: //; s/^[^ ]*piccoloi: //' /tmp/l.out /tmp/q.out;
    cmp -s /tmp/l.out /tmp/q.out || echo "seed $s differs"; done
"""
import random, sys
def gen(seed):
    r = random.Random(seed)
    keys = ["1", "2", "3", "0", "-1", "1.0", "2.5", "2^53", "'a'", "'b'", "true", "4", "5", "100", "i", "i+1", "i*2", "n", "#t"]
    vals = ["1", "nil", "'s'", "i", "{}", "false", "2.5", "t"]
    out = ["local log = {}", "local function S(x) if type(x) == 'table' then return 'tbl' end return tostring(x) end",
           "local mt = {__index = function(t, k) log[#log+1] = 'g' .. tostring(k); return 'mm' end,",
           "            __newindex = function(t, k, v) log[#log+1] = 's' .. tostring(k); rawset(t, k, v) end}",
           "local up = {}",
           "local function dump(t) local ks = {} for k, v in pairs(t) do ks[#ks+1] = tostring(k) .. '=' .. tostring(type(v) == 'table' and 'tbl' or v) end table.sort(ks) return table.concat(ks, ',') end"]
    for f in range(r.randint(2, 5)):
        body = []
        for _ in range(r.randint(2, 6)):
            k = r.choice(keys); v = r.choice(vals)
            kind = r.randint(0, 5)
            if kind == 0: body.append(f"    acc[#acc+1] = S(t[{k}])")
            elif kind == 1: body.append(f"    t[{k}] = {v}")
            elif kind == 2: body.append(f"    acc[#acc+1] = S(up[{k}])")
            elif kind == 3: body.append(f"    up[{k}] = {v}")
            elif kind == 4: body.append(f"    if t[{k}] ~= nil then t[{k}] = (type(t[{k}]) == 'number' and t[{k}] + 1) or {v} end")
            else: body.append(f"    acc[#acc+1] = tostring(pcall(function() return t[{k}][1] end))")
        out.append(f"local function f{f}(t, n, acc)")
        out.append(f"  for i = 1, n do")
        out.extend(body)
        out.append("  end")
        out.append("end")
    out.append("local tables = {")
    out.append("  {1, 2, 3}, {}, {a = 1, 10, 20}, setmetatable({1, nil, 3}, mt), setmetatable({}, mt), {[1] = 1, [3] = 3, [100] = 100}, 'str', 42, nil, true")
    out.append("}")
    out.append("for round = 1, 3 do")
    out.append("  for ti = 1, 10 do")
    for f in range(5):
        out.append(f"    if f{f} then local acc = {{}} local t = tables[ti] if type(t) == 'table' then up = t end local ok, err = pcall(f{f}, t, {r.randint(1,4)}, acc) print(round, ti, {f}, ok, S(ok or err), table.concat(acc, ' ')) if type(t) == 'table' then print(dump(t)) end end")
    out.append("  end")
    out.append("end")
    out.append("print(#log, table.concat(log, ' '))")
    return "\n".join(out) + "\n"
if __name__ == "__main__":
    print(gen(int(sys.argv[1])), end="")
