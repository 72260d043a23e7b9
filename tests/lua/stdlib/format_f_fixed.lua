-- string.format("%f", "%.Pf", "%W.Pf") of floats and integers: rounding
-- (ties among exact binary values), signs, widths, flags left to the C library.
local vals = {0.0, -0.0, 1.0, 0.5, 0.125, 0.375, 2.5, 0.05, 0.15, 0.25, 1.005, 2.675, 0.1,
  1 / 3, 2 / 3, 123456.789, 999.9995, -0.001, -0.004, 1e14, 1e15, 1e20, 1 / 0, -1 / 0,
  3.14159265358979, -2.71828182845905, 42, -7, 2^53}
for _, v in ipairs(vals) do
  print(string.format("%f|%.0f|%.1f|%.2f|%.3f|%.6f|%.10f|%.15f|%8.2f|%12.4f|%3.1f|%.f",
    v, v, v, v, v, v, v, v, v, v, v, v))
  print(string.format("%08.3f|%-8.2f|%+.2f|% .2f|%#.0f|%5f", v, v, v, v, v, v))
end
local seed, h, n = 4242, 0, 0
for i = 1, 20000 do
  seed = seed * 16807 % 2147483647
  local v = (seed % 2000001 - 1000000) / 10 ^ (seed % 7)
  local s = string.format("%.2f %.3f %7.1f %f", v, v / 7, v * 1.5, v / 1024)
  n = n + #s
  for j = 1, #s, 2 do h = (h * 31 + s:byte(j)) % 1000000007 end
end
print(n, h)
