-- Floats turned into text ("%.14g", plus ".0" for integral values) by
-- tostring, print, concatenation, io.write and table.concat, on the values
-- programs make: short decimals, halves, thirds, big and small magnitudes.
local vals = {0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 100.0, 1e13,
  99999999999999.0, 1e14, 1e15, 1e16, 1e100, 1e-4, 1e-5, 0.00012345, 1.005, 2.675,
  3.14159265358979, 123.456, 2^53, 2^63, -2^63, 1e308, 5e-324, 1/0, -1/0, 12345678901234.5,
  0.12345678901234, 0.123456789012345, 4.35, 0.07}
for _, v in ipairs(vals) do
  print(v, -v, tostring(v), v .. "")
  io.write(v, " ", -v, "\n")
end
local n, h = 0, 0
local parts = {}
for i = -2000, 2000 do
  local a, b, c, d = i / 4, i / 10, i / 3, i * 1.1
  local s = tostring(a) .. "|" .. tostring(b) .. "|" .. tostring(c) .. "|" .. d
  n = n + #s
  for j = 1, #s do h = (h * 31 + s:byte(j)) % 1000000007 end
  if i % 250 == 0 then parts[#parts + 1] = s end
end
print(n, h)
print(table.concat(parts, "\n"))
for j = -8, 16 do io.write(1.5 * 10 ^ j, " ", 7 / 10 ^ j, " ", -123.25 * 10 ^ j, "\n") end
print(table.concat({0.5, 1.25, -3.0, 1e20}, ","))
print(string.format("%s %s", 0.1, 2^-10))
