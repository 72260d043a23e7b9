-- error with non-string values, levels, and position prefixes.
print(pcall(error, "msg"))
print(pcall(error, "msg", 0))
print(pcall(error))
print(pcall(error, nil))
local t = {code = 42}
local ok, e = pcall(error, t)
print(ok, e == t, e.code)
print(pcall(error, 42), pcall(error, 4.5), pcall(error, true))
local function lvl1() error("at level 1", 1) end
local function lvl2() error("at level 2", 2) end
local function caller() lvl2() end
print(pcall(lvl1))
print(pcall(caller))
local function thrower() error("plain") end
print(pcall(thrower))
print(pcall(function() error(setmetatable({}, {__tostring = function() return "custom" end})) end))
print(select("#", pcall(error)))
