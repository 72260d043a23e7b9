-- string library
print(string.len(""), ("abc"):len(), #"\0\0")
print(("hello"):sub(2, 4), ("hello"):sub(-3), ("hello"):sub(2), ("hello"):sub(0), ("hello"):sub(10), ("hello"):sub(-100, 2), ("hello"):sub(3, 2))
print(("hello"):sub(math.mininteger, math.maxinteger), ("hello"):sub(-1, -1), ("hello"):sub(5, 5))
print(("abc"):byte(), ("abc"):byte(2), ("abc"):byte(-1), ("abc"):byte(1, 3), ("abc"):byte(4))
print(string.char(), string.char(72, 105), pcall(string.char, -1))
print(("abc"):upper(), ("ABC"):lower(), ("MiXeD 123"):upper())
print(("ab"):rep(3), ("ab"):rep(3, ","), ("x"):rep(0), ("x"):rep(-1), ("x"):rep(1, "sep"))
print(("abc"):reverse(), (""):reverse())
print(tostring(12), tostring(1.5), tostring(true), tostring(nil), tostring("s"))
print(string.format("%5s|%-5s|%.2s", "ab", "ab", "abcdef"))
print(string.format("%d %5d %-5d| %05d %+d", 42, 42, 42, 42, 42))
print(string.format("%x %X %#x %o", 255, 255, 255, 8))
print(string.format("%f %.2f %10.3f %-10.1f| %e %.3E", 3.14159, 3.14159, 3.14159, 3.14159, 12345.678, 0.00012))
print(string.format("%g %g %g %g %g", 1e20, 0.1, 100000, 1e-5, 123456789))
print(string.format("%q", 'he said "hi"\n\tand\0left\\'))
print(string.format("%q", 1/3), string.format("%q", 42), string.format("%q", math.mininteger), string.format("%q", 1e100))
print(string.format("%q", math.huge), string.format("%q", -math.huge))
print(string.format("%s %s %s", 1, 1.0, true), string.format("%s", nil))
print(string.format("%c%c%c", 76, 117, 97))
print(string.format("%%"), string.format("%5.1s|", "xyz"))
print(string.format("%i", 3), string.format("%.0f", 0.5), string.format("%.0f", 1.5), string.format("%.3g", 2/3))
print(string.format("%a", 0.5), string.format("%.1a", 1))
print(string.format("%10.4f|%-10.4f|", -math.pi, math.pi))
print(string.format("%s", setmetatable({}, {__tostring = function() return "OBJ" end})))
print(pcall(string.format, "%d", 2^63))
print(string.format("%d", 3.0), pcall(string.format, "%z", 1))
print(pcall(string.format, "%", 1))
print(pcall(string.format, "%d"))
print(string.format("%.14g", 2^53), string.format("%.20f", 0.1))
print(string.format("%-20s|", "left"), string.format("%20s|", "right"))
print(string.format("[%3d][%-3d][%03d]", -5, -5, -5))
print(#string.format("%099d", 7), pcall(string.format, "%100d", 7))
print(string.format("%.99f", 1):sub(1, 10))
-- tostring / concat of numbers
print(1 .. "", 1.0 .. "", -0.0 .. "", 2^63 .. "", 1e100 .. "", 12345678901234567 .. "")
print(10 // 3 .. "", 10 / 2 .. "", (3 | 0) .. "")
-- string comparison
print("a" < "b", "a" < "ab", "Z" < "a", "" < "a", "abc" == "abc", "10" < "9")
-- string.len with embedded zeros
print(("a\0b\0c"):len(), ("a\0b"):upper() == "A\0B")
-- rep big with sep
print(#("abc"):rep(1000, ", "))
-- string indexing via metatable
local s = "hello"
print(s:find("l"), s.len == string.len, ("x").upper == string.upper)
-- number/string coercion in concat
print(1 .. 2, 1.5 .. "|", "a" .. 10 // 1)
-- tostring of integers vs floats
print(tostring(3) == "3", tostring(3.0) == "3.0", tostring(-0.0), 3 == 3.0, math.type(3 // 1.0))
-- string.byte / char round trip
local all = {}
for i = 0, 255 do all[#all+1] = string.char(i) end
local str = table.concat(all)
print(#str, str:byte(1), str:byte(256), str:byte(-1))
local ok = true
for i = 1, 256 do if str:byte(i) ~= i - 1 then ok = false end end
print(ok)
print(("\xff"):upper() == "\xff", ("ÀB"):lower())
