local N = 9000000
local o = setmetatable({}, {__call = function(self, x) return x + 1 end}); local s=0; for i=1,N do s = s + o(i) end; print(s)
