-- Deep recursion and many yields inside a coroutine.
local co = coroutine.wrap(function()
  local function rec(n) if n == 0 then coroutine.yield("bottom") return 0 end return 1 + rec(n - 1) end
  return rec(10000)
end)
print(co())
print(co())
local count = 0
local g = coroutine.wrap(function() for i = 1, 100000 do coroutine.yield(i) end return "end" end)
local last
repeat last = g(); count = count + 1 until last == "end"
print(count)
local nested = coroutine.wrap(function()
  local inner = coroutine.wrap(function() coroutine.yield(1) coroutine.yield(2) end)
  coroutine.yield(inner() + inner())
end)
print(nested())
