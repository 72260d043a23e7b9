-- math.deg / math.rad (standard Lua 5.4 functions)
print(math.deg(math.pi), math.rad(180), math.deg(1) == 180 / math.pi, math.rad(90) == math.pi / 2)
print(math.type(math.deg(1)), math.deg(0), math.rad(-360))
