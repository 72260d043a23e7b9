-- Order comparisons (<, <=, >, >=) between every pair of integers and floats around 0, 2^53 (where integers stop converting exactly), 2^63, the extremes, infinities, -0.0 and NaN, in registers and against constants
local big = 1 << 53
local vals = {
  0, -0.0, 0.0, 1, -1, 0.5, -0.5, 1000, 1000.0, 999.999, -1000, -1000.5,
  big, big - 1, big + 1, -big, -big - 1, -big + 1, 2.0^53, -2.0^53, 2.0^53 + 2,
  math.maxinteger, math.mininteger, math.maxinteger - 1, math.mininteger + 1,
  2.0^63, -2.0^63, 2.0^63 - 1024, 2.0^64, -2.0^64,
  math.huge, -math.huge, 0/0,
}
local rows = {}
for a = 1, #vals do
  local bits = {}
  for b = 1, #vals do
    local x, y = vals[a], vals[b]
    local lt, le, gt, ge = x < y, x <= y, x > y, x >= y
    bits[#bits + 1] = (lt and "<" or "") .. (le and "=" or "") .. (gt and ">" or "") .. (ge and "g" or "")
    if lt ~= (y > x) or le ~= (y >= x) then bits[#bits + 1] = "!" end
  end
  rows[#rows + 1] = a .. ": " .. table.concat(bits, " ")
end
print(table.concat(rows, "\n"))
-- constants wider than an instruction's immediate operand, both sides
local c = 0
for i = 1, 2000 do
  local f = i * 0.75
  if f > 1000 then c = c + 1 end
  if f >= 1000 then c = c + 10 end
  if 1000 < f then c = c + 100 end
  if 1000 <= f then c = c + 1000 end
  if f < -1000 or f <= -2000 then c = c + 100000 end
end
print(c)
local n = 0
for i = 1, 100 do
  local x = (i % 2 == 0) and i or i + 0.5
  if x < 50 then n = n + 1 end
  if x <= 50.0 then n = n + 10 end
  if 2^53 < x then n = n + 1000 end
end
print(n, math.maxinteger < 2^63, math.maxinteger <= 2^63, math.mininteger <= -2^63, math.mininteger < -2^63)
print(big + 1 < 2.0^53 + 2, big + 1 > 2.0^53, big + 1 <= 2.0^53, (1 << 62) < 2^62 + 2^10, (1 << 62) + 1 > 2^62)
