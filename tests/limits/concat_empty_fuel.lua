-- limit-args: --fuel 2000000
-- limit-status: 3
-- limit-stderr: out of fuel
-- table.concat is charged by the elements it reads as well as the bytes it
-- makes: joining a million empty strings costs fuel even though the result
-- is empty, so 100 of them exhaust a budget that 100 loop steps would not.
local t = {}
for i = 1, 1000000 do t[i] = "" end
for _ = 1, 100 do local _ = table.concat(t) end
print("finished")
