-- math library and numeric edge cases
local minint, maxint = math.mininteger, math.maxinteger
print(minint, maxint, maxint + 1 == minint, minint - 1 == maxint)
print(math.type(1), math.type(1.0), math.type("1"), math.type(nil))
print(math.tointeger(3.0), math.tointeger(3.5), math.tointeger("8"), math.tointeger(2^63), math.tointeger(-2^63))
print(3 // 2, -3 // 2, 3 // -2, -3 // -2, 3.0 // 2, -3 // 2.0)
print(3 % 2, -3 % 2, 3 % -2, -3 % -2, 3.5 % 2, -3.5 % 2, 3.5 % -2, 5.3 % 1)
print(minint // -1, minint % -1, maxint // -1)
print(1 / 0, -1 / 0, 0/0 ~= 0/0, -(0/0) ~= -(0/0))
print(math.huge, -math.huge, math.pi)
print(math.abs(-3), math.abs(3.5), math.abs(minint), math.abs(-0.0))
print(math.floor(3.7), math.floor(-3.7), math.ceil(3.2), math.ceil(-3.2), math.floor(5), math.ceil(2^62))
print(math.floor(1e100) == 1e100, math.type(math.floor(1e100)), math.type(math.floor(2.0^62)))
print(math.max(1, 2.5, -1), math.min(1, 2.5, -1), math.max(3), math.min(2, 2.0), math.max(2.0, 2))
print(pcall(math.max))
print(math.sqrt(16), math.sqrt(2), math.exp(0), math.log(1), math.log(8, 2), math.log(100, 10), math.log(27, 3))
print(math.sin(0), math.cos(0), math.tan(0), math.asin(1), math.acos(1), math.atan(1, 1), math.atan(1))
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(-7.5, 2), math.fmod(7, 3.0))
print(pcall(math.fmod, 1, 0))
print(math.fmod(1, 0.0) ~= math.fmod(1, 0.0), math.fmod(minint, -1), math.fmod(5, minint))
print(math.modf(3.7), math.modf(-3.7), math.modf(5), math.modf(math.huge), math.modf(-math.huge))
print(math.ult(1, 2), math.ult(-1, 2), math.ult(2, -1))
print(7 / 2, 7.0 / 2, 2^2, 2^0.5, 10 / 5, math.type(10 / 5))
print(1e15, 1e16, -1e15, 123456.789, 2^53, 2^53 + 1, 0.1 + 0.2)
print(string.format("%.17g", 0.1), string.format("%a", 1.0))
print(tostring(1e300 * 1e10), tostring(-1e300 * 1e10), tostring(0/0):find("nan") ~= nil)
print(maxint + 0.0, minint + 0.0, maxint * 2, minint * -1)
print(2^63 == maxint + 1.0, 2^63 > maxint, -2^63 == minint, -2^63 < minint)
-- comparisons int/float
print(1 == 1.0, maxint < 2^63, maxint <= 2^63, maxint + 0.0 == 2^63, minint == -2^63)
print(maxint < math.huge, minint > -math.huge, 1 < 0/0, 1 > 0/0, 0/0 == 0/0)
print(2^53 == 2^53 + 1, math.tointeger(2^53) == 2^53, (2^53 | 0) + 1 == 2^53 + 1)
for _, v in ipairs{3, -3, 3.0, -3.0, 0.5, -0.5, 1e308, maxint, minint} do
  io.write(tostring(v // 1), " ", tostring(v % 1), " ", tostring(-v), "|")
end
print()
-- float to string formats
for _, v in ipairs{1.0, -1.0, 1e100, 1.5e-10, 123e-7, 2^24, 2^63, 1/3, 100.0, 1e14, 1e15 + 0.5} do io.write(tostring(v), " ") end
print()
-- integer division and modulo by negative zero etc
print(0.0 // 1, -0.0 // 1, 1 // -math.huge, -1 // math.huge, 1 % -math.huge, -1 % math.huge)
print(5 // 0.0, -5 // 0.0, 0 // 0.0 ~= 0 // 0.0, 5 % -0.0 ~= 5 % -0.0)
-- string->number conversions in arith
print("10" + 0, "10.0" + 0, "0x10" + 0, math.type("10" + 0), math.type("10" * 1.0), "1e2" + 0)
-- shifts
print(1 << 63, 1 << 64, 1 << -1, -1 >> 1, -1 >> 63, -1 >> 64, 1 >> -2, 3 << 0)
-- integer conversions of floats in bitwise
print(2.0 | 1, 2^62 | 0, pcall(function() return "3" | 0 end), pcall(function() return 2^64 | 0 end))
-- math.random deterministic properties
math.randomseed(42)
local okr = true
for i = 1, 1000 do local r = math.random(); if r < 0 or r >= 1 then okr = false end end
for i = 1, 1000 do local r = math.random(5, 10); if r < 5 or r > 10 or math.type(r) ~= "integer" then okr = false end end
for i = 1, 1000 do local r = math.random(3); if r < 1 or r > 3 then okr = false end end
print(okr, pcall(math.random, 2, 1))
print(math.random(7, 7), math.random(minint, minint))
math.randomseed(123); local r1 = math.random(1, 1000000)
math.randomseed(123); local r2 = math.random(1, 1000000)
print(r1 == r2)
print(pcall(math.random, 1, 2, 3))
-- tostring(-0.0)
print(-0.0, 0.0, 0.0 == -0.0, 1/-0.0)
-- numeric for with float steps
local acc = {}
for x = 1, 2, 0.25 do acc[#acc+1] = x end
print(table.concat(acc, " "))
acc = {}
for x = 10, 1, -3 do acc[#acc+1] = x end
print(table.concat(acc, " "))
acc = {}
for x = 1, 3 do acc[#acc+1] = math.type(x) end
for x = 1.0, 3 do acc[#acc+1] = math.type(x) end
for x = 1, 3.5 do acc[#acc+1] = math.type(x) end
print(table.concat(acc, " "))
acc = 0
for i = maxint - 1, maxint, 2 do acc = acc + 1 end
for i = 1, 0 do acc = acc + 100 end
for i = 1, math.huge do acc = acc + 1; if acc > 10 then break end end
print(acc)
for i = 3, 1.5, -1 do io.write(i, " ") end print()
for i = -3, -1.5 do io.write(i, " ") end print()
for i = 1, -math.huge, -1 do if i < -2 then break end io.write(i, " ") end print()
