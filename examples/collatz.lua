-- The longest Collatz sequence below 10000: integer arithmetic in nested loops.
local best, best_len = 1, 1
for start = 1, 9999 do
  local n, len = start, 1
  while n ~= 1 do
    if n % 2 == 0 then n = n // 2 else n = 3 * n + 1 end
    len = len + 1
  end
  if len > best_len then best, best_len = start, len end
end
print("longest chain below 10000 starts at " .. best .. " (" .. best_len .. " steps)")
