local N = 2000000
local s=0; for i=1,N do s = s + tonumber("123") + tonumber("0x10") + tonumber("1.5") end; print(s)
