-- A finalizer runs as "metamethod '__gc'" (debug.getinfo's name of its frame,
-- and of a non-function __gc in the warning), called by collectgarbage or by
-- an automatic collection, as lua5.4's GCTM marks its caller.
setmetatable({}, {__gc = function()
  local info = debug.getinfo(1, "n")
  print("collectgarbage", info.namewhat, info.name)
end})
collectgarbage()

local seen
for _ = 1, 20 do
  setmetatable({}, {__gc = function()
    local info = debug.getinfo(1, "n")
    seen = info.namewhat .. " " .. tostring(info.name)
  end})
end
local keep = {}
for i = 1, 200000 do keep[i % 1000 + 1] = {i} end   -- automatic collections
collectgarbage()
print("automatic", seen)

local t = setmetatable({}, {__gc = true})
t = nil
print("non-function __gc", pcall(collectgarbage))
local function f() local info = debug.getinfo(1, "n"); return info.namewhat, info.name end
print("plain call", f())
