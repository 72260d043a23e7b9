-- '#' on tables with holes after pseudo-random sequences of integer-key
-- stores, nil assignments, reads and appends: lua5.4 returns one particular
-- border (its length hint, array sizing and search order decide which).
-- A fixed LCG drives the operations so both implementations see the same ones.

local seed = 12345
local function rnd(n)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % n + 1
end

local function run(round, nops, range)
  local t = {}
  local out = {}
  for _ = 1, nops do
    local op = rnd(10)
    local k = rnd(range)
    if op <= 3 then
      t[k] = k
    elseif op <= 5 then
      t[k] = nil
    elseif op == 6 then
      t[#t + 1] = true
    elseif op == 7 then
      t[#t] = nil
    elseif op == 8 then
      local _ = t[k]
    elseif op == 9 then
      t[k + range] = 1
    else
      local n = #t
      t[n + 2] = n
    end
    out[#out + 1] = #t
  end
  print(round, table.concat(out, " "))
end

for round = 1, 40 do
  run(round, 60, 4 + round)
end
for round = 41, 50 do
  run(round, 300, 100)
end

-- fill then punch holes in various orders, reading '#' each time
for size = 1, 40 do
  local t = {}
  for i = 1, size do t[i] = i end
  local out = {}
  for _ = 1, size do
    t[rnd(size)] = nil
    out[#out + 1] = #t
  end
  print("punch", size, table.concat(out, " "))
end
