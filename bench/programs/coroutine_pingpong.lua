-- coroutine_pingpong (bench): values passed back and forth between coroutines
-- through resume/yield, plus a pipeline of generator coroutines (coroutine.wrap).
-- Usage: coroutine_pingpong.lua [N]   (N = number of exchanges; default 5000000, small size 20000)
-- bench-small-args: 20000

local n = tonumber(arg and arg[1]) or 5000000

-- Ping-pong: the coroutine adds what it receives to its running total and yields it.
local co = coroutine.create(function(x)
  local total = 0
  while true do
    total = total + x
    x = coroutine.yield(total)
  end
end)
local last
for i = 1, n do
  local ok, v = coroutine.resume(co, i)
  if not ok then error(v) end
  last = v
end
if last ~= n * (n + 1) // 2 then error("ping-pong total " .. tostring(last)) end

-- Pipeline: numbers -> filter (odd) -> map (square mod 1000) -> sum.
local function numbers(limit)
  return coroutine.wrap(function()
    for i = 1, limit do coroutine.yield(i) end
  end)
end
local function filter(src, pred)
  return coroutine.wrap(function()
    for v in src do if pred(v) then coroutine.yield(v) end end
  end)
end
local function map(src, f)
  return coroutine.wrap(function()
    for v in src do coroutine.yield(f(v)) end
  end)
end
local m = n // 4
local sum = 0
for v in map(filter(numbers(m), function(v) return v % 2 == 1 end),
             function(v) return v * v % 1000 end) do
  sum = sum + v
end
local want = 0
for i = 1, m, 2 do want = want + i * i % 1000 end
if sum ~= want then error("pipeline sum " .. sum .. ", expected " .. want) end

-- Many short-lived coroutines, each finishing after a few yields.
local finished = 0
for i = 1, n // 20 do
  local c = coroutine.wrap(function(a) local b = coroutine.yield(a + 1); return a + b end)
  local r1 = c(i)
  local r2 = c(r1)
  if r2 ~= 2 * i + 1 then error("short coroutine " .. i) end
  finished = finished + 1
end
print(string.format("coroutine_pingpong(%d) total %d pipeline %d short %d", n, last, sum, finished))
