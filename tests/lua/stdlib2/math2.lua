-- math: integer/float rules, random sequences (xoshiro256**), errors
print(math.floor(3.7), math.floor(-3.7), math.floor(5), math.floor(2^62 + 0.0), math.floor(2^63), math.floor(-2^63))
print(math.ceil(3.2), math.ceil(-3.2), math.ceil(1e100), math.ceil(-0.0), math.floor(1/0))
print(math.tointeger(3.0), math.tointeger(3.5), math.tointeger("8"), math.tointeger(2^63), math.tointeger({}))
print(math.abs(-5), math.abs(-5.5), math.abs(math.mininteger), math.abs(-0.0))
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(7.5, 2), math.fmod(-6, 2))
print(math.fmod(math.mininteger, -1), math.fmod(3, math.mininteger))
print(math.modf(3.7), math.modf(-3.7), math.modf(4), math.modf(-1/0), math.modf(0/0) ~= math.modf(0/0))
print(math.max(1, 2, 3), math.max(1.5, 1), math.max(2, 2.0), math.min(2.0, 2), math.min(-1, -1.5), math.max(math.maxinteger, 2^63))
print(math.ult(1, 2), math.ult(-1, 2), math.ult(2, -1))
print(math.type(1), math.type(1.0), math.type("1"), math.type(nil))
print(math.sqrt(16), math.sin(0), math.cos(0), math.tan(0), math.exp(1), math.log(1), math.log(1024, 2), math.log(1000, 10), math.log(81, 3))
print(math.atan(1, 1), math.atan(1), math.asin(1), math.acos(1), math.atan(-1, -1))
print(math.pi, math.huge, -math.huge, math.maxinteger, math.mininteger, math.maxinteger + 1 == math.mininteger)
for _, seed in ipairs({42, 0, -1, 123456789}) do
  print(math.randomseed(seed))
  local r = {}
  for i = 1, 8 do r[i] = math.random(1, 100) end
  print(table.concat(r, " "), math.random(0), math.random(), math.random(7), math.random(-10, -5))
  print(math.random(math.mininteger, math.maxinteger), math.random(3, 3), math.random(1, 2^40))
end
math.randomseed(7, 11) print(math.random(1000), math.random(1000))
local errs = {
  {"fmod", 1, 0}, {"random", 2, 1}, {"random", 1.5}, {"random", 1, 2, 3}, {"floor", "x"},
  {"max"}, {"min"}, {"tointeger"}, {"type"}, {"abs", nil}, {"ult", 1.5, 2}, {"randomseed", 1.5},
  {"log", "a"},
}
for _, e in ipairs(errs) do print(e[1], pcall(math[e[1]], table.unpack(e, 2, 4))) end
print(pcall(math.max, 1, "2"))
