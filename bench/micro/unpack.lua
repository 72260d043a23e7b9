local N = 3000000
local t = {1,2,3,4,5}; local s=0; for i=1,N do local a,b,c,d,e = table.unpack(t); s = s + a + e end; print(s)
