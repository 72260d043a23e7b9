-- %q copies runs of plain bytes at once (strformat.c addquoted): every byte value,
-- runs broken by each kind of escape, escapes at both ends.
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
local s = table.concat(all)
print(string.format("%q", s))
print(string.format("%q", "plain text only"))
print(string.format("%q", ""))
print(string.format("%q", "\"\\\n\r\0001\0a\1272\255\t9"))
print(string.format("%q", 'end"'), string.format("%q", "\n"), string.format("%q", "x\0"))
