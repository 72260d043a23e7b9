-- table.concat whose result is a long string (made in place after measuring)
-- or a short one (through the buffer): strings, integers, floats, separators,
-- ranges, one element, empty ranges, invalid values and tables with
-- metatables (the general path).
local words = {}
for i = 1, 50 do words[i] = "w" .. i end
print(#table.concat(words), table.concat(words):sub(1, 20))
print(table.concat(words, ", ", 45))
print(table.concat(words, "", 49, 50), table.concat(words, "-", 3, 3), "[" .. table.concat(words, "x", 5, 4) .. "]")
local nums = {1, 2.5, -3, 1e100, 2^63, math.mininteger, 0.1, -0.0, 1/0, 255}
print(table.concat(nums, " "))
print(table.concat(nums, "|", 2, 4))
local mixed = {"alpha", 42, "beta", 3.25, string.rep("z", 60), 7}
local r = table.concat(mixed, "::")
print(#r, r)
print(pcall(table.concat, {"a", {}, "c"}, ","))
print(pcall(table.concat, {"a", "b", nil, "d"}, ",", 1, 4))
print(pcall(table.concat, {string.rep("x", 50), true}))
local proxy = setmetatable({}, { __index = function(_, k) return "p" .. k end, __len = function() return 30 end })
print(table.concat(proxy, "+"))
local big = {}
for i = 1, 20000 do big[i] = i % 7 == 0 and i or ("s" .. i) end
local joined = table.concat(big, ",")
print(#joined, joined:sub(-30))
local sum = 0
for w in joined:gmatch("%d+") do sum = sum + tonumber(w) end
print(sum)
print(#table.concat({string.rep("a", 41)}), table.concat({}, "x"), #table.concat({"", ""}, string.rep("-", 45)))
