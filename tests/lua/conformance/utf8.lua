-- utf8 library
print(utf8.char(72, 228, 8364, 128512), utf8.char(), #utf8.char(0x7FFFFFFF))
print(utf8.charpattern)
local s = "héllo wörld €𝄞"
print(utf8.len(s), #s)
print(utf8.len(s, 3), utf8.len(s, -4), utf8.len("", 1), utf8.len("abc", 4))
print(utf8.len("\xff"), utf8.len("abc\x80def"), utf8.len("\xC0\x80"))
print(pcall(utf8.len, "abc", 5))
for p, c in utf8.codes("aé€𝄞") do io.write(p, ":", c, " ") end print()
print(utf8.codepoint("aé€", 1, -1))
print(utf8.codepoint("abc"), utf8.codepoint("abc", 2), pcall(utf8.codepoint, "abc", 4))
print(pcall(utf8.codepoint, "\xff"), pcall(utf8.codepoint, "abc", 1, 5))
print(utf8.offset("aé€𝄞", 1), utf8.offset("aé€𝄞", 2), utf8.offset("aé€𝄞", 3), utf8.offset("aé€𝄞", 4), utf8.offset("aé€𝄞", 5), utf8.offset("aé€𝄞", 6))
print(utf8.offset("aé€𝄞", -1), utf8.offset("aé€𝄞", -2), utf8.offset("aé€𝄞", 0, 3), utf8.offset("aé€𝄞", 0, 4))
print(pcall(utf8.offset, "aé", 1, 3))
print(utf8.codepoint(utf8.char(0x10FFFF)), pcall(utf8.codepoint, "\xF4\x90\x80\x80"), utf8.codepoint("\xF4\x90\x80\x80", 1, 1, true))
print(utf8.len("\u{D800}"), utf8.len("\u{D800}", 1, -1, true))
local cnt = 0
for _, c in utf8.codes("日本語テキスト") do cnt = cnt + 1 end
print(cnt)
print(pcall(function() for _, c in utf8.codes("ab\xffcd") do end end))
local parts = {}
for ch in s:gmatch(utf8.charpattern) do parts[#parts+1] = ch end
print(#parts, parts[2], parts[14])
print(pcall(utf8.char, -1), pcall(utf8.char, 0x80000000))
-- reverse a utf8 string
local function ureverse(str)
  local t = {}
  for _, c in utf8.codes(str) do table.insert(t, 1, utf8.char(c)) end
  return table.concat(t)
end
print(ureverse("añb€"))
