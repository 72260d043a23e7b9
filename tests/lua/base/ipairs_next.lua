-- ipairs stops at the first nil; next walks every key; pairs with __pairs.
local t = {1, 2, nil, 4}
local n = 0
for i, v in ipairs(t) do n = i end
print(n)
local sparse = {[1] = "a", [2] = "b", [4] = "d"}
for i, v in ipairs(sparse) do io.write(i, v, " ") end print()
print(next({}), next({5}), next({5}, 1))
local t2 = {a = 1, b = 2, c = 3, 10, 20}
local keys = {}
local k, v = next(t2)
while k do keys[#keys + 1] = tostring(k) .. "=" .. tostring(v); k, v = next(t2, k) end
table.sort(keys)
print(table.concat(keys, " "))
local proxy = setmetatable({}, {__pairs = function(self)
  local i = 0
  return function() i = i + 1; if i <= 3 then return i, i * i end end, self, nil
end})
for k2, v2 in pairs(proxy) do io.write(k2, ":", v2, " ") end print()
local idx = setmetatable({}, {__index = function(_, i) if i <= 3 then return i * 10 end end})
for i, v2 in ipairs(idx) do io.write(i, "=", v2, " ") end print()
print(pcall(ipairs), pcall(pairs))
local f, s, init = ipairs({})
print(type(f), type(s), init)
-- clearing fields during traversal is allowed
local big = {}
for i = 1, 100 do big["k" .. i] = i end
local cnt = 0
for key in pairs(big) do big[key] = nil; cnt = cnt + 1 end
print(cnt, next(big))
