-- stack overflow handling: pcall, xpcall with a message handler, error objects
local function f() return 1 + f() end
local ok, m = pcall(f)
print(ok, (string.gsub(m, "^.-:%d+: ", "")))
local ok2, m2 = xpcall(f, function(msg) return "handled: " .. tostring(msg):gsub("^.-:%d+: ", "") end)
print(ok2, m2)
-- recover and recurse again
local depth = 0
local function g() depth = depth + 1; g() end
print(pcall(g) == false, depth > 1000)
-- overflow inside a coroutine
local co = coroutine.create(function() return f() end)
local okc, mc = coroutine.resume(co)
print(okc, (string.gsub(mc, "^.-:%d+: ", "")), coroutine.status(co))
print("still alive")
