-- A `local function`'s reads of its own name are marked as the running
-- closure (GETUPVAL with k = 1: "self") when the name is never assigned in
-- the chunk. fact's mark stays; g's is cleared because g is assigned below;
-- a nested function's read of the outer name is an ordinary upvalue.
local function fact(n)
  if n <= 1 then return 1 end
  return n * fact(n - 1)
end
local function g(n)
  if n > 0 then return g(n - 1) end
  return function() return g end
end
local function outer(k)
  local function inner() return outer end
  return inner, outer(k - 1)
end
g = nil
return fact, outer
