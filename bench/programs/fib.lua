-- fib (bench): recursive Fibonacci, a pure test of Lua function calls.
-- Usage: fib.lua [N]   (N = argument of fib; default 36, small size 20)
-- bench-small-args: 20

local n = tonumber(arg and arg[1]) or 36

local function fib(k)
  if k < 2 then return k end
  return fib(k - 1) + fib(k - 2)
end

-- Independent check: the iterative definition.
local function fib_iter(k)
  local a, b = 0, 1
  for _ = 1, k do a, b = b, a + b end
  return a
end

local got = fib(n)
local want = fib_iter(n)
if got ~= want then error(string.format("fib(%d) = %d, expected %d", n, got, want)) end
print(string.format("fib(%d) = %d", n, got))
