-- Shrinking and churn: rehash sizes the array part by the integer keys in use,
-- so emptied arrays move to the hash part and back; '#' and the next/pairs
-- counts must match lua5.4 after each step (no key is added after a string
-- key is removed, so where lua5.4's seeded string hash puts keys cannot
-- change when a rehash happens).

local function count(t)
  local c = 0
  for _ in pairs(t) do c = c + 1 end
  local d, k = 0, next(t)
  while k ~= nil do d = d + 1; k = next(t, k) end
  assert(c == d)
  return c
end

-- shrinking: emptied tables refilled with other keys (rehash sizes the array
-- by the keys in use, so the array part can shrink)
local s = {}
for i = 1, 100 do s[i] = i end
for i = 1, 100 do if i % 4 ~= 0 then s[i] = nil end end
print("shrink", #s, count(s))
for i = 1, 50 do s["s" .. i] = i end
print("shrink", #s, count(s))
for i = 101, 140 do s[i] = i end
print("shrink", #s, count(s))
for i = 1, 100 do s[i] = i end
print("shrink", #s, count(s))

-- removing during traversal (assigning nil to existing fields is allowed)
local r = {}
for i = 1, 64 do r[i] = i; r["x" .. i] = i end
for k in pairs(r) do
  if type(k) == "number" and k % 2 == 0 then r[k] = nil end
  if type(k) == "string" and #k == 2 then r[k] = nil end
end
print("traverse", #r, count(r))

-- pushes and pops across powers of 2 (array grows, '#' hint follows)
local st = {}
local lens = {}
for round = 1, 6 do
  for i = 1, 2 ^ round + 1 do st[#st + 1] = i end
  lens[#lens + 1] = #st
  for _ = 1, 2 ^ (round - 1) do st[#st] = nil end
  lens[#lens + 1] = #st
end
print("stack", table.concat(lens, " "), count(st))

-- many tables of every small size with one hole at every position
local res = {}
for n = 1, 17 do
  local row = {}
  for h = 1, n do
    local u = {}
    for i = 1, n do u[i] = i end
    u[h] = nil
    row[#row + 1] = #u
  end
  res[#res + 1] = table.concat(row, ",")
end
print("onehole", table.concat(res, " "))
