-- Fibonacci numbers, recursively and iteratively.
local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end

local function fib_iter(n)
  local a, b = 0, 1
  for _ = 1, n do a, b = b, a + b end
  return a
end

for i = 0, 20, 5 do
  print("fib(" .. i .. ") = " .. fib(i))
end
print("fib(90) = " .. fib_iter(90))
