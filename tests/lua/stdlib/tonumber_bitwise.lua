-- tonumber on numerals of every shape, and the integer fast paths of the bitwise
-- operators and math.min/max (output compared with lua5.4).
local cases = {"  10  ", "0x", "1e", "1\0", "  ", "", "inf", "nan", " 0x1p4 ", "1 2", "-0", "- 1", "0x-1", "-0x10", "1e308", "1e309", "0x7fffffffffffffff", "0xffffffffffffffff", "9223372036854775807", "9223372036854775808", "-9223372036854775808", ".5", "5.", "0x.8", "1E+2", "\t\n12\v\f\r", "١", "0b101", "+5", "++5", "0X1P-1"}
for _, s in ipairs(cases) do
  local v = tonumber(s)
  print(string.format("%q", s), v, math.type(v), v and 1/v)
end
print(tonumber(12), tonumber(1.5), tonumber(nil), tonumber({}), tonumber(true))
print(pcall(tonumber))
print(tonumber("10", 16), tonumber("zz", 36), tonumber(" ff ", 16), pcall(tonumber, 10, 16))
print(math.max(1, 2.5, -1), math.min(3, 1, 2), 7 >> 1, 1 << 63, -1 >> 1, 3 & 2.0, 5 | 2, 5 ~ 1, ~0, 1 << 64, 1 >> -2, 2.0 << 1)
print(pcall(function() return 1.5 & 1 end))
print(pcall(function() return "3" & 1 end))
