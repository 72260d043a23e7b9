-- A stack overflow caught by pcall leaves the stack's overflow margin free
-- again: a later overflow gives "stack overflow" to its message handler, and
-- an overflow inside that handler gives "error in error handling".
local function loop(x, y, z) return 1 + loop(x, y, z) end
local ok, e = pcall(loop)
print(ok, e)
local res, msg = xpcall(loop, function(m)
  print("handler", m)
  local ok2, e2 = pcall(loop)
  print("inside the handler", ok2, e2)
  print(math.sin(0) == 0)
  return 15
end)
print(res, msg)
for i = 1, 3 do
  local ok3, e3 = pcall(loop)
  print(i, ok3, e3)
end
print(select('#', xpcall(error, error)), xpcall(error, error))
