local N = 6000000
local A = {}; A.__index = A; function A:get() return self.v end; local B = setmetatable({}, A); B.__index = B; local o = setmetatable({v=2}, B); local s=0; for i=1,N do s = s + o:get() end; print(s)
