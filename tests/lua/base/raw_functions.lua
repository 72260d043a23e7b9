-- rawequal, rawlen, rawget, rawset: argument checking and results.
local t = {10, 20, x = "x"}
print(rawget(t, 1), rawget(t, "x"), rawget(t, "nope"))
print(rawset(t, "y", "Y") == t, t.y)
print(rawequal(t, t), rawequal(t, {}), rawequal(1, 1.0), rawequal("a", "a"), rawequal(0, -0))
print(rawlen(t), rawlen("hello"), rawlen({}))
print(pcall(rawget, "s", 1))
print(pcall(rawset, {}, 0/0, 1))
print(pcall(rawequal, 1))
print(rawget(t, 1.0), rawset(t, 3.0, 30)[3])
