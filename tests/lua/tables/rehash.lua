-- Growth and rehash: integer keys move between the hash part and the array
-- part when a full table is resized, and '#' must find the same border as
-- lua5.4 wherever the keys ended up (binary search in the array, unbounded
-- search in the hash part). Counts via next/pairs check nothing is lost.

local function count(t)
  local c = 0
  for _ in pairs(t) do c = c + 1 end
  local d, k = 0, next(t)
  while k ~= nil do d = d + 1; k = next(t, k) end
  assert(c == d)
  return c
end

-- filled backwards: keys land in the hash part first
for n = 1, 40 do
  local t = {}
  for i = n, 1, -1 do t[i] = i end
  local a = #t
  t[n // 2 + 1] = nil
  print("backwards", n, a, #t, count(t))
end

-- sparse keys: the border may be in the hash part, past big gaps
for _, step in ipairs({2, 3, 5, 16}) do
  local t = {}
  local out = {}
  for i = 1, 64 do
    t[i * step] = i
    t[i] = true
    out[#out + 1] = #t
  end
  print("sparse", step, table.concat(out, " "), count(t))
end

-- mixed key kinds forcing rehashes while integer keys are scattered (no
-- string keys here: with removals, when a rehash happens depends on where
-- keys hash, and lua5.4 seeds its string hash at random)
local t = {}
local out = {}
for i = 1, 300 do
  if i % 3 == 0 then t[-i] = i
  elseif i % 3 == 1 then t[i] = i
  else t[i + 0.5] = i end
  if i % 7 == 0 then t[i - 3] = nil end
  if i % 10 == 0 then out[#out + 1] = #t .. "/" .. count(t) end
end
print("mixed", table.concat(out, " "))

-- negative, zero, float-integral and huge integer keys
local m = {}
m[0] = 0; m[-1] = -1; m[1.0] = 1; m[2] = 2; m[3.0] = 3; m[2^53] = "big"
m[math.maxinteger] = "max"; m[math.mininteger] = "min"
print("odd keys", #m, count(m), m[1], m[3], m[2^53])
m[4] = 4; m[5] = 5; m[6] = 6
print("odd keys", #m, count(m))

-- maxinteger present: the unbounded search stops at it
local big = {1, 2, 3}
big[math.maxinteger] = true
print("maxint", #big)
for i = 4, 20 do big[i] = i end
big[math.maxinteger // 2 + 1] = true
print("maxint", #big)
-- every power of 2 present: the doubling search reaches maxinteger itself
local pw = {}
for i = 0, 62 do pw[1 << i] = true end
print("pow2", #pw)
pw[math.maxinteger] = true
print("pow2", #pw)
pw[5] = true  -- into a free hash node: the array part still ends at 4
print("pow2", #pw)
pw[math.maxinteger] = nil
print("pow2", #pw)
