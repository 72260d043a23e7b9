-- The one-byte pattern '.' (matched without the matcher machine): gsub with
-- string and table replacements, gmatch, find/match, anchors, empty subject, limits.
local s = string.rep("ACGTTGCA", 48000)
local r, n = s:gsub('.', 'x')
print(#r, n)
local t = {A = "T", C = "G", G = "C", T = "A"}
local r2, n2 = s:gsub('.', t)
print(#r2, n2, r2:sub(1, 16))
local c = 0
for ch in s:gmatch('.') do c = c + 1 end
print(c, s:find('.', 10), s:match('.', -3), ("ab"):gsub("^.", "X"), (""):gsub(".", "y"), ("abc"):gsub(".", "%0%0", 2))
