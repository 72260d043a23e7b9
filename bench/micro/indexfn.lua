local N = 10000000
local t = setmetatable({}, {__index = function(t, k) return k * 2 end}); local s=0; for i=1,N do s = s + t[i] end; print(s)
