-- load's mode argument is checked before source text is refused for lack of a parser.
print(load("x = 1", "modname", "b"))
print(load(string.dump and "" or "", "e", "b"))
print(pcall(load, "x", "n", "q"))
