-- Calling tables through __call: argument shifting, results, errors, names,
-- hooks and stack growth (CALL enters a Lua __call handler itself).

local Class = setmetatable({}, {__call = function(cls, ...)
  return select("#", ...), ...
end})
print(Class())
print(Class(1))
print(Class(1, nil, 3))
print(Class(table.unpack({1, 2, 3, 4, 5, 6, 7, 8, 9, 10})))
local function three() return "a", "b", "c" end
print(Class(three()))
print(Class(0, three()))
print((Class(1, 2)))
local t = {Class(4, 5)}
print(#t, t[1], t[2], t[3])

-- the object itself is the first argument
local counter = setmetatable({n = 0}, {__call = function(self, k) self.n = self.n + (k or 1); return self.n end})
for i = 1, 10 do counter(i) end
print(counter.n, counter())

-- a constructor: the common OOP idiom
local Point = {}
Point.__index = Point
setmetatable(Point, {__call = function(cls, x, y) return setmetatable({x = x, y = y}, cls) end})
function Point:len2() return self.x * self.x + self.y * self.y end
local s = 0
for i = 1, 1000 do s = s + Point(i, -i):len2() end
print(s)

-- __call as a C function, and chained __call (a callable __call)
local viaC = setmetatable({}, {__call = rawlen})
print(viaC())
local inner = setmetatable({}, {__call = function(self, a, b, c) return "inner", type(a), b, c end})
local outer = setmetatable({}, {__call = inner})
print(pcall(outer, 1, 2))

-- names and errors
local function report(...) local ok, err = pcall(...) print(ok, err) end
local named = setmetatable({}, {__call = function(self)
  local info = debug.getinfo(1, "n")
  return info.name, info.namewhat
end})
print(named())
local nocall = setmetatable({}, {})
report(function() nocall() end)
report(function() local x = {} x() end)
local failing = setmetatable({}, {__call = function(self, v) error("bad " .. tostring(v)) end})
report(function() failing(7) end)
report(function() return failing(8) end)
print(select("#", pcall(failing, 9)))

-- deep recursion through __call grows the stack, then overflows cleanly
local deep
deep = setmetatable({}, {__call = function(self, n, a, b, c, d, e, f, g)
  if n == 0 then return 0 end
  return 1 + self(n - 1, a, b, c, d, e, f, g)
end})
print(deep(5000, 1, 2, 3, 4, 5, 6, 7))
local ok, err = pcall(deep, 1e7)
print(ok, (string.find(tostring(err), "stack overflow", 1, true)) ~= nil)

-- hooks see the handler's call
local events = {}
debug.sethook(function(e)
  local info = debug.getinfo(2, "S")
  if info.what == "Lua" then events[#events + 1] = e end
end, "cr")
local r = counter(100)
debug.sethook()
print(r, table.concat(events, " "))

-- coroutines: yield inside a __call handler
local co = coroutine.wrap(function()
  local y = setmetatable({}, {__call = function(self, v) return coroutine.yield(v) + 1 end})
  return y(10) * 2
end)
print(co(), co(20))
