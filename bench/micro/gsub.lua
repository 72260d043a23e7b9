local N = 600000
local str = "alpha beta gamma delta epsilon"; local s=0; for i=1,N do s = s + #(str:gsub("a", "A")) end; print(s)
