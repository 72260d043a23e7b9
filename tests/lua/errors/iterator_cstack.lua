-- A generic-for iterator call counts as a C level, as lua5.4's luaD_call from
-- TFORCALL: iterators that run generic fors inside stop at "C stack overflow".
local function walk(n)
  local done = false
  return function()
    if done then return nil end
    done = true
    if n > 0 then for _ in walk(n - 1) do end end
    return n
  end
end
print(pcall(function() for x in walk(250) do return x end end))
print(pcall(function() for x in walk(150) do return x end end))
