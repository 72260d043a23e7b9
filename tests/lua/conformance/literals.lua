-- literals: escapes, long strings, numerals
print("\65\066\0671", "\x41\x42", "\u{48}\u{49}", "a\z
      b", "\'\"\\")
print(#"\0\0\0", ("\0abc"):byte(1, -1))
print("\u{7FF}" == "\xDF\xBF", "\u{FFFF}" == "\xEF\xBF\xBF", #"\u{10FFFF}", #"\u{7FFFFFFF}")
print("tab\tend", "nl\\n", "bell\a" == "bell\7", "\v\f\r" == "\11\12\13")
local s = [[
first line
second]]
print(s, #s)
print([==[a]]b]=]c]==])
print([[
]] == "")
-- numerals
print(0x10, 0xA.8p1, 0x.1p4, 1e2, 1E-2, .5, 5., 3e0)
print(0x7fffffffffffffff, 0xffffffffffffffff, 0x10000000000000000)
print(9223372036854775807, 9223372036854775808, -9223372036854775808)
print(math.type(9223372036854775807), math.type(9223372036854775808))
print(1e308 * 10, -1e308 * 10, 2^63, -2^63)
print(0x1p-1074, 0x1p1023)
print(100000000000000, 1e15, 1e16, 123456789012345678)
print(0.1, 1/3, -1/3, 100/2, 3.0, -0.0, 1e100)
print(3 == 3.0, 0x10 == 16, 0xA == 10.0)
print(tonumber("0x10"), tonumber("  10  "), tonumber("1e1"), tonumber("0x1p4"), tonumber("10", 16))
print(tonumber(""), tonumber(" "), tonumber("1 2"), tonumber("0x"), tonumber("1e"))
print(tonumber("z", 36), tonumber("Zz", 36), tonumber("777", 8), tonumber("8", 8), tonumber("1111", 2))
print(tonumber("  -0x10  "), tonumber("-  1"), tonumber("inf"), tonumber("nan"))
print(tonumber("0x7fffffffffffffff"), tonumber("0xffffffffffffffff"), tonumber("9223372036854775808"))
print(tonumber(" 0x1P+2 "), tonumber("1.5e+3"), tonumber(".e1"), tonumber("1..2"))
-- comments
--[==[ long
comment ]==] print("after long comment")
--[[ x ]] print("after short long comment")
-- string comparison with embedded zeros
print("a\0b" < "a\0c", "a\0" > "a", "" < "\0")
print(#"\z    
   ", "x\z  y")
print('\104\101\108\108\111')
print("\u{0}" == "\0")
