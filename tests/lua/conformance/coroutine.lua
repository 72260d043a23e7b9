-- coroutines
local co = coroutine.create(function(a, b)
  print("start", a, b)
  local c = coroutine.yield(a + b)
  print("got", c)
  local d, e = coroutine.yield(c * 2)
  print("got2", d, e)
  return "end", d + e
end)
print(coroutine.resume(co, 1, 2))
print(coroutine.status(co))
print(coroutine.resume(co, 10))
print(coroutine.resume(co, 3, 4))
print(coroutine.status(co))
print(coroutine.resume(co))
-- wrap
local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end return "fin" end)
print(gen(), gen(), gen(), gen())
print(pcall(gen))
-- isyieldable, running
print(coroutine.isyieldable())
local main, ismain = coroutine.running()
print(type(main), ismain)
coroutine.wrap(function()
  print(coroutine.isyieldable())
  local c, m = coroutine.running()
  print(type(c), m, coroutine.status(c))
end)()
-- errors inside coroutines
local ce = coroutine.create(function() error("oops") end)
print(coroutine.resume(ce))
print(coroutine.status(ce))
print(coroutine.resume(ce))
local ce2 = coroutine.create(function() error({code = 42}) end)
local ok, e = coroutine.resume(ce2)
print(ok, type(e), e.code)
-- wrap propagates errors with position
local w = coroutine.wrap(function() error("werr") end)
print(pcall(w))
local w2 = coroutine.wrap(function() error("werr2", 0) end)
print(pcall(w2))
-- resume non-suspended
print(coroutine.resume(coroutine.running()))
local self_co
self_co = coroutine.create(function() return coroutine.resume(self_co) end)
print(coroutine.resume(self_co))
-- yield across pcall
local cp = coroutine.create(function()
  local ok, v = pcall(function()
    local x = coroutine.yield("in pcall")
    error("after " .. x, 0)
  end)
  coroutine.yield(tostring(ok) .. " " .. v)
  return "done"
end)
print(coroutine.resume(cp))
print(coroutine.resume(cp, "resume"))
print(coroutine.resume(cp))
print(coroutine.status(cp))
-- yield from nested function calls
local function walk(t)
  for _, v in ipairs(t) do
    if type(v) == "table" then walk(v) else coroutine.yield(v) end
  end
end
local items = {}
for v in coroutine.wrap(function() walk{1, {2, {3, 4}}, 5, {{{6}}}} end) do items[#items+1] = v end
print(table.concat(items, " "))
-- yield across metamethods
local mt = {__index = function(t, k) return coroutine.yield(k) end,
            __add = function(a, b) return coroutine.yield("add") end,
            __lt = function(a, b) return coroutine.yield("lt") end,
            __concat = function(a, b) return coroutine.yield("cat") end,
            __eq = function(a, b) return coroutine.yield("eq") end}
local cm = coroutine.wrap(function()
  local o = setmetatable({}, mt)
  local o2 = setmetatable({}, mt)
  local r1 = o.foo
  local r2 = o + 1
  local r3 = o < o2
  local r4 = o .. "x"
  local r5 = o == o2
  return r1, r2, r3, r4, r5
end)
print(cm())
print(cm("v1"))
print(cm("v2"))
print(cm(false))
print(cm("v4"))
print(cm(1))
-- yield in for iterator
local function range(n) return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end) end
local s = 0
for i in range(100) do s = s + i end
print(s)
-- coroutine.close
local cc = coroutine.create(function() coroutine.yield() end)
coroutine.resume(cc)
print(coroutine.close(cc), coroutine.status(cc))
local cc2 = coroutine.create(function()
  local x <close> = setmetatable({}, {__close = function() print("closed x") end})
  coroutine.yield()
end)
coroutine.resume(cc2)
print(coroutine.close(cc2))
local cc3 = coroutine.create(function() error("dead") end)
coroutine.resume(cc3)
print(coroutine.close(cc3))
print(pcall(coroutine.close, coroutine.running()))
-- wrap of dead coroutine
local wd = coroutine.wrap(function() return 1 end)
wd()
local okd, ed = pcall(wd)
print(okd, ed)
-- many values through yield
local mv = coroutine.create(function(...)
  local n = select('#', ...)
  local r = {coroutine.yield(n, ...)}
  return #r, table.unpack(r)
end)
print(coroutine.resume(mv, 1, nil, 3))
print(coroutine.resume(mv, "a", "b"))
-- producer/consumer
local function producer()
  return coroutine.create(function()
    for _, w in ipairs{"alpha", "beta", "gamma"} do coroutine.yield(w) end
  end)
end
local function filter(p)
  return coroutine.create(function()
    while true do
      local ok, v = coroutine.resume(p)
      if not v then return end
      coroutine.yield(v:upper())
    end
  end)
end
local f = filter(producer())
while true do local _, v = coroutine.resume(f); if not v then break end print(v) end
-- status of normal coroutine
local outer
outer = coroutine.create(function()
  local inner = coroutine.create(function() return coroutine.status(outer) end)
  return coroutine.resume(inner)
end)
print(coroutine.resume(outer))
-- deep recursion in coroutine
local dr = coroutine.wrap(function() local function r(n) if n == 0 then return 0 end return 1 + r(n-1) end return r(5000) end)
print(dr())
-- error with traceback-free message via xpcall in coroutine
local xc = coroutine.wrap(function()
  return xpcall(function() error("xe") end, function(m) return "handled: " .. m end)
end)
print(xc())
-- yield inside gsub callback is refused by lua5.4 but not by piccolo (documented); skip
