-- math.random with a fixed seed: Lua 5.4's xoshiro256** gives the same sequence.
math.randomseed(42)
local seq = {}
for i = 1, 5 do seq[#seq + 1] = math.random(1, 100) end
print(table.concat(seq, " "))
math.randomseed(42)
local again = {}
for i = 1, 5 do again[#again + 1] = math.random(1, 100) end
print(table.concat(again, " ") == table.concat(seq, " "))
math.randomseed(123)
print(math.random(10), math.random(5, 6), math.random(0), math.random(math.mininteger, math.maxinteger))
local f = math.random()
print(f >= 0 and f < 1, math.type(f), math.type(math.random(3)))
math.randomseed(7, 0)
print(math.random(1000000), math.random(1000000), string.format("%.10f", math.random()))
math.randomseed(1)
local counts = {0, 0, 0}
for i = 1, 3000 do local r = math.random(3); counts[r] = counts[r] + 1 end
print(counts[1], counts[2], counts[3])
print(pcall(math.random, 1, 2, 3))
print(pcall(math.random, 0.5))
print(math.random(5, 5), math.random(-3, -3))
