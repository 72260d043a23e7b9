local N = 4000000
local str = "hello world, this is a test"; local s=0; for i=1,N do s = s + str:byte(i % 20 + 1) end; print(s)
