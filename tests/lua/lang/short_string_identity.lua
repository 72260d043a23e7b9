-- Interned short strings of every length from 0 to 45 (short strings end at 40): strings built at run time that differ in exactly one byte, at every position, stay distinct as values and as table keys; equal ones built different ways are one key
local count, distinct, same = 0, 0, 0
for len = 0, 45 do
  local base = string.rep("a", len)
  local t = {[base] = 0}
  for pos = 1, len do
    local v = base:sub(1, pos - 1) .. "b" .. base:sub(pos + 1)
    local w = string.rep("a", pos - 1) .. string.char(98) .. string.rep("a", len - pos)
    count = count + 1
    if v ~= base and t[v] == nil then distinct = distinct + 1 end
    t[v] = pos
    if v == w and t[w] == pos and rawequal(v, w) then same = same + 1 end
  end
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  assert(n == len + 1, len)
  assert(t[string.rep("a", len)] == 0 and t[base .. ""] == 0)
end
print(count, distinct, same)
local keys = {}
for i = 0, 255 do keys[#keys + 1] = string.char(i) .. "\0" .. string.char(255 - i) end
local set = {}
for _, k in ipairs(keys) do set[k] = true end
local n = 0
for _ in pairs(set) do n = n + 1 end
print(n, set["\0\0\255"], set["\255\0\0"], set["\1\0\255"])
