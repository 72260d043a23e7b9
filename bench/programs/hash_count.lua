-- hash_count (bench): counts words drawn from a generated vocabulary in a hash
-- table keyed by strings, and integer keys in a second table. Checks the totals and
-- the counts against an independent array-based tally.
-- Usage: hash_count.lua [N]   (N = number of words; default 8000000, small size 20000)
-- bench-small-args: 20000

local n = tonumber(arg and arg[1]) or 8000000

-- Deterministic pseudo-random integers: the MINSTD generator, whose products stay
-- below 2^53, so every implementation (even one with only float numbers) agrees.
local seed = 12345
local function rand()
  seed = seed * 16807 % 2147483647
  return seed
end

-- A vocabulary of 5000 distinct words built from syllables.
local syll = { "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "zu", "pe", "qua", "xi" }
local vocab = {}
local V = 5000
for i = 1, V do
  local parts, k = {}, i
  repeat
    parts[#parts + 1] = syll[k % #syll + 1]
    k = k // #syll
  until k == 0
  vocab[i] = table.concat(parts) .. i % 7
end

local counts, tally = {}, {}
local icounts = {}
for i = 1, V do tally[i] = 0 end
for _ = 1, n do
  -- Skewed choice: small indices are more frequent.
  local r = rand()
  local idx = (r % V) // ((r >> 20) % 8 + 1) + 1
  local w = vocab[idx]
  counts[w] = (counts[w] or 0) + 1
  tally[idx] = tally[idx] + 1
  local key = r % 65536
  icounts[key] = (icounts[key] or 0) + 1
end

local distinct, total = 0, 0
for w, c in pairs(counts) do
  distinct = distinct + 1
  total = total + c
end
if total ~= n then error("word total " .. total) end
local itotal = 0
for _, c in pairs(icounts) do itotal = itotal + c end
if itotal ~= n then error("integer key total " .. itotal) end
local best, best_count, want_distinct = nil, -1, 0
for i = 1, V do
  local c = tally[i]
  if c > 0 then want_distinct = want_distinct + 1 end
  if (counts[vocab[i]] or 0) ~= c then error("count of " .. vocab[i]) end
  if c > best_count then best, best_count = vocab[i], c end
end
if distinct ~= want_distinct then error("distinct " .. distinct) end
print(string.format("hash_count(%d) distinct %d top %s %d", n, distinct, best, best_count))
