-- io.write and io.stdout: formatting of numbers, chaining, return values.
io.write("no newline")
io.write("\n")
io.write(1, " ", 1.0, " ", -2.5, " ", 1e100, " ", 2^63, "\n")
io.write(math.maxinteger, " ", math.mininteger, " ", 1/0, " ", -1/0, "\n")
io.stdout:write("a", "b"):write("c\n")
print(io.write() == io.stdout, io.type(io.stdout), io.type(42))
io.write(string.format("%3d|%-3d|\n", 1, 2))
io.write("tab\tand\0zero\n")
