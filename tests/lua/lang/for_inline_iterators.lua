-- The loop steps ipairs and next inline over plain tables; every case here must
-- behave exactly as the calls would (metamethods, holes, removal while
-- iterating, variable counts, invalid keys).

-- ipairs: stops at the first nil, one, two and three variables
local t = {10, 20, 30, nil, 50}
for i, v in ipairs(t) do io.write(i, "=", v, " ") end print()
for i in ipairs(t) do io.write(i, " ") end print()
for i, v, extra in ipairs(t) do io.write(i, v, tostring(extra), " ") end print()

-- ipairs over the hash part (keys inserted backwards) and an empty table
local h = {}
for i = 6, 1, -1 do h[i] = i * i end
for i, v in ipairs(h) do io.write(i, ":", v, " ") end print()
for _ in ipairs({}) do print("never") end

-- ipairs consults __index once the raw value is absent
local proxy = setmetatable({1, 2}, {__index = function(_, k) if k <= 4 then return k * 100 end end})
for i, v in ipairs(proxy) do io.write(i, "->", v, " ") end print()
local chain = setmetatable({}, {__index = {"a", "b", "c"}})
for i, v in ipairs(chain) do io.write(i, v, " ") end print()

-- ipairs on a string and a userdata-free non-table value
print(pcall(function() for i, v in ipairs("abc") do print(i, v) end return "done" end))
print(pcall(function() for i, v in ipairs(nil) do end end))

-- pairs / next: sums, removal during traversal, assignment to existing keys
local m = {}
for i = 1, 100 do m["k" .. i] = i end
for i = 1, 50 do m[i] = i end
local sum, n = 0, 0
for k, v in pairs(m) do sum = sum + v; n = n + 1 end
print(n, sum)
for k, v in pairs(m) do
  if type(k) == "string" and v % 2 == 0 then m[k] = nil else m[k] = v * 2 end
end
sum, n = 0, 0
for k, v in next, m do sum = sum + v; n = n + 1 end
print(n, sum)
for k in pairs(m) do n = n - 1 end
print(n)

-- pairs with __pairs, and next with an explicit start key
local mp = setmetatable({}, {__pairs = function(tb) return next, {x = 1}, nil end})
for k, v in pairs(mp) do print(k, v) end
local arr = {"p", "q", "r"}
for k, v in next, arr, 1 do io.write(k, v, " ") end print()

-- an invalid key gives next's own error
print(pcall(function() for k in next, {a = 1}, "missing" do end end))
print(pcall(function() for k in next, {}, 1.5 do end end))

-- a table with a metatable still iterates raw with next
local raw = setmetatable({a = 1}, {__index = function() return "meta" end})
for k, v in pairs(raw) do print(k, v) end

-- nested loops over the same table
local grid = {1, 2, 3}
local pairs_count = 0
for _, a in ipairs(grid) do for _, b in ipairs(grid) do pairs_count = pairs_count + a * b end end
print(pairs_count)
