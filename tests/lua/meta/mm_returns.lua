-- Lua metamethods entered by the executor itself and their results delivered
-- straight into the interrupted instruction (pvm.c MMCALL and the RETURN
-- fast paths): every way a metamethod can end, for every kind of operation.

local log = {}
local function note(s) log[#log + 1] = s end

-- __index: RETURN1, RETURN with no value, several values, varargs, tail calls
local function twice(k) return k * 2 end
local cases = {
  one = function(t, k) return k .. "!" end,
  none = function(t, k) end,
  many = function(t, k) return 1, 2, 3 end,
  vararg = function(...) local t, k = ... return select("#", ...), k end,
  varnone = function(...) return end,
  tailc = function(t, k) return string.rep(k, 2) end,
  taill = function(t, k) return twice(#tostring(k)) end,
  closes = function(t, k) local x <close> = setmetatable({}, {__close = function() note("closed " .. k) end}) return k end,
}
for _, name in ipairs({"one", "none", "many", "vararg", "varnone", "tailc", "taill", "closes"}) do
  local t = setmetatable({}, {__index = cases[name]})
  local a = t.abc            -- GETFIELD
  local b = t[name]          -- GETTABLE
  local c = t[7]             -- GETI
  print(name, a, b, c)
end
print(table.concat(log, ","))

-- reading a global through an __index function on _ENV (GETTABUP)
do
  local env = setmetatable({print = print}, {__index = function(_, k) return "g:" .. k end})
  local function get(_ENV) return someglobal end
  print(get(env))
end

-- SELF through __index
local obj = setmetatable({}, {__index = function(t, k) return function(self, x) return k .. x end end})
print(obj:hello(1), obj:world(2))

-- arithmetic, bitwise, unary, length: MMBIN / MMBINI / MMBINK, UNM, BNOT, LEN
local V = {}
V.__index = V
local function v(x) return setmetatable({x = x}, V) end
V.__add = function(a, b) return v((type(a) == "table" and a.x or a) + (type(b) == "table" and b.x or b)) end
V.__sub = function(a, b) return (type(a) == "table" and a.x or a) - (type(b) == "table" and b.x or b) end
V.__mul = function(a, b) end                        -- no result: nil
V.__div = function(a, b) return 1, 2 end            -- first result only
V.__unm = function(a) return -a.x end
V.__bnot = function(a) return ~a.x end
V.__len = function(a) return a.x * 10 end
V.__band = function(a, b) return "band" end
local a, b = v(3), v(4)
print((a + b).x, (a + 1).x, (1 + a).x, (a + 2.5).x)   -- MMBIN, MMBINI, MMBINK
print(a - b, a - 1, 10 - a, a * b, a / b, -a, ~a, #a, a & 1, 1 & a)
print((a + b + a + b).x)                              -- chained results

-- __newindex: RETURN0, RETURN with values (ignored), tail call
local stored = {}
local ni = {
  function(t, k, val) stored[#stored + 1] = k .. "=" .. tostring(val) end,
  function(t, k, val) stored[#stored + 1] = k; return 1, 2 end,
  function(t, k, val) return rawset(t, k, val) end,
}
for i, f in ipairs(ni) do
  local t = setmetatable({}, {__newindex = f})
  t.x = i; t[i + 10] = i; t[1] = "one"
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = tostring(k) end
  table.sort(keys)
  print(i, table.concat(keys, " "))
end
print(table.concat(stored, " "))
do
  local up = setmetatable({}, {__newindex = function(t, k, val) stored.last = k end})
  local function set(_ENV) newglobal = 1 end       -- SETTABUP
  set(up); print(stored.last)
end

-- comparisons and concatenation still go through picV_finishop
local C = {}
C.__lt = function(x, y) return x.n < y.n end
C.__le = function(x, y) return x.n <= y.n end
C.__eq = function(x, y) return x.n == y.n end
C.__concat = function(x, y)
  return (type(x) == "table" and x.n or x) .. "+" .. (type(y) == "table" and y.n or y)
end
local function c(n) return setmetatable({n = n}, C) end
print(c(1) < c(2), c(2) <= c(1), c(3) == c(3), c(1) ~= c(2), c(5) > c(4))
print("a" .. c(1) .. "b" .. c(2) .. "c")

-- errors inside metamethods unwind through the fast frames
local bad = setmetatable({}, {__index = function(t, k) error("no field " .. k) end,
                              __add = function() error({code = 7}) end})
print(pcall(function() return bad.zzz end))
local ok, e = pcall(function() return bad + 1 end)
print(ok, type(e), e.code)

-- a coroutine yielding from inside a metamethod
local co = coroutine.wrap(function()
  local t = setmetatable({}, {__index = function(t, k) return coroutine.yield(k) end})
  local r = t.first .. t.second
  return "done " .. r
end)
print(co(), co("A"), co("B"))

-- __index functions calling each other deeply (each one a metamethod frame)
local depth = setmetatable({}, {__index = function(t, k)
  if k == 0 then return 0 end
  return t[k - 1] + 1
end})
print(depth[150])
print(select(2, pcall(function() return depth[100000] end)) ~= nil)

-- a hook sees calls and returns of metamethod frames
if debug and debug.sethook then
  local calls, rets = 0, 0
  local t = setmetatable({}, {__index = function(t, k) return k end})
  debug.sethook(function(ev) if ev == "call" then calls = calls + 1 else rets = rets + 1 end end, "cr")
  local x = t[1] + t[2]
  debug.sethook()
  print("hooked", x, calls >= 2, rets >= 2)
end
