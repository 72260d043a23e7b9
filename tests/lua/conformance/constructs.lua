-- constructs: operators, priorities, short-circuit, conditionals
local function check(name, v) print(name, v) end
check("prio1", 2^3^2 == 2^(3^2))
check("prio2", 2^3*4 == (2^3)*4)
check("prio3", 2.0^-2 == 1/4 and -2^- -2 == - - -4)
check("prio4", not nil and 2 and not(2>3 or 3<2))
check("prio5", -3-1-5 == 0+0-9)
check("prio6", -2^2 == -4 and (-2)^2 == 4 and 2*2-3-1 == 0)
check("prio7", -3%5 == 2 and -3+5 == 2)
check("prio8", 2*1+3/3 == 3 and 1+2 .. 3*1 == "33")
check("prio9", not(2+1 > 3*1) and "a".."b" > "a")
check("prio10", 0xF0 | 0xCC ~ 0xAA & 0xFD == 0xF4)
check("prio11", 0xFD & 0xAA ~ 0xCC | 0xF0 == 0xF4)
check("prio12", 0xF0 & 0x0F + 1 == 0x10)
check("prio13", 3^4//2^3//5 == 2)
check("prio14", -3+4*5//2^3^2//9+4%10/3 == (-3)+(((4*5)//(2^(3^2)))//9)+((4%10)/3))
check("prio15", not ((true or false) and nil))
check("prio16", true or false and nil)
check("prio17", (((1 or false) and true) or false) == true)
check("prio18", (((nil and true) or false) and true) == false)
local a,b = 1,nil
check("or1", -(1 or 2) == -1 and (1 and 2)+(-1.25 or -4) == 0.75)
local x = ((b or a)+1 == 2 and (10 or a)+1 == 11); check("or2", x)
x = (((2<3) or 1) == true and (2<3 and 4) == 4); check("or3", x)
local x, y = 1, 2
check("cmp1", (x>y) and x or y == 2)
x,y=2,1
check("cmp2", (x>y) and x or y == 2)
check("cmp3", 1234567890 == tonumber('1234567890') and 1234567890+1 == 1234567891)
-- silly loops
repeat until 1; repeat until true
while false do end; while nil do end
do local a; local function f(x) x={a=1}; x={x=1}; x={G=1} end end
-- if chains
local function classify(n)
  if n < 0 then return "neg" elseif n == 0 then return "zero"
  elseif n < 10 then return "small" else return "big" end
end
for _, v in ipairs{-5, 0, 3, 100} do print(v, classify(v)) end
-- comparisons with constants in conditions
local function cmpk(v)
  local r = {}
  if v == 1 then r[#r+1] = "eq1" end
  if v ~= 1 then r[#r+1] = "ne1" end
  if v < 1 then r[#r+1] = "lt1" end
  if v <= 1 then r[#r+1] = "le1" end
  if v > 1 then r[#r+1] = "gt1" end
  if v >= 1 then r[#r+1] = "ge1" end
  if 1 < v then r[#r+1] = "klt" end
  if 1.5 >= v then r[#r+1] = "kge" end
  if v == "1" then r[#r+1] = "eqs" end
  return table.concat(r, ",")
end
for _, v in ipairs{0, 1, 1.0, 2, 1.5, -0.0, 0/0 ~= 0/0 and 3 or 4} do print(v, cmpk(v)) end
print(cmpk(math.huge), cmpk(-math.huge), cmpk(0/0))
-- test for constant-folded conditions
if 1 then print("k1") end
if nil then print("no") else print("k2") end
if not nil then print("k3") end
if "" then print("k4") end
if 0 then print("k5") end
local t = {}
t.x = 1 == 1
t.y = not not nil
print(t.x, t.y)
-- multiple assignment evaluation order
local i = 3
local arr = {}
i, arr[i] = i+1, 20
print(i, arr[3], arr[4])
local aa, bb, cc = (function() return 1, 2, 3 end)()
print(aa, bb, cc)
local dd, ee, ff = ((function() return 1, 2, 3 end)())
print(dd, ee, ff)
-- swap
local p, q = 1, 2
p, q = q, p
print(p, q)
-- long chains of and/or with side effects
local log = {}
local function f(v) log[#log+1] = tostring(v); return v end
local r = f(1) and f(nil) or f(false) or f("x") and f(2)
print(r, table.concat(log, " "))
-- nested functions in expressions
print((function(...) return select('#', ...) end)(1, nil, nil))
print(#{1,2,3,nil}, #{n=1}, #"abc")
