-- debug library: getinfo, getlocal, upvalues, traceback, metatables, hooks-free parts
local function f(a, b)
  local c = a + b
  local info = debug.getinfo(1, "nSlu")
  return info, c
end
local info = f(1, 2)
print(info.currentline, info.short_src, info.source, info.what, info.linedefined, info.lastlinedefined, info.nups, info.nparams, info.isvararg)
local function named() return debug.getinfo(1, "n") end
local i2 = named()
print(i2.name, i2.namewhat)
local t = {m = function() return debug.getinfo(1, "n") end}
local i3 = t.m()
print(i3.name, i3.namewhat)
local i4 = debug.getinfo(print)
print(i4.what, i4.short_src, i4.currentline, i4.source)
local i5 = debug.getinfo(1, "S")
print(i5.what, i5.linedefined)
print(debug.getinfo(100))
print(pcall(debug.getinfo, 1, ">"))
local function vf(...) return debug.getinfo(1, "u") end
print(vf().isvararg, vf().nparams)
-- getlocal
local function locs(x, y)
  local z = x * y
  local names = {}
  local i = 1
  while true do
    local n, v = debug.getlocal(1, i)
    if not n then break end
    names[#names+1] = n .. "=" .. (type(v) == "table" and "tbl" or tostring(v))
    i = i + 1
  end
  return table.concat(names, " ")
end
print(locs(3, 4))
print(debug.getlocal(locs, 1), debug.getlocal(locs, 2), debug.getlocal(locs, 3))
local function va(...) return debug.getlocal(1, -1), debug.getlocal(1, -2), debug.getlocal(1, -3) end
print(va("a", "b"))
-- setlocal
local function sl() local v = 1; debug.setlocal(1, 1, 99); return v end
print(sl())
-- upvalues
local up1, up2 = 10, "s"
local function useup() return up1, up2 end
print(debug.getupvalue(useup, 1), debug.getupvalue(useup, 2), debug.getupvalue(useup, 3))
debug.setupvalue(useup, 1, 20)
print(useup(), up1)
local function other() return up1 end
print(debug.upvalueid(useup, 1) == debug.upvalueid(other, 1), debug.upvalueid(useup, 1) == debug.upvalueid(useup, 2))
debug.upvaluejoin(useup, 2, other, 1)
print(useup())
-- metatables of non-tables
debug.setmetatable(10, {__index = {double = function(n) return n * 2 end}})
print((5):double(), (2.5):double())
debug.setmetatable(10, nil)
print(pcall(function() return (5):double() end))
print(debug.getmetatable("x").__index == string)
local prot = setmetatable({}, {__metatable = "no"})
print(getmetatable(prot), type(debug.getmetatable(prot)))
-- traceback formats
local tb = debug.traceback("msg", 1)
print(tb:match("^msg\nstack traceback:\n") ~= nil)
print(debug.traceback(42), debug.traceback(nil) == nil)
local function lvl3() return debug.traceback("x", 1) end
local lines = 0
for _ in lvl3():gmatch("\n") do lines = lines + 1 end
print(lines)
print((debug.traceback("m"):gsub("\n.*", "")))
-- getinfo on coroutine
local co = coroutine.create(function(a) local inside = a; coroutine.yield() end)
coroutine.resume(co, 5)
print(debug.getinfo(co, 1, "l").currentline, debug.getlocal(co, 1, 1))
print(debug.traceback(co):match("stack traceback:") ~= nil)
-- getinfo 'f' and 'L'
local function target() end
print(debug.getinfo(target, "f").func == target)
local act = debug.getinfo(target, "L").activelines
local al = {}
for k in pairs(act) do al[#al+1] = k end
table.sort(al)
print(table.concat(al, ","))
-- gethook default
print(debug.gethook())
-- Hooks are stored (gethook returns them) but never called: a documented
-- difference (stdlib/README.md), so this test does not run one.
