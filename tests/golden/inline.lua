-- Inline expansion (compiler/inline.h): a call of a small local function
-- becomes its body, parameters as locals above the caller's temporaries and
-- the result where the call's function would have been; a reassigned local
-- function, a shadowed free variable and a body that calls stay calls.
local scale = 3
local function f(i, j)
  local ij = i + j
  return ij * scale
end
local function g(x) return x end
local function h(x) return tostring(x) end
local t = {}
t[1] = 2 * f(t[2], 1)
do
  local scale = 4
  t[3] = f(1, 2)
end
t[4] = g(1) .. h(2)
g = nil
-- a body with ifs: each return stores to the result, earlier ones jump past
-- the body (the unreachable last return is removed, and the jump to the
-- next instruction it leaves too)
local function sign(x)
  if x > 0 then return 1 elseif x < 0 then return -1 else return 0 end
  return "unreached"
end
t[5] = sign(t[1])
