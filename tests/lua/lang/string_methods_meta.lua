-- Strings share a metatable whose __index is the string library.
local mt = getmetatable("")
print(type(mt), mt.__index == string)
print(("abc"):len(), ("%5s|"):format("x"), ("a,b"):find(",", 1, true))
local n = 5
print(("x"):rep(n, "-"))
print(#("x"):rep(0), ("abc"):reverse(), ("ABC"):lower())
print(pcall(function() return ("x"):nosuch() end))
