-- Unbounded recursion is caught by pcall as a "stack overflow" error.
local function inf(n) return 1 + inf(n + 1) end
local ok, e = pcall(inf, 1)
print(ok, type(e), e:find("stack overflow", 1, true) ~= nil)
local function inf2() local t = {}; t[1] = inf2(); return t end
ok, e = pcall(inf2)
print(ok, e:find("stack overflow", 1, true) ~= nil)
-- the program continues normally afterwards
local function fine(n) if n == 0 then return 0 end return 1 + fine(n - 1) end
print(fine(1000))
-- overflow through a metamethod
local mt = {}
mt.__index = function(t, k) return t[k .. "x"] end
local obj = setmetatable({}, mt)
ok, e = pcall(function() return obj.a end)
print(ok, e:find("stack overflow", 1, true) ~= nil or e:find("C stack overflow", 1, true) ~= nil)
