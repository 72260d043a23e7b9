local N = 2000000
local str = "Hello World"; local s=0; for i=1,N do s = s + #str:upper() + #str:lower() end; print(s)
