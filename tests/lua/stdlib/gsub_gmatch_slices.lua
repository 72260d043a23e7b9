-- gsub and gmatch suspended by the fuel slices of the piccolo command
-- (1,000,000 units each) between matches, before and after the first call
-- of a replacement function (whose state moves to a userdata at that call).
local parts = {}
for i = 1, 800000 do parts[i] = (i % 5000 == 0) and "<" .. i .. ">" or "ab" end
local s = table.concat(parts)
local calls = 0
local r, n = s:gsub("%b<>", function(m) calls = calls + 1 return "[" .. #m .. "]" end)
print(#s, #r, n, calls, r:sub(9990, 10020))
local r2, n2 = s:gsub("(%d+)", function(d) if d % 2 == 0 then return false end return "#" end)
print(#r2, n2)
local cnt, sum = 0, 0
for num in s:gmatch("<(%d+)>") do cnt = cnt + 1; sum = sum + tonumber(num) end
print(cnt, sum)
local r3, n3 = s:gsub("b", {b = "B"}, 400000)
print(#r3, n3, r3:sub(-12))
