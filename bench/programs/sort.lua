-- sort (bench): table.sort with a Lua comparator over records, so most of the
-- time is spent calling back into Lua from the library. Checks the order and
-- that the records are a permutation of the input.
-- Usage: sort.lua [N]   (N = number of records; default 200000, small size 5000)
-- bench-small-args: 5000

local n = tonumber(arg and arg[1]) or 200000

-- Deterministic pseudo-random integers: the MINSTD generator, whose products stay
-- below 2^53, so every implementation (even one with only float numbers) agrees.
local seed = 7
local function rand()
  seed = seed * 16807 % 2147483647
  return seed
end

local recs = {}
local idsum = 0
for i = 1, n do
  recs[i] = { key = rand() % 1000, name = "r" .. (rand() % 100000), id = i }
  idsum = idsum + i
end

-- Total order: key ascending, then name descending, then id ascending (ids are
-- unique, so the result does not depend on the sort algorithm).
local function less(a, b)
  if a.key ~= b.key then return a.key < b.key end
  if a.name ~= b.name then return a.name > b.name end
  return a.id < b.id
end

table.sort(recs, less)

local seen, weighted = 0, 0
for i = 1, n do
  local r = recs[i]
  if i > 1 and less(r, recs[i - 1]) then error("not sorted at " .. i) end
  seen = seen + r.id
  weighted = (weighted + r.id * i) % 1000000007
end
if seen ~= idsum then error("records lost or duplicated") end
-- Also sort plain integers with the default comparison, then reverse with a comparator.
local ints = {}
for i = 1, n do ints[i] = recs[i].key * 100000 + recs[i].id end
table.sort(ints)
table.sort(ints, function(x, y) return x > y end)
for i = 2, n do
  if ints[i - 1] < ints[i] then error("integers not in descending order at " .. i) end
end
print(string.format("sort(%d) first id %d last id %d checksum %d", n, recs[1].id, recs[n].id, weighted))
