-- Closures: shared upvalues, per-iteration fresh locals, counters.
local function counter()
  local n = 0
  return function() n = n + 1; return n end, function() return n end
end
local inc, get = counter()
inc(); inc()
print(get(), inc(), get())
local inc2 = counter()
print(inc2(), get())

local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
print(fs[1](), fs[2](), fs[3]())

local gs = {}
local j = 1
while j <= 3 do
  local k = j
  gs[j] = function() k = k * 10; return k end
  j = j + 1
end
print(gs[1](), gs[1](), gs[2](), gs[3]())

local function outer()
  local x = 1
  local function mid()
    local function inner() x = x + 1; return x end
    return inner
  end
  return mid(), function() return x end
end
local bump, read = outer()
bump(); bump()
print(read())

-- upvalue shared between sibling closures created in a loop body
local getters, setters = {}, {}
for i = 1, 2 do
  local v = i * 100
  getters[i] = function() return v end
  setters[i] = function(n) v = n end
end
setters[1](5)
print(getters[1](), getters[2]())

-- recursive local function
local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
print(fact(20))
