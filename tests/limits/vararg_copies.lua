-- limit-args: --fuel 20000000
-- limit-status: 3
-- limit-stderr: out of fuel
-- Copying many values (varargs into a table, returning them all) is charged by
-- the number of values, so one instruction cannot copy 100,000 values for one
-- unit of fuel.
local t = {}
for i = 1, 100000 do t[i] = i end
local function pass(...) return ... end
local function spin(...)
  for _ = 1, 1e7 do
    local u = {...}
    local v = select("#", pass(...))
  end
end
spin(table.unpack(t))
print("not reached")
