local N = 6000000
local s=0; for i=1,N do s = s + #string.char(65 + i % 26, 66) end; print(s)
