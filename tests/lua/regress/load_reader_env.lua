-- load(reader) without an env argument left the chunk's _ENV nil (must be _G)
local d = string.dump(function () gx = 5; return gx + 1 end)
local i = 0
local f = load(function () i = i + 1; return d:sub(i, i) end)
print(f())
i = 0
f = load(function () i = i + 1; return d:sub(i, i) end, "chunk", "b")
print(f(), gx)
i = 0
local env = {}
f = load(function () i = i + 1; return d:sub(i, i) end, "chunk", "b", env)
print(f(), env.gx)
i = 0
f = load(function () i = i + 1; return d:sub(i, i) end, "chunk", "b", nil)
print((pcall(f)))
-- an error raised by the reader function is returned as (nil, message)
local g, msg = load(function () error("reader failed", 0) end)
print(g, (msg:gsub("\n.*", "")))
