local N = 4000000
local function f(...) local a, b = ... ; return a + b end; local function g(...) return f(...) end; local s=0; for i=1,N do s = s + g(i, 1) end; print(s)
