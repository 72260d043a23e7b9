-- string.pack / unpack / packsize
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("i4", 1)), hex(string.pack(">i4", 1)), hex(string.pack("<h", -2)))
print(hex(string.pack("b B h H l L j J T", -1, 255, -300, 65000, -5, 5, -6, 6, 7)))
print(hex(string.pack("i3 I5 i16 I16", -2, 3, -1, 1)))
print(hex(string.pack("f d n", 1.5, -2.25, 1/3)))
print(hex(string.pack("s1 s2 z c5", "ab", "cde", "zz", "xy")))
print(hex(string.pack("!4 b i4 b i8", 1, 2, 3, 4)))
print(hex(string.pack("!8 b Xi8 b", 1, 2)), hex(string.pack("b x x b", 1, 2)))
print(hex(string.pack("< = > !2 b h", 1, 2)))
print(string.packsize("i4 i8 !8 d b"), string.packsize("c10"), string.packsize(""))
print(string.unpack("i4", string.pack("i4", -123456)))
print(string.unpack(">I2 <I2", "\1\2\1\2"))
print(string.unpack("s1 z c3", "\3abcdef\0ghi"))
print(string.unpack("f d", string.pack("f d", 0.5, 1e300)))
print(string.unpack("i16", string.pack("i16", -3)))
print(string.unpack("I16", string.pack("I16", 3)))
print(string.unpack("b", "\255\1", 2), string.unpack("b", "\255\1", -1))
print(string.unpack("!4 b Xi4 i4", string.pack("!4 b Xi4 i4", 9, 10)))
print(select("#", string.unpack("i1 i1 i1", "\1\2\3")))
local errs = {
  {"pack", "i17", 1}, {"pack", "i0", 1}, {"pack", "y", 1}, {"pack", "c", "x"},
  {"pack", "b", 200}, {"pack", "B", -1}, {"pack", "i2", 40000}, {"pack", "c2", "abc"},
  {"pack", "z", "a\0b"}, {"pack", "s1", string.rep("x", 300)}, {"pack", "!3 i4", 1},
  {"pack", "Xz", 1}, {"pack", "X", 1}, {"pack", "i4"}, {"pack", "d", "x"},
  {"packsize", "s"}, {"packsize", "z"}, {"packsize", string.rep("c2147483647", 2)},
  {"unpack", "i4", "abc"}, {"unpack", "z", "abc"}, {"unpack", "s1", "\5ab"},
  {"unpack", "i9", string.rep("\255", 8) .. "\1"}, {"unpack", "i4", "abcd", 10},
}
for _, e in ipairs(errs) do
  print(e[1], e[2], pcall(string[e[1]], e[2], e[3], e[4]))
end
