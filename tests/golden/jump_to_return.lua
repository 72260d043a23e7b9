-- Jump to return: an unconditional JMP whose target is a return becomes a
-- copy of that return (the code after it is then unreachable and removed).
local function sign(n)
  local r
  if n < 0 then
    r = -1
  else
    return 0
  end
  return r
end
local function pick(a, b)
  if a then
    return a
  elseif b then
    return b
  end
end
return sign, pick
