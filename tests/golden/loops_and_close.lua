-- Loops: numeric for (FORPREP/FORLOOP), generic for (TFORPREP/TFORCALL/
-- TFORLOOP with its closing value), repeat whose 'until' sees the body's
-- locals, and <close> variables (TBC, RETURN with k).
local sum = 0
for i = 10, 1, -2 do sum = sum + i end
for k, v in pairs({...}) do
  if v then sum = sum + k end
end
repeat
  local done = sum > 100
  sum = sum + 1
until done
do
  local h <close> = setmetatable({}, {__close = print})
  sum = sum + 1
end
return sum
