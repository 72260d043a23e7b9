-- Generic for: pairs (sorted), ipairs, next, custom iterators, stateful closures.
local t = {10, 20, 30, nil, 50, x = 1, y = 2}
for i, v in ipairs(t) do io.write(i, "=", v, " ") end print()
local keys = {}
for k in pairs(t) do keys[#keys + 1] = tostring(k) end
table.sort(keys)
print(table.concat(keys, " "))
local n = 0
for k, v in next, {a = 1, b = 2, c = 3} do n = n + v end
print(n)
local function range(m)
  return function(_, i) if i < m then return i + 1 end end, nil, 0
end
for i in range(4) do io.write(i, " ") end print()
local function chars(s)
  local i = 0
  return function() i = i + 1; if i <= #s then return i, s:sub(i, i) end end
end
for i, c in chars("abc") do io.write(i, c, " ") end print()
for k, v in pairs({}) do print("never") end
for _, w in ipairs({"x", "y"}) do for _, z in ipairs({1, 2}) do io.write(w, z, " ") end end print()
-- 4th value of the explist (closing value) is accepted
for i in function(s, c) if c < 2 then return c + 1 end end, nil, 0, nil do io.write(i, " ") end print()
local sum = 0
for i, v in ipairs({1, 2, 3}) do if v == 2 then goto continue end sum = sum + v ::continue:: end
print(sum)
