-- Jump threading: the 'break' inside the inner 'if' and the end of each
-- branch of the if/elseif chain jump to a JMP; after threading every jump
-- goes straight to its final target (compare jump_threading_O0.lua).
local x, y = ...
while true do
  if y then
    if x > 1 then break end
  elseif x then
    y = 1
  else
    y = 2
  end
end
return y
