-- base library details
print(tostring(nil), tostring(false), tostring(123), tostring(-0.0), tostring("x"))
print(pcall(tostring, setmetatable({}, {__tostring = function() return {} end})))
print(tostring(setmetatable({}, {__name = 42})):match("^table: ") ~= nil)
print(type(tostring(print)), tostring(print):match("^builtin: ") or tostring(print):match("^function: ") and "function: ...")
print(rawequal("a", "a"), rawequal({}, {}), rawequal(1, 1.0), rawequal(nil, nil))
print(rawlen({1, 2, nil, 4}) >= 2, pcall(rawlen, 5))
print(select("#"), select("#", 1, 2), pcall(select, 1.5, 1))
print(select(2.0, "a", "b"))
print(next({}, nil), type(next), pcall(next))
print(tonumber(" 0x1F "), tonumber("1e1", 10), tonumber("7", 8.0))
print(pcall(tonumber, "10", 1), pcall(tonumber, "10", 37))
print(type(_G), type(_G.print), _G.nonexistent)
print(getmetatable({}), getmetatable(1), getmetatable(nil), getmetatable(print))
print(pcall(setmetatable, {}, {}, 1) == true)
local t = setmetatable({}, {})
print(setmetatable(t, nil) == t, getmetatable(t))
-- print calls tostring via __tostring and __name
print(setmetatable({}, {__tostring = function() return "custom" end}))
print(pcall(print, setmetatable({}, {__tostring = function() return 42 end})))
-- ipairs/pairs return values
local f, s, i = ipairs({})
print(type(f), type(s), i)
local pf, ps, pi = pairs({})
print(pf == next, type(ps), pi)
-- assert returns all args
print(assert(1, "two", 3))
print(pcall(assert, false, nil))
print(pcall(assert, nil))
-- error with level 2 from nested function
local function check(x) if type(x) ~= "number" then error("expected number, got " .. type(x), 2) end return x end
local ok, msg = pcall(function() check("s") end)
print(msg)
-- xpcall passing args
print(xpcall(function(...) return select('#', ...), ... end, print, 1, nil, 3))
-- collectgarbage count type
print(math.type(collectgarbage("count")))
-- string to number auto-coercion in for loops is an error
print(pcall(function() for i = "1", 2 do end end))
-- load with text chunks is not available at runtime; test dofile-free things only
print(type(load), type(require), type(package), type(package.loaded), package.loaded._G == _G, package.loaded.string == string)
print(type(package.path), type(package.cpath), type(package.preload), type(package.searchers))
print(package.config:sub(1, 1))
print(pcall(require, "nonexistent_module_xyz") == false)
-- _G contents (sorted)
local names = {}
for k in pairs(_G) do names[#names+1] = k end
table.sort(names)
print(table.concat(names, " "))
local libs = {"string", "table", "math", "coroutine", "utf8", "os", "io"}
for _, l in ipairs(libs) do
  local fs = {}
  for k in pairs(_G[l]) do fs[#fs+1] = k end
  table.sort(fs)
  print(l, table.concat(fs, " "))
end
