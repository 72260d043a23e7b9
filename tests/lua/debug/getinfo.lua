-- debug.getinfo: levels, functions, options, names, tail calls, coroutines
local function keys(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = k end
  table.sort(ks)
  return table.concat(ks, ",")
end
local function dump(t)
  local ks = {}
  for k, v in pairs(t) do
    if type(v) ~= "function" and type(v) ~= "table" then ks[#ks + 1] = k .. "=" .. tostring(v) end
  end
  table.sort(ks)
  return table.concat(ks, " ")
end
print(keys(debug.getinfo(1)))
print(dump(debug.getinfo(1)))
print(dump(debug.getinfo(print)))
print(dump(debug.getinfo(string.gmatch("a", "a"))))
local function f(a, b, ...) return debug.getinfo(1, "Slutn") end
print(dump(f()))
print(dump(debug.getinfo(f, "Slutn")))
print(dump(debug.getinfo(f, "")))
for _, opt in ipairs({"S", "l", "u", "n", "t", "r", "f", "L", "SlL"}) do
  print(opt, keys(debug.getinfo(1, opt)))
end
print(pcall(debug.getinfo, 1, "X"))
print(pcall(debug.getinfo, 1, ">S"))
print(pcall(debug.getinfo, "x"))
print(pcall(debug.getinfo, {}))
print(debug.getinfo(-1), debug.getinfo(1000))
-- names as seen by the caller
function gfun() return debug.getinfo(1, "n") end
local t = {field = function() return debug.getinfo(1, "n") end}
function t:meth() return debug.getinfo(1, "n") end
local lfun = function() return debug.getinfo(1, "n") end
local up = lfun
local function viaup() return up() end
for _, i in ipairs({gfun(), t.field(), t:meth(), lfun(), (viaup())}) do
  print(i.name, i.namewhat)
end
local i = debug.getinfo(print, "n"); print(i.name, i.namewhat)
-- metamethods and iterators
local mt = {__index = function() return debug.getinfo(1, "n") end,
            __add = function() return debug.getinfo(1, "n") end,
            __call = function() return debug.getinfo(1, "n") end}
local obj = setmetatable({}, mt)
for _, r in ipairs({obj.x, obj + 1, obj()}) do print(r.name, r.namewhat) end
for _ in function() local r = debug.getinfo(1, "n"); print(r.name, r.namewhat) end do end
-- level 2 is the caller
local function callee() return debug.getinfo(2, "Sln") end
local function caller() local r = callee(); return r end
local r = caller()
print(r.currentline, r.linedefined, r.name, r.namewhat, r.what)
-- tail calls
local function tc() return debug.getinfo(1, "tn") end
local function dotc() return tc() end
r = dotc(); print(r.istailcall, r.name, r.namewhat)
r = tc(); print(r.istailcall, r.name, r.namewhat)
-- func and activelines (functions not ending in 'return': piccoloc omits
-- the final RETURN0 after a return, so its 'end' line would be missing)
local sink
local function lines(a)
  local x = a
  if x then
    x = x + 1
  end
  sink = x
end
local al = {}
for k, v in pairs(debug.getinfo(lines, "L").activelines) do al[#al + 1] = k .. tostring(v) end
table.sort(al); print(table.concat(al, " "))
local function vlines(...)
  local n = select("#", ...)
  sink = n
end
al = {}
for k in pairs(debug.getinfo(vlines, "L").activelines) do al[#al + 1] = k end
table.sort(al); print(table.concat(al, " "))
print(debug.getinfo(print, "L").activelines)
print(debug.getinfo(1, "f").func ~= nil, debug.getinfo(lines, "f").func == lines)
-- main chunk
local m = debug.getinfo(1, "S")
print(m.what, m.linedefined, m.lastlinedefined, m.source, m.short_src)
-- coroutines
local co = coroutine.create(function(x)
  local y = x * 2
  coroutine.yield(y)
  return y
end)
coroutine.resume(co, 4)
for lvl = 0, 2 do
  local ci = debug.getinfo(co, lvl, "Slnt")
  print(lvl, ci and dump(ci))
end
print(dump(debug.getinfo(co, print, "S")))
print(pcall(debug.getinfo, co, "x"))
coroutine.resume(co)
print(debug.getinfo(co, 0))
