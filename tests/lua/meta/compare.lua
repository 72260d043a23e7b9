-- __lt and __le: results converted to booleans; no __le fallback to __lt in 5.4.
local N = {}
N.__lt = function(a, b) return a.v < b.v end
N.__le = function(a, b) return a.v <= b.v end
local function n(v) return setmetatable({v = v}, N) end
print(n(1) < n(2), n(2) < n(1), n(1) <= n(1), n(2) > n(1), n(1) >= n(2))
local items = {n(3), n(1), n(2)}
table.sort(items)
print(items[1].v, items[2].v, items[3].v)
local onlylt = setmetatable({}, {__lt = function() return 1 end})
print(onlylt < onlylt, pcall(function() return onlylt <= onlylt end))
local mixed = setmetatable({}, {__lt = function(a, b) return type(a) == "number" end})
print(1 < mixed, mixed < 1, mixed > 1)
print(pcall(function() return {} < {} end))
