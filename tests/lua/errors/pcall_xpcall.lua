-- pcall and xpcall: results, handlers, nested protection, error in handler.
print(pcall(function(a, b) return a + b, "ok" end, 1, 2))
print(pcall(print))
print(pcall(nil))
print(xpcall(function() error("E") end, function(m) return "handled: " .. m end))
print(xpcall(function(...) return ... end, print, 1, 2, 3))
print(xpcall(function() error({}) end, function(m) return type(m) end))
print(xpcall(function() local x = nil; return x.f end, function(m) return (m:gsub("^.-:%d+: ", "")) end))
print(pcall(pcall, error, "inner"))
print(pcall(function() local ok, e = pcall(error, "a"); error(e .. "b", 0) end))
local depth = 0
print(xpcall(function() error("x") end, function(m) depth = depth + 1; return depth end))
local r = {xpcall(function() error("first") end, function(m) error("in handler") end)}
print(r[1], type(r[2]))
print(pcall(xpcall))
print(pcall(xpcall, print))
local co_ok = pcall(function() return select(2, pcall(error, "deep")) end)
print(co_ok)
