-- string.upper/lower over all 256 byte values (the C locale maps only ASCII
-- letters), and results built in a buffer below other stack values.
local all = {}
for b = 0, 255 do all[#all + 1] = string.char(b) end
all = table.concat(all)
local up, low = all:upper(), all:lower()
print(#up, #low)
for i = 1, 256, 16 do
  print(i - 1, up:byte(i, i + 15))
  print(i - 1, low:byte(i, i + 15))
end
print(("Hello, World! 123 \0 ÀÉ"):upper(), ("Hello, World! 123 ÀÉ"):lower())
print(string.rep("ab", 3, "-"):upper(), select("#", ("x"):upper()))
