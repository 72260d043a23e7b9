-- utf8 library: char, charpattern, codes, codepoint, len, offset.
print(utf8.char(72, 228, 8364, 128512), utf8.char())
print(utf8.charpattern == "[\0-\x7F\xC2-\xFD][\x80-\xBF]*")
local s = "häll€😀"
print(#s, utf8.len(s), utf8.len(s, 3), utf8.len("\xff"), utf8.len(""))
for p, c in utf8.codes(s) do io.write(p, ":", c, " ") end print()
print(utf8.codepoint(s, 1, -1))
print(utf8.offset(s, 1), utf8.offset(s, 3), utf8.offset(s, -1), utf8.offset(s, 0, 3), utf8.offset(s, 10))
print(pcall(utf8.codepoint, "\xff"))
print(pcall(utf8.offset, s, 1, 3))
local chars = {}
for ch in s:gmatch(utf8.charpattern) do chars[#chars + 1] = ch end
print(#chars, chars[2], chars[6])
print(utf8.len("abc", 4), utf8.len("abc", -1), utf8.codepoint("A"))
print(utf8.char(0x7FFFFFFF):byte(1, -1))
print(pcall(function() for p, c in utf8.codes("a\xffb") do end end))
