-- Most Lua 5.4 statement and expression forms: varargs, tail calls, loops,
-- goto, <close>, closures, operators with constants, table constructors.

local function va(...) local a, b = ... ; local t = {...}; local n = select('#', ...); return ... end
local function va2(x, ...) return x, ... end
local function tc(...) return va(...) end
local function m(o, ...) return o:meth(...) end
local o = {meth = function(self, ...) return ... end}
print(va(1,2,3), va2(1, va(2,3)), tc(4,5), m(o, 6, 7))
for k, v in pairs({a=1, b=2}) do print(k, v) end
for i = 10, 1, -2 do print(i) end
for i = 1.0, 2.0, 0.5 do print(i) end
do local x <close> = setmetatable({}, {__close=function() print("closed") end}) end
local function tbcret() local y <close> = nil; return va(1, 2) end
local x = 5
::top:: x = x - 1 if x > 0 then goto top end
local s = "a" .. x .. "b" .. tostring(x) .. "c"
local t = {1, 2, 3, va(4, 5)}
local b = (x & 0xFF) | (x ~ 3) >> 1 << 2
local c = x // 2 + x % 3 - x * 2.5 / 3 ^ 2
local d = x + 1.5; local e = -x; local f = not x; local g = #t; local h = ~x
local cmp = x < 3 and x <= 4 or x > 5 and x >= 6 or x == 7 or x ~= "s" or 3 < x
while x < 10 do x = x + 1 if x == 8 then break end end
repeat x = x - 1 until x <= 0
local function outer() local u = 1; return function() u = u + 1; return function() return u end end end
t.x = t; t[1] = t.x; t["k"] = nil; t[x] = x; t[1000] = 2
print(string.format("%d", 3), ("x"):rep(3), s:upper())
return va(t)
