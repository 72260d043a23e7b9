-- limit-args: --memory-limit 16M
-- limit-status: 1
-- limit-stderr: not enough memory
local t = {}
while true do t[#t + 1] = {i = #t} end
