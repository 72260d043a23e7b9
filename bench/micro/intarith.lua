local N = 20000000
local x = 0; for i=1,N do x = (x * 3 + i) % 1000003 end; print(x)
