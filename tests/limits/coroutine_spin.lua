-- limit-args: --fuel 5000000
-- limit-status: 3
-- limit-stderr: out of fuel
local co = coroutine.wrap(function() while true do coroutine.yield() end end)
while true do co() end
