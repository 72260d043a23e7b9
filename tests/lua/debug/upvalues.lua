-- debug.getupvalue/setupvalue/upvalueid/upvaluejoin, metatables, registry, user values
local a, b, c = 1, "two", {}
local function f() return a, b, c end
for i = 0, 4 do
  local n, v = debug.getupvalue(f, i)
  print(i, n, v == c and "c" or v)
end
print(debug.setupvalue(f, 2, "TWO"), b)
print(debug.setupvalue(f, 9, 0))
local function g() return f end
print(debug.getupvalue(g, 1) == "f", select(2, debug.getupvalue(g, 1)) == f)
-- C closures: upvalues have empty names
local it = string.gmatch("abc", "%a")
local n, v = debug.getupvalue(it, 1)
print(n == "", type(v))
print(debug.getupvalue(print, 1))
-- _ENV of a main chunk-level function
local function usesglobal() return print end
local en, ev = debug.getupvalue(usesglobal, 1)
print(en, ev == _ENV)
-- ids and joins
local function h() return a end
print(debug.upvalueid(f, 1) == debug.upvalueid(h, 1))
print(debug.upvalueid(f, 1) == debug.upvalueid(f, 2))
print(debug.upvalueid(f, 10), debug.upvalueid(print, 1))
print(type(debug.upvalueid(it, 1)))
debug.upvaluejoin(h, 1, f, 2)
print(h(), debug.upvalueid(h, 1) == debug.upvalueid(f, 2))
print(pcall(debug.upvaluejoin, h, 5, f, 1))
print(pcall(debug.upvaluejoin, print, 1, f, 1))
print(pcall(debug.upvaluejoin, it, 1, f, 1))
print(pcall(debug.getupvalue, 1, 1))
print(pcall(debug.setupvalue, f, 1))
-- closures made in a loop share nothing, closures in one scope share
local fs = {}
for i = 1, 2 do fs[i] = function() return i end end
print(debug.upvalueid(fs[1], 1) == debug.upvalueid(fs[2], 1))
debug.setupvalue(fs[1], 1, 100)
print(fs[1](), fs[2]())
-- metatables of any type
print(debug.getmetatable(1), debug.getmetatable(nil), debug.getmetatable(print))
print(debug.setmetatable(print, {__index = {kind = "fn"}}) == print, print.kind)
debug.setmetatable(print, nil)
print(debug.setmetatable(true, {__len = function() return 7 end}), #true)
debug.setmetatable(true, nil)
local t = setmetatable({}, {__metatable = "locked"})
print(getmetatable(t), type(debug.getmetatable(t)))
print(debug.setmetatable(t, nil) == t, getmetatable(t))
print(pcall(debug.setmetatable, {}, 1))
print(pcall(debug.getmetatable))
-- registry
local reg = debug.getregistry()
print(type(reg), type(reg._LOADED), reg._LOADED.string == string)
-- user values (no full userdata to create from Lua: io files)
print(debug.getuservalue(1), debug.getuservalue({}, 2))
print(pcall(debug.setuservalue, {}, 1))
print(pcall(debug.setuservalue, io.stdout))
