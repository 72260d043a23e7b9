-- Counts with some work per step; the host runs it in small fuel slices.
local s = 0
for i = 1, 5 do
  print("counter", i)
  for j = 1, 300 do s = s + j % 7 end
end
return "counter", s
