-- a numeric string with an embedded NUL ("1\0") was accepted as a number by tonumber and string arithmetic
print(tonumber("1\0"), tonumber("1 \0"), tonumber("1\0 "), tonumber("0x10\0"))
print((pcall(function () return "10\0" + 1 end)))
print((pcall(function () return 1 + "10\0" end)))
print(math.tointeger("3\0"), math.tointeger("3"))
print("10" + 1, " 0x10 " * 2, "1e1" - 1, -"2")
print(tonumber("  12  "), tonumber("12a"), tonumber(""), tonumber("0x"))
