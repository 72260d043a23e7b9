local N = 8000000
local o = setmetatable({}, {__concat = function(a, b) return "x" end}); local s=0; for i=1,N do s = s + #(o .. "a") end; print(s)
