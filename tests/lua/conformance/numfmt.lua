-- number to string conversions and string.format numeric edge cases
local vals = {0, -0.0, 1, -1, 0.1, 1/3, 2/3, 1e15, 1e16, 1e17, 123456789012, 1e-4, 1e-5, 5e-324, 1.7976931348623157e308,
  2^53, 2^63, -2^63, 2^64, 3.14159265358979, 100, 100.0, 1e2, 255 / 5, 0.1 + 0.2, 1 - 1e-16, 12.5, -12.5, 1e300 * 1e300}
for _, v in ipairs(vals) do
  io.write(tostring(v), " | ", string.format("%g", v), " | ", string.format("%.3f", v), " | ", string.format("%.14g", v), " | ", string.format("%e", v), "\n")
end
for _, v in ipairs{0, 1, -1, 255, 65535, math.maxinteger, math.mininteger, 1 << 32} do
  print(string.format("%d|%5d|%-8d|%x|%X|%o|%#o|%#X|%+.3d|% d", v, v, v, v, v, v, v, v, v, v))
end
print(string.format("%.0e|%#.0e|%#g|%#.3g|%-12.4e|%012.3f", 12345.6789, 12345.6789, 1.0, 2.0, 0.000123, -3.14159))
print(string.format("%a|%A|%.3a", 1.5, -0.1, 3.0))
print(string.format("%5.1f|%-7.2f|%07.2f|%+.1f|% .1f", 2.25, 2.5, -2.5, 3.05, 3.05))
print(string.format("%g|%g|%g|%g", 1e-320, 2^-1074, 0/0 ~= 0/0 and 1 or 0, -1e-300))
print(string.format("%.3s|%-6.2s|%6s", "abcdef", "abc", "ab"))
print(string.format("%s|%s|%s", 1e15, 1e16, -1e100))
print(string.format("%q", 0.1), string.format("%q", -0.0), string.format("%q", 2^63), string.format("%q", 1e-300))
print(string.format("%q", "\r\n\t\0\1\127\200\255x1\0001"))
print(string.format("%d", -0))
print(2^31, 2^31 | 0, 2^32 * 2^31, -(2^63) | 0)
print(8 // 3 * 1.0, 7 / 7, -7 // 2.0, 7 % -3.0, -0.0 % 1)
print(1e15 + 0.3, 123456789.123, 0.000001, 1e-7, 12345678901234567890)
print(tostring(1/0), tostring(-1/0), math.huge // 1, -math.huge % 2)
print(string.format("%.1f", 0.05), string.format("%.2f", 2.675), string.format("%.0f", 2.5), string.format("%.0f", 3.5))
print(tonumber("1e500"), tonumber("-1e500"), tonumber("0x1p99999"), tonumber("1e-500"))
print(tonumber("0x8000000000000000"), tonumber("-0x8000000000000000"), tonumber("0x1.8"), tonumber("0x.8"), tonumber("0x8."))
print(tonumber("9223372036854775807"), tonumber("-9223372036854775808"), tonumber("-9223372036854775809"))
print(math.type(tonumber("9223372036854775808")), math.type(tonumber("-9223372036854775808")))
print(tonumber("1E2"), tonumber("1e+2"), tonumber("+5"), tonumber("+-5"), tonumber("5 "), tonumber("\t5\n"))
print(tonumber("ff", 16), tonumber("FF", 16), tonumber("-ff", 16), tonumber("7fffffffffffffff", 16), tonumber("ffffffffffffffff", 16))
print(tonumber("1.5", 10), tonumber(" 11 ", 2), tonumber("", 10), tonumber("2", 2), tonumber("zz", 36))
print(tonumber(nil) == nil and "err" or "no", pcall(tonumber))
print(tonumber(15), tonumber(1.5), tonumber("0b1"), tonumber("1_000"))
print(string.rep("=", 3) .. 1e100, 2^-1074 .. "", (2^53 + 1) .. "")
