local N = 2000000
local s=0; for i=1,N do local t = {i, i+1, x = i}; s = s + t[2] + t.x end; print(s)
