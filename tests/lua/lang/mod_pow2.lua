-- Integer % by powers of two (the executor masks instead of dividing) must
-- give floor-modulo results with the divisor's sign, for every dividend;
-- other divisors, floats and the errors stay as before.
local t = {}
local dividends = { 0, 1, -1, 7, -7, 8, -8, 65535, 65536, -65536, -65537,
  math.maxinteger, math.mininteger, 123456789, -123456789 }
for _, m in ipairs(dividends) do
  for _, n in ipairs{ 1, 2, 4, 8, 1024, 65536, 1 << 62, math.mininteger, 3, -2, -8, 2147483647 } do
    t[#t + 1] = m % n          -- MOD (register divisor)
  end
  t[#t + 1] = m % 8            -- MODK
  t[#t + 1] = m % 65536
  t[#t + 1] = m % (1 << 62)
  t[#t + 1] = m % 8.0          -- float divisor: float result
end
print(table.concat(t, " "))
print(math.type(5 % 4), math.type(5 % 4.0), 5.5 % 4, -5.5 % 4)
print(pcall(function() local z = 0; return 5 % z end))
-- a table written with string keys through SETTABLE (key in a register)
local counts, words = {}, { "a", "bb", "a", "ccc", "bb", "a" }
for _, w in ipairs(words) do counts[w] = (counts[w] or 0) + 1 end
print(counts.a, counts.bb, counts.ccc)
