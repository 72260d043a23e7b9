-- locals, scoping, attribs, to-be-closed
do
  local i = 10
  do local i = 100; print(i) end
  do local i = 1000; print(i) end
  print(i)
  local i = 20
  print(i)
end
local function f(x) x = nil; return x end
print(f(10))
local function g(...) local a, b = ...; local c <const> = 3; return a, b, c end
print(g(1))
-- shadowing in the same statement
local x = 1
local x = x + 1
print(x)
-- const folding
local K <const> = 10
local S <const> = "str"
local function usek() return K * 2, S .. "!" end
print(usek())
-- to-be-closed variables
local log = {}
local function closer(name)
  return setmetatable({}, {__close = function(self, err) log[#log+1] = name .. ":" .. tostring(err) end})
end
do
  local a <close> = closer("a")
  local b <close> = closer("b")
  local c <close> = nil
  local d <close> = false
  log[#log+1] = "body"
end
print(table.concat(log, " "))
log = {}
local function withret()
  local x <close> = closer("x")
  return "r1", "r2"
end
print(withret())
print(table.concat(log, " "))
log = {}
local ok, err = pcall(function()
  local y <close> = closer("y")
  error("boom")
end)
print(ok, err)
print(table.concat(log, " "))
log = {}
-- close in loops
for i = 1, 3 do
  local z <close> = closer("z" .. i)
  if i == 2 then break end
end
print(table.concat(log, " "))
log = {}
-- error in __close replaces error
local ok2, err2 = pcall(function()
  local w <close> = setmetatable({}, {__close = function() error("in close", 0) end})
  error("orig", 0)
end)
print(ok2, err2)
-- non-closable value
local ok3, err3 = pcall(function() local v <close> = {} end)
print(ok3, err3)
-- generic for closes its 4th value
do
  local function iter(s, i) if i < 3 then return i + 1 end end
  for i in iter, nil, 0, closer("forclose") do end
  print(table.concat(log, " "))
  log = {}
  for i in iter, nil, 0, closer("forbreak") do if i == 2 then break end end
  print(table.concat(log, " "))
  log = {}
end
-- tbc with goto out
do
  do
    local q <close> = closer("q")
    goto out
  end
  ::out::
  print(table.concat(log, " "))
  log = {}
end
-- many locals
local a1,a2,a3,a4,a5,a6,a7,a8,a9,a10,a11,a12,a13,a14,a15,a16 = 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16
print(a1+a16, a8*a9)
-- const attributes errors don't apply; local function scope
local function rr(n) if n > 0 then return rr(n-1) end return "ok" end
print(rr(3))
local gg = function(n) return n end
print(gg(5))
