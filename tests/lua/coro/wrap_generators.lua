-- coroutine.wrap as generators: permutations, fibonacci, tree walk.
local function gen(n)
  return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end)
end
for v in gen(4) do io.write(v, " ") end print()
local function permgen(a, n)
  n = n or #a
  if n <= 1 then coroutine.yield(a) else
    for i = 1, n do
      a[n], a[i] = a[i], a[n]
      permgen(a, n - 1)
      a[n], a[i] = a[i], a[n]
    end
  end
end
for p in coroutine.wrap(function() permgen({1, 2, 3}) end) do io.write(table.concat(p), " ") end print()
local fib = coroutine.wrap(function() local a, b = 0, 1 while true do coroutine.yield(a) a, b = b, a + b end end)
for i = 1, 10 do io.write(fib(), " ") end print()
local tree = {v = 1, l = {v = 2, l = {v = 4}}, r = {v = 3, r = {v = 5}}}
local function walk(t) if t then walk(t.l); coroutine.yield(t.v); walk(t.r) end end
for v in coroutine.wrap(function() walk(tree) end) do io.write(v, " ") end print()
local w = coroutine.wrap(function() return 1 end)
w()
print(pcall(w))
local werr = coroutine.wrap(function() error("in wrap") end)
print(pcall(werr))
local werr2 = coroutine.wrap(function() error({}) end)
print(type(select(2, pcall(werr2))))
