-- huge work charges (table.move over 2^63 indices, interrupted by an error) overflowed the fuel counters (UB under --config=asan)
local maxI, minI = math.maxinteger, math.mininteger
local function checkmove (f, e, t)
  local pos1, pos2
  local a = setmetatable({}, {
              __index = function (_,k) pos1 = k end,
              __newindex = function (_,k) pos2 = k; error() end, })
  local st, msg = pcall(table.move, a, f, e, t)
  print(st, msg, pos1, pos2)
end
for _ = 1, 5 do
  checkmove(1, maxI, 0)
  checkmove(0, maxI - 1, 1)
  checkmove(minI, -2, -5)
  checkmove(minI + 1, -1, -2)
end
print(pcall(table.unpack, {}, minI, maxI))
