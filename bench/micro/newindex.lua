local N = 10000000
local log = 0; local t = setmetatable({}, {__newindex = function(t, k, v) log = log + v end}); for i=1,N do t[i] = i end; print(log)
