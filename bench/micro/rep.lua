local N = 600000
local s=0; for i=1,N do s = s + #string.rep("ab", 50, ",") end; print(s)
