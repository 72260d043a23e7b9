-- string <-> number coercions in arithmetic, concat and comparison
print("10" + 1, "10" + 1.5, "0x10" + 0, "1e1" + 0, " 5 " * 2, "-3" // 2, "7" % "4", "2" ^ "3")
print(math.type("10" + 1), math.type("10.0" + 1), math.type("10" * 1), math.type("3" // 1))
print(-"3", -"3.0", -" 0x10 ")
print(pcall(function() return "abc" + 1 end))
print(pcall(function() return "" + 1 end))
print(pcall(function() return "1" < 2 end))
print("10" == 10, "abc" < "abd", "2" < "10")
print(1 .. "", 1.0 .. "", -0.0 .. "", math.mininteger .. "", 2^63 .. "", 1e-3 .. "")
print(10 .. 20, 1.5 .. 2, "x" .. 1 // 1)
local t = {}
t["1"] = "str"; t[1] = "int"
print(t["1"], t[1], #t)
print(("5"):rep(3) + 0, string.format("%d", "10"), string.format("%.1f", "2.25"), string.format("%x", "255"))
print(math.floor("3.7"), math.abs("-2"), pcall(math.max, "x", 1))
print(("x"):rep("3"), ("abc"):sub("2"), string.char("65"))
print(tostring(10 // "3"), 10 / "4", pcall(function() return "9" | 0 end))
