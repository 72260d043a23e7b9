local N = 5000000
local str = "hello world, this is a test"; local s=0; for i=1,N do s = s + #str:sub(i % 10, i % 10 + 5) end; print(s)
