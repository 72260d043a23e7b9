-- Proper tail calls: a million tail calls in constant stack; mutual recursion.
local function loop(n, acc)
  if n == 0 then return acc end
  return loop(n - 1, acc + 1)
end
print(loop(1000000, 0))
local is_even, is_odd
function is_even(n) if n == 0 then return true end return is_odd(n - 1) end
function is_odd(n) if n == 0 then return false end return is_even(n - 1) end
print(is_even(1000001), is_odd(1000001))
local obj = {n = 0}
function obj:step(k) if k == 0 then return self.n end self.n = self.n + 1 return self:step(k - 1) end
print(obj:step(300000))
local function va(n, ...) if n == 0 then return select("#", ...) end return va(n - 1, ...) end
print(va(200000, 1, 2, 3))
