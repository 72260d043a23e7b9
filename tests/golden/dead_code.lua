-- Dead code removal: instructions after an unconditional jump or a return
-- that no jump reaches are dropped, and so is a jump to the next instruction (the goto below); jump offsets, lines and local variable
-- ranges are remapped.
local function f(x)
  do return x end
  local y = x + 1
  print(y)
end
local function g(x)
  goto skip
  x = x * 2
  ::skip::
  for i = 1, 3 do
    if i == x then return i end
  end
  return nil
end
return f, g
