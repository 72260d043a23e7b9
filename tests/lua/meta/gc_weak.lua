-- __gc finalizers and weak tables (__mode) after full collections.
local log = {}
do
  local obj = setmetatable({}, {__gc = function() log[#log + 1] = "finalized" end})
  obj = nil
end
collectgarbage(); collectgarbage()
print(#log, log[1])
local weakv = setmetatable({}, {__mode = "v"})
weakv[1] = {}
local keep = {}
weakv[2] = keep
collectgarbage(); collectgarbage()
print(weakv[1], weakv[2] == keep)
local weakk = setmetatable({}, {__mode = "k"})
weakk[{}] = "gone"
weakk[keep] = "kept"
collectgarbage(); collectgarbage()
local n = 0
for k, v in pairs(weakk) do n = n + 1 end
print(n, weakk[keep])
-- strings and numbers are values, never removed from weak tables
local ws = setmetatable({}, {__mode = "kv"})
ws.key = "value"; ws[1] = 2
collectgarbage()
print(ws.key, ws[1])
