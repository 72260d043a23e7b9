local N = 8000000
local o = setmetatable({}, {__len = function() return 3 end}); local s=0; for i=1,N do s = s + #o end; print(s)
