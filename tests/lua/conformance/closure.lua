-- closures and upvalues
local A, B = 0, {g = 10}
local function f(x)
  local a = {}
  for i = 1, 1000 do
    local y = 0
    do a[i] = function() B.g = B.g + 1; y = y + x; return y + A end end
  end
  local dummy = function() return a[A] end
  collectgarbage()
  A = 1; assert(dummy() == a[1]); A = 0
  assert(a[1]() == x)
  assert(a[3]() == x)
  collectgarbage()
  assert(B.g == 12)
  return a
end
local a = f(10)
print(a[1](), a[2](), a[1](), B.g)
-- closures in loops capture fresh variables
local fs = {}
for i = 1, 5 do fs[i] = function() return i end end
print(fs[1](), fs[3](), fs[5]())
local ws = {}
local k = 1
while k <= 3 do local j = k; ws[k] = function() j = j + 10; return j end; k = k + 1 end
print(ws[1](), ws[1](), ws[2](), ws[3]())
local rs = {}
local n = 0
repeat local m = n; rs[#rs+1] = function() return m end; n = n + 1 until m >= 3
print(#rs, rs[1](), rs[4]())
-- shared upvalue between closures
local function counter()
  local c = 0
  return function() c = c + 1; return c end, function() return c end
end
local inc, get = counter()
inc(); inc()
print(get())
local inc2, get2 = counter()
inc2()
print(get(), get2())
-- nested upvalues
local function outer()
  local x = 1
  return function()
    local y = 2
    return function()
      x = x + 1; y = y + 1
      return x + y
    end
  end
end
local mid = outer()
local in1, in2 = mid(), mid()
print(in1(), in1(), in2(), in2())
-- generic for closing over loop vars
local t = {}
for k, v in ipairs{"a", "b", "c"} do t[k] = function() return k .. v end end
print(t[1](), t[2](), t[3]())
-- break in loop with closure
local cl = {}
for i = 1, 10 do
  local z = i * 2
  cl[#cl+1] = function() return z end
  if i == 4 then break end
end
print(#cl, cl[4]())
-- goto continue with closures
local gs = {}
for i = 1, 6 do
  local v = i
  if i % 2 == 0 then goto cont end
  gs[#gs+1] = function() return v end
  ::cont::
end
print(#gs, gs[1](), gs[2](), gs[3]())
-- upvalue of upvalue modified after closure creation
local function mk()
  local v = 1
  local f = function() return v end
  v = 5
  return f
end
print(mk()())
-- recursive local function
local function rec(n) if n == 0 then return "r" end return rec(n-1) .. n end
print(rec(5))
-- closures with varargs
local function vf(...)
  local t = {...}
  return function() return #t, t[1] end
end
print(vf(1, 2)())
local function vf2(...) local a, b = ... ; return function() return a, b end end
print(vf2(7, 8, 9)())
-- closure identity
local function mkf() return function() end end
print(mkf() == mkf())
local s1 = {}
for i = 1, 2 do s1[i] = function() return i end end
print(s1[1] == s1[2])
-- debug-free upvalue count via many upvalues
local u1,u2,u3,u4,u5,u6,u7,u8,u9,u10 = 1,2,3,4,5,6,7,8,9,10
local function sum() return u1+u2+u3+u4+u5+u6+u7+u8+u9+u10 end
print(sum())
u5 = 100
print(sum())
