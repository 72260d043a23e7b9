-- math.min and math.max of two numbers, which CALL computes itself: integer, float and mixed operands, equal values (the first kept), NaN, -0.0, huge integers, every result shape; other argument kinds go to the library.
local nan = 0/0
local t = {
  {1, 2}, {2, 1}, {1.5, 2}, {2, 1.5}, {3, 3.0}, {3.0, 3}, {-0.0, 0.0}, {0.0, -0.0},
  {nan, 1}, {1, nan}, {math.maxinteger, math.maxinteger + 0.0}, {math.mininteger, -2^63},
  {9007199254740993, 9007199254740992.0}, {9007199254740992.0, 9007199254740993},
}
for _, p in ipairs(t) do
  local a, b = p[1], p[2]
  print(math.max(a, b), math.min(a, b), math.type(math.max(a, b)), math.type(math.min(a, b)), 1/math.max(a,b), 1/math.min(a,b))
end
print(math.max(1, 2, 3), math.min(3), pcall(math.max), pcall(math.max, "a", "b"), pcall(math.min, {}, 1))
local x, y = math.max(1, 2)
print(x, y, select("#", math.min(1, 2)))
local s = 0
for i = 1, 100000 do s = s + math.max(i % 7, 3) - math.min(i % 5, 2.5) end
print(s)
