local N = 2000000
local mt = {__index = {}}; local s=0; for i=1,N do local o = setmetatable({}, mt); s = s + (getmetatable(o) == mt and 1 or 0) end; print(s)
