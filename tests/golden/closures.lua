-- Closures and upvalues: locals captured from the enclosing function
-- (instack) and from further out (through the parent's upvalues); the
-- upvalue CLOSE when a block with captured locals is left; _ENV as upvalue.
local n = 0
local function counter(step)
  local c = 0
  return function()
    c = c + step
    n = n + 1
    return c, print
  end
end
for i = 1, 2 do
  local x = i
  counter(function() return x end)
end
do
  local _ENV = {print = print}
  print(n)
end
return counter
