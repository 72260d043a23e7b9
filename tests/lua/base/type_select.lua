-- type and select with every kind of argument.
print(type(nil), type(1), type(1.5), type("s"), type({}), type(print), type(type), type(true))
print(type(coroutine.create(print)), type(io.stdout), pcall(type))
print(select("#"), select("#", nil), select("#", nil, nil, nil))
print(select(1, "a", "b"), select(3, "a", "b"), select(-1, "a", "b"))
print(pcall(select, -3, "a", "b"))
print(select(2.0, "a", "b"), pcall(select, 1.5, "a"))
print(select("#", select(2, 1, 2, 3)))
