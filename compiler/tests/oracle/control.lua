-- Control flow: loops, gotos, closures per iteration, varargs, tail calls,
-- table constructors, <close>.
for i = 1, 3 do io.write(i, " ") end
for i = 3, 1, -1 do io.write(i, " ") end
for i = 1.0, 2.0, 0.5 do io.write(i, " ") end
for i = math.maxinteger - 2, math.maxinteger do io.write(i, " ") end
for i = 1, 0 do io.write("never") end
print()
print(pcall(function() for i = 1, 10, 0 do end end))
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
print(fs[1](), fs[2](), fs[3]())
local k = 0
while true do
  k = k + 1
  if k % 2 == 0 then goto continue end
  if k > 7 then break end
  io.write(k, ",")
  ::continue::
end
print()
local n = 0
repeat local m = n; n = n + 1 until m >= 3
print(n)
do
  local j = 1
  ::top::
  local c = function() return j end
  j = j + 1
  if j <= 3 then goto top end
  print(c())
end
local function va(...)
  local a, b = ...
  return select("#", ...), a, b, ...
end
print(va())
print(va(1, nil, 3))
print((va(1, 2)))
local function sum(acc, n2) if n2 == 0 then return acc end return sum(acc + n2, n2 - 1) end
print(sum(0, 100000))
local t = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
  21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40,
  41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, x = 1, va(7, 8, 9)}
print(#t, t[52], t[53], t[54], t[56], t.x)
local big = {}
for q = 1, 600 do big[#big + 1] = q end
local b2 = {table.unpack(big)}
print(#b2, b2[600])
local log = {}
local function closer(name)
  return setmetatable({}, {__close = function(_, e) log[#log + 1] = name .. tostring(e) end})
end
do
  local a <close> = closer("a")
  local b <close> = closer("b")
  local c <close> = nil
end
local function early()
  local x <close> = closer("x")
  return "ret"
end
print(early(), table.concat(log, " "))
print(pcall(function()
  local y <close> = closer("y")
  error("boom", 0)
end), table.concat(log, " "))
local obj = {n = 0}
function obj:inc(d) self.n = self.n + (d or 1); return self end
obj:inc():inc(5)
print(obj.n)
local r = {}
for key, v in next, {10, 20, 30} do r[#r + 1] = key .. "=" .. v end
print(table.concat(r, " "))
if nil then print("no") elseif false then print("no") else print("else") end
local e = {}
do local _ENV = {print = print, e = e}; x = 5; print(x, e.x) end
print(x)
