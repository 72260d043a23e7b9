-- float modulo sign rules (a - floor(a/b)*b), run-time and constant-folded
local vals = {5.5, -5.5, 2, -2, 0.0, -0.0, 1e308, -1e308, math.huge, -math.huge, 3, -3, 0.25}
for _, a in ipairs(vals) do
  local row = {}
  for _, b in ipairs(vals) do
    local r = a % b
    if r ~= r then row[#row+1] = "nan" else row[#row+1] = tostring(r) end
  end
  print(tostring(a), table.concat(row, " "))
end
print(-5.5 % -2, 5.5 % -2, -5.5 % 2, 5.5 % 2, -7 % -1e309, -7.5 % -1e309, 7 % -1e309, -7 % 1e309)
print(-6.0 % -3, 6.0 % -3, -6.0 % 3, -1.5 % -0.5, 1e308 % -1e-308 ~= nil)
local x, y = -5.5, -2
print(x % y, x // y, x - (x // y) * y, math.fmod(x, y))
