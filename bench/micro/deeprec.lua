local N = 200
local function f(n) if n == 0 then return 0 end return 1 + f(n - 1) end; local s=0; for i=1,N do s = s + f(100000) end; print(s)
