-- Recursive `local function`s, whose reads of their own name piccoloc -O2
-- compiles as the running closure while the name is never assigned
-- (tests/golden/self_reads.lua shows the mark).
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(20))

-- assigned later in the chunk: the upvalue is read, the new value called
local function f(n) if n == 0 then return "old" end return f(n - 1) end
local oldf = f
f = function() return "new" end
print(oldf(3), f(0))

-- varargs (the frame's function is moved above the extra arguments)
local function v(n, ...) if n == 0 then return select("#", ...), ... end return v(n - 1, n, ...) end
print(v(5))

-- as a __call handler, through pcall, in a coroutine, as a tail call
local function h(self, n) if n == 0 then return 0 end return 1 + h(self, n - 1) end
local callable = setmetatable({}, {__call = h})
print(callable(10), pcall(h, nil, 4))
local function walk(n) if n > 0 then coroutine.yield(n) return walk(n - 1) end return "done" end
local co = coroutine.wrap(walk)
print(co(3), co(), co(), co())
local function loop(n, acc) if n == 0 then return acc end return loop(n - 1, acc + n) end
print(loop(100000, 0))

-- one closure per iteration, each reading itself
for i = 1, 3 do
  local function r(n) if n == 0 then return i end return r(n - 1) end
  io.write(r(2), " ")
end
print()

-- the value itself, compared and stored
local function me() return me end
print(me() == me, rawequal(me(), me))
local t = {}
local function fill(n) if n > 0 then t[n] = fill fill(n - 1) end end
fill(3)
print(t[1] == fill, t[3] == fill, #t)

-- an error raised deep in the recursion
local function deep(n) if n == 0 then error("bottom") end return deep(n - 1) end
print(pcall(deep, 50))
local function over(n) return 1 + over(n + 1) end
local ok, msg = pcall(over, 1)
print(ok, (msg:gsub("^.-:%d+: ", "")))
