-- limit-args: --fuel 20000000
-- limit-status: 3
-- limit-stderr: out of fuel
-- Comparing and concatenating long strings, and using them as keys, is work
-- proportional to their length and is charged as such: without that, each loop
-- below would run for hours on one unit of fuel per iteration.
local a = string.rep("x", 4000000)
local b = string.rep("x", 3999999) .. "x"
local t = {[a] = 1}
local n = 0
for _ = 1, 300 do if a == b then n = n + 1 end end
for _ = 1, 300 do if a < b then n = n + 1 end end
for _ = 1, 300 do n = n + t[b] end
for _ = 1, 1e7 do local c = a .. "y" end
print("not reached", n)
