-- limit-args: --fuel 2000000
-- limit-status: 3
-- limit-stderr: out of fuel
-- An endless loop of protected calls, sort comparators and gsub callbacks
-- (each returning into its C caller's continuation inside the executor)
-- still stops when the fuel is spent.
local function one(x) return x end
local t = {3, 1, 2}
while true do
  pcall(one, 1)
  pcall(pcall, one, 2)
  table.sort(t, function(a, b) return a < b end)
  local _ = ("ab"):gsub(".", one)
end
