-- heapsort (bench): in-place heap sort of an integer array, array indexing with
-- integer arithmetic. Checks that the result is ordered and is a permutation.
-- Usage: heapsort.lua [N]   (N = array length; default 1000000, small size 10000)
-- bench-small-args: 10000

local n = tonumber(arg and arg[1]) or 1000000

-- Deterministic pseudo-random integers: the MINSTD generator, whose products stay
-- below 2^53, so every implementation (even one with only float numbers) agrees.
local seed = 42
local function rand()
  seed = seed * 16807 % 2147483647
  return seed
end

local function heapsort(a, count)
  -- Sift a[start] down into the heap a[start..stop].
  local function sift(start, stop)
    local root = start
    local v = a[root]
    while true do
      local child = root * 2
      if child > stop then break end
      if child < stop and a[child] < a[child + 1] then child = child + 1 end
      if v < a[child] then
        a[root] = a[child]
        root = child
      else
        break
      end
    end
    a[root] = v
  end
  for start = count // 2, 1, -1 do sift(start, count) end
  for stop = count, 2, -1 do
    a[1], a[stop] = a[stop], a[1]
    sift(1, stop - 1)
  end
end

local a = {}
local sum, xor = 0, 0
for i = 1, n do
  local v = rand() % 1000000
  a[i] = v
  sum = sum + v
  xor = xor ~ v
end
heapsort(a, n)
local sum2, xor2, weighted = 0, 0, 0
for i = 1, n do
  local v = a[i]
  if i > 1 and a[i - 1] > v then error("not sorted at " .. i) end
  sum2 = sum2 + v
  xor2 = xor2 ~ v
  weighted = (weighted + v * i) % 1000000007
end
if sum ~= sum2 or xor ~= xor2 then error("sorted array is not a permutation of the input") end
print(string.format("heapsort(%d) min %d max %d checksum %d", n, a[1], a[n], weighted))
