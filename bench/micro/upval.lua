local N = 10000000
local c = 0; local function inc() c = c + 1 end; for i=1,N do inc() end; print(c)
