local N = 8000000
local mt = {__eq = function(a, b) return a.v == b.v end}; local a, b = setmetatable({v=1}, mt), setmetatable({v=1}, mt); local s=0; for i=1,N do if a == b then s = s + 1 end end; print(s)
