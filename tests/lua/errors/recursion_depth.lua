-- Lua-to-Lua recursion goes as deep as in lua5.4 (about a million frames of a
-- small function; the stack's slots are the limit) before "stack overflow".
local d = 0
local function f() d = d + 1; f() end
local ok, e = pcall(f)
print(ok, e:find("stack overflow", 1, true) ~= nil, d > 900000)
d = 0
local function g(n) d = d + 1; return 1 + g(n + 1) end
ok, e = pcall(g, 1)
print(ok, e:find("stack overflow", 1, true) ~= nil, d > 450000, d < 600000)
-- and the state is usable afterwards
local function sum(n) if n == 0 then return 0 end return n + sum(n - 1) end
print(sum(100000))
