-- Calls of small local functions, which piccoloc -O2 expands in line (compiler/inline.h): results, argument adjustment, evaluation order, free variables, shadowing, reassignment.
local function add(a, b) return a + b end
local function second(a, b) return b end
local function none() local t = {} t.k = 7 return t.k end
local function cmp(a, b) return a < b and "lt" or "ge" end

print(add(1, 2), add(1.5, 2), second(1), second(1, 2, 3), none())
print(select("#", add(1, 2)), select("#", second()))
local function three() return 1, 2, 3 end
print(add(three()), second(three()), add(1, three()))
local function va(...) return add(...), second(...) end
print(va(10, 20, 30))
print(cmp(1, 2), cmp(2, 1), cmp("a", "b"))
print(add(add(1, 2), add(3, add(4, 5))))
local t = { add(1, 1), add(2, 2), second(0, add(3, 3)) }
print(#t, t[1], t[2], t[3])

-- arguments are evaluated once, left to right, before the body runs
local log = {}
local function arg(x) log[#log + 1] = x; return x end
print(add(arg(1), arg(2)), second(arg(3), arg(4), arg(5)), table.concat(log, " "))

-- declarations and loops around calls
local a1, a2 = add(1, 2), add(3, 4)
print(a1, a2)
for i = add(0, 1), add(1, 2) do io.write(second(nil, i), " ") end
print()
local s = 0
for i = 1, 10 do local v = add(i, i) s = s + v end
print(s)

-- free variables: read and written when the call would
local seed = 42
local function rand() seed = seed * 16807 % 2147483647 return seed end
local r1 = rand()
rand()
print(r1, seed)
local count = 0
local function bump(n) count = count + n return count end
bump(5)
print(bump(1), count)

-- a local that shadows a free variable or global at the call site
local x = "outer"
local function getx() return x end
local function getg() return gname end
gname = "global"
do
  local x = "inner"
  local gname = "local"
  print(getx(), getg(), x, gname)
end
local pr = print
do
  local _ENV = { gname = "other env" }
  pr(getg())
end

-- a reassigned local function is always called
local function f() return 1 end
print(f())
f = function() return 2 end
print(f())
local function g() return "g1" end
local function setg() g = function() return "g2" end end
print(g())
setg()
print(g())

-- a parameter assigned in the body is the body's own
local function inc(p) p = p + 1 return p end
local q = 5
print(inc(q), q)

-- metamethods and errors from an expanded body
local mt = { __add = function(u, v) return "added" end, __lt = function() return true end }
local obj = setmetatable({}, mt)
print(add(obj, 1), cmp(obj, obj))
print(pcall(add, nil, 1))
print(pcall(function() return add(1, nil) end))
print(pcall(function() return add({}, 1) end))

-- as a statement, as a method's receiver, as a table to index
add(1, 2)
local function mk() return { v = 9, m = function(self) return self.v end } end
print(mk().v, mk():m())

-- bodies that call: the calls stay calls, a recursive one included
local function hyp(x, y) return math.sqrt(x * x + y * y) end
local function twice(s) local u = s:upper() return u .. u end
local function fact(n) local r = n <= 1 and 1 or n * fact(n - 1) return r end
print(hyp(3, 4), twice("ab"), fact(10), fact(1))
local calls = 0
local function counted(x) calls = calls + 1 return x end
local function wrap(x) return counted(x) + counted(x) end
print(wrap(2), calls)
local function multi() return (three()) end
print(multi())
local function check(v) local ok = v or error("bad value", 2) return ok end
print(pcall(check, false))
print(pcall(function() return check(nil) end))

-- bodies with if statements: every path ends in a return
local function max2(a, b) if a > b then return a end return b end
local function sign(x)
  if x > 0 then return 1 elseif x < 0 then local m = -1 return m else return 0 end
  return "unreached"
end
local function classify(n)
  local kind = "odd"
  if n % 2 == 0 then kind = "even" end
  if n > 100 then return kind .. " big" end
  return kind
end
print(max2(3, 7), max2(7, 3), max2("b", "a"), sign(5), sign(-2), sign(0))
print(classify(4), classify(101), classify(200), select("#", max2(1, 2)))
local acc = 0
for i = -3, 3 do acc = acc + sign(i) * max2(i, -i) end
print(acc, pcall(max2, {}, 1))

-- error messages name what the call's would: parameters, locals, an unnamed result
local function addp(a, b) return a + b end
local function getG() return G_UNSET end
local function field(t) return t.k end
print(pcall(function() print(addp(nil, 1)) end))
print(pcall(function() return 1 + addp(1, nil) end))
print(pcall(function() return getG() + 1 end))
print(pcall(function() return field({}) .. "x" end))
print(pcall(function() local u = field({}) return u.z end))
local function first(y, x) return y end
local tz = {}
print(pcall(function() return first(tz.zz, 1) + 1 end))
print(pcall(function() return -first(G_UNSET) end))

-- every path returns through an if with an else (and nested ifs); a missing else is no candidate
local function max3(a, b) if a > b then return a else return b end end
local function grade(n)
  if n >= 90 then return "A"
  elseif n >= 80 then
    if n >= 85 then return "B+" else return "B" end
  else
    local low = n < 50
    if low then return "F" end
    return "C"
  end
end
local function maybe(x) if x then return 1 end end
print(max3(1, 2), max3(2, 1), grade(95), grade(87), grade(81), grade(60), grade(10))
print(select("#", maybe(false)), maybe(true), (maybe(false)))
