local N = 300
local s=0; for j=1,N do local t = setmetatable({}, {__mode="k"}); for i=1,10000 do t[{}] = i end; collectgarbage(); for k in pairs(t) do s = s + 1 end end; print(s)
