-- while, repeat-until (scope of until sees the body's locals), break, nested loops.
local i, s = 0, 0
while i < 10 do i = i + 1; if i % 2 == 0 then s = s + i end end
print(i, s)
local n = 0
repeat local m = n; n = n + 1 until m >= 3
print(n)
local found
for a = 1, 5 do
  for b = 1, 5 do
    if a * b == 12 then found = a .. "x" .. b break end
  end
  if found then break end
end
print(found)
while true do break end
repeat break until false
local k = 0
while k < 3 do k = k + 1 local f = function() return k end if f() == 2 then break end end
print(k)
