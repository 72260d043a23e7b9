-- Lexical scoping: shadowing, blocks, locals in nested functions.
local x = 1
do local x = 2; print(x) end
print(x)
local x = x + 10
print(x)
local function f()
  local x = "inner"
  return function() return x end
end
print(f()(), x)
for x = 1, 2 do io.write(x, " ") end print(x)
local y = 1
local function g() y = y + 1 end
g(); g()
print(y)
local a = 1
local a, b = a + 1, a
print(a, b)
if true then local z = 5 end
print(z)
