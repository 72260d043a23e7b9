-- errors: messages, levels, pcall/xpcall, error objects
local function msg(f, ...) local ok, m = pcall(f, ...); return m end
print(msg(function() local a; return a.x end))
print(msg(function() local a = {}; return a.x.y end))
print(msg(function() return undefinedglobal.x end))
print(msg(function() undefinedfunc() end))
print(msg(function() local t = {} ; t:nomethod() end))
print(msg(function() return 1 + {} end))
print(msg(function() return "a" + 1 end))
print(msg(function() return "abc" + 1 end))
print(msg(function() return {} .. "x" end))
print(msg(function() return 1 < "2" end))
print(msg(function() return {} < {} end))
print(msg(function() return {} <= 1 end))
print(msg(function() return #nil end))
print(msg(function() return -{} end))
print(msg(function() local x = 5; return x.field end))
print(msg(function() return ("x")() end))
print(msg(function() return 1 // 0 end))
print(msg(function() return 1 % 0 end))
print(msg(function() return 2^53 | 0 end))
print(msg(function() return 1.5 | 0 end))
print(msg(function() return "1.5" | 0 end))
print(msg(function() return {} | 0 end))
print(msg(function() return math.huge // 1 end))
print(msg(function() local t = setmetatable({}, {__index = function() error("idx") end}); return t.x end))
print(msg((function() local upv = nil; return function() return upv.x end end)()))
print(msg(function() local t = {}; t[nil] = 1 end))
print(msg(function() local t = {}; t[0/0] = 1 end))
print(msg(function() for i = 1, 10, 0 do end end))
print(msg(function() for i = "a", 10 do end end))
print(msg(function() for i = 1, {} do end end))
print(msg(function() for i = 1, 2, "x" do end end))
print(msg(function() setmetatable(1, {}) end))
print(msg(function() return ("x"):bad() end))
print(msg(function() string.rep() end))
print(msg(function() ("x"):rep({}) end))
print(msg(function() math.floor("a") end))
print(msg(function() table.insert({}, 1, 2, 3) end))
print(msg(function() table.concat({{}}) end))
print(msg(function() ipairs() end))
print(msg(function() return tostring() end))
print(msg(function() return string.char(256) end))
print(msg(function() return ("x"):format() end))
print(msg(function() return string.format("%d", 1.5) end))
print(msg(function() return string.format("%d", "x") end))
print(msg(function() return math.tointeger() end))
print(msg(function() return select(0) end))
print(msg(function() setmetatable({}, 1) end))
print(msg(function() return rawlen(1) end))
print(msg(function() return rawset({}, nil, 1) end))
-- error levels
local function lvl1() error("at level 1", 1) end
local function lvl2() error("at level 2", 2) end
local function lvl0() error("no position", 0) end
print(msg(lvl1)); print(msg(lvl2)); print(msg(lvl0))
local function callslvl2() lvl2() end
print(msg(callslvl2))
-- error with non-string values
print(select(2, pcall(error, 42)), select(2, pcall(error, nil)), select(2, pcall(error)))
local eobj = {}
print(select(2, pcall(error, eobj)) == eobj)
print(pcall(error, true))
-- xpcall with handler and args
print(xpcall(function(a, b) return a + b end, print, 3, 4))
print(xpcall(function() error("E") end, function(m) return "H(" .. m .. ")" end))
print(xpcall(function() error({}) end, function(m) return type(m) end))
print(xpcall(function() local x = nil; x() end, function(m) return (m:gsub("^.-:%d+: ", "")) end))
-- error in handler
print(xpcall(function() error("first") end, function(m) error("second") end))
-- nested pcall
print(pcall(pcall, error, "x"))
print(pcall(pcall))
print(select('#', pcall(error)))
-- error rethrow keeps message
local ok, e = pcall(function()
  local ok2, e2 = pcall(error, "inner")
  error(e2, 0)
end)
print(ok, e)
-- assert
print(pcall(assert, false))
print(pcall(assert, nil, "custom"))
print(type(select(2, pcall(assert, false, {1}))))
print(select('#', assert(1, 2, 3)), assert(1, 2, 3))
print(pcall(assert))
-- tostring of error position in nested functions
local function a() local function b() error("deep") end b() end
print(msg(a))
-- error with __tostring object
local E = setmetatable({}, {__tostring = function() return "custom error" end})
print(tostring(select(2, pcall(error, E))))
-- string-to-number coercion errors
print(msg(function() return "10" + 1 end), msg(function() return "0x10" * 2 end))
print(msg(function() return "1e1" // 1 end), msg(function() return " 3 " - 1 end))
-- integer overflow on for loop does not error
local count = 0
for i = math.maxinteger - 2, math.maxinteger do count = count + 1 end
print(count)
for i = math.mininteger, math.mininteger + 2 do count = count + 1 end
print(count)
for i = math.mininteger + 2, math.mininteger, -1 do count = count + 1 end
print(count)
