-- goto semantics
local function errmsg(code) end
-- simple loops with goto
do
  local i = 1
  ::top::
  if i <= 3 then io.write(i, " "); i = i + 1; goto top end
  print()
end
-- continue
for i = 1, 5 do
  if i % 2 == 0 then goto continue end
  io.write(i, ";")
  ::continue::
end
print()
-- nested loops break-out
do
  for i = 1, 3 do
    for j = 1, 3 do
      if i * j == 4 then print("found", i, j) goto out end
    end
  end
  ::out::
end
-- goto to end of block with local after
do
  local x = 0
  goto l1
  ::l2:: x = x + 1
  ::l1:: x = x + 10
  if x < 20 then goto l2 end
  print("x", x)
end
-- closures in goto loops get fresh locals
do
  local fs = {}
  local i = 1
  ::again::
  local v = i * 10
  fs[i] = function() return v end
  i = i + 1
  if i <= 3 then goto again end
  print(fs[1](), fs[2](), fs[3]())
end
-- labels at the end of blocks and with void statements
do
  goto e
  local q = 1
  ::e:: ; ;
end
do
  local function f(n)
    local r = {}
    for i = 1, n do
      repeat
        if i == 2 then goto skip end
        r[#r+1] = i
        ::skip::
      until true
    end
    return table.concat(r, ",")
  end
  print(f(5))
end
-- goto in while with upvalue closing
do
  local t = {}
  local k = 0
  while k < 4 do
    k = k + 1
    local captured = k
    t[k] = function() return captured end
    if k == 2 then goto cont end
    ::cont::
  end
  print(t[1](), t[2](), t[3](), t[4]())
end
-- backward goto closing upvalues
do
  local fns = {}
  local n = 0
  ::loop::
  do
    local z = n
    fns[#fns+1] = function() z = z + 1; return z end
  end
  n = n + 1
  if n < 3 then goto loop end
  print(fns[1](), fns[1](), fns[2](), fns[3]())
end
-- same label name in different functions and nested blocks
local function g1() goto a; ::a:: return 1 end
local function g2() do goto a end ::a:: return 2 end
print(g1(), g2())
-- state machine
local function machine(input)
  local pos, out = 1, {}
  ::s0::
  if pos > #input then goto done end
  do
    local c = input:sub(pos, pos); pos = pos + 1
    if c == "a" then out[#out+1] = "A"; goto s1 end
    out[#out+1] = c
    goto s0
  end
  ::s1::
  if pos > #input then goto done end
  do
    local c = input:sub(pos, pos); pos = pos + 1
    out[#out+1] = "(" .. c .. ")"
    goto s0
  end
  ::done::
  return table.concat(out)
end
print(machine("xaybazc"))
