-- fannkuch (bench): pancake flips over all permutations of 1..N, integer array
-- reads, writes and swaps. Checks against the known results for N = 5..11.
-- Usage: fannkuch.lua [N [R]]   (N = permutation length, R = repetitions;
-- default N = 9 and R = 5; small size N = 7, R = 1)
-- bench-small-args: 7 1

local n = tonumber(arg and arg[1]) or 9
local reps = tonumber(arg and arg[2]) or 5

local function fannkuch(N)
  local perm, perm1, count = {}, {}, {}
  local max_flips, checksum, nperm = 0, 0, 0
  for i = 1, N do perm1[i] = i end
  local r = N
  while true do
    while r ~= 1 do count[r] = r; r = r - 1 end  -- count[k] is C's count[k-1]
    for i = 1, N do perm[i] = perm1[i] end
    local flips = 0
    local k = perm[1]
    while k ~= 1 do
      local i, j = 1, k
      while i < j do
        perm[i], perm[j] = perm[j], perm[i]
        i = i + 1
        j = j - 1
      end
      flips = flips + 1
      k = perm[1]
    end
    if flips > max_flips then max_flips = flips end
    if nperm % 2 == 0 then checksum = checksum + flips else checksum = checksum - flips end
    -- Next permutation in the counting order of the reference program.
    while true do
      if r == N then return checksum, max_flips end
      local p0 = perm1[1]
      for i = 1, r do perm1[i] = perm1[i + 1] end
      perm1[r + 1] = p0
      count[r + 1] = count[r + 1] - 1
      if count[r + 1] > 0 then break end
      r = r + 1
    end
    nperm = nperm + 1
  end
end

local checksum, flips
for _ = 1, reps do checksum, flips = fannkuch(n) end
local known = {
  [5] = { 11, 7 }, [6] = { 49, 10 }, [7] = { 228, 16 }, [8] = { 1616, 22 },
  [9] = { 8629, 30 }, [10] = { 73196, 38 }, [11] = { 556355, 51 },
}
local k = known[n]
if k and (k[1] ~= checksum or k[2] ~= flips) then
  error(string.format("fannkuch(%d): %d %d, expected %d %d", n, checksum, flips, k[1], k[2]))
end
print(string.format("fannkuch(%d) checksum %d max flips %d", n, checksum, flips))
