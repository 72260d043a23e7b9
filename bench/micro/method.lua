local N = 6000000
local C = {}; C.__index = C; function C.new(v) return setmetatable({v=v}, C) end; function C:get() return self.v end; local o = C.new(3); local s=0; for i=1,N do s = s + o:get() end; print(s)
