local N = 20000000
local x = 0; for i=1,N do x = (x ~ (i << 3)) & 0xffffff | (i >> 2) end; print(x)
