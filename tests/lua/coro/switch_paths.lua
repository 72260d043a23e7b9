-- Coroutine resumes and yields in every setting the executor switches threads itself or leaves to the driver: wrap in for-in and in calls, resume of nested coroutines, values both ways, hooks in one thread, errors after a switch, close, and a fresh coroutine's first resume
local function gen(n) return coroutine.wrap(function() for i = 1, n do coroutine.yield(i, -i) end end) end
local s = 0
for a, b in gen(5) do s = s + a * 10 + b end   -- TFORCALL calls the wrap function
print("for-in", s)
local g = gen(3)
print(g(), g(), g())
-- values passed both ways, counts from 0 to many
local co = coroutine.create(function(...)
  local got = table.pack(...)
  while true do
    got = table.pack(coroutine.yield(got.n, table.unpack(got, 1, got.n)))
  end
end)
print(coroutine.resume(co))
print(coroutine.resume(co, 1, nil, 3))
print(coroutine.resume(co, "a", "b", "c", "d", "e", "f"))
print(coroutine.resume(co))
-- three levels: each coroutine resumes the next one inside its loop
local function level(inner)
  return coroutine.wrap(function()
    while true do
      local v = inner and inner() or 1
      coroutine.yield(v * 2)
    end
  end)
end
local top = level(level(level(nil)))
print("nested", top(), top(), top())
-- yielding from a nested Lua call and from inside a metamethod
local mt = {__index = function(t, k) return coroutine.yield("index " .. k) end}
local co2 = coroutine.wrap(function()
  local function deep(n) if n == 0 then return coroutine.yield("deep") end return deep(n - 1) end
  local r = deep(20)
  local obj = setmetatable({}, mt)
  local v = obj.field
  return r .. "+" .. v
end)
print(co2(), co2("x"), co2("y"))
-- a count hook in the coroutine only: its switches take the driver's path
local hooked = coroutine.create(function()
  for i = 1, 3 do coroutine.yield(i) end
  return "fin"
end)
local n = 0
debug.sethook(hooked, function() n = n + 1 end, "", 1)
local outs = {}
while coroutine.status(hooked) ~= "dead" do
  local ok, v = coroutine.resume(hooked)
  outs[#outs + 1] = tostring(v)
end
print("hooked", table.concat(outs, " "), n > 0)
-- an error right after a switch, caught by the resumer
local bad = coroutine.create(function() coroutine.yield(1); error("after yield", 0) end)
print(coroutine.resume(bad))
print(coroutine.resume(bad))
print(coroutine.resume(bad))
-- close a suspended coroutine, then resume it
local c3 = coroutine.create(function() coroutine.yield() end)
coroutine.resume(c3)
print(coroutine.close(c3), coroutine.status(c3), coroutine.resume(c3))
-- a fresh coroutine whose body is a C function
local cf = coroutine.wrap(print)
cf("C body", 1)
-- a long ping-pong: totals agree
local pp = coroutine.wrap(function(x) local t = 0 while true do t = t + x; x = coroutine.yield(t) end end)
local last
for i = 1, 10000 do last = pp(i) end
print("pingpong", last)
