-- while loops whose condition piccoloc copies below the body (loop rotation):
-- results, break/goto, fresh locals per iteration, metamethods and errors in
-- the condition, NaN, line hooks and error positions as in lua5.4.
local t = {}
for k = 1, 10 do t[k] = k * k end
local i, j = 1, #t
while i < j do t[i], t[j] = t[j], t[i]; i = i + 1; j = j - 1 end
print(table.concat(t, " "))

local node = { v = 1, next = { v = 2, next = { v = 3 } } }
local s, x = 0, node
while x do s = s + x.v; x = x.next end
print("list", s)

i = 1
while i <= #t and t[i] ~= 36 do i = i + 1 end
print("found at", i)
while not (i > 20) do i = i + 3 end
print("not", i)
i = 0
while t[i + 1] and t[i + 1] > 50 or i < 2 do i = i + 1 end
print("or", i)

local fs = {}
i = 0
while i < 3 do local k = i; fs[#fs + 1] = function() return k end; i = i + 1 end
print("fresh", fs[1](), fs[2](), fs[3]())

i = 0
while i < 100 do
  i = i + 1
  if i % 2 == 0 then goto continue end
  if i > 9 then break end
  ::continue::
end
print("goto/break", i)

local mt = { __lt = function(a, b) return a.n < b.n end }
local a, b = setmetatable({ n = 0 }, mt), setmetatable({ n = 5 }, mt)
while a < b do a.n = a.n + 2 end
print("__lt", a.n)
local calls = 0
local eqmt = { __eq = function() calls = calls + 1; return calls < 4 end }
local e1, e2 = setmetatable({}, eqmt), setmetatable({}, eqmt)
while e1 == e2 do end
print("__eq calls", calls)

local nan = 0 / 0
i = 0
while nan ~= nan and i < 3 do i = i + 1 end
print("nan", i)
while not (nan < 1) and i < 6 do i = i + 1 end
print("nan2", i)

local lines = {}
debug.sethook(function(_, l) lines[#lines + 1] = l end, "l")
i = 0
while i < 3 do
  i = i + 1
end
debug.sethook()
print("lines", table.concat(lines, ","))

local v = { 1, 2, 3 }
print(pcall(function()
  local k = 1
  while v[k] < 10 do k = k + 1 end
end))
local cnt = 0
while cnt < 5 do cnt = cnt + 1 end
print(cnt)
