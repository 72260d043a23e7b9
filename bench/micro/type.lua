local N = 3000000
local s=0; local v = {}; for i=1,N do if type(v) == "table" then s = s + 1 end; if type(i) == "number" then s = s + 1 end end; print(s)
