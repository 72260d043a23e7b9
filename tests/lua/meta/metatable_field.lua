-- __metatable: protects a metatable from getmetatable/setmetatable.
local t = setmetatable({}, {__metatable = "locked"})
print(getmetatable(t))
print(pcall(setmetatable, t, {}))
local u = setmetatable({}, {__metatable = false})
print(getmetatable(u))
print(getmetatable("").__metatable, getmetatable(1), getmetatable(print))
print(pcall(setmetatable, 1, {}))
print(pcall(setmetatable, {}, 1))
local m = {}
local w = setmetatable({}, m)
print(getmetatable(w) == m, setmetatable(w, nil) == w, getmetatable(w))
