-- closures (bench): Y-combinator recursion and closure-heavy higher-order code:
-- every call creates closures and reads or writes upvalues.
-- Usage: closures.lua [N]   (N = workload size; default 2500, small size 30)
-- bench-small-args: 30

local n = tonumber(arg and arg[1]) or 2500

-- The applicative-order Y combinator.
local function Y(f)
  local function g(x)
    return f(function(v) return x(x)(v) end)
  end
  return g(g)
end

local fact = Y(function(self)
  return function(k) if k <= 1 then return 1 end return k * self(k - 1) end
end)
local fib = Y(function(self)
  return function(k) if k < 2 then return k end return self(k - 1) + self(k - 2) end
end)

-- Counters sharing upvalues.
local function make_counter()
  local count = 0
  return function() count = count + 1; return count end,
         function() return count end
end

-- Function composition chains.
local function compose(f, g) return function(x) return f(g(x)) end end
local function adder(k) return function(x) return x + k end end

local total = 0
for round = 1, n do
  -- Factorials up to 20!, which still fits in a 64-bit integer.
  local f = fact(round % 20 + 1)
  local want_f = 1
  for i = 2, round % 20 + 1 do want_f = want_f * i end
  if f ~= want_f then error("fact " .. round) end
  local fb = fib(round % 15 + 5)
  local a, b = 0, 1
  for _ = 1, round % 15 + 5 do a, b = b, a + b end
  if fb ~= a then error("fib " .. round) end
  total = (total + f % 1000003 + fb) % 1000000007

  local inc, get = make_counter()
  for _ = 1, 100 do inc() end
  if get() ~= 100 then error("counter") end

  local chain = function(x) return x end
  for k = 1, 50 do chain = compose(adder(k), chain) end
  local r = chain(round)
  if r ~= round + 50 * 51 // 2 then error("compose " .. r) end
  total = (total + r) % 1000000007
end
print(string.format("closures(%d) checksum %d", n, total))
