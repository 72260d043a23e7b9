-- Float modulo (a float operand makes % a float operation): integral values of every sign with zero results (-0.0 keeps its sign), non-integral values, values around 2^53 and beyond, infinities, NaN and zero divisors, in registers and against constants
local vals = {0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 3.0, -3.0, 7.0, -7.0, 10.0, -10.0, 0.5, -0.5, 2.5, -7.25,
  2.0^52, -2.0^52, 2.0^53, -2.0^53, 2.0^53 + 2, 2.0^60, -2.0^60, 1e300, 123456789.0, -987654321.0,
  math.huge, -math.huge, 0/0, 5, -5, 3}
local out = {}
for i = 1, #vals do
  local row = {}
  for j = 1, #vals do
    local a, b = vals[i], vals[j]
    if math.type(a) == "float" or math.type(b) == "float" then
      row[#row + 1] = string.format("%.17g", a % b)
    elseif b ~= 0 then
      row[#row + 1] = tostring(a % b)
    end
  end
  out[#out + 1] = table.concat(row, " ")
end
print(table.concat(out, "\n"))
local s = 0.0
for i = 1, 1000 do s = s + (i * 1.0) % 7 + (-i * 1.0) % 7.0 + (i * 0.5) % 3 end
print(s, 10.0 % 3, -10.0 % 3, 10 % -3.0, -0.0 % 5, 0.0 % -5, 4.0 % -2, -4.0 % 2)
print(1/(-0.0 % 5), 1/(-4.0 % 2), 1/(4.0 % -2), 1/(6.0 % 3.0), 1/(-6.0 % -3.0))
