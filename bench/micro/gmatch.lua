local N = 400000
local str = "alpha beta gamma delta epsilon"; local s=0; for i=1,N do for w in str:gmatch("%a+") do s = s + #w end end; print(s)
