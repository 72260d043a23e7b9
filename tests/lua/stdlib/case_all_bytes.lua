-- string.upper and string.lower over every byte value, at every alignment and many lengths (the eight-bytes-at-a-time path and its tail), against a byte-by-byte reference
local function ref(s, up)
  return (s:gsub(".", function(c)
    local b = c:byte()
    if up and b >= 97 and b <= 122 then return string.char(b - 32) end
    if not up and b >= 65 and b <= 90 then return string.char(b + 32) end
    return c
  end))
end
local all = {}
for b = 0, 255 do all[#all + 1] = string.char(b) end
all = table.concat(all)
local bad = 0
for off = 1, 20 do
  for len = 0, 40 do
    local s = (all .. all):sub(off * 7, off * 7 + len * 5)
    if s:upper() ~= ref(s, true) or s:lower() ~= ref(s, false) then bad = bad + 1 end
  end
end
print("mismatches", bad, all:upper() == ref(all, true), all:lower() == ref(all, false))
