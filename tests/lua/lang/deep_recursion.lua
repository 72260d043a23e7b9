-- Deep non-tail recursion: 10000 levels and more, plus deep pcall nesting.
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print(depth(10000))
print(depth(40000))
local function sum(t, i) if i > #t then return 0 end return t[i] + sum(t, i + 1) end
local t = {}
for i = 1, 20000 do t[i] = i end
print(sum(t, 1))
local function nest(n) if n == 0 then return "bottom" end return select(2, pcall(nest, n - 1)) end
print(nest(150))
local function build(n) if n == 0 then return {} end return {build(n - 1)} end
local d, x = 0, build(5000)
while x[1] do d = d + 1; x = x[1] end
print(d)
