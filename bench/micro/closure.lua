local N = 2000000
local s=0; for i=1,N do local f = function() return i end; s = s + f() end; print(s)
