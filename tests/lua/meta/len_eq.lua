-- __len and __eq: when they are (and are not) consulted.
local L = setmetatable({1, 2, 3}, {__len = function(t) return 42 end})
print(#L, rawlen(L))
local S = setmetatable({}, {__len = function() return "str" end})
print(#S)
local eqcalls = 0
local E = {__eq = function(a, b) eqcalls = eqcalls + 1; return a.id == b.id end}
local a = setmetatable({id = 1}, E)
local b = setmetatable({id = 1}, E)
local c = setmetatable({id = 2}, E)
print(a == b, a ~= b, a == c, a == a, eqcalls)
print(a == 1, rawequal(a, b), eqcalls)
local other = setmetatable({id = 1}, {__eq = function() return true end})
print(a == other, other == a)
local truthy = setmetatable({}, {__eq = function() return "yes" end})
print(truthy == setmetatable({}, {}))
print(pcall(function() return #nil end))
