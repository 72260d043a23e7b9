-- table.concat: numbers of every kind converted in place, separators, ranges,
-- errors naming the bad index, proxies, embedded zeros.
print(table.concat({1, 2.5, "x", -0.0, 1e100, math.mininteger, 2^63, 0/0 ~= 0/0 and 3}, ","))
print(table.concat({}, ","), table.concat({"a"}, ","), table.concat({"a", "b"}, ", ", 2, 2), table.concat({"a", "b"}, "", 3, 2))
print(pcall(table.concat, {1, {}, 3}, ","))
print(pcall(table.concat, {1, nil, 3}, ",", 1, 3))
print(pcall(table.concat, {true}))
local p = setmetatable({}, {__index = function(_, k) return "v" .. k end, __len = function() return 3 end})
print(table.concat(p, "-"))
local big = {} for i = 1, 1000 do big[i] = i % 7 == 0 and i / 7 or tostring(i) end
local s = table.concat(big, "|") print(#s, s:sub(1, 60), s:sub(-30))
print(table.concat({"a\0b", "c"}, "\0") == "a\0b\0c")
