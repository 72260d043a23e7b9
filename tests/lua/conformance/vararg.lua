-- varargs
local function f(a, ...)
  local x = {n = select('#', ...), ...}
  for i = 1, x.n do assert(a[i] == x[i]) end
  return x.n
end
local function c12(...)
  assert(arg == _G.arg)
  local x = {...}; x.n = #x
  local res = (x.n == 2 and x[1] == 1 and x[2] == 2)
  if res then res = 55 end
  return res, 2
end
local function vararg(...) return {n = select('#', ...), ...} end
local call = function(f, args) return f(table.unpack(args, 1, args.n)) end
print(f({}), f({1, 2, 3}, 1, 2, 3), f({"alo", nil, 45, f, nil}, "alo", nil, 45, f, nil))
local a = vararg(call(next, {_G, nil; n = 2}))
print(a.n)
print(c12(1, 2))
local a2, b2 = assert(call(c12, {1, 2}))
print(a2, b2)
print(call(c12, {1, 2, 3}) == false)
a = vararg()
print(a.n, vararg(nil, nil).n)
a = vararg(1, nil, 3, nil)
print(a.n, a[1], a[2], a[3], a[4])
-- varargs in the middle
local function g(...) return ..., 10 end
print(g(1, 2, 3))
local function h(...) return 10, ... end
print(h(1, 2, 3))
print((h(1, 2, 3)))
-- select with negative
local function last(...) return select(-1, ...) end
print(last(1, 2, 3), pcall(last))
-- vararg in table constructors
local function pack2(...) return {..., "end"} end
print(#pack2(1, 2, 3), pack2(1, 2, 3)[2])
local function pack3(...) return {"start", ...} end
print(#pack3(1, 2, 3), pack3(1, 2, 3)[4])
-- passing varargs through multiple levels
local function l3(...) return select('#', ...), ... end
local function l2(...) return l3(...) end
local function l1(...) return l2(...) end
print(l1(nil, nil, nil))
print(l1())
-- large number of varargs
local big = {}
for i = 1, 250 do big[i] = i end
print(select('#', table.unpack(big)), (select(250, table.unpack(big))))
local function sum(...) local s = 0; for i = 1, select('#', ...) do s = s + (select(i, ...)) end return s end
print(sum(table.unpack(big)))
-- vararg with named params
local function named(a, b, ...) return a, b, select('#', ...) end
print(named(1), named(1, 2, 3, 4))
-- ... in main chunk
print(select('#', ...) >= 0)
-- varargs to string.format
local function fmt(...) return string.format(...) end
print(fmt("%d-%s-%g", 1, "x", 2.5))
-- adjusting in assignment
local x1, x2, x3 = (function(...) return ... end)(1)
print(x1, x2, x3)
local function ret2() return 1, 2 end
local y1, y2, y3, y4 = ret2(), ret2()
print(y1, y2, y3, y4)
-- table.pack/unpack identity
local function id(...) return table.unpack(table.pack(...), 1, select('#', ...)) end
print(id(1, nil, 3, nil))
print(select('#', id(nil, nil)))
-- vararg as upvalue via table
local function mk(...) local t = table.pack(...) return function() return table.unpack(t, 1, t.n) end end
print(mk(4, 5, nil)())
