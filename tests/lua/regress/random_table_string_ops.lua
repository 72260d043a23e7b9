-- Differential check: 300 random operations on tables and strings (insert, remove,
-- ipairs, pairs with deletion, sort, sub/gsub/find/format, next, long-string
-- comparison, unpack/pack, gmatch) from math.random with a fixed seed; the
-- printed hash must equal lua5.4's.
local seed = tonumber(arg and arg[1]) or 1
math.randomseed(seed)
local R = math.random
local out = {}
local function emit(...) out[#out + 1] = table.concat({...}, " ") end
for round = 1, 300 do
  local t = {}
  local n = R(0, 40)
  for i = 1, n do t[i] = R(1, 100) end
  local op = R(1, 10)
  if op == 1 then table.insert(t, R(1, #t + 1), R(1, 9)); emit("ins", #t, table.concat(t, ","))
  elseif op == 2 and #t > 0 then local v = table.remove(t, R(1, #t)); emit("rem", v, #t, table.concat(t, ","))
  elseif op == 3 then local s = 0; for i, v in ipairs(t) do s = s + i * v end; emit("ip", s)
  elseif op == 4 then local s = 0; for k, v in pairs(t) do s = s + k * v; if R(1, 4) == 1 then t[k] = nil end end; emit("pa", s, tostring(#t >= 0))
  elseif op == 5 then table.sort(t, function(a, b) return a > b end); emit("so", table.concat(t, ","))
  elseif op == 6 then
    local s = string.rep(string.char(R(97, 100)), R(0, 30)) .. tostring(R(1, 1000)) .. string.rep("x", R(0, 600))
    emit("st", #s, s:sub(R(-10, 10), R(-10, 600)):len(), select(2, s:gsub("x", "yy")), s:find("%d+"), string.format("%5.2f|%d|%s", R() * 100, R(1, 1e6), s:sub(1, 5)))
  elseif op == 7 then local k = {}; for i = 1, R(0, 50) do k["k" .. R(1, 60)] = i end; local c = 0; for _ in next, k do c = c + 1 end; emit("nx", c)
  elseif op == 8 then local a = string.rep("z", R(40, 80)); local b = string.rep("z", #a - 1) .. "z"; emit("eq", tostring(a == b), tostring(a < b .. "a"), tostring(a ~= nil))
  elseif op == 9 then local u = {}; for i = 1, R(0, 20) do u[#u + 1] = i end; emit("un", select("#", table.unpack(u)), #table.pack(table.unpack(u)))
  else local w = {}; for word in ("the quick brown fox " .. R(1, 99)):gmatch("%a+") do w[#w + 1] = word:upper() end; emit("gm", table.concat(w, "-")) end
end
print(#out, out[#out])
local h = 0
for _, line in ipairs(out) do for i = 1, #line do h = (h * 31 + line:byte(i)) % 1000000007 end end
print("hash", h)
