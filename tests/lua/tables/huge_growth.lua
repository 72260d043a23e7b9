-- Arrays, hash parts and strings of several MiB: growing and shrinking
-- through the allocator's 2 MiB mappings (resized by mremap, freed ones
-- reused) keeps every element and byte.
local t = {}
local n = 3 * 1024 * 1024 // 2
for i = 1, n do t[i] = i * 3 end
local s = 0
for i = 1, n, 997 do s = s + t[i] end
print(#t, t[1], t[n], s)
for i = n, n // 4, -1 do t[i] = nil end
t.x = 1   -- a rehash may shrink the array part
local s2 = 0
for i = 1, #t, 991 do s2 = s2 + t[i] end
print(#t, s2)

local h = {}
for i = 1, 200000 do h[i * 2 + 0.5] = i end
local c = 0
for k, v in pairs(h) do c = c + v end
print(c)

local big = string.rep("abcdefgh", 512 * 1024)          -- 4 MiB
local bigger = big .. string.rep("0123456789", 300000)   -- 7 MiB
print(#big, #bigger, bigger:sub(-5), big:byte(4000000), bigger:find("9a", 1, true))
local parts = {}
for i = 1, 8 do parts[i] = string.rep(string.char(64 + i), 700000) end
local joined = table.concat(parts, "|")
print(#joined, joined:sub(699999, 700003), joined:byte(-1))
local buf = {}
for i = 1, 5 do buf[#buf + 1] = joined end
local all = table.concat(buf)
print(#all, all:sub(-3))
