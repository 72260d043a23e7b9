local N = 20000000
local t = {1,2,3,4,5,6,7,8,9,10}; local str = "abc"; local s=0; for i=1,N do s = s + #t + #str end; print(s)
