-- The main chunk: varargs of the chunk, locals at top level, return from main.
print(select("#", ...))
print(type(arg), arg[1])
local function f() return "f" end
print(f())
do return end
print("not reached")
