-- string.format("%.<P>g") of floats, the JSON encoders' "%.17g" among them:
-- exact short decimals (k / 2^j) and every other kind of double.
local vals = {0.5, 0.25, 0.015625, 100.0, 123.125, 1e16, 1e17, 2^53, 2^53 + 2, 2^60,
  0.0001, 0.00006103515625, 1 / 1024, 12345678.5, 0.1, 1 / 3, 0.0, -0.0, 1e300, 5e-324,
  1 / 0, -1 / 0, 3.0, -7.75, 99999.99999, 1e-5, 123456789012345678}
local precs = {1, 2, 3, 5, 6, 10, 14, 15, 16, 17, 20, 25}
for _, v in ipairs(vals) do
  local row = {}
  for _, p in ipairs(precs) do row[#row + 1] = string.format("%." .. p .. "g", v) end
  print(table.concat(row, " "))
  print(string.format("%.17g|%.14g|%g|%10.3g|%-12.5g|%+.6g|%#.3g", v, -v, v, v, v, v, v))
end
local seed, h, n = 12345, 0, 0
for i = 1, 20000 do
  seed = seed * 16807 % 2147483647
  local v = (seed % 2000001 - 1000000) / 2 ^ (seed % 23)
  local s = string.format("%.17g", v) .. string.format("%.6g", v) .. string.format("%.14g", v / 3)
  n = n + #s
  for j = 1, #s, 3 do h = (h * 31 + s:byte(j)) % 1000000007 end
end
print(n, h)
