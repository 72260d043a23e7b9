local N = 1000000
local V = {}; V.__index = V; V.__add = function(a, b) return setmetatable({x = a.x + b.x}, V) end; local v = setmetatable({x=1}, V); local acc = setmetatable({x=0}, V); for i=1,N do acc = acc + v end; print(acc.x)
