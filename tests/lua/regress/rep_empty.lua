-- string.rep("", n) copied from a NULL buffer (undefined behaviour caught by --config=asan)
print(string.rep("", 10) == "", string.rep("", 1, ",") == "", string.rep("", 3, ",") == ",,")
print(("x"):rep(0), ("x"):rep(1, ""), ("ab"):rep(3, "-"))
