local N = 300000
local s=0; for i=1,N do s = s + #tostring(i) + #tostring(i + 0.5) end; print(s)
