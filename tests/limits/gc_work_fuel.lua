-- limit-args: --fuel 1000000
-- limit-status: 3
-- limit-stderr: out of fuel
-- The collector's work is charged as fuel: converging a 20,000-long
-- ephemeron chain (Lua's algorithm is quadratic in it) and a hundred full
-- collections of a 20,000-table heap run out of a budget that the program's
-- own instructions (about 10^5) stay far under. Uncharged, this ran to its
-- end.
local eph = setmetatable({}, {__mode = "k"})
local prev = {}
for i = 1, 20000 do local k = {} eph[k] = prev prev = k end
collectgarbage()
local t = {}
for i = 1, 20000 do t[i] = {i} end
for i = 1, 100 do collectgarbage() end
print("finished")
